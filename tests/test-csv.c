/* test-csv.c: CSV export and import, the daily CSV and the backup, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "core/patella-csv.h"
#include "core/patella-store-outcomes.h"
#include "core/patella-day.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

#define HEADER PATELLA_CSV_HEADER "\r\n"

static char *
export (PatellaStore *store,
        PatellaWriteFunc func)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (func (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static PatellaStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
count (PatellaStore *store,
       PatellaTable  table)
{
  gint64 n = -1;

  g_assert_true (patella_store_count (store, table, &n, NULL));
  return n;
}

static GDateTime *
at (const char *day,
    int         hour,
    int         minute)
{
  GDate date;

  g_assert_true (patella_day_parse (day, &date));
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                hour, minute, 0);
}

/* A record with every kind, and notes that test the format. */
static void
fill (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = at ("2026-02-03", 7, 5);
  g_autoptr(GDateTime) evening = at ("2026-02-03", 18, 30);

  g_assert_cmpint (patella_store_log_pain (store, "2026-02-03", morning, 3, PATELLA_PAIN_MORNING,
                                           "stiff, then \"fine\"", &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-03", evening, 42.5, 8.25, 5, 2,
                                          "=SUM(A1:A9)", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-03", evening, "quad-setting", 1, 20,
                                               "two\nlines", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-04", evening, "squat", 3, 0,
                                               " padded ", &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-04", morning, 30, 0, 0, -1,
                                          "'quoted already", &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-02-05", PATELLA_REST_DAY_SICK, "-flu", &error));
  g_assert_no_error (error);
}

/* A set with the pain felt during it. */
static void
add_set_with_pain (PatellaStore *store)
{
  g_autoptr(PatellaEntry) set = patella_entry_new (PATELLA_ENTRY_EXERCISE);
  g_autoptr(GError) error = NULL;

  set->day = g_strdup ("2026-02-04");
  set->instant = g_strdup ("2026-02-04T19:00:00Z");
  set->exercise_id = g_strdup ("band-walks");
  set->sets = 1;
  set->pain = 4;
  g_assert_cmpint (patella_store_add_entry (store, set, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *csv = NULL;

  csv = export (store, patella_csv_export);
  g_assert_cmpstr (csv, ==, HEADER "");

  fill (store);
  add_set_with_pain (store);
  g_clear_pointer (&csv, g_free);
  csv = export (store, patella_csv_export);
  g_assert_cmpstr (csv, ==,
                   HEADER
                   "2026-02-03,07:05,pain,,,,,,,3,morning,\"stiff, then \"\"fine\"\"\",2026-02-03T07:05:00Z,,\r\n"
                   "2026-02-03,18:30,exercise,quad-setting,1,20,,,,,,\"two\nlines\",2026-02-03T18:30:00Z,,\r\n"
                   "2026-02-03,18:30,run,,,,42.5,8.25,5,2,,'=SUM(A1:A9),2026-02-03T18:30:00Z,,\r\n"
                   /* Logged on the 4th at the 3rd's time: the day is the one logged. */
                   "2026-02-04,07:05,run,,,,30,0,0,,,''quoted already,2026-02-03T07:05:00Z,,\r\n"
                   "2026-02-04,18:30,exercise,squat,3,,,,,,,\" padded \",2026-02-03T18:30:00Z,,\r\n"
                   "2026-02-04,19:00,exercise,band-walks,1,,,,,4,,,2026-02-04T19:00:00Z,,\r\n"
                   "2026-02-05,,rest-day,sick,,,,,,,,'-flu,,,\r\n");
}

/* Export, import into an empty database, export again: the same bytes. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(PatellaStore) copy = open_store (other);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  fill (store);
  add_set_with_pain (store);
  first = export (store, patella_csv_export);
  g_assert_true (patella_csv_import (copy, first, strlen (first), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_EXERCISE], ==, 3);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN], ==, 1);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_RUN], ==, 2);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_REST_DAY], ==, 1);
  second = export (copy, patella_csv_export);
  g_assert_cmpstr (first, ==, second);

  /* A set's pain came back; a set without one has none. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = patella_store_list_entries (copy, "2026-02-04", 1 << PATELLA_ENTRY_EXERCISE, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->exercise_id, ==, "band-walks");
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 0))->pain, ==, 4);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 1))->pain, ==, -1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The prefixes against formulas are gone from the values. */
  entries = patella_store_list_entries (copy, "2026-02-05", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->note, ==, "-flu");
}

static gboolean
import (PatellaStore         *store,
        const char           *csv,
        PatellaImportSummary *summary,
        GError              **error)
{
  return patella_csv_import (store, csv, strlen (csv), summary, error);
}

/* A spreadsheet's file: a byte order mark, LF or CRLF, columns moved
 * about and one more, a quoted newline. */
static void
test_import_forms (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *csv =
    "\xEF\xBB\xBF" "kind,date,pain,context,comment,note,time\n"
    "pain,2026-03-01,4,stairs,ignored,\"up, and\n down\",08:15\r\n"
    "pain,2026-03-02,2,after,,,\n";

  g_assert_true (import (store, csv, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN], ==, 2);
  entries = patella_store_list_entries (store, "2026-03-01", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 0))->score, ==, 4);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 0))->context, ==, PATELLA_PAIN_STAIRS);
  g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->note, ==, "up, and\n down");
}

/* The same file twice, or two computers' exports merged: no doubling. */
static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  const char *laptop = HEADER
    "2026-03-01,08:00,pain,,,,,,,4,morning,\r\n"
    "2026-03-01,18:00,run,,,,30,5,4,,,\r\n";
  const char *desktop = HEADER
    "2026-03-01,18:00,run,,,,30,5,4,,,\r\n"         /* the same run */
    "2026-03-01,19:00,pain,,,,,,,3,after,\r\n";

  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_assert_true (import (store, laptop, &summary, &error));
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN] + summary.added[PATELLA_ENTRY_RUN], ==, 2);
  }
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_assert_true (import (store, laptop, &summary, &error));
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN] + summary.added[PATELLA_ENTRY_RUN], ==, 0);
    g_assert_cmpuint (summary.skipped[PATELLA_ENTRY_PAIN] + summary.skipped[PATELLA_ENTRY_RUN], ==, 2);
  }
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_autofree char *text = NULL;

    g_assert_true (import (store, desktop, &summary, &error));
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN], ==, 1);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_RUN], ==, 0);
    g_assert_cmpuint (summary.skipped[PATELLA_ENTRY_RUN], ==, 1);
    text = patella_import_summary_describe (&summary);
    g_assert_cmpstr (text, ==, "Added 1 pain score. Skipped 1 run already in the log.");
  }
  g_assert_no_error (error);
  g_assert_cmpint (count (store, PATELLA_TABLE_RUNS), ==, 1);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 2);
}

/* Equal entries are counted, not merged: three sets logged in one minute
 * stay three through export and import, and import twice adds nothing. */
static void
test_equal_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(PatellaStore) copy = open_store (other);
  g_autoptr(GDateTime) when = at ("2026-03-01", 8, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (int i = 0; i < 3; i++)
    g_assert_cmpint (patella_store_log_exercise (store, "2026-03-01", when, "quad-setting", 1, 20, NULL, &error), >, 0);
  first = export (store, patella_csv_export);
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_assert_true (import (copy, first, &summary, &error));
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_EXERCISE], ==, 3);
  }
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_assert_true (import (copy, first, &summary, &error));
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_EXERCISE], ==, 0);
    g_assert_cmpuint (summary.skipped[PATELLA_ENTRY_EXERCISE], ==, 3);
  }
  second = export (copy, patella_csv_export);
  g_assert_cmpstr (first, ==, second);
}

/* One rest or sick day per day: the same one is skipped, another is refused. */
static void
test_rest_day_conflict (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (patella_store_set_rest_day (store, "2026-03-02", PATELLA_REST_DAY_SICK, "fever 39", &error));
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_assert_true (import (store, HEADER "2026-03-02,,rest-day,sick,,,,,,,,fever 39\r\n", &summary, &error));
    g_assert_cmpuint (summary.skipped[PATELLA_ENTRY_REST_DAY], ==, 1);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_REST_DAY], ==, 0);
  }
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_assert_false (import (store, HEADER "2026-03-01,08:00,pain,,,,,,,2,morning,\r\n"
                                          "2026-03-02,,rest-day,rest,,,,,,,,\r\n", &summary, &error));
    g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
    g_assert_nonnull (strstr (error->message, "record 3: 2026-03-02 is already marked"));
    g_clear_error (&error);
  }
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 0);
  entries = patella_store_list_entries (store, "2026-03-02", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->note, ==, "fever 39");
}

/* An exercise this computer does not know becomes the runner's own. */
static void
test_unknown_exercise (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autofree char *text = NULL;
  gboolean found = FALSE;

  g_assert_true (import (store, HEADER "2026-03-01,18:00,exercise,step-ups,2,12,,,,,,\r\n", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (summary.new_exercises, ((const char *[]) { "step-ups", NULL }));
  text = patella_import_summary_describe (&summary);
  g_assert_nonnull (strstr (text, "1 exercise was new here and was added to your own, switched off: step-ups."));

  exercises = patella_store_list_exercises (store, TRUE, &error);
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);
      if (g_str_equal (exercise->id, "step-ups"))
        {
          found = TRUE;
          g_assert_false (exercise->builtin);
          g_assert_false (exercise->enabled);
        }
    }
  g_assert_true (found);
}

/* Every reason a record is refused, each named with its record number;
 * one bad record and nothing at all is imported. */
static void
test_bad_records (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *row; const char *reason; } cases[] = {
    { "2026-02-30,08:00,pain,,,,,,,3,morning,", "is not a day" },
    { "2999-01-01,08:00,pain,,,,,,,3,morning,", "has not happened yet" },
    { "2026-03-01,8am,pain,,,,,,,3,morning,", "HH:MM" },
    { "2026-03-01,08:00,walk,,,,,,,3,morning,", "is not one of exercise, pain, run, rest-day, outcome or test" },
    { "2026-03-01,08:00,exercise,Step Ups,1,,,,,,,", "is not an exercise id" },
    { "2026-03-01,08:00,exercise,squat,0,,,,,,,", "sets must be" },
    { "2026-03-01,08:00,exercise,squat,1,0,,,,,,", "reps must be" },
    { "2026-03-01,08:00,exercise,squat,1,10,,,,11,,", "pain must be empty or" },
    { "2026-03-01,08:00,exercise,squat,1,10,,,,-1,,", "pain must be empty or" },
    { "2026-03-01,08:00,pain,,,,,,,11,morning,", "pain must be a whole number" },
    { "2026-03-01,08:00,pain,,,,,,,3.5,morning,", "pain must be a whole number" },
    { "2026-03-01,08:00,pain,,,,,,,3,evening,", "context" },
    { "2026-03-01,08:00,run,,,,0,5,3,,,", "minutes must be" },
    { "2026-03-01,08:00,run,,,,1441,5,3,,,", "minutes must be" },
    { "2026-03-01,08:00,run,,,,30,\"5,2\",3,,,", "distance_km must be" },
    { "2026-03-01,08:00,run,,,,30,-1,3,,,", "distance_km must be" },
    { "2026-03-01,08:00,run,,,,30,1001,3,,,", "distance_km must be" },
    { "2026-03-01,08:00,run,,,,30,5,high,,,", "rpe must be" },
    { "2026-03-01,08:00,run,,,,30,5,3,11,,", "pain must be empty or" },
    { "2026-03-01,08:00,run,,,,0x1E,5,3,,,", "minutes must be" },
    { "2026-03-01,08:00,run,,,,30,-0,3,,,", "distance_km must be" },
    { "2026-03-01,08:00,run,,,,30,5,+3,,,", "rpe must be" },
    { "1899-12-31,08:00,pain,,,,,,,3,morning,", "is not a day" },
    { "2026-03-01,,rest-day,holiday,,,,,,,,", "must be rest or sick" },
  };
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GString) csv = g_string_new (HEADER "2026-03-01,08:00,pain,,,,,,,2,morning,ok\r\n");
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = g_strnfill (PATELLA_NOTE_MAX_CHARS + 1, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (csv, "%s\r\n", cases[i].row);
  g_string_append_printf (csv, "2026-03-01,08:00,pain,,,,,,,2,morning,%s\r\n", long_note);

  g_assert_false (import (store, csv->str, &summary, &error));
  g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "25 records are wrong, so nothing was imported:"));
  for (guint i = 0; i < MIN (G_N_ELEMENTS (cases), 20); i++)
    {
      /* Record 1 is the header, record 2 the good row. */
      g_autofree char *expected = g_strdup_printf ("record %u: ", i + 3);
      const char *line = strstr (error->message, expected);

      if (line == NULL || strstr (line, cases[i].reason) == NULL)
        g_error ("no “%s” for record %u in: %s", cases[i].reason, i + 3, error->message);
    }
  /* Only 20 are listed; the long note is the 25th. */
  g_assert_nonnull (strstr (error->message, "…and 5 more."));
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 0);
  g_assert_cmpint (count (store, PATELLA_TABLE_RUNS), ==, 0);
}

static void
test_many_bad_records (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 25; i++)
    g_string_append (csv, "2026-03-01,08:00,pain,,,,,,,12,morning,\r\n");
  g_assert_false (import (store, csv->str, &summary, &error));
  g_assert_nonnull (strstr (error->message, "25 records are wrong"));
  g_assert_nonnull (strstr (error->message, "record 21:"));
  g_assert_null (strstr (error->message, "record 22:"));
  g_assert_nonnull (strstr (error->message, "…and 5 more."));
}

/* Files that are not a history at all: a clear message, nothing changed. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *data; gsize length; int code; const char *words; } cases[] = {
    { "", 0, PATELLA_CSV_ERROR_EMPTY, "empty" },
    { HEADER, sizeof HEADER - 1, PATELLA_CSV_ERROR_EMPTY, "header but no entries" },
    { "day,what\r\n2026-01-01,pain\r\n", 27, PATELLA_CSV_ERROR_HEADER, "“date” and “kind”" },
    { HEADER "2026-03-01,08:00,pain,,,,,,,3,morning,caf\xe9\r\n", sizeof HEADER - 1 + 42,
      PATELLA_CSV_ERROR_ENCODING, "not UTF-8" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, PATELLA_CSV_ERROR_ENCODING, "binary" },
    { HEADER "2026-03-01,08:00,pain,,,,,,,3,morning,\"open\r\n", sizeof HEADER - 1 + 45,
      PATELLA_CSV_ERROR_RECORDS, "quote may be left open" },
  };
  g_autoptr(PatellaStore) store = open_store (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PatellaImportSummary) summary = { { 0 } };
      g_autoptr(GError) error = NULL;

      g_assert_false (patella_csv_import (store, cases[i].data, cases[i].length, &summary, &error));
      g_assert_error (error, PATELLA_CSV_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].words) == NULL || strstr (error->message, "Nothing was imported") == NULL)
        g_error ("case %u: “%s”", i, error->message);
    }
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 0);
}

static void
test_daily (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  fill (store);
  csv = export (store, patella_csv_export_daily);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "date,rest_day,foam-roll,quad-setting,hamstring-stretch,squat,band-walks,"
                                 "price,calf-stretch,quad-stretch,balance,glute-strength,adherence_pct,"
                                 "morning_pain,max_pain_during,max_pain,run_km,run_minutes,load,acwr,warnings");
  /* 3 Feb: quad setting 1 of 3 (1/3 of 1 of 5 = 7%), morning 3, run pain 2. */
  g_assert_cmpstr (lines[1], ==, "2026-02-03,,0,1,0,0,0,0,0,0,0,0,7,3,2,3,8.25,42.5,212.5,,");
  g_assert_cmpstr (lines[2], ==, "2026-02-04,,0,0,0,3,0,0,0,0,0,0,20,,,,0,30,0,,");
  g_assert_cmpstr (lines[3], ==, "2026-02-05,sick,0,0,0,0,0,0,0,0,0,0,,,,,,,,,");
  g_assert_cmpstr (lines[4], ==, "");
}

/* The backup is a whole database; a failed one leaves nothing behind. */
static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "backup.db", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(PatellaStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  fill (store);
  g_assert_true (patella_store_backup (store, path, &error));
  g_assert_no_error (error);

  copy = open_store (path);
  g_assert_true (patella_store_verify (copy, &error));
  g_assert_no_error (error);
  for (PatellaTable t = 0; t < PATELLA_N_TABLES; t++)
    g_assert_cmpint (count (copy, t), ==, count (store, t));
  g_clear_object (&copy);

  g_assert_false (patella_store_backup (store, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing temporary is left beside the files. */
  listing = patella_test_list_dir (fixture->dir);
  g_assert_null (strstr (listing, ".patella-"));

  /* A failed export leaves nothing either. */
  g_assert_false (patella_write_file (store, missing, patella_csv_export, &error));
  g_assert_nonnull (error);
}

/* The summary in whole phrases: only the kinds with a count, joined as a list. */
static void
test_summary_words (void)
{
  PatellaImportSummary summary = { { 0 } };
  g_autofree char *nothing = NULL;
  g_autofree char *two = NULL;
  g_autofree char *all = NULL;

  summary.skipped[PATELLA_ENTRY_RUN] = 2;
  nothing = patella_import_summary_describe (&summary);
  g_assert_cmpstr (nothing, ==, "Nothing new was added. Skipped 2 runs already in the log.");

  summary.skipped[PATELLA_ENTRY_RUN] = 0;
  summary.added[PATELLA_ENTRY_PAIN] = 3;
  summary.added[PATELLA_ENTRY_RUN] = 1;
  two = patella_import_summary_describe (&summary);
  g_assert_cmpstr (two, ==, "Added 3 pain scores and 1 run.");

  summary.added[PATELLA_ENTRY_EXERCISE] = 12;
  summary.added[PATELLA_ENTRY_REST_DAY] = 1;
  summary.skipped[PATELLA_ENTRY_EXERCISE] = 1;
  summary.skipped[PATELLA_ENTRY_REST_DAY] = 4;
  all = patella_import_summary_describe (&summary);
  g_assert_cmpstr (all, ==, "Added 12 exercise sets, 3 pain scores, 1 run and 1 rest or sick day. "
                            "Skipped 1 exercise set and 4 rest or sick days already in the log.");
}

static void
use_zone (const char *zone)
{
  g_setenv ("TZ", zone, TRUE);
  tzset ();
}

static gint64
count_all (PatellaStore *store)
{
  return count (store, PATELLA_TABLE_PAIN_LOG) + count (store, PATELLA_TABLE_RUNS) +
         count (store, PATELLA_TABLE_EXERCISE_LOG) + count (store, PATELLA_TABLE_REST_DAYS);
}

/* A runner who exports in Berlin and imports in New York: the utc column
 * makes each entry the same moment, so nothing is doubled and nothing
 * moves. A file from before the column still matches by its local time. */
static void
test_other_zone (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *old_form = g_build_filename (fixture->dir, "old.db", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaStore) copy = NULL;
  g_autoptr(PatellaStore) old = NULL;
  g_auto(PatellaImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *berlin = NULL;
  g_autofree char *new_york = NULL;
  g_autofree char *without_utc = NULL;
  g_autoptr(GString) stripped = g_string_new (NULL);
  g_autoptr(GDateTime) late = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 n;

  use_zone ("Europe/Berlin");
  store = open_store (fixture->path);
  fill (store);
  /* 23:30 in Berlin is already the next day in UTC, and 17:30 in New York. */
  late = at ("2026-02-06", 23, 30);
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-06", late, 4, PATELLA_PAIN_AFTER, "late",
                                           &error), >, 0);
  g_assert_no_error (error);
  berlin = export (store, patella_csv_export);
  n = count_all (store);

  use_zone ("America/New_York");
  g_assert_true (import (store, berlin, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_all (store), ==, n);
  patella_import_summary_clear (&summary);

  /* Into a fresh record there: the same moments, so the same file back. */
  copy = open_store (other);
  g_assert_true (import (copy, berlin, &summary, &error));
  g_assert_no_error (error);
  patella_import_summary_clear (&summary);
  new_york = export (copy, patella_csv_export);
  g_assert_nonnull (strstr (new_york, "2026-02-06,17:30,pain,,,,,,,4,after,late,2026-02-06T22:30:00Z"));
  use_zone ("Europe/Berlin");
  {
    g_autofree char *back = export (copy, patella_csv_export);

    g_assert_cmpstr (back, ==, berlin);
  }

  /* Without the utc column (a file from an older Patella) the local time
   * is the moment, and the same file imported again adds nothing. */
  lines = g_strsplit (berlin, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      /* The last three columns: utc, side and result. */
      const char *comma = lines[i] + strlen (lines[i]);

      for (guint k = 0; k < 3; k++)
        comma = g_strrstr_len (lines[i], comma - lines[i], ",");
      g_string_append_len (stripped, lines[i], comma - lines[i]);
      g_string_append (stripped, "\r\n");
    }
  without_utc = g_string_free (g_steal_pointer (&stripped), FALSE);
  g_assert_true (g_str_has_prefix (without_utc, "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,"
                                                "context,note\r\n"));
  old = open_store (old_form);
  g_assert_true (import (old, without_utc, &summary, &error));
  g_assert_no_error (error);
  patella_import_summary_clear (&summary);
  n = count_all (old);
  g_assert_true (import (old, without_utc, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_all (old), ==, n);
  patella_import_summary_clear (&summary);

  /* A utc cell that is not a moment is a bad record. */
  g_assert_false (import (old, HEADER "2026-02-07,08:00,pain,,,,,,,2,morning,,2026-02-07 07:00\r\n",
                          &summary, &error));
  g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
  g_assert_nonnull (strstr (error->message, "is not a moment such as"));
  g_unsetenv ("TZ");
  tzset ();
}

/* Sets TZ for the rest of a test; GLib drops its local zone once TZ names
 * another. Returns the old value for restore_zone(). */
static char *
set_zone (const char *zone)
{
  char *old = g_strdup (g_getenv ("TZ"));

  g_setenv ("TZ", zone, TRUE);
  tzset ();
  return old;
}

static void
restore_zone (char *old)
{
  if (old != NULL)
    g_setenv ("TZ", old, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
  g_free (old);
}

/* One record as a zone writes it: its local day and time, and the moment. */
static char *
record_in_zone (GDateTime  *moment,
                const char *zone_name,
                const char *rest)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, zone);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (moment);
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d,%H:%M");
  g_autofree char *instant = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  return g_strdup_printf ("%s,%s,%s\r\n", day, rest, instant);
}

/* Item 8: a pain score logged five minutes ago in Kiritimati (UTC+14) is
 * dated a day after Honolulu's today (UTC-10): the moment has passed, so
 * it imports there; a moment still ahead, or a day two ahead, does not. */
static void
test_today_in_zone_ahead (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *old = set_zone ("Pacific/Honolulu");
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) ahead = g_date_time_add_hours (now, 2);
  g_autofree char *today = patella_day_today ();
  g_autofree char *passed = record_in_zone (past, "Pacific/Kiritimati", "pain,,,,,,,3,morning,");
  g_autofree char *coming = record_in_zone (ahead, "Pacific/Kiritimati", "pain,,,,,,,4,morning,");
  g_autofree char *file = g_strconcat (HEADER, passed, NULL);
  g_autofree char *both = g_strconcat (HEADER, passed, coming, NULL);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;

  g_autofree char *passed_day = g_strndup (passed, 10);

  g_assert_cmpint (patella_day_diff (today, passed_day), ==, 1);

  g_assert_false (patella_csv_import (store, both, strlen (both), &summary, &error));
  g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
  g_assert_nonnull (strstr (error->message, "record 3: the utc time"));
  g_assert_nonnull (strstr (error->message, "has not happened yet"));
  g_assert_null (strstr (error->message, "record 2"));
  g_clear_error (&error);

  g_assert_true (patella_csv_import (store, file, strlen (file), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN], ==, 1);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 1);

  g_clear_object (&store);
  restore_zone (g_steal_pointer (&old));
}

/* Item 11: a file without utc, imported in Berlin and then again in New
 * York, adds nothing the second time and skips nothing it should add: its
 * entries are judged by the day and local time the file states. */
static void
test_no_utc_two_zones (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char file[] =
    "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note\r\n"
    "2026-02-03,09:00,exercise,quad-setting,1,20,,,,,,\r\n"
    "2026-02-03,10:00,exercise,quad-setting,1,20,,,,,,\r\n"
    "2026-02-03,15:00,exercise,quad-setting,1,20,,,,,,\r\n"
    "2026-02-03,23:30,exercise,squat,3,10,,,,,,\r\n"
    "2026-02-04,07:00,pain,,,,,,,3,morning,\r\n"
    "2026-02-04,08:00,pain,,,,,,,3,morning,\r\n"
    "2026-02-04,18:00,run,,,,30,5,5,2,,\r\n"
    "2026-02-05,00:30,run,,,,30,5,5,2,,\r\n";
  static const char later[] =
    "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note\r\n"
    "2026-02-03,13:00,exercise,quad-setting,1,20,,,,,,\r\n";
  const char *const zones[] = { "Europe/Berlin", "America/New_York", "Asia/Kolkata" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autofree char *old = set_zone (zones[z]);
      g_autoptr(PatellaStore) store = open_store (fixture->path);
      g_auto(PatellaImportSummary) summary = { { 0 } };
      g_autoptr(GError) error = NULL;
      g_autofree char *described = NULL;

      g_assert_true (patella_csv_import (store, file, strlen (file), &summary, &error));
      g_assert_no_error (error);
      described = patella_import_summary_describe (&summary);
      g_test_message ("%s: %s", zones[z], described);
      g_assert_cmpuint (summary.added[PATELLA_ENTRY_EXERCISE], ==, z == 0 ? 4 : 0);
      g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN], ==, z == 0 ? 2 : 0);
      g_assert_cmpuint (summary.added[PATELLA_ENTRY_RUN], ==, z == 0 ? 2 : 0);
      g_assert_cmpuint (summary.skipped[PATELLA_ENTRY_EXERCISE], ==, z == 0 ? 0 : 4);
      g_assert_cmpint (count (store, PATELLA_TABLE_EXERCISE_LOG), ==, 4);
      g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 2);
      g_assert_cmpint (count (store, PATELLA_TABLE_RUNS), ==, 2);

      g_clear_object (&store);
      restore_zone (g_steal_pointer (&old));
    }

  /* A set at another time of the same day is another set. */
  {
    g_autofree char *old = set_zone ("America/New_York");
    g_autoptr(PatellaStore) store = open_store (fixture->path);
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_autoptr(GError) error = NULL;

    g_assert_true (patella_csv_import (store, later, strlen (later), &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_EXERCISE], ==, 1);
    g_clear_object (&store);
    restore_zone (g_steal_pointer (&old));
  }
}

/* Imports @text into @store, expecting it refused with every one of
 * @words (NULL-terminated) in the message and nothing added. */
static void
assert_import_refused (PatellaStore *store,
                       const char   *text,
                       ...)
{
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  gint64 before = count (store, PATELLA_TABLE_PAIN_LOG) + count (store, PATELLA_TABLE_RUNS);
  const char *words;
  va_list args;

  g_assert_false (patella_csv_import (store, text, strlen (text), &summary, &error));
  g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
  g_test_message ("%s", error->message);
  va_start (args, text);
  while ((words = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, words) == NULL)
      g_error ("“%s” is not in the message: %s", words, error->message);
  va_end (args);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG) + count (store, PATELLA_TABLE_RUNS), ==, before);
}

/* A day in the right form before 1900: the message names that reason. */
static void
test_date_too_early (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);

  assert_import_refused (store, HEADER "0001-01-01,09:00,pain,,,,,,,3,morning,,\r\n",
                         "record 2: the date 0001-01-01 is before 1900-01-01, the earliest day Patella keeps",
                         NULL);
  assert_import_refused (store, HEADER "1899-12-31,09:00,pain,,,,,,,3,morning,,\r\n",
                         "record 2: the date 1899-12-31 is before 1900-01-01", NULL);
  assert_import_refused (store, HEADER "2026-02-30,09:00,pain,,,,,,,3,morning,,\r\n",
                         "record 2: the date “2026-02-30” is not a day", NULL);
}

/* A utc moment more than a day before its date, or still to come, is
 * refused with its record number; one later than its date is a set
 * logged late, as the Today page does for a past day. */
static void
test_utc_far_from_date (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 3);
  g_autofree char *day = patella_day_today ();
  g_autofree char *moment = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *future = g_strdup_printf (HEADER "%s,09:00,pain,,,,,,,3,morning,,%s\r\n", day, moment);

  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  static const char late[] = HEADER "2026-02-03,09:00,pain,,,,,,,3,morning,,2026-02-09T08:00:00Z\r\n";

  assert_import_refused (store,
                         HEADER "2026-02-03,09:00,pain,,,,,,,3,morning,,2026-02-03T08:00:00Z\r\n"
                         "2026-02-03,09:00,pain,,,,,,,3,morning,,2026-02-01T08:00:00Z\r\n"
                         "2026-02-03,09:00,pain,,,,,,,3,morning,,2025-02-03T08:00:00Z\r\n",
                         "record 3: the utc time 2026-02-01T08:00:00Z is more than a day before the date 2026-02-03",
                         "record 4: the utc time 2025-02-03T08:00:00Z is more than a day before", NULL);
  g_assert_true (patella_csv_import (store, late, strlen (late), &summary, &error));
  g_assert_no_error (error);
  assert_import_refused (store, future, "record 2: the utc time", "has not happened yet", NULL);
}

/* A time in the hour the clocks skip (02:30 on 29 March 2026 in Berlin)
 * is not moved silently: the summary names the record and where it went. */
static void
test_dst_gap_said (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *old = set_zone ("Europe/Berlin");
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  static const char file[] =
    "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note\r\n"
    "2026-03-29,01:30,pain,,,,,,,2,morning,\r\n"
    "2026-03-29,02:30,pain,,,,,,,3,during,\r\n";

  g_assert_true (patella_csv_import (store, file, strlen (file), &summary, &error));
  g_assert_no_error (error);
  described = patella_import_summary_describe (&summary);
  g_test_message ("%s", described);
  g_assert_cmpuint (summary.n_moved, ==, 1);
  g_assert_nonnull (strstr (described, "1 time falls in the hour the clocks skip here: "
                                       "record 3, 02:30 on 2026-03-29, is stored at 03:00."));

  g_clear_object (&store);
  restore_zone (g_steal_pointer (&old));
}

/* Text a spreadsheet would still run as a formula: after a line feed or
 * spaces, or with the full-width ＝, the cell gets the "'" guard, and an
 * import gives the note back as typed. */
static void
test_formula_guard_forms (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *const notes[] = {
    "\n=1+1", " =HYPERLINK(\"http://example.com\")", "   +cmd", "\xef\xbc\x9dSUM(A1:A9)", " \xef\xbc\x8b" "1",
  };
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(PatellaStore) copy = open_store (copy_path);
  g_autofree char *csv = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-01-%02u", i + 1);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, 2, PATELLA_PAIN_MORNING, notes[i], &error), >, 0);
      g_assert_no_error (error);
    }
  csv = export (store, patella_csv_export);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *guarded = g_strconcat (",'", notes[i], NULL);
      g_autoptr(GString) doubled = g_string_new (notes[i]);
      g_autofree char *quoted = NULL;

      g_string_replace (doubled, "\"", "\"\"", 0);
      quoted = g_strconcat (",\"'", doubled->str, NULL);

      if (strstr (csv, guarded) == NULL && strstr (csv, quoted) == NULL)
        g_error ("“%s” is not guarded in:\n%s", notes[i], csv);
    }

  g_assert_true (patella_csv_import (copy, csv, strlen (csv), &summary, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-01-%02u", i + 1);
      g_autoptr(GPtrArray) entries = patella_store_list_entries (copy, day, PATELLA_ENTRY_ALL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->note, ==, notes[i]);
    }
}

/* Check-in answers and self-tests: rows of their own kinds, exported with
 * the entries, sorted with them, and back in byte for byte. */
static void
test_outcome_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(PatellaStore) copy = open_store (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PatellaCheckinAnswers answers = { (char *) "2026-02-04",
                                    { 4, 6, 1, PATELLA_OUTCOME_NOT_DONE, 5, 3, 4, 6, 7, 4 } };
  PatellaSelfTest left = { (char *) "2026-02-04", PATELLA_LEG_LEFT, PATELLA_SQUAT_DROPS_IN, 3 };
  PatellaSelfTest right = { (char *) "2026-02-04", PATELLA_LEG_RIGHT, PATELLA_SQUAT_CENTRED, -1 };

  fill (store);
  answers.values[PATELLA_OUTCOME_KNEELING] = PATELLA_OUTCOME_UNANSWERED;
  g_assert_true (patella_store_save_checkin (store, &answers, &error));
  g_assert_true (patella_store_save_self_test (store, &left, &error));
  g_assert_true (patella_store_save_self_test (store, &right, &error));
  g_assert_no_error (error);

  first = export (store, patella_csv_export);
  /* Day only, the value in pain, empty for an activity not done; an item
   * not answered has no row. */
  g_assert_nonnull (strstr (first, "\r\n2026-02-04,,outcome,usual-pain,,,,,,4,,,,,\r\n"));
  g_assert_nonnull (strstr (first, "\r\n2026-02-04,,outcome,running,,,,,,,,,,,\r\n"));
  g_assert_nonnull (strstr (first, "\r\n2026-02-04,,outcome,global-change,,,,,,4,,,,,\r\n"));
  g_assert_null (strstr (first, "kneeling"));
  g_assert_nonnull (strstr (first, "\r\n2026-02-04,,test,single-leg-squat,,,,,,3,,,,left,drops-inward\r\n"));
  g_assert_nonnull (strstr (first, "\r\n2026-02-04,,test,single-leg-squat,,,,,,,,,,right,centred\r\n"));

  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_autofree char *words = NULL;

    g_assert_true (patella_csv_import (copy, first, strlen (first), &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.added_outcomes, ==, 9);
    g_assert_cmpuint (summary.added_tests, ==, 2);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_RUN], ==, 2);
    words = patella_import_summary_describe (&summary);
    g_assert_nonnull (strstr (words, "9 check-in answers and 2 self-test results"));
  }
  second = export (copy, patella_csv_export);
  g_assert_cmpstr (first, ==, second);

  /* The same file again adds nothing. */
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };

    g_assert_true (patella_csv_import (copy, first, strlen (first), &summary, &error));
    g_assert_cmpuint (summary.added_outcomes + summary.added_tests, ==, 0);
    g_assert_cmpuint (summary.skipped_outcomes, ==, 9);
    g_assert_cmpuint (summary.skipped_tests, ==, 2);
  }
}

/* A file from before schema 4 (no side or result column, and one older
 * still without utc) imports, and exports in the new form. */
static void
test_previous_version (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const char *v3 = "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note,utc\r\n"
                   "2026-02-03,07:05,pain,,,,,,,3,morning,,2026-02-03T07:05:00Z\r\n"
                   "2026-02-04,,rest-day,rest,,,,,,,,,\r\n";
  const char *v1 = "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note\r\n"
                   "2026-02-05,18:00,run,,,,30,5,4,,,\r\n";

  {
    g_auto(PatellaImportSummary) summary = { { 0 } };

    g_assert_true (import (store, v3, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN] + summary.added[PATELLA_ENTRY_REST_DAY], ==, 2);
  }
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };

    g_assert_true (import (store, v1, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_RUN], ==, 1);
  }
  csv = export (store, patella_csv_export);
  g_assert_true (g_str_has_prefix (csv, HEADER "2026-02-03,07:05,pain,,,,,,,3,morning,,2026-02-03T07:05:00Z,,\r\n"
                                     "2026-02-04,,rest-day,rest,,,,,,,,,,,\r\n"));
}

/* Bad outcome and test rows are named by record and change nothing; a
 * different answer for a day already answered is one of them. */
static void
test_outcome_rows_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const struct {
    const char *line;
    const char *reason;
  } bad[] = {
    { "2026-02-04,,outcome,usual-pain,,,,,,11,,,,,", "pain must be a whole number from 0 to 10" },
    { "2026-02-04,,outcome,usual-pain,,,,,,,,,,,", "pain must be a whole number from 0 to 10" },
    { "2026-02-04,,outcome,walking,,,,,,x,,,,,", "empty (not done)" },
    { "2026-02-04,,outcome,global-change,,,,,,0,,,,,", "from 1 (very much worse)" },
    { "2026-02-04,,outcome,kujala,,,,,,3,,,,,", "not a check-in item" },
    { "2999-02-04,,outcome,walking,,,,,,3,,,,,", "has not happened yet" },
    { "2026-02-04,,test,single-leg-squat,,,,,,3,,,,middle,centred", "not left or right" },
    { "2026-02-04,,test,single-leg-squat,,,,,,3,,,,left,collapses", "not one of centred" },
    { "2026-02-04,,test,step-down,,,,,,3,,,,left,centred", "must be single-leg-squat" },
    { "2026-02-04,,outcome,worst-pain,,,,,,5,,,,,", "already has another answer for worst-pain" },
  };
  PatellaCheckinAnswers answers = { (char *) "2026-02-04", { 4, 6, 1, 2, 5, 3, 4, 6, 7, 4 } };

  g_assert_true (patella_store_save_checkin (store, &answers, &error));
  before = export (store, patella_csv_export);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      /* A good row with each bad one: neither is added. */
      g_autofree char *csv = g_strdup_printf (HEADER "2026-02-01,,outcome,usual-pain,,,,,,3,,,,,\r\n%s\r\n",
                                              bad[i].line);

      g_assert_false (import (store, csv, &summary, &error));
      g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "record 3: "));
      g_assert_nonnull (strstr (error->message, bad[i].reason));
      g_clear_error (&error);
    }
  after = export (store, patella_csv_export);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/csv/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("export", test_export);
  ADD ("outcome-rows", test_outcome_rows);
  ADD ("previous-version", test_previous_version);
  ADD ("outcome-rows-refused", test_outcome_rows_refused);
  ADD ("round-trip", test_round_trip);
  ADD ("other-zone", test_other_zone);
  ADD ("import-forms", test_import_forms);
  ADD ("duplicates", test_duplicates);
  ADD ("equal-entries", test_equal_entries);
  ADD ("rest-day-conflict", test_rest_day_conflict);
  ADD ("unknown-exercise", test_unknown_exercise);
  ADD ("bad-records", test_bad_records);
  ADD ("many-bad-records", test_many_bad_records);
  ADD ("bad-files", test_bad_files);
  ADD ("daily", test_daily);
  ADD ("backup", test_backup);
  ADD ("today-in-zone-ahead", test_today_in_zone_ahead);
  ADD ("no-utc-two-zones", test_no_utc_two_zones);
  ADD ("date-before-first-year", test_date_too_early);
  ADD ("utc-far-from-date", test_utc_far_from_date);
  ADD ("dst-gap-said", test_dst_gap_said);
  ADD ("formula-guard-forms", test_formula_guard_forms);
#undef ADD
  g_test_add_func ("/csv/summary-words", test_summary_words);

  return g_test_run ();
}
