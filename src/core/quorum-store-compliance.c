/* quorum-store-compliance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers what the compliance engine needs from the store with a handful of
 * queries (units, people, relations, records, occurrences, attendance,
 * leave), each read once. This file is part of the store: it is the only one
 * of the compliance code that speaks SQL.
 */

#define G_LOG_DOMAIN "quorum-store-compliance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quorum-compliance-store.h"
#include "quorum-store-private.h"

typedef struct
{
  gint64  person_id;
  gint64  unit_id;
  char   *unit_kind;
  char   *kind;
  GDate   from;
  GDate   until;
} Tie;

typedef struct
{
  QuorumStore           *store;
  QuorumRulebook        *rulebook;
  QuorumComplianceInput *input;
  GArray                *ties;
  GArray                *party_members;
  /* unit kind → GArray of gint64 unit ids (departments, towns, bodies) */
  GHashTable            *units_by_kind;
  GDate                  from;
  GDate                  to;
} Gather;

static void
tie_clear (Tie *tie)
{
  g_clear_pointer (&tie->unit_kind, g_free);
  g_clear_pointer (&tie->kind, g_free);
}

static void
set_day (GDate      *date,
         const char *text)
{
  g_autoptr(GDate) parsed = _quorum_store_parse_date (text);

  g_date_clear (date, 1);
  if (parsed != NULL)
    *date = *parsed;
}

/* The unit kind that stands for a group of the rulebook as a body. */
static const char *
group_unit_kind (const char *group)
{
  if (g_strcmp0 (group, "leadership") == 0)
    return "leadership-group";
  if (g_strcmp0 (group, "party-group") == 0 || g_strcmp0 (group, "executive-meeting") == 0)
    return group;
  return "government";
}

static const char *
group_body_label (const char *group)
{
  if (g_strcmp0 (group, "party-group") == 0)
    return _("Party group of the city government");
  if (g_strcmp0 (group, "executive-meeting") == 0)
    return _("Executive meeting of the city government");
  if (g_strcmp0 (group, "leadership") == 0)
    return _("Leadership of the city government");
  return _("City government");
}

/* The relation kind that links a subject to the units of a `PerUnit` kind. */
static gboolean
tie_links (const Tie  *tie,
           const char *per_unit)
{
  if (g_strcmp0 (per_unit, "enterprise") == 0)
    return g_strcmp0 (tie->kind, "linked-enterprise") == 0;
  if (g_strcmp0 (per_unit, "department") == 0)
    return g_strcmp0 (tie->kind, "in-charge") == 0;
  if (g_strcmp0 (per_unit, "town") == 0)
    return g_strcmp0 (tie->kind, "assigned-town") == 0;
  if (g_strcmp0 (per_unit, "branch") == 0)
    return g_strcmp0 (tie->unit_kind, "branch") == 0 && g_strcmp0 (tie->kind, "member") == 0;
  return FALSE;
}

/* Whether @tie makes its person a member of @group (市政府组成人员 are the
 * members of the government and of its leadership). */
static gboolean
tie_binds (const Tie  *tie,
           const char *group)
{
  gboolean membership = g_strcmp0 (tie->kind, "member") == 0 || g_strcmp0 (tie->kind, "head") == 0;

  if (g_strcmp0 (group, "economic-department-heads") == 0)
    return g_strcmp0 (tie->kind, "head") == 0 && g_strcmp0 (tie->unit_kind, "department") == 0;
  if (!membership)
    return FALSE;
  if (g_strcmp0 (group, "government") == 0)
    return g_strcmp0 (tie->unit_kind, "government") == 0 ||
           g_strcmp0 (tie->unit_kind, "leadership-group") == 0;
  return g_strcmp0 (tie->unit_kind, group_unit_kind (group)) == 0;
}

static gboolean
read_units (Gather  *g,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store, "SELECT id, kind, name FROM unit ORDER BY rank, id",
                                      error)))
    return FALSE;
  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = _quorum_store_column_text (stmt, 1);
      const char *name = _quorum_store_column_text (stmt, 2);
      GArray *ids;

      if (!(ids = g_hash_table_lookup (g->units_by_kind, kind)))
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (g->units_by_kind, g_strdup (kind), ids);
        }
      g_array_append_val (ids, id);

      quorum_compliance_input_add_subject (g->input,
                                           g_str_equal (kind, "department") || g_str_equal (kind, "town")
                                           ? QUORUM_SUBJECT_UNIT : QUORUM_SUBJECT_BODY,
                                           id, name);
    }
  return ok;
}

static gboolean
read_people (Gather  *g,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store,
                                      "SELECT id, name, party_member, retired_on FROM person", error)))
    return FALSE;
  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      Tie tie = { 0 };

      tie.person_id = sqlite3_column_int64 (stmt, 0);
      quorum_compliance_input_add_subject (g->input, QUORUM_SUBJECT_PERSON, tie.person_id,
                                           _quorum_store_column_text (stmt, 1));
      if (sqlite3_column_int (stmt, 2))
        {
          g_date_clear (&tie.from, 1);
          set_day (&tie.until, _quorum_store_column_text (stmt, 3));
          g_array_append_val (g->party_members, tie);
        }
    }
  return ok;
}

static gboolean
read_relations (Gather  *g,
                GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store,
                                      "SELECT r.person_id, r.unit_id, u.kind, r.kind, r.start_date,"
                                      "       r.end_date, u.name"
                                      "  FROM relation r JOIN unit u ON u.id = r.unit_id"
                                      " WHERE r.start_date < ?2"
                                      "   AND (r.end_date IS NULL OR r.end_date >= ?1)"
                                      " ORDER BY r.person_id, r.start_date",
                                      error)))
    return FALSE;
  _quorum_store_bind_date (stmt, 1, &g->from);
  _quorum_store_bind_date (stmt, 2, &g->to);

  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      Tie tie = { 0 };

      tie.person_id = sqlite3_column_int64 (stmt, 0);
      tie.unit_id = sqlite3_column_int64 (stmt, 1);
      tie.unit_kind = g_strdup (_quorum_store_column_text (stmt, 2));
      tie.kind = g_strdup (_quorum_store_column_text (stmt, 3));
      set_day (&tie.from, _quorum_store_column_text (stmt, 4));
      /* The store keeps the last day; the engine wants the day after. */
      set_day (&tie.until, _quorum_store_column_text (stmt, 5));
      if (g_date_valid (&tie.until))
        g_date_add_days (&tie.until, 1);
      g_array_append_val (g->ties, tie);

      for (const char *const *per_unit = (const char *const[]) { "enterprise", "department", "town",
                                                                 "branch", NULL };
           *per_unit != NULL; per_unit++)
        if (tie_links (&tie, *per_unit) &&
            !quorum_compliance_input_link_unit (g->input, QUORUM_SUBJECT_PERSON, tie.person_id,
                                                *per_unit, tie.unit_id,
                                                _quorum_store_column_text (stmt, 6),
                                                &tie.from, &tie.until, error))
          return FALSE;
    }
  return ok;
}

static gint64
body_of (Gather     *g,
         QuorumDuty *duty)
{
  GArray *ids = g_hash_table_lookup (g->units_by_kind, group_unit_kind (quorum_duty_get_group (duty)));

  if (ids != NULL && ids->len > 0)
    return g_array_index (ids, gint64, 0);

  /* No such unit in the store: the body stands alone, with an id no unit has. */
  {
    static const char *kinds[] = { "government", "leadership-group", "party-group", "executive-meeting" };
    const char *kind = group_unit_kind (quorum_duty_get_group (duty));
    gint64 id = -1;

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      if (g_str_equal (kinds[i], kind))
        id = -1 - (gint64)i;
    quorum_compliance_input_add_subject (g->input, QUORUM_SUBJECT_BODY, id,
                                         group_body_label (quorum_duty_get_group (duty)));
    return id;
  }
}

static gboolean
bind_members (Gather      *g,
              QuorumDuty  *duty,
              GError     **error)
{
  const char *group = quorum_duty_get_group (duty);
  const char *id = quorum_duty_get_id (duty);

  for (guint i = 0; i < g->ties->len; i++)
    {
      Tie *tie = &g_array_index (g->ties, Tie, i);

      if (tie_binds (tie, group) &&
          !quorum_compliance_input_bind (g->input, id, QUORUM_SUBJECT_PERSON, tie->person_id,
                                         &tie->from, &tie->until, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
bind_duty (Gather      *g,
           QuorumDuty  *duty,
           GError     **error)
{
  const char *id = quorum_duty_get_id (duty);
  GArray *units;

  switch (quorum_duty_get_scope (duty))
    {
    case QUORUM_DUTY_SCOPE_BODY:
      if (!quorum_compliance_input_bind (g->input, id, QUORUM_SUBJECT_BODY, body_of (g, duty),
                                         NULL, NULL, error))
        return FALSE;
      /* The members' attendance is evaluated too. */
      return !quorum_duty_get_attendance (duty) || bind_members (g, duty, error);

    case QUORUM_DUTY_SCOPE_EACH_MEMBER:
    case QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT:
      return bind_members (g, duty, error);

    case QUORUM_DUTY_SCOPE_EACH_DEPARTMENT:
    case QUORUM_DUTY_SCOPE_EACH_TOWN:
      units = g_hash_table_lookup (g->units_by_kind,
                                   quorum_duty_get_scope (duty) == QUORUM_DUTY_SCOPE_EACH_TOWN
                                   ? "town" : "department");
      for (guint i = 0; units != NULL && i < units->len; i++)
        if (!quorum_compliance_input_bind (g->input, id, QUORUM_SUBJECT_UNIT,
                                           g_array_index (units, gint64, i), NULL, NULL, error))
          return FALSE;
      return TRUE;

    case QUORUM_DUTY_SCOPE_EACH_PARTY_MEMBER:
      for (guint i = 0; i < g->party_members->len; i++)
        {
          Tie *tie = &g_array_index (g->party_members, Tie, i);

          if (!quorum_compliance_input_bind (g->input, id, QUORUM_SUBJECT_PERSON, tie->person_id,
                                             NULL, &tie->until, error))
            return FALSE;
        }
      return TRUE;

    default:
      return TRUE;
    }
}

/* The deadline duty a record counts for: the one it names, else the one
 * whose Record= is its kind; only duties measured in working days. */
static QuorumDuty *
deadline_duty_for (Gather     *g,
                   const char *duty_id,
                   const char *kind)
{
  GListModel *duties = quorum_rulebook_get_duties (g->rulebook);
  QuorumDuty *named = duty_id != NULL ? quorum_rulebook_lookup (g->rulebook, duty_id) : NULL;

  if (named != NULL)
    return quorum_duty_get_measure (named) == QUORUM_MEASURE_DEADLINE_WORKDAYS ? named : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      if (quorum_duty_get_measure (duty) == QUORUM_MEASURE_DEADLINE_WORKDAYS &&
          g_strcmp0 (quorum_duty_get_record (duty), kind) == 0)
        return duty;
    }

  return NULL;
}

static gboolean
read_records (Gather  *g,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store,
                                      "SELECT id, person_id, kind, date, days, unannounced,"
                                      "       coalesce (unit_id, 0), duty_id, received_on"
                                      "  FROM record"
                                      " WHERE (date >= ?1 AND date < ?2)"
                                      "    OR (received_on >= ?1 AND received_on < ?2)",
                                      error)))
    return FALSE;
  _quorum_store_bind_date (stmt, 1, &g->from);
  _quorum_store_bind_date (stmt, 2, &g->to);

  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      const char *duty_id = _quorum_store_column_text (stmt, 7);
      QuorumComplianceFact fact;

      quorum_compliance_fact_init (&fact);
      fact.record_id = sqlite3_column_int64 (stmt, 0);
      fact.subject_kind = QUORUM_SUBJECT_PERSON;
      fact.subject_id = sqlite3_column_int64 (stmt, 1);
      /* A duty the rulebook no longer has falls back to the record's kind. */
      fact.duty_id = quorum_rulebook_lookup (g->rulebook, duty_id) ? duty_id : NULL;
      fact.record = _quorum_store_column_text (stmt, 2);
      set_day (&fact.date, _quorum_store_column_text (stmt, 3));
      fact.amount = sqlite3_column_double (stmt, 4);
      fact.unannounced = sqlite3_column_int (stmt, 5) != 0;
      fact.unit_id = sqlite3_column_int64 (stmt, 6);
      if (!quorum_compliance_input_add_fact (g->input, &fact, error))
        return FALSE;

      /* A letter answered or a document countersigned: its deadline runs
       * from the day it came in, for the department named (else the person). */
      if (_quorum_store_column_text (stmt, 8) != NULL)
        {
          QuorumDuty *duty = deadline_duty_for (g, fact.duty_id, fact.record);
          QuorumComplianceItem item;

          if (duty == NULL)
            continue;
          quorum_compliance_item_init (&item);
          item.duty_id = quorum_duty_get_id (duty);
          item.subject_kind = fact.unit_id != 0 ? QUORUM_SUBJECT_UNIT : QUORUM_SUBJECT_PERSON;
          item.subject_id = fact.unit_id != 0 ? fact.unit_id : fact.subject_id;
          item.unit_id = 0;
          set_day (&item.date, _quorum_store_column_text (stmt, 8));
          item.done = fact.date;
          item.record_id = fact.record_id;
          if (!quorum_compliance_input_add_deadline (g->input, &item, error))
            return FALSE;
        }
    }
  return ok;
}

/* Binds the period as local dates (?1, ?2), the exact test on an
 * occurrence's local start, and as a unix range two days wider (?3, ?4),
 * which holds every such start in any time zone and lets SQLite walk the
 * (series, start) index of the duty series only, whatever else the
 * calendar holds. */
static void
bind_range (sqlite3_stmt *stmt,
            Gather       *g,
            const char   *from,
            const char   *to)
{
  /* g_date_get_julian() counts 1 for 1 January of year 1; 1970-01-01 is 719163. */
  const gint64 epoch = 719163;
  const gint64 slack = 2 * 86400;

  _quorum_store_bind_text (stmt, 1, from);
  _quorum_store_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, ((gint64)g_date_get_julian (&g->from) - epoch) * 86400 - slack);
  sqlite3_bind_int64 (stmt, 4, ((gint64)g_date_get_julian (&g->to) - epoch) * 86400 + slack);
}

/* Occurrences of series that serve a duty: held ones count, scheduled ones
 * may put a period at risk, and minutes must be signed within the deadline. */
static gboolean
read_occurrences (Gather  *g,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = _quorum_store_format_date (&g->from);
  g_autofree char *to = _quorum_store_format_date (&g->to);
  QuorumDuty *minutes = quorum_rulebook_lookup (g->rulebook, "minutes-signoff");
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store,
                                      "SELECT o.id, s.duty_id, coalesce (s.owner_id, 0), o.status,"
                                      "       substr (o.start_at, 1, 10), o.minutes_signed_on,"
                                      "       o.minutes_text IS NOT NULL OR o.minutes_signed_on IS NOT NULL"
                                      "  FROM series s CROSS JOIN occurrence o ON o.series_id = s.id"
                                      " WHERE s.deleted = 0 AND s.duty_id IS NOT NULL"
                                      "   AND o.start_unix >= ?3 AND o.start_unix < ?4"
                                      "   AND o.start_at >= ?1 AND o.start_at < ?2"
                                      " ORDER BY o.start_unix",
                                      error)))
    return FALSE;
  bind_range (stmt, g, from, to);

  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      QuorumDuty *duty = quorum_rulebook_lookup (g->rulebook, _quorum_store_column_text (stmt, 1));
      const char *status = _quorum_store_column_text (stmt, 3);
      gboolean body;
      gint64 subject;

      if (duty == NULL)
        continue;
      body = quorum_duty_get_scope (duty) == QUORUM_DUTY_SCOPE_BODY;
      subject = body ? body_of (g, duty) : sqlite3_column_int64 (stmt, 2);
      if (!body && subject <= 0)
        continue;

      if (g_str_equal (status, "held"))
        {
          QuorumComplianceFact fact;

          quorum_compliance_fact_init (&fact);
          fact.duty_id = quorum_duty_get_id (duty);
          fact.subject_kind = body ? QUORUM_SUBJECT_BODY : QUORUM_SUBJECT_PERSON;
          fact.subject_id = subject;
          fact.record_id = sqlite3_column_int64 (stmt, 0);
          set_day (&fact.date, _quorum_store_column_text (stmt, 4));
          if (!quorum_compliance_input_add_fact (g->input, &fact, error))
            return FALSE;

          if (minutes != NULL && sqlite3_column_int (stmt, 6))
            {
              QuorumComplianceItem item;

              quorum_compliance_item_init (&item);
              item.duty_id = quorum_duty_get_id (minutes);
              item.subject_kind = QUORUM_SUBJECT_BODY;
              item.subject_id = body_of (g, minutes);
              item.date = fact.date;
              set_day (&item.done, _quorum_store_column_text (stmt, 5));
              item.record_id = fact.record_id;
              if (!quorum_compliance_input_add_deadline (g->input, &item, error))
                return FALSE;
            }
        }
      else if (g_str_equal (status, "scheduled"))
        {
          QuorumComplianceItem item;

          quorum_compliance_item_init (&item);
          item.duty_id = quorum_duty_get_id (duty);
          item.subject_kind = body ? QUORUM_SUBJECT_BODY : QUORUM_SUBJECT_PERSON;
          item.subject_id = subject;
          item.record_id = sqlite3_column_int64 (stmt, 0);
          set_day (&item.date, _quorum_store_column_text (stmt, 4));
          if (!quorum_compliance_input_add_scheduled (g->input, &item, error))
            return FALSE;
        }
    }
  return ok;
}

static gboolean
read_attendance (Gather  *g,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = _quorum_store_format_date (&g->from);
  g_autofree char *to = _quorum_store_format_date (&g->to);
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store,
                                      "SELECT a.occurrence_id, a.person_id, a.status, m.made_up_on,"
                                      "       s.duty_id, substr (o.start_at, 1, 10)"
                                      "  FROM series s"
                                      "  CROSS JOIN occurrence o ON o.series_id = s.id"
                                      "  CROSS JOIN attendance a ON a.occurrence_id = o.id"
                                      "  LEFT JOIN makeup m ON m.occurrence_id = a.occurrence_id"
                                      "                    AND m.person_id = a.person_id"
                                      " WHERE s.deleted = 0 AND s.duty_id IS NOT NULL"
                                      "   AND o.status = 'held'"
                                      "   AND o.start_unix >= ?3 AND o.start_unix < ?4"
                                      "   AND o.start_at >= ?1 AND o.start_at < ?2",
                                      error)))
    return FALSE;
  bind_range (stmt, g, from, to);

  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      QuorumDuty *duty = quorum_rulebook_lookup (g->rulebook, _quorum_store_column_text (stmt, 4));
      const char *status = _quorum_store_column_text (stmt, 2);
      QuorumComplianceFact fact;

      if (duty == NULL || !quorum_duty_get_attendance (duty))
        continue;

      quorum_compliance_fact_init (&fact);
      fact.duty_id = quorum_duty_get_id (duty);
      fact.subject_kind = QUORUM_SUBJECT_PERSON;
      fact.subject_id = sqlite3_column_int64 (stmt, 1);
      fact.record_id = sqlite3_column_int64 (stmt, 0);
      set_day (&fact.date, _quorum_store_column_text (stmt, 5));
      set_day (&fact.made_up_on, _quorum_store_column_text (stmt, 3));
      fact.attendance = g_str_equal (status, "present") ? QUORUM_ATTENDANCE_PRESENT
                      : g_str_equal (status, "late") ? QUORUM_ATTENDANCE_LATE
                      : g_str_equal (status, "excused") ? QUORUM_ATTENDANCE_EXCUSED
                      : QUORUM_ATTENDANCE_ABSENT;
      if (!quorum_compliance_input_add_fact (g->input, &fact, error))
        return FALSE;
    }
  return ok;
}

static gboolean
read_leaves (Gather  *g,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListModel *duties = quorum_rulebook_get_duties (g->rulebook);
  gboolean row = FALSE, ok = TRUE;

  if (!(stmt = _quorum_store_prepare (g->store,
                                      "SELECT id, person_id, start_date, substr (filed_at, 1, 10),"
                                      "       emergency, emergency_reason"
                                      "  FROM leave WHERE start_date >= ?1 AND start_date < ?2",
                                      error)))
    return FALSE;
  _quorum_store_bind_date (stmt, 1, &g->from);
  _quorum_store_bind_date (stmt, 2, &g->to);

  while ((ok = _quorum_store_step_row (g->store, stmt, &row, error)) && row)
    {
      QuorumComplianceItem item;

      quorum_compliance_item_init (&item);
      item.record_id = sqlite3_column_int64 (stmt, 0);
      item.subject_kind = QUORUM_SUBJECT_PERSON;
      item.subject_id = sqlite3_column_int64 (stmt, 1);
      set_day (&item.date, _quorum_store_column_text (stmt, 2));
      set_day (&item.done, _quorum_store_column_text (stmt, 3));
      item.emergency = sqlite3_column_int (stmt, 4) != 0;
      item.reason = _quorum_store_column_text (stmt, 5);

      /* Every notice duty of the rulebook applies to leave requests. */
      for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
        {
          g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

          if (quorum_duty_get_measure (duty) != QUORUM_MEASURE_NOTICE_DAYS)
            continue;
          item.duty_id = quorum_duty_get_id (duty);
          if (!quorum_compliance_input_add_notice (g->input, &item, error))
            return FALSE;
        }
    }
  return ok;
}

/**
 * quorum_store_gather_compliance_input:
 * @store: a store
 * @rulebook: the rulebook whose duties to evaluate
 * @outer: the period to be evaluated: everything the duties' periods that
 *   overlap it need is read (for a month: its whole year, and the weeks and
 *   fortnights that straddle the year's ends)
 * @error: return location for a #GError
 *
 * Reads units, people, dated relations, personal records, occurrences of
 * series that serve a duty, attendance with make-ups and leave, one query
 * each, and binds every duty to the subjects its group names:
 * `leadership` the members and heads of the leadership group, `party-group`
 * and `executive-meeting` those of that unit, `government` those of the
 * government and of its leadership, `economic-department-heads` the heads of
 * departments, `departments` and `towns` those units, `party-members` the
 * people marked as Party members. Body duties are held by the unit of the
 * group's kind (or a stand-in when the store has none). Linked enterprises,
 * departments in charge, assigned towns and Party branches become the
 * related units of per-unit duties.
 *
 * Returns: (transfer full): the input, or %NULL with @error set
 */
QuorumComplianceInput *
quorum_store_gather_compliance_input (QuorumStore     *store,
                                      QuorumRulebook  *rulebook,
                                      QuorumPeriod    *outer,
                                      GError         **error)
{
  g_autoptr(QuorumComplianceInput) input = NULL;
  g_autoptr(GArray) ties = NULL;
  g_autoptr(GArray) party_members = NULL;
  g_autoptr(GHashTable) units_by_kind = NULL;
  GListModel *duties;
  Gather g = { 0 };

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (rulebook), NULL);
  g_return_val_if_fail (outer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = quorum_compliance_input_new ();
  quorum_compliance_input_add_rulebook (input, rulebook);
  ties = g_array_new (FALSE, TRUE, sizeof (Tie));
  g_array_set_clear_func (ties, (GDestroyNotify)tie_clear);
  party_members = g_array_new (FALSE, TRUE, sizeof (Tie));
  units_by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)g_array_unref);

  g.store = store;
  g.rulebook = rulebook;
  g.input = input;
  g.ties = ties;
  g.party_members = party_members;
  g.units_by_kind = units_by_kind;
  /* Whole years around @outer, and two weeks more for straddling periods. */
  g_date_clear (&g.from, 1);
  g_date_set_dmy (&g.from, 1, G_DATE_JANUARY, g_date_get_year (quorum_period_get_start (outer)));
  g_date_subtract_days (&g.from, 14);
  g.to = *quorum_period_get_end (outer);
  g_date_subtract_days (&g.to, 1);
  g_date_set_dmy (&g.to, 1, G_DATE_JANUARY, g_date_get_year (&g.to) + 1);
  g_date_add_days (&g.to, 14);

  if (!read_units (&g, error) || !read_people (&g, error) || !read_relations (&g, error))
    return NULL;

  duties = quorum_rulebook_get_duties (rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      if (!bind_duty (&g, duty, error))
        return NULL;
    }

  if (!read_records (&g, error) || !read_occurrences (&g, error) ||
      !read_attendance (&g, error) || !read_leaves (&g, error))
    return NULL;

  return g_steal_pointer (&input);
}
