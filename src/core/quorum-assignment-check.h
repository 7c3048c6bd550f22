/* quorum-assignment-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

GPtrArray *quorum_assignment_check (QuorumStore     *store,
                                    QuorumRulebook  *rulebook,
                                    gint64           person_id,
                                    GDate           *date,
                                    GError         **error);

G_END_DECLS
