/* quorum-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "quorum-database.h"
#include "quorum-store.h"

G_BEGIN_DECLS

/* Exit statuses: 1 for a failure (nothing changed), 2 for a usage error. */
#define QUORUM_CLI_EXIT_FAILURE 1
#define QUORUM_CLI_EXIT_USAGE   2

typedef struct
{
  const char *db_path;
} QuorumCliContext;

typedef int (*QuorumCliCommandFunc) (QuorumCliContext  *ctx,
                                     int                argc,
                                     char             **argv);

typedef struct
{
  const char           *name;
  QuorumCliCommandFunc  func;
  const char           *summary;
} QuorumCliCommand;

QuorumDatabase *quorum_cli_open_database (QuorumCliContext  *ctx,
                                          GError           **error);
int             quorum_cli_command_rules    (QuorumCliContext  *ctx,
                                             int                argc,
                                             char             **argv);
int             quorum_cli_command_workdays (QuorumCliContext  *ctx,
                                             int                argc,
                                             char             **argv);
int             quorum_cli_command_backup  (QuorumCliContext  *ctx,
                                            int                argc,
                                            char             **argv);
int             quorum_cli_command_restore (QuorumCliContext  *ctx,
                                            int                argc,
                                            char             **argv);
int             quorum_cli_command_audit   (QuorumCliContext  *ctx,
                                            int                argc,
                                            char             **argv);
int             quorum_cli_fail          (const GError      *error);
int             quorum_cli_usage_error   (GOptionContext    *context,
                                          const char        *message);
void            quorum_cli_write         (const char        *text);

/* Commands, one file each (quorum-cli-<area>.c). */
int             quorum_cli_command_feed  (QuorumCliContext  *ctx,
                                          int                argc,
                                          char             **argv);
int             quorum_cli_command_caldav (QuorumCliContext  *ctx,
                                           int                argc,
                                           char             **argv);
int             quorum_cli_command_sheet (QuorumCliContext  *ctx,
                                          int                argc,
                                          char             **argv);
/* quorum-cli-demo.c */
int quorum_cli_command_demo (QuorumCliContext  *ctx,
                             int                argc,
                             char             **argv);
/* quorum-cli-people.c */
int             quorum_cli_command_export_people (QuorumCliContext  *ctx,
                                                  int                argc,
                                                  char             **argv);
int             quorum_cli_command_import_people (QuorumCliContext  *ctx,
                                                  int                argc,
                                                  char             **argv);
/* quorum-cli-store.c */
int quorum_cli_command_attend (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_cancel (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_leave (QuorumCliContext  *ctx,
                             int                argc,
                             char             **argv);
int quorum_cli_command_makeup (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_move (QuorumCliContext  *ctx,
                            int                argc,
                            char             **argv);
int quorum_cli_command_occurrences (QuorumCliContext  *ctx,
                                   int                argc,
                                   char             **argv);
int quorum_cli_command_people (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_person (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_record (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_relation (QuorumCliContext  *ctx,
                                int                argc,
                                char             **argv);
int quorum_cli_command_report (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_series (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_status (QuorumCliContext  *ctx,
                               int                argc,
                               char             **argv);
int quorum_cli_command_unit (QuorumCliContext  *ctx,
                            int                argc,
                            char             **argv);
/* Helpers of quorum-cli-store.c for other commands: a person or unit by id
 * or exact name, and "2026-01-05[ 09:00]" in Asia/Shanghai. */
QuorumStore *quorum_cli_open_store      (QuorumCliContext  *ctx,
                                         GError           **error);
gint64       quorum_cli_find_person     (QuorumStore       *store,
                                         const char        *arg,
                                         GError           **error);
gint64       quorum_cli_find_unit       (QuorumStore       *store,
                                         const char        *arg,
                                         GError           **error);
GDateTime   *quorum_cli_parse_datetime  (const char        *text);

/* quorum-cli-ics.c */
int quorum_cli_command_export (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);
int quorum_cli_command_import (QuorumCliContext  *ctx,
                              int                argc,
                              char             **argv);

G_END_DECLS
