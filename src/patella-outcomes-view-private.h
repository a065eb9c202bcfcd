/* patella-outcomes-view-private.h: what tests look at inside the Outcomes chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-outcomes-view.h"

G_BEGIN_DECLS

/* How many items it draws (a row each). */
guint      patella_outcomes_view_get_n_rows (PatellaOutcomesView *self);
/* How many self-tests its strips show. */
guint      patella_outcomes_view_get_n_tests (PatellaOutcomesView *self);

G_END_DECLS
