/* patella-exercise.c: an exercise of the routine, built in or the runner's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-exercise"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "patella-exercise.h"
#include "patella-progression.h"

G_DEFINE_BOXED_TYPE (PatellaExercise, patella_exercise,
                     patella_exercise_copy, patella_exercise_free)

PatellaExercise *
patella_exercise_copy (const PatellaExercise *exercise)
{
  PatellaExercise *copy;

  g_return_val_if_fail (exercise != NULL, NULL);

  copy = g_memdup2 (exercise, sizeof *exercise);
  copy->id = g_strdup (exercise->id);
  copy->name = g_strdup (exercise->name);
  copy->dose = g_strdup (exercise->dose);
  copy->cues = g_strdup (exercise->cues);
  return copy;
}

void
patella_exercise_free (PatellaExercise *exercise)
{
  if (exercise == NULL)
    return;

  g_free (exercise->id);
  g_free (exercise->name);
  g_free (exercise->dose);
  g_free (exercise->cues);
  g_free (exercise);
}

gboolean
patella_exercise_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len < 1 || len > 64 || id[0] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-'))
      return FALSE;

  return TRUE;
}

/* Doses and cues follow the clinical sources gathered for the project
 * (self-myofascial release, quadriceps setting, static hamstring stretch,
 * eccentric wall squat below 75 degrees, band walks), in our own words. */
static const PatellaExercise builtins[] = {
  {
    .id = (char *) "foam-roll",
    .name = (char *) N_("Foam rolling"),
    .dose = (char *) N_("Once a day: 4 areas, hip toward knee, 10 s on each tender spot"),
    .cues = (char *) N_("Roll the outer thigh, the front of the thigh, the hamstrings and the calf. "
                        "For the outer thigh, lie on that side with the roller at the hip, that leg "
                        "straight and the other leg bent and turned out. For the front of the thigh, "
                        "start just below the pelvis and roll toward the knee with the thigh flat on "
                        "the roller; your body weight gives the pressure. Stop on each tender spot "
                        "and hold about 10 seconds. Roll before you stretch: stretching a muscle "
                        "that is still in spasm can strain it."),
    .target_sets = 1, .reps = 4, .hold_seconds = 10, .enabled = TRUE,
  },
  {
    .id = (char *) "quad-setting",
    .name = (char *) N_("Quadriceps setting"),
    .dose = (char *) N_("20 × 5 s hold, 3 times a day"),
    .cues = (char *) N_("Sit with the leg straight out in front of you. Tighten the front of the "
                        "thigh as hard as you can and hold; you should feel the kneecap glide up "
                        "toward you. A rolled towel under the knee can make it less painful. Most "
                        "people notice it getting easier within a couple of weeks."),
    .target_sets = 3, .reps = 20, .hold_seconds = 5, .enabled = TRUE,
  },
  {
    .id = (char *) "hamstring-stretch",
    .name = (char *) N_("Hamstring stretch"),
    .dose = (char *) N_("3 × 30 s hold on each leg, once a day"),
    .cues = (char *) N_("Rest your heel on a step 15–20 cm high with the knee locked straight and "
                        "the toes pulled toward you. Keep your back straight and lean forward from "
                        "the hips until you feel the stretch behind the thigh. Hold still; do not "
                        "bounce."),
    .target_sets = 1, .reps = 3, .hold_seconds = 30, .enabled = TRUE,
  },
  {
    .id = (char *) "squat",
    .name = (char *) N_("Wall squat with a ball"),
    .dose = (char *) N_("3 sets of 10, lowering over 5 s"),
    .cues = (char *) N_("Stand with an exercise ball between your lower back and a wall, feet a "
                        "little in front of you and turned slightly out. Slide your hips down under "
                        "the ball, taking 5 seconds on the way down. Stop before the knees bend to "
                        "75 degrees: a right-angle bend loads the kneecap joint too much. Turning "
                        "the feet out works the inner quadriceps (VMO) harder."),
    .target_sets = 3, .reps = 10, .hold_seconds = 5, .enabled = TRUE,
  },
  {
    .id = (char *) "band-walks",
    .name = (char *) N_("Band walks"),
    .dose = (char *) N_("Sideways and monster walks, 3–4.5 m out and back, 2 rounds"),
    .cues = (char *) N_("Put a resistance band loop around both legs: above the knees is easiest, "
                        "mid-shin is harder, at the ankles is hardest. Walk sideways 3–4.5 m and "
                        "back, then forward and backward with the feet apart (monster walks). Keep "
                        "the knees pointing over the toes; do not let them fall inward."),
    .target_sets = 2, .reps = 0, .hold_seconds = 0, .enabled = TRUE,
  },
  {
    .id = (char *) "price",
    .name = (char *) N_("PRICE care"),
    .dose = (char *) N_("Ice 10–20 min, 2–3 times a day, while the knee is inflamed"),
    .cues = (char *) N_("Protect, rest, ice, compress, elevate: ice the knee for 10–20 minutes with "
                        "a cloth between ice and skin, wear a compression sleeve or wrap, and raise "
                        "the leg above the level of the heart. Do not run while the knee is "
                        "inflamed."),
    .target_sets = 2, .reps = 0, .hold_seconds = 0, .enabled = FALSE,
  },
  {
    .id = (char *) "calf-stretch",
    .name = (char *) N_("Calf stretches"),
    .dose = (char *) N_("2 × 30 s hold, knee straight and knee bent, each leg"),
    .cues = (char *) N_("Hands on a wall, one foot back with the heel down. Lean in with the back "
                        "knee straight to stretch the upper calf, then bend that knee slightly to "
                        "stretch the lower calf."),
    .target_sets = 1, .reps = 2, .hold_seconds = 30, .enabled = FALSE,
  },
  {
    .id = (char *) "quad-stretch",
    .name = (char *) N_("Quadriceps stretch"),
    .dose = (char *) N_("2 × 30 s hold on each leg"),
    .cues = (char *) N_("Standing, hold a wall for balance and bring one heel toward your buttock, "
                        "knees together and hips pushed gently forward. Stop short of knee pain."),
    .target_sets = 1, .reps = 2, .hold_seconds = 30, .enabled = FALSE,
  },
  {
    .id = (char *) "balance",
    .name = (char *) N_("Balance training"),
    .dose = (char *) N_("3 × 30 s on one leg, each side"),
    .cues = (char *) N_("Stand on one leg with the knee soft and centred over the foot. Make it "
                        "harder by closing your eyes or standing on a cushion."),
    .target_sets = 1, .reps = 3, .hold_seconds = 30, .enabled = FALSE,
  },
  {
    .id = (char *) "glute-strength",
    .name = (char *) N_("Gluteal strengthening"),
    .dose = (char *) N_("Side-lying leg raises and bridges, 3 sets of 12"),
    .cues = (char *) N_("Lying on your side, lift the top leg slightly behind you with the toes "
                        "pointing forward. For bridges, lie on your back with knees bent and lift "
                        "the hips until the body is straight from knees to shoulders. A hip that "
                        "holds the knee centred takes load off the kneecap."),
    .target_sets = 3, .reps = 12, .hold_seconds = 0, .enabled = FALSE,
  },
};

const PatellaExercise *
patella_exercise_get_builtins (guint *n_builtins)
{
  if (n_builtins != NULL)
    *n_builtins = G_N_ELEMENTS (builtins);
  return builtins;
}

/* The built-ins whose dose is on each leg (a runner's own exercise says
 * its dose in its own words). */
gboolean
patella_exercise_is_per_leg (const PatellaExercise *exercise)
{
  static const char *const per_leg[] = { "hamstring-stretch", "calf-stretch", "quad-stretch", "balance", NULL };

  g_return_val_if_fail (exercise != NULL, FALSE);

  return (exercise->builtin || patella_exercise_find_builtin (exercise->id) == exercise) &&
         g_strv_contains (per_leg, exercise->id);
}

const PatellaExercise *
patella_exercise_find_builtin (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_strcmp0 (builtins[i].id, id) == 0)
      return &builtins[i];
  return NULL;
}

/* Built-in exercises show the text Patella ships, translated, so that a
 * new version's better wording reaches existing records; the runner's own
 * exercises show what the runner wrote. */
const char *
patella_exercise_get_display_name (const PatellaExercise *exercise)
{
  const PatellaExercise *builtin;

  g_return_val_if_fail (exercise != NULL, NULL);

  builtin = exercise->builtin ? patella_exercise_find_builtin (exercise->id) : NULL;
  return builtin ? _(builtin->name) : exercise->name;
}

const char *
patella_exercise_get_display_cues (const PatellaExercise *exercise)
{
  const PatellaExercise *builtin;

  g_return_val_if_fail (exercise != NULL, NULL);

  builtin = exercise->builtin ? patella_exercise_find_builtin (exercise->id) : NULL;
  return builtin ? _(builtin->cues) : exercise->cues;
}

/**
 * patella_exercise_describe_dose:
 *
 * The dose in plain words. A built-in exercise at its shipped dose uses the
 * protocol's own phrase ("20 × 5 s hold, 3 times a day"); once the runner
 * changes the numbers, or for an exercise of their own without a dose text,
 * the words are made from the numbers so they never disagree with them.
 */
char *
patella_exercise_describe_dose (const PatellaExercise *exercise)
{
  const PatellaExercise *builtin;
  const PatellaLadder *ladder;
  g_autoptr(GString) dose = NULL;

  g_return_val_if_fail (exercise != NULL, NULL);

  builtin = exercise->builtin ? patella_exercise_find_builtin (exercise->id) : NULL;
  ladder = builtin != NULL && exercise->level > 0 ? patella_ladder_find (exercise->id) : NULL;
  if (ladder != NULL && (guint) exercise->level < ladder->n_levels)
    {
      const PatellaLevel *step = &ladder->levels[exercise->level];

      /* A level of its ladder, at that level's numbers: the level's words. */
      if (step->target_sets == exercise->target_sets && step->reps == exercise->reps &&
          step->hold_seconds == exercise->hold_seconds)
        return g_strdup (_(step->dose));
    }
  else if (builtin != NULL &&
      builtin->target_sets == exercise->target_sets &&
      builtin->reps == exercise->reps &&
      builtin->hold_seconds == exercise->hold_seconds)
    return g_strdup (_(builtin->dose));

  if (builtin == NULL && exercise->dose != NULL && exercise->dose[0] != '\0')
    return g_strdup (exercise->dose);

  dose = g_string_new (NULL);
  if (exercise->reps > 0 && exercise->hold_seconds > 0)
    /* Translators: reps × seconds, e.g. "20 × 5 s" */
    g_string_append_printf (dose, _("%d × %d s"), exercise->reps, exercise->hold_seconds);
  else if (exercise->reps > 0)
    g_string_append_printf (dose, ngettext ("%d rep", "%d reps", exercise->reps), exercise->reps);
  else if (exercise->hold_seconds > 0)
    g_string_append_printf (dose, _("%d s"), exercise->hold_seconds);

  if (dose->len > 0)
    g_string_append (dose, ", ");
  g_string_append_printf (dose, ngettext ("%d set a day", "%d sets a day", exercise->target_sets),
                          exercise->target_sets);
  return g_string_free (g_steal_pointer (&dose), FALSE);
}
