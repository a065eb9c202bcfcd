/* patella-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-run-file.h"
#include "core/patella-settings.h"
#include "patella-a11y.h"
#include "patella-checkin-dialog.h"
#include "patella-entry-dialog.h"
#include "patella-entry-row.h"
#include "patella-file-task.h"
#include "patella-history-page.h"
#include "patella-progress-page.h"
#include "render/patella-report.h"
#include "patella-run-import-dialog.h"
#include "patella-today-page.h"
#include "patella-visit-dialog.h"
#include "patella-window-private.h"
#include "patella-session.h"

struct _PatellaWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkBox               *log_box;
  AdwSqueezer          *title_squeezer;
  GtkWidget            *window_title;
  PatellaTodayPage     *today_page;
  AdwBin               *history_bin;
  AdwBin               *progress_bin;
  GtkMenuButton        *log_menu_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *log_menu;
  GMenuModel           *primary_menu;

  /* made the first time they are shown (or asked for) */
  AdwStatusPage        *error_page;
  AdwViewSwitcherBar   *switcher_bar;
  guint                 switcher_bar_id;
  PatellaHistoryPage   *history_page;
  PatellaProgressPage  *progress_page;

  /* owned */
  PatellaSession       *session;
  gboolean              disposed;

  /* borrowed */
  PatellaStore         *store;          /* the session's, NULL once it refused the file */
  AdwToast             *waiting_toast;  /* while a write waits for another program */
  AdwToast             *undo_toast;     /* the latest offering Undo */
  AdwToast             *problem_toast;  /* the latest problem */
};

G_DEFINE_FINAL_TYPE (PatellaWindow, patella_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STORE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PatellaWindow *
patella_window_new (GtkApplication *application,
                    PatellaSession *session)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PATELLA_IS_SESSION (session), NULL);

  return g_object_new (PATELLA_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

PatellaSession *
patella_window_get_session (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return self->session;
}

/* NULL while the window shows why the database could not be opened. */
PatellaStore *
patella_window_get_store (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
patella_window_get_page (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
patella_window_set_page (PatellaWindow *self,
                         const char    *page)
{
  g_return_if_fail (PATELLA_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, page) == NULL)
    {
      g_warning ("There is no page called “%s”", page);
      return;
    }

  /* The stack notifies, and view_stack_page_changed() passes it on. */
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

/* The page of a log that cannot be opened: made when a session refuses
 * its file, never at an everyday start. */
static void
create_error_page (PatellaWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Patella", NULL));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_widget_add_css_class (quit, "pill");
  gtk_widget_add_css_class (quit, "suggested-action");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->error_page), TRUE);
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("Your Log Can’t Be Opened"));
  adw_status_page_set_child (self->error_page, quit);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_page));

  gtk_stack_add_named (self->main_stack, box, "error");
  patella_a11y_name_controls (box);
}

/* Replaces the pages with an explanation of why the runner's log cannot be
 * used, when the session refuses the file. The file itself has been left
 * as it was. */
static void
session_refused (PatellaWindow *self)
{
  const char *message = patella_session_get_refusal (self->session);
  g_autofree char *escaped = NULL;

  if (message == NULL || self->disposed)
    return;

  if (self->error_page == NULL)
    create_error_page (self);

  /* The status page reads its description as markup; a path may hold "&". */
  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  if (self->store != NULL)
    {
      self->store = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

/* Every Undo of the window, from the session's one queue. */
static void
undo_offered (PatellaSession *session,
              const char     *title,
              guint           index,
              PatellaWindow  *self)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (index));
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

AdwToast *
patella_window_get_undo_toast (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return self->undo_toast;
}

AdwToast *
patella_window_get_problem_toast (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return self->problem_toast;
}

/* What a toast's title holds without being cut short, in characters. */
#define TOAST_TITLE_MAX 48

/**
 * patella_window_show_problem:
 *
 * A problem in plain words, in a toast that goes in time: one that stayed
 * for ever would hide every later one. A message too long for a toast's
 * one line also gets a Details button that shows all of it, so that
 * nothing the runner must read is cut short.
 *
 * Returns: (transfer none): the toast
 */
AdwToast *
patella_window_show_problem (PatellaWindow *self,
                             const char    *message)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);

  title = g_markup_escape_text (message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, PATELLA_PROBLEM_TOAST_SECONDS);
  if (g_utf8_strlen (message, -1) > TOAST_TITLE_MAX)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-details");
      adw_toast_set_action_target_value (toast, g_variant_new_string (message));
    }
  g_set_weak_pointer (&self->problem_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static void
show_error (PatellaWindow *self,
            const GError  *error)
{
  patella_window_show_problem (self, error->message);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  patella_window_show_message (PATELLA_WINDOW (widget), _("What Went Wrong"),
                               g_variant_get_string (parameter, NULL));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_session_undo (self->session, g_variant_get_uint32 (parameter), &error))
    show_error (self, error);
}

/* A page's problem, shown the window's way. */
static void
show_problem_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  patella_window_show_problem (PATELLA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
entry_saved (PatellaEntryDialog *dialog,
             PatellaEntry       *entry,
             PatellaEntry       *original,
             PatellaWindow      *self)
{
  const char *title;

  if (original != NULL)
    title = _("Changes saved");
  else if (entry->kind == PATELLA_ENTRY_PAIN)
    title = _("Pain score logged");
  else
    title = _("Run logged");
  patella_session_offer_entry_undo (self->session, title, original, entry);
}

/**
 * patella_window_open_entry_dialog:
 * @entry: a pain or run entry: new (id 0) or one to edit
 *
 * Returns: (transfer none): the dialog, already shown
 */
static GtkWindow *
patella_window_open_entry_dialog (PatellaWindow      *self,
                                  const PatellaEntry *entry)
{
  PatellaEntryDialog *dialog;
  GSettings *settings = patella_session_get_settings (self->session);

  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;

  dialog = patella_entry_dialog_new (GTK_WINDOW (self), self->store, entry,
                                     patella_settings_get_unit (settings));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (entry_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* A page's pain or run entry to edit: (kind, id, day), as its row names it. */
static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  g_autoptr(PatellaEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  entry = patella_entry_row_lookup (self->store, parameter, &error);
  if (entry == NULL)
    patella_window_show_problem (self, error->message);
  else
    patella_window_open_entry_dialog (self, entry);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  g_autoptr(PatellaEntry) entry = NULL;
  PatellaDayPlan *plan;

  entry = patella_entry_new (g_str_equal (action_name, "win.log-pain") ? PATELLA_ENTRY_PAIN
                                                                       : PATELLA_ENTRY_RUN);
  /* The day the Today page shows, so that logging late is one step. */
  plan = patella_today_page_get_plan (self->today_page);
  if (plan != NULL)
    entry->day = g_strdup (patella_day_plan_get_day (plan));
  if (entry->kind == PATELLA_ENTRY_RUN)
    entry->rpe = 3;
  else
    entry->context = PATELLA_PAIN_MORNING;

  patella_window_open_entry_dialog (self, entry);
}

/* A run timed by the return to running's intervals: (day, minutes), so
 * that only its distance, effort and pain are left to give. */
static void
log_timed_run_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(PatellaEntry) entry = patella_entry_new (PATELLA_ENTRY_RUN);
  const char *day;

  g_variant_get (parameter, "(&sd)", &day, &entry->minutes);
  entry->day = g_strdup (day);
  entry->rpe = 4;
  patella_window_open_entry_dialog (PATELLA_WINDOW (widget), entry);
}

static void
checkin_saved (PatellaWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Check-in saved")));
}

/* The check-in for today, from Today's card or the main menu at any time. */
static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  g_autofree char *today = patella_day_today ();
  PatellaCheckinDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = patella_checkin_dialog_new (GTK_WINDOW (self), self->store, today);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (checkin_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The next clinic visit, the questions for it and goals. */
static void
clinic_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (patella_visit_dialog_new (GTK_WINDOW (self), self->store)));
}

/* Files: export, import, report, backup. Each goes through a file chooser
 * (a portal inside Flatpak); PatellaFileTask does the work. */

static GSettings *
window_settings (PatellaWindow *self)
{
  return patella_session_get_settings (self->session);
}

/**
 * patella_window_show_message:
 *
 * @body in a dialog under @heading, with Close: for what the runner must
 * read in full.
 */
void
patella_window_show_message (PatellaWindow *self,
                             const char    *heading,
                             const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  /* The body is plain text: file names and notes are not markup. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_done (PatellaWindow *self,
           const char    *text)
{
  g_autofree char *title = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
runs_imported (PatellaWindow *self,
               guint          added,
               guint          skipped)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text, ngettext ("Added %u run", "Added %u runs", added), added);
  if (skipped > 0)
    g_string_append_printf (text, ngettext ("; %u was already logged", "; %u were already logged", skipped),
                            skipped);
  show_done (self, text->str);
}

typedef struct
{
  char                **paths;
  PatellaDistanceUnit   unit;
} RunFiles;

static void
run_files_free (RunFiles *files)
{
  g_strfreev (files->paths);
  g_free (files);
}

/* In a worker thread: a long GPX takes a second or more to read. */
static void
read_run_files (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RunFiles *files = task_data;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_run_candidate_free);

  for (guint i = 0; files->paths[i] != NULL; i++)
    {
      GError *error = NULL;
      g_autoptr(GPtrArray) found = patella_run_file_read (files->paths[i], files->unit, &error);

      if (found == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_extend_and_steal (runs, g_steal_pointer (&found));
    }
  g_task_return_pointer (task, g_steal_pointer (&runs), (GDestroyNotify) g_ptr_array_unref);
}

static void
run_files_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PatellaWindow *self = PATELLA_WINDOW (source);
  RunFiles *files = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = g_task_propagate_pointer (G_TASK (result), &error);
  PatellaRunImportDialog *dialog;

  /* Closed, or its record refused, while the files were read. */
  if (self->store == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (runs == NULL)
    {
      patella_window_show_message (self, _("No Runs Were Imported"), error->message);
      return;
    }
  if (!patella_run_file_mark_logged (self->store, runs, &error))
    {
      show_error (self, error);
      return;
    }

  dialog = patella_run_import_dialog_new (GTK_WINDOW (self), self->store, g_steal_pointer (&runs), files->unit);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (runs_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * patella_window_import_runs:
 * @paths: GPX, TCX (perhaps .gz), Strava or Garmin CSV files
 *
 * Reads the runs of every file, in a worker thread, and then shows them
 * before anything is logged; a file that cannot be read is named with the
 * reason, and nothing of any file is shown. What the menu item, a drop on
 * the window and tests call.
 */
static void
patella_window_import_runs (PatellaWindow      *self,
                            const char * const *paths)
{
  g_autoptr(GTask) task = NULL;
  GSettings *settings = window_settings (self);
  RunFiles *files;

  g_return_if_fail (PATELLA_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->store == NULL)
    return;

  files = g_new0 (RunFiles, 1);
  files->paths = g_strdupv ((char **) paths);
  files->unit = settings ? patella_settings_get_unit (settings) : PATELLA_UNIT_KM;
  task = g_task_new (self, NULL, run_files_read, NULL);
  g_task_set_source_tag (task, patella_window_import_runs);
  g_task_set_task_data (task, files, (GDestroyNotify) run_files_free);
  g_task_run_in_thread (task, read_run_files);
}

static void
import_run_files_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autofree const char **paths = g_variant_get_strv (parameter, NULL);

  patella_window_import_runs (PATELLA_WINDOW (widget), paths);
}

/* Files dropped on the window: runs to import. */
static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               PatellaWindow *self)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL)
        {
          patella_window_show_problem (self, _("Patella can only use files on this computer."));
          return FALSE;
        }
      g_strv_builder_add (paths, path);
    }
  strv = g_strv_builder_end (paths);
  if (strv[0] == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.import-run-files", "^as", strv);
}

/**
 * patella_window_run_file_task:
 *
 * Does @task with @path, the file the runner chose, and shows how it went:
 * an import in a dialog, the rest in a toast. Also what tests call, since
 * file choosers need a person.
 */
gboolean
patella_window_run_file_task (PatellaWindow   *self,
                              PatellaFileTask  task,
                              const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (PATELLA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (task < PATELLA_N_FILE_TASKS, FALSE);

  if (self->store == NULL)
    return FALSE;

  if (task == PATELLA_FILE_TASK_IMPORT_RUNS)
    {
      const char *paths[] = { path, NULL };

      patella_window_import_runs (self, paths);
      return TRUE;
    }

  done = patella_file_task_run (task, self->store, window_settings (self), path, &error);
  if (task == PATELLA_FILE_TASK_IMPORT_CSV)
    patella_window_show_message (self, done ? _("History Imported") : _("Nothing Was Imported"),
                                 done ? done : error->message);
  else if (done != NULL)
    show_done (self, done);
  else
    show_error (self, error);
  return done != NULL;
}

static void
file_chosen (GtkNativeDialog *chooser,
             int              response,
             PatellaWindow   *self)
{
  PatellaFileTask task = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "task"));

  if (response == GTK_RESPONSE_ACCEPT && task == PATELLA_FILE_TASK_IMPORT_RUNS)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;
      gboolean local = TRUE;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          local = local && path != NULL;
          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (!local)
        patella_window_show_problem (self, _("Patella can only use files on this computer."));
      else if (paths[0] != NULL)
        patella_window_import_runs (self, (const char * const *) paths);
    }
  else if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        patella_window_run_file_task (self, task, path);
      else
        patella_window_show_problem (self, _("Patella can only use files on this computer."));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  if (self->store == NULL)
    return;

  for (PatellaFileTask task = 0; task < PATELLA_N_FILE_TASKS; task++)
    {
      const PatellaFileTaskInfo *info = patella_file_task_get_info (task);
      GtkFileChooserNative *chooser;
      g_autofree char *today = NULL;
      g_autofree char *name = NULL;

      if (!g_str_equal (action_name, info->action))
        continue;

      chooser = gtk_file_chooser_native_new (_(info->title), GTK_WINDOW (self),
                                             info->name ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                           : GTK_FILE_CHOOSER_ACTION_OPEN,
                                             _(info->accept), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      if (info->name != NULL)
        {
          today = patella_day_today ();
          name = g_strconcat (info->name, today, info->extension, NULL);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
        }
      if (task == PATELLA_FILE_TASK_IMPORT_RUNS)
        {
          static const char *const patterns[] = { "*.gpx", "*.tcx", "*.gpx.gz", "*.tcx.gz", "*.csv" };
          GtkFileFilter *filter = gtk_file_filter_new ();

          for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
            gtk_file_filter_add_pattern (filter, patterns[p]);
          gtk_file_filter_set_name (filter, _("GPX, TCX, Strava or Garmin files"));
          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
          gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
          g_object_unref (filter);
        }
      if (info->pattern != NULL)
        {
          GtkFileFilter *filter = gtk_file_filter_new ();

          gtk_file_filter_add_pattern (filter, info->pattern);
          gtk_file_filter_set_name (filter, info->pattern);
          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
          g_object_unref (filter);
        }
      g_object_set_data (G_OBJECT (chooser), "task", GINT_TO_POINTER (task));
      g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen), self, 0);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

/* Printing draws the same pages as the PDF. */
static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PatellaReport     *report)
{
  guint pages = patella_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           PatellaReport     *report)
{
  patella_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PatellaReport *report;

  if (self->store == NULL)
    return;

  report = patella_file_task_make_report (self->store, window_settings (self), &error);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, _("Patella clinic report"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), report);
  g_object_set_data_full (G_OBJECT (operation), "report", report, (GDestroyNotify) patella_report_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

/* Start-up builds only the Today page: the others, and the history they
 * read, wait until the runner opens them. */
static void
ensure_page (PatellaWindow *self,
             const char    *name)
{
  /* The stack may change pages as it is taken apart. */
  if (self->disposed)
    return;

  if (g_strcmp0 (name, "progress") == 0 && self->progress_page == NULL)
    {
      self->progress_page = g_object_new (PATELLA_TYPE_PROGRESS_PAGE, NULL);
      patella_progress_page_set_session (self->progress_page, self->session);
      adw_bin_set_child (self->progress_bin, GTK_WIDGET (self->progress_page));
    }
  else if (g_strcmp0 (name, "history") == 0 && self->history_page == NULL)
    {
      self->history_page = g_object_new (PATELLA_TYPE_HISTORY_PAGE, NULL);
      patella_history_page_set_session (self->history_page, self->session);
      adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_page));
    }
}

PatellaProgressPage *
patella_window_get_progress_page (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  ensure_page (self, "progress");
  return self->progress_page;
}

/* A day picked on a chart opens on the Today page. */
static void
show_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  if (self->store == NULL)
    return;
  patella_window_set_page (self, "today");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->today_page), "today.go-to-day", parameter);
}

PatellaHistoryPage *
patella_window_get_history_page (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  ensure_page (self, "history");
  return self->history_page;
}

PatellaTodayPage *
patella_window_get_today_page (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return self->today_page;
}

gboolean
patella_window_has_error (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0;
}

/* Shortcuts for the Today page that work wherever the focus is: each window
 * action shows Today and runs the page's action of the same name. */
static const char *const today_shortcuts[][2] = {
  { "win.previous-day", "today.previous-day" },
  { "win.next-day", "today.next-day" },
  { "win.go-today", "today.go-today" },
  { "win.edit-routine", "today.edit-routine" },
};

static void
today_shortcut_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  if (self->store == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (today_shortcuts); i++)
    {
      if (g_str_equal (action_name, today_shortcuts[i][0]))
        {
          patella_window_set_page (self, "today");
          gtk_widget_activate_action (GTK_WIDGET (self->today_page), today_shortcuts[i][1], NULL);
        }
    }
}

static void
view_stack_page_changed (PatellaWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* A write waits for another program to let go of the file, with the
 * window still working: say so until the wait is over. */
static void
forget_waiting_toast (PatellaWindow *self,
                      gboolean       dismiss)
{
  if (self->waiting_toast == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->waiting_toast), (gpointer *) &self->waiting_toast);
  if (dismiss)
    adw_toast_dismiss (self->waiting_toast);
  self->waiting_toast = NULL;
}

static void
store_waiting (PatellaStore  *store,
               gboolean       waiting,
               PatellaWindow *self)
{
  forget_waiting_toast (self, TRUE);
  if (!waiting || self->disposed)
    return;

  self->waiting_toast = adw_toast_new (_("Waiting for another program to let go…"));
  adw_toast_set_timeout (self->waiting_toast, 0);
  g_object_add_weak_pointer (G_OBJECT (self->waiting_toast), (gpointer *) &self->waiting_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->waiting_toast);
}

static void
patella_window_constructed (GObject *object)
{
  PatellaWindow *self = (PatellaWindow *) object;
  GSettings *settings;

  G_OBJECT_CLASS (patella_window_parent_class)->constructed (object);

  /* A window made without one (as in a builder) has a record of nothing. */
  if (self->session == NULL)
    self->session = patella_session_new (":memory:", NULL);
  settings = patella_session_get_settings (self->session);
  self->store = patella_session_get_store (self->session);

  patella_today_page_set_session (self->today_page, self->session);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "waiting", G_CALLBACK (store_waiting), self, 0);
  g_signal_connect_object (self->session, "undo-offered", G_CALLBACK (undo_offered), self, 0);
  g_signal_connect_object (self->session, "notify::refusal", G_CALLBACK (session_refused), self,
                           G_CONNECT_SWAPPED);
  session_refused (self);

  if (settings != NULL)
    {
      /* Size, not position: the window manager places windows. */
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

/* Whether the title shows the window's name, the views having no room. */
static gboolean
views_in_bar (PatellaWindow *self)
{
  return adw_squeezer_get_visible_child (self->title_squeezer) == self->window_title;
}

/* The bottom bar of views shows only when the title has no room for them:
 * a wide window never needs it, so it is made the first time the window
 * is narrow (a bar of thirty widgets styled and measured at every start
 * otherwise). Not inside the layout that found the window narrow: after
 * it, before the next frame. */
static gboolean
add_switcher_bar (gpointer data)
{
  PatellaWindow *self = data;

  self->switcher_bar_id = 0;
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, views_in_bar (self));
  gtk_box_append (self->log_box, GTK_WIDGET (self->switcher_bar));
  return G_SOURCE_REMOVE;
}

static void
title_squeezed (PatellaWindow *self)
{
  if (self->disposed)
    return;
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, views_in_bar (self));
  else if (self->switcher_bar_id == 0 && views_in_bar (self))
    self->switcher_bar_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, add_switcher_bar, self, NULL);
}

/* For tests: the bottom bar of views, NULL until the window was narrow. */
AdwViewSwitcherBar *
patella_window_get_switcher_bar (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);
  return self->switcher_bar;
}

static void
patella_window_dispose (GObject *object)
{
  PatellaWindow *self = (PatellaWindow *) object;

  self->disposed = TRUE;
  forget_waiting_toast (self, FALSE);
  g_clear_handle_id (&self->switcher_bar_id, g_source_remove);
  self->switcher_bar = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_WINDOW);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->problem_toast);
  self->store = NULL;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (patella_window_parent_class)->dispose (object);
}

static void
patella_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PatellaWindow *self = PATELLA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PAGE:
      g_value_set_string (value, patella_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PatellaWindow *self = PATELLA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_PAGE:
      patella_window_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_window_class_init (PatellaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_window_dispose;
  object_class->get_property = patella_window_get_property;
  object_class->set_property = patella_window_set_property;
  object_class->constructed = patella_window_constructed;

  /* The record and its settings, from the application (as Console hands
   * its settings to its window). */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PATELLA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* NULL while the window shows why the database could not be opened. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PATELLA_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "today",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PATELLA_TYPE_TODAY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/patella/Patella/patella-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, log_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, log_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, log_menu);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, progress_bin);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, title_squeezed);

  gtk_widget_class_install_property_action (widget_class, "win.page", "page");
  gtk_widget_class_install_action (widget_class, "win.log-pain", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "win.log-run", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "win.log-timed-run", "(sd)", log_timed_run_action);
  gtk_widget_class_install_action (widget_class, "win.check-in", NULL, check_in_action);
  gtk_widget_class_install_action (widget_class, "win.clinic-visit", NULL, clinic_visit_action);
  gtk_widget_class_install_action (widget_class, "win.undo", "u", undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", "s", show_details_action);
  gtk_widget_class_install_action (widget_class, "win.show-problem", "s", show_problem_action);
  gtk_widget_class_install_action (widget_class, "win.edit-entry", "(ixs)", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "win.show-day", "s", show_day_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-daily-csv", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-daily-xlsx", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-runs", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.import-run-files", "as", import_run_files_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.log-pain", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.log-run", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (today_shortcuts); i++)
    gtk_widget_class_install_action (widget_class, today_shortcuts[i][0], NULL, today_shortcut_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.go-today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-routine", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.page", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.page", "s", "progress");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.page", "s", "history");
}

/* GTK asks on every opening; the menu is built on the first. */
static void
create_menu (GtkMenuButton *button,
             gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* The shortcuts window, built the first time it is asked for (Ctrl+? or the
 * menu). Its resource is not at gtk/help-overlay.ui on purpose: GTK would
 * build it, some 380 widgets never shown, with every window at start-up. */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *parameter,
                   PatellaWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/patella/Patella/patella-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
patella_window_init (PatellaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A menu's widgets are built the first time it opens, not at start-up. */
  gtk_menu_button_set_create_popup_func (self->log_menu_button, create_menu, self->log_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu, self->primary_menu, NULL);

  {
    /* In the window's own action map, so that GTK keeps it rather than adding
     * its own when the shortcuts window is set. */
    g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  }

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (files_dropped), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  patella_a11y_name_controls (GTK_WIDGET (self));
}
