/* patella-routine.h: the day's routine and its progress, as list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-adherence.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* One exercise of the routine on one day: what to do and how much is done. */
#define PATELLA_TYPE_ROUTINE_ITEM (patella_routine_item_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRoutineItem, patella_routine_item, PATELLA, ROUTINE_ITEM, GObject)

const PatellaExercise *patella_routine_item_get_exercise  (PatellaRoutineItem *self);
const char            *patella_routine_item_get_id        (PatellaRoutineItem *self);
const char            *patella_routine_item_get_name      (PatellaRoutineItem *self);
const char            *patella_routine_item_get_dose      (PatellaRoutineItem *self);
const char            *patella_routine_item_get_cues      (PatellaRoutineItem *self);
int                    patella_routine_item_get_done_sets (PatellaRoutineItem *self);
int                    patella_routine_item_get_target_sets (PatellaRoutineItem *self);
gboolean               patella_routine_item_get_complete  (PatellaRoutineItem *self);
gboolean               patella_routine_item_has_timer     (PatellaRoutineItem *self);

/* Adherence as of @today, read from the store (no GTK, no plan needed). */
gboolean        patella_routine_compute_adherence (PatellaStore     *store,
                                                   const char       *today,
                                                   PatellaAdherence *out,
                                                   GError          **error);

PatellaDayMark *patella_routine_load_marks        (PatellaStore     *store,
                                                   const char       *first,
                                                   const char       *last,
                                                   guint            *n_days,
                                                   GError          **error);
PatellaDayMark *patella_routine_load_marks_full   (PatellaStore         *store,
                                                   const char           *first,
                                                   const char           *last,
                                                   guint                *n_days,
                                                   PatellaStoreSetsFunc  each_set,
                                                   gpointer              each_set_data,
                                                   GError              **error);

G_END_DECLS
