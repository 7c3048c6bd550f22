/* crash-writer.c: writes attendance to a database until it is killed.
 *
 *   crash-writer open DATABASE
 *     opens (creating, migrating) the database and exits
 *   crash-writer init DATABASE
 *     creates the people and the occurrences (see crash-writer.h) and prints
 *     "ready"
 *   crash-writer loop DATABASE SEED
 *     writes the sequence crash_writer_next() makes from SEED, one committed
 *     transaction per write, forever; after each commit it prints
 *     "committed <occurrence> <person> <status>" (indexes and the status nick)
 *   crash-writer count DATABASE SEED N ACTOR
 *     the same, N writes recorded by ACTOR, then exits 0
 *
 * Any error goes to stderr with exit status 1. test-crash kills the loop with
 * SIGKILL at random moments; test-two-writers runs two counts at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crash-writer.h"

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "crash-writer: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static GDateTime *
local_time (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return g_date_time_new_from_iso8601 (iso, tz);
}

static QuorumStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(GDateTime) now = local_time ("2026-06-01T12:00:00");
  QuorumStore *store;

  if (db == NULL)
    die ("open", error);
  store = quorum_store_new (db);
  /* Every occurrence lies before "now", so any status can be recorded. */
  quorum_store_set_now (store, now);
  return store;
}

static void
init (const char *path)
{
  g_autoptr(QuorumStore) store = open_store (path);
  g_autoptr(QuorumUnit) unit = quorum_unit_new ("市政府党组", "party-group");
  g_autoptr(GDateTime) start = local_time ("2026-01-05T09:00:00");
  g_autoptr(QuorumSeries) series = quorum_series_new ("理论学习", start);
  g_autoptr(GDate) since = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GError) error = NULL;
  g_autofree char *rrule = g_strdup_printf ("FREQ=WEEKLY;COUNT=%d", CRASH_WRITER_N_OCCURRENCES);
  gint64 unit_id;

  if ((unit_id = quorum_store_add_unit (store, unit, &error)) == 0)
    die ("add unit", error);

  for (guint i = 0; i < CRASH_WRITER_N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("委员%u", i + 1);
      g_autoptr(QuorumPerson) person = quorum_person_new (name, "党组成员", 10 * (i + 1));
      gint64 person_id;

      if ((person_id = quorum_store_add_person (store, person, &error)) == 0 ||
          quorum_store_add_relation (store, person_id, unit_id, "member", since, NULL,
                                     &error) == 0)
        die ("add person", error);
    }

  quorum_series_set_rrule (series, rrule);
  quorum_series_add_participant_unit (series, unit_id);
  if (quorum_store_add_series (store, series, &error) == 0)
    die ("add series", error);

  printf ("ready\n");
}

/* The ids behind the indexes of crash-writer.h, in a fixed order. */
static void
look_up_ids (QuorumStore *store,
             gint64       occurrences[CRASH_WRITER_N_OCCURRENCES],
             gint64       people[CRASH_WRITER_N_PEOPLE])
{
  g_autoptr(GDateTime) from = local_time ("2026-01-01T00:00:00");
  g_autoptr(GDateTime) to = local_time ("2026-06-01T00:00:00");
  g_autoptr(GListModel) occurrence_list = NULL;
  g_autoptr(GListModel) people_list = NULL;
  g_autoptr(GError) error = NULL;

  if (!(occurrence_list = quorum_store_list_occurrences (store, from, to, NULL, &error)) ||
      !(people_list = quorum_store_list_people (store, FALSE, &error)))
    die ("list", error);
  if (g_list_model_get_n_items (occurrence_list) != CRASH_WRITER_N_OCCURRENCES ||
      g_list_model_get_n_items (people_list) != CRASH_WRITER_N_PEOPLE)
    die ("the database was not made by “crash-writer init”", NULL);

  for (guint i = 0; i < CRASH_WRITER_N_OCCURRENCES; i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (occurrence_list, i);

      occurrences[i] = quorum_occurrence_get_id (o);
    }
  for (guint i = 0; i < CRASH_WRITER_N_PEOPLE; i++)
    {
      g_autoptr(QuorumPerson) p = g_list_model_get_item (people_list, i);

      people[i] = quorum_person_get_id (p);
    }
}

/* With QUORUM_WRITER_GATE set, say "ready" (a file named after the gate and
 * @actor) and wait until the gate file exists, so that writers started one
 * after the other really write at the same time. */
static void
wait_at_gate (const char *actor)
{
  const char *gate = g_getenv ("QUORUM_WRITER_GATE");
  g_autofree char *ready = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (gate == NULL || actor == NULL)
    return;

  ready = g_strdup_printf ("%s.%s", gate, actor);
  if (!g_file_set_contents (ready, "", 0, NULL))
    die ("mark ready", NULL);
  while (!g_file_test (gate, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (500);
}

/* Half-way, with a gate: say so ("<gate>.<actor>.half") and wait until
 * another writer has said so too. Whatever the scheduler does, this
 * writer's second half then comes after the other's first half, so the
 * writes interleave at least once. */
static void
meet_half_way (const char *actor)
{
  const char *gate = g_getenv ("QUORUM_WRITER_GATE");
  g_autofree char *dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *mine = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (gate == NULL || actor == NULL)
    return;

  dir = g_path_get_dirname (gate);
  prefix = g_path_get_basename (gate);
  mine = g_strdup_printf ("%s.%s.half", prefix, actor);
  {
    g_autofree char *path = g_build_filename (dir, mine, NULL);

    if (!g_file_set_contents (path, "", 0, NULL))
      die ("mark half-way", NULL);
  }
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".half") &&
            strcmp (name, mine) != 0)
          return;
      g_usleep (500);
    }
}

static void
write_sequence (const char *path,
                guint32     seed,
                guint64     n_writes,
                const char *actor)
{
  g_autoptr(QuorumStore) store = open_store (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 occurrences[CRASH_WRITER_N_OCCURRENCES];
  gint64 people[CRASH_WRITER_N_PEOPLE];
  g_autoptr(GEnumClass) status_class = g_type_class_ref (QUORUM_TYPE_ATTENDANCE_STATUS);

  look_up_ids (store, occurrences, people);
  wait_at_gate (actor);

  for (guint64 i = 0; n_writes == 0 || i < n_writes; i++)
    {
      g_autoptr(GError) error = NULL;
      CrashWrite w;

      if (n_writes > 1 && i == n_writes / 2)
        meet_half_way (actor);
      crash_writer_next (rand, &w);
      if (!quorum_store_set_attendance (store, occurrences[w.occurrence], people[w.person],
                                        w.status,
                                        w.status == QUORUM_ATTENDANCE_EXCUSED ? "出差" : NULL,
                                        QUORUM_EXCUSE_NONE, FALSE, actor, &error))
        die ("set attendance", error);

      printf ("committed %u %u %s\n", w.occurrence, w.person,
              g_enum_get_value (status_class, w.status)->value_nick);
      fflush (stdout);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "init"))
    init (argv[2]);
  else if (argc == 3 && g_str_equal (argv[1], "open"))
    g_object_unref (open_store (argv[2]));
  else if (argc == 4 && g_str_equal (argv[1], "loop"))
    write_sequence (argv[2], strtoul (argv[3], NULL, 10), 0, NULL);
  else if (argc == 6 && g_str_equal (argv[1], "count"))
    write_sequence (argv[2], strtoul (argv[3], NULL, 10), strtoull (argv[4], NULL, 10), argv[5]);
  else
    {
      fprintf (stderr, "Usage: crash-writer open DB | init DB | loop DB SEED | count DB SEED N ACTOR\n");
      return 2;
    }

  return 0;
}
