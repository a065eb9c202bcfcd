/* patella-run-file.h: runs from a watch's or a service's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-store.h"
#include "patella-warnings.h"

G_BEGIN_DECLS

#define PATELLA_RUN_FILE_ERROR (patella_run_file_error_quark ())

typedef enum
{
  PATELLA_RUN_FILE_ERROR_FORMAT,    /* not GPX, TCX, Strava or Garmin CSV */
  PATELLA_RUN_FILE_ERROR_TOO_BIG,
  PATELLA_RUN_FILE_ERROR_HOSTILE,   /* a DTD or entities */
  PATELLA_RUN_FILE_ERROR_INVALID,   /* a run that cannot be: no times, in the future, too long */
  PATELLA_RUN_FILE_ERROR_NO_RUNS,
  PATELLA_RUN_FILE_ERROR_NO_EFFORT, /* runs without effort, and none given */
} PatellaRunFileError;

/* The most a file may hold, counted as it is read (after .gz is unpacked). */
#define PATELLA_RUN_FILE_MAX_BYTES ((guint64) 1 << 30)

/* Two runs are the same when on the same local day, starting at most this
 * far apart and differing in distance by at most this fraction. */
#define PATELLA_RUN_SAME_START_SECONDS 600
#define PATELLA_RUN_SAME_DISTANCE      0.02

/* One run found in a file, before it is logged. */
typedef struct
{
  char    *day;          /* local "YYYY-MM-DD" */
  char    *time;         /* local "HH:MM" */
  char    *instant;      /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
  double   minutes;
  double   distance_km;
  int      rpe;          /* -1: the file has none */
  int      pain;         /* -1: none */
  char    *activity;     /* the file's activity type; NULL when it gives none */
  char    *source;       /* "run.gpx", "activities.csv, record 4" */
  gboolean logged;       /* already in the record: skipped on import */
} PatellaRunCandidate;

GQuark               patella_run_file_error_quark (void);
void                 patella_run_candidate_free   (PatellaRunCandidate *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaRunCandidate, patella_run_candidate_free)

/* Reads GPX 1.1, TCX (either may be gzipped), a Strava activities.csv or a
 * Garmin Connect activities CSV, told apart by their contents. Garmin's CSV
 * gives distances in the runner's own unit, without saying which: @unit.
 * Returns the runs (not other sports) as PatellaRunCandidate, or NULL with
 * @error saying why the whole file is refused. */
GPtrArray           *patella_run_file_read_stream (GInputStream         *in,
                                                   const char           *name,
                                                   guint64               max_bytes,
                                                   PatellaDistanceUnit   unit,
                                                   GError              **error);
GPtrArray           *patella_run_file_read        (const char           *path,
                                                   PatellaDistanceUnit   unit,
                                                   GError              **error);

/* The duplicate rule, at its edges inclusive. */
gboolean             patella_run_is_same          (const char *day_a,
                                                   const char *instant_a,
                                                   double      km_a,
                                                   const char *day_b,
                                                   const char *instant_b,
                                                   double      km_b);

/* Sets each run's "logged" from the record. */
gboolean             patella_run_file_mark_logged (PatellaStore  *store,
                                                   GPtrArray     *runs,
                                                   GError       **error);

/* Adds the runs not already logged, all or none, with @default_rpe (-1:
 * none) for those without effort; refuses, naming them, when some still
 * have none. */
gboolean             patella_run_file_import      (PatellaStore  *store,
                                                   GPtrArray     *runs,
                                                   int            default_rpe,
                                                   guint         *added,
                                                   guint         *skipped,
                                                   GError       **error);

G_END_DECLS
