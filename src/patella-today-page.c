/* patella-today-page.c: the daily rehab checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows a PatellaDayPlan from the core and never runs SQL. All it
 * does goes through its "today." actions, which the rows, the keyboard and
 * the tests share.
 */
#define G_LOG_DOMAIN "patella-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/patella-day.h"
#include "core/patella-episodes.h"
#include "core/patella-settings.h"
#include "patella-a11y.h"
#include "patella-calendar.h"
#include "patella-checkin-card.h"
#include "patella-coach-cards.h"
#include "patella-day-log.h"
#include "patella-exercise-row.h"
#include "patella-routine-editor.h"
#include "patella-timer-window.h"
#include "patella-today-page-private.h"

struct _PatellaTodayPage
{
  AdwBin              parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkMenuButton      *day_button;
  GtkLabel           *day_label;
  GtkPopover         *calendar_popover;
  GtkWidget          *nudge_box;
  PatellaCheckinCard *checkin_card;
  PatellaVisitCard   *visit_card;
  PatellaSelfTestCard *self_test_card;
  GtkWidget          *rest_box;
  GtkImage           *rest_icon;
  GtkLabel           *rest_label;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *adherence_label;
  GtkListBox         *routine_list;
  GtkListBox         *warnings_list;
  PatellaCoachCards  *coach_cards;
  PatellaDayLog      *day_log;

  /* owned */
  PatellaSession     *session;
  PatellaDayPlan     *plan;
  GSettings          *settings;    /* may be NULL: the defaults apply */
  guint               n_warnings;

  guint               clock_id;

  /* borrowed: NULL until the day's popover first opens */
  GtkCalendar        *calendar;

  /* borrowed: weak pointers, cleared when they go */
  GtkWindow          *timer;
};

G_DEFINE_FINAL_TYPE (PatellaTodayPage, patella_today_page, ADW_TYPE_BIN)

static void
show_toast (PatellaTodayPage *self,
            AdwToast         *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (PatellaTodayPage *self,
            const GError     *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* The window shows a long message in full, behind Details. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message))
    return;
  /* Toast titles are markup; messages may hold a path with "&". */
  title = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (title);
  /* Long enough to read twice, never for ever: it would hide the next one. */
  adw_toast_set_timeout (toast, PATELLA_PROBLEM_TOAST_SECONDS);
  show_toast (self, toast);
}

/* The calendar, once it is made, shows the page's day. */
static void
select_calendar_day (PatellaTodayPage *self)
{
  if (self->calendar != NULL && self->plan != NULL)
    patella_calendar_select (self->calendar, patella_day_plan_get_day (self->plan));
}

static void
update_summary (PatellaTodayPage *self)
{
  PatellaDayPlan *plan = self->plan;
  const PatellaAdherence *adherence = patella_day_plan_get_adherence (plan);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (plan));
  const char *day = patella_day_plan_get_day (plan);
  const char *today = patella_day_plan_get_today (plan);
  int rest_kind = patella_day_plan_get_rest_kind (plan);
  g_autofree char *day_label = patella_calendar_day_label (day, today);
  g_autofree char *progress = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->day_label, day_label);
  {
    /* Translators: the day button, for screen readers: "Choose a Day, now Today" */
    g_autofree char *name = g_strdup_printf (_("Choose a Day, now %s"), day_label);

    patella_a11y_name_menu_button (GTK_WIDGET (self->day_button), name);
  }
  patella_day_log_set_day (self->day_log, day);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.next-day",
                                 !patella_day_plan_get_is_today (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.go-today",
                                 !patella_day_plan_get_is_today (plan));

  select_calendar_day (self);

  if (n_items == 0)
    progress = g_strdup (_("No exercises are switched on"));
  else if (patella_day_plan_get_complete (plan))
    progress = g_strdup (_("Routine complete"));
  else
    /* Translators: exercises done of those in the day's routine */
    progress = g_strdup_printf (ngettext ("%u of %u exercise done", "%u of %u exercises done", n_items),
                                patella_day_plan_get_n_complete (plan), n_items);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, patella_day_plan_get_fraction (plan));

  /* Translators: days in a row with the routine complete */
  streak = g_strdup_printf (ngettext ("Streak: %d day", "Streak: %d days", adherence->streak),
                            adherence->streak);
  /* Translators: the streak, then the adherence score in percent */
  summary = g_strdup_printf (_("%s · Score: %.0f%%"), streak, 100.0 * adherence->score);
  gtk_label_set_text (self->adherence_label, summary);

  gtk_widget_set_visible (self->nudge_box, adherence->nudge && patella_day_plan_get_is_today (plan));
  patella_checkin_card_set_is_today (self->checkin_card, patella_day_plan_get_is_today (plan));
  patella_visit_card_set_is_today (self->visit_card, patella_day_plan_get_is_today (plan));
  patella_self_test_card_set_is_today (self->self_test_card, patella_day_plan_get_is_today (plan));
  gtk_widget_set_visible (self->rest_box, rest_kind >= 0);
  if (rest_kind >= 0)
    {
      const char *note = patella_day_plan_get_rest_note (plan);
      const char *kind = rest_kind == PATELLA_REST_DAY_SICK
                         ? _("Sick day: it does not count against your streak or score.")
                         : _("Rest day: it does not count against your streak or score.");
      g_autofree char *text = note && note[0] ? g_strdup_printf ("%s\n%s", kind, note) : g_strdup (kind);

      gtk_label_set_text (self->rest_label, text);
      gtk_image_set_from_icon_name (self->rest_icon, rest_kind == PATELLA_REST_DAY_SICK
                                                     ? "face-sick-symbolic" : "weather-clear-night-symbolic");
    }
}

/* Past midnight with the window open, "today" moves on; a runner looking
 * at the old today follows it. */
static gboolean
check_clock (gpointer data)
{
  PatellaTodayPage *self = data;
  g_autofree char *today = patella_day_today ();
  g_autoptr(GError) error = NULL;
  gboolean was_today;

  if (self->plan == NULL || g_str_equal (today, patella_day_plan_get_today (self->plan)))
    return G_SOURCE_CONTINUE;

  was_today = patella_day_plan_get_is_today (self->plan);
  patella_day_plan_set_today (self->plan, today);
  if (!(was_today ? patella_day_plan_set_day (self->plan, today, &error)
                  : patella_day_plan_reload (self->plan, &error)))
    show_error (self, error);
  update_summary (self);
  return G_SOURCE_CONTINUE;
}

/* "yesterday", "Tuesday" within the week, or the date further back. */
static char *
since_text (const char *start,
            const char *day)
{
  int days = patella_day_diff (start, day);
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (days == 1)
    return g_strdup (_("yesterday"));
  patella_day_parse (start, &date);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                12, 0, 0);
  if (days < 7)
    /* Translators: a day of the week; see strftime */
    return g_date_time_format (when, _("%A"));
  /* Translators: a date, as in "since 3 March 2026"; see strftime */
  return g_date_time_format (when, _("%e %B %Y"));
}

/* An episode still going on @day: its title (since when, if it began
 * earlier) and that day's numbers. */
static GtkWidget *
warning_row (const PatellaEpisode *episode,
             const char           *day)
{
  const PatellaWarning *warning = episode->last;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon, *details, *dismiss;
  g_autofree char *explanation = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (episode->start, day) != 0)
    {
      g_autofree char *since = since_text (episode->start, day);

      /* Translators: a warning's title, then when it began, as in "Pain is
         rising week on week, since Tuesday" */
      title = g_strdup_printf (_("%s, since %s"), patella_warning_code_get_title (warning->code),
                               g_strstrip (since));
    }
  else
    title = g_strdup (patella_warning_code_get_title (warning->code));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), warning->message);

  /* Severity is in the icon, its colour and the words of the title. */
  icon = gtk_image_new_from_icon_name (warning->severity == PATELLA_SEVERITY_HIGH
                                       ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, warning->severity == PATELLA_SEVERITY_HIGH ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  warning->severity == PATELLA_SEVERITY_HIGH ? _("High") : _("Caution"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dismiss, _("Put this warning away until it ends"));
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "today.dismiss-warning");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (dismiss),
                                          g_variant_new_string (patella_warning_code_to_string (warning->code)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), dismiss);

  /* Translators: a warning's advice, then where its rule comes from */
  explanation = g_strdup_printf (_("%s\n\nWhere this comes from: %s"),
                                 patella_warning_code_get_advice (warning->code),
                                 patella_warning_code_get_source (warning->code));
  details = gtk_label_new (explanation);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_widget_set_margin_top (details, 12);
  gtk_widget_set_margin_bottom (details, 12);
  gtk_widget_set_margin_start (details, 12);
  gtk_widget_set_margin_end (details, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details);

  g_object_set_data_full (G_OBJECT (row), "code",
                          g_strdup (patella_warning_code_to_string (warning->code)), g_free);
  patella_a11y_name_expander_row (row, title);
  return row;
}

/* The warnings of the shown day, once per episode, most severe first, less
 * the episodes put away on one of their days. */
static void
update_warnings (PatellaTodayPage *self)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  PatellaStore *store;
  PatellaThresholds thresholds;
  const char *day;
  GtkWidget *child;

  if (self->plan == NULL)
    return;

  store = patella_day_plan_get_store (self->plan);
  day = patella_day_plan_get_day (self->plan);
  patella_settings_get_thresholds (self->settings, &thresholds);

  episodes = patella_episodes_on (store, day, &thresholds,
                                  patella_settings_get_unit (self->settings), &error);
  for (guint i = episodes ? episodes->len : 0; episodes != NULL && i > 0; i--)
    {
      gboolean dismissed;

      if (!patella_episodes_dismissed (store, g_ptr_array_index (episodes, i - 1), &dismissed, &error))
        g_clear_pointer (&episodes, g_ptr_array_unref);
      else if (dismissed)
        g_ptr_array_remove_index (episodes, i - 1);
    }
  if (episodes == NULL)
    {
      show_error (self, error);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  for (guint i = 0; i < episodes->len; i++)
    gtk_list_box_append (self->warnings_list, warning_row (g_ptr_array_index (episodes, i), day));
  self->n_warnings = episodes->len;
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), self->n_warnings > 0);
}

static void
store_changed (PatellaTodayPage *self)
{
  update_warnings (self);
}

guint
patella_today_page_get_n_warnings (PatellaTodayPage *self)
{
  g_return_val_if_fail (PATELLA_IS_TODAY_PAGE (self), 0);
  return self->n_warnings;
}

static void
set_settings (PatellaTodayPage *self,
              GSettings        *settings)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  patella_checkin_card_set_settings (self->checkin_card, settings);
  patella_self_test_card_set_settings (self->self_test_card, settings);
  if (settings != NULL)
    {
      /* Not every change: the window size is a setting too. */
      for (guint i = 0; patella_settings_warning_keys[i] != NULL; i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", patella_settings_warning_keys[i], NULL);
          g_signal_connect_swapped (settings, signal, G_CALLBACK (update_warnings), self);
        }
    }
  update_warnings (self);
}

/* Undo of a warning put away: { day, code }. */
static gboolean
restore_warning (PatellaStore  *store,
                 gpointer       data,
                 GError       **error)
{
  char **day_code = data;

  return patella_store_restore_warning (store, day_code[0], day_code[1], error);
}

static void
dismiss_warning_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaTodayPage *self = PATELLA_TODAY_PAGE (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  if (!patella_store_dismiss_warning (patella_day_plan_get_store (self->plan),
                                      patella_day_plan_get_day (self->plan), code, &error))
    {
      show_error (self, error);
      return;
    }

  /* The day too: Undo may come after moving to another day. */
  patella_session_offer_undo (self->session, _("Warning put away until it ends"), restore_warning,
                              g_strdupv ((char *[]) { (char *) patella_day_plan_get_day (self->plan),
                                                      (char *) code, NULL }),
                              (GDestroyNotify) g_strfreev);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return patella_exercise_row_new (PATELLA_ROUTINE_ITEM (item));
}

/* A click on an exercise's heading, or Enter on it, opens or closes it. */
static void
routine_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row)
{
  if (PATELLA_IS_EXERCISE_ROW (row))
    patella_exercise_row_set_expanded (PATELLA_EXERCISE_ROW (row),
                                       !patella_exercise_row_get_expanded (PATELLA_EXERCISE_ROW (row)));
}

static void
set_store (PatellaTodayPage *self,
           PatellaStore     *store)
{
  g_autoptr(GError) error = NULL;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);

  self->plan = patella_day_plan_new (store, NULL);
  if (!patella_day_plan_reload (self->plan, &error))
    show_error (self, error);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->plan, "notify::day", G_CALLBACK (update_warnings), self);
  g_signal_connect_swapped (self->plan, "notify::today", G_CALLBACK (update_warnings), self);
  patella_checkin_card_set_store (self->checkin_card, store);
  patella_visit_card_set_store (self->visit_card, store);
  patella_self_test_card_set_store (self->self_test_card, store);
  patella_coach_cards_set_plan (self->coach_cards, self->plan);

  gtk_list_box_bind_model (self->routine_list, G_LIST_MODEL (self->plan), create_row, NULL, NULL);
  g_signal_connect_swapped (self->plan, "notify", G_CALLBACK (update_summary), self);
  update_summary (self);
  update_warnings (self);

  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, check_clock, self);
}

PatellaDayPlan *
patella_today_page_get_plan (PatellaTodayPage *self)
{
  g_return_val_if_fail (PATELLA_IS_TODAY_PAGE (self), NULL);
  return self->plan;
}

/**
 * patella_today_page_set_session:
 *
 * The record the page shows and its settings, given once by the window.
 */
void
patella_today_page_set_session (PatellaTodayPage *self,
                                PatellaSession   *session)
{
  g_return_if_fail (PATELLA_IS_TODAY_PAGE (self));
  g_return_if_fail (PATELLA_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  set_settings (self, patella_session_get_settings (session));
  if (patella_session_get_store (session) != NULL)
    {
      set_store (self, patella_session_get_store (session));
      patella_coach_cards_set_session (self->coach_cards, session);
      patella_day_log_set_session (self->day_log, session);
    }
}

GtkWindow *
patella_today_page_get_timer (PatellaTodayPage *self)
{
  g_return_val_if_fail (PATELLA_IS_TODAY_PAGE (self), NULL);
  return self->timer;
}

/* Moves to @day, or says in a toast why not (the future, mostly). */
static void
go_to_day (PatellaTodayPage *self,
           const char       *day)
{
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  if (!patella_day_plan_set_day (self->plan, day, &error))
    {
      show_error (self, error);
      update_summary (self);
    }
}

static void
step_day (PatellaTodayPage *self,
          int               n_days)
{
  g_autofree char *day = NULL;

  if (self->plan == NULL)
    return;
  day = patella_day_add (patella_day_plan_get_day (self->plan), n_days);
  go_to_day (self, day);
}

static void
calendar_day_selected (PatellaTodayPage *self)
{
  g_autofree char *day = patella_calendar_get_day (self->calendar);

  if (self->plan == NULL || g_strcmp0 (day, patella_day_plan_get_day (self->plan)) == 0)
    return;

  gtk_popover_popdown (self->calendar_popover);
  go_to_day (self, day);
}

/* The calendar is made the first time its popover opens: its sixty-odd
 * widgets are not in the first frame. */
static void
create_calendar (GtkMenuButton    *button,
                 PatellaTodayPage *self)
{
  if (self->calendar != NULL)
    return;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  patella_calendar_setup (self->calendar, _("Choose a Day"));
  select_calendar_day (self);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_set_child (self->calendar_popover, GTK_WIDGET (self->calendar));
}

/* Undo of a logged set: its id. */
static gboolean
unlog_set (PatellaStore  *store,
           gpointer       data,
           GError       **error)
{
  return patella_store_delete_entry (store, PATELLA_TABLE_EXERCISE_LOG, *(gint64 *) data, error);
}

static void
log_set (PatellaTodayPage *self,
         const char       *exercise_id,
         int               pain)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PatellaRoutineItem *item;
  gint64 entry;

  if (self->plan == NULL)
    return;

  entry = patella_day_plan_log_set_with_pain (self->plan, exercise_id, pain, &error);
  if (entry == 0)
    {
      show_error (self, error);
      return;
    }

  item = patella_day_plan_find (self->plan, exercise_id);
  {
    const char *name = patella_routine_item_get_name (item);
    g_autofree char *progress =
      patella_exercise_row_format_progress (patella_routine_item_get_done_sets (item),
                                            patella_routine_item_get_target_sets (item));
    if (pain >= 0)
      /* Translators: a toast; an exercise, then e.g. "2 of 3", then the pain during the set */
      title = g_strdup_printf (_("Set logged: %s, %s, pain %d"), name, progress, pain);
    else
      /* Translators: a toast; an exercise, then e.g. "2 of 3" */
      title = g_strdup_printf (_("Set logged: %s, %s"), name, progress);
  }

  patella_session_offer_undo (self->session, title, unlog_set, g_memdup2 (&entry, sizeof entry), g_free);
}

static void
log_set_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  log_set (PATELLA_TODAY_PAGE (widget), g_variant_get_string (parameter, NULL), -1);
}

/* One tap: a set, with the pain felt during it. */
static void
log_set_pain_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *id;
  int pain;

  g_variant_get (parameter, "(&si)", &id, &pain);
  log_set (PATELLA_TODAY_PAGE (widget), id, pain);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_day (PATELLA_TODAY_PAGE (widget), -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_day (PATELLA_TODAY_PAGE (widget), 1);
}

static void
go_today_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaTodayPage *self = PATELLA_TODAY_PAGE (widget);

  if (self->plan != NULL)
    go_to_day (self, patella_day_plan_get_today (self->plan));
}

static void
go_to_day_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  go_to_day (PATELLA_TODAY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
set_rest_day (PatellaTodayPage *self,
              const char       *kind_name,
              const char       *note)
{
  g_autoptr(GError) error = NULL;
  PatellaRestDayKind kind;

  if (self->plan == NULL)
    return;

  if (!patella_rest_day_kind_from_string (kind_name, &kind))
    g_return_if_reached ();

  if (!patella_day_plan_set_rest_day (self->plan, kind, note, &error))
    show_error (self, error);
}

static void
set_rest_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *kind, *note;

  g_variant_get (parameter, "(&s&s)", &kind, &note);
  set_rest_day (PATELLA_TODAY_PAGE (widget), kind, note);
}

static void
clear_rest_day_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaTodayPage *self = PATELLA_TODAY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan != NULL && !patella_day_plan_clear_rest_day (self->plan, &error))
    show_error (self, error);
}

static void
rest_dialog_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PatellaTodayPage *self)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");

  if (g_str_equal (response, "rest") || g_str_equal (response, "sick"))
    set_rest_day (self, response, gtk_editable_get_text (note));
}

/* A note over the limit is never cut short: it stays as typed, with the
 * reason under it, and the day cannot be marked until it is shortened. */
static void
rest_note_changed (GtkEditable      *note,
                   AdwMessageDialog *dialog)
{
  g_autofree char *problem = patella_text_check_field (gtk_editable_get_text (note), PATELLA_NOTE_MAX_CHARS,
                                                       PATELLA_TEXT_FIELD_NOTE);
  GtkWidget *label = g_object_get_data (G_OBJECT (dialog), "problem");

  gtk_label_set_text (GTK_LABEL (label), problem ? problem : "");
  gtk_widget_set_visible (label, problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (note), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (note), "error");
  adw_message_dialog_set_response_enabled (dialog, "rest", problem == NULL);
  adw_message_dialog_set_response_enabled (dialog, "sick", problem == NULL);
}

static void
mark_rest_day_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaTodayPage *self = PATELLA_TODAY_PAGE (widget);
  g_autofree char *day = NULL;
  GtkWidget *dialog, *box, *entry, *problem;

  if (self->plan == NULL)
    return;

  day = patella_calendar_day_label (patella_day_plan_get_day (self->plan),
                                       patella_day_plan_get_today (self->plan));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Take the Day Off?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the day as the Today page shows it, with a
                                     capital: "Today", "Yesterday", a weekday ("Monday") or a date
                                     ("Mon 3 March 2026") */
                                  _("%s will not count against your streak or score. "
                                    "Resting a sore knee is part of the plan."),
                                  day);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_add_css_class (problem, "caption");
  gtk_widget_set_visible (problem, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, NULL, -1);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "note", entry);
  g_object_set_data (G_OBJECT (dialog), "problem", problem);
  g_signal_connect_object (entry, "changed", G_CALLBACK (rest_note_changed), dialog, 0);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sick", _("_Sick Day"),
                                    "rest", _("_Rest Day"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rest",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rest");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  patella_a11y_name_controls (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rest_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
timer_finished (PatellaTimerWindow *timer,
                PatellaTodayPage   *self)
{
  log_set (self, patella_timer_window_get_exercise_id (timer), -1);
}

static void
start_timer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaTodayPage *self = PATELLA_TODAY_PAGE (widget);
  PatellaRoutineItem *item;
  PatellaTimerWindow *timer;

  if (self->plan == NULL)
    return;

  item = patella_day_plan_find (self->plan, g_variant_get_string (parameter, NULL));
  if (item == NULL || !patella_routine_item_has_timer (item))
    return;

  if (self->timer != NULL)
    gtk_window_destroy (self->timer);

  timer = patella_timer_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                    patella_routine_item_get_exercise (item),
                                    patella_routine_item_get_name (item));
  g_signal_connect_object (timer, "finished", G_CALLBACK (timer_finished), self, 0);
  self->timer = GTK_WINDOW (timer);
  g_object_add_weak_pointer (G_OBJECT (timer), (gpointer *) &self->timer);
  gtk_window_present (GTK_WINDOW (timer));
}

static void
edit_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaTodayPage *self = PATELLA_TODAY_PAGE (widget);
  GtkWindow *editor;

  if (self->plan == NULL)
    return;

  editor = patella_routine_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       patella_day_plan_get_store (self->plan));
  gtk_window_present (editor);
}

static void
patella_today_page_dispose (GObject *object)
{
  PatellaTodayPage *self = (PatellaTodayPage *) object;

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->timer != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->timer), (gpointer *) &self->timer);
      gtk_window_destroy (g_steal_pointer (&self->timer));
    }
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  /* AdwBin holds its child itself: let go of it there first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_TODAY_PAGE);
  g_clear_object (&self->plan);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (patella_today_page_parent_class)->dispose (object);
}

static void
patella_today_page_class_init (PatellaTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_today_page_dispose;

  g_type_ensure (PATELLA_TYPE_DAY_LOG);
  g_type_ensure (PATELLA_TYPE_CHECKIN_CARD);
  g_type_ensure (PATELLA_TYPE_VISIT_CARD);
  g_type_ensure (PATELLA_TYPE_SELF_TEST_CARD);
  g_type_ensure (PATELLA_TYPE_COACH_CARDS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/patella/Patella/patella-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, nudge_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, checkin_card);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, visit_card);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, self_test_card);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, rest_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, rest_icon);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, rest_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, adherence_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, routine_list);
  gtk_widget_class_bind_template_callback (widget_class, routine_row_activated);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, coach_cards);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayPage, day_log);

  gtk_widget_class_install_action (widget_class, "today.log-set", "s", log_set_action);
  gtk_widget_class_install_action (widget_class, "today.log-set-pain", "(si)", log_set_pain_action);
  gtk_widget_class_install_action (widget_class, "today.start-timer", "s", start_timer_action);
  gtk_widget_class_install_action (widget_class, "today.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "today.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "today.go-today", NULL, go_today_action);
  gtk_widget_class_install_action (widget_class, "today.go-to-day", "s", go_to_day_action);
  gtk_widget_class_install_action (widget_class, "today.mark-rest-day", NULL, mark_rest_day_action);
  gtk_widget_class_install_action (widget_class, "today.set-rest-day", "(ss)", set_rest_day_action);
  gtk_widget_class_install_action (widget_class, "today.clear-rest-day", NULL, clear_rest_day_action);
  gtk_widget_class_install_action (widget_class, "today.edit-routine", NULL, edit_routine_action);
  gtk_widget_class_install_action (widget_class, "today.dismiss-warning", "s", dismiss_warning_action);

}

static void
patella_today_page_init (PatellaTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Above the toasts, so that their Undo reaches the cards' actions. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "coach", patella_coach_cards_get_actions (self->coach_cards));
  gtk_menu_button_set_create_popup_func (self->day_button, (GtkMenuButtonCreatePopupFunc) create_calendar,
                                         self, NULL);
  patella_a11y_name_controls (GTK_WIDGET (self));
}
