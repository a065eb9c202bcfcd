/* fuzz-csv-import.c: libFuzzer target for the CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is imported into a store holding only the built-in routine,
 * so a crash reproduces from its input alone: an import that fails rolls
 * back and leaves the store as it was, and after one that succeeds the
 * store is thrown away and made again. A file that imported is imported
 * a second time, which must add nothing ("a file imported twice adds
 * nothing the second time"). A GLib warning or critical aborts.
 *
 * Local time is Europe/Berlin whatever the machine's, so that times in a
 * DST gap or fold are reached, and an input behaves the same everywhere.
 *
 * Replay a crash or a corpus without fuzzing:
 *   build-fuzz/tests/fuzz/fuzz-csv-import FILE...
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/patella-csv.h"
#include "core/patella-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *store_dir;
static char *store_path;
static PatellaStore *store;

static void
remove_store_files (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (store_path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
open_fresh_store (void)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  remove_store_files ();
  store = patella_store_open (store_path, &error);
  if (store == NULL)
    g_error ("fuzz-csv-import: cannot open %s: %s", store_path, error->message);
}

static void
clean_up (void)
{
  g_clear_object (&store);
  remove_store_files ();
  g_rmdir (store_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Memory-backed when there is one: every commit is synced. */
  const char *tmp = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0
                    ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (tmp, "patella-fuzz-XXXXXX", NULL);

  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  store_dir = g_mkdtemp (g_steal_pointer (&template));
  if (store_dir == NULL)
    g_error ("fuzz-csv-import: cannot make a folder in %s: %s", tmp, g_strerror (errno));
  store_path = g_build_filename (store_dir, "patella.db", NULL);
  open_fresh_store ();
  atexit (clean_up);
  return 0;
}

static guint
total (const guint counts[PATELLA_N_ENTRY_KINDS])
{
  guint n = 0;

  for (guint k = 0; k < PATELLA_N_ENTRY_KINDS; k++)
    n += counts[k];
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(PatellaImportSummary) first = { { 0 } };
  g_auto(PatellaImportSummary) again = { { 0 } };
  g_autoptr(GError) error = NULL;
  /* libFuzzer hands over a heap block of exactly @size bytes, so ASan
   * catches a read past the end. */
  const char *text = (const char *) data;
  guint n_added;

  if (!patella_csv_import (store, text, size, &first, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PATELLA_CSV_ERROR || error->domain == PATELLA_STORE_ERROR);
      g_assert_cmpuint (total (first.added), ==, 0);
      return 0;
    }
  g_assert_no_error (error);
  n_added = total (first.added);

  if (!patella_csv_import (store, text, size, &again, &error))
    g_error ("fuzz-csv-import: the second import of a file failed: %s", error->message);
  g_assert_cmpuint (total (again.added), ==, 0);
  g_assert_cmpuint (total (again.skipped), ==, n_added + total (first.skipped));
  g_assert_true (again.new_exercises == NULL || again.new_exercises[0] == NULL);

  if (n_added > 0)
    open_fresh_store ();
  return 0;
}
