/* patella-adherence.c: how steadily the routine is being done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * @marks holds consecutive calendar days, the runner's first day first and
 * today last. The definitions:
 *
 * - A day is complete when every exercise in the routine reached its target
 *   sets (fraction == 1). Rest and sick days are skipped by everything below.
 * - Today only counts once it is complete, so an unfinished morning never
 *   lowers the score or breaks the streak.
 * - Streak: counting back from the last day that counts, the number of
 *   complete days before the first incomplete one.
 * - Score: s = 0 before the first day; each day that counts moves it by
 *   s += alpha * (fraction - s), alpha = 1 - 2^(-1/7): an exponential
 *   average with a half-life of a week, which forgives one missed day.
 * - Nudge: today is not a day off and has nothing logged, and neither have
 *   the last three days before it that count (all within the record).
 */
#define G_LOG_DOMAIN "patella-adherence"

#include <math.h>

#include "patella-adherence.h"

double
patella_adherence_score_step (void)
{
  return 1.0 - pow (2.0, -1.0 / PATELLA_SCORE_HALF_LIFE_DAYS);
}

static gboolean
is_complete (const PatellaDayMark *mark)
{
  return mark->fraction >= 1.0;
}

void
patella_adherence_compute (const PatellaDayMark *marks,
                           guint                 n_marks,
                           PatellaAdherence     *out)
{
  const double alpha = patella_adherence_score_step ();
  guint n_counted;
  double score = 0.0;
  int streak = 0;
  gboolean broken = FALSE;
  guint empty = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (marks != NULL || n_marks == 0);

  *out = (PatellaAdherence) { 0 };
  if (n_marks == 0)
    return;

  /* Today counts only when complete. */
  n_counted = is_complete (&marks[n_marks - 1]) ? n_marks : n_marks - 1;

  for (guint i = 0; i < n_counted; i++)
    if (!marks[i].off)
      score += alpha * (CLAMP (marks[i].fraction, 0.0, 1.0) - score);

  for (guint i = n_counted; i > 0; i--)
    {
      const PatellaDayMark *mark = &marks[i - 1];

      if (mark->off)
        continue;
      if (!is_complete (mark))
        {
          broken = TRUE;
          break;
        }
      streak++;
    }

  if (!marks[n_marks - 1].off && !marks[n_marks - 1].logged)
    {
      for (guint i = n_marks - 1; i > 0 && empty < PATELLA_NUDGE_DAYS; i--)
        {
          const PatellaDayMark *mark = &marks[i - 1];

          if (mark->off)
            continue;
          if (mark->logged)
            break;
          empty++;
        }
    }

  out->streak = streak;
  out->score = score;
  out->nudge = empty >= PATELLA_NUDGE_DAYS;
  out->streak_to_start = !broken;
}
