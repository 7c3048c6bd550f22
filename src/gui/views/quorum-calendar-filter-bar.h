/* quorum-calendar-filter-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CALENDAR_FILTER_BAR (quorum_calendar_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCalendarFilterBar, quorum_calendar_filter_bar, QUORUM, CALENDAR_FILTER_BAR,
                      GtkWidget)

GtkWidget  *quorum_calendar_filter_bar_new             (void);
void        quorum_calendar_filter_bar_set_store       (QuorumCalendarFilterBar *self,
                                                        QuorumStore             *store);
void        quorum_calendar_filter_bar_set_rulebook    (QuorumCalendarFilterBar *self,
                                                        QuorumRulebook          *rulebook);
gint64      quorum_calendar_filter_bar_get_person_id   (QuorumCalendarFilterBar *self);
void        quorum_calendar_filter_bar_set_person_id   (QuorumCalendarFilterBar *self,
                                                        gint64                   person_id);
const char *quorum_calendar_filter_bar_get_person_name (QuorumCalendarFilterBar *self);
gint64      quorum_calendar_filter_bar_get_unit_id     (QuorumCalendarFilterBar *self);
void        quorum_calendar_filter_bar_set_unit_id     (QuorumCalendarFilterBar *self,
                                                        gint64                   unit_id);
const char *quorum_calendar_filter_bar_get_duty_id     (QuorumCalendarFilterBar *self);
void        quorum_calendar_filter_bar_set_duty_id     (QuorumCalendarFilterBar *self,
                                                        const char              *duty_id);
gboolean    quorum_calendar_filter_bar_get_active      (QuorumCalendarFilterBar *self);
void        quorum_calendar_filter_bar_get_filter      (QuorumCalendarFilterBar *self,
                                                        QuorumOccurrenceFilter  *filter);
void        quorum_calendar_filter_bar_clear           (QuorumCalendarFilterBar *self);
void        quorum_calendar_filter_bar_reload          (QuorumCalendarFilterBar *self);
void        quorum_calendar_filter_bar_focus_person    (QuorumCalendarFilterBar *self);

G_END_DECLS
