/* quorum-feed-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_FEED_SERVER_ERROR (quorum_feed_server_error_quark ())

/**
 * QuorumFeedServerError:
 * @QUORUM_FEED_SERVER_ERROR_INVALID_ADDRESS: the listen address is not an IP address
 * @QUORUM_FEED_SERVER_ERROR_ADDRESS_IN_USE: another program already listens on that port
 * @QUORUM_FEED_SERVER_ERROR_ADDRESS_NOT_AVAILABLE: the address belongs to no interface of this machine
 * @QUORUM_FEED_SERVER_ERROR_PERMISSION_DENIED: the port needs privileges
 * @QUORUM_FEED_SERVER_ERROR_FAILED: any other failure
 */
typedef enum
{
  QUORUM_FEED_SERVER_ERROR_INVALID_ADDRESS,
  QUORUM_FEED_SERVER_ERROR_ADDRESS_IN_USE,
  QUORUM_FEED_SERVER_ERROR_ADDRESS_NOT_AVAILABLE,
  QUORUM_FEED_SERVER_ERROR_PERMISSION_DENIED,
  QUORUM_FEED_SERVER_ERROR_FAILED,
} QuorumFeedServerError;

/* The address the server binds to when given none: loopback only. */
#define QUORUM_FEED_SERVER_DEFAULT_ADDRESS "127.0.0.1"
/* A fixed port keeps subscribed URLs valid across restarts (unassigned by IANA). */
#define QUORUM_FEED_SERVER_DEFAULT_PORT    8739

/**
 * QuorumFeedProvider:
 * @token: a token that is on the server's list and matched the request
 * @out_etag: (out) (optional) (transfer full): an entity tag for the feed,
 *   with or without quotes, or leave %NULL to let the server hash the body
 * @out_last_modified: (out) (optional) (transfer full): when the feed last
 *   changed, or leave %NULL
 * @user_data: the data given to quorum_feed_server_set_provider()
 *
 * Returns the iCalendar text of the feed that @token opens. It runs on the
 * main thread for every request, so it must be fast: keep the bytes of each
 * feed cached and rebuild them when the data changes, not here.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL if @token opens
 *   none (the client then gets the same 404 as for an unknown token)
 */
typedef GBytes *(*QuorumFeedProvider) (const char  *token,
                                       char       **out_etag,
                                       GDateTime  **out_last_modified,
                                       gpointer     user_data);

#define QUORUM_TYPE_FEED_SERVER (quorum_feed_server_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFeedServer, quorum_feed_server, QUORUM, FEED_SERVER, GObject)

GQuark            quorum_feed_server_error_quark           (void);
QuorumFeedServer *quorum_feed_server_new                   (void);
void              quorum_feed_server_set_provider          (QuorumFeedServer    *self,
                                                            QuorumFeedProvider   provider,
                                                            gpointer             user_data,
                                                            GDestroyNotify       destroy);
void              quorum_feed_server_set_tokens            (QuorumFeedServer    *self,
                                                            const char * const  *tokens);
void              quorum_feed_server_add_token             (QuorumFeedServer    *self,
                                                            const char          *token);
gboolean          quorum_feed_server_revoke_token          (QuorumFeedServer    *self,
                                                            const char          *token);
guint             quorum_feed_server_get_request_timeout   (QuorumFeedServer    *self);
void              quorum_feed_server_set_request_timeout   (QuorumFeedServer    *self,
                                                            guint                seconds);
gboolean          quorum_feed_server_listen                (QuorumFeedServer    *self,
                                                            const char          *address,
                                                            guint                port,
                                                            GError             **error);
gboolean          quorum_feed_server_is_listening          (QuorumFeedServer    *self);
guint             quorum_feed_server_get_port              (QuorumFeedServer    *self);
char             *quorum_feed_server_dup_url               (QuorumFeedServer    *self,
                                                            const char          *token,
                                                            gboolean             webcal);
void              quorum_feed_server_stop                  (QuorumFeedServer    *self);

G_END_DECLS
