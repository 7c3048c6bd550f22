/* quorum-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quorum-cli report: the supervision report of a period as PDF or CSV.
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "quorum-cli.h"
#include "quorum-compliance-summary.h"
#include "quorum-report.h"

int
quorum_cli_command_report (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumPeriod) period = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *today_text = NULL;
  gboolean csv;
  GDate today;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      N_("2026, 2026-H2, 2026-Q4, 2026-11 or 2026-W47 (default: this month)"), N_("PERIOD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf or csv (default: from the file name)"),
      N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge as of this day instead of today"), N_("YYYY-MM-DD") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write the supervision report of a period: a PDF "
                                           "for the files or CSV for spreadsheets."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (out == NULL)
    return quorum_cli_usage_error (context, _("Give the file to write with --out"));

  if (format == NULL)
    format = g_strdup (g_str_has_suffix (out, ".csv") ? "csv" : "pdf");
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv"))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a format: write pdf or csv"), format);
      return quorum_cli_usage_error (context, message);
    }
  csv = g_str_equal (format, "csv");

  g_date_clear (&today, 1);
  if (today_text != NULL)
    {
      int y = 0, m = 0, d = 0;
      char end;

      if (sscanf (today_text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
          !g_date_valid_dmy (d, m, y))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write YYYY-MM-DD"),
                                                      today_text);
          return quorum_cli_usage_error (context, message);
        }
      g_date_set_dmy (&today, d, m, y);
    }
  if (period_text != NULL && !(period = quorum_period_parse (period_text, &error)))
    return quorum_cli_usage_error (context, error->message);

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);

  if (!g_date_valid (&today))
    {
      g_autoptr(GDateTime) now = quorum_store_dup_now (store);

      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  if (period == NULL)
    period = quorum_period_for_date (QUORUM_PERIOD_MONTH, &today, NULL);

  if (!(rulebook = quorum_store_load_rulebook (store, &error)))
    return quorum_cli_fail (error);
  if (!(csv ? quorum_report_write_csv (store, rulebook, period, &today, out, &error)
            : quorum_report_write_pdf (store, rulebook, period, &today, out, &error)))
    return quorum_cli_fail (error);
  return 0;
}
