/* test-dialogs.c: every page and dialog at 360 px, and the icons as GTK 4.8 draws them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run in English and in German ("dialogs-de"), whose words are longer.
 *
 * A program of its own: opening every dialog makes GLib outgrow its first
 * block of quarks, which it then leaks by design, and the window test
 * would fail under LeakSanitizer.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <gtk/gtk.h>

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "history-generator.h"
#include "patella-application.h"
#include "patella-test-app.h"
#include "patella-test-utils.h"
#include "patella-window.h"

typedef PatellaTestFiles Fixture;

/* The one window besides @main that is on screen, or NULL. */
static GtkWindow *
other_window (GtkWindow *main)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != main && gtk_widget_get_mapped (GTK_WIDGET (window)) && !GTK_IS_POPOVER (window))
        return window;
    }
  return NULL;
}

static gboolean
other_shown (gpointer data)
{
  return other_window (data) != NULL;
}

/* The least width @window needs for what is inside its frame. */
static int
minimum_width (GtkWindow *window)
{
  int minimum = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
      minimum = MAX (minimum, child_minimum);
    }
  return minimum;
}

/* Every page with a year of history, and every dialog, fits a 360 px
 * screen: none needs more width than that. */
static void
narrow (PatellaApplication *app,
        PatellaWindow      *window,
        gpointer            data)
{
  const char *pages[] = { "today", "progress", "history" };
  static const struct { const char *action; const char *target; } openers[] = {
    { "win.log-pain", NULL }, { "win.log-run", NULL }, { "app.preferences", NULL },
    { "win.edit-routine", NULL }, { "today.mark-rest-day", NULL },
  };
  GtkWidget *today = GTK_WIDGET (patella_window_get_today_page (window));

  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      GtkWindow *dialog;
      int minimum = 0;

      g_assert_true (gtk_widget_activate_action (today, openers[i].action, NULL));
      patella_test_wait_for (other_shown, window);
      dialog = other_window (GTK_WINDOW (window));
      /* What is inside the window's frame: 360 px of screen for it. */
      minimum = minimum_width (dialog);
      g_test_message ("%s: %d px at the least", openers[i].action, minimum);
      g_assert_cmpint (minimum, <=, 360);
      patella_test_close_window (dialog);
    }

  /* The pages, each built as it is first shown. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int minimum;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", pages[i]));
      patella_test_settle ();
      minimum = minimum_width (GTK_WINDOW (window));
      g_test_message ("%s: %d px at the least", pages[i], minimum);
      g_assert_cmpint (minimum, <=, 360);
    }

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *today = patella_day_today ();
  g_autofree char *yesterday = patella_day_add (today, -1);
  const PatellaHistoryOptions options = { .years = 1, .seed = 3, .end = yesterday };
  g_autoptr(GString) csv = patella_history_generate (&options, NULL);
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;

  /* German must be German here, or the run proves nothing. */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "de") == 0)
    g_assert_cmpstr (_("Progress"), ==, "Fortschritt");

  {
    g_autoptr(PatellaStore) store = patella_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (patella_csv_import (store, csv->str, csv->len, &summary, &error));
    g_assert_no_error (error);
  }
  patella_test_run_app (fixture->path, narrow, NULL);
}

#define ICON_SIZE 64

/* @paintable drawn at ICON_SIZE, as premultiplied ARGB32 pixels. */
static guchar *
render_pixels (GdkPaintable  *paintable,
               const GdkRGBA *foreground)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GdkRGBA colors[4] = { { 0, 0, 0, 1 }, { 0.8, 0, 0, 1 }, { 0.9, 0.6, 0, 1 }, { 0.2, 0.6, 0.2, 1 } };
  guchar *pixels = g_malloc0 (ICON_SIZE * ICON_SIZE * 4);

  if (foreground != NULL)
    colors[0] = *foreground;
  if (foreground != NULL && GTK_IS_SYMBOLIC_PAINTABLE (paintable))
    gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), GDK_SNAPSHOT (snapshot),
                                              ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  else
    gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), ICON_SIZE, ICON_SIZE);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, ICON_SIZE, ICON_SIZE));
  gdk_texture_download (texture, pixels, ICON_SIZE * 4);
  gsk_renderer_unrealize (renderer);
  return pixels;
}

/* The symbolic icon, as GTK 4.8 draws it in the light and the dark style:
 * the same shape in both, the shape its file draws (no open path filled
 * into a wedge), and all of it in the style's colour (no stroke left in
 * the file's own). */
static void
icons (PatellaApplication *app,
       PatellaWindow      *window,
       gpointer            data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", "hicolor", "symbolic", "apps",
                                                 APP_ID "-symbolic.svg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (file, ICON_SIZE, ICON_SIZE, &error);
  const GdkRGBA light = { 0.18, 0.2, 0.21, 1 }, dark = { 1, 1, 1, 1 };
  g_autofree guchar *on_light = NULL;
  g_autofree guchar *on_dark = NULL;
  g_autofree guchar *drawn = NULL;
  guint covered = 0, differ = 0;

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID "-symbolic", NULL, ICON_SIZE, 1, GTK_TEXT_DIR_LTR, 0);
  g_assert_true (gtk_icon_paintable_is_symbolic (icon));

  g_assert_no_error (error);
  plain = gdk_texture_new_for_pixbuf (pixbuf);
  on_light = render_pixels (GDK_PAINTABLE (icon), &light);
  on_dark = render_pixels (GDK_PAINTABLE (icon), &dark);
  drawn = render_pixels (GDK_PAINTABLE (plain), NULL);

  for (guint i = 0; i < ICON_SIZE * ICON_SIZE; i++)
    {
      /* ARGB32 in memory order on a little-endian machine: B G R A. */
      guint a_light = on_light[4 * i + 3], a_dark = on_dark[4 * i + 3], a_file = drawn[4 * i + 3];

      g_assert_cmpuint (ABS ((int) a_light - (int) a_dark), <=, 2);
      differ += ABS ((int) a_light - (int) a_file) > 64;
      /* Inside the shapes (GTK 4.8 blends its other colours into
       * antialiased edges): the style's foreground. */
      if (a_light == 255)
        {
          covered++;
          g_assert_cmpuint (ABS ((int) on_light[4 * i + 2] - (int) (light.red * 255)), <=, 8);
          g_assert_cmpuint (ABS ((int) on_dark[4 * i + 2] - (int) (dark.red * 255)), <=, 8);
        }
    }
  g_test_message ("%u of %u pixels covered, %u differ from the file", covered, ICON_SIZE * ICON_SIZE, differ);
  g_assert_cmpuint (covered, >, ICON_SIZE * ICON_SIZE / 20);
  g_assert_cmpuint (differ, <, ICON_SIZE * ICON_SIZE / 100);

  patella_test_close_window (GTK_WINDOW (window));
}

static void
test_icons (Fixture       *fixture,
            gconstpointer  data)
{
  patella_test_run_app (fixture->path, icons, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PATELLA_TEST_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The build's translations, as the installed app reads its own; GTK's
   * test set-up chose a locale of its own, in which gettext would not
   * follow LANGUAGE. */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(name, func) \
  g_test_add ("/dialogs/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("narrow", test_narrow);
  ADD ("icons", test_icons);
#undef ADD

  return g_test_run ();
}
