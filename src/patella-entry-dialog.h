/* patella-entry-dialog.h: log or edit a pain score or a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store.h"
#include "core/patella-warnings.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_ENTRY_DIALOG (patella_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PatellaEntryDialog, patella_entry_dialog, PATELLA, ENTRY_DIALOG, AdwWindow)

/* @entry is a pain or run entry: with id 0 it is logged anew (its day is the
 * default day), otherwise edited. "saved" is emitted with the entry as
 * written and the entry as it was before (NULL when new). */
PatellaEntryDialog *patella_entry_dialog_new       (GtkWindow           *parent,
                                                    PatellaStore        *store,
                                                    const PatellaEntry  *entry,
                                                    PatellaDistanceUnit  unit);

/* For tests and keyboard users alike: the values as the fields hold them. */
void                patella_entry_dialog_set_field (PatellaEntryDialog  *self,
                                                    const char          *field,
                                                    const char          *text);
const char         *patella_entry_dialog_get_problem (PatellaEntryDialog *self,
                                                      const char         *field);
gboolean            patella_entry_dialog_save      (PatellaEntryDialog  *self);

/* Lets the mouse wheel pass @widget (a scale, a spin button) to the
 * scrolled window around it, rather than change its value. */
void patella_widget_ignore_scrolling (GtkWidget *widget);

G_END_DECLS
