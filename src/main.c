/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/patella-cli.h"
#include "patella-application.h"
#include "render/patella-report.h"

/* How long a D-Bus-started Patella with no window stays for more calls. */
#define PATELLA_SERVICE_TIMEOUT_MS 10000

int
main (int   argc,
      char *argv[])
{
  g_auto(PatellaOptions) options = { 0 };
  g_autoptr(PatellaApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;
  char *app_argv[2] = { argv[0], NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("patella");

  /* Options are parsed here rather than by GApplication so that a mistake
   * exits with status 2 and the commands never start the user interface. */
  if (!patella_options_parse (&options, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return PATELLA_EXIT_USAGE;
    }

  /* The report draws the charts with cairo (src/render): no GTK, no window. */
  if (options.report != NULL)
    return patella_report_run_cli (&options, stderr);

  if (patella_options_is_command (&options))
    return patella_cli_run (&options, stdout, stderr);

  /* Starting Patella again presents the window already open on the same
   * record; another --database gets a window of its own. Started by D-Bus
   * (DBusActivatable), the call that started it, Activate or a
   * notification's action, says what to do; with no window open, Patella
   * goes again after a few seconds. */
  if (!patella_options_uses_default_database (&options))
    flags = G_APPLICATION_NON_UNIQUE;
  else if (options.service)
    flags = G_APPLICATION_IS_SERVICE;
  app = patella_application_new (options.database, flags);
  if (flags & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (G_APPLICATION (app), PATELLA_SERVICE_TIMEOUT_MS);

  /* At login: no window. Already running, that instance is told so and
   * stays as it is. */
  if (options.background)
    g_object_set (app, "background", TRUE, NULL);

  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
