/* patella-chart.h: one Progress chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "render/patella-chart-render.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_CHART (patella_chart_get_type ())

G_DECLARE_FINAL_TYPE (PatellaChart, patella_chart, PATELLA, CHART, GtkWidget)

GtkWidget *patella_chart_new          (PatellaChartKind  kind);
void       patella_chart_set_progress (PatellaChart     *self,
                                       PatellaProgress  *progress);
int        patella_chart_get_cursor   (PatellaChart     *self);
void       patella_chart_set_cursor   (PatellaChart     *self,
                                       int               index);
/* Draws the chart as the widget would, into an image, for tests and checks. */
cairo_surface_t *patella_chart_render_to_image (PatellaChart *self,
                                                int           width,
                                                int           height);

G_END_DECLS
