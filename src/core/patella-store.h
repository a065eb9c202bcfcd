/* patella-store.h: the runner's health record, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-entry.h"
#include "patella-exercise.h"

G_BEGIN_DECLS

#define PATELLA_STORE_ERROR (patella_store_error_quark ())

typedef enum
{
  PATELLA_STORE_ERROR_CANT_OPEN,     /* missing folder, permissions, not a file */
  PATELLA_STORE_ERROR_NOT_DATABASE,  /* not SQLite, or another program's database */
  PATELLA_STORE_ERROR_CORRUPT,
  PATELLA_STORE_ERROR_READ_ONLY,
  PATELLA_STORE_ERROR_TOO_NEW,       /* written by a newer Patella */
  PATELLA_STORE_ERROR_FULL,          /* disk full or file size limit */
  PATELLA_STORE_ERROR_BUSY,          /* locked by another process for too long */
  PATELLA_STORE_ERROR_INVALID,       /* a value the record does not accept */
  PATELLA_STORE_ERROR_NOT_FOUND,
  PATELLA_STORE_ERROR_FAILED,
} PatellaStoreError;

/* The schema this build writes; migrations bring older files up to it. */
#define PATELLA_STORE_SCHEMA_VERSION 7

/* SQLite's application_id for Patella files: "PTLA". */
#define PATELLA_STORE_APPLICATION_ID 0x50544c41

typedef enum
{
  PATELLA_TABLE_EXERCISES,
  PATELLA_TABLE_EXERCISE_LOG,
  PATELLA_TABLE_PAIN_LOG,
  PATELLA_TABLE_RUNS,
  PATELLA_TABLE_REST_DAYS,
  PATELLA_TABLE_DISMISSED_WARNINGS,
  PATELLA_N_TABLES
} PatellaTable;

/* PatellaStore::changed's table when anything may have changed: another
 * process committed to the file. */
#define PATELLA_STORE_CHANGED_ALL (-1)

/**
 * PatellaStoreOpenFlags:
 * @PATELLA_STORE_OPEN_DEFAULT: check every row on opening
 * @PATELLA_STORE_OPEN_DEFER_CHECK: leave that check for patella_store_check_async()
 */
typedef enum
{
  PATELLA_STORE_OPEN_DEFAULT     = 0,
  PATELLA_STORE_OPEN_DEFER_CHECK = 1 << 0,
} PatellaStoreOpenFlags;

#define PATELLA_TYPE_STORE (patella_store_get_type ())

G_DECLARE_FINAL_TYPE (PatellaStore, patella_store, PATELLA, STORE, GObject)

GQuark        patella_store_error_quark        (void);
char         *patella_store_default_path       (void);
const char   *patella_table_get_name           (PatellaTable   table);
const char   *patella_table_get_title          (PatellaTable   table);

PatellaStore *patella_store_open               (const char    *path,
                                                GError       **error);
PatellaStore *patella_store_open_full          (const char             *path,
                                                PatellaStoreOpenFlags   flags,
                                                GError                **error);
void          patella_store_check_async        (PatellaStore        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      patella_store_check_finish       (GAsyncResult  *result,
                                                GError       **error);
const char   *patella_store_get_path           (PatellaStore  *self);
const char   *patella_store_get_notice         (PatellaStore  *self);
void          patella_store_watch_outside_changes  (PatellaStore *self);
void          patella_store_wait_in_main_loop      (PatellaStore *self);
gboolean      patella_store_notice_outside_changes (PatellaStore *self);
int           patella_store_get_schema_version (PatellaStore  *self);
gboolean      patella_store_verify             (PatellaStore  *self,
                                                GError       **error);
gboolean      patella_store_count              (PatellaStore  *self,
                                                PatellaTable   table,
                                                gint64        *count,
                                                GError       **error);

/* A table of the record, what it holds (translated) and its rows. */
typedef struct
{
  const char *name;
  const char *title;
  gint64      rows;
} PatellaTableCount;

GArray       *patella_store_count_record       (PatellaStore  *self,
                                                GError       **error);

GPtrArray    *patella_store_list_exercises     (PatellaStore  *self,
                                                gboolean       include_archived,
                                                GError       **error);
gboolean      patella_store_add_exercise       (PatellaStore           *self,
                                                const PatellaExercise  *exercise,
                                                GError                **error);

/* Entries of every kind; each write is one transaction. */
gint64        patella_store_add_entry          (PatellaStore        *self,
                                                const PatellaEntry  *entry,
                                                GError             **error);
gboolean      patella_store_update_entry       (PatellaStore        *self,
                                                const PatellaEntry  *entry,
                                                GError             **error);
gboolean      patella_store_remove_entry       (PatellaStore        *self,
                                                const PatellaEntry  *entry,
                                                GError             **error);
gboolean      patella_store_restore_entry      (PatellaStore        *self,
                                                const PatellaEntry  *entry,
                                                GError             **error);
PatellaEntry *patella_store_get_entry          (PatellaStore        *self,
                                                PatellaEntryKind     kind,
                                                gint64               id,
                                                GError             **error);
GPtrArray    *patella_store_list_entries       (PatellaStore        *self,
                                                const char          *day,
                                                guint                kinds,
                                                GError             **error);
GPtrArray    *patella_store_list_days          (PatellaStore        *self,
                                                guint                kinds,
                                                GError             **error);
GPtrArray    *patella_store_list_days_page     (PatellaStore        *self,
                                                guint                kinds,
                                                const char          *from,
                                                const char          *before,
                                                guint                limit,
                                                GError             **error);

typedef void (*PatellaStoreEntryFunc) (const PatellaEntry *entry,
                                       gpointer            user_data);

gboolean      patella_store_foreach_entry      (PatellaStore          *self,
                                                const char            *first,
                                                const char            *last,
                                                guint                  kinds,
                                                PatellaStoreEntryFunc  func,
                                                gpointer               user_data,
                                                GError               **error);
gboolean      patella_store_is_own_file        (PatellaStore  *self,
                                                const char    *path);
gboolean      patella_store_backup             (PatellaStore  *self,
                                                const char    *path,
                                                GError       **error);
typedef gboolean (*PatellaImportPlan) (PatellaStore  *store,
                                       GPtrArray     *exercises,
                                       GPtrArray     *entries,
                                       gpointer       user_data,
                                       GError       **error);

gboolean      patella_store_import             (PatellaStore       *self,
                                                PatellaImportPlan   plan,
                                                gpointer            user_data,
                                                GError            **error);

/* Each write is one transaction. @instant may be NULL for "now"; @note may
 * be NULL for none. The row id is returned, or 0 with @error set. */
gint64        patella_store_log_exercise       (PatellaStore  *self,
                                                const char    *day,
                                                GDateTime     *instant,
                                                const char    *exercise_id,
                                                int            sets,
                                                int            reps,
                                                const char    *note,
                                                GError       **error);
gint64        patella_store_log_pain           (PatellaStore       *self,
                                                const char         *day,
                                                GDateTime          *instant,
                                                int                 score,
                                                PatellaPainContext  context,
                                                const char         *note,
                                                GError            **error);
/* @pain is -1 when the runner gave none. */
gint64        patella_store_log_run            (PatellaStore  *self,
                                                const char    *day,
                                                GDateTime     *instant,
                                                double         minutes,
                                                double         distance_km,
                                                int            rpe,
                                                int            pain,
                                                const char    *note,
                                                GError       **error);
gboolean      patella_store_set_rest_day       (PatellaStore       *self,
                                                const char         *day,
                                                PatellaRestDayKind  kind,
                                                const char         *note,
                                                GError            **error);
gboolean      patella_store_clear_rest_day     (PatellaStore       *self,
                                                const char         *day,
                                                GError            **error);
gboolean      patella_store_get_rest_day       (PatellaStore        *self,
                                                const char          *day,
                                                gboolean            *found,
                                                PatellaRestDayKind  *kind,
                                                char               **note,
                                                GError             **error);
gboolean      patella_store_delete_entry       (PatellaStore       *self,
                                                PatellaTable        table,
                                                gint64              id,
                                                GError            **error);

/* The routine's history. Every change to an exercise takes effect on the
 * store's today (patella_store_set_today(), or else the local date at the
 * write) and leaves earlier days as they were. */
void          patella_store_set_today          (PatellaStore  *self,
                                                const char    *day);
/* The routine as it was on @day: the exercises it held then, switched on
 * or off, with that day's dose, targets and order (names and how-to text as
 * they are now), ordered as on that day. */
GPtrArray    *patella_store_list_routine       (PatellaStore  *self,
                                                const char    *day,
                                                GError       **error);
/* The days in (@first, @last] on which the routine changed, oldest first. */
GPtrArray    *patella_store_list_routine_changes (PatellaStore  *self,
                                                  const char    *first,
                                                  const char    *last,
                                                  GError       **error);

gboolean      patella_store_update_exercise    (PatellaStore           *self,
                                                const PatellaExercise  *exercise,
                                                GError                **error);
gboolean      patella_store_reset_exercise     (PatellaStore  *self,
                                                const char    *id,
                                                GError       **error);
gboolean      patella_store_set_exercise_archived (PatellaStore  *self,
                                                   const char    *id,
                                                   gboolean       archived,
                                                   GError       **error);
gboolean      patella_store_move_exercise      (PatellaStore  *self,
                                                const char    *id,
                                                guint          index,
                                                GError       **error);

typedef void (*PatellaStoreSetsFunc) (const char *day,
                                      const char *exercise_id,
                                      int         sets,
                                      gpointer    user_data);

gboolean      patella_store_foreach_sets       (PatellaStore         *self,
                                                const char           *first,
                                                const char           *last,
                                                PatellaStoreSetsFunc  func,
                                                gpointer              user_data,
                                                GError              **error);
GPtrArray    *patella_store_list_rest_days     (PatellaStore  *self,
                                                const char    *first,
                                                const char    *last,
                                                GError       **error);
gboolean      patella_store_get_first_day      (PatellaStore  *self,
                                                char         **day,
                                                GError       **error);

/* For the warnings: see patella-series.h. */
typedef struct _PatellaSeries PatellaSeries;

PatellaSeries *patella_store_load_series       (PatellaStore  *self,
                                                const char    *first,
                                                const char    *last,
                                                GError       **error);
gboolean      patella_store_get_first_run_day  (PatellaStore  *self,
                                                char         **day,
                                                GError       **error);
gboolean      patella_store_get_logged_range   (PatellaStore  *self,
                                                char         **first,
                                                char         **last,
                                                GError       **error);

gboolean      patella_store_dismiss_warning    (PatellaStore  *self,
                                                const char    *day,
                                                const char    *code,
                                                GError       **error);
gboolean      patella_store_restore_warning    (PatellaStore  *self,
                                                const char    *day,
                                                const char    *code,
                                                GError       **error);
GPtrArray    *patella_store_list_dismissed     (PatellaStore  *self,
                                                const char    *day,
                                                GError       **error);

G_END_DECLS
