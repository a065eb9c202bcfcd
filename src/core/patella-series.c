/* patella-series.c: what the record holds day by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "patella-day.h"
#include "patella-series.h"

PatellaSeries *
patella_series_new (const char *first,
                    guint       n_days)
{
  PatellaSeries *series;

  g_return_val_if_fail (patella_day_is_valid (first), NULL);

  series = g_new0 (PatellaSeries, 1);
  series->first = g_strdup (first);
  series->n_days = n_days;
  series->days = g_new0 (PatellaDayStats, MAX (n_days, 1));
  series->first_run = G_MININT;
  for (guint i = 0; i < n_days; i++)
    series->days[i].during = series->days[i].morning = series->days[i].after = series->days[i].max_score = -1;
  return series;
}

void
patella_series_free (PatellaSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->first);
  g_free (series->days);
  g_free (series);
}
