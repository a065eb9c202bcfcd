/* test-spreadsheet.c: the entries CSV after a spreadsheet saved it again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LibreOffice re-saves times as "07:00:00 AM" (en-US) or "07:00:00" (de),
 * Gnumeric dates as "2024/12/02". Those come back in; a date that could be
 * read day first or month first does not, unless the utc column says.
 * With `soffice` installed (Debian: libreoffice-calc-nogui), a history
 * goes through LibreOffice headless, CSV to .ods and back, in two locales.
 *
 * Local time is Europe/Berlin here, whatever the machine's.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

static void
test_days (void)
{
  gboolean ambiguous = TRUE;
  GDate date;

  g_assert_true (patella_day_parse_sheet ("2024/12/02", &date, &ambiguous));
  g_assert_false (ambiguous);
  g_assert_cmpint (g_date_get_month (&date), ==, 12);
  g_assert_cmpint (g_date_get_day (&date), ==, 2);
  g_assert_true (patella_day_parse_sheet ("2024-12-02", &date, &ambiguous));
  g_assert_true (patella_day_parse_sheet ("2024/1/5", &date, &ambiguous));
  g_assert_cmpint (g_date_get_day (&date), ==, 5);

  g_assert_false (patella_day_parse_sheet ("2024/12-02", &date, &ambiguous));
  g_assert_false (patella_day_parse_sheet ("2024/02/30", &date, &ambiguous));
  g_assert_false (patella_day_parse_sheet ("2024/13/01", &date, &ambiguous));
  g_assert_false (ambiguous);
  g_assert_false (patella_day_parse_sheet ("1899/12/31", &date, &ambiguous));

  g_assert_false (patella_day_parse_sheet ("02/12/2024", &date, &ambiguous));
  g_assert_true (ambiguous);
  g_assert_false (patella_day_parse_sheet ("2.12.24", &date, &ambiguous));
  g_assert_true (ambiguous);
  g_assert_false (patella_day_parse_sheet ("Dec 2, 2024", &date, &ambiguous));
  g_assert_false (ambiguous);
}

static void
assert_time (const char *text,
             int         hour,
             int         minute,
             int         second)
{
  int h = -1, m = -1, s = -1;

  if (!patella_time_parse (text, PATELLA_TIME_FORM_SHEET, &h, &m, &s))
    g_error ("“%s” was not read as a time", text);
  g_assert_cmpint (h, ==, hour);
  g_assert_cmpint (m, ==, minute);
  g_assert_cmpint (s, ==, second);
}

static void
test_times (void)
{
  static const char *const refused[] = {
    "7:00", "24:00", "07:60", "07:00:60", "07:0", "07:00:0", "13:00:00 PM", "0:30:00 AM", "07:00:00 XM",
    "07:00:00AM", "07:00:00 AM ", " 07:00", "07-00", "", "07", "007:00",
  };
  int h, m, s;

  assert_time ("07:00", 7, 0, 0);
  assert_time ("23:59", 23, 59, 0);
  assert_time ("07:00:00", 7, 0, 0);
  assert_time ("18:30:15", 18, 30, 15);
  assert_time ("7:00:00 AM", 7, 0, 0);
  assert_time ("07:00:00 AM", 7, 0, 0);
  assert_time ("6:30:00 PM", 18, 30, 0);
  assert_time ("12:00:00 AM", 0, 0, 0);
  assert_time ("12:30:00 PM", 12, 30, 0);
  assert_time ("9:05 pm", 21, 5, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (patella_time_parse (refused[i], PATELLA_TIME_FORM_SHEET, &h, &m, &s))
      g_error ("“%s” was read as a time", refused[i]);
}

static void
fill (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 2, 3, 7, 5, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 2, 3, 18, 30, 0);
  /* In the DST fold: 02:30 comes twice on 25 October. */
  g_autoptr(GDateTime) fold = g_date_time_new_utc (2026, 10, 25, 1, 30, 0);

  g_assert_cmpint (patella_store_log_pain (store, "2026-02-03", morning, 3, PATELLA_PAIN_MORNING, "stiff", &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-03", evening, 42.5, 8.25, 5, 2, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-03", evening, "quad-setting", 2, 20, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-10-25", fold, 30, 5.5, 4, -1, "fold", &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-02-05", PATELLA_REST_DAY_REST, "", &error));
  g_assert_no_error (error);
}

#define HEADER PATELLA_CSV_HEADER "\r\n"

static void
test_import_forms (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *sheet =
    HEADER
    /* Gnumeric's date, LibreOffice's times, no utc. */
    "2026/02/03,7:05:00 AM,pain,,,,,,,3,morning,stiff,\r\n"
    "2026/02/03,18:30:00,run,,,,42.5,8.25,5,2,,,\r\n"
    /* A date the spreadsheet turned around: the utc cell decides. */
    "03/02/2026,06:30:00 PM,exercise,quad-setting,2,20,,,,,,,2026-02-03T17:30:00Z\r\n"
    /* A utc cell re-saved as a date and a time, still UTC. */
    "2026-02-04,,run,,,,30,5,3,,,,2026/02/04 6:00:00 AM\r\n";
  const char *ambiguous =
    HEADER
    "2026-02-06,07:00,pain,,,,,,,1,morning,,\r\n"
    "02/12/2025,07:00:00 AM,pain,,,,,,,3,morning,,\r\n"
    "2025-12-02,7:00,pain,,,,,,,3,morning,,\r\n";

  g_assert_true (patella_csv_import (store, sheet, strlen (sheet), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (patella_test_count_kinds (summary.added), ==, 4);

  entries = patella_store_list_entries (store, "2026-02-03", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < entries->len; i++)
    {
      PatellaEntry *e = g_ptr_array_index (entries, i);

      if (e->kind == PATELLA_ENTRY_PAIN)
        g_assert_cmpstr (e->instant, ==, "2026-02-03T06:05:00Z");
      else if (e->kind == PATELLA_ENTRY_RUN)
        g_assert_cmpstr (e->instant, ==, "2026-02-03T17:30:00Z");
      else
        g_assert_cmpstr (e->instant, ==, "2026-02-03T17:30:00Z");
    }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = patella_store_list_entries (store, "2026-02-04", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->instant, ==, "2026-02-04T06:00:00Z");

  /* The same again: nothing doubled. */
  patella_import_summary_clear (&summary);
  g_assert_true (patella_csv_import (store, sheet, strlen (sheet), &summary, &error));
  g_assert_cmpuint (patella_test_count_kinds (summary.added), ==, 0);
  g_assert_cmpuint (patella_test_count_kinds (summary.skipped), ==, 4);

  /* 02/12/2025 without utc: refused by record, nothing of the file added. */
  patella_import_summary_clear (&summary);
  g_assert_false (patella_csv_import (store, ambiguous, strlen (ambiguous), &summary, &error));
  g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "record 3: the date “02/12/2025” could be read day first or month "
                                            "first; write it as YYYY-MM-DD"));
  g_assert_nonnull (strstr (error->message, "record 4: the time “7:00” is not in the form HH:MM"));
  g_assert_null (strstr (error->message, "record 2"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = patella_store_list_entries (store, "2026-02-06", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* soffice converts @from to @format in @dir with the CSV filter in @language
 * (a Windows language id), the way a runner opening the file would:
 * special numbers (dates, times) recognised. */
static void
soffice_convert (const char *profile,
                 const char *from,
                 const char *format,
                 const char *dir,
                 int         language)
{
  g_autofree char *installation = g_strconcat ("-env:UserInstallation=file://", profile, NULL);
  g_autofree char *infilter = g_strdup_printf ("--infilter=CSV:44,34,76,1,,%d,false,true", language);
  g_autofree char *to = g_str_equal (format, "csv")
                        ? g_strdup_printf ("csv:Text - txt - csv (StarCalc):44,34,76,1,,%d,false,true,true", language)
                        : g_strdup (format);
  const char *argv[] = { "soffice", "--headless", "--norestore", installation, infilter, "--convert-to", to,
                         "--outdir", dir, from, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_libreoffice (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { int id; const char *time; } languages[] = {
    { 1033, ",07:05:00 AM," },   /* en-US */
    { 1031, ",07:05:00," },      /* de-DE */
  };
  g_autoptr(PatellaStore) store = NULL;
  g_autofree char *original = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_build_filename (fixture->dir, "lo-profile", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "history.csv", NULL);

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: libreoffice-calc-nogui)");
      return;
    }

  store = patella_test_open_store (fixture->path);
  fill (store);
  original = patella_test_export_csv (store);
  patella_test_write_file (csv, original, -1);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/%d", fixture->dir, languages[i].id);
      g_autofree char *ods = g_build_filename (dir, "history.ods", NULL);
      g_autofree char *back_dir = g_build_filename (dir, "back", NULL);
      g_autofree char *back = g_build_filename (back_dir, "history.csv", NULL);
      g_autofree char *db = g_build_filename (dir, "fresh.db", NULL);
      g_autoptr(PatellaStore) fresh = NULL;
      g_auto(PatellaImportSummary) summary = { { 0 } };
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *again = NULL;
      gsize length;

      soffice_convert (profile, csv, "ods", dir, languages[i].id);
      soffice_convert (profile, ods, "csv", back_dir, languages[i].id);
      g_assert_true (g_file_get_contents (back, &contents, &length, &error));
      g_test_message ("%d: %s", languages[i].id, contents);
      /* It did change the file, as the issue says. */
      g_assert_nonnull (strstr (contents, languages[i].time));

      /* Into the record it came from: nothing refused, nothing doubled. */
      g_assert_true (patella_csv_import (store, contents, length, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (patella_test_count_kinds (summary.added), ==, 0);
      g_assert_cmpuint (patella_test_count_kinds (summary.skipped), ==, 5);

      /* Into an empty one: the same record. */
      fresh = patella_test_open_store (db);
      patella_import_summary_clear (&summary);
      g_assert_true (patella_csv_import (fresh, contents, length, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (patella_test_count_kinds (summary.added), ==, 5);
      again = patella_test_export_csv (fresh);
      g_assert_cmpstr (again, ==, original);
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spreadsheet/days", test_days);
  g_test_add_func ("/spreadsheet/times", test_times);
  g_test_add ("/spreadsheet/import-forms", Fixture, NULL, patella_test_files_set_up, test_import_forms,
              patella_test_files_tear_down);
  g_test_add ("/spreadsheet/libreoffice", Fixture, NULL, patella_test_files_set_up, test_libreoffice,
              patella_test_files_tear_down);

  return g_test_run ();
}
