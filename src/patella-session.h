/* patella-session.h: the runner's record while Patella runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_SESSION (patella_session_get_type ())

G_DECLARE_FINAL_TYPE (PatellaSession, patella_session, PATELLA, SESSION, GObject)

/* Puts back what an action changed; the one way Undo works. */
typedef gboolean (*PatellaUndoFunc) (PatellaStore  *store,
                                     gpointer       data,
                                     GError       **error);

PatellaSession *patella_session_new          (const char      *database,
                                              GSettings       *settings);
const char     *patella_session_get_database (PatellaSession  *self);
/* NULL without the schema: the defaults apply. */
GSettings      *patella_session_get_settings (PatellaSession  *self);
/* NULL until opened, and once the file was refused. */
PatellaStore   *patella_session_get_store    (PatellaSession  *self);
/* Why the file was refused, or NULL. */
const char     *patella_session_get_refusal  (PatellaSession  *self);

gboolean        patella_session_open         (PatellaSession  *self);
void            patella_session_refuse       (PatellaSession  *self,
                                              const char      *message);
void            patella_session_close        (PatellaSession  *self);
PatellaStore   *patella_session_dup_store    (PatellaSession  *self,
                                              GError         **error);

guint           patella_session_offer_undo   (PatellaSession  *self,
                                              const char      *title,
                                              PatellaUndoFunc  func,
                                              gpointer         data,
                                              GDestroyNotify   destroy);
gboolean        patella_session_undo         (PatellaSession  *self,
                                              guint            index,
                                              GError         **error);
guint           patella_session_offer_entry_undo (PatellaSession     *self,
                                                  const char         *title,
                                                  const PatellaEntry *before,
                                                  const PatellaEntry *after);

G_END_DECLS
