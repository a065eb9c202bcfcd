/* test-warnings.c: every load-management rule, on both sides of its threshold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "core/patella-day.h"
#include "core/patella-episodes.h"
#include "core/patella-store.h"
#include "core/patella-warnings.h"
#include "patella-test-utils.h"
#include "warnings-calibration.h"

/* Series are built by hand: day 0 is 2026-01-01, and D is the day tested. */
#define FIRST "2026-01-01"

static PatellaSeries *
series_new (guint n_days)
{
  return patella_series_new (FIRST, n_days);
}

/* A run on day @i: minutes × RPE of load, @km, and pain during it (-1: none). */
static void
run (PatellaSeries *s,
     int            i,
     double         minutes,
     int            rpe,
     double         km,
     int            pain)
{
  PatellaDayStats *d = &s->days[i];

  d->load += minutes * rpe;
  d->distance += km;
  d->longest = MAX (d->longest, km);
  d->n_runs++;
  if (pain >= 0)
    {
      d->during = MAX (d->during, pain);
      d->max_score = MAX (d->max_score, pain);
      d->score_sum += pain;
      d->n_scores++;
      d->during_sum += pain;
      d->n_during++;
    }
  if (s->first_run == G_MININT || i < s->first_run)
    s->first_run = i;
}

static void
pain (PatellaSeries *s,
      int            i,
      int            score,
      const char    *context)
{
  PatellaDayStats *d = &s->days[i];

  if (g_str_equal (context, "during"))
    {
      d->during = MAX (d->during, score);
      d->during_sum += score;
      d->n_during++;
    }
  if (g_str_equal (context, "morning"))
    {
      d->morning = MAX (d->morning, score);
      d->morning_sum += score;
      d->n_morning++;
    }
  d->max_score = MAX (d->max_score, score);
  d->score_sum += score;
  d->n_scores++;
}

static PatellaWarning *
find (GPtrArray          *warnings,
      PatellaWarningCode  code)
{
  for (guint i = 0; i < warnings->len; i++)
    if (((PatellaWarning *) g_ptr_array_index (warnings, i))->code == code)
      return g_ptr_array_index (warnings, i);
  return NULL;
}

static gboolean
active_with (const PatellaSeries     *s,
             int                      day,
             PatellaWarningCode       code,
             const PatellaThresholds *thresholds)
{
  g_autoptr(GPtrArray) warnings = patella_warnings_for_day (s, (guint) day, thresholds, PATELLA_UNIT_KM);

  return find (warnings, code) != NULL;
}

static gboolean
active (const PatellaSeries *s,
        int                  day,
        PatellaWarningCode   code)
{
  return active_with (s, day, code, NULL);
}

static char *
message (const PatellaSeries *s,
         int                  day,
         PatellaWarningCode   code,
         PatellaDistanceUnit  unit)
{
  g_autoptr(GPtrArray) warnings = patella_warnings_for_day (s, (guint) day, NULL, unit);
  PatellaWarning *warning = find (warnings, code);

  if (warning == NULL)
    g_error ("no %s warning on day %d", patella_warning_code_to_string (code), day);
  return g_strdup (warning->message);
}

static void
test_codes (void)
{
  for (guint i = 0; i < PATELLA_N_WARNINGS; i++)
    {
      PatellaWarningCode code;

      g_assert_true (patella_warning_code_from_string (patella_warning_code_to_string (i), &code));
      g_assert_cmpint (code, ==, i);
      g_assert_nonnull (patella_warning_code_get_title (i));
      g_assert_nonnull (patella_warning_code_get_advice (i));
      g_assert_nonnull (patella_warning_code_get_source (i));
    }
  g_assert_cmpstr (patella_warning_code_to_string (PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE), ==, "weekly-distance-spike");
  g_assert_cmpint (patella_warning_code_get_severity (PATELLA_WARNING_PAIN_HIGH), ==, PATELLA_SEVERITY_HIGH);
  g_assert_cmpint (patella_warning_code_get_severity (PATELLA_WARNING_PAIN_SEVERE), ==, PATELLA_SEVERITY_HIGH);
  g_assert_cmpint (patella_warning_code_get_severity (PATELLA_WARNING_ACWR_HIGH), ==, PATELLA_SEVERITY_CAUTION);
  {
    PatellaWarningCode code;
    g_assert_false (patella_warning_code_from_string ("pain", &code));
  }
}

/* An empty record and a one-day record: no window reaches outside. */
static void
test_empty_and_one_day (void)
{
  g_autoptr(PatellaSeries) empty = series_new (40);
  g_autoptr(PatellaSeries) one = series_new (1);

  for (guint i = 0; i < empty->n_days; i++)
    {
      g_autoptr(GPtrArray) warnings = patella_warnings_for_day (empty, i, NULL, PATELLA_UNIT_KM);
      g_assert_cmpuint (warnings->len, ==, 0);
      g_assert_true (isnan (patella_series_acwr (empty, i)));
    }

  run (one, 0, 30, 4, 5.0, 9);
  {
    g_autoptr(GPtrArray) warnings = patella_warnings_for_day (one, 0, NULL, PATELLA_UNIT_KM);

    /* Pain 9 during the run: too high and severe, high first; nothing else
     * can be said of a first day. */
    g_assert_cmpuint (warnings->len, ==, 2);
    g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (warnings, 0))->code, ==, PATELLA_WARNING_PAIN_HIGH);
    g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (warnings, 1))->code, ==, PATELLA_WARNING_PAIN_SEVERE);
    g_assert_cmpstr (((PatellaWarning *) g_ptr_array_index (warnings, 0))->day, ==, FIRST);
  }
}

static void
test_pain_high (void)
{
  const struct { const char *context; int score; gboolean from_run; gboolean fires; } cases[] = {
    { "during", 6, FALSE, TRUE },
    { "during", 5, FALSE, FALSE },
    { "during", 10, FALSE, TRUE },
    { NULL, 6, TRUE, TRUE },     /* pain during a run counts as during */
    { NULL, 5, TRUE, FALSE },
    { "after", 7, FALSE, FALSE },   /* other contexts do not */
    { "morning", 7, FALSE, FALSE },
    { "stairs", 6, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PatellaSeries) s = series_new (3);

      if (cases[i].from_run)
        run (s, 2, 30, 4, 5, cases[i].score);
      else
        pain (s, 2, cases[i].score, cases[i].context);
      if (active (s, 2, PATELLA_WARNING_PAIN_HIGH) != cases[i].fires)
        g_error ("pain-high case %u: expected %s", i, cases[i].fires ? "a warning" : "none");
      g_assert_false (active (s, 1, PATELLA_WARNING_PAIN_HIGH));
    }

  /* The highest of the day counts; the threshold is a preference. */
  {
    g_autoptr(PatellaSeries) s = series_new (1);
    PatellaThresholds strict = PATELLA_THRESHOLDS_DEFAULT;
    g_autofree char *text = NULL;

    pain (s, 0, 3, "during");
    pain (s, 0, 4, "during");
    g_assert_false (active (s, 0, PATELLA_WARNING_PAIN_HIGH));
    strict.pain_high = 3;
    g_assert_true (active_with (s, 0, PATELLA_WARNING_PAIN_HIGH, &strict));
    strict.pain_high = 4;
    g_assert_false (active_with (s, 0, PATELLA_WARNING_PAIN_HIGH, &strict));

    pain (s, 0, 7, "during");
    text = message (s, 0, PATELLA_WARNING_PAIN_HIGH, PATELLA_UNIT_KM);
    g_assert_cmpstr (text, ==, "Pain during activity reached 7 out of 10, above 5.");
  }
}

static void
test_pain_severe (void)
{
  const char *contexts[] = { "morning", "during", "after", "rest", "stairs", "sitting", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    {
      g_autoptr(PatellaSeries) s = series_new (2);

      pain (s, 0, 7, contexts[i]);
      pain (s, 1, 8, contexts[i]);
      g_assert_false (active (s, 0, PATELLA_WARNING_PAIN_SEVERE));
      g_assert_true (active (s, 1, PATELLA_WARNING_PAIN_SEVERE));
    }

  {
    g_autoptr(PatellaSeries) s = series_new (2);
    PatellaThresholds lenient = PATELLA_THRESHOLDS_DEFAULT;
    g_autofree char *text = NULL;

    run (s, 0, 20, 3, 3, 7);
    run (s, 1, 20, 3, 3, 8);
    g_assert_false (active (s, 0, PATELLA_WARNING_PAIN_SEVERE));
    g_assert_true (active (s, 1, PATELLA_WARNING_PAIN_SEVERE));
    lenient.pain_severe = 9;
    g_assert_false (active_with (s, 1, PATELLA_WARNING_PAIN_SEVERE, &lenient));
    text = message (s, 1, PATELLA_WARNING_PAIN_SEVERE, PATELLA_UNIT_KM);
    g_assert_cmpstr (text, ==, "A pain score of 8 out of 10 was logged; 8 or more is severe.");
  }
}

/* A run on D-1 = 14 after mornings of @usual on the days of @days
 * (relative to D = 15), then a morning of @morning on D. */
static PatellaSeries *
mornings_series (const int *days,
                 const int *usual,
                 guint      n,
                 int        morning)
{
  PatellaSeries *s = series_new (16);

  for (guint k = 0; k < n; k++)
    pain (s, 15 + days[k], usual[k], "morning");
  run (s, 14, 40, 5, 8, -1);
  if (morning >= 0)
    pain (s, 15, morning, "morning");
  return s;
}

/* A morning of @below is silent, one point more warns with @text. */
static void
morning_edge (const int           *days,
              const int           *usual,
              guint                n,
              int                  below,
              PatellaDistanceUnit  unit,
              const char          *text)
{
  g_autoptr(PatellaSeries) silent = mornings_series (days, usual, n, below);
  g_autoptr(PatellaSeries) warns = mornings_series (days, usual, n, below + 1);
  g_autofree char *said = NULL;

  g_assert_false (active (silent, 15, PATELLA_WARNING_MORNING_WORSE));
  g_assert_true (active (warns, 15, PATELLA_WARNING_MORNING_WORSE));
  said = message (warns, 15, PATELLA_WARNING_MORNING_WORSE, unit);
  g_assert_cmpstr (said, ==, text);
}

static void
test_morning_worse (void)
{
  const int five[] = { -14, -10, -7, -3, -1 };
  const int twos[] = { 2, 2, 2, 2, 2 };

  /* Exactly 2 above the usual morning fires; 1 above does not. */
  morning_edge (five, twos, 5, 3, PATELLA_UNIT_KM,
                "Morning pain of 4 out of 10, against a usual morning of 2 (the median "
                "of 5 mornings in the two weeks before), after yesterday’s 8.0 km run.");
  /* Five earlier mornings make a usual morning; four do not. */
  {
    g_autoptr(PatellaSeries) four = mornings_series (five + 1, twos, 4, 9);

    g_assert_false (active (four, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  /* D-15 is outside the two weeks; D-14 is in. */
  {
    const int days[] = { -15, -10, -7, -3, -1 };
    g_autoptr(PatellaSeries) s = series_new (16);

    for (guint k = 0; k < 5; k++)
      pain (s, 15 + days[k], 2, "morning");
    run (s, 14, 40, 5, 8, -1);
    pain (s, 15, 9, "morning");
    g_assert_false (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
    pain (s, 1, 2, "morning");
    g_assert_true (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  /* The median with an even count is the mean of the middle two: 1, 1, 2,
   * 3, 4, 4 give 2.5, so 4 is 1.5 above (nothing) and 5 is 2.5 above. */
  {
    const int days[] = { -13, -11, -9, -6, -4, -2 };
    const int scores[] = { 4, 1, 3, 1, 4, 2 };

    morning_edge (days, scores, 6, 4, PATELLA_UNIT_MILES,
                  "Morning pain of 5 out of 10, against a usual morning of 2.5 (the median "
                  "of 6 mornings in the two weeks before), after yesterday’s 5.0 mi run.");
  }
  /* An odd count: the middle one. 0, 0, 1, 3, 3 give 1; 3 fires. */
  {
    const int scores[] = { 3, 0, 1, 3, 0 };
    g_autoptr(PatellaSeries) s = mornings_series (five, scores, 5, 3);

    g_assert_true (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  /* From 0 to 1 after a run is not a warning any more. */
  {
    const int zeros[] = { 0, 0, 0, 0, 0 };
    g_autoptr(PatellaSeries) s = mornings_series (five, zeros, 5, 1);

    g_assert_false (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  /* The highest morning score of a day counts, once per day. */
  {
    g_autoptr(PatellaSeries) s = mornings_series (five, twos, 5, 4);

    pain (s, 1, 6, "morning");   /* D-14 now has 2 and 6: its morning is 6 */
    pain (s, 5, 6, "morning");   /* D-10 too; 2, 2, 2, 6, 6: still 2 */
    g_assert_true (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
    pain (s, 8, 6, "morning");   /* 2, 2, 6, 6, 6: 6 */
    g_assert_false (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  /* No run on D-1 (a run on D itself or D-2 does not count); no morning on D. */
  {
    g_autoptr(PatellaSeries) s = series_new (16);

    for (guint k = 0; k < 5; k++)
      pain (s, 15 + five[k], 2, "morning");
    run (s, 13, 40, 5, 8, -1);
    run (s, 15, 40, 5, 8, -1);
    pain (s, 15, 6, "morning");
    g_assert_false (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  {
    g_autoptr(PatellaSeries) s = mornings_series (five, twos, 5, -1);

    pain (s, 15, 9, "stairs");   /* other contexts are not mornings */
    g_assert_false (active (s, 15, PATELLA_WARNING_MORNING_WORSE));
  }
  /* A run without a distance is named by its minutes. */
  {
    g_autoptr(PatellaSeries) s = series_new (16);
    g_autofree char *text = NULL;

    for (guint k = 0; k < 5; k++)
      pain (s, 15 + five[k], 2, "morning");
    run (s, 14, 40, 5, 0, -1);
    s->days[14].minutes = 40;
    pain (s, 15, 4, "morning");
    text = message (s, 15, PATELLA_WARNING_MORNING_WORSE, PATELLA_UNIT_KM);
    g_assert_true (g_str_has_suffix (text, "after yesterday’s 40-minute run."));
  }
  /* The preference moves the edge both ways. */
  {
    g_autoptr(PatellaSeries) s = mornings_series (five, twos, 5, 3);
    PatellaThresholds t = PATELLA_THRESHOLDS_DEFAULT;

    t.morning_rise = 1;
    g_assert_true (active_with (s, 15, PATELLA_WARNING_MORNING_WORSE, &t));
    s->days[15].morning = 4;
    t.morning_rise = 3;
    g_assert_false (active_with (s, 15, PATELLA_WARNING_MORNING_WORSE, &t));
    s->days[15].morning = 5;
    g_assert_true (active_with (s, 15, PATELLA_WARNING_MORNING_WORSE, &t));
  }
}

/* Scores in @context at @days (relative to D = 20) with @values. */
static PatellaSeries *
scores_series (const char *context,
               const int  *days,
               const int  *values,
               guint       n)
{
  PatellaSeries *s = series_new (21);

  for (guint i = 0; i < n; i++)
    pain (s, 20 + days[i], values[i], context);
  return s;
}

/* @n_fours scores of 4 and @n_threes of 3 on D, against three 2s the week
 * before: a rise of exactly 1.5 (one of each) or 1.49 (49 and 51). */
static PatellaSeries *
rise_series (const char *context,
             int         n_fours,
             int         n_threes)
{
  PatellaSeries *s = series_new (21);

  for (int k = 0; k < n_fours; k++)
    pain (s, 20 - k % 7, 4, context);
  for (int k = 0; k < n_threes; k++)
    pain (s, 20 - k % 7, 3, context);
  for (int k = 0; k < 3; k++)
    pain (s, 13 - k, 2, context);
  return s;
}

static void
test_pain_trend_up (void)
{
  const char *series_contexts[] = { "morning", "during" };

  for (guint c = 0; c < G_N_ELEMENTS (series_contexts); c++)
    {
      const char *context = series_contexts[c];
      g_autoptr(PatellaSeries) exact = NULL;
      g_autoptr(PatellaSeries) short_of = NULL;

      /* 3.5 against 2.0 is exactly 1.5: it fires. */
      exact = rise_series (context, 2, 2);
      g_assert_true (active (exact, 20, PATELLA_WARNING_PAIN_TREND_UP));
      /* 3.49 against 2.0 is 1.49: it does not. */
      short_of = rise_series (context, 49, 51);
      g_assert_false (active (short_of, 20, PATELLA_WARNING_PAIN_TREND_UP));
    }

  /* The message names the series and both means. */
  {
    g_autoptr(PatellaSeries) s = rise_series ("morning", 2, 2);
    g_autofree char *text = message (s, 20, PATELLA_WARNING_PAIN_TREND_UP, PATELLA_UNIT_KM);

    g_assert_cmpstr (text, ==, "Morning pain averages 3.5 over these 7 days, up 1.5 from 2.0 the week before.");
  }
  {
    g_autoptr(PatellaSeries) s = rise_series ("during", 2, 2);
    g_autofree char *text = message (s, 20, PATELLA_WARNING_PAIN_TREND_UP, PATELLA_UNIT_KM);

    g_assert_cmpstr (text, ==, "Pain during activity averages 3.5 over these 7 days, up 1.5 from 2.0 the week before.");
  }
  /* Both at once: one warning naming both. */
  {
    g_autoptr(PatellaSeries) s = rise_series ("morning", 2, 2);
    g_autoptr(GPtrArray) warnings = NULL;
    PatellaWarning *w;

    for (int k = 0; k < 3; k++)
      {
        pain (s, 20 - k, 6, "during");
        pain (s, 13 - k, 2, "during");
      }
    warnings = patella_warnings_for_day (s, 20, NULL, PATELLA_UNIT_KM);
    w = find (warnings, PATELLA_WARNING_PAIN_TREND_UP);
    if (w == NULL)
      g_error ("no pain-trend-up warning");
    g_assert_cmpstr (w->message, ==, "Morning pain averages 3.5 over these 7 days, up 1.5 from 2.0 the week before. "
                                     "Pain during activity averages 6.0 over these 7 days, up 4.0 from 2.0 the week before.");
    g_assert_cmpfloat (w->value, ==, 6.0);     /* the bigger rise */
    g_assert_cmpfloat (w->reference, ==, 2.0);
  }
  /* Run pain belongs to the "during" series. */
  {
    g_autoptr(PatellaSeries) s = series_new (21);

    for (int k = 0; k < 3; k++)
      {
        run (s, 20 - k, 30, 4, 5, 5);
        pain (s, 13 - k, 3, "during");
      }
    g_assert_true (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
  }
  /* Like with like: a week with more runs, each as painful as before, among
   * steady mornings, is no trend. Mixed together, the mean of all scores
   * would rise from 1.5 to 2.5. */
  {
    g_autoptr(PatellaSeries) s = series_new (21);

    for (int k = 0; k < 14; k++)
      pain (s, 7 + k, 0, "morning");
    for (int k = 0; k < 3; k++)
      run (s, 8 + k, 40, 4, 7, 5);
    for (int k = 0; k < 7; k++)
      run (s, 20 - k, 40, 4, 7, 5);
    g_assert_false (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
  }
  /* A rise in "after" scores, or any other context, fires nothing. */
  {
    const char *others[] = { "after", "rest", "stairs", "sitting", "other" };

    for (guint c = 0; c < G_N_ELEMENTS (others); c++)
      {
        g_autoptr(PatellaSeries) s = rise_series (others[c], 3, 0);

        for (int k = 0; k < 3; k++)
          pain (s, 20 - k, 7, others[c]);
        g_assert_false (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
      }
  }
  /* Fewer than 3 scores of the series in either window: nothing. */
  {
    const int days[] = { 0, -1, -7, -8, -9 };
    const int values[] = { 5, 5, 1, 1, 1 };
    g_autoptr(PatellaSeries) s = scores_series ("morning", days, values, G_N_ELEMENTS (days));

    g_assert_false (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
    pain (s, 18, 5, "after");    /* a score, but not a morning */
    g_assert_false (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
    pain (s, 18, 5, "morning");
    g_assert_true (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
  }
  {
    const int days[] = { 0, -1, -2, -7, -8, -14 };   /* D-14 is outside both windows */
    const int values[] = { 9, 9, 9, 1, 1, 1 };
    g_autoptr(PatellaSeries) s = scores_series ("during", days, values, G_N_ELEMENTS (days));

    g_assert_false (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
  }
  /* D-7 belongs to the earlier week, D-6 to the recent one. */
  {
    const int days[] = { -6, -6, -6, -7, -7, -13 };
    const int values[] = { 5, 5, 5, 3, 3, 3 };
    g_autoptr(PatellaSeries) s = scores_series ("morning", days, values, G_N_ELEMENTS (days));

    g_assert_true (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
  }
  /* 8/3 against 5/3 is 1.0, though binary fractions make it 0.9999999999999998:
   * with the preference at 1.0 it fires, at 1.1 not. */
  {
    const int days[] = { 0, -1, -2, -7, -8, -9 };
    const int values[] = { 2, 3, 3, 1, 2, 2 };
    g_autoptr(PatellaSeries) s = scores_series ("during", days, values, G_N_ELEMENTS (days));
    PatellaThresholds t = PATELLA_THRESHOLDS_DEFAULT;

    g_assert_false (active (s, 20, PATELLA_WARNING_PAIN_TREND_UP));
    t.pain_trend = 1.0;
    g_assert_true (active_with (s, 20, PATELLA_WARNING_PAIN_TREND_UP, &t));
    t.pain_trend = 1.1;
    g_assert_false (active_with (s, 20, PATELLA_WARNING_PAIN_TREND_UP, &t));
  }
}

/* Three runs before D (at D-30, D-20, D-10) of which the longest is @longest. */
static PatellaSeries *
month_of_runs (double longest)
{
  PatellaSeries *s = series_new (41);

  run (s, 10, 40, 4, longest * 0.6, -1);
  run (s, 20, 40, 4, longest, -1);
  run (s, 30, 40, 4, longest * 0.8, -1);
  return s;
}

static void
test_run_spike (void)
{
  const struct { double longest; double today; gboolean fires; } cases[] = {
    { 10.0, 11.0, FALSE },    /* exactly 10% longer is not more than 10% */
    { 10.0, 11.01, TRUE },
    { 10.0, 12.5, TRUE },
    { 10.0, 10.0, FALSE },
    { 5.0, 5.5, FALSE },      /* 5 × 1.1 is 5.500000000000001 in binary */
    { 5.0, 5.51, TRUE },
    { 3.3, 3.63, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PatellaSeries) s = month_of_runs (cases[i].longest);

      run (s, 40, 60, 4, cases[i].today, -1);
      if (active (s, 40, PATELLA_WARNING_RUN_SPIKE) != cases[i].fires)
        g_error ("run-spike case %u (%.2f against %.2f): expected %s", i, cases[i].today,
                 cases[i].longest, cases[i].fires ? "a warning" : "none");
    }

  /* The example of the issue, in km and in miles. */
  {
    g_autoptr(PatellaSeries) s = month_of_runs (10.0);
    g_autofree char *km = NULL;
    g_autofree char *mi = NULL;

    run (s, 40, 70, 4, 12.5, -1);
    km = message (s, 40, PATELLA_WARNING_RUN_SPIKE, PATELLA_UNIT_KM);
    g_assert_cmpstr (km, ==, "A 12.5 km run, 25% longer than your longest of the previous 30 days, 10.0 km.");
    mi = message (s, 40, PATELLA_WARNING_RUN_SPIKE, PATELLA_UNIT_MILES);
    g_assert_cmpstr (mi, ==, "A 7.8 mi run, 25% longer than your longest of the previous 30 days, 6.2 mi.");
  }

  /* Only two runs before: too little to judge. */
  {
    g_autoptr(PatellaSeries) s = series_new (41);

    run (s, 20, 40, 4, 5.0, -1);
    run (s, 30, 40, 4, 5.0, -1);
    run (s, 40, 90, 4, 15.0, -1);
    g_assert_false (active (s, 40, PATELLA_WARNING_RUN_SPIKE));
  }

  /* The window is D-30..D-1: a long run at D-31 is forgotten, at D-30 it counts. */
  {
    g_autoptr(PatellaSeries) s = month_of_runs (10.0);

    run (s, 9, 120, 4, 20.0, -1);    /* D-31 */
    run (s, 40, 60, 4, 12.0, -1);
    g_assert_true (active (s, 40, PATELLA_WARNING_RUN_SPIKE));
  }
  {
    g_autoptr(PatellaSeries) s = month_of_runs (10.0);

    run (s, 10, 120, 4, 20.0, -1);   /* D-30 */
    run (s, 40, 60, 4, 12.0, -1);
    g_assert_false (active (s, 40, PATELLA_WARNING_RUN_SPIKE));
  }

  /* Two runs on D: the longer one is compared, not their sum. */
  {
    g_autoptr(PatellaSeries) s = month_of_runs (10.0);

    run (s, 40, 40, 4, 6.0, -1);
    run (s, 40, 40, 4, 6.0, -1);
    g_assert_false (active (s, 40, PATELLA_WARNING_RUN_SPIKE));
  }

  /* The threshold is a preference. */
  {
    g_autoptr(PatellaSeries) s = month_of_runs (10.0);
    PatellaThresholds wider = PATELLA_THRESHOLDS_DEFAULT;

    run (s, 40, 60, 4, 12.5, -1);
    wider.run_spike = 0.25;
    g_assert_false (active_with (s, 40, PATELLA_WARNING_RUN_SPIKE, &wider));
    wider.run_spike = 0.24;
    g_assert_true (active_with (s, 40, PATELLA_WARNING_RUN_SPIKE, &wider));
  }
}

/* Weeks before D = 40: w1 = D-13..D-7, w2 = D-20..D-14, w3, w4 = D-34..D-28. */
static PatellaSeries *
weeks_series (double w1,
              double w2,
              double w3,
              double w4)
{
  PatellaSeries *s = series_new (41);
  const double weeks[] = { w1, w2, w3, w4 };

  for (int k = 0; k < 4; k++)
    if (weeks[k] > 0)
      run (s, 40 - 7 * (k + 1), 60, 4, weeks[k], -1);
  return s;
}

static void
test_weekly_distance_spike (void)
{
  const struct { double w1, w2, w3, w4, week; gboolean fires; } cases[] = {
    { 30, 20, 0, 0, 39.0, FALSE },   /* exactly 30% above the biggest */
    { 30, 20, 0, 0, 39.1, TRUE },
    { 30, 0, 0, 0, 60.0, FALSE },    /* only one earlier week with distance */
    { 0, 0, 20, 30, 39.1, TRUE },    /* the biggest may be four weeks back */
    { 10, 10, 10, 40, 50.0, FALSE }, /* 25% above the biggest */
    { 10, 10, 10, 40, 52.5, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PatellaSeries) s = weeks_series (cases[i].w1, cases[i].w2, cases[i].w3, cases[i].w4);

      run (s, 40, 120, 4, cases[i].week, -1);
      if (active (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE) != cases[i].fires)
        g_error ("weekly-distance-spike case %u: expected %s", i, cases[i].fires ? "a warning" : "none");
    }

  /* The week's distance is D-6..D, and needs a run on D itself. */
  {
    g_autoptr(PatellaSeries) s = weeks_series (20, 20, 0, 0);
    g_autofree char *text = NULL;

    run (s, 34, 120, 4, 30.0, -1);   /* D-6 */
    g_assert_false (active (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE));
    run (s, 40, 10, 4, 1.0, -1);
    g_assert_true (active (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE));
    text = message (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE, PATELLA_UNIT_KM);
    g_assert_cmpstr (text, ==, "31.0 km over these 7 days is 55% more than the biggest of the four weeks before, 20.0 km.");
  }

  /* D-35 is outside the four weeks. */
  {
    g_autoptr(PatellaSeries) s = weeks_series (10, 0, 0, 0);

    run (s, 5, 60, 4, 50, -1);       /* D-35 */
    run (s, 40, 60, 4, 20, -1);
    g_assert_false (active (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE));
    run (s, 6, 60, 4, 5, -1);        /* D-34: now two weeks have distance */
    g_assert_true (active (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE));
  }

  {
    g_autoptr(PatellaSeries) s = weeks_series (30, 20, 0, 0);
    PatellaThresholds wider = PATELLA_THRESHOLDS_DEFAULT;

    run (s, 40, 120, 4, 45.0, -1);
    wider.weekly_spike = 0.5;
    g_assert_false (active_with (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE, &wider));
    wider.weekly_spike = 0.49;
    g_assert_true (active_with (s, 40, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE, &wider));
  }
}

/* Day 0 is the first run; days 0..20 carry @chronic_daily, 21..27 @acute_daily. */
static PatellaSeries *
acwr_series (double chronic_daily,
             double acute_daily)
{
  PatellaSeries *s = series_new (29);

  for (int i = 0; i <= 20; i++)
    if (chronic_daily > 0 || i == 0)
      run (s, i, chronic_daily / 5.0, 5, 3.0, -1);
  for (int i = 21; i <= 28; i++)
    run (s, i, acute_daily / 5.0, 5, 3.0, -1);
  return s;
}

static void
test_acwr (void)
{
  /* Chronic: 21 days × 100 = 2100, a third 700. Acute: 7 × 150 = 1050, ratio 1.5. */
  {
    g_autoptr(PatellaSeries) s = acwr_series (100, 150);
    g_autofree char *text = NULL;

    g_assert_cmpfloat_with_epsilon (patella_series_acwr (s, 27), 1.5, 1e-12);
    g_assert_true (active (s, 27, PATELLA_WARNING_ACWR_HIGH));
    text = message (s, 27, PATELLA_WARNING_ACWR_HIGH, PATELLA_UNIT_KM);
    g_assert_cmpstr (text, ==, "Your load over these 7 days, 1050, is 1.50 times your average week "
                               "of the three weeks before, 700 (load is minutes × effort).");
  }
  {
    g_autoptr(PatellaSeries) s = acwr_series (100, 149);

    g_assert_cmpfloat_with_epsilon (patella_series_acwr (s, 27), 1043.0 / 700.0, 1e-12);
    g_assert_false (active (s, 27, PATELLA_WARNING_ACWR_HIGH));
  }
  /* Day 26 is only 26 days after the first run: the ratio is not defined. */
  {
    g_autoptr(PatellaSeries) s = acwr_series (100, 300);

    g_assert_true (isnan (patella_series_acwr (s, 26)));
    g_assert_false (active (s, 26, PATELLA_WARNING_ACWR_HIGH));
    g_assert_false (isnan (patella_series_acwr (s, 27)));
  }
  /* No chronic load (only a first run with RPE 0): not defined. */
  {
    g_autoptr(PatellaSeries) s = series_new (29);

    run (s, 0, 30, 0, 5, -1);
    run (s, 28, 60, 8, 10, -1);
    g_assert_true (isnan (patella_series_acwr (s, 28)));
    g_assert_false (active (s, 28, PATELLA_WARNING_ACWR_HIGH));
  }
  /* A high ratio without a run on D stays quiet that day. */
  {
    g_autoptr(PatellaSeries) s = acwr_series (100, 300);

    s->days[28] = (PatellaDayStats) { .during = -1, .morning = -1, .after = -1, .max_score = -1 };
    g_assert_false (isnan (patella_series_acwr (s, 28)));
    g_assert_false (active (s, 28, PATELLA_WARNING_ACWR_HIGH));
  }
  {
    g_autoptr(PatellaSeries) s = acwr_series (100, 150);
    PatellaThresholds higher = PATELLA_THRESHOLDS_DEFAULT;

    higher.acwr_high = 1.51;
    g_assert_false (active_with (s, 27, PATELLA_WARNING_ACWR_HIGH, &higher));
  }
}

/* Loads for days D-6..D = days 10..16; the first run on day 0. */
static PatellaSeries *
week_of_loads (const double *loads)
{
  PatellaSeries *s = series_new (17);

  run (s, 0, 1, 1, 1, -1);
  for (int k = 0; k < 7; k++)
    if (loads[k] > 0)
      run (s, 10 + k, loads[k], 1, 5, -1);
  return s;
}

static void
test_monotony (void)
{
  /* Six equal days and one rest: mean / sd = sqrt(6) = 2.449. */
  const double six_of_seven[] = { 100, 100, 100, 100, 100, 100, 0 };
  /* Five of seven: sqrt(5/2) = 1.58. */
  const double five_of_seven[] = { 100, 100, 0, 100, 100, 100, 0 };
  const double same_every_day[] = { 80, 80, 80, 80, 80, 80, 80 };
  const double nothing[] = { 0, 0, 0, 0, 0, 0, 0 };

  {
    g_autoptr(PatellaSeries) s = week_of_loads (six_of_seven);
    PatellaThresholds at = PATELLA_THRESHOLDS_DEFAULT;

    g_assert_true (active (s, 16, PATELLA_WARNING_MONOTONY_HIGH));
    /* Exceeding is strict: at exactly sqrt(6) it is quiet. */
    at.monotony_high = sqrt (6.0);
    g_assert_false (active_with (s, 16, PATELLA_WARNING_MONOTONY_HIGH, &at));
    at.monotony_high = 2.44;
    g_assert_true (active_with (s, 16, PATELLA_WARNING_MONOTONY_HIGH, &at));
  }
  {
    g_autoptr(PatellaSeries) s = week_of_loads (five_of_seven);

    g_assert_false (active (s, 16, PATELLA_WARNING_MONOTONY_HIGH));
  }
  /* No variation at all, with load: counts as exceeding. */
  {
    g_autoptr(PatellaSeries) s = week_of_loads (same_every_day);
    g_autofree char *text = NULL;

    g_assert_true (active (s, 16, PATELLA_WARNING_MONOTONY_HIGH));
    text = message (s, 16, PATELLA_WARNING_MONOTONY_HIGH, PATELLA_UNIT_KM);
    g_assert_cmpstr (text, ==, "Every one of these 7 days carried the same load, 80 (minutes × effort): no variation at all.");
  }
  /* No run in the week: quiet. */
  {
    g_autoptr(PatellaSeries) s = week_of_loads (nothing);

    g_assert_false (active (s, 16, PATELLA_WARNING_MONOTONY_HIGH));
  }
  /* Runs with no load (RPE 0) every day: a deviation of 0 but no mean. */
  {
    g_autoptr(PatellaSeries) s = series_new (17);

    for (int k = 0; k <= 16; k++)
      run (s, k, 30, 0, 5, -1);
    g_assert_false (active (s, 16, PATELLA_WARNING_MONOTONY_HIGH));
  }
  /* D must be 6 or more days after the first run. */
  {
    g_autoptr(PatellaSeries) s = series_new (7);

    for (int k = 0; k < 7; k++)
      run (s, k, 50, 2, 5, -1);
    g_assert_true (active (s, 6, PATELLA_WARNING_MONOTONY_HIGH));
    g_assert_false (active (s, 5, PATELLA_WARNING_MONOTONY_HIGH));
  }
}

/* A runner training steadily hears nothing once the log knows them: 4 runs
 * a week, one a little longer at the weekend, mild pain, over a year. The
 * only warning is the very first weekend run, 36% longer than the three
 * short runs before it, which is what the rule says. */
static void
test_steady_runner_is_quiet (void)
{
  g_autoptr(PatellaSeries) s = series_new (365);
  guint n_warnings = 0;
  g_autoptr(GPtrArray) first_weekend = NULL;

  for (int i = 0; i < 365; i++)
    {
      int weekday = i % 7;

      if (weekday == 0 || weekday == 2 || weekday == 4)
        run (s, i, 40, 4, 7.0, 2);
      else if (weekday == 5)
        run (s, i, 55, 5, 9.5, 3);
      pain (s, i, 2, "morning");
      if (weekday == 5)
        pain (s, i, 3, "after");
    }

  for (guint i = 0; i < s->n_days; i++)
    {
      g_autoptr(GPtrArray) warnings = patella_warnings_for_day (s, i, NULL, PATELLA_UNIT_KM);

      for (guint k = 0; k < warnings->len; k++)
        g_test_message ("day %u: %s", i,
                        patella_warning_code_to_string (((PatellaWarning *) g_ptr_array_index (warnings, k))->code));
      n_warnings += warnings->len;
    }
  g_assert_cmpuint (n_warnings, ==, 1);
  first_weekend = patella_warnings_for_day (s, 5, NULL, PATELLA_UNIT_KM);
  g_assert_cmpuint (first_weekend->len, ==, 1);
  g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (first_weekend, 0))->code, ==, PATELLA_WARNING_RUN_SPIKE);
}

/* The pain rules over generated histories, through the store: a steady
 * runner (pain that never changes, rated with the noise of a 0-10 scale)
 * hears of them at most 10 times a year, and at least 95% of flares (pain
 * rising 3-5 points over a few days) are warned of within 7 days. The
 * warnings benchmark prints the figures. */
static void
test_quiet_but_sensitive (void)
{
  PatellaCalibration steady, flares;
  double per_year;

  patella_calibration_run (&steady, &flares);

  g_assert_cmpfloat_with_epsilon (steady.years, PATELLA_CALIBRATION_SEEDS * PATELLA_CALIBRATION_YEARS, 0.1);
  per_year = steady.pain_episodes / steady.years;
  g_test_message ("pain-rule episodes a year: %.2f; flares caught: %u of %u",
                  per_year, flares.flares_caught, flares.n_flares);
  g_assert_cmpfloat (per_year, <=, 10.0);
  g_assert_cmpuint (flares.n_flares, ==, PATELLA_CALIBRATION_SEEDS * PATELLA_CALIBRATION_YEARS *
                                         PATELLA_CALIBRATION_FLARES_PER_YEAR);
  g_assert_cmpfloat (100.0 * flares.flares_caught / flares.n_flares, >=, 95.0);
}

/* Episodes: the same code on days at most one day apart. */
static void
test_episodes (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_warning_free);
  g_autoptr(GPtrArray) episodes = NULL;
  const struct { const char *day; PatellaWarningCode code; double value; double reference; } days[] = {
    { "2026-03-02", PATELLA_WARNING_PAIN_TREND_UP, 3.0, 1.5 },
    { "2026-03-03", PATELLA_WARNING_PAIN_HIGH, 6, 5 },
    { "2026-03-03", PATELLA_WARNING_PAIN_TREND_UP, 3.5, 1.5 },   /* the worst: 2.0 up */
    { "2026-03-05", PATELLA_WARNING_PAIN_TREND_UP, 3.0, 1.5 },   /* one day's gap: the same */
    { "2026-03-06", PATELLA_WARNING_PAIN_HIGH, 7, 5 },           /* two days' gap: a new one */
    { "2026-03-08", PATELLA_WARNING_PAIN_TREND_UP, 3.5, 1.5 },   /* two days' gap: a new one */
  };
  const PatellaEpisode *e;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      PatellaWarning *w = g_new0 (PatellaWarning, 1);

      w->day = g_strdup (days[i].day);
      w->code = days[i].code;
      w->severity = patella_warning_code_get_severity (w->code);
      w->value = days[i].value;
      w->reference = days[i].reference;
      w->message = g_strdup_printf ("day %u", i);
      g_ptr_array_add (warnings, w);
    }
  episodes = patella_warnings_group_episodes (warnings);
  g_assert_cmpuint (episodes->len, ==, 4);

  e = g_ptr_array_index (episodes, 0);
  g_assert_cmpstr (e->start, ==, "2026-03-02");
  g_assert_cmpstr (e->end, ==, "2026-03-05");
  g_assert_cmpint (e->code, ==, PATELLA_WARNING_PAIN_TREND_UP);
  g_assert_cmpint (e->severity, ==, PATELLA_SEVERITY_CAUTION);
  g_assert_cmpuint (e->n_days, ==, 3);
  g_assert_cmpstr (e->worst->message, ==, "day 2");
  g_assert_cmpstr (e->worst->day, ==, "2026-03-03");

  e = g_ptr_array_index (episodes, 1);
  g_assert_cmpstr (e->start, ==, "2026-03-03");
  g_assert_cmpstr (e->end, ==, "2026-03-03");
  g_assert_cmpint (e->code, ==, PATELLA_WARNING_PAIN_HIGH);
  g_assert_cmpint (e->severity, ==, PATELLA_SEVERITY_HIGH);

  e = g_ptr_array_index (episodes, 2);
  g_assert_cmpstr (e->start, ==, "2026-03-06");
  g_assert_cmpint (e->code, ==, PATELLA_WARNING_PAIN_HIGH);
  g_assert_cmpstr (e->worst->message, ==, "day 4");

  e = g_ptr_array_index (episodes, 3);
  g_assert_cmpstr (e->start, ==, "2026-03-08");
  g_assert_cmpuint (e->n_days, ==, 1);

  g_ptr_array_set_size (warnings, 0);
  g_clear_pointer (&episodes, g_ptr_array_unref);
  episodes = patella_warnings_group_episodes (warnings);
  g_assert_cmpuint (episodes->len, ==, 0);
}

/* Against the real store: runs and pain entries land on their local days,
 * across the night the clocks go forward. */
static void
test_store_series_across_dst (void)
{
  g_autofree char *dir = patella_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaSeries) series = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();

  store = patella_store_open (path, &error);
  g_assert_no_error (error);

  /* Three runs of 5 km in the month before, then 12 km at 00:30 on the short day. */
  for (int k = 0; k < 3; k++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", 5 + 7 * k);
      g_assert_cmpint (patella_store_log_run (store, day, NULL, 30, 5.0, 4, -1, NULL, &error), >, 0);
    }
  {
    g_autoptr(GDateTime) night = g_date_time_new (berlin, 2026, 3, 29, 0, 30, 0);
    g_autofree char *day = patella_day_from_datetime (night);

    g_assert_cmpstr (day, ==, "2026-03-29");
    g_assert_cmpint (patella_store_log_run (store, day, night, 70, 12.0, 6, 6, "long run", &error), >, 0);
  }
  g_assert_cmpint (patella_store_log_pain (store, "2026-03-29", NULL, 4, PATELLA_PAIN_DURING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-03-29", NULL, 2, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-03-30", NULL, 3, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
  /* Five usual mornings of 1 in the two weeks before 30 March (with 29
   * March's 2, the median is 1). */
  for (int k = 0; k < 5; k++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", 16 + 2 * k);
      g_assert_cmpint (patella_store_log_pain (store, day, NULL, 1, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
    }
  g_assert_no_error (error);

  series = patella_store_load_series (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->n_days, ==, 31);
  g_assert_cmpint (series->first_run, ==, 4);
  {
    const PatellaDayStats *d = &series->days[28];   /* 29 March */

    g_assert_cmpfloat (d->load, ==, 70 * 6);
    g_assert_cmpfloat (d->distance, ==, 12.0);
    g_assert_cmpint (d->n_runs, ==, 1);
    g_assert_cmpint (d->during, ==, 6);      /* the run's pain beats the during entry */
    g_assert_cmpint (d->morning, ==, 2);
    g_assert_cmpint (d->max_score, ==, 6);
    g_assert_cmpint (d->n_scores, ==, 3);
    g_assert_cmpfloat (d->score_sum, ==, 12);
    /* The series of their own: the run's pain and the during entry; the morning. */
    g_assert_cmpint (d->n_during, ==, 2);
    g_assert_cmpfloat (d->during_sum, ==, 10);
    g_assert_cmpint (d->n_morning, ==, 1);
    g_assert_cmpfloat (d->morning_sum, ==, 2);
  }

  warnings = patella_episodes_warnings_between (store, "2026-03-01", "2026-03-31", NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  /* 29 March: pain 6 during (high first), a run 140% longer, a week of 12 km
   * against 5; 30 March: a worse morning after it. */
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmpstr (((PatellaWarning *) g_ptr_array_index (warnings, 0))->day, ==, "2026-03-29");
  g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (warnings, 0))->code, ==, PATELLA_WARNING_PAIN_HIGH);
  g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (warnings, 1))->code, ==, PATELLA_WARNING_RUN_SPIKE);
  g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (warnings, 2))->code, ==, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE);
  g_assert_cmpstr (((PatellaWarning *) g_ptr_array_index (warnings, 3))->day, ==, "2026-03-30");
  g_assert_cmpint (((PatellaWarning *) g_ptr_array_index (warnings, 3))->code, ==, PATELLA_WARNING_MORNING_WORSE);

  /* A gap: nothing for two months, then one run. Windows see only zeros. */
  g_assert_cmpint (patella_store_log_run (store, "2026-06-01", NULL, 60, 15.0, 5, -1, NULL, &error), >, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = patella_episodes_warnings_between (store, "2026-04-01", "2026-06-30", NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);

  g_clear_object (&store);
  g_unsetenv ("TZ");
  tzset ();
  patella_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/warnings/codes", test_codes);
  g_test_add_func ("/warnings/empty-and-one-day", test_empty_and_one_day);
  g_test_add_func ("/warnings/pain-high", test_pain_high);
  g_test_add_func ("/warnings/pain-severe", test_pain_severe);
  g_test_add_func ("/warnings/morning-worse", test_morning_worse);
  g_test_add_func ("/warnings/pain-trend-up", test_pain_trend_up);
  g_test_add_func ("/warnings/run-spike", test_run_spike);
  g_test_add_func ("/warnings/weekly-distance-spike", test_weekly_distance_spike);
  g_test_add_func ("/warnings/acwr-high", test_acwr);
  g_test_add_func ("/warnings/monotony-high", test_monotony);
  g_test_add_func ("/warnings/steady-runner-is-quiet", test_steady_runner_is_quiet);
  g_test_add_func ("/warnings/episodes", test_episodes);
  g_test_add_func ("/warnings/quiet-but-sensitive", test_quiet_but_sensitive);
  g_test_add_func ("/warnings/store-series-across-dst", test_store_series_across_dst);

  return g_test_run ();
}
