/* quorum-units-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_UNITS_WINDOW (quorum_units_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumUnitsWindow, quorum_units_window, QUORUM, UNITS_WINDOW, AdwWindow)

QuorumUnitsWindow *quorum_units_window_new          (GtkWindow         *parent,
                                                     QuorumStore       *store);
void               quorum_units_window_set_kind     (QuorumUnitsWindow *self,
                                                     const char        *kind);
GListModel        *quorum_units_window_get_shown    (QuorumUnitsWindow *self);

G_END_DECLS
