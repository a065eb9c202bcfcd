/* test-welcome.c: the first start's welcome and "About This Routine", in the
 * real application, driven the way a click or a key would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "core/patella-exercise.h"
#include "core/patella-settings.h"
#include "patella-application.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-time-row.h"
#include "patella-window.h"

typedef PatellaTestFiles Fixture;

/* The windows shown on top of @parent. */
static guint
count_transients (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

typedef struct
{
  GtkWindow  *parent;
  const char *title;
} Toplevel;

static gboolean
is_toplevel (GtkWidget     *widget,
             gconstpointer  data)
{
  const Toplevel *toplevel = data;

  return gtk_widget_get_visible (widget) &&
         gtk_window_get_transient_for (GTK_WINDOW (widget)) == toplevel->parent &&
         g_strcmp0 (gtk_window_get_title (GTK_WINDOW (widget)), toplevel->title) == 0;
}

/* The visible toplevel titled @title that sits on top of @parent. */
static GtkWindow *
find_toplevel (GtkWindow  *parent,
               const char *title)
{
  Toplevel toplevel = { parent, title };

  return patella_test_find_window (is_toplevel, &toplevel);
}

static gboolean
toplevel_mapped (gpointer data)
{
  Toplevel *toplevel = data;
  GtkWindow *window = find_toplevel (toplevel->parent, toplevel->title);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWindow *
wait_for_toplevel (GtkWindow  *parent,
                   const char *title)
{
  Toplevel toplevel = { parent, title };

  patella_test_wait_for (toplevel_mapped, &toplevel);
  return find_toplevel (parent, title);
}

/* A label whose text holds @data. */
static gboolean
is_label_holding (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* A button whose tooltip is @data. */
static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* The spin buttons under @widget, in order (a time row's hour, then minute). */
static void
collect_spins (GtkWidget *widget,
               GPtrArray *spins)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    g_ptr_array_add (spins, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_spins (child, spins);
}

static GtkSpinButton *
time_row_spin (GtkWidget *row,
               guint      index)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  collect_spins (row, spins);
  g_assert_cmpuint (spins->len, ==, 2);
  return g_ptr_array_index (spins, index);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_gone (gpointer data)
{
  return *(GObject **) data == NULL;
}

static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
reminders_on (gpointer data)
{
  return g_settings_get_boolean (data, "reminders-enabled");
}

static gboolean
reminders_off (gpointer data)
{
  return !g_settings_get_boolean (data, "reminders-enabled");
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = patella_settings_new ();
  const char *keys[] = {
    "welcome-done", "distance-unit", "reminders-enabled",
    "quad-reminder-times", "routine-reminder-time",
  };

  g_assert_nonnull (settings);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
assert_times (GSettings  *settings,
              const char *first,
              const char *second,
              const char *third)
{
  g_auto(GStrv) times = g_settings_get_strv (settings, "quad-reminder-times");

  g_assert_cmpuint (g_strv_length (times), ==, 3);
  g_assert_cmpstr (times[0], ==, first);
  g_assert_cmpstr (times[1], ==, second);
  g_assert_cmpstr (times[2], ==, third);
}

static void
first_start (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  GSettings *settings = patella_application_get_settings (app);
  GtkWindow *welcome, *guide;
  GtkWidget *root;
  GtkButton *next, *back, *start;
  GtkWidget *row, *km, *mi;
  GtkSpinButton *hour, *minute;
  g_autofree char *unit = NULL;
  g_autofree char *routine_time = NULL;
  GObject *weak;
  const char *core[] = { "foam-roll", "quad-setting", "hamstring-stretch", "squat", "band-walks" };

  g_assert_false (g_settings_get_boolean (settings, "welcome-done"));

  /* On top of the main window, which stays the application's window. */
  welcome = wait_for_toplevel (GTK_WINDOW (window), "Welcome to Patella");
  root = GTK_WIDGET (welcome);
  g_assert_true (gtk_window_get_modal (welcome));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* What Patella is not, in words. */
  g_assert_nonnull (patella_test_find_label (root, "A log and a guide, not a diagnosis"));
  g_assert_nonnull (patella_test_find_widget (root, is_label_holding, "gives way"));

  /* The buttons: Next first, Start only on the last page. */
  next = patella_test_find_button (root, "_Next");
  start = patella_test_find_button (root, "_Start");
  back = GTK_BUTTON (patella_test_find_widget (root, is_button_with_tooltip, "Back"));
  g_assert_nonnull (next);
  g_assert_nonnull (start);
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (next)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (start)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (back)));
  g_assert_true (gtk_window_get_focus (welcome) == GTK_WIDGET (next));

  /* Screen readers hear what each control is. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL, "Start");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, "Back");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, "Next");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (patella_test_find_button (root, "About This _Routine")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "About This Routine");

  /* Page 2: the limits are on screen now. */
  click (next);
  patella_test_wait_for (is_mapped, patella_test_find_label (root, "A log and a guide, not a diagnosis"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (back)));
  /* The first page slides away and leaves the screen. */
  patella_test_wait_for (is_unmapped, patella_test_find_widget (root, is_label_holding, "A log of your knee pain"));

  /* Page 3: Next gives way to Start, and the keyboard focus follows. */
  click (next);
  patella_test_wait_for (is_mapped, start);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (next)));
  g_assert_true (gtk_window_get_focus (welcome) == GTK_WIDGET (start));

  /* Back and forth again. */
  click (back);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (next)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (start)));
  click (next);
  patella_test_wait_for (is_mapped, start);

  /* Miles: the row's click, as the runner would. */
  row = patella_test_find_row (root, ADW_TYPE_ACTION_ROW, "Miles");
  g_assert_nonnull (row);
  mi = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  km = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (patella_test_find_row (root, ADW_TYPE_ACTION_ROW, "Kilometres")));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (mi), GTK_ACCESSIBLE_PROPERTY_LABEL, "Miles");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (km), GTK_ACCESSIBLE_PROPERTY_LABEL, "Kilometres");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (km)));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  unit = g_settings_get_string (settings, "distance-unit");
  g_assert_cmpstr (unit, ==, "mi");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (mi)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (km)));

  /* A change made elsewhere (the main menu's Distances) shows here too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.distance-unit", "s", "km"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (km)));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_clear_pointer (&unit, g_free);
  unit = g_settings_get_string (settings, "distance-unit");
  g_assert_cmpstr (unit, ==, "mi");

  /* Reminders off greys out the times; on again. */
  row = patella_test_find_row (root, ADW_TYPE_ACTION_ROW, "Send reminders");
  g_assert_nonnull (row);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Send reminders");
  /* The switch slides over before it flips. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  patella_test_wait_for (reminders_off, settings);
  g_assert_false (gtk_widget_get_sensitive (patella_test_find_row (root, PATELLA_TYPE_TIME_ROW, "Quadriceps setting, second")));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  patella_test_wait_for (reminders_on, settings);

  /* The second quadriceps time, through its spin buttons. */
  row = patella_test_find_row (root, PATELLA_TYPE_TIME_ROW, "Quadriceps setting, second");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (row));
  hour = time_row_spin (row, 0);
  minute = time_row_spin (row, 1);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (hour), GTK_ACCESSIBLE_ROLE_SPIN_BUTTON);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (minute), GTK_ACCESSIBLE_ROLE_SPIN_BUTTON);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (hour), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (hour), GTK_ACCESSIBLE_PROPERTY_LABEL, "Hour");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (minute), GTK_ACCESSIBLE_PROPERTY_LABEL, "Minute");
  assert_times (settings, "09:00", "13:00", "19:00");
  gtk_spin_button_set_value (hour, 14);
  gtk_spin_button_set_value (minute, 30);
  assert_times (settings, "09:00", "14:30", "19:00");

  /* The daily routine's time is a key of its own. */
  row = patella_test_find_row (root, PATELLA_TYPE_TIME_ROW, "Daily routine");
  g_assert_nonnull (row);
  gtk_spin_button_set_value (time_row_spin (row, 0), 20);
  routine_time = g_settings_get_string (settings, "routine-reminder-time");
  g_assert_cmpstr (routine_time, ==, "20:00");
  assert_times (settings, "09:00", "14:30", "19:00");

  /* About This Routine: the guide, on top of the welcome and modal too (a
   * modal window takes all input), with each of the built-in routine's
   * exercises by name. */
  click (patella_test_find_button (root, "About This _Routine"));
  guide = wait_for_toplevel (welcome, "About This Routine");
  g_assert_true (gtk_window_get_modal (guide));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (guide), "Why the knee hurts"));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (guide), "See a clinician when…"));
  for (guint i = 0; i < G_N_ELEMENTS (core); i++)
    g_assert_nonnull (patella_test_find_label (GTK_WIDGET (guide), patella_exercise_find_builtin (core[i])->name));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (patella_test_find_label (GTK_WIDGET (guide), "Why the knee hurts")),
                                   GTK_ACCESSIBLE_ROLE_HEADING);

  /* Asking again brings the same guide forward. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about-routine", NULL));
  g_assert_true (find_toplevel (welcome, "About This Routine") == guide);
  g_assert_cmpuint (count_transients (GTK_WINDOW (window)), ==, 1);
  g_assert_cmpuint (count_transients (welcome), ==, 1);
  patella_test_close_window (guide);

  /* Reading the guide is not the end of the welcome; Start is. */
  g_assert_false (g_settings_get_boolean (settings, "welcome-done"));
  g_assert_true (gtk_widget_get_mapped (root));
  weak = G_OBJECT (welcome);
  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  click (start);
  g_assert_true (g_settings_get_boolean (settings, "welcome-done"));
  patella_test_wait_for (is_gone, &weak);
  g_assert_null (find_toplevel (GTK_WINDOW (window), "Welcome to Patella"));

  /* The choices stay made. */
  g_clear_pointer (&unit, g_free);
  unit = g_settings_get_string (settings, "distance-unit");
  g_assert_cmpstr (unit, ==, "mi");
  assert_times (settings, "09:00", "14:30", "19:00");

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_first_start (Fixture       *fixture,
                  gconstpointer  data)
{
  reset_settings ();
  g_setenv ("PATELLA_TEST_WELCOME", "1", TRUE);
  patella_test_run_app (fixture->path, first_start, NULL);
  g_unsetenv ("PATELLA_TEST_WELCOME");
}

/* Closed without Start (Esc, the close button and Ctrl+W all run
 * window.close): seen is seen, and the choices are in Preferences. */
static void
closed_early (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  GSettings *settings = patella_application_get_settings (app);
  GtkWindow *welcome = wait_for_toplevel (GTK_WINDOW (window), "Welcome to Patella");

  g_assert_false (g_settings_get_boolean (settings, "welcome-done"));
  patella_test_close_window (welcome);
  g_assert_true (g_settings_get_boolean (settings, "welcome-done"));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_closed_early (Fixture       *fixture,
                   gconstpointer  data)
{
  reset_settings ();
  g_setenv ("PATELLA_TEST_WELCOME", "1", TRUE);
  patella_test_run_app (fixture->path, closed_early, NULL);
  g_unsetenv ("PATELLA_TEST_WELCOME");
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Once done, never again: a few frames go by and nothing opens. */
static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static void
later_start (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  gboolean expired = FALSE;
  GtkWindow *guide;

  g_assert_true (g_settings_get_boolean (patella_application_get_settings (app), "welcome-done"));

  g_timeout_add (500, timed_out, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (find_toplevel (GTK_WINDOW (window), "Welcome to Patella"));
  g_assert_cmpuint (count_transients (GTK_WINDOW (window)), ==, 0);

  /* From the main menu the guide sits beside the window, not blocking it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about-routine", NULL));
  guide = wait_for_toplevel (GTK_WINDOW (window), "About This Routine");
  g_assert_false (gtk_window_get_modal (guide));
  g_assert_true (gtk_window_get_resizable (guide));
  /* Today's understanding first; the IT band and VMO story as the older
   * model; one honest sentence on taping, insoles and braces. */
  g_assert_nonnull (patella_test_find_widget (GTK_WIDGET (guide), label_contains,
                                              "Strong hip and trunk muscles control that turn."));
  g_assert_nonnull (patella_test_find_widget (GTK_WIDGET (guide), label_contains,
                                              "it is the older model, not settled fact."));
  g_assert_nonnull (patella_test_find_widget (GTK_WIDGET (guide), label_contains,
                                              "Taping, insoles and knee braces may help some people in the short term"));
  g_assert_nonnull (patella_test_find_widget (GTK_WIDGET (guide), label_contains,
                                              "3 × 30 s hold on each leg"));
  g_assert_null (patella_test_find_widget (GTK_WIDGET (guide), label_contains,
                                           "Tightness on the outside of the thigh pulls the kneecap outward."));
  patella_test_close_window (guide);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_later_start (Fixture       *fixture,
                  gconstpointer  data)
{
  reset_settings ();
  g_unsetenv ("PATELLA_TEST_WELCOME");
  patella_test_run_app (fixture->path, later_start, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A page transition still running when the welcome closes is never
   * freed (LeakSanitizer, libadwaita 1.2); with animations off every
   * object the welcome makes is freed, which the sanitizer run checks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/welcome/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("first-start", test_first_start);
  ADD ("closed-early", test_closed_early);
  ADD ("later-start", test_later_start);
#undef ADD

  return g_test_run ();
}
