/* quorum-store-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Series and their occurrences. Occurrences are rows, materialised up to a
 * rolling horizon, so that attendance attaches to something concrete. Editing
 * a rule regenerates only future occurrences that have no attendance: the past
 * is never rewritten.
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "quorum-json.h"
#include "quorum-recurrence.h"
#include "quorum-store-private.h"

/* Far more than any sane series has within a horizon (a daily rule over 400
 * days is 400): a bigger expansion means a wrong rule. */
#define MAX_OCCURRENCES 5000

/* When a query reaches past the horizon, rows are made this much further
 * than asked, so that browsing on (or the clock moving on) does not write
 * again at every step. */
#define HORIZON_SLACK_DAYS 100

#define SERIES_COLUMNS \
  "id, uid, title, duty_id, kind, rrule, dtstart, duration_minutes, all_day, tzid," \
  " location, description, owner_id, holiday_policy, reminder_minutes, sequence, split_from"

#define SERIES_PARTICIPANT_INSERT \
  "INSERT INTO series_participant (series_id, unit_id, person_id) VALUES (?1, ?2, ?3)"

#define SERIES_EXDATE_INSERT \
  "INSERT OR IGNORE INTO series_exdate (series_id, recurrence_id) VALUES (?1, ?2)"

#define OCCURRENCE_INSERT \
  "INSERT OR IGNORE INTO occurrence (series_id, recurrence_id, start_at, end_at, start_unix," \
  " end_unix, holiday_shifted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"

#define OCCURRENCE_COLUMNS \
  "o.id, o.series_id, s.uid, coalesce (o.title, s.title), coalesce (o.location, s.location)," \
  " o.recurrence_id, o.start_at, o.end_at, s.all_day, s.duty_id, s.kind, s.owner_id," \
  " o.status, o.status_reason, o.moved, o.holiday_shifted, s.tzid, o.start_unix, o.end_unix"

/* The tail of every occurrence query: a CTE `occ (id, series_id, day)` comes
 * first; ?20 is a person to filter on, or 0. The counts come in the same
 * statement, not one query per row. The CROSS JOINs keep `occ` (a month's
 * rows) the outer loop: left to itself the planner walks all of attendance,
 * and all occurrences in start order, to save a sort of a few dozen rows. */
#define OCCURRENCE_SELECT \
  QUORUM_STORE_EXPECTED_CTE "," \
  " counts (oid, n) AS (SELECT oid, count (*) FROM expected GROUP BY oid)," \
  " marks (oid, n_recorded, n_attended) AS (" \
  "   SELECT a.occurrence_id, count (*), sum (a.status IN ('present', 'late'))" \
  "     FROM occ CROSS JOIN attendance a ON a.occurrence_id = occ.id GROUP BY a.occurrence_id)" \
  " SELECT " OCCURRENCE_COLUMNS "," \
  "   coalesce (counts.n, 0), coalesce (marks.n_recorded, 0), coalesce (marks.n_attended, 0)" \
  " FROM occ CROSS JOIN occurrence o ON o.id = occ.id JOIN series s ON s.id = o.series_id" \
  " LEFT JOIN counts ON counts.oid = occ.id LEFT JOIN marks ON marks.oid = occ.id" \
  " WHERE ?20 = 0 OR EXISTS (SELECT 1 FROM expected e WHERE e.oid = occ.id AND e.pid = ?20)" \
  " ORDER BY o.start_unix, o.end_unix, o.id"

/* As OCCURRENCE_SELECT without the counts, which cost a join per row, left
 * at 0; `expected` is read only to filter on a person. */
#define OCCURRENCE_SELECT_NO_COUNTS \
  QUORUM_STORE_EXPECTED_CTE \
  " SELECT " OCCURRENCE_COLUMNS ", 0, 0, 0" \
  " FROM occ CROSS JOIN occurrence o ON o.id = occ.id JOIN series s ON s.id = o.series_id" \
  " WHERE ?20 = 0 OR EXISTS (SELECT 1 FROM expected e WHERE e.oid = occ.id AND e.pid = ?20)" \
  " ORDER BY o.start_unix, o.end_unix, o.id"

/* What a range query keeps: ?1 and ?2 the range, ?7 the longest span,
 * ?3 to ?6 and ?8 the filter; `o` and `s` the occurrence and its series.
 * With a person (?20) only the series they can be expected at, whatever
 * the dates: a superset of what `expected` finds, which then decides, so
 * that a person's range does not compute the roll of every session. */
#define RANGE_CONDITIONS \
  "     s.deleted = 0" \
  "     AND o.end_unix >= ?1 AND o.start_unix < ?2" \
  "     AND o.start_unix >= ?1 - ?7" \
  "     AND (o.end_unix > ?1 OR o.start_unix = o.end_unix)" \
  "     AND (?3 = 0 OR o.series_id = ?3)" \
  "     AND (?20 = 0 OR o.series_id IN (" \
  "          SELECT series_id FROM series_participant WHERE person_id = ?20" \
  "          UNION SELECT sp.series_id FROM series_participant sp" \
  "           JOIN relation r ON r.unit_id = sp.unit_id" \
  "           WHERE r.person_id = ?20 AND r.kind IN ('member', 'head')" \
  "          UNION SELECT id FROM series WHERE owner_id = ?20))" \
  "     AND (?4 IS NULL OR s.duty_id = ?4)" \
  "     AND (?8 = 0 OR s.duty_id IS NOT NULL)" \
  "     AND (?5 = 0 OR EXISTS (SELECT 1 FROM series_participant sp" \
  "          WHERE sp.series_id = s.id AND sp.unit_id = ?5))" \
  "     AND (?6 IS NULL" \
  "          OR instr (lower (coalesce (o.title, s.title)), ?6) > 0" \
  "          OR instr (lower (coalesce (o.location, s.location, ''))," \
  "                    ?6) > 0" \
  "          OR instr (lower (coalesce (o.minutes_text, '')), ?6) > 0)"

/* The occurrences of a range query, for OCCURRENCE_SELECT. */
#define RANGE_OCC_CTE \
  "WITH occ (id, series_id, day) AS (" \
  "  SELECT o.id, o.series_id, substr (o.start_at, 1, 10)" \
  "    FROM occurrence o JOIN series s ON s.id = o.series_id" \
  "   WHERE" RANGE_CONDITIONS \
  "), "

/* A range query with neither counts nor a person to filter on (the month
 * grid's): one pass over the range's rows, without the CTE that the counts
 * and the person filter need, which reads every row twice. */
#define RANGE_SELECT_PLAIN \
  "SELECT " OCCURRENCE_COLUMNS ", 0, 0, 0" \
  " FROM occurrence o JOIN series s ON s.id = o.series_id" \
  " WHERE" RANGE_CONDITIONS \
  " ORDER BY o.start_unix, o.end_unix, o.id"

static GTimeZone *
timezone_or_utc (const char *tzid)
{
  GTimeZone *tz = tzid != NULL ? g_time_zone_new_identifier (tzid) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

/* The wall-clock time of @datetime, read in @tz. */
static GDateTime *
wall_clock_in (GDateTime *datetime,
               GTimeZone *tz)
{
  int year, month, day;

  g_date_time_get_ymd (datetime, &year, &month, &day);
  return g_date_time_new (tz, year, month, day,
                          g_date_time_get_hour (datetime),
                          g_date_time_get_minute (datetime),
                          g_date_time_get_seconds (datetime));
}

static QuorumHolidayPolicy
holiday_policy_from_nick (const char *nick)
{
  return _quorum_store_enum_value (QUORUM_TYPE_HOLIDAY_POLICY, nick, QUORUM_HOLIDAY_KEEP);
}

static gboolean
check_series (QuorumStore   *self,
              QuorumSeries  *series,
              GError       **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *title = g_strstrip (g_strdup (quorum_series_get_title (series) ?: ""));
  const gint64 *ids;
  guint n;

  if (title[0] == '\0')
    return _quorum_store_invalid (error, "%s", _("The title must not be empty."));
  if (quorum_series_get_dtstart (series) == NULL)
    return _quorum_store_invalid (error, _("“%s” needs a start date and time."), title);
  if (!(tz = g_time_zone_new_identifier (quorum_series_get_tzid (series))))
    return _quorum_store_invalid (error, _("“%s” is not a known time zone."),
                                  quorum_series_get_tzid (series));
  if (!quorum_series_holiday_policy_is_valid (quorum_series_get_holiday_policy (series)))
    return _quorum_store_invalid (error,
                                  _("“%s” is not a holiday policy. Use keep, skip, next-workday "
                                    "or previous-workday."),
                                  quorum_series_get_holiday_policy (series));
  if (quorum_series_get_rrule (series) != NULL &&
      !quorum_recurrence_validate (quorum_series_get_rrule (series), error))
    return FALSE;
  if (quorum_series_get_owner_id (series) != 0 &&
      !_quorum_store_check_exists (self, "person", quorum_series_get_owner_id (series), error))
    return FALSE;

  ids = quorum_series_get_participant_units (series, &n);
  for (guint i = 0; i < n; i++)
    if (!_quorum_store_check_exists (self, "unit", ids[i], error))
      return FALSE;
  ids = quorum_series_get_participant_people (series, &n);
  for (guint i = 0; i < n; i++)
    if (!_quorum_store_check_exists (self, "person", ids[i], error))
      return FALSE;

  return TRUE;
}

/* Inserts the participants and EXDATEs of @series for @series_id, with the
 * statements of SERIES_PARTICIPANT_INSERT and SERIES_EXDATE_INSERT. */
static gboolean
insert_series_lists (QuorumStore   *self,
                     sqlite3_stmt  *insert,
                     sqlite3_stmt  *insert_ex,
                     gint64         series_id,
                     QuorumSeries  *series,
                     GTimeZone     *tz,
                     GError       **error)
{
  GPtrArray *exdates = quorum_series_get_exdates (series);
  const gint64 *ids;
  guint n;

  ids = quorum_series_get_participant_units (series, &n);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, series_id);
      sqlite3_bind_int64 (insert, 2, ids[i]);
      sqlite3_bind_null (insert, 3);
      if (!_quorum_store_step_done (self, insert, error))
        return FALSE;
    }
  ids = quorum_series_get_participant_people (series, &n);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, series_id);
      sqlite3_bind_null (insert, 2);
      sqlite3_bind_int64 (insert, 3, ids[i]);
      if (!_quorum_store_step_done (self, insert, error))
        return FALSE;
    }

  for (guint i = 0; i < exdates->len; i++)
    {
      g_autoptr(GDateTime) local = wall_clock_in (g_ptr_array_index (exdates, i), tz);
      g_autofree char *text = _quorum_store_format_local (local);

      sqlite3_reset (insert_ex);
      sqlite3_bind_int64 (insert_ex, 1, series_id);
      _quorum_store_bind_text (insert_ex, 2, text);
      if (!_quorum_store_step_done (self, insert_ex, error))
        return FALSE;
    }

  return TRUE;
}

/* Replaces the participants and EXDATEs of a series with those of @series. */
static gboolean
write_series_lists (QuorumStore   *self,
                    gint64         series_id,
                    QuorumSeries  *series,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) clear_ex = NULL;
  g_autoptr(sqlite3_stmt) insert_ex = NULL;
  g_autoptr(GTimeZone) tz = timezone_or_utc (quorum_series_get_tzid (series));

  if (!(clear = _quorum_store_prepare (self, "DELETE FROM series_participant WHERE series_id = ?1",
                                       error)) ||
      !(insert = _quorum_store_prepare (self, SERIES_PARTICIPANT_INSERT, error)) ||
      !(clear_ex = _quorum_store_prepare (self, "DELETE FROM series_exdate WHERE series_id = ?1",
                                          error)) ||
      !(insert_ex = _quorum_store_prepare (self, SERIES_EXDATE_INSERT, error)))
    return FALSE;

  sqlite3_bind_int64 (clear, 1, series_id);
  sqlite3_bind_int64 (clear_ex, 1, series_id);
  if (!_quorum_store_step_done (self, clear, error) ||
      !_quorum_store_step_done (self, clear_ex, error))
    return FALSE;

  return insert_series_lists (self, insert, insert_ex, series_id, series, tz, error);
}

/* Binds ?2 to ?15 (each plus @offset) of an INSERT or UPDATE of a series
 * row: the fields of @series, with its start as wall-clock text in @tz, and
 * @stamp as its last modification. */
static void
bind_series_fields (QuorumStore   *self,
                    sqlite3_stmt  *stmt,
                    int            offset,
                    QuorumSeries  *series,
                    GTimeZone     *tz,
                    const char    *stamp)
{
  g_autoptr(GDateTime) dtstart = wall_clock_in (quorum_series_get_dtstart (series), tz);
  g_autofree char *dtstart_text = _quorum_store_format_local (dtstart);
  g_autofree char *title = g_strstrip (g_strdup (quorum_series_get_title (series)));
  int reminder = quorum_series_get_reminder_minutes (series);

  /* The callers step @stmt while @series and what they hold live: that is
   * bound without a copy, this function's own texts with one. */
  _quorum_store_bind_text (stmt, offset + 2, title);
  _quorum_store_bind_text_static (stmt, offset + 3, quorum_series_get_duty_id (series));
  /* A series that serves a duty takes the duty's kind unless it names one. */
  _quorum_store_bind_text_static (stmt, offset + 4,
                                  quorum_series_get_kind (series) != NULL
                                    ? quorum_series_get_kind (series)
                                    : _quorum_store_get_duty_kind (self,
                                                                   quorum_series_get_duty_id (series)));
  _quorum_store_bind_text_static (stmt, offset + 5, quorum_series_get_rrule (series));
  _quorum_store_bind_text (stmt, offset + 6, dtstart_text);
  sqlite3_bind_int (stmt, offset + 7, quorum_series_get_duration_minutes (series));
  sqlite3_bind_int (stmt, offset + 8, quorum_series_get_all_day (series));
  _quorum_store_bind_text_static (stmt, offset + 9, quorum_series_get_tzid (series));
  _quorum_store_bind_text_static (stmt, offset + 10, quorum_series_get_location (series));
  _quorum_store_bind_text_static (stmt, offset + 11, quorum_series_get_description (series));
  _quorum_store_bind_id (stmt, offset + 12, quorum_series_get_owner_id (series));
  _quorum_store_bind_text_static (stmt, offset + 13, quorum_series_get_holiday_policy (series));
  if (reminder >= 0)
    sqlite3_bind_int (stmt, offset + 14, reminder);
  else
    sqlite3_bind_null (stmt, offset + 14);
  _quorum_store_bind_text_static (stmt, offset + 15, stamp);
}

/* Inserts (when *inout_id is 0) or rewrites a series row. */
static gboolean
write_series_row (QuorumStore   *self,
                  QuorumSeries  *series,
                  gint64        *inout_id,
                  gint64         split_from,
                  const char    *expand_from,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = _quorum_store_now (self);
  g_autoptr(GTimeZone) tz = timezone_or_utc (quorum_series_get_tzid (series));
  g_autofree char *stamp = _quorum_store_format_instant (now);
  g_autofree char *uid = NULL;
  g_autofree char *uuid = NULL;
  gboolean adding = *inout_id == 0;

  if (adding)
    {
      stmt = _quorum_store_prepare (self,
                                    "INSERT INTO series (title, duty_id, kind, rrule, dtstart,"
                                    " duration_minutes, all_day, tzid, location, description,"
                                    " owner_id, holiday_policy, reminder_minutes, last_modified,"
                                    " uid, created_at, split_from, expand_from)"
                                    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                    " ?14, ?15, ?16, ?15, ?17, ?18)",
                                    error);
      /* A bulk load may ask for reproducible UIDs. */
      if (!(uid = _quorum_store_bulk_dup_uid (self)))
        {
          uuid = g_uuid_string_random ();
          uid = g_strdup_printf ("%s@quorum", uuid);
        }
    }
  else
    stmt = _quorum_store_prepare (self,
                                  "UPDATE series SET title = ?2, duty_id = ?3, kind = ?4,"
                                  " rrule = ?5, dtstart = ?6, duration_minutes = ?7, all_day = ?8,"
                                  " tzid = ?9, location = ?10, description = ?11, owner_id = ?12,"
                                  " holiday_policy = ?13, reminder_minutes = ?14,"
                                  " last_modified = ?15, sequence = sequence + 1,"
                                  " expand_from = coalesce (?18, expand_from)"
                                  " WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  if (!adding)
    sqlite3_bind_int64 (stmt, 1, *inout_id);
  bind_series_fields (self, stmt, 0, series, tz, stamp);
  if (adding)
    {
      _quorum_store_bind_text (stmt, 16, uid);
      _quorum_store_bind_id (stmt, 17, split_from);
    }
  _quorum_store_bind_text (stmt, 18, expand_from);

  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;

  if (adding)
    *inout_id = _quorum_store_last_insert_id (self);

  return write_series_lists (self, *inout_id, series, error);
}

static GPtrArray *
load_exdates (QuorumStore  *self,
              gint64        series_id,
              GTimeZone    *tz,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) exdates = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  gboolean row = FALSE;
  gboolean ok;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT recurrence_id FROM series_exdate WHERE series_id = ?1",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      GDateTime *dt = g_date_time_new_from_iso8601 (_quorum_store_column_text (stmt, 0), tz);

      if (dt != NULL)
        g_ptr_array_add (exdates, dt);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&exdates);
}

static gboolean
contains_datetime (GPtrArray *array,
                   GDateTime *datetime)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    if (g_date_time_equal (g_ptr_array_index (array, i), datetime))
      return TRUE;
  return FALSE;
}

/* Rows are written INSERT_BATCH to a statement: a statement's own start
 * and end cost as much as writing a row. */
#define INSERT_BATCH 32

/* An occurrence row to write. */
typedef struct
{
  gint64   series_id;
  gint64   start_unix;
  gint64   end_unix;
  gboolean shifted;
  char     rid[QUORUM_STORE_INSTANT_SIZE];
  char     start[QUORUM_STORE_INSTANT_SIZE];
  char     end[QUORUM_STORE_INSTANT_SIZE];
} PendingRow;

static gboolean
same_zone (GTimeZone *a,
           GTimeZone *b)
{
  return a == b || g_strcmp0 (g_time_zone_get_identifier (a), g_time_zone_get_identifier (b)) == 0;
}

/* The INSERT of @n rows. */
static char *
dup_insert_sql (guint n)
{
  GString *sql = g_string_new ("INSERT OR IGNORE INTO occurrence (series_id, recurrence_id,"
                               " start_at, end_at, start_unix, end_unix, holiday_shifted)"
                               " VALUES ");

  for (guint i = 0; i < n; i++)
    g_string_append (sql, i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
  return g_string_free (sql, FALSE);
}

/* Writes @rows, a full batch to a statement and the rest one by one. Rows
 * that exist are left alone; *@out_inserted counts the new ones. */
static gboolean
insert_rows (QuorumStore  *self,
             GArray       *rows,
             guint        *out_inserted,
             GError      **error)
{
  static gsize made;
  static char *batch_sql;
  static char *one_sql;
  guint first = 0;

  *out_inserted = 0;
  if (g_once_init_enter (&made))
    {
      batch_sql = dup_insert_sql (INSERT_BATCH);
      one_sql = dup_insert_sql (1);
      g_once_init_leave (&made, 1);
    }

  while (first < rows->len)
    {
      guint n = rows->len - first >= INSERT_BATCH ? INSERT_BATCH : 1;
      g_autoptr(sqlite3_stmt) insert = _quorum_store_prepare (self, n == 1 ? one_sql : batch_sql,
                                                              error);

      if (insert == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++, first++)
        {
          const PendingRow *pending = &g_array_index (rows, PendingRow, first);
          int base = 1 + 7 * (int)i;

          /* The rows outlive the statement's step. */
          sqlite3_bind_int64 (insert, base, pending->series_id);
          sqlite3_bind_text (insert, base + 1, pending->rid, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, base + 2, pending->start, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, base + 3, pending->end, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, base + 4, pending->start_unix);
          sqlite3_bind_int64 (insert, base + 5, pending->end_unix);
          sqlite3_bind_int (insert, base + 6, pending->shifted);
        }
      if (!_quorum_store_step_done (self, insert, error))
        return FALSE;
      *out_inserted += sqlite3_changes (_quorum_database_get_handle (self->database));
    }
  return TRUE;
}

/* Appends to @rows the occurrences of one series up to @until: nothing
 * before the series' expand_from, nor before @from when given (the horizon
 * up to which rows exist already). */
static gboolean
expand_series (QuorumStore  *self,
               gint64        series_id,
               GDateTime    *from,
               GDateTime    *until,
               GArray       *rows,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dtstart = NULL;
  g_autoptr(GDateTime) range_start = NULL;
  g_autoptr(GPtrArray) exdates = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *tzid = NULL;
  QuorumHolidayPolicy policy;
  QuorumWorkdays *workdays = NULL;
  gboolean row = FALSE;
  int duration;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT rrule, dtstart, tzid, duration_minutes,"
                                      " holiday_policy, expand_from FROM series"
                                      " WHERE id = ?1 AND deleted = 0",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return TRUE;

  rrule = g_strdup (_quorum_store_column_text (stmt, 0));
  tzid = g_strdup (_quorum_store_column_text (stmt, 2));
  tz = timezone_or_utc (tzid);
  dtstart = g_date_time_new_from_iso8601 (_quorum_store_column_text (stmt, 1), tz);
  duration = sqlite3_column_int (stmt, 3);
  policy = holiday_policy_from_nick (_quorum_store_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    range_start = g_date_time_new_from_iso8601 (_quorum_store_column_text (stmt, 5), tz);
  if (range_start == NULL || g_date_time_compare (range_start, dtstart) < 0)
    {
      g_clear_pointer (&range_start, g_date_time_unref);
      range_start = g_date_time_ref (dtstart);
    }
  if (from != NULL && g_date_time_compare (range_start, from) < 0)
    {
      g_clear_pointer (&range_start, g_date_time_unref);
      range_start = g_date_time_ref (from);
    }
  g_clear_pointer (&stmt, _quorum_statement_release);

  if (g_date_time_compare (range_start, until) > 0)
    return TRUE;

  if (!(exdates = load_exdates (self, series_id, tz, error)))
    return FALSE;

  if (rrule != NULL)
    {
      if (!(starts = quorum_recurrence_expand (rrule, dtstart, tzid, exdates, NULL,
                                               range_start, until, MAX_OCCURRENCES, error)))
        return FALSE;
    }
  else
    {
      starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
      if (!contains_datetime (exdates, dtstart))
        g_ptr_array_add (starts, g_date_time_ref (dtstart));
    }

  if (policy != QUORUM_HOLIDAY_KEEP && !(workdays = _quorum_store_get_workdays (self, error)))
    return FALSE;

  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *original = g_ptr_array_index (starts, i);
      g_autoptr(GDateTime) local = NULL;
      g_autoptr(GDateTime) moved = NULL;
      g_autoptr(GDateTime) end = NULL;
      PendingRow *pending;
      GDateTime *start;
      gboolean shifted = FALSE;

      /* The expansion gives its starts in @tz already. */
      if (same_zone (g_date_time_get_timezone (original), tz))
        local = g_date_time_ref (original);
      else
        local = g_date_time_to_timezone (original, tz);
      if (g_date_time_compare (local, range_start) < 0)
        continue;

      start = local;
      if (policy != QUORUM_HOLIDAY_KEEP)
        {
          /* In @tz too: the same time of day on another day. */
          if (!(moved = quorum_recurrence_apply_holiday_policy (workdays, local, policy, &shifted)))
            continue;
          start = moved;
        }

      end = g_date_time_add_minutes (start, duration);
      g_array_set_size (rows, rows->len + 1);
      pending = &g_array_index (rows, PendingRow, rows->len - 1);
      pending->series_id = series_id;
      _quorum_store_print_local (pending->rid, local);
      _quorum_store_print_instant (pending->start, start);
      _quorum_store_print_instant (pending->end, end);
      pending->start_unix = g_date_time_to_unix (start);
      pending->end_unix = g_date_time_to_unix (end);
      pending->shifted = shifted;
    }

  return TRUE;
}

/* Creates the missing occurrences of one series up to @until. Rows that
 * exist are left alone (a moved or cancelled one keeps its state). */
static gboolean
materialize_series (QuorumStore  *self,
                    gint64        series_id,
                    GDateTime    *from,
                    GDateTime    *until,
                    guint        *out_inserted,
                    GError      **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (PendingRow));

  *out_inserted = 0;
  return expand_series (self, series_id, from, until, rows, error) &&
         insert_rows (self, rows, out_inserted, error);
}

/* The stored horizon, or NULL. */
static GDateTime *
dup_stored_horizon (QuorumStore *self)
{
  g_autofree char *text = _quorum_store_dup_meta (self, "horizon");

  return _quorum_store_parse_instant (text);
}

/* The horizon occurrences exist up to: the stored one, at least today +
 * QUORUM_STORE_HORIZON_DAYS. */
static GDateTime *
dup_horizon (QuorumStore *self)
{
  g_autoptr(GDateTime) now = _quorum_store_now (self);
  g_autoptr(GDateTime) horizon = g_date_time_add_days (now, QUORUM_STORE_HORIZON_DAYS);
  g_autoptr(GDateTime) stored = dup_stored_horizon (self);

  if (stored != NULL && g_date_time_compare (stored, horizon) > 0)
    return g_steal_pointer (&stored);
  return g_steal_pointer (&horizon);
}

/* One summary row: generated occurrences follow from the rule, so a row
 * each would drown the trail in noise. */
static gboolean
audit_materialized (QuorumStore  *self,
                    gint64        series_id,
                    GDateTime    *until,
                    guint         inserted,
                    GError      **error)
{
  g_autofree char *until_text = _quorum_store_format_instant (until);
  g_autoptr(GString) after = g_string_new ("{\"until\":");

  quorum_json_append_string (after, until_text);
  g_string_append_printf (after, ",\"inserted\":%u}", inserted);
  return _quorum_store_audit (self, "series", series_id, "materialize", NULL, after->str,
                              NULL, error);
}

static gboolean
materialize_and_audit (QuorumStore  *self,
                       gint64        series_id,
                       GDateTime    *from,
                       GDateTime    *until,
                       guint        *out_inserted,
                       GError      **error)
{
  if (!materialize_series (self, series_id, from, until, out_inserted, error))
    return FALSE;
  return *out_inserted == 0 || audit_materialized (self, series_id, until, *out_inserted, error);
}

/* Brings every series up to @until. Rows exist up to the stored horizon
 * (every writer of a series materialises it that far), so only the rules'
 * starts from there on are expanded; nothing at all is done, and nothing
 * written, when the horizon is there already. */
static gboolean
materialize_all (QuorumStore  *self,
                 GDateTime    *until,
                 guint        *out_inserted,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) stored = dup_stored_horizon (self);
  g_autofree char *text = NULL;
  g_autofree char *cache_size = NULL;
  gboolean row = FALSE;
  gboolean ok;

  *out_inserted = 0;

  if (stored != NULL && g_date_time_compare (until, stored) <= 0)
    return TRUE;

  if (!(stmt = _quorum_store_prepare (self, "SELECT id FROM series WHERE deleted = 0", error)))
    return FALSE;
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;

  if (!(cache_size = _quorum_store_grow_cache (self, error)) ||
      !_quorum_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < ids->len; i++)
    {
      guint inserted = 0;

      ok = materialize_and_audit (self, g_array_index (ids, gint64, i), stored, until, &inserted,
                                  error);
      *out_inserted += inserted;
    }
  text = _quorum_store_format_instant (until);
  ok = ok && _quorum_store_set_meta (self, "horizon", text, error);

  ok = _quorum_store_end (self, ok, error);
  _quorum_store_restore_cache (self, cache_size);
  return ok;
}

/* Makes sure rows exist up to @needed, going HORIZON_SLACK_DAYS further
 * when they do not. */
static gboolean
ensure_horizon (QuorumStore  *self,
                GDateTime    *needed,
                guint        *out_inserted,
                GError      **error)
{
  g_autoptr(GDateTime) stored = dup_stored_horizon (self);
  g_autoptr(GDateTime) until = NULL;

  *out_inserted = 0;
  if (stored != NULL && g_date_time_compare (needed, stored) <= 0)
    return TRUE;

  until = g_date_time_add_days (needed, HORIZON_SLACK_DAYS);
  return materialize_all (self, until, out_inserted, error);
}

/* Without materialising on read: when rows do not reach @needed (nor were
 * asked for that far already, unless @again), asks for them up to
 * HORIZON_SLACK_DAYS further. Returns whether it asked. */
static gboolean
request_horizon (QuorumStore *self,
                 GDateTime   *needed,
                 gboolean     again)
{
  g_autoptr(GDateTime) stored = dup_stored_horizon (self);
  g_autoptr(GDateTime) until = NULL;

  if (stored != NULL && g_date_time_compare (needed, stored) <= 0)
    return FALSE;
  if (!again && g_date_time_to_unix (needed) <= self->requested_until)
    return FALSE;

  until = g_date_time_add_days (needed, HORIZON_SLACK_DAYS);
  self->requested_until = MAX (self->requested_until, g_date_time_to_unix (until));
  _quorum_store_emit_horizon_needed (self, until);
  return TRUE;
}

/**
 * quorum_store_materialize:
 * @self: a #QuorumStore
 * @until: (nullable): create occurrences up to this time, or %NULL for today
 *   + %QUORUM_STORE_HORIZON_DAYS days
 * @error: return location for a #GError
 *
 * Makes sure every series has its occurrences as rows up to @until. Existing
 * rows are never changed. Call it at start-up so the horizon rolls forward;
 * new series are materialised up to the horizon when they are added. Only
 * what lies beyond the stored horizon is generated, and nothing is written
 * when @until is within it. With %NULL the horizon moves a little further
 * than asked, so that calling it again soon finds nothing to do.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_materialize (QuorumStore  *self,
                          GDateTime    *until,
                          GError      **error)
{
  g_autoptr(GDateTime) horizon = NULL;
  guint inserted = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (until == NULL)
    {
      g_autoptr(GDateTime) now = _quorum_store_now (self);

      horizon = g_date_time_add_days (now, QUORUM_STORE_HORIZON_DAYS);
      if (!ensure_horizon (self, horizon, &inserted, error))
        return FALSE;
    }
  else if (!materialize_all (self, until, &inserted, error))
    return FALSE;

  if (inserted > 0)
    _quorum_store_emit_changed (self, "occurrence", 0);
  return TRUE;
}

/**
 * quorum_store_dup_materialized_until:
 * @self: a #QuorumStore
 *
 * The horizon: occurrences of every series exist as rows up to this time.
 * quorum_store_materialize() moves it on (and so do queries, while
 * #QuorumStore:materialize-on-read is on).
 *
 * Returns: (transfer full) (nullable): the horizon, or %NULL when nothing
 *   was materialised for all series yet
 */
GDateTime *
quorum_store_dup_materialized_until (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  return dup_stored_horizon (self);
}

/**
 * quorum_store_check_horizon:
 * @self: a #QuorumStore
 *
 * Checks that occurrences exist as rows up to today +
 * %QUORUM_STORE_HORIZON_DAYS, and when they do not, emits
 * #QuorumStore::horizon-needed (even if it asked before, so that a failed
 * attempt is tried again). Writes nothing: call it at start-up and once in
 * a while (the horizon must keep ahead of the clock) on a store whose
 * #QuorumStore:materialize-on-read is off.
 *
 * Returns: %TRUE when the horizon was found short and asked for
 */
gboolean
quorum_store_check_horizon (QuorumStore *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) needed = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  now = _quorum_store_now (self);
  needed = g_date_time_add_days (now, QUORUM_STORE_HORIZON_DAYS);
  return request_horizon (self, needed, TRUE);
}

/* Checks, writes and materialises @n series in one transaction: all or none. */
static gboolean
add_series_rows (QuorumStore   *self,
                 QuorumSeries **series,
                 guint          n,
                 gint64        *ids,
                 GError       **error)
{
  g_autoptr(GDateTime) horizon = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    if (!check_series (self, series[i], error))
      return FALSE;

  horizon = dup_horizon (self);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < n; i++)
    {
      guint inserted = 0;

      ids[i] = 0;
      ok = write_series_row (self, series[i], &ids[i], 0, NULL, error) &&
           _quorum_store_audit_row (self, "series", ids[i], "add", NULL, error) &&
           materialize_and_audit (self, ids[i], NULL, horizon, &inserted, error);
    }
  if (!_quorum_store_end (self, ok, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    _quorum_store_emit_changed (self, "series", ids[i]);
  return TRUE;
}

/**
 * quorum_store_add_series:
 * @self: a #QuorumStore
 * @series: the template: title, start, rule, participants…
 * @error: return location for a #GError
 *
 * Adds a series with a new UID (`<uuid>@quorum`) and creates its occurrences
 * up to the horizon. A rule that is invalid or could never end at a sane size
 * (FREQ=SECONDLY, MINUTELY, HOURLY, an absurd COUNT) is refused with
 * %QUORUM_RECURRENCE_ERROR before anything is written.
 *
 * Returns: the id of the new series, or 0 on error
 */
gint64
quorum_store_add_series (QuorumStore   *self,
                         QuorumSeries  *series,
                         GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (QUORUM_IS_SERIES (series), 0);

  if (!add_series_rows (self, &series, 1, &id, error))
    return 0;
  return id;
}

/**
 * quorum_store_add_series_batch:
 * @self: a #QuorumStore
 * @series: (element-type QuorumSeries): the templates, e.g. one per leader
 * @error: return location for a #GError
 *
 * Adds several series in one transaction, as quorum_store_add_series() does
 * for one: either all of them are added or, when one is refused, none.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the new series in
 *   the order of @series, or %NULL on error
 */
GArray *
quorum_store_add_series_batch (QuorumStore  *self,
                               GPtrArray    *series,
                               GError      **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (series != NULL, NULL);

  for (guint i = 0; i < series->len; i++)
    g_return_val_if_fail (QUORUM_IS_SERIES (g_ptr_array_index (series, i)), NULL);

  ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), series->len);
  g_array_set_size (ids, series->len);
  if (series->len > 0 &&
      !add_series_rows (self, (QuorumSeries **)series->pdata, series->len,
                        (gint64 *)(gpointer)ids->data, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* Removes the occurrences of a series from @from_local on that nobody has
 * recorded anything for; returns how many went. */
static gboolean
drop_unrecorded (QuorumStore  *self,
                 gint64        series_id,
                 const char   *column,
                 const char   *from,
                 gint64        from_unix,
                 guint        *out_dropped,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("DELETE FROM occurrence WHERE series_id = ?1 AND %s >= ?2"
                         " AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.occurrence_id = id)"
                         " AND NOT EXISTS (SELECT 1 FROM makeup m WHERE m.occurrence_id = id)",
                         column);
  if (!(stmt = _quorum_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  if (from != NULL)
    _quorum_store_bind_text (stmt, 2, from);
  else
    sqlite3_bind_int64 (stmt, 2, from_unix);
  if (!_quorum_store_step_done (self, stmt, error))
    return FALSE;

  *out_dropped = sqlite3_changes (_quorum_database_get_handle (self->database));
  return TRUE;
}

static gboolean
audit_regenerate (QuorumStore  *self,
                  gint64        series_id,
                  const char   *from,
                  guint         dropped,
                  GError      **error)
{
  g_autoptr(GString) after = g_string_new ("{\"from\":");

  quorum_json_append_string (after, from);
  g_string_append_printf (after, ",\"dropped\":%u}", dropped);
  return _quorum_store_audit (self, "series", series_id, "regenerate", NULL, after->str,
                              NULL, error);
}

static gboolean
timing_changed (QuorumSeries *a,
                QuorumSeries *b)
{
  return g_strcmp0 (quorum_series_get_rrule (a), quorum_series_get_rrule (b)) != 0 ||
         g_strcmp0 (quorum_series_get_tzid (a), quorum_series_get_tzid (b)) != 0 ||
         g_strcmp0 (quorum_series_get_holiday_policy (a),
                    quorum_series_get_holiday_policy (b)) != 0 ||
         quorum_series_get_duration_minutes (a) != quorum_series_get_duration_minutes (b) ||
         quorum_series_get_all_day (a) != quorum_series_get_all_day (b) ||
         quorum_series_get_exdates (a)->len != quorum_series_get_exdates (b)->len ||
         g_date_time_compare (quorum_series_get_dtstart (a), quorum_series_get_dtstart (b)) != 0;
}

/**
 * quorum_store_update_series:
 * @self: a #QuorumStore
 * @series: a series read from the store, edited ("all occurrences")
 * @error: return location for a #GError
 *
 * Rewrites the series and bumps its SEQUENCE. When the timing changed (rule,
 * start, duration, time zone, holiday policy, EXDATEs), occurrences from now
 * on that have no attendance are dropped and generated again from the new
 * rule; past ones and recorded ones are kept as they are.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_update_series (QuorumStore   *self,
                            QuorumSeries  *series,
                            GError       **error)
{
  g_autoptr(QuorumSeries) old = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now_local = NULL;
  g_autofree char *expand_from = NULL;
  g_autofree char *before = NULL;
  gint64 id;
  guint inserted = 0;
  gboolean regenerate;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_SERIES (series), FALSE);

  id = quorum_series_get_id (series);
  if (!(old = quorum_store_get_series (self, id, error)) || !check_series (self, series, error))
    return FALSE;

  regenerate = timing_changed (old, series);
  now = _quorum_store_now (self);
  tz = timezone_or_utc (quorum_series_get_tzid (series));
  now_local = g_date_time_to_timezone (now, tz);
  if (regenerate)
    expand_from = _quorum_store_format_local (now_local);
  horizon = dup_horizon (self);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, "series", "id = ?1", id, 0);
  ok = write_series_row (self, series, &id, 0, expand_from, error);
  ok = ok && _quorum_store_audit_row (self, "series", id, "update", before, error);
  if (ok && regenerate)
    {
      guint dropped = 0;

      ok = drop_unrecorded (self, id, "start_unix", NULL, g_date_time_to_unix (now),
                            &dropped, error) &&
           audit_regenerate (self, id, expand_from, dropped, error) &&
           materialize_and_audit (self, id, NULL, horizon, &inserted, error);
    }
  return _quorum_store_end_changed (self, ok, "series", id, error);
}

/* @rrule with its COUNT and UNTIL replaced by UNTIL=@until (in UTC). */
static char *
rrule_with_until (const char *rrule,
                  GDateTime  *until)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (until);
  g_autofree char *stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' ||
          g_ascii_strncasecmp (parts[i], "COUNT=", 6) == 0 ||
          g_ascii_strncasecmp (parts[i], "UNTIL=", 6) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append (out, parts[i]);
    }
  g_string_append_printf (out, ";UNTIL=%s", stamp);

  return g_string_free (out, FALSE);
}

/**
 * quorum_store_split_series:
 * @self: a #QuorumStore
 * @series_id: the series to split
 * @from_recurrence_id: the (original) start of the first occurrence to change
 * @changes: the new series from there on: title, time, rule, participants…
 * @error: return location for a #GError
 *
 * "This and following": ends the old series with an UNTIL just before
 * @from_recurrence_id, and starts a new series (with a new UID, linked by
 * #QuorumSeries:split-from) at that occurrence. Occurrences of the old series
 * from there on that have no attendance are replaced by the new series' own;
 * those with attendance are never touched and stay with the old series.
 *
 * When the start of @changes lies before @from_recurrence_id, only its time
 * of day is used, on the day of @from_recurrence_id.
 *
 * Returns: the id of the new series, or 0 on error
 */
gint64
quorum_store_split_series (QuorumStore   *self,
                           gint64         series_id,
                           GDateTime     *from_recurrence_id,
                           QuorumSeries  *changes,
                           GError       **error)
{
  g_autoptr(QuorumSeries) old = NULL;
  g_autoptr(QuorumSeries) next = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GTimeZone) next_tz = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) before_from = NULL;
  g_autoptr(GDateTime) old_start = NULL;
  g_autoptr(GDateTime) next_start = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(sqlite3_stmt) kept = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *old_rrule = NULL;
  g_autofree char *expand_from = NULL;
  g_autofree char *before = NULL;
  gint64 new_id = 0;
  guint dropped = 0;
  guint inserted = 0;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (from_recurrence_id != NULL, 0);
  g_return_val_if_fail (QUORUM_IS_SERIES (changes), 0);

  if (!(old = quorum_store_get_series (self, series_id, error)))
    return 0;

  tz = timezone_or_utc (quorum_series_get_tzid (old));
  from = g_date_time_to_timezone (from_recurrence_id, tz);
  old_start = wall_clock_in (quorum_series_get_dtstart (old), tz);
  from_text = _quorum_store_format_local (from);

  if (quorum_series_get_rrule (old) == NULL)
    return _quorum_store_invalid (error, _("“%s” does not repeat: edit it as a whole."),
                                  quorum_series_get_title (old));
  if (g_date_time_compare (from, old_start) <= 0)
    return _quorum_store_invalid (error,
                                  _("The split must come after the first occurrence of “%s”: "
                                    "edit the whole series instead."),
                                  quorum_series_get_title (old));

  /* The new series begins at the split, whatever start the template had. */
  next = quorum_series_copy (changes);
  next_tz = timezone_or_utc (quorum_series_get_tzid (next));
  next_start = wall_clock_in (quorum_series_get_dtstart (changes) != NULL
                              ? quorum_series_get_dtstart (changes) : from, next_tz);
  if (g_date_time_compare (next_start, from) < 0)
    {
      g_autoptr(GDateTime) moved = g_date_time_new (next_tz,
                                                    g_date_time_get_year (from),
                                                    g_date_time_get_month (from),
                                                    g_date_time_get_day_of_month (from),
                                                    g_date_time_get_hour (next_start),
                                                    g_date_time_get_minute (next_start),
                                                    g_date_time_get_seconds (next_start));
      quorum_series_set_dtstart (next, moved);
    }
  else
    quorum_series_set_dtstart (next, next_start);

  if (!check_series (self, next, error))
    return 0;

  before_from = g_date_time_add_seconds (from, -1);
  old_rrule = rrule_with_until (quorum_series_get_rrule (old), before_from);
  quorum_series_set_rrule (old, old_rrule);
  horizon = dup_horizon (self);

  if (!_quorum_store_begin (self, error))
    return 0;

  before = _quorum_store_row_json (self, "series", "id = ?1", series_id, 0);
  ok = write_series_row (self, old, &series_id, 0, NULL, error) &&
       drop_unrecorded (self, series_id, "recurrence_id", from_text, 0, &dropped, error);
  ok = ok && _quorum_store_audit_row (self, "series", series_id, "split", before, error) &&
       audit_regenerate (self, series_id, from_text, dropped, error);

  /* Recorded occurrences past the split stay with the old series; the new
   * one begins the day after the last of them so that no day is doubled. */
  if (ok)
    ok = (kept = _quorum_store_prepare (self,
                                        "SELECT max (start_unix) FROM occurrence"
                                        " WHERE series_id = ?1 AND recurrence_id >= ?2",
                                        error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (kept, 1, series_id);
      _quorum_store_bind_text (kept, 2, from_text);
      if ((ok = _quorum_store_step_done (self, kept, error)) &&
          sqlite3_column_type (kept, 0) != SQLITE_NULL)
        {
          g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (sqlite3_column_int64 (kept, 0));
          g_autoptr(GDateTime) last_local = g_date_time_to_timezone (last, next_tz);
          g_autoptr(GDateTime) midnight = g_date_time_new (next_tz,
                                                           g_date_time_get_year (last_local),
                                                           g_date_time_get_month (last_local),
                                                           g_date_time_get_day_of_month (last_local),
                                                           0, 0, 0);
          g_autoptr(GDateTime) next_day = g_date_time_add_days (midnight, 1);

          expand_from = _quorum_store_format_local (next_day);
        }
    }

  if (ok)
    ok = write_series_row (self, next, &new_id, series_id, expand_from, error);
  ok = ok && _quorum_store_audit_row (self, "series", new_id, "add", NULL, error) &&
       materialize_and_audit (self, new_id, NULL, horizon, &inserted, error);
  if (!_quorum_store_end (self, ok, error))
    return 0;

  _quorum_store_emit_changed (self, "series", series_id);
  _quorum_store_emit_changed (self, "series", new_id);
  return new_id;
}

static gboolean
set_series_deleted (QuorumStore  *self,
                    gint64        series_id,
                    gboolean      deleted,
                    GError      **error)
{
  return _quorum_store_check_exists (self, "series", series_id, error) &&
         _quorum_store_update_row (self, "series", series_id, deleted ? "delete" : "restore",
                                   deleted ? "UPDATE series SET deleted = 1 WHERE id = ?1"
                                           : "UPDATE series SET deleted = 0 WHERE id = ?1",
                                   NULL, error);
}

/**
 * quorum_store_delete_series:
 * @self: a #QuorumStore
 * @series_id: the series
 * @error: return location for a #GError
 *
 * Hides a series and its occurrences from every list. Nothing is erased
 * (attendance is evidence): quorum_store_restore_series() undoes it.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_delete_series (QuorumStore  *self,
                            gint64        series_id,
                            GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  return set_series_deleted (self, series_id, TRUE, error);
}

/**
 * quorum_store_restore_series:
 * @self: a #QuorumStore
 * @series_id: a deleted series
 * @error: return location for a #GError
 *
 * Undoes quorum_store_delete_series(), and creates the occurrences the
 * series missed while the horizon moved on without it.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_restore_series (QuorumStore  *self,
                             gint64        series_id,
                             GError      **error)
{
  g_autoptr(GDateTime) horizon = NULL;
  guint inserted = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!set_series_deleted (self, series_id, FALSE, error))
    return FALSE;

  horizon = dup_horizon (self);
  if (!_quorum_store_begin (self, error))
    return FALSE;
  if (!_quorum_store_end (self,
                          materialize_and_audit (self, series_id, NULL, horizon, &inserted, error),
                          error))
    return FALSE;
  if (inserted > 0)
    _quorum_store_emit_changed (self, "occurrence", 0);
  return TRUE;
}

static gboolean
load_series_lists (QuorumStore   *self,
                   QuorumSeries  *series,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GTimeZone) tz = timezone_or_utc (quorum_series_get_tzid (series));
  g_autoptr(GPtrArray) exdates = NULL;
  gint64 id = quorum_series_get_id (series);
  gboolean row = FALSE;
  gboolean ok;

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT unit_id, person_id FROM series_participant"
                                      " WHERE series_id = ?1 ORDER BY rowid",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        quorum_series_add_participant_unit (series, sqlite3_column_int64 (stmt, 0));
      else
        quorum_series_add_participant_person (series, sqlite3_column_int64 (stmt, 1));
    }
  if (!ok || !(exdates = load_exdates (self, id, tz, error)))
    return FALSE;

  for (guint i = 0; i < exdates->len; i++)
    quorum_series_add_exdate (series, g_ptr_array_index (exdates, i));

  return TRUE;
}

static QuorumSeries *
series_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GTimeZone) tz = timezone_or_utc (_quorum_store_column_text (stmt, 9));
  g_autoptr(GDateTime) dtstart = g_date_time_new_from_iso8601 (_quorum_store_column_text (stmt, 6),
                                                               tz);

  return g_object_new (QUORUM_TYPE_SERIES,
                       "id", (gint64)sqlite3_column_int64 (stmt, 0),
                       "uid", _quorum_store_column_text (stmt, 1),
                       "title", _quorum_store_column_text (stmt, 2),
                       "duty-id", _quorum_store_column_text (stmt, 3),
                       "kind", _quorum_store_column_text (stmt, 4),
                       "rrule", _quorum_store_column_text (stmt, 5),
                       "dtstart", dtstart,
                       "duration-minutes", sqlite3_column_int (stmt, 7),
                       "all-day", sqlite3_column_int (stmt, 8) != 0,
                       "tzid", _quorum_store_column_text (stmt, 9),
                       "location", _quorum_store_column_text (stmt, 10),
                       "description", _quorum_store_column_text (stmt, 11),
                       "owner-id", (gint64)sqlite3_column_int64 (stmt, 12),
                       "holiday-policy", _quorum_store_column_text (stmt, 13),
                       "reminder-minutes", sqlite3_column_type (stmt, 14) == SQLITE_NULL
                                           ? -1 : sqlite3_column_int (stmt, 14),
                       "sequence", sqlite3_column_int (stmt, 15),
                       "split-from", (gint64)sqlite3_column_int64 (stmt, 16),
                       NULL);
}

/**
 * quorum_store_get_series:
 * @self: a #QuorumStore
 * @series_id: the series
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the series with its participants and EXDATEs,
 *   or %NULL with %QUORUM_STORE_ERROR_NOT_FOUND
 */
QuorumSeries *
quorum_store_get_series (QuorumStore  *self,
                         gint64        series_id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT " SERIES_COLUMNS " FROM series WHERE id = ?1",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  if (!_quorum_store_step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _quorum_store_check_exists (self, "series", series_id, error);
      return NULL;
    }

  series = series_from_row (stmt);
  if (!load_series_lists (self, series, error))
    return NULL;
  return g_steal_pointer (&series);
}

/**
 * quorum_store_list_series:
 * @self: a #QuorumStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of the #QuorumSeries that are not
 *   deleted, by title
 */
GListModel *
quorum_store_list_series (QuorumStore  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT " SERIES_COLUMNS " FROM series WHERE deleted = 0"
                                      " ORDER BY title, id",
                                      error)))
    return NULL;
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (items, series_from_row (stmt));
  if (!ok)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    if (!load_series_lists (self, g_ptr_array_index (items, i), error))
      return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_SERIES, items);
}

/* Occurrences ------------------------------------------------------------- */

/* The zone of the series a row belongs to: rows of a query mostly share
 * one, so the last is kept rather than looked up for every row. */
typedef struct
{
  char      *tzid;
  GTimeZone *tz;
} ZoneCache;

static GTimeZone *
zone_cache_get (ZoneCache  *cache,
                const char *tzid)
{
  if (cache->tz == NULL || g_strcmp0 (cache->tzid, tzid) != 0)
    {
      g_clear_pointer (&cache->tz, g_time_zone_unref);
      g_free (cache->tzid);
      cache->tzid = g_strdup (tzid);
      cache->tz = timezone_or_utc (tzid);
    }
  return cache->tz;
}

static void
zone_cache_clear (ZoneCache *cache)
{
  g_clear_pointer (&cache->tz, g_time_zone_unref);
  g_clear_pointer (&cache->tzid, g_free);
}

/* A row of OCCURRENCE_COLUMNS and the three counts. The start and end are
 * read from their Unix times, the same instants as the text columns. */
static QuorumOccurrence *
occurrence_from_row (sqlite3_stmt *stmt,
                     ZoneCache    *zones)
{
  GTimeZone *tz = zone_cache_get (zones, _quorum_store_column_text (stmt, 16));
  g_autoptr(GDateTime) rid = g_date_time_new_from_iso8601 (_quorum_store_column_text (stmt, 5), tz);
  g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 17));
  g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 18));
  g_autoptr(GDateTime) start = start_utc != NULL ? g_date_time_to_timezone (start_utc, tz) : NULL;
  g_autoptr(GDateTime) end = end_utc != NULL ? g_date_time_to_timezone (end_utc, tz) : NULL;

  return g_object_new (QUORUM_TYPE_OCCURRENCE,
                       "id", (gint64)sqlite3_column_int64 (stmt, 0),
                       "series-id", (gint64)sqlite3_column_int64 (stmt, 1),
                       "uid", _quorum_store_column_text (stmt, 2),
                       "title", _quorum_store_column_text (stmt, 3),
                       "location", _quorum_store_column_text (stmt, 4),
                       "recurrence-id", rid,
                       "start", start,
                       "end", end,
                       "all-day", sqlite3_column_int (stmt, 8) != 0,
                       "duty-id", _quorum_store_column_text (stmt, 9),
                       "kind", _quorum_store_column_text (stmt, 10),
                       "owner-id", (gint64)sqlite3_column_int64 (stmt, 11),
                       "status", _quorum_store_enum_value (QUORUM_TYPE_OCCURRENCE_STATUS,
                                                           _quorum_store_column_text (stmt, 12),
                                                           QUORUM_OCCURRENCE_SCHEDULED),
                       "status-reason", _quorum_store_column_text (stmt, 13),
                       "moved", sqlite3_column_int (stmt, 14) != 0,
                       "holiday-shifted", sqlite3_column_int (stmt, 15) != 0,
                       "n-expected", (guint)sqlite3_column_int (stmt, 19),
                       "n-recorded", (guint)sqlite3_column_int (stmt, 20),
                       "n-attended", (guint)sqlite3_column_int (stmt, 21),
                       NULL);
}

static GListModel *
collect_occurrences (QuorumStore   *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ZoneCache zones = { NULL, NULL };
  gboolean row = FALSE;
  gboolean ok;

  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (items, occurrence_from_row (stmt, &zones));
  zone_cache_clear (&zones);
  if (!ok)
    return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_OCCURRENCE, items);
}

/* The longest occurrence, in seconds. A range query needs rows that end
 * after its start, and only an index on the start can narrow them: with
 * this bound it reads the range's rows, not all that come later. Read
 * again after any write (by us or by another program). */
static gboolean
get_longest_span (QuorumStore  *self,
                  gint64       *out_span,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 stamp = quorum_store_get_change_stamp (self);
  gboolean row = FALSE;

  if (self->longest_span_stamp == stamp && self->longest_span >= 0)
    {
      *out_span = self->longest_span;
      return TRUE;
    }

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT coalesce (max (end_unix - start_unix), 0)"
                                      " FROM occurrence", error)) ||
      !_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;
  self->longest_span = row ? sqlite3_column_int64 (stmt, 0) : 0;
  self->longest_span_stamp = stamp;
  *out_span = self->longest_span;
  return TRUE;
}

/* Makes sure rows exist up to @to, as quorum_store_list_occurrences()
 * does, and gives the longest occurrence in seconds, for a range query of
 * one's own. */
gboolean
_quorum_store_ensure_range (QuorumStore  *self,
                            GDateTime    *to,
                            gint64       *out_span,
                            GError      **error)
{
  guint inserted = 0;

  if (self->defer_materialize)
    {
      request_horizon (self, to, FALSE);
      return get_longest_span (self, out_span, error);
    }
  return ensure_horizon (self, to, &inserted, error) && get_longest_span (self, out_span, error);
}

static void
bind_range (sqlite3_stmt                 *stmt,
            GDateTime                    *from,
            GDateTime                    *to,
            gint64                        span,
            const QuorumOccurrenceFilter *filter,
            const char                   *text)
{
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (to));
  sqlite3_bind_int64 (stmt, 7, span);
  sqlite3_bind_int64 (stmt, 3, MAX (filter->series_id, 0));
  _quorum_store_bind_text (stmt, 4, filter->duty_id);
  sqlite3_bind_int64 (stmt, 5, MAX (filter->unit_id, 0));
  _quorum_store_bind_text (stmt, 6, text);
  sqlite3_bind_int64 (stmt, 8, filter->duties_only ? 1 : 0);
  if (sqlite3_bind_parameter_count (stmt) >= 20)
    sqlite3_bind_int64 (stmt, 20, MAX (filter->person_id, 0));
}

/**
 * quorum_store_list_occurrences:
 * @self: a #QuorumStore
 * @from: start of the range
 * @to: end of the range (exclusive)
 * @filter: (nullable): what to keep
 * @error: return location for a #GError
 *
 * The occurrences that overlap [@from, @to), of series that are not
 * deleted, with their expected, recorded and attended counts. When @to lies
 * beyond the horizon, occurrences are first created up to @to.
 *
 * Returns: (transfer full): a #GListModel of #QuorumOccurrence by start
 */
GListModel *
quorum_store_list_occurrences (QuorumStore                   *self,
                               GDateTime                     *from,
                               GDateTime                     *to,
                               const QuorumOccurrenceFilter  *filter,
                               GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  QuorumOccurrenceFilter none = { 0 };
  const char *sql;
  gint64 span = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (filter == NULL)
    filter = &none;

  if (!_quorum_store_ensure_range (self, to, &span, error))
    return NULL;

  if (!filter->without_counts)
    sql = RANGE_OCC_CTE OCCURRENCE_SELECT;
  else if (filter->person_id > 0)
    sql = RANGE_OCC_CTE OCCURRENCE_SELECT_NO_COUNTS;
  else
    sql = RANGE_SELECT_PLAIN;
  if (!(stmt = _quorum_store_prepare (self, sql, error)))
    return NULL;

  if (filter->text != NULL && filter->text[0] != '\0')
    text = g_utf8_strdown (filter->text, -1);
  bind_range (stmt, from, to, span, filter, text);

  return collect_occurrences (self, stmt, error);
}

/**
 * quorum_store_list_day_occurrences:
 * @self: a #QuorumStore
 * @from: start of the range, at the start of a day
 * @to: end of the range (exclusive)
 * @filter: (nullable): what to keep, as for quorum_store_list_occurrences()
 * @max_per_day: how many occurrences of one day are enough
 * @hidden: (nullable): set to one #guint per day from the day of @from:
 *   how many occurrences of that day were left out
 * @error: return location for a #GError
 *
 * As quorum_store_list_occurrences() for a view that shows at most
 * @max_per_day events a day and counts the rest (a month grid): of the
 * timed occurrences that start and end on the same day, only the first
 * @max_per_day of each day (by start, end and id) are made; the others
 * are only counted in @hidden. All-day occurrences and those over several
 * days are all kept, so the first @max_per_day a day lists (all-day
 * first) are always there. A busy month costs what its grid can show, not
 * all its events. With a person filter or with counts nothing is left out.
 *
 * Returns: (transfer full): a #GListModel of #QuorumOccurrence by start
 */
GListModel *
quorum_store_list_day_occurrences (QuorumStore                   *self,
                                   GDateTime                     *from,
                                   GDateTime                     *to,
                                   const QuorumOccurrenceFilter  *filter,
                                   guint                          max_per_day,
                                   GArray                        *hidden,
                                   GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) counts = NULL;
  g_autofree char *text = NULL;
  QuorumOccurrenceFilter none = { 0 };
  ZoneCache zones = { NULL, NULL };
  GDate first;
  gint64 span = 0;
  gboolean row = FALSE;
  gboolean ok;
  int y, m, d;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (max_per_day > 0, NULL);
  g_return_val_if_fail (hidden == NULL || g_array_get_element_size (hidden) == sizeof (guint),
                        NULL);

  if (filter == NULL)
    filter = &none;
  counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (counts, MAX ((g_date_time_difference (to, from) + G_TIME_SPAN_DAY - 1)
                                 / G_TIME_SPAN_DAY, 0));
  if (hidden != NULL)
    {
      g_array_set_size (hidden, counts->len);
      memset (hidden->data, 0, hidden->len * sizeof (guint));
    }
  if (!filter->without_counts || filter->person_id > 0)
    return quorum_store_list_occurrences (self, from, to, filter, error);

  if (!_quorum_store_ensure_range (self, to, &span, error) ||
      !(stmt = _quorum_store_prepare (self, RANGE_SELECT_PLAIN, error)))
    return NULL;
  if (filter->text != NULL && filter->text[0] != '\0')
    text = g_utf8_strdown (filter->text, -1);
  bind_range (stmt, from, to, span, filter, text);

  g_date_time_get_ymd (from, &y, &m, &d);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, d, m, y);

  /* Rows come by start: the first timed rows of a day that starts and ends
   * on it are the first it lists after its all-day events, which are kept
   * like those over several days. Only the rows kept are made. */
  while ((ok = _quorum_store_step_row (self, stmt, &row, error)) && row)
    {
      const char *start_at = _quorum_store_column_text (stmt, 6);
      const char *end_at = _quorum_store_column_text (stmt, 7);
      GDate date;
      gint64 index = -1;

      if (sqlite3_column_int (stmt, 8) == 0 && start_at != NULL && end_at != NULL &&
          strncmp (start_at, end_at, 10) == 0 &&
          sscanf (start_at, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, d, m, y);
          index = (gint64)g_date_get_julian (&date) - (gint64)g_date_get_julian (&first);
        }
      if (index >= 0 && index < counts->len &&
          ++g_array_index (counts, guint, index) > max_per_day)
        continue;
      g_ptr_array_add (items, occurrence_from_row (stmt, &zones));
    }
  if (hidden != NULL)
    for (guint i = 0; i < counts->len; i++)
      g_array_index (hidden, guint, i) = g_array_index (counts, guint, i) > max_per_day
                                         ? g_array_index (counts, guint, i) - max_per_day : 0;
  zone_cache_clear (&zones);
  if (!ok)
    return NULL;

  return _quorum_store_list_model (QUORUM_TYPE_OCCURRENCE, items);
}

/**
 * quorum_store_get_occurrence:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the occurrence, or %NULL with
 *   %QUORUM_STORE_ERROR_NOT_FOUND
 */
QuorumOccurrence *
quorum_store_get_occurrence (QuorumStore  *self,
                             gint64        occurrence_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!(stmt = _quorum_store_prepare (self,
                                      "WITH occ (id, series_id, day) AS ("
                                      "  SELECT id, series_id, substr (start_at, 1, 10)"
                                      "    FROM occurrence WHERE id = ?1"
                                      "), "
                                      OCCURRENCE_SELECT,
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  sqlite3_bind_int64 (stmt, 20, 0);

  if (!(list = collect_occurrences (self, stmt, error)))
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      _quorum_store_check_exists (self, "occurrence", occurrence_id, error);
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

static gboolean
check_reason (const char  *reason,
              const char  *what,
              GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (copy[0] == '\0')
    return _quorum_store_invalid (error, "%s", what);
  return TRUE;
}

/**
 * quorum_store_update_occurrence:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence ("this one only")
 * @start: (nullable): a new start, or %NULL to keep it
 * @end: (nullable): a new end, or %NULL to keep the duration
 * @location: (nullable): a location for this occurrence only, or %NULL to keep it
 * @title: (nullable): a title for this occurrence only, or %NULL to keep it
 * @error: return location for a #GError
 *
 * Changes one occurrence. A new time marks it moved; its recurrence id (the
 * start the rule gave it) stays, so exports write it as an exception.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_update_occurrence (QuorumStore  *self,
                                gint64        occurrence_id,
                                GDateTime    *start,
                                GDateTime    *end,
                                const char   *location,
                                const char   *title,
                                GError      **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) new_start = NULL;
  g_autoptr(GDateTime) new_end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *before = NULL;
  GTimeZone *tz;
  gboolean moved;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)))
    return FALSE;
  if (title != NULL && !check_reason (title, _("The title must not be empty."), error))
    return FALSE;

  tz = g_date_time_get_timezone (quorum_occurrence_get_start (occurrence));
  new_start = g_date_time_to_timezone (start != NULL ? start
                                       : quorum_occurrence_get_start (occurrence), tz);
  if (end != NULL)
    new_end = g_date_time_to_timezone (end, tz);
  else
    new_end = g_date_time_add (new_start,
                               g_date_time_difference (quorum_occurrence_get_end (occurrence),
                                                       quorum_occurrence_get_start (occurrence)));
  if (g_date_time_compare (new_end, new_start) < 0)
    return _quorum_store_invalid (error, "%s", _("An occurrence cannot end before it starts."));

  moved = !g_date_time_equal (new_start, quorum_occurrence_get_start (occurrence)) ||
          !g_date_time_equal (new_end, quorum_occurrence_get_end (occurrence));
  start_text = _quorum_store_format_instant (new_start);
  end_text = _quorum_store_format_instant (new_end);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  before = _quorum_store_row_json (self, "occurrence", "id = ?1", occurrence_id, 0);
  ok = (stmt = _quorum_store_prepare (self,
                                      "UPDATE occurrence SET start_at = ?2, end_at = ?3,"
                                      " start_unix = ?4, end_unix = ?5, moved = moved OR ?6,"
                                      " location = coalesce (?7, location),"
                                      " title = coalesce (?8, title) WHERE id = ?1",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, occurrence_id);
      _quorum_store_bind_text (stmt, 2, start_text);
      _quorum_store_bind_text (stmt, 3, end_text);
      sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (new_start));
      sqlite3_bind_int64 (stmt, 5, g_date_time_to_unix (new_end));
      sqlite3_bind_int (stmt, 6, moved);
      _quorum_store_bind_text (stmt, 7, location);
      _quorum_store_bind_text (stmt, 8, title);
      ok = _quorum_store_step_done (self, stmt, error);
    }
  ok = ok && _quorum_store_audit_row (self, "occurrence", occurrence_id,
                                      moved ? "move" : "update", before, error) &&
       _quorum_store_touch_series (self, occurrence_id, error);
  return _quorum_store_end_changed (self, ok, "occurrence", occurrence_id, error);
}

/**
 * quorum_store_cancel_occurrence:
 * @self: a #QuorumStore
 * @occurrence_id: the occurrence
 * @reason: why it is cancelled (required)
 * @error: return location for a #GError
 *
 * Cancels one occurrence in advance. One where someone is recorded present
 * cannot be cancelled (%QUORUM_STORE_ERROR_CONFLICT).
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_cancel_occurrence (QuorumStore  *self,
                                gint64        occurrence_id,
                                const char   *reason,
                                GError      **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)) ||
      !check_reason (reason, _("Say why the occurrence is cancelled."), error))
    return FALSE;
  if (quorum_occurrence_get_n_attended (occurrence) > 0)
    {
      g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT,
                   _("“%s” cannot be cancelled: attendance is already recorded for it."),
                   quorum_occurrence_get_title (occurrence));
      return FALSE;
    }

  return _quorum_store_update_row (self, "occurrence", occurrence_id, "cancel",
                            "UPDATE occurrence SET status = 'cancelled', status_reason = ?2"
                            " WHERE id = ?1",
                            reason, error);
}

static gboolean
check_started (QuorumStore       *self,
               QuorumOccurrence  *occurrence,
               GError           **error)
{
  g_autoptr(GDateTime) now = _quorum_store_now (self);

  if (g_date_time_compare (quorum_occurrence_get_start (occurrence), now) > 0)
    return _quorum_store_invalid (error, _("“%s” has not started yet."),
                                  quorum_occurrence_get_title (occurrence));
  return TRUE;
}

/**
 * quorum_store_mark_held:
 * @self: a #QuorumStore
 * @occurrence_id: an occurrence that has started
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_mark_held (QuorumStore  *self,
                        gint64        occurrence_id,
                        GError      **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)) ||
      !check_started (self, occurrence, error))
    return FALSE;

  return _quorum_store_update_row (self, "occurrence", occurrence_id, "held",
                            "UPDATE occurrence SET status = 'held', status_reason = NULL"
                            " WHERE id = ?1",
                            NULL, error);
}

/**
 * quorum_store_mark_not_held:
 * @self: a #QuorumStore
 * @occurrence_id: an occurrence that has started
 * @reason: why it was not held (required)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_store_mark_not_held (QuorumStore  *self,
                            gint64        occurrence_id,
                            const char   *reason,
                            GError      **error)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(occurrence = quorum_store_get_occurrence (self, occurrence_id, error)) ||
      !check_reason (reason, _("Say why the occurrence was not held."), error) ||
      !check_started (self, occurrence, error))
    return FALSE;
  if (quorum_occurrence_get_n_attended (occurrence) > 0)
    {
      g_set_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT,
                   _("“%s” cannot be marked not held: attendance is recorded for it."),
                   quorum_occurrence_get_title (occurrence));
      return FALSE;
    }

  return _quorum_store_update_row (self, "occurrence", occurrence_id, "not-held",
                            "UPDATE occurrence SET status = 'not-held', status_reason = ?2"
                            " WHERE id = ?1",
                            reason, error);
}

/* Friends in quorum-store-ics.c, which writes series inside its own
 * transaction ---------------------------------------------------------- */

gboolean
_quorum_store_check_series (QuorumStore   *self,
                            QuorumSeries  *series,
                            GError       **error)
{
  return check_series (self, series, error);
}

gboolean
_quorum_store_write_series (QuorumStore   *self,
                            QuorumSeries  *series,
                            gint64        *inout_id,
                            const char    *expand_from,
                            GError       **error)
{
  return write_series_row (self, series, inout_id, 0, expand_from, error);
}

gboolean
_quorum_store_regenerate_series (QuorumStore  *self,
                                 gint64        series_id,
                                 gboolean      drop_future,
                                 GError      **error)
{
  g_autoptr(GDateTime) now = _quorum_store_now (self);
  g_autoptr(GDateTime) horizon = dup_horizon (self);
  guint inserted = 0;

  if (drop_future)
    {
      g_autofree char *from = _quorum_store_format_instant (now);
      guint dropped = 0;

      if (!drop_unrecorded (self, series_id, "start_unix", NULL, g_date_time_to_unix (now),
                            &dropped, error) ||
          !audit_regenerate (self, series_id, from, dropped, error))
        return FALSE;
    }
  return materialize_and_audit (self, series_id, NULL, horizon, &inserted, error);
}

GDateTime *
_quorum_store_dup_horizon (QuorumStore *self)
{
  return dup_horizon (self);
}

/* A changed occurrence changes its series as calendars see it: an exception
 * of the master, or an event of the feed. Bump SEQUENCE and LAST-MODIFIED so
 * that subscribed clients take the new version. */
gboolean
_quorum_store_touch_series (QuorumStore  *self,
                            gint64        occurrence_id,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = _quorum_store_now (self);
  g_autofree char *stamp = _quorum_store_format_instant (now);

  if (!(stmt = _quorum_store_prepare (self,
                                      "UPDATE series SET sequence = sequence + 1,"
                                      " last_modified = ?2 WHERE id ="
                                      " (SELECT series_id FROM occurrence WHERE id = ?1)",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, occurrence_id);
  _quorum_store_bind_text (stmt, 2, stamp);
  return _quorum_store_step_done (self, stmt, error);
}

/* Bulk insertion of new series, for imports --------------------------------
 *
 * An import of a large file adds series by the ten thousand. Going through
 * write_series_row() and materialize_series() for each costs a dozen
 * statements looked up again, the series read back to expand it, and the
 * clock and the horizon read every time. The inserter keeps its statements
 * prepared for the whole import, reads the horizon and the clock once, and
 * writes the one occurrence of a single event (no RRULE) from what it was
 * given; a series with a rule is expanded by materialize_series() as usual.
 * It writes no audit rows: the caller sums up what it added in one.
 *
 * Single events (no rule, participant or EXDATE: nearly every event another
 * program exports) are written INSERT_BATCH series rows to a statement,
 * then their occurrences likewise: a statement's own start and end (its
 * cursors on the table and on each index, its statement journal) cost as
 * much as a row. So the inserter gives the ids itself, as SQLite would
 * (one more than the largest), and writes whatever is pending before any
 * other series, so that every row gets the id the one-by-one path gives.
 */

/* A single event waiting for its batch. */
typedef struct
{
  QuorumSeries *series;
  GTimeZone    *tz;
  char         *uid;
  char         *created_at;
  char         *last_modified;
  char         *cancel_reason;
  gint64        id;
  int           sequence;
  gboolean      has_row;     /* its occurrence: not past the horizon */
  gint64        start_unix;
  gint64        end_unix;
  char          rid[QUORUM_STORE_INSTANT_SIZE];
  char          start[QUORUM_STORE_INSTANT_SIZE];
  char          end[QUORUM_STORE_INSTANT_SIZE];
} PendingSeries;

#define SERIES_INSERT_COLUMNS 19
#define OCCURRENCE_INSERT_COLUMNS 8

struct _QuorumSeriesInserter
{
  QuorumStore  *store;
  sqlite3_stmt *series;
  sqlite3_stmt *series_batch;
  sqlite3_stmt *participant;
  sqlite3_stmt *exdate;
  sqlite3_stmt *occurrence;
  sqlite3_stmt *occurrence_batch;
  GArray       *pending;     /* of PendingSeries */
  GDateTime    *horizon;
  char         *stamp;
  char         *tzid;        /* of the last series added… */
  GTimeZone    *tz;          /* …and its zone */
  gint64        next_id;
  gboolean      checks_off;
};

static void
pending_series_clear (gpointer data)
{
  PendingSeries *pending = data;

  g_clear_object (&pending->series);
  g_clear_pointer (&pending->tz, g_time_zone_unref);
  g_clear_pointer (&pending->uid, g_free);
  g_clear_pointer (&pending->created_at, g_free);
  g_clear_pointer (&pending->last_modified, g_free);
  g_clear_pointer (&pending->cancel_reason, g_free);
}

static void
inserter_release_statements (QuorumSeriesInserter *self)
{
  g_clear_pointer (&self->series, _quorum_statement_release);
  g_clear_pointer (&self->series_batch, _quorum_statement_release);
  g_clear_pointer (&self->participant, _quorum_statement_release);
  g_clear_pointer (&self->exdate, _quorum_statement_release);
  g_clear_pointer (&self->occurrence, _quorum_statement_release);
  g_clear_pointer (&self->occurrence_batch, _quorum_statement_release);
}

void
_quorum_series_inserter_free (QuorumSeriesInserter *self)
{
  inserter_release_statements (self);
  if (self->checks_off)
    _quorum_database_exec (self->store->database, "PRAGMA ignore_check_constraints = OFF", NULL);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->horizon, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->stamp);
  g_free (self->tzid);
  g_free (self);
}

/* The INSERT of @n series rows (all the columns the inserter writes), or
 * of @n occurrence rows. */
static char *
dup_inserter_sql (gboolean series,
                  guint    n)
{
  GString *sql = g_string_new (series
                               ? "INSERT INTO series (id, title, duty_id, kind, rrule, dtstart,"
                                 " duration_minutes, all_day, tzid, location, description,"
                                 " owner_id, holiday_policy, reminder_minutes, last_modified,"
                                 " uid, created_at, sequence) VALUES "
                               : "INSERT INTO occurrence (series_id, recurrence_id, start_at,"
                                 " end_at, start_unix, end_unix, status, status_reason) VALUES ");

  for (guint i = 0; i < n; i++)
    {
      guint o = i * (series ? SERIES_INSERT_COLUMNS : OCCURRENCE_INSERT_COLUMNS);

      if (i > 0)
        g_string_append (sql, ", ");
      if (series)
        g_string_append_printf (sql,
                                "(?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u,"
                                " ?%u, ?%u, coalesce (?%u, ?%u), ?%u, coalesce (?%u, ?%u), ?%u)",
                                o + 1, o + 2, o + 3, o + 4, o + 5, o + 6, o + 7, o + 8, o + 9,
                                o + 10, o + 11, o + 12, o + 13, o + 14, o + 19, o + 15, o + 16,
                                o + 18, o + 15, o + 17);
      else
        g_string_append_printf (sql, "(?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u)",
                                o + 1, o + 2, o + 3, o + 4, o + 5, o + 6, o + 7, o + 8);
    }
  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
prepare_inserter_sql (QuorumStore  *store,
                      gboolean      series,
                      guint         n,
                      GError      **error)
{
  g_autofree char *sql = dup_inserter_sql (series, n);

  return _quorum_store_prepare (store, sql, error);
}

QuorumSeriesInserter *
_quorum_series_inserter_new (QuorumStore  *store,
                             GError      **error)
{
  g_autoptr(QuorumSeriesInserter) self = g_new0 (QuorumSeriesInserter, 1);
  g_autoptr(GDateTime) now = _quorum_store_now (store);
  g_autoptr(sqlite3_stmt) max_id = NULL;
  gboolean row = FALSE;

  self->store = store;
  self->pending = g_array_sized_new (FALSE, TRUE, sizeof (PendingSeries), INSERT_BATCH);
  g_array_set_clear_func (self->pending, pending_series_clear);
  /* SQLite checks an IN (…) list of a CHECK constraint (the status of an
   * occurrence, the holiday policy of a series) by building a temporary
   * b-tree, for every row: that cost as much as the rest of the insert.
   * What the inserter writes is checked already (check_series()) or
   * constant: single events are checked value by value as they come
   * (single_keeps_rules()), the rows of other series by queries once
   * they are written (check_added_rows()). */
  if (!_quorum_database_exec (store->database, "PRAGMA ignore_check_constraints = ON", error))
    return NULL;
  self->checks_off = TRUE;
  self->horizon = dup_horizon (store);
  self->stamp = _quorum_store_format_instant (now);
  if (!(max_id = _quorum_store_prepare (store, "SELECT coalesce (max (id), 0) FROM series",
                                        error)) ||
      !_quorum_store_step_row (store, max_id, &row, error))
    return NULL;
  self->next_id = (row ? sqlite3_column_int64 (max_id, 0) : 0) + 1;
  if (!(self->series = prepare_inserter_sql (store, TRUE, 1, error)) ||
      !(self->series_batch = prepare_inserter_sql (store, TRUE, INSERT_BATCH, error)) ||
      !(self->participant = _quorum_store_prepare (store, SERIES_PARTICIPANT_INSERT, error)) ||
      !(self->exdate = _quorum_store_prepare (store, SERIES_EXDATE_INSERT, error)) ||
      !(self->occurrence = prepare_inserter_sql (store, FALSE, 1, error)) ||
      !(self->occurrence_batch = prepare_inserter_sql (store, FALSE, INSERT_BATCH, error)))
    return NULL;
  return g_steal_pointer (&self);
}

static GTimeZone *
inserter_zone (QuorumSeriesInserter *self,
               const char           *tzid)
{
  if (self->tz == NULL || g_strcmp0 (tzid, self->tzid) != 0)
    {
      g_clear_pointer (&self->tz, g_time_zone_unref);
      g_free (self->tzid);
      self->tzid = g_strdup (tzid);
      self->tz = timezone_or_utc (tzid);
    }
  return self->tz;
}

/* Binds the series row of @pending from ?(@offset + 1). */
static void
bind_pending_series (QuorumSeriesInserter *self,
                     sqlite3_stmt         *stmt,
                     int                   offset,
                     const PendingSeries  *pending)
{
  sqlite3_bind_int64 (stmt, offset + 1, pending->id);
  bind_series_fields (self->store, stmt, offset, pending->series, pending->tz, self->stamp);
  _quorum_store_bind_text_static (stmt, offset + 16, pending->uid);
  sqlite3_bind_int (stmt, offset + 17, pending->sequence);
  _quorum_store_bind_text_static (stmt, offset + 18, pending->created_at);
  _quorum_store_bind_text_static (stmt, offset + 19, pending->last_modified);
}

/* Binds the occurrence row of @pending from ?(@offset + 1). */
static void
bind_pending_occurrence (sqlite3_stmt        *stmt,
                         int                  offset,
                         const PendingSeries *pending)
{
  sqlite3_bind_int64 (stmt, offset + 1, pending->id);
  _quorum_store_bind_text_static (stmt, offset + 2, pending->rid);
  _quorum_store_bind_text_static (stmt, offset + 3, pending->start);
  _quorum_store_bind_text_static (stmt, offset + 4, pending->end);
  sqlite3_bind_int64 (stmt, offset + 5, pending->start_unix);
  sqlite3_bind_int64 (stmt, offset + 6, pending->end_unix);
  _quorum_store_bind_text_static (stmt, offset + 7,
                                  pending->cancel_reason != NULL ? "cancelled" : "scheduled");
  _quorum_store_bind_text_static (stmt, offset + 8, pending->cancel_reason);
}

/* Writes the rows of @rows (pointers into self->pending), a full batch to
 * a statement and the rest one by one. */
static gboolean
write_pending_rows (QuorumSeriesInserter  *self,
                    GPtrArray             *rows,
                    gboolean               series,
                    GError               **error)
{
  int columns = series ? SERIES_INSERT_COLUMNS : OCCURRENCE_INSERT_COLUMNS;
  guint first = 0;

  while (first < rows->len)
    {
      guint n = rows->len - first >= INSERT_BATCH ? INSERT_BATCH : 1;
      sqlite3_stmt *stmt = series ? (n == 1 ? self->series : self->series_batch)
                                  : (n == 1 ? self->occurrence : self->occurrence_batch);

      sqlite3_reset (stmt);
      for (guint i = 0; i < n; i++, first++)
        {
          if (series)
            bind_pending_series (self, stmt, columns * (int)i, g_ptr_array_index (rows, first));
          else
            bind_pending_occurrence (stmt, columns * (int)i, g_ptr_array_index (rows, first));
        }
      if (!_quorum_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the single events waiting: their series rows, then their
 * occurrences, in the order they were added. */
static gboolean
flush_pending (QuorumSeriesInserter  *self,
               GError               **error)
{
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean ok;

  if (self->pending->len == 0)
    return TRUE;

  series = g_ptr_array_sized_new (self->pending->len);
  rows = g_ptr_array_sized_new (self->pending->len);
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingSeries *pending = &g_array_index (self->pending, PendingSeries, i);

      g_ptr_array_add (series, pending);
      if (pending->has_row)
        g_ptr_array_add (rows, pending);
    }
  ok = write_pending_rows (self, series, TRUE, error) &&
       write_pending_rows (self, rows, FALSE, error);
  g_array_set_size (self->pending, 0);
  return ok;
}

/* The one occurrence of a single event that keeps its day, as
 * materialize_series() would make it, into @pending: none when an EXDATE
 * removes it or when it lies past the horizon. */
static void
plan_single (QuorumSeriesInserter *self,
             QuorumSeries         *series,
             GTimeZone            *tz,
             PendingSeries        *pending)
{
  g_autoptr(GDateTime) start = wall_clock_in (quorum_series_get_dtstart (series), tz);
  g_autoptr(GDateTime) end = NULL;
  GPtrArray *exdates = quorum_series_get_exdates (series);

  pending->has_row = FALSE;
  if (g_date_time_compare (start, self->horizon) > 0)
    return;
  for (guint i = 0; i < exdates->len; i++)
    {
      g_autoptr(GDateTime) local = wall_clock_in (g_ptr_array_index (exdates, i), tz);

      if (g_date_time_equal (local, start))
        return;
    }

  end = g_date_time_add_minutes (start, quorum_series_get_duration_minutes (series));
  _quorum_store_print_local (pending->rid, start);
  _quorum_store_print_instant (pending->start, start);
  _quorum_store_print_instant (pending->end, end);
  pending->start_unix = g_date_time_to_unix (start);
  pending->end_unix = g_date_time_to_unix (end);
  pending->has_row = TRUE;
}

/* Cancels the occurrence of a single event that materialize_series() made. */
static gboolean
cancel_single (QuorumStore   *self,
               gint64         series_id,
               QuorumSeries  *series,
               GTimeZone     *tz,
               const char    *reason,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) start = wall_clock_in (quorum_series_get_dtstart (series), tz);
  g_autofree char *rid = _quorum_store_format_local (start);

  if (!(stmt = _quorum_store_prepare (self,
                                      "UPDATE occurrence SET status = 'cancelled',"
                                      " status_reason = ?3"
                                      " WHERE series_id = ?1 AND recurrence_id = ?2",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  _quorum_store_bind_text (stmt, 2, rid);
  _quorum_store_bind_text (stmt, 3, reason);
  return _quorum_store_step_done (self, stmt, error);
}

/* The CHECK constraints of the tables the inserter writes (see the schema
 * in quorum-database.c), as queries for the rows of series ?1 to ?2 that
 * break them. */
static const char *const added_rows_checks[] = {
  "SELECT count (*) FROM series WHERE id BETWEEN ?1 AND ?2 AND NOT ("
  " trim (title) <> '' AND duration_minutes >= 0 AND all_day IN (0, 1)"
  " AND holiday_policy IN ('keep', 'skip', 'next-workday', 'previous-workday')"
  " AND (reminder_minutes IS NULL OR reminder_minutes >= 0))",
  "SELECT count (*) FROM series_participant WHERE series_id BETWEEN ?1 AND ?2"
  " AND NOT ((unit_id IS NULL) <> (person_id IS NULL))",
  "SELECT count (*) FROM occurrence WHERE series_id BETWEEN ?1 AND ?2 AND NOT ("
  " end_unix >= start_unix AND status IN ('scheduled', 'held', 'not-held', 'cancelled')"
  " AND moved IN (0, 1) AND holiday_shifted IN (0, 1)"
  " AND (minutes_signed_on IS NULL OR date (minutes_signed_on) IS minutes_signed_on))",
};

static gboolean
broken_rule (GError **error)
{
  return _quorum_store_invalid (error, "%s",
                                _("A new series breaks a rule of the database; "
                                  "nothing was written."));
}

/* Runs the CHECK constraints, which are off while the inserter writes,
 * over the rows of series @id. */
static gboolean
check_added_rows (QuorumSeriesInserter  *self,
                  gint64                 id,
                  GError               **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (added_rows_checks); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean row = FALSE;

      if (!(stmt = _quorum_store_prepare (self->store, added_rows_checks[i], error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!_quorum_store_step_row (self->store, stmt, &row, error))
        return FALSE;
      if (row && sqlite3_column_int64 (stmt, 0) > 0)
        return broken_rule (error);
    }
  return TRUE;
}

/* The same CHECK constraints, on the values of a single event before they
 * are bound: its title is stripped and not empty and its holiday policy
 * known (check_series()), its occurrence's status, flags and minutes are
 * constants, and it has no participants. Checking the values costs nothing
 * beside the queries over every row added. */
static gboolean
single_keeps_rules (QuorumSeries         *series,
                    const PendingSeries  *pending)
{
  g_autofree char *title = g_strstrip (g_strdup (quorum_series_get_title (series) ?: ""));

  return title[0] != '\0' &&
         quorum_series_get_duration_minutes (series) >= 0 &&
         (quorum_series_get_all_day (series) == 0 || quorum_series_get_all_day (series) == 1) &&
         quorum_series_holiday_policy_is_valid (quorum_series_get_holiday_policy (series)) &&
         (!pending->has_row || pending->end_unix >= pending->start_unix);
}

/* Adds @series (checked by the caller with _quorum_store_check_series())
 * under @uid with the SEQUENCE and stamps of the file it comes from, and
 * its occurrences up to the horizon; @cancel_reason, for a single event,
 * cancels its occurrence. A single event may be written only at a later
 * call or at _quorum_series_inserter_finish(), which then report what
 * goes wrong. */
gboolean
_quorum_series_inserter_add (QuorumSeriesInserter  *self,
                             QuorumSeries          *series,
                             const char            *uid,
                             int                    sequence,
                             const char            *created_at,
                             const char            *last_modified,
                             const char            *cancel_reason,
                             gint64                *out_id,
                             guint                 *out_inserted,
                             GError               **error)
{
  GTimeZone *tz = inserter_zone (self, quorum_series_get_tzid (series));
  PendingSeries pending = { 0 };
  guint n_units = 0;
  guint n_people = 0;
  gboolean single;
  gint64 id;

  *out_id = 0;
  *out_inserted = 0;

  single = quorum_series_get_rrule (series) == NULL &&
           g_strcmp0 (quorum_series_get_holiday_policy (series), "keep") == 0;
  pending.series = g_object_ref (series);
  pending.tz = g_time_zone_ref (tz);
  pending.uid = g_strdup (uid);
  pending.created_at = g_strdup (created_at);
  pending.last_modified = g_strdup (last_modified);
  pending.id = id = self->next_id;
  pending.sequence = sequence;
  if (single)
    {
      pending.cancel_reason = g_strdup (cancel_reason);
      plan_single (self, series, tz, &pending);
    }

  quorum_series_get_participant_units (series, &n_units);
  quorum_series_get_participant_people (series, &n_people);
  if (single && n_units == 0 && n_people == 0 && quorum_series_get_exdates (series)->len == 0)
    {
      if (!single_keeps_rules (series, &pending))
        {
          pending_series_clear (&pending);
          return broken_rule (error);
        }
      *out_inserted = pending.has_row ? 1 : 0;
      g_array_append_val (self->pending, pending);
      if (self->pending->len == INSERT_BATCH && !flush_pending (self, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      gboolean ok;

      /* What waits goes first: ids and rows in the order of the calls. */
      g_ptr_array_add (one, &pending);
      ok = flush_pending (self, error) &&
           write_pending_rows (self, one, TRUE, error) &&
           insert_series_lists (self->store, self->participant, self->exdate, id, series, tz,
                                error);
      if (ok && single && pending.has_row)
        {
          ok = write_pending_rows (self, one, FALSE, error);
          *out_inserted = 1;
        }
      else if (ok && !single)
        ok = materialize_series (self->store, id, NULL, self->horizon, out_inserted, error) &&
             (cancel_reason == NULL ||
              cancel_single (self->store, id, series, tz, cancel_reason, error));
      ok = ok && check_added_rows (self, id, error);
      pending_series_clear (&pending);
      if (!ok)
        return FALSE;
    }

  self->next_id++;
  *out_id = id;
  return TRUE;
}

/* Writes what waits and turns the CHECK constraints back on. */
gboolean
_quorum_series_inserter_finish (QuorumSeriesInserter  *self,
                                GError               **error)
{
  if (!flush_pending (self, error))
    return FALSE;
  inserter_release_statements (self);
  self->checks_off = FALSE;
  return _quorum_database_exec (self->store->database, "PRAGMA ignore_check_constraints = OFF",
                                error);
}
