/* test-buckets.c: the resolution a chart chooses, and the values of each bucket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/patella-buckets.h"

static GArray *
buckets (const char        *first,
         guint              n_days,
         PatellaBucketSize  size)
{
  return patella_buckets_new (first, n_days, size);
}

/* The buckets' lengths, as "7,7,3". */
static char *
lengths (GArray *array)
{
  GString *text = g_string_new (NULL);
  guint next = 0;

  for (guint k = 0; k < array->len; k++)
    {
      PatellaBucket *b = &g_array_index (array, PatellaBucket, k);

      /* They tile the range: each starts where the one before ended. */
      g_assert_cmpuint (b->first, ==, next);
      next += b->n_days;
      g_string_append_printf (text, "%s%u", k > 0 ? "," : "", b->n_days);
    }
  return g_string_free (text, FALSE);
}

static void
test_choose (void)
{
  /* 1000 px: a day keeps 4 px up to 250 days; a week up to 1750 days. */
  g_assert_cmpint (patella_bucket_size_choose (250, 1000), ==, PATELLA_BUCKET_DAY);
  g_assert_cmpint (patella_bucket_size_choose (251, 1000), ==, PATELLA_BUCKET_WEEK);
  g_assert_cmpint (patella_bucket_size_choose (1750, 1000), ==, PATELLA_BUCKET_WEEK);
  g_assert_cmpint (patella_bucket_size_choose (1751, 1000), ==, PATELLA_BUCKET_MONTH);
  /* 360 px: four weeks in days, a year in weeks, ten years in months. */
  g_assert_cmpint (patella_bucket_size_choose (28, 360), ==, PATELLA_BUCKET_DAY);
  g_assert_cmpint (patella_bucket_size_choose (90, 360), ==, PATELLA_BUCKET_DAY);
  g_assert_cmpint (patella_bucket_size_choose (91, 360), ==, PATELLA_BUCKET_WEEK);
  g_assert_cmpint (patella_bucket_size_choose (365, 360), ==, PATELLA_BUCKET_WEEK);
  g_assert_cmpint (patella_bucket_size_choose (3653, 360), ==, PATELLA_BUCKET_MONTH);
  g_assert_cmpint (patella_bucket_size_choose (0, 360), ==, PATELLA_BUCKET_DAY);
}

static void
test_weeks (void)
{
  g_autoptr(GArray) whole = NULL;
  g_autoptr(GArray) across = NULL;
  g_autoptr(GArray) dst = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  /* ISO week 1 of 2025 begins on Monday 30 December 2024. */
  whole = buckets ("2024-12-30", 14, PATELLA_BUCKET_WEEK);
  a = lengths (whole);
  g_assert_cmpstr (a, ==, "7,7");

  /* From a Wednesday across the new year: Wed..Sun, then Mon.. */
  across = buckets ("2025-12-31", 10, PATELLA_BUCKET_WEEK);
  b = lengths (across);
  g_assert_cmpstr (b, ==, "5,5");
  g_assert_cmpuint (g_array_index (across, PatellaBucket, 1).first, ==, 5);   /* Mon 5 January 2026 */

  /* The week in which Europe's clocks go forward (Sun 29 March 2026) is
   * seven calendar days like any other. */
  dst = buckets ("2026-03-16", 21, PATELLA_BUCKET_WEEK);
  c = lengths (dst);
  g_assert_cmpstr (c, ==, "7,7,7");
}

/* Under a zone with daylight saving (main() sets Europe/Berlin): the
 * weeks that hold a change of the clocks have seven days and keep their
 * names, and the day of the change is named as itself. */
static void
test_dst (void)
{
  g_autoptr(GArray) spring = buckets ("2026-03-23", 14, PATELLA_BUCKET_WEEK);
  g_autoptr(GArray) autumn = buckets ("2026-10-19", 14, PATELLA_BUCKET_WEEK);
  g_autofree char *a = lengths (spring), *b = lengths (autumn);
  g_autofree char *spring_name = NULL, *autumn_name = NULL, *change = NULL;
  PatellaBucket sunday = { 6, 1 };

  g_assert_cmpstr (a, ==, "7,7");
  g_assert_cmpstr (b, ==, "7,7");
  /* Sunday 29 March 2026, 02:00 becomes 03:00: still the first week. */
  g_assert_cmpuint (patella_buckets_find (spring, 6), ==, 0);
  g_assert_cmpuint (patella_buckets_find (spring, 7), ==, 1);
  spring_name = patella_bucket_describe ("2026-03-23", &g_array_index (spring, PatellaBucket, 1), PATELLA_BUCKET_WEEK);
  g_assert_cmpstr (spring_name, ==, "Week of 30 March 2026");
  /* Sunday 25 October 2026, 03:00 becomes 02:00. */
  autumn_name = patella_bucket_describe ("2026-10-19", &g_array_index (autumn, PatellaBucket, 0), PATELLA_BUCKET_WEEK);
  g_assert_cmpstr (autumn_name, ==, "Week of 19 October 2026");
  change = patella_bucket_describe ("2026-10-19", &sunday, PATELLA_BUCKET_DAY);
  g_assert_cmpstr (change, ==, "Sun 25 October 2026");
}

static void
test_months (void)
{
  g_autoptr(GArray) months = buckets ("2025-01-15", 116, PATELLA_BUCKET_MONTH);
  g_autoptr(GArray) leap = buckets ("2024-02-01", 60, PATELLA_BUCKET_MONTH);
  g_autoptr(GArray) days = buckets ("2025-01-30", 3, PATELLA_BUCKET_DAY);
  g_autofree char *a = lengths (months), *b = lengths (leap), *c = lengths (days);

  /* 17 days of January, February's 28, March's 31, April's 30, 10 of May. */
  g_assert_cmpstr (a, ==, "17,28,31,30,10");
  /* 2024 is a leap year. */
  g_assert_cmpstr (b, ==, "29,31");
  g_assert_cmpstr (c, ==, "1,1,1");
}

static void
test_values (void)
{
  const double values[] = { 2, NAN, 4, 1, NAN, 6, 3, NAN, NAN };
  const guint8 levels[] = { 0, 1, 0, 2, 1, 0, 0, 0, 0 };
  PatellaBucket week = { 0, 7 }, empty = { 7, 2 }, part = { 2, 3 };
  PatellaBucketStat stat;
  guint8 highest = 9;

  /* 2, 4, 1, 6, 3: mean 16 / 5. */
  patella_bucket_stat (values, &week, &stat);
  g_assert_cmpuint (stat.n, ==, 5);
  g_assert_cmpfloat_with_epsilon (stat.mean, 3.2, 1e-12);
  g_assert_cmpfloat (stat.min, ==, 1);
  g_assert_cmpfloat (stat.max, ==, 6);
  g_assert_cmpfloat_with_epsilon (patella_bucket_sum (values, &week), 16, 1e-12);

  patella_bucket_stat (values, &part, &stat);
  g_assert_cmpuint (stat.n, ==, 2);
  g_assert_cmpfloat (stat.mean, ==, 2.5);
  g_assert_cmpfloat (stat.min, ==, 1);
  g_assert_cmpfloat (stat.max, ==, 4);

  patella_bucket_stat (values, &empty, &stat);
  g_assert_cmpuint (stat.n, ==, 0);
  g_assert_true (isnan (stat.mean) && isnan (stat.min) && isnan (stat.max));
  g_assert_cmpfloat (patella_bucket_sum (values, &empty), ==, 0);

  g_assert_cmpuint (patella_bucket_count_levels (levels, &week, &highest), ==, 3);
  g_assert_cmpuint (highest, ==, 2);
  g_assert_cmpuint (patella_bucket_count_levels (levels, &empty, &highest), ==, 0);
  g_assert_cmpuint (highest, ==, 0);
}

static void
test_find (void)
{
  g_autoptr(GArray) months = buckets ("2025-01-15", 116, PATELLA_BUCKET_MONTH);

  g_assert_cmpuint (patella_buckets_find (months, 0), ==, 0);
  g_assert_cmpuint (patella_buckets_find (months, 16), ==, 0);    /* 31 January */
  g_assert_cmpuint (patella_buckets_find (months, 17), ==, 1);    /* 1 February */
  g_assert_cmpuint (patella_buckets_find (months, 44), ==, 1);    /* 28 February */
  g_assert_cmpuint (patella_buckets_find (months, 45), ==, 2);    /* 1 March */
  g_assert_cmpuint (patella_buckets_find (months, 115), ==, 4);   /* 10 May */
}

static void
test_describe (void)
{
  PatellaBucket first = { 0, 5 }, third = { 2, 1 };
  g_autofree char *week = NULL, *month = NULL, *day = NULL;

  /* A range from Wednesday 5 March 2025: its first week is named after
   * Monday 3 March. No padding before a one-digit day. */
  week = patella_bucket_describe ("2025-03-05", &first, PATELLA_BUCKET_WEEK);
  g_assert_cmpstr (week, ==, "Week of 3 March 2025");
  month = patella_bucket_describe ("2025-03-05", &first, PATELLA_BUCKET_MONTH);
  g_assert_cmpstr (month, ==, "March 2025");
  day = patella_bucket_describe ("2025-03-05", &third, PATELLA_BUCKET_DAY);
  g_assert_cmpstr (day, ==, "Fri 7 March 2025");
}

int
main (int   argc,
      char *argv[])
{
  /* A zone whose clocks change, for /buckets/dst. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/buckets/choose", test_choose);
  g_test_add_func ("/buckets/weeks", test_weeks);
  g_test_add_func ("/buckets/dst", test_dst);
  g_test_add_func ("/buckets/months", test_months);
  g_test_add_func ("/buckets/values", test_values);
  g_test_add_func ("/buckets/find", test_find);
  g_test_add_func ("/buckets/describe", test_describe);

  return g_test_run ();
}
