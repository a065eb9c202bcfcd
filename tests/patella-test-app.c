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
  gboolean expired = FALSE;
  /* Slower builds (the sanitizers) say how much slower. */
  const char *scale = g_getenv ("PATELLA_TEST_TIMEOUT_SCALE");
  guint seconds = 10 * CLAMP (scale != NULL ? (guint) g_ascii_strtoull (scale, NULL, 10) : 1, 1, 20);
  guint timeout = g_timeout_add_seconds (seconds, timed_out, &expired);

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
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.ran);
  g_assert_finalize_object (g_steal_pointer (&app));
}
