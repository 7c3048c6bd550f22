/* quorum-external-event.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-occurrence.h"

G_BEGIN_DECLS

GtkWindow *quorum_external_event_show (GtkWidget        *parent,
                                       QuorumOccurrence *occurrence);

G_END_DECLS
