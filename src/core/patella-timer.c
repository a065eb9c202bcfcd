/* patella-timer.c: the guided timer's schedule, as pure arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timer widget only keeps the elapsed time (monotonic, less pauses);
 * everything it shows comes from patella_timer_plan_state_at().
 */
#define G_LOG_DOMAIN "patella-timer"

#include "patella-timer.h"

/**
 * patella_timer_plan_for_exercise:
 *
 * Quadriceps setting: 20 holds of 5 s with 3 s to relax between them.
 * Hamstring stretch: 3 holds of 30 s on each leg, left and right in turn,
 * 6 holds with 10 s to change legs between them; the other built-in
 * stretches and balance dosed per leg the same way.
 * Foam rolling: 4 areas of 10 s, 10 s to move the roller on.
 * Squats: 10 descents of 5 s, 3 s to come back up.
 * Any exercise without reps is one hold.
 */
void
patella_timer_plan_for_exercise (const PatellaExercise *exercise,
                                 PatellaTimerPlan      *plan)
{
  g_return_if_fail (exercise != NULL && plan != NULL);

  plan->ready_seconds = PATELLA_TIMER_READY_SECONDS;
  plan->sides = patella_exercise_is_per_leg (exercise) ? 2 : 1;
  plan->reps = MAX (exercise->reps, 1) * plan->sides;
  plan->hold_seconds = MAX (exercise->hold_seconds, 1);
  /* Long holds need longer to reset between them. */
  plan->relax_seconds = plan->hold_seconds >= 10 ? 10 : 3;
}

void
patella_timer_plan_for_run_phase (const PatellaRunPhase *phase,
                                  PatellaTimerPlan      *plan)
{
  g_return_if_fail (phase != NULL && plan != NULL);

  plan->ready_seconds = PATELLA_TIMER_READY_SECONDS;
  plan->sides = 1;
  plan->reps = MAX ((int) phase->repeats, 1);
  plan->hold_seconds = MAX ((int) (phase->run_minutes * 60), 1);
  plan->relax_seconds = (int) (phase->walk_minutes * 60);
}

double
patella_timer_plan_get_total (const PatellaTimerPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0.0);

  return plan->ready_seconds +
         plan->reps * plan->hold_seconds +
         (plan->reps - 1) * plan->relax_seconds;
}

void
patella_timer_plan_state_at (const PatellaTimerPlan *plan,
                             double                  elapsed,
                             PatellaTimerState      *state)
{
  double t;
  int cycle;

  g_return_if_fail (plan != NULL && state != NULL);

  t = MAX (elapsed, 0.0);
  if (t >= patella_timer_plan_get_total (plan))
    {
      *state = (PatellaTimerState) { PATELLA_TIMER_DONE, plan->reps, 0.0, 0.0, PATELLA_SIDE_NONE };
      return;
    }

  if (t < plan->ready_seconds)
    {
      *state = (PatellaTimerState) { PATELLA_TIMER_GET_READY, 0,
                                     plan->ready_seconds - t, plan->ready_seconds, PATELLA_SIDE_NONE };
      return;
    }

  /* Each rep but the last is a hold followed by a relax. */
  t -= plan->ready_seconds;
  cycle = plan->hold_seconds + plan->relax_seconds;
  state->rep = MIN ((int) (t / cycle), plan->reps - 1) + 1;
  state->side = plan->sides == 2 ? (state->rep % 2 == 1 ? PATELLA_SIDE_LEFT : PATELLA_SIDE_RIGHT)
                                 : PATELLA_SIDE_NONE;
  t -= (state->rep - 1) * cycle;

  if (t < plan->hold_seconds)
    {
      state->phase = PATELLA_TIMER_HOLD;
      state->length = plan->hold_seconds;
      state->remaining = plan->hold_seconds - t;
    }
  else
    {
      state->phase = PATELLA_TIMER_RELAX;
      state->length = plan->relax_seconds;
      state->remaining = cycle - t;
    }
}

/* The elapsed time at which the phase running at @elapsed ends. */
double
patella_timer_plan_skip (const PatellaTimerPlan *plan,
                         double                  elapsed)
{
  PatellaTimerState state;

  patella_timer_plan_state_at (plan, elapsed, &state);
  if (state.phase == PATELLA_TIMER_DONE)
    return patella_timer_plan_get_total (plan);
  return MAX (elapsed, 0.0) + state.remaining;
}
