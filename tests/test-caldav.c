/* test-caldav.c: the CalDAV client and publisher against a real Radicale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each server test starts its own Radicale on 127.0.0.1 with a free port, an
 * htpasswd file and storage in the test's temporary folder, and always stops
 * it: in the teardown, and from an atexit/signal guard when an assertion
 * aborts. Without Radicale those tests are skipped. Nothing but 127.0.0.1 is
 * ever contacted.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>

#include "quorum-caldav-client.h"
#include "quorum-caldav-publisher.h"
#include "quorum-dav-xml.h"
#include "quorum-ics.h"
#include "quorum-test-radicale.h"

#define USER     QUORUM_TEST_RADICALE_USER
#define PASSWORD QUORUM_TEST_RADICALE_PASSWORD

typedef QuorumTestRadicale Radicale;

#define ADD_SERVER_TEST QUORUM_TEST_ADD_RADICALE

/* ------------------------------------------------------------------------ */
/* A sample office                                                            */

#define N_SINGLES   20
#define N_SERIES    5
#define N_OVERRIDES 2

static GDateTime *
shanghai (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static QuorumIcsEvent *
make_event (const char *uid,
            const char *summary,
            GDateTime  *start,
            int         minutes)
{
  QuorumIcsEvent *ev = quorum_ics_event_new ();

  ev->uid = g_strdup (uid);
  ev->summary = g_strdup (summary);
  ev->tzid = g_strdup ("Asia/Shanghai");
  ev->dtstart = g_date_time_ref (start);
  ev->dtend = g_date_time_add_minutes (start, minutes);
  ev->location = g_strdup ("区委三楼第一会议室");
  ev->description = g_strdup ("依据栖霞〔2022〕5号文件；请准时参加，带好笔记本。");
  return ev;
}

static char *
single_uid (guint i)
{
  return g_strdup_printf ("meeting-%02u@qixia.example", i);
}

static char *
series_uid (guint s)
{
  return g_strdup_printf ("series-%u@qixia.example", s);
}

/* 20 single meetings and 5 weekly series with 2 moved occurrences each: 35
 * events in 25 resources. */
static GPtrArray *
sample_office (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);

  for (guint i = 0; i < N_SINGLES; i++)
    {
      g_autoptr(GDateTime) start = shanghai (2026, 3, 2 + i, 9, 0);
      g_autofree char *uid = single_uid (i);
      g_autofree char *summary = g_strdup_printf ("第%u次党组会议：传达学习上级精神", i + 1);

      g_ptr_array_add (events, make_event (uid, summary, start, 120));
    }

  for (guint s = 0; s < N_SERIES; s++)
    {
      g_autoptr(GDateTime) start = shanghai (2026, 3, 2 + s, 14, 30);
      g_autofree char *uid = series_uid (s);
      g_autofree char *summary = g_strdup_printf ("理论学习中心组学习（第%u组）", s + 1);
      QuorumIcsEvent *master = make_event (uid, summary, start, 90);

      master->rrule = g_strdup ("FREQ=WEEKLY;COUNT=12");
      g_ptr_array_add (events, master);

      for (guint k = 0; k < N_OVERRIDES; k++)
        {
          g_autoptr(GDateTime) original = g_date_time_add_weeks (start, 2 + 3 * k);
          g_autoptr(GDateTime) moved = g_date_time_add_hours (original, 1);
          g_autofree char *moved_summary = g_strdup_printf ("%s（改期）", summary);
          QuorumIcsEvent *ev = make_event (uid, moved_summary, moved, 90);

          ev->recurrence_id = g_date_time_ref (original);
          g_ptr_array_add (events, ev);
        }
    }
  return events;
}

static QuorumIcsEvent *
find_event (GPtrArray  *events,
            const char *uid,
            gboolean    master)
{
  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);

      if (g_strcmp0 (ev->uid, uid) == 0 && (ev->recurrence_id == NULL) == master)
        return ev;
    }
  return NULL;
}

static void
remove_event (GPtrArray      *events,
              QuorumIcsEvent *ev)
{
  g_assert_true (g_ptr_array_remove (events, ev));
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static QuorumCaldavCalendar *
ensure_calendar (Radicale *fixture)
{
  g_autoptr(GError) error = NULL;
  QuorumCaldavCalendar *calendar;

  calendar = quorum_caldav_client_ensure_calendar (fixture->client, "quorum", "栖霞区履职日历",
                                                   NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static void
publish (Radicale                  *fixture,
         const char                *href,
         GPtrArray                 *events,
         QuorumCaldavState         *state,
         QuorumCaldavPublishReport *report)
{
  g_autoptr(GError) error = NULL;

  quorum_caldav_publish_report_clear (report);
  quorum_caldav_publish (fixture->client, href, events, state, report, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("published: %u created, %u updated, %u deleted, %u overwritten, "
                  "%u unchanged, %u requests",
                  report->n_created, report->n_updated, report->n_deleted,
                  report->n_overwritten, report->n_unchanged, report->n_requests);
}

/* Servers escape paths their own way: Radicale writes @ as %40. */
static void
assert_same_href (const char *a,
                  const char *b)
{
  g_autofree char *da = g_uri_unescape_string (a, NULL);
  g_autofree char *db = g_uri_unescape_string (b, NULL);

  g_assert_cmpstr (da, ==, db);
}

/* href → etag of everything on the server, read with a calendar-query
 * REPORT. */
static GHashTable *
server_etags (Radicale   *fixture,
              const char *href,
              GPtrArray **out_resources)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  GHashTable *etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  resources = quorum_caldav_client_query (fixture->client, href, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < resources->len; i++)
    {
      QuorumCaldavResource *resource = g_ptr_array_index (resources, i);

      g_assert_nonnull (resource->etag);
      g_hash_table_insert (etags, g_strdup (resource->href), g_strdup (resource->etag));
    }
  if (out_resources != NULL)
    *out_resources = g_steal_pointer (&resources);
  return etags;
}

static void
assert_summary_on_server (Radicale   *fixture,
                          const char *href,
                          const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *data = NULL;
  QuorumIcsEvent *ev;

  data = quorum_caldav_client_get (fixture->client, href, NULL, NULL, &error);
  g_assert_no_error (error);
  parsed = quorum_ics_parse (data, strlen (data), href, NULL, &error);
  g_assert_no_error (error);
  ev = find_event (parsed, ((QuorumIcsEvent *) g_ptr_array_index (parsed, 0))->uid, TRUE);
  g_assert_nonnull (ev);
  g_assert_cmpstr (ev->summary, ==, summary);
}

/* ------------------------------------------------------------------------ */
/* Tests without a server                                                    */

static void
test_xml_prefixes (void)
{
  static const char reply[] =
    "<?xml version=\"1.0\"?>\n"
    "<X:multistatus xmlns:X=\"DAV:\" xmlns=\"urn:ietf:params:xml:ns:caldav\">"
    " <X:sync-token>tok-1</X:sync-token>"
    " <X:response><X:href>/cal/a%40b.ics</X:href>"
    "  <X:propstat><X:prop><X:getetag>\"e1\"</X:getetag>"
    "   <calendar-data><![CDATA[BEGIN:VCALENDAR]]></calendar-data>"
    "   <displayname xmlns=\"DAV:\">不是 CalDAV 的名字</displayname>"
    "   <q:getctag xmlns:q=\"http://calendarserver.org/ns/\">c9</q:getctag>"
    "  </X:prop><X:status>HTTP/1.1 200 OK</X:status></X:propstat>"
    "  <X:propstat><X:prop><X:getcontenttype/></X:prop>"
    "   <X:status>HTTP/1.1 404 Not Found</X:status></X:propstat>"
    " </X:response>"
    " <X:response><X:href>/cal/gone.ics</X:href><X:status>HTTP/1.1 404 Not Found</X:status>"
    " </X:response>"
    " <X:response><X:status>HTTP/1.1 200 OK</X:status></X:response>"
    "</X:multistatus>";
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  const QuorumDavResponse *response;
  g_autofree char *etag = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ctag = NULL;

  ms = quorum_dav_multistatus_parse (reply, strlen (reply), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms->sync_token, ==, "tok-1");
  /* The response without an href is dropped. */
  g_assert_cmpuint (ms->responses->len, ==, 2);

  response = g_ptr_array_index (ms->responses, 0);
  g_assert_cmpstr (response->href, ==, "/cal/a%40b.ics");
  etag = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_DAV, "getetag");
  g_assert_cmpstr (etag, ==, "\"e1\"");
  data = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_CALDAV, "calendar-data");
  g_assert_cmpstr (data, ==, "BEGIN:VCALENDAR");
  name = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_DAV, "displayname");
  g_assert_cmpstr (name, ==, "不是 CalDAV 的名字");
  ctag = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_CS, "getctag");
  g_assert_cmpstr (ctag, ==, "c9");
  /* Prefixes mean nothing: getetag in the CalDAV namespace is not DAV's, and
   * a property of a 404 propstat is not there. */
  g_assert_null (quorum_dav_response_get_prop (response, QUORUM_DAV_NS_CALDAV, "getetag"));
  g_assert_null (quorum_dav_response_get_prop (response, QUORUM_DAV_NS_DAV, "getcontenttype"));

  response = g_ptr_array_index (ms->responses, 1);
  g_assert_cmpuint (response->status, ==, 404);
}

static void
test_xml_refuses (void)
{
  static const char *const bad[] = {
    "<html><body>It works!</body></html>",
    "<d:multistatus xmlns:d=\"DAV:\"><x:response/></d:multistatus>",
    "<multistatus xmlns=\"urn:other\"></multistatus>",
    "<d:multistatus xmlns:d=\"DAV:\">",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumDavMultistatus) ms = quorum_dav_multistatus_parse (bad[i], strlen (bad[i]),
                                                                         &error);

      g_assert_null (ms);
      g_assert_error (error, G_MARKUP_ERROR, error->code);
    }
}

static void
test_state_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumCaldavState) state = NULL;
  g_autoptr(QuorumCaldavState) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hashed = NULL;

  state = quorum_caldav_state_new_from_data ("[Calendar]\nHref=/u/cal/\nSyncToken=t\n"
                                             "[Resource 1]\nUid=a;b=c\nHref=/u/cal/x.ics\n"
                                             "ETag=\"1\"\nHash=ab\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_caldav_state_get_calendar (state), ==, "/u/cal/");
  g_assert_cmpstr (quorum_caldav_state_get_sync_token (state), ==, "t");
  g_assert_cmpuint (quorum_caldav_state_get_n_resources (state), ==, 1);
  g_assert_cmpstr (quorum_caldav_state_get_etag (state, "a;b=c"), ==, "\"1\"");

  data = quorum_caldav_state_to_data (state);
  again = quorum_caldav_state_new_from_data (data, &error);
  g_assert_no_error (error);
  data_again = quorum_caldav_state_to_data (again);
  g_assert_cmpstr (data, ==, data_again);

  g_clear_pointer (&again, quorum_caldav_state_free);
  again = quorum_caldav_state_new_from_data ("[Resource 1]\nUid=a\nHash=ab\n", &error);
  g_assert_null (again);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "Href"));

  name = quorum_caldav_resource_name_for_uid ("series-1@qixia.example");
  g_assert_cmpstr (name, ==, "series-1@qixia.example.ics");
  hashed = quorum_caldav_resource_name_for_uid ("会议/1");
  g_assert_true (g_str_has_suffix (hashed, ".ics"));
  g_assert_null (strchr (hashed, '/'));
}

static void
test_network_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/dav/", quorum_test_radicale_find_free_port ());
  g_autoptr(QuorumCaldavClient) client = quorum_caldav_client_new (url, USER, PASSWORD);
  g_autoptr(GPtrArray) calendars = NULL;

  calendars = quorum_caldav_client_discover (client, NULL, &error);
  g_assert_null (calendars);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_null (strstr (error->message, PASSWORD));
}

static void
test_invalid_url (void)
{
  static const char *const urls[] = { "", "dav.example.com", "ftp://127.0.0.1/", "http://" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumCaldavClient) client = quorum_caldav_client_new (urls[i], USER, PASSWORD);
      g_autoptr(GPtrArray) calendars = quorum_caldav_client_discover (client, NULL, &error);

      g_assert_null (calendars);
      g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_URL);
      g_assert_cmpuint (quorum_caldav_client_get_request_count (client), ==, 0);
    }
}

/* A plain web server in a thread of its own: a page at /, 404 elsewhere. */
typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  guint         port;
  GMutex        mutex;
  GCond         cond;
  gboolean      ready;
} PlainServer;

static void
plain_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  static const char page[] = "<!DOCTYPE html><html><body><h1>栖霞区政府门户</h1></body></html>";

  soup_server_message_set_status (msg, strcmp (path, "/") == 0 ? 200 : 404, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    page, strlen (page));
}

static gpointer
plain_server_thread (gpointer data)
{
  PlainServer *plain = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (plain->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, plain_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_mutex_lock (&plain->mutex);
  plain->port = g_uri_get_port (uris->data);
  plain->ready = TRUE;
  g_cond_signal (&plain->cond);
  g_mutex_unlock (&plain->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (plain->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (plain->context);
  return NULL;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_not_caldav (void)
{
  PlainServer plain = { 0 };
  g_autofree char *url = NULL;
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&plain.mutex);
  g_cond_init (&plain.cond);
  plain.context = g_main_context_new ();
  plain.loop = g_main_loop_new (plain.context, FALSE);
  plain.thread = g_thread_new ("plain-server", plain_server_thread, &plain);
  g_mutex_lock (&plain.mutex);
  while (!plain.ready)
    g_cond_wait (&plain.cond, &plain.mutex);
  g_mutex_unlock (&plain.mutex);

  /* The well-known URL gives 404, the root a web page. */
  url = g_strdup_printf ("http://127.0.0.1:%u/", plain.port);
  client = quorum_caldav_client_new (url, USER, PASSWORD);
  calendars = quorum_caldav_client_discover (client, NULL, &error);
  g_assert_null (calendars);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_CALDAV);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_cmpuint (quorum_caldav_client_get_request_count (client), ==, 2);

  g_main_context_invoke (plain.context, quit_loop, plain.loop);
  g_thread_join (plain.thread);
  g_main_loop_unref (plain.loop);
  g_main_context_unref (plain.context);
  g_mutex_clear (&plain.mutex);
  g_cond_clear (&plain.cond);
}

/* ------------------------------------------------------------------------ */
/* Tests against Radicale                                                    */

static void
on_discovered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = quorum_caldav_client_discover_finish (QUORUM_CALDAV_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_discover (Radicale      *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(QuorumCaldavCalendar) made = NULL;
  g_autoptr(QuorumCaldavClient) deep = NULL;
  g_autofree char *deep_url = NULL;

  if (fixture->client == NULL)
    return;

  /* From the bare server URL: /.well-known/caldav redirects to /. */
  calendars = quorum_caldav_client_discover (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_caldav_client_get_principal (fixture->client), ==, "/" USER "/");
  g_assert_cmpstr (quorum_caldav_client_get_calendar_home (fixture->client), ==, "/" USER "/");
  g_assert_cmpuint (calendars->len, ==, 0);
  g_clear_pointer (&calendars, g_ptr_array_unref);

  made = ensure_calendar (fixture);

  /* The async variant, from a URL deep inside the server. */
  deep_url = g_strdup_printf ("%s%s/", fixture->url, USER);
  deep = quorum_caldav_client_new (deep_url, USER, PASSWORD);
  quorum_caldav_client_discover_async (deep, NULL, on_discovered_cb, &calendars);
  while (calendars == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (quorum_caldav_client_get_calendar_home (deep), ==, "/" USER "/");
  g_assert_cmpuint (calendars->len, ==, 1);
  g_assert_cmpstr (((QuorumCaldavCalendar *) g_ptr_array_index (calendars, 0))->href, ==,
                   made->href);
}

static void
test_mkcalendar (Radicale      *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(QuorumCaldavCalendar) read = NULL;
  g_autoptr(QuorumCaldavCalendar) again = NULL;
  g_autoptr(QuorumCaldavCalendar) not_calendar = NULL;
  guint before;

  if (fixture->client == NULL)
    return;

  calendar = ensure_calendar (fixture);
  g_assert_cmpstr (calendar->href, ==, "/" USER "/quorum/");
  g_assert_cmpstr (calendar->display_name, ==, "栖霞区履职日历");

  /* Read back with a PROPFIND of its own. */
  read = quorum_caldav_client_get_calendar (fixture->client, calendar->href, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->display_name, ==, "栖霞区履职日历");
  g_assert_nonnull (read->components);
  g_assert_true (g_strv_contains ((const char * const *) read->components, "VEVENT"));
  g_assert_nonnull (read->sync_token);
  g_assert_nonnull (read->ctag);

  /* A second ensure only looks. */
  before = quorum_caldav_client_get_request_count (fixture->client);
  again = quorum_caldav_client_ensure_calendar (fixture->client, calendar->href, "别的名字",
                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_caldav_client_get_request_count (fixture->client) - before, ==, 1);
  g_assert_cmpstr (again->display_name, ==, "栖霞区履职日历");

  /* The principal is a collection, not a calendar. */
  not_calendar = quorum_caldav_client_ensure_calendar (fixture->client, "/" USER "/", NULL, NULL,
                                                       &error);
  g_assert_null (not_calendar);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_CALENDAR);
}

static void
test_publish (Radicale      *fixture,
              gconstpointer  data)
{
  g_auto(QuorumCaldavPublishReport) report = { 0 };
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(QuorumCaldavState) state = quorum_caldav_state_new ();
  g_autoptr(GPtrArray) events = sample_office ();
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GHashTable) etags = NULL;
  g_autoptr(GHashTable) etags_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_uid = single_uid (7);
  g_autofree char *removed_uid = single_uid (3);
  g_autofree char *removed_href = NULL;
  g_autofree char *missing = NULL;
  QuorumIcsEvent *ev;
  guint n_resources = N_SINGLES + N_SERIES;

  if (fixture->client == NULL)
    return;

  g_assert_cmpuint (events->len, >=, 30);
  calendar = ensure_calendar (fixture);

  publish (fixture, calendar->href, events, state, &report);
  g_assert_cmpuint (report.n_created, ==, n_resources);
  g_assert_cmpuint (report.n_updated + report.n_deleted + report.n_overwritten +
                    report.n_unchanged, ==, 0);
  /* A listing, then one PUT per resource. */
  g_assert_cmpuint (report.n_requests, ==, 1 + n_resources);
  g_assert_cmpuint (quorum_caldav_state_get_n_resources (state), ==, n_resources);
  g_assert_nonnull (quorum_caldav_state_get_sync_token (state));

  /* Exactly those resources, each with its series whole. */
  etags = server_etags (fixture, calendar->href, &resources);
  g_assert_cmpuint (resources->len, ==, n_resources);
  for (guint i = 0; i < resources->len; i++)
    {
      QuorumCaldavResource *resource = g_ptr_array_index (resources, i);
      g_autoptr(GPtrArray) parsed = NULL;
      QuorumIcsEvent *master;
      QuorumIcsEvent *expected;
      guint n_expected = 0;

      g_assert_nonnull (resource->data);
      parsed = quorum_ics_parse (resource->data, strlen (resource->data), resource->href, NULL,
                                 &error);
      g_assert_no_error (error);
      master = find_event (parsed, ((QuorumIcsEvent *) g_ptr_array_index (parsed, 0))->uid, TRUE);
      g_assert_nonnull (master);
      assert_same_href (quorum_caldav_state_get_href (state, master->uid), resource->href);
      g_assert_cmpstr (quorum_caldav_state_get_etag (state, master->uid), ==, resource->etag);

      expected = find_event (events, master->uid, TRUE);
      g_assert_nonnull (expected);
      g_assert_cmpstr (master->summary, ==, expected->summary);
      g_assert_true (g_date_time_equal (master->dtstart, expected->dtstart));
      g_assert_cmpstr (master->rrule, ==, expected->rrule);
      g_assert_cmpstr (master->location, ==, expected->location);

      for (guint j = 0; j < events->len; j++)
        n_expected += g_strcmp0 (((QuorumIcsEvent *) g_ptr_array_index (events, j))->uid,
                                 master->uid) == 0;
      g_assert_cmpuint (parsed->len, ==, n_expected);
      g_assert_null (strstr (resource->data, "METHOD:"));
    }

  /* Nothing changed: one sync-collection REPORT and nothing else. */
  publish (fixture, calendar->href, events, state, &report);
  g_assert_cmpuint (report.n_unchanged, ==, n_resources);
  g_assert_cmpuint (report.n_created + report.n_updated + report.n_deleted +
                    report.n_overwritten, ==, 0);
  g_assert_cmpuint (report.n_requests, ==, 1);

  /* One event changes: only its resource gets a new ETag. */
  ev = find_event (events, changed_uid, TRUE);
  g_free (ev->summary);
  ev->summary = g_strdup ("第8次党组会议（延期至下午）");
  publish (fixture, calendar->href, events, state, &report);
  g_assert_cmpuint (report.n_updated, ==, 1);
  g_assert_cmpuint (report.n_unchanged, ==, n_resources - 1);
  g_assert_cmpuint (report.n_requests, ==, 2);

  etags_after = server_etags (fixture, calendar->href, NULL);
  g_assert_cmpuint (g_hash_table_size (etags_after), ==, n_resources);
  {
    GHashTableIter iter;
    gpointer href, etag;
    guint n_changed = 0;

    g_hash_table_iter_init (&iter, etags);
    while (g_hash_table_iter_next (&iter, &href, &etag))
      {
        const char *after = g_hash_table_lookup (etags_after, href);

        g_assert_nonnull (after);
        if (g_strcmp0 (after, etag) != 0)
          {
            n_changed++;
            assert_same_href (href, quorum_caldav_state_get_href (state, changed_uid));
          }
      }
    g_assert_cmpuint (n_changed, ==, 1);
  }
  assert_summary_on_server (fixture, quorum_caldav_state_get_href (state, changed_uid),
                            "第8次党组会议（延期至下午）");

  /* One event goes: its resource is gone. */
  removed_href = g_strdup (quorum_caldav_state_get_href (state, removed_uid));
  remove_event (events, find_event (events, removed_uid, TRUE));
  publish (fixture, calendar->href, events, state, &report);
  g_assert_cmpuint (report.n_deleted, ==, 1);
  g_assert_cmpuint (report.n_unchanged, ==, n_resources - 1);
  g_assert_null (quorum_caldav_state_get_href (state, removed_uid));
  missing = quorum_caldav_client_get (fixture->client, removed_href, NULL, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An override goes: its series' resource is rewritten, not removed. */
  {
    g_autofree char *uid = series_uid (2);

    remove_event (events, find_event (events, uid, FALSE));
    publish (fixture, calendar->href, events, state, &report);
    g_assert_cmpuint (report.n_updated, ==, 1);
    g_assert_cmpuint (report.n_deleted, ==, 0);
  }

  g_clear_pointer (&etags_after, g_hash_table_unref);
  etags_after = server_etags (fixture, calendar->href, NULL);
  g_assert_cmpuint (g_hash_table_size (etags_after), ==, n_resources - 1);
}

static void
test_overwrite (Radicale      *fixture,
                gconstpointer  data)
{
  g_auto(QuorumCaldavPublishReport) report = { 0 };
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(QuorumCaldavState) state = quorum_caldav_state_new ();
  g_autoptr(QuorumCaldavState) restored = NULL;
  g_autoptr(GPtrArray) events = sample_office ();
  g_autoptr(GError) error = NULL;
  g_autofree char *edited_uid = series_uid (1);
  g_autofree char *deleted_uid = single_uid (12);
  g_autofree char *state_data = NULL;
  g_autofree char *server_data = NULL;
  g_autofree char *hacked = NULL;
  g_autofree char *new_etag = NULL;
  QuorumIcsEvent *original;
  const char *href;
  char *summary_line;

  if (fixture->client == NULL)
    return;

  calendar = ensure_calendar (fixture);
  publish (fixture, calendar->href, events, state, &report);

  /* Somebody edits one series in their calendar app and deletes a
   * meeting. */
  href = quorum_caldav_state_get_href (state, edited_uid);
  server_data = quorum_caldav_client_get (fixture->client, href, NULL, NULL, &error);
  g_assert_no_error (error);
  original = find_event (events, edited_uid, TRUE);
  summary_line = strstr (server_data, "SUMMARY:");
  g_assert_nonnull (summary_line);
  hacked = g_strdup_printf ("%.*sSUMMARY:被别人改过的标题%s",
                            (int) (summary_line - server_data), server_data,
                            strstr (summary_line, "\r\n"));
  quorum_caldav_client_put (fixture->client, href, hacked, QUORUM_CALDAV_PUT_REPLACE,
                            quorum_caldav_state_get_etag (state, edited_uid), &new_etag, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (new_etag);
  g_assert_cmpstr (new_etag, !=, quorum_caldav_state_get_etag (state, edited_uid));
  assert_summary_on_server (fixture, href, "被别人改过的标题");

  quorum_caldav_client_delete (fixture->client, quorum_caldav_state_get_href (state, deleted_uid),
                               NULL, NULL, &error);
  g_assert_no_error (error);

  /* The state survives being saved, as the store will keep it. */
  state_data = quorum_caldav_state_to_data (state);
  restored = quorum_caldav_state_new_from_data (state_data, &error);
  g_assert_no_error (error);

  /* Quorum is the record: both are put back, and reported. */
  publish (fixture, calendar->href, events, restored, &report);
  g_assert_cmpuint (report.n_overwritten, ==, 2);
  g_assert_cmpuint (report.n_unchanged, ==, N_SINGLES + N_SERIES - 2);
  g_assert_true (g_strv_contains ((const char * const *) report.overwritten, edited_uid));
  g_assert_true (g_strv_contains ((const char * const *) report.overwritten, deleted_uid));
  assert_summary_on_server (fixture, href, original->summary);
  assert_summary_on_server (fixture, quorum_caldav_state_get_href (restored, deleted_uid),
                            find_event (events, deleted_uid, TRUE)->summary);

  /* And the next publish is quiet again. */
  publish (fixture, calendar->href, events, restored, &report);
  g_assert_cmpuint (report.n_overwritten, ==, 0);
  g_assert_cmpuint (report.n_unchanged, ==, N_SINGLES + N_SERIES);

  /* A conditional write over a stale ETag is refused with CONFLICT. */
  quorum_caldav_client_put (fixture->client, href, hacked, QUORUM_CALDAV_PUT_REPLACE,
                            "\"stale\"", NULL, NULL, &error);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_CONFLICT);
  g_clear_error (&error);
  quorum_caldav_client_put (fixture->client, href, hacked, QUORUM_CALDAV_PUT_CREATE,
                            NULL, NULL, NULL, &error);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_CONFLICT);
}

static void
test_forgotten_token (Radicale      *fixture,
                      gconstpointer  data)
{
  g_auto(QuorumCaldavPublishReport) report = { 0 };
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(QuorumCaldavState) state = quorum_caldav_state_new ();
  g_autoptr(QuorumCaldavState) stale = NULL;
  g_autoptr(QuorumCaldavCalendar) now = NULL;
  g_autoptr(GPtrArray) events = sample_office ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_text = NULL;
  g_autofree char *token = NULL;
  char *line;

  if (fixture->client == NULL)
    return;

  calendar = ensure_calendar (fixture);
  publish (fixture, calendar->href, events, state, &report);

  /* A token the server never gave: it says so, and the publisher lists the
   * whole calendar instead. */
  data_text = quorum_caldav_state_to_data (state);
  line = strstr (data_text, "SyncToken=");
  g_assert_nonnull (line);
  line[strlen ("SyncToken=")] = 'X';
  stale = quorum_caldav_state_new_from_data (data_text, &error);
  g_assert_no_error (error);

  quorum_caldav_client_sync_collection (fixture->client, calendar->href,
                                        quorum_caldav_state_get_sync_token (stale), &token, NULL,
                                        &error);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN);
  g_clear_error (&error);

  publish (fixture, calendar->href, events, stale, &report);
  g_assert_cmpuint (report.n_unchanged, ==, N_SINGLES + N_SERIES);
  g_assert_cmpuint (report.n_requests, ==, 2);
  /* The fresh token is the calendar's current one. */
  now = quorum_caldav_client_get_calendar (fixture->client, calendar->href, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_caldav_state_get_sync_token (stale), ==, now->sync_token);
}

static void
test_unauthorized (Radicale      *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autoptr(GPtrArray) calendars = NULL;

  if (fixture->client == NULL)
    return;

  client = quorum_caldav_client_new (fixture->url, USER, "wrong-密码");
  calendars = quorum_caldav_client_discover (client, NULL, &error);
  g_assert_null (calendars);
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "refused the user name or password"));
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_null (strstr (error->message, "wrong-密码"));
  /* No use trying the other addresses with the same password. */
  g_assert_cmpuint (quorum_caldav_client_get_request_count (client), ==, 1);
}

static void
test_cancelled (Radicale      *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) calendars = NULL;

  if (fixture->client == NULL)
    return;

  g_cancellable_cancel (cancellable);
  calendars = quorum_caldav_client_discover (fixture->client, cancellable, &error);
  g_assert_null (calendars);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static char *
run_cli (const char * const *args,
         int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("QUORUM_CLI");
  char *out = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static void
test_cli (Radicale      *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = sample_office ();
  g_autofree char *password_file = NULL;
  g_autofree char *bad_password_file = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *state = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  if (fixture->client == NULL)
    return;
  if (g_getenv ("QUORUM_CLI") == NULL)
    {
      g_test_skip ("QUORUM_CLI is not set");
      return;
    }

  password_file = g_build_filename (fixture->dir, "password", NULL);
  bad_password_file = g_build_filename (fixture->dir, "bad-password", NULL);
  ics = g_build_filename (fixture->dir, "office.ics", NULL);
  state = g_build_filename (fixture->dir, "state.ini", NULL);
  g_file_set_contents (password_file, PASSWORD "\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad_password_file, "nope\n", -1, &error);
  g_assert_no_error (error);
  quorum_ics_export_to_file (events, NULL, ics, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "caldav", "publish", "--url", fixture->url, "--user", USER,
                           "--password-file", password_file, "--from-ics", ics,
                           "--state", state, "--display-name", "履职日历", NULL };

    out = run_cli (args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "25 created"));
    g_clear_pointer (&out, g_free);

    out = run_cli (args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "25 unchanged (1 requests)"));
    g_clear_pointer (&out, g_free);
  }

  {
    const char *args[] = { "caldav", "test", "--url", fixture->url, "--user", USER,
                           "--password-file", password_file, NULL };

    out = run_cli (args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "/" USER "/quorum/"));
    g_assert_nonnull (strstr (out, "履职日历"));
    g_clear_pointer (&out, g_free);
  }

  {
    const char *args[] = { "caldav", "test", "--url", fixture->url, "--user", USER,
                           "--password-file", bad_password_file, NULL };

    out = run_cli (args, &status);
    g_assert_cmpint (status, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  quorum_test_radicale_install_guards ();

  g_test_add_func ("/core/caldav/xml/prefixes", test_xml_prefixes);
  g_test_add_func ("/core/caldav/xml/refuses", test_xml_refuses);
  g_test_add_func ("/core/caldav/state/data", test_state_data);
  g_test_add_func ("/core/caldav/error/network", test_network_error);
  g_test_add_func ("/core/caldav/error/invalid-url", test_invalid_url);
  g_test_add_func ("/core/caldav/error/not-caldav", test_not_caldav);

  ADD_SERVER_TEST ("/core/caldav/radicale/discover", test_discover);
  ADD_SERVER_TEST ("/core/caldav/radicale/mkcalendar", test_mkcalendar);
  ADD_SERVER_TEST ("/core/caldav/radicale/publish", test_publish);
  ADD_SERVER_TEST ("/core/caldav/radicale/overwrite", test_overwrite);
  ADD_SERVER_TEST ("/core/caldav/radicale/forgotten-token", test_forgotten_token);
  ADD_SERVER_TEST ("/core/caldav/radicale/unauthorized", test_unauthorized);
  ADD_SERVER_TEST ("/core/caldav/radicale/cancelled", test_cancelled);
  ADD_SERVER_TEST ("/core/caldav/radicale/cli", test_cli);

  return g_test_run ();
}
