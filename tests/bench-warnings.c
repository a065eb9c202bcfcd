/* bench-warnings.c: how often each warning fires on a steady runner, and
 * how many flares the pain rules catch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six seeds of five years each of tools/generate-history's steady runner
 * (--steady: pain that never changes), then the same with four flares a
 * year injected (--flares=4: pain rising 3-5 points over 2-4 days). Prints,
 * per rule, warning days and episodes a year on the steady runner, the
 * pain rules' episodes a year, and the share of flares a pain rule warned
 * of within 7 days of their start. tests/test-warnings.c asserts the bounds.
 *
 *   meson test -C build --benchmark warnings --verbose
 */
#include "config.h"

#include <stdio.h>

#include "warnings-calibration.h"

int
main (int   argc,
      char *argv[])
{
  PatellaCalibration steady, flares;

  patella_calibration_run (&steady, &flares);

  printf ("Steady runner, %d seeds x %d years (%.1f years), default thresholds:\n",
          PATELLA_CALIBRATION_SEEDS, PATELLA_CALIBRATION_YEARS, steady.years);
  printf ("| rule | warning days a year | episodes a year |\n|---|---|---|\n");
  for (guint code = 0; code < PATELLA_N_WARNINGS; code++)
    printf ("| `%s` | %.1f | %.1f |\n", patella_warning_code_to_string (code),
            steady.days[code] / steady.years, steady.episodes[code] / steady.years);
  printf ("\npain-rule episodes a year (bound 10): %.1f\n", steady.pain_episodes / steady.years);
  printf ("flares warned of within 7 days (bound 95%%): %u of %u, %.1f%%\n",
          flares.flares_caught, flares.n_flares, 100.0 * flares.flares_caught / MAX (flares.n_flares, 1));
  return 0;
}
