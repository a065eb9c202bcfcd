/* patella-preferences-window.h: units, warning thresholds, reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "patella-session.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_PREFERENCES_WINDOW (patella_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PatellaPreferencesWindow, patella_preferences_window, PATELLA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Every row is bound to the session's settings (none: the schema is
 * missing, and the window says so); the return to running is its record's. */
void patella_preferences_window_present (GtkWindow      *parent,
                                         PatellaSession *session);

G_END_DECLS
