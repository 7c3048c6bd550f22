/* quorum-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_DATABASE_ERROR (quorum_database_error_quark ())

/**
 * QuorumDatabaseError:
 * @QUORUM_DATABASE_ERROR_OPEN: the file could not be opened
 * @QUORUM_DATABASE_ERROR_CORRUPT: the file is damaged or is not a Quorum database
 * @QUORUM_DATABASE_ERROR_TOO_NEW: the file was written by a newer Quorum
 * @QUORUM_DATABASE_ERROR_BUSY: another program holds the database for too long
 * @QUORUM_DATABASE_ERROR_FULL: the disk is full
 * @QUORUM_DATABASE_ERROR_READ_ONLY: the file cannot be written
 * @QUORUM_DATABASE_ERROR_FAILED: any other failure
 */
typedef enum
{
  QUORUM_DATABASE_ERROR_OPEN,
  QUORUM_DATABASE_ERROR_CORRUPT,
  QUORUM_DATABASE_ERROR_TOO_NEW,
  QUORUM_DATABASE_ERROR_BUSY,
  QUORUM_DATABASE_ERROR_FULL,
  QUORUM_DATABASE_ERROR_READ_ONLY,
  QUORUM_DATABASE_ERROR_FAILED,
} QuorumDatabaseError;

#define QUORUM_TYPE_DATABASE (quorum_database_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDatabase, quorum_database, QUORUM, DATABASE, GObject)

GQuark          quorum_database_error_quark        (void);
QuorumDatabase *quorum_database_open               (const char      *path,
                                                    GError         **error);
const char     *quorum_database_get_path           (QuorumDatabase  *self);
int             quorum_database_get_schema_version (QuorumDatabase  *self);
int             quorum_database_get_latest_version (void);

G_END_DECLS
