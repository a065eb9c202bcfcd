/* test-xlsx.c: the daily summary as a spreadsheet, read back cell by cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/xlsx-cells.py unzips the file with Python's zipfile and lists
 * each cell with its type and number format.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-store.h"
#include "core/patella-xlsx.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

static char *
list_cells (const char *xlsx)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-cells.py", NULL);
  const char *argv[] = { "python3", script, xlsx, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (err[0] != '\0')
    g_test_message ("xlsx-cells.py: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_line (const char *cells,
             const char *line)
{
  g_autofree char *framed = g_strconcat ("\n", line, "\n", NULL);
  g_autofree char *all = g_strconcat ("\n", cells, NULL);

  if (strstr (all, framed) == NULL)
    g_error ("no line “%s” in:\n%s", line, cells);
}

/* Days since 1899-12-30: how a spreadsheet stores a date. */
static guint
serial (const char *day)
{
  GDate date, epoch;

  g_assert_true (patella_day_parse (day, &date));
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  return (guint) g_date_days_between (&epoch, &date);
}

static void
test_daily_xlsx (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = patella_store_open (fixture->path, &error);
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 2, 3, 7, 5, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 2, 3, 18, 30, 0);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "daily.xlsx", NULL);
  g_autofree char *cells = NULL;
  g_autofree char *date = NULL;
  g_autofree char *listing = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-03", morning, 3, PATELLA_PAIN_MORNING, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-03", evening, 42.5, 8.25, 5, 2, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-03", evening, "quad-setting", 2, 20, "", &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-02-04", PATELLA_REST_DAY_SICK, "", &error));

  g_assert_true (patella_write_file (store, xlsx, patella_xlsx_export_daily, &error));
  g_assert_no_error (error);
  /* Renamed into place: no temporary file left beside it. */
  listing = patella_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "daily.xlsx\npatella.db\npatella.db-shm\npatella.db-wal");
  cells = list_cells (xlsx);

  /* The header: text, frozen with the date column, filtered. */
  assert_line (cells, "A1 s General date");
  assert_line (cells, "B1 s General rest_day");
  assert_line (cells, "pane frozen 1 1");
  g_assert_nonnull (strstr (cells, "\nautofilter A1:"));
  g_assert_nonnull (strstr (cells, "\nwidth 1 "));

  /* Dates as dates, counts and kilometres as numbers, adherence as a
   * percentage, words as text. */
  date = g_strdup_printf ("A2 n yyyy-mm-dd %u", serial ("2026-02-03"));
  assert_line (cells, date);
  g_free (date);
  date = g_strdup_printf ("A3 n yyyy-mm-dd %u", serial ("2026-02-04"));
  assert_line (cells, date);
  assert_line (cells, "B3 s General sick");
  {
    /* Find the columns by their names. */
    g_auto(GStrv) lines = g_strsplit (cells, "\n", -1);
    g_autoptr(GHashTable) column = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) parts = g_strsplit (lines[i], " ", 4);

        if (g_strv_length (parts) == 4 && g_str_has_suffix (parts[0], "1") && !g_str_has_suffix (parts[0], "11"))
          g_hash_table_insert (column, g_strdup (parts[3]), g_strndup (parts[0], strlen (parts[0]) - 1));
      }
#define CELL(name, row, rest) \
    G_STMT_START { \
      g_autofree char *line = g_strdup_printf ("%s%d %s", (char *) g_hash_table_lookup (column, name), row, rest); \
      assert_line (cells, line); \
    } G_STMT_END
    CELL ("quad-setting", 2, "n General 2");
    CELL ("run_km", 2, "n General 8.25");
    CELL ("run_minutes", 2, "n General 42.5");
    CELL ("morning_pain", 2, "n General 3");
    CELL ("adherence_pct", 2, "n 0% 0.13");
#undef CELL
  }
}

/* --export-daily-xlsx writes the same through a temporary file. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autofree char *option = g_strdup_printf ("--export-daily-xlsx=%s", xlsx);
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->path);
  const char *argv[] = { g_getenv ("PATELLA_BINARY"), database, option, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *cells = NULL;
  int status;

  patella_test_make_database (fixture->path, 5);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  cells = list_cells (xlsx);
  assert_line (cells, "A1 s General date");
  assert_line (cells, "pane frozen 1 1");

  /* The database itself is never overwritten. */
  g_free (option);
  option = g_strdup_printf ("--export-daily-xlsx=%s", fixture->path);
  argv[2] = option;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
}

/* In a locale with a decimal comma the cells still hold "8.25": the
 * library writes numbers with printf. Needs Debian's locale sources
 * (package locales) to build de_DE here. */
static void
test_german_locale (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *locales = g_build_filename (fixture->dir, "locales", NULL);
  g_autofree char *german = g_build_filename (locales, "de_DE.UTF-8", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "daily.xlsx", NULL);
  g_autofree char *option = g_strdup_printf ("--export-daily-xlsx=%s", xlsx);
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->path);
  const char *localedef[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", german, NULL };
  const char *argv[] = { g_getenv ("PATELLA_BINARY"), database, option, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 2, 3, 18, 30, 0);
  g_autofree char *cells = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int status;

  if (!g_file_test ("/usr/share/i18n/locales/de_DE", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no locale sources to build de_DE from (Debian: locales)");
      return;
    }
  g_assert_cmpint (g_mkdir (locales, 0700), ==, 0);
  g_spawn_sync (NULL, (char **) localedef, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_file_test (german, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("localedef could not build de_DE");
      return;
    }

  {
    g_autoptr(PatellaStore) store = patella_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (patella_store_log_run (store, "2026-02-03", evening, 42.5, 8.25, 5, 2, "", &error), >, 0);
  }
  envp = g_environ_setenv (envp, "LOCPATH", locales, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  cells = list_cells (xlsx);
  g_assert_nonnull (strstr (cells, " n General 8.25\n"));
  g_assert_nonnull (strstr (cells, " n General 42.5\n"));
  g_assert_null (strstr (cells, "8,25"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xlsx/daily", Fixture, NULL, patella_test_files_set_up, test_daily_xlsx,
              patella_test_files_tear_down);
  g_test_add ("/xlsx/cli", Fixture, NULL, patella_test_files_set_up, test_cli, patella_test_files_tear_down);
  g_test_add ("/xlsx/german-locale", Fixture, NULL, patella_test_files_set_up, test_german_locale,
              patella_test_files_tear_down);

  return g_test_run ();
}
