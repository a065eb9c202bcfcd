/* patella-run-import-dialog.c: the runs of watch and service files, before they are logged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per run: the day and time as the title, minutes, distance and
 * effort below; expanded, the effort and pain to log with it and the file
 * it came from. The row's switch leaves a run out (a GPX track that does
 * not say it was a run is in until switched off). Runs the record already
 * holds are marked and skipped. Effort is what the training load needs:
 * from the file when it has one, else set per run or once for all.
 */
#define G_LOG_DOMAIN "patella-run-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "patella-run-import-dialog.h"

typedef struct
{
  AdwExpanderRow *row;
  GtkDropDown    *effort;    /* NULL for a run already logged */
  GtkDropDown    *pain;
} RunRow;

struct _PatellaRunImportDialog
{
  AdwWindow            parent_instance;

  /* owned */
  PatellaStore        *store;
  GPtrArray           *runs;       /* of PatellaRunCandidate */
  GArray              *rows;       /* of RunRow, one per run */
  PatellaDistanceUnit  unit;
  int                  default_effort;
  char                *problem;

  /* widgets */
  AdwPreferencesGroup *runs_group;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  GtkDropDown         *default_effort_dropdown;
  GtkWidget           *import_button;
};

G_DEFINE_FINAL_TYPE (PatellaRunImportDialog, patella_run_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Not set" (or "None") and 0 to 10: a dropdown's position is the value + 1. */
static GtkDropDown *
scale_dropdown (const char *unset,
                int         value,
                const char *label)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GtkDropDown *dropdown;

  gtk_string_list_append (items, unset);
  for (int i = 0; i <= PATELLA_SCALE_MAX; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      gtk_string_list_append (items, number);
    }
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL));
  gtk_drop_down_set_selected (dropdown, (guint) (value + 1));
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return dropdown;
}

static int
dropdown_value (GtkDropDown *dropdown)
{
  return (int) gtk_drop_down_get_selected (dropdown) - 1;
}

static char *
format_distance (double               km,
                 PatellaDistanceUnit  unit)
{
  if (unit == PATELLA_UNIT_MILES)
    /* Translators: a run's distance in miles */
    return g_strdup_printf (_("%.2f mi"), km / 1.609344);
  /* Translators: a run's distance in kilometres */
  return g_strdup_printf (_("%.2f km"), km);
}

/* "30.5 min · 5.01 km · effort 7", or "… · already logged". */
static char *
describe_run (PatellaRunImportDialog    *self,
              const PatellaRunCandidate *run,
              gboolean                   included)
{
  g_autofree char *distance = format_distance (run->distance_km, self->unit);
  GString *text = g_string_new (NULL);

  /* Translators: a run's length in minutes, then its distance */
  g_string_printf (text, _("%.1f min · %s"), run->minutes, distance);
  if (run->logged)
    /* Translators: after a run's minutes and distance */
    g_string_append (text, _(" · already logged"));
  else if (!included)
    /* Translators: after a run's minutes and distance, when switched off */
    g_string_append (text, _(" · left out"));
  else if (run->rpe >= 0)
    /* Translators: after a run's minutes and distance; RPE 0-10 */
    g_string_append_printf (text, _(" · effort %d"), run->rpe);
  else if (self->default_effort >= 0)
    /* Translators: after a run's minutes and distance; the effort given for all */
    g_string_append_printf (text, _(" · effort %d for all"), self->default_effort);
  else
    /* Translators: after a run's minutes and distance */
    g_string_append (text, _(" · effort needed"));
  return g_string_free (text, FALSE);
}

static void
update (PatellaRunImportDialog *self)
{
  guint n_logged = 0, n_new = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (self->runs, i);
      RunRow *row = &g_array_index (self->rows, RunRow, i);
      gboolean included = adw_expander_row_get_enable_expansion (row->row);
      g_autofree char *description = describe_run (self, run, included);

      adw_expander_row_set_subtitle (row->row, description);
      if (run->logged)
        n_logged++;
      else if (included)
        n_new++;
    }

  if (n_logged > 0)
    /* Translators: the heading of the import dialog's list: new runs, and
       runs already logged */
    subtitle = g_strdup_printf (ngettext ("%u new run, %u already logged", "%u new runs, %u already logged", n_new),
                                n_new, n_logged);
  else
    /* Translators: the heading of the import dialog's list */
    subtitle = g_strdup_printf (ngettext ("%u new run", "%u new runs", n_new), n_new);
  adw_preferences_group_set_title (self->runs_group, subtitle);
  gtk_widget_set_sensitive (self->import_button, n_new > 0);
}

static void
show_problem (PatellaRunImportDialog *self,
              const char             *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  if (problem != NULL)
    gtk_label_set_text (self->problem_label, problem);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

static void
dropdown_changed (PatellaRunImportDialog *self)
{
  self->default_effort = dropdown_value (self->default_effort_dropdown);
  for (guint i = 0; i < self->runs->len; i++)
    {
      PatellaRunCandidate *run = g_ptr_array_index (self->runs, i);
      RunRow *row = &g_array_index (self->rows, RunRow, i);

      if (row->effort != NULL)
        {
          run->rpe = dropdown_value (row->effort);
          run->pain = dropdown_value (row->pain);
        }
    }
  show_problem (self, NULL);
  update (self);
}

/* A row in @expander choosing a value from 0 to 10, or @unset. */
static GtkDropDown *
add_scale_row (PatellaRunImportDialog *self,
               AdwExpanderRow         *expander,
               const char             *title,
               const char             *unset,
               int                     value,
               const char             *label)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkDropDown *dropdown = scale_dropdown (unset, value, label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (row, GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (dropdown));
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self);
  return dropdown;
}

static void
add_run_row (PatellaRunImportDialog *self,
             PatellaRunCandidate    *run)
{
  g_autoptr(GDateTime) instant = patella_instant_parse (run->instant);
  g_autoptr(GDateTime) local = instant ? g_date_time_to_local (instant) : NULL;
  /* Translators: a run's day and start in the import list, strftime()
     format: "Mon 2 Dec 2024, 07:01" */
  g_autofree char *title = local ? g_date_time_format (local, _("%a %-d %b %Y, %H:%M")) : g_strdup (run->day);
  RunRow row = { NULL, NULL, NULL };
  AdwActionRow *from;

  row.row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row.row), FALSE);

  if (run->logged)
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Already logged"), -1);
      adw_expander_row_add_action (row.row, mark);
    }
  else
    {
      /* The switch: log this one or leave it out. */
      adw_expander_row_set_show_enable_switch (row.row, TRUE);
      g_signal_connect_swapped (row.row, "notify::enable-expansion", G_CALLBACK (update), self);

      row.effort = add_scale_row (self, row.row, _("Effort (RPE 0–10)"), _("Not set"), run->rpe, _("Effort"));
      row.pain = add_scale_row (self, row.row, _("Knee pain during the run (0–10)"), _("None"), run->pain,
                                _("Pain"));
    }

  from = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (from), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (from), _("From"));
  if (run->activity == NULL)
    {
      /* GPX without a type: the runner says whether it was a run. */
      g_autofree char *text = g_strconcat (run->source, "\n",
                                           _("The file does not say this was a run; switch it off if it was not."),
                                           NULL);
      adw_action_row_set_subtitle (from, text);
    }
  else
    adw_action_row_set_subtitle (from, run->source);
  adw_expander_row_add_row (row.row, GTK_WIDGET (from));

  adw_preferences_group_add (self->runs_group, GTK_WIDGET (row.row));
  g_array_append_val (self->rows, row);
}

static void
import_runs (PatellaRunImportDialog *self)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint added = 0, skipped = 0;

  dropdown_changed (self);
  for (guint i = 0; i < self->runs->len; i++)
    if (adw_expander_row_get_enable_expansion (g_array_index (self->rows, RunRow, i).row))
      g_ptr_array_add (chosen, g_ptr_array_index (self->runs, i));

  if (!patella_run_file_import (self->store, chosen, self->default_effort, &added, &skipped, &error))
    {
      /* Runs without effort: said in the dialog, which stays open. */
      show_problem (self, error->message);
      update (self);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, added, skipped);
  gtk_window_destroy (GTK_WINDOW (self));
}

static RunRow *
row_for (PatellaRunImportDialog *self,
         GVariant               *parameter)
{
  int index;

  g_variant_get_child (parameter, 0, "i", &index);
  if (index < 0 || (guint) index >= self->rows->len)
    return NULL;
  return &g_array_index (self->rows, RunRow, index);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PatellaRunImportDialog *self = PATELLA_RUN_IMPORT_DIALOG (widget);
  RunRow *row = parameter && g_variant_is_of_type (parameter, G_VARIANT_TYPE_TUPLE) ? row_for (self, parameter) : NULL;

  if (g_str_equal (action_name, "import.import"))
    import_runs (self);
  else if (g_str_equal (action_name, "import.default-effort"))
    gtk_drop_down_set_selected (self->default_effort_dropdown,
                                (guint) (CLAMP (g_variant_get_int32 (parameter), -1, PATELLA_SCALE_MAX) + 1));
  else if (row == NULL || row->effort == NULL)
    return;
  else if (g_str_equal (action_name, "import.include"))
    {
      gboolean include;

      g_variant_get_child (parameter, 1, "b", &include);
      adw_expander_row_set_enable_expansion (row->row, include);
    }
  else
    {
      int value;

      g_variant_get_child (parameter, 1, "i", &value);
      gtk_drop_down_set_selected (g_str_equal (action_name, "import.effort") ? row->effort : row->pain,
                                  (guint) (CLAMP (value, -1, PATELLA_SCALE_MAX) + 1));
    }
}

static void
patella_run_import_dialog_finalize (GObject *object)
{
  PatellaRunImportDialog *self = PATELLA_RUN_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (patella_run_import_dialog_parent_class)->finalize (object);
}

static void
patella_run_import_dialog_class_init (PatellaRunImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = patella_run_import_dialog_finalize;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.effort", "(ii)", run_action);
  gtk_widget_class_install_action (widget_class, "import.pain", "(ii)", run_action);
  gtk_widget_class_install_action (widget_class, "import.include", "(ib)", run_action);
  gtk_widget_class_install_action (widget_class, "import.default-effort", "i", run_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
patella_run_import_dialog_init (PatellaRunImportDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (RunRow));
  self->default_effort = -1;
}

PatellaRunImportDialog *
patella_run_import_dialog_new (GtkWindow           *parent,
                               PatellaStore        *store,
                               GPtrArray           *runs,
                               PatellaDistanceUnit  unit)
{
  PatellaRunImportDialog *self;
  GtkWidget *box, *header, *cancel, *scrolled, *clamp, *content, *group, *problem_box;
  AdwActionRow *effort_row;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (runs != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_RUN_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 640,
                       "title", _("Import Runs"),
                       NULL);
  self->store = g_object_ref (store);
  self->runs = runs;
  self->unit = unit;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.import");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (box), header);

  /* Why Import did nothing, until something changes. */
  self->problem_revealer = GTK_REVEALER (gtk_revealer_new ());
  problem_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (problem_box, "error");
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_label_set_selectable (self->problem_label, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->problem_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problem_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problem_label), 6);
  gtk_box_append (GTK_BOX (problem_box), GTK_WIDGET (self->problem_label));
  gtk_revealer_set_child (self->problem_revealer, problem_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_revealer));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The training load needs each run’s effort. Files from Strava may "
                                           "carry it; for the others, set it for each run or once for all."));
  effort_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (effort_row), _("Effort for Runs Without One"));
  self->default_effort_dropdown = scale_dropdown (_("Not set"), -1, _("Effort for runs without one"));
  adw_action_row_add_suffix (effort_row, GTK_WIDGET (self->default_effort_dropdown));
  adw_action_row_set_activatable_widget (effort_row, GTK_WIDGET (self->default_effort_dropdown));
  g_signal_connect_swapped (self->default_effort_dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (effort_row));
  gtk_box_append (GTK_BOX (content), group);

  /* Its title counts the runs, which a phone-wide header could not. */
  self->runs_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint i = 0; i < runs->len; i++)
    add_run_row (self, g_ptr_array_index (runs, i));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->runs_group));

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  update (self);
  return self;
}

guint
patella_run_import_dialog_get_n_runs (PatellaRunImportDialog *self)
{
  g_return_val_if_fail (PATELLA_IS_RUN_IMPORT_DIALOG (self), 0);

  return self->runs->len;
}

const PatellaRunCandidate *
patella_run_import_dialog_get_run (PatellaRunImportDialog *self,
                                   guint                   index)
{
  g_return_val_if_fail (PATELLA_IS_RUN_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->runs->len, NULL);

  return g_ptr_array_index (self->runs, index);
}

const char *
patella_run_import_dialog_get_problem (PatellaRunImportDialog *self)
{
  g_return_val_if_fail (PATELLA_IS_RUN_IMPORT_DIALOG (self), NULL);

  return self->problem;
}
