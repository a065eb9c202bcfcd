/* patella-run-import-dialog.h: the runs of watch and service files, before they are logged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-run-file.h"
#include "core/patella-store.h"
#include "core/patella-warnings.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_RUN_IMPORT_DIALOG (patella_run_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRunImportDialog, patella_run_import_dialog, PATELLA, RUN_IMPORT_DIALOG, AdwWindow)

/* @runs (PatellaRunCandidate, their "logged" marks set) is taken over.
 * "imported" is emitted with the numbers added and skipped, then the
 * dialog closes.
 *
 * Its actions, for the keyboard and for tests:
 *   import.effort (ii)          run, effort 0-10 (-1: not set)
 *   import.pain (ii)            run, pain 0-10 (-1: none)
 *   import.include (ib)         run, whether to log it
 *   import.default-effort (i)   for the runs still without one (-1: none)
 *   import.import               log them, all or none */
PatellaRunImportDialog *patella_run_import_dialog_new      (GtkWindow           *parent,
                                                            PatellaStore        *store,
                                                            GPtrArray           *runs,
                                                            PatellaDistanceUnit  unit);
guint                   patella_run_import_dialog_get_n_runs (PatellaRunImportDialog *self);
const PatellaRunCandidate *patella_run_import_dialog_get_run (PatellaRunImportDialog *self,
                                                            guint                   index);
/* The problem shown above the list, or NULL. */
const char             *patella_run_import_dialog_get_problem (PatellaRunImportDialog *self);

G_END_DECLS
