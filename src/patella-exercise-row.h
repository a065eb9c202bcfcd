/* patella-exercise-row.h: one exercise of the day's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-routine.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_EXERCISE_ROW (patella_exercise_row_get_type ())

G_DECLARE_FINAL_TYPE (PatellaExerciseRow, patella_exercise_row, PATELLA, EXERCISE_ROW, GtkListBoxRow)

GtkWidget          *patella_exercise_row_new      (PatellaRoutineItem *item);
PatellaRoutineItem *patella_exercise_row_get_item (PatellaExerciseRow *self);
gboolean            patella_exercise_row_get_expanded (PatellaExerciseRow *self);
void                patella_exercise_row_set_expanded (PatellaExerciseRow *self,
                                                       gboolean            expanded);
/* For tests: the status shown before the name, and the subtitle's lines. */
GtkImage           *patella_exercise_row_get_status_icon    (PatellaExerciseRow *self);
int                 patella_exercise_row_get_subtitle_lines (PatellaExerciseRow *self);
gboolean            patella_exercise_row_get_narrow         (PatellaExerciseRow *self);

/* "2 of 3", the progress text the row shows; a pure function for tests. */
char               *patella_exercise_row_format_progress (int done,
                                                          int target);

G_END_DECLS
