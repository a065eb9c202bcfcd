/* patella-routine-guide.c: "About This Routine", why each exercise is there
 *
 * A read-only page of plain text: why the knee hurts, the built-in routine
 * in order with the reason for each exercise, the optional extras, the
 * weekly self-test and when to see a clinician. Names and doses come from
 * the core's built-in exercises, so the guide cannot disagree with them.
 * The wording follows the rehab protocol the project works from and makes
 * no claim beyond it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-routine-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-exercise.h"
#include "patella-a11y.h"
#include "patella-routine-guide.h"

#define PATELLA_TYPE_ROUTINE_GUIDE (patella_routine_guide_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRoutineGuide, patella_routine_guide, PATELLA, ROUTINE_GUIDE, AdwWindow)

struct _PatellaRoutineGuide
{
  AdwWindow          parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (PatellaRoutineGuide, patella_routine_guide, ADW_TYPE_WINDOW)

/* Why each built-in exercise is in the routine. */
static const struct {
  const char *id;
  const char *why;
} reasons[] = {
  { "foam-roll",
    N_("Tight tissue is one of the four contributors the guideline names. Rolling the outer "
       "thigh, the front of the thigh, the hamstrings and the calf can ease it and make the "
       "stretch and the strength work after it more comfortable. It comes first so that the "
       "stretch works on a muscle that has let go. (The older model saw a tight IT band "
       "pulling the kneecap outward as the cause of the pain; that is no longer the main "
       "explanation.)") },
  { "quad-setting",
    N_("Tightening the thigh with the leg straight keeps the quadriceps strong without bending "
       "the knee, which matters while bending hurts; thigh strength is one of the things the "
       "guideline names. It can be done three times a day, wherever you are; a rolled towel "
       "under the knee makes it more comfortable if it hurts. Most people find it easier "
       "within a couple of weeks. (The older model aimed it at the inner part of the "
       "quadriceps, the VMO, to hold the kneecap in its groove; today it counts as "
       "strengthening the quadriceps as a whole.)") },
  { "hamstring-stretch",
    N_("Tight hamstrings are one of the mobility problems linked to patellofemoral pain. The "
       "stretch comes after rolling, when the muscle has let go; hold it still, without "
       "bouncing, on the left leg and the right in turn.") },
  { "squat",
    N_("The wall squat strengthens the thigh and hip muscles that carry you down stairs and "
       "through every landing, within a range the knee tolerates. Lowering slowly, over 5 "
       "seconds, works the muscles as they lengthen, and keeping the knees over the toes "
       "trains the control that stops the thigh turning inward. Stop before the knees bend to "
       "75 degrees: at a right angle the load on the kneecap joint is too high. (Turning the "
       "feet slightly out to work the inner quadriceps, the VMO, harder comes from the older "
       "model.)") },
  { "band-walks",
    N_("Walking against a band strengthens the muscles at the side of the hip, the glutes, "
       "which control how the thigh turns: when they tire, the thigh rotates inward under the "
       "kneecap and the knee drifts in. Hip strengthening like this is the part of the routine "
       "with the best support. Keep the knees over the toes, and make it harder by moving the "
       "band down: above the knees is easiest, the shins are harder, the ankles hardest.") },
  { "price",
    N_("For the days when the knee is inflamed: protect it, rest it, ice it, compress it and "
       "raise it. Do not run until the inflammation has settled.") },
  { "calf-stretch",
    N_("A tight calf is another of the mobility problems linked to knee pain. Stretching with "
       "the knee straight, then bent, reaches both the upper and the lower calf.") },
  { "quad-stretch",
    N_("Stretches the front of the thigh, which the strength exercises work hard. Stop short "
       "of any knee pain.") },
  { "balance",
    N_("Standing on one leg trains the control that keeps the knee centred over the foot, the "
       "same control that is missing when the knee collapses inward.") },
  { "glute-strength",
    N_("Stronger gluteal muscles hold the knee centred and take load off the kneecap. A good "
       "choice when the single-leg squat test shows a knee that wobbles or drops inward.") },
};

static const char *
reason_for (const PatellaExercise *exercise)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].id, exercise->id))
      return _(reasons[i].why);

  /* A built-in added later without a reason here still says how it is done. */
  return _(exercise->cues);
}

/* Plain text, never markup: translations may hold '&' or '<'. */
static GtkWidget *
paragraph (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  return label;
}

/* A heading screen readers can jump between. */
static GtkWidget *
heading (const char *text,
         int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  gtk_widget_add_css_class (label, level <= 2 ? "title-2" : "heading");
  return label;
}

static void
add_heading (PatellaRoutineGuide *self,
             const char          *text)
{
  GtkWidget *label = heading (text, 2);

  gtk_widget_set_margin_top (label, 18);
  gtk_box_append (self->content, label);
}

static void
add_paragraph (PatellaRoutineGuide *self,
               const char          *text)
{
  gtk_box_append (self->content, paragraph (text));
}

static void
add_bullets (PatellaRoutineGuide *self,
             const char * const  *items,
             guint                n_items)
{
  GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  NULL);

  for (guint i = 0; i < n_items; i++)
    {
      GtkWidget *item = g_object_new (GTK_TYPE_BOX,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                      "spacing", 8,
                                      NULL);
      GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        "label", "•",
                                        "valign", GTK_ALIGN_START,
                                        NULL);
      GtkWidget *text = paragraph (_(items[i]));

      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_set_margin_start (item, 12);
      gtk_box_append (GTK_BOX (item), bullet);
      gtk_box_append (GTK_BOX (item), text);
      gtk_box_append (GTK_BOX (list), item);
    }
  gtk_box_append (self->content, list);
}

/* One exercise: its name, the dose Patella ships, and why it is there. */
static void
add_exercise (PatellaRoutineGuide   *self,
              const PatellaExercise *exercise)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dose = paragraph (_(exercise->dose));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_widget_set_margin_start (inner, 18);
  gtk_widget_set_margin_end (inner, 18);
  gtk_widget_add_css_class (dose, "dim-label");

  gtk_box_append (GTK_BOX (inner), heading (_(exercise->name), 3));
  gtk_box_append (GTK_BOX (inner), dose);
  gtk_box_append (GTK_BOX (inner), paragraph (reason_for (exercise)));
  gtk_box_append (GTK_BOX (card), inner);
  gtk_box_append (self->content, card);
}

static void
add_exercises (PatellaRoutineGuide *self,
               gboolean             core)
{
  guint n_builtins;
  const PatellaExercise *builtins = patella_exercise_get_builtins (&n_builtins);

  /* The core five are the ones on by default; the extras start off. */
  for (guint i = 0; i < n_builtins; i++)
    if (builtins[i].enabled == core)
      add_exercise (self, &builtins[i]);
}

static void
fill (PatellaRoutineGuide *self)
{
  static const char *const contributors[] = {
    N_("Overload: running more, faster or more often before the knee has had time to adapt."),
    N_("Muscle weakness: hip and thigh (quadriceps) muscles too weak to steady the knee."),
    N_("Movement control: the knee drifting or collapsing inward as you land, squat or climb "
       "stairs."),
    N_("Mobility: a tight outer thigh, tight hamstrings or a tight calf, and the posture of "
       "the foot."),
  };
  static const char *const self_test[] = {
    N_("Centred: the knee stays over the foot. Your hip muscles are controlling it well."),
    N_("Wobbles or drops inward: the hip is not holding the knee steady. Make hip "
       "strengthening your focus: band walks, and gluteal strengthening from the extras."),
  };
  static const char *const see_clinician[] = {
    N_("your knee locks or gives way,"),
    N_("your knee swells,"),
    N_("your kneecap slips out of place,"),
    N_("the pain is severe, 8 out of 10 or more, and does not settle when you stop running "
       "and rest, ice and raise the leg."),
  };

  add_paragraph (self, _("Patella’s routine follows today’s understanding of patellofemoral "
                         "pain: strengthen the hip, trunk and thigh muscles that steer the knee, "
                         "manage how much load it takes, and keep the tissue around it supple. "
                         "Here is why each part is there."));

  add_heading (self, _("Why the knee hurts"));
  add_paragraph (self, _("Patellofemoral pain, or runner’s knee, is an overuse injury. It hurts "
                         "around or behind the kneecap, often more on stairs, when squatting or "
                         "after sitting for a long time, and it can start as a dull ache and "
                         "turn sharp."));
  add_paragraph (self, _("The 2019 clinical practice guideline of the JOSPT (Willy and "
                         "colleagues) names four things that contribute to it, and most runners "
                         "have more than one:"));
  add_bullets (self, contributors, G_N_ELEMENTS (contributors));
  add_paragraph (self, _("Newer work points to the thigh bone turning inward under the kneecap "
                         "as you land, squat or climb stairs, more than to the kneecap being "
                         "pulled out of its groove. Strong hip and trunk muscles control that "
                         "turn. Exercise for the hip and the knee, together with managing load, "
                         "is the treatment with the best support, as the 2019 guideline "
                         "describes."));
  add_paragraph (self, _("An older model, from the 1970s to about 2005, held that a tight IT band "
                         "and outer thigh pull the kneecap outward while a weak inner quadriceps "
                         "(the VMO) fails to hold it in line. You will still meet it in many "
                         "articles; it is the older model, not settled fact."));
  add_paragraph (self, _("The routine works on strength, control and mobility. Overload is what "
                         "Patella’s warnings are for: they tell you when your running or your "
                         "pain rises too quickly."));
  add_paragraph (self, _("Taping, insoles and knee braces may help some people in the short "
                         "term; ask a physiotherapist or doctor whether they suit you."));

  add_heading (self, _("The daily routine, in order"));
  add_paragraph (self, _("Release comes before stretching: a muscle is rolled first, because "
                         "stretching a muscle that is still in spasm can strain it. The strength "
                         "exercises come last. How to do each one is shown under it on the "
                         "Today page."));
  add_exercises (self, TRUE);

  add_heading (self, _("Optional extras"));
  add_paragraph (self, _("These are off at first. Switch on the ones you need with Edit Routine "
                         "on the Today page."));
  add_exercises (self, FALSE);

  add_heading (self, _("Weekly self-test: single-leg squat"));
  add_paragraph (self, _("Once a week, stand on one leg and squat halfway down, five times, then "
                         "do the same on the other leg. Watch the knee, in a mirror if you can."));
  add_bullets (self, self_test, G_N_ELEMENTS (self_test));
  add_paragraph (self, _("Note the result for each leg, so that you can compare from week to "
                         "week."));

  add_heading (self, _("See a clinician when…"));
  add_paragraph (self, _("Patella is a log and a guide, not a diagnosis. This routine works on "
                         "muscles that are tight or weak, and some knee problems are not "
                         "muscular at all. See a physiotherapist or doctor if:"));
  add_bullets (self, see_clinician, G_N_ELEMENTS (see_clinician));
  add_paragraph (self, _("Worn cartilage, a kneecap that dislocates and differences in the shape "
                         "of the bones are among the causes that need a clinician’s "
                         "examination."));
}

/* Nothing on the page takes the focus, so the window itself scrolls it. */
static gboolean
scroll_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  PatellaRoutineGuide *self = PATELLA_ROUTINE_GUIDE (widget);
  gboolean handled = FALSE;

  g_signal_emit_by_name (self->scroller, "scroll-child",
                         (GtkScrollType) g_variant_get_int32 (args), FALSE, &handled);
  return TRUE;
}

static void
patella_routine_guide_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_ROUTINE_GUIDE);

  G_OBJECT_CLASS (patella_routine_guide_parent_class)->dispose (object);
}

static void
patella_routine_guide_class_init (PatellaRoutineGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint          keyval;
    GdkModifierType modifiers;
    GtkScrollType  scroll;
  } scroll_keys[] = {
    { GDK_KEY_Page_Up, 0, GTK_SCROLL_PAGE_BACKWARD },
    { GDK_KEY_Page_Down, 0, GTK_SCROLL_PAGE_FORWARD },
    { GDK_KEY_Home, 0, GTK_SCROLL_START },
    { GDK_KEY_End, 0, GTK_SCROLL_END },
  };

  object_class->dispose = patella_routine_guide_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/patella-routine-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineGuide, scroller);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineGuide, content);

  for (guint i = 0; i < G_N_ELEMENTS (scroll_keys); i++)
    gtk_widget_class_add_binding (widget_class, scroll_keys[i].keyval, scroll_keys[i].modifiers,
                                  scroll_binding, "i", (int) scroll_keys[i].scroll);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
patella_routine_guide_init (PatellaRoutineGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  patella_a11y_name_controls (GTK_WIDGET (self));
  fill (self);
}

/* As large as it likes, but never larger than the screen it opens on. */
static void
fit_to_monitor (GtkWindow *window,
                GtkWindow *parent)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  GdkMonitor *monitor = NULL;
  GdkRectangle area;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)), surface);
  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &area);
  gtk_window_set_default_size (window, MIN (width, area.width), MIN (height, area.height));
}

/* The modal window shown on top of @window, if any, and so on up: a modal
 * window takes all input, so the guide must go on top of the last one. */
static GtkWindow *
topmost_modal (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = TRUE;

  while (found)
    {
      found = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !found; i++)
        {
          g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

          if (gtk_window_get_transient_for (other) == window &&
              gtk_window_get_modal (other) &&
              gtk_widget_get_visible (GTK_WIDGET (other)))
            {
              window = other;
              found = TRUE;
            }
        }
    }
  return window;
}

/* One guide at a time: asking again brings the open one forward. */
static GtkWindow *open_guide;

void
patella_routine_guide_present (GtkWindow *parent)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (open_guide == NULL)
    {
      /* Asked for from the main window's menu while the welcome (or another
       * modal window) is open, it goes on top of that, modal itself, or it
       * could take no input at all. */
      if (parent != NULL)
        parent = topmost_modal (parent);

      /* Not one of the application's windows, so the main window stays the
       * one its actions act on; it closes with the window it belongs to. */
      open_guide = g_object_new (PATELLA_TYPE_ROUTINE_GUIDE,
                                 "transient-for", parent,
                                 "modal", parent != NULL && gtk_window_get_modal (parent),
                                 "destroy-with-parent", TRUE,
                                 NULL);
      g_object_add_weak_pointer (G_OBJECT (open_guide), (gpointer *) &open_guide);
      if (parent != NULL)
        fit_to_monitor (open_guide, parent);
    }
  gtk_window_present (open_guide);
}
