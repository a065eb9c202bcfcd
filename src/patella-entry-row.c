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

#include "patella-entry-row.h"
#include "patella-history-page.h"
#include "patella-window.h"

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

/* The entry @target names, with the window to show it in; NULL (the
 * window told) when it cannot be read. */
static PatellaEntry *
lookup_in_window (GtkWidget      *page,
                  PatellaStore   *store,
                  GVariant       *target,
                  PatellaWindow **window)
{
  GtkRoot *root = gtk_widget_get_root (page);
  g_autoptr(GError) error = NULL;
  PatellaEntry *entry;

  *window = PATELLA_IS_WINDOW (root) ? PATELLA_WINDOW (root) : NULL;
  if (store == NULL || *window == NULL)
    return NULL;

  entry = patella_entry_row_lookup (store, target, &error);
  if (entry == NULL)
    patella_window_show_problem (*window, error->message);
  return entry;
}

void
patella_entry_row_edit (GtkWidget    *page,
                        PatellaStore *store,
                        GVariant     *target)
{
  PatellaWindow *window;
  g_autoptr(PatellaEntry) entry = lookup_in_window (page, store, target, &window);

  if (entry != NULL)
    patella_window_open_entry_dialog (window, entry);
}

void
patella_entry_row_delete (GtkWidget    *page,
                          PatellaStore *store,
                          GVariant     *target)
{
  PatellaWindow *window;
  g_autoptr(PatellaEntry) entry = lookup_in_window (page, store, target, &window);
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;
  if (!patella_store_remove_entry (store, entry, &error))
    patella_window_show_problem (window, error->message);
  else
    patella_window_offer_undo (window, _("Entry deleted"), entry, NULL);
}
