/* patella-checkin-card.h: Today's cards for the check-in and the clinic visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-outcomes.h"
#include "core/patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_CHECKIN_CARD (patella_checkin_card_get_type ())

G_DECLARE_FINAL_TYPE (PatellaCheckinCard, patella_checkin_card, PATELLA, CHECKIN_CARD, GtkBox)

void patella_checkin_card_set_store    (PatellaCheckinCard *self,
                                        PatellaStore       *store);
void patella_checkin_card_set_settings (PatellaCheckinCard *self,
                                        GSettings          *settings);
/* Shown only while Today shows today. */
void patella_checkin_card_set_is_today (PatellaCheckinCard *self,
                                        gboolean            is_today);

#define PATELLA_TYPE_VISIT_CARD (patella_visit_card_get_type ())

G_DECLARE_FINAL_TYPE (PatellaVisitCard, patella_visit_card, PATELLA, VISIT_CARD, GtkBox)

/* How many days before a visit Today reminds of it. */
#define PATELLA_VISIT_REMINDER_DAYS 2

void patella_visit_card_set_store    (PatellaVisitCard *self,
                                      PatellaStore     *store);
void patella_visit_card_set_is_today (PatellaVisitCard *self,
                                      gboolean          is_today);

#define PATELLA_TYPE_SELF_TEST_CARD (patella_self_test_card_get_type ())

G_DECLARE_FINAL_TYPE (PatellaSelfTestCard, patella_self_test_card, PATELLA, SELF_TEST_CARD, GtkBox)

/* How often Today asks for the self-test, when it is on. */
#define PATELLA_SELF_TEST_INTERVAL_DAYS 7

void patella_self_test_card_set_store    (PatellaSelfTestCard *self,
                                          PatellaStore        *store);
void patella_self_test_card_set_settings (PatellaSelfTestCard *self,
                                          GSettings           *settings);
void patella_self_test_card_set_is_today (PatellaSelfTestCard *self,
                                          gboolean             is_today);

G_END_DECLS
