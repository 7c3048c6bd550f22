/* quorum-compliance-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-compliance.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

/* One slot per #QuorumComplianceStatus. */
#define QUORUM_COMPLIANCE_N_STATUSES (QUORUM_COMPLIANCE_REMEDIED + 1)

QuorumRulebook *quorum_store_load_rulebook            (QuorumStore             *store,
                                                       GError                 **error);
GPtrArray      *quorum_compliance_compute             (QuorumStore             *store,
                                                       QuorumRulebook          *rulebook,
                                                       QuorumPeriod            *period,
                                                       const GDate             *today,
                                                       int                      at_risk_days,
                                                       QuorumWorkdays          *workdays,
                                                       GError                 **error);
void            quorum_compliance_count_statuses      (GPtrArray               *results,
                                                       const char              *duty_id,
                                                       guint                   *counts);
void            quorum_compliance_count_by_month      (GPtrArray               *results,
                                                       int                      year,
                                                       guint                    counts[12][QUORUM_COMPLIANCE_N_STATUSES]);
double          quorum_compliance_result_get_required (QuorumComplianceResult  *result,
                                                       QuorumDuty              *duty);
char           *quorum_compliance_result_format_figures (QuorumComplianceResult *result,
                                                         QuorumDuty             *duty);
char           *quorum_compliance_result_dup_subject  (QuorumComplianceResult  *result);

G_END_DECLS
