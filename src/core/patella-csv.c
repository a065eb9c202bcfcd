/* patella-csv.c: the history as CSV, out and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export writes RFC 4180 (CRLF, quotes where needed), numbers with "."
 * whatever the locale, and a "'" before text that a spreadsheet would run
 * as a formula. Rows are sorted by their own bytes, which is date, then
 * time, then kind, and makes export, import, export byte-identical.
 *
 * Import parses with libcsv, checks every record before writing any, and
 * adds all of the file or none of it in one transaction. A record equal in
 * every field to one already there (or earlier in the file) is skipped.
 */
#define G_LOG_DOMAIN "patella-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-csv.h"
#include "patella-day.h"
#include "patella-files.h"
#include "patella-routine.h"
#include "patella-store-outcomes.h"
#include "patella-warnings.h"

G_DEFINE_QUARK (patella-csv-error-quark, patella_csv_error)

#define MAX_LISTED_PROBLEMS 20

/* How far ahead a moment in a file may be: clocks differ a little. */
#define FUTURE_SLACK_SECONDS 300

static const char *const kind_names[PATELLA_N_ENTRY_KINDS] = {
  "exercise", "pain", "run", "rest-day",
};

enum {
  COL_DATE, COL_TIME, COL_KIND, COL_ITEM, COL_SETS, COL_REPS, COL_MINUTES,
  COL_DISTANCE, COL_RPE, COL_PAIN, COL_CONTEXT, COL_NOTE, COL_UTC, COL_SIDE, COL_RESULT, N_COLUMNS
};

static const char *const column_names[N_COLUMNS] = {
  "date", "time", "kind", "item", "sets", "reps", "minutes", "distance_km", "rpe", "pain",
  "context", "note", "utc", "side", "result",
};

/* The kinds that are not log entries: a check-in's answer and a self-test. */
#define KIND_OUTCOME "outcome"
#define KIND_TEST "test"

/* What a line holds: the export writes both times; duplicates are found
 * by the exact instant when the file has one, else by the local time. */
typedef enum
{
  LINE_LOCAL_TIME = 1 << 0,
  LINE_UTC        = 1 << 1,
} LineParts;

/* Whether a spreadsheet could read @text as a formula (OWASP's list, and
 * what spreadsheets also take for one: the same after spaces or a line
 * break, and the full-width forms), or it starts with the "'" that import
 * takes off. */
static gboolean
may_start_formula (const char *text)
{
  static const char *const full_width[] = { "\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0" };
  const char *p = text;

  if (text[0] != '\0' && strchr ("=+-@\t\r\n'", text[0]) != NULL)
    return TRUE;
  while (*p == ' ')
    p++;
  if (*p != '\0' && strchr ("=+-@", *p) != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (full_width); i++)
    if (g_str_has_prefix (p, full_width[i]))
      return TRUE;
  return FALSE;
}

/* Text as one CSV cell: a "'" before what a spreadsheet would take for a
 * formula (and before a leading "'", so that import can always take one
 * off), quotes around what needs them, inner quotes doubled. */
static void
append_text (GString    *line,
             const char *text)
{
  g_autofree char *visible = NULL;
  g_autofree char *value = NULL;
  gsize len;

  /* A control character an older version kept is written as a visible
   * sign: the file stays importable and harmless on a terminal. */
  visible = patella_text_make_visible (text, TRUE);
  value = may_start_formula (visible) ? g_strconcat ("'", visible, NULL) : g_steal_pointer (&visible);
  len = strlen (value);

  if (strpbrk (value, ",\"\r\n") != NULL ||
      (len > 0 && (value[0] == ' ' || value[len - 1] == ' ' || value[len - 1] == '\t')))
    {
      g_string_append_c (line, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, value);
}

/* The shortest digits that read back to the same double, with a "." */
static void
append_number (GString *line,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

/* @zone is the local time zone, looked up once by the caller: GLib reads
 * /etc/localtime again each time it is asked, which on a long history cost
 * more than the rest of the line. */
static char *
format_entry (const PatellaEntry *e,
              GTimeZone          *zone,
              LineParts           parts)
{
  GString *line = g_string_new (e->day);

  g_string_append_c (line, ',');
  if (e->instant != NULL && (parts & LINE_LOCAL_TIME))
    {
      g_autoptr(GDateTime) instant = patella_instant_parse (e->instant);
      g_autoptr(GDateTime) local = instant ? g_date_time_to_timezone (instant, zone) : NULL;

      if (local != NULL)
        g_string_append_printf (line, "%02d:%02d", g_date_time_get_hour (local), g_date_time_get_minute (local));
    }
  g_string_append_printf (line, ",%s,", kind_names[e->kind]);

  switch (e->kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      append_text (line, e->exercise_id);
      g_string_append_printf (line, ",%d,", e->sets);
      if (e->reps > 0)
        g_string_append_printf (line, "%d", e->reps);
      g_string_append (line, ",,,,");
      if (e->pain >= 0)
        g_string_append_printf (line, "%d", e->pain);
      g_string_append (line, ",,");
      break;

    case PATELLA_ENTRY_PAIN:
      g_string_append_printf (line, ",,,,,,%d,%s,", e->score, patella_pain_context_to_string (e->context));
      break;

    case PATELLA_ENTRY_RUN:
      g_string_append (line, ",,,");
      append_number (line, e->minutes);
      g_string_append_c (line, ',');
      append_number (line, e->distance_km);
      g_string_append_printf (line, ",%d,", e->rpe);
      if (e->pain >= 0)
        g_string_append_printf (line, "%d", e->pain);
      g_string_append (line, ",,");
      break;

    case PATELLA_ENTRY_REST_DAY:
    case PATELLA_N_ENTRY_KINDS:
    default:
      g_string_append_printf (line, "%s,,,,,,,,", patella_rest_day_kind_to_string (e->rest_kind));
      break;
    }

  append_text (line, e->note);
  if (parts & LINE_UTC)
    {
      g_string_append_c (line, ',');
      if (e->instant != NULL)
        g_string_append (line, e->instant);
    }
  return g_string_free (line, FALSE);
}

/* The lines of a history, formatted in one time zone. */
typedef struct
{
  GPtrArray *lines;
  GTimeZone *zone;
} Lines;

static void
collect_line (const PatellaEntry *entry,
              gpointer            user_data)
{
  Lines *lines = user_data;

  g_autofree char *line = format_entry (entry, lines->zone, LINE_LOCAL_TIME | LINE_UTC);

  /* side and result are for self-tests only. */
  g_ptr_array_add (lines->lines, g_strconcat (line, ",,", NULL));
}

/* A check-in's answer: the value in "pain", empty for an activity not done. */
static char *
format_outcome (const char         *day,
                PatellaOutcomeItem  item,
                int                 value)
{
  g_autofree char *number = value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");

  return g_strdup_printf ("%s,," KIND_OUTCOME ",%s,,,,,,%s,,,,,", day, patella_outcome_item_to_string (item), number);
}

/* A self-test of one leg: the pain during it in "pain", then side and result. */
static char *
format_test (const PatellaSelfTest *test)
{
  g_autofree char *number = test->pain >= 0 ? g_strdup_printf ("%d", test->pain) : g_strdup ("");

  return g_strdup_printf ("%s,," KIND_TEST "," PATELLA_SELF_TEST_ITEM ",,,,,,%s,,,,%s,%s", test->day, number,
                          patella_leg_to_string (test->side), patella_squat_result_to_string (test->result));
}

static gboolean
collect_outcome_lines (PatellaStore  *store,
                       GPtrArray     *lines,
                       GError       **error)
{
  g_autoptr(GPtrArray) checkins = patella_store_list_checkins (store, error);
  g_autoptr(GPtrArray) tests = NULL;

  if (checkins == NULL)
    return FALSE;
  for (guint i = 0; i < checkins->len; i++)
    {
      PatellaCheckinAnswers *answers = g_ptr_array_index (checkins, i);

      for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
        if (answers->values[item] != PATELLA_OUTCOME_UNANSWERED)
          g_ptr_array_add (lines, format_outcome (answers->day, item, answers->values[item]));
    }
  tests = patella_store_list_self_tests (store, error);
  if (tests == NULL)
    return FALSE;
  for (guint i = 0; i < tests->len; i++)
    g_ptr_array_add (lines, format_test (g_ptr_array_index (tests, i)));
  return TRUE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_all (GOutputStream  *out,
           GString        *buffer,
           GCancellable   *cancellable,
           GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);

  g_string_truncate (buffer, 0);
  return ok;
}

gboolean
patella_csv_export (PatellaStore   *store,
                    GOutputStream  *out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GString) buffer = g_string_new (PATELLA_CSV_HEADER "\r\n");
  Lines collected = { lines, zone };

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (!patella_store_foreach_entry (store, NULL, NULL, PATELLA_ENTRY_ALL, collect_line, &collected, error) ||
      !collect_outcome_lines (store, lines, error))
    return FALSE;
  g_ptr_array_sort (lines, compare_lines);

  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (buffer, g_ptr_array_index (lines, i));
      g_string_append (buffer, "\r\n");
      if (buffer->len > 64 * 1024 && !write_all (out, buffer, cancellable, error))
        return FALSE;
    }
  return write_all (out, buffer, cancellable, error);
}

/* Parsing */

/* What libcsv hands over, one record at a time: the cells are kept in one
 * reused buffer rather than a string each, and each record becomes an entry
 * (or a problem) as soon as it is read, so a long file is not held twice. */
typedef struct
{
  GString   *text;      /* the current record's cells, each ending in NUL */
  GArray    *offsets;   /* of guint: where each cell starts in text */
  GPtrArray *cells;     /* pointers into text, for the record just ended */
  guint      n_records;
  void     (*record) (GPtrArray *cells, guint number, gpointer data);
  gpointer   data;
} Reader;

static void
field_done (void   *text,
            size_t  len,
            void   *data)
{
  Reader *reader = data;
  guint offset = (guint) reader->text->len;

  g_array_append_val (reader->offsets, offset);
  g_string_append_len (reader->text, text ? text : "", (gssize) len);
  g_string_append_c (reader->text, '\0');
}

static void
record_done (int   terminator,
             void *data)
{
  Reader *reader = data;

  g_ptr_array_set_size (reader->cells, 0);
  for (guint i = 0; i < reader->offsets->len; i++)
    g_ptr_array_add (reader->cells, reader->text->str + g_array_index (reader->offsets, guint, i));
  reader->record (reader->cells, ++reader->n_records, reader->data);
  g_string_truncate (reader->text, 0);
  g_array_set_size (reader->offsets, 0);
}

/* Spaces are part of a cell: the export quotes what needs it. */
static int
no_spaces (unsigned char c)
{
  return 0;
}

static const char *
cell (GPtrArray  *record,
      const int  *columns,
      int         column)
{
  int index = columns[column];

  if (index < 0 || (guint) index >= record->len)
    return "";
  return g_ptr_array_index (record, index);
}

/* Digits, then perhaps "." and digits: what the export writes and
 * spreadsheets keep. No sign, spaces, exponent or hexadecimal. */
static gboolean
is_plain_number (const char *text,
                 gboolean    decimals)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (decimals && *p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return *p == '\0' && strlen (text) <= 24;
}

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *out)
{
  gint64 value;

  if (!is_plain_number (text, FALSE))
    return FALSE;
  value = g_ascii_strtoll (text, NULL, 10);
  if (value < min || value > max)
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  if (!is_plain_number (text, TRUE))
    return FALSE;
  *out = g_ascii_strtod (text, NULL);
  return isfinite (*out);
}

/* "YYYY-MM-DD" in form, with a year before any Patella keeps. */
static gboolean
is_before_first_year (const char *date)
{
  static const guint digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (date[digits[i]]))
      return FALSE;
  return g_ascii_strtoull (date, NULL, 10) < PATELLA_FIRST_YEAR;
}

/* What is wrong with a date that could not be read. */
static char *
date_problem (const char *date,
              gboolean    ambiguous)
{
  if (ambiguous)
    return g_strdup_printf (_("the date “%s” could be read day first or month first; write it as YYYY-MM-DD"),
                            date);
  if (is_before_first_year (date))
    /* Translators: %d is the first year Patella keeps, 1900 */
    return g_strdup_printf (_("the date %s is before %d-01-01, the earliest day Patella keeps"), date,
                            PATELLA_FIRST_YEAR);
  return g_strdup_printf (_("the date “%s” is not a day in the form YYYY-MM-DD"), date);
}

/* A record of kind "outcome" or "test": not a log entry, but a check-in's
 * answer or a self-test of one leg, kept in tables of their own. */
typedef struct
{
  guint               number;
  gboolean            is_test;
  char               *day;
  PatellaOutcomeItem  item;    /* outcome */
  int                 value;   /* outcome: PATELLA_OUTCOME_NOT_DONE when empty */
  PatellaSelfTest     test;    /* test; its day is @day */
} OtherRow;

static void
other_row_free (OtherRow *row)
{
  g_free (row->day);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtherRow, other_row_free)

static gboolean
is_other_kind (const char *kind)
{
  return g_str_equal (kind, KIND_OUTCOME) || g_str_equal (kind, KIND_TEST);
}

/* Reads an outcome or test record; both state a day only, no time. */
static OtherRow *
read_other_record (GPtrArray   *record,
                   const int   *columns,
                   const char  *today,
                   char       **problem)
{
  g_autoptr(OtherRow) row = g_new0 (OtherRow, 1);
  const char *date = cell (record, columns, COL_DATE);
  const char *item = cell (record, columns, COL_ITEM);
  const char *pain = cell (record, columns, COL_PAIN);
  gboolean ambiguous = FALSE;
  GDate parsed;

#define PROBLEM(...) G_STMT_START { *problem = g_strdup_printf (__VA_ARGS__); return NULL; } G_STMT_END

  row->is_test = g_str_equal (cell (record, columns, COL_KIND), KIND_TEST);
  if (!patella_day_parse_sheet (date, &parsed, &ambiguous))
    {
      *problem = date_problem (date, ambiguous);
      return NULL;
    }
  row->day = patella_day_format (&parsed);
  if (g_strcmp0 (row->day, today) > 0)
    PROBLEM (_("the date %s has not happened yet"), row->day);

  if (!row->is_test)
    {
      if (!patella_outcome_item_from_string (item, &row->item))
        PROBLEM (_("“%s” is not a check-in item (usual-pain, worst-pain, walking, running, squatting, "
                   "sitting, stairs-up, stairs-down, kneeling or global-change)"), item);
      row->value = PATELLA_OUTCOME_NOT_DONE;
      if ((pain[0] != '\0' && !parse_int (pain, 0, 10, &row->value)) ||
          !patella_outcome_value_is_valid (row->item, row->value))
        {
          if (row->item == PATELLA_OUTCOME_GLOBAL_CHANGE)
            PROBLEM (_("the change since starting must be a whole number from 1 (very much worse) "
                       "to 7 (very much better)"));
          if (patella_outcome_item_allows_not_done (row->item))
            PROBLEM (_("pain must be empty (not done) or a whole number from 0 to 10"));
          PROBLEM (_("pain must be a whole number from 0 to 10"));
        }
      return g_steal_pointer (&row);
    }

  row->test.day = row->day;
  if (!g_str_equal (item, PATELLA_SELF_TEST_ITEM))
    PROBLEM (_("a test row’s item must be %s, not “%s”"), PATELLA_SELF_TEST_ITEM, item);
  if (!patella_leg_from_string (cell (record, columns, COL_SIDE), &row->test.side))
    PROBLEM (_("the side “%s” is not left or right"), cell (record, columns, COL_SIDE));
  if (!patella_squat_result_from_string (cell (record, columns, COL_RESULT), &row->test.result))
    PROBLEM (_("the result “%s” is not one of centred, wobbles or drops-inward"),
             cell (record, columns, COL_RESULT));
  row->test.pain = -1;
  if (pain[0] != '\0' && !parse_int (pain, 0, 10, &row->test.pain))
    PROBLEM (_("pain must be empty or a whole number from 0 to 10"));
#undef PROBLEM

  return g_steal_pointer (&row);
}

/* Reads one record into an entry, or says what is wrong with it. */
static PatellaEntry *
read_record (GPtrArray   *record,
             const int   *columns,
             const char  *today,
             gint64       now,
             GTimeZone   *zone,
             char       **moved_to,
             char       **problem)
{
  g_autoptr(PatellaEntry) e = NULL;
  const char *date = cell (record, columns, COL_DATE);
  const char *time = cell (record, columns, COL_TIME);
  const char *kind = cell (record, columns, COL_KIND);
  const char *item = cell (record, columns, COL_ITEM);
  const char *note = cell (record, columns, COL_NOTE);
  const char *utc = cell (record, columns, COL_UTC);
  int hour = 12, minute = 0, second = 0;
  gunichar control = 0;
  gboolean ambiguous = FALSE;
  g_autoptr(GDateTime) instant = NULL;
  GDate parsed;

#define PROBLEM(...) G_STMT_START { *problem = g_strdup_printf (__VA_ARGS__); return NULL; } G_STMT_END

  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    if (g_str_equal (kind, kind_names[k]))
      e = patella_entry_new ((PatellaEntryKind) k);
  if (e == NULL)
    PROBLEM (_("the kind “%s” is not one of exercise, pain, run, rest-day, outcome or test"), kind);

  /* As a spreadsheet may write them back: "2026/03/01", "07:00:00 AM". A
   * utc cell decides the moment, and the day when the date cannot. */
  if (utc[0] != '\0' && e->kind != PATELLA_ENTRY_REST_DAY)
    {
      instant = patella_instant_parse_sheet (utc);
      if (instant == NULL)
        PROBLEM (_("the utc time “%s” is not a moment such as 2026-03-29T21:30:00Z"), utc);
    }
  if (patella_day_parse_sheet (date, &parsed, &ambiguous))
    e->day = patella_day_format (&parsed);
  else if (instant != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, zone);

      e->day = patella_day_from_datetime (local);
      g_date_clear (&parsed, 1);
      g_date_set_dmy (&parsed, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
    }
  else
    {
      *problem = date_problem (date, ambiguous);
      return NULL;
    }
  /* A day ahead of here may have begun in a zone ahead (Kiritimati is 14
   * hours ahead of UTC); with a moment the moment decides, below. */
  if (g_strcmp0 (e->day, today) > 0 &&
      (instant == NULL || e->kind == PATELLA_ENTRY_REST_DAY || patella_day_diff (today, e->day) > 1))
    PROBLEM (_("the date %s has not happened yet"), e->day);

  /* A leading "'" was added on export to stop spreadsheet formulas. */
  if (note[0] == '\'')
    note++;
  /* The store's rules for a note (see patella-entry.h); the file is
   * already known to be UTF-8. */
  switch (patella_text_validate (note, PATELLA_NOTE_MAX_CHARS, TRUE, &control))
    {
    case PATELLA_TEXT_TOO_LONG:
      PROBLEM (_("the note is longer than %d characters"), PATELLA_NOTE_MAX_CHARS);
    case PATELLA_TEXT_CONTROL:
      PROBLEM (_("the note holds an invisible control character (U+%04X)"), control);
    case PATELLA_TEXT_NOT_UTF8:
      PROBLEM (_("the note is not UTF-8 text"));
    case PATELLA_TEXT_OK:
    default:
      break;
    }
  e->note = g_strdup (note);

  if (e->kind != PATELLA_ENTRY_REST_DAY)
    {
      g_autoptr(GDateTime) local = NULL;

      if (time[0] != '\0' && !patella_time_parse (time, PATELLA_TIME_FORM_SHEET, &hour, &minute, &second))
        PROBLEM (_("the time “%s” is not in the form HH:MM, HH:MM:SS or h:MM:SS AM"), time);
      if (instant != NULL)
        {
          /* The exact moment, whatever zone the file was written in; the
           * time column is then for reading. */
          g_autoptr(GDateTime) in_utc = g_date_time_to_utc (instant);
          g_autofree char *utc_day = g_date_time_format (in_utc, "%Y-%m-%d");

          if (g_date_time_to_unix (instant) > now + FUTURE_SLACK_SECONDS)
            PROBLEM (_("the utc time %s has not happened yet"), utc);
          /* Every zone's day is within a day of UTC's; a set may be logged
           * for its day later, never before the day began. */
          if (patella_day_diff (e->day, utc_day) < -1)
            PROBLEM (_("the utc time %s is more than a day before the date %s"), utc, e->day);
          e->instant = patella_instant_format (instant);
        }
      else
        {
          local = g_date_time_new (zone, g_date_get_year (&parsed), g_date_get_month (&parsed),
                                   g_date_get_day (&parsed), hour, minute, second);
          if (local == NULL)
            PROBLEM (_("the time %s does not exist on %s"), time, date);
          /* In the hour the clocks skip here GLib moves it on: said in
           * the summary. */
          if (g_date_time_get_hour (local) != hour || g_date_time_get_minute (local) != minute)
            *moved_to = g_date_time_format (local, "%H:%M");
          e->instant = patella_instant_format (local);
        }
    }

  if (item[0] == '\'')
    item++;

  switch (e->kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      if (!patella_exercise_id_is_valid (item))
        PROBLEM (_("“%s” is not an exercise id (lower-case letters, digits and “-”)"), item);
      e->exercise_id = g_strdup (item);
      if (!parse_int (cell (record, columns, COL_SETS), 1, PATELLA_SETS_MAX, &e->sets))
        PROBLEM (_("sets must be a whole number from 1 to %d"), PATELLA_SETS_MAX);
      if (cell (record, columns, COL_REPS)[0] != '\0' &&
          !parse_int (cell (record, columns, COL_REPS), 1, PATELLA_REPS_MAX, &e->reps))
        PROBLEM (_("reps must be empty or a whole number from 1 to %d"), PATELLA_REPS_MAX);
      break;

    case PATELLA_ENTRY_PAIN:
      if (!parse_int (cell (record, columns, COL_PAIN), 0, 10, &e->score))
        PROBLEM (_("pain must be a whole number from 0 to 10"));
      if (!patella_pain_context_from_string (cell (record, columns, COL_CONTEXT), &e->context))
        PROBLEM (_("the context “%s” is not one of morning, during, after, rest, stairs, sitting or other"),
                 cell (record, columns, COL_CONTEXT));
      break;

    case PATELLA_ENTRY_RUN:
      if (!parse_double (cell (record, columns, COL_MINUTES), &e->minutes) ||
          !(e->minutes > 0 && e->minutes <= PATELLA_RUN_MINUTES_MAX))
        PROBLEM (_("minutes must be a number above 0 and at most 1440, with “.” for decimals"));
      if (!parse_double (cell (record, columns, COL_DISTANCE), &e->distance_km) ||
          !(e->distance_km >= 0 && e->distance_km <= PATELLA_RUN_KM_MAX))
        PROBLEM (_("distance_km must be a number from 0 to 1000, with “.” for decimals"));
      if (!parse_int (cell (record, columns, COL_RPE), 0, 10, &e->rpe))
        PROBLEM (_("rpe must be a whole number from 0 to 10"));
      break;

    case PATELLA_ENTRY_REST_DAY:
    case PATELLA_N_ENTRY_KINDS:
    default:
      if (!patella_rest_day_kind_from_string (item, &e->rest_kind))
        PROBLEM (_("a rest-day row’s item must be rest or sick, not “%s”"), item);
      break;
    }

  /* A set's pain during the exercise and a run's pain: both optional. */
  if ((e->kind == PATELLA_ENTRY_EXERCISE || e->kind == PATELLA_ENTRY_RUN) &&
      cell (record, columns, COL_PAIN)[0] != '\0' &&
      !parse_int (cell (record, columns, COL_PAIN), 0, 10, &e->pain))
    PROBLEM (_("pain must be empty or a whole number from 0 to 10"));
#undef PROBLEM

  return g_steal_pointer (&e);
}

void
patella_import_summary_clear (PatellaImportSummary *summary)
{
  g_clear_pointer (&summary->new_exercises, g_strfreev);
  g_clear_pointer (&summary->first_moved, g_free);
}

/* One kind of entry with its count, as a complete phrase: "1 run", "3 runs". */
static char *
describe_count (PatellaEntryKind kind, guint n)
{
  switch (kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      /* Translators: a part of the import summary, joined to the others with
         the list separators below: "Added 3 pain scores, 1 run and 12 exercise sets." */
      return g_strdup_printf (ngettext ("%u exercise set", "%u exercise sets", n), n);
    case PATELLA_ENTRY_PAIN:
      /* Translators: a part of the import summary, see "%u exercise set" */
      return g_strdup_printf (ngettext ("%u pain score", "%u pain scores", n), n);
    case PATELLA_ENTRY_RUN:
      /* Translators: a part of the import summary, see "%u exercise set" */
      return g_strdup_printf (ngettext ("%u run", "%u runs", n), n);
    case PATELLA_ENTRY_REST_DAY:
    case PATELLA_N_ENTRY_KINDS:
    default:
      /* Translators: a part of the import summary, see "%u exercise set" */
      return g_strdup_printf (ngettext ("%u rest or sick day", "%u rest or sick days", n), n);
    }
}

/* The kinds with a count above zero, as a list: "3 pain scores, 1 run and 12
 * exercise sets"; NULL when every count is zero. */
static char *
describe_counts (const guint counts[PATELLA_N_ENTRY_KINDS],
                 guint       outcomes,
                 guint       tests)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text;

  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    if (counts[k] > 0)
      g_ptr_array_add (parts, describe_count ((PatellaEntryKind) k, counts[k]));
  if (outcomes > 0)
    /* Translators: a part of the import summary, see "%u exercise set" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u check-in answer", "%u check-in answers", outcomes),
                                             outcomes));
  if (tests > 0)
    /* Translators: a part of the import summary, see "%u exercise set" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u self-test result", "%u self-test results", tests),
                                             tests));
  if (parts->len == 0)
    return NULL;

  text = g_string_new (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      if (i + 1 < parts->len)
        /* Translators: the separator between the parts of a list ("3 pain
           scores, 1 run and 12 exercise sets"), except before the last one */
        g_string_append (text, C_("list", ", "));
      else
        /* Translators: the separator before the last part of a list ("1 run
           and 12 exercise sets"); keep the spaces */
        g_string_append (text, C_("list", " and "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  return g_string_free (text, FALSE);
}

char *
patella_import_summary_describe (const PatellaImportSummary *summary)
{
  g_autofree char *added = describe_counts (summary->added, summary->added_outcomes, summary->added_tests);
  g_autofree char *skipped = describe_counts (summary->skipped, summary->skipped_outcomes, summary->skipped_tests);
  GString *text = g_string_new (NULL);

  if (added != NULL)
    /* Translators: %s is a list such as "3 pain scores, 1 run and 12 exercise sets" */
    g_string_append_printf (text, _("Added %s."), added);
  else
    g_string_append (text, _("Nothing new was added."));
  if (skipped != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: %s is a list such as "2 pain scores and 1 run" */
      g_string_append_printf (text, _("Skipped %s already in the log."), skipped);
    }
  if (summary->new_exercises != NULL && summary->new_exercises[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", summary->new_exercises);
      guint n = g_strv_length (summary->new_exercises);

      g_string_append_c (text, ' ');
      /* Translators: %u is how many, %s their ids */
      g_string_append_printf (text, ngettext ("%u exercise was new here and was added to your own, "
                                              "switched off: %s.",
                                              "%u exercises were new here and were added to your own, "
                                              "switched off: %s.", n),
                              n, ids);
    }
  if (summary->n_moved > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u is how many; %s says which, such as "record 5, 02:30 on
         2026-03-29, is stored at 03:30" */
      g_string_append_printf (text, ngettext ("%u time falls in the hour the clocks skip here: %s.",
                                              "%u times fall in the hour the clocks skip here; the first: %s.",
                                              summary->n_moved),
                              summary->n_moved, summary->first_moved);
    }
  return g_string_free (text, FALSE);
}

static void
set_records_error (GError    **error,
                   GPtrArray  *problems,
                   guint       n_problems)
{
  g_autoptr(GString) message = g_string_new (NULL);

  g_string_printf (message, ngettext ("%u record is wrong, so nothing was imported:",
                                      "%u records are wrong, so nothing was imported:", n_problems),
                   n_problems);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (problems, i));
  if (n_problems > MAX_LISTED_PROBLEMS)
    g_string_append_printf (message, ngettext ("\n…and %u more.", "\n…and %u more.",
                                               n_problems - MAX_LISTED_PROBLEMS),
                            n_problems - MAX_LISTED_PROBLEMS);
  g_set_error_literal (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS, message->str);
}

typedef struct
{
  GTimeZone            *zone;            /* local */
  LineParts             key;             /* what makes two entries the same */
  GPtrArray            *entries;         /* checked, in file order */
  GArray               *record_numbers;  /* of each entry, for messages */
  const char           *first, *last;    /* the days the file spans */
  PatellaImportSummary *summary;
  GPtrArray            *new_ids;
  GPtrArray            *others;          /* of OtherRow, in file order */
} ImportPlan;

typedef struct
{
  GHashTable *counts;
  GHashTable *rest_days;   /* day → line of the rest or sick day there */
  GHashTable *untimed;     /* for a file without utc: line without time → GArray of minutes */
  GTimeZone  *zone;
  LineParts   key;
} Counts;

/* Whole minutes since 1970 of @entry's moment: in UTC, or, with @local, as
 * the wall clock in @zone reads it (the time a file states, as if UTC). */
static gint64
entry_minutes (const PatellaEntry *entry,
               GTimeZone          *zone,
               gboolean            local)
{
  g_autoptr(GDateTime) instant = patella_instant_parse (entry->instant);
  g_autoptr(GDateTime) there = NULL;

  if (instant == NULL)
    return 0;
  if (!local)
    return g_date_time_to_unix (instant) / 60;
  there = g_date_time_to_timezone (instant, zone);
  return (g_date_time_to_unix (there) + g_date_time_get_utc_offset (there) / G_USEC_PER_SEC) / 60;
}

static void
untimed_add (GHashTable *untimed,
             char       *line,
             gint64      minutes)
{
  GArray *times = g_hash_table_lookup (untimed, line);

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (untimed, line, times);
    }
  else
    g_free (line);
  g_array_append_val (times, minutes);
}

/* Takes from @times the moment @minutes, if it is there. */
static gboolean
untimed_take (GArray *times,
              gint64  minutes)
{
  for (guint i = 0; times != NULL && i < times->len; i++)
    if (g_array_index (times, gint64, i) == minutes)
      {
        g_array_remove_index_fast (times, i);
        return TRUE;
      }
  return FALSE;
}

static void
count_line (const PatellaEntry *entry,
            gpointer            user_data)
{
  Counts *counting = user_data;
  GHashTable *counts = counting->counts;
  char *line = format_entry (entry, counting->zone, counting->key);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, line));

  if (entry->kind == PATELLA_ENTRY_REST_DAY)
    g_hash_table_insert (counting->rest_days, g_strdup (entry->day), g_strdup (line));
  else if (counting->untimed != NULL)
    untimed_add (counting->untimed, format_entry (entry, counting->zone, 0), entry_minutes (entry, NULL, FALSE));
  g_hash_table_insert (counts, line, GUINT_TO_POINTER (n + 1));
}

/* Finds the zone offset, in minutes, that explains most of the entries
 * not yet matched: their stated time minus the moment of an equal entry
 * in the record. FALSE when none explains two entries or more. */
static gboolean
most_common_offset (ImportPlan  *plan,
                    GHashTable  *untimed,
                    char       **lines,
                    gint64      *stated,
                    gboolean    *duplicate,
                    gint64      *best)
{
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best_votes = 1;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      GArray *times = lines[i] ? g_hash_table_lookup (untimed, lines[i]) : NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint k = 0; !duplicate[i] && times != NULL && k < times->len; k++)
        {
          gint64 offset = stated[i] - g_array_index (times, gint64, k);

          /* Zones are quarter hours apart, from UTC-12 to UTC+14. */
          if (offset % 15 != 0 || ABS (offset) > 26 * 60 ||
              g_hash_table_contains (seen, &g_array_index (times, gint64, k)))
            continue;
          g_hash_table_add (seen, &g_array_index (times, gint64, k));
          if (!g_hash_table_lookup_extended (votes, &offset, &key, &value))
            g_hash_table_insert (votes, g_memdup2 (&offset, sizeof offset), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (votes, g_memdup2 (&offset, sizeof offset), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
        }
    }

  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_votes ||
        (GPOINTER_TO_UINT (value) == best_votes && best_votes > 1 && *(gint64 *) key < *best))
      {
        *best = *(gint64 *) key;
        best_votes = GPOINTER_TO_UINT (value);
      }
  return best_votes > 1;
}

/* Marks the file's entries (not rest days) already in the record. With
 * utc, an entry is the same when every field and the moment are. Without,
 * the file states each entry's day and wall-clock time, not the zone:
 * an entry is the same when every field and the day are, and its moment
 * is the stated time read in the zone an earlier import of it (or the
 * export it came from) was made in, which shows as one offset (two across
 * a DST change) shared by many of its entries, or else read here. So the
 * file imported again in another zone adds nothing, and a set at another
 * time of the day is still a set. */
static void
find_duplicates (ImportPlan *plan,
                 GHashTable *counts,
                 GHashTable *untimed,
                 gboolean   *duplicate)
{
  guint n = plan->entries->len;
  g_autofree char **lines = NULL;
  g_autofree gint64 *stated = NULL;
  gint64 offset = 0;

  if (untimed == NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          const PatellaEntry *entry = g_ptr_array_index (plan->entries, i);
          g_autofree char *line = NULL;
          guint existing;

          if (entry->kind == PATELLA_ENTRY_REST_DAY)
            continue;
          line = format_entry (entry, plan->zone, plan->key);
          existing = GPOINTER_TO_UINT (g_hash_table_lookup (counts, line));
          duplicate[i] = existing > 0;
          if (existing > 0)
            g_hash_table_insert (counts, g_steal_pointer (&line), GUINT_TO_POINTER (existing - 1));
        }
      return;
    }

  lines = g_new0 (char *, n + 1);
  stated = g_new0 (gint64, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const PatellaEntry *entry = g_ptr_array_index (plan->entries, i);

      if (entry->kind == PATELLA_ENTRY_REST_DAY)
        continue;
      lines[i] = format_entry (entry, plan->zone, 0);
      stated[i] = entry_minutes (entry, plan->zone, TRUE);
    }

  while (most_common_offset (plan, untimed, lines, stated, duplicate, &offset))
    for (guint i = 0; i < n; i++)
      if (lines[i] != NULL && !duplicate[i])
        duplicate[i] = untimed_take (g_hash_table_lookup (untimed, lines[i]), stated[i] - offset);

  /* What no shared offset explains: the stated time read here. */
  for (guint i = 0; i < n; i++)
    {
      if (lines[i] != NULL && !duplicate[i])
        duplicate[i] = untimed_take (g_hash_table_lookup (untimed, lines[i]),
                                     entry_minutes (g_ptr_array_index (plan->entries, i), NULL, FALSE));
      g_free (lines[i]);
    }
}

/* Check-in answers and self-tests, inside the import's transaction: one
 * per day and item (or leg). The same one is skipped, another is a bad
 * record, as for rest days; each is written at once, so a second equal
 * row in the file is skipped too. */
static gboolean
plan_others (PatellaStore  *store,
             ImportPlan    *plan,
             GPtrArray     *problems,
             guint         *n_problems,
             GError       **error)
{
  PatellaImportSummary *summary = plan->summary;

  for (guint i = 0; i < plan->others->len; i++)
    {
      OtherRow *row = g_ptr_array_index (plan->others, i);
      gboolean found, same;
      PatellaSquatResult result = 0;
      int value = 0, pain = 0;

      if (!row->is_test)
        {
          if (!patella_store_find_outcome_row (store, row->day, row->item, &found, &value, error))
            return FALSE;
          same = found && value == row->value;
        }
      else
        {
          if (!patella_store_find_self_test (store, row->day, row->test.side, &found, &result, &pain, error))
            return FALSE;
          same = found && result == row->test.result && pain == row->test.pain;
        }

      if (found && !same)
        {
          if ((*n_problems)++ < MAX_LISTED_PROBLEMS)
            g_ptr_array_add (problems,
                             row->is_test
                               ? g_strdup_printf (_("record %u: the %s leg’s self-test on %s is already in the "
                                                    "log with another result"),
                                                  row->number, patella_leg_to_string (row->test.side), row->day)
                               : g_strdup_printf (_("record %u: the check-in on %s already has another answer "
                                                    "for %s"),
                                                  row->number, row->day, patella_outcome_item_to_string (row->item)));
          continue;
        }
      if (found)
        {
          if (row->is_test)
            summary->skipped_tests++;
          else
            summary->skipped_outcomes++;
          continue;
        }
      if (row->is_test ? !patella_store_insert_self_test_row (store, &row->test, error)
                       : !patella_store_insert_outcome_row (store, row->day, row->item, row->value, error))
        return FALSE;
      if (row->is_test)
        summary->added_tests++;
      else
        summary->added_outcomes++;
    }
  return TRUE;
}

/* Runs inside the import's write transaction, so what it reads is what the
 * import writes over: two imports at once cannot both add the same rows.
 *
 * An entry equal in every field to one already there is a duplicate. Equal
 * entries are counted, not merged: three identical sets logged in one
 * minute export as three equal lines and import as three sets, while a
 * file imported twice adds nothing the second time. A rest or sick day is
 * one per day: the same one is skipped, a different one is a bad record. */
static gboolean
plan_import (PatellaStore  *store,
             GPtrArray     *exercises,
             GPtrArray     *add,
             gpointer       user_data,
             GError       **error)
{
  ImportPlan *plan = user_data;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rest_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) untimed = NULL;
  g_autofree gboolean *duplicate = g_new0 (gboolean, plan->entries->len + 1);
  Counts counting = { counts, rest_days, NULL, plan->zone, plan->key };
  guint n_problems = 0;
  gboolean none_there;

  /* A file without utc states each entry's day and local time, not its
   * moment; the zone it was written in is unknown. */
  if (plan->key == LINE_LOCAL_TIME)
    counting.untimed = untimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);

  if (!patella_store_foreach_entry (store, plan->first, plan->last, PATELLA_ENTRY_ALL, count_line, &counting,
                                    error))
    return FALSE;
  /* Into an empty span (a first import) nothing can be a duplicate. */
  none_there = g_hash_table_size (counts) == 0;
  known = patella_store_list_exercises (store, TRUE, error);
  if (known == NULL)
    return FALSE;
  plan->new_ids = g_ptr_array_new_with_free_func (g_free);

  if (!none_there)
    find_duplicates (plan, counts, untimed, duplicate);

  for (guint i = 0; i < plan->entries->len; i++)
    {
      PatellaEntry *entry = g_ptr_array_index (plan->entries, i);
      g_autofree char *line = NULL;

      if (entry->kind == PATELLA_ENTRY_REST_DAY)
        line = format_entry (entry, plan->zone, plan->key);

      if (entry->kind == PATELLA_ENTRY_REST_DAY)
        {
          const char *there = g_hash_table_lookup (rest_days, entry->day);

          if (there != NULL && !g_str_equal (there, line))
            {
              if (n_problems++ < MAX_LISTED_PROBLEMS)
                g_ptr_array_add (problems,
                                 g_strdup_printf (_("record %u: %s is already marked as another rest or sick "
                                                    "day; change it on the Today page"),
                                                  g_array_index (plan->record_numbers, guint, i), entry->day));
              continue;
            }
          if (there != NULL)
            {
              plan->summary->skipped[entry->kind]++;
              continue;
            }
          g_hash_table_insert (rest_days, g_strdup (entry->day), g_strdup (line));
        }
      else if (duplicate[i])
        {
          plan->summary->skipped[entry->kind]++;
          continue;
        }

      plan->summary->added[entry->kind]++;
      /* The plan runs once: the entry moves rather than being copied. */
      g_ptr_array_add (add, g_steal_pointer (&g_ptr_array_index (plan->entries, i)));

      if (entry->kind == PATELLA_ENTRY_EXERCISE)
        {
          gboolean found = FALSE;

          for (guint k = 0; k < known->len && !found; k++)
            found = g_str_equal (((PatellaExercise *) g_ptr_array_index (known, k))->id, entry->exercise_id);
          for (guint k = 0; k < plan->new_ids->len && !found; k++)
            found = g_str_equal (g_ptr_array_index (plan->new_ids, k), entry->exercise_id);
          if (!found)
            {
              PatellaExercise exercise = {
                .id = entry->exercise_id, .name = entry->exercise_id, .dose = (char *) "",
                .cues = (char *) "", .target_sets = 1, .enabled = FALSE,
              };

              g_ptr_array_add (plan->new_ids, g_strdup (entry->exercise_id));
              g_ptr_array_add (exercises, patella_exercise_copy (&exercise));
            }
        }
    }

  if (!plan_others (store, plan, problems, &n_problems, error))
    return FALSE;

  if (n_problems > 0)
    {
      set_records_error (error, problems, n_problems);
      return FALSE;
    }
  return TRUE;
}

/* The records read so far, turned into entries or problems. */
typedef struct
{
  int          columns[N_COLUMNS];
  gboolean     have_header;
  const char  *today;
  gint64       now;
  GTimeZone   *zone;
  GPtrArray   *entries;
  GArray      *record_numbers;
  GPtrArray   *problems;
  guint        n_problems;
  char        *first, *last;
  guint        n_moved;      /* times in the hour the clocks skip here */
  char        *first_moved;
  GPtrArray   *others;       /* of OtherRow */
} Records;

static void
read_header (Records   *records,
             GPtrArray *header)
{
  /* Columns in any order, extra ones ignored. */
  for (int c = 0; c < N_COLUMNS; c++)
    records->columns[c] = -1;
  for (guint i = 0; i < header->len; i++)
    for (int c = 0; c < N_COLUMNS; c++)
      if (g_ascii_strcasecmp (g_strstrip ((char *) g_ptr_array_index (header, i)), column_names[c]) == 0)
        records->columns[c] = (int) i;
  records->have_header = TRUE;
}

static void
take_record (GPtrArray *cells,
             guint      number,
             gpointer   data)
{
  Records *records = data;
  g_autofree char *problem = NULL;
  g_autofree char *moved_to = NULL;
  PatellaEntry *entry = NULL;

  if (!records->have_header)
    {
      read_header (records, cells);
      return;
    }
  /* Without a date and kind column nothing can be read; the caller says so. */
  if (records->columns[COL_DATE] < 0 || records->columns[COL_KIND] < 0)
    return;

  if (is_other_kind (cell (cells, records->columns, COL_KIND)))
    {
      OtherRow *row = read_other_record (cells, records->columns, records->today, &problem);

      if (row != NULL)
        {
          row->number = number;
          g_ptr_array_add (records->others, row);
          return;
        }
    }
  else
    entry = read_record (cells, records->columns, records->today, records->now, records->zone, &moved_to,
                         &problem);
  if (entry == NULL)
    {
      if (records->n_problems++ < MAX_LISTED_PROBLEMS)
        /* Translators: record numbers count the header as record 1 */
        g_ptr_array_add (records->problems, g_strdup_printf (_("record %u: %s"), number, problem));
      return;
    }
  g_ptr_array_add (records->entries, entry);
  g_array_append_val (records->record_numbers, number);
  if (moved_to != NULL && records->n_moved++ == 0)
    records->first_moved = g_strdup_printf (_("record %u, %s on %s, is stored at %s"), number,
                                            cell (cells, records->columns, COL_TIME), entry->day, moved_to);
  if (records->first == NULL || strcmp (entry->day, records->first) < 0)
    g_free (records->first), records->first = g_strdup (entry->day);
  if (records->last == NULL || strcmp (entry->day, records->last) > 0)
    g_free (records->last), records->last = g_strdup (entry->day);
}

static gboolean
too_big (GError **error)
{
  g_set_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_TOO_BIG,
               _("The file is too big to be a Patella history (over 256 MB). Nothing was imported."));
  return FALSE;
}

gboolean
patella_csv_import (PatellaStore         *store,
                    const char           *data,
                    gsize                 length,
                    PatellaImportSummary *summary,
                    GError              **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) record_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *today = patella_day_today ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) other_row_free);
  Records records = { { 0 }, FALSE, today, g_get_real_time () / G_USEC_PER_SEC, zone, entries, record_numbers,
                      problems, 0, NULL, NULL, 0, NULL, others };
  Reader reader = { text, offsets, cells, 0, take_record, &records };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first_moved = NULL;
  struct csv_parser parser;
  int parse_error;
  gboolean parsed;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if (length > PATELLA_CSV_MAX_BYTES)
    return too_big (error);

  /* A byte order mark from a spreadsheet is not part of the first column. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* A NUL or a byte sequence that is not UTF-8: a binary file, or text in
   * another encoding. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_ENCODING,
                   _("The file is not UTF-8 text; it may be binary or in another encoding. "
                     "Save it from your spreadsheet as “CSV UTF-8” and try again. Nothing was imported."));
      return FALSE;
    }

  csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_space_func (&parser, no_spaces);
  parsed = csv_parse (&parser, data, length, field_done, record_done, &reader) == length &&
           csv_fini (&parser, field_done, record_done, &reader) == 0;
  parse_error = csv_error (&parser);
  csv_free (&parser);
  first = g_steal_pointer (&records.first);
  first_moved = g_steal_pointer (&records.first_moved);
  last = g_steal_pointer (&records.last);
  if (!parsed)
    {
      g_set_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_RECORDS,
                   _("The file is not valid CSV after record %u (%s): a quote may be left open. "
                     "Nothing was imported."),
                   reader.n_records, csv_strerror (parse_error));
      return FALSE;
    }

  if (reader.n_records == 0)
    {
      g_set_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_EMPTY,
                   _("The file is empty. Nothing was imported."));
      return FALSE;
    }
  if (records.columns[COL_DATE] < 0 || records.columns[COL_KIND] < 0)
    {
      g_set_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_HEADER,
                   /* Translators: %s is the line of column names, always in English:
                      date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note,utc */
                   _("The first line must name the columns, with at least “date” and “kind”: "
                     "%s. Nothing was imported."), PATELLA_CSV_HEADER);
      return FALSE;
    }
  if (reader.n_records == 1)
    {
      g_set_error (error, PATELLA_CSV_ERROR, PATELLA_CSV_ERROR_EMPTY,
                   _("The file has a header but no entries. Nothing was imported."));
      return FALSE;
    }
  if (records.n_problems > 0)
    {
      set_records_error (error, problems, records.n_problems);
      return FALSE;
    }

  {
    /* A file with the utc column (any export since it was added) is matched
     * by the exact instant, so that it imports the same in any time zone;
     * an older file by the local time it shows. */
    LineParts key = records.columns[COL_UTC] >= 0 ? LINE_UTC : LINE_LOCAL_TIME;
    ImportPlan plan = { zone, key, entries, record_numbers, first, last, summary, NULL, others };

    if (!patella_store_import (store, plan_import, &plan, error))
      {
        memset (summary, 0, sizeof *summary);
        g_clear_pointer (&plan.new_ids, g_ptr_array_unref);
        return FALSE;
      }
    g_ptr_array_add (plan.new_ids, NULL);
    summary->new_exercises = (char **) g_ptr_array_free (plan.new_ids, FALSE);
    summary->n_moved = records.n_moved;
    summary->first_moved = g_steal_pointer (&first_moved);
  }

  return TRUE;
}

/* Reads all of @fd, but never more than the limit: a pipe, a FIFO or
 * /dev/stdin says nothing of its size beforehand, so bytes are counted as
 * they come. */
static GBytes *
read_limited (int          fd,
              const char  *path,
              gsize        size_hint,
              GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_sized_new ((guint) MIN (size_hint + 1, PATELLA_CSV_MAX_BYTES + 1));
  guint8 buffer[64 * 1024];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("“%s” cannot be read: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > PATELLA_CSV_MAX_BYTES)
        {
          too_big (error);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * patella_csv_import_file:
 *
 * Imports @path, reading at most the limit whatever kind of file it is: a
 * regular file over it is refused before a byte is read, anything else
 * (a pipe, a FIFO) as soon as it passes it. Devices are refused.
 */
gboolean
patella_csv_import_file (PatellaStore         *store,
                         const char           *path,
                         PatellaImportSummary *summary,
                         GError              **error)
{
  g_autoptr(GBytes) contents = NULL;
  struct stat st;
  int fd;

  memset (summary, 0, sizeof *summary);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("“%s” cannot be opened: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode) || S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” is not a file (it is a device or a folder), so it cannot be imported. "
                     "Nothing was imported."), path);
      close (fd);
      return FALSE;
    }
  if (S_ISREG (st.st_mode) && st.st_size > PATELLA_CSV_MAX_BYTES)
    {
      close (fd);
      return too_big (error);
    }

  contents = read_limited (fd, path, S_ISREG (st.st_mode) ? (gsize) st.st_size : 0, error);
  close (fd);
  if (contents == NULL)
    return FALSE;
  return patella_csv_import (store, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                             summary, error);
}

/* Daily summary */

static void
add_daily_sets (const char *day,
                const char *exercise_id,
                int         sets,
                gpointer    user_data)
{
  g_hash_table_insert (user_data, g_strconcat (day, "\t", exercise_id, NULL), GINT_TO_POINTER (sets));
}

static void
append_optional (GString *line,
                 gboolean present,
                 double   value)
{
  g_string_append_c (line, ',');
  if (present)
    append_number (line, value);
}

/**
 * patella_csv_export_daily:
 *
 * One row per day from the first to the last logged day: date, rest_day,
 * the sets of each exercise, adherence_pct, morning_pain, max_pain_during,
 * max_pain, run_km, run_minutes, load, acwr and the day's warning codes.
 */
gboolean
patella_csv_export_daily (PatellaStore   *store,
                          GOutputStream  *out,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GString) buffer = g_string_new ("date,rest_day");
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(PatellaSeries) series = NULL;
  g_autofree PatellaDayMark *marks = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *start = NULL;
  guint n_marks;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  exercises = patella_store_list_exercises (store, TRUE, error);
  if (exercises == NULL || !patella_store_get_logged_range (store, &first, &last, error))
    return FALSE;
  for (guint i = 0; i < exercises->len; i++)
    {
      g_string_append_c (buffer, ',');
      append_text (buffer, ((PatellaExercise *) g_ptr_array_index (exercises, i))->id);
    }
  g_string_append (buffer, ",adherence_pct,morning_pain,max_pain_during,max_pain,run_km,run_minutes,"
                           "load,acwr,warnings\r\n");
  if (first == NULL)
    return write_all (out, buffer, cancellable, error);

  start = patella_day_add (first, -PATELLA_WARNINGS_LOOKBACK_DAYS);
  series = patella_store_load_series (store, start, last, error);
  /* The marks and each day's sets from one read of the sets. */
  marks = series ? patella_routine_load_marks_full (store, first, last, &n_marks, add_daily_sets, sets, error)
                 : NULL;
  rest = marks ? patella_store_list_rest_days (store, first, last, error) : NULL;
  if (rest == NULL)
    return FALSE;

  for (guint i = 0; i < n_marks; i++)
    {
      guint index = i + PATELLA_WARNINGS_LOOKBACK_DAYS;
      const PatellaDayStats *d = &series->days[index];
      g_autofree char *day = patella_day_add (first, (int) i);
      g_autoptr(GPtrArray) warnings = patella_warnings_for_day (series, index, NULL, PATELLA_UNIT_KM);
      double acwr = patella_series_acwr (series, index);
      const char *rest_kind = "";

      /* The rest or sick mark, from the day's entries when it has one. */
      if (marks[i].off)
        {
          g_autoptr(GPtrArray) entries = patella_store_list_entries (store, day, 1u << PATELLA_ENTRY_REST_DAY, error);

          if (entries == NULL)
            return FALSE;
          if (entries->len > 0)
            rest_kind = patella_rest_day_kind_to_string (((PatellaEntry *) g_ptr_array_index (entries, 0))->rest_kind);
        }

      g_string_append_printf (buffer, "%s,%s", day, rest_kind);
      for (guint k = 0; k < exercises->len; k++)
        {
          g_autofree char *key = g_strconcat (day, "\t", ((PatellaExercise *) g_ptr_array_index (exercises, k))->id, NULL);
          g_string_append_printf (buffer, ",%d", GPOINTER_TO_INT (g_hash_table_lookup (sets, key)));
        }
      append_optional (buffer, !marks[i].off, round (100 * marks[i].fraction));
      append_optional (buffer, d->morning >= 0, d->morning);
      append_optional (buffer, d->during >= 0, d->during);
      append_optional (buffer, d->max_score >= 0, d->max_score);
      append_optional (buffer, d->n_runs > 0, d->distance);
      append_optional (buffer, d->n_runs > 0, d->minutes);
      append_optional (buffer, d->n_runs > 0, d->load);
      append_optional (buffer, !isnan (acwr), round (acwr * 100) / 100);
      g_string_append_c (buffer, ',');
      for (guint w = 0; w < warnings->len; w++)
        g_string_append_printf (buffer, "%s%s", w ? ";" : "",
                                patella_warning_code_to_string (((PatellaWarning *) g_ptr_array_index (warnings, w))->code));
      g_string_append (buffer, "\r\n");
      if (buffer->len > 64 * 1024 && !write_all (out, buffer, cancellable, error))
        return FALSE;
    }
  return write_all (out, buffer, cancellable, error);
}

gboolean
patella_write_file (PatellaStore      *store,
                    const char        *path,
                    PatellaWriteFunc   write_func,
                    GError           **error)
{
  g_autoptr(GOutputStream) out = NULL;
  g_autofree char *temp = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (patella_store_is_own_file (store, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the database itself; choose another file."), path);
      return FALSE;
    }

  if (g_str_equal (path, "-"))
    {
      out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      return write_func (store, out, NULL, error) && g_output_stream_flush (out, NULL, error);
    }

  /* A temporary file beside the target, renamed over it only when whole. */
  fd = patella_temp_file_open (path, O_WRONLY | O_CLOEXEC, &temp, error);
  if (fd < 0)
    return FALSE;

  out = g_unix_output_stream_new (fd, TRUE);
  if (!write_func (store, out, NULL, error) ||
      !g_output_stream_flush (out, NULL, error) ||
      fsync (fd) != 0 ||
      !g_output_stream_close (out, NULL, error) ||
      g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("“%s” cannot be written: %s"), path, g_strerror (saved_errno));
      else if (error != NULL)
        g_prefix_error (error, _("“%s” was not written, and nothing was left behind: "), path);
      return FALSE;
    }
  return TRUE;
}
