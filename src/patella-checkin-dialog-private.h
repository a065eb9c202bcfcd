/* patella-checkin-dialog-private.h: what tests do inside the check-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-checkin-dialog.h"

G_BEGIN_DECLS

/* What Save would store. */
void                  patella_checkin_dialog_get_answers (PatellaCheckinDialog  *self,
                                                          PatellaCheckinAnswers *answers);
/* Sets one item's answer as the controls would. */
void                  patella_checkin_dialog_set_value   (PatellaCheckinDialog *self,
                                                          PatellaOutcomeItem    item,
                                                          int                   value);

G_END_DECLS
