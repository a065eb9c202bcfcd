/* patella-warnings.h: the load-management warnings, pure functions over days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "patella-series.h"
#include "patella-warning-codes.h"

G_BEGIN_DECLS

typedef enum
{
  PATELLA_SEVERITY_HIGH,
  PATELLA_SEVERITY_CAUTION,
} PatellaSeverity;

typedef enum
{
  PATELLA_UNIT_KM,
  PATELLA_UNIT_MILES,
} PatellaDistanceUnit;

#define PATELLA_KM_PER_MILE 1.609344

/* Every threshold is a preference; these are the defaults. */
typedef struct
{
  int    pain_high;        /* during(D) above this: 5 */
  int    pain_severe;      /* any score at or above this: 8 */
  double run_spike;        /* a run more than this fraction longer: 0.10 */
  double weekly_spike;     /* a week more than this fraction above: 0.30 */
  double acwr_high;        /* ratio at or above this: 1.5 */
  double monotony_high;    /* mean / sd above this: 2.0 */
  int    morning_rise;     /* a morning this far above the usual one: 2 */
  double pain_trend;       /* a weekly mean rising this much: 1.5 */
} PatellaThresholds;

#define PATELLA_THRESHOLDS_DEFAULT ((PatellaThresholds) { 5, 8, 0.10, 0.30, 1.5, 2.0, 2, 1.5 })

/* The usual morning needs this many mornings of the 14 days before. */
#define PATELLA_USUAL_MORNING_MIN 5

typedef struct
{
  char               *day;
  PatellaWarningCode  code;
  PatellaSeverity     severity;
  double              value;      /* what was measured */
  double              reference;  /* what it was compared with */
  char               *message;    /* the numbers, in a sentence */
} PatellaWarning;

/* Days with the same warning, a gap of at most one day between them. */
typedef struct
{
  char               *start;
  char               *end;
  PatellaWarningCode  code;
  PatellaSeverity     severity;
  guint               n_days;     /* the days it was active on */
  PatellaWarning     *worst;      /* the day with the worst numbers */
  PatellaWarning     *last;       /* its last day's warning */
} PatellaEpisode;

PatellaSeverity patella_warning_code_get_severity (PatellaWarningCode code);
const char *patella_warning_code_get_title  (PatellaWarningCode code);
const char *patella_warning_code_get_advice (PatellaWarningCode code);
const char *patella_warning_code_get_source (PatellaWarningCode code);

void        patella_warning_free            (PatellaWarning *warning);
PatellaWarning *patella_warning_copy        (const PatellaWarning *warning);
void        patella_episode_free            (PatellaEpisode *episode);

/* Groups @warnings (oldest day first, as the diary gives them) into
 * episodes, ordered by their first day. */
GPtrArray  *patella_warnings_group_episodes (GPtrArray      *warnings);

/* How far back the rules look from a day: D-34 for the weekly distance. */
#define PATELLA_WARNINGS_LOOKBACK_DAYS 34

/* ratio(D), or NAN when it is not defined on day @index. */
double      patella_series_acwr             (const PatellaSeries *series,
                                             guint                index);

/* Whether the morning of day @index was clearly worse than the usual
 * morning: the morning-worse rule's comparison, whatever the day before
 * held (the progression rules ask it after an exercise day). */
gboolean    patella_series_morning_worse    (const PatellaSeries     *series,
                                             guint                    index,
                                             const PatellaThresholds *thresholds);

/* The warnings active on day @index, most severe first. */
GPtrArray  *patella_warnings_for_day        (const PatellaSeries     *series,
                                             guint                    index,
                                             const PatellaThresholds *thresholds,
                                             PatellaDistanceUnit      unit);

/* Formats @km in @unit with one decimal, e.g. "12.5 km" or "7.8 mi". */
char       *patella_format_distance         (double              km,
                                             PatellaDistanceUnit unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaWarning, patella_warning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaEpisode, patella_episode_free)

G_END_DECLS
