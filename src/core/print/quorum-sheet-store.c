/* quorum-sheet-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a QuorumSheet from the store: the one place that decides what an
 * occurrence's sign-in sheet, attendance record and speaking order say, so
 * that the print dialog and `quorum-cli sheet` print the same thing.
 */

#define G_LOG_DOMAIN "quorum-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quorum-sheet-store.h"

/**
 * quorum_sheet_dup_duty_label:
 * @rulebook: (nullable): the rulebook in force
 * @duty_id: (nullable): a duty id
 *
 * How a sheet and the occurrence window name the duty an occurrence serves:
 * its article and title ("第2条 党组理论学习中心组学习").
 *
 * Returns: (transfer full) (nullable): the label, or %NULL without a duty
 */
char *
quorum_sheet_dup_duty_label (QuorumRulebook *rulebook,
                             const char     *duty_id)
{
  QuorumDuty *duty;

  if (duty_id == NULL || *duty_id == '\0')
    return NULL;
  if (rulebook == NULL || (duty = quorum_rulebook_lookup (rulebook, duty_id)) == NULL)
    return g_strdup (duty_id);

  /* Translators: the duty an event serves: %1$d is the article of the policy, %2$s the duty */
  return g_strdup_printf (_("Article %1$d: %2$s"), quorum_duty_get_article (duty),
                          quorum_duty_get_title (duty));
}

/* The name of the government unit heads the sheet (栖霞市人民政府). */
static char *
dup_office (QuorumStore *store)
{
  g_autoptr(GListModel) units = quorum_store_list_units (store, "government", NULL);
  g_autoptr(QuorumUnit) unit = NULL;

  if (units == NULL || g_list_model_get_n_items (units) == 0)
    return NULL;
  unit = g_list_model_get_item (units, 0);
  return g_strdup (quorum_unit_get_name (unit));
}

static GDateTime *
dup_day_as_date_time (const GDate *date,
                      GDateTime   *zone_of)
{
  if (date == NULL)
    return NULL;
  return g_date_time_new (g_date_time_get_timezone (zone_of), g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

static char *
dup_made_up (QuorumStore            *store,
             gint64                  occurrence_id,
             QuorumAttendance       *item,
             GError                **error)
{
  g_autoptr(GDate) date = NULL;
  char buffer[64];

  if (quorum_attendance_get_status (item) != QUORUM_ATTENDANCE_EXCUSED &&
      quorum_attendance_get_status (item) != QUORUM_ATTENDANCE_ABSENT)
    return NULL;
  if (!quorum_store_get_makeup (store, occurrence_id, quorum_attendance_get_person_id (item),
                                &date, NULL, NULL, error) || date == NULL)
    return NULL;

  if (g_date_strftime (buffer, sizeof buffer, _("%B %-d, %Y"), date) == 0)
    return NULL;
  return g_strdup (buffer);
}

/**
 * quorum_sheet_new_for_occurrence:
 * @store: a #QuorumStore
 * @rulebook: (nullable): the rulebook in force, for the duty's article and title
 * @occurrence_id: the occurrence
 * @kind: which sheet
 * @error: return location for a #GError
 *
 * Builds the sheet of an occurrence from the store. The sign-in sheet and
 * the speaking order list the people expected at it, most senior first (the
 * speaking order prints them reversed); people on approved leave carry their
 * leave as an excuse. The attendance record adds anyone recorded who was not
 * expected, with statuses, reasons, key speakers and make-ups. The sheet is
 * dated with the store's "now".
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
QuorumSheet *
quorum_sheet_new_for_occurrence (QuorumStore      *store,
                                 QuorumRulebook   *rulebook,
                                 gint64            occurrence_id,
                                 QuorumSheetKind   kind,
                                 GError          **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(GListModel) roll = NULL;
  g_autoptr(QuorumSheet) sheet = NULL;
  g_autoptr(GDate) signed_day = NULL;
  g_autoptr(GDateTime) signed_on = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *office = NULL;
  g_autofree char *duty = NULL;
  QuorumOccurrenceStatus status;
  guint n;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (rulebook == NULL || QUORUM_IS_RULEBOOK (rulebook), NULL);

  if (!(occurrence = quorum_store_get_occurrence (store, occurrence_id, error)) ||
      !(roll = quorum_store_list_attendance (store, occurrence_id, error)) ||
      !quorum_store_get_minutes (store, occurrence_id, NULL, &signed_day, error))
    return NULL;

  sheet = quorum_sheet_new (kind);
  office = dup_office (store);
  duty = quorum_sheet_dup_duty_label (rulebook, quorum_occurrence_get_duty_id (occurrence));
  signed_on = dup_day_as_date_time (signed_day, quorum_occurrence_get_start (occurrence));
  now = quorum_store_dup_now (store);

  quorum_sheet_set_office (sheet, office);
  quorum_sheet_set_title (sheet, quorum_occurrence_get_title (occurrence));
  quorum_sheet_set_duty (sheet, duty);
  quorum_sheet_set_location (sheet, quorum_occurrence_get_location (occurrence));
  quorum_sheet_set_times (sheet, quorum_occurrence_get_start (occurrence),
                          quorum_occurrence_get_end (occurrence));
  quorum_sheet_set_minutes_signed_on (sheet, signed_on);
  quorum_sheet_set_printed_at (sheet, now);

  status = quorum_occurrence_get_status (occurrence);
  if (kind == QUORUM_SHEET_RECORD &&
      (status == QUORUM_OCCURRENCE_NOT_HELD || status == QUORUM_OCCURRENCE_CANCELLED))
    {
      g_autofree char *notes = NULL;
      const char *reason = quorum_occurrence_get_status_reason (occurrence);

      if (status == QUORUM_OCCURRENCE_NOT_HELD)
        /* Translators: a note on an attendance record; %s is the reason */
        notes = g_strdup_printf (_("Not held: %s"), reason != NULL ? reason : "");
      else
        /* Translators: a note on an attendance record; %s is the reason */
        notes = g_strdup_printf (_("Cancelled: %s"), reason != NULL ? reason : "");
      quorum_sheet_set_notes (sheet, notes);
    }

  n = g_list_model_get_n_items (roll);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (roll, i);
      g_autofree char *made_up = NULL;

      /* Only the record lists people who came without being expected. */
      if (kind != QUORUM_SHEET_RECORD && !quorum_attendance_get_expected (item))
        continue;

      if (kind == QUORUM_SHEET_RECORD)
        {
          g_autoptr(GError) local_error = NULL;

          made_up = dup_made_up (store, occurrence_id, item, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }

      quorum_sheet_add_row (sheet,
                            quorum_attendance_get_person_name (item),
                            quorum_attendance_get_person_title (item),
                            quorum_attendance_get_status (item),
                            quorum_attendance_get_reason (item),
                            quorum_attendance_get_key_speaker (item),
                            made_up);
    }

  return g_steal_pointer (&sheet);
}

/**
 * quorum_sheet_occurrence_has_speaking_order:
 * @store: a #QuorumStore
 * @rulebook: (nullable): the rulebook in force
 * @occurrence_id: an occurrence
 *
 * Whether the occurrence is an executive meeting (常务会议), where members
 * speak in reverse order of rank (倒序发言): its duty binds the executive
 * meeting, or the executive meeting takes part in its series.
 *
 * Returns: %TRUE when a speaking order belongs to it
 */
gboolean
quorum_sheet_occurrence_has_speaking_order (QuorumStore    *store,
                                            QuorumRulebook *rulebook,
                                            gint64          occurrence_id)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  const gint64 *units;
  const char *duty_id;
  QuorumDuty *duty;
  guint n_units = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (store, occurrence_id, NULL)))
    return FALSE;

  duty_id = quorum_occurrence_get_duty_id (occurrence);
  if (rulebook != NULL && duty_id != NULL &&
      (duty = quorum_rulebook_lookup (rulebook, duty_id)) != NULL &&
      g_strcmp0 (quorum_duty_get_group (duty), "executive-meeting") == 0)
    return TRUE;

  if (!(series = quorum_store_get_series (store, quorum_occurrence_get_series_id (occurrence),
                                          NULL)))
    return FALSE;
  units = quorum_series_get_participant_units (series, &n_units);
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(QuorumUnit) unit = quorum_store_get_unit (store, units[i], NULL);

      if (unit != NULL && g_strcmp0 (quorum_unit_get_kind (unit), "executive-meeting") == 0)
        return TRUE;
    }

  return FALSE;
}
