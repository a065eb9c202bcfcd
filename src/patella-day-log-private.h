/* patella-day-log-private.h: what tests look at inside the day's log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-day-log.h"

G_BEGIN_DECLS

/* The rows shown: the day's pain scores and runs. */
guint  patella_day_log_get_n_entries (PatellaDayLog *self);

G_END_DECLS
