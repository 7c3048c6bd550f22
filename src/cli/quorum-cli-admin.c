/* quorum-cli-admin.c: backup, restore and audit verification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-backup.h"
#include "quorum-cli.h"
#include "quorum-paths.h"
#include "quorum-store.h"

static char *
dup_database_path (QuorumCliContext *ctx)
{
  return ctx->db_path != NULL ? g_strdup (ctx->db_path) : quorum_paths_dup_default_database ();
}

int
quorum_cli_command_backup (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL;
  g_autofree char *written = NULL;
  g_autofree char *line = NULL;
  int keep = QUORUM_BACKUP_DEFAULT_KEEP;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("Write the backup to this file instead of the rotating backup folder"), N_("FILE") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep,
      N_("How many backups the rotating folder keeps (default 14)"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write a consistent copy of the database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (keep < 1)
    return quorum_cli_usage_error (context, _("--keep must be at least 1"));

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);

  if (to != NULL)
    {
      if (!quorum_database_backup_to (db, to, &error))
        return quorum_cli_fail (error);
      written = g_strdup (to);
    }
  else if (!(written = quorum_backup_rotate (db, "manual", keep, &error)))
    return quorum_cli_fail (error);

  line = g_strdup_printf (_("Backup written to %s\n"), written);
  quorum_cli_write (line);
  return 0;
}

int
quorum_cli_command_restore (QuorumCliContext  *ctx,
                            int                argc,
                            char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("BACKUP"));
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = dup_database_path (ctx);
  g_autofree char *aside = NULL;
  g_autofree char *line = NULL;

  g_option_context_set_summary (context,
                                _("Replace the database with a backup. The current file is "
                                  "renamed, never overwritten."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc != 2)
    return quorum_cli_usage_error (context, _("Name one backup file"));

  if (!quorum_backup_restore (argv[1], db_path, &aside, &error))
    return quorum_cli_fail (error);

  if (aside != NULL)
    line = g_strdup_printf (_("Restored %s from %s; the previous database is kept as %s\n"),
                            db_path, argv[1], aside);
  else
    line = g_strdup_printf (_("Restored %s from %s\n"), db_path, argv[1]);
  quorum_cli_write (line);
  return 0;
}

int
quorum_cli_command_audit (QuorumCliContext  *ctx,
                          int                argc,
                          char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("verify"));
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 broken = 0;
  guint64 n_checked = 0;

  g_option_context_set_summary (context,
                                _("Check the audit trail’s hash chain and report the first row "
                                  "where it breaks."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc != 2 || g_strcmp0 (argv[1], "verify") != 0)
    return quorum_cli_usage_error (context, _("The only audit command is “verify”"));

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);

  if (!quorum_store_verify_audit (store, &broken, &n_checked, &error))
    return quorum_cli_fail (error);

  if (broken != 0)
    {
      g_autoptr(GError) tampered = NULL;
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, broken);

      g_set_error (&tampered, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT,
                   _("The audit trail is broken at entry %s: it or an entry "
                     "before it was changed outside Quorum."), entry);
      return quorum_cli_fail (tampered);
    }

  /* Translators: %u is the number of audit entries */
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The audit trail is intact (%u entry checked).\n",
                                       "The audit trail is intact (%u entries checked).\n",
                                       (gulong)MIN (n_checked, G_MAXUINT)),
                          (guint)MIN (n_checked, G_MAXUINT));
  quorum_cli_write (line);
  return 0;
}
