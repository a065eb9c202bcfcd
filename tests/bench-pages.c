/* bench-pages.c: how long the next frame takes when a user changes page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-pages --database=DB FIGURE
 *
 * Runs the real window on DB (as the UI tests do), waits until it has
 * painted and settled, then does what FIGURE names and prints the time from
 * the action to the end of the next painted frame, in milliseconds:
 *
 *   progress-all  on Progress (opened and painted first), the range "All";
 *   history       from Today, the History page's first screen (built then).
 *
 * tools/benchmark.py runs it once per sample, in a fresh process, so that
 * each sample is what a user feels the first time.
 */
#include "config.h"

#include <stdio.h>

#include "patella-progress-page.h"
#include "patella-test-app.h"

typedef struct
{
  gint64 painted_at;
  guint  frames;
} Paint;

static void
after_paint (GdkFrameClock *clock,
             Paint         *paint)
{
  paint->painted_at = g_get_monotonic_time ();
  paint->frames++;
}

static gboolean
painted (gpointer data)
{
  return ((Paint *) data)->frames > 0;
}

static gboolean
waited (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets the window finish what it started (idle work, a frame or two). */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  guint timeout = g_timeout_add (50, wake, NULL);

  patella_test_wait_for (waited, &until);
  g_source_remove (timeout);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef void (*Action) (PatellaWindow *window);

/* Milliseconds from @action to the end of the next painted frame. */
static double
next_frame_ms (PatellaWindow *window,
               Action         action)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Paint paint = { 0, 0 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &paint);
  gint64 start = g_get_monotonic_time ();

  action (window);
  patella_test_wait_for (painted, &paint);
  g_signal_handler_disconnect (clock, handler);
  return (paint.painted_at - start) / 1000.0;
}

static void
open_progress (PatellaWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
}

static void
open_history (PatellaWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
}

static void
range_all (PatellaWindow *window)
{
  GtkWidget *page = patella_test_find_of_type (GTK_WIDGET (window), PATELLA_TYPE_PROGRESS_PAGE, NULL);

  g_assert_nonnull (page);
  patella_progress_page_set_range (PATELLA_PROGRESS_PAGE (page), PATELLA_RANGE_ALL);
}

static void
measure (PatellaApplication *app,
         PatellaWindow      *window,
         gpointer            data)
{
  const char *figure = data;
  double ms;

  settle ();
  if (g_str_equal (figure, "progress-all"))
    {
      next_frame_ms (window, open_progress);
      settle ();
      ms = next_frame_ms (window, range_all);
    }
  else
    ms = next_frame_ms (window, open_history);
  printf ("%s ms=%.3f\n", figure, ms);
  fflush (stdout);
  patella_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *database;

  gtk_init ();
  if (argc != 3 || !g_str_has_prefix (argv[1], "--database=") ||
      !(g_str_equal (argv[2], "progress-all") || g_str_equal (argv[2], "history")))
    {
      fprintf (stderr, "usage: bench-pages --database=DB progress-all|history\n");
      return 2;
    }
  database = argv[1] + strlen ("--database=");
  patella_test_run_app (database, measure, argv[2]);
  return 0;
}
