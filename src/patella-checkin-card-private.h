/* patella-checkin-card-private.h: what tests do inside Today's cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-checkin-card.h"

G_BEGIN_DECLS

/* Sets a leg's result and pain as the controls would. */
void patella_self_test_card_set_leg      (PatellaSelfTestCard *self,
                                          PatellaLeg          side,
                                          PatellaSquatResult   result,
                                          int                  pain);
/* Whether it shows the suggestion to switch the hip exercise on. */
gboolean patella_self_test_card_get_suggesting (PatellaSelfTestCard *self);

G_END_DECLS
