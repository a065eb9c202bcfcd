/* patella-routine-private.h: what the day's plan needs of the routine's items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-routine.h"

G_BEGIN_DECLS

PatellaRoutineItem *patella_routine_item_new    (const PatellaExercise *exercise,
                                                 int                    done_sets);
/* Takes the new state; notifies only what changed. */
void                patella_routine_item_update (PatellaRoutineItem    *self,
                                                 const PatellaExercise *exercise,
                                                 int                    done_sets);
/* g_set_str() arrived in GLib 2.76. */
gboolean            patella_routine_set_string  (char                 **field,
                                                 const char            *value);

G_END_DECLS
