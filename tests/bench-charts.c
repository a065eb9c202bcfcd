/* bench-charts.c: drawing ten years costs what drawing four weeks does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws each Progress chart, offscreen into a 1000 × 300 image, for four
 * weeks and for ten years of daily data, and prints the median time per
 * frame of 25 and the ratio. Target: under 4 ms a frame for ten years.
 *
 *   meson test -C build --benchmark charts --verbose
 */
#include "config.h"

#include <stdlib.h>

#include "core/patella-progress.h"
#include "render/patella-chart-render.h"

#define FRAMES 25
#define WIDTH 1000
#define HEIGHT 300

static PatellaProgress *
make_progress (guint n_days)
{
  guint total = n_days + PATELLA_WARNINGS_LOOKBACK_DAYS;
  g_autoptr(PatellaSeries) series = patella_series_new ("2016-01-04", total);
  g_autofree PatellaDayMark *marks = g_new0 (PatellaDayMark, n_days);
  GRand *rand = g_rand_new_with_seed (1);

  for (guint i = 0; i < total; i++)
    {
      PatellaDayStats *d = &series->days[i];
      int morning = g_rand_int_range (rand, 0, 6);

      d->morning = morning;
      d->after = g_rand_int_range (rand, 0, 7);
      d->max_score = MAX (morning, d->after);
      d->score_sum = morning + d->after;
      d->n_scores = 2;
      if (i % 7 == 0 || i % 7 == 2 || i % 7 == 4 || i % 7 == 5)
        {
          d->n_runs = 1;
          d->distance = d->longest = g_rand_double_range (rand, 4, 14);
          d->load = g_rand_double_range (rand, 100, 400);
          d->during = g_rand_int_range (rand, 0, 7);
          if (series->first_run == G_MININT)
            series->first_run = (int) i;
        }
    }
  for (guint i = 0; i < n_days; i++)
    marks[i] = (PatellaDayMark) { g_rand_double (rand) < 0.7 ? 1.0 : 0.4, TRUE, i % 11 == 0 };
  g_rand_free (rand);

  return patella_progress_new_from_series (series, marks, 0, NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_frame_ms (PatellaChartKind       kind,
                 const PatellaProgress *progress,
                 const PatellaChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double times[FRAMES];

  for (int f = 0; f < FRAMES; f++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      start = g_get_monotonic_time ();
      patella_chart_render (cr, kind, progress, WIDTH, HEIGHT, style);
      cairo_surface_flush (surface);
      times[f] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  qsort (times, FRAMES, sizeof (double), compare_doubles);
  return times[FRAMES / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *names[PATELLA_N_CHARTS] = { "pain", "running load", "routine calendar" };
  g_autoptr(PatellaProgress) weeks = make_progress (28);
  g_autoptr(PatellaProgress) years = make_progress (3653);
  PatellaChartStyle style;

  patella_chart_style_init_default (&style);

  g_print ("chart, %d x %d, median of %d   4 weeks    10 years    ratio   target < 4 ms\n",
           WIDTH, HEIGHT, FRAMES);
  for (guint k = 0; k < PATELLA_N_CHARTS; k++)
    {
      double small = median_frame_ms (k, weeks, &style);
      double large = median_frame_ms (k, years, &style);

      g_print ("%-32s %7.2f ms %8.2f ms %7.2f x   %s\n", names[k], small, large, large / small,
               large < 4.0 ? "pass" : "FAIL");
    }
  /* A benchmark reports; it does not fail a build on a busy machine. */
  return 0;
}
