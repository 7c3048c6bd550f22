/* bench-materialize.c: figure 4, materialising occurrences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-materialize BIG.db
 *
 * In a copy of the big office, drops every occurrence (and what hangs on
 * them) and times quorum_store_materialize() bringing back all series up to
 * the office's horizon: rule expansion, holiday shifts, the rows and their
 * commit. The baseline is libical's own recurrence iterator
 * (i_cal_recur_iterator_next) walking the same rules over the same range,
 * with nothing stored.
 */

#include "config.h"

#include <libical-glib/libical-glib.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-utils.h"
#include "quorum-store.h"

#define N_REPEATS 3

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalRecurrence, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalRecurIterator, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

typedef struct
{
  char      *rrule;
  char      *dtstart;
  GTimeZone *tz;
} Rule;

static void
rule_clear (gpointer data)
{
  Rule *rule = data;

  g_free (rule->rrule);
  g_free (rule->dtstart);
  g_clear_pointer (&rule->tz, g_time_zone_unref);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "%s: %s\n", sql, message);
      exit (1);
    }
}

/* The series' rules and the horizon, read before anything is dropped. */
static GArray *
read_rules (const char  *path,
            char       **out_horizon)
{
  GArray *rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_array_set_clear_func (rules, rule_clear);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    exit (1);
  sqlite3_prepare_v2 (db, "SELECT rrule, dtstart, tzid FROM series"
                          " WHERE deleted = 0 AND rrule IS NOT NULL", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Rule rule = {
        g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        g_time_zone_new_identifier ((const char *)sqlite3_column_text (stmt, 2)),
      };

      g_array_append_val (rules, rule);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'horizon'", -1, &stmt, NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fprintf (stderr, "%s has no horizon\n", path);
      exit (1);
    }
  *out_horizon = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rules;
}

/* Leaves the series and nothing generated from them. */
static void
drop_occurrences (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    exit (1);
  exec_or_die (db, "PRAGMA foreign_keys = OFF;"
                   "BEGIN;"
                   "DELETE FROM attendance; DELETE FROM makeup; DELETE FROM occurrence;"
                   "DELETE FROM meta WHERE key = 'horizon';"
                   "COMMIT;");
  sqlite3_close (db);
}

static guint
count_occurrences (const char *path)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  guint n;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM occurrence", -1, &stmt, NULL);
  sqlite3_step (stmt);
  n = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static double
time_store (const char *path,
            GDateTime  *until)
{
  g_autoptr(QuorumDatabase) database = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double start;
  double elapsed;

  drop_occurrences (path);
  if (!(database = quorum_database_open (path, &error)))
    bench_die ("open", error);
  store = quorum_store_new (database);

  start = bench_now_ms ();
  if (!quorum_store_materialize (store, until, &error))
    bench_die ("materialize", error);
  elapsed = bench_now_ms () - start;
  return elapsed;
}

static ICalTime *
floating_time (GDateTime *datetime)
{
  ICalTime *time = i_cal_time_new_null_time ();

  i_cal_time_set_date (time, g_date_time_get_year (datetime), g_date_time_get_month (datetime),
                       g_date_time_get_day_of_month (datetime));
  i_cal_time_set_time (time, g_date_time_get_hour (datetime), g_date_time_get_minute (datetime),
                       g_date_time_get_second (datetime));
  i_cal_time_set_is_date (time, FALSE);
  return time;
}

/* libical alone: parse each rule, walk it from its start to the horizon. */
static double
time_libical (GArray    *rules,
              GDateTime *until,
              guint     *out_count)
{
  double start = bench_now_ms ();
  guint count = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      Rule *rule = &g_array_index (rules, Rule, i);
      g_autoptr(GDateTime) dtstart = g_date_time_new_from_iso8601 (rule->dtstart, rule->tz);
      g_autoptr(GDateTime) local_until = g_date_time_to_timezone (until, rule->tz);
      g_autoptr(ICalRecurrence) recur = i_cal_recurrence_new_from_string (rule->rrule);
      g_autoptr(ICalTime) first = floating_time (dtstart);
      g_autoptr(ICalTime) last = floating_time (local_until);
      g_autoptr(ICalRecurIterator) iter = i_cal_recur_iterator_new (recur, first);

      for (;;)
        {
          g_autoptr(ICalTime) next = i_cal_recur_iterator_next (iter);

          if (next == NULL || i_cal_time_is_null_time (next) || i_cal_time_compare (next, last) >= 0)
            break;
          count++;
        }
    }

  *out_count = count;
  return bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rules = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *horizon = NULL;
  g_autofree char *copy = NULL;
  guint n_libical = 0;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s BIG.db\n", argv[0]);
      return 2;
    }

  rules = read_rules (argv[1], &horizon);
  until = g_date_time_new_from_iso8601 (horizon, NULL);
  if (!(copy = bench_copy_file (argv[1], "materialize.db", &error)))
    bench_die ("copy", error);

  for (guint i = 0; i < N_REPEATS; i++)
    {
      double ms = time_libical (rules, until, &n_libical);

      g_array_append_val (theirs, ms);
      ms = time_store (copy, until);
      g_array_append_val (ours, ms);
    }

  bench_report ("materialize", bench_median (ours), "ms");
  bench_report ("materialize.libical", bench_median (theirs), "ms");
  bench_report ("materialize.occurrences", count_occurrences (copy), "rows");
  bench_report ("materialize.libical-starts", n_libical, "starts");
  bench_remove_copy (copy);
  return 0;
}
