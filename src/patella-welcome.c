/* patella-welcome.c: the first start
 *
 * Three pages in an always-folded AdwLeaflet: what Patella does, what it is
 * not, and the two choices that matter (distance unit, reminder times). The
 * choices are bound straight to GSettings, so there is nothing to apply.
 *
 * However the window goes away (Start, Esc, the close button, Ctrl+W, or
 * with the main window), "welcome-done" is set: the runner has seen it, every choice
 * made here is also in Preferences, and asking again at each start would nag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-a11y.h"
#include "patella-time-row.h"
#include "patella-routine-guide.h"
#include "patella-welcome.h"

#define PATELLA_TYPE_WELCOME (patella_welcome_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWelcome, patella_welcome, PATELLA, WELCOME, AdwWindow)

struct _PatellaWelcome
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  AdwLeaflet     *leaflet;
  GtkWidget      *back_button;
  GtkWidget      *next_button;
  GtkWidget      *start_button;
  GtkImage       *app_icon;
  GtkSwitch      *reminders_switch;
  PatellaTimeRow *quad_row_0;
  PatellaTimeRow *quad_row_1;
  PatellaTimeRow *quad_row_2;
  PatellaTimeRow *routine_row;

  /* owned */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PatellaWelcome, patella_welcome, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The leaflet's pages, in order, by name (see the .ui). */
static const char *const page_names[] = { "intro", "limits", "choices" };

static guint
current_page (PatellaWelcome *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return 0;
}

static void
mark_done (PatellaWelcome *self)
{
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "welcome-done"))
    g_settings_set_boolean (self->settings, "welcome-done", TRUE);
}

static void
page_changed (PatellaWelcome *self)
{
  guint page = current_page (self);
  gboolean last = page + 1 == G_N_ELEMENTS (page_names);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *visible_page = adw_leaflet_get_visible_child (self->leaflet);
  GtkWidget *primary = last ? self->start_button : self->next_button;
  g_autofree char *step = NULL;

  /* Translators: the welcome's subtitle, e.g. "Step 1 of 3" */
  step = g_strdup_printf (_("Step %u of %u"), page + 1, (guint) G_N_ELEMENTS (page_names));
  adw_window_title_set_subtitle (self->window_title, step);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.back", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.next", !last);
  gtk_widget_set_visible (self->back_button, page > 0);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->start_button, last);

  /* The keyboard focus must not stay on a button just hidden, nor on a
   * page that slid away: it moves to Next, or to Start on the last page. */
  if (focus == NULL ||
      !gtk_widget_get_visible (focus) ||
      (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->leaflet)) &&
       !gtk_widget_is_ancestor (focus, visible_page)))
    gtk_widget_grab_focus (primary);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PatellaWelcome *self = PATELLA_WELCOME (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PatellaWelcome *self = PATELLA_WELCOME (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PatellaWelcome *self = PATELLA_WELCOME (widget);

  mark_done (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
about_routine_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  patella_routine_guide_present (GTK_WINDOW (widget));
}

static void
quit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL)
    g_application_quit (application);
}

static gboolean
patella_welcome_close_request (GtkWindow *window)
{
  mark_done (PATELLA_WELCOME (window));

  return GTK_WINDOW_CLASS (patella_welcome_parent_class)->close_request (window);
}

static void
bind_time_row (PatellaWelcome *self,
               PatellaTimeRow *row,
               const char     *key,
               int             index)
{
  patella_time_row_bind (row, self->settings, key, index);
  g_settings_bind (self->settings, "reminders-enabled", row, "sensitive", G_SETTINGS_BIND_GET);
}

static void
patella_welcome_constructed (GObject *object)
{
  PatellaWelcome *self = (PatellaWelcome *) object;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) unit = NULL;

  G_OBJECT_CLASS (patella_welcome_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  /* The unit's check buttons are radio items of this stateful action; it
   * lives and dies with the window. */
  unit = g_settings_create_action (self->settings, "distance-unit");
  g_action_map_add_action (G_ACTION_MAP (group), unit);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));

  g_settings_bind (self->settings, "reminders-enabled", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  bind_time_row (self, self->quad_row_0, "quad-reminder-times", 0);
  bind_time_row (self, self->quad_row_1, "quad-reminder-times", 1);
  bind_time_row (self, self->quad_row_2, "quad-reminder-times", 2);
  bind_time_row (self, self->routine_row, "routine-reminder-time", -1);
}

static void
patella_welcome_dispose (GObject *object)
{
  PatellaWelcome *self = (PatellaWelcome *) object;

  /* Going away with the main window counts as having seen it too. */
  mark_done (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_WELCOME);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_welcome_parent_class)->dispose (object);
}

static void
patella_welcome_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PatellaWelcome *self = PATELLA_WELCOME (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_welcome_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PatellaWelcome *self = PATELLA_WELCOME (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_welcome_class_init (PatellaWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = patella_welcome_constructed;
  object_class->dispose = patella_welcome_dispose;
  object_class->get_property = patella_welcome_get_property;
  object_class->set_property = patella_welcome_set_property;
  window_class->close_request = patella_welcome_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PATELLA_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/patella/Patella/patella-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, window_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, back_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, next_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, start_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, app_icon);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, quad_row_0);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, quad_row_1);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, quad_row_2);
  gtk_widget_class_bind_template_child (widget_class, PatellaWelcome, routine_row);
  gtk_widget_class_bind_template_callback (widget_class, page_changed);

  gtk_widget_class_install_action (widget_class, "welcome.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "welcome.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "welcome.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "welcome.about-routine", NULL, about_routine_action);
  gtk_widget_class_install_action (widget_class, "welcome.quit", NULL, quit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  /* The application's own accelerators only reach its own windows. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK, "welcome.quit", NULL);
}

static void
patella_welcome_init (PatellaWelcome *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));
  patella_a11y_name_controls (GTK_WIDGET (self));

  /* Run from the build tree the app icon is not installed yet; no icon is
   * better than a broken one. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_image_set_from_icon_name (self->app_icon, APP_ID);
  gtk_widget_set_visible (GTK_WIDGET (self->app_icon), gtk_icon_theme_has_icon (theme, APP_ID));

  page_changed (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->next_button);
}

/* As large as it likes, but never larger than the screen it opens on. */
static void
fit_to_monitor (GtkWindow *window,
                GtkWindow *parent,
                int        width,
                int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  GdkMonitor *monitor = NULL;
  GdkRectangle area;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)), surface);
  if (monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &area);
      width = MIN (width, area.width);
      height = MIN (height, area.height);
    }
  gtk_window_set_default_size (window, width, height);
}

void
patella_welcome_present (GtkWindow *parent,
                         GSettings *settings)
{
  GtkWindow *welcome;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* Not one of the application's windows: the application's active window,
   * which its actions act on, stays the main window. The welcome's own
   * actions open the guide on top of it and quit. */
  welcome = g_object_new (PATELLA_TYPE_WELCOME,
                          "transient-for", parent,
                          "destroy-with-parent", TRUE,
                          "settings", settings,
                          NULL);
  fit_to_monitor (welcome, parent, 520, 680);
  gtk_window_present (welcome);
}
