/* generate-history.c: a plausible runner's record as an entries CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   generate-history [--years=N] [--seed=S] [--end=YYYY-MM-DD] [--steady]
 *                    [--flares=N] [--flare-days=FILE] > history.csv
 *
 * The same options give the same file; see history-generator.c for what
 * the record holds.
 */
#include <stdio.h>

#include "history-generator.h"

int
main (int   argc,
      char *argv[])
{
  PatellaHistoryOptions options = { .years = 10, .seed = 1 };
  int seed = 1;
  g_autofree char *end = NULL;
  g_autofree char *flare_days = NULL;
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &options.years, "Years of history (default 10)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed (default 1)", "S" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, "Last day (default 2026-01-31)", "YYYY-MM-DD" },
    { "steady", 0, 0, G_OPTION_ARG_NONE, &options.steady,
      "A steady runner: no flare-ups of their own, pain that never changes", NULL },
    { "flares", 0, 0, G_OPTION_ARG_INT, &options.flares_per_year,
      "Inject N flares a year (0-6): pain rising 3-5 points over 2-4 days", "N" },
    { "flare-days", 0, 0, G_OPTION_ARG_FILENAME, &flare_days,
      "Write the first day of each injected flare to FILE, one a line", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("generate-history: %s\n", error->message);
      return 2;
    }
  if (options.years < 1 || options.years > 200)
    {
      g_printerr ("generate-history: --years runs from 1 to 200\n");
      return 2;
    }
  if (options.flares_per_year < 0 || options.flares_per_year > PATELLA_HISTORY_MAX_FLARES_PER_YEAR)
    {
      g_printerr ("generate-history: --flares runs from 0 to %d\n", PATELLA_HISTORY_MAX_FLARES_PER_YEAR);
      return 2;
    }
  options.seed = (guint32) seed;
  options.end = end ? end : "2026-01-31";

  out = patella_history_generate (&options, starts);
  if (out == NULL)
    {
      g_printerr ("generate-history: --end is not a day\n");
      return 2;
    }

  if (flare_days != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < starts->len; i++)
        g_string_append_printf (list, "%s\n", (const char *) g_ptr_array_index (starts, i));
      if (!g_file_set_contents (flare_days, list->str, (gssize) list->len, &error))
        {
          g_printerr ("generate-history: %s\n", error->message);
          return 1;
        }
    }

  fwrite (out->str, 1, out->len, stdout);
  return 0;
}
