/* test-cli-validation.c: quorum-cli refuses bad arguments before it writes.
 *
 * Every case is a usage error: $QUORUM_CLI must exit with status 2, say why
 * on stderr (in Chinese too, under LANGUAGE=zh_CN), print nothing on stdout,
 * and leave the database exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#define MAX_ARGS 12

typedef struct
{
  const char *args[MAX_ARGS];
  gboolean    glib_message;  /* the message is GLib's own (GOption) */
} Case;

static const Case cases[] = {
  /* No or unknown command, stray arguments. */
  { { NULL } },
  { { "frobnicate" } },
  { { "init", "extra" } },
  { { "people", "extra" } },
  { { "person", "remove", "张三" } },
  { { "series", "frob" } },
  { { "leave", "cancel" } },
  { { "audit", "check" } },
  { { "feed", "bogus" } },
  /* Numbers. */
  { { "person", "add", "李四", "--rank", "abc" }, TRUE },
  { { "person", "add", "李四", "--rank", "-5" } },
  { { "unit", "add", "某局", "--kind", "department", "--rank", "-1" } },
  { { "series", "add", "--title", "学习", "--start", "2026-01-05", "--duration", "-10" } },
  { { "series", "add", "--title", "学习", "--start", "2026-01-05", "--duration", "1e3" }, TRUE },
  { { "record", "1", "research-day", "--date", "2026-01-05", "--days", "-2" } },
  { { "record", "1", "research-day", "--date", "2026-01-05", "--days", "nan" } },
  { { "record", "1", "research-day", "--date", "2026-01-05", "--days", "400" } },
  { { "backup", "--keep", "0" } },
  { { "backup", "--keep", "many" }, TRUE },
  { { "feed", "serve", "--port", "70000", "--file", "x.ics" } },
  { { "feed", "qr", "hello", "--out", "x.svg", "--module-size", "0" } },
  { { "workdays", "add", "2026-01-05", "abc" } },
  { { "status", "--person", "-1" } },
  { { "status", "--person", "one" }, TRUE },
  /* Ids that are not numbers, or not positive. */
  { { "attend", "x", "1", "present" } },
  { { "attend", "0", "1", "present" } },
  { { "cancel", "1.5", "--reason", "下雨" } },
  { { "move", "abc", "--start", "2026-01-06 09:00" } },
  { { "makeup", "one", "1", "--date", "2026-01-06", "--how", "self-study" } },
  /* Dates and times. */
  { { "relation", "add", "1", "1", "member", "--from", "2025-13-01" } },
  { { "relation", "add", "1", "1", "member", "--from", "2025-02-30" } },
  { { "relation", "add", "1", "1", "member", "--from", "2025-01-01", "--to", "2024-01-01" } },
  { { "series", "add", "--title", "学习", "--start", "2026-01-05 25:00" } },
  { { "series", "add", "--title", "学习", "--start", "next monday" } },
  { { "occurrences", "--from", "yesterday", "--to", "2026-02-01" } },
  { { "occurrences", "--from", "2026-02-01", "--to", "2026-01-01" } },
  { { "makeup", "1", "1", "--date", "2026-02-30", "--how", "self-study" } },
  { { "leave", "add", "1", "--from", "2026-03-05", "--to", "2026-03-01",
      "--destination", "北京", "--reason", "开会" } },
  { { "leave", "add", "1", "--from", "2026-3-5x", "--to", "2026-03-06",
      "--destination", "北京", "--reason", "开会" } },
  { { "move", "1", "--start", "tomorrow" } },
  { { "record", "1", "research-day", "--date", "2026/01/05" } },
  { { "status", "--today", "01/02/2026" } },
  { { "status", "--today", "2026-02-31" } },
  { { "workdays", "check", "2026-02-30" } },
  /* Periods. */
  { { "status", "--period", "2026-Q5" } },
  { { "status", "--period", "banana" } },
  { { "status", "--period", "2026-W60" } },
  /* Names from fixed lists. */
  { { "attend", "1", "1", "maybe" } },
  { { "attend", "1", "1", "excused", "--reason", "出差", "--excuse", "holiday" } },
  { { "attend", "1", "1", "excused" } },
  { { "makeup", "1", "1", "--date", "2026-01-06", "--how", "magic" } },
  { { "unit", "add", "某局", "--kind", "ministry" } },
  { { "relation", "add", "1", "1", "boss", "--from", "2025-01-01" } },
  { { "series", "add", "--title", "学习", "--start", "2026-01-05", "--rrule", "FREQ=NEVER" } },
  { { "series", "add", "--title", "学习", "--start", "2026-01-05", "--tz", "Mars/Base" } },
  { { "series", "add", "--title", "学习", "--start", "2026-01-05", "--holiday", "sometimes" } },
  { { "record", "1", "visit", "--date", "2026-01-05" } },
  /* Required values missing or blank. */
  { { "person", "add", "   " } },
  { { "unit", "add", "某局" } },
  { { "unit", "add", " ", "--kind", "department" } },
  { { "series", "add", "--start", "2026-01-05" } },
  { { "series", "add", "--title", " ", "--start", "2026-01-05" } },
  { { "cancel", "1" } },
  { { "move", "1" } },
  { { "leave", "add", "1", "--from", "2026-03-01", "--to", "2026-03-02" } },
  { { "restore" } },
  { { "sheet", "--out", "x.pdf" } },
};

static char *db_path;

static char *
run_cli (const char * const *args,
         const char         *language,
         char              **out_stdout,
         int                *out_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  char *err = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("QUORUM_CLI"));
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, db_path);
  for (guint i = 0; i < MAX_ARGS && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out_stdout, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  *out_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return err;
}

static void
run_ok (const char * const *args)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  err = run_cli (args, "en", &out, &status);
  if (status != 0)
    g_error ("quorum-cli %s failed: %s", args[0], err);
}

/* A digest of everything stored: every row of every table, in order. */
static char *
dup_database_digest (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (const char *)g_ptr_array_index (tables, t));

      g_checksum_update (checksum, g_ptr_array_index (tables, t), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *)sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, (const guchar *)(text != NULL ? text : "\x01NULL"), -1);
            g_checksum_update (checksum, (const guchar *)"\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
join_args (const char * const *args)
{
  g_autoptr(GString) text = g_string_new ("quorum-cli");

  for (guint i = 0; i < MAX_ARGS && args[i] != NULL; i++)
    g_string_append_printf (text, " %s", args[i]);
  return g_strdup (text->str);
}

static void
test_cli_validation_usage_errors (void)
{
  g_autofree char *before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *command = join_args (cases[i].args);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *out_zh = NULL;
      g_autofree char *err_zh = NULL;
      g_autofree char *after = NULL;
      int status = -1;
      int status_zh = -1;

      before = (g_free (before), dup_database_digest ());
      err = run_cli (cases[i].args, "en", &out, &status);
      g_test_message ("%s → %d: %.*s", command, status, (int)strcspn (err, "\n"), err);

      if (status != 2)
        g_error ("%s: exit status %d, not 2 (stderr: %s)", command, status, err);
      if (!g_str_has_prefix (err, "quorum-cli: ") || strlen (err) <= strlen ("quorum-cli: \n"))
        g_error ("%s: no message on stderr", command);
      g_assert_cmpstr (out, ==, "");

      after = dup_database_digest ();
      if (g_strcmp0 (before, after) != 0)
        g_error ("%s: the database changed", command);

      /* The same refusal in Chinese: our messages are translated. */
      err_zh = run_cli (cases[i].args, "zh_CN", &out_zh, &status_zh);
      g_assert_cmpint (status_zh, ==, 2);
      if (!cases[i].glib_message)
        {
          gsize len = strcspn (err, "\n");

          if (strncmp (err, err_zh, len + 1) == 0)
            g_error ("%s: the message is not translated: %.*s", command, (int)len, err);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int result;
  const char *init[] = { "init", NULL };
  const char *person[] = { "person", "add", "张三", "--rank", "10", NULL };
  const char *unit[] = { "unit", "add", "市政府党组", "--kind", "party-group", NULL };
  const char *relation[] = { "relation", "add", "1", "1", "member", "--from", "2025-01-01",
                             NULL };
  const char *series[] = { "series", "add", "--title", "理论学习", "--start",
                           "2026-01-05 09:00", "--rrule", "FREQ=WEEKLY;COUNT=4",
                           "--participant-unit", "1", NULL };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("QUORUM_CLI"));
  dir = g_dir_make_tmp ("quorum-cli-validation-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "validation.db", NULL);

  /* A database with something in it: a person, a unit, a series. */
  run_ok (init);
  run_ok (person);
  run_ok (unit);
  run_ok (relation);
  run_ok (series);

  g_test_add_func ("/core/cli-validation/usage-errors", test_cli_validation_usage_errors);
  result = g_test_run ();

  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  g_free (db_path);
  return result;
}
