/* patella-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-session"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-session.h"

/* The one owner of the runner's record while Patella runs: made by the
 * application, handed to the window, which hands it to its pages. Widgets
 * come and go; the store, the settings, the check of the file, whether the
 * file was refused and what Undo puts back stay here. */
struct _PatellaSession
{
  GObject       parent_instance;

  /* owned */
  char         *database;
  GSettings    *settings;
  PatellaStore *store;
  char         *refusal;
  GCancellable *check;   /* the background check of the file */
  guint         check_source;
  GPtrArray    *undo;    /* UndoRecord, indexed by the toasts' targets */
};

G_DEFINE_FINAL_TYPE (PatellaSession, patella_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_REFUSAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UNDO_OFFERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PatellaUndoFunc func;
  gpointer        data;
  GDestroyNotify  destroy;
} UndoRecord;

static void
undo_record_free (UndoRecord *record)
{
  if (record == NULL)
    return;
  if (record->destroy != NULL)
    record->destroy (record->data);
  g_free (record);
}

PatellaSession *
patella_session_new (const char *database,
                     GSettings  *settings)
{
  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (PATELLA_TYPE_SESSION,
                       "database", database,
                       "settings", settings,
                       NULL);
}

const char *
patella_session_get_database (PatellaSession *self)
{
  g_return_val_if_fail (PATELLA_IS_SESSION (self), NULL);
  return self->database;
}

GSettings *
patella_session_get_settings (PatellaSession *self)
{
  g_return_val_if_fail (PATELLA_IS_SESSION (self), NULL);
  return self->settings;
}

PatellaStore *
patella_session_get_store (PatellaSession *self)
{
  g_return_val_if_fail (PATELLA_IS_SESSION (self), NULL);
  return self->store;
}

const char *
patella_session_get_refusal (PatellaSession *self)
{
  g_return_val_if_fail (PATELLA_IS_SESSION (self), NULL);
  return self->refusal;
}

static void
stop_check (PatellaSession *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->check);
  g_clear_object (&self->check);
}

/**
 * patella_session_refuse:
 *
 * The file cannot be used: nothing is written into it from now on, and
 * the window says why. The file itself is left as it was.
 */
void
patella_session_refuse (PatellaSession *self,
                        const char     *message)
{
  g_return_if_fail (PATELLA_IS_SESSION (self));
  g_return_if_fail (message != NULL);

  stop_check (self);
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  if (self->store != NULL)
    {
      g_clear_object (&self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSAL]);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  PatellaSession *self;

  if (patella_store_check_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The session is alive: it cancels the check when it goes. */
  self = PATELLA_SESSION (user_data);
  if (self->store != NULL)
    patella_session_refuse (self, error->message);
}

static gboolean
start_check (gpointer user_data)
{
  PatellaSession *self = user_data;

  self->check_source = 0;
  if (self->store != NULL)
    patella_store_check_async (self->store, self->check, check_done, self);
  return G_SOURCE_REMOVE;
}

/**
 * patella_session_open:
 *
 * Opens the record for the window. Every row is checked in the background
 * once the main loop is idle, so that a long record does not slow the
 * start; a damaged file is then refused as if on opening.
 *
 * Returns: whether there is a store; otherwise the refusal says why
 */
gboolean
patella_session_open (PatellaSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PATELLA_IS_SESSION (self), FALSE);

  if (self->store != NULL)
    return TRUE;

  self->store = patella_store_open_full (self->database, PATELLA_STORE_OPEN_DEFER_CHECK, &error);
  if (self->store == NULL)
    {
      patella_session_refuse (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->refusal, g_free);

  /* An import from the command line shows up as it lands; a write waits
   * for one without freezing the window. */
  patella_store_watch_outside_changes (self->store);
  patella_store_wait_in_main_loop (self->store);

  self->check = g_cancellable_new ();
  self->check_source = g_idle_add_full (G_PRIORITY_LOW, start_check, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  return TRUE;
}

/* The window is gone: what it showed is forgotten, the file is let go,
 * and the next window opens it afresh. */
void
patella_session_close (PatellaSession *self)
{
  g_return_if_fail (PATELLA_IS_SESSION (self));

  stop_check (self);
  g_ptr_array_set_size (self->undo, 0);
  g_clear_pointer (&self->refusal, g_free);
  if (self->store != NULL)
    {
      g_clear_object (&self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

/**
 * patella_session_dup_store:
 *
 * The record the window shows, or else the database opened afresh and
 * checked in full before anything is written into it, as the command line
 * does; an error when the window refused the file.
 */
PatellaStore *
patella_session_dup_store (PatellaSession  *self,
                           GError         **error)
{
  g_return_val_if_fail (PATELLA_IS_SESSION (self), NULL);

  if (self->store != NULL)
    return g_object_ref (self->store);

  if (self->refusal != NULL)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FAILED,
                   _("Nothing was logged: the window says what is wrong with your log."));
      return NULL;
    }

  return patella_store_open (self->database, error);
}

/**
 * patella_session_offer_undo:
 * @func: puts back what was done, through the session's store
 * @data: (transfer full): for @func, freed with @destroy
 *
 * Keeps what Undo puts back and announces it with #PatellaSession::undo-offered,
 * whose index patella_session_undo() takes. Every Undo of the window goes
 * through here: logged sets, entries, warnings put away.
 *
 * Returns: the index of the record
 */
guint
patella_session_offer_undo (PatellaSession  *self,
                            const char      *title,
                            PatellaUndoFunc  func,
                            gpointer         data,
                            GDestroyNotify   destroy)
{
  UndoRecord *record;
  guint index;

  g_return_val_if_fail (PATELLA_IS_SESSION (self), 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  record = g_new0 (UndoRecord, 1);
  record->func = func;
  record->data = data;
  record->destroy = destroy;
  index = self->undo->len;
  g_ptr_array_add (self->undo, record);
  g_signal_emit (self, signals[UNDO_OFFERED], 0, title, index);
  return index;
}

/**
 * patella_session_undo:
 *
 * Puts back what record @index changed, once; a record already undone or
 * unknown is left alone.
 *
 * Returns: FALSE with @error set when the record could not be changed
 */
gboolean
patella_session_undo (PatellaSession  *self,
                      guint            index,
                      GError         **error)
{
  UndoRecord *record;
  gboolean ok;

  g_return_val_if_fail (PATELLA_IS_SESSION (self), FALSE);

  if (self->store == NULL || index >= self->undo->len || g_ptr_array_index (self->undo, index) == NULL)
    return TRUE;

  /* Each record is undone once; the freed one leaves a NULL behind, so
   * that later indices stay valid. */
  record = g_ptr_array_index (self->undo, index);
  g_ptr_array_index (self->undo, index) = NULL;
  ok = record->func (self->store, record->data, error);
  undo_record_free (record);
  return ok;
}

/* An entry as it was before (NULL when it was new) and as it was after
 * (NULL when it was deleted). */
typedef struct
{
  PatellaEntry *before;
  PatellaEntry *after;
} EntryChange;

static void
entry_change_free (EntryChange *change)
{
  patella_entry_free (change->before);
  patella_entry_free (change->after);
  g_free (change);
}

static gboolean
undo_entry_change (PatellaStore  *store,
                   gpointer       data,
                   GError       **error)
{
  EntryChange *change = data;

  if (change->before == NULL)
    return patella_store_remove_entry (store, change->after, error);
  if (change->after == NULL)
    return patella_store_restore_entry (store, change->before, error);
  return patella_store_update_entry (store, change->before, error);
}

/**
 * patella_session_offer_entry_undo:
 * @before: (nullable): the entry as it was, or NULL when it is new
 * @after: (nullable): the entry as it is now, or NULL when it was deleted
 *
 * Offers to put a pain or run entry back as it was.
 */
guint
patella_session_offer_entry_undo (PatellaSession     *self,
                                  const char         *title,
                                  const PatellaEntry *before,
                                  const PatellaEntry *after)
{
  EntryChange *change;

  g_return_val_if_fail (before != NULL || after != NULL, 0);

  change = g_new0 (EntryChange, 1);
  change->before = before ? patella_entry_copy (before) : NULL;
  change->after = after ? patella_entry_copy (after) : NULL;
  return patella_session_offer_undo (self, title, undo_entry_change, change,
                                     (GDestroyNotify) entry_change_free);
}

static void
patella_session_dispose (GObject *object)
{
  PatellaSession *self = (PatellaSession *) object;

  stop_check (self);
  g_clear_object (&self->store);
  if (self->undo != NULL)
    g_ptr_array_set_size (self->undo, 0);

  G_OBJECT_CLASS (patella_session_parent_class)->dispose (object);
}

static void
patella_session_finalize (GObject *object)
{
  PatellaSession *self = (PatellaSession *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_session_parent_class)->finalize (object);
}

static void
patella_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PatellaSession *self = PATELLA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REFUSAL:
      g_value_set_string (value, self->refusal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PatellaSession *self = PATELLA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_string (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_session_class_init (PatellaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_session_dispose;
  object_class->finalize = patella_session_finalize;
  object_class->get_property = patella_session_get_property;
  object_class->set_property = patella_session_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PATELLA_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUSAL] =
    g_param_spec_string ("refusal", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PatellaSession::undo-offered:
   * @title: what was done, plain text
   * @index: for patella_session_undo()
   */
  signals[UNDO_OFFERED] =
    g_signal_new ("undo-offered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
patella_session_init (PatellaSession *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_record_free);
}
