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

/* The routine for one day: a GListModel of PatellaRoutineItem, in order. */
#define PATELLA_TYPE_DAY_PLAN (patella_day_plan_get_type ())

G_DECLARE_FINAL_TYPE (PatellaDayPlan, patella_day_plan, PATELLA, DAY_PLAN, GObject)

PatellaDayPlan *patella_day_plan_new            (PatellaStore   *store,
                                                 const char     *today);
gboolean        patella_day_plan_reload         (PatellaDayPlan *self,
                                                 GError        **error);
PatellaStore   *patella_day_plan_get_store      (PatellaDayPlan *self);
const char     *patella_day_plan_get_day        (PatellaDayPlan *self);
gboolean        patella_day_plan_set_day        (PatellaDayPlan *self,
                                                 const char     *day,
                                                 GError        **error);
const char     *patella_day_plan_get_today      (PatellaDayPlan *self);
void            patella_day_plan_set_today      (PatellaDayPlan *self,
                                                 const char     *today);
gboolean        patella_day_plan_get_is_today   (PatellaDayPlan *self);
guint           patella_day_plan_get_n_complete (PatellaDayPlan *self);
double          patella_day_plan_get_fraction   (PatellaDayPlan *self);
gboolean        patella_day_plan_get_complete   (PatellaDayPlan *self);
/* -1 when the day is not marked off */
int             patella_day_plan_get_rest_kind  (PatellaDayPlan *self);
const char     *patella_day_plan_get_rest_note  (PatellaDayPlan *self);
const PatellaAdherence *patella_day_plan_get_adherence (PatellaDayPlan *self);

PatellaRoutineItem *patella_day_plan_find       (PatellaDayPlan *self,
                                                 const char     *exercise_id);
/* Logs one set of the exercise on the plan's day; returns the entry for
 * patella_day_plan_undo(). The future cannot be logged. */
gint64          patella_day_plan_log_set        (PatellaDayPlan *self,
                                                 const char     *exercise_id,
                                                 GError        **error);
/* The same, with the pain felt during the set (0-10; -1: none given). */
gint64          patella_day_plan_log_set_with_pain (PatellaDayPlan *self,
                                                    const char     *exercise_id,
                                                    int             pain,
                                                    GError        **error);
gboolean        patella_day_plan_undo           (PatellaDayPlan *self,
                                                 gint64          entry_id,
                                                 GError        **error);
gboolean        patella_day_plan_set_rest_day   (PatellaDayPlan     *self,
                                                 PatellaRestDayKind  kind,
                                                 const char         *note,
                                                 GError            **error);
gboolean        patella_day_plan_clear_rest_day (PatellaDayPlan *self,
                                                 GError        **error);

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
