/* quorum-database-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the store (and its friends inside src/core) speak SQL.
 */

#pragma once

#include <sqlite3.h>

#include "quorum-core-private.h"
#include "quorum-database.h"

G_BEGIN_DECLS

sqlite3      *_quorum_database_get_handle  (QuorumDatabase  *self);
gboolean      _quorum_database_exec        (QuorumDatabase  *self,
                                            const char      *sql,
                                            GError         **error);
sqlite3_stmt *_quorum_database_prepare     (QuorumDatabase  *self,
                                            const char      *sql,
                                            GError         **error);
gboolean      _quorum_database_begin       (QuorumDatabase  *self,
                                            GError         **error);
gboolean      _quorum_database_commit      (QuorumDatabase  *self,
                                            GError         **error);
void          _quorum_database_rollback    (QuorumDatabase  *self);
void          _quorum_database_set_error   (QuorumDatabase  *self,
                                            int              rc,
                                            GError         **error);

G_END_DECLS
