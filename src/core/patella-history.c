/* patella-history.c: the whole record, a day at a time, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ten years are some 3,650 days and 50,000 entries. The model holds only
 * the list of days (one query over the day indexes); a day reads its
 * entries when a row first shows it, so scrolling touches only what is on
 * screen. A write to the store re-reads the day list and signals only the
 * part that changed, so the view keeps its place.
 */
#define G_LOG_DOMAIN "patella-history"

#include "config.h"

#include "patella-history.h"
#include "patella-store-progression.h"

struct _PatellaHistoryDay
{
  GObject       parent_instance;

  PatellaStore *store;    /* borrowed from the history, which outlives rows */
  char         *day;
  guint         kinds;
  GPtrArray    *entries;  /* NULL until asked for */
};

G_DEFINE_FINAL_TYPE (PatellaHistoryDay, patella_history_day, G_TYPE_OBJECT)

static void
patella_history_day_finalize (GObject *object)
{
  PatellaHistoryDay *self = (PatellaHistoryDay *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_history_day_parent_class)->finalize (object);
}

static void
patella_history_day_class_init (PatellaHistoryDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_history_day_finalize;
}

static void
patella_history_day_init (PatellaHistoryDay *self)
{
}

static PatellaHistoryDay *
patella_history_day_new (PatellaStore *store,
                         const char   *day,
                         guint         kinds)
{
  PatellaHistoryDay *self = g_object_new (PATELLA_TYPE_HISTORY_DAY, NULL);

  self->store = g_object_ref (store);
  self->day = g_strdup (day);
  self->kinds = kinds;
  return self;
}

const char *
patella_history_day_get_day (PatellaHistoryDay *self)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY_DAY (self), NULL);
  return self->day;
}

GPtrArray *
patella_history_day_get_entries (PatellaHistoryDay  *self,
                                 GError            **error)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY_DAY (self), NULL);

  if (self->entries == NULL)
    self->entries = patella_store_list_entries (self->store, self->day, self->kinds, error);
  return self->entries;
}

struct _PatellaHistory
{
  GObject       parent_instance;

  PatellaStore *store;
  GPtrArray    *days;     /* PatellaHistoryDay, the latest first */
  guint         kinds;
};

static void patella_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PatellaHistory, patella_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      patella_history_list_model_init))

static GType
patella_history_get_item_type (GListModel *model)
{
  return PATELLA_TYPE_HISTORY_DAY;
}

static guint
patella_history_get_n_items (GListModel *model)
{
  return PATELLA_HISTORY (model)->days->len;
}

static gpointer
patella_history_get_item (GListModel *model,
                          guint       position)
{
  PatellaHistory *self = PATELLA_HISTORY (model);

  if (position >= self->days->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->days, position));
}

static void
patella_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = patella_history_get_item_type;
  iface->get_n_items = patella_history_get_n_items;
  iface->get_item = patella_history_get_item;
}

static void
store_changed (PatellaStore   *store,
               int             table,
               PatellaHistory *self)
{
  g_autoptr(GError) error = NULL;

  if (table == PATELLA_TABLE_DISMISSED_WARNINGS)
    return;

  if (!patella_history_reload (self, &error))
    g_warning ("The history could not be read again: %s", error->message);
}

static void
patella_history_finalize (GObject *object)
{
  PatellaHistory *self = (PatellaHistory *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->days, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_history_parent_class)->finalize (object);
}

static void
patella_history_class_init (PatellaHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_history_finalize;
}

static void
patella_history_init (PatellaHistory *self)
{
  self->days = g_ptr_array_new_with_free_func (g_object_unref);
  self->kinds = PATELLA_ENTRY_ALL;
}

/* Empty until patella_history_reload(): nothing is read at construction. */
PatellaHistory *
patella_history_new (PatellaStore *store)
{
  PatellaHistory *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  self = g_object_new (PATELLA_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self, 0);
  return self;
}

PatellaStore *
patella_history_get_store (PatellaHistory *self)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY (self), NULL);
  return self->store;
}

/* A day on which an exercise changed its level is a day of the record
 * with the exercises, even with no set logged on it. @days stays the
 * latest first, each once. */
static gboolean
add_level_change_days (PatellaHistory  *self,
                       GPtrArray       *days,
                       GError         **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  if (!(self->kinds & (1u << PATELLA_ENTRY_EXERCISE)))
    return TRUE;
  changes = patella_store_list_level_changes (self->store, "1900-01-01", "9999-12-31", error);
  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      const char *day = ((PatellaLevelChange *) g_ptr_array_index (changes, i))->day;
      guint at = 0;

      while (at < days->len && g_strcmp0 (g_ptr_array_index (days, at), day) > 0)
        at++;
      if (at == days->len || !g_str_equal (g_ptr_array_index (days, at), day))
        g_ptr_array_insert (days, (int) at, g_strdup (day));
    }
  return TRUE;
}

/**
 * patella_history_reload:
 *
 * Reads the list of days again. Days at the same place at both ends keep
 * their objects (their entries are read again when next shown); only the
 * stretch in between is replaced and signalled.
 */
gboolean
patella_history_reload (PatellaHistory  *self,
                        GError         **error)
{
  g_autoptr(GPtrArray) days = NULL;
  guint old_len, new_len, head = 0, tail = 0;

  g_return_val_if_fail (PATELLA_IS_HISTORY (self), FALSE);

  days = patella_store_list_days (self->store, self->kinds, error);
  if (days == NULL || !add_level_change_days (self, days, error))
    return FALSE;

  old_len = self->days->len;
  new_len = days->len;

  while (head < old_len && head < new_len &&
         g_str_equal (((PatellaHistoryDay *) g_ptr_array_index (self->days, head))->day,
                      g_ptr_array_index (days, head)))
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         g_str_equal (((PatellaHistoryDay *) g_ptr_array_index (self->days, old_len - 1 - tail))->day,
                      g_ptr_array_index (days, new_len - 1 - tail)))
    tail++;

  /* Kept days may have changed too: they read their entries again. */
  for (guint i = 0; i < old_len; i++)
    g_clear_pointer (&((PatellaHistoryDay *) g_ptr_array_index (self->days, i))->entries,
                     g_ptr_array_unref);

  g_ptr_array_remove_range (self->days, head, old_len - head - tail);
  for (guint i = head; i < new_len - tail; i++)
    g_ptr_array_insert (self->days, (int) i,
                        patella_history_day_new (self->store, g_ptr_array_index (days, i), self->kinds));

  if (old_len - head - tail > 0 || new_len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_len - head - tail, new_len - head - tail);

  /* Rows that stay must show their new entries. */
  if (head > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, head, head);
  if (tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), new_len - tail, tail, tail);

  return TRUE;
}

guint
patella_history_get_kinds (PatellaHistory *self)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY (self), 0);
  return self->kinds;
}

/* Filters by kind: a mask of 1 << PatellaEntryKind. */
gboolean
patella_history_set_kinds (PatellaHistory  *self,
                           guint            kinds,
                           GError         **error)
{
  guint old_len;

  g_return_val_if_fail (PATELLA_IS_HISTORY (self), FALSE);

  if (kinds == self->kinds)
    return TRUE;

  self->kinds = kinds;
  /* Every day object reads other kinds now: start afresh. */
  old_len = self->days->len;
  g_ptr_array_set_size (self->days, 0);
  if (old_len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
  return patella_history_reload (self, error);
}
