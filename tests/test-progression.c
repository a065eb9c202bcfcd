/* test-progression.c: the progression rule and the return to running, at every edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-progression.h"

#define SESSION(pain) { "2026-05-01", (pain), FALSE }

static PatellaAdvice
advise (const PatellaSession *sessions,
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
  const PatellaSession two[] = { SESSION (0), SESSION (-1), SESSION (2) };
  const PatellaSession three[] = { SESSION (0), SESSION (3), SESSION (1) };
  const PatellaSession five[] = { SESSION (5), SESSION (0), SESSION (1) };
  const PatellaSession six[] = { SESSION (0), SESSION (6), SESSION (0) };

  /* 2 progresses, 3 holds; 5 holds, 6 steps back. */
  g_assert_cmpint (advise (two, 3, 7, 1, 3), ==, PATELLA_ADVICE_PROGRESS);
  g_assert_cmpint (advise (three, 3, 7, 1, 3), ==, PATELLA_ADVICE_HOLD);
  g_assert_cmpint (advise (five, 3, 7, 1, 3), ==, PATELLA_ADVICE_HOLD);
  g_assert_cmpint (advise (six, 3, 7, 1, 3), ==, PATELLA_ADVICE_STEP_BACK);
}

static void
test_holding_days (void)
{
  const PatellaSession easy[] = { SESSION (0), SESSION (1), SESSION (2) };

  /* A level is held 7 days first: 6 is too soon. */
  g_assert_cmpint (advise (easy, 3, 6, 0, 3), ==, PATELLA_ADVICE_NONE);
  g_assert_cmpint (advise (easy, 3, 7, 0, 3), ==, PATELLA_ADVICE_PROGRESS);
}

static void
test_window (void)
{
  const PatellaSession sessions[] = { SESSION (7), SESSION (4), SESSION (0), SESSION (1), SESSION (0) };

  /* Two sessions are not enough; the third decides. */
  g_assert_cmpint (advise (sessions + 3, 2, 30, 1, 3), ==, PATELLA_ADVICE_NONE);
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
  PatellaSession sessions[] = { SESSION (0), SESSION (0), SESSION (0) };

  /* A worse morning after an exercise day steps back, even pain-free. */
  sessions[1].morning_worse_after = TRUE;
  g_assert_cmpint (advise (sessions, 3, 30, 2, 3), ==, PATELLA_ADVICE_STEP_BACK);
  sessions[1].morning_worse_after = FALSE;
  g_assert_cmpint (advise (sessions, 3, 30, 1, 3), ==, PATELLA_ADVICE_PROGRESS);
}

static void
test_ladder_ends (void)
{
  const PatellaSession easy[] = { SESSION (0), SESSION (0), SESSION (0) };
  const PatellaSession sore[] = { SESSION (8), SESSION (0), SESSION (0) };
  PatellaSession worse[] = { SESSION (0), SESSION (0), SESSION (0) };

  /* No progress past the top, no step back below the first. */
  g_assert_cmpint (advise (easy, 3, 30, 2, 3), ==, PATELLA_ADVICE_NONE);
  g_assert_cmpint (advise (sore, 3, 30, 0, 3), ==, PATELLA_ADVICE_HOLD);
  worse[2].morning_worse_after = TRUE;
  g_assert_cmpint (advise (worse, 3, 30, 0, 3), ==, PATELLA_ADVICE_HOLD);
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
  patella_return_step (&state, &good, 2);
  g_assert_cmpuint (state.phase, ==, 2);
  patella_return_step (&state, &good, 2);
  g_assert_cmpuint (state.phase, ==, 3);
  g_assert_cmpuint (state.passed, ==, 0);

  /* A failure repeats the phase and undoes a pass; two in a row step back. */
  patella_return_step (&state, &good, 2);
  patella_return_step (&state, &bad, 2);
  g_assert_cmpuint (state.phase, ==, 3);
  g_assert_cmpuint (state.passed, ==, 0);
  patella_return_step (&state, &bad, 2);
  g_assert_cmpuint (state.phase, ==, 2);
  /* A pass between two failures breaks the run of failures. */
  patella_return_step (&state, &bad, 2);
  patella_return_step (&state, &good, 2);
  patella_return_step (&state, &bad, 2);
  g_assert_cmpuint (state.phase, ==, 2);

  /* Never below the first phase, never past the last. */
  state = (PatellaReturnState) { 0, 0, 0 };
  patella_return_step (&state, &bad, 2);
  patella_return_step (&state, &bad, 2);
  g_assert_cmpuint (state.phase, ==, 0);
  state = (PatellaReturnState) { n - 1, 0, 0 };
  patella_return_step (&state, &good, 2);
  patella_return_step (&state, &good, 2);
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
  g_test_add_func ("/return/run-passed", test_run_passed);
  g_test_add_func ("/return/plan", test_plan);
  g_test_add_func ("/return/phases", test_phases);
  g_test_add_func ("/return/rest-days", test_rest_days);

  return g_test_run ();
}
