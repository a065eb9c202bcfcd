/* test-report.c: the clinic report's text, read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-episodes.h"
#include "core/patella-store-outcomes.h"
#include "core/patella-store-progression.h"
#include "history-generator.h"
#include "render/patella-chart-render.h"
#include "render/patella-report.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

/* The report's text with its line breaks and runs of spaces made one space. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) flat = g_string_new (NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space || (flat->len > 0 && flat->str[flat->len - 1] != ' '))
        g_string_append_c (flat, space ? ' ' : *p);
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("the report does not say “%s”:\n%s", needle, text);
}

/* The report of [@from, @to] written to @pdf, and its text. */
static PatellaReport *
write_report (PatellaStore  *store,
              const char    *from,
              const char    *to,
              const char    *pdf,
              char         **text)
{
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = patella_report_new (store, from, to, NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  g_assert_true (patella_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  *text = pdf_text (pdf);
  g_test_message ("%s", *text);
  return g_steal_pointer (&report);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (int d = 1; d <= 28; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02d", d);

      g_assert_cmpint (patella_store_log_pain (store, day, NULL, d < 15 ? 4 : 2, PATELLA_PAIN_MORNING, NULL, &error), >, 0);
      if (d % 3 == 0)
        g_assert_cmpint (patella_store_log_run (store, day, NULL, 40, 6, 4, 3, NULL, &error), >, 0);
    }
  g_assert_cmpint (patella_store_log_pain (store, "2026-02-20", NULL, 9, PATELLA_PAIN_STAIRS,
                                           "sharp on the stairs <b>&</b>", &error), >, 0);
  g_assert_true (patella_store_set_rest_day (store, "2026-02-21", PATELLA_REST_DAY_SICK, "a cold", &error));
  /* A note longer than a page flows on to the next. */
  {
    g_autoptr(GString) long_note = g_string_new (NULL);

    for (int line = 0; line < 120; line++)
      g_string_append_printf (long_note, "line %03d\n", line);
    g_string_append (long_note, "the last line");
    g_assert_cmpint (patella_store_log_pain (store, "2026-02-22", NULL, 1, PATELLA_PAIN_REST, long_note->str, &error), >, 0);
  }
  report = write_report (store, "2026-02-01", "2026-02-28", pdf, &text);
  assert_contains (text, "Patella: Knee Rehab Report");
  assert_contains (text, "From Sun 1 February 2026 to Sat 28 February 2026, 28 days.");
  assert_contains (text, "Routine adherence");
  assert_contains (text, "rest or sick days: 1.");
  assert_contains (text, "Dose changes No exercise changed its level in this period.");
  assert_contains (text, "on waking 4.0 → 2.0");
  assert_contains (text, "9 runs, 54.0 km in all");
  assert_contains (text, "does not predict injury");
  /* The warnings as episodes, high first, with what to do and the source. */
  assert_contains (text, "Severe pain (high): 1 episode What to do: At 8 out of 10 or more, stop running");
  assert_contains (text, "Source: Clinical practice for severe pain");
  assert_contains (text, "2026-02-20 · A pain score of 9 out of 10 was logged");
  g_assert_null (strstr (text, "Episodes per month"));   /* four weeks is not a long range */
  /* Notes by day, each with its time and what was logged with it; a tag
   * in a note is text. */
  assert_contains (text, "Notes Fri 20 February 2026 ");
  assert_contains (text, " · sharp on the stairs <b>&</b> — Pain 9 out of 10, on stairs");
  assert_contains (text, "Sat 21 February 2026 a cold — Sick day");
  assert_contains (text, "Page 1 of");
  assert_contains (text, "line 119 the last line");

  /* Nothing temporary is left beside it. */
  listing = patella_test_list_dir (fixture->dir);
  g_assert_null (strstr (listing, ".patella-"));

  /* A report that cannot be written says so and leaves nothing. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "gone", "report.pdf", NULL);

    g_assert_false (patella_report_write_pdf (report, missing, &error));
    g_assert_nonnull (error);
  }
}

/* Over a long range, a table of episodes per code and month comes first;
 * then the episodes, high ones first, each with its days and worst numbers. */
static void
test_report_episodes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *severe[] = { "2026-01-05", "2026-01-06", "2026-01-08", "2026-03-10" };

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (severe); i++)
    g_assert_cmpint (patella_store_log_pain (store, severe[i], NULL, i == 1 ? 9 : 8, PATELLA_PAIN_STAIRS, NULL, &error), >, 0);
  g_assert_cmpint (patella_store_log_run (store, "2026-03-10", NULL, 30, 5, 4, 7, NULL, &error), >, 0);
  g_assert_no_error (error);

  report = write_report (store, "2026-01-01", "2026-04-30", pdf, &text);
  /* pdftotext reads the table's columns in its own order: the header, the
   * months and the totals. */
  assert_contains (text, "Episodes per month Month pain-high pain-severe Jan 2026 Mar 2026");
  assert_contains (text, " Total 1 2 Months without any episode are left out.");
  assert_contains (text, "Pain during activity is too high (high): 1 episode");
  assert_contains (text, "Severe pain (high): 2 episodes");
  assert_contains (text, "2026-01-05 to 2026-01-08 (3 days): worst on 2026-01-06: A pain score of 9 out of 10");
  assert_contains (text, "2026-03-10 · A pain score of 8 out of 10");
}

/* A level accepted on a day is a row of the dose changes. */
static void
test_report_dose_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  patella_store_set_today (store, "2026-02-10");
  g_assert_true (patella_store_set_level (store, "squat", 1, &error));
  patella_store_set_today (store, "2026-02-20");
  g_assert_true (patella_store_set_level (store, "band-walks", 1, &error));
  g_assert_no_error (error);

  report = write_report (store, "2026-02-01", "2026-02-28", pdf, &text);
  /* pdftotext reads the table column by column. */
  assert_contains (text, "Dose changes Day Exercise Before 2026-02-10 2026-02-20 Wall squat with a ball Band walks "
                         "Wall squat to 45° Wall squat to 60° Band walks, band above Band walks, band at the");
  assert_contains (text, "From then on A level is changed only when the runner accepts");
  g_clear_pointer (&report, patella_report_free);
  g_clear_pointer (&text, g_free);

  /* Outside the period, none. */
  report = write_report (store, "2026-02-11", "2026-02-19", pdf, &text);
  assert_contains (text, "Dose changes No exercise changed its level in this period.");
}

/* The 0.8-1.3 ratio band describes load; it is no sweet spot, so it is
 * drawn in a neutral grey, not the green of a goal reached: nothing in the
 * load chart is tinted green. */
static void
test_ratio_band_neutral (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  PatellaChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint greenish = 0, grey = 0;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (int d = 0; d < 70; d += 2)
    {
      g_autofree char *day = patella_day_add ("2026-01-01", d);
      g_assert_cmpint (patella_store_log_run (store, day, NULL, 40, 6, 4, 2, NULL, &error), >, 0);
    }
  progress = patella_progress_load_span (store, "2026-02-01", "2026-03-10", NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);

  patella_chart_style_init_default (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 300);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  patella_chart_render (cr, PATELLA_CHART_LOAD, progress, 800, 300, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 800; x++)
      {
        const guint8 *px = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4;
        int b = px[0], g = px[1], r = px[2];

        greenish += g > r + 8 && g > b + 4;
        grey += r == g && g == b && r > 200 && r < 245;
      }
  cairo_surface_destroy (surface);
  g_test_message ("%u greenish pixels, %u light grey", greenish, grey);
  g_assert_cmpuint (greenish, ==, 0);
  g_assert_cmpuint (grey, >, 800 * 20);   /* the band itself is there */
}

/* The pages of @pdf, as pdfinfo counts them. */
static guint
pdf_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* Page @page (from 1) of @pdf, as pdftotext reads it, flattened. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strdelimit (text, "\n\f", ' ');
  return g_steal_pointer (&text);
}

/* Two years out of ten: a summary that fits on page one, with the high
 * warnings named there and months that carry their year, and the whole
 * report in six pages at most (the first release took 13). */
static void
test_report_two_years (Fixture       *fixture,
                       gconstpointer  data)
{
  const PatellaHistoryOptions options = { .years = 10, .seed = 1, .end = "2026-12-02" };
  g_autofree char *pdf = g_build_filename (fixture->dir, "two-years.pdf", NULL);
  g_autoptr(GString) csv = patella_history_generate (&options, NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autofree char *text = NULL;
  g_autofree char *page_one = NULL;
  guint n_pages = 0, n_high = 0;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_csv_import (store, csv->str, csv->len, &summary, &error));
  g_assert_no_error (error);

  report = write_report (store, "2024-12-02", "2026-12-01", pdf, &text);
  n_pages = pdf_pages (pdf);
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, <=, 6);

  page_one = pdf_page_text (pdf, 1);
  g_test_message ("page one: %s", page_one);
  assert_contains (page_one, "Summary");
  assert_contains (page_one, "Warning episodes");
  /* Months with their year, from the first to the last. */
  assert_contains (page_one, "Dec 2024");
  assert_contains (page_one, "Jan 2025");
  assert_contains (page_one, "Jan 2026");
  assert_contains (page_one, "Nov 2026");

  /* Each high episode, latest first, up to eight, with its date. */
  warnings = patella_episodes_warnings_between (store, "2024-12-02", "2026-12-01", NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  episodes = patella_warnings_group_episodes (warnings);
  for (guint k = episodes->len; k-- > 0 && n_high < 8;)
    {
      const PatellaEpisode *episode = g_ptr_array_index (episodes, k);

      if (episode->severity != PATELLA_SEVERITY_HIGH)
        continue;
      n_high++;
      assert_contains (page_one, episode->start);
    }
  g_assert_cmpuint (n_high, >, 0);
  assert_contains (page_one, "High warnings:");

  /* The summary is a page of its own: the sections begin on page two. */
  {
    g_autofree char *page_two = pdf_page_text (pdf, 2);

    g_assert_null (strstr (page_one, "Routine adherence"));
    g_assert_true (g_str_has_prefix (g_strchug (page_two), "Routine adherence"));
  }
}

/* The command line: the last six weeks by default. */
static void
test_report_cli (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--report=%s", pdf);
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->path);
  g_autofree char *today = patella_day_today ();
  g_autofree char *first = patella_day_add (today, -41);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { g_getenv ("PATELLA_BINARY"), database, option, NULL };
  int status;

  patella_test_make_database (fixture->path, 3);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  text = pdf_text (pdf);
  assert_contains (text, "42 days");
  {
    /* The range starts six weeks back. */
    GDate date;
    char from[64];

    g_assert_true (patella_day_parse (first, &date));
    g_date_strftime (from, sizeof from, "From %a %-d %B %Y to", &date);
    assert_contains (text, from);
  }
}

/* A report that hits a full disk (a file size limit here) says so, leaves
 * neither a half-written PDF nor a temporary file, and an older report in
 * its place survives. */
static void
test_report_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old = g_bytes_new_static ("%PDF-1.5 an older report", 24);
  g_autoptr(GBytes) now = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;

  patella_test_make_database (fixture->path, 30);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  report = patella_report_new (store, "2026-01-01", "2026-02-28", NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  patella_test_write_file (pdf, g_bytes_get_data (old, NULL), (gssize) g_bytes_get_size (old));
  listing = patella_test_list_dir (fixture->dir);

  patella_test_limit_file_size (4096);
  g_assert_false (patella_report_write_pdf (report, pdf, &error));
  patella_test_lift_file_size_limit ();

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "was not written, and nothing was left behind"));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  listing_after = patella_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing_after, ==, listing);
  now = patella_test_read_file (pdf);
  patella_test_assert_bytes_equal (now, old);
  g_clear_error (&error);

  /* With room again the whole report is written. */
  g_assert_true (patella_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_bytes_unref);
  now = patella_test_read_file (pdf);
  g_assert_cmpuint (g_bytes_get_size (now), >, 4096);
}

/* A visit has passed: page one is "Since your last visit", with the
 * adherence, the outcome changes (the important ones marked), the dose
 * changes, warning episodes, goals and the runner's questions since. */
static void
test_since_last_visit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "visit.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--report=%s", pdf);
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->path);
  g_autofree char *today = patella_day_today ();
  g_autofree char *visit = patella_day_add (today, -20);
  g_autofree char *before = patella_day_add (today, -30);
  g_autofree char *after = patella_day_add (today, -3);
  g_autofree char *first = patella_day_add (today, -41);
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("PATELLA_BINARY"), database, option, "--since-last-visit", NULL };
  int status;

  {
    g_autoptr(PatellaStore) store = patella_test_open_store (fixture->path);
    g_autoptr(PatellaReport) report = NULL;
    g_autoptr(GPtrArray) exercises = NULL;
    PatellaCheckinAnswers start = { before, { 5, 7, 2, 6, 6, 4, 5, 6, 7, 4 } };
    PatellaCheckinAnswers now = { after, { 2, 6, 1, 5, 6, 4, 5, 6, 7, 6 } };
    PatellaGoal goal = { 0, PATELLA_GOAL_RUN, visit, today, 10.0, 2, 0, 0, NULL, FALSE };
    PatellaExercise *squat = NULL;

    g_assert_true (patella_store_save_checkin (store, &start, &error));
    g_assert_true (patella_store_save_checkin (store, &now, &error));
    g_assert_true (patella_store_set_visit (store, visit, "Dr. Weber", &error));
    g_assert_cmpint (patella_store_add_goal (store, &goal, &error), >, 0);
    g_assert_cmpint (patella_store_add_question (store, after, "When can I run hills?", &error), >, 0);
    g_assert_cmpint (patella_store_add_question (store, before, "Asked already", &error), >, 0);
    g_assert_cmpint (patella_store_log_run (store, after, NULL, 40, 6, 4, 1, NULL, &error), >, 0);
    {
      PatellaSelfTest left = { after, PATELLA_LEG_LEFT, PATELLA_SQUAT_DROPS_IN, 2 };
      PatellaSelfTest right = { after, PATELLA_LEG_RIGHT, PATELLA_SQUAT_CENTRED, -1 };

      g_assert_true (patella_store_save_self_test (store, &left, &error));
      g_assert_true (patella_store_save_self_test (store, &right, &error));
    }
    /* A dose changed since the visit (today). */
    exercises = patella_store_list_exercises (store, FALSE, &error);
    for (guint i = 0; i < exercises->len; i++)
      if (g_str_equal (((PatellaExercise *) g_ptr_array_index (exercises, i))->id, "squat"))
        squat = g_ptr_array_index (exercises, i);
    g_assert_nonnull (squat);
    squat->target_sets = 4;
    g_assert_true (patella_store_update_exercise (store, squat, &error));
    g_assert_no_error (error);

    report = write_report (store, first, today, pdf, &text);
  }
  page = pdf_page_text (pdf, 1);
  g_test_message ("page 1: %s", page);
  assert_contains (page, "Since your last visit (");
  assert_contains (page, ", Dr. Weber)");
  assert_contains (page, "Adherence");
  assert_contains (page, "Usual pain over the last week: 5 → 2, important change: better by 3");
  assert_contains (page, "★");
  assert_contains (page, "Worst pain over the last week: 7 → 6");
  assert_contains (page, "Change since starting: Much better");
  assert_contains (page, "Dose changes");
  assert_contains (page, "1 run, 6.0 km in all.");
  assert_contains (page, "Run 10 km with pain at most 2, by");
  assert_contains (page, ": Not yet");
  assert_contains (page, "When can I run hills?");
  assert_contains (page, "Single-leg squat self-test");
  assert_contains (page, "Left leg: Knee drops inward, pain 2; Right leg: Knee stays centred");
  g_assert_null (strstr (page, "Asked already"));
  /* The rest of the report follows on its own pages, with its own table
   * of the self-tests of its range. */
  g_clear_pointer (&page, g_free);
  page = pdf_page_text (pdf, 2);
  g_assert_null (strstr (page, "Since your last visit"));
  g_assert_true (g_str_has_prefix (g_strchug (page), "Routine adherence"));
  g_assert_nonnull (strstr (strstr (text, "Single-leg squat self-test") + 1, "Single-leg squat self-test"));

  /* --report --since-last-visit: from the day after the visit. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&text, g_free);
  text = pdf_text (pdf);
  assert_contains (text, "Since your last visit (");
  assert_contains (text, "20 days");
}

/* Without a visit behind it, --since-last-visit says so and writes nothing. */
static void
test_since_last_visit_none (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--report=%s", pdf);
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->path);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("PATELLA_BINARY"), database, option, "--since-last-visit", NULL };
  int status;

  patella_test_make_database (fixture->path, 3);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "No clinic visit has passed yet"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/text", Fixture, NULL, patella_test_files_set_up, test_report, patella_test_files_tear_down);
  g_test_add ("/report/dose-changes", Fixture, NULL, patella_test_files_set_up, test_report_dose_changes,
              patella_test_files_tear_down);
  g_test_add ("/report/episodes", Fixture, NULL, patella_test_files_set_up, test_report_episodes,
              patella_test_files_tear_down);
  g_test_add ("/report/ratio-band-neutral", Fixture, NULL, patella_test_files_set_up, test_ratio_band_neutral,
              patella_test_files_tear_down);
  g_test_add ("/report/two-years", Fixture, NULL, patella_test_files_set_up, test_report_two_years,
              patella_test_files_tear_down);
  g_test_add ("/report/since-last-visit", Fixture, NULL, patella_test_files_set_up, test_since_last_visit,
              patella_test_files_tear_down);
  g_test_add ("/report/since-last-visit-none", Fixture, NULL, patella_test_files_set_up, test_since_last_visit_none,
              patella_test_files_tear_down);
  g_test_add ("/report/cli", Fixture, NULL, patella_test_files_set_up, test_report_cli, patella_test_files_tear_down);
  g_test_add ("/report/disk-full", Fixture, NULL, patella_test_files_set_up, test_report_disk_full,
              patella_test_files_tear_down);

  return g_test_run ();
}
