/* test-recovery.c: the app in front of a damaged database.
 *
 * Each case runs in its own process (one application per process): the app
 * starts on a garbage file, the window shows the recovery page, and
 * restoring the latest backup or starting empty opens a working database
 * while the garbage stays on disk, byte for byte, under the aside name. A
 * tampered audit trail raises the warning bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "quorum-backup.h"
#include "quorum-preferences-window.h"
#include "quorum-recovery-page.h"
#include "quorum-test-utils.h"
#include "quorum-window.h"

static const char garbage[] = "This was a Quorum database until a disk went bad.\n\x01\x02\xff";

static char *
make_dir (void)
{
  return quorum_test_make_dir ("quorum-recovery");
}

/* A database with one person and a backup of it. */
static void
make_database (const char *path,
               gboolean    with_backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumPerson) person = quorum_person_new ("王强", "副市长", 10);

  g_assert_no_error (error);
  store = quorum_store_new (db);
  g_assert_cmpint (quorum_store_add_person (store, person, &error), >, 0);
  g_assert_no_error (error);
  if (with_backup)
    {
      g_autofree char *backup = quorum_backup_rotate (db, "manual", 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (backup);
    }
}

static void
damage (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_file_set_contents (path, garbage, sizeof garbage, &error);
  g_assert_no_error (error);
}

static QuorumApplication *
start_app (const char *path)
{
  g_autoptr(GError) error = NULL;
  QuorumApplication *app;

  g_setenv ("QUORUM_DB", path, TRUE);
  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static const char *
visible_state (QuorumRecoveryPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page))));
}

/* The one file in @dir whose name starts with @prefix. */
static char *
find_aside (const char *dir,
            const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }

  return found;
}

static void
assert_garbage_kept (const char *aside)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_nonnull (aside);
  g_file_get_contents (aside, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, garbage, sizeof garbage);
}

static guint
count_people (QuorumApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;

  g_assert_nonnull (quorum_application_get_store (app));
  people = quorum_store_list_people (quorum_application_get_store (app), TRUE, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

/* One app per process: each case runs in a subprocess with its own folder. */
typedef struct
{
  char              *dir;
  char              *path;
  QuorumApplication *app;
  QuorumWindow      *window;
} Scene;

static void
scene_start (Scene *scene)
{
  scene->app = start_app (scene->path);
  scene->window = quorum_window_new (scene->app);
  gtk_window_present (GTK_WINDOW (scene->window));
}

static void
scene_init (Scene *scene)
{
  /* The app warns about a damaged file: expected here. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  scene->dir = make_dir ();
  scene->path = g_build_filename (scene->dir, "quorum.db", NULL);
}

static void
scene_clear (Scene *scene)
{
  gtk_window_destroy (GTK_WINDOW (scene->window));
  g_clear_object (&scene->app);
  g_clear_pointer (&scene->path, g_free);
  g_clear_pointer (&scene->dir, g_free);
}

static QuorumRecoveryPage *
scene_recovery_page (Scene *scene)
{
  GtkWidget *page = quorum_test_find_widget (GTK_WIDGET (scene->window),
                                             QUORUM_TYPE_RECOVERY_PAGE);

  g_assert_nonnull (page);
  return QUORUM_RECOVERY_PAGE (page);
}

static void
run_in_subprocess (void)
{
  quorum_test_trap_subprocess (G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_recovery_restore (void)
{
  Scene scene = { 0 };
  g_autofree char *aside = NULL;
  QuorumRecoveryPage *page;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  scene_init (&scene);
  make_database (scene.path, TRUE);
  damage (scene.path);
  scene_start (&scene);
  page = scene_recovery_page (&scene);

  g_assert_null (quorum_application_get_database (scene.app));
  g_assert_cmpstr (visible_state (page), ==, "error");
  g_assert_cmpstr (quorum_recovery_page_get_database_path (page), ==, scene.path);
  g_assert_nonnull (quorum_recovery_page_get_latest_backup (page));

  if (g_getenv ("QUORUM_BUILD_ROOT") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("QUORUM_BUILD_ROOT"), "screenshots",
                                               "recovery-page.png", NULL);
      g_autofree char *png_dir = g_path_get_dirname (png);

      g_mkdir_with_parents (png_dir, 0755);
      quorum_test_spin (200);
      quorum_test_save_png (GTK_WIDGET (scene.window), png, NULL);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "recovery.restore-latest", NULL));

  /* The backup is open, the garbage kept aside. */
  g_assert_nonnull (quorum_application_get_database (scene.app));
  g_assert_cmpuint (count_people (scene.app), ==, 1);
  g_assert_cmpstr (visible_state (page), ==, "content");
  aside = find_aside (scene.dir, "quorum.db.before-restore-");
  assert_garbage_kept (aside);

  scene_clear (&scene);
}

static void
test_recovery_start_empty (void)
{
  Scene scene = { 0 };
  g_autofree char *aside = NULL;
  QuorumRecoveryPage *page;
  GtkWidget *restore_button;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  scene_init (&scene);
  damage (scene.path);
  scene_start (&scene);
  page = scene_recovery_page (&scene);
  g_assert_cmpstr (visible_state (page), ==, "error");

  /* No backup: only starting empty is offered. */
  g_assert_null (quorum_recovery_page_get_latest_backup (page));
  restore_button = quorum_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (restore_button)), ==,
                   "recovery.restore-latest");
  g_assert_false (gtk_widget_is_sensitive (restore_button));
  gtk_widget_activate_action (GTK_WIDGET (page), "recovery.restore-latest", NULL);
  g_assert_true (g_file_test (scene.path, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "recovery.start-empty", NULL));

  /* A new, empty database opens on the first-run welcome page. */
  g_assert_cmpuint (count_people (scene.app), ==, 0);
  g_assert_cmpstr (visible_state (page), ==, "welcome");
  aside = find_aside (scene.dir, "quorum.db.set-aside-");
  assert_garbage_kept (aside);

  scene_clear (&scene);
}

typedef struct
{
  QuorumApplication *app;
  const char        *backup;
  char              *aside;
} RestoreAttempt;

/* Restoring waits for the start-up backup thread to finish. */
static gboolean
try_restore (gpointer data)
{
  RestoreAttempt *attempt = data;
  g_autoptr(GError) error = NULL;

  if (quorum_application_restore_backup (attempt->app, attempt->backup, &attempt->aside, &error))
    return TRUE;
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_BUSY);
  return FALSE;
}

/* What Preferences → Restore… does once the file is chosen and confirmed. */
static void
test_recovery_restore_open_database (void)
{
  Scene scene = { 0 };
  g_autofree char *backup = NULL;
  g_autoptr(QuorumPerson) person = quorum_person_new ("李明", "副市长", 20);
  g_autoptr(GError) error = NULL;
  RestoreAttempt attempt = { 0 };

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  scene_init (&scene);
  make_database (scene.path, TRUE);
  backup = quorum_backup_find_latest (scene.path);
  scene_start (&scene);
  quorum_store_add_person (quorum_application_get_store (scene.app), person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (scene.app), ==, 2);

  attempt.app = scene.app;
  attempt.backup = backup;
  g_assert_true (quorum_test_wait_for (try_restore, &attempt, 10000));

  g_assert_cmpuint (count_people (scene.app), ==, 1);
  g_assert_nonnull (attempt.aside);
  {
    g_autoptr(QuorumDatabase) old = quorum_database_open (attempt.aside, &error);
    g_autoptr(QuorumStore) old_store = NULL;
    g_autoptr(GListModel) people = NULL;

    g_assert_no_error (error);
    old_store = quorum_store_new (old);
    people = quorum_store_list_people (old_store, TRUE, &error);
    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  }

  g_free (attempt.aside);
  scene_clear (&scene);
}

static guint
count_backups (const char *path)
{
  g_autofree char *dir = quorum_backup_dup_dir (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Preferences → Back Up Now writes one more backup next to the daily one. */
static void
test_recovery_back_up_now (void)
{
  Scene scene = { 0 };
  QuorumPreferencesWindow *prefs;
  guint before;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  scene_init (&scene);
  make_database (scene.path, FALSE);
  scene_start (&scene);
  prefs = quorum_preferences_window_new (GTK_WINDOW (scene.window));
  gtk_window_present (GTK_WINDOW (prefs));

  before = count_backups (scene.path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.back-up-now", NULL));
  g_assert_cmpuint (count_backups (scene.path), ==, before + 1);

  if (g_getenv ("QUORUM_BUILD_ROOT") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("QUORUM_BUILD_ROOT"), "screenshots",
                                               "preferences-backups.png", NULL);

      quorum_test_spin (300);
      quorum_test_save_png (GTK_WIDGET (prefs), png, NULL);
    }

  gtk_window_destroy (GTK_WINDOW (prefs));
  scene_clear (&scene);
}

static gboolean
audit_checked (gpointer data)
{
  return quorum_application_get_audit_broken_at (data) != 0;
}

static void
test_recovery_audit_warning (void)
{
  Scene scene = { 0 };
  GtkInfoBar *bar;
  sqlite3 *raw = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  scene_init (&scene);
  make_database (scene.path, FALSE);
  g_assert_cmpint (sqlite3_open (scene.path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER audit_no_update;"
                                      "UPDATE audit SET actor = 'someone' WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  scene_start (&scene);
  bar = GTK_INFO_BAR (quorum_test_find_widget (GTK_WIDGET (scene.window), GTK_TYPE_INFO_BAR));
  g_assert_nonnull (bar);
  g_assert_false (gtk_info_bar_get_revealed (bar));

  g_assert_true (quorum_test_wait_for (audit_checked, scene.app, 10000));
  g_assert_cmpint (quorum_application_get_audit_broken_at (scene.app), ==, 1);
  g_assert_true (gtk_info_bar_get_revealed (bar));

  scene_clear (&scene);
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/recovery/restore", test_recovery_restore);
  g_test_add_func ("/ui/recovery/start-empty", test_recovery_start_empty);
  g_test_add_func ("/ui/recovery/restore-open-database", test_recovery_restore_open_database);
  g_test_add_func ("/ui/recovery/audit-warning", test_recovery_audit_warning);
  g_test_add_func ("/ui/recovery/back-up-now", test_recovery_back_up_now);

  return g_test_run ();
}
