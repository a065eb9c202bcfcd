/* patella-store-outcomes.h: check-ins, self-tests, goals and visits in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-outcomes.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* PatellaStore::changed's table for a write to any of these. */
#define PATELLA_STORE_CHANGED_OUTCOMES 100

/* An item left unanswered at a check-in (not the same as "did not do"). */
#define PATELLA_OUTCOME_UNANSWERED (-2)

/* One check-in: a day and each item's answer, PATELLA_OUTCOME_NOT_DONE or
 * PATELLA_OUTCOME_UNANSWERED. */
typedef struct
{
  char *day;
  int   values[PATELLA_N_OUTCOME_ITEMS];
} PatellaCheckinAnswers;

void patella_checkin_answers_free (PatellaCheckinAnswers *answers);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaCheckinAnswers, patella_checkin_answers_free)

typedef struct
{
  char *day;
  char *name;   /* "" when none was given */
} PatellaVisit;

typedef struct
{
  gint64    id;
  char     *day;   /* the day it was jotted down */
  char     *text;
  gboolean  asked;
} PatellaQuestion;

void patella_visit_free    (PatellaVisit    *visit);
void patella_question_free (PatellaQuestion *question);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaVisit, patella_visit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaQuestion, patella_question_free)

#define PATELLA_VISIT_NAME_MAX_CHARS 120
#define PATELLA_GOAL_TEXT_MAX_CHARS  120

/* Check-ins: a day's answers replace any it had, in one transaction. The
 * usual and worst pain and the global rating must be answered; an
 * activity may be not done or unanswered. */
gboolean   patella_store_save_checkin     (PatellaStore                 *self,
                                           const PatellaCheckinAnswers  *answers,
                                           GError                      **error);
gboolean   patella_store_delete_checkin   (PatellaStore  *self,
                                           const char    *day,
                                           GError       **error);
/* (element-type PatellaCheckinAnswers): oldest first. */
GPtrArray *patella_store_list_checkins    (PatellaStore  *self,
                                           GError       **error);

/* Self-tests: one result per leg and day; saving again replaces it. */
gboolean   patella_store_save_self_test   (PatellaStore           *self,
                                           const PatellaSelfTest  *test,
                                           GError                **error);
gboolean   patella_store_delete_self_test (PatellaStore  *self,
                                           const char    *day,
                                           PatellaLeg    side,
                                           GError       **error);
/* (element-type PatellaSelfTest): oldest first, left before right. */
GPtrArray *patella_store_list_self_tests  (PatellaStore  *self,
                                           GError       **error);

/* Goals. add returns the new id (0 on failure). */
gint64     patella_store_add_goal         (PatellaStore       *self,
                                           const PatellaGoal  *goal,
                                           GError            **error);
gboolean   patella_store_update_goal      (PatellaStore       *self,
                                           const PatellaGoal  *goal,
                                           GError            **error);
gboolean   patella_store_remove_goal      (PatellaStore  *self,
                                           gint64         id,
                                           GError       **error);
/* (element-type PatellaGoal): by target day. */
GPtrArray *patella_store_list_goals       (PatellaStore  *self,
                                           GError       **error);

/* Clinic visits: one a day; setting a day again renames it. */
gboolean   patella_store_set_visit        (PatellaStore  *self,
                                           const char    *day,
                                           const char    *name,
                                           GError       **error);
gboolean   patella_store_remove_visit     (PatellaStore  *self,
                                           const char    *day,
                                           GError       **error);
/* (element-type PatellaVisit): oldest first. */
GPtrArray *patella_store_list_visits      (PatellaStore  *self,
                                           GError       **error);
/* The last visit before @today and the next on or after it; either may be
 * NULL when there is none. */
gboolean   patella_store_get_visits_around (PatellaStore  *self,
                                            const char    *today,
                                            PatellaVisit **last,
                                            PatellaVisit **next,
                                            GError       **error);

/* The questions for the clinician. */
gint64     patella_store_add_question     (PatellaStore  *self,
                                           const char    *day,
                                           const char    *text,
                                           GError       **error);
gboolean   patella_store_set_question_asked (PatellaStore  *self,
                                             gint64         id,
                                             gboolean       asked,
                                             GError       **error);
gboolean   patella_store_remove_question  (PatellaStore  *self,
                                           gint64         id,
                                           GError       **error);
/* (element-type PatellaQuestion): oldest first; with @since, only those
 * jotted after that day. */
GPtrArray *patella_store_list_questions   (PatellaStore  *self,
                                           const char    *since,
                                           GError       **error);

/* For the CSV import, inside patella_store_import()'s transaction: adds
 * outcome and test rows (day, item, value; day, side, result, pain). */
gboolean   patella_store_insert_outcome_row (PatellaStore        *self,
                                             const char          *day,
                                             PatellaOutcomeItem   item,
                                             int                  value,
                                             GError             **error);
gboolean   patella_store_insert_self_test_row (PatellaStore           *self,
                                               const PatellaSelfTest  *test,
                                               GError                **error);
/* What the record holds for one outcome row or self-test: FALSE on an
 * error; *@found says whether there is one. */
gboolean   patella_store_find_outcome_row (PatellaStore        *self,
                                           const char          *day,
                                           PatellaOutcomeItem   item,
                                           gboolean            *found,
                                           int                 *value,
                                           GError             **error);
gboolean   patella_store_find_self_test   (PatellaStore        *self,
                                           const char          *day,
                                           PatellaLeg          side,
                                           gboolean            *found,
                                           PatellaSquatResult  *result,
                                           int                 *pain,
                                           GError             **error);

G_END_DECLS
