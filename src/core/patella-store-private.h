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

/* How long a statement waits for another program's lock. */
#define BUSY_TIMEOUT_MS 5000

struct _PatellaStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;
  gboolean unchecked;  /* opened with the quick check deferred, not yet run */
  char    *today;      /* the day routine changes take effect; NULL: the real one */
  char    *notice;     /* what the runner must hear of, though the file opened */

  /* Commits by other processes (the command line, a second window). */
  GFileMonitor *monitor;
  gint64        data_version;

  /* Waiting for another program's lock with the main loop running. */
  gboolean      wait_in_main_loop;
  gboolean      beginning;   /* in patella_store_begin(): the one place that waits so */
  gboolean      in_wait;     /* the main loop is running inside a wait */
  gboolean      announced;
  gboolean      held;        /* a reference taken for the wait */
  gint64        wait_started;
};

sqlite3      *patella_store_get_db           (PatellaStore  *self);
void          patella_store_set_sqlite_error (PatellaStore  *self,
                                              int            rc,
                                              GError       **error);
const char   *patella_store_get_today_override (PatellaStore *self);
GPtrArray    *patella_store_read_exercises   (PatellaStore  *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);

/* patella-store.c */

void
patella_store_emit_changed (PatellaStore *self,
                            PatellaTable  table);
void
patella_sqlite_set_error (GError     **error,
                          sqlite3     *db,
                          int          rc,
                          const char  *path);
gboolean
patella_store_check_not_waiting (PatellaStore  *self,
                                 GError       **error);
gboolean
patella_store_exec (PatellaStore  *self,
                    const char    *sql,
                    GError       **error);
sqlite3_stmt *
patella_store_prepare (PatellaStore  *self,
                       const char    *sql,
                       GError       **error);
gboolean
patella_store_query_int (PatellaStore  *self,
                         const char    *sql,
                         gint64        *out,
                         GError       **error);
gboolean
patella_store_begin (PatellaStore  *self,
                     GError       **error);
gboolean
patella_store_commit (PatellaStore  *self,
                      GError       **error);
gboolean
patella_store_commit_and_announce (PatellaStore  *self,
                                   PatellaTable   table,
                                   GError       **error);
void
patella_store_rollback (PatellaStore *self);
gboolean
patella_store_check_one_row_changed (PatellaStore  *self,
                                     GError       **error);
void
patella_bind_optional_int (sqlite3_stmt *stmt,
                           int           index,
                           int           value,
                           int           none);
char *
patella_dup_column_text (sqlite3_stmt *stmt,
                         int           column);
gboolean
patella_store_check_read_day (PatellaStore  *self,
                              const char    *day,
                              GError       **error);
gboolean
patella_store_invalid (GError     **error,
                       const char  *format,
                       ...) G_GNUC_PRINTF (2, 3);
gboolean
patella_store_check_text (const char        *text,
                          glong              max_chars,
                          PatellaTextField   field,
                          GError           **error);
gboolean
patella_store_check_common (const char  *day,
                            const char  *note,
                            GError     **error);
gboolean
patella_store_on_scale (int value);
gboolean
patella_store_step_in_transaction (PatellaStore  *self,
                                   PatellaTable   table,
                                   sqlite3_stmt  *stmt,
                                   const char    *gone,
                                   gint64        *rowid,
                                   GError       **error);

/* patella-store-schema.c */

gboolean
patella_store_migrate (PatellaStore  *self,
                       GError       **error);
gboolean
patella_store_check_schema (PatellaStore  *self,
                            GError       **error);

/* patella-store-exercises.c */

gboolean
patella_store_insert_exercise (PatellaStore           *self,
                               const PatellaExercise  *exercise,
                               GError                **error);

/* patella-store-entries.c */

char *
patella_store_entry_insert_sql (PatellaEntryKind kind);
void
patella_store_bind_entry (sqlite3_stmt       *stmt,
                          const PatellaEntry *entry);

/* patella-store-days.c */

GPtrArray *
patella_store_collect_strings (PatellaStore  *self,
                               sqlite3_stmt  *stmt,
                               gboolean       days,
                               GError       **error);

/* patella-store-routine.c */

/* The day a change takes effect: the store's today. */
char         *patella_store_change_day       (PatellaStore  *self);
/* Steps @stmt to its end, with @error set when it does not get there. */
gboolean      patella_store_step_done        (PatellaStore  *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);

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
