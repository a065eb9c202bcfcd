/* patella-number.h: numbers as the runner types them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads "42", "42.5" or "42,5", spaces around allowed; FALSE for anything
 * else, infinities and NaN included. */
gboolean patella_parse_number (const char *text,
                               double     *out);

G_END_DECLS
