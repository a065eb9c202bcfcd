/* patella-outcomes.h: the check-in, the single-leg squat self-test and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure rules, no store and no GTK: the store keeps the answers, these say
 * when a check-in is due, which changes are important, what a goal's status
 * is and when the self-test suggests the hip exercises.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The check-in's items: numeric ratings free to use (not the licensed
 * AKPS or KOOS-PF texts). Their ids are stable: the CSV and the store use
 * them. */
typedef enum
{
  PATELLA_OUTCOME_USUAL_PAIN,     /* usual pain over the last week, 0-10 */
  PATELLA_OUTCOME_WORST_PAIN,     /* worst pain over the last week, 0-10 */
  PATELLA_OUTCOME_WALKING,        /* pain on activities, 0-10 or not done */
  PATELLA_OUTCOME_RUNNING,
  PATELLA_OUTCOME_SQUATTING,
  PATELLA_OUTCOME_SITTING,        /* sitting with bent knees */
  PATELLA_OUTCOME_STAIRS_UP,
  PATELLA_OUTCOME_STAIRS_DOWN,
  PATELLA_OUTCOME_KNEELING,
  PATELLA_OUTCOME_GLOBAL_CHANGE,  /* 1 very much worse .. 4 no change .. 7 very much better */
  PATELLA_N_OUTCOME_ITEMS
} PatellaOutcomeItem;

/* An activity the runner did not do in the last week has no value. */
#define PATELLA_OUTCOME_NOT_DONE (-1)

#define PATELLA_GLOBAL_CHANGE_MIN 1
#define PATELLA_GLOBAL_CHANGE_MAX 7

/* The smallest change in a 0-10 pain rating patients notice (Farrar 2001;
 * Crossley 2004 for patellofemoral pain). */
#define PATELLA_OUTCOME_IMPORTANT_CHANGE 2

/* How often a check-in is asked for, and how long "Later" puts it off. */
#define PATELLA_CHECKIN_INTERVAL_DAYS 14
#define PATELLA_CHECKIN_SNOOZE_DAYS    2

const char *patella_outcome_item_to_string   (PatellaOutcomeItem  item);
gboolean    patella_outcome_item_from_string (const char         *text,
                                              PatellaOutcomeItem *out);
/* The item in words ("Stairs up"), translated. */
const char *patella_outcome_item_get_title   (PatellaOutcomeItem  item);
/* A pain item (0-10, lower is better): all but the global rating. */
gboolean    patella_outcome_item_is_pain     (PatellaOutcomeItem  item);
/* Whether "did not do" is an answer: the activities. */
gboolean    patella_outcome_item_allows_not_done (PatellaOutcomeItem item);
/* Whether @value is an answer this item takes. */
gboolean    patella_outcome_value_is_valid   (PatellaOutcomeItem  item,
                                              int                 value);
/* The global rating in words ("Much better"), translated. */
const char *patella_global_change_get_title  (int                 value);

typedef enum
{
  PATELLA_CHANGE_NONE,      /* less than the important change, or not comparable */
  PATELLA_CHANGE_BETTER,    /* pain 2 points or more below the first check-in */
  PATELLA_CHANGE_WORSE,     /* pain 2 points or more above it */
} PatellaChange;

/* @value against @baseline (the first check-in's answer) for a pain item;
 * PATELLA_CHANGE_NONE for the global rating or an activity not done. */
PatellaChange patella_outcome_change (PatellaOutcomeItem item,
                                      int                baseline,
                                      int                value);

/* The check-in's schedule. */
typedef enum
{
  PATELLA_CHECKIN_NOT_DUE,
  PATELLA_CHECKIN_DUE,       /* due today, or fewer than 14 days overdue */
  PATELLA_CHECKIN_SNOOZED,   /* due, but put off until a later day */
  PATELLA_CHECKIN_MISSED,    /* a whole interval or more overdue */
} PatellaCheckinState;

typedef struct
{
  PatellaCheckinState state;
  char                due[11];    /* the day it falls due, YYYY-MM-DD */
  int                 days_until; /* NOT_DUE: days until due; otherwise 0 */
  int                 n_missed;   /* whole intervals gone by without one */
} PatellaCheckin;

/* @last: the day of the last check-in, NULL for none (the first, the
 * baseline, is due at once); @snoozed_until: the day "Later" puts it off
 * to (today + 2 when pressed), or NULL. */
void patella_checkin_schedule (const char     *last,
                               const char     *snoozed_until,
                               const char     *today,
                               PatellaCheckin *out);

/* The single-leg squat self-test, per leg. */
typedef enum
{
  PATELLA_LEG_LEFT,
  PATELLA_LEG_RIGHT,
  PATELLA_N_LEGS
} PatellaLeg;

typedef enum
{
  PATELLA_SQUAT_CENTRED,   /* the knee stays over the foot */
  PATELLA_SQUAT_WOBBLES,
  PATELLA_SQUAT_DROPS_IN,  /* the knee drops inward */
  PATELLA_N_SQUAT_RESULTS
} PatellaSquatResult;

#define PATELLA_SELF_TEST_ITEM "single-leg-squat"
/* The hip exercise the self-test points to when the knee drops inward. */
#define PATELLA_HIP_EXERCISE_ID "glute-strength"

typedef struct
{
  char               *day;
  PatellaLeg         side;
  PatellaSquatResult  result;
  int                 pain;   /* 0-10 during the test, -1 not given */
} PatellaSelfTest;

const char *patella_leg_to_string           (PatellaLeg          side);
gboolean    patella_leg_from_string         (const char          *text,
                                              PatellaLeg         *out);
const char *patella_leg_get_title           (PatellaLeg          side);
const char *patella_squat_result_to_string   (PatellaSquatResult   result);
gboolean    patella_squat_result_from_string (const char          *text,
                                              PatellaSquatResult  *out);
const char *patella_squat_result_get_title   (PatellaSquatResult   result);

void        patella_self_test_free           (PatellaSelfTest     *test);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaSelfTest, patella_self_test_free)

/* Whether the hip exercise should be suggested: the knee dropped inward
 * on 2 or more of the last 3 tests of a leg (@tests in any order), and the
 * hip exercise is off. @side (may be NULL) gets the first leg that did. */
gboolean    patella_self_test_suggests_hip   (GPtrArray           *tests,
                                              gboolean             hip_exercise_on,
                                              PatellaLeg         *side);

/* Goals with a target day. */
typedef enum
{
  PATELLA_GOAL_RUN,         /* a run of @km or more with pain at most @pain */
  PATELLA_GOAL_STAIRS,      /* stairs pain (up and down) at most @pain at a check-in */
  PATELLA_GOAL_ROUTINE,     /* the routine done on @days days a week for @weeks weeks in a row */
  PATELLA_GOAL_FREE,        /* the runner's own words, ticked by hand */
  PATELLA_N_GOAL_KINDS
} PatellaGoalKind;

typedef enum
{
  PATELLA_GOAL_NOT_YET,
  PATELLA_GOAL_ON_TRACK,
  PATELLA_GOAL_MET,
} PatellaGoalStatus;

typedef struct
{
  gint64           id;
  PatellaGoalKind  kind;
  char            *start;   /* the day it was set */
  char            *target;  /* the day it should be met by */
  double           km;      /* RUN */
  int              pain;    /* RUN, STAIRS: the most pain allowed */
  int              days;    /* ROUTINE: days a week, 1-7 */
  int              weeks;   /* ROUTINE: weeks in a row */
  char            *text;    /* FREE: the words; others may have a note */
  gboolean         done;    /* FREE: ticked */
} PatellaGoal;

#define PATELLA_GOAL_KM_MAX 1000.0
#define PATELLA_GOAL_WEEKS_MAX 52

const char       *patella_goal_kind_to_string   (PatellaGoalKind  kind);
gboolean          patella_goal_kind_from_string (const char      *text,
                                                 PatellaGoalKind *out);
const char       *patella_goal_status_get_title (PatellaGoalStatus status);
PatellaGoal      *patella_goal_copy             (const PatellaGoal *goal);
void              patella_goal_free             (PatellaGoal       *goal);
/* The goal in words ("Run 10 km with pain at most 2"), translated. */
char             *patella_goal_describe         (const PatellaGoal *goal,
                                                 gboolean           miles);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaGoal, patella_goal_free)

/* What the log says, for measuring goals. Runs and check-ins on days
 * after @today are ignored. */
typedef struct
{
  const char *day;
  double      km;
  int         pain;    /* -1: not given (never meets a pain limit) */
} PatellaGoalRun;

typedef struct
{
  const char     *today;
  const PatellaGoalRun *runs;           /* any order */
  guint           n_runs;
  /* Stairs pain at each check-in, oldest first: the higher of up and
   * down, or -1 when neither was done. */
  const char    **stairs_days;
  const int      *stairs_pain;
  guint           n_stairs;
  /* Days on which the routine was complete, any order. */
  const char    **complete_days;
  guint           n_complete_days;
} PatellaGoalEvidence;

/* Met: the goal's condition holds on a day from its start to today (late
 * counts). On track: not met, the target not yet passed, and far enough:
 *  - RUN: the longest run in the last 28 days within the pain limit has
 *    come at least the share of the way the time has (elapsed / span);
 *  - STAIRS: the latest check-in is at least that share of the way from the
 *    first check-in since the start to the limit;
 *  - ROUTINE: the last full week (Monday to Sunday) had the days, and the
 *    weeks left before the target can still make the run;
 *  - FREE: the target not passed.
 * Otherwise not yet. */
PatellaGoalStatus patella_goal_status (const PatellaGoal         *goal,
                                       const PatellaGoalEvidence *evidence);

/* The weeks in a row, up to the last full week before @today (and the
 * current week too when it already has the days), with @days complete
 * days or more; only weeks from @start's week on count. */
int               patella_goal_routine_weeks (const char  *start,
                                              const char  *today,
                                              int          days,
                                              const char **complete_days,
                                              guint        n_complete_days);

G_END_DECLS
