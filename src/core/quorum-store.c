/* quorum-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "quorum-json.h"
#include "quorum-store-private.h"

/**
 * QuorumStore:
 *
 * The repository over a #QuorumDatabase: people, units and their dated
 * relations; series, their occurrences (materialised as rows up to a rolling
 * horizon); attendance, make-ups, personal records and leave.
 *
 * Every write runs in one transaction and appends to the audit trail in that
 * same transaction: on any error nothing is written, the function returns
 * %FALSE (or 0, or %NULL) and sets the error. After each committed write the
 * store emits #QuorumStore::changed.
 *
 * Time is injected: quorum_store_set_now() freezes the clock, for tests and
 * for replaying.
 */

G_DEFINE_FINAL_TYPE (QuorumStore, quorum_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (quorum-store-error-quark, quorum_store_error)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_MATERIALIZE_ON_READ,
  N_PROPS
};

enum {
  CHANGED,
  HORIZON_NEEDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const relation_kinds[] = {
  "member", "head", "in-charge", "assigned-town", "linked-enterprise", NULL
};

static void
quorum_store_dispose (GObject *object)
{
  QuorumStore *self = (QuorumStore *)object;

  _quorum_store_bulk_free (self);
  g_clear_object (&self->database);
  g_clear_object (&self->workdays);

  G_OBJECT_CLASS (quorum_store_parent_class)->dispose (object);
}

static void
quorum_store_finalize (GObject *object)
{
  QuorumStore *self = (QuorumStore *)object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->makeup_duties, g_hash_table_unref);
  g_clear_pointer (&self->duty_kinds, g_hash_table_unref);
  g_clear_pointer (&self->batch_changes, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_store_parent_class)->finalize (object);
}

static void
quorum_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuorumStore *self = QUORUM_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_MATERIALIZE_ON_READ:
      g_value_set_boolean (value, quorum_store_get_materialize_on_read (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QuorumStore *self = QUORUM_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_MATERIALIZE_ON_READ:
      quorum_store_set_materialize_on_read (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_store_class_init (QuorumStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_store_dispose;
  object_class->finalize = quorum_store_finalize;
  object_class->get_property = quorum_store_get_property;
  object_class->set_property = quorum_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, QUORUM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * QuorumStore:materialize-on-read:
   *
   * Whether a query that reaches past the horizon (the time up to which
   * occurrences exist as rows) first creates the missing rows, as it does by
   * default. Creating them is a write over every series, which on a big
   * office takes long: a store on a thread that must stay responsive (the
   * GUI's) turns this off. Its queries then answer from the rows there are,
   * and the store emits #QuorumStore::horizon-needed for someone to create
   * the rest elsewhere (see quorum_store_materialize()).
   */
  properties[PROP_MATERIALIZE_ON_READ] =
    g_param_spec_boolean ("materialize-on-read", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumStore::changed:
   * @self: the store
   * @entity: what changed: `person`, `unit`, `relation`, `series`,
   *   `occurrence`, `attendance`, `makeup`, `record`, `leave` or `rulebook`
   * @id: the id of the changed row (for attendance: the occurrence), or 0
   *
   * Emitted after every committed write, so that views can refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * QuorumStore::horizon-needed:
   * @self: the store
   * @until: the time up to which occurrences should exist as rows
   *
   * Emitted, when #QuorumStore:materialize-on-read is off, by a query that
   * reached past the horizon (it answered without the rows it lacks), and by
   * quorum_store_check_horizon(). A handler has the rows created up to
   * @until, e.g. by quorum_store_materialize() on another connection in a
   * thread; once that commits, quorum_store_poll_external_changes() sees it
   * and views read again. A need is announced once: a later query within
   * @until does not emit it again. Handlers must not query the store.
   */
  signals[HORIZON_NEEDED] =
    g_signal_new ("horizon-needed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);
}

static void
quorum_store_init (QuorumStore *self)
{
  self->actor = g_strdup (g_get_user_name ());
  self->longest_span = -1;
}

/* Plumbing shared by the store's files ----------------------------------- */

GDateTime *
_quorum_store_now (QuorumStore *self)
{
  if (self->now != NULL)
    return g_date_time_ref (self->now);
  return g_date_time_new_now_local ();
}

/* Writes @value as @width decimal digits, zero-padded, and returns the end. */
static char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    p[i] = (char)('0' + value % 10);
  return p + width;
}

/* "YYYY-MM-DDTHH:MM:SS" of @datetime's own wall clock into @buf (20 bytes). */
static char *
put_local (char      *buf,
           GDateTime *datetime)
{
  int year, month, day;
  char *p = buf;

  g_date_time_get_ymd (datetime, &year, &month, &day);
  p = put_digits (p, year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, g_date_time_get_hour (datetime), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_minute (datetime), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_second (datetime), 2);
  *p = '\0';
  return p;
}

/* "YYYY-MM-DDTHH:MM:SS+HH:MM" of @datetime into @buf, nul-terminated:
 * returns its length. */
gsize
_quorum_store_print_instant (char      *buf,
                             GDateTime *datetime)
{
  GTimeSpan offset = g_date_time_get_utc_offset (datetime) / G_TIME_SPAN_MINUTE;
  char *p;

  /* As g_date_time_format ("%Y-%m-%dT%H:%M:%S%:z") would, many times faster
   * (nor through printf): the store writes these by the thousand. Years
   * have four digits: GDateTime has no others. */
  p = put_local (buf, datetime);
  *p++ = offset < 0 ? '-' : '+';
  p = put_digits (p, (int)(ABS (offset) / 60), 2);
  *p++ = ':';
  p = put_digits (p, (int)(ABS (offset) % 60), 2);
  *p = '\0';
  return p - buf;
}

/* "YYYY-MM-DDTHH:MM:SS" of @datetime's wall clock into @buf: returns its
 * length. */
gsize
_quorum_store_print_local (char      *buf,
                           GDateTime *datetime)
{
  return put_local (buf, datetime) - buf;
}

char *
_quorum_store_format_instant (GDateTime *datetime)
{
  char buf[QUORUM_STORE_INSTANT_SIZE];
  gsize len = _quorum_store_print_instant (buf, datetime);

  return g_strndup (buf, len);
}

char *
_quorum_store_format_local (GDateTime *datetime)
{
  char buf[QUORUM_STORE_INSTANT_SIZE];
  gsize len = _quorum_store_print_local (buf, datetime);

  return g_strndup (buf, len);
}

char *
_quorum_store_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

GDate *
_quorum_store_parse_date (const char *text)
{
  int y, m, d;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

GDateTime *
_quorum_store_parse_instant (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

void
_quorum_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* As _quorum_store_bind_text() without a copy: @text must stay as it is
 * until @stmt has been stepped, for statements bound and stepped at once
 * row after row (the copy cost as much as the insert's own record). */
void
_quorum_store_bind_text_static (sqlite3_stmt *stmt,
                                int           index,
                                const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
_quorum_store_bind_id (sqlite3_stmt *stmt,
                       int           index,
                       gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

void
_quorum_store_bind_date (sqlite3_stmt *stmt,
                         int           index,
                         const GDate  *date)
{
  g_autofree char *text = _quorum_store_format_date (date);

  _quorum_store_bind_text (stmt, index, text);
}

const char *
_quorum_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

sqlite3_stmt *
_quorum_store_prepare (QuorumStore  *self,
                       const char   *sql,
                       GError      **error)
{
  return _quorum_database_prepare (self->database, sql, error);
}

gboolean
_quorum_store_step_done (QuorumStore   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _quorum_database_set_error (self->database, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_quorum_store_step_row (QuorumStore   *self,
                        sqlite3_stmt  *stmt,
                        gboolean      *out_row,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *out_row = rc == SQLITE_ROW;
      return TRUE;
    }

  *out_row = FALSE;
  _quorum_database_set_error (self->database, rc, error);
  return FALSE;
}

gint64
_quorum_store_last_insert_id (QuorumStore *self)
{
  return sqlite3_last_insert_rowid (_quorum_database_get_handle (self->database));
}

gboolean
_quorum_store_begin (QuorumStore  *self,
                     GError      **error)
{
  if (self->bulk != NULL)
    return _quorum_store_bulk_begin_call (self, error);
  return _quorum_database_begin (self->database, error);
}

/* Commits when @ok, else rolls back: the one exit of every write. */
gboolean
_quorum_store_end (QuorumStore  *self,
                   gboolean      ok,
                   GError      **error)
{
  if (self->bulk != NULL)
    return _quorum_store_bulk_end_call (self, ok, error);
  if (!ok)
    {
      _quorum_database_rollback (self->database);
      return FALSE;
    }
  return _quorum_database_commit (self->database, error);
}

/* SQLite's page cache while one transaction writes many rows: ten years of
 * a hundred series, or an import of 100 000 events, dirty 20 to 40 MB of
 * pages, and in the default 2 MB most of them were written to the WAL
 * before the commit, page by page and again after every later change (a
 * third of the time of writing the rows). The cache takes only what is
 * written, and gives it back when set back. */
#define BULK_CACHE_SIZE "-65536"

/* Grows the page cache for a large write; returns the size to give to
 * _quorum_store_restore_cache() after the commit, or %NULL on error. */
char *
_quorum_store_grow_cache (QuorumStore  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _quorum_store_prepare (self, "PRAGMA cache_size", error);
  g_autofree char *saved = NULL;
  gboolean row = FALSE;

  if (stmt == NULL || !_quorum_store_step_row (self, stmt, &row, error))
    return NULL;
  saved = g_strdup_printf ("%" G_GINT64_FORMAT,
                           row ? (gint64)sqlite3_column_int64 (stmt, 0) : -2000);
  if (!_quorum_database_exec (self->database, "PRAGMA cache_size = " BULK_CACHE_SIZE, error))
    return NULL;
  return g_steal_pointer (&saved);
}

void
_quorum_store_restore_cache (QuorumStore *self,
                             const char  *saved)
{
  g_autofree char *restore = NULL;

  if (saved == NULL)
    return;
  restore = g_strconcat ("PRAGMA cache_size = ", saved, NULL);
  _quorum_database_exec (self->database, restore, NULL);
}

/* A row as a JSON object, for the audit trail; NULL when there is none.
 * @table and @where are constants of ours, never user input. */
char *
_quorum_store_row_json (QuorumStore *self,
                        const char  *table,
                        const char  *where,
                        gint64       key1,
                        gint64       key2)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", table, where);
  GString *json;

  if (!(stmt = _quorum_store_prepare (self, sql, NULL)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, key1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, key2);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  json = g_string_new ("{");
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      quorum_json_append_string (json, sqlite3_column_name (stmt, i));
      g_string_append_c (json, ':');

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          g_string_append_printf (json, "%" G_GINT64_FORMAT,
                                  (gint64)sqlite3_column_int64 (stmt, i));
          break;

        case SQLITE_FLOAT:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (json, g_ascii_dtostr (buf, sizeof buf,
                                                   sqlite3_column_double (stmt, i)));
          }
          break;

        case SQLITE_NULL:
          g_string_append (json, "null");
          break;

        default:
          quorum_json_append_string (json, _quorum_store_column_text (stmt, i));
          break;
        }
    }
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

gboolean
_quorum_store_audit (QuorumStore  *self,
                     const char   *entity,
                     gint64        entity_id,
                     const char   *action,
                     const char   *before_json,
                     const char   *after_json,
                     const char   *actor,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  const char *who = actor != NULL && actor[0] != '\0' ? actor : self->actor;

  /* A bulk load writes one summary row instead (quorum_store_end_bulk()). */
  if (self->bulk != NULL)
    {
      _quorum_store_bulk_count_audit (self);
      return TRUE;
    }

  now = _quorum_store_now (self);
  at = _quorum_store_format_instant (now);

  /* Tamper evidence: each row carries the hash of the one before it. */
  if (!_quorum_store_audit_last_hash (self, &prev_hash, error))
    return FALSE;
  hash = _quorum_store_audit_hash (prev_hash, at, who, entity, entity_id, action,
                                   before_json, after_json);

  if (!(stmt = _quorum_store_prepare (self,
                                      "INSERT INTO audit (at, actor, entity, entity_id, action,"
                                      " before_json, after_json, prev_hash, hash)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                      error)))
    return FALSE;

  _quorum_store_bind_text (stmt, 1, at);
  _quorum_store_bind_text (stmt, 2, who);
  _quorum_store_bind_text (stmt, 3, entity);
  sqlite3_bind_int64 (stmt, 4, entity_id);
  _quorum_store_bind_text (stmt, 5, action);
  _quorum_store_bind_text (stmt, 6, before_json);
  _quorum_store_bind_text (stmt, 7, after_json);
  _quorum_store_bind_text (stmt, 8, prev_hash);
  _quorum_store_bind_text (stmt, 9, hash);

  return _quorum_store_step_done (self, stmt, error);
}

/* The rows a query read, as a list model filled in one splice (one
 * items-changed for the whole batch). */
GListModel *
_quorum_store_list_model (GType      item_type,
                          GPtrArray *items)
{
  GListStore *list = g_list_store_new (item_type);

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

gboolean
_quorum_store_check_exists (QuorumStore  *self,
                            const char   *table,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  gboolean row = FALSE;

  if (!(stmt = _quorum_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;

  if (!row)
    {
      g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (g_str_equal (table, "person"))
        g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                     _("There is no person with id %s."), ids);
      else if (g_str_equal (table, "unit"))
        g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                     _("There is no unit with id %s."), ids);
      else if (g_str_equal (table, "series"))
        g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                     _("There is no series with id %s."), ids);
      else if (g_str_equal (table, "occurrence"))
        g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                     _("There is no occurrence with id %s."), ids);
      else if (g_str_equal (table, "leave"))
        g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                     _("There is no leave request with id %s."), ids);
      else
        g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                     _("There is no relation with id %s."), ids);
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql (binding ?1 = @id and, when it has one, ?2 = @text) on one row of
 * @table in its own transaction, with the audit row, then emits ::changed
 * with the table name as entity. */
gboolean
_quorum_store_update_row (QuorumStore  *self,
                          const char   *table,
                          gint64        id,
                          const char   *action,
                          const char   *sql,
                          const char   *text,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, table, "id = ?1", id, 0);
  ok = (stmt = _quorum_store_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        _quorum_store_bind_text (stmt, 2, text);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  /* A cancelled occurrence changes what calendars show of its series. */
  if (ok && g_str_equal (table, "occurrence") && g_str_equal (action, "cancel"))
    ok = _quorum_store_touch_series (self, id, error);
  ok = ok && _quorum_store_audit_row (self, table, id, action, before, error);
  return _quorum_store_end_changed (self, ok, table, id, error);
}

/* Audits @action on the row of @table with id @id: @before_json as it
 * was (or %NULL), and the row as it is now. */
gboolean
_quorum_store_audit_row (QuorumStore  *self,
                         const char   *table,
                         gint64        id,
                         const char   *action,
                         const char   *before_json,
                         GError      **error)
{
  g_autofree char *after = _quorum_store_row_json (self, table, "id = ?1", id, 0);

  return _quorum_store_audit (self, table, id, action, before_json, after, NULL, error);
}

/* Ends the transaction begun with _quorum_store_begin() (commits if @ok,
 * else rolls back) and, once committed, emits ::changed for @entity @id. */
gboolean
_quorum_store_end_changed (QuorumStore  *self,
                           gboolean      ok,
                           const char   *entity,
                           gint64        id,
                           GError      **error)
{
  if (!_quorum_store_end (self, ok, error))
    return FALSE;

  _quorum_store_emit_changed (self, entity, id);
  return TRUE;
}

/* Ends the transaction of an INSERT into @table (ok: the row was inserted
 * by the last statement): audits the new row as "add", commits and emits
 * ::changed for it. Returns its id, or 0 after rolling back with @error set. */
gint64
_quorum_store_end_add (QuorumStore  *self,
                       const char   *table,
                       gboolean      ok,
                       GError      **error)
{
  gint64 id = ok ? _quorum_store_last_insert_id (self) : 0;

  ok = ok && _quorum_store_audit_row (self, table, id, "add", NULL, error);
  return _quorum_store_end_changed (self, ok, table, id, error) ? id : 0;
}

void
_quorum_store_emit_changed (QuorumStore *self,
                            const char  *entity,
                            gint64       id)
{
  /* quorum_store_end_bulk() emits once for the whole load. */
  if (self->bulk != NULL)
    return;

  if (self->batch_depth > 0)
    {
      /* Views must not read half a batch: remember what changed, once. */
      if (self->batch_changes == NULL)
        self->batch_changes = g_ptr_array_new_with_free_func (g_free);
      if (!g_ptr_array_find_with_equal_func (self->batch_changes, entity, g_str_equal, NULL))
        g_ptr_array_add (self->batch_changes, g_strdup (entity));
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0, entity, id);
}

void
_quorum_store_emit_horizon_needed (QuorumStore *self,
                                   GDateTime   *until)
{
  g_signal_emit (self, signals[HORIZON_NEEDED], 0, until);
}

gboolean
_quorum_store_invalid (GError     **error,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

/* Enum values are stored by their nick ("not-held", "official-business"). */
const char *
_quorum_store_enum_nick (GType type,
                         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

int
_quorum_store_enum_value (GType       type,
                          const char *nick,
                          int         fallback)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return fallback;
  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  return ev != NULL ? ev->value : fallback;
}

char *
_quorum_store_dup_meta (QuorumStore *self,
          const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _quorum_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL)))
    return NULL;
  _quorum_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (_quorum_store_column_text (stmt, 0));
}

gboolean
_quorum_store_set_meta (QuorumStore  *self,
          const char   *key,
          const char   *value,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _quorum_store_prepare (self,
                                      "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                      error)))
    return FALSE;
  _quorum_store_bind_text (stmt, 1, key);
  _quorum_store_bind_text (stmt, 2, value);
  return _quorum_store_step_done (self, stmt, error);
}

/* Duties whose absentees must make the session up (Makeup=true). */
GHashTable *
_quorum_store_get_makeup_duties (QuorumStore *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_auto(GStrv) groups = NULL;

  if (self->makeup_duties != NULL)
    return self->makeup_duties;

  self->makeup_duties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_clear_pointer (&self->duty_kinds, g_hash_table_unref);
  self->duty_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data = _quorum_store_dup_meta (self, "rulebook");
  keyfile = g_key_file_new ();
  if (data == NULL || !g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_NONE, NULL))
    return self->makeup_duties;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *id = groups[i] + strlen ("Duty ");
      char *kind;

      if (!g_str_has_prefix (groups[i], "Duty "))
        continue;
      if (g_key_file_get_boolean (keyfile, groups[i], "Makeup", NULL))
        g_hash_table_add (self->makeup_duties, g_strdup (id));
      if ((kind = g_key_file_get_string (keyfile, groups[i], "Kind", NULL)) != NULL)
        g_hash_table_insert (self->duty_kinds, g_strdup (id), kind);
    }

  return self->makeup_duties;
}

/* The Kind= of a duty in the stored rulebook (views colour events by it,
 * exports write it as CATEGORIES), or NULL. */
const char *
_quorum_store_get_duty_kind (QuorumStore *self,
                             const char  *duty_id)
{
  if (duty_id == NULL)
    return NULL;

  _quorum_store_get_makeup_duties (self);
  return self->duty_kinds != NULL ? g_hash_table_lookup (self->duty_kinds, duty_id) : NULL;
}

QuorumWorkdays *
_quorum_store_get_workdays (QuorumStore  *self,
                            GError      **error)
{
  if (self->workdays == NULL)
    self->workdays = quorum_workdays_new_default (error);
  return self->workdays;
}

/* Public API ----------------------------------------------------------------- */

/**
 * quorum_store_new:
 * @database: an open database
 *
 * Returns: (transfer full): a store over @database
 */
QuorumStore *
quorum_store_new (QuorumDatabase *database)
{
  g_return_val_if_fail (QUORUM_IS_DATABASE (database), NULL);

  return g_object_new (QUORUM_TYPE_STORE, "database", database, NULL);
}

/**
 * quorum_store_open:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens @path (creating and migrating it as quorum_database_open() does)
 * and returns a store over that connection, which the store keeps. For a
 * worker thread that needs its own connection to the same database.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
QuorumStore *
quorum_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(QuorumDatabase) database = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(database = quorum_database_open (path, error)))
    return NULL;
  return quorum_store_new (database);
}

/**
 * quorum_store_poll_external_changes:
 * @self: a #QuorumStore
 *
 * Checks whether another connection (another window's store, `quorum-cli`
 * while the app runs) committed since the last call, and if so emits
 * #QuorumStore::changed with the entity `external` and id 0. Cheap enough to
 * call every couple of seconds: it reads SQLite's `PRAGMA data_version`,
 * which changes only for commits made by other connections.
 *
 * Returns: %TRUE when something changed elsewhere
 */
gboolean
quorum_store_poll_external_changes (QuorumStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(stmt = _quorum_database_prepare (self->database, "PRAGMA data_version", NULL)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  version = sqlite3_column_int (stmt, 0);
  if (self->data_version == 0 || version == self->data_version)
    {
      self->data_version = version;
      return FALSE;
    }

  self->data_version = version;
  _quorum_store_emit_changed (self, "external", 0);
  return TRUE;
}

/**
 * quorum_store_get_change_stamp:
 * @self: a #QuorumStore
 *
 * Tells whether the database may have changed since an earlier call: the
 * stamp moves on with every row this store writes and with every commit of
 * another connection (another window's store, `quorum-cli`), at once,
 * without waiting for quorum_store_poll_external_changes(). For caches of
 * query results: a result kept with the stamp read after the query is
 * still right while the stamp stays the same. Costs one `PRAGMA
 * data_version`.
 *
 * Returns: a number that never comes back once it has moved on
 */
guint64
quorum_store_get_change_stamp (QuorumStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3_int64 changes;
  gint64 version = -1;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  changes = sqlite3_total_changes64 (_quorum_database_get_handle (self->database));
  /* Unreadable: a stamp of its own, so nothing is taken as unchanged. */
  if ((stmt = _quorum_database_prepare (self->database, "PRAGMA data_version", NULL)) != NULL &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);

  if (version < 0 || version != self->stamp_version || changes != self->stamp_changes ||
      self->change_stamp == 0)
    {
      self->change_stamp++;
      self->stamp_version = version;
      self->stamp_changes = changes;
    }
  return self->change_stamp;
}

/* Settings live in the meta table under their own prefix, apart from the
 * store's bookkeeping keys. */
#define SETTING_PREFIX "setting:"

/**
 * quorum_store_dup_setting:
 * @self: a #QuorumStore
 * @key: the setting's name, e.g. `caldav-url`
 *
 * Reads a setting kept in the database with the data it describes (unlike
 * GSettings, it travels with the database and is seen by `quorum-cli`).
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
quorum_store_dup_setting (QuorumStore *self,
                          const char  *key)
{
  g_autofree char *meta_key = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  meta_key = g_strconcat (SETTING_PREFIX, key, NULL);
  return _quorum_store_dup_meta (self, meta_key);
}

/**
 * quorum_store_set_setting:
 * @self: a #QuorumStore
 * @key: the setting's name
 * @value: (nullable): its new value; %NULL removes it
 * @error: return location for a #GError
 *
 * Writes a setting (see quorum_store_dup_setting()). Settings are not
 * audited and do not emit #QuorumStore::changed: they describe how the data
 * is shared, not the data.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_set_setting (QuorumStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *meta_key = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  meta_key = g_strconcat (SETTING_PREFIX, key, NULL);
  if (value != NULL)
    return _quorum_store_set_meta (self, meta_key, value, error);

  if (!(stmt = _quorum_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error)))
    return FALSE;
  _quorum_store_bind_text (stmt, 1, meta_key);
  return _quorum_store_step_done (self, stmt, error);
}

/**
 * quorum_store_get_database:
 * @self: a #QuorumStore
 *
 * Returns: (transfer none): the database
 */
QuorumDatabase *
quorum_store_get_database (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->database;
}

/**
 * quorum_store_set_materialize_on_read:
 * @self: a #QuorumStore
 * @materialize: whether queries past the horizon create the missing rows
 *
 * Sets #QuorumStore:materialize-on-read. With %FALSE, no query writes: one
 * that reaches past the horizon answers from the rows there are and emits
 * #QuorumStore::horizon-needed instead.
 */
void
quorum_store_set_materialize_on_read (QuorumStore *self,
                                      gboolean     materialize)
{
  g_return_if_fail (QUORUM_IS_STORE (self));

  materialize = !!materialize;
  if (self->defer_materialize == !materialize)
    return;

  self->defer_materialize = !materialize;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATERIALIZE_ON_READ]);
}

/**
 * quorum_store_get_materialize_on_read:
 * @self: a #QuorumStore
 *
 * Returns: whether queries past the horizon create the missing rows
 */
gboolean
quorum_store_get_materialize_on_read (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), TRUE);

  return !self->defer_materialize;
}

/**
 * quorum_store_set_now:
 * @self: a #QuorumStore
 * @now: (nullable): the time to use as "now", or %NULL for the real clock
 *
 * Freezes the store's clock: it decides what is past (kept when a rule is
 * edited), stamps the audit trail and is the default filing time of leave.
 */
void
quorum_store_set_now (QuorumStore *self,
                      GDateTime   *now)
{
  g_return_if_fail (QUORUM_IS_STORE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

/**
 * quorum_store_dup_now:
 * @self: a #QuorumStore
 *
 * Returns: (transfer full): the store's "now"
 */
GDateTime *
quorum_store_dup_now (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return _quorum_store_now (self);
}

/**
 * quorum_store_get_actor:
 * @self: a #QuorumStore
 *
 * Returns: (transfer none): who the audit trail names for writes that do not
 *   name anyone; the login name unless set
 */
const char *
quorum_store_get_actor (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->actor;
}

void
quorum_store_set_actor (QuorumStore *self,
                        const char  *actor)
{
  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (actor != NULL && actor[0] != '\0');

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

/**
 * quorum_store_run_batch:
 * @self: a #QuorumStore
 * @func: (scope call): writes through @self
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func in one transaction: the writes it makes through the store
 * (each of which is otherwise its own transaction) are committed together
 * when it returns %TRUE, and all rolled back when it returns %FALSE or the
 * commit fails. #QuorumStore::changed is held back until the commit, then
 * emitted once per kind of entity that changed, with id 0. Batches nest.
 *
 * Returns: %TRUE when @func succeeded and the batch was committed
 */
gboolean
quorum_store_run_batch (QuorumStore           *self,
                        QuorumStoreBatchFunc   func,
                        gpointer               user_data,
                        GError               **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  self->batch_depth++;
  ok = func (self, user_data, error);
  g_assert (!ok || error == NULL || *error == NULL);
  self->batch_depth--;

  ok = _quorum_store_end (self, ok, error);

  if (self->batch_depth > 0)
    return ok;

  changes = g_steal_pointer (&self->batch_changes);
  if (ok && changes != NULL)
    {
      for (guint i = 0; i < changes->len; i++)
        _quorum_store_emit_changed (self, g_ptr_array_index (changes, i), 0);
    }

  return ok;
}

/**
 * quorum_store_set_rulebook_data:
 * @self: a #QuorumStore
 * @data: the text of a rulebook (a key file with a `[Rulebook]` group and an `Id`)
 * @error: return location for a #GError
 *
 * Stores the rulebook inside the database, so that the file is
 * self-contained.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_set_rulebook_data (QuorumStore  *self,
                                const char   *data,
                                GError      **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error) ||
      !(id = g_key_file_get_string (keyfile, "Rulebook", "Id", &local_error)))
    {
      g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID,
                   _("The rulebook cannot be read: %s"), local_error->message);
      return FALSE;
    }

  before = _quorum_store_dup_meta (self, "rulebook_id");

  if (!_quorum_store_begin (self, error))
    return FALSE;
  ok = _quorum_store_set_meta (self, "rulebook", data, error) &&
       _quorum_store_set_meta (self, "rulebook_id", id, error);
  if (ok)
    {
      g_autoptr(GString) b = g_string_new ("{\"rulebook_id\":");
      g_autoptr(GString) a = g_string_new ("{\"rulebook_id\":");

      quorum_json_append_string (b, before);
      g_string_append_c (b, '}');
      quorum_json_append_string (a, id);
      g_string_append_c (a, '}');
      ok = _quorum_store_audit (self, "rulebook", 0, "set", b->str, a->str, NULL, error);
    }
  if (!_quorum_store_end (self, ok, error))
    return FALSE;

  g_clear_pointer (&self->makeup_duties, g_hash_table_unref);
  g_clear_pointer (&self->duty_kinds, g_hash_table_unref);
  _quorum_store_emit_changed (self, "rulebook", 0);
  return TRUE;
}

/**
 * quorum_store_dup_rulebook_data:
 * @self: a #QuorumStore
 *
 * Returns: (transfer full) (nullable): the stored rulebook text
 */
char *
quorum_store_dup_rulebook_data (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return _quorum_store_dup_meta (self, "rulebook");
}

/**
 * quorum_store_dup_rulebook_id:
 * @self: a #QuorumStore
 *
 * Returns: (transfer full) (nullable): the `Id` of the stored rulebook
 */
char *
quorum_store_dup_rulebook_id (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return _quorum_store_dup_meta (self, "rulebook_id");
}

/* People ------------------------------------------------------------------ */

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (copy[0] == '\0')
    return _quorum_store_invalid (error, "%s", _("The name must not be empty."));
  return TRUE;
}

/**
 * quorum_store_add_person:
 * @self: a #QuorumStore
 * @person: the person to add; its id is ignored
 * @error: return location for a #GError
 *
 * Returns: the new person's id, or 0 on error
 */
gint64
quorum_store_add_person (QuorumStore   *self,
                         QuorumPerson  *person,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (QUORUM_IS_PERSON (person), 0);

  if (!check_name (quorum_person_get_name (person), error))
    return 0;

  now = _quorum_store_now (self);
  created = _quorum_store_format_instant (now);

  if (!_quorum_store_begin (self, error))
    return 0;

  ok = (stmt = _quorum_store_prepare (self,
                                      "INSERT INTO person (name, title, rank, party_member,"
                                      " created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                      error)) != NULL;
  if (ok)
    {
      _quorum_store_bind_text (stmt, 1, quorum_person_get_name (person));
      _quorum_store_bind_text (stmt, 2, quorum_person_get_title (person) ?: "");
      sqlite3_bind_int (stmt, 3, quorum_person_get_rank (person));
      sqlite3_bind_int (stmt, 4, quorum_person_get_party_member (person));
      _quorum_store_bind_text (stmt, 5, created);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  return _quorum_store_end_add (self, "person", ok, error);
}

/**
 * quorum_store_update_person:
 * @self: a #QuorumStore
 * @person: a person read from the store, with edited name, title, rank or
 *   Party membership
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_update_person (QuorumStore   *self,
                            QuorumPerson  *person,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_PERSON (person), FALSE);

  id = quorum_person_get_id (person);
  if (!_quorum_store_check_exists (self, "person", id, error) ||
      !check_name (quorum_person_get_name (person), error))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, "person", "id = ?1", id, 0);
  ok = (stmt = _quorum_store_prepare (self,
                                      "UPDATE person SET name = ?2, title = ?3, rank = ?4,"
                                      " party_member = ?5 WHERE id = ?1",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      _quorum_store_bind_text (stmt, 2, quorum_person_get_name (person));
      _quorum_store_bind_text (stmt, 3, quorum_person_get_title (person) ?: "");
      sqlite3_bind_int (stmt, 4, quorum_person_get_rank (person));
      sqlite3_bind_int (stmt, 5, quorum_person_get_party_member (person));
      ok = _quorum_store_step_done (self, stmt, error);
    }
  ok = ok && _quorum_store_audit_row (self, "person", id, "update", before, error);
  return _quorum_store_end_changed (self, ok, "person", id, error);
}

/**
 * quorum_store_retire_person:
 * @self: a #QuorumStore
 * @person_id: the person
 * @on: (nullable): the first day the person no longer serves, or %NULL to
 *   undo a retirement
 * @error: return location for a #GError
 *
 * A retired person is no longer expected at occurrences from @on, and is
 * left out of quorum_store_list_people() unless asked for; their past
 * records stay.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_retire_person (QuorumStore  *self,
                            gint64        person_id,
                            GDate        *on,
                            GError      **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!_quorum_store_check_exists (self, "person", person_id, error))
    return FALSE;

  date = _quorum_store_format_date (on);
  return _quorum_store_update_row (self, "person", person_id, on != NULL ? "retire" : "unretire",
                                   "UPDATE person SET retired_on = ?2 WHERE id = ?1", date, error);
}

/* What refers to a person, as "assignments: 2, attendance: 5", or NULL. */
static char *
dup_person_references (QuorumStore  *self,
                       gint64        person_id,
                       gboolean     *out_ok,
                       GError      **error)
{
  static const struct {
    const char *sql;
    const char *label;
  } refs[] = {
    { "SELECT count(*) FROM relation WHERE person_id = ?1", N_("assignments") },
    { "SELECT count(*) FROM attendance WHERE person_id = ?1", N_("attendance entries") },
    { "SELECT count(*) FROM makeup WHERE person_id = ?1", N_("make-ups") },
    { "SELECT count(*) FROM record WHERE person_id = ?1", N_("personal records") },
    { "SELECT count(*) FROM leave WHERE person_id = ?1", N_("leave requests") },
    { "SELECT count(*) FROM series WHERE owner_id = ?1", N_("series they own") },
    { "SELECT count(*) FROM series_participant WHERE person_id = ?1", N_("series they take part in") },
  };
  g_autoptr(GString) found = g_string_new (NULL);

  *out_ok = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean row = FALSE;
      gint64 count;

      if (!(stmt = _quorum_store_prepare (self, refs[i].sql, error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (!_quorum_store_step_row (self, stmt, &row, error))
        return NULL;
      count = row ? sqlite3_column_int64 (stmt, 0) : 0;
      if (count == 0)
        continue;

      if (found->len > 0)
        g_string_append (found, _(", "));
      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);

        /* Translators: what refers to a person and how many, e.g. "assignments: 3" */
        g_string_append_printf (found, _("%s: %s"), _(refs[i].label), number);
      }
    }

  *out_ok = TRUE;
  return found->len > 0 ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
}

/**
 * quorum_store_delete_person:
 * @self: a #QuorumStore
 * @person_id: the person
 * @error: return location for a #GError
 *
 * Deletes someone entered by mistake. Anyone who has history (assignments,
 * attendance, make-ups, records, leave, series) is refused with
 * %QUORUM_STORE_ERROR_CONFLICT: retire them instead, which keeps it true.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_delete_person (QuorumStore  *self,
                            gint64        person_id,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(QuorumPerson) person = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(person = quorum_store_get_person (self, person_id, error)))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  refs = dup_person_references (self, person_id, &ok, error);
  if (ok && refs != NULL)
    {
      g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT,
                   _("“%s” cannot be deleted because other entries refer to them (%s). "
                     "Retire them instead: that keeps their history."),
                   quorum_person_get_name (person), refs);
      ok = FALSE;
    }
  if (ok)
    {
      before = _quorum_store_row_json (self, "person", "id = ?1", person_id, 0);
      ok = (stmt = _quorum_store_prepare (self, "DELETE FROM person WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  if (ok)
    ok = _quorum_store_audit (self, "person", person_id, "delete", before, NULL, NULL, error);
  return _quorum_store_end_changed (self, ok, "person", person_id, error);
}

static QuorumPerson *
person_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDate) retired = _quorum_store_parse_date (_quorum_store_column_text (stmt, 5));

  return g_object_new (QUORUM_TYPE_PERSON,
                       "id", (gint64)sqlite3_column_int64 (stmt, 0),
                       "name", _quorum_store_column_text (stmt, 1),
                       "title", _quorum_store_column_text (stmt, 2),
                       "rank", sqlite3_column_int (stmt, 3),
                       "party-member", sqlite3_column_int (stmt, 4) != 0,
                       "retired-on", retired,
                       NULL);
}

#define PERSON_COLUMNS "id, name, title, rank, party_member, retired_on"

/**
 * quorum_store_get_person:
 * @self: a #QuorumStore
 * @person_id: the person
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the person, or %NULL with
 *   %QUORUM_STORE_ERROR_NOT_FOUND
 */
QuorumPerson *
quorum_store_get_person (QuorumStore  *self,
                         gint64        person_id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT " PERSON_COLUMNS " FROM person WHERE id = ?1",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _quorum_store_check_exists (self, "person", person_id, error);
      return NULL;
    }
  return person_from_row (stmt);
}

/**
 * quorum_store_list_people:
 * @self: a #QuorumStore
 * @include_retired: also list people retired before today
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #QuorumPerson, most senior
 *   (lowest rank) first
 */
GListModel *
quorum_store_list_people (QuorumStore  *self,
                          gboolean      include_retired,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  now = _quorum_store_now (self);
  today = g_date_time_format (now, "%Y-%m-%d");

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT " PERSON_COLUMNS " FROM person"
                                      " WHERE ?1 OR retired_on IS NULL OR retired_on > ?2"
                                      " ORDER BY rank, id",
                                      error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, include_retired);
  _quorum_store_bind_text (stmt, 2, today);

  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (items, person_from_row (stmt));
  if (!ok)
    return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_PERSON, items);
}

/**
 * quorum_store_move_person:
 * @self: a #QuorumStore
 * @person_id: the person to move
 * @position: the new place in the order, 0 for the most senior
 * @error: return location for a #GError
 *
 * Reorders people: ranks are renumbered 10, 20, 30… in the new order.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_move_person (QuorumStore  *self,
                          gint64        person_id,
                          guint         position,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  gboolean ok;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!_quorum_store_check_exists (self, "person", person_id, error))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, "person", "id = ?1", person_id, 0);
  ok = (select = _quorum_store_prepare (self, "SELECT id FROM person ORDER BY rank, id",
                                        error)) != NULL &&
       (update = _quorum_store_prepare (self, "UPDATE person SET rank = ?2 WHERE id = ?1",
                                        error)) != NULL;
  while (ok && (ok = _quorum_store_step_row (self, select, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      if (id != person_id)
        g_array_append_val (ids, id);
    }
  if (ok)
    g_array_insert_val (ids, MIN (position, ids->len), person_id);

  for (guint i = 0; ok && i < ids->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (update, 2, (i + 1) * 10);
      ok = _quorum_store_step_done (self, update, error);
    }
  ok = ok && _quorum_store_audit_row (self, "person", person_id, "move", before, error);
  return _quorum_store_end_changed (self, ok, "person", person_id, error);
}

/* Units ------------------------------------------------------------------- */

static gboolean
check_unit (QuorumUnit  *unit,
            GError     **error)
{
  if (!check_name (quorum_unit_get_name (unit), error))
    return FALSE;
  if (!quorum_unit_kind_is_valid (quorum_unit_get_kind (unit)))
    return _quorum_store_invalid (error,
                                  _("“%s” is not a unit kind. Use government, leadership-group, "
                                    "party-group, department, town, branch, enterprise or "
                                    "executive-meeting."),
                                  quorum_unit_get_kind (unit) ?: "");
  return TRUE;
}

static gboolean
write_unit (QuorumStore  *self,
            QuorumUnit   *unit,
            gint64       *inout_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 parent_id = quorum_unit_get_parent_id (unit);
  gboolean adding = *inout_id == 0;
  gboolean ok;

  if (!check_unit (unit, error) ||
      (parent_id != 0 && !_quorum_store_check_exists (self, "unit", parent_id, error)) ||
      (!adding && !_quorum_store_check_exists (self, "unit", *inout_id, error)))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  if (!adding)
    before = _quorum_store_row_json (self, "unit", "id = ?1", *inout_id, 0);

  ok = (stmt = _quorum_store_prepare (self,
                                      adding
                                      ? "INSERT INTO unit (name, kind, parent_id, rank)"
                                        " VALUES (?2, ?3, ?4, ?5)"
                                      : "UPDATE unit SET name = ?2, kind = ?3, parent_id = ?4,"
                                        " rank = ?5 WHERE id = ?1",
                                      error)) != NULL;
  if (ok)
    {
      if (!adding)
        sqlite3_bind_int64 (stmt, 1, *inout_id);
      _quorum_store_bind_text (stmt, 2, quorum_unit_get_name (unit));
      _quorum_store_bind_text (stmt, 3, quorum_unit_get_kind (unit));
      _quorum_store_bind_id (stmt, 4, parent_id);
      sqlite3_bind_int (stmt, 5, quorum_unit_get_rank (unit));
      ok = _quorum_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      if (adding)
        *inout_id = _quorum_store_last_insert_id (self);
      ok = _quorum_store_audit_row (self, "unit", *inout_id, adding ? "add" : "update",
                                    before, error);
    }
  return _quorum_store_end_changed (self, ok, "unit", *inout_id, error);
}

/**
 * quorum_store_add_unit:
 * @self: a #QuorumStore
 * @unit: the unit to add; its id is ignored
 * @error: return location for a #GError
 *
 * Returns: the new unit's id, or 0 on error
 */
gint64
quorum_store_add_unit (QuorumStore  *self,
                       QuorumUnit   *unit,
                       GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (QUORUM_IS_UNIT (unit), 0);

  return write_unit (self, unit, &id, error) ? id : 0;
}

/**
 * quorum_store_update_unit:
 * @self: a #QuorumStore
 * @unit: a unit read from the store, edited
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_update_unit (QuorumStore  *self,
                          QuorumUnit   *unit,
                          GError      **error)
{
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_UNIT (unit), FALSE);

  id = quorum_unit_get_id (unit);
  if (id == 0)
    return _quorum_store_check_exists (self, "unit", id, error);
  return write_unit (self, unit, &id, error);
}

static QuorumUnit *
unit_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (QUORUM_TYPE_UNIT,
                       "id", (gint64)sqlite3_column_int64 (stmt, 0),
                       "name", _quorum_store_column_text (stmt, 1),
                       "kind", _quorum_store_column_text (stmt, 2),
                       "parent-id", (gint64)sqlite3_column_int64 (stmt, 3),
                       "rank", sqlite3_column_int (stmt, 4),
                       NULL);
}

/**
 * quorum_store_get_unit:
 * @self: a #QuorumStore
 * @unit_id: the unit
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the unit, or %NULL with %QUORUM_STORE_ERROR_NOT_FOUND
 */
QuorumUnit *
quorum_store_get_unit (QuorumStore  *self,
                       gint64        unit_id,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT id, name, kind, parent_id, rank FROM unit"
                                      " WHERE id = ?1",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _quorum_store_check_exists (self, "unit", unit_id, error);
      return NULL;
    }
  return unit_from_row (stmt);
}

/**
 * quorum_store_list_units:
 * @self: a #QuorumStore
 * @kind: (nullable): only units of this kind
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #QuorumUnit by rank
 */
GListModel *
quorum_store_list_units (QuorumStore  *self,
                         const char   *kind,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT id, name, kind, parent_id, rank FROM unit"
                                      " WHERE ?1 IS NULL OR kind = ?1 ORDER BY rank, id",
                                      error)))
    return NULL;
  _quorum_store_bind_text (stmt, 1, kind);

  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (items, unit_from_row (stmt));
  if (!ok)
    return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_UNIT, items);
}

/* Relations --------------------------------------------------------------- */

static gboolean
check_relation_kind (QuorumStore  *self,
                     gint64        unit_id,
                     const char   *kind,
                     GError      **error)
{
  g_autoptr(QuorumUnit) unit = NULL;

  if (!quorum_relation_kind_is_valid (kind))
    return _quorum_store_invalid (error,
                                  _("“%s” is not a relation kind. Use member, head, in-charge, "
                                    "assigned-town or linked-enterprise."),
                                  kind ?: "");

  if (!(unit = quorum_store_get_unit (self, unit_id, error)))
    return FALSE;

  if ((g_str_equal (kind, "assigned-town") &&
       !g_str_equal (quorum_unit_get_kind (unit), "town")) ||
      (g_str_equal (kind, "linked-enterprise") &&
       !g_str_equal (quorum_unit_get_kind (unit), "enterprise")))
    return _quorum_store_invalid (error,
                                  _("A relation of kind “%s” cannot point to “%s”, a unit of "
                                    "kind “%s”."),
                                  kind, quorum_unit_get_name (unit), quorum_unit_get_kind (unit));
  return TRUE;
}

/**
 * quorum_store_add_relation:
 * @self: a #QuorumStore
 * @person_id: the person
 * @unit_id: the unit
 * @kind: `member`, `head`, `in-charge`, `assigned-town` (the unit must be a
 *   town) or `linked-enterprise` (the unit must be an enterprise)
 * @start: the first day the relation applies
 * @end: (nullable): the last day it applies, or %NULL while it lasts
 * @error: return location for a #GError
 *
 * Returns: the relation's id, or 0 on error
 */
gint64
quorum_store_add_relation (QuorumStore  *self,
                           gint64        person_id,
                           gint64        unit_id,
                           const char   *kind,
                           GDate        *start,
                           GDate        *end,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!_quorum_store_check_exists (self, "person", person_id, error) ||
      !check_relation_kind (self, unit_id, kind, error))
    return 0;
  if (start == NULL || !g_date_valid (start))
    return _quorum_store_invalid (error, "%s", _("A relation needs the date it starts."));
  if (end != NULL && g_date_compare (end, start) < 0)
    return _quorum_store_invalid (error, "%s", _("A relation cannot end before it starts."));

  if (!_quorum_store_begin (self, error))
    return 0;

  ok = (stmt = _quorum_store_prepare (self,
                                      "INSERT INTO relation (person_id, unit_id, kind,"
                                      " start_date, end_date) VALUES (?1, ?2, ?3, ?4, ?5)",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, unit_id);
      _quorum_store_bind_text (stmt, 3, kind);
      _quorum_store_bind_date (stmt, 4, start);
      _quorum_store_bind_date (stmt, 5, end);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  return _quorum_store_end_add (self, "relation", ok, error);
}

/**
 * quorum_store_end_relation:
 * @self: a #QuorumStore
 * @relation_id: the relation
 * @end: the last day it applies
 * @error: return location for a #GError
 *
 * Ends a relation: occurrences after @end no longer count its person, the
 * ones before still do.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_end_relation (QuorumStore  *self,
                           gint64        relation_id,
                           GDate        *end,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  if (!_quorum_store_check_exists (self, "relation", relation_id, error))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, "relation", "id = ?1", relation_id, 0);
  ok = (stmt = _quorum_store_prepare (self,
                                      "UPDATE relation SET end_date = ?2 WHERE id = ?1"
                                      " AND start_date <= ?2 RETURNING id",
                                      error)) != NULL;
  if (ok)
    {
      gboolean row = FALSE;

      sqlite3_bind_int64 (stmt, 1, relation_id);
      _quorum_store_bind_date (stmt, 2, end);
      ok = _quorum_store_step_row (self, stmt, &row, error);
      if (ok && !row)
        ok = _quorum_store_invalid (error, "%s", _("A relation cannot end before it starts."));
      g_clear_pointer (&stmt, _quorum_statement_release);
    }
  ok = ok && _quorum_store_audit_row (self, "relation", relation_id, "end", before, error);
  return _quorum_store_end_changed (self, ok, "relation", relation_id, error);
}

/**
 * quorum_store_list_relations_at:
 * @self: a #QuorumStore
 * @person_id: only this person's relations, or 0
 * @unit_id: only relations to this unit, or 0
 * @date: (nullable): only relations that apply on this day, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type QuorumRelation): the relations,
 *   oldest first
 */
GPtrArray *
quorum_store_list_relations_at (QuorumStore  *self,
                                gint64        person_id,
                                gint64        unit_id,
                                GDate        *date,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT id, person_id, unit_id, kind, start_date, end_date"
                                      " FROM relation"
                                      " WHERE (?1 = 0 OR person_id = ?1) AND (?2 = 0 OR unit_id = ?2)"
                                      "   AND (?3 IS NULL OR (start_date <= ?3 AND"
                                      "        (end_date IS NULL OR end_date >= ?3)))"
                                      " ORDER BY start_date, id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (person_id, 0));
  sqlite3_bind_int64 (stmt, 2, MAX (unit_id, 0));
  _quorum_store_bind_date (stmt, 3, date);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_relation_unref);
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      QuorumRelation *relation = quorum_relation_new ();

      relation->id = sqlite3_column_int64 (stmt, 0);
      relation->person_id = sqlite3_column_int64 (stmt, 1);
      relation->unit_id = sqlite3_column_int64 (stmt, 2);
      relation->kind = g_strdup (_quorum_store_column_text (stmt, 3));
      relation->start = _quorum_store_parse_date (_quorum_store_column_text (stmt, 4));
      relation->end = _quorum_store_parse_date (_quorum_store_column_text (stmt, 5));
      g_ptr_array_add (result, relation);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * quorum_store_resolve_participants:
 * @self: a #QuorumStore
 * @series_id: the series
 * @at: the moment (its date in the series' time zone counts)
 * @error: return location for a #GError
 *
 * Who a series expects on a date: its named participants, the members and
 * heads of its participant units on that date, and its owner, leaving out
 * anyone retired by then.
 *
 * Returns: (transfer full) (element-type gint64): person ids, most senior first
 */
GArray *
quorum_store_resolve_participants (QuorumStore  *self,
                                   gint64        series_id,
                                   GDateTime    *at,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *day = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (at != NULL, NULL);

  if (!(series = quorum_store_get_series (self, series_id, error)))
    return NULL;

  if (!(tz = g_time_zone_new_identifier (quorum_series_get_tzid (series))))
    tz = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (at, tz);
  day = g_date_time_format (local, "%Y-%m-%d");

  if (!(stmt = _quorum_store_prepare (self,
                                      "WITH occ (id, series_id, day) AS (VALUES (0, ?1, ?2)), "
                                      QUORUM_STORE_EXPECTED_CTE
                                      " SELECT p.id FROM expected JOIN person p ON p.id = pid"
                                      " ORDER BY p.rank, p.id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  _quorum_store_bind_text (stmt, 2, day);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * quorum_relation_kind_is_valid:
 * @kind: (nullable): a string
 *
 * Returns: whether @kind is a kind of relation between a person and a unit:
 *   member, head, in-charge, assigned-town or linked-enterprise
 */
gboolean
quorum_relation_kind_is_valid (const char *kind)
{
  return kind != NULL && g_strv_contains ((const char * const *)relation_kinds, kind);
}
