/* test-progression.c: the progression rule and the return to running, at every edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/patella-day.h"
#include "core/patella-progression.h"
#include "core/patella-routine.h"
#include "core/patella-store-progression.h"
#include "core/patella-timer.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

#define SESSION(pain) { "2026-05-01", (pain), FALSE }

static PatellaAdvice
advise (const PatellaLevelDay *sessions,
        guint                 n,
        int                   days,
        guint                 level,
        guint                 n_levels)
{
  g_autofree char *reason = NULL;
  PatellaAdvice advice = patella_progression_advise (sessions, n, days, level, n_levels, &reason);

  /* Every answer says why. */
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason, !=, "");
  g_test_message ("%d: %s", advice, reason);
  return advice;
}

static void
test_pain_edges (void)
{
  const PatellaLevelDay two[] = { SESSION (0), SESSION (-1), SESSION (2) };
  const PatellaLevelDay three[] = { SESSION (0), SESSION (3), SESSION (1) };
  const PatellaLevelDay five[] = { SESSION (5), SESSION (0), SESSION (1) };
  const PatellaLevelDay six[] = { SESSION (0), SESSION (6), SESSION (0) };

  /* 2 progresses, 3 holds; 5 holds, 6 steps back. */
  g_assert_cmpint (advise (two, 3, 7, 1, 3), ==, PATELLA_ADVICE_PROGRESS);
  g_assert_cmpint (advise (three, 3, 7, 1, 3), ==, PATELLA_ADVICE_HOLD);
  g_assert_cmpint (advise (five, 3, 7, 1, 3), ==, PATELLA_ADVICE_HOLD);
  g_assert_cmpint (advise (six, 3, 7, 1, 3), ==, PATELLA_ADVICE_STEP_BACK);
}

static void
test_holding_days (void)
{
  const PatellaLevelDay easy[] = { SESSION (0), SESSION (1), SESSION (2) };

  /* A level is held 7 days first: 6 is too soon. */
  g_assert_cmpint (advise (easy, 3, 6, 0, 3), ==, PATELLA_ADVICE_NONE);
  g_assert_cmpint (advise (easy, 3, 7, 0, 3), ==, PATELLA_ADVICE_PROGRESS);

  /* The reason counts days up to eight weeks, then says so: a level held
   * for years does not read "3651 days". */
  for (int days = 56; days <= 57; days++)
    {
      g_autofree char *reason = NULL;

      g_assert_cmpint (patella_progression_advise (easy, 3, days, 0, 3, &reason), ==, PATELLA_ADVICE_PROGRESS);
      if (days == 56)
        g_assert_nonnull (strstr (reason, "held for 56 days"));
      else
        g_assert_nonnull (strstr (reason, "held for more than 8 weeks"));
    }
}

static void
test_window (void)
{
  const PatellaLevelDay sessions[] = { SESSION (7), SESSION (4), SESSION (0), SESSION (1), SESSION (0) };

  /* Two easy sessions are not enough to progress; the third decides. But
   * too much pain counts from the first session. */
  g_assert_cmpint (advise (sessions + 3, 2, 30, 1, 3), ==, PATELLA_ADVICE_NONE);
  g_assert_cmpint (advise (sessions, 1, 30, 1, 3), ==, PATELLA_ADVICE_STEP_BACK);
  g_assert_cmpint (advise (sessions + 1, 2, 30, 1, 3), ==, PATELLA_ADVICE_HOLD);
  /* Only the last three count: the 7 and the 4 before them are past. */
  g_assert_cmpint (advise (sessions, 5, 30, 1, 3), ==, PATELLA_ADVICE_PROGRESS);
  /* With the 4 among the last three, hold. */
  g_assert_cmpint (advise (sessions, 4, 30, 1, 3), ==, PATELLA_ADVICE_HOLD);
  /* With the 7 among them, step back. */
  g_assert_cmpint (advise (sessions, 3, 30, 1, 3), ==, PATELLA_ADVICE_STEP_BACK);
}

static void
test_morning_worse (void)
{
  PatellaLevelDay sessions[] = { SESSION (0), SESSION (0), SESSION (0) };

  /* A worse morning after an exercise day steps back, even pain-free. */
  sessions[1].morning_worse_after = TRUE;
  g_assert_cmpint (advise (sessions, 3, 30, 2, 3), ==, PATELLA_ADVICE_STEP_BACK);
  sessions[1].morning_worse_after = FALSE;
  g_assert_cmpint (advise (sessions, 3, 30, 1, 3), ==, PATELLA_ADVICE_PROGRESS);
}

static void
test_ladder_ends (void)
{
  const PatellaLevelDay easy[] = { SESSION (0), SESSION (0), SESSION (0) };
  const PatellaLevelDay sore[] = { SESSION (8), SESSION (0), SESSION (0) };
  PatellaLevelDay worse[] = { SESSION (0), SESSION (0), SESSION (0) };

  /* No progress past the top, no step back below the first. */
  g_assert_cmpint (advise (easy, 3, 30, 2, 3), ==, PATELLA_ADVICE_NONE);
  g_assert_cmpint (advise (sore, 3, 30, 0, 3), ==, PATELLA_ADVICE_HOLD);
  worse[2].morning_worse_after = TRUE;
  g_assert_cmpint (advise (worse, 3, 30, 0, 3), ==, PATELLA_ADVICE_HOLD);
}

static void
test_headline (void)
{
  const PatellaLadder *squat = patella_ladder_find ("squat");
  g_autofree char *up = patella_progression_headline ("Wall squat", squat, 0, PATELLA_ADVICE_PROGRESS);
  g_autofree char *down = patella_progression_headline ("Wall squat", squat, 2, PATELLA_ADVICE_STEP_BACK);
  g_autofree char *top = patella_progression_headline ("Wall squat", squat, 4, PATELLA_ADVICE_NONE);

  g_assert_cmpstr (up, ==, "Wall squat: ready for Wall squat to 60°?");
  g_assert_cmpstr (down, ==, "Wall squat: step back to Wall squat to 60°?");
  g_assert_cmpstr (top, ==, "Wall squat: stay at Step-downs");
  /* Accept never leaves the ladder. */
  g_assert_cmpuint (patella_progression_target (squat, 4, PATELLA_ADVICE_PROGRESS), ==, 4);
  g_assert_cmpuint (patella_progression_target (squat, 0, PATELLA_ADVICE_STEP_BACK), ==, 0);
  g_assert_cmpuint (patella_progression_target (squat, 1, PATELLA_ADVICE_HOLD), ==, 1);
}

static void
test_ladders (void)
{
  guint n;
  const PatellaLadder *all = patella_ladders_get (&n);
  const PatellaLadder *squat = patella_ladder_find ("squat");

  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (squat);
  /* Depth first, never past 75°, then reps, then step-downs. */
  g_assert_cmpstr (squat->levels[0].name, ==, "Wall squat to 45°");
  g_assert_cmpstr (squat->levels[2].name, ==, "Wall squat to 75°");
  g_assert_cmpint (squat->levels[3].reps, ==, 15);
  g_assert_cmpstr (squat->levels[squat->n_levels - 1].name, ==, "Step-downs");
  g_assert_cmpstr (patella_ladder_find ("quad-setting")->levels[1].name, ==, "Straight-leg raise");
  g_assert_null (patella_ladder_find ("foam-roll"));
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < all[i].n_levels; k++)
      {
        g_assert_cmpint (all[i].levels[k].target_sets, >=, 1);
        g_assert_nonnull (all[i].levels[k].dose);
      }
}

#define RUN(pain, after, worse) { "2026-05-01", (pain), (after), (worse) }

static void
test_run_passed (void)
{
  const PatellaReturnRun at_limit = RUN (2, 1, FALSE);
  const PatellaReturnRun over = RUN (3, 1, FALSE);
  const PatellaReturnRun same_after = RUN (2, 2, FALSE);
  const PatellaReturnRun rose = RUN (2, 3, FALSE);
  const PatellaReturnRun no_after = RUN (1, -1, FALSE);
  const PatellaReturnRun worse = RUN (0, 0, TRUE);
  g_autofree char *reason = NULL;

  g_assert_true (patella_return_run_passed (&at_limit, 2, &reason));
  g_assert_false (patella_return_run_passed (&over, 2, &reason));
  g_assert_nonnull (strstr (reason, "above 2"));
  /* A clinician's higher limit. */
  g_assert_true (patella_return_run_passed (&over, 3, NULL));
  /* Settled: after no higher than during. */
  g_assert_true (patella_return_run_passed (&same_after, 2, NULL));
  g_assert_false (patella_return_run_passed (&rose, 2, NULL));
  g_assert_false (patella_return_run_passed (&no_after, 2, NULL));
  g_assert_false (patella_return_run_passed (&worse, 2, NULL));
}

static void
test_plan (void)
{
  const PatellaReturnRun good = RUN (1, 1, FALSE);
  const PatellaReturnRun bad = RUN (4, 2, FALSE);
  PatellaReturnState state = { 2, 0, 0 };
  guint n;

  patella_return_phases (&n);

  /* Each phase twice: one pass stays, the second advances. */
  patella_return_step (&state, &good, 2, n);
  g_assert_cmpuint (state.phase, ==, 2);
  patella_return_step (&state, &good, 2, n);
  g_assert_cmpuint (state.phase, ==, 3);
  g_assert_cmpuint (state.passed, ==, 0);

  /* A failure repeats the phase and undoes a pass; two in a row step back. */
  patella_return_step (&state, &good, 2, n);
  patella_return_step (&state, &bad, 2, n);
  g_assert_cmpuint (state.phase, ==, 3);
  g_assert_cmpuint (state.passed, ==, 0);
  patella_return_step (&state, &bad, 2, n);
  g_assert_cmpuint (state.phase, ==, 2);
  /* A pass between two failures breaks the run of failures. */
  patella_return_step (&state, &bad, 2, n);
  patella_return_step (&state, &good, 2, n);
  patella_return_step (&state, &bad, 2, n);
  g_assert_cmpuint (state.phase, ==, 2);

  /* Never below the first phase, never past the last. */
  state = (PatellaReturnState) { 0, 0, 0 };
  patella_return_step (&state, &bad, 2, n);
  patella_return_step (&state, &bad, 2, n);
  g_assert_cmpuint (state.phase, ==, 0);
  state = (PatellaReturnState) { n - 1, 0, 0 };
  patella_return_step (&state, &good, 2, n);
  patella_return_step (&state, &good, 2, n);
  g_assert_cmpuint (state.phase, ==, n - 1);
  g_assert_cmpuint (state.passed, ==, PATELLA_RETURN_PASSES_PER_PHASE);
}

static void
test_phases (void)
{
  guint n;
  const PatellaRunPhase *phases = patella_return_phases (&n);
  g_autofree char *first = patella_run_phase_describe (&phases[0]);
  g_autofree char *last = patella_run_phase_describe (&phases[n - 1]);

  g_assert_cmpstr (first, ==, "5 × (1 min run / 2 min walk)");
  g_assert_cmpstr (last, ==, "30 min continuous");
  g_assert_cmpfloat (patella_run_phase_minutes (&phases[0]), ==, 15);
  /* Running time grows from phase to phase. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (phases[i].repeats * phases[i].run_minutes, >, phases[i - 1].repeats * phases[i - 1].run_minutes);
}

/* The hold timer's schedule runs a phase: runs are the holds, walks the
 * relaxes between them. */
static void
test_interval_timer (void)
{
  guint n;
  const PatellaRunPhase *phases = patella_return_phases (&n);
  PatellaTimerPlan plan;
  PatellaTimerState state;

  patella_timer_plan_for_run_phase (&phases[2], &plan);   /* 6 × (2 min run / 1 min walk) */
  g_assert_cmpint (plan.reps, ==, 6);
  g_assert_cmpfloat (patella_timer_plan_get_total (&plan), ==, 5 + 6 * 120 + 5 * 60);
  patella_timer_plan_state_at (&plan, 5 + 119.5, &state);
  g_assert_cmpint (state.phase, ==, PATELLA_TIMER_HOLD);
  g_assert_cmpint (state.rep, ==, 1);
  patella_timer_plan_state_at (&plan, 5 + 120.5, &state);
  g_assert_cmpint (state.phase, ==, PATELLA_TIMER_RELAX);
  g_assert_cmpfloat (state.length, ==, 60);
  patella_timer_plan_state_at (&plan, 5 + 180.5, &state);
  g_assert_cmpint (state.phase, ==, PATELLA_TIMER_HOLD);
  g_assert_cmpint (state.rep, ==, 2);

  /* The last phase: one continuous run of 30 minutes. */
  patella_timer_plan_for_run_phase (&phases[n - 1], &plan);
  g_assert_cmpfloat (patella_timer_plan_get_total (&plan), ==, 5 + 30 * 60);
  patella_timer_plan_state_at (&plan, 5 + 30 * 60, &state);
  g_assert_cmpint (state.phase, ==, PATELLA_TIMER_DONE);
}

static void
test_rest_days (void)
{
  /* At least one rest day between runs. */
  g_assert_true (patella_return_may_run (NULL, "2026-05-01"));
  g_assert_false (patella_return_may_run ("2026-05-01", "2026-05-01"));
  g_assert_false (patella_return_may_run ("2026-05-01", "2026-05-02"));
  g_assert_true (patella_return_may_run ("2026-05-01", "2026-05-03"));
  /* Across a month's end. */
  g_assert_false (patella_return_may_run ("2026-04-30", "2026-05-01"));
  g_assert_true (patella_return_may_run ("2026-04-30", "2026-05-02"));
}


/* The rule on the runner's record */

static PatellaStore *
open_store (Fixture    *fixture,
            const char *today)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (fixture->path, &error);

  g_assert_no_error (error);
  patella_store_set_today (store, today);
  return store;
}

/* @n days of squats from @first, three sets a day at @pain (-1: none). */
static void
log_squats (PatellaStore *store,
            const char   *first,
            int           n,
            int           pain)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *day = patella_day_add (first, i);

      for (int k = 0; k < 3; k++)
        {
          g_autoptr(PatellaEntry) set = patella_entry_new (PATELLA_ENTRY_EXERCISE);
          g_autoptr(GError) error = NULL;

          set->day = g_strdup (day);
          set->exercise_id = g_strdup ("squat");
          set->sets = 1;
          set->reps = 10;
          set->pain = pain;
          g_assert_cmpint (patella_store_add_entry (store, set, &error), >, 0);
          g_assert_no_error (error);
        }
    }
}

static void
log_mornings (PatellaStore *store,
              const char   *first,
              int           n,
              int           score)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *day = patella_day_add (first, i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, score, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
}

static PatellaSuggestion *
squat_suggestion (PatellaStore *store,
                  const char   *day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = patella_store_list_suggestions (store, day, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      PatellaSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->exercise_id, "squat"))
        {
          g_test_message ("%s: %d %s", day, suggestion->advice, suggestion->reason);
          return g_ptr_array_steal_index (suggestions, i);
        }
    }
  g_assert_not_reached ();
}

static PatellaAdvice
squat_advice (PatellaStore *store,
              const char   *day)
{
  g_autoptr(PatellaSuggestion) suggestion = squat_suggestion (store, day);

  return suggestion->advice;
}

/* Accepting a suggestion changes the routine from today: every day before
 * keeps its targets and its adherence. Undo on the same day leaves no
 * change behind. */
static void
test_store_accept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture, "2026-03-10");
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree PatellaDayMark *before = NULL;
  g_autofree PatellaDayMark *after = NULL;
  guint n_before, n_after;

  log_squats (store, "2026-03-01", 9, 1);
  before = patella_routine_load_marks (store, "2026-03-01", "2026-03-09", &n_before, &error);
  g_assert_no_error (error);

  suggestion = squat_suggestion (store, "2026-03-10");
  g_assert_cmpint (suggestion->advice, ==, PATELLA_ADVICE_PROGRESS);
  g_assert_cmpuint (suggestion->level, ==, 0);
  /* Nine sessions, counted as far as the rule reads: the last three. */
  g_assert_cmpuint (suggestion->n_sessions, ==, PATELLA_PROGRESSION_SESSIONS);
  g_assert_cmpstr (suggestion->level_since, ==, "2026-03-01");

  g_assert_true (patella_store_set_level (store, "squat", 3, &error));
  g_assert_no_error (error);

  /* The past keeps its targets; today has the new level's. */
  {
    g_autoptr(GPtrArray) then = patella_store_list_routine (store, "2026-03-09", &error);
    g_autoptr(GPtrArray) now = patella_store_list_routine (store, "2026-03-10", &error);

    for (guint i = 0; i < then->len; i++)
      {
        PatellaExercise *a = g_ptr_array_index (then, i), *b = g_ptr_array_index (now, i);

        if (!g_str_equal (a->id, "squat"))
          continue;
        g_assert_cmpint (a->level, ==, 0);
        g_assert_cmpint (a->reps, ==, 10);
        g_assert_cmpint (b->level, ==, 3);
        g_assert_cmpint (b->reps, ==, 15);
        {
          g_autofree char *dose = patella_exercise_describe_dose (b);
          g_assert_cmpstr (dose, ==, "3 sets of 15, lowering over 5 s");
        }
      }
  }
  after = patella_routine_load_marks (store, "2026-03-01", "2026-03-09", &n_after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_after, ==, n_before);
  for (guint i = 0; i < n_before; i++)
    {
      g_assert_cmpfloat (after[i].fraction, ==, before[i].fraction);
      g_assert_true (after[i].logged == before[i].logged);
    }
  g_assert_cmpint (patella_store_get_level (store, "squat", "2026-03-09", &error), ==, 0);
  g_assert_cmpint (patella_store_get_level (store, "squat", "2026-03-10", &error), ==, 3);

  changes = patella_store_list_level_changes (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  {
    PatellaLevelChange *change = g_ptr_array_index (changes, 0);

    g_assert_cmpstr (change->day, ==, "2026-03-10");
    g_assert_cmpint (change->from_level, ==, 0);
    g_assert_cmpint (change->to_level, ==, 3);
  }

  /* A new level starts counting afresh. */
  g_clear_pointer (&suggestion, patella_suggestion_free);
  suggestion = squat_suggestion (store, "2026-03-10");
  g_assert_cmpint (suggestion->advice, ==, PATELLA_ADVICE_NONE);
  g_assert_cmpuint (suggestion->n_sessions, ==, 0);
  g_assert_cmpstr (suggestion->level_since, ==, "2026-03-10");

  /* Bad levels change nothing. */
  g_assert_false (patella_store_set_level (store, "squat", 5, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (patella_store_set_level (store, "foam-roll", 1, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (patella_store_get_level (store, "squat", "2026-03-10", &error), ==, 3);

  /* Undo the same day: no change is left in the history. */
  g_assert_true (patella_store_set_level (store, "squat", 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = patella_store_list_level_changes (store, "2026-03-01", "2026-03-31", &error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = patella_store_list_routine_changes (store, "2026-03-01", "2026-03-31", &error);
  g_assert_cmpuint (changes->len, ==, 0);
}

/* The rule's edges, read from the record: pain in sets, a worse morning
 * after an exercise day, the days at a level, and "Not yet". */
static void
test_store_rule (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture, "2026-03-01");
  g_autoptr(GError) error = NULL;

  /* Level 1 from March 1st. */
  g_assert_true (patella_store_set_level (store, "squat", 1, &error));
  g_assert_no_error (error);
  log_mornings (store, "2026-02-14", 15, 1);
  log_squats (store, "2026-03-01", 3, 0);

  /* Held 6 days: not yet; 7: progress. */
  g_assert_cmpint (squat_advice (store, "2026-03-07"), ==, PATELLA_ADVICE_NONE);
  g_assert_cmpint (squat_advice (store, "2026-03-08"), ==, PATELLA_ADVICE_PROGRESS);
  /* Two sessions before the day are not enough: the day's own sets wait
   * for the next morning. */
  g_assert_cmpint (squat_advice (store, "2026-03-03"), ==, PATELLA_ADVICE_NONE);

  /* A worse morning after an exercise day steps back; the usual morning is 1. */
  log_mornings (store, "2026-03-02", 1, 3);
  g_assert_cmpint (squat_advice (store, "2026-03-08"), ==, PATELLA_ADVICE_STEP_BACK);

  /* Pain in a set: 3 holds, 6 steps back; mornings fine from here. */
  log_mornings (store, "2026-03-04", 10, 1);
  log_squats (store, "2026-03-04", 3, 2);
  g_assert_cmpint (squat_advice (store, "2026-03-08"), ==, PATELLA_ADVICE_PROGRESS);
  log_squats (store, "2026-03-08", 1, 3);
  g_assert_cmpint (squat_advice (store, "2026-03-09"), ==, PATELLA_ADVICE_HOLD);
  log_squats (store, "2026-03-09", 1, 6);
  g_assert_cmpint (squat_advice (store, "2026-03-10"), ==, PATELLA_ADVICE_STEP_BACK);
  log_squats (store, "2026-03-10", 3, 5);
  g_assert_cmpint (squat_advice (store, "2026-03-13"), ==, PATELLA_ADVICE_HOLD);

  /* Not yet: quiet for 7 days, from the day it was put off. */
  g_assert_true (patella_store_snooze_suggestion (store, "squat", "2026-03-13", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PatellaSuggestion) on_day6 = squat_suggestion (store, "2026-03-19");
    g_autoptr(PatellaSuggestion) on_day7 = squat_suggestion (store, "2026-03-20");

    g_assert_true (on_day6->snoozed);
    g_assert_false (on_day7->snoozed);
  }
  g_assert_true (patella_store_unsnooze_suggestion (store, "squat", &error));
  {
    g_autoptr(PatellaSuggestion) again = squat_suggestion (store, "2026-03-19");
    g_assert_false (again->snoozed);
  }
  g_assert_false (patella_store_snooze_suggestion (store, "squat", "2026-02-30", &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
}

static void
log_run (PatellaStore *store,
         const char   *day,
         int           pain,
         int           after)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (patella_store_log_run (store, day, NULL, 15, 0, 4, pain, NULL, &error), >, 0);
  g_assert_no_error (error);
  if (after >= 0)
    g_assert_cmpint (patella_store_log_pain (store, day, NULL, after, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
next_run (PatellaStore   *store,
          const char     *day,
          PatellaNextRun *next)
{
  g_autoptr(GError) error = NULL;

  patella_next_run_clear (next);
  g_assert_true (patella_store_get_next_run (store, day, next, &error));
  g_assert_no_error (error);
  g_test_message ("%s: phase %u (%u passed, %u failed): %s", day, next->state.phase, next->state.passed,
                  next->state.failed, next->reason);
}

/* The plan replayed from the record: two passes advance, a failure
 * repeats, two step back; a rest day between runs. */
static void
test_store_return (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture, "2026-04-01");
  g_autoptr(GError) error = NULL;
  PatellaNextRun next = { 0 };
  gboolean offer;

  /* A new record is not offered a plan. */
  g_assert_true (patella_store_offers_return (store, "2026-04-01", &offer, &error));
  g_assert_false (offer);
  log_mornings (store, "2026-03-20", 1, 1);
  g_assert_true (patella_store_offers_return (store, "2026-04-01", &offer, &error));
  g_assert_false (offer);

  /* No run for 14 days: offered; 13: not. */
  log_run (store, "2026-03-18", 1, 1);
  g_assert_true (patella_store_offers_return (store, "2026-04-01", &offer, &error));
  g_assert_true (offer);
  g_assert_true (patella_store_offers_return (store, "2026-03-31", &offer, &error));
  g_assert_false (offer);
  /* Not yet: quiet for 7 days. */
  g_assert_true (patella_store_snooze_return_offer (store, "2026-04-01", &error));
  g_assert_true (patella_store_offers_return (store, "2026-04-07", &offer, &error));
  g_assert_false (offer);
  g_assert_true (patella_store_offers_return (store, "2026-04-08", &offer, &error));
  g_assert_true (offer);

  next_run (store, "2026-04-01", &next);
  g_assert_false (next.active);

  g_assert_true (patella_store_set_return_plan (store, TRUE, "2026-04-01", &error));
  g_assert_no_error (error);
  g_assert_true (patella_store_offers_return (store, "2026-04-08", &offer, &error));
  g_assert_false (offer);
  next_run (store, "2026-04-01", &next);
  g_assert_true (next.active);
  g_assert_cmpuint (next.state.phase, ==, 0);
  g_assert_true (next.may_run);

  /* A run today: a rest day tomorrow; judged once the next morning is there. */
  log_run (store, "2026-04-01", 1, 1);
  next_run (store, "2026-04-01", &next);
  g_assert_cmpuint (next.state.passed, ==, 0);
  g_assert_false (next.may_run);
  next_run (store, "2026-04-02", &next);
  g_assert_cmpuint (next.state.passed, ==, 1);
  g_assert_false (next.may_run);
  next_run (store, "2026-04-03", &next);
  g_assert_true (next.may_run);

  log_run (store, "2026-04-03", 2, 2);
  next_run (store, "2026-04-05", &next);
  g_assert_cmpuint (next.state.phase, ==, 1);
  g_assert_cmpuint (next.state.passed, ==, 0);

  /* Pain 3 fails and repeats; no pain after it fails too: back to phase 0. */
  log_run (store, "2026-04-05", 3, 1);
  next_run (store, "2026-04-07", &next);
  g_assert_cmpuint (next.state.phase, ==, 1);
  g_assert_cmpuint (next.state.failed, ==, 1);
  log_run (store, "2026-04-07", 1, -1);
  next_run (store, "2026-04-09", &next);
  g_assert_cmpuint (next.state.phase, ==, 0);
  g_assert_nonnull (strstr (next.reason, "No pain score after the run"));

  /* A clinician's higher limit: the pain-3 run passes. */
  g_assert_true (patella_store_set_return_pain_limit (store, 3, &error));
  next_run (store, "2026-04-06", &next);
  g_assert_cmpuint (next.state.phase, ==, 1);
  g_assert_cmpuint (next.state.passed, ==, 1);
  g_assert_false (patella_store_set_return_pain_limit (store, 11, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Switched off, it is off. */
  g_assert_true (patella_store_set_return_plan (store, FALSE, "2026-04-09", &error));
  next_run (store, "2026-04-09", &next);
  g_assert_false (next.active);
  patella_next_run_clear (&next);
}

static void
assert_phases (PatellaStore          *store,
               const PatellaRunPhase *expected,
               guint                  n_expected,
               gboolean               expected_custom)
{
  g_autoptr(GError) error = NULL;
  g_autofree PatellaRunPhase *phases = NULL;
  gboolean custom = !expected_custom;
  guint n;

  phases = patella_store_get_return_phases (store, &n, &custom, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_expected);
  g_assert_cmpint (custom, ==, expected_custom);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (phases[i].repeats, ==, expected[i].repeats);
      g_assert_cmpfloat (phases[i].run_minutes, ==, expected[i].run_minutes);
      g_assert_cmpfloat (phases[i].walk_minutes, ==, expected[i].walk_minutes);
    }
}

/* The phases a clinician sets: kept in the record, read back as set,
 * refused with the reason when out of bounds (and nothing changes), and
 * back to the built-in ones on reset. */
static void
test_store_phases (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture, "2026-04-01");
  g_autoptr(GError) error = NULL;
  const PatellaRunPhase *builtin;
  guint n_builtin;
  const PatellaRunPhase mine[] = { { 4, 0.5, 2.5 }, { 20, 60, 10 }, { 1, 45, 0 } };
  PatellaRunPhase twelve[PATELLA_RUN_PHASES_MAX + 1];
  const struct
  {
    PatellaRunPhase phase;
    const char     *reason;
  } bad[] = {
    { { 0, 1, 1 }, "Phase 2: a phase repeats its run and walk 1 to 20 times." },
    { { 21, 1, 1 }, "1 to 20 times" },
    { { 2, 0, 1 }, "Phase 2: a run lasts 0.5 to 60 minutes, in half minutes." },
    { { 2, 60.5, 1 }, "a run lasts" },
    { { 2, 1.25, 1 }, "a run lasts" },
    { { 2, NAN, 1 }, "a run lasts" },
    { { 2, 1, 10.5 }, "Phase 2: a walk lasts 0 to 10 minutes, in half minutes." },
    { { 2, 1, -0.5 }, "a walk lasts" },
    { { 2, 1, 0.75 }, "a walk lasts" },
    { { 2, 10, 0 }, "Phase 2: a run without walks is continuous, and is run once." },
  };

  /* None kept: the built-in ones, 5 × (1/2) to 30 min continuous. */
  builtin = patella_return_phases (&n_builtin);
  g_assert_cmpuint (n_builtin, ==, 8);
  assert_phases (store, builtin, n_builtin, FALSE);

  g_assert_true (patella_store_set_return_phases (store, mine, G_N_ELEMENTS (mine), &error));
  g_assert_no_error (error);
  assert_phases (store, mine, G_N_ELEMENTS (mine), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PatellaRunPhase phases[] = { mine[0], bad[i].phase, mine[2] };

      g_assert_false (patella_store_set_return_phases (store, phases, G_N_ELEMENTS (phases), &error));
      g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].reason));
      g_clear_error (&error);
      assert_phases (store, mine, G_N_ELEMENTS (mine), TRUE);
    }

  /* 1 to 12 phases. */
  for (guint i = 0; i < G_N_ELEMENTS (twelve); i++)
    twelve[i] = (PatellaRunPhase) { 1, 1 + i, 0 };
  g_assert_false (patella_store_set_return_phases (store, twelve, 0, &error));
  g_assert_cmpstr (error->message, ==, "A plan has 1 to 12 phases.");
  g_clear_error (&error);
  g_assert_false (patella_store_set_return_phases (store, twelve, 13, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_phases (store, mine, G_N_ELEMENTS (mine), TRUE);
  g_assert_true (patella_store_set_return_phases (store, twelve, 12, &error));
  assert_phases (store, twelve, 12, TRUE);
  g_assert_true (patella_store_set_return_phases (store, twelve, 1, &error));
  assert_phases (store, twelve, 1, TRUE);

  g_assert_true (patella_store_reset_return_phases (store, &error));
  g_assert_no_error (error);
  assert_phases (store, builtin, n_builtin, FALSE);
}

/* Phases edited while a plan is under way: the next run is read from the
 * new phases, and a plan past the end of shorter ones stands on the last. */
static void
test_store_phases_under_way (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture, "2026-04-01");
  g_autoptr(GError) error = NULL;
  PatellaNextRun next = { 0 };
  const PatellaRunPhase longer[] = { { 3, 1, 1 }, { 3, 1.5, 1 }, { 4, 2, 0.5 }, { 1, 20, 0 } };
  const PatellaRunPhase two[] = { { 8, 1, 1 }, { 1, 12.5, 0 } };

  g_assert_true (patella_store_set_return_plan (store, TRUE, "2026-04-01", &error));
  /* Four runs that pass: phase 3 (index 2) of the built-in ones. */
  log_run (store, "2026-04-01", 1, 1);
  log_run (store, "2026-04-03", 1, 1);
  log_run (store, "2026-04-05", 1, 1);
  log_run (store, "2026-04-07", 1, 1);
  next_run (store, "2026-04-09", &next);
  g_assert_cmpuint (next.state.phase, ==, 2);
  g_assert_cmpuint (next.n_phases, ==, 8);
  g_assert_cmpuint (next.phase.repeats, ==, 6);

  /* The same place, the new intervals. */
  g_assert_true (patella_store_set_return_phases (store, longer, G_N_ELEMENTS (longer), &error));
  next_run (store, "2026-04-09", &next);
  g_assert_cmpuint (next.state.phase, ==, 2);
  g_assert_cmpuint (next.n_phases, ==, 4);
  g_assert_cmpuint (next.phase.repeats, ==, 4);
  g_assert_cmpfloat (next.phase.walk_minutes, ==, 0.5);

  /* Shorter than the runner's place: the last phase; its two runs were
   * passed, so the plan is complete. */
  g_assert_true (patella_store_set_return_phases (store, two, G_N_ELEMENTS (two), &error));
  next_run (store, "2026-04-09", &next);
  g_assert_true (next.active);
  g_assert_cmpuint (next.state.phase, ==, 1);
  g_assert_cmpuint (next.n_phases, ==, 2);
  g_assert_cmpfloat (next.phase.run_minutes, ==, 12.5);
  g_assert_true (next.done);
  /* One phase: still within it. */
  g_assert_true (patella_store_set_return_phases (store, &two[1], 1, &error));
  next_run (store, "2026-04-09", &next);
  g_assert_cmpuint (next.state.phase, ==, 0);
  g_assert_cmpuint (next.n_phases, ==, 1);
  g_assert_true (next.done);

  /* Back to the built-in ones: phase 3 again. */
  g_assert_true (patella_store_reset_return_phases (store, &error));
  next_run (store, "2026-04-09", &next);
  g_assert_cmpuint (next.state.phase, ==, 2);
  g_assert_cmpuint (next.n_phases, ==, 8);
  patella_next_run_clear (&next);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progression/pain-edges", test_pain_edges);
  g_test_add_func ("/progression/holding-days", test_holding_days);
  g_test_add_func ("/progression/window", test_window);
  g_test_add_func ("/progression/morning-worse", test_morning_worse);
  g_test_add_func ("/progression/ladder-ends", test_ladder_ends);
  g_test_add_func ("/progression/ladders", test_ladders);
  g_test_add_func ("/progression/headline", test_headline);
  g_test_add_func ("/return/run-passed", test_run_passed);
  g_test_add_func ("/return/plan", test_plan);
  g_test_add_func ("/return/phases", test_phases);
  g_test_add_func ("/return/rest-days", test_rest_days);
  g_test_add_func ("/return/interval-timer", test_interval_timer);
  g_test_add ("/progression/store/accept", Fixture, NULL, patella_test_files_set_up, test_store_accept,
              patella_test_files_tear_down);
  g_test_add ("/progression/store/rule", Fixture, NULL, patella_test_files_set_up, test_store_rule,
              patella_test_files_tear_down);
  g_test_add ("/return/store", Fixture, NULL, patella_test_files_set_up, test_store_return,
              patella_test_files_tear_down);
  g_test_add ("/return/store/phases", Fixture, NULL, patella_test_files_set_up, test_store_phases,
              patella_test_files_tear_down);
  g_test_add ("/return/store/phases-under-way", Fixture, NULL, patella_test_files_set_up,
              test_store_phases_under_way, patella_test_files_tear_down);

  return g_test_run ();
}
