/* patella-entry.c: the kinds of entry a runner logs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-entry"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

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

/**
 * patella_text_validate:
 * @text: (nullable): the runner's text; %NULL is none, and fine
 * @max_chars: the most characters it may have
 * @multiline: whether tabs and line breaks are allowed
 * @control: (out) (optional): the first control character refused
 *
 * Checks @text against the rules in patella-entry.h.
 */
PatellaTextProblem
patella_text_validate (const char *text,
                       glong       max_chars,
                       gboolean    multiline,
                       gunichar   *control)
{
  glong n_chars = 0;

  if (text == NULL)
    return PATELLA_TEXT_OK;

  if (!g_utf8_validate (text, -1, NULL))
    return PATELLA_TEXT_NOT_UTF8;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;
      if (multiline && (c == '\t' || c == '\n' || c == '\r'))
        continue;
      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        {
          if (control != NULL)
            *control = c;
          return PATELLA_TEXT_CONTROL;
        }
    }

  return n_chars > max_chars ? PATELLA_TEXT_TOO_LONG : PATELLA_TEXT_OK;
}

static char *
text_not_utf8 (PatellaTextField field)
{
  switch (field)
    {
    case PATELLA_TEXT_FIELD_NAME:
      return g_strdup (_("The name is not valid UTF-8 text."));
    case PATELLA_TEXT_FIELD_DOSE:
      return g_strdup (_("The dose is not valid UTF-8 text."));
    case PATELLA_TEXT_FIELD_CUES:
      /* Translators: the how-to text is a custom exercise's cues */
      return g_strdup (_("The how-to text is not valid UTF-8 text."));
    case PATELLA_TEXT_FIELD_NOTE:
    default:
      return g_strdup (_("The note is not valid UTF-8 text."));
    }
}

static char *
text_too_long (PatellaTextField field,
               glong            max_chars)
{
  switch (field)
    {
    case PATELLA_TEXT_FIELD_NAME:
      /* Translators: %ld is the most characters allowed */
      return g_strdup_printf (_("The name is longer than %ld characters; please shorten it."), max_chars);
    case PATELLA_TEXT_FIELD_DOSE:
      /* Translators: %ld is the most characters allowed */
      return g_strdup_printf (_("The dose is longer than %ld characters; please shorten it."), max_chars);
    case PATELLA_TEXT_FIELD_CUES:
      /* Translators: the how-to text is a custom exercise's cues; %ld is the most characters allowed */
      return g_strdup_printf (_("The how-to text is longer than %ld characters; please shorten it."),
                              max_chars);
    case PATELLA_TEXT_FIELD_NOTE:
    default:
      /* Translators: %ld is the most characters allowed */
      return g_strdup_printf (_("The note is longer than %ld characters; please shorten it."), max_chars);
    }
}

static char *
text_control (PatellaTextField field,
              gunichar         control)
{
  switch (field)
    {
    case PATELLA_TEXT_FIELD_NAME:
      /* Translators: U+%04X is a character's code, such as U+0007 */
      return g_strdup_printf (_("The name holds an invisible control character (U+%04X); please remove it."),
                              control);
    case PATELLA_TEXT_FIELD_DOSE:
      /* Translators: U+%04X is a character's code, such as U+0007 */
      return g_strdup_printf (_("The dose holds an invisible control character (U+%04X); please remove it."),
                              control);
    case PATELLA_TEXT_FIELD_CUES:
      /* Translators: the how-to text is a custom exercise's cues; U+%04X is a character's code */
      return g_strdup_printf (_("The how-to text holds an invisible control character (U+%04X); "
                                "please remove it."), control);
    case PATELLA_TEXT_FIELD_NOTE:
    default:
      /* Translators: U+%04X is a character's code, such as U+0007 */
      return g_strdup_printf (_("The note holds an invisible control character (U+%04X); please remove it."),
                              control);
    }
}

/**
 * patella_text_check_field:
 * @text: (nullable): the runner's text
 * @max_chars: the most characters it may have
 * @field: which text it is; the message names it. A name is one line,
 *   the others may hold tabs and line breaks.
 *
 * Returns: (transfer full) (nullable): why @text cannot be kept, as a
 *   sentence, or %NULL when it can.
 */
char *
patella_text_check_field (const char       *text,
                          glong             max_chars,
                          PatellaTextField  field)
{
  gboolean multiline = field != PATELLA_TEXT_FIELD_NAME;
  gunichar control = 0;

  switch (patella_text_validate (text, max_chars, multiline, &control))
    {
    case PATELLA_TEXT_NOT_UTF8:
      return text_not_utf8 (field);
    case PATELLA_TEXT_TOO_LONG:
      return text_too_long (field, max_chars);
    case PATELLA_TEXT_CONTROL:
      if (!multiline && (control == '\t' || control == '\n' || control == '\r'))
        return g_strdup (_("The name is one line, without tabs or line breaks."));
      return text_control (field, control);
    case PATELLA_TEXT_OK:
    default:
      return NULL;
    }
}

/* Whether @text may hold a control character: C0 and DEL are single
 * bytes, C1 is 0xC2 0x80..0x9F in UTF-8. */
static gboolean
may_hold_control (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
      return TRUE;
  return FALSE;
}

/**
 * patella_text_make_visible:
 * @text: (nullable): text read from the record, perhaps written before
 *   control characters were refused
 * @multiline: whether tabs and line breaks stay
 *
 * Replaces every control character with a visible sign (U+2400..U+2421,
 * the Unicode control pictures, or U+FFFD for C1), so that printing the
 * text cannot act on a terminal ("ESC ] 0 ;" retitles it, OSC 8 hides a
 * link) and an export of it imports again. Bytes that are not UTF-8 become
 * U+FFFD too.
 *
 * Returns: (transfer full): the text to show.
 */
char *
patella_text_make_visible (const char *text,
                           gboolean    multiline)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  /* The common case, cheap enough for every cell of an export. */
  if (!may_hold_control (text) && g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (valid) + 8);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\t' || c == '\n' || c == '\r'))
        g_string_append_unichar (out, c);
      else if (c < 0x20)
        g_string_append_unichar (out, 0x2400 + c);
      else if (c == 0x7f)
        g_string_append_unichar (out, 0x2421);
      else if (g_unichar_type (c) == G_UNICODE_CONTROL)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
