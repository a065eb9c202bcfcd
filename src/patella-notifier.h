/* patella-notifier.h: the reminders as notifications, owned by the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "patella-session.h"

G_BEGIN_DECLS

/* One notification as Patella sends it. GNotification keeps its parts
 * private, so this is what tests look at. */
typedef struct
{
  char      *id;              /* "quad-setting", "routine", "missed", "problem" */
  char      *title;
  char      *body;
  char      *default_action;  /* detailed, such as "app.open" */
  GStrv      button_labels;
  GStrv      button_actions;  /* detailed, such as "app.log-set('quad-setting')" */
  gboolean   delivered;       /* handed to a notification server */
} PatellaNotice;

void           patella_notice_free        (PatellaNotice *notice);
GNotification *patella_notice_to_notification (const PatellaNotice *notice);

#define PATELLA_TYPE_NOTIFIER (patella_notifier_get_type ())

G_DECLARE_FINAL_TYPE (PatellaNotifier, patella_notifier, PATELLA, NOTIFIER, GObject)

/* @application is borrowed: it owns the reminders and outlives them. */
PatellaNotifier *patella_notifier_new       (GApplication     *application,
                                               PatellaSession   *session);

/* The first check (what was missed while Patella was not running), then
 * a check at each due time and every minute, and the watch for a
 * notification server. */
void              patella_notifier_start     (PatellaNotifier *self);

/* Looks at the clock as if it showed @now, sends what is due, and returns
 * the notices sent (of PatellaNotice). */
GPtrArray        *patella_notifier_check_now (PatellaNotifier *self,
                                               GDateTime        *now);

/* Something the runner must hear of while no window is open. */
void              patella_notifier_send_problem (PatellaNotifier *self,
                                                  const char       *title,
                                                  const char       *message);

/* Every notice sent since the start, oldest first. */
GPtrArray        *patella_notifier_get_sent  (PatellaNotifier *self);

/* Whether a notification server is there: -1 not known yet, 0 or 1. */
int               patella_notifier_get_server (PatellaNotifier *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaNotice, patella_notice_free)

G_END_DECLS
