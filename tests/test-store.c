/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "quorum-database-private.h"
#include "quorum-recurrence.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"

typedef struct
{
  QuorumDatabase *db;
  QuorumStore    *store;
  GTimeZone      *tz;
  gint64          zhang;
  gint64          li;
  gint64          wang;
  gint64          group;
} Fixture;

static GDateTime *
at (Fixture    *f,
    const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, f->tz);

  g_assert_nonnull (dt);
  return dt;
}

static GDate *
day (const char *iso)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, iso);
  g_assert_true (g_date_valid (date));
  return date;
}

static gint64
add_person (Fixture    *f,
            const char *name,
            int         rank)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", rank);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (f->store, person, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_relation (Fixture    *f,
              gint64      person,
              const char *from,
              const char *to)
{
  g_autoptr(GDate) start = day (from);
  g_autoptr(GDate) end = to != NULL ? day (to) : NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_relation (f->store, person, f->group, "member", start, end, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumUnit) unit = quorum_unit_new ("市政府党组", "party-group");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "store.db", NULL);
  f->db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (f->db);
  f->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  now = at (f, "2026-02-01T12:00:00");
  quorum_store_set_now (f->store, now);

  f->zhang = add_person (f, "张三", 10);
  f->li = add_person (f, "李四", 20);
  f->wang = add_person (f, "王五", 30);
  f->group = quorum_store_add_unit (f->store, unit, &error);
  g_assert_no_error (error);
  add_relation (f, f->zhang, "2025-01-01", NULL);
  add_relation (f, f->li, "2025-01-01", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (quorum_database_get_path (f->db));

  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_remove (path);
}

/* Weekly on Mondays at 09:00 from 2026-01-05, for the party group. */
static gint64
add_weekly (Fixture    *f,
            const char *rrule,
            const char *policy)
{
  g_autoptr(GDateTime) start = at (f, "2026-01-05T09:00:00");
  g_autoptr(QuorumSeries) series = quorum_series_new ("理论学习", start);
  g_autoptr(GError) error = NULL;
  gint64 id;

  quorum_series_set_rrule (series, rrule);
  quorum_series_set_duty_id (series, "theory-study");
  quorum_series_set_holiday_policy (series, policy);
  quorum_series_add_participant_unit (series, f->group);
  id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GListModel *
list_between (Fixture    *f,
              const char *from,
              const char *to)
{
  g_autoptr(GDateTime) a = at (f, from);
  g_autoptr(GDateTime) b = at (f, to);
  g_autoptr(GError) error = NULL;
  GListModel *list = quorum_store_list_occurrences (f->store, a, b, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static QuorumOccurrence *
nth (GListModel *list,
     guint       n)
{
  g_assert_cmpuint (n, <, g_list_model_get_n_items (list));
  return g_list_model_get_item (list, n);
}

static gint64
occurrence_on (Fixture    *f,
               const char *iso_day)
{
  g_autofree char *from = g_strdup_printf ("%sT00:00:00", iso_day);
  g_autofree char *to = g_strdup_printf ("%sT23:59:59", iso_day);
  g_autoptr(GListModel) list = list_between (f, from, to);
  g_autoptr(QuorumOccurrence) o = nth (list, 0);

  return quorum_occurrence_get_id (o);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _quorum_database_prepare (f->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_store_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (quorum_database_get_schema_version (f->db), ==,
                   quorum_database_get_latest_version ());
  g_assert_cmpint (quorum_database_get_latest_version (), >=, 2);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM sqlite_schema WHERE type = 'table'"
                                  " AND name IN ('person', 'unit', 'relation', 'series',"
                                  " 'series_participant', 'series_exdate', 'occurrence',"
                                  " 'attendance', 'makeup', 'record', 'leave', 'audit')"), ==, 12);
}

static void
test_store_people (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(QuorumPerson) first = NULL;
  g_autoptr(QuorumPerson) empty = quorum_person_new ("  ", NULL, 0);
  g_autoptr(GDate) retired = day ("2026-01-15");

  g_assert_true (quorum_store_move_person (f->store, f->wang, 0, &error));
  g_assert_no_error (error);
  people = quorum_store_list_people (f->store, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  first = g_list_model_get_item (people, 0);
  g_assert_cmpint (quorum_person_get_id (first), ==, f->wang);
  g_clear_object (&people);

  g_assert_cmpint (quorum_store_add_person (f->store, empty, &error), ==, 0);
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (quorum_store_retire_person (f->store, f->wang, retired, &error));
  people = quorum_store_list_people (f->store, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_clear_object (&people);
  people = quorum_store_list_people (f->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
}

static void
test_store_relations_dated (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) april = day ("2026-04-15");
  g_autoptr(GDate) june = day ("2026-06-15");
  g_autoptr(GDate) may_end = day ("2026-05-31");
  g_autoptr(GPtrArray) in_april = NULL;
  g_autoptr(GPtrArray) in_june = NULL;
  g_autoptr(GDateTime) april_at = at (f, "2026-04-15T09:00:00");
  g_autoptr(GDateTime) june_at = at (f, "2026-06-15T09:00:00");
  g_autoptr(GArray) april_people = NULL;
  g_autoptr(GArray) june_people = NULL;
  g_autoptr(QuorumUnit) town = quorum_unit_new ("庄园街道", "town");
  gint64 relation = add_relation (f, f->wang, "2026-01-01", NULL);
  gint64 series = add_weekly (f, "FREQ=WEEKLY", "keep");
  gint64 town_id;

  g_assert_true (quorum_store_end_relation (f->store, relation, may_end, &error));
  g_assert_no_error (error);

  in_april = quorum_store_list_relations_at (f->store, f->wang, 0, april, &error);
  in_june = quorum_store_list_relations_at (f->store, f->wang, 0, june, &error);
  g_assert_cmpuint (in_april->len, ==, 1);
  g_assert_cmpuint (in_june->len, ==, 0);

  april_people = quorum_store_resolve_participants (f->store, series, april_at, &error);
  june_people = quorum_store_resolve_participants (f->store, series, june_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (april_people->len, ==, 3);
  g_assert_cmpuint (june_people->len, ==, 2);
  g_assert_cmpint (g_array_index (june_people, gint64, 0), ==, f->zhang);

  /* The occurrences count the same people as the relations do on their day. */
  {
    g_autoptr(GListModel) list = list_between (f, "2026-05-25T00:00:00", "2026-06-02T00:00:00");
    g_autoptr(QuorumOccurrence) may = nth (list, 0);
    g_autoptr(QuorumOccurrence) june_1 = nth (list, 1);

    g_assert_cmpuint (quorum_occurrence_get_n_expected (may), ==, 3);
    g_assert_cmpuint (quorum_occurrence_get_n_expected (june_1), ==, 2);
  }

  /* An assigned town must be a town. */
  town_id = quorum_store_add_unit (f->store, town, &error);
  g_assert_cmpint (quorum_store_add_relation (f->store, f->li, f->group, "assigned-town", april,
                                              NULL, &error), ==, 0);
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (quorum_store_add_relation (f->store, f->li, town_id, "assigned-town", april,
                                              NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_store_materialize (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) january = NULL;
  g_autoptr(GListModel) horizon = NULL;
  g_autoptr(QuorumOccurrence) first = NULL;
  g_autofree char *start = NULL;

  add_weekly (f, "FREQ=WEEKLY", "keep");

  january = list_between (f, "2026-01-01T00:00:00", "2026-02-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (january), ==, 4);
  first = nth (january, 0);
  start = g_date_time_format (quorum_occurrence_get_start (first), "%Y-%m-%dT%H:%M:%S%:z");
  g_assert_cmpstr (start, ==, "2026-01-05T09:00:00+08:00");
  g_assert_cmpuint (quorum_occurrence_get_n_expected (first), ==, 2);
  g_assert_true (g_str_has_suffix (quorum_occurrence_get_uid (first), "@quorum"));
  g_assert_cmpstr (quorum_occurrence_get_duty_id (first), ==, "theory-study");

  /* Rows exist up to the horizon (now + 400 days), and no further until asked. */
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM occurrence"), ==,
                   count_rows (f, "SELECT count (*) FROM occurrence WHERE start_at < '2027-03-08T12'"));
  horizon = list_between (f, "2027-06-01T00:00:00", "2027-07-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (horizon), ==, 4);
}

static void
test_store_range_boundaries (Fixture       *f,
                             gconstpointer  data)
{
  static const struct {
    const char *from;
    const char *to;
    guint       n;
  } cases[] = {
    { "2026-01-12T09:00:00", "2026-01-19T09:00:00", 1 },  /* [start, next start) */
    { "2026-01-12T10:00:00", "2026-01-19T09:00:00", 0 },  /* from = end: excluded */
    { "2026-01-12T09:59:59", "2026-01-12T10:00:00", 1 },  /* last second */
    { "2026-01-12T08:00:00", "2026-01-12T09:00:00", 0 },  /* to = start: excluded */
    { "2026-01-12T08:00:00", "2026-01-12T09:00:01", 1 },
    { "2026-01-01T00:00:00", "2026-01-01T00:00:00", 0 },
  };

  add_weekly (f, "FREQ=WEEKLY", "keep");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) list = list_between (f, cases[i].from, cases[i].to);

      g_test_message ("%s – %s", cases[i].from, cases[i].to);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, cases[i].n);
    }
}

static void
test_store_holiday_policy (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumOccurrence) o = NULL;
  g_autoptr(GDateTime) expected_rid = at (f, "2026-01-03T09:00:00");

  /* Daily for a week from Monday 2026-01-05: skip drops the weekend. */
  add_weekly (f, "FREQ=DAILY;COUNT=7", "skip");
  list = list_between (f, "2026-01-05T00:00:00", "2026-01-12T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_clear_object (&list);

  /* Monthly on the 3rd: 2026-01-03 is in the New Year holiday; the next
   * working day is Sunday 4 January, made a working day (调休). */
  {
    g_autoptr(GDateTime) start = at (f, "2025-11-01T09:00:00");
    g_autoptr(QuorumSeries) series = quorum_series_new ("月度调度", start);
    g_autoptr(GError) error = NULL;

    quorum_series_set_rrule (series, "FREQ=MONTHLY;BYMONTHDAY=3");
    quorum_series_set_holiday_policy (series, "next-workday");
    quorum_store_add_series (f->store, series, &error);
    g_assert_no_error (error);
  }
  list = list_between (f, "2026-01-01T00:00:00", "2026-01-08T00:00:00");
  o = nth (list, 0);
  g_assert_cmpstr (quorum_occurrence_get_title (o), ==, "月度调度");
  g_assert_true (quorum_occurrence_get_holiday_shifted (o));
  g_assert_true (g_date_time_equal (quorum_occurrence_get_recurrence_id (o), expected_rid));
  g_assert_cmpint (g_date_time_get_day_of_month (quorum_occurrence_get_start (o)), ==, 4);
}

static void
test_store_refuses_bad_rule (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const rules[] = {
    "FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY", "FREQ=DAILY;COUNT=100000", "NOT A RULE",
  };
  g_autoptr(GDateTime) start = at (f, "2026-01-05T09:00:00");

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(QuorumSeries) series = quorum_series_new ("x", start);
      g_autoptr(GError) error = NULL;

      quorum_series_set_rrule (series, rules[i]);
      g_assert_cmpint (quorum_store_add_series (f->store, series, &error), ==, 0);
      g_assert_error (error, QUORUM_RECURRENCE_ERROR, error->code);
    }
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM series"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM occurrence"), ==, 0);
}

static void
test_store_move_and_cancel (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) new_start = at (f, "2026-03-10T15:00:00");
  g_autoptr(QuorumOccurrence) moved = NULL;
  g_autoptr(QuorumOccurrence) cancelled = NULL;
  g_autoptr(GDateTime) rid = at (f, "2026-03-09T09:00:00");
  gint64 march_9, march_16;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  march_9 = occurrence_on (f, "2026-03-09");
  march_16 = occurrence_on (f, "2026-03-16");

  g_assert_true (quorum_store_update_occurrence (f->store, march_9, new_start, NULL, "三楼会议室",
                                                 NULL, &error));
  g_assert_no_error (error);
  moved = quorum_store_get_occurrence (f->store, march_9, &error);
  g_assert_true (quorum_occurrence_get_moved (moved));
  g_assert_true (g_date_time_equal (quorum_occurrence_get_start (moved), new_start));
  g_assert_true (g_date_time_equal (quorum_occurrence_get_recurrence_id (moved), rid));
  g_assert_cmpint (g_date_time_difference (quorum_occurrence_get_end (moved),
                                           quorum_occurrence_get_start (moved)), ==,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpstr (quorum_occurrence_get_location (moved), ==, "三楼会议室");

  g_assert_false (quorum_store_cancel_occurrence (f->store, march_16, " ", &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_cancel_occurrence (f->store, march_16, "两会期间", &error));
  cancelled = quorum_store_get_occurrence (f->store, march_16, &error);
  g_assert_cmpint (quorum_occurrence_get_status (cancelled), ==, QUORUM_OCCURRENCE_CANCELLED);
  g_assert_cmpstr (quorum_occurrence_get_status_reason (cancelled), ==, "两会期间");

  /* Materialising again neither restores the move nor the cancellation. */
  g_assert_true (quorum_store_materialize (f->store, NULL, &error));
  g_clear_object (&moved);
  moved = quorum_store_get_occurrence (f->store, march_9, &error);
  g_assert_true (g_date_time_equal (quorum_occurrence_get_start (moved), new_start));
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM occurrence"
                                  " WHERE recurrence_id = '2026-03-16T09:00:00'"), ==, 1);

  /* Nothing can be recorded for a cancelled occurrence. */
  g_assert_false (quorum_store_set_attendance (f->store, march_16, f->zhang,
                                               QUORUM_ATTENDANCE_EXCUSED, "出差",
                                               QUORUM_EXCUSE_OFFICIAL_BUSINESS, FALSE, NULL,
                                               &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT);
}

static void
test_store_split (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSeries) old = NULL;
  g_autoptr(QuorumSeries) changes = NULL;
  g_autoptr(GDateTime) from = at (f, "2026-01-19T09:00:00");
  g_autoptr(GDateTime) ten = at (f, "2026-01-05T10:00:00");
  g_autoptr(GListModel) list = NULL;
  gint64 series = add_weekly (f, "FREQ=WEEKLY", "keep");
  gint64 jan_5 = occurrence_on (f, "2026-01-05");
  gint64 jan_26 = occurrence_on (f, "2026-01-26");
  gint64 next;

  g_assert_true (quorum_store_set_attendance (f->store, jan_5, f->zhang,
                                              QUORUM_ATTENDANCE_PRESENT, NULL,
                                              QUORUM_EXCUSE_NONE, TRUE, "秘书", &error));
  g_assert_true (quorum_store_set_attendance (f->store, jan_26, f->li, QUORUM_ATTENDANCE_LATE,
                                              NULL, QUORUM_EXCUSE_NONE, FALSE, NULL, &error));
  g_assert_no_error (error);

  old = quorum_store_get_series (f->store, series, &error);
  changes = quorum_series_copy (old);
  quorum_series_set_dtstart (changes, ten);
  quorum_series_set_title (changes, "理论学习（调整）");
  next = quorum_store_split_series (f->store, series, from, changes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, >, series);

  g_clear_object (&old);
  old = quorum_store_get_series (f->store, series, &error);
  g_assert_nonnull (strstr (quorum_series_get_rrule (old), "UNTIL=20260119T005959Z"));
  g_assert_cmpint (quorum_series_get_sequence (old), ==, 1);

  list = list_between (f, "2026-01-01T00:00:00", "2026-02-10T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  {
    static const struct { const char *start; gboolean new_series; guint attended; } want[] = {
      { "2026-01-05T09:00:00+08", FALSE, 1 },
      { "2026-01-12T09:00:00+08", FALSE, 0 },
      { "2026-01-26T09:00:00+08", FALSE, 1 },  /* recorded: kept with the old series */
      { "2026-02-02T10:00:00+08", TRUE, 0 },
      { "2026-02-09T10:00:00+08", TRUE, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        g_autoptr(QuorumOccurrence) o = nth (list, i);
        g_autofree char *start = g_date_time_format (quorum_occurrence_get_start (o),
                                                     "%Y-%m-%dT%H:%M:%S%z");

        g_assert_true (g_str_has_prefix (start, want[i].start));
        g_assert_cmpint (quorum_occurrence_get_series_id (o), ==, want[i].new_series ? next : series);
        g_assert_cmpuint (quorum_occurrence_get_n_attended (o), ==, want[i].attended);
      }
  }
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM attendance"), ==, 2);
}

static void
test_store_update_keeps_past (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id = add_weekly (f, "FREQ=WEEKLY", "keep");

  series = quorum_store_get_series (f->store, id, &error);
  quorum_series_set_rrule (series, "FREQ=WEEKLY;BYDAY=TU");
  g_assert_true (quorum_store_update_series (f->store, series, &error));
  g_assert_no_error (error);

  /* January (past) stays on Mondays; from now on it is Tuesdays. */
  list = list_between (f, "2026-01-01T00:00:00", "2026-02-12T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(QuorumOccurrence) o = nth (list, i);

      g_assert_cmpint (g_date_time_get_day_of_week (quorum_occurrence_get_start (o)), ==,
                       i < 4 ? G_DATE_MONDAY : G_DATE_TUESDAY);
    }
}

static void
test_store_attendance (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOccurrence) o = NULL;
  g_autoptr(GListModel) roll = NULL;
  gint64 jan_12, feb_9;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  jan_12 = occurrence_on (f, "2026-01-12");
  feb_9 = occurrence_on (f, "2026-02-09");

  g_assert_false (quorum_store_set_attendance (f->store, jan_12, f->li, QUORUM_ATTENDANCE_EXCUSED,
                                               "  ", QUORUM_EXCUSE_OTHER, FALSE, NULL, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Presence cannot be recorded before the start; an excuse can. */
  g_assert_false (quorum_store_set_attendance (f->store, feb_9, f->li, QUORUM_ATTENDANCE_PRESENT,
                                               NULL, QUORUM_EXCUSE_NONE, FALSE, NULL, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_set_attendance (f->store, feb_9, f->li, QUORUM_ATTENDANCE_EXCUSED,
                                              "省里开会", QUORUM_EXCUSE_OFFICIAL_BUSINESS, FALSE,
                                              NULL, &error));

  g_assert_true (quorum_store_set_attendance (f->store, jan_12, f->zhang,
                                              QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE,
                                              TRUE, NULL, &error));
  g_assert_true (quorum_store_set_attendance (f->store, jan_12, f->li, QUORUM_ATTENDANCE_ABSENT,
                                              NULL, QUORUM_EXCUSE_NONE, FALSE, NULL, &error));
  g_assert_no_error (error);

  o = quorum_store_get_occurrence (f->store, jan_12, &error);
  g_assert_cmpint (quorum_occurrence_get_status (o), ==, QUORUM_OCCURRENCE_HELD);
  g_assert_cmpuint (quorum_occurrence_get_n_expected (o), ==, 2);
  g_assert_cmpuint (quorum_occurrence_get_n_recorded (o), ==, 2);
  g_assert_cmpuint (quorum_occurrence_get_n_attended (o), ==, 1);

  roll = quorum_store_list_attendance (f->store, jan_12, &error);
  g_assert_cmpuint (g_list_model_get_n_items (roll), ==, 2);
  {
    g_autoptr(QuorumAttendance) a = g_list_model_get_item (roll, 0);

    g_assert_cmpint (quorum_attendance_get_person_id (a), ==, f->zhang);
    g_assert_true (quorum_attendance_get_key_speaker (a));
    g_assert_cmpint (quorum_attendance_get_status (a), ==, QUORUM_ATTENDANCE_PRESENT);
  }

  /* Unknown clears. */
  g_assert_true (quorum_store_set_attendance (f->store, jan_12, f->li, QUORUM_ATTENDANCE_UNKNOWN,
                                              NULL, QUORUM_EXCUSE_NONE, FALSE, NULL, &error));
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM attendance"), ==, 2);
}

static void
test_store_makeup (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owed = NULL;
  g_autoptr(GDate) before = day ("2026-01-10");
  g_autoptr(GDate) after = day ("2026-01-20");
  gint64 jan_12;

  g_assert_true (quorum_store_set_rulebook_data (f->store,
                                                 "[Rulebook]\nId=test\n\n"
                                                 "[Duty theory-study]\nMakeup=true\n", &error));
  g_assert_no_error (error);
  add_weekly (f, "FREQ=WEEKLY", "keep");
  jan_12 = occurrence_on (f, "2026-01-12");

  quorum_store_set_attendance (f->store, jan_12, f->li, QUORUM_ATTENDANCE_EXCUSED, "生病",
                               QUORUM_EXCUSE_LEAVE, FALSE, NULL, &error);
  quorum_store_set_attendance (f->store, jan_12, f->zhang, QUORUM_ATTENDANCE_PRESENT, NULL,
                               QUORUM_EXCUSE_NONE, FALSE, NULL, &error);
  g_assert_no_error (error);

  owed = quorum_store_list_owed_makeups (f->store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (owed), ==, 1);
  g_clear_object (&owed);

  g_assert_false (quorum_store_record_makeup (f->store, jan_12, f->li, before,
                                              QUORUM_MAKEUP_SELF_STUDY, NULL, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_record_makeup (f->store, jan_12, f->li, after,
                                             QUORUM_MAKEUP_SELF_STUDY, "自学", &error));
  g_assert_no_error (error);

  owed = quorum_store_list_owed_makeups (f->store, f->li, &error);
  g_assert_cmpuint (g_list_model_get_n_items (owed), ==, 0);
  g_assert_false (quorum_store_record_makeup (f->store, jan_12, f->li, after,
                                              QUORUM_MAKEUP_SELF_STUDY, NULL, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT);
}

static void
test_store_leave_notice (Fixture       *f,
                         gconstpointer  data)
{
  static const struct {
    const char *start;
    gboolean    emergency;
    const char *emergency_reason;
    int         error_code;  /* -1: accepted */
  } cases[] = {
    { "2026-02-03", FALSE, NULL, QUORUM_STORE_ERROR_LEAVE_NOTICE },  /* 2 days */
    { "2026-02-04", FALSE, NULL, -1 },                              /* 3 days */
    { "2026-02-02", TRUE, "家中急事", -1 },
    { "2026-02-02", TRUE, " ", QUORUM_STORE_ERROR_INVALID },
    { "2026-01-30", FALSE, NULL, QUORUM_STORE_ERROR_LEAVE_NOTICE },  /* after it began */
  };
  g_autoptr(GDateTime) filed = at (f, "2026-02-01T09:00:00");
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) start = day (cases[i].start);
      g_autoptr(GDate) end = day ("2026-02-06");
      g_autoptr(GError) local_error = NULL;
      gint64 id;

      id = quorum_store_add_leave (f->store, f->li, start, end, "北京", "学习培训", filed,
                                   cases[i].emergency, cases[i].emergency_reason, &local_error);
      if (cases[i].error_code < 0)
        {
          g_assert_no_error (local_error);
          g_assert_cmpint (id, >, 0);
        }
      else
        {
          g_assert_error (local_error, QUORUM_STORE_ERROR, cases[i].error_code);
          g_assert_cmpint (id, ==, 0);
        }
    }

  leaves = quorum_store_list_leaves (f->store, f->li, &error);
  g_assert_cmpuint (leaves->len, ==, 2);
  g_assert_false (((QuorumLeave *)g_ptr_array_index (leaves, 1))->emergency);
  g_assert_true (((QuorumLeave *)g_ptr_array_index (leaves, 0))->emergency);
  g_assert_cmpstr (((QuorumLeave *)g_ptr_array_index (leaves, 0))->emergency_reason, ==, "家中急事");
}

static void
test_store_leave_excuses (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = day ("2026-01-18");
  g_autoptr(GDate) end = day ("2026-01-20");
  g_autoptr(GDateTime) filed = at (f, "2026-01-10T09:00:00");
  g_autoptr(GListModel) roll = NULL;
  g_autoptr(GListModel) during = NULL;
  gint64 jan_19, leave;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  jan_19 = occurrence_on (f, "2026-01-19");
  leave = quorum_store_add_leave (f->store, f->li, start, end, "济南", "参加省里培训", filed,
                                  FALSE, NULL, &error);
  g_assert_no_error (error);

  during = quorum_store_list_required_events_during_leave (f->store, leave, &error);
  g_assert_cmpuint (g_list_model_get_n_items (during), ==, 1);

  roll = quorum_store_list_attendance (f->store, jan_19, &error);
  {
    g_autoptr(QuorumAttendance) li = g_list_model_get_item (roll, 1);

    g_assert_cmpint (quorum_attendance_get_person_id (li), ==, f->li);
    g_assert_cmpint (quorum_attendance_get_status (li), ==, QUORUM_ATTENDANCE_EXCUSED);
    g_assert_false (quorum_attendance_get_recorded (li));
    g_assert_nonnull (strstr (quorum_attendance_get_reason (li), "济南"));
  }

  g_assert_true (quorum_store_set_all_present (f->store, jan_19, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM attendance WHERE status = 'excused'"
                                  " AND excuse_kind = 'leave'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM attendance WHERE status = 'present'"),
                   ==, 1);
}

static void
test_store_audit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = _quorum_database_get_handle (f->db);
  int before;
  gint64 jan_12;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  jan_12 = occurrence_on (f, "2026-01-12");
  before = count_rows (f, "SELECT count (*) FROM audit");

  g_assert_true (quorum_store_set_attendance (f->store, jan_12, f->zhang,
                                              QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE,
                                              FALSE, "秘书科", &error));
  /* One row for the attendance, one for the occurrence becoming held. */
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM audit"), ==, before + 2);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM audit WHERE entity = 'attendance'"
                                  " AND actor = '秘书科' AND before_json IS NULL"
                                  " AND json_extract (after_json, '$.status') = 'present'"), ==, 1);

  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit SET actor = 'x'", NULL, NULL, NULL), !=,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM audit WHERE actor = 'x'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM audit"), ==, before + 2);
}

static void
test_store_rollback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOccurrence) o = NULL;
  sqlite3 *handle = _quorum_database_get_handle (f->db);
  gint64 jan_12;
  int audit_rows;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  jan_12 = occurrence_on (f, "2026-01-12");
  audit_rows = count_rows (f, "SELECT count (*) FROM audit");

  /* The last step of the write fails: nothing of it may remain. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit"
                                 " WHEN NEW.entity = 'occurrence'"
                                 " BEGIN SELECT RAISE (ABORT, 'injected'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (quorum_store_set_attendance (f->store, jan_12, f->zhang,
                                               QUORUM_ATTENDANCE_PRESENT, NULL,
                                               QUORUM_EXCUSE_NONE, FALSE, NULL, &error));
  g_assert_error (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM attendance"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM audit"), ==, audit_rows);
  o = quorum_store_get_occurrence (f->store, jan_12, &error);
  g_assert_cmpint (quorum_occurrence_get_status (o), ==, QUORUM_OCCURRENCE_SCHEDULED);

  g_assert_false (quorum_store_cancel_occurrence (f->store, jan_12, "x", &error));
  g_clear_error (&error);
  g_clear_object (&o);
  o = quorum_store_get_occurrence (f->store, jan_12, &error);
  g_assert_cmpint (quorum_occurrence_get_status (o), ==, QUORUM_OCCURRENCE_SCHEDULED);

  sqlite3_exec (handle, "DROP TRIGGER fail_audit", NULL, NULL, NULL);
  g_assert_true (quorum_store_set_attendance (f->store, jan_12, f->zhang,
                                              QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE,
                                              FALSE, NULL, &error));
}

static void
on_changed_cb (QuorumStore *store,
               const char  *entity,
               gint64       id,
               GPtrArray   *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, id));
}

static void
test_store_records_and_signal (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRecord) record = quorum_record_new ();
  g_autoptr(QuorumRecord) bad = quorum_record_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GDate) from = day ("2026-01-01");
  g_autoptr(GDate) to = day ("2026-03-31");
  gint64 id;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), seen);

  record->person_id = f->zhang;
  record->kind = g_strdup ("research-day");
  record->date = day ("2026-01-21");
  record->days = 1.5;
  record->unannounced = TRUE;
  id = quorum_store_add_record (f->store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  {
    g_autofree char *want = g_strdup_printf ("record:%" G_GINT64_FORMAT, id);

    g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, want);
  }

  bad->person_id = f->zhang;
  bad->kind = g_strdup ("holiday");
  bad->date = day ("2026-01-21");
  g_assert_cmpint (quorum_store_add_record (f->store, bad, &error), ==, 0);
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_assert_cmpuint (seen->len, ==, 1);

  records = quorum_store_list_records (f->store, f->zhang, "research-day", from, to, NULL);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpfloat (((QuorumRecord *)g_ptr_array_index (records, 0))->days, ==, 1.5);
  g_assert_true (((QuorumRecord *)g_ptr_array_index (records, 0))->unannounced);
}

static void
test_store_duty_kind (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_default (&error);
  g_autofree char *text = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumOccurrence) first = NULL;

  g_assert_no_error (error);
  text = quorum_rulebook_to_data (rulebook, NULL);
  g_assert_true (quorum_store_set_rulebook_data (f->store, text, &error));
  g_assert_no_error (error);

  /* No kind given: the series takes its duty's Kind= from the rulebook. */
  add_weekly (f, "FREQ=WEEKLY;COUNT=2", "keep");
  list = list_between (f, "2026-01-01T00:00:00", "2026-02-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (quorum_occurrence_get_kind (first), ==, "study");
}

static void
test_store_external_changes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) other_db = NULL;
  g_autoptr(QuorumStore) other = NULL;
  g_autoptr(QuorumPerson) person = quorum_person_new ("赵六", "秘书长", 40);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), seen);

  /* The first poll only learns the version; nothing changed elsewhere yet. */
  g_assert_false (quorum_store_poll_external_changes (f->store));
  g_assert_false (quorum_store_poll_external_changes (f->store));

  /* Our own writes are reported by their own signal, not as external. */
  add_person (f, "钱七", 50);
  g_assert_false (quorum_store_poll_external_changes (f->store));
  g_ptr_array_set_size (seen, 0);

  /* Another connection (quorum-cli while the app runs) writes. */
  other_db = quorum_database_open (quorum_database_get_path (f->db), &error);
  g_assert_no_error (error);
  other = quorum_store_new (other_db);
  quorum_store_add_person (other, person, &error);
  g_assert_no_error (error);

  g_assert_true (quorum_store_poll_external_changes (f->store));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "external:0");
  g_assert_false (quorum_store_poll_external_changes (f->store));
}

static void
test_store_add_series_batch (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) start = at (f, "2026-03-02T08:30:00");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owners[] = { f->zhang, f->li };

  /* One reception day series per leader, in one go. */
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      QuorumSeries *series = quorum_series_new ("接待群众来访日", start);

      quorum_series_set_rrule (series, "FREQ=MONTHLY;BYDAY=1MO;COUNT=3");
      quorum_series_set_owner_id (series, owners[i]);
      quorum_series_set_duty_id (series, "reception-day");
      g_ptr_array_add (batch, series);
    }
  ids = quorum_store_add_series_batch (f->store, batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(QuorumSeries) read = quorum_store_get_series (f->store,
                                                              g_array_index (ids, gint64, i),
                                                              &error);
      g_assert_no_error (error);
      g_assert_cmpint (quorum_series_get_owner_id (read), ==, owners[i]);
    }
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM occurrence"), ==, 6);

  /* A bad rule in the second template: the first is not written either. */
  quorum_series_set_rrule (g_ptr_array_index (batch, 1), "FREQ=HOURLY");
  g_clear_pointer (&ids, g_array_unref);
  ids = quorum_store_add_series_batch (f->store, batch, &error);
  g_assert_null (ids);
  g_assert_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_TOO_MANY);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM series"), ==, 2);
  g_clear_error (&error);

  /* An unknown owner is refused after the first series passed its checks. */
  quorum_series_set_rrule (g_ptr_array_index (batch, 1), "FREQ=MONTHLY;COUNT=2");
  quorum_series_set_owner_id (g_ptr_array_index (batch, 1), 9999);
  ids = quorum_store_add_series_batch (f->store, batch, &error);
  g_assert_null (ids);
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM series"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM occurrence"), ==, 6);
}

static void
test_store_delete_person (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPerson) gone = NULL;
  g_autoptr(GListModel) people = NULL;

  /* 李四 has an assignment: refused, and nothing changes. */
  g_assert_false (quorum_store_delete_person (f->store, f->li, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "李四"));
  g_clear_error (&error);
  gone = quorum_store_get_person (f->store, f->li, &error);
  g_assert_no_error (error);
  g_clear_object (&gone);

  /* 王五 has nothing: deleted. */
  g_assert_true (quorum_store_delete_person (f->store, f->wang, &error));
  g_assert_no_error (error);
  gone = quorum_store_get_person (f->store, f->wang, &error);
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  people = quorum_store_list_people (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  g_assert_false (quorum_store_delete_person (f->store, f->wang, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  Fixture *f;
  gboolean fail;
} BatchData;

static gboolean
batch_cb (QuorumStore  *store,
          gpointer      user_data,
          GError      **error)
{
  BatchData *data = user_data;
  g_autoptr(QuorumPerson) a = quorum_person_new ("赵六", "", 40);
  g_autoptr(QuorumPerson) b = quorum_person_new (data->fail ? " " : "钱七", "", 50);

  return quorum_store_add_person (store, a, error) > 0 &&
         quorum_store_move_person (store, data->f->wang, 0, error) &&
         quorum_store_add_person (store, b, error) > 0;
}

static void
test_store_batch (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  BatchData batch = { f, TRUE };

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), seen);

  /* The third write fails: the first two are rolled back, no signal. */
  g_assert_false (quorum_store_run_batch (f->store, batch_cb, &batch, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (seen->len, ==, 0);
  people = quorum_store_list_people (f->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  {
    g_autoptr(QuorumPerson) first = g_list_model_get_item (people, 0);
    g_assert_cmpint (quorum_person_get_id (first), ==, f->zhang);
  }
  g_clear_object (&people);

  /* All succeed: one commit, one signal per kind of entity. */
  batch.fail = FALSE;
  g_assert_true (quorum_store_run_batch (f->store, batch_cb, &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "person:0");
  people = quorum_store_list_people (f->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 5);
  {
    g_autoptr(QuorumPerson) first = g_list_model_get_item (people, 0);
    g_assert_cmpint (quorum_person_get_id (first), ==, f->wang);
  }

  /* The store is usable afterwards, one write per transaction again. */
  g_assert_true (quorum_store_retire_person (f->store, f->wang, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
}

/* Adds a monthly series on @monthday from January 2026. */
static gint64
add_monthly (Fixture    *f,
             const char *title,
             int         monthday,
             const char *duty_id,
             gint64      owner,
             gint64      person,
             gint64      unit)
{
  g_autofree char *iso = g_strdup_printf ("2026-01-%02dT15:00:00", monthday);
  g_autofree char *rrule = g_strdup_printf ("FREQ=MONTHLY;BYMONTHDAY=%d", monthday);
  g_autoptr(GDateTime) start = at (f, iso);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, start);
  g_autoptr(GError) error = NULL;
  gint64 id;

  quorum_series_set_rrule (series, rrule);
  quorum_series_set_duty_id (series, duty_id);
  quorum_series_set_location (series, "市政府三楼会议室");
  if (owner != 0)
    quorum_series_set_owner_id (series, owner);
  if (person != 0)
    quorum_series_add_participant_person (series, person);
  if (unit != 0)
    quorum_series_add_participant_unit (series, unit);
  id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  return id;
}

/* "S/05-04 R/05-10 …": each occurrence of May and June 2026 that @filter
 * keeps, its series told by a letter: S, R and V for @series[0], [1], [2]. */
static char *
list_filtered (Fixture                      *f,
               const QuorumOccurrenceFilter *filter,
               const gint64                  series[3])
{
  g_autoptr(GDateTime) from = at (f, "2026-05-01T00:00:00");
  g_autoptr(GDateTime) to = at (f, "2026-07-01T00:00:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = quorum_store_list_occurrences (f->store, from, to, filter, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (list, i);
      GDateTime *start = quorum_occurrence_get_start (o);
      gint64 id = quorum_occurrence_get_series_id (o);
      char letter = id == series[0] ? 'S' : id == series[1] ? 'R' : id == series[2] ? 'V' : '?';

      g_string_append_printf (out, "%s%c/%02d-%02d", out->len ? " " : "", letter,
                              g_date_time_get_month (start), g_date_time_get_day_of_month (start));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_store_occurrence_filters (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumUnit) town = quorum_unit_new ("庄园街道", "town");
  g_autoptr(GDate) may_end = day ("2026-05-31");
  gint64 town_id = quorum_store_add_unit (f->store, town, &error);
  gint64 wang_in_group = add_relation (f, f->wang, "2026-01-01", NULL);
  g_autoptr(GListModel) june_15 = NULL;
  g_autoptr(QuorumOccurrence) visit_june = NULL;
  g_autofree char *all = NULL;
  gint64 series[3];
  const struct {
    QuorumOccurrenceFilter filter;
    const char *expected;
  } cases[] = {
    /* 王五 left the party group at the end of May: its June sessions are
     * not his; the reception days he holds are. */
    { { .person_id = f->wang }, "S/05-04 R/05-10 S/05-11 S/05-18 S/05-25 R/06-10" },
    /* 李四: the group's sessions and the visits that name him. */
    { { .person_id = f->li }, "S/05-04 S/05-11 V/05-15 S/05-18 S/05-25 S/06-01 S/06-08"
                              " S/06-15 V/06-15 S/06-22 S/06-29" },
    { { .person_id = f->zhang }, "S/05-04 S/05-11 S/05-18 S/05-25 S/06-01 S/06-08 S/06-15"
                                 " S/06-22 S/06-29" },
    { { .unit_id = town_id }, "V/05-15 V/06-15" },
    { { .unit_id = f->group }, "S/05-04 S/05-11 S/05-18 S/05-25 S/06-01 S/06-08 S/06-15"
                               " S/06-22 S/06-29" },
    { { .duty_id = "reception-day" }, "R/05-10 R/06-10" },
    { { .person_id = f->li, .duty_id = "enterprise-visit" }, "V/05-15 V/06-15" },
    { { .person_id = f->wang, .unit_id = town_id }, "" },
    /* The text matches the title, the place or the minutes, in any case. */
    { { .text = "来访" }, "R/05-10 R/06-10" },
    { { .text = "三楼" }, "R/05-10 V/05-15 R/06-10 V/06-15" },
    { { .text = "WI-FI" }, "V/06-15" },
    { { .text = "秸秆禁烧" }, "V/06-15" },
    { { .person_id = f->li, .text = "秸秆禁烧" }, "V/06-15" },
    { { .person_id = f->wang, .text = "秸秆禁烧" }, "" },
  };

  g_assert_no_error (error);
  g_assert_true (quorum_store_end_relation (f->store, wang_in_group, may_end, &error));
  g_assert_no_error (error);
  series[0] = add_weekly (f, "FREQ=WEEKLY", "keep");
  series[1] = add_monthly (f, "接待群众来访日", 10, "reception-day", f->wang, 0, 0);
  series[2] = add_monthly (f, "走访企业", 15, "enterprise-visit", 0, f->li, town_id);

  /* Only one visit has minutes. */
  june_15 = list_between (f, "2026-06-15T12:00:00", "2026-06-15T23:00:00");
  visit_june = nth (june_15, 0);
  g_assert_cmpint (quorum_occurrence_get_series_id (visit_june), ==, series[2]);
  g_assert_true (quorum_store_set_minutes (f->store, quorum_occurrence_get_id (visit_june),
                                           "研究秸秆禁烧工作；会场 Wi-Fi 改造。", NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QuorumOccurrenceFilter without_counts = cases[i].filter;
      g_autofree char *got = list_filtered (f, &cases[i].filter, series);
      g_autofree char *got_without = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
      /* The month grid's query keeps the same occurrences. */
      without_counts.without_counts = TRUE;
      got_without = list_filtered (f, &without_counts, series);
      g_assert_cmpstr (got_without, ==, cases[i].expected);
    }

  all = list_filtered (f, NULL, series);
  g_assert_cmpstr (all, ==, "S/05-04 R/05-10 S/05-11 V/05-15 S/05-18 S/05-25 S/06-01 S/06-08"
                            " R/06-10 S/06-15 V/06-15 S/06-22 S/06-29");

  /* Without counts, the same rows field for field, the counts at 0. */
  {
    QuorumOccurrenceFilter none = { .without_counts = TRUE };
    g_autoptr(GDateTime) from = at (f, "2026-05-01T00:00:00");
    g_autoptr(GDateTime) to = at (f, "2026-07-01T00:00:00");
    g_autoptr(GListModel) with = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
    g_autoptr(GListModel) without = quorum_store_list_occurrences (f->store, from, to, &none,
                                                                   &error);
    guint n_with_counts = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (with), ==, g_list_model_get_n_items (without));
    for (guint i = 0; i < g_list_model_get_n_items (with); i++)
      {
        g_autoptr(QuorumOccurrence) a = g_list_model_get_item (with, i);
        g_autoptr(QuorumOccurrence) b = g_list_model_get_item (without, i);

        g_assert_cmpint (quorum_occurrence_get_id (a), ==, quorum_occurrence_get_id (b));
        g_assert_cmpstr (quorum_occurrence_get_title (a), ==, quorum_occurrence_get_title (b));
        g_assert_cmpstr (quorum_occurrence_get_location (a), ==, quorum_occurrence_get_location (b));
        g_assert_true (g_date_time_equal (quorum_occurrence_get_start (a),
                                          quorum_occurrence_get_start (b)));
        g_assert_true (g_date_time_equal (quorum_occurrence_get_end (a),
                                          quorum_occurrence_get_end (b)));
        g_assert_cmpint (quorum_occurrence_get_status (a), ==, quorum_occurrence_get_status (b));
        g_assert_cmpstr (quorum_occurrence_get_kind (a), ==, quorum_occurrence_get_kind (b));
        g_assert_cmpuint (quorum_occurrence_get_n_expected (b), ==, 0);
        g_assert_cmpuint (quorum_occurrence_get_n_recorded (b), ==, 0);
        n_with_counts += quorum_occurrence_get_n_expected (a) > 0;
      }
    /* Else the comparison would prove nothing. */
    g_assert_cmpuint (n_with_counts, >, 0);
  }

  /* A routine meeting naming 李四 (no duty) is his, but not a required one. */
  {
    g_autoptr(GDateTime) start = at (f, "2026-06-20T09:00:00");
    g_autoptr(QuorumSeries) routine = quorum_series_new ("工作碰头会", start);
    QuorumOccurrenceFilter li = { .person_id = f->li };
    QuorumOccurrenceFilter li_required = { .person_id = f->li, .duties_only = TRUE };
    QuorumOccurrenceFilter required = { .duties_only = TRUE, .without_counts = TRUE };
    g_autofree char *got_li = NULL;
    g_autofree char *got_required = NULL;
    g_autofree char *got_all_required = NULL;

    quorum_series_add_participant_person (routine, f->li);
    g_assert_cmpint (quorum_store_add_series (f->store, routine, &error), >, 0);
    g_assert_no_error (error);
    got_li = list_filtered (f, &li, series);
    got_required = list_filtered (f, &li_required, series);
    got_all_required = list_filtered (f, &required, series);
    g_assert_cmpstr (got_li, ==, "S/05-04 S/05-11 V/05-15 S/05-18 S/05-25 S/06-01 S/06-08"
                                 " S/06-15 V/06-15 ?/06-20 S/06-22 S/06-29");
    g_assert_cmpstr (got_required, ==, cases[1].expected);
    g_assert_cmpstr (got_all_required, ==, all);
  }
}

static gint64
add_daily (Fixture    *f,
           const char *title,
           const char *start_iso,
           guint       minutes,
           gboolean    all_day)
{
  g_autoptr(GDateTime) start = at (f, start_iso);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, start);
  g_autoptr(GError) error = NULL;
  gint64 id;

  quorum_series_set_rrule (series, "FREQ=DAILY;COUNT=10");
  quorum_series_set_duration_minutes (series, minutes);
  quorum_series_set_all_day (series, all_day);
  quorum_series_set_holiday_policy (series, "keep");
  id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  return id;
}

/* The month grid's query: of each day's one-day events only the first few,
 * in the order a day lists them, the others counted; events over several
 * days all kept. The same as the whole list, cut per day. */
static void
test_store_day_occurrences (Fixture       *f,
                            gconstpointer  data)
{
  static const guint caps[] = { 1, 2, 3, 10 };
  g_autoptr(GDateTime) from = at (f, "2026-03-02T00:00:00");
  g_autoptr(GDateTime) to = at (f, "2026-03-16T00:00:00");
  QuorumOccurrenceFilter plain = { .without_counts = TRUE };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  /* Five one-day sessions a day (one all day), one event over two days. */
  add_daily (f, "C", "2026-03-02T11:00:00", 60, FALSE);
  add_daily (f, "A", "2026-03-02T09:00:00", 60, FALSE);
  add_daily (f, "D", "2026-03-02T14:00:00", 30, FALSE);
  add_daily (f, "B", "2026-03-02T09:00:00", 90, FALSE);
  add_daily (f, "Z", "2026-03-02T00:00:00", 24 * 60, TRUE);
  add_daily (f, "L", "2026-03-02T20:00:00", 24 * 60, FALSE);

  all = quorum_store_list_occurrences (f->store, from, to, &plain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 60);

  for (guint c = 0; c < G_N_ELEMENTS (caps); c++)
    {
      g_autoptr(GArray) hidden = g_array_new (FALSE, TRUE, sizeof (guint));
      g_autoptr(GListModel) capped = NULL;
      g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
      guint n_one_day = 4, expected_hidden = n_one_day > caps[c] ? n_one_day - caps[c] : 0;

      g_test_message ("at most %u a day", caps[c]);
      capped = quorum_store_list_day_occurrences (f->store, from, to, &plain, caps[c], hidden,
                                                  &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hidden->len, ==, 14);

      for (guint i = 0; i < g_list_model_get_n_items (capped); i++)
        {
          g_autoptr(QuorumOccurrence) o = g_list_model_get_item (capped, i);
          gint64 *id = g_new (gint64, 1);

          *id = quorum_occurrence_get_id (o);
          g_hash_table_add (kept, id);
        }

      /* Day by day, the whole list's first events are those kept. */
      for (guint d = 0; d < 14; d++)
        {
          g_autoptr(GPtrArray) day_items = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(GDateTime) day_start = g_date_time_add_days (from, d);
          g_autoptr(GDateTime) day_end = g_date_time_add_days (from, d + 1);
          guint n_kept_one_day = 0;

          for (guint i = 0; i < g_list_model_get_n_items (all); i++)
            {
              QuorumOccurrence *o = g_list_model_get_item (all, i);

              if (quorum_occurrence_overlaps (o, day_start, day_end))
                g_ptr_array_add (day_items, o);
              else
                g_object_unref (o);
            }
          for (guint i = 0; i < day_items->len; i++)
            {
              QuorumOccurrence *o = g_ptr_array_index (day_items, i);
              gint64 id = quorum_occurrence_get_id (o);
              gboolean one_day = g_strcmp0 (quorum_occurrence_get_title (o), "L") != 0 &&
                                 !quorum_occurrence_get_all_day (o);

              if (!one_day)
                {
                  /* All-day and overnight events are always there. */
                  g_assert_true (g_hash_table_contains (kept, &id));
                  continue;
                }
              if (g_hash_table_contains (kept, &id))
                n_kept_one_day++;
            }
          if (d < 10)
            {
              g_assert_cmpuint (n_kept_one_day, ==, MIN (caps[c], n_one_day));
              g_assert_cmpuint (g_array_index (hidden, guint, d), ==, expected_hidden);
            }
          else
            {
              g_assert_cmpuint (g_array_index (hidden, guint, d), ==, 0);
            }
        }

      /* The first kept are A (09:00–10:00), then B (09:00–10:30), C, D. */
      {
        g_autoptr(GDateTime) day_end = g_date_time_add_days (from, 1);
        g_autoptr(GString) titles = g_string_new (NULL);

        for (guint i = 0; i < g_list_model_get_n_items (capped); i++)
          {
            g_autoptr(QuorumOccurrence) o = g_list_model_get_item (capped, i);

            if (g_date_time_compare (quorum_occurrence_get_start (o), day_end) < 0 &&
                !quorum_occurrence_get_all_day (o) &&
                g_strcmp0 (quorum_occurrence_get_title (o), "L") != 0)
              g_string_append (titles, quorum_occurrence_get_title (o));
          }
        g_assert_cmpstr (titles->str, ==, ((const char *[]) { "A", "AB", "ABC", "ABCD" })[
                           MIN (caps[c], 4) - 1]);
      }
    }
}

/* A released statement is reused for the same SQL, reset and unbound; one
 * still in use is not handed out twice. */
static void
test_store_statement_cache (Fixture       *f,
                            gconstpointer  data)
{
  const char *sql = "SELECT ?1";
  sqlite3_stmt *first = _quorum_database_prepare (f->db, sql, NULL);
  sqlite3_stmt *nested;
  sqlite3_stmt *again;

  g_assert_nonnull (first);
  sqlite3_bind_int (first, 1, 42);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  nested = _quorum_database_prepare (f->db, sql, NULL);
  g_assert_true (nested != first);
  g_clear_pointer (&nested, _quorum_statement_release);

  _quorum_statement_release (first);
  again = _quorum_database_prepare (f->db, sql, NULL);
  g_assert_true (again == first || again == nested);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (again, 0), ==, SQLITE_NULL);
  _quorum_statement_release (again);
}

/* Reading within the horizon writes nothing; reading past it makes rows
 * some way further, so that the next month does not write again. */
static void
test_store_horizon_writes_once (Fixture       *f,
                                gconstpointer  data)
{
  sqlite3 *handle = _quorum_database_get_handle (f->db);
  g_autoptr(GListModel) within = NULL;
  g_autoptr(GListModel) beyond = NULL;
  g_autoptr(GListModel) next = NULL;
  int changes;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  g_assert_true (quorum_store_materialize (f->store, NULL, NULL));

  changes = sqlite3_total_changes (handle);
  within = list_between (f, "2026-03-01T00:00:00", "2026-04-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (within), ==, 5);
  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);

  beyond = list_between (f, "2028-01-01T00:00:00", "2028-02-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (beyond), ==, 5);
  g_assert_cmpint (sqlite3_total_changes (handle), >, changes);

  changes = sqlite3_total_changes (handle);
  next = list_between (f, "2028-02-01T00:00:00", "2028-03-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (next), ==, 4);
  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);
}

static void
on_horizon_needed_cb (QuorumStore *store,
                      GDateTime   *until,
                      GPtrArray   *asked)
{
  g_ptr_array_add (asked, g_date_time_ref (until));
}

/* A store that does not materialise on read (the GUI's) never writes for a
 * query: past the horizon it answers with the rows there are and asks,
 * once, for the rest; another connection makes them, the poll reports it,
 * and the same query then gives what a materialising store gives. */
static void
test_store_horizon_deferred (Fixture       *f,
                             gconstpointer  data)
{
  sqlite3 *handle = _quorum_database_get_handle (f->db);
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) hidden = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) within = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GDateTime) from = at (f, "2028-01-01T00:00:00");
  g_autoptr(GDateTime) to = at (f, "2028-02-01T00:00:00");
  g_autoptr(GDateTime) want = g_date_time_add_days (to, 100);
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) later = at (f, "2027-06-01T12:00:00");
  g_autoptr(GDateTime) now = quorum_store_dup_now (f->store);
  g_autoptr(QuorumDatabase) worker_db = NULL;
  g_autoptr(QuorumStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  QuorumOccurrenceFilter plain = { .without_counts = TRUE };
  int changes;

  add_weekly (f, "FREQ=WEEKLY", "keep");
  g_assert_true (quorum_store_materialize (f->store, NULL, NULL));
  g_assert_true (quorum_store_get_materialize_on_read (f->store));
  quorum_store_set_materialize_on_read (f->store, FALSE);
  g_assert_false (quorum_store_get_materialize_on_read (f->store));
  g_signal_connect (f->store, "horizon-needed", G_CALLBACK (on_horizon_needed_cb), asked);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), seen);
  quorum_store_poll_external_changes (f->store);

  /* The horizon is now + 400 days and a little more. */
  stored = quorum_store_dup_materialized_until (f->store);
  g_assert_nonnull (stored);
  g_assert_cmpint (g_date_time_compare (stored, from), <, 0);
  g_assert_false (quorum_store_check_horizon (f->store));
  g_assert_cmpuint (asked->len, ==, 0);

  changes = sqlite3_total_changes (handle);
  before = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 0);
  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);
  g_assert_cmpuint (asked->len, ==, 1);
  g_assert_true (g_date_time_equal (g_ptr_array_index (asked, 0), want));

  /* Asked once: the month grid's query and the same one again do not
   * ask again, nor does one within the horizon. */
  again = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  days = quorum_store_list_day_occurrences (f->store, from, to, &plain, 3, hidden, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 0);
  within = list_between (f, "2026-03-01T00:00:00", "2026-04-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (within), ==, 5);
  g_assert_cmpuint (asked->len, ==, 1);
  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);
  g_assert_cmpuint (seen->len, ==, 0);

  /* A worker on its own connection makes the rows, as the app's does. */
  worker_db = quorum_database_open (quorum_database_get_path (f->db), &error);
  g_assert_no_error (error);
  worker = quorum_store_new (worker_db);
  quorum_store_set_now (worker, now);
  g_assert_true (quorum_store_materialize (worker, g_ptr_array_index (asked, 0), &error));
  g_assert_no_error (error);

  g_assert_true (quorum_store_poll_external_changes (f->store));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "external:0");
  moved = quorum_store_dup_materialized_until (f->store);
  g_assert_true (g_date_time_equal (moved, want));
  after = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 5);
  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);
  g_assert_cmpuint (asked->len, ==, 1);

  /* The clock passing the horizon - 400 days: the check asks, writes nothing. */
  quorum_store_set_now (f->store, later);
  g_assert_true (quorum_store_check_horizon (f->store));
  g_assert_cmpuint (asked->len, ==, 2);
  g_assert_cmpint (g_date_time_compare (g_ptr_array_index (asked, 1), moved), >, 0);
  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);
}

/* A series deleted while the horizon moved on gets its missing occurrences
 * back when restored. */
static void
test_store_restore_catches_up (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) hidden = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_weekly (f, "FREQ=WEEKLY", "keep");

  g_assert_true (quorum_store_delete_series (f->store, id, &error));
  g_assert_no_error (error);
  hidden = list_between (f, "2028-01-01T00:00:00", "2028-02-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (hidden), ==, 0);

  g_assert_true (quorum_store_restore_series (f->store, id, &error));
  g_assert_no_error (error);
  shown = list_between (f, "2028-01-01T00:00:00", "2028-02-01T00:00:00");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
}

/* A second store over the same file (a worker's) sees what the first
 * wrote, and keeps its connection after the caller lets go of it; a path
 * that cannot be opened gives an error, not a store. */
static void
test_store_open (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(QuorumStore) other = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  other = quorum_store_open (quorum_database_get_path (f->db), &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (quorum_store_get_database (other) != f->db);
  people = quorum_store_list_people (other, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);

  /* A folder, not a database file. */
  folder = g_build_filename (g_get_user_data_dir (), "a-folder.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_null (quorum_store_open (folder, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("schema", test_store_schema);
  ADD ("people", test_store_people);
  ADD ("relations-dated", test_store_relations_dated);
  ADD ("materialize", test_store_materialize);
  ADD ("range-boundaries", test_store_range_boundaries);
  ADD ("holiday-policy", test_store_holiday_policy);
  ADD ("refuses-bad-rule", test_store_refuses_bad_rule);
  ADD ("move-and-cancel", test_store_move_and_cancel);
  ADD ("split", test_store_split);
  ADD ("add-series-batch", test_store_add_series_batch);
  ADD ("update-keeps-past", test_store_update_keeps_past);
  ADD ("attendance", test_store_attendance);
  ADD ("makeup", test_store_makeup);
  ADD ("leave-notice", test_store_leave_notice);
  ADD ("leave-excuses", test_store_leave_excuses);
  ADD ("audit", test_store_audit);
  ADD ("rollback", test_store_rollback);
  ADD ("records-and-signal", test_store_records_and_signal);
  ADD ("external-changes", test_store_external_changes);
  ADD ("duty-kind", test_store_duty_kind);
  ADD ("delete-person", test_store_delete_person);
  ADD ("batch", test_store_batch);
  ADD ("occurrence-filters", test_store_occurrence_filters);
  ADD ("day-occurrences", test_store_day_occurrences);
  ADD ("statement-cache", test_store_statement_cache);
  ADD ("horizon-writes-once", test_store_horizon_writes_once);
  ADD ("horizon-deferred", test_store_horizon_deferred);
  ADD ("restore-catches-up", test_store_restore_catches_up);
  ADD ("open", test_store_open);

  return g_test_run ();
}
