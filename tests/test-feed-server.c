/* test-feed-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "quorum-feed-server.h"
#include "quorum-token.h"

/*
 * The server runs on this thread's main context, as in the app. Clients are
 * plain blocking sockets in other threads (run_clients() spins the main loop
 * until they are done), which also lets a test send malformed or trickled
 * requests that no HTTP library would.
 */

#define FEED_A "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum//Test A//EN\r\nEND:VCALENDAR\r\n"
#define FEED_B "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum//Test B//EN\r\nEND:VCALENDAR\r\n"
#define ETAG_A "feed-a-v1"
#define LAST_MODIFIED_A "Tue, 01 Nov 2022 08:30:00 GMT"

typedef struct
{
  QuorumFeedServer *server;
  char             *token_a;      /* explicit ETag and Last-Modified */
  char             *token_b;      /* neither: the server hashes the body */
  char             *token_gone;   /* on the list, but the provider has no feed */
  guint             port;
  guint             provider_calls;
} Fixture;

typedef struct
{
  guint       status;
  GPtrArray  *header_lines;   /* "Name: value", without Date */
  GHashTable *headers;        /* lowercased name → value */
  GBytes     *body;
  gboolean    got_response;
} Response;

static void
response_free (Response *response)
{
  g_clear_pointer (&response->header_lines, g_ptr_array_unref);
  g_clear_pointer (&response->headers, g_hash_table_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static char *
dup_token (void)
{
  g_autoptr(GError) error = NULL;
  char *token = quorum_token_generate (&error);

  g_assert_no_error (error);
  return token;
}

static GBytes *
provide_feed (const char  *token,
              char       **out_etag,
              GDateTime  **out_last_modified,
              gpointer     user_data)
{
  Fixture *f = user_data;

  f->provider_calls++;
  /* The server passes only tokens from its list. */
  g_assert_true (g_str_equal (token, f->token_a) || g_str_equal (token, f->token_b)
                 || g_str_equal (token, f->token_gone));

  if (g_str_equal (token, f->token_a))
    {
      *out_etag = g_strdup (ETAG_A);
      *out_last_modified = soup_date_time_new_from_http_string (LAST_MODIFIED_A);
      return g_bytes_new_static (FEED_A, strlen (FEED_A));
    }
  if (g_str_equal (token, f->token_b))
    return g_bytes_new_static (FEED_B, strlen (FEED_B));

  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->token_a = dup_token ();
  f->token_b = dup_token ();
  f->token_gone = dup_token ();
  f->server = quorum_feed_server_new ();
  quorum_feed_server_set_tokens (f->server,
                                 (const char * const[]) { f->token_a, f->token_b, f->token_gone, NULL });
  quorum_feed_server_set_provider (f->server, provide_feed, f, NULL);

  quorum_feed_server_listen (f->server, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  f->port = quorum_feed_server_get_port (f->server);
  g_assert_cmpuint (f->port, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->server);
  g_free (f->token_a);
  g_free (f->token_b);
  g_free (f->token_gone);
}

/* Blocking client side, for worker threads. */

static GSocket *
connect_to (guint port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  /* Generous: only there so that a broken server fails the test instead of hanging it. */
  g_socket_set_timeout (socket, 30);
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);

  return socket;
}

static void
send_all (GSocket    *socket,
          const char *data,
          gsize       len)
{
  while (len > 0)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_send (socket, data, len, NULL, &error);

      g_assert_no_error (error);
      data += n;
      len -= n;
    }
}

/* Reads until the server closes: it closes after every response. */
static GByteArray *
receive_all (GSocket *socket)
{
  GByteArray *all = g_byte_array_new ();
  char buf[16384];

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buf, sizeof buf, NULL, &error);

      /* A reset after the response counts as the end too. */
      if (n <= 0)
        break;
      g_byte_array_append (all, (guint8 *)buf, n);
    }

  return all;
}

static Response *
parse_response (GByteArray *raw)
{
  Response *response = g_new0 (Response, 1);
  const char *data = (const char *)raw->data;
  const char *end_of_head;
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = NULL;

  response->header_lines = g_ptr_array_new_with_free_func (g_free);
  response->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  end_of_head = raw->len > 0 ? g_strstr_len (data, raw->len, "\r\n\r\n") : NULL;
  if (end_of_head == NULL)
    {
      response->body = g_bytes_new (NULL, 0);
      return response;
    }

  response->got_response = TRUE;
  head = g_strndup (data, end_of_head - data);
  response->body = g_bytes_new (end_of_head + 4, raw->len - (end_of_head + 4 - data));
  lines = g_strsplit (head, "\r\n", -1);
  /* libsoup answers a request it cannot parse in HTTP/1.0. */
  g_assert_true (g_str_has_prefix (lines[0], "HTTP/1.1 ") || g_str_has_prefix (lines[0], "HTTP/1.0 "));
  response->status = atoi (lines[0] + strlen ("HTTP/1.x "));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;

      g_assert_nonnull (colon);
      name = g_ascii_strdown (lines[i], colon - lines[i]);
      g_hash_table_replace (response->headers, g_strdup (name), g_strstrip (g_strdup (colon + 1)));
      if (!g_str_equal (name, "date"))
        g_ptr_array_add (response->header_lines, g_strdup (lines[i]));
    }

  return response;
}

static Response *
exchange (guint       port,
          const char *request)
{
  g_autoptr(GSocket) socket = connect_to (port);
  g_autoptr(GByteArray) raw = NULL;

  send_all (socket, request, strlen (request));
  raw = receive_all (socket);
  return parse_response (raw);
}

static Response *
exchange_get (guint       port,
              const char *method,
              const char *path,
              const char *extra_headers)
{
  g_autofree char *request = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s\r\n",
                                              method, path, port,
                                              extra_headers != NULL ? extra_headers : "");

  return exchange (port, request);
}

/* Runs n_threads × func (data, i) while the server's main loop turns. */

typedef void (*ClientFunc) (gpointer data,
                            guint    index);

typedef struct
{
  ClientFunc func;
  gpointer   data;
  guint      index;
  int       *n_running;
} ClientThread;

static gpointer
client_thread_main (gpointer user_data)
{
  ClientThread *ct = user_data;

  ct->func (ct->data, ct->index);
  g_atomic_int_add (ct->n_running, -1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
run_clients (guint      n_threads,
             ClientFunc func,
             gpointer   data)
{
  g_autofree ClientThread *threads = g_new0 (ClientThread, n_threads);
  g_autofree GThread **handles = g_new0 (GThread *, n_threads);
  int n_running = n_threads;

  for (guint i = 0; i < n_threads; i++)
    {
      threads[i] = (ClientThread) { func, data, i, &n_running };
      handles[i] = g_thread_new ("client", client_thread_main, &threads[i]);
    }
  while (g_atomic_int_get (&n_running) > 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (handles[i]);
}

typedef struct
{
  guint       port;
  const char *request;
  Response   *response;
} OneExchange;

static void
one_exchange_func (gpointer data,
                   guint    index)
{
  OneExchange *one = data;

  one->response = exchange (one->port, one->request);
}

/* One request from a client thread; the response belongs to the caller. */
static Response *
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *extra_headers)
{
  g_autofree char *text = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s\r\n",
                                           method, path, f->port,
                                           extra_headers != NULL ? extra_headers : "");
  OneExchange one = { f->port, text, NULL };

  run_clients (1, one_exchange_func, &one);
  return one.response;
}

static Response *
request_raw (Fixture    *f,
             const char *text)
{
  OneExchange one = { f->port, text, NULL };

  run_clients (1, one_exchange_func, &one);
  return one.response;
}

static char *
feed_path (const char *token)
{
  return g_strdup_printf ("/feeds/%s.ics", token);
}

static const char *
header (Response   *response,
        const char *name)
{
  return g_hash_table_lookup (response->headers, name);
}

static void
assert_body (Response   *response,
             const char *expected)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (response->body, &len);

  g_assert_cmpmem (data, len, expected, strlen (expected));
}

static void
test_get (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path_a = feed_path (f->token_a);
  g_autofree char *path_b = feed_path (f->token_b);
  g_autoptr(Response) a = request (f, "GET", path_a, NULL);
  g_autoptr(Response) b = request (f, "GET", path_b, NULL);
  g_autoptr(Response) b_again = request (f, "GET", path_b, NULL);
  g_autofree char *length = g_strdup_printf ("%zu", strlen (FEED_A));
  const char *etag_b;

  g_assert_cmpuint (a->status, ==, 200);
  assert_body (a, FEED_A);
  g_assert_cmpstr (header (a, "content-type"), ==, "text/calendar; charset=utf-8");
  g_assert_cmpstr (header (a, "cache-control"), ==, "private, max-age=300");
  g_assert_cmpstr (header (a, "x-content-type-options"), ==, "nosniff");
  g_assert_cmpstr (header (a, "etag"), ==, "\"" ETAG_A "\"");
  g_assert_cmpstr (header (a, "last-modified"), ==, LAST_MODIFIED_A);
  g_assert_cmpstr (header (a, "content-length"), ==, length);
  g_assert_null (header (a, "server"));

  /* No ETag from the provider: a strong one from the body, stable. */
  g_assert_cmpuint (b->status, ==, 200);
  assert_body (b, FEED_B);
  etag_b = header (b, "etag");
  g_assert_nonnull (etag_b);
  g_assert_cmpuint (strlen (etag_b), ==, 34);
  g_assert_true (etag_b[0] == '"' && etag_b[33] == '"');
  g_assert_cmpstr (header (b_again, "etag"), ==, etag_b);
  g_assert_null (header (b, "last-modified"));

  g_assert_cmpuint (f->provider_calls, ==, 3);
}

static void
test_soup_client_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* A real HTTP client understands the answers, conditional ones included. */
static void
test_soup_client (Fixture       *f,
                  gconstpointer  data)
{
  /* No proxy lookup: loopback, and no GSettings schema for it in tests. */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autofree char *url = quorum_feed_server_dup_url (f->server, f->token_a, FALSE);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(SoupMessage) again = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) empty = NULL;
  const char *etag;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    test_soup_client_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), FEED_A, strlen (FEED_A));
  etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");
  g_assert_cmpstr (etag, ==, "\"" ETAG_A "\"");

  soup_message_headers_append (soup_message_get_request_headers (again), "If-None-Match", etag);
  soup_session_send_and_read_async (session, again, G_PRIORITY_DEFAULT, NULL,
                                    test_soup_client_cb, &empty);
  while (empty == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (soup_message_get_status (again), ==, 304);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
}

static const struct
{
  const char *token_name;
  const char *headers;
  guint       status;
} conditional_cases[] = {
  { "a", "If-None-Match: \"" ETAG_A "\"\r\n", 304 },
  { "a", "If-None-Match: W/\"" ETAG_A "\"\r\n", 304 },
  { "a", "If-None-Match: \"other\", \"" ETAG_A "\"\r\n", 304 },
  { "a", "If-None-Match: *\r\n", 304 },
  { "a", "If-None-Match: \"other\"\r\n", 200 },
  { "a", "If-None-Match: " ETAG_A "\r\n", 200 },
  { "a", "If-Modified-Since: " LAST_MODIFIED_A "\r\n", 304 },
  { "a", "If-Modified-Since: Wed, 02 Nov 2022 08:30:00 GMT\r\n", 304 },
  { "a", "If-Modified-Since: Mon, 31 Oct 2022 08:30:00 GMT\r\n", 200 },
  { "a", "If-Modified-Since: not a date\r\n", 200 },
  /* If-None-Match decides alone when both are there. */
  { "a", "If-None-Match: \"other\"\r\nIf-Modified-Since: " LAST_MODIFIED_A "\r\n", 200 },
  /* No Last-Modified: If-Modified-Since cannot match. */
  { "b", "If-Modified-Since: Wed, 02 Nov 2022 08:30:00 GMT\r\n", 200 },
};

static void
test_conditional (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path_b = feed_path (f->token_b);
  g_autoptr(Response) plain_b = request (f, "GET", path_b, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (conditional_cases); i++)
    {
      gboolean is_a = g_str_equal (conditional_cases[i].token_name, "a");
      g_autofree char *path = feed_path (is_a ? f->token_a : f->token_b);
      g_autoptr(Response) response = request (f, "GET", path, conditional_cases[i].headers);
      g_autofree char *shown = g_strescape (conditional_cases[i].headers, NULL);

      g_test_message ("case %u: %s", i, shown);
      g_assert_cmpuint (response->status, ==, conditional_cases[i].status);
      if (response->status == 304)
        {
          g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
          g_assert_cmpstr (header (response, "etag"), ==, "\"" ETAG_A "\"");
          g_assert_cmpstr (header (response, "cache-control"), ==, "private, max-age=300");
        }
      else
        assert_body (response, is_a ? FEED_A : FEED_B);
    }

  /* The computed ETag works as a validator too. */
  {
    g_autofree char *inm = g_strdup_printf ("If-None-Match: %s\r\n", header (plain_b, "etag"));
    g_autoptr(Response) response = request (f, "GET", path_b, inm);

    g_assert_cmpuint (response->status, ==, 304);
    g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
  }
}

static void
test_head (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = feed_path (f->token_a);
  g_autoptr(Response) head = request (f, "HEAD", path, NULL);
  g_autoptr(Response) get = request (f, "GET", path, NULL);
  g_autofree char *length = g_strdup_printf ("%zu", strlen (FEED_A));

  g_assert_cmpuint (head->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (head->body), ==, 0);
  g_assert_cmpstr (header (head, "content-length"), ==, length);
  g_assert_cmpstr (header (head, "etag"), ==, header (get, "etag"));
  g_assert_cmpstr (header (head, "content-type"), ==, "text/calendar; charset=utf-8");
  g_assert_cmpuint (head->header_lines->len, ==, get->header_lines->len);
}

static void
test_methods (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = feed_path (f->token_a);
  const char *methods[] = { "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE" };
  const char *paths[] = { path, "/", "/feeds/x.ics" };

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
      {
        g_autoptr(Response) response = request (f, methods[m], paths[p], NULL);

        g_test_message ("%s %s", methods[m], paths[p]);
        g_assert_cmpuint (response->status, ==, 405);
        g_assert_cmpstr (header (response, "allow"), ==, "GET, HEAD");
        g_assert_cmpstr (header (response, "content-type"), ==, "text/plain; charset=utf-8");
      }

  /* With a body: still 405, and the body is not kept. */
  {
    g_autofree char *text = g_strdup_printf ("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                             "Content-Length: 5\r\n\r\nhello", path);
    g_autoptr(Response) response = request_raw (f, text);

    g_assert_cmpuint (response->status, ==, 405);
  }

  /* A GET with a body is refused too. */
  {
    g_autofree char *text = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                             "Content-Length: 5\r\n\r\nhello", path);
    g_autofree char *chunked_text = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                     "Transfer-Encoding: chunked\r\n\r\n"
                                                     "5\r\nhello\r\n0\r\n\r\n", path);
    g_autoptr(Response) response = request_raw (f, text);
    g_autoptr(Response) chunked = request_raw (f, chunked_text);

    g_assert_cmpuint (response->status, ==, 413);
    g_assert_cmpuint (chunked->status, ==, 413);
  }

  /* None of that reached the provider. */
  g_assert_cmpuint (f->provider_calls, ==, 0);
}

static void
assert_same_response (Response *expected,
                      Response *response)
{
  g_assert_cmpuint (response->status, ==, expected->status);
  g_assert_cmpmem (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body),
                   g_bytes_get_data (expected->body, NULL), g_bytes_get_size (expected->body));
  g_assert_cmpuint (response->header_lines->len, ==, expected->header_lines->len);
  for (guint i = 0; i < expected->header_lines->len; i++)
    g_assert_cmpstr (g_ptr_array_index (response->header_lines, i), ==,
                     g_ptr_array_index (expected->header_lines, i));
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *stranger = dup_token ();
  g_autofree char *stranger_path = feed_path (stranger);
  g_autofree char *gone_path = feed_path (f->token_gone);
  g_autofree char *upper = g_ascii_strup (f->token_a, -1);
  g_autofree char *upper_path = feed_path (upper);
  g_autofree char *short_path = g_strdup_printf ("/feeds/%.51s.ics", f->token_a);
  g_autofree char *no_suffix = g_strdup_printf ("/feeds/%s", f->token_a);
  g_autofree char *extra = g_strdup_printf ("/feeds/%s.ics/x", f->token_a);
  g_autofree char *elsewhere = g_strdup_printf ("/%s.ics", f->token_a);
  g_autofree char *long_name = g_strnfill (10 * 1024, 'a');
  g_autofree char *long_path = g_strdup_printf ("/feeds/%s.ics", long_name);
  const char *paths[] = {
    stranger_path, gone_path, upper_path, short_path, no_suffix, extra, elsewhere, long_path,
    "/feeds/x.ics", "/", "/feeds/", "/feeds", "/../etc/passwd", "/%2e%2e/etc/passwd", "/feeds/../feeds/",
    "/index.html", "/feeds/.ics",
  };
  g_autoptr(Response) first = request (f, "GET", paths[0], NULL);

  g_assert_cmpuint (first->status, ==, 404);
  assert_body (first, "Not found\n");

  for (guint i = 1; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Response) response = request (f, "GET", paths[i], NULL);

      g_test_message ("GET %.60s", paths[i]);
      assert_same_response (first, response);
    }

  /* HEAD says the same, minus the body. */
  {
    g_autoptr(Response) response = request (f, "HEAD", stranger_path, NULL);

    g_assert_cmpuint (response->status, ==, 404);
    g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
  }
}

static void
test_revoke (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path_a = feed_path (f->token_a);
  g_autofree char *path_b = feed_path (f->token_b);
  g_autofree char *stranger = dup_token ();
  g_autofree char *stranger_path = feed_path (stranger);
  g_autoptr(Response) unknown = request (f, "GET", stranger_path, NULL);
  g_autofree char *new_a = dup_token ();
  g_autofree char *new_path = feed_path (new_a);
  g_autofree char *old_token = NULL;

  g_assert_true (quorum_feed_server_revoke_token (f->server, f->token_a));
  g_assert_false (quorum_feed_server_revoke_token (f->server, f->token_a));
  {
    g_autoptr(Response) response = request (f, "GET", path_a, NULL);

    assert_same_response (unknown, response);
  }

  /* Rotation: the provider now answers for the new token. */
  old_token = g_steal_pointer (&f->token_a);
  f->token_a = g_strdup (new_a);
  quorum_feed_server_add_token (f->server, new_a);
  {
    g_autoptr(Response) fresh = request (f, "GET", new_path, NULL);
    g_autoptr(Response) old = request (f, "GET", path_a, NULL);

    g_assert_cmpuint (fresh->status, ==, 200);
    assert_body (fresh, FEED_A);
    assert_same_response (unknown, old);
  }

  /* Replacing the whole list drops the others. */
  quorum_feed_server_set_tokens (f->server, (const char * const[]) { new_a, NULL });
  {
    g_autoptr(Response) b = request (f, "GET", path_b, NULL);
    g_autoptr(Response) fresh = request (f, "GET", new_path, NULL);

    assert_same_response (unknown, b);
    g_assert_cmpuint (fresh->status, ==, 200);
  }

  quorum_feed_server_set_tokens (f->server, NULL);
  {
    g_autoptr(Response) fresh = request (f, "GET", new_path, NULL);

    assert_same_response (unknown, fresh);
  }
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = feed_path (f->token_a);
  g_autofree char *huge_header = g_strnfill (70 * 1024, 'x');
  g_autofree char *huge = g_strdup_printf ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: %s\r\n\r\n",
                                           huge_header);
  const char *requests[] = {
    "this is not HTTP\r\n\r\n",
    "GET\r\n\r\n",
    "GET /feeds/x.ics HTTP/1.1 extra\r\n\r\n",
    "GET /feeds/x.ics HTTP/1.1\r\nno colon here\r\n\r\n",
    "GET /feeds/x.ics HTTP/1.1\r\nHost: a/b\r\n\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(Response) response = request_raw (f, requests[i]);

      g_test_message ("request %u", i);
      g_assert_cmpuint (response->status, ==, 400);
    }

  /* Headers over libsoup's 64 KiB limit: dropped, with a 400 or no answer. */
  {
    g_autoptr(Response) response = request_raw (f, huge);

    g_assert_true (response->status == 0 || response->status == 400);
  }

  /* … and the server keeps serving. */
  {
    g_autoptr(Response) response = request (f, "GET", path, NULL);

    g_assert_cmpuint (response->status, ==, 200);
    assert_body (response, FEED_A);
  }
}

/* Slow clients: one trickles a request a byte every 200 ms, one sends
 * nothing at all; both are dropped after the request timeout, and other
 * clients are served in the meantime. */

typedef struct
{
  Fixture *f;
  int      slow_clients_left;
  guint    served_meanwhile;
  gboolean trickler_dropped;
  gboolean silent_dropped;
} SlowState;

/* TRUE once the server has closed the connection (EOF or reset). */
static gboolean
closed_by_peer (GSocket *socket,
                guint    wait_ms)
{
  g_autoptr(GError) error = NULL;
  char buf[256];
  gssize n;

  if (!g_socket_condition_timed_wait (socket, G_IO_IN, wait_ms * 1000, NULL, NULL))
    return FALSE;
  n = g_socket_receive_with_blocking (socket, buf, sizeof buf, FALSE, NULL, &error);
  return n <= 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
slow_client_func (gpointer data,
                  guint    index)
{
  SlowState *state = data;
  const char *prefix = "GET /feeds/x.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  gsize prefix_len = strlen (prefix);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (index == 0)
    {
      g_autoptr(GSocket) socket = connect_to (state->f->port);

      /* Each byte arrives well within the idle timeout: only the request
       * timeout can stop this one. */
      for (guint i = 0; g_get_monotonic_time () < deadline; i++)
        {
          char byte = i < prefix_len ? prefix[i] : 'a';
          g_autoptr(GError) error = NULL;

          if (g_socket_send (socket, &byte, 1, NULL, &error) < 0 || closed_by_peer (socket, 200))
            {
              state->trickler_dropped = TRUE;
              break;
            }
        }
      g_atomic_int_add (&state->slow_clients_left, -1);
    }
  else if (index == 1)
    {
      g_autoptr(GSocket) socket = connect_to (state->f->port);

      while (g_get_monotonic_time () < deadline)
        if (closed_by_peer (socket, 200))
          {
            state->silent_dropped = TRUE;
            break;
          }
      g_atomic_int_add (&state->slow_clients_left, -1);
    }
  else
    {
      g_autofree char *path = feed_path (state->f->token_b);

      /* Served while the slow ones hold their connections. */
      while (g_atomic_int_get (&state->slow_clients_left) > 0)
        {
          g_autoptr(Response) response = exchange_get (state->f->port, "GET", path, NULL);

          g_assert_cmpuint (response->status, ==, 200);
          g_atomic_int_inc ((int *)&state->served_meanwhile);
          g_usleep (100 * 1000);
        }
    }
}

static void
test_slow_clients (Fixture       *f,
                   gconstpointer  data)
{
  SlowState state = { f, 2, 0, FALSE, FALSE };

  g_test_summary ("A client that trickles its request or sends nothing is disconnected "
                  "after the request timeout, while other clients are served.");
  quorum_feed_server_set_request_timeout (f->server, 2);
  g_assert_cmpuint (quorum_feed_server_get_request_timeout (f->server), ==, 2);

  run_clients (3, slow_client_func, &state);

  g_assert_true (state.trickler_dropped);
  g_assert_true (state.silent_dropped);
  g_test_message ("%u requests served while the slow clients waited", state.served_meanwhile);
  g_assert_cmpuint (state.served_meanwhile, >=, 1);
}

/* 50 clients × 20 requests at once. Scale with QUORUM_TEST_CLIENTS and
 * QUORUM_TEST_REQUESTS (e.g. 200 × 100 for the reliability run). */

typedef struct
{
  Fixture *f;
  guint    n_requests;
  int      n_ok;
  int      n_errors;
} LoadState;

static void
load_client_func (gpointer data,
                  guint    index)
{
  LoadState *state = data;
  g_autofree char *path = feed_path (index % 2 == 0 ? state->f->token_a : state->f->token_b);
  const char *expected = index % 2 == 0 ? FEED_A : FEED_B;

  for (guint i = 0; i < state->n_requests; i++)
    {
      g_autoptr(Response) response = exchange_get (state->f->port, "GET", path, NULL);
      gsize len = 0;
      const char *body = g_bytes_get_data (response->body, &len);

      if (response->status == 200 && len == strlen (expected) && memcmp (body, expected, len) == 0)
        g_atomic_int_inc (&state->n_ok);
      else
        g_atomic_int_inc (&state->n_errors);
    }
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? (guint)atoi (value) : fallback;
}

static void
test_concurrency (Fixture       *f,
                  gconstpointer  data)
{
  guint n_clients = env_uint ("QUORUM_TEST_CLIENTS", 50);
  LoadState state = { f, env_uint ("QUORUM_TEST_REQUESTS", 20), 0, 0 };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  run_clients (n_clients, load_client_func, &state);

  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  g_test_message ("%u clients x %u requests: %d ok, %d errors in %.2f s (%.0f requests/s)",
                  n_clients, state.n_requests, state.n_ok, state.n_errors, seconds,
                  state.n_ok / seconds);
  g_assert_cmpint (state.n_errors, ==, 0);
  g_assert_cmpint (state.n_ok, ==, (int)(n_clients * state.n_requests));
}

static void
test_url (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *webcal = quorum_feed_server_dup_url (f->server, f->token_a, TRUE);
  g_autofree char *http = quorum_feed_server_dup_url (f->server, f->token_a, FALSE);
  g_autofree char *expected = g_strdup_printf ("webcal://127.0.0.1:%u/feeds/%s.ics", f->port, f->token_a);

  g_autofree char *expected_http = g_strdup_printf ("http://127.0.0.1:%u/feeds/%s.ics", f->port, f->token_a);

  g_assert_cmpstr (webcal, ==, expected);
  g_assert_cmpstr (http, ==, expected_http);
}

static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autofree char *path = feed_path (f->token_a);
  guint old_port = f->port;

  g_socket_client_set_enable_proxy (client, FALSE);

  g_assert_true (quorum_feed_server_is_listening (f->server));
  quorum_feed_server_stop (f->server);
  g_assert_false (quorum_feed_server_is_listening (f->server));
  g_assert_cmpuint (quorum_feed_server_get_port (f->server), ==, 0);

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", old_port, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_null (connection);
  g_clear_error (&error);

  /* It can start again, tokens and provider kept. */
  quorum_feed_server_listen (f->server, NULL, 0, &error);
  g_assert_no_error (error);
  f->port = quorum_feed_server_get_port (f->server);
  {
    g_autoptr(Response) response = request (f, "GET", path, NULL);

    g_assert_cmpuint (response->status, ==, 200);
  }
}

static void
test_listen_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(QuorumFeedServer) other = quorum_feed_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (quorum_feed_server_listen (other, "127.0.0.1", f->port, &error));
  g_assert_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_ADDRESS_IN_USE);
  g_assert_nonnull (strstr (error->message, "in use"));
  g_clear_error (&error);

  /* TEST-NET-3 (RFC 5737) is on no machine. */
  g_assert_false (quorum_feed_server_listen (other, "203.0.113.254", 0, &error));
  g_assert_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_ADDRESS_NOT_AVAILABLE);
  g_assert_nonnull (strstr (error->message, "203.0.113.254"));
  g_clear_error (&error);

  g_assert_false (quorum_feed_server_listen (other, "my-laptop", 0, &error));
  g_assert_error (error, QUORUM_FEED_SERVER_ERROR, QUORUM_FEED_SERVER_ERROR_INVALID_ADDRESS);
  g_clear_error (&error);

  g_assert_false (quorum_feed_server_is_listening (other));

  /* Every interface: the URL names a usable address, never 0.0.0.0. */
  g_assert_true (quorum_feed_server_listen (other, "0.0.0.0", 0, &error));
  g_assert_no_error (error);
  {
    g_autofree char *url = quorum_feed_server_dup_url (other, f->token_a, TRUE);

    g_assert_true (g_str_has_prefix (url, "webcal://"));
    g_assert_null (strstr (url, "0.0.0.0"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/feed-server/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("get", test_get);
  ADD ("soup-client", test_soup_client);
  ADD ("conditional", test_conditional);
  ADD ("head", test_head);
  ADD ("methods", test_methods);
  ADD ("not-found", test_not_found);
  ADD ("revoke", test_revoke);
  ADD ("malformed", test_malformed);
  ADD ("slow-clients", test_slow_clients);
  ADD ("concurrency", test_concurrency);
  ADD ("url", test_url);
  ADD ("stop", test_stop);
  ADD ("listen-errors", test_listen_errors);
#undef ADD

  return g_test_run ();
}
