/* quorum-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_EXPORT_DIALOG (quorum_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumExportDialog, quorum_export_dialog, QUORUM, EXPORT_DIALOG, AdwWindow)

/**
 * QuorumExportWhat:
 * @QUORUM_EXPORT_WHAT_ALL: the whole calendar
 * @QUORUM_EXPORT_WHAT_PERSON: what one person is expected at
 * @QUORUM_EXPORT_WHAT_UNIT: the series of one unit
 * @QUORUM_EXPORT_WHAT_DUTY: the series of one duty
 *
 * The choices of the dialog's first row, in order.
 */
typedef enum
{
  QUORUM_EXPORT_WHAT_ALL,
  QUORUM_EXPORT_WHAT_PERSON,
  QUORUM_EXPORT_WHAT_UNIT,
  QUORUM_EXPORT_WHAT_DUTY,
} QuorumExportWhat;

QuorumExportDialog *quorum_export_dialog_new       (QuorumStore        *store,
                                                    QuorumRulebook     *rulebook);
void                quorum_export_dialog_select    (QuorumExportDialog *self,
                                                    QuorumExportWhat    what,
                                                    guint               position);
void                quorum_export_dialog_export_to (QuorumExportDialog *self,
                                                    GFile              *file);

G_END_DECLS
