/* history-generator.h: a plausible runner's record, for tools and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int         years;            /* 1-200 */
  guint32     seed;
  const char *end;              /* the last day, YYYY-MM-DD */
  gboolean    steady;           /* no flare-ups of its own: pain that never changes */
  int         flares_per_year;  /* injected flares, 0-6: pain rising 3-5 points */
} PatellaHistoryOptions;

#define PATELLA_HISTORY_MAX_FLARES_PER_YEAR 6

/* The record as an entries CSV (the import's columns, without "utc"), or
 * NULL when @options->end is not a day. The same options give the same
 * text. When @flare_starts is given, the first day of each injected flare
 * is added to it (YYYY-MM-DD), oldest first. */
GString *patella_history_generate (const PatellaHistoryOptions *options,
                                   GPtrArray                   *flare_starts);

G_END_DECLS
