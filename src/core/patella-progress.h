/* patella-progress.h: the series the Progress charts draw, and their numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-adherence.h"
#include "patella-buckets.h"
#include "patella-store.h"
#include "patella-warnings.h"

G_BEGIN_DECLS

typedef enum
{
  PATELLA_RANGE_4_WEEKS,
  PATELLA_RANGE_3_MONTHS,
  PATELLA_RANGE_YEAR,
  PATELLA_RANGE_ALL,
  PATELLA_N_RANGES
} PatellaRange;

typedef enum
{
  PATELLA_ROUTINE_MISSED,
  PATELLA_ROUTINE_PARTIAL,
  PATELLA_ROUTINE_COMPLETE,
  PATELLA_ROUTINE_OFF,       /* a rest or sick day */
  PATELLA_ROUTINE_NONE,      /* before the runner's first entry: not counted */
} PatellaRoutineState;

/* The numbers over the charts. NAN where there is nothing to say. */
typedef struct
{
  double pain_week;          /* mean score over the last 7 days (-6..0) */
  double pain_month_ago;     /* mean score over days -34..-28 */
  double adherence;          /* complete days / days that count, 0..1 */
  double distance_week;      /* km over the last 7 days */
  double distance_last_week; /* km over the 7 days before (-13..-7) */
} PatellaHeadlines;

/* Days of [first, last], the last being today. Missing values are NAN. */
typedef struct
{
  char    *first;
  char    *last;
  guint    n_days;
  int      first_weekday;   /* of day 0: 1 Monday .. 7 Sunday */

  double  *morning;         /* highest pain on waking */
  double  *during;          /* highest during activity, run pain included */
  double  *after;           /* highest after activity */
  double  *trend;           /* mean of every score over the 7 days to here */
  double  *distance;        /* km run */
  double  *acwr;            /* acute:chronic workload ratio, where defined */
  guint8  *routine;         /* PatellaRoutineState */
  guint8  *warning;         /* 0 none, 1 caution, 2 high */

  /* Weeks from Monday to Sunday; week 0 holds day 0 and, when day 0 is not
   * a Monday, the days of its week before the range as well. */
  guint    n_weeks;
  double  *week_distance;

  PatellaHeadlines headlines;
  gboolean has_pain;
  gboolean has_runs;
  gboolean has_routine;
  PatellaDistanceUnit unit;
} PatellaProgress;



/* The first day of @range ending on @today; for ALL, @first_logged. */
char            *patella_range_first_day (PatellaRange  range,
                                          const char   *today,
                                          const char   *first_logged);

PatellaProgress *patella_progress_load   (PatellaStore            *store,
                                          PatellaRange             range,
                                          const char              *today,
                                          const PatellaThresholds *thresholds,
                                          PatellaDistanceUnit      unit,
                                          GError                 **error);
PatellaProgress *patella_progress_load_span (PatellaStore            *store,
                                             const char              *first,
                                             const char              *last,
                                             const PatellaThresholds *thresholds,
                                             PatellaDistanceUnit      unit,
                                             GError                 **error);
/* Builds the day arrays from a series that starts 34 days before @first. */
PatellaProgress *patella_progress_new_from_series (const PatellaSeries     *series,
                                                   const PatellaDayMark    *marks,
                                                   int                      routine_start,
                                                   const PatellaThresholds *thresholds);
PatellaProgress *patella_progress_ref    (PatellaProgress *self);
void             patella_progress_unref  (PatellaProgress *self);

void             patella_progress_get_headlines (const PatellaProgress *self,
                                                 PatellaHeadlines      *out);
char            *patella_progress_day    (const PatellaProgress *self,
                                          guint                  index);

/* The numbers behind the charts as words, a row per week for a year or
 * less and per month beyond, newest first; @size says which. Each row is
 * a NULL-terminated array of PATELLA_PROGRESS_TABLE_COLUMNS cells: the
 * week or month ("Week of 3 March 2025", "March 2025"), the mean morning,
 * during and after pain, the distance, the highest load ratio, and the
 * days with the routine done of those that count. */
#define PATELLA_PROGRESS_TABLE_COLUMNS 7
GPtrArray       *patella_progress_table  (const PatellaProgress *self,
                                          PatellaBucketSize     *size);

/* Pure helpers, tested on their own. */
void             patella_trailing_mean   (const double *sums,
                                          const int    *counts,
                                          guint         n,
                                          guint         window,
                                          double       *out);
guint            patella_weekly_sums     (const double *daily,
                                          guint         n,
                                          int           first_weekday,
                                          double       *out);
/* Min and max of @values (NAN: none) in each of @n_columns equal columns. */
void             patella_decimate        (const double *values,
                                          guint         n,
                                          guint         n_columns,
                                          double       *min,
                                          double       *max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaProgress, patella_progress_unref)

G_END_DECLS
