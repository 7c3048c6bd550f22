/* quorum-agenda-item.h: one row of QuorumAgendaView, a day header or an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "quorum-occurrence.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_AGENDA_ITEM (quorum_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAgendaItem, quorum_agenda_item, QUORUM, AGENDA_ITEM, GObject)

QuorumAgendaItem *quorum_agenda_item_new_header     (const GDate      *date,
                                                     const GDate      *today);
QuorumAgendaItem *quorum_agenda_item_new_event      (QuorumOccurrence *occurrence);
gboolean          quorum_agenda_item_get_is_header  (QuorumAgendaItem *self);
const char       *quorum_agenda_item_get_header     (QuorumAgendaItem *self);
QuorumOccurrence *quorum_agenda_item_get_occurrence (QuorumAgendaItem *self);
const char       *quorum_agenda_item_get_details    (QuorumAgendaItem *self);

G_END_DECLS
