/* patella-routine.c: the day's routine and its progress, as list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-routine"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-day.h"
#include "patella-routine-private.h"
#include "patella-series.h"

/* Adherence looks this far back; the score's weight on older days is below
 * 2^-57, and a streak that reaches this far is followed to the first day. */
#define ADHERENCE_WINDOW_DAYS 400

/* g_set_str() arrived in GLib 2.76. */
gboolean
patella_routine_set_string (char       **field,
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

PatellaRoutineItem *
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
void
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
  PatellaDayCursor      cursor;         /* from the first day */
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
  int index = patella_day_cursor_index (&builder->cursor, day);
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
  MarkBuilder builder = { NULL, marks, n_days, { 0 }, each_set, each_set_data };

  targets = targets_load (store, first, last, error);
  if (targets == NULL)
    return NULL;
  builder.targets = targets;
  patella_day_cursor_init (&builder.cursor, first);

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
    patella_routine_set_string (&window_start, first_day);

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
