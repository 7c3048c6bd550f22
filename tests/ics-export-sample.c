/* ics-export-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a sample export (RRULE series with EXDATEs, RDATEs, moved and
 * cancelled occurrences, Chinese text, two zones) to ARGV[1], and the start
 * of every occurrence, in UTC, to ARGV[2]: "UID YYYYMMDDTHHMMSSZ" per line,
 * sorted. The expected starts come from libical's own recurrence iterator,
 * so tests/check-ics-python.py can compare them with an independent parser.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <libical-glib/libical-glib.h>

#include "quorum-ics.h"

static GDateTime *
at (const char *iso,
    const char *tzid)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

  return g_date_time_new_from_iso8601 (iso, tz);
}

static QuorumIcsEvent *
add_event (GPtrArray  *events,
           const char *uid,
           const char *summary,
           const char *start,
           const char *tzid,
           int         minutes)
{
  QuorumIcsEvent *ev = quorum_ics_event_new ();

  ev->uid = g_strdup (uid);
  ev->summary = g_strdup (summary);
  ev->tzid = g_strdup (tzid);
  ev->dtstart = at (start, tzid);
  ev->dtend = g_date_time_add_minutes (ev->dtstart, minutes);
  g_ptr_array_add (events, ev);
  return ev;
}

static char *
utc_string (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static gboolean
contains_time (GPtrArray *times,
               GDateTime *dt)
{
  for (guint i = 0; i < times->len; i++)
    if (g_date_time_equal (g_ptr_array_index (times, i), dt))
      return TRUE;
  return FALSE;
}

/* The occurrences of one master, expanded with libical in its wall time. */
static void
expand (QuorumIcsEvent *master,
        GPtrArray      *events,
        GPtrArray      *out)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (master->tzid);
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  ICalRecurrence *recur = i_cal_recurrence_new_from_string (master->rrule);
  ICalTime *dtstart = i_cal_time_new_null_time ();
  ICalRecurIterator *iter;
  ICalTime *next;

  i_cal_time_set_date (dtstart, g_date_time_get_year (master->dtstart),
                       g_date_time_get_month (master->dtstart),
                       g_date_time_get_day_of_month (master->dtstart));
  i_cal_time_set_time (dtstart, g_date_time_get_hour (master->dtstart),
                       g_date_time_get_minute (master->dtstart), 0);
  /* With its zone, libical compares a UTC UNTIL with the right instant. */
  i_cal_time_set_timezone (dtstart, i_cal_timezone_get_builtin_timezone (master->tzid));
  iter = i_cal_recur_iterator_new (recur, dtstart);

  for (next = i_cal_recur_iterator_next (iter); next != NULL && !i_cal_time_is_null_time (next);
       next = i_cal_recur_iterator_next (iter))
    {
      int y, mo, d, h, mi, s;

      i_cal_time_get_date (next, &y, &mo, &d);
      i_cal_time_get_time (next, &h, &mi, &s);
      g_ptr_array_add (starts, g_date_time_new (tz, y, mo, d, h, mi, s));
      g_object_unref (next);
    }
  g_clear_object (&next);

  for (guint i = 0; i < master->rdates->len; i++)
    g_ptr_array_add (starts, g_date_time_ref (g_ptr_array_index (master->rdates, i)));

  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = g_ptr_array_index (starts, i);
      QuorumIcsEvent *override = NULL;

      if (contains_time (master->exdates, start))
        continue;
      for (guint j = 0; j < events->len && override == NULL; j++)
        {
          QuorumIcsEvent *ev = g_ptr_array_index (events, j);

          if (ev->recurrence_id != NULL && g_strcmp0 (ev->uid, master->uid) == 0 &&
              g_date_time_equal (ev->recurrence_id, start))
            override = ev;
        }
      if (override != NULL && override->status == QUORUM_ICS_STATUS_CANCELLED)
        continue;

      {
        g_autofree char *when = utc_string (override != NULL ? override->dtstart : start);

        g_ptr_array_add (out, g_strdup_printf ("%s %s", master->uid, when));
      }
    }

  g_object_unref (iter);
  g_object_unref (dtstart);
  g_object_unref (recur);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  QuorumIcsExportOptions options = { 0 };
  QuorumIcsEvent *ev;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s EXPORT.ics EXPECTED.txt\n", argv[0]);
      return 2;
    }

  ev = add_event (events, "study@quorum", "党组理论学习中心组学习，每周三上午，请带笔记本", "2023-01-04T09:00:00",
                  "Asia/Shanghai", 150);
  ev->rrule = g_strdup ("FREQ=WEEKLY;COUNT=12;BYDAY=WE");
  g_ptr_array_add (ev->exdates, at ("2023-01-18T09:00:00", "Asia/Shanghai"));
  g_ptr_array_add (ev->exdates, at ("2023-02-22T09:00:00", "Asia/Shanghai"));
  ev->description = g_strdup ("议程：一、传达文件；二、交流发言, 三、小结\n地点：三楼");

  ev = add_event (events, "study@quorum", "学习（改到下午）", "2023-02-01T14:30:00", "Asia/Shanghai", 120);
  ev->recurrence_id = at ("2023-02-01T09:00:00", "Asia/Shanghai");
  ev = add_event (events, "study@quorum", "学习（取消）", "2023-03-08T09:00:00", "Asia/Shanghai", 150);
  ev->recurrence_id = at ("2023-03-08T09:00:00", "Asia/Shanghai");
  ev->status = QUORUM_ICS_STATUS_CANCELLED;

  ev = add_event (events, "branch@quorum", "支部委员会", "2023-01-15T15:00:00", "Asia/Shanghai", 90);
  ev->rrule = g_strdup ("FREQ=MONTHLY;UNTIL=20231215T070000Z;BYMONTHDAY=15");
  g_ptr_array_add (ev->exdates, at ("2023-10-15T15:00:00", "Asia/Shanghai"));
  g_ptr_array_add (ev->rdates, at ("2023-10-08T15:00:00", "Asia/Shanghai"));
  ev = add_event (events, "branch@quorum", "支部委员会（提前）", "2023-06-14T10:00:00", "Asia/Shanghai", 90);
  ev->recurrence_id = at ("2023-06-15T15:00:00", "Asia/Shanghai");

  /* Across both DST changes. */
  ev = add_event (events, "berlin@quorum", "Abstimmung mit Berlin", "2023-03-06T10:00:00", "Europe/Berlin", 60);
  ev->rrule = g_strdup ("FREQ=WEEKLY;INTERVAL=2;COUNT=20;BYDAY=MO");
  g_ptr_array_add (ev->exdates, at ("2023-04-03T10:00:00", "Europe/Berlin"));

  options.now = g_date_time_new_utc (2023, 1, 1, 0, 0, 0);
  options.calendar_name = "履职日历";
  if (!quorum_ics_export_to_file (events, &options, argv[1], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_date_time_unref (options.now);

  for (guint i = 0; i < events->len; i++)
    {
      ev = g_ptr_array_index (events, i);
      if (ev->recurrence_id == NULL)
        expand (ev, events, lines);
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (expected, "%s\n", (char *) g_ptr_array_index (lines, i));

  if (!g_file_set_contents (argv[2], expected->str, expected->len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
