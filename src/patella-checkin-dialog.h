/* patella-checkin-dialog.h: the check-in, every two weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store-outcomes.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_CHECKIN_DIALOG (patella_checkin_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PatellaCheckinDialog, patella_checkin_dialog, PATELLA, CHECKIN_DIALOG, AdwWindow)

/* Answers for @day, filled in with that day's check-in when there is one. */
PatellaCheckinDialog *patella_checkin_dialog_new        (GtkWindow    *parent,
                                                         PatellaStore *store,
                                                         const char   *day);

G_END_DECLS
