/* patella-history-page-private.h: what tests look at inside the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-history-page.h"

G_BEGIN_DECLS

/* NULL until the page is first shown: nothing is read before. */
PatellaHistory *patella_history_page_get_history  (PatellaHistoryPage *self);
guint           patella_history_page_get_n_days_built (PatellaHistoryPage *self);

G_END_DECLS
