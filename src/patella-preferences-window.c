/* patella-preferences-window.c: units, warning thresholds, reminders
 *
 * Every row is bound to its GSettings key, so a change applies at once
 * (the pages listen to the keys) and there is nothing to save. The warning
 * thresholds can go back to their defaults, with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-store-progression.h"
#include "patella-a11y.h"
#include "patella-preferences-window.h"
#include "patella-routine-guide.h"
#include "patella-time-row.h"

struct _PatellaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings   *settings;
  PatellaStore *store;             /* the main window's record; NULL without one */
  AdwComboRow *unit_row;
  GtkSwitch   *return_switch;
  GtkSpinButton *pain_limit_spin;
  GVariant    *saved_thresholds;   /* for Undo of Restore Defaults */
};

G_DEFINE_FINAL_TYPE (PatellaPreferencesWindow, patella_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The warnings' thresholds: the keys of the warnings issue, with the words
 * a runner reads them in. */
static const struct {
  const char *key;
  const char *title;
  const char *subtitle;
  double      step;
  guint       digits;
} thresholds[] = {
  { "pain-high-threshold", N_("Pain During Activity"),
    N_("Warn when pain during activity is above this score out of 10"), 1, 0 },
  { "pain-severe-threshold", N_("Severe Pain"),
    N_("Warn at once when any pain score reaches this"), 1, 0 },
  { "morning-rise-threshold", N_("Worse Morning After a Run"),
    N_("Warn when the morning after a run is this many points above your usual morning (the median of the two weeks before)"), 1, 0 },
  { "pain-trend-threshold", N_("Weekly Pain Rise"),
    N_("Warn when morning pain, or pain during activity, averages this much more than the week before"), 0.1, 1 },
  { "run-spike-percent", N_("Longer Run, in Percent"),
    N_("Warn when a run is this much longer than the longest of the previous 30 days"), 1, 0 },
  { "weekly-spike-percent", N_("Weekly Distance Increase, in Percent"),
    N_("Warn when seven days’ distance is this much above the biggest of the four weeks before"), 1, 0 },
  { "acwr-threshold", N_("Acute to Chronic Load Ratio"),
    N_("Warn when the last week’s load is this many times an average week of the three before"), 0.1, 1 },
  { "monotony-threshold", N_("Training Monotony"),
    N_("Warn when the week’s loads are this uniform (mean over standard deviation)"), 0.1, 1 },
};

static void
patella_preferences_window_dispose (GObject *object)
{
  PatellaPreferencesWindow *self = PATELLA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->saved_thresholds, g_variant_unref);

  G_OBJECT_CLASS (patella_preferences_window_parent_class)->dispose (object);
}

static void
patella_preferences_window_init (PatellaPreferencesWindow *self)
{
}

static GtkWidget *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* A row with a switch bound to @key; the row activates the switch. */
static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = action_row (title, subtitle);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  return row;
}

/* "km" ↔ 0, "mi" ↔ 1 */
static gboolean
unit_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "mi") ? 1 : 0);
  return TRUE;
}

static GVariant *
index_to_unit (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "mi" : "km");
}

/* What went wrong, in a toast; the message is text, not markup. */
static void
show_problem (PatellaPreferencesWindow *self,
              const GError             *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

/* The plan lives in the record: the switch shows it and changes it. */
static void
return_switch_changed (PatellaPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preferences.return-to-running", "b",
                              gtk_switch_get_active (self->return_switch));
}

static void
return_to_running_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PatellaPreferencesWindow *self = PATELLA_PREFERENCES_WINDOW (widget);
  gboolean active = g_variant_get_boolean (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();
  PatellaReturnPlan plan;

  if (self->store == NULL || !patella_store_get_return_plan (self->store, &plan, &error))
    return;
  /* Switching on what is on would start the plan again from its first phase. */
  if (plan.active != active && !patella_store_set_return_plan (self->store, active, today, &error))
    show_problem (self, error);
  patella_return_plan_clear (&plan);
  if (patella_store_get_return_plan (self->store, &plan, NULL))
    {
      g_signal_handlers_block_by_func (self->return_switch, return_switch_changed, self);
      gtk_switch_set_active (self->return_switch, plan.active);
      g_signal_handlers_unblock_by_func (self->return_switch, return_switch_changed, self);
      patella_return_plan_clear (&plan);
    }
}

static void
pain_limit_changed (PatellaPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preferences.return-pain-limit", "i",
                              gtk_spin_button_get_value_as_int (self->pain_limit_spin));
}

static void
return_pain_limit_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PatellaPreferencesWindow *self = PATELLA_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !patella_store_set_return_pain_limit (self->store, g_variant_get_int32 (parameter), &error))
    show_problem (self, error);
}

static void
add_return_group (PatellaPreferencesWindow *self,
                  AdwPreferencesPage       *page)
{
  GtkWidget *group, *row, *spin;
  PatellaReturnPlan plan = { 0 };

  group = add_group (page, _("Return to Running"),
                     _("Patella suggests; the runner and their clinician decide."));
  row = action_row (_("Graded Return to Running"),
                    _("Walk/run phases on Today, each run twice, a rest day between runs; a phase moves on "
                      "only while the pain stays low and the next morning is no worse"));
  self->return_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->return_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->return_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Graded Return to Running"), -1);
  if (!patella_store_get_return_plan (self->store, &plan, NULL))
    plan.pain_limit = PATELLA_PROGRESSION_EASY_PAIN;
  gtk_switch_set_active (self->return_switch, plan.active);
  g_signal_connect_swapped (self->return_switch, "notify::active", G_CALLBACK (return_switch_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->return_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->return_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* The clinician's threshold: a run passes at this pain or less. */
  row = action_row (_("Pain Limit for a Run"),
                    _("A run passes with pain during it at this score out of 10 or less: 2 unless your "
                      "clinician sets another"));
  spin = gtk_spin_button_new_with_range (0, PATELLA_SCALE_MAX, 1);
  self->pain_limit_spin = GTK_SPIN_BUTTON (spin);
  gtk_spin_button_set_numeric (self->pain_limit_spin, TRUE);
  gtk_spin_button_set_value (self->pain_limit_spin, plan.pain_limit);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pain Limit for a Run"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (pain_limit_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  patella_return_plan_clear (&plan);
}

static void
add_general_page (PatellaPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  const char *units[] = { _("Kilometres"), _("Miles"), NULL };
  GtkWidget *group, *row, *background;
  g_autoptr(GtkStringList) unit_names = gtk_string_list_new (units);

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  group = add_group (page, _("Units"), NULL);
  self->unit_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), _("Distance"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unit_row),
                               _("Runs are shown and entered in this unit; the log keeps kilometres"));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (unit_names));
  g_settings_bind_with_mapping (self->settings, "distance-unit", self->unit_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, unit_to_index, index_to_unit, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unit_row));

  group = add_group (page, _("Reminders"),
                     _("Notifications at these times. Reminders missed while Patella was closed are "
                       "shown once, together, at the next start."));
  row = switch_row (self->settings, "reminders-enabled", _("Send Reminders"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  for (int i = 0; i < 3; i++)
    {
      /* Translators: %d is 1, 2 or 3: the routine asks for quadriceps setting three times a day */
      g_autofree char *title = g_strdup_printf (_("Quadriceps Setting, Time %d"), i + 1);

      row = patella_time_row_new (title);
      patella_time_row_bind (PATELLA_TIME_ROW (row), self->settings, "quad-reminder-times", i);
      g_settings_bind (self->settings, "reminders-enabled", row, "sensitive", G_SETTINGS_BIND_GET);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  row = patella_time_row_new (_("Daily Routine"));
  patella_time_row_bind (PATELLA_TIME_ROW (row), self->settings, "routine-reminder-time", -1);
  g_settings_bind (self->settings, "reminders-enabled", row, "sensitive", G_SETTINGS_BIND_GET);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  background = switch_row (self->settings, "run-in-background", _("Start in the Background at Login"),
                           _("So that reminders arrive without opening Patella first"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), background);

  group = add_group (page, _("Routine"), NULL);
  row = action_row (_("Edit Routine"), _("Exercises, their doses and their order"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "preferences.edit-routine");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = switch_row (self->settings, "self-test-enabled", _("Weekly Self-Test"),
                   _("The single-leg squat of each leg, asked for on Today once a week"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = action_row (_("About This Routine"), _("Why each exercise is there"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Not app.about-routine: this window is not the application's, so that
   * action would not reach it and the row stayed greyed out. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "preferences.about-routine");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (self->store != NULL)
    add_return_group (self, page);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
add_threshold_rows (PatellaPreferencesWindow *self,
                    GtkWidget                *group)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, thresholds[i].key);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr(GVariant) limits = NULL;
      const char *type = NULL;
      double lower, upper;
      GtkWidget *row, *spin;

      /* The limits are the schema's: one place says what is allowed. */
      g_variant_get (range, "(&sv)", &type, &limits);
      g_assert (g_str_equal (type, "range"));
      if (g_variant_is_of_type (limits, G_VARIANT_TYPE ("(ii)")))
        {
          int low, high;

          g_variant_get (limits, "(ii)", &low, &high);
          lower = low;
          upper = high;
        }
      else
        {
          g_variant_get (limits, "(dd)", &lower, &upper);
        }

      row = action_row (_(thresholds[i].title), _(thresholds[i].subtitle));
      spin = gtk_spin_button_new_with_range (lower, upper, thresholds[i].step);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), thresholds[i].digits);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_name (spin, thresholds[i].key);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(thresholds[i].title), -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      g_settings_bind (self->settings, thresholds[i].key, spin, "value", G_SETTINGS_BIND_DEFAULT);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
undo_restore (PatellaPreferencesWindow *self)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (self->saved_thresholds == NULL)
    return;

  /* Key by key: g_settings_delay() on the application's settings would
   * keep every later change of the session from being saved. */
  g_variant_iter_init (&iter, self->saved_thresholds);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_settings_set_value (self->settings, key, value);
      g_variant_unref (value);
    }
  g_clear_pointer (&self->saved_thresholds, g_variant_unref);
}

static void
undo_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  undo_restore (PATELLA_PREFERENCES_WINDOW (widget));
}

static void
restore_defaults_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PatellaPreferencesWindow *self = PATELLA_PREFERENCES_WINDOW (widget);
  GVariantBuilder saved;
  AdwToast *toast;

  g_variant_builder_init (&saved, G_VARIANT_TYPE_VARDICT);
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (self->settings, thresholds[i].key);

      g_variant_builder_add (&saved, "{sv}", thresholds[i].key, value);
      g_settings_reset (self->settings, thresholds[i].key);
    }
  g_clear_pointer (&self->saved_thresholds, g_variant_unref);
  self->saved_thresholds = g_variant_ref_sink (g_variant_builder_end (&saved));

  toast = adw_toast_new (_("Warning thresholds restored to their defaults"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "preferences.undo-restore");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
add_warnings_page (PatellaPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *group, *button;

  adw_preferences_page_set_title (page, _("Warnings"));
  adw_preferences_page_set_icon_name (page, "dialog-warning-symbolic");

  group = add_group (page, _("When to Warn"),
                     _("The defaults follow common load-management advice for runners. "
                       "Raise a threshold only with your clinician’s agreement."));
  add_threshold_rows (self, group);

  button = gtk_button_new_with_mnemonic (_("_Restore Defaults"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "preferences.restore-defaults");
  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
edit_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  /* The editor belongs to the main window's Today page. */
  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-routine", NULL))
    gtk_window_close (GTK_WINDOW (widget));
}

static void
about_routine_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  /* On top of this window, which is modal. */
  patella_routine_guide_present (GTK_WINDOW (widget));
}

static void
add_unavailable_page (PatellaPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  add_group (page, _("Preferences Are Unavailable"),
             _("Patella’s settings schema is not installed, so the defaults apply and "
               "nothing can be changed here. Reinstalling Patella puts it back."));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
patella_preferences_window_class_init (PatellaPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = patella_preferences_window_dispose;

  gtk_widget_class_install_action (widget_class, "preferences.restore-defaults", NULL, restore_defaults_action);
  gtk_widget_class_install_action (widget_class, "preferences.undo-restore", NULL, undo_restore_action);
  gtk_widget_class_install_action (widget_class, "preferences.edit-routine", NULL, edit_routine_action);
  gtk_widget_class_install_action (widget_class, "preferences.about-routine", NULL, about_routine_action);
  gtk_widget_class_install_action (widget_class, "preferences.return-to-running", "b", return_to_running_action);
  gtk_widget_class_install_action (widget_class, "preferences.return-pain-limit", "i", return_pain_limit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWindow *
find_open (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PATELLA_IS_PREFERENCES_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

void
patella_preferences_window_present (GtkWindow      *parent,
                                    PatellaSession *session)
{
  GSettings *settings = patella_session_get_settings (session);
  PatellaPreferencesWindow *self;
  GtkWindow *open = find_open (parent);

  /* One preferences window per main window. */
  if (open != NULL)
    {
      gtk_window_present (open);
      return;
    }

  self = g_object_new (PATELLA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 640,
                       "default-height", 720,
                       "search-enabled", FALSE,   /* two short pages; and its toggle has no name in 1.2 */
                       NULL);
  if (patella_session_get_store (session) != NULL)
    self->store = g_object_ref (patella_session_get_store (session));
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      add_general_page (self);
      add_warnings_page (self);
    }
  else
    {
      add_unavailable_page (self);
    }
  patella_a11y_name_controls (GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (self));
}
