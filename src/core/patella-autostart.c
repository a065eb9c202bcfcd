/* patella-autostart.c: the XDG autostart entry that starts Patella at login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session starts every entry in ~/.config/autostart at login
 * (freedesktop Desktop Application Autostart Specification). Patella's
 * starts it without a window, so that its reminders arrive. Inside Flatpak
 * this folder is not the host's; the Background portal would do it there.
 */
#define G_LOG_DOMAIN "patella-autostart"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "patella-autostart.h"

char *
patella_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

char *
patella_autostart_get_contents (void)
{
  /* Not translated: the session shows none of it, and a file that
   * changes with the language would be rewritten for nothing. */
  return g_strdup ("[Desktop Entry]\n"
                   "# Written by Patella: “Start in the Background at Login” in its Preferences.\n"
                   "# Patella removes this file when that is switched off.\n"
                   "Type=Application\n"
                   "Name=Patella\n"
                   "Comment=Send Patella’s exercise reminders\n"
                   "Exec=patella --background\n"
                   "Icon=" APP_ID "\n"
                   "Terminal=false\n"
                   "NoDisplay=true\n"
                   "X-GNOME-Autostart-enabled=true\n");
}

gboolean
patella_autostart_is_enabled (void)
{
  g_autofree char *path = patella_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
write_entry (const char  *path,
             GError     **error)
{
  g_autofree char *contents = patella_autostart_get_contents ();
  g_autofree char *current = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  if (g_file_get_contents (path, &current, NULL, NULL) && g_str_equal (current, contents))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a folder, then the reason */
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      /* GLib's message names the file. */
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the reason, which names the file */
                   _("Could not write the login entry: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
patella_autostart_set_enabled (gboolean   enabled,
                               GError   **error)
{
  g_autofree char *path = patella_autostart_get_path ();

  if (enabled)
    return write_entry (path, error);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a file, then the reason */
                   _("Could not remove the login entry %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
