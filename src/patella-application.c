/* patella-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-application"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day-plan.h"
#include "core/patella-settings.h"
#include "patella-application.h"
#include "patella-first-frame.h"
#include "patella-login-start.h"
#include "patella-preferences-window.h"
#include "patella-routine-guide.h"
#include "patella-welcome.h"
#include "patella-window.h"

struct _PatellaApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char             *database;
  GSettings        *settings;
  PatellaSession   *session;
  PatellaNotifier  *notifier;
  GCancellable     *autostart_cancellable;

  /* The instance of the runner's own record sends the reminders and may
   * run in the background; another --database gets only a window. */
  gboolean          primary;
  gboolean          background;             /* --background, until the first activation */
  gboolean          started_in_background;  /* and no window opened since */
  gboolean          held;
};

G_DEFINE_FINAL_TYPE (PatellaApplication, patella_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_BACKGROUND,
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

PatellaNotifier *
patella_application_get_notifier (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);
  return self->notifier;
}

static PatellaWindow *
find_main_window (PatellaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PATELLA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The record, its settings and its Undo: one for the application's life,
 * made at start-up. */
PatellaSession *
patella_application_get_session (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);
  return self->session;
}

PatellaStore *
patella_application_dup_store (PatellaApplication  *self,
                               GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  return patella_session_dup_store (self->session, error);
}

/* Something went wrong outside the window's own actions. */
static void
report_problem (PatellaApplication *self,
                const char         *title,
                const char         *message)
{
  PatellaWindow *window = find_main_window (self);

  if (window != NULL)
    patella_window_show_problem (window, message);
  else if (self->notifier != NULL)
    patella_notifier_send_problem (self->notifier, title, message);
  else
    g_message ("%s: %s", title, message);
}

/* Held, the application keeps running with no window open: started in
 * the background, or asked to run there. */
static void
update_hold (PatellaApplication *self)
{
  gboolean hold = self->primary &&
                  (self->started_in_background ||
                   (self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background")));

  if (hold == self->held)
    return;
  self->held = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

typedef struct
{
  GWeakRef application;
  gboolean enabled;
} AutostartRequest;

static void
autostart_request_free (AutostartRequest *request)
{
  g_weak_ref_clear (&request->application);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AutostartRequest, autostart_request_free)

static void
autostart_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(AutostartRequest) request = data;
  g_autoptr(PatellaApplication) self = g_weak_ref_get (&request->application);
  g_autoptr(GError) error = NULL;

  if (patella_login_start_set_enabled_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self == NULL)
    return;

  report_problem (self,
                  request->enabled ? _("Patella cannot start at login") : _("Patella will still start at login"),
                  error->message);

  /* The switch shows what is true: refused, it goes back off. */
  if (request->enabled && self->settings != NULL)
    g_settings_set_boolean (self->settings, "run-in-background", FALSE);
}

static void
sync_autostart (PatellaApplication *self,
                gboolean            enabled)
{
  AutostartRequest *request = g_new0 (AutostartRequest, 1);

  g_weak_ref_init (&request->application, self);
  request->enabled = enabled;

  /* Only the last request counts. */
  g_cancellable_cancel (self->autostart_cancellable);
  g_clear_object (&self->autostart_cancellable);
  self->autostart_cancellable = g_cancellable_new ();

  patella_login_start_set_enabled_async (enabled, GTK_WINDOW (find_main_window (self)),
                                         self->autostart_cancellable, autostart_done, request);
}

static void
run_in_background_changed (PatellaApplication *self)
{
  sync_autostart (self, g_settings_get_boolean (self->settings, "run-in-background"));
  update_hold (self);
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
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (patella_application_parent_class)->startup (application);

  self->settings = patella_settings_new ();
  self->session = patella_session_new (patella_application_get_database (self), self->settings);
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
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  /* GTK binds Ctrl+? only for a gtk/help-overlay.ui, which Patella does not
   * have: its shortcuts window is built when asked for (see PatellaWindow). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  self->primary = !(g_application_get_flags (application) & G_APPLICATION_NON_UNIQUE);
  if (self->settings != NULL)
    {
      self->notifier = patella_notifier_new (application, self->session);

      if (self->primary)
        {
          /* The login entry agrees with the setting; a stale one (the
           * setting switched off while Patella was not running) goes
           * when it starts Patella. Otherwise the entry is left alone,
           * as the setting may be at its default only because this is a
           * fresh settings store. */
          if (g_settings_get_boolean (self->settings, "run-in-background"))
            sync_autostart (self, TRUE);
          else if (self->background)
            sync_autostart (self, FALSE);
          g_signal_connect_object (self->settings, "changed::run-in-background",
                                   G_CALLBACK (run_in_background_changed), self, G_CONNECT_SWAPPED);

          patella_notifier_start (self->notifier);
        }
    }
  update_hold (self);
}

static void
patella_application_activate (GApplication *application)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);
  PatellaStore *store;
  GtkWindow *window;

  /* `patella --background`: no window now, and none raised if one is
   * open already; a later launch opens or presents it. */
  if (self->background)
    {
      self->background = FALSE;
      if (self->primary)
        {
          if (find_main_window (self) == NULL)
            {
              self->started_in_background = TRUE;
              update_hold (self);
            }
          return;
        }
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      /* The check of every row waits until the window is up; a file
       * refused shows in the window. */
      patella_session_open (self->session);
      store = patella_session_get_store (self->session);
      window = GTK_WINDOW (patella_window_new (GTK_APPLICATION (self), self->session));
      /* The record goes with the window: the next one opens it afresh. */
      g_signal_connect_object (window, "destroy", G_CALLBACK (patella_session_close), self->session,
                               G_CONNECT_SWAPPED);
      patella_first_frame_watch (window);
      gtk_window_present (window);

      /* From now on closing the window quits, unless Patella runs in
       * the background. */
      self->started_in_background = FALSE;
      update_hold (self);

      /* The first start: what Patella is, and the two choices that matter. */
      if (store != NULL && self->settings != NULL &&
          !g_settings_get_boolean (self->settings, "welcome-done"))
        patella_welcome_present (window, self->settings);
      /* Such as a damaged write-ahead log, kept aside: above all else. */
      if (store != NULL && patella_store_get_notice (store) != NULL)
        patella_window_show_message (PATELLA_WINDOW (window), _("Part of Your Log Could Not Be Read"),
                                     patella_store_get_notice (store));
      return;
    }

  gtk_window_present (window);
}

/* `patella --background` while Patella runs: the running instance hears
 * of it through the activation's platform data. */
static void
patella_application_add_platform_data (GApplication    *application,
                                       GVariantBuilder *builder)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);

  G_APPLICATION_CLASS (patella_application_parent_class)->add_platform_data (application, builder);
  if (self->background)
    g_variant_builder_add (builder, "{sv}", "patella-background", g_variant_new_boolean (TRUE));
}

static void
patella_application_before_emit (GApplication *application,
                                 GVariant     *platform_data)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);
  gboolean background = FALSE;

  G_APPLICATION_CLASS (patella_application_parent_class)->before_emit (application, platform_data);
  if (g_variant_lookup (platform_data, "patella-background", "b", &background) && background)
    self->background = TRUE;
}

static void
patella_application_after_emit (GApplication *application,
                                GVariant     *platform_data)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);

  /* Only ever for the one activation that asked. */
  if (g_variant_lookup (platform_data, "patella-background", "b", NULL))
    self->background = FALSE;

  G_APPLICATION_CLASS (patella_application_parent_class)->after_emit (application, platform_data);
}

static void
patella_application_shutdown (GApplication *application)
{
  PatellaApplication *self = PATELLA_APPLICATION (application);

  g_cancellable_cancel (self->autostart_cancellable);
  g_clear_object (&self->notifier);
  if (self->session != NULL)
    patella_session_close (self->session);

  G_APPLICATION_CLASS (patella_application_parent_class)->shutdown (application);
}

static void
patella_application_finalize (GObject *object)
{
  PatellaApplication *self = (PatellaApplication *) object;

  g_clear_object (&self->notifier);
  g_clear_object (&self->autostart_cancellable);
  g_clear_pointer (&self->database, g_free);
  g_clear_object (&self->session);
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

    case PROP_BACKGROUND:
      g_value_set_boolean (value, self->background);
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

    case PROP_BACKGROUND:
      if (self->background != g_value_get_boolean (value))
        {
          self->background = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
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
  app_class->shutdown = patella_application_shutdown;
  app_class->add_platform_data = patella_application_add_platform_data;
  app_class->before_emit = patella_application_before_emit;
  app_class->after_emit = patella_application_after_emit;

  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Set before running: the first activation opens no window. */
  properties[PROP_BACKGROUND] =
    g_param_spec_boolean ("background", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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

static void
patella_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  PatellaApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  patella_preferences_window_present (window, self->session);
}

static void
patella_application_about_routine_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  PatellaApplication *self = user_data;

  patella_routine_guide_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* From a notification: the window, on Today. */
static void
patella_application_open_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window;

  self->background = FALSE;
  window = find_main_window (self);
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = find_main_window (self);
    }
  if (window == NULL)
    return;

  if (patella_session_get_refusal (self->session) == NULL)
    patella_window_set_page (window, "today");
  gtk_window_present (GTK_WINDOW (window));
}

/* From a notification: one set of an exercise, today, with or without
 * the window. */
static void
patella_application_log_set_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  PatellaApplication *self = user_data;
  const char *exercise_id = g_variant_get_string (parameter, NULL);
  PatellaWindow *window = find_main_window (self);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaDayPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* The Today page showing today logs it as a click would, with Undo. */
  if (window != NULL && patella_session_get_store (self->session) != NULL)
    {
      PatellaTodayPage *page = patella_window_get_today_page (window);
      PatellaDayPlan *shown = patella_today_page_get_plan (page);

      if (shown != NULL && patella_day_plan_get_is_today (shown))
        {
          gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", exercise_id);
          return;
        }
    }

  /* Otherwise through the same record; the window follows its changes. */
  store = patella_application_dup_store (self, &error);
  if (store != NULL)
    {
      plan = patella_day_plan_new (store, NULL);
      if (patella_day_plan_reload (plan, &error) &&
          patella_day_plan_log_set (plan, exercise_id, &error) != 0)
        return;
    }

  report_problem (self, _("The set was not logged"), error->message);
}

static const GActionEntry app_actions[] = {
  { "quit", patella_application_quit_action },
  { "about", patella_application_about_action },
  { "preferences", patella_application_preferences_action },
  { "about-routine", patella_application_about_routine_action },
  { "open", patella_application_open_action },
  { "log-set", patella_application_log_set_action, "s" },
};

static void
patella_application_init (PatellaApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}
