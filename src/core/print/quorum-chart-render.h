/* quorum-chart-render.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * QuorumChartKind:
 * @QUORUM_CHART_LINE: one line per series over the categories
 * @QUORUM_CHART_GROUPED: bars side by side, one per series, in each category
 * @QUORUM_CHART_STACKED: the series' bars stacked in each category
 *
 * How quorum_chart_render() draws the values.
 */
typedef enum
{
  QUORUM_CHART_LINE,
  QUORUM_CHART_GROUPED,
  QUORUM_CHART_STACKED,
} QuorumChartKind;

typedef struct _QuorumChartData QuorumChartData;

QuorumChartData *quorum_chart_data_new            (QuorumChartKind        kind,
                                                   guint                  n_categories,
                                                   guint                  n_series);
void             quorum_chart_data_free           (QuorumChartData       *self);
QuorumChartKind  quorum_chart_data_get_kind       (const QuorumChartData *self);
guint            quorum_chart_data_get_n_categories (const QuorumChartData *self);
guint            quorum_chart_data_get_n_series   (const QuorumChartData *self);
void             quorum_chart_data_set_category   (QuorumChartData       *self,
                                                   guint                  index,
                                                   const char            *label);
const char      *quorum_chart_data_get_category   (const QuorumChartData *self,
                                                   guint                  index);
void             quorum_chart_data_set_series     (QuorumChartData       *self,
                                                   guint                  index,
                                                   const char            *name,
                                                   const char            *colour);
const char      *quorum_chart_data_get_series_name (const QuorumChartData *self,
                                                   guint                  index);
void             quorum_chart_data_set_value      (QuorumChartData       *self,
                                                   guint                  series,
                                                   guint                  category,
                                                   double                 value);
double           quorum_chart_data_get_value      (const QuorumChartData *self,
                                                   guint                  series,
                                                   guint                  category);
void             quorum_chart_data_set_percent    (QuorumChartData       *self,
                                                   gboolean               percent);
void             quorum_chart_data_set_title      (QuorumChartData       *self,
                                                   const char            *title);
const char      *quorum_chart_data_get_title      (const QuorumChartData *self);
char            *quorum_chart_data_describe       (const QuorumChartData *self);

void             quorum_chart_render              (const QuorumChartData *data,
                                                   cairo_t               *cr,
                                                   double                 width,
                                                   double                 height,
                                                   const double           foreground[4],
                                                   const char            *font,
                                                   gboolean               with_title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumChartData, quorum_chart_data_free)

G_END_DECLS
