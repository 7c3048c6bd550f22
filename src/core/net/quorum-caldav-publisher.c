/* quorum-caldav-publisher.c: keep a CalDAV calendar equal to Quorum's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each series (a master and its overrides, one UID) is one resource, as
 * RFC 4791 § 4.1 requires. The state remembers, per UID, what we last wrote:
 * a hash of the content and the ETag the server gave it. A publish asks the
 * server what changed (sync-collection when the calendar has a sync-token,
 * else a depth-1 PROPFIND of the ETags), then sends only what differs.
 *
 * Quorum is the record: a resource somebody edited or deleted on the server
 * is put back unconditionally, and the report names it, so nothing is merged
 * or lost silently.
 */

#define G_LOG_DOMAIN "quorum-caldav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-caldav-private.h"
#include "quorum-caldav-publisher.h"
#include "quorum-ics.h"

#define CALENDAR_GROUP  "Calendar"
#define RESOURCE_PREFIX "Resource "

typedef struct
{
  char *href;
  char *etag;                   /* NULL when the server never told */
  char *hash;
} Entry;

struct _QuorumCaldavState
{
  char       *calendar;
  char       *sync_token;
  GHashTable *entries;          /* uid → Entry */
};

typedef struct
{
  const char *uid;
  GPtrArray  *events;           /* borrowed QuorumIcsEvent */
} Group;

/* What the server says about the calendar's members. */
typedef struct
{
  GHashTable *etags;            /* decoded href → etag, or NULL for removed */
  gboolean    complete;         /* a full listing, not changes since a token */
} ServerView;

static void
entry_free (Entry *entry)
{
  g_free (entry->href);
  g_free (entry->etag);
  g_free (entry->hash);
  g_free (entry);
}

static Entry *
entry_new (const char *href,
           const char *etag,
           const char *hash)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->href = g_strdup (href);
  entry->etag = g_strdup (etag);
  entry->hash = g_strdup (hash);
  return entry;
}

/**
 * quorum_caldav_state_new:
 *
 * Returns: (transfer full): an empty state: the next publish sends everything
 */
QuorumCaldavState *
quorum_caldav_state_new (void)
{
  QuorumCaldavState *state = g_new0 (QuorumCaldavState, 1);

  state->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) entry_free);
  return state;
}

void
quorum_caldav_state_free (QuorumCaldavState *state)
{
  if (state == NULL)
    return;
  g_free (state->calendar);
  g_free (state->sync_token);
  g_hash_table_unref (state->entries);
  g_free (state);
}

static void
set_state_error (GError     **error,
                 const char  *group,
                 const char  *key)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               /* Translators: %1$s is a [group] of the saved state, %2$s a key in it */
               _("The saved CalDAV state is damaged: group “%1$s” lacks the key “%2$s”"),
               group, key);
}

/**
 * quorum_caldav_state_new_from_data:
 * @data: what quorum_caldav_state_to_data() returned
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the state, or %NULL with a %G_KEY_FILE_ERROR
 */
QuorumCaldavState *
quorum_caldav_state_new_from_data (const char  *data,
                                   GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(QuorumCaldavState) state = quorum_caldav_state_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, G_KEY_FILE_ERROR, local_error->code,
                   /* Translators: %s is the parser's explanation */
                   _("The saved CalDAV state is damaged: %s"), local_error->message);
      return NULL;
    }

  state->calendar = g_key_file_get_string (keyfile, CALENDAR_GROUP, "Href", NULL);
  state->sync_token = g_key_file_get_string (keyfile, CALENDAR_GROUP, "SyncToken", NULL);

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *uid = NULL;
      g_autofree char *href = NULL;
      g_autofree char *etag = NULL;
      g_autofree char *hash = NULL;

      if (!g_str_has_prefix (groups[i], RESOURCE_PREFIX))
        continue;
      uid = g_key_file_get_string (keyfile, groups[i], "Uid", NULL);
      href = g_key_file_get_string (keyfile, groups[i], "Href", NULL);
      etag = g_key_file_get_string (keyfile, groups[i], "ETag", NULL);
      hash = g_key_file_get_string (keyfile, groups[i], "Hash", NULL);
      if (uid == NULL || href == NULL || hash == NULL)
        {
          set_state_error (error, groups[i], uid == NULL ? "Uid" : href == NULL ? "Href" : "Hash");
          return NULL;
        }
      g_hash_table_replace (state->entries, g_steal_pointer (&uid), entry_new (href, etag, hash));
    }
  return g_steal_pointer (&state);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * quorum_caldav_state_to_data:
 * @state: a state
 *
 * Returns: (transfer full): the state as key-file text, resources sorted by
 *   UID so equal states give equal text
 */
char *
quorum_caldav_state_to_data (QuorumCaldavState *state)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree gpointer *uids = NULL;
  guint n = 0;

  g_return_val_if_fail (state != NULL, NULL);

  if (state->calendar != NULL)
    g_key_file_set_string (keyfile, CALENDAR_GROUP, "Href", state->calendar);
  if (state->sync_token != NULL)
    g_key_file_set_string (keyfile, CALENDAR_GROUP, "SyncToken", state->sync_token);

  uids = g_hash_table_get_keys_as_array (state->entries, &n);
  qsort (uids, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const Entry *entry = g_hash_table_lookup (state->entries, uids[i]);
      g_autofree char *group = g_strdup_printf (RESOURCE_PREFIX "%u", i + 1);

      g_key_file_set_string (keyfile, group, "Uid", uids[i]);
      g_key_file_set_string (keyfile, group, "Href", entry->href);
      if (entry->etag != NULL)
        g_key_file_set_string (keyfile, group, "ETag", entry->etag);
      g_key_file_set_string (keyfile, group, "Hash", entry->hash);
    }
  return g_key_file_to_data (keyfile, NULL, NULL);
}

/**
 * quorum_caldav_state_get_calendar:
 * @state: a state
 *
 * Returns: (transfer none) (nullable): the calendar last published to
 */
const char *
quorum_caldav_state_get_calendar (QuorumCaldavState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  return state->calendar;
}

/**
 * quorum_caldav_state_get_sync_token:
 * @state: a state
 *
 * Returns: (transfer none) (nullable): the calendar's sync-token at the last
 *   publish
 */
const char *
quorum_caldav_state_get_sync_token (QuorumCaldavState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  return state->sync_token;
}

/**
 * quorum_caldav_state_get_n_resources:
 * @state: a state
 *
 * Returns: how many resources the last publish left on the server
 */
guint
quorum_caldav_state_get_n_resources (QuorumCaldavState *state)
{
  g_return_val_if_fail (state != NULL, 0);

  return g_hash_table_size (state->entries);
}

/**
 * quorum_caldav_state_get_href:
 * @state: a state
 * @uid: an event's UID
 *
 * Returns: (transfer none) (nullable): the path of the UID's resource
 */
const char *
quorum_caldav_state_get_href (QuorumCaldavState *state,
                              const char        *uid)
{
  const Entry *entry;

  g_return_val_if_fail (state != NULL && uid != NULL, NULL);

  entry = g_hash_table_lookup (state->entries, uid);
  return entry != NULL ? entry->href : NULL;
}

/**
 * quorum_caldav_state_get_etag:
 * @state: a state
 * @uid: an event's UID
 *
 * Returns: (transfer none) (nullable): the ETag of the UID's resource as
 *   last written
 */
const char *
quorum_caldav_state_get_etag (QuorumCaldavState *state,
                              const char        *uid)
{
  const Entry *entry;

  g_return_val_if_fail (state != NULL && uid != NULL, NULL);

  entry = g_hash_table_lookup (state->entries, uid);
  return entry != NULL ? entry->etag : NULL;
}

/**
 * quorum_caldav_publish_report_clear:
 * @report: a report
 *
 * Frees the report's contents and zeroes it.
 */
void
quorum_caldav_publish_report_clear (QuorumCaldavPublishReport *report)
{
  g_clear_pointer (&report->overwritten, g_strfreev);
  memset (report, 0, sizeof *report);
}

/**
 * quorum_caldav_resource_name_for_uid:
 * @uid: an event's UID
 *
 * The resource's file name: `<uid>.ics` when the UID is made of characters
 * every server takes in a path, else a hash of it plus `.ics`.
 *
 * Returns: (transfer full): the name
 */
char *
quorum_caldav_resource_name_for_uid (const char *uid)
{
  g_autofree char *hash = NULL;
  gboolean plain;

  g_return_val_if_fail (uid != NULL, NULL);

  plain = *uid != '\0' && *uid != '.' && strlen (uid) <= 200;
  for (const char *p = uid; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || strchr ("-_.@+=", *p) != NULL;
  if (plain)
    return g_strconcat (uid, ".ics", NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);
  hash[40] = '\0';
  return g_strconcat (hash, ".ics", NULL);
}

/* ------------------------------------------------------------------------ */

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->events);
  g_free (group);
}

/* Groups the events by UID, in the order the UIDs first appear. */
static GPtrArray *
group_by_uid (GPtrArray *events)
{
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);
      Group *group;

      if (ev->uid == NULL)
        continue;
      group = g_hash_table_lookup (by_uid, ev->uid);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->uid = ev->uid;
          group->events = g_ptr_array_new ();
          g_hash_table_insert (by_uid, (gpointer) group->uid, group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->events, ev);
    }
  return groups;
}


/* One series as a calendar object resource. METHOD is for iTIP and RFC 4791
 * § 4.1 forbids it in stored resources, so it is dropped. */
static char *
export_group (const Group *group,
              GDateTime   *now)
{
  QuorumIcsExportOptions options = { 0 };
  g_autofree char *data = NULL;
  char *method;

  options.now = now;
  data = quorum_ics_export (group->events, &options, NULL);
  method = strstr (data, "\r\nMETHOD:PUBLISH\r\n");
  if (method != NULL)
    memmove (method + 2, method + strlen ("\r\nMETHOD:PUBLISH\r\n"),
             strlen (method + strlen ("\r\nMETHOD:PUBLISH\r\n")) + 1);
  return g_steal_pointer (&data);
}

/* The hash ignores DTSTAMP, which changes with every export. */
static char *
hash_group (const Group *group)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autofree char *data = export_group (group, epoch);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, data, -1);
}

static char *
decode_href (const char *href)
{
  char *decoded = g_uri_unescape_string (href, NULL);

  return decoded != NULL ? decoded : g_strdup (href);
}

static void
server_view_clear (ServerView *view)
{
  g_clear_pointer (&view->etags, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServerView, server_view_clear)

/* Fills @view with changes since the state's token, or with a full listing
 * when there is no token or the server forgot it. */
static gboolean
read_server (QuorumCaldavClient  *client,
             const char          *calendar_href,
             QuorumCaldavState   *state,
             ServerView          *view,
             char               **out_token,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GPtrArray) resources = NULL;

  view->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (state->sync_token != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      resources = quorum_caldav_client_sync_collection (client, calendar_href, state->sync_token,
                                                        out_token, cancellable, &local_error);
      if (resources == NULL &&
          !g_error_matches (local_error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      view->complete = resources == NULL;
    }
  else
    view->complete = TRUE;

  if (resources == NULL)
    {
      g_clear_pointer (out_token, g_free);
      resources = quorum_caldav_client_list_resources (client, calendar_href, out_token,
                                                       cancellable, error);
      if (resources == NULL)
        return FALSE;
    }

  for (guint i = 0; i < resources->len; i++)
    {
      QuorumCaldavResource *resource = g_ptr_array_index (resources, i);

      g_hash_table_replace (view->etags, decode_href (resource->href), g_strdup (resource->etag));
    }
  return TRUE;
}

/* The server's ETag for @href, and whether the resource is there at all. */
static const char *
server_etag (const ServerView *view,
             const char       *href,
             const Entry      *entry,
             gboolean         *present)
{
  g_autofree char *key = decode_href (href);
  gpointer etag = NULL;

  if (g_hash_table_lookup_extended (view->etags, key, NULL, &etag))
    {
      *present = etag != NULL;
      return etag;
    }
  /* Not among the changes: as we left it, if we left anything. */
  *present = !view->complete && entry != NULL;
  return *present ? entry->etag : NULL;
}

static gboolean
is_conflict (const GError *error)
{
  return g_error_matches (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_CONFLICT);
}

/* Sends one series and records it. */
static gboolean
publish_group (QuorumCaldavClient         *client,
               const char                 *calendar_href,
               const Group                *group,
               const char                 *hash,
               const ServerView           *view,
               GDateTime                  *now,
               QuorumCaldavState          *state,
               QuorumCaldavPublishReport  *report,
               GPtrArray                  *overwritten,
               GCancellable               *cancellable,
               GError                    **error)
{
  Entry *entry = g_hash_table_lookup (state->entries, group->uid);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *href = NULL;
  g_autofree char *data = NULL;
  g_autofree char *new_etag = NULL;
  const char *etag;
  gboolean present = FALSE;
  gboolean edited;
  gboolean ok;

  if (entry != NULL)
    href = g_strdup (entry->href);
  else
    {
      g_autofree char *name = quorum_caldav_resource_name_for_uid (group->uid);

      href = g_strconcat (calendar_href, g_str_has_suffix (calendar_href, "/") ? "" : "/", name,
                          NULL);
    }

  etag = server_etag (view, href, entry, &present);
  /* Not ours (no entry) or not as we left it: somebody else wrote here. */
  edited = present ? entry == NULL || (entry->etag != NULL && g_strcmp0 (etag, entry->etag) != 0)
                   : entry != NULL;

  if (entry != NULL && !edited && g_strcmp0 (entry->hash, hash) == 0)
    {
      if (entry->etag == NULL && etag != NULL)
        entry->etag = g_strdup (etag);
      report->n_unchanged++;
      return TRUE;
    }

  data = export_group (group, now);
  if (edited)
    ok = quorum_caldav_client_put (client, href, data, QUORUM_CALDAV_PUT_OVERWRITE, NULL,
                                   &new_etag, cancellable, error);
  else
    {
      if (entry == NULL)
        ok = quorum_caldav_client_put (client, href, data, QUORUM_CALDAV_PUT_CREATE, NULL,
                                       &new_etag, cancellable, &local_error);
      else if (entry->etag != NULL || etag != NULL)
        ok = quorum_caldav_client_put (client, href, data, QUORUM_CALDAV_PUT_REPLACE,
                                       entry->etag != NULL ? entry->etag : etag,
                                       &new_etag, cancellable, &local_error);
      else
        ok = quorum_caldav_client_put (client, href, data, QUORUM_CALDAV_PUT_OVERWRITE, NULL,
                                       &new_etag, cancellable, &local_error);

      /* Changed between our look and our write: still ours to set. */
      if (!ok && is_conflict (local_error))
        {
          edited = TRUE;
          ok = quorum_caldav_client_put (client, href, data, QUORUM_CALDAV_PUT_OVERWRITE, NULL,
                                         &new_etag, cancellable, error);
        }
      else if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (!ok)
    return FALSE;

  if (edited)
    {
      report->n_overwritten++;
      g_ptr_array_add (overwritten, g_strdup (group->uid));
    }
  else if (entry == NULL)
    report->n_created++;
  else
    report->n_updated++;

  g_hash_table_replace (state->entries, g_strdup (group->uid), entry_new (href, new_etag, hash));
  return TRUE;
}

/* Removes the resource of a UID that has no events any more. */
static gboolean
unpublish_uid (QuorumCaldavClient         *client,
               const char                 *uid,
               const Entry                *entry,
               const ServerView           *view,
               QuorumCaldavPublishReport  *report,
               GPtrArray                  *overwritten,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean present = FALSE;
  gboolean edited;
  const char *etag = server_etag (view, entry->href, entry, &present);
  gboolean ok;

  if (!present)
    {
      report->n_deleted++;
      return TRUE;
    }

  edited = entry->etag != NULL && g_strcmp0 (etag, entry->etag) != 0;
  ok = quorum_caldav_client_delete (client, entry->href, edited ? NULL : entry->etag,
                                    cancellable, &local_error);
  if (!ok && is_conflict (local_error))
    {
      g_clear_error (&local_error);
      edited = TRUE;
      ok = quorum_caldav_client_delete (client, entry->href, NULL, cancellable, &local_error);
    }
  if (!ok && !g_error_matches (local_error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (edited)
    {
      report->n_overwritten++;
      g_ptr_array_add (overwritten, g_strdup (uid));
    }
  else
    report->n_deleted++;
  return TRUE;
}

/**
 * quorum_caldav_publish:
 * @client: a client
 * @calendar_href: the calendar's path (see quorum_caldav_client_ensure_calendar())
 * @events: (element-type QuorumIcsEvent): every event the calendar must hold
 * @state: what the last publish to this calendar left; updated in place
 * @report: (out caller-allocates): what was done
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes the calendar hold exactly @events, one resource per UID, sending
 * only what changed since @state. Resources somebody changed or removed on
 * the server are written back and listed in @report->overwritten. A state
 * for another calendar is dropped first.
 *
 * On failure @state still describes the server correctly for the resources
 * already written, so the next publish carries on from there.
 *
 * Returns: %TRUE when the calendar matches @events
 */
gboolean
quorum_caldav_publish (QuorumCaldavClient         *client,
                       const char                 *calendar_href,
                       GPtrArray                  *events,
                       QuorumCaldavState          *state,
                       QuorumCaldavPublishReport  *report,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  g_auto(ServerView) view = { 0 };
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) overwritten = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) published = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *token = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint first_request;
  gboolean ok = TRUE;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (client), FALSE);
  g_return_val_if_fail (calendar_href != NULL, FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  first_request = quorum_caldav_client_get_request_count (client);

  if (state->calendar == NULL || !_quorum_caldav_href_equal (state->calendar, calendar_href))
    {
      g_hash_table_remove_all (state->entries);
      g_clear_pointer (&state->sync_token, g_free);
      g_free (state->calendar);
      state->calendar = g_strdup (calendar_href);
    }

  groups = group_by_uid (events);
  ok = read_server (client, calendar_href, state, &view, &token, cancellable, error);

  for (guint i = 0; ok && i < groups->len; i++)
    {
      const Group *group = g_ptr_array_index (groups, i);
      g_autofree char *hash = hash_group (group);

      g_hash_table_add (published, (gpointer) group->uid);
      ok = publish_group (client, calendar_href, group, hash, &view, now, state, report,
                          overwritten, cancellable, error);
    }

  g_hash_table_iter_init (&iter, state->entries);
  while (ok && g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (published, key))
        g_ptr_array_add (gone, g_strdup (key));
    }
  for (guint i = 0; ok && i < gone->len; i++)
    {
      const char *uid = g_ptr_array_index (gone, i);

      ok = unpublish_uid (client, uid, g_hash_table_lookup (state->entries, uid), &view, report,
                          overwritten, cancellable, error);
      if (ok)
        g_hash_table_remove (state->entries, uid);
    }

  /* Only a complete publish may move the token on: a server edit seen now
   * but not yet written back must show up again next time. */
  if (ok)
    {
      g_free (state->sync_token);
      state->sync_token = g_steal_pointer (&token);
    }

  g_ptr_array_add (overwritten, NULL);
  report->overwritten = (GStrv) g_ptr_array_free (g_steal_pointer (&overwritten), FALSE);
  report->n_requests = quorum_caldav_client_get_request_count (client) - first_request;
  return ok;
}

typedef struct
{
  char                      *calendar_href;
  GPtrArray                 *events;
  QuorumCaldavState         *state;
  QuorumCaldavPublishReport  report;
} PublishData;

static void
publish_data_free (PublishData *data)
{
  g_free (data->calendar_href);
  g_ptr_array_unref (data->events);
  quorum_caldav_publish_report_clear (&data->report);
  g_free (data);
}

static void
publish_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishData *data = task_data;
  GError *error = NULL;

  if (quorum_caldav_publish (source_object, data->calendar_href, data->events, data->state,
                             &data->report, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * quorum_caldav_publish_async:
 * @client: a client
 * @calendar_href: the calendar's path
 * @events: (element-type QuorumIcsEvent): every event the calendar must hold
 * @state: updated in place: leave it alone until the publish finishes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs quorum_caldav_publish() in a worker thread.
 */
void
quorum_caldav_publish_async (QuorumCaldavClient  *client,
                             const char          *calendar_href,
                             GPtrArray           *events,
                             QuorumCaldavState   *state,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PublishData *data;

  g_return_if_fail (QUORUM_IS_CALDAV_CLIENT (client));
  g_return_if_fail (calendar_href != NULL && events != NULL && state != NULL);

  data = g_new0 (PublishData, 1);
  data->calendar_href = g_strdup (calendar_href);
  data->events = g_ptr_array_ref (events);
  data->state = state;
  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_caldav_publish_async);
  g_task_set_task_data (task, data, (GDestroyNotify) publish_data_free);
  g_task_run_in_thread (task, publish_worker);
}

/**
 * quorum_caldav_publish_finish:
 * @client: a client
 * @result: the result
 * @report: (out caller-allocates): what was done, also on failure
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the calendar matches the events
 */
gboolean
quorum_caldav_publish_finish (QuorumCaldavClient         *client,
                              GAsyncResult               *result,
                              QuorumCaldavPublishReport  *report,
                              GError                    **error)
{
  PublishData *data;

  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  *report = data->report;
  memset (&data->report, 0, sizeof data->report);
  return g_task_propagate_boolean (G_TASK (result), error);
}
