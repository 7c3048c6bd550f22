/* test-crash.c: nothing committed is lost when the writer is killed.
 *
 * crash-writer records attendance in a loop and announces each commit on
 * stdout. This test kills it with SIGKILL at random moments, again and again
 * on the same database, and after every kill checks that the database is
 * whole (integrity check, audit chain) and that every announced write is
 * there. The writer's writes follow a sequence fixed by its seed, so the
 * test knows the one write that may have been committed but not announced
 * when the kill fell between the commit and the print: for that one pair
 * the stored value may be one step ahead, never behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "crash-writer.h"
#include "quorum-database-private.h"

#define N_ROUNDS 60

typedef struct
{
  char                   *dir;
  char                   *path;
  QuorumAttendanceStatus  expected[CRASH_WRITER_N_OCCURRENCES][CRASH_WRITER_N_PEOPLE];
  guint                   n_kills;
  guint                   n_writes;
  guint                   n_ahead;
} Fixture;

static char *
writer_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
}

static void
run_init (const char *path)
{
  g_autofree char *writer = writer_path ();
  const char *argv[] = { writer, "init", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("crash-writer init failed: %s", err);
  g_assert_cmpstr (out, ==, "ready\n");
}

static QuorumAttendanceStatus
parse_status (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (QUORUM_TYPE_ATTENDANCE_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  g_assert_nonnull (value);
  return value->value;
}

/* One line without its newline, or NULL at the end. */
static char *
read_line (GIOChannel *channel)
{
  char *line = NULL;
  gsize terminator = 0;

  if (g_io_channel_read_line (channel, &line, NULL, &terminator, NULL) != G_IO_STATUS_NORMAL)
    return NULL;
  line[terminator] = '\0';
  return line;
}

/* Spawns one writer, kills it at a random moment, and returns every line it
 * printed before it died. */
static GPtrArray *
run_and_kill (const char *path,
              guint32     seed)
{
  g_autofree char *writer = writer_path ();
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { writer, "loop", path, seed_text, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) lines = NULL;
  GPtrArray *announced = g_ptr_array_new_with_free_func (g_free);
  GPid pid = 0;
  int out_fd = -1;
  int wait_status = 0;
  char *line;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  lines = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (lines, TRUE);

  /* Half the time after a number of commits, else after a few milliseconds,
   * which often lands while the writer opens the database or recovers it. */
  if (g_test_rand_bit ())
    {
      guint wait_for = g_test_rand_int_range (0, 40);

      while (announced->len < wait_for && (line = read_line (lines)) != NULL)
        g_ptr_array_add (announced, line);
    }
  else
    {
      g_usleep (g_test_rand_int_range (0, 30000));
    }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);

  /* What it printed before it died is announced too. */
  while ((line = read_line (lines)) != NULL)
    g_ptr_array_add (announced, line);

  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (!WIFSIGNALED (wait_status) || WTERMSIG (wait_status) != SIGKILL)
    g_error ("crash-writer ended by itself (status %d): see its message above", wait_status);

  return announced;
}

static void
check_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The stored status of every pair, by the indexes of crash-writer.h. */
static void
read_stored (const char             *path,
             QuorumAttendanceStatus  stored[CRASH_WRITER_N_OCCURRENCES][CRASH_WRITER_N_PEOPLE])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2026, 6, 1, 0, 0, 0);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GListModel) people = NULL;
  gint64 broken = -1;

  g_assert_no_error (error);
  store = quorum_store_new (db);

  /* Nothing half-written in the evidence either. */
  g_assert_true (quorum_store_verify_audit (store, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);

  occurrences = quorum_store_list_occurrences (store, from, to, NULL, &error);
  g_assert_no_error (error);
  people = quorum_store_list_people (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (occurrences), ==, CRASH_WRITER_N_OCCURRENCES);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, CRASH_WRITER_N_PEOPLE);

  for (guint o = 0; o < CRASH_WRITER_N_OCCURRENCES; o++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (occurrences, o);

      for (guint p = 0; p < CRASH_WRITER_N_PEOPLE; p++)
        {
          g_autoptr(QuorumPerson) person = g_list_model_get_item (people, p);
          g_autoptr(sqlite3_stmt) stmt = NULL;

          stmt = _quorum_database_prepare (db, "SELECT status FROM attendance"
                                               " WHERE occurrence_id = ?1 AND person_id = ?2",
                                           &error);
          g_assert_no_error (error);
          sqlite3_bind_int64 (stmt, 1, quorum_occurrence_get_id (occurrence));
          sqlite3_bind_int64 (stmt, 2, quorum_person_get_id (person));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            stored[o][p] = parse_status ((const char *)sqlite3_column_text (stmt, 0));
          else
            stored[o][p] = QUORUM_ATTENDANCE_UNKNOWN;
        }
    }
}

static void
check_round (Fixture   *f,
             guint32    seed,
             GPtrArray *announced)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  QuorumAttendanceStatus stored[CRASH_WRITER_N_OCCURRENCES][CRASH_WRITER_N_PEOPLE];
  CrashWrite next;

  /* Replay what was announced: it must be the writer's own sequence. */
  for (guint i = 0; i < announced->len; i++)
    {
      g_autofree char *expected_line = NULL;
      CrashWrite w;
      g_autoptr(GEnumClass) klass = g_type_class_ref (QUORUM_TYPE_ATTENDANCE_STATUS);

      crash_writer_next (rand, &w);
      expected_line = g_strdup_printf ("committed %u %u %s", w.occurrence, w.person,
                                       g_enum_get_value (klass, w.status)->value_nick);
      g_assert_cmpstr (g_ptr_array_index (announced, i), ==, expected_line);
      f->expected[w.occurrence][w.person] = w.status;
    }
  /* The write that may have committed without being announced. */
  crash_writer_next (rand, &next);

  check_integrity (f->path);
  read_stored (f->path, stored);

  for (guint o = 0; o < CRASH_WRITER_N_OCCURRENCES; o++)
    for (guint p = 0; p < CRASH_WRITER_N_PEOPLE; p++)
      {
        if (stored[o][p] == f->expected[o][p])
          continue;

        /* Only the next write may be ahead of what was announced. */
        if (o != next.occurrence || p != next.person || stored[o][p] != next.status)
          g_error ("Round with seed %u: occurrence %u, person %u is %d, expected %d",
                   seed, o, p, stored[o][p], f->expected[o][p]);
        f->expected[o][p] = stored[o][p];
        f->n_ahead++;
      }

  f->n_writes += announced->len;
}

static void
test_crash_kill_loop (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  f.dir = g_dir_make_tmp ("quorum-crash-XXXXXX", &error);
  g_assert_no_error (error);
  f.path = g_build_filename (f.dir, "crash.db", NULL);
  run_init (f.path);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      guint32 seed = round + 1;
      g_autoptr(GPtrArray) announced = run_and_kill (f.path, seed);

      f.n_kills++;
      check_round (&f, seed, announced);
    }

  g_test_message ("%u kills survived, %u announced writes checked, %u unannounced commits "
                  "found, in %.1f s", f.n_kills, f.n_writes, f.n_ahead,
                  (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (f.n_kills, >=, 50);
  /* The kills must have caught the writer at work, not only starting up. */
  g_assert_cmpuint (f.n_writes, >, N_ROUNDS);

  {
    g_autoptr(GDir) dir = g_dir_open (f.dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (f.dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (f.dir);
  }
  g_free (f.path);
  g_free (f.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/crash/kill-loop", test_crash_kill_loop);

  return g_test_run ();
}
