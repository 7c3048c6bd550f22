/* quorum-store-bulk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk loading for the store (the demo office, imports). Between
 * quorum_store_begin_bulk() and quorum_store_end_bulk() every store call
 * runs inside one outer transaction: its own transaction becomes a
 * savepoint (so a refused call still leaves nothing behind), its audit row
 * is counted instead of written, and ::changed is held back. The end writes
 * one audit row that sums up the load and emits ::changed once, with the
 * entity `bulk`.
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quorum-store-bulk.h"
#include "quorum-store-private.h"

struct _QuorumStoreBulk
{
  GDateTime  *saved_now;
  char       *uid_namespace;
  char       *stamp;
  guint       uid_counter;
  guint       audits;
  /* SQL text (static strings of this file) → prepared statement */
  GHashTable *statements;
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bulk_free (struct _QuorumStoreBulk *bulk)
{
  g_clear_pointer (&bulk->saved_now, g_date_time_unref);
  g_clear_pointer (&bulk->uid_namespace, g_free);
  g_clear_pointer (&bulk->stamp, g_free);
  g_clear_pointer (&bulk->statements, g_hash_table_unref);
  g_free (bulk);
}

void
_quorum_store_bulk_free (QuorumStore *self)
{
  if (self->bulk == NULL)
    return;
  _quorum_database_rollback (self->database);
  g_clear_pointer (&self->bulk, bulk_free);
}

gboolean
_quorum_store_bulk_begin_call (QuorumStore  *self,
                               GError      **error)
{
  return _quorum_database_exec (self->database, "SAVEPOINT quorum_call", error);
}

gboolean
_quorum_store_bulk_end_call (QuorumStore  *self,
                             gboolean      ok,
                             GError      **error)
{
  if (!ok)
    {
      _quorum_database_exec (self->database, "ROLLBACK TO quorum_call", NULL);
      _quorum_database_exec (self->database, "RELEASE quorum_call", NULL);
      return FALSE;
    }
  return _quorum_database_exec (self->database, "RELEASE quorum_call", error);
}

void
_quorum_store_bulk_count_audit (QuorumStore *self)
{
  self->bulk->audits++;
}

/* A UUID-shaped UID from the namespace and a counter, or NULL when the
 * load did not ask for reproducible UIDs. */
char *
_quorum_store_bulk_dup_uid (QuorumStore *self)
{
  g_autofree char *seed = NULL;
  g_autofree char *hex = NULL;

  if (self->bulk == NULL || self->bulk->uid_namespace == NULL)
    return NULL;

  seed = g_strdup_printf ("%s:%u", self->bulk->uid_namespace, self->bulk->uid_counter++);
  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s@quorum",
                          hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/* A prepared statement kept for the whole load: @sql must be a string
 * constant, it is the key. */
static sqlite3_stmt *
cached (QuorumStore  *self,
        const char   *sql,
        GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->bulk->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (!(stmt = _quorum_store_prepare (self, sql, error)))
    return NULL;
  g_hash_table_insert (self->bulk->statements, (gpointer)sql, stmt);
  return stmt;
}

static gboolean
count_rows (QuorumStore  *self,
            const char   *sql,
            guint        *out_count,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  if (!(stmt = _quorum_store_prepare (self, sql, error)) ||
      !_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;
  *out_count = row ? (guint)sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/**
 * quorum_store_get_counts:
 * @self: a #QuorumStore
 * @out_counts: (out caller-allocates): the counts
 * @error: return location for a #GError
 *
 * Counts the rows of each kind, for summaries.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_get_counts (QuorumStore        *self,
                         QuorumStoreCounts  *out_counts,
                         GError            **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  return count_rows (self, "SELECT count (*) FROM person", &out_counts->people, error) &&
         count_rows (self, "SELECT count (*) FROM unit", &out_counts->units, error) &&
         count_rows (self, "SELECT count (*) FROM relation", &out_counts->relations, error) &&
         count_rows (self, "SELECT count (*) FROM series WHERE deleted = 0",
                     &out_counts->series, error) &&
         count_rows (self, "SELECT count (*) FROM occurrence o JOIN series s"
                           " ON s.id = o.series_id WHERE s.deleted = 0",
                     &out_counts->occurrences, error) &&
         count_rows (self, "SELECT count (*) FROM attendance", &out_counts->attendance, error) &&
         count_rows (self, "SELECT count (*) FROM makeup", &out_counts->makeups, error) &&
         count_rows (self, "SELECT count (*) FROM record", &out_counts->records, error) &&
         count_rows (self, "SELECT count (*) FROM leave", &out_counts->leaves, error);
}

/**
 * quorum_store_is_empty:
 * @self: a #QuorumStore
 * @out_empty: (out): whether the store holds no people, units, series,
 *   records or leave (a stored rulebook does not count)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_is_empty (QuorumStore  *self,
                       gboolean     *out_empty,
                       GError      **error)
{
  guint n = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_empty != NULL, FALSE);

  if (!count_rows (self,
                   "SELECT (SELECT count (*) FROM person) + (SELECT count (*) FROM unit)"
                   " + (SELECT count (*) FROM series) + (SELECT count (*) FROM record)"
                   " + (SELECT count (*) FROM leave)",
                   &n, error))
    return FALSE;
  *out_empty = n == 0;
  return TRUE;
}

/**
 * quorum_store_begin_bulk:
 * @self: a #QuorumStore
 * @now: (nullable): the time to stamp rows with during the load (the store's
 *   "now", see quorum_store_set_now()), or %NULL to keep the store's clock
 * @uid_namespace: (nullable): when set, new series get UIDs derived from it
 *   and a counter instead of random ones, so that a load can be repeated
 *   byte for byte
 * @error: return location for a #GError
 *
 * Starts a bulk load: one transaction for every store call until
 * quorum_store_end_bulk(). Each call still checks its input and still
 * leaves nothing behind when it fails, but writes no audit row and emits
 * no #QuorumStore::changed. Loads do not nest.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_begin_bulk (QuorumStore  *self,
                         GDateTime    *now,
                         const char   *uid_namespace,
                         GError      **error)
{
  struct _QuorumStoreBulk *bulk;
  g_autoptr(GDateTime) stamp_time = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk == NULL, FALSE);

  if (!_quorum_database_begin (self->database, error))
    return FALSE;

  bulk = g_new0 (struct _QuorumStoreBulk, 1);
  bulk->saved_now = self->now != NULL ? g_date_time_ref (self->now) : NULL;
  bulk->uid_namespace = g_strdup (uid_namespace);
  bulk->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
  if (now != NULL)
    quorum_store_set_now (self, now);
  stamp_time = _quorum_store_now (self);
  bulk->stamp = _quorum_store_format_instant (stamp_time);
  self->bulk = bulk;

  return TRUE;
}

/**
 * quorum_store_end_bulk:
 * @self: a #QuorumStore in a bulk load
 * @commit: %TRUE to keep what was loaded, %FALSE to throw it all away
 * @action: (nullable): the action of the summary audit row, e.g. `demo`
 * @summary_json: (nullable): a JSON object describing the load, kept in the
 *   summary audit row
 * @error: return location for a #GError
 *
 * Ends a bulk load: with @commit, writes one audit row (entity `store`) that
 * holds @summary_json and the number of audit rows left out, commits, and
 * emits #QuorumStore::changed once with the entity `bulk`. The store's clock
 * is set back to what it was before the load either way.
 *
 * Returns: %TRUE when committed (or, without @commit, rolled back)
 */
gboolean
quorum_store_end_bulk (QuorumStore  *self,
                       gboolean      commit,
                       const char   *action,
                       const char   *summary_json,
                       GError      **error)
{
  struct _QuorumStoreBulk *bulk;
  gboolean ok = TRUE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk != NULL, FALSE);

  bulk = g_steal_pointer (&self->bulk);
  g_hash_table_remove_all (bulk->statements);

  if (commit)
    {
      g_autoptr(GString) after = g_string_new ("{\"summary\":");

      g_string_append (after, summary_json != NULL ? summary_json : "null");
      g_string_append_printf (after, ",\"unaudited_writes\":%u}", bulk->audits);
      ok = _quorum_store_audit (self, "store", 0, action != NULL ? action : "bulk", NULL,
                                after->str, NULL, error) &&
           _quorum_database_commit (self->database, error);
    }
  if (!commit || !ok)
    _quorum_database_rollback (self->database);

  quorum_store_set_now (self, bulk->saved_now);
  bulk_free (bulk);

  if (commit && ok)
    _quorum_store_emit_changed (self, "bulk", 0);
  return ok;
}

/**
 * quorum_store_in_bulk:
 * @self: a #QuorumStore
 *
 * Returns: whether a bulk load is running
 */
gboolean
quorum_store_in_bulk (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  return self->bulk != NULL;
}

/**
 * quorum_store_bulk_list_seats:
 * @self: a #QuorumStore in a bulk load
 * @before: only occurrences that start before this time
 * @error: return location for a #GError
 *
 * Every expected participant of every occurrence (not cancelled, of a
 * series not deleted) that starts before @before, as the store resolves
 * them (see quorum_store_resolve_participants()), in one query.
 *
 * Returns: (transfer full) (element-type QuorumSeat): the seats by start,
 *   occurrence and rank
 */
GArray *
quorum_store_bulk_list_seats (QuorumStore  *self,
                              GDateTime    *before,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) seats = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (self->bulk != NULL, NULL);
  g_return_val_if_fail (before != NULL, NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "WITH occ (id, series_id, day) AS ("
                                      "  SELECT o.id, o.series_id, substr (o.start_at, 1, 10)"
                                      "    FROM occurrence o JOIN series s ON s.id = o.series_id"
                                      "   WHERE s.deleted = 0 AND o.status <> 'cancelled'"
                                      "     AND o.start_unix < ?1), "
                                      QUORUM_STORE_EXPECTED_CTE
                                      " SELECT e.oid, o.series_id, e.pid, o.start_unix"
                                      "  FROM expected e JOIN occurrence o ON o.id = e.oid"
                                      "  JOIN person p ON p.id = e.pid"
                                      " ORDER BY o.start_unix, e.oid, p.rank, p.id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (before));

  seats = g_array_new (FALSE, FALSE, sizeof (QuorumSeat));
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      QuorumSeat seat;

      seat.occurrence_id = sqlite3_column_int64 (stmt, 0);
      seat.series_id = sqlite3_column_int64 (stmt, 1);
      seat.person_id = sqlite3_column_int64 (stmt, 2);
      seat.start_unix = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (seats, seat);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&seats);
}

/**
 * quorum_store_bulk_set_attendance:
 * @self: a #QuorumStore in a bulk load
 * @occurrence_id: the occurrence
 * @person_id: the person
 * @status: the outcome (not %QUORUM_ATTENDANCE_UNKNOWN)
 * @reason: (nullable): why excused or absent; required when excused
 * @excuse_kind: with %QUORUM_ATTENDANCE_EXCUSED, the kind of excuse
 * @key_speaker: the person gave the key speech
 * @error: return location for a #GError
 *
 * quorum_store_set_attendance() without its per-call look-ups: the caller
 * vouches that the occurrence and person exist and that the occurrence has
 * started. It does not mark the occurrence held: call
 * quorum_store_bulk_mark_attended_held() once at the end.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_bulk_set_attendance (QuorumStore             *self,
                                  gint64                   occurrence_id,
                                  gint64                   person_id,
                                  QuorumAttendanceStatus   status,
                                  const char              *reason,
                                  QuorumExcuseKind         excuse_kind,
                                  gboolean                 key_speaker,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk != NULL, FALSE);
  g_return_val_if_fail (status != QUORUM_ATTENDANCE_UNKNOWN, FALSE);

  if (status == QUORUM_ATTENDANCE_EXCUSED && (reason == NULL || reason[0] == '\0'))
    return _quorum_store_invalid (error, "%s", _("An excused absence needs a reason."));

  if (!(stmt = cached (self,
                       "INSERT OR REPLACE INTO attendance (occurrence_id, person_id, status,"
                       " reason, excuse_kind, key_speaker, recorded_by, recorded_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                       error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _quorum_store_bind_text (stmt, 3, _quorum_store_enum_nick (QUORUM_TYPE_ATTENDANCE_STATUS,
                                                             status));
  _quorum_store_bind_text (stmt, 4, reason);
  _quorum_store_bind_text (stmt, 5, status == QUORUM_ATTENDANCE_EXCUSED &&
                                    excuse_kind != QUORUM_EXCUSE_NONE
                                    ? _quorum_store_enum_nick (QUORUM_TYPE_EXCUSE_KIND, excuse_kind)
                                    : NULL);
  sqlite3_bind_int (stmt, 6, !!key_speaker);
  _quorum_store_bind_text (stmt, 7, quorum_store_get_actor (self));
  _quorum_store_bind_text (stmt, 8, self->bulk->stamp);

  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;
  _quorum_store_bulk_count_audit (self);
  return TRUE;
}

/**
 * quorum_store_bulk_set_status:
 * @self: a #QuorumStore in a bulk load
 * @occurrence_id: the occurrence
 * @status: its new state
 * @reason: (nullable): why (for not held and cancelled)
 * @error: return location for a #GError
 *
 * Sets the state of one occurrence without the checks of
 * quorum_store_mark_not_held() and friends.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_bulk_set_status (QuorumStore             *self,
                              gint64                   occurrence_id,
                              QuorumOccurrenceStatus   status,
                              const char              *reason,
                              GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk != NULL, FALSE);

  if (!(stmt = cached (self,
                       "UPDATE occurrence SET status = ?2, status_reason = ?3 WHERE id = ?1",
                       error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  _quorum_store_bind_text (stmt, 2, _quorum_store_enum_nick (QUORUM_TYPE_OCCURRENCE_STATUS,
                                                             status));
  _quorum_store_bind_text (stmt, 3, reason);
  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;
  _quorum_store_bulk_count_audit (self);
  return TRUE;
}

/**
 * quorum_store_bulk_mark_attended_held:
 * @self: a #QuorumStore in a bulk load
 * @error: return location for a #GError
 *
 * Marks every scheduled occurrence where someone is recorded present or
 * late as held, as quorum_store_set_attendance() does one at a time.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_bulk_mark_attended_held (QuorumStore  *self,
                                      GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk != NULL, FALSE);

  return _quorum_database_exec (self->database,
                                "UPDATE occurrence SET status = 'held'"
                                " WHERE status = 'scheduled' AND id IN (SELECT occurrence_id"
                                "  FROM attendance WHERE status IN ('present', 'late'))",
                                error);
}

/**
 * quorum_store_bulk_add_makeup:
 * @self: a #QuorumStore in a bulk load
 * @occurrence_id: the missed session
 * @person_id: who missed it
 * @date: when it was made up
 * @how: how
 * @note: (nullable): details
 * @error: return location for a #GError
 *
 * quorum_store_record_makeup() without its look-ups: the caller vouches that
 * the person was recorded absent or excused at a session that needs a
 * make-up, on or before @date.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_bulk_add_makeup (QuorumStore         *self,
                              gint64               occurrence_id,
                              gint64               person_id,
                              const GDate         *date,
                              QuorumMakeupMethod   how,
                              const char          *note,
                              GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!(stmt = cached (self,
                       "INSERT INTO makeup (occurrence_id, person_id, made_up_on, how, note,"
                       " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _quorum_store_bind_date (stmt, 3, date);
  _quorum_store_bind_text (stmt, 4, _quorum_store_enum_nick (QUORUM_TYPE_MAKEUP_METHOD, how));
  _quorum_store_bind_text (stmt, 5, note);
  _quorum_store_bind_text (stmt, 6, self->bulk->stamp);
  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;
  _quorum_store_bulk_count_audit (self);
  return TRUE;
}

/**
 * quorum_store_bulk_set_minutes:
 * @self: a #QuorumStore in a bulk load
 * @occurrence_id: a held meeting
 * @text: (nullable): the minutes (会议纪要)
 * @signed_on: (nullable): the day they were signed and issued
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_bulk_set_minutes (QuorumStore  *self,
                               gint64        occurrence_id,
                               const char   *text,
                               const GDate  *signed_on,
                               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk != NULL, FALSE);

  if (!(stmt = cached (self,
                       "UPDATE occurrence SET minutes_text = ?2, minutes_signed_on = ?3"
                       " WHERE id = ?1",
                       error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  _quorum_store_bind_text (stmt, 2, text);
  _quorum_store_bind_date (stmt, 3, signed_on);
  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;
  _quorum_store_bulk_count_audit (self);
  return TRUE;
}
