/* patella-checkin-card.c: Today's card when the check-in is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every 14 days (the first at once, as the baseline) the card asks for the
 * check-in; "Later" puts it off 2 days (GSettings checkin-snoozed-until).
 * The schedule itself is patella_checkin_schedule(), tested in core.
 */
#define G_LOG_DOMAIN "patella-checkin-card"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-store-outcomes.h"
#include "patella-checkin-card.h"

#define SNOOZE_KEY "checkin-snoozed-until"

struct _PatellaCheckinCard
{
  GtkBox        parent_instance;

  /* owned */
  PatellaStore *store;
  GSettings    *settings;
  gboolean      is_today;

  /* widgets */
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (PatellaCheckinCard, patella_checkin_card, GTK_TYPE_BOX)

static char *
snoozed_until (PatellaCheckinCard *self)
{
  g_autofree char *day = self->settings ? g_settings_get_string (self->settings, SNOOZE_KEY) : NULL;

  return patella_day_is_valid (day) ? g_steal_pointer (&day) : NULL;
}

static void
refresh (PatellaCheckinCard *self)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();
  g_autofree char *snoozed = NULL;
  g_autofree char *text = NULL;
  const char *last = NULL;
  PatellaCheckin checkin;

  if (self->store == NULL || !self->is_today)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  checkins = patella_store_list_checkins (self->store, &error);
  if (checkins == NULL)
    {
      g_warning ("The check-ins could not be read: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  if (checkins->len > 0)
    last = ((PatellaCheckinAnswers *) g_ptr_array_index (checkins, checkins->len - 1))->day;
  snoozed = snoozed_until (self);
  patella_checkin_schedule (last, snoozed, today, &checkin);

  if (last == NULL)
    text = g_strdup (_("Time for a first check-in: a few ratings of your knee over the last week. It is the "
                       "baseline that later check-ins, every two weeks, are measured against."));
  else if (checkin.state == PATELLA_CHECKIN_MISSED)
    /* Translators: %s is the day the check-in fell due */
    text = g_strdup_printf (_("Your check-in has been due since %s. It takes two minutes and shows how the knee "
                              "has changed."), checkin.due);
  else
    text = g_strdup (_("Your check-in is due: two minutes of ratings every two weeks show how the knee has "
                       "changed."));
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), checkin.state == PATELLA_CHECKIN_DUE ||
                                             checkin.state == PATELLA_CHECKIN_MISSED);
}

static void
later_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PatellaCheckinCard *self = PATELLA_CHECKIN_CARD (widget);
  g_autofree char *today = patella_day_today ();
  g_autofree char *until = patella_day_add (today, PATELLA_CHECKIN_SNOOZE_DAYS);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, SNOOZE_KEY, until);
  refresh (self);
}

static void
store_changed (PatellaCheckinCard *self,
               int                 table)
{
  if (table == PATELLA_STORE_CHANGED_OUTCOMES || table == PATELLA_STORE_CHANGED_ALL)
    refresh (self);
}

void
patella_checkin_card_set_store (PatellaCheckinCard *self,
                                PatellaStore       *store)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_CARD (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
}

void
patella_checkin_card_set_settings (PatellaCheckinCard *self,
                                   GSettings          *settings)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_CARD (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::" SNOOZE_KEY, G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

void
patella_checkin_card_set_is_today (PatellaCheckinCard *self,
                                   gboolean            is_today)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_CARD (self));

  if (self->is_today == is_today)
    return;
  self->is_today = is_today;
  refresh (self);
}

static void
patella_checkin_card_dispose (GObject *object)
{
  PatellaCheckinCard *self = PATELLA_CHECKIN_CARD (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_checkin_card_parent_class)->dispose (object);
}

static void
patella_checkin_card_class_init (PatellaCheckinCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_checkin_card_dispose;
  gtk_widget_class_install_action (widget_class, "checkin-card.later", NULL, later_action);
}

static void
patella_checkin_card_init (PatellaCheckinCard *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "document-edit-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *later = gtk_button_new_with_mnemonic (_("_Later"));
  GtkWidget *check_in = gtk_button_new_with_mnemonic (_("_Check In"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "nudge");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), icon);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (self), top);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (later), "checkin-card.later");
  gtk_widget_set_tooltip_text (later, _("Ask again in two days"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check_in), "win.check-in");
  gtk_widget_add_css_class (check_in, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), later);
  gtk_box_append (GTK_BOX (buttons), check_in);
  gtk_box_append (GTK_BOX (self), buttons);
}
