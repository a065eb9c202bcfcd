/* patella-episodes.h: the warnings of each day of a span, and the episodes they form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-store.h"
#include "patella-warnings.h"

G_BEGIN_DECLS

/* Every warning active on a day in [@from, @to], oldest day first and, within
 * a day, most severe first. The series is read from 34 days before @from, so
 * every window is complete. */
GPtrArray *patella_episodes_warnings_between (PatellaStore            *store,
                                              const char              *from,
                                              const char              *to,
                                              const PatellaThresholds *thresholds,
                                              PatellaDistanceUnit      unit,
                                              GError                 **error);

/* The episodes still going on @day (their last day is @day), each from its
 * first day however far back that is, most severe first. */
GPtrArray *patella_episodes_on               (PatellaStore            *store,
                                              const char              *day,
                                              const PatellaThresholds *thresholds,
                                              PatellaDistanceUnit      unit,
                                              GError                 **error);

/* Whether the runner put @episode away on one of its days. */
gboolean   patella_episodes_dismissed        (PatellaStore         *store,
                                              const PatellaEpisode *episode,
                                              gboolean             *dismissed,
                                              GError              **error);

G_END_DECLS
