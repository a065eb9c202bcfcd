/* patella-chart.c: one Progress chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is cached as a render node and dropped only when the size,
 * the data or the theme changes; hovering or moving the keyboard cursor
 * redraws a highlight over the cached node. One hit test
 * (patella_chart_day_at) serves the tooltip, the click and the cursor.
 */
#define G_LOG_DOMAIN "patella-chart"

#include "config.h"

#include <glib/gi18n.h>

#include <pango/pangocairo.h>

#include "patella-chart.h"

struct _PatellaChart
{
  GtkWidget          parent_instance;

  PatellaChartKind   kind;
  PatellaProgress   *progress;
  PatellaChartStyle  style;
  GskRenderNode     *cache;
  int                hover;
  int                cursor;
  int                measured_height;   /* the calendar's, at its last width */
  guint              resize_idle;
};

G_DEFINE_FINAL_TYPE (PatellaChart, patella_chart, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  CURSOR_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drop_cache (PatellaChart *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
to_chart_color (const GdkRGBA     *rgba,
                PatellaChartColor *out)
{
  *out = (PatellaChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static void
lookup (GtkStyleContext   *context,
        const char        *name,
        const char        *fallback,
        PatellaChartColor *out)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    gdk_rgba_parse (&rgba, fallback);
  to_chart_color (&rgba, out);
}

/* The theme's colours and font, read again whenever the theme changes. */
static void
read_style (PatellaChart *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const PangoFontDescription *font;
  GdkRGBA foreground;

  gtk_style_context_get_color (context, &foreground);
  to_chart_color (&foreground, &self->style.foreground);
  lookup (context, "accent_color", "#3584e4", &self->style.accent);
  lookup (context, "success_color", "#26a269", &self->style.success);
  lookup (context, "warning_color", "#cd9309", &self->style.warning);
  lookup (context, "error_color", "#c01c28", &self->style.error);
  lookup (context, "blue_3", "#3584e4", &self->style.morning);
  lookup (context, "orange_3", "#ff7800", &self->style.during);
  lookup (context, "purple_2", "#c061cb", &self->style.after);

  g_clear_pointer (&self->style.font, pango_font_description_free);
  self->style.resolution = pango_cairo_context_get_resolution (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (font != NULL)
    {
      self->style.font = pango_font_description_copy (font);
      if (pango_font_description_get_size (font) > 0)
        pango_font_description_set_size (self->style.font, pango_font_description_get_size (font) * 85 / 100);
    }
}

static void
patella_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (patella_chart_parent_class)->css_changed (widget, change);
  read_style (PATELLA_CHART (widget));
  drop_cache (PATELLA_CHART (widget));
}

/* The calendar's height at @width; 0 for the charts that fill any. */
static int
rows_height (PatellaChart *self,
             int           width)
{
  if (width <= 0)
    width = patella_chart_min_width (self->kind, self->progress);
  return (int) ceil (patella_chart_natural_height (self->kind, self->progress, width, &self->style));
}

static gboolean
resize_cb (gpointer data)
{
  PatellaChart *self = data;

  self->resize_idle = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
patella_chart_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PatellaChart *self = PATELLA_CHART (widget);

  drop_cache (self);
  /* In a sideways scroller the calendar is measured before it knows its
   * width: once it does, it asks again for the height its rows need. */
  if (rows_height (self, width) != self->measured_height && self->resize_idle == 0)
    self->resize_idle = g_idle_add (resize_cb, self);
}

static void
patella_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  PatellaChart *self = PATELLA_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The calendar of a year keeps cells one can read and tap; at a
       * phone's width its card scrolls it sideways. */
      *minimum = MAX (240, patella_chart_min_width (self->kind, self->progress));
      *natural = MAX (720, *minimum);
    }
  else
    {
      int rows = rows_height (self, for_size > 0 ? for_size : gtk_widget_get_width (widget));

      /* The calendar is as tall as its rows at the width it gets. */
      if (for_size <= 0 || for_size == gtk_widget_get_width (widget))
        self->measured_height = rows;
      if (rows > 0)
        *minimum = *natural = rows;
      else
        {
          *minimum = self->kind == PATELLA_CHART_ADHERENCE ? 160 : 220;
          *natural = 280;
        }
    }
}

static GtkSizeRequestMode
patella_chart_get_request_mode (GtkWidget *widget)
{
  return PATELLA_CHART (widget)->kind == PATELLA_CHART_ADHERENCE ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                                   : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
highlight (PatellaChart *self,
           GtkSnapshot  *snapshot,
           int           index,
           double        alpha)
{
  graphene_rect_t rect;
  GdkRGBA color = { self->style.accent.red, self->style.accent.green, self->style.accent.blue,
                    self->style.accent.alpha };

  if (index < 0 || self->progress == NULL || index >= (int) self->progress->n_days)
    return;

  patella_chart_day_rect (self->kind, self->progress,
                          gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), &self->style, (guint) index, &rect);
  color.alpha *= alpha;
  gtk_snapshot_append_color (snapshot, &color, &rect);
}

/* In a sideways scroller (the calendar at a narrow width) the legend is
 * laid out in the part in view, so it stays whole as the grid scrolls. */
static void
follow_view (PatellaChart *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  double x = 0, width = 0;

  if (scroller != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

      if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)
          > gtk_adjustment_get_page_size (adjustment) + 0.5)
        {
          x = gtk_adjustment_get_value (adjustment);
          width = gtk_adjustment_get_page_size (adjustment);
        }
    }
  if (x != self->style.legend_x || width != self->style.legend_width)
    {
      self->style.legend_x = x;
      self->style.legend_width = width;
      g_clear_pointer (&self->cache, gsk_render_node_unref);
      /* A narrower view may take the legend another row. */
      if (rows_height (self, gtk_widget_get_width (GTK_WIDGET (self))) != self->measured_height && self->resize_idle == 0)
        self->resize_idle = g_idle_add (resize_cb, self);
    }
}

static void
patella_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PatellaChart *self = PATELLA_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->progress == NULL || width <= 0 || height <= 0)
    return;

  follow_view (self);

  if (self->cache == NULL)
    {
      GtkSnapshot *inner = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));

      patella_chart_render (cr, self->kind, self->progress, width, height, &self->style);
      cairo_destroy (cr);
      self->cache = gtk_snapshot_free_to_node (inner);
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  highlight (self, snapshot, self->hover, 0.15);
  if (gtk_widget_has_focus (widget))
    highlight (self, snapshot, self->cursor, 0.35);
}

static gboolean
patella_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  PatellaChart *self = PATELLA_CHART (widget);
  g_autofree char *text = NULL;
  int index;

  if (self->progress == NULL)
    return FALSE;

  index = keyboard ? self->cursor
                   : patella_chart_day_at (self->kind, self->progress, gtk_widget_get_width (widget),
                                           gtk_widget_get_height (widget), &self->style, x, y);
  if (index < 0)
    return FALSE;

  text = patella_chart_describe_at (self->kind, self->progress, gtk_widget_get_width (widget),
                                    gtk_widget_get_height (widget), &self->style, (guint) index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (PatellaChart *self,
           int           index)
{
  if (index == self->hover)
    return;
  self->hover = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        PatellaChart             *self)
{
  if (self->progress == NULL)
    return;
  set_hover (self, patella_chart_day_at (self->kind, self->progress,
                                         gtk_widget_get_width (GTK_WIDGET (self)),
                                         gtk_widget_get_height (GTK_WIDGET (self)), &self->style, x, y));
}

static void
leave (GtkEventControllerMotion *controller,
       PatellaChart             *self)
{
  set_hover (self, -1);
}

static void
activate_day (PatellaChart *self,
              int           index)
{
  g_autofree char *day = NULL;

  if (self->progress == NULL || index < 0)
    return;
  day = patella_progress_day (self->progress, (guint) index);
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, day);
}

static void
pressed (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         PatellaChart    *self)
{
  int index;

  if (self->progress == NULL)
    return;
  index = patella_chart_day_at (self->kind, self->progress, gtk_widget_get_width (GTK_WIDGET (self)),
                                gtk_widget_get_height (GTK_WIDGET (self)), &self->style, x, y);
  if (index >= 0)
    {
      patella_chart_set_cursor (self, index);
      activate_day (self, index);
    }
}

/* Left and Right walk the days (Up and Down a week; the other way round on
 * the calendar), Home and End jump to the ends, Enter opens the day. */
static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PatellaChart          *self)
{
  int n, step = 0;

  if (self->progress == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  n = (int) self->progress->n_days;

  /* On the calendar days run down the columns and weeks across. */
  switch (keyval)
    {
    case GDK_KEY_Left: step = self->kind == PATELLA_CHART_ADHERENCE ? -7 : -1; break;
    case GDK_KEY_Right: step = self->kind == PATELLA_CHART_ADHERENCE ? 7 : 1; break;
    case GDK_KEY_Up: step = self->kind == PATELLA_CHART_ADHERENCE ? -1 : -7; break;
    case GDK_KEY_Down: step = self->kind == PATELLA_CHART_ADHERENCE ? 1 : 7; break;
    case GDK_KEY_Home:
      patella_chart_set_cursor (self, 0);
      return TRUE;
    case GDK_KEY_End:
      patella_chart_set_cursor (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_day (self, self->cursor);
      return TRUE;
    default:
      return FALSE;
    }

  patella_chart_set_cursor (self, CLAMP (self->cursor + step, 0, n - 1));
  return TRUE;
}

static void
focus_changed (PatellaChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
patella_chart_finalize (GObject *object)
{
  PatellaChart *self = (PatellaChart *) object;

  g_clear_handle_id (&self->resize_idle, g_source_remove);
  g_clear_pointer (&self->progress, patella_progress_unref);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->style.font, pango_font_description_free);

  G_OBJECT_CLASS (patella_chart_parent_class)->finalize (object);
}

static void
patella_chart_class_init (PatellaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = patella_chart_finalize;

  widget_class->snapshot = patella_chart_snapshot;
  widget_class->measure = patella_chart_measure;
  widget_class->get_request_mode = patella_chart_get_request_mode;
  widget_class->size_allocate = patella_chart_size_allocate;
  widget_class->css_changed = patella_chart_css_changed;
  widget_class->query_tooltip = patella_chart_query_tooltip;

  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "patella-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
patella_chart_init (PatellaChart *self)
{
  GtkEventController *controller;

  self->hover = -1;
  self->cursor = -1;
  patella_chart_style_init_default (&self->style);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "pressed", G_CALLBACK (pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
patella_chart_new (PatellaChartKind kind)
{
  PatellaChart *self = g_object_new (PATELLA_TYPE_CHART, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
patella_chart_set_progress (PatellaChart    *self,
                            PatellaProgress *progress)
{
  g_autofree char *description = NULL;

  g_return_if_fail (PATELLA_IS_CHART (self));

  g_clear_pointer (&self->progress, patella_progress_unref);
  if (progress != NULL)
    self->progress = patella_progress_ref (progress);
  self->hover = -1;
  self->cursor = progress != NULL && progress->n_days > 0 ? (int) progress->n_days - 1 : -1;

  /* A sentence that sums the chart up, for screen readers. */
  description = progress ? patella_chart_describe (self->kind, progress) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  drop_cache (self);
}

int
patella_chart_get_cursor (PatellaChart *self)
{
  g_return_val_if_fail (PATELLA_IS_CHART (self), -1);
  return self->cursor;
}

/* When the chart scrolls sideways (the calendar at a narrow width), the
 * keyboard cursor's day is brought into view. */
static void
scroll_to_cursor (PatellaChart *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t rect;
  double x, y;

  if (scroller == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  patella_chart_day_rect (self->kind, self->progress, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), &self->style, (guint) self->cursor, &rect);
  if (viewport == NULL || !gtk_widget_translate_coordinates (GTK_WIDGET (self), viewport, rect.origin.x, 0, &x, &y))
    return;
  x += gtk_adjustment_get_value (adjustment);
  gtk_adjustment_clamp_page (adjustment, x - 8, x + rect.size.width + 8);
}

void
patella_chart_set_cursor (PatellaChart *self,
                          int           index)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PATELLA_IS_CHART (self));

  if (self->progress == NULL || index < 0 || index >= (int) self->progress->n_days)
    return;

  self->cursor = index;
  scroll_to_cursor (self);
  text = patella_chart_describe_at (self->kind, self->progress, gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)), &self->style, (guint) index);
  g_signal_emit (self, signals[CURSOR_MOVED], 0, text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

cairo_surface_t *
patella_chart_render_to_image (PatellaChart *self,
                               int           width,
                               int           height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (PATELLA_IS_CHART (self), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (self->progress != NULL)
    patella_chart_render (cr, self->kind, self->progress, width, height, &self->style);
  cairo_destroy (cr);
  return surface;
}
