/* fuzz-run-file.c: libFuzzer target for the run-file reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is read as a run file (GPX, TCX, either gzipped, or a Strava
 * or Garmin CSV) from memory, with a 16 MB limit so that a small input
 * unpacking to more is stopped quickly. A file either gives runs that a
 * store would take (a day, a time, minutes above 0 and at most a day,
 * 0 to 1000 km, effort -1 or 0 to 10) or is refused with an error of the
 * reader's domain or GIO's. A GLib warning or critical aborts.
 *
 * Local time is Europe/Berlin whatever the machine's, so that times in a
 * DST gap or fold are reached, and an input behaves the same everywhere.
 *
 * Replay a crash or a corpus without fuzzing:
 *   build-fuzz/tests/fuzz/fuzz-run-file FILE...
 */
#include "config.h"

#include <stdint.h>

#include "core/patella-day.h"
#include "core/patella-entry.h"
#include "core/patella-run-file.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = patella_run_file_read_stream (in, "fuzz", 16 * 1024 * 1024, PATELLA_UNIT_KM, &error);

  if (runs == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PATELLA_RUN_FILE_ERROR || error->domain == G_IO_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, >, 0);

  for (guint i = 0; i < runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (runs, i);
      g_autoptr(GDateTime) instant = patella_instant_parse (run->instant);

      g_assert_true (patella_day_is_valid (run->day));
      g_assert_nonnull (instant);
      g_assert_cmpuint (strlen (run->time), ==, 5);
      g_assert_cmpfloat (run->minutes, >, 0);
      g_assert_cmpfloat (run->minutes, <=, PATELLA_RUN_MINUTES_MAX);
      g_assert_cmpfloat (run->distance_km, >=, 0);
      g_assert_cmpfloat (run->distance_km, <=, PATELLA_RUN_KM_MAX);
      g_assert_true (run->rpe >= -1 && run->rpe <= PATELLA_SCALE_MAX);
      g_assert_true (g_utf8_validate (run->source, -1, NULL));
      /* The rule is symmetric, and every run is the same as itself. */
      g_assert_true (patella_run_is_same (run->day, run->instant, run->distance_km,
                                          run->day, run->instant, run->distance_km));
      if (i > 0)
        {
          PatellaRunCandidate *other = g_ptr_array_index (runs, i - 1);

          g_assert_true (patella_run_is_same (run->day, run->instant, run->distance_km,
                                              other->day, other->instant, other->distance_km) ==
                         patella_run_is_same (other->day, other->instant, other->distance_km,
                                              run->day, run->instant, run->distance_km));
        }
    }
  return 0;
}
