/* quorum-caldav-client.c: a small CalDAV client over libsoup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The requests are synchronous (soup_session_send_and_read) so the CLI and the
 * tests can use them directly; the _async variants run them in a GTask thread,
 * which libsoup allows since 3.2. The session is configured only in init, in
 * the creating thread, as libsoup requires.
 *
 * Paths ("hrefs") are kept as the server writes them, percent-encoded, and
 * resolved against the server URL when a request is made.
 */

#define G_LOG_DOMAIN "quorum-caldav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "quorum-caldav-client.h"
#include "quorum-caldav-private.h"
#include "quorum-dav-xml.h"

#define MAX_REPLY_BYTES (64 * 1024 * 1024)

struct _QuorumCaldavClient
{
  GObject      parent_instance;

  char        *url;
  char        *user;
  char        *password;
  GUri        *base;            /* NULL when @url cannot be read */
  SoupSession *session;

  char        *principal;
  char        *home;
  guint        n_requests;      /* atomic */
};

G_DEFINE_FINAL_TYPE (QuorumCaldavClient, quorum_caldav_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (quorum-caldav-error-quark, quorum_caldav_error)

enum {
  PROP_0,
  PROP_URL,
  PROP_USER,
  PROP_PASSWORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char propfind_principal[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
  "<d:current-user-principal/><c:calendar-home-set/><d:resourcetype/>"
  "</d:prop></d:propfind>";

static const char propfind_home[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
  "<c:calendar-home-set/>"
  "</d:prop></d:propfind>";

static const char propfind_calendar[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\" "
  "xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop>"
  "<d:displayname/><d:resourcetype/><c:supported-calendar-component-set/>"
  "<cs:getctag/><d:sync-token/>"
  "</d:prop></d:propfind>";

static const char propfind_etags[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\"><d:prop>"
  "<d:getetag/><d:resourcetype/><d:sync-token/>"
  "</d:prop></d:propfind>";

static const char report_query[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
  "<d:prop><d:getetag/><c:calendar-data/></d:prop>"
  "<c:filter><c:comp-filter name=\"VCALENDAR\"/></c:filter>"
  "</c:calendar-query>";

/* ------------------------------------------------------------------------ */

void
quorum_caldav_calendar_free (QuorumCaldavCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_free (calendar->href);
  g_free (calendar->display_name);
  g_strfreev (calendar->components);
  g_free (calendar->ctag);
  g_free (calendar->sync_token);
  g_free (calendar);
}

void
quorum_caldav_resource_free (QuorumCaldavResource *resource)
{
  if (resource == NULL)
    return;
  g_free (resource->href);
  g_free (resource->etag);
  g_free (resource->data);
  g_free (resource);
}

static char *
dup_display_uri (GUri *uri)
{
  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
}

/* Resolves @href against the server URL; the result always exists because
 * the base was checked when the client was made. */
static GUri *
resolve (QuorumCaldavClient  *self,
         const char          *href,
         GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GUri *uri;

  if (self->base == NULL)
    {
      g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_URL,
                   /* Translators: %s is what the user typed as the server address */
                   _("“%s” is not a web address like https://dav.example.com/"), self->url);
      return NULL;
    }
  if (href == NULL)
    return g_uri_ref (self->base);

  uri = g_uri_parse_relative (self->base, href, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_REPLY,
                 /* Translators: %1$s is a path the server gave, %2$s the server address */
                 _("The server at %2$s named a path Quorum cannot read: “%1$s”"),
                 href, self->url);
  return uri;
}

/* The path (with its query) of @uri, still percent-encoded: how hrefs are
 * kept. */
static char *
dup_href (GUri *uri)
{
  const char *query = g_uri_get_query (uri);
  const char *path = g_uri_get_path (uri);

  if (*path == '\0')
    path = "/";
  return query != NULL ? g_strconcat (path, "?", query, NULL) : g_strdup (path);
}

/* Two hrefs name the same resource when they match once decoded and
 * resolved: servers differ in what they escape. */
gboolean
_quorum_caldav_href_equal (const char *a,
                           const char *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  da = g_uri_unescape_string (a, NULL);
  db = g_uri_unescape_string (b, NULL);
  return g_strcmp0 (da != NULL ? da : a, db != NULL ? db : b) == 0;
}

/* The server path of @href relative to the reply's URI: absolute URLs and
 * relative paths both become a path. */
static char *
normalize_href (GUri       *reply_uri,
                const char *href)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (reply_uri, href, SOUP_HTTP_URI_FLAGS, NULL);

  return uri != NULL ? dup_href (uri) : g_strdup (href);
}

/* ------------------------------------------------------------------------ */

static gboolean
on_message_authenticate_cb (SoupMessage *msg,
                            SoupAuth    *auth,
                            gboolean     retrying,
                            gpointer     user_data)
{
  QuorumCaldavClient *self = user_data;

  /* A second try with the same credentials would fail again: let the 401
   * through so the user hears about it. */
  if (!retrying && self->user != NULL && *self->user != '\0')
    soup_auth_authenticate (auth, self->user, self->password != NULL ? self->password : "");
  return FALSE;
}

/* libsoup 3.2 does not send the body again when it repeats a request for
 * authentication or a redirect: the server then waits for it until it times
 * out. Each message keeps its body to give it once more. */
typedef struct
{
  GBytes *bytes;
  char   *content_type;
} Body;

static void
body_free (gpointer  data,
           GClosure *closure)
{
  Body *body = data;

  g_bytes_unref (body->bytes);
  g_free (body->content_type);
  g_free (body);
}

static void
on_message_restarted_cb (SoupMessage *msg,
                         gpointer     user_data)
{
  Body *body = user_data;

  soup_message_set_request_body_from_bytes (msg, body->content_type, body->bytes);
}

static SoupMessage *
new_message (QuorumCaldavClient *self,
             const char         *method,
             GUri               *uri,
             const char         *depth,
             const char         *content_type,
             const char         *body)
{
  SoupMessage *msg = soup_message_new_from_uri (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  g_signal_connect_object (msg, "authenticate", G_CALLBACK (on_message_authenticate_cb), self, 0);
  if (depth != NULL)
    soup_message_headers_replace (headers, "Depth", depth);
  if (body != NULL)
    {
      Body *kept = g_new0 (Body, 1);

      kept->bytes = g_bytes_new (body, strlen (body));
      kept->content_type = g_strdup (content_type);
      soup_message_set_request_body_from_bytes (msg, content_type, kept->bytes);
      g_signal_connect_data (msg, "restarted", G_CALLBACK (on_message_restarted_cb),
                             kept, body_free, 0);
    }
  return msg;
}

static void
set_transport_error (GError       **error,
                     GUri          *uri,
                     const GError  *cause)
{
  g_autofree char *where = dup_display_uri (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_DNS,
                 /* Translators: %1$s is a URL, %2$s the system's explanation */
                 _("The server name in %1$s cannot be found: %2$s"), where, cause->message);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_TLS,
                 /* Translators: %1$s is a URL, %2$s the system's explanation */
                 _("The secure connection to %1$s failed (is its certificate valid?): %2$s"),
                 where, cause->message);
  else
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NETWORK,
                 /* Translators: %1$s is a URL, %2$s the system's explanation */
                 _("Cannot reach the server at %1$s: %2$s"), where, cause->message);
}

/* Sends @msg and reads its whole reply. Only transport failures are errors
 * here: the caller judges the status. */
static GBytes *
send_message (QuorumCaldavClient  *self,
              SoupMessage         *msg,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *reply;

  g_atomic_int_inc (&self->n_requests);
  g_debug ("%s %s", soup_message_get_method (msg), g_uri_get_path (soup_message_get_uri (msg)));

  reply = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (reply == NULL)
    {
      set_transport_error (error, soup_message_get_uri (msg), local_error);
      return NULL;
    }
  if (g_bytes_get_size (reply) > MAX_REPLY_BYTES)
    {
      g_autofree char *where = dup_display_uri (soup_message_get_uri (msg));

      g_bytes_unref (reply);
      g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_REPLY,
                   _("The reply of the server at %s is too large"), where);
      return NULL;
    }
  return reply;
}

/* The error for an unexpected HTTP status. */
static void
set_status_error (QuorumCaldavClient  *self,
                  GError             **error,
                  SoupMessage         *msg)
{
  g_autofree char *where = dup_display_uri (soup_message_get_uri (msg));
  guint status = soup_message_get_status (msg);
  const char *reason = soup_message_get_reason_phrase (msg);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);
  if (reason == NULL)
    reason = "";

  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_UNAUTHORIZED,
                 /* Translators: %1$s is a URL, %2$s a user name */
                 _("The server at %1$s refused the user name or password (user “%2$s”)"),
                 where, self->user != NULL ? self->user : "");
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_UNAUTHORIZED,
                 /* Translators: %1$s is a URL, %2$s a user name */
                 _("The server refused access to %1$s for the user “%2$s”"),
                 where, self->user != NULL ? self->user : "");
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_FOUND,
                 _("Nothing was found at %s"), where);
  else if (status == SOUP_STATUS_PRECONDITION_FAILED)
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_CONFLICT,
                 _("The item at %s was changed on the server in the meantime"), where);
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_SERVER,
                 /* Translators: %1$s is a URL, %2$u an HTTP status, %3$s its English name */
                 _("The server at %1$s failed (%2$u %3$s); try again later"),
                 where, status, reason);
  else
    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_REJECTED,
                 /* Translators: %1$s is a URL, %2$u an HTTP status, %3$s its English name */
                 _("The server at %1$s refused the request (%2$u %3$s)"),
                 where, status, reason);
}

static void
set_not_caldav_error (GError     **error,
                      const char  *where)
{
  g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_CALDAV,
               /* Translators: %s is a URL */
               _("The server at %s does not speak CalDAV"), where);
}

/* Reads a 207 reply; anything else is an error. */
static QuorumDavMultistatus *
read_multistatus (QuorumCaldavClient  *self,
                  SoupMessage         *msg,
                  GBytes              *reply,
                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  QuorumDavMultistatus *ms;
  gsize len = 0;
  const char *data = g_bytes_get_data (reply, &len);

  if (soup_message_get_status (msg) != SOUP_STATUS_MULTI_STATUS)
    {
      if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
        {
          g_autofree char *where = dup_display_uri (soup_message_get_uri (msg));

          set_not_caldav_error (error, where);
        }
      else
        set_status_error (self, error, msg);
      return NULL;
    }

  ms = quorum_dav_multistatus_parse (data != NULL ? data : "", len, &local_error);
  if (ms == NULL)
    {
      g_autofree char *where = dup_display_uri (soup_message_get_uri (msg));

      g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_REPLY,
                   /* Translators: %1$s is a URL, %2$s what is wrong in the reply */
                   _("The server at %1$s sent a reply Quorum cannot read: %2$s"),
                   where, local_error->message);
    }
  return ms;
}

/* One request whose answer must be a multistatus. @out_uri gets the URI the
 * reply came from, after any redirect. */
static QuorumDavMultistatus *
dav_request (QuorumCaldavClient  *self,
             const char          *method,
             GUri                *uri,
             const char          *depth,
             const char          *body,
             GUri               **out_uri,
             guint               *out_status,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  QuorumDavMultistatus *ms;

  msg = new_message (self, method, uri, depth, "application/xml; charset=utf-8", body);
  if (!(reply = send_message (self, msg, cancellable, error)))
    return NULL;
  if (out_status != NULL)
    *out_status = soup_message_get_status (msg);
  ms = read_multistatus (self, msg, reply, error);
  if (ms != NULL && out_uri != NULL)
    *out_uri = g_uri_ref (soup_message_get_uri (msg));
  return ms;
}

/* dav_request() on a path; *out_uri (never NULL on success) is where the
 * reply came from. */
static QuorumDavMultistatus *
dav_request_at (QuorumCaldavClient  *self,
                const char          *method,
                const char          *href,
                const char          *depth,
                const char          *body,
                GUri               **out_uri,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GUri) uri = resolve (self, href, error);

  if (uri == NULL)
    return NULL;
  return dav_request (self, method, uri, depth, body, out_uri, NULL, cancellable, error);
}

/* ------------------------------------------------------------------------ */

static QuorumCaldavCalendar *
read_calendar (GUri                    *reply_uri,
               const QuorumDavResponse *response)
{
  QuorumCaldavCalendar *calendar = g_new0 (QuorumCaldavCalendar, 1);
  const QuorumDavNode *set;

  calendar->href = normalize_href (reply_uri, response->href);
  calendar->display_name = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_DAV,
                                                              "displayname");
  calendar->ctag = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_CS, "getctag");
  calendar->sync_token = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_DAV,
                                                            "sync-token");
  set = quorum_dav_response_get_prop (response, QUORUM_DAV_NS_CALDAV,
                                      "supported-calendar-component-set");
  if (set != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < set->children->len; i++)
        {
          const QuorumDavNode *comp = g_ptr_array_index (set->children, i);
          const char *name = g_hash_table_lookup (comp->attributes, "name");

          if (quorum_dav_node_is (comp, QUORUM_DAV_NS_CALDAV, "comp") && name != NULL)
            g_strv_builder_add (builder, name);
        }
      calendar->components = g_strv_builder_end (builder);
    }
  return calendar;
}

static gboolean
is_calendar (const QuorumDavResponse *response)
{
  const QuorumDavNode *type = quorum_dav_response_get_prop (response, QUORUM_DAV_NS_DAV,
                                                            "resourcetype");

  return quorum_dav_node_get_child (type, QUORUM_DAV_NS_CALDAV, "calendar") != NULL;
}

static gboolean
is_collection (const QuorumDavResponse *response)
{
  const QuorumDavNode *type = quorum_dav_response_get_prop (response, QUORUM_DAV_NS_DAV,
                                                            "resourcetype");

  return quorum_dav_node_get_child (type, QUORUM_DAV_NS_DAV, "collection") != NULL;
}

/* Tries one starting point: the principal's path, or NULL when this URL
 * does not lead to one (then *error is set and the next one is tried;
 * *fatal says whether trying more is pointless). */
static char *
find_principal_at (QuorumCaldavClient  *self,
                   GUri                *uri,
                   char               **out_home,
                   gboolean            *fatal,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(GUri) reply_uri = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status = 0;

  *fatal = FALSE;
  ms = dav_request (self, "PROPFIND", uri, "0", propfind_principal, &reply_uri, &status,
                    cancellable, &local_error);
  if (ms == NULL)
    {
      /* Wrong credentials, a dead network or a failing server will not get
       * better at another address; a 404, a 405 or a plain web page might. */
      *fatal = local_error->domain != QUORUM_CALDAV_ERROR ||
               local_error->code == QUORUM_CALDAV_ERROR_DNS ||
               local_error->code == QUORUM_CALDAV_ERROR_TLS ||
               local_error->code == QUORUM_CALDAV_ERROR_NETWORK ||
               local_error->code == QUORUM_CALDAV_ERROR_SERVER ||
               status == SOUP_STATUS_UNAUTHORIZED;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < ms->responses->len; i++)
    {
      const QuorumDavResponse *response = g_ptr_array_index (ms->responses, i);
      const QuorumDavNode *prop;
      g_autofree char *principal = NULL;
      g_autofree char *home = NULL;

      prop = quorum_dav_response_get_prop (response, QUORUM_DAV_NS_DAV, "current-user-principal");
      principal = quorum_dav_node_dup_href (prop);
      prop = quorum_dav_response_get_prop (response, QUORUM_DAV_NS_CALDAV, "calendar-home-set");
      home = quorum_dav_node_dup_href (prop);
      if (principal == NULL)
        continue;

      *out_home = home != NULL ? normalize_href (reply_uri, home) : NULL;
      return normalize_href (reply_uri, principal);
    }

  {
    g_autofree char *where = dup_display_uri (uri);

    set_not_caldav_error (error, where);
  }
  return NULL;
}

/* Finds the principal and the calendar home (RFC 6764 § 6, RFC 4791 § 6.2.1):
 * the URL itself first when it has a path, /.well-known/caldav first when not. */
static gboolean
discover_home (QuorumCaldavClient  *self,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GUri) given = NULL;
  g_autoptr(GUri) well_known = NULL;
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(GUri) reply_uri = NULL;
  g_autofree char *principal = NULL;
  g_autofree char *home = NULL;
  GUri *candidates[2];
  const char *path;

  if (!(given = resolve (self, NULL, error)))
    return FALSE;
  well_known = resolve (self, "/.well-known/caldav", error);
  if (well_known == NULL)
    return FALSE;

  path = g_uri_get_path (given);
  if (*path == '\0' || strcmp (path, "/") == 0)
    {
      candidates[0] = well_known;
      candidates[1] = given;
    }
  else
    {
      candidates[0] = given;
      candidates[1] = well_known;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && principal == NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean fatal = FALSE;

      g_clear_pointer (&home, g_free);
      principal = find_principal_at (self, candidates[i], &home, &fatal, cancellable,
                                     &local_error);
      if (principal == NULL && fatal)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (principal == NULL)
    {
      g_autofree char *where = dup_display_uri (given);

      set_not_caldav_error (error, where);
      return FALSE;
    }

  /* Only a principal carries calendar-home-set: when the starting point was
   * the principal itself, its reply had it already. */
  if (home == NULL)
    {
      ms = dav_request_at (self, "PROPFIND", principal, "0", propfind_home, &reply_uri,
                           cancellable, error);
      if (ms == NULL)
        return FALSE;
      for (guint i = 0; i < ms->responses->len && home == NULL; i++)
        {
          const QuorumDavResponse *response = g_ptr_array_index (ms->responses, i);
          const QuorumDavNode *prop = quorum_dav_response_get_prop (response,
                                                                    QUORUM_DAV_NS_CALDAV,
                                                                    "calendar-home-set");
          g_autofree char *href = quorum_dav_node_dup_href (prop);

          if (href != NULL)
            home = normalize_href (reply_uri, href);
        }
      if (home == NULL)
        {
          g_autofree char *where = dup_display_uri (reply_uri);

          set_not_caldav_error (error, where);
          return FALSE;
        }
    }

  g_free (self->principal);
  self->principal = g_steal_pointer (&principal);
  g_free (self->home);
  self->home = g_steal_pointer (&home);
  return TRUE;
}

static GPtrArray *
list_calendars (QuorumCaldavClient  *self,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(GUri) reply_uri = NULL;

  ms = dav_request_at (self, "PROPFIND", self->home, "1", propfind_calendar, &reply_uri,
                       cancellable, error);
  if (ms == NULL)
    return NULL;

  calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_caldav_calendar_free);
  for (guint i = 0; i < ms->responses->len; i++)
    {
      const QuorumDavResponse *response = g_ptr_array_index (ms->responses, i);

      if (is_calendar (response))
        g_ptr_array_add (calendars, read_calendar (reply_uri, response));
    }
  return g_steal_pointer (&calendars);
}

/* ------------------------------------------------------------------------ */

static void
quorum_caldav_client_constructed (GObject *object)
{
  QuorumCaldavClient *self = QUORUM_CALDAV_CLIENT (object);

  G_OBJECT_CLASS (quorum_caldav_client_parent_class)->constructed (object);

  if (self->url != NULL)
    {
      self->base = g_uri_parse (self->url, SOUP_HTTP_URI_FLAGS, NULL);
      if (self->base != NULL &&
          ((g_strcmp0 (g_uri_get_scheme (self->base), "http") != 0 &&
            g_strcmp0 (g_uri_get_scheme (self->base), "https") != 0) ||
           g_uri_get_host (self->base) == NULL || *g_uri_get_host (self->base) == '\0'))
        g_clear_pointer (&self->base, g_uri_unref);
    }
}

static void
quorum_caldav_client_finalize (GObject *object)
{
  QuorumCaldavClient *self = QUORUM_CALDAV_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->principal, g_free);
  g_clear_pointer (&self->home, g_free);

  G_OBJECT_CLASS (quorum_caldav_client_parent_class)->finalize (object);
}

static void
quorum_caldav_client_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumCaldavClient *self = QUORUM_CALDAV_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_caldav_client_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumCaldavClient *self = QUORUM_CALDAV_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;

    case PROP_PASSWORD:
      self->password = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_caldav_client_class_init (QuorumCaldavClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = quorum_caldav_client_constructed;
  object_class->finalize = quorum_caldav_client_finalize;
  object_class->get_property = quorum_caldav_client_get_property;
  object_class->set_property = quorum_caldav_client_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_caldav_client_init (QuorumCaldavClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Quorum/" PACKAGE_VERSION,
                                                 "timeout", 60,
                                                 NULL);
  /* QUORUM_HTTP_DEBUG=1 prints every request and reply header on stderr
   * (authorization headers are hidden by libsoup). */
  if (g_getenv ("QUORUM_HTTP_DEBUG") != NULL)
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);

      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }
}

/* ------------------------------------------------------------------------ */

/**
 * quorum_caldav_client_new:
 * @url: the server's address, e.g. `https://dav.example.com/` or the
 *   calendar home itself
 * @user: (nullable): the user name; %NULL for none
 * @password: (nullable): the password
 *
 * Makes a client. Nothing is sent until a request is made; a @url that is
 * not an http(s) address makes every request fail with
 * %QUORUM_CALDAV_ERROR_INVALID_URL.
 *
 * Returns: (transfer full): a new client
 */
QuorumCaldavClient *
quorum_caldav_client_new (const char *url,
                          const char *user,
                          const char *password)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (QUORUM_TYPE_CALDAV_CLIENT,
                       "url", url,
                       "user", user,
                       "password", password,
                       NULL);
}

/**
 * quorum_caldav_client_get_url:
 * @self: a client
 *
 * Returns: (transfer none): the server address given at construction
 */
const char *
quorum_caldav_client_get_url (QuorumCaldavClient *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);

  return self->url;
}

/**
 * quorum_caldav_client_get_user:
 * @self: a client
 *
 * Returns: (transfer none) (nullable): the user name
 */
const char *
quorum_caldav_client_get_user (QuorumCaldavClient *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);

  return self->user;
}

/**
 * quorum_caldav_client_get_principal:
 * @self: a client
 *
 * Returns: (transfer none) (nullable): the principal's path, once
 *   quorum_caldav_client_discover() has found it
 */
const char *
quorum_caldav_client_get_principal (QuorumCaldavClient *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);

  return self->principal;
}

/**
 * quorum_caldav_client_get_calendar_home:
 * @self: a client
 *
 * Returns: (transfer none) (nullable): the calendar home's path, once found
 */
const char *
quorum_caldav_client_get_calendar_home (QuorumCaldavClient *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);

  return self->home;
}

/**
 * quorum_caldav_client_get_request_count:
 * @self: a client
 *
 * Counts the HTTP requests this client has made (authentication retries
 * that libsoup makes on its own are not counted).
 *
 * Returns: the number of requests so far
 */
guint
quorum_caldav_client_get_request_count (QuorumCaldavClient *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), 0);

  return (guint) g_atomic_int_get (&self->n_requests);
}

/**
 * quorum_caldav_client_dup_display_url:
 * @self: a client
 * @href: (nullable): a path on the server; %NULL for the server URL
 *
 * Returns: (transfer full): the full URL of @href, without any user name or
 *   password, for messages
 */
char *
quorum_caldav_client_dup_display_url (QuorumCaldavClient *self,
                                      const char         *href)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);

  uri = resolve (self, href, NULL);
  return uri != NULL ? dup_display_uri (uri) : g_strdup (self->url);
}

/**
 * quorum_caldav_client_discover:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the user's principal and calendar home (RFC 6764, RFC 4791), then
 * lists the calendars in the home.
 *
 * Returns: (transfer full) (element-type QuorumCaldavCalendar): the
 *   calendars, or %NULL with @error set
 */
GPtrArray *
quorum_caldav_client_discover (QuorumCaldavClient  *self,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);

  if (!discover_home (self, cancellable, error))
    return NULL;
  return list_calendars (self, cancellable, error);
}

static void
discover_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *calendars = quorum_caldav_client_discover (source_object, cancellable, &error);

  if (calendars == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calendars, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * quorum_caldav_client_discover_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs quorum_caldav_client_discover() in a worker thread.
 */
void
quorum_caldav_client_discover_async (QuorumCaldavClient  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (QUORUM_IS_CALDAV_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_caldav_client_discover_async);
  g_task_run_in_thread (task, discover_worker);
}

/**
 * quorum_caldav_client_discover_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type QuorumCaldavCalendar): the
 *   calendars, or %NULL with @error set
 */
GPtrArray *
quorum_caldav_client_discover_finish (QuorumCaldavClient  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * quorum_caldav_client_get_calendar:
 * @self: a client
 * @href: the calendar's path
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a calendar's properties. A collection that is not a calendar fails
 * with %QUORUM_CALDAV_ERROR_NOT_CALENDAR, a missing one with
 * %QUORUM_CALDAV_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
QuorumCaldavCalendar *
quorum_caldav_client_get_calendar (QuorumCaldavClient  *self,
                                   const char          *href,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(GUri) reply_uri = NULL;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (href != NULL, NULL);

  ms = dav_request_at (self, "PROPFIND", href, "0", propfind_calendar, &reply_uri,
                       cancellable, error);
  if (ms == NULL)
    return NULL;

  for (guint i = 0; i < ms->responses->len; i++)
    {
      const QuorumDavResponse *response = g_ptr_array_index (ms->responses, i);
      g_autofree char *where = NULL;

      if (response->status == SOUP_STATUS_NOT_FOUND)
        break;
      if (is_calendar (response))
        return read_calendar (reply_uri, response);

      where = dup_display_uri (reply_uri);
      g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_CALENDAR,
                   /* Translators: %s is a URL */
                   _("%s exists on the server but is not a calendar"), where);
      return NULL;
    }

  {
    g_autofree char *where = dup_display_uri (reply_uri);

    g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_FOUND,
                 _("Nothing was found at %s"), where);
  }
  return NULL;
}

static char *
dup_calendar_href (QuorumCaldavClient  *self,
                   const char          *path_or_slug,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autofree char *escaped = NULL;

  if (strchr (path_or_slug, '/') != NULL)
    {
      g_autoptr(GUri) uri = resolve (self, path_or_slug, error);
      g_autofree char *href = NULL;

      if (uri == NULL)
        return NULL;
      href = dup_href (uri);
      return g_str_has_suffix (href, "/") ? g_steal_pointer (&href) : g_strconcat (href, "/", NULL);
    }

  if (self->home == NULL && !discover_home (self, cancellable, error))
    return NULL;
  escaped = g_uri_escape_string (path_or_slug, NULL, FALSE);
  return g_strconcat (self->home, g_str_has_suffix (self->home, "/") ? "" : "/", escaped, "/",
                      NULL);
}

/**
 * quorum_caldav_client_ensure_calendar:
 * @self: a client
 * @path_or_slug: a calendar's path on the server (anything with a `/`), or
 *   a name for it inside the calendar home, e.g. `quorum`
 * @display_name: (nullable): its display name when it must be made
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns the calendar, making it with MKCALENDAR (display name and the
 * VEVENT component) when it does not exist yet. A slug needs the calendar
 * home: discovery runs first when it has not yet.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
QuorumCaldavCalendar *
quorum_caldav_client_ensure_calendar (QuorumCaldavClient  *self,
                                      const char          *path_or_slug,
                                      const char          *display_name,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *href = NULL;
  QuorumCaldavCalendar *calendar;
  guint status;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (path_or_slug != NULL && *path_or_slug != '\0', NULL);

  if (!(href = dup_calendar_href (self, path_or_slug, cancellable, error)))
    return NULL;

  calendar = quorum_caldav_client_get_calendar (self, href, cancellable, &local_error);
  if (calendar != NULL)
    return calendar;
  if (!g_error_matches (local_error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  body = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                       "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                       "<d:set><d:prop>");
  if (display_name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (display_name, -1);

      g_string_append_printf (body, "<d:displayname>%s</d:displayname>", escaped);
    }
  g_string_append (body, "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/>"
                         "</c:supported-calendar-component-set>"
                         "</d:prop></d:set></c:mkcalendar>");

  if (!(uri = resolve (self, href, error)))
    return NULL;
  msg = new_message (self, "MKCALENDAR", uri, NULL, "application/xml; charset=utf-8", body->str);
  if (!(reply = send_message (self, msg, cancellable, error)))
    return NULL;
  status = soup_message_get_status (msg);
  /* 405: someone made it between our look and our request. */
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) && status != SOUP_STATUS_METHOD_NOT_ALLOWED)
    {
      set_status_error (self, error, msg);
      return NULL;
    }
  return quorum_caldav_client_get_calendar (self, href, cancellable, error);
}

typedef struct
{
  char *path_or_slug;
  char *display_name;
} EnsureData;

static void
ensure_data_free (EnsureData *data)
{
  g_free (data->path_or_slug);
  g_free (data->display_name);
  g_free (data);
}

static void
ensure_calendar_worker (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  EnsureData *data = task_data;
  GError *error = NULL;
  QuorumCaldavCalendar *calendar;

  calendar = quorum_caldav_client_ensure_calendar (source_object, data->path_or_slug,
                                                   data->display_name, cancellable, &error);
  if (calendar == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calendar, (GDestroyNotify) quorum_caldav_calendar_free);
}

/**
 * quorum_caldav_client_ensure_calendar_async:
 * @self: a client
 * @path_or_slug: see quorum_caldav_client_ensure_calendar()
 * @display_name: (nullable): its display name when it must be made
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs quorum_caldav_client_ensure_calendar() in a worker thread.
 */
void
quorum_caldav_client_ensure_calendar_async (QuorumCaldavClient  *self,
                                            const char          *path_or_slug,
                                            const char          *display_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EnsureData *data;

  g_return_if_fail (QUORUM_IS_CALDAV_CLIENT (self));
  g_return_if_fail (path_or_slug != NULL);

  data = g_new0 (EnsureData, 1);
  data->path_or_slug = g_strdup (path_or_slug);
  data->display_name = g_strdup (display_name);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_caldav_client_ensure_calendar_async);
  g_task_set_task_data (task, data, (GDestroyNotify) ensure_data_free);
  g_task_run_in_thread (task, ensure_calendar_worker);
}

/**
 * quorum_caldav_client_ensure_calendar_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
QuorumCaldavCalendar *
quorum_caldav_client_ensure_calendar_finish (QuorumCaldavClient  *self,
                                             GAsyncResult        *result,
                                             GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The member resources of a multistatus about @calendar_href: the
 * collection itself and sub-collections are left out. */
static GPtrArray *
read_resources (GUri                 *reply_uri,
                const char           *calendar_href,
                QuorumDavMultistatus *ms,
                gboolean              keep_removed,
                char                **out_sync_token)
{
  GPtrArray *resources = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_caldav_resource_free);

  for (guint i = 0; i < ms->responses->len; i++)
    {
      const QuorumDavResponse *response = g_ptr_array_index (ms->responses, i);
      g_autofree char *href = normalize_href (reply_uri, response->href);
      QuorumCaldavResource *resource;

      if (_quorum_caldav_href_equal (href, calendar_href))
        {
          if (out_sync_token != NULL && *out_sync_token == NULL)
            *out_sync_token = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_DAV,
                                                                 "sync-token");
          continue;
        }
      if (is_collection (response))
        continue;
      if (response->status == SOUP_STATUS_NOT_FOUND && !keep_removed)
        continue;

      resource = g_new0 (QuorumCaldavResource, 1);
      resource->href = g_steal_pointer (&href);
      if (response->status != SOUP_STATUS_NOT_FOUND)
        {
          resource->etag = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_DAV,
                                                              "getetag");
          resource->data = quorum_dav_response_dup_prop_text (response, QUORUM_DAV_NS_CALDAV,
                                                              "calendar-data");
        }
      g_ptr_array_add (resources, resource);
    }
  return resources;
}

/**
 * quorum_caldav_client_list_resources:
 * @self: a client
 * @calendar_href: the calendar's path
 * @out_sync_token: (out) (optional) (nullable): the calendar's sync-token,
 *   %NULL when it has none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Lists the calendar's resources with their ETags (PROPFIND, depth 1).
 *
 * Returns: (transfer full) (element-type QuorumCaldavResource): the
 *   resources, or %NULL with @error set
 */
GPtrArray *
quorum_caldav_client_list_resources (QuorumCaldavClient  *self,
                                     const char          *calendar_href,
                                     char               **out_sync_token,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(GUri) reply_uri = NULL;
  g_autofree char *token = NULL;
  GPtrArray *resources;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (calendar_href != NULL, NULL);

  ms = dav_request_at (self, "PROPFIND", calendar_href, "1", propfind_etags, &reply_uri,
                       cancellable, error);
  if (ms == NULL)
    return NULL;

  resources = read_resources (reply_uri, calendar_href, ms, FALSE, &token);
  if (out_sync_token != NULL)
    *out_sync_token = g_steal_pointer (&token);
  return resources;
}

/**
 * quorum_caldav_client_query:
 * @self: a client
 * @calendar_href: the calendar's path
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Fetches every resource of the calendar with its ETag and data (a
 * calendar-query REPORT, RFC 4791 § 7.8).
 *
 * Returns: (transfer full) (element-type QuorumCaldavResource): the
 *   resources, or %NULL with @error set
 */
GPtrArray *
quorum_caldav_client_query (QuorumCaldavClient  *self,
                            const char          *calendar_href,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(GUri) reply_uri = NULL;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (calendar_href != NULL, NULL);

  ms = dav_request_at (self, "REPORT", calendar_href, "1", report_query, &reply_uri,
                       cancellable, error);
  if (ms == NULL)
    return NULL;
  return read_resources (reply_uri, calendar_href, ms, FALSE, NULL);
}

/**
 * quorum_caldav_client_sync_collection:
 * @self: a client
 * @calendar_href: the calendar's path
 * @sync_token: (nullable): the token of the last sync; %NULL or "" for all
 * @out_sync_token: (out) (nullable): the new token
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks what changed since @sync_token (RFC 6578). Removed resources come
 * back with a %NULL etag. A token the server no longer knows fails with
 * %QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN: then list everything instead.
 *
 * Returns: (transfer full) (element-type QuorumCaldavResource): the changed
 *   and removed resources, or %NULL with @error set
 */
GPtrArray *
quorum_caldav_client_sync_collection (QuorumCaldavClient  *self,
                                      const char          *calendar_href,
                                      const char          *sync_token,
                                      char               **out_sync_token,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(QuorumDavMultistatus) ms = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *body = NULL;
  GPtrArray *resources;
  guint status;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (calendar_href != NULL, NULL);
  g_return_val_if_fail (out_sync_token != NULL, NULL);

  *out_sync_token = NULL;
  escaped = g_markup_escape_text (sync_token != NULL ? sync_token : "", -1);
  body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                          "<d:sync-collection xmlns:d=\"DAV:\">"
                          "<d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>"
                          "<d:prop><d:getetag/></d:prop></d:sync-collection>",
                          escaped);

  if (!(uri = resolve (self, calendar_href, error)))
    return NULL;
  msg = new_message (self, "REPORT", uri, NULL, "application/xml; charset=utf-8", body);
  if (!(reply = send_message (self, msg, cancellable, error)))
    return NULL;

  /* RFC 6578 § 3.2: an unknown token is a DAV:valid-sync-token precondition
   * failure, usually with 403 (Radicale) or 409. */
  status = soup_message_get_status (msg);
  if (status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_CONFLICT ||
      status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (reply, &len);
      g_autoptr(QuorumDavNode) root = quorum_dav_xml_parse (data != NULL ? data : "", len, NULL);

      if (quorum_dav_node_is (root, QUORUM_DAV_NS_DAV, "error") &&
          quorum_dav_node_get_child (root, QUORUM_DAV_NS_DAV, "valid-sync-token") != NULL)
        {
          g_autofree char *where = dup_display_uri (uri);

          g_set_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN,
                       /* Translators: %s is a URL */
                       _("The server at %s no longer knows the last synchronization"), where);
          return NULL;
        }
    }

  if (!(ms = read_multistatus (self, msg, reply, error)))
    return NULL;
  resources = read_resources (soup_message_get_uri (msg), calendar_href, ms, TRUE, NULL);
  *out_sync_token = g_strdup (ms->sync_token);
  return resources;
}

static char *
dup_etag_header (SoupMessage *msg)
{
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");

  return etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
}

/**
 * quorum_caldav_client_get:
 * @self: a client
 * @href: the resource's path
 * @out_etag: (out) (optional) (nullable): its ETag
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the resource's data, or %NULL with @error set
 */
char *
quorum_caldav_client_get (QuorumCaldavClient  *self,
                          const char          *href,
                          char               **out_etag,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GUri) uri = NULL;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (href != NULL, NULL);

  if (!(uri = resolve (self, href, error)))
    return NULL;
  msg = new_message (self, "GET", uri, NULL, NULL, NULL);
  if (!(reply = send_message (self, msg, cancellable, error)))
    return NULL;
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      set_status_error (self, error, msg);
      return NULL;
    }
  if (out_etag != NULL)
    *out_etag = dup_etag_header (msg);
  data = g_bytes_get_data (reply, &len);
  return g_strndup (data != NULL ? data : "", len);
}

/* For servers that do not send an ETag with their PUT reply. */
static char *
fetch_etag (QuorumCaldavClient *self,
            GUri               *uri,
            GCancellable       *cancellable)
{
  static const char body[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>";
  g_autoptr(QuorumDavMultistatus) ms = NULL;

  ms = dav_request (self, "PROPFIND", uri, "0", body, NULL, NULL, cancellable, NULL);
  if (ms == NULL || ms->responses->len == 0)
    return NULL;
  return quorum_dav_response_dup_prop_text (g_ptr_array_index (ms->responses, 0),
                                            QUORUM_DAV_NS_DAV, "getetag");
}

/**
 * quorum_caldav_client_put:
 * @self: a client
 * @href: the resource's path
 * @data: its iCalendar data
 * @mode: the precondition
 * @etag: (nullable): the ETag that must match, for %QUORUM_CALDAV_PUT_REPLACE
 * @out_etag: (out) (optional) (nullable): the new ETag
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stores one calendar object resource. A failed precondition is
 * %QUORUM_CALDAV_ERROR_CONFLICT. When the server does not send the new ETag
 * it is asked for; *@out_etag is %NULL only if it will not tell.
 *
 * Returns: %TRUE when stored
 */
gboolean
quorum_caldav_client_put (QuorumCaldavClient   *self,
                          const char           *href,
                          const char           *data,
                          QuorumCaldavPutMode   mode,
                          const char           *etag,
                          char                **out_etag,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (href != NULL && data != NULL, FALSE);
  g_return_val_if_fail (mode != QUORUM_CALDAV_PUT_REPLACE || etag != NULL, FALSE);

  if (!(uri = resolve (self, href, error)))
    return FALSE;
  msg = new_message (self, "PUT", uri, NULL, "text/calendar; charset=utf-8", data);
  headers = soup_message_get_request_headers (msg);
  if (mode == QUORUM_CALDAV_PUT_CREATE)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  else if (mode == QUORUM_CALDAV_PUT_REPLACE)
    soup_message_headers_replace (headers, "If-Match", etag);

  if (!(reply = send_message (self, msg, cancellable, error)))
    return FALSE;
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      set_status_error (self, error, msg);
      return FALSE;
    }
  if (out_etag != NULL)
    {
      *out_etag = dup_etag_header (msg);
      if (*out_etag == NULL)
        *out_etag = fetch_etag (self, uri, cancellable);
    }
  return TRUE;
}

/**
 * quorum_caldav_client_delete:
 * @self: a client
 * @href: the resource's path
 * @etag: (nullable): the ETag that must match; %NULL for none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes one resource. A failed precondition is
 * %QUORUM_CALDAV_ERROR_CONFLICT, a missing resource
 * %QUORUM_CALDAV_ERROR_NOT_FOUND.
 *
 * Returns: %TRUE when removed
 */
gboolean
quorum_caldav_client_delete (QuorumCaldavClient  *self,
                             const char          *href,
                             const char          *etag,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);

  if (!(uri = resolve (self, href, error)))
    return FALSE;
  msg = new_message (self, "DELETE", uri, NULL, NULL, NULL);
  if (etag != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", etag);
  if (!(reply = send_message (self, msg, cancellable, error)))
    return FALSE;
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      set_status_error (self, error, msg);
      return FALSE;
    }
  return TRUE;
}
