/* test-run-file.c: runs from GPX, TCX, Strava and Garmin files, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local time is Europe/Berlin here, whatever the machine's: the days and
 * times below are worked out for it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <time.h>

#include "core/patella-day.h"
#include "core/patella-run-file.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

#define GPX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
#define TCX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n" \
  "<Activities>\n"
#define STRAVA_HEADER "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description," \
  "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear," \
  "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed," \
  "Perceived Exertion\n"
#define GARMIN_HEADER "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Avg Pace," \
  "Moving Time,Elapsed Time\n"

static GPtrArray *
read_text (const char          *name,
           const char          *text,
           PatellaDistanceUnit  unit,
           GError             **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, (gssize) strlen (text), NULL);

  return patella_run_file_read_stream (in, name, PATELLA_RUN_FILE_MAX_BYTES, unit, error);
}

static GPtrArray *
read_ok (const char *name,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *runs = read_text (name, text, PATELLA_UNIT_KM, &error);

  g_assert_no_error (error);
  g_assert_nonnull (runs);
  return runs;
}

static PatellaRunCandidate *
run_at (GPtrArray *runs,
        guint      i)
{
  g_assert_cmpuint (i, <, runs->len);
  return g_ptr_array_index (runs, i);
}

/* A straight line north from 52.5 N: 0.01 degrees of latitude is 1.112 km. */
static void
append_points (GString    *gpx,
               const char *day,
               int         start_minute,
               guint       n,
               gboolean    with_times)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (gpx, "<trkpt lat=\"%.5f\" lon=\"13.40000\"><ele>34</ele>", 52.5 + 0.01 * i);
      if (with_times)
        g_string_append_printf (gpx, "<time>%sT%02d:%02d:%02dZ</time>", day,
                                6 + (start_minute + (int) i) / 60, (start_minute + (int) i) % 60, 0);
      g_string_append (gpx, "</trkpt>\n");
    }
}

static char *
make_gpx (const char *type,
          guint       n_points)
{
  GString *gpx = g_string_new (GPX_HEAD "<metadata><time>2024-12-02T06:00:00Z</time></metadata>\n<trk><name>Morning Run</name>");

  if (type != NULL)
    g_string_append_printf (gpx, "<type>%s</type>", type);
  g_string_append (gpx, "<trkseg>\n");
  append_points (gpx, "2024-12-02", 0, n_points, TRUE);
  g_string_append (gpx, "</trkseg></trk>\n</gpx>\n");
  return g_string_free (gpx, FALSE);
}

static void
test_gpx (void)
{
  g_autofree char *gpx = make_gpx ("running", 31);
  g_autoptr(GPtrArray) runs = read_ok ("run.gpx", gpx);
  PatellaRunCandidate *run = run_at (runs, 0);

  g_assert_cmpuint (runs->len, ==, 1);
  /* 06:00 UTC is 07:00 in Berlin in winter. */
  g_assert_cmpstr (run->day, ==, "2024-12-02");
  g_assert_cmpstr (run->time, ==, "07:00");
  g_assert_cmpstr (run->instant, ==, "2024-12-02T06:00:00Z");
  g_assert_cmpfloat_with_epsilon (run->minutes, 30, 1e-9);
  /* 30 steps of 0.01 degrees along a meridian: 33.36 km. */
  g_assert_cmpfloat_with_epsilon (run->distance_km, 33.36, 0.011);
  g_assert_cmpint (run->rpe, ==, -1);
  g_assert_cmpstr (run->activity, ==, "running");
  g_assert_cmpstr (run->source, ==, "run.gpx, track 1");
  g_assert_false (run->logged);
}

static void
test_gpx_two_tracks_and_other_sports (void)
{
  g_autoptr(GString) gpx = g_string_new (GPX_HEAD);
  g_autoptr(GPtrArray) runs = NULL;

  /* A run without a type (taken as a run), a ride, and a run in the evening. */
  g_string_append (gpx, "<trk><trkseg>");
  append_points (gpx, "2024-12-02", 0, 11, TRUE);
  g_string_append (gpx, "</trkseg></trk><trk><type>cycling</type><trkseg>");
  append_points (gpx, "2024-12-02", 120, 11, TRUE);
  g_string_append (gpx, "</trkseg></trk><trk><type>running</type><trkseg>");
  append_points (gpx, "2024-12-02", 600, 21, TRUE);
  g_string_append (gpx, "</trkseg></trk></gpx>");

  runs = read_ok ("day.gpx", gpx->str);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_null (run_at (runs, 0)->activity);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->minutes, 10, 1e-9);
  g_assert_cmpstr (run_at (runs, 1)->time, ==, "17:00");
  g_assert_cmpfloat_with_epsilon (run_at (runs, 1)->minutes, 20, 1e-9);
  g_assert_cmpstr (run_at (runs, 1)->source, ==, "day.gpx, track 3");
}

static void
test_gpx_gzip (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *gpx = make_gpx ("running", 31);
  g_autofree char *path = g_build_filename (fixture->dir, "run.gpx.gz", NULL);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (gzip));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;

  g_assert_true (g_output_stream_write_all (out, gpx, strlen (gpx), NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  patella_test_write_file (path, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                           (gssize) g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));

  runs = patella_run_file_read (path, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->minutes, 30, 1e-9);
  g_assert_cmpstr (run_at (runs, 0)->source, ==, "run.gpx.gz, track 1");

  /* Damaged: the end cut off. */
  patella_test_write_file (path, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)), 40);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = patella_run_file_read (path, PATELLA_UNIT_KM, &error);
  g_assert_null (runs);
  g_assert_nonnull (error);
}

/* A 10 MB GPX: read as a stream, quickly. */
static void
test_gpx_large (void)
{
  g_autoptr(GString) gpx = g_string_new (GPX_HEAD "<trk><type>running</type><trkseg>\n");
  g_autoptr(GPtrArray) runs = NULL;
  gint64 start;

  /* One point a second for 23 hours. */
  for (guint i = 0; gpx->len < 10 * 1024 * 1024; i++)
    g_string_append_printf (gpx, "<trkpt lat=\"%.6f\" lon=\"13.400000\"><ele>34.0</ele>"
                                 "<time>2024-12-01T%02u:%02u:%02uZ</time><extensions><hr>150</hr></extensions></trkpt>\n",
                            52.5 + 0.00001 * (i % 1000), i / 3600, i / 60 % 60, i % 60);
  g_string_append (gpx, "</trkseg></trk></gpx>\n");

  start = g_get_monotonic_time ();
  runs = read_ok ("long.gpx", gpx->str);
  g_test_message ("10 MB GPX read in %.2f s", (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpfloat (run_at (runs, 0)->minutes, >, 60);
  g_assert_cmpfloat (run_at (runs, 0)->minutes, <, PATELLA_RUN_MINUTES_MAX);
}

static void
test_tcx_laps (void)
{
  const char *tcx =
    TCX_HEAD
    "<Activity Sport=\"Running\"><Id>2024-12-03T17:30:00Z</Id>\n"
    "<Lap StartTime=\"2024-12-03T17:30:00Z\"><TotalTimeSeconds>600</TotalTimeSeconds>"
    "<DistanceMeters>2000</DistanceMeters><Track>"
    "<Trackpoint><Time>2024-12-03T17:30:00Z</Time><DistanceMeters>0</DistanceMeters></Trackpoint>"
    "<Trackpoint><Time>2024-12-03T17:40:00Z</Time><DistanceMeters>2000</DistanceMeters></Trackpoint>"
    "</Track></Lap>\n"
    "<Lap StartTime=\"2024-12-03T17:40:00Z\"><TotalTimeSeconds>630.5</TotalTimeSeconds>"
    "<DistanceMeters>2100</DistanceMeters><Track>"
    "<Trackpoint><Time>2024-12-03T17:55:00Z</Time><DistanceMeters>4100</DistanceMeters></Trackpoint>"
    "</Track></Lap></Activity>\n"
    "<Activity Sport=\"Biking\"><Id>2024-12-04T08:00:00Z</Id><Lap StartTime=\"2024-12-04T08:00:00Z\">"
    "<TotalTimeSeconds>3600</TotalTimeSeconds><DistanceMeters>30000</DistanceMeters></Lap></Activity>\n"
    "<Activity Sport=\"Running\"><Id>2024-12-05T06:00:00Z</Id>"
    "<Lap StartTime=\"2024-12-05T06:00:00Z\"><Track>"
    "<Trackpoint><Time>2024-12-05T06:00:00Z</Time><Position><LatitudeDegrees>52.5</LatitudeDegrees>"
    "<LongitudeDegrees>13.4</LongitudeDegrees></Position></Trackpoint>"
    "<Trackpoint><Time>2024-12-05T06:12:00Z</Time><Position><LatitudeDegrees>52.53</LatitudeDegrees>"
    "<LongitudeDegrees>13.4</LongitudeDegrees></Position></Trackpoint>"
    "</Track></Lap></Activity>\n"
    "</Activities></TrainingCenterDatabase>\n";
  g_autoptr(GPtrArray) runs = read_ok ("week.tcx", tcx);

  g_assert_cmpuint (runs->len, ==, 2);
  /* The laps' totals, not first to last point (25 minutes). */
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->minutes, 20.5, 0.051);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->distance_km, 4.1, 1e-9);
  g_assert_cmpstr (run_at (runs, 0)->time, ==, "18:30");
  g_assert_cmpstr (run_at (runs, 0)->activity, ==, "Running");
  /* No laps' totals: the points' times and positions. */
  g_assert_cmpfloat_with_epsilon (run_at (runs, 1)->minutes, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 1)->distance_km, 3.34, 0.011);
  g_assert_cmpstr (run_at (runs, 1)->source, ==, "week.tcx, activity 3");
}

static void
test_strava_csv (void)
{
  const char *csv =
    STRAVA_HEADER
    "101,\"Dec 2, 2024, 6:01:23 AM\",Morning Run,Run,,1830,5.01,160,40,false,,Shoes,activities/101.gpx,,,1830.0,"
    "1800.0,5012.5,4.1,2.7,7.0\n"
    "102,\"Dec 2, 2024, 4:00:00 PM\",Ride,Ride,,3600,30.0,140,20,false,,,activities/102.gpx,,,3600.0,3500.0,"
    "30000.0,12,8.3,\n"
    "103,\"Dec 3, 2024, 11:30:00 PM\",\"Trail, night\",Trail Run,,2400,6.5,150,30,false,,,,,,2400.0,2300.0,"
    "6500.0,3,2.8,\n";
  g_autoptr(GPtrArray) runs = read_ok ("activities.csv", csv);

  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpstr (run_at (runs, 0)->time, ==, "07:01");
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->minutes, 30.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->distance_km, 5.01, 1e-9);
  g_assert_cmpint (run_at (runs, 0)->rpe, ==, 7);
  g_assert_cmpstr (run_at (runs, 0)->source, ==, "activities.csv, record 2");
  /* 23:30 UTC is already the next day in Berlin. */
  g_assert_cmpstr (run_at (runs, 1)->day, ==, "2024-12-04");
  g_assert_cmpstr (run_at (runs, 1)->time, ==, "00:30");
  g_assert_cmpint (run_at (runs, 1)->rpe, ==, -1);
  g_assert_cmpstr (run_at (runs, 1)->activity, ==, "Trail Run");
}

static void
test_garmin_csv (void)
{
  const char *csv =
    GARMIN_HEADER
    "Running,2024-12-02 07:01:23,false,Berlin Running,10.02,700,00:52:30,150,170,5:14,00:51:00,00:52:30\n"
    "Cycling,2024-12-02 16:00:00,false,Ride,\"1,234.5\",900,01:00:00,130,160,--,01:00:00,01:00:00\n"
    "Treadmill Running,2024-12-04 18:00:00,false,Gym,5.00,300,00:30:00.5,140,150,6:00,00:30:00,00:30:00.5\n";
  g_autoptr(GPtrArray) runs = read_ok ("Activities.csv", csv);
  g_autoptr(GPtrArray) miles = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (runs->len, ==, 2);
  /* Garmin writes local time. */
  g_assert_cmpstr (run_at (runs, 0)->time, ==, "07:01");
  g_assert_cmpstr (run_at (runs, 0)->instant, ==, "2024-12-02T06:01:23Z");
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->minutes, 52.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 0)->distance_km, 10.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (run_at (runs, 1)->minutes, 30, 1e-9);

  /* A runner who counts in miles sees miles in Garmin's file too. */
  miles = read_text ("Activities.csv", csv, PATELLA_UNIT_MILES, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (run_at (miles, 1)->distance_km, 8.05, 1e-9);
}

static void
assert_refused (const char          *name,
                const char          *text,
                PatellaRunFileError  code,
                const char          *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = read_text (name, text, PATELLA_UNIT_KM, &error);

  g_assert_null (runs);
  g_assert_error (error, PATELLA_RUN_FILE_ERROR, (int) code);
  g_test_message ("%s: %s", name, error->message);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” is not in the message: %s", words, error->message);
}

static void
test_hostile_xml (void)
{
  assert_refused ("xxe.gpx",
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                  "<gpx version=\"1.1\"><trk><name>&xxe;</name><trkseg><trkpt lat=\"1\" lon=\"1\">"
                  "<time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>",
                  PATELLA_RUN_FILE_ERROR_HOSTILE, "DTD");
  assert_refused ("laughs.gpx",
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                  " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                  " <!ENTITY lol9 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                  "]>\n<gpx><trk><name>&lol9;</name></trk></gpx>",
                  PATELLA_RUN_FILE_ERROR_HOSTILE, "DTD");
  /* External DTD only, no entities. */
  assert_refused ("dtd.tcx",
                  "<?xml version=\"1.0\"?><!DOCTYPE TrainingCenterDatabase SYSTEM \"http://example.com/x.dtd\">"
                  "<TrainingCenterDatabase/>",
                  PATELLA_RUN_FILE_ERROR_HOSTILE, NULL);
  assert_refused ("broken.gpx", GPX_HEAD "<trk><trkseg><trkpt lat=\"1\" lon=\"1\">",
                  PATELLA_RUN_FILE_ERROR_FORMAT, "not well-formed");
  assert_refused ("other.xml", "<?xml version=\"1.0\"?><html><body/></html>",
                  PATELLA_RUN_FILE_ERROR_FORMAT, "neither GPX nor TCX");
}

static void
test_impossible_runs (void)
{
  g_autoptr(GString) untimed = g_string_new (GPX_HEAD "<trk><trkseg>");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *day = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(GString) soon = g_string_new (GPX_HEAD "<trk><trkseg>");

  append_points (untimed, "2024-12-02", 0, 5, FALSE);
  g_string_append (untimed, "</trkseg></trk></gpx>");
  assert_refused ("untimed.gpx", untimed->str, PATELLA_RUN_FILE_ERROR_INVALID, "5 points have no time");

  append_points (soon, day, 0, 5, TRUE);
  g_string_append (soon, "</trkseg></trk></gpx>");
  assert_refused ("future.gpx", soon->str, PATELLA_RUN_FILE_ERROR_INVALID, "has not happened yet");

  assert_refused ("far.tcx",
                  TCX_HEAD "<Activity Sport=\"Running\"><Id>2024-12-03T17:30:00Z</Id>"
                  "<Lap StartTime=\"2024-12-03T17:30:00Z\"><TotalTimeSeconds>3600</TotalTimeSeconds>"
                  "<DistanceMeters>1000010</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>",
                  PATELLA_RUN_FILE_ERROR_INVALID, "over 1000 km");
  assert_refused ("long.tcx",
                  TCX_HEAD "<Activity Sport=\"Running\"><Id>2024-12-03T17:30:00Z</Id>"
                  "<Lap StartTime=\"2024-12-03T17:30:00Z\"><TotalTimeSeconds>90000</TotalTimeSeconds>"
                  "<DistanceMeters>10000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>",
                  PATELLA_RUN_FILE_ERROR_INVALID, "more than a day");
  /* Two seconds round to no minutes at all. */
  assert_refused ("activities.csv", STRAVA_HEADER "1,\"Dec 2, 2024, 6:01:23 AM\",x,Run,,2,5,,,,,,,,,,,,,,\n",
                  PATELLA_RUN_FILE_ERROR_INVALID, "record 2: it lasts no time at all");
  assert_refused ("rides.gpx", GPX_HEAD "<trk><type>cycling</type></trk></gpx>",
                  PATELLA_RUN_FILE_ERROR_NO_RUNS, "1 activity of another sport");
  assert_refused ("notes.csv", "date,what\n2024-01-01,hello\n", PATELLA_RUN_FILE_ERROR_FORMAT, "Strava");
  assert_refused ("activities.csv", STRAVA_HEADER "1,\"2024-12-02 06:00\",x,Run,,1800,5,,,,,,,,,,,,,,\n",
                  PATELLA_RUN_FILE_ERROR_INVALID, "record 2: the date is not in Strava’s form");
}

static void
test_too_big (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.gpx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GString) padded = g_string_new (GPX_HEAD "<trk>");
  g_autoptr(GInputStream) in = NULL;
  FILE *file;

  /* A sparse file of 1 GB and a byte: refused by its size, unread. */
  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fseeko (file, (off_t) PATELLA_RUN_FILE_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('<', file), ==, '<');
  fclose (file);
  runs = patella_run_file_read (path, PATELLA_UNIT_KM, &error);
  g_assert_null (runs);
  g_assert_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_TOO_BIG);
  g_clear_error (&error);

  /* A stream (an unpacked .gz) is counted as it is read. */
  while (padded->len < 3 * 1024 * 1024)
    g_string_append (padded, "<name>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</name>\n");
  g_string_append (padded, "</trk></gpx>");
  in = g_memory_input_stream_new_from_data (padded->str, (gssize) padded->len, NULL);
  runs = patella_run_file_read_stream (in, "bomb.gpx", 1024 * 1024, PATELLA_UNIT_KM, &error);
  g_assert_null (runs);
  g_assert_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "more than 1 MB"));
}

static void
test_same_run_rule (void)
{
  const char *day = "2024-12-02";

  /* Start: 10 minutes apart is the same run, a second more is not. */
  g_assert_true (patella_run_is_same (day, "2024-12-02T06:00:00Z", 10, day, "2024-12-02T06:10:00Z", 10));
  g_assert_true (patella_run_is_same (day, "2024-12-02T06:10:00Z", 10, day, "2024-12-02T06:00:00Z", 10));
  g_assert_false (patella_run_is_same (day, "2024-12-02T06:00:00Z", 10, day, "2024-12-02T06:10:01Z", 10));
  /* Distance: 2 % of the longer is the same, more is not. */
  g_assert_true (patella_run_is_same (day, "2024-12-02T06:00:00Z", 10, day, "2024-12-02T06:00:00Z", 9.8));
  g_assert_true (patella_run_is_same (day, "2024-12-02T06:00:00Z", 9.8, day, "2024-12-02T06:00:00Z", 10));
  g_assert_false (patella_run_is_same (day, "2024-12-02T06:00:00Z", 10, day, "2024-12-02T06:00:00Z", 9.79));
  g_assert_true (patella_run_is_same (day, "2024-12-02T06:00:00Z", 0, day, "2024-12-02T06:00:00Z", 0));
  g_assert_false (patella_run_is_same (day, "2024-12-02T06:00:00Z", 0, day, "2024-12-02T06:00:00Z", 0.1));
  /* Five minutes apart across midnight: two days, two runs. */
  g_assert_false (patella_run_is_same ("2024-12-02", "2024-12-02T22:58:00Z", 5,
                                       "2024-12-03", "2024-12-02T23:03:00Z", 5));
  g_assert_false (patella_run_is_same (day, NULL, 5, day, "2024-12-02T06:00:00Z", 5));
}

static gint64
count_runs (PatellaStore *store)
{
  gint64 n = -1;

  g_assert_true (patella_store_count (store, PATELLA_TABLE_RUNS, &n, NULL));
  return n;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = patella_store_open (fixture->path, &error);
  g_autoptr(GDateTime) logged_at = g_date_time_new_utc (2024, 12, 2, 6, 5, 0);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint added = 99, skipped = 99;

  g_assert_no_error (error);
  /* Typed in by hand: five minutes later, 1.5 % shorter. */
  g_assert_cmpint (patella_store_log_run (store, "2024-12-02", logged_at, 31, 4.94, 6, -1, "", &error), >, 0);

  csv = g_strconcat (STRAVA_HEADER,
                     "101,\"Dec 2, 2024, 6:01:23 AM\",Morning Run,Run,,1830,5.01,,,,,,,,,1830,1800,5012.5,,,7\n"
                     "104,\"Dec 5, 2024, 5:00:00 PM\",Evening Run,Run,,2400,8,,,,,,,,,2400,2400,8000,,,\n"
                     "105,\"Dec 6, 2024, 5:00:00 PM\",Evening Run,Run,,2400,8,,,,,,,,,2400,2400,8000,,,5\n",
                     NULL);
  runs = read_ok ("activities.csv", csv);
  g_assert_true (patella_run_file_mark_logged (store, runs, &error));
  g_assert_true (run_at (runs, 0)->logged);
  g_assert_false (run_at (runs, 1)->logged);

  /* Record 3 has no effort and none is given: nothing at all is added. */
  g_assert_false (patella_run_file_import (store, runs, -1, &added, &skipped, &error));
  g_assert_error (error, PATELLA_RUN_FILE_ERROR, PATELLA_RUN_FILE_ERROR_NO_EFFORT);
  g_assert_nonnull (strstr (error->message, "activities.csv, record 3"));
  g_assert_null (strstr (error->message, "record 4"));
  g_clear_error (&error);
  g_assert_cmpint (count_runs (store), ==, 1);

  g_assert_true (patella_run_file_import (store, runs, 4, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (count_runs (store), ==, 3);
  {
    g_autoptr(GPtrArray) day = patella_store_list_entries (store, "2024-12-05", 1u << PATELLA_ENTRY_RUN, &error);
    g_autoptr(GPtrArray) other = patella_store_list_entries (store, "2024-12-06", 1u << PATELLA_ENTRY_RUN, &error);

    g_assert_cmpuint (day->len, ==, 1);
    g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (day, 0))->rpe, ==, 4);
    g_assert_cmpfloat_with_epsilon (((PatellaEntry *) g_ptr_array_index (day, 0))->distance_km, 8, 1e-9);
    g_assert_cmpint (((PatellaEntry *) g_ptr_array_index (other, 0))->rpe, ==, 5);
  }

  /* The same file again adds nothing. */
  again = read_ok ("activities.csv", csv);
  g_assert_true (patella_run_file_import (store, again, -1, &added, &skipped, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  g_assert_cmpint (count_runs (store), ==, 3);
}

/* The same run in two files of one batch is added once. */
static void
test_same_run_twice_in_a_batch (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = patella_store_open (fixture->path, &error);
  g_autofree char *gpx = make_gpx ("running", 31);
  g_autoptr(GPtrArray) runs = read_ok ("a.gpx", gpx);
  g_autoptr(GPtrArray) more = read_ok ("b.gpx", gpx);
  guint added = 0, skipped = 0;

  g_ptr_array_extend_and_steal (runs, g_steal_pointer (&more));
  g_assert_true (patella_run_file_import (store, runs, 3, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-file/gpx", test_gpx);
  g_test_add_func ("/run-file/gpx-two-tracks", test_gpx_two_tracks_and_other_sports);
  g_test_add ("/run-file/gpx-gzip", Fixture, NULL, patella_test_files_set_up, test_gpx_gzip,
              patella_test_files_tear_down);
  g_test_add_func ("/run-file/gpx-10mb", test_gpx_large);
  g_test_add_func ("/run-file/tcx-laps", test_tcx_laps);
  g_test_add_func ("/run-file/strava", test_strava_csv);
  g_test_add_func ("/run-file/garmin", test_garmin_csv);
  g_test_add_func ("/run-file/hostile-xml", test_hostile_xml);
  g_test_add_func ("/run-file/impossible-runs", test_impossible_runs);
  g_test_add ("/run-file/too-big", Fixture, NULL, patella_test_files_set_up, test_too_big,
              patella_test_files_tear_down);
  g_test_add_func ("/run-file/same-run-rule", test_same_run_rule);
  g_test_add ("/run-file/import", Fixture, NULL, patella_test_files_set_up, test_import,
              patella_test_files_tear_down);
  g_test_add ("/run-file/same-run-twice", Fixture, NULL, patella_test_files_set_up,
              test_same_run_twice_in_a_batch, patella_test_files_tear_down);

  return g_test_run ();
}
