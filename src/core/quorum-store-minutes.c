/* quorum-store-minutes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minutes of an occurrence (会议纪要) and the make-up recorded for one
 * absence: what the occurrence window and the printed record show.
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

/* The calendar day an occurrence starts on, in its own time zone. */
static GDate *
dup_start_day (QuorumOccurrence *occurrence)
{
  GDateTime *start = quorum_occurrence_get_start (occurrence);

  return g_date_new_dmy (g_date_time_get_day_of_month (start),
                         g_date_time_get_month (start),
                         g_date_time_get_year (start));
}

/**
 * quorum_store_set_minutes:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence
 * @text: (nullable): the minutes, or %NULL (or blank) for none
 * @signed_on: (nullable): the day the minutes were signed off (签发), or
 *   %NULL while they are not; not before the occurrence's day
 * @error: return location for a #GError
 *
 * Stores the minutes of an occurrence and the day they were signed off.
 * Article 16 of the Qixia rulebook wants them signed within 3 working days
 * of the meeting; the store keeps the day and leaves the judgement to the
 * compliance code.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_set_minutes (QuorumStore  *self,
                          gint64        occurrence_id,
                          const char   *text,
                          GDate        *signed_on,
                          GError      **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *before = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)))
    return FALSE;
  if (signed_on != NULL && !g_date_valid (signed_on))
    return _quorum_store_invalid (error, "%s", _("The day the minutes were signed is not a date."));

  day = dup_start_day (occurrence);
  if (signed_on != NULL && g_date_compare (signed_on, day) < 0)
    return _quorum_store_invalid (error,
                                  _("The minutes of “%s” cannot be signed before the meeting."),
                                  quorum_occurrence_get_title (occurrence));

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, "occurrence", "id = ?1", occurrence_id, 0);
  ok = (stmt = _quorum_store_prepare (self,
                                      "UPDATE occurrence SET minutes_text = ?2,"
                                      " minutes_signed_on = ?3 WHERE id = ?1",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, occurrence_id);
      /* Blank minutes are no minutes; written ones keep their own spacing. */
      _quorum_store_bind_text (stmt, 2, *trimmed == '\0' ? NULL : text);
      _quorum_store_bind_date (stmt, 3, signed_on);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  ok = ok && _quorum_store_audit_row (self, "occurrence", occurrence_id, "minutes", before,
                                      error);
  return _quorum_store_end_changed (self, ok, "occurrence", occurrence_id, error);
}

/**
 * quorum_store_get_minutes:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence
 * @out_text: (out) (optional) (nullable) (transfer full): the minutes, or
 *   %NULL when none are stored
 * @out_signed_on: (out) (optional) (nullable) (transfer full): the day they
 *   were signed off, or %NULL
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_get_minutes (QuorumStore  *self,
                          gint64        occurrence_id,
                          char        **out_text,
                          GDate       **out_signed_on,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (out_text != NULL)
    *out_text = NULL;
  if (out_signed_on != NULL)
    *out_signed_on = NULL;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT minutes_text, minutes_signed_on FROM occurrence"
                                      " WHERE id = ?1",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return _quorum_store_check_exists (self, "occurrence", occurrence_id, error);

  if (out_text != NULL)
    *out_text = g_strdup (_quorum_store_column_text (stmt, 0));
  if (out_signed_on != NULL)
    *out_signed_on = _quorum_store_parse_date (_quorum_store_column_text (stmt, 1));
  return TRUE;
}

/**
 * quorum_store_get_makeup:
 * @self: a #QuorumStore
 * @occurrence_id: the session that was missed
 * @person_id: who missed it
 * @out_date: (out) (transfer full) (nullable): the day it was made up, or
 *   %NULL when no make-up is recorded
 * @out_how: (out) (optional): how
 * @out_note: (out) (optional) (nullable) (transfer full): the note
 * @error: return location for a #GError
 *
 * Looks up the make-up (补学) recorded with quorum_store_record_makeup().
 * Finding none is not an error: *@out_date is then %NULL.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_get_makeup (QuorumStore         *self,
                         gint64               occurrence_id,
                         gint64               person_id,
                         GDate              **out_date,
                         QuorumMakeupMethod  *out_how,
                         char               **out_note,
                         GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  *out_date = NULL;
  if (out_note != NULL)
    *out_note = NULL;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT made_up_on, how, note FROM makeup"
                                      " WHERE occurrence_id = ?1 AND person_id = ?2",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return TRUE;

  *out_date = _quorum_store_parse_date (_quorum_store_column_text (stmt, 0));
  if (out_how != NULL)
    *out_how = _quorum_store_enum_value (QUORUM_TYPE_MAKEUP_METHOD,
                                         _quorum_store_column_text (stmt, 1),
                                         QUORUM_MAKEUP_OTHER);
  if (out_note != NULL)
    *out_note = g_strdup (_quorum_store_column_text (stmt, 2));
  return TRUE;
}
