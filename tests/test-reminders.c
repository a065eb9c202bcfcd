/* test-reminders.c: the reminder schedule and the autostart entry, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every time is built in an explicit zone, so the expectations hold
 * whatever TZ the test runs under.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "core/patella-autostart.h"
#include "core/patella-day.h"
#include "core/patella-reminders.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    g_test_skip_printf ("the time zone %s is not installed", identifier);
  return tz;
}

static GDateTime *
at (GTimeZone *tz,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  GDateTime *datetime = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (datetime);
  return datetime;
}

/* "YYYY-MM-DD HH:MM +HHMM", the instant as the zone shows it. */
static char *
show (GDateTime *datetime)
{
  return g_date_time_format (datetime, "%Y-%m-%d %H:%M %z");
}

static char *
show_utc (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (datetime);

  return g_date_time_format (utc, "%Y-%m-%d %H:%MZ");
}

static PatellaSchedule *
schedule_of (GTimeZone  *tz,
             const char *quad_1,
             const char *quad_2,
             const char *quad_3,
             const char *routine)
{
  PatellaSchedule *schedule = patella_schedule_new (tz);
  const char *quads[] = { quad_1, quad_2, quad_3 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (quads); i++)
    if (quads[i] != NULL)
      {
        g_assert_true (patella_schedule_add (schedule, PATELLA_REMINDER_QUAD, quads[i], &error));
        g_assert_no_error (error);
      }
  if (routine != NULL)
    {
      g_assert_true (patella_schedule_add (schedule, PATELLA_REMINDER_ROUTINE, routine, &error));
      g_assert_no_error (error);
    }
  return schedule;
}

static PatellaSchedule *
default_schedule (GTimeZone *tz)
{
  return schedule_of (tz, "09:00", "13:00", "19:00", "18:00");
}

/* The reminders as "Q 2024-05-14 09:00 +0200; R ..." */
static char *
list_reminders (GPtrArray *reminders)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < reminders->len; i++)
    {
      PatellaReminder *reminder = g_ptr_array_index (reminders, i);
      g_autofree char *due = show (reminder->due);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s %s", reminder->kind == PATELLA_REMINDER_QUAD ? "Q" : "R", due);
    }
  return g_string_free (out, FALSE);
}

static char *
due_between (PatellaSchedule *schedule,
             GDateTime       *from,
             GDateTime       *to)
{
  g_autoptr(GPtrArray) due = patella_schedule_due (schedule, from, to, NULL, NULL);

  return list_reminders (due);
}

static void
test_parse_time (void)
{
  const char *good[] = { "00:00", "09:05", "23:59", "12:30" };
  const char *bad[] = { "", "9:00", "24:00", "12:60", "12-30", "12:3", "12:300", " 12:30", "ab:cd", "-1:00" };
  int hour = -1, minute = -1;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (patella_reminder_parse_time (good[i], NULL, NULL, NULL));
  g_assert_true (patella_reminder_parse_time ("07:45", &hour, &minute, NULL));
  g_assert_cmpint (hour, ==, 7);
  g_assert_cmpint (minute, ==, 45);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (patella_reminder_parse_time (bad[i], NULL, NULL, &error));
      g_assert_error (error, PATELLA_REMINDER_ERROR, PATELLA_REMINDER_ERROR_INVALID_TIME);
      g_assert_nonnull (strstr (error->message, "09:00"));
    }

  {
    g_autoptr(PatellaSchedule) schedule = patella_schedule_new (NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (patella_schedule_add (schedule, PATELLA_REMINDER_QUAD, "25:00", &error));
    g_assert_error (error, PATELLA_REMINDER_ERROR, PATELLA_REMINDER_ERROR_INVALID_TIME);
    g_assert_cmpuint (patella_schedule_get_n_times (schedule), ==, 0);
  }
}

static void
assert_resolves (GTimeZone  *tz,
                 int         year,
                 int         month,
                 int         day,
                 int         hour,
                 int         minute,
                 const char *expected_local,
                 const char *expected_utc)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autoptr(GDateTime) due = patella_reminder_resolve (tz, date, hour, minute);
  g_autofree char *local = show (due);
  g_autofree char *utc = show_utc (due);

  g_assert_cmpstr (local, ==, expected_local);
  g_assert_cmpstr (utc, ==, expected_utc);
}

/* The two DST days in zones of several kinds. */
static void
test_resolve_dst (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = NULL;
  g_autoptr(GTimeZone) lord_howe = NULL;
  g_autoptr(GTimeZone) santiago = NULL;
  g_autoptr(GTimeZone) kolkata = NULL;

  if (berlin == NULL)
    return;

  /* An ordinary day, in summer and winter. */
  assert_resolves (berlin, 2024, 5, 14, 9, 0, "2024-05-14 09:00 +0200", "2024-05-14 07:00Z");
  assert_resolves (berlin, 2024, 1, 14, 9, 0, "2024-01-14 09:00 +0100", "2024-01-14 08:00Z");

  /* Clocks go forward at 02:00 to 03:00: 02:30 does not exist and falls
   * due at the change; the times around it are untouched. */
  assert_resolves (berlin, 2024, 3, 31, 2, 30, "2024-03-31 03:00 +0200", "2024-03-31 01:00Z");
  assert_resolves (berlin, 2024, 3, 31, 2, 0, "2024-03-31 03:00 +0200", "2024-03-31 01:00Z");
  assert_resolves (berlin, 2024, 3, 31, 1, 59, "2024-03-31 01:59 +0100", "2024-03-31 00:59Z");
  assert_resolves (berlin, 2024, 3, 31, 3, 0, "2024-03-31 03:00 +0200", "2024-03-31 01:00Z");
  assert_resolves (berlin, 2024, 3, 31, 9, 0, "2024-03-31 09:00 +0200", "2024-03-31 07:00Z");

  /* Clocks go back at 03:00 to 02:00: 02:30 happens twice; the first. */
  assert_resolves (berlin, 2024, 10, 27, 2, 30, "2024-10-27 02:30 +0200", "2024-10-27 00:30Z");
  assert_resolves (berlin, 2024, 10, 27, 3, 0, "2024-10-27 03:00 +0100", "2024-10-27 02:00Z");
  assert_resolves (berlin, 2024, 10, 27, 19, 0, "2024-10-27 19:00 +0100", "2024-10-27 18:00Z");

  new_york = zone ("America/New_York");
  assert_resolves (new_york, 2024, 3, 10, 2, 30, "2024-03-10 03:00 -0400", "2024-03-10 07:00Z");
  assert_resolves (new_york, 2024, 11, 3, 1, 30, "2024-11-03 01:30 -0400", "2024-11-03 05:30Z");

  /* Half an hour of DST. */
  lord_howe = zone ("Australia/Lord_Howe");
  if (lord_howe != NULL)
    {
      assert_resolves (lord_howe, 2024, 10, 6, 2, 15, "2024-10-06 02:30 +1100", "2024-10-05 15:30Z");
      assert_resolves (lord_howe, 2024, 4, 7, 1, 45, "2024-04-07 01:45 +1100", "2024-04-06 14:45Z");
    }

  /* Midnight is skipped: 00:30 falls due at 01:00 the same day. */
  santiago = zone ("America/Santiago");
  if (santiago != NULL)
    assert_resolves (santiago, 2024, 9, 8, 0, 30, "2024-09-08 01:00 -0300", "2024-09-08 04:00Z");

  /* No DST, a half-hour offset. */
  kolkata = zone ("Asia/Kolkata");
  if (kolkata != NULL)
    assert_resolves (kolkata, 2024, 3, 31, 2, 30, "2024-03-31 02:30 +0530", "2024-03-30 21:00Z");
}

static void
test_due (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(PatellaSchedule) schedule = NULL;

  if (berlin == NULL)
    return;
  schedule = default_schedule (berlin);
  g_assert_true (patella_schedule_get_zone (schedule) == berlin);
  g_assert_cmpuint (patella_schedule_get_n_times (schedule), ==, 4);

  /* A day, in the order they fall due. */
  {
    g_autoptr(GDateTime) from = at (berlin, 2024, 5, 14, 0, 0);
    g_autoptr(GDateTime) to = at (berlin, 2024, 5, 15, 0, 0);
    g_autofree char *due = due_between (schedule, from, to);

    g_assert_cmpstr (due, ==,
                     "Q 2024-05-14 09:00 +0200; Q 2024-05-14 13:00 +0200; "
                     "R 2024-05-14 18:00 +0200; Q 2024-05-14 19:00 +0200");
  }

  /* (from, to]: a reminder at `from` was already handled, one at `to` is due. */
  {
    g_autoptr(GDateTime) from = at (berlin, 2024, 5, 14, 9, 0);
    g_autoptr(GDateTime) to = at (berlin, 2024, 5, 14, 13, 0);
    g_autoptr(GDateTime) just_before = g_date_time_add_seconds (to, -0.5);
    g_autofree char *due = due_between (schedule, from, to);
    g_autofree char *none = due_between (schedule, from, just_before);
    g_autofree char *backwards = due_between (schedule, to, from);

    g_assert_cmpstr (due, ==, "Q 2024-05-14 13:00 +0200");
    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (backwards, ==, "");
  }

  /* Across midnight. */
  {
    g_autoptr(GDateTime) from = at (berlin, 2024, 5, 14, 22, 0);
    g_autoptr(GDateTime) to = at (berlin, 2024, 5, 15, 10, 0);
    g_autofree char *due = due_between (schedule, from, to);

    g_assert_cmpstr (due, ==, "Q 2024-05-15 09:00 +0200");
  }

  /* Days away: each reminder of each day, once; the interval may be
   * given in any zone. */
  {
    g_autoptr(GDateTime) from_local = at (berlin, 2024, 5, 10, 20, 0);
    g_autoptr(GDateTime) from = g_date_time_to_utc (from_local);
    g_autoptr(GDateTime) to = at (berlin, 2024, 5, 14, 20, 0);
    g_autoptr(GPtrArray) due = patella_schedule_due (schedule, from, to, NULL, NULL);

    g_assert_cmpuint (due->len, ==, 16);
  }

  /* The spring-forward day: 23 hours, still four reminders; a time in
   * the skipped hour falls due at 03:00. */
  {
    g_autoptr(PatellaSchedule) night = schedule_of (berlin, "02:30", "13:00", "19:00", "18:00");
    g_autoptr(GDateTime) from = at (berlin, 2024, 3, 31, 0, 0);
    g_autoptr(GDateTime) to = at (berlin, 2024, 4, 1, 0, 0);
    g_autofree char *due = due_between (night, from, to);
    g_autofree char *defaults = due_between (schedule, from, to);

    g_assert_cmpstr (due, ==,
                     "Q 2024-03-31 03:00 +0200; Q 2024-03-31 13:00 +0200; "
                     "R 2024-03-31 18:00 +0200; Q 2024-03-31 19:00 +0200");
    g_assert_cmpstr (defaults, ==,
                     "Q 2024-03-31 09:00 +0200; Q 2024-03-31 13:00 +0200; "
                     "R 2024-03-31 18:00 +0200; Q 2024-03-31 19:00 +0200");
  }

  /* The fall-back day: 25 hours, and 02:30 falls due once, at the first. */
  {
    g_autoptr(PatellaSchedule) night = schedule_of (berlin, "02:30", NULL, NULL, NULL);
    g_autoptr(GDateTime) from = at (berlin, 2024, 10, 26, 12, 0);
    g_autoptr(GDateTime) to = at (berlin, 2024, 10, 28, 12, 0);
    g_autofree char *due = due_between (night, from, to);
    g_autofree char *defaults = due_between (schedule, from, to);

    g_assert_cmpstr (due, ==, "Q 2024-10-27 02:30 +0200; Q 2024-10-28 02:30 +0100");
    g_assert_cmpstr (defaults, ==,
                     "Q 2024-10-26 13:00 +0200; R 2024-10-26 18:00 +0200; Q 2024-10-26 19:00 +0200; "
                     "Q 2024-10-27 09:00 +0100; Q 2024-10-27 13:00 +0100; R 2024-10-27 18:00 +0100; "
                     "Q 2024-10-27 19:00 +0100; Q 2024-10-28 09:00 +0100");
  }

  /* No times, nothing due. */
  {
    g_autoptr(PatellaSchedule) empty = patella_schedule_new (berlin);
    g_autoptr(GDateTime) from = at (berlin, 2024, 5, 1, 0, 0);
    g_autoptr(GDateTime) to = at (berlin, 2024, 5, 31, 0, 0);
    g_autofree char *due = due_between (empty, from, to);

    g_assert_cmpstr (due, ==, "");
  }
}

static gboolean
quad_done_on (PatellaReminderKind  kind,
              const char          *day,
              gpointer             user_data)
{
  return kind == PATELLA_REMINDER_QUAD && g_strcmp0 (day, user_data) == 0;
}

static void
test_due_done (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(PatellaSchedule) schedule = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *text = NULL;

  if (berlin == NULL)
    return;
  schedule = default_schedule (berlin);
  from = at (berlin, 2024, 5, 13, 20, 0);
  to = at (berlin, 2024, 5, 14, 20, 0);

  /* The day handed over is the reminder's local day. */
  due = patella_schedule_due (schedule, from, to, quad_done_on, (gpointer) "2024-05-14");
  text = list_reminders (due);
  g_assert_cmpstr (text, ==, "R 2024-05-14 18:00 +0200");
}

static char *
show_next (PatellaSchedule *schedule,
           GDateTime       *now)
{
  g_autoptr(GDateTime) next = patella_schedule_next (schedule, now);

  return next ? show (next) : NULL;
}

static void
test_next (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(PatellaSchedule) schedule = NULL;
  g_autoptr(PatellaSchedule) night = NULL;
  g_autoptr(PatellaSchedule) empty = NULL;

  if (berlin == NULL)
    return;
  schedule = default_schedule (berlin);
  night = schedule_of (berlin, "02:30", NULL, NULL, NULL);
  empty = patella_schedule_new (berlin);

  {
    g_autoptr(GDateTime) now = at (berlin, 2024, 5, 14, 10, 0);
    g_autoptr(GDateTime) exactly = at (berlin, 2024, 5, 14, 9, 0);
    g_autoptr(GDateTime) evening = at (berlin, 2024, 5, 14, 19, 30);
    g_autoptr(GDateTime) utc = g_date_time_to_utc (evening);
    g_autofree char *a = show_next (schedule, now);
    g_autofree char *b = show_next (schedule, exactly);
    g_autofree char *c = show_next (schedule, evening);
    g_autofree char *d = show_next (schedule, utc);
    g_autofree char *e = show_next (empty, now);

    g_assert_cmpstr (a, ==, "2024-05-14 13:00 +0200");
    /* After now, strictly: 09:00 was just handled. */
    g_assert_cmpstr (b, ==, "2024-05-14 13:00 +0200");
    g_assert_cmpstr (c, ==, "2024-05-15 09:00 +0200");
    /* In the schedule's zone, whatever the zone of now. */
    g_assert_cmpstr (d, ==, "2024-05-15 09:00 +0200");
    g_assert_null (e);
  }

  /* Across both DST changes. */
  {
    g_autoptr(GDateTime) spring = at (berlin, 2024, 3, 30, 22, 0);
    g_autoptr(GDateTime) autumn = at (berlin, 2024, 10, 26, 22, 0);
    g_autoptr(GDateTime) autumn_later = at (berlin, 2024, 10, 27, 2, 45);
    g_autofree char *a = show_next (night, spring);
    g_autofree char *b = show_next (night, autumn);
    g_autofree char *c = show_next (night, autumn_later);

    g_assert_cmpstr (a, ==, "2024-03-31 03:00 +0200");
    g_assert_cmpstr (b, ==, "2024-10-27 02:30 +0200");
    /* 02:45 CEST: the second 02:30 (CET) does not fire again. */
    g_assert_cmpstr (c, ==, "2024-10-28 02:30 +0100");
  }
}

static PatellaReminderCheck *
check_at (PatellaSchedule *schedule,
          GDateTime       *last,
          GDateTime       *now)
{
  return patella_schedule_check (schedule, last ? g_date_time_to_unix (last) : 0, now, NULL, NULL);
}

static void
test_check (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(PatellaSchedule) schedule = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (berlin == NULL)
    return;
  schedule = default_schedule (berlin);
  now = at (berlin, 2024, 5, 14, 20, 0);

  /* The first start: nothing was missed. */
  {
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, NULL, now);

    g_assert_true (check->first);
    g_assert_false (check->any_due);
    g_assert_cmpuint (check->send->len, ==, 0);
    g_assert_cmpuint (check->n_missed, ==, 0);
    g_assert_null (patella_reminder_check_describe_missed (check));
  }

  /* The clock was set back: nothing was missed either. */
  {
    g_autoptr(GDateTime) future = g_date_time_add_days (now, 3);
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, future, now);

    g_assert_true (check->clock_back);
    g_assert_false (check->first);
    g_assert_cmpuint (check->send->len, ==, 0);
    g_assert_cmpuint (check->n_missed, ==, 0);
  }

  /* A check a minute after the last: the reminder at 19:00 is sent. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 18, 59);
    g_autoptr(GDateTime) in_time = at (berlin, 2024, 5, 14, 19, 0);
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, last, in_time);
    g_autofree char *sent = list_reminders (check->send);

    g_assert_true (check->any_due);
    g_assert_cmpstr (sent, ==, "Q 2024-05-14 19:00 +0200");
    g_assert_cmpstr (((PatellaReminder *) g_ptr_array_index (check->send, 0))->time, ==, "19:00");
    g_assert_cmpuint (check->n_missed, ==, 0);
  }

  /* Nothing between two checks. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 19, 30);
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, last, now);

    g_assert_false (check->any_due);
    g_assert_cmpuint (check->send->len, ==, 0);
    g_assert_cmpuint (check->n_missed, ==, 0);
  }

  /* Just within the grace it is still sent; just outside it is missed. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 18, 30);
    g_autoptr(GDateTime) late = at (berlin, 2024, 5, 14, 19, 9);
    g_autoptr(GDateTime) too_late = at (berlin, 2024, 5, 14, 19, 10);
    g_autoptr(PatellaReminderCheck) sent = check_at (schedule, last, late);
    g_autoptr(PatellaReminderCheck) missed = check_at (schedule, last, too_late);
    g_autofree char *text = patella_reminder_check_describe_missed (missed);

    g_assert_cmpuint (sent->send->len, ==, 1);
    g_assert_cmpuint (sent->n_missed, ==, 0);
    g_assert_cmpuint (missed->send->len, ==, 0);
    g_assert_cmpuint (missed->n_missed, ==, 1);
    g_assert_cmpstr (text, ==, "1 reminder was missed while Patella was not running: quadriceps setting at 19:00.");
  }

  /* Closed since 10:00: the day's three collapse into one summary. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 10, 0);
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, last, now);
    g_autofree char *text = patella_reminder_check_describe_missed (check);

    g_assert_cmpuint (check->send->len, ==, 0);
    g_assert_cmpuint (check->n_missed, ==, 3);
    g_assert_cmpuint (check->recent_missed->len, ==, 3);
    g_assert_cmpstr (text, ==,
                     "3 reminders were missed while Patella was not running: "
                     "quadriceps setting at 13:00 and 19:00, the day’s routine at 18:00.");
  }

  /* Closed since yesterday noon: the last day's are listed, the older counted. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 13, 12, 0);
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, last, now);
    g_autofree char *text = patella_reminder_check_describe_missed (check);

    g_assert_cmpuint (check->n_missed, ==, 7);
    g_assert_cmpuint (check->recent_missed->len, ==, 4);
    g_assert_cmpstr (text, ==,
                     "7 reminders were missed while Patella was not running; in the last day: "
                     "quadriceps setting at 09:00, 13:00 and 19:00, the day’s routine at 18:00.");
  }

  /* A wake just after 09:00 after a night asleep: 09:00 is sent, last
   * evening's 19:00 (quad) is missed; only one notification per kind. */
  {
    g_autoptr(PatellaSchedule) close_times = schedule_of (berlin, "08:58", "09:00", "19:00", NULL);
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 18, 0);
    g_autoptr(GDateTime) morning = at (berlin, 2024, 5, 15, 9, 1);
    g_autoptr(PatellaReminderCheck) check = check_at (close_times, last, morning);
    g_autofree char *sent = list_reminders (check->send);
    g_autofree char *text = patella_reminder_check_describe_missed (check);

    g_assert_cmpstr (sent, ==, "Q 2024-05-15 09:00 +0200");
    g_assert_cmpuint (check->n_missed, ==, 1);
    g_assert_cmpstr (text, ==, "1 reminder was missed while Patella was not running: quadriceps setting at 19:00.");
  }

  /* Only the routine. */
  {
    g_autoptr(PatellaSchedule) routine = schedule_of (berlin, NULL, NULL, NULL, "18:00");
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 10, 0);
    g_autoptr(PatellaReminderCheck) check = check_at (routine, last, now);
    g_autofree char *text = patella_reminder_check_describe_missed (check);

    g_assert_cmpstr (text, ==, "1 reminder was missed while Patella was not running: the day’s routine at 18:00.");
  }

  /* Away for years: counted back a year, not replayed. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2019, 5, 14, 10, 0);
    g_autoptr(PatellaReminderCheck) check = check_at (schedule, last, now);

    g_assert_cmpuint (check->n_missed, >=, 365 * 4);
    g_assert_cmpuint (check->n_missed, <=, (PATELLA_REMINDER_MAX_LOOKBACK_DAYS + 1) * 4);
    g_assert_cmpuint (check->recent_missed->len, ==, 4);
    g_assert_cmpuint (check->send->len, ==, 0);
  }
}

static gboolean
done_but_the_last_days (PatellaReminderKind  kind,
                        const char          *day,
                        gpointer             user_data)
{
  return g_strcmp0 (day, user_data) >= 0;
}

static void
test_check_done (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(PatellaSchedule) schedule = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (berlin == NULL)
    return;
  schedule = default_schedule (berlin);
  now = at (berlin, 2024, 5, 14, 20, 0);

  /* Work that was done is neither sent nor missed, but it was due. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 10, 0);
    g_autoptr(PatellaReminderCheck) check =
      patella_schedule_check (schedule, g_date_time_to_unix (last), now, quad_done_on, (gpointer) "2024-05-14");
    g_autofree char *text = patella_reminder_check_describe_missed (check);

    g_assert_true (check->any_due);
    g_assert_cmpuint (check->n_missed, ==, 1);
    g_assert_cmpstr (text, ==, "1 reminder was missed while Patella was not running: the day’s routine at 18:00.");
  }

  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 14, 18, 59);
    g_autoptr(GDateTime) in_time = at (berlin, 2024, 5, 14, 19, 0);
    g_autoptr(PatellaReminderCheck) check =
      patella_schedule_check (schedule, g_date_time_to_unix (last), in_time, quad_done_on, (gpointer) "2024-05-14");

    g_assert_true (check->any_due);
    g_assert_cmpuint (check->send->len, ==, 0);
    g_assert_cmpuint (check->n_missed, ==, 0);
  }

  /* All of the last day done, older ones not: only counted. */
  {
    g_autoptr(GDateTime) last = at (berlin, 2024, 5, 11, 20, 0);
    g_autoptr(PatellaReminderCheck) check =
      patella_schedule_check (schedule, g_date_time_to_unix (last), now,
                              done_but_the_last_days, (gpointer) "2024-05-13");
    g_autofree char *text = patella_reminder_check_describe_missed (check);

    g_assert_cmpuint (check->n_missed, ==, 4);
    g_assert_cmpuint (check->recent_missed->len, ==, 0);
    g_assert_cmpstr (text, ==, "4 reminders were missed while Patella was not running.");
  }
}

/* The record decides what is done. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReminderProgress) progress = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* 2024-05-10: two sets of quadriceps setting; 05-11: three;
   * 05-12: the whole routine; 05-13: a rest day. */
  for (int i = 0; i < 2; i++)
    g_assert_cmpint (patella_store_log_exercise (store, "2024-05-10", NULL, "quad-setting", 1, 20, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2024-05-11", NULL, "quad-setting", 3, 20, NULL, &error), >, 0);
  exercises = patella_store_list_exercises (store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exercises->len; i++)
    {
      const PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (exercise->enabled)
        g_assert_cmpint (patella_store_log_exercise (store, "2024-05-12", NULL, exercise->id,
                                                     exercise->target_sets, exercise->reps, NULL, &error), >, 0);
    }
  g_assert_true (patella_store_set_rest_day (store, "2024-05-13", PATELLA_REST_DAY_REST, NULL, &error));
  g_assert_no_error (error);

  progress = patella_reminder_progress_new (store, "2024-05-10", "2024-05-14", &error);
  g_assert_no_error (error);
  g_assert_nonnull (progress);

  g_assert_false (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-10", progress));
  g_assert_false (patella_reminder_progress_is_done (PATELLA_REMINDER_ROUTINE, "2024-05-10", progress));
  g_assert_true (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-11", progress));
  g_assert_false (patella_reminder_progress_is_done (PATELLA_REMINDER_ROUTINE, "2024-05-11", progress));
  g_assert_true (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-12", progress));
  g_assert_true (patella_reminder_progress_is_done (PATELLA_REMINDER_ROUTINE, "2024-05-12", progress));
  g_assert_true (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-13", progress));
  g_assert_true (patella_reminder_progress_is_done (PATELLA_REMINDER_ROUTINE, "2024-05-13", progress));
  g_assert_false (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-14", progress));
  /* Outside the range: not done. */
  g_assert_false (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-09", progress));
  g_assert_false (patella_reminder_progress_is_done (PATELLA_REMINDER_QUAD, "2024-05-15", progress));

  /* As the done function of a check. */
  {
    g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
    g_autoptr(PatellaSchedule) schedule = NULL;
    g_autoptr(GDateTime) last = NULL;
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(PatellaReminderCheck) check = NULL;

    if (berlin == NULL)
      return;
    schedule = default_schedule (berlin);
    last = at (berlin, 2024, 5, 10, 0, 0);
    now = at (berlin, 2024, 5, 14, 23, 0);
    check = patella_schedule_check (schedule, g_date_time_to_unix (last), now,
                                    patella_reminder_progress_is_done, progress);
    /* 05-10: 4; 05-11: the routine; 05-12, 05-13: none; 05-14: 4. */
    g_assert_cmpuint (check->n_missed, ==, 9);
  }
}

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static void
test_autostart (void)
{
  g_autofree char *path = patella_autostart_get_path ();
  g_autofree char *expected_path = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "autostart",
                                                     "io.github.patella.Patella.desktop", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  GStatBuf before, after;

  g_assert_cmpstr (path, ==, expected_path);
  g_assert_false (patella_autostart_is_enabled ());

  /* Off when off: nothing to remove is fine. */
  g_assert_true (patella_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);

  /* On: the folder is made and the entry written. */
  g_assert_true (patella_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (patella_autostart_is_enabled ());
  contents = read_text (path);
  {
    g_autofree char *written = patella_autostart_get_contents ();

    g_assert_cmpstr (contents, ==, written);
  }
  g_assert_true (g_key_file_load_from_data (keyfile, contents, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (keyfile, "Desktop Entry", "Exec", &error);
  g_assert_cmpstr (exec, ==, "patella --background");
  g_assert_true (g_key_file_get_boolean (keyfile, "Desktop Entry", "NoDisplay", NULL));
  g_assert_true (g_key_file_get_boolean (keyfile, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));
  {
    g_autofree char *type = g_key_file_get_string (keyfile, "Desktop Entry", "Type", NULL);
    g_autofree char *name = g_key_file_get_string (keyfile, "Desktop Entry", "Name", NULL);

    g_assert_cmpstr (type, ==, "Application");
    g_assert_cmpstr (name, ==, "Patella");
  }
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0644);

  /* On again: the same file, untouched. */
  g_assert_true (patella_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  /* A changed entry is put right. */
  patella_test_write_file (path, "[Desktop Entry]\nExec=something-else\n", -1);
  g_assert_true (patella_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *rewritten = read_text (path);

    g_assert_cmpstr (rewritten, ==, contents);
  }

  /* Off: gone, and off again is fine. */
  g_assert_true (patella_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (patella_autostart_is_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (patella_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
}

static void
test_autostart_errors (void)
{
  g_autofree char *path = patella_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *inside = g_build_filename (path, "child", NULL);
  g_autoptr(GError) error = NULL;

  /* The folder is a file: a plain message naming it. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS) && !g_file_test (dir, G_FILE_TEST_IS_DIR));
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    patella_test_remove_tree (dir);
  patella_test_write_file (dir, "not a folder", -1);
  g_assert_false (patella_autostart_set_enabled (TRUE, &error));
  g_assert_true (error->domain == G_FILE_ERROR);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_true (g_str_has_prefix (error->message, "Could not create the folder"));
  g_clear_error (&error);
  g_assert_false (patella_autostart_is_enabled ());
  g_assert_cmpint (g_unlink (dir), ==, 0);

  /* The entry is a folder with something in it: it cannot be removed. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  patella_test_write_file (inside, "x", -1);
  g_assert_false (patella_autostart_set_enabled (FALSE, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not remove the login entry"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Nor written over. */
  g_assert_false (patella_autostart_set_enabled (TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the login entry"));
  g_clear_error (&error);

  patella_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = patella_test_make_tmpdir ();
  int status;

  /* Before GLib reads and caches it. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/parse-time", test_parse_time);
  g_test_add_func ("/reminders/resolve-dst", test_resolve_dst);
  g_test_add_func ("/reminders/due", test_due);
  g_test_add_func ("/reminders/due-done", test_due_done);
  g_test_add_func ("/reminders/next", test_next);
  g_test_add_func ("/reminders/check", test_check);
  g_test_add_func ("/reminders/check-done", test_check_done);
  g_test_add ("/reminders/progress", Fixture, NULL, patella_test_files_set_up, test_progress,
              patella_test_files_tear_down);
  g_test_add_func ("/autostart/on-and-off", test_autostart);
  g_test_add_func ("/autostart/errors", test_autostart_errors);

  status = g_test_run ();
  patella_test_remove_tree (config_home);
  return status;
}
