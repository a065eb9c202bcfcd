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

/* What spreadsheets write back */

/* Up to @max digits at *@p, at least one; moves *@p past them. */
static gboolean
take_number (const char **p,
             int          max,
             int         *out)
{
  int n = 0, value = 0;

  while (g_ascii_isdigit (**p) && n < max)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *out = value;
  return n > 0 && !g_ascii_isdigit (**p);
}

/**
 * patella_day_parse_sheet:
 * @ambiguous: (out): set when @text is a date with the day and month in
 *   an order that cannot be told ("02/12/2024", "12.2.24")
 *
 * Reads a day as the entries file has it or as a spreadsheet writes it
 * back: "YYYY-MM-DD" or "YYYY/MM/DD" (Gnumeric), month and day with one
 * digit or two.
 */
gboolean
patella_day_parse_sheet (const char *text,
                         GDate      *out,
                         gboolean   *ambiguous)
{
  const char *p = text;
  int year, month, day;
  char separator;

  g_return_val_if_fail (out != NULL, FALSE);

  if (ambiguous != NULL)
    *ambiguous = FALSE;
  if (text == NULL)
    return FALSE;

  if (take_number (&p, 4, &year) && p - text == 4 && (*p == '-' || *p == '/'))
    {
      separator = *p++;
      if (!take_number (&p, 2, &month) || *p++ != separator || !take_number (&p, 2, &day) || *p != '\0' ||
          year < PATELLA_FIRST_YEAR || month < 1 || month > 12 ||
          !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return FALSE;
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      return TRUE;
    }

  /* Day and month first, in some order, then the year. */
  p = text;
  if (take_number (&p, 2, &day) && (*p == '/' || *p == '.' || *p == '-'))
    {
      separator = *p++;
      if (take_number (&p, 2, &month) && *p++ == separator && take_number (&p, 4, &year) && *p == '\0' &&
          ambiguous != NULL)
        *ambiguous = TRUE;
    }
  return FALSE;
}

/**
 * patella_time_parse:
 * @forms: which forms besides "HH:MM" are read
 * @hour: (out) (optional):
 * @minute: (out) (optional):
 * @second: (out) (optional): 0 unless given
 *
 * The one reader of a time of day. "HH:MM" is how settings and the entries
 * file keep it; %PATELLA_TIME_FORM_TYPED also reads what a person types
 * ("7:30", spaces around); %PATELLA_TIME_FORM_SHEET what a spreadsheet
 * writes back ("HH:MM:SS", "h:MM:SS AM", "h:MM PM").
 */
gboolean
patella_time_parse (const char      *text,
                    PatellaTimeForm  forms,
                    int             *hour,
                    int             *minute,
                    int             *second)
{
  g_autofree char *stripped = NULL;
  const char *p, *start;
  int h, m, s = 0;
  gsize hour_digits;
  gboolean meridiem = FALSE, pm = FALSE;

  if (text == NULL)
    return FALSE;
  if (forms & PATELLA_TIME_FORM_TYPED)
    text = stripped = g_strstrip (g_strdup (text));

  p = text;
  if (!take_number (&p, 2, &h) || *p != ':')
    return FALSE;
  hour_digits = (gsize) (p - text);
  start = ++p;
  if (!take_number (&p, 2, &m) || p - start != 2)
    return FALSE;
  if ((forms & PATELLA_TIME_FORM_SHEET) && *p == ':')
    {
      start = ++p;
      if (!take_number (&p, 2, &s) || p - start != 2)
        return FALSE;
    }
  if ((forms & PATELLA_TIME_FORM_SHEET) && *p == ' ')
    {
      meridiem = TRUE;
      pm = g_ascii_strcasecmp (p + 1, "PM") == 0;
      if (!pm && g_ascii_strcasecmp (p + 1, "AM") != 0)
        return FALSE;
      p += 3;
    }
  if (*p != '\0' || m > 59 || s > 59)
    return FALSE;

  if (meridiem)
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12 + (pm ? 12 : 0);
    }
  else if (h > 23 || (hour_digits != 2 && !(forms & PATELLA_TIME_FORM_TYPED)))
    return FALSE;

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  if (second != NULL)
    *second = s;
  return TRUE;
}

/**
 * patella_instant_parse_sheet:
 *
 * Reads the utc column as the entries file has it ("YYYY-MM-DDTHH:MM:SSZ")
 * or as a spreadsheet may write it back, as a date and a time
 * with seconds ("2026-03-29 21:30:00", "2026/03/29 9:30:00 PM"), which are
 * UTC still.
 */
GDateTime *
patella_instant_parse_sheet (const char *text)
{
  g_auto(GStrv) parts = NULL;
  GDate date;
  int hour, minute, second;
  GDateTime *instant = patella_instant_parse (text);

  if (instant != NULL || text == NULL)
    return instant;
  parts = g_strsplit (text, " ", 2);
  /* With seconds, as a moment is written: "07:00" alone is too short. */
  if (g_strv_length (parts) != 2 || strchr (parts[1], ':') == strrchr (parts[1], ':') ||
      !patella_day_parse_sheet (parts[0], &date, NULL) ||
      !patella_time_parse (parts[1], PATELLA_TIME_FORM_SHEET, &hour, &minute, &second))
    return NULL;
  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              hour, minute, second);
}
