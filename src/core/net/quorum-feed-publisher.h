/* quorum-feed-publisher.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The list of files the publisher wrote last time, kept in the folder. */
#define QUORUM_FEED_MANIFEST_NAME ".quorum-feeds"

gboolean quorum_feed_publish_to_folder (const char  *dir,
                                        GHashTable  *name_to_bytes,
                                        GError     **error);

G_END_DECLS
