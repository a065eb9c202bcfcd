/* test-file-task.c: export, import, report and backup with no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core/patella-day.h"
#include "patella-file-task.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

/* Every task the window's menus name has the words to ask for its file. */
static void
test_file_task_infos (void)
{
  for (PatellaFileTask task = 0; task < PATELLA_N_FILE_TASKS; task++)
    {
      const PatellaFileTaskInfo *info = patella_file_task_get_info (task);

      g_assert_nonnull (info);
      g_assert_true (g_str_has_prefix (info->action, "win."));
      g_assert_nonnull (info->title);
      g_assert_nonnull (info->accept);
      g_assert_true ((info->name == NULL) == (info->extension == NULL));
    }
  g_assert_cmpstr (patella_file_task_get_info (PATELLA_FILE_TASK_BACKUP)->action, ==, "win.backup");
}

static void
test_file_task_run (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
  g_autofree char *today = patella_day_today ();
  g_autofree char *csv = g_build_filename (fixture->dir, "history.csv", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *done;

  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 3, PATELLA_PAIN_MORNING, NULL, &error), >, 0);

  /* Each says what it did, in the runner's words, naming the file. */
  done = patella_file_task_run (PATELLA_FILE_TASK_EXPORT_CSV, store, NULL, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (done, ==, "History exported to history.csv");
  g_free (done);
  done = patella_file_task_run (PATELLA_FILE_TASK_BACKUP, store, NULL, backup, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (done, ==, "Database backed up to backup.db");
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_free (done);
  done = patella_file_task_run (PATELLA_FILE_TASK_REPORT, store, NULL, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (done, ==, "Clinic report saved as report.pdf");
  g_free (done);

  /* The import of what was exported adds nothing twice, and says so. */
  done = patella_file_task_run (PATELLA_FILE_TASK_IMPORT_CSV, store, NULL, csv, &error);
  g_assert_no_error (error);
  g_assert_nonnull (done);
  g_free (done);

  /* A failure is an error with the reason, and nothing is written. */
  g_assert_null (patella_file_task_run (PATELLA_FILE_TASK_IMPORT_CSV, store, NULL, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (patella_file_task_run (PATELLA_FILE_TASK_REPORT, store, NULL, fixture->path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "That file is the database itself; choose another.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-task/infos", test_file_task_infos);
  g_test_add ("/file-task/run", Fixture, NULL, patella_test_files_set_up, test_file_task_run,
              patella_test_files_tear_down);

  return g_test_run ();
}
