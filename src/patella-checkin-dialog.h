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
/* What Save would store, for tests. */
void                  patella_checkin_dialog_get_answers (PatellaCheckinDialog  *self,
                                                          PatellaCheckinAnswers *answers);
/* Sets one item's answer as the controls would. */
void                  patella_checkin_dialog_set_value   (PatellaCheckinDialog *self,
                                                          PatellaOutcomeItem    item,
                                                          int                   value);

G_END_DECLS
