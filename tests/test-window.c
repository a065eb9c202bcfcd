/* test-window.c: the real window, under Xvfb, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "patella-application.h"
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
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
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
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)

  ADD ("shows", test_window_shows);
  ADD ("about", test_window_about);
  ADD ("refuses-corrupt", test_window_refuses_corrupt);
#undef ADD

  return g_test_run ();
}
