/* patella-chart-render.c: the Progress charts, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three charts share one geometry (legend, plot, axes) and one rule for
 * long histories: when days outnumber pixels, each pixel column draws the
 * min and max of the days it covers, so ten years cost what four weeks do.
 * Series differ by line style and marker as well as colour; warnings differ
 * by shape (filled for high, outlined for caution). This file holds what
 * they share and the public functions; each chart is a file of its own
 * (patella-chart-pain.c, -load.c, -calendar.c) behind a PatellaChartClass.
 */
#define G_LOG_DOMAIN "patella-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/patella-day.h"
#include "render/patella-chart-private.h"

static const PatellaChartClass *
chart_class (PatellaChartKind kind)
{
  static const PatellaChartClass *const classes[PATELLA_N_CHARTS] = {
    [PATELLA_CHART_PAIN] = &patella_chart_pain_class,
    [PATELLA_CHART_LOAD] = &patella_chart_load_class,
    [PATELLA_CHART_ADHERENCE] = &patella_chart_calendar_class,
  };

  return classes[kind < PATELLA_N_CHARTS ? kind : PATELLA_CHART_ADHERENCE];
}


static PatellaChartColor
rgb (guint32 hex)
{
  return (PatellaChartColor) { (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0, 1 };
}

void
patella_chart_style_init_default (PatellaChartStyle *style)
{
  /* Adwaita's light palette. */
  *style = (PatellaChartStyle) { 0 };
  style->foreground = (PatellaChartColor) { 0, 0, 0, 0.8 };
  style->accent = rgb (0x3584e4);
  style->success = rgb (0x26a269);
  style->warning = rgb (0xcd9309);
  style->error = rgb (0xc01c28);
  style->morning = rgb (0x3584e4);
  style->during = rgb (0xe66100);
  style->after = rgb (0x9141ac);
  style->font = NULL;
  style->resolution = 0;
}

void
patella_chart_set_color (cairo_t       *cr,
                         const PatellaChartColor *color,
                         double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

int
patella_chart_min_width (PatellaChartKind       kind,
                         const PatellaProgress *p)
{
  const PatellaChartClass *klass = chart_class (kind);

  if (p == NULL || p->n_days == 0 || klass->min_width == NULL)
    return 0;
  return klass->min_width (p);
}

double
patella_chart_natural_height (PatellaChartKind         kind,
                              const PatellaProgress   *p,
                              double                   width,
                              const PatellaChartStyle *style)
{
  const PatellaChartClass *klass = chart_class (kind);

  if (p == NULL || p->n_days == 0 || klass->natural_height == NULL)
    return 0;
  return klass->natural_height (p, width, style);
}

PatellaBucketSize
patella_chart_bucket_size (PatellaChartKind       kind,
                   const PatellaProgress *p,
                   double                 width)
{
  double plot_width = width - AXIS_LEFT - (kind == PATELLA_CHART_LOAD ? AXIS_RIGHT : PAD);

  if (kind == PATELLA_CHART_ADHERENCE)
    return PATELLA_BUCKET_DAY;
  return patella_bucket_size_choose (p->n_days, MAX (plot_width, 1));
}

/* The legend's words, in the order drawn; the drawing adds marks and colours. */
static guint
legend_labels (PatellaChartKind       kind,
               const PatellaProgress *p,
               double                 width,
               const char            *labels[PATELLA_CHART_LEGEND_ITEMS])
{
  return chart_class (kind)->legend_labels (p, width, labels);
}

static PangoFontDescription *
style_font (const PatellaChartStyle *style)
{
  return style->font ? pango_font_description_copy (style->font) : pango_font_description_from_string ("Sans 9");
}

/* A layout for measuring text with no cairo context at hand, for the
 * legend's and the dates' places, which the drawing then follows. */
static PangoLayout *
measure_layout (const PatellaChartStyle *style)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = style_font (style);
  PangoLayout *layout;

  if (style->resolution > 0)
    pango_cairo_context_set_resolution (context, style->resolution);
  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* Places the legend's items left to right, each whole (mark and words),
 * starting a new row when the next would not fit: long words in German
 * never run into the next item. The drawing and the hit-testing share it,
 * so its text is measured with a context of its own. */
guint
patella_chart_legend_place (PatellaChartKind         kind,
                            const PatellaProgress   *p,
                            double                   width,
                            const PatellaChartStyle *style,
                            graphene_rect_t          slots[PATELLA_CHART_LEGEND_ITEMS])
{
  const char *labels[PATELLA_CHART_LEGEND_ITEMS];
  guint n = legend_labels (kind, p, width, labels);
  g_autoptr(PangoLayout) layout = measure_layout (style);
  double left = 0, right = width;
  double x;
  guint row = 0;

  if (style->legend_width > 0)
    {
      left = CLAMP (style->legend_x, 0, width);
      right = MIN (width, left + style->legend_width);
    }
  x = left + PAD;
  for (guint i = 0; i < n; i++)
    {
      double item = LEGEND_MARK + text_width (layout, labels[i]);

      if (x > left + PAD && x + item > right - PAD)
        {
          row++;
          x = left + PAD;
        }
      graphene_rect_init (&slots[i], x, row * LEGEND_ROW + 2, item, LEGEND_ROW);
      x += item + LEGEND_GAP;
    }
  return n;
}

double
patella_chart_legend_height (PatellaChartKind         kind,
                             const PatellaProgress   *p,
                             double                   width,
                             const PatellaChartStyle *style)
{
  graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
  guint n = patella_chart_legend_place (kind, p, width, style, slots);

  return n > 0 ? slots[n - 1].origin.y + LEGEND_ROW + 2 : 0;
}

Box
patella_chart_plot_box (PatellaChartKind         kind,
                        const PatellaProgress   *p,
                        double                   width,
                        double                   height,
                        const PatellaChartStyle *style)
{
  Box box;

  box.x = AXIS_LEFT;
  box.y = patella_chart_legend_height (kind, p, width, style) + 8;
  box.w = MAX (1.0, width - AXIS_LEFT - (kind == PATELLA_CHART_LOAD ? AXIS_RIGHT : PAD));
  box.h = MAX (1.0, height - box.y - AXIS_BOTTOM);
  return box;
}

static PangoLayout *
new_layout (cairo_t                 *cr,
            const PatellaChartStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = style_font (style);

  /* The desktop's text scaling, when drawing for the screen. */
  if (style->resolution > 0)
    {
      pango_cairo_context_set_resolution (pango_layout_get_context (layout), style->resolution);
      pango_layout_context_changed (layout);
    }

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text aligned at (@x, @y); returns its width. */
double
patella_chart_draw_text (cairo_t       *cr,
                         PangoLayout   *layout,
                         const char    *text,
                         double         x,
                         double         y,
                         double         xalign,
                         double         yalign,
                         const PatellaChartColor *color,
                         double         alpha)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - w * xalign), round (y - h * yalign));
  patella_chart_set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
  return w;
}

void
patella_chart_draw_marker (cairo_t *cr,
                           Mark     mark,
                           double   x,
                           double   y,
                           double   size)
{
  switch (mark)
    {
    case MARK_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    case MARK_SQUARE:
      cairo_rectangle (cr, x - size, y - size, 2 * size, 2 * size);
      break;
    case MARK_TRIANGLE:
    case MARK_TRIANGLE_OUTLINE:
      cairo_move_to (cr, x, y - size * 1.2);
      cairo_line_to (cr, x + size * 1.1, y + size * 0.8);
      cairo_line_to (cr, x - size * 1.1, y + size * 0.8);
      cairo_close_path (cr);
      break;
    case MARK_NONE:
    case MARK_BAR:
    case MARK_COUNT:
    case MARK_BAND:
    case MARK_ZONES:
    case MARK_CELL_FULL:
    case MARK_CELL_HALF:
    case MARK_CELL_EMPTY:
    case MARK_CELL_OFF:
    default:
      break;
    }
}

void
patella_chart_draw_legend (cairo_t                 *cr,
                           PangoLayout             *layout,
                           PatellaChartKind         kind,
                           const PatellaProgress   *p,
                           const LegendItem        *items,
                           guint                    n_items,
                           double                   width,
                           const PatellaChartStyle *style)
{
  graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
  guint n = patella_chart_legend_place (kind, p, width, style, slots);

  for (guint i = 0; i < n_items && i < n; i++)
    {
      const LegendItem *item = &items[i];
      double x = slots[i].origin.x;
      double y = slots[i].origin.y + LEGEND_ROW / 2;

      cairo_save (cr);
      switch (item->mark)
        {
        case MARK_BAR:
          patella_chart_set_color (cr, item->color, 0.35);
          cairo_rectangle (cr, x + 4, y - 6, 10, 12);
          cairo_fill (cr);
          break;
        case MARK_COUNT:
          patella_chart_set_color (cr, item->color, 0.9);
          cairo_rectangle (cr, x + 4, y - 5, 10, 8);
          cairo_fill (cr);
          break;
        case MARK_BAND:
          patella_chart_set_color (cr, item->color, 0.18);
          cairo_rectangle (cr, x, y - 5, 18, 10);
          cairo_fill (cr);
          break;
        case MARK_ZONES:
          {
            const PatellaChartColor *zones[] = { &style->error, &style->warning, &style->success };

            for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
              {
                patella_chart_set_color (cr, zones[z], 0.2);
                cairo_rectangle (cr, x, y - 6 + z * 4, 18, 4);
                cairo_fill (cr);
              }
          }
          break;
        case MARK_CELL_FULL:
          patella_chart_draw_cell (cr, style, PATELLA_ROUTINE_COMPLETE, x + 3, y - 6, 12);
          break;
        case MARK_CELL_HALF:
          patella_chart_draw_cell (cr, style, PATELLA_ROUTINE_PARTIAL, x + 3, y - 6, 12);
          break;
        case MARK_CELL_EMPTY:
          patella_chart_draw_cell (cr, style, PATELLA_ROUTINE_MISSED, x + 3, y - 6, 12);
          break;
        case MARK_CELL_OFF:
          patella_chart_draw_cell (cr, style, PATELLA_ROUTINE_OFF, x + 3, y - 6, 12);
          break;
        case MARK_TRIANGLE_OUTLINE:
          patella_chart_set_color (cr, item->color, 1);
          cairo_set_line_width (cr, 1.5);
          patella_chart_draw_marker (cr, MARK_TRIANGLE, x + 9, y, MARKER + 0.5);
          cairo_stroke (cr);
          break;
        case MARK_TRIANGLE:
          if (item->line_width == 0)
            {
              patella_chart_set_color (cr, item->color, 1);
              patella_chart_draw_marker (cr, MARK_TRIANGLE, x + 9, y, MARKER + 0.5);
              cairo_fill (cr);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case MARK_NONE:
        case MARK_CIRCLE:
        case MARK_SQUARE:
        default:
          patella_chart_set_color (cr, item->color, 1);
          cairo_set_line_width (cr, item->line_width);
          cairo_set_dash (cr, item->dashes, item->n_dashes, 0);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + 18, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          if (item->mark != MARK_NONE)
            {
              patella_chart_draw_marker (cr, item->mark, x + 9, y, MARKER);
              cairo_fill (cr);
            }
          break;
        }
      cairo_restore (cr);
      patella_chart_draw_text (cr, layout, item->label, x + LEGEND_MARK, y, 0, 0.5, &style->foreground, 0.9);
    }
}

/* Months between labels: the fewest of 1, 2, 3, 4, 6 or 12 that keeps the
 * widest label ("Sep 2026") clear of the next. Each divides the year, so
 * every January is a label and carries its year. */
static guint
month_step (PangoLayout *layout,
            double       day_width)
{
  static const guint steps[] = { 1, 2, 3, 4, 6, 12 };
  int widest = 0;

  for (int m = 1; m <= 12; m++)
    {
      GDate date;
      char text[64];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, (GDateMonth) m, 2026);
      /* Translators: a month under a chart, e.g. "Mar 2025"; see strftime */
      if (g_date_strftime (text, sizeof text, _("%b %Y"), &date) > 0)
        widest = MAX (widest, text_width (layout, text));
    }
  for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
    if (steps[k] * 30.44 * day_width >= widest + 8)
      return steps[k];
  return 12;
}

/* Date labels along the bottom that never overlap: Mondays for short
 * ranges, months for longer ones (the year on the first and on each
 * January), years for the longest. */
static GArray *
date_ticks (PangoLayout           *layout,
            const PatellaProgress *p,
            const Box             *plot,
            double                 width)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (PatellaChartTick));
  GDate date;
  double dx = plot->w / p->n_days;
  double last_right = -G_MAXDOUBLE;
  guint step = p->n_days > 70 && p->n_days <= 800 ? month_step (layout, dx) : 1;

  patella_day_parse (p->first, &date);
  for (guint i = 0; i < p->n_days; i++, g_date_add_days (&date, 1))
    {
      PatellaChartTick tick = { i, 0, 0, { 0 } };
      gboolean is_tick;
      const char *format;

      if (p->n_days <= 70)
        {
          is_tick = g_date_get_weekday (&date) == G_DATE_MONDAY;
          /* Translators: a date under a chart, e.g. "3 Mar"; see strftime */
          format = _("%-d %b");
        }
      else if (p->n_days <= 800)
        {
          is_tick = g_date_get_day (&date) == 1 && (g_date_get_month (&date) - 1) % step == 0;
          /* The year on January and on the first label, so that a range
           * over two years never leaves a month without its year. */
          format = g_date_get_month (&date) == G_DATE_JANUARY || ticks->len == 0
                   ? _("%b %Y")
                   /* Translators: a month under a chart, e.g. "Mar"; see strftime */
                   : _("%b");
        }
      else
        {
          is_tick = g_date_get_day (&date) == 1 && g_date_get_month (&date) == G_DATE_JANUARY;
          format = "%Y";
        }
      if (!is_tick || g_date_strftime (tick.text, sizeof tick.text, format, &date) == 0)
        continue;

      g_strstrip (tick.text);
      tick.x = plot->x + (i + 0.5) * dx;
      tick.width = text_width (layout, tick.text);
      /* Keep labels apart and inside the chart. */
      if (tick.x - tick.width / 2 < last_right + 8 || tick.x - tick.width / 2 < 0 || tick.x + tick.width / 2 > width - 2)
        continue;
      g_array_append_val (ticks, tick);
      last_right = tick.x + tick.width / 2;
    }
  return ticks;
}

GArray *
patella_chart_date_ticks (PatellaChartKind         kind,
                          const PatellaProgress   *p,
                          double                   width,
                          double                   height,
                          const PatellaChartStyle *style)
{
  g_autoptr(PangoLayout) layout = measure_layout (style);
  Box plot = patella_chart_plot_box (kind, p, width, height, style);

  g_return_val_if_fail (p != NULL && kind != PATELLA_CHART_ADHERENCE, NULL);

  if (p->n_days == 0)
    return g_array_new (FALSE, FALSE, sizeof (PatellaChartTick));
  return date_ticks (layout, p, &plot, width);
}

void
patella_chart_draw_dates (cairo_t                 *cr,
                          PangoLayout             *layout,
                          const PatellaProgress   *p,
                          const Box               *plot,
                          double                   width,
                          const PatellaChartStyle *style)
{
  g_autoptr(GArray) ticks = date_ticks (layout, p, plot, width);

  for (guint k = 0; k < ticks->len; k++)
    {
      const PatellaChartTick *tick = &g_array_index (ticks, PatellaChartTick, k);

      patella_chart_set_color (cr, &style->foreground, 0.25);
      cairo_rectangle (cr, round (tick->x), plot->y + plot->h, 1, 4);
      cairo_fill (cr);
      patella_chart_draw_text (cr, layout, tick->text, tick->x, plot->y + plot->h + 5, 0.5, 0, &style->foreground, 0.7);
    }
}

/* A series as a line (and markers when there is room), or, with more days
 * than pixels, as the min to max of each pixel column. */
void
patella_chart_draw_series (cairo_t       *cr,
                           const double  *values,
                           guint          n,
                           const Box     *plot,
                           double         lo,
                           double         hi,
                           const PatellaChartColor *color,
                           double         alpha,
                           double         line_width,
                           const double  *dashes,
                           int            n_dashes,
                           Mark           mark,
                           gboolean       break_at_gaps)
{
  double dx = plot->w / n;
  gboolean sparse = dx >= 4;
  gboolean drawing = FALSE;

#define Y(v) (plot->y + plot->h - ((v) - lo) / (hi - lo) * plot->h)

  cairo_save (cr);
  patella_chart_set_color (cr, color, alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashes, n_dashes, 0);

  if (sparse)
    {
      for (guint i = 0; i < n; i++)
        {
          double x = plot->x + (i + 0.5) * dx;

          if (isnan (values[i]))
            {
              drawing = drawing && !break_at_gaps;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, x, Y (values[i]));
          else
            cairo_move_to (cr, x, Y (values[i]));
          drawing = TRUE;
        }
      cairo_stroke (cr);

      if (mark != MARK_NONE)
        {
          cairo_set_dash (cr, NULL, 0, 0);
          for (guint i = 0; i < n; i++)
            if (!isnan (values[i]))
              patella_chart_draw_marker (cr, mark, plot->x + (i + 0.5) * dx, Y (values[i]), MARKER);
          cairo_fill (cr);
        }
    }
  else
    {
      guint columns = MAX (1, (guint) plot->w);
      g_autofree double *min = g_new (double, columns);
      g_autofree double *max = g_new (double, columns);
      double cw = plot->w / columns;

      patella_decimate (values, n, columns, min, max);

      if (mark == MARK_NONE)
        {
          /* A smooth line (a trend, a ratio) through the column midpoints,
           * drawn as one pixel-wide span per column from the last midpoint to
           * this one: it reads as a line and fills as fast as rectangles. */
          double last_y = NAN;

          for (guint c = 0; c < columns; c++)
            {
              double y, top, bottom;

              if (isnan (min[c]))
                {
                  if (break_at_gaps)
                    last_y = NAN;
                  continue;
                }
              y = Y ((min[c] + max[c]) / 2);
              top = round (MIN (y, isnan (last_y) ? y : last_y) - line_width / 2);
              bottom = round (MAX (y, isnan (last_y) ? y : last_y) + line_width / 2);
              cairo_rectangle (cr, floor (plot->x + c * cw), top, 1, MAX (bottom - top, 1));
              last_y = y;
            }
          cairo_fill (cr);
        }
      else
        {
          /* Day-to-day values: the min to max of groups of columns as
           * pixel-aligned spans, which cairo fills fast. The line style
           * survives as the rhythm of the spans: a solid series fills every
           * column, a dashed one two of each three, a dotted one one of
           * three; every day lands in a group, so none is left out. */
          guint period = n_dashes == 0 ? 1 : 3;
          guint on = n_dashes == 0 ? 1 : dashes[0] > 3 ? 2 : 1;

          for (guint c = 0; c < columns; c += period)
            {
              double lo_value = NAN, hi_value = NAN, top, bottom;

              for (guint k = c; k < c + period && k < columns; k++)
                if (!isnan (min[k]))
                  {
                    lo_value = isnan (lo_value) ? min[k] : MIN (lo_value, min[k]);
                    hi_value = isnan (hi_value) ? max[k] : MAX (hi_value, max[k]);
                  }
              if (isnan (lo_value))
                continue;
              top = floor (Y (hi_value) - 1);
              bottom = ceil (Y (lo_value) + 1);
              for (guint k = c; k < c + on && k < columns; k++)
                cairo_rectangle (cr, floor (plot->x + k * cw), top, 1, bottom - top);
            }
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
#undef Y
}

/* A series at week or month resolution: a light band from each bucket's
 * lowest to highest value (@band), and a line through each bucket's mean,
 * or its highest value with @use_max; an empty bucket breaks the line. */
void
patella_chart_draw_bucket_series (cairo_t       *cr,
                                  const double  *values,
                                  GArray        *buckets,
                                  guint          n_days,
                                  const Box     *plot,
                                  double         lo,
                                  double         hi,
                                  const PatellaChartColor *color,
                                  double         alpha,
                                  double         line_width,
                                  const double  *dashes,
                                  int            n_dashes,
                                  gboolean       band,
                                  gboolean       use_max)
{
  double dx = plot->w / n_days;
  gboolean drawing = FALSE;

#define Y(v) (plot->y + plot->h - ((v) - lo) / (hi - lo) * plot->h)

  cairo_save (cr);
  if (band)
    {
      for (guint k = 0; k < buckets->len; k++)
        {
          const PatellaBucket *b = &g_array_index (buckets, PatellaBucket, k);
          PatellaBucketStat stat;
          double x0, x1, top, bottom;

          patella_bucket_stat (values, b, &stat);
          if (stat.n == 0)
            continue;
          x0 = round (plot->x + b->first * dx);
          x1 = MAX (round (plot->x + (b->first + b->n_days) * dx), x0 + 1);
          top = floor (Y (stat.max));
          bottom = MAX (ceil (Y (stat.min)), top + 1);
          cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
        }
      patella_chart_set_color (cr, color, 0.09);
      cairo_fill (cr);
    }

  for (guint k = 0; k < buckets->len; k++)
    {
      const PatellaBucket *b = &g_array_index (buckets, PatellaBucket, k);
      PatellaBucketStat stat;
      double x, y;

      patella_bucket_stat (values, b, &stat);
      if (stat.n == 0)
        {
          drawing = FALSE;
          continue;
        }
      x = plot->x + (b->first + b->n_days / 2.0) * dx;
      y = Y (use_max ? stat.max : stat.mean);
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  patella_chart_set_color (cr, color, alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
#undef Y
}

void
patella_chart_render (cairo_t                 *cr,
                      PatellaChartKind         kind,
                      const PatellaProgress   *progress,
                      double                   width,
                      double                   height,
                      const PatellaChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (cr != NULL && progress != NULL && style != NULL);

  if (progress->n_days == 0 || width < 40 || height < 40)
    return;

  layout = new_layout (cr, style);
  chart_class (kind)->draw (cr, layout, progress, width, height, style);
}

/* A plot with the days evenly across. */
static int
plot_day_at (PatellaChartKind         kind,
             const PatellaProgress   *progress,
             double                   width,
             double                   height,
             const PatellaChartStyle *style,
             double                   x,
             double                   y)
{
  Box plot = patella_chart_plot_box (kind, progress, width, height, style);
  int index;

  if (x < plot.x || x >= plot.x + plot.w || y < plot.y || y > plot.y + plot.h)
    return -1;
  index = (int) floor ((x - plot.x) / plot.w * progress->n_days);
  return CLAMP (index, 0, (int) progress->n_days - 1);
}

static void
plot_day_rect (PatellaChartKind         kind,
               const PatellaProgress   *progress,
               double                   width,
               double                   height,
               const PatellaChartStyle *style,
               guint                    index,
               graphene_rect_t         *rect)
{
  Box plot = patella_chart_plot_box (kind, progress, width, height, style);
  double dx = plot.w / MAX (progress->n_days, 1);

  graphene_rect_init (rect, plot.x + index * dx, plot.y, MAX (dx, 1), plot.h);
}

int
patella_chart_day_at (PatellaChartKind         kind,
                      const PatellaProgress   *progress,
                      double                   width,
                      double                   height,
                      const PatellaChartStyle *style,
                      double                   x,
                      double                   y)
{
  g_return_val_if_fail (progress != NULL, -1);

  if (progress->n_days == 0)
    return -1;
  if (chart_class (kind)->day_at != NULL)
    return chart_class (kind)->day_at (progress, width, height, style, x, y);
  return plot_day_at (kind, progress, width, height, style, x, y);
}

void
patella_chart_day_rect (PatellaChartKind         kind,
                        const PatellaProgress   *progress,
                        double                   width,
                        double                   height,
                        const PatellaChartStyle *style,
                        guint                    index,
                        graphene_rect_t         *rect)
{
  if (chart_class (kind)->day_rect != NULL)
    chart_class (kind)->day_rect (progress, width, height, style, index, rect);
  else
    plot_day_rect (kind, progress, width, height, style, index, rect);
}

static char *
format_day (const PatellaProgress *p,
            guint                  index)
{
  g_autofree char *day = patella_progress_day (p, index);
  g_autoptr(GDateTime) datetime = NULL;
  GDate date;

  patella_day_parse (day, &date);
  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
  /* Translators: a day in a chart's tooltip; see strftime */
  return g_date_time_format (datetime, _("%a %-d %B %Y"));
}

char *
patella_chart_describe_day (PatellaChartKind       kind,
                            const PatellaProgress *p,
                            guint                  index)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (p != NULL && index < p->n_days, NULL);

  day = format_day (p, index);
  return chart_class (kind)->describe_day (p, index, day);
}

/* Day @index, or at @width the week or month that holds it. */
static char *
describe_in_buckets (PatellaChartKind       kind,
                     const PatellaProgress *p,
                     double                 width,
                     guint                  index)
{
  PatellaBucketSize size = patella_chart_bucket_size (kind, p, width);
  g_autoptr(GArray) buckets = NULL;

  if (size == PATELLA_BUCKET_DAY)
    return patella_chart_describe_day (kind, p, index);

  buckets = patella_buckets_new (p->first, p->n_days, size);
  return chart_class (kind)->describe_bucket (p, &g_array_index (buckets, PatellaBucket, patella_buckets_find (buckets, index)), size);
}

char *
patella_chart_describe_at (PatellaChartKind         kind,
                           const PatellaProgress   *p,
                           double                   width,
                           double                   height,
                           const PatellaChartStyle *style,
                           guint                    index)
{
  g_return_val_if_fail (p != NULL && index < p->n_days, NULL);

  if (chart_class (kind)->describe_at != NULL)
    return chart_class (kind)->describe_at (p, width, index);
  return describe_in_buckets (kind, p, width, index);
}

char *
patella_chart_describe (PatellaChartKind       kind,
                        const PatellaProgress *p)
{
  g_return_val_if_fail (p != NULL, NULL);

  return chart_class (kind)->describe (p);
}
