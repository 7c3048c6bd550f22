/* quorum-ics-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "quorum-ics.h"

G_BEGIN_DECLS

char *_quorum_ics_find_iana_name (const char *tzid);

typedef void (*QuorumIcsEventSink) (QuorumIcsEvent *event,
                                    guint           n_events,
                                    gpointer        user_data);

GPtrArray *_quorum_ics_parse_streaming (const char            *data,
                                        gsize                  len,
                                        const char            *display_name,
                                        QuorumIcsParseReport  *report,
                                        QuorumIcsEventSink     sink,
                                        gpointer               sink_data,
                                        gboolean              *out_streamed,
                                        GError               **error);

G_END_DECLS
