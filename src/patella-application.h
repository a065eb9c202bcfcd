/* patella-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/patella-store.h"
#include "patella-notifier.h"
#include "patella-session.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_APPLICATION (patella_application_get_type ())

G_DECLARE_FINAL_TYPE (PatellaApplication, patella_application, PATELLA, APPLICATION, AdwApplication)

PatellaApplication *patella_application_new          (const char         *database,
                                                      GApplicationFlags   flags);
const char         *patella_application_get_database (PatellaApplication *self);
GSettings          *patella_application_get_settings (PatellaApplication *self);
/* NULL without settings. */
PatellaNotifier    *patella_application_get_notifier (PatellaApplication *self);
PatellaSession     *patella_application_get_session  (PatellaApplication *self);
/* The record the window shows, or else the database opened afresh. */
PatellaStore       *patella_application_dup_store    (PatellaApplication  *self,
                                                      GError             **error);

G_END_DECLS
