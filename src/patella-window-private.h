/* patella-window-private.h: what tests look at inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the tests include this: the application and the pages speak to the
 * window through its actions and the session's signals.
 */
#pragma once

#include "patella-file-task.h"
#include "patella-history-page-private.h"
#include "patella-progress-page-private.h"
#include "patella-today-page-private.h"
#include "patella-window.h"

G_BEGIN_DECLS

/* NULL while the window shows why the database could not be opened. */
PatellaStore        *patella_window_get_store         (PatellaWindow   *self);
gboolean             patella_window_has_error         (PatellaWindow   *self);
/* Built on first asking, as when first shown. */
PatellaHistoryPage  *patella_window_get_history_page  (PatellaWindow   *self);
PatellaProgressPage *patella_window_get_progress_page (PatellaWindow   *self);
/* What a file chooser's answer runs, since file choosers need a person. */
gboolean             patella_window_run_file_task     (PatellaWindow   *self,
                                                       PatellaFileTask  task,
                                                       const char      *path);
/* The latest toasts offering Undo and telling of a problem, while shown. */
AdwToast            *patella_window_get_undo_toast    (PatellaWindow   *self);
AdwToast            *patella_window_get_problem_toast (PatellaWindow   *self);

G_END_DECLS
