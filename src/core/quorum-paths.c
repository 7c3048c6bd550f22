/* quorum-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-paths"

#include "config.h"

#include "quorum-paths.h"

/**
 * quorum_paths_dup_data_dir:
 *
 * The folder that holds Quorum's database and user data files,
 * `$XDG_DATA_HOME/quorum`. It is not created.
 *
 * Returns: (transfer full): a path
 */
char *
quorum_paths_dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "quorum", NULL);
}

/**
 * quorum_paths_dup_default_database:
 *
 * The database the app and `quorum-cli` use unless told otherwise:
 * `$QUORUM_DB` when set, else `$XDG_DATA_HOME/quorum/quorum.db`.
 *
 * Returns: (transfer full): a path
 */
char *
quorum_paths_dup_default_database (void)
{
  const char *env = g_getenv ("QUORUM_DB");
  g_autofree char *dir = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  dir = quorum_paths_dup_data_dir ();
  return g_build_filename (dir, "quorum.db", NULL);
}
