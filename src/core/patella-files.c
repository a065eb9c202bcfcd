/* patella-files.c: temporary files beside the files Patella writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A temporary file is named after its target and the process writing it,
 * so that one left by a kill is recognised as Patella's and as abandoned:
 * its process is gone. SQLite's companions of a temporary database (a
 * backup's journal, log and index) carry the same name with their suffix.
 */
#define G_LOG_DOMAIN "patella-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-files.h"

/* The process that wrote @name, if it is one of Patella's temporary files
 * (or a companion of one); 0 otherwise. */
static pid_t
temp_file_owner (const char *name)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };
  const char *marker;
  char *end = NULL;
  gint64 pid;

  if (name[0] != '.' || (marker = g_strrstr (name, PATELLA_TEMP_MARKER)) == NULL)
    return 0;
  marker += strlen (PATELLA_TEMP_MARKER);
  if (!g_ascii_isdigit (*marker))
    return 0;
  pid = g_ascii_strtoll (marker, &end, 10);
  if (pid <= 0 || pid > G_MAXINT)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_equal (end, suffixes[i]))
      return (pid_t) pid;
  return 0;
}

/**
 * patella_temp_files_remove_stale:
 * @dir: a folder Patella is about to write into
 *
 * Removes the temporary files there whose process is gone: what a kill
 * during an export, a report or a backup left.
 */
void
patella_temp_files_remove_stale (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      pid_t pid = temp_file_owner (name);

      if (pid != 0 && pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_debug ("Removing %s, left by process %d", path, (int) pid);
          g_unlink (path);
        }
    }
}

/**
 * patella_temp_file_open:
 * @target: the file that will be renamed into place
 * @flags: O_WRONLY or O_RDWR, and O_CLOEXEC
 * @temp_path: (out): the temporary file's path
 *
 * Creates ".NAME.patella-tmp-PID" beside @target, readable by the user
 * alone, after removing those that killed processes left in that folder.
 *
 * Returns: the open file, or -1 with @error set.
 */
int
patella_temp_file_open (const char  *target,
                        int          flags,
                        char       **temp_path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s%s%d", base, PATELLA_TEMP_MARKER, (int) getpid ());
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  int fd;

  patella_temp_files_remove_stale (dir);

  fd = g_open (temp, flags | O_CREAT | O_EXCL, 0600);
  if (fd < 0 && errno == EEXIST)
    {
      /* This process's name, so its own leftover (or one of a process that
       * had this number before): never in use, as writes here take turns. */
      g_unlink (temp);
      fd = g_open (temp, flags | O_CREAT | O_EXCL, 0600);
    }
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be written: %s"), target, g_strerror (saved_errno));
      return -1;
    }
  *temp_path = g_steal_pointer (&temp);
  return fd;
}
