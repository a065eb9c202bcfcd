/* patella-store-progression.c: the progression rules applied to the runner's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exercise's level is part of the routine (exercises.level, and
 * routine_versions.level from a day on), so a level change is a routine
 * change: the days before it keep their targets and their adherence. The
 * rule itself (patella-progression.c) is pure; this file gathers its
 * inputs: the sets at the current level with their pain, and whether the
 * next morning was worse. The return-to-running plan keeps only the day it
 * began: its phase is replayed from the runs since, so editing or deleting
 * a run puts the plan where the record says.
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-store-private.h"
#include "patella-store-progression.h"
#include "patella-warnings.h"

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID, message);
  return FALSE;
}

void
patella_suggestion_free (PatellaSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->exercise_id);
  g_free (suggestion->level_since);
  g_free (suggestion->reason);
  g_free (suggestion);
}

void
patella_level_change_free (PatellaLevelChange *change)
{
  if (change == NULL)
    return;
  g_free (change->day);
  g_free (change->exercise_id);
  g_free (change);
}

/* Levels */

int
patella_store_get_level (PatellaStore  *self,
                         const char    *exercise_id,
                         const char    *day,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), -1);
  g_return_val_if_fail (patella_day_is_valid (day), -1);

  stmt = patella_store_prepare (self,
                                "SELECT level FROM routine_versions WHERE exercise_id = ?1 AND from_day <= ?2"
                                " ORDER BY from_day DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc != SQLITE_DONE)
    patella_store_set_sqlite_error (self, rc, error);
  else
    g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                 _("There is no exercise “%s” in the routine."), exercise_id ? exercise_id : "");
  return -1;
}

gboolean
patella_store_set_level (PatellaStore  *self,
                         const char    *exercise_id,
                         guint          level,
                         GError       **error)
{
  const PatellaLadder *ladder;
  const PatellaLevel *step;
  g_autofree char *today = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) tidy = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  ladder = patella_ladder_find (exercise_id);
  if (ladder == NULL)
    return invalid (error, _("That exercise has no ladder of levels."));
  if (level >= ladder->n_levels)
    return invalid (error, _("That exercise’s ladder has no such level."));
  step = &ladder->levels[level];
  today = patella_store_change_day (self);

  update = patella_store_prepare (self,
                                  "UPDATE exercises SET level = ?2, dose = ?3, target_sets = ?4, reps = ?5,"
                                  " hold_seconds = ?6 WHERE id = ?1",
                                  error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (update, 2, (int) level);
  sqlite3_bind_text (update, 3, step->dose, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 4, step->target_sets);
  if (step->reps > 0)
    sqlite3_bind_int (update, 5, step->reps);
  if (step->hold_seconds > 0)
    sqlite3_bind_int (update, 6, step->hold_seconds);

  /* Today's row that now says what the row before it said is no change at
   * all: Undo on the day of an Accept leaves the history as it was. */
  tidy = patella_store_prepare (self,
                                "DELETE FROM routine_versions AS v WHERE v.exercise_id = ?1 AND v.from_day = ?2"
                                " AND EXISTS (SELECT 1 FROM routine_versions p WHERE p.exercise_id = ?1"
                                "   AND p.from_day = (SELECT max (from_day) FROM routine_versions"
                                "                     WHERE exercise_id = ?1 AND from_day < ?2)"
                                "   AND p.enabled = v.enabled AND p.dose = v.dose AND p.target_sets = v.target_sets"
                                "   AND p.reps IS v.reps AND p.hold_seconds IS v.hold_seconds"
                                "   AND p.position = v.position AND p.level = v.level)",
                                error);
  if (tidy == NULL)
    return FALSE;
  sqlite3_bind_text (tidy, 1, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (tidy, 2, today, -1, SQLITE_TRANSIENT);

  if (!patella_store_begin (self, error))
    return FALSE;
  if (!patella_store_step_done (self, update, error))
    goto failed;
  if (sqlite3_changes (patella_store_get_db (self)) != 1)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("There is no exercise “%s” in the routine."), exercise_id);
      goto failed;
    }
  if (!patella_store_record_routine (self, error) || !patella_store_step_done (self, tidy, error))
    goto failed;
  return patella_store_commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);

failed:
  patella_store_rollback (self);
  return FALSE;
}

GPtrArray *
patella_store_list_level_changes (PatellaStore  *self,
                                  const char    *first,
                                  const char    *last,
                                  GError       **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (patella_day_is_valid (first) && patella_day_is_valid (last), NULL);

  stmt = patella_store_prepare (self,
                                "SELECT from_day, exercise_id, before, level FROM ("
                                "  SELECT from_day, exercise_id, level,"
                                "         lag (level) OVER (PARTITION BY exercise_id ORDER BY from_day) AS before"
                                "  FROM routine_versions)"
                                " WHERE before IS NOT NULL AND before != level AND from_day BETWEEN ?1 AND ?2"
                                " ORDER BY from_day, exercise_id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_level_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatellaLevelChange *change = g_new0 (PatellaLevelChange, 1);

      change->day = dup_text (stmt, 0);
      change->exercise_id = dup_text (stmt, 1);
      change->from_level = sqlite3_column_int (stmt, 2);
      change->to_level = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

/* Snoozes */

static gboolean
write_snooze (PatellaStore  *self,
              const char    *sql,
              const char    *exercise_id,
              const char    *day,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = patella_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  if (!patella_store_begin (self, error))
    return FALSE;
  if (!patella_store_step_done (self, stmt, error))
    {
      patella_store_rollback (self);
      return FALSE;
    }
  return patella_store_commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
}

gboolean
patella_store_snooze_suggestion (PatellaStore  *self,
                                 const char    *exercise_id,
                                 const char    *day,
                                 GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!patella_day_is_valid (day))
    return invalid (error, _("That is not a calendar day."));
  if (patella_ladder_find (exercise_id) == NULL)
    return invalid (error, _("That exercise has no ladder of levels."));
  return write_snooze (self,
                       "INSERT INTO progression_snoozes (exercise_id, day) VALUES (?1, ?2)"
                       " ON CONFLICT (exercise_id) DO UPDATE SET day = excluded.day",
                       exercise_id, day, error);
}

gboolean
patella_store_unsnooze_suggestion (PatellaStore  *self,
                                   const char    *exercise_id,
                                   GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  return write_snooze (self, "DELETE FROM progression_snoozes WHERE exercise_id = ?1 AND ?2 IS NULL",
                       exercise_id, NULL, error);
}

static gboolean
quiet_on (const char *snoozed,
          const char *day)
{
  int since;

  if (snoozed == NULL)
    return FALSE;
  since = patella_day_diff (snoozed, day);
  return since >= 0 && since < PATELLA_SUGGESTION_QUIET_DAYS;
}

/* Suggestions */

static gboolean
fill_suggestion (PatellaStore       *self,
                 PatellaSuggestion  *suggestion,
                 const char         *day,
                 GError            **error)
{
  const PatellaLadder *ladder = patella_ladder_find (suggestion->exercise_id);
  g_autoptr(sqlite3_stmt) since = NULL;
  g_autoptr(sqlite3_stmt) sets = NULL;
  g_autoptr(GArray) sessions = g_array_new (FALSE, TRUE, sizeof (PatellaLevelDay));
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PatellaSeries) series = NULL;
  g_autofree char *first = NULL;
  int rc;

  suggestion->n_levels = ladder->n_levels;
  suggestion->level = MIN (suggestion->level, ladder->n_levels - 1);

  /* The level took effect on the first day of its unbroken run of rows. */
  since = patella_store_prepare (self,
                                 "SELECT min (from_day) FROM routine_versions WHERE exercise_id = ?1"
                                 " AND from_day <= ?2 AND from_day > coalesce ("
                                 "   (SELECT max (from_day) FROM routine_versions WHERE exercise_id = ?1"
                                 "    AND from_day <= ?2 AND level != ?3), '')",
                                 error);
  if (since == NULL)
    return FALSE;
  sqlite3_bind_text (since, 1, suggestion->exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (since, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (since, 3, (int) suggestion->level);
  if ((rc = sqlite3_step (since)) != SQLITE_ROW)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  suggestion->level_since = sqlite3_column_type (since, 0) == SQLITE_NULL
                            ? g_strdup (day) : dup_text (since, 0);

  /* The last sessions before the day (the day's own sets wait for the
   * next morning), newest first: the rule reads no more than these. The
   * day index is walked back from the day ("+exercise_id" keeps SQLite
   * from reading every set of the exercise through its own index), so a
   * level held for ten years costs what one held for a week does. */
  sets = patella_store_prepare (self,
                                "SELECT day, coalesce (max (pain), -1) FROM exercise_log"
                                " WHERE +exercise_id = ?1 AND day >= ?2 AND day < ?3"
                                " GROUP BY day ORDER BY day DESC LIMIT ?4",
                                error);
  if (sets == NULL)
    return FALSE;
  sqlite3_bind_text (sets, 1, suggestion->exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (sets, 2, suggestion->level_since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (sets, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (sets, 4, PATELLA_PROGRESSION_SESSIONS);
  while ((rc = sqlite3_step (sets)) == SQLITE_ROW)
    {
      PatellaLevelDay session = { NULL, sqlite3_column_int (sets, 1), FALSE };

      g_ptr_array_insert (days, 0, dup_text (sets, 0));
      g_array_prepend_val (sessions, session);
    }
  if (rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  suggestion->n_sessions = sessions->len;
  /* A level never changed has been held since its first session. */
  if (g_str_equal (suggestion->level_since, PATELLA_ROUTINE_SINCE))
    {
      g_autoptr(sqlite3_stmt) earliest = NULL;

      earliest = patella_store_prepare (self,
                                        "SELECT day FROM exercise_log WHERE +exercise_id = ?1"
                                        " AND day >= ?2 AND day < ?3 ORDER BY day LIMIT 1",
                                        error);
      if (earliest == NULL)
        return FALSE;
      sqlite3_bind_text (earliest, 1, suggestion->exercise_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (earliest, 2, suggestion->level_since, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (earliest, 3, day, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (earliest);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          patella_store_set_sqlite_error (self, rc, error);
          return FALSE;
        }
      g_free (suggestion->level_since);
      suggestion->level_since = rc == SQLITE_ROW ? dup_text (earliest, 0) : g_strdup (day);
    }

  /* The mornings after the last sessions, against the usual morning of the
   * two weeks before each. */
  if (sessions->len > 0)
    {
      guint from = sessions->len > PATELLA_PROGRESSION_SESSIONS ? sessions->len - PATELLA_PROGRESSION_SESSIONS : 0;

      first = patella_day_add (g_ptr_array_index (days, from), -15);
      series = patella_store_load_series (self, first, day, error);
      if (series == NULL)
        return FALSE;
      for (guint i = from; i < sessions->len; i++)
        {
          PatellaLevelDay *session = &g_array_index (sessions, PatellaLevelDay, i);
          int next = patella_day_diff (first, g_ptr_array_index (days, i)) + 1;

          session->day = g_ptr_array_index (days, i);
          session->morning_worse_after = patella_series_morning_worse (series, (guint) next, NULL);
        }
    }

  suggestion->advice = patella_progression_advise ((const PatellaLevelDay *) (void *) sessions->data, sessions->len,
                                                   patella_day_diff (suggestion->level_since, day),
                                                   suggestion->level, suggestion->n_levels, &suggestion->reason);
  return TRUE;
}

GPtrArray *
patella_store_list_suggestions (PatellaStore  *self,
                                const char    *day,
                                GError       **error)
{
  g_autoptr(GPtrArray) routine = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(sqlite3_stmt) snooze = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  if (!patella_day_is_valid (day))
    {
      invalid (error, _("That is not a calendar day."));
      return NULL;
    }
  routine = patella_store_list_routine (self, day, error);
  if (routine == NULL)
    return NULL;
  snooze = patella_store_prepare (self, "SELECT day FROM progression_snoozes WHERE exercise_id = ?1", error);
  if (snooze == NULL)
    return NULL;

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_suggestion_free);
  for (guint i = 0; i < routine->len; i++)
    {
      const PatellaExercise *exercise = g_ptr_array_index (routine, i);
      g_autoptr(PatellaSuggestion) suggestion = NULL;

      if (!exercise->enabled || exercise->archived || patella_ladder_find (exercise->id) == NULL)
        continue;

      suggestion = g_new0 (PatellaSuggestion, 1);
      suggestion->exercise_id = g_strdup (exercise->id);
      suggestion->level = (guint) MAX (exercise->level, 0);
      if (!fill_suggestion (self, suggestion, day, error))
        return NULL;

      sqlite3_reset (snooze);
      sqlite3_bind_text (snooze, 1, exercise->id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (snooze) == SQLITE_ROW)
        suggestion->snoozed = quiet_on ((const char *) sqlite3_column_text (snooze, 0), day);
      g_ptr_array_add (suggestions, g_steal_pointer (&suggestion));
    }
  return g_steal_pointer (&suggestions);
}

/* Return to running */

void
patella_return_plan_clear (PatellaReturnPlan *plan)
{
  g_clear_pointer (&plan->from_day, g_free);
  g_clear_pointer (&plan->offer_snoozed_day, g_free);
}

void
patella_next_run_clear (PatellaNextRun *next)
{
  g_clear_pointer (&next->last_run_day, g_free);
  g_clear_pointer (&next->reason, g_free);
}

gboolean
patella_store_get_return_plan (PatellaStore       *self,
                               PatellaReturnPlan  *plan,
                               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  *plan = (PatellaReturnPlan) { FALSE, NULL, PATELLA_PROGRESSION_EASY_PAIN, NULL };
  stmt = patella_store_prepare (self, "SELECT active, from_day, pain_limit, snoozed_day FROM return_plan", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      plan->active = sqlite3_column_int (stmt, 0) != 0;
      plan->from_day = plan->active ? dup_text (stmt, 1) : NULL;
      plan->pain_limit = sqlite3_column_int (stmt, 2);
      plan->offer_snoozed_day = dup_text (stmt, 3);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* One row, made on first use; @sql updates it with ?1 (a day) and ?2. */
static gboolean
write_plan (PatellaStore  *self,
            const char    *sql,
            const char    *day,
            int            value,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) make = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  make = patella_store_prepare (self,
                                "INSERT INTO return_plan (id, from_day, active) VALUES (1, ?1, 0)"
                                " ON CONFLICT (id) DO NOTHING",
                                error);
  if (make == NULL)
    return FALSE;
  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (make, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, value);

  if (!patella_store_begin (self, error))
    return FALSE;
  if (!patella_store_step_done (self, make, error) || !patella_store_step_done (self, stmt, error))
    {
      patella_store_rollback (self);
      return FALSE;
    }
  return patella_store_commit_and_announce (self, PATELLA_TABLE_RUNS, error);
}

gboolean
patella_store_set_return_plan (PatellaStore  *self,
                               gboolean       active,
                               const char    *day,
                               GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!patella_day_is_valid (day))
    return invalid (error, _("That is not a calendar day."));
  return write_plan (self,
                     active ? "UPDATE return_plan SET active = 1, from_day = ?1 WHERE ?2 = 1"
                            : "UPDATE return_plan SET active = 0 WHERE ?2 = 0 AND ?1 IS NOT NULL",
                     day, active ? 1 : 0, error);
}

gboolean
patella_store_set_return_pain_limit (PatellaStore  *self,
                                     int            pain_limit,
                                     GError       **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (pain_limit < 0 || pain_limit > PATELLA_SCALE_MAX)
    return invalid (error, _("The pain limit for a run runs from 0 to 10."));
  today = patella_store_change_day (self);
  return write_plan (self, "UPDATE return_plan SET pain_limit = ?2 WHERE ?1 IS NOT NULL", today, pain_limit,
                     error);
}

gboolean
patella_store_snooze_return_offer (PatellaStore  *self,
                                   const char    *day,
                                   GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!patella_day_is_valid (day))
    return invalid (error, _("That is not a calendar day."));
  return write_plan (self, "UPDATE return_plan SET snoozed_day = ?1 WHERE ?2 = 0", day, 0, error);
}

PatellaRunPhase *
patella_store_get_return_phases (PatellaStore  *self,
                                 guint         *n_phases,
                                 gboolean      *custom,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) phases = g_array_new (FALSE, FALSE, sizeof (PatellaRunPhase));
  const PatellaRunPhase *builtin;
  guint n_builtin;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (n_phases != NULL, NULL);

  *n_phases = 0;
  if (custom != NULL)
    *custom = FALSE;
  stmt = patella_store_prepare (self, "SELECT repeats, run_minutes, walk_minutes FROM return_phases ORDER BY position",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatellaRunPhase phase = { (guint) sqlite3_column_int (stmt, 0), sqlite3_column_double (stmt, 1),
                                sqlite3_column_double (stmt, 2) };

      g_array_append_val (phases, phase);
    }
  if (rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (phases->len > 0)
    {
      if (custom != NULL)
        *custom = TRUE;
    }
  else
    {
      builtin = patella_return_phases (&n_builtin);
      g_array_append_vals (phases, builtin, n_builtin);
    }
  *n_phases = phases->len;
  return (PatellaRunPhase *) (void *) g_array_free (g_steal_pointer (&phases), FALSE);
}

/* Replaces the kept phases with @phases (none: the built-in ones). */
static gboolean
write_phases (PatellaStore          *self,
              const PatellaRunPhase *phases,
              guint                  n_phases,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  insert = patella_store_prepare (self,
                                  "INSERT INTO return_phases (position, repeats, run_minutes, walk_minutes)"
                                  " VALUES (?1, ?2, ?3, ?4)",
                                  error);
  if (insert == NULL || !patella_store_begin (self, error))
    return FALSE;
  if (!patella_store_exec (self, "DELETE FROM return_phases", error))
    {
      patella_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < n_phases; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int (insert, 1, (int) i);
      sqlite3_bind_int (insert, 2, (int) phases[i].repeats);
      sqlite3_bind_double (insert, 3, phases[i].run_minutes);
      sqlite3_bind_double (insert, 4, phases[i].walk_minutes);
      if (!patella_store_step_done (self, insert, error))
        {
          patella_store_rollback (self);
          return FALSE;
        }
    }
  return patella_store_commit_and_announce (self, PATELLA_TABLE_RUNS, error);
}

gboolean
patella_store_set_return_phases (PatellaStore          *self,
                                 const PatellaRunPhase *phases,
                                 guint                  n_phases,
                                 GError               **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (phases != NULL || n_phases == 0, FALSE);

  if (!patella_run_phases_check (phases, n_phases, &reason))
    return invalid (error, reason);
  return write_phases (self, phases, n_phases, error);
}

gboolean
patella_store_reset_return_phases (PatellaStore  *self,
                                   GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  return write_phases (self, NULL, 0, error);
}

/* The last day with a run on or before @day, or NULL. */
static gboolean
last_run_day (PatellaStore  *self,
              const char    *day,
              char         **last,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *last = NULL;
  stmt = patella_store_prepare (self, "SELECT max (day) FROM runs WHERE day <= ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  *last = dup_text (stmt, 0);
  return TRUE;
}

gboolean
patella_store_offers_return (PatellaStore  *self,
                             const char    *day,
                             gboolean      *offer,
                             GError       **error)
{
  PatellaReturnPlan plan;
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;
  g_autofree char *newest = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  *offer = FALSE;
  if (!patella_day_is_valid (day))
    return invalid (error, _("That is not a calendar day."));
  /* Two weeks without a run say something only of a record two weeks old:
   * a new one is not offered a plan on its first day. */
  if (!patella_store_get_logged_range (self, &first, &newest, error))
    return FALSE;
  if (first == NULL || patella_day_diff (first, day) < PATELLA_RETURN_OFFER_DAYS)
    return TRUE;
  if (!patella_store_get_return_plan (self, &plan, error))
    return FALSE;
  if (!plan.active && !quiet_on (plan.offer_snoozed_day, day) && last_run_day (self, day, &last, error))
    *offer = last == NULL || patella_day_diff (last, day) >= PATELLA_RETURN_OFFER_DAYS;
  patella_return_plan_clear (&plan);
  return error == NULL || *error == NULL;
}

static char *
describe_state (const PatellaReturnState *state,
                guint                     n_phases)
{
  if (state->failed > 0)
    /* Translators: the plan's state after a run that did not pass */
    return g_strdup (_("Repeat this phase; one more run that does not pass steps back a phase."));
  if (state->passed > 0)
    return g_strdup (_("One run of this phase passed; one more moves you on."));
  if (state->phase + 1 == n_phases)
    return g_strdup (_("The last phase: two runs that pass, and the load warnings take over."));
  return g_strdup (_("Each phase is run twice before the next."));
}

gboolean
patella_store_get_next_run (PatellaStore    *self,
                            const char      *day,
                            PatellaNextRun  *next,
                            GError         **error)
{
  PatellaReturnPlan plan;
  g_autoptr(PatellaSeries) series = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last_reason = NULL;
  g_autofree char *state_text = NULL;
  g_autofree PatellaRunPhase *phases = NULL;
  guint n_phases;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  *next = (PatellaNextRun) { 0 };
  if (!patella_day_is_valid (day))
    return invalid (error, _("That is not a calendar day."));
  if (!patella_store_get_return_plan (self, &plan, error))
    return FALSE;
  next->active = plan.active && patella_day_diff (plan.from_day, day) >= 0;
  if (!next->active)
    {
      next->reason = g_strdup (plan.active
                               ? _("The return to running begins on a later day.")
                               : _("No return-to-running plan is on. Switch it on in Preferences."));
      patella_return_plan_clear (&plan);
      return TRUE;
    }

  phases = patella_store_get_return_phases (self, &n_phases, NULL, error);
  first = patella_day_add (plan.from_day, -15);
  series = phases != NULL ? patella_store_load_series (self, first, day, error) : NULL;
  if (series == NULL)
    {
      patella_return_plan_clear (&plan);
      return FALSE;
    }

  /* Every day with a run since the plan began, in order; the day's own run
   * is judged once its next morning is known. */
  for (guint i = (guint) patella_day_diff (first, plan.from_day); i < series->n_days; i++)
    {
      const PatellaDayStats *d = &series->days[i];
      PatellaReturnRun run;

      if (d->n_runs == 0)
        continue;
      g_free (next->last_run_day);
      next->last_run_day = patella_day_add (series->first, (int) i);
      run = (PatellaReturnRun) { next->last_run_day, d->during, d->after,
                                 patella_series_morning_worse (series, i + 1, NULL) };
      if (next->done || i + 1 == series->n_days)
        continue;
      g_clear_pointer (&last_reason, g_free);
      patella_return_run_passed (&run, plan.pain_limit, &last_reason);
      patella_return_step (&next->state, &run, plan.pain_limit, n_phases);
      next->done = next->state.phase + 1 == n_phases && next->state.passed >= PATELLA_RETURN_PASSES_PER_PHASE;
    }
  next->may_run = patella_return_may_run (next->last_run_day, day);
  /* Phases shortened since the last run: the plan stands on the last. */
  next->state.phase = MIN (next->state.phase, n_phases - 1);
  next->phase = phases[next->state.phase];
  next->n_phases = n_phases;

  if (next->done)
    next->reason = g_strdup (_("The plan is complete: running is continuous, and the load warnings "
                               "(weekly distance, single run) take over."));
  else
    {
      g_autoptr(GString) reason = g_string_new (NULL);

      state_text = describe_state (&next->state, n_phases);
      if (last_reason != NULL)
        /* Translators: %s is why the last run passed or not, e.g. "Pain during the run was 4 out of 10, above 2." */
        g_string_append_printf (reason, _("Last run: %s"), last_reason);
      else
        g_string_append (reason, _("No run since the plan began."));
      g_string_append_c (reason, ' ');
      g_string_append (reason, state_text);
      if (!next->may_run)
        {
          g_string_append_c (reason, ' ');
          g_string_append (reason, _("Rest today: the plan keeps at least one rest day between runs."));
        }
      next->reason = g_string_free (g_steal_pointer (&reason), FALSE);
    }
  patella_return_plan_clear (&plan);
  return TRUE;
}
