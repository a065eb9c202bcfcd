/* patella-outcomes-view.c: the Outcomes chart on Progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per check-in item: its answers over time as a line against the
 * first check-in (dashed, the baseline), each answer 2 points or more from
 * it (an important change: Farrar 2001; Crossley 2004) drawn larger, in
 * green when better and orange when worse, and the latest answer with its
 * change in words beside it. Every check-in is shown, whatever the range.
 */
#define G_LOG_DOMAIN "patella-outcomes-view"

#include "config.h"

#include "core/patella-day.h"

#include <glib/gi18n.h>

#include "core/patella-store-outcomes.h"
#include "patella-outcomes-view-private.h"

/* A small line chart of one item, values 0-10 (the global rating 1-7). */
#define PATELLA_TYPE_SPARKLINE (patella_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (PatellaSparkline, patella_sparkline, PATELLA, SPARKLINE, GtkWidget)

struct _PatellaSparkline
{
  GtkWidget          parent_instance;
  PatellaOutcomeItem item;
  GArray            *values;   /* of int, one per check-in; < 0: none */
};

G_DEFINE_FINAL_TYPE (PatellaSparkline, patella_sparkline, GTK_TYPE_WIDGET)

static double
value_y (PatellaSparkline *self,
         int               value,
         double            height)
{
  double lowest = self->item == PATELLA_OUTCOME_GLOBAL_CHANGE ? PATELLA_GLOBAL_CHANGE_MIN : 0;
  double highest = self->item == PATELLA_OUTCOME_GLOBAL_CHANGE ? PATELLA_GLOBAL_CHANGE_MAX : 10;

  return 4 + (height - 8) * (1 - (value - lowest) / (highest - lowest));
}

static void
patella_sparkline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PatellaSparkline *self = PATELLA_SPARKLINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n = self->values->len;
  int baseline = n > 0 ? g_array_index (self->values, int, 0) : -1;
  gboolean drawn = FALSE;
  GdkRGBA color;
  cairo_t *cr;

  if (n == 0 || width <= 8)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The baseline: the first check-in's answer. */
  if (baseline >= 0)
    {
      double dash[] = { 3, 3 };

      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, 4, value_y (self, baseline, height));
      cairo_line_to (cr, width - 4, value_y (self, baseline, height));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.8);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      int value = g_array_index (self->values, int, i);
      double x = n == 1 ? width / 2 : 4 + (width - 8) * i / (n - 1);

      if (value < 0)
        {
          drawn = FALSE;
          continue;
        }
      if (drawn)
        cairo_line_to (cr, x, value_y (self, value, height));
      else
        cairo_move_to (cr, x, value_y (self, value, height));
      drawn = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      int value = g_array_index (self->values, int, i);
      double x = n == 1 ? width / 2 : 4 + (width - 8) * i / (n - 1);
      PatellaChange change = patella_outcome_change (self->item, baseline, value);

      if (value < 0)
        continue;
      if (change == PATELLA_CHANGE_BETTER)
        cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);   /* GNOME green 4 */
      else if (change == PATELLA_CHANGE_WORSE)
        cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);    /* GNOME orange 4 */
      else
        cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.8);
      cairo_arc (cr, x, value_y (self, value, height), change == PATELLA_CHANGE_NONE ? 2.0 : 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
patella_sparkline_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 60 : 44;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 44;
}

static void
patella_sparkline_finalize (GObject *object)
{
  g_clear_pointer (&PATELLA_SPARKLINE (object)->values, g_array_unref);
  G_OBJECT_CLASS (patella_sparkline_parent_class)->finalize (object);
}

static void
patella_sparkline_class_init (PatellaSparklineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_sparkline_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = patella_sparkline_snapshot;
  GTK_WIDGET_CLASS (klass)->measure = patella_sparkline_measure;
}

static void
patella_sparkline_init (PatellaSparkline *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (int));
}

/* The self-tests of one leg, oldest first: a square each, green when the
 * knee stayed centred, yellow when it wobbled, orange when it dropped
 * inward. */
#define PATELLA_TYPE_LEG_STRIP (patella_leg_strip_get_type ())
G_DECLARE_FINAL_TYPE (PatellaLegStrip, patella_leg_strip, PATELLA, LEG_STRIP, GtkWidget)

struct _PatellaLegStrip
{
  GtkWidget  parent_instance;
  GArray    *results;   /* of PatellaSquatResult */
};

G_DEFINE_FINAL_TYPE (PatellaLegStrip, patella_leg_strip, GTK_TYPE_WIDGET)

#define STRIP_CELL 14
#define STRIP_GAP 3

static void
patella_leg_strip_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PatellaLegStrip *self = PATELLA_LEG_STRIP (widget);
  static const GdkRGBA colors[PATELLA_N_SQUAT_RESULTS] = {
    { 0.15, 0.64, 0.41, 1 },   /* centred: GNOME green 4 */
    { 0.96, 0.76, 0.07, 1 },   /* wobbles: yellow 4 */
    { 0.90, 0.38, 0.0, 1 },    /* drops inward: orange 4 */
  };
  int width = gtk_widget_get_width (widget);
  /* The newest that fit, when there are more than the width holds. */
  guint fit = MAX (1, (guint) (width + STRIP_GAP) / (STRIP_CELL + STRIP_GAP));
  guint start = self->results->len > fit ? self->results->len - fit : 0;

  for (guint i = start; i < self->results->len; i++)
    {
      PatellaSquatResult result = g_array_index (self->results, PatellaSquatResult, i);

      gtk_snapshot_append_color (snapshot, &colors[result],
                                 &GRAPHENE_RECT_INIT ((i - start) * (STRIP_CELL + STRIP_GAP), 2,
                                                      STRIP_CELL, STRIP_CELL));
    }
}

static void
patella_leg_strip_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  guint n = PATELLA_LEG_STRIP (widget)->results->len;

  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? STRIP_CELL : STRIP_CELL + 4;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? (int) MAX (n, 1) * (STRIP_CELL + STRIP_GAP) : STRIP_CELL + 4;
}

static void
patella_leg_strip_finalize (GObject *object)
{
  g_clear_pointer (&PATELLA_LEG_STRIP (object)->results, g_array_unref);
  G_OBJECT_CLASS (patella_leg_strip_parent_class)->finalize (object);
}

static void
patella_leg_strip_class_init (PatellaLegStripClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_leg_strip_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = patella_leg_strip_snapshot;
  GTK_WIDGET_CLASS (klass)->measure = patella_leg_strip_measure;
}

static void
patella_leg_strip_init (PatellaLegStrip *self)
{
  self->results = g_array_new (FALSE, FALSE, sizeof (PatellaSquatResult));
}

/* The view */

struct _PatellaOutcomesView
{
  GtkBox     parent_instance;

  GtkLabel  *intro;
  GtkWidget *grid;
  GtkWidget *legs;       /* the self-test's strip per leg */
  guint      n_rows;
  guint      n_tests;
};

G_DEFINE_FINAL_TYPE (PatellaOutcomesView, patella_outcomes_view, GTK_TYPE_BOX)

/* The latest answer, and its change from the first in words. */
static char *
describe_latest (PatellaOutcomeItem item,
                 int                first,
                 int                latest)
{
  PatellaChange change = patella_outcome_change (item, first, latest);

  if (latest == PATELLA_OUTCOME_NOT_DONE)
    return g_strdup (_("not done"));
  if (latest < 0)
    return g_strdup ("–");
  if (item == PATELLA_OUTCOME_GLOBAL_CHANGE)
    return g_strdup (patella_global_change_get_title (latest));
  if (change == PATELLA_CHANGE_BETTER)
    /* Translators: the latest answer and its change from the first check-in */
    return g_strdup_printf (_("%d, better by %d (important)"), latest, first - latest);
  if (change == PATELLA_CHANGE_WORSE)
    return g_strdup_printf (_("%d, worse by %d (important)"), latest, latest - first);
  if (first >= 0)
    /* Translators: the latest answer and the first check-in's */
    return g_strdup_printf (_("%d (first %d)"), latest, first);
  return g_strdup_printf ("%d", latest);
}

static gboolean
reload_legs (PatellaOutcomesView  *self,
             PatellaStore         *store,
             GError              **error)
{
  g_autoptr(GPtrArray) tests = patella_store_list_self_tests (store, error);
  GtkWidget *child;

  if (tests == NULL)
    return FALSE;
  while ((child = gtk_widget_get_first_child (self->legs)) != NULL)
    gtk_grid_remove (GTK_GRID (self->legs), child);
  self->n_tests = tests->len;
  gtk_widget_set_visible (self->legs, tests->len > 0);
  if (tests->len == 0)
    return TRUE;

  {
    GtkWidget *heading = gtk_label_new (_("Single-leg squat: green centred, yellow wobbles, orange drops inward"));

    gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "caption");
    gtk_widget_add_css_class (heading, "dim-label");
    gtk_grid_attach (GTK_GRID (self->legs), heading, 0, 0, 2, 1);
  }
  for (PatellaLeg leg = 0; leg < PATELLA_N_LEGS; leg++)
    {
      PatellaLegStrip *strip = g_object_new (PATELLA_TYPE_LEG_STRIP, NULL);
      GtkWidget *title = gtk_label_new (patella_leg_get_title (leg));
      g_autoptr(GString) name = g_string_new (patella_leg_get_title (leg));

      for (guint i = 0; i < tests->len; i++)
        {
          const PatellaSelfTest *test = g_ptr_array_index (tests, i);

          if (test->side != leg)
            continue;
          g_array_append_val (strip->results, test->result);
          g_string_append_printf (name, "; %s %s", test->day, patella_squat_result_get_title (test->result));
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (strip), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
      gtk_widget_set_hexpand (GTK_WIDGET (strip), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_width_chars (GTK_LABEL (title), 10);
      gtk_grid_attach (GTK_GRID (self->legs), title, 0, (int) leg + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->legs), GTK_WIDGET (strip), 1, (int) leg + 1, 1, 1);
    }
  return TRUE;
}

guint
patella_outcomes_view_get_n_tests (PatellaOutcomesView *self)
{
  g_return_val_if_fail (PATELLA_IS_OUTCOMES_VIEW (self), 0);
  return self->n_tests;
}

gboolean
patella_outcomes_view_reload (PatellaOutcomesView  *self,
                              PatellaStore         *store,
                              GError              **error)
{
  g_autoptr(GPtrArray) checkins = NULL;
  GtkWidget *child;
  PatellaCheckinAnswers *first, *latest;

  g_return_val_if_fail (PATELLA_IS_OUTCOMES_VIEW (self), FALSE);

  checkins = patella_store_list_checkins (store, error);
  if (checkins == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  if (!reload_legs (self, store, error))
    return FALSE;
  self->n_rows = 0;
  gtk_widget_set_visible (self->grid, checkins->len > 0);
  if (checkins->len == 0)
    {
      gtk_label_set_text (self->intro, _("No check-ins yet. The first, your baseline, is asked for on Today; "
                                         "Check-In in the main menu opens it at any time."));
      return TRUE;
    }

  first = g_ptr_array_index (checkins, 0);
  latest = g_ptr_array_index (checkins, checkins->len - 1);
  {
    GDate date;
    g_autoptr(GDateTime) since = NULL;
    g_autofree char *since_text = NULL;

    if (patella_day_parse (first->day, &date))
      since = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
    /* Translators: the first check-in's day, e.g. 21 September 2026 */
    since_text = since ? g_date_time_format (since, _("%-d %B %Y")) : g_strdup (first->day);
    /* Translators: how many check-ins, and the first one's day */
    g_autofree char *intro = g_strdup_printf (ngettext ("%u check-in since %s. The dashed line is the first; "
                                                        "a larger green or orange point is a change of 2 points "
                                                        "or more from it, better or worse (Farrar 2001; "
                                                        "Crossley 2004).",
                                                        "%u check-ins since %s. The dashed line is the first; "
                                                        "a larger green or orange point is a change of 2 points "
                                                        "or more from it, better or worse (Farrar 2001; "
                                                        "Crossley 2004).", checkins->len),
                                              checkins->len, since_text);

    gtk_label_set_text (self->intro, intro);
  }

  for (PatellaOutcomeItem item = 0; item < PATELLA_N_OUTCOME_ITEMS; item++)
    {
      PatellaSparkline *line = g_object_new (PATELLA_TYPE_SPARKLINE, NULL);
      GtkWidget *title = gtk_label_new (patella_outcome_item_get_title (item));
      g_autofree char *words = describe_latest (item, first->values[item], latest->values[item]);
      GtkWidget *value = gtk_label_new (words);
      PatellaChange change = patella_outcome_change (item, first->values[item], latest->values[item]);
      g_autofree char *name = NULL;

      for (guint i = 0; i < checkins->len; i++)
        g_array_append_val (line->values, ((PatellaCheckinAnswers *) g_ptr_array_index (checkins, i))->values[item]);
      line->item = item;
      gtk_widget_set_hexpand (GTK_WIDGET (line), TRUE);
      /* Translators: for screen readers: an item and its latest answer */
      name = g_strdup_printf (_("%s: %s"), patella_outcome_item_get_title (item), words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (title), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 18);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (value), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 16);
      gtk_widget_add_css_class (value, "caption");
      if (change == PATELLA_CHANGE_BETTER)
        gtk_widget_add_css_class (value, "success");
      else if (change == PATELLA_CHANGE_WORSE)
        gtk_widget_add_css_class (value, "warning");

      gtk_grid_attach (GTK_GRID (self->grid), title, 0, (int) item, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (line), 1, (int) item, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), value, 2, (int) item, 1, 1);
      self->n_rows++;
    }
  return TRUE;
}

guint
patella_outcomes_view_get_n_rows (PatellaOutcomesView *self)
{
  g_return_val_if_fail (PATELLA_IS_OUTCOMES_VIEW (self), 0);
  return self->n_rows;
}

static void
patella_outcomes_view_class_init (PatellaOutcomesViewClass *klass)
{
}

static void
patella_outcomes_view_init (PatellaOutcomesView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->intro = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->intro, TRUE);
  gtk_label_set_xalign (self->intro, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->intro), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->intro), "caption");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->intro));

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_box_append (GTK_BOX (self), self->grid);

  self->legs = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->legs), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->legs), 12);
  gtk_widget_set_margin_top (self->legs, 12);
  gtk_box_append (GTK_BOX (self), self->legs);
}

GtkWidget *
patella_outcomes_view_new (void)
{
  return g_object_new (PATELLA_TYPE_OUTCOMES_VIEW, NULL);
}
