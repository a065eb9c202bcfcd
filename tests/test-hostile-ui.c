/* test-hostile-ui.c: hostile notes and names on screen, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every label that shows the runner's words must show them as written:
 * "<b>" and "&amp;" are text, never markup (a label reading markup would
 * show "bold" or "&", or warn, which G_DEBUG=fatal-warnings makes fatal).
 * A note over the limit is refused with a message, never cut short.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/patella-day.h"
#include "patella-entry-dialog.h"
#include "patella-exercise-row.h"
#include "patella-history-page.h"
#include "patella-routine-editor.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-timer-window.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

#define HOSTILE_NAME  "<b>Step</b> & <i>ups &amp; %s%n"
#define HOSTILE_DOSE  "<i>3 × 10</i> & <big>more"
#define HOSTILE_CUES  "<b>slow</b> &lt; steady & %d"
#define REST_NOTE     "<b>flu</b> & <i>fever &amp; %s"
#define PAIN_NOTE     "<span foreground=\"red\">steep</span> & slow &amp;"
#define RUN_NOTE      "two\nlines <i> & tab\there"
#define EXERCISE_NOTE "&lt;not a tag&gt; <u>%n</u>"

static PatellaStore *
store_of (PatellaWindow *window)
{
  return patella_day_plan_get_store (patella_today_page_get_plan (patella_window_get_today_page (window)));
}

/* The runner's own exercise with a hostile name, and hostile notes on
 * today (a sick day) and yesterday. */
static void
fill (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = patella_store_open (path, &error);
  g_autofree char *today = patella_day_today ();
  g_autofree char *yesterday = patella_day_add (today, -1);
  PatellaExercise own = {
    .id = (char *) "own", .name = (char *) HOSTILE_NAME, .dose = (char *) HOSTILE_DOSE,
    .cues = (char *) HOSTILE_CUES, .target_sets = 2, .reps = 5, .hold_seconds = 3, .enabled = TRUE,
  };

  g_assert_no_error (error);
  g_assert_true (patella_store_add_exercise (store, &own, &error));
  g_assert_true (patella_store_set_rest_day (store, today, PATELLA_REST_DAY_SICK, REST_NOTE, &error));
  g_assert_cmpint (patella_store_log_pain (store, yesterday, NULL, 3, PATELLA_PAIN_STAIRS, PAIN_NOTE, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, yesterday, NULL, 30, 5, 4, -1, RUN_NOTE, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, yesterday, NULL, "own", 1, 5, EXERCISE_NOTE, &error), >, 0);
  g_assert_no_error (error);
}

typedef enum
{
  MATCH_EXACT,
  MATCH_SUFFIX,   /* "07:30 · note", "Sick day: …\nnote" */
  MATCH_PREFIX,   /* "name, 1 set of 5 reps" */
} Match;

static gboolean
matches (const char *shown,
         const char *text,
         Match       match)
{
  gsize shown_len = strlen (shown), len = strlen (text);

  switch (match)
    {
    case MATCH_SUFFIX:
      return shown_len >= len && strcmp (shown + shown_len - len, text) == 0;
    case MATCH_PREFIX:
      return g_str_has_prefix (shown, text);
    case MATCH_EXACT:
    default:
      return strcmp (shown, text) == 0;
    }
}

typedef struct
{
  const char *text;
  Match       match;
} Shown;

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  data)
{
  const Shown *shown = data;

  return GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL &&
         matches (gtk_label_get_text (GTK_LABEL (widget)), shown->text, shown->match);
}

/* The label under @widget whose visible text is @text (or ends or starts
 * with it), outside popovers. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text,
            Match       match)
{
  Shown shown = { text, match };

  return GTK_LABEL (patella_test_find_widget (widget, is_label_showing, &shown));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* @text is on screen under @widget, as written: the label's visible text
 * is the text itself, so markup in it was not read as markup. */
static void
assert_shown (GtkWidget  *widget,
              const char *text,
              Match       match)
{
  GtkLabel *label = find_label (widget, text, match);

  if (label == NULL)
    g_error ("no label shows “%s” under a %s", text, G_OBJECT_TYPE_NAME (widget));
  /* On screen: mapped, once a revealer or a page has had its frame. */
  if (gtk_widget_get_mapped (widget))
    patella_test_wait_for (is_mapped, label);
  if (gtk_label_get_use_markup (label))
    {
      /* Escaped, then: what it holds is not what it shows. */
      g_assert_cmpstr (gtk_label_get_label (label), !=, gtk_label_get_text (label));
    }
  else
    g_assert_true (matches (gtk_label_get_label (label), text, match));
}

/* A toast's title is markup: its text, once parsed, must hold @text. */
static void
assert_toast_shows (AdwToast   *toast,
                    const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;

  g_assert_nonnull (toast);
  g_assert_true (pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &plain, NULL, &error));
  g_assert_no_error (error);
  if (strstr (plain, text) == NULL)
    g_error ("the toast shows “%s”, not “%s”", plain, text);
}

static void
today (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaExerciseRow *row = patella_test_find_exercise_row (GTK_WIDGET (page), "own");
  PatellaTimerWindow *timer;
  GtkWindow *editor;

  /* The sick day's note, after the words about the day. */
  assert_shown (GTK_WIDGET (page), "\n" REST_NOTE, MATCH_SUFFIX);

  /* The checklist row: name, dose and how-to, as written. */
  g_assert_nonnull (row);
  assert_shown (GTK_WIDGET (row), HOSTILE_NAME, MATCH_EXACT);
  assert_shown (GTK_WIDGET (row), HOSTILE_DOSE, MATCH_EXACT);
  patella_exercise_row_set_expanded (row, TRUE);
  assert_shown (GTK_WIDGET (row), HOSTILE_CUES, MATCH_EXACT);

  /* The toast after a set names the exercise as written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "own"));
  assert_toast_shows (patella_window_get_undo_toast (window), HOSTILE_NAME);

  /* The timer's title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.start-timer", "s", "own"));
  timer = PATELLA_TIMER_WINDOW (patella_today_page_get_timer (page));
  g_assert_nonnull (timer);
  assert_shown (GTK_WIDGET (timer), HOSTILE_NAME, MATCH_EXACT);
  patella_test_close_window (GTK_WINDOW (timer));

  /* The routine editor's row for it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", NULL));
  editor = patella_test_find_toplevel (PATELLA_TYPE_ROUTINE_EDITOR, NULL);
  g_assert_nonnull (editor);
  assert_shown (GTK_WIDGET (editor), HOSTILE_NAME, MATCH_EXACT);
  patella_test_close_window (editor);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_today (Fixture       *fixture,
            gconstpointer  data)
{
  fill (fixture->path);
  patella_test_run_app (fixture->path, today, NULL);
}

static gboolean
history_shows_notes (gpointer data)
{
  return find_label (data, " · " PAIN_NOTE, MATCH_SUFFIX) != NULL;
}

static void
history (PatellaApplication *app,
         PatellaWindow      *window,
         gpointer            data)
{
  PatellaHistoryPage *page = patella_window_get_history_page (window);
  g_autofree char *name_sets = g_strdup_printf ("%s, 1 set", HOSTILE_NAME);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_shows_notes, page);

  /* Each entry's note after its time; the rest day's alone. */
  assert_shown (GTK_WIDGET (page), " · " PAIN_NOTE, MATCH_SUFFIX);
  assert_shown (GTK_WIDGET (page), " · " RUN_NOTE, MATCH_SUFFIX);
  assert_shown (GTK_WIDGET (page), " · " EXERCISE_NOTE, MATCH_SUFFIX);
  assert_shown (GTK_WIDGET (page), REST_NOTE, MATCH_EXACT);
  /* The exercise's title names it as written. */
  assert_shown (GTK_WIDGET (page), name_sets, MATCH_PREFIX);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  fill (fixture->path);
  patella_test_run_app (fixture->path, history, NULL);
}

static gint64
count (PatellaWindow *window,
       PatellaTable   table)
{
  gint64 n = -1;

  g_assert_true (patella_store_count (store_of (window), table, &n, NULL));
  return n;
}

static gboolean
no_toplevel (gpointer data)
{
  return patella_test_find_toplevel (GPOINTER_TO_SIZE (data), NULL) == NULL;
}

/* @text, repeated @n times. */
static char *
repeat (const char *text,
        guint       n)
{
  GString *result = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (result, text);
  return g_string_free (result, FALSE);
}

/* The log dialog: a note over the limit is kept as typed, named as too
 * long under the field, and Save is off and refuses. */
static void
long_note (PatellaApplication *app,
           PatellaWindow      *window,
           gpointer            data)
{
  g_autofree char *at_limit = repeat ("ü", PATELLA_NOTE_MAX_CHARS);
  g_autofree char *over = g_strconcat (at_limit, "😀", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_day = patella_day_today ();
  PatellaEntryDialog *dialog;
  GtkWidget *save, *note_row;
  const char *problem;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL));
  dialog = PATELLA_ENTRY_DIALOG (patella_test_find_toplevel (PATELLA_TYPE_ENTRY_DIALOG, NULL));
  g_assert_nonnull (dialog);
  save = GTK_WIDGET (patella_test_find_button (GTK_WIDGET (dialog), "_Save"));
  g_assert_nonnull (save);
  patella_entry_dialog_set_field (dialog, "time", "00:00");

  patella_entry_dialog_set_field (dialog, "note", over);
  problem = patella_entry_dialog_get_problem (dialog, "note");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "2000 characters"));
  assert_shown (GTK_WIDGET (dialog), problem, MATCH_EXACT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label (GTK_WIDGET (dialog), problem, MATCH_EXACT))));
  /* Not cut short: the field holds all of it. */
  note_row = patella_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Note (optional)");
  g_assert_nonnull (note_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, over);
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (patella_entry_dialog_save (dialog));
  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 0);

  /* A control character is named too. */
  patella_entry_dialog_set_field (dialog, "note", "\x1b[31mred");
  g_assert_nonnull (strstr (patella_entry_dialog_get_problem (dialog, "note"), "U+001B"));
  g_assert_false (patella_entry_dialog_save (dialog));
  g_assert_cmpint (count (window, PATELLA_TABLE_PAIN_LOG), ==, 0);

  /* At the limit, it is saved whole. */
  patella_entry_dialog_set_field (dialog, "note", at_limit);
  g_assert_null (patella_entry_dialog_get_problem (dialog, "note"));
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_true (patella_entry_dialog_save (dialog));
  patella_test_wait_for (no_toplevel, GSIZE_TO_POINTER (PATELLA_TYPE_ENTRY_DIALOG));
  entries = patella_store_list_entries (store_of (window), today_day, 1u << PATELLA_ENTRY_PAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((PatellaEntry *) g_ptr_array_index (entries, 0))->note, ==, at_limit);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  patella_test_run_app (fixture->path, long_note, NULL);
}

/* The rest-day dialog: the same, with its responses off. */
static void
rest_note (PatellaApplication *app,
           PatellaWindow      *window,
           gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  g_autofree char *at_limit = repeat ("😀", PATELLA_NOTE_MAX_CHARS);
  g_autofree char *over = g_strconcat (at_limit, "!", NULL);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkLabel *problem;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.mark-rest-day", NULL));
  dialog = ADW_MESSAGE_DIALOG (patella_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (patella_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL));
  g_assert_nonnull (entry);

  gtk_editable_set_text (entry, over);
  /* Kept as typed, not cut at the limit. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, over);
  problem = find_label (GTK_WIDGET (dialog), "2000 characters", MATCH_SUFFIX);
  if (problem == NULL)
    problem = find_label (GTK_WIDGET (dialog), "The note is longer than 2000 characters; please shorten it.",
                          MATCH_EXACT);
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rest"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "sick"));
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, -1);

  /* At the limit, and with markup, it marks the day and shows as written. */
  gtk_editable_set_text (entry, at_limit);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rest"));
  gtk_editable_set_text (entry, REST_NOTE);
  adw_message_dialog_response (dialog, "rest");
  g_assert_cmpint (patella_day_plan_get_rest_kind (plan), ==, PATELLA_REST_DAY_REST);
  g_assert_cmpstr (patella_day_plan_get_rest_note (plan), ==, REST_NOTE);
  assert_shown (GTK_WIDGET (page), "\n" REST_NOTE, MATCH_SUFFIX);
  if (patella_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL)
    patella_test_close_window (GTK_WINDOW (dialog));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_rest_note (Fixture       *fixture,
                gconstpointer  data)
{
  patella_test_run_app (fixture->path, rest_note, NULL);
}

#define WAITING_TEXT "Waiting for another program to let go…"

typedef struct
{
  PatellaWindow *window;
  sqlite3       *other;     /* another program, holding the file */
  guint          ticks;     /* of the main loop, while the write waits */
  gboolean       released;
  gboolean       toast_seen;
} Busy;

static gboolean
tick (gpointer data)
{
  ((Busy *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

/* A second into the wait, the other program lets go. */
static gboolean
release (gpointer data)
{
  Busy *busy = data;

  busy->toast_seen = patella_test_find_label (GTK_WIDGET (busy->window), WAITING_TEXT) != NULL;
  g_assert_cmpint (sqlite3_exec (busy->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  busy->released = TRUE;
  return G_SOURCE_REMOVE;
}

static void
busy_database (PatellaApplication *app,
               PatellaWindow      *window,
               gpointer            data)
{
  PatellaTodayPage *page = patella_window_get_today_page (window);
  Busy busy = { window, NULL, 0, FALSE, FALSE };
  gint64 before = 0, after = 0;
  guint ticker;

  g_assert_true (patella_store_count (store_of (window), PATELLA_TABLE_EXERCISE_LOG, &before, NULL));
  g_assert_cmpint (sqlite3_open_v2 (data, &busy.other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (busy.other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  ticker = g_timeout_add (50, tick, &busy);
  g_timeout_add (1000, release, &busy);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-set", "s", "quad-setting"));

  /* The window kept working through the wait, said why, and the set was
   * saved once the other program let go. */
  if (!busy.released)
    sqlite3_exec (busy.other, "COMMIT", NULL, NULL, NULL);
  g_source_remove (ticker);
  sqlite3_close (busy.other);
  g_assert_true (busy.released);
  /* A frozen loop would tick at most once, after the wait (a timeout does
   * not queue the ticks it missed); a few prove the loop ran through it,
   * however busy the machine. */
  g_assert_cmpuint (busy.ticks, >=, 3);
  g_assert_true (busy.toast_seen);
  g_assert_true (patella_store_count (store_of (window), PATELLA_TABLE_EXERCISE_LOG, &after, NULL));
  g_assert_cmpint (after, ==, before + 1);

  patella_test_close_window (GTK_WINDOW (window));
}

/* Smaller item (last): a write that finds the file held by another
 * program waits with the window responsive and a toast saying why, rather
 * than freezing it for up to 5 s. */
static void
test_busy_database (Fixture       *fixture,
                    gconstpointer  data)
{
  patella_test_make_database (fixture->path, 0);
  patella_test_run_app (fixture->path, busy_database, fixture->path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/hostile-ui/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("today", test_today);
  ADD ("history", test_history);
  ADD ("long-note", test_long_note);
  ADD ("rest-note", test_rest_note);
  ADD ("busy-database-window-responsive", test_busy_database);
#undef ADD

  return g_test_run ();
}
