/* patella-day-log.h: the pain scores and runs logged on one day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store.h"
#include "patella-session.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_DAY_LOG (patella_day_log_get_type ())

G_DECLARE_FINAL_TYPE (PatellaDayLog, patella_day_log, PATELLA, DAY_LOG, AdwBin)

void   patella_day_log_set_session   (PatellaDayLog  *self,
                                      PatellaSession *session);
void   patella_day_log_set_day       (PatellaDayLog *self,
                                      const char    *day);

G_END_DECLS
