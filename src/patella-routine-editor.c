/* patella-routine-editor.c: switch exercises on and off, dose, order, add your own;
 * the return-to-running phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control writes straight to the store; the day's checklist follows
 * through the store's "changed" signal. The list is rebuilt only when its
 * shape changes (order, additions, removals, resets), never under the
 * runner's fingers while a value is being typed.
 */
#define G_LOG_DOMAIN "patella-routine-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/patella-store-progression.h"
#include "patella-a11y.h"
#include "patella-routine-editor.h"

struct _PatellaRoutineEditor
{
  AdwPreferencesWindow  parent_instance;

  /* owned */
  PatellaStore         *store;
  GPtrArray            *exercises;   /* PatellaExercise, as last read */

  /* widgets */
  AdwPreferencesGroup  *list_group;
  GPtrArray            *rows;        /* the list group's rows, to remove them */
  AdwEntryRow          *name_row;
  AdwEntryRow          *dose_row;
  AdwEntryRow          *cues_row;
  GtkSpinButton        *sets_spin;
  GtkSpinButton        *reps_spin;
  GtkSpinButton        *hold_spin;

  /* the return-to-running phases, as last read */
  PatellaRunPhase      *phases;
  guint                 n_phases;
  gboolean              phases_custom;
  AdwPreferencesGroup  *phase_group;
  GPtrArray            *phase_rows;
  GtkWidget            *phase_buttons;   /* below the rows */
  GtkWidget            *add_phase_button;
  GtkWidget            *reset_phases_button;
};

G_DEFINE_FINAL_TYPE (PatellaRoutineEditor, patella_routine_editor, ADW_TYPE_PREFERENCES_WINDOW)

char *
patella_routine_editor_make_id (const char *name,
                                GPtrArray  *taken)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", NULL);
  g_autofree char *candidate = NULL;

  for (const char *p = ascii; *p != '\0' && id->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, "exercise");

  candidate = g_strdup (id->str);
  for (guint n = 2; taken != NULL; n++)
    {
      gboolean clash = FALSE;

      for (guint i = 0; i < taken->len && !clash; i++)
        clash = g_str_equal (((PatellaExercise *) g_ptr_array_index (taken, i))->id, candidate);
      if (!clash)
        break;
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", id->str, n);
    }

  return g_steal_pointer (&candidate);
}

static void
show_message (PatellaRoutineEditor *self,
              const char           *message)
{
  g_autofree char *title = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

static PatellaExercise *
find_exercise (PatellaRoutineEditor *self,
               const char           *id)
{
  for (guint i = 0; i < self->exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (self->exercises, i);

      if (g_strcmp0 (exercise->id, id) == 0)
        return exercise;
    }
  return NULL;
}

/* Writes @exercise, which the caller changed in place; on failure reads
 * the list again so the controls show what the record holds. */
static void rebuild (PatellaRoutineEditor *self);

static void
save (PatellaRoutineEditor *self,
      PatellaExercise      *exercise)
{
  g_autoptr(GError) error = NULL;

  if (!patella_store_update_exercise (self->store, exercise, &error))
    {
      show_message (self, error->message);
      rebuild (self);
    }
}

static void
spin_changed (GtkSpinButton        *spin,
              PatellaRoutineEditor *self)
{
  PatellaExercise *exercise = find_exercise (self, g_object_get_data (G_OBJECT (spin), "exercise-id"));
  int *field;

  if (exercise == NULL)
    return;

  field = (int *) ((char *) exercise + GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "field")));
  *field = gtk_spin_button_get_value_as_int (spin);
  save (self, exercise);
}

static void
enabled_changed (AdwExpanderRow       *row,
                 GParamSpec           *pspec,
                 PatellaRoutineEditor *self)
{
  PatellaExercise *exercise = find_exercise (self, g_object_get_data (G_OBJECT (row), "exercise-id"));

  if (exercise == NULL || exercise->enabled == adw_expander_row_get_enable_expansion (row))
    return;

  exercise->enabled = adw_expander_row_get_enable_expansion (row);
  save (self, exercise);
}

static GtkWidget *
spin_row (PatellaRoutineEditor *self,
          const char           *title,
          const char           *subtitle,
          int                   min,
          int                   max,
          int                   value,
          const char           *exercise_id,
          gsize                 field,
          GtkSpinButton       **out_spin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* GTK 4.8 leaves the spin button's − and + without a name. */
  for (GtkWidget *child = gtk_widget_get_first_child (spin); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_widget_has_css_class (child, "up") ? _("Increase") : _("Decrease"),
                                      -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  if (exercise_id != NULL)
    {
      g_object_set_data_full (G_OBJECT (spin), "exercise-id", g_strdup (exercise_id), g_free);
      g_object_set_data (G_OBJECT (spin), "field", GSIZE_TO_POINTER (field));
      g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed), self);
    }
  if (out_spin != NULL)
    *out_spin = GTK_SPIN_BUTTON (spin);
  return row;
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *exercise_id,
               const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (exercise_id));
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  return button;
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
exercise_row (PatellaRoutineEditor  *self,
              const PatellaExercise *exercise,
              guint                  index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *order_row, *buttons, *up, *down, *enable, *end;
  const char *name = patella_exercise_get_display_name (exercise);
  g_autofree char *dose = patella_exercise_describe_dose (exercise);
  g_autofree char *enable_label = NULL;
  g_autofree char *up_label = NULL;
  g_autofree char *end_label = NULL;
  g_autofree char *down_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), dose);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), exercise->enabled);
  /* libadwaita 1.2 leaves the row's switch without a name. */
  enable = find_switch (row);
  if (enable != NULL)
    {
      /* Translators: the switch's label for screen readers; %s is an exercise */
      enable_label = g_strdup_printf (_("Include %s in the routine"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (enable), GTK_ACCESSIBLE_PROPERTY_LABEL, enable_label, -1);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "exercise-id", g_strdup (exercise->id), g_free);
  g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (enabled_changed), self);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            spin_row (self, _("Sets per day"), NULL, 1, PATELLA_SETS_MAX,
                                      exercise->target_sets, exercise->id,
                                      G_STRUCT_OFFSET (PatellaExercise, target_sets), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            spin_row (self, _("Reps per set"), _("0 when the dose has no reps"),
                                      0, PATELLA_REPS_MAX, exercise->reps, exercise->id,
                                      G_STRUCT_OFFSET (PatellaExercise, reps), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            spin_row (self, _("Seconds per rep"),
                                      _("A hold, or the slow descent of a squat; 0 for no timer"),
                                      0, PATELLA_HOLD_SECONDS_MAX, exercise->hold_seconds, exercise->id,
                                      G_STRUCT_OFFSET (PatellaExercise, hold_seconds), NULL));

  order_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order_row), _("Place in the routine"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  up = action_button (NULL, "editor.move-up", exercise->id, "flat");
  gtk_button_set_icon_name (GTK_BUTTON (up), "go-up-symbolic");
  gtk_widget_set_tooltip_text (up, _("Move Up"));
  /* Translators: the button's label for screen readers; %s is an exercise */
  up_label = g_strdup_printf (_("Move %s up"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL, up_label, -1);
  gtk_widget_set_sensitive (up, index > 0);
  down = action_button (NULL, "editor.move-down", exercise->id, "flat");
  gtk_button_set_icon_name (GTK_BUTTON (down), "go-down-symbolic");
  gtk_widget_set_tooltip_text (down, _("Move Down"));
  /* Translators: the button's label for screen readers; %s is an exercise */
  down_label = g_strdup_printf (_("Move %s down"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (down), GTK_ACCESSIBLE_PROPERTY_LABEL, down_label, -1);
  gtk_widget_set_sensitive (down, index + 1 < self->exercises->len);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), order_row);

  /* An icon, named for its exercise: the words "Reset" on every row took
   * a narrow window's room from the names, and a screen reader heard ten
   * "Reset" buttons. It stays in the header, where an exercise switched
   * off (whose row does not open) can still be reset or removed. */
  if (exercise->builtin)
    {
      end = action_button (NULL, "editor.reset", exercise->id, "flat");
      gtk_button_set_icon_name (GTK_BUTTON (end), "edit-undo-symbolic");
      gtk_widget_set_tooltip_text (end, _("Reset to the Built-in Dose"));
      /* Translators: the button's label for screen readers; %s is an exercise */
      end_label = g_strdup_printf (_("Reset %s to its built-in dose"), name);
    }
  else
    {
      end = action_button (NULL, "editor.remove", exercise->id, "flat");
      gtk_button_set_icon_name (GTK_BUTTON (end), "user-trash-symbolic");
      gtk_widget_set_tooltip_text (end, _("Remove From the Routine"));
      /* Translators: the button's label for screen readers; %s is an exercise */
      end_label = g_strdup_printf (_("Remove %s from the routine"), name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (end), GTK_ACCESSIBLE_PROPERTY_LABEL, end_label, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), end);
  return row;
}

/* Removes @rows, which a rebuild added to @group. */
static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild (PatellaRoutineEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exercises = NULL;

  exercises = patella_store_list_exercises (self->store, FALSE, &error);
  if (exercises == NULL)
    {
      show_message (self, error->message);
      return;
    }

  clear_rows (self->list_group, self->rows);

  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  self->exercises = g_steal_pointer (&exercises);

  for (guint i = 0; i < self->exercises->len; i++)
    {
      GtkWidget *row = exercise_row (self, g_ptr_array_index (self->exercises, i), i);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->list_group, row);
    }
  patella_a11y_name_controls (GTK_WIDGET (self));
}

static void
move (PatellaRoutineEditor *self,
      const char           *id,
      int                   step)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->exercises->len; i++)
    {
      if (!g_str_equal (((PatellaExercise *) g_ptr_array_index (self->exercises, i))->id, id))
        continue;
      if ((int) i + step < 0)
        return;
      if (!patella_store_move_exercise (self->store, id, (guint) ((int) i + step), &error))
        show_message (self, error->message);
      rebuild (self);
      return;
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (PATELLA_ROUTINE_EDITOR (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (PATELLA_ROUTINE_EDITOR (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_store_reset_exercise (self->store, g_variant_get_string (parameter, NULL), &error))
    show_message (self, error->message);
  rebuild (self);
}

static void
set_archived (PatellaRoutineEditor *self,
              const char           *id,
              gboolean              archived)
{
  g_autoptr(GError) error = NULL;

  if (!patella_store_set_exercise_archived (self->store, id, archived, &error))
    show_message (self, error->message);
  rebuild (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  PatellaExercise *exercise = find_exercise (self, id);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (exercise == NULL)
    return;

  name = g_markup_escape_text (patella_exercise_get_display_name (exercise), -1);
  /* Translators: a toast after removing the runner's own exercise */
  title = g_strdup_printf (_("Removed %s"), name);
  set_archived (self, id, TRUE);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "editor.restore");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_archived (PATELLA_ROUTINE_EDITOR (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PatellaExercise exercise = { 0 };

  all = patella_store_list_exercises (self->store, TRUE, &error);
  if (all == NULL)
    {
      show_message (self, error->message);
      return;
    }

  exercise.name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  exercise.dose = (char *) gtk_editable_get_text (GTK_EDITABLE (self->dose_row));
  exercise.cues = (char *) gtk_editable_get_text (GTK_EDITABLE (self->cues_row));
  exercise.target_sets = gtk_spin_button_get_value_as_int (self->sets_spin);
  exercise.reps = gtk_spin_button_get_value_as_int (self->reps_spin);
  exercise.hold_seconds = gtk_spin_button_get_value_as_int (self->hold_spin);
  exercise.enabled = TRUE;
  exercise.id = id = patella_routine_editor_make_id (exercise.name, all);

  /* A bad value leaves the form as typed, with the reason. */
  if (!patella_store_add_exercise (self->store, &exercise, &error))
    {
      show_message (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->dose_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->cues_row), "");
  rebuild (self);
}

/* Return to running: the plan's walk/run phases. Each change is written
 * whole; a refused one says why and the rows go back to the record. */

/* The phases as a GVariant "a(udd)", for Undo: none for the built-in ones. */
static GVariant *
phases_to_variant (PatellaRoutineEditor *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(udd)"));
  for (guint i = 0; self->phases_custom && i < self->n_phases; i++)
    g_variant_builder_add (&builder, "(udd)", self->phases[i].repeats, self->phases[i].run_minutes,
                           self->phases[i].walk_minutes);
  return g_variant_builder_end (&builder);
}

static void phase_spin_changed (GtkSpinButton        *spin,
                                PatellaRoutineEditor *self);

static GtkWidget *
phase_spin_row (PatellaRoutineEditor *self,
                const char           *title,
                const char           *subtitle,
                double                min,
                double                max,
                double                step,
                double                value,
                guint                 index,
                guint                 field)
{
  GtkSpinButton *spin;
  GtkWidget *row = spin_row (self, title, subtitle, 0, 1, 0, NULL, 0, &spin);

  gtk_spin_button_set_digits (spin, step < 1 ? 1 : 0);
  gtk_spin_button_set_increments (spin, step, step * 2);
  gtk_spin_button_set_range (spin, min, max);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_spin_button_set_value (spin, value);
  g_object_set_data (G_OBJECT (spin), "phase", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (spin), "field", GUINT_TO_POINTER (field));
  g_signal_connect (spin, "value-changed", G_CALLBACK (phase_spin_changed), self);
  return row;
}

static GtkWidget *
phase_row (PatellaRoutineEditor *self,
           guint                 index)
{
  const PatellaRunPhase *phase = &self->phases[index];
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove;
  g_autofree char *title = NULL;
  g_autofree char *intervals = patella_run_phase_describe (phase);
  g_autofree char *remove_label = NULL;

  /* Translators: a phase of the return to running, by its number */
  title = g_strdup_printf (_("Phase %u"), index + 1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), intervals);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            phase_spin_row (self, _("Runs"), _("Each followed by a walk but the last"), 1,
                                            PATELLA_PHASE_REPEATS_MAX, 1, phase->repeats, index, 0));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            phase_spin_row (self, _("Minutes of each run"), NULL, PATELLA_PHASE_RUN_MINUTES_MIN,
                                            PATELLA_PHASE_RUN_MINUTES_MAX, 0.5, phase->run_minutes, index, 1));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            phase_spin_row (self, _("Minutes of each walk"), _("0 for a continuous run, run once"),
                                            0, PATELLA_PHASE_WALK_MINUTES_MAX, 0.5, phase->walk_minutes, index, 2));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-phase");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_uint32 (index));
  gtk_widget_set_tooltip_text (remove, _("Remove Phase"));
  /* Translators: the button's label for screen readers; %u is the phase's number */
  remove_label = g_strdup_printf (_("Remove phase %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  /* A plan has one phase at least. */
  gtk_widget_set_sensitive (remove, self->n_phases > 1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  return row;
}

static void
rebuild_phases (PatellaRoutineEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree PatellaRunPhase *phases = NULL;
  guint n_phases;
  gboolean custom;

  phases = patella_store_get_return_phases (self->store, &n_phases, &custom, &error);
  if (phases == NULL)
    {
      show_message (self, error->message);
      return;
    }

  clear_rows (self->phase_group, self->phase_rows);

  g_free (self->phases);
  self->phases = g_steal_pointer (&phases);
  self->n_phases = n_phases;
  self->phases_custom = custom;

  for (guint i = 0; i < self->n_phases; i++)
    {
      GtkWidget *row = phase_row (self, i);

      g_ptr_array_add (self->phase_rows, row);
      adw_preferences_group_add (self->phase_group, row);
    }
  g_object_ref (self->phase_buttons);
  adw_preferences_group_remove (self->phase_group, self->phase_buttons);
  adw_preferences_group_add (self->phase_group, self->phase_buttons);
  g_object_unref (self->phase_buttons);
  gtk_widget_set_sensitive (self->add_phase_button, self->n_phases < PATELLA_RUN_PHASES_MAX);
  gtk_widget_set_sensitive (self->reset_phases_button, self->phases_custom);
  patella_a11y_name_controls (GTK_WIDGET (self));
}

/* Writes @phases (none: the built-in ones); @toast_title, when given,
 * offers Undo back to the phases before. The caller rebuilds the rows when
 * it may. */
static gboolean
save_phases (PatellaRoutineEditor  *self,
             const PatellaRunPhase *phases,
             guint                  n_phases,
             const char            *toast_title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) before = g_variant_ref_sink (phases_to_variant (self));
  gboolean saved;
  AdwToast *toast;

  saved = n_phases == 0 ? patella_store_reset_return_phases (self->store, &error)
                        : patella_store_set_return_phases (self->store, phases, n_phases, &error);
  if (!saved)
    {
      show_message (self, error->message);
      return FALSE;
    }
  if (toast_title == NULL)
    return TRUE;
  toast = adw_toast_new (toast_title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "editor.restore-phases");
  adw_toast_set_action_target_value (toast, before);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  return TRUE;
}

static void
phase_spin_changed (GtkSpinButton        *spin,
                    PatellaRoutineEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "phase"));
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "field"));
  g_autofree PatellaRunPhase *phases = NULL;
  double value = gtk_spin_button_get_value (spin);
  GtkWidget *row;

  if (index >= self->n_phases)
    return;
  phases = g_memdup2 (self->phases, self->n_phases * sizeof (PatellaRunPhase));
  if (field == 0)
    phases[index].repeats = (guint) value;
  else if (field == 1)
    phases[index].run_minutes = value;
  else
    phases[index].walk_minutes = value;
  /* Refused: the spin button goes back to the record's value (the row
   * stays: it is inside this very signal). */
  if (!save_phases (self, phases, self->n_phases, NULL))
    {
      const PatellaRunPhase *kept = &self->phases[index];

      g_signal_handlers_block_by_func (spin, phase_spin_changed, self);
      gtk_spin_button_set_value (spin, field == 0 ? kept->repeats : field == 1 ? kept->run_minutes
                                                                             : kept->walk_minutes);
      g_signal_handlers_unblock_by_func (spin, phase_spin_changed, self);
      return;
    }

  /* The row stays under the runner's fingers: only its summary changes. */
  self->phases[index] = phases[index];
  self->phases_custom = TRUE;
  gtk_widget_set_sensitive (self->reset_phases_button, TRUE);
  row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_EXPANDER_ROW);
  if (row != NULL)
    {
      g_autofree char *intervals = patella_run_phase_describe (&phases[index]);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), intervals);
    }
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  g_autofree PatellaRunPhase *phases = g_new (PatellaRunPhase, self->n_phases + 1);

  /* The new phase starts as the last one, to be changed from there. */
  memcpy (phases, self->phases, self->n_phases * sizeof (PatellaRunPhase));
  phases[self->n_phases] = self->phases[self->n_phases - 1];
  if (save_phases (self, phases, self->n_phases + 1, NULL))
    {
      GtkWidget *last;

      rebuild_phases (self);
      last = g_ptr_array_index (self->phase_rows, self->phase_rows->len - 1);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (last), TRUE);
      gtk_widget_grab_focus (last);
    }
}

static void
remove_phase_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autofree PatellaRunPhase *phases = NULL;
  g_autofree char *title = NULL;

  if (index >= self->n_phases)
    return;
  if (self->n_phases == 1)
    {
      show_message (self, _("A plan has one phase at least."));
      return;
    }
  phases = g_memdup2 (self->phases, self->n_phases * sizeof (PatellaRunPhase));
  memmove (&phases[index], &phases[index + 1], (self->n_phases - index - 1) * sizeof (PatellaRunPhase));
  /* Translators: a toast after removing a phase of the return to running */
  title = g_strdup_printf (_("Removed phase %u"), index + 1);
  save_phases (self, phases, self->n_phases - 1, title);
  rebuild_phases (self);
}

static void
reset_phases_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);

  save_phases (self, NULL, 0, _("The built-in phases are back"));
  rebuild_phases (self);
}

static void
restore_phases_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  g_autofree PatellaRunPhase *phases = g_new0 (PatellaRunPhase, MAX (g_variant_n_children (parameter), 1));
  guint n_phases = 0;
  GVariantIter iter;

  g_variant_iter_init (&iter, parameter);
  while (g_variant_iter_next (&iter, "(udd)", &phases[n_phases].repeats, &phases[n_phases].run_minutes,
                              &phases[n_phases].walk_minutes))
    n_phases++;
  save_phases (self, phases, n_phases, NULL);
  rebuild_phases (self);
}

/* A number typed into a spin button but not yet entered is saved too. */
static gboolean
patella_routine_editor_close_request (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *spin = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) : NULL;

  if (spin != NULL)
    gtk_spin_button_update (GTK_SPIN_BUTTON (spin));

  return GTK_WINDOW_CLASS (patella_routine_editor_parent_class)->close_request (window);
}

/* The store and the list outlive the widgets: closing the window with a
 * number typed but not yet entered still saves it as the spin button lets go. */
static void
patella_routine_editor_finalize (GObject *object)
{
  PatellaRoutineEditor *self = (PatellaRoutineEditor *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->phases, g_free);
  g_clear_pointer (&self->phase_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_routine_editor_parent_class)->finalize (object);
}

static void
patella_routine_editor_class_init (PatellaRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = patella_routine_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = patella_routine_editor_close_request;

  gtk_widget_class_install_action (widget_class, "editor.move-up", "s", move_up_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", "s", move_down_action);
  gtk_widget_class_install_action (widget_class, "editor.reset", "s", reset_action);
  gtk_widget_class_install_action (widget_class, "editor.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "editor.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-phase", "u", remove_phase_action);
  gtk_widget_class_install_action (widget_class, "editor.reset-phases", NULL, reset_phases_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-phases", "a(udd)", restore_phases_action);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
patella_routine_editor_init (PatellaRoutineEditor *self)
{
  GtkWidget *page, *add_group, *add_button, *phase_buttons, *label;

  self->rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Routine"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 680);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Routine"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "checkbox-checked-symbolic");

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Exercises"));
  adw_preferences_group_set_description (self->list_group,
                                         _("Switch exercises on or off and change their dose and order. "
                                           "Sets already logged stay with the exercise they were logged for."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->list_group);

  add_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("Add an Exercise"));
  self->name_row = ADW_ENTRY_ROW (entry_row (_("Name")));
  self->dose_row = ADW_ENTRY_ROW (entry_row (_("Dose, in your words")));
  self->cues_row = ADW_ENTRY_ROW (entry_row (_("How to do it")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (self->dose_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (self->cues_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group),
                             spin_row (self, _("Sets per day"), NULL, 1, PATELLA_SETS_MAX, 1,
                                       NULL, 0, &self->sets_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group),
                             spin_row (self, _("Reps per set"), NULL, 0, PATELLA_REPS_MAX, 10,
                                       NULL, 0, &self->reps_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group),
                             spin_row (self, _("Seconds per rep"), _("0 for no timer"),
                                       0, PATELLA_HOLD_SECONDS_MAX, 0, NULL, 0, &self->hold_spin));

  add_button = gtk_button_new_with_mnemonic (_("_Add Exercise"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "editor.add");
  gtk_widget_set_halign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (add_button, 12);
  gtk_widget_add_css_class (add_button, "pill");
  gtk_widget_add_css_class (add_button, "suggested-action");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (add_group));

  /* The return to running's phases, after the routine's own. */
  self->phase_rows = g_ptr_array_new ();
  self->phase_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->phase_group, _("Return to Running"));
  adw_preferences_group_set_description (self->phase_group,
                                         _("The walk/run phases of the graded plan, each run twice before "
                                           "the next. A change applies from the next run."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->phase_group);
  phase_buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (phase_buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (phase_buttons, 12);
  self->add_phase_button = gtk_button_new_with_mnemonic (_("Add _Phase"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_phase_button), "editor.add-phase");
  gtk_widget_add_css_class (self->add_phase_button, "pill");
  self->reset_phases_button = gtk_button_new_with_mnemonic (_("Reset to the _Built-in Phases"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reset_phases_button), "editor.reset-phases");
  gtk_widget_add_css_class (self->reset_phases_button, "pill");
  /* A long translation wraps rather than widen a narrow window. */
  label = gtk_button_get_child (GTK_BUTTON (self->reset_phases_button));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
  gtk_box_append (GTK_BOX (phase_buttons), self->add_phase_button);
  gtk_box_append (GTK_BOX (phase_buttons), self->reset_phases_button);
  self->phase_buttons = phase_buttons;
  adw_preferences_group_add (self->phase_group, phase_buttons);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

GtkWindow *
patella_routine_editor_new (GtkWindow    *parent,
                            PatellaStore *store)
{
  PatellaRoutineEditor *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  self = g_object_new (PATELLA_TYPE_ROUTINE_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  rebuild (self);
  rebuild_phases (self);
  return GTK_WINDOW (self);
}
