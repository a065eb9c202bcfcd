/* patella-coach-cards.c: Today's suggestions: an exercise's next level, the next run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cards for what the progression rules say today: an exercise ready for
 * its next level (or better a level lower), with Accept and Not Yet; the
 * return-to-running plan's next run with its interval timer, or the offer
 * of a plan after two weeks without a run. Nothing changes without the
 * runner's Accept; every change has an Undo. All goes through "coach."
 * actions, which the buttons, the toasts' Undo and the tests share: the
 * page that holds the cards puts them where its toasts can reach them.
 */
#define G_LOG_DOMAIN "patella-coach-cards"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-store-progression.h"
#include "patella-a11y.h"
#include "patella-coach-cards-private.h"
#include "patella-timer-window.h"

struct _PatellaCoachCards
{
  AdwBin          parent_instance;

  /* owned */
  GSimpleActionGroup *actions;
  GtkBox         *box;
  PatellaDayPlan *plan;
  PatellaSession *session;   /* whose queue Undo goes through */
  guint           n_cards;
  guint           phase;     /* of the next run, when a card offers it */
  PatellaRunPhase run_phase; /* its walk/run intervals, as the record holds them */
  guint           n_hidden;  /* level suggestions behind "More Suggestions" */
  gboolean        show_all;  /* the runner asked to see them all, this day */
  gboolean        may_run;   /* a rest day since the last run */

  /* borrowed: weak pointer */
  GtkWindow      *timer;
};

G_DEFINE_FINAL_TYPE (PatellaCoachCards, patella_coach_cards, ADW_TYPE_BIN)

static PatellaStore *
get_store (PatellaCoachCards *self)
{
  return self->plan ? patella_day_plan_get_store (self->plan) : NULL;
}

static const char *
get_today (PatellaCoachCards *self)
{
  return patella_day_plan_get_today (self->plan);
}

static void
show_toast (PatellaCoachCards *self,
            AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (PatellaCoachCards *self,
            const GError      *error)
{
  g_autofree char *title = NULL;

  /* The window shows a long message in full, behind Details. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message))
    return;
  title = g_markup_escape_text (error->message, -1);
  show_toast (self, adw_toast_new (title));
}

/* Undo of an accepted level: the level before, back from today. */
typedef struct
{
  char  *id;
  guint  level;
} LevelUndo;

static void
level_undo_free (gpointer data)
{
  LevelUndo *undo = data;

  g_free (undo->id);
  g_free (undo);
}

static gboolean
undo_level (PatellaStore  *store,
            gpointer       data,
            GError       **error)
{
  LevelUndo *undo = data;

  return patella_store_set_level (store, undo->id, undo->level, error);
}

/* Undo of "Not yet": the suggestion's id. */
static gboolean
undo_not_yet (PatellaStore  *store,
              gpointer       data,
              GError       **error)
{
  return patella_store_unsnooze_suggestion (store, data, error);
}

/* Undo of starting the return to running: the day it started. */
static gboolean
undo_start_plan (PatellaStore  *store,
                 gpointer       data,
                 GError       **error)
{
  return patella_store_set_return_plan (store, FALSE, data, error);
}

static GtkWidget *
button (const char *label,
        const char *action,
        GVariant   *target,
        gboolean    suggested)
{
  GtkWidget *widget = gtk_button_new ();

  patella_a11y_set_button_label (GTK_BUTTON (widget), label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget), target);
  if (suggested)
    gtk_widget_add_css_class (widget, "suggested-action");
  return widget;
}

/* A card: a heading, why, and its buttons (NULL-terminated). */
static void
add_card (PatellaCoachCards *self,
          const char        *icon,
          const char        *heading,
          const char        *body,
          ...)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (body);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *child;
  va_list args;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "coach-card");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (title, "heading");
  for (GtkWidget *label = title; label != NULL; label = label == title ? text : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
    }
  gtk_box_append (GTK_BOX (top), image);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (card), top);
  gtk_box_append (GTK_BOX (card), text);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  va_start (args, body);
  while ((child = va_arg (args, GtkWidget *)) != NULL)
    gtk_box_append (GTK_BOX (buttons), child);
  va_end (args);
  gtk_box_append (GTK_BOX (card), buttons);

  gtk_box_append (self->box, card);
  self->n_cards++;
}

static const char *
exercise_name (PatellaCoachCards *self,
               const char        *exercise_id)
{
  PatellaRoutineItem *item = patella_day_plan_find (self->plan, exercise_id);

  return item ? patella_routine_item_get_name (item) : exercise_id;
}

static gboolean
add_suggestion_cards (PatellaCoachCards  *self,
                      GError            **error)
{
  g_autoptr(GPtrArray) suggestions = patella_store_list_suggestions (get_store (self), get_today (self), error);
  guint shown = 0;

  if (suggestions == NULL)
    return FALSE;
  for (guint i = 0; i < suggestions->len; i++)
    {
      const PatellaSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const PatellaLadder *ladder = patella_ladder_find (suggestion->exercise_id);
      g_autofree char *headline = NULL;
      guint target;

      if (suggestion->snoozed ||
          (suggestion->advice != PATELLA_ADVICE_PROGRESS && suggestion->advice != PATELLA_ADVICE_STEP_BACK))
        continue;
      target = patella_progression_target (ladder, suggestion->level, suggestion->advice);
      if (target == suggestion->level)
        continue;
      /* One at a time: three cards at once push the day's own rows away. */
      if (shown > 0 && !self->show_all)
        {
          self->n_hidden++;
          continue;
        }
      shown++;
      headline = patella_progression_headline (exercise_name (self, suggestion->exercise_id), ladder,
                                               suggestion->level, suggestion->advice);
      add_card (self,
                suggestion->advice == PATELLA_ADVICE_PROGRESS ? "go-up-symbolic" : "go-down-symbolic",
                headline, suggestion->reason,
                button (_("_Not Yet"), "coach.not-yet", g_variant_new_string (suggestion->exercise_id), FALSE),
                button (_("_Accept"), "coach.set-level",
                        g_variant_new ("(su)", suggestion->exercise_id, target), TRUE),
                NULL);
    }
  if (self->n_hidden > 0)
    {
      /* Translators: a button under a suggestion card; the number of further suggestions */
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Suggestion", "Show %u More Suggestions",
                                                          self->n_hidden),
                                                self->n_hidden);
      GtkWidget *more = button (label, "coach.show-all", NULL, FALSE);

      gtk_widget_add_css_class (more, "flat");
      gtk_widget_set_halign (more, GTK_ALIGN_CENTER);
      gtk_box_append (self->box, more);
    }
  return TRUE;
}

static gboolean
add_run_card (PatellaCoachCards  *self,
              GError            **error)
{
  PatellaNextRun next;
  gboolean offer;

  if (!patella_store_get_next_run (get_store (self), get_today (self), &next, error))
    return FALSE;

  if (next.active && !next.done)
    {
      g_autofree char *intervals = patella_run_phase_describe (&next.phase);
      /* Translators: the phase's number, then e.g. "6 × (2 min run / 1 min walk)" */
      g_autofree char *heading = g_strdup_printf (_("Next run: phase %u, %s"), next.state.phase + 1, intervals);
      GtkWidget *start = button (_("_Start the Run"), next.may_run ? "coach.start-run" : NULL, NULL, TRUE);

      self->phase = next.state.phase;
      self->run_phase = next.phase;
      self->may_run = next.may_run;
      gtk_widget_set_sensitive (start, next.may_run);
      add_card (self, "media-playback-start-symbolic", heading, next.reason, start, NULL);
    }
  patella_next_run_clear (&next);
  if (next.active)
    return TRUE;

  if (!patella_store_offers_return (get_store (self), get_today (self), &offer, error))
    return FALSE;
  if (offer)
    add_card (self, "media-playback-start-symbolic", _("Back to running, step by step?"),
              /* Translators: the plan's phases are walk/run intervals */
              _("No run is logged for two weeks or more. A graded plan starts with short runs between "
                "walks, each phase twice, a rest day between runs, and moves on only while the pain "
                "stays low and the next morning is no worse."),
              button (_("_Not Yet"), "coach.not-yet-plan", NULL, FALSE),
              button (_("_Start the Plan"), "coach.start-plan", NULL, TRUE),
              NULL);
  return TRUE;
}

static void
update (PatellaCoachCards *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  self->n_cards = 0;
  self->n_hidden = 0;
  self->may_run = FALSE;

  /* Suggestions are about now: the past keeps its levels. */
  if (self->plan != NULL && patella_day_plan_get_is_today (self->plan) &&
      (!add_suggestion_cards (self, &error) || !add_run_card (self, &error)))
    show_error (self, error);

  gtk_widget_set_visible (GTK_WIDGET (self), self->n_cards > 0);
}

/* Another day: the suggestions are one at a time again. */
static void
day_changed (PatellaCoachCards *self)
{
  self->show_all = FALSE;
  update (self);
}

/**
 * patella_coach_cards_set_session:
 *
 * Whose one queue the cards' Undo goes through; given once by the page.
 */
void
patella_coach_cards_set_session (PatellaCoachCards *self,
                                 PatellaSession    *session)
{
  g_return_if_fail (PATELLA_IS_COACH_CARDS (self));
  g_return_if_fail (PATELLA_IS_SESSION (session));

  g_set_object (&self->session, session);
}

void
patella_coach_cards_set_plan (PatellaCoachCards *self,
                              PatellaDayPlan    *plan)
{
  g_return_if_fail (PATELLA_IS_COACH_CARDS (self));

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (get_store (self), self);
    }
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      g_signal_connect_object (get_store (self), "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::day", G_CALLBACK (day_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::today", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

GActionGroup *
patella_coach_cards_get_actions (PatellaCoachCards *self)
{
  g_return_val_if_fail (PATELLA_IS_COACH_CARDS (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

guint
patella_coach_cards_get_n_cards (PatellaCoachCards *self)
{
  g_return_val_if_fail (PATELLA_IS_COACH_CARDS (self), 0);
  return self->n_cards;
}

guint
patella_coach_cards_get_n_hidden (PatellaCoachCards *self)
{
  g_return_val_if_fail (PATELLA_IS_COACH_CARDS (self), 0);
  return self->n_hidden;
}

GtkWidget *
patella_coach_cards_get_card (PatellaCoachCards *self,
                              guint              index)
{
  GtkWidget *child;

  g_return_val_if_fail (PATELLA_IS_COACH_CARDS (self), NULL);

  /* The cards only, not the button that shows the hidden ones. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "coach-card") && index-- == 0)
      break;
  return child;
}

GtkWindow *
patella_coach_cards_get_timer (PatellaCoachCards *self)
{
  g_return_val_if_fail (PATELLA_IS_COACH_CARDS (self), NULL);
  return self->timer;
}

/* Actions */

static void
set_level_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PatellaCoachCards *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const PatellaLadder *ladder;
  const char *id;
  guint level;
  int before;

  if (self->plan == NULL)
    return;
  g_variant_get (parameter, "(&su)", &id, &level);
  before = patella_store_get_level (get_store (self), id, get_today (self), &error);
  if (before < 0 || !patella_store_set_level (get_store (self), id, level, &error))
    {
      show_error (self, error);
      return;
    }

  ladder = patella_ladder_find (id);
  /* Translators: a toast; an exercise, then its new level */
  title = g_strdup_printf (_("%s: %s from today"), exercise_name (self, id), _(ladder->levels[level].name));
  if (self->session != NULL)
    {
      LevelUndo *undo = g_new0 (LevelUndo, 1);

      undo->id = g_strdup (id);
      undo->level = (guint) before;
      patella_session_offer_undo (self->session, title, undo_level, undo, level_undo_free);
    }
}

static void
not_yet_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PatellaCoachCards *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->plan == NULL)
    return;
  if (!patella_store_snooze_suggestion (get_store (self), id, get_today (self), &error))
    {
      show_error (self, error);
      return;
    }
  if (self->session != NULL)
    patella_session_offer_undo (self->session, _("Put off for 7 days"), undo_not_yet, g_strdup (id), g_free);
}

static void
plan_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PatellaCoachCards *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean start = g_str_equal (g_action_get_name (G_ACTION (action)), "start-plan");

  if (self->plan == NULL)
    return;
  if (start ? !patella_store_set_return_plan (get_store (self), TRUE, get_today (self), &error)
            : !patella_store_snooze_return_offer (get_store (self), get_today (self), &error))
    {
      show_error (self, error);
      return;
    }
  if (start && self->session != NULL)
    patella_session_offer_undo (self->session, _("Return to running started"), undo_start_plan,
                                g_strdup (get_today (self)), g_free);
}

/* The intervals are done: the run's dialog, with its minutes filled in,
 * asks for the distance, the effort and the pain the plan needs. */
static void
run_timed (PatellaTimerWindow *timer,
           PatellaCoachCards  *self)
{
  if (self->plan == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.log-timed-run", "(sd)",
                              get_today (self), (double) patella_timer_window_get_minutes (timer));
}

static void
start_run_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PatellaCoachCards *self = user_data;
  g_autofree char *title = NULL;
  PatellaTimerWindow *timer;

  /* A rest day between runs: the card's button is off until then. */
  if (self->plan == NULL || !self->may_run)
    return;
  if (self->timer != NULL)
    gtk_window_destroy (self->timer);

  /* Translators: the interval timer's title, with the phase's number */
  title = g_strdup_printf (_("Run, Phase %u"), self->phase + 1);
  timer = patella_timer_window_new_for_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &self->run_phase,
                                            title);
  g_signal_connect_object (timer, "finished", G_CALLBACK (run_timed), self, 0);
  g_set_weak_pointer (&self->timer, GTK_WINDOW (timer));
  gtk_window_present (GTK_WINDOW (timer));
}

static void
show_all_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PatellaCoachCards *self = user_data;

  self->show_all = TRUE;
  update (self);
}

static void
patella_coach_cards_dispose (GObject *object)
{
  PatellaCoachCards *self = (PatellaCoachCards *) object;

  if (self->timer != NULL)
    gtk_window_destroy (self->timer);
  g_clear_weak_pointer (&self->timer);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  g_clear_object (&self->actions);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (patella_coach_cards_parent_class)->dispose (object);
}

static void
patella_coach_cards_class_init (PatellaCoachCardsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = patella_coach_cards_dispose;
}

static void
patella_coach_cards_init (PatellaCoachCards *self)
{
  const GActionEntry entries[] = {
    { "set-level", set_level_action, "(su)", NULL, NULL, { 0 } },
    { "not-yet", not_yet_action, "s", NULL, NULL, { 0 } },
    { "start-plan", plan_action, NULL, NULL, NULL, { 0 } },
    { "not-yet-plan", plan_action, NULL, NULL, NULL, { 0 } },
    { "start-run", start_run_action, NULL, NULL, NULL, { 0 } },
    { "show-all", show_all_action, NULL, NULL, NULL, { 0 } },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggestions for today"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
