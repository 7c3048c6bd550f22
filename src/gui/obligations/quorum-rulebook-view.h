/* quorum-rulebook-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_RULEBOOK_VIEW (quorum_rulebook_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRulebookView, quorum_rulebook_view, QUORUM, RULEBOOK_VIEW, GtkWidget)

void        quorum_rulebook_view_set_context    (QuorumRulebookView  *self,
                                                 QuorumStore         *store,
                                                 QuorumRulebook      *rulebook);
void        quorum_rulebook_view_reload         (QuorumRulebookView  *self);
gboolean    quorum_rulebook_view_load_file      (QuorumRulebookView  *self,
                                                 GFile               *file);
const char *quorum_rulebook_view_get_error_text (QuorumRulebookView  *self);
guint       quorum_rulebook_view_get_n_unserved (QuorumRulebookView  *self);
const char *quorum_rulebook_view_get_served_by  (QuorumRulebookView  *self,
                                                 const char          *duty_id);

G_END_DECLS
