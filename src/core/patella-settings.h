/* patella-settings.h: the preferences, for the app and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-warnings.h"

G_BEGIN_DECLS

/* The app's settings, or NULL when the schema is neither installed nor in
 * the build tree (then the defaults apply and nothing is kept). */
GSettings           *patella_settings_new            (void);

/* Both accept NULL settings and then give the defaults. */
void                 patella_settings_get_thresholds (GSettings         *settings,
                                                      PatellaThresholds *out);
PatellaDistanceUnit  patella_settings_get_unit       (GSettings         *settings);

/* The keys whose change changes the warnings, NULL-terminated. */
extern const char *const patella_settings_warning_keys[];

G_END_DECLS
