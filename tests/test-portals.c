/* test-portals.c: starting at login and notifications inside the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stand-in for xdg-desktop-portal runs on the test's session bus, on its
 * own connection and thread as the real one runs in its own process. It
 * answers the Background portal as told and records what the app asks of
 * it and of the Notification portal. FLATPAK_ID makes Patella act as it
 * does inside Flatpak; GTK_USE_PORTAL makes GLib send notifications
 * through the portal, as it does there.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "core/patella-autostart.h"
#include "core/patella-settings.h"
#include "patella-application.h"
#include "patella-login-start.h"
#include "patella-notifier.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

typedef enum
{
  ANSWER_GRANT,          /* response 0, autostart TRUE */
  ANSWER_REFUSE,         /* response 1: the runner said no */
  ANSWER_NO_AUTOSTART,   /* response 0, but autostart FALSE */
  ANSWER_FAIL,           /* response 2 */
} Answer;

typedef struct
{
  GMutex        lock;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GDBusConnection *connection;
  guint         registration[2];
  gboolean      ready;
  GCond         ready_cond;

  Answer        answer;
  /* What the app asked; under the lock. */
  guint         n_background;
  gboolean      autostart;
  char        **commandline;
  char         *reason;
  guint         n_notifications;
  GPtrArray    *notification_keys;  /* every key of every notification */
  char         *icon_kind;          /* the serialised icon's kind, e.g. "themed" */
} FakePortal;

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Notification'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' name='id' direction='in'/>"
  "      <arg type='a{sv}' name='notification' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' name='id' direction='in'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

/* The path of a request, as the portal documents it: the caller's
 * unique name without the colon, dots as underscores, then the token. */
static char *
request_path (const char *sender,
              const char *token)
{
  g_autofree char *escaped = g_strdup (sender + 1);

  g_strdelimit (escaped, ".", '_');
  return g_strdup_printf (PORTAL_PATH "/request/%s/%s", escaped, token);
}

static void
handle_background (FakePortal            *portal,
                   GDBusMethodInvocation *invocation,
                   GVariant              *parameters)
{
  g_autoptr(GVariant) options = NULL;
  g_autofree char *path = NULL;
  const char *token = "t";
  const char *reason = NULL;
  const char **commandline = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;
  guint response;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_variant_lookup (options, "autostart", "b", &autostart);
  g_variant_lookup (options, "reason", "&s", &reason);
  g_variant_lookup (options, "commandline", "^a&s", &commandline);

  g_mutex_lock (&portal->lock);
  portal->n_background++;
  portal->autostart = autostart;
  g_clear_pointer (&portal->commandline, g_strfreev);
  portal->commandline = g_strdupv ((char **) commandline);
  g_free (portal->reason);
  portal->reason = g_strdup (reason);
  g_mutex_unlock (&portal->lock);
  g_free (commandline);

  path = request_path (g_dbus_method_invocation_get_sender (invocation), token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  response = portal->answer == ANSWER_REFUSE ? 1 : portal->answer == ANSWER_FAIL ? 2 : 0;
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (response == 0));
  g_variant_builder_add (&results, "{sv}", "autostart",
                         g_variant_new_boolean (portal->answer == ANSWER_GRANT && autostart));
  g_dbus_connection_emit_signal (portal->connection,
                                 g_dbus_method_invocation_get_sender (invocation),
                                 path, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", response, g_variant_builder_end (&results)),
                                 NULL);
}

static void
handle_notification (FakePortal            *portal,
                     GDBusMethodInvocation *invocation,
                     GVariant              *parameters)
{
  g_autoptr(GVariant) notification = NULL;
  g_autoptr(GVariant) icon = NULL;
  GVariantIter iter;
  const char *key;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &notification);

  g_mutex_lock (&portal->lock);
  portal->n_notifications++;
  g_variant_iter_init (&iter, notification);
  while (g_variant_iter_next (&iter, "{&sv}", &key, NULL))
    g_ptr_array_add (portal->notification_keys, g_strdup (key));
  icon = g_variant_lookup_value (notification, "icon", NULL);
  if (icon != NULL && g_variant_is_of_type (icon, G_VARIANT_TYPE ("(sv)")))
    {
      g_free (portal->icon_kind);
      g_variant_get_child (icon, 0, "s", &portal->icon_kind);
    }
  g_mutex_unlock (&portal->lock);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *path,
             const char            *interface,
             const char            *method,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               data)
{
  if (g_str_equal (method, "RequestBackground"))
    handle_background (data, invocation, parameters);
  else if (g_str_equal (method, "AddNotification"))
    handle_notification (data, invocation, parameters);
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static GVariant *
get_property (GDBusConnection  *connection,
              const char       *sender,
              const char       *path,
              const char       *interface,
              const char       *property,
              GError          **error,
              gpointer          data)
{
  /* Version 1 of each: what Debian 12's portal offers. */
  return g_variant_new_uint32 (1);
}

static gpointer
portal_thread (gpointer data)
{
  static const GDBusInterfaceVTable vtable = { method_call, get_property, NULL, { 0 } };
  FakePortal *portal = data;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  g_main_context_push_thread_default (portal->context);

  g_assert_nonnull (address);
  portal->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, NULL);
  g_assert_nonnull (portal->connection);
  for (guint i = 0; i < 2; i++)
    portal->registration[i] = g_dbus_connection_register_object (portal->connection, PORTAL_PATH,
                                                                 info->interfaces[i], &vtable,
                                                                 portal, NULL, NULL);
  reply = g_dbus_connection_call_sync (portal->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", PORTAL_NAME, 4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);

  g_mutex_lock (&portal->lock);
  portal->ready = TRUE;
  g_cond_signal (&portal->ready_cond);
  g_mutex_unlock (&portal->lock);

  g_main_loop_run (portal->loop);

  for (guint i = 0; i < 2; i++)
    g_dbus_connection_unregister_object (portal->connection, portal->registration[i]);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_clear_object (&portal->connection);
  g_main_context_pop_thread_default (portal->context);
  return NULL;
}

static FakePortal *
fake_portal_start (Answer answer)
{
  FakePortal *portal = g_new0 (FakePortal, 1);

  g_mutex_init (&portal->lock);
  g_cond_init (&portal->ready_cond);
  portal->answer = answer;
  portal->notification_keys = g_ptr_array_new_with_free_func (g_free);
  portal->context = g_main_context_new ();
  portal->loop = g_main_loop_new (portal->context, FALSE);
  portal->thread = g_thread_new ("fake-portal", portal_thread, portal);

  g_mutex_lock (&portal->lock);
  while (!portal->ready)
    g_cond_wait (&portal->ready_cond, &portal->lock);
  g_mutex_unlock (&portal->lock);
  return portal;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
fake_portal_stop (FakePortal *portal)
{
  g_main_context_invoke (portal->context, quit_loop, portal->loop);
  g_thread_join (portal->thread);
  g_main_loop_unref (portal->loop);
  g_main_context_unref (portal->context);
  g_clear_pointer (&portal->commandline, g_strfreev);
  g_free (portal->reason);
  g_free (portal->icon_kind);
  g_ptr_array_unref (portal->notification_keys);
  g_cond_clear (&portal->ready_cond);
  g_mutex_clear (&portal->lock);
  g_free (portal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakePortal, fake_portal_stop)

/* Asking for login start */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
request_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Result *r = data;

  r->ok = patella_login_start_set_enabled_finish (result, &r->error);
  r->done = TRUE;
}

static gboolean
result_is_done (gpointer data)
{
  return ((Result *) data)->done;
}

static Result
set_login_start (gboolean enabled)
{
  Result r = { FALSE, FALSE, NULL };

  patella_login_start_set_enabled_async (enabled, NULL, NULL, request_done, &r);
  patella_test_wait_for (result_is_done, &r);
  return r;
}

static void
in_sandbox (gboolean sandboxed)
{
  if (sandboxed)
    g_setenv ("FLATPAK_ID", APP_ID, TRUE);
  else
    g_unsetenv ("FLATPAK_ID");
  g_assert_true (patella_login_start_is_sandboxed () == sandboxed);
}

static void
test_outside_writes_entry (PatellaTestFiles *files,
                           gconstpointer     data)
{
  g_autoptr(FakePortal) portal = fake_portal_start (ANSWER_GRANT);
  Result r;

  in_sandbox (FALSE);
  r = set_login_start (TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (patella_autostart_is_enabled ());

  r = set_login_start (FALSE);
  g_assert_no_error (r.error);
  g_assert_false (patella_autostart_is_enabled ());

  /* Outside the sandbox the portal would write `flatpak run`: not asked. */
  g_assert_cmpuint (portal->n_background, ==, 0);
}

static void
test_sandbox_granted (PatellaTestFiles *files,
                      gconstpointer     data)
{
  g_autoptr(FakePortal) portal = fake_portal_start (ANSWER_GRANT);
  const char * const command[] = { PATELLA_LOGIN_START_COMMAND, NULL };
  Result r;

  in_sandbox (TRUE);
  r = set_login_start (TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);

  g_mutex_lock (&portal->lock);
  g_assert_cmpuint (portal->n_background, ==, 1);
  g_assert_true (portal->autostart);
  g_assert_nonnull (portal->commandline);
  g_assert_cmpstrv (portal->commandline, command);
  g_assert_nonnull (portal->reason);
  g_assert_cmpint (g_utf8_strlen (portal->reason, -1), <=, 256);
  g_mutex_unlock (&portal->lock);

  /* The sandbox's own autostart folder is not the host's: nothing there. */
  g_assert_false (patella_autostart_is_enabled ());

  r = set_login_start (FALSE);
  g_assert_no_error (r.error);
  g_mutex_lock (&portal->lock);
  g_assert_cmpuint (portal->n_background, ==, 2);
  g_assert_false (portal->autostart);
  g_mutex_unlock (&portal->lock);
  in_sandbox (FALSE);
}

static void
test_sandbox_refused (PatellaTestFiles *files,
                      gconstpointer     data)
{
  Answer answer = GPOINTER_TO_INT (data);
  g_autoptr(FakePortal) portal = fake_portal_start (answer);
  int code = answer == ANSWER_FAIL ? G_IO_ERROR_FAILED : G_IO_ERROR_PERMISSION_DENIED;
  Result r;

  in_sandbox (TRUE);
  r = set_login_start (TRUE);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, code);
  g_assert_nonnull (strstr (r.error->message, "only while Patella is open"));
  g_clear_error (&r.error);
  g_assert_false (patella_autostart_is_enabled ());

  /* Switching off succeeds whatever the portal says. */
  r = set_login_start (FALSE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  in_sandbox (FALSE);
}

static void
test_sandbox_no_portal (PatellaTestFiles *files,
                        gconstpointer     data)
{
  Result r;

  in_sandbox (TRUE);
  r = set_login_start (TRUE);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&r.error);
  /* No file in the sandbox's folder as a fallback: it would do nothing. */
  g_assert_false (patella_autostart_is_enabled ());
  in_sandbox (FALSE);
}

/* Through the window: the switch shows the portal's answer */

typedef struct
{
  FakePortal *portal;
} SwitchCase;

static gboolean
switched_back_off (gpointer data)
{
  GSettings *settings = data;

  return !g_settings_get_boolean (settings, "run-in-background");
}

static gboolean
label_holds (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The window shows the portal's refusal: a toast says why. */
static gboolean
refusal_shown (gpointer data)
{
  return patella_test_find_widget (data, label_holds, "background permission") != NULL;
}

static void
switch_goes_back_off (PatellaApplication *app,
                      PatellaWindow      *window,
                      gpointer            data)
{
  SwitchCase *sc = data;
  GSettings *settings = patella_application_get_settings (app);

  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  patella_test_wait_for (switched_back_off, settings);

  g_mutex_lock (&sc->portal->lock);
  g_assert_cmpuint (sc->portal->n_background, >=, 1);
  g_mutex_unlock (&sc->portal->lock);
  patella_test_wait_for (refusal_shown, window);
  /* The primary instance's window goes before the application quits. */
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_switch_goes_back_off (PatellaTestFiles *files,
                           gconstpointer     data)
{
  g_autoptr(FakePortal) portal = fake_portal_start (ANSWER_REFUSE);
  g_autoptr(GSettings) settings = patella_settings_new ();
  g_autofree char *id = g_strdup_printf ("%s.TestPortals%d", APP_ID, (int) getpid ());
  SwitchCase sc = { portal };

  g_assert_nonnull (settings);
  g_settings_reset (settings, "run-in-background");
  in_sandbox (TRUE);
  /* The one instance of its name: only that one starts at login. */
  patella_test_run_app_as (files->path, id, G_APPLICATION_DEFAULT_FLAGS, switch_goes_back_off, &sc);
  in_sandbox (FALSE);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
}

/* Notifications through the portal */

static gboolean
notification_arrived (gpointer data)
{
  FakePortal *portal = data;
  gboolean arrived;

  g_mutex_lock (&portal->lock);
  arrived = portal->n_notifications > 0;
  g_mutex_unlock (&portal->lock);
  return arrived;
}

static void
send_problem (PatellaApplication *app,
              PatellaWindow      *window,
              gpointer            data)
{
  FakePortal *portal = data;
  /* What version 1 of the Notification portal takes; anything else it
   * drops or refuses (a category or a sound, for instance). */
  static const char * const known[] = {
    "title", "body", "icon", "priority", "default-action", "default-action-target", "buttons", NULL
  };

  patella_notifier_send_problem (patella_application_get_notifier (app), "Title", "Body");
  patella_test_wait_for (notification_arrived, portal);

  g_mutex_lock (&portal->lock);
  g_assert_cmpuint (portal->notification_keys->len, >, 0);
  for (guint i = 0; i < portal->notification_keys->len; i++)
    {
      const char *key = g_ptr_array_index (portal->notification_keys, i);

      if (!g_strv_contains (known, key))
        g_error ("The notification carries “%s”, which the portal does not take", key);
    }
  /* The portal takes themed icons and bytes, not files. */
  g_assert_cmpstr (portal->icon_kind, ==, "themed");
  g_mutex_unlock (&portal->lock);
  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_notifications_portal (PatellaTestFiles *files,
                           gconstpointer     data)
{
  g_autoptr(FakePortal) portal = fake_portal_start (ANSWER_GRANT);
  g_autofree char *id = g_strdup_printf ("%s.TestPortals%d", APP_ID, (int) getpid ());

  in_sandbox (TRUE);
  /* The one instance of its name, which sends the reminders. */
  patella_test_run_app_as (files->path, id, G_APPLICATION_DEFAULT_FLAGS, send_problem, portal);
  in_sandbox (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  /* GLib reads this once, when the first application registers. */
  g_setenv ("GTK_USE_PORTAL", "1", TRUE);
  g_autofree char *config_home = patella_test_make_tmpdir ();
  int status;

  /* Before GLib reads and caches it: the login entry of this run lives
   * in a folder of its own. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, data, func) \
  g_test_add ("/portals/" name, PatellaTestFiles, data, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("outside-writes-entry", NULL, test_outside_writes_entry);
  ADD ("sandbox-granted", NULL, test_sandbox_granted);
  ADD ("sandbox-refused", GINT_TO_POINTER (ANSWER_REFUSE), test_sandbox_refused);
  ADD ("sandbox-no-autostart", GINT_TO_POINTER (ANSWER_NO_AUTOSTART), test_sandbox_refused);
  ADD ("sandbox-portal-failed", GINT_TO_POINTER (ANSWER_FAIL), test_sandbox_refused);
  ADD ("sandbox-no-portal", NULL, test_sandbox_no_portal);
  ADD ("switch-goes-back-off", NULL, test_switch_goes_back_off);
  ADD ("notifications-through-portal", NULL, test_notifications_portal);
#undef ADD

  status = g_test_run ();
  patella_test_remove_tree (config_home);
  return status;
}
