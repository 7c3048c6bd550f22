/* quorum-cli-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quorum-cli commands over the store: people, units, relations, series,
 * occurrences, attendance, make-ups, leave and records. Scripts rely on
 * them: exit status 0 on success, 1 when the store refuses (nothing is
 * changed), 2 for a usage error; --json output is valid JSON.
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "quorum-cli.h"
#include "quorum-json.h"
#include "quorum-recurrence.h"
#include "quorum-store.h"

static QuorumStore *
open_store (QuorumCliContext  *ctx,
            GError           **error)
{
  g_autoptr(QuorumDatabase) db = quorum_cli_open_database (ctx, error);

  if (db == NULL)
    return NULL;
  return quorum_store_new (db);
}

/* Parses options; returns FALSE (with *status set) on a usage error. */
static gboolean
parse_options (GOptionContext  *context,
               const char      *parameters,
               int             *argc,
               char          ***argv,
               int              min_args,
               int              max_args,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = quorum_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 < min_args)
    {
      g_autofree char *message = g_strdup_printf (_("Missing arguments: %s"), parameters);

      *status = quorum_cli_usage_error (context, message);
      return FALSE;
    }
  if (max_args >= 0 && *argc - 1 > max_args)
    {
      *status = quorum_cli_usage_error (context, _("Too many arguments"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (gint64)value;
  return TRUE;
}

/* The id of the item of @list (people or units) whose "name" is @name, or 0. */
static gint64
find_by_name (GListModel *list,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *item_name = NULL;
      gint64 id = 0;

      g_object_get (item, "name", &item_name, "id", &id, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        return id;
    }
  return 0;
}

/* A person given by id or by exact name. */
static gint64
find_person (QuorumStore  *store,
             const char   *arg,
             GError      **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(QuorumPerson) person = NULL;
  gint64 id = 0;

  if (parse_id (arg, &id))
    return (person = quorum_store_get_person (store, id, error)) != NULL ? id : 0;

  if (!(people = quorum_store_list_people (store, TRUE, error)))
    return 0;
  if ((id = find_by_name (people, arg)) == 0)
    g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                 _("There is no person called “%s”."), arg);
  return id;
}

/* A unit given by id or by exact name. */
static gint64
find_unit (QuorumStore  *store,
           const char   *arg,
           GError      **error)
{
  g_autoptr(GListModel) units = NULL;
  g_autoptr(QuorumUnit) unit = NULL;
  gint64 id = 0;

  if (parse_id (arg, &id))
    return (unit = quorum_store_get_unit (store, id, error)) != NULL ? id : 0;

  if (!(units = quorum_store_list_units (store, NULL, error)))
    return 0;
  if ((id = find_by_name (units, arg)) == 0)
    g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND,
                 _("There is no unit called “%s”."), arg);
  return id;
}

static GDate *
parse_date (const char *text)
{
  int y, m, d;
  char extra;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/* "2026-01-05 09:00", "2026-01-05T09:00[:SS]" or a date (midnight), read in @tzid. */
static GDateTime *
parse_datetime (const char *text,
                const char *tzid)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid != NULL ? tzid : "Asia/Shanghai");
  int y, mo, d, h = 0, mi = 0, s = 0;
  int n;

  if (text == NULL || tz == NULL)
    return NULL;

  n = sscanf (text, "%4d-%2d-%2d%*1[ T]%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s);
  if ((n != 3 && n != 5 && n != 6) || !g_date_valid_dmy (d, mo, y) ||
      h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0)
    return NULL;
  return g_date_time_new (tz, y, mo, d, h, mi, s);
}

static int
bad_value (GOptionContext *context,
           const char     *option,
           const char     *value)
{
  g_autofree char *message = g_strdup_printf (_("Invalid value for %s: “%s”"), option,
                                              value != NULL ? value : "");

  return quorum_cli_usage_error (context, message);
}

static int G_GNUC_PRINTF (2, 3)
usage_errorf (GOptionContext *context,
              const char     *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return quorum_cli_usage_error (context, message);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return *g_strstrip (copy) == '\0';
}

static char *
format_instant (GDateTime *datetime)
{
  return g_date_time_format (datetime, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Commands that add something print its id alone, for scripts. */
static void
write_id (gint64 id)
{
  g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\n", id);

  quorum_cli_write (line);
}

/* people ------------------------------------------------------------------ */

int
quorum_cli_command_people (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  gboolean all = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include retired people"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List people, most senior first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "", &argc, &argv, 0, 0, &status))
    return status;

  if (!(store = open_store (ctx, &error)) ||
      !(people = quorum_store_list_people (store, all, &error)))
    return quorum_cli_fail (error);

  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"name\":",
                                  quorum_person_get_id (person));
          quorum_json_append_string (out, quorum_person_get_name (person));
          g_string_append (out, ",\"title\":");
          quorum_json_append_string (out, quorum_person_get_title (person));
          g_string_append_printf (out, ",\"rank\":%d,\"party_member\":%s}",
                                  quorum_person_get_rank (person),
                                  quorum_person_get_party_member (person) ? "true" : "false");
        }
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%d\t%s\t%s\n",
                                quorum_person_get_id (person),
                                quorum_person_get_rank (person),
                                quorum_person_get_name (person),
                                quorum_person_get_title (person));
    }
  if (json)
    g_string_append (out, "]\n");

  quorum_cli_write (out->str);
  return 0;
}

int
quorum_cli_command_person (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("add NAME"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean party_member = FALSE;
  int rank = 0;
  int status = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The post, e.g. 副市长"), N_("TITLE") },
    { "rank", 0, 0, G_OPTION_ARG_INT, &rank, N_("Order in lists: lower is more senior"), N_("N") },
    { "party-member", 0, 0, G_OPTION_ARG_NONE, &party_member, N_("A member of the Party"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Add a person."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("add NAME"), &argc, &argv, 2, 2, &status))
    return status;
  if (g_strcmp0 (argv[1], "add") != 0)
    return quorum_cli_usage_error (context, _("Unknown subcommand"));
  if (is_blank (argv[2]))
    return quorum_cli_usage_error (context, _("The name must not be empty."));
  if (rank < 0)
    return usage_errorf (context, _("Invalid value for %s: “%d”"), "--rank", rank);

  person = quorum_person_new (argv[2], title, rank);
  quorum_person_set_party_member (person, party_member);

  if (!(store = open_store (ctx, &error)) ||
      !(id = quorum_store_add_person (store, person, &error)))
    return quorum_cli_fail (error);

  write_id (id);
  return 0;
}

int
quorum_cli_command_unit (QuorumCliContext  *ctx,
                         int                argc,
                         char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("add NAME"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *parent = NULL;
  int rank = 0;
  int status = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("government, leadership-group, party-group, department, town, branch, enterprise or "
         "executive-meeting"), N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("The unit it belongs to"), N_("UNIT") },
    { "rank", 0, 0, G_OPTION_ARG_INT, &rank, N_("Order in lists"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Add a unit."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("add NAME"), &argc, &argv, 2, 2, &status))
    return status;
  if (g_strcmp0 (argv[1], "add") != 0)
    return quorum_cli_usage_error (context, _("Unknown subcommand"));
  if (kind == NULL)
    return quorum_cli_usage_error (context, _("--kind is required"));
  if (is_blank (argv[2]))
    return quorum_cli_usage_error (context, _("The name must not be empty."));
  if (!quorum_unit_kind_is_valid (kind))
    return usage_errorf (context,
                         _("“%s” is not a unit kind. Use government, leadership-group, "
                           "party-group, department, town, branch, enterprise or "
                           "executive-meeting."),
                         kind);
  if (rank < 0)
    return usage_errorf (context, _("Invalid value for %s: “%d”"), "--rank", rank);

  unit = quorum_unit_new (argv[2], kind);
  quorum_unit_set_rank (unit, rank);

  if (!(store = open_store (ctx, &error)))
    return quorum_cli_fail (error);
  if (parent != NULL)
    {
      gint64 parent_id = find_unit (store, parent, &error);

      if (parent_id == 0)
        return quorum_cli_fail (error);
      quorum_unit_set_parent_id (unit, parent_id);
    }
  if (!(id = quorum_store_add_unit (store, unit, &error)))
    return quorum_cli_fail (error);

  write_id (id);
  return 0;
}

int
quorum_cli_command_relation (QuorumCliContext  *ctx,
                             int                argc,
                             char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("add PERSON UNIT KIND"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 person_id, unit_id, id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Relate a person to a unit from a date: KIND is member, head, "
                                  "in-charge, assigned-town or linked-enterprise."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("add PERSON UNIT KIND"), &argc, &argv, 4, 4, &status))
    return status;
  if (g_strcmp0 (argv[1], "add") != 0)
    return quorum_cli_usage_error (context, _("Unknown subcommand"));
  if (from == NULL)
    return quorum_cli_usage_error (context, _("--from is required"));
  if (!(start = parse_date (from)))
    return bad_value (context, "--from", from);
  if (to != NULL && !(end = parse_date (to)))
    return bad_value (context, "--to", to);
  if (end != NULL && g_date_compare (end, start) < 0)
    return quorum_cli_usage_error (context, _("A relation cannot end before it starts."));
  if (!quorum_relation_kind_is_valid (argv[4]))
    return usage_errorf (context,
                         _("“%s” is not a relation kind. Use member, head, in-charge, "
                           "assigned-town or linked-enterprise."),
                         argv[4]);

  if (!(store = open_store (ctx, &error)) ||
      !(person_id = find_person (store, argv[2], &error)) ||
      !(unit_id = find_unit (store, argv[3], &error)) ||
      !(id = quorum_store_add_relation (store, person_id, unit_id, argv[4], start, end, &error)))
    return quorum_cli_fail (error);

  write_id (id);
  return 0;
}

/* series ------------------------------------------------------------------ */

static int
series_add (QuorumCliContext  *ctx,
            int                argc,
            char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GDateTime) dtstart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *start = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *tz = NULL;
  g_autofree char *location = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *holiday = NULL;
  g_auto(GStrv) units = NULL;
  g_auto(GStrv) people = NULL;
  int duration = 60;
  int status = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title"), N_("TEXT") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty, N_("The rulebook duty it serves"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("The duty kind (study, meeting…)"), N_("KIND") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First start, e.g. “2026-01-05 09:00”"),
      N_("DATETIME") },
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, N_("Length in minutes (60)"), N_("MIN") },
    { "rrule", 0, 0, G_OPTION_ARG_STRING, &rrule, N_("iCalendar RRULE, e.g. FREQ=MONTHLY;BYMONTHDAY=20"),
      N_("RULE") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &tz, N_("Time zone (Asia/Shanghai)"), N_("TZID") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location, N_("Location"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("The person a personal duty belongs to"),
      N_("PERSON") },
    { "participant-unit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &units,
      N_("A unit whose members take part (repeatable)"), N_("UNIT") },
    { "participant", 0, 0, G_OPTION_ARG_STRING_ARRAY, &people,
      N_("A person who takes part (repeatable)"), N_("PERSON") },
    { "holiday", 0, 0, G_OPTION_ARG_STRING, &holiday,
      N_("On a day off: keep, skip, next-workday or previous-workday"), N_("POLICY") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Add a series of meetings or duties."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "", &argc, &argv, 0, 0, &status))
    return status;
  if (title == NULL)
    return quorum_cli_usage_error (context, _("--title is required"));
  if (is_blank (title))
    return quorum_cli_usage_error (context, _("The title must not be empty."));
  if (start == NULL)
    return quorum_cli_usage_error (context, _("--start is required"));
  if (tz != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tz);

      if (zone == NULL)
        return usage_errorf (context, _("“%s” is not a known time zone."), tz);
    }
  if (!(dtstart = parse_datetime (start, tz)))
    return bad_value (context, "--start", start);
  if (duration < 0)
    return usage_errorf (context, _("Invalid value for %s: “%d”"), "--duration", duration);
  if (rrule != NULL && !quorum_recurrence_validate (rrule, &error))
    return quorum_cli_usage_error (context, error->message);
  if (holiday != NULL && !quorum_series_holiday_policy_is_valid (holiday))
    return usage_errorf (context,
                         _("“%s” is not a holiday policy. Use keep, skip, next-workday "
                           "or previous-workday."),
                         holiday);

  series = quorum_series_new (title, dtstart);
  quorum_series_set_duty_id (series, duty);
  quorum_series_set_kind (series, kind);
  quorum_series_set_rrule (series, rrule);
  quorum_series_set_duration_minutes (series, duration);
  if (tz != NULL)
    quorum_series_set_tzid (series, tz);
  quorum_series_set_location (series, location);
  if (holiday != NULL)
    quorum_series_set_holiday_policy (series, holiday);

  if (!(store = open_store (ctx, &error)))
    return quorum_cli_fail (error);

  if (owner != NULL)
    {
      gint64 owner_id = find_person (store, owner, &error);

      if (owner_id == 0)
        return quorum_cli_fail (error);
      quorum_series_set_owner_id (series, owner_id);
    }
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      gint64 unit_id = find_unit (store, units[i], &error);

      if (unit_id == 0)
        return quorum_cli_fail (error);
      quorum_series_add_participant_unit (series, unit_id);
    }
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      gint64 person_id = find_person (store, people[i], &error);

      if (person_id == 0)
        return quorum_cli_fail (error);
      quorum_series_add_participant_person (series, person_id);
    }

  if (!(id = quorum_store_add_series (store, series, &error)))
    return quorum_cli_fail (error);

  write_id (id);
  return 0;
}

static int
series_list (QuorumCliContext  *ctx,
             int                argc,
             char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List series."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "", &argc, &argv, 0, 0, &status))
    return status;

  if (!(store = open_store (ctx, &error)) ||
      !(list = quorum_store_list_series (store, &error)))
    return quorum_cli_fail (error);

  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumSeries) series = g_list_model_get_item (list, i);
      g_autofree char *dtstart = g_date_time_format (quorum_series_get_dtstart (series),
                                                     "%Y-%m-%dT%H:%M:%S");

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"uid\":",
                                  quorum_series_get_id (series));
          quorum_json_append_string (out, quorum_series_get_uid (series));
          g_string_append (out, ",\"title\":");
          quorum_json_append_string (out, quorum_series_get_title (series));
          g_string_append (out, ",\"obligation\":");
          quorum_json_append_string (out, quorum_series_get_duty_id (series));
          g_string_append (out, ",\"rrule\":");
          quorum_json_append_string (out, quorum_series_get_rrule (series));
          g_string_append (out, ",\"dtstart\":");
          quorum_json_append_string (out, dtstart);
          g_string_append (out, ",\"tzid\":");
          quorum_json_append_string (out, quorum_series_get_tzid (series));
          g_string_append_printf (out, ",\"duration\":%d,\"sequence\":%d}",
                                  quorum_series_get_duration_minutes (series),
                                  quorum_series_get_sequence (series));
        }
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
                                quorum_series_get_id (series), dtstart,
                                quorum_series_get_rrule (series) ?: "-",
                                quorum_series_get_title (series));
    }
  if (json)
    g_string_append (out, "]\n");

  quorum_cli_write (out->str);
  return 0;
}

int
quorum_cli_command_series (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "add") == 0)
    return series_add (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "list") == 0)
    return series_list (ctx, argc - 1, argv + 1);

  return quorum_cli_usage_error (NULL, _("Use “series add” or “series list”."));
}

/* occurrences ------------------------------------------------------------- */

static void
append_occurrence_json (GString          *out,
                        QuorumOccurrence *occurrence)
{
  g_autofree char *start = format_instant (quorum_occurrence_get_start (occurrence));
  g_autofree char *end = format_instant (quorum_occurrence_get_end (occurrence));
  g_autofree char *rid = quorum_occurrence_get_recurrence_id (occurrence) != NULL
                         ? format_instant (quorum_occurrence_get_recurrence_id (occurrence)) : NULL;
  const char *status = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (QUORUM_TYPE_OCCURRENCE_STATUS);

  status = g_enum_get_value (klass, quorum_occurrence_get_status (occurrence))->value_nick;

  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"series\":%" G_GINT64_FORMAT
                          ",\"uid\":",
                          quorum_occurrence_get_id (occurrence),
                          quorum_occurrence_get_series_id (occurrence));
  quorum_json_append_string (out, quorum_occurrence_get_uid (occurrence));
  g_string_append (out, ",\"title\":");
  quorum_json_append_string (out, quorum_occurrence_get_title (occurrence));
  g_string_append (out, ",\"start\":");
  quorum_json_append_string (out, start);
  g_string_append (out, ",\"end\":");
  quorum_json_append_string (out, end);
  g_string_append (out, ",\"recurrence_id\":");
  quorum_json_append_string (out, rid);
  g_string_append (out, ",\"obligation\":");
  quorum_json_append_string (out, quorum_occurrence_get_duty_id (occurrence));
  g_string_append (out, ",\"status\":");
  quorum_json_append_string (out, status);
  g_string_append (out, ",\"status_reason\":");
  quorum_json_append_string (out, quorum_occurrence_get_status_reason (occurrence));
  g_string_append (out, ",\"location\":");
  quorum_json_append_string (out, quorum_occurrence_get_location (occurrence));
  g_string_append_printf (out, ",\"moved\":%s,\"holiday_shifted\":%s,"
                          "\"expected\":%u,\"recorded\":%u,\"attended\":%u}",
                          quorum_occurrence_get_moved (occurrence) ? "true" : "false",
                          quorum_occurrence_get_holiday_shifted (occurrence) ? "true" : "false",
                          quorum_occurrence_get_n_expected (occurrence),
                          quorum_occurrence_get_n_recorded (occurrence),
                          quorum_occurrence_get_n_attended (occurrence));
}

int
quorum_cli_command_occurrences (QuorumCliContext  *ctx,
                                int                argc,
                                char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) to_start = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *person = NULL;
  g_autofree char *duty = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  gboolean json = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day (inclusive)"), N_("DATE") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Only where this person is expected"),
      N_("PERSON") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty, N_("Only this duty"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List occurrences between two days."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "", &argc, &argv, 0, 0, &status))
    return status;
  if (from_text == NULL || to_text == NULL)
    return quorum_cli_usage_error (context, _("--from and --to are required"));
  if (!(from = parse_datetime (from_text, NULL)))
    return bad_value (context, "--from", from_text);
  if (!(to_start = parse_datetime (to_text, NULL)))
    return bad_value (context, "--to", to_text);
  /* --to is a day: include all of it. */
  to = strlen (to_text) <= 10 ? g_date_time_add_days (to_start, 1) : g_date_time_ref (to_start);
  if (g_date_time_compare (to, from) < 0)
    return quorum_cli_usage_error (context, _("--to must not be before --from"));

  if (!(store = open_store (ctx, &error)))
    return quorum_cli_fail (error);
  if (person != NULL && !(filter.person_id = find_person (store, person, &error)))
    return quorum_cli_fail (error);
  filter.duty_id = duty;

  if (!(list = quorum_store_list_occurrences (store, from, to, &filter, &error)))
    return quorum_cli_fail (error);

  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (list, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_occurrence_json (out, occurrence);
        }
      else
        {
          g_autofree char *start = g_date_time_format (quorum_occurrence_get_start (occurrence),
                                                       "%Y-%m-%d %H:%M");
          g_autofree char *end = g_date_time_format (quorum_occurrence_get_end (occurrence),
                                                     "%H:%M");

          g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s–%s\t%s\t%u/%u\n",
                                  quorum_occurrence_get_id (occurrence), start, end,
                                  quorum_occurrence_get_title (occurrence),
                                  quorum_occurrence_get_n_attended (occurrence),
                                  quorum_occurrence_get_n_expected (occurrence));
        }
    }
  if (json)
    g_string_append (out, "]\n");

  quorum_cli_write (out->str);
  return 0;
}

/* attendance ---------------------------------------------------------------- */

int
quorum_cli_command_attend (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("OCCURRENCE PERSON STATUS"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (QUORUM_TYPE_ATTENDANCE_STATUS);
  g_autoptr(GEnumClass) excuse_class = g_type_class_ref (QUORUM_TYPE_EXCUSE_KIND);
  g_autofree char *reason = NULL;
  g_autofree char *excuse = NULL;
  GEnumValue *value;
  GEnumValue *excuse_value = NULL;
  gboolean speaker = FALSE;
  gint64 occurrence_id = 0, person_id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why excused or absent"), N_("TEXT") },
    { "excuse", 0, 0, G_OPTION_ARG_STRING, &excuse,
      N_("leave, official-business or other"), N_("KIND") },
    { "speaker", 0, 0, G_OPTION_ARG_NONE, &speaker, N_("Gave the key speech"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Record attendance: STATUS is present, late, excused, absent "
                                  "or unknown (to clear)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("OCCURRENCE PERSON STATUS"), &argc, &argv, 3, 3, &status))
    return status;
  if (!parse_id (argv[1], &occurrence_id))
    return bad_value (context, "OCCURRENCE", argv[1]);
  if (!(value = g_enum_get_value_by_nick (klass, argv[3])))
    return bad_value (context, "STATUS", argv[3]);
  if (excuse != NULL && !(excuse_value = g_enum_get_value_by_nick (excuse_class, excuse)))
    return bad_value (context, "--excuse", excuse);
  if (value->value == QUORUM_ATTENDANCE_EXCUSED && is_blank (reason))
    return quorum_cli_usage_error (context, _("An excused absence needs --reason"));

  if (!(store = open_store (ctx, &error)) ||
      !(person_id = find_person (store, argv[2], &error)) ||
      !quorum_store_set_attendance (store, occurrence_id, person_id, value->value, reason,
                                    excuse_value != NULL ? excuse_value->value
                                    : (value->value == QUORUM_ATTENDANCE_EXCUSED
                                       ? QUORUM_EXCUSE_OTHER : QUORUM_EXCUSE_NONE),
                                    speaker, NULL, &error))
    return quorum_cli_fail (error);

  return 0;
}

int
quorum_cli_command_makeup (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("OCCURRENCE PERSON"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (QUORUM_TYPE_MAKEUP_METHOD);
  g_autoptr(GDate) date = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *how = NULL;
  g_autofree char *note = NULL;
  GEnumValue *value;
  gint64 occurrence_id = 0, person_id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When it was made up"), N_("DATE") },
    { "how", 0, 0, G_OPTION_ARG_STRING, &how, N_("self-study, another-session or other"),
      N_("HOW") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Details"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Record that a missed session was made up."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("OCCURRENCE PERSON"), &argc, &argv, 2, 2, &status))
    return status;
  if (!parse_id (argv[1], &occurrence_id))
    return bad_value (context, "OCCURRENCE", argv[1]);
  if (date_text == NULL || how == NULL)
    return quorum_cli_usage_error (context, _("--date and --how are required"));
  if (!(date = parse_date (date_text)))
    return bad_value (context, "--date", date_text);
  if (!(value = g_enum_get_value_by_nick (klass, how)))
    return bad_value (context, "--how", how);

  if (!(store = open_store (ctx, &error)) ||
      !(person_id = find_person (store, argv[2], &error)) ||
      !quorum_store_record_makeup (store, occurrence_id, person_id, date, value->value, note,
                                   &error))
    return quorum_cli_fail (error);

  return 0;
}

/* leave --------------------------------------------------------------------- */

static int
leave_add (QuorumCliContext  *ctx,
           int                argc,
           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *emergency = NULL;
  gint64 person_id, id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day away"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day away"), N_("DATE") },
    { "destination", 0, 0, G_OPTION_ARG_STRING, &destination, N_("Where to"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { "emergency", 0, 0, G_OPTION_ARG_STRING, &emergency,
      N_("File with less than 3 days' notice, for this emergency"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("File a leave request (3 days ahead)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("PERSON"), &argc, &argv, 1, 1, &status))
    return status;
  if (from == NULL || to == NULL || destination == NULL || reason == NULL)
    return quorum_cli_usage_error (context,
                                   _("--from, --to, --destination and --reason are required"));
  if (!(start = parse_date (from)))
    return bad_value (context, "--from", from);
  if (!(end = parse_date (to)))
    return bad_value (context, "--to", to);
  if (g_date_compare (end, start) < 0)
    return quorum_cli_usage_error (context, _("A leave cannot end before it starts."));

  if (!(store = open_store (ctx, &error)) ||
      !(person_id = find_person (store, argv[1], &error)) ||
      !(id = quorum_store_add_leave (store, person_id, start, end, destination, reason, NULL,
                                     emergency != NULL, emergency, &error)))
    return quorum_cli_fail (error);

  write_id (id);
  return 0;
}

static int
leave_list (QuorumCliContext  *ctx,
            int                argc,
            char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[PERSON]"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  gint64 person_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List leave requests."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("[PERSON]"), &argc, &argv, 0, 1, &status))
    return status;

  if (!(store = open_store (ctx, &error)) ||
      (argc > 1 && !(person_id = find_person (store, argv[1], &error))) ||
      !(leaves = quorum_store_list_leaves (store, person_id, &error)))
    return quorum_cli_fail (error);

  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < leaves->len; i++)
    {
      QuorumLeave *leave = g_ptr_array_index (leaves, i);
      char start[16], end[16];

      g_date_strftime (start, sizeof start, "%Y-%m-%d", leave->start);
      g_date_strftime (end, sizeof end, "%Y-%m-%d", leave->end);
      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"person\":%" G_GINT64_FORMAT
                                  ",\"from\":\"%s\",\"to\":\"%s\",\"destination\":",
                                  leave->id, leave->person_id, start, end);
          quorum_json_append_string (out, leave->destination);
          g_string_append (out, ",\"reason\":");
          quorum_json_append_string (out, leave->reason);
          g_string_append_printf (out, ",\"emergency\":%s,\"emergency_reason\":",
                                  leave->emergency ? "true" : "false");
          quorum_json_append_string (out, leave->emergency_reason);
          g_string_append_printf (out, ",\"reported_back\":%s}",
                                  leave->reported_back_at != NULL ? "true" : "false");
        }
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s..%s\t%s\t%s%s\n",
                                leave->id, leave->person_id, start, end, leave->destination,
                                leave->reason, leave->emergency ? "\t!" : "");
    }
  if (json)
    g_string_append (out, "]\n");

  quorum_cli_write (out->str);
  return 0;
}

int
quorum_cli_command_leave (QuorumCliContext  *ctx,
                          int                argc,
                          char             **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "add") == 0)
    return leave_add (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "list") == 0)
    return leave_list (ctx, argc - 1, argv + 1);

  return quorum_cli_usage_error (NULL, _("Use “leave add” or “leave list”."));
}

/* records and occurrence edits ---------------------------------------------- */

int
quorum_cli_command_record (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON KIND"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumRecord) record = quorum_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *note = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *received = NULL;
  gboolean unannounced = FALSE;
  double days = 1.0;
  gint64 id;
  int status = 0;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day"), N_("DATE") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("For a letter answered or a document countersigned: the day it came in"),
      N_("DATE") },
    { "days", 0, 0, G_OPTION_ARG_DOUBLE, &days, N_("Days it counts for (1)"), N_("N") },
    { "unannounced", 0, 0, G_OPTION_ARG_NONE, &unannounced,
      N_("An unannounced visit (四不两直)"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The enterprise, department or town"),
      N_("UNIT") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty, N_("The duty it counts for"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Free text"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Add a personal record (reception-day, enterprise-visit, "
                                  "research-day…)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("PERSON KIND"), &argc, &argv, 2, 2, &status))
    return status;
  if (date == NULL)
    return quorum_cli_usage_error (context, _("--date is required"));
  if (!(record->date = parse_date (date)))
    return bad_value (context, "--date", date);
  if (!quorum_record_kind_is_valid (argv[2]))
    return usage_errorf (context, _("“%s” is not a kind of record."), argv[2]);
  if (received != NULL)
    {
      if (!(record->received_on = parse_date (received)))
        return bad_value (context, "--received", received);
      if (g_date_compare (record->received_on, record->date) > 0)
        return usage_errorf (context, _("It cannot be done (%s) before it came in (%s)."),
                             date, received);
    }
  /* Days a record counts for: a half day to a whole year. */
  if (!isfinite (days) || days < 0 || days > 366)
    return usage_errorf (context, _("Invalid value for %s: “%g”"), "--days", days);

  record->kind = g_strdup (argv[2]);
  record->days = days;
  record->unannounced = unannounced;
  record->note = g_strdup (note);
  record->duty_id = g_strdup (duty);

  if (!(store = open_store (ctx, &error)) ||
      !(record->person_id = find_person (store, argv[1], &error)) ||
      (unit != NULL && !(record->unit_id = find_unit (store, unit, &error))) ||
      !(id = quorum_store_add_record (store, record, &error)))
    return quorum_cli_fail (error);

  write_id (id);
  return 0;
}

int
quorum_cli_command_cancel (QuorumCliContext  *ctx,
                           int                argc,
                           char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("OCCURRENCE"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 occurrence_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is cancelled"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Cancel one occurrence."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("OCCURRENCE"), &argc, &argv, 1, 1, &status))
    return status;
  if (!parse_id (argv[1], &occurrence_id))
    return bad_value (context, "OCCURRENCE", argv[1]);
  if (reason == NULL)
    return quorum_cli_usage_error (context, _("--reason is required"));

  if (!(store = open_store (ctx, &error)) ||
      !quorum_store_cancel_occurrence (store, occurrence_id, reason, &error))
    return quorum_cli_fail (error);

  return 0;
}

int
quorum_cli_command_move (QuorumCliContext  *ctx,
                         int                argc,
                         char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("OCCURRENCE"));
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *location = NULL;
  gint64 occurrence_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("The new start"), N_("DATETIME") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location, N_("A new location"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Move one occurrence; it keeps its length."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, _("OCCURRENCE"), &argc, &argv, 1, 1, &status))
    return status;
  if (!parse_id (argv[1], &occurrence_id))
    return bad_value (context, "OCCURRENCE", argv[1]);
  if (start_text == NULL && location == NULL)
    return quorum_cli_usage_error (context, _("--start or --location is required"));

  if (!(store = open_store (ctx, &error)) ||
      !(occurrence = quorum_store_get_occurrence (store, occurrence_id, &error)))
    return quorum_cli_fail (error);

  if (start_text != NULL)
    {
      g_autoptr(QuorumSeries) series = quorum_store_get_series (store,
                                                                quorum_occurrence_get_series_id (occurrence),
                                                                &error);
      if (series == NULL)
        return quorum_cli_fail (error);
      if (!(start = parse_datetime (start_text, quorum_series_get_tzid (series))))
        return bad_value (context, "--start", start_text);
    }

  if (!quorum_store_update_occurrence (store, occurrence_id, start, NULL, location, NULL, &error))
    return quorum_cli_fail (error);

  return 0;
}

/* For the commands of other files ---------------------------------------- */

QuorumStore *
quorum_cli_open_store (QuorumCliContext  *ctx,
                       GError           **error)
{
  return open_store (ctx, error);
}

gint64
quorum_cli_find_person (QuorumStore  *store,
                        const char   *arg,
                        GError      **error)
{
  return find_person (store, arg, error);
}

gint64
quorum_cli_find_unit (QuorumStore  *store,
                      const char   *arg,
                      GError      **error)
{
  return find_unit (store, arg, error);
}

GDateTime *
quorum_cli_parse_datetime (const char *text)
{
  return parse_datetime (text, NULL);
}
