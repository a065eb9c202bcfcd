/* patella-chart-private.h: what the charts' files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * patella-chart-render.c holds the geometry every chart shares (legend,
 * plot, axes, dates, series) and the public functions, which look up the
 * chart's table of functions; each chart is one file that fills a table.
 */
#pragma once

#include <pango/pangocairo.h>

#include "core/patella-buckets.h"
#include "render/patella-chart-render.h"

G_BEGIN_DECLS

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

/* What one chart does; the public functions dispatch on the kind. */
typedef struct
{
  /* The legend's words, in the order drawn; returns how many. */
  guint (*legend_labels) (const PatellaProgress   *p,
                          double                   width,
                          const char              *labels[PATELLA_CHART_LEGEND_ITEMS]);
  void  (*draw)          (cairo_t                 *cr,
                          PangoLayout             *layout,
                          const PatellaProgress   *p,
                          double                   width,
                          double                   height,
                          const PatellaChartStyle *style);
  /* The day under (@x, @y) and where day @index is drawn; NULL for a
   * plot with the days evenly across (pain, load). */
  int   (*day_at)        (const PatellaProgress   *p,
                          double                   width,
                          double                   height,
                          const PatellaChartStyle *style,
                          double                   x,
                          double                   y);
  void  (*day_rect)      (const PatellaProgress   *p,
                          double                   width,
                          double                   height,
                          const PatellaChartStyle *style,
                          guint                    index,
                          graphene_rect_t         *rect);
  /* Day @index, named @day, and its values in words. */
  char *(*describe_day)  (const PatellaProgress   *p,
                          guint                    index,
                          const char              *day);
  /* What is drawn at day @index at @width; NULL for the day, or its
   * week or month through describe_bucket. */
  char *(*describe_at)   (const PatellaProgress   *p,
                          double                   width,
                          guint                    index);
  char *(*describe_bucket) (const PatellaProgress *p,
                            const PatellaBucket   *bucket,
                            PatellaBucketSize      size);
  char *(*describe)      (const PatellaProgress   *p);
  /* The narrowest it stays readable; NULL when any width will do. */
  int   (*min_width)     (const PatellaProgress   *p);
  /* The height its marks need at @width; NULL when it fills any height. */
  double (*natural_height) (const PatellaProgress   *p,
                            double                   width,
                            const PatellaChartStyle *style);
} PatellaChartClass;

extern const PatellaChartClass patella_chart_pain_class;
extern const PatellaChartClass patella_chart_load_class;
extern const PatellaChartClass patella_chart_calendar_class;

/* The resolution of the pain and load charts at @width: days while a day
 * gets a few pixels, then weeks, then months (core/patella-buckets.c). */
PatellaBucketSize patella_chart_bucket_size (PatellaChartKind         kind,
                                             const PatellaProgress   *p,
                                             double                   width);
double  patella_chart_legend_height     (PatellaChartKind         kind,
                                         const PatellaProgress   *p,
                                         double                   width,
                                         const PatellaChartStyle *style);
Box     patella_chart_plot_box          (PatellaChartKind         kind,
                                         const PatellaProgress   *p,
                                         double                   width,
                                         double                   height,
                                         const PatellaChartStyle *style);
void    patella_chart_set_color         (cairo_t                 *cr,
                                         const PatellaChartColor *color,
                                         double                   alpha);
/* Draws @text aligned at (@x, @y); returns its width. */
double  patella_chart_draw_text         (cairo_t                 *cr,
                                         PangoLayout             *layout,
                                         const char              *text,
                                         double                   x,
                                         double                   y,
                                         double                   xalign,
                                         double                   yalign,
                                         const PatellaChartColor *color,
                                         double                   alpha);
void    patella_chart_draw_marker       (cairo_t                 *cr,
                                         Mark                     mark,
                                         double                   x,
                                         double                   y,
                                         double                   size);
void    patella_chart_draw_legend       (cairo_t                 *cr,
                                         PangoLayout             *layout,
                                         PatellaChartKind         kind,
                                         const PatellaProgress   *p,
                                         const LegendItem        *items,
                                         guint                    n_items,
                                         double                   width,
                                         const PatellaChartStyle *style);
void    patella_chart_draw_dates        (cairo_t                 *cr,
                                         PangoLayout             *layout,
                                         const PatellaProgress   *p,
                                         const Box               *plot,
                                         double                   width,
                                         const PatellaChartStyle *style);
void    patella_chart_draw_series       (cairo_t                 *cr,
                                         const double            *values,
                                         guint                    n,
                                         const Box               *plot,
                                         double                   lo,
                                         double                   hi,
                                         const PatellaChartColor *color,
                                         double                   alpha,
                                         double                   line_width,
                                         const double            *dashes,
                                         int                      n_dashes,
                                         Mark                     mark,
                                         gboolean                 break_at_gaps);
void    patella_chart_draw_bucket_series (cairo_t                 *cr,
                                          const double            *values,
                                          GArray                  *buckets,
                                          guint                    n_days,
                                          const Box               *plot,
                                          double                   lo,
                                          double                   hi,
                                          const PatellaChartColor *color,
                                          double                   alpha,
                                          double                   line_width,
                                          const double            *dashes,
                                          int                      n_dashes,
                                          gboolean                 band,
                                          gboolean                 use_max);
/* The calendar's cell for @state, as in the legend. */
void    patella_chart_draw_cell         (cairo_t                 *cr,
                                         const PatellaChartStyle *style,
                                         PatellaRoutineState      state,
                                         double                   x,
                                         double                   y,
                                         double                   size);

G_END_DECLS
