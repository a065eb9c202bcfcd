/* patella-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-number"

#include "config.h"

#include <math.h>

#include "patella-number.h"

gboolean
patella_parse_number (const char *text,
                      double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  double value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (copy[0] == '\0')
    return FALSE;

  /* Either decimal mark, whatever the locale. */
  g_strdelimit (copy, ",", '.');
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}
