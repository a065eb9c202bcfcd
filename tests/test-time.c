/* test-time.c: entries keep their local day across DST, a zone change and a
 * clock set backwards, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/meson.build runs this file once per zone in TZ: two with DST
 * (Europe/Berlin, America/New_York) and one half an hour off the hour with
 * none (Asia/Kolkata). Each run uses its own zone's transition days. What
 * is expected is worked out here with GLib's GTimeZone and GDateTime, never
 * read back from Patella.
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/patella-adherence.h"
#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-history.h"
#include "core/patella-number.h"
#include "core/patella-day-plan.h"
#include "core/patella-store.h"
#include "core/patella-warnings.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

typedef struct
{
  const char *day;
  int         hours;  /* from its local midnight to the next one */
} TestDay;

typedef struct
{
  const char *name;
  TestDay     days[2];    /* spring forward, fall back (ordinary days in Kolkata) */
  const char *others[2];  /* where the runner moves to */
} Zone;

static const Zone zones[] = {
  /* 02:00 → 03:00 on 29 March; 03:00 → 02:00 on 25 October. */
  { "Europe/Berlin", { { "2026-03-29", 23 }, { "2026-10-25", 25 } },
    { "America/New_York", "Asia/Kolkata" } },
  /* 02:00 → 03:00 on 8 March; 02:00 → 01:00 on 1 November. */
  { "America/New_York", { { "2026-03-08", 23 }, { "2026-11-01", 25 } },
    { "Europe/Berlin", "Asia/Kolkata" } },
  /* +05:30 all year: Europe's transition days are ordinary days here. */
  { "Asia/Kolkata", { { "2026-03-29", 24 }, { "2026-10-25", 24 } },
    { "Europe/Berlin", "America/New_York" } },
};

/* The zone of this run, from TZ; NULL when TZ names none of the above. */
static const Zone *zone;

/* What the test logged, and where it expects to find it. */
typedef struct
{
  PatellaEntryKind  kind;
  char             *day;
  GDateTime        *instant;  /* in the zone it was logged in */
  char             *note;     /* unique: how an entry is found again */
  gint64            id;
} Logged;

static void
logged_free (Logged *logged)
{
  g_free (logged->day);
  g_date_time_unref (logged->instant);
  g_free (logged->note);
  g_free (logged);
}

static const Zone *
find_zone (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_strcmp0 (zones[i].name, name) == 0)
      return &zones[i];
  return NULL;
}

static GTimeZone *
zone_of_run (void)
{
  GTimeZone *tz = g_time_zone_new_identifier (zone->name);

  g_assert_nonnull (tz);
  return tz;
}

/* "YYYY-MM-DD" of @datetime in its own zone, by GLib alone. */
static char *
local_date (GDateTime *datetime)
{
  return g_date_time_format (datetime, "%Y-%m-%d");
}

static char *
local_date_in (GDateTime *datetime,
               GTimeZone *tz)
{
  g_autoptr(GDateTime) there = g_date_time_to_timezone (datetime, tz);

  return local_date (there);
}

static char *
local_time_in (GDateTime *datetime,
               GTimeZone *tz)
{
  g_autoptr(GDateTime) there = g_date_time_to_timezone (datetime, tz);

  return g_date_time_format (there, "%H:%M");
}

static GDateTime *
local_at (GTimeZone  *tz,
          const char *day,
          int         hour,
          int         minute)
{
  int year, month, mday;
  GDateTime *datetime;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &year, &month, &mday), ==, 3);
  datetime = g_date_time_new (tz, year, month, mday, hour, minute, 0);
  g_assert_nonnull (datetime);
  return datetime;
}

/* The calendar day @n days from @day, by GDateTime's own arithmetic. */
static char *
glib_day_add (GTimeZone  *tz,
              const char *day,
              int         n)
{
  g_autoptr(GDateTime) noon = local_at (tz, day, 12, 0);
  g_autoptr(GDateTime) then = g_date_time_add_days (noon, n);

  return local_date (then);
}

/* Whether the wall-clock time of @instant happens twice that day: an hour
 * before or after, the clock reads the same. */
static gboolean
is_ambiguous (GDateTime *instant,
              GTimeZone *tz)
{
  g_autofree char *label = g_date_time_format (instant, "%F %H:%M");

  for (int shift = -1; shift <= 1; shift += 2)
    {
      g_autoptr(GDateTime) other = g_date_time_add_hours (instant, shift);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (other, tz);
      g_autofree char *other_label = g_date_time_format (there, "%F %H:%M");

      if (g_str_equal (label, other_label))
        return TRUE;
    }
  return FALSE;
}

/* Every half hour of @day from its local midnight on, in absolute time: 46
 * instants on a 23-hour day, 50 on a 25-hour one (02:30 twice in Berlin). */
static GPtrArray *
walk_day (GTimeZone  *tz,
          const char *day)
{
  GPtrArray *instants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  GDateTime *at = local_at (tz, day, 0, 0);

  for (;;)
    {
      g_autofree char *date = local_date (at);
      GDateTime *next;

      if (!g_str_equal (date, day))
        break;
      next = g_date_time_add_minutes (at, 30);
      g_ptr_array_add (instants, at);
      at = next;
    }
  g_date_time_unref (at);
  return instants;
}

static Logged *
logged_new (PatellaEntryKind  kind,
            const char       *day,
            GDateTime        *instant)
{
  Logged *logged = g_new0 (Logged, 1);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);

  logged->kind = kind;
  logged->day = g_strdup (day);
  logged->instant = g_date_time_ref (instant);
  logged->note = g_date_time_format (utc, "at %FT%TZ");
  return logged;
}

/* The entries of the zone's test days, in @tz: every half hour of each day,
 * 00:10, 23:50 and 23:59 on it, 23:50 the evening before and 00:10 the
 * morning after. The kinds take turns. */
static GPtrArray *
plan_entries (GTimeZone *tz)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) logged_free);
  guint turn = 0;

  for (guint d = 0; d < G_N_ELEMENTS (zone->days); d++)
    {
      const char *day = zone->days[d].day;
      g_autoptr(GPtrArray) instants = walk_day (tz, day);
      g_autofree char *before = glib_day_add (tz, day, -1);
      g_autofree char *after = glib_day_add (tz, day, 1);
      const struct { const char *day; int hour, minute; } extras[] = {
        { day, 0, 10 }, { day, 23, 50 }, { day, 23, 59 }, { before, 23, 50 }, { after, 0, 10 },
      };

      for (guint i = 0; i < instants->len; i++)
        g_ptr_array_add (plan, logged_new (turn++ % 3, day, g_ptr_array_index (instants, i)));
      for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
        {
          g_autoptr(GDateTime) at = local_at (tz, extras[i].day, extras[i].hour, extras[i].minute);

          g_ptr_array_add (plan, logged_new (turn++ % 3, extras[i].day, at));
        }
    }
  return plan;
}

static PatellaStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The first exercise of the routine, for exercise entries. */
static char *
first_exercise (PatellaStore *store)
{
  g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, NULL);

  g_assert_nonnull (exercises);
  g_assert_cmpuint (exercises->len, >, 0);
  return g_strdup (((PatellaExercise *) g_ptr_array_index (exercises, 0))->id);
}

static gint64
log_entry (PatellaStore *store,
           Logged       *logged,
           const char   *exercise_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  switch (logged->kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      id = patella_store_log_exercise (store, logged->day, logged->instant, exercise_id, 1, 0,
                                       logged->note, &error);
      break;
    case PATELLA_ENTRY_PAIN:
      id = patella_store_log_pain (store, logged->day, logged->instant, 3, PATELLA_PAIN_DURING,
                                   logged->note, &error);
      break;
    case PATELLA_ENTRY_RUN:
      id = patella_store_log_run (store, logged->day, logged->instant, 30, 5, 4, -1, logged->note, &error);
      break;
    case PATELLA_ENTRY_REST_DAY:
    case PATELLA_N_ENTRY_KINDS:
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
log_all (PatellaStore *store,
         GPtrArray    *plan)
{
  g_autofree char *exercise_id = first_exercise (store);

  for (guint i = 0; i < plan->len; i++)
    {
      Logged *logged = g_ptr_array_index (plan, i);

      logged->id = log_entry (store, logged, exercise_id);
    }
}

static int
compare_days_desc (gconstpointer a,
                   gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The days of @plan, the latest first, each once. */
static GPtrArray *
expected_days (GPtrArray *plan)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < plan->len; i++)
    {
      const char *day = ((Logged *) g_ptr_array_index (plan, i))->day;

      if (!g_ptr_array_find_with_equal_func (days, day, g_str_equal, NULL))
        g_ptr_array_add (days, g_strdup (day));
    }
  g_ptr_array_sort (days, compare_days_desc);
  return days;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_date_time_compare ((*(Logged * const *) a)->instant, (*(Logged * const *) b)->instant);
}

/* What @plan put on @day, the latest instant first. */
static GPtrArray *
planned_on (GPtrArray  *plan,
            const char *day)
{
  GPtrArray *on = g_ptr_array_new ();

  for (guint i = 0; i < plan->len; i++)
    if (g_str_equal (((Logged *) g_ptr_array_index (plan, i))->day, day))
      g_ptr_array_add (on, g_ptr_array_index (plan, i));
  g_ptr_array_sort (on, compare_newest_first);
  return on;
}

static Logged *
find_note (GPtrArray  *plan,
           const char *note)
{
  for (guint i = 0; i < plan->len; i++)
    if (g_strcmp0 (((Logged *) g_ptr_array_index (plan, i))->note, note) == 0)
      return g_ptr_array_index (plan, i);
  g_assert_not_reached ();
  return NULL;
}

static void
assert_days (PatellaStore *store,
             GPtrArray    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = patella_store_list_days (store, PATELLA_ENTRY_ALL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, expected->len);
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpstr (g_ptr_array_index (days, i), ==, g_ptr_array_index (expected, i));
}

/* The store holds exactly what @plan logged, on the days it was logged on,
 * each day the latest instant first, and with the instants it was logged at.
 * @ids: whether @plan has the ids of the rows (it has when this process
 * logged them). */
static void
assert_store_holds (PatellaStore *store,
                    GPtrArray    *plan,
                    gboolean      ids)
{
  g_autoptr(GPtrArray) days = expected_days (plan);
  gint64 total = 0;

  assert_days (store, days);

  for (guint d = 0; d < days->len; d++)
    {
      const char *day = g_ptr_array_index (days, d);
      g_autoptr(GPtrArray) on = planned_on (plan, day);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      entries = patella_store_list_entries (store, day, PATELLA_ENTRY_ALL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, on->len);
      for (guint i = 0; i < entries->len; i++)
        {
          PatellaEntry *entry = g_ptr_array_index (entries, i);
          Logged *logged = g_ptr_array_index (on, i);
          g_autoptr(GDateTime) instant = patella_instant_parse (entry->instant);

          g_assert_cmpstr (entry->day, ==, day);
          g_assert_cmpstr (entry->note, ==, logged->note);
          g_assert_cmpint (entry->kind, ==, logged->kind);
          g_assert_nonnull (instant);
          g_assert_true (g_date_time_equal (instant, logged->instant));
          if (ids)
            g_assert_cmpint (entry->id, ==, logged->id);
          {
            g_autoptr(PatellaEntry) again = patella_store_get_entry (store, entry->kind, entry->id, &error);

            g_assert_no_error (error);
            g_assert_cmpstr (again->day, ==, day);
            g_assert_cmpstr (again->instant, ==, entry->instant);
          }
        }
      total += entries->len;
    }
  g_assert_cmpint (total, ==, plan->len);
}

static char *
export_csv (PatellaStore    *store,
            PatellaWriteFunc func)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (func (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
import_csv (PatellaStore *store,
            const char   *csv,
            guint         added,
            guint         skipped)
{
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  guint n_added = 0, n_skipped = 0;

  g_assert_true (patella_csv_import (store, csv, strlen (csv), &summary, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    {
      n_added += summary.added[k];
      n_skipped += summary.skipped[k];
    }
  g_assert_cmpuint (n_added, ==, added);
  g_assert_cmpuint (n_skipped, ==, skipped);
}

/* Each entry of @store is the one of @plan with its note: same kind and
 * day, and the same wall-clock time in @tz. Where that time happens once,
 * the same instant; where it happens twice (a CSV time names no offset),
 * one of the two. */
static void
assert_copy_of (PatellaStore *store,
                GPtrArray    *plan,
                GTimeZone    *tz)
{
  g_autoptr(GPtrArray) days = expected_days (plan);
  guint total = 0;

  assert_days (store, days);
  for (guint d = 0; d < days->len; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = patella_store_list_entries (store, g_ptr_array_index (days, d),
                                                                 PATELLA_ENTRY_ALL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < entries->len; i++)
        {
          PatellaEntry *entry = g_ptr_array_index (entries, i);
          Logged *logged = find_note (plan, entry->note);
          g_autoptr(GDateTime) instant = patella_instant_parse (entry->instant);
          g_autoptr(GDateTime) here = g_date_time_to_timezone (logged->instant, tz);
          g_autofree char *time = local_time_in (instant, tz);
          g_autofree char *logged_time = local_time_in (logged->instant, tz);

          g_assert_cmpint (entry->kind, ==, logged->kind);
          g_assert_cmpstr (entry->day, ==, logged->day);
          g_assert_cmpstr (time, ==, logged_time);
          if (!is_ambiguous (here, tz))
            g_assert_true (g_date_time_equal (instant, logged->instant));
          else
            g_assert_cmpint (ABS (g_date_time_difference (instant, logged->instant)), <=, G_TIME_SPAN_HOUR);
        }
      total += entries->len;
    }
  g_assert_cmpuint (total, ==, plan->len);
}

/* The run's zone is one of the three, GLib knows it, and the test days are
 * the zone's transition days: 23 and 25 hours long, or 24 at +05:30. */
static void
test_zone (void)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) local = NULL;

  g_assert_nonnull (zone);
  g_test_message ("running in %s", zone->name);

  tz = zone_of_run ();
  local = g_time_zone_new_local ();
  g_assert_cmpstr (g_time_zone_get_identifier (local), ==, zone->name);

  for (guint d = 0; d < G_N_ELEMENTS (zone->days); d++)
    {
      const char *day = zone->days[d].day;
      g_autofree char *next_day = glib_day_add (tz, day, 1);
      g_autoptr(GDateTime) midnight = local_at (tz, day, 0, 0);
      g_autoptr(GDateTime) next = local_at (tz, next_day, 0, 0);
      g_autoptr(GPtrArray) instants = walk_day (tz, day);
      g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_assert_cmpint (g_date_time_difference (next, midnight), ==, zone->days[d].hours * G_TIME_SPAN_HOUR);
      g_assert_cmpuint (instants->len, ==, (guint) zone->days[d].hours * 2);
      /* The clock shows each half hour of 00:00-23:30 once, 48 in all,
       * but the one that does not exist on the short day. */
      for (guint i = 0; i < instants->len; i++)
        g_hash_table_add (labels, g_date_time_format (g_ptr_array_index (instants, i), "%H:%M"));
      g_assert_cmpuint (g_hash_table_size (labels), ==, MIN (48, instants->len));

      if (zone->days[d].hours == 24)
        {
          g_autoptr(GDateTime) noon = local_at (tz, day, 12, 0);

          g_assert_cmpint (g_date_time_get_utc_offset (midnight), ==, 330 * G_TIME_SPAN_MINUTE);
          g_assert_cmpint (g_date_time_get_utc_offset (noon), ==, 330 * G_TIME_SPAN_MINUTE);
        }
    }
}

/* Entries at every half hour of the transition days, at both 02:30s of the
 * long day, around the hour that does not exist, and at 00:10 and 23:50,
 * whose UTC date is another day, keep their local day: in the listing, in
 * the list of days, one by one, and through CSV and back into a new store. */
static void
test_transition_days (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = zone_of_run ();
  g_autoptr(GPtrArray) plan = plan_entries (tz);
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PatellaStore) copy = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  guint utc_elsewhere = 0, ambiguous = 0;

  /* The data is what it should be: its days are local days, some of it is
   * on another UTC date, and in a zone with DST some times come twice. */
  for (guint i = 0; i < plan->len; i++)
    {
      Logged *logged = g_ptr_array_index (plan, i);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (logged->instant);
      g_autofree char *here = local_date_in (logged->instant, tz);
      g_autofree char *there = local_date (utc);

      g_assert_cmpstr (here, ==, logged->day);
      utc_elsewhere += !g_str_equal (there, logged->day);
      ambiguous += is_ambiguous (logged->instant, tz);
    }
  g_assert_cmpuint (utc_elsewhere, >, 0);
  g_assert_cmpuint (ambiguous, ==, g_str_equal (zone->name, "Asia/Kolkata") ? 0 : 4);

  log_all (store, plan);
  assert_store_holds (store, plan, TRUE);

  /* Out to CSV and into a new store: the same days and times. */
  csv = export_csv (store, patella_csv_export);
  copy = open_store (copy_path);
  import_csv (copy, csv, plan->len, 0);
  assert_copy_of (copy, plan, tz);
  csv_again = export_csv (copy, patella_csv_export);
  g_assert_cmpstr (csv_again, ==, csv);

  /* The same file again adds nothing, to either store. */
  import_csv (store, csv, 0, plan->len);
  import_csv (copy, csv, 0, plan->len);
  assert_store_holds (store, plan, TRUE);
  assert_copy_of (copy, plan, tz);
}

/* Times typed into a CSV file land on the date of their row: ten past
 * midnight and ten to (another UTC date in every zone here), and on the
 * short day a time in the hour the clock skips. The file imported twice
 * adds each once. */
static void
test_typed_times_in_csv (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = zone_of_run ();
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autoptr(GString) csv = g_string_new (PATELLA_CSV_HEADER "\r\n");
  guint n_rows = 0;

  for (guint d = 0; d < G_N_ELEMENTS (zone->days); d++)
    {
      const char *day = zone->days[d].day;
      int skipped = -1;

      /* The hour the clock skips, if any: its half past comes out as another time. */
      for (int hour = 0; hour < 24 && skipped < 0; hour++)
        {
          g_autoptr(GDateTime) at = local_at (tz, day, hour, 30);

          if (g_date_time_get_hour (at) != hour)
            skipped = hour;
        }
      g_assert_cmpint (skipped >= 0, ==, zone->days[d].hours == 23);

      g_string_append_printf (csv, "%s,00:10,pain,,,,,,,4,during,just after midnight\r\n", day);
      g_string_append_printf (csv, "%s,23:50,run,,,,30,5,4,,,just before midnight\r\n", day);
      n_rows += 2;
      if (skipped >= 0)
        {
          g_string_append_printf (csv, "%s,%02d:30,pain,,,,,,,4,during,in the skipped hour\r\n", day, skipped);
          n_rows++;
        }
    }
  import_csv (store, csv->str, n_rows, 0);
  import_csv (store, csv->str, 0, n_rows);

  for (guint d = 0; d < G_N_ELEMENTS (zone->days); d++)
    {
      const char *day = zone->days[d].day;
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      entries = patella_store_list_entries (store, day, PATELLA_ENTRY_ALL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, zone->days[d].hours == 23 ? 3 : 2);
      for (guint i = 0; i < entries->len; i++)
        {
          PatellaEntry *entry = g_ptr_array_index (entries, i);
          g_autoptr(GDateTime) instant = patella_instant_parse (entry->instant);
          g_autofree char *date = local_date_in (instant, tz);
          g_autoptr(GDateTime) expected = NULL;

          g_assert_cmpstr (entry->day, ==, day);
          g_assert_cmpstr (date, ==, day);
          if (g_str_equal (entry->note, "just after midnight"))
            expected = local_at (tz, day, 0, 10);
          else if (g_str_equal (entry->note, "just before midnight"))
            expected = local_at (tz, day, 23, 50);
          if (expected != NULL)
            g_assert_true (g_date_time_equal (instant, expected));
        }
    }
}

/* Today, the local day of an instant, and steps of whole days across the
 * transitions, against GLib's calendar in the run's zone. */
static void
test_day_arithmetic (void)
{
  g_autoptr(GTimeZone) tz = zone_of_run ();

  /* Today, as GLib sees it in the zone; read before and after in case
   * midnight passes in between. */
  {
    g_autoptr(GDateTime) before = g_date_time_new_now (tz);
    g_autofree char *today = patella_day_today ();
    g_autoptr(GDateTime) after = g_date_time_new_now (tz);
    g_autofree char *first = local_date (before);
    g_autofree char *last = local_date (after);

    g_assert_true (g_str_equal (today, first) || g_str_equal (today, last));
  }

  for (guint d = 0; d < G_N_ELEMENTS (zone->days); d++)
    {
      const char *day = zone->days[d].day;
      g_autofree char *previous = glib_day_add (tz, day, -1);
      g_autofree char *next = glib_day_add (tz, day, 1);
      g_autofree char *after_next = glib_day_add (tz, day, 2);
      g_autoptr(GDateTime) start = local_at (tz, previous, 0, 0);
      g_autoptr(GDateTime) end = local_at (tz, after_next, 0, 0);
      g_autoptr(GPtrArray) instants = walk_day (tz, day);
      const int steps[] = { -400, -31, -7, -1, 0, 1, 7, 31, 400 };

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          g_autofree char *expected = glib_day_add (tz, day, steps[i]);
          g_autofree char *stepped = patella_day_add (day, steps[i]);
          g_autofree char *back = patella_day_add (expected, -steps[i]);

          g_assert_cmpstr (stepped, ==, expected);
          g_assert_cmpstr (back, ==, day);
          g_assert_cmpint (patella_day_diff (day, expected), ==, steps[i]);
        }

      /* Three days, however many hours they have. */
      g_assert_cmpint (g_date_time_difference (end, start), ==,
                       (zone->days[d].hours + 48) * G_TIME_SPAN_HOUR);
      g_assert_cmpint (patella_day_diff (previous, after_next), ==, 3);

      /* Every instant of the day is that day, given in UTC or local time;
       * 23:59:59 is still the day, a second later is the next. */
      for (guint i = 0; i < instants->len; i++)
        {
          GDateTime *local = g_ptr_array_index (instants, i);
          g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
          g_autofree char *from_local = patella_day_from_datetime (local);
          g_autofree char *from_utc = patella_day_from_datetime (utc);

          g_assert_cmpstr (from_local, ==, day);
          g_assert_cmpstr (from_utc, ==, day);
        }
      {
        g_autoptr(GDateTime) midnight = local_at (tz, next, 0, 0);
        g_autoptr(GDateTime) just_before = g_date_time_add_seconds (midnight, -1);
        g_autoptr(GDateTime) just_before_utc = g_date_time_to_utc (just_before);
        g_autoptr(GDateTime) midnight_utc = g_date_time_to_utc (midnight);
        g_autofree char *last_of_day = patella_day_from_datetime (just_before_utc);
        g_autofree char *first_of_next = patella_day_from_datetime (midnight_utc);

        g_assert_cmpint (g_date_time_get_hour (just_before), ==, 23);
        g_assert_cmpint (g_date_time_get_minute (just_before), ==, 59);
        g_assert_cmpstr (last_of_day, ==, day);
        g_assert_cmpstr (first_of_next, ==, next);
      }
    }
}

/* Reads the time zone change back in a child process: see test_zone_change. */
static void
check_after_move (Fixture *fixture)
{
  const char *path = g_getenv ("PATELLA_TEST_TIME_DB");
  const char *moved_to = g_getenv ("PATELLA_TEST_TIME_MOVED_TO");
  g_autoptr(GTimeZone) logged_in = zone_of_run ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GPtrArray) plan = plan_entries (logged_in);
  g_autoptr(GPtrArray) days = expected_days (plan);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaStore) copy = NULL;
  g_autoptr(PatellaHistory) history = NULL;
  g_autoptr(PatellaSeries) series = NULL;
  g_autofree PatellaDayMark *marks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  g_auto(GStrv) lines = NULL;
  const char *first, *last;
  guint n_marks = 0, elsewhere = 0;

  g_assert_nonnull (path);
  g_assert_nonnull (moved_to);

  /* GLib 2.74 keeps the local zone, but drops it once TZ names another. */
  g_setenv ("TZ", moved_to, TRUE);
  tzset ();
  local = g_time_zone_new_local ();
  g_assert_cmpstr (g_time_zone_get_identifier (local), ==, moved_to);
  tz = g_time_zone_new_identifier (moved_to);
  g_assert_nonnull (tz);

  {
    g_autoptr(GDateTime) before = g_date_time_new_now (tz);
    g_autofree char *today = patella_day_today ();
    g_autoptr(GDateTime) after = g_date_time_new_now (tz);
    g_autofree char *first_day = local_date (before);
    g_autofree char *last_day = local_date (after);

    g_assert_true (g_str_equal (today, first_day) || g_str_equal (today, last_day));
  }

  /* Here some entries happened on another local day than they were logged on. */
  for (guint i = 0; i < plan->len; i++)
    {
      Logged *logged = g_ptr_array_index (plan, i);
      g_autofree char *here = local_date_in (logged->instant, tz);

      elsewhere += !g_str_equal (here, logged->day);
    }
  g_assert_cmpuint (elsewhere, >, 0);

  store = open_store (path);
  assert_store_holds (store, plan, FALSE);

  /* The history lists the same days. */
  history = patella_history_new (store);
  g_assert_true (patella_history_reload (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, days->len);
  for (guint d = 0; d < days->len; d++)
    {
      g_autoptr(PatellaHistoryDay) item = g_list_model_get_item (G_LIST_MODEL (history), d);
      g_autoptr(GPtrArray) on = planned_on (plan, g_ptr_array_index (days, d));
      GPtrArray *entries;

      g_assert_cmpstr (patella_history_day_get_day (item), ==, g_ptr_array_index (days, d));
      entries = patella_history_day_get_entries (item, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, on->len);
    }

  /* The warnings' series and adherence's marks count each entry on its day. */
  last = g_ptr_array_index (days, 0);
  first = g_ptr_array_index (days, days->len - 1);
  series = patella_store_load_series (store, first, last, &error);
  g_assert_no_error (error);
  marks = patella_routine_load_marks (store, first, last, &n_marks, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->n_days, ==, n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      g_autofree char *day = glib_day_add (logged_in, first, (int) i);
      g_autoptr(GPtrArray) on = planned_on (plan, day);
      int runs = 0, pains = 0, sets = 0;

      for (guint k = 0; k < on->len; k++)
        {
          PatellaEntryKind kind = ((Logged *) g_ptr_array_index (on, k))->kind;

          runs += kind == PATELLA_ENTRY_RUN;
          pains += kind == PATELLA_ENTRY_PAIN;
          sets += kind == PATELLA_ENTRY_EXERCISE;
        }
      g_assert_cmpint (series->days[i].n_runs, ==, runs);
      g_assert_cmpint (series->days[i].n_scores, ==, pains);
      g_assert_cmpfloat (series->days[i].distance, ==, runs * 5.0);
      g_assert_cmpint (marks[i].logged, ==, sets > 0);
    }

  /* The CSV's date is the day logged on, whatever the clock says here. */
  csv = export_csv (store, patella_csv_export);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, plan->len + 2);
  for (guint i = 1; i <= plan->len; i++)
    {
      /* The notes hold no commas: the note is the 12th cell, the moment
       * in UTC the 13th, then side and result (empty here). */
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      Logged *logged;
      g_autofree char *utc = NULL;

      g_assert_cmpuint (g_strv_length (cells), ==, 15);
      logged = find_note (plan, cells[11]);
      g_assert_true (g_str_has_prefix (lines[i], logged->day));
      g_assert_cmpint (lines[i][10], ==, ',');
      utc = patella_instant_format (logged->instant);
      g_assert_cmpstr (cells[12], ==, utc);
    }

  /* And read into a new store here, every entry stays on its day. */
  copy = open_store (fixture->path);
  import_csv (copy, csv, plan->len, 0);
  assert_days (copy, days);
  for (guint d = 0; d < days->len; d++)
    {
      g_autoptr(GPtrArray) on = planned_on (plan, g_ptr_array_index (days, d));
      g_autoptr(GPtrArray) entries = patella_store_list_entries (copy, g_ptr_array_index (days, d),
                                                                 PATELLA_ENTRY_ALL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, on->len);
      for (guint i = 0; i < entries->len; i++)
        {
          PatellaEntry *entry = g_ptr_array_index (entries, i);

          g_assert_cmpstr (entry->day, ==, find_note (plan, entry->note)->day);
        }
    }
  csv_again = export_csv (copy, patella_csv_export);
  g_assert_cmpstr (csv_again, ==, csv);
  import_csv (copy, csv, 0, plan->len);
}

/* Logged in the run's zone, read after moving to each of the other two:
 * every entry is still on the day it was logged on, in the store, the
 * history, the warnings' series, adherence and the CSV. The move happens
 * in a child process, so that this run's zone is never touched. */
static void
test_zone_change (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(PatellaStore) store = NULL;

  if (g_test_subprocess ())
    {
      check_after_move (fixture);
      return;
    }

  tz = zone_of_run ();
  plan = plan_entries (tz);
  store = open_store (fixture->path);
  log_all (store, plan);
  /* The child opens the file on its own. */
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (zone->others); i++)
    {
      g_test_message ("moving from %s to %s", zone->name, zone->others[i]);
      g_setenv ("PATELLA_TEST_TIME_DB", fixture->path, TRUE);
      g_setenv ("PATELLA_TEST_TIME_MOVED_TO", zone->others[i], TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("PATELLA_TEST_TIME_DB");
      g_unsetenv ("PATELLA_TEST_TIME_MOVED_TO");
      g_test_trap_assert_passed ();
    }

  /* Back here, in the zone it was logged in, nothing has changed. */
  local = g_time_zone_new_local ();
  g_assert_cmpstr (g_time_zone_get_identifier (local), ==, zone->name);
  store = open_store (fixture->path);
  assert_store_holds (store, plan, TRUE);
}

/* Completes the routine on @day, the sets stamped at @instant; returns
 * how many entries that took. */
static guint
complete_day (PatellaStore *store,
              const char   *day,
              GDateTime    *instant)
{
  g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_nonnull (exercises);
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (!exercise->enabled)
        continue;
      g_assert_cmpint (patella_store_log_exercise (store, day, instant, exercise->id,
                                                   exercise->target_sets, 0, NULL, &error), >, 0);
      g_assert_no_error (error);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  return n;
}

/* The clock set back an hour, then a day.
 *
 * Within a day the listing follows the entries' instants, the latest first,
 * not the order they were logged in: a set logged after the clock went back
 * an hour comes below the one logged before. Entries at the same instant
 * show the later logged first. Equal entries are all kept, by the store and
 * through CSV. Adherence counts each set on the day it was logged on, even
 * when its instant falls on another local day. */
static void
test_clock_backwards (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = zone_of_run ();
  g_autoptr(PatellaStore) store = open_store (fixture->path);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PatellaStore) copy = NULL;
  g_autofree char *exercise_id = first_exercise (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *csv = NULL;
  const char *day = zone->days[1].day;
  gint64 late, earlier, same, pain;
  gint64 n = 0;
  guint n_sets = 3, n_logged = 4;  /* what the test has logged so far */

  /* An hour back: 10:00, then 09:00 twice with equal sets, and a pain score. */
  {
    g_autoptr(GDateTime) ten = local_at (tz, day, 10, 0);
    g_autoptr(GDateTime) nine = g_date_time_add_hours (ten, -1);

    late = patella_store_log_exercise (store, day, ten, exercise_id, 1, 0, NULL, &error);
    g_assert_no_error (error);
    earlier = patella_store_log_exercise (store, day, nine, exercise_id, 1, 0, NULL, &error);
    g_assert_no_error (error);
    same = patella_store_log_exercise (store, day, nine, exercise_id, 1, 0, NULL, &error);
    g_assert_no_error (error);
    pain = patella_store_log_pain (store, day, nine, 2, PATELLA_PAIN_AFTER, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (late, >, 0);
    g_assert_cmpint (earlier, >, late);
    g_assert_cmpint (same, >, earlier);
    g_assert_cmpint (pain, >, 0);
  }

  entries = patella_store_list_entries (store, day, PATELLA_ENTRY_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 0))->id, ==, late);
  {
    guint at_same = G_MAXUINT, at_earlier = G_MAXUINT;

    for (guint i = 0; i < entries->len; i++)
      {
        PatellaEntry *entry = g_ptr_array_index (entries, i);

        g_assert_cmpstr (entry->day, ==, day);
        if (entry->kind == PATELLA_ENTRY_EXERCISE && entry->id == same)
          at_same = i;
        if (entry->kind == PATELLA_ENTRY_EXERCISE && entry->id == earlier)
          at_earlier = i;
      }
    g_assert_cmpuint (at_same, <, at_earlier);
    g_assert_cmpuint (at_earlier, <, entries->len);
  }
  g_assert_true (patella_store_count (store, PATELLA_TABLE_EXERCISE_LOG, &n, &error));
  g_assert_cmpint (n, ==, 3);

  /* A day back. The clock ran a day ahead while the day after was logged,
   * then was put right; the days before were logged afterwards, the latest
   * first. The day before that was logged from the day picker, at an
   * instant on the local day after the day itself. */
  {
    g_autofree char *before = glib_day_add (tz, day, -1);
    g_autofree char *two_before = glib_day_add (tz, day, -2);
    g_autofree char *after = glib_day_add (tz, day, 1);
    g_autoptr(GDateTime) after_at = local_at (tz, after, 8, 0);
    g_autoptr(GDateTime) day_at = g_date_time_add_days (after_at, -1);
    g_autoptr(GDateTime) before_at = g_date_time_add_days (after_at, -2);
    g_autoptr(GDateTime) two_before_at = g_date_time_add_hours (day_at, 2);
    g_autofree PatellaDayMark *marks = NULL;
    g_autofree char *two_before_at_day = local_date_in (two_before_at, tz);
    PatellaAdherence adherence;
    guint n_marks = 0;

    /* The stamp of the day picked is not on that day. */
    g_assert_cmpstr (two_before_at_day, !=, two_before);

    n_sets += complete_day (store, after, after_at);
    n_sets += complete_day (store, day, day_at);
    n_sets += complete_day (store, before, before_at);
    n_sets += complete_day (store, two_before, two_before_at);
    n_logged += 2;
    g_assert_cmpint (patella_store_log_pain (store, two_before, two_before_at, 5, PATELLA_PAIN_DURING, NULL,
                                             &error), >, 0);
    g_assert_cmpint (patella_store_log_run (store, two_before, two_before_at, 20, 3, 5, 2, NULL, &error), >, 0);
    g_assert_no_error (error);

    {
      g_autoptr(GPtrArray) on_day = patella_store_list_entries (store, two_before, PATELLA_ENTRY_ALL, &error);
      g_autoptr(PatellaSeries) series = patella_store_load_series (store, two_before, after, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < on_day->len; i++)
        g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (on_day, i))->day, ==, two_before);
      g_assert_cmpuint (on_day->len, >=, 3);
      g_assert_cmpint (series->days[0].n_runs, ==, 1);
      g_assert_cmpint (series->days[0].max_score, ==, 5);
      g_assert_cmpint (series->days[2].n_runs, ==, 0);
      g_assert_cmpint (series->days[2].max_score, ==, 2); /* the pain score of the hour back */
    }

    marks = patella_routine_load_marks (store, two_before, after, &n_marks, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_marks, ==, 4);
    for (guint i = 0; i < n_marks; i++)
      {
        g_assert_true (marks[i].logged);
        g_assert_cmpfloat_with_epsilon (marks[i].fraction, 1.0, 1e-9);
      }

    g_assert_true (patella_routine_compute_adherence (store, after, &adherence, &error));
    g_assert_no_error (error);
    g_assert_cmpint (adherence.streak, ==, 4);
    g_assert_true (adherence.streak_to_start);
    g_assert_false (adherence.nudge);

    /* Back on the day itself, the clock says it is today: the day can be
     * logged on, and the day after, already logged, stays. */
    {
      g_autoptr(PatellaDayPlan) plan = patella_day_plan_new (store, day);
      g_autoptr(GPtrArray) later = NULL;
      gint64 id;

      g_assert_true (patella_day_plan_reload (plan, &error));
      g_assert_no_error (error);
      g_assert_true (patella_day_plan_get_is_today (plan));
      g_assert_true (patella_day_plan_get_complete (plan));
      id = patella_day_plan_log_set (plan, exercise_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      n_sets++;

      later = patella_store_list_entries (store, after, PATELLA_ENTRY_ALL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (later->len, >, 0);
      g_assert_true (patella_routine_compute_adherence (store, day, &adherence, &error));
      g_assert_cmpint (adherence.streak, ==, 3);
    }
  }

  /* All of it through CSV: nothing merged, nothing moved. */
  n_logged += n_sets - 3;
  g_assert_true (patella_store_count (store, PATELLA_TABLE_EXERCISE_LOG, &n, &error));
  g_assert_cmpint (n, ==, n_sets);
  csv = export_csv (store, patella_csv_export);
  copy = open_store (copy_path);
  import_csv (copy, csv, n_logged, 0);
  {
    g_autoptr(GPtrArray) original = patella_store_list_days (store, PATELLA_ENTRY_ALL, &error);
    g_autoptr(GPtrArray) copied = patella_store_list_days (copy, PATELLA_ENTRY_ALL, &error);
    gint64 copied_sets = 0;

    g_assert_cmpuint (copied->len, ==, original->len);
    for (guint i = 0; i < copied->len; i++)
      {
        g_autoptr(GPtrArray) a = patella_store_list_entries (store, g_ptr_array_index (original, i),
                                                             PATELLA_ENTRY_ALL, &error);
        g_autoptr(GPtrArray) b = patella_store_list_entries (copy, g_ptr_array_index (copied, i),
                                                             PATELLA_ENTRY_ALL, &error);

        g_assert_cmpstr (g_ptr_array_index (copied, i), ==, g_ptr_array_index (original, i));
        g_assert_cmpuint (b->len, ==, a->len);
      }
    g_assert_true (patella_store_count (copy, PATELLA_TABLE_EXERCISE_LOG, &copied_sets, &error));
    g_assert_cmpint (copied_sets, ==, n_sets);
  }
  import_csv (store, csv, 0, n_logged);
}

/* One reader of a time of day, for each form it is kept or typed in. */
static void
test_time_forms (void)
{
  int hour = -1, minute = -1, second = -1;

  /* As settings and the entries file keep it: exactly "HH:MM". */
  g_assert_true (patella_time_parse ("07:45", PATELLA_TIME_FORM_HH_MM, &hour, &minute, &second));
  g_assert_cmpint (hour, ==, 7);
  g_assert_cmpint (minute, ==, 45);
  g_assert_cmpint (second, ==, 0);
  g_assert_true (patella_time_parse ("23:59", PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("7:45", PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL));
  g_assert_false (patella_time_parse (" 07:45", PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("07:45:00", PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("24:00", PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL));
  g_assert_false (patella_time_parse (NULL, PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL));

  /* As a person types it in the log dialog. */
  g_assert_true (patella_time_parse (" 7:30 ", PATELLA_TIME_FORM_TYPED, &hour, &minute, NULL));
  g_assert_cmpint (hour, ==, 7);
  g_assert_cmpint (minute, ==, 30);
  g_assert_true (patella_time_parse ("07:30", PATELLA_TIME_FORM_TYPED, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("007:30", PATELLA_TIME_FORM_TYPED, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("7:3", PATELLA_TIME_FORM_TYPED, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("7:30 PM", PATELLA_TIME_FORM_TYPED, NULL, NULL, NULL));
  g_assert_false (patella_time_parse ("12:60", PATELLA_TIME_FORM_TYPED, NULL, NULL, NULL));

  /* As a spreadsheet writes it back: seconds and AM/PM, but not "9:05" alone. */
  g_assert_true (patella_time_parse ("9:05:30 pm", PATELLA_TIME_FORM_SHEET, &hour, &minute, &second));
  g_assert_cmpint (hour, ==, 21);
  g_assert_cmpint (second, ==, 30);
  g_assert_false (patella_time_parse ("9:05", PATELLA_TIME_FORM_SHEET, NULL, NULL, NULL));
}

/* Numbers as typed: either decimal mark, nothing else. */
static void
test_number_typed (void)
{
  double value = 0;

  g_assert_true (patella_parse_number (" 42,5 ", &value));
  g_assert_cmpfloat (value, ==, 42.5);
  g_assert_true (patella_parse_number ("42.5", &value));
  g_assert_cmpfloat (value, ==, 42.5);
  g_assert_true (patella_parse_number ("7", &value));
  g_assert_cmpfloat (value, ==, 7);
  g_assert_false (patella_parse_number ("", &value));
  g_assert_false (patella_parse_number (NULL, &value));
  g_assert_false (patella_parse_number ("4 2", &value));
  g_assert_false (patella_parse_number ("42 km", &value));
  g_assert_false (patella_parse_number ("inf", &value));
  g_assert_false (patella_parse_number ("nan", &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  zone = find_zone (g_getenv ("TZ"));

  /* Fails, and is the only test, when TZ is not one of the three. */
  g_test_add_func ("/time/zone", test_zone);
  g_test_add_func ("/time/forms", test_time_forms);
  g_test_add_func ("/time/number-typed", test_number_typed);
  if (zone == NULL)
    return g_test_run ();

#define ADD(name, func) \
  g_test_add ("/time/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("transition-days", test_transition_days);
  ADD ("typed-times-in-csv", test_typed_times_in_csv);
  ADD ("zone-change", test_zone_change);
  ADD ("clock-backwards", test_clock_backwards);
#undef ADD
  g_test_add_func ("/time/day-arithmetic", test_day_arithmetic);

  return g_test_run ();
}
