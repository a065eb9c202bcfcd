/* patella-file-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's Export, Import, Report and Back Up do with the file
 * the runner chose. Each writes through a temporary file renamed into
 * place, so a failure leaves nothing half written; the window only asks
 * for the file and shows the result.
 */
#define G_LOG_DOMAIN "patella-file-task"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-csv.h"
#include "core/patella-settings.h"
#include "core/patella-xlsx.h"
#include "patella-file-task.h"

static const PatellaFileTaskInfo infos[PATELLA_N_FILE_TASKS] = {
  [PATELLA_FILE_TASK_EXPORT_CSV] =
    { "win.export-csv", N_("Export History"), N_("_Export"), "patella-history-", ".csv", "*.csv" },
  [PATELLA_FILE_TASK_EXPORT_DAILY] =
    { "win.export-daily-csv", N_("Export Daily Summary"), N_("_Export"), "patella-daily-", ".csv", "*.csv" },
  [PATELLA_FILE_TASK_EXPORT_DAILY_XLSX] =
    { "win.export-daily-xlsx", N_("Export Daily Summary as Spreadsheet"), N_("_Export"),
      "patella-daily-", ".xlsx", "*.xlsx" },
  [PATELLA_FILE_TASK_IMPORT_CSV] =
    { "win.import-csv", N_("Import History"), N_("_Import"), NULL, NULL, "*.csv" },
  [PATELLA_FILE_TASK_IMPORT_RUNS] =
    { "win.import-runs", N_("Import Runs"), N_("_Open"), NULL, NULL, NULL },
  [PATELLA_FILE_TASK_REPORT] =
    { "win.report", N_("Save Clinic Report"), N_("_Save"), "patella-report-", ".pdf", "*.pdf" },
  [PATELLA_FILE_TASK_BACKUP] =
    { "win.backup", N_("Back Up Database"), N_("_Back Up"), "patella-backup-", ".db", NULL },
};

const PatellaFileTaskInfo *
patella_file_task_get_info (PatellaFileTask task)
{
  g_return_val_if_fail (task < PATELLA_N_FILE_TASKS, NULL);
  return &infos[task];
}

PatellaReport *
patella_file_task_make_report (PatellaStore  *store,
                               GSettings     *settings,
                               GError       **error)
{
  PatellaThresholds thresholds;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  patella_settings_get_thresholds (settings, &thresholds);
  return patella_report_new (store, NULL, NULL, &thresholds, patella_settings_get_unit (settings), error);
}

/**
 * patella_file_task_run:
 * @settings: (nullable): the runner's thresholds and unit; NULL for the defaults
 * @path: the file the runner chose
 *
 * Does @task with @path.
 *
 * Returns: (transfer full): what was done, in the runner's words (for an
 *   import, what it added and what it left out); NULL with @error set
 *   when nothing was done
 */
char *
patella_file_task_run (PatellaFileTask   task,
                       PatellaStore     *store,
                       GSettings        *settings,
                       const char       *path,
                       GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (task < PATELLA_N_FILE_TASKS && task != PATELLA_FILE_TASK_IMPORT_RUNS, NULL);

  name = g_path_get_basename (path);
  switch (task)
    {
    case PATELLA_FILE_TASK_EXPORT_CSV:
      if (!patella_write_file (store, path, patella_csv_export, error))
        return NULL;
      return g_strdup_printf (_("History exported to %s"), name);

    case PATELLA_FILE_TASK_EXPORT_DAILY:
      if (!patella_write_file (store, path, patella_csv_export_daily, error))
        return NULL;
      return g_strdup_printf (_("Daily summary exported to %s"), name);

    case PATELLA_FILE_TASK_EXPORT_DAILY_XLSX:
      if (!patella_write_file (store, path, patella_xlsx_export_daily, error))
        return NULL;
      return g_strdup_printf (_("Daily summary exported to %s"), name);

    case PATELLA_FILE_TASK_IMPORT_CSV:
      {
        g_auto(PatellaImportSummary) summary = { { 0 } };

        if (!patella_csv_import_file (store, path, &summary, error))
          return NULL;
        return patella_import_summary_describe (&summary);
      }

    case PATELLA_FILE_TASK_REPORT:
      {
        g_autoptr(PatellaReport) report = NULL;

        if (patella_store_is_own_file (store, path))
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("That file is the database itself; choose another."));
            return NULL;
          }
        report = patella_file_task_make_report (store, settings, error);
        if (report == NULL || !patella_report_write_pdf (report, path, error))
          return NULL;
        return g_strdup_printf (_("Clinic report saved as %s"), name);
      }

    case PATELLA_FILE_TASK_BACKUP:
      if (!patella_store_backup (store, path, error))
        return NULL;
      return g_strdup_printf (_("Database backed up to %s"), name);

    case PATELLA_FILE_TASK_IMPORT_RUNS:
    case PATELLA_N_FILE_TASKS:
    default:
      g_assert_not_reached ();
    }
}
