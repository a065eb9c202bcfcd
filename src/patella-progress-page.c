/* patella-progress-page.c: charts of pain, load and the routine over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is read until the page is first shown; after that, a write to the
 * record reloads the range while the page is on screen, or the next time it
 * is shown.
 */
#define G_LOG_DOMAIN "patella-progress-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/patella-day.h"
#include "core/patella-settings.h"
#include "patella-a11y.h"
#include "patella-chart.h"
#include "patella-outcomes-view.h"
#include "patella-progress-page-private.h"

struct _PatellaProgressPage
{
  AdwBin           parent_instance;

  /* owned */
  PatellaSession  *session;
  PatellaStore    *store;
  GSettings       *settings;
  PatellaProgress *progress;
  PatellaRange     range;
  gboolean         stale;

  /* widgets */
  GtkStack        *stack;
  GtkToggleButton *range_buttons[PATELLA_N_RANGES];
  GtkLabel        *headline_values[3];
  GtkLabel        *headline_notes[3];
  GtkWidget       *charts[PATELLA_N_CHARTS];
  GtkWidget       *holders[PATELLA_N_CHARTS];   /* the chart, or its scroller */
  GtkWidget       *outcomes;
  GtkLabel        *empty_labels[PATELLA_N_CHARTS];
  GtkLabel        *readouts[PATELLA_N_CHARTS];
};

G_DEFINE_FINAL_TYPE (PatellaProgressPage, patella_progress_page, ADW_TYPE_BIN)

static void
set_headline (PatellaProgressPage *self,
              guint                i,
              const char          *value,
              const char          *note)
{
  gtk_label_set_text (self->headline_values[i], value);
  gtk_label_set_text (self->headline_notes[i], note);
}

static void
update_headlines (PatellaProgressPage *self)
{
  PatellaHeadlines h;
  g_autofree char *pain = NULL;
  g_autofree char *pain_note = NULL;
  g_autofree char *adherence = NULL;
  g_autofree char *week = NULL;
  g_autofree char *last_week = NULL;
  g_autofree char *distance_note = NULL;

  patella_progress_get_headlines (self->progress, &h);

  pain = isnan (h.pain_week) ? g_strdup ("–") : g_strdup_printf ("%.1f", h.pain_week);
  if (isnan (h.pain_month_ago))
    pain_note = g_strdup (_("Average pain, last 7 days"));
  else
    /* Translators: the average pain of the last 7 days, and of the same 7 days four weeks before */
    pain_note = g_strdup_printf (_("Average pain, last 7 days; %.1f four weeks before"), h.pain_month_ago);
  set_headline (self, 0, pain, pain_note);

  adherence = isnan (h.adherence) ? g_strdup ("–") : g_strdup_printf ("%.0f%%", 100 * h.adherence);
  set_headline (self, 1, adherence, _("Days with the routine done, rest days aside"));

  week = patella_format_distance (h.distance_week, self->progress->unit);
  last_week = patella_format_distance (h.distance_last_week, self->progress->unit);
  /* Translators: the distance run in the 7 days before the last 7 */
  distance_note = g_strdup_printf (_("Run in the last 7 days; %s the 7 days before"), last_week);
  set_headline (self, 2, week, distance_note);
}

/* What each chart says when it has nothing to draw. */
static const char *const empty_texts[PATELLA_N_CHARTS] = {
  N_("Log pain scores (the + button, or Ctrl+L) to see how the knee is doing."),
  N_("Log runs (the + button, or Ctrl+R) to see your weekly distance and load."),
  N_("Log sets on the Today page to fill in this calendar."),
};

static void
show_progress (PatellaProgressPage *self)
{
  const gboolean has[PATELLA_N_CHARTS] = {
    self->progress->has_pain, self->progress->has_runs, self->progress->has_routine,
  };
  gboolean any = has[0] || has[1] || has[2];
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* The page-wide empty state is for a record with nothing in it. A runner
   * back after months away sees the ranges, to reach the older entries. */
  if (!any && (!patella_store_get_logged_range (self->store, &first, &last, NULL) || first == NULL))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "charts");
  update_headlines (self);
  for (guint k = 0; k < PATELLA_N_CHARTS; k++)
    {
      gtk_label_set_text (self->empty_labels[k],
                          any ? _(empty_texts[k])
                              : _("Nothing was logged in this range. Choose a longer one above."));
      patella_chart_set_progress (PATELLA_CHART (self->charts[k]), self->progress);
      gtk_widget_set_visible (self->charts[k], has[k]);
      gtk_widget_set_visible (self->holders[k], has[k]);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_labels[k]), !has[k]);
      gtk_widget_set_visible (GTK_WIDGET (self->readouts[k]), has[k]);
      gtk_label_set_text (self->readouts[k], "");
    }
}

static void
reload (PatellaProgressPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_day_today ();
  PatellaThresholds thresholds;
  PatellaProgress *progress;

  if (self->store == NULL)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  patella_settings_get_thresholds (self->settings, &thresholds);
  progress = patella_progress_load (self->store, self->range, today, &thresholds,
                                    patella_settings_get_unit (self->settings), &error);
  if (progress == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return;
    }

  g_clear_pointer (&self->progress, patella_progress_unref);
  self->progress = progress;
  self->stale = FALSE;
  show_progress (self);
  if (!patella_outcomes_view_reload (PATELLA_OUTCOMES_VIEW (self->outcomes), self->store, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
}

/* Shown again, perhaps after midnight: the range ends today. */
static void
mapped (PatellaProgressPage *self)
{
  g_autofree char *today = patella_day_today ();

  if (self->progress == NULL || self->stale || g_strcmp0 (self->progress->last, today) != 0)
    reload (self);
}

static void
range_toggled (GtkToggleButton     *button,
               PatellaProgressPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->range = (PatellaRange) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "range"));
  reload (self);
}

void
patella_progress_page_set_range (PatellaProgressPage *self,
                                 PatellaRange         range)
{
  g_return_if_fail (PATELLA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (range < PATELLA_N_RANGES);

  gtk_toggle_button_set_active (self->range_buttons[range], TRUE);
}

static void
day_activated (PatellaChart        *chart,
               const char          *day,
               PatellaProgressPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WIDGET (root))
    gtk_widget_activate_action (GTK_WIDGET (root), "win.show-day", "s", day);
}

static void
cursor_moved (PatellaChart *chart,
              const char   *text,
              GtkLabel     *readout)
{
  gtk_label_set_text (readout, text);
}

static void
set_store (PatellaProgressPage *self,
           PatellaStore        *store,
           GSettings           *settings)
{
  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      for (guint i = 0; patella_settings_warning_keys[i] != NULL; i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", patella_settings_warning_keys[i], NULL);
          g_signal_connect_object (settings, signal, G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
        }
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

/**
 * patella_progress_page_set_session:
 *
 * The record the page shows and its settings, given once by the window;
 * nothing is shown while the file is refused.
 */
void
patella_progress_page_set_session (PatellaProgressPage *self,
                                   PatellaSession *session)
{
  g_return_if_fail (PATELLA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (PATELLA_IS_SESSION (session));

  g_set_object (&self->session, session);
  if (patella_session_get_store (session) != NULL)
    set_store (self, patella_session_get_store (session), patella_session_get_settings (session));
}

/* Whether the page shows that the record holds nothing at all. */
gboolean
patella_progress_page_is_empty (PatellaProgressPage *self)
{
  g_return_val_if_fail (PATELLA_IS_PROGRESS_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

PatellaProgress *
patella_progress_page_get_progress (PatellaProgressPage *self)
{
  g_return_val_if_fail (PATELLA_IS_PROGRESS_PAGE (self), NULL);
  return self->progress;
}

GtkWidget *
patella_progress_page_get_outcomes (PatellaProgressPage *self)
{
  g_return_val_if_fail (PATELLA_IS_PROGRESS_PAGE (self), NULL);
  return self->outcomes;
}

GtkWidget *
patella_progress_page_get_chart (PatellaProgressPage *self,
                                 PatellaChartKind     kind)
{
  g_return_val_if_fail (PATELLA_IS_PROGRESS_PAGE (self), NULL);
  g_return_val_if_fail (kind < PATELLA_N_CHARTS, NULL);
  return self->charts[kind];
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter);


static void
patella_progress_page_dispose (GObject *object)
{
  PatellaProgressPage *self = (PatellaProgressPage *) object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->progress, patella_progress_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (patella_progress_page_parent_class)->dispose (object);
}

static void
patella_progress_page_class_init (PatellaProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_progress_page_dispose;
  gtk_widget_class_install_action (widget_class, "progress.show-table", NULL, show_table_action);
}

static GtkWidget *
headline_card (PatellaProgressPage *self,
               guint                i)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("–");
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "headline");
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 24);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), note);
  self->headline_values[i] = GTK_LABEL (value);
  self->headline_notes[i] = GTK_LABEL (note);
  return card;
}

/* A heading and the card under it, both added to @content. */
static GtkWidget *
chart_card (GtkWidget  *content,
            const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (content), heading);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_box_append (GTK_BOX (content), card);
  return card;
}

static void
patella_progress_page_init (PatellaProgressPage *self)
{
  static const char *const range_labels[PATELLA_N_RANGES] = {
    N_("4 Weeks"), N_("3 Months"), N_("Year"), N_("All"),
  };
  static const char *const titles[PATELLA_N_CHARTS] = {
    N_("Pain"), N_("Running Load"), N_("Routine"),
  };
  GtkWidget *scrolled, *clamp, *content, *ranges, *headlines, *empty, *table_button;

  self->range = PATELLA_RANGE_4_WEEKS;

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  /* The range switch: linked toggle buttons, one always on. */
  ranges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (ranges, "linked");
  gtk_widget_add_css_class (ranges, "range-switch");
  gtk_widget_set_halign (ranges, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ranges), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);
  for (guint r = 0; r < PATELLA_N_RANGES; r++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(range_labels[r]));

      if (r > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->range_buttons[0]);
      g_object_set_data (G_OBJECT (button), "range", GUINT_TO_POINTER (r));
      g_signal_connect (button, "toggled", G_CALLBACK (range_toggled), self);
      self->range_buttons[r] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (ranges), button);
    }
  gtk_toggle_button_set_active (self->range_buttons[0], TRUE);
  gtk_box_append (GTK_BOX (content), ranges);

  headlines = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (headlines), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (headlines), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (headlines), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (headlines), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (headlines), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (headlines), 12);
  for (guint i = 0; i < 3; i++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (headlines), headline_card (self, i));
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (headlines), (int) i)), FALSE);
    }
  gtk_box_append (GTK_BOX (content), headlines);

  for (guint k = 0; k < PATELLA_N_CHARTS; k++)
    {
      GtkWidget *card = chart_card (content, _(titles[k]));
      GtkWidget *readout = gtk_label_new (NULL);
      GtkWidget *empty_label = gtk_label_new (_(empty_texts[k]));

      self->charts[k] = patella_chart_new ((PatellaChartKind) k);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts[k]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(titles[k]), -1);
      g_signal_connect (self->charts[k], "day-activated", G_CALLBACK (day_activated), self);
      g_signal_connect (self->charts[k], "cursor-moved", G_CALLBACK (cursor_moved), readout);
      if (k == PATELLA_CHART_ADHERENCE)
        {
          /* Narrower than its readable width, the calendar scrolls
           * sideways (the chart keeps the keyboard cursor in view). */
          GtkWidget *scroller = gtk_scrolled_window_new ();

          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
          gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->charts[k]);
          /* A screen reader names the pane it scrolls by the chart in it. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _(titles[k]), -1);
          /* Its legend follows the part in view. */
          g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                                   "value-changed", G_CALLBACK (gtk_widget_queue_draw), self->charts[k],
                                   G_CONNECT_SWAPPED);
          self->holders[k] = scroller;
        }
      else
        self->holders[k] = self->charts[k];
      gtk_box_append (GTK_BOX (card), self->holders[k]);

      gtk_label_set_wrap (GTK_LABEL (readout), TRUE);
      gtk_label_set_xalign (GTK_LABEL (readout), 0);
      gtk_widget_add_css_class (readout, "dim-label");
      gtk_widget_add_css_class (readout, "caption");
      self->readouts[k] = GTK_LABEL (readout);
      gtk_box_append (GTK_BOX (card), readout);

      gtk_label_set_wrap (GTK_LABEL (empty_label), TRUE);
      gtk_widget_add_css_class (empty_label, "dim-label");
      gtk_widget_set_margin_top (empty_label, 24);
      gtk_widget_set_margin_bottom (empty_label, 24);
      self->empty_labels[k] = GTK_LABEL (empty_label);
      gtk_box_append (GTK_BOX (card), empty_label);
    }

  self->outcomes = patella_outcomes_view_new ();
  gtk_box_append (GTK_BOX (chart_card (content, _("Outcomes"))), self->outcomes);

  table_button = gtk_button_new_with_mnemonic (_("Show the Numbers as a _Table"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (table_button), "progress.show-table");
  gtk_widget_set_halign (table_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (table_button, "pill");
  gtk_box_append (GTK_BOX (content), table_button);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "patella-progress-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Chart Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Log pain scores and runs, and tick off the routine on the Today "
                                     "page: the charts fill in as you go."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "charts");
  gtk_stack_add_named (self->stack, empty, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  patella_a11y_name_controls (GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (mapped), NULL);
}

/* The numbers behind the charts, a week or a month to a row. */
static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaProgressPage *self = PATELLA_PROGRESS_PAGE (widget);
  const PatellaProgress *p = self->progress;
  GtkWidget *window, *header, *box, *scrolled, *grid;
  static const char *const columns[PATELLA_PROGRESS_TABLE_COLUMNS] = {
    N_("Period"), N_("Morning pain"), N_("During"), N_("After"), N_("Distance"),
    N_("Highest load ratio"), N_("Routine done"),
  };
  g_autoptr(GPtrArray) rows = NULL;
  PatellaBucketSize size;

  if (p == NULL)
    return;
  rows = patella_progress_table (p, &size);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Progress as a Table"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  size == PATELLA_BUCKET_MONTH ? _("Monthly averages and totals")
                                                               : _("Weekly averages and totals"),
                                  -1);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *label = gtk_label_new (_(columns[c]));

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      gtk_grid_attach (GTK_GRID (grid), label, (int) c, 0, 1, 1);
    }

  /* Newest first, as in History. */
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < PATELLA_PROGRESS_TABLE_COLUMNS; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
          gtk_widget_add_css_class (label, "numeric");
          /* Not selectable: the first one took the focus with its text
           * selected, as if something were chosen. */
          gtk_grid_attach (GTK_GRID (grid), label, (int) c, (int) r + 1, 1, 1);
        }
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    /* Closes as every other window does. */
    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }
  gtk_window_present (GTK_WINDOW (window));
}
