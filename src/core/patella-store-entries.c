/* patella-store-entries.c: the logged entries: exercise sets, pain scores, runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-store-private.h"

/* The log tables and their columns, in the order patella_store_bind_entry() binds them. */
static const struct {
  PatellaTable  table;
  const char   *columns;
  int           n_columns;
} entry_tables[] = {
  [PATELLA_ENTRY_EXERCISE] = { PATELLA_TABLE_EXERCISE_LOG, "day, instant, exercise_id, sets, reps, pain, note", 7 },
  [PATELLA_ENTRY_PAIN] = { PATELLA_TABLE_PAIN_LOG, "day, instant, score, context, note", 5 },
  [PATELLA_ENTRY_RUN] = { PATELLA_TABLE_RUNS, "day, instant, minutes, distance_km, rpe, pain, note", 7 },
};

void
patella_store_bind_entry (sqlite3_stmt       *stmt,
                          const PatellaEntry *entry)
{
  int last = entry_tables[entry->kind].n_columns;

  sqlite3_bind_text (stmt, 1, entry->day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry->instant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, last, entry->note ? entry->note : "", -1, SQLITE_STATIC);

  switch (entry->kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      sqlite3_bind_text (stmt, 3, entry->exercise_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, entry->sets);
      patella_bind_optional_int (stmt, 5, entry->reps, 0);
      patella_bind_optional_int (stmt, 6, entry->pain, -1);
      break;
    case PATELLA_ENTRY_PAIN:
      sqlite3_bind_int (stmt, 3, entry->score);
      sqlite3_bind_text (stmt, 4, patella_pain_context_to_string (entry->context), -1, SQLITE_STATIC);
      break;
    case PATELLA_ENTRY_RUN:
      sqlite3_bind_double (stmt, 3, entry->minutes);
      sqlite3_bind_double (stmt, 4, entry->distance_km);
      sqlite3_bind_int (stmt, 5, entry->rpe);
      patella_bind_optional_int (stmt, 6, entry->pain, -1);
      break;
    case PATELLA_ENTRY_REST_DAY:
    default:
      g_assert_not_reached ();
    }
}

/* For an import: the INSERT of an entry of @kind, to be bound by
 * patella_store_bind_entry(). */
char *
patella_store_entry_insert_sql (PatellaEntryKind kind)
{
  int n = entry_tables[kind].n_columns;
  g_autoptr(GString) values = g_string_new (NULL);

  for (int k = 1; k <= n; k++)
    g_string_append_printf (values, "%s?%d", k > 1 ? ", " : "", k);
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                          patella_table_get_name (entry_tables[kind].table),
                          entry_tables[kind].columns, values->str);
}

/* Everything a log entry's own values must be, in plain words: checked
 * before it is written, and when it is read back from the file. */
static gboolean
check_entry_values (const PatellaEntry  *entry,
                    GError             **error)
{
  if (!patella_store_check_common (entry->day, entry->note, error))
    return FALSE;

  if (entry->instant != NULL)
    {
      g_autoptr(GDateTime) parsed = patella_instant_parse (entry->instant);

      if (parsed == NULL)
        return patella_store_invalid (error, _("“%s” is not a time Patella can store."), entry->instant);
    }

  switch (entry->kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      if (entry->sets < 1 || entry->sets > PATELLA_SETS_MAX)
        return patella_store_invalid (error, _("Sets run from 1 to %d; %d is outside that."), PATELLA_SETS_MAX, entry->sets);
      if (entry->reps < 0 || entry->reps > PATELLA_REPS_MAX)
        return patella_store_invalid (error, _("Reps run from 1 to %d; %d is outside that."), PATELLA_REPS_MAX, entry->reps);
      if (entry->pain != -1 && !patella_store_on_scale (entry->pain))
        return patella_store_invalid (error, _("The pain during the exercise runs from 0 to 10; %d is outside that."),
                                      entry->pain);
      return TRUE;

    case PATELLA_ENTRY_PAIN:
      if (!patella_store_on_scale (entry->score))
        return patella_store_invalid (error, _("The pain score runs from 0 to 10; %d is outside that."), entry->score);
      if ((guint) entry->context >= PATELLA_N_PAIN_CONTEXTS)
        return patella_store_invalid (error, _("That is not a known moment for a pain score."));
      return TRUE;

    case PATELLA_ENTRY_RUN:
      if (!patella_store_on_scale (entry->rpe))
        return patella_store_invalid (error, _("The effort (RPE) runs from 0 to 10; %d is outside that."), entry->rpe);
      if (entry->pain != -1 && !patella_store_on_scale (entry->pain))
        return patella_store_invalid (error, _("The pain during the run runs from 0 to 10; %d is outside that."),
                                      entry->pain);
      /* Written so that NaN fails too. */
      if (!(entry->minutes > 0 && entry->minutes <= PATELLA_RUN_MINUTES_MAX))
        return patella_store_invalid (error, _("A run lasts more than 0 and at most 1440 minutes (a day)."));
      if (!(entry->distance_km >= 0 && entry->distance_km <= PATELLA_RUN_KM_MAX))
        return patella_store_invalid (error, _("A run’s distance is from 0 to 1000 km."));
      return TRUE;

    case PATELLA_ENTRY_REST_DAY:
    default:
      return patella_store_invalid (error, _("A rest day is marked, not logged."));
    }
}

/* Everything a log entry must be before it may be written, in plain words. */
static gboolean
check_entry (PatellaStore        *self,
             const PatellaEntry  *entry,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_entry_values (entry, error))
    return FALSE;
  if (entry->kind != PATELLA_ENTRY_EXERCISE)
    return TRUE;

  stmt = patella_store_prepare (self, "SELECT 1 FROM exercises WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->exercise_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("There is no exercise “%s” in the routine."),
                   entry->exercise_id ? entry->exercise_id : "");
      return FALSE;
    }
  return TRUE;
}

typedef enum
{
  WRITE_NEW,      /* a new row, with a new id */
  WRITE_RESTORE,  /* the same row again, with its id: what Undo of a delete does */
  WRITE_UPDATE,   /* new values for the row with this id */
} WriteMode;

static gint64
write_entry (PatellaStore        *self,
             const PatellaEntry  *entry,
             WriteMode            mode,
             GError             **error)
{
  g_autoptr(PatellaEntry) stamped = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  int n;
  gint64 id = entry->id;

  if (!check_entry (self, entry, error))
    return 0;

  if (mode != WRITE_NEW && id <= 0)
    return patella_store_invalid (error, _("That entry is not in the log."));

  stamped = patella_entry_copy (entry);
  if (stamped->instant == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      stamped->instant = patella_instant_format (now);
    }

  n = entry_tables[entry->kind].n_columns;
  if (mode == WRITE_UPDATE)
    g_string_printf (sql, "UPDATE %s SET (%s) = (", patella_table_get_name (entry_tables[entry->kind].table),
                     entry_tables[entry->kind].columns);
  else
    g_string_printf (sql, "INSERT INTO %s (%s%s) VALUES (", patella_table_get_name (entry_tables[entry->kind].table),
                     entry_tables[entry->kind].columns, mode == WRITE_RESTORE ? ", id" : "");
  for (int i = 1; i <= n; i++)
    g_string_append_printf (sql, "%s?%d", i > 1 ? ", " : "", i);
  if (mode == WRITE_UPDATE)
    g_string_append_printf (sql, ") WHERE id = ?%d", n + 1);
  else if (mode == WRITE_RESTORE)
    g_string_append_printf (sql, ", ?%d)", n + 1);
  else
    g_string_append (sql, ")");

  stmt = patella_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return 0;
  patella_store_bind_entry (stmt, stamped);
  if (mode != WRITE_NEW)
    sqlite3_bind_int64 (stmt, n + 1, id);

  if (!patella_store_step_in_transaction (self, entry_tables[entry->kind].table, stmt,
                                          mode == WRITE_UPDATE ? _("That entry is no longer in the log.") : NULL,
                                          mode == WRITE_NEW ? &id : NULL, error))
    return 0;
  return id;
}

/**
 * patella_store_add_entry:
 * @entry: a new exercise, pain or run entry; a NULL instant means now
 *
 * Returns: the new entry's id, or 0 with @error set.
 */
gint64
patella_store_add_entry (PatellaStore        *self,
                         const PatellaEntry  *entry,
                         GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  return write_entry (self, entry, WRITE_NEW, error);
}

/* Saves new values for the entry with @entry->id. */
gboolean
patella_store_update_entry (PatellaStore        *self,
                            const PatellaEntry  *entry,
                            GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->kind == PATELLA_ENTRY_REST_DAY)
    return patella_store_set_rest_day (self, entry->day, entry->rest_kind, entry->note, error);
  return write_entry (self, entry, WRITE_UPDATE, error) != 0;
}

/**
 * patella_store_remove_entry:
 *
 * Deletes an entry of any kind; patella_store_restore_entry() with the
 * same entry puts it back, id and time included.
 */
gboolean
patella_store_remove_entry (PatellaStore        *self,
                            const PatellaEntry  *entry,
                            GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->kind == PATELLA_ENTRY_REST_DAY)
    return patella_store_clear_rest_day (self, entry->day, error);
  return patella_store_delete_entry (self, entry_tables[entry->kind].table, entry->id, error);
}

gboolean
patella_store_restore_entry (PatellaStore        *self,
                             const PatellaEntry  *entry,
                             GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->kind == PATELLA_ENTRY_REST_DAY)
    return patella_store_set_rest_day (self, entry->day, entry->rest_kind, entry->note, error);
  return write_entry (self, entry, WRITE_RESTORE, error) != 0;
}

static void
entry_set_instant (PatellaEntry *entry,
                   GDateTime    *instant)
{
  entry->instant = instant ? patella_instant_format (instant) : NULL;
}

gint64
patella_store_log_exercise (PatellaStore  *self,
                            const char    *day,
                            GDateTime     *instant,
                            const char    *exercise_id,
                            int            sets,
                            int            reps,
                            const char    *note,
                            GError       **error)
{
  g_autoptr(PatellaEntry) entry = patella_entry_new (PATELLA_ENTRY_EXERCISE);

  entry->day = g_strdup (day);
  entry_set_instant (entry, instant);
  entry->exercise_id = g_strdup (exercise_id);
  entry->sets = sets;
  entry->reps = reps;
  entry->note = g_strdup (note);
  return patella_store_add_entry (self, entry, error);
}

gint64
patella_store_log_pain (PatellaStore       *self,
                        const char         *day,
                        GDateTime          *instant,
                        int                 score,
                        PatellaPainContext  context,
                        const char         *note,
                        GError            **error)
{
  g_autoptr(PatellaEntry) entry = patella_entry_new (PATELLA_ENTRY_PAIN);

  entry->day = g_strdup (day);
  entry_set_instant (entry, instant);
  entry->score = score;
  entry->context = context;
  entry->note = g_strdup (note);
  return patella_store_add_entry (self, entry, error);
}

gint64
patella_store_log_run (PatellaStore  *self,
                       const char    *day,
                       GDateTime     *instant,
                       double         minutes,
                       double         distance_km,
                       int            rpe,
                       int            pain,
                       const char    *note,
                       GError       **error)
{
  g_autoptr(PatellaEntry) entry = patella_entry_new (PATELLA_ENTRY_RUN);

  entry->day = g_strdup (day);
  entry_set_instant (entry, instant);
  entry->minutes = minutes;
  entry->distance_km = distance_km;
  entry->rpe = rpe;
  entry->pain = pain;
  entry->note = g_strdup (note);
  return patella_store_add_entry (self, entry, error);
}

/**
 * patella_store_delete_entry:
 * @table: one of the log tables (not exercises, not rest days)
 * @id: the row id a log function returned
 *
 * Deletes one logged entry; what Undo calls.
 */
gboolean
patella_store_delete_entry (PatellaStore  *self,
                            PatellaTable   table,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table == PATELLA_TABLE_EXERCISE_LOG ||
                        table == PATELLA_TABLE_PAIN_LOG ||
                        table == PATELLA_TABLE_RUNS, FALSE);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", patella_table_get_name (table));
  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return patella_store_step_in_transaction (self, table, stmt, _("That entry is no longer in the log."), NULL, error);
}

/* Reads the row @stmt stands on, whose columns are id, then the kind's own
 * columns in entry_tables order. */
static PatellaEntry *
read_entry_unchecked (sqlite3_stmt     *stmt,
                      PatellaEntryKind  kind)
{
  PatellaEntry *entry = patella_entry_new (kind);
  int last = entry_tables[kind].n_columns;

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->day = patella_dup_column_text (stmt, 1);
  entry->instant = patella_dup_column_text (stmt, 2);
  entry->note = patella_dup_column_text (stmt, last);

  switch (kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      entry->exercise_id = patella_dup_column_text (stmt, 3);
      entry->sets = sqlite3_column_int (stmt, 4);
      entry->reps = sqlite3_column_int (stmt, 5);
      entry->pain = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
      break;
    case PATELLA_ENTRY_PAIN:
      entry->score = sqlite3_column_int (stmt, 3);
      if (!patella_pain_context_from_string ((const char *) sqlite3_column_text (stmt, 4), &entry->context))
        entry->context = PATELLA_PAIN_OTHER;
      break;
    case PATELLA_ENTRY_RUN:
      entry->minutes = sqlite3_column_double (stmt, 3);
      entry->distance_km = sqlite3_column_double (stmt, 4);
      entry->rpe = sqlite3_column_int (stmt, 5);
      entry->pain = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
      break;
    case PATELLA_ENTRY_REST_DAY:
    default:
      g_assert_not_reached ();
    }
  return entry;
}

/* Reads the row and checks it as a write would be checked, so that a row
 * this version would never have written (a file edited outside Patella)
 * is an error in plain words rather than a crash further on. Its text is
 * not checked: an older version kept control characters, which are shown
 * escaped. */
static PatellaEntry *
read_entry (PatellaStore      *self,
            sqlite3_stmt      *stmt,
            PatellaEntryKind   kind,
            GError           **error)
{
  g_autoptr(PatellaEntry) entry = read_entry_unchecked (stmt, kind);
  g_autoptr(GError) problem = NULL;
  char *note = g_steal_pointer (&entry->note);
  gboolean valid;

  if (!patella_store_check_read_day (self, entry->day, error))
    {
      entry->note = note;
      return NULL;
    }
  valid = check_entry_values (entry, &problem);
  entry->note = note;
  /* check_entry_values() checks an instant that is there. */
  if (valid && entry->instant == NULL)
    valid = patella_store_invalid (&problem, _("“%s” is not a time Patella can store."), "");
  if (!valid)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
                   _("“%s” holds an entry on %s that Patella would not have written: %s "
                     "Restore the file from a backup."),
                   self->path, entry->day, problem->message);
      return NULL;
    }
  return g_steal_pointer (&entry);
}

/* Appends the entries of @kind on @day (or the one with @id) to @entries. */
static gboolean
select_entries (PatellaStore      *self,
                PatellaEntryKind   kind,
                const char        *day,
                gint64             id,
                GPtrArray         *entries,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  if (kind == PATELLA_ENTRY_REST_DAY)
    {
      PatellaRestDayKind rest_kind;
      g_autofree char *note = NULL;
      gboolean found;

      if (!patella_store_get_rest_day (self, day, &found, &rest_kind, &note, error))
        return FALSE;
      if (found)
        {
          PatellaEntry *entry = patella_entry_new (PATELLA_ENTRY_REST_DAY);

          entry->day = g_strdup (day);
          entry->rest_kind = rest_kind;
          entry->note = g_steal_pointer (&note);
          g_ptr_array_add (entries, entry);
        }
      return TRUE;
    }

  sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s ORDER BY instant DESC, id DESC",
                         entry_tables[kind].columns, patella_table_get_name (entry_tables[kind].table),
                         day != NULL ? "day = ?1" : "id = ?2");
  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatellaEntry *entry = read_entry (self, stmt, kind, error);

      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const PatellaEntry *x = *(const PatellaEntry * const *) a;
  const PatellaEntry *y = *(const PatellaEntry * const *) b;

  /* A rest day heads its day; then the latest entry first. */
  if ((x->instant == NULL) != (y->instant == NULL))
    return x->instant == NULL ? -1 : 1;
  return -g_strcmp0 (x->instant, y->instant);
}

/**
 * patella_store_list_entries:
 * @kinds: a mask of 1 << PatellaEntryKind, or PATELLA_ENTRY_ALL
 *
 * Returns: (element-type PatellaEntry): the entries of @day, a rest or sick
 *   day first, then the latest first.
 */
GPtrArray *
patella_store_list_entries (PatellaStore  *self,
                            const char    *day,
                            guint          kinds,
                            GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  for (PatellaEntryKind kind = 0; kind < PATELLA_N_ENTRY_KINDS; kind++)
    if ((kinds & (1u << kind)) && !select_entries (self, kind, day, 0, entries, error))
      return NULL;

  g_ptr_array_sort (entries, compare_newest_first);
  return g_steal_pointer (&entries);
}

PatellaEntry *
patella_store_get_entry (PatellaStore      *self,
                         PatellaEntryKind   kind,
                         gint64             id,
                         GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != PATELLA_ENTRY_REST_DAY, NULL);

  if (!select_entries (self, kind, NULL, id, entries, error))
    return NULL;
  if (entries->len == 0)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("That entry is no longer in the log."));
      return NULL;
    }
  return g_ptr_array_steal_index (entries, 0);
}

/**
 * patella_store_list_days:
 * @kinds: a mask of 1 << PatellaEntryKind
 *
 * Returns: (element-type utf8): every day with an entry of those kinds,
 *   each once, the latest first.
 */
GPtrArray *
patella_store_list_days (PatellaStore  *self,
                         guint          kinds,
                         GError       **error)
{
  return patella_store_list_days_page (self, kinds, NULL, NULL, 0, error);
}

/**
 * patella_store_list_days_page:
 * @kinds: a mask of 1 << PatellaEntryKind
 * @from: (nullable): the earliest day to list, or NULL for the beginning
 * @before: (nullable): list only days before this one, or NULL for the end
 * @limit: at most this many days, the latest; 0 for all
 *
 * A page of the record's days: the @limit latest days in [@from, @before)
 * with an entry of those kinds, each once, the latest first. The next page
 * is the one before the last day returned; a page shorter than @limit is
 * the last.
 *
 * Each table's day index is walked backwards from @before and the walks
 * are merged (SQLite's MERGE (UNION): no sort, no temporary table), so a
 * page costs the same however long the history is.
 *
 * Returns: (element-type utf8): the days, or NULL on a read error
 */
GPtrArray *
patella_store_list_days_page (PatellaStore  *self,
                              guint          kinds,
                              const char    *from,
                              const char    *before,
                              guint          limit,
                              GError       **error)
{
  static const char *const day_tables[PATELLA_N_ENTRY_KINDS] = {
    "exercise_log", "pain_log", "runs", "rest_days",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (from == NULL || patella_day_is_valid (from), NULL);
  g_return_val_if_fail (before == NULL || patella_day_is_valid (before), NULL);

  /* One kind alone has no UNION to merge a day's entries: DISTINCT does. */
  for (guint kind = 0; kind < PATELLA_N_ENTRY_KINDS; kind++)
    if (kinds & (1u << kind))
      g_string_append_printf (sql, "%sSELECT DISTINCT day FROM %s WHERE day >= ?1 AND day < ?2",
                              sql->len ? " UNION " : "", day_tables[kind]);
  if (sql->len == 0)
    return g_ptr_array_new_with_free_func (g_free);
  g_string_append (sql, " ORDER BY day DESC LIMIT ?3");

  stmt = patella_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from ? from : "0000-00-00", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, before ? before : "9999-99-99", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (sqlite3_int64) limit : -1);
  return patella_store_collect_strings (self, stmt, TRUE, error);
}

/**
 * patella_store_foreach_entry:
 * @first: (nullable): the first day, or NULL for the beginning
 * @last: (nullable): the last day, or NULL for the end
 *
 * Calls @func for every entry of the chosen kinds in [@first, @last], table
 * by table; the entry is the caller's only during the call.
 */
gboolean
patella_store_foreach_entry (PatellaStore          *self,
                             const char            *first,
                             const char            *last,
                             guint                  kinds,
                             PatellaStoreEntryFunc  func,
                             gpointer               user_data,
                             GError               **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  for (PatellaEntryKind kind = 0; kind < PATELLA_N_ENTRY_KINDS; kind++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = NULL;
      int rc;

      if (!(kinds & (1u << kind)))
        continue;

      if (kind == PATELLA_ENTRY_REST_DAY)
        sql = g_strdup ("SELECT day, kind, note FROM rest_days WHERE day BETWEEN ?1 AND ?2");
      else
        sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE day BETWEEN ?1 AND ?2",
                               entry_tables[kind].columns, patella_table_get_name (entry_tables[kind].table));
      stmt = patella_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, first ? first : "0000-00-00", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, last ? last : "9999-99-99", -1, SQLITE_STATIC);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(PatellaEntry) entry = NULL;

          if (kind == PATELLA_ENTRY_REST_DAY)
            {
              entry = patella_entry_new (PATELLA_ENTRY_REST_DAY);
              entry->day = patella_dup_column_text (stmt, 0);
              if (!patella_rest_day_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &entry->rest_kind))
                entry->rest_kind = PATELLA_REST_DAY_REST;
              entry->note = patella_dup_column_text (stmt, 2);
            }
          else if ((entry = read_entry (self, stmt, kind, error)) == NULL)
            return FALSE;
          if (!patella_store_check_read_day (self, entry->day, error))
            return FALSE;
          func (entry, user_data);
        }
      if (rc != SQLITE_DONE)
        {
          patella_sqlite_set_error (error, self->db, rc, self->path);
          return FALSE;
        }
    }
  return TRUE;
}
