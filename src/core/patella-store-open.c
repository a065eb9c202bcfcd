/* patella-store-open.c: opening the record, and every check of the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-store-private.h"
#include "patella-wal.h"

/* Runs integrity_check or quick_check on @db, the connection to @path; any
 * answer but "ok" means damage. */
static gboolean
check_integrity_of (sqlite3       *db,
                    const char    *path,
                    const char    *pragma,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *answer;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      patella_sqlite_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, path);
      return FALSE;
    }

  answer = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (answer, "ok") != 0)
    {
      g_autoptr(GString) detail = g_string_new (answer ? answer : "?");

      /* One line of SQLite's report is enough for a person to pass on. */
      g_string_replace (detail, "*** in database main ***\n", "", 0);
      g_strdelimit (detail->str, "\n", ' ');
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged, so Patella left it untouched. "
                     "Restore it from a backup, or move it out of the way to start a new log. "
                     "(SQLite said: %s)"),
                   path, detail->str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_integrity (PatellaStore  *self,
                 const char    *pragma,
                 GError       **error)
{
  return check_integrity_of (self->db, self->path, pragma, error);
}

/* Reads, without writing anything, whether the file is a Patella database
 * this build may open. An empty file is schema version 0. */
static gboolean
inspect (PatellaStore           *self,
         PatellaStoreOpenFlags   flags,
         GError                **error)
{
  gint64 application_id, user_version, n_objects;

  if (!patella_store_query_int (self, "PRAGMA application_id", &application_id, error) ||
      !patella_store_query_int (self, "PRAGMA user_version", &user_version, error) ||
      !patella_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id == 0 && user_version == 0 && n_objects == 0)
    {
      self->schema_version = 0;
      return TRUE;
    }

  if (application_id != PATELLA_STORE_APPLICATION_ID || user_version < 1)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a database, but not one of Patella’s. Patella left it untouched. "
                     "Choose another file, or move this one out of the way to start a new log."),
                   self->path);
      return FALSE;
    }

  if (user_version > PATELLA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Patella (database version %d; "
                     "this version knows up to %d). Patella left it untouched: "
                     "update Patella to open it."),
                   self->path, (int) user_version, PATELLA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  self->schema_version = (int) user_version;
  if (!patella_store_check_schema (self, error))
    return FALSE;

  /* The quick check reads every row: on a long record it is most of the
   * start-up time. It may wait (patella_store_check_async()) only when
   * opening writes nothing: no migration, and the file already in WAL mode
   * (switching modes rewrites its header). */
  if ((flags & PATELLA_STORE_OPEN_DEFER_CHECK) != 0 && self->schema_version == PATELLA_STORE_SCHEMA_VERSION)
    {
      g_autoptr(sqlite3_stmt) stmt = patella_store_prepare (self, "PRAGMA journal_mode", error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0)
        {
          self->unchecked = TRUE;
          return TRUE;
        }
    }
  return check_integrity (self, "PRAGMA quick_check", error);
}

/* Creates an empty file, private to the user, inside a private folder. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN,
                   _("The folder “%s” for the database cannot be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, PATELLA_STORE_ERROR,
                   saved_errno == EROFS || saved_errno == EACCES
                     ? PATELLA_STORE_ERROR_READ_ONLY : PATELLA_STORE_ERROR_CANT_OPEN,
                   _("The database “%s” cannot be created: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0)
    g_warning ("Could not make %s private: %s", path, g_strerror (errno));

  return g_close (fd, error);
}

/* SQLite's companion files: the write-ahead log and its index. */
typedef struct
{
  char     *wal;
  char     *shm;
  gboolean  had_wal;
  gboolean  had_shm;
} Sidecars;

static void
sidecars_init (Sidecars   *sidecars,
               const char *path)
{
  sidecars->wal = g_strconcat (path, "-wal", NULL);
  sidecars->shm = g_strconcat (path, "-shm", NULL);
  sidecars->had_wal = g_file_test (sidecars->wal, G_FILE_TEST_EXISTS);
  sidecars->had_shm = g_file_test (sidecars->shm, G_FILE_TEST_EXISTS);
}

/* After refusing a file (with the connection closed and no checkpoint),
 * removes the companions that merely reading it created. A log that holds
 * anything is never removed: it is part of the database. */
static void
sidecars_remove_created (Sidecars *sidecars)
{
  GStatBuf st;

  if (!sidecars->had_wal && g_stat (sidecars->wal, &st) == 0 && st.st_size == 0)
    g_unlink (sidecars->wal);
  if (!sidecars->had_shm && !g_file_test (sidecars->wal, G_FILE_TEST_EXISTS))
    g_unlink (sidecars->shm);
}

static void
sidecars_clear (Sidecars *sidecars)
{
  g_clear_pointer (&sidecars->wal, g_free);
  g_clear_pointer (&sidecars->shm, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sidecars, sidecars_clear)

/* Takes group and other permissions away from @path, if it has any. */
static void
make_private (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
    g_warning ("Could not make %s private: %s", path, g_strerror (errno));
}

static gboolean
is_read_only (const char      *path,
              const GStatBuf  *st)
{
  /* The permission bits count even for root, who could write anyway: a
   * runner who marked the file read-only meant it. */
  return (st->st_mode & S_IWUSR) == 0 || g_access (path, W_OK) != 0;
}

/* Whether @wal holds commits SQLite will not read (patella-wal.c). Read
 * twice, a moment apart: another process may be writing it just now. */
static guint
count_lost_commits (const char  *wal,
                    char       **contents,
                    gsize       *length)
{
  for (guint look = 0; look < 2; look++)
    {
      g_clear_pointer (contents, g_free);
      if (look > 0)
        g_usleep (50 * 1000);
      if (!g_file_get_contents (wal, contents, length, NULL) ||
          patella_wal_count_lost_commits ((const guint8 *) *contents, *length) == 0)
        return 0;
    }
  return patella_wal_count_lost_commits ((const guint8 *) *contents, *length);
}

/* Writes @contents to a new file @path, private, synced; FALSE if @path
 * exists or cannot be written. */
static gboolean
write_new_private_file (const char *path,
                        const char *contents,
                        gsize       length)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  gsize done = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  ok = done == length && fsync (fd) == 0;
  ok = close (fd) == 0 && ok;
  if (!ok)
    g_unlink (path);
  return ok;
}

/* Before anything is written, a write-ahead log with commits SQLite skips
 * (a damaged frame before them) is copied to "NAME-wal.damaged-DATE",
 * readable by the user alone: the next write would go over them. The
 * runner is told, on stderr and through patella_store_get_notice(). */
static void
keep_damaged_log (PatellaStore *self,
                  const char   *wal)
{
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *copy = NULL;
  gsize length = 0;
  guint lost = count_lost_commits (wal, &contents, &length);

  if (lost == 0)
    return;

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *kept = NULL;
      gsize kept_length = 0;

      g_free (copy);
      copy = n == 1 ? g_strdup_printf ("%s.damaged-%s", wal, date) : g_strdup_printf ("%s.damaged-%s-%u", wal, date, n);
      /* Kept already, by an earlier start. */
      if (g_file_get_contents (copy, &kept, &kept_length, NULL))
        {
          if (kept_length == length && memcmp (kept, contents, length) == 0)
            break;
          continue;
        }
      if (write_new_private_file (copy, contents, length))
        break;
      g_clear_pointer (&copy, g_free);
      break;
    }

  if (copy != NULL)
    self->notice = g_strdup_printf (ngettext ("The write-ahead log of “%s” is damaged: %u saved change in it "
                                              "cannot be read, so your log opens without it. Patella kept a copy "
                                              "of that log as “%s”; keep it, and ask for help to recover it.",
                                              "The write-ahead log of “%s” is damaged: %u saved changes in it "
                                              "cannot be read, so your log opens without them. Patella kept a "
                                              "copy of that log as “%s”; keep it, and ask for help to recover "
                                              "them.", lost),
                                    self->path, lost, copy);
  else
    self->notice = g_strdup_printf (ngettext ("The write-ahead log of “%s” is damaged: %u saved change in it "
                                              "cannot be read, and Patella could not keep a copy of it. Copy "
                                              "“%s” somewhere safe before you log anything, and ask for help.",
                                              "The write-ahead log of “%s” is damaged: %u saved changes in it "
                                              "cannot be read, and Patella could not keep a copy of it. Copy "
                                              "“%s” somewhere safe before you log anything, and ask for help.",
                                              lost),
                                    self->path, lost, wal);
  g_printerr ("%s: %s\n", g_get_prgname (), self->notice);
}

/* @path is a symbolic link that realpath() could not follow. */
static void
set_link_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *target = g_file_read_link (path, NULL);

  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN,
               _("“%s” is a link to “%s”, which cannot be opened (%s). Patella left both untouched: "
                 "point the link at the database, or remove it to start a new log."),
               path, target ? target : "?", g_strerror (saved_errno));
}

/**
 * patella_store_open:
 * @path: the database file; created (0600, in a 0700 folder) when missing
 *
 * Opens the runner's record. A file that is not a Patella database, is
 * damaged, read-only or from a newer schema is refused with an error in
 * plain words and stays byte-identical.
 */
PatellaStore *
patella_store_open (const char  *path,
                    GError     **error)
{
  return patella_store_open_full (path, PATELLA_STORE_OPEN_DEFAULT, error);
}

/**
 * patella_store_open_full:
 * @flags: %PATELLA_STORE_OPEN_DEFER_CHECK to leave the quick check of every
 *   row for later (patella_store_check_async()), so that opening a long
 *   record does not read all of it. Opening still refuses files that are not
 *   Patella's, are read-only or newer, and always checks before a migration.
 *
 * Like patella_store_open().
 */
PatellaStore *
patella_store_open_full (const char             *path,
                         PatellaStoreOpenFlags   flags,
                         GError                **error)
{
  g_autoptr(PatellaStore) self = NULL;
  g_auto(Sidecars) sidecars = { 0 };
  g_autofree char *resolved = NULL;
  gboolean created = FALSE;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PATELLA_TYPE_STORE, NULL);

  /* A link is followed once, here: SQLite keeps its log and index beside
   * the real file, and that is where they are made private. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_autofree char *real = realpath (path, NULL);

      if (real == NULL)
        {
          set_link_error (error, path, errno);
          return NULL;
        }
      path = resolved = g_steal_pointer (&real);
    }
  self->path = g_strdup (path);

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN,
                       _("“%s” is not a file, so it cannot hold a Patella database."), path);
          return NULL;
        }
      if (is_read_only (path, &st))
        {
          patella_sqlite_set_error (error, NULL, SQLITE_READONLY, path);
          return NULL;
        }
    }
  else if (errno == ENOENT)
    {
      if (!create_private_file (path, error))
        return NULL;
      created = TRUE;
    }
  else
    {
      int saved_errno = errno;
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN,
                   _("“%s” cannot be opened: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  sidecars_init (&sidecars, path);
  if (sidecars.had_wal)
    keep_damaged_log (self, sidecars.wal);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      patella_sqlite_set_error (error, self->db, rc, path);
      goto fail;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Until the file passes inspection, closing must not copy its write-ahead
   * log into it: that would change a file we are refusing. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  /* Whatever the file holds, SQL run on it cannot rewrite its schema by
   * hand, and its schema cannot call functions with side effects. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  /* Nothing above or in inspect() writes to the file. */
  if (!patella_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !inspect (self, flags, error))
    goto fail;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      patella_sqlite_set_error (error, NULL, SQLITE_READONLY, path);
      goto fail;
    }

  /* The file is ours: a health record others could read is made private,
   * with its companions, rather than refused. */
  make_private (path);
  make_private (sidecars.wal);
  make_private (sidecars.shm);

  /* From here on the file is ours: WAL keeps committed entries safe and lets
   * a reader and a writer work at once; FULL syncs each commit to disk.
   * Until a deferred check passes, the log is not copied into the file. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, self->unchecked ? 1 : 0, NULL);
  if (!patella_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !patella_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !patella_store_migrate (self, error))
    goto fail;

  return g_steal_pointer (&self);

fail:
  g_clear_pointer (&self->db, sqlite3_close_v2);
  if (created)
    {
      /* Nothing of the runner's was in a file we made a moment ago. */
      g_unlink (sidecars.wal);
      g_unlink (sidecars.shm);
      g_unlink (path);
    }
  else if (sidecars.wal != NULL)
    sidecars_remove_created (&sidecars);
  return NULL;
}

/* The worker thread may drop the task last: it holds the store weakly. */
typedef struct
{
  char     *path;
  GWeakRef  store;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  g_weak_ref_clear (&data->store);
  g_free (data);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = ((CheckData *) task_data)->path;
  sqlite3 *db = NULL;
  GError *error = NULL;
  int rc;

  /* A connection of its own, read-only: the store's stays with the main
   * thread, and in WAL mode this reader does not block its writes. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    patella_sqlite_set_error (&error, db, rc, path);
  else
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      check_integrity_of (db, path, "PRAGMA quick_check", &error);
    }
  sqlite3_close_v2 (db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * patella_store_check_async:
 *
 * Runs SQLite's quick check of every row in a worker thread, for a store
 * opened with %PATELLA_STORE_OPEN_DEFER_CHECK. The store itself may be used
 * meanwhile. The callback gets no source object.
 */
void
patella_store_check_async (PatellaStore        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  g_return_if_fail (PATELLA_IS_STORE (self));

  /* No source object: the worker thread drops the task's last reference,
   * and the store must not be finalized there. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, patella_store_check_async);
  data = g_new0 (CheckData, 1);
  data->path = g_strdup (self->path);
  g_weak_ref_init (&data->store, self);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_in_thread);
}

/**
 * patella_store_check_finish:
 *
 * Applies the answer to the store, if it is still open: a sound file is
 * trusted like one checked on opening; a damaged one takes no more writes
 * from anyone holding it, and its log is not copied into it.
 *
 * Returns: %TRUE when the file passed; otherwise %FALSE with a
 *   %PATELLA_STORE_ERROR_CORRUPT (or other) error in plain words.
 */
gboolean
patella_store_check_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(PatellaStore) self = NULL;
  GError *local_error = NULL;
  gboolean passed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == patella_store_check_async, FALSE);

  self = g_weak_ref_get (&((CheckData *) g_task_get_task_data (G_TASK (result)))->store);
  passed = g_task_propagate_boolean (G_TASK (result), &local_error);
  if (self != NULL && self->db != NULL && passed)
    {
      /* Sound: the log may go into the file again. */
      self->unchecked = FALSE;
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
    }
  else if (self != NULL && self->db != NULL &&
           g_error_matches (local_error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT))
    {
      /* Damaged: whoever still holds the store can no longer write. */
      sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return passed;
}

/**
 * patella_store_verify:
 *
 * A full integrity check and a schema check: slower than the quick check
 * done on open, for `patella --check`.
 */
gboolean
patella_store_verify (PatellaStore  *self,
                      GError       **error)
{
  gint64 user_version, orphans;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!check_integrity (self, "PRAGMA integrity_check", error) ||
      !patella_store_query_int (self, "PRAGMA user_version", &user_version, error))
    return FALSE;

  if (user_version != PATELLA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
                   _("“%s” reports database version %d where %d was expected."),
                   self->path, (int) user_version, PATELLA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!patella_store_query_int (self, "SELECT count(*) FROM pragma_foreign_key_check", &orphans, error))
    return FALSE;
  if (orphans > 0)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
                   ngettext ("“%s” holds %d entry that names a missing exercise.",
                             "“%s” holds %d entries that name a missing exercise.",
                             (gulong) orphans),
                   self->path, (int) orphans);
      return FALSE;
    }

  return TRUE;
}

/* SQLite's data_version: it moves when another connection commits. */
static gint64
get_data_version (PatellaStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/**
 * patella_store_notice_outside_changes:
 *
 * Checks whether another process (an import from the command line, a
 * second window) has committed to the file since the last look, and if so
 * emits #PatellaStore::changed once with %PATELLA_STORE_CHANGED_ALL, so
 * that the views reload.
 *
 * Returns: whether there were such changes
 */
gboolean
patella_store_notice_outside_changes (PatellaStore *self)
{
  gint64 version;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  /* Not while a write waits in the main loop: see patella_store_check_not_waiting(). */
  if (self->in_wait)
    return FALSE;
  version = get_data_version (self);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_debug ("Another process changed %s", self->path);
  /* Once, for all of it: each view reloads once. */
  patella_store_emit_changed (self, PATELLA_STORE_CHANGED_ALL);
  return TRUE;
}

static void
log_file_changed (GFileMonitor      *monitor,
                  GFile             *file,
                  GFile             *other,
                  GFileMonitorEvent  event,
                  PatellaStore      *self)
{
  patella_store_notice_outside_changes (self);
}

/**
 * patella_store_watch_outside_changes:
 *
 * From now on, notices commits by other processes as they land: every
 * commit writes the write-ahead log, and a change to that file is checked
 * with patella_store_notice_outside_changes(). Commits through this store
 * do not count. For the application; the command line does not need it.
 */
void
patella_store_watch_outside_changes (PatellaStore *self)
{
  g_autofree char *wal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PATELLA_IS_STORE (self));

  if (self->monitor != NULL)
    return;

  self->data_version = get_data_version (self);
  wal = g_strconcat (self->path, "-wal", NULL);
  file = g_file_new_for_path (wal);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch %s for other processes: %s", wal, error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (log_file_changed), self, 0);
}
