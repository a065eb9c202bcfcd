/* test-a11y.c: every control named for screen readers and reached by keyboard
 *
 * Walks the widgets of each window the runner meets, with a record of
 * every kind in the database, through GTK's accessible test API
 * (GTK_A11Y=test): each control on screen has an accessible name, and the
 * keyboard's focus reaches it. The shortcuts window lists every shortcut.
 * PATELLA_A11Y_VERBOSE=1 lists every control checked with its name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-day.h"
#include "patella-a11y.h"
#include "patella-chart.h"
#include "render/patella-chart-render.h"
#include "patella-entry-dialog.h"
#include "patella-exercise-row.h"
#include "patella-history-page.h"
#include "patella-progress-page.h"
#include "patella-routine-editor.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-timer-window.h"
#include "patella-today-page.h"

typedef PatellaTestFiles Fixture;

/* Two weeks of a record with every kind of entry, and a run today that hurt,
 * so that the Today page shows a warning. */
static void
make_record (const char *path)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  for (int back = 14; back >= 1; back--)
    {
      g_autofree char *day = patella_day_add (today, -back);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, back % 4, PATELLA_PAIN_MORNING, "stiff", &error), >, 0);
      if (back % 2 == 0)
        g_assert_cmpint (patella_store_log_run (store, day, NULL, 30, 5.0, 4, 2, NULL, &error), >, 0);
      if (back % 5 == 0)
        g_assert_true (patella_store_set_rest_day (store, day, PATELLA_REST_DAY_SICK, "cold", &error));
      else
        g_assert_cmpint (patella_store_log_exercise (store, day, NULL, "quad-setting", 3, 0, NULL, &error), >, 0);
    }
  g_assert_cmpint (patella_store_log_exercise (store, today, NULL, "squat", 1, 10, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, today, NULL, 6, PATELLA_PAIN_STAIRS, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, today, NULL, 45, 8.0, 7, 7, "sore", &error), >, 0);
  g_assert_no_error (error);
}

/* ---- Walking the widgets ---- */

typedef struct
{
  const char *where;
  GString    *problems;   /* one paragraph per unnamed control */
  GPtrArray  *controls;   /* the controls the keyboard must reach */
  guint       n_checked;
} Audit;

static gboolean
is_control (GtkWidget *widget)
{
  const GType types[] = {
    GTK_TYPE_BUTTON,        /* and GtkToggleButton, GtkLinkButton */
    GTK_TYPE_MENU_BUTTON,
    GTK_TYPE_CHECK_BUTTON,
    GTK_TYPE_SWITCH,
    GTK_TYPE_SPIN_BUTTON,
    GTK_TYPE_ENTRY,
    GTK_TYPE_PASSWORD_ENTRY,
    GTK_TYPE_SEARCH_ENTRY,
    GTK_TYPE_TEXT,
    GTK_TYPE_TEXT_VIEW,
    GTK_TYPE_SCALE,
    GTK_TYPE_DROP_DOWN,
    GTK_TYPE_CALENDAR,
    ADW_TYPE_COMBO_ROW,
    ADW_TYPE_ENTRY_ROW,
    PATELLA_TYPE_CHART,     /* focusable: the arrow keys walk its days */
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (widget, types[i]))
      return TRUE;
  return FALSE;
}

/* Parts of a control that a screen reader meets as the control itself: a
 * menu button's inner toggle, an entry's or spin button's inner text. The
 * owner is checked in their place. */
static gboolean
is_part_of_owner (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (parent))
    return TRUE;
  if (GTK_IS_TEXT (widget))
    for (GtkWidget *owner = parent; owner != NULL; owner = gtk_widget_get_parent (owner))
      if (GTK_IS_EDITABLE (owner) &&
          gtk_editable_get_delegate (GTK_EDITABLE (owner)) == GTK_EDITABLE (widget))
        return TRUE;
  return FALSE;
}

/* The accessible label, or NULL when unset or empty. */
static char *
accessible_label (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* check_property() gives back the value when it differs from "". */
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

static gboolean
shows_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child))
      return TRUE;
  return FALSE;
}

/* GTK 4.8 labels every button by its content, an icon too: that relation
 * names the button only when the content has a name of its own. */
static gboolean
is_labelled_by_other (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *content = NULL;
  g_autofree char *differs = NULL;
  g_autofree char *content_label = NULL;

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  if (GTK_IS_BUTTON (widget))
    content = gtk_button_get_child (GTK_BUTTON (widget));
  if (content == NULL)
    return TRUE;
  differs = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, content, NULL);
  if (differs != NULL)
    return TRUE;
  content_label = accessible_label (content);
  return content_label != NULL;
}

static gboolean
has_name (GtkWidget *widget)
{
  g_autofree char *label = accessible_label (widget);

  if (label != NULL)
    return TRUE;
  if (is_labelled_by_other (widget))
    return TRUE;
  /* GTK names a button after the label it shows. */
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && shows_label (widget))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL &&
      gtk_check_button_get_label (GTK_CHECK_BUTTON (widget))[0] != '\0')
    return TRUE;
  /* An editable is named through its owner or through its inner text. */
  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) != NULL &&
      gtk_editable_get_delegate (GTK_EDITABLE (widget)) != GTK_EDITABLE (widget))
    return has_name (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget))));
  return FALSE;
}

/* Enough about @widget to find it in the code. */
static void
describe (GString   *out,
          GtkWidget *widget)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_string_append_printf (out, "  %s (css %s", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_css_name (widget));
  for (guint i = 0; classes[i] != NULL; i++)
    g_string_append_printf (out, ".%s", classes[i]);
  g_string_append (out, ")");
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_string_append_printf (out, " action %s", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " icon %s", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (tooltip != NULL)
    g_string_append_printf (out, " tooltip \"%s\"", tooltip);
  if (row != NULL)
    g_string_append_printf (out, " in row \"%s\"", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_string_append (out, "\n    in");
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget); ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    g_string_append_printf (out, " %s", G_OBJECT_TYPE_NAME (ancestor));
  g_string_append (out, "\n");
}

/* Whether @widget, or a part of it, can hold the focus. */
static gboolean
can_focus (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) || !gtk_widget_get_can_focus (widget))
    return FALSE;
  if (gtk_widget_get_focusable (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child) && can_focus (child))
      return TRUE;
  return FALSE;
}

static void
audit_widget (Audit     *audit,
              GtkWidget *widget,
              gboolean   in_popover)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget) && !is_part_of_owner (widget) &&
      (gtk_widget_is_sensitive (widget) || gtk_widget_get_focusable (widget)))
    {
      audit->n_checked++;
      if (!has_name (widget))
        describe (audit->problems, widget);
      else if (g_getenv ("PATELLA_A11Y_VERBOSE") != NULL)
        {
          g_autofree char *label = accessible_label (widget);
          g_autoptr(GString) text = g_string_new (NULL);

          describe (text, widget);
          g_test_message ("named \"%s\"%s:\n%s", label ? label : "",
                          is_labelled_by_other (widget) ? " (labelled-by)" : "", text->str);
        }
      /* A popover's controls are reached by opening it. */
      if (!in_popover && can_focus (widget))
        g_ptr_array_add (audit->controls, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    audit_widget (audit, child, in_popover || GTK_IS_POPOVER (child));
}

/* Moves the focus as Tab, Shift+Tab or an arrow key does, wrapping at the end. */
static void
move_focus (GtkWindow        *window,
            GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), direction);
    }
}

/* Every widget the focus can get to from none, by Tab and the arrow keys. */
static GHashTable *
focus_reach (GtkWindow *window)
{
  static const GtkDirectionType directions[] = {
    GTK_DIR_TAB_FORWARD, GTK_DIR_TAB_BACKWARD, GTK_DIR_UP, GTK_DIR_DOWN, GTK_DIR_LEFT, GTK_DIR_RIGHT,
  };
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  GtkWidget *start = gtk_window_get_focus (window);

  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      GtkWidget *focus;

      gtk_window_set_focus (window, NULL);
      move_focus (window, directions[d]);
      focus = gtk_window_get_focus (window);
      if (focus != NULL && g_hash_table_add (seen, focus))
        g_ptr_array_add (queue, focus);
    }

  for (guint i = 0; i < queue->len; i++)
    for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
      {
        GtkWidget *focus;

        if (!gtk_widget_grab_focus (g_ptr_array_index (queue, i)))
          break;
        move_focus (window, directions[d]);
        focus = gtk_window_get_focus (window);
        if (focus != NULL && g_hash_table_add (seen, focus))
          g_ptr_array_add (queue, focus);
      }

  gtk_window_set_focus (window, start);
  return seen;
}

static gboolean
is_reached (GHashTable *reached,
            GtkWidget  *control)
{
  GHashTableIter iter;
  gpointer focus;

  g_hash_table_iter_init (&iter, reached);
  while (g_hash_table_iter_next (&iter, &focus, NULL))
    if (focus == control || gtk_widget_is_ancestor (focus, control))
      return TRUE;
  return FALSE;
}

/* Every control on screen under @root has a name and the keyboard gets to it. */
static void
audit (const char *where,
       GtkWidget  *root)
{
  Audit audit = { where, g_string_new (NULL), g_ptr_array_new (), 0 };
  g_autoptr(GHashTable) reached = NULL;
  g_autoptr(GString) unreached = g_string_new (NULL);
  g_autofree char *problems = NULL;

  g_assert_true (gtk_widget_get_mapped (root));
  audit_widget (&audit, root, GTK_IS_POPOVER (root));

  if (GTK_IS_WINDOW (root))
    {
      reached = focus_reach (GTK_WINDOW (root));
      for (guint i = 0; i < audit.controls->len; i++)
        if (!is_reached (reached, g_ptr_array_index (audit.controls, i)))
          describe (unreached, g_ptr_array_index (audit.controls, i));
    }

  g_test_message ("%s: %u controls checked for a name, %u for keyboard reach", where, audit.n_checked,
                  audit.controls->len);
  g_assert_cmpuint (audit.n_checked, >, 0);

  problems = g_string_free (audit.problems, FALSE);
  if (problems[0] != '\0')
    g_test_message ("%s: controls without an accessible name:\n%s", where, problems);
  g_assert_cmpstr (problems, ==, "");
  if (unreached->len > 0)
    g_test_message ("%s: controls the keyboard does not reach:\n%s", where, unreached->str);
  g_assert_cmpstr (unreached->str, ==, "");

  g_ptr_array_unref (audit.controls);
}

/* ---- Finding widgets and windows ---- */

typedef struct
{
  const char *action_name;
  const char *target;   /* a string target, or NULL for any */
} Action;

static gboolean
is_actionable (GtkWidget     *widget,
               gconstpointer  data)
{
  const Action *action = data;
  GVariant *value;

  if (!GTK_IS_ACTIONABLE (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action->action_name) != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return action->target == NULL ||
         (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
          g_str_equal (g_variant_get_string (value, NULL), action->target));
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name,
                 const char *target)
{
  Action action = { action_name, target };

  return patella_test_find_widget (widget, is_actionable, &action);
}

static gboolean
is_shown_of_type (GtkWidget     *widget,
                  gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data)) && gtk_widget_get_visible (widget);
}

/* The shown toplevel window of @type. */
static GtkWidget *
find_toplevel (GType type)
{
  return GTK_WIDGET (patella_test_find_window (is_shown_of_type, GSIZE_TO_POINTER (type)));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
progress_loaded (gpointer data)
{
  return patella_progress_page_get_progress (data) != NULL;
}

static gboolean
history_built (gpointer data)
{
  return patella_history_page_get_n_days_built (data) > 0;
}

/* Opens @button's popover and checks what is in it. */
static void
audit_popover (const char *where,
               GtkWidget  *button)
{
  GtkPopover *popover;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  patella_test_wait_for (is_mapped, popover);
  audit (where, GTK_WIDGET (popover));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static void
assert_label (GtkWidget  *widget,
              const char *label)
{
  g_assert_nonnull (widget);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

/* A button whose accessible label is @data. */
static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  g_autofree char *own = GTK_IS_BUTTON (widget) ? accessible_label (widget) : NULL;

  return g_strcmp0 (own, data) == 0;
}

/* The calendar's arrows, named by the app for GTK 4.8, do what they say. */
static void
check_calendar_arrows (GtkCalendar *calendar)
{
  static const struct { const char *label; int months; } arrows[] = {
    { "Previous Month", -1 }, { "Next Month", 1 }, { "Previous Year", -12 }, { "Next Year", 12 },
  };

  assert_label (GTK_WIDGET (calendar), "Day");
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      GtkWidget *arrow = patella_test_find_widget (GTK_WIDGET (calendar), is_labelled, arrows[i].label);
      g_autoptr(GDateTime) before = gtk_calendar_get_date (calendar);
      g_autoptr(GDateTime) after = NULL;

      g_assert_nonnull (arrow);
      g_signal_emit_by_name (arrow, "clicked");
      after = gtk_calendar_get_date (calendar);
      g_assert_cmpint ((g_date_time_get_year (after) - g_date_time_get_year (before)) * 12 +
                       g_date_time_get_month (after) - g_date_time_get_month (before), ==, arrows[i].months);
    }
}

/* ---- The windows ---- */

static void
main_window (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  PatellaTodayPage *today = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (today);
  PatellaExerciseRow *quad = patella_test_find_exercise_row (GTK_WIDGET (today), "quad-setting");
  PatellaExerciseRow *stretch = patella_test_find_exercise_row (GTK_WIDGET (today), "hamstring-stretch");
  const char *quad_name = patella_routine_item_get_name (patella_day_plan_find (plan, "quad-setting"));
  const char *stretch_name = patella_routine_item_get_name (patella_day_plan_find (plan, "hamstring-stretch"));
  g_autofree char *log_label = g_strdup_printf ("Log a set of %s", quad_name);
  g_autofree char *timer_label = g_strdup_printf ("Start the timer for %s", stretch_name);
  GtkWidget *header_button, *log_button, *day_button, *warning;

  /* Today, with an exercise and a warning opened up. */
  g_assert_nonnull (quad);
  g_assert_cmpstr (quad_name, ==, "Quadriceps setting");
  patella_exercise_row_set_expanded (quad, TRUE);
  g_assert_cmpuint (patella_today_page_get_n_warnings (today), >, 0);
  warning = patella_test_find_of_type (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (today), PATELLA_TYPE_TODAY_PAGE, "warnings_list")),
                                       ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_nonnull (warning);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (warning), TRUE);
  audit ("Today page", GTK_WIDGET (window));

  /* The roles and names a screen reader announces. */
  log_button = find_actionable (GTK_WIDGET (quad), "today.log-set", "quad-setting");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (log_button), GTK_ACCESSIBLE_ROLE_BUTTON);
  assert_label (log_button, log_label);
  assert_label (find_actionable (GTK_WIDGET (stretch), "today.start-timer", "hamstring-stretch"), timer_label);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find_actionable (GTK_WIDGET (today), "today.previous-day", NULL)),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  assert_label (find_actionable (GTK_WIDGET (today), "today.previous-day", NULL), "Previous Day");
  assert_label (find_actionable (GTK_WIDGET (today), "today.next-day", NULL), "Next Day");
  header_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "log_menu_button"));
  assert_label (header_button, "Log Pain or a Run");
  header_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "primary_menu_button"));
  assert_label (header_button, "Main Menu");
  /* The status icons are decoration: the count says it in words. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (patella_test_find_of_type (GTK_WIDGET (quad), GTK_TYPE_IMAGE, NULL)),
                                   GTK_ACCESSIBLE_ROLE_PRESENTATION);

  /* The day's calendar. */
  day_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (today), PATELLA_TYPE_TODAY_PAGE, "day_button"));
  audit_popover ("Today's calendar", day_button);

  /* Progress: the charts are images with their content in words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  patella_test_wait_for (progress_loaded, patella_window_get_progress_page (window));
  audit ("Progress page", GTK_WIDGET (window));
  {
    static const char *const titles[PATELLA_N_CHARTS] = { "Pain", "Running Load", "Routine" };
    PatellaProgressPage *page = patella_window_get_progress_page (window);
    PatellaProgress *progress = patella_progress_page_get_progress (page);

    for (guint k = 0; k < PATELLA_N_CHARTS; k++)
      {
        GtkWidget *chart = patella_progress_page_get_chart (page, (PatellaChartKind) k);
        g_autofree char *summary = patella_chart_describe ((PatellaChartKind) k, progress);

        gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
        assert_label (chart, titles[k]);
        g_assert_nonnull (summary);
        g_assert_cmpstr (summary, !=, "");
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
      }
  }

  /* History: edit and delete buttons say which entry they are for. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  patella_test_wait_for (history_built, patella_window_get_history_page (window));
  audit ("History page", GTK_WIDGET (window));
  {
    GtkWidget *edit = find_actionable (GTK_WIDGET (patella_window_get_history_page (window)), "history.edit", NULL);
    g_autofree char *label = accessible_label (edit);

    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_ROLE_BUTTON);
    g_assert_true (g_str_has_prefix (label, "Edit: "));
  }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_main_window (Fixture       *fixture,
                  gconstpointer  data)
{
  make_record (fixture->path);
  patella_test_run_app (fixture->path, main_window, NULL);
}

/* The entry dialog @action opens, on screen and audited as @what. */
static GtkWidget *
open_entry_dialog (PatellaWindow *window,
                   const char    *action,
                   const char    *what)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = find_toplevel (PATELLA_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  patella_test_wait_for (is_mapped, dialog);
  audit (what, dialog);
  return dialog;
}

static void
entry_dialogs (PatellaApplication *app,
               PatellaWindow      *window,
               gpointer            data)
{
  GtkWidget *dialog, *scale, *day_button;

  /* Pain: the score is a slider named for what it measures. */
  dialog = open_entry_dialog (window, "win.log-pain", "Log Pain");
  scale = patella_test_find_of_type (dialog, GTK_TYPE_SCALE, NULL);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_ROLE_SLIDER);
  assert_label (scale, "Pain score, 0 to 10");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 10.0);
  day_button = patella_test_find_of_type (dialog, GTK_TYPE_MENU_BUTTON, NULL);
  audit_popover ("Log Pain's calendar", day_button);
  check_calendar_arrows (GTK_CALENDAR (patella_test_find_of_type (dialog, GTK_TYPE_CALENDAR, NULL)));
  patella_test_close_window (GTK_WINDOW (dialog));

  /* A run: two scales and the switch for pain during it. */
  dialog = open_entry_dialog (window, "win.log-run", "Log Run");
  scale = patella_test_find_of_type (dialog, GTK_TYPE_SCALE, NULL);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_ROLE_SLIDER);
  assert_label (scale, "Effort, 0 to 10");
  {
    GtkWidget *hurt = patella_test_find_of_type (dialog, GTK_TYPE_SWITCH, NULL);

    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (hurt), GTK_ACCESSIBLE_ROLE_SWITCH);
    g_assert_true (has_name (hurt));
  }
  patella_test_close_window (GTK_WINDOW (dialog));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_entry_dialogs (Fixture       *fixture,
                    gconstpointer  data)
{
  make_record (fixture->path);
  patella_test_run_app (fixture->path, entry_dialogs, NULL);
}

static void
other_windows (PatellaApplication *app,
               PatellaWindow      *window,
               gpointer            data)
{
  PatellaTodayPage *today = patella_window_get_today_page (window);
  GtkWidget *editor, *timer, *rest, *row;

  /* The routine editor, with a built-in and a runner's own exercise open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", NULL));
  editor = find_toplevel (PATELLA_TYPE_ROUTINE_EDITOR);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (patella_test_find_row (editor, ADW_TYPE_ENTRY_ROW, "Name")), "Step-ups");
  g_assert_true (gtk_widget_activate_action (editor, "editor.add", NULL));
  patella_test_wait_for (is_mapped, editor);
  row = patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Quadriceps setting");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  patella_test_wait_for (is_mapped, patella_test_find_of_type (row, GTK_TYPE_SPIN_BUTTON, NULL));
  row = patella_test_find_row (editor, ADW_TYPE_EXPANDER_ROW, "Step-ups");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  patella_test_wait_for (is_mapped, patella_test_find_of_type (row, GTK_TYPE_SPIN_BUTTON, NULL));
  audit ("Routine editor", editor);
  assert_label (patella_test_find_of_type (row, GTK_TYPE_SWITCH, NULL), "Include Step-ups in the routine");
  assert_label (find_actionable (row, "editor.move-up", "step-ups"), "Move Step-ups up");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (patella_test_find_of_type (row, GTK_TYPE_SPIN_BUTTON, NULL)),
                                   GTK_ACCESSIBLE_ROLE_SPIN_BUTTON);
  assert_label (patella_test_find_of_type (row, GTK_TYPE_SPIN_BUTTON, NULL), "Sets per day");
  patella_test_close_window (GTK_WINDOW (editor));

  /* The timer, from an exercise row's timer button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.start-timer", "s", "hamstring-stretch"));
  timer = GTK_WIDGET (patella_today_page_get_timer (today));
  g_assert_nonnull (timer);
  patella_test_wait_for (is_mapped, timer);
  audit ("Timer", timer);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find_actionable (timer, "timer.toggle", NULL)),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  patella_test_close_window (GTK_WINDOW (timer));

  /* The rest-day question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.mark-rest-day", NULL));
  rest = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (rest);
  patella_test_wait_for (is_mapped, rest);
  audit ("Rest day", rest);
  assert_label (patella_test_find_of_type (rest, GTK_TYPE_ENTRY, NULL), "Note");
  patella_test_close_window (GTK_WINDOW (rest));

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_other_windows (Fixture       *fixture,
                    gconstpointer  data)
{
  make_record (fixture->path);
  patella_test_run_app (fixture->path, other_windows, NULL);
}

/* ---- Shortcuts ---- */

typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  char            *action;
  const char      *window;
} Trigger;

static void
trigger_free (Trigger *trigger)
{
  g_free (trigger->action);
  g_free (trigger);
}

static void
add_trigger (GPtrArray       *triggers,
             guint            keyval,
             GdkModifierType  modifiers,
             const char      *action,
             const char      *window)
{
  Trigger *trigger = g_new0 (Trigger, 1);

  trigger->keyval = gdk_keyval_to_lower (keyval);
  trigger->modifiers = modifiers;
  trigger->action = g_strdup (action);
  trigger->window = window;
  g_ptr_array_add (triggers, trigger);
}

/* The key shortcuts @window's class and controllers carry to actions of the
 * app's own (GTK's own, such as Tab moving the focus, are signals). */
static void
add_window_triggers (GPtrArray  *triggers,
                     GtkWidget  *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action))
            add_trigger (triggers,
                         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)),
                         gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         G_OBJECT_TYPE_NAME (window));
        }
    }
}

typedef struct
{
  char *title;
  char *accelerator;
  char *action;
} Listed;

static void
listed_free (Listed *listed)
{
  g_free (listed->title);
  g_free (listed->accelerator);
  g_free (listed->action);
  g_free (listed);
}

/* What the shortcuts window lists, from the resource the window builds it from. */
static GPtrArray *
load_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/patella/Patella/patella-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GPtrArray *listed = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_free);
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        Listed *item = g_new0 (Listed, 1);

        g_object_get (l->data,
                      "title", &item->title,
                      "accelerator", &item->accelerator,
                      "action-name", &item->action,
                      NULL);
        g_ptr_array_add (listed, item);
      }
  gtk_window_destroy (overlay);
  return listed;
}

/* Whether @accelerators ("<ctrl>e" or several, space-separated) holds the key. */
static gboolean
accelerators_hold (const char      *accelerators,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_auto(GStrv) parts = g_strsplit (accelerators ? accelerators : "", " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint listed_keyval;
      GdkModifierType listed_modifiers;

      if (gtk_accelerator_parse (parts[i], &listed_keyval, &listed_modifiers) &&
          gdk_keyval_to_lower (listed_keyval) == keyval && listed_modifiers == modifiers)
        return TRUE;
    }
  return FALSE;
}

static gboolean
app_accels_hold (GtkApplication  *app,
                 const char      *action,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  for (guint i = 0; accels[i] != NULL; i++)
    if (accelerators_hold (accels[i], keyval, modifiers))
      return TRUE;
  return FALSE;
}

static void
collect_menu_actions (GMenuModel *menu,
                      GPtrArray  *actions)
{
  g_assert_true (G_IS_MENU_MODEL (menu));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      char *action = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_menu_actions (link, actions);
        }
    }
}

static void
shortcuts (PatellaApplication *app,
           PatellaWindow      *window,
           gpointer            data)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  g_autoptr(GPtrArray) listed = load_help_overlay ();
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (gtk_app);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) unknown = g_string_new (NULL);
  GtkWidget *dialog, *timer, *primary;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_window_close (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));

  /* The application's accelerators... */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (gtk_app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &modifiers));
          add_trigger (triggers, keyval, modifiers, actions[i], "application");
        }
    }

  /* ...and the keys each window binds, the dialogs' too. */
  add_window_triggers (triggers, GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL));
  dialog = find_toplevel (PATELLA_TYPE_ENTRY_DIALOG);
  add_window_triggers (triggers, dialog);
  patella_test_close_window (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patella_window_get_today_page (window)),
                                             "today.start-timer", "s", "hamstring-stretch"));
  timer = GTK_WIDGET (patella_today_page_get_timer (patella_window_get_today_page (window)));
  add_window_triggers (triggers, timer);
  patella_test_close_window (GTK_WINDOW (timer));

  /* The bindings this test knows the code for: the search above must find them. */
  {
    static const struct { const char *accel; const char *action; } known[] = {
      { "<Control>l", "win.log-pain" },
      { "<Control>r", "win.log-run" },
      { "<Control>e", "win.edit-routine" },
      { "<Alt>Left", "win.previous-day" },
      { "<Alt>Right", "win.next-day" },
      { "<Alt>Home", "win.go-today" },
      { "<Alt>1", "win.page" },
      { "<Control>Return", "entry.save" },
      { "Escape", "window.close" },
      { "space", "timer.toggle" },
      { "<Control>q", "app.quit" },
      { "<Control>w", "window.close" },
      { "<Control>comma", "app.preferences" },
    };

    for (guint k = 0; k < G_N_ELEMENTS (known); k++)
      {
        guint keyval;
        GdkModifierType modifiers;
        gboolean found = FALSE;

        g_assert_true (gtk_accelerator_parse (known[k].accel, &keyval, &modifiers));
        for (guint i = 0; i < triggers->len && !found; i++)
          {
            Trigger *t = g_ptr_array_index (triggers, i);

            found = t->keyval == gdk_keyval_to_lower (keyval) && t->modifiers == modifiers &&
                    g_str_has_prefix (t->action, known[k].action);
          }
        if (!found)
          g_test_message ("%s for %s is not bound", known[k].accel, known[k].action);
        g_assert_true (found);
      }
  }

  /* Each of them is in the shortcuts window, by its keys or its action. */
  for (guint i = 0; i < triggers->len; i++)
    {
      Trigger *t = g_ptr_array_index (triggers, i);
      gboolean found = FALSE;

      for (guint j = 0; j < listed->len && !found; j++)
        {
          Listed *item = g_ptr_array_index (listed, j);

          found = accelerators_hold (item->accelerator, t->keyval, t->modifiers) ||
                  (item->action != NULL && g_str_equal (item->action, t->action) &&
                   app_accels_hold (gtk_app, item->action, t->keyval, t->modifiers));
        }
      if (!found)
        {
          g_autofree char *accel = gtk_accelerator_name (t->keyval, t->modifiers);

          g_string_append_printf (missing, "  %s -> %s (%s)\n", accel, t->action, t->window);
        }
    }
  if (missing->len > 0)
    g_test_message ("shortcuts missing from patella-shortcuts-window.ui:\n%s", missing->str);
  g_assert_cmpstr (missing->str, ==, "");

  /* Every action of the window's own is reached by a key or from a menu;
   * those with a value come from a control (a toast's Undo, a chart's day). */
  {
    g_autoptr(GPtrArray) in_menus = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GString) unreached = g_string_new (NULL);
    GType owner;
    const char *name, *property;
    const GVariantType *parameter_type;

    collect_menu_actions (G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW,
                                                                       "log_menu")), in_menus);
    collect_menu_actions (G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW,
                                                                       "primary_menu")), in_menus);
    for (guint i = 0;
         gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &parameter_type, &property);
         i++)
      {
        gboolean found;

        if (owner != PATELLA_TYPE_WINDOW || (parameter_type != NULL && property == NULL))
          continue;
        found = g_ptr_array_find_with_equal_func (in_menus, name, g_str_equal, NULL);
        for (guint t = 0; t < triggers->len && !found; t++)
          found = g_str_equal (((Trigger *) g_ptr_array_index (triggers, t))->action, name);
        if (!found)
          g_string_append_printf (unreached, " %s", name);
      }
    if (unreached->len > 0)
      g_test_message ("window actions with neither a key nor a menu item:%s", unreached->str);
    g_assert_cmpstr (unreached->str, ==, "");
  }

  /* And it lists nothing that does not work. F10 opens the primary menu. */
  primary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PATELLA_TYPE_WINDOW, "primary_menu_button"));
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (primary)));
  add_trigger (triggers, GDK_KEY_F10, 0, "primary menu", "PatellaWindow");
  for (guint j = 0; j < listed->len; j++)
    {
      Listed *item = g_ptr_array_index (listed, j);

      if (item->action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (gtk_app, item->action);

          if (accels[0] == NULL)
            g_string_append_printf (unknown, "  \"%s\": %s has no accelerator\n", item->title, item->action);
        }
      else
        {
          gboolean found = FALSE;

          for (guint i = 0; i < triggers->len && !found; i++)
            {
              Trigger *t = g_ptr_array_index (triggers, i);

              found = accelerators_hold (item->accelerator, t->keyval, t->modifiers);
            }
          if (!found)
            g_string_append_printf (unknown, "  \"%s\": %s is bound to nothing\n", item->title, item->accelerator);
        }
    }
  if (unknown->len > 0)
    g_test_message ("patella-shortcuts-window.ui lists:\n%s", unknown->str);
  g_assert_cmpstr (unknown->str, ==, "");

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  patella_test_run_app (fixture->path, shortcuts, NULL);
}

/* A mnemonic label's words, as a screen reader should say them. */
static void
test_strip_mnemonic (void)
{
  const char *cases[][2] = {
    { "_Quit", "Quit" }, { "Log _Pain…", "Log Pain…" }, { "Show the Numbers as a _Table", "Show the Numbers as a Table" },
    { "snake__case", "snake_case" }, { "no mnemonic", "no mnemonic" }, { "_", "" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = patella_a11y_strip_mnemonic (cases[i][0]);

      g_assert_cmpstr (words, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/a11y/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("main-window", test_main_window);
  ADD ("entry-dialogs", test_entry_dialogs);
  ADD ("other-windows", test_other_windows);
  ADD ("shortcuts", test_shortcuts);
#undef ADD
  g_test_add_func ("/a11y/strip-mnemonic", test_strip_mnemonic);

  return g_test_run ();
}
