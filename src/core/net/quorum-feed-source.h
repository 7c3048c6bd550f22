/* quorum-feed-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-feed-server.h"
#include "quorum-store.h"

G_BEGIN_DECLS

/* How often subscribed calendars are asked to refresh. */
#define QUORUM_FEED_REFRESH_MINUTES 60

#define QUORUM_TYPE_FEED_SOURCE (quorum_feed_source_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFeedSource, quorum_feed_source, QUORUM, FEED_SOURCE, GObject)

QuorumFeedSource *quorum_feed_source_new            (QuorumStore       *store);
QuorumStore      *quorum_feed_source_get_store      (QuorumFeedSource  *self);
void              quorum_feed_source_attach         (QuorumFeedSource  *self,
                                                     QuorumFeedServer  *server);
GBytes           *quorum_feed_source_dup_feed       (QuorumFeedSource  *self,
                                                     const char        *token,
                                                     char             **out_etag,
                                                     GError           **error);
gboolean          quorum_feed_source_publish        (QuorumFeedSource  *self,
                                                     const char        *dir,
                                                     guint             *out_n_feeds,
                                                     GError           **error);
char             *quorum_feed_format_url            (const char        *host,
                                                     guint              port,
                                                     const char        *token,
                                                     gboolean           webcal);
GStrv             quorum_feed_list_local_addresses  (void);

G_END_DECLS
