/* quorum-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "quorum-cli.h"
#include "quorum-paths.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"

static int command_init (QuorumCliContext *ctx, int argc, char **argv);

static const QuorumCliCommand commands[] = {
  { "caldav", quorum_cli_command_caldav, N_("Publish events to a CalDAV server, or test the connection") },
  { "init", command_init, N_("Create the database, or bring its schema up to date") },
  { "feed", quorum_cli_command_feed, N_("Serve calendar feeds to phones, or write a QR code") },
  { "sheet", quorum_cli_command_sheet, N_("Print a sign-in sheet, attendance record or speaking order") },
  { "rules", quorum_cli_command_rules, N_("List the duties of a rulebook") },
  { "workdays", quorum_cli_command_workdays, N_("Count working days, or check a date, in the holiday calendar") },
  { "people", quorum_cli_command_people, N_("List people") },
  { "person", quorum_cli_command_person, N_("Add a person") },
  { "unit", quorum_cli_command_unit, N_("Add a unit") },
  { "import-people", quorum_cli_command_import_people, N_("Import people and assignments from a CSV file") },
  { "export-people", quorum_cli_command_export_people, N_("Export people and assignments as CSV") },
  { "relation", quorum_cli_command_relation, N_("Relate a person to a unit from a date") },
  { "series", quorum_cli_command_series, N_("Add or list series of meetings and duties") },
  { "occurrences", quorum_cli_command_occurrences, N_("List occurrences between two days") },
  { "attend", quorum_cli_command_attend, N_("Record a person's attendance") },
  { "makeup", quorum_cli_command_makeup, N_("Record that a missed session was made up") },
  { "leave", quorum_cli_command_leave, N_("File or list leave requests") },
  { "record", quorum_cli_command_record, N_("Add a personal record") },
  { "cancel", quorum_cli_command_cancel, N_("Cancel one occurrence") },
  { "move", quorum_cli_command_move, N_("Move one occurrence") },
  { "backup", quorum_cli_command_backup, N_("Write a backup of the database") },
  { "restore", quorum_cli_command_restore, N_("Replace the database with a backup") },
  { "audit", quorum_cli_command_audit, N_("Verify the audit trail") },
  { "status", quorum_cli_command_status, N_("Show whether each duty is met, open, at risk, missed or remedied") },
  { "export", quorum_cli_command_export, N_("Write the calendar to an .ics file") },
  { "import", quorum_cli_command_import, N_("Read an .ics file into the calendar, updating by UID") },
  { "demo", quorum_cli_command_demo, N_("Fill a new database with a demo office") },
  { "report", quorum_cli_command_report, N_("Write the supervision report of a period as PDF or CSV") },
};

/* Writes UTF-8 as is: g_print would convert to the locale charset. */
void
quorum_cli_write (const char *text)
{
  fputs (text, stdout);
}

int
quorum_cli_fail (const GError *error)
{
  g_autofree char *line = g_strdup_printf ("quorum-cli: %s\n", error->message);

  fputs (line, stderr);
  return QUORUM_CLI_EXIT_FAILURE;
}

int
quorum_cli_usage_error (GOptionContext *context,
                        const char     *message)
{
  g_autofree char *line = g_strdup_printf ("quorum-cli: %s\n", message);
  g_autofree char *help = context != NULL ? g_option_context_get_help (context, TRUE, NULL) : NULL;

  fputs (line, stderr);
  if (help != NULL)
    fputs (help, stderr);
  return QUORUM_CLI_EXIT_USAGE;
}

QuorumDatabase *
quorum_cli_open_database (QuorumCliContext  *ctx,
                          GError           **error)
{
  g_autofree char *path = NULL;

  path = ctx->db_path != NULL ? g_strdup (ctx->db_path) : quorum_paths_dup_default_database ();
  return quorum_database_open (path, error);
}

static int
command_init (QuorumCliContext  *ctx,
              int                argc,
              char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rulebook = NULL;
  g_autofree char *data = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *line = NULL;
  const GOptionEntry entries[] = {
    { "rulebook", 0, 0, G_OPTION_ARG_FILENAME, &rulebook,
      N_("Store this rulebook (default: the bundled Qixia 2022-5 one, when none is stored)"),
      N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Create the database, or bring its schema up to date."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  /* Read the rulebook first, so that a bad file leaves no database behind. */
  if (rulebook != NULL && !g_file_get_contents (rulebook, &data, NULL, &error))
    return quorum_cli_fail (error);

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);

  stored = quorum_store_dup_rulebook_id (store);
  if (data == NULL && stored == NULL && !(data = quorum_rulebook_dup_default_data (&error)))
    return quorum_cli_fail (error);
  if (data != NULL && !quorum_store_set_rulebook_data (store, data, &error))
    return quorum_cli_fail (error);

  g_clear_pointer (&stored, g_free);
  stored = quorum_store_dup_rulebook_id (store);
  line = g_strdup_printf (_("Database %s is at schema version %d, rulebook %s.\n"),
                          quorum_database_get_path (db),
                          quorum_database_get_schema_version (db),
                          stored);
  quorum_cli_write (line);
  return 0;
}

static char *
dup_commands_help (void)
{
  GString *str = g_string_new (_("Commands:"));

  g_string_append_c (str, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (str, "  %-14s %s\n", commands[i].name, _(commands[i].summary));

  return g_string_free (str, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *commands_help = NULL;
  gboolean version = FALSE;
  QuorumCliContext ctx = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use this database file instead of $QUORUM_DB or the app’s"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  commands_help = dup_commands_help ();
  g_option_context_set_description (context, commands_help);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);

  if (version)
    {
      quorum_cli_write ("quorum-cli " PACKAGE_VERSION "\n");
      return 0;
    }

  if (argc < 2)
    return quorum_cli_usage_error (context, _("No command given"));

  ctx.db_path = db_path;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, argv[1]) == 0)
        return commands[i].func (&ctx, argc - 1, argv + 1);
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    return quorum_cli_usage_error (context, message);
  }
}
