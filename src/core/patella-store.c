/* patella-store.c: the runner's health record, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is the only copy of someone's health record, so opening it is
 * careful: a file that is not ours, is damaged, is read-only or comes from a
 * newer Patella is only read, never written, and is refused with a message in
 * plain words. Only a file that passes every check is switched to WAL and
 * migrated.
 *
 * This part holds the type, its signals and the statements every other
 * part uses: transactions, prepared statements, errors in plain words and
 * the checks of what a runner types. The others, by concern:
 *   patella-store-open.c       opening, the checks of a file, outside changes
 *   patella-store-schema.c     the migrations (one SQL text per version), the schema check
 *   patella-store-exercises.c  the routine's exercises
 *   patella-store-routine.c    the routine's history
 *   patella-store-entries.c    the logged entries: writing, reading, listing
 *   patella-store-days.c       rest days, sets per day, the series, dismissed warnings
 *   patella-store-files.c      import and backup
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "patella-day.h"
#include "patella-store.h"
#include "patella-store-private.h"

G_DEFINE_FINAL_TYPE (PatellaStore, patella_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (patella-store-error-quark, patella_store_error)

static const struct {
  const char *name;
  const char *title;
} tables[PATELLA_N_TABLES] = {
  [PATELLA_TABLE_EXERCISES] = { "exercises", N_("Exercises") },
  [PATELLA_TABLE_EXERCISE_LOG] = { "exercise_log", N_("Exercise log") },
  [PATELLA_TABLE_PAIN_LOG] = { "pain_log", N_("Pain log") },
  [PATELLA_TABLE_RUNS] = { "runs", N_("Runs") },
  [PATELLA_TABLE_REST_DAYS] = { "rest_days", N_("Rest days") },
  [PATELLA_TABLE_DISMISSED_WARNINGS] = { "dismissed_warnings", N_("Dismissed warnings") },
};

/* The record's other tables, which no PatellaTable names: only --check
 * counts them. */
static const struct {
  const char *name;
  const char *title;
} other_tables[] = {
  { "routine_versions", N_("Routine and level changes") },
  { "outcomes", N_("Check-in answers") },
  { "self_tests", N_("Self-tests") },
  { "goals", N_("Goals") },
  { "visits", N_("Clinic visits") },
  { "visit_questions", N_("Questions for the clinic") },
  { "progression_snoozes", N_("Suggestions put off") },
  { "return_plan", N_("Return-to-running plan") },
  { "return_phases", N_("Return-to-running phases") },
};

static void
patella_store_finalize (GObject *object)
{
  PatellaStore *self = (PatellaStore *) object;

  /* sqlite3_close_v2 checkpoints the WAL into the main file when this is
   * the last connection; a file not yet checked only lets go of an empty
   * log, which copies nothing into it. */
  if (self->db != NULL && self->unchecked)
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      GStatBuf st;

      if (g_stat (wal, &st) == 0 && st.st_size == 0)
        sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
    }
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (patella_store_parent_class)->finalize (object);
}

static void
patella_store_class_init (PatellaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_store_finalize;

  /**
   * PatellaStore::changed:
   * @table: the PatellaTable that a committed write changed, or
   *   %PATELLA_STORE_CHANGED_ALL when another process changed the file
   *
   * Emitted after every committed write through this store, and when
   * another process's commits are noticed, so that every view of the
   * record can refresh from one place.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * PatellaStore::waiting:
   * @waiting: TRUE when a write starts waiting for another program's lock,
   *   FALSE when the wait is over, whatever its end
   *
   * Emitted only with patella_store_wait_in_main_loop(), a quarter of a
   * second into a wait, so that the window can say why nothing happens yet.
   */
  signals[WAITING] =
    g_signal_new ("waiting",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

void
patella_store_emit_changed (PatellaStore *self,
                            PatellaTable  table)
{
  g_signal_emit (self, signals[CHANGED], 0, (int) table);
}

static void
patella_store_init (PatellaStore *self)
{
}

const char *
patella_table_get_name (PatellaTable table)
{
  g_return_val_if_fail (table < PATELLA_N_TABLES, NULL);
  return tables[table].name;
}

const char *
patella_table_get_title (PatellaTable table)
{
  g_return_val_if_fail (table < PATELLA_N_TABLES, NULL);
  return _(tables[table].title);
}

char *
patella_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "patella.db", NULL);
}

/**
 * patella_store_get_notice:
 *
 * Returns: (nullable): something the runner must be told although the file
 *   opened (a damaged write-ahead log, and where its copy is), or %NULL.
 */
const char *
patella_store_get_notice (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  return self->notice;
}

const char *
patella_store_get_path (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  return self->path;
}

int
patella_store_get_schema_version (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), 0);
  return self->schema_version;
}

/* Turns an SQLite failure into an error a runner can act on. */
void
patella_sqlite_set_error (GError     **error,
                          sqlite3     *db,
                          int          rc,
                          const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Patella database. Patella left it untouched. "
                     "Choose another file, or move this one out of the way to start a new log."),
                   path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged, so Patella left it untouched. "
                     "Restore it from a backup, or move it out of the way to start a new log. "
                     "(SQLite said: %s)"),
                   path, detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file or its folder is read-only. "
                     "Patella left it untouched. Make it writable and try again."),
                   path);
      break;

    case SQLITE_FULL:
    case SQLITE_IOERR:
      if (rc == SQLITE_FULL || rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC ||
          rc == SQLITE_IOERR_TRUNCATE || rc == SQLITE_IOERR_SHMSIZE)
        g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FULL,
                     _("Patella could not write to the disk (it may be full), so nothing was saved. "
                       "Your earlier entries are safe; free some space and try again."));
      else
        g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
                     _("Reading or writing “%s” failed, so nothing was changed. (SQLite said: %s)"),
                     path, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_BUSY,
                   _("Another program is holding “%s” and did not let go in time. "
                     "Nothing was changed; try again in a moment."),
                   path);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN,
                   _("“%s” cannot be opened. Check that its folder exists and that you may read and write it."),
                   path);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID,
                   _("The entry was refused because one of its values is not allowed. "
                     "Nothing was saved. (SQLite said: %s)"),
                   detail);
      break;

    default:
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
                   _("Patella could not use “%s”. Nothing was changed. (SQLite said: %s)"),
                   path, detail);
      break;
    }
}

/* While a write waits in the main loop, what the loop runs meanwhile (a
 * click, a timer) must not use the connection: it is told to try later. */
gboolean
patella_store_check_not_waiting (PatellaStore  *self,
                                 GError       **error)
{
  if (!self->in_wait)
    return TRUE;

  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_BUSY,
               _("Patella is still waiting for another program to let go of “%s”. "
                 "Nothing was changed; try again in a moment."),
               self->path);
  return FALSE;
}

/* SQLite's busy handler with patella_store_wait_in_main_loop(): waits as
 * long as busy_timeout would, and while a write begins (where nothing of
 * the connection is in use) keeps the main loop running in short steps. */
static int
wait_for_lock (void *data,
               int   n_calls)
{
  PatellaStore *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 until;

  if (n_calls == 0)
    self->wait_started = now;
  if (now - self->wait_started >= BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND)
    return 0;
  if (!self->beginning)
    {
      sqlite3_sleep (10);
      return 1;
    }

  /* The loop may drop the window's reference: this one outlives the wait. */
  if (!self->held)
    self->held = g_object_ref (self) != NULL;

  self->in_wait = TRUE;
  if (!self->announced && now - self->wait_started >= 250 * G_TIME_SPAN_MILLISECOND)
    {
      self->announced = TRUE;
      g_signal_emit (self, signals[WAITING], 0, TRUE);
    }
  until = now + 20 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2 * G_TIME_SPAN_MILLISECOND);
  self->in_wait = FALSE;
  return 1;
}

static gboolean
unref_later (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* After a write began, or could not: the wait, if any, is over. The
 * reference it took goes back from the main loop, once the write that
 * waited has returned. */
static void
end_wait (PatellaStore *self)
{
  if (self->announced)
    {
      self->announced = FALSE;
      g_signal_emit (self, signals[WAITING], 0, FALSE);
    }
  if (self->held)
    {
      self->held = FALSE;
      g_idle_add (unref_later, self);
    }
}

/**
 * patella_store_wait_in_main_loop:
 *
 * From now on a write that finds the file held by another program waits
 * for it (up to 5 s, as always) with the thread-default main loop
 * running, so that a window stays responsive, and announces the wait with
 * #PatellaStore::waiting. For the application's main thread.
 */
void
patella_store_wait_in_main_loop (PatellaStore *self)
{
  g_return_if_fail (PATELLA_IS_STORE (self));

  self->wait_in_main_loop = TRUE;
  if (self->db != NULL)
    sqlite3_busy_handler (self->db, wait_for_lock, self);
}

gboolean
patella_store_exec (PatellaStore  *self,
                    const char    *sql,
                    GError       **error)
{
  int rc;

  if (!patella_store_check_not_waiting (self, error))
    return FALSE;
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
patella_store_prepare (PatellaStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!patella_store_check_not_waiting (self, error))
    return NULL;
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      return NULL;
    }
  return stmt;
}

/* Runs a statement that returns one integer (a PRAGMA or a count). */
gboolean
patella_store_query_int (PatellaStore  *self,
                         const char    *sql,
                         gint64        *out,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = patella_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      patella_sqlite_set_error (error, self->db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, self->path);
      return FALSE;
    }

  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
patella_store_begin (PatellaStore  *self,
                     GError       **error)
{
  gboolean begun;

  /* IMMEDIATE takes the write lock now, so busy_timeout applies here rather
   * than failing half-way through the transaction. */
  self->beginning = TRUE;
  begun = patella_store_exec (self, "BEGIN IMMEDIATE", error);
  self->beginning = FALSE;
  end_wait (self);
  return begun;
}

gboolean
patella_store_commit (PatellaStore  *self,
                      GError       **error)
{
  if (patella_store_exec (self, "COMMIT", error))
    return TRUE;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Commits, then tells every view of the record that @table changed. */
gboolean
patella_store_commit_and_announce (PatellaStore  *self,
                                   PatellaTable   table,
                                   GError       **error)
{
  if (!patella_store_commit (self, error))
    return FALSE;

  patella_store_emit_changed (self, table);
  return TRUE;
}

void
patella_store_rollback (PatellaStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* For the store's other parts (patella-store-private.h). */
const char *
patella_store_get_today_override (PatellaStore *self)
{
  return self->today;
}

void
patella_store_set_today (PatellaStore *self,
                         const char   *day)
{
  g_return_if_fail (PATELLA_IS_STORE (self));
  g_return_if_fail (day == NULL || patella_day_is_valid (day));

  g_free (self->today);
  self->today = g_strdup (day);
}

sqlite3 *
patella_store_get_db (PatellaStore *self)
{
  return self->db;
}

void
patella_store_set_sqlite_error (PatellaStore  *self,
                                int            rc,
                                GError       **error)
{
  patella_sqlite_set_error (error, self->db, rc, self->path);
}

/* An insert that SQLite took but did not write (a trigger in a file made
 * by another program may swallow it) must not be reported as saved. */
gboolean
patella_store_check_one_row_changed (PatellaStore  *self,
                                     GError       **error)
{
  if (sqlite3_changes (self->db) == 1)
    return TRUE;

  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
               _("“%s” did not take an entry that Patella wrote to it, so nothing was saved."),
               self->path);
  return FALSE;
}

void
patella_bind_optional_int (sqlite3_stmt *stmt,
                           int           index,
                           int           value,
                           int           none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

gboolean
patella_store_count (PatellaStore  *self,
                     PatellaTable   table,
                     gint64        *count,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < PATELLA_N_TABLES, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[table].name);
  return patella_store_query_int (self, sql, count, error);
}

/**
 * patella_store_count_record:
 *
 * Every table of the record with its rows, in a fixed order: the
 * PatellaTable ones first, then the others.
 *
 * Returns: (transfer full) (element-type PatellaTableCount): the counts,
 *   or %NULL with @error set
 */
GArray *
patella_store_count_record (PatellaStore  *self,
                            GError       **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (PatellaTableCount));

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  for (guint i = 0; i < PATELLA_N_TABLES + G_N_ELEMENTS (other_tables); i++)
    {
      gboolean other = i >= PATELLA_N_TABLES;
      PatellaTableCount count = {
        .name = other ? other_tables[i - PATELLA_N_TABLES].name : tables[i].name,
        .title = _(other ? other_tables[i - PATELLA_N_TABLES].title : tables[i].title),
      };
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", count.name);

      if (!patella_store_query_int (self, sql, &count.rows, error))
        return NULL;
      g_array_append_val (counts, count);
    }
  return g_steal_pointer (&counts);
}

char *
patella_dup_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A file can hold what this version never writes (edited by another
 * program, or its constraints removed): every day read is checked before
 * it is used to count or index anything. NULL (no row) is fine. */
gboolean
patella_store_check_read_day (PatellaStore  *self,
                              const char    *day,
                              GError       **error)
{
  if (day == NULL || patella_day_is_valid (day))
    return TRUE;

  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
               _("“%s” holds an entry dated “%s”, which is not a calendar day, so Patella cannot use it. "
                 "It was not written by Patella as it is; restore it from a backup."),
               self->path, day);
  return FALSE;
}

/* Validation in plain words before anything reaches SQL; the CHECK
 * constraints are the last line of defence behind it. */
gboolean
patella_store_invalid (GError     **error,
                       const char  *format,
                       ...) G_GNUC_PRINTF (2, 3);

gboolean
patella_store_invalid (GError     **error,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* The rules for the runner's own words are in patella-entry.h. */
gboolean
patella_store_check_text (const char        *text,
                          glong              max_chars,
                          PatellaTextField   field,
                          GError           **error)
{
  g_autofree char *problem = patella_text_check_field (text, max_chars, field);

  if (problem != NULL)
    return patella_store_invalid (error, "%s", problem);
  return TRUE;
}

gboolean
patella_store_check_common (const char  *day,
                            const char  *note,
                            GError     **error)
{
  if (!patella_day_is_valid (day))
    return patella_store_invalid (error, _("“%s” is not a calendar day; use the form YYYY-MM-DD."),
                                  day ? day : "");

  return patella_store_check_text (note, PATELLA_NOTE_MAX_CHARS, PATELLA_TEXT_FIELD_NOTE, error);
}

gboolean
patella_store_on_scale (int value)
{
  return value >= 0 && value <= PATELLA_SCALE_MAX;
}

/* Runs one prepared write to @table in its own transaction, then announces
 * it. Reports NOT_FOUND with the sentence @gone, when @gone is given and no
 * row was touched. @rowid, when given, receives the row an INSERT added. */
gboolean
patella_store_step_in_transaction (PatellaStore  *self,
                                   PatellaTable   table,
                                   sqlite3_stmt  *stmt,
                                   const char    *gone,
                                   gint64        *rowid,
                                   GError       **error)
{
  int rc;

  if (!patella_store_begin (self, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      patella_sqlite_set_error (error, self->db, rc, self->path);
      patella_store_rollback (self);
      return FALSE;
    }

  if (gone != NULL && sqlite3_changes (self->db) == 0)
    {
      patella_store_rollback (self);
      g_set_error_literal (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }

  if (rowid != NULL)
    {
      if (!patella_store_check_one_row_changed (self, error))
        {
          patella_store_rollback (self);
          return FALSE;
        }
      *rowid = sqlite3_last_insert_rowid (self->db);
    }

  /* Every change to the routine is kept with the day it takes effect. */
  if (table == PATELLA_TABLE_EXERCISES && !patella_store_record_routine (self, error))
    {
      patella_store_rollback (self);
      return FALSE;
    }

  return patella_store_commit_and_announce (self, table, error);
}
