/* quorum-matrix.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-compliance.h"
#include "quorum-rulebook.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MATRIX (quorum_matrix_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMatrix, quorum_matrix, QUORUM, MATRIX, GtkWidget)

GtkWidget *quorum_matrix_new              (void);
void       quorum_matrix_set_results      (QuorumMatrix           *self,
                                           QuorumRulebook         *rulebook,
                                           GPtrArray              *results);
guint      quorum_matrix_get_n_rows       (QuorumMatrix           *self);
guint      quorum_matrix_get_n_columns    (QuorumMatrix           *self);
gboolean   quorum_matrix_get_cell_status  (QuorumMatrix           *self,
                                           const char             *duty_id,
                                           QuorumSubjectKind       kind,
                                           gint64                  subject_id,
                                           QuorumComplianceStatus *status);
GPtrArray *quorum_matrix_get_cell_results (QuorumMatrix           *self,
                                           guint                   row,
                                           guint                   column);
void       quorum_matrix_get_cell_area    (QuorumMatrix           *self,
                                           guint                   row,
                                           guint                   column,
                                           GdkRectangle           *area);

G_END_DECLS
