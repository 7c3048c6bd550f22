/* quorum-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "quorum-database-private.h"

/* "QRM1": marks a file as ours so that a foreign SQLite file is never migrated. */
#define QUORUM_APPLICATION_ID 0x51524d31
#define BUSY_TIMEOUT_MS       10000

struct _QuorumDatabase
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (QuorumDatabase, quorum_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (quorum-database-error-quark, quorum_database_error)

/*
 * Numbered migrations. Entry N (counting from 1) brings a database from
 * user_version N-1 to N. Never edit an entry once it has shipped: add one.
 */
static const char * const migrations[] = {
  /* 1: bookkeeping */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;",
};

static void
quorum_database_finalize (GObject *object)
{
  QuorumDatabase *self = (QuorumDatabase *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (quorum_database_parent_class)->finalize (object);
}

static void
quorum_database_class_init (QuorumDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_database_finalize;
}

static void
quorum_database_init (QuorumDatabase *self)
{
}

void
_quorum_database_set_error (QuorumDatabase  *self,
                            int              rc,
                            GError         **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_BUSY,
                   _("The database is in use by another program. Try again in a moment. (%s)"),
                   detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_FULL,
                   _("The disk is full: nothing was saved. Free some space and try again. (%s)"),
                   detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT,
                   _("The database file is damaged or is not a Quorum database. (%s)"),
                   detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_READ_ONLY,
                   _("The database cannot be written. (%s)"), detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_OPEN,
                   _("The database could not be opened. (%s)"), detail);
      break;

    default:
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_FAILED,
                   _("A database operation failed. (%s)"), detail);
      break;
    }
}

sqlite3 *
_quorum_database_get_handle (QuorumDatabase *self)
{
  g_return_val_if_fail (QUORUM_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
_quorum_database_exec (QuorumDatabase  *self,
                       const char      *sql,
                       GError         **error)
{
  int rc;

  g_return_val_if_fail (QUORUM_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _quorum_database_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_quorum_database_prepare (QuorumDatabase  *self,
                          const char      *sql,
                          GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (QUORUM_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v3 (self->db, sql, -1, 0, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _quorum_database_set_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
_quorum_database_begin (QuorumDatabase  *self,
                        GError         **error)
{
  /* IMMEDIATE takes the write lock up front, so the busy handler can wait for
   * another writer instead of failing half-way through the transaction. */
  return _quorum_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_quorum_database_commit (QuorumDatabase  *self,
                         GError         **error)
{
  if (!_quorum_database_exec (self, "COMMIT", error))
    {
      _quorum_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
_quorum_database_rollback (QuorumDatabase *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (QuorumDatabase  *self,
           const char      *sql,
           int             *out_value,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _quorum_database_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _quorum_database_set_error (self, rc, error);
      return FALSE;
    }

  *out_value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
migrate (QuorumDatabase  *self,
         GError         **error)
{
  int application_id = 0;
  int user_version = 0;
  int n_tables = 0;
  int latest = G_N_ELEMENTS (migrations);

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (application_id != QUORUM_APPLICATION_ID && (application_id != 0 || n_tables > 0))
    {
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_CORRUPT,
                   _("“%s” is not a Quorum database. It was left untouched."),
                   self->path);
      return FALSE;
    }

  if (user_version > latest)
    {
      g_set_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Quorum (schema %d, this "
                     "version knows up to %d). Update Quorum to open it."),
                   user_version, latest);
      return FALSE;
    }

  for (int version = user_version + 1; version <= latest; version++)
    {
      g_autofree char *set_version = NULL;

      g_debug ("Migrating %s to schema %d", self->path, version);

      if (!_quorum_database_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     QUORUM_APPLICATION_ID, version);

      if (!_quorum_database_exec (self, migrations[version - 1], error) ||
          !_quorum_database_exec (self, set_version, error))
        {
          _quorum_database_rollback (self);
          return FALSE;
        }

      if (!_quorum_database_commit (self, error))
        return FALSE;
    }

  self->schema_version = latest;
  return TRUE;
}

/**
 * quorum_database_open:
 * @path: a file name, or ":memory:"
 * @error: return location for a #GError
 *
 * Opens (creating when missing) a Quorum database, and brings its schema up
 * to date in numbered migrations, each in its own transaction. A file that is
 * not a Quorum database, or is newer than this build, is refused untouched.
 *
 * Returns: (transfer full): a database, or %NULL with @error set
 */
QuorumDatabase *
quorum_database_open (const char  *path,
                      GError     **error)
{
  g_autoptr(QuorumDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QUORUM_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _quorum_database_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Attendance records are evidence: FULL sync makes every commit durable. */
  if (!_quorum_database_exec (self,
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA foreign_keys = ON;",
                              error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * quorum_database_get_path:
 * @self: a #QuorumDatabase
 *
 * Returns: (transfer none): the file the database lives in
 */
const char *
quorum_database_get_path (QuorumDatabase *self)
{
  g_return_val_if_fail (QUORUM_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * quorum_database_get_schema_version:
 * @self: a #QuorumDatabase
 *
 * Returns: the schema version of the open database
 */
int
quorum_database_get_schema_version (QuorumDatabase *self)
{
  g_return_val_if_fail (QUORUM_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * quorum_database_get_latest_version:
 *
 * Returns: the newest schema version this build knows
 */
int
quorum_database_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}
