/* quorum-person-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PERSON_VIEW (quorum_person_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPersonView, quorum_person_view, QUORUM, PERSON_VIEW, GtkWidget)

void       quorum_person_view_set_context (QuorumPersonView *self,
                                           QuorumStore      *store,
                                           QuorumRulebook   *rulebook,
                                           QuorumWorkdays   *workdays);
void       quorum_person_view_reload      (QuorumPersonView *self);
gint64     quorum_person_view_get_person  (QuorumPersonView *self);
void       quorum_person_view_set_person  (QuorumPersonView *self,
                                           gint64            person_id);
gboolean   quorum_person_view_get_busy    (QuorumPersonView *self);
GPtrArray *quorum_person_view_get_results (QuorumPersonView *self);
guint      quorum_person_view_get_n_rows  (QuorumPersonView *self);
guint      quorum_person_view_get_n_upcoming (QuorumPersonView *self);

G_END_DECLS
