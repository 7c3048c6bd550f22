/* test-backup.c: backups, restore, migrations from old files, a full disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "quorum-backup.h"
#include "quorum-database-private.h"
#include "quorum-store.h"

static char *
data_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static QuorumStore *
open_store (const char  *path,
            GError     **error)
{
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, error);

  return db != NULL ? quorum_store_new (db) : NULL;
}

static guint
count_people (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = quorum_store_list_people (store, TRUE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

static void
add_person (QuorumStore *store,
            const char  *name)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", 10);
  g_autoptr(GError) error = NULL;

  quorum_store_add_person (store, person, &error);
  g_assert_no_error (error);
}

static guint
count_backups (const char *db)
{
  g_autofree char *dir = quorum_backup_dup_dir (db);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (d == NULL)
    return 0;
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_backup_copy_and_rotate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("rotate.db");
  g_autofree char *copy = data_path ("copy.db");
  g_autoptr(QuorumStore) store = open_store (path, &error);
  g_autoptr(QuorumStore) copied = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *last = NULL;

  g_assert_no_error (error);
  add_person (store, "王强");
  add_person (store, "李明");

  g_assert_true (quorum_database_backup_to (quorum_store_get_database (store), copy, &error));
  g_assert_no_error (error);
  copied = open_store (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (copied), ==, 2);

  for (guint i = 0; i < 5; i++)
    {
      g_free (last);
      last = quorum_backup_rotate (quorum_store_get_database (store), "manual", 3, &error);
      g_assert_no_error (error);
      g_assert_nonnull (last);
    }
  g_assert_cmpuint (count_backups (path), ==, 3);

  latest = quorum_backup_find_latest (path);
  g_assert_cmpstr (latest, ==, last);
}

static void
test_backup_daily (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("daily.db");
  g_autoptr(QuorumStore) store = open_store (path, &error);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 9, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 11, 23, 18, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2026, 11, 24, 9, 0, 0);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *next = NULL;

  g_assert_no_error (error);
  first = quorum_backup_daily (quorum_store_get_database (store), monday, 14, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  /* Once a day: the second call on the same date writes nothing. */
  again = quorum_backup_daily (quorum_store_get_database (store), later, 14, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  next = quorum_backup_daily (quorum_store_get_database (store), tuesday, 14, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpuint (count_backups (path), ==, 2);
}

static void
test_backup_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("restore.db");
  g_autofree char *garbage = data_path ("garbage.db");
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(QuorumStore) store = open_store (path, &error);

  g_assert_no_error (error);
  add_person (store, "王强");
  backup = quorum_backup_rotate (quorum_store_get_database (store), "manual", 0, &error);
  g_assert_no_error (error);
  add_person (store, "李明");
  g_clear_object (&store);

  /* A damaged backup is refused, and nothing is moved. */
  g_file_set_contents (garbage, "not a database at all, just text", -1, &error);
  g_assert_no_error (error);
  g_assert_false (quorum_backup_restore (garbage, path, &aside, &error));
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (aside);
  store = open_store (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, 2);
  g_clear_object (&store);

  /* A good one replaces the database; the old file is kept aside. */
  g_assert_true (quorum_backup_restore (backup, path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  store = open_store (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, 1);
  g_clear_object (&store);

  store = open_store (aside, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, 2);
}

/* A damaged file is renamed, byte for byte, and a new database can take its place. */
static void
test_backup_set_aside (void)
{
  static const char garbage[] = "SQLite format 3\0 but then nothing that makes sense \x01\x02";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("damaged.db");
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(QuorumStore) store = NULL;
  gsize len = 0;

  g_file_set_contents (path, garbage, sizeof garbage, &error);
  g_assert_no_error (error);
  store = open_store (path, &error);
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (quorum_backup_set_aside (path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_file_get_contents (aside, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, garbage, sizeof garbage);

  store = open_store (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, 0);
  g_clear_object (&store);

  /* Nothing to move is no error. */
  g_clear_pointer (&aside, g_free);
  g_clear_pointer (&path, g_free);
  path = data_path ("never-there.db");
  g_assert_true (quorum_backup_set_aside (path, &aside, &error));
  g_assert_no_error (error);
  g_assert_null (aside);
}

static char *
copy_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "db", name, NULL);
  g_autofree char *dest = data_path (name);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (dest, contents, len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dest);
}

static void
test_backup_migrates_every_version (void)
{
  static const char *fixtures[] = { "schema-1.db", "schema-2.db" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = copy_fixture (fixtures[i]);
      g_autoptr(QuorumDatabase) db = NULL;
      int version = (int)i + 1;

      guint backups_before = count_backups (path);

      g_test_message ("fixture %s", fixtures[i]);
      db = quorum_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (quorum_database_get_schema_version (db), ==,
                       quorum_database_get_latest_version ());

      /* Every migration is preceded by a backup of the old file. */
      if (version < quorum_database_get_latest_version ())
        g_assert_cmpuint (count_backups (path), ==, backups_before + 1);
    }

  /* The data of the older file survives the upgrade. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = data_path ("schema-2.db");
    g_autoptr(QuorumStore) store = open_store (path, &error);
    g_autoptr(GListModel) roll = NULL;
    gint64 broken = -1;

    g_assert_no_error (error);
    g_assert_cmpuint (count_people (store), ==, 2);
    roll = quorum_store_list_attendance (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (roll), ==, 2);
    g_assert_true (quorum_store_verify_audit (store, &broken, NULL, &error));
    g_assert_cmpint (broken, ==, 0);
  }
}

static void
test_backup_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("full.db");
  g_autoptr(QuorumStore) store = open_store (path, &error);
  QuorumDatabase *db;
  guint before;
  gboolean full = FALSE;

  g_assert_no_error (error);
  db = quorum_store_get_database (store);
  add_person (store, "王强");
  before = count_people (store);

  /* A size-limited database stands in for a full disk. */
  g_assert_true (_quorum_database_exec (db, "PRAGMA max_page_count = 1", &error) ||
                 error != NULL);
  g_clear_error (&error);
  {
    g_autoptr(sqlite3_stmt) stmt = _quorum_database_prepare (db, "PRAGMA page_count", &error);
    g_autofree char *limit = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
    g_assert_true (_quorum_database_exec (db, limit, &error));
  }

  for (guint i = 0; i < 200 && !full; i++)
    {
      g_autofree char *name = g_strdup_printf ("填满%u%s", i, "——一个很长的名字用来占满数据库页面");
      g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", 100 + i);

      if (quorum_store_add_person (store, person, &error) == 0)
        {
          g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_FULL);
          full = TRUE;
          g_clear_error (&error);
        }
    }
  g_assert_true (full);

  /* Consistent, and the failed write left nothing behind. */
  {
    g_autoptr(sqlite3_stmt) stmt = _quorum_database_prepare (db, "PRAGMA integrity_check",
                                                             &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  }
  g_assert_cmpuint (count_people (store), >=, before);

  /* Room again: the same write can be retried. */
  g_assert_true (_quorum_database_exec (db, "PRAGMA max_page_count = 1073741823", &error));
  {
    g_autoptr(QuorumPerson) person = quorum_person_new ("重试", "副市长", 999);
    guint n = count_people (store);

    g_assert_cmpint (quorum_store_add_person (store, person, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (count_people (store), ==, n + 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/backup/copy-and-rotate", test_backup_copy_and_rotate);
  g_test_add_func ("/core/backup/daily", test_backup_daily);
  g_test_add_func ("/core/backup/restore", test_backup_restore);
  g_test_add_func ("/core/backup/set-aside", test_backup_set_aside);
  g_test_add_func ("/core/backup/migrates-every-version", test_backup_migrates_every_version);
  g_test_add_func ("/core/backup/full-disk", test_backup_full_disk);

  return g_test_run ();
}
