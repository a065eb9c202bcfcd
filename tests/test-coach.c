/* test-coach.c: Today's suggestions and the return to running, under Xvfb, through their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-day.h"
#include "core/patella-store-progression.h"
#include "patella-coach-cards.h"
#include "patella-entry-dialog.h"
#include "patella-history-page.h"
#include "patella-preferences-window.h"
#include "patella-routine-editor.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-timer-window.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

/* Twenty days of easy sets before today, three sets a day, of each
 * exercise named (NULL-terminated). */
static void
log_easy_days (const char *path,
               ...)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();
  const char *id;
  va_list args;

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  va_start (args, path);
  while ((id = va_arg (args, const char *)) != NULL)
    for (int i = -20; i < 0; i++)
      {
        g_autofree char *day = patella_day_add (today, i);

        g_assert_cmpint (patella_store_log_exercise (store, day, NULL, id, 3, 10, NULL, &error), >, 0);
        g_assert_no_error (error);
      }
  va_end (args);
}

/* Twenty days of easy squats: the squat is ready for its next level. */
static void
make_record (const char *path)
{
  log_easy_days (path, "squat", NULL);
}

static PatellaCoachCards *
get_cards (PatellaTodayPage *page)
{
  return PATELLA_COACH_CARDS (patella_test_find_of_type (GTK_WIDGET (page), PATELLA_TYPE_COACH_CARDS, NULL));
}

static PatellaStore *
get_store (PatellaTodayPage *page)
{
  return patella_day_plan_get_store (patella_today_page_get_plan (page));
}

static AdwToast *
last_toast (PatellaCoachCards *cards)
{
  AdwToast *toast = patella_window_get_undo_toast (PATELLA_WINDOW (gtk_widget_get_root (GTK_WIDGET (cards))));

  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  return toast;
}

static void
undo (PatellaTodayPage *page,
      AdwToast         *toast)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
}

static gboolean
history_loaded (gpointer data)
{
  return patella_history_page_get_history (data) != NULL;
}

/* A suggestion card; Accept changes the level from today, with Undo; Not
 * Yet keeps it quiet, with Undo. */
static void
suggestion (PatellaApplication *app,
            PatellaWindow      *window,
            gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaCoachCards *cards = get_cards (page);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  g_autofree char *today = patella_day_today ();
  g_autofree char *yesterday = patella_day_add (today, -1);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cards);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cards)));
  /* The squat's next level, and the offer of a return to running (no run for two weeks). */
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);
  g_assert_nonnull (patella_test_find_label (patella_coach_cards_get_card (cards, 0),
                                             "Wall squat with a ball: ready for Wall squat to 60°?"));
  g_assert_nonnull (patella_test_find_button (patella_coach_cards_get_card (cards, 0), "_Accept"));
  g_assert_nonnull (patella_test_find_label (patella_coach_cards_get_card (cards, 1),
                                             "Back to running, step by step?"));

  /* Accept: the level changes from today, and the past keeps its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.set-level", "(su)", "squat", 1));
  g_assert_cmpint (patella_store_get_level (get_store (page), "squat", today, &error), ==, 1);
  g_assert_cmpint (patella_store_get_level (get_store (page), "squat", yesterday, &error), ==, 0);
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 1);
  g_assert_cmpstr (adw_toast_get_title (last_toast (cards)), ==, "Wall squat with a ball: Wall squat to 60° from today");
  undo (page, last_toast (cards));
  g_assert_cmpint (patella_store_get_level (get_store (page), "squat", today, &error), ==, 0);
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);

  /* Not Yet: quiet; Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.not-yet", "s", "squat"));
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 1);
  undo (page, last_toast (cards));
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);

  /* Bad input changes nothing and says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.set-level", "(su)", "squat", 9));
  g_assert_cmpint (patella_store_get_level (get_store (page), "squat", today, &error), ==, 0);

  /* The past shows no cards: suggestions are about today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cards)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cards)));
  g_assert_true (patella_day_plan_get_is_today (plan));

  /* History shows the level change on its day, even with nothing logged on it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.set-level", "(su)", "squat", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_loaded, patella_window_get_history_page (window));
  {
    GtkWidget *history = GTK_WIDGET (patella_window_get_history_page (window));

    g_assert_nonnull (patella_test_find_row (history, ADW_TYPE_ACTION_ROW,
                                             "Wall squat with a ball: Wall squat to 60°"));
    g_assert_nonnull (patella_test_find_label (history, "Level changed from Wall squat to 45°"));
  }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_suggestion (Fixture       *fixture,
                 gconstpointer  data)
{
  make_record (fixture->path);
  patella_test_run_app (fixture->path, suggestion, NULL);
}

/* One tap logs a set with its pain; the pain reaches the store. */
static void
set_pain (PatellaApplication *app,
          PatellaWindow      *window,
          gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  PatellaEntry *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set-pain", "(si)", "squat", 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "squat"));
  entries = patella_store_list_entries (get_store (page), today, 1 << PATELLA_ENTRY_EXERCISE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  /* The latest first. */
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->pain, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->pain, ==, -1);
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (patella_today_page_get_plan (page),
                                                                              "squat")), ==, 2);

  /* Out of range: refused, nothing logged. */
  gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set-pain", "(si)", "squat", 11);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = patella_store_list_entries (get_store (page), today, 1 << PATELLA_ENTRY_EXERCISE, &error);
  g_assert_cmpuint (entries->len, ==, 2);

  /* The row's menu of 0 to 10: one tap on 7 logs a set with pain 7. */
  {
    GtkWidget *row = GTK_WIDGET (patella_test_find_exercise_row (GTK_WIDGET (page), "band-walks"));
    GtkMenuButton *menu = GTK_MENU_BUTTON (patella_test_find_of_type (row, GTK_TYPE_MENU_BUTTON, NULL));
    GtkButton *seven;

    g_assert_null (gtk_menu_button_get_popover (menu));   /* made when it first opens */
    gtk_menu_button_popup (menu);
    seven = patella_test_find_button (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "7");
    g_assert_nonnull (seven);
    g_assert_nonnull (patella_test_find_button (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "0"));
    g_assert_nonnull (patella_test_find_button (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "10"));
    g_signal_emit_by_name (seven, "clicked");
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = patella_store_list_entries (get_store (page), today, 1 << PATELLA_ENTRY_EXERCISE, &error);
    g_assert_cmpuint (entries->len, ==, 3);
    entry = g_ptr_array_index (entries, 0);
    g_assert_cmpstr (entry->exercise_id, ==, "band-walks");
    g_assert_cmpint (entry->pain, ==, 7);
  }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_set_pain (Fixture       *fixture,
               gconstpointer  data)
{
  patella_test_run_app (fixture->path, set_pain, NULL);
}

static gboolean
entry_dialog_shown (gpointer data)
{
  return patella_test_find_toplevel (PATELLA_TYPE_ENTRY_DIALOG, NULL) != NULL;
}

static gboolean
timer_gone (gpointer data)
{
  return patella_coach_cards_get_timer (data) == NULL;
}

static gint64
count_runs (PatellaTodayPage *page)
{
  gint64 n = -1;

  g_assert_true (patella_store_count (get_store (page), PATELLA_TABLE_RUNS, &n, NULL));
  return n;
}

/* The plan from the offer card; the next run's interval timer; the run's
 * dialog with the timed minutes; a rest day after it. */
static void
return_to_running (PatellaApplication *app,
                   PatellaWindow      *window,
                   gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaCoachCards *cards = get_cards (page);
  PatellaTimerWindow *timer;
  PatellaTimerState state;
  PatellaEntryDialog *dialog;
  PatellaReturnPlan plan;
  int runs = 0;

  /* The squat's next level, and the offer of a plan. */
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Back to running, step by step?"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.start-plan", NULL));
  g_assert_true (patella_store_get_return_plan (get_store (page), &plan, NULL));
  g_assert_true (plan.active);
  patella_return_plan_clear (&plan);
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);
  g_assert_null (patella_test_find_label (GTK_WIDGET (cards), "Back to running, step by step?"));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 5 × (1 min run / 2 min walk)"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.start-run", NULL));
  timer = PATELLA_TIMER_WINDOW (patella_coach_cards_get_timer (cards));
  g_assert_nonnull (timer);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (timer)), ==, "Run, Phase 1");
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer), "5 runs of 1 min, a walk between"));

  /* Run, walk, run…: each run named, the walks between them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timer), "timer.skip", NULL));
  patella_timer_window_get_state (timer, &state);
  while (state.phase != PATELLA_TIMER_DONE)
    {
      if (state.phase == PATELLA_TIMER_HOLD)
        {
          g_autofree char *run = g_strdup_printf ("Run %d of 5", state.rep);

          g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer), "Run"));
          g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer), run));
          g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer), "1:00"));
          runs++;
        }
      else
        g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer), "Walk"));
      patella_timer_window_run_for (timer, state.remaining);
      patella_timer_window_get_state (timer, &state);
    }
  g_assert_cmpint (runs, ==, 5);

  /* Done: the run's dialog, its minutes filled in; saved, the run is logged. */
  patella_test_wait_for (entry_dialog_shown, NULL);
  dialog = PATELLA_ENTRY_DIALOG (patella_test_find_toplevel (PATELLA_TYPE_ENTRY_DIALOG, NULL));
  g_assert_cmpint (count_runs (page), ==, 0);
  patella_entry_dialog_set_field (dialog, "distance", "1.5");
  patella_entry_dialog_set_field (dialog, "pain", "1");
  g_assert_true (patella_entry_dialog_save (dialog));
  g_assert_cmpint (count_runs (page), ==, 1);
  {
    g_autofree char *today = patella_day_today ();
    g_autoptr(GPtrArray) entries = patella_store_list_entries (get_store (page), today, 1 << PATELLA_ENTRY_RUN, NULL);
    PatellaEntry *run = g_ptr_array_index (entries, 0);

    /* 5 runs of 1 min and the 4 walks of 2 min between them. */
    g_assert_cmpfloat (run->minutes, ==, 13);
    g_assert_cmpfloat (run->distance_km, ==, 1.5);
    g_assert_cmpint (run->pain, ==, 1);
  }

  /* A rest day before the next run: no timer today. */
  patella_test_wait_for (timer_gone, cards);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.start-run", NULL));
  g_assert_null (patella_coach_cards_get_timer (cards));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 5 × (1 min run / 2 min walk)"));

  /* Preferences switch the plan off. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  {
    GtkWindow *prefs = patella_test_find_toplevel (PATELLA_TYPE_PREFERENCES_WINDOW, NULL);

    g_assert_nonnull (prefs);
    g_assert_nonnull (patella_test_find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Graded Return to Running"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.return-to-running", "b", FALSE));
    g_assert_true (patella_store_get_return_plan (get_store (page), &plan, NULL));
    g_assert_false (plan.active);
    patella_return_plan_clear (&plan);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.return-to-running", "b", TRUE));
    g_assert_true (patella_store_get_return_plan (get_store (page), &plan, NULL));
    g_assert_true (plan.active);
    patella_return_plan_clear (&plan);

    /* The clinician's pain limit for a run: 3 from now on; 11 is refused. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.return-pain-limit", "i", 3));
    g_assert_true (patella_store_get_return_plan (get_store (page), &plan, NULL));
    g_assert_cmpint (plan.pain_limit, ==, 3);
    patella_return_plan_clear (&plan);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.return-pain-limit", "i", 11));
    g_assert_true (patella_store_get_return_plan (get_store (page), &plan, NULL));
    g_assert_cmpint (plan.pain_limit, ==, 3);
    patella_return_plan_clear (&plan);
    patella_test_close_window (prefs);
  }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_return_to_running (Fixture       *fixture,
                        gconstpointer  data)
{
  make_record (fixture->path);
  patella_test_run_app (fixture->path, return_to_running, NULL);
}

/* The phase's spin row @title in the routine editor's row of phase @n. */
static GtkSpinButton *
phase_spin (GtkWidget  *editor,
            guint       n,
            const char *title)
{
  g_autofree char *name = g_strdup_printf ("Phase %u", n);
  GtkWidget *row = patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, name);
  GtkWidget *spin_row;

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin_row = patella_test_find_row (row, ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (spin_row);
  return GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (spin_row)));
}

static guint
n_phases (PatellaTodayPage *page)
{
  g_autofree PatellaRunPhase *phases = NULL;
  guint n;

  phases = patella_store_get_return_phases (get_store (page), &n, NULL, NULL);
  g_assert_nonnull (phases);
  return n;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* The remove button of phase @data (a number from 1). */
static gboolean
is_remove_phase (GtkWidget     *widget,
                 gconstpointer  data)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "editor.remove-phase") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_get_uint32 (target) + 1 == GPOINTER_TO_UINT (data);
}

/* The phases edited in the routine editor: Today's card and the interval
 * timer read them from the next run; a refused value changes nothing;
 * Remove has Undo; Reset brings the built-in phases back. */
static void
edit_phases (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaCoachCards *cards = get_cards (page);
  GtkWidget *editor, *remove;
  GtkWindow *timer;
  g_autoptr(GVariant) builtin = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(udd)"), NULL, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.start-plan", NULL));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 5 × (1 min run / 2 min walk)"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", NULL));
  editor = GTK_WIDGET (patella_test_find_toplevel (PATELLA_TYPE_ROUTINE_EDITOR, NULL));
  g_assert_nonnull (editor);
  g_assert_nonnull (patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Phase 8"));
  g_assert_null (patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Phase 9"));

  /* Three runs of 1.5 min in the first phase. */
  gtk_spin_button_set_value (phase_spin (editor, 1, "Runs"), 3);
  gtk_spin_button_set_value (phase_spin (editor, 1, "Minutes of each run"), 1.5);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 3 × (1.5 min run / 2 min walk)"));
  g_assert_nonnull (patella_test_find_label (editor, "3 × (1.5 min run / 2 min walk)"));

  /* No walks for three runs is refused: the phase stays as it was. */
  gtk_spin_button_set_value (phase_spin (editor, 1, "Minutes of each walk"), 0);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 3 × (1.5 min run / 2 min walk)"));
  g_assert_cmpfloat (gtk_spin_button_get_value (phase_spin (editor, 1, "Minutes of each walk")), ==, 2);

  /* The interval timer runs the phase as edited. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.start-run", NULL));
  timer = patella_coach_cards_get_timer (cards);
  g_assert_nonnull (timer);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (timer), "3 runs of 1.5 min, a walk between"));
  patella_test_close_window (timer);

  /* Remove the first phase by its named button; Undo puts it back. */
  remove = patella_test_find_widget (editor, is_remove_phase, GUINT_TO_POINTER (1));
  g_assert_nonnull (remove);
  g_assert_null (gtk_button_get_label (GTK_BUTTON (remove)));
  g_assert_true (gtk_widget_activate_action (editor, "editor.remove-phase", "u", 0));
  g_assert_cmpuint (n_phases (page), ==, 7);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 5 × (2 min run / 2 min walk)"));
  {
    g_autoptr(GVariant) before = g_variant_ref_sink (g_variant_new_parsed ("[(uint32 3, 1.5, 2.0), (5, 2.0, 2.0), "
                                                                           "(6, 2.0, 1.0), (5, 3.0, 1.0), (4, 5.0, 1.0), "
                                                                           "(3, 8.0, 1.0), (2, 13.0, 1.0), (1, 30.0, 0.0)]"));

    g_assert_true (gtk_widget_activate_action_variant (editor, "editor.restore-phases", before));
  }
  g_assert_cmpuint (n_phases (page), ==, 8);
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 3 × (1.5 min run / 2 min walk)"));

  /* Add up to twelve phases, no more. */
  for (guint n = 9; n <= 12; n++)
    {
      g_autofree char *name = g_strdup_printf ("Phase %u", n);

      g_assert_true (gtk_widget_activate_action (editor, "editor.add-phase", NULL));
      g_assert_nonnull (patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, name));
    }
  g_assert_cmpuint (n_phases (page), ==, 12);
  g_assert_false (gtk_widget_get_sensitive (patella_test_find_widget (editor, has_action, "editor.add-phase")));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-phase", NULL));
  g_assert_cmpuint (n_phases (page), ==, 12);
  g_assert_null (patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Phase 13"));

  /* Reset to the built-in phases; its Undo is the same action. */
  g_assert_true (gtk_widget_get_sensitive (patella_test_find_widget (editor, has_action, "editor.reset-phases")));
  g_assert_true (gtk_widget_activate_action (editor, "editor.reset-phases", NULL));
  g_assert_cmpuint (n_phases (page), ==, 8);
  g_assert_false (gtk_widget_get_sensitive (patella_test_find_widget (editor, has_action, "editor.reset-phases")));
  g_assert_nonnull (patella_test_find_label (GTK_WIDGET (cards), "Next run: phase 1, 5 × (1 min run / 2 min walk)"));
  g_assert_true (gtk_widget_activate_action_variant (editor, "editor.restore-phases", builtin));
  g_assert_cmpuint (n_phases (page), ==, 8);

  patella_test_close_window (GTK_WINDOW (editor));
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_edit_phases (Fixture       *fixture,
                  gconstpointer  data)
{
  make_record (fixture->path);
  patella_test_run_app (fixture->path, edit_phases, NULL);
}

/* Three suggestions show one at a time, with a button for the others;
 * the next day (or coming back to today) shows one again. */
static void
one_at_a_time (PatellaApplication *app,
               PatellaWindow      *window,
               gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaCoachCards *cards = get_cards (page);
  GtkWidget *first;

  /* One suggestion and the offer of a return to running. */
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);
  g_assert_cmpuint (patella_coach_cards_get_n_hidden (cards), ==, 2);
  first = patella_coach_cards_get_card (cards, 0);
  g_assert_nonnull (patella_test_find_button (first, "_Accept"));
  g_assert_nonnull (patella_test_find_label (patella_coach_cards_get_card (cards, 1),
                                             "Back to running, step by step?"));
  g_assert_nonnull (patella_test_find_button (GTK_WIDGET (cards), "Show 2 More Suggestions"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.show-all", NULL));
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 4);
  g_assert_cmpuint (patella_coach_cards_get_n_hidden (cards), ==, 0);
  g_assert_null (patella_test_find_button (GTK_WIDGET (cards), "Show 2 More Suggestions"));

  /* Answering one keeps the others in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.not-yet", "s", "squat"));
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 3);

  /* Away and back: one at a time again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  g_assert_cmpuint (patella_coach_cards_get_n_cards (cards), ==, 2);
  g_assert_cmpuint (patella_coach_cards_get_n_hidden (cards), ==, 1);
  g_assert_nonnull (patella_test_find_button (GTK_WIDGET (cards), "Show 1 More Suggestion"));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_one_at_a_time (Fixture       *fixture,
                    gconstpointer  data)
{
  log_easy_days (fixture->path, "squat", "quad-setting", "band-walks", NULL);
  patella_test_run_app (fixture->path, one_at_a_time, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/coach/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("suggestion", test_suggestion);
  ADD ("set-pain", test_set_pain);
  ADD ("return-to-running", test_return_to_running);
  ADD ("edit-phases", test_edit_phases);
  ADD ("one-at-a-time", test_one_at_a_time);
#undef ADD

  return g_test_run ();
}
