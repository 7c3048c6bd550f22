/* quorum-sheet-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-rulebook.h"
#include "quorum-sheet.h"
#include "quorum-store.h"

G_BEGIN_DECLS

QuorumSheet *quorum_sheet_new_for_occurrence            (QuorumStore      *store,
                                                         QuorumRulebook   *rulebook,
                                                         gint64            occurrence_id,
                                                         QuorumSheetKind   kind,
                                                         GError          **error);
char        *quorum_sheet_dup_duty_label                (QuorumRulebook   *rulebook,
                                                         const char       *duty_id);
gboolean     quorum_sheet_occurrence_has_speaking_order (QuorumStore      *store,
                                                         QuorumRulebook   *rulebook,
                                                         gint64            occurrence_id);

G_END_DECLS
