/* crash-writer.c: writes to a Patella database until it is killed
 *
 * The crash test (test-reliability.c) starts this program, kills it with
 * SIGKILL at a random moment and then checks the file:
 *
 *   crash-writer entries DATABASE   logs entries in a loop, one transaction
 *                                   each, and writes "pain ID", "run ID" or
 *                                   "set ID" to standard output only after
 *                                   the transaction has committed
 *   crash-writer import DATABASE CSV
 *                                   imports CSV (one transaction) and writes
 *                                   "imported" once it has committed
 *
 * Standard output is written with write(2), unbuffered, so that a line that
 * was printed is never lost with the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "core/patella-csv.h"
#include "core/patella-store.h"

static void
say (const char *line)
{
  gsize length = strlen (line);

  while (length > 0)
    {
      gssize n = write (STDOUT_FILENO, line, length);

      if (n < 0)
        exit (3);
      line += n;
      length -= (gsize) n;
    }
}

static void
fail (GError *error)
{
  g_printerr ("crash-writer: %s\n", error->message);
  exit (1);
}

static int
write_entries (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0;; i++)
    {
      g_autofree char *day = g_strdup_printf ("20%02u-%02u-%02u", 10 + (i / 336) % 16, 1 + (i / 28) % 12, 1 + i % 28);
      g_autofree char *note = g_strdup_printf ("entry %u, with a note long enough to spill over pages", i);
      g_autofree char *line = NULL;
      gint64 id;

      switch (i % 3)
        {
        case 0:
          id = patella_store_log_pain (store, day, NULL, (int) (i % 11), PATELLA_PAIN_MORNING, note, &error);
          line = g_strdup_printf ("pain %" G_GINT64_FORMAT "\n", id);
          break;
        case 1:
          id = patella_store_log_run (store, day, NULL, 30 + i % 60, 5 + (i % 10) * 0.5, (int) (i % 11), -1,
                                      note, &error);
          line = g_strdup_printf ("run %" G_GINT64_FORMAT "\n", id);
          break;
        default:
          id = patella_store_log_exercise (store, day, NULL, "squat", 1, 10, note, &error);
          line = g_strdup_printf ("set %" G_GINT64_FORMAT "\n", id);
          break;
        }

      if (id <= 0)
        fail (error);
      say (line);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: crash-writer entries DATABASE | import DATABASE CSV\n");
      return 2;
    }

  store = patella_store_open (argv[2], &error);
  if (store == NULL)
    fail (error);

  if (g_str_equal (argv[1], "entries") && argc == 3)
    return write_entries (store);

  if (g_str_equal (argv[1], "import") && argc == 4)
    {
      g_auto(PatellaImportSummary) summary = { 0 };

      say ("started\n");
      if (!patella_csv_import_file (store, argv[3], &summary, &error))
        fail (error);
      say ("imported\n");
      return 0;
    }

  g_printerr ("usage: crash-writer entries DATABASE | import DATABASE CSV\n");
  return 2;
}
