/* test-import-runs.c: runs from files through the preview, and the spreadsheet export, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-day.h"
#include "patella-run-import-dialog.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

static PatellaStore *
store_of (PatellaWindow *window)
{
  return patella_day_plan_get_store (patella_today_page_get_plan (patella_window_get_today_page (window)));
}

static GPtrArray *
runs_on (PatellaWindow *window,
         const char    *day)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *runs = patella_store_list_entries (store_of (window), day, 1u << PATELLA_ENTRY_RUN, &error);

  g_assert_no_error (error);
  return runs;
}

static PatellaRunImportDialog *
find_dialog (void)
{
  GtkWindow *window = patella_test_find_toplevel (PATELLA_TYPE_RUN_IMPORT_DIALOG, NULL);

  return window ? PATELLA_RUN_IMPORT_DIALOG (window) : NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
is_message_dialog (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_MESSAGE_DIALOG (widget) && gtk_widget_get_visible (widget);
}

static gboolean
has_message (gpointer data)
{
  return patella_test_find_window (is_message_dialog, NULL) != NULL;
}

static void
write_files (const char *dir)
{
  g_autofree char *gpx = g_build_filename (dir, "morning.gpx", NULL);
  g_autofree char *strava = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "xxe.gpx", NULL);

  /* Two runs without effort: one of them not said to be a run. */
  patella_test_write_file (gpx,
                           "<?xml version=\"1.0\"?><gpx version=\"1.1\">"
                           "<trk><type>running</type><trkseg>"
                           "<trkpt lat=\"52.5\" lon=\"13.4\"><time>2024-12-04T06:00:00Z</time></trkpt>"
                           "<trkpt lat=\"52.55\" lon=\"13.4\"><time>2024-12-04T06:32:00Z</time></trkpt>"
                           "</trkseg></trk>"
                           "<trk><trkseg>"
                           "<trkpt lat=\"52.5\" lon=\"13.4\"><time>2024-12-05T17:00:00Z</time></trkpt>"
                           "<trkpt lat=\"52.51\" lon=\"13.4\"><time>2024-12-05T17:20:00Z</time></trkpt>"
                           "</trkseg></trk></gpx>", -1);
  /* One with Strava's effort, one already in the log. */
  patella_test_write_file (strava,
                           "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
                           "Perceived Exertion\n"
                           "1,\"Dec 2, 2024, 6:01:23 AM\",Morning Run,Run,1830,5.01,7\n"
                           "2,\"Dec 3, 2024, 6:00:00 PM\",Evening Run,Run,2400,8,\n", -1);
  patella_test_write_file (bad, "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x \"x\">]><gpx>&x;</gpx>", -1);
}

/* What GTK does when files are dropped on the window: the drop target's
 * "drop" signal with a GdkFileList. */
static void
drop_files (PatellaWindow      *window,
            const char * const *paths)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GSList *files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  guint n_targets = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        {
          n_targets++;
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
        }
    }
  g_assert_cmpuint (n_targets, ==, 1);
  g_assert_true (dropped);
}

static void
import_runs (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  const char *dir = data;
  g_autofree char *gpx = g_build_filename (dir, "morning.gpx", NULL);
  g_autofree char *strava = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "xxe.gpx", NULL);
  const char *files[] = { strava, gpx, NULL };
  const char *with_bad[] = { strava, bad, NULL };
  g_autoptr(GDateTime) logged_at = g_date_time_new_utc (2024, 12, 3, 18, 4, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  PatellaRunImportDialog *dialog;
  GtkWindow *message;

  write_files (dir);
  /* Typed in by hand four minutes later, 1 % longer: the same run. */
  g_assert_cmpint (patella_store_log_run (store_of (window), "2024-12-03", logged_at, 40, 8.08, 5, -1, "", &error), >, 0);

  /* A hostile file among them: its reason, and no preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-run-files", "^as", with_bad));
  /* The files are read in a thread. */
  patella_test_wait_for (has_message, NULL);
  g_assert_null (find_dialog ());
  message = patella_test_find_window (is_message_dialog, NULL);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "xxe.gpx"));
  gtk_window_destroy (message);

  /* The two files dropped on the window. */
  drop_files (window, files);
  patella_test_wait_for (has_dialog, NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (patella_run_import_dialog_get_n_runs (dialog), ==, 4);
  g_assert_cmpint (patella_run_import_dialog_get_run (dialog, 0)->rpe, ==, 7);
  g_assert_false (patella_run_import_dialog_get_run (dialog, 0)->logged);
  g_assert_true (patella_run_import_dialog_get_run (dialog, 1)->logged);
  g_assert_null (patella_run_import_dialog_get_run (dialog, 3)->activity);

  /* Two runs without effort: Import says so and logs nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (find_dialog () == dialog);
  g_assert_nonnull (patella_run_import_dialog_get_problem (dialog));
  g_assert_nonnull (strstr (patella_run_import_dialog_get_problem (dialog), "2 runs have no effort"));
  runs = runs_on (window, "2024-12-04");
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* Effort for one, pain for one, the untyped track left out, a default
   * for the rest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.effort", "(ii)", 2, 6));
  g_assert_null (patella_run_import_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.pain", "(ii)", 2, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.include", "(ib)", 3, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.default-effort", "i", 4));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  patella_test_wait_for (no_dialog, NULL);

  runs = runs_on (window, "2024-12-04");
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (runs, 0))->rpe, ==, 6);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (runs, 0))->pain, ==, 3);
  g_assert_cmpfloat_with_epsilon (((PatellaEntry *) g_ptr_array_index (runs, 0))->minutes, 32, 1e-9);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = runs_on (window, "2024-12-02");
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (runs, 0))->rpe, ==, 7);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = runs_on (window, "2024-12-03");
  g_assert_cmpuint (runs->len, ==, 1);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = runs_on (window, "2024-12-05");
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* The menu item's task with one file: everything there is logged now. */
  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_IMPORT_RUNS, strava));
  patella_test_wait_for (has_dialog, NULL);
  dialog = find_dialog ();
  g_assert_true (patella_run_import_dialog_get_run (dialog, 0)->logged);
  g_assert_true (patella_run_import_dialog_get_run (dialog, 1)->logged);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  patella_test_wait_for (no_dialog, NULL);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_import_runs (Fixture       *fixture,
                  gconstpointer  data)
{
  patella_test_run_app (fixture->path, import_runs, fixture->dir);
}

static void
export_xlsx (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  g_autofree char *xlsx = g_build_filename (data, "daily.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *today = patella_day_today ();
  gsize length = 0;

  g_assert_cmpint (patella_store_log_pain (store_of (window), today, NULL, 3, PATELLA_PAIN_MORNING, "", &error), >, 0);
  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_EXPORT_DAILY_XLSX, xlsx));
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, &error));
  /* A zip file: what an .xlsx is. */
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  patella_test_run_app (fixture->path, export_xlsx, fixture->dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/import-runs/preview", Fixture, NULL, patella_test_files_set_up, test_import_runs,
              patella_test_files_tear_down);
  g_test_add ("/import-runs/export-xlsx", Fixture, NULL, patella_test_files_set_up, test_export_xlsx,
              patella_test_files_tear_down);

  return g_test_run ();
}
