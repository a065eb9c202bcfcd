/* patella-test-app.c: running the real application in UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-settings.h"
#include "patella-test-app.h"

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
patella_test_wait_for (PatellaTestCondition condition,
                       gpointer             data)
{
  patella_test_wait_for_seconds (condition, data, 10);
}

void
patella_test_wait_for_seconds (PatellaTestCondition condition,
                               gpointer             data,
                               guint                seconds)
{
  gboolean expired = FALSE;
  /* Slower builds (the sanitizers) say how much slower. */
  const char *scale = g_getenv ("PATELLA_TEST_TIMEOUT_SCALE");
  guint timeout;

  seconds *= CLAMP (scale != NULL ? (guint) g_ascii_strtoull (scale, NULL, 10) : 1, 1, 20);
  timeout = g_timeout_add_seconds (seconds, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (timeout);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
patella_test_settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, set_flag, &done);
  patella_test_wait_for (flag_set, &done);
}

static gboolean
is_gone (gpointer data)
{
  return *(GObject **) data == NULL;
}

void
patella_test_close_window (GtkWindow *window)
{
  GObject *weak = G_OBJECT (window);

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  patella_test_wait_for (is_gone, &weak);
}

typedef struct
{
  PatellaTestWindowFunc body;
  gpointer              data;
  gboolean              started;
  gboolean              ran;
} Run;

static void
on_activate (GApplication *application,
             Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  /* Only the first activation runs the test; a second launch activates
   * the application again. */
  if (run->started)
    return;
  run->started = TRUE;

  g_assert_true (PATELLA_IS_WINDOW (window));
  patella_test_wait_for (is_mapped, window);
  run->body (PATELLA_APPLICATION (application), PATELLA_WINDOW (window), run->data);
  run->ran = TRUE;
  g_application_quit (application);
}

void
patella_test_run_app (const char            *database,
                      PatellaTestWindowFunc  body,
                      gpointer               data)
{
  /* Non-unique, so tests running side by side do not find each other. */
  patella_test_run_app_full (database, G_APPLICATION_NON_UNIQUE, body, data);
}

void
patella_test_run_app_full (const char            *database,
                           GApplicationFlags      flags,
                           PatellaTestWindowFunc  body,
                           gpointer               data)
{
  patella_test_run_app_as (database, APP_ID, flags, body, data);
}

void
patella_test_run_app_as (const char            *database,
                         const char            *application_id,
                         GApplicationFlags      flags,
                         PatellaTestWindowFunc  body,
                         gpointer               data)
{
  g_autoptr(PatellaApplication) app = NULL;
  Run run = { body, data, FALSE, FALSE };
  char *argv[] = { (char *) "patella", NULL };

  /* The welcome belongs to a first start; tests of it ask for it. */
  if (g_getenv ("PATELLA_TEST_WELCOME") == NULL)
    {
      g_autoptr(GSettings) settings = patella_settings_new ();

      if (settings != NULL)
        g_settings_set_boolean (settings, "welcome-done", TRUE);
    }

  app = patella_application_new (database, flags);
  g_application_set_application_id (G_APPLICATION (app), application_id);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.ran);
  g_assert_finalize_object (g_steal_pointer (&app));
}

GtkWidget *
patella_test_find_widget (GtkWidget              *root,
                          PatellaTestWidgetMatch  match,
                          gconstpointer           data)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = patella_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GType       type;
  const char *text;
} TypeAndText;

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  const TypeAndText *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->text == NULL || g_strcmp0 (gtk_widget_get_name (widget), wanted->text) == 0);
}

GtkWidget *
patella_test_find_of_type (GtkWidget  *root,
                           GType       type,
                           const char *name)
{
  TypeAndText wanted = { type, name };

  return patella_test_find_widget (root, is_of_type, &wanted);
}

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  const TypeAndText *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), wanted->text) == 0;
}

GtkWidget *
patella_test_find_row (GtkWidget  *root,
                       GType       type,
                       const char *title)
{
  TypeAndText wanted = { type, title };

  g_return_val_if_fail (g_type_is_a (type, ADW_TYPE_PREFERENCES_ROW), NULL);

  return patella_test_find_widget (root, is_row, &wanted);
}

static gboolean
is_exercise_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return PATELLA_IS_EXERCISE_ROW (widget) &&
         g_str_equal (patella_routine_item_get_id (patella_exercise_row_get_item (PATELLA_EXERCISE_ROW (widget))),
                      data);
}

PatellaExerciseRow *
patella_test_find_exercise_row (GtkWidget  *root,
                                const char *exercise_id)
{
  return PATELLA_EXERCISE_ROW (patella_test_find_widget (root, is_exercise_row, exercise_id));
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data);
}

GtkLabel *
patella_test_find_label (GtkWidget  *root,
                         const char *text)
{
  return GTK_LABEL (patella_test_find_widget (root, is_label, text));
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

GtkButton *
patella_test_find_button (GtkWidget  *root,
                          const char *label)
{
  return GTK_BUTTON (patella_test_find_widget (root, is_button, label));
}

GtkWindow *
patella_test_find_window (PatellaTestWidgetMatch match,
                          gconstpointer          data)
{
  /* Transfer none: the list is GTK's own. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      /* Transfer full; the list keeps the window alive once this is dropped. */
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (match (window, data))
        return GTK_WINDOW (window);
    }
  return NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *transient_for;
} Toplevel;

static gboolean
is_toplevel (GtkWidget     *widget,
             gconstpointer  data)
{
  const Toplevel *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->transient_for == NULL || gtk_window_get_transient_for (GTK_WINDOW (widget)) == wanted->transient_for);
}

GtkWindow *
patella_test_find_toplevel (GType      type,
                            GtkWindow *transient_for)
{
  Toplevel wanted = { type, transient_for };

  return patella_test_find_window (is_toplevel, &wanted);
}

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  return g_strcmp0 (gtk_window_get_title (GTK_WINDOW (widget)), data) == 0;
}

GtkWindow *
patella_test_find_titled (const char *title)
{
  return patella_test_find_window (is_titled, title);
}

static gboolean
titled_mapped (gpointer data)
{
  GtkWindow *window = patella_test_find_titled (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

GtkWindow *
patella_test_wait_for_titled (const char *title)
{
  patella_test_wait_for (titled_mapped, (gpointer) title);
  return patella_test_find_titled (title);
}
