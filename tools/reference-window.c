/* reference-window.c: the smallest libadwaita window, for start-up benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What any libadwaita application pays to show a window: an application on
 * the session bus, a window of Patella's default size with a header bar and
 * a status page. tools/benchmark measures it exactly as it measures
 * Patella (see src/patella-first-frame.c) and quotes Patella's start-up
 * against it.
 */
#include "config.h"

#include <adwaita.h>

#include "patella-first-frame.h"

static void
activate (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Patella reference window");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);

  patella_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application =
    adw_application_new (APP_ID ".ReferenceWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (application, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
