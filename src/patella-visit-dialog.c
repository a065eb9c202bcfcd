/* patella-visit-dialog.c: the next clinic visit, the questions for it, and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is kept in the store (schema 4) and read by the clinic
 * report's "Since your last visit" page; Today reminds of the visit two
 * days before it.
 */
#define G_LOG_DOMAIN "patella-visit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-settings.h"
#include "core/patella-store-outcomes.h"
#include "core/patella-visit.h"
#include "patella-visit-dialog.h"

struct _PatellaVisitDialog
{
  AdwWindow         parent_instance;

  /* owned */
  PatellaStore     *store;

  /* widgets */
  AdwToastOverlay  *toasts;
  AdwPreferencesGroup *visit_group;
  AdwEntryRow      *visit_day;
  AdwEntryRow      *visit_name;
  AdwPreferencesGroup *questions;
  AdwEntryRow      *question_entry;
  GPtrArray        *question_rows;
  AdwPreferencesGroup *goals;
  GPtrArray        *goal_rows;
  AdwComboRow      *goal_kind;
  AdwEntryRow      *goal_target;
  AdwEntryRow      *goal_number;   /* km, or days a week */
  AdwEntryRow      *goal_second;   /* pain at most, or weeks */
  AdwEntryRow      *goal_text;
};

G_DEFINE_FINAL_TYPE (PatellaVisitDialog, patella_visit_dialog, ADW_TYPE_WINDOW)

static void
problem (PatellaVisitDialog *self,
         const char         *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void reload (PatellaVisitDialog *self);

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
remove_button (const char *action,
               gint64      id,
               const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static void
reload (PatellaVisitDialog *self)
{
  g_autofree char *today = patella_day_today ();
  g_autoptr(PatellaVisit) last = NULL;
  g_autoptr(PatellaVisit) next = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GArray) statuses = NULL;
  g_autoptr(GSettings) settings = patella_settings_new ();
  g_autoptr(GError) error = NULL;
  PatellaThresholds thresholds;

  patella_settings_get_thresholds (settings, &thresholds);
  if (!patella_store_get_visits_around (self->store, today, &last, &next, &error) ||
      (questions = patella_store_list_questions (self->store, last ? last->day : NULL, &error)) == NULL ||
      (goals = patella_store_list_goals (self->store, &error)) == NULL ||
      (statuses = patella_goals_evaluate (self->store, goals, today, &thresholds, &error)) == NULL)
    {
      problem (self, error->message);
      return;
    }

  if (last != NULL)
    {
      /* Translators: the last clinic visit's day */
      g_autofree char *text = g_strdup_printf (_("The last visit was on %s."), last->day);

      adw_preferences_group_set_description (self->visit_group, text);
    }
  if (next != NULL && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->visit_day)), ""))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->visit_day), next->day);
      gtk_editable_set_text (GTK_EDITABLE (self->visit_name), next->name);
    }

  remove_rows (self->questions, self->question_rows);
  for (guint i = 0; i < questions->len; i++)
    {
      const PatellaQuestion *question = g_ptr_array_index (questions, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: for screen readers: "Remove the question: When can I …" */
      g_autofree char *name = g_strdup_printf (_("Remove the question: %s"), question->text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button ("visit.remove-question", question->id, name));
      adw_preferences_group_add (self->questions, row);
      g_ptr_array_add (self->question_rows, row);
    }

  remove_rows (self->goals, self->goal_rows);
  for (guint i = 0; i < goals->len; i++)
    {
      const PatellaGoal *goal = g_ptr_array_index (goals, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *words = patella_goal_describe (goal, patella_settings_get_unit (settings) == PATELLA_UNIT_MILES);
      /* Translators: a goal's target day and status: "By 2026-12-31 · On track" */
      g_autofree char *subtitle = g_strdup_printf (_("By %s · %s"), goal->target,
                                                   patella_goal_status_get_title (g_array_index (statuses,
                                                                                                 PatellaGoalStatus, i)));
      /* Translators: for screen readers: "Remove the goal: Run 10 km …" */
      g_autofree char *name = g_strdup_printf (_("Remove the goal: %s"), words);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (goal->kind == PATELLA_GOAL_FREE)
        {
          GtkWidget *done = gtk_check_button_new_with_label (_("Done"));

          gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (done), goal->done);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "visit.toggle-goal");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (done), "x", goal->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button ("visit.remove-goal", goal->id, name));
      adw_preferences_group_add (self->goals, row);
      g_ptr_array_add (self->goal_rows, row);
    }
}

static void
save_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaVisitDialog *self = PATELLA_VISIT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_store_set_visit (self->store, gtk_editable_get_text (GTK_EDITABLE (self->visit_day)),
                                gtk_editable_get_text (GTK_EDITABLE (self->visit_name)), &error))
    {
      problem (self, error->message);
      return;
    }
  problem (self, _("Visit saved"));
  reload (self);
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaVisitDialog *self = PATELLA_VISIT_DIALOG (widget);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;

  if (patella_store_add_question (self->store, today, gtk_editable_get_text (GTK_EDITABLE (self->question_entry)),
                                  &error) == 0)
    {
      problem (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->question_entry), "");
  reload (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PatellaVisitDialog *self = PATELLA_VISIT_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean done = g_str_equal (action_name, "visit.remove-goal") ? patella_store_remove_goal (self->store, id, &error)
                                                                 : patella_store_remove_question (self->store, id,
                                                                                                  &error);

  if (!done)
    problem (self, error->message);
  reload (self);
}

static void
toggle_goal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaVisitDialog *self = PATELLA_VISIT_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;

  goals = patella_store_list_goals (self->store, &error);
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      PatellaGoal *goal = g_ptr_array_index (goals, i);

      if (goal->id != id)
        continue;
      goal->done = !goal->done;
      patella_store_update_goal (self->store, goal, &error);
    }
  if (error != NULL)
    problem (self, error->message);
  reload (self);
}

/* Which entry rows a kind of goal needs, with their titles. */
static void
kind_changed (PatellaVisitDialog *self)
{
  PatellaGoalKind kind = (PatellaGoalKind) adw_combo_row_get_selected (self->goal_kind);

  gtk_widget_set_visible (GTK_WIDGET (self->goal_number), kind == PATELLA_GOAL_RUN || kind == PATELLA_GOAL_ROUTINE);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_second), kind != PATELLA_GOAL_FREE);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_text), kind == PATELLA_GOAL_FREE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goal_number),
                                 kind == PATELLA_GOAL_RUN ? _("Distance (km)") : _("Days a week"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goal_second),
                                 kind == PATELLA_GOAL_ROUTINE ? _("Weeks in a row") : _("Pain at most (0-10)"));
}

static gboolean
read_number (AdwEntryRow *row,
             double      *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *end = NULL;

  *out = g_ascii_strtod (text, &end);
  return text[0] != '\0' && end != NULL && *end == '\0';
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaVisitDialog *self = PATELLA_VISIT_DIALOG (widget);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;
  PatellaGoal goal = { 0 };
  double number = 0, second = 0;

  goal.kind = (PatellaGoalKind) adw_combo_row_get_selected (self->goal_kind);
  goal.start = today;
  goal.target = (char *) gtk_editable_get_text (GTK_EDITABLE (self->goal_target));
  goal.text = (char *) gtk_editable_get_text (GTK_EDITABLE (self->goal_text));
  if ((goal.kind == PATELLA_GOAL_RUN || goal.kind == PATELLA_GOAL_ROUTINE) && !read_number (self->goal_number, &number))
    {
      problem (self, _("Give the number as digits, with “.” for decimals."));
      return;
    }
  if (goal.kind != PATELLA_GOAL_FREE && !read_number (self->goal_second, &second))
    {
      problem (self, _("Give the number as digits, with “.” for decimals."));
      return;
    }
  goal.km = number;
  goal.days = (int) number;
  goal.pain = (int) second;
  goal.weeks = (int) second;
  if (goal.kind != PATELLA_GOAL_FREE)
    goal.text = NULL;
  if (patella_store_add_goal (self->store, &goal, &error) == 0)
    {
      problem (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->goal_text), "");
  reload (self);
}

static void
question_applied (PatellaVisitDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "visit.add-question", NULL);
}

static void
patella_visit_dialog_finalize (GObject *object)
{
  PatellaVisitDialog *self = PATELLA_VISIT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->question_rows, g_ptr_array_unref);
  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_visit_dialog_parent_class)->finalize (object);
}

static void
patella_visit_dialog_class_init (PatellaVisitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = patella_visit_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "visit.save-visit", NULL, save_visit_action);
  gtk_widget_class_install_action (widget_class, "visit.add-question", NULL, add_question_action);
  gtk_widget_class_install_action (widget_class, "visit.remove-question", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "visit.remove-goal", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "visit.toggle-goal", "x", toggle_goal_action);
  gtk_widget_class_install_action (widget_class, "visit.add-goal", NULL, add_goal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
group_button (AdwPreferencesGroup *group,
              const char          *label,
              const char          *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  adw_preferences_group_add (group, button);
  return button;
}

static void
patella_visit_dialog_init (PatellaVisitDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->question_rows = g_ptr_array_new ();
  self->goal_rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Clinic Visit and Goals"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (content), header);

  self->visit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->visit_group, _("Next Visit"));
  self->visit_day = entry_row (self->visit_group, _("Day (YYYY-MM-DD)"));
  self->visit_name = entry_row (self->visit_group, _("Clinician (optional)"));
  group_button (self->visit_group, _("_Save Visit"), "visit.save-visit");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->visit_group);

  self->questions = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->questions, _("Questions for the Visit"));
  adw_preferences_group_set_description (self->questions,
                                         _("Jot them down as they come; the clinic report lists them."));
  self->question_entry = entry_row (self->questions, _("New question"));
  adw_entry_row_set_show_apply_button (self->question_entry, TRUE);
  g_signal_connect_swapped (self->question_entry, "apply", G_CALLBACK (question_applied), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->questions);

  self->goals = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->goals, _("Goals"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->goals);

  {
    AdwPreferencesGroup *add = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

    adw_preferences_group_set_title (add, _("New Goal"));
    gtk_string_list_append (kinds, _("A run with little pain"));
    gtk_string_list_append (kinds, _("Stairs pain"));
    gtk_string_list_append (kinds, _("The routine, weeks in a row"));
    gtk_string_list_append (kinds, _("Your own, ticked by hand"));
    self->goal_kind = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goal_kind), _("Kind"));
    adw_combo_row_set_model (self->goal_kind, G_LIST_MODEL (kinds));
    adw_preferences_group_add (add, GTK_WIDGET (self->goal_kind));
    self->goal_number = entry_row (add, _("Distance (km)"));
    self->goal_second = entry_row (add, _("Pain at most (0-10)"));
    self->goal_text = entry_row (add, _("Your goal"));
    self->goal_target = entry_row (add, _("Target day (YYYY-MM-DD)"));
    group_button (add, _("_Add Goal"), "visit.add-goal");
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), add);
    g_signal_connect_swapped (self->goal_kind, "notify::selected", G_CALLBACK (kind_changed), self);
    kind_changed (self);
  }

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

PatellaVisitDialog *
patella_visit_dialog_new (GtkWindow    *parent,
                          PatellaStore *store)
{
  PatellaVisitDialog *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  self = g_object_new (PATELLA_TYPE_VISIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}
