/* test-two-writers.c: two programs writing to one database at once.
 *
 * Two crash-writer processes (the same store code the app and quorum-cli
 * use) make 1000 writes each to the same database at the same time. Neither
 * may report an error (no "database is locked"), and afterwards all 2000
 * writes are in the audit trail, in each writer's order, the chain is whole,
 * and every attendance row holds the last value written to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "crash-writer.h"
#include "quorum-database-private.h"
#include "quorum-test-dirs.h"

#define N_WRITES 1000

typedef struct
{
  const char *actor;
  guint32     seed;
  GPid        pid;
  int         err_fd;
  int         out_fd;
} Writer;

static char *
writer_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
}

static char *
read_all (int fd)
{
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (fd);
  char *text = NULL;

  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_set_encoding (channel, NULL, NULL);
  g_io_channel_read_to_end (channel, &text, NULL, NULL);
  return text != NULL ? text : g_strdup ("");
}

static void
spawn_writer (const char *path,
              Writer     *w)
{
  g_autofree char *exe = writer_path ();
  g_autofree char *seed = g_strdup_printf ("%u", w->seed);
  g_autofree char *count = g_strdup_printf ("%u", N_WRITES);
  const char *argv[] = { exe, "count", path, seed, count, w->actor, NULL };
  g_autofree char *gate = g_strconcat (path, ".gate", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "QUORUM_WRITER_GATE", gate, TRUE);
  g_autoptr(GError) error = NULL;

  g_spawn_async_with_pipes (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &w->pid, NULL, &w->out_fd, &w->err_fd, &error);
  g_assert_no_error (error);
}

/* Both pipes are read to their end before waiting, so neither writer blocks
 * on a full pipe. */
static void
finish_writer (Writer *w)
{
  g_autofree char *out = read_all (w->out_fd);
  g_autofree char *err = read_all (w->err_fd);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  int status = 0;

  g_assert_cmpint (waitpid (w->pid, &status, 0), ==, w->pid);
  g_spawn_close_pid (w->pid);

  g_test_message ("%s: exit status %d, stderr “%s”", w->actor, status, err);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  /* N lines and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, N_WRITES + 1);
}

static void
check_writer_trail (QuorumDatabase *db,
                    const Writer   *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (w->seed);
  g_autoptr(GEnumClass) klass = g_type_class_ref (QUORUM_TYPE_ATTENDANCE_STATUS);
  guint n = 0;

  stmt = _quorum_database_prepare (db, "SELECT after_json FROM audit"
                                       " WHERE entity = 'attendance' AND actor = ?1 ORDER BY id",
                                   &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, w->actor, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *after = (const char *)sqlite3_column_text (stmt, 0);
      g_autofree char *needle = NULL;
      CrashWrite next;

      crash_writer_next (rand, &next);
      needle = g_strdup_printf ("\"status\":\"%s\"", g_enum_get_value (klass, next.status)->value_nick);
      if (after == NULL || strstr (after, needle) == NULL)
        g_error ("%s's write %u: expected %s in %s", w->actor, n, needle, after);
      n++;
    }

  g_assert_cmpuint (n, ==, N_WRITES);
}

static void
test_two_writers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-writers-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "writers.db", NULL);
  g_autofree char *exe = writer_path ();
  const char *init_argv[] = { exe, "init", path, NULL };
  Writer writers[] = {
    { .actor = "writer-a", .seed = 11 },
    { .actor = "writer-b", .seed = 22 },
  };
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 started;
  gint64 broken = -1;
  guint64 n_checked = 0;
  int status = 0;
  guint n_rows = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)init_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  started = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    spawn_writer (path, &writers[i]);
  /* Open the gate once both are ready, so they write at the same time. */
  {
    g_autofree char *gate = g_strconcat (path, ".gate", NULL);
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
      {
        g_autofree char *ready = g_strdup_printf ("%s.%s", gate, writers[i].actor);

        while (!g_file_test (ready, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
          g_usleep (1000);
      }
    g_file_set_contents (gate, "", 0, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    finish_writer (&writers[i]);
  g_test_message ("%u writes by two writers at once in %.1f s", 2 * N_WRITES,
                  (g_get_monotonic_time () - started) / 1e6);

  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  store = quorum_store_new (db);

  g_assert_true (quorum_store_verify_audit (store, &broken, &n_checked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    check_writer_trail (db, &writers[i]);

  /* The writers really did take turns, not one after the other: they meet
   * half-way, so at least twice. How often more depends on the scheduler
   * (600-1100 turns on a quiet machine, 1 before they met under a load of
   * 11 on two cores). */
  stmt = _quorum_database_prepare (db,
                                   "SELECT count(*) FROM (SELECT actor, lag (actor) OVER"
                                   " (ORDER BY id) AS previous FROM audit"
                                   " WHERE entity = 'attendance') WHERE actor <> previous",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_test_message ("the writers took turns %d times", sqlite3_column_int (stmt, 0));
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Each row holds the value of the last write to it, whoever made it. */
  stmt = _quorum_database_prepare (db,
                                   "SELECT count(*) FROM attendance a WHERE a.status IS NOT"
                                   " (SELECT json_extract (after_json, '$.status') FROM audit"
                                   "   WHERE entity = 'attendance'"
                                   "     AND entity_id = a.occurrence_id"
                                   "     AND json_extract (after_json, '$.person_id') = a.person_id"
                                   "   ORDER BY id DESC LIMIT 1)",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _quorum_database_prepare (db, "SELECT count(*) FROM attendance", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_rows = sqlite3_column_int (stmt, 0);
  g_assert_cmpuint (n_rows, ==, CRASH_WRITER_N_OCCURRENCES * CRASH_WRITER_N_PEOPLE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_clear_object (&store);
  g_clear_object (&db);
  /* With the writers' gate files beside the database. */
  g_assert_true (quorum_test_remove_tree (dir));
}

/* The app and quorum-cli (and a second window) may all be first to open a
 * new database: each must find it created and migrated once, with no error. */
static void
test_two_writers_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-create-XXXXXX", &error);
  g_autofree char *exe = writer_path ();

  g_assert_no_error (error);

  for (guint round = 0; round < 30; round++)
    {
      g_autofree char *name = g_strdup_printf ("new-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *argv[] = { exe, "open", path, NULL };
      GPid pids[3];
      int err_fds[3];

      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                    NULL, &pids[i], NULL, NULL, &err_fds[i], &error);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          g_autofree char *err = read_all (err_fds[i]);
          int status = 0;

          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          g_assert_cmpstr (err, ==, "");
          g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
        }

      {
        g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);

        g_assert_no_error (error);
        g_assert_cmpint (quorum_database_get_schema_version (db), ==,
                         quorum_database_get_latest_version ());
      }
    }

  g_assert_true (quorum_test_remove_tree (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/two-writers/concurrent", test_two_writers);
  g_test_add_func ("/core/two-writers/create", test_two_writers_create);

  return g_test_run ();
}
