/* quorum-calendar-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

#include "quorum-day-info.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CALENDAR_PAGE (quorum_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCalendarPage, quorum_calendar_page, QUORUM, CALENDAR_PAGE, GtkWidget)

GtkWidget  *quorum_calendar_page_new               (void);
GListModel *quorum_calendar_page_get_model         (QuorumCalendarPage *self);
void        quorum_calendar_page_set_model         (QuorumCalendarPage *self,
                                                    GListModel         *model);
void        quorum_calendar_page_set_overlay_model (QuorumCalendarPage *self,
                                                    GListModel         *model);
void        quorum_calendar_page_set_today         (QuorumCalendarPage *self,
                                                    GDateTime          *today);
void        quorum_calendar_page_set_day_info_func (QuorumCalendarPage *self,
                                                    QuorumDayInfoFunc   func,
                                                    gpointer            user_data,
                                                    GDestroyNotify      destroy);
GDateTime  *quorum_calendar_page_get_visible_start (QuorumCalendarPage *self);
GDateTime  *quorum_calendar_page_get_visible_end   (QuorumCalendarPage *self);
const char *quorum_calendar_page_get_view_name     (QuorumCalendarPage *self);
void        quorum_calendar_page_set_view_name     (QuorumCalendarPage *self,
                                                    const char         *name);
GtkWidget  *quorum_calendar_page_get_month_view    (QuorumCalendarPage *self);
GtkWidget  *quorum_calendar_page_get_agenda_view   (QuorumCalendarPage *self);

void quorum_calendar_page_set_store    (QuorumCalendarPage *self,
                                       QuorumStore        *store);
void quorum_calendar_page_set_workdays (QuorumCalendarPage *self,
                                       QuorumWorkdays     *workdays);
void quorum_calendar_page_set_rulebook (QuorumCalendarPage *self,
                                       QuorumRulebook     *rulebook);
GtkWidget *quorum_calendar_page_get_filter_bar (QuorumCalendarPage *self);
gboolean   quorum_calendar_page_has_month      (QuorumCalendarPage *self,
                                                int                 offset);
gboolean   quorum_calendar_page_is_loading_ahead (QuorumCalendarPage *self);

G_END_DECLS
