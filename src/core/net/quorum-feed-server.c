/* quorum-feed-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feed-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <ifaddrs.h>
#include <libsoup/soup.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

#include "quorum-feed-server.h"
#include "quorum-feed-server-private.h"
#include "quorum-token.h"
#include "quorum-token-private.h"

/* Limits. A feed client sends one short GET; anything else is refused early. */
#define DEFAULT_REQUEST_TIMEOUT_S 10    /* from accept to the end of the request */
#define IDLE_TIMEOUT_S            30    /* no byte moves either way */
#define LIFETIME_S                120   /* a connection never lives longer */
#define MAX_CONNECTIONS           256
#define MAX_TARGET_LENGTH         512   /* path and query, in bytes */
#define ACCEPT_BURST              64
#define ACCEPT_BACKOFF_MS         100

#define FEEDS_PREFIX   "/feeds/"
#define FEEDS_SUFFIX   ".ics"
#define FEED_TYPE      "text/calendar; charset=utf-8"
#define FEED_CACHE     "private, max-age=300"
#define ERROR_TYPE     "text/plain; charset=utf-8"

/* The bodies of error responses are for machines and stay in English: a
 * translated body would only tell a stranger which language the office uses. */
#define NOT_FOUND_BODY        "Not found\n"
#define NOT_ALLOWED_BODY      "Method not allowed\n"
#define BODY_NOT_ALLOWED_BODY "Requests with a body are not accepted\n"

/*
 * Design
 *
 * Tokens. The server keeps the list of valid tokens with the SHA-256 digest
 * of each. A request's candidate token is hashed once and compared with every
 * digest on the list, always the whole list and with a comparison that has no
 * early exit, so the time taken says nothing about how close a guess came
 * (see quorum_token_equal()). Only a token that matched is passed to the
 * provider, which therefore never sees attacker-chosen strings and can use an
 * ordinary hash table. A wrong token, a revoked one, a token the provider
 * declines and any other path all get one identical 404.
 *
 * Connections. SoupServer 3.2 has no timeouts on the server side, and its own
 * listener stops accepting for good after one failed accept(). So the server
 * accepts connections itself and hands each one to libsoup with
 * soup_server_accept_iostream(). That gives it one record per connection:
 *  - the socket gets an idle timeout (g_socket_set_timeout()), so a client that
 *    stops sending or reading is dropped;
 *  - a timer shuts the socket down when the request has not been read
 *    completely within the request timeout, so a client that trickles one
 *    byte at a time cannot keep its slot, and later after LIFETIME_S;
 *  - at most MAX_CONNECTIONS are open at once; more are closed on accept.
 * libsoup keeps no connection alive for a stream it did not accept itself, so
 * each request has its own connection, and the responses say so.
 *
 * Everything runs on the main context without blocking: libsoup reads and
 * writes with non-blocking I/O, so one slow client never holds up another.
 */

typedef struct
{
  char   *token;
  guint8  digest[QUORUM_TOKEN_DIGEST_SIZE];
} KnownToken;

typedef struct
{
  QuorumFeedServer  *server;
  GSocketConnection *stream;     /* weak: libsoup owns the connection */
  GSocketAddress    *remote;     /* the key in server->connections */
  GSource           *timer;
  gint64             accepted_at;  /* monotonic µs */
  guint              request_read : 1;
  guint              lifetime_armed : 1;
} Connection;

struct _QuorumFeedServer
{
  GObject             parent_instance;

  SoupServer         *soup;
  GSocket            *listen_socket;
  GSource            *accept_source;
  guint               accept_retry_id;
  GHashTable         *connections;   /* GSocketAddress* → Connection* */
  GPtrArray          *tokens;        /* KnownToken* */
  char               *url_host;
  guint               port;
  guint               request_timeout;

  QuorumFeedProvider  provider;
  gpointer            provider_data;
  GDestroyNotify      provider_destroy;
};

G_DEFINE_FINAL_TYPE (QuorumFeedServer, quorum_feed_server, G_TYPE_OBJECT)

G_DEFINE_QUARK (quorum-feed-server-error-quark, quorum_feed_server_error)

enum {
  PROP_0,
  PROP_PORT,
  PROP_REQUEST_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_accepting (QuorumFeedServer *self);

static void
known_token_free (KnownToken *known)
{
  explicit_bzero (known->token, strlen (known->token));
  g_free (known->token);
  g_free (known);
}

static KnownToken *
known_token_new (const char *token)
{
  KnownToken *known = g_new0 (KnownToken, 1);

  known->token = g_strdup (token);
  _quorum_token_digest (token, known->digest);
  return known;
}

/* Walks the whole list whatever matches: see "Design" above. */
static KnownToken *
find_token (QuorumFeedServer *self,
            const char       *candidate)
{
  guint8 digest[QUORUM_TOKEN_DIGEST_SIZE];
  KnownToken *found = NULL;

  _quorum_token_digest (candidate, digest);
  for (guint i = 0; i < self->tokens->len; i++)
    {
      KnownToken *known = g_ptr_array_index (self->tokens, i);
      gboolean equal = _quorum_token_digest_equal (digest, known->digest);

      found = equal ? known : found;
    }

  return found;
}

/* Requests are logged without their secret: "/feeds/abcd…" and no more. */
static char *
dup_masked_path (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;
  g_autofree char *head = NULL;
  g_autofree char *escaped = NULL;

  if (path == NULL)
    return g_strdup ("(none)");
  if (g_str_has_prefix (path, FEEDS_PREFIX))
    head = g_strndup (path, strlen (FEEDS_PREFIX) + 4);
  else
    head = g_strndup (path, 24);

  escaped = g_strescape (head, NULL);
  return g_strdup_printf ("%s%s", escaped, strlen (path) > strlen (head) ? "..." : "");
}

static void
connection_free (Connection *conn)
{
  if (conn->timer != NULL)
    {
      g_source_destroy (conn->timer);
      g_clear_pointer (&conn->timer, g_source_unref);
    }
  g_clear_object (&conn->remote);
  g_free (conn);
}

static void
connection_shut_down (Connection *conn,
                      const char *why)
{
  GSocket *socket = g_socket_connection_get_socket (conn->stream);

  g_debug ("Closing a connection: %s", why);
  /* libsoup then reads end-of-file, gives up on the request and closes. */
  g_socket_shutdown (socket, TRUE, TRUE, NULL);
}

static gboolean on_connection_timer_cb (gpointer user_data);

static void
arm_connection_timer (Connection *conn,
                      gint64      delay_ms)
{
  conn->timer = g_timeout_source_new (MAX (delay_ms, 0));
  g_source_set_callback (conn->timer, on_connection_timer_cb, conn, NULL);
  g_source_attach (conn->timer, NULL);
}

/* First at the request timeout, then at the end of the connection's life. */
static gboolean
on_connection_timer_cb (gpointer user_data)
{
  Connection *conn = user_data;
  gint64 age_ms = (g_get_monotonic_time () - conn->accepted_at) / 1000;

  g_clear_pointer (&conn->timer, g_source_unref);

  if (!conn->request_read)
    {
      connection_shut_down (conn, "the request took too long to arrive");
    }
  else if (!conn->lifetime_armed)
    {
      conn->lifetime_armed = TRUE;
      arm_connection_timer (conn, LIFETIME_S * 1000 - age_ms);
    }
  else
    {
      connection_shut_down (conn, "it lived too long");
    }

  return G_SOURCE_REMOVE;
}

static void
on_stream_finalized_cb (gpointer  user_data,
                        GObject  *where_the_object_was)
{
  Connection *conn = user_data;

  conn->stream = NULL;
  g_hash_table_remove (conn->server->connections, conn->remote);
}

static guint
count_open_connections (QuorumFeedServer *self)
{
  GHashTableIter iter;
  Connection *conn;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&conn))
    n += !g_io_stream_is_closed (G_IO_STREAM (conn->stream));

  return n;
}

static void
accept_client (QuorumFeedServer *self,
               GSocket          *socket)
{
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GSocketConnection) stream = NULL;
  Connection *conn;

  if (count_open_connections (self) >= MAX_CONNECTIONS)
    {
      g_debug ("Refusing a connection: %u are open already", MAX_CONNECTIONS);
      g_socket_close (socket, NULL);
      return;
    }

  local = g_socket_get_local_address (socket, NULL);
  remote = g_socket_get_remote_address (socket, NULL);
  if (local == NULL || remote == NULL)
    {
      /* The client is gone already. */
      g_socket_close (socket, NULL);
      return;
    }

  g_socket_set_timeout (socket, IDLE_TIMEOUT_S);
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  stream = g_socket_connection_factory_create_connection (socket);

  conn = g_new0 (Connection, 1);
  conn->server = self;
  conn->stream = stream;
  conn->remote = g_object_ref (remote);
  conn->accepted_at = g_get_monotonic_time ();
  arm_connection_timer (conn, self->request_timeout * 1000);
  g_object_weak_ref (G_OBJECT (stream), on_stream_finalized_cb, conn);

  /* Before handing over: libsoup announces the first request right away. */
  g_hash_table_insert (self->connections, conn->remote, conn);

  soup_server_accept_iostream (self->soup, G_IO_STREAM (stream), local, remote, NULL);
}

static gboolean
on_accept_retry_cb (gpointer user_data)
{
  QuorumFeedServer *self = user_data;

  self->accept_retry_id = 0;
  start_accepting (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_listen_socket_ready_cb (GSocket      *socket,
                           GIOCondition  condition,
                           gpointer      user_data)
{
  QuorumFeedServer *self = user_data;

  for (guint i = 0; i < ACCEPT_BURST; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) client = g_socket_accept (socket, NULL, &error);

      if (client != NULL)
        {
          accept_client (self, client);
          continue;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;

      /* Out of file descriptors, say: pause instead of spinning, and never
       * stop for good. */
      g_debug ("Could not accept a connection: %s", error->message);
      g_clear_pointer (&self->accept_source, g_source_unref);
      self->accept_retry_id = g_timeout_add (ACCEPT_BACKOFF_MS, on_accept_retry_cb, self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_accepting (QuorumFeedServer *self)
{
  g_assert (self->accept_source == NULL);

  self->accept_source = g_socket_create_source (self->listen_socket, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, (GSourceFunc)(GCallback)on_listen_socket_ready_cb,
                         self, NULL);
  g_source_attach (self->accept_source, NULL);
}

static void
set_error_response (SoupServerMessage *msg,
                    guint              status,
                    const char        *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_response (msg, ERROR_TYPE, SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
respond_not_found (SoupServerMessage *msg)
{
  set_error_response (msg, SOUP_STATUS_NOT_FOUND, NOT_FOUND_BODY);
}

/* The candidate token in a "/feeds/<token>.ics" path, or NULL. */
static char *
dup_token_from_path (const char *path)
{
  gsize len = strlen (path);
  g_autofree char *token = NULL;

  if (len > MAX_TARGET_LENGTH
      || !g_str_has_prefix (path, FEEDS_PREFIX)
      || !g_str_has_suffix (path, FEEDS_SUFFIX)
      || len < strlen (FEEDS_PREFIX) + strlen (FEEDS_SUFFIX))
    return NULL;

  token = g_strndup (path + strlen (FEEDS_PREFIX),
                     len - strlen (FEEDS_PREFIX) - strlen (FEEDS_SUFFIX));
  if (!quorum_token_is_well_formed (token))
    return NULL;

  return g_steal_pointer (&token);
}

/* A strong entity tag in quotes: the provider's, or a hash of the body. */
char *
_quorum_feed_server_dup_entity_tag (const char *provided,
                                    GBytes     *body)
{
  gsize len = provided != NULL ? strlen (provided) : 0;

  /* Quotes are optional on the way in. */
  if (len >= 2 && provided[0] == '"' && provided[len - 1] == '"')
    {
      provided++;
      len -= 2;
    }

  if (len > 0)
    {
      gboolean usable = TRUE;

      /* etagc from RFC 9110: visible ASCII except the double quote. */
      for (gsize i = 0; i < len && usable; i++)
        usable = (guchar)provided[i] >= 0x21 && (guchar)provided[i] <= 0x7e && provided[i] != '"';
      if (usable)
        return g_strdup_printf ("\"%.*s\"", (int)len, provided);
    }

  {
    g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

    return g_strdup_printf ("\"%.32s\"", sum);
  }
}

/* If-None-Match wins over If-Modified-Since (RFC 9110, section 13.2.2). */
gboolean
_quorum_feed_server_is_not_modified (SoupMessageHeaders *request,
                                     const char         *etag,
                                     GDateTime          *last_modified)
{
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since;

  if (if_none_match != NULL)
    {
      GSList *tags = soup_header_parse_list (if_none_match);
      gboolean match = FALSE;

      for (GSList *l = tags; l != NULL && !match; l = l->next)
        {
          const char *tag = l->data;

          /* Weak comparison: W/"x" matches "x". */
          if (g_str_has_prefix (tag, "W/"))
            tag += 2;
          match = g_str_equal (tag, "*") || g_str_equal (tag, etag);
        }
      soup_header_free_list (tags);
      return match;
    }

  if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");
  if (if_modified_since != NULL && last_modified != NULL)
    {
      g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (if_modified_since);

      return since != NULL && g_date_time_to_unix (last_modified) <= g_date_time_to_unix (since);
    }

  return FALSE;
}

static void
respond_feed (SoupServerMessage *msg,
              GBytes            *body,
              const char        *etag,
              GDateTime         *last_modified)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "ETag", etag);
  if (last_modified != NULL)
    {
      g_autofree char *date = soup_date_time_to_string (last_modified, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "Last-Modified", date);
    }
  soup_message_headers_replace (headers, "Cache-Control", FEED_CACHE);

  if (_quorum_feed_server_is_not_modified (request, etag, last_modified))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (headers, "Content-Type", FEED_TYPE);
  /* HEAD too: libsoup sends the length of this body and leaves the body out. */
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

/*
 * _quorum_feed_server_match_target:
 * @path: the decoded path of the request
 * @query: (nullable): its query string
 *
 * Returns: (transfer none) (nullable): the server's own copy of the token
 *   that the "/feeds/<token>.ics" @path names, or %NULL for a 404
 */
const char *
_quorum_feed_server_match_target (QuorumFeedServer *self,
                                  const char       *path,
                                  const char       *query)
{
  g_autofree char *candidate = NULL;
  KnownToken *known;

  g_assert (QUORUM_IS_FEED_SERVER (self));
  g_assert (path != NULL);

  if (strlen (path) + (query != NULL ? strlen (query) : 0) > MAX_TARGET_LENGTH
      || (candidate = dup_token_from_path (path)) == NULL
      || (known = find_token (self, candidate)) == NULL)
    return NULL;

  return known->token;
}

static void
handle_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  QuorumFeedServer *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *etag = NULL;
  g_autofree char *provided_etag = NULL;
  g_autoptr(GDateTime) last_modified = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *token;

  token = _quorum_feed_server_match_target (self, path, g_uri_get_query (uri));
  if (token == NULL || self->provider == NULL)
    {
      respond_not_found (msg);
      return;
    }

  body = self->provider (token, &provided_etag, &last_modified, self->provider_data);
  if (body == NULL)
    {
      respond_not_found (msg);
      return;
    }

  etag = _quorum_feed_server_dup_entity_tag (provided_etag, body);
  respond_feed (msg, body, etag, last_modified);
}

static gboolean
request_has_body (SoupMessageHeaders *headers)
{
  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_NONE:
      return FALSE;
    case SOUP_ENCODING_CONTENT_LENGTH:
      return soup_message_headers_get_content_length (headers) > 0;
    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_EOF:
    case SOUP_ENCODING_CHUNKED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      return TRUE;
    }
}

/*
 * _quorum_feed_server_check_headers:
 * @method: (nullable): the request method
 * @request: the request headers
 *
 * Only GET and HEAD without a body are served.
 *
 * Returns: %SOUP_STATUS_NONE to go on, or the status to refuse the request with
 */
guint
_quorum_feed_server_check_headers (const char         *method,
                                   SoupMessageHeaders *request)
{
  if (g_strcmp0 (method, SOUP_METHOD_GET) != 0 && g_strcmp0 (method, SOUP_METHOD_HEAD) != 0)
    return SOUP_STATUS_METHOD_NOT_ALLOWED;
  if (request_has_body (request))
    return SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
  return SOUP_STATUS_NONE;
}

/* Before any body is read: refuse other methods and bodies, and keep no body in memory. */
static void
on_message_got_headers_cb (QuorumFeedServer  *self,
                           SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  if (soup_server_message_get_status (msg) != 0)
    return;

  switch (_quorum_feed_server_check_headers (soup_server_message_get_method (msg), request))
    {
    case SOUP_STATUS_NONE:
      return;
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      set_error_response (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NOT_ALLOWED_BODY);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, HEAD");
      break;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
    default:
      set_error_response (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, BODY_NOT_ALLOWED_BODY);
      break;
    }

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
}

static Connection *
lookup_connection (QuorumFeedServer  *self,
                   SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return remote != NULL ? g_hash_table_lookup (self->connections, remote) : NULL;
}

static void
on_request_started_cb (QuorumFeedServer  *self,
                       SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Connection", "close");

  g_signal_connect_object (msg, "got-headers", G_CALLBACK (on_message_got_headers_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
on_request_read_cb (QuorumFeedServer  *self,
                    SoupServerMessage *msg)
{
  Connection *conn = lookup_connection (self, msg);

  if (conn != NULL)
    conn->request_read = TRUE;
}

static void
on_request_finished_cb (QuorumFeedServer  *self,
                        SoupServerMessage *msg)
{
  g_autofree char *path = NULL;

  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      path = dup_masked_path (msg);
      g_debug ("%s %s -> %u", soup_server_message_get_method (msg), path,
               soup_server_message_get_status (msg));
    }
}

static void
forget_connections (QuorumFeedServer *self)
{
  GHashTableIter iter;
  Connection *conn;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&conn))
    {
      if (conn->stream != NULL)
        g_object_weak_unref (G_OBJECT (conn->stream), on_stream_finalized_cb, conn);
      g_hash_table_iter_remove (&iter);
    }
}

static char *
dup_interface_address (GSocketFamily family)
{
  struct ifaddrs *list = NULL;
  char *found = NULL;

  if (getifaddrs (&list) != 0)
    return NULL;

  for (struct ifaddrs *ifa = list; ifa != NULL && found == NULL; ifa = ifa->ifa_next)
    {
      g_autoptr(GSocketAddress) address = NULL;
      GInetAddress *inet;
      gsize len;

      if (ifa->ifa_addr == NULL
          || (ifa->ifa_flags & IFF_UP) == 0
          || (ifa->ifa_flags & IFF_LOOPBACK) != 0)
        continue;
      if (ifa->ifa_addr->sa_family == AF_INET && family == G_SOCKET_FAMILY_IPV4)
        len = sizeof (struct sockaddr_in);
      else if (ifa->ifa_addr->sa_family == AF_INET6 && family == G_SOCKET_FAMILY_IPV6)
        len = sizeof (struct sockaddr_in6);
      else
        continue;

      address = g_socket_address_new_from_native (ifa->ifa_addr, len);
      inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
      if (g_inet_address_get_is_link_local (inet))
        continue;
      found = g_inet_address_to_string (inet);
    }

  freeifaddrs (list);
  return found;
}

/* The host part of the URLs: the bound address, or for a wildcard one the
 * first address of an interface that is up (a phone cannot use 0.0.0.0). */
static char *
dup_url_host (GInetAddress *bound)
{
  GSocketFamily family = g_inet_address_get_family (bound);
  g_autofree char *host = NULL;

  if (g_inet_address_get_is_any (bound))
    host = dup_interface_address (family);
  if (host == NULL && g_inet_address_get_is_any (bound))
    host = g_strdup (family == G_SOCKET_FAMILY_IPV6 ? "::1" : "127.0.0.1");
  if (host == NULL)
    host = g_inet_address_to_string (bound);

  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("[%s]", host);
  return g_steal_pointer (&host);
}

static void
set_bind_error (GError     **error,
                int          errsv,
                const char  *address,
                guint        port)
{
  switch (errsv)
    {
    case EADDRINUSE:
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_ADDRESS_IN_USE,
                   _("Port %u on %s is already in use by another program"), port, address);
      break;
    case EADDRNOTAVAIL:
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_ADDRESS_NOT_AVAILABLE,
                   _("The address %s does not belong to this computer"), address);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_PERMISSION_DENIED,
                   _("Port %u needs administrator rights: choose a port above 1023"), port);
      break;
    default:
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_FAILED,
                   _("Could not listen on %s port %u: %s"), address, port, g_strerror (errsv));
      break;
    }
}

static void
quorum_feed_server_dispose (GObject *object)
{
  QuorumFeedServer *self = (QuorumFeedServer *)object;

  quorum_feed_server_stop (self);
  g_clear_object (&self->soup);
  if (self->provider_destroy != NULL)
    self->provider_destroy (self->provider_data);
  self->provider = NULL;
  self->provider_data = NULL;
  self->provider_destroy = NULL;

  G_OBJECT_CLASS (quorum_feed_server_parent_class)->dispose (object);
}

static void
quorum_feed_server_finalize (GObject *object)
{
  QuorumFeedServer *self = (QuorumFeedServer *)object;

  g_clear_pointer (&self->connections, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_ptr_array_unref);
  g_clear_pointer (&self->url_host, g_free);

  G_OBJECT_CLASS (quorum_feed_server_parent_class)->finalize (object);
}

static void
quorum_feed_server_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumFeedServer *self = QUORUM_FEED_SERVER (object);

  switch (prop_id)
    {
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_feed_server_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumFeedServer *self = QUORUM_FEED_SERVER (object);

  switch (prop_id)
    {
    case PROP_REQUEST_TIMEOUT:
      quorum_feed_server_set_request_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_feed_server_class_init (QuorumFeedServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_feed_server_dispose;
  object_class->finalize = quorum_feed_server_finalize;
  object_class->get_property = quorum_feed_server_get_property;
  object_class->set_property = quorum_feed_server_set_property;

  /**
   * QuorumFeedServer:port:
   *
   * The port the server listens on, or 0 when it does not listen.
   */
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * QuorumFeedServer:request-timeout:
   *
   * Seconds a client has, from connecting, to send its whole request. A
   * client that takes longer is disconnected, which stops slow senders from
   * holding connections. It applies to connections accepted afterwards.
   */
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL,
                       1, LIFETIME_S, DEFAULT_REQUEST_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_feed_server_init (QuorumFeedServer *self)
{
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT_S;
  self->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify)known_token_free);
  self->connections = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)connection_free);

  self->soup = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (self->soup, NULL, handle_request_cb, self, NULL);
  g_signal_connect_object (self->soup, "request-started",
                           G_CALLBACK (on_request_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->soup, "request-read",
                           G_CALLBACK (on_request_read_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->soup, "request-finished",
                           G_CALLBACK (on_request_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->soup, "request-aborted",
                           G_CALLBACK (on_request_finished_cb), self, G_CONNECT_SWAPPED);
}

/**
 * quorum_feed_server_new:
 *
 * Creates a feed server that does not listen yet and knows no token.
 *
 * Returns: (transfer full): a new #QuorumFeedServer
 */
QuorumFeedServer *
quorum_feed_server_new (void)
{
  return g_object_new (QUORUM_TYPE_FEED_SERVER, NULL);
}

/**
 * quorum_feed_server_set_provider:
 * @self: a #QuorumFeedServer
 * @provider: (nullable): the function that returns a feed for a token
 * @user_data: data for @provider
 * @destroy: (nullable): frees @user_data when the provider is replaced or
 *   the server is disposed
 *
 * Sets where the feeds come from. @provider is only called for tokens on the
 * server's list (see quorum_feed_server_set_tokens()), already matched in
 * constant time.
 */
void
quorum_feed_server_set_provider (QuorumFeedServer   *self,
                                 QuorumFeedProvider  provider,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy)
{
  g_return_if_fail (QUORUM_IS_FEED_SERVER (self));

  if (self->provider_destroy != NULL)
    self->provider_destroy (self->provider_data);

  self->provider = provider;
  self->provider_data = user_data;
  self->provider_destroy = destroy;
}

/**
 * quorum_feed_server_set_tokens:
 * @self: a #QuorumFeedServer
 * @tokens: (nullable) (array zero-terminated=1): the well-formed tokens that
 *   open a feed
 *
 * Replaces the list of valid tokens. Requests with any other token get 404.
 */
void
quorum_feed_server_set_tokens (QuorumFeedServer   *self,
                               const char * const *tokens)
{
  g_return_if_fail (QUORUM_IS_FEED_SERVER (self));

  g_ptr_array_set_size (self->tokens, 0);
  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    quorum_feed_server_add_token (self, tokens[i]);
}

/**
 * quorum_feed_server_add_token:
 * @self: a #QuorumFeedServer
 * @token: a well-formed token (see quorum_token_is_well_formed())
 *
 * Adds @token to the valid ones; adding it twice changes nothing.
 */
void
quorum_feed_server_add_token (QuorumFeedServer *self,
                              const char       *token)
{
  g_return_if_fail (QUORUM_IS_FEED_SERVER (self));
  g_return_if_fail (quorum_token_is_well_formed (token));

  if (find_token (self, token) == NULL)
    g_ptr_array_add (self->tokens, known_token_new (token));
}

/**
 * quorum_feed_server_revoke_token:
 * @self: a #QuorumFeedServer
 * @token: a token
 *
 * Removes @token from the valid ones: from the next request on, its feed
 * address answers 404. To rotate a token, revoke the old one and add a new one.
 *
 * Returns: %TRUE if @token was valid
 */
gboolean
quorum_feed_server_revoke_token (QuorumFeedServer *self,
                                 const char       *token)
{
  KnownToken *known;

  g_return_val_if_fail (QUORUM_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  known = find_token (self, token);
  if (known == NULL)
    return FALSE;

  return g_ptr_array_remove (self->tokens, known);
}

/**
 * quorum_feed_server_get_request_timeout:
 * @self: a #QuorumFeedServer
 *
 * Returns: the #QuorumFeedServer:request-timeout in seconds
 */
guint
quorum_feed_server_get_request_timeout (QuorumFeedServer *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_SERVER (self), 0);

  return self->request_timeout;
}

/**
 * quorum_feed_server_set_request_timeout:
 * @self: a #QuorumFeedServer
 * @seconds: the new timeout, between 1 and 120
 *
 * Sets the #QuorumFeedServer:request-timeout.
 */
void
quorum_feed_server_set_request_timeout (QuorumFeedServer *self,
                                        guint             seconds)
{
  g_return_if_fail (QUORUM_IS_FEED_SERVER (self));
  g_return_if_fail (seconds >= 1 && seconds <= LIFETIME_S);

  if (self->request_timeout == seconds)
    return;

  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

/**
 * quorum_feed_server_listen:
 * @self: a #QuorumFeedServer
 * @address: (nullable): the IP address to listen on:
 *   %QUORUM_FEED_SERVER_DEFAULT_ADDRESS (loopback, the default when %NULL),
 *   "0.0.0.0" or "::" for every interface, or the address of one interface
 * @port: the TCP port, or 0 for any free one (see quorum_feed_server_get_port())
 * @error: return location for a #GError
 *
 * Starts serving feeds on the thread-default main context, which must be
 * running for requests to be answered.
 *
 * Returns: %TRUE on success, or %FALSE with @error set in the
 *   #QUORUM_FEED_SERVER_ERROR domain
 */
gboolean
quorum_feed_server_listen (QuorumFeedServer  *self,
                           const char        *address,
                           guint              port,
                           GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) bind_address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) local_error = NULL;
  struct sockaddr_storage native;

  g_return_val_if_fail (QUORUM_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (self->listen_socket == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (address == NULL || g_str_equal (address, "localhost"))
    address = QUORUM_FEED_SERVER_DEFAULT_ADDRESS;

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_INVALID_ADDRESS,
                   _("“%s” is not an IP address such as 127.0.0.1, 0.0.0.0 or ::1"), address);
      return FALSE;
    }

  bind_address = g_inet_socket_address_new (inet, port);
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, &local_error);
  if (socket == NULL)
    {
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_FAILED,
                   _("Could not listen on %s port %u: %s"), address, port, local_error->message);
      return FALSE;
    }

  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, NULL);
  g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, TRUE, NULL);

  /* bind(2) directly: GIO folds EADDRNOTAVAIL into G_IO_ERROR_FAILED, and
   * that is the error a user most needs explained. */
  if (!g_socket_address_to_native (bind_address, &native, sizeof native, &local_error))
    {
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_FAILED,
                   _("Could not listen on %s port %u: %s"), address, port, local_error->message);
      return FALSE;
    }
  if (bind (g_socket_get_fd (socket), (struct sockaddr *)&native,
            g_socket_address_get_native_size (bind_address)) != 0)
    {
      set_bind_error (error, errno, address, port);
      return FALSE;
    }

  g_socket_set_listen_backlog (socket, 128);
  if (!g_socket_listen (socket, &local_error)
      || (local = g_socket_get_local_address (socket, &local_error)) == NULL)
    {
      g_set_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_FAILED,
                   _("Could not listen on %s port %u: %s"), address, port, local_error->message);
      return FALSE;
    }
  g_socket_set_blocking (socket, FALSE);

  self->listen_socket = g_steal_pointer (&socket);
  g_free (self->url_host);
  self->url_host = dup_url_host (inet);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  start_accepting (self);

  g_debug ("Serving feeds on %s port %u", address, self->port);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);

  return TRUE;
}

/**
 * quorum_feed_server_is_listening:
 * @self: a #QuorumFeedServer
 *
 * Returns: %TRUE between a successful quorum_feed_server_listen() and
 *   quorum_feed_server_stop()
 */
gboolean
quorum_feed_server_is_listening (QuorumFeedServer *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_SERVER (self), FALSE);

  return self->listen_socket != NULL;
}

/**
 * quorum_feed_server_get_port:
 * @self: a #QuorumFeedServer
 *
 * Returns: the port the server listens on (the chosen one if 0 was asked
 *   for), or 0 when it does not listen
 */
guint
quorum_feed_server_get_port (QuorumFeedServer *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_SERVER (self), 0);

  return self->port;
}

/**
 * quorum_feed_server_dup_url:
 * @self: a listening #QuorumFeedServer
 * @token: a well-formed token
 * @webcal: %TRUE for a webcal:// address, which phones open in their calendar
 *   app, %FALSE for http://
 *
 * Builds the address of the feed that @token opens, such as
 * `webcal://192.168.1.20:8080/feeds/<token>.ics`. When the server listens on
 * every interface, the host is the address of the first interface that is up.
 *
 * Returns: (transfer full): the URL
 */
char *
quorum_feed_server_dup_url (QuorumFeedServer *self,
                            const char       *token,
                            gboolean          webcal)
{
  g_return_val_if_fail (QUORUM_IS_FEED_SERVER (self), NULL);
  g_return_val_if_fail (self->listen_socket != NULL, NULL);
  g_return_val_if_fail (quorum_token_is_well_formed (token), NULL);

  return g_strdup_printf ("%s://%s:%u" FEEDS_PREFIX "%s" FEEDS_SUFFIX,
                          webcal ? "webcal" : "http", self->url_host, self->port, token);
}

/**
 * quorum_feed_server_stop:
 * @self: a #QuorumFeedServer
 *
 * Stops listening and drops every open connection. The tokens and the
 * provider stay, so quorum_feed_server_listen() can start again.
 */
void
quorum_feed_server_stop (QuorumFeedServer *self)
{
  g_return_if_fail (QUORUM_IS_FEED_SERVER (self));

  if (self->accept_source != NULL)
    {
      g_source_destroy (self->accept_source);
      g_clear_pointer (&self->accept_source, g_source_unref);
    }
  g_clear_handle_id (&self->accept_retry_id, g_source_remove);

  forget_connections (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);

  if (self->listen_socket != NULL)
    {
      g_socket_close (self->listen_socket, NULL);
      g_clear_object (&self->listen_socket);
    }

  if (self->port != 0)
    {
      self->port = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
    }
}
