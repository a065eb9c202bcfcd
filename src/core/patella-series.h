/* patella-series.h: what the record holds day by day, as the rules see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store fills a series (patella_store_load_series()); the warnings,
 * the diary and the progress read it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one local calendar day holds, as the rules see it. */
typedef struct
{
  double load;        /* sum over runs of minutes × RPE */
  double distance;    /* sum of run km */
  double minutes;     /* sum of run minutes */
  double longest;     /* the longest single run, km */
  int    n_runs;
  int    during;      /* highest "during" pain or run pain; -1 when none */
  int    morning;     /* highest "morning" pain; -1 when none */
  int    after;       /* highest "after" pain; -1 when none */
  int    max_score;   /* highest pain score or run pain; -1 when none */
  double score_sum;   /* every pain score and run pain of the day */
  int    n_scores;
  double morning_sum; /* every "morning" pain score */
  int    n_morning;
  double during_sum;  /* every "during" pain score and run pain */
  int    n_during;
} PatellaDayStats;

/* Consecutive days; days[0] is @first. */
typedef struct _PatellaSeries PatellaSeries;

struct _PatellaSeries
{
  char            *first;
  guint            n_days;
  PatellaDayStats *days;
  /* The first run ever, in days from @first (negative when earlier);
   * G_MININT when there has been no run. */
  int              first_run;
};

PatellaSeries *patella_series_new           (const char    *first,
                                             guint          n_days);
void           patella_series_free          (PatellaSeries *series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaSeries, patella_series_free)

/* Places days read in order (rows of a day index) in a span from its
 * first day: each new day is parsed once, a row on the same day as the one
 * before costs a comparison. */
typedef struct
{
  guint32 first;      /* the span's first day, Julian */
  char    day[11];    /* the day placed last, "" before the first */
  int     index;      /* its index from the first day */
} PatellaDayCursor;

void           patella_day_cursor_init      (PatellaDayCursor *cursor,
                                             const char       *first);
int            patella_day_cursor_index     (PatellaDayCursor *cursor,
                                             const char       *day);

G_END_DECLS
