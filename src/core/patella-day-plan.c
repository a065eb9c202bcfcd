/* patella-day-plan.c: the routine for one day, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-day-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-day-plan.h"
#include "patella-routine-private.h"

/* PatellaDayPlan */

struct _PatellaDayPlan
{
  GObject           parent_instance;

  PatellaStore     *store;
  GPtrArray        *items;      /* PatellaRoutineItem, enabled exercises in order */
  char             *day;
  char             *today;
  int               rest_kind;  /* -1: not marked off */
  char             *rest_note;
  PatellaAdherence  adherence;
};

static void patella_day_plan_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PatellaDayPlan, patella_day_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      patella_day_plan_list_model_init))

enum {
  PLAN_PROP_0,
  PLAN_PROP_DAY,
  PLAN_PROP_TODAY,
  PLAN_PROP_IS_TODAY,
  PLAN_PROP_N_COMPLETE,
  PLAN_PROP_FRACTION,
  PLAN_PROP_COMPLETE,
  PLAN_PROP_REST_KIND,
  PLAN_PROP_REST_NOTE,
  PLAN_PROP_STREAK,
  PLAN_PROP_SCORE,
  PLAN_PROP_NUDGE,
  PLAN_N_PROPS
};

static GParamSpec *plan_properties[PLAN_N_PROPS];

static GType
patella_day_plan_get_item_type (GListModel *model)
{
  return PATELLA_TYPE_ROUTINE_ITEM;
}

static guint
patella_day_plan_get_n_items (GListModel *model)
{
  return PATELLA_DAY_PLAN (model)->items->len;
}

static gpointer
patella_day_plan_get_item (GListModel *model,
                           guint       position)
{
  PatellaDayPlan *self = PATELLA_DAY_PLAN (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
patella_day_plan_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = patella_day_plan_get_item_type;
  iface->get_n_items = patella_day_plan_get_n_items;
  iface->get_item = patella_day_plan_get_item;
}

static void
patella_day_plan_finalize (GObject *object)
{
  PatellaDayPlan *self = (PatellaDayPlan *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->rest_note, g_free);

  G_OBJECT_CLASS (patella_day_plan_parent_class)->finalize (object);
}

static void
patella_day_plan_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PatellaDayPlan *self = PATELLA_DAY_PLAN (object);

  switch (prop_id)
    {
    case PLAN_PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PLAN_PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PLAN_PROP_IS_TODAY:
      g_value_set_boolean (value, patella_day_plan_get_is_today (self));
      break;
    case PLAN_PROP_N_COMPLETE:
      g_value_set_uint (value, patella_day_plan_get_n_complete (self));
      break;
    case PLAN_PROP_FRACTION:
      g_value_set_double (value, patella_day_plan_get_fraction (self));
      break;
    case PLAN_PROP_COMPLETE:
      g_value_set_boolean (value, patella_day_plan_get_complete (self));
      break;
    case PLAN_PROP_REST_KIND:
      g_value_set_int (value, self->rest_kind);
      break;
    case PLAN_PROP_REST_NOTE:
      g_value_set_string (value, self->rest_note);
      break;
    case PLAN_PROP_STREAK:
      g_value_set_int (value, self->adherence.streak);
      break;
    case PLAN_PROP_SCORE:
      g_value_set_double (value, self->adherence.score);
      break;
    case PLAN_PROP_NUDGE:
      g_value_set_boolean (value, self->adherence.nudge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_day_plan_class_init (PatellaDayPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = patella_day_plan_finalize;
  object_class->get_property = patella_day_plan_get_property;

  plan_properties[PLAN_PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, flags);
  plan_properties[PLAN_PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL, flags);
  plan_properties[PLAN_PROP_IS_TODAY] = g_param_spec_boolean ("is-today", NULL, NULL, TRUE, flags);
  plan_properties[PLAN_PROP_N_COMPLETE] =
    g_param_spec_uint ("n-complete", NULL, NULL, 0, G_MAXUINT, 0, flags);
  plan_properties[PLAN_PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  plan_properties[PLAN_PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  plan_properties[PLAN_PROP_REST_KIND] =
    g_param_spec_int ("rest-kind", NULL, NULL, -1, PATELLA_N_REST_DAY_KINDS - 1, -1, flags);
  plan_properties[PLAN_PROP_REST_NOTE] = g_param_spec_string ("rest-note", NULL, NULL, NULL, flags);
  plan_properties[PLAN_PROP_STREAK] = g_param_spec_int ("streak", NULL, NULL, 0, G_MAXINT, 0, flags);
  plan_properties[PLAN_PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0, flags);
  plan_properties[PLAN_PROP_NUDGE] = g_param_spec_boolean ("nudge", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, PLAN_N_PROPS, plan_properties);
}

static void
patella_day_plan_init (PatellaDayPlan *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->rest_kind = -1;
}

/* Every write to the record, from this plan or from the routine editor,
 * lands here: the plan has one way of staying current. */
static void
store_changed (PatellaStore   *store,
               int             table,
               PatellaDayPlan *self)
{
  g_autoptr(GError) error = NULL;

  if (table == PATELLA_TABLE_PAIN_LOG || table == PATELLA_TABLE_RUNS)
    return;

  if (!patella_day_plan_reload (self, &error))
    g_warning ("The day’s routine could not be read again: %s", error->message);
}

/**
 * patella_day_plan_new:
 * @today: (nullable): the local day it is now, or NULL to read the clock
 *
 * A plan showing @today; call patella_day_plan_reload() to fill it.
 */
PatellaDayPlan *
patella_day_plan_new (PatellaStore *store,
                      const char   *today)
{
  PatellaDayPlan *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (today == NULL || patella_day_is_valid (today), NULL);

  self = g_object_new (PATELLA_TYPE_DAY_PLAN, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self, 0);
  self->today = today ? g_strdup (today) : patella_day_today ();
  self->day = g_strdup (self->today);
  return self;
}

static void
add_sets_to_table (const char *day,
                   const char *exercise_id,
                   int         sets,
                   gpointer    user_data)
{
  g_hash_table_insert (user_data, g_strdup (exercise_id), GINT_TO_POINTER (sets));
}

static gboolean
same_exercises (GPtrArray *items,
                GPtrArray *exercises)
{
  if (items->len != exercises->len)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (patella_routine_item_get_id (g_ptr_array_index (items, i)),
                   ((PatellaExercise *) g_ptr_array_index (exercises, i))->id) != 0)
      return FALSE;
  return TRUE;
}

/**
 * patella_day_plan_reload:
 *
 * Reads the routine, the day's sets, its rest mark and the adherence as of
 * today from the store. Items whose exercise stayed are updated in place.
 */
gboolean
patella_day_plan_reload (PatellaDayPlan  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) enabled = NULL;
  g_autoptr(GHashTable) sets = NULL;
  g_autofree char *rest_note = NULL;
  PatellaRestDayKind rest_kind = PATELLA_REST_DAY_REST;
  gboolean rest_found = FALSE;
  guint old_len;

  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);

  /* The routine as it was on the day shown: a day filled in late keeps
   * the targets it had. */
  all = patella_store_list_routine (self->store, self->day, error);
  if (all == NULL)
    return FALSE;

  sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!patella_store_foreach_sets (self->store, self->day, self->day, add_sets_to_table, sets, error) ||
      !patella_store_get_rest_day (self->store, self->day, &rest_found, &rest_kind, &rest_note, error) ||
      !patella_routine_compute_adherence (self->store, self->today, &self->adherence, error))
    return FALSE;

  enabled = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    if (((PatellaExercise *) g_ptr_array_index (all, i))->enabled)
      g_ptr_array_add (enabled, g_ptr_array_index (all, i));

  if (same_exercises (self->items, enabled))
    {
      for (guint i = 0; i < enabled->len; i++)
        {
          PatellaExercise *exercise = g_ptr_array_index (enabled, i);

          patella_routine_item_update (g_ptr_array_index (self->items, i), exercise,
                                       GPOINTER_TO_INT (g_hash_table_lookup (sets, exercise->id)));
        }
    }
  else
    {
      old_len = self->items->len;
      g_ptr_array_set_size (self->items, 0);
      for (guint i = 0; i < enabled->len; i++)
        {
          PatellaExercise *exercise = g_ptr_array_index (enabled, i);

          g_ptr_array_add (self->items,
                           patella_routine_item_new (exercise,
                                                     GPOINTER_TO_INT (g_hash_table_lookup (sets, exercise->id))));
        }
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
    }

  self->rest_kind = rest_found ? (int) rest_kind : -1;
  patella_routine_set_string (&self->rest_note, rest_found ? rest_note : NULL);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint prop = PLAN_PROP_IS_TODAY; prop < PLAN_N_PROPS; prop++)
    g_object_notify_by_pspec (G_OBJECT (self), plan_properties[prop]);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

PatellaStore *
patella_day_plan_get_store (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), NULL);
  return self->store;
}

const char *
patella_day_plan_get_day (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), NULL);
  return self->day;
}

/**
 * patella_day_plan_set_day:
 *
 * Shows another day and reloads. A day after today is refused: the future
 * cannot be logged.
 */
gboolean
patella_day_plan_set_day (PatellaDayPlan  *self,
                          const char      *day,
                          GError         **error)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);

  if (!patella_day_is_valid (day))
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID,
                   _("“%s” is not a calendar day; use the form YYYY-MM-DD."), day ? day : "");
      return FALSE;
    }
  if (g_strcmp0 (day, self->today) > 0)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID,
                   _("%s has not happened yet; you can log today and the days before it."), day);
      return FALSE;
    }

  if (g_strcmp0 (day, self->day) != 0)
    {
      g_autofree char *previous = g_steal_pointer (&self->day);

      self->day = g_strdup (day);
      /* Reload reads everything before it changes anything, so on failure
       * the plan still shows the previous day in full. */
      if (!patella_day_plan_reload (self, error))
        {
          g_free (self->day);
          self->day = g_steal_pointer (&previous);
          return FALSE;
        }
      g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_DAY]);
    }
  return TRUE;
}

const char *
patella_day_plan_get_today (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), NULL);
  return self->today;
}

/* For when the clock passes midnight with the window open, and for tests.
 * Call patella_day_plan_reload() afterwards. */
void
patella_day_plan_set_today (PatellaDayPlan *self,
                            const char     *today)
{
  g_return_if_fail (PATELLA_IS_DAY_PLAN (self));
  g_return_if_fail (patella_day_is_valid (today));

  if (patella_routine_set_string (&self->today, today))
    g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_TODAY]);
}

gboolean
patella_day_plan_get_is_today (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);
  return g_strcmp0 (self->day, self->today) == 0;
}

guint
patella_day_plan_get_n_complete (PatellaDayPlan *self)
{
  guint n = 0;

  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (patella_routine_item_get_complete (g_ptr_array_index (self->items, i)))
      n++;
  return n;
}

/* The same measure adherence uses: the mean of min(1, done / target). */
double
patella_day_plan_get_fraction (PatellaDayPlan *self)
{
  double sum = 0.0;

  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), 0.0);

  if (self->items->len == 0)
    return 0.0;

  for (guint i = 0; i < self->items->len; i++)
    {
      PatellaRoutineItem *item = g_ptr_array_index (self->items, i);

      sum += MIN (1.0, (double) patella_routine_item_get_done_sets (item) /
                           patella_routine_item_get_target_sets (item));
    }
  return sum / self->items->len;
}

gboolean
patella_day_plan_get_complete (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);
  return self->items->len > 0 && patella_day_plan_get_n_complete (self) == self->items->len;
}

int
patella_day_plan_get_rest_kind (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), -1);
  return self->rest_kind;
}

const char *
patella_day_plan_get_rest_note (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), NULL);
  return self->rest_note;
}

const PatellaAdherence *
patella_day_plan_get_adherence (PatellaDayPlan *self)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), NULL);
  return &self->adherence;
}

PatellaRoutineItem *
patella_day_plan_find (PatellaDayPlan *self,
                       const char     *exercise_id)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (patella_routine_item_get_id (g_ptr_array_index (self->items, i)), exercise_id) == 0)
      return g_ptr_array_index (self->items, i);
  return NULL;
}

gint64
patella_day_plan_log_set (PatellaDayPlan  *self,
                          const char      *exercise_id,
                          GError         **error)
{
  return patella_day_plan_log_set_with_pain (self, exercise_id, -1, error);
}

gint64
patella_day_plan_log_set_with_pain (PatellaDayPlan  *self,
                                    const char      *exercise_id,
                                    int              pain,
                                    GError         **error)
{
  g_autoptr(PatellaEntry) entry = NULL;
  PatellaRoutineItem *item;

  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), 0);

  if (g_strcmp0 (self->day, self->today) > 0)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_INVALID,
                   _("%s has not happened yet; you can log today and the days before it."),
                   self->day);
      return 0;
    }

  item = patella_day_plan_find (self, exercise_id);
  if (item == NULL)
    {
      g_set_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_NOT_FOUND,
                   _("There is no exercise “%s” in the routine."), exercise_id ? exercise_id : "");
      return 0;
    }

  /* The store's "changed" signal reloads the plan. */
  entry = patella_entry_new (PATELLA_ENTRY_EXERCISE);
  entry->day = g_strdup (self->day);
  entry->exercise_id = g_strdup (exercise_id);
  entry->sets = 1;
  entry->reps = patella_routine_item_get_exercise (item)->reps;
  entry->pain = pain;
  return patella_store_add_entry (self->store, entry, error);
}

gboolean
patella_day_plan_undo (PatellaDayPlan  *self,
                       gint64           entry_id,
                       GError         **error)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);

  return patella_store_delete_entry (self->store, PATELLA_TABLE_EXERCISE_LOG, entry_id, error);
}

gboolean
patella_day_plan_set_rest_day (PatellaDayPlan      *self,
                               PatellaRestDayKind   kind,
                               const char          *note,
                               GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);

  return patella_store_set_rest_day (self->store, self->day, kind, note, error);
}

gboolean
patella_day_plan_clear_rest_day (PatellaDayPlan  *self,
                                 GError         **error)
{
  g_return_val_if_fail (PATELLA_IS_DAY_PLAN (self), FALSE);

  return patella_store_clear_rest_day (self->store, self->day, error);
}
