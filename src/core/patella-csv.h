/* patella-csv.h: the history as CSV, out and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_CSV_ERROR (patella_csv_error_quark ())

typedef enum
{
  PATELLA_CSV_ERROR_ENCODING,   /* not UTF-8 text */
  PATELLA_CSV_ERROR_EMPTY,      /* nothing in it, or a header alone */
  PATELLA_CSV_ERROR_HEADER,     /* a column it needs is missing */
  PATELLA_CSV_ERROR_RECORDS,    /* bad records, listed in the message */
  PATELLA_CSV_ERROR_TOO_BIG,
} PatellaCsvError;

/* The entries file's columns, in this order. "time" is the local time in
 * the zone the file was written in, for reading; "utc" is the moment
 * itself, which an import uses when it is there. "side" and "result" are
 * for the self-test's rows (kind "test"); a file without them (before
 * schema 4) imports as before. */
#define PATELLA_CSV_HEADER "date,time,kind,item,sets,reps,minutes,distance_km,rpe,pain,context,note,utc,side,result"

/* The most an import reads: ten years are about 3 MB. */
#define PATELLA_CSV_MAX_BYTES (256 * 1024 * 1024)

typedef struct
{
  guint  added[PATELLA_N_ENTRY_KINDS];
  guint  skipped[PATELLA_N_ENTRY_KINDS];   /* already in the record */
  guint  added_outcomes, skipped_outcomes; /* check-in answers (kind "outcome") */
  guint  added_tests, skipped_tests;       /* self-test results (kind "test") */
  char **new_exercises;                    /* ids added as the runner's own */
  guint  n_moved;                          /* times in the hour the clocks skip here */
  char  *first_moved;                      /* the first of them, in words */
} PatellaImportSummary;

GQuark    patella_csv_error_quark        (void);

/* Every entry as one CSV line (no line end), as the export writes it. */

gboolean  patella_csv_export             (PatellaStore        *store,
                                          GOutputStream       *out,
                                          GCancellable        *cancellable,
                                          GError             **error);
gboolean  patella_csv_import             (PatellaStore         *store,
                                          const char           *data,
                                          gsize                 length,
                                          PatellaImportSummary *summary,
                                          GError              **error);
gboolean  patella_csv_import_file        (PatellaStore         *store,
                                          const char           *path,
                                          PatellaImportSummary *summary,
                                          GError              **error);
void      patella_import_summary_clear   (PatellaImportSummary *summary);
char     *patella_import_summary_describe (const PatellaImportSummary *summary);

/* One row per day, for spreadsheets and clinicians. */
gboolean  patella_csv_export_daily       (PatellaStore        *store,
                                          GOutputStream       *out,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* Writes with @write_func to @path ("-": standard output) through a
 * temporary file renamed into place, so a failure leaves nothing behind. */
typedef gboolean (*PatellaWriteFunc) (PatellaStore   *store,
                                      GOutputStream  *out,
                                      GCancellable   *cancellable,
                                      GError        **error);

gboolean  patella_write_file             (PatellaStore      *store,
                                          const char        *path,
                                          PatellaWriteFunc   write_func,
                                          GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PatellaImportSummary, patella_import_summary_clear)

G_END_DECLS
