/* quorum-backup.c: rotating online backups, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "quorum-backup.h"
#include "quorum-database-private.h"

/* Backups live in <database folder>/backups and are named
 * quorum-YYYYMMDD-HHMMSS-UUUUUU-<reason>.db, so that names sort by age. */
#define BACKUP_PREFIX "quorum-"
#define BACKUP_SUFFIX ".db"

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *path,
                  GError     **error)
{
  g_set_error (error, QUORUM_DATABASE_ERROR,
               (rc & 0xff) == SQLITE_FULL ? QUORUM_DATABASE_ERROR_FULL
                                          : QUORUM_DATABASE_ERROR_FAILED,
               _("Could not write the backup “%s”: %s"), path,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* Copies @source into a new file at @dest_path with SQLite's online backup
 * API (a consistent snapshot even while others write), through a temporary
 * file renamed into place, so a half-written backup never has a backup's name. */
static gboolean
backup_handle_to (sqlite3     *source,
                  const char  *dest_path,
                  GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest_path, ".partial", NULL);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dest, rc, dest_path, error);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dest, sqlite3_errcode (dest), dest_path, error);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (dest, rc, dest_path, error);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }

  rc = sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (NULL, rc, dest_path, error);
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the backup “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

/**
 * quorum_database_backup_to:
 * @self: a #QuorumDatabase
 * @dest_path: the file to write; replaced atomically when it exists
 * @error: return location for a #GError
 *
 * Writes a consistent copy of the database with SQLite's online backup API.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_database_backup_to (QuorumDatabase  *self,
                           const char      *dest_path,
                           GError         **error)
{
  g_return_val_if_fail (QUORUM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  return backup_handle_to (_quorum_database_get_handle (self), dest_path, error);
}

/**
 * quorum_backup_dup_dir:
 * @database_path: a database file
 *
 * Returns: (transfer full): the folder that holds its backups
 */
char *
quorum_backup_dup_dir (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
is_backup_name (const char *name)
{
  return g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX);
}

/* Sorted oldest first (the names carry the time). */
static GPtrArray *
list_backups (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return names;

  while ((name = g_dir_read_name (d)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static char *
backup_at (QuorumDatabase  *self,
           GDateTime       *now,
           const char      *reason,
           guint            keep,
           GError         **error)
{
  g_autofree char *dir = quorum_backup_dup_dir (quorum_database_get_path (self));
  /* Microseconds in the name: names sort by age and never collide. */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = g_strdup_printf (BACKUP_PREFIX "%s-%s" BACKUP_SUFFIX, stamp, reason);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) names = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Could not write the backup “%s”: it exists already"), path);
      return NULL;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!quorum_database_backup_to (self, path, error))
    return NULL;

  /* Rotate: drop the oldest beyond @keep, never the one just written. */
  names = list_backups (dir);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; keep > 0 && names->len > keep && i < names->len - keep; i++)
    {
      const char *old = g_ptr_array_index (names, i);
      g_autofree char *old_path = g_build_filename (dir, old, NULL);

      if (g_strcmp0 (old, name) != 0)
        g_unlink (old_path);
    }

  return g_steal_pointer (&path);
}

/**
 * quorum_backup_rotate:
 * @self: a #QuorumDatabase
 * @reason: a word for the file name: `manual`, `daily`, `pre-migration`…
 * @keep: how many backups to keep in the folder (0 keeps all)
 * @error: return location for a #GError
 *
 * Writes a new backup into the database's backup folder and removes the
 * oldest ones beyond @keep.
 *
 * Returns: (transfer full): the path of the new backup, or %NULL
 */
char *
quorum_backup_rotate (QuorumDatabase  *self,
                      const char      *reason,
                      guint            keep,
                      GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (QUORUM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  return backup_at (self, now, reason, keep, error);
}

/**
 * quorum_backup_daily:
 * @self: a #QuorumDatabase
 * @now: the current time
 * @keep: how many backups to keep
 * @error: return location for a #GError
 *
 * Writes the day's backup unless one was already written on @now's date.
 *
 * Returns: (transfer full) (nullable): the new backup's path; %NULL with no
 *   error when today's backup exists already
 */
char *
quorum_backup_daily (QuorumDatabase  *self,
                     GDateTime       *now,
                     guint            keep,
                     GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (QUORUM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  dir = quorum_backup_dup_dir (quorum_database_get_path (self));
  today = g_date_time_format (now, BACKUP_PREFIX "%Y%m%d-");
  names = list_backups (dir);

  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (names, i), today))
      return NULL;

  return backup_at (self, now, "daily", keep, error);
}

/**
 * quorum_backup_find_latest:
 * @database_path: a database file
 *
 * Returns: (transfer full) (nullable): the newest backup of it, or %NULL
 */
char *
quorum_backup_find_latest (const char *database_path)
{
  g_autofree char *dir = quorum_backup_dup_dir (database_path);
  g_autoptr(GPtrArray) names = list_backups (dir);

  if (names->len == 0)
    return NULL;

  g_ptr_array_sort (names, compare_names);
  return g_build_filename (dir, g_ptr_array_index (names, names->len - 1), NULL);
}

static gboolean
move_aside (const char  *path,
            const char  *suffix,
            GError     **error)
{
  g_autofree char *aside = g_strconcat (path, suffix, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move “%s” aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Renames @database_path and its -wal and -shm files by appending @stamp. */
static gboolean
move_database_aside (const char  *database_path,
                     const char  *stamp,
                     GError     **error)
{
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);
  g_autofree char *wal_suffix = g_strconcat (stamp, "-wal", NULL);
  g_autofree char *shm_suffix = g_strconcat (stamp, "-shm", NULL);

  return move_aside (database_path, stamp, error) &&
         move_aside (wal, wal_suffix, error) &&
         move_aside (shm, shm_suffix, error);
}

/**
 * quorum_backup_set_aside:
 * @database_path: a database file, usually a damaged one
 * @out_moved_aside: (out) (optional) (transfer full): where it was moved, or
 *   %NULL when there was no file
 * @error: return location for a #GError
 *
 * Moves a database out of the way so that a new, empty one can be created in
 * its place, without deleting or changing a byte of it: it is renamed to
 * `<name>.set-aside-<time>` (with its -wal and -shm files). Nothing must have
 * the database open.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_backup_set_aside (const char  *database_path,
                         char       **out_moved_aside,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, ".set-aside-%Y%m%d-%H%M%S");
  gboolean had_database;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_moved_aside != NULL)
    *out_moved_aside = NULL;

  had_database = g_file_test (database_path, G_FILE_TEST_EXISTS);
  if (!move_database_aside (database_path, stamp, error))
    return FALSE;

  if (had_database && out_moved_aside != NULL)
    *out_moved_aside = g_strconcat (database_path, stamp, NULL);
  return TRUE;
}

/**
 * quorum_backup_restore:
 * @backup_path: a backup written by Quorum
 * @database_path: the database to replace
 * @out_moved_aside: (out) (optional) (transfer full): where the old database
 *   was moved, or %NULL when there was none
 * @error: return location for a #GError
 *
 * Replaces the database with a backup. The backup is checked first (it must
 * open as a Quorum database and pass SQLite's integrity check). The current
 * file, damaged or not, is never overwritten: it is renamed to
 * `<name>.before-restore-<time>` (with its -wal and -shm files).
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_backup_restore (const char  *backup_path,
                       const char  *database_path,
                       char       **out_moved_aside,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, ".before-restore-%Y%m%d-%H%M%S");
  gboolean had_database;
  sqlite3 *source = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);

  if (out_moved_aside != NULL)
    *out_moved_aside = NULL;

  /* Check the backup before anything is moved. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(QuorumDatabase) check = NULL;
    g_autofree char *copy = g_strconcat (database_path, ".restore-check", NULL);

    /* Opening migrates, so check a scratch copy, never the backup itself. */
    g_unlink (copy);
    rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_prepare_v2 (source, "PRAGMA integrity_check", -1, &stmt, NULL);
    if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW &&
        g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0)
      ok = backup_handle_to (source, copy, &local_error);
    sqlite3_finalize (stmt);
    sqlite3_close_v2 (source);

    if (ok)
      {
        check = quorum_database_open (copy, &local_error);
        ok = check != NULL;
      }
    g_clear_object (&check);
    g_unlink (copy);
    {
      g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
      g_autofree char *copy_shm = g_strconcat (copy, "-shm", NULL);

      g_unlink (copy_wal);
      g_unlink (copy_shm);
    }

    if (!ok)
      {
        g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT,
                     _("“%s” is not a usable Quorum backup: %s"), backup_path,
                     local_error != NULL ? local_error->message : _("it is damaged"));
        return FALSE;
      }
  }

  had_database = g_file_test (database_path, G_FILE_TEST_EXISTS);
  if (!move_database_aside (database_path, stamp, error))
    return FALSE;

  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  ok = rc == SQLITE_OK && backup_handle_to (source, database_path, error);
  if (rc != SQLITE_OK)
    set_sqlite_error (source, rc, database_path, error);
  sqlite3_close_v2 (source);

  if (ok && had_database && out_moved_aside != NULL)
    *out_moved_aside = g_strconcat (database_path, stamp, NULL);

  return ok;
}
