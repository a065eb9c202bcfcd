/* patella-reminders.h: when the reminders fall due, as a pure schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_REMINDER_ERROR (patella_reminder_error_quark ())

typedef enum
{
  PATELLA_REMINDER_ERROR_INVALID_TIME,
} PatellaReminderError;

typedef enum
{
  PATELLA_REMINDER_QUAD,     /* quadriceps setting, three times a day */
  PATELLA_REMINDER_ROUTINE,  /* the day's routine, once a day */
} PatellaReminderKind;

/* A reminder due within this long of a check is sent as itself; one due
 * earlier was missed (Patella closed, the computer asleep) and only goes
 * into the summary. */
#define PATELLA_REMINDER_GRACE_SECONDS (10 * 60)

/* Missed reminders are counted back this many days at most. */
#define PATELLA_REMINDER_MAX_LOOKBACK_DAYS 366

/* One reminder that fell due. */
typedef struct
{
  PatellaReminderKind  kind;
  char                *time;  /* "HH:MM" as the runner set it */
  GDateTime           *due;   /* the instant it fell due, in the schedule's zone */
} PatellaReminder;

void             patella_reminder_free       (PatellaReminder *reminder);

/* Whether the work a reminder asks for is already done on @day
 * ("YYYY-MM-DD", local); such a reminder is not sent and not missed. */
typedef gboolean (*PatellaReminderDoneFunc)  (PatellaReminderKind  kind,
                                              const char          *day,
                                              gpointer             user_data);

GQuark           patella_reminder_error_quark (void);

/* "HH:MM", 00:00 to 23:59, exactly so. */
gboolean         patella_reminder_parse_time (const char  *text,
                                              int         *hour,
                                              int         *minute,
                                              GError     **error);

/* The instant at which @hour:@minute on @date falls in @zone; see the DST
 * rule in patella-reminders.c. */
GDateTime       *patella_reminder_resolve    (GTimeZone   *zone,
                                              const GDate *date,
                                              int          hour,
                                              int          minute);

typedef struct _PatellaSchedule PatellaSchedule;

/* @zone: (nullable): the zone the times are in; NULL for the local one. */
PatellaSchedule *patella_schedule_new        (GTimeZone        *zone);
void             patella_schedule_free       (PatellaSchedule  *self);
gboolean         patella_schedule_add        (PatellaSchedule  *self,
                                              PatellaReminderKind kind,
                                              const char       *time,
                                              GError          **error);
guint            patella_schedule_get_n_times (PatellaSchedule *self);
GTimeZone       *patella_schedule_get_zone   (PatellaSchedule  *self);

/* The reminders due in (@from, @to], in the order they fell due, of
 * PatellaReminder. @done may be NULL. */
GPtrArray       *patella_schedule_due        (PatellaSchedule         *self,
                                              GDateTime               *from,
                                              GDateTime               *to,
                                              PatellaReminderDoneFunc  done,
                                              gpointer                 user_data);

/* The first instant after @now at which a reminder falls due, in the
 * schedule's zone; NULL when there are no times. */
GDateTime       *patella_schedule_next       (PatellaSchedule  *self,
                                              GDateTime        *now);

/* What one look at the clock finds, from the last look up to @now. */
typedef struct
{
  GPtrArray *send;           /* PatellaReminder due within the grace, at most one per kind */
  guint      n_missed;       /* due earlier: they make one summary */
  GPtrArray *recent_missed;  /* those of them due in the last day, in order */
  gboolean   any_due;        /* anything fell due, done or not */
  gboolean   clock_back;     /* the last check lies in the future */
  gboolean   first;          /* there was no last check */
} PatellaReminderCheck;

/* @last_check: unix seconds (UTC) of the previous check, 0 for never. */
PatellaReminderCheck *patella_schedule_check (PatellaSchedule         *self,
                                              gint64                   last_check,
                                              GDateTime               *now,
                                              PatellaReminderDoneFunc  done,
                                              gpointer                 user_data);
void             patella_reminder_check_free (PatellaReminderCheck *check);

/* The summary of the missed reminders in plain words, NULL when none were. */
char            *patella_reminder_check_describe_missed (const PatellaReminderCheck *check);

/* The record's progress over a range of days, for a PatellaReminderDoneFunc:
 * quadriceps setting is done when its target sets are logged, the routine
 * when every exercise is complete; a rest or sick day needs neither. */
typedef struct _PatellaReminderProgress PatellaReminderProgress;

PatellaReminderProgress *patella_reminder_progress_new (PatellaStore  *store,
                                                        const char    *first,
                                                        const char    *last,
                                                        GError       **error);
void             patella_reminder_progress_free (PatellaReminderProgress *self);
gboolean         patella_reminder_progress_is_done (PatellaReminderKind  kind,
                                                    const char          *day,
                                                    gpointer             progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReminder, patella_reminder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaSchedule, patella_schedule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReminderCheck, patella_reminder_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReminderProgress, patella_reminder_progress_free)

G_END_DECLS
