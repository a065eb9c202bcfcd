/* test-store.c: the SQLite store, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "core/patella-day.h"
#include "core/patella-history.h"
#include "core/patella-store.h"
#include "core/patella-store-progression.h"
#include "core/patella-store-outcomes.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

/* What schema 4 added, dropped to make a file of an earlier version. */
#define DROP_V4 "DROP TABLE outcomes; DROP TABLE self_tests; DROP TABLE goals; DROP TABLE visits;" \
                " DROP TABLE visit_questions;"

static gint64
count (PatellaStore *store,
       PatellaTable  table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (patella_store_count (store, table, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* One value read back with raw SQL, as text. */
static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
assert_sql_text (const char *path,
                 const char *sql,
                 const char *expected)
{
  g_autofree char *text = sql_text (path, sql);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "new", "folder", NULL);
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  const PatellaExercise *builtins;
  const char *routine[] = { "foam-roll", "quad-setting", "hamstring-stretch", "squat", "band-walks" };
  guint n_builtins;
  GStatBuf st;

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (patella_store_get_path (store), ==, path);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);

  /* Health data: private file in a private folder. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  builtins = patella_exercise_get_builtins (&n_builtins);
  g_assert_cmpint (count (store, PATELLA_TABLE_EXERCISES), ==, n_builtins);
  for (PatellaTable t = PATELLA_TABLE_EXERCISE_LOG; t < PATELLA_N_TABLES; t++)
    g_assert_cmpint (count (store, t), ==, 0);

  exercises = patella_store_list_exercises (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exercises->len, ==, n_builtins);
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      g_assert_cmpstr (exercise->id, ==, builtins[i].id);
      g_assert_cmpint (exercise->position, ==, i);
      g_assert_true (exercise->builtin);
      g_assert_false (exercise->archived);
      /* The five of the protocol come first and are on; the extras are off. */
      if (i < G_N_ELEMENTS (routine))
        {
          g_assert_cmpstr (exercise->id, ==, routine[i]);
          g_assert_true (exercise->enabled);
        }
      else
        g_assert_false (exercise->enabled);
    }

  /* The quadriceps setting dose: 20 reps of 5 s, three times a day. */
  {
    PatellaExercise *quad = g_ptr_array_index (exercises, 1);
    g_assert_cmpint (quad->target_sets, ==, 3);
    g_assert_cmpint (quad->reps, ==, 20);
    g_assert_cmpint (quad->hold_seconds, ==, 5);
  }

  g_clear_object (&store);

  assert_sql_text (path, "PRAGMA journal_mode", "wal");
  assert_sql_text (path, "PRAGMA user_version", G_STRINGIFY (PATELLA_STORE_SCHEMA_VERSION));
  {
    g_autofree char *application_id = g_strdup_printf ("%d", PATELLA_STORE_APPLICATION_ID);
    assert_sql_text (path, "PRAGMA application_id", application_id);
  }
  assert_sql_text (path, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema"
                         " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)",
                   "dismissed_warnings,exercise_log,exercises,goals,outcomes,pain_log,progression_snoozes,rest_days,"
                   "return_phases,return_plan,routine_versions,runs,self_tests,visit_questions,visits");
  /* Every table is STRICT. */
  assert_sql_text (path, "SELECT count(*) FROM pragma_table_list WHERE schema = 'main'"
                         " AND name NOT LIKE 'sqlite_%' AND strict = 1", "15");
}

/* The warning codes are one list (patella-warning-codes.h) that also makes
 * the CHECK of dismissed_warnings. That CHECK is in a released migration,
 * which every file is compared with: its text stays as released, byte for
 * byte, here spelled out as migration 1 -> 2 wrote it. */
static void
test_released_warning_check (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  assert_sql_text (fixture->path, "SELECT sql FROM sqlite_schema WHERE name = 'dismissed_warnings'",
                   "CREATE TABLE dismissed_warnings ("
                   "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
                   " AND date(day, '+0 days') IS day),"
                   "  code TEXT NOT NULL CHECK (code IN ('pain-high', 'pain-severe', 'morning-worse',"
                   "    'pain-trend-up', 'run-spike', 'weekly-distance-spike', 'acwr-high', 'monotony-high')),"
                   "  PRIMARY KEY (day, code)"
                   ") STRICT, WITHOUT ROWID");
}

/* A record others could read is made private on opening, not refused;
 * its log stays as private as the file. */
static void
test_tightens_permissions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf st;

  patella_test_make_database (fixture->path, 10);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-01", NULL, 2, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_builtins;

  patella_exercise_get_builtins (&n_builtins);
  patella_test_make_database (fixture->path, 30);

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 30);
  /* Migrations ran once: the routine is not seeded twice. */
  g_assert_cmpint (count (store, PATELLA_TABLE_EXERCISES), ==, n_builtins);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);
}

/* A version 6 file gains the return-to-running phases, empty (the
 * built-in phases): every entry and the plan stay, the copy from before
 * is kept, and the table holds only phases within their limits. */
static void
test_migrate_return_phases (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v6-backup", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree PatellaRunPhase *phases = NULL;
  guint n_phases, n_builtin;
  gboolean custom = TRUE;
  const char *bad[] = {
    "(0, 0, 1, 1)", "(0, 21, 1, 1)", "(0, 1, 0, 1)", "(0, 1, 60.5, 1)", "(0, 1, 1.25, 1)",
    "(0, 1, 1, 10.5)", "(0, 1, 1, -0.5)", "(0, 2, 30, 0)", "(12, 1, 1, 1)",
  };

  patella_test_make_database (fixture->path, 25);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_set_return_plan (store, TRUE, "2026-02-01", &error));
  g_assert_true (patella_store_set_return_pain_limit (store, 3, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V6), ==, SQLITE_OK);
  assert_sql_text (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'return_phases'", "0");

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 25);
  assert_sql_text (fixture->path, "SELECT active || ' ' || from_day || ' ' || pain_limit FROM return_plan",
                   "1 2026-02-01 3");
  phases = patella_store_get_return_phases (store, &n_phases, &custom, &error);
  g_assert_no_error (error);
  g_assert_false (custom);
  patella_return_phases (&n_builtin);
  g_assert_cmpuint (n_phases, ==, n_builtin);

  /* The table's own limits, for a file written by other hands. */
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO return_phases VALUES %s", bad[i]);

      g_assert_cmpint (patella_test_sql (fixture->path, sql), ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (patella_test_sql (fixture->path, "INSERT INTO return_phases VALUES (0, 20, 0.5, 10),"
                                                    " (1, 1, 60, 0), (11, 1, 1.5, 0.5)"), ==, SQLITE_OK);

  /* The schema check knows the table: without its CHECKs, the file is
   * not one Patella wrote, and is left as it is. */
  g_assert_cmpint (patella_test_sql (fixture->path, "DROP TABLE return_phases; CREATE TABLE return_phases ("
                                                    " position INTEGER PRIMARY KEY, repeats INTEGER NOT NULL,"
                                                    " run_minutes REAL NOT NULL, walk_minutes REAL NOT NULL) STRICT"),
                   ==, SQLITE_OK);
  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "the table “return_phases” is not as Patella creates it"));
  g_clear_error (&error);

  /* The copy: schema 6, without the phases. */
  assert_sql_text (backup, "PRAGMA user_version", "6");
  assert_sql_text (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'return_phases'", "0");
  assert_sql_text (backup, "SELECT count(*) FROM pain_log", "25");
}

/* Migration from an empty file (zero bytes, as a runner or a file manager
 * might create it) and from an SQLite database with nothing in it. */
static void
test_migrate_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *kinds[] = { "zero-bytes", "empty-sqlite" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, kinds[i], NULL);
      g_autoptr(PatellaStore) store = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 0)
        patella_test_write_file (path, "", 0);
      else
        {
          patella_test_write_file (path, "", 0);
          g_assert_cmpint (patella_test_sql (path, "VACUUM"), ==, SQLITE_OK);
        }

      store = patella_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
      g_assert_cmpint (count (store, PATELLA_TABLE_EXERCISES), >=, 5);
      g_assert_true (patella_store_verify (store, &error));
    }
}

/* A version 1 file, as the first release wrote it, gains the dismissed
 * warnings table (and what came after) and keeps every entry. */
static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  patella_test_make_database (fixture->path, 25);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4 DROP_V4 " DROP TABLE dismissed_warnings;"
                                                    " DROP TABLE routine_versions; PRAGMA user_version = 1"),
                   ==, SQLITE_OK);
  assert_sql_text (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'dismissed_warnings'", "0");

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 25);
  g_assert_cmpint (count (store, PATELLA_TABLE_DISMISSED_WARNINGS), ==, 0);
  g_assert_true (patella_store_dismiss_warning (store, "2026-01-05", "run-spike", &error));
  g_assert_true (patella_store_dismiss_warning (store, "2026-01-05", "run-spike", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, PATELLA_TABLE_DISMISSED_WARNINGS), ==, 1);
  g_assert_false (patella_store_dismiss_warning (store, "2026-01-05", "made-up", &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);
}

/* A version 2 file, as the first release wrote it after its update, gains
 * the routine's history: the routine as it stands becomes the routine of
 * every day, every entry stays, and a private copy of the file as it was
 * is kept beside it until the next start. */
static void
test_migrate_from_v2 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v2-backup", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  patella_test_make_database (fixture->path, 25);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4 DROP_V4 " DROP TABLE routine_versions;"
                                                    " UPDATE exercises SET target_sets = 4 WHERE id = 'squat';"
                                                    " PRAGMA user_version = 2"),
                   ==, SQLITE_OK);

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 25);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);

  /* The routine of the earliest day a record can hold is today's. */
  {
    g_autoptr(GPtrArray) now = patella_store_list_exercises (store, FALSE, &error);
    g_autoptr(GPtrArray) then = patella_store_list_routine (store, "1900-01-01", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (then->len, ==, now->len);
    for (guint i = 0; i < now->len; i++)
      {
        PatellaExercise *a = g_ptr_array_index (now, i), *b = g_ptr_array_index (then, i);

        g_assert_cmpstr (a->id, ==, b->id);
        g_assert_cmpint (a->target_sets, ==, b->target_sets);
        g_assert_true (a->enabled == b->enabled);
      }
  }
  assert_sql_text (fixture->path, "SELECT target_sets FROM routine_versions WHERE exercise_id = 'squat'", "4");

  /* The copy: private, of schema 2, with every entry. */
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_sql_text (backup, "PRAGMA user_version", "2");
  assert_sql_text (backup, "SELECT count(*) FROM pain_log", "25");
  assert_sql_text (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'routine_versions'", "0");

  /* The next start needs no migration: the copy goes. */
  g_clear_object (&store);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* A migration that fails changes nothing: the file keeps schema 2 and all
 * it held, and the copy from before stays. */
static void
test_migrate_from_v2_all_or_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v2-backup", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  sqlite3 *other = NULL;

  patella_test_make_database (fixture->path, 25);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4 DROP_V4 " DROP TABLE routine_versions;"
                                                    " PRAGMA user_version = 2"),
                   ==, SQLITE_OK);
  /* The version 3 step cannot begin: another program holds the file (a
   * file whose schema is not version 2's is refused before any step). */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "version 3"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  assert_sql_text (fixture->path, "PRAGMA user_version", "2");
  assert_sql_text (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'routine_versions'", "0");
  assert_sql_text (fixture->path, "SELECT count(*) FROM pain_log", "25");
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* A version 3 file gains the outcomes, self-tests, goals and visits, keeps
 * every entry and its routine's history, and a copy of it as it was. */
static void
test_migrate_from_v3 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v3-backup", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCheckinAnswers answers = { (char *) "2026-01-10", { 3, 5, 1, -1, 4, 2, 3, 4, 6, 5 } };
  g_autoptr(GPtrArray) checkins = NULL;

  patella_test_make_database (fixture->path, 25);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4 DROP_V4 " PRAGMA user_version = 3"), ==, SQLITE_OK);

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 25);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);
  assert_sql_text (fixture->path, "SELECT count(*) FROM routine_versions WHERE from_day = '1900-01-01'"
                                  " AND exercise_id = 'squat'", "1");

  /* The new tables take what they are for. */
  g_assert_true (patella_store_save_checkin (store, &answers, &error));
  g_assert_no_error (error);
  checkins = patella_store_list_checkins (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);

  /* The copy: of schema 3, with every entry and none of the new tables. */
  assert_sql_text (backup, "PRAGMA user_version", "3");
  assert_sql_text (backup, "SELECT count(*) FROM pain_log", "25");
  assert_sql_text (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'outcomes'", "0");
}

/* A step to version 4 that cannot be made changes nothing. */
static void
test_migrate_from_v3_all_or_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  patella_test_make_database (fixture->path, 25);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4 DROP_V4 " PRAGMA user_version = 3"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "version 4"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  assert_sql_text (fixture->path, "PRAGMA user_version", "3");
  assert_sql_text (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('outcomes', 'goals')", "0");
  assert_sql_text (fixture->path, "SELECT count(*) FROM pain_log", "25");

  /* With the file free again, the update goes through. */
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
}

/* A version 4 file gains the pain of a set, the exercises' levels, the
 * "Not yet" of a suggestion and the return-to-running plan: every entry
 * and the routine's history stay, every exercise stands on the first level
 * of its ladder, no set has a pain, and the copy from before is kept. */
static void
test_migrate_from_v4 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v4-backup", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  PatellaEntry *set;

  patella_test_make_database (fixture->path, 25);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  patella_store_set_today (store, "2026-02-01");
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-01", NULL, "squat", 2, 10, "", &error), >, 0);
  {
    g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, &error);
    PatellaExercise *squat = g_ptr_array_index (exercises, 3);

    g_assert_cmpstr (squat->id, ==, "squat");
    squat->target_sets = 4;
    g_assert_true (patella_store_update_exercise (store, squat, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4), ==, SQLITE_OK);
  assert_sql_text (fixture->path, "SELECT count(*) FROM pragma_table_info('exercise_log') WHERE name = 'pain'", "0");

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 25);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);

  /* The set has no pain; the history of the routine is as it was. */
  entries = patella_store_list_entries (store, "2026-02-01", 1 << PATELLA_ENTRY_EXERCISE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  set = g_ptr_array_index (entries, 0);
  g_assert_cmpint (set->pain, ==, -1);
  assert_sql_text (fixture->path, "SELECT group_concat (from_day || ':' || target_sets || ':' || level, ' ')"
                                  " FROM routine_versions WHERE exercise_id = 'squat'",
                   "1900-01-01:3:0 2026-02-01:4:0");
  assert_sql_text (fixture->path, "SELECT count(*) FROM exercises WHERE level != 0", "0");
  g_assert_cmpint (patella_store_get_level (store, "squat", "2026-02-01", &error), ==, 0);
  g_assert_no_error (error);

  /* A set now carries its pain, and only from 0 to 10. */
  set->id = 0;
  set->pain = 3;
  g_assert_cmpint (patella_store_add_entry (store, set, &error), >, 0);
  g_assert_no_error (error);
  assert_sql_text (fixture->path, "SELECT group_concat (coalesce (pain, '-'), ' ') FROM exercise_log", "- 3");
  set->pain = 11;
  g_assert_cmpint (patella_store_add_entry (store, set, &error), ==, 0);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The copy: schema 4, without the new columns. */
  assert_sql_text (backup, "PRAGMA user_version", "4");
  assert_sql_text (backup, "SELECT count(*) FROM pragma_table_info('exercise_log') WHERE name = 'pain'", "0");
  assert_sql_text (backup, "SELECT count(*) FROM exercise_log", "1");
}

/* A version 5 step that cannot run leaves schema 4 and everything in it. */
static void
test_migrate_from_v4_all_or_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  patella_test_make_database (fixture->path, 25);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V4), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "version 5"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  assert_sql_text (fixture->path, "PRAGMA user_version", "4");
  assert_sql_text (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'return_plan'", "0");
  assert_sql_text (fixture->path, "SELECT count(*) FROM pragma_table_info('exercise_log') WHERE name = 'pain'", "0");
  assert_sql_text (fixture->path, "SELECT count(*) FROM pain_log", "25");

  /* Once the file is free, the update goes through. */
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
}

static void
collect_sets (const char *day,
              const char *exercise_id,
              int         sets,
              gpointer    user_data)
{
  g_string_append_printf (user_data, "%s %s %d,", day, exercise_id, sets);
}

/* The plan SQLite makes for the store's read of the sets of a span. */
static char *
sets_read_plan (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT day, exercise_id, sets FROM exercise_log"
                                           " WHERE day BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY day, exercise_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append (plan, (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

/* A version 5 file gets the sets into its day index: every entry stays,
 * the sets of each day read the same, now from the index alone, and the
 * copy from before is kept. */
static void
test_migrate_from_v5 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v5-backup", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *plan = NULL;

  patella_test_make_database (fixture->path, 25);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-01", NULL, "squat", 2, 10, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-01", NULL, "squat", 1, 10, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-01", NULL, "band-walks", 3, 10, "", &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-03", NULL, "squat", 1, 10, "", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (patella_test_sql (fixture->path, PATELLA_TEST_SQL_BACK_TO_V5), ==, SQLITE_OK);
  before = sql_text (fixture->path, "SELECT group_concat (day || ' ' || exercise_id || ' ' || n || ',', '')"
                                    " FROM (SELECT day, exercise_id, sum(sets) AS n FROM exercise_log"
                                    " GROUP BY day, exercise_id ORDER BY day, exercise_id)");
  g_assert_cmpstr (before, ==, "2026-02-01 band-walks 3,2026-02-01 squat 3,2026-02-03 squat 1,");
  plan = sets_read_plan (fixture->path);
  g_assert_null (strstr (plan, "COVERING"));
  g_clear_pointer (&plan, g_free);

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_STORE_SCHEMA_VERSION);
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 25);
  g_assert_cmpint (count (store, PATELLA_TABLE_EXERCISE_LOG), ==, 4);
  g_assert_true (patella_store_foreach_sets (store, "1900-01-01", "2100-01-01", collect_sets, sets, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sets->str, ==, before);

  assert_sql_text (fixture->path, "SELECT group_concat (name) FROM pragma_index_info ('exercise_log_by_day')",
                   "day,exercise_id,sets");
  plan = sets_read_plan (fixture->path);
  g_assert_nonnull (strstr (plan, "COVERING INDEX exercise_log_by_day"));

  /* The copy: schema 5, its index as it was. */
  assert_sql_text (backup, "PRAGMA user_version", "5");
  assert_sql_text (backup, "SELECT group_concat (name) FROM pragma_index_info ('exercise_log_by_day')",
                   "day,exercise_id");
  assert_sql_text (backup, "SELECT count(*) FROM exercise_log", "4");
}

static void
test_log_entries (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 ("2026-03-01T07:30:00+01:00", NULL);
  gint64 id;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  id = patella_store_log_exercise (store, "2026-03-01", instant, "quad-setting", 1, 20, "towel under knee", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  id = patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 2, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  id = patella_store_log_pain (store, "2026-03-01", instant, 3, PATELLA_PAIN_STAIRS, "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  id = patella_store_log_run (store, "2026-03-01", instant, 32.5, 5.2, 4, 2, "easy", &error);
  g_assert_no_error (error);
  id = patella_store_log_run (store, "2026-03-02", instant, 20, 0, 0, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (patella_store_set_rest_day (store, "2026-03-03", PATELLA_REST_DAY_REST, "", &error));
  g_assert_no_error (error);
  /* Marking the same day again changes it; there is one row per day. */
  g_assert_true (patella_store_set_rest_day (store, "2026-03-03", PATELLA_REST_DAY_SICK, "flu", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (store, PATELLA_TABLE_EXERCISE_LOG), ==, 2);
  g_assert_cmpint (count (store, PATELLA_TABLE_PAIN_LOG), ==, 1);
  g_assert_cmpint (count (store, PATELLA_TABLE_RUNS), ==, 2);
  g_assert_cmpint (count (store, PATELLA_TABLE_REST_DAYS), ==, 1);
  g_clear_object (&store);

  /* Instants are stored in UTC; the day is the one the runner gave. */
  assert_sql_text (fixture->path, "SELECT instant FROM exercise_log WHERE exercise_id = 'quad-setting'",
                   "2026-03-01T06:30:00Z");
  assert_sql_text (fixture->path, "SELECT reps FROM exercise_log WHERE exercise_id = 'squat'", NULL);
  assert_sql_text (fixture->path, "SELECT note FROM exercise_log WHERE exercise_id = 'squat'", "");
  assert_sql_text (fixture->path, "SELECT context || ':' || score FROM pain_log", "stairs:3");
  assert_sql_text (fixture->path, "SELECT minutes || '/' || distance_km || '/' || rpe || '/' || pain"
                                  " FROM runs WHERE day = '2026-03-01'", "32.5/5.2/4/2");
  assert_sql_text (fixture->path, "SELECT pain FROM runs WHERE day = '2026-03-02'", NULL);
  assert_sql_text (fixture->path, "SELECT kind || ':' || note FROM rest_days", "sick:flu");
}

/* Edit, delete and Undo of a delete, for every kind; listings by day. */
static void
test_entries (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(PatellaEntry) run = NULL;
  g_autoptr(PatellaEntry) again = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new_from_iso8601 ("2026-04-02T07:00:00Z", NULL);
  g_autoptr(GDateTime) evening = g_date_time_new_from_iso8601 ("2026-04-02T19:00:00Z", NULL);
  gint64 run_id, pain_id;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  run_id = patella_store_log_run (store, "2026-04-02", evening, 45, 8.2, 5, 3, "hills", &error);
  pain_id = patella_store_log_pain (store, "2026-04-02", morning, 2, PATELLA_PAIN_MORNING, NULL, &error);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-04-01", NULL, "squat", 1, 10, NULL, &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-04-03", PATELLA_REST_DAY_SICK, "cold", &error));
  g_assert_no_error (error);

  /* Days, the latest first; filtered by kind. */
  days = patella_store_list_days (store, PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "2026-04-03");
  g_assert_cmpstr (g_ptr_array_index (days, 2), ==, "2026-04-01");
  g_clear_pointer (&days, g_ptr_array_unref);
  days = patella_store_list_days (store, 1u << PATELLA_ENTRY_PAIN, &error);
  g_assert_cmpuint (days->len, ==, 1);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = patella_store_list_days (store, 0, &error);
  g_assert_cmpuint (days->len, ==, 0);

  /* A day's entries, the latest first. */
  entries = patella_store_list_entries (store, "2026-04-02", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 0))->kind, ==, PATELLA_ENTRY_RUN);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (entries, 1))->id, ==, pain_id);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Edit a run. */
  run = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (run->distance_km, ==, 8.2);
  g_assert_cmpint (run->pain, ==, 3);
  g_assert_cmpstr (run->note, ==, "hills");
  g_assert_cmpstr (run->instant, ==, "2026-04-02T19:00:00Z");
  run->distance_km = 9.0;
  run->pain = -1;
  g_assert_true (patella_store_update_entry (store, run, &error));
  again = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_cmpfloat (again->distance_km, ==, 9.0);
  g_assert_cmpint (again->pain, ==, -1);
  g_assert_cmpstr (again->instant, ==, "2026-04-02T19:00:00Z");

  /* A bad edit changes nothing. */
  run->minutes = 2000;
  g_assert_false (patella_store_update_entry (store, run, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&again, patella_entry_free);
  again = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_cmpfloat (again->minutes, ==, 45);

  /* Delete, then Undo: the same id, time and values. */
  g_assert_true (patella_store_remove_entry (store, again, &error));
  g_assert_null (patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (patella_store_restore_entry (store, again, &error));
  g_assert_no_error (error);
  g_clear_pointer (&run, patella_entry_free);
  run = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_cmpfloat (run->distance_km, ==, 9.0);
  g_assert_cmpstr (run->instant, ==, "2026-04-02T19:00:00Z");
  g_assert_cmpstr (run->note, ==, "hills");

  /* An id is never handed out again: delete the newest, log another, and
   * the first still comes back under its own id. */
  {
    g_autoptr(PatellaEntry) newest = NULL;
    gint64 other;

    newest = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
    g_assert_true (patella_store_remove_entry (store, newest, &error));
    other = patella_store_log_run (store, "2026-04-02", NULL, 20, 3, 3, -1, NULL, &error);
    g_assert_cmpint (other, !=, run_id);
    g_assert_true (patella_store_restore_entry (store, newest, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, PATELLA_TABLE_RUNS), ==, 2);
  }

  /* The same for a sick day. */
  entries = patella_store_list_entries (store, "2026-04-03", PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    g_autoptr(PatellaEntry) sick = patella_entry_copy (g_ptr_array_index (entries, 0));

    g_assert_cmpint (sick->rest_kind, ==, PATELLA_REST_DAY_SICK);
    g_assert_true (patella_store_remove_entry (store, sick, &error));
    g_assert_cmpint (count (store, PATELLA_TABLE_REST_DAYS), ==, 0);
    g_assert_true (patella_store_restore_entry (store, sick, &error));
    g_assert_cmpint (count (store, PATELLA_TABLE_REST_DAYS), ==, 1);
  }
  g_assert_no_error (error);
}

/* Asserts that the page of days asked for is exactly the comma-separated
 * @expected, newest first. */
static void
assert_page (PatellaStore *store,
             guint         kinds,
             const char   *from,
             const char   *before,
             guint         limit,
             const char   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = patella_store_list_days_page (store, kinds, from, before, limit, &error);
  g_autoptr(GString) listed = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    g_string_append_printf (listed, "%s%s", i ? "," : "", (const char *) g_ptr_array_index (days, i));
  g_assert_cmpstr (listed->str, ==, expected);
}

/* A page of days: the latest @limit before a day, merged from every table,
 * each day once; paged through to the last, every day exactly once. */
static void
test_days_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* An empty store: an empty page, the last. */
  assert_page (store, PATELLA_ENTRY_ALL, NULL, NULL, 3, "");

  /* 05-01: exercises only (two sets); 05-02: pain and a run; 05-03: a
   * rest day only; 05-04: a run only; 05-05: pain twice, a run and sets;
   * 05-06: a sick day only. */
  g_assert_cmpint (patella_store_log_exercise (store, "2026-05-01", NULL, "squat", 1, 10, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-05-01", NULL, "squat", 2, 10, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-05-02", NULL, 2, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-05-02", NULL, 30, 5, 3, -1, NULL, &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-05-03", PATELLA_REST_DAY_REST, NULL, &error));
  g_assert_cmpint (patella_store_log_run (store, "2026-05-04", NULL, 30, 5, 3, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-05-05", NULL, 1, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-05-05", NULL, 3, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-05-05", NULL, 20, 4, 3, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-05-05", NULL, "squat", 1, 10, NULL, &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-05-06", PATELLA_REST_DAY_SICK, NULL, &error));
  g_assert_no_error (error);

  /* The newest page; the next before its last day, which ends exactly at
   * the boundary; then the last, shorter page; then nothing. */
  assert_page (store, PATELLA_ENTRY_ALL, NULL, NULL, 2, "2026-05-06,2026-05-05");
  assert_page (store, PATELLA_ENTRY_ALL, NULL, "2026-05-05", 2, "2026-05-04,2026-05-03");
  assert_page (store, PATELLA_ENTRY_ALL, NULL, "2026-05-03", 3, "2026-05-02,2026-05-01");
  assert_page (store, PATELLA_ENTRY_ALL, NULL, "2026-05-01", 3, "");
  /* A page exactly as long as what is left is full; the one after is empty. */
  assert_page (store, PATELLA_ENTRY_ALL, NULL, "2026-05-03", 2, "2026-05-02,2026-05-01");
  /* Before a day with no entry: the page starts at the next day before it. */
  assert_page (store, PATELLA_ENTRY_ALL, NULL, "2026-05-31", 1, "2026-05-06");

  /* By kind: days found in one table only. */
  assert_page (store, 1u << PATELLA_ENTRY_RUN, NULL, "2026-05-05", 5, "2026-05-04,2026-05-02");
  assert_page (store, 1u << PATELLA_ENTRY_REST_DAY, NULL, NULL, 5, "2026-05-06,2026-05-03");
  assert_page (store, 1u << PATELLA_ENTRY_EXERCISE, NULL, NULL, 1, "2026-05-05");
  assert_page (store, (1u << PATELLA_ENTRY_PAIN) | (1u << PATELLA_ENTRY_REST_DAY), NULL, NULL, 0,
               "2026-05-06,2026-05-05,2026-05-03,2026-05-02");
  assert_page (store, 0, NULL, NULL, 5, "");

  /* From a day on, no limit: what a reload of the pages read reads. */
  assert_page (store, PATELLA_ENTRY_ALL, "2026-05-04", NULL, 0, "2026-05-06,2026-05-05,2026-05-04");
  assert_page (store, PATELLA_ENTRY_ALL, "2026-05-02", "2026-05-04", 0, "2026-05-03,2026-05-02");

  /* Paged through a day at a time: every day once, as listed whole. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = patella_store_list_days_page (store, PATELLA_ENTRY_ALL, NULL, before, 1, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      g_free (before);
      before = g_strdup (g_ptr_array_index (page, 0));
      g_ptr_array_add (all, g_strdup (before));
    }
  days = patella_store_list_days (store, PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpuint (all->len, ==, days->len);
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpstr (g_ptr_array_index (all, i), ==, g_ptr_array_index (days, i));
  g_assert_no_error (error);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

/* The history lists days, the latest first, reads a day's entries only
 * when asked, and signals only what a write changed. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaHistory) history = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaHistoryDay) newest = NULL;
  GPtrArray *entries;
  gint64 id;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (int d = 1; d <= 20; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-05-%02d", d);
      g_assert_cmpint (patella_store_log_pain (store, day, NULL, d % 11, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
      if (d % 2 == 0)
        g_assert_cmpint (patella_store_log_run (store, day, NULL, 30, 5, 4, -1, NULL, &error), >, 0);
    }

  history = patella_history_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  g_assert_true (patella_history_reload (history, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 20);
  newest = g_list_model_get_item (G_LIST_MODEL (history), 0);
  g_assert_cmpstr (patella_history_day_get_day (newest), ==, "2026-05-20");
  entries = patella_history_day_get_entries (newest, &error);
  g_assert_cmpuint (entries->len, ==, 2);

  g_signal_connect (history, "items-changed", G_CALLBACK (record_items_changed), changes);

  /* A new day in the middle of the range is one insertion there. */
  id = patella_store_log_pain (store, "2026-04-30", NULL, 3, PATELLA_PAIN_REST, NULL, &error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 21);
  g_assert_cmpuint (changes->len, >=, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 20);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);

  /* An entry on a shown day: the day reads its entries afresh. */
  g_assert_cmpint (patella_store_log_pain (store, "2026-05-20", NULL, 1, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  {
    g_autoptr(PatellaHistoryDay) again = g_list_model_get_item (G_LIST_MODEL (history), 0);
    g_assert_cmpuint (patella_history_day_get_entries (again, &error)->len, ==, 3);
  }

  /* Only runs: the days without a run are gone. */
  g_assert_true (patella_history_set_kinds (history, 1u << PATELLA_ENTRY_RUN, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 10);
  {
    g_autoptr(PatellaHistoryDay) day = g_list_model_get_item (G_LIST_MODEL (history), 0);
    GPtrArray *runs = patella_history_day_get_entries (day, &error);

    g_assert_cmpuint (runs->len, ==, 1);
    g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (runs, 0))->kind, ==, PATELLA_ENTRY_RUN);
  }
  g_assert_no_error (error);
}

/* The model's days, newest first, as one comma-separated string. */
static char *
history_days (PatellaHistory *history)
{
  g_autoptr(GString) days = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
    {
      g_autoptr(PatellaHistoryDay) day = g_list_model_get_item (G_LIST_MODEL (history), i);

      g_string_append_printf (days, "%s%s", i ? "," : "", patella_history_day_get_day (day));
    }
  return g_string_free (g_steal_pointer (&days), FALSE);
}

/* The history reads a page of days at a time: level changes fall in the
 * page of their day, each day once; a reload keeps the pages read; when
 * every day read is gone, the first page is read afresh. */
static void
test_history_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(GString) expected = g_string_new ("2026-02-20");
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  /* Pain on forty days, 2026-01-01 to 2026-02-09. */
  for (int d = 0; d < 40; d++)
    {
      g_autofree char *day = patella_day_add ("2026-01-01", d);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, d % 11, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  /* Level changes (the routine changes from the store's today on, so in
   * order): before every entry, on a day with pain, after every entry. */
  patella_store_set_today (store, "2025-12-20");
  g_assert_true (patella_store_set_level (store, "quad-setting", 1, &error));
  patella_store_set_today (store, "2026-01-05");
  g_assert_true (patella_store_set_level (store, "band-walks", 1, &error));
  patella_store_set_today (store, "2026-02-20");
  g_assert_true (patella_store_set_level (store, "squat", 1, &error));
  g_assert_no_error (error);
  for (int d = 39; d >= 0; d--)
    {
      g_autofree char *day = patella_day_add ("2026-01-01", d);

      g_string_append_printf (expected, ",%s", day);
    }
  g_string_append (expected, ",2025-12-20");

  /* The first page: the newest 32 days with an entry, and the level
   * change after them. */
  history = patella_history_new (store);
  g_assert_true (patella_history_reload (history, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, PATELLA_HISTORY_PAGE_DAYS + 1);
  g_assert_false (patella_history_is_complete (history));

  /* The next page: the last eight days, the level change on one of them
   * once, and the one before every entry. One signal, at the end. */
  g_signal_connect (history, "items-changed", G_CALLBACK (record_items_changed), changes);
  g_assert_true (patella_history_load_more (history, PATELLA_HISTORY_PAGE_DAYS, &error));
  g_assert_no_error (error);
  g_assert_true (patella_history_is_complete (history));
  listed = history_days (history);
  g_assert_cmpstr (listed, ==, expected->str);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, PATELLA_HISTORY_PAGE_DAYS + 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 9);
  g_signal_handlers_disconnect_by_data (history, changes);

  /* Read whole, there is nothing more; a reload keeps every day. */
  g_assert_true (patella_history_load_more (history, 1, &error));
  g_assert_true (patella_history_reload (history, &error));
  g_clear_pointer (&listed, g_free);
  listed = history_days (history);
  g_assert_cmpstr (listed, ==, expected->str);

  /* Pain only: the first page again, the level changes gone. */
  g_assert_true (patella_history_set_kinds (history, 1u << PATELLA_ENTRY_PAIN, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, PATELLA_HISTORY_PAGE_DAYS);
  g_assert_false (patella_history_is_complete (history));

  /* A reload after two pages keeps both. */
  g_assert_true (patella_history_load_more (history, 4, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, PATELLA_HISTORY_PAGE_DAYS + 4);
  g_assert_true (patella_history_reload (history, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, PATELLA_HISTORY_PAGE_DAYS + 4);
  g_assert_false (patella_history_is_complete (history));

  /* Every day read deleted: the four days left are read afresh. */
  for (int d = 4; d < 40; d++)
    {
      g_autofree char *day = patella_day_add ("2026-01-01", d);
      g_autoptr(GPtrArray) entries = patella_store_list_entries (store, day, PATELLA_ENTRY_ALL, &error);

      g_assert_true (patella_store_remove_entry (store, g_ptr_array_index (entries, 0), &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&listed, g_free);
  listed = history_days (history);
  g_assert_cmpstr (listed, ==, "2026-01-04,2026-01-03,2026-01-02,2026-01-01");
  g_assert_true (patella_history_is_complete (history));
  g_assert_no_error (error);
}

static void
record_change (PatellaStore *store,
               int           table,
               GArray       *tables)
{
  g_array_append_val (tables, table);
}

/* Every committed write is announced once, naming its table; refused
 * writes announce nothing. */
static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 id;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (record_change), tables);

  id = patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 1, 0, NULL, &error);
  patella_store_log_pain (store, "2026-03-01", NULL, 2, PATELLA_PAIN_AFTER, NULL, &error);
  patella_store_log_run (store, "2026-03-01", NULL, 30, 5, 3, -1, NULL, &error);
  patella_store_set_rest_day (store, "2026-03-02", PATELLA_REST_DAY_REST, NULL, &error);
  patella_store_delete_entry (store, PATELLA_TABLE_EXERCISE_LOG, id, &error);
  patella_store_move_exercise (store, "squat", 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (tables->len, ==, 6);
  g_assert_cmpint (g_array_index (tables, int, 0), ==, PATELLA_TABLE_EXERCISE_LOG);
  g_assert_cmpint (g_array_index (tables, int, 1), ==, PATELLA_TABLE_PAIN_LOG);
  g_assert_cmpint (g_array_index (tables, int, 2), ==, PATELLA_TABLE_RUNS);
  g_assert_cmpint (g_array_index (tables, int, 3), ==, PATELLA_TABLE_REST_DAYS);
  g_assert_cmpint (g_array_index (tables, int, 4), ==, PATELLA_TABLE_EXERCISE_LOG);
  g_assert_cmpint (g_array_index (tables, int, 5), ==, PATELLA_TABLE_EXERCISES);

  g_assert_false (patella_store_delete_entry (store, PATELLA_TABLE_EXERCISE_LOG, id, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (patella_store_log_pain (store, "2026-03-01", NULL, 11, PATELLA_PAIN_AFTER, NULL, &error), ==, 0);
  g_assert_cmpuint (tables->len, ==, 6);
}

static void
assert_refused (gint64   result,
                GError  *error,
                int      code)
{
  g_assert_cmpint (result, ==, 0);
  g_assert_error (error, PATELLA_STORE_ERROR, code);
  /* Plain words, never an SQLite code. */
  g_assert_null (strstr (error->message, "constraint"));
}

static void
test_refuses_bad_values (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = g_strnfill (PATELLA_NOTE_MAX_CHARS + 1, 'x');
  g_autofree char *max_note = g_strnfill (PATELLA_NOTE_MAX_CHARS, 'x');
  const char *bad_days[] = { "2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01x", "", "0000-01-01", "1899-12-31" };
  gint64 id;

#define REFUSED(call, code) \
  G_STMT_START { \
    g_clear_error (&error); \
    id = (call); \
    assert_refused (id, error, code); \
  } G_STMT_END

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_days); i++)
    {
      REFUSED (patella_store_log_pain (store, bad_days[i], NULL, 2, PATELLA_PAIN_AFTER, NULL, &error),
               PATELLA_STORE_ERROR_INVALID);
      REFUSED (patella_store_set_rest_day (store, bad_days[i], PATELLA_REST_DAY_REST, NULL, &error),
               PATELLA_STORE_ERROR_INVALID);
    }
  REFUSED (patella_store_log_pain (store, NULL, NULL, 2, PATELLA_PAIN_AFTER, NULL, &error),
           PATELLA_STORE_ERROR_INVALID);

  REFUSED (patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 0, 0, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 101, 0, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 1, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_exercise (store, "2026-03-01", NULL, "no-such", 1, 0, NULL, &error), PATELLA_STORE_ERROR_NOT_FOUND);
  REFUSED (patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 1, 0, long_note, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 1, 0, "\xff\xfe", &error), PATELLA_STORE_ERROR_INVALID);

  REFUSED (patella_store_log_pain (store, "2026-03-01", NULL, -1, PATELLA_PAIN_AFTER, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_pain (store, "2026-03-01", NULL, 11, PATELLA_PAIN_AFTER, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_pain (store, "2026-03-01", NULL, 5, PATELLA_N_PAIN_CONTEXTS, NULL, &error), PATELLA_STORE_ERROR_INVALID);

  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 0, 5, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, -10, 5, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 1440.5, 5, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, NAN, 5, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, -0.1, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, 1000.5, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, INFINITY, 3, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, 5, 11, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, 5, -1, -1, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, 5, 3, 11, NULL, &error), PATELLA_STORE_ERROR_INVALID);
  REFUSED (patella_store_log_run (store, "2026-03-01", NULL, 30, 5, 3, -2, NULL, &error), PATELLA_STORE_ERROR_INVALID);

  REFUSED (patella_store_set_rest_day (store, "2026-03-01", PATELLA_N_REST_DAY_KINDS, NULL, &error), PATELLA_STORE_ERROR_INVALID);

  /* Nothing reached the record. */
  for (PatellaTable t = PATELLA_TABLE_EXERCISE_LOG; t < PATELLA_N_TABLES; t++)
    g_assert_cmpint (count (store, t), ==, 0);

  /* The boundaries themselves are accepted. */
  g_clear_error (&error);
  g_assert_cmpint (patella_store_log_pain (store, "2026-03-01", NULL, 0, PATELLA_PAIN_MORNING, max_note, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2024-02-29", NULL, 10, PATELLA_PAIN_OTHER, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-03-01", NULL, 1440, 1000, 10, 10, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-03-01", NULL, 0.5, 0, 0, 0, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-03-01", NULL, "squat", 100, 1000, NULL, &error), >, 0);
  g_assert_no_error (error);
#undef REFUSED
}

static void
test_custom_exercise (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  PatellaExercise step_ups = {
    .id = (char *) "step-ups", .name = (char *) "Step-ups <b>&</b>", .dose = (char *) "3 × 10",
    .target_sets = 3, .reps = 10, .enabled = TRUE,
  };
  PatellaExercise bad = step_ups;
  PatellaExercise *last;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_true (patella_store_add_exercise (store, &step_ups, &error));
  g_assert_no_error (error);

  exercises = patella_store_list_exercises (store, TRUE, &error);
  last = g_ptr_array_index (exercises, exercises->len - 1);
  g_assert_cmpstr (last->id, ==, "step-ups");
  g_assert_cmpstr (last->name, ==, "Step-ups <b>&</b>");
  g_assert_false (last->builtin);
  g_assert_cmpint (last->position, ==, exercises->len - 1);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-03-01", NULL, "step-ups", 1, 10, NULL, &error), >, 0);

  /* The same id twice, a bad id, an empty name: refused. */
  g_assert_false (patella_store_add_exercise (store, &step_ups, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad.id = (char *) "Step Ups";
  g_assert_false (patella_store_add_exercise (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad.id = (char *) "step-ups-2";
  bad.name = (char *) "   ";
  g_assert_false (patella_store_add_exercise (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad.name = (char *) "Fine";
  bad.target_sets = 0;
  g_assert_false (patella_store_add_exercise (store, &bad, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID);
}

/* The CHECK constraints hold even for SQL that bypasses the store's own
 * validation, such as a future importer's bug or a hand edit. */
static void
test_constraints (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *sql;
    gboolean    accepted;
  } cases[] = {
#define EXLOG "INSERT INTO exercise_log (day, instant, exercise_id, sets, reps, note) VALUES "
#define PAIN "INSERT INTO pain_log (day, instant, score, context, note) VALUES "
#define RUN "INSERT INTO runs (day, instant, minutes, distance_km, rpe, pain, note) VALUES "
#define REST "INSERT INTO rest_days (day, kind, note) VALUES "
#define EX "INSERT INTO exercises (id, name, target_sets, position) VALUES "
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'squat', 1, NULL, '')", TRUE },
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'squat', 0, NULL, '')", FALSE },
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'squat', 1, 0, '')", FALSE },
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'unknown', 1, NULL, '')", FALSE },
    { EXLOG "('2026-02-30', '2026-03-01T10:00:00Z', 'squat', 1, NULL, '')", FALSE },
    { EXLOG "('2026/03/01', '2026-03-01T10:00:00Z', 'squat', 1, NULL, '')", FALSE },
    { EXLOG "('2026-03-01', '2026-03-01 10:00:00', 'squat', 1, NULL, '')", FALSE },
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'squat', 'two', NULL, '')", FALSE },
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'squat', 1, NULL, NULL)", FALSE },
    { EXLOG "('2026-03-01', '2026-03-01T10:00:00Z', 'squat', 1, NULL, printf('%.2001c', 'x'))", FALSE },
    { PAIN "('2026-03-01', '2026-03-01T10:00:00Z', 10, 'morning', '')", TRUE },
    { PAIN "('2026-03-01', '2026-03-01T10:00:00Z', 0, 'sitting', '')", TRUE },
    { PAIN "('2026-03-01', '2026-03-01T10:00:00Z', 11, 'morning', '')", FALSE },
    { PAIN "('2026-03-01', '2026-03-01T10:00:00Z', -1, 'morning', '')", FALSE },
    { PAIN "('2026-03-01', '2026-03-01T10:00:00Z', 2.5, 'morning', '')", FALSE },
    { PAIN "('2026-03-01', '2026-03-01T10:00:00Z', 2, 'evening', '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 30, 5, 4, NULL, '')", TRUE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 1440, 1000, 10, 10, '')", TRUE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 0, 5, 4, NULL, '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 1440.01, 5, 4, NULL, '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 30, -1, 4, NULL, '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 30, 1000.1, 4, NULL, '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 30, 5, 11, NULL, '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 30, 5, 4, 11, '')", FALSE },
    { RUN "('2026-03-01', '2026-03-01T10:00:00Z', 30, 5, NULL, NULL, '')", FALSE },
    { REST "('2026-03-01', 'rest', '')", TRUE },
    { REST "('2026-03-02', 'sick', 'flu')", TRUE },
    { REST "('2026-03-01', 'sick', '')", FALSE }, /* one row per day */
    { REST "('2026-03-03', 'holiday', '')", FALSE },
    { EX "('my-exercise', 'Mine', 1, 20)", TRUE },
    { EX "('My Exercise', 'Mine', 1, 21)", FALSE },
    { EX "('-leading', 'Mine', 1, 22)", FALSE },
    { EX "('empty-name', '', 1, 23)", FALSE },
    { EX "('zero-sets', 'Zero', 0, 24)", FALSE },
    { "DELETE FROM exercises WHERE id = 'squat'", FALSE }, /* logged above */
    { "UPDATE exercises SET enabled = 2 WHERE id = 'squat'", FALSE },
#undef EXLOG
#undef PAIN
#undef RUN
#undef REST
#undef EX
  };
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int rc = patella_test_sql (fixture->path, cases[i].sql);

      if (cases[i].accepted != (rc == SQLITE_OK))
        g_error ("%s: expected %s, SQLite gave %s", cases[i].sql,
                 cases[i].accepted ? "success" : "refusal", sqlite3_errstr (rc));
    }
}

/* The bad-file cases: refused with a plain message, left byte-identical,
 * and no stray files left beside them. */
typedef void (*MakeBadFile) (const char *path);

static void
make_not_database (const char *path)
{
  patella_test_write_file (path, "date,kind\n2026-03-01,pain\n", -1);
}

static void
make_corrupt (const char *path)
{
  patella_test_make_database (path, 400);
  patella_test_corrupt_table (path, "pain_log");
}

static void
make_corrupt_header (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  patella_test_make_database (path, 10);
  bytes = patella_test_read_file (path);
  copy = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  memcpy (copy, "Not SQLite fmt 3", 16);
  patella_test_write_file (path, copy, (gssize) length);
}

static void
make_too_new (const char *path)
{
  patella_test_make_database (path, 10);
  g_assert_cmpint (patella_test_sql (path, "PRAGMA user_version = 99"), ==, SQLITE_OK);
}

static void
make_other_program (const char *path)
{
  patella_test_write_file (path, "", 0);
  g_assert_cmpint (patella_test_sql (path, "CREATE TABLE bookmarks (url TEXT);"
                                           "INSERT INTO bookmarks VALUES ('https://example.org')"),
                   ==, SQLITE_OK);
}

/* A newer Patella's database that was not checkpointed: part of it lives in
 * the write-ahead log, which must survive our refusal untouched. */
static void
make_too_new_with_wal (const char *path)
{
  sqlite3 *db = NULL;

  patella_test_make_database (path, 10);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                     "INSERT INTO pain_log (day, instant, score, context, note)"
                                     " VALUES ('2026-01-01', '2026-01-01T08:00:00Z', 4, 'morning', 'in the log');"
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_read_only (const char *path)
{
  patella_test_make_database (path, 10);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
}

static const struct {
  const char  *name;
  MakeBadFile  make;
  int          code;
  const char  *words;
} bad_files[] = {
  { "not-database", make_not_database, PATELLA_STORE_ERROR_NOT_DATABASE, "not a Patella database" },
  { "corrupt", make_corrupt, PATELLA_STORE_ERROR_CORRUPT, "damaged" },
  { "corrupt-header", make_corrupt_header, PATELLA_STORE_ERROR_NOT_DATABASE, "not a Patella database" },
  { "too-new", make_too_new, PATELLA_STORE_ERROR_TOO_NEW, "newer version of Patella" },
  { "too-new-with-wal", make_too_new_with_wal, PATELLA_STORE_ERROR_TOO_NEW, "newer version of Patella" },
  { "other-program", make_other_program, PATELLA_STORE_ERROR_NOT_DATABASE, "not one of Patella" },
  { "read-only", make_read_only, PATELLA_STORE_ERROR_READ_ONLY, "read-only" },
};

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  GStatBuf st_before, st_after;

  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GBytes) wal_before = NULL;

  bad_files[index].make (fixture->path);
  before = patella_test_read_file (fixture->path);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    wal_before = patella_test_read_file (wal);
  listing_before = patella_test_list_dir (fixture->dir);
  g_assert_cmpint (g_stat (fixture->path, &st_before), ==, 0);

  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, bad_files[index].code);
  g_test_message ("%s: %s", bad_files[index].name, error->message);
  g_assert_nonnull (strstr (error->message, bad_files[index].words));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "untouched"));

  after = patella_test_read_file (fixture->path);
  patella_test_assert_bytes_equal (before, after);
  g_assert_cmpint (g_stat (fixture->path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  listing_after = patella_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing_before, ==, listing_after);
  if (wal_before != NULL)
    {
      g_autoptr(GBytes) wal_after = patella_test_read_file (wal);

      g_assert_cmpuint (g_bytes_get_size (wal_before), >, 0);
      patella_test_assert_bytes_equal (wal_before, wal_after);
    }
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GError **error = data;

  g_assert_false (patella_store_check_finish (result, error));
  g_assert_nonnull (*error);
}

static void
check_ok (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_store_check_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* Opening with the check deferred still refuses what the cheap checks see;
 * damage in the rows is found by the background check, and the file stays
 * as it was. */
static void
test_deferred_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  gboolean passed = FALSE;

  /* A sound file passes. */
  patella_test_make_database (fixture->path, 400);
  store = patella_store_open_full (fixture->path, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  patella_store_check_async (store, NULL, check_ok, &passed);
  while (!passed)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&store);

  /* A file from a newer Patella is still refused at once. */
  make_too_new (fixture->path);
  store = patella_store_open_full (fixture->path, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* Damaged rows: the store opens, the check says so in plain words. */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  make_corrupt (fixture->path);
  before = patella_test_read_file (fixture->path);
  listing_before = patella_test_list_dir (fixture->dir);
  store = patella_store_open_full (fixture->path, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  patella_store_check_async (store, NULL, check_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);

  /* Whoever still holds the store cannot write to the damaged file. */
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-01", NULL, 3, PATELLA_PAIN_MORNING, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);

  after = patella_test_read_file (fixture->path);
  patella_test_assert_bytes_equal (before, after);
  listing_after = patella_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing_before, ==, listing_after);

  /* Not in WAL mode: opening would rewrite the header, so it checks first
   * and refuses, leaving the file as it was. */
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  patella_test_make_database (fixture->path, 400);
  g_assert_cmpint (patella_test_sql (fixture->path, "PRAGMA journal_mode = DELETE"), ==, SQLITE_OK);
  patella_test_corrupt_table (fixture->path, "pain_log");
  before = patella_test_read_file (fixture->path);
  store = patella_store_open_full (fixture->path, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CORRUPT);
  after = patella_test_read_file (fixture->path);
  patella_test_assert_bytes_equal (before, after);
}

static void
test_not_a_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  store = patella_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_CANT_OPEN);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
}

static void
test_day (void)
{
  g_autofree char *next = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *leap = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) late = NULL;
  g_autofree char *instant = NULL;

  g_assert_true (patella_day_is_valid ("2024-02-29"));
  g_assert_false (patella_day_is_valid ("2023-02-29"));
  g_assert_false (patella_day_is_valid ("2024-2-29"));
  g_assert_false (patella_day_is_valid (" 2024-02-29"));
  g_assert_false (patella_day_is_valid (NULL));

  /* Whole days across the end of daylight saving time (25 hours long). */
  next = patella_day_add ("2026-10-25", 1);
  g_assert_cmpstr (next, ==, "2026-10-26");
  prev = patella_day_add ("2026-03-01", -1);
  g_assert_cmpstr (prev, ==, "2026-02-28");
  leap = patella_day_add ("2024-02-28", 1);
  g_assert_cmpstr (leap, ==, "2024-02-29");
  /* Steps past what YYYY-MM-DD can name stop at its ends. */
  {
    g_autofree char *early = patella_day_add ("1900-01-02", -34);
    g_autofree char *end = patella_day_add ("9999-12-30", 5);

    g_assert_cmpstr (early, ==, "1900-01-01");
    g_assert_cmpstr (end, ==, "9999-12-31");
  }

  /* Instants are kept in UTC and read back to the same moment. */
  g_assert_nonnull (berlin);
  late = g_date_time_new (berlin, 2026, 7, 1, 23, 30, 0);
  instant = patella_instant_format (late);
  g_assert_cmpstr (instant, ==, "2026-07-01T21:30:00Z");
  parsed = patella_instant_parse (instant);
  g_assert_nonnull (parsed);
  g_assert_true (g_date_time_equal (parsed, late));
  g_assert_null (patella_instant_parse ("2026-07-01T21:30:00+02:00"));
  g_assert_null (patella_instant_parse ("2026-13-01T21:30:00Z"));
  g_assert_null (patella_instant_parse ("2026-02-30T21:30:00Z"));
  g_assert_null (patella_instant_parse ("2026-07-01T24:00:00Z"));
  g_assert_null (patella_instant_parse ("2026-07-01T21:3x:00Z"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)

  g_test_add_func ("/day/parse-and-step", test_day);
  ADD ("create", test_create);
  ADD ("released-warning-check", test_released_warning_check);
  ADD ("reopen", test_reopen);
  ADD ("tightens-permissions", test_tightens_permissions);
  ADD ("migrate-from-empty", test_migrate_empty);
  ADD ("migrate-return-phases", test_migrate_return_phases);
  ADD ("migrate-from-v1", test_migrate_from_v1);
  ADD ("migrate-from-v2", test_migrate_from_v2);
  ADD ("migrate-from-v2-all-or-nothing", test_migrate_from_v2_all_or_nothing);
  ADD ("migrate-from-v3", test_migrate_from_v3);
  ADD ("migrate-from-v3-all-or-nothing", test_migrate_from_v3_all_or_nothing);
  ADD ("migrate-from-v4", test_migrate_from_v4);
  ADD ("migrate-from-v4-all-or-nothing", test_migrate_from_v4_all_or_nothing);
  ADD ("migrate-from-v5", test_migrate_from_v5);
  ADD ("log-entries", test_log_entries);
  ADD ("changed-signal", test_changed_signal);
  ADD ("entries", test_entries);
  ADD ("days-page", test_days_page);
  ADD ("history", test_history);
  ADD ("history-pages", test_history_pages);
  ADD ("refuses-bad-values", test_refuses_bad_values);
  ADD ("custom-exercise", test_custom_exercise);
  ADD ("constraints", test_constraints);
  ADD ("not-a-file", test_not_a_file);
  ADD ("deferred-check", test_deferred_check);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/bad-file/%s", bad_files[i].name);
      g_test_add (path, Fixture, GUINT_TO_POINTER (i), patella_test_files_set_up, test_bad_file, patella_test_files_tear_down);
    }
#undef ADD

  return g_test_run ();
}
