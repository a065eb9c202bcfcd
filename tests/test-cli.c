/* test-cli.c: the command line, run as a runner would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "core/patella-day.h"
#include "core/patella-store.h"
#include "core/patella-store-outcomes.h"
#include "core/patella-store-progression.h"
#include "patella-test-utils.h"

typedef struct
{
  PatellaTestFiles files;
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_test_files_set_up (&fixture->files, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_files_tear_down (&fixture->files, data);
  g_free (fixture->out);
  g_free (fixture->err);
}

/* Runs the built binary with @args (NULL-terminated) and XDG_DATA_HOME in the
 * fixture's folder, so the default database never touches the real one. */
static void
run_patella (Fixture    *fixture,
             const char *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *data_home = g_build_filename (fixture->files.dir, "data-home", NULL);
  const char *binary = g_getenv ("PATELLA_BINARY");
  int wait_status;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &fixture->out, &fixture->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  fixture->status = WEXITSTATUS (wait_status);
  g_test_message ("status %d\nstdout: %s\nstderr: %s", fixture->status, fixture->out, fixture->err);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  run_patella (fixture, "--version", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==, "patella " PACKAGE_VERSION "\n");
  g_assert_cmpstr (fixture->err, ==, "");
}

static void
test_check_new (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autofree char *expected_path = g_strdup_printf ("Database: %s\n", fixture->files.path);
  GStatBuf st;

  run_patella (fixture, "--check", option, NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, expected_path);
  assert_contains (fixture->out, "Schema version: " G_STRINGIFY (PATELLA_STORE_SCHEMA_VERSION) "\n");
  assert_contains (fixture->out, "Integrity: ok\n");
  assert_contains (fixture->out, "exercises: 10 ");
  assert_contains (fixture->out, "exercise_log: 0 ");
  assert_contains (fixture->out, "pain_log: 0 ");
  assert_contains (fixture->out, "runs: 0 ");
  assert_contains (fixture->out, "rest_days: 0 ");
  assert_contains (fixture->out, "dismissed_warnings: 0 ");
  /* And the tables of the routine's history, outcomes and visits. */
  assert_contains (fixture->out, "routine_versions: 10 (Routine and level changes)\n");
  assert_contains (fixture->out, "outcomes: 0 (Check-in answers)\n");
  assert_contains (fixture->out, "self_tests: 0 ");
  assert_contains (fixture->out, "goals: 0 ");
  assert_contains (fixture->out, "visits: 0 ");
  assert_contains (fixture->out, "visit_questions: 0 ");
  assert_contains (fixture->out, "progression_snoozes: 0 ");
  assert_contains (fixture->out, "return_plan: 0 ");
  g_assert_cmpint (g_stat (fixture->files.path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A database with entries reports them. */
  patella_test_make_database (fixture->files.path, 12);
  run_patella (fixture, "--database", fixture->files.path, "--check", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "pain_log: 12 ");
}

static void
test_check_default_path (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->files.dir, "data-home", APP_ID, NULL);
  g_autofree char *path = g_build_filename (folder, "patella.db", NULL);
  GStatBuf st;

  run_patella (fixture, "--check", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, path);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The "Done means": a hand-corrupted file is refused and left as it was. */
static void
test_check_corrupt (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  patella_test_make_database (fixture->files.path, 400);
  patella_test_corrupt_table (fixture->files.path, "pain_log");
  before = patella_test_read_file (fixture->files.path);

  run_patella (fixture, "--check", option, NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  g_assert_cmpstr (fixture->out, ==, "");
  assert_contains (fixture->err, "damaged");
  assert_contains (fixture->err, fixture->files.path);

  after = patella_test_read_file (fixture->files.path);
  patella_test_assert_bytes_equal (before, after);
}

static void
test_check_not_database (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  patella_test_write_file (fixture->files.path, "My training diary\n", -1);
  before = patella_test_read_file (fixture->files.path);
  run_patella (fixture, "--check", option, NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  assert_contains (fixture->err, "not a Patella database");
  after = patella_test_read_file (fixture->files.path);
  patella_test_assert_bytes_equal (before, after);
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-03", NULL, "foam-roll", 1, 0, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_exercise (store, "2026-02-03", NULL, "quad-setting", 2, 20, NULL, &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-02-04", PATELLA_REST_DAY_SICK, "a cold", &error));
  /* 2 February: the whole routine. */
  {
    g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, FALSE, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < exercises->len; i++)
      {
        const PatellaExercise *exercise = g_ptr_array_index (exercises, i);

        if (exercise->enabled)
          g_assert_cmpint (patella_store_log_exercise (store, "2026-02-02", NULL, exercise->id,
                                                       exercise->target_sets, 0, NULL, &error), >, 0);
      }
  }
  g_clear_object (&store);

  run_patella (fixture, option, "--status", "--date=2026-02-03", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Routine for 2026-02-03\n");
  assert_contains (fixture->out, "[x] Foam rolling: 1 of 1 (");
  assert_contains (fixture->out, "[ ] Quadriceps setting: 2 of 3 (20 × 5 s hold, 3 times a day)\n");
  assert_contains (fixture->out, "[ ] Band walks: 0 of 2 (");
  /* (1 + 2/3) / 5 of the routine */
  assert_contains (fixture->out, "Done: 1 of 5 exercises, 33% of the routine\n");

  /* The streak and score are those of the day shown, and say which day:
   * on 3 February, 2 February's complete routine (3 February, not yet
   * complete, does not count yet); today, months later, nothing. */
  assert_contains (fixture->out, "Streak on 2026-02-03: 1 day\n");
  assert_contains (fixture->out, "Score on 2026-02-03: 9%\n");
  g_assert_null (strstr (fixture->out, "Nothing logged"));

  run_patella (fixture, option, "--status", "--date=2026-02-04", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Sick day: a cold\n");

  /* Today is the default; the future and nonsense are refused. */
  run_patella (fixture, option, "--status", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "(today)\n");
  {
    g_autofree char *today = patella_day_today ();
    g_autofree char *streak = g_strdup_printf ("Streak on %s: 0 days\n", today);

    assert_contains (fixture->out, streak);
  }
  run_patella (fixture, option, "--status", "--date=2999-01-01", NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  assert_contains (fixture->err, "has not happened yet");
  run_patella (fixture, option, "--status", "--date=yesterday", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  run_patella (fixture, option, "--date=2026-02-03", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* An empty log: no lines, success. */
  run_patella (fixture, option, "--warnings", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==, "");

  store = patella_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-01", NULL, 9, PATELLA_PAIN_STAIRS, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-10", NULL, 30, 5, 4, 6, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-20", NULL, 1, PATELLA_PAIN_REST, NULL, &error), >, 0);
  g_clear_object (&store);

  /* From the first to the last logged day, oldest first, tab-separated. */
  run_patella (fixture, option, "--warnings", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==,
                   "2026-02-01\tpain-severe\thigh\tA pain score of 9 out of 10 was logged; 8 or more is severe.\n"
                   "2026-02-10\tpain-high\thigh\tPain during activity reached 6 out of 10, above 5.\n");

  run_patella (fixture, option, "--warnings", "--from=2026-02-05", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==, "2026-02-10\tpain-high\thigh\tPain during activity reached 6 out of 10, above 5.\n");
  run_patella (fixture, option, "--warnings", "--to=2026-02-09", NULL);
  g_assert_cmpstr (fixture->out, ==, "2026-02-01\tpain-severe\thigh\tA pain score of 9 out of 10 was logged; 8 or more is severe.\n");
  run_patella (fixture, option, "--warnings", "--from=2026-02-02", "--to=2026-02-09", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==, "");

  /* --status names the day's warnings, with what to do and the source. */
  run_patella (fixture, option, "--status", "--date=2026-02-10", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Warning (high): Pain during activity is too high. Pain during activity reached 6 out of 10, above 5.\n"
                                 "  What to do: Pain above 5 out of 10 during activity is more than the knee should take.");
  assert_contains (fixture->out, "\n  Source: The pain-monitoring model, first tested for Achilles tendon pain");

  /* Episodes: the same warning on days at most one apart is one line,
   * with the message of its worst day. */
  store = patella_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-12", NULL, 30, 5, 4, 8, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-13", NULL, 30, 5, 4, 6, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-02-16", NULL, 30, 5, 4, 6, NULL, &error), >, 0);
  g_clear_object (&store);
  run_patella (fixture, option, "--warnings", "--episodes", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==,
                   "2026-02-01\t2026-02-01\tpain-severe\thigh\t1\tA pain score of 9 out of 10 was logged; 8 or more is severe.\n"
                   "2026-02-10\t2026-02-13\tpain-high\thigh\t3\tPain during activity reached 8 out of 10, above 5.\n"
                   "2026-02-12\t2026-02-12\tpain-severe\thigh\t1\tA pain score of 8 out of 10 was logged; 8 or more is severe.\n"
                   "2026-02-16\t2026-02-16\tpain-high\thigh\t1\tPain during activity reached 6 out of 10, above 5.\n");
  /* --status names the episode a warning belongs to, since its first day. */
  run_patella (fixture, option, "--status", "--date=2026-02-13", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Warning (high): Pain during activity is too high, since 2026-02-10. "
                                 "Pain during activity reached 6 out of 10, above 5.\n");

  /* The day-by-day lines keep their contract. */
  run_patella (fixture, option, "--warnings", "--from=2026-02-13", "--to=2026-02-13", NULL);
  g_assert_cmpstr (fixture->out, ==, "2026-02-13\tpain-high\thigh\tPain during activity reached 6 out of 10, above 5.\n");
  run_patella (fixture, option, "--episodes", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "--episodes goes with --warnings.");

  /* Mistakes in the options are usage errors. */
  run_patella (fixture, option, "--warnings", "--from=2026-02-30", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  run_patella (fixture, option, "--warnings", "--from=2026-02-10", "--to=2026-02-01", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "comes after");
  run_patella (fixture, option, "--status", "--from=2026-02-10", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
}

static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autofree char *other = g_strdup_printf ("--database=%s/other.db", fixture->files.dir);
  g_autofree char *csv = g_build_filename (fixture->files.dir, "history.csv", NULL);
  g_autofree char *import = g_strdup_printf ("--import-csv=%s", csv);
  g_autofree char *backup = g_build_filename (fixture->files.dir, "backup.db", NULL);
  g_autofree char *backup_option = g_strdup_printf ("--backup=%s", backup);
  g_autofree char *first = NULL;

  patella_test_make_database (fixture->files.path, 5);

  /* To standard output, then into another database, then out again. */
  run_patella (fixture, option, "--export-csv=-", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note,utc,side,result\r\n"));
  first = g_strdup (fixture->out);
  patella_test_write_file (csv, first, -1);
  run_patella (fixture, other, import, NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Added 5 pain scores.\n");
  run_patella (fixture, other, "--export-csv=-", NULL);
  g_assert_cmpstr (fixture->out, ==, first);

  /* A bad file: exit 1 with the reason, nothing added. */
  patella_test_write_file (csv, "date,kind,pain,context\n2026-01-01,pain,12,morning\n", -1);
  run_patella (fixture, other, import, NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  assert_contains (fixture->err, "record 2: pain must be a whole number from 0 to 10");

  /* Never over the database itself. */
  {
    g_autofree char *over = g_strdup_printf ("--export-csv=%s", fixture->files.path);
    g_autofree char *over_backup = g_strdup_printf ("--backup=%s", fixture->files.path);

    run_patella (fixture, option, over, NULL);
    g_assert_cmpint (fixture->status, ==, 1);
    assert_contains (fixture->err, "is the database itself");
    run_patella (fixture, option, over_backup, NULL);
    g_assert_cmpint (fixture->status, ==, 1);
    run_patella (fixture, option, "--check", NULL);
    g_assert_cmpint (fixture->status, ==, 0);
  }

  /* The report goes alone, and needs its first day before its last. */
  run_patella (fixture, option, "--report=/tmp/unused.pdf", "--export-csv=-", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  {
    g_autofree char *pdf = g_strdup_printf ("--report=%s/late.pdf", fixture->files.dir);

    run_patella (fixture, option, pdf, "--from=2099-01-01", NULL);
    g_assert_cmpint (fixture->status, ==, 1);
    assert_contains (fixture->err, "first day on or before its last day");
  }

  run_patella (fixture, option, backup_option, NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  {
    g_autofree char *check = g_strdup_printf ("--database=%s", backup);
    run_patella (fixture, "--check", check, NULL);
  }
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "pain_log: 5 ");
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  run_patella (fixture, "--no-such-option", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "--no-such-option");
  assert_contains (fixture->err, "--help");
  g_assert_cmpstr (fixture->out, ==, "");

  run_patella (fixture, "--check", "stray-argument", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "stray-argument");

  run_patella (fixture, "--database=", "--check", NULL);
  g_assert_cmpint (fixture->status, ==, 2);

  run_patella (fixture, "--help", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "--check");
  assert_contains (fixture->out, "--database=FILE");
}

/* --progression and --next-run print the rules' answers and why; they
 * change nothing. */
static void
test_progression (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02d", i);
      g_autoptr(PatellaEntry) set = patella_entry_new (PATELLA_ENTRY_EXERCISE);

      set->day = g_strdup (day);
      set->exercise_id = g_strdup ("band-walks");
      set->sets = 2;
      set->pain = i == 2 ? 4 : 1;
      g_assert_cmpint (patella_store_add_entry (store, set, &error), >, 0);
      g_free (set->exercise_id);
      set->exercise_id = g_strdup ("squat");
      set->pain = 1;
      g_assert_cmpint (patella_store_add_entry (store, set, &error), >, 0);
      g_assert_no_error (error);
    }
  /* Squats since January: the level has been held long enough. */
  g_assert_cmpint (patella_store_log_exercise (store, "2026-01-20", NULL, "squat", 3, 10, NULL, &error), >, 0);
  g_clear_object (&store);

  run_patella (fixture, option, "--progression", "--date=2026-02-04", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Progression on 2026-02-04\n");
  assert_contains (fixture->out, "Wall squat with a ball: level 1 of 5, Wall squat to 45°\n"
                                 "  Wall squat with a ball: ready for Wall squat to 60°?\n"
                                 "  The last three sessions were pain-free");
  assert_contains (fixture->out, "Band walks: level 1 of 4, Band walks, band above the knees\n"
                                 "  Band walks: hold at Band walks, band above the knees\n"
                                 "  Pain reached 4 out of 10");
  assert_contains (fixture->out, "Quadriceps setting: level 1 of 3");
  assert_contains (fixture->out, "0 sessions at this level so far");
  assert_contains (fixture->out, "Patella suggests; the runner and their clinician decide.\n");

  /* The day's own sets wait for the next morning. */
  run_patella (fixture, option, "--progression", "--date=2026-02-02", NULL);
  assert_contains (fixture->out, "Band walks: stay at Band walks, band above the knees\n"
                                 "  1 session at this level so far");

  run_patella (fixture, option, "--next-run", "--date=2026-02-04", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Return to running on 2026-02-04\n");
  assert_contains (fixture->out, "Why: No return-to-running plan is on.");

  store = patella_store_open (fixture->files.path, &error);
  g_assert_true (patella_store_set_return_plan (store, TRUE, "2026-02-01", &error));
  g_assert_cmpint (patella_store_log_run (store, "2026-02-02", NULL, 15, 0, 4, 1, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-02", NULL, 1, PATELLA_PAIN_AFTER, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_patella (fixture, option, "--next-run", "--date=2026-02-03", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Next run: phase 1 of 8, 5 × (1 min run / 2 min walk), at an easy effort");
  assert_contains (fixture->out, "Why: Last run: Pain stayed low during the run");
  assert_contains (fixture->out, "one more moves you on. Rest today");

  /* The clinician's phases, as the record keeps them. */
  store = patella_store_open (fixture->files.path, &error);
  {
    const PatellaRunPhase phases[] = { { 4, 1.5, 1 }, { 1, 20, 0 } };

    g_assert_true (patella_store_set_return_phases (store, phases, G_N_ELEMENTS (phases), &error));
  }
  g_clear_object (&store);
  run_patella (fixture, option, "--next-run", "--date=2026-02-03", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "Next run: phase 1 of 2, 4 × (1.5 min run / 1 min walk), at an easy effort");

  /* --date goes with them, and must be a day. */
  run_patella (fixture, option, "--next-run", "--date=2026-02-30", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "is not a calendar day");
  run_patella (fixture, option, "--check", "--date=2026-02-03", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "--date goes with --status, --progression or --next-run.");
}

/* --import-runs: effort from the file, else --rpe, else refused. */
static void
test_import_runs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autofree char *strava = g_build_filename (fixture->files.dir, "activities.csv", NULL);
  g_autofree char *gpx = g_build_filename (fixture->files.dir, "run.gpx", NULL);
  g_autofree char *hostile = g_build_filename (fixture->files.dir, "xxe.gpx", NULL);
  g_autofree char *option = g_strdup_printf ("--import-runs=%s", strava);

  /* The days and times below are UTC's. */
  g_setenv ("TZ", "UTC", TRUE);
  patella_test_write_file (strava,
                           "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
                           "Perceived Exertion\n"
                           "1,\"Dec 2, 2024, 6:01:23 AM\",Morning Run,Run,1830,5.01,7\n"
                           "2,\"Dec 3, 2024, 6:00:00 PM\",Ride,Ride,3600,30,\n", -1);
  patella_test_write_file (gpx,
                           "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><type>running</type><trkseg>"
                           "<trkpt lat=\"52.5\" lon=\"13.4\"><time>2024-12-04T17:00:00Z</time></trkpt>"
                           "<trkpt lat=\"52.52\" lon=\"13.4\"><time>2024-12-04T17:15:00Z</time></trkpt>"
                           "</trkseg></trk></gpx>", -1);
  patella_test_write_file (hostile,
                           "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                           "<gpx>&x;</gpx>", -1);

  /* The GPX has no effort: without --rpe nothing is added. */
  run_patella (fixture, database, option, gpx, NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  assert_contains (fixture->err, "1 run has no effort");
  assert_contains (fixture->err, "run.gpx, track 1");
  assert_contains (fixture->err, "--rpe");
  run_patella (fixture, database, "--check", NULL);
  assert_contains (fixture->out, "runs: 0 ");

  /* One hostile file among them: nothing from any. */
  run_patella (fixture, database, option, gpx, hostile, "--rpe=4", NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  assert_contains (fixture->err, "xxe.gpx");
  assert_contains (fixture->err, "DTD");
  run_patella (fixture, database, "--check", NULL);
  assert_contains (fixture->out, "runs: 0 ");

  run_patella (fixture, database, option, gpx, "--rpe=4", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "2024-12-02 06:01  30.5 min  5.01 km  activities.csv, record 2\n");
  assert_contains (fixture->out, "Added 2 runs; skipped 0 already in the log.");
  run_patella (fixture, database, "--check", NULL);
  assert_contains (fixture->out, "runs: 2 ");

  run_patella (fixture, database, option, gpx, NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "(already logged)");
  assert_contains (fixture->out, "Added 0 runs; skipped 2 already in the log.");

  /* With an export on standard output, the list goes to stderr. */
  run_patella (fixture, database, option, "--export-csv=-", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "date,time,kind,"));
  assert_contains (fixture->err, "Added 0 runs; skipped 1 already in the log.");

  run_patella (fixture, database, option, "--rpe=11", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "0 to 10");
  run_patella (fixture, database, "--check", "--rpe=3", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "--rpe goes with --import-runs");
}

/* --outcomes: the check-ins as a table, the important changes marked. */
static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->files.path);
  g_autoptr(GError) error = NULL;

  run_patella (fixture, database, "--outcomes", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  assert_contains (fixture->out, "No check-ins yet");

  {
    g_autoptr(PatellaStore) store = patella_test_open_store (fixture->files.path);
    PatellaCheckinAnswers first = { (char *) "2026-03-01", { 5, 7, 2, PATELLA_OUTCOME_NOT_DONE, 6, 4, 5, 6, 7, 4 } };
    PatellaCheckinAnswers later = { (char *) "2026-03-15",
                                    { 3, 8, 1, 4, 6, 6, 5, 6, PATELLA_OUTCOME_UNANSWERED, 6 } };

    g_assert_true (patella_store_save_checkin (store, &first, &error));
    g_assert_true (patella_store_save_checkin (store, &later, &error));
    g_assert_no_error (error);
  }

  run_patella (fixture, database, "--outcomes", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->out, ==,
                   "# 2 check-ins. A change of 2 points or more from the first (2026-03-01) is the smallest "
                   "change patients notice (Farrar 2001; Crossley 2004): shown as (-2) better, (+2) worse.\n"
                   "date\tusual-pain\tworst-pain\twalking\trunning\tsquatting\tsitting\tstairs-up\t"
                   "stairs-down\tkneeling\tglobal-change\n"
                   "2026-03-01\t5\t7\t2\t-\t6\t4\t5\t6\t7\t4 (No change)\n"
                   /* 5 -> 3 is important, 7 -> 8 and 2 -> 1 are not; running
                    * was not done at first, so it compares with nothing. */
                   "2026-03-15\t3 (-2)\t8\t1\t4\t6\t6 (+2)\t5\t6\t\t6 (Much better)\n");

  /* --since-last-visit belongs to --report. */
  run_patella (fixture, database, "--since-last-visit", "--outcomes", NULL);
  g_assert_cmpint (fixture->status, ==, 2);
  assert_contains (fixture->err, "--since-last-visit goes with --report");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("version", test_version);
  ADD ("check-new", test_check_new);
  ADD ("check-default-path", test_check_default_path);
  ADD ("check-corrupt", test_check_corrupt);
  ADD ("check-not-database", test_check_not_database);
  ADD ("status", test_status);
  ADD ("warnings", test_warnings);
  ADD ("files", test_files);
  ADD ("usage", test_usage);
  ADD ("import-runs", test_import_runs);
  ADD ("outcomes", test_outcomes);
  ADD ("progression", test_progression);
#undef ADD

  return g_test_run ();
}
