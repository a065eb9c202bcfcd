/* patella-chart-load.c: the running load chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Distance as bars (weekly, or monthly over years), the acute:chronic
 * ratio as a line over its 0.8-1.3 band, and the days with a warning along
 * the top.
 */
#define G_LOG_DOMAIN "patella-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "render/patella-chart-private.h"

static guint
load_legend_labels (const PatellaProgress *p,
                    double                 width,
                    const char            *labels[PATELLA_CHART_LEGEND_ITEMS])
{
  PatellaBucketSize size = patella_chart_bucket_size (PATELLA_CHART_LOAD, p, width);

  labels[0] = p->unit == PATELLA_UNIT_MILES
                ? (size == PATELLA_BUCKET_MONTH ? _("Monthly miles") : _("Weekly miles"))
                : (size == PATELLA_BUCKET_MONTH ? _("Monthly km") : _("Weekly km"));
  labels[1] = size == PATELLA_BUCKET_DAY ? _("Load ratio") : _("Highest load ratio");
  labels[2] = _("Ratio 0.8–1.3");
  labels[3] = _("Ratio 1.5");
  if (size != PATELLA_BUCKET_DAY)
    {
      /* The bar counts the days with a warning; its colour is the
       * worst of them. */
      labels[4] = _("Days with a warning, one high");
      labels[5] = _("Days with a warning, cautions only");
      return 6;
    }
  labels[4] = _("High warning");
  labels[5] = _("Caution");
  return 6;
}

/* 1, 2 or 5 times a power of ten, at or above @value. */
static double
nice_ceiling (double value)
{
  double power, scaled;

  if (!(value > 0))
    return 1;
  power = pow (10, floor (log10 (value)));
  scaled = value / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

static void
load_draw (cairo_t                 *cr,
           PangoLayout             *layout,
           const PatellaProgress   *p,
           double                   width,
           double                   height,
           const PatellaChartStyle *style)
{
  PatellaBucketSize size = patella_chart_bucket_size (PATELLA_CHART_LOAD, p, width);
  const char *labels[PATELLA_CHART_LEGEND_ITEMS];
  /* The words come from load_legend_labels(), which the layout measures. */
  LegendItem legend[] = {
    { NULL, &style->accent, NULL, 0, 0, MARK_BAR },
    { NULL, &style->foreground, NULL, 0, 2, MARK_NONE },
    /* A description of load, not a goal: neutral, never the success green
     * (Impellizzeri et al. 2020). */
    { NULL, &style->foreground, NULL, 0, 0, MARK_BAND },
    { NULL, &style->warning, dashed, 2, 1.5, MARK_NONE },
    /* Days: a filled triangle for high, an outline for caution; weeks and
     * months: a bar for the days with a warning, in the worst one's colour. */
    { NULL, &style->error, NULL, 0, 0, size == PATELLA_BUCKET_DAY ? MARK_TRIANGLE : MARK_COUNT },
    { NULL, &style->warning, NULL, 0, 0, size == PATELLA_BUCKET_DAY ? MARK_TRIANGLE_OUTLINE : MARK_COUNT },
  };
  guint n_legend = load_legend_labels (p, width, labels);
  Box plot = patella_chart_plot_box (PATELLA_CHART_LOAD, p, width, height, style);
  double unit = p->unit == PATELLA_UNIT_MILES ? PATELLA_KM_PER_MILE : 1.0;
  double max_week = 0, max_ratio = 2.0, dist_top, ratio_top;
  double dx = plot.w / p->n_days;
  g_autoptr(GArray) buckets = NULL;
  g_autofree double *bars = NULL;
  guint n_bars;

  for (guint i = 0; i < n_legend; i++)
    legend[i].label = labels[i];
  patella_chart_draw_legend (cr, layout, PATELLA_CHART_LOAD, p, legend, n_legend, width, style);

  /* Bars by week, or by month when weeks are too narrow. */
  buckets = patella_buckets_new (p->first, p->n_days,
                                 size == PATELLA_BUCKET_MONTH ? PATELLA_BUCKET_MONTH : PATELLA_BUCKET_WEEK);
  n_bars = buckets->len;
  bars = g_new0 (double, MAX (n_bars, 1));
  for (guint k = 0; k < n_bars; k++)
    bars[k] = size == PATELLA_BUCKET_MONTH
                ? patella_bucket_sum (p->distance, &g_array_index (buckets, PatellaBucket, k))
                : p->week_distance[k];

  for (guint w = 0; w < n_bars; w++)
    max_week = MAX (max_week, bars[w] / unit);
  for (guint i = 0; i < p->n_days; i++)
    if (!isnan (p->acwr[i]))
      max_ratio = MAX (max_ratio, p->acwr[i]);
  dist_top = nice_ceiling (max_week);
  ratio_top = ceil (max_ratio * 2) / 2;

  /* Left axis: distance, with a grid line at each label. */
  for (int k = 0; k <= 2; k++)
    {
      double value = dist_top * k / 2;
      double y = round (plot.y + plot.h - value / dist_top * plot.h);
      char label[16];

      patella_chart_set_color (cr, &style->foreground, 0.15);
      cairo_rectangle (cr, plot.x, y, plot.w, 1);
      cairo_fill (cr);
      g_snprintf (label, sizeof label, "%g", value);
      patella_chart_draw_text (cr, layout, label, plot.x - 6, y, 1, 0.5, &style->foreground, 0.7);
    }

  /* The band on the ratio's scale, and the line at 1.5. */
  {
    double top = plot.y + plot.h - 1.3 / ratio_top * plot.h;
    double bottom = plot.y + plot.h - 0.8 / ratio_top * plot.h;
    double y15 = round (plot.y + plot.h - 1.5 / ratio_top * plot.h) + 0.5;

    patella_chart_set_color (cr, &style->foreground, 0.12);
    cairo_rectangle (cr, plot.x, top, plot.w, bottom - top);
    cairo_fill (cr);
    cairo_save (cr);
    patella_chart_set_color (cr, &style->warning, 1);
    cairo_set_line_width (cr, 1.5);
    cairo_set_dash (cr, dashed, 2, 0);
    cairo_move_to (cr, plot.x, y15);
    cairo_line_to (cr, plot.x + plot.w, y15);
    cairo_stroke (cr);
    cairo_restore (cr);
    /* In the locale's decimals, as the tooltips and descriptions are: "0,8" in German. */
    char low[16], high[16], line[16];

    g_snprintf (low, sizeof low, "%.1f", 0.8);
    g_snprintf (high, sizeof high, "%.1f", 1.3);
    g_snprintf (line, sizeof line, "%.1f", 1.5);
    patella_chart_draw_text (cr, layout, low, plot.x + plot.w + 6, bottom, 0, 0.5, &style->foreground, 0.7);
    patella_chart_draw_text (cr, layout, high, plot.x + plot.w + 6, top, 0, 0.5, &style->foreground, 0.7);
    patella_chart_draw_text (cr, layout, line, plot.x + plot.w + 6, y15 - 10, 0, 0.5, &style->warning, 1);
  }

  /* Weekly (monthly) distance as bars spanning their days: bodies, then
   * tops, each one path, however many. The weeks are the ISO weeks that
   * week_distance sums. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint w = 0; w < n_bars; w++)
        {
          const PatellaBucket *b = &g_array_index (buckets, PatellaBucket, w);
          double x0 = plot.x + b->first * dx, x1 = plot.x + (b->first + b->n_days) * dx;
          double value = bars[w] / unit;
          double y = plot.y + plot.h - value / dist_top * plot.h;

          if (value <= 0)
            continue;
          /* Whole pixels: crisp edges, and cairo's fast path for boxes. */
          x0 = round (x0);
          x1 = MAX (round (x1), x0 + 1);
          y = round (y);
          if (x1 - x0 > 4)
            {
              x0 += 1;
              x1 -= 1;
            }
          if (pass == 0)
            cairo_rectangle (cr, x0, y, x1 - x0, round (plot.y + plot.h) - y);
          else
            cairo_rectangle (cr, x0, y, x1 - x0, 2);
        }
      patella_chart_set_color (cr, &style->accent, pass == 0 ? 0.35 : 0.9);
      cairo_fill (cr);
    }

  if (size != PATELLA_BUCKET_DAY)
    {
      /* The bars' buckets when they are the same size. */
      g_autoptr(GArray) periods = size == PATELLA_BUCKET_MONTH ? g_array_ref (buckets)
                                                               : patella_buckets_new (p->first, p->n_days, size);

      /* Each week's (month's) highest ratio, and its days with a warning
       * as a bar at the top, coloured by the worst of them. */
      patella_chart_draw_bucket_series (cr, p->acwr, periods, p->n_days, &plot, 0, ratio_top, &style->foreground, 0.85, 2,
                                        NULL, 0, FALSE, TRUE);
      for (guint8 severity = 1; severity <= 2; severity++)
        {
          for (guint k = 0; k < periods->len; k++)
            {
              const PatellaBucket *b = &g_array_index (periods, PatellaBucket, k);
              guint8 worst = 0;
              guint count = patella_bucket_count_levels (p->warning, b, &worst);
              double x0, x1, h;

              if (count == 0 || worst != severity)
                continue;
              x0 = round (plot.x + b->first * dx);
              x1 = MAX (round (plot.x + (b->first + b->n_days) * dx) - 1, x0 + 1);
              h = 3 + 9.0 * MIN (count, 7u) / 7;
              cairo_rectangle (cr, x0, plot.y + 12 - round (h), x1 - x0, round (h));
            }
          patella_chart_set_color (cr, severity == 2 ? &style->error : &style->warning, 0.9);
          cairo_fill (cr);
        }
      patella_chart_draw_dates (cr, layout, p, &plot, width, style);
      return;
    }

  patella_chart_draw_series (cr, p->acwr, p->n_days, &plot, 0, ratio_top, &style->foreground, 0.85, 2, NULL, 0, MARK_NONE, TRUE);

  /* Days with a warning: a filled triangle for high, an outline for
   * caution; one path for each. */
  {
    guint columns = MIN (p->n_days, MAX (1, (guint) (plot.w / 6)));

    for (guint8 severity = 1; severity <= 2; severity++)
      {
        for (guint c = 0; c < columns; c++)
          {
            guint from = (guint) ((guint64) c * p->n_days / columns);
            guint to = (guint) ((guint64) (c + 1) * p->n_days / columns);
            guint8 worst = 0;

            for (guint i = from; i < to; i++)
              worst = MAX (worst, p->warning[i]);
            if (worst == severity)
              patella_chart_draw_marker (cr, MARK_TRIANGLE, plot.x + (from + to) / 2.0 * dx, plot.y + 6, MARKER + 0.5);
          }
        if (severity == 2)
          {
            patella_chart_set_color (cr, &style->error, 1);
            cairo_fill (cr);
          }
        else
          {
            patella_chart_set_color (cr, &style->warning, 1);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
      }
  }

  patella_chart_draw_dates (cr, layout, p, &plot, width, style);
}

static char *
load_describe_day (const PatellaProgress *p,
                   guint                  index,
                   const char            *day)
{
  g_autofree char *distance = isnan (p->distance[index]) ? g_strdup (_("no run"))
                              : patella_format_distance (p->distance[index], p->unit);
  g_autofree char *ratio = isnan (p->acwr[index]) ? g_strdup (_("not yet defined"))
                           : g_strdup_printf ("%.2f", p->acwr[index]);

  if (p->warning[index] == 2)
    /* Translators: a day, its distance ("5.0 km" or "no run"), the load ratio
       ("1.32" or "not yet defined") */
    return g_strdup_printf (_("%s: %s; load ratio %s; a high warning"), day, distance, ratio);
  if (p->warning[index] == 1)
    /* Translators: a day, its distance ("5.0 km" or "no run"), the load ratio
       ("1.32" or "not yet defined") */
    return g_strdup_printf (_("%s: %s; load ratio %s; a caution"), day, distance, ratio);
  /* Translators: a day, its distance ("5.0 km" or "no run"), the load ratio
     ("1.32" or "not yet defined") */
  return g_strdup_printf (_("%s: %s; load ratio %s"), day, distance, ratio);
}

/* A week or a month in words: its distance, highest ratio and warned days. */
static char *
load_describe_bucket (const PatellaProgress *p,
                      const PatellaBucket   *bucket,
                      PatellaBucketSize      size)
{
  g_autofree char *name = patella_bucket_describe (p->first, bucket, size);
  PatellaBucketStat ratio;
  guint8 worst = 0;
  guint warned = patella_bucket_count_levels (p->warning, bucket, &worst);
  g_autofree char *distance = patella_format_distance (patella_bucket_sum (p->distance, bucket), p->unit);
  g_autofree char *ratio_text = NULL;

  patella_bucket_stat (p->acwr, bucket, &ratio);
  ratio_text = ratio.n == 0 ? g_strdup (_("not yet defined")) : g_strdup_printf ("%.2f", ratio.max);
  /* Translators: a week or month, its distance, its highest load ratio
     ("1.32" or "not yet defined"), then a count of days */
  return g_strdup_printf (ngettext ("%s: %s; highest load ratio %s; a warning on %u day",
                                    "%s: %s; highest load ratio %s; warnings on %u days", warned),
                          name, distance, ratio_text, warned);
}

static char *
load_describe (const PatellaProgress *p)
{
  double total = 0, most = 0, last_ratio = NAN;
  guint warned = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *most_text = NULL;

  if (!p->has_runs)
    return g_strdup (_("Running load chart: no runs in this period."));
  for (guint w = 0; w < p->n_weeks; w++)
    {
      total += p->week_distance[w];
      most = MAX (most, p->week_distance[w]);
    }
  for (guint i = 0; i < p->n_days; i++)
    {
      if (!isnan (p->acwr[i]))
        last_ratio = p->acwr[i];
      warned += p->warning[i] > 0;
    }
  total_text = patella_format_distance (total, p->unit);
  most_text = patella_format_distance (most, p->unit);
  if (isnan (last_ratio))
    /* Translators: two distances, such as "42.0 km", then a count of days */
    return g_strdup_printf (ngettext ("Running load chart: %s in all, at most %s in a week; "
                                      "warnings on %u day.",
                                      "Running load chart: %s in all, at most %s in a week; "
                                      "warnings on %u days.", warned),
                            total_text, most_text, warned);
  /* Translators: two distances, such as "42.0 km", the load ratio, then a count of days */
  return g_strdup_printf (ngettext ("Running load chart: %s in all, at most %s in a week; the load ratio "
                                    "is now %.2f; warnings on %u day.",
                                    "Running load chart: %s in all, at most %s in a week; the load ratio "
                                    "is now %.2f; warnings on %u days.", warned),
                          total_text, most_text, last_ratio, warned);
}

const PatellaChartClass patella_chart_load_class = {
  .legend_labels = load_legend_labels,
  .draw = load_draw,
  .describe_day = load_describe_day,
  .describe_bucket = load_describe_bucket,
  .describe = load_describe,
};
