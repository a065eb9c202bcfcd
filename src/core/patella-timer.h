/* patella-timer.h: the guided timer's schedule, as pure arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "patella-exercise.h"
#include "patella-progression.h"

G_BEGIN_DECLS

typedef enum
{
  PATELLA_TIMER_GET_READY,
  PATELLA_TIMER_HOLD,     /* a hold, or a squat's slow descent */
  PATELLA_TIMER_RELAX,    /* between reps */
  PATELLA_TIMER_DONE,
} PatellaTimerPhase;

/* One set: get ready, then reps of hold, with a relax between reps. A dose
 * on each leg has its holds on the left and right leg in turn. */
typedef struct
{
  int ready_seconds;
  int reps;           /* every hold, of both legs */
  int hold_seconds;
  int relax_seconds;
  int sides;          /* 2: left and right in turn; 1: no sides */
} PatellaTimerPlan;

typedef enum
{
  PATELLA_SIDE_NONE,
  PATELLA_SIDE_LEFT,
  PATELLA_SIDE_RIGHT,
} PatellaSide;

typedef struct
{
  PatellaTimerPhase phase;
  int               rep;        /* 1-based; 0 while getting ready */
  double            remaining;  /* seconds left in this phase */
  double            length;     /* the phase's length in seconds */
  PatellaSide       side;       /* the leg of this hold (and of the relax after it) */
} PatellaTimerState;

#define PATELLA_TIMER_READY_SECONDS 5

void   patella_timer_plan_for_exercise (const PatellaExercise   *exercise,
                                        PatellaTimerPlan        *plan);
/* A walk/run phase of the return to running: each "hold" is a run, each
 * "relax" a walk (the walk after the last run is the cool-down, untimed). */
void   patella_timer_plan_for_run_phase (const PatellaRunPhase  *phase,
                                         PatellaTimerPlan       *plan);
double patella_timer_plan_get_total    (const PatellaTimerPlan  *plan);
void   patella_timer_plan_state_at     (const PatellaTimerPlan  *plan,
                                        double                   elapsed,
                                        PatellaTimerState       *state);
double patella_timer_plan_skip         (const PatellaTimerPlan  *plan,
                                        double                   elapsed);

G_END_DECLS
