/* patella-store-schema.c: the migrations, kept as data, and the check of a file's schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "patella-store-private.h"
#include "patella-warning-codes.h"

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
  "  code TEXT NOT NULL CHECK (code IN (" PATELLA_WARNING_CODES_SQL ")),"
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

  /* 3 -> 4: outcomes, the self-test, goals and the clinic visit (see
   * patella-outcomes.h and patella-store-outcomes.c). A check-in is one
   * row per item answered; an activity not done has no value. */
  "CREATE TABLE outcomes ("
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  item TEXT NOT NULL CHECK (item IN ('usual-pain', 'worst-pain', 'walking', 'running', 'squatting',"
  "    'sitting', 'stairs-up', 'stairs-down', 'kneeling', 'global-change')),"
  "  value INTEGER,"
  "  CHECK (CASE item"
  "    WHEN 'global-change' THEN value BETWEEN 1 AND 7"
  "    WHEN 'usual-pain' THEN value BETWEEN 0 AND 10"
  "    WHEN 'worst-pain' THEN value BETWEEN 0 AND 10"
  "    ELSE value IS NULL OR value BETWEEN 0 AND 10 END),"
  "  PRIMARY KEY (day, item)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE self_tests ("
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  side TEXT NOT NULL CHECK (side IN ('left', 'right')),"
  "  result TEXT NOT NULL CHECK (result IN ('centred', 'wobbles', 'drops-inward')),"
  "  pain INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  PRIMARY KEY (day, side)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE goals ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('run', 'stairs', 'routine', 'free')),"
  "  start_day TEXT NOT NULL " DAY_CHECK ("start_day") ","
  "  target_day TEXT NOT NULL " DAY_CHECK ("target_day") ","
  "  km REAL CHECK (km > 0 AND km <= 1000),"
  "  pain INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  days INTEGER CHECK (days BETWEEN 1 AND 7),"
  "  weeks INTEGER CHECK (weeks BETWEEN 1 AND 52),"
  "  text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 120),"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  CHECK (target_day >= start_day),"
  "  CHECK (CASE kind"
  "    WHEN 'run' THEN km IS NOT NULL AND pain IS NOT NULL"
  "    WHEN 'stairs' THEN pain IS NOT NULL"
  "    WHEN 'routine' THEN days IS NOT NULL AND weeks IS NOT NULL"
  "    ELSE length(text) >= 1 END)"
  ") STRICT;"
  "CREATE TABLE visits ("
  "  day TEXT PRIMARY KEY NOT NULL " DAY_CHECK ("day") ","
  "  name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 120)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE visit_questions ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  day TEXT NOT NULL " DAY_CHECK ("day") ","
  "  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),"
  "  asked INTEGER NOT NULL DEFAULT 0 CHECK (asked IN (0, 1))"
  ") STRICT;",

  /* 4 -> 5: pain-guided progression. A set may carry the pain felt during
   * it; each exercise stands on a level of its ladder, which is part of the
   * routine and so of its history; a suggestion the runner put off stays
   * quiet for a while; the return-to-running plan runs from a day. */
  "ALTER TABLE exercise_log ADD COLUMN pain INTEGER CHECK (pain BETWEEN 0 AND 10);"
  "ALTER TABLE exercises ADD COLUMN level INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 99);"
  "ALTER TABLE routine_versions ADD COLUMN level INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 99);"
  "CREATE TABLE progression_snoozes ("
  "  exercise_id TEXT PRIMARY KEY NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  day TEXT NOT NULL " DAY_CHECK ("day")
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE return_plan ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  from_day TEXT NOT NULL " DAY_CHECK ("from_day") ","
  "  pain_limit INTEGER NOT NULL DEFAULT 2 CHECK (pain_limit BETWEEN 0 AND 10),"
  "  snoozed_day TEXT " DAY_CHECK ("snoozed_day") ","
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ") STRICT;",

  /* 5 -> 6: the day index holds each set's count, so that the sets of a
   * span of days (the routine's marks on Progress and Today, the daily
   * export) are read from the index alone, without looking each row up in
   * the table: a third fewer instructions for ten years. It replaces the
   * index it extends, so that a write keeps as many indexes as before. */
  "DROP INDEX exercise_log_by_day;"
  "CREATE INDEX exercise_log_by_day ON exercise_log (day, exercise_id, sets);",

  /* 6 -> 7: the walk/run phases of the return to running, as the runner's
   * clinician set them, in order; none means the built-in phases. Minutes
   * go in half minutes; a continuous run (no walk) is run once. */
  "CREATE TABLE return_phases ("
  "  position INTEGER PRIMARY KEY CHECK (position BETWEEN 0 AND 11),"
  "  repeats INTEGER NOT NULL CHECK (repeats BETWEEN 1 AND 20),"
  "  run_minutes REAL NOT NULL"
  "    CHECK (run_minutes BETWEEN 0.5 AND 60 AND run_minutes * 2 = CAST (run_minutes * 2 AS INTEGER)),"
  "  walk_minutes REAL NOT NULL"
  "    CHECK (walk_minutes BETWEEN 0 AND 10 AND walk_minutes * 2 = CAST (walk_minutes * 2 AS INTEGER)),"
  "  CHECK (walk_minutes > 0 OR repeats = 1)"
  ") STRICT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PATELLA_STORE_SCHEMA_VERSION);

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
      if (!patella_store_insert_exercise (self, &exercise, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
patella_store_migrate (PatellaStore  *self,
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

      if (!patella_store_begin (self, error) ||
          !patella_store_exec (self, migrations[from], error) ||
          (from == 0 && !seed_builtins (self, error)) ||
          !patella_store_exec (self, bump, error) ||
          !patella_store_commit (self, error))
        {
          patella_store_rollback (self);
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
      patella_sqlite_set_error (error, db, rc, path);
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
    patella_sqlite_set_error (error, db, rc, ":memory:");
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
gboolean
patella_store_check_schema (PatellaStore  *self,
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
