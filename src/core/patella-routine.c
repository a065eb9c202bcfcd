/* patella-routine.c: the day's routine and its progress, as list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-routine"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-routine.h"

/* Adherence looks this far back; the score's weight on older days is below
 * 2^-57, and a streak that reaches this far is followed to the first day. */
#define ADHERENCE_WINDOW_DAYS 400

/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* PatellaRoutineItem */

struct _PatellaRoutineItem
{
  GObject          parent_instance;

  PatellaExercise *exercise;
  char            *dose;       /* in words, from patella_exercise_describe_dose() */
  int              done_sets;
};

G_DEFINE_FINAL_TYPE (PatellaRoutineItem, patella_routine_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_DOSE,
  ITEM_PROP_CUES,
  ITEM_PROP_TARGET_SETS,
  ITEM_PROP_DONE_SETS,
  ITEM_PROP_COMPLETE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
patella_routine_item_finalize (GObject *object)
{
  PatellaRoutineItem *self = (PatellaRoutineItem *) object;

  g_clear_pointer (&self->exercise, patella_exercise_free);
  g_clear_pointer (&self->dose, g_free);

  G_OBJECT_CLASS (patella_routine_item_parent_class)->finalize (object);
}

static void
patella_routine_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PatellaRoutineItem *self = PATELLA_ROUTINE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_string (value, self->exercise->id);
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, patella_routine_item_get_name (self));
      break;
    case ITEM_PROP_DOSE:
      g_value_set_string (value, patella_routine_item_get_dose (self));
      break;
    case ITEM_PROP_CUES:
      g_value_set_string (value, patella_routine_item_get_cues (self));
      break;
    case ITEM_PROP_TARGET_SETS:
      g_value_set_int (value, self->exercise->target_sets);
      break;
    case ITEM_PROP_DONE_SETS:
      g_value_set_int (value, self->done_sets);
      break;
    case ITEM_PROP_COMPLETE:
      g_value_set_boolean (value, patella_routine_item_get_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_routine_item_class_init (PatellaRoutineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = patella_routine_item_finalize;
  object_class->get_property = patella_routine_item_get_property;

  item_properties[ITEM_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DOSE] = g_param_spec_string ("dose", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_CUES] = g_param_spec_string ("cues", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TARGET_SETS] =
    g_param_spec_int ("target-sets", NULL, NULL, 1, PATELLA_SETS_MAX, 1, flags);
  item_properties[ITEM_PROP_DONE_SETS] =
    g_param_spec_int ("done-sets", NULL, NULL, 0, G_MAXINT, 0, flags);
  item_properties[ITEM_PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
patella_routine_item_init (PatellaRoutineItem *self)
{
}

static PatellaRoutineItem *
patella_routine_item_new (const PatellaExercise *exercise,
                          int                    done_sets)
{
  PatellaRoutineItem *self = g_object_new (PATELLA_TYPE_ROUTINE_ITEM, NULL);

  self->exercise = patella_exercise_copy (exercise);
  self->dose = patella_exercise_describe_dose (exercise);
  self->done_sets = done_sets;
  return self;
}

/* Takes the new state; notifies only what changed. */
static void
patella_routine_item_update (PatellaRoutineItem    *self,
                             const PatellaExercise *exercise,
                             int                    done_sets)
{
  gboolean was_complete = patella_routine_item_get_complete (self);
  g_autoptr(PatellaExercise) old = g_steal_pointer (&self->exercise);
  g_autofree char *old_dose = g_steal_pointer (&self->dose);

  self->exercise = patella_exercise_copy (exercise);
  self->dose = patella_exercise_describe_dose (exercise);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (old->name, exercise->name) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_NAME]);
  if (g_strcmp0 (old_dose, self->dose) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_DOSE]);
  if (g_strcmp0 (old->cues, exercise->cues) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_CUES]);
  if (old->target_sets != exercise->target_sets)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_TARGET_SETS]);
  if (self->done_sets != done_sets)
    {
      self->done_sets = done_sets;
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_DONE_SETS]);
    }
  if (was_complete != patella_routine_item_get_complete (self))
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_COMPLETE]);
  g_object_thaw_notify (G_OBJECT (self));
}

const PatellaExercise *
patella_routine_item_get_exercise (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), NULL);
  return self->exercise;
}

const char *
patella_routine_item_get_id (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), NULL);
  return self->exercise->id;
}

const char *
patella_routine_item_get_name (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), NULL);
  return patella_exercise_get_display_name (self->exercise);
}

const char *
patella_routine_item_get_dose (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), NULL);
  return self->dose;
}

const char *
patella_routine_item_get_cues (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), NULL);
  return patella_exercise_get_display_cues (self->exercise);
}

int
patella_routine_item_get_done_sets (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), 0);
  return self->done_sets;
}

int
patella_routine_item_get_target_sets (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), 0);
  return self->exercise->target_sets;
}

gboolean
patella_routine_item_get_complete (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), FALSE);
  return self->done_sets >= self->exercise->target_sets;
}

/* Exercises dosed in held or timed seconds get the guided timer. */
gboolean
patella_routine_item_has_timer (PatellaRoutineItem *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_ITEM (self), FALSE);
  return self->exercise->hold_seconds > 0;
}

/* Adherence */

/* What the routine asked for over a span of days: a table of id -> target
 * sets (exercises in the routine that day) for each stretch between two
 * changes of the routine. */
typedef struct
{
  guint        n_segments;
  guint       *starts;   /* the day index each stretch begins on; starts[0] is 0 */
  GHashTable **targets;
} Targets;

static void
targets_free (Targets *targets)
{
  for (guint k = 0; k < targets->n_segments; k++)
    g_hash_table_unref (targets->targets[k]);
  g_free (targets->targets);
  g_free (targets->starts);
  g_free (targets);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Targets, targets_free)

static GHashTable *
routine_targets (GPtrArray *exercises)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < exercises->len; i++)
    {
      PatellaExercise *exercise = g_ptr_array_index (exercises, i);

      if (exercise->enabled)
        g_hash_table_insert (targets, g_strdup (exercise->id),
                             GINT_TO_POINTER (exercise->target_sets));
    }
  return targets;
}

/* The routine of each day of [@first, @last], as it was that day. */
static Targets *
targets_load (PatellaStore  *store,
              const char    *first,
              const char    *last,
              GError       **error)
{
  g_autoptr(Targets) targets = g_new0 (Targets, 1);
  g_autoptr(GPtrArray) changes = NULL;

  changes = patella_store_list_routine_changes (store, first, last, error);
  if (changes == NULL)
    return NULL;

  targets->n_segments = changes->len + 1;
  targets->starts = g_new0 (guint, targets->n_segments);
  targets->targets = g_new0 (GHashTable *, targets->n_segments);
  for (guint k = 0; k < targets->n_segments; k++)
    {
      const char *day = k == 0 ? first : g_ptr_array_index (changes, k - 1);
      g_autoptr(GPtrArray) routine = patella_store_list_routine (store, day, error);

      if (routine == NULL)
        {
          /* Leaves no gap for targets_free(). */
          targets->n_segments = k;
          return NULL;
        }
      targets->starts[k] = (guint) patella_day_diff (first, day);
      targets->targets[k] = routine_targets (routine);
    }
  return g_steal_pointer (&targets);
}

static GHashTable *
targets_on (const Targets *targets,
            guint          index)
{
  guint k = targets->n_segments - 1;

  while (k > 0 && targets->starts[k] > index)
    k--;
  return targets->targets[k];
}

typedef struct
{
  const Targets        *targets;
  PatellaDayMark       *marks;
  guint                 n_marks;
  const char           *first;
  PatellaStoreSetsFunc  each_set;       /* the caller's, or NULL */
  gpointer              each_set_data;
} MarkBuilder;

static void
add_sets_to_marks (const char *day,
                   const char *exercise_id,
                   int         sets,
                   gpointer    user_data)
{
  MarkBuilder *builder = user_data;
  int index = patella_day_diff (builder->first, day);
  gpointer target;

  if (builder->each_set != NULL)
    builder->each_set (day, exercise_id, sets, builder->each_set_data);
  if (index < 0 || (guint) index >= builder->n_marks)
    return;

  builder->marks[index].logged = TRUE;
  /* A sum for now; divided once at the end, so that n complete exercises
   * make exactly 1 (adding 1/n n times need not). */
  if (g_hash_table_lookup_extended (targets_on (builder->targets, (guint) index), exercise_id, NULL, &target))
    builder->marks[index].fraction += MIN (1.0, (double) sets / GPOINTER_TO_INT (target));
}

/* The day marks of [@first, @last], each against the routine of its day,
 * or NULL on a read error. A day whose routine was empty counts as off. */
static PatellaDayMark *
load_marks (PatellaStore         *store,
            const char           *first,
            const char           *last,
            guint                 n_days,
            PatellaStoreSetsFunc  each_set,
            gpointer              each_set_data,
            GError              **error)
{
  g_autofree PatellaDayMark *marks = g_new0 (PatellaDayMark, MAX (n_days, 1));
  g_autoptr(GPtrArray) rest_days = NULL;
  g_autoptr(Targets) targets = NULL;
  MarkBuilder builder = { NULL, marks, n_days, first, each_set, each_set_data };

  targets = targets_load (store, first, last, error);
  if (targets == NULL)
    return NULL;
  builder.targets = targets;

  if (!patella_store_foreach_sets (store, first, last, add_sets_to_marks, &builder, error))
    return NULL;

  rest_days = patella_store_list_rest_days (store, first, last, error);
  if (rest_days == NULL)
    return NULL;
  for (guint i = 0; i < rest_days->len; i++)
    marks[patella_day_diff (first, g_ptr_array_index (rest_days, i))].off = TRUE;
  for (guint i = 0; i < n_days; i++)
    {
      guint n_targets = g_hash_table_size (targets_on (targets, i));

      if (n_targets > 0)
        marks[i].fraction /= n_targets;
      else
        marks[i].off = TRUE;
    }

  return g_steal_pointer (&marks);
}

static gboolean
compute_adherence_from (PatellaStore     *store,
                        const char       *first,
                        const char       *today,
                        PatellaAdherence *out,
                        GError          **error)
{
  g_autofree PatellaDayMark *marks = NULL;
  int n_days = patella_day_diff (first, today) + 1;

  if (n_days <= 0)
    {
      *out = (PatellaAdherence) { 0 };
      return TRUE;
    }

  marks = load_marks (store, first, today, (guint) n_days, NULL, NULL, error);
  if (marks == NULL)
    return FALSE;

  patella_adherence_compute (marks, (guint) n_days, out);
  return TRUE;
}

/* @out is written only on success. */
static gboolean
compute_adherence (PatellaStore     *store,
                   const char       *today,
                   PatellaAdherence *out,
                   GError          **error)
{
  PatellaAdherence result = { 0 };
  g_autofree char *first_day = NULL;
  g_autofree char *window_start = NULL;

  if (!patella_store_get_first_day (store, &first_day, error))
    return FALSE;
  if (first_day == NULL)
    {
      *out = result;
      return TRUE;
    }

  window_start = patella_day_add (today, -(ADHERENCE_WINDOW_DAYS - 1));
  if (g_strcmp0 (first_day, window_start) > 0)
    set_string (&window_start, first_day);

  if (!compute_adherence_from (store, window_start, today, &result, error))
    return FALSE;

  /* A streak that reaches the window's start: follow it back to the first day. */
  if (result.streak_to_start && result.streak > 0 && g_strcmp0 (first_day, window_start) < 0 &&
      !compute_adherence_from (store, first_day, today, &result, error))
    return FALSE;

  *out = result;
  return TRUE;
}

/**
 * patella_routine_load_marks:
 *
 * Returns: (array length=n_days): each day of [@first, @last] as adherence
 *   sees it under the routine of that day, or NULL on error.
 */
PatellaDayMark *
patella_routine_load_marks (PatellaStore  *store,
                            const char    *first,
                            const char    *last,
                            guint         *n_days,
                            GError       **error)
{
  return patella_routine_load_marks_full (store, first, last, n_days, NULL, NULL, error);
}

/**
 * patella_routine_load_marks_full:
 * @each_set: (nullable): called with each day's sets of each exercise in
 *   [@first, @last], as patella_store_foreach_sets() would, from the same
 *   single read
 *
 * The same as patella_routine_load_marks(), for a caller that needs the
 * sets too.
 */
PatellaDayMark *
patella_routine_load_marks_full (PatellaStore          *store,
                                 const char            *first,
                                 const char            *last,
                                 guint                 *n_days,
                                 PatellaStoreSetsFunc   each_set,
                                 gpointer               each_set_data,
                                 GError               **error)
{
  int n = patella_day_diff (first, last) + 1;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (n > 0, NULL);

  *n_days = (guint) n;
  return load_marks (store, first, last, (guint) n, each_set, each_set_data, error);
}

gboolean
patella_routine_compute_adherence (PatellaStore     *store,
                                   const char       *today,
                                   PatellaAdherence *out,
                                   GError          **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (patella_day_is_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return compute_adherence (store, today, out, error);
}

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
      !compute_adherence (self->store, self->today, &self->adherence, error))
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
  set_string (&self->rest_note, rest_found ? rest_note : NULL);

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

  if (set_string (&self->today, today))
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

      sum += MIN (1.0, (double) item->done_sets / item->exercise->target_sets);
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
  entry->reps = item->exercise->reps;
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
