/* patella-coach-cards-private.h: what tests look at inside the suggestion cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-coach-cards.h"

G_BEGIN_DECLS

/* The cards shown, the level suggestions behind "Show N More", and the
 * timer of the next run if open. */
guint      patella_coach_cards_get_n_cards  (PatellaCoachCards *self);
guint      patella_coach_cards_get_n_hidden (PatellaCoachCards *self);
GtkWidget *patella_coach_cards_get_card     (PatellaCoachCards *self,
                                             guint              index);
GtkWindow *patella_coach_cards_get_timer    (PatellaCoachCards *self);

G_END_DECLS
