/* quorum-qr-widget.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-qr.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_QR_WIDGET (quorum_qr_widget_get_type ())

G_DECLARE_FINAL_TYPE (QuorumQrWidget, quorum_qr_widget, QUORUM, QR_WIDGET, GtkWidget)

/* Modules of white border around the code, as the QR specification asks. */
#define QUORUM_QR_QUIET_ZONE 4

GtkWidget    *quorum_qr_widget_new             (void);
const char   *quorum_qr_widget_get_text        (QuorumQrWidget *self);
void          quorum_qr_widget_set_text        (QuorumQrWidget *self,
                                                const char     *text);
QuorumQrCode *quorum_qr_widget_get_code        (QuorumQrWidget *self);
const char   *quorum_qr_widget_get_description (QuorumQrWidget *self);
void          quorum_qr_widget_set_description (QuorumQrWidget *self,
                                                const char     *description);

G_END_DECLS
