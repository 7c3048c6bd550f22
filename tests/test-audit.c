/* test-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "quorum-store.h"

static QuorumStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);

  g_assert_no_error (error);
  return quorum_store_new (db);
}

static void
add_people (QuorumStore *store,
            guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("张%u", i);
      g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", 10 * (i + 1));
      g_autoptr(GError) error = NULL;

      quorum_store_add_person (store, person, &error);
      g_assert_no_error (error);
    }
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *raw = NULL;
  char *message = NULL;
  g_autofree char *script = g_strdup_printf ("DROP TRIGGER audit_no_update;"
                                             "DROP TRIGGER audit_no_delete;"
                                             "%s", sql);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  if (sqlite3_exec (raw, script, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (raw);
}

static char *
db_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
verify (const char *path,
        gint64      expect_broken,
        guint64     expect_checked)
{
  g_autoptr(QuorumStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;
  guint64 checked = 0;

  g_assert_true (quorum_store_verify_audit (store, &broken, &checked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, expect_broken);
  if (expect_checked > 0)
    g_assert_cmpuint (checked, ==, expect_checked);
}

static void
test_audit_intact (void)
{
  g_autofree char *path = db_path ("intact.db");
  g_autoptr(QuorumStore) store = open_store (path);

  add_people (store, 5);
  g_clear_object (&store);
  verify (path, 0, 5);
}

static const struct {
  const char *name;
  const char *sql;
  gint64      broken;
} tamper_cases[] = {
  /* A changed value breaks its own row. */
  { "edit", "UPDATE audit SET after_json = replace (after_json, '张2', '李2') WHERE id = 3;", 3 },
  /* A changed actor, too. */
  { "actor", "UPDATE audit SET actor = 'someone' WHERE id = 2;", 2 },
  /* A deleted row breaks the next one's link. */
  { "delete", "DELETE FROM audit WHERE id = 3;", 4 },
  /* A forged row with a self-consistent hash still breaks the link. */
  { "insert",
    "INSERT INTO audit (id, at, actor, entity, entity_id, action, prev_hash, hash)"
    " SELECT 100, at, actor, entity, entity_id, action, 'x', hash FROM audit WHERE id = 5;", 100 },
  /* A hash stripped from a middle row. */
  { "strip", "UPDATE audit SET hash = NULL WHERE id = 4;", 4 },
};

static void
test_audit_tampered (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (tamper_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("tamper-%s.db", tamper_cases[i].name);
      g_autofree char *path = db_path (name);
      g_autoptr(QuorumStore) store = open_store (path);

      g_test_message ("case %s", tamper_cases[i].name);
      add_people (store, 5);
      g_clear_object (&store);

      tamper (path, tamper_cases[i].sql);
      verify (path, tamper_cases[i].broken, 0);
    }
}

static void
test_audit_cli (void)
{
  g_autofree char *path = db_path ("cli.db");
  g_autoptr(QuorumStore) store = open_store (path);
  const char *cli = g_getenv ("QUORUM_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("QUORUM_CLI is not set");
      return;
    }

  add_people (store, 3);
  g_clear_object (&store);

  {
    const char *argv[] = { cli, "--db", path, "audit", "verify", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "3"));
  }

  tamper (path, "UPDATE audit SET action = 'forged' WHERE id = 2;");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "--db", path, "audit", "verify", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "2"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/audit/intact", test_audit_intact);
  g_test_add_func ("/core/audit/tampered", test_audit_tampered);
  g_test_add_func ("/core/audit/cli", test_audit_cli);

  return g_test_run ();
}
