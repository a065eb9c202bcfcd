/* patella-series.c: what the record holds day by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

/**
 * patella_day_cursor_init:
 * @first: a valid day, from which indexes count
 */
void
patella_day_cursor_init (PatellaDayCursor *cursor,
                         const char       *first)
{
  GDate date;

  g_return_if_fail (patella_day_parse (first, &date));

  cursor->first = g_date_get_julian (&date);
  cursor->day[0] = '\0';
  cursor->index = 0;
}

/**
 * patella_day_cursor_index:
 *
 * Returns: whole days from the first day to @day, as patella_day_diff()
 *   counts them, or G_MININT when @day is not a day.
 */
int
patella_day_cursor_index (PatellaDayCursor *cursor,
                          const char       *day)
{
  GDate date;

  if (day != NULL && strcmp (day, cursor->day) == 0)
    return cursor->index;
  if (!patella_day_parse (day, &date))
    return G_MININT;
  memcpy (cursor->day, day, sizeof cursor->day);
  cursor->index = (int) g_date_get_julian (&date) - (int) cursor->first;
  return cursor->index;
}
