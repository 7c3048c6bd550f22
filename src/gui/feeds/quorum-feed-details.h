/* quorum-feed-details.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-qr-widget.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_FEED_DETAILS (quorum_feed_details_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFeedDetails, quorum_feed_details, QUORUM, FEED_DETAILS, GtkBox)

GtkWidget      *quorum_feed_details_new           (gint64             person_id);
void            quorum_feed_details_set_name      (QuorumFeedDetails *self,
                                                   const char        *name);
void            quorum_feed_details_set_urls      (QuorumFeedDetails *self,
                                                   const char        *webcal_url,
                                                   const char        *http_url);
QuorumQrWidget *quorum_feed_details_get_qr_widget (QuorumFeedDetails *self);

G_END_DECLS
