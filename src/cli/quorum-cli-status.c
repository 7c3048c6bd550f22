/* quorum-cli-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quorum-cli status: the compliance of every duty for every bound person,
 * unit or body in a period, as a supervision report or as JSON.
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-cli.h"
#include "quorum-compliance-store.h"
#include "quorum-compliance-summary.h"
#include "quorum-json.h"

static const char *
subject_kind_nick (QuorumSubjectKind kind)
{
  switch (kind)
    {
    case QUORUM_SUBJECT_UNIT:
      return "unit";
    case QUORUM_SUBJECT_BODY:
      return "body";
    case QUORUM_SUBJECT_PERSON:
    default:
      return "person";
    }
}

static const char *
colour_nick (QuorumSupervisionColour colour)
{
  return colour == QUORUM_SUPERVISION_RED ? "red"
       : colour == QUORUM_SUPERVISION_YELLOW ? "yellow" : "blue";
}

static const char *
colour_label (QuorumSupervisionColour colour)
{
  /* Translators: the supervision colours of “蓝黄红”三色管理, as one-word markers. */
  return colour == QUORUM_SUPERVISION_RED ? _("Red")
       : colour == QUORUM_SUPERVISION_YELLOW ? _("Yellow") : _("Blue");
}

static void
append_json_result (GString                *out,
                    QuorumComplianceResult *r)
{
  g_autofree char *period = quorum_period_to_string (quorum_compliance_result_get_period (r));
  GArray *ids = quorum_compliance_result_get_record_ids (r);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "{\"duty\":");
  quorum_json_append_string (out, quorum_compliance_result_get_duty_id (r));
  g_string_append (out, ",\"subject\":");
  quorum_json_append_string (out, quorum_compliance_result_get_subject_label (r));
  g_string_append_printf (out, ",\"subject_id\":%" G_GINT64_FORMAT ",\"subject_kind\":\"%s\"",
                          quorum_compliance_result_get_subject_id (r),
                          subject_kind_nick (quorum_compliance_result_get_subject_kind (r)));
  if (quorum_compliance_result_get_unit_id (r) != 0)
    {
      g_string_append_printf (out, ",\"unit_id\":%" G_GINT64_FORMAT ",\"unit\":",
                              quorum_compliance_result_get_unit_id (r));
      quorum_json_append_string (out, quorum_compliance_result_get_unit_label (r));
    }
  if (quorum_compliance_result_get_item_id (r) != 0)
    g_string_append_printf (out, ",\"item_id\":%" G_GINT64_FORMAT,
                            quorum_compliance_result_get_item_id (r));
  g_string_append (out, ",\"period\":");
  quorum_json_append_string (out, period);
  g_string_append_printf (out, ",\"required\":{\"min\":%d,\"max\":", quorum_compliance_result_get_min (r));
  if (quorum_compliance_result_get_max (r) >= 0)
    g_string_append_printf (out, "%d}", quorum_compliance_result_get_max (r));
  else
    g_string_append (out, "null}");
  g_ascii_formatd (number, sizeof number, "%.4g", quorum_compliance_result_get_achieved (r));
  g_string_append_printf (out, ",\"achieved\":%s,\"status\":\"%s\",\"colour\":\"%s\",\"explanation\":",
                          number,
                          quorum_compliance_status_to_nick (quorum_compliance_result_get_status (r)),
                          colour_nick (quorum_compliance_result_get_colour (r)));
  quorum_json_append_string (out, quorum_compliance_result_get_explanation (r));
  g_string_append (out, ",\"records\":[");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append (out, "]}");
}

static void
append_text_result (GString                *out,
                    QuorumComplianceResult *r)
{
  g_autofree char *period = quorum_period_format (quorum_compliance_result_get_period (r));

  g_string_append_printf (out, "  [%s] %s · %s · %s · %s\n",
                          colour_label (quorum_compliance_result_get_colour (r)),
                          quorum_compliance_result_get_subject_label (r),
                          period,
                          quorum_compliance_status_to_label (quorum_compliance_result_get_status (r)),
                          quorum_compliance_result_get_explanation (r));
}

int
quorum_cli_command_status (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(QuorumPeriod) period = NULL;
  g_autoptr(QuorumComplianceInput) input = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *period_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *duty_id = NULL;
  g_autofree char *period_label = NULL;
  g_autofree char *today_label = NULL;
  gint64 person = 0;
  gboolean json = FALSE;
  guint counts[QUORUM_COMPLIANCE_REMEDIED + 1] = { 0 };
  const char *last_duty = NULL;
  GDate today;
  gboolean first = TRUE;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      N_("2026, 2026-H2, 2026-Q4, 2026-11 or 2026-W47 (default: this month)"), N_("PERIOD") },
    { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_("Only this person"), N_("ID") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty_id, N_("Only this duty"), N_("DUTY") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge as of this day instead of today"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Show which duties are met, open, at risk, missed or "
                                           "remedied, in the blue/yellow/red supervision colours."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  g_date_clear (&today, 1);
  if (today_text != NULL)
    {
      /* Strictly ISO: g_date_set_parse() alone would also take "01/02/2026" in the
       * locale's order. */
      if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", today_text, 0, 0))
        g_date_set_parse (&today, today_text);
      if (!g_date_valid (&today))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write YYYY-MM-DD"),
                                                      today_text);
          return quorum_cli_usage_error (context, message);
        }
    }
  if (period_text != NULL && !(period = quorum_period_parse (period_text, &error)))
    return quorum_cli_usage_error (context, error->message);
  if (person < 0)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, person);
      g_autofree char *message = g_strdup_printf (_("Invalid value for %s: “%s”"), "--person",
                                                  value);

      return quorum_cli_usage_error (context, message);
    }

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);
  if (person > 0)
    {
      g_autoptr(QuorumPerson) found = quorum_store_get_person (store, person, &error);

      if (found == NULL)
        return quorum_cli_fail (error);
    }

  if (!g_date_valid (&today))
    {
      g_autoptr(GDateTime) now = quorum_store_dup_now (store);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  if (period == NULL)
    period = quorum_period_for_date (QUORUM_PERIOD_MONTH, &today, NULL);

  if (!(rulebook = quorum_store_load_rulebook (store, &error)) ||
      !(workdays = quorum_workdays_new_default (&error)))
    return quorum_cli_fail (error);
  if (duty_id != NULL && quorum_rulebook_lookup (rulebook, duty_id) == NULL)
    {
      g_set_error (&error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_UNKNOWN_DUTY,
                   _("There is no duty “%s” in the rulebook"), duty_id);
      return quorum_cli_fail (error);
    }

  if (!(input = quorum_store_gather_compliance_input (store, rulebook, period, &error)) ||
      !(results = quorum_compliance_evaluate (input, period, &today, -1, workdays, &error)))
    return quorum_cli_fail (error);

  period_label = quorum_period_format (period);
  today_label = quorum_period_format_date (&today);
  if (json)
    g_string_append_c (out, '[');
  else
    g_string_append_printf (out, _("Supervision report for %s, as of %s\n"), period_label, today_label);

  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      const char *id = quorum_compliance_result_get_duty_id (r);

      if (duty_id != NULL && g_strcmp0 (id, duty_id) != 0)
        continue;
      if (person != 0 && (quorum_compliance_result_get_subject_kind (r) != QUORUM_SUBJECT_PERSON ||
                          quorum_compliance_result_get_subject_id (r) != person))
        continue;

      counts[quorum_compliance_result_get_status (r)]++;
      if (json)
        {
          if (!first)
            g_string_append_c (out, ',');
          append_json_result (out, r);
        }
      else
        {
          if (g_strcmp0 (last_duty, id) != 0)
            {
              QuorumDuty *duty = quorum_rulebook_lookup (rulebook, id);

              g_string_append_printf (out, "\n%s (%s)\n", duty ? quorum_duty_get_title (duty) : id, id);
              last_duty = id;
            }
          append_text_result (out, r);
        }
      first = FALSE;
    }

  if (json)
    g_string_append (out, "]\n");
  else
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Met %u, open %u, at risk %u, missed %u, remedied %u.\n"),
                              counts[QUORUM_COMPLIANCE_MET], counts[QUORUM_COMPLIANCE_OPEN],
                              counts[QUORUM_COMPLIANCE_AT_RISK], counts[QUORUM_COMPLIANCE_MISSED],
                              counts[QUORUM_COMPLIANCE_REMEDIED]);
    }
  quorum_cli_write (out->str);
  return 0;
}
