/* quorum-occurrence-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-rulebook.h"
#include "quorum-sheet.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_OCCURRENCE_WINDOW (quorum_occurrence_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumOccurrenceWindow, quorum_occurrence_window, QUORUM, OCCURRENCE_WINDOW, AdwWindow)

QuorumOccurrenceWindow *quorum_occurrence_window_new        (QuorumStore            *store,
                                                             QuorumWorkdays         *workdays,
                                                             QuorumRulebook         *rulebook,
                                                             gint64                  occurrence_id);
gint64                  quorum_occurrence_window_get_occurrence_id (QuorumOccurrenceWindow *self);
gboolean                quorum_occurrence_window_export_pdf (QuorumOccurrenceWindow *self,
                                                             QuorumSheetKind         kind,
                                                             const char             *path,
                                                             GError                **error);

G_END_DECLS
