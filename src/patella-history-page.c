/* patella-history-page.c: every entry, newest day first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's PatellaHistory lists the days, read a page at a time; the
 * page builds the newest few weeks and more as the runner scrolls towards
 * the end (reading the next page of days when it needs them), so only the
 * days looked at are read and built, and opening the page costs the same
 * at ten years as at fifty. (GTK 4.8's GtkListView cannot keep its
 * place among items as different in height as a rest day and a day of
 * fifteen sets: it kept binding older days without end.) Nothing is read
 * until the page is first shown.
 */
#define G_LOG_DOMAIN "patella-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-entry-text.h"
#include "core/patella-settings.h"
#include "core/patella-store-progression.h"
#include "patella-a11y.h"
#include "patella-entry-row.h"
#include "patella-history-page-private.h"
#include "patella-calendar.h"

struct _PatellaHistoryPage
{
  AdwBin          parent_instance;

  /* owned */
  PatellaSession *session;
  PatellaStore   *store;
  GSettings      *settings;
  PatellaHistory *history;
  GHashTable     *names;        /* exercise id -> name */

  /* widgets */
  GtkStack       *stack;
  GtkDropDown    *filter;
  GtkBox         *days_box;
  GPtrArray      *day_widgets;  /* the days built so far, newest first */
  GtkAdjustment  *vadjustment;
  AdwStatusPage  *empty_page;
  guint           more_id;      /* building the next days once idle */
};

/* Days built at a time: a few screens' worth. */
#define DAYS_PER_STEP 14

/* Days read from the store at a time, as the runner nears the last read. */
#define DAYS_PER_PAGE PATELLA_HISTORY_PAGE_DAYS

/* Entries that fill a first screen: the page's first frame builds the
 * newest days until they hold this many, and the rest of the step once it
 * is painted (each entry costs about 1 M instructions to build and lay out;
 * fourteen days of a full routine held some 140). */
#define FIRST_SCREEN_ENTRIES 16

G_DEFINE_FINAL_TYPE (PatellaHistoryPage, patella_history_page, ADW_TYPE_BIN)

/* The filter's choices, in the drop-down's order. */
static const struct {
  const char *label;
  guint       kinds;
} filters[] = {
  { N_("All entries"), PATELLA_ENTRY_ALL },
  { N_("Pain"), 1u << PATELLA_ENTRY_PAIN },
  { N_("Runs"), 1u << PATELLA_ENTRY_RUN },
  { N_("Exercises"), 1u << PATELLA_ENTRY_EXERCISE },
  { N_("Rest and sick days"), 1u << PATELLA_ENTRY_REST_DAY },
};

static void
show_error (PatellaHistoryPage *self,
            const GError       *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
}

static void
read_names (PatellaHistoryPage *self)
{
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->names);
  exercises = patella_store_list_exercises (self->store, TRUE, &error);
  if (exercises == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      g_hash_table_insert (self->names, g_strdup (exercise->id),
                           g_strdup (patella_exercise_get_display_name (exercise)));
    }
}

/* The levels accepted on @day, each a row of its own: a routine change,
 * not an entry, so it has nothing to edit or delete. */
static void
append_level_changes (PatellaHistoryPage *self,
                      GtkListBox         *list,
                      const char         *day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = patella_store_list_level_changes (self->store, day, day, &error);

  if (changes == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      const PatellaLevelChange *change = g_ptr_array_index (changes, i);
      const PatellaLadder *ladder = patella_ladder_find (change->exercise_id);
      const char *name = g_hash_table_lookup (self->names, change->exercise_id);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *icon;

      if (ladder == NULL || (guint) MAX (change->from_level, change->to_level) >= ladder->n_levels)
        continue;
      /* Translators: an exercise, then the level it moved to */
      title = g_strdup_printf (_("%s: %s"), name ? name : change->exercise_id,
                               _(ladder->levels[change->to_level].name));
      /* Translators: the level an exercise moved from */
      subtitle = g_strdup_printf (_("Level changed from %s"), _(ladder->levels[change->from_level].name));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = g_object_new (GTK_TYPE_IMAGE,
                           "icon-name", change->to_level > change->from_level ? "go-up-symbolic" : "go-down-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "level-change");
      gtk_list_box_append (list, row);
    }
}

/* One day: its heading and a boxed list of its entries, which it adds to
 * @n_entries. */
static GtkWidget *
day_widget_new (PatellaHistoryPage *self,
                PatellaHistoryDay  *day,
                guint              *n_entries)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *today = patella_day_today ();
  g_autofree char *label = patella_calendar_day_label (patella_history_day_get_day (day), today);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_label_set_text (GTK_LABEL (heading), label);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* A screen reader names the day's list by its day. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  entries = patella_history_day_get_entries (day, &error);
  if (entries == NULL)
    show_error (self, error);
  else
    *n_entries += entries->len;
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         patella_entry_row_new (g_ptr_array_index (entries, i),
                                                patella_settings_get_unit (self->settings), self->names,
                                                "history.edit", "history.delete"));
  append_level_changes (self, GTK_LIST_BOX (list), patella_history_day_get_day (day));
  return clamp;
}

/* Builds days [from, to) and puts them after @sibling (NULL: first); stops
 * early once the days built hold @max_entries entries. Returns the days
 * built. */
static guint
insert_days (PatellaHistoryPage *self,
             guint               from,
             guint               to,
             GtkWidget          *sibling,
             guint               max_entries)
{
  guint n_entries = 0;
  guint i;

  for (i = from; i < to && n_entries < max_entries; i++)
    {
      g_autoptr(PatellaHistoryDay) day = g_list_model_get_item (G_LIST_MODEL (self->history), i);
      GtkWidget *widget = day_widget_new (self, day, &n_entries);

      gtk_box_insert_child_after (self->days_box, widget, sibling);
      g_ptr_array_insert (self->day_widgets, (int) i, widget);
      sibling = widget;
    }
  return i - from;
}

/* Removes the built days from @from on. */
static void
remove_days (PatellaHistoryPage *self,
             guint               from,
             guint               n)
{
  for (guint i = 0; i < n && from < self->day_widgets->len; i++)
    {
      gtk_box_remove (self->days_box, g_ptr_array_index (self->day_widgets, from));
      g_ptr_array_remove_index (self->day_widgets, from);
    }
}

static void history_changed (PatellaHistoryPage *self,
                             guint               position,
                             guint               removed,
                             guint               added);

/* The next step of days; from none, only a first screen's worth. When the
 * days read so far end within the step, the next page is read first. */
static void
show_more (PatellaHistoryPage *self)
{
  guint shown = self->day_widgets->len;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->history));

  if (shown + DAYS_PER_STEP > n && !patella_history_is_complete (self->history))
    {
      g_autoptr(GError) error = NULL;
      gboolean read;

      /* Days added at the end are built here, a step at a time. */
      g_signal_handlers_block_by_func (self->history, history_changed, self);
      read = patella_history_load_more (self->history, DAYS_PER_PAGE, &error);
      g_signal_handlers_unblock_by_func (self->history, history_changed, self);
      if (!read)
        show_error (self, error);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
    }
  if (shown < n)
    insert_days (self, shown, MIN (n, shown + DAYS_PER_STEP),
                 shown > 0 ? g_ptr_array_index (self->day_widgets, shown - 1) : NULL,
                 shown > 0 ? G_MAXUINT : FIRST_SCREEN_ENTRIES);
}

static gboolean
show_more_when_idle (gpointer data)
{
  PatellaHistoryPage *self = data;

  self->more_id = 0;
  if (self->history != NULL && self->day_widgets != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_more (self);
  return G_SOURCE_REMOVE;
}

/* Within a screen of the end, the next days are built: after the frame
 * being laid out is painted, so that a first screen shows at once. */
static void
scrolled (PatellaHistoryPage *self)
{
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  if (self->history != NULL && self->day_widgets != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      value + 2 * page >= gtk_adjustment_get_upper (self->vadjustment) && self->more_id == 0)
    self->more_id = g_idle_add_full (G_PRIORITY_LOW, show_more_when_idle, self, NULL);
}

/* Keeps the built days matching the model: changed days are rebuilt, and
 * no more days are built than before (or than the first step). */
static void
history_changed (PatellaHistoryPage *self,
                 guint               position,
                 guint               removed,
                 guint               added)
{
  guint shown = self->day_widgets->len;
  guint limit = MAX (shown, DAYS_PER_STEP);
  guint insert;

  /* Out of sight, nothing is rebuilt: the page starts again from the
   * newest days when it is next shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      remove_days (self, 0, G_MAXUINT);
      return;
    }
  if (position > shown)
    return;

  remove_days (self, position, removed);
  insert = position < limit ? MIN (added, limit - position) : 0;
  insert_days (self, position, position + insert,
               position > 0 ? g_ptr_array_index (self->day_widgets, position - 1) : NULL, G_MAXUINT);
  /* Days after a gap would be out of step with the model. */
  if (insert < added)
    remove_days (self, position + insert, G_MAXUINT);
  scrolled (self);
}

static void
update_empty (PatellaHistoryPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->history)) == 0;
  gboolean filtered = gtk_drop_down_get_selected (self->filter) != 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  adw_status_page_set_title (self->empty_page, filtered ? _("Nothing of This Kind") : _("Nothing Logged Yet"));
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("Choose “All entries” to see everything you have logged.")
                                            : _("Log a pain score or a run and it will be listed here, newest first."));
}

static void
filter_changed (PatellaHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->filter);

  if (self->history == NULL || selected >= G_N_ELEMENTS (filters))
    return;
  if (!patella_history_set_kinds (self->history, filters[selected].kinds, &error))
    show_error (self, error);
  update_empty (self);
}

/* The first time the page is shown, and not before; shown again after
 * changes made elsewhere, it builds the newest days afresh. */
static void
ensure_loaded (PatellaHistoryPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->history != NULL && self->day_widgets->len == 0)
    show_more (self);
  if (self->history != NULL || self->store == NULL)
    return;

  self->history = patella_history_new (self->store);
  read_names (self);
  if (!patella_history_reload (self->history, &error))
    show_error (self, error);
  g_signal_connect_swapped (self->history, "items-changed", G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (self->history, "items-changed", G_CALLBACK (update_empty), self);
  show_more (self);
  update_empty (self);
}

static void
store_changed (PatellaHistoryPage *self,
               int                 table)
{
  /* A renamed or added exercise: names first, the rows follow the history. */
  if ((table == PATELLA_TABLE_EXERCISES || table == PATELLA_STORE_CHANGED_ALL) && self->history != NULL)
    read_names (self);
}

/* Rows on screen show distances again in the new unit. */
static void
unit_changed (PatellaHistoryPage *self)
{
  guint n;

  if (self->history == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  g_list_model_items_changed (G_LIST_MODEL (self->history), 0, n, n);
}

static void
set_store (PatellaHistoryPage *self,
           PatellaStore       *store,
           GSettings          *settings)
{
  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::distance-unit", G_CALLBACK (unit_changed), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

/**
 * patella_history_page_set_session:
 *
 * The record the page shows and its settings, given once by the window;
 * nothing is shown while the file is refused.
 */
void
patella_history_page_set_session (PatellaHistoryPage *self,
                                  PatellaSession *session)
{
  g_return_if_fail (PATELLA_IS_HISTORY_PAGE (self));
  g_return_if_fail (PATELLA_IS_SESSION (session));

  g_set_object (&self->session, session);
  if (patella_session_get_store (session) != NULL)
    set_store (self, patella_session_get_store (session), patella_session_get_settings (session));
}

/* How many days are built, for tests: the newest few, more on scrolling. */
guint
patella_history_page_get_n_days_built (PatellaHistoryPage *self)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY_PAGE (self), 0);
  return self->day_widgets != NULL ? self->day_widgets->len : 0;
}

PatellaHistory *
patella_history_page_get_history (PatellaHistoryPage *self)
{
  g_return_val_if_fail (PATELLA_IS_HISTORY_PAGE (self), NULL);
  return self->history;
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
  patella_entry_row_delete (widget, PATELLA_HISTORY_PAGE (widget)->session, parameter);
}


static void
patella_history_page_dispose (GObject *object)
{
  PatellaHistoryPage *self = (PatellaHistoryPage *) object;

  /* The history first, so that nothing builds days while the list goes. */
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_handle_id (&self->more_id, g_source_remove);
  g_clear_pointer (&self->day_widgets, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (patella_history_page_parent_class)->dispose (object);
}

static void
patella_history_page_class_init (PatellaHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_history_page_dispose;

  gtk_widget_class_install_action (widget_class, "history.edit", "(ixs)", edit_action);
  gtk_widget_class_install_action (widget_class, "history.delete", "(ixs)", delete_action);
}

/* The drop-down's button says what it shows: "Show: Runs". */
static void
name_filter (GtkDropDown *filter)
{
  guint selected = gtk_drop_down_get_selected (filter);
  /* Translators: the History filter's button, for screen readers: "Show: Runs" */
  g_autofree char *name = g_strdup_printf (_("Show: %s"), selected < G_N_ELEMENTS (filters)
                                                          ? _(filters[selected].label) : "");

  patella_a11y_name_inner_button (GTK_WIDGET (filter), name);
}

static void
patella_history_page_init (PatellaHistoryPage *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *box, *bar, *label, *scrolled_window, *buttons, *button;

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  label = gtk_label_new_with_mnemonic (_("_Show"));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_string_list_append (choices, _(filters[i].label));
  self->filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->filter));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->filter),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* On its button and in its list, GTK 4.8 leaves the choices nameless. */
  gtk_drop_down_set_factory (self->filter, patella_a11y_string_factory ());
  gtk_drop_down_set_list_factory (self->filter, patella_a11y_string_factory ());
  g_signal_connect_swapped (self->filter, "notify::selected", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->filter, "notify::selected", G_CALLBACK (name_filter), NULL);
  name_filter (self->filter);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->filter));
  gtk_box_append (GTK_BOX (box), bar);

  self->day_widgets = g_ptr_array_new ();
  self->days_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  scrolled_window = gtk_scrolled_window_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled_window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Everything logged, newest day first"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled_window), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled_window), GTK_WIDGET (self->days_box));
  self->vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled_window));
  g_signal_connect_object (self->vadjustment, "value-changed", G_CALLBACK (scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vadjustment, "changed", G_CALLBACK (scrolled), self, G_CONNECT_SWAPPED);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "document-open-recent-symbolic");
  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  button = gtk_button_new_with_mnemonic (_("Log _Pain…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.log-pain");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Log a _Run…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.log-run");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (buttons), button);
  adw_status_page_set_child (self->empty_page, buttons);

  self->stack = GTK_STACK (gtk_stack_new ());
  /* Only the child shown is measured: the empty page's wrapped text costs
   * nothing while there are days. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled_window, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
  patella_a11y_name_controls (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (ensure_loaded), NULL);
}
