/* quorum-ics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_ICS_ERROR (quorum_ics_error_quark ())

/**
 * QuorumIcsError:
 * @QUORUM_ICS_ERROR_NOT_ICALENDAR: the data is not iCalendar at all
 * @QUORUM_ICS_ERROR_TRUNCATED: a component is not closed (missing END:…)
 * @QUORUM_ICS_ERROR_SYNTAX: a content line or the component nesting is broken
 * @QUORUM_ICS_ERROR_INVALID_DATE: a date or date-time value cannot be read
 * @QUORUM_ICS_ERROR_INVALID_RULE: an RRULE cannot be read
 * @QUORUM_ICS_ERROR_INVALID_EVENT: an event lacks what it needs (a start)
 *
 * Errors of quorum_ics_parse(). Every message names the file and the line.
 */
typedef enum
{
  QUORUM_ICS_ERROR_NOT_ICALENDAR,
  QUORUM_ICS_ERROR_TRUNCATED,
  QUORUM_ICS_ERROR_SYNTAX,
  QUORUM_ICS_ERROR_INVALID_DATE,
  QUORUM_ICS_ERROR_INVALID_RULE,
  QUORUM_ICS_ERROR_INVALID_EVENT,
} QuorumIcsError;

typedef enum
{
  QUORUM_ICS_STATUS_NONE,
  QUORUM_ICS_STATUS_CONFIRMED,
  QUORUM_ICS_STATUS_TENTATIVE,
  QUORUM_ICS_STATUS_CANCELLED,
} QuorumIcsStatus;

typedef enum
{
  QUORUM_ICS_PARTSTAT_NEEDS_ACTION,
  QUORUM_ICS_PARTSTAT_ACCEPTED,
  QUORUM_ICS_PARTSTAT_DECLINED,
  QUORUM_ICS_PARTSTAT_TENTATIVE,
} QuorumIcsPartstat;

/**
 * QuorumIcsAlarm:
 * @minutes_before: how long before the start the alarm fires (negative: after)
 * @description: (nullable): the text shown
 */
typedef struct
{
  int   minutes_before;
  char *description;
} QuorumIcsAlarm;

/**
 * QuorumIcsAttendee:
 * @cn: (nullable): display name
 * @uri: the calendar address, usually `mailto:…`
 * @partstat: participation status
 * @role: (nullable): ROLE parameter, e.g. `REQ-PARTICIPANT`
 */
typedef struct
{
  char              *cn;
  char              *uri;
  QuorumIcsPartstat  partstat;
  char              *role;
} QuorumIcsAttendee;

/**
 * QuorumIcsEvent:
 *
 * One VEVENT, a series master or an override, as plain data. The fields are
 * public and owned by the struct; quorum_ics_event_new() zeroes them and
 * allocates the arrays.
 *
 * Times: @dtstart, @dtend, @recurrence_id, @exdates and @rdates are in the
 * zone named by @tzid (an IANA name); @tzid %NULL means UTC. Floating times
 * in an imported file are read as Asia/Shanghai wall time. For @all_day
 * events only the year, month and day of these values count (they are
 * midnight in @tzid, Asia/Shanghai by default). @created, @last_modified and
 * @dtstamp are UTC.
 */
typedef struct
{
  char            *uid;
  GDateTime       *recurrence_id;
  gboolean         this_and_future;
  char            *summary;
  char            *description;
  char            *location;
  GStrv            categories;
  GDateTime       *dtstart;
  GDateTime       *dtend;
  gboolean         all_day;
  char            *tzid;
  char            *rrule;
  GPtrArray       *exdates;        /* of GDateTime */
  GPtrArray       *rdates;         /* of GDateTime */
  int              sequence;
  GDateTime       *created;
  GDateTime       *last_modified;
  GDateTime       *dtstamp;
  QuorumIcsStatus  status;
  char            *transp;
  GArray          *alarms;         /* of QuorumIcsAlarm */
  GArray          *attendees;      /* of QuorumIcsAttendee */
  char            *organizer;      /* calendar address */
  char            *organizer_cn;
  char            *url;
  char            *duty;           /* X-QUORUM-DUTY */
  char            *article;        /* X-QUORUM-ARTICLE */
} QuorumIcsEvent;

/**
 * QuorumIcsExportOptions:
 * @now: (nullable): DTSTAMP of every event; %NULL keeps each event's
 *   @dtstamp (or takes the clock when that is unset too)
 * @calendar_name: (nullable): X-WR-CALNAME
 * @refresh_minutes: REFRESH-INTERVAL and X-PUBLISHED-TTL for feeds; 0 for none
 * @public_feed: keep only UID, DTSTAMP, DTSTART, DTEND, SUMMARY, LOCATION,
 *   RRULE, RDATE, EXDATE, RECURRENCE-ID and STATUS
 */
typedef struct
{
  GDateTime  *now;
  const char *calendar_name;
  guint       refresh_minutes;
  gboolean    public_feed;
} QuorumIcsExportOptions;

/**
 * QuorumIcsParseReport:
 * @n_events: VEVENTs returned (masters and overrides)
 * @n_series: masters that recur (RRULE or RDATE)
 * @n_overrides: events with a RECURRENCE-ID
 * @warnings: (array zero-terminated=1): "file:line: what" for problems that
 *   lost nothing important
 * @unknown_tzids: (array zero-terminated=1): time zones that could not be
 *   resolved (their events were read as UTC)
 */
typedef struct
{
  guint  n_events;
  guint  n_series;
  guint  n_overrides;
  GStrv  warnings;
  GStrv  unknown_tzids;
} QuorumIcsParseReport;

#define QUORUM_TYPE_ICS_EVENT (quorum_ics_event_get_type ())

GQuark          quorum_ics_error_quark          (void);
GType           quorum_ics_event_get_type       (void) G_GNUC_CONST;
QuorumIcsEvent *quorum_ics_event_new            (void);
QuorumIcsEvent *quorum_ics_event_ref            (QuorumIcsEvent               *self);
void            quorum_ics_event_unref          (QuorumIcsEvent               *self);
void            quorum_ics_event_add_alarm      (QuorumIcsEvent               *self,
                                                 int                           minutes_before,
                                                 const char                   *description);
void            quorum_ics_event_add_attendee   (QuorumIcsEvent               *self,
                                                 const char                   *cn,
                                                 const char                   *uri,
                                                 QuorumIcsPartstat             partstat,
                                                 const char                   *role);

void            quorum_ics_parse_report_clear   (QuorumIcsParseReport         *report);

char           *quorum_ics_export               (GPtrArray                    *events,
                                                 const QuorumIcsExportOptions *options,
                                                 gsize                        *out_len);
gboolean        quorum_ics_export_to_file       (GPtrArray                    *events,
                                                 const QuorumIcsExportOptions *options,
                                                 const char                   *path,
                                                 GError                      **error);
GPtrArray      *quorum_ics_parse                (const char                   *data,
                                                 gsize                         len,
                                                 const char                   *display_name,
                                                 QuorumIcsParseReport         *report,
                                                 GError                      **error);
GPtrArray      *quorum_ics_parse_file           (const char                   *path,
                                                 QuorumIcsParseReport         *report,
                                                 GError                      **error);
const char     *quorum_ics_tzid_from_windows    (const char                   *windows_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumIcsEvent, quorum_ics_event_unref)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuorumIcsParseReport, quorum_ics_parse_report_clear)

G_END_DECLS
