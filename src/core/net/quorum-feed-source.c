/* quorum-feed-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "quorum-feed-publisher.h"
#include "quorum-feed-source.h"
#include "quorum-store-ics.h"

/**
 * QuorumFeedSource:
 *
 * The store's phone feeds: maps each feed token to that person's FEED
 * export (or the whole office's), keeps the bytes and ETag of each feed
 * until the store changes, and keeps a #QuorumFeedServer's token list in
 * step with the store.
 */
struct _QuorumFeedSource
{
  GObject           parent_instance;

  QuorumStore      *store;
  QuorumFeedServer *server;     /* weak */
  GHashTable       *tokens;     /* token → gint64 person id; NULL until read */
  GHashTable       *cache;      /* token → CachedFeed */
};

typedef struct
{
  GBytes *bytes;
  char   *etag;
} CachedFeed;

G_DEFINE_FINAL_TYPE (QuorumFeedSource, quorum_feed_source, G_TYPE_OBJECT)

static void
cached_feed_free (gpointer data)
{
  CachedFeed *feed = data;

  g_bytes_unref (feed->bytes);
  g_free (feed->etag);
  g_free (feed);
}

static GHashTable *
get_tokens (QuorumFeedSource *self)
{
  if (self->tokens == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->tokens = quorum_store_list_feed_tokens (self->store, &error);
      if (self->tokens == NULL)
        {
          g_warning ("Could not read the feed tokens: %s", error->message);
          self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
    }
  return self->tokens;
}

static void
sync_server_tokens (QuorumFeedSource *self)
{
  g_autofree const char **tokens = NULL;

  if (self->server == NULL)
    return;
  tokens = (const char **)g_hash_table_get_keys_as_array (get_tokens (self), NULL);
  quorum_feed_server_set_tokens (self->server, tokens);
}

static void
on_store_changed_cb (QuorumFeedSource *self,
                     const char       *entity,
                     gint64            id)
{
  g_hash_table_remove_all (self->cache);
  if (g_strcmp0 (entity, "feed-token") == 0 || g_strcmp0 (entity, "person") == 0 ||
      g_strcmp0 (entity, "external") == 0)
    {
      g_clear_pointer (&self->tokens, g_hash_table_unref);
      sync_server_tokens (self);
    }
}

static GBytes *
provide_feed (const char  *token,
              char       **out_etag,
              GDateTime  **out_last_modified,
              gpointer     user_data)
{
  QuorumFeedSource *self = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = quorum_feed_source_dup_feed (self, token, out_etag, &error);
  if (bytes == NULL && error != NULL)
    g_warning ("Could not build a feed: %s", error->message);
  return bytes;
}

static void
quorum_feed_source_dispose (GObject *object)
{
  QuorumFeedSource *self = (QuorumFeedSource *)object;

  g_clear_weak_pointer (&self->server);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_feed_source_parent_class)->dispose (object);
}

static void
quorum_feed_source_finalize (GObject *object)
{
  QuorumFeedSource *self = (QuorumFeedSource *)object;

  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_feed_source_parent_class)->finalize (object);
}

static void
quorum_feed_source_class_init (QuorumFeedSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_feed_source_dispose;
  object_class->finalize = quorum_feed_source_finalize;
}

static void
quorum_feed_source_init (QuorumFeedSource *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_feed_free);
}

/**
 * quorum_feed_source_new:
 * @store: the store to serve
 *
 * Returns: (transfer full): a new #QuorumFeedSource
 */
QuorumFeedSource *
quorum_feed_source_new (QuorumStore *store)
{
  QuorumFeedSource *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_FEED_SOURCE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * quorum_feed_source_get_store:
 * @self: a #QuorumFeedSource
 *
 * Returns: (transfer none): the store
 */
QuorumStore *
quorum_feed_source_get_store (QuorumFeedSource *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_SOURCE (self), NULL);
  return self->store;
}

/**
 * quorum_feed_source_attach:
 * @self: a #QuorumFeedSource
 * @server: the server that serves the feeds
 *
 * Makes @self the content of @server: its provider, and its token list,
 * kept in step as tokens are made, rotated and revoked.
 */
void
quorum_feed_source_attach (QuorumFeedSource *self,
                           QuorumFeedServer *server)
{
  g_return_if_fail (QUORUM_IS_FEED_SOURCE (self));
  g_return_if_fail (QUORUM_IS_FEED_SERVER (server));

  g_set_weak_pointer (&self->server, server);
  quorum_feed_server_set_provider (server, provide_feed, g_object_ref (self), g_object_unref);
  sync_server_tokens (self);
}

static char *
dup_calendar_name (QuorumFeedSource *self,
                   gint64            person_id)
{
  g_autoptr(QuorumPerson) person = NULL;

  if (person_id == 0 || !(person = quorum_store_get_person (self->store, person_id, NULL)))
    return g_strdup (_("Whole office — duty calendar"));
  /* Translators: the name of a person's calendar on their phone. */
  return g_strdup_printf (_("%s — duty calendar"), quorum_person_get_name (person));
}

/**
 * quorum_feed_source_dup_feed:
 * @self: a #QuorumFeedSource
 * @token: a feed token
 * @out_etag: (out) (optional) (transfer full): the entity tag of the feed
 * @error: return location for a #GError
 *
 * The FEED export of the person @token belongs to (or of the whole office),
 * from the cache when the store has not changed since it was built.
 *
 * Returns: (transfer full) (nullable): the iCalendar bytes; %NULL without an
 *   error for a token that opens no feed
 */
GBytes *
quorum_feed_source_dup_feed (QuorumFeedSource  *self,
                             const char        *token,
                             char             **out_etag,
                             GError           **error)
{
  CachedFeed *feed;
  gint64 *person_id;

  g_return_val_if_fail (QUORUM_IS_FEED_SOURCE (self), NULL);
  g_return_val_if_fail (token != NULL, NULL);

  feed = g_hash_table_lookup (self->cache, token);
  if (feed == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      QuorumExportScope scope = { 0 };
      QuorumIcsExportOptions options = { 0 };
      gsize len = 0;

      if (!(person_id = g_hash_table_lookup (get_tokens (self), token)))
        return NULL;

      name = dup_calendar_name (self, *person_id);
      scope.person_id = *person_id;
      options.calendar_name = name;
      options.refresh_minutes = QUORUM_FEED_REFRESH_MINUTES;
      if (!(text = quorum_store_export_ics (self->store, &scope, QUORUM_EXPORT_FEED, &options,
                                            &len, error)))
        return NULL;

      feed = g_new0 (CachedFeed, 1);
      feed->bytes = g_bytes_new_take (g_steal_pointer (&text), len);
      feed->etag = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, feed->bytes);
      g_hash_table_insert (self->cache, g_strdup (token), feed);
    }

  if (out_etag != NULL)
    *out_etag = g_strdup (feed->etag);
  return g_bytes_ref (feed->bytes);
}

/**
 * quorum_feed_source_publish:
 * @self: a #QuorumFeedSource
 * @dir: the folder
 * @out_n_feeds: (out) (optional): how many feeds were written
 * @error: return location for a #GError
 *
 * Writes every feed that has a token into @dir as `TOKEN.ics`, so that a
 * web server publishing the folder gives the same secret addresses;
 * replaced atomically, and the files of revoked tokens are removed.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_feed_source_publish (QuorumFeedSource  *self,
                            const char        *dir,
                            guint             *out_n_feeds,
                            GError           **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)g_bytes_unref);
  GHashTableIter iter;
  gpointer token;

  g_return_val_if_fail (QUORUM_IS_FEED_SOURCE (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  g_hash_table_iter_init (&iter, get_tokens (self));
  while (g_hash_table_iter_next (&iter, &token, NULL))
    {
      GBytes *bytes = quorum_feed_source_dup_feed (self, token, NULL, error);

      if (bytes == NULL)
        return FALSE;
      g_hash_table_insert (files, g_strdup_printf ("%s.ics", (const char *)token), bytes);
    }

  if (!quorum_feed_publish_to_folder (dir, files, error))
    return FALSE;
  if (out_n_feeds != NULL)
    *out_n_feeds = g_hash_table_size (files);
  return TRUE;
}

/**
 * quorum_feed_format_url:
 * @host: the host or address, IPv6 without brackets
 * @port: the port
 * @token: a feed token
 * @webcal: `webcal://` (calendar apps subscribe) rather than `http://`
 *
 * The address of a feed as the server serves it, for showing before the
 * server listens.
 *
 * Returns: (transfer full): the URL
 */
char *
quorum_feed_format_url (const char *host,
                        guint       port,
                        const char *token,
                        gboolean    webcal)
{
  gboolean v6 = strchr (host, ':') != NULL;

  return g_strdup_printf ("%s://%s%s%s:%u/feeds/%s.ics", webcal ? "webcal" : "http",
                          v6 ? "[" : "", host, v6 ? "]" : "", port, token);
}

/**
 * quorum_feed_list_local_addresses:
 *
 * The IPv4 addresses the feed server can listen on: loopback first, then
 * the address of each interface that is up.
 *
 * Returns: (transfer full): the addresses
 */
GStrv
quorum_feed_list_local_addresses (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct ifaddrs *list = NULL;

  g_strv_builder_add (builder, "127.0.0.1");
  g_hash_table_add (seen, g_strdup ("127.0.0.1"));

  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
        {
          g_autoptr(GSocketAddress) address = NULL;
          char *text;

          if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family != AF_INET ||
              (ifa->ifa_flags & IFF_UP) == 0)
            continue;
          address = g_socket_address_new_from_native (ifa->ifa_addr, sizeof (struct sockaddr_in));
          text = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
          if (g_hash_table_add (seen, text))
            g_strv_builder_add (builder, text);
        }
      freeifaddrs (list);
    }

  return g_strv_builder_end (builder);
}
