/* quorum-attendance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_ATTENDANCE (quorum_attendance_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAttendance, quorum_attendance, QUORUM, ATTENDANCE, GObject)

gint64                 quorum_attendance_get_occurrence_id    (QuorumAttendance *self);
gint64                 quorum_attendance_get_person_id        (QuorumAttendance *self);
const char            *quorum_attendance_get_person_name      (QuorumAttendance *self);
const char            *quorum_attendance_get_person_title     (QuorumAttendance *self);
QuorumAttendanceStatus quorum_attendance_get_status           (QuorumAttendance *self);
const char            *quorum_attendance_get_reason           (QuorumAttendance *self);
QuorumExcuseKind       quorum_attendance_get_excuse_kind      (QuorumAttendance *self);
gboolean               quorum_attendance_get_key_speaker      (QuorumAttendance *self);
gboolean               quorum_attendance_get_recorded         (QuorumAttendance *self);
gboolean               quorum_attendance_get_expected         (QuorumAttendance *self);
const char            *quorum_attendance_get_occurrence_title (QuorumAttendance *self);
GDateTime             *quorum_attendance_get_occurrence_start (QuorumAttendance *self);

G_END_DECLS
