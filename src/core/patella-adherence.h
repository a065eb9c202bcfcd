/* patella-adherence.h: how steadily the routine is being done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One calendar day of the record, as adherence sees it. */
typedef struct
{
  double   fraction;  /* 0..1: the mean over the routine's exercises of
                         min(1, sets logged / target sets) */
  gboolean logged;    /* at least one set of anything was logged */
  gboolean off;       /* a rest or sick day: it neither counts nor breaks */
} PatellaDayMark;

typedef struct
{
  int      streak;       /* days in a row with the routine complete */
  double   score;        /* 0..1, an exponential average of the days */
  gboolean nudge;        /* nothing logged on the last three days that count */
  gboolean streak_to_start; /* the streak runs back to the first day given */
} PatellaAdherence;

/* Half-life of the score, in days that count: a missed day after a long run
 * of complete days costs about a tenth of the score (1 - 2^(-1/7) = 9.4%). */
#define PATELLA_SCORE_HALF_LIFE_DAYS 7.0

/* Days without a set that bring the nudge. */
#define PATELLA_NUDGE_DAYS 3

void     patella_adherence_compute (const PatellaDayMark *marks,
                                    guint                 n_marks,
                                    PatellaAdherence     *out);

double   patella_adherence_score_step (void);

G_END_DECLS
