/* patella-xlsx.c: the daily summary as a spreadsheet with typed cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV's numbers are text to a spreadsheet, and "2.5" is not a number in
 * a locale whose decimal sign is ",". An .xlsx cell carries its type, so
 * LibreOffice, Gnumeric, Excel and Numbers show the same numbers in every
 * locale.
 *
 * The rows are the daily CSV's, read back cell by cell: one place works
 * the day out, and the two files cannot disagree. libxlsxwriter writes to
 * a file name; the workbook is written to a private temporary file and
 * copied to @out, so that patella_write_file() can put it in place whole
 * (or on standard output).
 *
 * libxlsxwriter as Debian builds it writes numbers with printf's "%G",
 * which follows LC_NUMERIC: in a German locale 8.25 would become "8,25"
 * inside the XML, and the file would be broken. The workbook is written
 * with LC_NUMERIC set to "C" for this thread alone.
 */
#define G_LOG_DOMAIN "patella-xlsx"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "patella-csv.h"
#include "patella-day.h"
#include "patella-xlsx.h"

/* The daily CSV's columns from the end: adherence_pct is 9th from last,
 * acwr 2nd, warnings last; date and rest_day come first, exercises between. */
#define FROM_END_ADHERENCE 9
#define FROM_END_ACWR      2

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *header, *date, *percent, *decimal;
  GPtrArray     *cells;
  GArray        *widths;    /* of double, per column */
  lxw_row_t      row;
  lxw_error      status;
} Sheet;

static void
sheet_field (void   *text,
             size_t  len,
             void   *data)
{
  Sheet *sheet = data;

  g_ptr_array_add (sheet->cells, g_strndup (text ? text : "", len));
}

static void
sheet_record (int   terminator,
              void *data)
{
  Sheet *sheet = data;
  guint n = sheet->cells->len;

  for (guint i = 0; i < n && sheet->status == LXW_NO_ERROR; i++)
    {
      const char *text = g_ptr_array_index (sheet->cells, i);
      lxw_col_t col = (lxw_col_t) i;
      double *width;
      GDate date;

      if (i >= sheet->widths->len)
        {
          double initial = 8;
          g_array_append_val (sheet->widths, initial);
        }
      width = &g_array_index (sheet->widths, double, i);

      if (sheet->row == 0)
        {
          sheet->status = worksheet_write_string (sheet->sheet, 0, col, text, sheet->header);
          *width = MAX (*width, (double) g_utf8_strlen (text, -1) + 2);
          continue;
        }
      if (text[0] == '\0')
        continue;

      if (i == 0 && patella_day_parse (text, &date))
        {
          lxw_datetime when = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0 };

          sheet->status = worksheet_write_datetime (sheet->sheet, sheet->row, col, &when, sheet->date);
          *width = MAX (*width, 12);
        }
      else if (i == 1 || i + 1 == n)
        {
          /* rest_day and warnings; the CSV's "'" against formulas is not
           * needed in a typed cell. */
          const char *shown = text[0] == '\'' ? text + 1 : text;

          sheet->status = worksheet_write_string (sheet->sheet, sheet->row, col, shown, NULL);
          *width = MAX (*width, MIN (60.0, (double) g_utf8_strlen (shown, -1) + 2));
        }
      else
        {
          double value = g_ascii_strtod (text, NULL);

          if (i + FROM_END_ADHERENCE == n)
            sheet->status = worksheet_write_number (sheet->sheet, sheet->row, col, value / 100, sheet->percent);
          else
            sheet->status = worksheet_write_number (sheet->sheet, sheet->row, col, value,
                                                    i + FROM_END_ACWR == n ? sheet->decimal : NULL);
        }
    }

  if (n > 0)
    sheet->row++;
  g_ptr_array_set_size (sheet->cells, 0);
}

static gboolean
copy_file (const char     *path,
           GOutputStream  *out,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);

  return in != NULL &&
         g_output_stream_splice (out, G_INPUT_STREAM (in), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                 cancellable, error) >= 0;
}

gboolean
patella_xlsx_export_daily (PatellaStore   *store,
                           GOutputStream  *out,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GOutputStream) csv_out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *temp = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *workbook;
  Sheet sheet = { NULL, NULL, NULL, NULL, NULL, cells, widths, 0, LXW_NO_ERROR };
  struct csv_parser parser;
  const char *csv;
  gsize csv_len;
  lxw_error closed;
  locale_t c_numeric, previous;
  gboolean ok;
  int fd;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (!patella_csv_export_daily (store, csv_out, cancellable, error) ||
      !g_output_stream_close (csv_out, cancellable, error))
    return FALSE;
  csv = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (csv_out));
  csv_len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (csv_out));

  fd = g_file_open_tmp ("patella-XXXXXX.xlsx", &temp, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c_numeric == (locale_t) 0)
    {
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The spreadsheet could not be started."));
      return FALSE;
    }
  previous = uselocale (c_numeric);

  workbook = workbook_new_opt (temp, &options);
  if (workbook == NULL)
    {
      uselocale (previous);
      freelocale (c_numeric);
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The spreadsheet could not be started."));
      return FALSE;
    }
  /* Translators: the name of the spreadsheet's one sheet */
  sheet.sheet = workbook_add_worksheet (workbook, _("Daily"));
  sheet.header = workbook_add_format (workbook);
  format_set_bold (sheet.header);
  sheet.date = workbook_add_format (workbook);
  format_set_num_format (sheet.date, "yyyy-mm-dd");
  sheet.percent = workbook_add_format (workbook);
  format_set_num_format (sheet.percent, "0%");
  sheet.decimal = workbook_add_format (workbook);
  format_set_num_format (sheet.decimal, "0.00");

  csv_init (&parser, CSV_STRICT | CSV_APPEND_NULL);
  ok = csv_parse (&parser, csv, csv_len, sheet_field, sheet_record, &sheet) == csv_len &&
       csv_fini (&parser, sheet_field, sheet_record, &sheet) == 0;
  csv_free (&parser);

  if (sheet.status == LXW_NO_ERROR && sheet.row > 0)
    {
      for (guint i = 0; i < widths->len && sheet.status == LXW_NO_ERROR; i++)
        sheet.status = worksheet_set_column (sheet.sheet, (lxw_col_t) i, (lxw_col_t) i,
                                             g_array_index (widths, double, i), NULL);
      /* The header stays in view, and so does the date. */
      worksheet_freeze_panes (sheet.sheet, 1, 1);
      if (sheet.status == LXW_NO_ERROR)
        sheet.status = worksheet_autofilter (sheet.sheet, 0, 0, sheet.row - 1, (lxw_col_t) (widths->len - 1));
    }

  closed = workbook_close (workbook);
  uselocale (previous);
  freelocale (c_numeric);
  if (!ok || sheet.status != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    {
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The spreadsheet could not be written: %s"),
                   lxw_strerror (sheet.status != LXW_NO_ERROR ? sheet.status : closed));
      return FALSE;
    }

  ok = copy_file (temp, out, cancellable, error);
  g_unlink (temp);
  return ok;
}
