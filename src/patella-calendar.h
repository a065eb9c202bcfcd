/* patella-calendar.h: a GtkCalendar for choosing a logged day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the calendar and its arrows for screen readers (@label for the
 * calendar), and keeps the days after today insensitive: no future day is
 * offered, by click, by arrow or by key. */
void patella_calendar_setup (GtkCalendar *calendar,
                             const char  *label);

/* Shows @day ("YYYY-MM-DD") selected; the day selected, as "YYYY-MM-DD". */
void  patella_calendar_select    (GtkCalendar *calendar,
                                  const char  *day);
char *patella_calendar_get_day   (GtkCalendar *calendar);

/* What a button that opens the calendar says for @day: "Today",
 * "Yesterday", the weekday within a week, else the date in the locale's
 * words. */
char *patella_calendar_day_label (const char  *day,
                                  const char  *today);

G_END_DECLS
