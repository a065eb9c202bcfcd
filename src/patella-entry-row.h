/* patella-entry-row.h: one logged entry as a row, with Edit and Delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-settings.h"
#include "core/patella-store.h"
#include "patella-session.h"

G_BEGIN_DECLS

/* A row for @entry whose buttons activate @edit_action and @delete_action
 * with the target "(ixs)": the entry's kind, id and day. Rest days and
 * exercise sets get Delete only. */
GtkWidget    *patella_entry_row_new    (const PatellaEntry  *entry,
                                        PatellaDistanceUnit  unit,
                                        GHashTable          *names,
                                        const char          *edit_action,
                                        const char          *delete_action);

/* The entry a row's "(ixs)" target names, as the store holds it now. */
PatellaEntry *patella_entry_row_lookup (PatellaStore        *store,
                                        GVariant            *target,
                                        GError             **error);

/* What the rows' Edit and Delete do from a page in the main window: open
 * the entry's dialog (win.edit-entry), or delete it with Undo offered by
 * @session. */
void          patella_entry_row_edit   (GtkWidget           *page,
                                        GVariant            *target);
void          patella_entry_row_delete (GtkWidget           *page,
                                        PatellaSession      *session,
                                        GVariant            *target);

G_END_DECLS
