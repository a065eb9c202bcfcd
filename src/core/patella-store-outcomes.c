/* patella-store-outcomes.c: check-ins, self-tests, goals and visits in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables of schema 4: `outcomes` (day, item, value), `self_tests`,
 * `goals`, `visits` and `visit_questions`. Each write is one transaction;
 * values are checked here in plain words before the CHECK constraints see
 * them.
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-store-outcomes.h"
#include "patella-store-private.h"

void
patella_checkin_answers_free (PatellaCheckinAnswers *answers)
{
  if (answers == NULL)
    return;
  g_free (answers->day);
  g_free (answers);
}

void
patella_visit_free (PatellaVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->day);
  g_free (visit->name);
  g_free (visit);
}

void
patella_question_free (PatellaQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->day);
  g_free (question->text);
  g_free (question);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
step (PatellaStore  *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* One statement in its own transaction. NOT_FOUND with @gone when given and
 * no row changed; @rowid, when given, gets the row an INSERT added. */
static gboolean
write_one (PatellaStore  *self,
           sqlite3_stmt  *stmt,
           const char    *gone,
           gint64        *rowid,
           GError       **error)
{
  if (!patella_store_begin (self, error))
    return FALSE;
  if (!step (self, stmt, error))
    goto fail;
  if (gone != NULL && sqlite3_changes (patella_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND, gone);
      goto fail;
    }
  if (rowid != NULL)
    *rowid = sqlite3_last_insert_rowid (patella_store_get_db (self));
  return patella_store_commit_and_announce (self, (PatellaTable) PATELLA_STORE_CHANGED_OUTCOMES, error);

fail:
  patella_store_rollback (self);
  return FALSE;
}

/* A write to the row with @id (and ?2 = @value, when the SQL has it). */
static gboolean
write_by_id (PatellaStore  *self,
             const char    *sql,
             gint64         id,
             int            value,
             const char    *gone,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, value);
  return write_one (self, stmt, gone, NULL, error);
}

static gboolean
check_day (const char  *day,
           GError     **error)
{
  if (!patella_day_is_valid (day))
    return invalid (error, _("That is not a day in the form YYYY-MM-DD."));
  return TRUE;
}

/* A write to the rows of @day (and ?2 = @text, when the SQL has it). */
static gboolean
write_by_day (PatellaStore  *self,
              const char    *sql,
              const char    *day,
              const char    *text,
              const char    *gone,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!check_day (day, error))
    return FALSE;
  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return write_one (self, stmt, gone, NULL, error);
}

static gboolean
check_not_future (PatellaStore  *self,
                  const char    *day,
                  GError       **error)
{
  const char *override = patella_store_get_today_override (self);
  g_autofree char *today = override != NULL ? g_strdup (override) : patella_day_today ();

  if (!check_day (day, error))
    return FALSE;
  if (g_strcmp0 (day, today) > 0)
    return invalid (error, _("That day has not happened yet."));
  return TRUE;
}

/* Check-ins */

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            int           value)
{
  if (value == PATELLA_OUTCOME_NOT_DONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

gboolean
patella_store_insert_outcome_row (PatellaStore        *self,
                                  const char          *day,
                                  PatellaOutcomeItem   item,
                                  int                  value,
                                  GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!check_day (day, error))
    return FALSE;
  if (!patella_outcome_value_is_valid (item, value))
    return invalid (error, _("That is not an answer this check-in item takes."));

  stmt = patella_store_prepare (self, "INSERT OR REPLACE INTO outcomes (day, item, value) VALUES (?1, ?2, ?3)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, patella_outcome_item_to_string (item), -1, SQLITE_STATIC);
  bind_value (stmt, 3, value);
  return step (self, stmt, error);
}

gboolean
patella_store_save_checkin (PatellaStore                 *self,
                            const PatellaCheckinAnswers  *answers,
                            GError                      **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  if (!check_not_future (self, answers->day, error))
    return FALSE;
  for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
    {
      int value = answers->values[item];

      if (value == PATELLA_OUTCOME_UNANSWERED && !patella_outcome_item_allows_not_done (item))
        return invalid (error, _("The usual and worst pain and the change since starting need an answer."));
      if (value != PATELLA_OUTCOME_UNANSWERED && !patella_outcome_value_is_valid (item, value))
        return invalid (error, _("That is not an answer this check-in item takes."));
    }

  clear = patella_store_prepare (self, "DELETE FROM outcomes WHERE day = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_text (clear, 1, answers->day, -1, SQLITE_TRANSIENT);

  if (!patella_store_begin (self, error))
    return FALSE;
  if (!step (self, clear, error))
    goto fail;
  for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
    if (answers->values[item] != PATELLA_OUTCOME_UNANSWERED &&
        !patella_store_insert_outcome_row (self, answers->day, item, answers->values[item], error))
      goto fail;
  return patella_store_commit_and_announce (self, (PatellaTable) PATELLA_STORE_CHANGED_OUTCOMES, error);

fail:
  patella_store_rollback (self);
  return FALSE;
}

gboolean
patella_store_delete_checkin (PatellaStore  *self,
                              const char    *day,
                              GError       **error)
{
  return write_by_day (self, "DELETE FROM outcomes WHERE day = ?1", day, NULL,
                       _("There is no check-in on that day."), error);
}

/* A row this version would not have written is an error, never a crash. */
static gboolean
not_as_written (PatellaStore  *self,
                const char    *table,
                GError       **error)
{
  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
               _("“%s” holds a row in “%s” that Patella would not have written. "
                 "Restore it from a backup."),
               patella_store_get_path (self), table);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static GPtrArray *
finish_rows (PatellaStore  *self,
             GPtrArray     *rows,
             int            rc,
             GError       **error)
{
  if (rc != SQLITE_DONE)
    {
      if (rc != SQLITE_OK)
        patella_store_set_sqlite_error (self, rc, error);
      g_ptr_array_unref (rows);
      return NULL;
    }
  return rows;
}

GPtrArray *
patella_store_list_checkins (PatellaStore  *self,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *checkins;
  PatellaCheckinAnswers *current = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self, "SELECT day, item, value FROM outcomes ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  checkins = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_checkin_answers_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = column_text (stmt, 0);
      PatellaOutcomeItem item;
      int value = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? PATELLA_OUTCOME_NOT_DONE
                                                                : sqlite3_column_int (stmt, 2);

      if (!patella_day_is_valid (day) || !patella_outcome_item_from_string (column_text (stmt, 1), &item) ||
          !patella_outcome_value_is_valid (item, value))
        {
          not_as_written (self, "outcomes", error);
          rc = SQLITE_OK;
          break;
        }
      if (current == NULL || !g_str_equal (current->day, day))
        {
          current = g_new (PatellaCheckinAnswers, 1);
          current->day = g_strdup (day);
          for (guint i = 0; i < PATELLA_N_OUTCOME_ITEMS; i++)
            current->values[i] = PATELLA_OUTCOME_UNANSWERED;
          g_ptr_array_add (checkins, current);
        }
      current->values[item] = value;
    }
  return finish_rows (self, checkins, rc, error);
}

/* Self-tests */

static gboolean
check_self_test (PatellaStore           *self,
                 const PatellaSelfTest  *test,
                 GError                **error)
{
  if (!check_not_future (self, test->day, error))
    return FALSE;
  if (test->side >= PATELLA_N_LEGS || test->result >= PATELLA_N_SQUAT_RESULTS)
    return invalid (error, _("A self-test needs a leg and a result."));
  if (test->pain < -1 || test->pain > 10)
    return invalid (error, _("Pain during the test must be from 0 to 10."));
  return TRUE;
}

static sqlite3_stmt *
prepare_self_test (PatellaStore           *self,
                   const PatellaSelfTest  *test,
                   GError                **error)
{
  sqlite3_stmt *stmt = patella_store_prepare (self,
                                              "INSERT OR REPLACE INTO self_tests (day, side, result, pain)"
                                              " VALUES (?1, ?2, ?3, ?4)",
                                              error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, test->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, patella_leg_to_string (test->side), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, patella_squat_result_to_string (test->result), -1, SQLITE_STATIC);
  if (test->pain < 0)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int (stmt, 4, test->pain);
  return stmt;
}

gboolean
patella_store_insert_self_test_row (PatellaStore           *self,
                                    const PatellaSelfTest  *test,
                                    GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!check_day (test->day, error))
    return FALSE;
  stmt = prepare_self_test (self, test, error);
  return stmt != NULL && step (self, stmt, error);
}

gboolean
patella_store_save_self_test (PatellaStore           *self,
                              const PatellaSelfTest  *test,
                              GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (test != NULL, FALSE);

  if (!check_self_test (self, test, error))
    return FALSE;
  stmt = prepare_self_test (self, test, error);
  return stmt != NULL && write_one (self, stmt, NULL, NULL, error);
}

gboolean
patella_store_delete_self_test (PatellaStore  *self,
                                const char    *day,
                                PatellaLeg    side,
                                GError       **error)
{
  if (side >= PATELLA_N_LEGS)
    return invalid (error, _("A self-test needs a leg and a result."));
  return write_by_day (self, "DELETE FROM self_tests WHERE day = ?1 AND side = ?2", day,
                       patella_leg_to_string (side), _("There is no self-test of that leg on that day."), error);
}

GPtrArray *
patella_store_list_self_tests (PatellaStore  *self,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *tests;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self, "SELECT day, side, result, coalesce (pain, -1) FROM self_tests"
                                      " ORDER BY day, side", error);
  if (stmt == NULL)
    return NULL;
  tests = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_self_test_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PatellaSelfTest) test = g_new0 (PatellaSelfTest, 1);

      test->day = g_strdup (column_text (stmt, 0));
      test->pain = sqlite3_column_int (stmt, 3);
      if (!patella_day_is_valid (test->day) || !patella_leg_from_string (column_text (stmt, 1), &test->side) ||
          !patella_squat_result_from_string (column_text (stmt, 2), &test->result) ||
          test->pain < -1 || test->pain > 10)
        {
          not_as_written (self, "self_tests", error);
          rc = SQLITE_OK;
          break;
        }
      g_ptr_array_add (tests, g_steal_pointer (&test));
    }
  return finish_rows (self, tests, rc, error);
}

/* Goals */

static gboolean
check_goal (const PatellaGoal  *goal,
            GError            **error)
{
  if (goal->kind >= PATELLA_N_GOAL_KINDS)
    return invalid (error, _("That is not a kind of goal Patella knows."));
  if (!check_day (goal->start, error) || !check_day (goal->target, error))
    return FALSE;
  if (g_strcmp0 (goal->target, goal->start) < 0)
    return invalid (error, _("A goal’s target day cannot be before the day it was set."));
  switch (goal->kind)
    {
    case PATELLA_GOAL_RUN:
      if (!(goal->km > 0 && goal->km <= PATELLA_GOAL_KM_MAX))
        return invalid (error, _("The distance must be above 0 and at most 1000 km."));
      G_GNUC_FALLTHROUGH;
    case PATELLA_GOAL_STAIRS:
      if (goal->pain < 0 || goal->pain > 10)
        return invalid (error, _("The most pain allowed must be from 0 to 10."));
      break;
    case PATELLA_GOAL_ROUTINE:
      if (goal->days < 1 || goal->days > 7)
        return invalid (error, _("Days a week must be from 1 to 7."));
      if (goal->weeks < 1 || goal->weeks > PATELLA_GOAL_WEEKS_MAX)
        return invalid (error, _("Weeks in a row must be from 1 to 52."));
      break;
    case PATELLA_GOAL_FREE:
    case PATELLA_N_GOAL_KINDS:
    default:
      if (goal->text == NULL || goal->text[0] == '\0')
        return invalid (error, _("A goal of your own needs a few words."));
      break;
    }
  if (goal->text != NULL)
    {
      g_autofree char *problem = patella_text_check_field (goal->text, PATELLA_GOAL_TEXT_MAX_CHARS,
                                                           PATELLA_TEXT_FIELD_NAME);

      if (problem != NULL)
        return invalid (error, problem);
    }
  return TRUE;
}

static void
bind_goal (sqlite3_stmt      *stmt,
           const PatellaGoal *goal)
{
  gboolean run = goal->kind == PATELLA_GOAL_RUN;
  gboolean pain = run || goal->kind == PATELLA_GOAL_STAIRS;
  gboolean routine = goal->kind == PATELLA_GOAL_ROUTINE;

  sqlite3_bind_text (stmt, 1, patella_goal_kind_to_string (goal->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, goal->start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, goal->target, -1, SQLITE_TRANSIENT);
  if (run)
    sqlite3_bind_double (stmt, 4, goal->km);
  if (pain)
    sqlite3_bind_int (stmt, 5, goal->pain);
  if (routine)
    {
      sqlite3_bind_int (stmt, 6, goal->days);
      sqlite3_bind_int (stmt, 7, goal->weeks);
    }
  sqlite3_bind_text (stmt, 8, goal->text != NULL ? goal->text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, goal->kind == PATELLA_GOAL_FREE && goal->done);
  /* An INSERT has no ?10: SQLite answers SQLITE_RANGE and binds nothing. */
  sqlite3_bind_int64 (stmt, 10, goal->id);
}

gint64
patella_store_add_goal (PatellaStore       *self,
                        const PatellaGoal  *goal,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (PATELLA_IS_STORE (self), 0);
  g_return_val_if_fail (goal != NULL, 0);

  if (!check_goal (goal, error))
    return 0;
  stmt = patella_store_prepare (self,
                                "INSERT INTO goals (kind, start_day, target_day, km, pain, days, weeks, text, done)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  if (stmt == NULL)
    return 0;
  bind_goal (stmt, goal);
  if (!write_one (self, stmt, NULL, &id, error))
    return 0;
  return id;
}

gboolean
patella_store_update_goal (PatellaStore       *self,
                           const PatellaGoal  *goal,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (goal != NULL, FALSE);

  if (!check_goal (goal, error))
    return FALSE;
  stmt = patella_store_prepare (self,
                                "UPDATE goals SET kind = ?1, start_day = ?2, target_day = ?3, km = ?4, pain = ?5,"
                                " days = ?6, weeks = ?7, text = ?8, done = ?9 WHERE id = ?10",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_goal (stmt, goal);
  return write_one (self, stmt, _("That goal is no longer there."), NULL, error);
}

gboolean
patella_store_remove_goal (PatellaStore  *self,
                           gint64         id,
                           GError       **error)
{
  return write_by_id (self, "DELETE FROM goals WHERE id = ?1", id, 0, _("That goal is no longer there."), error);
}

GPtrArray *
patella_store_list_goals (PatellaStore  *self,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *goals;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self,
                                "SELECT id, kind, start_day, target_day, coalesce (km, 0), coalesce (pain, 0),"
                                " coalesce (days, 0), coalesce (weeks, 0), text, done"
                                " FROM goals ORDER BY target_day, id",
                                error);
  if (stmt == NULL)
    return NULL;
  goals = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_goal_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PatellaGoal) goal = g_new0 (PatellaGoal, 1);
      g_autoptr(GError) problem = NULL;

      goal->id = sqlite3_column_int64 (stmt, 0);
      goal->start = g_strdup (column_text (stmt, 2));
      goal->target = g_strdup (column_text (stmt, 3));
      goal->km = sqlite3_column_double (stmt, 4);
      goal->pain = sqlite3_column_int (stmt, 5);
      goal->days = sqlite3_column_int (stmt, 6);
      goal->weeks = sqlite3_column_int (stmt, 7);
      goal->text = g_strdup (column_text (stmt, 8));
      goal->done = sqlite3_column_int (stmt, 9) != 0;
      if (!patella_goal_kind_from_string (column_text (stmt, 1), &goal->kind) || !check_goal (goal, &problem))
        {
          not_as_written (self, "goals", error);
          rc = SQLITE_OK;
          break;
        }
      g_ptr_array_add (goals, g_steal_pointer (&goal));
    }
  return finish_rows (self, goals, rc, error);
}

/* Visits and questions */

gboolean
patella_store_set_visit (PatellaStore  *self,
                         const char    *day,
                         const char    *name,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!check_day (day, error))
    return FALSE;
  problem = patella_text_check_field (name != NULL ? name : "", PATELLA_VISIT_NAME_MAX_CHARS,
                                      PATELLA_TEXT_FIELD_NAME);
  if (problem != NULL)
    return invalid (error, problem);
  stmt = patella_store_prepare (self, "INSERT OR REPLACE INTO visits (day, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name != NULL ? name : "", -1, SQLITE_TRANSIENT);
  return write_one (self, stmt, NULL, NULL, error);
}

gboolean
patella_store_remove_visit (PatellaStore  *self,
                            const char    *day,
                            GError       **error)
{
  return write_by_day (self, "DELETE FROM visits WHERE day = ?1", day, NULL, _("There is no visit on that day."),
                       error);
}

GPtrArray *
patella_store_list_visits (PatellaStore  *self,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *visits;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self, "SELECT day, name FROM visits ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  visits = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_visit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatellaVisit *visit = g_new0 (PatellaVisit, 1);

      visit->day = g_strdup (column_text (stmt, 0));
      visit->name = g_strdup (column_text (stmt, 1));
      g_ptr_array_add (visits, visit);
      if (!patella_day_is_valid (visit->day))
        {
          not_as_written (self, "visits", error);
          rc = SQLITE_OK;
          break;
        }
    }
  return finish_rows (self, visits, rc, error);
}

gboolean
patella_store_get_visits_around (PatellaStore  *self,
                                 const char    *today,
                                 PatellaVisit **last,
                                 PatellaVisit **next,
                                 GError       **error)
{
  g_autoptr(GPtrArray) visits = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (patella_day_is_valid (today), FALSE);

  visits = patella_store_list_visits (self, error);
  if (visits == NULL)
    return FALSE;
  if (last != NULL)
    *last = NULL;
  if (next != NULL)
    *next = NULL;
  for (guint i = 0; i < visits->len; i++)
    {
      PatellaVisit *visit = g_ptr_array_index (visits, i);

      if (g_strcmp0 (visit->day, today) < 0 && last != NULL)
        {
          g_clear_pointer (last, patella_visit_free);
          *last = g_steal_pointer (&g_ptr_array_index (visits, i));
        }
      else if (g_strcmp0 (visit->day, today) >= 0 && next != NULL && *next == NULL)
        *next = g_steal_pointer (&g_ptr_array_index (visits, i));
    }
  return TRUE;
}

gint64
patella_store_add_question (PatellaStore  *self,
                            const char    *day,
                            const char    *text,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *stripped = NULL;
  gint64 id = 0;

  g_return_val_if_fail (PATELLA_IS_STORE (self), 0);

  if (!check_not_future (self, day, error))
    return 0;
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    {
      invalid (error, _("A question needs a few words."));
      return 0;
    }
  problem = patella_text_check_field (text, PATELLA_NOTE_MAX_CHARS, PATELLA_TEXT_FIELD_NOTE);
  if (problem != NULL)
    {
      invalid (error, problem);
      return 0;
    }
  stmt = patella_store_prepare (self, "INSERT INTO visit_questions (day, text) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!write_one (self, stmt, NULL, &id, error))
    return 0;
  return id;
}

gboolean
patella_store_set_question_asked (PatellaStore  *self,
                                  gint64         id,
                                  gboolean       asked,
                                  GError       **error)
{
  return write_by_id (self, "UPDATE visit_questions SET asked = ?2 WHERE id = ?1", id, asked ? 1 : 0,
                      _("That question is no longer there."), error);
}

gboolean
patella_store_remove_question (PatellaStore  *self,
                               gint64         id,
                               GError       **error)
{
  return write_by_id (self, "DELETE FROM visit_questions WHERE id = ?1", id, 0,
                      _("That question is no longer there."), error);
}

GPtrArray *
patella_store_list_questions (PatellaStore  *self,
                              const char    *since,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *questions;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (since == NULL || patella_day_is_valid (since), NULL);

  stmt = patella_store_prepare (self, "SELECT id, day, text, asked FROM visit_questions"
                                      " WHERE ?1 IS NULL OR day > ?1 ORDER BY day, id", error);
  if (stmt == NULL)
    return NULL;
  if (since != NULL)
    sqlite3_bind_text (stmt, 1, since, -1, SQLITE_TRANSIENT);
  questions = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_question_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatellaQuestion *question = g_new0 (PatellaQuestion, 1);

      question->id = sqlite3_column_int64 (stmt, 0);
      question->day = g_strdup (column_text (stmt, 1));
      question->text = patella_text_make_visible (column_text (stmt, 2), TRUE);
      question->asked = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (questions, question);
    }
  return finish_rows (self, questions, rc, error);
}

/* Looks up one row: @stmt has its day and key bound. */
static gboolean
find_row (PatellaStore  *self,
          sqlite3_stmt  *stmt,
          gboolean      *found,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
patella_store_find_outcome_row (PatellaStore        *self,
                                const char          *day,
                                PatellaOutcomeItem   item,
                                gboolean            *found,
                                int                 *value,
                                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (item < PATELLA_N_OUTCOME_ITEMS, FALSE);

  stmt = patella_store_prepare (self, "SELECT coalesce (value, -1) FROM outcomes WHERE day = ?1 AND item = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, patella_outcome_item_to_string (item), -1, SQLITE_STATIC);
  if (!find_row (self, stmt, found, error))
    return FALSE;
  if (*found)
    *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
patella_store_find_self_test (PatellaStore        *self,
                              const char          *day,
                              PatellaLeg          side,
                              gboolean            *found,
                              PatellaSquatResult  *result,
                              int                 *pain,
                              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (side < PATELLA_N_LEGS, FALSE);

  stmt = patella_store_prepare (self, "SELECT result, coalesce (pain, -1) FROM self_tests"
                                      " WHERE day = ?1 AND side = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, patella_leg_to_string (side), -1, SQLITE_STATIC);
  if (!find_row (self, stmt, found, error))
    return FALSE;
  if (*found && !patella_squat_result_from_string (column_text (stmt, 0), result))
    return not_as_written (self, "self_tests", error);
  if (*found)
    *pain = sqlite3_column_int (stmt, 1);
  return TRUE;
}
