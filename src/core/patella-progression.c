/* patella-progression.c: when to make an exercise harder, and a graded return to running
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure rules, tested on both sides of each edge. They follow the
 * pain-monitoring model (Silbernagel et al., 2007), as patellofemoral
 * programmes use it: load that keeps pain at 2 out of 10 or less during the
 * exercise, and leaves the next morning no worse, may progress; pain of 3
 * to 5 holds; pain above 5, or a worse morning, steps back. The ladders are
 * the progressions of the 2019 JOSPT guideline (Willy et al.). The return
 * to running follows a published walk/run protocol (the standard
 * return-to-run programme in Trials 2023, doi:10.1186/s13063-023-07502-x):
 * each phase at least twice, a rest day between runs, effort 3-5. Patella
 * suggests; the runner and their clinician decide: nothing here changes the
 * routine by itself.
 */
#define G_LOG_DOMAIN "patella-progression"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-progression.h"

/* The ladders' texts are stored in English, as the routine's are; the
 * window shows them translated. */
static const PatellaLevel squat_levels[] = {
  { N_("Wall squat to 45°"), N_("3 sets of 10, lowering over 5 s"),
    N_("Back against the ball on the wall, feet a little forward and slightly turned out. Slide down to a "
       "shallow bend of about 45°, then back up."), 3, 10, 5 },
  { N_("Wall squat to 60°"), N_("3 sets of 10, lowering over 5 s"),
    N_("As before, a little deeper: about 60° of knee bend."), 3, 10, 5 },
  { N_("Wall squat to 75°"), N_("3 sets of 10, lowering over 5 s"),
    N_("About 75° of knee bend, and never deeper: 90° loads the kneecap too much."), 3, 10, 5 },
  { N_("Wall squat to 75°, 15 reps"), N_("3 sets of 15, lowering over 5 s"),
    N_("The same depth, more repetitions."), 3, 15, 5 },
  { N_("Step-downs"), N_("3 sets of 10 on each leg"),
    N_("Stand on a low step. Lower the other heel slowly to the floor, knee over the toes, and rise again."),
    3, 10, 0 },
};

static const PatellaLevel band_levels[] = {
  { N_("Band walks, band above the knees"), N_("Sideways and monster walks, 3–4.5 m out and back, 2 rounds"),
    N_("Knees over the toes, hips level."), 2, 0, 0 },
  { N_("Band walks, band at the shins"), N_("Sideways and monster walks, 3–4.5 m out and back, 2 rounds"),
    N_("The band lower makes the hips work harder."), 2, 0, 0 },
  { N_("Band walks, band at the ankles"), N_("Sideways and monster walks, 3–4.5 m out and back, 2 rounds"),
    N_("The hardest place for the band."), 2, 0, 0 },
  { N_("Band walks, band at the ankles, 3 rounds"), N_("Sideways and monster walks, 3–4.5 m out and back, 3 rounds"),
    N_("One more round."), 3, 0, 0 },
};

static const PatellaLevel quad_levels[] = {
  { N_("Quadriceps setting"), N_("20 × 5 s hold, 3 times a day"),
    N_("Leg straight, tighten the thigh as hard as you can and hold; the kneecap glides up."), 3, 20, 5 },
  { N_("Straight-leg raise"), N_("3 sets of 10"),
    N_("Lying on your back, the other knee bent: tighten the thigh, lift the straight leg to the height of "
       "the other knee, lower slowly."), 3, 10, 0 },
  { N_("Short-arc knee extension"), N_("3 sets of 10, 3 s hold"),
    N_("A rolled towel under the knee: straighten the lower leg fully, hold, lower slowly."), 3, 10, 3 },
};

static const PatellaLevel glute_levels[] = {
  { N_("Bridge"), N_("3 sets of 10"),
    N_("On your back, knees bent: lift the hips until knees, hips and shoulders line up."), 3, 10, 0 },
  { N_("Single-leg bridge"), N_("3 sets of 8 on each leg"),
    N_("The same on one leg, the other straight; keep the hips level."), 3, 8, 0 },
  { N_("Side plank"), N_("3 × 20 s hold on each side"),
    N_("On a forearm, body in a straight line from head to feet."), 3, 0, 20 },
};

static const PatellaLadder ladders[] = {
  { "squat", squat_levels, G_N_ELEMENTS (squat_levels) },
  { "band-walks", band_levels, G_N_ELEMENTS (band_levels) },
  { "quad-setting", quad_levels, G_N_ELEMENTS (quad_levels) },
  { "glute-strength", glute_levels, G_N_ELEMENTS (glute_levels) },
};

const PatellaLadder *
patella_ladders_get (guint *n_ladders)
{
  *n_ladders = G_N_ELEMENTS (ladders);
  return ladders;
}

const PatellaLadder *
patella_ladder_find (const char *exercise_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (ladders); i++)
    if (g_strcmp0 (ladders[i].exercise_id, exercise_id) == 0)
      return &ladders[i];
  return NULL;
}

static void
set_reason (char      **reason,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
set_reason (char      **reason,
            const char *format,
            ...)
{
  va_list args;

  if (reason == NULL)
    return;
  va_start (args, format);
  g_free (*reason);
  *reason = g_strdup_vprintf (format, args);
  va_end (args);
}

PatellaAdvice
patella_progression_advise (const PatellaLevelDay *sessions,
                            guint                 n_sessions,
                            int                   days_at_level,
                            guint                 level,
                            guint                 n_levels,
                            char                **reason)
{
  guint n_recent = MIN (n_sessions, PATELLA_PROGRESSION_SESSIONS);
  const PatellaLevelDay *recent = sessions + n_sessions - n_recent;
  int highest = -1;
  gboolean morning_worse = FALSE;

  g_return_val_if_fail (n_levels > 0 && level < n_levels, PATELLA_ADVICE_NONE);

  /* Too much pain counts from the first session; progress needs three. */
  for (guint i = 0; i < n_recent; i++)
    {
      highest = MAX (highest, recent[i].max_pain);
      morning_worse |= recent[i].morning_worse_after;
    }

  if (highest > PATELLA_PROGRESSION_HIGH_PAIN || morning_worse)
    {
      if (level == 0)
        {
          set_reason (reason, highest > PATELLA_PROGRESSION_HIGH_PAIN
                                ? _("Pain reached %d out of 10 in the last three sessions, but this is the first "
                                    "level: hold it, and ask your clinician if the pain stays.")
                                : _("A morning was worse after one of the last three sessions, but this is the "
                                    "first level: hold it, and ask your clinician if it happens again."),
                      highest);
          return PATELLA_ADVICE_HOLD;
        }
      if (highest > PATELLA_PROGRESSION_HIGH_PAIN)
        set_reason (reason, _("Pain reached %d out of 10 in the last three sessions, above 5: step back a level."),
                    highest);
      else
        set_reason (reason, "%s", _("A morning was worse after one of the last three sessions: step back a level."));
      return PATELLA_ADVICE_STEP_BACK;
    }

  if (highest > PATELLA_PROGRESSION_EASY_PAIN)
    {
      set_reason (reason, _("Pain reached %d out of 10 in the last three sessions: hold this level until it "
                            "stays at 2 or less."),
                  highest);
      return PATELLA_ADVICE_HOLD;
    }

  if (n_sessions < PATELLA_PROGRESSION_SESSIONS)
    {
      set_reason (reason, ngettext ("%u session at this level so far; a suggestion needs the last %u.",
                                    "%u sessions at this level so far; a suggestion needs the last %u.",
                                    n_sessions),
                  n_sessions, PATELLA_PROGRESSION_SESSIONS);
      return PATELLA_ADVICE_NONE;
    }

  if (level + 1 >= n_levels)
    {
      set_reason (reason, "%s", _("The last three sessions were pain-free, at the top of the ladder: keep it up."));
      return PATELLA_ADVICE_NONE;
    }

  if (days_at_level < PATELLA_PROGRESSION_HOLD_DAYS)
    {
      set_reason (reason, ngettext ("The last three sessions were pain-free; this level is %d day old, and a level "
                                    "is held for 7 days first.",
                                    "The last three sessions were pain-free; this level is %d days old, and a level "
                                    "is held for 7 days first.",
                                    days_at_level),
                  days_at_level);
      return PATELLA_ADVICE_NONE;
    }

  /* Beyond eight weeks a count of days says less than the weeks do. */
  if (days_at_level > 8 * 7)
    {
      set_reason (reason, "%s", _("The last three sessions were pain-free (2 out of 10 or less), no morning was "
                                  "worse after them, and this level has held for more than 8 weeks."));
      return PATELLA_ADVICE_PROGRESS;
    }

  set_reason (reason, ngettext ("The last three sessions were pain-free (2 out of 10 or less), no morning was "
                                "worse after them, and this level has held for %d day.",
                                "The last three sessions were pain-free (2 out of 10 or less), no morning was "
                                "worse after them, and this level has held for %d days.",
                                days_at_level),
              days_at_level);
  return PATELLA_ADVICE_PROGRESS;
}

guint
patella_progression_target (const PatellaLadder *ladder,
                            guint                level,
                            PatellaAdvice        advice)
{
  if (advice == PATELLA_ADVICE_PROGRESS && level + 1 < ladder->n_levels)
    return level + 1;
  if (advice == PATELLA_ADVICE_STEP_BACK && level > 0)
    return level - 1;
  return level;
}

char *
patella_progression_headline (const char          *name,
                              const PatellaLadder *ladder,
                              guint                level,
                              PatellaAdvice        advice)
{
  const char *target = _(ladder->levels[patella_progression_target (ladder, level, advice)].name);

  switch (advice)
    {
    case PATELLA_ADVICE_PROGRESS:
      /* Translators: an exercise, then the next level of its ladder */
      return g_strdup_printf (_("%s: ready for %s?"), name, target);
    case PATELLA_ADVICE_STEP_BACK:
      /* Translators: an exercise, then the level below the current one */
      return g_strdup_printf (_("%s: step back to %s?"), name, target);
    case PATELLA_ADVICE_HOLD:
      /* Translators: an exercise, then its current level */
      return g_strdup_printf (_("%s: hold at %s"), name, target);
    case PATELLA_ADVICE_NONE:
    default:
      /* Translators: an exercise, then its current level */
      return g_strdup_printf (_("%s: stay at %s"), name, target);
    }
}

/* Return to running */

static const PatellaRunPhase builtin_phases[] = {
  { 5, 1, 2 },
  { 5, 2, 2 },
  { 6, 2, 1 },
  { 5, 3, 1 },
  { 4, 5, 1 },
  { 3, 8, 1 },
  { 2, 13, 1 },
  { 1, 30, 0 },
};

const PatellaRunPhase *
patella_return_phases (guint *n_phases)
{
  *n_phases = G_N_ELEMENTS (builtin_phases);
  return builtin_phases;
}

char *
patella_run_phase_describe (const PatellaRunPhase *phase)
{
  if (phase->walk_minutes <= 0)
    /* Translators: a continuous run in a return-to-running plan */
    return g_strdup_printf (_("%g min continuous"), phase->run_minutes);
  /* Translators: a walk/run phase, e.g. "6 × (2 min run / 1 min walk)" */
  return g_strdup_printf (_("%u × (%g min run / %g min walk)"), phase->repeats, phase->run_minutes,
                          phase->walk_minutes);
}

static gboolean
in_half_minutes (double minutes,
                 double min,
                 double max)
{
  return minutes >= min && minutes <= max && minutes * 2 == (double) (gint64) (minutes * 2);
}

gboolean
patella_run_phases_check (const PatellaRunPhase *phases,
                          guint                  n_phases,
                          char                 **reason)
{
  if (n_phases < 1 || n_phases > PATELLA_RUN_PHASES_MAX)
    {
      set_reason (reason, _("A plan has 1 to %d phases."), PATELLA_RUN_PHASES_MAX);
      return FALSE;
    }
  for (guint i = 0; i < n_phases; i++)
    {
      const PatellaRunPhase *phase = &phases[i];

      if (phase->repeats < 1 || phase->repeats > PATELLA_PHASE_REPEATS_MAX)
        /* Translators: the phase's number, then the most repeats */
        set_reason (reason, _("Phase %u: a phase repeats its run and walk 1 to %d times."), i + 1,
                    PATELLA_PHASE_REPEATS_MAX);
      else if (!in_half_minutes (phase->run_minutes, PATELLA_PHASE_RUN_MINUTES_MIN, PATELLA_PHASE_RUN_MINUTES_MAX))
        set_reason (reason, _("Phase %u: a run lasts 0.5 to %d minutes, in half minutes."), i + 1,
                    PATELLA_PHASE_RUN_MINUTES_MAX);
      else if (!in_half_minutes (phase->walk_minutes, 0, PATELLA_PHASE_WALK_MINUTES_MAX))
        set_reason (reason, _("Phase %u: a walk lasts 0 to %d minutes, in half minutes."), i + 1,
                    PATELLA_PHASE_WALK_MINUTES_MAX);
      else if (phase->walk_minutes == 0 && phase->repeats != 1)
        set_reason (reason, _("Phase %u: a run without walks is continuous, and is run once."), i + 1);
      else
        continue;
      return FALSE;
    }
  return TRUE;
}

double
patella_run_phase_minutes (const PatellaRunPhase *phase)
{
  return phase->repeats * (phase->run_minutes + phase->walk_minutes);
}

gboolean
patella_return_run_passed (const PatellaReturnRun *run,
                           int                     pain_limit,
                           char                  **reason)
{
  if (run->run_pain > pain_limit)
    {
      set_reason (reason, _("Pain during the run was %d out of 10, above %d."), run->run_pain, pain_limit);
      return FALSE;
    }
  if (run->after_pain < 0)
    {
      set_reason (reason, "%s", _("No pain score after the run says that it settled."));
      return FALSE;
    }
  if (run->after_pain > MAX (run->run_pain, 0))
    {
      set_reason (reason, _("Pain after the run rose to %d out of 10: it did not settle."), run->after_pain);
      return FALSE;
    }
  if (run->morning_worse_next)
    {
      set_reason (reason, "%s", _("The next morning was worse than usual."));
      return FALSE;
    }
  set_reason (reason, "%s", _("Pain stayed low during the run, settled after it, and the next morning was no worse."));
  return TRUE;
}

void
patella_return_step (PatellaReturnState     *state,
                     const PatellaReturnRun *run,
                     int                     pain_limit,
                     guint                   n_phases)
{
  g_return_if_fail (n_phases > 0);

  if (state->phase >= n_phases)
    state->phase = n_phases - 1;
  if (patella_return_run_passed (run, pain_limit, NULL))
    {
      state->failed = 0;
      if (++state->passed >= PATELLA_RETURN_PASSES_PER_PHASE)
        {
          state->passed = 0;
          if (state->phase + 1 < n_phases)
            state->phase++;
          else
            state->passed = PATELLA_RETURN_PASSES_PER_PHASE;   /* the plan is done */
        }
      return;
    }

  state->passed = 0;
  if (++state->failed >= PATELLA_RETURN_FAILURES_BACK)
    {
      state->failed = 0;
      if (state->phase > 0)
        state->phase--;
    }
}

gboolean
patella_return_may_run (const char *last_run_day,
                        const char *day)
{
  g_return_val_if_fail (patella_day_is_valid (day), FALSE);

  return last_run_day == NULL || patella_day_diff (last_run_day, day) >= 2;
}
