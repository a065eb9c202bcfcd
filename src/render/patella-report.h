/* patella-report.h: the clinic report, for PDF and for printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include <stdio.h>

#include "core/patella-cli.h"
#include "core/patella-progress.h"
#include "render/patella-chart-render.h"

G_BEGIN_DECLS

typedef struct _PatellaReport PatellaReport;

/* The report of [@from, @to]; NULL for the last six weeks to today. */
PatellaReport *patella_report_new        (PatellaStore            *store,
                                          const char              *from,
                                          const char              *to,
                                          const PatellaThresholds *thresholds,
                                          PatellaDistanceUnit      unit,
                                          GError                 **error);
void           patella_report_free       (PatellaReport           *report);

/* Lays the report out on pages of @width × @height points; returns how many. */
guint          patella_report_paginate   (PatellaReport           *report,
                                          cairo_t                 *cr,
                                          double                   width,
                                          double                   height);
void           patella_report_draw_page  (PatellaReport           *report,
                                          cairo_t                 *cr,
                                          guint                    page);

/* A4 PDF through a temporary file renamed into place. */
gboolean       patella_report_write_pdf  (PatellaReport           *report,
                                          const char              *path,
                                          GError                 **error);

int            patella_report_run_cli    (const PatellaOptions    *options,
                                          FILE                    *err);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReport, patella_report_free)

G_END_DECLS
