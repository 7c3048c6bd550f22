/* quorum-cli-ics.c: quorum-cli export|import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "quorum-cli.h"
#include "quorum-store-ics.h"

static int
bad_option (GOptionContext *context,
            const char     *option,
            const char     *value)
{
  g_autofree char *message = g_strdup_printf (_("Invalid value for %s: “%s”"), option, value);

  return quorum_cli_usage_error (context, message);
}

int
quorum_cli_command_export (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.ics"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *person = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *shape_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  gboolean public_feed = FALSE;
  QuorumExportScope scope = { 0 };
  QuorumExportShape shape = QUORUM_EXPORT_FULL;
  QuorumIcsExportOptions options = { 0 };
  gsize len = 0;
  const GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person,
      N_("Only what this person is expected at (id or name)"), N_("PERSON") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_("Only series of this unit (id or name)"), N_("UNIT") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty, N_("Only series of this duty"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day (inclusive)"), N_("DATE") },
    { "shape", 0, 0, G_OPTION_ARG_STRING, &shape_text,
      N_("full: each series with its rule and exceptions (default); feed: one event per "
         "occurrence"), N_("SHAPE") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &public_feed,
      N_("Leave out descriptions, attendees and alarms"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Write the calendar to FILE.ics (“-” for standard output)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc < 2)
    return quorum_cli_usage_error (context, _("No file given"));
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (shape_text != NULL && g_str_equal (shape_text, "feed"))
    shape = QUORUM_EXPORT_FEED;
  else if (shape_text != NULL && !g_str_equal (shape_text, "full"))
    return bad_option (context, "--shape", shape_text);
  if (from_text != NULL && !(from = quorum_cli_parse_datetime (from_text)))
    return bad_option (context, "--from", from_text);
  if (to_text != NULL)
    {
      g_autoptr(GDateTime) day = quorum_cli_parse_datetime (to_text);

      if (day == NULL)
        return bad_option (context, "--to", to_text);
      /* --to is a day: include all of it. */
      to = strlen (to_text) <= 10 ? g_date_time_add_days (day, 1) : g_date_time_ref (day);
    }
  if (from != NULL && to != NULL && g_date_time_compare (from, to) >= 0)
    return quorum_cli_usage_error (context, _("--from must come before --to"));

  if (!(store = quorum_cli_open_store (ctx, &error)) ||
      (person != NULL && !(scope.person_id = quorum_cli_find_person (store, person, &error))) ||
      (unit != NULL && !(scope.unit_id = quorum_cli_find_unit (store, unit, &error))))
    return quorum_cli_fail (error);
  scope.duty_id = duty;
  scope.from = from;
  scope.to = to;
  options.public_feed = public_feed;
  options.calendar_name = _("Duty calendar");

  if (!(events = quorum_store_export_events (store, &scope, shape, &error)))
    return quorum_cli_fail (error);
  text = quorum_ics_export (events, &options, &len);

  if (g_str_equal (argv[1], "-"))
    {
      fwrite (text, 1, len, stdout);
      return 0;
    }
  if (!g_file_set_contents (argv[1], text, len, &error))
    return quorum_cli_fail (error);

  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u event to %s.\n",
                                       "Wrote %u events to %s.\n", events->len),
                          events->len, argv[1]);
  quorum_cli_write (line);
  return 0;
}

int
quorum_cli_command_import (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.ics"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(QuorumImportReport) report = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);

  g_option_context_set_summary (context,
                                _("Read FILE.ics into the calendar in one go. Series already in the "
                                  "calendar (same UID) are updated, not copied. A broken file is "
                                  "refused with its line, and nothing is written."));
  g_option_context_add_main_entries (context, (const GOptionEntry[]) { { NULL } }, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc < 2)
    return quorum_cli_usage_error (context, _("No file given"));
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  if (!(store = quorum_cli_open_store (ctx, &error)) ||
      !quorum_store_import_file (store, argv[1], &report, NULL, NULL, &error))
    return quorum_cli_fail (error);

  g_string_append_printf (out, _("Created: %u\n"), report.n_created);
  g_string_append_printf (out, _("Updated: %u\n"), report.n_updated);
  g_string_append_printf (out, _("Unchanged: %u\n"), report.n_unchanged);
  g_string_append_printf (out, _("Changed occurrences: %u\n"), report.n_overrides);
  for (guint i = 0; report.warnings != NULL && report.warnings[i] != NULL; i++)
    g_string_append_printf (out, _("Warning: %s\n"), report.warnings[i]);
  quorum_cli_write (out->str);
  return 0;
}
