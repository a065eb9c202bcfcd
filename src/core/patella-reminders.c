/* patella-reminders.c: when the reminders fall due, as a pure schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The times are wall-clock times ("HH:MM") in one zone, every day. Two
 * days a year the wall clock is not a line:
 *
 * - In the hour that is skipped when clocks go forward, the time does not
 *   exist; the reminder falls due at the first instant after it that does,
 *   which is the moment of the change (02:30 in Berlin on the last Sunday
 *   of March is due at 03:00 CEST).
 * - In the hour that is repeated when clocks go back, the time exists
 *   twice; the reminder falls due once, at the first of the two (02:30 CEST,
 *   not 02:30 CET).
 *
 * Days are stepped as calendar days, never as 86400 seconds, so a 23- or
 * 25-hour day still gets each reminder once.
 */
#define G_LOG_DOMAIN "patella-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-reminders.h"
#include "patella-routine.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

G_DEFINE_QUARK (patella-reminder-error-quark, patella_reminder_error)

typedef struct
{
  PatellaReminderKind kind;
  int                 hour;
  int                 minute;
  char                text[6];
} ScheduleTime;

struct _PatellaSchedule
{
  GTimeZone *zone;
  GArray    *times;  /* ScheduleTime */
};

void
patella_reminder_free (PatellaReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->time);
  g_clear_pointer (&reminder->due, g_date_time_unref);
  g_free (reminder);
}

gboolean
patella_reminder_parse_time (const char  *text,
                             int         *hour,
                             int         *minute,
                             GError     **error)
{
  if (patella_time_parse (text, PATELLA_TIME_FORM_HH_MM, hour, minute, NULL))
    return TRUE;

  g_set_error (error, PATELLA_REMINDER_ERROR, PATELLA_REMINDER_ERROR_INVALID_TIME,
               /* Translators: the example keeps its form, HH:MM */
               _("“%s” is not a time of day; use hours and minutes, such as 09:00."),
               text ? text : "");
  return FALSE;
}

static gint64
offset_at (GTimeZone *zone,
           gint64     utc)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);

  return interval < 0 ? 0 : g_time_zone_get_offset (zone, interval);
}

/* See the top of the file for the two days a year this is about. */
GDateTime *
patella_reminder_resolve (GTimeZone   *zone,
                          const GDate *date,
                          int          hour,
                          int          minute)
{
  g_autoptr(GDateTime) naive = NULL;
  g_autoptr(GDateTime) utc = NULL;
  gint64 wall, before, after, found = G_MAXINT64;
  gint64 offsets[3];

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* The wall-clock time, read as if it were UTC. */
  naive = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                               hour, minute, 0);
  g_return_val_if_fail (naive != NULL, NULL);
  wall = g_date_time_to_unix (naive);

  /* Offsets are at most a day away from the wall time, and a zone
   * changes its offset at most once within a day either side. */
  before = offsets[0] = offset_at (zone, wall - SECONDS_PER_DAY);
  offsets[1] = offset_at (zone, wall);
  after = offsets[2] = offset_at (zone, wall + SECONDS_PER_DAY);

  /* Each offset whose instant really shows this wall time; the earliest
   * wins when the hour is repeated. */
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 instant = wall - offsets[i];

      if (offset_at (zone, instant) == offsets[i])
        found = MIN (found, instant);
    }

  if (found == G_MAXINT64 && after > before)
    {
      /* Skipped: the moment of the change lies in (lo, hi]. */
      gint64 lo = wall - after;
      gint64 hi = wall - before;
      gint64 lo_offset = offset_at (zone, lo);

      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (offset_at (zone, mid) == lo_offset)
            lo = mid;
          else
            hi = mid;
        }
      found = hi;
    }

  if (found == G_MAXINT64)
    /* No zone in the tz database gets here; GLib's own answer then. */
    return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                            hour, minute, 0);

  utc = g_date_time_new_from_unix_utc (found);
  return g_date_time_to_timezone (utc, zone);
}

PatellaSchedule *
patella_schedule_new (GTimeZone *zone)
{
  PatellaSchedule *self = g_new0 (PatellaSchedule, 1);

  self->zone = zone ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  self->times = g_array_new (FALSE, TRUE, sizeof (ScheduleTime));
  return self;
}

void
patella_schedule_free (PatellaSchedule *self)
{
  if (self == NULL)
    return;
  g_time_zone_unref (self->zone);
  g_array_unref (self->times);
  g_free (self);
}

gboolean
patella_schedule_add (PatellaSchedule      *self,
                      PatellaReminderKind   kind,
                      const char           *time,
                      GError              **error)
{
  ScheduleTime entry = { kind, 0, 0, "" };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind == PATELLA_REMINDER_QUAD || kind == PATELLA_REMINDER_ROUTINE, FALSE);

  if (!patella_reminder_parse_time (time, &entry.hour, &entry.minute, error))
    return FALSE;
  g_strlcpy (entry.text, time, sizeof entry.text);
  g_array_append_val (self->times, entry);
  return TRUE;
}

guint
patella_schedule_get_n_times (PatellaSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->times->len;
}

GTimeZone *
patella_schedule_get_zone (PatellaSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->zone;
}

static gint64
to_usec (GDateTime *datetime)
{
  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

/* The calendar day of @datetime in the schedule's zone. */
static void
local_date (PatellaSchedule *self,
            GDateTime       *datetime,
            GDate           *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (datetime, self->zone);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const PatellaReminder *ra = *(PatellaReminder * const *) a;
  const PatellaReminder *rb = *(PatellaReminder * const *) b;
  int order = g_date_time_compare (ra->due, rb->due);

  if (order != 0)
    return order;
  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;
  return strcmp (ra->time, rb->time);
}

static GPtrArray *
schedule_due (PatellaSchedule         *self,
              GDateTime               *from,
              GDateTime               *to,
              PatellaReminderDoneFunc  done,
              gpointer                 user_data,
              guint                   *n_due)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_reminder_free);
  gint64 from_usec = to_usec (from);
  gint64 to_usec_ = to_usec (to);
  GDate date, last;

  *n_due = 0;
  if (self->times->len == 0 || to_usec_ <= from_usec)
    return g_steal_pointer (&result);

  /* A day before the first: a time at the end of a day whose last hour
   * is skipped falls due on the next day. */
  local_date (self, from, &date);
  g_date_subtract_days (&date, 1);
  local_date (self, to, &last);

  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    {
      g_autofree char *day = NULL;

      for (guint i = 0; i < self->times->len; i++)
        {
          const ScheduleTime *time = &g_array_index (self->times, ScheduleTime, i);
          g_autoptr(GDateTime) due = patella_reminder_resolve (self->zone, &date, time->hour, time->minute);
          gint64 due_usec = to_usec (due);
          PatellaReminder *reminder;

          if (due_usec <= from_usec || due_usec > to_usec_)
            continue;

          (*n_due)++;
          if (day == NULL)
            day = patella_day_format (&date);
          if (done != NULL && done (time->kind, day, user_data))
            continue;

          reminder = g_new0 (PatellaReminder, 1);
          reminder->kind = time->kind;
          reminder->time = g_strdup (time->text);
          reminder->due = g_steal_pointer (&due);
          g_ptr_array_add (result, reminder);
        }
    }

  g_ptr_array_sort (result, compare_reminders);
  return g_steal_pointer (&result);
}

GPtrArray *
patella_schedule_due (PatellaSchedule         *self,
                      GDateTime               *from,
                      GDateTime               *to,
                      PatellaReminderDoneFunc  done,
                      gpointer                 user_data)
{
  guint n_due;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  return schedule_due (self, from, to, done, user_data, &n_due);
}

GDateTime *
patella_schedule_next (PatellaSchedule *self,
                       GDateTime       *now)
{
  g_autoptr(GDateTime) next = NULL;
  gint64 now_usec;
  GDate date;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  now_usec = to_usec (now);
  local_date (self, now, &date);
  g_date_subtract_days (&date, 1);

  /* Every day has each time, so the next one is at most a day and a bit
   * away; four days cover a zone that skipped a whole day. */
  for (int n = 0; n < 4; n++, g_date_add_days (&date, 1))
    for (guint i = 0; i < self->times->len; i++)
      {
        const ScheduleTime *time = &g_array_index (self->times, ScheduleTime, i);
        g_autoptr(GDateTime) due = patella_reminder_resolve (self->zone, &date, time->hour, time->minute);

        if (to_usec (due) > now_usec && (next == NULL || g_date_time_compare (due, next) < 0))
          {
            g_clear_pointer (&next, g_date_time_unref);
            next = g_steal_pointer (&due);
          }
      }

  return g_steal_pointer (&next);
}

void
patella_reminder_check_free (PatellaReminderCheck *check)
{
  if (check == NULL)
    return;
  g_ptr_array_unref (check->send);
  g_ptr_array_unref (check->recent_missed);
  g_free (check);
}

/**
 * patella_schedule_check:
 *
 * Sorts what fell due in (@last_check, @now] into reminders to send now
 * and reminders that were missed. The first check ever (@last_check 0)
 * and a check after the clock was set back find nothing: the caller then
 * stores @now as the last check, as after every check that found something.
 */
PatellaReminderCheck *
patella_schedule_check (PatellaSchedule         *self,
                        gint64                   last_check,
                        GDateTime               *now,
                        PatellaReminderDoneFunc  done,
                        gpointer                 user_data)
{
  g_autoptr(PatellaReminderCheck) check = g_new0 (PatellaReminderCheck, 1);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) oldest = NULL;
  g_autoptr(GDateTime) grace = NULL;
  g_autoptr(GDateTime) day_ago = NULL;
  g_autoptr(GPtrArray) due = NULL;
  PatellaReminder *send[2] = { NULL, NULL };
  guint n_due;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  check->send = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_reminder_free);
  check->recent_missed = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_reminder_free);

  if (last_check <= 0)
    {
      check->first = TRUE;
      return g_steal_pointer (&check);
    }
  if (last_check > g_date_time_to_unix (now))
    {
      check->clock_back = TRUE;
      return g_steal_pointer (&check);
    }

  from = g_date_time_new_from_unix_utc (last_check);
  oldest = g_date_time_add_days (now, -PATELLA_REMINDER_MAX_LOOKBACK_DAYS);
  if (g_date_time_compare (from, oldest) < 0)
    {
      g_date_time_unref (from);
      from = g_date_time_ref (oldest);
    }

  due = schedule_due (self, from, now, done, user_data, &n_due);
  check->any_due = n_due > 0;

  grace = g_date_time_add_seconds (now, -PATELLA_REMINDER_GRACE_SECONDS);
  day_ago = g_date_time_add_days (now, -1);

  for (guint i = 0; i < due->len; i++)
    {
      PatellaReminder *reminder = g_ptr_array_index (due, i);

      if (g_date_time_compare (reminder->due, grace) > 0)
        {
          /* Only the latest of a kind: one notification stands for it. */
          send[reminder->kind] = reminder;
        }
      else
        {
          check->n_missed++;
          if (g_date_time_compare (reminder->due, day_ago) > 0)
            g_ptr_array_add (check->recent_missed, g_ptr_array_steal_index (due, i--));
        }
    }

  /* In the order they fell due. */
  for (guint i = 0; i < due->len; i++)
    {
      PatellaReminder *reminder = g_ptr_array_index (due, i);

      if (reminder == send[PATELLA_REMINDER_QUAD] || reminder == send[PATELLA_REMINDER_ROUTINE])
        g_ptr_array_add (check->send, g_ptr_array_steal_index (due, i--));
    }

  return g_steal_pointer (&check);
}

/* "a", "a and b", "a, b and c" */
static char *
join_times (GPtrArray *times)
{
  g_autofree char *list = NULL;

  if (times->len == 0)
    return g_strdup ("");

  list = g_strdup (g_ptr_array_index (times, 0));
  for (guint i = 1; i < times->len; i++)
    {
      char *longer = i + 1 < times->len
        /* Translators: the first times of a list, such as "09:00, 13:00" */
        ? g_strdup_printf (_("%s, %s"), list, (char *) g_ptr_array_index (times, i))
        /* Translators: the last time of a list, such as "09:00, 13:00 and 19:00" */
        : g_strdup_printf (_("%s and %s"), list, (char *) g_ptr_array_index (times, i));

      g_free (list);
      list = longer;
    }
  return g_steal_pointer (&list);
}

char *
patella_reminder_check_describe_missed (const PatellaReminderCheck *check)
{
  g_autoptr(GPtrArray) quad = g_ptr_array_new ();
  g_autoptr(GPtrArray) routine = g_ptr_array_new ();
  g_autofree char *quad_times = NULL;
  g_autofree char *routine_times = NULL;
  g_autofree char *which = NULL;
  guint n = 0;

  g_return_val_if_fail (check != NULL, NULL);

  if (check->n_missed == 0)
    return NULL;
  n = check->n_missed;

  for (guint i = 0; i < check->recent_missed->len; i++)
    {
      PatellaReminder *reminder = g_ptr_array_index (check->recent_missed, i);

      g_ptr_array_add (reminder->kind == PATELLA_REMINDER_QUAD ? quad : routine, reminder->time);
    }
  quad_times = join_times (quad);
  routine_times = join_times (routine);

  if (quad->len > 0 && routine->len > 0)
    /* Translators: the times the reminders were missed at, such as
     * "quadriceps setting at 13:00 and 19:00, the day’s routine at 18:00" */
    which = g_strdup_printf (_("quadriceps setting at %s, the day’s routine at %s"), quad_times, routine_times);
  else if (quad->len > 0)
    which = g_strdup_printf (_("quadriceps setting at %s"), quad_times);
  else if (routine->len > 0)
    which = g_strdup_printf (_("the day’s routine at %s"), routine_times);

  if (which == NULL)
    return g_strdup_printf (ngettext ("%u reminder was missed while Patella was not running.",
                                      "%u reminders were missed while Patella was not running.", n),
                            n);

  if (check->recent_missed->len == n)
    /* Translators: %u counts the missed reminders; %s lists them, such as "quadriceps setting at 13:00" */
    return g_strdup_printf (ngettext ("%u reminder was missed while Patella was not running: %s.",
                                      "%u reminders were missed while Patella was not running: %s.", n),
                            n, which);

  /* Translators: %u counts the missed reminders; %s lists those of the
   * last 24 hours, such as "quadriceps setting at 13:00" */
  return g_strdup_printf (ngettext ("%u reminder was missed while Patella was not running; in the last day: %s.",
                                    "%u reminders were missed while Patella was not running; in the last day: %s.",
                                    n),
                          n, which);
}

/* Progress */

#define QUAD_SETTING_ID "quad-setting"

struct _PatellaReminderProgress
{
  char           *first;
  guint           n_days;
  PatellaDayMark *marks;
  int            *quad_sets;
  int             quad_target;  /* 3 unless the runner changed it */
};

static void
add_quad_sets (const char *day,
               const char *exercise_id,
               int         sets,
               gpointer    user_data)
{
  PatellaReminderProgress *self = user_data;
  int index = patella_day_diff (self->first, day);

  if (g_str_equal (exercise_id, QUAD_SETTING_ID) && index >= 0 && (guint) index < self->n_days)
    self->quad_sets[index] += sets;
}

PatellaReminderProgress *
patella_reminder_progress_new (PatellaStore  *store,
                               const char    *first,
                               const char    *last,
                               GError       **error)
{
  g_autoptr(PatellaReminderProgress) self = NULL;
  g_autoptr(GPtrArray) exercises = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_is_valid (first) && patella_day_is_valid (last), NULL);
  g_return_val_if_fail (patella_day_diff (first, last) >= 0, NULL);

  self = g_new0 (PatellaReminderProgress, 1);
  self->first = g_strdup (first);
  self->quad_target = 3;

  exercises = patella_store_list_exercises (store, FALSE, error);
  if (exercises == NULL)
    return NULL;
  for (guint i = 0; i < exercises->len; i++)
    {
      const PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (g_str_equal (exercise->id, QUAD_SETTING_ID))
        self->quad_target = exercise->target_sets;
    }

  self->marks = patella_routine_load_marks (store, first, last, &self->n_days, error);
  if (self->marks == NULL)
    return NULL;

  self->quad_sets = g_new0 (int, self->n_days);
  if (!patella_store_foreach_sets (store, first, last, add_quad_sets, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
patella_reminder_progress_free (PatellaReminderProgress *self)
{
  if (self == NULL)
    return;
  g_free (self->first);
  g_free (self->marks);
  g_free (self->quad_sets);
  g_free (self);
}

/* A PatellaReminderDoneFunc; days outside the range are not done. */
gboolean
patella_reminder_progress_is_done (PatellaReminderKind  kind,
                                   const char          *day,
                                   gpointer             progress)
{
  PatellaReminderProgress *self = progress;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = patella_day_diff (self->first, day);
  if (index < 0 || (guint) index >= self->n_days)
    return FALSE;

  /* A rest or sick day asks for nothing. */
  if (self->marks[index].off)
    return TRUE;

  if (kind == PATELLA_REMINDER_QUAD)
    return self->quad_sets[index] >= self->quad_target;

  /* The mean of min(1, done / target) is exactly 1 only when all are done. */
  return self->marks[index].fraction >= 1.0;
}
