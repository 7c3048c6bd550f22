/* fuzz-feed-request.c: the feed server's decisions about a raw HTTP request.
 *
 * The bytes are parsed by libsoup's request parser, as the server's
 * connection does, and then go through the same checks the server makes:
 * method and body, the target and its token, and the conditional headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "quorum-feed-server-private.h"
#include "quorum-token.h"
#include "quorum-fuzz.h"

/* Two well-formed tokens the server knows; the seed corpus uses the first. */
#define TOKEN_A "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxya"
#define TOKEN_B "zyxwvutsrqponmlkjihgfedcbazyxwvutsrqponmlkjihgfedcbq"

static QuorumFeedServer *
get_server (void)
{
  static QuorumFeedServer *server;

  if (server == NULL)
    {
      const char *tokens[] = { TOKEN_A, TOKEN_B, NULL };

      g_assert (quorum_token_is_well_formed (TOKEN_A));
      g_assert (quorum_token_is_well_formed (TOKEN_B));
      server = quorum_feed_server_new ();
      quorum_feed_server_set_tokens (server, tokens);
    }

  return server;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GDateTime) last_modified = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *method = NULL;
  g_autofree char *target = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *provided = NULL;
  const char *token;
  SoupHTTPVersion version;
  guint status;

  quorum_fuzz_init ();

  if (size > 16384)
    return 0;

  /* The last header line is the entity tag a provider might hand back. */
  {
    const guint8 *nul = memchr (data, '\0', size);

    if (nul != NULL)
      {
        provided = g_strndup ((const char *)nul + 1, size - (nul + 1 - data));
        size = nul - data;
      }
  }

  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  status = soup_headers_parse_request ((const char *)data, size, headers, &method, &target,
                                       &version);
  if (status != SOUP_STATUS_OK)
    return 0;

  status = _quorum_feed_server_check_headers (method, headers);
  g_assert (status == SOUP_STATUS_NONE
            || status == SOUP_STATUS_METHOD_NOT_ALLOWED
            || status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
  if (status == SOUP_STATUS_NONE)
    g_assert (g_str_equal (method, "GET") || g_str_equal (method, "HEAD"));

  /* libsoup resolves the target against the Host as the server does. */
  base = g_uri_parse ("http://localhost:8080/", SOUP_HTTP_URI_FLAGS, NULL);
  uri = g_uri_parse_relative (base, target, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    return 0;

  token = _quorum_feed_server_match_target (get_server (), g_uri_get_path (uri),
                                            g_uri_get_query (uri));
  if (token != NULL)
    g_assert (g_str_equal (token, TOKEN_A) || g_str_equal (token, TOKEN_B));

  body = g_bytes_new_static ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 32);
  etag = _quorum_feed_server_dup_entity_tag (provided, body);
  g_assert (etag[0] == '"' && etag[strlen (etag) - 1] == '"');
  last_modified = g_date_time_new_utc (2024, 5, 1, 8, 0, 0);
  _quorum_feed_server_is_not_modified (headers, etag, last_modified);
  _quorum_feed_server_is_not_modified (headers, etag, NULL);

  return 0;
}
