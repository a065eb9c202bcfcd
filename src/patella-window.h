/* patella-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "patella-file-task.h"
#include "patella-history-page.h"
#include "patella-progress-page.h"
#include "patella-session.h"
#include "patella-today-page.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_WINDOW (patella_window_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWindow, patella_window, PATELLA, WINDOW, AdwApplicationWindow)

PatellaWindow *patella_window_new        (GtkApplication     *application,
                                          PatellaSession     *session);
PatellaSession *patella_window_get_session (PatellaWindow    *self);
PatellaStore  *patella_window_get_store  (PatellaWindow      *self);
const char    *patella_window_get_page   (PatellaWindow      *self);
void           patella_window_set_page   (PatellaWindow      *self,
                                          const char         *page);
gboolean       patella_window_has_error  (PatellaWindow      *self);
PatellaTodayPage *patella_window_get_today_page (PatellaWindow *self);
PatellaHistoryPage *patella_window_get_history_page (PatellaWindow *self);
PatellaProgressPage *patella_window_get_progress_page (PatellaWindow *self);
AdwToast      *patella_window_show_problem (PatellaWindow *self,
                                            const char    *message);
void           patella_window_show_message (PatellaWindow *self,
                                            const char    *heading,
                                            const char    *body);
gboolean       patella_window_run_file_task (PatellaWindow   *self,
                                             PatellaFileTask  task,
                                             const char      *path);
void           patella_window_import_runs (PatellaWindow      *self,
                                           const char * const *paths);
GtkWindow     *patella_window_open_entry_dialog (PatellaWindow      *self,
                                                 const PatellaEntry *entry);
/* The latest toasts offering Undo and telling of a problem, while shown. */
AdwToast      *patella_window_get_undo_toast (PatellaWindow *self);
AdwToast      *patella_window_get_problem_toast (PatellaWindow *self);

G_END_DECLS
