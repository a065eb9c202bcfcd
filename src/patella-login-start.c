/* patella-login-start.c: starting Patella in the background at login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outside a sandbox, Patella writes its own XDG autostart entry
 * (core/patella-autostart.c). Inside Flatpak that folder is the sandbox's,
 * which no session reads, so there the Background portal asks the runner
 * and writes the entry on the host. The portal is not used outside the
 * sandbox: xdg-desktop-portal writes every entry as `flatpak run … APP_ID`,
 * which cannot start a program installed from a package.
 */
#define G_LOG_DOMAIN "patella-login-start"

#include "config.h"

#include <glib/gi18n.h>
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "core/patella-autostart.h"
#include "patella-login-start.h"

gboolean
patella_login_start_is_sandboxed (void)
{
  const char *flatpak_id = g_getenv ("FLATPAK_ID");

  return (flatpak_id != NULL && *flatpak_id != '\0') || xdp_portal_running_under_flatpak ();
}

typedef struct
{
  gboolean enabled;
} Request;

static void
portal_answered (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean granted;

  /* The portal's own cancellation forgets the call without an answer
   * (libportal 0.6), so the request is never cancelled there: a
   * cancelled request still waits for the portal, then is dropped. */
  granted = xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (error != NULL && error->domain == G_DBUS_ERROR)
    {
      g_debug ("No Background portal: %s", error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               request->enabled
                                 ? _("The system did not answer the request to start Patella at login. "
                                     "Reminders come only while Patella is open.")
                                 : _("The system did not answer the request to stop starting Patella at login."));
      return;
    }

  /* Switched off, any answer will do: nothing starts at login either way. */
  if (!request->enabled)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (granted)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (error != NULL)
    g_debug ("The Background portal said no: %s", error->message);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The system could not set Patella to start at login. "
                               "Reminders come only while Patella is open."));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("Patella may not start at login: the system’s background permission is off. "
                               "Allow it for Patella in the system’s settings (Apps), then switch this on "
                               "again. Until then, reminders come only while Patella is open."));
}

void
patella_login_start_set_enabled_async (gboolean             enabled,
                                       GtkWindow           *parent,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GPtrArray) command = NULL;
  XdpParent *xdp_parent = NULL;
  Request *request;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, patella_login_start_set_enabled_async);

  if (!patella_login_start_is_sandboxed ())
    {
      if (patella_autostart_set_enabled (enabled, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = g_new0 (Request, 1);
  request->enabled = enabled;
  g_task_set_task_data (task, request, g_free);

  command = g_ptr_array_new_with_free_func (g_free);
  for (const char * const *arg = (const char * const[]) { PATELLA_LOGIN_START_COMMAND, NULL }; *arg; arg++)
    g_ptr_array_add (command, g_strdup (*arg));

  /* Switching off asks nothing of the runner: no window to attach to. */
  if (enabled && parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    xdp_parent = xdp_parent_new_gtk (parent);

  portal = xdp_portal_new ();
  xdp_portal_request_background (portal, xdp_parent,
                                 _("Patella sends your exercise reminders while its window is closed."),
                                 command,
                                 enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, portal_answered, g_steal_pointer (&task));
  g_clear_pointer (&xdp_parent, xdp_parent_free);
}

gboolean
patella_login_start_set_enabled_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == patella_login_start_set_enabled_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
