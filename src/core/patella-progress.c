/* patella-progress.c: the series the Progress charts draw, and their numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is prepared once per range, outside any drawing: per-day
 * arrays with NAN for "nothing logged", Monday-to-Sunday week sums, and
 * per-pixel-column decimation, so drawing ten years costs what four weeks do.
 */
#define G_LOG_DOMAIN "patella-progress"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-episodes.h"
#include "patella-progress.h"
#include "patella-routine.h"

#define LOOKBACK PATELLA_WARNINGS_LOOKBACK_DAYS

char *
patella_range_first_day (PatellaRange  range,
                         const char   *today,
                         const char   *first_logged)
{
  switch (range)
    {
    case PATELLA_RANGE_4_WEEKS:
      return patella_day_add (today, -27);
    case PATELLA_RANGE_3_MONTHS:
      return patella_day_add (today, -90);
    case PATELLA_RANGE_YEAR:
      return patella_day_add (today, -364);
    case PATELLA_RANGE_ALL:
    case PATELLA_N_RANGES:
    default:
      /* Never less than four weeks: a chart of two days says nothing. */
      {
        g_autofree char *four_weeks = patella_day_add (today, -27);

        if (first_logged == NULL || g_strcmp0 (first_logged, four_weeks) > 0)
          return g_steal_pointer (&four_weeks);
        return g_strdup (first_logged);
      }
    }
}

void
patella_trailing_mean (const double *sums,
                       const int    *counts,
                       guint         n,
                       guint         window,
                       double       *out)
{
  double sum = 0;
  int count = 0;

  for (guint i = 0; i < n; i++)
    {
      sum += sums[i];
      count += counts[i];
      if (i >= window)
        {
          sum -= sums[i - window];
          count -= counts[i - window];
        }
      out[i] = count > 0 ? sum / count : NAN;
    }
}

/* Sums @daily into Monday-to-Sunday weeks; week 0 holds day 0, whose
 * weekday is @first_weekday (1 Monday .. 7 Sunday). Returns the weeks. */
guint
patella_weekly_sums (const double *daily,
                     guint         n,
                     int           first_weekday,
                     double       *out)
{
  guint offset = (guint) (first_weekday - 1);
  guint n_weeks = (n + offset + 6) / 7;

  for (guint w = 0; w < n_weeks; w++)
    out[w] = 0;
  for (guint i = 0; i < n; i++)
    if (!isnan (daily[i]))
      out[(i + offset) / 7] += daily[i];
  return n_weeks;
}

void
patella_decimate (const double *values,
                  guint         n,
                  guint         n_columns,
                  double       *min,
                  double       *max)
{
  for (guint c = 0; c < n_columns; c++)
    min[c] = max[c] = NAN;

  if (n == 0 || n_columns == 0)
    return;

  /* Column c covers days [c·n/columns, ⌈(c+1)·n/columns⌉): every day is in
   * at least one column (two neighbours may share a day), and with fewer
   * days than columns a day spreads over the columns it covers. */
  for (guint c = 0; c < n_columns; c++)
    {
      guint from = (guint) ((guint64) c * n / n_columns);
      guint to = (guint) (((guint64) (c + 1) * n + n_columns - 1) / n_columns);

      to = MAX (to, from + 1);
      for (guint i = from; i < to && i < n; i++)
        {
          if (isnan (values[i]))
            continue;
          if (isnan (min[c]) || values[i] < min[c])
            min[c] = values[i];
          if (isnan (max[c]) || values[i] > max[c])
            max[c] = values[i];
        }
    }
}

static double *
nan_array (guint n)
{
  double *values = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    values[i] = NAN;
  return values;
}

static void
progress_clear (PatellaProgress *self)
{
  g_free (self->first);
  g_free (self->last);
  g_free (self->morning);
  g_free (self->during);
  g_free (self->after);
  g_free (self->trend);
  g_free (self->distance);
  g_free (self->acwr);
  g_free (self->routine);
  g_free (self->warning);
  g_free (self->week_distance);
}

PatellaProgress *
patella_progress_ref (PatellaProgress *self)
{
  return g_rc_box_acquire (self);
}

void
patella_progress_unref (PatellaProgress *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) progress_clear);
}

/**
 * patella_progress_new_from_series:
 * @series: days from 34 before the range's first day to its last
 * @marks: (nullable): the routine marks of the range's days
 * @routine_start: the first day (index in the range) the routine counts
 *   from: the runner's first entry; days before are PATELLA_ROUTINE_NONE
 *
 * Pure: builds every array of the range from the series and the marks.
 */
PatellaProgress *
patella_progress_new_from_series (const PatellaSeries     *series,
                                  const PatellaDayMark    *marks,
                                  int                      routine_start,
                                  const PatellaThresholds *thresholds)
{
  PatellaProgress *self;
  g_autofree double *sums = NULL;
  g_autofree int *counts = NULL;
  g_autofree double *trend = NULL;
  guint n;
  GDate date;

  g_return_val_if_fail (series != NULL && series->n_days > LOOKBACK, NULL);

  n = series->n_days - LOOKBACK;
  self = g_rc_box_new0 (PatellaProgress);
  self->first = patella_day_add (series->first, LOOKBACK);
  self->last = patella_day_add (series->first, (int) series->n_days - 1);
  self->n_days = n;
  patella_day_parse (self->first, &date);
  self->first_weekday = g_date_get_weekday (&date);

  self->morning = nan_array (n);
  self->during = nan_array (n);
  self->after = nan_array (n);
  self->distance = nan_array (n);
  self->acwr = nan_array (n);
  self->routine = g_new0 (guint8, MAX (n, 1));
  self->warning = g_new0 (guint8, MAX (n, 1));

  /* The trend looks 6 days back, into the lookback. */
  sums = g_new (double, series->n_days);
  counts = g_new (int, series->n_days);
  trend = g_new (double, series->n_days);
  for (guint i = 0; i < series->n_days; i++)
    {
      sums[i] = series->days[i].score_sum;
      counts[i] = series->days[i].n_scores;
    }
  patella_trailing_mean (sums, counts, series->n_days, 7, trend);
  self->trend = g_memdup2 (trend + LOOKBACK, sizeof (double) * MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const PatellaDayStats *d = &series->days[i + LOOKBACK];
      g_autoptr(GPtrArray) warnings = NULL;

      if (d->morning >= 0)
        self->morning[i] = d->morning;
      if (d->during >= 0)
        self->during[i] = d->during;
      if (d->after >= 0)
        self->after[i] = d->after;
      if (d->n_runs > 0)
        self->distance[i] = d->distance;
      self->acwr[i] = patella_series_acwr (series, i + LOOKBACK);

      self->has_pain |= d->n_scores > 0;
      self->has_runs |= d->n_runs > 0;

      warnings = patella_warnings_for_day (series, i + LOOKBACK, thresholds, PATELLA_UNIT_KM);
      for (guint k = 0; k < warnings->len; k++)
        {
          PatellaWarning *warning = g_ptr_array_index (warnings, k);

          self->warning[i] = MAX (self->warning[i], warning->severity == PATELLA_SEVERITY_HIGH ? 2 : 1);
        }

      if (marks == NULL || (int) i < routine_start)
        self->routine[i] = PATELLA_ROUTINE_NONE;
      else
        {
          if (marks[i].off)
            self->routine[i] = PATELLA_ROUTINE_OFF;
          else if (marks[i].fraction >= 1.0)
            self->routine[i] = PATELLA_ROUTINE_COMPLETE;
          else if (marks[i].fraction > 0 || marks[i].logged)
            self->routine[i] = PATELLA_ROUTINE_PARTIAL;
          else
            self->routine[i] = PATELLA_ROUTINE_MISSED;
          self->has_routine |= marks[i].logged || marks[i].off;
        }
    }

  self->week_distance = g_new0 (double, n / 7 + 2);
  self->n_weeks = patella_weekly_sums (self->distance, n, self->first_weekday, self->week_distance);
  /* Week 0 starts on its Monday, in the lookback: a whole week, not a part. */
  for (int k = 1; k < self->first_weekday; k++)
    self->week_distance[0] += series->days[LOOKBACK - k].distance;

  /* The headlines may look into the lookback: four weeks ago is there. */
  {
    guint end = series->n_days - 1;
    int counted = 0, complete = 0;

    self->headlines.pain_week = trend[end];
    self->headlines.pain_month_ago = trend[end - 28];
    self->headlines.distance_week = self->headlines.distance_last_week = 0;
    for (guint k = 0; k < 7; k++)
      {
        self->headlines.distance_week += series->days[end - k].distance;
        self->headlines.distance_last_week += series->days[end - 7 - k].distance;
      }

    /* Today counts once it is complete, as for the streak. */
    for (guint i = 0; i < n; i++)
      {
        if (self->routine[i] == PATELLA_ROUTINE_OFF || self->routine[i] == PATELLA_ROUTINE_NONE)
          continue;
        if (i == n - 1 && self->routine[i] != PATELLA_ROUTINE_COMPLETE)
          continue;
        counted++;
        complete += self->routine[i] == PATELLA_ROUTINE_COMPLETE;
      }
    self->headlines.adherence = self->has_routine && counted > 0 ? (double) complete / counted : NAN;
  }
  return self;
}

/* The days of [@first, @last], whatever their span. */
PatellaProgress *
patella_progress_load_span (PatellaStore            *store,
                            const char              *first,
                            const char              *last,
                            const PatellaThresholds *thresholds,
                            PatellaDistanceUnit      unit,
                            GError                 **error)
{
  g_autoptr(PatellaSeries) series = NULL;
  g_autofree PatellaDayMark *marks = NULL;
  g_autofree char *start = NULL;
  g_autofree char *first_entry = NULL;
  PatellaProgress *self;
  guint n_marks;
  int routine_start;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_diff (first, last) >= 0, NULL);

  /* Adherence counts from the runner's first set or day off, as on Today. */
  if (!patella_store_get_first_day (store, &first_entry, error))
    return NULL;
  routine_start = first_entry ? MAX (0, patella_day_diff (first, first_entry)) : G_MAXINT;

  start = patella_day_add (first, -LOOKBACK);
  series = patella_store_load_series (store, start, last, error);
  if (series == NULL)
    return NULL;
  marks = patella_routine_load_marks (store, first, last, &n_marks, error);
  if (marks == NULL)
    return NULL;

  self = patella_progress_new_from_series (series, marks, routine_start, thresholds);
  self->unit = unit;
  return self;
}

PatellaProgress *
patella_progress_load (PatellaStore            *store,
                       PatellaRange             range,
                       const char              *today,
                       const PatellaThresholds *thresholds,
                       PatellaDistanceUnit      unit,
                       GError                 **error)
{
  g_autofree char *first_logged = NULL;
  g_autofree char *last_logged = NULL;
  g_autofree char *first = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (!patella_store_get_logged_range (store, &first_logged, &last_logged, error))
    return NULL;

  first = patella_range_first_day (range, today, first_logged);
  return patella_progress_load_span (store, first, today, thresholds, unit, error);
}

char *
patella_progress_day (const PatellaProgress *self,
                      guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  return patella_day_add (self->first, (int) index);
}

void
patella_progress_get_headlines (const PatellaProgress *self,
                                PatellaHeadlines      *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->headlines;
}

/* The longest range shown a week to a row: a year of weeks; beyond, months. */
#define TABLE_MAX_WEEK_DAYS 371

GPtrArray *
patella_progress_table (const PatellaProgress *self,
                        PatellaBucketSize     *size)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const double *series[] = { self->morning, self->during, self->after };
  g_autoptr(GArray) buckets = NULL;
  PatellaBucketSize by;

  g_return_val_if_fail (self != NULL, rows);

  by = self->n_days <= TABLE_MAX_WEEK_DAYS ? PATELLA_BUCKET_WEEK : PATELLA_BUCKET_MONTH;
  if (size != NULL)
    *size = by;
  buckets = patella_buckets_new (self->first, self->n_days, by);
  for (guint k = buckets->len; k-- > 0;)
    {
      const PatellaBucket *b = &g_array_index (buckets, PatellaBucket, k);
      char **cells = g_new0 (char *, PATELLA_PROGRESS_TABLE_COLUMNS + 1);
      PatellaBucketStat ratio;
      guint done = 0, counted = 0;
      /* Weeks as the load chart's bars: a week's whole distance, days
       * before the range included. */
      double distance = by == PATELLA_BUCKET_WEEK && k < self->n_weeks ? self->week_distance[k]
                                                                       : patella_bucket_sum (self->distance, b);

      cells[0] = patella_bucket_describe (self->first, b, by);
      for (guint s = 0; s < G_N_ELEMENTS (series); s++)
        {
          PatellaBucketStat stat;

          patella_bucket_stat (series[s], b, &stat);
          cells[1 + s] = stat.n > 0 ? g_strdup_printf ("%.1f", stat.mean) : g_strdup ("–");
        }
      cells[4] = patella_format_distance (distance, self->unit);
      patella_bucket_stat (self->acwr, b, &ratio);
      cells[5] = ratio.n > 0 ? g_strdup_printf ("%.2f", ratio.max) : g_strdup ("–");
      /* As the headline counts: not days off, not before the first entry,
       * and today only once it is done. */
      for (guint i = b->first; i < b->first + b->n_days; i++)
        if (self->routine[i] != PATELLA_ROUTINE_OFF && self->routine[i] != PATELLA_ROUTINE_NONE &&
            (i + 1 < self->n_days || self->routine[i] == PATELLA_ROUTINE_COMPLETE))
          {
            counted++;
            done += self->routine[i] == PATELLA_ROUTINE_COMPLETE;
          }
      /* Translators: days with the routine done, of the days that count */
      cells[6] = g_strdup_printf (_("%d of %d"), (int) done, (int) counted);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}
