/* patella-store-progression.h: the progression rules applied to the runner's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-progression.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* "Not yet" keeps a suggestion, or the offer of a return to running, quiet
 * for this many days. */
#define PATELLA_SUGGESTION_QUIET_DAYS 7
/* A return to running is offered after this many days without a run. */
#define PATELLA_RETURN_OFFER_DAYS 14

/* What the progression rule says for one exercise on a day. */
typedef struct
{
  char          *exercise_id;
  guint          level;
  guint          n_levels;
  char          *level_since;  /* the day the level took effect */
  guint          n_sessions;   /* days with sets at this level before the day,
                                * counted up to PATELLA_PROGRESSION_SESSIONS */
  PatellaAdvice  advice;
  char          *reason;
  gboolean       snoozed;      /* "Not yet" within the quiet days */
} PatellaSuggestion;

void patella_suggestion_free (PatellaSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaSuggestion, patella_suggestion_free)

/* For each exercise of @day's routine that is switched on and has a
 * ladder: its level and the rule's answer, from the sessions at that level
 * before @day (each with its next morning known). */
GPtrArray *patella_store_list_suggestions  (PatellaStore  *self,
                                            const char    *day,
                                            GError       **error);
/* The level of @exercise_id in the routine of @day; -1 with @error set
 * when there is no such exercise. */
int        patella_store_get_level         (PatellaStore  *self,
                                            const char    *exercise_id,
                                            const char    *day,
                                            GError       **error);
/* Puts @exercise_id on @level of its ladder, with that level's dose and
 * targets, from the store's today on; earlier days keep theirs. Setting
 * the level it had before today back on the same day (Undo) leaves no
 * change behind. */
gboolean   patella_store_set_level         (PatellaStore  *self,
                                            const char    *exercise_id,
                                            guint          level,
                                            GError       **error);
/* "Not yet": quiet from @day for PATELLA_SUGGESTION_QUIET_DAYS days. */
gboolean   patella_store_snooze_suggestion (PatellaStore  *self,
                                            const char    *exercise_id,
                                            const char    *day,
                                            GError       **error);
gboolean   patella_store_unsnooze_suggestion (PatellaStore  *self,
                                              const char    *exercise_id,
                                              GError       **error);

typedef struct
{
  char *day;
  char *exercise_id;
  int   from_level;
  int   to_level;
} PatellaLevelChange;

void patella_level_change_free (PatellaLevelChange *change);

/* The level changes on days in [@first, @last], oldest first. */
GPtrArray *patella_store_list_level_changes (PatellaStore  *self,
                                             const char    *first,
                                             const char    *last,
                                             GError       **error);

/* Return to running */

typedef struct
{
  gboolean  active;
  char     *from_day;     /* NULL when never started */
  int       pain_limit;   /* run pain at most this passes: 2 unless a clinician set another */
  char     *offer_snoozed_day;
} PatellaReturnPlan;

void     patella_return_plan_clear       (PatellaReturnPlan *plan);

gboolean patella_store_get_return_plan   (PatellaStore       *self,
                                          PatellaReturnPlan  *plan,
                                          GError            **error);
/* Starts the plan at its first phase from @day, or stops it. */
gboolean patella_store_set_return_plan   (PatellaStore       *self,
                                          gboolean            active,
                                          const char         *day,
                                          GError            **error);
gboolean patella_store_set_return_pain_limit (PatellaStore   *self,
                                              int             pain_limit,
                                              GError        **error);
/* "Not yet" for the offer of a plan. */
gboolean patella_store_snooze_return_offer (PatellaStore     *self,
                                            const char       *day,
                                            GError          **error);
/* Whether Today offers a plan on @day: none is on, the record is
 * PATELLA_RETURN_OFFER_DAYS days old or more and has no run for as long,
 * and the offer was not put off lately. */
gboolean patella_store_offers_return     (PatellaStore       *self,
                                          const char         *day,
                                          gboolean           *offer,
                                          GError            **error);

/* The plan's walk/run phases: those the runner's clinician set, or the
 * built-in ones when none are kept (@custom FALSE). Free with g_free(). */
PatellaRunPhase *patella_store_get_return_phases (PatellaStore     *self,
                                                  guint            *n_phases,
                                                  gboolean         *custom,
                                                  GError          **error);
/* Keeps @phases in place of those before: 1 to PATELLA_RUN_PHASES_MAX,
 * each within the limits of patella_run_phases_check(); otherwise nothing
 * changes and @error says why. A plan under way keeps its place, within
 * the new phases, from its next run. */
gboolean patella_store_set_return_phases   (PatellaStore          *self,
                                            const PatellaRunPhase *phases,
                                            guint                  n_phases,
                                            GError               **error);
/* Back to the built-in phases. */
gboolean patella_store_reset_return_phases (PatellaStore          *self,
                                            GError               **error);

typedef struct
{
  gboolean            active;
  PatellaReturnState  state;
  PatellaRunPhase     phase;         /* the next run's, when active */
  guint               n_phases;
  gboolean            done;          /* past the last phase: the load warnings take over */
  gboolean            may_run;       /* a rest day since the last run */
  char               *last_run_day;  /* NULL: none since the plan began */
  char               *reason;
} PatellaNextRun;

void     patella_next_run_clear          (PatellaNextRun *next);

/* The plan's state on @day, replayed from every run since it began. */
gboolean patella_store_get_next_run      (PatellaStore    *self,
                                          const char      *day,
                                          PatellaNextRun  *next,
                                          GError         **error);

G_END_DECLS
