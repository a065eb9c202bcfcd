/* patella-a11y.c: names for screen readers that GTK 4.8 gets wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a real AT-SPI bus, GTK 4.8 names a button with a mnemonic label by the
 * raw label and then its text again: Orca said "_Quit Quit" and "Next
 * Next", and a row's switch by its label and the row's title ("Kilometres
 * Kilometres"). An explicit accessible label with no "labelled by" relation
 * is said alone, so controls get one; tests/atspi-names.py listens as a
 * screen reader does.
 */
#define G_LOG_DOMAIN "patella-a11y"

#include "config.h"

#include <adwaita.h>

#include "patella-a11y.h"

char *
patella_a11y_strip_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the mnemonic. */
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (text, *++p);
          continue;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* GTK 4.8 names a control by its own label and then by every widget it is
 * "labelled by": a button by its raw label ("_Quit") and by the label
 * inside ("Quit"). One name, set here, and no relation. */
void
patella_a11y_set_name (GtkWidget  *widget,
                       const char *name)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *words = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  words = patella_a11y_strip_mnemonic (label);
  patella_a11y_set_name (GTK_WIDGET (button), words);
}

void
patella_a11y_set_button_label (GtkButton  *button,
                               const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_button_set_label (button, label);
  gtk_button_set_use_underline (button, TRUE);
  name_button (button);
}

void
patella_a11y_name_expander_row (GtkWidget  *row,
                                const char *name)
{
  GtkWidget *box = gtk_widget_get_first_child (row);

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  /* Libadwaita 1.2's expander row is a box: a list holding the heading (an
   * action row), then a revealer with a list of the rows added. The row,
   * its heading and that list take the focus nameless: each is the row. */
  patella_a11y_set_name (row, name);
  for (GtkWidget *part = box ? gtk_widget_get_first_child (box) : NULL; part; part = gtk_widget_get_next_sibling (part))
    {
      GtkWidget *list = GTK_IS_REVEALER (part) ? gtk_revealer_get_child (GTK_REVEALER (part)) : part;

      if (!GTK_IS_LIST_BOX (list))
        continue;
      if (list == part)
        {
          patella_a11y_set_name (list, name);
          for (GtkWidget *heading = gtk_widget_get_first_child (list); heading; heading = gtk_widget_get_next_sibling (heading))
            patella_a11y_set_name (heading, name);
          continue;
        }
      /* The rows added are text: the labels take the focus and are read,
       * not the nameless rows and list around them. */
      gtk_widget_set_focusable (list, FALSE);
      for (GtkWidget *added = gtk_widget_get_first_child (list); added; added = gtk_widget_get_next_sibling (added))
        if (GTK_IS_LIST_BOX_ROW (added) && !ADW_IS_PREFERENCES_ROW (added))
          {
            gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (added), FALSE);
            gtk_widget_set_focusable (added, FALSE);
          }
    }
  patella_a11y_name_controls (row);
}

void
patella_a11y_name_inner_button (GtkWidget  *widget,
                                const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The focus goes to the toggle button inside a menu button or a
   * drop-down, which GTK 4.8 leaves nameless ("GtkToggleButton"). */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      patella_a11y_set_name (child, name);
}

void
patella_a11y_name_menu_button (GtkWidget  *button,
                               const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (button));

  patella_a11y_set_name (button, name);
  patella_a11y_name_inner_button (button, name);
}

/* A list's choices (GtkStringObjects) as labels: GTK 4.8 leaves the item
 * that holds each (the label's parent) nameless, so it gets the text. */
static void
string_item_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
string_item_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GObject *choice = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (choice) ? gtk_string_object_get_string (GTK_STRING_OBJECT (choice)) : "";
  GtkWidget *holder = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* In a list view the item is the list's child (a combo row puts a box
   * with a tick around the label); on a drop-down's button, the parent. */
  for (GtkWidget *up = holder; up != NULL && gtk_widget_get_parent (up) != NULL; up = gtk_widget_get_parent (up))
    if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (up)))
      {
        holder = up;
        break;
      }
  if (holder != NULL)
    patella_a11y_set_name (holder, text);
}

GtkListItemFactory *
patella_a11y_string_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (string_item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (string_item_bind), NULL);
  return factory;
}

static void
name_by_title (AdwStatusPage *page,
               GParamSpec    *pspec,
               GtkWidget     *scrolled)
{
  patella_a11y_set_name (scrolled, adw_status_page_get_title (page));
}

void
patella_a11y_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_button (GTK_BUTTON (root));
  /* A row's control is named by the row's title, and only by it: GTK 4.8
   * said both its own label and the title it is labelled by. */
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (root)) != NULL)
    patella_a11y_set_name (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (root)),
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  /* A status page's text scrolls in an area of its own, focusable and
   * nameless: it is the page. */
  if (GTK_IS_SCROLLED_WINDOW (root) && gtk_widget_get_ancestor (root, ADW_TYPE_STATUS_PAGE) != NULL)
    {
      GtkWidget *page = gtk_widget_get_ancestor (root, ADW_TYPE_STATUS_PAGE);

      name_by_title (ADW_STATUS_PAGE (page), NULL, root);
      g_signal_connect_object (page, "notify::title", G_CALLBACK (name_by_title), root, 0);
    }

  /* A preferences page scrolls in an area named by the page. */
  else if (GTK_IS_SCROLLED_WINDOW (root) && gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_PAGE) != NULL)
    patella_a11y_set_name (root, adw_preferences_page_get_title (
                                   ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_PAGE))));
  /* A combo row's list of choices is named by the row. */
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_get_ancestor (root, ADW_TYPE_COMBO_ROW) != NULL)
    patella_a11y_set_name (root, adw_preferences_row_get_title (
                                   ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (root, ADW_TYPE_COMBO_ROW))));
  /* Its choices, in the list and the one shown in the row. */
  if (ADW_IS_COMBO_ROW (root) && adw_combo_row_get_expression (ADW_COMBO_ROW (root)) == NULL)
    {
      g_autoptr(GtkListItemFactory) shown = patella_a11y_string_factory ();
      g_autoptr(GtkListItemFactory) listed = patella_a11y_string_factory ();

      adw_combo_row_set_factory (ADW_COMBO_ROW (root), shown);
      adw_combo_row_set_list_factory (ADW_COMBO_ROW (root), listed);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    patella_a11y_name_controls (child);
}
