/* quorum-feed-tokens.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

char     *quorum_feed_token_dup    (QuorumStore  *store,
                                    gint64        person_id,
                                    gboolean      create,
                                    GError      **error);
char     *quorum_feed_token_rotate (QuorumStore  *store,
                                    gint64        person_id,
                                    GError      **error);
gboolean  quorum_feed_token_revoke (QuorumStore  *store,
                                    gint64        person_id,
                                    GError      **error);

G_END_DECLS
