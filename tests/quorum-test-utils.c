/* quorum-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "quorum-test-dirs.h"
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

static GPtrArray *made_dirs;

static void
remove_tree_free (char *dir)
{
  quorum_test_remove_tree (dir);
  g_free (dir);
}

static void
remove_made_dirs (void)
{
  for (guint i = 0; made_dirs != NULL && i < made_dirs->len; i++)
    if (!quorum_test_remove_tree (g_ptr_array_index (made_dirs, i)))
      g_printerr ("Could not remove %s: a thread still writes there?\n",
                  (const char *)g_ptr_array_index (made_dirs, i));
  g_clear_pointer (&made_dirs, g_ptr_array_unref);
}

/**
 * quorum_test_make_dir:
 * @prefix: the start of the folder's name, such as "quorum-page"
 *
 * Makes a new folder in the temporary folder, removed with all in it when
 * the test program ends: the databases a test makes, and the backups the
 * app writes beside them, do not pile up in /tmp.
 *
 * Returns: (transfer full): its path
 */
char *
quorum_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  if (made_dirs == NULL)
    {
      made_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_made_dirs);
    }
  g_ptr_array_add (made_dirs, g_strdup (dir));
  /* A test's child process ends without running exit handlers: it removes
   * its folders when its test ends. */
  if (g_test_subprocess ())
    g_test_queue_destroy ((GDestroyNotify)remove_tree_free, g_strdup (dir));

  return dir;
}

/**
 * quorum_test_trap_subprocess:
 * @flags: as for g_test_trap_subprocess()
 *
 * g_test_trap_subprocess() for the test that is running, with the child's
 * temporary folders made inside one of ours, removed when the child ends:
 * a child that aborts, as some tests expect, cannot remove its own.
 */
void
quorum_test_trap_subprocess (GTestSubprocessFlags flags)
{
  g_autofree char *dir = quorum_test_make_dir ("quorum-child");
  g_autofree char *tmpdir = g_strdup (g_getenv ("TMPDIR"));

  g_setenv ("TMPDIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, flags);
  if (tmpdir != NULL)
    g_setenv ("TMPDIR", tmpdir, TRUE);
  else
    g_unsetenv ("TMPDIR");
  g_assert_true (quorum_test_remove_tree (dir));
}

/* An application that is registered (so windows and settings work), not
 * unique, with a fresh database in a temporary folder, removed at exit.
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

  /* The application lives as long as the test program, and so does its folder. */
  dir = quorum_test_make_dir ("quorum-test");
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

/**
 * quorum_test_draw_window:
 * @window: a window on show
 * @width: (out): the width drawn
 * @height: (out): the height drawn
 *
 * Returns: (transfer full) (nullable): what @window draws as it is now, at
 * its own size, frame included (the size of its content alone would scale
 * the drawing down)
 */
GskRenderNode *
quorum_test_draw_window (GtkWidget *window,
                         int       *width,
                         int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  *width = gdk_paintable_get_intrinsic_width (paintable);
  *height = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Returns: (transfer full) (nullable): @window as it is now, rendered by
 * its own renderer; %NULL when it draws nothing */
GdkTexture *
quorum_test_render_window (GtkWidget *window)
{
  g_autoptr(GskRenderNode) node = NULL;
  int width, height;

  if (!(node = quorum_test_draw_window (window, &width, &height)))
    return NULL;
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Renders @window as it is now to a PNG file. */
gboolean
quorum_test_save_png (GtkWidget   *window,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GdkTexture) texture = quorum_test_render_window (window);

  if (texture == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer none) (nullable): the first node under @node, @node
 * included, that @match takes, depth first, through the nodes that wrap
 * others (containers, transforms, clips, opacity, colour matrices) */
GskRenderNode *
quorum_test_find_node (GskRenderNode *node,
                       gboolean     (*match) (GskRenderNode *node,
                                              gpointer       data),
                       gpointer       data)
{
  GskRenderNode *child = NULL;

  if (match (node, data))
    return node;

  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = quorum_test_find_node (gsk_container_node_get_child (node, i),
                                                        match, data);
          if (found != NULL)
            return found;
        }
      return NULL;
    case GSK_TRANSFORM_NODE:
      child = gsk_transform_node_get_child (node);
      break;
    case GSK_OPACITY_NODE:
      child = gsk_opacity_node_get_child (node);
      break;
    case GSK_COLOR_MATRIX_NODE:
      child = gsk_color_matrix_node_get_child (node);
      break;
    case GSK_CLIP_NODE:
      child = gsk_clip_node_get_child (node);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      child = gsk_rounded_clip_node_get_child (node);
      break;
    case GSK_DEBUG_NODE:
      child = gsk_debug_node_get_child (node);
      break;
    default:
      break;
    }

  return child != NULL ? quorum_test_find_node (child, match, data) : NULL;
}

/* Returns: (transfer none) (nullable): the first widget of @type in @root's
 * tree, depth first, @root included */
GtkWidget *
quorum_test_find_widget (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Presses a key through @widget's own key bindings (GTK 4 cannot synthesise
 * key events): finds the shortcut whose trigger reads @accel ("Page_Down",
 * "<Control>n") and activates it. Returns FALSE when there is none. */
gboolean
quorum_test_press_key (GtkWidget  *widget,
                       const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = gtk_shortcut_trigger_to_string (trigger);

          if (g_strcmp0 (name, accel) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The start of a screenshot program taking "DIR TAG": binds the text domain
 * (QUORUM_LOCALEDIR overrides the installed catalogues), opens the display
 * and makes DIR. Returns 0 to go on, or the exit status to end with at once:
 * 2 for a usage error, 77 (skipped) when there is no display. */
int
quorum_test_screenshot_init (int          argc,
                             char        *argv[],
                             const char **dir,
                             const char **tag)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 3)
    {
      fprintf (stderr, "Usage: %s DIR TAG\n", argv[0]);
      return 2;
    }
  *dir = argv[1];
  *tag = argv[2];

  if (!gtk_init_check ())
    {
      printf ("No display: run under xvfb-run. Skipped.\n");
      return 77;
    }
  adw_init ();
  g_mkdir_with_parents (*dir, 0755);
  return 0;
}

/* Writes @window to DIR/NAME and prints the path written, or the error to
 * stderr. The caller lets the window settle first. */
gboolean
quorum_test_screenshot_save (GtkWidget  *window,
                             const char *dir,
                             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!quorum_test_save_png (window, path, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  printf ("%s\n", path);
  return TRUE;
}

/**
 * quorum_test_load_style:
 *
 * Loads the application's style.css for the default display, as
 * AdwApplication does for the application: for tests that show widgets
 * without it.
 */
void
quorum_test_load_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
