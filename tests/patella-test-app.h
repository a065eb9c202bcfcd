/* patella-test-app.h: running the real application in UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-application.h"
#include "patella-exercise-row.h"
#include "patella-checkin-card-private.h"
#include "patella-checkin-dialog-private.h"
#include "patella-coach-cards-private.h"
#include "patella-outcomes-view-private.h"
#include "patella-window-private.h"

G_BEGIN_DECLS

typedef void     (*PatellaTestWindowFunc) (PatellaApplication *app,
                                           PatellaWindow      *window,
                                           gpointer            data);
typedef gboolean (*PatellaTestCondition)  (gpointer            data);

/* Runs the application as `patella --database=DATABASE` would, calls @body
 * once its window is on screen, then quits and checks that the application
 * is freed. */
void patella_test_run_app      (const char            *database,
                                PatellaTestWindowFunc  body,
                                gpointer               data);

/* The same with GApplication @flags: G_APPLICATION_DEFAULT_FLAGS makes it
 * the one instance on the session bus, as the installed app is. */
void patella_test_run_app_full (const char            *database,
                                GApplicationFlags      flags,
                                PatellaTestWindowFunc  body,
                                gpointer               data);

/* The same under another application ID: the one instance of its own
 * name on the session bus, which tests running beside it do not share. */
void patella_test_run_app_as   (const char            *database,
                                const char            *application_id,
                                GApplicationFlags      flags,
                                PatellaTestWindowFunc  body,
                                gpointer               data);

/* Iterates the main loop until @condition holds; fails after 10 s (times
 * PATELLA_TEST_TIMEOUT_SCALE, for slower builds). */
void patella_test_wait_for     (PatellaTestCondition   condition,
                                gpointer               data);
/* The same with a limit of @seconds (times the scale) for what takes long
 * by design, such as a service leaving after its idle time. */
void patella_test_wait_for_seconds (PatellaTestCondition condition,
                                    gpointer             data,
                                    guint                seconds);

/* Lets the windows lay themselves out again: 300 ms of the main loop. */
void patella_test_settle (void);

/* Closes @window through its window.close action and waits until it is freed. */
void patella_test_close_window (GtkWindow             *window);

/* Finding widgets and windows. Each finder returns the first match, or NULL
 * when there is none; nothing is added to the result's reference count. */

/* Whether @widget is the one looked for; @data is the finder's @data. */
typedef gboolean (*PatellaTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);

/* The first widget that @match accepts, depth first from @root (@root
 * included), shown or not, popovers included. */
GtkWidget          *patella_test_find_widget       (GtkWidget              *root,
                                                    PatellaTestWidgetMatch  match,
                                                    gconstpointer           data);

/* The first widget of @type under @root, whose name (gtk_widget_set_name)
 * is @name unless @name is NULL. */
GtkWidget          *patella_test_find_of_type      (GtkWidget              *root,
                                                    GType                   type,
                                                    const char             *name);

/* The first row of @type (an AdwPreferencesRow or a subtype) whose title
 * is @title. */
GtkWidget          *patella_test_find_row          (GtkWidget              *root,
                                                    GType                   type,
                                                    const char             *title);

/* The checklist row for @exercise_id. */
PatellaExerciseRow *patella_test_find_exercise_row (GtkWidget              *root,
                                                    const char             *exercise_id);

/* The first label whose visible text is exactly @text. */
GtkLabel           *patella_test_find_label        (GtkWidget              *root,
                                                    const char             *text);

/* The first button whose label is @label, mnemonic included ("_Save"). */
GtkButton          *patella_test_find_button       (GtkWidget              *root,
                                                    const char             *label);

/* The first toplevel window that @match accepts, shown or not: a window is
 * found until it is freed. */
GtkWindow          *patella_test_find_window       (PatellaTestWidgetMatch  match,
                                                    gconstpointer           data);

/* The first toplevel window of @type, shown or not, transient for
 * @transient_for unless that is NULL. */
GtkWindow          *patella_test_find_toplevel     (GType                   type,
                                                    GtkWindow              *transient_for);

/* The first toplevel window titled @title, or NULL; and the same once it
 * is on screen, waiting for it. */
GtkWindow          *patella_test_find_titled       (const char             *title);
GtkWindow          *patella_test_wait_for_titled   (const char             *title);

G_END_DECLS
