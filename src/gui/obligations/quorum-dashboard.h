/* quorum-dashboard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-matrix.h"
#include "quorum-period.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

/**
 * QuorumDashboardGroup:
 * @QUORUM_DASHBOARD_LEADERS: people (personal duties)
 * @QUORUM_DASHBOARD_DEPARTMENTS: departments
 * @QUORUM_DASHBOARD_TOWNS: towns and subdistricts
 * @QUORUM_DASHBOARD_BODY: the bodies as a whole
 *
 * Whose duties the dashboard's matrix shows.
 */
typedef enum
{
  QUORUM_DASHBOARD_LEADERS,
  QUORUM_DASHBOARD_DEPARTMENTS,
  QUORUM_DASHBOARD_TOWNS,
  QUORUM_DASHBOARD_BODY,
} QuorumDashboardGroup;

#define QUORUM_TYPE_DASHBOARD (quorum_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDashboard, quorum_dashboard, QUORUM, DASHBOARD, GtkWidget)

void          quorum_dashboard_set_context (QuorumDashboard      *self,
                                            QuorumStore          *store,
                                            QuorumRulebook       *rulebook,
                                            QuorumWorkdays       *workdays);
void          quorum_dashboard_reload      (QuorumDashboard      *self);
QuorumPeriod *quorum_dashboard_get_period  (QuorumDashboard      *self);
void          quorum_dashboard_set_period  (QuorumDashboard      *self,
                                            QuorumPeriod         *period);
void          quorum_dashboard_set_group   (QuorumDashboard      *self,
                                            QuorumDashboardGroup  group);
gboolean      quorum_dashboard_get_busy    (QuorumDashboard      *self);
QuorumMatrix *quorum_dashboard_get_matrix  (QuorumDashboard      *self);
const char   *quorum_dashboard_get_summary (QuorumDashboard      *self);

G_END_DECLS
