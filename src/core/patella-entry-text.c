/* patella-entry-text.c: an entry in the runner's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * History lists entries with these lines, and the clinic report prints
 * them; neither needs a widget for it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-entry-text.h"

static const char *
context_words (PatellaPainContext context)
{
  switch (context)
    {
    case PATELLA_PAIN_MORNING: return _("on waking");
    case PATELLA_PAIN_DURING: return _("during activity");
    case PATELLA_PAIN_AFTER: return _("after activity");
    case PATELLA_PAIN_REST: return _("at rest");
    case PATELLA_PAIN_STAIRS: return _("on stairs");
    case PATELLA_PAIN_SITTING: return _("after sitting");
    case PATELLA_PAIN_OTHER:
    case PATELLA_N_PAIN_CONTEXTS:
    default: return _("other");
    }
}

/* The words of the CR-10 scale as runners use it (Foster's session RPE),
 * one for every value, so an effort is never a bare number. */
static const char *
effort_words (int rpe)
{
  switch (rpe)
    {
    case 0: return _("rest");
    case 1: return _("very easy");
    case 2: return _("easy");
    case 3: return _("moderate");
    case 4: return _("somewhat hard");
    case 5:
    case 6: return _("hard");
    case 7:
    case 8:
    case 9: return _("very hard");
    default: return _("maximal");
    }
}

char *
patella_format_duration (double minutes)
{
  gint64 seconds = (gint64) (MAX (minutes, 0) * 60 + 0.5);

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

char *
patella_format_pace (double              minutes,
                     double              km,
                     PatellaDistanceUnit unit)
{
  double distance = unit == PATELLA_UNIT_MILES ? km / PATELLA_KM_PER_MILE : km;
  gint64 seconds;

  if (!(distance > 0) || !(minutes > 0))
    return NULL;
  seconds = (gint64) (minutes * 60 / distance + 0.5);
  return unit == PATELLA_UNIT_MILES
         /* Translators: a pace, minutes and seconds per mile, e.g. "9:49 /mi" */
         ? g_strdup_printf (_("%d:%02d /mi"), (int) (seconds / 60), (int) (seconds % 60))
         /* Translators: a pace, minutes and seconds per kilometre, e.g. "6:06 /km" */
         : g_strdup_printf (_("%d:%02d /km"), (int) (seconds / 60), (int) (seconds % 60));
}

void
patella_entry_describe (const PatellaEntry  *entry,
                        PatellaDistanceUnit  unit,
                        GHashTable          *names,
                        char               **title,
                        char               **subtitle)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) under = g_string_new (NULL);

  switch (entry->kind)
    {
    case PATELLA_ENTRY_PAIN:
      /* Translators: a pain entry, e.g. "Pain 4 out of 10, on stairs" */
      g_string_printf (line, _("Pain %d out of 10, %s"), entry->score, context_words (entry->context));
      break;

    case PATELLA_ENTRY_RUN:
      {
        g_autofree char *distance = patella_format_distance (entry->distance_km, unit);
        g_autofree char *duration = patella_format_duration (entry->minutes);
        g_autofree char *pace = patella_format_pace (entry->minutes, entry->distance_km, unit);

        if (pace != NULL)
          /* Translators: a run: distance, time (h:mm:ss or m:ss) and pace,
             e.g. "Run 11.4 km in 1:09:36 (6:06 /km)" */
          g_string_printf (line, _("Run %s in %s (%s)"), distance, duration, pace);
        else
          /* Translators: a run with no distance, e.g. "Run 0.0 km in 45:00" */
          g_string_printf (line, _("Run %s in %s"), distance, duration);
        /* Translators: appended to the run: its effort on the CR-10 scale and
           its word, e.g. ", effort 5 (hard)" */
        g_string_append_printf (line, _(", effort %d (%s)"), entry->rpe, effort_words (entry->rpe));
        if (entry->pain >= 0)
          /* Translators: appended after the effort: "Run 8.2 km in 45 min, effort 5, pain 3 out of 10" */
          g_string_append_printf (line, _(", pain %d out of 10"), entry->pain);
      }
      break;

    case PATELLA_ENTRY_EXERCISE:
      {
        const char *name = names ? g_hash_table_lookup (names, entry->exercise_id) : NULL;

        /* Translators: an exercise's name and its sets, e.g. "Step-downs, 3 sets"; " of %d reps"
           may follow */
        g_string_printf (line, ngettext ("%s, %d set", "%s, %d sets", entry->sets),
                         name ? name : entry->exercise_id, entry->sets);
        if (entry->reps > 0)
          /* Translators: appended to "%s, %d sets": "Step-downs, 3 sets of 12 reps" */
          g_string_append_printf (line, ngettext (" of %d rep", " of %d reps", entry->reps), entry->reps);
      }
      break;

    case PATELLA_ENTRY_REST_DAY:
    case PATELLA_N_ENTRY_KINDS:
    default:
      g_string_assign (line, entry->rest_kind == PATELLA_REST_DAY_SICK ? _("Sick day") : _("Rest day"));
      break;
    }

  if (entry->instant != NULL)
    {
      g_autoptr(GDateTime) instant = patella_instant_parse (entry->instant);
      g_autoptr(GDateTime) local = instant ? g_date_time_to_local (instant) : NULL;

      if (local != NULL)
        {
          g_autofree char *time = g_date_time_format (local, "%H:%M");
          g_string_append (under, time);
        }
    }
  if (entry->note != NULL && entry->note[0] != '\0')
    g_string_append_printf (under, "%s%s", under->len ? " · " : "", entry->note);

  *title = g_string_free (g_steal_pointer (&line), FALSE);
  *subtitle = g_string_free (g_steal_pointer (&under), FALSE);
}
