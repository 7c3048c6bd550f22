/* quorum-store-attendance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attendance, make-ups (补学), personal records and leave (请销假).
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

#define ATTENDANCE_KEY "occurrence_id = ?1 AND person_id = ?2"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Writes (or with UNKNOWN, clears) one attendance row and its audit row,
 * inside the caller's transaction. */
static gboolean
write_attendance (QuorumStore             *self,
                  gint64                   occurrence_id,
                  gint64                   person_id,
                  QuorumAttendanceStatus   status,
                  const char              *reason,
                  QuorumExcuseKind         excuse_kind,
                  gboolean                 key_speaker,
                  const char              *actor,
                  GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = _quorum_store_now (self);
  g_autofree char *stamp = _quorum_store_format_instant (now);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *who = actor != NULL && actor[0] != '\0' ? actor : quorum_store_get_actor (self);

  before = _quorum_store_row_json (self, "attendance", ATTENDANCE_KEY, occurrence_id, person_id);

  if (status == QUORUM_ATTENDANCE_UNKNOWN)
    {
      if (before == NULL)
        return TRUE;
      if (!(stmt = _quorum_store_prepare (self, "DELETE FROM attendance WHERE " ATTENDANCE_KEY,
                                          error)))
        return FALSE;
    }
  else if (!(stmt = _quorum_store_prepare (self,
                                           "INSERT INTO attendance (occurrence_id, person_id,"
                                           " status, reason, excuse_kind, key_speaker,"
                                           " recorded_by, recorded_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                           " ON CONFLICT (occurrence_id, person_id) DO UPDATE SET"
                                           " status = excluded.status, reason = excluded.reason,"
                                           " excuse_kind = excluded.excuse_kind,"
                                           " key_speaker = excluded.key_speaker,"
                                           " recorded_by = excluded.recorded_by,"
                                           " recorded_at = excluded.recorded_at",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (status != QUORUM_ATTENDANCE_UNKNOWN)
    {
      gboolean excused = status == QUORUM_ATTENDANCE_EXCUSED;

      _quorum_store_bind_text (stmt, 3, _quorum_store_enum_nick (QUORUM_TYPE_ATTENDANCE_STATUS,
                                                                 status));
      _quorum_store_bind_text (stmt, 4, is_blank (reason) ? NULL : reason);
      _quorum_store_bind_text (stmt, 5, excused && excuse_kind != QUORUM_EXCUSE_NONE
                                        ? _quorum_store_enum_nick (QUORUM_TYPE_EXCUSE_KIND,
                                                                   excuse_kind)
                                        : NULL);
      sqlite3_bind_int (stmt, 6, key_speaker);
      _quorum_store_bind_text (stmt, 7, who);
      _quorum_store_bind_text (stmt, 8, stamp);
    }
  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;

  after = _quorum_store_row_json (self, "attendance", ATTENDANCE_KEY, occurrence_id, person_id);
  return _quorum_store_audit (self, "attendance", occurrence_id,
                              status == QUORUM_ATTENDANCE_UNKNOWN ? "clear" : "set",
                              before, after, who, error);
}

/* Recording someone present means the occurrence was held. */
static gboolean
mark_held_if_scheduled (QuorumStore  *self,
                        gint64        occurrence_id,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;

  before = _quorum_store_row_json (self, "occurrence", "id = ?1 AND status = 'scheduled'",
                                   occurrence_id, 0);
  if (before == NULL)
    return TRUE;

  if (!(stmt = _quorum_store_prepare (self,
                                      "UPDATE occurrence SET status = 'held' WHERE id = ?1",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;

  return _quorum_store_audit_row (self, "occurrence", occurrence_id, "held", before, error);
}

static gboolean
check_can_record (QuorumStore             *self,
                  QuorumOccurrence        *occurrence,
                  QuorumAttendanceStatus   status,
                  GError                 **error)
{
  g_autoptr(GDateTime) now = _quorum_store_now (self);

  if (quorum_occurrence_get_status (occurrence) == QUORUM_OCCURRENCE_CANCELLED)
    {
      g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT,
                   _("“%s” was cancelled: no attendance can be recorded for it."),
                   quorum_occurrence_get_title (occurrence));
      return FALSE;
    }

  /* An excuse can be known in advance; presence cannot. */
  if (status != QUORUM_ATTENDANCE_EXCUSED && status != QUORUM_ATTENDANCE_UNKNOWN &&
      g_date_time_compare (quorum_occurrence_get_start (occurrence), now) > 0)
    return _quorum_store_invalid (error,
                                  _("“%s” has not started yet: only excused absences can be "
                                    "recorded in advance."),
                                  quorum_occurrence_get_title (occurrence));
  return TRUE;
}

/**
 * quorum_store_set_attendance:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence
 * @person_id: the person
 * @status: the outcome; %QUORUM_ATTENDANCE_UNKNOWN clears what was recorded
 * @reason: (nullable): why excused or absent; required for
 *   %QUORUM_ATTENDANCE_EXCUSED
 * @excuse_kind: with %QUORUM_ATTENDANCE_EXCUSED: leave, official business
 *   or other
 * @key_speaker: the person gave the key speech (重点发言)
 * @actor: (nullable): who records it, for the audit trail; the store's actor
 *   when %NULL
 * @error: return location for a #GError
 *
 * Records one person's attendance. Recording someone present or late marks
 * a scheduled occurrence as held. Nothing can be recorded for a cancelled
 * occurrence, and only excused absences before it starts.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_set_attendance (QuorumStore             *self,
                             gint64                   occurrence_id,
                             gint64                   person_id,
                             QuorumAttendanceStatus   status,
                             const char              *reason,
                             QuorumExcuseKind         excuse_kind,
                             gboolean                 key_speaker,
                             const char              *actor,
                             GError                 **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(QuorumPerson) person = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)) ||
      !(person = quorum_store_get_person (self, person_id, error)) ||
      !check_can_record (self, occurrence, status, error))
    return FALSE;

  if (status == QUORUM_ATTENDANCE_EXCUSED && is_blank (reason))
    return _quorum_store_invalid (error,
                                  _("%s cannot be marked excused without a reason."),
                                  quorum_person_get_name (person));

  if (!_quorum_store_begin (self, error))
    return FALSE;

  ok = write_attendance (self, occurrence_id, person_id, status, reason, excuse_kind,
                         key_speaker, actor, error);
  if (ok && (status == QUORUM_ATTENDANCE_PRESENT || status == QUORUM_ATTENDANCE_LATE))
    ok = mark_held_if_scheduled (self, occurrence_id, error);
  return _quorum_store_end_changed (self, ok, "attendance", occurrence_id, error);
}

/**
 * quorum_store_list_attendance:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence
 * @error: return location for a #GError
 *
 * The roll call: everyone expected on the occurrence's date, most senior
 * first, with what is recorded; then anyone recorded who was not expected.
 * Someone not yet recorded who is on approved leave that day comes
 * pre-set to excused, with the leave as reason and
 * #QuorumAttendance:recorded %FALSE.
 *
 * Returns: (transfer full): a #GListModel of #QuorumAttendance
 */
GListModel *
quorum_store_list_attendance (QuorumStore  *self,
                              gint64        occurrence_id,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!_quorum_store_check_exists (self, "occurrence", occurrence_id, error))
    return NULL;

  if (!(stmt = _quorum_store_prepare (self,
                                      "WITH occ (id, series_id, day) AS ("
                                      "  SELECT id, series_id, substr (start_at, 1, 10)"
                                      "    FROM occurrence WHERE id = ?1), "
                                      QUORUM_STORE_EXPECTED_CTE ","
                                      " people (pid, expected) AS ("
                                      "  SELECT pid, 1 FROM expected"
                                      "  UNION ALL"
                                      "  SELECT a.person_id, 0 FROM attendance a"
                                      "   WHERE a.occurrence_id = ?1"
                                      "     AND a.person_id NOT IN (SELECT pid FROM expected))"
                                      " SELECT p.id, p.name, p.title, people.expected,"
                                      "  a.status, a.reason, a.excuse_kind, a.key_speaker,"
                                      "  l.destination, l.reason"
                                      " FROM people JOIN person p ON p.id = people.pid"
                                      "  JOIN occ"
                                      "  LEFT JOIN attendance a ON a.occurrence_id = occ.id"
                                      "   AND a.person_id = p.id"
                                      "  LEFT JOIN leave l ON l.id = ("
                                      "   SELECT min (id) FROM leave WHERE person_id = p.id"
                                      "    AND approved = 1 AND start_date <= occ.day"
                                      "    AND end_date >= occ.day)"
                                      " ORDER BY people.expected DESC, p.rank, p.id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);

  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      gboolean recorded = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      gboolean on_leave = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
      QuorumAttendanceStatus status = QUORUM_ATTENDANCE_UNKNOWN;
      QuorumExcuseKind excuse = QUORUM_EXCUSE_NONE;
      g_autofree char *reason = NULL;

      if (recorded)
        {
          status = _quorum_store_enum_value (QUORUM_TYPE_ATTENDANCE_STATUS,
                                             _quorum_store_column_text (stmt, 4),
                                             QUORUM_ATTENDANCE_UNKNOWN);
          excuse = _quorum_store_enum_value (QUORUM_TYPE_EXCUSE_KIND,
                                             _quorum_store_column_text (stmt, 6),
                                             QUORUM_EXCUSE_NONE);
          reason = g_strdup (_quorum_store_column_text (stmt, 5));
        }
      else if (on_leave)
        {
          status = QUORUM_ATTENDANCE_EXCUSED;
          excuse = QUORUM_EXCUSE_LEAVE;
          /* Translators: an excuse pre-filled from a leave request: destination, reason */
          reason = g_strdup_printf (_("On leave: %s, %s"),
                                    _quorum_store_column_text (stmt, 8),
                                    _quorum_store_column_text (stmt, 9));
        }

      g_ptr_array_add (items,
                       g_object_new (QUORUM_TYPE_ATTENDANCE,
                                     "occurrence-id", occurrence_id,
                                     "person-id", (gint64)sqlite3_column_int64 (stmt, 0),
                                     "person-name", _quorum_store_column_text (stmt, 1),
                                     "person-title", _quorum_store_column_text (stmt, 2),
                                     "expected", sqlite3_column_int (stmt, 3) != 0,
                                     "status", status,
                                     "reason", reason,
                                     "excuse-kind", excuse,
                                     "key-speaker", sqlite3_column_int (stmt, 7) != 0,
                                     "recorded", recorded,
                                     NULL));
    }
  if (!ok)
    return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_ATTENDANCE, items);
}

/**
 * quorum_store_set_all_present:
 * @self: a #QuorumStore
 * @occurrence_id: an occurrence that has started
 * @actor: (nullable): who records it
 * @error: return location for a #GError
 *
 * Records everyone expected and not yet recorded as present, except those
 * on approved leave, who are recorded excused with the leave as reason.
 * Marks the occurrence held.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_set_all_present (QuorumStore  *self,
                              gint64        occurrence_id,
                              const char   *actor,
                              GError      **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(GListModel) roll = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)) ||
      !check_can_record (self, occurrence, QUORUM_ATTENDANCE_PRESENT, error) ||
      !(roll = quorum_store_list_attendance (self, occurrence_id, error)))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < g_list_model_get_n_items (roll); i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (roll, i);

      if (quorum_attendance_get_recorded (item) || !quorum_attendance_get_expected (item))
        continue;

      if (quorum_attendance_get_status (item) == QUORUM_ATTENDANCE_EXCUSED)
        ok = write_attendance (self, occurrence_id, quorum_attendance_get_person_id (item),
                               QUORUM_ATTENDANCE_EXCUSED, quorum_attendance_get_reason (item),
                               QUORUM_EXCUSE_LEAVE, FALSE, actor, error);
      else
        ok = write_attendance (self, occurrence_id, quorum_attendance_get_person_id (item),
                               QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE, FALSE,
                               actor, error);
    }
  if (ok)
    ok = mark_held_if_scheduled (self, occurrence_id, error);
  return _quorum_store_end_changed (self, ok, "attendance", occurrence_id, error);
}

/* Make-ups ------------------------------------------------------------------ */

/* Absences from sessions of make-up duties without a make-up. The CROSS
 * JOINs start from the few duty series: left to itself SQLite scans every
 * attendance row of the office for the two statuses, routine sessions
 * included (a million rows in a busy office). */
static GPtrArray *
query_owed (QuorumStore  *self,
            gint64        person_id,
            gint64        occurrence_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *duties = _quorum_store_get_makeup_duties (self);
  gboolean row = FALSE;
  gboolean ok;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT a.occurrence_id, a.person_id, p.name, p.title,"
                                      "  a.status, a.reason, a.excuse_kind,"
                                      "  coalesce (o.title, s.title), o.start_at, s.tzid, s.duty_id"
                                      " FROM series s"
                                      "  CROSS JOIN occurrence o ON o.series_id = s.id"
                                      "  CROSS JOIN attendance a ON a.occurrence_id = o.id"
                                      "  JOIN person p ON p.id = a.person_id"
                                      " WHERE a.status IN ('excused', 'absent')"
                                      "   AND s.deleted = 0 AND o.status <> 'cancelled'"
                                      "   AND s.duty_id IS NOT NULL"
                                      "   AND (?1 = 0 OR a.person_id = ?1)"
                                      "   AND (?2 = 0 OR a.occurrence_id = ?2)"
                                      "   AND NOT EXISTS (SELECT 1 FROM makeup m"
                                      "        WHERE m.occurrence_id = a.occurrence_id"
                                      "          AND m.person_id = a.person_id)"
                                      " ORDER BY o.start_unix, p.rank, p.id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (person_id, 0));
  sqlite3_bind_int64 (stmt, 2, MAX (occurrence_id, 0));

  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      g_autoptr(GDateTime) start_raw = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GTimeZone) tz = NULL;

      if (!g_hash_table_contains (duties, _quorum_store_column_text (stmt, 10)))
        continue;

      start_raw = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 8));
      if (!(tz = g_time_zone_new_identifier (_quorum_store_column_text (stmt, 9))))
        tz = g_time_zone_new_utc ();
      start = start_raw != NULL ? g_date_time_to_timezone (start_raw, tz) : NULL;

      g_ptr_array_add (items,
                       g_object_new (QUORUM_TYPE_ATTENDANCE,
                                     "occurrence-id", (gint64)sqlite3_column_int64 (stmt, 0),
                                     "person-id", (gint64)sqlite3_column_int64 (stmt, 1),
                                     "person-name", _quorum_store_column_text (stmt, 2),
                                     "person-title", _quorum_store_column_text (stmt, 3),
                                     "status", _quorum_store_enum_value (QUORUM_TYPE_ATTENDANCE_STATUS,
                                                                         _quorum_store_column_text (stmt, 4),
                                                                         QUORUM_ATTENDANCE_ABSENT),
                                     "reason", _quorum_store_column_text (stmt, 5),
                                     "excuse-kind", _quorum_store_enum_value (QUORUM_TYPE_EXCUSE_KIND,
                                                                              _quorum_store_column_text (stmt, 6),
                                                                              QUORUM_EXCUSE_NONE),
                                     "recorded", TRUE,
                                     "occurrence-title", _quorum_store_column_text (stmt, 7),
                                     "occurrence-start", start,
                                     NULL));
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&items);
}

/**
 * quorum_store_list_owed_makeups:
 * @self: a #QuorumStore
 * @person_id: a person, or 0 for everyone
 * @error: return location for a #GError
 *
 * Absences (excused or not) from sessions of a duty whose rulebook entry
 * says `Makeup=true` (因故缺席学习的要及时补学) that have no make-up yet.
 *
 * Returns: (transfer full): a #GListModel of #QuorumAttendance with the
 *   occurrence title and start filled in, oldest first
 */
GListModel *
quorum_store_list_owed_makeups (QuorumStore  *self,
                                gint64        person_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(items = query_owed (self, person_id, 0, error)))
    return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_ATTENDANCE, items);
}

/**
 * quorum_store_record_makeup:
 * @self: a #QuorumStore
 * @occurrence_id: the session that was missed
 * @person_id: who missed it
 * @date: when it was made up, not before the session
 * @how: how it was made up
 * @note: (nullable): details
 * @error: return location for a #GError
 *
 * Closes an owed make-up. Refused (%QUORUM_STORE_ERROR_CONFLICT) when
 * nothing is owed for that person and session.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_record_makeup (QuorumStore         *self,
                            gint64               occurrence_id,
                            gint64               person_id,
                            GDate               *date,
                            QuorumMakeupMethod   how,
                            const char          *note,
                            GError             **error)
{
  g_autoptr(GPtrArray) owed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDate) session_day = NULL;
  g_autofree char *stamp = NULL;
  QuorumAttendance *absence;
  GDateTime *start;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!_quorum_store_check_exists (self, "occurrence", occurrence_id, error) ||
      !_quorum_store_check_exists (self, "person", person_id, error) ||
      !(owed = query_owed (self, person_id, occurrence_id, error)))
    return FALSE;

  if (owed->len == 0)
    {
      g_set_error_literal (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT,
                           _("Nothing is owed for this session: the person was not absent, "
                             "it was already made up, or its duty needs no make-up."));
      return FALSE;
    }
  if (date == NULL || !g_date_valid (date))
    return _quorum_store_invalid (error, "%s", _("Give the date of the make-up."));

  absence = g_ptr_array_index (owed, 0);
  start = quorum_attendance_get_occurrence_start (absence);
  session_day = g_date_new_dmy (g_date_time_get_day_of_month (start),
                                g_date_time_get_month (start),
                                g_date_time_get_year (start));
  if (g_date_compare (date, session_day) < 0)
    return _quorum_store_invalid (error, "%s",
                                  _("A session cannot be made up before it took place."));

  now = _quorum_store_now (self);
  stamp = _quorum_store_format_instant (now);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  ok = (stmt = _quorum_store_prepare (self,
                                      "INSERT INTO makeup (occurrence_id, person_id, made_up_on,"
                                      " how, note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, occurrence_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      _quorum_store_bind_date (stmt, 3, date);
      _quorum_store_bind_text (stmt, 4, _quorum_store_enum_nick (QUORUM_TYPE_MAKEUP_METHOD, how));
      _quorum_store_bind_text (stmt, 5, is_blank (note) ? NULL : note);
      _quorum_store_bind_text (stmt, 6, stamp);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  return _quorum_store_end_add (self, "makeup", ok, error) != 0;
}

/* Records ----------------------------------------------------------------- */

/**
 * quorum_store_add_record:
 * @self: a #QuorumStore
 * @record: the record to add (from quorum_record_new()); its id is ignored
 * @error: return location for a #GError
 *
 * Returns: the record's id, or 0 on error
 */
gint64
quorum_store_add_record (QuorumStore         *self,
                         const QuorumRecord  *record,
                         GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!_quorum_store_check_exists (self, "person", record->person_id, error) ||
      (record->unit_id != 0 && !_quorum_store_check_exists (self, "unit", record->unit_id, error)))
    return 0;
  if (!quorum_record_kind_is_valid (record->kind))
    return _quorum_store_invalid (error, _("“%s” is not a kind of record."),
                                  record->kind != NULL ? record->kind : "");
  if (record->date == NULL || !g_date_valid (record->date))
    return _quorum_store_invalid (error, "%s", _("A record needs a date."));
  if (!(record->days > 0 && record->days <= 366))
    return _quorum_store_invalid (error, _("%g is not a number of days."), record->days);

  now = _quorum_store_now (self);
  stamp = _quorum_store_format_instant (now);

  if (!_quorum_store_begin (self, error))
    return 0;

  ok = (stmt = _quorum_store_prepare (self,
                                      "INSERT INTO record (person_id, kind, date, days,"
                                      " unannounced, unit_id, duty_id, note, created_at,"
                                      " received_on)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->person_id);
      _quorum_store_bind_text (stmt, 2, record->kind);
      _quorum_store_bind_date (stmt, 3, record->date);
      sqlite3_bind_double (stmt, 4, record->days);
      sqlite3_bind_int (stmt, 5, !!record->unannounced);
      _quorum_store_bind_id (stmt, 6, record->unit_id);
      _quorum_store_bind_text (stmt, 7, record->duty_id);
      _quorum_store_bind_text (stmt, 8, is_blank (record->note) ? NULL : record->note);
      _quorum_store_bind_text (stmt, 9, stamp);
      _quorum_store_bind_date (stmt, 10, record->received_on);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  return _quorum_store_end_add (self, "record", ok, error);
}

/**
 * quorum_store_list_records:
 * @self: a #QuorumStore
 * @person_id: a person, or 0 for everyone
 * @kind: (nullable): only this kind
 * @from: (nullable): only from this day
 * @to: (nullable): only up to this day (inclusive)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type QuorumRecord): the records by date
 */
GPtrArray *
quorum_store_list_records (QuorumStore  *self,
                           gint64        person_id,
                           const char   *kind,
                           GDate        *from,
                           GDate        *to,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT id, person_id, kind, date, days, unannounced,"
                                      " unit_id, duty_id, note, received_on FROM record"
                                      " WHERE (?1 = 0 OR person_id = ?1)"
                                      "   AND (?2 IS NULL OR kind = ?2)"
                                      "   AND (?3 IS NULL OR date >= ?3)"
                                      "   AND (?4 IS NULL OR date <= ?4)"
                                      " ORDER BY date, id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (person_id, 0));
  _quorum_store_bind_text (stmt, 2, kind);
  _quorum_store_bind_date (stmt, 3, from);
  _quorum_store_bind_date (stmt, 4, to);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_record_unref);
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      QuorumRecord *record = quorum_record_new ();

      record->id = sqlite3_column_int64 (stmt, 0);
      record->person_id = sqlite3_column_int64 (stmt, 1);
      record->kind = g_strdup (_quorum_store_column_text (stmt, 2));
      record->date = _quorum_store_parse_date (_quorum_store_column_text (stmt, 3));
      record->days = sqlite3_column_double (stmt, 4);
      record->unannounced = sqlite3_column_int (stmt, 5) != 0;
      record->unit_id = sqlite3_column_int64 (stmt, 6);
      record->duty_id = g_strdup (_quorum_store_column_text (stmt, 7));
      record->note = g_strdup (_quorum_store_column_text (stmt, 8));
      if (_quorum_store_column_text (stmt, 9) != NULL)
        record->received_on = _quorum_store_parse_date (_quorum_store_column_text (stmt, 9));
      g_ptr_array_add (result, record);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&result);
}

/* Leave ------------------------------------------------------------------- */

/**
 * quorum_store_add_leave:
 * @self: a #QuorumStore
 * @person_id: who leaves
 * @start: first day away
 * @end: last day away
 * @destination: where to
 * @reason: why
 * @filed_at: (nullable): when the request was filed, or %NULL for now
 * @emergency: the trip is urgent (因紧急事项临时外出)
 * @emergency_reason: (nullable): the emergency; required with @emergency
 * @error: return location for a #GError
 *
 * Files a leave request. It must be filed at least %QUORUM_LEAVE_NOTICE_DAYS
 * calendar days before @start (the date of @filed_at in its own time zone
 * counts); with less notice it is refused with
 * %QUORUM_STORE_ERROR_LEAVE_NOTICE unless @emergency is set with a reason, and
 * it is then stored flagged as an emergency.
 *
 * Returns: the leave's id, or 0 on error
 */
gint64
quorum_store_add_leave (QuorumStore  *self,
                        gint64        person_id,
                        GDate        *start,
                        GDate        *end,
                        const char   *destination,
                        const char   *reason,
                        GDateTime    *filed_at,
                        gboolean      emergency,
                        const char   *emergency_reason,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) filed = NULL;
  g_autoptr(GDate) filed_day = NULL;
  g_autofree char *filed_text = NULL;
  int notice;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!_quorum_store_check_exists (self, "person", person_id, error))
    return 0;
  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end))
    return _quorum_store_invalid (error, "%s", _("A leave request needs its first and last day."));
  if (g_date_compare (end, start) < 0)
    return _quorum_store_invalid (error, "%s", _("A leave cannot end before it starts."));
  if (is_blank (destination))
    return _quorum_store_invalid (error, "%s", _("A leave request needs a destination."));
  if (is_blank (reason))
    return _quorum_store_invalid (error, "%s", _("A leave request needs a reason."));
  if (emergency && is_blank (emergency_reason))
    return _quorum_store_invalid (error, "%s",
                                  _("An emergency leave request must say what the emergency is."));

  filed = filed_at != NULL ? g_date_time_ref (filed_at) : _quorum_store_now (self);
  filed_day = g_date_new_dmy (g_date_time_get_day_of_month (filed),
                              g_date_time_get_month (filed),
                              g_date_time_get_year (filed));
  notice = g_date_days_between (filed_day, start);

  if (notice < QUORUM_LEAVE_NOTICE_DAYS && !emergency)
    {
      g_autofree char *notice_text = NULL;

      if (notice < 0)
        notice_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "it was filed %d day after the leave began",
                                                    "it was filed %d days after the leave began",
                                                    -notice),
                                       -notice);
      else
        notice_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "it was filed %d day before the leave",
                                                    "it was filed %d days before the leave",
                                                    notice),
                                       notice);
      /* Translators: the first %s says how much notice was given */
      g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_LEAVE_NOTICE,
                   _("A leave request must be filed %d days in advance, but %s. For an urgent "
                     "trip, file it as an emergency and say why."),
                   QUORUM_LEAVE_NOTICE_DAYS, notice_text);
      return 0;
    }

  filed_text = _quorum_store_format_instant (filed);

  if (!_quorum_store_begin (self, error))
    return 0;

  ok = (stmt = _quorum_store_prepare (self,
                                      "INSERT INTO leave (person_id, start_date, end_date,"
                                      " destination, reason, filed_at, emergency,"
                                      " emergency_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      _quorum_store_bind_date (stmt, 2, start);
      _quorum_store_bind_date (stmt, 3, end);
      _quorum_store_bind_text (stmt, 4, destination);
      _quorum_store_bind_text (stmt, 5, reason);
      _quorum_store_bind_text (stmt, 6, filed_text);
      sqlite3_bind_int (stmt, 7, !!emergency);
      _quorum_store_bind_text (stmt, 8, emergency ? emergency_reason : NULL);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  return _quorum_store_end_add (self, "leave", ok, error);
}

/**
 * quorum_store_report_back:
 * @self: a #QuorumStore
 * @leave_id: the leave
 * @at: (nullable): when the person reported back, or %NULL for now
 * @error: return location for a #GError
 *
 * Records the return (销假).
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_report_back (QuorumStore  *self,
                          gint64        leave_id,
                          GDateTime    *at,
                          GError      **error)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!_quorum_store_check_exists (self, "leave", leave_id, error))
    return FALSE;

  when = at != NULL ? g_date_time_ref (at) : _quorum_store_now (self);
  text = _quorum_store_format_instant (when);
  return _quorum_store_update_row (self, "leave", leave_id, "report-back",
                                   "UPDATE leave SET reported_back_at = ?2 WHERE id = ?1",
                                   text, error);
}

static GPtrArray *
query_leaves (QuorumStore  *self,
              gint64        person_id,
              gint64        leave_id,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = NULL;
  gboolean row = FALSE;
  gboolean ok;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT id, person_id, start_date, end_date, destination,"
                                      " reason, filed_at, emergency, emergency_reason, approved,"
                                      " reported_back_at FROM leave"
                                      " WHERE (?1 = 0 OR person_id = ?1) AND (?2 = 0 OR id = ?2)"
                                      " ORDER BY start_date, id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (person_id, 0));
  sqlite3_bind_int64 (stmt, 2, MAX (leave_id, 0));

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_leave_unref);
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      QuorumLeave *leave = quorum_leave_new ();

      leave->id = sqlite3_column_int64 (stmt, 0);
      leave->person_id = sqlite3_column_int64 (stmt, 1);
      leave->start = _quorum_store_parse_date (_quorum_store_column_text (stmt, 2));
      leave->end = _quorum_store_parse_date (_quorum_store_column_text (stmt, 3));
      leave->destination = g_strdup (_quorum_store_column_text (stmt, 4));
      leave->reason = g_strdup (_quorum_store_column_text (stmt, 5));
      leave->filed_at = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 6));
      leave->emergency = sqlite3_column_int (stmt, 7) != 0;
      leave->emergency_reason = g_strdup (_quorum_store_column_text (stmt, 8));
      leave->approved = sqlite3_column_int (stmt, 9) != 0;
      leave->reported_back_at = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 10));
      g_ptr_array_add (result, leave);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * quorum_store_list_leaves:
 * @self: a #QuorumStore
 * @person_id: a person, or 0 for everyone
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type QuorumLeave): leave requests by start
 */
GPtrArray *
quorum_store_list_leaves (QuorumStore  *self,
                          gint64        person_id,
                          GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return query_leaves (self, person_id, 0, error);
}

/**
 * quorum_store_list_required_events_during_leave:
 * @self: a #QuorumStore
 * @leave_id: a leave
 * @error: return location for a #GError
 *
 * The occurrences the person on leave is expected at while away (days in
 * the default time zone, Asia/Shanghai), so that their absence can be
 * pre-arranged.
 *
 * Returns: (transfer full): a #GListModel of #QuorumOccurrence
 */
GListModel *
quorum_store_list_required_events_during_leave (QuorumStore  *self,
                                                gint64        leave_id,
                                                GError      **error)
{
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) to = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  QuorumLeave *leave;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(leaves = query_leaves (self, 0, leave_id, error)))
    return NULL;
  if (leaves->len == 0)
    {
      _quorum_store_check_exists (self, "leave", leave_id, error);
      return NULL;
    }

  leave = g_ptr_array_index (leaves, 0);
  if (!(tz = g_time_zone_new_identifier ("Asia/Shanghai")))
    tz = g_time_zone_new_utc ();
  from = g_date_time_new (tz, g_date_get_year (leave->start), g_date_get_month (leave->start),
                          g_date_get_day (leave->start), 0, 0, 0);
  last = g_date_time_new (tz, g_date_get_year (leave->end), g_date_get_month (leave->end),
                          g_date_get_day (leave->end), 0, 0, 0);
  to = g_date_time_add_days (last, 1);

  filter.person_id = leave->person_id;
  return quorum_store_list_occurrences (self, from, to, &filter, error);
}
