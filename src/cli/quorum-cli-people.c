/* quorum-cli-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quorum-cli import-people / export-people: the office as a spreadsheet.
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include "quorum-cli.h"
#include "quorum-day.h"
#include "quorum-people-csv.h"
#include "quorum-store.h"

static GDate *
today (QuorumStore *store)
{
  g_autoptr(GDateTime) now = quorum_store_dup_now (store);

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static const char *
change_sign (QuorumPeopleCsvAction action)
{
  switch (action)
    {
    case QUORUM_PEOPLE_CSV_UPDATE_PERSON:
      return "~";
    case QUORUM_PEOPLE_CSV_END_RELATION:
      return "-";
    case QUORUM_PEOPLE_CSV_CREATE_PERSON:
    case QUORUM_PEOPLE_CSV_CREATE_UNIT:
    case QUORUM_PEOPLE_CSV_ADD_RELATION:
    default:
      return "+";
    }
}

int
quorum_cli_command_import_people (QuorumCliContext  *ctx,
                                  int                argc,
                                  char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumPeopleCsv) csv = NULL;
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *day = NULL;
  gboolean dry_run = FALSE;
  GPtrArray *changes;
  GPtrArray *warnings;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the plan, write nothing"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The file's encoding: utf-8 or gb18030 (default: detect)"), N_("ENCODING") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The day the file describes (YYYY-MM-DD, default today): new assignments start on it, "
         "dropped ones end the day before"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Import people and their assignments from a spreadsheet saved "
                                  "as CSV, with the columns 姓名, 职务, 排序, 分管, 包保 and 联系企业 "
                                  "(or name, title, rank, in_charge_of, town, enterprises)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc < 2)
    return quorum_cli_usage_error (context, _("Missing arguments: FILE.csv"));
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (from != NULL && !(date = quorum_day_parse (from)))
    {
      g_autofree char *message = g_strdup_printf (_("--from: “%s” is not a date (YYYY-MM-DD)"),
                                                  from);
      return quorum_cli_usage_error (context, message);
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(csv = quorum_people_csv_parse (bytes, encoding, &error)))
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return quorum_cli_fail (error);
    }

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);
  if (date == NULL)
    date = today (store);

  if (!(plan = quorum_people_csv_plan (store, csv, NULL, date, &error)))
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return quorum_cli_fail (error);
    }

  day = quorum_day_format (date);
  g_string_append_printf (out, _("Read %s as %s, effective %s.\n"), argv[1],
                          quorum_people_csv_get_encoding (csv), day);

  warnings = quorum_people_csv_plan_get_warnings (plan);
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (out, _("Note: %s\n"), (const char *)g_ptr_array_index (warnings, i));

  changes = quorum_people_csv_plan_get_changes (plan);
  for (guint i = 0; i < changes->len; i++)
    {
      const QuorumPeopleCsvChange *change = g_ptr_array_index (changes, i);
      g_autofree char *text = quorum_people_csv_change_describe (change);

      g_string_append_printf (out, "%s %s\n", change_sign (change->action), text);
    }

  if (changes->len == 0)
    g_string_append (out, _("No changes: the database already matches the file.\n"));
  else if (dry_run)
    g_string_append_printf (out, _("Dry run: %u changes planned, nothing written.\n"),
                            changes->len);
  else if (!quorum_people_csv_apply (store, plan, &error))
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return quorum_cli_fail (error);
    }
  else
    g_string_append_printf (out, _("%u changes written.\n"), changes->len);

  quorum_cli_write (out->str);
  return 0;
}

int
quorum_cli_command_export_people (QuorumCliContext  *ctx,
                                  int                argc,
                                  char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *on = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &on,
      N_("Describe the office on this day (YYYY-MM-DD, default today)"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Export the people serving and their assignments as CSV (UTF-8 "
                                  "with a byte order mark, for spreadsheets), in the format "
                                  "import-people reads."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc != 2)
    return quorum_cli_usage_error (context, argc < 2 ? _("Missing arguments: FILE.csv")
                                                     : _("Too many arguments"));
  if (on != NULL && !(date = quorum_day_parse (on)))
    {
      g_autofree char *message = g_strdup_printf (_("--date: “%s” is not a date (YYYY-MM-DD)"), on);
      return quorum_cli_usage_error (context, message);
    }

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);
  if (date == NULL)
    date = today (store);

  if (!(bytes = quorum_people_csv_export (store, date, &error)) ||
      !g_file_set_contents (argv[1], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    return quorum_cli_fail (error);

  return 0;
}
