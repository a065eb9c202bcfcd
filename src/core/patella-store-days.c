/* patella-store-days.c: rest days, sets per day, the series for the rules, dismissed warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "patella-day.h"
#include "patella-series.h"
#include "patella-store-private.h"
#include "patella-warning-codes.h"

gboolean
patella_store_set_rest_day (PatellaStore       *self,
                            const char         *day,
                            PatellaRestDayKind  kind,
                            const char         *note,
                            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!patella_store_check_common (day, note, error))
    return FALSE;
  if ((guint) kind >= PATELLA_N_REST_DAY_KINDS)
    return patella_store_invalid (error, _("A day off is either a rest day or a sick day."));

  stmt = patella_store_prepare (self,
                                "INSERT INTO rest_days (day, kind, note) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, patella_rest_day_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, note ? note : "", -1, SQLITE_STATIC);

  return patella_store_step_in_transaction (self, PATELLA_TABLE_REST_DAYS, stmt, NULL, NULL, error);
}

/**
 * patella_store_get_rest_day:
 * @kind: (out): set when the day is a rest or sick day
 * @note: (out) (optional): its note
 *
 * Returns: TRUE with *@found saying whether @day is marked; FALSE on error.
 */
gboolean
patella_store_get_rest_day (PatellaStore        *self,
                            const char          *day,
                            gboolean            *found,
                            PatellaRestDayKind  *kind,
                            char               **note,
                            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (found != NULL && kind != NULL, FALSE);

  stmt = patella_store_prepare (self, "SELECT kind, note FROM rest_days WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }

  *found = rc == SQLITE_ROW;
  if (*found)
    {
      if (!patella_rest_day_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), kind))
        *kind = PATELLA_REST_DAY_REST;
      if (note != NULL)
        *note = patella_dup_column_text (stmt, 1);
    }
  return TRUE;
}

gboolean
patella_store_clear_rest_day (PatellaStore  *self,
                              const char    *day,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  stmt = patella_store_prepare (self, "DELETE FROM rest_days WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  return patella_store_step_in_transaction (self, PATELLA_TABLE_REST_DAYS, stmt, NULL, NULL, error);
}

/* One (day, exercise) of patella_store_foreach_sets(), summed over its
 * rows. The key is copied out of the row: SQLite's text lasts only until
 * the next step. */
typedef struct
{
  char     day[11];
  GString *exercise_id;
  int      sets;
} SetsGroup;

/**
 * patella_store_foreach_sets:
 * @first: the first day, inclusive
 * @last: the last day, inclusive
 * @func: called once per (day, exercise) with the sets logged, in day order
 *   and, within a day, in exercise id order
 *
 * Streams the sets logged per day and exercise over a range of days.
 * The rows come in the order of the day index, so that the sums are made
 * here as they arrive: grouping in SQL copied each row's key into memory
 * of its own, and cost nearly twice as much as reading the rows.
 */
gboolean
patella_store_foreach_sets (PatellaStore        *self,
                            const char          *first,
                            const char          *last,
                            PatellaStoreSetsFunc func,
                            gpointer             user_data,
                            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) exercise_id = g_string_new (NULL);
  SetsGroup group = { "", exercise_id, 0 };
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = patella_store_prepare (self,
                                "SELECT day, exercise_id, sets FROM exercise_log"
                                " WHERE day BETWEEN ?1 AND ?2 ORDER BY day, exercise_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *id = (const char *) sqlite3_column_text (stmt, 1);
      gboolean same_day = day != NULL && strcmp (day, group.day) == 0;

      if (same_day && g_strcmp0 (id, group.exercise_id->str) == 0)
        {
          group.sets += sqlite3_column_int (stmt, 2);
          continue;
        }
      if (group.day[0] != '\0')
        func (group.day, group.exercise_id->str, group.sets, user_data);
      if (!same_day)
        {
          /* NOT NULL in the schema: NULL only when SQLite ran out of memory. */
          if (day == NULL)
            {
              patella_sqlite_set_error (error, self->db, SQLITE_NOMEM, self->path);
              return FALSE;
            }
          if (!patella_store_check_read_day (self, day, error))
            return FALSE;
          memcpy (group.day, day, sizeof group.day);
        }
      g_string_assign (group.exercise_id, id ? id : "");
      group.sets = sqlite3_column_int (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (group.day[0] != '\0')
    func (group.day, group.exercise_id->str, group.sets, user_data);
  return TRUE;
}

/* Steps @stmt to the end, collecting its first column as strings; @days
 * when they are days, which are checked. */
GPtrArray *
patella_store_collect_strings (PatellaStore  *self,
                               sqlite3_stmt  *stmt,
                               gboolean       days,
                               GError       **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (days && !patella_store_check_read_day (self, (const char *) sqlite3_column_text (stmt, 0), error))
        return NULL;
      g_ptr_array_add (strings, patella_dup_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  return g_steal_pointer (&strings);
}

/**
 * patella_store_list_rest_days:
 *
 * Returns: (element-type utf8): the marked days in [@first, @last], in order.
 */
GPtrArray *
patella_store_list_rest_days (PatellaStore  *self,
                              const char    *first,
                              const char    *last,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self, "SELECT day FROM rest_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);

  return patella_store_collect_strings (self, stmt, TRUE, error);
}

/**
 * patella_store_get_first_day:
 * @day: (out): the first day with an exercise logged or a day marked off,
 *   or NULL when there is none
 */
static gboolean query_day (PatellaStore  *self,
                           const char    *sql,
                           char         **day,
                           GError       **error);

gboolean
patella_store_get_first_day (PatellaStore  *self,
                             char         **day,
                             GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  /* Each inner min() is one look-up in a day index, not a scan. */
  return query_day (self,
                    "SELECT min(day) FROM (SELECT min(day) AS day FROM exercise_log"
                    "                      UNION ALL SELECT min(day) FROM rest_days)",
                    day, error);
}

/* The stats of the day in the first column of @stmt's row, checked to
 * lie in @series. */
static PatellaDayStats *
series_day (PatellaStore     *self,
            PatellaSeries    *series,
            PatellaDayCursor *cursor,
            sqlite3_stmt     *stmt,
            GError          **error)
{
  const char *day = (const char *) sqlite3_column_text (stmt, 0);
  int index = patella_day_cursor_index (cursor, day);

  if (index == G_MININT)
    {
      if (patella_store_check_read_day (self, day, error))
        patella_sqlite_set_error (error, self->db, SQLITE_NOMEM, self->path);
      return NULL;
    }
  if (index < 0 || (guint) index >= series->n_days)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
                   "Day %s outside the series from %s", day, series->first);
      return NULL;
    }
  return &series->days[index];
}

/**
 * patella_store_load_series:
 * @first: the series' first day
 * @last: its last day, not before @first
 *
 * What the warnings need of each day in [@first, @last]: load, distance,
 * the longest run, the highest "during" and "morning" pain, every score, and
 * the morning and "during" scores as series of their own.
 * Two reads along the day indexes, whatever the history's length. Each
 * row is added to its day here: SQLite's aggregates (eleven a pain score)
 * cost five times the reading. The rows come in the index's order (day,
 * then as written), the order in which SQL's sum() added them, so that
 * every sum is the same to the last bit.
 */
PatellaSeries *
patella_store_load_series (PatellaStore  *self,
                           const char    *first,
                           const char    *last,
                           GError       **error)
{
  g_autoptr(PatellaSeries) series = NULL;
  g_autoptr(sqlite3_stmt) runs = NULL;
  g_autoptr(sqlite3_stmt) pain = NULL;
  g_autofree char *first_run = NULL;
  PatellaDayCursor cursor;
  int n_days, rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  /* The span often comes from the file itself (its first and last day). */
  if (!patella_day_is_valid (first) || !patella_day_is_valid (last) ||
      (n_days = patella_day_diff (first, last) + 1) <= 0)
    {
      patella_store_invalid (error, _("“%s” to “%s” is not a span of calendar days."),
                             first ? first : "", last ? last : "");
      return NULL;
    }

  series = patella_series_new (first, (guint) n_days);

  runs = patella_store_prepare (self,
                                "SELECT day, minutes, distance_km, rpe, pain"
                                " FROM runs WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
                                error);
  if (runs == NULL)
    return NULL;
  sqlite3_bind_text (runs, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (runs, 2, last, -1, SQLITE_STATIC);

  patella_day_cursor_init (&cursor, first);
  while ((rc = sqlite3_step (runs)) == SQLITE_ROW)
    {
      PatellaDayStats *d = series_day (self, series, &cursor, runs, error);
      double minutes = sqlite3_column_double (runs, 1);
      double distance = sqlite3_column_double (runs, 2);

      if (d == NULL)
        return NULL;

      d->load += minutes * sqlite3_column_int (runs, 3);
      d->distance += distance;
      d->longest = MAX (d->longest, distance);
      d->n_runs++;
      d->minutes += minutes;
      if (sqlite3_column_type (runs, 4) != SQLITE_NULL)
        {
          int score = sqlite3_column_int (runs, 4);

          d->during = MAX (d->during, score);
          d->max_score = MAX (d->max_score, score);
          d->score_sum += score;
          d->n_scores++;
          d->during_sum += score;
          d->n_during++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return NULL;
    }

  pain = patella_store_prepare (self,
                                "SELECT day, context, score"
                                " FROM pain_log WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
                                error);
  if (pain == NULL)
    return NULL;
  sqlite3_bind_text (pain, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (pain, 2, last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (pain)) == SQLITE_ROW)
    {
      PatellaDayStats *d = series_day (self, series, &cursor, pain, error);
      const char *context = (const char *) sqlite3_column_text (pain, 1);
      int score = sqlite3_column_int (pain, 2);

      if (d == NULL)
        return NULL;

      d->max_score = MAX (d->max_score, score);
      d->score_sum += score;
      d->n_scores++;
      if (g_strcmp0 (context, "during") == 0)
        {
          d->during = MAX (d->during, score);
          d->during_sum += score;
          d->n_during++;
        }
      else if (g_strcmp0 (context, "morning") == 0)
        {
          d->morning = MAX (d->morning, score);
          d->morning_sum += score;
          d->n_morning++;
        }
      else if (g_strcmp0 (context, "after") == 0)
        d->after = MAX (d->after, score);
    }
  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return NULL;
    }

  if (!patella_store_get_first_run_day (self, &first_run, error))
    return NULL;
  if (first_run != NULL)
    series->first_run = patella_day_diff (first, first_run);

  return g_steal_pointer (&series);
}

/* The one-value day queries: each is a look-up in a day index. */
static gboolean
query_day (PatellaStore  *self,
           const char    *sql,
           char         **day,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = patella_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  *day = patella_dup_column_text (stmt, 0);
  if (!patella_store_check_read_day (self, *day, error))
    {
      g_clear_pointer (day, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
patella_store_get_first_run_day (PatellaStore  *self,
                                 char         **day,
                                 GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  return query_day (self, "SELECT min(day) FROM runs", day, error);
}

/**
 * patella_store_get_logged_range:
 * @first: (out): the first day with any entry, or NULL for an empty log
 * @last: (out): the last such day
 */
gboolean
patella_store_get_logged_range (PatellaStore  *self,
                                char         **first,
                                char         **last,
                                GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  return query_day (self,
                    "SELECT min(day) FROM (SELECT min(day) AS day FROM exercise_log"
                    " UNION ALL SELECT min(day) FROM pain_log UNION ALL SELECT min(day) FROM runs"
                    " UNION ALL SELECT min(day) FROM rest_days)",
                    first, error) &&
         query_day (self,
                    "SELECT max(day) FROM (SELECT max(day) AS day FROM exercise_log"
                    " UNION ALL SELECT max(day) FROM pain_log UNION ALL SELECT max(day) FROM runs"
                    " UNION ALL SELECT max(day) FROM rest_days)",
                    last, error);
}

/* Dismissed warnings: one row per day and code. */
static gboolean
write_dismissal (PatellaStore  *self,
                 const char    *sql,
                 const char    *day,
                 const char    *code,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PatellaWarningCode known;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!patella_day_is_valid (day) || !patella_warning_code_from_string (code, &known))
    return patella_store_invalid (error, _("That is not a warning Patella knows."));

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);

  return patella_store_step_in_transaction (self, PATELLA_TABLE_DISMISSED_WARNINGS, stmt, NULL, NULL, error);
}

gboolean
patella_store_dismiss_warning (PatellaStore  *self,
                               const char    *day,
                               const char    *code,
                               GError       **error)
{
  return write_dismissal (self, "INSERT OR IGNORE INTO dismissed_warnings (day, code) VALUES (?1, ?2)",
                          day, code, error);
}

gboolean
patella_store_restore_warning (PatellaStore  *self,
                               const char    *day,
                               const char    *code,
                               GError       **error)
{
  return write_dismissal (self, "DELETE FROM dismissed_warnings WHERE day = ?1 AND code = ?2",
                          day, code, error);
}

/**
 * patella_store_list_dismissed:
 *
 * Returns: (element-type utf8): the codes dismissed on @day.
 */
GPtrArray *
patella_store_list_dismissed (PatellaStore  *self,
                              const char    *day,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self, "SELECT code FROM dismissed_warnings WHERE day = ? ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  return patella_store_collect_strings (self, stmt, FALSE, error);
}
