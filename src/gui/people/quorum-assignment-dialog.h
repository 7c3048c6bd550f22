/* quorum-assignment-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_ASSIGNMENT_DIALOG (quorum_assignment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAssignmentDialog, quorum_assignment_dialog, QUORUM, ASSIGNMENT_DIALOG, AdwWindow)

QuorumAssignmentDialog *quorum_assignment_dialog_new         (GtkWindow              *parent,
                                                              QuorumStore            *store,
                                                              gint64                  person_id);
void                    quorum_assignment_dialog_set_kind    (QuorumAssignmentDialog *self,
                                                              const char             *kind);
const char             *quorum_assignment_dialog_get_kind    (QuorumAssignmentDialog *self);
gboolean                quorum_assignment_dialog_select_unit (QuorumAssignmentDialog *self,
                                                              gint64                  unit_id);
void                    quorum_assignment_dialog_set_start   (QuorumAssignmentDialog *self,
                                                              const GDate            *start);

G_END_DECLS
