/* quorum-core-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void _quorum_statement_release (sqlite3_stmt *stmt);

/* libical-glib 3.0 and sqlite do not ship autoptr cleanups. A statement of
 * a #QuorumDatabase goes back to its cache (see _quorum_database_prepare()),
 * any other is finalized. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _quorum_statement_release)

G_END_DECLS
