/* patella-history.c: the whole record, a day at a time, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ten years are some 3,650 days and 50,000 entries. The model holds the
 * days read so far, a page at a time from the newest (each page walks the
 * day indexes back from where the last one ended, so a page costs the same
 * at ten years and at fifty); a day reads its entries when a row first
 * shows it, so scrolling touches only what is on screen. A write to the
 * store re-reads the days already read and signals only the part that
 * changed, so the view keeps its place.
 */
#define G_LOG_DOMAIN "patella-history"

#include "config.h"

#include <string.h>

#include "patella-history.h"
#include "patella-day.h"
#include "patella-store-progression.h"

/* The first and the last day a record can hold. */
#define FIRST_DAY G_STRINGIFY (PATELLA_FIRST_YEAR) "-01-01"
#define LAST_DAY "9999-12-31"

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

  /* What has been read: every day from @oldest on is in @days. With
   * @complete, every day of the record (@oldest is NULL); with neither,
   * nothing has been read yet. */
  char         *oldest;
  gboolean      complete;
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
  g_clear_pointer (&self->oldest, g_free);

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
 * with the exercises, even with no set logged on it: those in [@first,
 * @last] are merged into @days, which stays the latest first, each once. */
static gboolean
add_level_change_days (PatellaHistory  *self,
                       GPtrArray      **days,
                       const char      *first,
                       const char      *last,
                       GError         **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  guint at = 0;
  guint change;

  if (!(self->kinds & (1u << PATELLA_ENTRY_EXERCISE)))
    return TRUE;
  changes = patella_store_list_level_changes (self->store, first, last, error);
  if (changes == NULL)
    return FALSE;
  if (changes->len == 0)
    return TRUE;

  /* The changes come the earliest first: merge from their end. */
  merged = g_ptr_array_new_full ((*days)->len + changes->len, g_free);
  change = changes->len;
  while (at < (*days)->len || change > 0)
    {
      const char *day = at < (*days)->len ? g_ptr_array_index (*days, at) : NULL;
      const char *changed = change > 0 ? ((PatellaLevelChange *) g_ptr_array_index (changes, change - 1))->day : NULL;
      int order = day == NULL ? -1 : changed == NULL ? 1 : strcmp (day, changed);

      if (order >= 0)
        g_ptr_array_add (merged, g_steal_pointer (&g_ptr_array_index (*days, at++)));
      else
        g_ptr_array_add (merged, g_strdup (changed));
      /* A change on a day already listed, or several on one day: once. */
      while (change > 0 &&
             g_str_equal (((PatellaLevelChange *) g_ptr_array_index (changes, change - 1))->day,
                          g_ptr_array_index (merged, merged->len - 1)))
        change--;
    }
  g_ptr_array_unref (*days);
  *days = g_steal_pointer (&merged);
  return TRUE;
}

/* The @limit latest days before @before (NULL: from the newest), level
 * changes included; a page shorter than @limit is the last one, and
 * *@complete says so. The next page starts before its last day. */
static GPtrArray *
read_page (PatellaHistory  *self,
           const char      *before,
           guint            limit,
           gboolean        *complete,
           GError         **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *last = before ? patella_day_add (before, -1) : g_strdup (LAST_DAY);
  const char *first;

  days = patella_store_list_days_page (self->store, self->kinds, NULL, before, limit, error);
  if (days == NULL)
    return NULL;
  *complete = days->len < limit;
  /* Level changes between this page's last day and @before belong here;
   * on the last page, every one before @before. */
  first = *complete ? FIRST_DAY : g_ptr_array_index (days, days->len - 1);
  if (g_strcmp0 (first, last) <= 0 && !add_level_change_days (self, &days, first, last, error))
    return NULL;
  return g_steal_pointer (&days);
}

/* The days read so far, read again: from the oldest on, or the first page
 * when nothing has been read (or nothing read is left). */
static GPtrArray *
read_again (PatellaHistory  *self,
            GError         **error)
{
  g_autoptr(GPtrArray) days = NULL;
  gboolean complete;

  if (self->oldest != NULL || self->complete)
    {
      days = patella_store_list_days_page (self->store, self->kinds, self->oldest, NULL, 0, error);
      if (days == NULL ||
          !add_level_change_days (self, &days, self->oldest ? self->oldest : FIRST_DAY,
                                  LAST_DAY, error))
        return NULL;
      if (days->len > 0 || self->complete)
        return g_steal_pointer (&days);
    }

  g_clear_pointer (&days, g_ptr_array_unref);
  days = read_page (self, NULL, PATELLA_HISTORY_PAGE_DAYS, &complete, error);
  if (days == NULL)
    return NULL;
  self->complete = complete;
  g_free (self->oldest);
  self->oldest = complete ? NULL : g_strdup (g_ptr_array_index (days, days->len - 1));
  return g_steal_pointer (&days);
}

/**
 * patella_history_reload:
 *
 * Reads the days read so far again (the first time, the newest
 * %PATELLA_HISTORY_PAGE_DAYS). Days at the same place at both ends keep
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

  days = read_again (self, error);
  if (days == NULL)
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

/**
 * patella_history_load_more:
 * @n_days: how many older days to read, at most
 *
 * Reads the next @n_days days older than those read so far (the first
 * time, the newest) and adds them at the end, one signal.
 */
gboolean
patella_history_load_more (PatellaHistory  *self,
                           guint            n_days,
                           GError         **error)
{
  g_autoptr(GPtrArray) days = NULL;
  guint old_len;
  gboolean complete;

  g_return_val_if_fail (PATELLA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (n_days > 0, FALSE);

  if (self->complete)
    return TRUE;
  days = read_page (self, self->oldest, n_days, &complete, error);
  if (days == NULL)
    return FALSE;

  old_len = self->days->len;
  for (guint i = 0; i < days->len; i++)
    g_ptr_array_add (self->days, patella_history_day_new (self->store, g_ptr_array_index (days, i), self->kinds));
  self->complete = complete;
  g_free (self->oldest);
  self->oldest = complete ? NULL : g_strdup (g_ptr_array_index (days, days->len - 1));
  if (days->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, days->len);
  return TRUE;
}

/* Whether the oldest day of the record has been read. */
gboolean
patella_history_is_complete (PatellaHistory *self)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY (self), FALSE);
  return self->complete;
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
  /* Every day object reads other kinds now: start afresh, from the first
   * page. */
  old_len = self->days->len;
  g_ptr_array_set_size (self->days, 0);
  g_clear_pointer (&self->oldest, g_free);
  self->complete = FALSE;
  if (old_len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
  return patella_history_reload (self, error);
}
