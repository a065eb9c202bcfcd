/* patella-time-row.c: a row to choose a time of day
 *
 * The row shows the time on a button; the button opens two spin buttons,
 * hours and minutes, that wrap around. The keyboard's arrows and typing
 * both work, and each control has its own accessible label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "patella-time-row.h"

struct _PatellaTimeRow
{
  AdwActionRow   parent_instance;

  GtkMenuButton *button;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  char           time[6];

  GSettings     *settings;
  char          *key;
  int            index;
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (PatellaTimeRow, patella_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Two digits always: "07", not "7". */
static gboolean
show_two_digits (GtkSpinButton *spin,
                 gpointer       user_data)
{
  char text[8];

  g_snprintf (text, sizeof text, "%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
write_setting (PatellaTimeRow *self)
{
  if (self->settings == NULL || self->syncing)
    return;

  self->syncing = TRUE;
  if (self->index < 0)
    {
      g_settings_set_string (self->settings, self->key, self->time);
    }
  else
    {
      g_auto(GStrv) times = g_settings_get_strv (self->settings, self->key);

      if ((guint) self->index < g_strv_length (times) && g_strcmp0 (times[self->index], self->time) != 0)
        {
          g_free (times[self->index]);
          times[self->index] = g_strdup (self->time);
          g_settings_set_strv (self->settings, self->key, (const char * const *) times);
        }
    }
  self->syncing = FALSE;
}

static void
update_button (PatellaTimeRow *self)
{
  /* Translators: the accessible name of a reminder's time button: the
   * reminder, then its time */
  g_autofree char *label = g_strdup_printf (_("%s, at %s"),
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                            self->time);

  gtk_menu_button_set_label (self->button, self->time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
spin_changed (PatellaTimeRow *self)
{
  char time[6];

  g_snprintf (time, sizeof time, "%02d:%02d",
              gtk_spin_button_get_value_as_int (self->hour),
              gtk_spin_button_get_value_as_int (self->minute));
  if (g_str_equal (time, self->time))
    return;

  memcpy (self->time, time, sizeof time);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
  write_setting (self);
}

static void
read_setting (PatellaTimeRow *self)
{
  g_autofree char *value = NULL;

  if (self->syncing)
    return;

  if (self->index < 0)
    {
      value = g_settings_get_string (self->settings, self->key);
    }
  else
    {
      g_auto(GStrv) times = g_settings_get_strv (self->settings, self->key);

      if ((guint) self->index < g_strv_length (times))
        value = g_strdup (times[self->index]);
    }

  self->syncing = TRUE;
  if (patella_time_parse (value, PATELLA_TIME_FORM_HH_MM, NULL, NULL, NULL))
    patella_time_row_set_time (self, value);
  self->syncing = FALSE;
}

static void
setting_changed (GSettings      *settings,
                 const char     *key,
                 PatellaTimeRow *self)
{
  read_setting (self);
}

void
patella_time_row_bind (PatellaTimeRow *self,
                       GSettings      *settings,
                       const char     *key,
                       int             index)
{
  g_autofree char *signal = NULL;

  g_return_if_fail (PATELLA_IS_TIME_ROW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->key = g_strdup (key);
  self->index = index;
  signal = g_strconcat ("changed::", key, NULL);
  g_signal_connect_object (settings, signal, G_CALLBACK (setting_changed), self, 0);
  read_setting (self);
}

const char *
patella_time_row_get_time (PatellaTimeRow *self)
{
  g_return_val_if_fail (PATELLA_IS_TIME_ROW (self), NULL);
  return self->time;
}

void
patella_time_row_set_time (PatellaTimeRow *self,
                           const char     *time)
{
  int hour, minute;

  g_return_if_fail (PATELLA_IS_TIME_ROW (self));
  g_return_if_fail (patella_time_parse (time, PATELLA_TIME_FORM_HH_MM, &hour, &minute, NULL));

  gtk_spin_button_set_value (self->hour, hour);
  gtk_spin_button_set_value (self->minute, minute);
}

static GtkSpinButton *
make_spin (int         upper,
           const char *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (show_two_digits), NULL);
  return spin;
}

static void
patella_time_row_dispose (GObject *object)
{
  PatellaTimeRow *self = PATELLA_TIME_ROW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (patella_time_row_parent_class)->dispose (object);
}

static void
patella_time_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PatellaTimeRow *self = PATELLA_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_time_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PatellaTimeRow *self = PATELLA_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      patella_time_row_set_time (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_time_row_class_init (PatellaTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_time_row_dispose;
  object_class->get_property = patella_time_row_get_property;
  object_class->set_property = patella_time_row_set_property;

  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL,
                         "00:00",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_time_row_init (PatellaTimeRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();

  self->index = -1;
  memcpy (self->time, "00:00", 6);
  self->hour = make_spin (23, _("Hour"));
  self->minute = make_spin (59, _("Minute"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->minute));
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  update_button (self);
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update_button), self);

  g_signal_connect_swapped (self->hour, "value-changed", G_CALLBACK (spin_changed), self);
  g_signal_connect_swapped (self->minute, "value-changed", G_CALLBACK (spin_changed), self);
}

GtkWidget *
patella_time_row_new (const char *title)
{
  return g_object_new (PATELLA_TYPE_TIME_ROW, "title", title, NULL);
}
