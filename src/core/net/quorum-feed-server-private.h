/* quorum-feed-server-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "quorum-feed-server.h"

G_BEGIN_DECLS

/* The server's decisions about a request, apart from the network, so that
 * tests and the fuzz harness can call them directly. */
guint       _quorum_feed_server_check_headers  (const char         *method,
                                                SoupMessageHeaders *request);
const char *_quorum_feed_server_match_target   (QuorumFeedServer   *self,
                                                const char         *path,
                                                const char         *query);
gboolean    _quorum_feed_server_is_not_modified (SoupMessageHeaders *request,
                                                 const char         *etag,
                                                 GDateTime          *last_modified);
char       *_quorum_feed_server_dup_entity_tag (const char         *provided,
                                                GBytes             *body);

G_END_DECLS
