/* patella-store-exercises.c: the exercises of the routine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-store-private.h"

/* Binds the fields the runner controls at ?1..?8: id, name, dose, cues,
 * target sets, reps, hold seconds and whether it is on. */
static void
bind_exercise (sqlite3_stmt          *stmt,
               const PatellaExercise *exercise)
{
  sqlite3_bind_text (stmt, 1, exercise->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, exercise->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, exercise->dose ? exercise->dose : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, exercise->cues ? exercise->cues : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, exercise->target_sets);
  patella_bind_optional_int (stmt, 6, exercise->reps, 0);
  patella_bind_optional_int (stmt, 7, exercise->hold_seconds, 0);
  sqlite3_bind_int (stmt, 8, exercise->enabled ? 1 : 0);
}

gboolean
patella_store_insert_exercise (PatellaStore           *self,
                               const PatellaExercise  *exercise,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (self,
                                "INSERT INTO exercises (id, name, dose, cues, target_sets, reps, hold_seconds,"
                                "                       enabled, position, builtin, archived)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_exercise (stmt, exercise);
  sqlite3_bind_int (stmt, 9, exercise->position);
  sqlite3_bind_int (stmt, 10, exercise->builtin ? 1 : 0);
  sqlite3_bind_int (stmt, 11, exercise->archived ? 1 : 0);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return patella_store_check_one_row_changed (self, error);
}

GPtrArray *
patella_store_list_exercises (PatellaStore  *self,
                              gboolean       include_archived,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = patella_store_prepare (self,
                                "SELECT id, name, dose, cues, target_sets, coalesce(reps, 0),"
                                "       coalesce(hold_seconds, 0), position, enabled, builtin, archived, level"
                                " FROM exercises WHERE archived = 0 OR ?"
                                " ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);

  return patella_store_read_exercises (self, stmt, error);
}

/* The exercises a statement selects as id, name, dose, cues, target_sets,
 * reps, hold_seconds, position, enabled, builtin, archived, level. */
GPtrArray *
patella_store_read_exercises (PatellaStore  *self,
                              sqlite3_stmt  *stmt,
                              GError       **error)
{
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_exercise_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatellaExercise *exercise = g_new0 (PatellaExercise, 1);

      exercise->id = patella_dup_column_text (stmt, 0);
      exercise->name = patella_dup_column_text (stmt, 1);
      exercise->dose = patella_dup_column_text (stmt, 2);
      exercise->cues = patella_dup_column_text (stmt, 3);
      exercise->target_sets = sqlite3_column_int (stmt, 4);
      exercise->reps = sqlite3_column_int (stmt, 5);
      exercise->hold_seconds = sqlite3_column_int (stmt, 6);
      exercise->position = sqlite3_column_int (stmt, 7);
      exercise->enabled = sqlite3_column_int (stmt, 8) != 0;
      exercise->builtin = sqlite3_column_int (stmt, 9) != 0;
      exercise->archived = sqlite3_column_int (stmt, 10) != 0;
      exercise->level = sqlite3_column_int (stmt, 11);
      g_ptr_array_add (exercises, exercise);
    }

  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&exercises);
}

/* The rules for an exercise's own fields, shared by adding and editing. */
static gboolean
check_exercise (const PatellaExercise  *exercise,
                GError                **error)
{
  g_autofree char *stripped_name = NULL;

  if (!patella_exercise_id_is_valid (exercise->id))
    return patella_store_invalid (error, _("An exercise id uses lower-case letters, digits and “-” (at most 64)."));
  if (!patella_store_check_text (exercise->name, PATELLA_NAME_MAX_CHARS, PATELLA_TEXT_FIELD_NAME, error) ||
      !patella_store_check_text (exercise->dose, PATELLA_TEXT_MAX_CHARS, PATELLA_TEXT_FIELD_DOSE, error) ||
      !patella_store_check_text (exercise->cues, PATELLA_TEXT_MAX_CHARS, PATELLA_TEXT_FIELD_CUES, error))
    return FALSE;
  stripped_name = g_strstrip (g_strdup (exercise->name));
  if (stripped_name == NULL || stripped_name[0] == '\0')
    return patella_store_invalid (error, _("An exercise needs a name."));
  if (exercise->target_sets < 1 || exercise->target_sets > PATELLA_SETS_MAX)
    return patella_store_invalid (error, _("Sets per day run from 1 to %d."), PATELLA_SETS_MAX);
  if (exercise->reps < 0 || exercise->reps > PATELLA_REPS_MAX)
    return patella_store_invalid (error, _("Reps run from 1 to %d."), PATELLA_REPS_MAX);
  if (exercise->hold_seconds < 0 || exercise->hold_seconds > PATELLA_HOLD_SECONDS_MAX)
    return patella_store_invalid (error, _("A hold lasts at most %d seconds."), PATELLA_HOLD_SECONDS_MAX);
  return TRUE;
}

gboolean
patella_store_add_exercise (PatellaStore           *self,
                            const PatellaExercise  *exercise,
                            GError                **error)
{
  PatellaExercise custom;
  gint64 next_position;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (exercise != NULL, FALSE);

  if (!check_exercise (exercise, error))
    return FALSE;

  if (!patella_store_begin (self, error))
    return FALSE;

  custom = *exercise;
  custom.builtin = FALSE;
  custom.archived = FALSE;
  if (!patella_store_query_int (self, "SELECT coalesce(max(position) + 1, 0) FROM exercises",
                                &next_position, error) ||
      (custom.position = (int) next_position, !patella_store_insert_exercise (self, &custom, error)) ||
      !patella_store_record_routine (self, error))
    {
      patella_store_rollback (self);
      return FALSE;
    }

  return patella_store_commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
}

/**
 * patella_store_update_exercise:
 *
 * Saves the runner's changes to an exercise: name, dose, cues, target sets,
 * reps, hold and whether it is on. Its id, order and kind stay.
 */
gboolean
patella_store_update_exercise (PatellaStore           *self,
                               const PatellaExercise  *exercise,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (exercise != NULL, FALSE);

  if (!check_exercise (exercise, error))
    return FALSE;

  stmt = patella_store_prepare (self,
                                "UPDATE exercises SET name = ?2, dose = ?3, cues = ?4, target_sets = ?5,"
                                " reps = ?6, hold_seconds = ?7, enabled = ?8 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_exercise (stmt, exercise);

  return patella_store_step_in_transaction (self, PATELLA_TABLE_EXERCISES, stmt,
                                            _("That exercise is no longer in the log."), NULL, error);
}

/**
 * patella_store_reset_exercise:
 *
 * Puts a built-in exercise back to the routine Patella ships: its text,
 * dose and whether it is on. Its place in the order stays.
 */
gboolean
patella_store_reset_exercise (PatellaStore  *self,
                              const char    *id,
                              GError       **error)
{
  const PatellaExercise *builtin = patella_exercise_find_builtin (id);
  PatellaExercise defaults;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (builtin == NULL)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not one of Patella’s own exercises, so it has no defaults."),
                   id ? id : "");
      return FALSE;
    }

  defaults = *builtin;
  return patella_store_update_exercise (self, &defaults, error);
}

/**
 * patella_store_set_exercise_archived:
 *
 * Removes a custom exercise from the routine, or brings it back (undo).
 * The row stays, so past logs keep pointing at it.
 */
gboolean
patella_store_set_exercise_archived (PatellaStore  *self,
                                     const char    *id,
                                     gboolean       archived,
                                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (patella_exercise_find_builtin (id) != NULL)
    return patella_store_invalid (error, _("Patella’s own exercises can be switched off, not removed."));

  stmt = patella_store_prepare (self, "UPDATE exercises SET archived = ?2 WHERE id = ?1 AND builtin = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);

  return patella_store_step_in_transaction (self, PATELLA_TABLE_EXERCISES, stmt,
                                            _("That exercise is no longer in the log."), NULL, error);
}

/**
 * patella_store_move_exercise:
 * @index: the new place among the exercises in the routine (not removed ones)
 *
 * Reorders the routine in one transaction, renumbering positions 0..n-1.
 */
gboolean
patella_store_move_exercise (PatellaStore  *self,
                             const char    *id,
                             guint          index,
                             GError       **error)
{
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint from = G_MAXUINT;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  exercises = patella_store_list_exercises (self, FALSE, error);
  if (exercises == NULL)
    return FALSE;

  for (guint i = 0; i < exercises->len; i++)
    if (g_strcmp0 (((PatellaExercise *) g_ptr_array_index (exercises, i))->id, id) == 0)
      from = i;

  if (from == G_MAXUINT)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("There is no exercise “%s” in the routine."), id ? id : "");
      return FALSE;
    }

  index = MIN (index, exercises->len - 1);
  if (index == from)
    return TRUE;

  {
    gpointer moved = g_ptr_array_steal_index (exercises, from);
    g_ptr_array_insert (exercises, (int) index, moved);
  }

  stmt = patella_store_prepare (self, "UPDATE exercises SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL || !patella_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < exercises->len; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, ((PatellaExercise *) g_ptr_array_index (exercises, i))->id,
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) i);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          patella_sqlite_set_error (error, self->db, rc, self->path);
          patella_store_rollback (self);
          return FALSE;
        }
    }

  if (!patella_store_record_routine (self, error))
    {
      patella_store_rollback (self);
      return FALSE;
    }

  return patella_store_commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
}
