/* patella-day.c: local calendar days and UTC instants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-day"

#include "patella-day.h"

#include <string.h>

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) g_ascii_digit_value (text[i]);
    }

  *out = value;
  return TRUE;
}

/* Strict "YYYY-MM-DD": exactly ten characters naming a real calendar day
 * from 1900 to 9999, the span a runner's record can have. */
gboolean
patella_day_parse (const char *text,
                   GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  if (year < PATELLA_FIRST_YEAR || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
patella_day_is_valid (const char *text)
{
  GDate date;

  return patella_day_parse (text, &date);
}

char *
patella_day_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
patella_day_from_datetime (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  local = g_date_time_to_local (datetime);
  return g_date_time_format (local, "%Y-%m-%d");
}

char *
patella_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Steps whole calendar days; a DST day is still one day. */
char *
patella_day_add (const char *day,
                 int         n_days)
{
  GDate date;

  GDate first, last;
  gint64 julian;

  if (!patella_day_parse (day, &date))
    return NULL;

  /* Steps stay within the days a record can have. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, PATELLA_FIRST_YEAR);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
  julian = (gint64) g_date_get_julian (&date) + n_days;
  julian = CLAMP (julian, (gint64) g_date_get_julian (&first), (gint64) g_date_get_julian (&last));
  g_date_set_julian (&date, (guint32) julian);

  return patella_day_format (&date);
}

char *
patella_instant_format (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day;

  g_return_val_if_fail (datetime != NULL, NULL);

  /* By hand rather than g_date_time_format(): imports call this for every
   * row, and the format is fixed. */
  utc = g_date_time_to_utc (datetime);
  g_date_time_get_ymd (utc, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

/* The digits of @text from @start to @end, or -1 if any is not a digit. */
static int
digits (const char *text,
        int         start,
        int         end)
{
  int value = 0;

  for (int i = start; i < end; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* Reads "YYYY-MM-DDTHH:MM:SSZ", the one form the store keeps; by hand rather
 * than g_date_time_new_from_iso8601(), which accepts many more forms and was
 * a third of the cost of exporting a long history. */
GDateTime *
patella_instant_parse (const char *text)
{
  int year, month, day, hour, minute, second;

  if (text == NULL || strlen (text) != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return NULL;

  year = digits (text, 0, 4);
  month = digits (text, 5, 7);
  day = digits (text, 8, 10);
  hour = digits (text, 11, 13);
  minute = digits (text, 14, 16);
  second = digits (text, 17, 19);
  if (year < 1 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0)
    return NULL;

  /* NULL for a day or time that does not exist. */
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* Whole days from @from to @to (negative when @to comes first), or G_MININT
 * when either is not a day. */
int
patella_day_diff (const char *from,
                  const char *to)
{
  GDate a, b;

  if (!patella_day_parse (from, &a) || !patella_day_parse (to, &b))
    return G_MININT;
  return g_date_days_between (&a, &b);
}
