/* patella-chart-calendar.c: the routine calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weeks across and Monday to Sunday down, each day a cell whose shape says
 * its state; over years a row per year of weeks shaded by the share done.
 */
#define G_LOG_DOMAIN "patella-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/patella-day.h"
#include "render/patella-chart-private.h"

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

static int
calendar_min_width (const PatellaProgress *p)
{
  guint n_weeks = (p->n_days + (guint) MAX (p->first_weekday - 1, 0) + 6) / 7;
  if (n_weeks <= YEAR_COLUMNS)
    return (int) ceil (AXIS_LEFT + n_weeks * DAY_GRID_MIN_CELL + PAD);
  return (int) ceil (AXIS_LEFT + 14 + YEAR_COLUMNS * YEAR_GRID_READABLE_CELL + PAD);
}

static guint
calendar_legend_labels (const PatellaProgress *p,
                        double                 width,
                        const char            *labels[PATELLA_CHART_LEGEND_ITEMS])
{
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
  g.y = patella_chart_legend_height (PATELLA_CHART_ADHERENCE, p, width, style) + 24;
  avail_w = MAX (1.0, width - g.x - PAD);
  avail_h = MAX (1.0, height - g.y - PAD);
  g.cell = MIN (32.0, MIN (avail_w / g.n_weeks, avail_h / 7));
  g.gap = g.cell >= 8 ? 2 : 0;
  return g;
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
  patella_chart_set_color (cr, part->color, part->alpha);
  if (part->outline)
    {
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

void
patella_chart_draw_cell (cairo_t                 *cr,
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
  g.y = patella_chart_legend_height (PATELLA_CHART_ADHERENCE, p, width, style) + 24;
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
              patella_chart_set_color (cr, &style->success, 0.12 + 0.83 * done[k] / counted[k]);
              cairo_rectangle (cr, x, y, g.cell_w - gap, g.cell_h - gap);
              cairo_fill (cr);
            }
          else
            cairo_rectangle (cr, x, y, g.cell_w - gap, g.cell_h - gap);
        }
      if (pass == 0)
        {
          patella_chart_set_color (cr, &style->foreground, 0.08);
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
      patella_chart_draw_text (cr, layout, year, g.x - 4, g.y + (row + 0.5) * g.cell_h, 1, 0.5, &style->foreground, 0.7);
    }
  for (guint q = 0; q < G_N_ELEMENTS (months); q++)
    {
      GDate start;
      int row, column;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, (GDateMonth) (1 + 3 * q), 2001);   /* 2001 began on a Monday */
      year_cell (&start, 2001, &row, &column);
      patella_chart_draw_text (cr, layout, _(months[q]), g.x + column * g.cell_w, g.y - 4, 0, 1, &style->foreground, 0.7);
    }
}

static void
calendar_draw (cairo_t                 *cr,
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

      calendar_legend_labels (p, width, labels);
      weeks[0].label = labels[0];
      weeks[1].label = labels[1];
      patella_chart_draw_legend (cr, layout, PATELLA_CHART_ADHERENCE, p, weeks, G_N_ELEMENTS (weeks), width, style);
      draw_year_grid (cr, layout, p, width, height, style);
      return;
    }
  patella_chart_draw_legend (cr, layout, PATELLA_CHART_ADHERENCE, p, legend, G_N_ELEMENTS (legend), width, style);

  if (g.cell >= 9)
    for (guint k = 0; k < G_N_ELEMENTS (weekdays); k++)
      patella_chart_draw_text (cr, layout, _(weekdays[k]), g.x - 4, g.y + (k * 2 + 0.5) * g.cell, 1, 0.5,
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
          patella_chart_draw_text (cr, layout, text, x, g.y - 4, 0, 1, &style->foreground, 0.7);
          last_right = x + tw;
        }
    }
}

static int
calendar_day_at (const PatellaProgress   *progress,
                 double                   width,
                 double                   height,
                 const PatellaChartStyle *style,
                 double                   x,
                 double                   y)
{
  if (uses_year_grid (progress, width))
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
  else
    {
      Grid g = heat_grid (progress, width, height, style);
      int column = (int) floor ((x - g.x) / g.cell);
      int row = (int) floor ((y - g.y) / g.cell);
      int index = column * 7 + row - (int) g.offset;

      if (x < g.x || y < g.y || row > 6 || index < 0 || index >= (int) progress->n_days)
        return -1;
      return index;
    }
}

static void
calendar_day_rect (const PatellaProgress   *progress,
                   double                   width,
                   double                   height,
                   const PatellaChartStyle *style,
                   guint                    index,
                   graphene_rect_t         *rect)
{
  if (uses_year_grid (progress, width))
    {
      YearGrid g = year_grid (progress, width, height, style);
      GDate date;
      int row, column;

      patella_day_parse (progress->first, &date);
      g_date_add_days (&date, index);
      year_cell (&date, g.first_year, &row, &column);
      graphene_rect_init (rect, g.x + column * g.cell_w - 1, g.y + row * g.cell_h - 1, g.cell_w + 1, g.cell_h + 1);
    }
  else
    {
      Grid g = heat_grid (progress, width, height, style);
      guint column = (index + g.offset) / 7, row = (index + g.offset) % 7;

      graphene_rect_init (rect, g.x + column * g.cell - 1, g.y + row * g.cell - 1, g.cell + 2 - g.gap, g.cell + 2 - g.gap);
    }
}

static char *
calendar_describe_day (const PatellaProgress *p,
                       guint                  index,
                       const char            *day)
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

static char *
calendar_describe_at (const PatellaProgress *p,
                      double                 width,
                      guint                  index)
{
  /* The calendar over years: the week, and how much of it was done. */
  if (uses_year_grid (p, width))
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
  return patella_chart_describe_day (PATELLA_CHART_ADHERENCE, p, index);
}

static char *
calendar_describe (const PatellaProgress *p)
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

/* As tall as its rows at @width (cells at most 32 px, year rows at most
 * 18 px), so that a short range leaves no empty card below it; a legend
 * row to spare, so the cells never shrink for one. */
static double
calendar_natural_height (const PatellaProgress   *p,
                         double                   width,
                         const PatellaChartStyle *style)
{
  double top = patella_chart_legend_height (PATELLA_CHART_ADHERENCE, p, width, style) + 24 + LEGEND_ROW;

  if (uses_year_grid (p, width))
    {
      GDate first, last;

      patella_day_parse (p->first, &first);
      patella_day_parse (p->last, &last);
      return top + (g_date_get_year (&last) - g_date_get_year (&first) + 1) * 18.0 + PAD;
    }
  else
    {
      guint n_weeks = (p->n_days + (guint) MAX (p->first_weekday - 1, 0) + 6) / 7;

      return top + 7 * MIN (32.0, MAX (1.0, width - AXIS_LEFT - PAD) / MAX (n_weeks, 1)) + PAD;
    }
}

const PatellaChartClass patella_chart_calendar_class = {
  .legend_labels = calendar_legend_labels,
  .draw = calendar_draw,
  .day_at = calendar_day_at,
  .day_rect = calendar_day_rect,
  .describe_day = calendar_describe_day,
  .describe_at = calendar_describe_at,
  .describe = calendar_describe,
  .min_width = calendar_min_width,
  .natural_height = calendar_natural_height,
};
