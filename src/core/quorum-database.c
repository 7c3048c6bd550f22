/* quorum-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "quorum-backup.h"
#include "quorum-database-private.h"

/* "QRM1": marks a file as ours so that a foreign SQLite file is never migrated. */
#define QUORUM_APPLICATION_ID 0x51524d31
#define BUSY_TIMEOUT_MS       10000
/* Idle copies kept of one statement: more than one only for queries that
 * run nested in themselves. */
#define MAX_IDLE_STATEMENTS   4

struct _QuorumDatabase
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;
  /* Open transactions: the outermost is BEGIN, the inner ones savepoints, so
   * that a batch of store writes commits or rolls back as one. */
  int      depth;
};

G_DEFINE_FINAL_TYPE (QuorumDatabase, quorum_database, G_TYPE_OBJECT)

/*
 * Prepared statements are reused: compiling SQL costs far more than running
 * the small statements of the store, which prepares them call by call. A
 * statement released through its g_autoptr() cleanup is reset and kept, per
 * connection and SQL text, for the next _quorum_database_prepare() of the
 * same text. The caches are found from the statement's connection, so they
 * live in one table for the process, under a lock (each connection itself is
 * used by one thread at a time).
 */
static GMutex statement_lock;
static GHashTable *statement_caches;  /* sqlite3 * → GHashTable (SQL → GPtrArray of idle statements) */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
register_statement_cache (sqlite3 *db)
{
  g_mutex_lock (&statement_lock);
  if (statement_caches == NULL)
    statement_caches = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (statement_caches, db,
                       g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_ptr_array_unref));
  g_mutex_unlock (&statement_lock);
}

static void
drop_statement_cache (sqlite3 *db)
{
  GHashTable *cache = NULL;

  g_mutex_lock (&statement_lock);
  if (statement_caches != NULL)
    g_hash_table_steal_extended (statement_caches, db, NULL, (gpointer *)&cache);
  g_mutex_unlock (&statement_lock);

  /* The arrays finalize their statements. */
  g_clear_pointer (&cache, g_hash_table_unref);
}

static sqlite3_stmt *
take_cached_statement (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GHashTable *cache;
  GPtrArray *idle;

  g_mutex_lock (&statement_lock);
  if (statement_caches != NULL &&
      (cache = g_hash_table_lookup (statement_caches, db)) != NULL &&
      (idle = g_hash_table_lookup (cache, sql)) != NULL && idle->len > 0)
    stmt = g_ptr_array_steal_index_fast (idle, idle->len - 1);
  g_mutex_unlock (&statement_lock);

  return stmt;
}

/**
 * _quorum_statement_release:
 * @stmt: (nullable): a statement
 *
 * Gives back a statement: one of a #QuorumDatabase is reset, its bindings
 * cleared, and kept for the next prepare of the same SQL; any other is
 * finalized. The g_autoptr() cleanup of `sqlite3_stmt`.
 */
void
_quorum_statement_release (sqlite3_stmt *stmt)
{
  GHashTable *cache;
  GPtrArray *idle;
  const char *sql;
  gboolean kept = FALSE;

  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sql = sqlite3_sql (stmt);

  g_mutex_lock (&statement_lock);
  if (sql != NULL && statement_caches != NULL &&
      (cache = g_hash_table_lookup (statement_caches, sqlite3_db_handle (stmt))) != NULL)
    {
      if ((idle = g_hash_table_lookup (cache, sql)) == NULL)
        {
          idle = g_ptr_array_new_with_free_func (finalize_statement);
          g_hash_table_insert (cache, g_strdup (sql), idle);
        }
      if (idle->len < MAX_IDLE_STATEMENTS)
        {
          g_ptr_array_add (idle, stmt);
          kept = TRUE;
        }
    }
  g_mutex_unlock (&statement_lock);

  if (!kept)
    sqlite3_finalize (stmt);
}

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

  /* 2: people, units, series, occurrences, attendance, records, leave, audit.
   * Dates are ISO text: local dates ("2026-01-05"), local date-times of a
   * series in its own tzid ("2026-01-05T09:00:00"), and occurrence instants
   * with their UTC offset ("2026-01-05T09:00:00+08:00") plus a unix time for
   * range queries. Relations are dated so that history stays true. */
  "CREATE TABLE person ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL CHECK (trim (name) <> ''),"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  rank         INTEGER NOT NULL DEFAULT 0,"
  "  party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),"
  "  retired_on   TEXT CHECK (retired_on IS NULL OR date (retired_on) IS retired_on),"
  "  created_at   TEXT NOT NULL,"
  "  feed_token   TEXT UNIQUE"
  ") STRICT;"
  "CREATE INDEX person_rank ON person (rank, id);"

  "CREATE TABLE unit ("
  "  id        INTEGER PRIMARY KEY,"
  "  name      TEXT NOT NULL CHECK (trim (name) <> ''),"
  "  kind      TEXT NOT NULL CHECK (kind IN ('government', 'leadership-group', 'party-group',"
  "                 'department', 'town', 'branch', 'enterprise', 'executive-meeting')),"
  "  parent_id INTEGER REFERENCES unit (id),"
  "  rank      INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE INDEX unit_rank ON unit (kind, rank, id);"

  "CREATE TABLE relation ("
  "  id         INTEGER PRIMARY KEY,"
  "  person_id  INTEGER NOT NULL REFERENCES person (id),"
  "  unit_id    INTEGER NOT NULL REFERENCES unit (id),"
  "  kind       TEXT NOT NULL CHECK (kind IN ('member', 'head', 'in-charge', 'assigned-town',"
  "                  'linked-enterprise')),"
  "  start_date TEXT NOT NULL CHECK (date (start_date) IS start_date),"
  "  end_date   TEXT CHECK (end_date IS NULL OR"
  "                 (date (end_date) IS end_date AND end_date >= start_date))"
  ") STRICT;"
  "CREATE INDEX relation_person ON relation (person_id, start_date);"
  "CREATE INDEX relation_unit ON relation (unit_id, start_date);"

  "CREATE TABLE series ("
  "  id               INTEGER PRIMARY KEY,"
  "  uid              TEXT NOT NULL UNIQUE,"
  "  title            TEXT NOT NULL CHECK (trim (title) <> ''),"
  "  duty_id          TEXT,"
  "  kind             TEXT,"
  "  rrule            TEXT,"
  "  dtstart          TEXT NOT NULL,"
  "  duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes >= 0),"
  "  all_day          INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),"
  "  tzid             TEXT NOT NULL DEFAULT 'Asia/Shanghai',"
  "  location         TEXT,"
  "  description      TEXT,"
  "  owner_id         INTEGER REFERENCES person (id),"
  "  holiday_policy   TEXT NOT NULL DEFAULT 'keep' CHECK (holiday_policy IN ('keep', 'skip',"
  "                        'next-workday', 'previous-workday')),"
  "  reminder_minutes INTEGER CHECK (reminder_minutes IS NULL OR reminder_minutes >= 0),"
  "  sequence         INTEGER NOT NULL DEFAULT 0,"
  "  created_at       TEXT NOT NULL,"
  "  last_modified    TEXT NOT NULL,"
  "  split_from       INTEGER REFERENCES series (id),"
  /* Local start below which the rule is never expanded again: set when the rule
   * is edited or split, so that the past is not rewritten. */
  "  expand_from      TEXT,"
  "  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX series_duty ON series (duty_id);"
  "CREATE INDEX series_owner ON series (owner_id);"

  "CREATE TABLE series_participant ("
  "  series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,"
  "  unit_id   INTEGER REFERENCES unit (id),"
  "  person_id INTEGER REFERENCES person (id),"
  "  CHECK ((unit_id IS NULL) <> (person_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX series_participant_series ON series_participant (series_id);"
  "CREATE INDEX series_participant_unit ON series_participant (unit_id);"

  "CREATE TABLE series_exdate ("
  "  series_id     INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,"
  "  recurrence_id TEXT NOT NULL,"
  "  PRIMARY KEY (series_id, recurrence_id)"
  ") STRICT;"

  "CREATE TABLE occurrence ("
  "  id                INTEGER PRIMARY KEY,"
  "  series_id         INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,"
  "  recurrence_id     TEXT NOT NULL,"
  "  start_at          TEXT NOT NULL,"
  "  end_at            TEXT NOT NULL,"
  "  start_unix        INTEGER NOT NULL,"
  "  end_unix          INTEGER NOT NULL CHECK (end_unix >= start_unix),"
  "  status            TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held',"
  "                         'not-held', 'cancelled')),"
  "  status_reason     TEXT,"
  "  moved             INTEGER NOT NULL DEFAULT 0 CHECK (moved IN (0, 1)),"
  "  holiday_shifted   INTEGER NOT NULL DEFAULT 0 CHECK (holiday_shifted IN (0, 1)),"
  "  minutes_text      TEXT,"
  "  minutes_signed_on TEXT CHECK (minutes_signed_on IS NULL OR"
  "                         date (minutes_signed_on) IS minutes_signed_on),"
  "  location          TEXT,"
  "  title             TEXT,"
  "  UNIQUE (series_id, recurrence_id)"
  ") STRICT;"
  "CREATE INDEX occurrence_start ON occurrence (start_unix);"
  "CREATE INDEX occurrence_end ON occurrence (end_unix);"

  "CREATE TABLE attendance ("
  "  occurrence_id INTEGER NOT NULL REFERENCES occurrence (id) ON DELETE CASCADE,"
  "  person_id     INTEGER NOT NULL REFERENCES person (id),"
  "  status        TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),"
  "  reason        TEXT,"
  "  excuse_kind   TEXT CHECK (excuse_kind IS NULL OR"
  "                     excuse_kind IN ('leave', 'official-business', 'other')),"
  "  key_speaker   INTEGER NOT NULL DEFAULT 0 CHECK (key_speaker IN (0, 1)),"
  "  recorded_by   TEXT NOT NULL,"
  "  recorded_at   TEXT NOT NULL,"
  "  CHECK (status <> 'excused' OR trim (coalesce (reason, '')) <> ''),"
  "  PRIMARY KEY (occurrence_id, person_id)"
  ") STRICT;"
  "CREATE INDEX attendance_person ON attendance (person_id, occurrence_id);"

  "CREATE TABLE makeup ("
  "  id            INTEGER PRIMARY KEY,"
  "  occurrence_id INTEGER NOT NULL REFERENCES occurrence (id),"
  "  person_id     INTEGER NOT NULL REFERENCES person (id),"
  "  made_up_on    TEXT NOT NULL CHECK (date (made_up_on) IS made_up_on),"
  "  how           TEXT NOT NULL CHECK (how IN ('self-study', 'another-session', 'other')),"
  "  note          TEXT,"
  "  recorded_at   TEXT NOT NULL,"
  "  UNIQUE (occurrence_id, person_id)"
  ") STRICT;"
  "CREATE INDEX makeup_person ON makeup (person_id);"

  /* Personal records that count towards quotas without being group meetings
   * (a reception day, an enterprise visit, a research day...). */
  "CREATE TABLE record ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES person (id),"
  "  kind        TEXT NOT NULL CHECK (kind <> ''),"
  "  date        TEXT NOT NULL CHECK (date (date) IS date),"
  "  days        REAL NOT NULL DEFAULT 1 CHECK (days >= 0),"
  "  unannounced INTEGER NOT NULL DEFAULT 0 CHECK (unannounced IN (0, 1)),"
  "  unit_id     INTEGER REFERENCES unit (id),"
  "  duty_id     TEXT,"
  "  note        TEXT,"
  "  created_at  TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX record_person ON record (person_id, kind, date);"
  "CREATE INDEX record_date ON record (date);"

  "CREATE TABLE leave ("
  "  id               INTEGER PRIMARY KEY,"
  "  person_id        INTEGER NOT NULL REFERENCES person (id),"
  "  start_date       TEXT NOT NULL CHECK (date (start_date) IS start_date),"
  "  end_date         TEXT NOT NULL CHECK (date (end_date) IS end_date AND end_date >= start_date),"
  "  destination      TEXT NOT NULL,"
  "  reason           TEXT NOT NULL,"
  "  filed_at         TEXT NOT NULL,"
  "  emergency        INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),"
  "  emergency_reason TEXT,"
  "  approved         INTEGER NOT NULL DEFAULT 1 CHECK (approved IN (0, 1)),"
  "  reported_back_at TEXT,"
  "  CHECK (emergency = 0 OR trim (coalesce (emergency_reason, '')) <> '')"
  ") STRICT;"
  "CREATE INDEX leave_person ON leave (person_id, start_date);"
  "CREATE INDEX leave_dates ON leave (start_date, end_date);"

  /* Append-only: every change to the records above adds a row in the same
   * transaction. prev_hash/hash are reserved for a hash chain. */
  "CREATE TABLE audit ("
  "  id          INTEGER PRIMARY KEY,"
  "  at          TEXT NOT NULL,"
  "  actor       TEXT NOT NULL,"
  "  entity      TEXT NOT NULL,"
  "  entity_id   INTEGER NOT NULL,"
  "  action      TEXT NOT NULL,"
  "  before_json TEXT,"
  "  after_json  TEXT,"
  "  prev_hash   TEXT,"
  "  hash        TEXT"
  ") STRICT;"
  "CREATE INDEX audit_entity ON audit (entity, entity_id);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'audit rows are append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'audit rows are append-only'); END;",

  /* 3: the day a letter or a document for countersignature came in, which
   * starts the 3-working-day clock of letter-reply and countersign records */
  "ALTER TABLE record ADD COLUMN received_on TEXT"
  "  CHECK (received_on IS NULL OR date (received_on) IS received_on);",

  /* 4: a series' occurrences by start, so that queries about the duty
   * series of a period do not walk every occurrence of the period (a busy
   * office holds ten times more sessions outside the rulebook) */
  "CREATE INDEX occurrence_series_start ON occurrence (series_id, start_unix);",

  /* 5: the same check of an occurrence's status, as comparisons. SQLite
   * checks an IN list of more than two values through a temporary b-tree
   * that it builds and drops for every row written: a third of the cost of
   * materialising occurrences. Only the text of the constraint changes (the
   * documented way to edit a CHECK), no row is rewritten, and a connection
   * that still has the old text checks the same thing. */
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_schema"
  "   SET sql = replace (sql,"
  "                      'CHECK (status IN (''scheduled'', ''held'','"
  "                      || '                         ''not-held'', ''cancelled''))',"
  "                      'CHECK (status = ''scheduled'' OR status = ''held'''"
  "                      || ' OR status = ''not-held'' OR status = ''cancelled'')')"
  " WHERE type = 'table' AND name = 'occurrence';"
  "PRAGMA writable_schema = RESET;",

  /* 6: occurrences by length, so that the longest one (which bounds every
   * range query from below) is one index lookup, not a scan of the table
   * after every write: 10 ms and the whole page cache in a busy office */
  "CREATE INDEX occurrence_span ON occurrence (end_unix - start_unix);",

  /* 7: fewer indexes to write per imported event. Range queries bound
   * occurrences by start (occurrence_start, occurrence_series_start), so
   * the index on their end serves none; series without a duty or owner
   * (every imported event) need no entry in those indexes. */
  "DROP INDEX occurrence_end;"
  "DROP INDEX series_duty;"
  "CREATE INDEX series_duty ON series (duty_id) WHERE duty_id IS NOT NULL;"
  "DROP INDEX series_owner;"
  "CREATE INDEX series_owner ON series (owner_id) WHERE owner_id IS NOT NULL;",
};

static void
quorum_database_finalize (GObject *object)
{
  QuorumDatabase *self = (QuorumDatabase *)object;

  if (self->db != NULL)
    drop_statement_cache (self->db);
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

/* A statement for @sql: a cached one when a statement of the same text was
 * released before (reset, with no bindings), else a new one. Release it
 * with its g_autoptr() cleanup or _quorum_statement_release(). */
sqlite3_stmt *
_quorum_database_prepare (QuorumDatabase  *self,
                          const char      *sql,
                          GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (QUORUM_IS_DATABASE (self), NULL);

  if ((stmt = take_cached_statement (self->db, sql)) != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
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
  if (!_quorum_database_exec (self,
                              self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT quorum_nested",
                              error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
_quorum_database_commit (QuorumDatabase  *self,
                         GError         **error)
{
  if (!_quorum_database_exec (self, self->depth > 1 ? "RELEASE quorum_nested" : "COMMIT", error))
    {
      _quorum_database_rollback (self);
      return FALSE;
    }

  self->depth = MAX (self->depth - 1, 0);
  return TRUE;
}

void
_quorum_database_rollback (QuorumDatabase *self)
{
  if (self->depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO quorum_nested; RELEASE quorum_nested",
                    NULL, NULL, NULL);
      self->depth--;
      return;
    }

  self->depth = 0;
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

/* Switching a new file to WAL takes an exclusive lock. When two programs open
 * the new file at once, both hold a shared lock and want it, and SQLite
 * answers one of them "busy" at once instead of calling the busy handler
 * (waiting could deadlock). So wait here, within the same time limit. */
static gboolean
enable_wal (QuorumDatabase  *self,
            GError         **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)BUSY_TIMEOUT_MS * 1000;

  for (;;)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      /* The row is the mode now in force: "wal", or "memory" for :memory:. */
      if (rc == SQLITE_ROW)
        return TRUE;

      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        {
          _quorum_database_set_error (self, rc, error);
          return FALSE;
        }
      g_usleep (5 * 1000);
    }
}

static gboolean
migrate (QuorumDatabase  *self,
         GError         **error)
{
  int application_id = 0;
  int user_version = 0;
  int n_tables = 0;
  int latest = G_N_ELEMENTS (migrations);

  gboolean ok;

  /* One snapshot for the three: another program may be creating the file
   * right now, and a mix of before and after would look like a foreign file. */
  if (!_quorum_database_exec (self, "BEGIN", error))
    return FALSE;
  ok = query_int (self, "PRAGMA application_id", &application_id, error) &&
       query_int (self, "PRAGMA user_version", &user_version, error) &&
       query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error);
  _quorum_database_rollback (self);
  if (!ok)
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

  /* Keep the data as it was before any schema change. */
  if (user_version > 0 && user_version < latest && g_strcmp0 (self->path, ":memory:") != 0)
    {
      g_autofree char *reason = g_strdup_printf ("pre-migration-v%d", user_version);
      g_autofree char *backup = quorum_backup_rotate (self, reason, 0, error);

      if (backup == NULL)
        return FALSE;
      g_debug ("Backed up %s to %s before migrating", self->path, backup);
    }

  /* Every step in one transaction: another program opening the file at the
   * same time (the app and quorum-cli starting together on a new file)
   * never sees a schema half-way, which it would take for an old one to
   * back up and migrate; and a failed step leaves the file as it was. */
  if (user_version < latest)
    {
      int current = 0;

      if (!_quorum_database_begin (self, error))
        return FALSE;
      /* The other program may have migrated while this one waited for the lock. */
      if (!query_int (self, "PRAGMA user_version", &current, error))
        {
          _quorum_database_rollback (self);
          return FALSE;
        }
      for (int version = current + 1; version <= latest; version++)
        {
          g_autofree char *set_version = NULL;

          g_debug ("Migrating %s to schema %d", self->path, version);
          set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                         QUORUM_APPLICATION_ID, version);
          if (!_quorum_database_exec (self, migrations[version - 1], error) ||
              !_quorum_database_exec (self, set_version, error))
            {
              _quorum_database_rollback (self);
              return FALSE;
            }
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
  register_statement_cache (self->db);

  /* Attendance records are evidence: FULL sync makes every commit durable. */
  if (!enable_wal (self, error) ||
      !_quorum_database_exec (self,
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
