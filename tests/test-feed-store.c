/* test-feed-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's phone feeds served over loopback, as a phone would fetch them.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "quorum-feed-server.h"
#include "quorum-feed-source.h"
#include "quorum-feed-tokens.h"
#include "quorum-store-ics.h"

typedef struct
{
  char             *dir;
  QuorumStore      *store;
  QuorumFeedSource *source;
  QuorumFeedServer *server;
  SoupSession      *session;
  GTimeZone        *tz;
  gint64            zhang;
  gint64            li;
} Fixture;

typedef struct
{
  guint   status;
  char   *etag;
  GBytes *body;
} Reply;

static void
reply_free (Reply *reply)
{
  g_free (reply->etag);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static gint64
add_person (Fixture    *f,
            const char *name,
            int         rank)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", rank);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (f->store, person, &error);

  g_assert_no_error (error);
  return id;
}

static void
add_series (Fixture    *f,
            const char *title,
            const char *start,
            gint64      person)
{
  g_autoptr(GDateTime) dtstart = g_date_time_new_from_iso8601 (start, f->tz);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, dtstart);
  g_autoptr(GError) error = NULL;

  quorum_series_set_rrule (series, "FREQ=WEEKLY");
  quorum_series_add_participant_person (series, person);
  quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("quorum-feed-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "quorum.db", NULL);
  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  f->store = quorum_store_new (db);
  now = g_date_time_new_from_iso8601 ("2026-01-10T12:00:00", f->tz);
  quorum_store_set_now (f->store, now);

  f->zhang = add_person (f, "张三", 1);
  f->li = add_person (f, "李四", 2);
  add_series (f, "张三的周例会", "2026-01-05T09:00:00", f->zhang);
  add_series (f, "李四的接待日", "2026-01-06T14:00:00", f->li);

  f->source = quorum_feed_source_new (f->store);
  f->server = quorum_feed_server_new ();
  quorum_feed_source_attach (f->source, f->server);
  quorum_feed_server_listen (f->server, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  f->session = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->session);
  quorum_feed_server_stop (f->server);
  g_assert_finalize_object (f->server);
  g_assert_finalize_object (f->source);
  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_time_zone_unref (f->tz);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

/* A request on this thread, spinning the main loop (the server runs on it). */
static Reply *
request (Fixture    *f,
         const char *method,
         const char *url,
         const char *if_none_match)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Reply *reply = g_new0 (Reply, 1);
  GBytes *body = NULL;

  g_assert_nonnull (msg);
  if (if_none_match != NULL)
    soup_message_headers_append (soup_message_get_request_headers (msg), "If-None-Match",
                                 if_none_match);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);

  reply->status = soup_message_get_status (msg);
  reply->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                        "ETag"));
  reply->body = body;
  return reply;
}

static char *
feed_url (Fixture *f,
          gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = quorum_feed_token_dup (f->store, person_id, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (token);
  return quorum_feed_server_dup_url (f->server, token, FALSE);
}

static gboolean
body_contains (Reply      *reply,
               const char *text)
{
  g_autofree char *body = g_strndup (g_bytes_get_data (reply->body, NULL),
                                     g_bytes_get_size (reply->body));

  return strstr (body, text) != NULL;
}

static void
test_person_feed (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = feed_url (f, f->zhang);
  g_autofree char *office_url = feed_url (f, 0);
  g_autoptr(Reply) first = request (f, "GET", url, NULL);
  g_autoptr(Reply) again = NULL;
  g_autoptr(Reply) office = NULL;

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_true (body_contains (first, "张三的周例会"));
  g_assert_false (body_contains (first, "李四的接待日"));
  g_assert_true (body_contains (first, "X-WR-CALNAME:张三"));
  g_assert_nonnull (first->etag);

  again = request (f, "GET", url, first->etag);
  g_assert_cmpuint (again->status, ==, 304);

  office = request (f, "GET", office_url, NULL);
  g_assert_cmpuint (office->status, ==, 200);
  g_assert_true (body_contains (office, "张三的周例会"));
  g_assert_true (body_contains (office, "李四的接待日"));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *url = feed_url (f, f->zhang);
  g_autofree char *bad = g_strdup (url);
  char *token_start = strstr (bad, "/feeds/") + strlen ("/feeds/");
  g_autoptr(Reply) wrong = NULL;
  g_autoptr(Reply) post = NULL;

  /* Same length and alphabet, one character off. */
  *token_start = *token_start == 'a' ? 'b' : 'a';
  wrong = request (f, "GET", bad, NULL);
  g_assert_cmpuint (wrong->status, ==, 404);

  post = request (f, "POST", url, NULL);
  g_assert_cmpuint (post->status, ==, 405);
}

static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *old_url = feed_url (f, f->zhang);
  g_autofree char *new_url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(Reply) before = request (f, "GET", old_url, NULL);
  g_autoptr(Reply) old_reply = NULL;
  g_autoptr(Reply) new_reply = NULL;
  g_autoptr(Reply) revoked = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (before->status, ==, 200);
  token = quorum_feed_token_rotate (f->store, f->zhang, &error);
  g_assert_no_error (error);
  new_url = quorum_feed_server_dup_url (f->server, token, FALSE);
  g_assert_cmpstr (new_url, !=, old_url);

  old_reply = request (f, "GET", old_url, NULL);
  g_assert_cmpuint (old_reply->status, ==, 404);
  new_reply = request (f, "GET", new_url, NULL);
  g_assert_cmpuint (new_reply->status, ==, 200);

  quorum_feed_token_revoke (f->store, f->zhang, &error);
  g_assert_no_error (error);
  revoked = request (f, "GET", new_url, NULL);
  g_assert_cmpuint (revoked->status, ==, 404);
}

static void
test_invalidated (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = feed_url (f, f->zhang);
  g_autoptr(Reply) first = request (f, "GET", url, NULL);
  g_autoptr(Reply) cached = NULL;
  g_autoptr(Reply) changed = NULL;
  g_autoptr(Reply) stale = NULL;

  cached = request (f, "GET", url, NULL);
  g_assert_cmpstr (cached->etag, ==, first->etag);

  add_series (f, "张三的调研", "2026-01-07T08:00:00", f->zhang);
  changed = request (f, "GET", url, NULL);
  g_assert_cmpuint (changed->status, ==, 200);
  g_assert_cmpstr (changed->etag, !=, first->etag);
  g_assert_true (body_contains (changed, "张三的调研"));

  stale = request (f, "GET", url, first->etag);
  g_assert_cmpuint (stale->status, ==, 200);
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "published", NULL);
  g_autofree char *zhang = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_mkdir (out, 0700);
  zhang = quorum_feed_token_dup (f->store, f->zhang, TRUE, &error);
  g_free (quorum_feed_token_dup (f->store, 0, TRUE, &error));
  g_assert_no_error (error);

  quorum_feed_source_publish (f->source, out, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  path = g_strdup_printf ("%s/%s.ics", out, zhang);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "张三的周例会"));

  /* A revoked feed disappears from the folder on the next publish. */
  quorum_feed_token_revoke (f->store, f->zhang, &error);
  g_assert_no_error (error);
  quorum_feed_source_publish (f->source, out, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  {
    g_autofree char *published = NULL;
    /* Cleaned by the tear-down only at the top level: remove what we made. */
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_free (published);
        published = g_build_filename (out, name, NULL);
        g_unlink (published);
      }
    g_rmdir (out);
  }
}

static void
test_url_format (void)
{
  g_autofree char *v4 = quorum_feed_format_url ("192.168.1.5", 8739, "abc", TRUE);
  g_autofree char *v6 = quorum_feed_format_url ("fe80::1", 8739, "abc", FALSE);
  g_auto(GStrv) addresses = quorum_feed_list_local_addresses ();

  g_assert_cmpstr (v4, ==, "webcal://192.168.1.5:8739/feeds/abc.ics");
  g_assert_cmpstr (v6, ==, "http://[fe80::1]:8739/feeds/abc.ics");
  g_assert_cmpstr (addresses[0], ==, "127.0.0.1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/feed-store/person-feed", test_person_feed);
  ADD ("/core/feed-store/refusals", test_refusals);
  ADD ("/core/feed-store/rotate", test_rotate);
  ADD ("/core/feed-store/invalidated", test_invalidated);
  ADD ("/core/feed-store/publish", test_publish);
  g_test_add_func ("/core/feed-store/url-format", test_url_format);

  return g_test_run ();
}
