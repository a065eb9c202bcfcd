/* patella-a11y.h: names for screen readers that GTK 4.8 gets wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "Log _Pain…" without its mnemonic: "Log Pain…". */
char *patella_a11y_strip_mnemonic (const char *label);

/* @name as the only name a screen reader says for @widget: GTK 4.8 would
 * add the names of the widgets it is labelled by. */
void  patella_a11y_set_name (GtkWidget  *widget,
                             const char *name);

/* Sets a button's mnemonic label and the name a screen reader says. */
void  patella_a11y_set_button_label (GtkButton  *button,
                                     const char *label);

/* Names an expander row, and the parts of it that take the focus, @name;
 * call it once its rows are added. */
void  patella_a11y_name_expander_row (GtkWidget  *row,
                                      const char *name);

/* Names the toggle button inside a menu button or a drop-down. */
void  patella_a11y_name_inner_button (GtkWidget  *widget,
                                      const char *name);

/* Names a menu button, and the toggle button inside it. */
void  patella_a11y_name_menu_button (GtkWidget  *button,
                                     const char *name);

/* A factory for a list of GtkStringObjects whose items are named. */
GtkListItemFactory *patella_a11y_string_factory (void);

/* Fixes the names under @root: every button with a mnemonic label is named
 * by its words alone, and the scrolled area of a status page by the page. */
void  patella_a11y_name_controls (GtkWidget *root);

G_END_DECLS
