/* quorum-store-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store as iCalendar. A FULL export writes what the store holds as rule
 * plus exceptions: the rule is expanded up to the horizon and compared with
 * the occurrence rows, so that every difference (a moved, retitled,
 * holiday-shifted or cancelled occurrence, a day the rule skipped) is written
 * as an override, an EXDATE or an RDATE, and the expansion of the file gives
 * exactly the rows. An import goes the other way in one transaction and
 * matches series by UID, so importing a file again updates instead of
 * duplicating.
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "quorum-ics-private.h"
#include "quorum-json.h"
#include "quorum-recurrence.h"
#include "quorum-rulebook.h"
#include "quorum-store-ics-private.h"
#include "quorum-store-private.h"

#define MAX_INSTANCES 5000

/* The duty kinds of the rulebook format, with the label calendars show. */
static const struct
{
  const char *kind;
  const char *label;
} kind_labels[] = {
  { "study", N_("Study") },
  { "meeting", N_("Meeting") },
  { "economy", N_("Economy") },
  { "investment", N_("Investment promotion") },
  { "enterprise", N_("Enterprise service") },
  { "research", N_("Research") },
  { "petition", N_("Petitions") },
  { "reception", N_("Reception day") },
  { "frontline", N_("Front-line work") },
  { "service", N_("Public service") },
  { "law", N_("Rule of law") },
  { "major-matter", N_("Major matters") },
  { "party-life", N_("Party life") },
  { "inspection", N_("Inspection") },
  { "ideology", N_("Ideology") },
  { "integrity", N_("Integrity") },
  { "leave", N_("Leave") },
  { "paperwork", N_("Paperwork") },
  { "liaison", N_("Liaison") },
};

/* One expected person of an occurrence, with what was recorded. The strings
 * belong to the export's people and to status_nick(). */
typedef struct
{
  gint64      person_id;
  const char *name;
  const char *uri;
  const char *status;    /* attendance status nick, or NULL */
} Expected;

/* A person as the rosters of an export need them, with the calendar address
 * ATTENDEE lines give them. */
typedef struct
{
  gint64  id;
  gint64  rank;
  char   *name;
  char   *retired_on;    /* "YYYY-MM-DD", or NULL */
  char   *uri;
} RosterPerson;

/* One way a person belongs to a series: named in it or owning it (no dates),
 * or a member or head of one of its units over [start, end]. */
typedef struct
{
  RosterPerson *person;
  char         *start;   /* NULL: from always */
  char         *end;     /* NULL: open-ended */
} Candidate;

/* An occurrence row as stored, with its own overrides (not coalesced). */
typedef struct
{
  gint64     id;
  char      *rid_text;
  GDateTime *rid;
  GDateTime *start;
  GDateTime *end;
  char      *status;
  char      *title;
  char      *location;
} Row;

typedef struct
{
  QuorumStore    *store;
  QuorumRulebook *rulebook;
  GHashTable     *expected;    /* occurrence id → GPtrArray of Expected */
  GHashTable     *people;      /* person id → RosterPerson */
  GHashTable     *candidates;  /* series id → GArray of Candidate, in roster order */
  sqlite3_stmt   *attendance;  /* what was recorded at one occurrence */
} ExportContext;

static void
export_context_clear (ExportContext *ctx)
{
  g_clear_pointer (&ctx->people, g_hash_table_unref);
  g_clear_pointer (&ctx->attendance, _quorum_statement_release);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportContext, export_context_clear)

static void
roster_person_free (gpointer data)
{
  RosterPerson *person = data;

  g_free (person->name);
  g_free (person->retired_on);
  g_free (person->uri);
  g_free (person);
}

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->start);
  g_free (candidate->end);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->rid_text);
  g_clear_pointer (&row->rid, g_date_time_unref);
  g_clear_pointer (&row->start, g_date_time_unref);
  g_clear_pointer (&row->end, g_date_time_unref);
  g_free (row->status);
  g_free (row->title);
  g_free (row->location);
  g_free (row);
}

/**
 * quorum_import_report_clear:
 * @report: a #QuorumImportReport
 *
 * Frees the warnings and zeroes the report.
 */
void
quorum_import_report_clear (QuorumImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->warnings, g_strfreev);
  memset (report, 0, sizeof *report);
}

/**
 * quorum_duty_kind_get_label:
 * @kind: (nullable): a duty kind of the rulebook format (`study`, `law`…)
 *
 * Returns: (transfer none) (nullable): the translated name of @kind, written
 *   as the iCalendar CATEGORIES; @kind itself when it is not a known kind
 */
const char *
quorum_duty_kind_get_label (const char *kind)
{
  if (kind == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (strcmp (kind_labels[i].kind, kind) == 0)
      return _(kind_labels[i].label);
  return kind;
}

/* The kind a CATEGORIES value names, in any language we write, or NULL. */
static const char *
kind_from_categories (GStrv categories)
{
  for (guint c = 0; categories != NULL && categories[c] != NULL; c++)
    for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
      if (g_strcmp0 (categories[c], kind_labels[i].kind) == 0 ||
          g_strcmp0 (categories[c], kind_labels[i].label) == 0 ||
          g_strcmp0 (categories[c], _(kind_labels[i].label)) == 0)
        return kind_labels[i].kind;
  return NULL;
}

static GTimeZone *
zone_of (const char *tzid)
{
  GTimeZone *tz = tzid != NULL ? g_time_zone_new_identifier (tzid) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static gboolean
is_utc (const char *tzid)
{
  return tzid == NULL || g_ascii_strcasecmp (tzid, "UTC") == 0 ||
         g_ascii_strcasecmp (tzid, "Etc/UTC") == 0;
}

/* The rulebook stored in the database, or NULL: citations and kinds need it,
 * nothing else does. */
static QuorumRulebook *
load_rulebook (QuorumStore *store)
{
  g_autofree char *data = quorum_store_dup_rulebook_data (store);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  if (data == NULL)
    return NULL;
  len = strlen (data);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return quorum_rulebook_new_from_bytes (bytes, "rulebook", NULL);
}

/* Export ----------------------------------------------------------------- */

/* "依据：栖政发〔2022〕5号第2条：…": the article a duty comes from. */
static char *
dup_citation (ExportContext *ctx,
              const char    *duty_id)
{
  QuorumDuty *duty;

  if (ctx->rulebook == NULL || duty_id == NULL ||
      !(duty = quorum_rulebook_lookup (ctx->rulebook, duty_id)))
    return NULL;

  /* Translators: the rule an event comes from: the document number, the
   * article number and the article's own sentence. */
  return g_strdup_printf (_("Basis: %s, article %d: %s"),
                          quorum_rulebook_get_source (ctx->rulebook) ?: "",
                          quorum_duty_get_article (duty),
                          quorum_duty_get_text (duty) ?: "");
}

/* Everyone the rosters of this export may name, read once. */
static gboolean
load_roster_people (ExportContext  *ctx,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok;

  if (ctx->people != NULL)
    return TRUE;

  ctx->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, roster_person_free);
  if (!(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT id, rank, name, retired_on FROM person", error)))
    return FALSE;
  while ((ok = _quorum_store_step_row (ctx->store, stmt, &row, error)) && row)
    {
      RosterPerson *person = g_new0 (RosterPerson, 1);

      person->id = sqlite3_column_int64 (stmt, 0);
      person->rank = sqlite3_column_int64 (stmt, 1);
      person->name = g_strdup (_quorum_store_column_text (stmt, 2));
      person->retired_on = g_strdup (_quorum_store_column_text (stmt, 3));
      person->uri = g_strdup_printf ("urn:x-quorum:person:%" G_GINT64_FORMAT, person->id);
      g_hash_table_insert (ctx->people, &person->id, person);
    }
  return ok;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const RosterPerson *pa = ((const Candidate *)a)->person;
  const RosterPerson *pb = ((const Candidate *)b)->person;

  if (pa->rank != pb->rank)
    return pa->rank < pb->rank ? -1 : 1;
  return (pa->id > pb->id) - (pa->id < pb->id);
}

/* The ways people belong to @series_id, in rank order (a person's ways next
 * to each other), read once per series. */
static GArray *
lookup_candidates (ExportContext  *ctx,
                   gint64          series_id,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) candidates = NULL;
  GArray *found = g_hash_table_lookup (ctx->candidates, &series_id);
  gboolean row = FALSE;
  gboolean ok;

  if (found != NULL)
    return found;
  if (!load_roster_people (ctx, error) ||
      !(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT person_id, NULL, NULL FROM series_participant"
                                      " WHERE series_id = ?1 AND person_id IS NOT NULL"
                                      " UNION ALL"
                                      " SELECT r.person_id, r.start_date, r.end_date"
                                      "   FROM series_participant sp JOIN relation r"
                                      "     ON r.unit_id = sp.unit_id AND r.kind IN ('member', 'head')"
                                      "  WHERE sp.series_id = ?1"
                                      " UNION ALL"
                                      " SELECT owner_id, NULL, NULL FROM series"
                                      "  WHERE id = ?1 AND owner_id IS NOT NULL",
                                      error)))
    return NULL;

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (candidates, candidate_clear);
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((ok = _quorum_store_step_row (ctx->store, stmt, &row, error)) && row)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      Candidate candidate = { g_hash_table_lookup (ctx->people, &person_id), NULL, NULL };

      if (candidate.person == NULL)
        continue;
      candidate.start = g_strdup (_quorum_store_column_text (stmt, 1));
      candidate.end = g_strdup (_quorum_store_column_text (stmt, 2));
      g_array_append_val (candidates, candidate);
    }
  if (!ok)
    return NULL;

  g_array_sort (candidates, compare_candidates);
  found = g_steal_pointer (&candidates);
  g_hash_table_insert (ctx->candidates, g_memdup2 (&series_id, sizeof series_id), found);
  return found;
}

/* One of the statuses of the attendance table, as a string that lives as
 * long as the process. */
static const char *
status_nick (const char *text)
{
  static const char * const nicks[] = { "present", "late", "excused", "absent" };

  if (text == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (strcmp (text, nicks[i]) == 0)
      return nicks[i];
  return g_intern_string (text);
}

/* Sets @out (of Expected) to the people expected at the occurrence
 * @occurrence_id of @series_id, which starts on @day ("YYYY-MM-DD"), in rank
 * order, with what was recorded for each: the people
 * %QUORUM_STORE_EXPECTED_CTE gives, worked out from the series' rules of
 * membership instead of joining every occurrence to every relation (and
 * sorting all of it), which cost an export a sort of all attendance. */
static gboolean
fill_expected (ExportContext  *ctx,
               gint64          series_id,
               gint64          occurrence_id,
               const char     *day,
               GArray         *out,
               GError        **error)
{
  GArray *candidates = lookup_candidates (ctx, series_id, error);
  gboolean row = FALSE;
  gboolean ok;

  g_array_set_size (out, 0);
  if (candidates == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len;)
    {
      RosterPerson *person = g_array_index (candidates, Candidate, i).person;
      gboolean member = FALSE;

      for (; i < candidates->len && g_array_index (candidates, Candidate, i).person == person; i++)
        {
          const Candidate *c = &g_array_index (candidates, Candidate, i);

          if ((c->start == NULL || strcmp (c->start, day) <= 0) &&
              (c->end == NULL || strcmp (c->end, day) >= 0))
            member = TRUE;
        }
      if (member && (person->retired_on == NULL || strcmp (person->retired_on, day) > 0))
        {
          Expected e = { person->id, person->name, person->uri, NULL };

          g_array_append_val (out, e);
        }
    }

  /* What was recorded for someone not expected is not shown. */
  if (out->len == 0)
    return TRUE;

  if (ctx->attendance == NULL &&
      !(ctx->attendance = _quorum_store_prepare (ctx->store,
                                                 "SELECT person_id, status FROM attendance"
                                                 " WHERE occurrence_id = ?1",
                                                 error)))
    return FALSE;
  sqlite3_reset (ctx->attendance);
  sqlite3_bind_int64 (ctx->attendance, 1, occurrence_id);
  while ((ok = _quorum_store_step_row (ctx->store, ctx->attendance, &row, error)) && row)
    {
      gint64 person_id = sqlite3_column_int64 (ctx->attendance, 0);

      for (guint i = 0; i < out->len; i++)
        {
          Expected *e = &g_array_index (out, Expected, i);

          if (e->person_id == person_id)
            {
              e->status = status_nick (_quorum_store_column_text (ctx->attendance, 1));
              break;
            }
        }
    }
  return ok;
}

/* Loads, per occurrence of @series_id that overlaps the range, the people
 * expected there and what was recorded. */
static gboolean
load_expected (ExportContext  *ctx,
               gint64          series_id,
               GDateTime      *from,
               GDateTime      *to,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Expected));
  gboolean row = FALSE;
  gboolean ok;

  if (!(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT o.id, substr (o.start_at, 1, 10)"
                                      "  FROM occurrence o JOIN series s ON s.id = o.series_id"
                                      " WHERE s.deleted = 0 AND o.series_id = ?1"
                                      "   AND o.end_unix >= ?2 AND o.start_unix < ?3",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (to));

  while ((ok = _quorum_store_step_row (ctx->store, stmt, &row, error)) && row)
    {
      gint64 oid = sqlite3_column_int64 (stmt, 0);
      GPtrArray *expected;

      if (!fill_expected (ctx, series_id, oid, _quorum_store_column_text (stmt, 1), list, error))
        return FALSE;
      if (list->len == 0)
        continue;
      expected = g_ptr_array_new_full (list->len, g_free);
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (expected, g_memdup2 (&g_array_index (list, Expected, i), sizeof (Expected)));
      g_hash_table_insert (ctx->expected, g_memdup2 (&oid, sizeof oid), expected);
    }
  return ok;
}

static QuorumIcsPartstat
partstat_of (const char *status)
{
  if (g_strcmp0 (status, "present") == 0 || g_strcmp0 (status, "late") == 0)
    return QUORUM_ICS_PARTSTAT_ACCEPTED;
  if (g_strcmp0 (status, "excused") == 0 || g_strcmp0 (status, "absent") == 0)
    return QUORUM_ICS_PARTSTAT_DECLINED;
  return QUORUM_ICS_PARTSTAT_NEEDS_ACTION;
}

static void
add_attendee (QuorumIcsEvent *ev,
              const Expected *e,
              gboolean        with_status)
{
  quorum_ics_event_add_attendee (ev, e->name, e->uri,
                                 with_status ? partstat_of (e->status)
                                             : QUORUM_ICS_PARTSTAT_NEEDS_ACTION,
                                 "REQ-PARTICIPANT");
}

static gboolean
has_recorded (ExportContext *ctx,
              gint64         occurrence_id)
{
  GPtrArray *list = g_hash_table_lookup (ctx->expected, &occurrence_id);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((Expected *)g_ptr_array_index (list, i))->status != NULL)
      return TRUE;
  return FALSE;
}

static void
add_attendees_of (ExportContext  *ctx,
                  QuorumIcsEvent *ev,
                  gint64          occurrence_id)
{
  GPtrArray *list = g_hash_table_lookup (ctx->expected, &occurrence_id);

  for (guint i = 0; list != NULL && i < list->len; i++)
    add_attendee (ev, g_ptr_array_index (list, i), TRUE);
}

/* Everyone expected at any of @rows, in rank order, without a status. */
static void
add_attendees_union (ExportContext  *ctx,
                     QuorumIcsEvent *ev,
                     GPtrArray      *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      GPtrArray *list = g_hash_table_lookup (ctx->expected, &row->id);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          Expected *e = g_ptr_array_index (list, i);

          if (g_hash_table_add (seen, &e->person_id))
            g_ptr_array_add (all, e);
        }
    }

  /* The lists are each in rank order; keep that order overall by person id
   * of first appearance, which is stable across exports. */
  for (guint i = 0; i < all->len; i++)
    add_attendee (ev, g_ptr_array_index (all, i), FALSE);
}

static gboolean
load_stamps (QuorumStore   *store,
             gint64         series_id,
             GDateTime    **out_created,
             GDateTime    **out_modified,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  if (!(stmt = _quorum_store_prepare (store,
                                      "SELECT created_at, last_modified FROM series WHERE id = ?1",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  if (!_quorum_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (row)
    {
      *out_created = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 0));
      *out_modified = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 1));
    }
  return TRUE;
}

static GPtrArray *
load_rows (QuorumStore   *store,
           gint64         series_id,
           GTimeZone     *tz,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  gboolean row = FALSE;
  gboolean ok;

  if (!(stmt = _quorum_store_prepare (store,
                                      "SELECT id, recurrence_id, start_at, end_at, status, title,"
                                      " location FROM occurrence WHERE series_id = ?1"
                                      " ORDER BY recurrence_id",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((ok = _quorum_store_step_row (store, stmt, &row, error)) && row)
    {
      Row *r = g_new0 (Row, 1);
      g_autoptr(GDateTime) start = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 2));
      g_autoptr(GDateTime) end = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 3));

      r->id = sqlite3_column_int64 (stmt, 0);
      r->rid_text = g_strdup (_quorum_store_column_text (stmt, 1));
      r->rid = g_date_time_new_from_iso8601 (r->rid_text, tz);
      r->start = start != NULL ? g_date_time_to_timezone (start, tz) : NULL;
      r->end = end != NULL ? g_date_time_to_timezone (end, tz) : NULL;
      r->status = g_strdup (_quorum_store_column_text (stmt, 4));
      r->title = g_strdup (_quorum_store_column_text (stmt, 5));
      r->location = g_strdup (_quorum_store_column_text (stmt, 6));
      if (r->rid == NULL || r->start == NULL || r->end == NULL)
        row_free (r);
      else
        g_ptr_array_add (rows, r);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&rows);
}

/* The event fields every event of a series shares. */
static QuorumIcsEvent *
new_series_event (ExportContext *ctx,
                  QuorumSeries  *series,
                  GDateTime     *created,
                  GDateTime     *modified)
{
  QuorumIcsEvent *ev = quorum_ics_event_new ();
  g_autofree char *citation = dup_citation (ctx, quorum_series_get_duty_id (series));
  const char *description = quorum_series_get_description (series);
  const char *kind = quorum_series_get_kind (series);
  const char *tzid = quorum_series_get_tzid (series);

  if (kind == NULL && ctx->rulebook != NULL && quorum_series_get_duty_id (series) != NULL)
    {
      QuorumDuty *duty = quorum_rulebook_lookup (ctx->rulebook, quorum_series_get_duty_id (series));

      if (duty != NULL)
        kind = quorum_duty_get_kind (duty);
    }

  ev->uid = g_strdup (quorum_series_get_uid (series));
  ev->summary = g_strdup (quorum_series_get_title (series));
  ev->location = g_strdup (quorum_series_get_location (series));
  if (description != NULL && description[0] != '\0' && citation != NULL)
    ev->description = g_strdup_printf ("%s\n\n%s", description, citation);
  else if (description != NULL && description[0] != '\0')
    ev->description = g_strdup (description);
  else
    ev->description = g_strdup (citation);
  ev->article = g_steal_pointer (&citation);
  if (kind != NULL)
    {
      const char *categories[] = { quorum_duty_kind_get_label (kind), NULL };

      ev->categories = g_strdupv ((char **)categories);
    }
  ev->all_day = quorum_series_get_all_day (series);
  ev->tzid = is_utc (tzid) ? NULL : g_strdup (tzid);
  ev->sequence = quorum_series_get_sequence (series);
  ev->created = created != NULL ? g_date_time_ref (created) : NULL;
  ev->last_modified = modified != NULL ? g_date_time_ref (modified) : NULL;
  ev->dtstamp = modified != NULL ? g_date_time_ref (modified) : NULL;
  ev->duty = g_strdup (quorum_series_get_duty_id (series));
  if (quorum_series_get_reminder_minutes (series) >= 0)
    quorum_ics_event_add_alarm (ev, quorum_series_get_reminder_minutes (series),
                                quorum_series_get_title (series));
  return ev;
}

static void
set_times_from_row (QuorumIcsEvent *ev,
                    QuorumSeries   *series,
                    Row            *row)
{
  g_clear_pointer (&ev->dtstart, g_date_time_unref);
  g_clear_pointer (&ev->dtend, g_date_time_unref);
  ev->dtstart = g_date_time_ref (row->start);
  ev->dtend = g_date_time_ref (row->end);
  if (row->title != NULL)
    {
      g_free (ev->summary);
      ev->summary = g_strdup (row->title);
    }
  if (row->location != NULL)
    {
      g_free (ev->location);
      ev->location = g_strdup (row->location);
    }
  if (g_strcmp0 (row->status, "cancelled") == 0)
    ev->status = QUORUM_ICS_STATUS_CANCELLED;
}

static gboolean
row_differs_from_rule (QuorumSeries *series,
                       Row          *row)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (row->rid,
                                                      quorum_series_get_duration_minutes (series));

  return !g_date_time_equal (row->start, row->rid) ||
         !g_date_time_equal (row->end, end) ||
         (row->title != NULL && g_strcmp0 (row->title, quorum_series_get_title (series)) != 0) ||
         (row->location != NULL &&
          g_strcmp0 (row->location, quorum_series_get_location (series)) != 0);
}

/* One series as a master and its overrides, appended to @events. */
static gboolean
export_series_full (ExportContext  *ctx,
                    QuorumSeries   *series,
                    GDateTime      *horizon,
                    GPtrArray      *events,
                    GError        **error)
{
  g_autoptr(GTimeZone) tz = zone_of (quorum_series_get_tzid (series));
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) early = g_date_time_new_utc (1900, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GHashTable) rows_by_rid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rule_rids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(QuorumIcsEvent) master = NULL;
  GDateTime *dtstart = quorum_series_get_dtstart (series);
  const char *rrule = quorum_series_get_rrule (series);
  gint64 id = quorum_series_get_id (series);

  if (!load_stamps (ctx->store, id, &created, &modified, error) ||
      !(rows = load_rows (ctx->store, id, tz, error)) ||
      !load_expected (ctx, id, early, horizon, error))
    return FALSE;

  master = new_series_event (ctx, series, created, modified);
  master->dtstart = g_date_time_to_timezone (dtstart, tz);
  master->dtend = g_date_time_add_minutes (master->dtstart,
                                           quorum_series_get_duration_minutes (series));

  if (rrule == NULL)
    {
      /* A single event: the master is its one occurrence, as it stands. */
      if (rows->len > 0)
        {
          Row *row = g_ptr_array_index (rows, 0);

          set_times_from_row (master, series, row);
          add_attendees_of (ctx, master, row->id);
        }
      else
        master->status = QUORUM_ICS_STATUS_CANCELLED;
      g_ptr_array_add (events, g_steal_pointer (&master));
      return TRUE;
    }

  master->rrule = g_strdup (rrule);
  add_attendees_union (ctx, master, rows);

  if (!(instances = quorum_recurrence_expand (rrule, dtstart, quorum_series_get_tzid (series),
                                              NULL, NULL, NULL, horizon, MAX_INSTANCES, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (rows_by_rid, row->rid_text, row);
    }

  /* Starts of the rule with no row: skipped for a holiday, removed, or
   * before the rule was last edited. */
  for (guint i = 0; i < instances->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (g_ptr_array_index (instances, i), tz);
      char *text = _quorum_store_format_local (local);

      if (!g_hash_table_contains (rows_by_rid, text))
        g_ptr_array_add (master->exdates, g_steal_pointer (&local));
      g_hash_table_add (rule_rids, text);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      gboolean from_rule = g_hash_table_contains (rule_rids, row->rid_text);
      QuorumIcsEvent *override;

      if (g_strcmp0 (row->status, "cancelled") == 0)
        {
          if (from_rule)
            g_ptr_array_add (master->exdates, g_date_time_ref (row->rid));
          continue;
        }
      if (!from_rule)
        g_ptr_array_add (master->rdates, g_date_time_ref (row->rid));
      if (!row_differs_from_rule (series, row) && !has_recorded (ctx, row->id))
        continue;

      override = new_series_event (ctx, series, created, modified);
      override->recurrence_id = g_date_time_ref (row->rid);
      set_times_from_row (override, series, row);
      add_attendees_of (ctx, override, row->id);
      g_ptr_array_add (events, override);
    }

  g_ptr_array_add (events, g_steal_pointer (&master));
  return TRUE;
}

/* Series by id, read once per export. */
typedef struct
{
  QuorumSeries   *series;
  GDateTime      *created;
  GDateTime      *modified;
  QuorumIcsEvent *prototype;    /* what its events share, once a feed needs it */
} SeriesInfo;

static void
series_info_free (gpointer data)
{
  SeriesInfo *info = data;

  g_clear_object (&info->series);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_clear_pointer (&info->prototype, quorum_ics_event_unref);
  g_free (info);
}

static SeriesInfo *
lookup_series (ExportContext  *ctx,
               GHashTable     *cache,
               gint64          series_id,
               GError        **error)
{
  SeriesInfo *info = g_hash_table_lookup (cache, &series_id);

  if (info != NULL)
    return info;

  info = g_new0 (SeriesInfo, 1);
  if (!(info->series = quorum_store_get_series (ctx->store, series_id, error)) ||
      !load_stamps (ctx->store, series_id, &info->created, &info->modified, error))
    {
      series_info_free (info);
      return NULL;
    }
  g_hash_table_insert (cache, g_memdup2 (&series_id, sizeof series_id), info);
  return info;
}

static gboolean
roster_has (GArray *roster,
            gint64  person_id)
{
  for (guint i = 0; i < roster->len; i++)
    if (g_array_index (roster, Expected, i).person_id == person_id)
      return TRUE;
  return FALSE;
}

/* "UID-YYYYMMDDTHHMMSS": the series UID and the recurrence id without its
 * separators, as g_date_time_format ("%Y%m%dT%H%M%S") of it would give. */
static char *
dup_occurrence_uid (const char *series_uid,
                    GDateTime  *rid)
{
  char local[QUORUM_STORE_INSTANT_SIZE];
  char compact[QUORUM_STORE_INSTANT_SIZE];
  char *q = compact;

  if (rid == NULL)
    return g_strdup_printf ("%s-%s", series_uid, (const char *)NULL);

  _quorum_store_print_local (local, rid);
  for (const char *p = local; *p != '\0'; p++)
    if (*p != '-' && *p != ':')
      *q++ = *p;
  *q = '\0';
  return g_strconcat (series_uid, "-", compact, NULL);
}

/* A new event with what @prototype (made by new_series_event()) has: the
 * fields every event of a series shares, worked out once per series. */
static QuorumIcsEvent *
copy_series_event (const QuorumIcsEvent *prototype)
{
  QuorumIcsEvent *ev = quorum_ics_event_new ();

  ev->summary = g_strdup (prototype->summary);
  ev->location = g_strdup (prototype->location);
  ev->description = g_strdup (prototype->description);
  ev->article = g_strdup (prototype->article);
  ev->categories = g_strdupv (prototype->categories);
  ev->all_day = prototype->all_day;
  ev->tzid = g_strdup (prototype->tzid);
  ev->sequence = prototype->sequence;
  ev->created = prototype->created != NULL ? g_date_time_ref (prototype->created) : NULL;
  ev->last_modified = prototype->last_modified != NULL ? g_date_time_ref (prototype->last_modified)
                                                       : NULL;
  ev->dtstamp = prototype->dtstamp != NULL ? g_date_time_ref (prototype->dtstamp) : NULL;
  ev->duty = g_strdup (prototype->duty);
  for (guint i = 0; i < prototype->alarms->len; i++)
    {
      const QuorumIcsAlarm *alarm = &g_array_index (prototype->alarms, QuorumIcsAlarm, i);

      quorum_ics_event_add_alarm (ev, alarm->minutes_before, alarm->description);
    }
  return ev;
}

/* One event per occurrence: UID is the series UID plus the recurrence id,
 * so an event keeps its UID however often the feed is rebuilt. The rows
 * come from one query with only what an event needs (not the counts that
 * quorum_store_list_occurrences() gives), the rosters from one more. */
static gboolean
export_feed (ExportContext            *ctx,
             const QuorumExportScope  *scope,
             GDateTime                *from,
             GDateTime                *to,
             GPtrArray                *events,
             GError                  **error)
{
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       series_info_free);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)g_time_zone_unref);
  g_autoptr(GArray) roster = g_array_new (FALSE, FALSE, sizeof (Expected));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 span = 0;
  gboolean row = FALSE;
  gboolean ok;

  if (!_quorum_store_ensure_range (ctx->store, to, &span, error) ||
      !(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT o.id, o.series_id, o.recurrence_id, o.start_at,"
                                      " o.end_at, coalesce (o.title, s.title),"
                                      " coalesce (o.location, s.location), o.status, s.tzid"
                                      " FROM occurrence o JOIN series s ON s.id = o.series_id"
                                      " WHERE s.deleted = 0"
                                      "   AND o.end_unix >= ?1 AND o.start_unix < ?2"
                                      "   AND o.start_unix >= ?1 - ?3"
                                      "   AND (o.end_unix > ?1 OR o.start_unix = o.end_unix)"
                                      "   AND (?4 IS NULL OR s.duty_id = ?4)"
                                      "   AND (?5 = 0 OR EXISTS (SELECT 1 FROM series_participant sp"
                                      "        WHERE sp.series_id = s.id AND sp.unit_id = ?5))"
                                      " ORDER BY o.start_unix, o.end_unix, o.id",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (to));
  sqlite3_bind_int64 (stmt, 3, span);
  _quorum_store_bind_text (stmt, 4, scope->duty_id);
  sqlite3_bind_int64 (stmt, 5, MAX (scope->unit_id, 0));

  while ((ok = _quorum_store_step_row (ctx->store, stmt, &row, error)) && row)
    {
      gint64 oid = sqlite3_column_int64 (stmt, 0);
      const char *tzid = _quorum_store_column_text (stmt, 8);
      GTimeZone *tz = tzid != NULL ? g_hash_table_lookup (zones, tzid) : NULL;
      g_autoptr(GDateTime) rid = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      char day[11] = "";
      SeriesInfo *info;
      QuorumIcsEvent *ev;

      g_strlcpy (day, _quorum_store_column_text (stmt, 3), sizeof day);
      if (!fill_expected (ctx, sqlite3_column_int64 (stmt, 1), oid, day, roster, error))
        return FALSE;
      if (scope->person_id > 0 && !roster_has (roster, scope->person_id))
        continue;

      if (tz == NULL)
        {
          tz = zone_of (tzid);
          g_hash_table_insert (zones, g_strdup (tzid != NULL ? tzid : ""), tz);
        }
      rid = g_date_time_new_from_iso8601 (_quorum_store_column_text (stmt, 2), tz);
      start = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 3));
      end = _quorum_store_parse_instant (_quorum_store_column_text (stmt, 4));

      if (!(info = lookup_series (ctx, cache, sqlite3_column_int64 (stmt, 1), error)))
        return FALSE;
      if (info->prototype == NULL)
        info->prototype = new_series_event (ctx, info->series, info->created, info->modified);

      ev = copy_series_event (info->prototype);
      ev->uid = dup_occurrence_uid (quorum_series_get_uid (info->series), rid);
      ev->dtstart = start != NULL ? g_date_time_to_timezone (start, tz) : NULL;
      ev->dtend = end != NULL ? g_date_time_to_timezone (end, tz) : NULL;
      g_free (ev->summary);
      ev->summary = g_strdup (_quorum_store_column_text (stmt, 5));
      g_free (ev->location);
      ev->location = g_strdup (_quorum_store_column_text (stmt, 6));
      if (g_strcmp0 (_quorum_store_column_text (stmt, 7), "cancelled") == 0)
        ev->status = QUORUM_ICS_STATUS_CANCELLED;
      for (guint i = 0; i < roster->len; i++)
        add_attendee (ev, &g_array_index (roster, Expected, i), TRUE);
      g_ptr_array_add (events, ev);
    }

  return ok;
}

/**
 * quorum_store_export_events:
 * @self: a #QuorumStore
 * @scope: (nullable): what to export; %NULL for everything
 * @shape: series with exceptions, or one event per occurrence
 * @error: return location for a #GError
 *
 * The store's calendar as iCalendar events. UIDs are stable (the series UID;
 * in a FEED, the series UID plus the recurrence id), SEQUENCE and
 * LAST-MODIFIED follow every edit, CATEGORIES is the translated duty kind,
 * DESCRIPTION cites the article of the rulebook, the series reminder becomes
 * a VALARM and the people expected become ATTENDEEs whose PARTSTAT follows
 * the recorded attendance (present or late: ACCEPTED; excused or absent:
 * DECLINED; nothing yet: NEEDS-ACTION).
 *
 * A FULL export expands each rule up to the horizon and writes every
 * difference with the stored occurrences as EXDATEs (cancelled, removed or
 * skipped), RDATEs and RECURRENCE-ID overrides (moved, retitled, relocated,
 * or with attendance recorded), so that expanding the file gives exactly the
 * store's occurrences. It brings the horizon up to date first.
 *
 * Returns: (transfer container) (element-type QuorumIcsEvent): the events,
 *   or %NULL with @error set
 */
GPtrArray *
quorum_store_export_events (QuorumStore              *self,
                            const QuorumExportScope  *scope,
                            QuorumExportShape         shape,
                            GError                  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_ics_event_unref);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify)g_array_unref);
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GListModel) occurrences = NULL;
  QuorumExportScope everything = { 0 };
  QuorumOccurrenceFilter filter = { 0 };
  g_auto(ExportContext) ctx = { 0 };

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (scope == NULL)
    scope = &everything;

  if (!quorum_store_materialize (self, NULL, error))
    return NULL;

  rulebook = load_rulebook (self);
  ctx.store = self;
  ctx.rulebook = rulebook;
  ctx.expected = expected;
  ctx.candidates = candidates;

  now = _quorum_store_now (self);
  horizon = _quorum_store_dup_horizon (self);
  if (scope->from != NULL)
    from = g_date_time_ref (scope->from);
  else if (shape == QUORUM_EXPORT_FEED)
    from = g_date_time_add_days (now, -QUORUM_FEED_DAYS_BACK);
  else
    from = g_date_time_new_utc (1900, 1, 1, 0, 0, 0);
  if (scope->to != NULL)
    to = g_date_time_ref (scope->to);
  else if (shape == QUORUM_EXPORT_FEED)
    to = g_date_time_add_days (now, QUORUM_FEED_DAYS_AHEAD);
  else
    to = g_date_time_ref (horizon);

  filter.person_id = scope->person_id;
  filter.unit_id = scope->unit_id;
  filter.duty_id = scope->duty_id;

  if (shape == QUORUM_EXPORT_FEED)
    {
      if (!export_feed (&ctx, scope, from, to, events, error))
        return NULL;
      return g_steal_pointer (&events);
    }

  if (scope->person_id == 0 && scope->unit_id == 0 && scope->duty_id == NULL &&
      scope->from == NULL && scope->to == NULL)
    {
      if (!(occurrences = quorum_store_list_series (self, error)))
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
        {
          g_autoptr(QuorumSeries) series = g_list_model_get_item (occurrences, i);

          if (!export_series_full (&ctx, series, horizon, events, error))
            return NULL;
        }
    }
  else
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      if (!(occurrences = quorum_store_list_occurrences (self, from, to, &filter, error)))
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
        {
          g_autoptr(QuorumOccurrence) occ = g_list_model_get_item (occurrences, i);
          g_autoptr(QuorumSeries) series = NULL;
          gint64 id = quorum_occurrence_get_series_id (occ);

          if (g_hash_table_contains (seen, &id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          if (!(series = quorum_store_get_series (self, id, error)) ||
              !export_series_full (&ctx, series, horizon, events, error))
            return NULL;
        }
    }

  return g_steal_pointer (&events);
}

/**
 * quorum_store_export_ics:
 * @self: a #QuorumStore
 * @scope: (nullable): what to export
 * @shape: the shape
 * @options: (nullable): how to write it (see quorum_ics_export())
 * @out_len: (out) (optional): the length in bytes
 * @error: return location for a #GError
 *
 * quorum_store_export_events() written as iCalendar text. Without
 * @options->now every DTSTAMP is the event's LAST-MODIFIED, so the same data
 * gives the same bytes.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
quorum_store_export_ics (QuorumStore                   *self,
                         const QuorumExportScope       *scope,
                         QuorumExportShape              shape,
                         const QuorumIcsExportOptions  *options,
                         gsize                         *out_len,
                         GError                       **error)
{
  g_autoptr(GPtrArray) events = quorum_store_export_events (self, scope, shape, error);

  if (events == NULL)
    return NULL;
  return quorum_ics_export (events, options, out_len);
}

/* Import ----------------------------------------------------------------- */

typedef struct
{
  QuorumStore        *store;
  QuorumRulebook     *rulebook;
  GHashTable         *people;      /* name → person id (0 when ambiguous) */
  GHashTable         *series;      /* uid → series id, of this file */
  GHashTable         *touched;     /* series ids whose SEQUENCE this import set */
  GPtrArray          *warnings;
  QuorumImportReport *report;
  gboolean            changed;
  /* New series go here, unless the import goes one by one (tests). */
  QuorumSeriesInserter *inserter;
  /* The UIDs of the whole store while the inserter runs, when there are
   * fewer than events; NULL: ask the database. */
  GHashTable         *store_uids;
  /* What the inserter added, for the summary audit row. */
  GChecksum          *added_uids;
  guint               n_added;
  guint               n_added_occurrences;
  gint64              first_added;
  gint64              last_added;
} ImportContext;

static void
import_warn (ImportContext *ctx,
             const char    *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
import_warn (ImportContext *ctx,
             const char    *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (ctx->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
load_people (ImportContext  *ctx,
             GError        **error)
{
  g_autoptr(GListModel) people = quorum_store_list_people (ctx->store, FALSE, error);

  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      const char *name = quorum_person_get_name (person);
      gint64 id = quorum_person_get_id (person);
      gint64 *value = g_hash_table_lookup (ctx->people, name);

      if (value != NULL)
        *value = 0;
      else
        g_hash_table_insert (ctx->people, g_strdup (name), g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

static gint64
find_series_by_uid (ImportContext  *ctx,
                    const char     *uid,
                    gboolean       *out_deleted,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  *out_deleted = FALSE;
  if (!(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT id, deleted FROM series WHERE uid = ?1", error)))
    return -1;
  _quorum_store_bind_text (stmt, 1, uid);
  if (!_quorum_store_step_row (ctx->store, stmt, &row, error))
    return -1;
  if (!row)
    return 0;
  *out_deleted = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* The description without the citation that an export appended. */
static char *
strip_citation (const QuorumIcsEvent *ev)
{
  gsize len, cut;

  if (ev->description == NULL || ev->article == NULL)
    return g_strdup (ev->description);
  if (g_strcmp0 (ev->description, ev->article) == 0)
    return NULL;
  len = strlen (ev->description);
  cut = strlen (ev->article) + 2;
  if (len > cut && g_str_has_suffix (ev->description, ev->article) &&
      strncmp (ev->description + len - cut, "\n\n", 2) == 0)
    return g_strndup (ev->description, len - cut);
  return g_strdup (ev->description);
}

static int
duration_minutes (const QuorumIcsEvent *ev)
{
  if (ev->dtend == NULL)
    return ev->all_day ? 24 * 60 : 0;
  return (int)MAX (0, g_date_time_difference (ev->dtend, ev->dtstart) / G_TIME_SPAN_MINUTE);
}

/* The local wall time of @datetime in @tz, as the store writes recurrence ids. */
static char *
local_text (GDateTime *datetime,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (datetime, tz);

  return _quorum_store_format_local (local);
}

static gboolean
exdates_equal (GPtrArray *a,
               GPtrArray *b,
               GTimeZone *tz)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    g_hash_table_add (set, local_text (g_ptr_array_index (a, i), tz));
  for (guint i = 0; i < b->len; i++)
    {
      g_autofree char *text = local_text (g_ptr_array_index (b, i), tz);

      if (!g_hash_table_contains (set, text))
        return FALSE;
    }
  return TRUE;
}

/* The occurrence row of @series_id at @rid_text: its id and status, or 0. */
static gint64
find_row (ImportContext  *ctx,
          gint64          series_id,
          const char     *rid_text,
          char          **out_status,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  if (!(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT id, status FROM occurrence"
                                      " WHERE series_id = ?1 AND recurrence_id = ?2",
                                      error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, series_id);
  _quorum_store_bind_text (stmt, 2, rid_text);
  if (!_quorum_store_step_row (ctx->store, stmt, &row, error))
    return -1;
  if (!row)
    return 0;
  if (out_status != NULL)
    *out_status = g_strdup (_quorum_store_column_text (stmt, 1));
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
exec_on_row (ImportContext  *ctx,
             const char     *sql,
             gint64          id,
             const char     *text,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _quorum_store_prepare (ctx->store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _quorum_store_bind_text (stmt, 2, text);
  return _quorum_store_step_done (ctx->store, stmt, error);
}

/* Cancels (or un-cancels) one occurrence, unless attendance shows it was held. */
static gboolean
set_row_cancelled (ImportContext  *ctx,
                   const char     *title,
                   gint64          row_id,
                   const char     *status,
                   gboolean        cancelled,
                   gboolean       *out_changed,
                   GError        **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  *out_changed = FALSE;
  if (cancelled == (g_strcmp0 (status, "cancelled") == 0))
    return TRUE;
  if (cancelled && g_strcmp0 (status, "scheduled") != 0)
    {
      import_warn (ctx, _("“%s”: an occurrence marked held or not held was not cancelled"), title);
      return TRUE;
    }

  before = _quorum_store_row_json (ctx->store, "occurrence", "id = ?1", row_id, 0);
  if (!exec_on_row (ctx,
                    cancelled ? "UPDATE occurrence SET status = 'cancelled', status_reason = ?2"
                                " WHERE id = ?1"
                              : "UPDATE occurrence SET status = 'scheduled', status_reason = NULL"
                                " WHERE id = ?1",
                    row_id, _("Cancelled in an imported calendar"), error))
    return FALSE;
  after = _quorum_store_row_json (ctx->store, "occurrence", "id = ?1", row_id, 0);
  *out_changed = TRUE;
  return _quorum_store_audit (ctx->store, "occurrence", row_id,
                              cancelled ? "import-cancel" : "import-restore",
                              before, after, NULL, error);
}

/* Fills @series from @ev; returns whether the timing differs from before.
 * @row_rids is %NULL for a new series: then there is no before. */
static gboolean
apply_master (ImportContext        *ctx,
              QuorumSeries         *series,
              const QuorumIcsEvent *ev,
              GHashTable           *row_rids,
              gboolean             *out_same)
{
  g_autofree char *description = strip_citation (ev);
  g_autoptr(QuorumSeries) old = row_rids != NULL ? quorum_series_copy (series) : NULL;
  g_autoptr(GTimeZone) tz = zone_of (ev->tzid != NULL ? ev->tzid : "UTC");
  GPtrArray *exdates = quorum_series_get_exdates (series);
  QuorumDuty *duty = NULL;
  const char *kind;
  int reminder = -1;
  gboolean rule_kept;
  gboolean timing;

  if (ev->duty != NULL && ctx->rulebook != NULL)
    duty = quorum_rulebook_lookup (ctx->rulebook, ev->duty);
  if (ev->duty != NULL && duty == NULL)
    import_warn (ctx, _("“%s”: the duty “%s” is not in the rulebook; the event was imported "
                        "without a duty"), ev->summary ?: ev->uid, ev->duty);
  kind = kind_from_categories (ev->categories);
  /* A series of a duty may leave its kind to the duty: keep it that way. */
  if (duty != NULL && (kind == NULL || (quorum_series_get_kind (series) == NULL &&
                                        g_strcmp0 (kind, quorum_duty_get_kind (duty)) == 0)))
    kind = NULL;
  for (guint i = 0; i < ev->alarms->len && reminder < 0; i++)
    reminder = g_array_index (ev->alarms, QuorumIcsAlarm, i).minutes_before;

  quorum_series_set_title (series, ev->summary != NULL && ev->summary[0] != '\0'
                                   ? ev->summary : _("Untitled event"));
  quorum_series_set_duty_id (series, duty != NULL ? ev->duty : NULL);
  quorum_series_set_kind (series, kind);
  quorum_series_set_rrule (series, ev->rrule);
  quorum_series_set_dtstart (series, ev->dtstart);
  quorum_series_set_duration_minutes (series, duration_minutes (ev));
  quorum_series_set_all_day (series, ev->all_day);
  quorum_series_set_tzid (series, ev->tzid != NULL ? ev->tzid : "UTC");
  quorum_series_set_location (series, ev->location);
  quorum_series_set_description (series, description);
  quorum_series_set_reminder_minutes (series, reminder >= 0 ? reminder : -1);

  /* An EXDATE of an occurrence that exists cancels it (see import_master);
   * the others are the series' own. A series whose rule stays keeps its
   * own: the file's other EXDATEs are days that have no occurrence anyway
   * (skipped for a holiday, or before the rule was last edited). */
  rule_kept = row_rids != NULL &&
              g_strcmp0 (quorum_series_get_rrule (old), quorum_series_get_rrule (series)) == 0 &&
              g_strcmp0 (quorum_series_get_tzid (old), quorum_series_get_tzid (series)) == 0 &&
              g_date_time_equal (quorum_series_get_dtstart (old), quorum_series_get_dtstart (series));
  if (!rule_kept)
    g_ptr_array_set_size (exdates, 0);
  for (guint i = 0; !rule_kept && i < ev->exdates->len; i++)
    {
      g_autofree char *text = local_text (g_ptr_array_index (ev->exdates, i), tz);

      if (row_rids == NULL || !g_hash_table_contains (row_rids, text))
        quorum_series_add_exdate (series, g_ptr_array_index (ev->exdates, i));
    }
  if (ev->rdates->len > 0)
    import_warn (ctx, _("“%s”: extra dates (RDATE) are not supported and were left out"),
                 quorum_series_get_title (series));

  if (old == NULL)
    {
      *out_same = FALSE;
      return TRUE;
    }

  timing = g_strcmp0 (quorum_series_get_rrule (old), quorum_series_get_rrule (series)) != 0 ||
           g_strcmp0 (quorum_series_get_tzid (old), quorum_series_get_tzid (series)) != 0 ||
           quorum_series_get_duration_minutes (old) != quorum_series_get_duration_minutes (series) ||
           quorum_series_get_all_day (old) != quorum_series_get_all_day (series) ||
           quorum_series_get_dtstart (old) == NULL ||
           !g_date_time_equal (quorum_series_get_dtstart (old), quorum_series_get_dtstart (series)) ||
           !exdates_equal (quorum_series_get_exdates (old), exdates, tz);

  *out_same = !timing &&
              g_strcmp0 (quorum_series_get_title (old), quorum_series_get_title (series)) == 0 &&
              g_strcmp0 (quorum_series_get_duty_id (old), quorum_series_get_duty_id (series)) == 0 &&
              g_strcmp0 (quorum_series_get_kind (old), quorum_series_get_kind (series)) == 0 &&
              g_strcmp0 (quorum_series_get_location (old), quorum_series_get_location (series)) == 0 &&
              g_strcmp0 (quorum_series_get_description (old),
                         quorum_series_get_description (series)) == 0 &&
              quorum_series_get_reminder_minutes (old) == quorum_series_get_reminder_minutes (series);
  return timing;
}

static void
add_participants (ImportContext        *ctx,
                  QuorumSeries         *series,
                  const QuorumIcsEvent *ev)
{
  for (guint i = 0; i < ev->attendees->len; i++)
    {
      const QuorumIcsAttendee *a = &g_array_index (ev->attendees, QuorumIcsAttendee, i);
      gint64 *id = a->cn != NULL ? g_hash_table_lookup (ctx->people, a->cn) : NULL;

      if (id != NULL && *id > 0)
        quorum_series_add_participant_person (series, *id);
      else
        import_warn (ctx, _("“%s”: the attendee “%s” matches nobody (or several people) and "
                            "was left out"),
                     quorum_series_get_title (series), a->cn != NULL ? a->cn : a->uri);
    }
}

static gboolean
set_import_stamps (ImportContext         *ctx,
                   gint64                 id,
                   const QuorumIcsEvent  *ev,
                   gboolean               created,
                   GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *created_text = ev->created != NULL ? _quorum_store_format_instant (ev->created)
                                                      : NULL;
  g_autofree char *modified_text = ev->last_modified != NULL
                                   ? _quorum_store_format_instant (ev->last_modified) : NULL;

  if (!created)
    {
      /* The store bumped SEQUENCE when it rewrote the row; the file may be ahead. */
      if (!(stmt = _quorum_store_prepare (ctx->store,
                                          "UPDATE series SET deleted = 0,"
                                          " sequence = max (sequence, ?2) WHERE id = ?1",
                                          error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, ev->sequence);
      return _quorum_store_step_done (ctx->store, stmt, error);
    }

  if (!(stmt = _quorum_store_prepare (ctx->store,
                                      "UPDATE series SET uid = ?2, sequence = ?3,"
                                      " created_at = coalesce (?4, created_at),"
                                      " last_modified = coalesce (?5, last_modified)"
                                      " WHERE id = ?1",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _quorum_store_bind_text (stmt, 2, ev->uid);
  sqlite3_bind_int (stmt, 3, ev->sequence);
  _quorum_store_bind_text (stmt, 4, created_text);
  _quorum_store_bind_text (stmt, 5, modified_text);
  return _quorum_store_step_done (ctx->store, stmt, error);
}

/* The texts of the first column of @stmt, as a set. */
static GHashTable *
collect_texts (ImportContext  *ctx,
               sqlite3_stmt   *stmt,
               GError        **error)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean row = FALSE;
  gboolean ok;

  while ((ok = _quorum_store_step_row (ctx->store, stmt, &row, error)) && row)
    g_hash_table_add (texts, g_strdup (_quorum_store_column_text (stmt, 0)));
  if (!ok)
    return NULL;
  return g_steal_pointer (&texts);
}

/* The recurrence ids of the rows of @series_id. */
static GHashTable *
load_row_rids (ImportContext  *ctx,
               gint64          series_id,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _quorum_store_prepare (ctx->store,
                                      "SELECT recurrence_id FROM occurrence WHERE series_id = ?1",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  return collect_texts (ctx, stmt, error);
}

/* A series the store does not have yet, through the inserter: no JSON copy
 * of the row and no audit row of its own (the import writes one for all of
 * them, see write_import_summary()), and a single event's occurrence is
 * written as it is, cancelled when the file says so, instead of being
 * read back, made, and then cancelled. What is stored is the same as
 * the path of existing series would store (tests/test-store-ics.c checks). */
static gboolean
add_new_series (ImportContext         *ctx,
                QuorumSeries          *series,
                const QuorumIcsEvent  *ev,
                GError               **error)
{
  g_autofree char *created = ev->created != NULL ? _quorum_store_format_instant (ev->created)
                                                 : NULL;
  g_autofree char *modified = ev->last_modified != NULL
                              ? _quorum_store_format_instant (ev->last_modified) : NULL;
  gboolean cancelled = ev->rrule == NULL && ev->status == QUORUM_ICS_STATUS_CANCELLED;
  guint inserted = 0;
  gint64 id = 0;

  if (!_quorum_series_inserter_add (ctx->inserter, series, ev->uid, ev->sequence, created,
                                    modified,
                                    cancelled ? _("Cancelled in an imported calendar") : NULL,
                                    &id, &inserted, error))
    return FALSE;

  if (ctx->n_added++ == 0)
    ctx->first_added = id;
  ctx->last_added = id;
  ctx->n_added_occurrences += inserted;
  g_checksum_update (ctx->added_uids, (const guchar *)ev->uid, -1);
  g_checksum_update (ctx->added_uids, (const guchar *)"\n", 1);

  g_hash_table_add (ctx->touched, g_memdup2 (&id, sizeof id));
  g_hash_table_insert (ctx->series, g_strdup (ev->uid), g_memdup2 (&id, sizeof id));
  ctx->changed = TRUE;
  ctx->report->n_created++;
  return TRUE;
}

/* The one audit row for every series the inserter added: which file (and
 * its SHA-256, so that the file can be matched to the trail later), how
 * many series and occurrences, the ids they got, and the SHA-256 of their
 * UIDs in id order, one per line, which the series table can be checked
 * against. A row per series (and another per materialisation) would make
 * the trail and its hash chain cost more than the import itself, and would
 * only repeat what the file holds. Series that existed are still audited
 * one by one, with their rows before and after. */
static gboolean
write_import_summary (ImportContext  *ctx,
                      const char     *source,
                      const char     *source_sha256,
                      guint           n_events,
                      GError        **error)
{
  g_autoptr(GString) after = g_string_new ("{\"source\":");

  if (ctx->n_added == 0)
    return TRUE;

  if (source != NULL)
    quorum_json_append_string (after, source);
  else
    g_string_append (after, "null");
  g_string_append (after, ",\"sha256\":");
  if (source_sha256 != NULL)
    quorum_json_append_string (after, source_sha256);
  else
    g_string_append (after, "null");
  g_string_append_printf (after,
                          ",\"events\":%u,\"series_added\":%u,\"occurrences_added\":%u,"
                          "\"first_id\":%" G_GINT64_FORMAT ",\"last_id\":%" G_GINT64_FORMAT
                          ",\"uids_sha256\":",
                          n_events, ctx->n_added, ctx->n_added_occurrences,
                          ctx->first_added, ctx->last_added);
  quorum_json_append_string (after, g_checksum_get_string (ctx->added_uids));
  g_string_append_c (after, '}');
  return _quorum_store_audit (ctx->store, "series", 0, "import-add-all", NULL, after->str, NULL,
                              error);
}

/* Loads the UIDs of the store into ctx->store_uids when there are no more
 * than @n_events: one query then instead of one per event, and never more
 * rows read than the file has events. */
static gboolean
load_store_uids (ImportContext  *ctx,
                 guint           n_events,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) uids = NULL;

  if (!(stmt = _quorum_store_prepare (ctx->store, "SELECT uid FROM series LIMIT ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (gint64)n_events + 1);
  if (!(uids = collect_texts (ctx, stmt, error)))
    return FALSE;
  /* UIDs are unique: the set has a member a row. */
  if (g_hash_table_size (uids) <= n_events)
    ctx->store_uids = g_steal_pointer (&uids);
  return TRUE;
}

/* Imports one master. With @new_only, only when its UID is new to the
 * store: *out_deferred then tells whether it was left for later. */
static gboolean
import_master (ImportContext         *ctx,
               const QuorumIcsEvent  *ev,
               gboolean               new_only,
               gboolean              *out_deferred,
               GError               **error)
{
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GHashTable) row_rids = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expand_from = NULL;
  gboolean deleted = FALSE;
  gboolean same = FALSE;
  gboolean timing;
  gint64 id;

  if (new_only && ctx->store_uids != NULL)
    id = g_hash_table_contains (ctx->store_uids, ev->uid) ||
         g_hash_table_contains (ctx->series, ev->uid) ? 1 : 0;
  else if ((id = find_series_by_uid (ctx, ev->uid, &deleted, error)) < 0)
    return FALSE;
  if (new_only)
    {
      *out_deferred = id > 0;
      if (id > 0)
        return TRUE;
    }

  if (id > 0)
    {
      if (!(series = quorum_store_get_series (ctx->store, id, error)) ||
          !(row_rids = load_row_rids (ctx, id, error)))
        return FALSE;
    }
  else
    series = quorum_series_new (ev->summary, ev->dtstart);

  timing = apply_master (ctx, series, ev, row_rids, &same);
  if (id == 0)
    add_participants (ctx, series, ev);

  if (!_quorum_store_check_series (ctx->store, series, error))
    {
      g_prefix_error (error, _("“%s” (UID %s) cannot be imported: "),
                      quorum_series_get_title (series), ev->uid);
      return FALSE;
    }

  if (id == 0 && ctx->inserter != NULL)
    return add_new_series (ctx, series, ev, error);

  if (id > 0 && same && !deleted)
    ctx->report->n_unchanged++;
  else
    {
      gboolean created = id == 0;

      if (!created && timing)
        {
          g_autoptr(GDateTime) now = _quorum_store_now (ctx->store);

          tz = zone_of (quorum_series_get_tzid (series));
          expand_from = local_text (now, tz);
        }
      if (!created)
        before = _quorum_store_row_json (ctx->store, "series", "id = ?1", id, 0);
      if (!_quorum_store_write_series (ctx->store, series, &id, expand_from, error) ||
          !set_import_stamps (ctx, id, ev, created, error))
        return FALSE;
      after = _quorum_store_row_json (ctx->store, "series", "id = ?1", id, 0);
      if (!_quorum_store_audit (ctx->store, "series", id, created ? "import-add" : "import-update",
                                before, after, NULL, error) ||
          ((created || timing) &&
           !_quorum_store_regenerate_series (ctx->store, id, !created, error)))
        return FALSE;

      g_hash_table_add (ctx->touched, g_memdup2 (&id, sizeof id));
      ctx->changed = TRUE;
      if (created)
        ctx->report->n_created++;
      else
        ctx->report->n_updated++;
    }

  g_hash_table_insert (ctx->series, g_strdup (ev->uid), g_memdup2 (&id, sizeof id));

  /* The EXDATEs of existing occurrences, and the status of a single event. */
  if (tz == NULL)
    tz = zone_of (quorum_series_get_tzid (series));
  if (ev->rrule == NULL)
    {
      g_autofree char *rid = local_text (quorum_series_get_dtstart (series), tz);
      g_autofree char *status = NULL;
      gint64 row_id = find_row (ctx, id, rid, &status, error);
      gboolean changed = FALSE;

      if (row_id < 0 ||
          (row_id > 0 && !set_row_cancelled (ctx, quorum_series_get_title (series), row_id,
                                             status, ev->status == QUORUM_ICS_STATUS_CANCELLED,
                                             &changed, error)))
        return FALSE;
      ctx->changed |= changed;
      return TRUE;
    }

  for (guint i = 0; row_rids != NULL && i < ev->exdates->len; i++)
    {
      g_autofree char *rid = local_text (g_ptr_array_index (ev->exdates, i), tz);
      g_autofree char *status = NULL;
      gint64 row_id;
      gboolean changed = FALSE;

      if (!g_hash_table_contains (row_rids, rid))
        continue;
      if ((row_id = find_row (ctx, id, rid, &status, error)) < 0 ||
          (row_id > 0 && !set_row_cancelled (ctx, quorum_series_get_title (series), row_id,
                                             status, TRUE, &changed, error)))
        return FALSE;
      if (changed)
        {
          ctx->report->n_overrides++;
          ctx->changed = TRUE;
        }
    }

  return TRUE;
}

static gboolean
import_override (ImportContext         *ctx,
                 const QuorumIcsEvent  *ev,
                 GError               **error)
{
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) rule_end = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *status = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  gint64 *known = g_hash_table_lookup (ctx->series, ev->uid);
  gint64 series_id = known != NULL ? *known : 0;
  gboolean deleted = FALSE;
  gboolean changed = FALSE;
  gint64 row_id;
  const char *title;
  const char *location;

  if (series_id == 0 && (series_id = find_series_by_uid (ctx, ev->uid, &deleted, error)) < 0)
    return FALSE;
  if (series_id == 0)
    {
      import_warn (ctx, _("“%s”: a changed occurrence whose series is neither in the file nor "
                          "in the calendar was left out"), ev->summary ?: ev->uid);
      return TRUE;
    }
  if (!(series = quorum_store_get_series (ctx->store, series_id, error)))
    return FALSE;

  tz = zone_of (quorum_series_get_tzid (series));
  rid = local_text (ev->recurrence_id, tz);
  if ((row_id = find_row (ctx, series_id, rid, &status, error)) < 0)
    return FALSE;
  if (row_id == 0)
    {
      import_warn (ctx, _("“%s”: the changed occurrence of %s is not an occurrence of the series "
                          "and was left out"), quorum_series_get_title (series), rid);
      return TRUE;
    }

  if (ev->status == QUORUM_ICS_STATUS_CANCELLED)
    {
      if (!set_row_cancelled (ctx, quorum_series_get_title (series), row_id, status, TRUE,
                              &changed, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) rid_time = g_date_time_new_from_iso8601 (rid, tz);

      if (!set_row_cancelled (ctx, quorum_series_get_title (series), row_id, status, FALSE,
                              &changed, error))
        return FALSE;

      start = g_date_time_to_timezone (ev->dtstart, tz);
      end = ev->dtend != NULL ? g_date_time_to_timezone (ev->dtend, tz)
                              : g_date_time_add_minutes (start,
                                                         quorum_series_get_duration_minutes (series));
      rule_end = g_date_time_add_minutes (rid_time, quorum_series_get_duration_minutes (series));
      title = g_strcmp0 (ev->summary, quorum_series_get_title (series)) != 0 ? ev->summary : NULL;
      location = g_strcmp0 (ev->location, quorum_series_get_location (series)) != 0
                 ? ev->location : NULL;
      start_text = _quorum_store_format_instant (start);
      end_text = _quorum_store_format_instant (end);

      before = _quorum_store_row_json (ctx->store, "occurrence", "id = ?1", row_id, 0);
      if (!(stmt = _quorum_store_prepare (ctx->store,
                                          "UPDATE occurrence SET start_at = ?2, end_at = ?3,"
                                          " start_unix = ?4, end_unix = ?5,"
                                          " moved = (moved AND NOT holiday_shifted) OR ?6,"
                                          " title = ?7, location = ?8"
                                          " WHERE id = ?1 AND (start_at IS NOT ?2"
                                          "  OR end_at IS NOT ?3 OR title IS NOT ?7"
                                          "  OR location IS NOT ?8)",
                                          error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
      _quorum_store_bind_text (stmt, 2, start_text);
      _quorum_store_bind_text (stmt, 3, end_text);
      sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (start));
      sqlite3_bind_int64 (stmt, 5, g_date_time_to_unix (end));
      sqlite3_bind_int (stmt, 6, !g_date_time_equal (start, rid_time) ||
                                 !g_date_time_equal (end, rule_end));
      _quorum_store_bind_text (stmt, 7, title);
      _quorum_store_bind_text (stmt, 8, location);
      if (!_quorum_store_step_done (ctx->store, stmt, error))
        return FALSE;
      if (sqlite3_changes (_quorum_database_get_handle (quorum_store_get_database (ctx->store))) > 0)
        {
          after = _quorum_store_row_json (ctx->store, "occurrence", "id = ?1", row_id, 0);
          if (!_quorum_store_audit (ctx->store, "occurrence", row_id, "import-update", before,
                                    after, NULL, error))
            return FALSE;
          changed = TRUE;
        }
    }

  if (!changed)
    return TRUE;

  ctx->report->n_overrides++;
  ctx->changed = TRUE;
  /* One SEQUENCE bump per series and import, none for a series this import
   * wrote: it already carries the file's SEQUENCE. */
  if (!g_hash_table_contains (ctx->touched, &series_id))
    {
      g_hash_table_add (ctx->touched, g_memdup2 (&series_id, sizeof series_id));
      if (!_quorum_store_touch_series (ctx->store, row_id, error))
        return FALSE;
    }
  return TRUE;
}

/* An import under way: the state of _quorum_store_import_events_full()
 * between its steps, so that quorum_store_import_file() can feed it events
 * while the file is still being read. */
typedef struct
{
  QuorumStore          *store;
  ImportContext         ctx;
  QuorumRulebook       *rulebook;
  GHashTable           *people;
  GHashTable           *series;
  GHashTable           *touched;
  GPtrArray            *warnings;
  GChecksum            *added_uids;
  /* Events left for after the new masters: masters of series the store
   * has (or that the file names twice), then overrides. */
  GPtrArray            *later;
  QuorumSeriesInserter *inserter;
  char                 *cache_size;
  QuorumImportReport   *report;
  QuorumImportReport    local_report;
  QuorumImportProgress  progress;
  gpointer              user_data;
  guint                 done;
  gboolean              begun;
} Import;

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->inserter, _quorum_series_inserter_free);
  g_clear_pointer (&imp->ctx.store_uids, g_hash_table_unref);
  if (imp->begun)
    {
      _quorum_store_end (imp->store, FALSE, NULL);
      memset (imp->report, 0, sizeof *imp->report);
      imp->begun = FALSE;
    }
  _quorum_store_restore_cache (imp->store, imp->cache_size);
  g_clear_pointer (&imp->cache_size, g_free);
  g_clear_object (&imp->rulebook);
  g_clear_pointer (&imp->people, g_hash_table_unref);
  g_clear_pointer (&imp->series, g_hash_table_unref);
  g_clear_pointer (&imp->touched, g_hash_table_unref);
  g_clear_pointer (&imp->warnings, g_ptr_array_unref);
  g_clear_pointer (&imp->added_uids, g_checksum_free);
  g_clear_pointer (&imp->later, g_ptr_array_unref);
  quorum_import_report_clear (&imp->local_report);
}

/* Opens the transaction; @n_events is the number of events to come. */
static gboolean
import_begin (Import                *imp,
              QuorumStore           *self,
              guint                  n_events,
              gboolean               one_by_one,
              QuorumImportReport    *report,
              QuorumImportProgress   progress,
              gpointer               user_data,
              GError               **error)
{
  memset (imp, 0, sizeof *imp);
  imp->store = self;
  imp->report = report != NULL ? report : &imp->local_report;
  memset (imp->report, 0, sizeof *imp->report);
  imp->progress = progress;
  imp->user_data = user_data;
  imp->rulebook = load_rulebook (self);
  imp->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  imp->warnings = g_ptr_array_new_with_free_func (g_free);
  imp->added_uids = g_checksum_new (G_CHECKSUM_SHA256);
  imp->later = g_ptr_array_new ();

  imp->ctx.store = self;
  imp->ctx.rulebook = imp->rulebook;
  imp->ctx.people = imp->people;
  imp->ctx.series = imp->series;
  imp->ctx.touched = imp->touched;
  imp->ctx.warnings = imp->warnings;
  imp->ctx.report = imp->report;
  imp->ctx.added_uids = imp->added_uids;

  if (!load_people (&imp->ctx, error) ||
      !(imp->cache_size = _quorum_store_grow_cache (self, error)) ||
      !_quorum_store_begin (self, error))
    return FALSE;
  imp->begun = TRUE;

  /* The masters of new series go first, through the inserter; then the
   * other masters (of series the store has, or that the file names twice),
   * in the file's order; then the overrides, so that they find their
   * series. Series are independent of each other, so the order changes
   * nothing but the order of the warnings. */
  if (one_by_one)
    return TRUE;
  return (imp->ctx.inserter = imp->inserter = _quorum_series_inserter_new (self, error)) != NULL &&
         load_store_uids (&imp->ctx, n_events, error);
}

/* The first step for one event of @n_events: a master of a new series is
 * written at once, anything else is left for import_end(). */
static gboolean
import_first (Import                *imp,
              const QuorumIcsEvent  *ev,
              guint                  n_events,
              GError               **error)
{
  gboolean deferred = TRUE;

  if (imp->inserter != NULL && ev->recurrence_id == NULL &&
      !import_master (&imp->ctx, ev, TRUE, &deferred, error))
    return FALSE;
  if (deferred)
    g_ptr_array_add (imp->later, (gpointer)ev);
  else if (imp->progress != NULL)
    imp->progress (++imp->done, n_events, imp->user_data);
  return TRUE;
}

/* Everything after the first step, and the commit. */
static gboolean
import_end (Import      *imp,
            const char  *source,
            const char  *source_sha256,
            guint        n_events,
            GError     **error)
{
  gboolean ok = TRUE;

  if (imp->inserter != NULL)
    {
      ok = _quorum_series_inserter_finish (imp->inserter, error);
      imp->ctx.inserter = NULL;
      g_clear_pointer (&imp->inserter, _quorum_series_inserter_free);
      g_clear_pointer (&imp->ctx.store_uids, g_hash_table_unref);
    }

  for (guint pass = 0; ok && pass < 2; pass++)
    for (guint i = 0; ok && i < imp->later->len; i++)
      {
        const QuorumIcsEvent *ev = g_ptr_array_index (imp->later, i);

        if ((ev->recurrence_id == NULL) != (pass == 0))
          continue;
        ok = pass == 0 ? import_master (&imp->ctx, ev, FALSE, NULL, error)
                       : import_override (&imp->ctx, ev, error);
        if (imp->progress != NULL)
          imp->progress (++imp->done, n_events, imp->user_data);
      }

  ok = ok && write_import_summary (&imp->ctx, source, source_sha256, n_events, error);
  imp->begun = FALSE;
  if (!_quorum_store_end (imp->store, ok, error))
    {
      memset (imp->report, 0, sizeof *imp->report);
      return FALSE;
    }

  g_ptr_array_add (imp->warnings, NULL);
  imp->report->warnings = (GStrv)g_ptr_array_free (g_steal_pointer (&imp->warnings), FALSE);
  if (imp->ctx.changed)
    _quorum_store_emit_changed (imp->store, "series", 0);
  return TRUE;
}

gboolean
_quorum_store_import_events_full (QuorumStore           *self,
                                  GPtrArray             *events,
                                  const char            *source,
                                  const char            *source_sha256,
                                  gboolean               one_by_one,
                                  QuorumImportReport    *report,
                                  QuorumImportProgress   progress,
                                  gpointer               user_data,
                                  GError               **error)
{
  Import imp;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = import_begin (&imp, self, events->len, one_by_one, report, progress, user_data, error);
  for (guint i = 0; ok && i < events->len; i++)
    ok = import_first (&imp, g_ptr_array_index (events, i), events->len, error);
  ok = ok && import_end (&imp, source, source_sha256, events->len, error);
  import_clear (&imp);
  return ok;
}

/**
 * quorum_store_import_events:
 * @self: a #QuorumStore
 * @events: (element-type QuorumIcsEvent): events from quorum_ics_parse()
 * @report: (out caller-allocates) (optional): what was done
 * @progress: (nullable) (scope call): called after each event
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * Imports @events in one transaction: on any error nothing is written.
 * Series are matched by UID, so importing the same file again updates them
 * (bumping SEQUENCE when something changed) instead of adding copies. An
 * event with a RECURRENCE-ID changes that occurrence (time, title, location,
 * or cancels it with STATUS:CANCELLED); an EXDATE of an existing occurrence
 * cancels it. A series serves a duty only when X-QUORUM-DUTY names a duty of
 * the rulebook. ATTENDEEs of a new series become its participants when
 * their name matches exactly one person; the participants of an existing
 * series are left alone. Attendance is never imported: it is evidence.
 *
 * The audit trail gets one row for all the series the import adds (entity
 * `series`, id 0, action `import-add-all`: how many, their ids, a SHA-256
 * of their UIDs) and a row per existing series it changes.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_import_events (QuorumStore           *self,
                            GPtrArray             *events,
                            QuorumImportReport    *report,
                            QuorumImportProgress   progress,
                            gpointer               user_data,
                            GError               **error)
{
  return _quorum_store_import_events_full (self, events, NULL, NULL, FALSE, report, progress,
                                           user_data, error);
}

/* Reading and writing at once ------------------------------------------
 *
 * The parser and the writes to the database take about as long as each
 * other, and each is one thread's work. So a file is read in a thread of
 * its own, which hands the events over in batches as it reads them, and the
 * caller's thread writes them meanwhile: the import takes about as long as
 * the writes alone. The events handed over are the list the parser returns
 * when the file is in order (by UID: every file we export is), which is
 * checked as it goes; otherwise, or when a write fails, what was written is
 * rolled back and the whole list is imported once the file is read, as
 * quorum_store_import_events() does. Either way the stored result is the
 * same (tests/test-store-ics.c checks). */

#define STREAM_BATCH 256

/* Markers in the queue besides the batches (GPtrArray of events). */
static char stream_broken;   /* the events stopped coming in order */
static char stream_end;      /* the parse is over, its results are set */

typedef struct
{
  const char           *data;
  gsize                 len;
  const char           *path;
  GAsyncQueue          *queue;
  GPtrArray            *batch;
  guint                 n_events;
  /* Results, to read after stream_end */
  GPtrArray            *events;
  QuorumIcsParseReport  parsed;
  gboolean              streamed;
  GError               *error;
  char                 *sha256;
} ParseJob;

static void
flush_batch (ParseJob *job)
{
  if (job->batch == NULL || job->batch->len == 0)
    return;
  g_async_queue_push (job->queue, g_steal_pointer (&job->batch));
}

static void
on_parsed_event_cb (QuorumIcsEvent *ev,
                    guint           n_events,
                    gpointer        user_data)
{
  ParseJob *job = user_data;

  job->n_events = n_events;
  if (ev == NULL)
    {
      flush_batch (job);
      g_async_queue_push (job->queue, &stream_broken);
      return;
    }
  if (job->batch == NULL)
    job->batch = g_ptr_array_new_full (STREAM_BATCH, (GDestroyNotify)quorum_ics_event_unref);
  g_ptr_array_add (job->batch, quorum_ics_event_ref (ev));
  if (job->batch->len == STREAM_BATCH)
    flush_batch (job);
}

/* The summary audit row names the file by its SHA-256 as well: this thread
 * computes it once it has read the file, while the writes go on. */
static gpointer
parse_thread (gpointer data)
{
  ParseJob *job = data;

  job->events = _quorum_ics_parse_streaming (job->data, job->len, job->path, &job->parsed,
                                             on_parsed_event_cb, job, &job->streamed,
                                             &job->error);
  flush_batch (job);
  if (job->events != NULL)
    job->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)job->data,
                                               job->len);
  g_async_queue_push (job->queue, &stream_end);
  return NULL;
}

/* Takes the batches of @job until the parse is over, writing their events
 * while they come in order; returns whether all of them were written. */
static gboolean
import_stream (Import               *imp,
               QuorumStore          *self,
               ParseJob             *job,
               QuorumImportReport   *report,
               QuorumImportProgress  progress,
               gpointer              user_data)
{
  /* Kept to the end: imp->later borrows the events. */
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  gboolean writing = TRUE;

  for (;;)
    {
      gpointer item = g_async_queue_pop (job->queue);
      GPtrArray *batch;

      if (item == &stream_end)
        break;
      if (item == &stream_broken)
        {
          writing = FALSE;
          import_clear (imp);
          continue;
        }

      batch = item;
      g_ptr_array_add (batches, batch);
      for (guint i = 0; writing && i < batch->len; i++)
        {
          g_autoptr(GError) local_error = NULL;

          /* A failure is not reported from here: the whole list is then
           * imported again, and fails the same way. */
          if ((!imp->begun &&
               !import_begin (imp, self, job->n_events, FALSE, report, progress, user_data,
                              &local_error)) ||
              !import_first (imp, g_ptr_array_index (batch, i), job->n_events, &local_error))
            {
              writing = FALSE;
              import_clear (imp);
            }
        }
    }
  return writing && imp->begun;
}

/* The caller's progress callback, told only of counts it has not seen: when
 * the events written while the file was read are written again (see
 * import_stream()), the bar waits instead of going back. */
typedef struct
{
  QuorumImportProgress  progress;
  gpointer              user_data;
  guint                 seen;
} ProgressFilter;

static void
on_filtered_progress_cb (guint    done,
                         guint    total,
                         gpointer user_data)
{
  ProgressFilter *filter = user_data;

  if (done <= filter->seen)
    return;
  filter->seen = done;
  filter->progress (done, total, filter->user_data);
}

/* quorum_store_import_file(); *out_streamed tells whether the events were
 * written while the file was read (see import_stream()), for tests. */
gboolean
_quorum_store_import_file_full (QuorumStore           *self,
                                const char            *path,
                                QuorumImportReport    *report,
                                QuorumImportProgress   progress,
                                gpointer               user_data,
                                gboolean              *out_streamed,
                                GError               **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GAsyncQueue) queue = NULL;
  g_autofree char *contents = NULL;
  QuorumImportReport local_report = { 0 };
  ProgressFilter filter = { progress, user_data, 0 };
  ParseJob job = { 0 };
  Import imp = { 0 };
  GThread *parser;
  gboolean streamed;
  gboolean ok;
  gsize len = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_streamed != NULL)
    *out_streamed = FALSE;
  if (report == NULL)
    report = &local_report;
  memset (report, 0, sizeof *report);
  if (progress != NULL)
    {
      progress = on_filtered_progress_cb;
      user_data = &filter;
    }

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  queue = g_async_queue_new ();
  job.data = contents;
  job.len = len;
  job.path = path;
  job.queue = queue;
  parser = g_thread_new ("quorum-import-parse", parse_thread, &job);
  streamed = import_stream (&imp, self, &job, report, progress, user_data);
  g_thread_join (parser);
  g_clear_pointer (&contents, g_free);

  if (job.events == NULL)
    {
      import_clear (&imp);
      g_propagate_error (error, job.error);
      ok = FALSE;
    }
  else if (streamed && job.streamed)
    {
      ok = import_end (&imp, path, job.sha256, job.events->len, error);
      if (out_streamed != NULL)
        *out_streamed = ok;
    }
  else
    {
      import_clear (&imp);
      ok = _quorum_store_import_events_full (self, job.events, path, job.sha256, FALSE, report,
                                             progress, user_data, error);
    }
  import_clear (&imp);

  if (ok)
    {
      builder = g_strv_builder_new ();
      g_strv_builder_addv (builder, (const char **)job.parsed.warnings);
      g_strv_builder_addv (builder, (const char **)report->warnings);
      g_strfreev (report->warnings);
      report->warnings = g_strv_builder_end (builder);
    }
  if (report == &local_report)
    quorum_import_report_clear (&local_report);
  quorum_ics_parse_report_clear (&job.parsed);
  g_clear_pointer (&job.events, g_ptr_array_unref);
  g_free (job.sha256);
  return ok;
}

/**
 * quorum_store_import_file:
 * @self: a #QuorumStore
 * @path: an .ics file
 * @report: (out caller-allocates) (optional): what was done; the warnings of
 *   the parser come first
 * @progress: (nullable) (scope call): called after each event
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * Reads @path with quorum_ics_parse(), which refuses a broken file with
 * "file:line: reason", then imports it with quorum_store_import_events():
 * a file refused leaves nothing written. The audit row for the series it
 * adds also names @path and the SHA-256 of its contents. The file is read
 * in another thread while the first events are written.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_import_file (QuorumStore           *self,
                          const char            *path,
                          QuorumImportReport    *report,
                          QuorumImportProgress   progress,
                          gpointer               user_data,
                          GError               **error)
{
  return _quorum_store_import_file_full (self, path, report, progress, user_data, NULL, error);
}

/* Feed tokens ------------------------------------------------------------ */

#define OFFICE_TOKEN_KEY "feed-token"

/**
 * quorum_store_dup_feed_token:
 * @self: a #QuorumStore
 * @person_id: a person, or 0 for the whole office
 * @error: return location for a #GError
 *
 * The secret of the person's (or the office's) phone feed. Tokens are made
 * by the feed library (quorum_feed_token_dup() creates one when needed).
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when there is none
 *   (@error is then set only when the person does not exist)
 */
char *
quorum_store_dup_feed_token (QuorumStore  *self,
                             gint64        person_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (person_id == 0)
    return _quorum_store_dup_meta (self, OFFICE_TOKEN_KEY);

  if (!(stmt = _quorum_store_prepare (self, "SELECT feed_token FROM person WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _quorum_store_check_exists (self, "person", person_id, error);
      return NULL;
    }
  return g_strdup (_quorum_store_column_text (stmt, 0));
}

/**
 * quorum_store_set_feed_token:
 * @self: a #QuorumStore
 * @person_id: a person, or 0 for the whole office
 * @token: (nullable): the new token, or %NULL to revoke the feed
 * @error: return location for a #GError
 *
 * Replaces the secret of a feed: the old address stops working at once. The
 * audit trail records that it changed, never the token. Emits
 * #QuorumStore::changed with the entity `feed-token`.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_set_feed_token (QuorumStore  *self,
                             gint64        person_id,
                             const char   *token,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (token == NULL || token[0] != '\0', FALSE);

  if (person_id != 0 && !_quorum_store_check_exists (self, "person", person_id, error))
    return FALSE;
  if (!_quorum_store_begin (self, error))
    return FALSE;

  if (person_id == 0 && token != NULL)
    ok = _quorum_store_set_meta (self, OFFICE_TOKEN_KEY, token, error);
  else
    {
      ok = (stmt = _quorum_store_prepare (self,
                                          person_id == 0
                                          ? "DELETE FROM meta WHERE key = '" OFFICE_TOKEN_KEY "'"
                                            " AND ?1 = 0"
                                          : "UPDATE person SET feed_token = ?2 WHERE id = ?1",
                                          error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          if (person_id != 0)
            _quorum_store_bind_text (stmt, 2, token);
          ok = _quorum_store_step_done (self, stmt, error);
        }
    }
  ok = ok && _quorum_store_audit (self, "person", person_id,
                                  token != NULL ? "feed-token" : "feed-revoke",
                                  NULL, NULL, NULL, error);
  return _quorum_store_end_changed (self, ok, "feed-token", person_id, error);
}

/**
 * quorum_store_list_feed_tokens:
 * @self: a #QuorumStore
 * @error: return location for a #GError
 *
 * Every feed token there is, of people still in office and of the office.
 *
 * Returns: (transfer container) (element-type utf8 gint64): token → a
 *   pointer to the person id (0 for the office), or %NULL with @error set
 */
GHashTable *
quorum_store_list_feed_tokens (QuorumStore  *self,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *office = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT feed_token, id FROM person"
                                      " WHERE feed_token IS NOT NULL AND retired_on IS NULL",
                                      error)))
    return NULL;
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (tokens, g_strdup (_quorum_store_column_text (stmt, 0)),
                           g_memdup2 (&id, sizeof id));
    }
  if (!ok)
    return NULL;

  if ((office = _quorum_store_dup_meta (self, OFFICE_TOKEN_KEY)) != NULL)
    {
      gint64 zero = 0;

      g_hash_table_insert (tokens, g_steal_pointer (&office), g_memdup2 (&zero, sizeof zero));
    }
  return g_steal_pointer (&tokens);
}
