/* test-feed-publisher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "quorum-feed-publisher.h"

static char *
make_folder (const char *name)
{
  char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

static GHashTable *
feeds_new (const char *first_name,
           ...)
{
  GHashTable *feeds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_bytes_unref);
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *text = va_arg (args, const char *);

      g_hash_table_insert (feeds, g_strdup (name), g_bytes_new (text, strlen (text)));
    }
  va_end (args);

  return feeds;
}

static void
assert_file (const char *dir,
             const char *name,
             const char *expected)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_publish_and_prune (void)
{
  g_autofree char *dir = make_folder ("publish");
  g_autoptr(GHashTable) first = feeds_new ("zhang-san.ics", "A1", "li-si.ics", "B1",
                                           "全体.ics", "C1", NULL);
  g_autoptr(GHashTable) second = feeds_new ("zhang-san.ics", "A2", NULL);
  g_autoptr(GError) error = NULL;

  /* Somebody else's file in the same folder. */
  write_file (dir, "notes.ics", "mine");

  g_assert_true (quorum_feed_publish_to_folder (dir, first, &error));
  g_assert_no_error (error);
  assert_file (dir, "zhang-san.ics", "A1");
  assert_file (dir, "li-si.ics", "B1");
  assert_file (dir, "全体.ics", "C1");
  assert_file (dir, QUORUM_FEED_MANIFEST_NAME, "li-si.ics\nzhang-san.ics\n全体.ics\n");

  g_assert_true (quorum_feed_publish_to_folder (dir, second, &error));
  g_assert_no_error (error);
  assert_file (dir, "zhang-san.ics", "A2");
  g_assert_false (exists (dir, "li-si.ics"));
  g_assert_false (exists (dir, "全体.ics"));
  assert_file (dir, "notes.ics", "mine");
  assert_file (dir, QUORUM_FEED_MANIFEST_NAME, "zhang-san.ics\n");

  /* No feed at all: everything of ours goes, the rest stays. */
  {
    g_autoptr(GHashTable) none = feeds_new (NULL);

    g_assert_true (quorum_feed_publish_to_folder (dir, none, &error));
    g_assert_no_error (error);
    g_assert_false (exists (dir, "zhang-san.ics"));
    assert_file (dir, "notes.ics", "mine");
  }
}

static void
test_publish_creates_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "new", "feeds", NULL);
  g_autoptr(GHashTable) feeds = feeds_new ("a.ics", "A", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_feed_publish_to_folder (dir, feeds, &error));
  g_assert_no_error (error);
  assert_file (dir, "a.ics", "A");
}

static void
test_publish_symlinks (void)
{
  g_autofree char *dir = make_folder ("links");
  g_autofree char *outside = make_folder ("outside");
  g_autofree char *target = g_build_filename (outside, "precious.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "a.ics", NULL);
  g_autofree char *stale_link = g_build_filename (dir, "b.ics", NULL);
  g_autoptr(GHashTable) feeds = feeds_new ("a.ics", "A", "b.ics", "B", NULL);
  g_autoptr(GHashTable) only_a = feeds_new ("a.ics", "A", NULL);
  g_autoptr(GError) error = NULL;

  write_file (outside, "precious.txt", "keep me");
  g_assert_cmpint (symlink (target, link), ==, 0);

  /* The link is replaced by a file; what it pointed to is untouched. */
  g_assert_true (quorum_feed_publish_to_folder (dir, feeds, &error));
  g_assert_no_error (error);
  assert_file (dir, "a.ics", "A");
  assert_file (outside, "precious.txt", "keep me");

  /* A stale name that became a link: the link goes, never its target. */
  g_assert_cmpint (g_unlink (stale_link), ==, 0);
  g_assert_cmpint (symlink (target, stale_link), ==, 0);
  g_assert_true (quorum_feed_publish_to_folder (dir, only_a, &error));
  g_assert_no_error (error);
  g_assert_false (exists (dir, "b.ics"));
  assert_file (outside, "precious.txt", "keep me");
}

static void
test_publish_bad_names (void)
{
  g_autofree char *dir = make_folder ("bad-names");
  const char *names[] = {
    "../escape.ics", "a/b.ics", "..", ".", "", ".hidden.ics", QUORUM_FEED_MANIFEST_NAME,
    "a..b.ics", "back\\slash.ics", "line\nbreak.ics",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GHashTable) feeds = feeds_new ("good.ics", "G", names[i], "X", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;

      g_test_message ("name %u", i);
      g_assert_false (quorum_feed_publish_to_folder (dir, feeds, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);

      /* Checked before anything is written: the folder stays empty. */
      listing = g_dir_open (dir, 0, NULL);
      g_assert_null (g_dir_read_name (listing));
    }

  {
    g_autofree char *parent_file = g_build_filename (g_get_user_data_dir (), "escape.ics", NULL);

    g_assert_false (g_file_test (parent_file, G_FILE_TEST_EXISTS));
  }
}

/* A manifest edited by hand cannot make us delete files outside our own. */
static void
test_publish_tampered_manifest (void)
{
  g_autofree char *dir = make_folder ("tampered");
  g_autofree char *sibling = make_folder ("sibling");
  g_autoptr(GHashTable) feeds = feeds_new ("a.ics", "A", NULL);
  g_autoptr(GError) error = NULL;

  write_file (sibling, "victim.ics", "safe");
  write_file (dir, QUORUM_FEED_MANIFEST_NAME, "../sibling/victim.ics\n/etc/passwd\n..\n");

  g_assert_true (quorum_feed_publish_to_folder (dir, feeds, &error));
  g_assert_no_error (error);
  assert_file (sibling, "victim.ics", "safe");
  assert_file (dir, QUORUM_FEED_MANIFEST_NAME, "a.ics\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/feed-publisher/publish-and-prune", test_publish_and_prune);
  g_test_add_func ("/feed-publisher/creates-folder", test_publish_creates_folder);
  g_test_add_func ("/feed-publisher/symlinks", test_publish_symlinks);
  g_test_add_func ("/feed-publisher/bad-names", test_publish_bad_names);
  g_test_add_func ("/feed-publisher/tampered-manifest", test_publish_tampered_manifest);

  return g_test_run ();
}
