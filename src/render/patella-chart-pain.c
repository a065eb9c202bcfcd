/* patella-chart-pain.c: the pain chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Morning, during and after activity, each a line with its own dash and
 * marker over the pain-monitoring zones; over weeks or months each
 * series' mean with a band from its lowest to its highest score.
 */
#define G_LOG_DOMAIN "patella-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "render/patella-chart-private.h"

static guint
pain_legend_labels (const PatellaProgress *p,
                    double                 width,
                    const char            *labels[PATELLA_CHART_LEGEND_ITEMS])
{
  PatellaBucketSize size = patella_chart_bucket_size (PATELLA_CHART_PAIN, p, width);

  labels[0] = _("Morning");
  labels[1] = _("During activity");
  labels[2] = _("After activity");
  /* Over a long range the lines are each week's (month's) mean, with
   * a band from its lowest score to its highest. */
  labels[3] = size == PATELLA_BUCKET_WEEK ? _("Weekly mean, lowest to highest")
            : size == PATELLA_BUCKET_MONTH ? _("Monthly mean, lowest to highest")
            : _("7-day average");
  /* The shaded zones behind the lines (Silbernagel's pain-monitoring model). */
  labels[4] = _("Zones: safe, acceptable, too much");
  return 5;
}

static void
pain_draw (cairo_t                 *cr,
           PangoLayout             *layout,
           const PatellaProgress   *p,
           double                   width,
           double                   height,
           const PatellaChartStyle *style)
{
  PatellaBucketSize size = patella_chart_bucket_size (PATELLA_CHART_PAIN, p, width);
  const char *labels[PATELLA_CHART_LEGEND_ITEMS];
  /* The words come from pain_legend_labels(), which the layout measures. */
  LegendItem day_legend[] = {
    { NULL, &style->morning, NULL, 0, 2, MARK_CIRCLE },
    { NULL, &style->during, dashed, 2, 2, MARK_SQUARE },
    { NULL, &style->after, dotted, 2, 2, MARK_TRIANGLE },
    { NULL, &style->foreground, NULL, 0, 4, MARK_NONE },
    { NULL, NULL, NULL, 0, 0, MARK_ZONES },
  };
  /* No points over weeks or months: lines of the means, and the band. */
  LegendItem bucket_legend[] = {
    { NULL, &style->morning, NULL, 0, 2, MARK_NONE },
    { NULL, &style->during, dashed, 2, 2, MARK_NONE },
    { NULL, &style->after, dotted, 2, 2, MARK_NONE },
    { NULL, &style->foreground, NULL, 0, 0, MARK_BAND },
    { NULL, NULL, NULL, 0, 0, MARK_ZONES },
  };
  Box plot = patella_chart_plot_box (PATELLA_CHART_PAIN, p, width, height, style);
  const struct { double from, to; const PatellaChartColor *color; } bands[] = {
    { 0, 3, &style->success }, { 3, 5, &style->warning }, { 5, 10, &style->error },
  };
  const int ticks[] = { 0, 3, 5, 10 };

  pain_legend_labels (p, width, labels);
  for (guint i = 0; i < G_N_ELEMENTS (day_legend); i++)
    day_legend[i].label = bucket_legend[i].label = labels[i];
  if (size == PATELLA_BUCKET_DAY)
    patella_chart_draw_legend (cr, layout, PATELLA_CHART_PAIN, p, day_legend, G_N_ELEMENTS (day_legend), width, style);
  else
    patella_chart_draw_legend (cr, layout, PATELLA_CHART_PAIN, p, bucket_legend, G_N_ELEMENTS (bucket_legend), width, style);

  /* The pain-monitoring model's bands: safe, acceptable, too much. */
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      double top = plot.y + plot.h - bands[i].to / 10 * plot.h;
      double bottom = plot.y + plot.h - bands[i].from / 10 * plot.h;

      patella_chart_set_color (cr, bands[i].color, 0.12);
      cairo_rectangle (cr, plot.x, top, plot.w, bottom - top);
      cairo_fill (cr);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      char label[8];
      double y = round (plot.y + plot.h - ticks[i] / 10.0 * plot.h);

      patella_chart_set_color (cr, &style->foreground, 0.15);
      cairo_rectangle (cr, plot.x, y, plot.w, 1);
      cairo_fill (cr);
      g_snprintf (label, sizeof label, "%d", ticks[i]);
      patella_chart_draw_text (cr, layout, label, plot.x - 6, y, 1, 0.5, &style->foreground, 0.7);
    }

  if (size == PATELLA_BUCKET_DAY)
    {
      patella_chart_draw_series (cr, p->trend, p->n_days, &plot, 0, 10, &style->foreground, 0.35, 4, NULL, 0, MARK_NONE, TRUE);
      /* Lines only join logged days that follow each other: a gap stays a gap. */
      patella_chart_draw_series (cr, p->morning, p->n_days, &plot, 0, 10, &style->morning, 1, 2, NULL, 0, MARK_CIRCLE, TRUE);
      patella_chart_draw_series (cr, p->during, p->n_days, &plot, 0, 10, &style->during, 1, 2, dashed, 2, MARK_SQUARE, TRUE);
      patella_chart_draw_series (cr, p->after, p->n_days, &plot, 0, 10, &style->after, 1, 2, dotted, 2, MARK_TRIANGLE, TRUE);
    }
  else
    {
      g_autoptr(GArray) buckets = patella_buckets_new (p->first, p->n_days, size);

      patella_chart_draw_bucket_series (cr, p->morning, buckets, p->n_days, &plot, 0, 10, &style->morning, 1, 2,
                                        NULL, 0, TRUE, FALSE);
      patella_chart_draw_bucket_series (cr, p->during, buckets, p->n_days, &plot, 0, 10, &style->during, 1, 2,
                                        dashed, 2, TRUE, FALSE);
      patella_chart_draw_bucket_series (cr, p->after, buckets, p->n_days, &plot, 0, 10, &style->after, 1, 2,
                                        dotted, 2, TRUE, FALSE);
    }

  patella_chart_draw_dates (cr, layout, p, &plot, width, style);
}

static char *
score_text (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.0f", value);
}

static char *
pain_describe_day (const PatellaProgress *p,
                   guint                  index,
                   const char            *day)
{
  g_autofree char *morning = score_text (p->morning[index]);
  g_autofree char *during = score_text (p->during[index]);
  g_autofree char *after = score_text (p->after[index]);
  g_autofree char *trend = isnan (p->trend[index]) ? g_strdup ("–")
                                                   : g_strdup_printf ("%.1f", p->trend[index]);

  /* Translators: a day, then pain scores out of 10 */
  return g_strdup_printf (_("%s: morning %s, during %s, after %s; 7-day average %s"),
                          day, morning, during, after, trend);
}

/* A week or a month in words: the mean, lowest and highest of each series. */
static char *
pain_describe_bucket (const PatellaProgress *p,
                      const PatellaBucket   *bucket,
                      PatellaBucketSize      size)
{
  g_autofree char *name = patella_bucket_describe (p->first, bucket, size);
  const double *series[] = { p->morning, p->during, p->after };
  char *texts[G_N_ELEMENTS (series)];
  char *text;

  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    {
      PatellaBucketStat stat;

      patella_bucket_stat (series[k], bucket, &stat);
      texts[k] = stat.n == 0 ? g_strdup ("–")
                 /* Translators: a mean pain score and its lowest and highest, e.g. "2.1 (1–4)" */
                 : g_strdup_printf (_("%.1f (%.0f–%.0f)"), stat.mean, stat.min, stat.max);
    }
  /* Translators: a week or month, then its mean pain scores out of 10
     with the lowest and highest of each, e.g. "Week of 3 March 2025:
     morning 2.1 (1–4), during 3.0 (2–5), after –" */
  text = g_strdup_printf (_("%s: morning %s, during %s, after %s"), name, texts[0], texts[1], texts[2]);
  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    g_free (texts[k]);
  return text;
}

static char *
pain_describe (const PatellaProgress *p)
{
  double first = NAN, last = NAN;
  guint high = 0;

  for (guint i = 0; i < p->n_days; i++)
    {
      if (isnan (first) && !isnan (p->trend[i]))
        first = p->trend[i];
      if (!isnan (p->trend[i]))
        last = p->trend[i];
      high += (p->during[i] > 5) || (p->morning[i] > 5) || (p->after[i] > 5);
    }
  if (!p->has_pain)
    return g_strdup (_("Pain chart: no pain scores in this period."));
  {
    g_autofree char *average = NULL;
    g_autofree char *above = NULL;

    average = g_strdup_printf (ngettext ("Pain chart over %u day: the 7-day average went "
                                         "from %.1f to %.1f.",
                                         "Pain chart over %u days: the 7-day average went "
                                         "from %.1f to %.1f.", p->n_days),
                               p->n_days, first, last);
    above = g_strdup_printf (ngettext ("Pain was above 5 on %u day.",
                                       "Pain was above 5 on %u days.", high),
                             high);
    /* Translators: two sentences, "Pain chart over 28 days: …." and "Pain was above 5 on 3 days." */
    return g_strdup_printf (_("%s %s"), average, above);
  }
}

const PatellaChartClass patella_chart_pain_class = {
  .legend_labels = pain_legend_labels,
  .draw = pain_draw,
  .describe_day = pain_describe_day,
  .describe_bucket = pain_describe_bucket,
  .describe = pain_describe,
};
