/* patella-autostart.h: the XDG autostart entry that starts Patella at login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $XDG_CONFIG_HOME/autostart/<app-id>.desktop */
char     *patella_autostart_get_path     (void);
/* What Patella writes there. */
char     *patella_autostart_get_contents (void);
gboolean  patella_autostart_is_enabled   (void);

/* Writes the entry (atomically, only when it differs) or removes it;
 * doing what is already done succeeds. */
gboolean  patella_autostart_set_enabled  (gboolean   enabled,
                                          GError   **error);

G_END_DECLS
