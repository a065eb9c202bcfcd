/* patella-notifier.c: the reminders as notifications, owned by the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clock is checked at each due time and once a minute besides: a
 * timeout stops while the computer sleeps, and the clock may be changed.
 * Each check covers (last check, now], so nothing is sent twice or lost;
 * what fell due long before the check (Patella closed, the computer
 * asleep) goes into one summary instead of a burst of old reminders.
 *
 * The last check is stored only when something fell due (and at the
 * start), not every minute: between due times there is nothing to miss.
 */
#define G_LOG_DOMAIN "patella-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-reminders.h"
#include "patella-login-start.h"
#include "patella-notifier.h"

#define CHECK_INTERVAL_SECONDS 60
#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"

struct _PatellaNotifier
{
  GObject          parent_instance;

  /* borrowed */
  GApplication    *application;

  /* owned */
  PatellaSession  *session;   /* the record, to see what is done already */
  GSettings       *settings;
  PatellaSchedule *schedule;
  GPtrArray       *sent;      /* PatellaNotice */
  GPtrArray       *pending;   /* PatellaNotice, until the server is known */
  guint            tick_id;
  guint            due_id;
  guint            watch_id;
  int              server;    /* -1 unknown, 0 none, 1 there */
  gboolean         started;
};

G_DEFINE_FINAL_TYPE (PatellaNotifier, patella_notifier, G_TYPE_OBJECT)

void
patella_notice_free (PatellaNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->id);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice->default_action);
  g_strfreev (notice->button_labels);
  g_strfreev (notice->button_actions);
  g_free (notice);
}

GNotification *
patella_notice_to_notification (const PatellaNotice *notice)
{
  GNotification *notification = g_notification_new (notice->title);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  g_notification_set_body (notification, notice->body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  /* GNOME Shell finds the icon through the desktop file; other servers
   * need it named. */
  g_notification_set_icon (notification, icon);
  if (notice->default_action != NULL)
    g_notification_set_default_action (notification, notice->default_action);
  for (guint i = 0; notice->button_labels != NULL && notice->button_labels[i] != NULL; i++)
    g_notification_add_button (notification, notice->button_labels[i], notice->button_actions[i]);
  return notification;
}

/* @...: pairs of button label and detailed action, then NULL. */
static PatellaNotice *
notice_new (const char *id,
            const char *title,
            const char *body,
            ...)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) actions = g_strv_builder_new ();
  PatellaNotice *notice = g_new0 (PatellaNotice, 1);
  const char *label;
  va_list args;

  notice->id = g_strdup (id);
  notice->title = g_strdup (title);
  notice->body = g_strdup (body);
  notice->default_action = g_strdup ("app.open");

  va_start (args, body);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      g_strv_builder_add (labels, label);
      g_strv_builder_add (actions, va_arg (args, const char *));
    }
  va_end (args);

  notice->button_labels = g_strv_builder_end (labels);
  notice->button_actions = g_strv_builder_end (actions);
  return notice;
}

static void
deliver (PatellaNotifier *self,
         PatellaNotice    *notice)
{
  g_autoptr(GNotification) notification = patella_notice_to_notification (notice);

  /* A new notice of a kind replaces the one before it. */
  g_application_send_notification (self->application, notice->id, notification);
  notice->delivered = TRUE;
}

static void
send_notice (PatellaNotifier *self,
             PatellaNotice    *notice)
{
  /* The last few, for tests and debugging; a background instance runs
   * for months. */
  if (self->sent->len >= 64)
    g_ptr_array_remove_index (self->sent, 0);
  g_ptr_array_add (self->sent, notice);

  /* GLib warns when nobody takes notifications; without a server
   * (a bare session, a test) a notice goes nowhere, quietly. */
  if (self->server == 1)
    deliver (self, notice);
  else if (self->server == -1)
    g_ptr_array_add (self->pending, notice);
  else
    g_debug ("No notification server: “%s” not shown", notice->title);
}

static PatellaNotice *
reminder_notice (const PatellaReminder *reminder)
{
  if (reminder->kind == PATELLA_REMINDER_QUAD)
    return notice_new ("quad-setting",
                       _("Time for Quadriceps Setting"),
                       _("Tighten the front of the thigh and hold, then relax: one set, "
                         "three times a day, keeps the knee’s strength coming back."),
                       _("Log Set"), "app.log-set('quad-setting')",
                       _("Open"), "app.open",
                       NULL);

  return notice_new ("routine",
                     _("Time for the Day’s Routine"),
                     _("Today’s rehab exercises are waiting in Patella."),
                     _("Open"), "app.open",
                     NULL);
}

/* Done */

/* What the record says is done, read once per check and only when
 * something fell due. */
typedef struct
{
  PatellaNotifier        *self;
  char                    *first;
  char                    *last;
  PatellaReminderProgress *progress;
  gboolean                 loaded;
} DoneData;

static gboolean
is_done (PatellaReminderKind  kind,
         const char          *day,
         gpointer             user_data)
{
  DoneData *data = user_data;

  if (!data->loaded)
    {
      g_autoptr(PatellaStore) store = NULL;
      g_autoptr(GError) error = NULL;

      data->loaded = TRUE;
      store = patella_session_dup_store (data->self->session, &error);
      if (store != NULL)
        data->progress = patella_reminder_progress_new (store, data->first, data->last, &error);
      if (data->progress == NULL)
        g_debug ("Reminders sent without looking at the record: %s", error ? error->message : "no record");
    }

  return data->progress != NULL && patella_reminder_progress_is_done (kind, day, data->progress);
}

/* Checks */

static void schedule_due_timeout (PatellaNotifier *self);

static gboolean
enabled (PatellaNotifier *self)
{
  return g_settings_get_boolean (self->settings, "reminders-enabled");
}

GPtrArray *
patella_notifier_check_now (PatellaNotifier *self,
                             GDateTime        *now)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(PatellaReminderCheck) check = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) oldest = NULL;
  g_autofree char *from_day = NULL;
  DoneData done = { self, NULL, NULL, NULL, FALSE };
  gint64 last;

  g_return_val_if_fail (PATELLA_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  notices = g_ptr_array_new ();
  if (!enabled (self))
    return g_steal_pointer (&notices);

  last = g_settings_get_int64 (self->settings, "last-reminder-check");

  /* The local days the check may ask about (the schedule's zone is the
   * local one): from the day before the last check, a year back at most,
   * to today. */
  oldest = g_date_time_add_days (now, -(PATELLA_REMINDER_MAX_LOOKBACK_DAYS + 1));
  from = g_date_time_new_from_unix_utc (CLAMP (last, g_date_time_to_unix (oldest), g_date_time_to_unix (now)));
  from_day = patella_day_from_datetime (from);
  done.first = patella_day_add (from_day, -1);
  done.last = patella_day_from_datetime (now);

  check = patella_schedule_check (self->schedule, last, now, is_done, &done);
  g_clear_pointer (&done.progress, patella_reminder_progress_free);
  g_free (done.first);
  g_free (done.last);

  if (check->first || check->clock_back || check->any_due)
    g_settings_set_int64 (self->settings, "last-reminder-check", g_date_time_to_unix (now));

  for (guint i = 0; i < check->send->len; i++)
    g_ptr_array_add (notices, reminder_notice (g_ptr_array_index (check->send, i)));

  if (check->n_missed > 0)
    {
      g_autofree char *summary = patella_reminder_check_describe_missed (check);

      g_ptr_array_add (notices, notice_new ("missed",
                                            ngettext ("Missed Reminder", "Missed Reminders", check->n_missed),
                                            summary,
                                            _("Open"), "app.open",
                                            NULL));
    }

  for (guint i = 0; i < notices->len; i++)
    send_notice (self, g_ptr_array_index (notices, i));

  return g_steal_pointer (&notices);
}

static void
check_clock (PatellaNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (patella_schedule_get_zone (self->schedule));
  g_autoptr(GPtrArray) notices = patella_notifier_check_now (self, now);
}

static gboolean
tick (gpointer data)
{
  PatellaNotifier *self = data;

  check_clock (self);
  /* After a sleep the due timeout is late; aim it again. */
  schedule_due_timeout (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
due_reached (gpointer data)
{
  PatellaNotifier *self = data;

  self->due_id = 0;
  check_clock (self);
  schedule_due_timeout (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_due_timeout (PatellaNotifier *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;
  GTimeSpan wait;

  g_clear_handle_id (&self->due_id, g_source_remove);
  if (!self->started || !enabled (self))
    return;

  now = g_date_time_new_now (patella_schedule_get_zone (self->schedule));
  next = patella_schedule_next (self->schedule, now);
  if (next == NULL)
    return;

  /* Just after the due instant, so that the check includes it; the
   * minute's tick covers the rest. */
  wait = g_date_time_difference (next, now) / 1000 + 50;
  if (wait > G_MAXUINT)
    return;
  self->due_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) wait, due_reached, self, NULL);
}

static void
update_timers (PatellaNotifier *self)
{
  if (self->started && enabled (self))
    {
      if (self->tick_id == 0)
        self->tick_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, tick, self);
    }
  else
    g_clear_handle_id (&self->tick_id, g_source_remove);

  schedule_due_timeout (self);
}

static void
load_schedule (PatellaNotifier *self)
{
  g_auto(GStrv) quad = g_settings_get_strv (self->settings, "quad-reminder-times");
  g_autofree char *routine = g_settings_get_string (self->settings, "routine-reminder-time");
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->schedule, patella_schedule_free);
  self->schedule = patella_schedule_new (NULL);

  for (guint i = 0; quad[i] != NULL; i++)
    if (!patella_schedule_add (self->schedule, PATELLA_REMINDER_QUAD, quad[i], &error))
      {
        g_debug ("Quadriceps setting reminder left out: %s", error->message);
        g_clear_error (&error);
      }
  if (!patella_schedule_add (self->schedule, PATELLA_REMINDER_ROUTINE, routine, &error))
    g_debug ("Routine reminder left out: %s", error->message);
}

static void
times_changed (PatellaNotifier *self)
{
  load_schedule (self);
  /* New times count from now: a time moved to earlier today was not
   * "missed", and one passed on the way while a time is being set does
   * not fire. */
  if (self->started && enabled (self))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_settings_set_int64 (self->settings, "last-reminder-check", g_date_time_to_unix (now));
    }
  schedule_due_timeout (self);
}

static void
enabled_changed (PatellaNotifier *self)
{
  /* Switched back on: the time it was off is not "missed". */
  if (enabled (self))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_settings_set_int64 (self->settings, "last-reminder-check", g_date_time_to_unix (now));
    }
  update_timers (self);
}

/* The notification server */

static void
set_server (PatellaNotifier *self,
            int               server)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (self->server == server)
    return;
  self->server = server;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new ();
  for (guint i = 0; i < pending->len; i++)
    {
      PatellaNotice *notice = g_ptr_array_index (pending, i);

      if (server == 1)
        deliver (self, notice);
      else
        g_debug ("No notification server: “%s” not shown", notice->title);
    }
}

static void
server_appeared (GDBusConnection *connection,
                 const char      *name,
                 const char      *owner,
                 gpointer         user_data)
{
  set_server (user_data, 1);
}

static void
server_vanished (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  set_server (user_data, 0);
}

static void
watch_server (PatellaNotifier *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);

  /* Inside Flatpak the portal takes notifications. */
  if (patella_login_start_is_sandboxed ())
    set_server (self, 1);
  else if (connection == NULL)
    set_server (self, 0);
  else
    /* Auto-start, as sending would: a server may be started on demand. */
    self->watch_id = g_bus_watch_name_on_connection (connection, NOTIFICATIONS_NAME,
                                                     G_BUS_NAME_WATCHER_FLAGS_AUTO_START,
                                                     server_appeared, server_vanished,
                                                     self, NULL);
}

/* Public */

PatellaNotifier *
patella_notifier_new (GApplication   *application,
                       PatellaSession *session)
{
  PatellaNotifier *self;
  GSettings *settings;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PATELLA_IS_SESSION (session), NULL);
  settings = patella_session_get_settings (session);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PATELLA_TYPE_NOTIFIER, NULL);
  self->application = application;
  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  load_schedule (self);

  g_signal_connect_object (settings, "changed::quad-reminder-times", G_CALLBACK (times_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::routine-reminder-time", G_CALLBACK (times_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminders-enabled", G_CALLBACK (enabled_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
patella_notifier_start (PatellaNotifier *self)
{
  g_return_if_fail (PATELLA_IS_NOTIFIER (self));

  if (self->started)
    return;
  self->started = TRUE;

  watch_server (self);

  if (enabled (self))
    check_clock (self);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_settings_set_int64 (self->settings, "last-reminder-check", g_date_time_to_unix (now));
    }

  update_timers (self);
}

void
patella_notifier_send_problem (PatellaNotifier *self,
                                const char       *title,
                                const char       *message)
{
  g_return_if_fail (PATELLA_IS_NOTIFIER (self));

  send_notice (self, notice_new ("problem", title, message, NULL));
}

GPtrArray *
patella_notifier_get_sent (PatellaNotifier *self)
{
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (self), NULL);
  return self->sent;
}

int
patella_notifier_get_server (PatellaNotifier *self)
{
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (self), -1);
  return self->server;
}

static void
patella_notifier_dispose (GObject *object)
{
  PatellaNotifier *self = PATELLA_NOTIFIER (object);

  self->started = FALSE;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->due_id, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (patella_notifier_parent_class)->dispose (object);
}

static void
patella_notifier_finalize (GObject *object)
{
  PatellaNotifier *self = PATELLA_NOTIFIER (object);

  g_clear_pointer (&self->schedule, patella_schedule_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->sent, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_notifier_parent_class)->finalize (object);
}

static void
patella_notifier_class_init (PatellaNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_notifier_dispose;
  object_class->finalize = patella_notifier_finalize;
}

static void
patella_notifier_init (PatellaNotifier *self)
{
  self->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_notice_free);
  self->pending = g_ptr_array_new ();
  self->server = -1;
}
