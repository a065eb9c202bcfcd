/* patella-checkin-dialog.c: the check-in, every two weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short form of numeric ratings, free to use (not the licensed AKPS or
 * KOOS-PF texts): usual and worst pain over the last week, pain on seven
 * activities (or "did not do"), and a 7-point rating of change since
 * starting. Saving replaces the day's answers whole.
 */
#define G_LOG_DOMAIN "patella-checkin-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "patella-checkin-dialog-private.h"
#include "patella-entry-dialog.h"

struct _PatellaCheckinDialog
{
  AdwWindow        parent_instance;

  /* owned */
  PatellaStore    *store;
  char            *day;

  /* widgets */
  AdwToastOverlay *toasts;
  GtkSpinButton   *spins[PATELLA_N_OUTCOME_ITEMS];     /* the pain items */
  GtkCheckButton  *not_done[PATELLA_N_OUTCOME_ITEMS];  /* the activities */
  AdwComboRow     *global_row;
};

G_DEFINE_FINAL_TYPE (PatellaCheckinDialog, patella_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
not_done_toggled (GtkCheckButton *check,
                  GtkWidget      *spin)
{
  gtk_widget_set_sensitive (spin, !gtk_check_button_get_active (check));
}

static GtkWidget *
pain_row (PatellaCheckinDialog *self,
          PatellaOutcomeItem    item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 1);
  const char *title = patella_outcome_item_get_title (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  patella_widget_ignore_scrolling (spin);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  self->spins[item] = GTK_SPIN_BUTTON (spin);

  if (patella_outcome_item_allows_not_done (item))
    {
      GtkWidget *check = gtk_check_button_new_with_label (_("Did not do"));
      /* Translators: for screen readers: "Did not do: Kneeling" */
      g_autofree char *name = g_strdup_printf (_("Did not do: %s"), title);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (not_done_toggled), spin, 0);
      self->not_done[item] = GTK_CHECK_BUTTON (check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

void
patella_checkin_dialog_set_value (PatellaCheckinDialog *self,
                                  PatellaOutcomeItem    item,
                                  int                   value)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_DIALOG (self));
  g_return_if_fail (item < PATELLA_N_OUTCOME_ITEMS);

  if (item == PATELLA_OUTCOME_GLOBAL_CHANGE)
    {
      if (value >= PATELLA_GLOBAL_CHANGE_MIN && value <= PATELLA_GLOBAL_CHANGE_MAX)
        adw_combo_row_set_selected (self->global_row, (guint) (value - PATELLA_GLOBAL_CHANGE_MIN));
      return;
    }
  if (self->not_done[item] != NULL)
    gtk_check_button_set_active (self->not_done[item], value == PATELLA_OUTCOME_NOT_DONE);
  if (value >= 0)
    gtk_spin_button_set_value (self->spins[item], value);
}

void
patella_checkin_dialog_get_answers (PatellaCheckinDialog  *self,
                                    PatellaCheckinAnswers *answers)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_DIALOG (self));

  answers->day = self->day;
  for (PatellaOutcomeItem item = 0; item < PATELLA_OUTCOME_GLOBAL_CHANGE; item++)
    {
      if (self->not_done[item] != NULL && gtk_check_button_get_active (self->not_done[item]))
        answers->values[item] = PATELLA_OUTCOME_NOT_DONE;
      else
        answers->values[item] = gtk_spin_button_get_value_as_int (self->spins[item]);
    }
  answers->values[PATELLA_OUTCOME_GLOBAL_CHANGE] =
    (int) adw_combo_row_get_selected (self->global_row) + PATELLA_GLOBAL_CHANGE_MIN;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PatellaCheckinDialog *self = PATELLA_CHECKIN_DIALOG (widget);
  PatellaCheckinAnswers answers;
  g_autoptr(GError) error = NULL;

  patella_checkin_dialog_get_answers (self, &answers);
  if (!patella_store_save_checkin (self->store, &answers, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
patella_checkin_dialog_finalize (GObject *object)
{
  PatellaCheckinDialog *self = PATELLA_CHECKIN_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->day);

  G_OBJECT_CLASS (patella_checkin_dialog_parent_class)->finalize (object);
}

static void
patella_checkin_dialog_class_init (PatellaCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = patella_checkin_dialog_finalize;

  /**
   * PatellaCheckinDialog::saved:
   *
   * The answers are in the store; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "checkin.save", NULL);
}

static GtkWidget *
group (GtkWidget  *box,
       const char *title,
       const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static void
patella_checkin_dialog_init (PatellaCheckinDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *intro = gtk_label_new (_("How has your knee been over the last week? 0 is no pain, 10 the worst "
                                      "imaginable. The first check-in is your baseline; a change of 2 points "
                                      "or more from it is one you would notice."));
  GtkWidget *pain, *activities, *change;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Check-In"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "checkin.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (content), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  pain = group (box, _("Over the Last Week"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (pain), pain_row (self, PATELLA_OUTCOME_USUAL_PAIN));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (pain), pain_row (self, PATELLA_OUTCOME_WORST_PAIN));

  activities = group (box, _("Pain on Activities"), _("Over the last week, 0 to 10."));
  for (PatellaOutcomeItem item = PATELLA_OUTCOME_WALKING; item <= PATELLA_OUTCOME_KNEELING; item++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (activities), pain_row (self, item));

  change = group (box, _("Since Starting"), NULL);
  for (int value = PATELLA_GLOBAL_CHANGE_MIN; value <= PATELLA_GLOBAL_CHANGE_MAX; value++)
    gtk_string_list_append (titles, patella_global_change_get_title (value));
  self->global_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->global_row),
                                 patella_outcome_item_get_title (PATELLA_OUTCOME_GLOBAL_CHANGE));
  adw_combo_row_set_model (self->global_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->global_row, 4 - PATELLA_GLOBAL_CHANGE_MIN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (change), GTK_WIDGET (self->global_row));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

PatellaCheckinDialog *
patella_checkin_dialog_new (GtkWindow    *parent,
                            PatellaStore *store,
                            const char   *day)
{
  PatellaCheckinDialog *self;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (patella_day_is_valid (day), NULL);

  self = g_object_new (PATELLA_TYPE_CHECKIN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->day = g_strdup (day);

  /* The day's own answers, to change them. */
  checkins = patella_store_list_checkins (store, &error);
  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      PatellaCheckinAnswers *answers = g_ptr_array_index (checkins, i);

      if (!g_str_equal (answers->day, day))
        continue;
      for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
        patella_checkin_dialog_set_value (self, item, answers->values[item]);
    }
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  return self;
}
