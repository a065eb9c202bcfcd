/* bench-diary.c: History and the warnings stay fast with ten years of entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes four weeks and ten years of daily entries (the routine, pain, runs
 * four days a week) straight into two databases, then times, against each:
 * reading History's first page of days, reading one screenful of days
 * (20), and all warnings over the whole record. Each figure is the median
 * of 7 runs; the ratio to four weeks shows how cost grows with the record.
 *
 *   meson test -C build --benchmark diary --verbose
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "core/patella-day.h"
#include "core/patella-episodes.h"
#include "core/patella-history.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

#define RUNS 7

static void
fill (const char *path,
      int         n_days)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_strdup ("2016-01-01");
  sqlite3 *db = NULL;
  sqlite3_stmt *ex = NULL, *pain = NULL, *run = NULL;
  const char *routine[] = { "foam-roll", "quad-setting", "quad-setting", "quad-setting",
                            "hamstring-stretch", "squat", "band-walks" };
  GRand *rand = g_rand_new_with_seed (42);

  /* The store creates the schema; the entries go in one transaction. */
  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO exercise_log (day, instant, exercise_id, sets, reps, note)"
                          " VALUES (?1, ?1 || 'T18:00:00Z', ?2, 1, NULL, '')", -1, &ex, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO pain_log (day, instant, score, context, note)"
                          " VALUES (?1, ?1 || 'T07:00:00Z', ?2, 'morning', '')", -1, &pain, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO runs (day, instant, minutes, distance_km, rpe, pain, note)"
                          " VALUES (?1, ?1 || 'T17:00:00Z', ?2, ?3, ?4, ?5, '')", -1, &run, NULL);

  for (int i = 0; i < n_days; i++)
    {
      g_autofree char *next = patella_day_add (day, 1);

      for (guint k = 0; k < G_N_ELEMENTS (routine); k++)
        {
          sqlite3_reset (ex);
          sqlite3_bind_text (ex, 1, day, -1, SQLITE_STATIC);
          sqlite3_bind_text (ex, 2, routine[k], -1, SQLITE_STATIC);
          sqlite3_step (ex);
        }
      sqlite3_reset (pain);
      sqlite3_bind_text (pain, 1, day, -1, SQLITE_STATIC);
      sqlite3_bind_int (pain, 2, g_rand_int_range (rand, 0, 5));
      sqlite3_step (pain);
      if (i % 7 == 0 || i % 7 == 2 || i % 7 == 4 || i % 7 == 5)
        {
          sqlite3_reset (run);
          sqlite3_bind_text (run, 1, day, -1, SQLITE_STATIC);
          sqlite3_bind_double (run, 2, g_rand_double_range (rand, 25, 70));
          sqlite3_bind_double (run, 3, g_rand_double_range (rand, 4, 12));
          sqlite3_bind_int (run, 4, g_rand_int_range (rand, 2, 8));
          sqlite3_bind_int (run, 5, g_rand_int_range (rand, 0, 4));
          sqlite3_step (run);
        }
      g_free (day);
      day = g_steal_pointer (&next);
    }

  sqlite3_finalize (ex);
  sqlite3_finalize (pain);
  sqlite3_finalize (run);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_rand_free (rand);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

typedef struct
{
  double day_list;     /* ms */
  double screenful;
  double warnings;
  guint  n_days;
  guint  n_warnings;
} Figures;

static void
measure (const char *path,
         Figures    *out)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double times[3][RUNS];
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_get_logged_range (store, &first, &last, &error));

  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(PatellaHistory) history = patella_history_new (store);
      g_autoptr(GPtrArray) warnings = NULL;
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1, t2, t3;

      g_assert_true (patella_history_reload (history, &error));
      t1 = g_get_monotonic_time ();
      for (guint i = 0; i < 20 && i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
        {
          g_autoptr(PatellaHistoryDay) day = g_list_model_get_item (G_LIST_MODEL (history), i);
          g_assert_nonnull (patella_history_day_get_entries (day, &error));
        }
      t2 = g_get_monotonic_time ();
      warnings = patella_episodes_warnings_between (store, first, last, NULL, PATELLA_UNIT_KM, &error);
      g_assert_nonnull (warnings);
      t3 = g_get_monotonic_time ();

      times[0][r] = (t1 - t0) / 1000.0;
      times[1][r] = (t2 - t1) / 1000.0;
      times[2][r] = (t3 - t2) / 1000.0;
      out->n_days = g_list_model_get_n_items (G_LIST_MODEL (history));
      out->n_warnings = warnings->len;
    }

  for (int k = 0; k < 3; k++)
    qsort (times[k], RUNS, sizeof (double), compare_doubles);
  out->day_list = times[0][RUNS / 2];
  out->screenful = times[1][RUNS / 2];
  out->warnings = times[2][RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = patella_test_make_tmpdir ();
  g_autofree char *small = g_build_filename (dir, "four-weeks.db", NULL);
  g_autofree char *large = g_build_filename (dir, "ten-years.db", NULL);
  Figures weeks, years;

  fill (small, 28);
  fill (large, 3653);
  measure (small, &weeks);
  measure (large, &years);

  g_print ("figure (median of %d)          4 weeks    10 years    ratio\n", RUNS);
  g_print ("History: first page of days   %7.2f ms %8.2f ms %7.1f x   (%u and %u days)\n",
           weeks.day_list, years.day_list, years.day_list / weeks.day_list, weeks.n_days, years.n_days);
  g_print ("History: a screenful, 20 days %7.2f ms %8.2f ms %7.1f x\n",
           weeks.screenful, years.screenful, years.screenful / weeks.screenful);
  g_print ("All warnings (--warnings)     %7.2f ms %8.2f ms %7.1f x   (%u and %u warnings)\n",
           weeks.warnings, years.warnings, years.warnings / weeks.warnings, weeks.n_warnings, years.n_warnings);

  patella_test_remove_tree (dir);
  return 0;
}
