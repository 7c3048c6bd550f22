/* quorum-feed-publisher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feed-publisher"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "quorum-feed-publisher.h"

#define MAX_NAME_BYTES 255

/* A plain file name of ours: no folder part, nothing hidden, nothing odd. */
static gboolean
check_name (const char  *name,
            GError     **error)
{
  const char *problem = NULL;

  if (name == NULL || *name == '\0')
    problem = _("it is empty");
  else if (strlen (name) > MAX_NAME_BYTES)
    problem = _("it is longer than 255 bytes");
  else if (!g_utf8_validate (name, -1, NULL))
    problem = _("it is not UTF-8");
  else if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    problem = _("it contains a slash");
  else if (strstr (name, "..") != NULL)
    problem = _("it contains “..”");
  else if (name[0] == '.')
    problem = _("it starts with a dot");
  else
    {
      for (const char *p = name; *p != '\0'; p++)
        if ((guchar)*p < 0x20 || *p == 0x7f)
          problem = _("it contains a control character");
    }

  if (problem == NULL)
    return TRUE;

  {
    g_autofree char *shown = name != NULL ? g_strescape (name, NULL) : g_strdup ("");

    /* Translators: the first %s is a file name, the second why it is refused. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                 _("Cannot publish a feed as “%s”: %s"), shown, problem);
  }
  return FALSE;
}

/* The names in the manifest; a missing manifest is an empty one. Lines that
 * are not acceptable names are ignored, so an edited manifest cannot make us
 * delete anything outside our own files. */
static GPtrArray *
read_manifest (const char  *path,
               GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (check_name (lines[i], NULL))
      g_ptr_array_add (names, g_strdup (lines[i]));

  return g_steal_pointer (&names);
}

static gboolean
write_manifest (const char  *path,
                GPtrArray   *names,
                GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (names, i));

  return g_file_set_contents_full (path, text->str, text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
contains_name (GPtrArray  *names,
               const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* Removes the directory entry itself, never what a link points to. */
static gboolean
remove_stale (const char  *dir,
              const char  *name,
              GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return TRUE;   /* gone already */
  if (!S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    return TRUE;   /* not something we wrote */

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not remove the old feed %s: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * quorum_feed_publish_to_folder:
 * @dir: the folder to publish into, created if missing
 * @name_to_bytes: (element-type utf8 GBytes): file names such as
 *   "zhang-san.ics", each with its content
 * @error: return location for a #GError
 *
 * Writes each feed into @dir, for a web server or a synced folder to pass on.
 * Each file is replaced atomically (a temporary file, then a rename), so a
 * reader sees the old feed or the new one and never half of one; a symbolic
 * link in the way is replaced, never written through. Files this function
 * wrote on an earlier call and that are not in @name_to_bytes any more are
 * removed; it keeps their names in a manifest file in @dir
 * (%QUORUM_FEED_MANIFEST_NAME) and touches no other file.
 *
 * Every name is checked before anything is written: a name with a slash,
 * "..", a leading dot or a control character fails the whole call.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
quorum_feed_publish_to_folder (const char  *dir,
                               GHashTable  *name_to_bytes,
                               GError     **error)
{
  g_autofree char *manifest_path = NULL;
  g_autoptr(GPtrArray) old_names = NULL;
  g_autoptr(GPtrArray) new_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) union_names = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (name_to_bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_hash_table_iter_init (&iter, name_to_bytes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!check_name (key, error))
        return FALSE;
      g_ptr_array_add (new_names, g_strdup (key));
    }
  g_ptr_array_sort (new_names, compare_names);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  manifest_path = g_build_filename (dir, QUORUM_FEED_MANIFEST_NAME, NULL);
  if (!(old_names = read_manifest (manifest_path, error)))
    return FALSE;

  /* Record every name first: whatever happens next, no file we write is
   * ever missing from the manifest, so none is left behind for good. */
  union_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < old_names->len; i++)
    g_ptr_array_add (union_names, g_strdup (g_ptr_array_index (old_names, i)));
  for (guint i = 0; i < new_names->len; i++)
    if (!contains_name (old_names, g_ptr_array_index (new_names, i)))
      g_ptr_array_add (union_names, g_strdup (g_ptr_array_index (new_names, i)));
  if (!write_manifest (manifest_path, union_names, error))
    return FALSE;

  for (guint i = 0; i < new_names->len; i++)
    {
      const char *name = g_ptr_array_index (new_names, i);
      GBytes *bytes = g_hash_table_lookup (name_to_bytes, name);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize len = 0;
      const char *data = g_bytes_get_data (bytes, &len);

      if (!g_file_set_contents_full (path, data != NULL ? data : "", len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        return FALSE;
    }

  for (guint i = 0; i < old_names->len; i++)
    {
      const char *name = g_ptr_array_index (old_names, i);

      if (!contains_name (new_names, name) && !remove_stale (dir, name, error))
        return FALSE;
    }

  return write_manifest (manifest_path, new_names, error);
}
