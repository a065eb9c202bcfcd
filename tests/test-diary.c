/* test-diary.c: logging pain and runs, History and the warnings, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-day.h"
#include "patella-calendar.h"
#include "patella-entry-dialog.h"
#include "patella-history-page.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

static PatellaStore *
store_of (PatellaWindow *window)
{
  return patella_day_plan_get_store (patella_today_page_get_plan (patella_window_get_today_page (window)));
}

static gint64
count (PatellaWindow *window,
       PatellaTable   table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (patella_store_count (store_of (window), table, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* What the latest toast's Undo button does. */
static void
undo_latest (PatellaWindow *window)
{
  AdwToast *toast = patella_window_get_undo_toast (window);

  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
}

static PatellaEntryDialog *
find_dialog (void)
{
  return PATELLA_ENTRY_DIALOG (patella_test_find_toplevel (PATELLA_TYPE_ENTRY_DIALOG, NULL));
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static void
log_pain (PatellaApplication *app,
          PatellaWindow      *window,
          gpointer            data)
{
  PatellaEntryDialog *dialog;
  g_autoptr(PatellaEntry) logged = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();

  /* Ctrl+L's action opens the dialog for the day Today shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* The value stands over the scale's start, words and all: GTK's own
   * followed the knob and ran out of the card at 0. */
  {
    GtkScale *scale = GTK_SCALE (patella_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_SCALE, NULL));

    g_assert_false (gtk_scale_get_draw_value (scale));
    g_assert_nonnull (patella_test_find_label (GTK_WIDGET (dialog), "0 · No pain"));
    patella_entry_dialog_set_field (dialog, "score", "4");
    g_assert_null (patella_test_find_label (GTK_WIDGET (dialog), "0 · No pain"));
    g_assert_nonnull (patella_test_find_label (GTK_WIDGET (dialog), "4"));
  }
  patella_entry_dialog_set_field (dialog, "context", "stairs");
  patella_entry_dialog_set_field (dialog, "time", "00:00");
  patella_entry_dialog_set_field (dialog, "note", "<b>steep</b> & slow");
  g_assert_null (patella_entry_dialog_get_problem (dialog, "time"));
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_dialog, NULL);

  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 1);
  entries = patella_store_list_entries (store_of (window), today, PATELLA_ENTRY_ALL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  logged = patella_entry_copy (g_ptr_array_index (entries, 0));
  g_assert_cmpint (logged->score, ==, 4);
  g_assert_cmpint (logged->context, ==, PATELLA_PAIN_STAIRS);
  g_assert_cmpstr (logged->note, ==, "<b>steep</b> & slow");

  /* The toast's Undo takes it out again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 0));
  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 0);
  /* A second Undo of the same toast does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 0));
  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 0);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_log_pain (Fixture       *fixture,
               gconstpointer  data)
{
  patella_test_run_app (fixture->path, log_pain, NULL);
}

static void
log_run (PatellaApplication *app,
         PatellaWindow      *window,
         gpointer            data)
{
  GSettings *settings = patella_application_get_settings (app);
  g_autofree char *tomorrow = NULL;
  g_autofree char *today = patella_day_today ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  PatellaEntryDialog *dialog;
  PatellaEntry *run;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-run", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* Bad input is named at its field and nothing is saved. */
  patella_entry_dialog_set_field (dialog, "minutes", "1441");
  g_assert_cmpstr (patella_entry_dialog_get_problem (dialog, "minutes"), ==, "That is more than a day (1440 minutes).");
  patella_entry_dialog_set_field (dialog, "minutes", "forty");
  g_assert_nonnull (patella_entry_dialog_get_problem (dialog, "minutes"));
  patella_entry_dialog_set_field (dialog, "distance", "1000.5");
  g_assert_cmpstr (patella_entry_dialog_get_problem (dialog, "distance"), ==, "That is more than 1000 km, the most a run can be.");
  patella_entry_dialog_set_field (dialog, "distance", "-2");
  g_assert_cmpstr (patella_entry_dialog_get_problem (dialog, "distance"), ==, "A distance cannot be below 0.");
  tomorrow = patella_day_add (today, 1);
  patella_entry_dialog_set_field (dialog, "day", tomorrow);
  g_assert_nonnull (strstr (patella_entry_dialog_get_problem (dialog, "day"), "has not happened yet"));
  patella_entry_dialog_set_field (dialog, "time", "25:00");
  g_assert_nonnull (patella_entry_dialog_get_problem (dialog, "time"));
  g_assert_false (patella_entry_dialog_save (dialog));
  g_assert_cmpint (count (window, PATELLA_TABLE_RUNS), ==, 0);

  /* Put right: 42,5 minutes (either decimal mark), 8.2 km, effort 5, pain 3. */
  patella_entry_dialog_set_field (dialog, "day", today);
  patella_entry_dialog_set_field (dialog, "time", "00:00");
  patella_entry_dialog_set_field (dialog, "minutes", "42,5");
  patella_entry_dialog_set_field (dialog, "distance", "8.2");
  patella_entry_dialog_set_field (dialog, "rpe", "5");
  patella_entry_dialog_set_field (dialog, "pain", "3");
  g_assert_null (patella_entry_dialog_get_problem (dialog, "minutes"));
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_dialog, NULL);

  entries = patella_store_list_entries (store_of (window), today, 1u << PATELLA_ENTRY_RUN, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  run = g_ptr_array_index (entries, 0);
  g_assert_cmpfloat (run->minutes, ==, 42.5);
  g_assert_cmpfloat (run->distance_km, ==, 8.2);
  g_assert_cmpint (run->rpe, ==, 5);
  g_assert_cmpint (run->pain, ==, 3);

  /* In miles, stored as km. */
  g_settings_set_string (settings, "distance-unit", "mi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-run", NULL));
  dialog = find_dialog ();
  patella_entry_dialog_set_field (dialog, "time", "00:00");
  patella_entry_dialog_set_field (dialog, "minutes", "30");
  patella_entry_dialog_set_field (dialog, "distance", "5");
  patella_entry_dialog_set_field (dialog, "distance", "622");
  g_assert_cmpstr (patella_entry_dialog_get_problem (dialog, "distance"), ==, "That is more than 621 miles, the most a run can be.");
  patella_entry_dialog_set_field (dialog, "distance", "5");
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_dialog, NULL);
  g_settings_reset (settings, "distance-unit");

  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = patella_store_list_entries (store_of (window), today, 1u << PATELLA_ENTRY_RUN, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  {
    double km = 0;
    for (guint i = 0; i < entries->len; i++)
      if (((PatellaEntry *) g_ptr_array_index (entries, i))->minutes == 30)
        km = ((PatellaEntry *) g_ptr_array_index (entries, i))->distance_km;
    g_assert_cmpfloat_with_epsilon (km, 5 * 1.609344, 1e-9);
  }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_log_run (Fixture       *fixture,
              gconstpointer  data)
{
  patella_test_run_app (fixture->path, log_run, NULL);
}

static gboolean
has_scroll_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_scale (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_SCALE (widget) && has_scroll_controller (widget);
}

static gboolean
dialog_focused (gpointer data)
{
  PatellaEntryDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)) &&
         gtk_window_get_focus (GTK_WINDOW (dialog)) != NULL;
}

/* Focus on the first field, Enter saves, the wheel leaves the sliders be. */
static void
dialog_keys (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  PatellaEntryDialog *dialog;
  GtkWidget *focus, *minutes;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL));
  patella_test_wait_for (dialog_focused, NULL);
  dialog = find_dialog ();
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_SCALE (focus));
  g_assert_null (patella_test_find_widget (GTK_WIDGET (dialog), is_scale, NULL));
  patella_test_close_window (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-run", NULL));
  patella_test_wait_for (dialog_focused, NULL);
  dialog = find_dialog ();
  minutes = patella_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Minutes");
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (focus == minutes || gtk_widget_is_ancestor (focus, minutes));
  g_assert_null (patella_test_find_widget (GTK_WIDGET (dialog), is_scale, NULL));

  /* Enter in a one-line field saves. */
  patella_entry_dialog_set_field (dialog, "minutes", "30");
  patella_entry_dialog_set_field (dialog, "distance", "5");
  g_signal_emit_by_name (minutes, "entry-activated");
  patella_test_wait_for (no_dialog, NULL);
  g_assert_cmpint (count (window, PATELLA_TABLE_RUNS), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_dialog_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  patella_test_run_app (fixture->path, dialog_keys, NULL);
}

static gboolean
history_loaded (gpointer data)
{
  return patella_history_page_get_history (data) != NULL;
}

static void
history (PatellaApplication *app,
         PatellaWindow      *window,
         gpointer            data)
{
  PatellaHistoryPage *page = patella_window_get_history_page (window);
  PatellaStore *store = store_of (window);
  g_autoptr(PatellaEntry) run = NULL;
  g_autoptr(PatellaEntry) back = NULL;
  g_autoptr(GError) error = NULL;
  PatellaEntryDialog *dialog;
  PatellaHistory *model;
  gint64 run_id;

  run_id = patella_store_log_run (store, "2026-01-10", NULL, 40, 7.0, 4, -1, "easy", &error);
  g_assert_cmpint (patella_store_log_pain (store, "2026-01-11", NULL, 2, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-01-12", PATELLA_REST_DAY_REST, NULL, &error));
  g_assert_no_error (error);

  /* Nothing is read until the page is shown. */
  g_assert_null (patella_history_page_get_history (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_loaded, page);
  model = patella_history_page_get_history (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* Delete the run from its row's action; the day goes from the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.delete", "(ixs)",
                                             (int) PATELLA_ENTRY_RUN, run_id, "2026-01-10"));
  g_assert_cmpint (count (window, PATELLA_TABLE_RUNS), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  /* Undo brings it back whole: the same id, note and day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 0));
  run = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (run->note, ==, "easy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* Edit it: a longer run, then Undo restores the first values. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.edit", "(ixs)",
                                             (int) PATELLA_ENTRY_RUN, run_id, "2026-01-10"));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  patella_entry_dialog_set_field (dialog, "distance", "9.5");
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_dialog, NULL);
  back = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_cmpfloat (back->distance_km, ==, 9.5);
  g_assert_cmpstr (back->instant, ==, run->instant);
  g_clear_pointer (&back, patella_entry_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 1));
  back = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_cmpfloat (back->distance_km, ==, 7.0);

  /* Opened in miles and saved with a new note only, the kilometres stay exact. */
  g_settings_set_string (patella_application_get_settings (app), "distance-unit", "mi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.edit", "(ixs)",
                                             (int) PATELLA_ENTRY_RUN, run_id, "2026-01-10"));
  dialog = find_dialog ();
  patella_entry_dialog_set_field (dialog, "note", "easy, flat");
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_dialog, NULL);
  g_settings_reset (patella_application_get_settings (app), "distance-unit");
  g_clear_pointer (&back, patella_entry_free);
  back = patella_store_get_entry (store, PATELLA_ENTRY_RUN, run_id, &error);
  g_assert_cmpfloat (back->distance_km, ==, 7.0);
  g_assert_cmpfloat (back->minutes, ==, 40);
  g_assert_cmpstr (back->note, ==, "easy, flat");

  /* A rest day is deleted and restored the same way. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.delete", "(ixs)",
                                             (int) PATELLA_ENTRY_REST_DAY, (gint64) 0, "2026-01-12"));
  g_assert_cmpint (count (window, PATELLA_TABLE_REST_DAYS), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", "u", 3));
  g_assert_cmpint (count (window, PATELLA_TABLE_REST_DAYS), ==, 1);

  /* Filter by kind. */
  patella_history_set_kinds (model, 1u << PATELLA_ENTRY_PAIN, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  patella_test_run_app (fixture->path, history, NULL);
}

static gboolean
is_list (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

/* The page's list, not the one inside the filter's popover. */
static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  return GTK_SCROLLED_WINDOW (patella_test_find_widget (widget, is_list, NULL));
}

static void
collect_headings (GtkWidget  *widget,
                  GPtrArray  *headings)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading"))
    g_ptr_array_add (headings, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_headings (child, headings);
}

/* The day groups on screen: each day once, as many as the model has. */
static void
assert_days_once (PatellaHistoryPage *page,
                  guint               expected)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();

  collect_headings (GTK_WIDGET (find_scrolled_window (GTK_WIDGET (page))), headings);
  for (guint i = 0; i < headings->len; i++)
    for (guint j = i + 1; j < headings->len; j++)
      g_assert_cmpstr (g_ptr_array_index (headings, i), !=, g_ptr_array_index (headings, j));
  g_assert_cmpuint (headings->len, ==, expected);
}

static void
filter_after_logging (PatellaApplication *app,
                      PatellaWindow      *window,
                      gpointer            data)
{
  PatellaHistoryPage *page = patella_window_get_history_page (window);
  PatellaStore *store = store_of (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *yesterday = patella_day_add (today, -1);
  g_autoptr(GError) error = NULL;
  PatellaEntryDialog *dialog;
  GtkDropDown *filter;

  g_assert_cmpint (patella_store_log_run (store, today, NULL, 30, 5.0, 3, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, yesterday, NULL, 30, 5.0, 3, -1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, yesterday, NULL, 2, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Alt+3, Show: Runs, Ctrl+L, Show: Pain. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_loaded, page);
  assert_days_once (page, 2);
  filter = GTK_DROP_DOWN (patella_test_find_of_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (filter, 2);
  assert_days_once (page, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL));
  dialog = find_dialog ();
  patella_entry_dialog_set_field (dialog, "score", "3");
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_dialog, NULL);
  assert_days_once (page, 2);
  gtk_drop_down_set_selected (filter, 1);
  assert_days_once (page, 2);
  gtk_drop_down_set_selected (filter, 0);
  assert_days_once (page, 2);

  /* Only the filter, after logging. */
  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 1, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  assert_days_once (page, 2);
  gtk_drop_down_set_selected (filter, 3);
  assert_days_once (page, 0);
  gtk_drop_down_set_selected (filter, 1);
  assert_days_once (page, 2);
  gtk_drop_down_set_selected (filter, 0);
  assert_days_once (page, 2);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_filter_after_logging (Fixture       *fixture,
                           gconstpointer  data)
{
  patella_test_run_app (fixture->path, filter_after_logging, NULL);
}

typedef struct
{
  PatellaHistoryPage *page;
  guint               more_than;
} BuiltWait;

static gboolean
laid_out (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

static gboolean
built_more (gpointer data)
{
  BuiltWait *wait = data;

  return patella_history_page_get_n_days_built (wait->page) > wait->more_than;
}

/* A long history: the newest days are built, older ones as the runner
 * scrolls, and a change to a built day shows at once. */
static void
long_history (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  PatellaHistoryPage *page = patella_window_get_history_page (window);
  PatellaStore *store = store_of (window);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  BuiltWait wait = { page, 0 };
  PatellaHistory *model;
  guint built, read;

  for (int i = 1; i <= 200; i++)
    {
      g_autofree char *day = patella_day_add (today, -i);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, i % 11, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
      g_assert_no_error (error);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_loaded, page);
  patella_test_wait_for (built_more, &wait);
  /* Only the newest page of days is read, fewer built. */
  model = patella_history_page_get_history (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, 200);
  g_assert_false (patella_history_is_complete (model));
  built = patella_history_page_get_n_days_built (page);
  g_assert_cmpuint (built, <, 200);

  /* Scrolling to the end builds more. */
  adjustment = gtk_scrolled_window_get_vadjustment (find_scrolled_window (GTK_WIDGET (page)));
  patella_test_wait_for (laid_out, adjustment);
  built = patella_history_page_get_n_days_built (page);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait.more_than = built;
  patella_test_wait_for (built_more, &wait);
  built = patella_history_page_get_n_days_built (page);
  read = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* A new newest day is built in its place; the rest stay built (and,
   * scrolled to the end as the list is, more may follow). */
  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 3, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, read + 1);
  g_assert_cmpuint (patella_history_page_get_n_days_built (page), >=, built + 1);
  g_assert_cmpuint (patella_history_page_get_n_days_built (page), <=, 201);

  /* A change while the page is hidden rebuilds nothing then; shown again,
   * it starts from the newest days. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "today"));
  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 5, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (patella_history_page_get_n_days_built (page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  wait.more_than = 0;
  patella_test_wait_for (built_more, &wait);
  g_assert_cmpuint (patella_history_page_get_n_days_built (page), <, 201);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_long_history (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, long_history, NULL);
}

/* Keeps the list scrolled to its end as it is laid out again, until more
 * days are built. */
static gboolean
scrolled_to_end_built_more (gpointer data)
{
  BuiltWait *wait = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (find_scrolled_window (GTK_WIDGET (wait->page)));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return built_more (wait);
}

static gboolean
all_built (gpointer data)
{
  PatellaHistoryPage *page = data;
  PatellaHistory *model = patella_history_page_get_history (page);

  return patella_history_is_complete (model) &&
         patella_history_page_get_n_days_built (page) == g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Three pages of days, the last one short. */
#define SCROLL_DAYS (2 * PATELLA_HISTORY_PAGE_DAYS + 6)

/* Every third day back from yesterday, SCROLL_DAYS of them, each with one
 * kind of entry or a rest day, some with two; written before the window
 * opens, so that it reads them once. */
static void
fill_every_third_day (const char *path)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  for (int n = 0; n < SCROLL_DAYS; n++)
    {
      g_autofree char *day = patella_day_add (today, -1 - 3 * n);

      switch (n % 4)
        {
        case 0:
          g_assert_cmpint (patella_store_log_pain (store, day, NULL, n % 11, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
          break;
        case 1:
          g_assert_cmpint (patella_store_log_run (store, day, NULL, 30, 5.0, 3, -1, NULL, &error), >, 0);
          break;
        case 2:
          g_assert_true (patella_store_set_rest_day (store, day, PATELLA_REST_DAY_REST, NULL, &error));
          break;
        default:
          g_assert_cmpint (patella_store_log_run (store, day, NULL, 30, 5.0, 3, -1, NULL, &error), >, 0);
          g_assert_cmpint (patella_store_log_pain (store, day, NULL, 2, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
          break;
        }
      g_assert_no_error (error);
    }
}

/* Scrolled to the end a step at a time, History reads page after page of
 * days and reaches the oldest, each day once. */
static void
scroll_to_oldest (PatellaApplication *app,
                  PatellaWindow      *window,
                  gpointer            data)
{
  PatellaHistoryPage *page = patella_window_get_history_page (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *oldest = patella_day_add (today, -1 - 3 * (SCROLL_DAYS - 1));
  g_autofree char *oldest_label = patella_calendar_day_label (oldest, today);
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  GtkAdjustment *adjustment;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_loaded, page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (patella_history_page_get_history (page))), <, SCROLL_DAYS);
  adjustment = gtk_scrolled_window_get_vadjustment (find_scrolled_window (GTK_WIDGET (page)));
  patella_test_wait_for (laid_out, adjustment);
  while (!all_built (page))
    {
      BuiltWait wait = { page, patella_history_page_get_n_days_built (page) };

      patella_test_wait_for (scrolled_to_end_built_more, &wait);
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (patella_history_page_get_history (page))), ==, SCROLL_DAYS);
  assert_days_once (page, SCROLL_DAYS);
  collect_headings (GTK_WIDGET (find_scrolled_window (GTK_WIDGET (page))), headings);
  g_assert_cmpstr (g_ptr_array_index (headings, headings->len - 1), ==, oldest_label);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_scroll_to_oldest (Fixture       *fixture,
                       gconstpointer  data)
{
  fill_every_third_day (fixture->path);
  patella_test_run_app (fixture->path, scroll_to_oldest, NULL);
}

/* Full days: opening History builds the newest days until they fill a
 * first screen (sixteen entries: two days of ten), and the rest of the
 * step once that is painted. */
static void
first_screen (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  PatellaHistoryPage *page = patella_window_get_history_page (window);
  PatellaStore *store = store_of (window);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;
  BuiltWait wait = { page, 2 };

  for (int i = 1; i <= 30; i++)
    {
      g_autofree char *day = patella_day_add (today, -i);

      for (int score = 0; score < 10; score++)
        {
          g_assert_cmpint (patella_store_log_pain (store, day, NULL, score, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
          g_assert_no_error (error);
        }
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  g_assert_cmpuint (patella_history_page_get_n_days_built (page), ==, 2);
  patella_test_wait_for (built_more, &wait);
  g_assert_cmpuint (patella_history_page_get_n_days_built (page), >=, 14);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_first_screen (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_run_app (fixture->path, first_screen, NULL);
}

static void
warnings (PatellaApplication *app,
          PatellaWindow      *window,
          gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 0);

  /* A severe score today shows at once. */
  g_assert_cmpint (patella_store_log_pain (store_of (window), today, NULL, 9, PATELLA_PAIN_STAIRS, NULL, &error), >, 0);
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.dismiss-warning", "s", "pain-severe"));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 0);
  g_assert_cmpint (count (window, PATELLA_TABLE_DISMISSED_WARNINGS), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  undo_latest (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);

  /* A stricter threshold from the preferences adds "pain-high" for 6 during. */
  g_assert_cmpint (patella_store_log_pain (store_of (window), today, NULL, 5, PATELLA_PAIN_DURING, NULL, &error), >, 0);
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);
  g_settings_set_int (patella_application_get_settings (app), "pain-high-threshold", 4);
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 2);
  g_settings_reset (patella_application_get_settings (app), "pain-high-threshold");

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  patella_test_run_app (fixture->path, warnings, NULL);
}

/* A warning on days in a row is one episode: shown once, since its first
 * day, with the shown day's numbers; put away until it ends; a new episode
 * after a gap shows again. */
static void
episodes (PatellaApplication *app,
          PatellaWindow      *window,
          gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  g_autofree char *today = patella_day_today ();
  g_autofree char *since = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  /* Severe pain 6 days ago (its own episode), then 3, 2 and 1 day ago and
   * today, with 9 today: one episode since 3 days ago. */
  for (int back = 6; back >= 0; back--)
    {
      g_autofree char *day = patella_day_add (today, -back);

      if (back == 5 || back == 4)
        continue;
      g_assert_cmpint (patella_store_log_pain (store_of (window), day, NULL, back == 0 ? 9 : 8,
                                               PATELLA_PAIN_STAIRS, NULL, &error), >, 0);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);
  {
    g_autofree char *start = patella_day_add (today, -3);
    g_autoptr(GDateTime) when = NULL;
    GDate date;

    patella_day_parse (start, &date);
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
    since = g_date_time_format (when, "Severe pain, since %A");
  }
  row = patella_test_find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, since);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "A pain score of 9 out of 10 was logged; 8 or more is severe.");

  /* Yesterday: the same episode, up to then, since the day before yesterday. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);
  g_assert_nonnull (patella_test_find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, since));

  /* Put away yesterday: gone yesterday and today, for the whole episode. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.dismiss-warning", "s", "pain-severe"));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 0);

  /* 6 days ago is an episode of its own, two days before this one began. */
  for (int k = 0; k < 6; k++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);
  g_assert_nonnull (patella_test_find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Severe pain"));

  /* Undo brings the episode back. */
  undo_latest (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.go-today", NULL));
  g_assert_cmpuint (patella_today_page_get_n_warnings (page), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_episodes (Fixture       *fixture,
               gconstpointer  data)
{
  patella_test_run_app (fixture->path, episodes, NULL);
}

/* The Export, Report, Back Up and Import menu items, past their file
 * choosers: what each does with the file the runner picked. */
static void
file_tasks (PatellaApplication *app,
            PatellaWindow      *window,
            gpointer            data)
{
  const char *dir = data;
  g_autofree char *csv = g_build_filename (dir, "history.csv", NULL);
  g_autofree char *daily = g_build_filename (dir, "daily.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();

  g_assert_cmpint (patella_store_log_pain (store_of (window), today, NULL, 3, PATELLA_PAIN_MORNING, "ok", &error), >, 0);

  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_EXPORT_CSV, csv));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note,utc,side,result\r\n"));
  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_EXPORT_DAILY, daily));
  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_REPORT, pdf));
  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_BACKUP, backup));
  g_assert_true (g_file_test (daily, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Importing our own export adds nothing; a bad file changes nothing. */
  g_assert_true (patella_window_run_file_task (window, PATELLA_FILE_TASK_IMPORT_CSV, csv));
  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 1);
  patella_test_write_file (bad, "date,kind,pain,context\n2026-01-01,pain,12,morning\n", -1);
  g_assert_false (patella_window_run_file_task (window, PATELLA_FILE_TASK_IMPORT_CSV, bad));
  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_file_tasks (Fixture       *fixture,
                 gconstpointer  data)
{
  patella_test_run_app (fixture->path, file_tasks, fixture->dir);
}

/* Run times as a runner reads them, with the pace and the effort's word. */
static void
test_run_words (void)
{
  PatellaEntry run = { .kind = PATELLA_ENTRY_RUN, .day = (char *) "2026-01-10", .minutes = 69.6,
                       .distance_km = 11.4, .rpe = 6, .pain = -1 };
  g_autofree char *duration = patella_format_duration (69.6);
  g_autofree char *short_run = patella_format_duration (42.5);
  g_autofree char *pace = patella_format_pace (69.6, 11.4, PATELLA_UNIT_KM);
  g_autofree char *pace_mi = patella_format_pace (69.6, 11.4, PATELLA_UNIT_MILES);
  g_autofree char *no_pace = patella_format_pace (30, 0, PATELLA_UNIT_KM);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_assert_cmpstr (duration, ==, "1:09:36");
  g_assert_cmpstr (short_run, ==, "42:30");
  g_assert_cmpstr (pace, ==, "6:06 /km");
  g_assert_cmpstr (pace_mi, ==, "9:50 /mi");
  g_assert_null (no_pace);

  patella_entry_describe (&run, PATELLA_UNIT_KM, NULL, &title, &subtitle);
  g_assert_cmpstr (title, ==, "Run 11.4 km in 1:09:36 (6:06 /km), effort 6 (hard)");
  for (int rpe = 0; rpe <= 10; rpe++)
    {
      g_autofree char *t = NULL;
      g_autofree char *u = NULL;

      run.rpe = rpe;
      patella_entry_describe (&run, PATELLA_UNIT_KM, NULL, &t, &u);
      g_assert_nonnull (strstr (t, " ("));
      g_assert_true (g_str_has_suffix (t, ")"));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/diary/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("log-pain", test_log_pain);
  ADD ("filter-after-logging", test_filter_after_logging);
  ADD ("dialog-keys", test_dialog_keys);
  g_test_add_func ("/diary/run-words", test_run_words);
  ADD ("log-run", test_log_run);
  ADD ("history", test_history);
  ADD ("long-history", test_long_history);
  ADD ("history-scroll-to-oldest", test_scroll_to_oldest);
  ADD ("history-first-screen", test_first_screen);
  ADD ("warnings", test_warnings);
  ADD ("episodes", test_episodes);
  ADD ("file-tasks", test_file_tasks);
#undef ADD

  return g_test_run ();
}
