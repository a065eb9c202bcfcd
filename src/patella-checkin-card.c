/* patella-checkin-card.c: Today's cards for the check-in and the clinic visit
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
#include "patella-calendar.h"
#include "patella-checkin-card-private.h"

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

/* Both Today cards: an icon and a wrapping label above @buttons, in a
 * card that starts hidden. */
static GtkLabel *
card_init (GtkBox     *box,
           const char *icon_name,
           GtkWidget  *buttons)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 12);
  gtk_widget_add_css_class (GTK_WIDGET (box), "card");
  gtk_widget_add_css_class (GTK_WIDGET (box), "nudge");
  gtk_widget_set_visible (GTK_WIDGET (box), FALSE);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), icon);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (box, top);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (box, buttons);
  return GTK_LABEL (label);
}

/* Follows @store's changes to the outcome tables with @changed. */
static void
card_set_store (gpointer       card,
                PatellaStore **field,
                PatellaStore  *store,
                GCallback      changed)
{
  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, card);
  g_set_object (field, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", changed, card, G_CONNECT_SWAPPED);
}

/* Follows @settings' @signal ("changed" or "changed::KEY") with @changed. */
static void
card_set_settings (gpointer    card,
                   GSettings **field,
                   GSettings  *settings,
                   const char *signal,
                   GCallback   changed)
{
  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, card);
  g_set_object (field, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, signal, changed, card, G_CONNECT_SWAPPED);
}

/* Lets go of what card_set_store() and card_set_settings() follow. */
static void
card_let_go (gpointer       card,
             PatellaStore **store,
             GSettings    **settings)
{
  if (*store != NULL)
    g_signal_handlers_disconnect_by_data (*store, card);
  if (settings != NULL && *settings != NULL)
    g_signal_handlers_disconnect_by_data (*settings, card);
  g_clear_object (store);
  if (settings != NULL)
    g_clear_object (settings);
}

static gboolean
is_outcome_change (int table)
{
  return table == PATELLA_STORE_CHANGED_OUTCOMES || table == PATELLA_STORE_CHANGED_ALL;
}

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
    {
      g_autofree char *due = patella_calendar_day_label (checkin.due, today);

      /* Translators: %s is the day the check-in fell due, as Today names days */
      text = g_strdup_printf (_("Your check-in has been due since %s. It takes two minutes and shows how the "
                                "knee has changed."), due);
    }
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
  if (is_outcome_change (table))
    refresh (self);
}

void
patella_checkin_card_set_store (PatellaCheckinCard *self,
                                PatellaStore       *store)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_CARD (self));

  card_set_store (self, &self->store, store, G_CALLBACK (store_changed));
  refresh (self);
}

void
patella_checkin_card_set_settings (PatellaCheckinCard *self,
                                   GSettings          *settings)
{
  g_return_if_fail (PATELLA_IS_CHECKIN_CARD (self));

  card_set_settings (self, &self->settings, settings, "changed::" SNOOZE_KEY, G_CALLBACK (refresh));
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

  card_let_go (self, &self->store, &self->settings);

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
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *later = gtk_button_new_with_mnemonic (_("_Later"));
  GtkWidget *check_in = gtk_button_new_with_mnemonic (_("_Check In"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (later), "checkin-card.later");
  gtk_widget_set_tooltip_text (later, _("Ask again in two days"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check_in), "win.check-in");
  gtk_widget_add_css_class (check_in, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), later);
  gtk_box_append (GTK_BOX (buttons), check_in);
  self->label = card_init (GTK_BOX (self), "document-edit-symbolic", buttons);
}

/* The clinic visit: from two days before it to its day, Today says so and
 * offers the clinic report, whose first page is then "Since your last
 * visit". */

struct _PatellaVisitCard
{
  GtkBox        parent_instance;

  PatellaStore *store;
  gboolean      is_today;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (PatellaVisitCard, patella_visit_card, GTK_TYPE_BOX)

static void
visit_refresh (PatellaVisitCard *self)
{
  g_autofree char *today = patella_day_today ();
  g_autoptr(PatellaVisit) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  int days;

  if (self->store == NULL || !self->is_today ||
      !patella_store_get_visits_around (self->store, today, NULL, &next, &error) || next == NULL)
    {
      if (error != NULL)
        g_warning ("The clinic visits could not be read: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  days = patella_day_diff (today, next->day);
  when = patella_calendar_day_label (next->day, today);
  if (days > PATELLA_VISIT_REMINDER_DAYS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  if (days == 0)
    text = g_strdup (_("Your clinic visit is today. Make your clinic report: it opens with what changed since "
                       "the last visit."));
  else
    /* Translators: %d is 1 or 2 days, %s the visit's day */
    text = g_strdup_printf (ngettext ("Your clinic visit is in %d day, on %s. Make your clinic report: it "
                                      "opens with what changed since the last visit.",
                                      "Your clinic visit is in %d days, on %s. Make your clinic report: it "
                                      "opens with what changed since the last visit.", days),
                            days, when);
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
visit_store_changed (PatellaVisitCard *self,
                     int               table)
{
  if (is_outcome_change (table))
    visit_refresh (self);
}

void
patella_visit_card_set_store (PatellaVisitCard *self,
                              PatellaStore     *store)
{
  g_return_if_fail (PATELLA_IS_VISIT_CARD (self));

  card_set_store (self, &self->store, store, G_CALLBACK (visit_store_changed));
  visit_refresh (self);
}

void
patella_visit_card_set_is_today (PatellaVisitCard *self,
                                 gboolean          is_today)
{
  g_return_if_fail (PATELLA_IS_VISIT_CARD (self));

  self->is_today = is_today;
  visit_refresh (self);
}

static void
patella_visit_card_dispose (GObject *object)
{
  PatellaVisitCard *self = PATELLA_VISIT_CARD (object);

  card_let_go (self, &self->store, NULL);

  G_OBJECT_CLASS (patella_visit_card_parent_class)->dispose (object);
}

static void
patella_visit_card_class_init (PatellaVisitCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = patella_visit_card_dispose;
}

static void
patella_visit_card_init (PatellaVisitCard *self)
{
  GtkWidget *report = gtk_button_new_with_mnemonic (_("Make _Report…"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (report), "win.report");
  self->label = card_init (GTK_BOX (self), "x-office-calendar-symbolic", report);
}

/* The single-leg squat self-test, weekly when switched on in Preferences
 * (off by default): each leg's result and the pain during it. When the
 * knee dropped inward on 2 of a leg's last 3 tests and the hip exercise
 * is off, the card suggests switching it on instead (Accept / Not Yet). */

struct _PatellaSelfTestCard
{
  GtkBox        parent_instance;

  PatellaStore *store;
  GSettings    *settings;
  gboolean      is_today;
  gboolean      suggesting;
  char         *latest;      /* the latest test's day */

  GtkLabel     *label;
  GtkWidget    *legs;        /* the form */
  GtkDropDown  *results[PATELLA_N_LEGS];
  GtkSpinButton *pains[PATELLA_N_LEGS];
  GtkWidget    *save;
  GtkWidget    *not_yet;
  GtkWidget    *accept;
};

G_DEFINE_FINAL_TYPE (PatellaSelfTestCard, patella_self_test_card, GTK_TYPE_BOX)

#define HIP_DISMISSED_KEY "hip-suggestion-dismissed"

static PatellaExercise *
find_hip_exercise (GPtrArray *exercises)
{
  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (g_str_equal (exercise->id, PATELLA_HIP_EXERCISE_ID))
        return exercise;
    }
  return NULL;
}

static void
self_test_refresh (PatellaSelfTestCard *self)
{
  g_autofree char *today = patella_day_today ();
  g_autoptr(GPtrArray) tests = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dismissed = NULL;
  PatellaExercise *hip;
  PatellaLeg side = PATELLA_LEG_LEFT;
  gboolean due;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  self->suggesting = FALSE;
  if (self->store == NULL || self->settings == NULL || !self->is_today)
    return;
  tests = patella_store_list_self_tests (self->store, &error);
  exercises = tests ? patella_store_list_exercises (self->store, FALSE, &error) : NULL;
  if (exercises == NULL)
    {
      g_warning ("The self-tests could not be read: %s", error->message);
      return;
    }
  g_clear_pointer (&self->latest, g_free);
  if (tests->len > 0)
    self->latest = g_strdup (((PatellaSelfTest *) g_ptr_array_index (tests, tests->len - 1))->day);

  hip = find_hip_exercise (exercises);
  dismissed = g_settings_get_string (self->settings, HIP_DISMISSED_KEY);
  if (hip != NULL && patella_self_test_suggests_hip (tests, hip->enabled, &side) &&
      g_strcmp0 (dismissed, self->latest) != 0)
    {
      /* Translators: %s is "left leg" or "right leg" */
      g_autofree char *text = g_strdup_printf (_("In the single-leg squat the knee dropped inward on 2 of the last "
                                                 "3 tests of the %s. Hip (gluteal) strength is linked with "
                                                 "better knee control: switch on the glute strengthening "
                                                 "exercise?"),
                                               side == PATELLA_LEG_LEFT ? _("left leg") : _("right leg"));

      self->suggesting = TRUE;
      gtk_label_set_text (self->label, text);
    }
  due = g_settings_get_boolean (self->settings, "self-test-enabled") &&
        (self->latest == NULL || patella_day_diff (self->latest, today) >= PATELLA_SELF_TEST_INTERVAL_DAYS);
  if (!self->suggesting && due)
    gtk_label_set_text (self->label, _("Weekly self-test: stand on one leg and squat half way down 5 times, "
                                       "then the other. Does the knee stay centred over the foot?"));
  gtk_widget_set_visible (self->legs, !self->suggesting);
  gtk_widget_set_visible (self->save, !self->suggesting);
  gtk_widget_set_visible (self->not_yet, self->suggesting);
  gtk_widget_set_visible (self->accept, self->suggesting);
  gtk_widget_set_visible (GTK_WIDGET (self), self->suggesting || due);
}

static void
self_test_store_changed (PatellaSelfTestCard *self,
                         int                  table)
{
  if (is_outcome_change (table) || table == PATELLA_TABLE_EXERCISES)
    self_test_refresh (self);
}

static void
save_tests_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaSelfTestCard *self = PATELLA_SELF_TEST_CARD (widget);
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;

  for (PatellaLeg side = 0; side < PATELLA_N_LEGS && error == NULL; side++)
    {
      PatellaSelfTest test = {
        today, side, (PatellaSquatResult) gtk_drop_down_get_selected (self->results[side]),
        gtk_spin_button_get_value_as_int (self->pains[side]),
      };

      patella_store_save_self_test (self->store, &test, &error);
    }
  if (error != NULL)
    g_warning ("The self-test was not saved: %s", error->message);
  self_test_refresh (self);
}

static void
not_yet_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaSelfTestCard *self = PATELLA_SELF_TEST_CARD (widget);

  g_settings_set_string (self->settings, HIP_DISMISSED_KEY, self->latest ? self->latest : "");
  self_test_refresh (self);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PatellaSelfTestCard *self = PATELLA_SELF_TEST_CARD (widget);
  g_autoptr(GPtrArray) exercises = patella_store_list_exercises (self->store, FALSE, NULL);
  PatellaExercise *hip = exercises ? find_hip_exercise (exercises) : NULL;
  g_autoptr(GError) error = NULL;

  if (hip != NULL)
    {
      hip->enabled = TRUE;
      if (!patella_store_update_exercise (self->store, hip, &error))
        g_warning ("The hip exercise was not switched on: %s", error->message);
    }
  self_test_refresh (self);
}

void
patella_self_test_card_set_store (PatellaSelfTestCard *self,
                                  PatellaStore        *store)
{
  g_return_if_fail (PATELLA_IS_SELF_TEST_CARD (self));

  card_set_store (self, &self->store, store, G_CALLBACK (self_test_store_changed));
  self_test_refresh (self);
}

void
patella_self_test_card_set_settings (PatellaSelfTestCard *self,
                                     GSettings           *settings)
{
  g_return_if_fail (PATELLA_IS_SELF_TEST_CARD (self));

  card_set_settings (self, &self->settings, settings, "changed", G_CALLBACK (self_test_refresh));
  self_test_refresh (self);
}

void
patella_self_test_card_set_is_today (PatellaSelfTestCard *self,
                                     gboolean             is_today)
{
  g_return_if_fail (PATELLA_IS_SELF_TEST_CARD (self));

  self->is_today = is_today;
  self_test_refresh (self);
}

void
patella_self_test_card_set_leg (PatellaSelfTestCard *self,
                                PatellaLeg          side,
                                PatellaSquatResult   result,
                                int                  pain)
{
  g_return_if_fail (PATELLA_IS_SELF_TEST_CARD (self));
  g_return_if_fail (side < PATELLA_N_LEGS && result < PATELLA_N_SQUAT_RESULTS);

  gtk_drop_down_set_selected (self->results[side], result);
  gtk_spin_button_set_value (self->pains[side], pain);
}

gboolean
patella_self_test_card_get_suggesting (PatellaSelfTestCard *self)
{
  g_return_val_if_fail (PATELLA_IS_SELF_TEST_CARD (self), FALSE);
  return self->suggesting;
}

static void
patella_self_test_card_dispose (GObject *object)
{
  PatellaSelfTestCard *self = PATELLA_SELF_TEST_CARD (object);

  card_let_go (self, &self->store, &self->settings);
  g_clear_pointer (&self->latest, g_free);

  G_OBJECT_CLASS (patella_self_test_card_parent_class)->dispose (object);
}

static void
patella_self_test_card_class_init (PatellaSelfTestCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = patella_self_test_card_dispose;
  gtk_widget_class_install_action (widget_class, "self-test.save", NULL, save_tests_action);
  gtk_widget_class_install_action (widget_class, "self-test.not-yet", NULL, not_yet_action);
  gtk_widget_class_install_action (widget_class, "self-test.accept", NULL, accept_action);
}

static GtkWidget *
card_button (GtkWidget  *box,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
patella_self_test_card_init (PatellaSelfTestCard *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *results[PATELLA_N_SQUAT_RESULTS + 1] = { NULL };

  for (PatellaSquatResult r = 0; r < PATELLA_N_SQUAT_RESULTS; r++)
    results[r] = patella_squat_result_get_title (r);

  self->not_yet = card_button (buttons, _("_Not Yet"), "self-test.not-yet");
  self->accept = card_button (buttons, _("_Accept"), "self-test.accept");
  self->save = card_button (buttons, _("_Save Results"), "self-test.save");
  gtk_widget_add_css_class (self->accept, "suggested-action");
  gtk_widget_add_css_class (self->save, "suggested-action");
  self->label = card_init (GTK_BOX (self), "emblem-system-symbolic", buttons);

  self->legs = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->legs), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->legs), 6);
  for (PatellaLeg side = 0; side < PATELLA_N_LEGS; side++)
    {
      GtkWidget *leg = gtk_label_new (patella_leg_get_title (side));
      GtkWidget *result = gtk_drop_down_new_from_strings (results);
      GtkWidget *pain = gtk_spin_button_new_with_range (0, 10, 1);
      /* Translators: for screen readers: "Left leg, pain during the test" */
      g_autofree char *pain_name = g_strdup_printf (_("%s, pain during the test"), patella_leg_get_title (side));

      gtk_label_set_xalign (GTK_LABEL (leg), 0);
      gtk_widget_set_hexpand (result, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (result), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      patella_leg_get_title (side), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (pain), GTK_ACCESSIBLE_PROPERTY_LABEL, pain_name, -1);
      gtk_widget_set_tooltip_text (pain, _("Pain during the test, 0-10"));
      self->results[side] = GTK_DROP_DOWN (result);
      self->pains[side] = GTK_SPIN_BUTTON (pain);
      gtk_grid_attach (GTK_GRID (self->legs), leg, 0, (int) side * 2, 2, 1);
      gtk_grid_attach (GTK_GRID (self->legs), result, 0, (int) side * 2 + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->legs), pain, 1, (int) side * 2 + 1, 1, 1);
    }
  /* Between the words and the buttons. */
  gtk_box_insert_child_after (GTK_BOX (self), self->legs, gtk_widget_get_first_child (GTK_WIDGET (self)));
}
