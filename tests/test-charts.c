/* test-charts.c: the Progress page and its charts in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "history-generator.h"
#include "render/patella-chart-render.h"
#include "patella-chart.h"
#include "patella-progress-page.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

/* Two months of a runner's record, ending today. */
static void
make_history (const char *path)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  for (int back = 60; back >= 0; back--)
    {
      g_autofree char *day = patella_day_add (today, -back);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, back % 5, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
      if (back % 2 == 0)
        g_assert_cmpint (patella_store_log_run (store, day, NULL, 40, 6 + back % 3, 4, 2 + back % 3, NULL, &error), >, 0);
      if (back % 3 != 0)
        {
          /* The whole routine, at its targets. */
          const struct { const char *id; int sets; } routine[] = {
            { "foam-roll", 1 }, { "quad-setting", 3 }, { "hamstring-stretch", 1 }, { "squat", 3 }, { "band-walks", 2 },
          };

          for (guint k = 0; k < G_N_ELEMENTS (routine); k++)
            g_assert_cmpint (patella_store_log_exercise (store, day, NULL, routine[k].id, routine[k].sets, 0, NULL, &error), >, 0);
        }
      else if (back % 9 == 0)
        g_assert_true (patella_store_set_rest_day (store, day, PATELLA_REST_DAY_REST, NULL, &error));
    }
  g_assert_no_error (error);
}

static gboolean
progress_loaded (gpointer data)
{
  return patella_progress_page_get_progress (data) != NULL;
}

/* Pixels that are not transparent, and solid green ones (done days). */
static void
count_pixels (cairo_surface_t *surface,
              guint           *drawn,
              guint           *matching)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  *drawn = *matching = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *px = data + y * stride + x * 4;   /* BGRA, premultiplied */
        double a = px[3] / 255.0;

        if (px[3] == 0)
          continue;
        (*drawn)++;
        if (a > 0.9 && px[1] > px[2] + 40 && px[1] > px[0] + 20)
          (*matching)++;
      }
}

static void
charts (PatellaApplication *app,
        PatellaWindow      *window,
        gpointer            data)
{
  PatellaProgressPage *page = patella_window_get_progress_page (window);
  PatellaTodayPage *today_page = patella_window_get_today_page (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *picked = patella_day_add (today, -10);
  PatellaProgress *progress;

  /* Nothing is read until the page is shown. */
  g_assert_null (patella_progress_page_get_progress (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (progress_loaded, page);
  progress = patella_progress_page_get_progress (page);
  g_assert_cmpuint (progress->n_days, ==, 28);
  g_assert_true (progress->has_pain && progress->has_runs && progress->has_routine);

  /* Every chart draws, offscreen, what the screen would show. */
  for (guint k = 0; k < PATELLA_N_CHARTS; k++)
    {
      PatellaChart *chart = PATELLA_CHART (patella_progress_page_get_chart (page, k));
      cairo_surface_t *image = patella_chart_render_to_image (chart, 800, 300);
      guint drawn, green;

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart)));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      count_pixels (image, &drawn, &green);
      g_test_message ("chart %u: %u pixels drawn, %u green", k, drawn, green);
      if (k == PATELLA_CHART_ADHERENCE)
        {
          /* Four weeks of 20 px cells, two in three days done: solid green. */
          g_assert_cmpuint (drawn, >, 10000);
          g_assert_cmpuint (green, >, 18 * 200);
        }
      else
        /* The bands and bars cover most of the plot. */
        g_assert_cmpuint (drawn, >, 800 * 300 / 4);
      cairo_surface_destroy (image);
    }

  /* The range switch reads the year. */
  patella_progress_page_set_range (page, PATELLA_RANGE_YEAR);
  g_assert_cmpuint (patella_progress_page_get_progress (page)->n_days, ==, 365);

  /* Picking a day on a chart opens it on Today. */
  g_signal_emit_by_name (patella_progress_page_get_chart (page, PATELLA_CHART_PAIN), "day-activated", picked);
  g_assert_cmpstr (patella_day_plan_get_day (patella_today_page_get_plan (today_page)), ==, picked);
  g_assert_cmpstr (patella_window_get_page (window), ==, "today");

  /* The keyboard walks the days and says what is there. */
  {
    PatellaChart *chart = PATELLA_CHART (patella_progress_page_get_chart (page, PATELLA_CHART_LOAD));
    int last = (int) patella_progress_page_get_progress (page)->n_days - 1;

    g_assert_cmpint (patella_chart_get_cursor (chart), ==, last);
    patella_chart_set_cursor (chart, last - 3);
    g_assert_cmpint (patella_chart_get_cursor (chart), ==, last - 3);
  }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  make_history (fixture->path);
  patella_test_run_app (fixture->path, charts, NULL);
}

static gboolean
window_narrow (gpointer data)
{
  GtkWidget *chart = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_widget_get_width (GTK_WIDGET (gtk_widget_get_root (chart))) <= 400 &&
         gtk_widget_get_width (chart) > 0 && gtk_widget_get_width (scroller) < gtk_widget_get_width (chart);
}

/* The test measures with the default font, the window with the theme's:
 * their legends may differ by a row or two. */
#define LEGEND_SLACK 40.0

static gboolean
calendar_fits_rows (gpointer data)
{
  GtkWidget *chart = data;
  PatellaChartStyle style;
  PatellaProgress *progress = patella_progress_page_get_progress (PATELLA_PROGRESS_PAGE (gtk_widget_get_ancestor (chart, PATELLA_TYPE_PROGRESS_PAGE)));
  double rows;

  patella_chart_style_init_default (&style);
  rows = patella_chart_natural_height (PATELLA_CHART_ADHERENCE, progress, gtk_widget_get_width (chart), &style);
  return rows > 0 && fabs (gtk_widget_get_height (chart) - rows) <= LEGEND_SLACK;
}

/* A year's calendar in a phone-wide window keeps cells one can read and
 * scrolls sideways; the keyboard cursor brings its day into view. */
static void
narrow_calendar (PatellaApplication *app,
                 PatellaWindow      *window,
                 gpointer            data)
{
  PatellaProgressPage *page = patella_window_get_progress_page (window);
  GtkWidget *chart = patella_progress_page_get_chart (page, PATELLA_CHART_ADHERENCE);
  GtkAdjustment *adjustment;
  PatellaProgress *progress;
  PatellaChartStyle style;
  g_autofree char *day = NULL;
  int min_width;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (progress_loaded, page);
  patella_progress_page_set_range (page, PATELLA_RANGE_YEAR);
  progress = patella_progress_page_get_progress (page);
  g_assert_true (progress->has_routine);
  patella_test_wait_for (window_narrow, chart);

  /* 53 weeks of 10 px cells, wider than the window: the day grid, not a strip. */
  min_width = patella_chart_min_width (PATELLA_CHART_ADHERENCE, progress);
  g_assert_cmpint (min_width, >=, 53 * 10);
  g_assert_cmpint (gtk_widget_get_width (chart), >=, min_width);
  patella_chart_style_init_default (&style);
  day = patella_chart_describe_at (PATELLA_CHART_ADHERENCE, progress, min_width, 280, &style, 100);
  g_assert_false (g_str_has_prefix (day, "Week of"));

  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  patella_chart_set_cursor (PATELLA_CHART (chart), 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  patella_chart_set_cursor (PATELLA_CHART (chart), (int) progress->n_days - 1);
  {
    graphene_rect_t rect;
    double value = gtk_adjustment_get_value (adjustment);

    /* Scrolled to the right, the last day whole in view. */
    g_assert_cmpfloat (value, >, 0);
    patella_chart_day_rect (PATELLA_CHART_ADHERENCE, progress, gtk_widget_get_width (chart),
                            gtk_widget_get_height (chart), &style, progress->n_days - 1, &rect);
    g_assert_cmpfloat (rect.origin.x, >=, value);
    g_assert_cmpfloat (rect.origin.x + rect.size.width, <=, value + gtk_adjustment_get_page_size (adjustment));
  }

  /* As tall as its seven rows of 10 px cells, not a fixed card with
   * empty room below them. */
  patella_test_wait_for (calendar_fits_rows, chart);
  g_assert_cmpint (gtk_widget_get_height (chart), <, 200);

  /* The other charts never scroll: they draw weeks or months instead. */
  g_assert_cmpint (patella_chart_min_width (PATELLA_CHART_PAIN, progress), ==, 0);
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_narrow_calendar (Fixture       *fixture,
                      gconstpointer  data)
{
  make_history (fixture->path);
  patella_test_run_app (fixture->path, narrow_calendar, NULL);
}

/* An empty record: the page says what to log. */
static void
empty (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  PatellaProgressPage *page = patella_window_get_progress_page (window);
  PatellaProgress *progress;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (progress_loaded, page);
  progress = patella_progress_page_get_progress (page);
  g_assert_false (progress->has_pain || progress->has_runs || progress->has_routine);
  for (guint k = 0; k < PATELLA_N_CHARTS; k++)
    g_assert_false (gtk_widget_get_visible (patella_progress_page_get_chart (page, k)));
  g_assert_true (patella_progress_page_is_empty (page));

  patella_test_close_window (GTK_WINDOW (window));
}

/* A record that stopped months ago: the ranges stay, and a longer one
 * charts the old entries. */
static void
old_record (PatellaApplication *app,
            PatellaWindow      *window,
            gpointer            data)
{
  PatellaProgressPage *page = patella_window_get_progress_page (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *long_ago = patella_day_add (today, -200);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (patella_store_log_pain (patella_window_get_store (window), long_ago, NULL, 4,
                                           PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (progress_loaded, page);
  g_assert_false (patella_progress_page_get_progress (page)->has_pain);
  g_assert_false (patella_progress_page_is_empty (page));

  patella_progress_page_set_range (page, PATELLA_RANGE_ALL);
  g_assert_true (patella_progress_page_get_progress (page)->has_pain);
  g_assert_true (gtk_widget_get_visible (patella_progress_page_get_chart (page, PATELLA_CHART_PAIN)));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_old_record (Fixture       *fixture,
                 gconstpointer  data)
{
  patella_test_run_app (fixture->path, old_record, NULL);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  patella_test_run_app (fixture->path, empty, NULL);
}

static gboolean
table_gone (gpointer data)
{
  return patella_test_find_titled ("Progress as a Table") == NULL;
}

static gboolean
is_selected_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selection_bounds (GTK_LABEL (widget), NULL, NULL);
}

/* The shortcut of @table that @accelerator triggers, or NULL. */
static GtkShortcut *
find_shortcut (GtkWidget  *table,
               guint       keyval,
               GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (table);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *wanted = gtk_accelerator_name (keyval, modifiers);

          if (strstr (trigger, wanted) != NULL)
            return shortcut;
        }
    }
  return NULL;
}

/* The table opens with nothing selected and closes with Escape or Ctrl+W. */
static void
table (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  PatellaProgressPage *page = patella_window_get_progress_page (window);
  const guint keys[][2] = { { GDK_KEY_Escape, 0 }, { GDK_KEY_w, GDK_CONTROL_MASK } };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (progress_loaded, page);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      GtkWindow *table;
      GtkShortcut *shortcut;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "progress.show-table", NULL));
      table = patella_test_wait_for_titled ("Progress as a Table");
      g_assert_null (patella_test_find_widget (GTK_WIDGET (table), is_selected_label, NULL));

      shortcut = find_shortcut (GTK_WIDGET (table), keys[k][0], keys[k][1]);
      g_assert_nonnull (shortcut);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (table), NULL));
      patella_test_wait_for (table_gone, NULL);
    }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  make_history (fixture->path);
  patella_test_run_app (fixture->path, table, NULL);
}

/* Legend items flow as wholes: at any width, none runs into the next or
 * past the edge (bar a single item wider than the chart), however long
 * its words (a large font stands in for German here). */
static void
test_legend_flow (void)
{
  PatellaProgress progress = { .unit = PATELLA_UNIT_KM };
  PatellaChartStyle style;

  patella_chart_style_init_default (&style);
  style.font = pango_font_description_from_string ("Sans 16");
  for (guint kind = 0; kind < PATELLA_N_CHARTS; kind++)
    for (double width = 200; width <= 1000; width += 40)
      {
        graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
        guint n = patella_chart_legend_place (kind, &progress, width, &style, slots);
        guint rows = 1;

        g_assert_cmpuint (n, >=, 4);
        for (guint i = 0; i < n; i++)
          {
            gboolean alone = i == 0 || slots[i].origin.y != slots[i - 1].origin.y;

            g_assert_cmpfloat (slots[i].size.width, >, 24);
            if (!alone)
              g_assert_cmpfloat (slots[i].origin.x, >=, slots[i - 1].origin.x + slots[i - 1].size.width);
            else if (i > 0)
              rows++;
            if (!alone || (i + 1 < n && slots[i + 1].origin.y == slots[i].origin.y))
              g_assert_cmpfloat (slots[i].origin.x + slots[i].size.width, <=, width);
          }
        if (width <= 300)
          g_assert_cmpuint (rows, >, 1);
      }
  pango_font_description_free (style.font);
}

/* A chart scrolled sideways lays its legend out in the part in view: at
 * every scroll position each item lies whole inside it, and the rows the
 * legend needs are those of the view's width, not the chart's. */
static void
test_legend_in_view (void)
{
  PatellaProgress progress = { .unit = PATELLA_UNIT_KM };
  PatellaChartStyle style;
  const double chart = 900, view = 330;

  patella_chart_style_init_default (&style);
  for (guint kind = 0; kind < PATELLA_N_CHARTS; kind++)
    {
      graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
      guint n = patella_chart_legend_place (kind, &progress, chart, &style, slots);
      double whole_rows = slots[n - 1].origin.y;

      style.legend_width = view;
      for (style.legend_x = 0; style.legend_x <= chart - view; style.legend_x += 190)
        {
          n = patella_chart_legend_place (kind, &progress, chart, &style, slots);
          g_assert_cmpuint (n, >=, 4);
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpfloat (slots[i].origin.x, >=, style.legend_x);
              g_assert_cmpfloat (slots[i].origin.x + slots[i].size.width, <=, style.legend_x + view);
            }
          g_assert_cmpfloat (slots[n - 1].origin.y, >, whole_rows);
        }
      style.legend_x = style.legend_width = 0;
    }
}

/* Ten years at 1000 px: the pain and load charts by month, the calendar a
 * row per year, and hover in words per month and week; a year at 360 px by
 * week; four weeks by day, as before. */
static void
test_long_range (Fixture       *fixture,
                 gconstpointer  data)
{
  const PatellaHistoryOptions options = { .years = 10, .seed = 2, .end = "2026-11-30" };
  g_autoptr(GString) csv = patella_history_generate (&options, NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaProgress) all = NULL;
  g_autoptr(PatellaProgress) year = NULL;
  g_autoptr(PatellaProgress) month = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  PatellaChartStyle style;
  graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
  g_autofree char *pain = NULL, *load = NULL, *calendar = NULL, *week = NULL, *day = NULL;

  patella_chart_style_init_default (&style);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_csv_import (store, csv->str, csv->len, &summary, &error));
  all = patella_progress_load_span (store, "2016-12-01", "2026-11-30", NULL, PATELLA_UNIT_KM, &error);
  year = patella_progress_load_span (store, "2025-12-01", "2026-11-30", NULL, PATELLA_UNIT_KM, &error);
  month = patella_progress_load_span (store, "2026-11-03", "2026-11-30", NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);

  /* Everything draws, at both widths. */
  for (guint kind = 0; kind < PATELLA_N_CHARTS; kind++)
    for (int width = 360; width <= 1000; width += 640)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, 300);
        cairo_t *cr = cairo_create (surface);

        patella_chart_render (cr, kind, all, width, 300, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Index 3000 is 17 February 2025. */
  pain = patella_chart_describe_at (PATELLA_CHART_PAIN, all, 1000, 300, &style, 3000);
  g_assert_true (g_str_has_prefix (pain, "February 2025: morning "));
  g_assert_nonnull (strstr (pain, "–"));
  load = patella_chart_describe_at (PATELLA_CHART_LOAD, all, 1000, 300, &style, 3000);
  g_assert_nonnull (strstr (load, "highest load ratio"));
  calendar = patella_chart_describe_at (PATELLA_CHART_ADHERENCE, all, 1000, 300, &style, 3000);
  g_assert_true (g_str_has_prefix (calendar, "Week of "));
  g_assert_nonnull (strstr (calendar, "routine done on "));
  /* The legends say what is drawn: the means and their range, monthly
   * distance, days with a warning in the colour of the worst (high or
   * caution), the calendar's weeks. */
  g_assert_cmpuint (patella_chart_legend_place (PATELLA_CHART_PAIN, all, 1000, &style, slots), ==, 5);
  g_assert_cmpuint (patella_chart_legend_place (PATELLA_CHART_LOAD, all, 1000, &style, slots), ==, 6);
  g_assert_cmpuint (patella_chart_legend_place (PATELLA_CHART_ADHERENCE, all, 1000, &style, slots), ==, 2);

  /* Dates under the charts: apart, and the year on the first label and
   * on the first of each new year, at any width. */
  {
    g_autoptr(PatellaProgress) two = patella_progress_load_span (store, "2024-12-02", "2026-11-30", NULL,
                                                                 PATELLA_UNIT_KM, &error);
    PatellaProgress *spans[] = { month, year, two, all };

    g_assert_no_error (error);
    for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
      for (guint kind = PATELLA_CHART_PAIN; kind <= PATELLA_CHART_LOAD; kind++)
        for (int width = 300; width <= 1200; width += 100)
          {
            g_autoptr(GArray) ticks = patella_chart_date_ticks (kind, spans[s], width, 300, &style);
            int last_year = 0;

            g_assert_cmpuint (ticks->len, >=, 2);
            for (guint k = 0; k < ticks->len; k++)
              {
                const PatellaChartTick *tick = &g_array_index (ticks, PatellaChartTick, k);
                g_autofree char *first_day = patella_progress_day (spans[s], tick->index);
                int tick_year = atoi (first_day);
                char digits[8];

                g_snprintf (digits, sizeof digits, "%d", tick_year);
                if (k > 0)
                  {
                    const PatellaChartTick *before = &g_array_index (ticks, PatellaChartTick, k - 1);

                    g_assert_cmpfloat (before->x + before->width / 2 + 8, <=, tick->x - tick->width / 2);
                  }
                /* Four weeks name days; longer ranges their years. */
                if (spans[s] != month && tick_year != last_year)
                  g_assert_nonnull (strstr (tick->text, digits));
                last_year = tick_year;
              }
          }
    {
      /* Two years at 500 px: a label every three months, each January with its year. */
      g_autoptr(GArray) ticks = patella_chart_date_ticks (PATELLA_CHART_PAIN, two, 500, 300, &style);
      GString *texts = g_string_new (NULL);
      g_autofree char *joined = NULL;

      for (guint k = 0; k < ticks->len; k++)
        g_string_append_printf (texts, "%s%s", k ? ", " : "", g_array_index (ticks, PatellaChartTick, k).text);
      joined = g_string_free (texts, FALSE);
      g_test_message ("two years at 500 px: %s", joined);
      g_assert_nonnull (strstr (joined, "Jan 2025"));
      g_assert_nonnull (strstr (joined, "Jan 2026"));
    }
  }

  /* The table over ten years: a month to a row, newest first. */
  {
    g_autoptr(GPtrArray) rows = NULL;
    PatellaBucketSize size;

    rows = patella_progress_table (all, &size);
    g_assert_cmpint (size, ==, PATELLA_BUCKET_MONTH);
    g_assert_cmpuint (rows->len, ==, 120);
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "November 2026");
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 119))[0], ==, "December 2016");
    g_ptr_array_unref (g_steal_pointer (&rows));
    rows = patella_progress_table (year, &size);
    g_assert_cmpint (size, ==, PATELLA_BUCKET_WEEK);
    g_assert_true (g_str_has_prefix (((char **) g_ptr_array_index (rows, 0))[0], "Week of "));
  }

  /* A year at 360 px: weeks. */
  week = patella_chart_describe_at (PATELLA_CHART_PAIN, year, 360, 300, &style, 100);
  g_assert_true (g_str_has_prefix (week, "Week of "));

  /* Four weeks: days, with points, a caution and a high warning told apart. */
  day = patella_chart_describe_at (PATELLA_CHART_PAIN, month, 1000, 300, &style, 10);
  {
    g_autofree char *same = patella_chart_describe_day (PATELLA_CHART_PAIN, month, 10);

    g_assert_cmpstr (day, ==, same);
  }
  g_assert_cmpuint (patella_chart_legend_place (PATELLA_CHART_PAIN, month, 1000, &style, slots), ==, 5);
  g_assert_cmpuint (patella_chart_legend_place (PATELLA_CHART_LOAD, month, 1000, &style, slots), ==, 6);
  g_assert_cmpuint (patella_chart_legend_place (PATELLA_CHART_ADHERENCE, month, 1000, &style, slots), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/charts/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("draw-and-pick", test_charts);
  ADD ("empty", test_empty);
  ADD ("old-record", test_old_record);
  ADD ("table", test_table);
  ADD ("long-range", test_long_range);
  ADD ("narrow-calendar", test_narrow_calendar);
  g_test_add_func ("/charts/legend-flow", test_legend_flow);
  g_test_add_func ("/charts/legend-in-view", test_legend_in_view);
#undef ADD

  return g_test_run ();
}
