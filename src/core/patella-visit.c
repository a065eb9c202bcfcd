/* patella-visit.c: what happened since the last clinic visit, and goals measured from the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinic report's first page when a visit has passed: the same
 * numbers the rest of the report has, but from the day after that visit,
 * so that the clinician sees what changed since they last saw the knee.
 */
#define G_LOG_DOMAIN "patella-visit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-day.h"
#include "patella-episodes.h"
#include "patella-progress.h"
#include "patella-store-outcomes.h"
#include "patella-visit.h"

void
patella_visit_line_free (PatellaVisitLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}

static void
add_line (GPtrArray            *lines,
          PatellaVisitLineKind  kind,
          gboolean              important,
          char                 *text)
{
  PatellaVisitLine *line = g_new0 (PatellaVisitLine, 1);

  line->kind = kind;
  line->text = text;
  line->important = important;
  g_ptr_array_add (lines, line);
}

/* "3 March 2026" */
static char *
long_day (const char *day)
{
  GDate date;
  g_autoptr(GDateTime) datetime = NULL;

  if (!patella_day_parse (day, &date))
    return g_strdup (day);
  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                    12, 0, 0);
  /* Translators: a day in a sentence; see strftime */
  return g_date_time_format (datetime, _("%-d %B %Y"));
}

/* Goals */

typedef struct
{
  GArray *runs;   /* of PatellaGoalRun; days owned by @days */
  GPtrArray *days;
} Runs;

static void
collect_run (const PatellaEntry *entry,
             gpointer            user_data)
{
  Runs *runs = user_data;
  PatellaGoalRun run;

  g_ptr_array_add (runs->days, g_strdup (entry->day));
  run.day = NULL;
  run.km = entry->distance_km;
  run.pain = entry->pain;
  g_array_append_val (runs->runs, run);
}

GArray *
patella_goals_evaluate (PatellaStore             *store,
                        GPtrArray                *goals,
                        const char               *today,
                        const PatellaThresholds  *thresholds,
                        GError                  **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PatellaGoalRun));
  g_autoptr(GPtrArray) run_days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) stairs_days = g_ptr_array_new ();
  g_autoptr(GArray) stairs_pain = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GPtrArray) complete = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) statuses = g_array_new (FALSE, TRUE, sizeof (PatellaGoalStatus));
  Runs collected = { runs, run_days };
  const char *earliest = NULL;
  PatellaGoalEvidence evidence = { today };

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_is_valid (today), NULL);

  if (goals->len == 0)
    return g_steal_pointer (&statuses);

  if (!patella_store_foreach_entry (store, NULL, today, 1u << PATELLA_ENTRY_RUN, collect_run, &collected, error))
    return NULL;
  for (guint i = 0; i < runs->len; i++)
    g_array_index (runs, PatellaGoalRun, i).day = g_ptr_array_index (run_days, i);

  checkins = patella_store_list_checkins (store, error);
  if (checkins == NULL)
    return NULL;
  for (guint i = 0; i < checkins->len; i++)
    {
      PatellaCheckinAnswers *answers = g_ptr_array_index (checkins, i);
      int pain = MAX (answers->values[PATELLA_OUTCOME_STAIRS_UP], answers->values[PATELLA_OUTCOME_STAIRS_DOWN]);

      /* Neither done nor answered measures nothing. */
      pain = MAX (pain, -1);
      g_ptr_array_add (stairs_days, answers->day);
      g_array_append_val (stairs_pain, pain);
    }

  /* The routine's days are read from the earliest routine goal's start. */
  for (guint i = 0; i < goals->len; i++)
    {
      const PatellaGoal *goal = g_ptr_array_index (goals, i);

      if (goal->kind == PATELLA_GOAL_ROUTINE && (earliest == NULL || g_strcmp0 (goal->start, earliest) < 0))
        earliest = goal->start;
    }
  if (earliest != NULL && g_strcmp0 (earliest, today) <= 0)
    {
      g_autoptr(PatellaProgress) progress = NULL;

      progress = patella_progress_load_span (store, earliest, today, thresholds, PATELLA_UNIT_KM, error);
      if (progress == NULL)
        return NULL;
      for (guint d = 0; d < progress->n_days; d++)
        if (progress->routine[d] == PATELLA_ROUTINE_COMPLETE)
          g_ptr_array_add (complete, patella_day_add (progress->first, (int) d));
    }

  evidence.runs = (const PatellaGoalRun *) runs->data;
  evidence.n_runs = runs->len;
  evidence.stairs_days = (const char **) stairs_days->pdata;
  evidence.stairs_pain = (const int *) stairs_pain->data;
  evidence.n_stairs = stairs_pain->len;
  evidence.complete_days = (const char **) complete->pdata;
  evidence.n_complete_days = complete->len;
  for (guint i = 0; i < goals->len; i++)
    {
      PatellaGoalStatus status = patella_goal_status (g_ptr_array_index (goals, i), &evidence);

      g_array_append_val (statuses, status);
    }
  return g_steal_pointer (&statuses);
}

/* Sections of the page */

static void
add_adherence (GPtrArray             *lines,
               const PatellaProgress *p)
{
  guint done = 0, counted = 0;
  double km = 0;
  guint runs = 0;

  for (guint i = 0; i < p->n_days; i++)
    {
      done += p->routine[i] == PATELLA_ROUTINE_COMPLETE;
      counted += p->routine[i] != PATELLA_ROUTINE_OFF && p->routine[i] != PATELLA_ROUTINE_NONE;
      if (!isnan (p->distance[i]))
        {
          runs++;
          km += p->distance[i];
        }
    }
  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Adherence")));
  /* Translators: days done, of the days that count, as a percentage */
  add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
            g_strdup_printf (ngettext ("The routine was done on %u of %u day that counts (%.0f%%).",
                                       "The routine was done on %u of %u days that count (%.0f%%).", counted),
                             done, counted, counted ? 100.0 * done / counted : 0.0));
  if (runs > 0)
    {
      g_autofree char *distance = patella_format_distance (km, p->unit);

      add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
                g_strdup_printf (ngettext ("%u run, %s in all.", "%u runs, %s in all.", runs), runs, distance));
    }
}

/* The check-in at or before @day, or NULL. */
static PatellaCheckinAnswers *
checkin_by (GPtrArray  *checkins,
            const char *day)
{
  PatellaCheckinAnswers *found = NULL;

  for (guint i = 0; i < checkins->len; i++)
    {
      PatellaCheckinAnswers *answers = g_ptr_array_index (checkins, i);

      if (g_strcmp0 (answers->day, day) <= 0)
        found = answers;
    }
  return found;
}

static void
add_outcomes (GPtrArray  *lines,
              GPtrArray  *checkins,
              const char *visit,
              const char *today)
{
  PatellaCheckinAnswers *first, *at_visit, *latest;
  g_autofree char *first_day = NULL;
  g_autofree char *latest_day = NULL;

  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Outcomes")));
  latest = checkin_by (checkins, today);
  if (latest == NULL)
    {
      add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup (_("No check-ins yet.")));
      return;
    }
  first = g_ptr_array_index (checkins, 0);
  at_visit = checkin_by (checkins, visit);
  first_day = long_day (first->day);
  latest_day = long_day (latest->day);
  add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
            g_strdup_printf (_("The first check-in (%s) against the latest (%s), out of 10. A change of 2 "
                               "points or more is the smallest patients notice (Farrar 2001; Crossley 2004): "
                               "marked as important."),
                             first_day, latest_day));
  for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
    {
      int from = first->values[item], now = latest->values[item];
      int then = at_visit != NULL ? at_visit->values[item] : PATELLA_OUTCOME_UNANSWERED;
      PatellaChange change = patella_outcome_change (item, from, now);
      g_autofree char *visit_part = NULL;

      if (item == PATELLA_OUTCOME_GLOBAL_CHANGE)
        {
          if (now >= PATELLA_GLOBAL_CHANGE_MIN)
            add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
                      /* Translators: "Change since starting: Much better" */
                      g_strdup_printf (_("%s: %s"), patella_outcome_item_get_title (item),
                                       patella_global_change_get_title (now)));
          continue;
        }
      if (from < 0 || now < 0)
        continue;
      if (then >= 0 && at_visit != first && at_visit != latest)
        /* Translators: part of an outcome line: the answer at the check-in
           before the last visit */
        visit_part = g_strdup_printf (_(", %d at the visit"), then);
      if (change == PATELLA_CHANGE_NONE)
        add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
                  /* Translators: "Stairs up: 5 → 4 (, 4 at the visit)" */
                  g_strdup_printf (_("%s: %d → %d%s"), patella_outcome_item_get_title (item), from, now,
                                   visit_part ? visit_part : ""));
      else
        add_line (lines, PATELLA_VISIT_LINE_TEXT, TRUE,
                  g_strdup_printf (change == PATELLA_CHANGE_BETTER
                                     /* Translators: "Usual pain: 5 → 2, important change: better by 3" */
                                     ? _("%s: %d → %d%s, important change: better by %d")
                                     : _("%s: %d → %d%s, important change: worse by %d"),
                                   patella_outcome_item_get_title (item), from, now,
                                   visit_part ? visit_part : "", ABS (now - from)));
    }
}

static const PatellaExercise *
find_exercise (GPtrArray  *exercises,
               const char *id)
{
  for (guint i = 0; i < exercises->len; i++)
    {
      const PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (g_str_equal (exercise->id, id))
        return exercise;
    }
  return NULL;
}

static gboolean
add_dose_changes (GPtrArray     *lines,
                  PatellaStore  *store,
                  const char    *visit,
                  const char    *today,
                  GError       **error)
{
  g_autoptr(GPtrArray) days = patella_store_list_routine_changes (store, visit, today, error);
  guint n = 0;

  if (days == NULL)
    return FALSE;
  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Dose changes")));
  for (guint d = 0; d < days->len; d++)
    {
      const char *day = g_ptr_array_index (days, d);
      g_autofree char *before_day = patella_day_add (day, -1);
      g_autoptr(GPtrArray) before = patella_store_list_routine (store, before_day, error);
      g_autoptr(GPtrArray) after = before ? patella_store_list_routine (store, day, error) : NULL;
      g_autofree char *when = long_day (day);

      if (after == NULL)
        return FALSE;
      for (guint i = 0; i < after->len; i++)
        {
          const PatellaExercise *now = g_ptr_array_index (after, i);
          const PatellaExercise *was = find_exercise (before, now->id);
          g_autofree char *old_dose = was ? patella_exercise_describe_dose (was) : NULL;
          g_autofree char *new_dose = patella_exercise_describe_dose (now);
          const char *name = patella_exercise_get_display_name (now);
          gboolean was_on = was != NULL && was->enabled;

          if (was_on && !now->enabled)
            /* Translators: "12 March 2026: Band walks switched off" */
            add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup_printf (_("%s: %s switched off"), when, name));
          else if (!was_on && now->enabled)
            /* Translators: "12 March 2026: Glute strength switched on, 3 × 10" */
            add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
                      g_strdup_printf (_("%s: %s switched on, %s"), when, name, new_dose));
          else if (now->enabled && g_strcmp0 (old_dose, new_dose) != 0)
            /* Translators: "12 March 2026: Wall squats 3 × 10 → 3 × 12" */
            add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
                      g_strdup_printf (_("%s: %s %s → %s"), when, name, old_dose, new_dose));
          else
            continue;
          n++;
        }
    }
  if (n == 0)
    add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup (_("The routine’s doses did not change.")));
  return TRUE;
}

static gboolean
add_warnings (GPtrArray                *lines,
              PatellaStore             *store,
              const char               *first,
              const char               *today,
              const PatellaThresholds  *thresholds,
              PatellaDistanceUnit       unit,
              GError                  **error)
{
  g_autoptr(GPtrArray) warnings = patella_episodes_warnings_between (store, first, today, thresholds, unit, error);
  g_autoptr(GPtrArray) episodes = NULL;

  if (warnings == NULL)
    return FALSE;
  episodes = patella_warnings_group_episodes (warnings);
  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Warning episodes")));
  if (episodes->len == 0)
    add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup (_("None.")));
  for (guint i = 0; i < episodes->len; i++)
    {
      const PatellaEpisode *episode = g_ptr_array_index (episodes, i);
      g_autofree char *start = long_day (episode->start);
      g_autofree char *end = long_day (episode->end);

      add_line (lines, PATELLA_VISIT_LINE_TEXT, episode->severity == PATELLA_SEVERITY_HIGH,
                g_str_equal (episode->start, episode->end)
                  /* Translators: a warning's title and its one day */
                  ? g_strdup_printf (_("%s: %s"), patella_warning_code_get_title (episode->code), start)
                  /* Translators: a warning's title, its first and last day, and the days it was active on */
                  : g_strdup_printf (ngettext ("%s: %s to %s (%u day)", "%s: %s to %s (%u days)", episode->n_days),
                                     patella_warning_code_get_title (episode->code), start, end, episode->n_days));
    }
  return TRUE;
}

static gboolean
add_goals (GPtrArray                *lines,
           PatellaStore             *store,
           const char               *today,
           const PatellaThresholds  *thresholds,
           PatellaDistanceUnit       unit,
           GError                  **error)
{
  g_autoptr(GPtrArray) goals = patella_store_list_goals (store, error);
  g_autoptr(GArray) statuses = NULL;

  if (goals == NULL || (statuses = patella_goals_evaluate (store, goals, today, thresholds, error)) == NULL)
    return FALSE;
  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Goals")));
  if (goals->len == 0)
    add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup (_("No goals set.")));
  for (guint i = 0; i < goals->len; i++)
    {
      const PatellaGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *words = patella_goal_describe (goal, unit == PATELLA_UNIT_MILES);
      g_autofree char *by = long_day (goal->target);

      add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE,
                /* Translators: a goal, its target day and its status: "Run 10 km with pain at
                   most 2, by 30 April 2026: on track" */
                g_strdup_printf (_("%s, by %s: %s"), words, by,
                                 patella_goal_status_get_title (g_array_index (statuses, PatellaGoalStatus, i))));
    }
  return TRUE;
}

static char *
describe_test (const PatellaSelfTest *test)
{
  if (test->pain < 0)
    /* Translators: "Left leg: Knee drops inward" */
    return g_strdup_printf (_("%s: %s"), patella_leg_get_title (test->side),
                            patella_squat_result_get_title (test->result));
  /* Translators: "Left leg: Knee drops inward, pain 2" */
  return g_strdup_printf (_("%s: %s, pain %d"), patella_leg_get_title (test->side),
                          patella_squat_result_get_title (test->result), test->pain);
}

GPtrArray *
patella_self_test_lines (PatellaStore  *store,
                         const char    *first,
                         const char    *last,
                         GError       **error)
{
  g_autoptr(GPtrArray) tests = patella_store_list_self_tests (store, error);
  g_autoptr(GPtrArray) lines = NULL;

  if (tests == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_visit_line_free);
  for (guint i = 0; i < tests->len; i++)
    {
      const PatellaSelfTest *test = g_ptr_array_index (tests, i);
      const PatellaSelfTest *other = i + 1 < tests->len ? g_ptr_array_index (tests, i + 1) : NULL;
      g_autofree char *when = NULL;
      g_autofree char *one = NULL;
      g_autofree char *two = NULL;
      gboolean dropped;

      if (g_strcmp0 (test->day, first) < 0 || g_strcmp0 (test->day, last) > 0)
        continue;
      /* Both legs of a day on one line (the list is by day, left first). */
      if (other != NULL && !g_str_equal (other->day, test->day))
        other = NULL;
      when = long_day (test->day);
      one = describe_test (test);
      two = other ? describe_test (other) : NULL;
      dropped = test->result == PATELLA_SQUAT_DROPS_IN || (other && other->result == PATELLA_SQUAT_DROPS_IN);
      add_line (lines, PATELLA_VISIT_LINE_TEXT, dropped,
                two ? g_strdup_printf ("%s: %s; %s", when, one, two) : g_strdup_printf ("%s: %s", when, one));
      if (other != NULL)
        i++;
    }
  return g_steal_pointer (&lines);
}

static gboolean
add_self_tests (GPtrArray     *lines,
                PatellaStore  *store,
                const char    *first,
                const char    *today,
                GError       **error)
{
  g_autoptr(GPtrArray) tests = patella_self_test_lines (store, first, today, error);

  if (tests == NULL)
    return FALSE;
  if (tests->len == 0)
    return TRUE;
  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Single-leg squat self-test")));
  g_ptr_array_extend_and_steal (lines, g_steal_pointer (&tests));
  return TRUE;
}

static gboolean
add_questions (GPtrArray     *lines,
               PatellaStore  *store,
               const char    *visit,
               GError       **error)
{
  g_autoptr(GPtrArray) questions = patella_store_list_questions (store, visit, error);

  if (questions == NULL)
    return FALSE;
  add_line (lines, PATELLA_VISIT_LINE_HEADING, FALSE, g_strdup (_("Questions")));
  if (questions->len == 0)
    add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup (_("None noted.")));
  for (guint i = 0; i < questions->len; i++)
    {
      const PatellaQuestion *question = g_ptr_array_index (questions, i);

      /* Translators: a question the runner noted, as a list item */
      add_line (lines, PATELLA_VISIT_LINE_TEXT, FALSE, g_strdup_printf (_("• %s"), question->text));
    }
  return TRUE;
}

GPtrArray *
patella_visit_summary (PatellaStore             *store,
                       const char               *today,
                       const PatellaThresholds  *thresholds,
                       PatellaDistanceUnit       unit,
                       char                    **visit_day,
                       GError                  **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_visit_line_free);
  g_autoptr(PatellaVisit) last = NULL;
  g_autoptr(PatellaProgress) progress = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autofree char *first = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_is_valid (today), NULL);

  if (!patella_store_get_visits_around (store, today, &last, NULL, error))
    return NULL;
  if (last == NULL)
    return g_steal_pointer (&lines);

  first = patella_day_add (last->day, 1);
  when = long_day (last->day);
  add_line (lines, PATELLA_VISIT_LINE_TITLE, FALSE,
            last->name[0] != '\0'
              /* Translators: the first page's title: the last visit's day and name */
              ? g_strdup_printf (_("Since your last visit (%s, %s)"), when, last->name)
              /* Translators: the first page's title, with the last visit's day */
              : g_strdup_printf (_("Since your last visit (%s)"), when));

  progress = patella_progress_load_span (store, first, today, thresholds, unit, error);
  checkins = progress ? patella_store_list_checkins (store, error) : NULL;
  if (checkins == NULL)
    return NULL;
  add_adherence (lines, progress);
  add_outcomes (lines, checkins, last->day, today);
  if (!add_dose_changes (lines, store, last->day, today, error) ||
      !add_warnings (lines, store, first, today, thresholds, unit, error) ||
      !add_self_tests (lines, store, first, today, error) ||
      !add_goals (lines, store, today, thresholds, unit, error) ||
      !add_questions (lines, store, last->day, error))
    return NULL;

  if (visit_day != NULL)
    *visit_day = g_strdup (last->day);
  return g_steal_pointer (&lines);
}
