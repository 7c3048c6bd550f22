/* quorum-agenda-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_AGENDA_VIEW (quorum_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAgendaView, quorum_agenda_view, QUORUM, AGENDA_VIEW, GtkWidget)

GtkWidget  *quorum_agenda_view_new               (void);
GListModel *quorum_agenda_view_get_model         (QuorumAgendaView *self);
void        quorum_agenda_view_set_model         (QuorumAgendaView *self,
                                                  GListModel       *model);
GDateTime  *quorum_agenda_view_get_today         (QuorumAgendaView *self);
void        quorum_agenda_view_set_today         (QuorumAgendaView *self,
                                                  GDateTime        *today);
GDateTime  *quorum_agenda_view_get_visible_start (QuorumAgendaView *self);
GDateTime  *quorum_agenda_view_get_visible_end   (QuorumAgendaView *self);
GListModel *quorum_agenda_view_get_rows          (QuorumAgendaView *self);

G_END_DECLS
