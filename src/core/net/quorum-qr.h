/* quorum-qr.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_QR_CODE (quorum_qr_code_get_type ())

typedef struct _QuorumQrCode QuorumQrCode;

GType         quorum_qr_code_get_type   (void) G_GNUC_CONST;
QuorumQrCode *quorum_qr_code_new        (const char    *text,
                                         GError       **error);
QuorumQrCode *quorum_qr_code_ref        (QuorumQrCode  *self);
void          quorum_qr_code_unref      (QuorumQrCode  *self);
guint         quorum_qr_code_get_size   (QuorumQrCode  *self);
gboolean      quorum_qr_code_get_module (QuorumQrCode  *self,
                                         guint          x,
                                         guint          y);
char         *quorum_qr_code_to_svg     (QuorumQrCode  *self,
                                         guint          module_px,
                                         guint          margin_modules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumQrCode, quorum_qr_code_unref)

G_END_DECLS
