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

G_END_DECLS
