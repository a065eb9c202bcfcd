/* patella-routine-editor.h: switch exercises on and off, dose, order, add your own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_ROUTINE_EDITOR (patella_routine_editor_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRoutineEditor, patella_routine_editor, PATELLA, ROUTINE_EDITOR, AdwPreferencesWindow)

GtkWindow *patella_routine_editor_new (GtkWindow    *parent,
                                       PatellaStore *store);

/* A new exercise's id from its name: "Step-ups" -> "step-ups", made unique
 * against @taken; a pure function for tests. */
char      *patella_routine_editor_make_id (const char *name,
                                           GPtrArray  *taken);

G_END_DECLS
