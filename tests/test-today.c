/* test-today.c: the Today page in the real window, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "core/patella-day.h"
#include "patella-calendar.h"
#include "patella-day-log-private.h"
#include "patella-entry-dialog.h"
#include "patella-exercise-row.h"
#include "patella-routine-editor.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-timer-window.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

static gint64
count_table (PatellaTodayPage *page,
             PatellaTable      table)
{
  PatellaStore *store = patella_day_plan_get_store (patella_today_page_get_plan (page));
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (patella_store_count (store, table, &n, &error));
  g_assert_no_error (error);
  return n;
}

static gint64
count_sets (PatellaTodayPage *page)
{
  return count_table (page, PATELLA_TABLE_EXERCISE_LOG);
}

static void
log_and_undo (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  PatellaRoutineItem *quad = patella_day_plan_find (plan, "quad-setting");
  AdwToast *toast;

  g_assert_nonnull (patella_test_find_exercise_row (GTK_WIDGET (page), "quad-setting"));
  g_assert_true (patella_day_plan_get_is_today (plan));
  g_assert_cmpint (count_sets (page), ==, 0);

  /* One click's worth: the action the row's button carries. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "quad-setting"));
  g_assert_cmpint (count_sets (page), ==, 1);
  g_assert_cmpint (patella_routine_item_get_done_sets (quad), ==, 1);

  /* The toast offers Undo, and its action takes the set back out. */
  toast = patella_window_get_undo_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  /* The window's one Undo, as for entries and warnings put away. */
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  g_assert_cmpint (count_sets (page), ==, 0);
  g_assert_cmpint (patella_routine_item_get_done_sets (quad), ==, 0);

  /* More than the target is fine, and the exercise then reads as done. */
  for (int i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "band-walks"));
  g_assert_cmpint (count_sets (page), ==, 4);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (patella_test_find_exercise_row (GTK_WIDGET (page), "band-walks")),
                                           "complete"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (patella_test_find_exercise_row (GTK_WIDGET (page), "squat")),
                                            "complete"));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_log_and_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, log_and_undo, NULL);
}

static void
days (PatellaApplication *app,
      PatellaWindow      *window,
      gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  g_autofree char *today = patella_day_today ();
  g_autofree char *yesterday = patella_day_add (today, -1);
  g_autofree char *tomorrow = patella_day_add (today, 1);

  /* Back a day, log late, and forward again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_cmpstr (patella_day_plan_get_day (plan), ==, yesterday);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "squat"));
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "squat")), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  g_assert_cmpstr (patella_day_plan_get_day (plan), ==, today);
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "squat")), ==, 0);

  /* The future is out of reach, by button or by calendar. */
  gtk_widget_activate_action (GTK_WIDGET (page), "today.next-day", NULL);
  g_assert_cmpstr (patella_day_plan_get_day (plan), ==, today);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-to-day", "s", tomorrow));
  g_assert_cmpstr (patella_day_plan_get_day (plan), ==, today);

  /* A sick day with a note, then cleared. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.set-rest-day", "(ss)", "sick", "flu <b>&</b>"));
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, PATELLA_REST_DAY_SICK);
  g_assert_cmpstr (patella_day_plan_get_rest_note (plan), ==, "flu <b>&</b>");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.clear-rest-day", NULL));
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, -1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_days (Fixture       *fixture,
           gconstpointer  data)
{
  patella_test_run_app (fixture->path, days, NULL);
}

static gboolean
timer_gone (gpointer data)
{
  return patella_today_page_get_timer (data) == NULL;
}

/* The timer skipped through logs nothing; with its holds run, the set is logged. */
static void
timer (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  PatellaTimerWindow *timer_window;
  PatellaTimerState state;
  int phases = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.start-timer", "s", "hamstring-stretch"));
  timer_window = PATELLA_TIMER_WINDOW (patella_today_page_get_timer (page));
  g_assert_nonnull (timer_window);
  g_assert_false (patella_timer_window_get_running (timer_window));

  /* Start and pause, as Space does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timer_window), "timer.toggle", NULL));
  g_assert_true (patella_timer_window_get_running (timer_window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timer_window), "timer.toggle", NULL));
  g_assert_false (patella_timer_window_get_running (timer_window));

  patella_timer_window_get_state (timer_window, &state);
  g_assert_cmpint (state.phase, ==, PATELLA_TIMER_GET_READY);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer_window), "3 holds of 30 s on each leg, left first"));

  /* Get ready, then 3 holds on each leg, left and right in turn: 6 holds
   * with 5 changes of leg between them. */
  while (state.phase != PATELLA_TIMER_DONE)
    {
      g_assert_cmpint (count_sets (page), ==, 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timer_window), "timer.skip", NULL));
      patella_timer_window_get_state (timer_window, &state);
      phases++;
      /* Each hold names its leg. */
      if (state.phase == PATELLA_TIMER_HOLD)
        {
          g_autofree char *hold = g_strdup_printf ("%s leg, hold %d of 6", state.rep % 2 ? "Left" : "Right", state.rep);

          g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer_window), hold));
        }
    }
  g_assert_cmpint (phases, ==, 12);

  /* Skipped through, holds and all: nothing is logged, and it says so. */
  g_assert_cmpint (count_sets (page), ==, 0);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer_window),
                                             "A hold was skipped, so this set was not logged."));
  patella_test_close_window (GTK_WINDOW (timer_window));

  /* The holds run their time (Relax and Get Ready may be skipped): the set is logged. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.start-timer", "s", "hamstring-stretch"));
  timer_window = PATELLA_TIMER_WINDOW (patella_today_page_get_timer (page));
  patella_timer_window_get_state (timer_window, &state);
  while (state.phase != PATELLA_TIMER_DONE)
    {
      g_assert_cmpint (count_sets (page), ==, 0);
      if (state.phase == PATELLA_TIMER_HOLD)
        patella_timer_window_run_for (timer_window, state.remaining);
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timer_window), "timer.skip", NULL));
      patella_timer_window_get_state (timer_window, &state);
    }
  g_assert_cmpint (count_sets (page), ==, 1);
  g_assert_true (patella_routine_item_get_complete (patella_day_plan_find (plan, "hamstring-stretch")));
  g_assert_nonnull (patella_window_get_undo_toast (window));
  patella_test_wait_for (timer_gone, page);

  /* Closing a timer before the end logs nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.start-timer", "s", "quad-setting"));
  timer_window = PATELLA_TIMER_WINDOW (patella_today_page_get_timer (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timer_window), "timer.skip", NULL));
  patella_test_close_window (GTK_WINDOW (timer_window));
  g_assert_cmpint (count_sets (page), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  patella_test_run_app (fixture->path, timer, NULL);
}

static char *
first_id (PatellaDayPlan *plan)
{
  g_autoptr(PatellaRoutineItem) item = g_list_model_get_item (G_LIST_MODEL (plan), 0);

  return g_strdup (patella_routine_item_get_id (item));
}

/* The routine editor's Reset button of @data, an exercise's id. */
static gboolean
is_reset_of (GtkWidget     *widget,
             gconstpointer  data)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "editor.reset") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), data);
}

static void
edit_routine (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  PatellaStore *store = patella_day_plan_get_store (plan);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *row;

  /* Ctrl+comma's action opens the editor from the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", NULL));
  editor = GTK_WIDGET (patella_test_find_toplevel (PATELLA_TYPE_ROUTINE_EDITOR, NULL));
  g_assert_nonnull (editor);

  /* Reorder: foam rolling down one place. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.move-down", "s", "foam-roll"));
  id = first_id (plan);
  g_assert_cmpstr (id, ==, "quad-setting");

  /* Switch band walks off with its row's switch. */
  row = patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Band walks");
  g_assert_nonnull (row);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
  g_assert_null (patella_day_plan_find (plan, "band-walks"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 4);

  /* Add one of the runner's own through the form. */
  gtk_editable_set_text (GTK_EDITABLE (patella_test_find_row (editor, ADW_TYPE_ENTRY_ROW, "Name")), "Step-ups");
  gtk_editable_set_text (GTK_EDITABLE (patella_test_find_row (editor, ADW_TYPE_ENTRY_ROW, "Dose, in your words")),
                         "3 × 10 on a low step");
  g_assert_true (gtk_widget_activate_action (editor, "editor.add", NULL));
  g_assert_nonnull (patella_day_plan_find (plan, "step-ups"));
  g_assert_cmpstr (patella_routine_item_get_dose (patella_day_plan_find (plan, "step-ups")), ==,
                   "3 × 10 on a low step");

  /* An empty name is refused and adds nothing. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 5);

  /* Remove it, then Undo. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.remove", "s", "step-ups"));
  g_assert_null (patella_day_plan_find (plan, "step-ups"));
  g_assert_true (gtk_widget_activate_action (editor, "editor.restore", "s", "step-ups"));
  g_assert_nonnull (patella_day_plan_find (plan, "step-ups"));

  /* Reset a built-in after changing its dose. */
  {
    g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, &error);
    for (guint i = 0; i < exercises->len; i++)
      {
        PatellaExercise *exercise = g_ptr_array_index (exercises, i);
        if (g_str_equal (exercise->id, "squat"))
          {
            exercise->target_sets = 5;
            g_assert_true (patella_store_update_exercise (store, exercise, &error));
          }
      }
  }
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan, "squat")), ==, 5);
  g_assert_cmpstr (patella_routine_item_get_dose (patella_day_plan_find (plan, "squat")), ==, "10 × 5 s, 5 sets a day");
  /* Each row's Reset is an icon named for its exercise, not ten "Reset"s. */
  {
    GtkWidget *reset = patella_test_find_widget (editor, is_reset_of, "squat");

    g_assert_nonnull (reset);
    g_assert_null (gtk_button_get_label (GTK_BUTTON (reset)));
    g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (reset)), ==, "edit-undo-symbolic");
    g_assert_true (gtk_widget_get_sensitive (reset));
  }
  g_assert_true (gtk_widget_activate_action (editor, "editor.reset", "s", "squat"));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan, "squat")), ==, 3);
  g_assert_cmpstr (patella_routine_item_get_dose (patella_day_plan_find (plan, "squat")), ==, "3 sets of 10, lowering over 5 s");

  /* A number typed but not entered is saved as the window closes. */
  row = patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Quadriceps setting");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  {
    GtkWidget *sets_row = patella_test_find_row (row, ADW_TYPE_ACTION_ROW, "Sets per day");
    GtkWidget *spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (sets_row));

    g_assert_true (gtk_widget_grab_focus (spin));
    gtk_editable_set_text (GTK_EDITABLE (spin), "4");
  }
  patella_test_close_window (GTK_WINDOW (editor));
  g_assert_cmpint (patella_routine_item_get_target_sets (patella_day_plan_find (plan, "quad-setting")), ==, 4);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_edit_routine (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, edit_routine, NULL);
}

/* A label on screen whose text holds @data. */
static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
shows_disk_full (gpointer data)
{
  return patella_test_find_widget (GTK_WIDGET (data), is_label_saying, "could not write to the disk") != NULL;
}

static void
disk_full (PatellaApplication *app,
           PatellaWindow      *window,
           gpointer            data)
{
  Fixture *fixture = data;
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  PatellaRoutineItem *quad = patella_day_plan_find (plan, "quad-setting");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf db_stat, wal_stat;
  int tries;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "quad-setting"));
  g_assert_cmpint (count_sets (page), ==, 1);

  /* No file may grow: a full disk. Sets are small, so log until one fails. */
  g_assert_cmpint (g_stat (fixture->path, &db_stat), ==, 0);
  g_assert_cmpint (g_stat (wal, &wal_stat), ==, 0);
  patella_test_limit_file_size ((guint64) MAX (db_stat.st_size, wal_stat.st_size));
  for (tries = 1; tries < 5000; tries++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "quad-setting"));
      if (count_sets (page) == tries)
        break;   /* this one was not saved */
    }
  patella_test_lift_file_size_limit ();
  g_test_message ("%d sets saved before the limit", tries - 1);

  /* The window says so in words, and the page agrees with the record. */
  g_assert_cmpint (tries, <, 5000);
  patella_test_wait_for (shows_disk_full, window);
  g_assert_cmpint (count_sets (page), ==, tries);
  g_assert_cmpint (patella_routine_item_get_done_sets (quad), ==, tries);

  /* With room again, logging works without a restart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "quad-setting"));
  g_assert_cmpint (count_sets (page), ==, tries + 1);
  g_assert_cmpint (patella_routine_item_get_done_sets (quad), ==, tries + 1);

  patella_test_close_window (GTK_WINDOW (window));
}

/* A full disk while the window is open. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  patella_test_run_app (fixture->path, disk_full, fixture);
}

/* The Today page's day log: pain and runs of the shown day. */
static gboolean
is_day_log (GtkWidget     *widget,
            gconstpointer  data)
{
  return PATELLA_IS_DAY_LOG (widget);
}

static gboolean
entry_dialog_open (gpointer data)
{
  return patella_test_find_toplevel (PATELLA_TYPE_ENTRY_DIALOG, NULL) != NULL;
}

static void
day_log (PatellaApplication *app,
         PatellaWindow      *window,
         gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaStore *store = patella_day_plan_get_store (patella_today_page_get_plan (page));
  PatellaDayLog *log = PATELLA_DAY_LOG (patella_test_find_widget (GTK_WIDGET (page), is_day_log, NULL));
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gint64 run_id;

  g_assert_nonnull (log);
  g_assert_cmpuint (patella_day_log_get_n_entries (log), ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (GTK_WIDGET (log))));

  /* A run and a pain score logged today are on the day, with their numbers. */
  run_id = patella_store_log_run (store, today, NULL, 69.6, 11.4, 6, -1, "tempo", &error);
  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 3, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (patella_day_log_get_n_entries (log), ==, 2);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (GTK_WIDGET (log))));
  g_assert_nonnull (patella_test_find_row (GTK_WIDGET (log), ADW_TYPE_ACTION_ROW, "Pain 3 out of 10, after activity"));

  /* Delete the run from its row, then Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (log), "day-log.delete", "(ixs)",
                                             (int) PATELLA_ENTRY_RUN, run_id, today));
  g_assert_cmpint (count_table (page, PATELLA_TABLE_RUNS), ==, 0);
  g_assert_cmpuint (patella_day_log_get_n_entries (log), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 0));
  g_assert_cmpint (count_table (page, PATELLA_TABLE_RUNS), ==, 1);
  g_assert_cmpuint (patella_day_log_get_n_entries (log), ==, 2);

  /* Edit opens the run's dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (log), "day-log.edit", "(ixs)",
                                             (int) PATELLA_ENTRY_RUN, run_id, today));
  patella_test_wait_for (entry_dialog_open, NULL);
  dialog = patella_test_find_toplevel (PATELLA_TYPE_ENTRY_DIALOG, NULL);
  patella_test_close_window (dialog);

  /* Another day has its own entries: none here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_cmpuint (patella_day_log_get_n_entries (log), ==, 0);

  /* The rest or sick note shows on the day too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.set-rest-day", "(ss)", "sick", "a cold"));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (page),
                                             "Sick day: it does not count against your streak or score.\na cold"));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_day_log (Fixture       *fixture,
              gconstpointer  data)
{
  patella_test_run_app (fixture->path, day_log, NULL);
}

/* Labels under @widget saying @text: the subtitle, and the dose in full. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

/* Whether the window shows its views in the bar at the bottom. */
static gboolean
views_in_bar (gpointer data)
{
  AdwViewSwitcherBar *bar = patella_window_get_switcher_bar (data);

  return bar != NULL && adw_view_switcher_bar_get_reveal (bar);
}

static gboolean
views_in_title (gpointer data)
{
  return !views_in_bar (data);
}

/* The row's status is an icon that does not look like, or act as, a check
 * box; its dose takes two lines at most and is whole when expanded, with
 * the how-to, which is only written into the row then. */
static void
exercise_row (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaExerciseRow *row = patella_test_find_exercise_row (GTK_WIDGET (page), "foam-roll");
  GtkImage *status = patella_exercise_row_get_status_icon (row);
  const char *dose = patella_routine_item_get_dose (patella_exercise_row_get_item (row));
  const char *cues;

  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (status)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (status)));
  g_assert_null (gtk_image_get_icon_name (status));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "foam-roll"));
  g_assert_true (patella_routine_item_get_complete (patella_exercise_row_get_item (row)));
  g_assert_cmpstr (gtk_image_get_icon_name (status), ==, "emblem-ok-symbolic");

  row = patella_test_find_exercise_row (GTK_WIDGET (page), "quad-setting");
  dose = patella_routine_item_get_dose (patella_exercise_row_get_item (row));
  cues = patella_routine_item_get_cues (patella_exercise_row_get_item (row));
  g_assert_cmpint (patella_exercise_row_get_subtitle_lines (row), ==, 2);
  g_assert_cmpuint (count_labels (GTK_WIDGET (row), dose), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (row), cues), ==, 0);
  patella_exercise_row_set_expanded (row, TRUE);
  g_assert_cmpuint (count_labels (GTK_WIDGET (row), dose), ==, 2);
  g_assert_cmpuint (count_labels (GTK_WIDGET (row), cues), ==, 1);
  patella_exercise_row_set_expanded (row, FALSE);
  g_assert_cmpuint (count_labels (GTK_WIDGET (row), dose), ==, 2);   /* kept, hidden */

  /* Enter or a click on the heading (the row's activation) opens and
   * closes it, and a screen reader hears which. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_true (patella_exercise_row_get_expanded (row));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "exercise"));
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_CHECKED);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_false (patella_exercise_row_get_expanded (row));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);

  /* Wide, the count has its column; at 360 px it leads the subtitle, so
   * that the name keeps the room German's long words need. */
  row = patella_test_find_exercise_row (GTK_WIDGET (page), "hamstring-stretch");
  dose = patella_routine_item_get_dose (patella_exercise_row_get_item (row));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  patella_test_settle ();
  g_assert_false (patella_exercise_row_get_narrow (row));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (patella_test_find_label (GTK_WIDGET (row), "0 of 1"))));
  /* A wide window has the views in its title, and no bar for them. */
  g_assert_null (patella_window_get_switcher_bar (window));
  g_assert_cmpuint (count_labels (GTK_WIDGET (row), dose), ==, 1);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  patella_test_settle ();
  g_assert_true (patella_exercise_row_get_narrow (row));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (patella_test_find_label (GTK_WIDGET (row), "0 of 1"))));
  /* At 360 px they move to a bar at the bottom, made now (after the
   * layout that found the window narrow). */
  patella_test_wait_for (views_in_bar, window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (patella_window_get_switcher_bar (window))));
  {
    g_autofree char *subtitle = g_strdup_printf ("0 of 1 · %s", dose);
    GtkLabel *title = patella_test_find_label (GTK_WIDGET (row), "Hamstring stretch");

    g_assert_cmpuint (count_labels (GTK_WIDGET (row), subtitle), ==, 1);
    g_assert_nonnull (title);
    GtkWidget *column = gtk_widget_get_parent (GTK_WIDGET (title));

    /* The column the name and subtitle share (the label itself is only
     * as wide as an English name); with the count beside it, 80 px. */
    g_test_message ("the name's column at 360 px: %d px", gtk_widget_get_width (column));
    g_assert_cmpint (gtk_widget_get_width (column), >=, 120);
  }

  /* Logging a set updates the count where it shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "hamstring-stretch"));
  patella_test_settle ();
  row = patella_test_find_exercise_row (GTK_WIDGET (page), "hamstring-stretch");
  {
    g_autofree char *subtitle = NULL;

    /* The day's rows are new ones, with items of their own. */
    dose = patella_routine_item_get_dose (patella_exercise_row_get_item (row));
    subtitle = g_strdup_printf ("1 of 1 · %s", dose);

    g_assert_cmpuint (count_labels (GTK_WIDGET (row), subtitle), ==, 1);
  }

  /* Wide again, the views are back in the title and the bar goes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  patella_test_settle ();
  patella_test_wait_for (views_in_title, window);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_exercise_row (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, exercise_row, NULL);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static double
x_of (GtkWidget *widget,
      GtkWidget *page)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, page, &bounds));
  return bounds.origin.x;
}

/* The arrows keep their place whatever the day's name; the calendar offers
 * no day after today; a problem's toast goes in time. */
static void
navigation (PatellaApplication *app,
            PatellaWindow      *window,
            gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  GtkWidget *previous = patella_test_find_widget (GTK_WIDGET (page), has_action, "today.previous-day");
  GtkWidget *next = patella_test_find_widget (GTK_WIDGET (page), has_action, "today.next-day");
  GtkMenuButton *day_button = GTK_MENU_BUTTON (patella_test_find_of_type (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, NULL));
  GtkCalendar *calendar;
  g_autofree char *today = patella_day_today ();
  g_autofree char *tomorrow = patella_day_add (today, 1);
  g_autofree char *long_ago = patella_day_add (today, -400);
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  double previous_x, next_x;
  guint n_future = 0, n_past = 0;
  AdwToast *toast;

  patella_test_settle ();
  previous_x = x_of (previous, GTK_WIDGET (page));
  next_x = x_of (next, GTK_WIDGET (page));
  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *day = patella_day_add (today, -i * 37);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-to-day", "s", day));
      patella_test_settle ();
      g_assert_cmpfloat (x_of (previous, GTK_WIDGET (page)), ==, previous_x);
      g_assert_cmpfloat (x_of (next, GTK_WIDGET (page)), ==, next_x);
      /* And the day's name is there whole, not "…". */
      {
        g_autofree char *name = patella_calendar_day_label (day, today);
        GtkLabel *label = patella_test_find_label (GTK_WIDGET (page), name);

        g_assert_nonnull (label);
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      }
    }

  /* The calendar is made when its popover first opens, on the page's day. */
  g_assert_null (patella_test_find_of_type (GTK_WIDGET (page), GTK_TYPE_CALENDAR, NULL));
  gtk_menu_button_popup (day_button);
  calendar = GTK_CALENDAR (patella_test_find_of_type (GTK_WIDGET (page), GTK_TYPE_CALENDAR, NULL));
  g_assert_nonnull (calendar);
  patella_test_wait_for (is_mapped, calendar);
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
    g_autofree char *shown_day = g_date_time_format (shown, "%Y-%m-%d");

    g_assert_cmpstr (shown_day, ==, patella_day_plan_get_day (patella_today_page_get_plan (page)));
  }
  gtk_menu_button_popdown (day_button);

  /* Today's month: the days after today, and the month after, are out of reach. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  for (GtkWidget *w = GTK_WIDGET (calendar); w != NULL; )
    {
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "day-number"))
        g_ptr_array_add (days, w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (calendar) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == GTK_WIDGET (calendar)) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (days->len, ==, 42);
  {
    int month = -1, today_number = atoi (today + 8);

    for (guint i = 0; i < days->len; i++)
      {
        GtkWidget *label = g_ptr_array_index (days, i);
        int number = atoi (gtk_label_get_text (GTK_LABEL (label)));

        if (number == 1 && month < 1)
          month++;
        if (month == 1 || (month == 0 && number > today_number))
          {
            g_assert_false (gtk_widget_get_sensitive (label));
            n_future++;
          }
        else
          {
            g_assert_true (gtk_widget_get_sensitive (label));
            n_past++;
          }
      }
  }
  g_assert_cmpuint (n_future, >=, 4);
  g_assert_cmpuint (n_past, >=, 2);

  /* A future day chosen anyway (the keyboard) goes back to today. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
    g_autoptr(GDateTime) selected = NULL;
    g_autofree char *selected_day = NULL;

    gtk_menu_button_popup (day_button);
    patella_test_wait_for (is_mapped, calendar);
    g_assert_true (GTK_CALENDAR (patella_test_find_of_type (GTK_WIDGET (page), GTK_TYPE_CALENDAR, NULL)) == calendar);
    gtk_calendar_select_day (calendar, later);
    selected = gtk_calendar_get_date (calendar);
    selected_day = g_date_time_format (selected, "%Y-%m-%d");
    g_assert_cmpstr (selected_day, ==, today);
    g_assert_cmpstr (patella_day_plan_get_day (patella_today_page_get_plan (page)), ==, today);
  }

  /* The future refused by action: a toast that does not stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-to-day", "s", tomorrow));
  toast = patella_window_get_problem_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpuint (adw_toast_get_timeout (toast), >, 0);
  toast = patella_window_show_problem (window, "A problem");
  g_assert_cmpuint (adw_toast_get_timeout (toast), >, 0);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  patella_test_run_app (fixture->path, navigation, NULL);
}

/* Dates never show the padding of %e ("Sat  3 January"). */
static void
test_day_names (void)
{
  g_autofree char *today = patella_day_today ();
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  GDate date;

  /* The 3rd of a month more than a week ago. */
  g_assert_true (patella_day_parse (today, &date));
  g_date_subtract_months (&date, 2);
  g_date_set_day (&date, 3);
  day = g_strdup_printf ("%04d-%02d-03", g_date_get_year (&date), g_date_get_month (&date));
  name = patella_calendar_day_label (day, today);
  g_test_message ("%s: %s", day, name);
  g_assert_null (strstr (name, "  "));
  g_assert_null (strstr (name, "\u2007"));
  g_assert_nonnull (strstr (name, " 3 "));

  /* Today, the log dialog and History name a day with the one helper. */
  {
    g_autofree char *yesterday = patella_day_add (today, -1);
    g_autofree char *label = patella_calendar_day_label (yesterday, today);
    g_autofree char *own = patella_calendar_day_label (today, today);

    g_assert_cmpstr (label, ==, "Yesterday");
    g_assert_cmpstr (own, ==, "Today");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/today/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("log-and-undo", test_log_and_undo);
  ADD ("days", test_days);
  ADD ("timer", test_timer);
  ADD ("edit-routine", test_edit_routine);
  ADD ("disk-full", test_disk_full);
  ADD ("day-log", test_day_log);
  ADD ("exercise-row", test_exercise_row);
  ADD ("navigation", test_navigation);
  g_test_add_func ("/today/day-names", test_day_names);
#undef ADD

  return g_test_run ();
}
