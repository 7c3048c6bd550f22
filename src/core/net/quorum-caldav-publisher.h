/* quorum-caldav-publisher.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-caldav-client.h"

G_BEGIN_DECLS

/**
 * QuorumCaldavState:
 *
 * What the last publish to one calendar left on the server: for each UID the
 * resource's path, its ETag and a hash of its content, plus the calendar's
 * sync-token. The store keeps it as text (quorum_caldav_state_to_data()).
 */
typedef struct _QuorumCaldavState QuorumCaldavState;

/**
 * QuorumCaldavPublishReport:
 * @n_created: resources made
 * @n_updated: resources replaced because the events changed
 * @n_deleted: resources removed because their events are gone
 * @n_overwritten: resources edited or removed on the server behind Quorum's
 *   back and put back (Quorum is the record)
 * @n_unchanged: resources left alone
 * @overwritten: (array zero-terminated=1): the UIDs of the overwritten ones
 * @n_requests: HTTP requests the publish made
 */
typedef struct
{
  guint  n_created;
  guint  n_updated;
  guint  n_deleted;
  guint  n_overwritten;
  guint  n_unchanged;
  GStrv  overwritten;
  guint  n_requests;
} QuorumCaldavPublishReport;

QuorumCaldavState *quorum_caldav_state_new                (void);
QuorumCaldavState *quorum_caldav_state_new_from_data      (const char                 *data,
                                                           GError                    **error);
char              *quorum_caldav_state_to_data            (QuorumCaldavState          *state);
void               quorum_caldav_state_free               (QuorumCaldavState          *state);
const char        *quorum_caldav_state_get_calendar       (QuorumCaldavState          *state);
const char        *quorum_caldav_state_get_sync_token     (QuorumCaldavState          *state);
guint              quorum_caldav_state_get_n_resources    (QuorumCaldavState          *state);
const char        *quorum_caldav_state_get_href           (QuorumCaldavState          *state,
                                                           const char                 *uid);
const char        *quorum_caldav_state_get_etag           (QuorumCaldavState          *state,
                                                           const char                 *uid);

void               quorum_caldav_publish_report_clear     (QuorumCaldavPublishReport  *report);

char              *quorum_caldav_resource_name_for_uid    (const char                 *uid);

gboolean           quorum_caldav_publish                  (QuorumCaldavClient         *client,
                                                           const char                 *calendar_href,
                                                           GPtrArray                  *events,
                                                           QuorumCaldavState          *state,
                                                           QuorumCaldavPublishReport  *report,
                                                           GCancellable               *cancellable,
                                                           GError                    **error);
void               quorum_caldav_publish_async            (QuorumCaldavClient         *client,
                                                           const char                 *calendar_href,
                                                           GPtrArray                  *events,
                                                           QuorumCaldavState          *state,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
gboolean           quorum_caldav_publish_finish           (QuorumCaldavClient         *client,
                                                           GAsyncResult               *result,
                                                           QuorumCaldavPublishReport  *report,
                                                           GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumCaldavState, quorum_caldav_state_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuorumCaldavPublishReport, quorum_caldav_publish_report_clear)

G_END_DECLS
