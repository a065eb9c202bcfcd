/* patella-first-frame.c: report when a window first paints, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With PATELLA_FIRST_FRAME=1 in the environment, the first time the window's
 * frame clock finishes painting, one line goes to standard output:
 *
 *   first-frame monotonic-us=N peak-rss-kb=N
 *
 * N is g_get_monotonic_time() at that moment (CLOCK_MONOTONIC, which the
 * benchmark also reads before it starts the process) and the process's peak
 * resident size so far; then the application quits. Patella and the minimal
 * reference window in tools/ both call this, so both are measured alike.
 * Without the variable it does nothing.
 */
#include "config.h"

#include "patella-first-frame.h"

#include <stdio.h>

/* VmHWM from /proc/self/status: the peak resident set size, in KiB. */
static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();
  GtkApplication *application = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  printf ("first-frame monotonic-us=%" G_GINT64_FORMAT " peak-rss-kb=%" G_GINT64_FORMAT "\n",
          now, peak_rss_kb ());
  fflush (stdout);

  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  else
    gtk_window_destroy (window);
}

static void
realized (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_handlers_disconnect_by_func (window, realized, NULL);
  g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                           G_CALLBACK (after_paint), window, 0);
}

/**
 * patella_first_frame_watch:
 * @window: a window not yet shown
 *
 * Reports @window's first painted frame when PATELLA_FIRST_FRAME=1 is set.
 */
void
patella_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("PATELLA_FIRST_FRAME"), "1") != 0)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    {
      g_warning ("patella_first_frame_watch() needs a window that is not yet realized");
      return;
    }
  g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
}
