/* patella-entry-dialog.c: log or edit a pain score or a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is checked as it is typed; a problem is named in plain words
 * right under the field, and Save stays off while one is shown (pressed
 * on an untouched form, it shows them all). The store checks again on save,
 * so nothing bad reaches the record either way.
 */
#define G_LOG_DOMAIN "patella-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/patella-day.h"
#include "core/patella-number.h"
#include "patella-a11y.h"
#include "patella-calendar.h"
#include "patella-entry-dialog.h"

struct _PatellaEntryDialog
{
  AdwWindow            parent_instance;

  /* owned */
  PatellaStore        *store;
  PatellaEntry        *entry;      /* the values being edited */
  PatellaEntry        *original;   /* NULL when logging anew */
  PatellaDistanceUnit  unit;
  GHashTable          *problems;   /* field -> message */
  char                *day;

  /* widgets */
  AdwToastOverlay     *toasts;
  GtkWidget           *save_button;
  GtkMenuButton       *day_button;
  GtkCalendar         *calendar;
  AdwEntryRow         *time_row;
  AdwEntryRow         *minutes_row;
  AdwEntryRow         *distance_row;
  AdwEntryRow         *note_row;
  GtkRange            *score_scale;
  AdwComboRow         *context_row;
  GtkRange            *rpe_scale;
  GtkSwitch           *pain_switch;
  GtkRange            *pain_scale;
  GHashTable          *problem_labels; /* field -> GtkLabel */
  GHashTable          *touched;        /* fields the runner has typed in */
  gboolean             tried;          /* Save was pressed: show every problem */
};

G_DEFINE_FINAL_TYPE (PatellaEntryDialog, patella_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const contexts[] = {
  N_("On waking (morning)"),
  N_("During activity"),
  N_("After activity"),
  N_("At rest"),
  N_("On stairs"),
  N_("After sitting"),
  N_("Other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (contexts) == PATELLA_N_PAIN_CONTEXTS);

static void
set_problem (PatellaEntryDialog *self,
             const char         *field,
             const char         *message)
{
  GtkLabel *label = g_hash_table_lookup (self->problem_labels, field);

  if (message != NULL)
    g_hash_table_insert (self->problems, (gpointer) field, g_strdup (message));
  else
    g_hash_table_remove (self->problems, field);

  /* An empty form is not scolded before the runner has typed in it. */
  if (label != NULL)
    {
      gboolean show = message != NULL && (self->tried || g_hash_table_contains (self->touched, field));

      gtk_label_set_text (label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), show);
    }
}

static gboolean
problem_shown (PatellaEntryDialog *self,
               const char         *field)
{
  GtkWidget *label = g_hash_table_lookup (self->problem_labels, field);

  return label != NULL && gtk_widget_get_visible (label);
}

static void
mark_row (AdwEntryRow *row,
          gboolean     bad)
{
  if (row == NULL)
    return;
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Reads every field into self->entry, naming what is wrong. */
static void
validate (PatellaEntryDialog *self)
{
  PatellaEntry *e = self->entry;
  g_autofree char *today = patella_day_today ();
  int hour = 0, minute = 0;
  gboolean time_ok;

  /* When */
  set_problem (self, "day", g_strcmp0 (self->day, today) > 0
               ? _("That day has not happened yet; you can log today and the days before it.")
               : NULL);
  time_ok = patella_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), PATELLA_TIME_FORM_TYPED,
                                &hour, &minute, NULL);
  if (!time_ok)
    set_problem (self, "time", _("Write the time as hours and minutes, like 07:30."));
  else
    {
      g_autoptr(GDateTime) local = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate date;

      patella_day_parse (self->day, &date);
      local = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), hour, minute, 0);
      if (local != NULL && g_date_time_compare (local, now) > 0 && g_strcmp0 (self->day, today) == 0)
        set_problem (self, "time", _("That time has not come yet today."));
      else
        set_problem (self, "time", local == NULL ? _("That time does not exist on that day.") : NULL);

      /* An edit keeps its instant to the second unless day or time changed. */
      if (local != NULL &&
          (self->original == NULL || g_hash_table_contains (self->touched, "day") ||
           g_hash_table_contains (self->touched, "time")))
        {
          g_free (e->instant);
          e->instant = patella_instant_format (local);
        }
    }
  mark_row (self->time_row, problem_shown (self, "time"));
  g_free (e->day);
  e->day = g_strdup (self->day);

  g_free (e->note);
  e->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  {
    /* Never cut short: a note over the limit stays as typed, with the reason. */
    g_autofree char *problem = patella_text_check_field (e->note, PATELLA_NOTE_MAX_CHARS,
                                                               PATELLA_TEXT_FIELD_NOTE);

    set_problem (self, "note", problem);
  }
  mark_row (self->note_row, problem_shown (self, "note"));

  if (e->kind == PATELLA_ENTRY_PAIN)
    {
      e->score = (int) gtk_range_get_value (self->score_scale);
      e->context = (PatellaPainContext) adw_combo_row_get_selected (self->context_row);
    }
  else
    {
      double minutes, distance;
      double max_distance = self->unit == PATELLA_UNIT_MILES
                            ? PATELLA_RUN_KM_MAX / PATELLA_KM_PER_MILE : PATELLA_RUN_KM_MAX;

      if (!patella_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->minutes_row)), &minutes))
        set_problem (self, "minutes", _("Write how many minutes the run took, like 42 or 42.5."));
      else if (minutes <= 0)
        set_problem (self, "minutes", _("A run takes more than 0 minutes."));
      else if (minutes > PATELLA_RUN_MINUTES_MAX)
        set_problem (self, "minutes", _("That is more than a day (1440 minutes)."));
      else
        {
          set_problem (self, "minutes", NULL);
          /* An edit keeps the stored value exactly unless it was retyped. */
          if (self->original == NULL || g_hash_table_contains (self->touched, "minutes"))
            e->minutes = minutes;
        }
      mark_row (self->minutes_row, problem_shown (self, "minutes"));

      if (!patella_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->distance_row)), &distance))
        set_problem (self, "distance", _("Write the distance as a number, like 8.2; 0 for none."));
      else if (distance < 0)
        set_problem (self, "distance", _("A distance cannot be below 0."));
      else if (distance > max_distance + 1e-9)
        set_problem (self, "distance", self->unit == PATELLA_UNIT_MILES
                     ? _("That is more than 621 miles, the most a run can be.")
                     : _("That is more than 1000 km, the most a run can be."));
      else
        {
          set_problem (self, "distance", NULL);
          /* The field shows two decimals, in miles perhaps: keep the stored
           * kilometres unless the runner retyped them. */
          if (self->original == NULL || g_hash_table_contains (self->touched, "distance"))
            e->distance_km = self->unit == PATELLA_UNIT_MILES ? distance * PATELLA_KM_PER_MILE : distance;
        }
      mark_row (self->distance_row, problem_shown (self, "distance"));

      e->rpe = (int) gtk_range_get_value (self->rpe_scale);
      e->pain = gtk_switch_get_active (self->pain_switch) ? (int) gtk_range_get_value (self->pain_scale) : -1;
      gtk_widget_set_sensitive (GTK_WIDGET (self->pain_scale), gtk_switch_get_active (self->pain_switch));
    }

  {
    GHashTableIter iter;
    gpointer field;
    gboolean shown = FALSE;

    g_hash_table_iter_init (&iter, self->problems);
    while (!shown && g_hash_table_iter_next (&iter, &field, NULL))
      shown = problem_shown (self, field);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", !shown);
  }
}

static void
show_day (PatellaEntryDialog *self)
{
  g_autofree char *today = patella_day_today ();
  g_autofree char *label = patella_calendar_day_label (self->day, today);

  gtk_menu_button_set_label (self->day_button, label);
  patella_calendar_select (self->calendar, self->day);
}

static void
calendar_day_selected (PatellaEntryDialog *self)
{
  g_autofree char *day = patella_calendar_get_day (self->calendar);

  if (g_strcmp0 (day, self->day) == 0)
    return;
  g_free (self->day);
  self->day = g_steal_pointer (&day);
  g_hash_table_add (self->touched, (gpointer) "day");
  show_day (self);
  validate (self);
}

static GtkWidget *
problem_label (PatellaEntryDialog *self,
               const char         *field)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_visible (label, FALSE);
  g_hash_table_insert (self->problem_labels, (gpointer) field, label);
  return label;
}

static void
row_changed (AdwEntryRow        *row,
             PatellaEntryDialog *self)
{
  g_hash_table_add (self->touched, g_object_get_data (G_OBJECT (row), "field"));
  validate (self);
}

static AdwEntryRow *
entry_row (PatellaEntryDialog *self,
           GtkWidget          *group,
           const char         *field,
           const char         *title,
           const char         *text,
           GtkInputPurpose     purpose)
{
  GtkWidget *row = adw_entry_row_new ();

  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed), self);
  /* Every field is one line: Enter saves, as Ctrl+Enter does anywhere. */
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (patella_entry_dialog_save), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

typedef struct
{
  const int          *anchors;
  const char * const *words;
  guint               n_anchors;
} Anchors;

/* "5 · Hard": the value, and its word when it is an anchor. */
static char *
format_value (GtkScale *widget,
              double    value,
              gpointer  data)
{
  const Anchors *anchors = data;
  int v = (int) value;

  for (guint i = 0; i < anchors->n_anchors; i++)
    if (anchors->anchors[i] == v)
      return g_strdup_printf ("%d · %s", v, _(anchors->words[i]));
  return g_strdup_printf ("%d", v);
}

/* The value over the scale, at its start: GTK's own value follows the
 * knob and, at 0, ran out of the card on the left ("· No pain"). A
 * screen reader hears the same words as the scale's value. */
static void
show_value (GtkRange *range,
            GtkLabel *label)
{
  g_autofree char *text = format_value (GTK_SCALE (range), gtk_range_get_value (range),
                                        g_object_get_data (G_OBJECT (range), "patella-anchors"));

  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (range), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* The wheel scrolls the dialog, never a scale under the pointer on the way:
 * the scale's own scroll controller goes, and the event reaches the
 * scrolled window. Drag, click and the keys still set it. */
void
patella_widget_ignore_scrolling (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GPtrArray) scrolls = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        g_ptr_array_add (scrolls, g_steal_pointer (&controller));
    }
  for (guint i = 0; i < scrolls->len; i++)
    gtk_widget_remove_controller (widget, g_ptr_array_index (scrolls, i));
}

/* A 0-10 scale with words at its anchors. */
static GtkRange *
scale (PatellaEntryDialog *self,
       GtkWidget          *box,
       const char         *label,
       int                 value,
       const int          *anchors,
       const char * const *words,
       guint               n_anchors)
{
  GtkWidget *widget = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, PATELLA_SCALE_MAX, 1);
  GtkWidget *shown = gtk_label_new (NULL);
  GtkWidget *ends = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  Anchors *format = g_new (Anchors, 1);

  gtk_scale_set_digits (GTK_SCALE (widget), 0);
  gtk_scale_set_draw_value (GTK_SCALE (widget), FALSE);
  gtk_range_set_round_digits (GTK_RANGE (widget), 0);
  gtk_range_set_value (GTK_RANGE (widget), value);
  *format = (Anchors) { anchors, words, n_anchors };
  g_object_set_data_full (G_OBJECT (widget), "patella-anchors", format, g_free);

  /* Read with the scale, not on its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_can_target (shown, FALSE);
  g_object_set (shown, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_label_set_xalign (GTK_LABEL (shown), 0);
  gtk_widget_set_margin_start (shown, 6);
  gtk_widget_set_margin_top (shown, 6);
  gtk_widget_add_css_class (shown, "heading");
  gtk_widget_add_css_class (shown, "numeric");
  show_value (GTK_RANGE (widget), GTK_LABEL (shown));
  g_signal_connect_object (widget, "value-changed", G_CALLBACK (show_value), shown, 0);
  /* Ticks at the anchors; their words are in the value above ("3 ·
   * Moderate"). Words under every tick overlapped in German and made the
   * dialog wider than a phone: only the ends are named, under the scale,
   * each wrapping in its own half. */
  for (guint i = 0; i < n_anchors; i++)
    gtk_scale_add_mark (GTK_SCALE (widget), anchors[i], GTK_POS_BOTTOM, NULL);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *end = gtk_label_new (_(words[i == 0 ? 0 : n_anchors - 1]));

      gtk_label_set_wrap (GTK_LABEL (end), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (end), 1);
      gtk_label_set_justify (GTK_LABEL (end), i == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (end), i == 0 ? 0 : 1);
      gtk_widget_set_hexpand (end, TRUE);
      gtk_widget_add_css_class (end, "dim-label");
      gtk_widget_add_css_class (end, "caption");
      gtk_box_append (GTK_BOX (ends), end);
    }
  gtk_widget_set_margin_start (ends, 6);
  gtk_widget_set_margin_end (ends, 6);
  patella_widget_ignore_scrolling (widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (widget, "value-changed", G_CALLBACK (validate), self);
  gtk_box_append (GTK_BOX (box), shown);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_box_append (GTK_BOX (box), ends);
  return GTK_RANGE (widget);
}

static GtkWidget *
group (GtkWidget  *content,
       const char *title)
{
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
  gtk_box_append (GTK_BOX (content), widget);
  return widget;
}

static GtkWidget *
card (GtkWidget *group_widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "scale-card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group_widget), box);
  return box;
}

static void
build (PatellaEntryDialog *self)
{
  static const int pain_anchors[] = { 0, 5, 10 };
  static const char *const pain_words[] = { N_("No pain"), N_("Moderate"), N_("Worst imaginable") };
  static const int rpe_anchors[] = { 0, 3, 5, 7, 10 };
  static const char *const rpe_words[] = { N_("Rest"), N_("Moderate"), N_("Hard"), N_("Very hard"), N_("Maximal") };
  PatellaEntry *e = self->entry;
  gboolean pain = e->kind == PATELLA_ENTRY_PAIN;
  GtkWidget *toolbar, *header, *cancel, *scrolled, *clamp, *content, *when, *day_row, *popover;
  g_autofree char *time_text = NULL;
  g_autoptr(GtkStringList) context_names = gtk_string_list_new (NULL);

  if (self->original != NULL)
    gtk_window_set_title (GTK_WINDOW (self), pain ? _("Edit Pain Score") : _("Edit Run"));
  else
    gtk_window_set_title (GTK_WINDOW (self), pain ? _("Log Pain") : _("Log Run"));

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "entry.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  /* When */
  when = group (content, _("Day and Time"));
  day_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (day_row), _("Day"));
  self->day_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->day_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_button), _("Choose the Day"));
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  patella_calendar_setup (self->calendar, _("Day"));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (self->day_button, popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (day_row), GTK_WIDGET (self->day_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (day_row), GTK_WIDGET (self->day_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), day_row);
  {
    g_autoptr(GDateTime) instant = e->instant ? patella_instant_parse (e->instant) : NULL;
    g_autoptr(GDateTime) local = instant ? g_date_time_to_local (instant) : g_date_time_new_now_local ();

    time_text = g_date_time_format (local, "%H:%M");
  }
  /* Translators: the time of day of an entry, 24-hour */
  self->time_row = entry_row (self, when, "time", _("Time (HH:MM)"), time_text, GTK_INPUT_PURPOSE_DIGITS);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), problem_label (self, "day"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), problem_label (self, "time"));

  if (pain)
    {
      GtkWidget *how = group (content, _("How Much Does It Hurt?"));
      GtkWidget *moment = group (content, _("When"));
      GtkWidget *box = card (how);

      self->score_scale = scale (self, box, _("Pain score, 0 to 10"), e->score,
                                 pain_anchors, pain_words, G_N_ELEMENTS (pain_words));
      for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
        gtk_string_list_append (context_names, _(contexts[i]));
      self->context_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->context_row), _("It hurt"));
      adw_combo_row_set_model (self->context_row, G_LIST_MODEL (context_names));
      adw_combo_row_set_selected (self->context_row, e->context);
      g_signal_connect_swapped (self->context_row, "notify::selected", G_CALLBACK (validate), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (moment), GTK_WIDGET (self->context_row));
    }
  else
    {
      GtkWidget *run = group (content, _("Run"));
      GtkWidget *effort = group (content, _("Effort (RPE, CR-10 scale)"));
      GtkWidget *hurt = group (content, _("Pain During the Run"));
      GtkWidget *pain_row, *box;
      g_autofree char *minutes = e->minutes > 0 ? g_strdup_printf ("%g", e->minutes) : NULL;
      g_autofree char *distance = NULL;

      if (self->original != NULL)
        distance = g_strdup_printf ("%.2f", self->unit == PATELLA_UNIT_MILES
                                            ? e->distance_km / PATELLA_KM_PER_MILE : e->distance_km);
      self->minutes_row = entry_row (self, run, "minutes", _("Minutes"), minutes, GTK_INPUT_PURPOSE_NUMBER);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (run), problem_label (self, "minutes"));
      self->distance_row = entry_row (self, run, "distance",
                                      self->unit == PATELLA_UNIT_MILES ? _("Distance (miles)") : _("Distance (km)"),
                                      distance, GTK_INPUT_PURPOSE_NUMBER);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (run), problem_label (self, "distance"));

      box = card (effort);
      self->rpe_scale = scale (self, box, _("Effort, 0 to 10"), e->rpe,
                               rpe_anchors, rpe_words, G_N_ELEMENTS (rpe_words));

      pain_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pain_row), _("The knee hurt during the run"));
      self->pain_switch = GTK_SWITCH (gtk_switch_new ());
      gtk_switch_set_active (self->pain_switch, e->pain >= 0);
      gtk_widget_set_valign (GTK_WIDGET (self->pain_switch), GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->pain_switch, "notify::active", G_CALLBACK (validate), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (pain_row), GTK_WIDGET (self->pain_switch));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (pain_row), GTK_WIDGET (self->pain_switch));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (hurt), pain_row);
      box = card (hurt);
      self->pain_scale = scale (self, box, _("Pain during the run, 0 to 10"), MAX (e->pain, 0),
                                pain_anchors, pain_words, G_N_ELEMENTS (pain_words));
    }

  self->note_row = entry_row (self, group (content, _("Note")), "note", _("Note (optional)"), e->note,
                              GTK_INPUT_PURPOSE_FREE_FORM);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->note_row),
                                                                             ADW_TYPE_PREFERENCES_GROUP)),
                             problem_label (self, "note"));

  {
    GtkWidget *hint = gtk_label_new (_("Enter saves, from any field; Ctrl+Enter too."));

    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_widget_add_css_class (hint, "caption");
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->note_row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    hint, NULL, -1);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->note_row),
                                                                               ADW_TYPE_PREFERENCES_GROUP)),
                               hint);
  }

  /* The first thing to fill in has the focus, not Cancel: the score, or
   * the run's minutes (the day and time are already right, mostly). */
  gtk_window_set_focus (GTK_WINDOW (self), pain ? GTK_WIDGET (self->score_scale) : GTK_WIDGET (self->minutes_row));

  show_day (self);
  validate (self);
  patella_a11y_name_controls (GTK_WIDGET (self));
}

gboolean
patella_entry_dialog_save (PatellaEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (PATELLA_IS_ENTRY_DIALOG (self), FALSE);

  self->tried = TRUE;
  validate (self);
  if (g_hash_table_size (self->problems) > 0)
    return FALSE;

  if (self->original != NULL)
    ok = patella_store_update_entry (self->store, self->entry, &error);
  else
    {
      self->entry->id = patella_store_add_entry (self->store, self->entry, &error);
      ok = self->entry->id != 0;
    }

  if (!ok)
    {
      g_autofree char *title = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->entry, self->original);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  patella_entry_dialog_save (PATELLA_ENTRY_DIALOG (widget));
}

void
patella_entry_dialog_set_field (PatellaEntryDialog *self,
                                const char         *field,
                                const char         *text)
{
  AdwEntryRow *row = NULL;
  GtkRange *range = NULL;

  g_return_if_fail (PATELLA_IS_ENTRY_DIALOG (self));

  if (g_str_equal (field, "day"))
    {
      g_free (self->day);
      self->day = g_strdup (text);
      g_hash_table_add (self->touched, (gpointer) "day");
      show_day (self);
      validate (self);
      return;
    }
  if (g_str_equal (field, "context"))
    {
      PatellaPainContext context;

      if (self->context_row != NULL && patella_pain_context_from_string (text, &context))
        adw_combo_row_set_selected (self->context_row, context);
      return;
    }
  if (g_str_equal (field, "pain") && self->pain_switch != NULL)
    {
      gtk_switch_set_active (self->pain_switch, text != NULL && text[0] != '\0');
      range = self->pain_scale;
    }

  if (g_str_equal (field, "time"))
    row = self->time_row;
  else if (g_str_equal (field, "minutes"))
    row = self->minutes_row;
  else if (g_str_equal (field, "distance"))
    row = self->distance_row;
  else if (g_str_equal (field, "note"))
    row = self->note_row;
  else if (g_str_equal (field, "score"))
    range = self->score_scale;
  else if (g_str_equal (field, "rpe"))
    range = self->rpe_scale;

  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  else if (range != NULL && text != NULL && text[0] != '\0')
    gtk_range_set_value (range, g_ascii_strtod (text, NULL));
  g_hash_table_add (self->touched, (gpointer) g_intern_string (field));
  validate (self);
}

const char *
patella_entry_dialog_get_problem (PatellaEntryDialog *self,
                                  const char         *field)
{
  g_return_val_if_fail (PATELLA_IS_ENTRY_DIALOG (self), NULL);
  return g_hash_table_lookup (self->problems, field);
}

static void
patella_entry_dialog_finalize (GObject *object)
{
  PatellaEntryDialog *self = (PatellaEntryDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->entry, patella_entry_free);
  g_clear_pointer (&self->original, patella_entry_free);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->problem_labels, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->day, g_free);

  G_OBJECT_CLASS (patella_entry_dialog_parent_class)->finalize (object);
}

static void
patella_entry_dialog_class_init (PatellaEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = patella_entry_dialog_finalize;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PATELLA_TYPE_ENTRY, PATELLA_TYPE_ENTRY);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "entry.save", NULL);
}

static void
patella_entry_dialog_init (PatellaEntryDialog *self)
{
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->problem_labels = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
}

PatellaEntryDialog *
patella_entry_dialog_new (GtkWindow           *parent,
                          PatellaStore        *store,
                          const PatellaEntry  *entry,
                          PatellaDistanceUnit  unit)
{
  PatellaEntryDialog *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (entry->kind == PATELLA_ENTRY_PAIN || entry->kind == PATELLA_ENTRY_RUN, NULL);

  self = g_object_new (PATELLA_TYPE_ENTRY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 420,
                       "default-height", 640,
                       NULL);
  self->store = g_object_ref (store);
  self->entry = patella_entry_copy (entry);
  self->original = entry->id != 0 ? patella_entry_copy (entry) : NULL;
  self->unit = unit;
  self->day = entry->day ? g_strdup (entry->day) : patella_day_today ();
  build (self);
  return self;
}
