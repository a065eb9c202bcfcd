/* patella-store.c: the runner's health record, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is the only copy of someone's health record, so opening it is
 * careful: a file that is not ours, is damaged, is read-only or comes from a
 * newer Patella is only read, never written, and is refused with a message in
 * plain words. Only a file that passes every check is switched to WAL and
 * migrated.
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-day.h"
#include "patella-files.h"
#include "patella-store.h"
#include "patella-store-private.h"
#include "patella-wal.h"
#include "patella-warnings.h"

struct _PatellaStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;
  gboolean unchecked;  /* opened with the quick check deferred, not yet run */
  char    *today;      /* the day routine changes take effect; NULL: the real one */
  char    *notice;     /* what the runner must hear of, though the file opened */

  /* Commits by other processes (the command line, a second window). */
  GFileMonitor *monitor;
  gint64        data_version;

  /* Waiting for another program's lock with the main loop running. */
  gboolean      wait_in_main_loop;
  gboolean      beginning;   /* in begin(): the one place that waits so */
  gboolean      in_wait;     /* the main loop is running inside a wait */
  gboolean      announced;
  gboolean      held;        /* a reference taken for the wait */
  gint64        wait_started;
};

G_DEFINE_FINAL_TYPE (PatellaStore, patella_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (patella-store-error-quark, patella_store_error)

#define BUSY_TIMEOUT_MS 5000

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

/* A day is "YYYY-MM-DD" naming a real date (the "+0 days" makes SQLite
 * normalise 02-30 to 03-02, which then differs); an instant is UTC with a Z. */
#define DAY_CHECK(col) \
  "CHECK (" col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(" col ", '+0 days') IS " col ")"
#define INSTANT_CHECK(col) \
  "CHECK (" col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z')"
#define NOTE_COLUMN \
  "note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)"

/* Migrations, one per schema version. Each runs in one transaction together
 * with the user_version bump. Never edit a released one: add the next.
 * Log ids are AUTOINCREMENT: an id is never handed out twice, so Undo of a
 * delete can put an entry back under its own id. */
static const char *const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE exercises ("
  "  id TEXT PRIMARY KEY NOT NULL"
  "    CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'),"
  "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),"
  "  dose TEXT NOT NULL DEFAULT '' CHECK (length(dose) <= 4000),"
  "  cues TEXT NOT NULL DEFAULT '' CHECK (length(cues) <= 4000),"
  "  target_sets INTEGER NOT NULL CHECK (target_sets BETWEEN 1 AND 100),"
  "  reps INTEGER CHECK (reps BETWEEN 1 AND 1000),"
  "  hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 600),"
  "  position INTEGER NOT NULL,"
  "  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE exercise_log ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  instant TEXT NOT NULL " INSTANT_CHECK ("instant") ","
  "  exercise_id TEXT NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE RESTRICT,"
  "  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 100),"
  "  reps INTEGER CHECK (reps BETWEEN 1 AND 1000),"
  "  " NOTE_COLUMN
  ") STRICT;"
  "CREATE INDEX exercise_log_by_day ON exercise_log (day, exercise_id);"
  "CREATE INDEX exercise_log_by_exercise ON exercise_log (exercise_id);"
  "CREATE TABLE pain_log ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  instant TEXT NOT NULL " INSTANT_CHECK ("instant") ","
  "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),"
  "  context TEXT NOT NULL"
  "    CHECK (context IN ('morning', 'during', 'after', 'rest', 'stairs', 'sitting', 'other')),"
  "  " NOTE_COLUMN
  ") STRICT;"
  "CREATE INDEX pain_log_by_day ON pain_log (day);"
  "CREATE TABLE runs ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  instant TEXT NOT NULL " INSTANT_CHECK ("instant") ","
  "  minutes REAL NOT NULL CHECK (minutes > 0 AND minutes <= 1440),"
  "  distance_km REAL NOT NULL CHECK (distance_km >= 0 AND distance_km <= 1000),"
  "  rpe INTEGER NOT NULL CHECK (rpe BETWEEN 0 AND 10),"
  "  pain INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  " NOTE_COLUMN
  ") STRICT;"
  "CREATE INDEX runs_by_day ON runs (day);"
  "CREATE TABLE rest_days ("
  "  day TEXT PRIMARY KEY NOT NULL " DAY_CHECK ("day") ","
  "  kind TEXT NOT NULL CHECK (kind IN ('rest', 'sick')),"
  "  " NOTE_COLUMN
  ") STRICT;",

  /* 1 -> 2: a warning the runner has read can be put away for that day. */
  "CREATE TABLE dismissed_warnings ("
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  code TEXT NOT NULL CHECK (code IN ('pain-high', 'pain-severe', 'morning-worse',"
  "    'pain-trend-up', 'run-spike', 'weekly-distance-spike', 'acwr-high', 'monotony-high')),"
  "  PRIMARY KEY (day, code)"
  ") STRICT, WITHOUT ROWID;",

  /* 2 -> 3: the routine has a history. Each row is an exercise as it was in
   * the routine from its day until the exercise's next row, so that a change
   * made today leaves every past day's targets as they were. Earlier changes
   * were not recorded: the routine as it stands becomes the routine since
   * the earliest day a record can hold. */
  "CREATE TABLE routine_versions ("
  "  exercise_id TEXT NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  from_day TEXT NOT NULL " DAY_CHECK ("from_day") ","
  "  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),"
  "  dose TEXT NOT NULL DEFAULT '' CHECK (length(dose) <= 4000),"
  "  target_sets INTEGER NOT NULL CHECK (target_sets BETWEEN 1 AND 100),"
  "  reps INTEGER CHECK (reps BETWEEN 1 AND 1000),"
  "  hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 600),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (exercise_id, from_day)"
  ") STRICT, WITHOUT ROWID;"
  "INSERT INTO routine_versions (exercise_id, from_day, enabled, dose, target_sets, reps, hold_seconds, position)"
  "  SELECT id, '" PATELLA_ROUTINE_SINCE "', enabled AND NOT archived, dose, target_sets, reps, hold_seconds, position"
  "  FROM exercises;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PATELLA_STORE_SCHEMA_VERSION);

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

static void
emit_changed (PatellaStore *self,
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
static void
set_sqlite_error (GError     **error,
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
static gboolean
check_not_waiting (PatellaStore  *self,
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

static gboolean
exec (PatellaStore  *self,
      const char    *sql,
      GError       **error)
{
  int rc;

  if (!check_not_waiting (self, error))
    return FALSE;
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (PatellaStore  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!check_not_waiting (self, error))
    return NULL;
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }
  return stmt;
}

/* Runs a statement that returns one integer (a PRAGMA or a count). */
static gboolean
query_int (PatellaStore  *self,
           const char    *sql,
           gint64        *out,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, self->path);
      return FALSE;
    }

  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

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
      set_sqlite_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, path);
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

static gboolean
begin (PatellaStore  *self,
       GError       **error)
{
  gboolean begun;

  /* IMMEDIATE takes the write lock now, so busy_timeout applies here rather
   * than failing half-way through the transaction. */
  self->beginning = TRUE;
  begun = exec (self, "BEGIN IMMEDIATE", error);
  self->beginning = FALSE;
  end_wait (self);
  return begun;
}

static gboolean
commit (PatellaStore  *self,
        GError       **error)
{
  if (exec (self, "COMMIT", error))
    return TRUE;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Commits, then tells every view of the record that @table changed. */
static gboolean
commit_and_announce (PatellaStore  *self,
                     PatellaTable   table,
                     GError       **error)
{
  if (!commit (self, error))
    return FALSE;

  emit_changed (self, table);
  return TRUE;
}

static void
rollback (PatellaStore *self)
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

sqlite3_stmt *
patella_store_prepare (PatellaStore  *self,
                       const char    *sql,
                       GError       **error)
{
  return prepare (self, sql, error);
}

void
patella_store_set_sqlite_error (PatellaStore  *self,
                                int            rc,
                                GError       **error)
{
  set_sqlite_error (error, self->db, rc, self->path);
}

/* An insert that SQLite took but did not write (a trigger in a file made
 * by another program may swallow it) must not be reported as saved. */
static gboolean
check_one_row_changed (PatellaStore  *self,
                       GError       **error)
{
  if (sqlite3_changes (self->db) == 1)
    return TRUE;

  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
               _("“%s” did not take an entry that Patella wrote to it, so nothing was saved."),
               self->path);
  return FALSE;
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   int           value,
                   int           none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

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
  bind_optional_int (stmt, 6, exercise->reps, 0);
  bind_optional_int (stmt, 7, exercise->hold_seconds, 0);
  sqlite3_bind_int (stmt, 8, exercise->enabled ? 1 : 0);
}

static gboolean
insert_exercise (PatellaStore           *self,
                 const PatellaExercise  *exercise,
                 GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
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
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return check_one_row_changed (self, error);
}

/* The built-in routine is stored in English; the UI shows translations. */
static gboolean
seed_builtins (PatellaStore  *self,
               GError       **error)
{
  const PatellaExercise *builtins;
  guint n_builtins;

  builtins = patella_exercise_get_builtins (&n_builtins);
  for (guint i = 0; i < n_builtins; i++)
    {
      PatellaExercise exercise = builtins[i];

      exercise.position = (int) i;
      exercise.builtin = TRUE;
      if (!insert_exercise (self, &exercise, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (PatellaStore  *self,
         GError       **error)
{
  /* A file already up to date has started since its migration: the copy
   * kept from before it is no longer needed. */
  if (self->schema_version == PATELLA_STORE_SCHEMA_VERSION)
    {
      patella_store_remove_migration_backups (self);
      return TRUE;
    }

  /* The runner's record as it was, beside it, until the next start. */
  if (self->schema_version >= 1 && !patella_store_keep_migration_backup (self, error))
    return FALSE;

  while (self->schema_version < PATELLA_STORE_SCHEMA_VERSION)
    {
      int from = self->schema_version;
      g_autofree char *bump = NULL;

      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                              PATELLA_STORE_APPLICATION_ID, from + 1);

      if (!begin (self, error) ||
          !exec (self, migrations[from], error) ||
          (from == 0 && !seed_builtins (self, error)) ||
          !exec (self, bump, error) ||
          !commit (self, error))
        {
          rollback (self);
          g_prefix_error (error, _("Updating the database to version %d failed: "), from + 1);
          return FALSE;
        }

      self->schema_version = from + 1;
      g_debug ("Migrated %s to schema version %d", self->path, self->schema_version);
    }

  return TRUE;
}

/* The schema: what sqlite_schema holds, one "type name" key per object,
 * its SQL with every run of white space made one space. */
static char *
normalise_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql ? sql : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GHashTable *
read_schema (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rc = SQLITE_OK;
      g_hash_table_insert (schema,
                           g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)),
                           normalise_sql ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc, path);
      return NULL;
    }
  return g_steal_pointer (&schema);
}

/* The schema this version creates at @version, made with the very same
 * migrations in a database in memory. */
static GHashTable *
expected_schema (int       version,
                 GError  **error)
{
  sqlite3 *db = NULL;
  GHashTable *schema = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  for (int i = 0; rc == SQLITE_OK && i < version; i++)
    rc = sqlite3_exec (db, migrations[i], NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    schema = read_schema (db, ":memory:", error);
  else
    set_sqlite_error (error, db, rc, ":memory:");
  sqlite3_close (db);
  return schema;
}

static const char *
object_kind (const char *key)
{
  if (g_str_has_prefix (key, "table "))
    return _("table");
  if (g_str_has_prefix (key, "index "))
    return _("index");
  if (g_str_has_prefix (key, "trigger "))
    return _("trigger");
  if (g_str_has_prefix (key, "view "))
    return _("view");
  return _("object");
}

typedef enum
{
  SCHEMA_EXTRA,
  SCHEMA_CHANGED,
  SCHEMA_MISSING,
} SchemaDifference;

static gboolean
not_as_written (PatellaStore      *self,
                const char        *key,
                SchemaDifference   difference,
                GError           **error)
{
  const char *kind = object_kind (key);
  const char *name = strchr (key, ' ') + 1;
  g_autofree char *what = NULL;

  switch (difference)
    {
    case SCHEMA_EXTRA:
      /* Translators: a kind of database object (table, index, trigger,
         view), then its name: "the trigger “wipe”" */
      what = g_strdup_printf (_("it holds the %s “%s”, which Patella does not create"), kind, name);
      break;
    case SCHEMA_CHANGED:
      /* Translators: a kind of object, then its name: "the table “runs”" */
      what = g_strdup_printf (_("the %s “%s” is not as Patella creates it"), kind, name);
      break;
    case SCHEMA_MISSING:
    default:
      /* Translators: a kind of object, then its name: "the table “runs”" */
      what = g_strdup_printf (_("the %s “%s” is missing"), kind, name);
      break;
    }
  g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_DATABASE,
               _("“%s” is not a Patella database as this version writes it: %s. "
                 "Patella left it untouched and changed nothing. "
                 "Restore it from a backup, or move it out of the way to start a new log."),
               self->path, what);
  return FALSE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A file whose tables, indexes, triggers or views differ in any way from
 * what this version creates (constraints removed, a trigger added) is not
 * ours as we wrote it: its rows could hold anything, and a write could do
 * anything. */
static gboolean
check_schema (PatellaStore  *self,
              GError       **error)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  found = read_schema (self->db, self->path, error);
  if (found == NULL)
    return FALSE;
  expected = expected_schema (self->schema_version, error);
  if (expected == NULL)
    return FALSE;

  /* In name order, so that the message is the same each time. */
  keys = g_hash_table_get_keys_as_array (found, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      const char *sql = g_hash_table_lookup (expected, keys[i]);

      if (sql == NULL)
        return not_as_written (self, keys[i], SCHEMA_EXTRA, error);
      if (!g_str_equal (sql, g_hash_table_lookup (found, keys[i])))
        return not_as_written (self, keys[i], SCHEMA_CHANGED, error);
    }
  g_clear_pointer (&keys, g_free);
  keys = g_hash_table_get_keys_as_array (expected, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    if (!g_hash_table_contains (found, keys[i]))
      return not_as_written (self, keys[i], SCHEMA_MISSING, error);
  return TRUE;
}

/* Reads, without writing anything, whether the file is a Patella database
 * this build may open. An empty file is schema version 0. */
static gboolean
inspect (PatellaStore           *self,
         PatellaStoreOpenFlags   flags,
         GError                **error)
{
  gint64 application_id, user_version, n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
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
  if (!check_schema (self, error))
    return FALSE;

  /* The quick check reads every row: on a long record it is most of the
   * start-up time. It may wait (patella_store_check_async()) only when
   * opening writes nothing: no migration, and the file already in WAL mode
   * (switching modes rewrites its header). */
  if ((flags & PATELLA_STORE_OPEN_DEFER_CHECK) != 0 && self->schema_version == PATELLA_STORE_SCHEMA_VERSION)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA journal_mode", error);

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
          set_sqlite_error (error, NULL, SQLITE_READONLY, path);
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
      set_sqlite_error (error, self->db, rc, path);
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
  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !inspect (self, flags, error))
    goto fail;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_sqlite_error (error, NULL, SQLITE_READONLY, path);
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
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !migrate (self, error))
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
    set_sqlite_error (&error, db, rc, path);
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
      !query_int (self, "PRAGMA user_version", &user_version, error))
    return FALSE;

  if (user_version != PATELLA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT,
                   _("“%s” reports database version %d where %d was expected."),
                   self->path, (int) user_version, PATELLA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!query_int (self, "SELECT count(*) FROM pragma_foreign_key_check", &orphans, error))
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

  /* Not while a write waits in the main loop: see check_not_waiting(). */
  if (self->in_wait)
    return FALSE;
  version = get_data_version (self);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_debug ("Another process changed %s", self->path);
  /* Once, for all of it: each view reloads once. */
  g_signal_emit (self, signals[CHANGED], 0, PATELLA_STORE_CHANGED_ALL);
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
  return query_int (self, sql, count, error);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A file can hold what this version never writes (edited by another
 * program, or its constraints removed): every day read is checked before
 * it is used to count or index anything. NULL (no row) is fine. */
static gboolean
check_read_day (PatellaStore  *self,
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

GPtrArray *
patella_store_list_exercises (PatellaStore  *self,
                              gboolean       include_archived,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, name, dose, cues, target_sets, coalesce(reps, 0),"
                  "       coalesce(hold_seconds, 0), position, enabled, builtin, archived"
                  " FROM exercises WHERE archived = 0 OR ?"
                  " ORDER BY position, id",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);

  return patella_store_read_exercises (self, stmt, error);
}

/* The exercises a statement selects as id, name, dose, cues, target_sets,
 * reps, hold_seconds, position, enabled, builtin, archived. */
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

      exercise->id = dup_column_text (stmt, 0);
      exercise->name = dup_column_text (stmt, 1);
      exercise->dose = dup_column_text (stmt, 2);
      exercise->cues = dup_column_text (stmt, 3);
      exercise->target_sets = sqlite3_column_int (stmt, 4);
      exercise->reps = sqlite3_column_int (stmt, 5);
      exercise->hold_seconds = sqlite3_column_int (stmt, 6);
      exercise->position = sqlite3_column_int (stmt, 7);
      exercise->enabled = sqlite3_column_int (stmt, 8) != 0;
      exercise->builtin = sqlite3_column_int (stmt, 9) != 0;
      exercise->archived = sqlite3_column_int (stmt, 10) != 0;
      g_ptr_array_add (exercises, exercise);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&exercises);
}

/* Validation in plain words before anything reaches SQL; the CHECK
 * constraints are the last line of defence behind it. */
static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
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
static gboolean
check_text (const char        *text,
            glong              max_chars,
            PatellaTextField   field,
            GError           **error)
{
  g_autofree char *problem = patella_text_check_field (text, max_chars, field);

  if (problem != NULL)
    return invalid (error, "%s", problem);
  return TRUE;
}

static gboolean
check_common (const char  *day,
              const char  *note,
              GError     **error)
{
  if (!patella_day_is_valid (day))
    return invalid (error, _("“%s” is not a calendar day; use the form YYYY-MM-DD."),
                    day ? day : "");

  return check_text (note, PATELLA_NOTE_MAX_CHARS, PATELLA_TEXT_FIELD_NOTE, error);
}

static gboolean
on_scale (int value)
{
  return value >= 0 && value <= PATELLA_SCALE_MAX;
}

/* Runs one prepared write to @table in its own transaction, then announces
 * it. Reports NOT_FOUND with the sentence @gone, when @gone is given and no
 * row was touched. @rowid, when given, receives the row an INSERT added. */
static gboolean
step_in_transaction (PatellaStore  *self,
                     PatellaTable   table,
                     sqlite3_stmt  *stmt,
                     const char    *gone,
                     gint64        *rowid,
                     GError       **error)
{
  int rc;

  if (!begin (self, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      rollback (self);
      return FALSE;
    }

  if (gone != NULL && sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error_literal (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }

  if (rowid != NULL)
    {
      if (!check_one_row_changed (self, error))
        {
          rollback (self);
          return FALSE;
        }
      *rowid = sqlite3_last_insert_rowid (self->db);
    }

  /* Every change to the routine is kept with the day it takes effect. */
  if (table == PATELLA_TABLE_EXERCISES && !patella_store_record_routine (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit_and_announce (self, table, error);
}

/* The log tables and their columns, in the order bind_entry() binds them. */
static const struct {
  PatellaTable  table;
  const char   *columns;
  int           n_columns;
} entry_tables[] = {
  [PATELLA_ENTRY_EXERCISE] = { PATELLA_TABLE_EXERCISE_LOG, "day, instant, exercise_id, sets, reps, note", 6 },
  [PATELLA_ENTRY_PAIN] = { PATELLA_TABLE_PAIN_LOG, "day, instant, score, context, note", 5 },
  [PATELLA_ENTRY_RUN] = { PATELLA_TABLE_RUNS, "day, instant, minutes, distance_km, rpe, pain, note", 7 },
};

static void
bind_entry (sqlite3_stmt       *stmt,
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
      bind_optional_int (stmt, 5, entry->reps, 0);
      break;
    case PATELLA_ENTRY_PAIN:
      sqlite3_bind_int (stmt, 3, entry->score);
      sqlite3_bind_text (stmt, 4, patella_pain_context_to_string (entry->context), -1, SQLITE_STATIC);
      break;
    case PATELLA_ENTRY_RUN:
      sqlite3_bind_double (stmt, 3, entry->minutes);
      sqlite3_bind_double (stmt, 4, entry->distance_km);
      sqlite3_bind_int (stmt, 5, entry->rpe);
      bind_optional_int (stmt, 6, entry->pain, -1);
      break;
    case PATELLA_ENTRY_REST_DAY:
    default:
      g_assert_not_reached ();
    }
}

/* Everything a log entry's own values must be, in plain words: checked
 * before it is written, and when it is read back from the file. */
static gboolean
check_entry_values (const PatellaEntry  *entry,
                    GError             **error)
{
  if (!check_common (entry->day, entry->note, error))
    return FALSE;

  if (entry->instant != NULL)
    {
      g_autoptr(GDateTime) parsed = patella_instant_parse (entry->instant);

      if (parsed == NULL)
        return invalid (error, _("“%s” is not a time Patella can store."), entry->instant);
    }

  switch (entry->kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      if (entry->sets < 1 || entry->sets > PATELLA_SETS_MAX)
        return invalid (error, _("Sets run from 1 to %d; %d is outside that."), PATELLA_SETS_MAX, entry->sets);
      if (entry->reps < 0 || entry->reps > PATELLA_REPS_MAX)
        return invalid (error, _("Reps run from 1 to %d; %d is outside that."), PATELLA_REPS_MAX, entry->reps);
      return TRUE;

    case PATELLA_ENTRY_PAIN:
      if (!on_scale (entry->score))
        return invalid (error, _("The pain score runs from 0 to 10; %d is outside that."), entry->score);
      if ((guint) entry->context >= PATELLA_N_PAIN_CONTEXTS)
        return invalid (error, _("That is not a known moment for a pain score."));
      return TRUE;

    case PATELLA_ENTRY_RUN:
      if (!on_scale (entry->rpe))
        return invalid (error, _("The effort (RPE) runs from 0 to 10; %d is outside that."), entry->rpe);
      if (entry->pain != -1 && !on_scale (entry->pain))
        return invalid (error, _("The pain during the run runs from 0 to 10; %d is outside that."),
                        entry->pain);
      /* Written so that NaN fails too. */
      if (!(entry->minutes > 0 && entry->minutes <= PATELLA_RUN_MINUTES_MAX))
        return invalid (error, _("A run lasts more than 0 and at most 1440 minutes (a day)."));
      if (!(entry->distance_km >= 0 && entry->distance_km <= PATELLA_RUN_KM_MAX))
        return invalid (error, _("A run’s distance is from 0 to 1000 km."));
      return TRUE;

    case PATELLA_ENTRY_REST_DAY:
    default:
      return invalid (error, _("A rest day is marked, not logged."));
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

  stmt = prepare (self, "SELECT 1 FROM exercises WHERE id = ?", error);
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
    return invalid (error, _("That entry is not in the log."));

  stamped = patella_entry_copy (entry);
  if (stamped->instant == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      stamped->instant = patella_instant_format (now);
    }

  n = entry_tables[entry->kind].n_columns;
  if (mode == WRITE_UPDATE)
    g_string_printf (sql, "UPDATE %s SET (%s) = (", tables[entry_tables[entry->kind].table].name,
                     entry_tables[entry->kind].columns);
  else
    g_string_printf (sql, "INSERT INTO %s (%s%s) VALUES (", tables[entry_tables[entry->kind].table].name,
                     entry_tables[entry->kind].columns, mode == WRITE_RESTORE ? ", id" : "");
  for (int i = 1; i <= n; i++)
    g_string_append_printf (sql, "%s?%d", i > 1 ? ", " : "", i);
  if (mode == WRITE_UPDATE)
    g_string_append_printf (sql, ") WHERE id = ?%d", n + 1);
  else if (mode == WRITE_RESTORE)
    g_string_append_printf (sql, ", ?%d)", n + 1);
  else
    g_string_append (sql, ")");

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return 0;
  bind_entry (stmt, stamped);
  if (mode != WRITE_NEW)
    sqlite3_bind_int64 (stmt, n + 1, id);

  if (!step_in_transaction (self, entry_tables[entry->kind].table, stmt,
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

gboolean
patella_store_set_rest_day (PatellaStore       *self,
                            const char         *day,
                            PatellaRestDayKind  kind,
                            const char         *note,
                            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!check_common (day, note, error))
    return FALSE;
  if ((guint) kind >= PATELLA_N_REST_DAY_KINDS)
    return invalid (error, _("A day off is either a rest day or a sick day."));

  stmt = prepare (self,
                  "INSERT INTO rest_days (day, kind, note) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, patella_rest_day_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, note ? note : "", -1, SQLITE_STATIC);

  return step_in_transaction (self, PATELLA_TABLE_REST_DAYS, stmt, NULL, NULL, error);
}

/* The rules for an exercise's own fields, shared by adding and editing. */
static gboolean
check_exercise (const PatellaExercise  *exercise,
                GError                **error)
{
  g_autofree char *stripped_name = NULL;

  if (!patella_exercise_id_is_valid (exercise->id))
    return invalid (error, _("An exercise id uses lower-case letters, digits and “-” (at most 64)."));
  if (!check_text (exercise->name, PATELLA_NAME_MAX_CHARS, PATELLA_TEXT_FIELD_NAME, error) ||
      !check_text (exercise->dose, PATELLA_TEXT_MAX_CHARS, PATELLA_TEXT_FIELD_DOSE, error) ||
      !check_text (exercise->cues, PATELLA_TEXT_MAX_CHARS, PATELLA_TEXT_FIELD_CUES, error))
    return FALSE;
  stripped_name = g_strstrip (g_strdup (exercise->name));
  if (stripped_name == NULL || stripped_name[0] == '\0')
    return invalid (error, _("An exercise needs a name."));
  if (exercise->target_sets < 1 || exercise->target_sets > PATELLA_SETS_MAX)
    return invalid (error, _("Sets per day run from 1 to %d."), PATELLA_SETS_MAX);
  if (exercise->reps < 0 || exercise->reps > PATELLA_REPS_MAX)
    return invalid (error, _("Reps run from 1 to %d."), PATELLA_REPS_MAX);
  if (exercise->hold_seconds < 0 || exercise->hold_seconds > PATELLA_HOLD_SECONDS_MAX)
    return invalid (error, _("A hold lasts at most %d seconds."), PATELLA_HOLD_SECONDS_MAX);
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

  if (!begin (self, error))
    return FALSE;

  custom = *exercise;
  custom.builtin = FALSE;
  custom.archived = FALSE;
  if (!query_int (self, "SELECT coalesce(max(position) + 1, 0) FROM exercises",
                  &next_position, error) ||
      (custom.position = (int) next_position, !insert_exercise (self, &custom, error)) ||
      !patella_store_record_routine (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
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

  stmt = prepare (self,
                  "UPDATE exercises SET name = ?2, dose = ?3, cues = ?4, target_sets = ?5,"
                  " reps = ?6, hold_seconds = ?7, enabled = ?8 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_exercise (stmt, exercise);

  return step_in_transaction (self, PATELLA_TABLE_EXERCISES, stmt,
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
    return invalid (error, _("Patella’s own exercises can be switched off, not removed."));

  stmt = prepare (self, "UPDATE exercises SET archived = ?2 WHERE id = ?1 AND builtin = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);

  return step_in_transaction (self, PATELLA_TABLE_EXERCISES, stmt,
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

  stmt = prepare (self, "UPDATE exercises SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL || !begin (self, error))
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
          set_sqlite_error (error, self->db, rc, self->path);
          rollback (self);
          return FALSE;
        }
    }

  if (!patella_store_record_routine (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
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

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", tables[table].name);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_in_transaction (self, table, stmt, _("That entry is no longer in the log."), NULL, error);
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

  stmt = prepare (self, "SELECT kind, note FROM rest_days WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  *found = rc == SQLITE_ROW;
  if (*found)
    {
      if (!patella_rest_day_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), kind))
        *kind = PATELLA_REST_DAY_REST;
      if (note != NULL)
        *note = dup_column_text (stmt, 1);
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

  stmt = prepare (self, "DELETE FROM rest_days WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  return step_in_transaction (self, PATELLA_TABLE_REST_DAYS, stmt, NULL, NULL, error);
}

/**
 * patella_store_get_sets:
 * @first: the first day, inclusive
 * @last: the last day, inclusive
 * @func: called once per (day, exercise) with the sets logged, in day order
 *
 * Streams the sets logged per day and exercise over a range of days.
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
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare (self,
                  "SELECT day, exercise_id, sum(sets) FROM exercise_log"
                  " WHERE day BETWEEN ?1 AND ?2 GROUP BY day, exercise_id ORDER BY day",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!check_read_day (self, (const char *) sqlite3_column_text (stmt, 0), error))
        return FALSE;
      func ((const char *) sqlite3_column_text (stmt, 0),
            (const char *) sqlite3_column_text (stmt, 1),
            sqlite3_column_int (stmt, 2),
            user_data);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

/* Steps @stmt to the end, collecting its first column as strings; @days
 * when they are days, which are checked. */
static GPtrArray *
collect_strings (PatellaStore  *self,
                 sqlite3_stmt  *stmt,
                 gboolean       days,
                 GError       **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (days && !check_read_day (self, (const char *) sqlite3_column_text (stmt, 0), error))
        return NULL;
      g_ptr_array_add (strings, dup_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
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

  stmt = prepare (self, "SELECT day FROM rest_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);

  return collect_strings (self, stmt, TRUE, error);
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

/* The day a grouped row of @stmt stands for, checked to lie in @series. */
static PatellaDayStats *
series_day (PatellaStore   *self,
            PatellaSeries  *series,
            const char     *first,
            sqlite3_stmt   *stmt,
            GError        **error)
{
  const char *day = (const char *) sqlite3_column_text (stmt, 0);
  int index;

  if (!check_read_day (self, day, error))
    return NULL;
  index = patella_day_diff (first, day);
  if (index < 0 || (guint) index >= series->n_days)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
                   "Day %s outside the series from %s", day, first);
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
 * Two grouped queries over the day indexes, whatever the history's length.
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
  int n_days, rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  /* The span often comes from the file itself (its first and last day). */
  if (!patella_day_is_valid (first) || !patella_day_is_valid (last) ||
      (n_days = patella_day_diff (first, last) + 1) <= 0)
    {
      invalid (error, _("“%s” to “%s” is not a span of calendar days."),
               first ? first : "", last ? last : "");
      return NULL;
    }

  series = patella_series_new (first, (guint) n_days);

  runs = prepare (self,
                  "SELECT day, sum(minutes * rpe), sum(distance_km), max(distance_km), count(*),"
                  "       max(pain), sum(pain), count(pain), sum(minutes)"
                  " FROM runs WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
                  error);
  if (runs == NULL)
    return NULL;
  sqlite3_bind_text (runs, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (runs, 2, last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (runs)) == SQLITE_ROW)
    {
      PatellaDayStats *d = series_day (self, series, first, runs, error);

      if (d == NULL)
        return NULL;

      d->load = sqlite3_column_double (runs, 1);
      d->distance = sqlite3_column_double (runs, 2);
      d->longest = sqlite3_column_double (runs, 3);
      d->n_runs = sqlite3_column_int (runs, 4);
      if (sqlite3_column_type (runs, 5) != SQLITE_NULL)
        {
          d->during = MAX (d->during, sqlite3_column_int (runs, 5));
          d->max_score = MAX (d->max_score, sqlite3_column_int (runs, 5));
        }
      d->score_sum += sqlite3_column_double (runs, 6);
      d->n_scores += sqlite3_column_int (runs, 7);
      d->during_sum += sqlite3_column_double (runs, 6);
      d->n_during += sqlite3_column_int (runs, 7);
      d->minutes = sqlite3_column_double (runs, 8);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  pain = prepare (self,
                  "SELECT day, max(CASE WHEN context = 'during' THEN score END),"
                  "       max(CASE WHEN context = 'morning' THEN score END),"
                  "       max(score), sum(score), count(*),"
                  "       max(CASE WHEN context = 'after' THEN score END),"
                  "       sum(CASE WHEN context = 'morning' THEN score END),"
                  "       count(CASE WHEN context = 'morning' THEN score END),"
                  "       sum(CASE WHEN context = 'during' THEN score END),"
                  "       count(CASE WHEN context = 'during' THEN score END)"
                  " FROM pain_log WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
                  error);
  if (pain == NULL)
    return NULL;
  sqlite3_bind_text (pain, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (pain, 2, last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (pain)) == SQLITE_ROW)
    {
      PatellaDayStats *d = series_day (self, series, first, pain, error);

      if (d == NULL)
        return NULL;

      if (sqlite3_column_type (pain, 1) != SQLITE_NULL)
        d->during = MAX (d->during, sqlite3_column_int (pain, 1));
      if (sqlite3_column_type (pain, 2) != SQLITE_NULL)
        d->morning = sqlite3_column_int (pain, 2);
      d->max_score = MAX (d->max_score, sqlite3_column_int (pain, 3));
      d->score_sum += sqlite3_column_double (pain, 4);
      d->n_scores += sqlite3_column_int (pain, 5);
      if (sqlite3_column_type (pain, 6) != SQLITE_NULL)
        d->after = sqlite3_column_int (pain, 6);
      d->morning_sum += sqlite3_column_double (pain, 7);
      d->n_morning += sqlite3_column_int (pain, 8);
      d->during_sum += sqlite3_column_double (pain, 9);
      d->n_during += sqlite3_column_int (pain, 10);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
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
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  *day = dup_column_text (stmt, 0);
  if (!check_read_day (self, *day, error))
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
    return invalid (error, _("That is not a warning Patella knows."));

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);

  return step_in_transaction (self, PATELLA_TABLE_DISMISSED_WARNINGS, stmt, NULL, NULL, error);
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

  stmt = prepare (self, "SELECT code FROM dismissed_warnings WHERE day = ? ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  return collect_strings (self, stmt, FALSE, error);
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
  entry->day = dup_column_text (stmt, 1);
  entry->instant = dup_column_text (stmt, 2);
  entry->note = dup_column_text (stmt, last);

  switch (kind)
    {
    case PATELLA_ENTRY_EXERCISE:
      entry->exercise_id = dup_column_text (stmt, 3);
      entry->sets = sqlite3_column_int (stmt, 4);
      entry->reps = sqlite3_column_int (stmt, 5);
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

  if (!check_read_day (self, entry->day, error))
    {
      entry->note = note;
      return NULL;
    }
  valid = check_entry_values (entry, &problem);
  entry->note = note;
  /* check_entry_values() checks an instant that is there. */
  if (valid && entry->instant == NULL)
    valid = invalid (&problem, _("“%s” is not a time Patella can store."), "");
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
                         entry_tables[kind].columns, tables[entry_tables[kind].table].name,
                         day != NULL ? "day = ?1" : "id = ?2");
  stmt = prepare (self, sql, error);
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
      set_sqlite_error (error, self->db, rc, self->path);
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
 *   each once, the latest first. One pass over the day indexes (one kind
 *   alone has no UNION to merge a day's entries: DISTINCT does).
 */
GPtrArray *
patella_store_list_days (PatellaStore  *self,
                         guint          kinds,
                         GError       **error)
{
  static const char *const day_tables[PATELLA_N_ENTRY_KINDS] = {
    "exercise_log", "pain_log", "runs", "rest_days",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  for (guint kind = 0; kind < PATELLA_N_ENTRY_KINDS; kind++)
    if (kinds & (1u << kind))
      g_string_append_printf (sql, "%sSELECT DISTINCT day FROM %s", sql->len ? " UNION " : "", day_tables[kind]);
  if (sql->len == 0)
    return g_ptr_array_new_with_free_func (g_free);
  g_string_append (sql, " ORDER BY day DESC");

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  return collect_strings (self, stmt, TRUE, error);
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
                               entry_tables[kind].columns, tables[entry_tables[kind].table].name);
      stmt = prepare (self, sql, error);
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
              entry->day = dup_column_text (stmt, 0);
              if (!patella_rest_day_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &entry->rest_kind))
                entry->rest_kind = PATELLA_REST_DAY_REST;
              entry->note = dup_column_text (stmt, 2);
            }
          else if ((entry = read_entry (self, stmt, kind, error)) == NULL)
            return FALSE;
          if (!check_read_day (self, entry->day, error))
            return FALSE;
          func (entry, user_data);
        }
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, self->path);
          return FALSE;
        }
    }
  return TRUE;
}

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
  sqlite3_stmt *statements[PATELLA_N_ENTRY_KINDS] = { NULL };
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_exercise_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);
  gint64 next_position;
  gboolean ok = FALSE;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!plan (self, exercises, entries, user_data, error))
    goto fail;

  if (!query_int (self, "SELECT coalesce(max(position) + 1, 0) FROM exercises", &next_position, error))
    goto fail;
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise exercise = *(PatellaExercise *) g_ptr_array_index (exercises, i);

      exercise.position = (int) next_position++;
      exercise.builtin = FALSE;
      if (!insert_exercise (self, &exercise, error))
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
            statements[entry->kind] = prepare (self, "INSERT INTO rest_days (day, kind, note) VALUES (?1, ?2, ?3)",
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
              g_autofree char *sql = NULL;
              int n = entry_tables[entry->kind].n_columns;
              g_autoptr(GString) values = g_string_new (NULL);

              for (int k = 1; k <= n; k++)
                g_string_append_printf (values, "%s?%d", k > 1 ? ", " : "", k);
              sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                     tables[entry_tables[entry->kind].table].name,
                                     entry_tables[entry->kind].columns, values->str);
              statements[entry->kind] = prepare (self, sql, error);
            }
          stmt = statements[entry->kind];
          if (stmt == NULL)
            goto fail;
          sqlite3_reset (stmt);
          bind_entry (stmt, entry);
        }

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, self->path);
          goto fail;
        }
      /* What was written, not what was sent, is what the summary says. */
      if (!check_one_row_changed (self, error))
        goto fail;
    }

  ok = TRUE;

fail:
  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    g_clear_pointer (&statements[k], sqlite3_finalize);
  if (!ok)
    {
      rollback (self);
      return FALSE;
    }
  return commit_and_announce (self, PATELLA_TABLE_EXERCISES, error);
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
      set_sqlite_error (error, copy, rc, path);
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
