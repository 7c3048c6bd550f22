/* quorum-charts-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-chart.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CHARTS_VIEW (quorum_charts_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumChartsView, quorum_charts_view, QUORUM, CHARTS_VIEW, GtkWidget)

void     quorum_charts_view_set_context (QuorumChartsView *self,
                                         QuorumStore      *store,
                                         QuorumRulebook   *rulebook,
                                         QuorumWorkdays   *workdays);
void     quorum_charts_view_reload      (QuorumChartsView *self);
gboolean quorum_charts_view_get_busy    (QuorumChartsView *self);

G_END_DECLS
