/* patella-diary.c: the warnings over a span of the runner's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-diary"

#include "config.h"

#include "patella-day.h"
#include "patella-diary.h"

GPtrArray *
patella_diary_warnings (PatellaStore            *store,
                        const char              *from,
                        const char              *to,
                        const PatellaThresholds *thresholds,
                        PatellaDistanceUnit      unit,
                        GError                 **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_warning_free);
  g_autoptr(PatellaSeries) series = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_is_valid (from) && patella_day_is_valid (to), NULL);

  if (g_strcmp0 (from, to) > 0)
    return g_steal_pointer (&warnings);

  start = patella_day_add (from, -PATELLA_WARNINGS_LOOKBACK_DAYS);
  series = patella_store_load_series (store, start, to, error);
  if (series == NULL)
    return NULL;

  for (guint i = PATELLA_WARNINGS_LOOKBACK_DAYS; i < series->n_days; i++)
    {
      g_autoptr(GPtrArray) day = patella_warnings_for_day (series, i, thresholds, unit);

      g_ptr_array_extend_and_steal (warnings, g_steal_pointer (&day));
    }

  return g_steal_pointer (&warnings);
}
