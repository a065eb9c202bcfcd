/* patella-coach-cards.h: Today's suggestions: an exercise's next level, the next run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-day-plan.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_COACH_CARDS (patella_coach_cards_get_type ())

G_DECLARE_FINAL_TYPE (PatellaCoachCards, patella_coach_cards, PATELLA, COACH_CARDS, AdwBin)

/* The cards follow @plan's store, and show on today only. */
void       patella_coach_cards_set_plan    (PatellaCoachCards *self,
                                            PatellaDayPlan    *plan);
/* The "coach." actions, for the page to insert above its toasts. */
GActionGroup *patella_coach_cards_get_actions (PatellaCoachCards *self);
/* For tests: the cards shown, and the timer of the next run if open. */
guint      patella_coach_cards_get_n_cards (PatellaCoachCards *self);
GtkWidget *patella_coach_cards_get_card    (PatellaCoachCards *self,
                                            guint              index);
GtkWindow *patella_coach_cards_get_timer   (PatellaCoachCards *self);
AdwToast  *patella_coach_cards_get_undo_toast (PatellaCoachCards *self);

G_END_DECLS
