/* bench-ics.c: figure 5, iCalendar export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ics BIG.db [N-EVENTS]
 *
 * Export: quorum_store_export_ics() of the whole office's feed (one event
 * per occurrence, ten years back to the horizon), from the store to text.
 * Its baseline is libical serialising the same components: the exported
 * text is parsed by libical (not timed) and i_cal_component_as_ical_string()
 * is timed on that tree.
 *
 * Import: a generated file of 100 000 events is imported into an empty
 * database with quorum_store_import_file() (parse, check, write, in one
 * transaction). Its baseline is libical reading the same file into
 * components (g_file_get_contents() and i_cal_parser_parse_string()).
 */

#include "config.h"

#include <libical-glib/libical-glib.h>
#include <stdio.h>
#include <string.h>

#include "bench-utils.h"
#include "quorum-store-ics.h"

#define N_EXPORTS      3
#define N_IMPORT_EVENTS 100000

/* Fewer for profiling under valgrind. */
static guint n_import_events = N_IMPORT_EVENTS;

static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:Asia/Shanghai\r\n"
  "BEGIN:STANDARD\r\n"
  "DTSTART:19700101T000000\r\n"
  "TZOFFSETFROM:+0800\r\n"
  "TZOFFSETTO:+0800\r\n"
  "TZNAME:CST\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

static guint
count_events (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    n++;
  return n;
}

static void
bench_export (QuorumStore *store)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) now = quorum_store_dup_now (store);
  g_autoptr(GDateTime) from = g_date_time_add_years (now, -11);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumExportScope scope = { 0 };
  QuorumIcsExportOptions options = { 0 };
  ICalComponent *calendar;

  scope.from = from;
  options.now = now;
  options.calendar_name = "Quorum";

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      double start = bench_now_ms ();

      g_clear_pointer (&text, g_free);
      if (!(text = quorum_store_export_ics (store, &scope, QUORUM_EXPORT_FEED, &options, NULL,
                                            &error)))
        bench_die ("export", error);
      g_array_append_vals (ours, &(double) { bench_now_ms () - start }, 1);
    }

  calendar = i_cal_parser_parse_string (text);
  if (calendar == NULL)
    bench_die ("libical cannot read the export", NULL);
  for (guint i = 0; i < N_EXPORTS; i++)
    {
      double start = bench_now_ms ();
      g_autofree char *again = i_cal_component_as_ical_string (calendar);

      g_array_append_vals (theirs, &(double) { bench_now_ms () - start }, 1);
    }
  g_object_unref (calendar);

  bench_report ("export", bench_median (ours), "ms");
  bench_report ("export.libical", bench_median (theirs), "ms");
  bench_report ("export.events", count_events (text), "events");
  bench_report ("export.bytes", strlen (text), "bytes");
}

/* A year's worth of meetings of a large organisation, none recurring, as
 * another calendar program would write them. */
static void
write_import_file (const char *path)
{
  g_autoptr(GString) out = g_string_sized_new (n_import_events * 360);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2024, 1, 1, 1, 0, 0);

  g_string_append (out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum//bench//EN\r\n");
  g_string_append (out, vtimezone);
  for (guint i = 0; i < n_import_events; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_minutes (first, (i / 40) * 24 * 60 + (i % 8) * 60);
      g_autofree char *stamp = g_date_time_format (start, "%Y%m%dT%H%M%S");
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 45);
      g_autofree char *end_stamp = g_date_time_format (end, "%Y%m%dT%H%M%S");

      g_string_append_printf (out,
                              "BEGIN:VEVENT\r\n"
                              "UID:bench-%06u@example.org\r\n"
                              "DTSTAMP:20240101T000000Z\r\n"
                              "DTSTART;TZID=Asia/Shanghai:%s\r\n"
                              "DTEND;TZID=Asia/Shanghai:%s\r\n"
                              "SUMMARY:Meeting %u of the working group\r\n"
                              "LOCATION:Room %u\\, City Hall\r\n"
                              "DESCRIPTION:Agenda item %u\r\n"
                              "END:VEVENT\r\n",
                              i, stamp, end_stamp, i, i % 12 + 1, i);
    }
  g_string_append (out, "END:VCALENDAR\r\n");
  if (!g_file_set_contents (path, out->str, out->len, &error))
    bench_die ("write the import file", error);
}

static void
count_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static void
bench_import (const char *dir)
{
  g_autofree char *ics = g_build_filename (dir, "import.ics", NULL);
  g_autofree char *db_path = g_build_filename (dir, "import.db", NULL);
  g_autoptr(QuorumDatabase) database = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(QuorumImportReport) report = { 0 };
  g_autofree char *data = NULL;
  ICalComponent *calendar;
  guint progress_calls = 0;
  double start, ours, theirs;

  write_import_file (ics);

  start = bench_now_ms ();
  if (!g_file_get_contents (ics, &data, NULL, &error))
    bench_die ("read", error);
  calendar = i_cal_parser_parse_string (data);
  theirs = bench_now_ms () - start;
  if (calendar == NULL)
    bench_die ("libical cannot read the import file", NULL);
  g_object_unref (calendar);
  g_clear_pointer (&data, g_free);

  if (!(database = quorum_database_open (db_path, &error)))
    bench_die ("open", error);
  store = quorum_store_new (database);
  start = bench_now_ms ();
  if (!quorum_store_import_file (store, ics, &report, count_progress_cb, &progress_calls, &error))
    bench_die ("import", error);
  ours = bench_now_ms () - start;

  bench_report ("import", ours, "ms");
  bench_report ("import.libical", theirs, "ms");
  bench_report ("import.created", report.n_created, "series");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumDatabase) database = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *probe = NULL;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s BIG.db [N-EVENTS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    n_import_events = (guint)g_ascii_strtoull (argv[2], NULL, 10);

  if (!(database = quorum_database_open (argv[1], &error)))
    bench_die ("open", error);
  store = quorum_store_new (database);
  bench_export (store);
  g_clear_object (&store);
  g_clear_object (&database);

  if (!(dir = g_dir_make_tmp ("quorum-bench-XXXXXX", &error)))
    bench_die ("temporary folder", error);
  bench_import (dir);
  probe = g_build_filename (dir, "import.db", NULL);
  bench_remove_copy (probe);
  return 0;
}
