/* patella-day.h: local calendar days and UTC instants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A log entry belongs to the local calendar day on which it happened, stored
 * as "YYYY-MM-DD", and to an instant, stored in UTC as "YYYY-MM-DDTHH:MM:SSZ". */

/* The first year a day may have: nobody logged a run in 1899. */
#define PATELLA_FIRST_YEAR 1900

gboolean  patella_day_parse          (const char *text,
                                      GDate      *out);
gboolean  patella_day_is_valid       (const char *text);
char     *patella_day_format         (const GDate *date);
char     *patella_day_from_datetime  (GDateTime  *datetime);
char     *patella_day_today          (void);
char     *patella_day_add            (const char *day,
                                      int         n_days);

int       patella_day_diff           (const char *from,
                                      const char *to);

char     *patella_instant_format     (GDateTime  *datetime);
GDateTime *patella_instant_parse     (const char *text);

/* Which forms of a time of day patella_time_parse() reads besides "HH:MM". */
typedef enum
{
  PATELLA_TIME_FORM_HH_MM = 0,
  PATELLA_TIME_FORM_TYPED = 1 << 0,  /* "7:30", " 07:30 " */
  PATELLA_TIME_FORM_SHEET = 1 << 1,  /* "07:30:15", "7:30 PM", "7:30:15 am" */
} PatellaTimeForm;

gboolean   patella_time_parse         (const char      *text,
                                       PatellaTimeForm  forms,
                                       int             *hour,
                                       int             *minute,
                                       int             *second);

/* The forms spreadsheets write back (see patella-day.c). */
gboolean   patella_day_parse_sheet    (const char *text,
                                       GDate      *out,
                                       gboolean   *ambiguous);
GDateTime *patella_instant_parse_sheet (const char *text);

G_END_DECLS
