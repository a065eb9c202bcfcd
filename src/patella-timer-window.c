/* patella-timer-window.c: the guided timer for hold exercises
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps only the elapsed time, from the monotonic clock less the
 * pauses; what it shows comes from the core's patella_timer_plan_state_at().
 */
#define G_LOG_DOMAIN "patella-timer-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-a11y.h"
#include "patella-timer-window.h"

#define TICK_MS 100

struct _PatellaTimerWindow
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkLabel          *phase_label;
  GtkLabel          *countdown_label;
  GtkProgressBar    *phase_bar;
  GtkLabel          *rep_label;
  GtkButton         *toggle_button;

  /* owned */
  PatellaExercise   *exercise;        /* NULL for a run's intervals */
  PatellaTimerPlan   plan;
  double             elapsed_before;  /* seconds run before the current start */
  gint64             started_at;      /* monotonic µs; 0 while paused */
  guint              tick_id;
  PatellaTimerPhase  shown_phase;
  int                shown_rep;
  gboolean           finished;
  gboolean           hold_skipped;    /* a hold cut short: no set to log */
};

G_DEFINE_FINAL_TYPE (PatellaTimerWindow, patella_timer_window, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
elapsed (PatellaTimerWindow *self)
{
  if (self->started_at == 0)
    return self->elapsed_before;
  return self->elapsed_before + (g_get_monotonic_time () - self->started_at) / (double) G_USEC_PER_SEC;
}

static const char *
phase_title (PatellaTimerWindow *self,
             PatellaTimerPhase   phase)
{
  switch (phase)
    {
    case PATELLA_TIMER_GET_READY:
      return _("Get Ready");
    case PATELLA_TIMER_HOLD:
      if (self->exercise == NULL)
        return _("Run");
      /* A squat's timed part is the slow way down. */
      return g_str_equal (self->exercise->id, "squat") ? _("Lower Slowly") : _("Hold");
    case PATELLA_TIMER_RELAX:
      if (self->exercise == NULL)
        return _("Walk");
      return self->plan.sides == 2 ? _("Change Legs") : _("Relax");
    case PATELLA_TIMER_DONE:
    default:
      return _("Done");
    }
}

static void stop_ticking (PatellaTimerWindow *self);

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
update (PatellaTimerWindow *self)
{
  PatellaTimerState state;
  g_autofree char *countdown = NULL;
  g_autofree char *reps = NULL;
  gboolean running = self->started_at != 0;

  patella_timer_plan_state_at (&self->plan, elapsed (self), &state);

  /* A bell at each change of phase, so the runner need not watch. */
  if (state.phase != self->shown_phase || state.rep != self->shown_rep)
    {
      if (self->shown_rep >= 0)
        gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));
      self->shown_phase = state.phase;
      self->shown_rep = state.rep;
    }

  gtk_label_set_text (self->phase_label, phase_title (self, state.phase));
  if (state.length >= 60)
    /* minutes and seconds for a run's intervals */
    countdown = g_strdup_printf ("%d:%02d", (int) ceil (state.remaining) / 60, (int) ceil (state.remaining) % 60);
  else
    countdown = g_strdup_printf ("%d", (int) ceil (state.remaining));
  gtk_label_set_text (self->countdown_label, countdown);
  gtk_progress_bar_set_fraction (self->phase_bar,
                                 state.length > 0 ? 1.0 - state.remaining / state.length : 1.0);

  if (self->exercise == NULL && state.phase == PATELLA_TIMER_GET_READY)
    /* Translators: before the first run of a return-to-running phase, e.g. "6 runs of 2 min, a walk
       between"; the minutes may be a half: "3 runs of 1.5 min" */
    reps = g_strdup_printf (ngettext ("%d run of %g min", "%d runs of %g min, a walk between", self->plan.reps),
                            self->plan.reps, self->plan.hold_seconds / 60.0);
  else if (self->exercise == NULL)
    /* Translators: the run now, of all runs of the phase: "Run 2 of 6" */
    reps = g_strdup_printf (_("Run %d of %d"), state.rep, self->plan.reps);
  else if (state.phase == PATELLA_TIMER_GET_READY && self->plan.sides == 2)
    /* Translators: before the first hold, e.g. "3 holds of 30 s on each leg, left first" */
    reps = g_strdup_printf (ngettext ("%d hold of %d s on each leg, left first",
                                      "%d holds of %d s on each leg, left first", self->plan.reps / 2),
                            self->plan.reps / 2, self->plan.hold_seconds);
  else if (state.phase == PATELLA_TIMER_GET_READY)
    /* Translators: before the first rep, e.g. "20 reps of 5 s" */
    reps = g_strdup_printf (ngettext ("%d rep of %d s", "%d reps of %d s", self->plan.reps),
                            self->plan.reps, self->plan.hold_seconds);
  else if (state.side == PATELLA_SIDE_LEFT)
    /* Translators: the hold now, of all holds of both legs: "Left leg, hold 1 of 6" */
    reps = g_strdup_printf (_("Left leg, hold %d of %d"), state.rep, self->plan.reps);
  else if (state.side == PATELLA_SIDE_RIGHT)
    reps = g_strdup_printf (_("Right leg, hold %d of %d"), state.rep, self->plan.reps);
  else
    reps = g_strdup_printf (_("Rep %d of %d"), state.rep, self->plan.reps);
  gtk_label_set_text (self->rep_label, reps);

  if (running)
    patella_a11y_set_button_label (self->toggle_button, _("_Pause"));
  else if (self->elapsed_before > 0)
    patella_a11y_set_button_label (self->toggle_button, _("_Resume"));
  else
    patella_a11y_set_button_label (self->toggle_button, _("_Start"));

  if (state.phase == PATELLA_TIMER_DONE && !self->finished)
    {
      self->finished = TRUE;
      stop_ticking (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.toggle", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.skip", FALSE);
      /* Skipping through is not doing the set: it stays open and says so. */
      if (self->hold_skipped)
        {
          gtk_label_set_text (self->phase_label, _("Not Logged"));
          gtk_label_set_text (self->rep_label, _("A hold was skipped, so this set was not logged."));
          return;
        }
      g_signal_emit (self, signals[FINISHED], 0);
      /* Not from inside the action or tick that got us here. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle,
                       g_object_ref (self), g_object_unref);
    }
}

static gboolean
tick (gpointer data)
{
  update (PATELLA_TIMER_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
stop_ticking (PatellaTimerWindow *self)
{
  self->elapsed_before = elapsed (self);
  self->started_at = 0;
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PatellaTimerWindow *self = PATELLA_TIMER_WINDOW (widget);

  if (self->finished)
    return;

  if (self->started_at != 0)
    stop_ticking (self);
  else
    {
      self->started_at = g_get_monotonic_time ();
      self->tick_id = g_timeout_add (TICK_MS, tick, self);
    }
  update (self);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PatellaTimerWindow *self = PATELLA_TIMER_WINDOW (widget);
  PatellaTimerState state;

  if (self->finished)
    return;

  patella_timer_plan_state_at (&self->plan, elapsed (self), &state);
  if (state.phase == PATELLA_TIMER_HOLD)
    self->hold_skipped = TRUE;
  self->elapsed_before = patella_timer_plan_skip (&self->plan, elapsed (self));
  if (self->started_at != 0)
    self->started_at = g_get_monotonic_time ();
  update (self);
}

static void
patella_timer_window_dispose (GObject *object)
{
  PatellaTimerWindow *self = (PatellaTimerWindow *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->exercise, patella_exercise_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_TIMER_WINDOW);

  G_OBJECT_CLASS (patella_timer_window_parent_class)->dispose (object);
}

static void
patella_timer_window_class_init (PatellaTimerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_timer_window_dispose;

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/patella/Patella/patella-timer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaTimerWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaTimerWindow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTimerWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTimerWindow, phase_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaTimerWindow, rep_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTimerWindow, toggle_button);

  gtk_widget_class_install_action (widget_class, "timer.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "timer.skip", NULL, skip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
patella_timer_window_init (PatellaTimerWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  patella_a11y_name_controls (GTK_WIDGET (self));

  /* Space pauses wherever the focus is, even on the Skip button. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_named_action_new ("timer.toggle")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->shown_rep = -1;
}

/* Once the plan is set: the title, the first state, the focus. */
static PatellaTimerWindow *
show_plan (PatellaTimerWindow *self,
           const char         *title)
{
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  update (self);
  /* Enter or Space starts it at once. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->toggle_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->toggle_button));
  return self;
}

PatellaTimerWindow *
patella_timer_window_new (GtkWindow             *parent,
                          const PatellaExercise *exercise,
                          const char            *name)
{
  PatellaTimerWindow *self;

  g_return_val_if_fail (exercise != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_TIMER_WINDOW, "transient-for", parent, NULL);
  self->exercise = patella_exercise_copy (exercise);
  patella_timer_plan_for_exercise (exercise, &self->plan);
  return show_plan (self, name);
}

PatellaTimerWindow *
patella_timer_window_new_for_run (GtkWindow             *parent,
                                  const PatellaRunPhase *phase,
                                  const char            *title)
{
  PatellaTimerWindow *self;

  g_return_val_if_fail (phase != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_TIMER_WINDOW, "transient-for", parent, NULL);
  patella_timer_plan_for_run_phase (phase, &self->plan);
  return show_plan (self, title);
}

const char *
patella_timer_window_get_exercise_id (PatellaTimerWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER_WINDOW (self), NULL);
  return self->exercise ? self->exercise->id : NULL;
}

double
patella_timer_window_get_minutes (PatellaTimerWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER_WINDOW (self), 0);
  return (patella_timer_plan_get_total (&self->plan) - self->plan.ready_seconds) / 60.0;
}

gboolean
patella_timer_window_get_running (PatellaTimerWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER_WINDOW (self), FALSE);
  return self->started_at != 0;
}

void
patella_timer_window_get_state (PatellaTimerWindow *self,
                                PatellaTimerState  *state)
{
  g_return_if_fail (PATELLA_IS_TIMER_WINDOW (self));
  patella_timer_plan_state_at (&self->plan, elapsed (self), state);
}

/* For tests: as if the timer had run @seconds more. */
void
patella_timer_window_run_for (PatellaTimerWindow *self,
                              double              seconds)
{
  g_return_if_fail (PATELLA_IS_TIMER_WINDOW (self));

  self->elapsed_before += seconds;
  update (self);
}
