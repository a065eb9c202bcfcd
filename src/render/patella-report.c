/* patella-report.c: the clinic report, for PDF and for printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is a list of blocks (headings, paragraphs, charts) laid out
 * once into pages, so that a PDF surface and GtkPrintOperation draw the
 * same pages. The charts are the Progress page's own drawing code.
 */
#define G_LOG_DOMAIN "patella-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "core/patella-day.h"
#include "core/patella-entry-text.h"
#include "core/patella-episodes.h"
#include "core/patella-files.h"
#include "core/patella-settings.h"
#include "core/patella-store-outcomes.h"
#include "core/patella-visit.h"
#include "core/patella-store-progression.h"
#include "render/patella-report.h"

#define MARGIN 48.0
#define GAP 10.0
#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_TEXT,
  BLOCK_SMALL,
  BLOCK_LINE,           /* one of many lines: smaller, upright */
  BLOCK_CHART,
  BLOCK_TABLE_HEADER,   /* cells separated by tabs */
  BLOCK_TABLE_ROW,
  BLOCK_PAGE_BREAK,     /* what follows starts a new page */
} BlockKind;

/* A table's first column, in points; the others share the rest. */
#define TABLE_FIRST_COLUMN 120.0
/* Over more days than this, the episodes are counted by month first. */
#define LONG_RANGE_DAYS 90

typedef struct
{
  BlockKind         kind;
  char             *text;
  PatellaChartKind  chart;
  double            height;   /* measured by patella_report_paginate() */
  guint             page;
  double            y;        /* where on its page, from the top */
  gboolean          continued; /* the next line of the block before */
} Block;

struct _PatellaReport
{
  PatellaProgress   *progress;
  GArray            *blocks;
  PatellaChartStyle  style;
  double             width, height;
  guint              n_pages;
};

static void
block_clear (Block *block)
{
  g_free (block->text);
}

/* Takes @text. Text blocks are split at line breaks, so that no block is
 * taller than a page: a long note flows onto the next one. */
static void
add (PatellaReport *self,
     BlockKind      kind,
     char          *text)
{
  g_auto(GStrv) lines = NULL;

  /* A block with no text (a page break) is one block all the same. */
  if (text == NULL)
    {
      Block block = { .kind = kind };

      g_array_append_val (self->blocks, block);
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Block block = { kind, g_strdup (lines[i]), 0, 0, 0, i > 0 };

      g_array_append_val (self->blocks, block);
    }
  g_free (text);
}

/* Each exercise's level changes in the period: the day, the exercise, the
 * level before and after. */
static gboolean
add_dose_changes (PatellaReport  *self,
                  PatellaStore   *store,
                  const char     *first,
                  const char     *last,
                  GError        **error)
{
  g_autoptr(GPtrArray) changes = patella_store_list_level_changes (store, first, last, error);
  g_autoptr(GPtrArray) exercises = changes ? patella_store_list_exercises (store, TRUE, error) : NULL;

  if (exercises == NULL)
    return FALSE;

  add (self, BLOCK_SUBHEADING, g_strdup (_("Dose changes")));
  if (changes->len == 0)
    {
      add (self, BLOCK_TEXT, g_strdup (_("No exercise changed its level in this period.")));
      return TRUE;
    }
  /* Translators: the columns of the report's table of dose changes, separated by tabs */
  add (self, BLOCK_TABLE_HEADER, g_strdup (_("Day\tExercise\tBefore\tFrom then on")));
  for (guint i = 0; i < changes->len; i++)
    {
      const PatellaLevelChange *change = g_ptr_array_index (changes, i);
      const PatellaLadder *ladder = patella_ladder_find (change->exercise_id);
      const char *name = change->exercise_id;

      for (guint k = 0; k < exercises->len; k++)
        if (g_str_equal (((PatellaExercise *) g_ptr_array_index (exercises, k))->id, change->exercise_id))
          name = patella_exercise_get_display_name (g_ptr_array_index (exercises, k));
      if (ladder == NULL || (guint) MAX (change->from_level, change->to_level) >= ladder->n_levels)
        continue;
      add (self, BLOCK_TABLE_ROW, g_strdup_printf ("%s\t%s\t%s\t%s", change->day, name,
                                                   _(ladder->levels[change->from_level].name),
                                                   _(ladder->levels[change->to_level].name)));
    }
  add (self, BLOCK_SMALL, g_strdup (_("A level is changed only when the runner accepts Patella’s suggestion, "
                                      "from that day on. Patella suggests; the runner and their clinician "
                                      "decide.")));
  return TRUE;
}

static void
add_chart (PatellaReport    *self,
           PatellaChartKind  chart)
{
  Block block = { BLOCK_CHART, NULL, chart, 0, 0, FALSE };

  g_array_append_val (self->blocks, block);
}

static char *
long_day (const char *day)
{
  g_autoptr(GDateTime) datetime = NULL;
  GDate date;

  patella_day_parse (day, &date);
  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date in the report; see strftime */
  return g_date_time_format (datetime, _("%a %-d %B %Y"));
}

/* Mean of @values over days [@from, @to], NAN when none. */
static double
mean (const double *values,
      guint         from,
      guint         to)
{
  double sum = 0;
  guint n = 0;

  for (guint i = from; i <= to; i++)
    if (!isnan (values[i]))
      {
        sum += values[i];
        n++;
      }
  return n ? sum / n : NAN;
}

static char *
number (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.1f", value);
}

/* The entries with a note, oldest first. */
static void
collect_note (const PatellaEntry *entry,
              gpointer            user_data)
{
  if (entry->note != NULL && entry->note[0] != '\0')
    g_ptr_array_add (user_data, patella_entry_copy (entry));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const PatellaEntry *x = *(PatellaEntry * const *) a, *y = *(PatellaEntry * const *) b;
  int by_day = g_strcmp0 (x->day, y->day);

  /* A rest day's note, which has no time, comes first on its day. */
  return by_day != 0 ? by_day : g_strcmp0 (x->instant, y->instant);
}

/* The notes by day, each with its time and what was logged with it. */
static void
add_notes (PatellaReport       *self,
           PatellaStore        *store,
           GPtrArray           *notes,
           PatellaDistanceUnit  unit)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) exercises = patella_store_list_exercises (store, TRUE, NULL);
  const char *day = NULL;

  if (notes->len == 0)
    {
      add (self, BLOCK_TEXT, g_strdup (_("No notes in this period.")));
      return;
    }

  for (guint i = 0; exercises != NULL && i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      g_hash_table_insert (names, g_strdup (exercise->id), g_strdup (patella_exercise_get_display_name (exercise)));
    }

  g_ptr_array_sort (notes, compare_entries);
  for (guint i = 0; i < notes->len; i++)
    {
      const PatellaEntry *entry = g_ptr_array_index (notes, i);
      g_autofree char *what = NULL;
      g_autofree char *when = NULL;

      if (g_strcmp0 (day, entry->day) != 0)
        {
          day = entry->day;
          add (self, BLOCK_SUBHEADING, long_day (day));
        }
      /* The subtitle is the time and the note, as History shows them. */
      patella_entry_describe (entry, unit, names, &what, &when);
      /* Translators: an entry in the report's notes: its time and note, then
         what was logged, e.g. "07:10 · Stiff after the drive — Pain 3 out of 10, on waking" */
      add (self, BLOCK_TEXT, g_strdup_printf (_("%s — %s"), when, what));
    }
}

static char *
month_of (const char *day)
{
  GDate date;
  char text[64];

  patella_day_parse (day, &date);
  /* Translators: a month in the report's table of warnings; see strftime */
  g_date_strftime (text, sizeof text, _("%b %Y"), &date);
  return g_strdup (text);
}

/* Episodes per code (the columns: codes with any) and month (the rows:
 * months with any), for a long range. */
static void
add_episode_table (PatellaReport *self,
                   GPtrArray     *episodes)
{
  gboolean used[PATELLA_N_WARNINGS] = { FALSE };
  guint totals[PATELLA_N_WARNINGS] = { 0 };
  g_autoptr(GString) header = g_string_new (_("Month"));
  g_autoptr(GString) total = g_string_new (_("Total"));
  guint i = 0;

  for (guint k = 0; k < episodes->len; k++)
    used[((PatellaEpisode *) g_ptr_array_index (episodes, k))->code] = TRUE;
  for (guint code = 0; code < PATELLA_N_WARNINGS; code++)
    if (used[code])
      g_string_append_printf (header, "\t%s", patella_warning_code_to_string (code));

  add (self, BLOCK_SUBHEADING, g_strdup (_("Episodes per month")));
  add (self, BLOCK_TABLE_HEADER, g_string_free (g_steal_pointer (&header), FALSE));

  /* Episodes come by first day: each month's are together. */
  while (i < episodes->len)
    {
      const PatellaEpisode *first = g_ptr_array_index (episodes, i);
      g_autofree char *month = month_of (first->start);
      guint counts[PATELLA_N_WARNINGS] = { 0 };
      g_autoptr(GString) row = g_string_new (month);

      for (; i < episodes->len; i++)
        {
          const PatellaEpisode *episode = g_ptr_array_index (episodes, i);

          if (strncmp (episode->start, first->start, 7) != 0)
            break;
          counts[episode->code]++;
          totals[episode->code]++;
        }
      for (guint code = 0; code < PATELLA_N_WARNINGS; code++)
        if (used[code])
          g_string_append_printf (row, counts[code] ? "\t%u" : "\t–", counts[code]);
      add (self, BLOCK_TABLE_ROW, g_string_free (g_steal_pointer (&row), FALSE));
    }

  for (guint code = 0; code < PATELLA_N_WARNINGS; code++)
    if (used[code])
      g_string_append_printf (total, "\t%u", totals[code]);
  add (self, BLOCK_TABLE_HEADER, g_string_free (g_steal_pointer (&total), FALSE));
  add (self, BLOCK_SMALL, g_strdup (_("Months without any episode are left out. An episode is counted in "
                                      "the month it began.")));
}

/* A code's episodes in brief: the worst, with its numbers, then the days
 * of each. */
static void
add_caution_dates (PatellaReport      *self,
                   GPtrArray          *episodes,
                   PatellaWarningCode  code)
{
  const PatellaEpisode *worst = NULL;
  g_autoptr(GString) dates = g_string_new (NULL);

  for (guint k = 0; k < episodes->len; k++)
    {
      const PatellaEpisode *episode = g_ptr_array_index (episodes, k);

      if (episode->code != code)
        continue;
      if (worst == NULL || episode->worst->value > worst->worst->value)
        worst = episode;
      if (dates->len > 0)
        g_string_append (dates, "; ");
      if (g_strcmp0 (episode->start, episode->end) == 0)
        g_string_append (dates, episode->start);
      else
        /* Translators: an episode's first and last day in a list of them */
        g_string_append_printf (dates, _("%s to %s"), episode->start, episode->end);
    }

  if (worst == NULL)
    return;
  /* Translators: the day of the worst episode of a warning, and its numbers */
  add (self, BLOCK_LINE, g_strdup_printf (_("The worst, on %s: %s"), worst->worst->day, worst->worst->message));
  /* Translators: the days of every episode of a warning, as a list */
  add (self, BLOCK_LINE, g_strdup_printf (_("All of them: %s."), dates->str));
}

/* The episodes, high ones first, each code with what to do and the source
 * of its rule, then each episode with its days and worst numbers. */
static void
add_episodes (PatellaReport *self,
              GPtrArray     *episodes,
              guint          n_days)
{
  static const PatellaSeverity order[] = { PATELLA_SEVERITY_HIGH, PATELLA_SEVERITY_CAUTION };
  /* Over a long range, many lines: set closer. */
  BlockKind line = n_days > LONG_RANGE_DAYS ? BLOCK_LINE : BLOCK_TEXT;

  if (episodes->len == 0)
    {
      add (self, BLOCK_TEXT, g_strdup (_("None in this period.")));
      return;
    }

  add (self, BLOCK_SMALL, g_strdup (_("Days with the same warning, at most one day apart, make one episode; "
                                      "each shows the numbers of its worst day.")));
  if (n_days > LONG_RANGE_DAYS)
    add_episode_table (self, episodes);

  for (guint s = 0; s < G_N_ELEMENTS (order); s++)
    for (guint code = 0; code < PATELLA_N_WARNINGS; code++)
      {
        guint n = 0;

        if (patella_warning_code_get_severity (code) != order[s])
          continue;
        for (guint k = 0; k < episodes->len; k++)
          n += ((PatellaEpisode *) g_ptr_array_index (episodes, k))->code == code;
        if (n == 0)
          continue;

        /* Translators: a warning's title, its severity, and how many episodes */
        add (self, BLOCK_SUBHEADING, g_strdup_printf (ngettext ("%s (%s): %u episode", "%s (%s): %u episodes", n),
                                                      patella_warning_code_get_title (code),
                                                      order[s] == PATELLA_SEVERITY_HIGH ? _("high") : _("caution"),
                                                      n));
        add (self, BLOCK_SMALL, g_strdup_printf (_("What to do: %s"), patella_warning_code_get_advice (code)));
        add (self, BLOCK_SMALL, g_strdup_printf (_("Source: %s"), patella_warning_code_get_source (code)));
        /* Over a long range, cautions are many: the worst one with its
         * numbers, then the dates of them all. */
        if (n_days > LONG_RANGE_DAYS && order[s] == PATELLA_SEVERITY_CAUTION && n > 1)
          {
            add_caution_dates (self, episodes, code);
            continue;
          }
        for (guint k = 0; k < episodes->len; k++)
          {
            const PatellaEpisode *episode = g_ptr_array_index (episodes, k);

            if (episode->code != code)
              continue;
            if (g_strcmp0 (episode->start, episode->end) == 0)
              add (self, line, g_strdup_printf ("%s · %s", episode->start, episode->worst->message));
            else
              /* Translators: first and last day, the days it was active on, the
                 worst day and its numbers */
              add (self, line, g_strdup_printf (ngettext ("%s to %s (%u day): worst on %s: %s",
                                                                "%s to %s (%u days): worst on %s: %s",
                                                                episode->n_days),
                                                      episode->start, episode->end, episode->n_days,
                                                      episode->worst->day, episode->worst->message));
          }
      }
}

/* The summary's periods: months while there are at most this many, then
 * quarters, then years, so that its table fits on the first page. */
#define SUMMARY_MAX_ROWS 26

typedef enum { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR } PeriodKind;

static int
period_key (const GDate *date,
            PeriodKind   kind)
{
  int year = g_date_get_year (date), month = g_date_get_month (date);

  switch (kind)
    {
    case PERIOD_MONTH: return year * 12 + month - 1;
    case PERIOD_QUARTER: return year * 4 + (month - 1) / 3;
    case PERIOD_YEAR:
    default: return year;
    }
}

static char *
period_label (const GDate *date,
              PeriodKind   kind)
{
  switch (kind)
    {
    case PERIOD_MONTH:
      {
        g_autofree char *day = patella_day_format (date);

        return month_of (day);
      }
    case PERIOD_QUARTER:
      /* Translators: a quarter of a year in the report's summary, e.g. "Q2 2025" */
      return g_strdup_printf (_("Q%d %d"), (g_date_get_month (date) - 1) / 3 + 1, g_date_get_year (date));
    case PERIOD_YEAR:
    default:
      return g_strdup_printf ("%d", g_date_get_year (date));
    }
}

/* One row per month (quarter, year): the share of counted days with the
 * routine done, the mean pain on waking and during activity, the distance
 * run, and the warning episodes that began in it. */
static void
add_period_table (PatellaReport       *self,
                  const PatellaProgress *p,
                  GPtrArray           *episodes,
                  PatellaDistanceUnit  unit)
{
  GDate first, last, date;
  PeriodKind kind;
  guint from = 0;

  patella_day_parse (p->first, &first);
  patella_day_parse (p->last, &last);
  kind = period_key (&last, PERIOD_MONTH) - period_key (&first, PERIOD_MONTH) < SUMMARY_MAX_ROWS ? PERIOD_MONTH
       : period_key (&last, PERIOD_QUARTER) - period_key (&first, PERIOD_QUARTER) < SUMMARY_MAX_ROWS ? PERIOD_QUARTER
       : PERIOD_YEAR;

  /* Translators: the columns of the report's summary table, separated by tabs */
  add (self, BLOCK_TABLE_HEADER,
       g_strdup_printf (_("Period\tRoutine\tMorning pain\tPain during\t%s\tWarnings"),
                        unit == PATELLA_UNIT_MILES ? _("Miles") : _("Kilometres")));

  date = first;
  while (from < p->n_days)
    {
      int key = period_key (&date, kind);
      g_autofree char *label = period_label (&date, kind);
      g_autofree char *start_day = patella_progress_day (p, from);
      g_autofree char *morning = NULL, *during = NULL, *done_text = NULL, *distance = NULL;
      g_autofree char *end_day = NULL;
      guint to = from, done = 0, counted = 0, started = 0;
      double km = 0;

      /* [from, to) is the period's days within the range. */
      while (to < p->n_days && period_key (&date, kind) == key)
        {
          done += p->routine[to] == PATELLA_ROUTINE_COMPLETE;
          counted += p->routine[to] != PATELLA_ROUTINE_OFF && p->routine[to] != PATELLA_ROUTINE_NONE;
          if (!isnan (p->distance[to]))
            km += p->distance[to];
          to++;
          g_date_add_days (&date, 1);
        }
      end_day = patella_progress_day (p, to - 1);
      for (guint k = 0; k < episodes->len; k++)
        {
          const PatellaEpisode *episode = g_ptr_array_index (episodes, k);

          started += g_strcmp0 (episode->start, start_day) >= 0 && g_strcmp0 (episode->start, end_day) <= 0;
        }

      morning = number (mean (p->morning, from, to - 1));
      during = number (mean (p->during, from, to - 1));
      done_text = counted ? g_strdup_printf ("%.0f%%", 100.0 * done / counted) : g_strdup ("–");
      distance = g_strdup_printf ("%.0f", km / (unit == PATELLA_UNIT_MILES ? PATELLA_KM_PER_MILE : 1.0));
      add (self, BLOCK_TABLE_ROW, g_strdup_printf ("%s\t%s\t%s\t%s\t%s\t%u", label, done_text, morning, during,
                                                   distance, started));
      from = to;
    }
  add (self, BLOCK_SMALL, g_strdup (_("Routine: the share of days that count with every target reached. Pain: "
                                      "the mean of each day’s highest score. Warnings: the episodes that began.")));
}

/* Least-squares slope of @values (NAN: none) over days [@from, @to], in
 * points per 30 days; NAN with fewer than two values. */
static double
slope_per_month (const double *values,
                 guint         from,
                 guint         to)
{
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;

  for (guint i = from; i <= to; i++)
    if (!isnan (values[i]))
      {
        n++;
        sx += i;
        sy += values[i];
        sxx += (double) i * i;
        sxy += i * values[i];
      }
  if (n < 2 || n * sxx - sx * sx == 0)
    return NAN;
  return (n * sxy - sx * sy) / (n * sxx - sx * sx) * 30;
}

/* Pain per series: the first four weeks against the last four, and the
 * trend over the whole range. */
static void
add_pain_summary (PatellaReport         *self,
                  const PatellaProgress *p)
{
  const struct { const double *values; const char *name; } series[] = {
    { p->morning, N_("on waking") }, { p->during, N_("during activity") }, { p->after, N_("after activity") },
  };
  guint last = p->n_days - 1, span = MIN (27, last);
  g_autoptr(GString) text = g_string_new (_("Pain out of 10, the first four weeks → the last four, "
                                            "and the trend over the whole period:"));

  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    {
      g_autofree char *before = number (mean (series[k].values, 0, span));
      g_autofree char *after = number (mean (series[k].values, last - span, last));
      double slope = slope_per_month (series[k].values, 0, last);
      g_autofree char *trend = isnan (slope) ? g_strdup ("–") : g_strdup_printf ("%+.2f", slope);

      /* Translators: a pain series, its mean over the first and the last four
         weeks, and its change per month, e.g. " on waking 2.3 → 0.7 (-0.05 a month);" */
      g_string_append_printf (text, _(" %s %s → %s (%s a month);"), _(series[k].name), before, after, trend);
    }
  g_string_truncate (text, text->len - 1);
  g_string_append_c (text, '.');
  add (self, BLOCK_TEXT, g_string_free (g_steal_pointer (&text), FALSE));
}

/* The high episodes by name and date, then episodes per warning: how
 * many, on how many days, the last. */
static void
add_episode_summary (PatellaReport *self,
                     GPtrArray     *episodes)
{
  guint n_high = 0, shown = 0;
  g_autoptr(GString) high = NULL;

  if (episodes->len == 0)
    {
      add (self, BLOCK_TEXT, g_strdup (_("No warnings in this period.")));
      return;
    }

  /* The high ones first, by name and date, the latest first. */
  for (guint k = 0; k < episodes->len; k++)
    n_high += ((PatellaEpisode *) g_ptr_array_index (episodes, k))->severity == PATELLA_SEVERITY_HIGH;
  if (n_high == 0)
    add (self, BLOCK_TEXT, g_strdup (_("No high warnings in this period.")));
  else
    {
      high = g_string_new (_("High warnings:"));
      for (guint k = episodes->len; k-- > 0 && shown < 8;)
        {
          const PatellaEpisode *episode = g_ptr_array_index (episodes, k);

          if (episode->severity != PATELLA_SEVERITY_HIGH)
            continue;
          if (g_strcmp0 (episode->start, episode->end) == 0)
            g_string_append_printf (high, " %s, %s;", patella_warning_code_get_title (episode->code), episode->start);
          else
            /* Translators: a warning's title, its first and last day */
            g_string_append_printf (high, _(" %s, %s to %s;"), patella_warning_code_get_title (episode->code),
                                    episode->start, episode->end);
          shown++;
        }
      g_string_truncate (high, high->len - 1);
      if (n_high > shown)
        /* Translators: after the latest high warnings: how many more there were */
        g_string_append_printf (high, ngettext ("; and %u earlier.", "; and %u earlier.", n_high - shown),
                                n_high - shown);
      else
        g_string_append_c (high, '.');
      add (self, BLOCK_TEXT, g_string_free (g_steal_pointer (&high), FALSE));
    }

  /* Translators: the columns of the report's table of warnings, separated by tabs */
  add (self, BLOCK_TABLE_HEADER, g_strdup (_("Warning\tSeverity\tEpisodes\tDays\tLast")));
  for (guint code = 0; code < PATELLA_N_WARNINGS; code++)
    {
      guint n = 0, days = 0;
      const char *last = NULL;

      for (guint k = 0; k < episodes->len; k++)
        {
          const PatellaEpisode *episode = g_ptr_array_index (episodes, k);

          if (episode->code != code)
            continue;
          n++;
          days += episode->n_days;
          last = episode->end;
        }
      if (n > 0)
        add (self, BLOCK_TABLE_ROW,
             g_strdup_printf ("%s\t%s\t%u\t%u\t%s", patella_warning_code_to_string (code),
                              patella_warning_code_get_severity (code) == PATELLA_SEVERITY_HIGH ? _("high")
                                                                                                : _("caution"),
                              n, days, last));
    }
}

/* Page one of a long report: the whole period at a glance. */
static void
add_summary (PatellaReport         *self,
             const PatellaProgress *p,
             GPtrArray             *episodes,
             PatellaDistanceUnit    unit)
{
  add (self, BLOCK_HEADING, g_strdup (_("Summary")));
  add_period_table (self, p, episodes, unit);
  if (p->has_pain)
    add_pain_summary (self, p);
  add (self, BLOCK_SUBHEADING, g_strdup (_("Warning episodes")));
  add_episode_summary (self, episodes);
  add (self, BLOCK_PAGE_BREAK, NULL);
}

/* Page one when a clinic visit has passed before the report's last day:
 * what changed since, the important changes marked. */
static gboolean
add_since_last_visit (PatellaReport            *self,
                      PatellaStore             *store,
                      const char               *last,
                      const PatellaThresholds  *thresholds,
                      PatellaDistanceUnit       unit,
                      GError                  **error)
{
  g_autoptr(GPtrArray) lines = patella_visit_summary (store, last, thresholds, unit, NULL, error);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const PatellaVisitLine *line = g_ptr_array_index (lines, i);

      if (line->kind == PATELLA_VISIT_LINE_TITLE)
        add (self, BLOCK_HEADING, g_strdup (line->text));
      else if (line->kind == PATELLA_VISIT_LINE_HEADING)
        add (self, BLOCK_SUBHEADING, g_strdup (line->text));
      else if (line->important)
        /* Translators: an important change or a high warning, marked */
        add (self, BLOCK_LINE, g_strdup_printf (_("★ %s"), line->text));
      else
        add (self, BLOCK_LINE, g_strdup (line->text));
    }
  if (lines->len > 0)
    add (self, BLOCK_PAGE_BREAK, NULL);
  return TRUE;
}

static double
chart_height (PatellaChartKind kind)
{
  return kind == PATELLA_CHART_ADHERENCE ? 170 : 230;
}

PatellaReport *
patella_report_new (PatellaStore            *store,
                    const char              *from,
                    const char              *to,
                    const PatellaThresholds *thresholds,
                    PatellaDistanceUnit      unit,
                    GError                 **error)
{
  g_autoptr(PatellaReport) self = g_new0 (PatellaReport, 1);
  g_autofree char *today = patella_day_today ();
  g_autofree char *last = g_strdup (to ? to : today);
  g_autofree char *first = from ? g_strdup (from) : patella_day_add (last, -41);
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);
  g_autoptr(GPtrArray) episodes = NULL;
  PatellaProgress *p;
  guint done = 0, partly = 0, off = 0, counted = 0, runs = 0;
  double total_km = 0;

  if (!patella_day_is_valid (first) || !patella_day_is_valid (last) || g_strcmp0 (first, last) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The report needs a first day on or before its last day (%s to %s)."), first, last);
      return NULL;
    }

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
  patella_chart_style_init_default (&self->style);

  self->progress = patella_progress_load_span (store, first, last, thresholds, unit, error);
  if (self->progress == NULL)
    return NULL;
  p = self->progress;

  warnings = patella_episodes_warnings_between (store, first, last, thresholds, unit, error);
  if (warnings == NULL ||
      !patella_store_foreach_entry (store, first, last, PATELLA_ENTRY_ALL, collect_note, notes, error))
    return NULL;
  episodes = patella_warnings_group_episodes (warnings);

  first_text = long_day (first);
  last_text = long_day (last);
  /* Translators: when the report was made; see strftime */
  made = g_date_time_format (now, _("%-d %B %Y at %H:%M"));

  add (self, BLOCK_TITLE, g_strdup (_("Patella: Knee Rehab Report")));
  /* Translators: the first and last days, how many days that is, and when the
     report was made: "From Sun 1 February 2026 to Sat 28 February 2026, 28 days.
     Made on 1 March 2026 at 09:00." */
  add (self, BLOCK_TEXT, g_strdup_printf (ngettext ("From %s to %s, %u day. Made on %s.",
                                                    "From %s to %s, %u days. Made on %s.", p->n_days),
                                          first_text, last_text, p->n_days, g_strstrip (made)));
  add (self, BLOCK_SMALL, g_strdup (_("Kept by the runner with Patella, a log and guide for patellofemoral "
                                      "pain. It is not a diagnosis.")));
  if (!add_since_last_visit (self, store, last, thresholds, unit, error))
    return NULL;
  if (p->n_days > LONG_RANGE_DAYS)
    add_summary (self, p, episodes, unit);

  /* Routine */
  for (guint i = 0; i < p->n_days; i++)
    {
      done += p->routine[i] == PATELLA_ROUTINE_COMPLETE;
      partly += p->routine[i] == PATELLA_ROUTINE_PARTIAL;
      off += p->routine[i] == PATELLA_ROUTINE_OFF;
      counted += p->routine[i] != PATELLA_ROUTINE_OFF && p->routine[i] != PATELLA_ROUTINE_NONE;
      if (!isnan (p->distance[i]))
        {
          runs++;
          total_km += p->distance[i];
        }
    }
  add (self, BLOCK_HEADING, g_strdup (_("Routine adherence")));
  /* Translators: days done, of the days that count, as a percentage; then days
     partly done, and the number of rest or sick days */
  add (self, BLOCK_TEXT, g_strdup_printf (ngettext ("The routine was done on %u of %u day that counts (%.0f%%), "
                                                    "partly done on %u; rest or sick days: %u.",
                                                    "The routine was done on %u of %u days that count (%.0f%%), "
                                                    "partly done on %u; rest or sick days: %u.", counted),
                                          done, counted, counted ? 100.0 * done / counted : 0.0, partly, off));
  add_chart (self, PATELLA_CHART_ADHERENCE);

  if (!add_dose_changes (self, store, first, last, error))
    return NULL;

  /* Pain */
  add (self, BLOCK_HEADING, g_strdup (_("Pain")));
  if (p->has_pain)
    {
      guint last_day = p->n_days - 1;
      guint week_end = MIN (6, last_day);
      guint last_start = last_day >= 6 ? last_day - 6 : 0;
      g_autofree char *m1 = number (mean (p->morning, 0, week_end));
      g_autofree char *m2 = number (mean (p->morning, last_start, last_day));
      g_autofree char *d1 = number (mean (p->during, 0, week_end));
      g_autofree char *d2 = number (mean (p->during, last_start, last_day));
      g_autofree char *a1 = number (mean (p->after, 0, week_end));
      g_autofree char *a2 = number (mean (p->after, last_start, last_day));
      g_autofree char *t1 = number (p->trend[week_end]);
      g_autofree char *t2 = number (p->trend[last_day]);

      add (self, BLOCK_TEXT, g_strdup_printf (_("Weekly averages out of 10, first week → last week: "
                                                "on waking %s → %s; during activity %s → %s; "
                                                "after activity %s → %s; all scores %s → %s."),
                                              m1, m2, d1, d2, a1, a2, t1, t2));
      add_chart (self, PATELLA_CHART_PAIN);
    }
  else
    add (self, BLOCK_TEXT, g_strdup (_("No pain scores were logged in this period.")));

  /* The self-test, when there was one */
  {
    g_autoptr(GPtrArray) tests = patella_self_test_lines (store, first, last, error);

    if (tests == NULL)
      return NULL;
    if (tests->len > 0)
      add (self, BLOCK_HEADING, g_strdup (_("Single-leg squat self-test")));
    for (guint i = 0; i < tests->len; i++)
      {
        const PatellaVisitLine *line = g_ptr_array_index (tests, i);

        add (self, BLOCK_LINE, line->important ? g_strdup_printf (_("★ %s"), line->text) : g_strdup (line->text));
      }
  }

  /* Running */
  add (self, BLOCK_HEADING, g_strdup (_("Running volume and load")));
  if (p->has_runs)
    {
      g_autofree char *total = patella_format_distance (total_km, unit);
      g_autofree char *first_week = patella_format_distance (p->week_distance[0], unit);
      g_autofree char *last_week = patella_format_distance (p->week_distance[p->n_weeks - 1], unit);

      add (self, BLOCK_TEXT, g_strdup_printf (ngettext ("%u run, %s in all; the first week %s, the last %s. "
                                                        "The load ratio describes recent load against the "
                                                        "three weeks before; it does not predict injury.",
                                                        "%u runs, %s in all; the first week %s, the last %s. "
                                                        "The load ratio describes recent load against the "
                                                        "three weeks before; it does not predict injury.", runs),
                                              runs, total, first_week, last_week));
      add_chart (self, PATELLA_CHART_LOAD);
    }
  else
    add (self, BLOCK_TEXT, g_strdup (_("No runs were logged in this period.")));

  /* Warnings */
  add (self, BLOCK_HEADING, g_strdup (_("Warnings")));
  add_episodes (self, episodes, p->n_days);

  /* Notes */
  add (self, BLOCK_HEADING, g_strdup (_("Notes")));
  add_notes (self, store, notes, unit);

  return g_steal_pointer (&self);
}

void
patella_report_free (PatellaReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->progress, patella_progress_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_free (self);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *font_name,
             double      width,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Notes are the runner's own words: never markup. */
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static PangoLayout *
block_layout (PatellaReport *self,
              cairo_t       *cr,
              const Block   *block)
{
  const char *font_name = "Sans 10";

  switch (block->kind)
    {
    case BLOCK_TITLE: font_name = "Sans Bold 18"; break;
    case BLOCK_HEADING: font_name = "Sans Bold 13"; break;
    case BLOCK_SUBHEADING: font_name = "Sans Bold 10"; break;
    case BLOCK_SMALL: font_name = "Sans Italic 8.5"; break;
    case BLOCK_LINE: font_name = "Sans 8.5"; break;
    case BLOCK_TEXT:
    case BLOCK_CHART:
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
    default: break;
    }
  return text_layout (cr, font_name, self->width - 2 * MARGIN, block->text);
}

/* Lays out (and with @draw, draws at @y) a table row's cells; returns the
 * row's height. */
static double
table_row (PatellaReport *self,
           cairo_t       *cr,
           const Block   *block,
           gboolean       draw,
           double         y)
{
  g_auto(GStrv) cells = g_strsplit (block->text, "\t", -1);
  guint n = g_strv_length (cells);
  double rest = (self->width - 2 * MARGIN - TABLE_FIRST_COLUMN) / MAX (n - 1, 1);
  double x = MARGIN, height = 0;

  for (guint i = 0; i < n; i++)
    {
      double width = i == 0 ? TABLE_FIRST_COLUMN : rest;
      g_autoptr(PangoLayout) layout = text_layout (cr, block->kind == BLOCK_TABLE_HEADER ? "Sans Bold 7" : "Sans 7.5",
                                                   width - 4, cells[i]);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      height = MAX (height, h);
      if (draw)
        {
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, layout);
        }
      x += width;
    }
  return height;
}

static gboolean
is_table (const Block *block)
{
  return block->kind == BLOCK_TABLE_HEADER || block->kind == BLOCK_TABLE_ROW;
}

/* Room above a block: more before a heading, little between table rows. */
static double
block_space (const Block *block)
{
  if (block->continued)
    return 0;
  switch (block->kind)
    {
    case BLOCK_HEADING: return 2 * GAP;
    case BLOCK_SUBHEADING: return GAP;
    case BLOCK_TABLE_HEADER: return 2;
    case BLOCK_TABLE_ROW: return 0.5;
    case BLOCK_LINE: return 2;
    case BLOCK_TITLE:
    case BLOCK_TEXT:
    case BLOCK_SMALL:
    case BLOCK_CHART:
    default: return GAP / 2;
    }
}

guint
patella_report_paginate (PatellaReport *self,
                         cairo_t       *cr,
                         double         width,
                         double         height)
{
  double y = MARGIN;
  guint page = 0;

  self->width = width;
  self->height = height;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double space = block_space (block);

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          block->height = 0;
          block->page = page;
          if (y > MARGIN)
            {
              page++;
              y = MARGIN;
            }
          continue;
        }
      if (block->kind == BLOCK_CHART)
        block->height = chart_height (block->chart);
      else if (is_table (block))
        block->height = table_row (self, cr, block, FALSE, 0);
      else
        {
          g_autoptr(PangoLayout) layout = block_layout (self, cr, block);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          block->height = h;
        }

      /* A heading keeps its next block with it. */
      {
        double needed = space + block->height;

        if ((block->kind == BLOCK_HEADING || block->kind == BLOCK_SUBHEADING) && i + 1 < self->blocks->len)
          needed += 40;
        if (y + needed > height - MARGIN - 12 && y > MARGIN)
          {
            page++;
            y = MARGIN;
            space = 0;
          }
      }
      y += space;
      block->page = page;
      block->y = y;
      y += block->height;
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

void
patella_report_draw_page (PatellaReport *self,
                          cairo_t       *cr,
                          guint          page)
{
  double y = MARGIN;
  gboolean first_on_page = TRUE;
  PatellaChartColor black = { 0, 0, 0, 0.87 };

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double space = block_space (block);

      if (block->page != page || block->kind == BLOCK_PAGE_BREAK)
        continue;
      if (first_on_page)
        space = 0;
      first_on_page = FALSE;
      y += space;

      if (block->kind == BLOCK_CHART)
        {
          cairo_save (cr);
          cairo_translate (cr, MARGIN, y);
          patella_chart_render (cr, block->chart, self->progress, self->width - 2 * MARGIN, block->height,
                                &self->style);
          cairo_restore (cr);
        }
      else if (is_table (block))
        {
          cairo_set_source_rgba (cr, black.red, black.green, black.blue, black.alpha);
          table_row (self, cr, block, TRUE, y);
        }
      else
        {
          g_autoptr(PangoLayout) layout = block_layout (self, cr, block);

          cairo_move_to (cr, MARGIN, y);
          cairo_set_source_rgba (cr, black.red, black.green, black.blue, black.alpha);
          pango_cairo_show_layout (cr, layout);
        }
      y += block->height;
    }

  /* The page number, bottom right. */
  {
    g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
    g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
    PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
    int w, h;

    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
    pango_layout_set_text (layout, text, -1);
    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_move_to (cr, self->width - MARGIN - w, self->height - MARGIN / 2 - h);
    cairo_set_source_rgba (cr, black.red, black.green, black.blue, black.alpha);
    pango_cairo_show_layout (cr, layout);
  }
}

typedef struct
{
  int fd;
  int saved_errno;   /* why a write failed */
} Output;

static cairo_status_t
write_output (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  Output *output = closure;

  while (length > 0)
    {
      ssize_t n = write (output->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          output->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Written to a private temporary file beside @path, flushed to the disk and
 * only then renamed into place: a failure (a full disk) leaves nothing. */
gboolean
patella_report_write_pdf (PatellaReport  *self,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *temp = NULL;
  Output output = { -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  output.fd = patella_temp_file_open (path, O_WRONLY | O_CLOEXEC, &temp, error);
  if (output.fd < 0)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_output, &output, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Patella: Knee Rehab Report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Patella " PACKAGE_VERSION);
  cr = cairo_create (surface);
  patella_report_paginate (self, cr, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < self->n_pages; page++)
    {
      patella_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  /* Bookmarks: a reader jumps to each section from the outline. Only
   * over whole pages: a surface that failed to write has none. */
  for (guint i = 0; cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS && i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *link = NULL;

      if (block->kind != BLOCK_HEADING)
        continue;
      link = g_strdup_printf ("page=%u pos=[%.0f %.0f]", block->page + 1, MARGIN, block->y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, block->text, link, 0);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && output.saved_errno == 0)
    output.saved_errno = EIO;
  if (output.saved_errno == 0 && fsync (output.fd) != 0)
    output.saved_errno = errno;
  if (close (output.fd) != 0 && output.saved_errno == 0)
    output.saved_errno = errno;
  if (output.saved_errno == 0 && g_rename (temp, path) != 0)
    output.saved_errno = errno;

  if (output.saved_errno != 0)
    {
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (output.saved_errno),
                   _("The report “%s” was not written, and nothing was left behind: %s"), path,
                   g_strerror (output.saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* patella --report=FILE.pdf [--from] [--to] */
int
patella_report_run_cli (const PatellaOptions *options,
                        FILE                 *err)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GSettings) settings = patella_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = options->database ? g_strdup (options->database) : patella_store_default_path ();
  PatellaThresholds thresholds;

  patella_settings_get_thresholds (settings, &thresholds);
  /* Only reads: see open_store() in patella-cli.c. */
  store = patella_store_open_full (path, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (store != NULL && patella_store_is_own_file (store, options->report))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” is the database itself; choose another file."), options->report);
  else if (store != NULL && options->since_last_visit)
    {
      /* From the day after the last visit to today. */
      g_autofree char *today = patella_day_today ();
      g_autoptr(PatellaVisit) visit = NULL;
      g_autofree char *from = NULL;

      if (patella_store_get_visits_around (store, today, &visit, NULL, &error) && visit == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("No clinic visit has passed yet, so there is no “since your last visit” to report. "
                       "Leave out --since-last-visit."));
      else if (visit != NULL)
        {
          from = patella_day_add (visit->day, 1);
          report = patella_report_new (store, from, today, &thresholds, patella_settings_get_unit (settings),
                                       &error);
        }
    }
  else if (store != NULL)
    report = patella_report_new (store, options->from, options->to, &thresholds,
                                 patella_settings_get_unit (settings), &error);
  if (report == NULL || !patella_report_write_pdf (report, options->report, &error))
    {
      fprintf (err, "%s: %s\n", g_get_prgname (), error->message);
      return PATELLA_EXIT_FAILED;
    }
  return PATELLA_EXIT_OK;
}
