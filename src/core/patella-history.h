/* patella-history.h: the whole record, a day at a time, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* One day of the record; its entries are read the first time they are asked for. */
#define PATELLA_TYPE_HISTORY_DAY (patella_history_day_get_type ())

G_DECLARE_FINAL_TYPE (PatellaHistoryDay, patella_history_day, PATELLA, HISTORY_DAY, GObject)

const char *patella_history_day_get_day     (PatellaHistoryDay *self);
/* (element-type PatellaEntry): the day's entries, NULL on a read error */
GPtrArray  *patella_history_day_get_entries (PatellaHistoryDay *self,
                                             GError           **error);

/* The days with an entry of the chosen kinds, the latest first: read a
 * page at a time, from the newest; patella_history_load_more() reads
 * further back. */
#define PATELLA_TYPE_HISTORY (patella_history_get_type ())

G_DECLARE_FINAL_TYPE (PatellaHistory, patella_history, PATELLA, HISTORY, GObject)

/* The days the first reload reads: a few screens. */
#define PATELLA_HISTORY_PAGE_DAYS 32

PatellaHistory *patella_history_new       (PatellaStore    *store);
gboolean        patella_history_reload    (PatellaHistory  *self,
                                           GError         **error);
gboolean        patella_history_load_more (PatellaHistory  *self,
                                           guint            n_days,
                                           GError         **error);
gboolean        patella_history_is_complete (PatellaHistory *self);
guint           patella_history_get_kinds (PatellaHistory  *self);
gboolean        patella_history_set_kinds (PatellaHistory  *self,
                                           guint            kinds,
                                           GError         **error);
PatellaStore   *patella_history_get_store (PatellaHistory  *self);

G_END_DECLS
