/* patella-run-file.c: runs from a watch's or a service's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GPX 1.1 and TCX are read with libxml2's streaming reader, so a 50 MB
 * track never becomes a tree in memory. No DTD is loaded, no entity is
 * substituted and nothing is fetched from the network; a file that holds
 * a DTD at all (the way in for XXE and "billion laughs") is refused as
 * soon as its bytes are seen, before the parser gets them. Every byte read
 * is counted, after a .gz is unpacked, so a small archive that unpacks to
 * gigabytes is stopped too.
 *
 * Strava's activities.csv and Garmin Connect's activities CSV are read with
 * libcsv, as the entries import is.
 *
 * A whole file is refused, with every reason, when any run in it cannot
 * be one: no times, a start in the future, longer than a day, over
 * 1000 km. Other sports are left out, not refused.
 */
#define G_LOG_DOMAIN "patella-run-file"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "patella-day.h"
#include "patella-run-file.h"

G_DEFINE_QUARK (patella-run-file-error-quark, patella_run_file_error)

#define MAX_LISTED_PROBLEMS 10
#define CHUNK_SIZE (64 * 1024)
#define EARTH_RADIUS_KM 6371.0088

void
patella_run_candidate_free (PatellaRunCandidate *run)
{
  if (run == NULL)
    return;
  g_free (run->day);
  g_free (run->time);
  g_free (run->instant);
  g_free (run->activity);
  g_free (run->source);
  g_free (run);
}

/* Reading, with every byte counted */

typedef struct
{
  GInputStream *in;
  guint64       count;
  guint64       max;
  gboolean      scan_dtd;      /* XML: refuse a DTD before the parser sees it */
  char          tail[16];      /* the end of the last chunk, for a marker split in two */
  gsize         tail_len;
  gboolean      too_big;
  gboolean      hostile;
  GError       *error;
} Source;

static gboolean
holds_dtd (const char *data,
           gsize       len)
{
  return g_strstr_len (data, (gssize) len, "<!DOCTYPE") != NULL ||
         g_strstr_len (data, (gssize) len, "<!ENTITY") != NULL;
}

/* Up to @len bytes, 0 at the end, -1 on an error (in @source). */
static gssize
source_read (Source *source,
             char   *buffer,
             gsize   len)
{
  gssize n;

  if (source->error != NULL || source->too_big || source->hostile)
    return -1;
  n = g_input_stream_read (source->in, buffer, len, NULL, &source->error);
  if (n <= 0)
    return n;

  source->count += (guint64) n;
  if (source->count > source->max)
    {
      source->too_big = TRUE;
      return -1;
    }

  if (source->scan_dtd)
    {
      char seam[32];
      gsize head = MIN ((gsize) n, sizeof seam - source->tail_len);

      memcpy (seam, source->tail, source->tail_len);
      memcpy (seam + source->tail_len, buffer, head);
      if (holds_dtd (seam, source->tail_len + head) || holds_dtd (buffer, (gsize) n))
        {
          source->hostile = TRUE;
          return -1;
        }
      source->tail_len = MIN ((gsize) n, 12);
      memcpy (source->tail, buffer + n - (gssize) source->tail_len, source->tail_len);
    }
  return n;
}

/* The run itself, once a file has given its parts */

typedef struct
{
  GTimeZone  *zone;          /* local */
  GDateTime  *now;
  const char *name;
  GPtrArray  *runs;
  GPtrArray  *problems;
  guint       n_problems;
  guint       n_other;       /* other sports, left out */
} Found;

static void
add_problem (Found      *found,
             const char *where,
             const char *problem)
{
  if (found->n_problems++ < MAX_LISTED_PROBLEMS)
    /* Translators: where in which file (“run.gpx, track 2”), then what is wrong */
    g_ptr_array_add (found->problems, g_strdup_printf (_("%s: %s"), where, problem));
}

/* "Run", "Trail Run", "Running", "Treadmill Running", "Virtual Run",
 * "running" (GPX), "9" (Strava's GPX code for a run). */
static gboolean
is_run_type (const char *type)
{
  g_autofree char *lower = g_ascii_strdown (type, -1);

  return strstr (lower, "run") != NULL || g_str_equal (g_strstrip (lower), "9");
}

static void
add_run (Found      *found,
         char       *where,         /* owned */
         GDateTime  *start,
         double      minutes,
         double      km,
         int         rpe,
         const char *activity)
{
  g_autofree char *source = where;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  PatellaRunCandidate *run;

  if (start == NULL)
    {
      add_problem (found, source, _("it has no times, so its day and length are unknown"));
      return;
    }
  if (g_date_time_compare (start, found->now) > 0)
    {
      g_autofree char *text = g_date_time_format_iso8601 (start);
      /* Translators: %s is a moment such as 2031-05-02T07:00:00Z */
      g_autofree char *message = g_strdup_printf (_("it starts at %s, which has not happened yet"), text);

      add_problem (found, source, message);
      return;
    }
  /* A tenth of a minute and ten metres: what a watch measures. */
  minutes = round (minutes * 10) / 10;
  km = round (km * 100) / 100;
  if (!(minutes > 0))
    {
      add_problem (found, source, _("it lasts no time at all"));
      return;
    }
  if (minutes > PATELLA_RUN_MINUTES_MAX)
    {
      add_problem (found, source, _("it lasts more than a day"));
      return;
    }
  if (!(km >= 0) || km > PATELLA_RUN_KM_MAX)
    {
      add_problem (found, source, _("its distance is over 1000 km"));
      return;
    }

  utc = g_date_time_to_utc (start);
  local = g_date_time_to_timezone (start, found->zone);
  if (utc == NULL || local == NULL || g_date_time_get_year (local) < PATELLA_FIRST_YEAR)
    {
      add_problem (found, source, _("its start is not a moment Patella can keep"));
      return;
    }

  run = g_new0 (PatellaRunCandidate, 1);
  run->day = patella_day_from_datetime (local);
  run->time = g_date_time_format (local, "%H:%M");
  run->instant = patella_instant_format (utc);
  run->minutes = minutes;
  run->distance_km = km;
  run->rpe = rpe;
  run->pain = -1;
  run->activity = g_strdup (activity);
  run->source = g_steal_pointer (&source);
  g_ptr_array_add (found->runs, run);
}

/* GPX and TCX */

typedef struct
{
  gboolean   active;
  char      *type;
  GDateTime *first, *last;     /* of the points */
  GDateTime *declared;         /* TCX: the activity's Id or first lap's StartTime */
  guint      n_points, n_untimed;
  double     track_km;         /* great circles between points */
  gboolean   have_previous;
  double     previous_lat, previous_lon;
  double     lap_seconds, lap_meters;
  gboolean   have_lap_seconds, have_lap_meters;
  double     point_meters;     /* TCX: the last point's running total */
  gboolean   have_point_meters;

  /* the point being read */
  GDateTime *point_time;
  double     lat, lon;
  gboolean   have_lat, have_lon;
} Track;

static void
track_clear (Track *t)
{
  g_free (t->type);
  g_clear_pointer (&t->first, g_date_time_unref);
  g_clear_pointer (&t->last, g_date_time_unref);
  g_clear_pointer (&t->declared, g_date_time_unref);
  g_clear_pointer (&t->point_time, g_date_time_unref);
  memset (t, 0, sizeof *t);
}

static double
great_circle_km (double lat1, double lon1, double lat2, double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 2 * EARTH_RADIUS_KM * asin (sqrt (MIN (1.0, a)));
}

static GDateTime *
parse_xml_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *copy = g_strstrip (g_strdup (text));

  /* GPX and TCX times are UTC; one without a zone is taken as UTC. */
  return g_date_time_new_from_iso8601 (copy, utc);
}

static gboolean
parse_xml_number (const char *text,
                  double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  *out = g_ascii_strtod (copy, &end);
  return copy[0] != '\0' && end != NULL && *end == '\0' && isfinite (*out);
}

static void
take_earlier (GDateTime **slot,
              GDateTime  *time,
              gboolean    earlier)
{
  if (*slot == NULL || (earlier ? g_date_time_compare (time, *slot) < 0 : g_date_time_compare (time, *slot) > 0))
    {
      g_clear_pointer (slot, g_date_time_unref);
      *slot = g_date_time_ref (time);
    }
}

static void
point_done (Track *t)
{
  t->n_points++;
  if (t->point_time != NULL)
    {
      take_earlier (&t->first, t->point_time, TRUE);
      take_earlier (&t->last, t->point_time, FALSE);
    }
  else
    t->n_untimed++;
  if (t->have_lat && t->have_lon && fabs (t->lat) <= 90 && fabs (t->lon) <= 180)
    {
      if (t->have_previous)
        t->track_km += great_circle_km (t->previous_lat, t->previous_lon, t->lat, t->lon);
      t->previous_lat = t->lat;
      t->previous_lon = t->lon;
      t->have_previous = TRUE;
    }
  g_clear_pointer (&t->point_time, g_date_time_unref);
  t->have_lat = t->have_lon = FALSE;
}

static void
track_done (Found      *found,
            Track      *t,
            gboolean    gpx,
            guint       number)
{
  /* Translators: a file and which track (GPX) or activity (TCX) in it */
  char *where = gpx ? g_strdup_printf (_("%s, track %u"), found->name, number)
                    : g_strdup_printf (_("%s, activity %u"), found->name, number);
  GDateTime *start = t->first ? t->first : t->declared;
  double minutes = 0, km;

  if (t->type != NULL && !is_run_type (t->type))
    {
      found->n_other++;
      g_free (where);
      return;
    }
  if (t->n_untimed > 0 && !t->have_lap_seconds)
    {
      /* Translators: a count of points in a track without a time */
      g_autofree char *message = g_strdup_printf (ngettext ("%u point has no time, so the run’s length is unknown",
                                                            "%u points have no time, so the run’s length is unknown",
                                                            t->n_untimed), t->n_untimed);
      add_problem (found, where, message);
      g_free (where);
      return;
    }

  if (t->have_lap_seconds)
    minutes = t->lap_seconds / 60;
  else if (t->first != NULL && t->last != NULL)
    minutes = (double) g_date_time_difference (t->last, t->first) / G_TIME_SPAN_MINUTE;

  if (t->have_lap_meters)
    km = t->lap_meters / 1000;
  else if (t->have_point_meters)
    km = t->point_meters / 1000;
  else
    km = t->track_km;

  add_run (found, where, start, minutes, km, -1, t->type);
}

typedef enum { XML_UNKNOWN, XML_GPX, XML_TCX } XmlKind;

typedef struct
{
  Found     *found;
  XmlKind    kind;
  GPtrArray *path;      /* element local names, outermost first */
  Track      track;
  guint      n_tracks;
  char      *parse_error;
} Xml;

static const char *
path_at (Xml  *xml,
         guint from_top)
{
  if (xml->path->len <= from_top)
    return "";
  return g_ptr_array_index (xml->path, xml->path->len - 1 - from_top);
}

static void
xml_start (Xml              *xml,
           xmlTextReaderPtr  reader,
           const char       *name)
{
  Track *t = &xml->track;

  if (xml->path->len == 0)
    xml->kind = g_str_equal (name, "gpx") ? XML_GPX
                : g_str_equal (name, "TrainingCenterDatabase") ? XML_TCX : XML_UNKNOWN;

  if ((xml->kind == XML_GPX && g_str_equal (name, "trk")) ||
      (xml->kind == XML_TCX && g_str_equal (name, "Activity")))
    {
      track_clear (t);
      t->active = TRUE;
      if (xml->kind == XML_TCX)
        t->type = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "Sport");
      if (t->type != NULL)
        {
          /* libxml2's memory, GLib's free: copy. */
          char *type = g_strdup (t->type);
          xmlFree (t->type);
          t->type = type;
        }
      else if (xml->kind == XML_TCX)
        t->type = g_strdup ("");
    }
  else if (t->active && ((xml->kind == XML_GPX && g_str_equal (name, "trkpt")) ||
                         (xml->kind == XML_TCX && g_str_equal (name, "Trackpoint"))))
    {
      xmlChar *lat = xml->kind == XML_GPX ? xmlTextReaderGetAttribute (reader, BAD_CAST "lat") : NULL;
      xmlChar *lon = xml->kind == XML_GPX ? xmlTextReaderGetAttribute (reader, BAD_CAST "lon") : NULL;

      g_clear_pointer (&t->point_time, g_date_time_unref);
      t->have_lat = lat && parse_xml_number ((const char *) lat, &t->lat);
      t->have_lon = lon && parse_xml_number ((const char *) lon, &t->lon);
      xmlFree (lat);
      xmlFree (lon);
    }
  else if (t->active && xml->kind == XML_TCX && g_str_equal (name, "Lap") && t->declared == NULL)
    {
      xmlChar *start = xmlTextReaderGetAttribute (reader, BAD_CAST "StartTime");

      if (start != NULL)
        t->declared = parse_xml_time ((const char *) start);
      xmlFree (start);
    }
}

static void
xml_end (Xml        *xml,
         const char *name)
{
  Track *t = &xml->track;

  if (!t->active)
    return;
  if ((xml->kind == XML_GPX && g_str_equal (name, "trkpt")) ||
      (xml->kind == XML_TCX && g_str_equal (name, "Trackpoint")))
    point_done (t);
  else if ((xml->kind == XML_GPX && g_str_equal (name, "trk")) ||
           (xml->kind == XML_TCX && g_str_equal (name, "Activity")))
    {
      track_done (xml->found, t, xml->kind == XML_GPX, ++xml->n_tracks);
      track_clear (t);
    }
}

static void
xml_text (Xml        *xml,
          const char *text)
{
  Track *t = &xml->track;
  const char *element = path_at (xml, 0);
  const char *parent = path_at (xml, 1);
  double value;

  if (!t->active)
    return;

  if (xml->kind == XML_GPX)
    {
      if (g_str_equal (element, "time") && g_str_equal (parent, "trkpt"))
        {
          g_clear_pointer (&t->point_time, g_date_time_unref);
          t->point_time = parse_xml_time (text);
        }
      else if (g_str_equal (element, "type") && g_str_equal (parent, "trk"))
        {
          g_free (t->type);
          t->type = g_strstrip (g_strdup (text));
        }
      return;
    }

  if (g_str_equal (parent, "Trackpoint") && g_str_equal (element, "Time"))
    {
      g_clear_pointer (&t->point_time, g_date_time_unref);
      t->point_time = parse_xml_time (text);
    }
  else if (g_str_equal (parent, "Trackpoint") && g_str_equal (element, "DistanceMeters") &&
           parse_xml_number (text, &value) && value >= 0)
    {
      t->point_meters = MAX (t->point_meters, value);
      t->have_point_meters = TRUE;
    }
  else if (g_str_equal (parent, "Position") && g_str_equal (element, "LatitudeDegrees"))
    t->have_lat = parse_xml_number (text, &t->lat);
  else if (g_str_equal (parent, "Position") && g_str_equal (element, "LongitudeDegrees"))
    t->have_lon = parse_xml_number (text, &t->lon);
  else if (g_str_equal (parent, "Lap") && g_str_equal (element, "TotalTimeSeconds") &&
           parse_xml_number (text, &value) && value >= 0)
    {
      t->lap_seconds += value;
      t->have_lap_seconds = TRUE;
    }
  else if (g_str_equal (parent, "Lap") && g_str_equal (element, "DistanceMeters") &&
           parse_xml_number (text, &value) && value >= 0)
    {
      t->lap_meters += value;
      t->have_lap_meters = TRUE;
    }
  else if (g_str_equal (parent, "Activity") && g_str_equal (element, "Id") && t->declared == NULL)
    t->declared = parse_xml_time (text);
}

static int
xml_read_callback (void *context,
                   char *buffer,
                   int   len)
{
  return (int) source_read (context, buffer, (gsize) len);
}

static void
xml_error_callback (void        *data,
                    xmlErrorPtr  error)
{
  Xml *xml = data;

  if (xml->parse_error == NULL && error != NULL && error->level >= XML_ERR_ERROR)
    {
      g_autofree char *message = g_strstrip (g_strdup (error->message ? error->message : ""));

      xml->parse_error = g_strdup_printf (_("line %d: %s"), error->line, message);
    }
}

static gsize xml_ready;

static gboolean
read_xml (Source  *source,
          Found   *found,
          GError **error)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);
  Xml xml = { found, XML_UNKNOWN, path, { 0 }, 0, NULL };
  xmlTextReaderPtr reader;
  int status;

  /* libxml2 sets itself up once, before any thread reads with it. */
  if (g_once_init_enter (&xml_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_ready, 1);
    }

  source->scan_dtd = TRUE;
  /* No network, no entity substitution (XML_PARSE_NOENT is not given), no
   * DTD loaded or checked; libxml2's own limits on huge nodes stay on. */
  reader = xmlReaderForIO (xml_read_callback, NULL, source, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (reader == NULL)
    {
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_FORMAT,
                   _("“%s” could not be read as XML."), found->name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, xml_error_callback, &xml);

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
          type == XML_READER_TYPE_ENTITY)
        {
          source->hostile = TRUE;
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;

          xml_start (&xml, reader, name ? name : "");
          if (xml.kind == XML_UNKNOWN)
            break;
          g_ptr_array_add (path, g_strdup (name ? name : ""));
          if (empty)
            {
              xml_end (&xml, name ? name : "");
              g_ptr_array_remove_index (path, path->len - 1);
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          xml_end (&xml, name ? name : "");
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
        }
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA)
        {
          const char *value = (const char *) xmlTextReaderConstValue (reader);
          xml_text (&xml, value ? value : "");
        }
    }
  xmlFreeTextReader (reader);
  track_clear (&xml.track);

  if (source->hostile)
    {
      g_free (xml.parse_error);
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_HOSTILE,
                   _("“%s” declares a DTD or entities, which GPX and TCX files never do; it was not read, "
                     "so that nothing in it is expanded or fetched. Nothing was imported."), found->name);
      return FALSE;
    }
  if (source->too_big || source->error != NULL)
    {
      g_free (xml.parse_error);
      return FALSE;   /* the caller says why */
    }
  if (xml.kind == XML_UNKNOWN)
    {
      g_free (xml.parse_error);
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_FORMAT,
                   _("“%s” is XML but neither GPX nor TCX. Nothing was imported."), found->name);
      return FALSE;
    }
  if (status != 0)
    {
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_FORMAT,
                   _("“%s” is not well-formed XML (%s). Nothing was imported."), found->name,
                   xml.parse_error ? xml.parse_error : _("it ends too early"));
      g_free (xml.parse_error);
      return FALSE;
    }
  g_free (xml.parse_error);
  return TRUE;
}

/* Strava's and Garmin's CSV */

enum { CSV_TYPE, CSV_DATE, CSV_SECONDS, CSV_TIME, CSV_KM, CSV_METRES, CSV_EFFORT, N_CSV_COLUMNS };

typedef enum { CSV_UNKNOWN, CSV_STRAVA, CSV_GARMIN } CsvKind;

typedef struct
{
  Found              *found;
  PatellaDistanceUnit unit;
  GPtrArray          *cells;
  GString            *cell;
  guint               n_records;
  CsvKind             kind;
  int                 columns[N_CSV_COLUMNS];
  gboolean            bad_header;
} Csv;

static void
csv_field (void   *text,
           size_t  len,
           void   *data)
{
  Csv *csv = data;

  g_ptr_array_add (csv->cells, g_strndup (text ? text : "", len));
}

static const char *
csv_cell (Csv *csv,
          int  column)
{
  int index = csv->columns[column];

  if (index < 0 || (guint) index >= csv->cells->len)
    return "";
  return g_strstrip ((char *) g_ptr_array_index (csv->cells, index));
}

static void
csv_read_header (Csv *csv)
{
  gboolean activity_id = FALSE;
  int distances = 0;

  for (int c = 0; c < N_CSV_COLUMNS; c++)
    csv->columns[c] = -1;

  for (guint i = 0; i < csv->cells->len; i++)
    {
      char *name = g_strstrip (g_ptr_array_index (csv->cells, i));

      /* A byte order mark before the first name. */
      if (i == 0 && g_str_has_prefix (name, "\xEF\xBB\xBF"))
        name += 3;
      if (g_str_equal (name, "Activity ID"))
        activity_id = TRUE;
      else if (g_str_equal (name, "Activity Type"))
        csv->columns[CSV_TYPE] = (int) i;
      else if (g_str_equal (name, "Activity Date") || g_str_equal (name, "Date"))
        csv->columns[CSV_DATE] = (int) i;
      /* Strava has two columns of each; the first "Elapsed Time" is seconds,
       * the first "Distance" km and the second metres. */
      else if (g_str_equal (name, "Elapsed Time") && csv->columns[CSV_SECONDS] < 0)
        csv->columns[CSV_SECONDS] = (int) i;
      else if (g_str_equal (name, "Time"))
        csv->columns[CSV_TIME] = (int) i;
      else if (g_str_equal (name, "Distance") && distances++ == 0)
        csv->columns[CSV_KM] = (int) i;
      else if (g_str_equal (name, "Distance"))
        csv->columns[CSV_METRES] = (int) i;
      else if (g_str_equal (name, "Perceived Exertion"))
        csv->columns[CSV_EFFORT] = (int) i;
    }

  if (activity_id && csv->columns[CSV_DATE] >= 0 && csv->columns[CSV_TYPE] >= 0 &&
      csv->columns[CSV_SECONDS] >= 0)
    csv->kind = CSV_STRAVA;
  else if (csv->columns[CSV_DATE] >= 0 && csv->columns[CSV_TYPE] >= 0 && csv->columns[CSV_KM] >= 0 &&
           (csv->columns[CSV_SECONDS] >= 0 || csv->columns[CSV_TIME] >= 0))
    {
      csv->kind = CSV_GARMIN;
      /* Garmin writes "Elapsed Time" as h:mm:ss, like "Time". */
      if (csv->columns[CSV_SECONDS] >= 0)
        csv->columns[CSV_TIME] = csv->columns[CSV_SECONDS];
      csv->columns[CSV_SECONDS] = -1;
    }
  else
    csv->bad_header = TRUE;
}

static gboolean
parse_plain_double (const char *text,
                    double     *out)
{
  char *end = NULL;

  if (!g_ascii_isdigit (text[0]) || strlen (text) > 24)
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*out);
}

/* "1:02:03", "45:12", "00:45:12.3". */
static gboolean
parse_clock_seconds (const char *text,
                     double     *out)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);
  guint n = g_strv_length (parts);
  double total = 0, value;

  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!parse_plain_double (parts[i], &value) || (i + 1 < n && strchr (parts[i], '.') != NULL) ||
          (i > 0 && value >= 60))
        return FALSE;
      total = total * 60 + value;
    }
  *out = total;
  return TRUE;
}

/* Strava: "Dec 2, 2024, 7:01:23 AM", in UTC. */
static GDateTime *
parse_strava_date (const char *text)
{
  static const char *const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  char month[4] = "", meridiem[3] = "";
  int day, year, hour, minute, second, end = 0;

  if (sscanf (text, "%3s %d, %d, %d:%d:%d %2s%n", month, &day, &year, &hour, &minute, &second, meridiem, &end) != 7 ||
      text[end] != '\0' || hour < 1 || hour > 12 || year < PATELLA_FIRST_YEAR || year > 9999)
    return NULL;
  if (g_ascii_strcasecmp (meridiem, "AM") != 0 && g_ascii_strcasecmp (meridiem, "PM") != 0)
    return NULL;
  hour = hour % 12 + (g_ascii_strcasecmp (meridiem, "PM") == 0 ? 12 : 0);
  for (int m = 0; m < 12; m++)
    if (g_str_equal (month, months[m]))
      return g_date_time_new_utc (year, m + 1, day, hour, minute, second);
  return NULL;
}

/* Garmin: "2024-12-02 07:01:23", local time. */
static GDateTime *
parse_garmin_date (const char *text,
                   GTimeZone  *zone)
{
  int year, month, day, hour, minute, second, end = 0;

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &end) != 6 ||
      text[end] != '\0' || year < PATELLA_FIRST_YEAR)
    return NULL;
  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

static void
csv_record (int   terminator,
            void *data)
{
  Csv *csv = data;
  Found *found = csv->found;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *where = NULL;
  const char *type;
  double seconds = 0, km = 0, effort;
  int rpe = -1;

  csv->n_records++;
  if (csv->n_records == 1)
    {
      csv_read_header (csv);
      goto done;
    }
  if (csv->bad_header || (csv->cells->len == 1 && ((char *) g_ptr_array_index (csv->cells, 0))[0] == '\0'))
    goto done;

  /* Translators: a file and a record in it; the header is record 1 */
  where = g_strdup_printf (_("%s, record %u"), found->name, csv->n_records);
  type = csv_cell (csv, CSV_TYPE);
  if (!g_utf8_validate (type, -1, NULL) || !is_run_type (type))
    {
      found->n_other++;
      goto done;
    }

  if (csv->kind == CSV_STRAVA)
    {
      start = parse_strava_date (csv_cell (csv, CSV_DATE));
      if (start == NULL)
        {
          add_problem (found, where, _("the date is not in Strava’s form, such as “Dec 2, 2024, 7:01:23 AM”"));
          goto done;
        }
      if (!parse_plain_double (csv_cell (csv, CSV_SECONDS), &seconds))
        {
          add_problem (found, where, _("the elapsed time is not a number of seconds"));
          goto done;
        }
      if (parse_plain_double (csv_cell (csv, CSV_METRES), &km))
        km /= 1000;
      else if (!parse_plain_double (csv_cell (csv, CSV_KM), &km) && csv_cell (csv, CSV_KM)[0] != '\0')
        {
          add_problem (found, where, _("the distance is not a number"));
          goto done;
        }
      if (parse_plain_double (csv_cell (csv, CSV_EFFORT), &effort) && effort >= 1 && effort <= 10)
        rpe = (int) round (effort);
    }
  else
    {
      g_autofree char *distance = g_strdup (csv_cell (csv, CSV_KM));
      char *from, *to;

      start = parse_garmin_date (csv_cell (csv, CSV_DATE), found->zone);
      if (start == NULL)
        {
          add_problem (found, where, _("the date is not in Garmin’s form, such as “2024-12-02 07:01:23”, "
                                       "or is not a time on that day"));
          goto done;
        }
      if (!parse_clock_seconds (csv_cell (csv, CSV_TIME), &seconds))
        {
          add_problem (found, where, _("the time is not in the form h:mm:ss"));
          goto done;
        }
      /* "1,234.5": Garmin's thousands separator; "--": none. */
      for (from = to = distance; *from; from++)
        if (*from != ',')
          *to++ = *from;
      *to = '\0';
      if (!g_str_equal (distance, "--") && distance[0] != '\0' && !parse_plain_double (distance, &km))
        {
          add_problem (found, where, _("the distance is not a number"));
          goto done;
        }
      if (csv->unit == PATELLA_UNIT_MILES)
        km *= 1.609344;
    }

  add_run (found, g_steal_pointer (&where), start, seconds / 60, km, rpe, type);

done:
  g_ptr_array_set_size (csv->cells, 0);
}

static int
no_spaces (unsigned char c)
{
  return 0;
}

static gboolean
read_csv (Source              *source,
          Found               *found,
          PatellaDistanceUnit  unit,
          GError             **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  Csv csv = { found, unit, cells, NULL, 0, CSV_UNKNOWN, { 0 }, FALSE };
  struct csv_parser parser;
  gboolean ok = TRUE;
  gssize n;

  csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_space_func (&parser, no_spaces);
  while ((n = source_read (source, buffer, CHUNK_SIZE)) > 0 && ok)
    ok = csv_parse (&parser, buffer, (size_t) n, csv_field, csv_record, &csv) == (size_t) n;
  if (n == 0 && ok)
    ok = csv_fini (&parser, csv_field, csv_record, &csv) == 0;
  csv_free (&parser);

  if (n < 0)
    return FALSE;   /* the caller says why */
  if (!ok)
    {
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_FORMAT,
                   _("“%s” is not valid CSV after record %u: a quote may be left open. Nothing was imported."),
                   found->name, csv.n_records);
      return FALSE;
    }
  if (csv.n_records == 0 || csv.bad_header)
    {
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_FORMAT,
                   _("“%s” is neither GPX, TCX, Strava’s activities.csv nor Garmin Connect’s activities CSV. "
                     "Nothing was imported."), found->name);
      return FALSE;
    }
  return TRUE;
}

/* A whole file */

static void
set_too_big (GError     **error,
             const char  *name,
             guint64      max_bytes)
{
  g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_TOO_BIG,
               _("“%s” holds more than %u MB, too much to be a record of runs. Nothing was imported."),
               name, (guint) (max_bytes / (1024 * 1024)));
}

/* Fills @buffered until it holds @want bytes or the stream ends. */
static gboolean
fill (GBufferedInputStream  *buffered,
      gsize                  want,
      GError               **error)
{
  while (g_buffered_input_stream_get_available (buffered) < want)
    {
      gssize n = g_buffered_input_stream_fill (buffered, (gssize) (want - g_buffered_input_stream_get_available (buffered)),
                                               NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }
  return TRUE;
}

GPtrArray *
patella_run_file_read_stream (GInputStream         *in,
                              const char           *name,
                              guint64               max_bytes,
                              PatellaDistanceUnit   unit,
                              GError              **error)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_run_candidate_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GInputStream) raw = g_buffered_input_stream_new (in);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  Found found = { zone, now, name, runs, problems, 0, 0 };
  Source source = { NULL, 0, max_bytes, FALSE, "", 0, FALSE, FALSE, NULL };
  const guchar *head;
  gsize available;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!fill (G_BUFFERED_INPUT_STREAM (raw), 2, error))
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (raw), &available);
  if (available >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      g_autoptr(GInputStream) unpacked = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));

      stream = g_buffered_input_stream_new (unpacked);
    }
  else
    stream = g_object_ref (raw);

  if (!fill (G_BUFFERED_INPUT_STREAM (stream), 256, &local_error))
    goto io_error;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (stream), &available);
  {
    gsize i = available >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

    while (i < available && g_ascii_isspace (head[i]))
      i++;
    source.in = stream;
    if (i < available && head[i] == '<')
      ok = read_xml (&source, &found, error);
    else
      ok = read_csv (&source, &found, unit, error);
  }

  if (source.too_big)
    {
      set_too_big (error, name, max_bytes);
      return NULL;
    }
  if (source.error != NULL)
    {
      local_error = g_steal_pointer (&source.error);
      goto io_error;
    }
  if (!ok)
    return NULL;

  if (found.n_problems > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_printf (message, ngettext ("In “%s”, %u run cannot be right, so nothing was imported:",
                                          "In “%s”, %u runs cannot be right, so nothing was imported:",
                                          found.n_problems), name, found.n_problems);
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (problems, i));
      if (found.n_problems > MAX_LISTED_PROBLEMS)
        g_string_append_printf (message, ngettext ("\n…and %u more.", "\n…and %u more.",
                                                   found.n_problems - MAX_LISTED_PROBLEMS),
                                found.n_problems - MAX_LISTED_PROBLEMS);
      g_set_error_literal (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_INVALID, message->str);
      return NULL;
    }
  if (runs->len == 0)
    {
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_NO_RUNS,
                   ngettext ("“%s” holds no runs (%u activity of another sport was left out).",
                             "“%s” holds no runs (%u activities of other sports were left out).", found.n_other),
                   name, found.n_other);
      return NULL;
    }
  return g_steal_pointer (&runs);

io_error:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_FORMAT,
                 _("“%s” looks gzipped but cannot be unpacked (%s). Nothing was imported."), name,
                 local_error->message);
  else
    g_set_error (error, local_error->domain, local_error->code,
                 _("“%s” cannot be read: %s"), name, local_error->message);
  return NULL;
}

GPtrArray *
patella_run_file_read (const char           *path,
                       PatellaDistanceUnit   unit,
                       GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *name = g_path_get_basename (path);

  g_return_val_if_fail (path != NULL, NULL);

  /* A plain file over the limit is refused before a byte is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && (guint64) g_file_info_get_size (info) > PATELLA_RUN_FILE_MAX_BYTES)
    {
      set_too_big (error, name, PATELLA_RUN_FILE_MAX_BYTES);
      return NULL;
    }

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  return patella_run_file_read_stream (G_INPUT_STREAM (in), name, PATELLA_RUN_FILE_MAX_BYTES, unit, error);
}

/* Duplicates and the import */

gboolean
patella_run_is_same (const char *day_a,
                     const char *instant_a,
                     double      km_a,
                     const char *day_b,
                     const char *instant_b,
                     double      km_b)
{
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;
  GTimeSpan apart;

  if (g_strcmp0 (day_a, day_b) != 0 || instant_a == NULL || instant_b == NULL)
    return FALSE;
  a = patella_instant_parse (instant_a);
  b = patella_instant_parse (instant_b);
  if (a == NULL || b == NULL)
    return FALSE;
  apart = g_date_time_difference (a, b);
  if (ABS (apart) > PATELLA_RUN_SAME_START_SECONDS * G_TIME_SPAN_SECOND)
    return FALSE;
  /* Within 2 % of the longer; a tiny margin for rounding in the files. */
  return fabs (km_a - km_b) <= PATELLA_RUN_SAME_DISTANCE * MAX (km_a, km_b) + 1e-9;
}

static void
collect_run (const PatellaEntry *entry,
             gpointer            user_data)
{
  g_ptr_array_add (user_data, patella_entry_copy (entry));
}

/* Marks what the record (or an earlier run in the same batch) already has. */
static gboolean
mark_logged (PatellaStore  *store,
             GPtrArray     *runs,
             GError       **error)
{
  g_autoptr(GPtrArray) logged = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_entry_free);
  const char *first = NULL, *last = NULL;

  for (guint i = 0; i < runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (runs, i);

      if (first == NULL || strcmp (run->day, first) < 0)
        first = run->day;
      if (last == NULL || strcmp (run->day, last) > 0)
        last = run->day;
    }
  if (first == NULL)
    return TRUE;
  if (!patella_store_foreach_entry (store, first, last, 1u << PATELLA_ENTRY_RUN, collect_run, logged, error))
    return FALSE;

  for (guint i = 0; i < runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (runs, i);

      run->logged = FALSE;
      for (guint k = 0; k < logged->len && !run->logged; k++)
        {
          PatellaEntry *e = g_ptr_array_index (logged, k);
          run->logged = patella_run_is_same (run->day, run->instant, run->distance_km,
                                             e->day, e->instant, e->distance_km);
        }
      for (guint k = 0; k < i && !run->logged; k++)
        {
          PatellaRunCandidate *earlier = g_ptr_array_index (runs, k);
          run->logged = !earlier->logged &&
                        patella_run_is_same (run->day, run->instant, run->distance_km,
                                             earlier->day, earlier->instant, earlier->distance_km);
        }
    }
  return TRUE;
}

gboolean
patella_run_file_mark_logged (PatellaStore  *store,
                              GPtrArray     *runs,
                              GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (runs != NULL, FALSE);

  return mark_logged (store, runs, error);
}

typedef struct
{
  GPtrArray *runs;
  int        default_rpe;
  guint      added, skipped;
} RunPlan;

/* Inside the write transaction: what it reads, nobody else changes. */
static gboolean
plan_runs (PatellaStore  *store,
           GPtrArray     *exercises,
           GPtrArray     *add,
           gpointer       user_data,
           GError       **error)
{
  RunPlan *plan = user_data;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  if (!mark_logged (store, plan->runs, error))
    return FALSE;

  plan->added = plan->skipped = 0;
  for (guint i = 0; i < plan->runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (plan->runs, i);
      PatellaEntry *entry;

      if (run->logged)
        {
          plan->skipped++;
          continue;
        }
      if (run->rpe < 0 && plan->default_rpe < 0)
        {
          if (n_missing++ < MAX_LISTED_PROBLEMS)
            g_string_append_printf (missing, "\n%s (%s %s)", run->source, run->day, run->time);
          continue;
        }

      entry = patella_entry_new (PATELLA_ENTRY_RUN);
      entry->day = g_strdup (run->day);
      entry->instant = g_strdup (run->instant);
      entry->note = g_strdup ("");
      entry->minutes = run->minutes;
      entry->distance_km = run->distance_km;
      entry->rpe = run->rpe >= 0 ? run->rpe : plan->default_rpe;
      entry->pain = run->pain;
      g_ptr_array_add (add, entry);
      plan->added++;
    }

  if (n_missing > 0)
    {
      g_set_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_NO_EFFORT,
                   ngettext ("%u run has no effort (RPE 0–10), which the training load needs, so nothing "
                             "was imported:%s",
                             "%u runs have no effort (RPE 0–10), which the training load needs, so nothing "
                             "was imported:%s", n_missing),
                   n_missing, missing->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
patella_run_file_import (PatellaStore  *store,
                         GPtrArray     *runs,
                         int            default_rpe,
                         guint         *added,
                         guint         *skipped,
                         GError       **error)
{
  RunPlan plan = { runs, default_rpe, 0, 0 };

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (runs != NULL, FALSE);
  g_return_val_if_fail (default_rpe >= -1 && default_rpe <= PATELLA_SCALE_MAX, FALSE);

  if (!patella_store_import (store, plan_runs, &plan, error))
    return FALSE;
  if (added)
    *added = plan.added;
  if (skipped)
    *skipped = plan.skipped;
  return TRUE;
}
