/* quorum-enums.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * QuorumAttendanceStatus:
 * @QUORUM_ATTENDANCE_UNKNOWN: nothing recorded yet
 * @QUORUM_ATTENDANCE_PRESENT: attended
 * @QUORUM_ATTENDANCE_LATE: attended, but arrived late
 * @QUORUM_ATTENDANCE_EXCUSED: did not attend, with leave or official business as reason
 * @QUORUM_ATTENDANCE_ABSENT: did not attend without excuse
 *
 * The outcome of one person at one occurrence.
 */
typedef enum
{
  QUORUM_ATTENDANCE_UNKNOWN,
  QUORUM_ATTENDANCE_PRESENT,
  QUORUM_ATTENDANCE_LATE,
  QUORUM_ATTENDANCE_EXCUSED,
  QUORUM_ATTENDANCE_ABSENT,
} QuorumAttendanceStatus;

/**
 * QuorumComplianceStatus:
 * @QUORUM_COMPLIANCE_MET: the duty is met for the period
 * @QUORUM_COMPLIANCE_OPEN: the period is running and there is time
 * @QUORUM_COMPLIANCE_AT_RISK: not met and the period ends soon
 * @QUORUM_COMPLIANCE_MISSED: the period is over and it was not met
 * @QUORUM_COMPLIANCE_REMEDIED: missed, then made up
 *
 * The state of one duty for one subject in one period.
 */
typedef enum
{
  QUORUM_COMPLIANCE_MET,
  QUORUM_COMPLIANCE_OPEN,
  QUORUM_COMPLIANCE_AT_RISK,
  QUORUM_COMPLIANCE_MISSED,
  QUORUM_COMPLIANCE_REMEDIED,
} QuorumComplianceStatus;

/**
 * QuorumSupervisionColour:
 * @QUORUM_SUPERVISION_BLUE: on track (蓝): met, open or remedied
 * @QUORUM_SUPERVISION_YELLOW: warning (黄): at risk
 * @QUORUM_SUPERVISION_RED: overdue (红): missed
 *
 * The three colours of the policy's supervision (“蓝黄红”三色管理).
 * quorum_compliance_status_to_colour() maps a status to its colour.
 */
typedef enum
{
  QUORUM_SUPERVISION_BLUE,
  QUORUM_SUPERVISION_YELLOW,
  QUORUM_SUPERVISION_RED,
} QuorumSupervisionColour;

/**
 * QuorumExcuseKind:
 * @QUORUM_EXCUSE_NONE: no excuse (not excused)
 * @QUORUM_EXCUSE_LEAVE: on approved leave
 * @QUORUM_EXCUSE_OFFICIAL_BUSINESS: away on official business
 * @QUORUM_EXCUSE_OTHER: any other accepted reason
 *
 * Why an excused person did not attend.
 */
typedef enum
{
  QUORUM_EXCUSE_NONE,
  QUORUM_EXCUSE_LEAVE,
  QUORUM_EXCUSE_OFFICIAL_BUSINESS,
  QUORUM_EXCUSE_OTHER,
} QuorumExcuseKind;

/**
 * QuorumMakeupMethod:
 * @QUORUM_MAKEUP_SELF_STUDY: studied the material alone (自学补学)
 * @QUORUM_MAKEUP_ANOTHER_SESSION: attended another session on the same topic
 * @QUORUM_MAKEUP_OTHER: any other way, described in the note
 *
 * How a missed session was made up (补学).
 */
typedef enum
{
  QUORUM_MAKEUP_SELF_STUDY,
  QUORUM_MAKEUP_ANOTHER_SESSION,
  QUORUM_MAKEUP_OTHER,
} QuorumMakeupMethod;

/**
 * QuorumOccurrenceStatus:
 * @QUORUM_OCCURRENCE_SCHEDULED: to be held
 * @QUORUM_OCCURRENCE_HELD: held (attendance may be recorded)
 * @QUORUM_OCCURRENCE_NOT_HELD: the date passed and it was marked not held, with a reason
 * @QUORUM_OCCURRENCE_CANCELLED: cancelled in advance (an iCalendar exception)
 *
 * The state of one dated occurrence of a series.
 */
typedef enum
{
  QUORUM_OCCURRENCE_SCHEDULED,
  QUORUM_OCCURRENCE_HELD,
  QUORUM_OCCURRENCE_NOT_HELD,
  QUORUM_OCCURRENCE_CANCELLED,
} QuorumOccurrenceStatus;

/**
 * QuorumDutyScope:
 * @QUORUM_DUTY_SCOPE_BODY: the group as a whole, once
 * @QUORUM_DUTY_SCOPE_EACH_MEMBER: every member of the group
 * @QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT: every member, once for each related unit
 * @QUORUM_DUTY_SCOPE_EACH_DEPARTMENT: every department
 * @QUORUM_DUTY_SCOPE_EACH_TOWN: every town or subdistrict (镇街)
 * @QUORUM_DUTY_SCOPE_EACH_PARTY_MEMBER: every Party member
 *
 * Who a duty of a rulebook binds. The nicks are the rulebook spelling.
 */
typedef enum
{
  QUORUM_DUTY_SCOPE_BODY,
  QUORUM_DUTY_SCOPE_EACH_MEMBER,
  QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT,
  QUORUM_DUTY_SCOPE_EACH_DEPARTMENT,
  QUORUM_DUTY_SCOPE_EACH_TOWN,
  QUORUM_DUTY_SCOPE_EACH_PARTY_MEMBER,
} QuorumDutyScope;

/**
 * QuorumPeriodKind:
 * @QUORUM_PERIOD_NONE: no period: a per-event rule (deadline, notice)
 * @QUORUM_PERIOD_WEEK: a week, Monday to Sunday
 * @QUORUM_PERIOD_FORTNIGHT: two weeks counted from the duty's anchor
 * @QUORUM_PERIOD_MONTH: a calendar month
 * @QUORUM_PERIOD_QUARTER: a calendar quarter
 * @QUORUM_PERIOD_HALF_YEAR: January–June or July–December
 * @QUORUM_PERIOD_YEAR: a calendar year
 *
 * The period within which a duty's measure is counted.
 */
typedef enum
{
  QUORUM_PERIOD_NONE,
  QUORUM_PERIOD_WEEK,
  QUORUM_PERIOD_FORTNIGHT,
  QUORUM_PERIOD_MONTH,
  QUORUM_PERIOD_QUARTER,
  QUORUM_PERIOD_HALF_YEAR,
  QUORUM_PERIOD_YEAR,
} QuorumPeriodKind;

/**
 * QuorumMeasure:
 * @QUORUM_MEASURE_EVENTS: a count of held events or records
 * @QUORUM_MEASURE_DAYS: a number of days
 * @QUORUM_MEASURE_RATIO: a percentage of another duty's measure
 * @QUORUM_MEASURE_UNITS: a number of related units
 * @QUORUM_MEASURE_DEADLINE_WORKDAYS: done within N working days of a trigger
 * @QUORUM_MEASURE_NOTICE_DAYS: filed N calendar days in advance
 *
 * What a duty's minimum and maximum count.
 */
typedef enum
{
  QUORUM_MEASURE_EVENTS,
  QUORUM_MEASURE_DAYS,
  QUORUM_MEASURE_RATIO,
  QUORUM_MEASURE_UNITS,
  QUORUM_MEASURE_DEADLINE_WORKDAYS,
  QUORUM_MEASURE_NOTICE_DAYS,
} QuorumMeasure;

/**
 * QuorumDayKind:
 * @QUORUM_DAY_WORKDAY: an ordinary working day
 * @QUORUM_DAY_WEEKEND: an ordinary Saturday or Sunday
 * @QUORUM_DAY_HOLIDAY: a public holiday (放假)
 * @QUORUM_DAY_ADJUSTED_WORKDAY: a Saturday or Sunday made a working day (调休上班)
 *
 * What kind of day a date is in the State Council calendar.
 */
typedef enum
{
  QUORUM_DAY_WORKDAY,
  QUORUM_DAY_WEEKEND,
  QUORUM_DAY_HOLIDAY,
  QUORUM_DAY_ADJUSTED_WORKDAY,
} QuorumDayKind;

/**
 * QuorumHolidayPolicy:
 * @QUORUM_HOLIDAY_KEEP: keep the occurrence on its day
 * @QUORUM_HOLIDAY_SKIP: drop occurrences that fall on a day off
 * @QUORUM_HOLIDAY_NEXT_WORKDAY: move them to the next working day
 * @QUORUM_HOLIDAY_PREVIOUS_WORKDAY: move them to the previous working day
 *
 * What a series does with occurrences that fall on a holiday or weekend.
 */
typedef enum
{
  QUORUM_HOLIDAY_KEEP,
  QUORUM_HOLIDAY_SKIP,
  QUORUM_HOLIDAY_NEXT_WORKDAY,
  QUORUM_HOLIDAY_PREVIOUS_WORKDAY,
} QuorumHolidayPolicy;

/**
 * QuorumRecurrenceFreq:
 * @QUORUM_RECURRENCE_DAILY: every N days
 * @QUORUM_RECURRENCE_WEEKLY: every N weeks
 * @QUORUM_RECURRENCE_MONTHLY: every N months
 * @QUORUM_RECURRENCE_YEARLY: every N years
 *
 * The frequencies the recurrence editor offers.
 */
typedef enum
{
  QUORUM_RECURRENCE_DAILY,
  QUORUM_RECURRENCE_WEEKLY,
  QUORUM_RECURRENCE_MONTHLY,
  QUORUM_RECURRENCE_YEARLY,
} QuorumRecurrenceFreq;

/**
 * QuorumMonthlyMode:
 * @QUORUM_MONTHLY_BY_MONTH_DAY: on day N of the month (-1: the last day)
 * @QUORUM_MONTHLY_BY_WEEKDAY: on the Nth given weekday (1–4, or -1 for the last)
 * @QUORUM_MONTHLY_LAST_WEEKDAY: on the last given weekday of the month
 *
 * How a monthly rule picks its day.
 */
typedef enum
{
  QUORUM_MONTHLY_BY_MONTH_DAY,
  QUORUM_MONTHLY_BY_WEEKDAY,
  QUORUM_MONTHLY_LAST_WEEKDAY,
} QuorumMonthlyMode;

/**
 * QuorumRecurrenceEnd:
 * @QUORUM_RECURRENCE_END_NEVER: the series does not end
 * @QUORUM_RECURRENCE_END_UNTIL: it ends on a date (inclusive)
 * @QUORUM_RECURRENCE_END_COUNT: it ends after a number of occurrences
 *
 * How a recurrence ends.
 */
typedef enum
{
  QUORUM_RECURRENCE_END_NEVER,
  QUORUM_RECURRENCE_END_UNTIL,
  QUORUM_RECURRENCE_END_COUNT,
} QuorumRecurrenceEnd;

G_END_DECLS
