/* bench-rollcall.c: figure 7, one roll-call mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-rollcall BIG.db
 *
 * In a copy of the big office, times 200 calls of
 * quorum_store_set_attendance() on the roll calls of the latest sessions,
 * each a status change committed durably (synchronous = FULL), the way the
 * roll-call window records a tap. Prints the median and the slowest call.
 */

#include "config.h"

#include <stdio.h>

#include "bench-utils.h"
#include "quorum-store.h"

#define N_MARKS 200

typedef struct
{
  gint64 occurrence_id;
  gint64 person_id;
} Seat;

/* Seats of held sessions of the last months, latest first. */
static GArray *
pick_seats (QuorumStore *store)
{
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (Seat));
  g_autoptr(GDateTime) now = quorum_store_dup_now (store);
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -365);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  if (!(occurrences = quorum_store_list_occurrences (store, from, now, NULL, &error)))
    bench_die ("list occurrences", error);

  for (guint i = g_list_model_get_n_items (occurrences); i > 0 && seats->len < N_MARKS; i--)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (occurrences, i - 1);
      g_autoptr(GListModel) roll = NULL;

      if (quorum_occurrence_get_status (o) != QUORUM_OCCURRENCE_HELD)
        continue;
      if (!(roll = quorum_store_list_attendance (store, quorum_occurrence_get_id (o), &error)))
        bench_die ("list attendance", error);
      for (guint j = 0; j < g_list_model_get_n_items (roll) && seats->len < N_MARKS; j++)
        {
          g_autoptr(QuorumAttendance) a = g_list_model_get_item (roll, j);
          Seat seat = { quorum_occurrence_get_id (o), quorum_attendance_get_person_id (a) };

          g_array_append_val (seats, seat);
        }
    }

  return g_steal_pointer (&seats);
}

/* Times N_MARKS marks on a copy of @source in @dir (NULL: the temporary
 * folder) and reports them under @metric. */
static void
time_marks (const char *source,
            const char *dir,
            const char *metric)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(QuorumDatabase) database = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GArray) seats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *max_metric = g_strconcat (metric, ".max", NULL);

  if (!(copy = bench_copy_file_in (source, dir, "rollcall.db", &error)) ||
      !(database = quorum_database_open (copy, &error)))
    bench_die ("open", error);
  store = quorum_store_new (database);
  seats = pick_seats (store);
  if (seats->len == 0)
    bench_die ("no held session with a roll call", NULL);

  for (guint i = 0; i < N_MARKS; i++)
    {
      Seat *seat = &g_array_index (seats, Seat, i % seats->len);
      /* Alternate, so that every call changes what is stored. */
      QuorumAttendanceStatus status = (i / seats->len) % 2 == 0 ? QUORUM_ATTENDANCE_LATE
                                                                  : QUORUM_ATTENDANCE_PRESENT;
      double start = bench_now_ms ();

      if (!quorum_store_set_attendance (store, seat->occurrence_id, seat->person_id, status,
                                        NULL, QUORUM_EXCUSE_NONE, FALSE, "bench", &error))
        bench_die ("set attendance", error);
      g_array_append_vals (times, &(double) { bench_now_ms () - start }, 1);
    }

  bench_report (metric, bench_median (times), "ms");
  bench_report (max_metric, bench_max (times), "ms");
  g_clear_object (&store);
  g_clear_object (&database);
  bench_remove_copy (copy);
}

int
main (int   argc,
      char *argv[])
{
  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s BIG.db\n", argv[0]);
      return 2;
    }

  /* On disk, as the figure asks; then in memory (tmpfs), where the same
   * commits cost no fsync: the difference is the disk's, not Quorum's. */
  time_marks (argv[1], NULL, "rollcall");
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    time_marks (argv[1], "/dev/shm", "rollcall.tmpfs");
  return 0;
}
