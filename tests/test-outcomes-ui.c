/* test-outcomes-ui.c: the check-in, through the real window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-day.h"
#include "core/patella-store-outcomes.h"
#include "patella-application.h"
#include "patella-checkin-card.h"
#include "patella-checkin-dialog.h"
#include "patella-outcomes-view.h"
#include "patella-progress-page.h"
#include "patella-test-app.h"
#include "patella-visit-dialog.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

static gboolean
outcomes_drawn (gpointer data)
{
  return patella_outcomes_view_get_n_rows (PATELLA_OUTCOMES_VIEW (data)) == PATELLA_N_OUTCOME_ITEMS;
}

static gboolean
strips_drawn (gpointer data)
{
  return patella_outcomes_view_get_n_tests (PATELLA_OUTCOMES_VIEW (data)) == 2;
}

static gboolean
dialog_gone (gpointer data)
{
  return patella_test_find_toplevel (PATELLA_TYPE_CHECKIN_DIALOG, NULL) == NULL;
}

/* The first check-in is asked for at once on Today; Later puts it off two
 * days; the main menu's Check-In saves one; then the card waits 14 days. */
static void
check_in (PatellaApplication *app,
          PatellaWindow      *window,
          gpointer            data)
{
  GSettings *settings = patella_application_get_settings (app);
  GtkWidget *card = patella_test_find_of_type (GTK_WIDGET (window), PATELLA_TYPE_CHECKIN_CARD, NULL);
  PatellaStore *store = patella_window_get_store (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *in_two_days = patella_day_add (today, 2);
  g_autofree char *snoozed = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCheckinDialog *dialog;
  PatellaCheckinAnswers *saved;
  int width;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_nonnull (patella_test_find_label (card, "Time for a first check-in: a few ratings of your knee over "
                                                   "the last week. It is the baseline that later check-ins, every "
                                                   "two weeks, are measured against."));

  g_assert_true (gtk_widget_activate_action (card, "checkin-card.later", NULL));
  snoozed = g_settings_get_string (settings, "checkin-snoozed-until");
  g_assert_cmpstr (snoozed, ==, in_two_days);
  g_assert_false (gtk_widget_get_visible (card));
  g_settings_reset (settings, "checkin-snoozed-until");
  g_assert_true (gtk_widget_get_visible (card));

  /* From the main menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL));
  dialog = PATELLA_CHECKIN_DIALOG (patella_test_find_toplevel (PATELLA_TYPE_CHECKIN_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  /* The wheel scrolls the form, never a spin button on the way. */
  {
    GtkWidget *spin = patella_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (spin);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        g_assert_false (GTK_IS_EVENT_CONTROLLER_SCROLL (controller));
      }
  }
  /* Usable at 360 px: nothing in it needs more. */
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);

  patella_checkin_dialog_set_value (dialog, PATELLA_OUTCOME_USUAL_PAIN, 4);
  patella_checkin_dialog_set_value (dialog, PATELLA_OUTCOME_WORST_PAIN, 6);
  patella_checkin_dialog_set_value (dialog, PATELLA_OUTCOME_RUNNING, PATELLA_OUTCOME_NOT_DONE);
  patella_checkin_dialog_set_value (dialog, PATELLA_OUTCOME_STAIRS_DOWN, 5);
  patella_checkin_dialog_set_value (dialog, PATELLA_OUTCOME_GLOBAL_CHANGE, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL));
  patella_test_wait_for (dialog_gone, NULL);

  checkins = patella_store_list_checkins (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  saved = g_ptr_array_index (checkins, 0);
  g_assert_cmpstr (saved->day, ==, today);
  g_assert_cmpint (saved->values[PATELLA_OUTCOME_USUAL_PAIN], ==, 4);
  g_assert_cmpint (saved->values[PATELLA_OUTCOME_WORST_PAIN], ==, 6);
  g_assert_cmpint (saved->values[PATELLA_OUTCOME_RUNNING], ==, PATELLA_OUTCOME_NOT_DONE);
  g_assert_cmpint (saved->values[PATELLA_OUTCOME_STAIRS_DOWN], ==, 5);
  g_assert_cmpint (saved->values[PATELLA_OUTCOME_WALKING], ==, 0);
  g_assert_cmpint (saved->values[PATELLA_OUTCOME_GLOBAL_CHANGE], ==, 6);
  /* Done for 14 days. */
  g_assert_false (gtk_widget_get_visible (card));

  /* Progress draws it: a row per item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  {
    PatellaProgressPage *progress = patella_window_get_progress_page (window);
    GtkWidget *outcomes = patella_progress_page_get_outcomes (progress);

    patella_test_wait_for (outcomes_drawn, outcomes);
    g_assert_nonnull (patella_test_find_label (outcomes, "4 (first 4)"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "today"));

  /* Opened again the same day, it shows that day's answers to change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL));
  dialog = PATELLA_CHECKIN_DIALOG (patella_test_find_toplevel (PATELLA_TYPE_CHECKIN_DIALOG, GTK_WINDOW (window)));
  {
    PatellaCheckinAnswers shown;

    patella_checkin_dialog_get_answers (dialog, &shown);
    g_assert_cmpint (shown.values[PATELLA_OUTCOME_WORST_PAIN], ==, 6);
    g_assert_cmpint (shown.values[PATELLA_OUTCOME_RUNNING], ==, PATELLA_OUTCOME_NOT_DONE);
  }
  patella_test_close_window (GTK_WINDOW (dialog));
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_check_in (Fixture       *fixture,
               gconstpointer  data)
{
  patella_test_run_app (fixture->path, check_in, NULL);
}

static void
set_row (GtkWidget  *root,
         const char *title,
         const char *text)
{
  GtkWidget *row = patella_test_find_row (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The next visit, a question and a goal, from the main menu's dialog; Today
 * reminds of the visit two days before it. */
static void
clinic_visit (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  PatellaStore *store = patella_window_get_store (window);
  GtkWidget *card = patella_test_find_of_type (GTK_WIDGET (window), PATELLA_TYPE_VISIT_CARD, NULL);
  g_autofree char *today = patella_day_today ();
  g_autofree char *in_three = patella_day_add (today, 3);
  g_autofree char *in_two = patella_day_add (today, 2);
  g_autofree char *in_thirty = patella_day_add (today, 30);
  g_autoptr(PatellaVisit) next = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (card);
  g_assert_false (gtk_widget_get_visible (card));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clinic-visit", NULL));
  dialog = patella_test_find_toplevel (PATELLA_TYPE_VISIT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);

  /* Three days ahead: no reminder yet; two days ahead: the card. */
  set_row (GTK_WIDGET (dialog), "Day (YYYY-MM-DD)", in_three);
  set_row (GTK_WIDGET (dialog), "Clinician (optional)", "Dr. Weber");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "visit.save-visit", NULL));
  g_assert_false (gtk_widget_get_visible (card));
  g_assert_true (patella_store_remove_visit (store, in_three, &error));
  set_row (GTK_WIDGET (dialog), "Day (YYYY-MM-DD)", in_two);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "visit.save-visit", NULL));
  g_assert_true (patella_store_get_visits_around (store, today, NULL, &next, &error));
  g_assert_cmpstr (next->day, ==, in_two);
  g_assert_cmpstr (next->name, ==, "Dr. Weber");
  g_assert_true (gtk_widget_get_visible (card));

  /* A day that is not one changes nothing. */
  set_row (GTK_WIDGET (dialog), "Day (YYYY-MM-DD)", "2026-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "visit.save-visit", NULL));

  set_row (GTK_WIDGET (dialog), "New question", "When can I run hills?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "visit.add-question", NULL));
  questions = patella_store_list_questions (store, NULL, &error);
  g_assert_cmpuint (questions->len, ==, 1);
  g_assert_nonnull (patella_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "When can I run hills?"));

  /* A run goal: 10 km with pain at most 2 in 30 days. */
  set_row (GTK_WIDGET (dialog), "Distance (km)", "10");
  set_row (GTK_WIDGET (dialog), "Pain at most (0-10)", "2");
  set_row (GTK_WIDGET (dialog), "Target day (YYYY-MM-DD)", in_thirty);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "visit.add-goal", NULL));
  goals = patella_store_list_goals (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_nonnull (patella_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                           "Run 10 km with pain at most 2"));

  patella_test_close_window (dialog);
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_clinic_visit (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, clinic_visit, NULL);
}

static gboolean
hip_on (PatellaStore *store)
{
  g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, NULL);

  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (g_str_equal (exercise->id, PATELLA_HIP_EXERCISE_ID))
        return exercise->enabled;
    }
  g_assert_not_reached ();
}

/* The self-test is off by default; switched on, Today asks for it weekly,
 * and when the knee dropped inward on 2 of a leg's last 3 tests it
 * suggests the hip exercise, which Accept switches on. */
static void
self_test (PatellaApplication *app,
           PatellaWindow      *window,
           gpointer            data)
{
  GSettings *settings = patella_application_get_settings (app);
  GtkWidget *card = patella_test_find_of_type (GTK_WIDGET (window), PATELLA_TYPE_SELF_TEST_CARD, NULL);
  PatellaStore *store = patella_window_get_store (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *week_ago = patella_day_add (today, -7);
  PatellaSelfTest earlier = { week_ago, PATELLA_LEG_LEFT, PATELLA_SQUAT_DROPS_IN, 2 };
  g_autoptr(GPtrArray) tests = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (card);
  g_assert_false (gtk_widget_get_visible (card));
  g_settings_set_boolean (settings, "self-test-enabled", TRUE);
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_false (patella_self_test_card_get_suggesting (PATELLA_SELF_TEST_CARD (card)));

  patella_self_test_card_set_leg (PATELLA_SELF_TEST_CARD (card), PATELLA_LEG_LEFT, PATELLA_SQUAT_DROPS_IN, 3);
  patella_self_test_card_set_leg (PATELLA_SELF_TEST_CARD (card), PATELLA_LEG_RIGHT, PATELLA_SQUAT_CENTRED, 0);
  g_assert_true (gtk_widget_activate_action (card, "self-test.save", NULL));
  tests = patella_store_list_self_tests (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tests->len, ==, 2);
  g_assert_cmpint (((PatellaSelfTest *) g_ptr_array_index (tests, 0))->result, ==, PATELLA_SQUAT_DROPS_IN);
  g_assert_cmpint (((PatellaSelfTest *) g_ptr_array_index (tests, 0))->pain, ==, 3);
  /* Done for the week, and one drop is not enough to suggest anything. */
  g_assert_false (gtk_widget_get_visible (card));

  /* Progress has a strip per leg. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (strips_drawn, patella_progress_page_get_outcomes (patella_window_get_progress_page (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "today"));

  g_assert_true (patella_store_save_self_test (store, &earlier, &error));
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_true (patella_self_test_card_get_suggesting (PATELLA_SELF_TEST_CARD (card)));
  g_assert_false (hip_on (store));
  g_assert_true (gtk_widget_activate_action (card, "self-test.accept", NULL));
  g_assert_true (hip_on (store));
  g_assert_false (gtk_widget_get_visible (card));

  g_settings_reset (settings, "self-test-enabled");
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_self_test (Fixture       *fixture,
                gconstpointer  data)
{
  patella_test_run_app (fixture->path, self_test, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/outcomes-ui/check-in", Fixture, NULL, patella_test_files_set_up, test_check_in,
              patella_test_files_tear_down);
  g_test_add ("/outcomes-ui/self-test", Fixture, NULL, patella_test_files_set_up, test_self_test,
              patella_test_files_tear_down);
  g_test_add ("/outcomes-ui/clinic-visit", Fixture, NULL, patella_test_files_set_up, test_clinic_visit,
              patella_test_files_tear_down);

  return g_test_run ();
}
