/* history-generator.c: a plausible runner's record, for tools and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most days have the routine (some partly, some missed), with rest and sick
 * days; 3-5 runs a week of realistic minutes, distance and effort; a morning
 * pain score most days and after-run scores.
 *
 * Pain, by default: any of 0-3 out of 10 each day (runs 0-2 more), with
 * flare-ups of a week or two at 4-7 a few times a year, and fewer runs then.
 *
 * Pain of a steady runner: a usual level of 1 or 2 (runs one more) that
 * never changes, and on each score the noise of rating pain at all: -1, 0
 * or +1 with chances 1/4, 1/2, 1/4, a standard deviation of 0.7 points,
 * which is what a smallest detectable change of 2 points on a 0-10 scale
 * implies (1.96 × √2 × 0.7 ≈ 2). No flare-ups of its own.
 *
 * Injected flares (flares_per_year): pain rising by 3-5 points over 2-4
 * days, holding 3-7 days, then easing back over 3 days, while the runner
 * keeps running. Their first days are the ones the warnings should catch.
 */
#include "history-generator.h"

static const struct { const char *id; int sets; int reps; } routine[] = {
  { "foam-roll", 1, 4 }, { "quad-setting", 3, 20 }, { "hamstring-stretch", 1, 3 },
  { "squat", 3, 10 }, { "band-walks", 2, 0 },
};

typedef struct
{
  int start;   /* day index */
  int rise;    /* points */
  int climb;   /* days to reach the rise */
  int hold;    /* days at it */
} Flare;

#define EASE_DAYS 3

/* A steady runner's score on one rating: -1, 0 or +1 around @level. */
static int
rated (GRand *rand,
       int    level)
{
  static const int noise[] = { -1, 0, 0, 1 };

  return level + noise[g_rand_int_range (rand, 0, G_N_ELEMENTS (noise))];
}

/* The points a flare adds on day @i. */
static int
flare_offset (const Flare *flare,
              int          i)
{
  int t = i - flare->start;

  if (t < 0)
    return 0;
  if (t < flare->climb)
    return (flare->rise * (t + 1) + flare->climb / 2) / flare->climb;
  t -= flare->climb;
  if (t < flare->hold)
    return flare->rise;
  t -= flare->hold;
  if (t < EASE_DAYS)
    return flare->rise * (EASE_DAYS - t) / (EASE_DAYS + 1);
  return 0;
}

/* Spread evenly, each in its own stretch of days with two weeks of
 * ordinary days before it and room to ease off after. */
static GArray *
place_flares (GRand *rand,
              int    n_days,
              int    n_flares)
{
  GArray *flares = g_array_new (FALSE, TRUE, sizeof (Flare));
  int period = n_flares > 0 ? n_days / n_flares : 0;

  for (int k = 0; k < n_flares; k++)
    {
      Flare flare;
      int latest;

      flare.rise = g_rand_int_range (rand, 3, 6);
      flare.climb = g_rand_int_range (rand, 2, 5);
      flare.hold = g_rand_int_range (rand, 3, 8);
      latest = period - flare.climb - flare.hold - EASE_DAYS - 14;
      flare.start = k * period + 28 + g_rand_int_range (rand, 0, MAX (latest - 28, 0) + 1);
      g_array_append_val (flares, flare);
    }
  return flares;
}

GString *
patella_history_generate (const PatellaHistoryOptions *options,
                          GPtrArray                   *flare_starts)
{
  g_autoptr(GString) out = g_string_new ("date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note\r\n");
  g_autoptr(GArray) flares = NULL;
  GRand *rand;
  GDate date;
  int n_days, flare = 0, level;
  guint next_flare = 0;
  double fitness = 20;   /* weekly km the runner is used to */

  g_return_val_if_fail (options->years >= 1 && options->years <= 200, NULL);
  g_return_val_if_fail (options->flares_per_year >= 0 &&
                        options->flares_per_year <= PATELLA_HISTORY_MAX_FLARES_PER_YEAR, NULL);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, options->end);
  if (!g_date_valid (&date))
    return NULL;
  n_days = (int) (options->years * 365.25);
  g_date_subtract_days (&date, (guint) n_days - 1);

  rand = g_rand_new_with_seed (options->seed);
  /* Drawn from a generator of their own, so that a history without injected
   * flares is the same day for day as before there were any. */
  {
    GRand *flare_rand = g_rand_new_with_seed (options->seed ^ 0x5a5a5a5a);

    flares = place_flares (flare_rand, n_days, options->flares_per_year * options->years);
    level = g_rand_int_range (flare_rand, 1, 3);
    g_rand_free (flare_rand);
  }

  for (int i = 0; i < n_days; i++, g_date_add_days (&date, 1))
    {
      char day[11];
      int weekday = g_date_get_weekday (&date);   /* 1 Monday */
      double roll = g_rand_double (rand);
      int base_pain, injected = 0;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);

      while (next_flare < flares->len &&
             i >= g_array_index (flares, Flare, next_flare).start + 30)
        next_flare++;
      if (next_flare < flares->len)
        {
          const Flare *f = &g_array_index (flares, Flare, next_flare);

          if (i == f->start && flare_starts != NULL)
            g_ptr_array_add (flare_starts, g_strdup (day));
          injected = flare_offset (f, i);
        }

      /* Flare-ups of its own: a few a year, a week or two each. */
      if (flare == 0 && g_rand_double (rand) < 0.01 && !options->steady)
        flare = g_rand_int_range (rand, 5, 15);
      if (options->steady)
        base_pain = rated (rand, level);
      else
        base_pain = flare > 0 ? g_rand_int_range (rand, 4, 8) : g_rand_int_range (rand, 0, 4);
      base_pain = CLAMP (base_pain + injected, 0, 10);

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
          int worse = options->steady ? rated (rand, level + 1) + injected
                                      : base_pain + g_rand_int_range (rand, 0, 3);
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

  g_rand_free (rand);
  return g_steal_pointer (&out);
}
