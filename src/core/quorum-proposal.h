/* quorum-proposal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "quorum-rulebook.h"
#include "quorum-series.h"
#include "quorum-store.h"

G_BEGIN_DECLS

/* Start and length of a proposed meeting, and of a whole-day duty. */
#define QUORUM_PROPOSAL_HOUR              9
#define QUORUM_PROPOSAL_MINUTES           120
#define QUORUM_PROPOSAL_DAY_HOUR          8
#define QUORUM_PROPOSAL_DAY_MINUTE        30
#define QUORUM_PROPOSAL_DAY_MINUTES       540
#define QUORUM_PROPOSAL_REMINDER_MINUTES  1440

gboolean      quorum_proposal_duty_is_schedulable (QuorumDuty    *duty);
gboolean      quorum_proposal_duty_is_personal    (QuorumDuty    *duty);
const char   *quorum_proposal_unit_kind_for_group (const char    *group);
GArray       *quorum_proposal_list_members        (QuorumStore   *store,
                                                   QuorumDuty    *duty,
                                                   const GDate   *today,
                                                   GError       **error);
QuorumSeries *quorum_proposal_for_duty            (QuorumDuty    *duty,
                                                   QuorumStore   *store,
                                                   const GDate   *today,
                                                   gint64         owner_id);
QuorumSeries *quorum_proposal_for_duty_staggered  (QuorumDuty    *duty,
                                                   QuorumStore   *store,
                                                   const GDate   *today,
                                                   gint64         owner_id,
                                                   guint          shift);
void          quorum_proposal_stagger             (QuorumSeries  *series,
                                                   guint          shift);

G_END_DECLS
