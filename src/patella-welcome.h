/* patella-welcome.h: the first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows what Patella is and is not, and asks the two choices that matter
 * (km or miles; reminder times), on top of @parent. Sets "welcome-done" in
 * @settings when the runner is through. */
void patella_welcome_present (GtkWindow *parent,
                              GSettings *settings);

G_END_DECLS
