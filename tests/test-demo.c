/* test-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo office: reproducible from its seed, complete against the
 * rulebook, with a history that reads like one.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "quorum-database-private.h"
#include "quorum-demo.h"
#include "quorum-rulebook.h"
#include "quorum-store-bulk.h"
#include "quorum-store-ics.h"
#include "quorum-store-private.h"

typedef struct
{
  char           *dir;
  char           *path;
  QuorumDatabase *db;
  QuorumStore    *store;
} Office;

static void
office_free (Office *o)
{
  g_clear_object (&o->store);
  g_clear_object (&o->db);
  g_unlink (o->path);
  g_rmdir (o->dir);
  g_free (o->path);
  g_free (o->dir);
  g_free (o);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Office, office_free)

static Office *
office_new (guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_NOVEMBER, 2026);
  QuorumDemoOptions options = { 15, 1, seed, today };
  Office *o = g_new0 (Office, 1);

  o->dir = g_dir_make_tmp ("quorum-demo-XXXXXX", &error);
  g_assert_no_error (error);
  o->path = g_build_filename (o->dir, "demo.db", NULL);
  o->db = quorum_database_open (o->path, &error);
  g_assert_no_error (error);
  o->store = quorum_store_new (o->db);
  g_assert_true (quorum_demo_generate (o->store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return o;
}

static gint64
query_int (Office     *o,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _quorum_database_prepare (o->db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Everything a user sees of the occurrences, as one string. */
static char *
dump (Office *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2027, 6, 1, 0, 0, 0);
  g_autoptr(GListModel) list = quorum_store_list_occurrences (o->store, from, to, NULL, &error);
  g_autoptr(GListModel) people = quorum_store_list_people (o->store, TRUE, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (list, i);
      g_autofree char *start = g_date_time_format_iso8601 (quorum_occurrence_get_start (occurrence));

      g_string_append_printf (out, "%s %s %s %d %u %u\n", quorum_occurrence_get_uid (occurrence),
                              start, quorum_occurrence_get_title (occurrence),
                              quorum_occurrence_get_status (occurrence),
                              quorum_occurrence_get_n_recorded (occurrence),
                              quorum_occurrence_get_n_attended (occurrence));
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      g_string_append_printf (out, "%s %s\n", quorum_person_get_name (person),
                              quorum_person_get_title (person));
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          query_int (o, "SELECT count (*) FROM attendance"),
                          query_int (o, "SELECT count (*) FROM record"),
                          query_int (o, "SELECT count (*) FROM leave"));
  return g_string_free (out, FALSE);
}

static char *
first_person_name (Office *o)
{
  g_autoptr(GListModel) people = quorum_store_list_people (o->store, TRUE, NULL);
  g_autoptr(QuorumPerson) person = g_list_model_get_item (people, 0);

  return g_strdup (quorum_person_get_name (person));
}

static void
test_demo_deterministic (void)
{
  g_autoptr(Office) a = office_new (7);
  g_autoptr(Office) b = office_new (7);
  g_autoptr(Office) c = office_new (8);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);
  g_autofree char *name_a = first_person_name (a);
  g_autofree char *name_c = first_person_name (c);

  g_assert_cmpuint (strlen (dump_a), >, 10000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
  g_assert_cmpstr (name_a, !=, name_c);
}

/* Every duty of the rulebook is served by a series, a record, a relation
 * (units linked, towns assigned) or the leave requests. */
static void
test_demo_covers_rulebook (void)
{
  g_autoptr(Office) o = office_new (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_default (&error);
  g_autoptr(GHashTable) served = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) series = quorum_store_list_series (o->store, &error);
  g_autoptr(GPtrArray) records = quorum_store_list_records (o->store, 0, NULL, NULL, NULL, &error);
  GListModel *duties;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(QuorumSeries) s = g_list_model_get_item (series, i);

      g_hash_table_add (served, g_strdup (quorum_series_get_duty_id (s)));
    }
  for (guint i = 0; i < records->len; i++)
    {
      QuorumRecord *record = g_ptr_array_index (records, i);

      g_assert_nonnull (record->duty_id);
      g_assert_cmpstr (record->kind, ==,
                       quorum_duty_get_record (quorum_rulebook_lookup (rulebook, record->duty_id)));
      g_hash_table_add (served, g_strdup (record->duty_id));
    }
  if (query_int (o, "SELECT count (*) FROM relation r JOIN person p ON p.id = r.person_id"
                    " WHERE r.kind = 'linked-enterprise' AND p.title LIKE '%市长%'") >= 2)
    g_hash_table_add (served, g_strdup ("enterprise-link"));
  if (query_int (o, "SELECT count (*) FROM relation r JOIN person p ON p.id = r.person_id"
                    " WHERE r.kind = 'linked-enterprise' AND p.title LIKE '%局长'") >= 2)
    g_hash_table_add (served, g_strdup ("dept-head-enterprise-link"));
  if (query_int (o, "SELECT count (*) FROM relation WHERE kind = 'assigned-town'") > 0)
    g_hash_table_add (served, g_strdup ("town-assignment"));
  if (query_int (o, "SELECT count (*) FROM leave") > 0)
    g_hash_table_add (served, g_strdup ("leave-notice"));

  duties = quorum_rulebook_get_duties (rulebook);
  g_assert_cmpuint (g_list_model_get_n_items (duties), ==, 46);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      const char *ratio_of = quorum_duty_get_ratio_of (duty);

      /* A share (四不两直) is served by the records of the duty it is a share of. */
      if (ratio_of != NULL && g_hash_table_contains (served, ratio_of) &&
          query_int (o, "SELECT count (*) FROM record WHERE unannounced = 1") > 0)
        continue;
      if (!g_hash_table_contains (served, quorum_duty_get_id (duty)))
        g_error ("No series, record, relation or leave serves duty %s",
                 quorum_duty_get_id (duty));
    }
}

static void
test_demo_history (void)
{
  g_autoptr(Office) o = office_new (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owed = quorum_store_list_owed_makeups (o->store, 0, &error);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) today = g_date_time_new (tz, 2026, 11, 15, 17, 30, 0);
  g_autofree char *after_today = g_strdup_printf ("SELECT count (*) FROM attendance a"
                                                  " JOIN occurrence o ON o.id = a.occurrence_id"
                                                  " WHERE o.start_unix > %" G_GINT64_FORMAT,
                                                  g_date_time_to_unix (today));
  g_autofree char *future = g_strdup_printf ("SELECT count (*) FROM occurrence"
                                             " WHERE status = 'scheduled' AND start_unix > %"
                                             G_GINT64_FORMAT, g_date_time_to_unix (today));

  g_assert_no_error (error);

  /* Posts change: a vice mayor leaves, a successor arrives, portfolios move in May. */
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM person WHERE retired_on = '2026-07-15'"),
                   ==, 1);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM relation WHERE kind = 'in-charge'"
                                 " AND end_date = '2026-04-30'"), >=, 1);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM relation WHERE kind = 'in-charge'"
                                 " AND start_date = '2026-05-01'"), >=, 1);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM relation WHERE start_date = '2026-07-20'"),
                   >, 3);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM series WHERE split_from IS NOT NULL"),
                   >=, 1);

  /* Attendance for the past only; the future is scheduled. */
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM attendance"), >, 500);
  g_assert_cmpint (query_int (o, after_today), ==, 0);
  g_assert_cmpint (query_int (o, future), >, 100);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM attendance WHERE status = 'excused'"
                                 " AND excuse_kind = 'official-business'"), >, 0);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM attendance WHERE key_speaker = 1"), >, 0);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM occurrence WHERE status = 'not-held'"),
                   >, 0);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM occurrence WHERE status = 'cancelled'"),
                   ==, 1);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM occurrence WHERE minutes_signed_on"
                                 " IS NOT NULL"), >, 10);

  /* Make-ups: some done, some still owed. */
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM makeup"), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (owed), >, 0);

  /* Leave, one of them an emergency, and attendance excused by it. */
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM leave"), >, 3);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM leave WHERE emergency = 1"), >=, 1);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM leave WHERE emergency = 0 AND"
                                 " julianday (start_date) - julianday (substr (filed_at, 1, 10))"
                                 " < 3"), ==, 0);

  /* Research days: most leaders reach 60 days a year, one does not. */
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM record WHERE kind = 'research-day'"
                                 " AND unannounced = 1"), >, 0);

  /* One audit row for the whole load. */
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM audit"), ==, 1);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM audit WHERE action = 'demo'"), ==, 1);
}

static void
test_demo_refuses_non_empty (void)
{
  g_autoptr(Office) o = office_new (1);
  g_autoptr(GError) error = NULL;
  QuorumDemoOptions options = { 15, 1, 2, NULL };
  gint64 people = query_int (o, "SELECT count (*) FROM person");

  g_assert_false (quorum_demo_generate (o->store, &options, NULL, NULL, &error));
  g_assert_error (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (o, "SELECT count (*) FROM person"), ==, people);

  g_clear_error (&error);
  options.people = 3;
  g_assert_false (quorum_demo_generate (o->store, &options, NULL, NULL, &error));
  g_assert_error (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_INVALID);
}

/* Daily sessions add duty-less series every working day, each with a
 * roll of ten for every past session; the policy's series are unchanged. */
static void
test_demo_daily_sessions (void)
{
  g_autoptr(Office) plain = office_new (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "busy.db", NULL);
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(QuorumStore) store = quorum_store_new (db);
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_NOVEMBER, 2026);
  QuorumDemoOptions options = { 15, 1, 3, today, 3 };
  Office busy = { NULL, NULL, db, store };
  gint64 held_days, rolls;

  g_assert_true (quorum_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (&busy, "SELECT count (*) FROM series WHERE duty_id IS NULL"), ==, 3);
  g_assert_cmpint (query_int (&busy, "SELECT count (*) FROM series WHERE duty_id IS NOT NULL"),
                   ==, query_int (plain, "SELECT count (*) FROM series"));
  /* Every past working day (about 250 a year) has each session... */
  held_days = query_int (&busy, "SELECT count (DISTINCT substr (o.start_at, 1, 10))"
                                "  FROM occurrence o JOIN series s ON s.id = o.series_id"
                                " WHERE s.duty_id IS NULL AND o.start_at < '2026-11-15'");
  g_assert_cmpint (held_days, >, 230);
  g_assert_cmpint (held_days, <, 260);
  g_assert_cmpint (query_int (&busy, "SELECT count (*) FROM occurrence o"
                                     "  JOIN series s ON s.id = o.series_id"
                                     " WHERE s.duty_id IS NULL AND o.start_at < '2026-11-15'"),
                   ==, 3 * held_days);
  /* ... never on a weekend, and a roll of ten for each past one (fewer for
   * the odd session not held, or a member not yet or no longer in office). */
  g_assert_cmpint (query_int (&busy, "SELECT count (*) FROM occurrence o"
                                     "  JOIN series s ON s.id = o.series_id"
                                     " WHERE s.duty_id IS NULL"
                                     "   AND strftime ('%w', substr (o.start_at, 1, 10))"
                                     "       IN ('0', '6')"), ==, 0);
  rolls = query_int (&busy, "SELECT count (*) FROM attendance a"
                            "  JOIN occurrence o ON o.id = a.occurrence_id"
                            "  JOIN series s ON s.id = o.series_id WHERE s.duty_id IS NULL");
  g_assert_cmpint (rolls, <=, 10 * 3 * held_days);
  g_assert_cmpint (rolls, >, 9 * 3 * held_days);

  options.daily_sessions = QUORUM_DEMO_MAX_DAILY_SESSIONS + 1;
  g_clear_object (&store);
  g_clear_object (&db);
  g_unlink (path);
  db = quorum_database_open (path, &error);
  store = quorum_store_new (db);
  g_assert_false (quorum_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_error (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_INVALID);

  g_clear_object (&store);
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
}

static void
progress_cb (double      fraction,
             const char *message,
             gpointer    user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_nonnull (message);
  *last = fraction;
}

static void
test_demo_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(QuorumStore) store = quorum_store_new (db);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  QuorumDemoOptions options = { 12, 1, 5, today };
  double last = 0;

  g_assert_true (quorum_demo_generate (store, &options, progress_cb, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_false (quorum_store_in_bulk (store));

  g_clear_object (&store);
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
}

static int
run_cli (const char  *db,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("QUORUM_CLI");
  va_list ap;
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *)cli);
  g_ptr_array_add (args, (char *)"--db");
  g_ptr_array_add (args, (char *)db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (err != NULL && err[0] != '\0')
    g_test_message ("%s failed", first);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_demo_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-demo-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *summary = NULL;
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  g_autofree char *usage = NULL;

  g_assert_cmpint (run_cli (a, &summary, "demo", "--people", "15", "--years", "1", "--seed", "4",
                            "--today", "2026-11-15", NULL), ==, 0);
  g_assert_nonnull (strstr (summary, "occurrences"));
  g_assert_cmpint (run_cli (b, NULL, "demo", "--people", "15", "--years", "1", "--seed", "4",
                            "--today", "2026-11-15", NULL), ==, 0);
  g_assert_cmpint (run_cli (a, &json_a, "occurrences", "--from", "2026-10-01", "--to",
                            "2026-12-31", "--json", NULL), ==, 0);
  g_assert_cmpint (run_cli (b, &json_b, "occurrences", "--from", "2026-10-01", "--to",
                            "2026-12-31", "--json", NULL), ==, 0);
  g_assert_cmpuint (strlen (json_a), >, 100);
  g_assert_cmpstr (json_a, ==, json_b);

  /* A database that holds data is refused; a bad size is a usage error. */
  g_assert_cmpint (run_cli (a, NULL, "demo", NULL), ==, 1);
  g_assert_cmpint (run_cli (a, &usage, "demo", "--people", "many", NULL), ==, 2);
  g_assert_cmpint (run_cli (b, NULL, "demo", "--daily-sessions", "201", NULL), ==, 2);

  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

/* The occurrence rows as materialised, one line each. */
static char *
dump_rows (Office *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    _quorum_database_prepare (o->db,
                              "SELECT series_id, recurrence_id, start_at, end_at, start_unix,"
                              " end_unix, holiday_shifted FROM occurrence"
                              " ORDER BY series_id, recurrence_id",
                              &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %s %s %s %lld %lld %d\n",
                            (long long)sqlite3_column_int64 (stmt, 0),
                            (const char *)sqlite3_column_text (stmt, 1),
                            (const char *)sqlite3_column_text (stmt, 2),
                            (const char *)sqlite3_column_text (stmt, 3),
                            (long long)sqlite3_column_int64 (stmt, 4),
                            (long long)sqlite3_column_int64 (stmt, 5),
                            sqlite3_column_int (stmt, 6));
  return g_string_free (out, FALSE);
}

static char *
export_checksum (Office            *o,
                 QuorumExportShape  shape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2025, 6, 1, 0, 0, 0);
  QuorumExportScope scope = { .from = shape == QUORUM_EXPORT_FEED ? from : NULL };
  gsize len = 0;
  g_autofree char *text = quorum_store_export_ics (o->store, &scope, shape, NULL, &len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpuint (len, ==, strlen (text));
  g_assert_cmpuint (len, >, 100000);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, len);
}

/* The stored rows and both exports of a demo office, byte for byte as
 * written before the export and the materialisation were made faster. */
static void
test_demo_golden (void)
{
  g_autoptr(Office) o = office_new (1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 15, 17, 30, 0);
  g_autofree char *rows = dump_rows (o);
  g_autofree char *rows_sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, rows, -1);
  g_autofree char *feed_sum = NULL;
  g_autofree char *full_sum = NULL;

  quorum_store_set_now (o->store, now);
  feed_sum = export_checksum (o, QUORUM_EXPORT_FEED);
  full_sum = export_checksum (o, QUORUM_EXPORT_FULL);
  g_test_message ("rows %s feed %s full %s", rows_sum, feed_sum, full_sum);
  g_assert_cmpstr (rows_sum, ==, "78e2acdf41c226c977a02bb51278bce221844750b13f4948d96c32bfcdd3bcc7");
  g_assert_cmpstr (feed_sum, ==, "224aea902650e82dbb28403827f4516674c574d7779956207ec17b3fe4391738");
  g_assert_cmpstr (full_sum, ==, "5175906c7f316f7b5b9af2b069abfb6e7f55505695419d3f5b3211aec90ed61b");
}

/* Materialising every series of an office again, from scratch, gives the
 * rows the slower code wrote. */
static void
test_demo_rematerialize (void)
{
  g_autoptr(Office) o = office_new (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *horizon = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after_sum = NULL;

  stmt = _quorum_database_prepare (o->db, "SELECT value FROM meta WHERE key = 'horizon'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  horizon = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, _quorum_statement_release);
  until = g_date_time_new_from_iso8601 (horizon, NULL);

  g_assert_true (_quorum_database_exec (o->db,
                                        "PRAGMA foreign_keys = OFF;"
                                        "DELETE FROM attendance; DELETE FROM makeup;"
                                        "DELETE FROM occurrence;"
                                        "DELETE FROM meta WHERE key = 'horizon';"
                                        "PRAGMA foreign_keys = ON;",
                                        &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_materialize (o->store, until, &error));
  g_assert_no_error (error);
  after = dump_rows (o);

  /* As the slower code, series by series, wrote them. */
  g_assert_cmpuint (strlen (after), >, 10000);
  after_sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, after, -1);
  g_test_message ("rematerialised %s", after_sum);
  g_assert_cmpstr (after_sum, ==, "a36f301f9f9e9f5eb1d5fd6336de41d93d61ebd1f73a3bfd6f3993d2bd3673f4");
}

/* Materialising again fills only the gaps: rows that exist are kept (a
 * batch of rows whose statement skips some of them counts only those it
 * wrote), and the audit trail names how many were new. */
static void
test_demo_rematerialize_gaps (void)
{
  g_autoptr(Office) o = office_new (4);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *before = dump_rows (o);
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *want = NULL;
  gint64 series_id;
  gint64 n_before;
  int n_deleted;

  stmt = _quorum_database_prepare (o->db,
                                   "SELECT series_id, count (*) FROM occurrence"
                                   " GROUP BY series_id ORDER BY count (*) DESC, series_id",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  series_id = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), >, 100);
  g_clear_pointer (&stmt, _quorum_statement_release);

  /* Up to the last row there is (the demo writes rows past its horizon). */
  stmt = _quorum_database_prepare (o->db, "SELECT max (start_unix) + 1 FROM occurrence", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  until = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
  g_clear_pointer (&stmt, _quorum_statement_release);

  stmt = _quorum_database_prepare (o->db, "SELECT count (*) FROM audit WHERE action = 'materialize'",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_before = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _quorum_statement_release);

  /* Every third row of the busiest series goes (of those not moved by
   * hand, which the rule would not give back), with what hangs on it. */
  sql = g_strdup_printf ("PRAGMA foreign_keys = OFF;"
                         "CREATE TEMP TABLE gone AS SELECT id FROM occurrence"
                         " WHERE series_id = %lld AND id %% 3 = 0 AND moved = 0;"
                         "DELETE FROM attendance WHERE occurrence_id IN (SELECT id FROM gone);"
                         "DELETE FROM makeup WHERE occurrence_id IN (SELECT id FROM gone);"
                         "DELETE FROM occurrence WHERE id IN (SELECT id FROM gone);"
                         "DELETE FROM meta WHERE key = 'horizon';"
                         "PRAGMA foreign_keys = ON;",
                         (long long)series_id);
  g_assert_true (_quorum_database_exec (o->db, sql, &error));
  g_assert_no_error (error);
  stmt = _quorum_database_prepare (o->db, "SELECT count (*) FROM temp.gone", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_deleted = sqlite3_column_int (stmt, 0);
  g_assert_cmpint (n_deleted, >, 10);
  g_clear_pointer (&stmt, _quorum_statement_release);

  g_assert_true (quorum_store_materialize (o->store, until, &error));
  g_assert_no_error (error);
  after = dump_rows (o);
  g_assert_true (strcmp (after, before) == 0);

  /* One new audit row: this series', with the rows that were missing. */
  stmt = _quorum_database_prepare (o->db,
                                   "SELECT entity_id, after_json FROM audit"
                                   " WHERE action = 'materialize' ORDER BY id",
                                   &error);
  g_assert_no_error (error);
  for (gint64 i = 0; i < n_before; i++)
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, series_id);
  want = g_strdup_printf ("\"inserted\":%d}", n_deleted);
  g_assert_true (g_str_has_suffix ((const char *)sqlite3_column_text (stmt, 1), want));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* What an ATTENDEE's PARTSTAT says of a recorded status. */
static const char *
partstat_letter (const char *status)
{
  if (g_strcmp0 (status, "present") == 0 || g_strcmp0 (status, "late") == 0)
    return "A";
  if (g_strcmp0 (status, "excused") == 0 || g_strcmp0 (status, "absent") == 0)
    return "D";
  return "N";
}

/* The rosters of the feed, worked out per series in C, are those the SQL
 * of QUORUM_STORE_EXPECTED_CTE gives every occurrence (members from their
 * start to their end day, people until they retire, the owner), in rank
 * order with what was recorded; and a person's feed has exactly the
 * occurrences that person is expected at. */
static void
test_demo_feed_rosters (void)
{
  g_autoptr(Office) o = office_new (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 15, 17, 30, 0);
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2025, 6, 1, 0, 0, 0);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          string_free);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) person_events = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  QuorumExportScope scope = { .from = from };
  g_autofree char *retire = NULL;
  gint64 person_id = 0;
  guint n_with_person = 0;
  guint n_checked = 0;

  /* The person expected most often retires, and a membership of every
   * unit ends, within the feed's range. */
  stmt = _quorum_database_prepare (o->db,
                                   "SELECT person_id FROM relation WHERE kind = 'member'"
                                   " GROUP BY person_id ORDER BY count (*) DESC, person_id",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  person_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _quorum_statement_release);
  retire = g_strdup_printf ("UPDATE person SET retired_on = '2026-01-15' WHERE id = %lld;",
                            (long long)person_id);
  g_assert_true (_quorum_database_exec (o->db, retire, &error));
  g_assert_no_error (error);
  g_assert_true (_quorum_database_exec (o->db,
                                        "UPDATE relation SET end_date = '2025-12-31'"
                                        " WHERE id IN (SELECT min (id) FROM relation"
                                        "   WHERE kind = 'member' AND start_date <= '2025-12-31'"
                                        "   GROUP BY unit_id);",
                                        &error));
  g_assert_no_error (error);
  quorum_store_set_now (o->store, now);

  events = quorum_store_export_events (o->store, &scope, QUORUM_EXPORT_FEED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 100);

  stmt = _quorum_database_prepare (o->db,
                                   "WITH occ (id, series_id, day) AS ("
                                   "  SELECT o.id, o.series_id, substr (o.start_at, 1, 10)"
                                   "    FROM occurrence o JOIN series s ON s.id = o.series_id"
                                   "   WHERE s.deleted = 0), "
                                   QUORUM_STORE_EXPECTED_CTE
                                   " SELECT s.uid || '-' || replace (replace (o.recurrence_id,"
                                   "          '-', ''), ':', ''), p.id, a.status"
                                   "   FROM expected e JOIN occurrence o ON o.id = e.oid"
                                   "   JOIN series s ON s.id = o.series_id"
                                   "   JOIN person p ON p.id = e.pid"
                                   "   LEFT JOIN attendance a"
                                   "     ON a.occurrence_id = e.oid AND a.person_id = e.pid"
                                   " ORDER BY e.oid, p.rank, p.id",
                                   &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);
      GString *list = g_hash_table_lookup (expected, key);

      if (list == NULL)
        {
          list = g_string_new (NULL);
          g_hash_table_insert (expected, g_strdup (key), list);
        }
      g_string_append_printf (list, "urn:x-quorum:person:%lld=%s;",
                              (long long)sqlite3_column_int64 (stmt, 1),
                              partstat_letter ((const char *)sqlite3_column_text (stmt, 2)));
    }

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);
      GString *want = g_hash_table_lookup (expected, ev->uid);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint a = 0; a < ev->attendees->len; a++)
        {
          QuorumIcsAttendee *attendee = &g_array_index (ev->attendees, QuorumIcsAttendee, a);
          static const char * const letters[] = { "N", "A", "D", "T" };

          g_string_append_printf (got, "%s=%s;", attendee->uri, letters[attendee->partstat]);
        }
      g_assert_cmpstr (got->str, ==, want != NULL ? want->str : "");
      if (ev->attendees->len > 0)
        n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 100);

  /* The person who retired: expected at some occurrences, not at others. */
  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);
      g_autofree char *uri = g_strdup_printf ("urn:x-quorum:person:%lld;", (long long)person_id);
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint a = 0; a < ev->attendees->len; a++)
        g_string_append_printf (all, "%s;",
                                g_array_index (ev->attendees, QuorumIcsAttendee, a).uri);
      if (strstr (all->str, uri) != NULL)
        n_with_person++;
    }
  scope.person_id = person_id;
  person_events = quorum_store_export_events (o->store, &scope, QUORUM_EXPORT_FEED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_with_person, >, 0);
  g_assert_cmpuint (n_with_person, <, events->len);
  g_assert_cmpuint (person_events->len, ==, n_with_person);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/core/demo/covers-rulebook", test_demo_covers_rulebook);
  g_test_add_func ("/core/demo/history", test_demo_history);
  g_test_add_func ("/core/demo/refuses-non-empty", test_demo_refuses_non_empty);
  g_test_add_func ("/core/demo/daily-sessions", test_demo_daily_sessions);
  g_test_add_func ("/core/demo/progress", test_demo_progress);
  g_test_add_func ("/core/demo/cli", test_demo_cli);
  g_test_add_func ("/core/demo/golden", test_demo_golden);
  g_test_add_func ("/core/demo/rematerialize", test_demo_rematerialize);
  g_test_add_func ("/core/demo/rematerialize-gaps", test_demo_rematerialize_gaps);
  g_test_add_func ("/core/demo/feed-rosters", test_demo_feed_rosters);

  return g_test_run ();
}
