/* quorum-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "quorum-test-utils.h"

/* Returns FALSE (after printing a TAP skip plan) when there is no display. */
gboolean
quorum_test_init_display (int    *argc,
                          char ***argv)
{
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display (run the UI suite under xvfb-run)\n");
      return FALSE;
    }

  adw_init ();
  return TRUE;
}

/* An application that is registered (so windows and settings work), not
 * unique, with a fresh database in a temporary folder.
 *
 * UI tests do not use G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS,
 * and then GTK finds no MIME database and cannot load SVG icons. */
QuorumApplication *
quorum_test_application (void)
{
  /* One per process: a second one could not export itself on the bus. */
  static QuorumApplication *app;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (app != NULL)
    return g_object_ref (app);

  dir = g_dir_make_tmp ("quorum-test-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "test.db", NULL);

  g_setenv ("QUORUM_DB", db, TRUE);

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_object_ref (app);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
quorum_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
quorum_test_wait_for (gboolean (*predicate) (gpointer data),
                      gpointer   data,
                      guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* Renders @window as it is on screen into a PNG file. */
gboolean
quorum_test_save_png (GtkWidget   *window,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}
