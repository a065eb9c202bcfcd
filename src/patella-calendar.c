/* patella-calendar.c: a GtkCalendar for choosing a logged day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's calendar has no way to refuse a day. Its day cells are labels
 * (CSS class "day-number"), six weeks in reading order from the last days
 * of the month before to the first of the month after; a click picks the
 * label under the pointer, and an insensitive label is never picked. So
 * the future's labels are made insensitive, the arrows that only lead into
 * the future too, and a day reached by the keyboard beyond today (the
 * calendar on screen) is taken back to today.
 */
#define G_LOG_DOMAIN "patella-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "core/patella-day.h"
#include "patella-calendar.h"

enum { PREVIOUS_MONTH, NEXT_MONTH, PREVIOUS_YEAR, NEXT_YEAR, N_ARROWS };

/* The arrows are the first buttons of the calendar's heading. */
static GtkWidget *
arrow (GtkCalendar *calendar,
       guint        which)
{
  GtkWidget *heading = gtk_widget_get_first_child (GTK_WIDGET (calendar));
  guint n = 0;

  for (GtkWidget *child = heading ? gtk_widget_get_first_child (heading) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && n++ == which)
      return child;
  return NULL;
}

static void
collect_days (GtkWidget *widget,
              GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "day-number"))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_days (child, labels);
}

/* "YYYY-MM-DD" of the first of the month @months after @date's. */
static char *
first_of_month (GDateTime *date,
                int        months)
{
  int month = g_date_time_get_month (date) - 1 + months;
  int year = g_date_time_get_year (date) + (month < 0 ? -1 : month / 12);

  month = (month % 12 + 12) % 12 + 1;
  return g_strdup_printf ("%04d-%02d-01", year, month);
}

static void
update_days (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *today = patella_day_today ();
  g_autofree char *next_month = first_of_month (shown, 1);
  g_autofree char *next_year = first_of_month (shown, 12);
  int month = -1;  /* the month before the one shown, then it, then the next */
  GtkWidget *button;

  collect_days (GTK_WIDGET (calendar), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      int number = atoi (gtk_label_get_text (GTK_LABEL (label)));
      g_autofree char *first = NULL;
      g_autofree char *day = NULL;

      if (number == 1 && month < 1)
        month++;
      first = first_of_month (shown, month);
      day = g_strdup_printf ("%.8s%02d", first, number);
      gtk_widget_set_sensitive (label, strcmp (day, today) <= 0);
    }

  if ((button = arrow (calendar, NEXT_MONTH)) != NULL)
    gtk_widget_set_sensitive (button, strcmp (next_month, today) <= 0);
  if ((button = arrow (calendar, NEXT_YEAR)) != NULL)
    gtk_widget_set_sensitive (button, strcmp (next_year, today) <= 0);
}

static void
day_selected (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);
  g_autofree char *day = g_date_time_format (selected, "%Y-%m-%d");
  g_autofree char *today = patella_day_today ();

  /* Only a runner's choice on screen: a program sets what it means to. */
  if (strcmp (day, today) > 0 && gtk_widget_get_mapped (GTK_WIDGET (calendar)))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      /* Selecting today again emits day-selected, which updates the days. */
      gtk_calendar_select_day (calendar, now);
      return;
    }
  update_days (calendar);
}

void
patella_calendar_setup (GtkCalendar *calendar,
                        const char  *label)
{
  static const char *const arrows[N_ARROWS] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  /* GTK 4.8 gives neither the calendar nor its arrows a name for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (guint i = 0; i < N_ARROWS; i++)
    {
      GtkWidget *button = arrow (calendar, i);

      if (button != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(arrows[i]), -1);
    }

  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected), NULL);
  /* Today may have moved on since the calendar was last shown. */
  g_signal_connect (calendar, "map", G_CALLBACK (update_days), NULL);
  update_days (calendar);
}

static GDateTime *
noon_of (const char *day)
{
  GDate date;

  if (!patella_day_parse (day, &date))
    return NULL;
  /* Noon: a day whose midnight a change of clocks skips still has one. */
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
}

void
patella_calendar_select (GtkCalendar *calendar,
                         const char  *day)
{
  g_autoptr(GDateTime) noon = noon_of (day);

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  if (noon != NULL)
    gtk_calendar_select_day (calendar, noon);
}

char *
patella_calendar_get_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) selected = NULL;

  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), NULL);

  selected = gtk_calendar_get_date (calendar);
  return g_date_time_format (selected, "%Y-%m-%d");
}

char *
patella_calendar_day_label (const char *day,
                            const char *today)
{
  g_autoptr(GDateTime) noon = NULL;
  int days_ago = patella_day_diff (day, today);

  if (days_ago == 0)
    return g_strdup (_("Today"));
  if (days_ago == 1)
    return g_strdup (_("Yesterday"));

  noon = noon_of (day);
  if (noon == NULL)
    return g_strdup (day);
  /* Translators: a day in the navigation, e.g. "Monday 3 March"; see strftime */
  return g_date_time_format (noon, days_ago < 7 ? _("%A") : _("%a %-d %B %Y"));
}
