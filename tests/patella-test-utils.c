/* patella-test-utils.c: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/patella-csv.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

char *
patella_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("patella-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
patella_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  /* Tests may have made files read-only. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            patella_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

void
patella_test_files_set_up (PatellaTestFiles *files,
                           gconstpointer     data)
{
  files->dir = patella_test_make_tmpdir ();
  files->path = g_build_filename (files->dir, "patella.db", NULL);
}

void
patella_test_files_tear_down (PatellaTestFiles *files,
                              gconstpointer     data)
{
  patella_test_remove_tree (files->dir);
  g_clear_pointer (&files->dir, g_free);
  g_clear_pointer (&files->path, g_free);
}

GBytes *
patella_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
patella_test_write_file (const char *path,
                         const char *contents,
                         gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
patella_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

int
patella_test_sql (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

void
patella_test_make_database (const char *path,
                            guint       n_entries)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", 1 + (i / 28) % 12, 1 + i % 28);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, (int) (i % 11),
                                               PATELLA_PAIN_MORNING, "a note long enough to fill pages",
                                               &error), >, 0);
      g_assert_no_error (error);
    }
}

void
patella_test_corrupt_table (const char *path,
                            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 page_size, root_page;
  g_autoptr(GError) error = NULL;

  /* Read-write, so that closing removes the empty write-ahead log. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
                                           " FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root_page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) length, >=, root_page * page_size);

  /* A page type byte of 0xA5 is no b-tree page at all. */
  memset (contents + (root_page - 1) * page_size, 0xA5, 64);
  patella_test_write_file (path, contents, (gssize) length);
}

static void
set_file_size_limit (rlim_t bytes)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = MIN (bytes, limit.rlim_max);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

void
patella_test_limit_file_size (guint64 bytes)
{
  signal (SIGXFSZ, SIG_IGN);
  set_file_size_limit ((rlim_t) bytes);
}

void
patella_test_lift_file_size_limit (void)
{
  set_file_size_limit (RLIM_INFINITY);
}

PatellaStore *
patella_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

char *
patella_test_export_csv (PatellaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_csv_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

guint
patella_test_count_kinds (const guint *counts)
{
  guint n = 0;

  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    n += counts[k];
  return n;
}
