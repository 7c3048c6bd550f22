/* quorum-people-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-people-csv.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PEOPLE_IMPORT_DIALOG (quorum_people_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPeopleImportDialog, quorum_people_import_dialog, QUORUM, PEOPLE_IMPORT_DIALOG, AdwWindow)

QuorumPeopleImportDialog *quorum_people_import_dialog_new        (GtkWindow                *parent,
                                                                  QuorumStore              *store);
gboolean                  quorum_people_import_dialog_load       (QuorumPeopleImportDialog *self,
                                                                  GBytes                   *bytes,
                                                                  const char               *name,
                                                                  GError                  **error);
void                      quorum_people_import_dialog_set_column (QuorumPeopleImportDialog *self,
                                                                  guint                     column,
                                                                  QuorumPeopleCsvColumn     what);
void                      quorum_people_import_dialog_set_date   (QuorumPeopleImportDialog *self,
                                                                  const GDate              *date);
const char               *quorum_people_import_dialog_get_encoding (QuorumPeopleImportDialog *self);
QuorumPeopleCsvPlan      *quorum_people_import_dialog_get_plan   (QuorumPeopleImportDialog *self);
GtkListBox               *quorum_people_import_dialog_get_changes_list (QuorumPeopleImportDialog *self);

G_END_DECLS
