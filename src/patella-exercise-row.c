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
  GtkListBoxRow       parent_instance;

  /* template widgets (the heading, the row's child, is not bound: the
   * template would unparent it before the row lets go of it) */
  GtkImage           *status_icon;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkLabel           *count_label;
  GtkButton          *timer_button;
  GtkButton          *log_button;
  GtkMenuButton      *pain_button;

  /* The how-to, made when the row first opens (NULL before). */
  GtkRevealer        *how_to;
  GtkLabel           *dose_label;
  GtkLabel           *cues_label;

  /* owned */
  PatellaRoutineItem *item;

  gboolean            expanded;
  /* Too narrow for the count beside the buttons: it leads the subtitle. */
  gboolean            narrow;
};

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Below this width the count column would squeeze the exercise's name
 * until German names break inside words ("Oberschen-kelmuskulatur"). */
#define NARROW_WIDTH 460
/* The space between the row's actions (AdwExpanderRow's box). */
#define COUNT_SPACING 6

G_DEFINE_FINAL_TYPE (PatellaExerciseRow, patella_exercise_row, GTK_TYPE_LIST_BOX_ROW)

char *
patella_exercise_row_format_progress (int done,
                                      int target)
{
  /* Translators: sets done of the day's target, e.g. "2 of 3" */
  return g_strdup_printf (_("%d of %d"), done, target);
}

/* The how-to shows only when the row is open, so it is made then: GTK
 * lays out and styles what a collapsed row holds too (an expander row's
 * hidden labels and lists cost five rows 36 M instructions at start). */
static void
update_how_to (PatellaExerciseRow *self)
{
  if (self->how_to == NULL)
    return;
  gtk_label_set_text (self->dose_label, patella_routine_item_get_dose (self->item));
  gtk_label_set_text (self->cues_label, patella_routine_item_get_cues (self->item));
}

static GtkLabel *
how_to_label (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* A press on the how-to is for its text (selecting it), not the row's:
 * only the heading opens and closes the row, as in an expander row. */
static void
how_to_pressed (GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
create_how_to (PatellaExerciseRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (box, "how-to");
  self->dose_label = how_to_label (box);
  gtk_widget_add_css_class (GTK_WIDGET (self->dose_label), "heading");
  self->cues_label = how_to_label (box);
  g_signal_connect (click, "pressed", G_CALLBACK (how_to_pressed), NULL);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  self->how_to = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->how_to, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (self->how_to, box);
  gtk_widget_insert_after (GTK_WIDGET (self->how_to), GTK_WIDGET (self),
                           gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)));
  update_how_to (self);
}

/* Everything the row shows follows the item; text is never markup, so a
 * runner's own exercise can be called anything. */

/* The dose, led by the count when the row is narrow: "0 of 3 · 3 × 10". */
static void
update_subtitle (PatellaExerciseRow *self)
{
  const char *dose = patella_routine_item_get_dose (self->item);
  g_autofree char *subtitle = NULL;

  if (self->narrow)
    /* Translators: a narrow row's subtitle; sets done, then the dose */
    subtitle = g_strdup_printf (_("%s · %s"), gtk_label_get_text (self->count_label), dose);
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : dose);
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

  gtk_label_set_text (self->title_label, name);
  patella_a11y_set_name (GTK_WIDGET (self), name);
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

/* The row's own layout: the heading, and below it the how-to once made;
 * the width it is given decides whether the count has a column of its
 * own. The switch queues a second layout pass in the same frame, so no
 * frame shows the squeezed name. */
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
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
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
  PatellaExerciseRow *self = PATELLA_EXERCISE_ROW (widget);
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
  int header_height = height;

  set_narrow (self, width < NARROW_WIDTH);
  if (self->how_to != NULL && gtk_widget_should_layout (GTK_WIDGET (self->how_to)))
    {
      gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, width, &header_height, NULL, NULL, NULL);
      header_height = MIN (header_height, height);
      gtk_widget_allocate (GTK_WIDGET (self->how_to), width, height - header_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, header_height)));
    }
  gtk_widget_allocate (header, width, header_height, -1, NULL);
}

static void
patella_exercise_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PatellaExerciseRow *self = PATELLA_EXERCISE_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_exercise_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PatellaExerciseRow *self = PATELLA_EXERCISE_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      patella_exercise_row_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_exercise_row_dispose (GObject *object)
{
  PatellaExerciseRow *self = (PatellaExerciseRow *) object;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  if (self->how_to != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->how_to));
  self->how_to = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_EXERCISE_ROW);

  G_OBJECT_CLASS (patella_exercise_row_parent_class)->dispose (object);
}

static void
patella_exercise_row_class_init (PatellaExerciseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_exercise_row_dispose;
  object_class->get_property = patella_exercise_row_get_property;
  object_class->set_property = patella_exercise_row_set_property;

  /**
   * PatellaExerciseRow:expanded:
   *
   * Whether the row shows the exercise's how-to below its heading.
   */
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/patella/Patella/patella-exercise-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, log_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaExerciseRow, pain_button);
}

static void
patella_exercise_row_init (PatellaExerciseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, row_measure, row_allocate));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->subtitle_label, NULL, -1);
}

gboolean
patella_exercise_row_get_expanded (PatellaExerciseRow *self)
{
  g_return_val_if_fail (PATELLA_IS_EXERCISE_ROW (self), FALSE);
  return self->expanded;
}

/**
 * patella_exercise_row_set_expanded:
 * @self: a row
 * @expanded: whether to show the how-to
 *
 * Opens or closes the row, as a click on its heading or Enter does.
 */
void
patella_exercise_row_set_expanded (PatellaExerciseRow *self,
                                   gboolean            expanded)
{
  g_return_if_fail (PATELLA_IS_EXERCISE_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  if (expanded && self->how_to == NULL)
    create_how_to (self);
  gtk_revealer_set_reveal_child (self->how_to, expanded);
  if (expanded)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
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
  g_return_val_if_fail (PATELLA_IS_EXERCISE_ROW (self), -1);
  return gtk_label_get_lines (self->subtitle_label);
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
