/* quorum-recurrence-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_RECURRENCE_EDITOR (quorum_recurrence_editor_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRecurrenceEditor, quorum_recurrence_editor, QUORUM, RECURRENCE_EDITOR, GtkWidget)

GtkWidget  *quorum_recurrence_editor_new         (void);
const char *quorum_recurrence_editor_get_rrule   (QuorumRecurrenceEditor *self);
void        quorum_recurrence_editor_set_rrule   (QuorumRecurrenceEditor *self,
                                                  const char             *rrule);
GDateTime  *quorum_recurrence_editor_get_dtstart (QuorumRecurrenceEditor *self);
void        quorum_recurrence_editor_set_dtstart (QuorumRecurrenceEditor *self,
                                                  GDateTime              *dtstart);
gboolean    quorum_recurrence_editor_get_custom  (QuorumRecurrenceEditor *self);
void        quorum_recurrence_editor_set_error   (QuorumRecurrenceEditor *self,
                                                  const char             *message);
char       *quorum_recurrence_editor_dup_description (QuorumRecurrenceEditor *self);

G_END_DECLS
