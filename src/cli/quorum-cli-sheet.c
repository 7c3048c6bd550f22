/* quorum-cli-sheet.c: `quorum-cli sheet`, printed sheets as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "quorum-cli.h"
#include "quorum-sheet-render.h"
#include "quorum-sheet-store.h"
#include "quorum-sheet.h"

#define SHEET_GROUP   "Sheet"
#define PERSON_PREFIX "Person"

static const struct
{
  const char             *name;
  QuorumAttendanceStatus  status;
} statuses[] = {
  { "unknown", QUORUM_ATTENDANCE_UNKNOWN },
  { "present", QUORUM_ATTENDANCE_PRESENT },
  { "late",    QUORUM_ATTENDANCE_LATE },
  { "excused", QUORUM_ATTENDANCE_EXCUSED },
  { "absent",  QUORUM_ATTENDANCE_ABSENT },
};

/* Every message about the file says which file, group and key. */
static void
set_key_error (GError     **error,
               const char  *path,
               const char  *group,
               const char  *key,
               const char  *problem)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %1$s is a file, %2$s a [group] in it, %3$s a key, %4$s what is wrong */
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               _("%1$s: group “%2$s”, key “%3$s”: %4$s"), display, group, key, problem);
}

/* An optional string: NULL when the key is missing. */
static char *
dup_string (GKeyFile   *keyfile,
            const char *group,
            const char *key)
{
  return g_key_file_get_locale_string (keyfile, group, key, NULL, NULL);
}

/* Reads an ISO 8601 date and time (or a bare date, meaning its midnight); a
 * missing key leaves *out NULL. Without an offset the local zone applies. */
static gboolean
read_date_time (GKeyFile    *keyfile,
                const char  *path,
                const char  *group,
                const char  *key,
                GDateTime  **out,
                GError     **error)
{
  g_autofree char *text = dup_string (keyfile, group, key);
  g_autofree char *full = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  *out = NULL;
  if (text == NULL || *g_strstrip (text) == '\0')
    return TRUE;

  full = strchr (text, 'T') == NULL ? g_strconcat (text, "T00:00:00", NULL) : g_strdup (text);
  *out = g_date_time_new_from_iso8601 (full, local);
  if (*out == NULL)
    {
      g_autofree char *problem =
        /* Translators: %s is what the file says */
        g_strdup_printf (_("“%s” is not a date and time like 2026-11-20T09:00:00+08:00"), text);

      set_key_error (error, path, group, key, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_status (GKeyFile                *keyfile,
             const char              *path,
             const char              *group,
             QuorumAttendanceStatus  *status,
             GError                 **error)
{
  g_autofree char *text = dup_string (keyfile, group, "Status");
  g_autofree char *problem = NULL;

  *status = QUORUM_ATTENDANCE_UNKNOWN;
  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_ascii_strcasecmp (text, statuses[i].name) == 0)
        {
          *status = statuses[i].status;
          return TRUE;
        }
    }

  /* Translators: %s is what the file says; do not translate the five words */
  problem = g_strdup_printf (_("“%s” is not one of present, late, excused, absent, unknown"), text);
  set_key_error (error, path, group, "Status", problem);
  return FALSE;
}

static gboolean
read_person (QuorumSheet  *sheet,
             GKeyFile     *keyfile,
             const char   *path,
             const char   *group,
             GError      **error)
{
  g_autofree char *name = dup_string (keyfile, group, "Name");
  g_autofree char *post = dup_string (keyfile, group, "Post");
  g_autofree char *reason = dup_string (keyfile, group, "Reason");
  g_autofree char *made_up = dup_string (keyfile, group, "MadeUp");
  g_autoptr(GError) local_error = NULL;
  QuorumAttendanceStatus status;
  gboolean key_speaker = FALSE;

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      set_key_error (error, path, group, "Name", _("a name is required"));
      return FALSE;
    }
  if (!read_status (keyfile, path, group, &status, error))
    return FALSE;
  if (g_key_file_has_key (keyfile, group, "KeySpeaker", NULL))
    {
      key_speaker = g_key_file_get_boolean (keyfile, group, "KeySpeaker", &local_error);
      if (local_error != NULL)
        {
          set_key_error (error, path, group, "KeySpeaker", _("the value must be true or false"));
          return FALSE;
        }
    }

  quorum_sheet_add_row (sheet, name, post, status, reason, key_speaker, made_up);
  return TRUE;
}

/*
 * A sheet's data from a small key file,
 *
 *   [Sheet]
 *   Office=栖霞市人民政府
 *   Title=党组理论学习中心组学习
 *   Duty=第2条 党组理论学习中心组学习
 *   Start=2026-11-20T09:00:00+08:00
 *   End=2026-11-20T11:00:00+08:00
 *   Location=三楼会议室
 *   MinutesSignedOn=2026-11-21      (optional, as are PrintedAt and Notes)
 *
 *   [Person 1]                      (one group per person, in rank order)
 *   Name=张三
 *   Post=党组书记、市长
 *   Status=present                  (present, late, excused, absent, unknown)
 *   Reason=…  KeySpeaker=true  MadeUp=11月25日
 *
 * An alternative to the database (--from-file), for sheets of meetings the
 * database does not hold. PrintedAt defaults to @now.
 */
static QuorumSheet *
load_sheet (const char       *path,
            QuorumSheetKind   kind,
            GDateTime        *now,
            GError          **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(QuorumSheet) sheet = quorum_sheet_new (kind);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) signed_on = NULL;
  g_autoptr(GDateTime) printed_at = NULL;
  g_autofree char *title = NULL;
  g_autofree char *office = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *location = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) groups = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", display, local_error->message);
      return NULL;
    }

  if (!g_key_file_has_group (keyfile, SHEET_GROUP))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %1$s is a file, %2$s the name of the group it lacks */
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%1$s: there is no group “%2$s”"), display, SHEET_GROUP);
      return NULL;
    }

  title = dup_string (keyfile, SHEET_GROUP, "Title");
  if (title == NULL || *g_strstrip (title) == '\0')
    {
      set_key_error (error, path, SHEET_GROUP, "Title", _("a title is required"));
      return NULL;
    }
  office = dup_string (keyfile, SHEET_GROUP, "Office");
  duty = dup_string (keyfile, SHEET_GROUP, "Duty");
  location = dup_string (keyfile, SHEET_GROUP, "Location");
  notes = dup_string (keyfile, SHEET_GROUP, "Notes");

  if (!read_date_time (keyfile, path, SHEET_GROUP, "Start", &start, error) ||
      !read_date_time (keyfile, path, SHEET_GROUP, "End", &end, error) ||
      !read_date_time (keyfile, path, SHEET_GROUP, "MinutesSignedOn", &signed_on, error) ||
      !read_date_time (keyfile, path, SHEET_GROUP, "PrintedAt", &printed_at, error))
    return NULL;
  if (end != NULL && (start == NULL || g_date_time_compare (end, start) < 0))
    {
      set_key_error (error, path, SHEET_GROUP, "End", _("the end must not be before the start"));
      return NULL;
    }

  quorum_sheet_set_title (sheet, title);
  quorum_sheet_set_office (sheet, office);
  quorum_sheet_set_duty (sheet, duty);
  quorum_sheet_set_location (sheet, location);
  quorum_sheet_set_notes (sheet, notes);
  quorum_sheet_set_times (sheet, start, end);
  quorum_sheet_set_minutes_signed_on (sheet, signed_on);
  quorum_sheet_set_printed_at (sheet, printed_at != NULL ? printed_at : now);

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_str_has_prefix (groups[i], PERSON_PREFIX))
        continue;
      if (!read_person (sheet, keyfile, path, groups[i], error))
        return NULL;
    }

  return g_steal_pointer (&sheet);
}

/* The stored rulebook, else the bundled one; NULL only if neither loads. */
static QuorumRulebook *
load_rulebook (QuorumStore *store)
{
  g_autofree char *data = quorum_store_dup_rulebook_data (store);
  QuorumRulebook *rulebook = NULL;

  if (data != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), strlen (data));

      rulebook = quorum_rulebook_new_from_bytes (bytes, _("Stored rulebook"), NULL);
    }
  if (rulebook == NULL)
    rulebook = quorum_rulebook_new_default (NULL);
  return rulebook;
}

static QuorumSheet *
load_sheet_from_store (QuorumCliContext  *ctx,
                       gint64             occurrence_id,
                       QuorumSheetKind    kind,
                       GError           **error)
{
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;

  if (!(db = quorum_cli_open_database (ctx, error)))
    return NULL;
  store = quorum_store_new (db);
  rulebook = load_rulebook (store);
  return quorum_sheet_new_for_occurrence (store, rulebook, occurrence_id, kind, error);
}

int
quorum_cli_command_sheet (QuorumCliContext  *ctx,
                          int                argc,
                          char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[OCCURRENCE]"));
  g_autoptr(QuorumSheet) sheet = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *display = NULL;
  gboolean record = FALSE;
  gboolean speaking_order = FALSE;
  QuorumSheetKind kind = QUORUM_SHEET_SIGN_IN;
  guint64 occurrence_id = 0;
  int n_pages;
  const GOptionEntry entries[] = {
    { "from-file", 0, 0, G_OPTION_ARG_FILENAME, &from_file,
      N_("Read the sheet’s data from this key file instead of the database"), N_("FILE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the PDF to this file"), N_("FILE") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record,
      N_("Print the attendance record instead of the sign-in sheet"), NULL },
    { "speaking-order", 0, 0, G_OPTION_ARG_NONE, &speaking_order,
      N_("Print the reverse speaking order instead of the sign-in sheet"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Print the sign-in sheet, attendance record or "
                                           "speaking order of an occurrence as an A4 PDF."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (argc == 2 && from_file != NULL)
    return quorum_cli_usage_error (context, _("Give an occurrence or --from-file, not both"));
  if (argc < 2 && from_file == NULL)
    return quorum_cli_usage_error (context, _("Give an occurrence (see “quorum-cli "
                                              "occurrences”) or --from-file"));
  if (argc == 2 &&
      !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &occurrence_id, NULL))
    {
      /* Translators: %s is what was given instead of an occurrence number */
      g_autofree char *message = g_strdup_printf (_("“%s” is not an occurrence number"),
                                                  argv[1]);

      return quorum_cli_usage_error (context, message);
    }
  if (out == NULL)
    return quorum_cli_usage_error (context, _("--out is required"));
  if (record && speaking_order)
    return quorum_cli_usage_error (context, _("--record and --speaking-order exclude each other"));

  if (record)
    kind = QUORUM_SHEET_RECORD;
  else if (speaking_order)
    kind = QUORUM_SHEET_SPEAKING_ORDER;

  if (from_file != NULL)
    sheet = load_sheet (from_file, kind, now, &error);
  else
    sheet = load_sheet_from_store (ctx, (gint64)occurrence_id, kind, &error);
  if (sheet == NULL)
    return quorum_cli_fail (error);
  if (!quorum_sheet_write_pdf (sheet, out, &error))
    return quorum_cli_fail (error);

  n_pages = quorum_sheet_get_n_pages (sheet, QUORUM_SHEET_A4_WIDTH, QUORUM_SHEET_A4_HEIGHT);
  display = g_filename_display_name (out);
  /* Translators: %1$s is a PDF file, %2$d its number of pages */
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %1$s (%2$d page).\n",
                                       "Wrote %1$s (%2$d pages).\n", n_pages),
                          display, n_pages);
  quorum_cli_write (line);
  return 0;
}
