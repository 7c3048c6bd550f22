/* quorum-leave-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_LEAVE_WINDOW (quorum_leave_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumLeaveWindow, quorum_leave_window, QUORUM, LEAVE_WINDOW, AdwWindow)

QuorumLeaveWindow *quorum_leave_window_new            (QuorumStore       *store);
gboolean           quorum_leave_window_file_emergency (QuorumLeaveWindow *self,
                                                       const char        *emergency_reason);

G_END_DECLS
