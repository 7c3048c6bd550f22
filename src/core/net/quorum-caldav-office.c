/* quorum-caldav-office.c: publish the store's office to a CalDAV server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each leader gets a calendar of what they are expected at, and the office
 * one with everything; each is a FULL export (series with their RRULEs and
 * overrides) published with quorum_caldav_publish(). What each publish left
 * on the server is kept in the store's settings, keyed by the calendar's
 * full URL, so the next publish sends only the changes, from the app or
 * from quorum-cli alike.
 */

#define G_LOG_DOMAIN "quorum-caldav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-caldav-office.h"
#include "quorum-store-ics.h"

#define STATE_KEY_PREFIX "caldav-state:"

typedef struct
{
  gint64  person_id;
  char   *slug;
  char   *display_name;
} Target;

static void
target_free (Target *target)
{
  g_free (target->slug);
  g_free (target->display_name);
  g_free (target);
}

/**
 * quorum_caldav_office_report_clear:
 * @report: a report
 *
 * Frees what @report holds and zeroes it.
 */
void
quorum_caldav_office_report_clear (QuorumCaldavOfficeReport *report)
{
  quorum_caldav_publish_report_clear (&report->total);
  memset (report, 0, sizeof *report);
}

/**
 * quorum_caldav_office_report_describe:
 * @report: a report
 *
 * Returns: (transfer full): one translated paragraph for people, e.g.
 *   "4 calendars: 2 created, 1 updated… 1 overwritten on the server: …"
 */
char *
quorum_caldav_office_report_describe (QuorumCaldavOfficeReport *report)
{
  const QuorumCaldavPublishReport *t = &report->total;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          /* Translators: the start of a publishing report; the
                           * counts follow */
                          g_dngettext (GETTEXT_PACKAGE, "%u calendar: ", "%u calendars: ",
                                       report->n_calendars),
                          report->n_calendars);
  /* Translators: counts of calendar events sent to the server */
  g_string_append_printf (out, _("%u created, %u updated, %u deleted, %u unchanged."),
                          t->n_created, t->n_updated, t->n_deleted, t->n_unchanged);
  if (t->n_overwritten > 0)
    {
      g_autofree char *list = g_strjoinv ("; ", t->overwritten);

      g_string_append_c (out, ' ');
      /* Translators: %u is a count, a list of "calendar: event" follows */
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u event changed on the server was put back: %s.",
                                           "%u events changed on the server were put back: %s.",
                                           t->n_overwritten),
                              t->n_overwritten, list);
    }
  return g_string_free (out, FALSE);
}

/**
 * quorum_caldav_person_calendar_name:
 * @person_name: a leader's name
 *
 * Returns: (transfer full): the display name of the leader's calendar
 */
char *
quorum_caldav_person_calendar_name (const char *person_name)
{
  /* Translators: the name of a leader's calendar on a CalDAV server; %s is
   * the leader's name (Chinese: "%s的履职日历") */
  return g_strdup_printf (_("%s — Duties"), person_name);
}

/**
 * quorum_caldav_state_key:
 * @client: the client that publishes
 * @calendar_href: the calendar's path
 *
 * Returns: (transfer full): the setting that keeps what was published to
 *   this calendar: "caldav-state:" and the calendar's full URL, so that
 *   another server never reuses it
 */
char *
quorum_caldav_state_key (QuorumCaldavClient *client,
                         const char         *calendar_href)
{
  g_autofree char *url = quorum_caldav_client_dup_display_url (client, calendar_href);

  return g_strconcat (STATE_KEY_PREFIX, url, NULL);
}

static GPtrArray *
list_targets (QuorumStore  *store,
              GError      **error)
{
  g_autoptr(GListModel) people = quorum_store_list_people (store, FALSE, error);
  g_autoptr(GPtrArray) targets = NULL;
  Target *office;

  if (people == NULL)
    return NULL;

  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      Target *target = g_new0 (Target, 1);

      target->person_id = quorum_person_get_id (person);
      target->slug = g_strdup_printf (QUORUM_CALDAV_PERSON_SLUG_PREFIX "%" G_GINT64_FORMAT,
                                      target->person_id);
      target->display_name = quorum_caldav_person_calendar_name (quorum_person_get_name (person));
      g_ptr_array_add (targets, target);
    }

  office = g_new0 (Target, 1);
  office->slug = g_strdup (QUORUM_CALDAV_OFFICE_SLUG);
  /* Translators: the name of the calendar with every event of the office
   * (Chinese: 全市政府履职日历) */
  office->display_name = g_strdup (_("Whole Government — Duties"));
  g_ptr_array_add (targets, office);
  return g_steal_pointer (&targets);
}

static const char *
summary_of (GPtrArray  *events,
            const char *uid)
{
  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);

      if (ev->recurrence_id == NULL && g_strcmp0 (ev->uid, uid) == 0)
        return ev->summary != NULL ? ev->summary : uid;
    }
  return uid;
}

static void
add_report (QuorumCaldavOfficeReport        *report,
            const QuorumCaldavPublishReport *one,
            const char                      *calendar_name,
            GPtrArray                       *events)
{
  QuorumCaldavPublishReport *t = &report->total;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  t->n_created += one->n_created;
  t->n_updated += one->n_updated;
  t->n_deleted += one->n_deleted;
  t->n_overwritten += one->n_overwritten;
  t->n_unchanged += one->n_unchanged;
  t->n_requests += one->n_requests;

  if (t->overwritten != NULL)
    g_strv_builder_addv (builder, (const char **) t->overwritten);
  for (guint i = 0; one->overwritten != NULL && one->overwritten[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", calendar_name,
                                               summary_of (events, one->overwritten[i]));

      g_strv_builder_add (builder, line);
    }
  g_strfreev (t->overwritten);
  t->overwritten = g_strv_builder_end (builder);
}

static QuorumCaldavState *
load_state (QuorumStore *store,
            const char  *key,
            char       **out_data)
{
  g_autoptr(GError) error = NULL;
  QuorumCaldavState *state = NULL;

  *out_data = quorum_store_dup_setting (store, key);
  if (*out_data != NULL)
    state = quorum_caldav_state_new_from_data (*out_data, &error);
  if (error != NULL)
    /* Only costs a full listing of the calendar: no reason to stop. */
    g_warning ("Forgetting an unreadable CalDAV state (%s): %s", key, error->message);
  return state != NULL ? state : quorum_caldav_state_new ();
}

static gboolean
publish_target (QuorumCaldavClient        *client,
                QuorumStore               *store,
                const char                *home_href,
                const Target              *target,
                QuorumCaldavOfficeReport  *report,
                GCancellable              *cancellable,
                GError                   **error)
{
  g_auto(QuorumCaldavPublishReport) one = { 0 };
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(QuorumCaldavState) state = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  QuorumExportScope scope = { .person_id = target->person_id };
  gboolean ok;

  if (home_href != NULL)
    path = g_strconcat (home_href, g_str_has_suffix (home_href, "/") ? "" : "/",
                        target->slug, "/", NULL);
  else
    path = g_strdup (target->slug);

  if (!(events = quorum_store_export_events (store, &scope, QUORUM_EXPORT_FULL, error)))
    return FALSE;
  calendar = quorum_caldav_client_ensure_calendar (client, path, target->display_name,
                                                   cancellable, error);
  if (calendar == NULL)
    return FALSE;

  key = quorum_caldav_state_key (client, calendar->href);
  state = load_state (store, key, &before);
  ok = quorum_caldav_publish (client, calendar->href, events, state, &one, cancellable,
                              &local_error);

  /* Even a publish cut short wrote some resources: remember those. */
  after = quorum_caldav_state_to_data (state);
  if (g_strcmp0 (before, after) != 0)
    {
      g_autoptr(GError) save_error = NULL;

      if (!quorum_store_set_setting (store, key, after, &save_error))
        {
          if (ok)
            {
              g_propagate_error (error, g_steal_pointer (&save_error));
              return FALSE;
            }
          g_warning ("Could not remember what was published: %s", save_error->message);
        }
    }

  report->n_calendars++;
  add_report (report, &one, target->display_name, events);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * quorum_caldav_publish_office:
 * @client: a client with the account
 * @store: the store to publish
 * @home_href: (nullable): where to make the calendars; %NULL for the calendar
 *   home found by discovery
 * @report: (out caller-allocates): what was done, over all calendars
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes the server hold one calendar per leader ("<name> — Duties") and one
 * for the whole office, each made with MKCALENDAR when missing and kept
 * equal to the store's events with quorum_caldav_publish(): only what
 * changed since the last publish is sent, and events somebody changed on
 * the server are put back and reported. What was published is remembered
 * in @store's settings (quorum_caldav_state_key()).
 *
 * Returns: %TRUE when every calendar matches the store
 */
gboolean
quorum_caldav_publish_office (QuorumCaldavClient        *client,
                              QuorumStore               *store,
                              const char                *home_href,
                              QuorumCaldavOfficeReport  *report,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (client), FALSE);
  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->total.overwritten = g_new0 (char *, 1);

  if (!(targets = list_targets (store, error)))
    return FALSE;

  for (guint i = 0; i < targets->len; i++)
    if (!publish_target (client, store, home_href, g_ptr_array_index (targets, i), report,
                         cancellable, error))
      return FALSE;

  return TRUE;
}
