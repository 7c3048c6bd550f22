/* quorum-cli-caldav.c: `quorum-cli caldav`, publishing to a CalDAV server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "quorum-caldav-client.h"
#include "quorum-caldav-office.h"
#include "quorum-caldav-publisher.h"
#include "quorum-cli.h"
#include "quorum-ics.h"

#define DEFAULT_CALENDAR     "quorum"
/* Translators: the name of the calendar Quorum makes on a CalDAV server */
#define DEFAULT_DISPLAY_NAME N_("Duty calendar")
/* For scripts and servers without a keyring: the password in the
 * environment, when no --password-file is given. */
#define PASSWORD_ENV         "QUORUM_CALDAV_PASSWORD"

typedef struct
{
  char *url;
  char *user;
  char *password_file;
} ServerOptions;

static void
server_options_clear (ServerOptions *options)
{
  g_clear_pointer (&options->url, g_free);
  g_clear_pointer (&options->user, g_free);
  g_clear_pointer (&options->password_file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServerOptions, server_options_clear)

/* The password is the file's first line: it never appears on the command
 * line, where other users could see it. */
static char *
read_password (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  char *newline;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %1$s is a file, %2$s the system's explanation */
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read the password file %1$s: %2$s"), display, local_error->message);
      return NULL;
    }
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&contents);
}

static QuorumCaldavClient *
make_client (const ServerOptions  *options,
             GError              **error)
{
  g_autofree char *password = NULL;

  if (options->password_file != NULL)
    password = read_password (options->password_file, error);
  else
    password = g_strdup (g_getenv (PASSWORD_ENV));
  if (password == NULL)
    return NULL;
  return quorum_caldav_client_new (options->url, options->user, password);
}

static void
add_server_entries (GOptionContext *context,
                    ServerOptions  *options,
                    GOptionEntry   *extra)
{
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &options->url,
      N_("The CalDAV server’s address"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &options->user, N_("The user name"), N_("USER") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options->password_file,
      N_("Read the password from the first line of this file"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
}

static const char *
missing_server_option (const ServerOptions *options)
{
  if (options->url == NULL)
    return "--url";
  if (options->user == NULL)
    return "--user";
  if (options->password_file == NULL && g_getenv (PASSWORD_ENV) == NULL)
    return "--password-file";
  return NULL;
}

/* Parses the options shared by the subcommands plus @extra: 0 when all is
 * well, else the usage error's exit status. */
static int
require_server_options (GOptionContext      *context,
                        const ServerOptions *server)
{
  g_autofree char *message = NULL;
  const char *missing;

  if ((missing = missing_server_option (server)) == NULL)
    return 0;
  /* Translators: %s is an option such as --url */
  message = g_strdup_printf (_("The option %s is required"), missing);
  return quorum_cli_usage_error (context, message);
}

/* Parses the options shared by the subcommands plus @extra: 0 when all is
 * well, else the usage error's exit status. With @check, the account must
 * be complete. */
static int
parse_options (GOptionContext   *context,
               const char       *summary,
               ServerOptions    *server,
               GOptionEntry     *extra,
               gboolean          check,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  add_server_entries (context, server, extra);
  if (!g_option_context_parse (context, argc, argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (*argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  return check ? require_server_options (context, server) : 0;
}

/*
 * The events to publish. Today they come from an .ics file; when the store
 * holds the calendar, it becomes the default source here and nowhere else.
 */
static GPtrArray *
load_events (const char  *ics_path,
             GError     **error)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  GPtrArray *events = quorum_ics_parse_file (ics_path, &report, error);

  if (events == NULL)
    return NULL;
  for (guint i = 0; report.warnings != NULL && report.warnings[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("quorum-cli: %s\n", report.warnings[i]);

      fputs (line, stderr);
    }
  return events;
}

static gboolean
load_state (const char          *path,
            QuorumCaldavState  **out_state,
            GError             **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *out_state = quorum_caldav_state_new ();
      return TRUE;
    }
  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  *out_state = quorum_caldav_state_new_from_data (contents, &local_error);
  if (*out_state == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The saved account fills in what the options leave out. */
static int
publish_store (QuorumCliContext *ctx,
               GOptionContext   *context,
               ServerOptions    *server)
{
  g_auto(QuorumCaldavOfficeReport) report = { 0 };
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *line = NULL;
  g_autofree char *where = NULL;
  gboolean ok;
  int status;

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);
  if (server->url == NULL)
    server->url = quorum_store_dup_setting (store, QUORUM_CALDAV_SETTING_URL);
  if (server->user == NULL)
    server->user = quorum_store_dup_setting (store, QUORUM_CALDAV_SETTING_USER);
  if ((status = require_server_options (context, server)) != 0)
    return status;

  if (!(client = make_client (server, &error)))
    return quorum_cli_fail (error);
  quorum_store_set_actor (store, "quorum-cli caldav");

  ok = quorum_caldav_publish_office (client, store, NULL, &report, NULL, &error);
  summary = quorum_caldav_office_report_describe (&report);
  where = quorum_caldav_client_dup_display_url (client,
                                                quorum_caldav_client_get_calendar_home (client));
  if (!ok)
    {
      /* What was sent before the failure still counts. */
      if (report.n_calendars > 0)
        {
          line = g_strdup_printf ("%s\n", summary);
          quorum_cli_write (line);
        }
      return quorum_cli_fail (error);
    }

  /* Translators: %1$s is a URL, %2$s the report */
  line = g_strdup_printf (_("Published to %1$s: %2$s\n"), where, summary);
  quorum_cli_write (line);
  return 0;
}

static int
command_publish (QuorumCliContext  *ctx,
                 int                argc,
                 char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(ServerOptions) server = { 0 };
  g_auto(QuorumCaldavPublishReport) report = { 0 };
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(QuorumCaldavState) state = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_name = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *ics_path = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *state_data = NULL;
  g_autofree char *where = NULL;
  g_autofree char *line = NULL;
  int status;
  GOptionEntry entries[] = {
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &calendar_name,
      N_("The calendar’s name in the calendar home, or its path (default: quorum)"), N_("NAME") },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name,
      N_("The calendar’s display name when it must be made"), N_("NAME") },
    { "from-ics", 0, 0, G_OPTION_ARG_FILENAME, &ics_path,
      N_("Publish the events of this iCalendar file instead of the office’s calendars"),
      N_("FILE") },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_path,
      N_("Remember what was published in this file, to send only changes next time"), N_("FILE") },
    { NULL }
  };

  status = parse_options (context, _("Publish the office’s calendars to a CalDAV server: one "
                                     "per leader and one for the whole office. The account "
                                     "saved in the preferences is used unless --url and --user "
                                     "are given; the password comes from --password-file or "
                                     "the QUORUM_CALDAV_PASSWORD environment variable."),
                          &server, entries, FALSE, &argc, &argv);
  if (status != 0)
    return status;
  if (ics_path == NULL)
    return publish_store (ctx, context, &server);
  if ((status = require_server_options (context, &server)) != 0)
    return status;

  if (!(events = load_events (ics_path, &error)))
    return quorum_cli_fail (error);
  if (!load_state (state_path, &state, &error))
    return quorum_cli_fail (error);
  if (!(client = make_client (&server, &error)))
    return quorum_cli_fail (error);

  calendar = quorum_caldav_client_ensure_calendar (client,
                                                   calendar_name != NULL ? calendar_name
                                                                         : DEFAULT_CALENDAR,
                                                   display_name != NULL ? display_name
                                                                        : _(DEFAULT_DISPLAY_NAME),
                                                   NULL, &error);
  if (calendar == NULL)
    return quorum_cli_fail (error);

  if (!quorum_caldav_publish (client, calendar->href, events, state, &report, NULL, &error))
    {
      /* What was written is still worth remembering. */
      if (state_path != NULL)
        {
          state_data = quorum_caldav_state_to_data (state);
          g_file_set_contents (state_path, state_data, -1, NULL);
        }
      return quorum_cli_fail (error);
    }

  if (state_path != NULL)
    {
      state_data = quorum_caldav_state_to_data (state);
      if (!g_file_set_contents (state_path, state_data, -1, &error))
        return quorum_cli_fail (error);
    }

  where = quorum_caldav_client_dup_display_url (client, calendar->href);
  /* Translators: %1$s is a URL; the numbers follow */
  line = g_strdup_printf (_("Published to %1$s: %2$u created, %3$u updated, %4$u deleted, "
                            "%5$u overwritten, %6$u unchanged (%7$u requests).\n"),
                          where, report.n_created, report.n_updated, report.n_deleted,
                          report.n_overwritten, report.n_unchanged, report.n_requests);
  quorum_cli_write (line);
  for (guint i = 0; report.overwritten[i] != NULL; i++)
    {
      g_free (line);
      /* Translators: %s is an event's UID */
      line = g_strdup_printf (_("Overwrote “%s”: it had been changed on the server.\n"),
                              report.overwritten[i]);
      quorum_cli_write (line);
    }
  return 0;
}

static int
command_test (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(ServerOptions) server = { 0 };
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  status = parse_options (context, _("Check the connection to a CalDAV server and list "
                                     "its calendars."),
                          &server, NULL, TRUE, &argc, &argv);
  if (status != 0)
    return status;

  if (!(client = make_client (&server, &error)))
    return quorum_cli_fail (error);
  if (!(calendars = quorum_caldav_client_discover (client, NULL, &error)))
    return quorum_cli_fail (error);

  g_string_append_printf (out, _("Principal: %s\n"), quorum_caldav_client_get_principal (client));
  g_string_append_printf (out, _("Calendar home: %s\n"),
                          quorum_caldav_client_get_calendar_home (client));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u calendar\n", "%u calendars\n",
                                            calendars->len),
                          calendars->len);
  for (guint i = 0; i < calendars->len; i++)
    {
      const QuorumCaldavCalendar *calendar = g_ptr_array_index (calendars, i);
      g_autofree char *components = calendar->components != NULL
                                      ? g_strjoinv (", ", calendar->components)
                                      : g_strdup ("*");

      g_string_append_printf (out, "  %s  “%s”  (%s)\n", calendar->href,
                              calendar->display_name != NULL ? calendar->display_name : "",
                              components);
    }
  quorum_cli_write (out->str);
  return 0;
}

int
quorum_cli_command_caldav (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autofree char *message = NULL;

  if (argc >= 2 && strcmp (argv[1], "publish") == 0)
    return command_publish (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "test") == 0)
    return command_test (argc - 1, argv + 1);

  message = argc < 2 ? g_strdup (_("Give a subcommand: publish or test"))
                     /* Translators: %s is what the user typed */
                     : g_strdup_printf (_("Unknown subcommand “%s”; use publish or test"), argv[1]);
  return quorum_cli_usage_error (NULL, message);
}
