/* patella-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-application"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-settings.h"
#include "patella-application.h"
#include "patella-first-frame.h"
#include "patella-window.h"

struct _PatellaApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *database;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PatellaApplication, patella_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PatellaApplication *
patella_application_new (const char        *database,
                         GApplicationFlags  flags)
{
  return g_object_new (PATELLA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/patella/Patella",
                       "database", database,
                       NULL);
}

/* The database this instance uses: --database, or the default file. */
const char *
patella_application_get_database (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  if (self->database == NULL)
    self->database = patella_store_default_path ();
  return self->database;
}

/* NULL when the schema is neither installed nor in the build tree; the
 * window then simply does not remember its size. */
GSettings *
patella_application_get_settings (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
distance_unit_change_state (GSimpleAction      *action,
                            GVariant           *value,
                            PatellaApplication *self)
{
  const char *unit = g_variant_get_string (value, NULL);

  if (g_str_equal (unit, "km") || g_str_equal (unit, "mi"))
    g_settings_set_string (self->settings, "distance-unit", unit);
}

static void
distance_unit_changed (GSettings     *settings,
                       const char    *key,
                       GSimpleAction *action)
{
  g_autofree char *unit = g_settings_get_string (settings, key);

  g_simple_action_set_state (action, g_variant_new_string (unit));
}

static void
patella_application_startup (GApplication *application)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (patella_application_parent_class)->startup (application);

  self->settings = patella_settings_new ();
  if (self->settings != NULL)
    {
      g_autofree char *unit = g_settings_get_string (self->settings, "distance-unit");
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful ("distance-unit", G_VARIANT_TYPE_STRING, g_variant_new_string (unit));

      /* Not g_settings_create_action(): its action follows the settings even
       * after this application is gone; this one stops with the application. */
      g_signal_connect_object (action, "change-state", G_CALLBACK (distance_unit_change_state), self, 0);
      g_signal_connect_object (self->settings, "changed::distance-unit",
                               G_CALLBACK (distance_unit_changed), action, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
patella_application_activate (GApplication *application)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      /* The check of every row waits until the window is up. */
      store = patella_store_open_full (patella_application_get_database (self),
                                       PATELLA_STORE_OPEN_DEFER_CHECK, &error);
      window = GTK_WINDOW (patella_window_new (self, store));
      if (store == NULL)
        patella_window_show_error (PATELLA_WINDOW (window), error->message);
      else
        {
          /* An import from the command line shows up here as it lands. */
          patella_store_watch_outside_changes (store);
          patella_window_check_store (PATELLA_WINDOW (window));
        }
      patella_first_frame_watch (window);
    }

  gtk_window_present (window);
}

static void
patella_application_finalize (GObject *object)
{
  PatellaApplication *self = (PatellaApplication *) object;

  g_clear_pointer (&self->database, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_application_parent_class)->finalize (object);
}

static void
patella_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PatellaApplication *self = PATELLA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_string (value, patella_application_get_database (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_application_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PatellaApplication *self = PATELLA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_application_class_init (PatellaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = patella_application_finalize;
  object_class->get_property = patella_application_get_property;
  object_class->set_property = patella_application_set_property;

  app_class->startup = patella_application_startup;
  app_class->activate = patella_application_activate;

  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  PatellaApplication *self = user_data;
  static const char *developers[] = { "The Patella developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "Patella",
                        "application-icon", APP_ID,
                        "developer-name", _("The Patella developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("A daily rehab checklist, pain and run log for runners "
                                      "recovering from patellofemoral pain (runner’s knee).\n\n"
                                      "Patella is a log and a guide, not a diagnosis. See a "
                                      "clinician if your knee locks, gives way or swells, or "
                                      "if the pain is severe."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
patella_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  /* Every entry is committed when it is made, so there is nothing to save. */
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", patella_application_quit_action },
  { "about", patella_application_about_action },
};

static void
patella_application_init (PatellaApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}
