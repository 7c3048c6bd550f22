/* quorum-compliance-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-compliance.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

QuorumComplianceInput *quorum_store_gather_compliance_input (QuorumStore     *store,
                                                             QuorumRulebook  *rulebook,
                                                             QuorumPeriod    *outer,
                                                             GError         **error);

G_END_DECLS
