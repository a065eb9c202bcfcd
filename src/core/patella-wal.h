/* patella-wal.h: what a write-ahead log holds beyond what SQLite reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint     patella_wal_count_lost_commits (const guint8 *data,
                                          gsize         length);

G_END_DECLS
