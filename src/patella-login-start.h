/* patella-login-start.h: starting Patella in the background at login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The command the login entry runs, in either way of starting. */
#define PATELLA_LOGIN_START_COMMAND "patella", "--background"

/* Whether Patella runs inside a Flatpak sandbox: /.flatpak-info exists,
 * or FLATPAK_ID is set. */
gboolean patella_login_start_is_sandboxed (void);

/* Asks for Patella to start (or no longer start) at login: through the
 * Background portal inside the sandbox, where a file in the sandbox's own
 * autostart folder would do nothing, and through the XDG autostart entry
 * outside. @parent (may be NULL) is the window the portal's question
 * belongs to.
 *
 * Fails with G_IO_ERROR_PERMISSION_DENIED when the portal refused,
 * G_IO_ERROR_NOT_SUPPORTED when no portal answered, and the file error
 * when the entry could not be written; each message says so in plain
 * words. */
void     patella_login_start_set_enabled_async  (gboolean             enabled,
                                                 GtkWindow           *parent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean patella_login_start_set_enabled_finish (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
