/* patella-routine-guide.h: "About This Routine", why each exercise is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void patella_routine_guide_present (GtkWindow *parent);

G_END_DECLS
