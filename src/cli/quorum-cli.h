/* quorum-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "quorum-database.h"

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
int             quorum_cli_fail          (const GError      *error);
int             quorum_cli_usage_error   (GOptionContext    *context,
                                          const char        *message);
void            quorum_cli_write         (const char        *text);

/* Commands, one file each (quorum-cli-<area>.c). */
int             quorum_cli_command_caldav (QuorumCliContext  *ctx,
                                           int                argc,
                                           char             **argv);
int             quorum_cli_command_sheet (QuorumCliContext  *ctx,
                                          int                argc,
                                          char             **argv);

G_END_DECLS
