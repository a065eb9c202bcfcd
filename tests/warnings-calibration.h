/* warnings-calibration.h: how often the warnings fire on generated runners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/patella-warnings.h"

G_BEGIN_DECLS

typedef struct
{
  double years;                                /* of history measured */
  guint  episodes[PATELLA_N_WARNINGS];         /* per code */
  guint  days[PATELLA_N_WARNINGS];             /* warning days per code */
  guint  pain_episodes;                        /* of the four pain rules */
  guint  n_flares;                             /* injected */
  guint  flares_caught;                        /* a pain rule within 7 days of the start */
} PatellaCalibration;

#define PATELLA_CALIBRATION_SEEDS 6
#define PATELLA_CALIBRATION_YEARS 5
#define PATELLA_CALIBRATION_FLARES_PER_YEAR 4

/* Adds to @out what the warnings (default thresholds) say over a steady
 * runner's generated history of @years years for @seed, with
 * @flares_per_year flares injected. The history goes through the store's
 * import and series, as a runner's own would. */
void     patella_calibration_measure   (guint32             seed,
                                        int                 years,
                                        int                 flares_per_year,
                                        PatellaCalibration *out);

/* The quietness and sensitivity figures, over every seed. */
void     patella_calibration_run       (PatellaCalibration *steady,
                                        PatellaCalibration *flares);

gboolean patella_warning_code_is_pain  (PatellaWarningCode  code);

G_END_DECLS
