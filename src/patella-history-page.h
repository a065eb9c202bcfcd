/* patella-history-page.h: every entry, newest day first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-history.h"
#include "core/patella-warnings.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_HISTORY_PAGE (patella_history_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaHistoryPage, patella_history_page, PATELLA, HISTORY_PAGE, AdwBin)

void            patella_history_page_set_store    (PatellaHistoryPage *self,
                                                   PatellaStore       *store,
                                                   GSettings          *settings);
/* NULL until the page is first shown: nothing is read before. */
PatellaHistory *patella_history_page_get_history  (PatellaHistoryPage *self);
guint           patella_history_page_get_n_days_built (PatellaHistoryPage *self);

/* One line for an entry and one under it, in the runner's words; @names
 * maps exercise ids to names. A pure function for tests. */
void            patella_history_describe_entry    (const PatellaEntry  *entry,
                                                   PatellaDistanceUnit  unit,
                                                   GHashTable          *names,
                                                   char               **title,
                                                   char               **subtitle);

/* A run's time as a runner reads it: "1:09:36", or "42:30" under an hour. */
char           *patella_format_duration           (double               minutes);
/* Minutes per kilometre or mile, "6:06 /km"; NULL without a distance. */
char           *patella_format_pace               (double               minutes,
                                                   double               km,
                                                   PatellaDistanceUnit  unit);

G_END_DECLS
