/* patella-warning-codes.h: the warning codes, one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A code names a warning in the rules (patella-warnings.c) and in the
 * record, where the schema's CHECK allows exactly these codes in
 * dismissed_warnings. Both are made from this one list.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* X (NAME, "code", "before") for every code, in the order of
 * PatellaWarningCode. "before" is the text that comes before the code in
 * the CHECK of dismissed_warnings, as migration 1 -> 2 wrote it (its line
 * break included). A released migration never changes: the schema check
 * compares every file with it, and test-store asserts the text byte for
 * byte. So a code added later cannot simply join the list (the test
 * fails): it needs a new migration with a new CHECK, and migration 1 -> 2
 * must keep to the first eight. */
#define PATELLA_WARNING_CODES(X) \
  X (PAIN_HIGH, "pain-high", "") \
  X (PAIN_SEVERE, "pain-severe", ", ") \
  X (MORNING_WORSE, "morning-worse", ", ") \
  X (PAIN_TREND_UP, "pain-trend-up", ",    ") \
  X (RUN_SPIKE, "run-spike", ", ") \
  X (WEEKLY_DISTANCE_SPIKE, "weekly-distance-spike", ", ") \
  X (ACWR_HIGH, "acwr-high", ", ") \
  X (MONOTONY_HIGH, "monotony-high", ", ")

#define PATELLA_WARNING_CODE_ENUM_(name, code, before) PATELLA_WARNING_##name,
#define PATELLA_WARNING_CODE_SQL_(name, code, before) before "'" code "'"

typedef enum
{
  PATELLA_WARNING_CODES (PATELLA_WARNING_CODE_ENUM_)
  PATELLA_N_WARNINGS
} PatellaWarningCode;

/* The codes as an SQL list, without its parentheses:
 * 'pain-high', 'pain-severe', … */
#define PATELLA_WARNING_CODES_SQL PATELLA_WARNING_CODES (PATELLA_WARNING_CODE_SQL_)

const char *patella_warning_code_to_string   (PatellaWarningCode  code);
gboolean    patella_warning_code_from_string (const char         *text,
                                              PatellaWarningCode *out);

G_END_DECLS
