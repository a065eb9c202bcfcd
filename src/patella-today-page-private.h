/* patella-today-page-private.h: what tests look at inside the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-today-page.h"

G_BEGIN_DECLS

guint           patella_today_page_get_n_warnings (PatellaTodayPage *self);
GtkWindow      *patella_today_page_get_timer      (PatellaTodayPage *self);

G_END_DECLS
