/* patella-outcomes.c: the check-in, the single-leg squat self-test and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check-in's items are plain numeric ratings (usual and worst pain,
 * pain on seven activities, a 7-point global rating of change), which are
 * free to use; the questionnaires clinicians also use (AKPS, KOOS-PF) are
 * licensed and their texts are not shipped. A change of 2 points on a
 * 0-10 pain item is about the smallest patients notice (Farrar 2001;
 * Crossley 2004 for patellofemoral pain).
 */
#define G_LOG_DOMAIN "patella-outcomes"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-day.h"
#include "patella-outcomes.h"

static const struct {
  const char *id;
  const char *title;
} items[PATELLA_N_OUTCOME_ITEMS] = {
  [PATELLA_OUTCOME_USUAL_PAIN] = { "usual-pain", N_("Usual pain over the last week") },
  [PATELLA_OUTCOME_WORST_PAIN] = { "worst-pain", N_("Worst pain over the last week") },
  [PATELLA_OUTCOME_WALKING] = { "walking", N_("Walking") },
  [PATELLA_OUTCOME_RUNNING] = { "running", N_("Running") },
  [PATELLA_OUTCOME_SQUATTING] = { "squatting", N_("Squatting") },
  [PATELLA_OUTCOME_SITTING] = { "sitting", N_("Sitting with bent knees") },
  [PATELLA_OUTCOME_STAIRS_UP] = { "stairs-up", N_("Stairs up") },
  [PATELLA_OUTCOME_STAIRS_DOWN] = { "stairs-down", N_("Stairs down") },
  [PATELLA_OUTCOME_KNEELING] = { "kneeling", N_("Kneeling") },
  [PATELLA_OUTCOME_GLOBAL_CHANGE] = { "global-change", N_("Change since starting") },
};

static const char *const global_titles[] = {
  N_("Very much worse"), N_("Much worse"), N_("A little worse"), N_("No change"),
  N_("A little better"), N_("Much better"), N_("Very much better"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (global_titles) == PATELLA_GLOBAL_CHANGE_MAX - PATELLA_GLOBAL_CHANGE_MIN + 1);

const char *
patella_outcome_item_to_string (PatellaOutcomeItem item)
{
  g_return_val_if_fail (item < PATELLA_N_OUTCOME_ITEMS, NULL);
  return items[item].id;
}

gboolean
patella_outcome_item_from_string (const char         *text,
                                  PatellaOutcomeItem *out)
{
  for (guint i = 0; text != NULL && i < PATELLA_N_OUTCOME_ITEMS; i++)
    if (g_str_equal (text, items[i].id))
      {
        *out = (PatellaOutcomeItem) i;
        return TRUE;
      }
  return FALSE;
}

const char *
patella_outcome_item_get_title (PatellaOutcomeItem item)
{
  g_return_val_if_fail (item < PATELLA_N_OUTCOME_ITEMS, NULL);
  return _(items[item].title);
}

gboolean
patella_outcome_item_is_pain (PatellaOutcomeItem item)
{
  return item < PATELLA_OUTCOME_GLOBAL_CHANGE;
}

gboolean
patella_outcome_item_allows_not_done (PatellaOutcomeItem item)
{
  return item >= PATELLA_OUTCOME_WALKING && item <= PATELLA_OUTCOME_KNEELING;
}

gboolean
patella_outcome_value_is_valid (PatellaOutcomeItem item,
                                int                value)
{
  if (item >= PATELLA_N_OUTCOME_ITEMS)
    return FALSE;
  if (value == PATELLA_OUTCOME_NOT_DONE)
    return patella_outcome_item_allows_not_done (item);
  if (item == PATELLA_OUTCOME_GLOBAL_CHANGE)
    return value >= PATELLA_GLOBAL_CHANGE_MIN && value <= PATELLA_GLOBAL_CHANGE_MAX;
  return value >= 0 && value <= 10;
}

const char *
patella_global_change_get_title (int value)
{
  g_return_val_if_fail (value >= PATELLA_GLOBAL_CHANGE_MIN && value <= PATELLA_GLOBAL_CHANGE_MAX, NULL);
  return _(global_titles[value - PATELLA_GLOBAL_CHANGE_MIN]);
}

PatellaChange
patella_outcome_change (PatellaOutcomeItem item,
                        int                baseline,
                        int                value)
{
  if (!patella_outcome_item_is_pain (item) || baseline < 0 || value < 0)
    return PATELLA_CHANGE_NONE;
  if (baseline - value >= PATELLA_OUTCOME_IMPORTANT_CHANGE)
    return PATELLA_CHANGE_BETTER;
  if (value - baseline >= PATELLA_OUTCOME_IMPORTANT_CHANGE)
    return PATELLA_CHANGE_WORSE;
  return PATELLA_CHANGE_NONE;
}

/* The schedule */

static void
copy_day (char        out[11],
          const char *day)
{
  g_strlcpy (out, day, 11);
}

void
patella_checkin_schedule (const char     *last,
                          const char     *snoozed_until,
                          const char     *today,
                          PatellaCheckin *out)
{
  g_autofree char *due = NULL;
  int overdue;

  g_return_if_fail (patella_day_is_valid (today));
  g_return_if_fail (last == NULL || patella_day_is_valid (last));
  g_return_if_fail (snoozed_until == NULL || patella_day_is_valid (snoozed_until));
  g_return_if_fail (out != NULL);

  /* The first check-in is the baseline: asked for at once. */
  due = last != NULL ? patella_day_add (last, PATELLA_CHECKIN_INTERVAL_DAYS) : g_strdup (today);
  copy_day (out->due, due);
  out->days_until = 0;
  out->n_missed = 0;

  overdue = patella_day_diff (due, today);
  if (overdue < 0)
    {
      out->state = PATELLA_CHECKIN_NOT_DUE;
      out->days_until = -overdue;
      return;
    }
  out->n_missed = overdue / PATELLA_CHECKIN_INTERVAL_DAYS;
  if (snoozed_until != NULL && g_strcmp0 (snoozed_until, today) > 0)
    out->state = PATELLA_CHECKIN_SNOOZED;
  else if (out->n_missed > 0)
    out->state = PATELLA_CHECKIN_MISSED;
  else
    out->state = PATELLA_CHECKIN_DUE;
}

/* The self-test */

static const char *const side_ids[PATELLA_N_LEGS] = { "left", "right" };
static const char *const side_titles[PATELLA_N_LEGS] = { N_("Left leg"), N_("Right leg") };
static const char *const result_ids[PATELLA_N_SQUAT_RESULTS] = { "centred", "wobbles", "drops-inward" };
static const char *const result_titles[PATELLA_N_SQUAT_RESULTS] = {
  N_("Knee stays centred"), N_("Knee wobbles"), N_("Knee drops inward"),
};

/* to_string and from_string for an enum named by the ids in @ids. */
#define NAMES(prefix, Type, n, ids) \
  const char * \
  prefix##_to_string (Type value) \
  { \
    g_return_val_if_fail (value < (n), NULL); \
    return ids[value]; \
  } \
  gboolean \
  prefix##_from_string (const char *text, \
                        Type       *out) \
  { \
    for (guint i = 0; text != NULL && i < (n); i++) \
      if (g_str_equal (ids[i], text)) \
        { \
          *out = (Type) i; \
          return TRUE; \
        } \
    return FALSE; \
  }

NAMES (patella_leg, PatellaLeg, PATELLA_N_LEGS, side_ids)
NAMES (patella_squat_result, PatellaSquatResult, PATELLA_N_SQUAT_RESULTS, result_ids)

const char *
patella_leg_get_title (PatellaLeg side)
{
  g_return_val_if_fail (side < PATELLA_N_LEGS, NULL);
  return _(side_titles[side]);
}

const char *
patella_squat_result_get_title (PatellaSquatResult result)
{
  g_return_val_if_fail (result < PATELLA_N_SQUAT_RESULTS, NULL);
  return _(result_titles[result]);
}

void
patella_self_test_free (PatellaSelfTest *test)
{
  if (test == NULL)
    return;
  g_free (test->day);
  g_free (test);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const PatellaSelfTest *x = *(PatellaSelfTest * const *) a;
  const PatellaSelfTest *y = *(PatellaSelfTest * const *) b;

  return -g_strcmp0 (x->day, y->day);
}

gboolean
patella_self_test_suggests_hip (GPtrArray   *tests,
                                gboolean     hip_exercise_on,
                                PatellaLeg *side)
{
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (tests != NULL, FALSE);

  if (hip_exercise_on)
    return FALSE;

  /* A borrowed view: g_ptr_array_copy() would take the free function too. */
  sorted = g_ptr_array_sized_new (tests->len);
  for (guint i = 0; i < tests->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (tests, i));
  g_ptr_array_sort (sorted, newest_first);
  for (PatellaLeg s = 0; s < PATELLA_N_LEGS; s++)
    {
      guint seen = 0, dropped = 0;

      for (guint i = 0; i < sorted->len && seen < 3; i++)
        {
          const PatellaSelfTest *test = g_ptr_array_index (sorted, i);

          if (test->side != s)
            continue;
          seen++;
          if (test->result == PATELLA_SQUAT_DROPS_IN)
            dropped++;
        }
      if (dropped >= 2)
        {
          if (side != NULL)
            *side = s;
          return TRUE;
        }
    }
  return FALSE;
}

/* Goals */

static const char *const goal_kind_ids[PATELLA_N_GOAL_KINDS] = { "run", "stairs", "routine", "free" };
static const char *const goal_status_titles[] = { N_("Not yet"), N_("On track"), N_("Met") };

NAMES (patella_goal_kind, PatellaGoalKind, PATELLA_N_GOAL_KINDS, goal_kind_ids)

const char *
patella_goal_status_get_title (PatellaGoalStatus status)
{
  g_return_val_if_fail (status <= PATELLA_GOAL_MET, NULL);
  return _(goal_status_titles[status]);
}

PatellaGoal *
patella_goal_copy (const PatellaGoal *goal)
{
  PatellaGoal *copy = g_memdup2 (goal, sizeof *goal);

  copy->start = g_strdup (goal->start);
  copy->target = g_strdup (goal->target);
  copy->text = g_strdup (goal->text);
  return copy;
}

void
patella_goal_free (PatellaGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->start);
  g_free (goal->target);
  g_free (goal->text);
  g_free (goal);
}

#define KM_PER_MILE 1.609344

char *
patella_goal_describe (const PatellaGoal *goal,
                       gboolean           miles)
{
  g_return_val_if_fail (goal != NULL, NULL);

  switch (goal->kind)
    {
    case PATELLA_GOAL_RUN:
      if (miles)
        /* Translators: a goal: "Run 6.2 mi with pain at most 2" */
        return g_strdup_printf (_("Run %.1f mi with pain at most %d"), goal->km / KM_PER_MILE, goal->pain);
      /* Translators: a goal: "Run 10 km with pain at most 2" */
      return g_strdup_printf (_("Run %g km with pain at most %d"), goal->km, goal->pain);
    case PATELLA_GOAL_STAIRS:
      /* Translators: a goal: "Stairs pain at most 1" */
      return g_strdup_printf (_("Stairs pain at most %d"), goal->pain);
    case PATELLA_GOAL_ROUTINE:
      /* Translators: a goal: "Routine on 5 days a week for 4 weeks" */
      return g_strdup_printf (ngettext ("Routine on %d days a week for %d week",
                                           "Routine on %d days a week for %d weeks", (gulong) goal->weeks),
                              goal->days, goal->weeks);
    case PATELLA_GOAL_FREE:
    case PATELLA_N_GOAL_KINDS:
    default:
      return g_strdup (goal->text != NULL ? goal->text : "");
    }
}

/* The share of the goal's time gone by, 0..1. */
static double
elapsed_share (const PatellaGoal *goal,
               const char        *today)
{
  int span = patella_day_diff (goal->start, goal->target);
  int gone = patella_day_diff (goal->start, today);

  if (span <= 0)
    return 1.0;
  return CLAMP ((double) gone / span, 0.0, 1.0);
}

static PatellaGoalStatus
run_status (const PatellaGoal         *goal,
            const PatellaGoalEvidence *evidence,
            gboolean                   open)
{
  g_autofree char *window = patella_day_add (evidence->today, -27);
  double best = 0.0;

  for (guint i = 0; i < evidence->n_runs; i++)
    {
      const PatellaGoalRun *run = &evidence->runs[i];

      if (run->pain < 0 || run->pain > goal->pain || g_strcmp0 (run->day, evidence->today) > 0)
        continue;
      if (g_strcmp0 (run->day, goal->start) >= 0 && run->km >= goal->km - 1e-9)
        return PATELLA_GOAL_MET;
      if (g_strcmp0 (run->day, window) >= 0)
        best = MAX (best, run->km);
    }
  if (open && best >= goal->km * elapsed_share (goal, evidence->today) - 1e-9)
    return PATELLA_GOAL_ON_TRACK;
  return PATELLA_GOAL_NOT_YET;
}

static PatellaGoalStatus
stairs_status (const PatellaGoal         *goal,
               const PatellaGoalEvidence *evidence,
               gboolean                   open)
{
  int baseline = -1, latest = -1;

  for (guint i = 0; i < evidence->n_stairs; i++)
    {
      const char *day = evidence->stairs_days[i];
      int pain = evidence->stairs_pain[i];

      if (pain < 0 || g_strcmp0 (day, evidence->today) > 0)
        continue;
      if (g_strcmp0 (day, goal->start) >= 0 && pain <= goal->pain)
        return PATELLA_GOAL_MET;
      /* The baseline is the last check-in up to the start, else the first
       * after it. */
      if (g_strcmp0 (day, goal->start) <= 0 || baseline < 0)
        baseline = pain;
      latest = pain;
    }
  if (!open)
    return PATELLA_GOAL_NOT_YET;
  if (baseline < 0)
    return elapsed_share (goal, evidence->today) <= 0.0 ? PATELLA_GOAL_ON_TRACK : PATELLA_GOAL_NOT_YET;
  if (baseline - latest >= (baseline - goal->pain) * elapsed_share (goal, evidence->today) - 1e-9)
    return PATELLA_GOAL_ON_TRACK;
  return PATELLA_GOAL_NOT_YET;
}

static gint64
monday_of (const char *day)
{
  GDate date;

  if (!patella_day_parse (day, &date))
    g_return_val_if_reached (0);
  return (gint64) g_date_get_julian (&date) - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

static gint64
julian_of (const char *day)
{
  GDate date;

  if (!patella_day_parse (day, &date))
    g_return_val_if_reached (0);
  return g_date_get_julian (&date);
}

/* Complete days in each week from @start's week (index 0) to @today's. */
static GArray *
week_counts (const char  *start,
             const char  *today,
             const char **complete_days,
             guint        n_complete_days)
{
  gint64 first_monday = monday_of (start);
  gint64 last_monday = monday_of (today);
  gint64 last = julian_of (today);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *julians = g_new (gint64, n_complete_days + 1);
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (int));

  if (last_monday < first_monday)
    return counts;
  g_array_set_size (counts, (guint) ((last_monday - first_monday) / 7 + 1));
  for (guint i = 0; i < n_complete_days; i++)
    {
      julians[i] = julian_of (complete_days[i]);
      if (julians[i] < first_monday || julians[i] > last || g_hash_table_contains (seen, &julians[i]))
        continue;
      g_hash_table_add (seen, &julians[i]);
      g_array_index (counts, int, (julians[i] - first_monday) / 7)++;
    }
  return counts;
}

/* The weeks in a row with the days, ending with the last full week, or
 * with the current week when it already has them. */
static int
current_run (GArray *counts,
             int     days)
{
  int run = 0;
  guint i;

  if (counts->len == 0)
    return 0;
  i = counts->len - 1;
  if (g_array_index (counts, int, i) >= days)
    run++;
  while (i-- > 0 && g_array_index (counts, int, i) >= days)
    run++;
  return run;
}

int
patella_goal_routine_weeks (const char  *start,
                            const char  *today,
                            int          days,
                            const char **complete_days,
                            guint        n_complete_days)
{
  g_autoptr(GArray) counts = NULL;

  g_return_val_if_fail (patella_day_is_valid (start) && patella_day_is_valid (today), 0);

  counts = week_counts (start, today, complete_days, n_complete_days);
  return current_run (counts, days);
}

static PatellaGoalStatus
routine_status (const PatellaGoal         *goal,
                const PatellaGoalEvidence *evidence,
                gboolean                   open)
{
  g_autoptr(GArray) counts = week_counts (goal->start, evidence->today, evidence->complete_days,
                                          evidence->n_complete_days);
  int run = 0, longest = 0, current;
  gint64 weeks_left;
  gboolean this_week_counted;

  for (guint i = 0; i < counts->len; i++)
    {
      run = g_array_index (counts, int, i) >= goal->days ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  if (longest >= goal->weeks)
    return PATELLA_GOAL_MET;
  if (!open)
    return PATELLA_GOAL_NOT_YET;

  current = current_run (counts, goal->days);
  this_week_counted = counts->len > 0 && g_array_index (counts, int, counts->len - 1) >= goal->days;
  /* Weeks still to come up to the target's week, this one included
   * unless it already counts. */
  weeks_left = (monday_of (goal->target) - monday_of (evidence->today)) / 7 + (this_week_counted ? 0 : 1);
  if (current + weeks_left < goal->weeks)
    return PATELLA_GOAL_NOT_YET;
  /* Set this week: no full week yet to judge by. */
  if (counts->len <= 1 || current > 0)
    return PATELLA_GOAL_ON_TRACK;
  return PATELLA_GOAL_NOT_YET;
}

PatellaGoalStatus
patella_goal_status (const PatellaGoal         *goal,
                     const PatellaGoalEvidence *evidence)
{
  gboolean open;

  g_return_val_if_fail (goal != NULL && evidence != NULL, PATELLA_GOAL_NOT_YET);
  g_return_val_if_fail (patella_day_is_valid (goal->start) && patella_day_is_valid (goal->target), PATELLA_GOAL_NOT_YET);
  g_return_val_if_fail (patella_day_is_valid (evidence->today), PATELLA_GOAL_NOT_YET);

  /* The target day itself is still in time. */
  open = g_strcmp0 (evidence->today, goal->target) <= 0;

  switch (goal->kind)
    {
    case PATELLA_GOAL_RUN:
      return run_status (goal, evidence, open);
    case PATELLA_GOAL_STAIRS:
      return stairs_status (goal, evidence, open);
    case PATELLA_GOAL_ROUTINE:
      return routine_status (goal, evidence, open);
    case PATELLA_GOAL_FREE:
    case PATELLA_N_GOAL_KINDS:
    default:
      if (goal->done)
        return PATELLA_GOAL_MET;
      return open ? PATELLA_GOAL_ON_TRACK : PATELLA_GOAL_NOT_YET;
    }
}
