/* patella-store-files.c: the record and other files: import, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "patella-files.h"
#include "patella-store-private.h"

static gboolean
import_in_transaction (PatellaStore       *self,
                       PatellaImportPlan   plan,
                       gpointer            user_data,
                       GError            **error)
{
  sqlite3_stmt *statements[PATELLA_N_ENTRY_KINDS] = { NULL };
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_exercise_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);
  gint64 next_position;
  gboolean ok = FALSE;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!patella_store_begin (self, error))
    return FALSE;

  if (!plan (self, exercises, entries, user_data, error))
    goto fail;

  if (!patella_store_query_int (self, "SELECT coalesce(max(position) + 1, 0) FROM exercises", &next_position, error))
    goto fail;
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise exercise = *(PatellaExercise *) g_ptr_array_index (exercises, i);

      exercise.position = (int) next_position++;
      exercise.builtin = FALSE;
      if (!patella_store_insert_exercise (self, &exercise, error))
        goto fail;
    }
  /* An exercise the file brings joins the routine from today. */
  if (exercises->len > 0 && !patella_store_record_routine (self, error))
    goto fail;

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaEntry *entry = g_ptr_array_index (entries, i);
      sqlite3_stmt *stmt;
      int rc;

      if (entry->kind == PATELLA_ENTRY_REST_DAY)
        {
          /* Never over a day already marked: the plan leaves those out. */
          if (statements[entry->kind] == NULL)
            statements[entry->kind] = patella_store_prepare (self, "INSERT INTO rest_days (day, kind, note) VALUES (?1, ?2, ?3)",
                                                             error);
          stmt = statements[entry->kind];
          if (stmt == NULL)
            goto fail;
          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, entry->day, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, patella_rest_day_kind_to_string (entry->rest_kind), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, entry->note ? entry->note : "", -1, SQLITE_STATIC);
        }
      else
        {
          /* One prepared statement per kind, reused for every row. */
          if (statements[entry->kind] == NULL)
            {
              g_autofree char *sql = patella_store_entry_insert_sql (entry->kind);

              statements[entry->kind] = patella_store_prepare (self, sql, error);
            }
          stmt = statements[entry->kind];
          if (stmt == NULL)
            goto fail;
          sqlite3_reset (stmt);
          patella_store_bind_entry (stmt, entry);
        }

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          patella_sqlite_set_error (error, self->db, rc, self->path);
          goto fail;
        }
      /* What was written, not what was sent, is what the summary says. */
      if (!patella_store_check_one_row_changed (self, error))
        goto fail;
    }

  ok = TRUE;

fail:
  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    g_clear_pointer (&statements[k], sqlite3_finalize);
  if (!ok)
    {
      patella_store_rollback (self);
      return FALSE;
    }
  return patella_store_commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
}

/* SQLite's default page cache (2 MiB) holds the pages ten years of entries
 * change, not fifty: beyond it the transaction spills pages into the WAL
 * before it commits and reads them back, so fifty years wrote 6.3 times
 * and read 8.8 times as many pages as ten (`strace -c`). The import's
 * transaction gets a cache of up to 64 MiB, filled only as it needs, and
 * the default returns after it. */
#define IMPORT_CACHE_SIZE "-65536"
#define DEFAULT_CACHE_SIZE "-2000"

/**
 * patella_store_import:
 * @plan: decides, inside the write transaction, what to add: it reads the
 *   record as it is now (no other writer can change it meanwhile) and fills
 *   the exercises and entries to add
 *
 * Adds everything @plan chose in one transaction: all of it, or, on any
 * failure (of @plan too), none.
 */
gboolean
patella_store_import (PatellaStore       *self,
                      PatellaImportPlan   plan,
                      gpointer            user_data,
                      GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  sqlite3_exec (self->db, "PRAGMA cache_size = " IMPORT_CACHE_SIZE, NULL, NULL, NULL);
  ok = import_in_transaction (self, plan, user_data, error);
  sqlite3_exec (self->db, "PRAGMA cache_size = " DEFAULT_CACHE_SIZE, NULL, NULL, NULL);
  return ok;
}

/* SQLite's companions of a database at @path: a rollback journal, or a
 * write-ahead log and its index. */
static void
remove_sidecars (const char *path)
{
  const char *suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      g_unlink (sidecar);
    }
}

static void
remove_with_sidecars (const char *path)
{
  remove_sidecars (path);
  g_unlink (path);
}

/**
 * patella_store_backup:
 * @path: where the copy goes; replaced only once the copy is whole
 *
 * Copies the database through SQLite's online backup API, which gives a
 * consistent copy of a live database (never a file copy), into a private
 * temporary file beside @path, checks it, and renames it into place.
 */
gboolean
patella_store_backup (PatellaStore  *self,
                      const char    *path,
                      GError       **error)
{
  g_autofree char *temp = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (patella_store_is_own_file (self, path))
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID,
                   _("“%s” is the database itself; a backup must go to another file."), path);
      return FALSE;
    }

  fd = patella_temp_file_open (path, O_RDWR | O_CLOEXEC, &temp, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  rc = sqlite3_open_v2 (temp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          /* Steps, so that the window stays free to write between them. */
          while ((rc = sqlite3_backup_step (backup, 256)) == SQLITE_OK ||
                 rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            if (rc != SQLITE_OK)
              sqlite3_sleep (20);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_exec (copy, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
        }
      else
        rc = sqlite3_errcode (copy);
    }

  if (rc != SQLITE_OK)
    {
      patella_sqlite_set_error (error, copy, rc, path);
      g_prefix_error (error, _("The backup was not made, and nothing was left behind: "));
      sqlite3_close (copy);
      remove_with_sidecars (temp);
      return FALSE;
    }
  sqlite3_close (copy);

  /* The checkpoint emptied the log into the copy; only the file goes. */
  remove_sidecars (temp);

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      remove_with_sidecars (temp);
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN,
                   _("The backup “%s” cannot be written: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * patella_store_is_own_file:
 *
 * Whether @path is the database or one of its companion files, which an
 * export, a report or a backup must never write over.
 */
gboolean
patella_store_is_own_file (PatellaStore *self,
                           const char   *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (path == NULL || g_stat (path, &target) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *own = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (own, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino)
        return TRUE;
    }
  return FALSE;
}
