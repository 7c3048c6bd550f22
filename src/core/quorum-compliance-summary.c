/* quorum-compliance-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the supervision views and reports share on top of the compliance
 * engine: one call from a store to results, counts by status and by month,
 * and the figures a cell shows (“2/4”, “40%/50%”).
 */

#define G_LOG_DOMAIN "quorum-compliance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-compliance-store.h"
#include "quorum-compliance-summary.h"

/**
 * quorum_store_load_rulebook:
 * @store: a store
 * @error: return location for a #GError
 *
 * Loads the rulebook stored with the database, or the bundled one when the
 * database has none.
 *
 * Returns: (transfer full): the rulebook, or %NULL with @error set when the
 *   stored one does not load
 */
QuorumRulebook *
quorum_store_load_rulebook (QuorumStore  *store,
                            GError      **error)
{
  char *data;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  if ((data = quorum_store_dup_rulebook_data (store)) == NULL)
    return quorum_rulebook_new_default (error);
  bytes = g_bytes_new_take (data, strlen (data));
  return quorum_rulebook_new_from_bytes (bytes, _("the stored rulebook"), error);
}

/**
 * quorum_compliance_compute:
 * @store: a store
 * @rulebook: the duties to evaluate
 * @period: the period to report on
 * @today: the day the report is made
 * @at_risk_days: the warning period in days, negative for the default
 * @workdays: (nullable): the holiday calendar
 * @error: return location for a #GError
 *
 * Gathers the compliance input for @period from @store and evaluates it
 * (quorum_store_gather_compliance_input() then quorum_compliance_evaluate()).
 *
 * Returns: (transfer full) (element-type QuorumComplianceResult): the
 *   results, or %NULL with @error set
 */
GPtrArray *
quorum_compliance_compute (QuorumStore     *store,
                           QuorumRulebook  *rulebook,
                           QuorumPeriod    *period,
                           const GDate     *today,
                           int              at_risk_days,
                           QuorumWorkdays  *workdays,
                           GError         **error)
{
  g_autoptr(QuorumComplianceInput) input = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (rulebook), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!(input = quorum_store_gather_compliance_input (store, rulebook, period, error)))
    return NULL;
  return quorum_compliance_evaluate (input, period, today, at_risk_days, workdays, error);
}

/**
 * quorum_compliance_count_statuses:
 * @results: (element-type QuorumComplianceResult): results
 * @duty_id: (nullable): count only this duty's results
 * @counts: (array fixed-size=5): one counter per #QuorumComplianceStatus,
 *   set (not added to)
 *
 * Counts @results by status.
 */
void
quorum_compliance_count_statuses (GPtrArray  *results,
                                  const char *duty_id,
                                  guint      *counts)
{
  g_return_if_fail (results != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * QUORUM_COMPLIANCE_N_STATUSES);
  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];

      if (duty_id == NULL || g_strcmp0 (duty_id, quorum_compliance_result_get_duty_id (r)) == 0)
        counts[quorum_compliance_result_get_status (r)]++;
    }
}

/**
 * quorum_compliance_count_by_month:
 * @results: (element-type QuorumComplianceResult): results of a year or more
 * @year: the year to count
 * @counts: one row of counters per month of @year, set (not added to)
 *
 * Counts the results of the duties counted per month or more often (months,
 * fortnights, weeks) by the month their period starts in: what “duties met
 * per month” shows. Longer periods and per-event results are left out.
 */
void
quorum_compliance_count_by_month (GPtrArray *results,
                                  int        year,
                                  guint      counts[12][QUORUM_COMPLIANCE_N_STATUSES])
{
  g_return_if_fail (results != NULL);

  memset (counts, 0, sizeof (guint) * 12 * QUORUM_COMPLIANCE_N_STATUSES);
  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      QuorumPeriod *period = quorum_compliance_result_get_period (r);
      const GDate *start = quorum_period_get_start (period);

      switch (quorum_period_get_kind (period))
        {
        case QUORUM_PERIOD_WEEK:
        case QUORUM_PERIOD_FORTNIGHT:
        case QUORUM_PERIOD_MONTH:
          if (g_date_get_year (start) == year)
            counts[g_date_get_month (start) - 1][quorum_compliance_result_get_status (r)]++;
          break;
        case QUORUM_PERIOD_NONE:
        case QUORUM_PERIOD_QUARTER:
        case QUORUM_PERIOD_HALF_YEAR:
        case QUORUM_PERIOD_YEAR:
        default:
          break;
        }
    }
}

/**
 * quorum_compliance_result_get_required:
 * @result: a result
 * @duty: (nullable): the result's duty
 *
 * Returns: what @result must reach: the duty's minimum, or for a member's
 *   attendance the number of sessions owed
 */
double
quorum_compliance_result_get_required (QuorumComplianceResult *result,
                                       QuorumDuty             *duty)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (result), 0);

  /* A member owes every session held while a member: the result lists them. */
  if (duty != NULL && quorum_duty_get_attendance (duty) &&
      quorum_compliance_result_get_subject_kind (result) != QUORUM_SUBJECT_BODY)
    return quorum_compliance_result_get_record_ids (result)->len;
  return quorum_compliance_result_get_min (result);
}

/**
 * quorum_compliance_result_format_figures:
 * @result: a result
 * @duty: (nullable): the result's duty
 *
 * Returns: (transfer full): what was reached against what is required, for
 *   a cell: “2/4”, “40%/50%”, or “3/≤2” for a maximum only
 */
char *
quorum_compliance_result_format_figures (QuorumComplianceResult *result,
                                         QuorumDuty             *duty)
{
  double achieved, required;
  int max;

  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (result), NULL);

  achieved = quorum_compliance_result_get_achieved (result);
  required = quorum_compliance_result_get_required (result, duty);
  max = quorum_compliance_result_get_max (result);

  if (quorum_compliance_result_get_measure (result) == QUORUM_MEASURE_RATIO)
    return g_strdup_printf ("%.0f%%/%.0f%%", achieved, required);
  if (required <= 0 && max >= 0)
    return g_strdup_printf ("%g/≤%d", achieved, max);
  return g_strdup_printf ("%g/%g", achieved, required);
}

/**
 * quorum_compliance_result_dup_subject:
 * @result: a result
 *
 * Returns: (transfer full): the subject's name, with the related unit for a
 *   per-unit result (“张三 · 万华化学”)
 */
char *
quorum_compliance_result_dup_subject (QuorumComplianceResult *result)
{
  const char *unit;

  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (result), NULL);

  unit = quorum_compliance_result_get_unit_label (result);
  if (unit != NULL && *unit != '\0')
    return g_strdup_printf ("%s · %s", quorum_compliance_result_get_subject_label (result), unit);
  return g_strdup (quorum_compliance_result_get_subject_label (result));
}
