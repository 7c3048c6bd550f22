/* quorum-obligations-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-charts-view.h"
#include "quorum-dashboard.h"
#include "quorum-person-view.h"
#include "quorum-rulebook-view.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_OBLIGATIONS_PAGE (quorum_obligations_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumObligationsPage, quorum_obligations_page, QUORUM, OBLIGATIONS_PAGE, GtkWidget)

void                quorum_obligations_page_show            (QuorumObligationsPage *self,
                                                             const char            *name);
QuorumPersonView   *quorum_obligations_page_get_person_view (QuorumObligationsPage *self);
QuorumDashboard    *quorum_obligations_page_get_dashboard   (QuorumObligationsPage *self);
QuorumChartsView   *quorum_obligations_page_get_charts_view (QuorumObligationsPage *self);
QuorumRulebookView *quorum_obligations_page_get_rulebook_view (QuorumObligationsPage *self);

G_END_DECLS
