/* patella-entry-text.h: an entry in the runner's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-entry.h"
#include "patella-warnings.h"

G_BEGIN_DECLS

/* One line for an entry and one under it, in the runner's words; @names
 * maps exercise ids to names. A pure function for tests. */
void  patella_entry_describe  (const PatellaEntry  *entry,
                               PatellaDistanceUnit  unit,
                               GHashTable          *names,
                               char               **title,
                               char               **subtitle);

/* A run's time as a runner reads it: "1:09:36", or "42:30" under an hour. */
char *patella_format_duration (double               minutes);
/* Minutes per kilometre or mile, "6:06 /km"; NULL without a distance. */
char *patella_format_pace     (double               minutes,
                               double               km,
                               PatellaDistanceUnit  unit);

G_END_DECLS
