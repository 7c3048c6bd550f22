/* test-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "quorum-ics.h"

#define LONG_SUMMARY "关于进一步加强和改进新时代基层党组织建设工作的实施意见（试行）学习贯彻落实会议暨" \
                     "栖霞区二〇二二年第五号文件专题研讨会，请各支部书记、组织委员准时参加。"

static GDateTime *
at (const char *iso,
    const char *tzid)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid != NULL ? tzid : "UTC");
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (dt);
  return dt;
}

static QuorumIcsEvent *
make_event (const char *uid,
            const char *summary,
            const char *start,
            const char *end,
            const char *tzid)
{
  QuorumIcsEvent *ev = quorum_ics_event_new ();

  ev->uid = g_strdup (uid);
  ev->summary = g_strdup (summary);
  ev->tzid = g_strdup (tzid);
  ev->dtstart = at (start, tzid);
  ev->dtend = end != NULL ? at (end, tzid) : NULL;
  return ev;
}

/* A series with EXDATEs, a moved and a cancelled occurrence, an all-day
 * event and one in Berlin: everything the exporter writes. */
static GPtrArray *
sample_events (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  QuorumIcsEvent *ev;
  const char *categories[] = { "党建", "学习, 讨论", NULL };

  ev = make_event ("series-1@quorum", LONG_SUMMARY, "2023-01-04T09:00:00", "2023-01-04T11:30:00",
                   "Asia/Shanghai");
  ev->rrule = g_strdup ("FREQ=WEEKLY;COUNT=10;BYDAY=WE");
  g_ptr_array_add (ev->exdates, at ("2023-01-18T09:00:00", "Asia/Shanghai"));
  g_ptr_array_add (ev->exdates, at ("2023-01-11T09:00:00", "Asia/Shanghai"));
  ev->description = g_strdup ("第一行；第二行, 有逗号\n反斜杠 \\ 结束");
  ev->location = g_strdup ("区委 3 楼; 第一会议室");
  ev->categories = g_strdupv ((char **) categories);
  ev->sequence = 2;
  ev->created = at ("2022-12-30T08:00:00Z", NULL);
  ev->last_modified = at ("2022-12-31T08:00:00Z", NULL);
  ev->status = QUORUM_ICS_STATUS_CONFIRMED;
  ev->transp = g_strdup ("OPAQUE");
  ev->organizer = g_strdup ("mailto:wang@example.com");
  ev->organizer_cn = g_strdup ("王书记");
  ev->url = g_strdup ("https://example.com/duty/1");
  ev->duty = g_strdup ("study-session");
  ev->article = g_strdup ("第五条");
  quorum_ics_event_add_alarm (ev, 15, "准备材料");
  quorum_ics_event_add_alarm (ev, 1440, NULL);
  quorum_ics_event_add_attendee (ev, "张三", "mailto:zhangsan@example.com",
                                 QUORUM_ICS_PARTSTAT_ACCEPTED, NULL);
  quorum_ics_event_add_attendee (ev, "Li, Si", "mailto:lisi@example.com",
                                 QUORUM_ICS_PARTSTAT_DECLINED, "OPT-PARTICIPANT");
  quorum_ics_event_add_attendee (ev, NULL, "mailto:zhao@example.com",
                                 QUORUM_ICS_PARTSTAT_TENTATIVE, "REQ-PARTICIPANT");
  g_ptr_array_add (events, ev);

  ev = make_event ("series-1@quorum", "学习（改到下午）", "2023-02-01T14:00:00", "2023-02-01T16:00:00",
                   "Asia/Shanghai");
  ev->recurrence_id = at ("2023-02-01T09:00:00", "Asia/Shanghai");
  ev->sequence = 3;
  g_ptr_array_add (events, ev);

  ev = make_event ("series-1@quorum", "学习", "2023-02-08T09:00:00", "2023-02-08T11:30:00",
                   "Asia/Shanghai");
  ev->recurrence_id = at ("2023-02-08T09:00:00", "Asia/Shanghai");
  ev->status = QUORUM_ICS_STATUS_CANCELLED;
  g_ptr_array_add (events, ev);

  ev = make_event ("allday-1@quorum", "劳动节", "2023-05-01T00:00:00", "2023-05-04T00:00:00",
                   "Asia/Shanghai");
  ev->all_day = TRUE;
  ev->rrule = g_strdup ("FREQ=YEARLY;COUNT=3");
  g_ptr_array_add (ev->exdates, at ("2024-05-01T00:00:00", "Asia/Shanghai"));
  g_ptr_array_add (events, ev);

  ev = make_event ("berlin-1@quorum", "Berlin call", "2023-03-20T10:00:00", "2023-03-20T11:00:00",
                   "Europe/Berlin");
  ev->rrule = g_strdup ("FREQ=WEEKLY;COUNT=4");
  g_ptr_array_add (ev->rdates, at ("2023-05-02T10:00:00", "Europe/Berlin"));
  g_ptr_array_add (events, ev);

  ev = make_event ("utc-1@quorum", "UTC stand-up", "2023-06-01T01:00:00Z", "2023-06-01T01:15:00Z", NULL);
  g_ptr_array_add (events, ev);

  return events;
}

static const QuorumIcsExportOptions *
fixed_options (void)
{
  static QuorumIcsExportOptions options = { 0 };

  if (options.now == NULL)
    options.now = at ("2023-01-01T00:00:00Z", NULL);
  options.calendar_name = "栖霞区 履职日历";
  return &options;
}

static char **
physical_lines (const char *text)
{
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* No bare LF anywhere: every LF is preceded by CR. */
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  return g_strsplit (text, "\r\n", -1);
}

static char *
unfold (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Unfolds and returns the value of the first NAME: line. */
static char *
unfolded_value (const char *text,
                const char *name)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) lines = physical_lines (text);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  char *found;
  char *eol;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        g_string_append_printf (unfolded, "\n%s", lines[i]);
    }

  found = strstr (unfolded->str, prefix);
  g_assert_nonnull (found);
  found += strlen (prefix);
  eol = strchr (found, '\n');
  return g_strndup (found, eol != NULL ? (gsize) (eol - found) : strlen (found));
}

static GPtrArray *
parse_ok (const char           *text,
          QuorumIcsParseReport *report)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = quorum_ics_parse (text, strlen (text), "test.ics", report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static QuorumIcsEvent *
find_event (GPtrArray  *events,
            const char *uid,
            gboolean    override)
{
  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);

      if (g_strcmp0 (ev->uid, uid) == 0 && (ev->recurrence_id != NULL) == override)
        return ev;
    }

  g_assert_not_reached ();
}

static void
assert_time (GDateTime  *dt,
             const char *expected)
{
  g_autofree char *iso = NULL;

  g_assert_nonnull (dt);
  iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_export_round_trip (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  QuorumIcsEvent *master;
  gsize len = 0;

  first = quorum_ics_export (events, fixed_options (), &len);
  g_assert_cmpuint (len, ==, strlen (first));

  parsed = parse_ok (first, &report);
  g_assert_cmpuint (report.n_events, ==, 6);
  g_assert_cmpuint (report.n_series, ==, 3);
  g_assert_cmpuint (report.n_overrides, ==, 2);
  g_assert_cmpstrv (report.warnings, ((const char *[]) { NULL }));

  second = quorum_ics_export (parsed, fixed_options (), NULL);
  g_assert_cmpstr (second, ==, first);

  /* And the values survived, not only the bytes. */
  master = find_event (parsed, "series-1@quorum", FALSE);
  g_assert_cmpstr (master->summary, ==, LONG_SUMMARY);
  g_assert_cmpstr (master->description, ==, "第一行；第二行, 有逗号\n反斜杠 \\ 结束");
  g_assert_cmpstr (master->location, ==, "区委 3 楼; 第一会议室");
  g_assert_cmpstr (master->categories[1], ==, "学习, 讨论");
  g_assert_cmpstr (master->tzid, ==, "Asia/Shanghai");
  assert_time (master->dtstart, "2023-01-04T09:00:00+08:00");
  g_assert_cmpuint (master->exdates->len, ==, 2);
  g_assert_cmpint (master->alarms->len, ==, 2);
  g_assert_cmpint (g_array_index (master->alarms, QuorumIcsAlarm, 1).minutes_before, ==, 1440);
  g_assert_cmpint (master->attendees->len, ==, 3);
  g_assert_cmpstr (g_array_index (master->attendees, QuorumIcsAttendee, 1).cn, ==, "Li, Si");
  g_assert_cmpint (g_array_index (master->attendees, QuorumIcsAttendee, 1).partstat, ==,
                   QUORUM_ICS_PARTSTAT_DECLINED);
  g_assert_cmpstr (master->organizer_cn, ==, "王书记");
  g_assert_cmpstr (master->duty, ==, "study-session");
  g_assert_cmpstr (master->article, ==, "第五条");
  g_assert_cmpint (master->sequence, ==, 2);

  master = find_event (parsed, "berlin-1@quorum", FALSE);
  g_assert_cmpstr (master->tzid, ==, "Europe/Berlin");
  assert_time (master->dtstart, "2023-03-20T10:00:00+01:00");
  assert_time (g_ptr_array_index (master->rdates, 0), "2023-05-02T10:00:00+02:00");

  master = find_event (parsed, "utc-1@quorum", FALSE);
  g_assert_null (master->tzid);
  assert_time (master->dtstart, "2023-06-01T01:00:00+00:00");
}

static void
test_export_stable (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint i = events->len; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (events, i - 1));

  a = quorum_ics_export (events, fixed_options (), NULL);
  b = quorum_ics_export (reversed, fixed_options (), NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "DTSTAMP:20230101T000000Z\r\n"));
  g_assert_nonnull (strstr (a, "PRODID:-//Quorum//Quorum " PACKAGE_VERSION "//ZH\r\n"));
  g_assert_nonnull (strstr (a, "METHOD:PUBLISH\r\nX-WR-CALNAME:栖霞区 履职日历\r\n"));
  /* Masters come before their overrides. */
  g_assert_true (strstr (a, "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=WE") <
                 strstr (a, "RECURRENCE-ID;TZID=Asia/Shanghai:20230201T090000"));
}

static void
test_export_folding (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;
  guint folded = 0;

  /* Only the series, whose SUMMARY is long Chinese text. */
  g_ptr_array_set_size (events, 1);
  text = quorum_ics_export (events, fixed_options (), NULL);
  lines = physical_lines (text);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* Each physical line is valid UTF-8 on its own: no character was split. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (lines[i][0] == ' ')
        folded++;
    }
  g_assert_cmpuint (folded, >=, 4);

  summary = unfolded_value (text, "SUMMARY");
  g_assert_cmpstr (summary, ==, LONG_SUMMARY);
  g_assert_cmpuint (strlen (LONG_SUMMARY), >=, 3 * 75);
}

static void
test_export_escaping (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  QuorumIcsEvent *ev = make_event ("esc@quorum", "a, b; c\\d", "2023-01-04T09:00:00", NULL,
                                   "Asia/Shanghai");

  ev->description = g_strdup ("line one\nline two\r\nthree, four; five \\n not a newline");
  g_ptr_array_add (events, ev);
  text = quorum_ics_export (events, fixed_options (), NULL);

  summary = unfolded_value (text, "SUMMARY");
  g_assert_cmpstr (summary, ==, "a\\, b\\; c\\\\d");
  description = unfolded_value (text, "DESCRIPTION");
  g_assert_cmpstr (description, ==, "line one\\nline two\\nthree\\, four\\; five \\\\n not a newline");

  parsed = parse_ok (text, NULL);
  ev = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (ev->summary, ==, "a, b; c\\d");
  g_assert_cmpstr (ev->description, ==, "line one\nline two\nthree, four; five \\n not a newline");
}

static void
test_export_timezones (void)
{
  static const char shanghai[] =
    "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nX-LIC-LOCATION:Asia/Shanghai\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\n"
    "DTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
  g_autoptr(GPtrArray) events = sample_events ();
  g_autofree char *text = quorum_ics_export (events, fixed_options (), NULL);
  g_auto(GStrv) lines = physical_lines (text);
  gboolean in_timezone = FALSE;
  guint n_zoned = 0;

  g_assert_null (strstr (text, "freeassociation"));
  g_assert_nonnull (strstr (text, shanghai));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  /* One VTIMEZONE per zone used, none for UTC. */
  g_assert_null (strstr (strstr (text, shanghai) + strlen (shanghai), "TZID:Asia/Shanghai\r\n"));
  g_assert_null (strstr (text, "TZID:UTC"));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      static const char * const names[] = { "DTSTART", "DTEND", "EXDATE", "RDATE", "RECURRENCE-ID" };

      if (strcmp (lines[i], "BEGIN:VTIMEZONE") == 0)
        in_timezone = TRUE;
      else if (strcmp (lines[i], "END:VTIMEZONE") == 0)
        in_timezone = FALSE;
      if (in_timezone)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          gsize n = strlen (names[j]);

          if (strncmp (lines[i], names[j], n) != 0 || (lines[i][n] != ';' && lines[i][n] != ':'))
            continue;
          /* Every time is zoned, a DATE or UTC. */
          if (g_str_has_prefix (lines[i] + n, ";TZID=Asia/Shanghai:") ||
              g_str_has_prefix (lines[i] + n, ";TZID=Europe/Berlin:"))
            n_zoned++;
          else if (!g_str_has_prefix (lines[i] + n, ";VALUE=DATE:") && !g_str_has_suffix (lines[i], "Z"))
            g_error ("unzoned time: %s", lines[i]);
        }
    }
  g_assert_cmpuint (n_zoned, >=, 12);

  g_assert_nonnull (strstr (text, "EXDATE;TZID=Asia/Shanghai:20230111T090000\r\n"
                                  "EXDATE;TZID=Asia/Shanghai:20230118T090000\r\n"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Asia/Shanghai:20230201T090000\r\n"));
  g_assert_nonnull (strstr (text, "RDATE;TZID=Europe/Berlin:20230502T100000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART:20230601T010000Z\r\n"));
  g_assert_nonnull (strstr (text, "CREATED:20221230T080000Z\r\n"));
}

/* Times are written from their instant, without a GDateTime per stamp: the
 * same digits as converting to the zone and formatting, on both sides of
 * 1970, across leap days, daylight saving changes and years' ends; and the
 * alarm's TRIGGER and SEQUENCE as printf would write them. */
static void
test_export_stamps (void)
{
  static const char * const instants[] = {
    "1901-12-13T20:45:52Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
    "1999-12-31T16:00:00Z", "2000-02-29T12:34:56Z", "2023-03-12T06:59:59Z",
    "2023-03-12T07:00:00Z", "2023-11-05T05:30:00Z", "2024-02-29T23:59:59Z",
    "2100-03-01T00:00:00Z", "2400-02-29T15:16:17Z",
  };
  static const char * const zones[] = { "Asia/Shanghai", "America/New_York", "Europe/Berlin", NULL };
  static const int minutes[] = { 0, 15, 60, 90, 1440, 2880, -30, -120 };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
      {
        g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_ics_event_unref);
        g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z] != NULL ? zones[z] : "UTC");
        g_autoptr(GDateTime) utc = at (instants[i], NULL);
        g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
        g_autoptr(GDateTime) offset_tz = g_date_time_new_from_iso8601 ("2000-01-01T00:00:00+05:45",
                                                                       NULL);
        g_autoptr(GTimeZone) nepal = g_date_time_get_timezone (offset_tz) != NULL
                                       ? g_time_zone_ref (g_date_time_get_timezone (offset_tz))
                                       : NULL;
        g_autoptr(GDateTime) elsewhere = g_date_time_to_timezone (utc, nepal);
        g_autofree char *wall = g_date_time_format (local, "%Y%m%dT%H%M%S");
        g_autofree char *utc_wall = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
        g_autofree char *text = NULL;
        g_autofree char *want_start = NULL;
        g_autofree char *want_stamp = NULL;
        g_autofree char *want_trigger = NULL;
        g_autofree char *want_sequence = NULL;
        QuorumIcsEvent *ev = quorum_ics_event_new ();
        int m = minutes[i % G_N_ELEMENTS (minutes)];
        int before = -m;

        ev->uid = g_strdup ("stamps@quorum");
        ev->summary = g_strdup ("Stamps");
        ev->tzid = g_strdup (zones[z]);
        /* In another zone than its own: only the instant counts. */
        ev->dtstart = g_date_time_ref (elsewhere);
        ev->last_modified = g_date_time_ref (elsewhere);
        ev->sequence = (int)i * 1000 - 3;
        quorum_ics_event_add_alarm (ev, m, NULL);
        g_ptr_array_add (events, ev);

        text = quorum_ics_export (events, NULL, NULL);
        want_start = zones[z] != NULL ? g_strdup_printf ("\r\nDTSTART;TZID=%s:%s\r\n", zones[z], wall)
                                      : g_strdup_printf ("\r\nDTSTART:%s\r\n", utc_wall);
        want_stamp = g_strdup_printf ("\r\nLAST-MODIFIED:%s\r\n", utc_wall);
        want_sequence = g_strdup_printf ("\r\nSEQUENCE:%d\r\n", ev->sequence);
        if (before != 0 && ABS (before) % 1440 == 0)
          want_trigger = g_strdup_printf ("\r\nTRIGGER:%sP%dD\r\n", before < 0 ? "-" : "",
                                          ABS (before) / 1440);
        else if (before != 0 && ABS (before) % 60 == 0)
          want_trigger = g_strdup_printf ("\r\nTRIGGER:%sPT%dH\r\n", before < 0 ? "-" : "",
                                          ABS (before) / 60);
        else
          want_trigger = g_strdup_printf ("\r\nTRIGGER:%sPT%dM\r\n", before < 0 ? "-" : "",
                                          ABS (before));
        g_test_message ("%s in %s", instants[i], zones[z] != NULL ? zones[z] : "UTC");
        g_assert_nonnull (strstr (text, want_start));
        g_assert_nonnull (strstr (text, want_stamp));
        g_assert_nonnull (strstr (text, want_trigger));
        g_assert_true (ev->sequence == 0 || strstr (text, want_sequence) != NULL);
      }
}

static void
test_export_all_day (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  g_autofree char *text = quorum_ics_export (events, fixed_options (), NULL);

  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20230501\r\n"
                                  "DTEND;VALUE=DATE:20230504\r\n"
                                  "RRULE:FREQ=YEARLY;COUNT=3\r\n"
                                  "EXDATE;VALUE=DATE:20240501\r\n"));
}

static void
test_export_cancelled_override (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  g_autofree char *folded = quorum_ics_export (events, fixed_options (), NULL);
  g_autofree char *text = unfold (folded);
  const char *override = strstr (text, "RECURRENCE-ID;TZID=Asia/Shanghai:20230208T090000");
  const char *end;

  g_assert_nonnull (override);
  end = strstr (override, "END:VEVENT");
  g_assert_nonnull (end);
  g_assert_true (strstr (override, "STATUS:CANCELLED\r\n") < end);
  g_assert_nonnull (strstr (text, "ATTENDEE;CN=张三;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:"
                                  "mailto:zhangsan@example.com"));
  g_assert_nonnull (strstr (text, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"));
  g_assert_nonnull (strstr (text, "TRIGGER:-P1D\r\n"));
  g_assert_nonnull (strstr (text, "CATEGORIES:党建,学习\\, 讨论\r\n"));
}

static void
test_export_public (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  QuorumIcsExportOptions options = *fixed_options ();
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  static const char * const dropped[] = {
    "DESCRIPTION", "ATTENDEE", "ORGANIZER", "VALARM", "CATEGORIES", "X-QUORUM-", "URL",
    "SEQUENCE", "CREATED", "LAST-MODIFIED", "TRANSP",
  };
  static const char * const kept[] = {
    "UID:", "DTSTAMP:", "DTSTART;", "DTEND;", "SUMMARY:", "LOCATION:", "RRULE:", "EXDATE;",
    "RECURRENCE-ID;", "STATUS:CANCELLED", "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n",
    "X-PUBLISHED-TTL:PT1H\r\n",
  };

  options.public_feed = TRUE;
  options.refresh_minutes = 60;
  text = quorum_ics_export (events, &options, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (strstr (text, dropped[i]) != NULL)
      g_error ("%s is in the public feed", dropped[i]);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strstr (text, kept[i]) == NULL)
      g_error ("%s is missing from the public feed", kept[i]);

  parsed = parse_ok (text, NULL);
  g_assert_cmpuint (parsed->len, ==, 6);
}

static void
test_export_file (void)
{
  g_autoptr(GPtrArray) events = sample_events ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-ics-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.ics", NULL);
  g_assert_true (quorum_ics_export_to_file (events, fixed_options (), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  expected = quorum_ics_export (events, fixed_options (), NULL);
  g_assert_cmpstr (contents, ==, expected);

  /* A folder that does not exist: an error, not a crash. */
  g_free (path);
  path = g_build_filename (dir, "missing", "out.ics", NULL);
  g_assert_false (quorum_ics_export_to_file (events, fixed_options (), path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (g_build_filename (dir, "out.ics", NULL));
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ */

static GPtrArray *
parse_fixture (const char           *name,
               QuorumIcsParseReport *report)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics", name, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *events = quorum_ics_parse_file (path, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  g_assert_cmpuint (report->n_events, ==, events->len);
  return events;
}

static void
test_parse_outlook (void)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_fixture ("outlook-recurring.ics", &report);
  const char *uid = "040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6D9010000000000000000"
                    "10000000AABBCCDDEEFF00112233445566778899";
  QuorumIcsEvent *ev;

  g_assert_cmpuint (report.n_events, ==, 3);
  g_assert_cmpuint (report.n_series, ==, 1);
  g_assert_cmpuint (report.n_overrides, ==, 1);
  g_assert_cmpstrv (report.warnings, ((const char *[]) { NULL }));

  ev = find_event (events, uid, FALSE);
  g_assert_cmpstr (ev->tzid, ==, "Asia/Shanghai");   /* "China Standard Time" */
  assert_time (ev->dtstart, "2023-01-04T09:00:00+08:00");
  assert_time (ev->dtend, "2023-01-04T11:30:00+08:00");
  g_assert_cmpstr (ev->summary, ==, "党组理论学习中心组学习");
  g_assert_cmpstr (ev->rrule, ==, "FREQ=WEEKLY;UNTIL=20230301T010000Z;INTERVAL=1;BYDAY=WE;WKST=MO");
  g_assert_cmpuint (ev->exdates->len, ==, 1);
  assert_time (g_ptr_array_index (ev->exdates, 0), "2023-01-18T09:00:00+08:00");
  g_assert_cmpint (ev->alarms->len, ==, 1);
  g_assert_cmpint (g_array_index (ev->alarms, QuorumIcsAlarm, 0).minutes_before, ==, 15);
  g_assert_cmpint (ev->status, ==, QUORUM_ICS_STATUS_CONFIRMED);

  ev = find_event (events, uid, TRUE);
  assert_time (ev->recurrence_id, "2023-02-01T09:00:00+08:00");
  assert_time (ev->dtstart, "2023-02-01T14:00:00+08:00");
  g_assert_cmpstr (ev->location, ==, "第二会议室");
  g_assert_cmpstr (ev->description, ==, "改到下午\n");

  /* "W. Europe Standard Time" without a VTIMEZONE: the Windows table. */
  ev = find_event (events, "040000008200E00074C5B7101A82E00800000000FFEEDDCC", FALSE);
  g_assert_cmpstr (ev->tzid, ==, "Europe/Berlin");
  assert_time (ev->dtstart, "2023-03-15T10:00:00+01:00");
}

static void
test_parse_google (void)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_fixture ("google-allday-and-weekly.ics", &report);
  QuorumIcsEvent *ev;
  const QuorumIcsAttendee *attendee;

  g_assert_cmpuint (report.n_events, ==, 3);
  g_assert_cmpuint (report.n_series, ==, 1);
  g_assert_cmpuint (report.n_overrides, ==, 0);

  ev = find_event (events, "3k1q0v8c6m2h5g4f7d9s1a2b3c@google.com", FALSE);
  g_assert_true (ev->all_day);
  assert_time (ev->dtstart, "2023-05-01T00:00:00+08:00");
  assert_time (ev->dtend, "2023-05-04T00:00:00+08:00");
  g_assert_cmpstr (ev->transp, ==, "TRANSPARENT");
  g_assert_cmpstr (ev->description, ==, "");
  assert_time (ev->created, "2023-04-01T01:02:03+00:00");

  ev = find_event (events, "7h2j4k6l8m0n1p3q5r7s9t@google.com", FALSE);
  g_assert_false (ev->all_day);
  /* Three EXDATEs on one line, folded inside the last value. */
  g_assert_cmpuint (ev->exdates->len, ==, 3);
  assert_time (g_ptr_array_index (ev->exdates, 2), "2023-04-17T08:30:00+08:00");
  g_assert_cmpstr (ev->description, ==, "每周一早会，汇报上周工作；地点见通知。");
  g_assert_cmpint (ev->sequence, ==, 2);
  g_assert_cmpint (ev->attendees->len, ==, 2);
  attendee = &g_array_index (ev->attendees, QuorumIcsAttendee, 0);
  g_assert_cmpstr (attendee->cn, ==, "张三");
  g_assert_cmpstr (attendee->uri, ==, "mailto:zhangsan@example.com");
  g_assert_cmpint (attendee->partstat, ==, QUORUM_ICS_PARTSTAT_ACCEPTED);
  attendee = &g_array_index (ev->attendees, QuorumIcsAttendee, 1);
  g_assert_cmpint (attendee->partstat, ==, QUORUM_ICS_PARTSTAT_DECLINED);
  g_assert_cmpstr (attendee->role, ==, "OPT-PARTICIPANT");
  g_assert_cmpint (g_array_index (ev->alarms, QuorumIcsAlarm, 0).minutes_before, ==, 30);

  ev = find_event (events, "utc-event@google.com", FALSE);
  g_assert_null (ev->tzid);
  assert_time (ev->dtstart, "2023-06-01T01:00:00+00:00");
}

static void
test_parse_thunderbird (void)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_fixture ("thunderbird-moz-tz.ics", &report);
  const char *uid = "6b0e2a4c-9d1f-4e3a-8b7c-5d6e7f8a9b0c";
  QuorumIcsEvent *ev;

  g_assert_cmpuint (report.n_series, ==, 1);
  g_assert_cmpuint (report.n_overrides, ==, 1);
  g_assert_cmpstrv (report.warnings, ((const char *[]) { NULL }));

  ev = find_event (events, uid, FALSE);
  g_assert_cmpstr (ev->tzid, ==, "Europe/Berlin");
  assert_time (ev->dtstart, "2023-01-10T14:00:00+01:00");
  g_assert_cmpstrv (ev->categories, ((const char *[]) { "Business", "Meeting", NULL }));
  g_assert_cmpint (g_array_index (ev->alarms, QuorumIcsAlarm, 0).minutes_before, ==, 10);

  /* Summer time comes from the file's VTIMEZONE rules. */
  ev = find_event (events, uid, TRUE);
  assert_time (ev->recurrence_id, "2023-07-11T14:00:00+02:00");
  assert_time (ev->dtstart, "2023-07-11T16:00:00+02:00");
  g_assert_cmpint (ev->sequence, ==, 1);
}

static void
test_parse_apple (void)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_fixture ("apple-floating-and-utc.ics", &report);
  QuorumIcsEvent *ev;

  g_assert_cmpuint (report.n_events, ==, 2);

  /* Floating: the user's wall time. */
  ev = find_event (events, "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF", FALSE);
  g_assert_cmpstr (ev->tzid, ==, "Asia/Shanghai");
  assert_time (ev->dtstart, "2023-05-12T09:00:00+08:00");
  assert_time (ev->dtend, "2023-05-12T10:00:00+08:00");
  g_assert_cmpint (ev->alarms->len, ==, 0);   /* ACTION:NONE */

  ev = find_event (events, "F0E1D2C3-B4A5-4969-8778-665544332211", FALSE);
  g_assert_null (ev->tzid);
  assert_time (ev->dtstart, "2023-05-13T02:00:00+00:00");
  g_assert_cmpstr (ev->url, ==, "https://example.com/agenda");
  g_assert_cmpint (g_array_index (ev->alarms, QuorumIcsAlarm, 0).minutes_before, ==, 60);
}

static void
test_parse_evolution (void)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_fixture ("gnome-calendar-evolution.ics", &report);
  const char *uid = "20230105T091500Z-1234-1000-1-7@quorum-host";
  QuorumIcsEvent *ev;

  /* The override comes first in the file, before the VTIMEZONE too. */
  g_assert_cmpuint (report.n_events, ==, 2);
  g_assert_cmpuint (report.n_series, ==, 1);
  g_assert_cmpuint (report.n_overrides, ==, 1);
  g_assert_cmpstrv (report.warnings, ((const char *[]) { NULL }));
  g_assert_null (((QuorumIcsEvent *) g_ptr_array_index (events, 0))->recurrence_id);

  ev = find_event (events, uid, FALSE);
  g_assert_cmpstr (ev->tzid, ==, "Asia/Shanghai");
  assert_time (ev->dtstart, "2023-01-15T15:00:00+08:00");
  g_assert_cmpuint (ev->rdates->len, ==, 1);
  assert_time (g_ptr_array_index (ev->rdates, 0), "2023-07-01T15:00:00+08:00");
  g_assert_cmpstr (ev->description, ==, "研究本月党建工作, 讨论发展党员; 其他事项");
  g_assert_cmpstrv (ev->categories, ((const char *[]) { "党建", "会议", NULL }));
  g_assert_cmpstr (ev->organizer, ==, "mailto:wang@example.com");
  g_assert_cmpstr (ev->organizer_cn, ==, "王书记");
  g_assert_cmpstr (g_array_index (ev->attendees, QuorumIcsAttendee, 0).uri, ==, "mailto:zhao@example.com");
  g_assert_cmpint (g_array_index (ev->attendees, QuorumIcsAttendee, 0).partstat, ==,
                   QUORUM_ICS_PARTSTAT_TENTATIVE);

  ev = find_event (events, uid, TRUE);
  g_assert_cmpint (ev->status, ==, QUORUM_ICS_STATUS_CANCELLED);
  assert_time (ev->recurrence_id, "2023-02-15T15:00:00+08:00");
}

static const struct
{
  const char     *file;
  int             code;
  const char     *where;
  const char     *what;
} malformed_fixtures[] = {
  { "malformed-truncated.ics", QUORUM_ICS_ERROR_TRUNCATED, "malformed-truncated.ics:7:", "END:VEVENT" },
  { "malformed-bad-rrule.ics", QUORUM_ICS_ERROR_INVALID_RULE, "malformed-bad-rrule.ics:9:",
    "“FREQ=FOO;BYDAY=MO”" },
  { "malformed-not-ics.ics", QUORUM_ICS_ERROR_NOT_ICALENDAR, "malformed-not-ics.ics:1:", "iCalendar" },
  { "malformed-bad-date.ics", QUORUM_ICS_ERROR_INVALID_DATE, "malformed-bad-date.ics:13:",
    "“2023-01-04 09:00”" },
};

static void
test_parse_malformed_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed_fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics",
                                                     malformed_fixtures[i].file, NULL);
      g_auto(QuorumIcsParseReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = quorum_ics_parse_file (path, &report, &error);

      g_assert_null (events);
      g_assert_error (error, QUORUM_ICS_ERROR, malformed_fixtures[i].code);
      g_assert_nonnull (strstr (error->message, malformed_fixtures[i].where));
      g_assert_nonnull (strstr (error->message, malformed_fixtures[i].what));
      g_assert_cmpuint (report.n_events, ==, 0);
    }
}

#define CAL(body) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" body "END:VCALENDAR\r\n"
#define EVENT(body) "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20230104T010000Z\r\n" body "END:VEVENT\r\n"

static const struct
{
  const char     *text;
  int             code;
  guint           line;
  const char     *what;
} malformed_inline[] = {
  { CAL (EVENT ("RRULE:FREQ=DAILY;COUNT=3;UNTIL=20230201T000000Z\r\n")), QUORUM_ICS_ERROR_INVALID_RULE, 7,
    "COUNT and UNTIL" },
  { CAL (EVENT ("RRULE:FREQ=WEEKLY;BYDAY=XX\r\n")), QUORUM_ICS_ERROR_INVALID_RULE, 7, "BYDAY=XX" },
  { CAL (EVENT ("RRULE:BYDAY=MO\r\n")), QUORUM_ICS_ERROR_INVALID_RULE, 7, "FREQ" },
  { CAL (EVENT ("RRULE:FREQ=DAILY;INTERVAL=0\r\n")), QUORUM_ICS_ERROR_INVALID_RULE, 7, "INTERVAL" },
  { CAL (EVENT ("EXDATE:20230105T010000Z,2023010\r\n")), QUORUM_ICS_ERROR_INVALID_DATE, 7, "2023010" },
  { CAL (EVENT ("DTEND:20230231T010000Z\r\n")), QUORUM_ICS_ERROR_INVALID_DATE, 7, "20230231" },
  { CAL (EVENT ("DURATION:PT1X\r\n")), QUORUM_ICS_ERROR_INVALID_DATE, 7, "PT1X" },
  { CAL ("BEGIN:VEVENT\r\nUID:y\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"), QUORUM_ICS_ERROR_INVALID_EVENT, 4,
    "DTSTART" },
  { CAL ("BEGIN:VEVENT\r\nUID:y\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\n"), QUORUM_ICS_ERROR_INVALID_DATE, 6,
    "tomorrow" },
  { CAL ("BEGIN:VEVENT\r\nUID:y\r\nDTSTART:20230104T250000\r\nEND:VEVENT\r\n"), QUORUM_ICS_ERROR_INVALID_DATE,
    6, "20230104T250000" },
  { CAL (EVENT ("BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VEVENT\r\n")), QUORUM_ICS_ERROR_SYNTAX, 9,
    "BEGIN:VALARM from line 7" },
  { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" EVENT (""), QUORUM_ICS_ERROR_TRUNCATED, 6, "VCALENDAR" },
  { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n", QUORUM_ICS_ERROR_SYNTAX, 4,
    "no BEGIN" },
  { " BEGIN:VCALENDAR\r\n", QUORUM_ICS_ERROR_SYNTAX, 1, "continued" },
  { "", QUORUM_ICS_ERROR_NOT_ICALENDAR, 1, "iCalendar" },
  { "BEGIN:VCALENDAR\r\nVERSION:1.0\r\nEND:VCALENDAR\r\n", QUORUM_ICS_ERROR_NOT_ICALENDAR, 2, "vCalendar" },
  { CAL (EVENT ("DTSTART;TZID=\"broken:20230104T010000Z\r\n")), QUORUM_ICS_ERROR_SYNTAX, 7, "broken" },
};

static void
test_parse_malformed_inline (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed_inline); i++)
    {
      const char *text = malformed_inline[i].text;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = quorum_ics_parse (text, strlen (text), "inline.ics", NULL, &error);
      g_autofree char *where = g_strdup_printf ("inline.ics:%u:", malformed_inline[i].line);

      if (events != NULL)
        g_error ("case %u was accepted", i);
      g_assert_error (error, QUORUM_ICS_ERROR, malformed_inline[i].code);
      if (!g_str_has_prefix (error->message, where) ||
          strstr (error->message, malformed_inline[i].what) == NULL)
        g_error ("case %u: unexpected message “%s”", i, error->message);
    }
}

static void
test_parse_lenient (void)
{
  /* LF only, a BOM, blank lines inside a fold, a TAB fold, a lone CR line
   * end, an empty parameter, an unknown zone, a bad SEQUENCE, an unreadable
   * property, an override whose master is not in the file. */
  static const char text[] =
    "\xEF\xBB\xBF" "BEGIN:VCALENDAR\n"
    "PRODID:-//t//EN\n"
    "BEGIN:VEVENT\n"
    "UID:lenient-1\n"
    "DTSTART\n"
    "\n"
    " ;TZID=Mars/Olympus_Mons\n"
    "\t:20230104T090000\n"
    "SUMMARY;;LANGUAGE=zh:会\r"
    " 议\n"
    "SEQUENCE:many\n"
    "X-BAD/NAME:1\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:orphan-1\n"
    "RECURRENCE-ID:20230105T010000Z\n"
    "DTSTART:20230105T020000Z\n"
    "END:VEVENT\n"
    "BEGIN:VTODO\n"
    "UID:todo-1\n"
    "END:VTODO\n"
    "END:VCALENDAR\n";
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_ok (text, &report);
  QuorumIcsEvent *ev = find_event (events, "lenient-1", FALSE);
  g_autofree char *joined = NULL;

  g_assert_cmpstr (ev->summary, ==, "会议");
  g_assert_null (ev->tzid);
  assert_time (ev->dtstart, "2023-01-04T09:00:00+00:00");
  g_assert_cmpint (ev->sequence, ==, 0);
  g_assert_cmpuint (report.n_events, ==, 2);
  g_assert_cmpuint (report.n_overrides, ==, 1);
  g_assert_cmpstrv (report.unknown_tzids, ((const char *[]) { "Mars/Olympus_Mons", NULL }));

  joined = g_strjoinv ("\n", report.warnings);
  g_assert_nonnull (strstr (joined, "test.ics:1: the calendar has no VERSION"));
  g_assert_nonnull (strstr (joined, "test.ics:5: unknown time zone “Mars/Olympus_Mons”"));
  g_assert_nonnull (strstr (joined, "test.ics:11: SEQUENCE “many”"));
  g_assert_nonnull (strstr (joined, "test.ics:12: the line “X-BAD/NAME:1” cannot be read"));
  g_assert_nonnull (strstr (joined, "test.ics:14: the changed occurrence of “orphan-1”"));
  g_assert_nonnull (strstr (joined, "test.ics:19: components that are not events were ignored: 1"));
  g_assert_cmpuint (g_strv_length (report.warnings), ==, 6);
}

static void
test_parse_duplicates_and_zones (void)
{
  static const char text[] =
    CAL ("BEGIN:VEVENT\r\nUID:dup\r\nSEQUENCE:2\r\nSUMMARY:new\r\nDTSTART:20230104T010000Z\r\nEND:VEVENT\r\n"
         "BEGIN:VEVENT\r\nUID:dup\r\nSEQUENCE:1\r\nSUMMARY:old\r\nDTSTART:20230104T010000Z\r\nEND:VEVENT\r\n"
         "BEGIN:VEVENT\r\nUID:tokyo\r\nDTSTART;TZID=\"(UTC+09:00) Osaka, Sapporo, Tokyo\":20230104T090000\r\n"
         "DURATION:PT1H30M\r\nEND:VEVENT\r\n"
         "BEGIN:VEVENT\r\nUID:moz\r\nDTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20230704T090000\r\n"
         "RRULE:FREQ=DAILY;COUNT=2\r\nEXDATE:20230705T090000\r\nEND:VEVENT\r\n");
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = parse_ok (text, &report);
  QuorumIcsEvent *ev;

  g_assert_cmpuint (report.n_events, ==, 3);
  g_assert_cmpstr (find_event (events, "dup", FALSE)->summary, ==, "new");
  g_assert_cmpuint (g_strv_length (report.warnings), ==, 1);

  ev = find_event (events, "tokyo", FALSE);
  g_assert_cmpstr (ev->tzid, ==, "Asia/Tokyo");
  assert_time (ev->dtend, "2023-01-04T10:30:00+09:00");

  /* A floating EXDATE takes the start's zone. */
  ev = find_event (events, "moz", FALSE);
  g_assert_cmpstr (ev->tzid, ==, "America/New_York");
  assert_time (g_ptr_array_index (ev->exdates, 0), "2023-07-05T09:00:00-04:00");
}

#define MASTER(uid, extra) "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTART:20230104T010000Z\r\n" extra \
                           "RRULE:FREQ=DAILY;COUNT=5\r\nEND:VEVENT\r\n"
#define CHANGE(uid, rid) "BEGIN:VEVENT\r\nUID:" uid "\r\nRECURRENCE-ID:" rid "\r\n" \
                         "DTSTART:20230110T010000Z\r\nEND:VEVENT\r\n"

/* Events come out ordered by UID, then RECURRENCE-ID, whether the file was
 * in order (the sort is then skipped) or not. */
static void
test_parse_order (void)
{
  static const struct
  {
    const char *text;
    guint       n_events;
  } cases[] = {
    /* In order already. */
    { CAL (MASTER ("a", "") MASTER ("b", "") CHANGE ("b", "20230105T010000Z")
           CHANGE ("b", "20230106T010000Z") MASTER ("c", "")), 5 },
    /* Reversed. */
    { CAL (MASTER ("c", "") CHANGE ("b", "20230106T010000Z") CHANGE ("b", "20230105T010000Z")
           MASTER ("b", "") MASTER ("a", "")), 5 },
    /* One out of place, and a duplicate that must not count as disorder. */
    { CAL (MASTER ("a", "") MASTER ("c", "") MASTER ("c", "SEQUENCE:1\r\n") MASTER ("b", "")), 3 },
    /* In order with duplicates. */
    { CAL (MASTER ("a", "") MASTER ("a", "") MASTER ("b", "")), 2 },
    /* Timed changes of an all-day series are keyed by their day. */
    { CAL ("BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20230104\r\n"
           "RRULE:FREQ=DAILY;COUNT=5\r\nEND:VEVENT\r\n"
           CHANGE ("d", "20230105T230000Z") CHANGE ("d", "20230106T020000Z")), 3 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(QuorumIcsParseReport) report = { 0 };
      g_autoptr(GPtrArray) events = parse_ok (cases[c].text, &report);

      g_assert_cmpuint (events->len, ==, cases[c].n_events);
      for (guint i = 1; i < events->len; i++)
        {
          const QuorumIcsEvent *a = g_ptr_array_index (events, i - 1);
          const QuorumIcsEvent *b = g_ptr_array_index (events, i);
          int cmp = strcmp (a->uid, b->uid);

          if (cmp == 0)
            {
              g_assert_nonnull (b->recurrence_id);
              cmp = a->recurrence_id == NULL ? -1 : g_date_time_compare (a->recurrence_id,
                                                                          b->recurrence_id);
            }
          g_assert_cmpint (cmp, <, 0);
        }
    }
}

static void
test_windows_zones (void)
{
  static const struct
  {
    const char *windows;
    const char *iana;
  } cases[] = {
    { "China Standard Time", "Asia/Shanghai" },
    { "Tokyo Standard Time", "Asia/Tokyo" },
    { "W. Europe Standard Time", "Europe/Berlin" },
    { "GMT Standard Time", "Europe/London" },
    { "Eastern Standard Time", "America/New_York" },
    { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
    { "Pacific Standard Time", "America/Los_Angeles" },
    { "Pacific Standard Time (Mexico)", "America/Tijuana" },
    { "Arabian Standard Time", "Asia/Dubai" },
    { "AUS Eastern Standard Time", "Australia/Sydney" },
    { "Russian Standard Time", "Europe/Moscow" },
    { " china standard time ", "Asia/Shanghai" },
    { "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", "Asia/Shanghai" },
    { "(UTC-05:00) Eastern Time (US & Canada)", "America/New_York" },
    { "Mars Standard Time", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (quorum_ics_tzid_from_windows (cases[i].windows), ==, cases[i].iana);
}

static void
test_windows_zones_exist (void)
{
  /* Every IANA zone of the table exists here, or the mapping is useless. */
  static const char * const names[] = {
    "Dateline Standard Time", "UTC-11", "Hawaiian Standard Time", "Alaskan Standard Time",
    "Mountain Standard Time", "Central Standard Time", "Atlantic Standard Time",
    "E. South America Standard Time", "Argentina Standard Time", "Greenland Standard Time", "UTC",
    "Romance Standard Time", "Central Europe Standard Time", "Central European Standard Time",
    "FLE Standard Time", "GTB Standard Time", "Egypt Standard Time", "South Africa Standard Time",
    "Israel Standard Time", "Turkey Standard Time", "Iran Standard Time", "India Standard Time",
    "Nepal Standard Time", "Myanmar Standard Time", "SE Asia Standard Time", "Singapore Standard Time",
    "Taipei Standard Time", "Korea Standard Time", "Tokyo Standard Time", "W. Australia Standard Time",
    "Cen. Australia Standard Time", "E. Australia Standard Time", "New Zealand Standard Time",
    "Fiji Standard Time", "Tonga Standard Time", "Ekaterinburg Standard Time", "Vladivostok Standard Time",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *iana = quorum_ics_tzid_from_windows (names[i]);
      g_autoptr(GTimeZone) tz = NULL;

      g_assert_nonnull (iana);
      tz = g_time_zone_new_identifier (iana);
      if (tz == NULL)
        g_error ("%s maps to %s, which this system does not know", names[i], iana);
    }
}

static void
test_parse_large (void)
{
  const guint n = 20000;
  g_autoptr(GString) text = g_string_new (CAL (""));
  g_autoptr(GPtrArray) events = NULL;
  g_auto(QuorumIcsParseReport) report = { 0 };
  gint64 start;

  g_string_truncate (text, text->len - strlen ("END:VCALENDAR\r\n"));
  for (guint i = 0; i < n; i++)
    {
      /* Every tenth is an override of the one before, written first. */
      if (i % 10 == 9)
        g_string_append_printf (text,
                                "BEGIN:VEVENT\r\nUID:ev-%u\r\nRECURRENCE-ID;TZID=Asia/Shanghai:20230111T090000\r\n"
                                "DTSTART;TZID=Asia/Shanghai:20230111T140000\r\nSUMMARY:改期 %u\r\nEND:VEVENT\r\n",
                                i - 1, i);
      else
        g_string_append_printf (text,
                                "BEGIN:VEVENT\r\nUID:ev-%u\r\nDTSTART;TZID=Asia/Shanghai:20230104T090000\r\n"
                                "DTEND;TZID=Asia/Shanghai:20230104T100000\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n"
                                "EXDATE;TZID=Asia/Shanghai:20230118T090000\r\nSUMMARY:会议 %u\r\n"
                                "DESCRIPTION:第 %u 次\\, 请准时参加\r\nEND:VEVENT\r\n",
                                i, i, i);
    }
  g_string_append (text, "END:VCALENDAR\r\n");

  start = g_get_monotonic_time ();
  events = quorum_ics_parse (text->str, text->len, "large.ics", &report, NULL);
  g_assert_nonnull (events);
  g_assert_cmpuint (report.n_events, ==, n);
  g_assert_cmpuint (report.n_overrides, ==, n / 10);
  g_assert_cmpuint (report.n_series, ==, n - n / 10);
  g_assert_cmpstrv (report.warnings, ((const char *[]) { NULL }));
  g_test_message ("parsed %u events (%zu bytes) in %.2f s", n, text->len,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

/* ------------------------------------------------------------------------ */
/* The real-world corpus in ../shared/ics-corpus, read in place. */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
test_corpus (void)
{
  const char *root = g_getenv ("QUORUM_SOURCE_ROOT");
  g_autofree char *dir_path = NULL;
  g_autofree char *sources = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_ok = 0, n_warned = 0, n_refused = 0;

  if (root == NULL)
    {
      g_test_skip ("QUORUM_SOURCE_ROOT is not set; cannot find ../shared/ics-corpus");
      return;
    }
  /* Next to the checkout; a worktree in /work/wt/NAME has it one more up. */
  dir_path = g_build_filename (root, "..", "shared", "ics-corpus", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    {
      g_free (dir_path);
      dir_path = g_build_filename (root, "..", "..", "shared", "ics-corpus", NULL);
      dir = g_dir_open (dir_path, 0, NULL);
    }
  if (dir == NULL)
    {
      g_autofree char *message = g_strdup_printf ("no iCalendar corpus at %s", dir_path);

      g_test_skip (message);
      return;
    }

  {
    g_autofree char *sources_path = g_build_filename (dir_path, "SOURCES.md", NULL);

    g_file_get_contents (sources_path, &sources, NULL, NULL);
  }

  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (name, ".ics"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 1);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_auto(QuorumIcsParseReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = quorum_ics_parse_file (path, &report, &error);
      gboolean malformed = g_str_has_prefix (name, "malformed-");
      /* SOURCES.md marks a file's validity in the last column of its row. */
      g_autofree char *row_key = g_strdup_printf ("| %s |", name);
      const char *row = sources != NULL ? strstr (sources, row_key) : NULL;
      const char *row_end = row != NULL ? strchr (row, '\n') : NULL;
      g_autofree char *row_text = row != NULL ? g_strndup (row, row_end - row) : NULL;

      if (row_text != NULL && strstr (row_text, "MALFORMED") != NULL)
        malformed = TRUE;

      if (events == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == QUORUM_ICS_ERROR || error->domain == G_FILE_ERROR);
          g_test_message ("%s: refused: %s", name, error->message);
          if (!malformed)
            g_error ("%s is valid or quirky but was refused: %s", name, error->message);
          n_refused++;
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (report.n_events, ==, events->len);
      /* Files with events import at least one; only the zone-only and the
       * empty calendar have none. */
      if (!malformed && strstr (name, "vtimezone") == NULL)
        g_assert_cmpuint (events->len, >=, 1);
      for (guint j = 0; j < events->len; j++)
        {
          QuorumIcsEvent *ev = g_ptr_array_index (events, j);

          g_assert_nonnull (ev->uid);
          g_assert_nonnull (ev->dtstart);
        }

      /* What we read, we can write and read again. */
      {
        g_autofree char *text = quorum_ics_export (events, fixed_options (), NULL);
        g_autoptr(GPtrArray) again = quorum_ics_parse (text, strlen (text), name, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (again->len, ==, events->len);
      }

      if (report.warnings[0] != NULL)
        {
          n_warned++;
          g_test_message ("%s: %u events, %u warnings (first: %s)", name, events->len,
                          g_strv_length (report.warnings), report.warnings[0]);
        }
      else
        {
          n_ok++;
        }
    }

  g_test_message ("corpus: %u files: %u imported cleanly, %u with warnings, %u refused",
                  names->len, n_ok, n_warned, n_refused);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/ics/export/round-trip", test_export_round_trip);
  g_test_add_func ("/core/ics/export/stable", test_export_stable);
  g_test_add_func ("/core/ics/export/folding", test_export_folding);
  g_test_add_func ("/core/ics/export/escaping", test_export_escaping);
  g_test_add_func ("/core/ics/export/timezones", test_export_timezones);
  g_test_add_func ("/core/ics/export/all-day", test_export_all_day);
  g_test_add_func ("/core/ics/export/cancelled-override", test_export_cancelled_override);
  g_test_add_func ("/core/ics/export/public", test_export_public);
  g_test_add_func ("/core/ics/export/file", test_export_file);
  g_test_add_func ("/core/ics/parse/outlook", test_parse_outlook);
  g_test_add_func ("/core/ics/parse/google", test_parse_google);
  g_test_add_func ("/core/ics/parse/thunderbird", test_parse_thunderbird);
  g_test_add_func ("/core/ics/parse/apple", test_parse_apple);
  g_test_add_func ("/core/ics/parse/evolution", test_parse_evolution);
  g_test_add_func ("/core/ics/parse/malformed-fixtures", test_parse_malformed_fixtures);
  g_test_add_func ("/core/ics/parse/malformed-inline", test_parse_malformed_inline);
  g_test_add_func ("/core/ics/parse/lenient", test_parse_lenient);
  g_test_add_func ("/core/ics/parse/duplicates-and-zones", test_parse_duplicates_and_zones);
  g_test_add_func ("/core/ics/parse/large", test_parse_large);
  g_test_add_func ("/core/ics/parse/order", test_parse_order);
  g_test_add_func ("/core/ics/parse/corpus", test_corpus);
  g_test_add_func ("/core/ics/zones/windows", test_windows_zones);
  g_test_add_func ("/core/ics/export/stamps", test_export_stamps);
  g_test_add_func ("/core/ics/zones/windows-exist", test_windows_zones_exist);

  return g_test_run ();
}
