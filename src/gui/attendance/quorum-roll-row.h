/* quorum-roll-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-attendance.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_ROLL_ROW (quorum_roll_row_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRollRow, quorum_roll_row, QUORUM, ROLL_ROW, GtkListBoxRow)

GtkWidget              *quorum_roll_row_new            (QuorumAttendance       *attendance);
QuorumAttendance       *quorum_roll_row_get_attendance (QuorumRollRow          *self);
void                    quorum_roll_row_set_attendance (QuorumRollRow          *self,
                                                        QuorumAttendance       *attendance);
gint64                  quorum_roll_row_get_person_id  (QuorumRollRow          *self);
void                    quorum_roll_row_set_number     (QuorumRollRow          *self,
                                                        guint                   number);
QuorumAttendanceStatus  quorum_roll_row_get_shown_status (QuorumRollRow        *self);
void                    quorum_roll_row_mark           (QuorumRollRow          *self,
                                                        QuorumAttendanceStatus  status);
void                    quorum_roll_row_focus_reason   (QuorumRollRow          *self);
void                    quorum_roll_row_set_error      (QuorumRollRow          *self,
                                                        const char             *message);
void                    quorum_roll_row_set_sensitive_marks (QuorumRollRow     *self,
                                                        gboolean                can_attend);

G_END_DECLS
