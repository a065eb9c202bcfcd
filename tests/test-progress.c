/* test-progress.c: the Progress series and their aggregation, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/patella-day.h"
#include "core/patella-progress.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

static void
test_trailing_mean (void)
{
  /* Day sums and counts; a 3-day window for a short example. */
  const double sums[] = { 4, 0, 6, 0, 0, 0, 9 };
  const int counts[] = { 2, 0, 1, 0, 0, 0, 3 };
  double out[G_N_ELEMENTS (sums)];

  patella_trailing_mean (sums, counts, G_N_ELEMENTS (sums), 3, out);
  g_assert_cmpfloat (out[0], ==, 2.0);            /* 4 / 2 */
  g_assert_cmpfloat (out[1], ==, 2.0);            /* still only day 0 */
  g_assert_cmpfloat_with_epsilon (out[2], 10.0 / 3, 1e-12);
  g_assert_cmpfloat (out[3], ==, 6.0);            /* day 0 left the window */
  g_assert_cmpfloat (out[4], ==, 6.0);
  g_assert_true (isnan (out[5]));                 /* nothing in days 3..5 */
  g_assert_cmpfloat (out[6], ==, 3.0);
}

static void
test_weekly_sums (void)
{
  /* Day 0 is a Wednesday: week 0 is Wednesday to Sunday (days 0-4). */
  const double daily[] = { 5, NAN, 3, NAN, 2, 10, NAN, NAN, NAN, NAN, NAN, 1, 4 };
  double weeks[4];
  guint n_weeks;

  n_weeks = patella_weekly_sums (daily, G_N_ELEMENTS (daily), 3, weeks);
  g_assert_cmpuint (n_weeks, ==, 3);
  g_assert_cmpfloat (weeks[0], ==, 10);
  g_assert_cmpfloat (weeks[1], ==, 11);   /* days 5-11, Monday to Sunday */
  g_assert_cmpfloat (weeks[2], ==, 4);    /* day 12, a Monday */
}

static void
test_decimate (void)
{
  const double values[] = { 1, 5, NAN, 2, 8, 3, NAN, NAN, 4, 0 };
  double min[5], max[5];
  const double three[] = { 1, NAN, 7 };
  double min6[6], max6[6];

  /* Two values to a column. */
  patella_decimate (values, 10, 5, min, max);
  g_assert_cmpfloat (min[0], ==, 1);
  g_assert_cmpfloat (max[0], ==, 5);
  g_assert_cmpfloat (min[1], ==, 2);     /* NAN skipped */
  g_assert_cmpfloat (max[1], ==, 2);
  g_assert_cmpfloat (min[2], ==, 3);
  g_assert_cmpfloat (max[2], ==, 8);
  g_assert_true (isnan (min[3]) && isnan (max[3]));
  g_assert_cmpfloat (min[4], ==, 0);
  g_assert_cmpfloat (max[4], ==, 4);

  /* Fewer values than columns: each value covers two columns. */
  patella_decimate (three, 3, 6, min6, max6);
  g_assert_cmpfloat (min6[0], ==, 1);
  g_assert_cmpfloat (min6[1], ==, 1);
  g_assert_true (isnan (min6[2]) && isnan (min6[3]));
  g_assert_cmpfloat (max6[4], ==, 7);
  g_assert_cmpfloat (max6[5], ==, 7);

  /* Ten years into 1000 columns: nothing is lost at the extremes, and
   * every column is filled. */
  {
    guint n = 3653;
    g_autofree double *days = g_new (double, n);
    double cmin[1000], cmax[1000];
    double lowest = INFINITY, highest = -INFINITY;

    for (guint i = 0; i < n; i++)
      days[i] = (i * 7919) % 11;
    days[1234] = -1;
    days[3000] = 42;
    patella_decimate (days, n, 1000, cmin, cmax);
    for (guint c = 0; c < 1000; c++)
      {
        g_assert_false (isnan (cmin[c]));
        lowest = MIN (lowest, cmin[c]);
        highest = MAX (highest, cmax[c]);
      }
    g_assert_cmpfloat (lowest, ==, -1);
    g_assert_cmpfloat (highest, ==, 42);
  }
}

static void
test_range (void)
{
  g_autofree char *four = patella_range_first_day (PATELLA_RANGE_4_WEEKS, "2026-03-28", NULL);
  g_autofree char *three = patella_range_first_day (PATELLA_RANGE_3_MONTHS, "2026-03-28", NULL);
  g_autofree char *year = patella_range_first_day (PATELLA_RANGE_YEAR, "2026-03-28", NULL);
  g_autofree char *all = patella_range_first_day (PATELLA_RANGE_ALL, "2026-03-28", "2019-05-01");
  g_autofree char *all_new = patella_range_first_day (PATELLA_RANGE_ALL, "2026-03-28", "2026-03-20");
  g_autofree char *all_empty = patella_range_first_day (PATELLA_RANGE_ALL, "2026-03-28", NULL);

  g_assert_cmpstr (four, ==, "2026-03-01");      /* 28 days, today included */
  g_assert_cmpstr (three, ==, "2025-12-28");
  g_assert_cmpstr (year, ==, "2025-03-29");      /* 365 days */
  g_assert_cmpstr (all, ==, "2019-05-01");
  g_assert_cmpstr (all_new, ==, "2026-03-01");   /* never less than four weeks */
  g_assert_cmpstr (all_empty, ==, "2026-03-01");
}

/* A hand-made series: 34 lookback days, then 28 days ending on a Sunday. */
static void
test_from_series (void)
{
  const guint lookback = PATELLA_WARNINGS_LOOKBACK_DAYS;
  g_autoptr(PatellaSeries) series = patella_series_new ("2026-01-26", lookback + 28);
  PatellaDayMark marks[28] = { { 0 } };
  g_autoptr(PatellaProgress) progress = NULL;
  PatellaHeadlines h;

  /* Four weeks ago (range day -28 = series day 6..): pain 6 every day. */
  for (guint i = 0; i < lookback; i++)
    {
      series->days[i].score_sum = 6;
      series->days[i].n_scores = 1;
    }
  /* The last week: pain 2 on mornings, a 10 km run, 5 km the week before. */
  for (guint i = lookback + 21; i < lookback + 28; i++)
    {
      series->days[i].morning = 2;
      series->days[i].max_score = 2;
      series->days[i].score_sum = 2;
      series->days[i].n_scores = 1;
    }
  series->days[lookback + 25].distance = 10;
  series->days[lookback + 25].longest = 10;
  series->days[lookback + 25].n_runs = 1;
  series->days[lookback + 25].load = 300;
  series->days[lookback + 25].during = 7;
  series->days[lookback + 15].distance = 5;
  series->days[lookback + 15].longest = 5;
  series->days[lookback + 15].n_runs = 1;
  series->days[lookback + 15].load = 150;
  series->first_run = (int) lookback + 15;

  marks[0] = (PatellaDayMark) { 1.0, TRUE, FALSE };
  marks[1] = (PatellaDayMark) { 0.4, TRUE, FALSE };
  marks[2] = (PatellaDayMark) { 0.0, FALSE, TRUE };
  marks[27] = (PatellaDayMark) { 0.5, TRUE, FALSE };

  progress = patella_progress_new_from_series (series, marks, 0, NULL);
  g_assert_cmpstr (progress->first, ==, "2026-03-01");
  g_assert_cmpstr (progress->last, ==, "2026-03-28");
  g_assert_cmpuint (progress->n_days, ==, 28);
  g_assert_cmpint (progress->first_weekday, ==, 7);   /* 1 March 2026 is a Sunday */

  g_assert_true (isnan (progress->morning[0]));
  g_assert_cmpfloat (progress->morning[27], ==, 2);
  g_assert_cmpfloat (progress->during[25], ==, 7);
  g_assert_true (isnan (progress->distance[0]));
  g_assert_cmpfloat (progress->distance[25], ==, 10);
  g_assert_true (progress->has_pain && progress->has_runs && progress->has_routine);

  /* The trend reaches into the lookback on the first days. */
  g_assert_cmpfloat (progress->trend[0], ==, 6);
  g_assert_cmpfloat (progress->trend[27], ==, 2);
  g_assert_true (isnan (progress->trend[20]));   /* no scores on days 14..20 */

  g_assert_cmpint (progress->routine[0], ==, PATELLA_ROUTINE_COMPLETE);
  g_assert_cmpint (progress->routine[1], ==, PATELLA_ROUTINE_PARTIAL);
  g_assert_cmpint (progress->routine[2], ==, PATELLA_ROUTINE_OFF);
  g_assert_cmpint (progress->routine[3], ==, PATELLA_ROUTINE_MISSED);

  /* Pain 7 during the run on day 25 is a high warning; the run is 100%
   * longer than the one before, but one run is too few for run-spike. */
  g_assert_cmpint (progress->warning[25], ==, 2);
  g_assert_cmpint (progress->warning[15], ==, 0);

  /* Weeks from Monday: day 0 (Sunday) is alone in week 0. */
  g_assert_cmpuint (progress->n_weeks, ==, 5);
  g_assert_cmpfloat (progress->week_distance[0], ==, 0);
  g_assert_cmpfloat (progress->week_distance[4], ==, 10);   /* days 22..27 hold day 25 */
  g_assert_cmpfloat (progress->week_distance[3], ==, 5);    /* days 15..21 */
  g_assert_cmpfloat (progress->week_distance[1], ==, 0);

  patella_progress_get_headlines (progress, &h);
  g_assert_cmpfloat (h.pain_week, ==, 2);
  g_assert_cmpfloat (h.pain_month_ago, ==, 6);
  g_assert_cmpfloat (h.distance_week, ==, 10);
  g_assert_cmpfloat (h.distance_last_week, ==, 5);
  /* Day 0 complete, day 1 partial, day 2 off, 3..26 missed; today (27) is
   * partial, so it does not count yet: 1 of 26. */
  g_assert_cmpfloat_with_epsilon (h.adherence, 1.0 / 26, 1e-12);

  /* The table: a row a week, newest first, named by its Monday. */
  {
    g_autoptr(GPtrArray) rows = NULL;
    PatellaBucketSize size;
    char **newest, **oldest;

    rows = patella_progress_table (progress, &size);
    g_assert_cmpint (size, ==, PATELLA_BUCKET_WEEK);
    g_assert_cmpuint (rows->len, ==, 5);
    newest = g_ptr_array_index (rows, 0);
    oldest = g_ptr_array_index (rows, 4);
    g_assert_cmpuint (g_strv_length (newest), ==, PATELLA_PROGRESS_TABLE_COLUMNS);
    g_assert_cmpstr (newest[0], ==, "Week of 23 March 2026");
    g_assert_cmpstr (newest[1], ==, "2.0");          /* mornings of 2 */
    g_assert_cmpstr (newest[2], ==, "7.0");          /* one run, pain 7 during */
    g_assert_cmpstr (newest[4], ==, "10.0 km");
    /* Days 22..26 missed; today (27) partial does not count yet. */
    g_assert_cmpstr (newest[6], ==, "0 of 5");
    g_assert_cmpstr (oldest[0], ==, "Week of 23 February 2026");
    g_assert_cmpstr (oldest[1], ==, "–");
    g_assert_cmpstr (oldest[6], ==, "1 of 1");
  }

  /* The runner began on day 3: earlier days are not counted as missed. A
   * run on the Saturday before the range belongs to week 0, whose Monday
   * is six days before day 0. */
  series->days[lookback - 2].distance = 4;
  series->days[lookback - 2].n_runs = 1;
  {
    g_autoptr(PatellaProgress) late = patella_progress_new_from_series (series, marks, 3, NULL);

    g_assert_cmpint (late->routine[0], ==, PATELLA_ROUTINE_NONE);
    g_assert_cmpint (late->routine[2], ==, PATELLA_ROUTINE_NONE);
    g_assert_cmpint (late->routine[3], ==, PATELLA_ROUTINE_MISSED);
    patella_progress_get_headlines (late, &h);
    g_assert_cmpfloat_with_epsilon (h.adherence, 0.0 / 24, 1e-12);
    g_assert_cmpfloat (late->week_distance[0], ==, 4);
  }
}

/* From the store: ranges have the right number of days, DST included. */
static void
test_load (void)
{
  g_autofree char *dir = patella_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const struct { PatellaRange range; guint n_days; } cases[] = {
    { PATELLA_RANGE_4_WEEKS, 28 },
    { PATELLA_RANGE_3_MONTHS, 91 },
    { PATELLA_RANGE_YEAR, 365 },
    { PATELLA_RANGE_ALL, 181 },      /* from the first entry, 2025-10-01 */
  };

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_pain (store, "2025-10-01", NULL, 3, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-03-29", NULL, 30, 5, 4, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-03-29", NULL, 4, PATELLA_PAIN_AFTER, NULL, &error), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PatellaProgress) progress =
        patella_progress_load (store, cases[i].range, "2026-03-30", NULL, PATELLA_UNIT_KM, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (progress->n_days, ==, cases[i].n_days);
      g_assert_cmpstr (progress->last, ==, "2026-03-30");
      g_assert_cmpfloat (progress->after[progress->n_days - 2], ==, 4);
      g_assert_cmpfloat (progress->distance[progress->n_days - 2], ==, 5);
    }

  g_clear_object (&store);
  patella_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/trailing-mean", test_trailing_mean);
  g_test_add_func ("/progress/weekly-sums", test_weekly_sums);
  g_test_add_func ("/progress/decimate", test_decimate);
  g_test_add_func ("/progress/range", test_range);
  g_test_add_func ("/progress/from-series", test_from_series);
  g_test_add_func ("/progress/load", test_load);

  return g_test_run ();
}
