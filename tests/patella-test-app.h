/* patella-test-app.h: running the real application in UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "patella-window.h"

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

/* Iterates the main loop until @condition holds; fails after 10 s (times
 * PATELLA_TEST_TIMEOUT_SCALE, for slower builds). */
void patella_test_wait_for     (PatellaTestCondition   condition,
                                gpointer               data);

/* Closes @window through its window.close action and waits until it is freed. */
void patella_test_close_window (GtkWindow             *window);

G_END_DECLS
