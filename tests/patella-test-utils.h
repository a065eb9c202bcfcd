/* patella-test-utils.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder and the database path inside it, for a test
 * fixture; tear-down removes the folder and all in it. */
typedef struct
{
  char *dir;
  char *path;
} PatellaTestFiles;

void     patella_test_files_set_up   (PatellaTestFiles *files,
                                      gconstpointer     data);
void     patella_test_files_tear_down (PatellaTestFiles *files,
                                       gconstpointer     data);

/* A fresh folder under the system's temporary folder, removed by
 * patella_test_remove_tree(). */
char    *patella_test_make_tmpdir    (void);
void     patella_test_remove_tree    (const char *path);

GBytes  *patella_test_read_file      (const char *path);
void     patella_test_write_file     (const char *path,
                                      const char *contents,
                                      gssize      length);
/* The folder's entries, sorted, joined by newlines. */
char    *patella_test_list_dir       (const char *path);

/* Raw SQL on a closed database, bypassing the store: returns the SQLite
 * result code of running @sql. */
int      patella_test_sql            (const char *path,
                                      const char *sql);

/* Patella databases in the states a runner might meet them in. */
/* SQL that takes a file of this version back to schema 6, exactly as
 * schema 6 wrote it. */
#define PATELLA_TEST_SQL_BACK_TO_V6 \
  "DROP TABLE return_phases; PRAGMA user_version = 6;"
/* And back to schema 5. */
#define PATELLA_TEST_SQL_BACK_TO_V5 \
  PATELLA_TEST_SQL_BACK_TO_V6 \
  " DROP INDEX exercise_log_by_day; CREATE INDEX exercise_log_by_day ON exercise_log (day, exercise_id);" \
  " PRAGMA user_version = 5;"
/* And back to schema 4 (SQLite restores the table's text on DROP COLUMN). */
#define PATELLA_TEST_SQL_BACK_TO_V4 \
  PATELLA_TEST_SQL_BACK_TO_V5 \
  " DROP TABLE progression_snoozes; DROP TABLE return_plan;" \
  " ALTER TABLE exercise_log DROP COLUMN pain; ALTER TABLE exercises DROP COLUMN level;" \
  " ALTER TABLE routine_versions DROP COLUMN level; PRAGMA user_version = 4;"

void     patella_test_make_database  (const char *path,
                                      guint       n_entries);
/* Overwrites the b-tree page at the root of @table with garbage. */
void     patella_test_corrupt_table  (const char *path,
                                      const char *table);

/* A full disk for the test: no file may grow beyond @bytes. SIGXFSZ is
 * ignored from then on, so a write beyond the limit fails with EFBIG as one
 * on a full disk fails with ENOSPC; children inherit both. */
void     patella_test_limit_file_size      (guint64     bytes);
void     patella_test_lift_file_size_limit (void);

/* A store at @path, which must open. */
struct _PatellaStore *patella_test_open_store (const char *path);
/* Every entry as the entries CSV, NUL-terminated. */
char    *patella_test_export_csv     (struct _PatellaStore *store);
/* The sum of an import summary's counts, one per entry kind. */
guint    patella_test_count_kinds    (const guint *counts);

#define patella_test_assert_bytes_equal(a, b) \
  g_assert_true (g_bytes_equal ((a), (b)))

G_END_DECLS
