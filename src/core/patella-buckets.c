/* patella-buckets.c: days, weeks or months, as the width of a chart allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ten years of daily points in a thousand pixels are a smear. A chart
 * chooses its resolution once per range and width: days while a day gets a
 * few pixels, then ISO weeks (Monday to Sunday), then calendar months. Each
 * bucket is a run of the range's days, so the day axis stays the same and a
 * bucket is drawn over the days it holds; weeks and months are counted on
 * the calendar, so a DST change or a 28-day February changes nothing.
 */
#define G_LOG_DOMAIN "patella-buckets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-buckets.h"
#include "patella-day.h"

PatellaBucketSize
patella_bucket_size_choose (guint  n_days,
                            double width)
{
  if (n_days == 0 || width / n_days >= PATELLA_BUCKET_MIN_PIXELS)
    return PATELLA_BUCKET_DAY;
  /* Seven days a week: a week gets seven times a day's pixels. */
  if (width * 7 / n_days >= PATELLA_BUCKET_MIN_PIXELS)
    return PATELLA_BUCKET_WEEK;
  return PATELLA_BUCKET_MONTH;
}

/* Whether @date starts a bucket of @size. */
static gboolean
starts_bucket (const GDate       *date,
               PatellaBucketSize  size)
{
  switch (size)
    {
    case PATELLA_BUCKET_WEEK:
      return g_date_get_weekday (date) == G_DATE_MONDAY;
    case PATELLA_BUCKET_MONTH:
      return g_date_get_day (date) == 1;
    case PATELLA_BUCKET_DAY:
    default:
      return TRUE;
    }
}

GArray *
patella_buckets_new (const char        *first,
                     guint              n_days,
                     PatellaBucketSize  size)
{
  GArray *buckets = g_array_new (FALSE, FALSE, sizeof (PatellaBucket));
  GDate date;

  g_return_val_if_fail (patella_day_parse (first, &date), buckets);

  for (guint i = 0; i < n_days; i++, g_date_add_days (&date, 1))
    {
      if (i == 0 || starts_bucket (&date, size))
        {
          PatellaBucket bucket = { i, 0 };

          g_array_append_val (buckets, bucket);
        }
      g_array_index (buckets, PatellaBucket, buckets->len - 1).n_days++;
    }
  return buckets;
}

void
patella_bucket_stat (const double        *values,
                     const PatellaBucket *bucket,
                     PatellaBucketStat   *out)
{
  double sum = 0;

  *out = (PatellaBucketStat) { NAN, NAN, NAN, 0 };
  for (guint i = bucket->first; i < bucket->first + bucket->n_days; i++)
    {
      if (isnan (values[i]))
        continue;
      sum += values[i];
      out->min = out->n == 0 ? values[i] : MIN (out->min, values[i]);
      out->max = out->n == 0 ? values[i] : MAX (out->max, values[i]);
      out->n++;
    }
  if (out->n > 0)
    out->mean = sum / out->n;
}

double
patella_bucket_sum (const double        *values,
                    const PatellaBucket *bucket)
{
  double sum = 0;

  for (guint i = bucket->first; i < bucket->first + bucket->n_days; i++)
    if (!isnan (values[i]))
      sum += values[i];
  return sum;
}

guint
patella_bucket_count_levels (const guint8        *levels,
                             const PatellaBucket *bucket,
                             guint8              *highest)
{
  guint count = 0;
  guint8 top = 0;

  for (guint i = bucket->first; i < bucket->first + bucket->n_days; i++)
    if (levels[i] > 0)
      {
        count++;
        top = MAX (top, levels[i]);
      }
  if (highest != NULL)
    *highest = top;
  return count;
}

guint
patella_buckets_find (GArray *buckets,
                      guint   index)
{
  guint lo = 0, hi = buckets->len;

  g_return_val_if_fail (buckets->len > 0, 0);

  /* The last bucket whose first day is at or before @index. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (buckets, PatellaBucket, mid).first <= index)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

char *
patella_bucket_describe (const char          *first,
                         const PatellaBucket *bucket,
                         PatellaBucketSize    size)
{
  g_autoptr(GDateTime) datetime = NULL;
  GDate date;

  g_return_val_if_fail (patella_day_parse (first, &date), NULL);

  g_date_add_days (&date, bucket->first);
  /* The week is named after its Monday, even before the range began. */
  if (size == PATELLA_BUCKET_WEEK)
    g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);

  switch (size)
    {
    case PATELLA_BUCKET_WEEK:
      /* Translators: a week in a chart, named after its Monday; see
         g_date_time_format() (%-d is the day without padding) */
      return g_date_time_format (datetime, _("Week of %-d %B %Y"));
    case PATELLA_BUCKET_MONTH:
      /* Translators: a month in a chart; see g_date_time_format() */
      return g_date_time_format (datetime, _("%B %Y"));
    case PATELLA_BUCKET_DAY:
    default:
      /* Translators: a day in a chart; see g_date_time_format() (%-d is the
         day without padding) */
      return g_date_time_format (datetime, _("%a %-d %B %Y"));
    }
}
