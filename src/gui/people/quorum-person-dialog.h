/* quorum-person-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PERSON_DIALOG (quorum_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPersonDialog, quorum_person_dialog, QUORUM, PERSON_DIALOG, AdwWindow)

QuorumPersonDialog *quorum_person_dialog_new (GtkWindow    *parent,
                                              QuorumStore  *store,
                                              QuorumPerson *person);

G_END_DECLS
