/* patella-warning-codes.c: the warning codes as the record writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "patella-warning-codes.h"

#define PATELLA_WARNING_CODE_STRING_(name, code, before) [PATELLA_WARNING_##name] = code,

static const char *const codes[PATELLA_N_WARNINGS] = {
  PATELLA_WARNING_CODES (PATELLA_WARNING_CODE_STRING_)
};

const char *
patella_warning_code_to_string (PatellaWarningCode code)
{
  g_return_val_if_fail (code < PATELLA_N_WARNINGS, NULL);
  return codes[code];
}

gboolean
patella_warning_code_from_string (const char         *text,
                                  PatellaWarningCode *out)
{
  for (guint i = 0; i < PATELLA_N_WARNINGS; i++)
    {
      if (g_strcmp0 (codes[i], text) == 0)
        {
          *out = (PatellaWarningCode) i;
          return TRUE;
        }
    }
  return FALSE;
}
