/* quorum-people-labels.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words for the people pages: unit and relation kinds as people say them.
 */

#pragma once

#include "quorum-day.h"
#include "quorum-store.h"

G_BEGIN_DECLS

extern const char * const quorum_unit_kinds[];

const char *quorum_unit_kind_label       (const char  *kind);
const char *quorum_relation_kind_heading (const char  *kind);
GDate      *quorum_today                 (QuorumStore *store);

G_END_DECLS
