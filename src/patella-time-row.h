/* patella-time-row.h: a row to choose a time of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_TIME_ROW (patella_time_row_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTimeRow, patella_time_row, PATELLA, TIME_ROW, AdwActionRow)

GtkWidget  *patella_time_row_new          (const char     *title);
/* "HH:MM", 24-hour, local time. */
const char *patella_time_row_get_time     (PatellaTimeRow *self);
void        patella_time_row_set_time     (PatellaTimeRow *self,
                                           const char     *time);
/* Keeps the row and @key in step both ways: a string key holding "HH:MM"
 * when @index is -1, else element @index of a string-array key. */
void        patella_time_row_bind         (PatellaTimeRow *self,
                                           GSettings      *settings,
                                           const char     *key,
                                           int             index);

G_END_DECLS
