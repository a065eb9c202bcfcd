/* patella-file-task.h: export, import, report and backup, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/patella-store.h"
#include "render/patella-report.h"

G_BEGIN_DECLS

/**
 * PatellaFileTask:
 *
 * What the runner does with a file chosen in the window's menus.
 */
typedef enum
{
  PATELLA_FILE_TASK_EXPORT_CSV,
  PATELLA_FILE_TASK_EXPORT_DAILY,
  PATELLA_FILE_TASK_EXPORT_DAILY_XLSX,
  PATELLA_FILE_TASK_IMPORT_CSV,
  PATELLA_FILE_TASK_IMPORT_RUNS,
  PATELLA_FILE_TASK_REPORT,
  PATELLA_FILE_TASK_BACKUP,
  PATELLA_N_FILE_TASKS
} PatellaFileTask;

/* How the window asks for the file: the chooser's words and the name it
 * suggests (@name, the day, @extension); @name NULL for a file to open. */
typedef struct
{
  const char      *action;     /* "win.export-csv" */
  const char      *title;      /* untranslated, N_() */
  const char      *accept;     /* untranslated, N_() */
  const char      *name;
  const char      *extension;
  const char      *pattern;
} PatellaFileTaskInfo;

const PatellaFileTaskInfo *patella_file_task_get_info (PatellaFileTask task);

/* Import runs is not here: its runs are read in a worker thread and shown
 * before anything is logged (see PatellaRunImportDialog). */
char          *patella_file_task_run         (PatellaFileTask           task,
                                              PatellaStore             *store,
                                              GSettings                *settings,
                                              const char               *path,
                                              GError                  **error);

/* The clinic report of the last six weeks, with the runner's thresholds
 * and unit: what is saved as PDF and what is printed. */
PatellaReport *patella_file_task_make_report (PatellaStore             *store,
                                              GSettings                *settings,
                                              GError                  **error);

G_END_DECLS
