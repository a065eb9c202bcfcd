/* patella-entry.h: the kinds of entry a runner logs, and their limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Limits shared by the store's CHECK constraints, the importers and the UI.
 * Text limits count characters (Unicode code points, as SQLite's length()
 * does), not bytes: 2000 "ü" or 2000 emoji make a note of the most length. */
#define PATELLA_NOTE_MAX_CHARS      2000
#define PATELLA_NAME_MAX_CHARS       120
#define PATELLA_TEXT_MAX_CHARS      4000 /* dose and cues */
#define PATELLA_SETS_MAX             100
#define PATELLA_REPS_MAX            1000
#define PATELLA_HOLD_SECONDS_MAX     600
#define PATELLA_RUN_MINUTES_MAX     1440.0 /* a day */
#define PATELLA_RUN_KM_MAX          1000.0
#define PATELLA_SCALE_MAX             10   /* pain 0-10, RPE 0-10 (CR-10) */

typedef enum
{
  PATELLA_PAIN_MORNING,  /* on waking */
  PATELLA_PAIN_DURING,   /* during activity */
  PATELLA_PAIN_AFTER,    /* after activity */
  PATELLA_PAIN_REST,
  PATELLA_PAIN_STAIRS,
  PATELLA_PAIN_SITTING,
  PATELLA_PAIN_OTHER,
  PATELLA_N_PAIN_CONTEXTS
} PatellaPainContext;

typedef enum
{
  PATELLA_REST_DAY_REST,
  PATELLA_REST_DAY_SICK,
  PATELLA_N_REST_DAY_KINDS
} PatellaRestDayKind;

typedef enum
{
  PATELLA_ENTRY_EXERCISE,
  PATELLA_ENTRY_PAIN,
  PATELLA_ENTRY_RUN,
  PATELLA_ENTRY_REST_DAY,
  PATELLA_N_ENTRY_KINDS
} PatellaEntryKind;

/* Which kinds a listing includes: 1 << kind for each. */
#define PATELLA_ENTRY_ALL ((1u << PATELLA_N_ENTRY_KINDS) - 1)

/* One entry of the record, of any kind; the fields of other kinds are unset. */
typedef struct
{
  PatellaEntryKind    kind;
  gint64              id;          /* 0 for a new entry; rest days have none */
  char               *day;
  char               *instant;     /* UTC "YYYY-MM-DDTHH:MM:SSZ"; NULL for rest days */
  char               *note;

  char               *exercise_id; /* exercise */
  int                 sets;
  int                 reps;        /* 0: none */

  int                 score;       /* pain */
  PatellaPainContext  context;

  double              minutes;     /* run */
  double              distance_km;
  int                 rpe;
  int                 pain;        /* -1: none */

  PatellaRestDayKind  rest_kind;   /* rest day */
} PatellaEntry;

#define PATELLA_TYPE_ENTRY (patella_entry_get_type ())

GType         patella_entry_get_type (void) G_GNUC_CONST;
PatellaEntry *patella_entry_new      (PatellaEntryKind    kind);
PatellaEntry *patella_entry_copy     (const PatellaEntry *entry);
void          patella_entry_free     (PatellaEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaEntry, patella_entry_free)

const char *patella_pain_context_to_string   (PatellaPainContext  context);
gboolean    patella_pain_context_from_string (const char         *text,
                                              PatellaPainContext *out);
const char *patella_rest_day_kind_to_string  (PatellaRestDayKind  kind);
gboolean    patella_rest_day_kind_from_string (const char        *text,
                                               PatellaRestDayKind *out);

/* The runner's own words: notes, and a custom exercise's name, dose and cues.
 *
 * They are kept and shown exactly as typed: "<b>", "&amp;" or "%s" are text,
 * never markup or a format. Nothing is ever cut short; what cannot be kept
 * is refused with a message, before it is stored or imported:
 *  - text that is not UTF-8;
 *  - text longer than its limit, in characters;
 *  - control characters (C0, DEL and C1): they are invisible in a label,
 *    and act on a terminal, where `patella --status` prints notes and names.
 *    Multi-line text (a note, a dose, cues) may hold tabs and line breaks
 *    ("\n", and the "\r" of "\r\n"); a name is one line and holds none.
 * Records written before these rules are read as they are; where their
 * text leaves Patella (the command line, CSV) any control character in it
 * is written as a visible sign instead (patella_text_make_visible()). */
typedef enum
{
  PATELLA_TEXT_OK,
  PATELLA_TEXT_NOT_UTF8,
  PATELLA_TEXT_TOO_LONG,
  PATELLA_TEXT_CONTROL,
} PatellaTextProblem;

PatellaTextProblem patella_text_validate (const char *text,
                                          glong       max_chars,
                                          gboolean    multiline,
                                          gunichar   *control);

/* Which of the runner's texts is checked: each has its own sentences, so
 * that a translation never has to fit a noun into "The %s is …". A name is
 * one line; a note, a dose and cues may hold tabs and line breaks. */
typedef enum
{
  PATELLA_TEXT_FIELD_NOTE,
  PATELLA_TEXT_FIELD_NAME,
  PATELLA_TEXT_FIELD_DOSE,
  PATELLA_TEXT_FIELD_CUES,
} PatellaTextField;

char              *patella_text_check_field (const char       *text,
                                             glong             max_chars,
                                             PatellaTextField  field);
char              *patella_text_make_visible (const char       *text,
                                              gboolean          multiline);

G_END_DECLS
