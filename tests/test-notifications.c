/* test-notifications.c: reminders, their actions and the background mode, in the real app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under dbus-run-session, where no notification server answers unless
 * a test provides one: /notifications/server plays one on the session bus.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "core/patella-autostart.h"
#include "core/patella-day.h"
#include "core/patella-settings.h"
#include "patella-application.h"
#include "patella-notifier.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-window.h"

typedef PatellaTestFiles Fixture;

static GSettings *
reset_settings (void)
{
  GSettings *settings = patella_settings_new ();

  g_assert_nonnull (settings);
  g_settings_reset (settings, "reminders-enabled");
  g_settings_reset (settings, "quad-reminder-times");
  g_settings_reset (settings, "routine-reminder-time");
  g_settings_reset (settings, "run-in-background");
  g_settings_reset (settings, "last-reminder-check");
  return settings;
}

static gint64
count_sets (PatellaApplication *app)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  store = patella_application_dup_store (app, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_EXERCISE_LOG, &n, &error));
  g_assert_no_error (error);
  return n;
}

static int
quad_sets_today (PatellaApplication *app)
{
  g_autoptr(PatellaStore) store = patella_application_dup_store (app, NULL);
  g_autoptr(PatellaDayPlan) plan = patella_day_plan_new (store, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_day_plan_reload (plan, &error));
  g_assert_no_error (error);
  return patella_routine_item_get_done_sets (patella_day_plan_find (plan, "quad-setting"));
}

/* Activates a detailed action, such as a notification button carries. */
static void
activate_detailed (PatellaApplication *app,
                   const char         *detailed)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_action_parse_detailed_name (detailed, &name, &target, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (name, "app."));
  g_action_group_activate_action (G_ACTION_GROUP (app), name + strlen ("app."), target);
}

/* Today at @hour:@minute:@second, local time. */
static GDateTime *
today_at (int hour,
          int minute,
          int second,
          int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, second);
}

/* app.log-set: with the window on Today, on another day, and with no window. */
static void
log_set (PatellaApplication *app,
         PatellaWindow      *window,
         gpointer            data)
{
  Fixture *fixture = data;
  PatellaTodayPage *page = patella_window_get_today_page (window);
  PatellaDayPlan *plan = patella_today_page_get_plan (page);
  g_autofree char *today = patella_day_today ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "log-set"));
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "log-set"),
                                       G_VARIANT_TYPE_STRING));
  g_assert_cmpint (count_sets (app), ==, 0);

  /* As the notification's button does: one set, today, with Undo. */
  activate_detailed (app, "app.log-set('quad-setting')");
  g_assert_cmpint (count_sets (app), ==, 1);
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "quad-setting")), ==, 1);
  g_assert_nonnull (patella_window_get_undo_toast (window));

  /* The page shows yesterday: the set still goes to today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous-day", NULL));
  g_assert_cmpstr (patella_day_plan_get_day (plan), !=, today);
  activate_detailed (app, "app.log-set('quad-setting')");
  g_assert_cmpint (count_sets (app), ==, 2);
  g_assert_cmpint (quad_sets_today (app), ==, 2);
  g_assert_cmpint (patella_routine_item_get_done_sets (patella_day_plan_find (plan, "quad-setting")), ==, 0);

  /* No such exercise: a message, nothing logged. */
  activate_detailed (app, "app.log-set('no-such-exercise')");
  g_assert_cmpint (count_sets (app), ==, 2);

  /* No window: the record is opened for the one set. */
  patella_test_close_window (GTK_WINDOW (window));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  activate_detailed (app, "app.log-set('quad-setting')");
  {
    g_autoptr(PatellaStore) store = patella_store_open (fixture->path, NULL);
    gint64 n = -1;

    g_assert_true (patella_store_count (store, PATELLA_TABLE_EXERCISE_LOG, &n, NULL));
    g_assert_cmpint (n, ==, 3);
  }
  g_assert_cmpint (quad_sets_today (app), ==, 3);
}

static void
test_log_set (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = reset_settings ();

  patella_test_run_app (fixture->path, log_set, fixture);
}

/* app.open: the window, on Today; a new one when none is open. */
static void
open_window (PatellaApplication *app,
      PatellaWindow      *window,
      gpointer            data)
{
  PatellaWindow *second;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "progress"));
  g_assert_cmpstr (patella_window_get_page (window), ==, "progress");
  activate_detailed (app, "app.open");
  g_assert_cmpstr (patella_window_get_page (window), ==, "today");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
  activate_detailed (app, "app.open");
  second = PATELLA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (PATELLA_IS_WINDOW (second));
  g_assert_cmpstr (patella_window_get_page (second), ==, "today");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (second)));
  patella_test_close_window (GTK_WINDOW (second));
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = reset_settings ();

  patella_test_run_app (fixture->path, open_window, NULL);
}

static const PatellaNotice *
single_notice (GPtrArray  *notices,
               const char *id)
{
  const PatellaNotice *notice;

  g_assert_cmpuint (notices->len, ==, 1);
  notice = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (notice->id, ==, id);
  g_assert_cmpstr (notice->default_action, ==, "app.open");
  return notice;
}

static void
assert_buttons (const PatellaNotice *notice,
                const char * const  *labels,
                const char * const  *actions)
{
  g_assert_cmpstrv (notice->button_labels, labels);
  g_assert_cmpstrv (notice->button_actions, actions);
}

/* What each check sends, with the clock as the test sets it. */
static void
checks (PatellaApplication *app,
        PatellaWindow      *window,
        gpointer            data)
{
  PatellaNotifier *reminders = patella_application_get_notifier (app);
  GSettings *settings = patella_application_get_settings (app);
  const char * const quad_labels[] = { "Log Set", "Open", NULL };
  const char * const quad_actions[] = { "app.log-set('quad-setting')", "app.open", NULL };
  const char * const open_labels[] = { "Open", NULL };
  const char * const open_actions[] = { "app.open", NULL };
  g_autoptr(GDateTime) yesterday_noon = today_at (12, 0, 0, -1);
  g_autoptr(GDateTime) evening = today_at (20, 0, 0, 0);

  g_assert_true (PATELLA_IS_NOTIFIER (reminders));

  /* Closed since yesterday noon: one summary, sent once. */
  g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (yesterday_noon));
  {
    g_autoptr(GPtrArray) notices = patella_notifier_check_now (reminders, evening);
    const PatellaNotice *notice = single_notice (notices, "missed");

    g_assert_cmpstr (notice->title, ==, "Missed Reminders");
    g_assert_cmpstr (notice->body, ==,
                     "7 reminders were missed while Patella was not running; in the last day: "
                     "quadriceps setting at 09:00, 13:00 and 19:00, the day’s routine at 18:00.");
    assert_buttons (notice, open_labels, open_actions);
    /* No server here: kept back until one is known, never lost in a warning. */
    g_assert_false (notice->delivered);
  }
  g_assert_cmpint (g_settings_get_int64 (settings, "last-reminder-check"), ==, g_date_time_to_unix (evening));
  {
    g_autoptr(GPtrArray) again = patella_notifier_check_now (reminders, evening);

    g_assert_cmpuint (again->len, ==, 0);
  }

  /* A due reminder, just after its time: the buttons and their actions. */
  {
    g_autoptr(GDateTime) before = today_at (8, 59, 0, 0);
    g_autoptr(GDateTime) now = today_at (9, 0, 5, 0);
    g_autoptr(GPtrArray) notices = NULL;
    const PatellaNotice *notice;

    g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (before));
    notices = patella_notifier_check_now (reminders, now);
    notice = single_notice (notices, "quad-setting");
    g_assert_cmpstr (notice->title, ==, "Time for Quadriceps Setting");
    g_assert_nonnull (strstr (notice->body, "three times a day"));
    assert_buttons (notice, quad_labels, quad_actions);

    /* The button logs the set. */
    g_assert_cmpint (count_sets (app), ==, 0);
    activate_detailed (app, notice->button_actions[0]);
    g_assert_cmpint (count_sets (app), ==, 1);
  }

  /* Three sets today: the quadriceps reminders are done for the day. */
  activate_detailed (app, "app.log-set('quad-setting')");
  activate_detailed (app, "app.log-set('quad-setting')");
  g_assert_cmpint (quad_sets_today (app), ==, 3);
  {
    g_autoptr(GDateTime) before = today_at (12, 59, 0, 0);
    g_autoptr(GDateTime) now = today_at (13, 0, 5, 0);
    g_autoptr(GPtrArray) notices = NULL;

    g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (before));
    notices = patella_notifier_check_now (reminders, now);
    g_assert_cmpuint (notices->len, ==, 0);
    /* It was due, so the check is recorded. */
    g_assert_cmpint (g_settings_get_int64 (settings, "last-reminder-check"), ==, g_date_time_to_unix (now));
  }

  /* The routine is not done: its reminder, with Open only. */
  {
    g_autoptr(GDateTime) before = today_at (17, 59, 0, 0);
    g_autoptr(GDateTime) now = today_at (18, 0, 1, 0);
    g_autoptr(GPtrArray) notices = NULL;
    const PatellaNotice *notice;

    g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (before));
    notices = patella_notifier_check_now (reminders, now);
    notice = single_notice (notices, "routine");
    g_assert_cmpstr (notice->title, ==, "Time for the Day’s Routine");
    assert_buttons (notice, open_labels, open_actions);
  }

  /* The times come from the settings, and follow them. */
  {
    const char *times[] = { "07:15", "12:00", "21:00", NULL };
    g_autoptr(GDateTime) before = today_at (7, 0, 0, 0);
    g_autoptr(GDateTime) now = today_at (7, 15, 0, 0);
    g_autoptr(GPtrArray) notices = NULL;

    g_settings_set_strv (settings, "quad-reminder-times", times);
    g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (before));
    notices = patella_notifier_check_now (reminders, now);
    /* Done for today already: three sets are logged. */
    g_assert_cmpuint (notices->len, ==, 0);
    g_assert_cmpint (g_settings_get_int64 (settings, "last-reminder-check"), ==, g_date_time_to_unix (now));
  }

  /* Switched off: nothing, and switching on again counts nothing missed. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (yesterday_noon));
  {
    g_autoptr(GPtrArray) notices = patella_notifier_check_now (reminders, evening);

    g_assert_cmpuint (notices->len, ==, 0);
  }
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-reminder-check"), >, g_date_time_to_unix (yesterday_noon));

  /* The clock was set back: nothing, and the last check is reset. */
  {
    g_autoptr(GDateTime) tomorrow = today_at (12, 0, 0, 1);
    g_autoptr(GPtrArray) notices = NULL;

    g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (tomorrow));
    notices = patella_notifier_check_now (reminders, evening);
    g_assert_cmpuint (notices->len, ==, 0);
    g_assert_cmpint (g_settings_get_int64 (settings, "last-reminder-check"), ==, g_date_time_to_unix (evening));
  }

  g_assert_cmpuint (patella_notifier_get_sent (reminders)->len, ==, 3);
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_checks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = reset_settings ();

  patella_test_run_app (fixture->path, checks, NULL);
}

static gboolean
server_known (gpointer data)
{
  return patella_notifier_get_server (data) != -1;
}

static gboolean
waited (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_a_moment (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true, &done);
  patella_test_wait_for (waited, &done);
}

/* No notification server: notices go nowhere, with no warning (which the
 * fatal-warnings of the tests would turn into a crash). */
static void
no_server (PatellaApplication *app,
           PatellaWindow      *window,
           gpointer            data)
{
  PatellaNotifier *reminders = patella_application_get_notifier (app);
  GSettings *settings = patella_application_get_settings (app);
  g_autoptr(GDateTime) before = today_at (18, 59, 0, 0);
  g_autoptr(GDateTime) now = today_at (19, 0, 1, 0);
  g_autoptr(GPtrArray) notices = NULL;

  /* The first start: nothing is missed, and the check is recorded. */
  patella_notifier_start (reminders);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-reminder-check"), >, 0);
  patella_test_wait_for (server_known, reminders);
  if (patella_notifier_get_server (reminders) == 1)
    {
      g_test_skip ("a notification server is running on this session bus");
      patella_test_close_window (GTK_WINDOW (window));
      return;
    }

  g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (before));
  notices = patella_notifier_check_now (reminders, now);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_false (((PatellaNotice *) g_ptr_array_index (notices, 0))->delivered);
  patella_notifier_send_problem (reminders, "A problem", "In plain words.");
  wait_a_moment (300);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = reset_settings ();

  patella_test_run_app (fixture->path, no_server, NULL);
}

/* Why Patella looks for a server first: GLib itself warns. */
static void
test_glib_warns (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GApplication) app = g_application_new ("io.github.patella.Patella.NoServerTest",
                                                       G_APPLICATION_NON_UNIQUE);
      g_autoptr(GNotification) notification = g_notification_new ("Hello");
      gboolean done = FALSE;

      g_assert_true (g_application_register (app, NULL, NULL));
      g_application_send_notification (app, "hello", notification);
      g_timeout_add (2000, set_true, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  if (g_test_trap_has_passed ())
    {
      g_test_skip ("a notification server answered");
      return;
    }
  g_test_trap_assert_stderr ("*unable to send notifications*");
}

/* A notification server on the session bus, as far as Patella can tell. */
typedef struct
{
  GDBusConnection *connection;
  guint            owner_id;
  guint            object_id;
  gboolean         owned;
  gboolean         lost;
  GPtrArray       *notified;  /* GVariant (susssasa{sv}i) */
  guint32          next_id;
} FakeServer;

static const char fake_server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static void
fake_server_call (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *path,
                  const char            *interface,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  FakeServer *server = user_data;

  if (g_str_equal (method, "Notify"))
    {
      g_ptr_array_add (server->notified, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server->next_id));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "fake", "patella", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
fake_server_acquired (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  ((FakeServer *) user_data)->owned = TRUE;
}

static void
fake_server_lost (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((FakeServer *) user_data)->lost = TRUE;
}

static gboolean
fake_server_settled (gpointer data)
{
  return ((FakeServer *) data)->owned || ((FakeServer *) data)->lost;
}

static void
fake_server_start (FakeServer *server)
{
  static const GDBusInterfaceVTable vtable = { fake_server_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (fake_server_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;

  server->notified = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  /* A connection of its own, like a separate process. */
  server->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  server->object_id = g_dbus_connection_register_object (server->connection, "/org/freedesktop/Notifications",
                                                         info->interfaces[0], &vtable, server, NULL, &error);
  g_assert_no_error (error);
  server->owner_id = g_bus_own_name_on_connection (server->connection, "org.freedesktop.Notifications",
                                                   G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                   fake_server_acquired, fake_server_lost, server, NULL);
}

static void
fake_server_stop (FakeServer *server)
{
  g_bus_unown_name (server->owner_id);
  g_dbus_connection_unregister_object (server->connection, server->object_id);
  g_dbus_connection_close_sync (server->connection, NULL, NULL);
  g_clear_object (&server->connection);
  g_clear_pointer (&server->notified, g_ptr_array_unref);
}

static gboolean
server_notified (gpointer data)
{
  return ((FakeServer *) data)->notified->len > 0;
}

typedef struct
{
  PatellaApplication *app;
  gint64              n;
} SetsWait;

static gboolean
sets_reached (gpointer data)
{
  SetsWait *wait = data;

  return count_sets (wait->app) >= wait->n;
}

/* With a server: the notification as it goes over D-Bus, and a click on
 * its button coming back. */
static void
with_server (PatellaApplication *app,
             PatellaWindow      *window,
             gpointer            data)
{
  FakeServer *server = data;
  PatellaNotifier *reminders = patella_application_get_notifier (app);
  GSettings *settings = patella_application_get_settings (app);
  g_autoptr(GDateTime) before = today_at (8, 59, 0, 0);
  g_autoptr(GDateTime) now = today_at (9, 0, 1, 0);
  g_autoptr(GPtrArray) notices = NULL;
  const char *app_name, *icon, *summary, *body;
  g_autofree const char **actions = NULL;
  guint32 replaces, id;
  gint32 timeout;
  SetsWait wait = { app, 1 };

  patella_test_wait_for (fake_server_settled, server);
  if (!server->owned)
    {
      g_test_skip ("a notification server is running on this session bus");
      patella_test_close_window (GTK_WINDOW (window));
      return;
    }
  patella_notifier_start (reminders);
  patella_test_wait_for (server_known, reminders);
  g_assert_cmpint (patella_notifier_get_server (reminders), ==, 1);

  g_settings_set_int64 (settings, "last-reminder-check", g_date_time_to_unix (before));
  notices = patella_notifier_check_now (reminders, now);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_true (((PatellaNotice *) g_ptr_array_index (notices, 0))->delivered);

  patella_test_wait_for (server_notified, server);
  g_assert_cmpuint (server->notified->len, ==, 1);
  g_variant_get (g_ptr_array_index (server->notified, 0), "(&su&s&s&s^a&s@a{sv}i)",
                 &app_name, &replaces, &icon, &summary, &body, &actions, NULL, &timeout);
  g_assert_cmpstr (summary, ==, "Time for Quadriceps Setting");
  g_assert_nonnull (strstr (body, "three times a day"));
  {
    const char * const expected[] = {
      "default", "",
      "app.log-set::quad-setting", "Log Set",  /* as GLib prints it */
      "app.open", "Open",
      NULL
    };

    g_assert_cmpstrv (actions, expected);
  }

  /* The runner clicks Log Set. */
  g_assert_cmpint (count_sets (app), ==, 0);
  id = server->next_id;
  g_assert_true (g_dbus_connection_emit_signal (server->connection, NULL, "/org/freedesktop/Notifications",
                                                "org.freedesktop.Notifications", "ActionInvoked",
                                                g_variant_new ("(us)", id, actions[2]), NULL));
  patella_test_wait_for (sets_reached, &wait);
  g_assert_cmpint (quad_sets_today (app), ==, 1);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_server (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = reset_settings ();
  FakeServer server = { 0 };

  fake_server_start (&server);
  patella_test_run_app (fixture->path, with_server, &server);
  fake_server_stop (&server);
}

/* Background: `patella --background` in the instance of the runner's own
 * record, which alone sends reminders and may stay without a window. */
typedef struct
{
  Fixture  *fixture;
  gboolean  run_in_background;
  gboolean  activated;
  gboolean  reached_end;
  gboolean  timed_out;
  GError   *error;
} Background;

static gboolean
background_timeout (gpointer data)
{
  Background *bg = data;

  bg->timed_out = TRUE;
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

/* As a second `patella --background` reaches the running instance. */
static void
activate_in_background (GApplication *app)
{
  GApplicationClass *klass = G_APPLICATION_GET_CLASS (app);
  GVariantDict dict;
  g_autoptr(GVariant) platform_data = NULL;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "patella-background", "b", TRUE);
  platform_data = g_variant_ref_sink (g_variant_dict_end (&dict));
  klass->before_emit (app, platform_data);
  g_application_activate (app);
  klass->after_emit (app, platform_data);
}

static gboolean
background_steps (gpointer data)
{
  Background *bg = data;
  PatellaApplication *app = PATELLA_APPLICATION (g_application_get_default ());
  GtkWindow *window;
  g_autofree char *entry = patella_autostart_get_path ();

  /* Started with no window, and still running. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpint (patella_autostart_is_enabled (), ==, bg->run_in_background);
  g_assert_nonnull (patella_application_get_notifier (app));
  activate_in_background (G_APPLICATION (app));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* A notification's Open, or a second launch, brings the window. */
  activate_detailed (app, "app.open");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (PATELLA_IS_WINDOW (window));
  g_assert_cmpstr (patella_window_get_page (PATELLA_WINDOW (window)), ==, "today");

  /* Another --background start leaves the open window as it is; a plain
   * start presents it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "history"));
  activate_in_background (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  patella_test_close_window (window);
  bg->reached_end = TRUE;

  /* Without run-in-background, closing the window ended the application;
   * with it, it keeps running until the setting is switched off. */
  if (bg->run_in_background)
    {
      wait_a_moment (200);
      g_assert_true (patella_autostart_is_enabled ());
      g_settings_set_boolean (patella_application_get_settings (app), "run-in-background", FALSE);
      g_assert_false (patella_autostart_is_enabled ());
      g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
    }
  return G_SOURCE_REMOVE;
}

static void
background_activated (GApplication *application,
                      Background   *bg)
{
  /* Later activations open the window. */
  if (bg->activated)
    return;
  bg->activated = TRUE;
  g_timeout_add (100, background_steps, bg);
}

static void
run_in_background (Fixture  *fixture,
                   gboolean  key)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autoptr(PatellaApplication) app = NULL;
  g_autofree char *id = g_strdup_printf ("%s.Test%d%s", APP_ID, (int) getpid (), key ? "On" : "Off");
  g_autofree char *entry = patella_autostart_get_path ();
  char *argv[] = { (char *) "patella", NULL };
  Background bg = { fixture, key, FALSE, FALSE, FALSE, NULL };
  guint timeout;

  g_settings_set_boolean (settings, "run-in-background", key);
  /* A stale entry: the setting is off, so starting from it removes it. */
  if (!key)
    {
      g_autofree char *dir = g_path_get_dirname (entry);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      patella_test_write_file (entry, "[Desktop Entry]\n", -1);
    }

  /* Its own bus name: other tests run beside this one on the same bus. */
  app = patella_application_new (fixture->path, G_APPLICATION_DEFAULT_FLAGS);
  g_application_set_application_id (G_APPLICATION (app), id);
  g_object_set (app, "background", TRUE, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (background_activated), &bg);
  timeout = g_timeout_add_seconds (20, background_timeout, &bg);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);

  g_assert_false (bg.timed_out);
  g_assert_true (bg.activated);
  g_assert_true (bg.reached_end);
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
  g_assert_finalize_object (g_steal_pointer (&app));
}

static void
test_background_off (Fixture       *fixture,
                     gconstpointer  data)
{
  run_in_background (fixture, FALSE);
}

static void
test_background_on (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_background (fixture, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = patella_test_make_tmpdir ();
  g_autofree char *config_home = patella_test_make_tmpdir ();
  int status;

  /* Before GLib reads and caches them: the record and the login entry of
   * this test run live in folders of their own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/notifications/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)

  ADD ("log-set", test_log_set);
  ADD ("open", test_open);
  ADD ("checks", test_checks);
  ADD ("no-server", test_no_server);
  g_test_add_func ("/notifications/glib-warns", test_glib_warns);
  ADD ("server", test_server);
  ADD ("background-off", test_background_off);
  ADD ("background-on", test_background_on);
#undef ADD

  status = g_test_run ();
  patella_test_remove_tree (data_home);
  patella_test_remove_tree (config_home);
  return status;
}
