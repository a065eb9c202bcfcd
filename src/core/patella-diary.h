/* patella-diary.h: the warnings over a span of the runner's record
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
GPtrArray *patella_diary_warnings (PatellaStore            *store,
                                   const char              *from,
                                   const char              *to,
                                   const PatellaThresholds *thresholds,
                                   PatellaDistanceUnit      unit,
                                   GError                 **error);

G_END_DECLS
