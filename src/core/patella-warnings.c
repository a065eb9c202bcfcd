/* patella-warnings.c: the load-management warnings, pure functions over days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, for a day D (windows inclusive; D-6..D is 7 days):
 *
 *   pain-high        during(D) > 5
 *   pain-severe      any score on D >= 8
 *   morning-worse    a run on D-1, and morning(D) - usual >= 2, where usual
 *                    is the median of morning(D-14)..morning(D-1) over the
 *                    days that have one, at least 5 of them
 *   pain-trend-up    for the morning scores, or for the "during" scores and
 *                    run pain: mean over D-6..D minus mean over D-13..D-7
 *                    >= 1.5, each window holding at least 3 of its scores
 *   run-spike        a run on D more than 10% longer than the longest single
 *                    run on D-30..D-1, with at least 3 runs on D-30..D-1
 *   weekly-distance-spike
 *                    a run on D, and distance over D-6..D more than 30% above
 *                    the largest of the four weeks before (D-13..D-7,
 *                    D-20..D-14, D-27..D-21, D-34..D-28), at least two of
 *                    which are > 0
 *   acwr-high        a run on D and ratio(D) >= 1.5, where ratio(D) = load
 *                    over D-6..D / (load over D-27..D-7 / 3), defined when D
 *                    is 27 or more days after the first run and that chronic
 *                    load is > 0
 *   monotony-high    a run on D-6..D, D at least 6 days after the first run,
 *                    and mean / population standard deviation of daily load
 *                    over D-6..D above 2.0 (a deviation of 0 with a positive
 *                    mean counts as above)
 *
 * Days outside the series count as empty. Comparisons of measured values
 * allow for rounding (1e-9 relative), so that 11 km against 10 km is exactly
 * 10% longer, not a hair more, whatever binary fractions make of it.
 */
#define G_LOG_DOMAIN "patella-warnings"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-day.h"
#include "patella-warnings.h"

#define EPSILON 1e-9

/* By code; the codes themselves are in patella-warning-codes.h. */
static const struct {
  PatellaSeverity  severity;
  const char      *title;
  const char      *advice;
  const char      *source;
} rules[PATELLA_N_WARNINGS] = {
  [PATELLA_WARNING_PAIN_HIGH] = {
    PATELLA_SEVERITY_HIGH,
    N_("Pain during activity is too high"),
    N_("Pain above 5 out of 10 during activity is more than the knee should take. "
       "Ease off: shorten or slow the next runs, or swap one for rest, until pain "
       "during activity stays at 5 or below."),
    N_("The pain-monitoring model, first tested for Achilles tendon pain (Silbernagel "
       "et al., 2007): 0–3 is safe, 4–5 acceptable, above 5 too much. Patellofemoral "
       "programmes use it the same way: pain during activity up to 5 of 10, settled by "
       "the next morning."),
  },
  [PATELLA_WARNING_PAIN_SEVERE] = {
    PATELLA_SEVERITY_HIGH,
    N_("Severe pain"),
    N_("At 8 out of 10 or more, stop running for now and use PRICE care: protect, "
       "rest, ice for 10–20 minutes, compress, and raise the leg. See a clinician if "
       "it persists, or at once if the knee locks, gives way or swells."),
    N_("Clinical practice for severe pain, with PRICE care while the knee is inflamed."),
  },
  [PATELLA_WARNING_MORNING_WORSE] = {
    PATELLA_SEVERITY_CAUTION,
    N_("Worse the morning after a run"),
    N_("Pain from a run should settle by the next morning. A morning clearly worse "
       "than your usual one says the run was more than the knee wanted: make the next "
       "run shorter or easier, or rest, until mornings settle."),
    N_("The 24-hour rule of the pain-monitoring model, first tested for Achilles tendon "
       "pain (Silbernagel et al., 2007) and used the same way in patellofemoral "
       "programmes. Two points is about the smallest change in pain that patients notice "
       "(Farrar et al., 2001; Crossley et al., 2004)."),
  },
  [PATELLA_WARNING_PAIN_TREND_UP] = {
    PATELLA_SEVERITY_CAUTION,
    N_("Pain is rising week on week"),
    N_("Pain should hold steady or fall from week to week. Hold your running where it "
       "is, or reduce it, until the average comes back down."),
    N_("The pain-monitoring model, first tested for Achilles tendon pain (Silbernagel "
       "et al., 2007) and used the same way in patellofemoral programmes: pain should "
       "not rise from week to week. Morning pain and pain during activity are each "
       "compared with themselves."),
  },
  [PATELLA_WARNING_RUN_SPIKE] = {
    PATELLA_SEVERITY_CAUTION,
    N_("A much longer run than usual"),
    /* xgettext:no-c-format */
    N_("A single run more than 10% longer than your longest of the last 30 days "
       "is linked with more running injuries. Build distance in smaller steps."),
    /* xgettext:no-c-format */
    N_("The Garmin-RUNSAFE cohort (Frandsen et al., BJSM 2025): runs 10–30% longer "
       "than the recent longest were linked with a hazard ratio of 1.64. A cohort "
       "shows an association, not a cause."),
  },
  [PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE] = {
    PATELLA_SEVERITY_CAUTION,
    N_("A big jump in weekly distance"),
    /* xgettext:no-c-format */
    N_("A week more than 30% above your recent weeks is linked with running "
       "injuries. Keep the increases from week to week smaller."),
    N_("Nielsen et al., JOSPT 2014. (The popular 10% rule is a convention, not evidence.)"),
  },
  [PATELLA_WARNING_ACWR_HIGH] = {
    PATELLA_SEVERITY_CAUTION,
    N_("Recent load well above what you are used to"),
    N_("This describes your recent load: the last 7 days carried 1.5 times or more "
       "of a usual week. It is not a prediction of injury, but a reason to make the "
       "coming days easier."),
    N_("The acute:chronic workload ratio, rolling and uncoupled (Gabbett 2016); its "
       "use to predict injury is criticised (Lolli et al. 2019, Impellizzeri et al. 2020)."),
  },
  [PATELLA_WARNING_MONOTONY_HIGH] = {
    PATELLA_SEVERITY_CAUTION,
    N_("Every day much the same"),
    N_("Training that barely varies from day to day gives the knee little chance to "
       "recover. Mix hard and easy days, and keep rest days."),
    N_("Training monotony, the week's mean daily load over its standard deviation (Foster 1998)."),
  },
};

PatellaSeverity
patella_warning_code_get_severity (PatellaWarningCode code)
{
  g_return_val_if_fail (code < PATELLA_N_WARNINGS, PATELLA_SEVERITY_CAUTION);
  return rules[code].severity;
}

const char *
patella_warning_code_get_title (PatellaWarningCode code)
{
  g_return_val_if_fail (code < PATELLA_N_WARNINGS, NULL);
  return _(rules[code].title);
}

const char *
patella_warning_code_get_advice (PatellaWarningCode code)
{
  g_return_val_if_fail (code < PATELLA_N_WARNINGS, NULL);
  return _(rules[code].advice);
}

const char *
patella_warning_code_get_source (PatellaWarningCode code)
{
  g_return_val_if_fail (code < PATELLA_N_WARNINGS, NULL);
  return _(rules[code].source);
}

void
patella_warning_free (PatellaWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->day);
  g_free (warning->message);
  g_free (warning);
}

PatellaWarning *
patella_warning_copy (const PatellaWarning *warning)
{
  PatellaWarning *copy;

  g_return_val_if_fail (warning != NULL, NULL);

  copy = g_memdup2 (warning, sizeof *warning);
  copy->day = g_strdup (warning->day);
  copy->message = g_strdup (warning->message);
  return copy;
}

void
patella_episode_free (PatellaEpisode *episode)
{
  if (episode == NULL)
    return;
  g_free (episode->start);
  g_free (episode->end);
  patella_warning_free (episode->worst);
  patella_warning_free (episode->last);
  g_free (episode);
}

/* How far a warning is past its rule, to pick an episode's worst day: the
 * measured value where the reference is the threshold, the rise or the
 * ratio where it is the runner's own earlier figure. */
static double
excess (const PatellaWarning *warning)
{
  switch (warning->code)
    {
    case PATELLA_WARNING_MORNING_WORSE:
    case PATELLA_WARNING_PAIN_TREND_UP:
      return warning->value - warning->reference;
    case PATELLA_WARNING_RUN_SPIKE:
    case PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE:
      return warning->reference > 0 ? warning->value / warning->reference : INFINITY;
    case PATELLA_WARNING_PAIN_HIGH:
    case PATELLA_WARNING_PAIN_SEVERE:
    case PATELLA_WARNING_ACWR_HIGH:
    case PATELLA_WARNING_MONOTONY_HIGH:
    case PATELLA_N_WARNINGS:
    default:
      return warning->value;
    }
}

/**
 * patella_warnings_group_episodes:
 * @warnings: (element-type PatellaWarning): oldest day first
 *
 * Returns: (transfer full) (element-type PatellaEpisode): one episode for
 *   each run of days with the same code where no more than one day passes
 *   between two of them, ordered by first day (and within a day as the
 *   warnings were). The worst day is the first with the largest excess.
 */
GPtrArray *
patella_warnings_group_episodes (GPtrArray *warnings)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_episode_free);
  PatellaEpisode *open[PATELLA_N_WARNINGS] = { NULL };

  g_return_val_if_fail (warnings != NULL, NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      const PatellaWarning *warning = g_ptr_array_index (warnings, i);
      PatellaEpisode *episode = open[warning->code];

      if (episode != NULL && patella_day_diff (episode->end, warning->day) <= 2)
        {
          if (g_strcmp0 (episode->end, warning->day) == 0)
            continue;
          g_free (episode->end);
          episode->end = g_strdup (warning->day);
          episode->n_days++;
          patella_warning_free (episode->last);
          episode->last = patella_warning_copy (warning);
          if (excess (warning) > excess (episode->worst))
            {
              patella_warning_free (episode->worst);
              episode->worst = patella_warning_copy (warning);
            }
          continue;
        }

      episode = g_new0 (PatellaEpisode, 1);
      episode->start = g_strdup (warning->day);
      episode->end = g_strdup (warning->day);
      episode->code = warning->code;
      episode->severity = warning->severity;
      episode->n_days = 1;
      episode->worst = patella_warning_copy (warning);
      episode->last = patella_warning_copy (warning);
      open[warning->code] = episode;
      g_ptr_array_add (episodes, episode);
    }

  return g_steal_pointer (&episodes);
}

char *
patella_format_distance (double              km,
                         PatellaDistanceUnit unit)
{
  if (unit == PATELLA_UNIT_MILES)
    /* Translators: a distance in miles */
    return g_strdup_printf (_("%.1f mi"), km / PATELLA_KM_PER_MILE);
  /* Translators: a distance in kilometres */
  return g_strdup_printf (_("%.1f km"), km);
}

static const PatellaDayStats no_day = {
  .during = -1, .morning = -1, .after = -1, .max_score = -1,
};

static const PatellaDayStats *
day_at (const PatellaSeries *series,
        int                  index)
{
  if (index < 0 || index >= (int) series->n_days)
    return &no_day;
  return &series->days[index];
}

/* a > b, and a >= b, with room for rounding. */
static gboolean
greater (double a,
         double b)
{
  return a - b > EPSILON * MAX (1.0, fabs (b));
}

static gboolean
at_least (double a,
          double b)
{
  return a - b >= -EPSILON * MAX (1.0, fabs (b));
}

typedef struct
{
  double load;
  double distance;
  double longest;
  int    n_runs;
  double morning_sum;
  int    n_morning;
  double during_sum;
  int    n_during;
} Window;

/* Sums over days @from..@to (inclusive, relative indices). */
static Window
window (const PatellaSeries *series,
        int                  from,
        int                  to)
{
  Window w = { 0 };

  for (int i = from; i <= to; i++)
    {
      const PatellaDayStats *d = day_at (series, i);

      w.load += d->load;
      w.distance += d->distance;
      w.longest = MAX (w.longest, d->longest);
      w.n_runs += d->n_runs;
      w.morning_sum += d->morning_sum;
      w.n_morning += d->n_morning;
      w.during_sum += d->during_sum;
      w.n_during += d->n_during;
    }
  return w;
}

double
patella_series_acwr (const PatellaSeries *series,
                     guint                index)
{
  int i = (int) index;
  Window acute, chronic;

  g_return_val_if_fail (series != NULL, NAN);

  if (series->first_run == G_MININT || i - series->first_run < 27)
    return NAN;

  chronic = window (series, i - 27, i - 7);
  if (!(chronic.load > 0))
    return NAN;

  acute = window (series, i - 6, i);
  return acute.load / (chronic.load / 3.0);
}

/* The median of the morning scores of D-14..D-1, over the days that have
 * one; FALSE when fewer than PATELLA_USUAL_MORNING_MIN days do. */
static gboolean
usual_morning (const PatellaSeries *series,
               int                  i,
               double              *median,
               int                 *n_mornings)
{
  int counts[11] = { 0 };
  int n = 0, seen = 0, lower = -1, upper = -1;

  for (int k = i - 14; k <= i - 1; k++)
    {
      int morning = day_at (series, k)->morning;

      if (morning >= 0)
        {
          counts[MIN (morning, 10)]++;
          n++;
        }
    }
  *n_mornings = n;
  if (n < PATELLA_USUAL_MORNING_MIN)
    return FALSE;

  /* The (n-1)/2-th and n/2-th smallest, from the counts of each score. */
  for (int score = 0; score <= 10; score++)
    {
      seen += counts[score];
      if (lower < 0 && seen > (n - 1) / 2)
        lower = score;
      if (upper < 0 && seen > n / 2)
        upper = score;
    }
  *median = (lower + upper) / 2.0;
  return TRUE;
}

/* A series' mean rose by @rise or more, each window holding 3 scores. */
static gboolean
trend (double  recent_sum,
       int     n_recent,
       double  earlier_sum,
       int     n_earlier,
       double  rise,
       double *now,
       double *then)
{
  if (n_recent < 3 || n_earlier < 3)
    return FALSE;
  *now = recent_sum / n_recent;
  *then = earlier_sum / n_earlier;
  return at_least (*now - *then, rise);
}

/* "2" or "1.5": a median of whole scores has at most a half. */
static char *
format_score (double score)
{
  return score == floor (score) ? g_strdup_printf ("%.0f", score) : g_strdup_printf ("%.1f", score);
}

static void
add (GPtrArray           *warnings,
     const PatellaSeries *series,
     guint                index,
     PatellaWarningCode   code,
     double               value,
     double               reference,
     char                *message)
{
  PatellaWarning *warning = g_new0 (PatellaWarning, 1);

  warning->day = patella_day_add (series->first, (int) index);
  warning->code = code;
  warning->severity = rules[code].severity;
  warning->value = value;
  warning->reference = reference;
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

gboolean
patella_series_morning_worse (const PatellaSeries     *series,
                              guint                    index,
                              const PatellaThresholds *thresholds)
{
  const PatellaThresholds defaults = PATELLA_THRESHOLDS_DEFAULT;
  const PatellaThresholds *t = thresholds ? thresholds : &defaults;
  const PatellaDayStats *d;
  double usual;
  int n_mornings;

  g_return_val_if_fail (series != NULL, FALSE);

  d = day_at (series, (int) index);
  return d->morning >= 0 && usual_morning (series, (int) index, &usual, &n_mornings) &&
         at_least (d->morning - usual, t->morning_rise);
}

/**
 * patella_warnings_for_day:
 *
 * Returns: (transfer full) (element-type PatellaWarning): the warnings
 *   active on day @index of @series, high severity first, then in the
 *   order of the rules.
 */
GPtrArray *
patella_warnings_for_day (const PatellaSeries     *series,
                          guint                    index,
                          const PatellaThresholds *thresholds,
                          PatellaDistanceUnit      unit)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_warning_free);
  const PatellaThresholds defaults = PATELLA_THRESHOLDS_DEFAULT;
  const PatellaThresholds *t = thresholds ? thresholds : &defaults;
  const PatellaDayStats *d;
  int i = (int) index;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (index < series->n_days, NULL);

  d = &series->days[index];

  if (d->during >= 0 && d->during > t->pain_high)
    add (warnings, series, index, PATELLA_WARNING_PAIN_HIGH, d->during, t->pain_high,
         g_strdup_printf (_("Pain during activity reached %d out of 10, above %d."),
                          d->during, t->pain_high));

  if (d->max_score >= 0 && d->max_score >= t->pain_severe)
    add (warnings, series, index, PATELLA_WARNING_PAIN_SEVERE, d->max_score, t->pain_severe,
         g_strdup_printf (_("A pain score of %d out of 10 was logged; %d or more is severe."),
                          d->max_score, t->pain_severe));

  {
    const PatellaDayStats *before = day_at (series, i - 1);
    double usual;
    int n_mornings;

    if (before->n_runs > 0 && d->morning >= 0 &&
        usual_morning (series, i, &usual, &n_mornings) &&
        at_least (d->morning - usual, t->morning_rise))
      {
        g_autofree char *usual_text = format_score (usual);
        g_autofree char *distance = patella_format_distance (before->distance, unit);

        add (warnings, series, index, PATELLA_WARNING_MORNING_WORSE, d->morning, usual,
             before->distance > 0
             ? g_strdup_printf (_("Morning pain of %d out of 10, against a usual morning of %s "
                                  "(the median of %d mornings in the two weeks before), after "
                                  "yesterday’s %s run."),
                                d->morning, usual_text, n_mornings, distance)
             : g_strdup_printf (_("Morning pain of %d out of 10, against a usual morning of %s "
                                  "(the median of %d mornings in the two weeks before), after "
                                  "yesterday’s %.0f-minute run."),
                                d->morning, usual_text, n_mornings, before->minutes));
      }
  }

  {
    Window recent = window (series, i - 6, i);
    Window earlier = window (series, i - 13, i - 7);
    double morning_now = 0, morning_then = 0, during_now = 0, during_then = 0;
    gboolean morning = trend (recent.morning_sum, recent.n_morning,
                              earlier.morning_sum, earlier.n_morning,
                              t->pain_trend, &morning_now, &morning_then);
    gboolean during = trend (recent.during_sum, recent.n_during,
                             earlier.during_sum, earlier.n_during,
                             t->pain_trend, &during_now, &during_then);

    if (morning || during)
      {
        g_autoptr(GString) text = g_string_new (NULL);

        if (morning)
          g_string_append_printf (text, _("Morning pain averages %.1f over these 7 days, up %.1f "
                                          "from %.1f the week before."),
                                  morning_now, morning_now - morning_then, morning_then);
        if (morning && during)
          g_string_append_c (text, ' ');
        if (during)
          g_string_append_printf (text, _("Pain during activity averages %.1f over these 7 days, "
                                          "up %.1f from %.1f the week before."),
                                  during_now, during_now - during_then, during_then);
        /* The measured value is the series that rose more. */
        if (morning && (!during || morning_now - morning_then >= during_now - during_then))
          add (warnings, series, index, PATELLA_WARNING_PAIN_TREND_UP, morning_now, morning_then,
               g_string_free (g_steal_pointer (&text), FALSE));
        else
          add (warnings, series, index, PATELLA_WARNING_PAIN_TREND_UP, during_now, during_then,
               g_string_free (g_steal_pointer (&text), FALSE));
      }
  }

  if (d->n_runs > 0)
    {
      Window month = window (series, i - 30, i - 1);

      if (month.n_runs >= 3 && greater (d->longest, month.longest * (1.0 + t->run_spike)))
        {
          g_autofree char *run = patella_format_distance (d->longest, unit);
          g_autofree char *longest = patella_format_distance (month.longest, unit);

          add (warnings, series, index, PATELLA_WARNING_RUN_SPIKE, d->longest, month.longest,
               month.longest > 0
               ? g_strdup_printf (_("A %s run, %.0f%% longer than your longest of the previous "
                                    "30 days, %s."),
                                  run, 100.0 * (d->longest / month.longest - 1.0), longest)
               : g_strdup_printf (_("A %s run, where none of your %d runs of the previous 30 "
                                    "days had a distance."),
                                  run, month.n_runs));
        }
    }

  if (d->n_runs > 0)
    {
      Window week = window (series, i - 6, i);
      double biggest = 0.0;
      int n_active = 0;

      for (int k = 1; k <= 4; k++)
        {
          Window earlier = window (series, i - 6 - 7 * k, i - 7 * k);

          biggest = MAX (biggest, earlier.distance);
          if (earlier.distance > 0)
            n_active++;
        }

      if (n_active >= 2 && greater (week.distance, biggest * (1.0 + t->weekly_spike)))
        {
          g_autofree char *this_week = patella_format_distance (week.distance, unit);
          g_autofree char *before = patella_format_distance (biggest, unit);

          add (warnings, series, index, PATELLA_WARNING_WEEKLY_DISTANCE_SPIKE, week.distance, biggest,
               g_strdup_printf (_("%s over these 7 days is %.0f%% more than the biggest of the "
                                  "four weeks before, %s."),
                                this_week, 100.0 * (week.distance / biggest - 1.0), before));
        }
    }

  if (d->n_runs > 0)
    {
      double ratio = patella_series_acwr (series, index);

      if (!isnan (ratio) && at_least (ratio, t->acwr_high))
        {
          Window acute = window (series, i - 6, i);
          Window chronic = window (series, i - 27, i - 7);

          add (warnings, series, index, PATELLA_WARNING_ACWR_HIGH, ratio, t->acwr_high,
               g_strdup_printf (_("Your load over these 7 days, %.0f, is %.2f times your average "
                                  "week of the three weeks before, %.0f (load is minutes × effort)."),
                                acute.load, ratio, chronic.load / 3.0));
        }
    }

  {
    Window week = window (series, i - 6, i);

    if (week.n_runs > 0 && series->first_run != G_MININT && i - series->first_run >= 6)
      {
        double mean = week.load / 7.0;
        double variance = 0.0;
        double sd;

        for (int k = i - 6; k <= i; k++)
          variance += (day_at (series, k)->load - mean) * (day_at (series, k)->load - mean);
        sd = sqrt (variance / 7.0);

        if (sd <= EPSILON * MAX (1.0, mean))
          {
            if (mean > 0)
              add (warnings, series, index, PATELLA_WARNING_MONOTONY_HIGH, INFINITY, t->monotony_high,
                   g_strdup_printf (_("Every one of these 7 days carried the same load, %.0f "
                                      "(minutes × effort): no variation at all."),
                                    mean));
          }
        else if (greater (mean / sd, t->monotony_high))
          add (warnings, series, index, PATELLA_WARNING_MONOTONY_HIGH, mean / sd, t->monotony_high,
               g_strdup_printf (_("Your daily load over these 7 days barely varied: monotony %.2f, "
                                  "above %.1f (mean %.0f, standard deviation %.0f, in minutes × effort)."),
                                mean / sd, t->monotony_high, mean, sd));
      }
  }

  return g_steal_pointer (&warnings);
}
