/* test-outcomes.c: the check-in's schedule, important changes, goals and the self-test, at their edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "core/patella-outcomes.h"
#include "core/patella-store-outcomes.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

static PatellaCheckinState
schedule (const char *last,
          const char *snoozed,
          const char *today,
          PatellaCheckin *out)
{
  patella_checkin_schedule (last, snoozed, today, out);
  return out->state;
}

static void
test_schedule (void)
{
  PatellaCheckin c;

  /* The first check-in, the baseline, is due at once. */
  g_assert_cmpint (schedule (NULL, NULL, "2026-03-01", &c), ==, PATELLA_CHECKIN_DUE);
  g_assert_cmpstr (c.due, ==, "2026-03-01");

  /* 14 days after the last: 13 days on it is not due, on the 14th it is. */
  g_assert_cmpint (schedule ("2026-03-01", NULL, "2026-03-14", &c), ==, PATELLA_CHECKIN_NOT_DUE);
  g_assert_cmpint (c.days_until, ==, 1);
  g_assert_cmpstr (c.due, ==, "2026-03-15");
  g_assert_cmpint (schedule ("2026-03-01", NULL, "2026-03-15", &c), ==, PATELLA_CHECKIN_DUE);
  g_assert_cmpint (c.n_missed, ==, 0);
  /* Across the change to summer time the days are calendar days. */
  g_assert_cmpint (schedule ("2026-03-20", NULL, "2026-04-03", &c), ==, PATELLA_CHECKIN_DUE);

  /* Missed: a whole interval overdue (day 28 after the last), not before. */
  g_assert_cmpint (schedule ("2026-03-01", NULL, "2026-03-28", &c), ==, PATELLA_CHECKIN_DUE);
  g_assert_cmpint (schedule ("2026-03-01", NULL, "2026-03-29", &c), ==, PATELLA_CHECKIN_MISSED);
  g_assert_cmpint (c.n_missed, ==, 1);
  g_assert_cmpint (schedule ("2026-03-01", NULL, "2026-04-12", &c), ==, PATELLA_CHECKIN_MISSED);
  g_assert_cmpint (c.n_missed, ==, 2);

  /* Snoozed on the due day for 2 days: quiet that day and the next, back
   * on the second. */
  g_assert_cmpint (schedule ("2026-03-01", "2026-03-17", "2026-03-15", &c), ==, PATELLA_CHECKIN_SNOOZED);
  g_assert_cmpint (schedule ("2026-03-01", "2026-03-17", "2026-03-16", &c), ==, PATELLA_CHECKIN_SNOOZED);
  g_assert_cmpint (schedule ("2026-03-01", "2026-03-17", "2026-03-17", &c), ==, PATELLA_CHECKIN_DUE);
  /* A snooze puts off a missed one too, and an old snooze does nothing. */
  g_assert_cmpint (schedule ("2026-03-01", "2026-03-31", "2026-03-29", &c), ==, PATELLA_CHECKIN_SNOOZED);
  g_assert_cmpint (schedule ("2026-03-01", "2026-03-10", "2026-03-15", &c), ==, PATELLA_CHECKIN_DUE);
  /* A check-in made while snoozed starts the next interval. */
  g_assert_cmpint (schedule ("2026-03-16", "2026-03-17", "2026-03-16", &c), ==, PATELLA_CHECKIN_NOT_DUE);
  g_assert_cmpint (c.days_until, ==, 14);
}

static void
test_important_change (void)
{
  /* Two points from the first check-in, either way; one is not. */
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_USUAL_PAIN, 5, 3), ==, PATELLA_CHANGE_BETTER);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_USUAL_PAIN, 5, 4), ==, PATELLA_CHANGE_NONE);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_STAIRS_DOWN, 2, 4), ==, PATELLA_CHANGE_WORSE);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_STAIRS_DOWN, 2, 3), ==, PATELLA_CHANGE_NONE);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_WORST_PAIN, 10, 0), ==, PATELLA_CHANGE_BETTER);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_KNEELING, 0, 0), ==, PATELLA_CHANGE_NONE);
  /* An activity not done compares with nothing; nor does the global rating. */
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_RUNNING, PATELLA_OUTCOME_NOT_DONE, 0), ==,
                   PATELLA_CHANGE_NONE);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_RUNNING, 6, PATELLA_OUTCOME_NOT_DONE), ==,
                   PATELLA_CHANGE_NONE);
  g_assert_cmpint (patella_outcome_change (PATELLA_OUTCOME_GLOBAL_CHANGE, 4, 7), ==, PATELLA_CHANGE_NONE);
}

static void
test_items (void)
{
  PatellaOutcomeItem item;

  for (PatellaOutcomeItem i = 0; i < PATELLA_N_OUTCOME_ITEMS; i++)
    {
      g_assert_true (patella_outcome_item_from_string (patella_outcome_item_to_string (i), &item));
      g_assert_cmpint (item, ==, i);
      g_assert_cmpstr (patella_outcome_item_get_title (i), !=, "");
    }
  g_assert_false (patella_outcome_item_from_string ("kujala", &item));
  g_assert_false (patella_outcome_item_from_string (NULL, &item));

  /* Pain 0-10; "did not do" only for the activities; the rating 1-7. */
  g_assert_true (patella_outcome_value_is_valid (PATELLA_OUTCOME_USUAL_PAIN, 0));
  g_assert_true (patella_outcome_value_is_valid (PATELLA_OUTCOME_USUAL_PAIN, 10));
  g_assert_false (patella_outcome_value_is_valid (PATELLA_OUTCOME_USUAL_PAIN, 11));
  g_assert_false (patella_outcome_value_is_valid (PATELLA_OUTCOME_USUAL_PAIN, PATELLA_OUTCOME_NOT_DONE));
  g_assert_false (patella_outcome_value_is_valid (PATELLA_OUTCOME_WORST_PAIN, PATELLA_OUTCOME_NOT_DONE));
  g_assert_true (patella_outcome_value_is_valid (PATELLA_OUTCOME_WALKING, PATELLA_OUTCOME_NOT_DONE));
  g_assert_true (patella_outcome_value_is_valid (PATELLA_OUTCOME_KNEELING, PATELLA_OUTCOME_NOT_DONE));
  g_assert_false (patella_outcome_value_is_valid (PATELLA_OUTCOME_GLOBAL_CHANGE, 0));
  g_assert_true (patella_outcome_value_is_valid (PATELLA_OUTCOME_GLOBAL_CHANGE, 1));
  g_assert_true (patella_outcome_value_is_valid (PATELLA_OUTCOME_GLOBAL_CHANGE, 7));
  g_assert_false (patella_outcome_value_is_valid (PATELLA_OUTCOME_GLOBAL_CHANGE, 8));
  g_assert_false (patella_outcome_value_is_valid (PATELLA_OUTCOME_GLOBAL_CHANGE, PATELLA_OUTCOME_NOT_DONE));
  g_assert_cmpstr (patella_global_change_get_title (4), ==, "No change");
  g_assert_cmpstr (patella_global_change_get_title (7), ==, "Very much better");
}

static void
add_test (GPtrArray          *tests,
          const char         *day,
          PatellaLeg         side,
          PatellaSquatResult  result)
{
  PatellaSelfTest *test = g_new0 (PatellaSelfTest, 1);

  test->day = g_strdup (day);
  test->side = side;
  test->result = result;
  test->pain = 0;
  g_ptr_array_add (tests, test);
}

static void
test_self_test_suggestion (void)
{
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_self_test_free);
  PatellaLeg side = PATELLA_N_LEGS;

  g_assert_false (patella_self_test_suggests_hip (tests, FALSE, &side));

  /* One drop of the left knee is not enough; the right leg's do not add. */
  add_test (tests, "2026-03-01", PATELLA_LEG_LEFT, PATELLA_SQUAT_DROPS_IN);
  add_test (tests, "2026-03-01", PATELLA_LEG_RIGHT, PATELLA_SQUAT_DROPS_IN);
  add_test (tests, "2026-03-08", PATELLA_LEG_LEFT, PATELLA_SQUAT_CENTRED);
  g_assert_false (patella_self_test_suggests_hip (tests, FALSE, &side));

  /* The second drop of the left among its last three: suggested, unless
   * the hip exercise is already on. */
  add_test (tests, "2026-03-15", PATELLA_LEG_LEFT, PATELLA_SQUAT_DROPS_IN);
  g_assert_true (patella_self_test_suggests_hip (tests, FALSE, &side));
  g_assert_cmpint (side, ==, PATELLA_LEG_LEFT);
  g_assert_false (patella_self_test_suggests_hip (tests, TRUE, &side));

  /* A fourth test pushes the first drop out of the last three. */
  add_test (tests, "2026-03-22", PATELLA_LEG_LEFT, PATELLA_SQUAT_WOBBLES);
  g_assert_false (patella_self_test_suggests_hip (tests, FALSE, &side));

  /* Order in the array does not matter: the newest three by day count. */
  add_test (tests, "2026-02-01", PATELLA_LEG_RIGHT, PATELLA_SQUAT_DROPS_IN);
  g_assert_true (patella_self_test_suggests_hip (tests, FALSE, &side));
  g_assert_cmpint (side, ==, PATELLA_LEG_RIGHT);
}

static PatellaGoalStatus
status (const PatellaGoal   *goal,
        const char          *today,
        const PatellaGoalRun *runs,
        guint                n_runs)
{
  PatellaGoalEvidence evidence = { today, runs, n_runs, NULL, NULL, 0, NULL, 0 };

  return patella_goal_status (goal, &evidence);
}

static void
test_goal_run (void)
{
  PatellaGoal goal = { 0, PATELLA_GOAL_RUN, (char *) "2026-03-01", (char *) "2026-03-31", 10.0, 2, 0, 0, NULL,
                       FALSE };
  const PatellaGoalRun met[] = { { "2026-03-20", 10.0, 2 } };
  const PatellaGoalRun too_sore[] = { { "2026-03-20", 10.0, 3 } };
  const PatellaGoalRun no_pain_given[] = { { "2026-03-20", 12.0, -1 } };
  const PatellaGoalRun before_start[] = { { "2026-02-28", 10.0, 0 } };
  const PatellaGoalRun halfway[] = { { "2026-03-14", 5.0, 1 } };

  /* Met at exactly the distance and the pain limit, late too. */
  g_assert_cmpint (status (&goal, "2026-03-20", met, 1), ==, PATELLA_GOAL_MET);
  g_assert_cmpint (status (&goal, "2026-04-30", met, 1), ==, PATELLA_GOAL_MET);
  /* A run in the future of "today" does not count. */
  g_assert_cmpint (status (&goal, "2026-03-19", met, 1), !=, PATELLA_GOAL_MET);
  /* One point over the limit, or no pain given, is not met. */
  g_assert_cmpint (status (&goal, "2026-03-20", too_sore, 1), !=, PATELLA_GOAL_MET);
  g_assert_cmpint (status (&goal, "2026-03-20", no_pain_given, 1), !=, PATELLA_GOAL_MET);
  /* Before the goal was set it does not meet it, but shows the way. */
  g_assert_cmpint (status (&goal, "2026-03-01", before_start, 1), ==, PATELLA_GOAL_ON_TRACK);

  /* On track: the longest recent run has come the share of the way the
   * time has. 5 km on 03-16 is exactly half of 30 days: on track; a day
   * later it is not. */
  g_assert_cmpint (status (&goal, "2026-03-16", halfway, 1), ==, PATELLA_GOAL_ON_TRACK);
  g_assert_cmpint (status (&goal, "2026-03-17", halfway, 1), ==, PATELLA_GOAL_NOT_YET);
  /* Nothing logged on the day it was set: on track; a week on, not yet. */
  g_assert_cmpint (status (&goal, "2026-03-01", NULL, 0), ==, PATELLA_GOAL_ON_TRACK);
  g_assert_cmpint (status (&goal, "2026-03-08", NULL, 0), ==, PATELLA_GOAL_NOT_YET);
  /* Past the target day, a run that falls short is not yet. */
  g_assert_cmpint (status (&goal, "2026-04-01", halfway, 1), ==, PATELLA_GOAL_NOT_YET);
}

static void
test_goal_stairs (void)
{
  PatellaGoal goal = { 0, PATELLA_GOAL_STAIRS, (char *) "2026-03-01", (char *) "2026-03-29", 0, 1, 0, 0, NULL,
                       FALSE };
  const char *days[] = { "2026-02-27", "2026-03-15", "2026-03-29" };
  int pain[] = { 5, 3, 1 };
  PatellaGoalEvidence evidence = { "2026-03-15", NULL, 0, days, pain, 2, NULL, 0 };

  /* From 5 at the start, halfway through the time 3 is halfway to 1. */
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_ON_TRACK);
  pain[1] = 4;
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_NOT_YET);
  /* 1 meets "at most 1"; 2 would not. */
  evidence.today = "2026-03-29";
  evidence.n_stairs = 3;
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_MET);
  pain[2] = 2;
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_NOT_YET);
  /* Not done at the check-in (-1) measures nothing. */
  pain[2] = -1;
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_NOT_YET);
  /* A stairs score of 1 before the goal was set does not meet it. */
  pain[0] = 1;
  evidence.n_stairs = 1;
  evidence.today = "2026-03-01";
  g_assert_cmpint (patella_goal_status (&goal, &evidence), !=, PATELLA_GOAL_MET);
}

static void
test_goal_routine (void)
{
  /* 5 days a week for 2 weeks, set on Monday 2026-03-02, by 2026-03-29. */
  PatellaGoal goal = { 0, PATELLA_GOAL_ROUTINE, (char *) "2026-03-02", (char *) "2026-03-29", 0, 0, 5, 2, NULL,
                       FALSE };
  const char *complete[] = {
    /* week 1 (03-02..03-08): 5 days */
    "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06",
    /* week 2 (03-09..03-15): 4 days, one twice */
    "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-11", "2026-03-12",
    /* week 3 (03-16..03-22): 5 days */
    "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20",
    /* week 4: 5 days */
    "2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27",
  };
  PatellaGoalEvidence evidence = { "2026-03-02", NULL, 0, NULL, NULL, 0, complete, G_N_ELEMENTS (complete) };

  /* The first week, before it is full: on track. */
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_ON_TRACK);
  /* Week 1 done with 5 days: one week in a row. */
  evidence.today = "2026-03-09";
  g_assert_cmpint (patella_goal_routine_weeks (goal.start, evidence.today, 5, complete, 20), ==, 1);
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_ON_TRACK);
  /* Week 2 had 4 distinct days (a day twice counts once): the run breaks. */
  evidence.today = "2026-03-16";
  g_assert_cmpint (patella_goal_routine_weeks (goal.start, evidence.today, 5, complete, 20), ==, 0);
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_NOT_YET);
  /* On Friday of week 3 it has its 5 days: counted before the week ends. */
  evidence.today = "2026-03-20";
  g_assert_cmpint (patella_goal_routine_weeks (goal.start, evidence.today, 5, complete, 20), ==, 1);
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_ON_TRACK);
  /* Friday of week 4: two in a row, met. */
  evidence.today = "2026-03-27";
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_MET);
  /* Days after "today" do not count. */
  evidence.today = "2026-03-26";
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_ON_TRACK);

  /* Too few weeks left to make the run: not yet, though the last counted. */
  goal.weeks = 4;
  evidence.today = "2026-03-23";
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_NOT_YET);
}

static void
test_goal_free (void)
{
  PatellaGoal goal = { 0, PATELLA_GOAL_FREE, (char *) "2026-03-01", (char *) "2026-03-31", 0, 0, 0, 0,
                       (char *) "Play with the kids", FALSE };
  PatellaGoalEvidence evidence = { "2026-03-31", NULL, 0, NULL, NULL, 0, NULL, 0 };
  g_autofree char *words = patella_goal_describe (&goal, FALSE);

  g_assert_cmpstr (words, ==, "Play with the kids");
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_ON_TRACK);
  evidence.today = "2026-04-01";
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_NOT_YET);
  goal.done = TRUE;
  g_assert_cmpint (patella_goal_status (&goal, &evidence), ==, PATELLA_GOAL_MET);
}

static void
test_goal_words (void)
{
  PatellaGoal run = { 0, PATELLA_GOAL_RUN, NULL, NULL, 10.0, 2, 0, 0, NULL, FALSE };
  PatellaGoal routine = { 0, PATELLA_GOAL_ROUTINE, NULL, NULL, 0, 0, 5, 4, NULL, FALSE };
  PatellaGoal stairs = { 0, PATELLA_GOAL_STAIRS, NULL, NULL, 0, 1, 0, 0, NULL, FALSE };
  g_autofree char *a = patella_goal_describe (&run, FALSE);
  g_autofree char *b = patella_goal_describe (&routine, FALSE);
  g_autofree char *c = patella_goal_describe (&stairs, FALSE);
  g_autofree char *d = patella_goal_describe (&run, TRUE);

  g_assert_cmpstr (a, ==, "Run 10 km with pain at most 2");
  g_assert_cmpstr (b, ==, "Routine on 5 days a week for 4 weeks");
  g_assert_cmpstr (c, ==, "Stairs pain at most 1");
  g_assert_cmpstr (d, ==, "Run 6.2 mi with pain at most 2");
}

static void
test_store_checkins (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  PatellaCheckinAnswers first = { (char *) "2026-03-01", { 5, 7, 2, PATELLA_OUTCOME_NOT_DONE, 6, 4, 5, 6, 7, 4 } };
  PatellaCheckinAnswers again = { (char *) "2026-03-01",
                                  { 4, 7, PATELLA_OUTCOME_UNANSWERED, 3, 6, 4, 5, 6, 7, 5 } };
  PatellaCheckinAnswers bad = first;
  PatellaCheckinAnswers *read;

  g_assert_true (patella_store_save_checkin (store, &first, &error));
  g_assert_no_error (error);
  /* The same day again replaces it whole: walking is now unanswered. */
  g_assert_true (patella_store_save_checkin (store, &again, &error));
  checkins = patella_store_list_checkins (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  read = g_ptr_array_index (checkins, 0);
  g_assert_cmpstr (read->day, ==, "2026-03-01");
  g_assert_cmpint (read->values[PATELLA_OUTCOME_USUAL_PAIN], ==, 4);
  g_assert_cmpint (read->values[PATELLA_OUTCOME_WALKING], ==, PATELLA_OUTCOME_UNANSWERED);
  g_assert_cmpint (read->values[PATELLA_OUTCOME_RUNNING], ==, 3);
  g_assert_cmpint (read->values[PATELLA_OUTCOME_GLOBAL_CHANGE], ==, 5);

  /* Refused with a reason, and nothing changes: pain 11, the usual pain
   * unanswered, "did not do" for the worst pain, a day to come. */
  bad.values[PATELLA_OUTCOME_KNEELING] = 11;
  g_assert_false (patella_store_save_checkin (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = first;
  bad.values[PATELLA_OUTCOME_USUAL_PAIN] = PATELLA_OUTCOME_UNANSWERED;
  g_assert_false (patella_store_save_checkin (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = first;
  bad.values[PATELLA_OUTCOME_WORST_PAIN] = PATELLA_OUTCOME_NOT_DONE;
  g_assert_false (patella_store_save_checkin (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = first;
  bad.day = (char *) "2999-01-01";
  g_assert_false (patella_store_save_checkin (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&checkins, g_ptr_array_unref);
  checkins = patella_store_list_checkins (store, &error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_cmpint (((PatellaCheckinAnswers *) g_ptr_array_index (checkins, 0))->values[0], ==, 4);

  /* A later check-in lists after it; deleting takes a day's answers. */
  first.day = (char *) "2026-03-15";
  g_assert_true (patella_store_save_checkin (store, &first, &error));
  g_clear_pointer (&checkins, g_ptr_array_unref);
  checkins = patella_store_list_checkins (store, &error);
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_cmpstr (((PatellaCheckinAnswers *) g_ptr_array_index (checkins, 1))->day, ==, "2026-03-15");
  g_assert_true (patella_store_delete_checkin (store, "2026-03-01", &error));
  g_assert_false (patella_store_delete_checkin (store, "2026-03-01", &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A row put in with the constraints off: the file is refused on opening. */
  g_clear_object (&store);
  g_assert_cmpint (patella_test_sql (fixture->path, "PRAGMA ignore_check_constraints = 1;"
                                                    " INSERT INTO outcomes VALUES ('2026-03-20', 'walking', 12)"),
                   ==, SQLITE_OK);
  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT);
}

static void
test_store_self_tests (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tests = NULL;
  PatellaSelfTest test = { (char *) "2026-03-01", PATELLA_LEG_RIGHT, PATELLA_SQUAT_WOBBLES, 2 };
  PatellaSelfTest *read;

  g_assert_true (patella_store_save_self_test (store, &test, &error));
  test.side = PATELLA_LEG_LEFT;
  test.result = PATELLA_SQUAT_CENTRED;
  test.pain = -1;
  g_assert_true (patella_store_save_self_test (store, &test, &error));
  /* Again for the left leg that day: replaced. */
  test.result = PATELLA_SQUAT_DROPS_IN;
  g_assert_true (patella_store_save_self_test (store, &test, &error));
  g_assert_no_error (error);
  tests = patella_store_list_self_tests (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tests->len, ==, 2);
  read = g_ptr_array_index (tests, 0);
  g_assert_cmpint (read->side, ==, PATELLA_LEG_LEFT);
  g_assert_cmpint (read->result, ==, PATELLA_SQUAT_DROPS_IN);
  g_assert_cmpint (read->pain, ==, -1);
  read = g_ptr_array_index (tests, 1);
  g_assert_cmpint (read->result, ==, PATELLA_SQUAT_WOBBLES);
  g_assert_cmpint (read->pain, ==, 2);

  test.pain = 11;
  g_assert_false (patella_store_save_self_test (store, &test, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (patella_store_delete_self_test (store, "2026-03-01", PATELLA_LEG_LEFT, &error));
  g_assert_false (patella_store_delete_self_test (store, "2026-03-01", PATELLA_LEG_LEFT, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
}

static void
test_store_goals (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  PatellaGoal run = { 0, PATELLA_GOAL_RUN, (char *) "2026-03-01", (char *) "2026-05-01", 10.0, 2, 0, 0, NULL,
                      FALSE };
  PatellaGoal routine = { 0, PATELLA_GOAL_ROUTINE, (char *) "2026-03-01", (char *) "2026-04-01", 0, 0, 5, 4,
                          NULL, FALSE };
  PatellaGoal free_goal = { 0, PATELLA_GOAL_FREE, (char *) "2026-03-01", (char *) "2026-06-01", 0, 0, 0, 0,
                            (char *) "Hike the Zugspitze", FALSE };
  PatellaGoal *read;

  run.id = patella_store_add_goal (store, &run, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run.id, >, 0);
  routine.id = patella_store_add_goal (store, &routine, &error);
  free_goal.id = patella_store_add_goal (store, &free_goal, &error);
  g_assert_no_error (error);

  free_goal.done = TRUE;
  g_assert_true (patella_store_update_goal (store, &free_goal, &error));
  goals = patella_store_list_goals (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 3);
  /* By target day. */
  read = g_ptr_array_index (goals, 0);
  g_assert_cmpint (read->kind, ==, PATELLA_GOAL_ROUTINE);
  g_assert_cmpint (read->days, ==, 5);
  g_assert_cmpint (read->weeks, ==, 4);
  read = g_ptr_array_index (goals, 1);
  g_assert_cmpfloat (read->km, ==, 10.0);
  g_assert_cmpint (read->pain, ==, 2);
  read = g_ptr_array_index (goals, 2);
  g_assert_cmpstr (read->text, ==, "Hike the Zugspitze");
  g_assert_true (read->done);

  /* Refused: a target before the start, 8 days a week, no words. */
  run.target = (char *) "2026-02-01";
  g_assert_false (patella_store_update_goal (store, &run, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  routine.days = 8;
  g_assert_cmpint (patella_store_add_goal (store, &routine, &error), ==, 0);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  free_goal.text = (char *) "";
  g_assert_cmpint (patella_store_add_goal (store, &free_goal, &error), ==, 0);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (patella_store_remove_goal (store, run.id, &error));
  g_assert_false (patella_store_remove_goal (store, run.id, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
}

static void
test_store_visits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaVisit) last = NULL;
  g_autoptr(PatellaVisit) next = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  gint64 early, late;

  g_assert_true (patella_store_set_visit (store, "2026-02-01", "Dr. Weber", &error));
  g_assert_true (patella_store_set_visit (store, "2026-03-10", NULL, &error));
  g_assert_true (patella_store_set_visit (store, "2026-04-10", "", &error));
  g_assert_no_error (error);

  /* On a visit's day it is the next one, not the last. */
  g_assert_true (patella_store_get_visits_around (store, "2026-03-10", &last, &next, &error));
  g_assert_cmpstr (last->day, ==, "2026-02-01");
  g_assert_cmpstr (last->name, ==, "Dr. Weber");
  g_assert_cmpstr (next->day, ==, "2026-03-10");
  g_clear_pointer (&last, patella_visit_free);
  g_clear_pointer (&next, patella_visit_free);
  g_assert_true (patella_store_get_visits_around (store, "2026-03-11", &last, &next, &error));
  g_assert_cmpstr (last->day, ==, "2026-03-10");
  g_assert_cmpstr (next->day, ==, "2026-04-10");
  g_clear_pointer (&last, patella_visit_free);
  g_clear_pointer (&next, patella_visit_free);
  g_assert_true (patella_store_get_visits_around (store, "2026-01-01", &last, &next, &error));
  g_assert_null (last);
  g_assert_cmpstr (next->day, ==, "2026-02-01");
  g_clear_pointer (&next, patella_visit_free);

  g_assert_false (patella_store_set_visit (store, "2026-02-30", NULL, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (patella_store_remove_visit (store, "2026-04-10", &error));

  /* Questions since the last visit: those jotted after its day. */
  early = patella_store_add_question (store, "2026-03-10", "Is a brace worth it?", &error);
  late = patella_store_add_question (store, "2026-03-12", "When can I run hills?", &error);
  g_assert_no_error (error);
  g_assert_cmpint (early, >, 0);
  g_assert_cmpint (late, >, early);
  g_assert_cmpint (patella_store_add_question (store, "2026-03-12", "   ", &error), ==, 0);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (patella_store_set_question_asked (store, late, TRUE, &error));
  questions = patella_store_list_questions (store, "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 1);
  g_assert_cmpstr (((PatellaQuestion *) g_ptr_array_index (questions, 0))->text, ==, "When can I run hills?");
  g_assert_true (((PatellaQuestion *) g_ptr_array_index (questions, 0))->asked);
  g_clear_pointer (&questions, g_ptr_array_unref);
  g_assert_true (patella_store_remove_question (store, early, &error));
  questions = patella_store_list_questions (store, NULL, &error);
  g_assert_cmpuint (questions->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outcomes/schedule", test_schedule);
  g_test_add_func ("/outcomes/important-change", test_important_change);
  g_test_add_func ("/outcomes/items", test_items);
  g_test_add_func ("/outcomes/self-test-suggestion", test_self_test_suggestion);
  g_test_add_func ("/outcomes/goal/run", test_goal_run);
  g_test_add_func ("/outcomes/goal/stairs", test_goal_stairs);
  g_test_add_func ("/outcomes/goal/routine", test_goal_routine);
  g_test_add_func ("/outcomes/goal/free", test_goal_free);
  g_test_add_func ("/outcomes/goal/words", test_goal_words);

#define ADD(name, func) \
  g_test_add ("/outcomes/store/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("checkins", test_store_checkins);
  ADD ("self-tests", test_store_self_tests);
  ADD ("goals", test_store_goals);
  ADD ("visits", test_store_visits);
#undef ADD

  return g_test_run ();
}
