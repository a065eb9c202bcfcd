/* patella-episodes.c: the warnings of each day of a span, and the episodes they form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-episodes"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-episodes.h"

GPtrArray *
patella_episodes_warnings_between (PatellaStore            *store,
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
  /* The days often come from the file (its first and last logged day). */
  if (!patella_day_is_valid (from) || !patella_day_is_valid (to))
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID,
                   _("“%s” to “%s” is not a span of calendar days."), from ? from : "", to ? to : "");
      return NULL;
    }

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

/* Days looked back at first; doubled while an episode reaches that far. */
#define EPISODE_SPAN_DAYS 60

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const PatellaEpisode *x = *(const PatellaEpisode * const *) a;
  const PatellaEpisode *y = *(const PatellaEpisode * const *) b;

  if (x->severity != y->severity)
    return x->severity < y->severity ? -1 : 1;
  return x->code < y->code ? -1 : x->code > y->code;
}

/**
 * patella_episodes_on:
 *
 * Returns: (transfer full) (element-type PatellaEpisode): the episodes whose
 *   last day is @day, high severity first, or NULL on error.
 */
GPtrArray *
patella_episodes_on (PatellaStore            *store,
                     const char              *day,
                     const PatellaThresholds *thresholds,
                     PatellaDistanceUnit      unit,
                     GError                 **error)
{
  g_autofree char *first_logged = NULL;
  g_autofree char *last_logged = NULL;
  int span = EPISODE_SPAN_DAYS;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_is_valid (day), NULL);

  if (!patella_store_get_logged_range (store, &first_logged, &last_logged, error))
    return NULL;

  for (;;)
    {
      g_autofree char *from = patella_day_add (day, -span);
      g_autoptr(GPtrArray) warnings = patella_episodes_warnings_between (store, from, day, thresholds, unit, error);
      g_autoptr(GPtrArray) episodes = NULL;
      gboolean reaches_back = FALSE;

      if (warnings == NULL)
        return NULL;
      episodes = patella_warnings_group_episodes (warnings);
      for (guint i = episodes->len; i > 0; i--)
        {
          const PatellaEpisode *episode = g_ptr_array_index (episodes, i - 1);

          if (g_strcmp0 (episode->end, day) != 0)
            g_ptr_array_remove_index (episodes, i - 1);
          else if (patella_day_diff (from, episode->start) <= 1)
            reaches_back = TRUE;
        }

      /* Nothing is logged before @from: no warning can be there either. */
      if (!reaches_back || first_logged == NULL || g_strcmp0 (first_logged, from) >= 0)
        {
          g_ptr_array_sort (episodes, compare_severity);
          return g_steal_pointer (&episodes);
        }
      span *= 2;
    }
}

gboolean
patella_episodes_dismissed (PatellaStore         *store,
                            const PatellaEpisode *episode,
                            gboolean             *dismissed,
                            GError              **error)
{
  const char *code = patella_warning_code_to_string (episode->code);
  int n_days = patella_day_diff (episode->start, episode->end) + 1;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  *dismissed = FALSE;
  for (int i = 0; i < n_days && !*dismissed; i++)
    {
      g_autofree char *day = patella_day_add (episode->start, i);
      g_autoptr(GPtrArray) codes = patella_store_list_dismissed (store, day, error);

      if (codes == NULL)
        return FALSE;
      *dismissed = g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL);
    }
  return TRUE;
}
