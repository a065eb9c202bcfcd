/* patella-day-plan.h: the routine for one day, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-routine.h"

G_BEGIN_DECLS

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

G_END_DECLS
