/* test-preferences.c: the Preferences window, under Xvfb, through its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "core/patella-settings.h"
#include "patella-application.h"
#include "patella-preferences-window.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-time-row.h"
#include "patella-window.h"

typedef PatellaTestFiles Fixture;

static GtkWindow *
find_preferences (void)
{
  return patella_test_find_toplevel (PATELLA_TYPE_PREFERENCES_WINDOW, NULL);
}

static gboolean
preferences_shown (gpointer data)
{
  GtkWindow *window = find_preferences ();

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
preferences_gone (gpointer data)
{
  return find_preferences () == NULL;
}

static void
preferences (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  GSettings *settings = patella_application_get_settings (app);
  GtkWindow *prefs;
  GtkWidget *spin, *row, *unit_row;
  g_auto(GStrv) times = NULL;
  g_autofree char *routine_time = NULL;

  g_assert_nonnull (settings);

  /* Ctrl+, is app.preferences. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  patella_test_wait_for (preferences_shown, NULL);
  prefs = find_preferences ();
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (prefs));

  /* A second request presents the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (find_preferences () == prefs);

  /* About This Routine opens the guide, on top of this window. */
  {
    GtkWidget *about = patella_test_find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "About This Routine");
    GtkWindow *guide;

    g_assert_nonnull (about);
    g_assert_true (gtk_widget_activate_action (about, gtk_actionable_get_action_name (GTK_ACTIONABLE (about)), NULL));
    guide = patella_test_wait_for_titled ("About This Routine");
    g_assert_true (gtk_window_get_transient_for (guide) == prefs);
    patella_test_close_window (guide);
  }

  /* Units: the combo row and the key follow each other. */
  unit_row = patella_test_find_row (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_ROW, "Distance");
  g_assert_true (ADW_IS_COMBO_ROW (unit_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (unit_row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (unit_row), 1);
  {
    g_autofree char *unit = g_settings_get_string (settings, "distance-unit");

    g_assert_cmpstr (unit, ==, "mi");
  }
  g_settings_set_string (settings, "distance-unit", "km");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (unit_row)), ==, 0);

  /* Every warning threshold is there, bound, within the schema's range,
   * and labelled for screen readers with its row's title. */
  spin = patella_test_find_of_type (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, "run-spike-percent");
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 10);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_ROLE_SPIN_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Longer Run, in Percent");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  g_assert_cmpint (g_settings_get_int (settings, "run-spike-percent"), ==, 20);
  {
    double lower, upper;

    gtk_spin_button_get_range (GTK_SPIN_BUTTON (spin), &lower, &upper);
    g_assert_cmpfloat (lower, ==, 1);
    g_assert_cmpfloat (upper, ==, 200);
  }
  {
    const char *keys[] = { "pain-high-threshold", "pain-severe-threshold", "run-spike-percent",
                           "weekly-spike-percent", "acwr-threshold", "monotony-threshold",
                           "morning-rise-threshold", "pain-trend-threshold" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        GtkWidget *found = patella_test_find_of_type (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, keys[i]);

        g_assert_nonnull (found);
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (found), GTK_ACCESSIBLE_PROPERTY_LABEL));
      }
  }
  spin = patella_test_find_of_type (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, "acwr-threshold");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1.3);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "acwr-threshold"), 1.3, 1e-9);

  /* Restore Defaults puts them back, and Undo brings the runner's back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.restore-defaults", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "run-spike-percent"), ==, 10);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "acwr-threshold"), 1.5, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.undo-restore", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "run-spike-percent"), ==, 20);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "acwr-threshold"), 1.3, 1e-9);

  /* Nothing is held back afterwards: a later change reaches every other
   * reader of the settings, and so the disk. */
  g_assert_false (g_settings_get_has_unapplied (settings));
  g_settings_set_int (settings, "weekly-spike-percent", 40);
  {
    g_autoptr(GSettings) other = patella_settings_new ();

    g_assert_cmpint (g_settings_get_int (other, "weekly-spike-percent"), ==, 40);
    g_assert_cmpint (g_settings_get_int (other, "run-spike-percent"), ==, 20);
  }

  /* Reminder times: the second quadriceps time and the routine's. */
  row = patella_test_find_row (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_ROW, "Quadriceps Setting, Time 2");
  g_assert_true (PATELLA_IS_TIME_ROW (row));
  g_assert_cmpstr (patella_time_row_get_time (PATELLA_TIME_ROW (row)), ==, "13:00");
  patella_time_row_set_time (PATELLA_TIME_ROW (row), "14:30");
  times = g_settings_get_strv (settings, "quad-reminder-times");
  g_assert_cmpstr (times[0], ==, "09:00");
  g_assert_cmpstr (times[1], ==, "14:30");
  g_assert_cmpstr (times[2], ==, "19:00");
  {
    GtkWidget *button = patella_test_find_of_type (row, GTK_TYPE_MENU_BUTTON, NULL);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Quadriceps Setting, Time 2, at 14:30");
  }
  g_settings_set_string (settings, "routine-reminder-time", "07:05");
  row = patella_test_find_row (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_ROW, "Daily Routine");
  g_assert_cmpstr (patella_time_row_get_time (PATELLA_TIME_ROW (row)), ==, "07:05");

  /* Reminders off: their times cannot be changed meanwhile. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_assert_false (gtk_widget_get_sensitive (row));
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_widget_get_sensitive (row));

  /* The background switch is labelled and bound. */
  row = patella_test_find_row (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_ROW, "Start in the Background at Login");
  {
    GtkWidget *toggle = patella_test_find_of_type (row, GTK_TYPE_SWITCH, NULL);

    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_ROLE_SWITCH);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Start in the Background at Login");
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
    gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
    g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
    gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  }

  /* Edit Routine goes to the main window's editor and closes Preferences. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.edit-routine", NULL));
  patella_test_wait_for (preferences_gone, NULL);
  g_assert_cmpstr (patella_window_get_page (window), ==, "today");

  /* The editor is a window of its own; close what is open. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i - 1);

        if (other != GTK_WINDOW (window) && gtk_window_get_transient_for (other) == GTK_WINDOW (window))
          gtk_window_destroy (other);
      }
  }
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  patella_test_run_app (fixture->path, preferences, fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/rows", Fixture, NULL, patella_test_files_set_up, test_preferences,
              patella_test_files_tear_down);

  return g_test_run ();
}
