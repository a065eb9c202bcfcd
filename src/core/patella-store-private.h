/* patella-store-private.h: what the parts of the store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is one type; its code is split by concern. These are for
 * those parts only, never for callers of the store.
 */
#pragma once

#include <sqlite3.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* The day from which the routine as first migrated applies: the earliest
 * a record can hold (PATELLA_FIRST_YEAR). */
#define PATELLA_ROUTINE_SINCE "1900-01-01"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *patella_store_get_db           (PatellaStore  *self);
sqlite3_stmt *patella_store_prepare          (PatellaStore  *self,
                                              const char    *sql,
                                              GError       **error);
void          patella_store_set_sqlite_error (PatellaStore  *self,
                                              int            rc,
                                              GError       **error);
const char   *patella_store_get_today_override (PatellaStore *self);
GPtrArray    *patella_store_read_exercises   (PatellaStore  *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);

/* patella-store-routine.c */

/* Inside a write transaction: keeps the routine as it now stands as the
 * routine from today, for each exercise that differs from its last row. */
gboolean      patella_store_record_routine   (PatellaStore  *self,
                                              GError       **error);
/* Before a migration: a private copy of the file beside it, named after
 * the schema it has (patella.db.v2-backup). */
gboolean      patella_store_keep_migration_backup (PatellaStore  *self,
                                                   GError       **error);
/* After a start that needed no migration: those copies go. */
void          patella_store_remove_migration_backups (PatellaStore *self);

G_END_DECLS
