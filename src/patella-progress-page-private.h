/* patella-progress-page-private.h: what tests look at inside the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-progress-page.h"

G_BEGIN_DECLS

/* NULL until the page is first shown. */
PatellaProgress *patella_progress_page_get_progress (PatellaProgressPage *self);
gboolean         patella_progress_page_is_empty     (PatellaProgressPage *self);
GtkWidget       *patella_progress_page_get_outcomes (PatellaProgressPage *self);
GtkWidget       *patella_progress_page_get_chart    (PatellaProgressPage *self,
                                                     PatellaChartKind     kind);
void             patella_progress_page_set_range    (PatellaProgressPage *self,
                                                     PatellaRange         range);

G_END_DECLS
