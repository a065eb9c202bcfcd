/* patella-progression.h: when to make an exercise harder, and a graded return to running
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One step of an exercise's ladder: its dose and how to do it. */
typedef struct
{
  const char *name;          /* "Wall squat to 60°" */
  const char *dose;
  const char *cues;
  int         target_sets;
  int         reps;          /* 0: none */
  int         hold_seconds;  /* 0: none */
} PatellaLevel;

typedef struct
{
  const char         *exercise_id;
  const PatellaLevel *levels;
  guint               n_levels;
} PatellaLadder;

/* The built-in ladders, from the 2019 JOSPT guideline's progressions. */
const PatellaLadder *patella_ladders_get  (guint      *n_ladders);
const PatellaLadder *patella_ladder_find  (const char *exercise_id);

typedef enum
{
  PATELLA_ADVICE_NONE,       /* not enough sessions at this level to say */
  PATELLA_ADVICE_PROGRESS,
  PATELLA_ADVICE_HOLD,
  PATELLA_ADVICE_STEP_BACK,
} PatellaAdvice;

/* A day with sets of the exercise at its current level. */
typedef struct
{
  const char *day;
  int         max_pain;            /* the highest pain given with a set; -1 none */
  gboolean    morning_worse_after; /* morning-worse on the next day */
} PatellaLevelDay;

/* The sessions a suggestion looks at, and the days a level is held first. */
#define PATELLA_PROGRESSION_SESSIONS      3
#define PATELLA_PROGRESSION_HOLD_DAYS     7
#define PATELLA_PROGRESSION_EASY_PAIN     2   /* at most: pain-free enough */
#define PATELLA_PROGRESSION_HIGH_PAIN     5   /* above: too much */

/* The pain-monitoring model applied to an exercise, over its @sessions at
 * the current @level (oldest first), held for @days_at_level days, on a
 * ladder of @n_levels:
 *
 *   step back  a set in the last three sessions (or fewer, so far) had
 *              pain above 5, or a morning-worse followed one of them (not
 *              below the first level: there it holds);
 *   hold       a set in those had pain 3 to 5;
 *   progress   the last three had pain 2 or less (or none given), no
 *              morning-worse followed, the level was held 7 days or more,
 *              and there is a level above;
 *   none       fewer than three sessions, all easy, or nothing to change.
 *
 * @reason gets the why in a sentence. */
PatellaAdvice patella_progression_advise (const PatellaLevelDay *sessions,
                                          guint                 n_sessions,
                                          int                   days_at_level,
                                          guint                 level,
                                          guint                 n_levels,
                                          char                **reason);

/* The suggestion in a line, for Today's card and the command line:
 * "Wall squat with a ball: ready for Wall squat to 60°?" (@name is the
 * exercise's name as shown; the level names are translated here). */
char *patella_progression_headline (const char          *name,
                                    const PatellaLadder *ladder,
                                    guint                level,
                                    PatellaAdvice        advice);
/* The level to go to on Accept: one up for progress, one down for a step
 * back; @level otherwise. */
guint patella_progression_target   (const PatellaLadder *ladder,
                                    guint                level,
                                    PatellaAdvice        advice);

/* Return to running: walk/run phases, each done twice, a rest day between
 * runs, effort 3 to 5. */
typedef struct
{
  guint  repeats;       /* 1 for a continuous run */
  double run_minutes;
  double walk_minutes;  /* 0 for a continuous run */
} PatellaRunPhase;

/* The limits of a phase, as the record's CHECKs hold them: minutes in
 * half minutes; a continuous run (no walk) is run once. */
#define PATELLA_RUN_PHASES_MAX        12
#define PATELLA_PHASE_REPEATS_MAX      20
#define PATELLA_PHASE_RUN_MINUTES_MIN  0.5
#define PATELLA_PHASE_RUN_MINUTES_MAX  60
#define PATELLA_PHASE_WALK_MINUTES_MAX 10

/* The built-in phases; the runner's clinician may set others, which the
 * store keeps (patella_store_get_return_phases()). */
const PatellaRunPhase *patella_return_phases (guint *n_phases);
/* Whether @phases (1 to PATELLA_RUN_PHASES_MAX of them) are each within
 * the limits above; @reason gets what is wrong, in a sentence naming the
 * phase. */
gboolean               patella_run_phases_check   (const PatellaRunPhase *phases,
                                                   guint                  n_phases,
                                                   char                 **reason);
/* "6 × (2 min run / 1 min walk)" or "30 min continuous". */
char                  *patella_run_phase_describe (const PatellaRunPhase *phase);
double                 patella_run_phase_minutes  (const PatellaRunPhase *phase);

typedef struct
{
  guint phase;      /* index into the phases */
  guint passed;     /* runs passed at this phase, 0 or 1 */
  guint failed;     /* runs failed in a row at this phase */
} PatellaReturnState;

typedef struct
{
  const char *day;
  int         run_pain;            /* -1: not given */
  int         after_pain;          /* the pain after the run; -1: none logged */
  gboolean    morning_worse_next;  /* morning-worse on the next day */
} PatellaReturnRun;

#define PATELLA_RETURN_PASSES_PER_PHASE 2
#define PATELLA_RETURN_FAILURES_BACK    2

/* Whether @run passed: run pain at most @pain_limit, the pain after the run
 * settled (logged, and no higher than the run's), and no morning-worse the
 * next day. @reason gets the why. */
gboolean patella_return_run_passed (const PatellaReturnRun *run,
                                    int                     pain_limit,
                                    char                  **reason);
/* The plan of @n_phases phases after @run: two passes advance a phase, a
 * failure repeats it, two failures in a row step back one. A state beyond
 * the last phase (the phases were shortened) is taken back to the last. */
void     patella_return_step       (PatellaReturnState     *state,
                                    const PatellaReturnRun *run,
                                    int                     pain_limit,
                                    guint                   n_phases);
/* Whether a plan run may be on @day after the last one on @last_run_day
 * (NULL: none yet): at least one rest day between runs. */
gboolean patella_return_may_run    (const char             *last_run_day,
                                    const char             *day);

G_END_DECLS
