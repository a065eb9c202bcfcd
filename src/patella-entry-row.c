/* patella-entry-row.c: one logged entry as a row, with Edit and Delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * History lists every day's entries and Today the shown day's; both show an
 * entry the same way and edit or delete it the same way.
 */
#define G_LOG_DOMAIN "patella-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-entry-text.h"
#include "patella-entry-row.h"

static GtkWidget *
entry_button (const char         *icon,
              const char         *tooltip,
              const char         *action,
              const PatellaEntry *entry,
              const char         *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(ixs)", (int) entry->kind, entry->id, entry->day));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

GtkWidget *
patella_entry_row_new (const PatellaEntry  *entry,
                       PatellaDistanceUnit  unit,
                       GHashTable          *names,
                       const char          *edit_action,
                       const char          *delete_action)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  patella_entry_describe (entry, unit, names, &title, &subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (entry->kind == PATELLA_ENTRY_PAIN || entry->kind == PATELLA_ENTRY_RUN)
    {
      /* Translators: for screen readers; %s describes the entry */
      edit_label = g_strdup_printf (_("Edit: %s"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 entry_button ("document-edit-symbolic", _("Edit"), edit_action, entry, edit_label));
    }
  /* Translators: for screen readers; %s describes the entry */
  delete_label = g_strdup_printf (_("Delete: %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             entry_button ("user-trash-symbolic", _("Delete"), delete_action, entry, delete_label));
  return row;
}

PatellaEntry *
patella_entry_row_lookup (PatellaStore  *store,
                          GVariant      *target,
                          GError       **error)
{
  PatellaEntryKind kind;
  gint64 id;
  const char *day;
  int kind_value;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  g_variant_get (target, "(ix&s)", &kind_value, &id, &day);
  kind = (PatellaEntryKind) kind_value;

  if (kind == PATELLA_ENTRY_REST_DAY)
    {
      g_autoptr(GPtrArray) entries = patella_store_list_entries (store, day, 1u << kind, error);

      if (entries == NULL)
        return NULL;
      if (entries->len == 0)
        {
          g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                       _("That entry is no longer in the log."));
          return NULL;
        }
      return g_ptr_array_steal_index (entries, 0);
    }
  if (kind_value < 0 || kind >= PATELLA_N_ENTRY_KINDS)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("That entry is no longer in the log."));
      return NULL;
    }
  return patella_store_get_entry (store, kind, id, error);
}

/* What the rows' Edit does from a page in the main window. */
void
patella_entry_row_edit (GtkWidget *page,
                        GVariant  *target)
{
  gtk_widget_activate_action_variant (page, "win.edit-entry", target);
}

/* What the rows' Delete does: the entry goes, with Undo in the session's
 * queue; a problem goes up to the window. */
void
patella_entry_row_delete (GtkWidget      *page,
                          PatellaSession *session,
                          GVariant       *target)
{
  PatellaStore *store = session ? patella_session_get_store (session) : NULL;
  g_autoptr(PatellaEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  entry = patella_entry_row_lookup (store, target, &error);
  if (entry == NULL || !patella_store_remove_entry (store, entry, &error))
    gtk_widget_activate_action (page, "win.show-problem", "s", error->message);
  else
    patella_session_offer_entry_undo (session, _("Entry deleted"), entry, NULL);
}
