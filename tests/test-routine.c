/* test-routine.c: the day's routine, its progress and adherence, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "core/patella-adherence.h"
#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-day-plan.h"
#include "core/patella-store.h"
#include "core/patella-series.h"
#include "core/patella-timer.h"
#include "history-generator.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

/* Marks written as a string, oldest day first, today last:
 * 'C' complete, 'P' half done, 'M' missed (nothing logged), 'R' rest or sick,
 * 'L' logged something but no progress on the routine (an extra). */
static PatellaAdherence
adherence_of (const char *days)
{
  gsize n = strlen (days);
  g_autofree PatellaDayMark *marks = g_new0 (PatellaDayMark, n);
  PatellaAdherence result;

  for (gsize i = 0; i < n; i++)
    {
      switch (days[i])
        {
        case 'C': marks[i] = (PatellaDayMark) { 1.0, TRUE, FALSE }; break;
        case 'P': marks[i] = (PatellaDayMark) { 0.5, TRUE, FALSE }; break;
        case 'M': marks[i] = (PatellaDayMark) { 0.0, FALSE, FALSE }; break;
        case 'R': marks[i] = (PatellaDayMark) { 0.0, FALSE, TRUE }; break;
        case 'L': marks[i] = (PatellaDayMark) { 0.0, TRUE, FALSE }; break;
        default: g_assert_not_reached ();
        }
    }

  patella_adherence_compute (marks, (guint) n, &result);
  return result;
}

/* The score written out: s += alpha * (x - s) over the days that count. */
static double
expected_score (const double *fractions,
                guint         n)
{
  const double alpha = 1.0 - pow (2.0, -1.0 / 7.0);
  double s = 0.0;

  for (guint i = 0; i < n; i++)
    s += alpha * (fractions[i] - s);
  return s;
}

static void
test_streak (void)
{
  g_assert_cmpint (adherence_of ("").streak, ==, 0);
  g_assert_cmpint (adherence_of ("C").streak, ==, 1);
  g_assert_cmpint (adherence_of ("CCCCC").streak, ==, 5);
  /* Today unfinished does not break the streak; it just does not count yet. */
  g_assert_cmpint (adherence_of ("CCCCM").streak, ==, 4);
  g_assert_cmpint (adherence_of ("CCCCP").streak, ==, 4);
  /* A missed or half-done day before today does break it. */
  g_assert_cmpint (adherence_of ("CCMCC").streak, ==, 2);
  g_assert_cmpint (adherence_of ("CCPCM").streak, ==, 1);
  g_assert_cmpint (adherence_of ("CCCMM").streak, ==, 0);
  /* Rest and sick days neither break nor extend it. */
  g_assert_cmpint (adherence_of ("CRCRC").streak, ==, 3);
  g_assert_cmpint (adherence_of ("CCRRM").streak, ==, 2);
  g_assert_cmpint (adherence_of ("MRRRR").streak, ==, 0);

  /* Whether the streak runs back to the first day given. */
  g_assert_true (adherence_of ("CCRC").streak_to_start);
  g_assert_true (adherence_of ("RCCM").streak_to_start);
  g_assert_false (adherence_of ("MCCC").streak_to_start);
}

static void
test_score (void)
{
  const double alpha = patella_adherence_score_step ();
  const double five[] = { 1, 1, 1, 1, 1 };
  const double gap[] = { 1, 1, 0, 1 };
  const double half[] = { 0.5, 1 };
  g_autofree char *month = g_strnfill (30, 'C');
  g_autofree char *month_then_miss = g_strconcat (month, "MC", NULL);
  double before, after;

  g_assert_cmpfloat_with_epsilon (alpha, 0.094276, 1e-6);
  g_assert_cmpfloat (adherence_of ("").score, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (adherence_of ("CCCCC").score, expected_score (five, 5), 1e-12);
  /* Today unfinished leaves the score as of yesterday. */
  g_assert_cmpfloat_with_epsilon (adherence_of ("CCCCM").score, expected_score (five, 4), 1e-12);
  g_assert_cmpfloat_with_epsilon (adherence_of ("CCMC").score, expected_score (gap, 4), 1e-12);
  /* Rest days are skipped. */
  g_assert_cmpfloat_with_epsilon (adherence_of ("CCRMRC").score, expected_score (gap, 4), 1e-12);
  g_assert_cmpfloat_with_epsilon (adherence_of ("PC").score, expected_score (half, 2), 1e-12);

  /* Forgiving: a month of complete days, one miss costs under a tenth,
   * and one more complete day wins back most of it. */
  before = adherence_of (month).score;
  after = adherence_of (month_then_miss).score;
  g_assert_cmpfloat (before, >, 0.94);
  {
    g_autofree char *missed_only = g_strconcat (month, "MM", NULL);
    double after_miss = adherence_of (missed_only).score; /* today 'M' does not count */

    g_assert_cmpfloat_with_epsilon (after_miss, before * (1 - alpha), 1e-12);
    g_assert_cmpfloat (after_miss, >, before * 0.9);
    g_assert_cmpfloat (after, >, after_miss);
  }
}

static void
test_nudge (void)
{
  /* Three days that count with nothing logged, and nothing yet today. */
  g_assert_true (adherence_of ("CMMMM").nudge);
  g_assert_true (adherence_of ("CMRMRMM").nudge);
  g_assert_false (adherence_of ("CMMM").nudge || adherence_of ("CMRMM").nudge);
  /* Anything logged, today or on those days, and there is no nudge. */
  g_assert_false (adherence_of ("CMMMP").nudge);
  g_assert_false (adherence_of ("CMMLM").nudge);
  /* Not for someone who has only just started. */
  g_assert_false (adherence_of ("MMM").nudge);
  g_assert_false (adherence_of ("M").nudge);
  /* Rest and sick days are excepted, today included. */
  g_assert_false (adherence_of ("CMMRRRRM").nudge);
  g_assert_false (adherence_of ("CMMMR").nudge);
}

static void
assert_state (const PatellaTimerPlan *plan,
              double                  elapsed,
              PatellaTimerPhase       phase,
              int                     rep,
              double                  remaining)
{
  PatellaTimerState state;

  patella_timer_plan_state_at (plan, elapsed, &state);
  g_assert_cmpint (state.phase, ==, phase);
  g_assert_cmpint (state.rep, ==, rep);
  g_assert_cmpfloat_with_epsilon (state.remaining, remaining, 1e-9);
}

static void
test_timer (void)
{
  PatellaTimerPlan quad, hamstring, foam;

  /* Quadriceps setting: 5 s to get ready, 20 × (5 s hold), 3 s relax between. */
  patella_timer_plan_for_exercise (patella_exercise_find_builtin ("quad-setting"), &quad);
  g_assert_cmpint (quad.reps, ==, 20);
  g_assert_cmpint (quad.hold_seconds, ==, 5);
  g_assert_cmpint (quad.relax_seconds, ==, 3);
  g_assert_cmpfloat (patella_timer_plan_get_total (&quad), ==, 5 + 20 * 5 + 19 * 3);
  assert_state (&quad, 0, PATELLA_TIMER_GET_READY, 0, 5);
  assert_state (&quad, -3, PATELLA_TIMER_GET_READY, 0, 5);
  assert_state (&quad, 5, PATELLA_TIMER_HOLD, 1, 5);
  assert_state (&quad, 9.5, PATELLA_TIMER_HOLD, 1, 0.5);
  assert_state (&quad, 10, PATELLA_TIMER_RELAX, 1, 3);
  assert_state (&quad, 13, PATELLA_TIMER_HOLD, 2, 5);
  assert_state (&quad, 5 + 19 * 8, PATELLA_TIMER_HOLD, 20, 5);
  assert_state (&quad, 161.9, PATELLA_TIMER_HOLD, 20, 0.1);
  assert_state (&quad, 162, PATELLA_TIMER_DONE, 20, 0);
  assert_state (&quad, 1000, PATELLA_TIMER_DONE, 20, 0);

  /* Skip ends the phase running now. */
  g_assert_cmpfloat (patella_timer_plan_skip (&quad, 1), ==, 5);
  g_assert_cmpfloat (patella_timer_plan_skip (&quad, 6), ==, 10);
  g_assert_cmpfloat (patella_timer_plan_skip (&quad, 11), ==, 13);
  g_assert_cmpfloat (patella_timer_plan_skip (&quad, 160), ==, 162);
  g_assert_cmpfloat (patella_timer_plan_skip (&quad, 162), ==, 162);

  /* Hamstring stretch: 3 × 30 s on each leg, so 6 holds, left and right in
   * turn, with 10 s between to change legs. */
  patella_timer_plan_for_exercise (patella_exercise_find_builtin ("hamstring-stretch"), &hamstring);
  g_assert_cmpint (hamstring.reps, ==, 6);
  g_assert_cmpint (hamstring.sides, ==, 2);
  g_assert_cmpfloat (patella_timer_plan_get_total (&hamstring), ==, 5 + 6 * 30 + 5 * 10);
  assert_state (&hamstring, 35, PATELLA_TIMER_RELAX, 1, 10);
  assert_state (&hamstring, 45, PATELLA_TIMER_HOLD, 2, 30);
  for (int hold = 1; hold <= 6; hold++)
    {
      PatellaTimerState state;

      patella_timer_plan_state_at (&hamstring, 5 + (hold - 1) * 40 + 1, &state);
      g_assert_cmpint (state.phase, ==, PATELLA_TIMER_HOLD);
      g_assert_cmpint (state.rep, ==, hold);
      g_assert_cmpint (state.side, ==, hold % 2 == 1 ? PATELLA_SIDE_LEFT : PATELLA_SIDE_RIGHT);
    }
  assert_state (&hamstring, 5 + 5 * 40 + 29, PATELLA_TIMER_HOLD, 6, 1);
  assert_state (&hamstring, 5 + 5 * 40 + 30, PATELLA_TIMER_DONE, 6, 0);

  /* Quadriceps setting has no sides; nor has a runner's own stretch. */
  {
    PatellaTimerState state;
    PatellaExercise own = *patella_exercise_find_builtin ("hamstring-stretch");
    PatellaTimerPlan plan;

    patella_timer_plan_state_at (&quad, 6, &state);
    g_assert_cmpint (state.side, ==, PATELLA_SIDE_NONE);
    own.id = (char *) "my-stretch";
    patella_timer_plan_for_exercise (&own, &plan);
    g_assert_cmpint (plan.sides, ==, 1);
    g_assert_cmpint (plan.reps, ==, 3);
  }

  /* Foam rolling: 10 s holds on four areas. */
  patella_timer_plan_for_exercise (patella_exercise_find_builtin ("foam-roll"), &foam);
  g_assert_cmpint (foam.reps, ==, 4);
  g_assert_cmpint (foam.hold_seconds, ==, 10);
}

static PatellaDayPlan *
open_plan (Fixture    *fixture,
           const char *today)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PatellaDayPlan *plan;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  plan = patella_day_plan_new (store, today);
  g_assert_true (patella_day_plan_reload (plan, &error));
  g_assert_no_error (error);
  return plan;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *counter)
{
  (*counter)++;
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  for (PatellaTable t = 0; t < PATELLA_N_TABLES; t++)
    if (g_str_equal (patella_table_get_name (t), table))
      g_assert_true (patella_store_count (store, t, &n, &error));
  return n;
}

static void
test_plan_log_and_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PatellaDayPlan) plan = open_plan (fixture, "2026-05-10");
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaRoutineItem) first = NULL;
  PatellaRoutineItem *quad;
  const char *order[] = { "foam-roll", "quad-setting", "hamstring-stretch", "squat", "band-walks" };
  guint done_notifications = 0;
  gint64 entry;

  /* The routine of the protocol, in its order; extras are off. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(PatellaRoutineItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      g_assert_cmpstr (patella_routine_item_get_id (item), ==, order[i]);
      g_assert_cmpint (patella_routine_item_get_done_sets (item), ==, 0);
    }
  first = g_list_model_get_item (G_LIST_MODEL (plan), 0);
  g_assert_true (patella_routine_item_has_timer (first));
  g_assert_cmpstr (patella_day_plan_get_day (plan), ==, "2026-05-10");
  g_assert_true (patella_day_plan_get_is_today (plan));
  g_assert_cmpuint (patella_day_plan_get_n_complete (plan), ==, 0);
  g_assert_cmpfloat (patella_day_plan_get_fraction (plan), ==, 0.0);

  quad = patella_day_plan_find (plan, "quad-setting");
  g_signal_connect (quad, "notify::done-sets", G_CALLBACK (count_notify), &done_notifications);

  entry = patella_day_plan_log_set (plan, "quad-setting", &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry, >, 0);
  g_assert_cmpint (patella_routine_item_get_done_sets (quad), ==, 1);
  g_assert_false (patella_routine_item_get_complete (quad));
  g_assert_cmpuint (done_notifications, ==, 1);
  g_assert_cmpint (count_rows (fixture->path, "exercise_log"), ==, 1);
  /* One third of one of five exercises. */
  g_assert_cmpfloat_with_epsilon (patella_day_plan_get_fraction (plan), 1.0 / 15.0, 1e-12);

  /* Undo takes exactly that entry back out of the record. */
  g_assert_true (patella_day_plan_undo (plan, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_routine_item_get_done_sets (quad), ==, 0);
  g_assert_cmpuint (done_notifications, ==, 2);
  g_assert_cmpint (count_rows (fixture->path, "exercise_log"), ==, 0);
  g_assert_false (patella_day_plan_undo (plan, entry, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* More than the target is allowed; the exercise is then complete. */
  for (int i = 0; i < 4; i++)
    g_assert_cmpint (patella_day_plan_log_set (plan, "band-walks", &error), >, 0);
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "band-walks")), ==, 4);
  g_assert_true (patella_routine_item_get_complete (patella_day_plan_find (plan, "band-walks")));
  g_assert_cmpuint (patella_day_plan_get_n_complete (plan), ==, 1);
  /* Extra sets do not count twice toward the day. */
  g_assert_cmpfloat_with_epsilon (patella_day_plan_get_fraction (plan), 1.0 / 5.0, 1e-12);

  /* An exercise not in the routine is refused. */
  g_assert_cmpint (patella_day_plan_log_set (plan, "price", &error), ==, 0);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
}

static void
test_plan_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PatellaDayPlan) plan = open_plan (fixture, "2026-05-10");
  g_autoptr(GError) error = NULL;

  /* Late logging of a past day. */
  g_assert_true (patella_day_plan_set_day (plan, "2026-05-09", &error));
  g_assert_no_error (error);
  g_assert_false (patella_day_plan_get_is_today (plan));
  g_assert_cmpint (patella_day_plan_log_set (plan, "squat", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (patella_day_plan_set_day (plan, "2026-05-10", &error));
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "squat")), ==, 0);
  g_assert_true (patella_day_plan_set_day (plan, "2026-05-09", &error));
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "squat")), ==, 1);

  /* The future cannot be shown or logged. */
  g_assert_false (patella_day_plan_set_day (plan, "2026-05-11", &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (patella_day_plan_get_day (plan), ==, "2026-05-09");
  g_assert_false (patella_day_plan_set_day (plan, "2026-5-9", &error));
  g_clear_error (&error);

  /* A sick day with a note, then cleared. */
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, -1);
  g_assert_true (patella_day_plan_set_rest_day (plan, PATELLA_REST_DAY_SICK, "flu", &error));
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, PATELLA_REST_DAY_SICK);
  g_assert_cmpstr (patella_day_plan_get_rest_note (plan), ==, "flu");
  g_assert_true (patella_day_plan_clear_rest_day (plan, &error));
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, -1);
  g_assert_null (patella_day_plan_get_rest_note (plan));
  g_assert_no_error (error);
}

/* Completes the enabled routine on @day. */
static void
complete_day (PatellaStore *store,
              const char   *day,
              GDateTime    *instant)
{
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;

  exercises = patella_store_list_exercises (store, FALSE, &error);
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (exercise->enabled)
        g_assert_cmpint (patella_store_log_exercise (store, day, instant, exercise->id,
                                                     exercise->target_sets, 0, NULL, &error), >, 0);
    }
  g_assert_no_error (error);
}

/* The one number @sql answers, read from the file. */
static gint64
count_sql (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Every exercise of @day's own routine done in full. */
static void
complete_day_as_of (PatellaStore *store,
                    const char   *day)
{
  g_autoptr(GPtrArray) routine = NULL;
  g_autoptr(GError) error = NULL;

  routine = patella_store_list_routine (store, day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < routine->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (routine, i);

      if (exercise->enabled)
        g_assert_cmpint (patella_store_log_exercise (store, day, NULL, exercise->id,
                                                     exercise->target_sets, 0, NULL, &error), >, 0);
    }
  g_assert_no_error (error);
}

/* The daily CSV of the whole record, as text. */
static char *
daily_csv (PatellaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_csv_export_daily (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The values of column @name of a CSV without quoted fields, joined by
 * commas. */
static char *
csv_column (const char *csv,
            const char *name)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  int column = -1;

  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      column = i;
  g_assert_cmpint (column, >=, 0);

  for (guint k = 1; lines[k] != NULL && lines[k][0] != '\0'; k++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[k], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), >, (guint) column);
      g_strv_builder_add (values, fields[column]);
    }
  joined = g_strv_builder_end (values);
  return g_strjoinv (",", joined);
}

/* Clocks go forward in Europe on 2026-03-29: that day has 23 hours. Days are
 * calendar days, so the streak runs straight across it. */
static void
test_adherence_across_dst (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) just_after_midnight = NULL;
  g_autoptr(GDateTime) before_change = NULL;
  g_autofree char *local_day = NULL;
  PatellaAdherence adherence;
  const double fractions[] = { 1, 1, 1, 1 };

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* 00:30 on the short day is still that local day, though UTC says the 28th. */
  just_after_midnight = g_date_time_new (berlin, 2026, 3, 29, 0, 30, 0);
  local_day = patella_day_from_datetime (just_after_midnight);
  g_assert_cmpstr (local_day, ==, "2026-03-29");
  before_change = g_date_time_new (berlin, 2026, 3, 29, 1, 59, 0);
  {
    g_autoptr(GDateTime) hour_later = g_date_time_add_hours (before_change, 1);
    /* 01:59 + 1 h is 03:59 local on that day. */
    g_assert_cmpint (g_date_time_get_hour (hour_later), ==, 3);
  }

  complete_day (store, "2026-03-26", NULL);
  g_assert_true (patella_store_set_rest_day (store, "2026-03-27", PATELLA_REST_DAY_REST, NULL, &error));
  complete_day (store, "2026-03-28", NULL);
  complete_day (store, local_day, just_after_midnight);
  complete_day (store, "2026-03-30", NULL);

  g_assert_true (patella_routine_compute_adherence (store, "2026-03-30", &adherence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adherence.streak, ==, 4);
  g_assert_cmpfloat_with_epsilon (adherence.score, expected_score (fractions, 4), 1e-12);
  g_assert_false (adherence.nudge);

  /* On the 31st, unfinished: the streak stands; on 4 April, three days
   * without a set bring the nudge and the streak is gone. */
  g_assert_true (patella_routine_compute_adherence (store, "2026-03-31", &adherence, &error));
  g_assert_cmpint (adherence.streak, ==, 4);
  g_assert_false (adherence.nudge);
  g_assert_true (patella_routine_compute_adherence (store, "2026-04-03", &adherence, &error));
  g_assert_cmpint (adherence.streak, ==, 0);
  g_assert_true (adherence.nudge);

  g_unsetenv ("TZ");
  tzset ();
}

/* A streak longer than the window adherence looks at is followed to its
 * start, rest days and all. */
static void
test_adherence_long_streak (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_strdup ("2024-01-01");
  PatellaAdherence adherence;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Only quadriceps setting, one set a day, to keep it quick: the routine
   * as it was from the first day on. */
  patella_store_set_today (store, day);
  {
    g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, &error);
    for (guint i = 0; i < exercises->len; i++)
      {
        PatellaExercise *exercise = g_ptr_array_index (exercises, i);
        exercise->enabled = g_str_equal (exercise->id, "quad-setting");
        exercise->target_sets = 1;
        g_assert_true (patella_store_update_exercise (store, exercise, &error));
      }
  }

  for (int i = 0; i < 500; i++)
    {
      g_autofree char *next = patella_day_add (day, 1);

      if (i % 10 == 9)
        g_assert_true (patella_store_set_rest_day (store, day, PATELLA_REST_DAY_REST, NULL, &error));
      else
        g_assert_cmpint (patella_store_log_exercise (store, day, NULL, "quad-setting", 1, 0, NULL, &error), >, 0);
      g_free (day);
      day = g_steal_pointer (&next);
    }

  /* @day is now the 501st day, with nothing logged yet: 450 complete days
   * and 50 rest days behind it. */
  g_assert_true (patella_routine_compute_adherence (store, day, &adherence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adherence.streak, ==, 450);
  g_assert_cmpfloat (adherence.score, >, 0.999999);
}

static void
collect_sets (const char *day,
              const char *exercise_id,
              int         sets,
              gpointer    user_data)
{
  g_string_append_printf (user_data, "%s %s %d\n", day, exercise_id, sets);
}

/* The marks' one read of the sets hands each day's sets to a caller that
 * needs them too (the daily export), as patella_store_foreach_sets()
 * does, and the marks are the same as without it. */
static void
test_marks_with_sets (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree PatellaDayMark *marks = NULL;
  g_autofree PatellaDayMark *plain = NULL;
  guint n = 0, n_plain = 0;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  patella_store_set_today (store, "2024-01-10");
  g_assert_cmpint (patella_store_log_exercise (store, "2024-01-01", NULL, "quad-setting", 2, 0, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2024-01-01", NULL, "quad-setting", 1, 0, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2024-01-03", NULL, "band-walks", 1, 0, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2024-01-12", NULL, "band-walks", 1, 0, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (patella_store_foreach_sets (store, "2024-01-01", "2024-01-10", collect_sets, expected, &error));
  marks = patella_routine_load_marks_full (store, "2024-01-01", "2024-01-10", &n, collect_sets, seen, &error);
  g_assert_no_error (error);
  plain = patella_routine_load_marks (store, "2024-01-01", "2024-01-10", &n_plain, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (seen->str, ==, expected->str);
  g_assert_nonnull (strstr (seen->str, "2024-01-01 quad-setting 3\n"));
  g_assert_null (strstr (seen->str, "2024-01-12"));
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpuint (n_plain, ==, n);
  g_assert_cmpmem (marks, n * sizeof *marks, plain, n_plain * sizeof *plain);
}

/* The day cursor counts days as patella_day_diff() does, across months,
 * leap days and years, whether the days come in order, repeat or jump. */
static void
test_day_cursor (void)
{
  const char *const days[] = {
    "2023-12-31", "2023-12-31", "2024-01-01", "2024-02-28", "2024-02-29", "2024-02-29", "2024-03-01",
    "2023-01-01", "2100-03-01", "1900-01-01", "2024-02-30", "2024-13-01", "24-01-01", "", NULL,
    "2024-03-01",
  };
  PatellaDayCursor cursor;

  patella_day_cursor_init (&cursor, "2024-01-01");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_assert_cmpint (patella_day_cursor_index (&cursor, days[i]), ==, patella_day_diff ("2024-01-01", days[i]));
}

static void
collect_sets_table (const char *day,
                    const char *exercise_id,
                    int         sets,
                    gpointer    user_data)
{
  g_string_append_printf (user_data, "%s|%s|%d\n", day, exercise_id, sets);
}

/* Five generated years, with what the generator never writes: two runs on
 * a day, a run without pain, "during" and other pain, an exercise logged
 * twice on a day. */
static PatellaStore *
open_generated_history (const char *path)
{
  const PatellaHistoryOptions options = { .years = 5, .seed = 3, .end = "2026-06-30" };
  g_autoptr(GString) csv = patella_history_generate (&options, NULL);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (patella_csv_import (store, csv->str, csv->len, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_run (store, "2026-06-01", NULL, 31.5, 5.3, 4, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-06-01", NULL, 12.25, 2.1, 7, 3, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-06-02", NULL, 20, 0, 2, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-06-01", NULL, 5, PATELLA_PAIN_DURING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-06-01", NULL, 2, PATELLA_PAIN_DURING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-06-03", NULL, 6, PATELLA_PAIN_STAIRS, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-06-03", NULL, 1, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-06-03", NULL, "squat", 1, 0, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-06-03", NULL, "squat", 2, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  return store;
}

/* @sql on @db, bound to a span of days (when it has parameters). */
static sqlite3_stmt *
prepare_span (sqlite3    *db,
              const char *sql,
              const char *first,
              const char *last)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  return stmt;
}

/* Rows of @sql (bound to @first and @last) as "a|b|c" lines. */
static char *
query_text (const char *path,
            const char *sql,
            const char *first,
            const char *last)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  stmt = prepare_span (db, sql, first, last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "",
                              c + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* The series as patella_store_load_series() made it with SQLite's
 * grouping and aggregates, before it added the rows up itself. */
static PatellaSeries *
series_as_sql (const char *path,
               const char *first,
               const char *last)
{
  PatellaSeries *series = patella_series_new (first, (guint) patella_day_diff (first, last) + 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *runs = NULL;
  sqlite3_stmt *pain = NULL;
  sqlite3_stmt *first_run = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  runs = prepare_span (db,
                       "SELECT day, sum(minutes * rpe), sum(distance_km), max(distance_km), count(*),"
                       "       max(pain), sum(pain), count(pain), sum(minutes)"
                       " FROM runs WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
                       first, last);
  while (sqlite3_step (runs) == SQLITE_ROW)
    {
      PatellaDayStats *d = &series->days[patella_day_diff (first, (const char *) sqlite3_column_text (runs, 0))];

      d->load = sqlite3_column_double (runs, 1);
      d->distance = sqlite3_column_double (runs, 2);
      d->longest = sqlite3_column_double (runs, 3);
      d->n_runs = sqlite3_column_int (runs, 4);
      if (sqlite3_column_type (runs, 5) != SQLITE_NULL)
        {
          d->during = MAX (d->during, sqlite3_column_int (runs, 5));
          d->max_score = MAX (d->max_score, sqlite3_column_int (runs, 5));
        }
      d->score_sum += sqlite3_column_double (runs, 6);
      d->n_scores += sqlite3_column_int (runs, 7);
      d->during_sum += sqlite3_column_double (runs, 6);
      d->n_during += sqlite3_column_int (runs, 7);
      d->minutes = sqlite3_column_double (runs, 8);
    }

  pain = prepare_span (db,
                       "SELECT day, max(CASE WHEN context = 'during' THEN score END),"
                       "       max(CASE WHEN context = 'morning' THEN score END),"
                       "       max(score), sum(score), count(*),"
                       "       max(CASE WHEN context = 'after' THEN score END),"
                       "       sum(CASE WHEN context = 'morning' THEN score END),"
                       "       count(CASE WHEN context = 'morning' THEN score END),"
                       "       sum(CASE WHEN context = 'during' THEN score END),"
                       "       count(CASE WHEN context = 'during' THEN score END)"
                       " FROM pain_log WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
                       first, last);
  while (sqlite3_step (pain) == SQLITE_ROW)
    {
      PatellaDayStats *d = &series->days[patella_day_diff (first, (const char *) sqlite3_column_text (pain, 0))];

      if (sqlite3_column_type (pain, 1) != SQLITE_NULL)
        d->during = MAX (d->during, sqlite3_column_int (pain, 1));
      if (sqlite3_column_type (pain, 2) != SQLITE_NULL)
        d->morning = sqlite3_column_int (pain, 2);
      d->max_score = MAX (d->max_score, sqlite3_column_int (pain, 3));
      d->score_sum += sqlite3_column_double (pain, 4);
      d->n_scores += sqlite3_column_int (pain, 5);
      if (sqlite3_column_type (pain, 6) != SQLITE_NULL)
        d->after = sqlite3_column_int (pain, 6);
      d->morning_sum += sqlite3_column_double (pain, 7);
      d->n_morning += sqlite3_column_int (pain, 8);
      d->during_sum += sqlite3_column_double (pain, 9);
      d->n_during += sqlite3_column_int (pain, 10);
    }

  first_run = prepare_span (db, "SELECT min(day) FROM runs", NULL, NULL);
  g_assert_cmpint (sqlite3_step (first_run), ==, SQLITE_ROW);
  if (sqlite3_column_type (first_run, 0) != SQLITE_NULL)
    series->first_run = patella_day_diff (first, (const char *) sqlite3_column_text (first_run, 0));

  sqlite3_finalize (runs);
  sqlite3_finalize (pain);
  sqlite3_finalize (first_run);
  sqlite3_close (db);
  return series;
}

/* Sums to the last bit on SQLite 3.40, which added up as the store does;
 * a later SQLite (compensated sums, 3.43) may differ there. */
#define assert_same_sum(a, b) \
  G_STMT_START { \
    if (sqlite3_libversion_number () < 3043000) \
      g_assert_cmpfloat ((a), ==, (b)); \
    else \
      g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1.0, fabs (b))); \
  } G_STMT_END

static void
assert_day_stats_equal (const PatellaDayStats *d,
                        const PatellaDayStats *e)
{
  assert_same_sum (d->load, e->load);
  assert_same_sum (d->distance, e->distance);
  assert_same_sum (d->minutes, e->minutes);
  g_assert_cmpfloat (d->longest, ==, e->longest);
  g_assert_cmpint (d->n_runs, ==, e->n_runs);
  g_assert_cmpint (d->during, ==, e->during);
  g_assert_cmpint (d->morning, ==, e->morning);
  g_assert_cmpint (d->after, ==, e->after);
  g_assert_cmpint (d->max_score, ==, e->max_score);
  g_assert_cmpfloat (d->score_sum, ==, e->score_sum);
  g_assert_cmpint (d->n_scores, ==, e->n_scores);
  g_assert_cmpfloat (d->morning_sum, ==, e->morning_sum);
  g_assert_cmpint (d->n_morning, ==, e->n_morning);
  g_assert_cmpfloat (d->during_sum, ==, e->during_sum);
  g_assert_cmpint (d->n_during, ==, e->n_during);
}

/* Line by line, so that a difference is shown as one line, not the file. */
static void
assert_same_lines (const char *text,
                   const char *expected)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; lines[i] != NULL || expected_lines[i] != NULL; i++)
    g_assert_cmpstr (lines[i], ==, expected_lines[i]);
}

/* The sets per day and exercise, and the series the warnings and Progress
 * read, are what SQLite's own grouping and aggregates made of the same
 * rows (the queries these reads replaced, kept here as the reference). */
static void
test_reads_as_sql (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *const spans[][2] = {
    { "2021-01-01", "2026-06-30" }, { "2026-05-20", "2026-06-10" }, { "2026-06-02", "2026-06-02" },
    { "2030-01-01", "2030-01-31" },
  };
  g_autoptr(PatellaStore) store = open_generated_history (fixture->path);

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      const char *first = spans[s][0], *last = spans[s][1];
      g_autoptr(GString) sets = g_string_new (NULL);
      g_autofree char *expected_sets = NULL;
      g_autoptr(PatellaSeries) series = NULL;
      g_autoptr(PatellaSeries) expected = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (patella_store_foreach_sets (store, first, last, collect_sets_table, sets, &error));
      g_assert_no_error (error);
      expected_sets = query_text (fixture->path,
                                  "SELECT day, exercise_id, sum(sets) FROM exercise_log WHERE day BETWEEN ?1 AND ?2"
                                  " GROUP BY day, exercise_id ORDER BY day, exercise_id",
                                  first, last);
      assert_same_lines (sets->str, expected_sets);
      g_assert_true (s == 3 || sets->len > 0);

      series = patella_store_load_series (store, first, last, &error);
      g_assert_no_error (error);
      expected = series_as_sql (fixture->path, first, last);
      g_assert_cmpuint (series->n_days, ==, expected->n_days);
      for (guint i = 0; i < series->n_days; i++)
        assert_day_stats_equal (&series->days[i], &expected->days[i]);
      g_assert_cmpint (series->first_run, ==, expected->first_run);
    }
}

/* With 6, 7 or 10 exercises, adding 1/n n times falls short of 1; a day
 * with every exercise done must still be complete. */
static void
test_adherence_any_routine_size (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  PatellaAdherence adherence;
  guint n_enabled = 5;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  exercises = patella_store_list_exercises (store, FALSE, &error);

  for (guint i = 5; i < exercises->len; i++)
    {
      PatellaExercise *extra = g_ptr_array_index (exercises, i);
      g_autofree char *day = NULL;

      extra->enabled = TRUE;
      g_assert_true (patella_store_update_exercise (store, extra, &error));
      n_enabled++;

      /* A fresh stretch of days for each size: three complete days. */
      for (int d = 0; d < 3; d++)
        {
          g_autofree char *complete = g_strdup_printf ("2026-%02u-%02d", n_enabled, 10 + d);
          complete_day (store, complete, NULL);
        }
      day = g_strdup_printf ("2026-%02u-13", n_enabled);
      g_assert_true (patella_routine_compute_adherence (store, day, &adherence, &error));
      g_assert_no_error (error);
      if (adherence.streak != 3)
        g_error ("with %u exercises the streak is %d, not 3", n_enabled, adherence.streak);
    }
  g_assert_cmpuint (n_enabled, ==, 10);
}

static void
test_edit_routine (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaDayPlan) plan = open_plan (fixture, "2026-05-10");
  g_autoptr(PatellaStore) store = patella_store_open (fixture->path, NULL);
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  PatellaExercise step_ups = {
    .id = (char *) "step-ups", .name = (char *) "Step-ups", .dose = (char *) "3 × 10",
    .cues = (char *) "Knee over the toes.", .target_sets = 3, .reps = 10, .enabled = TRUE,
  };
  PatellaExercise *squat;
  guint changes = 0;

  g_signal_connect (plan, "items-changed", G_CALLBACK (count_items_changed), &changes);
  /* The plan's today is the day the routine is edited on. */
  patella_store_set_today (store, "2026-05-10");

  /* Change a dose, switch one off, add one of the runner's own. */
  exercises = patella_store_list_exercises (store, FALSE, &error);
  squat = g_ptr_array_index (exercises, 3);
  g_assert_cmpstr (squat->id, ==, "squat");
  squat->target_sets = 4;
  squat->reps = 12;
  squat->hold_seconds = 4;
  g_assert_true (patella_store_update_exercise (store, squat, &error));
  g_assert_true (patella_store_add_exercise (store, &step_ups, &error));
  {
    PatellaExercise *band = g_ptr_array_index (exercises, 4);
    band->enabled = FALSE;
    g_assert_true (patella_store_update_exercise (store, band, &error));
  }
  g_assert_no_error (error);

  g_assert_true (patella_day_plan_reload (plan, &error));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 5);
  g_assert_null (patella_day_plan_find (plan, "band-walks"));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan, "squat")), ==, 4);
  g_assert_nonnull (patella_day_plan_find (plan, "step-ups"));

  /* Reorder: step-ups first. */
  g_assert_true (patella_store_move_exercise (store, "step-ups", 0, &error));
  g_assert_true (patella_day_plan_reload (plan, &error));
  {
    g_autoptr(PatellaRoutineItem) item = g_list_model_get_item (G_LIST_MODEL (plan), 0);
    g_assert_cmpstr (patella_routine_item_get_id (item), ==, "step-ups");
  }

  /* Reset the squat to the protocol's dose. */
  g_assert_true (patella_store_reset_exercise (store, "squat", &error));
  g_assert_true (patella_day_plan_reload (plan, &error));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan, "squat")), ==, 3);
  g_assert_false (patella_store_reset_exercise (store, "step-ups", &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Remove the custom one after logging it: the log stays and names it; undo brings it back. */
  g_assert_cmpint (patella_day_plan_log_set (plan, "step-ups", &error), >, 0);
  g_assert_true (patella_store_set_exercise_archived (store, "step-ups", TRUE, &error));
  g_assert_true (patella_day_plan_reload (plan, &error));
  g_assert_null (patella_day_plan_find (plan, "step-ups"));
  g_assert_cmpint (count_rows (fixture->path, "exercise_log"), ==, 1);
  {
    g_autoptr(GPtrArray) all = patella_store_list_exercises (store, TRUE, &error);
    gboolean kept = FALSE;
    for (guint i = 0; i < all->len; i++)
      kept |= g_str_equal (((PatellaExercise *) g_ptr_array_index (all, i))->id, "step-ups");
    g_assert_true (kept);
  }
  g_assert_true (patella_store_set_exercise_archived (store, "step-ups", FALSE, &error));
  g_assert_true (patella_day_plan_reload (plan, &error));
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "step-ups")), ==, 1);

  /* Built-in exercises are switched off, never removed. */
  g_assert_false (patella_store_set_exercise_archived (store, "squat", TRUE, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
}

/* The routine has a history: what is changed today applies from today, and
 * every day before keeps the routine it had, its targets, adherence, streak
 * and score, as the issue found them rewritten (a streak of 3 fell to 0). */
static void
test_routine_history (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(PatellaDayPlan) past = NULL;
  g_autoptr(PatellaDayPlan) plan_today = NULL;
  PatellaAdherence before, after;
  const char *days[] = { "2026-06-07", "2026-06-08", "2026-06-09" };
  const char *today = "2026-06-10";
  PatellaExercise step_downs = {
    .id = (char *) "step-downs", .name = (char *) "Step-downs", .dose = (char *) "3 × 10",
    .cues = (char *) "From a low step.", .target_sets = 3, .reps = 10, .enabled = TRUE,
  };
  PatellaExercise *squat = NULL;
  g_autofree char *daily_before = NULL;
  g_autofree char *daily_after = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  patella_store_set_today (store, today);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    complete_day (store, days[i], NULL);

  g_assert_true (patella_routine_compute_adherence (store, days[2], &before, &error));
  g_assert_no_error (error);
  g_assert_cmpint (before.streak, ==, 3);
  daily_before = daily_csv (store);

  /* Add an exercise, raise the squat's target, switch band walks off and
   * put step-downs first: all of it today. */
  g_assert_true (patella_store_add_exercise (store, &step_downs, &error));
  exercises = patella_store_list_exercises (store, FALSE, &error);
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (g_str_equal (exercise->id, "squat"))
        squat = exercise;
      if (g_str_equal (exercise->id, "band-walks"))
        {
          exercise->enabled = FALSE;
          g_assert_true (patella_store_update_exercise (store, exercise, &error));
        }
    }
  g_assert_nonnull (squat);
  squat->target_sets = 5;
  g_assert_true (patella_store_update_exercise (store, squat, &error));
  g_assert_true (patella_store_move_exercise (store, "step-downs", 0, &error));
  g_assert_no_error (error);

  /* The days before today: the same adherence, the same day rows. */
  g_assert_true (patella_routine_compute_adherence (store, days[2], &after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after.streak, ==, before.streak);
  g_assert_cmpfloat (after.score, ==, before.score);
  daily_after = daily_csv (store);
  g_assert_cmpstr (daily_after, !=, daily_before);  /* a column for step-downs */
  {
    g_autofree char *adherence_before = csv_column (daily_before, "adherence_pct");
    g_autofree char *adherence_after = csv_column (daily_after, "adherence_pct");

    g_assert_cmpstr (adherence_before, ==, "100,100,100");
    g_assert_cmpstr (adherence_after, ==, adherence_before);
  }

  /* Yesterday's checklist is the routine it had: no step-downs, band walks
   * on, the squat at 3 sets, in the old order, and complete. */
  past = patella_day_plan_new (store, today);
  g_assert_true (patella_day_plan_set_day (past, days[2], &error));
  g_assert_no_error (error);
  g_assert_null (patella_day_plan_find (past, "step-downs"));
  g_assert_nonnull (patella_day_plan_find (past, "band-walks"));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (past, "squat")), ==, 3);
  g_assert_true (patella_day_plan_get_complete (past));
  {
    g_autoptr(PatellaRoutineItem) first = g_list_model_get_item (G_LIST_MODEL (past), 0);
    g_assert_cmpstr (patella_routine_item_get_id (first), ==, "foam-roll");
  }

  /* Today has the new routine. */
  plan_today = patella_day_plan_new (store, today);
  g_assert_true (patella_day_plan_reload (plan_today, &error));
  g_assert_nonnull (patella_day_plan_find (plan_today, "step-downs"));
  g_assert_null (patella_day_plan_find (plan_today, "band-walks"));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan_today, "squat")), ==, 5);
  {
    g_autoptr(PatellaRoutineItem) first = g_list_model_get_item (G_LIST_MODEL (plan_today), 0);
    g_assert_cmpstr (patella_routine_item_get_id (first), ==, "step-downs");
  }

  /* A past day filled in late is judged by its own routine: the old one's
   * targets complete it, with no step-downs asked for. */
  complete_day_as_of (store, "2026-06-06");
  g_assert_true (patella_routine_compute_adherence (store, days[2], &after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after.streak, ==, 4);

  /* Two changes on one day keep the last; the day before still has its own. */
  squat->target_sets = 2;
  g_assert_true (patella_store_update_exercise (store, squat, &error));
  g_assert_cmpint (count_sql (fixture->path, "SELECT count(*) FROM routine_versions WHERE exercise_id = 'squat'"),
                   ==, 2);
  g_clear_object (&plan_today);
  plan_today = patella_day_plan_new (store, today);
  g_assert_true (patella_day_plan_reload (plan_today, &error));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan_today, "squat")), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/adherence/streak", test_streak);
  g_test_add_func ("/adherence/score", test_score);
  g_test_add_func ("/adherence/nudge", test_nudge);
  g_test_add_func ("/timer/schedule", test_timer);
  g_test_add_func ("/routine/day-cursor", test_day_cursor);

#define ADD(name, func) \
  g_test_add ("/routine/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("log-and-undo", test_plan_log_and_undo);
  ADD ("days", test_plan_days);
  ADD ("adherence-across-dst", test_adherence_across_dst);
  ADD ("adherence-long-streak", test_adherence_long_streak);
  ADD ("adherence-any-routine-size", test_adherence_any_routine_size);
  ADD ("marks-with-sets", test_marks_with_sets);
  ADD ("reads-as-sql", test_reads_as_sql);
  ADD ("edit-routine", test_edit_routine);
  ADD ("routine-history", test_routine_history);
#undef ADD

  return g_test_run ();
}
