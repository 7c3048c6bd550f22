/* quorum-test-dirs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, for the core tests, the UI tests and the benchmarks alike.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "quorum-test-dirs.h"

/**
 * quorum_test_remove_tree:
 * @dir: a folder a test made
 *
 * Removes @dir and everything in it, folders included (not what symbolic
 * links point to).
 *
 * Returns: whether @dir is gone
 */
gboolean
quorum_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        quorum_test_remove_tree (path);
      else
        g_remove (path);
    }

  return g_rmdir (dir) == 0 || !g_file_test (dir, G_FILE_TEST_EXISTS);
}
