/* patella-outcomes-view.h: the Outcomes chart on Progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_OUTCOMES_VIEW (patella_outcomes_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaOutcomesView, patella_outcomes_view, PATELLA, OUTCOMES_VIEW, GtkBox)

GtkWidget *patella_outcomes_view_new    (void);
/* Reads the check-ins again; FALSE with @error when they cannot be read. */
gboolean   patella_outcomes_view_reload (PatellaOutcomesView  *self,
                                         PatellaStore         *store,
                                         GError              **error);

G_END_DECLS
