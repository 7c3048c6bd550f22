/* quorum-caldav-overlay.c: a subscribed calendar as occurrences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar is read whole with a calendar-query REPORT, parsed, and each
 * series expanded in the span asked for, its RECURRENCE-ID overrides taking
 * the place of the instances they replace. The occurrences have id 0 and
 * the kind "external": they are somebody else's, shown read-only.
 */

#define G_LOG_DOMAIN "quorum-caldav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-caldav-overlay.h"
#include "quorum-ics.h"
#include "quorum-recurrence.h"

#define SOURCE_KEY "quorum-overlay-source"

/* A foreign series may repeat forever: expand no more than this per span. */
#define MAX_PER_SERIES 1000

static QuorumOccurrence *
make_occurrence (const QuorumIcsEvent *ev,
                 GDateTime            *start,
                 GDateTime            *end,
                 GDateTime            *recurrence_id,
                 const char           *source_name)
{
  QuorumOccurrence *occurrence;

  occurrence = g_object_new (QUORUM_TYPE_OCCURRENCE,
                             "uid", ev->uid,
                             "title", ev->summary,
                             "location", ev->location,
                             "recurrence-id", recurrence_id,
                             "start", start,
                             "end", end,
                             "all-day", ev->all_day,
                             "kind", QUORUM_OCCURRENCE_KIND_EXTERNAL,
                             "status", ev->status == QUORUM_ICS_STATUS_CANCELLED
                                       ? QUORUM_OCCURRENCE_CANCELLED
                                       : QUORUM_OCCURRENCE_SCHEDULED,
                             NULL);
  g_object_set_data_full (G_OBJECT (occurrence), SOURCE_KEY, g_strdup (source_name), g_free);
  return occurrence;
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  return quorum_occurrence_compare (*(QuorumOccurrence **) a, *(QuorumOccurrence **) b);
}

static GDateTime *
end_of (const QuorumIcsEvent *ev)
{
  if (ev->dtend != NULL)
    return g_date_time_ref (ev->dtend);
  return ev->all_day ? g_date_time_add_days (ev->dtstart, 1) : g_date_time_ref (ev->dtstart);
}

static gboolean
overlaps (GDateTime *start,
          GDateTime *end,
          GDateTime *from,
          GDateTime *to)
{
  return (to == NULL || g_date_time_compare (start, to) < 0) &&
         (from == NULL || g_date_time_compare (end, from) > 0 ||
          (g_date_time_equal (start, end) && g_date_time_compare (start, from) >= 0));
}

static void
add_if_visible (GPtrArray            *out,
                const QuorumIcsEvent *ev,
                GDateTime            *recurrence_id,
                const char           *source_name,
                GDateTime            *from,
                GDateTime            *to)
{
  g_autoptr(GDateTime) end = end_of (ev);

  if (ev->dtstart != NULL && overlaps (ev->dtstart, end, from, to))
    g_ptr_array_add (out, make_occurrence (ev, ev->dtstart, end, recurrence_id, source_name));
}

static const QuorumIcsEvent *
find_override (GPtrArray *overrides,
               GDateTime *start,
               GHashTable *used)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      const QuorumIcsEvent *ev = g_ptr_array_index (overrides, i);

      if (g_date_time_equal (ev->recurrence_id, start))
        {
          g_hash_table_add (used, (gpointer) ev);
          return ev;
        }
    }
  return NULL;
}

static void
expand_series (GPtrArray            *out,
               const QuorumIcsEvent *master,
               GPtrArray            *overrides,
               GHashTable           *used,
               const char           *source_name,
               GDateTime            *from,
               GDateTime            *to)
{
  g_autoptr(GDateTime) master_end = end_of (master);
  g_autoptr(GDateTime) search_from = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GError) error = NULL;
  GTimeSpan duration = g_date_time_difference (master_end, master->dtstart);

  /* An instance that started before @from may still be running. */
  if (from != NULL)
    search_from = g_date_time_add (from, -duration);
  starts = quorum_recurrence_expand (master->rrule, master->dtstart, master->tzid,
                                     master->exdates, master->rdates, search_from, to,
                                     MAX_PER_SERIES, &error);
  if (starts == NULL)
    {
      g_debug ("Skipping the subscribed series %s: %s", master->uid, error->message);
      return;
    }

  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = g_ptr_array_index (starts, i);
      const QuorumIcsEvent *override = find_override (overrides, start, used);
      g_autoptr(GDateTime) end = NULL;

      if (override != NULL)
        {
          add_if_visible (out, override, start, source_name, from, to);
          continue;
        }
      end = g_date_time_add (start, duration);
      if (overlaps (start, end, from, to))
        g_ptr_array_add (out, make_occurrence (master, start, end,
                                               master->rrule != NULL ? start : NULL,
                                               source_name));
    }
}

/**
 * quorum_caldav_overlay_expand:
 * @events: (element-type QuorumIcsEvent): a calendar's events, masters and
 *   overrides
 * @source_name: (nullable): the calendar's name, for
 *   quorum_occurrence_get_source()
 * @from: (nullable): the start of the span
 * @to: (nullable): its end (exclusive); a series that never ends needs it
 *
 * Expands @events into the occurrences that overlap the span, each override
 * standing in for the instance it replaces. Series that cannot be expanded
 * (an unknown rule or time zone) are left out: a foreign calendar's oddity
 * must not hide the rest.
 *
 * Returns: (transfer full) (element-type QuorumOccurrence): the occurrences
 *   of the kind %QUORUM_OCCURRENCE_KIND_EXTERNAL, sorted by start
 */
GPtrArray *
quorum_caldav_overlay_expand (GPtrArray  *events,
                              const char *source_name,
                              GDateTime  *from,
                              GDateTime  *to)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (events != NULL, out);

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);
      GPtrArray *list;

      if (ev->recurrence_id == NULL || ev->uid == NULL)
        continue;
      if (!(list = g_hash_table_lookup (overrides, ev->uid)))
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (overrides, ev->uid, list);
        }
      g_ptr_array_add (list, ev);
    }

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);

      if (ev->recurrence_id != NULL || ev->dtstart == NULL)
        continue;
      if (ev->rrule == NULL && (ev->rdates == NULL || ev->rdates->len == 0))
        add_if_visible (out, ev, NULL, source_name, from, to);
      else
        expand_series (out, ev, ev->uid != NULL ? g_hash_table_lookup (overrides, ev->uid) : NULL,
                       used, source_name, from, to);
    }

  /* Overrides moved into the span from outside it, or without a master. */
  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);

      if (ev->recurrence_id != NULL && !g_hash_table_contains (used, ev))
        add_if_visible (out, ev, ev->recurrence_id, source_name, from, to);
    }

  g_ptr_array_sort (out, compare_occurrences);
  return out;
}

/**
 * quorum_caldav_overlay_fetch:
 * @client: a client for the server of the calendar
 * @calendar_href: the calendar's path or full URL
 * @source_name: (nullable): the calendar's name, shown with its events
 * @from: (nullable): the start of the span
 * @to: (nullable): its end (exclusive)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a calendar (calendar-query REPORT) and expands it with
 * quorum_caldav_overlay_expand(). Resources that cannot be parsed are left
 * out with a warning in the log.
 *
 * Returns: (transfer full) (element-type QuorumOccurrence): the occurrences,
 *   or %NULL with @error set
 */
GPtrArray *
quorum_caldav_overlay_fetch (QuorumCaldavClient  *client,
                             const char          *calendar_href,
                             const char          *source_name,
                             GDateTime           *from,
                             GDateTime           *to,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (QUORUM_IS_CALDAV_CLIENT (client), NULL);
  g_return_val_if_fail (calendar_href != NULL, NULL);

  if (!(resources = quorum_caldav_client_query (client, calendar_href, cancellable, error)))
    return NULL;

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  for (guint i = 0; i < resources->len; i++)
    {
      QuorumCaldavResource *resource = g_ptr_array_index (resources, i);
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GError) local_error = NULL;

      if (resource->data == NULL)
        continue;
      parsed = quorum_ics_parse (resource->data, strlen (resource->data), resource->href, NULL,
                                 &local_error);
      if (parsed == NULL)
        {
          g_warning ("Skipping %s: %s", resource->href, local_error->message);
          continue;
        }
      for (guint j = 0; j < parsed->len; j++)
        g_ptr_array_add (events, quorum_ics_event_ref (g_ptr_array_index (parsed, j)));
    }

  return quorum_caldav_overlay_expand (events, source_name, from, to);
}

/**
 * quorum_occurrence_is_external:
 * @occurrence: an occurrence
 *
 * Returns: whether @occurrence comes from a subscribed calendar (read-only,
 *   not in the store)
 */
gboolean
quorum_occurrence_is_external (QuorumOccurrence *occurrence)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (occurrence), FALSE);

  return g_strcmp0 (quorum_occurrence_get_kind (occurrence),
                    QUORUM_OCCURRENCE_KIND_EXTERNAL) == 0;
}

/**
 * quorum_occurrence_get_source:
 * @occurrence: an occurrence
 *
 * Returns: (transfer none) (nullable): the name of the subscribed calendar
 *   an external occurrence comes from
 */
const char *
quorum_occurrence_get_source (QuorumOccurrence *occurrence)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (occurrence), NULL);

  return g_object_get_data (G_OBJECT (occurrence), SOURCE_KEY);
}
