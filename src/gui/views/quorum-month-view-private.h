/* quorum-month-view-private.h: for the view's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-month-cell.h"
#include "quorum-month-view.h"

G_BEGIN_DECLS

QuorumMonthCell *_quorum_month_view_get_cell       (QuorumMonthView *self,
                                                    const GDate     *date,
                                                    guint           *column,
                                                    guint           *row);
guint            _quorum_month_view_get_n_rows     (QuorumMonthView *self);
GtkPopover      *_quorum_month_view_get_popover    (QuorumMonthView *self);
GtkListBox      *_quorum_month_view_get_day_list   (QuorumMonthView *self);
const char      *_quorum_month_view_get_weekday_header (QuorumMonthView *self,
                                                        guint            column);

G_END_DECLS
