/* patella-coach-cards.h: Today's suggestions: an exercise's next level, the next run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-day-plan.h"
#include "patella-session.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_COACH_CARDS (patella_coach_cards_get_type ())

G_DECLARE_FINAL_TYPE (PatellaCoachCards, patella_coach_cards, PATELLA, COACH_CARDS, AdwBin)

/* What Undo of a card's choice goes through. */
void       patella_coach_cards_set_session (PatellaCoachCards *self,
                                            PatellaSession    *session);
/* The cards follow @plan's store, and show on today only. */
void       patella_coach_cards_set_plan    (PatellaCoachCards *self,
                                            PatellaDayPlan    *plan);
/* The "coach." actions, for the page to insert above its toasts. */
GActionGroup *patella_coach_cards_get_actions (PatellaCoachCards *self);

G_END_DECLS
