/* patella-visit-dialog.h: the next clinic visit, the questions for it, and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_VISIT_DIALOG (patella_visit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PatellaVisitDialog, patella_visit_dialog, PATELLA, VISIT_DIALOG, AdwWindow)

PatellaVisitDialog *patella_visit_dialog_new (GtkWindow    *parent,
                                              PatellaStore *store);

G_END_DECLS
