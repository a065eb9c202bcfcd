/* patella-store-routine.c: the routine's history in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `exercises` holds each exercise as it is now; `routine_versions` holds,
 * for each exercise, what the routine asked of it from a day on: whether it
 * was in the routine, its dose, targets and place. A past day is judged by
 * the rows in force that day, so adding an exercise, switching one off,
 * reordering or changing a dose today never changes a day gone by. A change
 * made twice on one day keeps the last.
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "patella-day.h"
#include "patella-store-private.h"

char *
patella_store_change_day (PatellaStore *self)
{
  const char *today = patella_store_get_today_override (self);

  return today != NULL ? g_strdup (today) : patella_day_today ();
}

gboolean
patella_store_step_done (PatellaStore  *self,
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

gboolean
patella_store_record_routine (PatellaStore  *self,
                              GError       **error)
{
  g_autofree char *today = patella_store_change_day (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Each exercise whose row in force today says something else gets a row
   * from today (replacing one already there from earlier today). */
  stmt = patella_store_prepare (self,
                                "INSERT INTO routine_versions"
                                " (exercise_id, from_day, enabled, dose, target_sets, reps, hold_seconds, position, level)"
                                " SELECT e.id, ?1, e.enabled AND NOT e.archived, e.dose, e.target_sets, e.reps,"
                                "        e.hold_seconds, e.position, e.level"
                                " FROM exercises e"
                                " WHERE NOT EXISTS ("
                                "   SELECT 1 FROM routine_versions v"
                                "   WHERE v.exercise_id = e.id"
                                "     AND v.from_day = (SELECT max (w.from_day) FROM routine_versions w"
                                "                       WHERE w.exercise_id = e.id AND w.from_day <= ?1)"
                                "     AND v.enabled = (e.enabled AND NOT e.archived) AND v.dose = e.dose"
                                "     AND v.target_sets = e.target_sets AND v.reps IS e.reps"
                                "     AND v.hold_seconds IS e.hold_seconds AND v.position = e.position"
                                "     AND v.level = e.level)"
                                " ON CONFLICT (exercise_id, from_day) DO UPDATE SET"
                                "   enabled = excluded.enabled, dose = excluded.dose,"
                                "   target_sets = excluded.target_sets, reps = excluded.reps,"
                                "   hold_seconds = excluded.hold_seconds, position = excluded.position,"
                                "   level = excluded.level",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  return patella_store_step_done (self, stmt, error);
}

GPtrArray *
patella_store_list_routine (PatellaStore  *self,
                            const char    *day,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (patella_day_is_valid (day), NULL);

  stmt = patella_store_prepare (self,
                                "SELECT e.id, e.name, v.dose, e.cues, v.target_sets, coalesce (v.reps, 0),"
                                "       coalesce (v.hold_seconds, 0), v.position, v.enabled, e.builtin, e.archived, v.level"
                                " FROM exercises e JOIN routine_versions v ON v.exercise_id = e.id"
                                " WHERE v.from_day = (SELECT max (w.from_day) FROM routine_versions w"
                                "                     WHERE w.exercise_id = e.id AND w.from_day <= ?1)"
                                " ORDER BY v.position, e.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);

  return patella_store_read_exercises (self, stmt, error);
}

GPtrArray *
patella_store_list_routine_changes (PatellaStore  *self,
                                    const char    *first,
                                    const char    *last,
                                    GError       **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (patella_day_is_valid (first) && patella_day_is_valid (last), NULL);

  stmt = patella_store_prepare (self,
                                "SELECT DISTINCT from_day FROM routine_versions"
                                " WHERE from_day > ?1 AND from_day <= ?2 ORDER BY from_day",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  days = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (days, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      patella_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* Migration backups */

#define BACKUP_SUFFIX_FORMAT ".v%d-backup"

gboolean
patella_store_keep_migration_backup (PatellaStore  *self,
                                     GError       **error)
{
  int version = patella_store_get_schema_version (self);
  g_autofree char *suffix = g_strdup_printf (BACKUP_SUFFIX_FORMAT, version);
  g_autofree char *backup = g_strconcat (patella_store_get_path (self), suffix, NULL);

  if (!patella_store_backup (self, backup, error))
    {
      g_prefix_error (error, _("Your log was not updated to this version of Patella, "
                               "because the copy of it kept from before could not be made. "));
      return FALSE;
    }
  g_debug ("Kept %s as it was before the update", backup);
  return TRUE;
}

void
patella_store_remove_migration_backups (PatellaStore *self)
{
  for (int version = 1; version < PATELLA_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *suffix = g_strdup_printf (BACKUP_SUFFIX_FORMAT, version);
      g_autofree char *backup = g_strconcat (patella_store_get_path (self), suffix, NULL);

      if (g_unlink (backup) == 0)
        g_debug ("Removed %s: the update is behind us", backup);
      else if (errno != ENOENT)
        g_debug ("Could not remove %s: %s", backup, g_strerror (errno));
    }
}
