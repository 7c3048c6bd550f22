/* quorum-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-chart-render.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CHART (quorum_chart_get_type ())

G_DECLARE_FINAL_TYPE (QuorumChart, quorum_chart, QUORUM, CHART, GtkWidget)

GtkWidget             *quorum_chart_new      (void);
void                   quorum_chart_set_data (QuorumChart     *self,
                                              QuorumChartData *data);
const QuorumChartData *quorum_chart_get_data (QuorumChart     *self);

G_END_DECLS
