/* patella-day-log.c: the pain scores and runs logged on one day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today shows the day's exercises as a checklist; what else was logged that
 * day is listed here, each entry editable and deletable (with Undo) as in
 * History. Hidden while the day has none.
 */
#define G_LOG_DOMAIN "patella-day-log"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-settings.h"
#include "patella-day-log-private.h"
#include "patella-entry-row.h"

struct _PatellaDayLog
{
  AdwBin        parent_instance;

  /* widgets */
  GtkListBox   *list;

  /* owned */
  PatellaSession *session;
  PatellaStore *store;
  GSettings    *settings;  /* may be NULL: kilometres */
  char         *day;
  guint         n_entries;
};

G_DEFINE_FINAL_TYPE (PatellaDayLog, patella_day_log, ADW_TYPE_BIN)

static void
reload (PatellaDayLog *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_entries = 0;

  if (self->store != NULL && self->day != NULL)
    {
      entries = patella_store_list_entries (self->store, self->day,
                                            (1u << PATELLA_ENTRY_PAIN) | (1u << PATELLA_ENTRY_RUN), &error);
      /* A damaged file is the window's to explain; the list stays empty. */
      if (entries == NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      gtk_list_box_append (self->list,
                           patella_entry_row_new (g_ptr_array_index (entries, i),
                                                  patella_settings_get_unit (self->settings), NULL,
                                                  "day-log.edit", "day-log.delete"));
      self->n_entries++;
    }
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self)), self->n_entries > 0);
}

static void
store_changed (PatellaDayLog *self,
               int            table)
{
  if (table == PATELLA_TABLE_PAIN_LOG || table == PATELLA_TABLE_RUNS || table == PATELLA_STORE_CHANGED_ALL)
    reload (self);
}

/* The record and its settings, and where a deletion's Undo goes. */
void
patella_day_log_set_session (PatellaDayLog  *self,
                             PatellaSession *session)
{
  PatellaStore *store;
  GSettings *settings;

  g_return_if_fail (PATELLA_IS_DAY_LOG (self));
  g_return_if_fail (PATELLA_IS_SESSION (session));

  store = patella_session_get_store (session);
  settings = patella_session_get_settings (session);
  g_set_object (&self->session, session);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::distance-unit", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
patella_day_log_set_day (PatellaDayLog *self,
                         const char    *day)
{
  g_return_if_fail (PATELLA_IS_DAY_LOG (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  reload (self);
}

guint
patella_day_log_get_n_entries (PatellaDayLog *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_LOG (self), 0);
  return self->n_entries;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  patella_entry_row_edit (widget, parameter);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  patella_entry_row_delete (widget, PATELLA_DAY_LOG (widget)->session, parameter);
}

static void
patella_day_log_dispose (GObject *object)
{
  PatellaDayLog *self = (PatellaDayLog *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->day, g_free);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (patella_day_log_parent_class)->dispose (object);
}

static void
patella_day_log_class_init (PatellaDayLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_day_log_dispose;

  gtk_widget_class_install_action (widget_class, "day-log.edit", "(ixs)", edit_action);
  gtk_widget_class_install_action (widget_class, "day-log.delete", "(ixs)", delete_action);
}

static void
patella_day_log_init (PatellaDayLog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Pain and Runs"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_visible (box, FALSE);
  adw_bin_set_child (ADW_BIN (self), box);
}
