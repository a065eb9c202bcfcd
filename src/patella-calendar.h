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

G_END_DECLS
