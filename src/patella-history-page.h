/* patella-history-page.h: every entry, newest day first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "patella-session.h"

#include "core/patella-history.h"
#include "core/patella-entry-text.h"
#include "core/patella-warnings.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_HISTORY_PAGE (patella_history_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaHistoryPage, patella_history_page, PATELLA, HISTORY_PAGE, AdwBin)

void            patella_history_page_set_session  (PatellaHistoryPage *self,
                                                   PatellaSession     *session);

G_END_DECLS
