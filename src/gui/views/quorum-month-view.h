/* quorum-month-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-day-info.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MONTH_VIEW (quorum_month_view_get_type ())

/**
 * QuorumMonthDayFunc:
 * @date: a day of the grid
 * @user_data: the data given with the function
 *
 * Returns: (transfer full) (nullable): every #QuorumOccurrence of @date
 */
typedef GListModel *(*QuorumMonthDayFunc) (const GDate *date,
                                           gpointer     user_data);

G_DECLARE_FINAL_TYPE (QuorumMonthView, quorum_month_view, QUORUM, MONTH_VIEW, GtkWidget)

GtkWidget  *quorum_month_view_new                   (void);
GListModel *quorum_month_view_get_model             (QuorumMonthView   *self);
void        quorum_month_view_set_model             (QuorumMonthView   *self,
                                                     GListModel        *model);
GDateTime  *quorum_month_view_get_date              (QuorumMonthView   *self);
void        quorum_month_view_set_date              (QuorumMonthView   *self,
                                                     GDateTime         *date);
GDateTime  *quorum_month_view_get_month             (QuorumMonthView   *self);
GDateTime  *quorum_month_view_get_today             (QuorumMonthView   *self);
void        quorum_month_view_set_today             (QuorumMonthView   *self,
                                                     GDateTime         *today);
GDateTime  *quorum_month_view_get_visible_start     (QuorumMonthView   *self);
GDateTime  *quorum_month_view_get_visible_end       (QuorumMonthView   *self);
void        quorum_month_view_set_day_info_func     (QuorumMonthView   *self,
                                                     QuorumDayInfoFunc  func,
                                                     gpointer           user_data,
                                                     GDestroyNotify     destroy);
void        quorum_month_view_set_hidden            (QuorumMonthView   *self,
                                                     GArray            *hidden);
void        quorum_month_view_set_day_func          (QuorumMonthView   *self,
                                                     QuorumMonthDayFunc func,
                                                     gpointer           user_data,
                                                     GDestroyNotify     destroy);
void        quorum_month_view_open_day              (QuorumMonthView   *self);
void        quorum_month_view_get_span_of_month     (QuorumMonthView   *self,
                                                     int                offset,
                                                     GDateTime        **start,
                                                     GDateTime        **end);

G_END_DECLS
