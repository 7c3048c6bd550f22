/* test-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "quorum-database-private.h"

/* A path inside the test's own isolated data folder. */
static char *
temp_db_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
test_database_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("create.db");
  g_autoptr(QuorumDatabase) db = NULL;

  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (quorum_database_get_schema_version (db), ==,
                   quorum_database_get_latest_version ());
  g_assert_cmpstr (quorum_database_get_path (db), ==, path);
  g_clear_object (&db);

  /* Opening again is a no-op migration. */
  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_database_get_schema_version (db), ==,
                   quorum_database_get_latest_version ());
}

static void
test_database_creates_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "a", "b", "quorum.db", NULL);
  g_autoptr(QuorumDatabase) db = NULL;

  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
read_file_or_die (const char *path,
                  gsize      *len)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_database_refuses_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("garbage.db");
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autofree char *after = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  gsize len = 0;

  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);

  db = quorum_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT);

  /* The damaged file is never overwritten. */
  after = read_file_or_die (path, &len);
  g_assert_cmpuint (len, ==, 8192);
  g_assert_cmpstr (after, ==, garbage);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_database_refuses_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("foreign.db");
  g_autoptr(QuorumDatabase) db = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  exec_or_die (raw, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  sqlite3_close (raw);

  db = quorum_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT);

  /* Untouched: the foreign table is still there and no schema was added. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (raw, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (raw);
}

static void
test_database_refuses_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("newer.db");
  g_autofree char *sql = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  sqlite3 *raw = NULL;

  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d",
                         quorum_database_get_latest_version () + 1);
  exec_or_die (raw, sql);
  sqlite3_close (raw);

  db = quorum_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_TOO_NEW);
}

static int
count_opcode_cb (void  *data,
                 int    n_columns,
                 char **values,
                 char **names)
{
  int *count = data;

  for (int i = 0; i < n_columns; i++)
    if (g_strcmp0 (names[i], "opcode") == 0 && g_strcmp0 (values[i], "OpenEphemeral") == 0)
      (*count)++;
  return 0;
}

/* Migration 4: writing an occurrence builds no temporary b-tree for the
 * check of its status, and the check still refuses a bad status. */
static void
test_database_status_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("status.db");
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  sqlite3 *handle;
  int ephemeral = 0;

  g_assert_no_error (error);
  handle = _quorum_database_get_handle (db);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "EXPLAIN INSERT INTO occurrence (series_id, recurrence_id,"
                                 " start_at, end_at, start_unix, end_unix)"
                                 " VALUES (1, 'r', 's', 'e', 1, 2)",
                                 count_opcode_cb, &ephemeral, NULL), ==, SQLITE_OK);
  g_assert_cmpint (ephemeral, ==, 0);

  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA foreign_keys = OFF;"
                                 "INSERT INTO occurrence (series_id, recurrence_id, start_at,"
                                 " end_at, start_unix, end_unix, status)"
                                 " VALUES (1, 'a', 's', 'e', 1, 2, 'held')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO occurrence (series_id, recurrence_id, start_at,"
                                 " end_at, start_unix, end_unix, status)"
                                 " VALUES (1, 'b', 's', 'e', 1, 2, 'postponed')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);
}

static int
collect_plan_cb (gpointer   user_data,
                 int        n_columns,
                 char     **values,
                 char     **names)
{
  g_string_append_printf (user_data, "%s\n", values[n_columns - 1]);
  return 0;
}

/* The longest occurrence, which every range query needs after a write,
 * is one lookup in an index, not a scan of all occurrences. */
static void
test_database_longest_span (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("span.db");
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_quorum_database_get_handle (db),
                                 "EXPLAIN QUERY PLAN SELECT coalesce (max (end_unix - start_unix),"
                                 " 0) FROM occurrence",
                                 collect_plan_cb, plan, NULL), ==, SQLITE_OK);
  g_assert_nonnull (strstr (plan->str, "SEARCH occurrence USING INDEX occurrence_span"));
}

/* The partial indexes of migration 7 still serve the look-ups by duty and
 * by owner, and a range query by start needs no index on the end. */
static void
test_database_partial_indexes (void)
{
  const struct { const char *sql; const char *expected; } cases[] = {
    { "SELECT id FROM series WHERE duty_id = ?1", "INDEX series_duty" },
    { "SELECT id FROM series WHERE duty_id IS NOT NULL", "INDEX series_duty" },
    { "SELECT id FROM series WHERE owner_id = ?1", "INDEX series_owner" },
    { "SELECT id FROM occurrence WHERE end_unix >= ?1 AND start_unix < ?2"
      " AND start_unix >= ?1 - ?3", "INDEX occurrence_start" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("indexes.db");
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) plan = g_string_new (NULL);
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", cases[i].sql, NULL);

      g_assert_cmpint (sqlite3_exec (_quorum_database_get_handle (db), sql, collect_plan_cb, plan,
                                     NULL), ==, SQLITE_OK);
      g_test_message ("%s: %s", cases[i].sql, plan->str);
      g_assert_nonnull (strstr (plan->str, cases[i].expected));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/database/create", test_database_create);
  g_test_add_func ("/core/database/creates-folder", test_database_creates_folder);
  g_test_add_func ("/core/database/refuses-garbage", test_database_refuses_garbage);
  g_test_add_func ("/core/database/refuses-foreign", test_database_refuses_foreign);
  g_test_add_func ("/core/database/refuses-newer", test_database_refuses_newer);
  g_test_add_func ("/core/database/status-check", test_database_status_check);
  g_test_add_func ("/core/database/longest-span", test_database_longest_span);
  g_test_add_func ("/core/database/partial-indexes", test_database_partial_indexes);

  return g_test_run ();
}
