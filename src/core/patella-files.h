/* patella-files.h: temporary files beside the files Patella writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every file Patella writes (an export, a report, a backup) is written to
 * ".NAME.patella-tmp-PID" beside NAME and renamed into place when whole.
 * A process killed meanwhile leaves that file; the next write into the
 * folder removes those of processes that are gone. */
#define PATELLA_TEMP_MARKER ".patella-tmp-"

int       patella_temp_file_open          (const char  *target,
                                           int          flags,
                                           char       **temp_path,
                                           GError     **error);
void      patella_temp_files_remove_stale (const char  *dir);

G_END_DECLS
