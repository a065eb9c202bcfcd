/* patella-entry.h: the kinds of entry a runner logs, and their limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits shared by the store's CHECK constraints, the importers and the UI. */
#define PATELLA_NOTE_MAX_CHARS      2000
#define PATELLA_NAME_MAX_CHARS       120
#define PATELLA_TEXT_MAX_CHARS      4000 /* dose and cues */
#define PATELLA_SETS_MAX             100
#define PATELLA_REPS_MAX            1000
#define PATELLA_HOLD_SECONDS_MAX     600
#define PATELLA_RUN_MINUTES_MAX     1440.0 /* a day */
#define PATELLA_RUN_KM_MAX          1000.0
#define PATELLA_SCALE_MAX             10   /* pain 0-10, RPE 0-10 (CR-10) */

typedef enum
{
  PATELLA_PAIN_MORNING,  /* on waking */
  PATELLA_PAIN_DURING,   /* during activity */
  PATELLA_PAIN_AFTER,    /* after activity */
  PATELLA_PAIN_REST,
  PATELLA_PAIN_STAIRS,
  PATELLA_PAIN_SITTING,
  PATELLA_PAIN_OTHER,
  PATELLA_N_PAIN_CONTEXTS
} PatellaPainContext;

typedef enum
{
  PATELLA_REST_DAY_REST,
  PATELLA_REST_DAY_SICK,
  PATELLA_N_REST_DAY_KINDS
} PatellaRestDayKind;

const char *patella_pain_context_to_string   (PatellaPainContext  context);
gboolean    patella_pain_context_from_string (const char         *text,
                                              PatellaPainContext *out);
const char *patella_rest_day_kind_to_string  (PatellaRestDayKind  kind);
gboolean    patella_rest_day_kind_from_string (const char        *text,
                                               PatellaRestDayKind *out);

G_END_DECLS
