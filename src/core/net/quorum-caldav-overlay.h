/* quorum-caldav-overlay.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another CalDAV calendar (e.g. the higher-level government's schedule),
 * read as occurrences to show over Quorum's own, never stored.
 */

#pragma once

#include <gio/gio.h>

#include "quorum-caldav-client.h"
#include "quorum-occurrence.h"

G_BEGIN_DECLS

/* The kind of every occurrence of a subscribed calendar. */
#define QUORUM_OCCURRENCE_KIND_EXTERNAL "external"

GPtrArray  *quorum_caldav_overlay_expand     (GPtrArray           *events,
                                              const char          *source_name,
                                              GDateTime           *from,
                                              GDateTime           *to);
GPtrArray  *quorum_caldav_overlay_fetch      (QuorumCaldavClient  *client,
                                              const char          *calendar_href,
                                              const char          *source_name,
                                              GDateTime           *from,
                                              GDateTime           *to,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean    quorum_occurrence_is_external    (QuorumOccurrence    *occurrence);
const char *quorum_occurrence_get_source     (QuorumOccurrence    *occurrence);

G_END_DECLS
