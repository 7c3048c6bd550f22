/* quorum-backup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-database.h"

G_BEGIN_DECLS

#define QUORUM_BACKUP_DEFAULT_KEEP 14

gboolean  quorum_database_backup_to   (QuorumDatabase  *self,
                                       const char      *dest_path,
                                       GError         **error);
char     *quorum_backup_dup_dir       (const char      *database_path);
char     *quorum_backup_rotate        (QuorumDatabase  *self,
                                       const char      *reason,
                                       guint            keep,
                                       GError         **error);
char     *quorum_backup_daily         (QuorumDatabase  *self,
                                       GDateTime       *now,
                                       guint            keep,
                                       GError         **error);
char     *quorum_backup_find_latest   (const char      *database_path);
gboolean  quorum_backup_set_aside     (const char      *database_path,
                                       char           **out_moved_aside,
                                       GError         **error);
gboolean  quorum_backup_restore       (const char      *backup_path,
                                       const char      *database_path,
                                       char           **out_moved_aside,
                                       GError         **error);

G_END_DECLS
