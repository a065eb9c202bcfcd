/* patella-chart-render.h: the Progress charts, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing takes a cairo context, so the window (through GtkSnapshot) and the
 * PDF report (through a cairo PDF surface) draw the same charts.
 */
#pragma once

#include <cairo.h>
#include <graphene.h>
#include <pango/pango.h>

#include "core/patella-progress.h"

G_BEGIN_DECLS

typedef enum
{
  PATELLA_CHART_PAIN,
  PATELLA_CHART_LOAD,
  PATELLA_CHART_ADHERENCE,
  PATELLA_N_CHARTS
} PatellaChartKind;

/* A colour, its parts from 0 to 1. */
typedef struct
{
  double red, green, blue, alpha;
} PatellaChartColor;

/* Colours from the theme, so that dark mode just works. */
typedef struct
{
  PatellaChartColor                foreground;
  PatellaChartColor      accent;
  PatellaChartColor      success;
  PatellaChartColor      warning;
  PatellaChartColor      error;
  PatellaChartColor      morning;
  PatellaChartColor      during;
  PatellaChartColor      after;
  PangoFontDescription  *font;   /* for labels; NULL for the default */
  double                 resolution;  /* dots per inch for text; 0: cairo's */
  /* When the chart scrolls sideways, the part in view (from @legend_x,
   * @legend_width wide): the legend is laid out there, so it stays whole
   * and readable. 0 wide: the whole chart. */
  double                 legend_x;
  double                 legend_width;
} PatellaChartStyle;

/* The light theme's colours, for drawing with no widget (the report). */
void  patella_chart_style_init_default (PatellaChartStyle *style);

void  patella_chart_render   (cairo_t                 *cr,
                              PatellaChartKind         kind,
                              const PatellaProgress   *progress,
                              double                   width,
                              double                   height,
                              const PatellaChartStyle *style);

/* The height @kind's marks need at @width, in pixels; 0 when it fills
 * whatever height it is given. */
double patella_chart_natural_height (PatellaChartKind         kind,
                                     const PatellaProgress   *progress,
                                     double                   width,
                                     const PatellaChartStyle *style);

/* The narrowest @kind stays readable for @progress, in pixels; 0 when any
 * width will do. Narrower, the window scrolls it sideways. */
int   patella_chart_min_width (PatellaChartKind        kind,
                               const PatellaProgress  *progress);

/* The day under (@x, @y), or -1; the same geometry as the drawing. */
int   patella_chart_day_at   (PatellaChartKind         kind,
                              const PatellaProgress   *progress,
                              double                   width,
                              double                   height,
                              const PatellaChartStyle *style,
                              double                   x,
                              double                   y);

/* Where day @index is drawn: its centre, for the cursor. */
void  patella_chart_day_rect (PatellaChartKind         kind,
                              const PatellaProgress   *progress,
                              double                   width,
                              double                   height,
                              const PatellaChartStyle *style,
                              guint                    index,
                              graphene_rect_t         *rect);

/* Where the legend's items go, each whole, flowed onto as many rows as
 * @width needs; returns how many there are. */
#define PATELLA_CHART_LEGEND_ITEMS 6
guint patella_chart_legend_place (PatellaChartKind         kind,
                                  const PatellaProgress   *progress,
                                  double                   width,
                                  const PatellaChartStyle *style,
                                  graphene_rect_t          slots[PATELLA_CHART_LEGEND_ITEMS]);

/* A date under the pain or load chart: where its label is centred, how
 * wide it is, and its words. */
typedef struct
{
  guint  index;   /* the day of the range */
  double x;
  double width;
  char   text[64];
} PatellaChartTick;

/* The date labels of @kind (not the calendar) drawn @width by @height,
 * left to right, as the drawing places them. */
GArray *patella_chart_date_ticks (PatellaChartKind         kind,
                                  const PatellaProgress   *progress,
                                  double                   width,
                                  double                   height,
                                  const PatellaChartStyle *style);

/* One sentence that sums the chart up, for screen readers. */
char *patella_chart_describe (PatellaChartKind         kind,
                              const PatellaProgress   *progress);

/* What the chart shows at day @index, drawn @width by @height, in words:
 * the day, or over a long range the week or month that holds it. */
char *patella_chart_describe_at (PatellaChartKind         kind,
                                 const PatellaProgress   *progress,
                                 double                   width,
                                 double                   height,
                                 const PatellaChartStyle *style,
                                 guint                    index);

/* The day and its values in words, for the tooltip and the keyboard. */
char *patella_chart_describe_day (PatellaChartKind       kind,
                                  const PatellaProgress *progress,
                                  guint                  index);

G_END_DECLS
