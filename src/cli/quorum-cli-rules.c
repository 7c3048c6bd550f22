/* quorum-cli-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "quorum-cli.h"
#include "quorum-rulebook.h"
#include "quorum-workdays.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_duty_json (GString    *out,
                  QuorumDuty *duty)
{
  QuorumPeriodKind period = quorum_duty_get_period (duty);

  g_string_append (out, "  {\"id\": ");
  append_json_string (out, quorum_duty_get_id (duty));
  g_string_append_printf (out, ", \"article\": %d, \"title\": ", quorum_duty_get_article (duty));
  append_json_string (out, quorum_duty_get_title (duty));
  g_string_append (out, ", \"title_en\": ");
  append_json_string (out, quorum_duty_get_title_en (duty));
  g_string_append (out, ", \"kind\": ");
  append_json_string (out, quorum_duty_get_kind (duty));
  g_string_append (out, ", \"scope\": ");
  append_json_string (out, quorum_duty_scope_to_string (quorum_duty_get_scope (duty)));
  g_string_append (out, ", \"group\": ");
  append_json_string (out, quorum_duty_get_group (duty));
  g_string_append (out, ", \"per_unit\": ");
  append_json_string (out, quorum_duty_get_per_unit (duty));
  g_string_append (out, ", \"period\": ");
  append_json_string (out, period == QUORUM_PERIOD_NONE ? NULL : quorum_period_kind_to_string (period));
  g_string_append (out, ", \"measure\": ");
  append_json_string (out, quorum_measure_to_string (quorum_duty_get_measure (duty)));
  g_string_append_printf (out, ", \"min\": %d, \"max\": ", quorum_duty_get_min (duty));
  if (quorum_duty_get_max (duty) >= 0)
    g_string_append_printf (out, "%d", quorum_duty_get_max (duty));
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"record\": ");
  append_json_string (out, quorum_duty_get_record (duty));
  g_string_append (out, ", \"text\": ");
  append_json_string (out, quorum_duty_get_text (duty));
  g_string_append_c (out, '}');
}

static void
append_duty_row (GString    *out,
                 QuorumDuty *duty)
{
  g_autofree char *range = NULL;

  if (quorum_duty_get_max (duty) >= 0)
    range = g_strdup_printf ("%d-%d", quorum_duty_get_min (duty), quorum_duty_get_max (duty));
  else
    range = g_strdup_printf ("%d+", quorum_duty_get_min (duty));

  g_string_append_printf (out, "%-28s %3d  %-20s %-9s %-17s %-6s %s\n",
                          quorum_duty_get_id (duty), quorum_duty_get_article (duty),
                          quorum_duty_scope_to_string (quorum_duty_get_scope (duty)),
                          quorum_period_kind_to_string (quorum_duty_get_period (duty)),
                          quorum_measure_to_string (quorum_duty_get_measure (duty)),
                          range, quorum_duty_get_title (duty));
}

int
quorum_cli_command_rules (QuorumCliContext  *ctx,
                          int                argc,
                          char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = NULL;
  gboolean json = FALSE;
  GListModel *duties;
  guint n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "rulebook", 0, 0, G_OPTION_ARG_FILENAME, &path, N_("Read this rulebook instead of the bundled one"),
      N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("List the duties of a rulebook."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  rulebook = path != NULL ? quorum_rulebook_new_from_file (path, &error)
                          : quorum_rulebook_new_default (&error);
  if (rulebook == NULL)
    return quorum_cli_fail (error);

  duties = quorum_rulebook_get_duties (rulebook);
  n = g_list_model_get_n_items (duties);

  if (json)
    g_string_append (out, "[\n");
  else
    g_string_append_printf (out, "%-28s %3s  %-20s %-9s %-17s %-6s %s\n",
                            _("ID"), _("Art"), _("Scope"), _("Period"), _("Measure"),
                            _("Count"), _("Title"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      if (json)
        {
          append_duty_json (out, duty);
          g_string_append (out, i + 1 < n ? ",\n" : "\n");
        }
      else
        append_duty_row (out, duty);
    }

  if (json)
    g_string_append (out, "]\n");

  quorum_cli_write (out->str);
  return 0;
}

/* Parses YYYY-MM-DD strictly. */
static gboolean
parse_iso_date (const char *text,
                GDate      *out)
{
  unsigned int y, m, d;
  int consumed = 0;

  g_date_clear (out, 1);
  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3
      || consumed != 10 || text[4] != '-' || text[7] != '-' || y < 1 || m < 1 || m > 12 || d > 31
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
warn_uncertain (void)
{
  fputs (_("quorum-cli: warning: the holiday calendar has no data for part of this range; "
           "only weekends were treated as days off there\n"), stderr);
}

static int
workdays_add (GOptionContext *context,
              QuorumWorkdays *workdays,
              const GDate    *date,
              const char     *count)
{
  g_autofree char *line = NULL;
  g_autofree char *iso = NULL;
  gboolean uncertain = FALSE;
  guint64 n = 0;
  GDate out;

  if (!g_ascii_string_to_unsigned (count, 10, 0, 10000, &n, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a number of working days (0 to 10000)"), count);
      return quorum_cli_usage_error (context, message);
    }

  quorum_workdays_add (workdays, date, (int) n, &out, &uncertain);
  if (uncertain)
    warn_uncertain ();
  iso = format_date (&out);
  line = g_strconcat (iso, "\n", NULL);
  quorum_cli_write (line);
  return 0;
}

static int
workdays_check (QuorumWorkdays *workdays,
                const GDate    *date)
{
  g_autofree char *holiday = NULL;
  g_autofree char *iso = format_date (date);
  g_autofree char *line = NULL;
  const char *kind_name = NULL;

  switch (quorum_workdays_classify (workdays, date, &holiday))
    {
    case QUORUM_DAY_WORKDAY: kind_name = _("workday"); break;
    case QUORUM_DAY_WEEKEND: kind_name = _("weekend"); break;
    case QUORUM_DAY_HOLIDAY: kind_name = _("holiday"); break;
    case QUORUM_DAY_ADJUSTED_WORKDAY: kind_name = _("adjusted workday"); break;
    default: g_assert_not_reached ();
    }

  if (!quorum_workdays_has_year (workdays, g_date_get_year (date)))
    warn_uncertain ();

  if (holiday != NULL)
    line = g_strdup_printf ("%s %s (%s)\n", iso, kind_name, holiday);
  else
    line = g_strdup_printf ("%s %s\n", iso, kind_name);
  quorum_cli_write (line);
  return 0;
}

int
quorum_cli_command_workdays (QuorumCliContext  *ctx,
                             int                argc,
                             char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("add DATE N | check DATE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  gboolean add;
  GDate date;
  g_autofree char *description = g_strdup_printf ("add DATE N    %s\ncheck DATE    %s",
                                                  _("the date N working days after DATE"),
                                                  _("whether DATE is a working day, weekend or holiday"));

  g_option_context_set_summary (context, _("Count working days in the State Council holiday calendar."));
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);

  if (argc < 2)
    return quorum_cli_usage_error (context, _("No subcommand given"));
  add = strcmp (argv[1], "add") == 0;
  if (!add && strcmp (argv[1], "check") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown subcommand “%s”"), argv[1]);
      return quorum_cli_usage_error (context, message);
    }
  if (argc != (add ? 4 : 3))
    return quorum_cli_usage_error (context, add ? _("Usage: workdays add DATE N")
                                                : _("Usage: workdays check DATE"));
  if (!parse_iso_date (argv[2], &date))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), argv[2]);
      return quorum_cli_usage_error (context, message);
    }

  if ((workdays = quorum_workdays_new_default (&error)) == NULL)
    return quorum_cli_fail (error);

  return add ? workdays_add (context, workdays, &date, argv[3]) : workdays_check (workdays, &date);
}
