/* quorum-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "quorum-chart-render.h"
#include "quorum-period.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

gboolean quorum_report_write_pdf (QuorumStore     *store,
                                  QuorumRulebook  *rulebook,
                                  QuorumPeriod    *period,
                                  const GDate     *today,
                                  const char      *path,
                                  GError         **error);
gboolean quorum_report_write_csv (QuorumStore     *store,
                                  QuorumRulebook  *rulebook,
                                  QuorumPeriod    *period,
                                  const GDate     *today,
                                  const char      *path,
                                  GError         **error);
QuorumChartData *quorum_report_month_chart (GPtrArray *results,
                                            int        year);

G_END_DECLS
