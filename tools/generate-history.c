/* generate-history.c: a plausible runner's record as an entries CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   generate-history [--years=N] [--seed=S] [--end=YYYY-MM-DD] > history.csv
 *
 * The same seed gives the same file. Most days have the routine (some
 * partly, some missed), with rest and sick days; 3-5 runs a week of
 * realistic minutes, distance and effort; a morning pain score most days,
 * after-run scores, and flare-ups that come and go.
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static const struct { const char *id; int sets; int reps; } routine[] = {
  { "foam-roll", 1, 4 }, { "quad-setting", 3, 20 }, { "hamstring-stretch", 1, 3 },
  { "squat", 3, 10 }, { "band-walks", 2, 0 },
};

int
main (int   argc,
      char *argv[])
{
  int years = 10;
  int seed = 1;
  g_autofree char *end = NULL;
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of history (default 10)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed (default 1)", "S" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, "Last day (default 2026-01-31)", "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note\r\n");
  GRand *rand;
  GDate date;
  int n_days, flare = 0;
  double fitness = 20;   /* weekly km the runner is used to */

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || years < 1 || years > 200)
    {
      g_printerr ("generate-history: %s\n", error ? error->message : "--years runs from 1 to 200");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32) seed);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, end ? end : "2026-01-31");
  if (!g_date_valid (&date))
    {
      g_printerr ("generate-history: --end is not a day\n");
      return 2;
    }
  n_days = (int) (years * 365.25);
  g_date_subtract_days (&date, (guint) n_days - 1);

  for (int i = 0; i < n_days; i++, g_date_add_days (&date, 1))
    {
      char day[11];
      int weekday = g_date_get_weekday (&date);   /* 1 Monday */
      double roll = g_rand_double (rand);
      int base_pain;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);

      /* Flare-ups: a few a year, a week or two each. */
      if (flare == 0 && g_rand_double (rand) < 0.01)
        flare = g_rand_int_range (rand, 5, 15);
      base_pain = flare > 0 ? g_rand_int_range (rand, 4, 8) : g_rand_int_range (rand, 0, 4);

      if (roll < 0.03)
        g_string_append_printf (out, "%s,,rest-day,sick,,,,,,,,\r\n", day);
      else if (roll < 0.08)
        g_string_append_printf (out, "%s,,rest-day,rest,,,,,,,,\r\n", day);
      else if (roll < 0.90)
        {
          gboolean partly = roll > 0.78;

          for (guint k = 0; k < G_N_ELEMENTS (routine); k++)
            {
              int sets = partly ? MAX (1, routine[k].sets - 1) : routine[k].sets;

              for (int s = 0; s < sets; s++)
                {
                  g_string_append_printf (out, "%s,%02d:%02d,exercise,%s,1,", day, 7 + s * 5, 10 + k * 5,
                                          routine[k].id);
                  if (routine[k].reps > 0)
                    g_string_append_printf (out, "%d", routine[k].reps);
                  g_string_append (out, ",,,,,,\r\n");
                }
            }
        }

      /* A morning score most days. */
      if (g_rand_double (rand) < 0.85)
        g_string_append_printf (out, "%s,07:00,pain,,,,,,,%d,morning,\r\n", day, base_pain);

      /* Runs: Tuesday, Thursday, Saturday and some Sundays; fewer in a flare. */
      if ((weekday == 2 || weekday == 4 || weekday == 6 || (weekday == 7 && g_rand_double (rand) < 0.4)) &&
          (flare == 0 || g_rand_double (rand) < 0.3))
        {
          double km = fitness / 3.5 * (weekday == 6 ? 1.5 : 1.0) * g_rand_double_range (rand, 0.8, 1.15);
          double pace = g_rand_double_range (rand, 5.2, 6.5);
          /* CLAMP evaluates its argument more than once: draw first. */
          int effort = (int) (km / 3) + g_rand_int_range (rand, 1, 4);
          int worse = base_pain + g_rand_int_range (rand, 0, 3);
          int rpe = CLAMP (effort, 1, 9);
          int pain = CLAMP (worse, 0, 10);
          char minutes[32], distance[32];

          g_ascii_formatd (minutes, sizeof minutes, "%.1f", km * pace);
          g_ascii_formatd (distance, sizeof distance, "%.2f", km);
          g_string_append_printf (out, "%s,18:00,run,,,,%s,%s,%d,%d,,\r\n", day, minutes, distance, rpe, pain);
          g_string_append_printf (out, "%s,20:30,pain,,,,,,,%d,after,\r\n", day, CLAMP (pain - 1, 0, 10));
          {
            double next = fitness + g_rand_double_range (rand, -0.3, 0.35);
            fitness = CLAMP (next, 10, 45);
          }
        }

      if (flare > 0)
        flare--;
    }

  fwrite (out->str, 1, out->len, stdout);
  g_rand_free (rand);
  return 0;
}
