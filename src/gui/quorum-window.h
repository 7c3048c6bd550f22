/* quorum-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-application.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WINDOW (quorum_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWindow, quorum_window, QUORUM, WINDOW, AdwApplicationWindow)

QuorumWindow *quorum_window_new              (QuorumApplication *application);
const char   *quorum_window_get_visible_page (QuorumWindow      *self);
void          quorum_window_add_toast        (QuorumWindow      *self,
                                              AdwToast          *toast);

G_END_DECLS
