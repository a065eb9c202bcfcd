/* patella-progress-page.h: charts of pain, load and the routine over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "patella-session.h"

#include "core/patella-progress.h"
#include "render/patella-chart-render.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_PROGRESS_PAGE (patella_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaProgressPage, patella_progress_page, PATELLA, PROGRESS_PAGE, AdwBin)

void             patella_progress_page_set_session  (PatellaProgressPage *self,
                                                     PatellaSession      *session);

G_END_DECLS
