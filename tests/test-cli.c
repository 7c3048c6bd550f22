/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs $QUORUM_CLI on a temporary database: the contract scripts rely on
 * (exit statuses 0/1/2, ids on stdout, valid JSON).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

static char *db_path;

/* Runs quorum-cli --db DB ARGS…; returns the exit status. */
static int
run_cli (char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("QUORUM_CLI");
  va_list ap;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *)cli);
  g_ptr_array_add (args, (char *)"--db");
  g_ptr_array_add (args, db_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s", first, stderr_text);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Checks @json with Python: it must parse, and @check (an expression over
 * `d`) must hold. */
static void
assert_json (const char *json,
             const char *check)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "out.json", NULL);
  g_autofree char *script = g_strdup_printf ("import json, sys\n"
                                             "d = json.load (open (sys.argv[1], encoding='utf-8'))\n"
                                             "assert %s, d\n", check);
  const char *argv[] = { "python3", "-c", script, file, NULL };
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_file_set_contents (file, json, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("JSON check %s failed: %s", check, err);
}

static void
test_cli_round_trip (void)
{
  g_autofree char *out = NULL;

  /* The isolated data folder exists only while the test runs. */
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db_path = g_build_filename (g_get_user_data_dir (), "cli.db", NULL);

  g_assert_cmpint (run_cli (&out, "init", "--rulebook", "/nonexistent.rulebook", NULL), ==, 1);
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (&out, "init", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "qixia-2022-5"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, "person", "add", "张三", "--title", "市长", "--rank", "1",
                            "--party-member", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_assert_cmpint (run_cli (NULL, "person", "add", "李四", "--title", "副市长", "--rank", "2",
                            NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "unit", "add", "市政府党组", "--kind", "party-group", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "relation", "add", "张三", "市政府党组", "member",
                            "--from", "2026-01-01", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "relation", "add", "2", "1", "member", "--from", "2026-01-01",
                            "--to", "2026-11-10", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "series", "add", "--title", "理论学习", "--duty", "theory-study",
                            "--start", "2026-01-20 09:00", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=20",
                            "--participant-unit", "市政府党组", "--location", "三楼会议室", NULL),
                   ==, 0);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "occurrences", "--from", "2026-11-01", "--to", "2026-11-30",
                            "--json", NULL), ==, 0);
  assert_json (out, "len (d) == 1 and d[0]['start'] == '2026-11-20T09:00:00+08:00'"
                    " and d[0]['end'] == '2026-11-20T10:00:00+08:00'"
                    " and d[0]['obligation'] == 'theory-study' and d[0]['status'] == 'scheduled'"
                    " and d[0]['uid'].endswith ('@quorum') and d[0]['series'] == 1"
                    " and d[0]['expected'] == 1 and d[0]['attended'] == 0"
                    " and d[0]['location'] == '三楼会议室' and d[0]['title'] == '理论学习'");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "people", "--json", NULL), ==, 0);
  assert_json (out, "[p['name'] for p in d] == ['张三', '李四'] and d[0]['party_member']");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "series", "list", "--json", NULL), ==, 0);
  assert_json (out, "d[0]['rrule'] == 'FREQ=MONTHLY;BYMONTHDAY=20'");

  /* Attendance: January's session is in the past. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "occurrences", "--from", "2026-01-01", "--to", "2026-01-31",
                            "--person", "李四", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1\t2026-01-20 09:00"));
  g_assert_cmpint (run_cli (NULL, "attend", "1", "张三", "present", "--speaker", NULL), ==, 0);
  /* A missing reason is a usage error, found before the database is opened. */
  g_assert_cmpint (run_cli (NULL, "attend", "1", "李四", "excused", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "attend", "1", "李四", "excused", "--reason", "出差",
                            "--excuse", "official-business", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "makeup", "1", "李四", "--date", "2026-01-25",
                            "--how", "self-study", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "makeup", "1", "李四", "--date", "2026-01-25",
                            "--how", "self-study", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "occurrences", "--from", "2026-01-20", "--to", "2026-01-20",
                            "--json", NULL), ==, 0);
  assert_json (out, "d[0]['status'] == 'held' and d[0]['attended'] == 1 and d[0]['recorded'] == 2");

  /* Edits of one occurrence. */
  g_assert_cmpint (run_cli (NULL, "move", "2", "--start", "2026-02-21 15:00", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "cancel", "3", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "cancel", "3", "--reason", "两会", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "occurrences", "--from", "2026-02-01", "--to", "2026-03-31",
                            "--json", NULL), ==, 0);
  assert_json (out, "d[0]['moved'] and d[0]['start'] == '2026-02-21T15:00:00+08:00'"
                    " and d[0]['end'] == '2026-02-21T16:00:00+08:00'"
                    " and d[1]['status'] == 'cancelled' and d[1]['status_reason'] == '两会'");

  /* Records and leave. */
  g_assert_cmpint (run_cli (NULL, "record", "张三", "research-day", "--date", "2026-03-02",
                            "--days", "0.5", "--unannounced", NULL), ==, 0);
  /* An unknown kind of record is a usage error, found before the database is opened. */
  g_assert_cmpint (run_cli (NULL, "record", "张三", "picnic", "--date", "2026-03-02", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "leave", "add", "张三", "--from", "2020-01-01", "--to",
                            "2020-01-02", "--destination", "北京", "--reason", "开会", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "leave", "add", "张三", "--from", "2020-01-01", "--to",
                            "2020-01-02", "--destination", "北京", "--reason", "开会",
                            "--emergency", "上级紧急通知", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "leave", "add", "张三", "--from", "2099-01-01", "--to",
                            "2099-01-02", "--destination", "上海", "--reason", "招商", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "leave", "list", "张三", "--json", NULL), ==, 0);
  assert_json (out, "len (d) == 2 and d[0]['emergency'] and not d[1]['emergency']");

  /* Usage errors and refusals. */
  g_assert_cmpint (run_cli (NULL, "no-such-command", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "series", "add", "--title", "x", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "series", "add", "--title", "x", "--start", "2026-13-01", NULL),
                   ==, 2);
  g_assert_cmpint (run_cli (NULL, "series", "add", "--title", "x", "--start", "2026-01-01 09:00",
                            "--rrule", "FREQ=MINUTELY", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "attend", "999", "张三", "present", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "attend", "1", "nobody", "present", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "attend", "1", "张三", "asleep", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "relation", "add", "张三", "市政府党组", "member", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "unit", "add", "x", "--kind", "club", NULL), ==, 2);

  /* Nothing of the refused commands was written. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "series", "list", "--json", NULL), ==, 0);
  assert_json (out, "len (d) == 1");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cli/round-trip", test_cli_round_trip);

  status = g_test_run ();
  g_free (db_path);
  return status;
}
