/* patella-xlsx.h: the daily summary as a spreadsheet with typed cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* The daily summary's columns and rows, as patella_csv_export_daily()
 * writes them, in one .xlsx sheet: dates as dates, numbers as numbers,
 * adherence as a percentage, the header frozen and filtered. A
 * PatellaWriteFunc, for patella_write_file(). */
gboolean  patella_xlsx_export_daily (PatellaStore   *store,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_END_DECLS
