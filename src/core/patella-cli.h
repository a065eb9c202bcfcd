/* patella-cli.h: the command-line options that run without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define PATELLA_EXIT_OK     0
#define PATELLA_EXIT_FAILED 1
#define PATELLA_EXIT_USAGE  2

typedef struct
{
  char     *database;     /* --database=FILE, or NULL for the default */
  char     *date;         /* --date=YYYY-MM-DD for --status */
  char     *from;         /* --from and --to for --warnings */
  char     *to;
  char     *export_csv;   /* file options; "-" is standard output */
  char     *export_daily_csv;
  char     *import_csv;
  char     *backup;
  char     *report;       /* handled by main.c: it draws the charts */
  char    **import_runs;  /* --import-runs=FILE..., GPX, TCX, Strava or Garmin */
  int       rpe;          /* --rpe=N for runs without effort; -1: not given */
  char     *export_daily_xlsx;
  gboolean  version;
  gboolean  check;
  gboolean  status;
  gboolean  warnings;
  gboolean  progression;  /* --progression: each exercise's level and suggestion */
  gboolean  next_run;     /* --next-run: the return-to-running plan's next run */
  gboolean  episodes;     /* --warnings --episodes */
  gboolean  outcomes;     /* the check-ins as a table */
  gboolean  since_last_visit; /* --report: open with "Since your last visit" */
  gboolean  background;   /* start the app without a window (at login) */
  gboolean  service;      /* started by D-Bus activation */
} PatellaOptions;

void     patella_options_clear (PatellaOptions  *options);

/* Parses @argv (leaving the program name). Returns FALSE with a usage message
 * in @error for unknown options or stray arguments. */
gboolean patella_options_parse (PatellaOptions  *options,
                                int             *argc,
                                char          ***argv,
                                GError         **error);

/* TRUE when the options name a command that runs without a window. */
gboolean patella_options_is_command (const PatellaOptions *options);
gboolean patella_options_uses_default_database (const PatellaOptions *options);

/* Runs that command, writing to @out and @err; returns the exit status. */
int      patella_cli_run (const PatellaOptions *options,
                          FILE                 *out,
                          FILE                 *err);

int      patella_cli_check (const char *database,
                            FILE       *out,
                            FILE       *err);

int      patella_cli_status (const char *database,
                             const char *day,
                             FILE       *out,
                             FILE       *err);

int      patella_cli_files (const PatellaOptions *options,
                            FILE                 *out,
                            FILE                 *err);

int      patella_cli_import_runs (const PatellaOptions *options,
                                  FILE                 *out,
                                  FILE                 *err);

int      patella_cli_progression (const char *database,
                                  const char *day,
                                  FILE       *out,
                                  FILE       *err);

int      patella_cli_next_run (const char *database,
                               const char *day,
                               FILE       *out,
                               FILE       *err);

int      patella_cli_warnings (const char *database,
                               const char *from,
                               const char *to,
                               gboolean    episodes,
                               FILE       *out,
                               FILE       *err);

int      patella_cli_outcomes (const char *database,
                               FILE       *out,
                               FILE       *err);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PatellaOptions, patella_options_clear)

G_END_DECLS
