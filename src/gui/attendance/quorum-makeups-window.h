/* quorum-makeups-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MAKEUPS_WINDOW (quorum_makeups_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMakeupsWindow, quorum_makeups_window, QUORUM, MAKEUPS_WINDOW, AdwWindow)

QuorumMakeupsWindow *quorum_makeups_window_new (QuorumStore *store);

G_END_DECLS
