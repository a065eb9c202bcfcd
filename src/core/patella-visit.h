/* patella-visit.h: what happened since the last clinic visit, and goals measured from the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-outcomes.h"
#include "patella-store.h"
#include "patella-warnings.h"

G_BEGIN_DECLS

typedef enum
{
  PATELLA_VISIT_LINE_TITLE,     /* "Since your last visit (3 March 2026)" */
  PATELLA_VISIT_LINE_HEADING,   /* a section: "Outcomes" */
  PATELLA_VISIT_LINE_TEXT,
} PatellaVisitLineKind;

typedef struct
{
  PatellaVisitLineKind kind;
  char                *text;
  gboolean             important;  /* an important change (2 points or more) */
} PatellaVisitLine;

void patella_visit_line_free (PatellaVisitLine *line);

/* The goals' status as of @today, measured from the log: one
 * PatellaGoalStatus per goal of @goals (element-type PatellaGoal). */
GArray    *patella_goals_evaluate  (PatellaStore             *store,
                                    GPtrArray                *goals,
                                    const char               *today,
                                    const PatellaThresholds  *thresholds,
                                    GError                  **error);

/* The single-leg squat self-tests of [@first, @last], a line per day
 * with both legs' results and pain (element-type PatellaVisitLine, a
 * drop inward marked important); NULL on an error. */
GPtrArray *patella_self_test_lines (PatellaStore             *store,
                                    const char               *first,
                                    const char               *last,
                                    GError                  **error);

/* "Since your last visit": adherence, outcome changes (the important ones
 * marked), dose changes, warning episodes, goals and their status and the
 * runner's questions, from the day after the last visit before @today to
 * @today. (element-type PatellaVisitLine); an empty array when no visit
 * has passed; NULL on an error. @visit_day (may be NULL) gets that
 * visit's day. */
GPtrArray *patella_visit_summary   (PatellaStore             *store,
                                    const char               *today,
                                    const PatellaThresholds  *thresholds,
                                    PatellaDistanceUnit       unit,
                                    char                    **visit_day,
                                    GError                  **error);

G_END_DECLS
