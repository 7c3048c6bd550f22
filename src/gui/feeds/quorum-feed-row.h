/* quorum-feed-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-qr-widget.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_FEED_ROW (quorum_feed_row_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFeedRow, quorum_feed_row, QUORUM, FEED_ROW, AdwExpanderRow)

QuorumFeedRow  *quorum_feed_row_new           (gint64         person_id,
                                               const char    *name,
                                               const char    *subtitle);
gint64          quorum_feed_row_get_person_id (QuorumFeedRow *self);
const char     *quorum_feed_row_get_name      (QuorumFeedRow *self);
void            quorum_feed_row_set_name      (QuorumFeedRow *self,
                                               const char    *name,
                                               const char    *subtitle);
const char     *quorum_feed_row_get_token     (QuorumFeedRow *self);
void            quorum_feed_row_set_address   (QuorumFeedRow *self,
                                               const char    *token,
                                               const char    *host,
                                               guint          port);
const char     *quorum_feed_row_get_url       (QuorumFeedRow *self,
                                               gboolean       webcal);
QuorumQrWidget *quorum_feed_row_get_qr_widget (QuorumFeedRow *self);

G_END_DECLS
