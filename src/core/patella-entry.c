/* patella-entry.c: the kinds of entry a runner logs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-entry"

#include "patella-entry.h"

/* These strings are stored in the database and written to CSV: never
 * translate or rename them. */
static const char *const pain_contexts[PATELLA_N_PAIN_CONTEXTS] = {
  "morning", "during", "after", "rest", "stairs", "sitting", "other",
};

static const char *const rest_day_kinds[PATELLA_N_REST_DAY_KINDS] = {
  "rest", "sick",
};

static gboolean
lookup (const char *const *names,
        guint              n_names,
        const char        *text,
        guint             *out)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], text) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
patella_pain_context_to_string (PatellaPainContext context)
{
  g_return_val_if_fail (context < PATELLA_N_PAIN_CONTEXTS, NULL);
  return pain_contexts[context];
}

gboolean
patella_pain_context_from_string (const char         *text,
                                  PatellaPainContext *out)
{
  guint index;

  if (!lookup (pain_contexts, G_N_ELEMENTS (pain_contexts), text, &index))
    return FALSE;
  *out = (PatellaPainContext) index;
  return TRUE;
}

const char *
patella_rest_day_kind_to_string (PatellaRestDayKind kind)
{
  g_return_val_if_fail (kind < PATELLA_N_REST_DAY_KINDS, NULL);
  return rest_day_kinds[kind];
}

gboolean
patella_rest_day_kind_from_string (const char         *text,
                                   PatellaRestDayKind *out)
{
  guint index;

  if (!lookup (rest_day_kinds, G_N_ELEMENTS (rest_day_kinds), text, &index))
    return FALSE;
  *out = (PatellaRestDayKind) index;
  return TRUE;
}

G_DEFINE_BOXED_TYPE (PatellaEntry, patella_entry, patella_entry_copy, patella_entry_free)

PatellaEntry *
patella_entry_new (PatellaEntryKind kind)
{
  PatellaEntry *entry = g_new0 (PatellaEntry, 1);

  entry->kind = kind;
  entry->pain = -1;
  return entry;
}

PatellaEntry *
patella_entry_copy (const PatellaEntry *entry)
{
  PatellaEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->day = g_strdup (entry->day);
  copy->instant = g_strdup (entry->instant);
  copy->note = g_strdup (entry->note);
  copy->exercise_id = g_strdup (entry->exercise_id);
  return copy;
}

void
patella_entry_free (PatellaEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->day);
  g_free (entry->instant);
  g_free (entry->note);
  g_free (entry->exercise_id);
  g_free (entry);
}
