/* test-legends.c: every chart's legend fits a narrow window, in each language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run once in English and once in German (meson's "legends" and
 * "legends-de"): a translation longer than the chart's width ran off its
 * edge at 360 px ("Bereiche: unbedenklich, akzeptabel, zu viel"). The
 * legend is laid out as Progress draws it, at the width a 360 px window
 * gives a chart, over ranges shown by day, by week and by month.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/patella-csv.h"
#include "history-generator.h"
#include "render/patella-chart-render.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

/* A chart's width in a 360 px window: less the page's margins (12 px
 * each side) and the card's padding (12 px each side). */
#define NARROW_CHART 312

static void
test_legends_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  const PatellaHistoryOptions options = { .years = 3, .seed = 4, .end = "2026-11-30" };
  g_autoptr(GString) csv = patella_history_generate (&options, NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  const char *spans[][2] = {
    { "2026-11-03", "2026-11-30" },  /* four weeks, by day */
    { "2025-12-01", "2026-11-30" },  /* a year, by week */
    { "2023-12-01", "2026-11-30" },  /* three years, by month */
  };
  const char *language = g_getenv ("LANGUAGE");
  PatellaChartStyle style;

  /* The German run must be in German, or it proves nothing. */
  if (g_strcmp0 (language, "de") == 0)
    g_assert_cmpstr (_("Morning"), ==, "Morgens");

  patella_chart_style_init_default (&style);
  /* As the chart widget draws on screen: the desktop's font at 85 %. */
  style.font = pango_font_description_from_string ("Cantarell 9.35");
  style.resolution = 96;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_csv_import (store, csv->str, csv->len, &summary, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      g_autoptr(PatellaProgress) progress = NULL;

      progress = patella_progress_load_span (store, spans[s][0], spans[s][1], NULL, PATELLA_UNIT_KM, &error);
      g_assert_no_error (error);
      for (guint kind = 0; kind < PATELLA_N_CHARTS; kind++)
        for (double width = NARROW_CHART; width <= 1000; width += 1000 - NARROW_CHART)
          {
            graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
            guint n = patella_chart_legend_place (kind, progress, width, &style, slots);

            g_assert_cmpuint (n, >, 0);
            for (guint i = 0; i < n; i++)
              {
                double right = slots[i].origin.x + slots[i].size.width;

                if (right > width)
                  g_error ("%s to %s, chart %u at %.0f px: legend item %u ends at %.0f px",
                           spans[s][0], spans[s][1], kind, width, i, right);
              }
          }
    }
  pango_font_description_free (style.font);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PATELLA_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/legends/fit", Fixture, NULL, patella_test_files_set_up, test_legends_fit,
              patella_test_files_tear_down);

  return g_test_run ();
}
