/* replay.c: runs a fuzz harness over every file of a folder, without libFuzzer.
 *
 * This is how the normal build (and the sanitizer build of build-aux/test)
 * replays the seed corpus and every crasher found so far as a regression test.
 *
 *   fuzz-replay-ics FOLDER-OR-FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "quorum-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
replay_file (const char *path,
             guint      *n_files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  /* A copy of exactly the file's size, so ASan sees any read past its end. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, len);

    LLVMFuzzerTestOneInput (copy, len);
  }
  (*n_files)++;
  return TRUE;
}

static gboolean
replay_path (const char *path,
             guint      *n_files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path, n_files);

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      fprintf (stderr, "Cannot open %s\n", path);
      return FALSE;
    }

  /* In a fixed order, so a failure reproduces the same way. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (!replay_path (child, n_files))
        return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FOLDER-OR-FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    if (!replay_path (argv[i], &n_files))
      return 1;

  if (n_files == 0)
    {
      fprintf (stderr, "No input found\n");
      return 1;
    }

  printf ("%u inputs replayed\n", n_files);
  return 0;
}
