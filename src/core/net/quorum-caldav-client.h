/* quorum-caldav-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_CALDAV_ERROR (quorum_caldav_error_quark ())

/**
 * QuorumCaldavError:
 * @QUORUM_CALDAV_ERROR_INVALID_URL: the server address cannot be read
 * @QUORUM_CALDAV_ERROR_DNS: the host name cannot be resolved
 * @QUORUM_CALDAV_ERROR_TLS: the secure connection failed (e.g. a bad certificate)
 * @QUORUM_CALDAV_ERROR_NETWORK: the server cannot be reached
 * @QUORUM_CALDAV_ERROR_UNAUTHORIZED: 401 or 403: wrong user name or password, or no right
 * @QUORUM_CALDAV_ERROR_NOT_CALDAV: the server answers, but not as a CalDAV server
 * @QUORUM_CALDAV_ERROR_NOT_FOUND: 404 or 410
 * @QUORUM_CALDAV_ERROR_CONFLICT: 412: the item changed on the server meanwhile
 * @QUORUM_CALDAV_ERROR_NOT_CALENDAR: the collection exists but is not a calendar
 * @QUORUM_CALDAV_ERROR_REJECTED: another 4xx: the server refused the request
 * @QUORUM_CALDAV_ERROR_SERVER: 5xx: the server failed
 * @QUORUM_CALDAV_ERROR_INVALID_REPLY: the server's reply cannot be read
 * @QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN: the server forgot the sync-token
 *   given (RFC 6578 § 3.2): list the whole collection instead
 *
 * Errors of #QuorumCaldavClient. Every message is translated and names the
 * URL involved (never the password). Cancellation is reported as
 * %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  QUORUM_CALDAV_ERROR_INVALID_URL,
  QUORUM_CALDAV_ERROR_DNS,
  QUORUM_CALDAV_ERROR_TLS,
  QUORUM_CALDAV_ERROR_NETWORK,
  QUORUM_CALDAV_ERROR_UNAUTHORIZED,
  QUORUM_CALDAV_ERROR_NOT_CALDAV,
  QUORUM_CALDAV_ERROR_NOT_FOUND,
  QUORUM_CALDAV_ERROR_CONFLICT,
  QUORUM_CALDAV_ERROR_NOT_CALENDAR,
  QUORUM_CALDAV_ERROR_REJECTED,
  QUORUM_CALDAV_ERROR_SERVER,
  QUORUM_CALDAV_ERROR_INVALID_REPLY,
  QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN,
} QuorumCaldavError;

/**
 * QuorumCaldavCalendar:
 * @href: the collection's path on the server, ending in `/`
 * @display_name: (nullable): DAV:displayname
 * @components: (array zero-terminated=1) (nullable): supported components
 *   ("VEVENT", "VTODO"…); %NULL when the server does not say (all allowed)
 * @ctag: (nullable): CS:getctag
 * @sync_token: (nullable): DAV:sync-token (RFC 6578)
 */
typedef struct
{
  char  *href;
  char  *display_name;
  GStrv  components;
  char  *ctag;
  char  *sync_token;
} QuorumCaldavCalendar;

/**
 * QuorumCaldavResource:
 * @href: the resource's path on the server
 * @etag: (nullable): its entity tag, quotes included; %NULL in a sync report
 *   means the resource was removed
 * @data: (nullable): its iCalendar data when asked for
 */
typedef struct
{
  char *href;
  char *etag;
  char *data;
} QuorumCaldavResource;

/**
 * QuorumCaldavPutMode:
 * @QUORUM_CALDAV_PUT_CREATE: `If-None-Match: *`: only when nothing is there
 * @QUORUM_CALDAV_PUT_REPLACE: `If-Match: "<etag>"`: only over that version
 * @QUORUM_CALDAV_PUT_OVERWRITE: unconditional
 */
typedef enum
{
  QUORUM_CALDAV_PUT_CREATE,
  QUORUM_CALDAV_PUT_REPLACE,
  QUORUM_CALDAV_PUT_OVERWRITE,
} QuorumCaldavPutMode;

#define QUORUM_TYPE_CALDAV_CLIENT (quorum_caldav_client_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCaldavClient, quorum_caldav_client, QUORUM, CALDAV_CLIENT, GObject)

GQuark                quorum_caldav_error_quark                (void);

void                  quorum_caldav_calendar_free              (QuorumCaldavCalendar  *calendar);
void                  quorum_caldav_resource_free              (QuorumCaldavResource  *resource);

QuorumCaldavClient   *quorum_caldav_client_new                 (const char            *url,
                                                                const char            *user,
                                                                const char            *password);
const char           *quorum_caldav_client_get_url             (QuorumCaldavClient    *self);
const char           *quorum_caldav_client_get_user            (QuorumCaldavClient    *self);
const char           *quorum_caldav_client_get_principal       (QuorumCaldavClient    *self);
const char           *quorum_caldav_client_get_calendar_home   (QuorumCaldavClient    *self);
guint                 quorum_caldav_client_get_request_count   (QuorumCaldavClient    *self);
char                 *quorum_caldav_client_dup_display_url     (QuorumCaldavClient    *self,
                                                                const char            *href);

GPtrArray            *quorum_caldav_client_discover            (QuorumCaldavClient    *self,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
void                  quorum_caldav_client_discover_async      (QuorumCaldavClient    *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
GPtrArray            *quorum_caldav_client_discover_finish     (QuorumCaldavClient    *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

QuorumCaldavCalendar *quorum_caldav_client_get_calendar        (QuorumCaldavClient    *self,
                                                                const char            *href,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
QuorumCaldavCalendar *quorum_caldav_client_ensure_calendar     (QuorumCaldavClient    *self,
                                                                const char            *path_or_slug,
                                                                const char            *display_name,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
void                  quorum_caldav_client_ensure_calendar_async  (QuorumCaldavClient *self,
                                                                   const char         *path_or_slug,
                                                                   const char         *display_name,
                                                                   GCancellable       *cancellable,
                                                                   GAsyncReadyCallback callback,
                                                                   gpointer            user_data);
QuorumCaldavCalendar *quorum_caldav_client_ensure_calendar_finish (QuorumCaldavClient *self,
                                                                   GAsyncResult       *result,
                                                                   GError            **error);

GPtrArray            *quorum_caldav_client_list_resources      (QuorumCaldavClient    *self,
                                                                const char            *calendar_href,
                                                                char                 **out_sync_token,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
GPtrArray            *quorum_caldav_client_query               (QuorumCaldavClient    *self,
                                                                const char            *calendar_href,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
GPtrArray            *quorum_caldav_client_sync_collection     (QuorumCaldavClient    *self,
                                                                const char            *calendar_href,
                                                                const char            *sync_token,
                                                                char                 **out_sync_token,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

char                 *quorum_caldav_client_get                 (QuorumCaldavClient    *self,
                                                                const char            *href,
                                                                char                 **out_etag,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
gboolean              quorum_caldav_client_put                 (QuorumCaldavClient    *self,
                                                                const char            *href,
                                                                const char            *data,
                                                                QuorumCaldavPutMode    mode,
                                                                const char            *etag,
                                                                char                 **out_etag,
                                                                GCancellable          *cancellable,
                                                                GError               **error);
gboolean              quorum_caldav_client_delete              (QuorumCaldavClient    *self,
                                                                const char            *href,
                                                                const char            *etag,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumCaldavCalendar, quorum_caldav_calendar_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumCaldavResource, quorum_caldav_resource_free)

G_END_DECLS
