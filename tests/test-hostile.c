/* test-hostile.c: hostile text in notes and exercise names, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are in patella-entry.h: the runner's words are kept exactly as
 * typed (markup and format specifiers are text), and what cannot be kept
 * (not UTF-8, over the limit, control characters other than a note's tabs
 * and line breaks) is refused with a message, never cut short. test-csv.c
 * covers empty, header-only, binary and Latin-1 files; this adds the rest.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "core/patella-cli.h"
#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

#define HEADER PATELLA_CSV_HEADER "\r\n"

/* Kept verbatim, and shown as written. */
static const char *const kept_notes[] = {
  "<b>bold</b> & <i>",
  "&amp; &lt;b&gt; &#60; &nonsense;",
  "%s%n%d %x %%",
  "tab\there",
  "two\nlines",
  "crlf\r\nline",
  "\ttab first",
  "=HYPERLINK(\"http://example.com\")",
  "'quoted already",
  "ünïcödé 😀 עברית \u200f",
  "<span foreground=\"red\">red</span>",
  /* SQL is only ever bound, never pasted: these stay notes. */
  "'); DROP TABLE pain_log; --",
  "\" OR 1=1; PRAGMA writable_schema = ON; --",
};

/* Refused, with words the message must hold. */
static const struct { const char *text; const char *words; } refused_notes[] = {
  { "bell\x01", "U+0001" },
  { "\x1b[31mred\x1b[0m", "U+001B" },
  { "vertical\vtab", "U+000B" },
  { "form\ffeed", "U+000C" },
  { "delete\x7f", "U+007F" },
  { "next line \xc2\x85 (C1)", "U+0085" },
  { "caf\xe9", "UTF-8" },
  { "\xc3\x28", "UTF-8" },
  { "overlong \xc0\xaf", "UTF-8" },
  { "cut \xe2\x82", "UTF-8" },
  { "surrogate \xed\xa0\x80", "UTF-8" },
};

static PatellaStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
export (PatellaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_csv_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Everything the runner can see of the record: every entry, every exercise
 * with its name, and how many rows each table holds. */
static char *
snapshot (PatellaStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = export (store);

  g_string_append (text, csv);
  exercises = patella_store_list_exercises (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      g_string_append_printf (text, "%s|%s|%s|%s|%d|%d\n", exercise->id, exercise->name, exercise->dose,
                              exercise->cues, exercise->enabled, exercise->archived);
    }
  for (PatellaTable table = 0; table < PATELLA_N_TABLES; table++)
    {
      gint64 n = -1;

      g_assert_true (patella_store_count (store, table, &n, NULL));
      g_string_append_printf (text, "%s=%" G_GINT64_FORMAT "\n", patella_table_get_name (table), n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @n characters, each @unit (one character, perhaps several bytes). */
static char *
repeat (const char *unit,
        guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static void
assert_refused (const GError *error,
                const char   *words)
{
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” is not in the message: %s", words, error->message);
}

static const PatellaEntry *
find_entry (GPtrArray *entries,
            gint64     id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const PatellaEntry *entry = g_ptr_array_index (entries, i);

      if (entry->id == id)
        return entry;
    }
  g_assert_not_reached ();
}

/* Writes @note through each way the store takes one; reads back each. */
static void
assert_note_kept (PatellaStore *store,
                  const char   *day,
                  const char   *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PatellaEntry) run = patella_entry_new (PATELLA_ENTRY_RUN);
  g_autofree char *rest_note = NULL;
  gint64 ids[4];
  gboolean found = FALSE;
  PatellaRestDayKind kind;

  ids[0] = patella_store_log_exercise (store, day, NULL, "squat", 1, 10, note, &error);
  g_assert_no_error (error);
  ids[1] = patella_store_log_pain (store, day, NULL, 3, PATELLA_PAIN_STAIRS, note, &error);
  g_assert_no_error (error);
  ids[2] = patella_store_log_run (store, day, NULL, 30, 5, 4, -1, note, &error);
  g_assert_no_error (error);
  run->day = g_strdup (day);
  run->instant = g_strdup_printf ("%sT06:00:00Z", day);
  run->minutes = 20;
  run->distance_km = 3;
  run->note = g_strdup (note);
  ids[3] = patella_store_add_entry (store, run, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_set_rest_day (store, day, PATELLA_REST_DAY_SICK, note, &error));
  g_assert_no_error (error);

  entries = patella_store_list_entries (store, day, PATELLA_ENTRY_ALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpint (ids[i], >, 0);
      g_assert_cmpstr (find_entry (entries, ids[i])->note, ==, note);
    }
  g_assert_true (patella_store_get_rest_day (store, day, &found, &kind, &rest_note, &error));
  g_assert_true (found);
  g_assert_cmpstr (rest_note, ==, note);
}

static void
test_notes_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (kept_notes); i++)
    {
      g_autofree char *day = g_strdup_printf ("2025-03-%02u", i + 1);

      assert_note_kept (store, day, kept_notes[i]);
    }
}

/* Each way in refuses @note with @words in the message, and the record
 * stays as it was, an entry edited with it included. */
static void
assert_note_refused (PatellaStore *store,
                     const char   *note,
                     const char   *words)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PatellaEntry) pain = patella_entry_new (PATELLA_ENTRY_PAIN);
  g_autoptr(PatellaEntry) existing = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  /* An entry to edit: the first pain score of the day. */
  entries = patella_store_list_entries (store, "2025-04-01", 1u << PATELLA_ENTRY_PAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  existing = patella_entry_copy (g_ptr_array_index (entries, 0));

  before = snapshot (store);

  g_assert_cmpint (patella_store_log_exercise (store, "2025-04-01", NULL, "squat", 1, 0, note, &error), ==, 0);
  assert_refused (error, words);
  g_clear_error (&error);
  g_assert_cmpint (patella_store_log_pain (store, "2025-04-01", NULL, 2, PATELLA_PAIN_MORNING, note, &error), ==, 0);
  assert_refused (error, words);
  g_clear_error (&error);
  g_assert_cmpint (patella_store_log_run (store, "2025-04-01", NULL, 30, 5, 4, 2, note, &error), ==, 0);
  assert_refused (error, words);
  g_clear_error (&error);
  g_assert_false (patella_store_set_rest_day (store, "2025-04-02", PATELLA_REST_DAY_REST, note, &error));
  assert_refused (error, words);
  g_clear_error (&error);

  pain->day = g_strdup ("2025-04-01");
  pain->instant = g_strdup ("2025-04-01T07:00:00Z");
  pain->score = 4;
  pain->note = g_strdup (note);
  g_assert_cmpint (patella_store_add_entry (store, pain, &error), ==, 0);
  assert_refused (error, words);
  g_clear_error (&error);

  g_free (existing->note);
  existing->note = g_strdup (note);
  g_assert_false (patella_store_update_entry (store, existing, &error));
  assert_refused (error, words);
  g_clear_error (&error);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_notes_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (patella_store_log_pain (store, "2025-04-01", NULL, 3, PATELLA_PAIN_MORNING, "stiff", &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused_notes); i++)
    assert_note_refused (store, refused_notes[i].text, refused_notes[i].words);
}

/* The limit counts characters, not bytes, and a note at it is whole. */
static void
test_note_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *umlauts = repeat ("ü", PATELLA_NOTE_MAX_CHARS);
  g_autofree char *emoji = repeat ("😀", PATELLA_NOTE_MAX_CHARS);
  g_autofree char *ascii = repeat ("x", PATELLA_NOTE_MAX_CHARS - 1);
  g_autofree char *lines = g_strconcat (ascii, "\n", NULL);
  g_autofree char *over = g_strconcat (umlauts, "ü", NULL);
  g_autofree char *over_emoji = g_strconcat (emoji, "!", NULL);
  g_autofree char *limit = g_strdup_printf ("%d characters", PATELLA_NOTE_MAX_CHARS);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (umlauts), ==, 2 * PATELLA_NOTE_MAX_CHARS);
  g_assert_cmpuint (strlen (emoji), ==, 4 * PATELLA_NOTE_MAX_CHARS);
  assert_note_kept (store, "2025-05-01", umlauts);
  assert_note_kept (store, "2025-05-02", emoji);
  /* A line break is a character like any other. */
  assert_note_kept (store, "2025-05-03", lines);

  g_assert_cmpint (patella_store_log_pain (store, "2025-04-01", NULL, 3, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_no_error (error);
  assert_note_refused (store, over, limit);
  assert_note_refused (store, over_emoji, limit);
}

/* A custom exercise's name: the same rules, on one line, up to 120. */
static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *longest = repeat ("ü", PATELLA_NAME_MAX_CHARS);
  g_autofree char *too_long = repeat ("😀", PATELLA_NAME_MAX_CHARS + 1);
  g_autofree char *limit = g_strdup_printf ("%d characters", PATELLA_NAME_MAX_CHARS);
  const char *kept[] = {
    "<b>Step</b> & <i>ups",
    "&amp; &lt;",
    "%s%n%d",
    "=1+1",
    longest,
  };
  const struct { const char *name; const char *words; } refused[] = {
    { too_long, limit },
    { "two\nlines", "one line" },
    { "tab\tbed", "one line" },
    { "carriage\rreturn", "one line" },
    { "\x1b[31mred", "U+001B" },
    { "bell\x07", "U+0007" },
    { "caf\xe9", "UTF-8" },
  };
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *id = g_strdup_printf ("own-%u", i);
      PatellaExercise exercise = {
        .id = id, .name = (char *) kept[i], .dose = (char *) "<b>3 × 10</b> & more",
        .cues = (char *) "line one\nline\ttwo", .target_sets = 1, .enabled = TRUE,
      };

      g_assert_true (patella_store_add_exercise (store, &exercise, &error));
      g_assert_no_error (error);
    }
  exercises = patella_store_list_exercises (store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *id = g_strdup_printf ("own-%u", i);
      gboolean found = FALSE;

      for (guint k = 0; k < exercises->len; k++)
        {
          PatellaExercise *exercise = g_ptr_array_index (exercises, k);

          if (!g_str_equal (exercise->id, id))
            continue;
          found = TRUE;
          g_assert_cmpstr (exercise->name, ==, kept[i]);
          g_assert_cmpstr (patella_exercise_get_display_name (exercise), ==, kept[i]);
          g_assert_cmpstr (exercise->dose, ==, "<b>3 × 10</b> & more");
          g_assert_cmpstr (exercise->cues, ==, "line one\nline\ttwo");
        }
      g_assert_true (found);
    }

  before = snapshot (store);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      PatellaExercise exercise = {
        .id = (char *) "refused", .name = (char *) refused[i].name, .dose = (char *) "",
        .cues = (char *) "", .target_sets = 1, .enabled = TRUE,
      };
      PatellaExercise *own = NULL;

      g_assert_false (patella_store_add_exercise (store, &exercise, &error));
      assert_refused (error, refused[i].words);
      g_clear_error (&error);

      /* Renaming an exercise to it is refused too. */
      for (guint k = 0; k < exercises->len && own == NULL; k++)
        if (!((PatellaExercise *) g_ptr_array_index (exercises, k))->builtin)
          own = patella_exercise_copy (g_ptr_array_index (exercises, k));
      g_assert_nonnull (own);
      g_free (own->name);
      own->name = g_strdup (refused[i].name);
      g_assert_false (patella_store_update_exercise (store, own, &error));
      assert_refused (error, refused[i].words);
      g_clear_error (&error);
      patella_exercise_free (own);
    }
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
import (PatellaStore         *store,
        const char           *data,
        gsize                 length,
        PatellaImportSummary *summary,
        GError              **error)
{
  return patella_csv_import (store, data, length, summary, error);
}

/* Every note that is kept comes back from a CSV export and import as it
 * went in, and the second export is the first, byte for byte. */
static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(PatellaStore) copy = open_store (other);
  g_autofree char *longest = repeat ("😀", PATELLA_NOTE_MAX_CHARS);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kept_notes); i++)
    {
      g_autofree char *day = g_strdup_printf ("2025-03-%02u", i + 1);

      assert_note_kept (store, day, kept_notes[i]);
    }
  assert_note_kept (store, "2025-03-28", longest);

  first = export (store);
  g_assert_true (import (copy, first, strlen (first), &summary, &error));
  g_assert_no_error (error);
  second = export (copy);
  g_assert_cmpstr (second, ==, first);

  for (guint i = 0; i <= G_N_ELEMENTS (kept_notes); i++)
    {
      g_autofree char *day = g_strdup_printf ("2025-03-%02u", i + 1);
      const char *note = i < G_N_ELEMENTS (kept_notes) ? kept_notes[i] : longest;
      g_autoptr(GPtrArray) entries = NULL;
      g_autofree char *rest_note = NULL;
      PatellaRestDayKind kind;
      gboolean found = FALSE;

      if (i == G_N_ELEMENTS (kept_notes))
        g_free (day), day = g_strdup ("2025-03-28");
      entries = patella_store_list_entries (copy, day, PATELLA_ENTRY_ALL, &error);
      g_assert_no_error (error);
      /* Four entries and the rest day. */
      g_assert_cmpuint (entries->len, ==, 5);
      for (guint k = 0; k < entries->len; k++)
        g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, k))->note, ==, note);
      g_assert_true (patella_store_get_rest_day (copy, day, &found, &kind, &rest_note, &error));
      g_assert_true (found);
      g_assert_cmpstr (rest_note, ==, note);
    }
}

/* A UTF-16 file's text, with its byte order mark. */
static GBytes *
utf16 (const char *text,
       gboolean    big_endian)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *converted = g_convert (text, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8",
                                          NULL, &length, &error);
  GByteArray *bytes = g_byte_array_new ();

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) (big_endian ? "\xFE\xFF" : "\xFF\xFE"), 2);
  g_byte_array_append (bytes, (const guint8 *) converted, length);
  return g_byte_array_free_to_bytes (bytes);
}

typedef struct
{
  gconstpointer  data;
  gsize          length;
  int            code;
  const char    *words[3];
} BadFile;

/* Files that must change nothing: each gets a clear message, and the
 * record (with entries of its own) is the same before and after. */
static void
test_csv_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char good[] =
    HEADER
    "2025-06-01,08:00,pain,,,,,,,3,morning,fine\r\n"
    "2025-06-01,18:00,run,,,,30,5,4,,,easy\r\n";
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *over = repeat ("ü", PATELLA_NOTE_MAX_CHARS + 1);
  g_autofree char *at_limit = repeat ("ü", PATELLA_NOTE_MAX_CHARS);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_note = g_string_new (good);
  g_autoptr(GString) control = g_string_new (good);
  g_autoptr(GString) nul = g_string_new (good);
  g_autoptr(GString) cp1252 = g_string_new (good);
  g_autoptr(GBytes) le = NULL;
  g_autoptr(GBytes) be = NULL;
  BadFile cases[6];

  g_assert_cmpint (patella_store_log_pain (store, "2025-05-01", NULL, 2, PATELLA_PAIN_AFTER, "<b>mine</b>", &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2025-05-02", PATELLA_REST_DAY_REST, "&amp;", &error));
  g_assert_no_error (error);

  /* One good note at the limit, then one over it, on record 5. */
  g_string_append_printf (long_note, "2025-06-02,08:00,pain,,,,,,,3,morning,%s\r\n", at_limit);
  g_string_append_printf (long_note, "2025-06-03,08:00,pain,,,,,,,3,morning,\"%s\"\r\n", over);
  /* An escape sequence in a note, on record 4. */
  g_string_append (control, "2025-06-02,,rest-day,rest,,,,,,,,\"\x1b[2J\x1b[31mgotcha\"\r\n");
  /* A NUL in the middle of an otherwise good file. */
  g_string_append (nul, "2025-06-02,08:00,pain,,,,,,,3,morning,nul");
  g_string_append_c (nul, '\0');
  g_string_append (nul, "here\r\n2025-06-03,08:00,pain,,,,,,,3,morning,after\r\n");
  /* Windows-1252 curly quotes, as a spreadsheet may save them. */
  g_string_append (cp1252, "2025-06-02,08:00,pain,,,,,,,3,morning,\x93quoted\x94\r\n");
  le = utf16 (good, FALSE);
  be = utf16 (good, TRUE);

  cases[0] = (BadFile) { long_note->str, long_note->len, PATELLA_CSV_ERROR_RECORDS,
                                   { "record 5:", "2000 characters", "nothing was imported" } };
  cases[1] = (BadFile) { control->str, control->len, PATELLA_CSV_ERROR_RECORDS,
                                   { "record 4:", "U+001B", "nothing was imported" } };
  cases[2] = (BadFile) { nul->str, nul->len, PATELLA_CSV_ERROR_ENCODING,
                                   { "not UTF-8", "binary", "Nothing was imported" } };
  cases[3] = (BadFile) { cp1252->str, cp1252->len, PATELLA_CSV_ERROR_ENCODING,
                                   { "not UTF-8", "another encoding", "Nothing was imported" } };
  cases[4] = (BadFile) { g_bytes_get_data (le, NULL), g_bytes_get_size (le), PATELLA_CSV_ERROR_ENCODING,
                                   { "not UTF-8", "another encoding", "Nothing was imported" } };
  cases[5] = (BadFile) { g_bytes_get_data (be, NULL), g_bytes_get_size (be), PATELLA_CSV_ERROR_ENCODING,
                                   { "not UTF-8", "another encoding", "Nothing was imported" } };

  before = snapshot (store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PatellaImportSummary) summary = { { 0 } };
      g_autofree char *after = NULL;

      g_clear_error (&error);
      g_assert_false (import (store, cases[i].data, cases[i].length, &summary, &error));
      g_assert_error (error, PATELLA_CSV_ERROR, cases[i].code);
      g_test_message ("case %u: %s", i, error->message);
      /* The message is shown in a toast or a dialog: it must be text. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      for (guint w = 0; w < G_N_ELEMENTS (cases[i].words); w++)
        if (strstr (error->message, cases[i].words[w]) == NULL)
          g_error ("case %u: no “%s” in “%s”", i, cases[i].words[w], error->message);
      for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
        g_assert_cmpuint (summary.added[k], ==, 0);
      after = snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }

  /* The good part alone imports, so the refusals were for the bad part. */
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };

    g_clear_error (&error);
    g_assert_true (import (store, good, sizeof good - 1, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.added[PATELLA_ENTRY_PAIN], ==, 1);
  }
}

/* A file over the limit is refused by its size, before it is read. */
static void
test_csv_huge (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.csv", NULL);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  FILE *file;

  /* Sparse: no disk is used for the hole. */
  file = g_fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fputs (HEADER, file), >=, 0);
  g_assert_cmpint (fseeko (file, (off_t) PATELLA_CSV_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), ==, '\n');
  g_assert_cmpint (fclose (file), ==, 0);

  g_assert_false (patella_csv_import_file (store, path, &summary, &error));
  g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "too big"));
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

/* Runs a command of the command line on @path; its output comes back in
 * *@output (when given), its messages in *@messages. */
static int
run_cli_full (const char  *path,
              const char  *command,
              char       **output,
              char       **messages)
{
  PatellaOptions options = { 0 };
  FILE *out = tmpfile ();
  FILE *err = tmpfile ();
  char buffer[4096] = { 0 };
  int status;

  g_assert_nonnull (out);
  g_assert_nonnull (err);
  options.database = g_strdup (path);
  if (g_str_equal (command, "check"))
    status = patella_cli_check (path, out, err);
  else if (g_str_equal (command, "status"))
    status = patella_cli_status (path, "2026-03-01", out, err);
  else if (g_str_equal (command, "warnings"))
    status = patella_cli_warnings (path, NULL, NULL, FALSE, out, err);
  else
    {
      g_autofree char *target = g_strconcat (path, ".", command, ".csv", NULL);

      if (g_str_equal (command, "export-daily-csv"))
        options.export_daily_csv = g_strdup (target);
      else
        options.export_csv = g_strdup (target);
      status = patella_cli_files (&options, out, err);
    }
  rewind (err);
  buffer[fread (buffer, 1, sizeof buffer - 1, err)] = '\0';
  *messages = g_strdup (buffer);
  if (output != NULL)
    {
      rewind (out);
      buffer[fread (buffer, 1, sizeof buffer - 1, out)] = '\0';
      *output = g_strdup (buffer);
    }
  fclose (out);
  fclose (err);
  patella_options_clear (&options);
  return status;
}

static int
run_cli (const char  *path,
         const char  *command,
         char       **messages)
{
  return run_cli_full (path, command, NULL, messages);
}

/* Item 3: a row this version never writes (a day 2026-02-30, put in with
 * the constraints switched off) is an error in plain words for every
 * command that reads it, never a crash. */
static void
test_impossible_day (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *const commands[] = { "warnings", "export-daily-csv", "export-csv", "status" };

  patella_test_make_database (fixture->path, 0);
  g_assert_cmpint (patella_test_sql (fixture->path,
                                     "INSERT INTO runs (day, instant, minutes, distance_km, rpe)"
                                     " VALUES ('2026-02-20', '2026-02-20T08:00:00Z', 30, 5, 4);"
                                     "PRAGMA ignore_check_constraints = ON;"
                                     "INSERT INTO pain_log (day, instant, score, context)"
                                     " VALUES ('2026-02-30', '2026-02-28T10:00:00Z', 3, 'morning');"),
                   ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *messages = NULL;
      int status = run_cli (fixture->path, commands[i], &messages);

      g_test_message ("%s: %d %s", commands[i], status, messages);
      g_assert_cmpint (status, ==, PATELLA_EXIT_FAILED);
      g_assert_nonnull (strstr (messages, "2026-02-30"));
    }
}

/* Changes @path with @sql (outside Patella), then expects --check, an
 * import and a start with the check deferred each to refuse the file with
 * @words in the message, and to leave it byte for byte as it was. */
static void
assert_tampering_refused (const char *path,
                          const char *sql,
                          const char *words)
{
  g_autofree char *csv = g_strconcat (path, ".import.csv", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) deferred = NULL;
  PatellaOptions options = { 0 };
  FILE *out = tmpfile ();
  FILE *err = tmpfile ();

  g_assert_cmpint (patella_test_sql (path, sql), ==, 0);
  before = patella_test_read_file (path);

  g_assert_cmpint (run_cli (path, "check", &messages), ==, PATELLA_EXIT_FAILED);
  g_test_message ("%s", messages);
  g_assert_nonnull (strstr (messages, "not a Patella database as this version writes it"));
  g_assert_nonnull (strstr (messages, words));

  patella_test_write_file (csv, HEADER "2026-02-03,09:00,pain,,,,,,,4,morning,,\r\n", -1);
  options.database = g_strdup (path);
  options.import_csv = g_strdup (csv);
  g_assert_cmpint (patella_cli_files (&options, out, err), ==, PATELLA_EXIT_FAILED);
  patella_options_clear (&options);
  fclose (out);
  fclose (err);

  deferred = patella_store_open_full (path, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_DATABASE);
  g_assert_null (deferred);

  after = patella_test_read_file (path);
  patella_test_assert_bytes_equal (before, after);
}

/* Item 2: a pain_log rebuilt without its constraints, holding a score of
 * 99 and a day 2026-02-30, is not passed as sound. */
static void
test_schema_tampered (Fixture       *fixture,
                      gconstpointer  data)
{
  patella_test_make_database (fixture->path, 3);
  assert_tampering_refused (fixture->path,
                            "PRAGMA writable_schema = ON;"
                            "UPDATE sqlite_schema SET sql = 'CREATE TABLE pain_log (id INTEGER PRIMARY KEY"
                            " AUTOINCREMENT, day TEXT NOT NULL, instant TEXT NOT NULL, score INTEGER NOT NULL,"
                            " context TEXT NOT NULL, note TEXT NOT NULL DEFAULT '''') STRICT'"
                            " WHERE name = 'pain_log';"
                            "PRAGMA writable_schema = OFF;",
                            "pain_log");
  /* The rows the loosened table lets in. */
  assert_tampering_refused (fixture->path,
                            "INSERT INTO pain_log (day, instant, score, context)"
                            " VALUES ('2026-02-30', '2026-02-28T10:00:00Z', 99, 'morning')",
                            "pain_log");
}

/* Only white space differs: the same schema. */
static void
test_schema_whitespace (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *messages = NULL;

  patella_test_make_database (fixture->path, 3);
  g_assert_cmpint (patella_test_sql (fixture->path,
                                     "PRAGMA writable_schema = ON;"
                                     "UPDATE sqlite_schema SET sql = replace(sql, ' ', '  ') WHERE name = 'runs';"
                                     "PRAGMA writable_schema = OFF;"),
                   ==, 0);
  g_assert_cmpint (run_cli (fixture->path, "check", &messages), ==, PATELLA_EXIT_OK);
}

/* Item 4: triggers, views, tables and indexes this version does not
 * create are refused before anything is written; an import can no longer
 * report "Added 1 run" while a trigger deletes every run. */
static void
test_schema_extras (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *sql; const char *words; } extras[] = {
    { "CREATE TRIGGER wipe AFTER INSERT ON pain_log BEGIN DELETE FROM runs; END;", "trigger “wipe”" },
    { "CREATE TRIGGER swallow BEFORE INSERT ON exercise_log BEGIN SELECT RAISE(IGNORE); END;",
      "trigger “swallow”" },
    { "CREATE VIEW everything AS SELECT * FROM runs;", "view “everything”" },
    { "CREATE TABLE extra (x);", "table “extra”" },
    { "CREATE INDEX runs_by_pain ON runs (pain);", "index “runs_by_pain”" },
    { "DROP INDEX runs_by_day;", "index “runs_by_day” is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u", fixture->path, i);

      patella_test_make_database (path, 3);
      assert_tampering_refused (path, extras[i].sql, extras[i].words);
    }
}

/* Item 9: an exercise name and a rest-day note with terminal escape
 * sequences (stored by an older version) are shown as visible signs by
 * --status and written so by the export, which then imports again; no path
 * into the store takes them. */
static void
test_terminal_escapes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *exported = g_strconcat (fixture->path, ".export-csv.csv", NULL);
  g_autofree char *copy = g_strconcat (fixture->path, ".copy", NULL);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  PatellaExercise exercise = {
    .id = (char *) "own", .name = (char *) "Quad \x1b]0;owned\x07", .dose = (char *) "",
    .cues = (char *) "", .target_sets = 3, .enabled = TRUE,
  };

  patella_test_make_database (fixture->path, 0);
  g_assert_cmpint (patella_test_sql (fixture->path,
                                     "INSERT INTO exercises (id, name, target_sets, position)"
                                     " VALUES ('own', 'Quad ' || char(27) || ']0;owned' || char(7), 1, 99);"
                                     "INSERT INTO routine_versions (exercise_id, from_day, enabled, target_sets, position)"
                                     " VALUES ('own', '1900-01-01', 1, 1, 99);"
                                     "INSERT INTO rest_days (day, kind, note) VALUES ('2026-03-01', 'rest',"
                                     " char(27) || ']8;;http://evil.example' || char(27) || '\\link'"
                                     " || char(27) || ']8;;' || char(27) || '\\ ' || char(0x9b) || '2J');"),
                   ==, 0);

  g_assert_cmpint (run_cli_full (fixture->path, "status", &output, &messages), ==, PATELLA_EXIT_OK);
  g_test_message ("%s", output);
  g_assert_null (strchr (output, '\x1b'));
  g_assert_null (strchr (output, '\x07'));
  g_assert_null (strstr (output, "\xc2\x9b"));
  g_assert_nonnull (strstr (output, "Quad ␛]0;owned␇"));
  g_assert_nonnull (strstr (output, "␛]8;;http://evil.example␛\\link"));

  g_clear_pointer (&messages, g_free);
  g_assert_cmpint (run_cli (fixture->path, "export-csv", &messages), ==, PATELLA_EXIT_OK);
  csv = patella_test_read_file (exported);
  g_assert_null (memchr (g_bytes_get_data (csv, NULL), '\x1b', g_bytes_get_size (csv)));
  store = patella_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (patella_csv_import (store, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &summary,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added[PATELLA_ENTRY_REST_DAY], ==, 1);

  /* The editor's path into the store refuses them. */
  g_assert_false (patella_store_update_exercise (store, &exercise, &error));
  assert_refused (error, "U+001B");
}

typedef struct
{
  char  *fifo;
  gsize  written;
} Feeder;

/* Writes a header, then far more than the limit, into a FIFO, until the
 * reader goes away. */
static gpointer
feed_fifo (gpointer data)
{
  Feeder *feeder = data;
  g_autofree char *chunk = g_malloc (1024 * 1024);
  int fd = g_open (feeder->fifo, O_WRONLY | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  memset (chunk, 'x', 1024 * 1024);
  feeder->written = (gsize) write (fd, HEADER, strlen (HEADER));
  while (feeder->written < (gsize) PATELLA_CSV_MAX_BYTES + 64 * 1024 * 1024)
    {
      gssize n = write (fd, chunk, 1024 * 1024);

      if (n <= 0)
        break;
      feeder->written += (gsize) n;
    }
  close (fd);
  return NULL;
}

/* Item 7: the import limit holds for every kind of file. A FIFO (as
 * /dev/stdin is, behind a pipe) is read only up to the limit; a device is
 * refused before it is read. */
static void
test_import_limit_any_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *before = snapshot (store);
  Feeder feeder = { g_build_filename (fixture->dir, "fifo", NULL), 0 };
  GThread *thread;

  signal (SIGPIPE, SIG_IGN);
  g_assert_cmpint (mkfifo (feeder.fifo, 0600), ==, 0);
  thread = g_thread_new ("feeder", feed_fifo, &feeder);
  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_autoptr(GError) error = NULL;

    g_assert_false (patella_csv_import_file (store, feeder.fifo, &summary, &error));
    g_assert_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_TOO_BIG);
  }
  g_thread_join (thread);
  /* What was read, and what the pipe and one chunk held besides. */
  g_assert_cmpuint (feeder.written, <=, (gsize) PATELLA_CSV_MAX_BYTES + 4 * 1024 * 1024);
  g_free (feeder.fifo);

  {
    g_auto(PatellaImportSummary) summary = { { 0 } };
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;

    g_assert_false (patella_csv_import_file (store, "/dev/zero", &summary, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    g_assert_nonnull (strstr (error->message, "device"));
    after = snapshot (store);
    g_assert_cmpstr (after, ==, before);
  }
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Item 1: a database path that is a link to a world-readable file: the
 * real file, its log and its index are made private, beside the real
 * file, when the app or a bare --check opens it; nothing appears beside
 * the link. */
static void
test_symlink_sidecars (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *real_dir = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *real = g_build_filename (real_dir, "patella.db", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
  const char *const suffixes[] = { "", "-wal", "-shm" };

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  patella_test_make_database (real, 3);
  g_assert_cmpint (symlink (real, link), ==, 0);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(PatellaStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_chmod (real, 0644), ==, 0);
      if (round == 0)
        {
          store = patella_store_open (link, &error);
          g_assert_no_error (error);
          g_assert_cmpint (patella_store_log_pain (store, "2026-02-03", NULL, 2, PATELLA_PAIN_MORNING, NULL,
                                                   &error), >, 0);
          g_assert_no_error (error);
        }
      else
        {
          g_autofree char *messages = NULL;

          g_assert_cmpint (run_cli (link, "check", &messages), ==, PATELLA_EXIT_OK);
        }

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *beside_real = g_strconcat (real, suffixes[i], NULL);
          g_autofree char *beside_link = g_strconcat (link, suffixes[i], NULL);

          if (g_file_test (beside_real, G_FILE_TEST_EXISTS))
            g_assert_cmpuint (file_mode (beside_real), ==, 0600);
          if (i > 0)
            g_assert_false (g_file_test (beside_link, G_FILE_TEST_EXISTS));
        }
      if (round == 0)
        {
          g_autofree char *wal = g_strconcat (real, "-wal", NULL);

          g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
          g_assert_cmpstr (patella_store_get_path (store), ==, real);
        }
    }
}

/* A link whose file is gone: said in words, and nothing is created. */
static void
test_dangling_symlink (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *gone = g_build_filename (fixture->dir, "gone.db", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;

  g_assert_cmpint (symlink (gone, link), ==, 0);
  store = patella_store_open (link, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is a link to"));
  g_assert_nonnull (strstr (error->message, "gone.db"));
  g_assert_null (strstr (error->message, "File exists"));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/hostile/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("notes-kept", test_notes_kept);
  ADD ("notes-refused", test_notes_refused);
  ADD ("note-limit", test_note_limit);
  ADD ("names", test_names);
  ADD ("csv-round-trip", test_csv_round_trip);
  ADD ("csv-refused", test_csv_refused);
  ADD ("csv-huge", test_csv_huge);
  ADD ("impossible-day-no-crash", test_impossible_day);
  ADD ("schema-tampered-refused", test_schema_tampered);
  ADD ("schema-whitespace-same", test_schema_whitespace);
  ADD ("schema-extra-triggers-refused", test_schema_extras);
  ADD ("terminal-escapes-shown-visible", test_terminal_escapes);
  ADD ("import-limit-any-file", test_import_limit_any_file);
  ADD ("symlink-sidecars-private", test_symlink_sidecars);
  ADD ("dangling-symlink-named", test_dangling_symlink);
#undef ADD

  return g_test_run ();
}
