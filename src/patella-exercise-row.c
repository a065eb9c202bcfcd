/* patella-exercise-row.c: one exercise of the day's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-exercise-row"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-a11y.h"
#include "patella-exercise-row.h"

struct _PatellaExerciseRow
{
  AdwExpanderRow      parent_instance;

  /* template widgets */
  GtkImage           *status_icon;
  GtkLabel           *count_label;
  GtkButton          *timer_button;
  GtkButton          *log_button;
  GtkMenuButton      *pain_button;
  GtkLabel           *dose_label;
  GtkLabel           *cues_label;

  /* owned */
  PatellaRoutineItem *item;

  /* Too narrow for the count beside the buttons: it leads the subtitle. */
  gboolean            narrow;
};

/* Below this width the count column would squeeze the exercise's name
 * until German names break inside words ("Oberschen-kelmuskulatur"). */
#define NARROW_WIDTH 460
/* The space between the row's actions (AdwExpanderRow's box). */
#define COUNT_SPACING 6

G_DEFINE_FINAL_TYPE (PatellaExerciseRow, patella_exercise_row, ADW_TYPE_EXPANDER_ROW)

char *
patella_exercise_row_format_progress (int done,
                                      int target)
{
  /* Translators: sets done of the day's target, e.g. "2 of 3" */
  return g_strdup_printf (_("%d of %d"), done, target);
}

/* Libadwaita 1.2's expander row has no subtitle-lines of its own; its
 * heading is an action row that has. */
static AdwActionRow *
find_header (PatellaExerciseRow *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self));

  while (header != NULL && !ADW_IS_ACTION_ROW (header))
    header = gtk_widget_get_first_child (header);
  return header != NULL ? ADW_ACTION_ROW (header) : NULL;
}

/* Everything the row shows follows the item; text is never markup, so a
 * runner's own exercise can be called anything. */
/* The how-to shows only when the row is expanded, so its labels get their
 * text then: GTK measures the wrapped text of a collapsed row too, which
 * cost five rows 36 M instructions before the first frame. */
static void
update_how_to (PatellaExerciseRow *self)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;
  gtk_label_set_text (self->dose_label, patella_routine_item_get_dose (self->item));
  gtk_label_set_text (self->cues_label, patella_routine_item_get_cues (self->item));
}

/* The dose, led by the count when the row is narrow: "0 of 3 · 3 × 10". */
static void
update_subtitle (PatellaExerciseRow *self)
{
  const char *dose = patella_routine_item_get_dose (self->item);
  g_autofree char *subtitle = NULL;

  if (self->narrow)
    /* Translators: a narrow row's subtitle; sets done, then the dose */
    subtitle = g_strdup_printf (_("%s · %s"), gtk_label_get_text (self->count_label), dose);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle != NULL ? subtitle : dose);
}

static void
update (PatellaExerciseRow *self)
{
  PatellaRoutineItem *item = self->item;
  const char *name = patella_routine_item_get_name (item);
  gboolean complete = patella_routine_item_get_complete (item);
  g_autofree char *progress = NULL;
  g_autofree char *log_label = NULL;
  g_autofree char *pain_label = NULL;
  g_autofree char *timer_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  patella_a11y_name_expander_row (GTK_WIDGET (self), name);
  update_how_to (self);

  progress = patella_exercise_row_format_progress (patella_routine_item_get_done_sets (item),
                                                   patella_routine_item_get_target_sets (item));
  gtk_label_set_text (self->count_label, progress);
  update_subtitle (self);

  /* A tick once done, nothing before: the row's controls are its buttons. */
  gtk_image_set_from_icon_name (self->status_icon, complete ? "emblem-ok-symbolic" : NULL);
  if (complete)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "complete");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "complete");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
    }

  /* Translators: the button's label for screen readers; %s is an exercise */
  log_label = g_strdup_printf (_("Log a set of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, log_label, -1);
  /* Translators: the button's label for screen readers; %s is an exercise */
  timer_label = g_strdup_printf (_("Start the timer for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, timer_label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_button), patella_routine_item_has_timer (item));
  /* Translators: the button's label for screen readers; %s is an exercise */
  pain_label = g_strdup_printf (_("Log a set of %s with the pain during it"), name);
  patella_a11y_name_menu_button (GTK_WIDGET (self->pain_button), pain_label);
}

/* 0 to 10 in two rows: one tap logs a set with that pain. */
static void
create_pain_popover (GtkMenuButton      *button,
                     PatellaExerciseRow *self)
{
  GtkWidget *popover, *grid, *label;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = gtk_popover_new ();
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  label = gtk_label_new (_("Pain during the set, 0 to 10"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 6, 1);
  for (int pain = 0; pain <= PATELLA_SCALE_MAX; pain++)
    {
      g_autofree char *text = g_strdup_printf ("%d", pain);
      g_autofree char *name = NULL;
      GtkWidget *score = gtk_button_new_with_label (text);

      /* Translators: a button's name for screen readers; an exercise, then a pain score */
      name = g_strdup_printf (_("Log a set of %s with pain %d"), patella_routine_item_get_name (self->item), pain);
      gtk_accessible_update_property (GTK_ACCESSIBLE (score), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (score), "today.log-set-pain");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (score),
                                              g_variant_new ("(si)", patella_routine_item_get_id (self->item), pain));
      gtk_widget_add_css_class (score, "circular");
      g_signal_connect_swapped (score, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
      gtk_grid_attach (GTK_GRID (grid), score, pain % 6, 1 + pain / 6, 1, 1);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (button, popover);
}

static void
set_narrow (PatellaExerciseRow *self,
            gboolean            narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !narrow);
  if (self->item != NULL)
    update_subtitle (self);
}

/* The row's own layout: its one child (the expander's box) fills it, as
 * in GtkBinLayout, and the width it is given decides whether the count
 * has a column of its own. The switch queues a second layout pass in the
 * same frame, so no frame shows the squeezed name. */
static void
row_measure (GtkWidget      *widget,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  PatellaExerciseRow *self = PATELLA_EXERCISE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
  /* The least width is the narrow layout's: the count's column goes
   * below NARROW_WIDTH anyway, and a window 360 px wide must not need
   * room for it before the row is first laid out. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && !self->narrow)
    {
      int count_min = 0;

      gtk_widget_measure (GTK_WIDGET (self->count_label), orientation, -1, &count_min, NULL, NULL, NULL);
      *minimum = MAX (0, *minimum - count_min - COUNT_SPACING);
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
row_allocate (GtkWidget *widget,
              int        width,
              int        height,
              int        baseline)
{
  set_narrow (PATELLA_EXERCISE_ROW (widget), width < NARROW_WIDTH);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
patella_exercise_row_dispose (GObject *object)
{
  PatellaExerciseRow *self = (PatellaExerciseRow *) object;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_EXERCISE_ROW);

  G_OBJECT_CLASS (patella_exercise_row_parent_class)->dispose (object);
}

static void
patella_exercise_row_class_init (PatellaExerciseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_exercise_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/patella/Patella/patella-exercise-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, log_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, pain_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, dose_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, cues_label);
}

static void
patella_exercise_row_init (PatellaExerciseRow *self)
{
  AdwActionRow *header;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, row_measure, row_allocate));
  g_signal_connect (self, "notify::expanded", G_CALLBACK (update_how_to), NULL);

  /* At 360 px a dose takes two lines at most; the expanded row shows it whole. */
  header = find_header (self);
  if (header != NULL)
    adw_action_row_set_subtitle_lines (header, 2);

}

/* Whether the count leads the subtitle instead of its own column, for tests. */
gboolean
patella_exercise_row_get_narrow (PatellaExerciseRow *self)
{
  g_return_val_if_fail (PATELLA_IS_EXERCISE_ROW (self), FALSE);
  return self->narrow;
}

/* The header's subtitle lines, for tests: 0 is as many as it takes. */
int
patella_exercise_row_get_subtitle_lines (PatellaExerciseRow *self)
{
  AdwActionRow *header;

  g_return_val_if_fail (PATELLA_IS_EXERCISE_ROW (self), -1);

  header = find_header (self);
  return header != NULL ? adw_action_row_get_subtitle_lines (header) : 0;
}

GtkImage *
patella_exercise_row_get_status_icon (PatellaExerciseRow *self)
{
  g_return_val_if_fail (PATELLA_IS_EXERCISE_ROW (self), NULL);
  return self->status_icon;
}

GtkWidget *
patella_exercise_row_new (PatellaRoutineItem *item)
{
  PatellaExerciseRow *self;
  GVariant *target;

  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (item), NULL);

  self = g_object_new (PATELLA_TYPE_EXERCISE_ROW, NULL);
  self->item = g_object_ref (item);

  target = g_variant_new_string (patella_routine_item_get_id (item));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->log_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->timer_button), target);
  gtk_menu_button_set_create_popup_func (self->pain_button, (GtkMenuButtonCreatePopupFunc) create_pain_popover,
                                         self, NULL);

  g_signal_connect_swapped (item, "notify", G_CALLBACK (update), self);
  update (self);

  return GTK_WIDGET (self);
}

PatellaRoutineItem *
patella_exercise_row_get_item (PatellaExerciseRow *self)
{
  g_return_val_if_fail (PATELLA_IS_EXERCISE_ROW (self), NULL);
  return self->item;
}
