/* patella-today-page.h: the daily rehab checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-day-plan.h"
#include "patella-session.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_TODAY_PAGE (patella_today_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTodayPage, patella_today_page, PATELLA, TODAY_PAGE, AdwBin)

void            patella_today_page_set_session    (PatellaTodayPage *self,
                                                   PatellaSession   *session);
PatellaDayPlan *patella_today_page_get_plan       (PatellaTodayPage *self);

/* How long a problem's toast stays: never for ever. */
#define PATELLA_PROBLEM_TOAST_SECONDS 10

G_END_DECLS
