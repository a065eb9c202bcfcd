/* test-window.c: the real window, under Xvfb, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "patella-application.h"
#include "patella-entry-row.h"
#include "patella-history-page.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-window.h"

typedef PatellaTestFiles Fixture;

static void
shows (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  Fixture *fixture = data;
  PatellaStore *store;
  GObject *weak_store;
  GtkApplication *gtk_app;
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) close_accels = NULL;
  GSettings *settings;
  AdwBin *history_bin, *progress_bin;

  gtk_app = GTK_APPLICATION (app);
  g_assert_false (patella_window_has_error (window));
  store = patella_window_get_store (window);
  g_assert_true (PATELLA_IS_STORE (store));
  g_assert_cmpstr (patella_store_get_path (store), ==, fixture->path);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Patella");

  /* It opens on Today; the pages are reached through win.page, and are
   * only built (and read the history) when first shown. */
  g_assert_cmpstr (patella_window_get_page (window), ==, "today");
  history_bin = ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "history_bin"));
  progress_bin = ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "progress_bin"));
  g_assert_null (adw_bin_get_child (history_bin));
  g_assert_null (adw_bin_get_child (progress_bin));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  g_assert_cmpstr (patella_window_get_page (window), ==, "history");
  g_assert_true (PATELLA_IS_HISTORY_PAGE (adw_bin_get_child (history_bin)));
  g_assert_null (adw_bin_get_child (progress_bin));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  g_assert_cmpstr (patella_window_get_page (window), ==, "progress");
  g_assert_true (PATELLA_IS_PROGRESS_PAGE (adw_bin_get_child (progress_bin)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "today"));
  g_assert_cmpstr (patella_window_get_page (window), ==, "today");

  /* The main menu is built when first opened, and only then. */
  {
    GtkMenuButton *menu_button =
      GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW,
                                                      "primary_menu_button"));
    GtkPopover *popover;

    g_assert_null (gtk_menu_button_get_popover (menu_button));
    gtk_menu_button_popup (menu_button);
    popover = gtk_menu_button_get_popover (menu_button);
    g_assert_true (GTK_IS_POPOVER_MENU (popover));
    gtk_menu_button_popdown (menu_button);
    gtk_menu_button_popup (menu_button);
    g_assert_true (gtk_menu_button_get_popover (menu_button) == popover);
    gtk_menu_button_popdown (menu_button);
  }

  /* The shortcuts the HIG asks for, and the shortcuts window. */
  quit_accels = gtk_application_get_accels_for_action (gtk_app, "app.quit");
  close_accels = gtk_application_get_accels_for_action (gtk_app, "window.close");
  g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));
  g_assert_true (g_strv_contains ((const char * const *) close_accels, "<Control>w"));
  {
    g_auto(GStrv) help_accels = gtk_application_get_accels_for_action (gtk_app, "win.show-help-overlay");
    GtkShortcutsWindow *overlay;

    /* The shortcuts window is built when asked for, not at start-up; once. */
    g_assert_true (g_strv_contains ((const char * const *) help_accels, "<Control>question"));
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
    gtk_window_close (GTK_WINDOW (overlay));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
    gtk_window_close (GTK_WINDOW (overlay));
  }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  /* The distance unit is a choice in the main menu, kept in GSettings. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "distance-unit", g_variant_new_string ("mi"));
  {
    g_autofree char *unit = g_settings_get_string (patella_application_get_settings (app), "distance-unit");
    g_assert_cmpstr (unit, ==, "mi");
  }
  g_settings_reset (patella_application_get_settings (app), "distance-unit");

  /* The size set above came from GSettings, and a new size goes back. */
  settings = patella_application_get_settings (app);
  g_assert_nonnull (settings);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 700);
    g_assert_cmpint (height, ==, 500);
    gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  }

  /* Closing the window lets go of the database. */
  weak_store = G_OBJECT (store);
  g_object_add_weak_pointer (weak_store, (gpointer *) &weak_store);
  patella_test_close_window (GTK_WINDOW (window));
  g_assert_null (weak_store);
}

static void
test_window_shows (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The memory settings backend is shared within the process. */
  g_autoptr(GSettings) saved = g_settings_new (APP_ID);

  g_settings_set_int (saved, "window-width", 700);
  g_settings_set_int (saved, "window-height", 500);
  patella_test_run_app (fixture->path, shows, fixture);
}

static void
about (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  GtkWindow *about = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = toplevel;
    }
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Patella");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  /* Its icon is found from the build tree too, not only once installed. */
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                          APP_ID));
  gtk_window_destroy (about);
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_window_about (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, about, NULL);
}

static gboolean
has_error (gpointer data)
{
  return patella_window_has_error (data);
}

static void
refuses_corrupt (PatellaApplication *app,
                 PatellaWindow      *window,
                 gpointer            data)
{
  /* The check of every row runs in the background after the window shows. */
  patella_test_wait_for (has_error, window);
  g_assert_null (patella_window_get_store (window));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (window)));

  /* A reminder's Log Set writes nothing into the refused file either. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "log-set", g_variant_new_string ("quad-setting"));
  patella_test_close_window (GTK_WINDOW (window));
}

/* A damaged file: the window says so, offers Quit, and the file is untouched. */
static void
test_window_refuses_corrupt (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  patella_test_make_database (fixture->path, 400);
  patella_test_corrupt_table (fixture->path, "pain_log");
  before = patella_test_read_file (fixture->path);

  patella_test_run_app (fixture->path, refuses_corrupt, NULL);

  after = patella_test_read_file (fixture->path);
  patella_test_assert_bytes_equal (before, after);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    GStatBuf buf;

    /* Nor into a write-ahead log beside it. */
    g_assert_true (g_stat (wal, &buf) != 0 || buf.st_size == 0);
  }
}

static void
count_activation (GApplication *application,
                  guint        *count)
{
  (*count)++;
}

static void
process_exited (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs `patella ARGS` while the window runs; returns its exit status. */
static int
run_patella (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exited = FALSE;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PATELLA_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, process_exited, &exited);
  patella_test_wait_for (is_true, &exited);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static gboolean
activated (gpointer data)
{
  return *(guint *) data > 0;
}

static void
second_launch (PatellaApplication *app,
               PatellaWindow      *window,
               gpointer            data)
{
  const char *no_args[] = { NULL };
  guint activations = 0;
  gulong handler;

  handler = g_signal_connect (app, "activate", G_CALLBACK (count_activation), &activations);
  /* `patella` with no options: the same (default) record, so it hands over
   * to this instance, which presents its window, and exits. */
  g_assert_cmpint (run_patella (no_args), ==, 0);
  patella_test_wait_for (activated, &activations);
  g_signal_handler_disconnect (app, handler);

  g_assert_cmpuint (activations, ==, 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  patella_test_close_window (GTK_WINDOW (window));
}

/* Starting Patella again presents the window that is already open. */
static void
test_window_second_launch (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *default_path = patella_store_default_path ();

  /* main() pointed the user data folder into a temporary one. */
  g_assert_true (g_str_has_prefix (default_path, g_get_user_data_dir ()));
  g_assert_nonnull (strstr (default_path, "patella-test-"));
  patella_test_run_app_full (NULL, G_APPLICATION_DEFAULT_FLAGS, second_launch, fixture);
}

static gboolean
history_shows_days (gpointer data)
{
  return patella_history_page_get_n_days_built (data) > 0;
}

static void
outside_import (PatellaApplication *app,
                PatellaWindow      *window,
                gpointer            data)
{
  Fixture *fixture = data;
  g_autofree char *csv = g_build_filename (fixture->dir, "import.csv", NULL);
  g_autofree char *database = g_strconcat ("--database=", fixture->path, NULL);
  g_autofree char *import = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *today = patella_day_today ();
  g_autofree char *contents = g_strdup_printf (PATELLA_CSV_HEADER "\r\n"
                                               "%s,07:00,pain,,,,,,,3,morning,from the terminal\r\n", today);
  const char *args[] = { database, import, NULL };
  AdwBin *history_bin;
  PatellaHistoryPage *history;
  PatellaStore *store = patella_window_get_store (window);
  gint64 n = -1;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  history_bin = ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "history_bin"));
  history = PATELLA_HISTORY_PAGE (adw_bin_get_child (history_bin));
  g_assert_cmpuint (patella_history_page_get_n_days_built (history), ==, 0);

  /* The command line imports while the window holds the file open. */
  patella_test_write_file (csv, contents, -1);
  g_assert_cmpint (run_patella (args), ==, 0);

  /* The window notices without being told, and shows the new day. */
  patella_test_wait_for (history_shows_days, history);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_PAIN_LOG, &n, NULL));
  g_assert_cmpint (n, ==, 1);

  /* The window's own writes still work beside it. */
  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 2, PATELLA_PAIN_AFTER, NULL, NULL), >, 0);
  patella_test_close_window (GTK_WINDOW (window));
}

/* An import from the command line while the window is open: both work,
 * and the window shows the imported entries. */
static void
test_window_outside_import (Fixture       *fixture,
                            gconstpointer  data)
{
  patella_test_run_app (fixture->path, outside_import, fixture);
}

static void
name_appeared (GDBusConnection *connection,
               const char      *name,
               const char      *owner,
               gpointer         data)
{
  *(gboolean *) data = TRUE;
}

/* How the desktop starts Patella by D-Bus (DBusActivatable): here for a
 * notification's Log Set while Patella is not running. It does what the
 * call asks, opens no window, and goes again by itself. */
static void
test_window_dbus_activation (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *default_path = patella_store_default_path ();
  const char *argv[] = { g_getenv ("PATELLA_BINARY"), "--gapplication-service", NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autofree char *today = patella_day_today ();
  gboolean appeared = FALSE, exited = FALSE;
  guint watch;
  gint64 sets = -1;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (bus, APP_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          name_appeared, NULL, &appeared, NULL);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, process_exited, &exited);
  patella_test_wait_for (is_true, &appeared);
  g_bus_unwatch_name (watch);

  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/patella/Patella",
                                       "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new_parsed ("('log-set', [<'quad-setting'>], @a{sv} {})"),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  /* Nothing holds it: it goes after its ten idle seconds, which on a busy
   * machine end well after ten seconds from here. */
  patella_test_wait_for_seconds (is_true, &exited, 40);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  store = patella_store_open (default_path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_EXERCISE_LOG, &sets, NULL));
  g_assert_cmpint (sets, ==, 1);
  {
    g_autoptr(GPtrArray) entries = patella_store_list_entries (store, today, PATELLA_ENTRY_ALL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->exercise_id, ==, "quad-setting");
  }
}

static gint64
count_pain (PatellaStore *store)
{
  gint64 n = -1;

  g_assert_true (patella_store_count (store, PATELLA_TABLE_PAIN_LOG, &n, NULL));
  return n;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The window needs no application: the session it is given holds the
 * record, says when the file is refused and keeps the one Undo queue. */
static void
test_window_session (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaSession) session = patella_session_new (fixture->path, NULL);
  g_autoptr(PatellaEntry) entry = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();
  PatellaWindow *window;
  PatellaStore *store;
  GtkStack *stack;
  GtkButton *quit;
  gpointer weak;
  gint64 id;

  g_assert_true (patella_session_open (session));
  store = patella_session_get_store (session);
  window = g_object_new (PATELLA_TYPE_WINDOW, "session", session, NULL);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (patella_window_get_store (window) == store);
  g_assert_false (patella_window_has_error (window));

  /* A pain score deleted elsewhere comes back through the window's Undo. */
  id = patella_store_log_pain (store, today, NULL, 3, PATELLA_PAIN_MORNING, NULL, &error);
  g_assert_no_error (error);
  target = g_variant_ref_sink (g_variant_new ("(ixs)", (int) PATELLA_ENTRY_PAIN, id, today));
  entry = patella_entry_row_lookup (store, target, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_remove_entry (store, entry, &error));
  g_assert_cmpuint (patella_session_offer_entry_undo (session, "Deleted", entry, NULL), ==, 0);
  g_assert_nonnull (patella_window_get_undo_toast (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 0));
  g_assert_cmpint (count_pain (store), ==, 1);
  /* Once only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 0));
  g_assert_cmpint (count_pain (store), ==, 1);

  /* Refused, the window explains, and nothing is handed out to write in.
   * Its page for that is made only then, never at an everyday start. */
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "main_stack"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "error"));
  patella_session_refuse (session, "The file is damaged & cannot be used.");
  g_assert_true (patella_window_has_error (window));
  g_assert_true (gtk_stack_get_visible_child (stack) == gtk_stack_get_child_by_name (stack, "error"));
  g_assert_nonnull (patella_test_find_label (gtk_stack_get_visible_child (stack), "The file is damaged & cannot be used."));
  quit = patella_test_find_button (gtk_stack_get_visible_child (stack), "_Quit");
  g_assert_nonnull (quit);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (quit)), ==, "app.quit");
  g_assert_null (patella_window_get_store (window));
  g_assert_null (patella_session_dup_store (session, &error));
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED);

  gtk_window_destroy (GTK_WINDOW (window));
  patella_test_wait_for (window_gone, &weak);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = patella_test_make_tmpdir ();
  int status;

  /* The default record of this test run lives in a folder of its own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)

  ADD ("shows", test_window_shows);
  ADD ("about", test_window_about);
  ADD ("refuses-corrupt", test_window_refuses_corrupt);
  ADD ("second-launch", test_window_second_launch);
  ADD ("outside-import", test_window_outside_import);
  ADD ("dbus-activation", test_window_dbus_activation);
  ADD ("session", test_window_session);
#undef ADD

  status = g_test_run ();
  patella_test_remove_tree (data_home);
  return status;
}
