/* patella-timer-window.h: the guided timer for hold exercises
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-exercise.h"
#include "core/patella-timer.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_TIMER_WINDOW (patella_timer_window_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTimerWindow, patella_timer_window, PATELLA, TIMER_WINDOW, AdwWindow)

/* @name is the exercise's name as shown. "finished" is emitted once when the
 * last rep ends, unless a hold was skipped (the window then says that the
 * set was not logged); closing the window earlier logs nothing. */
PatellaTimerWindow *patella_timer_window_new         (GtkWindow             *parent,
                                                      const PatellaExercise *exercise,
                                                      const char            *name);
/* The intervals of a return-to-running phase: run, walk, run…, a bell at
 * each change; "finished" when the last run ends. */
PatellaTimerWindow *patella_timer_window_new_for_run (GtkWindow             *parent,
                                                      const PatellaRunPhase *phase,
                                                      const char            *title);
/* NULL for a run's intervals. */
const char         *patella_timer_window_get_exercise_id (PatellaTimerWindow *self);
/* The minutes timed from the first run to the end of the last. */
double              patella_timer_window_get_minutes (PatellaTimerWindow    *self);
gboolean            patella_timer_window_get_running (PatellaTimerWindow    *self);
void                patella_timer_window_get_state   (PatellaTimerWindow    *self,
                                                      PatellaTimerState     *state);

void                patella_timer_window_run_for     (PatellaTimerWindow    *self,
                                                      double                 seconds);

G_END_DECLS
