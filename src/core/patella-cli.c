/* patella-cli.c: the command-line options that run without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-cli.h"
#include "patella-csv.h"
#include "patella-day.h"
#include "patella-episodes.h"
#include "patella-settings.h"
#include "patella-day-plan.h"
#include "patella-run-file.h"
#include "patella-store.h"
#include "patella-store-outcomes.h"
#include "patella-store-progression.h"
#include "patella-xlsx.h"

void
patella_options_clear (PatellaOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->export_csv, g_free);
  g_clear_pointer (&options->export_daily_csv, g_free);
  g_clear_pointer (&options->import_csv, g_free);
  g_clear_pointer (&options->backup, g_free);
  g_clear_pointer (&options->report, g_free);
  g_clear_pointer (&options->import_runs, g_strfreev);
  g_clear_pointer (&options->export_daily_xlsx, g_free);
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
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int rpe = G_MININT;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use FILE as the database instead of the default one"), N_("FILE") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &options->check,
      N_("Open (or create) the database, verify it, print what it holds, and exit"), NULL },
    { "status", 0, 0, G_OPTION_ARG_NONE, &options->status,
      N_("Print the day’s routine with its progress, and exit"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day for --status, --progression or --next-run (default: today)"), N_("YYYY-MM-DD") },
    { "progression", 0, 0, G_OPTION_ARG_NONE, &options->progression,
      N_("Print each exercise’s level and what the pain says about the next, and exit"), NULL },
    { "next-run", 0, 0, G_OPTION_ARG_NONE, &options->next_run,
      N_("Print the return-to-running plan’s next run and why, and exit"), NULL },
    { "warnings", 0, 0, G_OPTION_ARG_NONE, &options->warnings,
      N_("Print every load-management warning, one per line, and exit"), NULL },
    { "episodes", 0, 0, G_OPTION_ARG_NONE, &options->episodes,
      N_("With --warnings: one line per episode, days of the same warning at most a day apart"), NULL },
    { "outcomes", 0, 0, G_OPTION_ARG_NONE, &options->outcomes,
      N_("Print the check-ins as a table, important changes marked, and exit"), NULL },
    { "since-last-visit", 0, 0, G_OPTION_ARG_NONE, &options->since_last_visit,
      N_("With --report: begin with what changed since the last clinic visit"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day for --warnings (default: the first logged day)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day for --warnings (default: the last logged day)"), N_("YYYY-MM-DD") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->export_csv,
      N_("Write every entry to FILE as CSV (“-”: standard output), and exit"), N_("FILE") },
    { "export-daily-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->export_daily_csv,
      N_("Write one row per day to FILE as CSV (“-”: standard output), and exit"), N_("FILE") },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->import_csv,
      N_("Add the entries of a Patella CSV file, all or none, and exit"), N_("FILE") },
    { "import-runs", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->import_runs,
      N_("Add the runs of GPX, TCX, Strava or Garmin files (more may follow), all or none, and exit"),
      N_("FILE") },
    { "rpe", 0, 0, G_OPTION_ARG_INT, &rpe,
      N_("The effort (RPE 0-10) for imported runs whose files give none"), N_("N") },
    { "export-daily-xlsx", 0, 0, G_OPTION_ARG_FILENAME, &options->export_daily_xlsx,
      N_("Write one row per day to FILE as a spreadsheet (.xlsx), and exit"), N_("FILE") },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &options->backup,
      N_("Write a consistent copy of the database to FILE, and exit"), N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &options->report,
      N_("Write the clinic report to FILE.pdf (default: the last 6 weeks), and exit"), N_("FILE") },
    { "background", 0, 0, G_OPTION_ARG_NONE, &options->background,
      N_("Start without a window and send the reminders (used at login)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    /* How D-Bus starts Patella (its .service file): for a notification's
     * button, or a launch from the desktop; not for people to type. */
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &options->service,
      NULL, NULL },
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

  /* "--import-runs *.gpx": the shell's other files follow. */
  if (options->import_runs != NULL && *argc > 1)
    {
      g_autoptr(GStrvBuilder) files = g_strv_builder_new ();

      g_strv_builder_addv (files, (const char **) options->import_runs);
      for (int i = 1; i < *argc; i++)
        g_strv_builder_add (files, (*argv)[i]);
      g_strfreev (options->import_runs);
      options->import_runs = g_strv_builder_end (files);
      *argc = 1;
    }

  if (rpe != G_MININT && (rpe < 0 || rpe > 10 || options->import_runs == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   rpe < 0 || rpe > 10 ? _("--rpe takes a whole number from 0 to 10.")
                                       : _("--rpe goes with --import-runs."));
      return FALSE;
    }
  options->rpe = rpe == G_MININT ? -1 : rpe;

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

  {
    const struct { const char *value; const char *name; gboolean allowed; const char *with; } days[] = {
      /* Translators: the options stay in English */
      { date, "--date", options->status || options->progression || options->next_run,
        N_("--status, --progression or --next-run") },
      /* Translators: the options stay in English */
      { from, "--from", options->warnings || options->report, N_("--warnings or --report") },
      /* Translators: the options stay in English */
      { to, "--to", options->warnings || options->report, N_("--warnings or --report") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        if (days[i].value == NULL)
          continue;
        if (!patella_day_is_valid (days[i].value))
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("%s: “%s” is not a calendar day; use the form YYYY-MM-DD."),
                         days[i].name, days[i].value);
            return FALSE;
          }
        if (!days[i].allowed)
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         /* Translators: an option, then the options it needs, such as
                            "--from goes with --warnings or --report." */
                         _("%s goes with %s.\nRun “%s --help” to see the options."),
                         days[i].name, _(days[i].with), g_get_prgname ());
            return FALSE;
          }
      }
  }

  if (options->episodes && !options->warnings)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s goes with %s.\nRun “%s --help” to see the options."),
                   "--episodes", "--warnings", g_get_prgname ());
      return FALSE;
    }

  if (options->since_last_visit && (from != NULL || to != NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--since-last-visit sets the days itself; leave out --from and --to."));
      return FALSE;
    }

  if (options->since_last_visit && options->report == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s goes with %s.\nRun “%s --help” to see the options."),
                   "--since-last-visit", "--report", g_get_prgname ());
      return FALSE;
    }

  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--from (%s) comes after --to (%s)."), from, to);
      return FALSE;
    }

  if (options->report != NULL &&
      (options->version || options->check || options->status || options->warnings || options->outcomes ||
       options->export_csv ||
       options->progression || options->next_run ||
       options->export_daily_csv || options->import_csv || options->backup || options->import_runs ||
       options->export_daily_xlsx))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--report goes alone (with --from and --to); run the other command separately."));
      return FALSE;
    }

  if ((options->background || options->service) &&
      (options->report != NULL || patella_options_is_command (options)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--background starts Patella; run the other command separately."));
      return FALSE;
    }

  options->database = g_steal_pointer (&database);
  options->date = g_steal_pointer (&date);
  options->from = g_steal_pointer (&from);
  options->to = g_steal_pointer (&to);
  return TRUE;
}

/* Whether the options name the runner's own record, the default file,
 * whether or not --database spells it out. */
gboolean
patella_options_uses_default_database (const PatellaOptions *options)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GFile) given = NULL;
  g_autoptr(GFile) standard = NULL;

  if (options->database == NULL)
    return TRUE;

  default_path = patella_store_default_path ();
  given = g_file_new_for_commandline_arg (options->database);
  standard = g_file_new_for_path (default_path);
  return g_file_equal (given, standard);
}

gboolean
patella_options_is_command (const PatellaOptions *options)
{
  return options->version || options->check || options->status || options->warnings || options->outcomes ||
         options->progression || options->next_run ||
         options->export_csv || options->export_daily_csv || options->import_csv || options->backup ||
         options->import_runs != NULL || options->export_daily_xlsx != NULL;
}

static int
fail (FILE   *err,
      GError *error)
{
  /* Every failing function sets its error; this only guards the output. */
  fprintf (err, "%s: %s\n", g_get_prgname (),
           error != NULL ? error->message : _("Something went wrong, and nothing was changed."));
  return PATELLA_EXIT_FAILED;
}

/* Commands that only read may skip the quick check of every row: a damaged
 * page still fails their reads, and a runner rescuing a damaged record can
 * still export what is readable. Writing commands check first. */
static PatellaStore *
open_store (const char             *database,
            PatellaStoreOpenFlags   flags,
            GError                **error)
{
  g_autofree char *default_path = NULL;

  if (database == NULL)
    database = default_path = patella_store_default_path ();

  return patella_store_open_full (database, flags, error);
}

int
patella_cli_check (const char *database,
                   FILE       *out,
                   FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;

  /* patella_store_verify() runs the full check. */
  store = open_store (database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL || !patella_store_verify (store, &error))
    return fail (err, error);

  fprintf (out, _("Database: %s\n"), patella_store_get_path (store));
  fprintf (out, _("Schema version: %d\n"), patella_store_get_schema_version (store));
  fprintf (out, _("Integrity: ok\n"));

  counts = patella_store_count_record (store, &error);
  if (counts == NULL)
    return fail (err, error);
  for (guint i = 0; i < counts->len; i++)
    {
      const PatellaTableCount *count = &g_array_index (counts, PatellaTableCount, i);

      /* The table's machine name first keeps the output easy to grep. */
      fprintf (out, "%s: %" G_GINT64_FORMAT " (%s)\n", count->name, count->rows, count->title);
    }

  return PATELLA_EXIT_OK;
}

/**
 * patella_cli_status:
 * @day: (nullable): the day to show, or NULL for today
 *
 * Prints the day's checklist: one line per exercise, "[x]" when its target is
 * reached, then the day's progress and the adherence as of today.
 */
int
patella_cli_status (const char *database,
                    const char *day,
                    FILE       *out,
                    FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaDayPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const PatellaAdherence *adherence;
  PatellaAdherence as_of;
  guint n_items;
  int rest_kind;

  store = open_store (database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL)
    return fail (err, error);

  plan = patella_day_plan_new (store, NULL);
  if (!patella_day_plan_reload (plan, &error) ||
      (day != NULL && !patella_day_plan_set_day (plan, day, &error)))
    return fail (err, error);

  /* Translators: %s is a day, YYYY-MM-DD */
  fprintf (out, patella_day_plan_get_is_today (plan) ? _("Routine for %s (today)\n") : _("Routine for %s\n"),
           patella_day_plan_get_day (plan));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (plan));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PatellaRoutineItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_autofree char *name = patella_text_make_visible (patella_routine_item_get_name (item), FALSE);
      g_autofree char *dose = patella_text_make_visible (patella_routine_item_get_dose (item), TRUE);

      fprintf (out, _("[%s] %s: %d of %d (%s)\n"),
               patella_routine_item_get_complete (item) ? "x" : " ",
               name,
               patella_routine_item_get_done_sets (item),
               patella_routine_item_get_target_sets (item),
               dose);
    }

  rest_kind = patella_day_plan_get_rest_kind (plan);
  if (rest_kind >= 0)
    {
      /* Stored text never reaches the terminal raw (see patella-entry.h). */
      g_autofree char *note = patella_text_make_visible (patella_day_plan_get_rest_note (plan), TRUE);

      fprintf (out, "%s%s%s\n",
               rest_kind == PATELLA_REST_DAY_SICK ? _("Sick day") : _("Rest day"),
               note[0] ? ": " : "", note);
    }

  fprintf (out, ngettext ("Done: %u of %u exercise, %.0f%% of the routine\n",
                          "Done: %u of %u exercises, %.0f%% of the routine\n", n_items),
           patella_day_plan_get_n_complete (plan), n_items,
           100.0 * patella_day_plan_get_fraction (plan));

  /* The streak and score as of the day shown, and said so: today's
   * figures belong to today alone. */
  if (patella_day_plan_get_is_today (plan))
    adherence = patella_day_plan_get_adherence (plan);
  else if (patella_routine_compute_adherence (store, patella_day_plan_get_day (plan), &as_of, &error))
    adherence = &as_of;
  else
    return fail (err, error);
  /* Translators: a day (YYYY-MM-DD), then the streak */
  fprintf (out, ngettext ("Streak on %s: %d day\n", "Streak on %s: %d days\n", (gulong) adherence->streak),
           patella_day_plan_get_day (plan), adherence->streak);
  /* Translators: a day (YYYY-MM-DD), then the score */
  fprintf (out, _("Score on %s: %.0f%%\n"), patella_day_plan_get_day (plan), 100.0 * adherence->score);
  if (adherence->nudge && patella_day_plan_get_is_today (plan))
    fprintf (out, ngettext ("Nothing logged for %d day: a short session today keeps the knee on track.\n",
                            "Nothing logged for %d days: a short session today keeps the knee on track.\n",
                            PATELLA_NUDGE_DAYS),
             PATELLA_NUDGE_DAYS);

  {
    g_autoptr(GSettings) settings = patella_settings_new ();
    g_autoptr(GPtrArray) episodes = NULL;
    PatellaThresholds thresholds;
    const char *shown = patella_day_plan_get_day (plan);

    /* The day's warnings, each with the episode it belongs to. */
    patella_settings_get_thresholds (settings, &thresholds);
    episodes = patella_episodes_on (store, shown, &thresholds,
                                    patella_settings_get_unit (settings), &error);
    if (episodes == NULL)
      return fail (err, error);

    for (guint i = 0; i < episodes->len; i++)
      {
        const PatellaEpisode *episode = g_ptr_array_index (episodes, i);
        const PatellaWarning *warning = episode->last;
        g_autofree char *title = NULL;

        if (g_strcmp0 (episode->start, shown) != 0)
          /* Translators: a warning's title, then the day (YYYY-MM-DD) it began */
          title = g_strdup_printf (_("%s, since %s"), patella_warning_code_get_title (warning->code),
                                   episode->start);
        else
          title = g_strdup (patella_warning_code_get_title (warning->code));
        fprintf (out, _("Warning (%s): %s. %s\n"),
                 warning->severity == PATELLA_SEVERITY_HIGH ? _("high") : _("caution"),
                 title, warning->message);
        fprintf (out, _("  What to do: %s\n"), patella_warning_code_get_advice (warning->code));
        fprintf (out, _("  Source: %s\n"), patella_warning_code_get_source (warning->code));
      }
  }

  return PATELLA_EXIT_OK;
}

static const char SUGGESTS[] = N_("Patella suggests; the runner and their clinician decide.");

/**
 * patella_cli_progression:
 * @day: (nullable): the day, or NULL for today
 *
 * One paragraph per exercise with a ladder: its level, then the rule's
 * answer and why. Nothing changes: Accept is the runner's, in the window.
 */
int
patella_cli_progression (const char *database,
                         const char *day,
                         FILE       *out,
                         FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GPtrArray) routine = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();

  store = open_store (database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL)
    return fail (err, error);
  if (day == NULL)
    day = today;
  routine = patella_store_list_routine (store, day, &error);
  suggestions = routine ? patella_store_list_suggestions (store, day, &error) : NULL;
  if (suggestions == NULL)
    return fail (err, error);

  /* Translators: %s is a day, YYYY-MM-DD */
  fprintf (out, _("Progression on %s\n"), day);
  if (suggestions->len == 0)
    fprintf (out, "%s\n", _("No exercise with levels is in the routine."));
  for (guint i = 0; i < suggestions->len; i++)
    {
      const PatellaSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const PatellaLadder *ladder = patella_ladder_find (suggestion->exercise_id);
      const char *name = suggestion->exercise_id;
      g_autofree char *headline = NULL;

      for (guint k = 0; k < routine->len; k++)
        {
          const PatellaExercise *exercise = g_ptr_array_index (routine, k);

          if (g_str_equal (exercise->id, suggestion->exercise_id))
            name = patella_exercise_get_display_name (exercise);
        }
      /* Translators: an exercise, its level's number, the ladder's length, the level's name */
      fprintf (out, _("%s: level %u of %u, %s\n"), name, suggestion->level + 1, suggestion->n_levels,
               _(ladder->levels[suggestion->level].name));
      headline = patella_progression_headline (name, ladder, suggestion->level, suggestion->advice);
      fprintf (out, "  %s\n  %s\n", headline, suggestion->reason);
      if (suggestion->snoozed && suggestion->advice != PATELLA_ADVICE_NONE)
        fprintf (out, "  %s\n", _("Put off with “Not yet”: Today stays quiet about it for 7 days."));
    }
  fprintf (out, "%s\n", _(SUGGESTS));
  return PATELLA_EXIT_OK;
}

/**
 * patella_cli_next_run:
 * @day: (nullable): the day, or NULL for today
 *
 * The plan's phase on @day, the next run's walk/run intervals, and why.
 */
int
patella_cli_next_run (const char *database,
                      const char *day,
                      FILE       *out,
                      FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();
  PatellaNextRun next;

  store = open_store (database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL)
    return fail (err, error);
  if (day == NULL)
    day = today;
  if (!patella_store_get_next_run (store, day, &next, &error))
    return fail (err, error);

  /* Translators: %s is a day, YYYY-MM-DD */
  fprintf (out, _("Return to running on %s\n"), day);
  if (next.active && !next.done)
    {
      g_autofree char *intervals = patella_run_phase_describe (&next.phase);

      /* Translators: the phase's number, the number of phases, then e.g. "6 × (2 min run / 1 min walk)" */
      fprintf (out, _("Next run: phase %u of %u, %s, at an easy effort (RPE 3-5)\n"), next.state.phase + 1,
               next.n_phases, intervals);
    }
  fprintf (out, _("Why: %s\n"), next.reason);
  fprintf (out, "%s\n", _(SUGGESTS));
  patella_next_run_clear (&next);
  return PATELLA_EXIT_OK;
}

/**
 * patella_cli_warnings:
 * @from: (nullable): the first day, or NULL for the first logged day
 * @to: (nullable): the last day, or NULL for the last logged day
 *
 * Prints one line per active warning, oldest first: DATE, CODE, SEVERITY
 * and MESSAGE separated by tabs. With @episodes, one line per episode,
 * oldest first: START, END, CODE, SEVERITY, DAYS (the days it was active
 * on) and the MESSAGE of its worst day.
 */
int
patella_cli_warnings (const char *database,
                      const char *from,
                      const char *to,
                      gboolean    episodes,
                      FILE       *out,
                      FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  PatellaThresholds thresholds;

  store = open_store (database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL || !patella_store_get_logged_range (store, &first, &last, &error))
    return fail (err, error);

  /* An empty log has no warnings. */
  if (first == NULL && (from == NULL || to == NULL))
    return PATELLA_EXIT_OK;

  settings = patella_settings_new ();
  patella_settings_get_thresholds (settings, &thresholds);
  warnings = patella_episodes_warnings_between (store, from ? from : first, to ? to : last, &thresholds,
                                                patella_settings_get_unit (settings), &error);
  if (warnings == NULL)
    return fail (err, error);

  if (episodes)
    {
      g_autoptr(GPtrArray) grouped = patella_warnings_group_episodes (warnings);

      for (guint i = 0; i < grouped->len; i++)
        {
          PatellaEpisode *episode = g_ptr_array_index (grouped, i);

          fprintf (out, "%s\t%s\t%s\t%s\t%u\t%s\n", episode->start, episode->end,
                   patella_warning_code_to_string (episode->code),
                   episode->severity == PATELLA_SEVERITY_HIGH ? "high" : "caution",
                   episode->n_days, episode->worst->message);
        }
      return PATELLA_EXIT_OK;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      PatellaWarning *warning = g_ptr_array_index (warnings, i);

      /* Machine-readable: the code and severity are never translated. */
      fprintf (out, "%s\t%s\t%s\t%s\n", warning->day,
               patella_warning_code_to_string (warning->code),
               warning->severity == PATELLA_SEVERITY_HIGH ? "high" : "caution",
               warning->message);
    }

  return PATELLA_EXIT_OK;
}

/**
 * patella_cli_outcomes:
 *
 * --outcomes: a line per check-in, oldest first, with DATE and each item's
 * answer separated by tabs under a header of the items' ids: "-" for an
 * activity not done, nothing for an item not answered. A pain answer 2
 * points or more from the first check-in's is followed by the change in
 * brackets, "3 (-2)"; the global rating by its words.
 */
int
patella_cli_outcomes (const char *database,
                      FILE       *out,
                      FILE       *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCheckinAnswers *first;

  store = open_store (database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL || (checkins = patella_store_list_checkins (store, &error)) == NULL)
    return fail (err, error);

  if (checkins->len == 0)
    {
      fprintf (out, "%s\n", _("No check-ins yet: the first is asked for on Today, or from the main menu."));
      return PATELLA_EXIT_OK;
    }

  first = g_ptr_array_index (checkins, 0);
  fprintf (out, ngettext ("# %u check-in. A change of %d points or more from the first (%s) is the smallest "
                          "change patients notice (Farrar 2001; Crossley 2004): shown as (-2) better, (+2) worse.\n",
                          "# %u check-ins. A change of %d points or more from the first (%s) is the smallest "
                          "change patients notice (Farrar 2001; Crossley 2004): shown as (-2) better, (+2) worse.\n",
                          checkins->len),
           checkins->len, PATELLA_OUTCOME_IMPORTANT_CHANGE, first->day);
  fputs ("date", out);
  for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
    fprintf (out, "\t%s", patella_outcome_item_to_string (item));
  fputc ('\n', out);

  for (guint i = 0; i < checkins->len; i++)
    {
      PatellaCheckinAnswers *answers = g_ptr_array_index (checkins, i);

      fputs (answers->day, out);
      for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
        {
          int value = answers->values[item];

          fputc ('\t', out);
          if (value == PATELLA_OUTCOME_UNANSWERED)
            continue;
          if (value == PATELLA_OUTCOME_NOT_DONE)
            fputc ('-', out);
          else if (item == PATELLA_OUTCOME_GLOBAL_CHANGE)
            fprintf (out, "%d (%s)", value, patella_global_change_get_title (value));
          else if (patella_outcome_change (item, first->values[item], value) != PATELLA_CHANGE_NONE)
            fprintf (out, "%d (%+d)", value, value - first->values[item]);
          else
            fprintf (out, "%d", value);
        }
      fputc ('\n', out);
    }
  return PATELLA_EXIT_OK;
}

/**
 * patella_cli_import_runs:
 *
 * --import-runs: reads every file first, so that one bad file adds
 * nothing from any; then adds the runs not already logged in one
 * transaction and lists each run with what became of it.
 */
int
patella_cli_import_runs (const PatellaOptions *options,
                         FILE                 *out,
                         FILE                 *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GSettings) settings = patella_settings_new ();
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_run_candidate_free);
  g_autoptr(GError) error = NULL;
  PatellaDistanceUnit unit = patella_settings_get_unit (settings);
  guint added = 0, skipped = 0;

  /* Standard output may be carrying an export: then the words go to stderr. */
  if (g_strcmp0 (options->export_csv, "-") == 0 || g_strcmp0 (options->export_daily_csv, "-") == 0 ||
      g_strcmp0 (options->export_daily_xlsx, "-") == 0)
    out = err;

  for (guint i = 0; options->import_runs[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = patella_run_file_read (options->import_runs[i], unit, &error);

      if (found == NULL)
        return fail (err, error);
      g_ptr_array_extend_and_steal (runs, g_steal_pointer (&found));
    }

  store = open_store (options->database, PATELLA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !patella_run_file_import (store, runs, options->rpe, &added, &skipped, &error))
    {
      int status = fail (err, error);

      if (g_error_matches (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_NO_EFFORT))
        fprintf (err, "%s\n", _("Give the effort with --rpe=N (0–10)."));
      return status;
    }

  for (guint i = 0; i < runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (runs, i);

      /* Translators: day, time, minutes, kilometres, where from; then perhaps
         " (already logged)" */
      fprintf (out, _("%s %s  %.1f min  %.2f km  %s%s\n"), run->day, run->time, run->minutes, run->distance_km,
               run->source, run->logged ? _(" (already logged)") : "");
    }
  fprintf (out, ngettext ("Added %u run", "Added %u runs", added), added);
  fprintf (out, ngettext ("; skipped %u already in the log.\n", "; skipped %u already in the log.\n", skipped),
           skipped);
  return PATELLA_EXIT_OK;
}

/* --export-csv, --export-daily-csv, --import-csv and --backup. */
int
patella_cli_files (const PatellaOptions *options,
                   FILE                 *out,
                   FILE                 *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (options->database,
                      options->import_csv || options->backup
                        ? PATELLA_STORE_OPEN_DEFAULT : PATELLA_STORE_OPEN_DEFER_CHECK,
                      &error);
  if (store == NULL)
    return fail (err, error);

  if (options->import_csv)
    {
      g_auto(PatellaImportSummary) summary = { { 0 } };
      g_autofree char *description = NULL;
      gboolean data_on_stdout = g_strcmp0 (options->export_csv, "-") == 0 ||
                                g_strcmp0 (options->export_daily_csv, "-") == 0;

      if (!patella_csv_import_file (store, options->import_csv, &summary, &error))
        return fail (err, error);
      description = patella_import_summary_describe (&summary);
      /* Standard output may be carrying CSV: then the words go to stderr. */
      fprintf (data_on_stdout ? err : out, "%s\n", description);
    }

  if (options->export_csv && !patella_write_file (store, options->export_csv, patella_csv_export, &error))
    return fail (err, error);
  if (options->export_daily_csv &&
      !patella_write_file (store, options->export_daily_csv, patella_csv_export_daily, &error))
    return fail (err, error);
  if (options->export_daily_xlsx &&
      !patella_write_file (store, options->export_daily_xlsx, patella_xlsx_export_daily, &error))
    return fail (err, error);
  if (options->backup && !patella_store_backup (store, options->backup, &error))
    return fail (err, error);

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

  if (options->status)
    return patella_cli_status (options->database, options->date, out, err);

  if (options->warnings)
    return patella_cli_warnings (options->database, options->from, options->to, options->episodes, out, err);

  if (options->outcomes)
    return patella_cli_outcomes (options->database, out, err);

  if (options->progression)
    return patella_cli_progression (options->database, options->date, out, err);

  if (options->next_run)
    return patella_cli_next_run (options->database, options->date, out, err);

  if (options->import_runs != NULL)
    {
      int status = patella_cli_import_runs (options, out, err);

      if (status != PATELLA_EXIT_OK ||
          !(options->export_csv || options->export_daily_csv || options->import_csv || options->backup ||
            options->export_daily_xlsx))
        return status;
    }

  if (options->export_csv || options->export_daily_csv || options->import_csv || options->backup ||
      options->export_daily_xlsx)
    return patella_cli_files (options, out, err);

  g_return_val_if_reached (PATELLA_EXIT_USAGE);
}
