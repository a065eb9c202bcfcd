/* patella-chart-render.c: the Progress charts, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three charts share one geometry (legend, plot, axes) and one rule for
 * long histories: when days outnumber pixels, each pixel column draws the
 * min and max of the days it covers, so ten years cost what four weeks do.
 * Series differ by line style and marker as well as colour; warnings differ
 * by shape (filled for high, outlined for caution).
 */
#define G_LOG_DOMAIN "patella-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "core/patella-buckets.h"
#include "core/patella-day.h"
#include "render/patella-chart-render.h"

#define AXIS_LEFT     36.0
#define AXIS_RIGHT    40.0
#define AXIS_BOTTOM   22.0
#define PAD            8.0
#define LEGEND_ROW    18.0
#define LEGEND_MARK   24.0   /* the mark and the space before its words */
#define LEGEND_GAP    18.0   /* between one item and the next */
#define MARKER         3.5

typedef struct
{
  double x, y, w, h;
} Box;

typedef enum
{
  MARK_NONE,
  MARK_CIRCLE,
  MARK_SQUARE,
  MARK_TRIANGLE,
  MARK_TRIANGLE_OUTLINE,
  MARK_BAR,
  MARK_COUNT,   /* a count of days with a warning, as solid as drawn */
  MARK_BAND,
  MARK_ZONES,   /* the pain chart's three zones, stacked */
  MARK_CELL_FULL,
  MARK_CELL_HALF,
  MARK_CELL_EMPTY,
  MARK_CELL_OFF,
} Mark;

typedef struct
{
  const char    *label;
  const PatellaChartColor *color;
  const double  *dashes;
  int            n_dashes;
  double         line_width;
  Mark           mark;
} LegendItem;

static const double dashed[] = { 6, 3 };
static const double dotted[] = { 1.5, 2.5 };

static PatellaChartColor
rgb (guint32 hex)
{
  return (PatellaChartColor) { (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0, 1 };
}

void
patella_chart_style_init_default (PatellaChartStyle *style)
{
  /* Adwaita's light palette. */
  /* Adwaita's light palette. */
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

static void
set_color (cairo_t       *cr,
           const PatellaChartColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Over a long range the calendar is a row per year: 54 columns of weeks
 * (Monday to Sunday, the first and last of a year partial), each shaded by
 * the share of its counted days on which the routine was done. */
#define YEAR_COLUMNS 54
#define YEAR_GRID_MIN_CELL 6.0

/* By width alone, so that the legend (measured without the height) knows. */
static gboolean
uses_year_grid (const PatellaProgress *p,
                double                 width)
{
  guint n_weeks = (p->n_days + (guint) MAX (p->first_weekday - 1, 0) + 6) / 7;

  return p->n_days > 0 && (width - AXIS_LEFT - PAD) / MAX (n_weeks, 1) < YEAR_GRID_MIN_CELL;
}

/* The narrowest the calendar stays readable: a year or less as a day grid
 * of cells this wide, longer ranges as the year rows. Narrower than that
 * it scrolls sideways rather than shrink to a strip. */
#define DAY_GRID_MIN_CELL 10.0
#define YEAR_GRID_READABLE_CELL 8.0

int
patella_chart_min_width (PatellaChartKind       kind,
                         const PatellaProgress *p)
{
  guint n_weeks;

  if (kind != PATELLA_CHART_ADHERENCE || p == NULL || p->n_days == 0)
    return 0;
  n_weeks = (p->n_days + (guint) MAX (p->first_weekday - 1, 0) + 6) / 7;
  if (n_weeks <= YEAR_COLUMNS)
    return (int) ceil (AXIS_LEFT + n_weeks * DAY_GRID_MIN_CELL + PAD);
  return (int) ceil (AXIS_LEFT + 14 + YEAR_COLUMNS * YEAR_GRID_READABLE_CELL + PAD);
}

/* The resolution of the pain and load charts at @width: days while a day
 * gets a few pixels, then weeks, then months (core/patella-buckets.c). */
static PatellaBucketSize
chart_bucket_size (PatellaChartKind       kind,
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
  PatellaBucketSize size = chart_bucket_size (kind, p, width);

  switch (kind)
    {
    case PATELLA_CHART_PAIN:
      labels[0] = _("Morning");
      labels[1] = _("During activity");
      labels[2] = _("After activity");
      /* Over a long range the lines are each week's (month's) mean, with
       * a band from its lowest score to its highest. */
      labels[3] = size == PATELLA_BUCKET_WEEK ? _("Weekly mean, lowest to highest")
                : size == PATELLA_BUCKET_MONTH ? _("Monthly mean, lowest to highest")
                : _("7-day average");
      /* The shaded zones behind the lines (Silbernagel's pain-monitoring model). */
      labels[4] = _("0–3 safe, 4–5 acceptable, above 5 too much");
      return 5;
    case PATELLA_CHART_LOAD:
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
    case PATELLA_CHART_ADHERENCE:
    case PATELLA_N_CHARTS:
    default:
      if (uses_year_grid (p, width))
        {
          labels[0] = _("Share of each week done");
          labels[1] = _("No day that counts");
          return 2;
        }
      labels[0] = _("Done");
      labels[1] = _("Partly done");
      labels[2] = _("Missed");
      labels[3] = _("Rest or sick day");
      return 4;
    }
}

static PangoFontDescription *
style_font (const PatellaChartStyle *style)
{
  return style->font ? pango_font_description_copy (style->font) : pango_font_description_from_string ("Sans 9");
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
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font = style_font (style);
  double x = PAD;
  guint row = 0;

  if (style->resolution > 0)
    pango_cairo_context_set_resolution (context, style->resolution);
  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < n; i++)
    {
      int text_width;
      double item;

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      item = LEGEND_MARK + text_width;
      if (x > PAD && x + item > width - PAD)
        {
          row++;
          x = PAD;
        }
      graphene_rect_init (&slots[i], x, row * LEGEND_ROW + 2, item, LEGEND_ROW);
      x += item + LEGEND_GAP;
    }
  return n;
}

static double
legend_height (PatellaChartKind         kind,
               const PatellaProgress   *p,
               double                   width,
               const PatellaChartStyle *style)
{
  graphene_rect_t slots[PATELLA_CHART_LEGEND_ITEMS];
  guint n = patella_chart_legend_place (kind, p, width, style, slots);

  return n > 0 ? slots[n - 1].origin.y + LEGEND_ROW + 2 : 0;
}

static Box
plot_box (PatellaChartKind         kind,
          const PatellaProgress   *p,
          double                   width,
          double                   height,
          const PatellaChartStyle *style)
{
  Box box;

  box.x = AXIS_LEFT;
  box.y = legend_height (kind, p, width, style) + 8;
  box.w = MAX (1.0, width - AXIS_LEFT - (kind == PATELLA_CHART_LOAD ? AXIS_RIGHT : PAD));
  box.h = MAX (1.0, height - box.y - AXIS_BOTTOM);
  return box;
}

/* The heat map: weeks across, Monday to Sunday down. */
typedef struct
{
  double x, y, cell, gap;
  guint  offset, n_weeks;
} Grid;

static Grid
heat_grid (const PatellaProgress   *p,
           double                   width,
           double                   height,
           const PatellaChartStyle *style)
{
  Grid g;
  double avail_w, avail_h;

  g.offset = (guint) (p->first_weekday - 1);
  g.n_weeks = (p->n_days + g.offset + 6) / 7;
  g.x = AXIS_LEFT;
  g.y = legend_height (PATELLA_CHART_ADHERENCE, p, width, style) + 24;
  avail_w = MAX (1.0, width - g.x - PAD);
  avail_h = MAX (1.0, height - g.y - PAD);
  g.cell = MIN (32.0, MIN (avail_w / g.n_weeks, avail_h / 7));
  g.gap = g.cell >= 8 ? 2 : 0;
  return g;
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
static double
draw_text (cairo_t       *cr,
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
  set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
  return w;
}

static void
draw_marker (cairo_t *cr,
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

static void draw_cell (cairo_t *cr, const PatellaChartStyle *style, PatellaRoutineState state,
                       double x, double y, double size);

static void
draw_legend (cairo_t                 *cr,
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
          set_color (cr, item->color, 0.35);
          cairo_rectangle (cr, x + 4, y - 6, 10, 12);
          cairo_fill (cr);
          break;
        case MARK_COUNT:
          set_color (cr, item->color, 0.9);
          cairo_rectangle (cr, x + 4, y - 5, 10, 8);
          cairo_fill (cr);
          break;
        case MARK_BAND:
          set_color (cr, item->color, 0.18);
          cairo_rectangle (cr, x, y - 5, 18, 10);
          cairo_fill (cr);
          break;
        case MARK_ZONES:
          {
            const PatellaChartColor *zones[] = { &style->error, &style->warning, &style->success };

            for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
              {
                set_color (cr, zones[z], 0.2);
                cairo_rectangle (cr, x, y - 6 + z * 4, 18, 4);
                cairo_fill (cr);
              }
          }
          break;
        case MARK_CELL_FULL:
          draw_cell (cr, style, PATELLA_ROUTINE_COMPLETE, x + 3, y - 6, 12);
          break;
        case MARK_CELL_HALF:
          draw_cell (cr, style, PATELLA_ROUTINE_PARTIAL, x + 3, y - 6, 12);
          break;
        case MARK_CELL_EMPTY:
          draw_cell (cr, style, PATELLA_ROUTINE_MISSED, x + 3, y - 6, 12);
          break;
        case MARK_CELL_OFF:
          draw_cell (cr, style, PATELLA_ROUTINE_OFF, x + 3, y - 6, 12);
          break;
        case MARK_TRIANGLE_OUTLINE:
          set_color (cr, item->color, 1);
          cairo_set_line_width (cr, 1.5);
          draw_marker (cr, MARK_TRIANGLE, x + 9, y, MARKER + 0.5);
          cairo_stroke (cr);
          break;
        case MARK_TRIANGLE:
          if (item->line_width == 0)
            {
              set_color (cr, item->color, 1);
              draw_marker (cr, MARK_TRIANGLE, x + 9, y, MARKER + 0.5);
              cairo_fill (cr);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case MARK_NONE:
        case MARK_CIRCLE:
        case MARK_SQUARE:
        default:
          set_color (cr, item->color, 1);
          cairo_set_line_width (cr, item->line_width);
          cairo_set_dash (cr, item->dashes, item->n_dashes, 0);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + 18, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          if (item->mark != MARK_NONE)
            {
              draw_marker (cr, item->mark, x + 9, y, MARKER);
              cairo_fill (cr);
            }
          break;
        }
      cairo_restore (cr);
      draw_text (cr, layout, item->label, x + LEGEND_MARK, y, 0, 0.5, &style->foreground, 0.9);
    }
}

/* Date labels along the bottom that never overlap: Mondays for short
 * ranges, months for longer ones, years for the longest. */
static void
draw_dates (cairo_t                 *cr,
            PangoLayout             *layout,
            const PatellaProgress   *p,
            const Box               *plot,
            double                   width,
            const PatellaChartStyle *style)
{
  GDate date;
  double dx = plot->w / p->n_days;
  double last_right = -G_MAXDOUBLE;

  patella_day_parse (p->first, &date);
  for (guint i = 0; i < p->n_days; i++, g_date_add_days (&date, 1))
    {
      char text[64];
      gboolean tick;
      const char *format;
      double x, w;
      int tw, th;

      if (p->n_days <= 70)
        {
          tick = g_date_get_weekday (&date) == G_DATE_MONDAY;
          /* Translators: a date under a chart, e.g. "3 Mar"; see strftime */
          format = _("%-d %b");
        }
      else if (p->n_days <= 800)
        {
          tick = g_date_get_day (&date) == 1;
          /* The year on January and on the first label, so that a range
           * over two years never leaves a month without its year. */
          /* Translators: a month under a chart, e.g. "Mar"; see strftime */
          format = g_date_get_month (&date) == G_DATE_JANUARY || last_right == -G_MAXDOUBLE ? _("%b %Y") : _("%b");
        }
      else
        {
          tick = g_date_get_day (&date) == 1 && g_date_get_month (&date) == G_DATE_JANUARY;
          format = "%Y";
        }
      if (!tick)
        continue;

      x = plot->x + (i + 0.5) * dx;
      if (g_date_strftime (text, sizeof text, format, &date) == 0)
        continue;
      pango_layout_set_text (layout, g_strstrip (text), -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      w = tw;
      /* Keep labels apart and inside the chart. */
      if (x - w / 2 < last_right + 8 || x - w / 2 < 0 || x + w / 2 > width - 2)
        continue;

      set_color (cr, &style->foreground, 0.25);
      cairo_rectangle (cr, round (x), plot->y + plot->h, 1, 4);
      cairo_fill (cr);
      draw_text (cr, layout, text, x, plot->y + plot->h + 5, 0.5, 0, &style->foreground, 0.7);
      last_right = x + w / 2;
    }
}

/* A series as a line (and markers when there is room), or, with more days
 * than pixels, as the min to max of each pixel column. */
static void
draw_series (cairo_t       *cr,
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
  set_color (cr, color, alpha);
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
              draw_marker (cr, mark, plot->x + (i + 0.5) * dx, Y (values[i]), MARKER);
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
static void
draw_bucket_series (cairo_t       *cr,
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
      set_color (cr, color, 0.09);
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
  set_color (cr, color, alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
#undef Y
}

static void
draw_pain (cairo_t                 *cr,
           PangoLayout             *layout,
           const PatellaProgress   *p,
           double                   width,
           double                   height,
           const PatellaChartStyle *style)
{
  PatellaBucketSize size = chart_bucket_size (PATELLA_CHART_PAIN, p, width);
  const char *labels[PATELLA_CHART_LEGEND_ITEMS];
  /* The words come from legend_labels(), which the layout measures. */
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
  Box plot = plot_box (PATELLA_CHART_PAIN, p, width, height, style);
  const struct { double from, to; const PatellaChartColor *color; } bands[] = {
    { 0, 3, &style->success }, { 3, 5, &style->warning }, { 5, 10, &style->error },
  };
  const int ticks[] = { 0, 3, 5, 10 };

  legend_labels (PATELLA_CHART_PAIN, p, width, labels);
  for (guint i = 0; i < G_N_ELEMENTS (day_legend); i++)
    day_legend[i].label = bucket_legend[i].label = labels[i];
  if (size == PATELLA_BUCKET_DAY)
    draw_legend (cr, layout, PATELLA_CHART_PAIN, p, day_legend, G_N_ELEMENTS (day_legend), width, style);
  else
    draw_legend (cr, layout, PATELLA_CHART_PAIN, p, bucket_legend, G_N_ELEMENTS (bucket_legend), width, style);

  /* The pain-monitoring model's bands: safe, acceptable, too much. */
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      double top = plot.y + plot.h - bands[i].to / 10 * plot.h;
      double bottom = plot.y + plot.h - bands[i].from / 10 * plot.h;

      set_color (cr, bands[i].color, 0.12);
      cairo_rectangle (cr, plot.x, top, plot.w, bottom - top);
      cairo_fill (cr);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      char label[8];
      double y = round (plot.y + plot.h - ticks[i] / 10.0 * plot.h);

      set_color (cr, &style->foreground, 0.15);
      cairo_rectangle (cr, plot.x, y, plot.w, 1);
      cairo_fill (cr);
      g_snprintf (label, sizeof label, "%d", ticks[i]);
      draw_text (cr, layout, label, plot.x - 6, y, 1, 0.5, &style->foreground, 0.7);
    }

  if (size == PATELLA_BUCKET_DAY)
    {
      draw_series (cr, p->trend, p->n_days, &plot, 0, 10, &style->foreground, 0.35, 4, NULL, 0, MARK_NONE, TRUE);
      /* Lines only join logged days that follow each other: a gap stays a gap. */
      draw_series (cr, p->morning, p->n_days, &plot, 0, 10, &style->morning, 1, 2, NULL, 0, MARK_CIRCLE, TRUE);
      draw_series (cr, p->during, p->n_days, &plot, 0, 10, &style->during, 1, 2, dashed, 2, MARK_SQUARE, TRUE);
      draw_series (cr, p->after, p->n_days, &plot, 0, 10, &style->after, 1, 2, dotted, 2, MARK_TRIANGLE, TRUE);
    }
  else
    {
      g_autoptr(GArray) buckets = patella_buckets_new (p->first, p->n_days, size);

      draw_bucket_series (cr, p->morning, buckets, p->n_days, &plot, 0, 10, &style->morning, 1, 2,
                          NULL, 0, TRUE, FALSE);
      draw_bucket_series (cr, p->during, buckets, p->n_days, &plot, 0, 10, &style->during, 1, 2,
                          dashed, 2, TRUE, FALSE);
      draw_bucket_series (cr, p->after, buckets, p->n_days, &plot, 0, 10, &style->after, 1, 2,
                          dotted, 2, TRUE, FALSE);
    }

  draw_dates (cr, layout, p, &plot, width, style);
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
draw_load (cairo_t                 *cr,
           PangoLayout             *layout,
           const PatellaProgress   *p,
           double                   width,
           double                   height,
           const PatellaChartStyle *style)
{
  PatellaBucketSize size = chart_bucket_size (PATELLA_CHART_LOAD, p, width);
  const char *labels[PATELLA_CHART_LEGEND_ITEMS];
  /* The words come from legend_labels(), which the layout measures. */
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
  guint n_legend = legend_labels (PATELLA_CHART_LOAD, p, width, labels);
  Box plot = plot_box (PATELLA_CHART_LOAD, p, width, height, style);
  double unit = p->unit == PATELLA_UNIT_MILES ? PATELLA_KM_PER_MILE : 1.0;
  double max_week = 0, max_ratio = 2.0, dist_top, ratio_top;
  double dx = plot.w / p->n_days;
  g_autoptr(GArray) buckets = NULL;
  g_autofree double *bars = NULL;
  guint n_bars;

  for (guint i = 0; i < n_legend; i++)
    legend[i].label = labels[i];
  draw_legend (cr, layout, PATELLA_CHART_LOAD, p, legend, n_legend, width, style);

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

      set_color (cr, &style->foreground, 0.15);
      cairo_rectangle (cr, plot.x, y, plot.w, 1);
      cairo_fill (cr);
      g_snprintf (label, sizeof label, "%g", value);
      draw_text (cr, layout, label, plot.x - 6, y, 1, 0.5, &style->foreground, 0.7);
    }

  /* The band on the ratio's scale, and the line at 1.5. */
  {
    double top = plot.y + plot.h - 1.3 / ratio_top * plot.h;
    double bottom = plot.y + plot.h - 0.8 / ratio_top * plot.h;
    double y15 = round (plot.y + plot.h - 1.5 / ratio_top * plot.h) + 0.5;

    set_color (cr, &style->foreground, 0.12);
    cairo_rectangle (cr, plot.x, top, plot.w, bottom - top);
    cairo_fill (cr);
    cairo_save (cr);
    set_color (cr, &style->warning, 1);
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
    draw_text (cr, layout, low, plot.x + plot.w + 6, bottom, 0, 0.5, &style->foreground, 0.7);
    draw_text (cr, layout, high, plot.x + plot.w + 6, top, 0, 0.5, &style->foreground, 0.7);
    draw_text (cr, layout, line, plot.x + plot.w + 6, y15 - 10, 0, 0.5, &style->warning, 1);
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
      set_color (cr, &style->accent, pass == 0 ? 0.35 : 0.9);
      cairo_fill (cr);
    }

  if (size != PATELLA_BUCKET_DAY)
    {
      /* The bars' buckets when they are the same size. */
      g_autoptr(GArray) periods = size == PATELLA_BUCKET_MONTH ? g_array_ref (buckets)
                                                               : patella_buckets_new (p->first, p->n_days, size);

      /* Each week's (month's) highest ratio, and its days with a warning
       * as a bar at the top, coloured by the worst of them. */
      draw_bucket_series (cr, p->acwr, periods, p->n_days, &plot, 0, ratio_top, &style->foreground, 0.85, 2,
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
          set_color (cr, severity == 2 ? &style->error : &style->warning, 0.9);
          cairo_fill (cr);
        }
      draw_dates (cr, layout, p, &plot, width, style);
      return;
    }

  draw_series (cr, p->acwr, p->n_days, &plot, 0, ratio_top, &style->foreground, 0.85, 2, NULL, 0, MARK_NONE, TRUE);

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
              draw_marker (cr, MARK_TRIANGLE, plot.x + (from + to) / 2.0 * dx, plot.y + 6, MARKER + 0.5);
          }
        if (severity == 2)
          {
            set_color (cr, &style->error, 1);
            cairo_fill (cr);
          }
        else
          {
            set_color (cr, &style->warning, 1);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
      }
  }

  draw_dates (cr, layout, p, &plot, width, style);
}

/* Done is filled, partly done half filled, missed an outline, and a rest
 * or sick day a grey square with a dash: shape, not only colour. Each state
 * is one or more parts of its cell, drawn the same in the legend and in the
 * calendar, where each part is one path over all the days. */
typedef struct
{
  PatellaRoutineState state;
  const PatellaChartColor      *color;
  double              alpha;
  double              left, top, width, height;   /* of the cell, as fractions */
  gboolean            outline;
} CellPart;

static guint
cell_parts (const PatellaChartStyle *style,
            double                   size,
            CellPart                *parts)
{
  const CellPart all[] = {
    { PATELLA_ROUTINE_COMPLETE, &style->success, 0.95, 0, 0, 1, 1, FALSE },
    { PATELLA_ROUTINE_PARTIAL, &style->success, 0.3, 0, 0, 1, 0.5, FALSE },
    { PATELLA_ROUTINE_PARTIAL, &style->success, 0.95, 0, 0.5, 1, 0.5, FALSE },
    { PATELLA_ROUTINE_OFF, &style->foreground, 0.15, 0, 0, 1, 1, FALSE },
    { PATELLA_ROUTINE_OFF, &style->foreground, size >= 6 ? 0.6 : 0, 0.25, 0.45, 0.5, 0.1, FALSE },
    { PATELLA_ROUTINE_MISSED, &style->foreground, size >= 4 ? 0.3 : 0.08, 0, 0, 1, 1, size >= 4 },
  };

  memcpy (parts, all, sizeof all);
  return G_N_ELEMENTS (all);
}

static void
add_cell_part (cairo_t        *cr,
               const CellPart *part,
               double          x,
               double          y,
               double          size)
{
  if (part->outline)
    cairo_rectangle (cr, x + 0.5, y + 0.5, size - 1, size - 1);
  else
    cairo_rectangle (cr, x + part->left * size, y + part->top * size,
                     part->width * size, part->height * size);
}

static void
paint_cell_part (cairo_t        *cr,
                 const CellPart *part)
{
  set_color (cr, part->color, part->alpha);
  if (part->outline)
    {
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_cell (cairo_t                 *cr,
           const PatellaChartStyle *style,
           PatellaRoutineState      state,
           double                   x,
           double                   y,
           double                   size)
{
  CellPart parts[8];
  guint n = cell_parts (style, size, parts);

  for (guint k = 0; k < n; k++)
    if (parts[k].state == state)
      {
        add_cell_part (cr, &parts[k], x, y, size);
        paint_cell_part (cr, &parts[k]);
      }
}

typedef struct
{
  double x, y, cell_w, cell_h;
  int    first_year, n_years;
} YearGrid;

static YearGrid
year_grid (const PatellaProgress   *p,
           double                   width,
           double                   height,
           const PatellaChartStyle *style)
{
  YearGrid g;
  GDate first, last;

  patella_day_parse (p->first, &first);
  patella_day_parse (p->last, &last);
  g.first_year = g_date_get_year (&first);
  g.n_years = g_date_get_year (&last) - g.first_year + 1;
  /* Room for a year's four digits on the left. */
  g.x = AXIS_LEFT + 14;
  g.y = legend_height (PATELLA_CHART_ADHERENCE, p, width, style) + 24;
  g.cell_w = MAX (1.0, (width - g.x - PAD) / YEAR_COLUMNS);
  /* Rows as tall as the height allows, up to a line of text: a year a row
   * never shrinks to a strip, and each keeps its label. */
  g.cell_h = MIN (18.0, MAX (1.0, (height - g.y - PAD) / g.n_years));
  return g;
}

/* The row and column of @date in the year grid. */
static void
year_cell (const GDate *date,
           int          first_year,
           int         *row,
           int         *column)
{
  GDate jan1;

  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, g_date_get_year (date));
  *row = g_date_get_year (date) - first_year;
  *column = (int) ((g_date_get_day_of_year (date) - 1 + g_date_get_weekday (&jan1) - 1) / 7);
}

static void
draw_year_grid (cairo_t                 *cr,
                PangoLayout             *layout,
                const PatellaProgress   *p,
                double                   width,
                double                   height,
                const PatellaChartStyle *style)
{
  YearGrid g = year_grid (p, width, height, style);
  g_autofree double *done = g_new0 (double, g.n_years * YEAR_COLUMNS);
  g_autofree guint *counted = g_new0 (guint, g.n_years * YEAR_COLUMNS);
  g_autofree guint *days = g_new0 (guint, g.n_years * YEAR_COLUMNS);
  const char *months[] = { N_("Jan"), N_("Apr"), N_("Jul"), N_("Oct") };
  GDate date;

  patella_day_parse (p->first, &date);
  for (guint i = 0; i < p->n_days; i++, g_date_add_days (&date, 1))
    {
      int row, column, k;

      year_cell (&date, g.first_year, &row, &column);
      k = row * YEAR_COLUMNS + column;
      days[k]++;
      if (p->routine[i] == PATELLA_ROUTINE_OFF || p->routine[i] == PATELLA_ROUTINE_NONE)
        continue;
      counted[k]++;
      done[k] += p->routine[i] == PATELLA_ROUTINE_COMPLETE ? 1 : p->routine[i] == PATELLA_ROUTINE_PARTIAL ? 0.5 : 0;
    }

  /* Weeks with nothing that counts: a faint cell; the others shaded. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (int k = 0; k < g.n_years * YEAR_COLUMNS; k++)
        {
          double x = g.x + (k % YEAR_COLUMNS) * g.cell_w, y = g.y + (k / YEAR_COLUMNS) * g.cell_h;
          double gap = g.cell_w >= 6 ? 1 : 0;

          if (days[k] == 0 || (pass == 0) != (counted[k] == 0))
            continue;
          if (pass == 1)
            {
              set_color (cr, &style->success, 0.12 + 0.83 * done[k] / counted[k]);
              cairo_rectangle (cr, x, y, g.cell_w - gap, g.cell_h - gap);
              cairo_fill (cr);
            }
          else
            cairo_rectangle (cr, x, y, g.cell_w - gap, g.cell_h - gap);
        }
      if (pass == 0)
        {
          set_color (cr, &style->foreground, 0.08);
          cairo_fill (cr);
        }
    }

  /* Each year at the start of its row; the quarters over the columns. */
  for (int row = 0; row < g.n_years; row++)
    {
      char year[16];

      /* Every other year when the rows are lower than the words. */
      if (g.cell_h < 11 && (g.n_years - 1 - row) % 2 == 1)
        continue;
      g_snprintf (year, sizeof year, "%d", g.first_year + row);
      draw_text (cr, layout, year, g.x - 4, g.y + (row + 0.5) * g.cell_h, 1, 0.5, &style->foreground, 0.7);
    }
  for (guint q = 0; q < G_N_ELEMENTS (months); q++)
    {
      GDate start;
      int row, column;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, (GDateMonth) (1 + 3 * q), 2001);   /* 2001 began on a Monday */
      year_cell (&start, 2001, &row, &column);
      draw_text (cr, layout, _(months[q]), g.x + column * g.cell_w, g.y - 4, 0, 1, &style->foreground, 0.7);
    }
}

static void
draw_adherence (cairo_t                 *cr,
                PangoLayout             *layout,
                const PatellaProgress   *p,
                double                   width,
                double                   height,
                const PatellaChartStyle *style)
{
  const LegendItem legend[] = {
    { _("Done"), &style->success, NULL, 0, 0, MARK_CELL_FULL },
    { _("Partly done"), &style->success, NULL, 0, 0, MARK_CELL_HALF },
    { _("Missed"), &style->foreground, NULL, 0, 0, MARK_CELL_EMPTY },
    { _("Rest or sick day"), &style->foreground, NULL, 0, 0, MARK_CELL_OFF },
  };
  Grid g = heat_grid (p, width, height, style);
  const char *weekdays[] = { N_("Mon"), N_("Wed"), N_("Fri") };
  double last_right = -G_MAXDOUBLE;
  GDate date;

  if (uses_year_grid (p, width))
    {
      const char *labels[PATELLA_CHART_LEGEND_ITEMS];
      LegendItem weeks[] = {
        { NULL, &style->success, NULL, 0, 0, MARK_BAR },
        { NULL, &style->foreground, NULL, 0, 0, MARK_BAND },
      };

      legend_labels (PATELLA_CHART_ADHERENCE, p, width, labels);
      weeks[0].label = labels[0];
      weeks[1].label = labels[1];
      draw_legend (cr, layout, PATELLA_CHART_ADHERENCE, p, weeks, G_N_ELEMENTS (weeks), width, style);
      draw_year_grid (cr, layout, p, width, height, style);
      return;
    }
  draw_legend (cr, layout, PATELLA_CHART_ADHERENCE, p, legend, G_N_ELEMENTS (legend), width, style);

  if (g.cell >= 9)
    for (guint k = 0; k < G_N_ELEMENTS (weekdays); k++)
      draw_text (cr, layout, _(weekdays[k]), g.x - 4, g.y + (k * 2 + 0.5) * g.cell, 1, 0.5,
                 &style->foreground, 0.6);

  /* The cells, a path for each state and part, however many days. */
  {
    const double size = g.cell - g.gap;
    CellPart parts[8];
    guint n_parts = cell_parts (style, size, parts);

    for (guint k = 0; k < n_parts; k++)
      {
        if (parts[k].alpha == 0)
          continue;
        for (guint i = 0; i < p->n_days; i++)
          if (p->routine[i] == parts[k].state)
            add_cell_part (cr, &parts[k], g.x + (i + g.offset) / 7 * g.cell,
                           g.y + (i + g.offset) % 7 * g.cell, size);
        paint_cell_part (cr, &parts[k]);
      }
  }

  /* A month's name over the week it starts in, when there is room. */
  patella_day_parse (p->first, &date);
  for (guint i = 0; i < p->n_days; i++, g_date_add_days (&date, 1))
    {
      guint column = (i + g.offset) / 7;
      double x = g.x + column * g.cell;

      if (g_date_get_day (&date) == 1 || i == 0)
        {
          char text[32];
          int tw, th;

          if (p->n_days > 800 && g_date_get_month (&date) != G_DATE_JANUARY && i != 0)
            continue;
          if (g_date_strftime (text, sizeof text, p->n_days > 800 ? "%Y" : "%b", &date) == 0)
            continue;
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          if (x < last_right + 8 || x + tw > width)
            continue;
          draw_text (cr, layout, text, x, g.y - 4, 0, 1, &style->foreground, 0.7);
          last_right = x + tw;
        }
    }
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
  switch (kind)
    {
    case PATELLA_CHART_PAIN:
      draw_pain (cr, layout, progress, width, height, style);
      break;
    case PATELLA_CHART_LOAD:
      draw_load (cr, layout, progress, width, height, style);
      break;
    case PATELLA_CHART_ADHERENCE:
    case PATELLA_N_CHARTS:
    default:
      draw_adherence (cr, layout, progress, width, height, style);
      break;
    }
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

  if (kind == PATELLA_CHART_ADHERENCE && uses_year_grid (progress, width))
    {
      /* The first day of the range in the week under the pointer. */
      YearGrid g = year_grid (progress, width, height, style);
      int row = (int) floor ((y - g.y) / g.cell_h);
      int column = (int) floor ((x - g.x) / g.cell_w);
      GDate date;

      if (x < g.x || y < g.y || row >= g.n_years || column >= YEAR_COLUMNS)
        return -1;
      patella_day_parse (progress->first, &date);
      for (guint i = 0; i < progress->n_days; i++, g_date_add_days (&date, 1))
        {
          int r, c;

          year_cell (&date, g.first_year, &r, &c);
          if (r == row && c == column)
            return (int) i;
          if (r > row)
            break;
        }
      return -1;
    }
  if (kind == PATELLA_CHART_ADHERENCE)
    {
      Grid g = heat_grid (progress, width, height, style);
      int column = (int) floor ((x - g.x) / g.cell);
      int row = (int) floor ((y - g.y) / g.cell);
      int index = column * 7 + row - (int) g.offset;

      if (x < g.x || y < g.y || row > 6 || index < 0 || index >= (int) progress->n_days)
        return -1;
      return index;
    }
  else
    {
      Box plot = plot_box (kind, progress, width, height, style);
      int index;

      if (x < plot.x || x >= plot.x + plot.w || y < plot.y || y > plot.y + plot.h)
        return -1;
      index = (int) floor ((x - plot.x) / plot.w * progress->n_days);
      return CLAMP (index, 0, (int) progress->n_days - 1);
    }
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
  if (kind == PATELLA_CHART_ADHERENCE && uses_year_grid (progress, width))
    {
      YearGrid g = year_grid (progress, width, height, style);
      GDate date;
      int row, column;

      patella_day_parse (progress->first, &date);
      g_date_add_days (&date, index);
      year_cell (&date, g.first_year, &row, &column);
      graphene_rect_init (rect, g.x + column * g.cell_w - 1, g.y + row * g.cell_h - 1, g.cell_w + 1, g.cell_h + 1);
    }
  else if (kind == PATELLA_CHART_ADHERENCE)
    {
      Grid g = heat_grid (progress, width, height, style);
      guint column = (index + g.offset) / 7, row = (index + g.offset) % 7;

      graphene_rect_init (rect, g.x + column * g.cell - 1, g.y + row * g.cell - 1, g.cell + 2 - g.gap, g.cell + 2 - g.gap);
    }
  else
    {
      Box plot = plot_box (kind, progress, width, height, style);
      double dx = plot.w / MAX (progress->n_days, 1);

      graphene_rect_init (rect, plot.x + index * dx, plot.y, MAX (dx, 1), plot.h);
    }
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

static char *
score_text (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.0f", value);
}

char *
patella_chart_describe_day (PatellaChartKind       kind,
                            const PatellaProgress *p,
                            guint                  index)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (p != NULL && index < p->n_days, NULL);

  day = format_day (p, index);
  switch (kind)
    {
    case PATELLA_CHART_PAIN:
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

    case PATELLA_CHART_LOAD:
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

    case PATELLA_CHART_ADHERENCE:
    case PATELLA_N_CHARTS:
    default:
      {
        const char *state;

        switch (p->routine[index])
          {
          case PATELLA_ROUTINE_COMPLETE: state = _("routine done"); break;
          case PATELLA_ROUTINE_PARTIAL: state = _("routine partly done"); break;
          case PATELLA_ROUTINE_OFF: state = _("rest or sick day"); break;
          case PATELLA_ROUTINE_NONE: state = _("before your first entry"); break;
          case PATELLA_ROUTINE_MISSED:
          default: state = _("routine missed"); break;
          }
        /* Translators: a day, then its state, such as "routine done" */
        return g_strdup_printf (_("%s: %s"), day, state);
      }
    }
}

/* A week or a month of the pain or load chart in words. */
static char *
describe_bucket (PatellaChartKind         kind,
                 const PatellaProgress   *p,
                 const PatellaBucket     *bucket,
                 PatellaBucketSize        size)
{
  g_autofree char *name = patella_bucket_describe (p->first, bucket, size);

  if (kind == PATELLA_CHART_PAIN)
    {
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
  else
    {
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
}

char *
patella_chart_describe_at (PatellaChartKind         kind,
                           const PatellaProgress   *p,
                           double                   width,
                           double                   height,
                           const PatellaChartStyle *style,
                           guint                    index)
{
  PatellaBucketSize size;
  g_autoptr(GArray) buckets = NULL;

  g_return_val_if_fail (p != NULL && index < p->n_days, NULL);

  /* The calendar over years: the week, and how much of it was done. */
  if (kind == PATELLA_CHART_ADHERENCE && uses_year_grid (p, width))
    {
      g_autoptr(GArray) weeks = patella_buckets_new (p->first, p->n_days, PATELLA_BUCKET_WEEK);
      const PatellaBucket *week = &g_array_index (weeks, PatellaBucket, patella_buckets_find (weeks, index));
      g_autofree char *name = patella_bucket_describe (p->first, week, PATELLA_BUCKET_WEEK);
      guint done = 0, counted = 0;

      for (guint i = week->first; i < week->first + week->n_days; i++)
        {
          done += p->routine[i] == PATELLA_ROUTINE_COMPLETE;
          counted += p->routine[i] != PATELLA_ROUTINE_OFF && p->routine[i] != PATELLA_ROUTINE_NONE;
        }
      /* Translators: a week, then the days the routine was done of the days that count */
      return g_strdup_printf (ngettext ("%s: routine done on %u of %u day that counts",
                                        "%s: routine done on %u of %u days that count", counted),
                              name, done, counted);
    }

  size = chart_bucket_size (kind, p, width);
  if (size == PATELLA_BUCKET_DAY)
    return patella_chart_describe_day (kind, p, index);

  buckets = patella_buckets_new (p->first, p->n_days, size);
  return describe_bucket (kind, p, &g_array_index (buckets, PatellaBucket, patella_buckets_find (buckets, index)),
                          size);
}

char *
patella_chart_describe (PatellaChartKind       kind,
                        const PatellaProgress *p)
{
  g_return_val_if_fail (p != NULL, NULL);

  switch (kind)
    {
    case PATELLA_CHART_PAIN:
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

    case PATELLA_CHART_LOAD:
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

    case PATELLA_CHART_ADHERENCE:
    case PATELLA_N_CHARTS:
    default:
      {
        guint done = 0, partly = 0, off = 0;

        if (!p->has_routine)
          return g_strdup (_("Routine calendar: nothing logged in this period."));
        for (guint i = 0; i < p->n_days; i++)
          {
            done += p->routine[i] == PATELLA_ROUTINE_COMPLETE;
            partly += p->routine[i] == PATELLA_ROUTINE_PARTIAL;
            off += p->routine[i] == PATELLA_ROUTINE_OFF;
          }
        /* Translators: the period's length, then how many of its days were done,
           partly done, and rest or sick days */
        return g_strdup_printf (ngettext ("Routine calendar over %u day: done on %u, partly done on %u, "
                                          "rest or sick on %u.",
                                          "Routine calendar over %u days: done on %u, partly done on %u, "
                                          "rest or sick on %u.", p->n_days),
                                p->n_days, done, partly, off);
      }
    }
}
