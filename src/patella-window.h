/* patella-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

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
const char    *patella_window_get_page   (PatellaWindow      *self);
void           patella_window_set_page   (PatellaWindow      *self,
                                          const char         *page);
PatellaTodayPage *patella_window_get_today_page (PatellaWindow *self);
AdwViewSwitcherBar *patella_window_get_switcher_bar (PatellaWindow *self);
AdwToast      *patella_window_show_problem (PatellaWindow *self,
                                            const char    *message);
void           patella_window_show_message (PatellaWindow *self,
                                            const char    *heading,
                                            const char    *body);

G_END_DECLS
