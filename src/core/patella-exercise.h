/* patella-exercise.h: an exercise of the routine, built in or the runner's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_EXERCISE (patella_exercise_get_type ())

typedef struct
{
  char     *id;           /* stable, lower-case ASCII letters, digits and '-' */
  char     *name;
  char     *dose;         /* the dose in plain words */
  char     *cues;         /* how to do it */
  int       target_sets;  /* sets to log per day */
  int       reps;         /* per set; 0 when the dose has no reps */
  int       hold_seconds; /* per rep: a hold, or a squat's descent; 0 for none */
  int       position;     /* order in the routine */
  gboolean  enabled;
  gboolean  builtin;
  gboolean  archived;     /* a removed custom exercise that old logs still name */
  int       level;        /* the step of its ladder (patella-progression.h); 0 the first */
} PatellaExercise;

GType            patella_exercise_get_type   (void) G_GNUC_CONST;
PatellaExercise *patella_exercise_copy       (const PatellaExercise *exercise);
void             patella_exercise_free       (PatellaExercise       *exercise);
gboolean         patella_exercise_id_is_valid (const char           *id);

/* The routine Patella ships, in the order it is done: release before stretch,
 * then strength. The five core exercises are enabled; the extras are off
 * until the runner switches them on. Text is marked for translation with N_(). */
const PatellaExercise *patella_exercise_get_builtins (guint      *n_builtins);
const PatellaExercise *patella_exercise_find_builtin (const char *id);
gboolean               patella_exercise_is_per_leg   (const PatellaExercise *exercise);

const char      *patella_exercise_get_display_name (const PatellaExercise *exercise);
const char      *patella_exercise_get_display_cues (const PatellaExercise *exercise);
char            *patella_exercise_describe_dose    (const PatellaExercise *exercise);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaExercise, patella_exercise_free)

G_END_DECLS
