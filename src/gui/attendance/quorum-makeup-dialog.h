/* quorum-makeup-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MAKEUP_DIALOG (quorum_makeup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMakeupDialog, quorum_makeup_dialog, QUORUM, MAKEUP_DIALOG, AdwWindow)

QuorumMakeupDialog *quorum_makeup_dialog_new (QuorumStore      *store,
                                              QuorumAttendance *owed,
                                              GtkWindow        *parent);

G_END_DECLS
