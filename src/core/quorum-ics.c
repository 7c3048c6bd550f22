/* quorum-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-ics"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical-glib/libical-glib.h>

#include "quorum-ics.h"
#include "quorum-ics-private.h"

/* Writing: we serialise the content lines ourselves instead of going through
 * libical, for four reasons: libical's builtin zones carry the TZID
 * "/freeassociation.sourceforge.net/…" that Apple Calendar drops; EXDATE
 * loses its TZID parameter; the output must be byte-stable for ETags and
 * tests; and folding must be at 75 octets on UTF-8 character boundaries.
 *
 * Reading: our own pass splits, unfolds and numbers the lines, checks the
 * component nesting and reads every VEVENT property, so every error names its
 * line. libical does what it is good at: reading a file's VTIMEZONE
 * definitions and converting their wall times, and validating RRULEs.
 *
 * Policy: a problem that would lose or misplace data (no END, an RRULE or a
 * date that cannot be read, an event without a start, text that is not
 * UTF-8) refuses the whole file with its line. A cosmetic problem (an unknown
 * property name, a bad SEQUENCE, an unknown STATUS, a time zone we cannot
 * resolve, a missing UID) becomes a warning in the report and the event is
 * imported. An unknown time zone reads the wall time as UTC. */

#define SHANGHAI "Asia/Shanghai"

G_DEFINE_QUARK (quorum-ics-error-quark, quorum_ics_error)

G_DEFINE_BOXED_TYPE (QuorumIcsEvent, quorum_ics_event, quorum_ics_event_ref, quorum_ics_event_unref)

static void
clear_alarm (gpointer data)
{
  QuorumIcsAlarm *alarm = data;

  g_clear_pointer (&alarm->description, g_free);
}

static void
clear_attendee (gpointer data)
{
  QuorumIcsAttendee *attendee = data;

  g_clear_pointer (&attendee->cn, g_free);
  g_clear_pointer (&attendee->uri, g_free);
  g_clear_pointer (&attendee->role, g_free);
}

/**
 * quorum_ics_event_new:
 *
 * Creates an empty event description with its arrays allocated.
 *
 * Returns: (transfer full): a new #QuorumIcsEvent
 */
QuorumIcsEvent *
quorum_ics_event_new (void)
{
  QuorumIcsEvent *self = g_atomic_rc_box_new0 (QuorumIcsEvent);

  self->exdates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  self->rdates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  self->alarms = g_array_new (FALSE, TRUE, sizeof (QuorumIcsAlarm));
  g_array_set_clear_func (self->alarms, clear_alarm);
  self->attendees = g_array_new (FALSE, TRUE, sizeof (QuorumIcsAttendee));
  g_array_set_clear_func (self->attendees, clear_attendee);

  return self;
}

/**
 * quorum_ics_event_ref:
 * @self: a #QuorumIcsEvent
 *
 * Returns: (transfer full): @self with one more reference
 */
QuorumIcsEvent *
quorum_ics_event_ref (QuorumIcsEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
event_clear (QuorumIcsEvent *self)
{
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->recurrence_id, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->dtstart, g_date_time_unref);
  g_clear_pointer (&self->dtend, g_date_time_unref);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->exdates, g_ptr_array_unref);
  g_clear_pointer (&self->rdates, g_ptr_array_unref);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->last_modified, g_date_time_unref);
  g_clear_pointer (&self->dtstamp, g_date_time_unref);
  g_clear_pointer (&self->transp, g_free);
  g_clear_pointer (&self->alarms, g_array_unref);
  g_clear_pointer (&self->attendees, g_array_unref);
  g_clear_pointer (&self->organizer, g_free);
  g_clear_pointer (&self->organizer_cn, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->duty, g_free);
  g_clear_pointer (&self->article, g_free);
}

/**
 * quorum_ics_event_unref:
 * @self: (transfer full): a #QuorumIcsEvent
 *
 * Drops a reference; the last one frees the event and its fields.
 */
void
quorum_ics_event_unref (QuorumIcsEvent *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) event_clear);
}

/**
 * quorum_ics_event_add_alarm:
 * @self: a #QuorumIcsEvent
 * @minutes_before: minutes before the start (negative: after it)
 * @description: (nullable): text of the reminder
 *
 * Appends a display alarm.
 */
void
quorum_ics_event_add_alarm (QuorumIcsEvent *self,
                            int             minutes_before,
                            const char     *description)
{
  QuorumIcsAlarm alarm = { minutes_before, g_strdup (description) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->alarms, alarm);
}

/**
 * quorum_ics_event_add_attendee:
 * @self: a #QuorumIcsEvent
 * @cn: (nullable): display name
 * @uri: calendar address (`mailto:…`)
 * @partstat: participation status
 * @role: (nullable): ROLE, e.g. `REQ-PARTICIPANT`
 *
 * Appends an attendee.
 */
void
quorum_ics_event_add_attendee (QuorumIcsEvent    *self,
                               const char        *cn,
                               const char        *uri,
                               QuorumIcsPartstat  partstat,
                               const char        *role)
{
  QuorumIcsAttendee attendee = { g_strdup (cn), g_strdup (uri), partstat, g_strdup (role) };

  g_return_if_fail (self != NULL);
  g_return_if_fail (uri != NULL);

  g_array_append_val (self->attendees, attendee);
}

/**
 * quorum_ics_parse_report_clear:
 * @report: a #QuorumIcsParseReport
 *
 * Frees the report's lists and zeroes it, ready for reuse.
 */
void
quorum_ics_parse_report_clear (QuorumIcsParseReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->warnings, g_strfreev);
  g_clear_pointer (&report->unknown_tzids, g_strfreev);
  memset (report, 0, sizeof *report);
}

static const char * const status_names[] = { NULL, "CONFIRMED", "TENTATIVE", "CANCELLED" };
static const char * const partstat_names[] = { "NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE" };

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

/* Appends one content line, folded so that no physical line exceeds 75
 * octets, never inside a UTF-8 sequence, each ended by CRLF. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = 75;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = 74;
    }

  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
append_escaped_text (GString    *line,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (line, "\\\\");
          break;
        case ';':
          g_string_append (line, "\\;");
          break;
        case ',':
          g_string_append (line, "\\,");
          break;
        case '\n':
          g_string_append (line, "\\n");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (line, "\\n");
          break;
        default:
          /* Control characters other than TAB are not allowed in TEXT. */
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (line, *p);
          break;
        }
    }
}

static void
append_param (GString    *line,
              const char *name,
              const char *value)
{
  gboolean quote = strpbrk (value, ":;,") != NULL;

  g_string_append_c (line, ';');
  g_string_append (line, name);
  g_string_append_c (line, '=');
  if (quote)
    g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    if (*p != '"' && ((guchar) *p >= 0x20 || *p == '\t'))
      g_string_append_c (line, *p);
  if (quote)
    g_string_append_c (line, '"');
}

/* Ends the content line that begins at @start of @out, written there
 * unfolded: folds it as append_folded() does when it is longer than 75
 * octets, and ends it with CRLF. A feed writes a million lines: they go
 * straight into @out, and only the long ones are copied once to fold. */
static void
end_line (GString *out,
          gsize    start)
{
  g_autofree char *line = NULL;

  if (out->len - start <= 75)
    {
      g_string_append_len (out, "\r\n", 2);
      return;
    }
  line = g_strndup (out->str + start, out->len - start);
  g_string_truncate (out, start);
  append_folded (out, line);
}

static void
emit_text (GString    *out,
           const char *name,
           const char *text)
{
  gsize start = out->len;

  if (text == NULL)
    return;

  g_string_append (out, name);
  g_string_append_c (out, ':');
  append_escaped_text (out, text);
  end_line (out, start);
}

static void
emit_raw (GString    *out,
          const char *name,
          const char *value)
{
  gsize start = out->len;

  if (value == NULL)
    return;

  g_string_append (out, name);
  g_string_append_c (out, ':');
  g_string_append (out, value);
  end_line (out, start);
}

/* Appends @value as @width zero-padded decimal digits: the writer formats
 * every date of a feed this way, many times faster than printf. */
static void
append_digits (GString *line,
               int      value,
               int      width)
{
  char buf[16];

  for (int i = width - 1; i >= 0; i--, value /= 10)
    buf[i] = (char)('0' + value % 10);
  g_string_append_len (line, buf, width);
}

/* @value in decimal, as printf ("%d") would write it. */
static void
append_int (GString *line,
            int      value)
{
  char buf[16];
  int i = sizeof buf;
  gint64 v = value;

  if (v < 0)
    {
      g_string_append_c (line, '-');
      v = -v;
    }
  do
    buf[--i] = (char)('0' + v % 10);
  while ((v /= 10) > 0);
  g_string_append_len (line, buf + i, sizeof buf - i);
}

/* YYYYMMDDTHHMMSS of the wall clock @seconds after 1970-01-01T00:00:00 of
 * that clock (proleptic Gregorian days from the epoch, as GDateTime counts
 * them): what converting to a zone and reading the fields back gives,
 * without a new GDateTime per stamp. */
static void
append_wall_seconds (GString *line,
                     gint64   seconds)
{
  gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  gint64 rest = seconds - days * 86400;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int day = (int)(doy - (153 * mp + 2) / 5 + 1);
  int month = (int)(mp < 10 ? mp + 3 : mp - 9);
  int year = (int)(yoe + era * 400 + (month <= 2));

  append_digits (line, year, 4);
  append_digits (line, month, 2);
  append_digits (line, day, 2);
  g_string_append_c (line, 'T');
  append_digits (line, (int)(rest / 3600), 2);
  append_digits (line, (int)(rest / 60 % 60), 2);
  append_digits (line, (int)(rest % 60), 2);
}

/* The wall clock of @tz at @dt, as g_date_time_to_timezone() finds it. */
static void
append_wall_clock_in (GString   *line,
                      GDateTime *dt,
                      GTimeZone *tz)
{
  gint64 unix_time = g_date_time_to_unix (dt);
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time);

  append_wall_seconds (line, unix_time + g_time_zone_get_offset (tz, interval));
}

static void
append_utc_stamp (GString   *line,
                  GDateTime *dt)
{
  append_wall_seconds (line, g_date_time_to_unix (dt));
  g_string_append_c (line, 'Z');
}

static void
emit_utc (GString    *out,
          const char *name,
          GDateTime  *dt)
{
  gsize start = out->len;

  if (dt == NULL)
    return;

  g_string_append (out, name);
  g_string_append_c (out, ':');
  append_utc_stamp (out, dt);
  end_line (out, start);
}

typedef struct
{
  const char *tzid;   /* NULL: write UTC */
  GTimeZone  *tz;
  gboolean    all_day;
} ExportZone;

/* NAME[;extra];VALUE=DATE:YYYYMMDD, NAME[;extra];TZID=…:YYYYMMDDTHHMMSS or
 * NAME[;extra]:YYYYMMDDTHHMMSSZ. */
static void
emit_time (GString          *out,
           const char       *name,
           const char       *extra_params,
           GDateTime        *dt,
           const ExportZone *zone)
{
  gsize start = out->len;

  if (dt == NULL)
    return;

  g_string_append (out, name);
  if (extra_params != NULL)
    g_string_append (out, extra_params);

  if (zone->all_day)
    {
      int y, m, d;

      g_date_time_get_ymd (dt, &y, &m, &d);
      g_string_append (out, ";VALUE=DATE:");
      append_digits (out, y, 4);
      append_digits (out, m, 2);
      append_digits (out, d, 2);
    }
  else if (zone->tzid == NULL)
    {
      g_string_append_c (out, ':');
      append_utc_stamp (out, dt);
    }
  else
    {
      append_param (out, "TZID", zone->tzid);
      g_string_append_c (out, ':');
      append_wall_clock_in (out, dt, zone->tz);
    }

  end_line (out, start);
}

/* A DURATION of whole minutes: -P1D, PT2H, PT15M. */
static void
append_duration_minutes (GString *line,
                         int      minutes)
{
  int m = ABS (minutes);

  if (minutes < 0)
    g_string_append_c (line, '-');
  if (m != 0 && m % 1440 == 0)
    {
      g_string_append_c (line, 'P');
      append_int (line, m / 1440);
      g_string_append_c (line, 'D');
    }
  else if (m != 0 && m % 60 == 0)
    {
      g_string_append (line, "PT");
      append_int (line, m / 60);
      g_string_append_c (line, 'H');
    }
  else
    {
      g_string_append (line, "PT");
      append_int (line, m);
      g_string_append_c (line, 'M');
    }
}

static void
emit_duration (GString    *out,
               const char *name,
               int         minutes)
{
  gsize start = out->len;

  g_string_append (out, name);
  g_string_append_c (out, ':');
  append_duration_minutes (out, minutes);
  end_line (out, start);
}

/* Our own Asia/Shanghai: UTC+8 without DST since 1991, under a clean TZID. */
static const char shanghai_vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:Asia/Shanghai\r\n"
  "X-LIC-LOCATION:Asia/Shanghai\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0800\r\n"
  "TZOFFSETTO:+0800\r\n"
  "TZNAME:CST\r\n"
  "DTSTART:19700101T000000\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/* Another zone: libical's builtin definition, unfolded, with its
 * "/freeassociation.sourceforge.net/" TZID replaced by the plain name. */
static void
emit_builtin_vtimezone (GString    *out,
                        const char *tzid)
{
  ICalTimezone *zone = i_cal_timezone_get_builtin_timezone (tzid);
  ICalComponent *comp;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) logical = NULL;
  const char *builtin_tzid;

  g_assert (zone != NULL);

  builtin_tzid = i_cal_timezone_get_tzid (zone);
  comp = i_cal_timezone_get_component (zone);
  text = i_cal_component_as_ical_string (comp);
  g_object_unref (comp);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (line[0] == ' ' || line[0] == '\t')
        {
          if (logical != NULL)
            g_string_append (logical, line + 1);
          continue;
        }
      if (logical != NULL)
        {
          g_string_replace (logical, builtin_tzid, tzid, 0);
          append_folded (out, logical->str);
          g_string_free (g_steal_pointer (&logical), TRUE);
        }
      if (len > 0)
        logical = g_string_new (line);
    }

  if (logical != NULL)
    {
      g_string_replace (logical, builtin_tzid, tzid, 0);
      append_folded (out, logical->str);
    }
}

static int
compare_times (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return g_date_time_compare (a, b);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const QuorumIcsEvent *ea = *(QuorumIcsEvent * const *)a;
  const QuorumIcsEvent *eb = *(QuorumIcsEvent * const *)b;
  int cmp = g_strcmp0 (ea->uid, eb->uid);

  if (cmp != 0)
    return cmp;
  return compare_times (ea->recurrence_id, eb->recurrence_id);
}

static int
compare_time_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return compare_times (*(GDateTime * const *)a, *(GDateTime * const *)b);
}

static int
compare_string_ptrs (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
is_utc_name (const char *tzid)
{
  return tzid == NULL || g_ascii_strcasecmp (tzid, "UTC") == 0 ||
         g_ascii_strcasecmp (tzid, "Etc/UTC") == 0;
}

/* The zones we can write a VTIMEZONE for: tzid → GTimeZone. */
static GTimeZone *
lookup_export_zone (GHashTable *zones,
                    const char *tzid)
{
  GTimeZone *tz;

  if (is_utc_name (tzid))
    return NULL;

  if (g_hash_table_lookup_extended (zones, tzid, NULL, (gpointer *)&tz))
    return tz;

  tz = g_time_zone_new_identifier (tzid);
  if (tz != NULL && g_strcmp0 (tzid, SHANGHAI) != 0 &&
      i_cal_timezone_get_builtin_timezone (tzid) == NULL)
    g_clear_pointer (&tz, g_time_zone_unref);

  g_hash_table_insert (zones, g_strdup (tzid), tz);
  return tz;
}

static void
emit_times (GString          *out,
            const char       *name,
            GPtrArray        *times,
            const ExportZone *zone)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (times, NULL, NULL);

  /* The copy would inherit the free function of @times. */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_time_ptrs);
  for (guint i = 0; i < sorted->len; i++)
    emit_time (out, name, NULL, g_ptr_array_index (sorted, i), zone);
}

static void
emit_event (GString                      *out,
            const QuorumIcsEvent         *ev,
            const QuorumIcsExportOptions *options,
            GHashTable                   *zones,
            GDateTime                    *now)
{
  gboolean full = !options->public_feed;
  ExportZone zone = { NULL, NULL, ev->all_day };
  g_autoptr(GDateTime) stamp = NULL;

  if (!ev->all_day)
    {
      zone.tz = lookup_export_zone (zones, ev->tzid);
      zone.tzid = zone.tz != NULL ? ev->tzid : NULL;
    }

  append_folded (out, "BEGIN:VEVENT");
  emit_text (out, "UID", ev->uid);

  if (options->now != NULL)
    stamp = g_date_time_ref (options->now);
  else if (ev->dtstamp != NULL)
    stamp = g_date_time_ref (ev->dtstamp);
  else
    stamp = g_date_time_ref (now);
  emit_utc (out, "DTSTAMP", stamp);

  emit_time (out, "RECURRENCE-ID", ev->this_and_future ? ";RANGE=THISANDFUTURE" : NULL,
             ev->recurrence_id, &zone);
  emit_time (out, "DTSTART", NULL, ev->dtstart, &zone);
  emit_time (out, "DTEND", NULL, ev->dtend, &zone);
  emit_raw (out, "RRULE", ev->rrule);
  emit_times (out, "RDATE", ev->rdates, &zone);
  emit_times (out, "EXDATE", ev->exdates, &zone);
  emit_text (out, "SUMMARY", ev->summary);
  emit_text (out, "LOCATION", ev->location);
  if (ev->status != QUORUM_ICS_STATUS_NONE)
    emit_raw (out, "STATUS", status_names[ev->status]);

  if (full)
    {
      emit_text (out, "DESCRIPTION", ev->description);

      if (ev->categories != NULL && ev->categories[0] != NULL)
        {
          gsize start = out->len;

          g_string_append (out, "CATEGORIES:");
          for (guint i = 0; ev->categories[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              append_escaped_text (out, ev->categories[i]);
            }
          end_line (out, start);
        }

      emit_raw (out, "TRANSP", ev->transp);
      if (ev->sequence != 0)
        {
          gsize start = out->len;

          g_string_append (out, "SEQUENCE:");
          append_int (out, ev->sequence);
          end_line (out, start);
        }
      emit_utc (out, "CREATED", ev->created);
      emit_utc (out, "LAST-MODIFIED", ev->last_modified);
      emit_raw (out, "URL", ev->url);

      if (ev->organizer != NULL)
        {
          gsize start = out->len;

          g_string_append (out, "ORGANIZER");
          if (ev->organizer_cn != NULL)
            append_param (out, "CN", ev->organizer_cn);
          g_string_append_c (out, ':');
          g_string_append (out, ev->organizer);
          end_line (out, start);
        }

      for (guint i = 0; i < ev->attendees->len; i++)
        {
          const QuorumIcsAttendee *a = &g_array_index (ev->attendees, QuorumIcsAttendee, i);
          gsize start = out->len;

          g_string_append (out, "ATTENDEE");
          if (a->cn != NULL)
            append_param (out, "CN", a->cn);
          append_param (out, "PARTSTAT", partstat_names[a->partstat]);
          append_param (out, "ROLE", a->role != NULL ? a->role : "REQ-PARTICIPANT");
          g_string_append_c (out, ':');
          g_string_append (out, a->uri);
          end_line (out, start);
        }

      emit_text (out, "X-QUORUM-DUTY", ev->duty);
      emit_text (out, "X-QUORUM-ARTICLE", ev->article);

      for (guint i = 0; i < ev->alarms->len; i++)
        {
          const QuorumIcsAlarm *alarm = &g_array_index (ev->alarms, QuorumIcsAlarm, i);
          const char *text = alarm->description;

          if (text == NULL)
            text = ev->summary != NULL ? ev->summary : "Reminder";

          append_folded (out, "BEGIN:VALARM");
          emit_raw (out, "ACTION", "DISPLAY");
          emit_duration (out, "TRIGGER", -alarm->minutes_before);
          emit_text (out, "DESCRIPTION", text);
          append_folded (out, "END:VALARM");
        }
    }

  append_folded (out, "END:VEVENT");
}

/**
 * quorum_ics_export:
 * @events: (element-type QuorumIcsEvent): the events, masters and overrides
 * @options: (nullable): what to write; %NULL for defaults
 * @out_len: (out) (optional): length of the result in bytes
 *
 * Writes @events as one VCALENDAR. The output is stable: the same events and
 * options give the same bytes, whatever their order in @events (they are
 * sorted by UID, then RECURRENCE-ID). Lines end in CRLF and are folded at 75
 * octets without splitting a UTF-8 character. Each zone used gets one
 * VTIMEZONE under its plain IANA name; times in a zone we cannot describe are
 * written in UTC.
 *
 * Returns: (transfer full): the iCalendar text, nul-terminated
 */
char *
quorum_ics_export (GPtrArray                    *events,
                   const QuorumIcsExportOptions *options,
                   gsize                        *out_len)
{
  static const QuorumIcsExportOptions defaults = { 0 };
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GPtrArray) used = NULL;
  g_autoptr(GDateTime) now = NULL;
  GString *out;

  g_return_val_if_fail (events != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  now = g_date_time_new_now_utc ();
  sorted = g_ptr_array_copy (events, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_events);

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_time_zone_unref);
  used = g_ptr_array_new ();
  for (guint i = 0; i < sorted->len; i++)
    {
      const QuorumIcsEvent *ev = g_ptr_array_index (sorted, i);
      gboolean seen = g_hash_table_contains (zones, ev->tzid != NULL ? ev->tzid : "");

      if (ev->all_day || ev->tzid == NULL || seen)
        continue;
      if (lookup_export_zone (zones, ev->tzid) != NULL)
        g_ptr_array_add (used, ev->tzid);
    }
  g_ptr_array_sort (used, compare_string_ptrs);

  out = g_string_sized_new (1024 + sorted->len * 400);
  append_folded (out, "BEGIN:VCALENDAR");
  emit_raw (out, "PRODID", "-//Quorum//Quorum " PACKAGE_VERSION "//ZH");
  emit_raw (out, "VERSION", "2.0");
  emit_raw (out, "CALSCALE", "GREGORIAN");
  emit_raw (out, "METHOD", "PUBLISH");
  emit_text (out, "X-WR-CALNAME", options->calendar_name);
  if (options->refresh_minutes > 0)
    {
      emit_duration (out, "REFRESH-INTERVAL;VALUE=DURATION", options->refresh_minutes);
      emit_duration (out, "X-PUBLISHED-TTL", options->refresh_minutes);
    }

  for (guint i = 0; i < used->len; i++)
    {
      const char *tzid = g_ptr_array_index (used, i);

      if (strcmp (tzid, SHANGHAI) == 0)
        g_string_append (out, shanghai_vtimezone);
      else
        emit_builtin_vtimezone (out, tzid);
    }

  for (guint i = 0; i < sorted->len; i++)
    emit_event (out, g_ptr_array_index (sorted, i), options, zones, now);

  append_folded (out, "END:VCALENDAR");

  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

/**
 * quorum_ics_export_to_file:
 * @events: (element-type QuorumIcsEvent): the events
 * @options: (nullable): what to write
 * @path: the file to write, replaced atomically
 * @error: return location for a #GError
 *
 * Like quorum_ics_export(), into a file that readers see either whole or not
 * at all.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_ics_export_to_file (GPtrArray                    *events,
                           const QuorumIcsExportOptions *options,
                           const char                   *path,
                           GError                      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = quorum_ics_export (events, options, &len);
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, text, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */
/* ------------------------------------------------------------------------ */

/* One unfolded content line. */
typedef struct
{
  char   *name;      /* upper case; NULL when the line cannot be read */
  char   *value;
  char  **params;    /* NAME, value, NAME, value, …, NULL; values unquoted */
  char   *raw;
  guint   lineno;    /* physical line where it starts */
  guint   repaired : 1;
} Prop;

typedef struct
{
  guint first;       /* index of BEGIN */
  guint last;        /* index of END */
} Block;

typedef struct
{
  char         *iana;   /* NULL: UTC */
  GTimeZone    *tz;     /* the zone the times are presented in */
  ICalTimezone *ical;   /* the file's own definition, borrowed; converts wall times */
} Zone;

typedef struct
{
  int      year, month, day, hour, minute, second;
  gboolean is_date;
  gboolean is_utc;
} IcsTime;

typedef struct
{
  const char *display_name;
  guint       last_line;
  GPtrArray  *warnings;
  GPtrArray  *unknown_tzids;
  GHashTable *vtimezones;      /* TZID → ICalTimezone */
  GHashTable *zones;           /* TZID → Zone */
  GHashTable *gtz;             /* IANA name → GTimeZone */
  Zone        utc_zone;
  Zone        shanghai_zone;
  ICalTime   *scratch;         /* reused by make_time() */
} ParseContext;

typedef struct
{
  QuorumIcsEvent *ev;
  const Zone     *zone;        /* DTSTART's zone; floating values of the event use it */
  GTimeZone      *tz;          /* the event's zone */
  guint           lineno;      /* BEGIN:VEVENT */
} EventState;

static void
prop_clear (gpointer data)
{
  Prop *prop = data;

  g_clear_pointer (&prop->name, g_free);
  g_clear_pointer (&prop->value, g_free);
  g_clear_pointer (&prop->params, g_strfreev);
  g_clear_pointer (&prop->raw, g_free);
}

static void
zone_free (gpointer data)
{
  Zone *zone = data;

  g_free (zone->iana);
  g_clear_pointer (&zone->tz, g_time_zone_unref);
  g_free (zone);
}

static const char *
prop_param (const Prop *prop,
            const char *name)
{
  if (prop->params == NULL)
    return NULL;

  for (guint i = 0; prop->params[i] != NULL; i += 2)
    if (strcmp (prop->params[i], name) == 0)
      return prop->params[i + 1];

  return NULL;
}

static gboolean
prop_is (const Prop *prop,
         const char *name)
{
  return prop->name != NULL && strcmp (prop->name, name) == 0;
}

G_GNUC_PRINTF (3, 4)
static void
warn (ParseContext *ctx,
      guint         lineno,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (ctx->warnings, g_strdup_printf ("%s:%u: %s", ctx->display_name, lineno, message));
}

G_GNUC_PRINTF (5, 6)
static void
fail (ParseContext   *ctx,
      GError        **error,
      QuorumIcsError  code,
      guint           lineno,
      const char     *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, QUORUM_ICS_ERROR, code, "%s:%u: %s", ctx->display_name, lineno, message);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* NAME *(";" param) ":" value, with quoted parameter values. One repair:
 * Exchange writes DTSTART;TZID="W. Europe Standard Time:20200609T090000",
 * with the value inside the quotes; we split it back out. */
static void
parse_content_line (Prop *prop)
{
  const char *p = prop->raw;
  g_autoptr(GPtrArray) params = NULL;
  gboolean last_quoted = FALSE;

  while (is_name_char (*p))
    p++;
  if (p == prop->raw || (*p != ';' && *p != ':'))
    return;

  /* Most lines have no parameters: their array is made only when needed. */
  if (*p == ';')
    params = g_ptr_array_new_with_free_func (g_free);
  while (*p == ';')
    {
      const char *start = ++p;
      g_autoptr(GString) value = g_string_new (NULL);

      while (is_name_char (*p))
        p++;
      if (p == start && (*p == ';' || *p == ':'))
        continue;   /* an empty parameter: DTSTART;;VALUE=… */
      if (*p != '=')
        return;

      g_ptr_array_add (params, g_ascii_strup (start, p - start));
      p++;

      for (;;)
        {
          last_quoted = *p == '"';
          if (last_quoted)
            {
              const char *close = strchr (p + 1, '"');

              if (close == NULL)
                return;
              g_string_append_len (value, p + 1, close - p - 1);
              p = close + 1;
            }
          else
            {
              const char *start_value = p;

              while (*p != '\0' && *p != ';' && *p != ':' && *p != ',')
                p++;
              g_string_append_len (value, start_value, p - start_value);
            }

          if (*p != ',')
            break;
          g_string_append_c (value, ',');
          p++;
        }

      g_ptr_array_add (params, g_string_free (g_steal_pointer (&value), FALSE));
    }

  if (*p == ':')
    {
      prop->value = g_strdup (p + 1);
    }
  else if (*p == '\0' && last_quoted && params != NULL && params->len > 0 &&
           strchr (g_ptr_array_index (params, params->len - 1), ':') != NULL)
    {
      char *last = g_ptr_array_index (params, params->len - 1);
      char *colon = strrchr (last, ':');

      prop->value = g_strdup (colon + 1);
      *colon = '\0';
      prop->repaired = TRUE;
    }
  else
    {
      return;
    }

  prop->name = g_ascii_strup (prop->raw, strcspn (prop->raw, ";:"));
  if (params != NULL && params->len > 0)
    {
      g_ptr_array_add (params, NULL);
      prop->params = (char **) g_ptr_array_free (g_steal_pointer (&params), FALSE);
    }
}

static void
add_line (GArray  *props,
          char    *raw,
          guint    lineno)
{
  Prop prop = { 0 };

  prop.raw = raw;
  prop.lineno = lineno;
  parse_content_line (&prop);
  g_array_append_val (props, prop);
}

/* Splits on CRLF, LF or CR, unfolds (a line starting with a space or a TAB
 * continues the one before), and drops blank lines, which Mozilla Calendar
 * 1.0 put even inside folds. */
static GArray *
read_lines (ParseContext  *ctx,
            const char    *data,
            gsize          len,
            GError       **error)
{
  g_autoptr(GArray) props = g_array_new (FALSE, TRUE, sizeof (Prop));
  g_autoptr(GString) current = g_string_sized_new (128);   /* one buffer for every line */
  gboolean have_current = FALSE;
  const char *end;
  const char *p;
  const char *bad = NULL;
  g_autoptr(GString) repaired = NULL;
  guint current_line = 0;
  guint lineno = 0;

  g_array_set_clear_func (props, prop_clear);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  end = data + len;

  /* Anything else (a text, an image) is refused before its bytes are read. */
  for (p = data, lineno = 1; p < end && g_ascii_isspace (*p); p++)
    if (*p == '\n')
      lineno++;
  if ((gsize) (end - p) < 15 || g_ascii_strncasecmp (p, "BEGIN:VCALENDAR", 15) != 0)
    {
      fail (ctx, error, QUORUM_ICS_ERROR_NOT_ICALENDAR, lineno,
            _("this is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)"));
      return NULL;
    }

  /* Bytes that are not UTF-8 (a damaged or Latin-1 file) become U+FFFD, with
   * a warning for each line, rather than refusing the whole file. */
  if (!g_utf8_validate_len (data, len, &bad))
    {
      const char *line_start;

      lineno = 1;
      line_start = data;
      for (p = data; p < bad; p++)
        if (*p == '\n')
          {
            lineno++;
            line_start = p + 1;
          }
      repaired = g_string_new_len (data, line_start - data);
      for (p = line_start; p < end;)
        {
          const char *eol = memchr (p, '\n', end - p);
          gsize line_len = eol != NULL ? (gsize) (eol - p + 1) : (gsize) (end - p);

          if (!g_utf8_validate_len (p, line_len, NULL))
            {
              g_autofree char *valid = g_utf8_make_valid (p, line_len);

              warn (ctx, lineno, _("bytes that are not UTF-8 were replaced by U+FFFD"));
              g_string_append (repaired, valid);
            }
          else
            {
              g_string_append_len (repaired, p, line_len);
            }
          p += line_len;
          lineno++;
        }
      data = repaired->str;
      len = repaired->len;
      end = data + len;
    }

  lineno = 0;
  p = data;
  while (p < end)
    {
      const char *eol = p;
      const char *next;

      while (eol < end && *eol != '\r' && *eol != '\n')
        eol++;
      next = eol;
      if (next < end && *next == '\r')
        next++;
      if (next < end && *next == '\n' && (next == eol || *eol == '\r'))
        next++;
      lineno++;

      if (eol == p)
        {
          /* blank line */
        }
      else if (*p == ' ' || *p == '\t')
        {
          if (!have_current)
            {
              fail (ctx, error, QUORUM_ICS_ERROR_SYNTAX, lineno,
                    _("a continued line follows no content line"));
              return NULL;
            }
          g_string_append_len (current, p + 1, eol - p - 1);
        }
      else
        {
          if (have_current)
            add_line (props, g_strndup (current->str, current->len), current_line);
          g_string_truncate (current, 0);
          g_string_append_len (current, p, eol - p);
          have_current = TRUE;
          current_line = lineno;
        }

      p = next;
    }

  if (have_current)
    add_line (props, g_strndup (current->str, current->len), current_line);

  ctx->last_line = lineno;
  return g_steal_pointer (&props);
}

/* The properties whose loss would misplace an event: an unreadable line
 * naming one of them refuses the file. */
static gboolean
is_key_property (const char *raw)
{
  static const char * const keys[] = {
    "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID",
  };
  gsize len = strcspn (raw, ";:");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strlen (keys[i]) == len && g_ascii_strncasecmp (raw, keys[i], len) == 0)
      return TRUE;

  return FALSE;
}

/* Checks BEGIN/END nesting and collects the VEVENTs and VTIMEZONEs of every
 * VCALENDAR in the file. */
static gboolean
collect_blocks (ParseContext  *ctx,
                GArray        *props,
                GArray        *events,
                GArray        *timezones,
                GError       **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean have_version = FALSE;
  gboolean warned_outside = FALSE;
  guint n_other = 0;
  guint first_other = 0;

  for (guint i = 0; i < props->len; i++)
    {
      Prop *prop = &g_array_index (props, Prop, i);
      guint depth = stack->len;

      if (prop->name == NULL)
        {
          if (depth >= 2 && is_key_property (prop->raw))
            {
              fail (ctx, error, QUORUM_ICS_ERROR_SYNTAX, prop->lineno,
                    _("the line “%s” cannot be read"), prop->raw);
              return FALSE;
            }
          if (i == 0)
            {
              fail (ctx, error, QUORUM_ICS_ERROR_NOT_ICALENDAR, prop->lineno,
                    _("this is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)"));
              return FALSE;
            }
          warn (ctx, prop->lineno, _("the line “%s” cannot be read; it was ignored"), prop->raw);
          continue;
        }

      if (prop->repaired)
        warn (ctx, prop->lineno, _("the value of %s was inside the quotes of a parameter; it was read from there"),
              prop->name);

      if (prop_is (prop, "BEGIN"))
        {
          g_autofree char *kind = g_ascii_strup (prop->value, -1);

          g_strstrip (kind);
          if (depth == 0 && strcmp (kind, "VCALENDAR") != 0)
            {
              fail (ctx, error, i == 0 ? QUORUM_ICS_ERROR_NOT_ICALENDAR : QUORUM_ICS_ERROR_SYNTAX,
                    prop->lineno, _("BEGIN:%s is outside a VCALENDAR"), kind);
              return FALSE;
            }
          g_array_append_val (stack, i);
          if (depth == 1 && strcmp (kind, "VEVENT") != 0 && strcmp (kind, "VTIMEZONE") != 0)
            {
              if (n_other++ == 0)
                first_other = prop->lineno;
            }
        }
      else if (prop_is (prop, "END"))
        {
          Prop *begin;

          if (depth == 0)
            {
              fail (ctx, error, QUORUM_ICS_ERROR_SYNTAX, prop->lineno,
                    _("END:%s has no BEGIN"), prop->value);
              return FALSE;
            }

          begin = &g_array_index (props, Prop, g_array_index (stack, guint, depth - 1));
          g_strstrip (prop->value);
          g_strstrip (begin->value);
          if (g_ascii_strcasecmp (begin->value, prop->value) != 0)
            {
              fail (ctx, error, QUORUM_ICS_ERROR_SYNTAX, prop->lineno,
                    _("END:%s does not close BEGIN:%s from line %u"),
                    prop->value, begin->value, begin->lineno);
              return FALSE;
            }

          if (depth == 2)
            {
              Block block = { g_array_index (stack, guint, 1), i };

              if (g_ascii_strcasecmp (prop->value, "VEVENT") == 0)
                g_array_append_val (events, block);
              else if (g_ascii_strcasecmp (prop->value, "VTIMEZONE") == 0)
                g_array_append_val (timezones, block);
            }
          g_array_set_size (stack, depth - 1);
        }
      else if (depth == 0)
        {
          if (!warned_outside)
            warn (ctx, prop->lineno, _("text after END:VCALENDAR was ignored"));
          warned_outside = TRUE;
        }
      else if (depth == 1 && prop_is (prop, "VERSION"))
        {
          g_strstrip (prop->value);
          if (strcmp (prop->value, "1.0") == 0)
            {
              fail (ctx, error, QUORUM_ICS_ERROR_NOT_ICALENDAR, prop->lineno,
                    _("this is a vCalendar 1.0 file; only iCalendar 2.0 can be read"));
              return FALSE;
            }
          have_version = TRUE;
        }
    }

  if (stack->len > 0)
    {
      Prop *begin = &g_array_index (props, Prop, g_array_index (stack, guint, stack->len - 1));

      fail (ctx, error, QUORUM_ICS_ERROR_TRUNCATED, ctx->last_line,
            _("the file ends inside %s begun on line %u (END:%s is missing)"),
            begin->value, begin->lineno, begin->value);
      return FALSE;
    }

  if (!have_version)
    warn (ctx, 1, _("the calendar has no VERSION property"));
  if (n_other > 0)
    warn (ctx, first_other, _("components that are not events were ignored: %u"), n_other);

  return TRUE;
}

static char *
unescape_text (const char *text,
               gssize      len)
{
  GString *out;
  const char *end;

  if (len < 0)
    len = strlen (text);
  end = text + len;
  out = g_string_sized_new (len);

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          g_string_append_c (out, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Splits a TEXT list at the commas that are not escaped. */
static void
append_text_list (GPtrArray  *list,
                  const char *value)
{
  const char *start = value;

  for (const char *p = value;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == ',' || *p == '\0')
        {
          g_autofree char *item = unescape_text (start, p - start);

          g_strstrip (item);
          if (item[0] != '\0')
            g_ptr_array_add (list, g_steal_pointer (&item));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
}

static gboolean
read_digits (const char *s,
             guint       n,
             int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (s[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]), range-checked. */
static gboolean
parse_ics_time (const char *s,
                IcsTime    *t)
{
  memset (t, 0, sizeof *t);

  while (*s == ' ')
    s++;

  if (!read_digits (s, 4, &t->year) || !read_digits (s + 4, 2, &t->month) ||
      !read_digits (s + 6, 2, &t->day))
    return FALSE;
  if (t->year < 1 || t->month < 1 || t->month > 12 || t->day < 1 ||
      t->day > g_date_get_days_in_month (t->month, t->year))
    return FALSE;

  if (s[8] == '\0')
    {
      t->is_date = TRUE;
      return TRUE;
    }

  if (s[8] != 'T' || !read_digits (s + 9, 2, &t->hour) || !read_digits (s + 11, 2, &t->minute) ||
      !read_digits (s + 13, 2, &t->second))
    return FALSE;
  if (t->hour > 23 || t->minute > 59 || t->second > 60)
    return FALSE;
  t->second = MIN (t->second, 59);   /* a leap second */

  if (s[15] == 'Z' && s[16] == '\0')
    t->is_utc = TRUE;
  else if (s[15] != '\0')
    return FALSE;

  return TRUE;
}

/* [+|-]P(nW | nD[T…] | T nH nM nS) into seconds. */
static gboolean
parse_duration (const char *s,
                gint64     *out_seconds)
{
  gint64 total = 0;
  int sign = 1;
  gboolean in_time = FALSE;
  gboolean any = FALSE;

  if (*s == '+' || *s == '-')
    sign = *s++ == '-' ? -1 : 1;
  if (*s++ != 'P')
    return FALSE;

  while (*s != '\0')
    {
      gint64 n = 0;
      const char *start;

      if (*s == 'T' && !in_time)
        {
          in_time = TRUE;
          s++;
          continue;
        }

      start = s;
      while (g_ascii_isdigit (*s) && n < G_MAXINT32)
        n = n * 10 + (*s++ - '0');
      if (s == start)
        return FALSE;

      switch (*s++)
        {
        case 'W':
          total += n * 7 * 86400;
          break;
        case 'D':
          total += n * 86400;
          break;
        case 'H':
          total += n * 3600;
          break;
        case 'M':
          total += n * 60;
          break;
        case 'S':
          total += n;
          break;
        default:
          return FALSE;
        }
      any = TRUE;
    }

  *out_seconds = sign * total;
  return any;
}

static GTimeZone *
lookup_gtz (ParseContext *ctx,
            const char   *iana)
{
  GTimeZone *tz = g_hash_table_lookup (ctx->gtz, iana);

  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (iana);
      if (tz == NULL)
        return NULL;
      g_hash_table_insert (ctx->gtz, g_strdup (iana), tz);
    }

  return tz;
}

/* A TZID resolves, in this order, to the file's own VTIMEZONE (which converts
 * the wall time), and to an IANA zone: a Windows name or Outlook display
 * name, or an IANA name inside the TZID (/mozilla.org/…/Europe/Berlin). The
 * IANA zone presents the time; without one we present it in UTC. A TZID
 * with neither is unknown: its wall times are read as UTC, with a warning. */
static const Zone *
resolve_zone (ParseContext *ctx,
              const char   *tzid,
              guint         lineno)
{
  Zone *zone = g_hash_table_lookup (ctx->zones, tzid);
  g_autofree char *iana = NULL;
  g_autofree char *trimmed = NULL;

  if (zone != NULL)
    return zone;

  zone = g_new0 (Zone, 1);
  trimmed = g_strstrip (g_strdup (tzid));
  zone->ical = g_hash_table_lookup (ctx->vtimezones, tzid);
  if (zone->ical == NULL)
    zone->ical = g_hash_table_lookup (ctx->vtimezones, trimmed);

  iana = _quorum_ics_find_iana_name (tzid);
  if (iana == NULL && zone->ical != NULL && i_cal_timezone_get_location (zone->ical) != NULL)
    iana = _quorum_ics_find_iana_name (i_cal_timezone_get_location (zone->ical));

  if (iana != NULL && strcmp (iana, "UTC") != 0 && lookup_gtz (ctx, iana) != NULL)
    {
      zone->tz = g_time_zone_ref (lookup_gtz (ctx, iana));
      zone->iana = g_steal_pointer (&iana);
    }
  else
    {
      zone->tz = g_time_zone_new_utc ();
    }

  if (zone->iana == NULL && zone->ical == NULL && g_strcmp0 (iana, "UTC") != 0)
    {
      warn (ctx, lineno, _("unknown time zone “%s”; its times were read as UTC"), trimmed);
      g_ptr_array_add (ctx->unknown_tzids, g_strdup (trimmed));
    }
  else if (zone->iana == NULL && zone->ical != NULL)
    {
      warn (ctx, lineno, _("the time zone “%s” has no known name; its times were converted to UTC"),
            trimmed);
    }

  g_hash_table_insert (ctx->zones, g_strdup (tzid), zone);
  return zone;
}

/* A wall time of @zone. The file's own VTIMEZONE converts it through one
 * ICalTime kept for the whole parse: a new one per time cost more than the
 * conversion. */
static GDateTime *
make_time (ParseContext  *ctx,
           const Zone    *zone,
           const IcsTime *t)
{
  if (zone->ical != NULL)
    {
      g_autoptr(GDateTime) utc = NULL;
      time_t unix_time;

      i_cal_time_set_date (ctx->scratch, t->year, t->month, t->day);
      i_cal_time_set_time (ctx->scratch, t->hour, t->minute, t->second);
      unix_time = i_cal_time_as_timet_with_zone (ctx->scratch, zone->ical);

      utc = g_date_time_new_from_unix_utc (unix_time);
      return g_date_time_to_timezone (utc, zone->tz);
    }

  return g_date_time_new (zone->tz, t->year, t->month, t->day, t->hour, t->minute, t->second);
}

/* A time of the event other than DTSTART, in the event's zone. A date-time
 * against an all-day start (Outlook writes those in EXDATE and
 * RECURRENCE-ID) keeps its day; a date against a timed start takes the
 * start's time of day. */
static GDateTime *
read_event_time (ParseContext  *ctx,
                 EventState    *st,
                 const Prop    *prop,
                 const char    *value,
                 GError       **error)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *tzid;
  IcsTime t;

  if (!parse_ics_time (value, &t))
    {
      g_autofree char *date = g_strndup (value, 8);

      /* Google writes RDATE:20131210Z; the day is clear enough. */
      if (strlen (value) == 9 && value[8] == 'Z' && parse_ics_time (date, &t))
        {
          warn (ctx, prop->lineno, _("“%s” in %s was read as the date %s"), value, prop->name, date);
        }
      else
        {
          fail (ctx, error, QUORUM_ICS_ERROR_INVALID_DATE, prop->lineno,
                _("“%s” is not a valid date or time for %s"), value, prop->name);
          return NULL;
        }
    }

  if (st->ev->all_day)
    return g_date_time_new (st->tz, t.year, t.month, t.day, 0, 0, 0);

  if (t.is_date)
    return g_date_time_new (st->tz, t.year, t.month, t.day,
                            g_date_time_get_hour (st->ev->dtstart),
                            g_date_time_get_minute (st->ev->dtstart),
                            g_date_time_get_second (st->ev->dtstart));

  if (t.is_utc)
    dt = make_time (ctx, &ctx->utc_zone, &t);
  else if ((tzid = prop_param (prop, "TZID")) != NULL)
    dt = make_time (ctx, resolve_zone (ctx, tzid, prop->lineno), &t);
  else
    dt = make_time (ctx, st->zone, &t);

  /* Usually already in the event's zone: no second copy then. */
  if (g_date_time_get_timezone (dt) == st->tz)
    return g_steal_pointer (&dt);
  return g_date_time_to_timezone (dt, st->tz);
}

static gboolean
read_dtstart (ParseContext  *ctx,
              EventState    *st,
              const Prop    *prop,
              GError       **error)
{
  QuorumIcsEvent *ev = st->ev;
  const char *value_type = prop_param (prop, "VALUE");
  const char *tzid = prop_param (prop, "TZID");
  IcsTime t;

  if (!parse_ics_time (prop->value, &t))
    {
      fail (ctx, error, QUORUM_ICS_ERROR_INVALID_DATE, prop->lineno,
            _("the start “%s” is not a date"), prop->value);
      return FALSE;
    }

  if (t.is_date)
    {
      if (value_type == NULL || g_ascii_strcasecmp (value_type, "DATE") != 0)
        warn (ctx, prop->lineno, _("the start “%s” has no VALUE=DATE; it was read as a date"),
              prop->value);
      st->zone = &ctx->shanghai_zone;
    }
  else if (t.is_utc)
    st->zone = &ctx->utc_zone;
  else if (tzid != NULL)
    st->zone = resolve_zone (ctx, tzid, prop->lineno);
  else
    st->zone = &ctx->shanghai_zone;   /* floating: the user's wall time */

  ev->all_day = t.is_date;
  ev->tzid = g_strdup (st->zone->iana);
  st->tz = st->zone->tz;
  ev->dtstart = make_time (ctx, t.is_date ? &ctx->shanghai_zone : st->zone, &t);

  return TRUE;
}

static gboolean
check_rrule (const char  *rule,
             char       **reason)
{
  static const char * const parts[] = {
    "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
    "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "RSCALE", "SKIP",
  };
  static const char * const freqs[] = {
    "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
  };
  g_auto(GStrv) items = g_strsplit (rule, ";", -1);
  gboolean have_freq = FALSE;
  gboolean have_count = FALSE;
  gboolean have_until = FALSE;
  ICalRecurrence *recur;
  gboolean ok;

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *eq = strchr (items[i], '=');
      gboolean known = FALSE;

      if (items[i][0] == '\0')
        continue;
      if (eq == NULL)
        {
          *reason = g_strdup_printf (_("“%s” is not NAME=VALUE"), items[i]);
          return FALSE;
        }
      *eq = '\0';

      if (g_str_has_prefix (items[i], "X-"))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (parts) && !known; j++)
        known = strcmp (items[i], parts[j]) == 0;
      if (!known)
        {
          *reason = g_strdup_printf (_("unknown part “%s”"), items[i]);
          return FALSE;
        }

      if (strcmp (items[i], "FREQ") == 0)
        {
          gboolean valid = FALSE;

          for (guint j = 0; j < G_N_ELEMENTS (freqs) && !valid; j++)
            valid = strcmp (eq + 1, freqs[j]) == 0;
          if (!valid)
            {
              *reason = g_strdup_printf (_("unknown frequency “%s”"), eq + 1);
              return FALSE;
            }
          have_freq = TRUE;
        }
      else if (strcmp (items[i], "COUNT") == 0 || strcmp (items[i], "INTERVAL") == 0)
        {
          guint64 n;

          if (!g_ascii_string_to_unsigned (eq + 1, 10, 1, G_MAXINT32, &n, NULL))
            {
              *reason = g_strdup_printf (_("%s must be a positive number"), items[i]);
              return FALSE;
            }
          have_count |= strcmp (items[i], "COUNT") == 0;
        }
      else if (strcmp (items[i], "UNTIL") == 0)
        {
          IcsTime t;

          if (!parse_ics_time (eq + 1, &t))
            {
              *reason = g_strdup_printf (_("UNTIL “%s” is not a date"), eq + 1);
              return FALSE;
            }
          have_until = TRUE;
        }
    }

  if (!have_freq)
    {
      *reason = g_strdup (_("FREQ is missing"));
      return FALSE;
    }
  if (have_count && have_until)
    {
      *reason = g_strdup (_("COUNT and UNTIL cannot both be given"));
      return FALSE;
    }

  /* libical catches what is left (a BYDAY of "XX", BYMONTH=13…). */
  recur = i_cal_recurrence_new_from_string (rule);
  ok = recur != NULL && i_cal_recurrence_get_freq (recur) != I_CAL_NO_RECURRENCE;
  g_clear_object (&recur);
  if (!ok)
    *reason = g_strdup (_("a value is out of range"));

  return ok;
}

static GDateTime *
read_stamp (ParseContext *ctx,
            const Prop   *prop)
{
  IcsTime t;

  if (!parse_ics_time (prop->value, &t) || t.is_date)
    {
      warn (ctx, prop->lineno, _("“%s” is not a valid time for %s; it was ignored"),
            prop->value, prop->name);
      return NULL;
    }

  /* A stamp should be UTC; a floating one is taken as the user's time. */
  return make_time (ctx, t.is_utc ? &ctx->utc_zone : &ctx->shanghai_zone, &t);
}

static void
read_status (ParseContext   *ctx,
             QuorumIcsEvent *ev,
             const Prop     *prop)
{
  for (guint i = 1; i < G_N_ELEMENTS (status_names); i++)
    if (g_ascii_strcasecmp (g_strstrip (prop->value), status_names[i]) == 0)
      {
        ev->status = i;
        return;
      }

  warn (ctx, prop->lineno, _("unknown status “%s” was ignored"), prop->value);
}

static QuorumIcsPartstat
read_partstat (ParseContext *ctx,
               const Prop   *prop)
{
  const char *value = prop_param (prop, "PARTSTAT");

  if (value == NULL)
    return QUORUM_ICS_PARTSTAT_NEEDS_ACTION;

  for (guint i = 0; i < G_N_ELEMENTS (partstat_names); i++)
    if (g_ascii_strcasecmp (value, partstat_names[i]) == 0)
      return i;

  if (g_ascii_strcasecmp (value, "DELEGATED") != 0 && g_ascii_strcasecmp (value, "COMPLETED") != 0 &&
      g_ascii_strcasecmp (value, "IN-PROCESS") != 0)
    warn (ctx, prop->lineno, _("unknown participation status “%s” was read as NEEDS-ACTION"), value);

  return QUORUM_ICS_PARTSTAT_NEEDS_ACTION;
}

static void
replace_str (char       **field,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
set_text_once (char       **field,
               const char  *value)
{
  if (*field == NULL)
    *field = unescape_text (value, -1);
}

/* A VALARM from props[first] (BEGIN) to props[last] (END). Alarms that do
 * nothing (Apple's ACTION:NONE) are skipped. */
static void
read_alarm (ParseContext *ctx,
            EventState   *st,
            GArray       *props,
            guint         first,
            guint         last)
{
  QuorumIcsEvent *ev = st->ev;
  const Prop *trigger = NULL;
  const char *action = NULL;
  const char *description = NULL;
  g_autofree char *text = NULL;
  int depth = 0;
  int minutes;

  for (guint i = first + 1; i < last; i++)
    {
      const Prop *prop = &g_array_index (props, Prop, i);

      if (prop_is (prop, "BEGIN"))
        depth++;
      else if (prop_is (prop, "END"))
        depth--;
      else if (depth > 0)
        continue;
      else if (prop_is (prop, "TRIGGER"))
        trigger = prop;
      else if (prop_is (prop, "ACTION"))
        action = prop->value;
      else if (prop_is (prop, "DESCRIPTION"))
        description = prop->value;
    }

  if (action != NULL && g_ascii_strcasecmp (action, "NONE") == 0)
    return;
  if (trigger == NULL)
    {
      warn (ctx, g_array_index (props, Prop, first).lineno, _("an alarm without a TRIGGER was ignored"));
      return;
    }

  {
    const char *related = prop_param (trigger, "RELATED");
    gint64 seconds;
    IcsTime t;

    if (parse_duration (g_strstrip (trigger->value), &seconds))
      {
        minutes = (int) (-seconds / 60);
        if (related != NULL && g_ascii_strcasecmp (related, "END") == 0 && ev->dtend != NULL)
          minutes -= (int) (g_date_time_difference (ev->dtend, ev->dtstart) / G_TIME_SPAN_MINUTE);
      }
    else if (parse_ics_time (trigger->value, &t) && !t.is_date)
      {
        g_autoptr(GDateTime) at = make_time (ctx, t.is_utc ? &ctx->utc_zone : st->zone, &t);

        minutes = (int) (g_date_time_difference (ev->dtstart, at) / G_TIME_SPAN_MINUTE);
      }
    else
      {
        warn (ctx, trigger->lineno, _("the alarm time “%s” cannot be read; the alarm was ignored"),
              trigger->value);
        return;
      }
  }

  if (description != NULL)
    text = unescape_text (description, -1);
  quorum_ics_event_add_alarm (ev, minutes, text);
}

static gboolean
read_time_list (ParseContext  *ctx,
                EventState    *st,
                const Prop    *prop,
                GPtrArray     *into,
                GError       **error)
{
  g_auto(GStrv) values = g_strsplit (prop->value, ",", -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      char *value = g_strstrip (values[i]);
      char *slash = strchr (value, '/');
      GDateTime *dt;

      if (value[0] == '\0')
        continue;
      if (slash != NULL)   /* RDATE;VALUE=PERIOD: the start counts */
        *slash = '\0';

      dt = read_event_time (ctx, st, prop, value, error);
      if (dt == NULL)
        return FALSE;
      g_ptr_array_add (into, dt);
    }

  return TRUE;
}

static QuorumIcsEvent *
read_event (ParseContext  *ctx,
            GArray        *props,
            const Block   *block,
            GError       **error)
{
  g_autoptr(QuorumIcsEvent) ev = quorum_ics_event_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) alarms = g_array_new (FALSE, FALSE, sizeof (Block));
  EventState st = { ev, NULL, NULL, g_array_index (props, Prop, block->first).lineno };
  const Prop *dtstart = NULL;
  gint64 duration = -1;
  guint depth = 0;

  for (guint i = block->first + 1; i < block->last && dtstart == NULL; i++)
    {
      const Prop *prop = &g_array_index (props, Prop, i);

      if (prop_is (prop, "BEGIN"))
        depth++;
      else if (prop_is (prop, "END"))
        depth--;
      else if (depth == 0 && prop_is (prop, "DTSTART"))
        dtstart = prop;
    }

  if (dtstart == NULL)
    {
      fail (ctx, error, QUORUM_ICS_ERROR_INVALID_EVENT, st.lineno, _("the event has no start (DTSTART)"));
      return NULL;
    }
  if (!read_dtstart (ctx, &st, dtstart, error))
    return NULL;

  depth = 0;
  for (guint i = block->first + 1; i < block->last; i++)
    {
      const Prop *prop = &g_array_index (props, Prop, i);
      const char *name = prop->name;

      if (name == NULL || prop == dtstart)
        continue;

      if (strcmp (name, "BEGIN") == 0)
        {
          if (depth++ == 0 && g_ascii_strcasecmp (prop->value, "VALARM") == 0)
            {
              Block alarm = { i, 0 };
              g_array_append_val (alarms, alarm);
            }
          continue;
        }
      if (strcmp (name, "END") == 0)
        {
          if (--depth == 0 && g_ascii_strcasecmp (prop->value, "VALARM") == 0)
            g_array_index (alarms, Block, alarms->len - 1).last = i;
          continue;
        }
      if (depth > 0)
        continue;

      if (strcmp (name, "UID") == 0)
        set_text_once (&ev->uid, g_strstrip (prop->value));
      else if (strcmp (name, "SUMMARY") == 0)
        set_text_once (&ev->summary, prop->value);
      else if (strcmp (name, "DESCRIPTION") == 0)
        set_text_once (&ev->description, prop->value);
      else if (strcmp (name, "LOCATION") == 0)
        set_text_once (&ev->location, prop->value);
      else if (strcmp (name, "X-QUORUM-DUTY") == 0)
        set_text_once (&ev->duty, prop->value);
      else if (strcmp (name, "X-QUORUM-ARTICLE") == 0)
        set_text_once (&ev->article, prop->value);
      else if (strcmp (name, "URL") == 0)
        replace_str (&ev->url, prop->value);
      else if (strcmp (name, "CATEGORIES") == 0)
        append_text_list (categories, prop->value);
      else if (strcmp (name, "DTEND") == 0)
        {
          g_clear_pointer (&ev->dtend, g_date_time_unref);
          if (!(ev->dtend = read_event_time (ctx, &st, prop, g_strstrip (prop->value), error)))
            return NULL;
        }
      else if (strcmp (name, "DURATION") == 0)
        {
          if (!parse_duration (g_strstrip (prop->value), &duration))
            {
              fail (ctx, error, QUORUM_ICS_ERROR_INVALID_DATE, prop->lineno,
                    _("“%s” is not a valid duration"), prop->value);
              return NULL;
            }
        }
      else if (strcmp (name, "RECURRENCE-ID") == 0)
        {
          const char *range = prop_param (prop, "RANGE");

          g_clear_pointer (&ev->recurrence_id, g_date_time_unref);
          if (!(ev->recurrence_id = read_event_time (ctx, &st, prop, g_strstrip (prop->value), error)))
            return NULL;
          ev->this_and_future = range != NULL && g_ascii_strcasecmp (range, "THISANDFUTURE") == 0;
        }
      else if (strcmp (name, "RRULE") == 0)
        {
          g_autofree char *reason = NULL;

          g_strstrip (prop->value);
          if (!check_rrule (prop->value, &reason))
            {
              fail (ctx, error, QUORUM_ICS_ERROR_INVALID_RULE, prop->lineno,
                    _("the rule “%s” is not valid: %s"), prop->value, reason);
              return NULL;
            }
          if (ev->rrule != NULL)
            warn (ctx, prop->lineno, _("a second RRULE was ignored"));
          else
            ev->rrule = g_strdup (prop->value);
        }
      else if (strcmp (name, "EXDATE") == 0)
        {
          if (!read_time_list (ctx, &st, prop, ev->exdates, error))
            return NULL;
        }
      else if (strcmp (name, "RDATE") == 0)
        {
          if (!read_time_list (ctx, &st, prop, ev->rdates, error))
            return NULL;
        }
      else if (strcmp (name, "STATUS") == 0)
        read_status (ctx, ev, prop);
      else if (strcmp (name, "TRANSP") == 0)
        {
          g_free (ev->transp);
          ev->transp = g_ascii_strup (g_strstrip (prop->value), -1);
        }
      else if (strcmp (name, "SEQUENCE") == 0)
        {
          gint64 n;

          if (g_ascii_string_to_signed (g_strstrip (prop->value), 10, 0, G_MAXINT32, &n, NULL))
            ev->sequence = (int) n;
          else
            warn (ctx, prop->lineno, _("SEQUENCE “%s” is not a number; it was ignored"), prop->value);
        }
      else if (strcmp (name, "CREATED") == 0)
        {
          g_clear_pointer (&ev->created, g_date_time_unref);
          ev->created = read_stamp (ctx, prop);
        }
      else if (strcmp (name, "LAST-MODIFIED") == 0)
        {
          g_clear_pointer (&ev->last_modified, g_date_time_unref);
          ev->last_modified = read_stamp (ctx, prop);
        }
      else if (strcmp (name, "DTSTAMP") == 0)
        {
          g_clear_pointer (&ev->dtstamp, g_date_time_unref);
          ev->dtstamp = read_stamp (ctx, prop);
        }
      else if (strcmp (name, "ORGANIZER") == 0)
        {
          replace_str (&ev->organizer, g_strstrip (prop->value));
          replace_str (&ev->organizer_cn, prop_param (prop, "CN"));
        }
      else if (strcmp (name, "ATTENDEE") == 0)
        {
          quorum_ics_event_add_attendee (ev, prop_param (prop, "CN"), g_strstrip (prop->value),
                                         read_partstat (ctx, prop), prop_param (prop, "ROLE"));
        }
    }

  if (ev->dtend == NULL && duration >= 0)
    ev->dtend = g_date_time_add_seconds (ev->dtstart, (gdouble) duration);

  for (guint i = 0; i < alarms->len; i++)
    {
      const Block *alarm = &g_array_index (alarms, Block, i);

      read_alarm (ctx, &st, props, alarm->first, alarm->last);
    }

  if (categories->len > 0)
    {
      g_ptr_array_add (categories, NULL);
      ev->categories = (GStrv) g_ptr_array_free (g_steal_pointer (&categories), FALSE);
    }

  if (ev->uid == NULL || ev->uid[0] == '\0')
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

      for (guint i = block->first; i <= block->last; i++)
        g_checksum_update (checksum, (const guchar *) g_array_index (props, Prop, i).raw, -1);
      g_free (ev->uid);
      ev->uid = g_strdup_printf ("quorum-import-%s", g_checksum_get_string (checksum));
      warn (ctx, st.lineno, _("the event has no UID; it was given “%s”"), ev->uid);
    }

  return g_steal_pointer (&ev);
}

static void
load_vtimezone (ParseContext *ctx,
                GArray       *props,
                const Block  *block)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *tzid = NULL;
  guint lineno = g_array_index (props, Prop, block->first).lineno;
  ICalComponent *comp;
  ICalTimezone *zone;
  guint depth = 0;

  for (guint i = block->first; i <= block->last; i++)
    {
      const Prop *prop = &g_array_index (props, Prop, i);

      if (prop_is (prop, "BEGIN"))
        depth++;
      else if (prop_is (prop, "END"))
        depth--;
      else if (depth == 1 && prop_is (prop, "TZID") && tzid == NULL)
        tzid = unescape_text (prop->value, -1);

      if (prop->name != NULL)
        {
          g_string_append (text, prop->raw);
          g_string_append (text, "\r\n");
        }
    }

  if (tzid == NULL || tzid[0] == '\0')
    {
      warn (ctx, lineno, _("a time zone without a TZID was ignored"));
      return;
    }

  comp = i_cal_component_new_from_string (text->str);
  zone = i_cal_timezone_new ();
  if (comp == NULL || !i_cal_timezone_set_component (zone, comp))
    {
      warn (ctx, lineno, _("the time zone “%s” cannot be read; it was ignored"), tzid);
      g_object_unref (zone);
    }
  else
    {
      g_hash_table_replace (ctx->vtimezones, g_steal_pointer (&tzid), zone);
    }
  g_clear_object (&comp);
}

static char *
event_key (const QuorumIcsEvent *ev)
{
  if (ev->recurrence_id == NULL)
    return g_strdup (ev->uid);
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT, ev->uid, g_date_time_to_unix (ev->recurrence_id));
}

/* Drops duplicates (the higher SEQUENCE wins, then the later one), ties
 * overrides to their masters with a hash table, sorts and counts. */
static GPtrArray *
finish_events (ParseContext         *ctx,
               GPtrArray            *parsed,
               GArray               *lines,
               QuorumIcsParseReport *report,
               gboolean             *out_as_read)
{
  /* Masters by UID (borrowed from @parsed, which outlives the tables),
   * overrides by UID and RECURRENCE-ID; both give 1 + the index in events. */
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  g_autoptr(GArray) event_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean sorted = TRUE;

  for (guint i = 0; i < parsed->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (parsed, i);
      guint lineno = g_array_index (lines, guint, i);
      GHashTable *table = ev->recurrence_id == NULL ? by_uid : by_key;
      char *key = ev->recurrence_id == NULL ? ev->uid : event_key (ev);
      gpointer slot;

      if (g_hash_table_lookup_extended (table, key, NULL, &slot))
        {
          guint index = GPOINTER_TO_UINT (slot) - 1;
          QuorumIcsEvent *other = g_ptr_array_index (events, index);

          warn (ctx, lineno, _("the event “%s” appears twice; the copy with the higher SEQUENCE was kept"),
                ev->uid);
          if (ev->sequence >= other->sequence)
            {
              g_ptr_array_index (events, index) = quorum_ics_event_ref (ev);
              quorum_ics_event_unref (other);
              g_array_index (event_lines, guint, index) = lineno;
            }
          if (table == by_key)
            g_free (key);
          continue;
        }

      if (sorted && events->len > 0 &&
          compare_events (&g_ptr_array_index (events, events->len - 1), &ev) >= 0)
        sorted = FALSE;
      g_ptr_array_add (events, quorum_ics_event_ref (ev));
      g_array_append_val (event_lines, lineno);
      g_hash_table_insert (table, key, GUINT_TO_POINTER (events->len));
    }

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);
      QuorumIcsEvent *master;
      gpointer slot;

      if (ev->recurrence_id == NULL)
        {
          if (ev->rrule != NULL || ev->rdates->len > 0)
            report->n_series++;
          continue;
        }

      report->n_overrides++;
      slot = g_hash_table_lookup (by_uid, ev->uid);
      master = slot != NULL ? g_ptr_array_index (events, GPOINTER_TO_UINT (slot) - 1) : NULL;
      if (master == NULL)
        {
          warn (ctx, g_array_index (event_lines, guint, i),
                _("the changed occurrence of “%s” has no series in the file"), ev->uid);
        }
      else if (master->all_day && !ev->all_day)
        {
          /* A timed change to one day of an all-day series: the day is the id. */
          int y, m, d;
          GDateTime *rid = ev->recurrence_id;

          g_date_time_get_ymd (rid, &y, &m, &d);
          ev->recurrence_id = g_date_time_new (g_date_time_get_timezone (master->dtstart), y, m, d, 0, 0, 0);
          g_date_time_unref (rid);
          sorted = FALSE;   /* its key changed */
        }
    }

  /* Files written by a program sorting by UID (ours does) are in order
   * already: the sort, which misses the cache on every comparison of a
   * large file, is then left out. */
  if (!sorted)
    g_ptr_array_sort (events, compare_events);
  report->n_events = events->len;
  /* In order, no copy dropped (a copy is never after what it copies in
   * strict order) and no key changed: the events as read. */
  *out_as_read = sorted && events->len == parsed->len;
  return g_steal_pointer (&events);
}

static GPtrArray *
parse_events (const char            *data,
              gsize                  len,
              const char            *display_name,
              QuorumIcsParseReport  *report,
              QuorumIcsEventSink     sink,
              gpointer               sink_data,
              gboolean              *out_streamed,
              GError               **error)
{
  g_autoptr(GArray) props = NULL;
  g_autoptr(GArray) event_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autoptr(GArray) tz_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) vtimezones = NULL;
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GHashTable) gtz = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) shanghai = NULL;
  g_autoptr(GObject) scratch = G_OBJECT (i_cal_time_new_null_time ());
  QuorumIcsParseReport local_report = { 0 };
  GPtrArray *events;
  ParseContext ctx = { 0 };
  gboolean streaming = sink != NULL;
  gboolean as_read = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shanghai = g_time_zone_new_identifier (SHANGHAI);
  if (shanghai == NULL)
    shanghai = g_time_zone_new_offset (8 * 3600);

  vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, zone_free);
  gtz = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);

  ctx.display_name = display_name != NULL ? display_name : "-";
  ctx.warnings = warnings;
  ctx.unknown_tzids = unknown;
  ctx.vtimezones = vtimezones;
  ctx.zones = zones;
  ctx.gtz = gtz;
  ctx.scratch = I_CAL_TIME (scratch);
  ctx.utc_zone.tz = utc;
  ctx.shanghai_zone.tz = shanghai;
  ctx.shanghai_zone.iana = (char *) SHANGHAI;

  if (report == NULL)
    report = &local_report;
  memset (report, 0, sizeof *report);

  props = read_lines (&ctx, data != NULL ? data : "", len, error);
  if (props == NULL)
    return NULL;
  if (!collect_blocks (&ctx, props, event_blocks, tz_blocks, error))
    return NULL;

  for (guint i = 0; i < tz_blocks->len; i++)
    load_vtimezone (&ctx, props, &g_array_index (tz_blocks, Block, i));

  for (guint i = 0; i < event_blocks->len; i++)
    {
      const Block *block = &g_array_index (event_blocks, Block, i);
      QuorumIcsEvent *ev = read_event (&ctx, props, block, error);

      if (ev == NULL)
        return NULL;
      /* Streamed while the events come in strict order: then (see
       * finish_events()) they are the list returned, as they come. */
      if (streaming && parsed->len > 0 &&
          compare_events (&g_ptr_array_index (parsed, parsed->len - 1), &ev) >= 0)
        {
          streaming = FALSE;
          sink (NULL, event_blocks->len, sink_data);
        }
      if (streaming)
        sink (ev, event_blocks->len, sink_data);
      g_ptr_array_add (parsed, ev);
      g_array_append_val (lines, g_array_index (props, Prop, block->first).lineno);
    }

  events = finish_events (&ctx, parsed, lines, report, &as_read);
  if (out_streamed != NULL)
    *out_streamed = sink != NULL && streaming && as_read;

  g_ptr_array_add (warnings, NULL);
  report->warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&warnings), FALSE);
  g_ptr_array_add (unknown, NULL);
  report->unknown_tzids = (GStrv) g_ptr_array_free (g_steal_pointer (&unknown), FALSE);
  if (report == &local_report)
    quorum_ics_parse_report_clear (&local_report);

  return events;
}

/**
 * quorum_ics_parse:
 * @data: the iCalendar text (a UTF-8 BOM is allowed)
 * @len: length of @data in bytes
 * @display_name: (nullable): the name errors and warnings give, e.g. the file name
 * @report: (out caller-allocates) (optional): counts and warnings
 * @error: return location for a #GError in %QUORUM_ICS_ERROR
 *
 * Reads every VEVENT of every VCALENDAR in @data. Broken input that would
 * lose or misplace data is refused with the line and the reason, and nothing
 * is returned; cosmetic problems become warnings in @report. Times named by
 * a TZID are converted with the file's VTIMEZONE when it has one and
 * presented in the matching IANA zone (Windows names are mapped); a zone
 * that cannot be resolved reads as UTC and is listed in @report.
 *
 * Returns: (transfer container) (element-type QuorumIcsEvent): the events,
 *   sorted by UID then RECURRENCE-ID (masters first), or %NULL on error
 */
GPtrArray *
quorum_ics_parse (const char            *data,
                  gsize                  len,
                  const char            *display_name,
                  QuorumIcsParseReport  *report,
                  GError               **error)
{
  return parse_events (data, len, display_name, report, NULL, NULL, NULL, error);
}

/*
 * _quorum_ics_parse_streaming:
 * @sink: called, in the parsing thread, with each event as soon as it is
 *   read (borrowed: take a reference to keep it), and the number of events
 *   the file holds, for as long as the events come in strict order (by UID,
 *   then RECURRENCE-ID, masters first); then once with %NULL, and no more,
 *   when an event breaks the order
 * @out_streamed: (out): %TRUE when the list returned is exactly the events
 *   given to @sink, in that order: every event was streamed, none was
 *   dropped as a copy, and none changed after it was given
 *
 * quorum_ics_parse() that hands the events out while it reads, so that a
 * consumer in another thread can start on them before the file is read.
 * A file that is refused is refused as by quorum_ics_parse(), possibly
 * after some events were given to @sink.
 */
GPtrArray *
_quorum_ics_parse_streaming (const char            *data,
                             gsize                  len,
                             const char            *display_name,
                             QuorumIcsParseReport  *report,
                             QuorumIcsEventSink     sink,
                             gpointer               sink_data,
                             gboolean              *out_streamed,
                             GError               **error)
{
  g_return_val_if_fail (sink != NULL, NULL);
  g_return_val_if_fail (out_streamed != NULL, NULL);

  *out_streamed = FALSE;
  return parse_events (data, len, display_name, report, sink, sink_data, out_streamed, error);
}

/**
 * quorum_ics_parse_file:
 * @path: an .ics file
 * @report: (out caller-allocates) (optional): counts and warnings
 * @error: return location for a #GError
 *
 * Like quorum_ics_parse() on the contents of @path; messages name @path.
 *
 * Returns: (transfer container) (element-type QuorumIcsEvent) (nullable): the events
 */
GPtrArray *
quorum_ics_parse_file (const char            *path,
                       QuorumIcsParseReport  *report,
                       GError               **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;

  return quorum_ics_parse (contents, len, path, report, error);
}
