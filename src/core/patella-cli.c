/* patella-cli.c: the command-line options that run without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-cli.h"
#include "patella-store.h"

void
patella_options_clear (PatellaOptions *options)
{
  g_clear_pointer (&options->database, g_free);
}

gboolean
patella_options_parse (PatellaOptions   *options,
                       int              *argc,
                       char           ***argv,
                       GError          **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *database = NULL;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use FILE as the database instead of the default one"), N_("FILE") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &options->check,
      N_("Open (or create) the database, verify it, print what it holds, and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("A daily rehab checklist and pain and run log for runner’s knee."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, local_error->code,
                   _("%s\nRun “%s --help” to see the options."),
                   local_error->message, g_get_prgname ());
      return FALSE;
    }

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”.\nRun “%s --help” to see the options."),
                   (*argv)[1], g_get_prgname ());
      return FALSE;
    }

  if (database != NULL && database[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--database needs a file name.\nRun “%s --help” to see the options."),
                   g_get_prgname ());
      return FALSE;
    }

  options->database = g_steal_pointer (&database);
  return TRUE;
}

gboolean
patella_options_is_command (const PatellaOptions *options)
{
  return options->version || options->check;
}

int
patella_cli_check (const char *database,
                   FILE       *out,
                   FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;

  if (database == NULL)
    database = default_path = patella_store_default_path ();

  store = patella_store_open (database, &error);
  if (store == NULL || !patella_store_verify (store, &error))
    {
      fprintf (err, "%s: %s\n", g_get_prgname (), error->message);
      return PATELLA_EXIT_FAILED;
    }

  fprintf (out, _("Database: %s\n"), patella_store_get_path (store));
  fprintf (out, _("Schema version: %d\n"), patella_store_get_schema_version (store));
  fprintf (out, _("Integrity: ok\n"));

  for (PatellaTable table = 0; table < PATELLA_N_TABLES; table++)
    {
      gint64 count;

      if (!patella_store_count (store, table, &count, &error))
        {
          fprintf (err, "%s: %s\n", g_get_prgname (), error->message);
          return PATELLA_EXIT_FAILED;
        }
      /* The table's machine name first keeps the output easy to grep. */
      fprintf (out, "%s: %" G_GINT64_FORMAT " (%s)\n",
               patella_table_get_name (table), count, patella_table_get_title (table));
    }

  return PATELLA_EXIT_OK;
}

int
patella_cli_run (const PatellaOptions *options,
                 FILE                 *out,
                 FILE                 *err)
{
  if (options->version)
    {
      fprintf (out, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return PATELLA_EXIT_OK;
    }

  if (options->check)
    return patella_cli_check (options->database, out, err);

  g_return_val_if_reached (PATELLA_EXIT_USAGE);
}
