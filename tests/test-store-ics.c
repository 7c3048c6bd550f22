/* test-store-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "quorum-core-resources.h"
#include "quorum-database-private.h"
#include "quorum-recurrence.h"
#include "quorum-store-ics-private.h"
#include "quorum-store-private.h"

#define NOW "2026-01-10T12:00:00+08:00"

typedef struct
{
  char        *dir;
  QuorumStore *store;
  GTimeZone   *tz;
  gint64       zhang;
  gint64       li;
  gint64       study;      /* monthly, duty theory-study, the whole party group */
  gint64       weekly;     /* weekly, Zhang only, kind meeting */
  gint64       single;     /* one event */
} Fixture;

static GDateTime *
at (Fixture    *f,
    const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, f->tz);

  g_assert_nonnull (dt);
  return dt;
}

/* A store with the bundled rulebook, a frozen clock and two people. */
static QuorumStore *
new_store (Fixture    *f,
           const char *name,
           gint64     *out_zhang,
           gint64     *out_li)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GBytes) rulebook = NULL;
  g_autoptr(GDateTime) now = at (f, NOW);
  g_autoptr(QuorumPerson) zhang = quorum_person_new ("张三", "副市长", 1);
  g_autoptr(QuorumPerson) li = quorum_person_new ("李四", "副市长", 2);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;

  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  store = quorum_store_new (db);
  quorum_store_set_now (store, now);
  rulebook = g_resource_lookup_data (quorum_core_get_resource (),
                                     "/io/github/quorumapp/Quorum/core/rulebooks/qixia-2022-5.rulebook",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  quorum_store_set_rulebook_data (store, g_bytes_get_data (rulebook, NULL), &error);
  g_assert_no_error (error);

  *out_zhang = quorum_store_add_person (store, zhang, &error);
  g_assert_no_error (error);
  *out_li = quorum_store_add_person (store, li, &error);
  g_assert_no_error (error);
  return store;
}

static gint64
add_series (Fixture    *f,
            const char *title,
            const char *start,
            const char *rrule,
            const char *duty,
            const char *kind)
{
  g_autoptr(GDateTime) dtstart = at (f, start);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, dtstart);
  g_autoptr(GError) error = NULL;
  gint64 id;

  quorum_series_set_rrule (series, rrule);
  quorum_series_set_duty_id (series, duty);
  quorum_series_set_kind (series, kind);
  quorum_series_set_duration_minutes (series, 90);
  quorum_series_set_location (series, "市政府二楼会议室");
  quorum_series_set_description (series, "请提前十分钟到场。");
  quorum_series_set_reminder_minutes (series, 30);
  quorum_series_add_participant_person (series, f->zhang);
  if (duty != NULL)
    quorum_series_add_participant_person (series, f->li);
  id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  return id;
}

static QuorumOccurrence *
occurrence_at (Fixture    *f,
               QuorumStore *store,
               gint64      series_id,
               const char *day)
{
  g_autofree char *from_text = g_strdup_printf ("%sT00:00:00", day);
  g_autoptr(GDateTime) from = at (f, from_text);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);
  QuorumOccurrenceFilter filter = { .series_id = series_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = quorum_store_list_occurrences (store, from, to, &filter, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOccurrence) moved = NULL;
  g_autoptr(QuorumOccurrence) retitled = NULL;
  g_autoptr(QuorumOccurrence) cancelled = NULL;
  g_autoptr(GDateTime) new_start = NULL;

  f->dir = g_dir_make_tmp ("quorum-store-ics-XXXXXX", &error);
  g_assert_no_error (error);
  f->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  f->store = new_store (f, "a.db", &f->zhang, &f->li);

  f->study = add_series (f, "党组理论学习中心组学习", "2025-11-20T09:00:00",
                         "FREQ=MONTHLY;BYMONTHDAY=20", "theory-study", NULL);
  f->weekly = add_series (f, "周例会", "2025-12-01T09:00:00", "FREQ=WEEKLY;BYDAY=MO", NULL,
                          "meeting");
  f->single = add_series (f, "安全生产检查", "2026-02-03T14:00:00", NULL, NULL, "inspection");

  moved = occurrence_at (f, f->store, f->weekly, "2026-01-19");
  new_start = at (f, "2026-01-20T10:00:00");
  quorum_store_update_occurrence (f->store, quorum_occurrence_get_id (moved), new_start, NULL,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  retitled = occurrence_at (f, f->store, f->weekly, "2026-02-02");
  quorum_store_update_occurrence (f->store, quorum_occurrence_get_id (retitled), NULL, NULL,
                                  "市政府常务会议室", "周例会（扩大）", &error);
  g_assert_no_error (error);
  cancelled = occurrence_at (f, f->store, f->weekly, "2026-01-26");
  quorum_store_cancel_occurrence (f->store, quorum_occurrence_get_id (cancelled), "春节前调休",
                                  &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_time_zone_unref (f->tz);
}

static char *
export_text (QuorumStore       *store,
             QuorumExportShape  shape,
             const QuorumExportScope *scope)
{
  g_autoptr(GError) error = NULL;
  char *text = quorum_store_export_ics (store, scope, shape, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static GPtrArray *
parse_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = quorum_ics_parse (text, strlen (text), "export.ics", NULL, &error);

  g_assert_no_error (error);
  return events;
}

static guint
count_series (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = quorum_store_list_series (store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static void
import_text (QuorumStore        *store,
             const char         *text,
             QuorumImportReport *report)
{
  g_autoptr(GPtrArray) events = parse_text (text);
  g_autoptr(GError) error = NULL;

  quorum_store_import_events (store, events, report, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = export_text (f->store, QUORUM_EXPORT_FULL, NULL);
  g_autofree char *second = NULL;
  g_autoptr(QuorumStore) fresh = NULL;
  g_auto(QuorumImportReport) report = { 0 };
  gint64 zhang, li;

  /* What the export must carry. */
  g_assert_nonnull (strstr (first, "RRULE:FREQ=WEEKLY;BYDAY=MO"));
  g_assert_nonnull (strstr (first, "EXDATE;TZID=Asia/Shanghai:20260126T090000"));
  g_assert_nonnull (strstr (first, "RECURRENCE-ID;TZID=Asia/Shanghai:20260119T090000"));
  g_assert_nonnull (strstr (first, "X-QUORUM-DUTY:theory-study"));
  g_assert_nonnull (strstr (first, "BEGIN:VALARM"));
  g_assert_nonnull (strstr (first, "TRIGGER:-PT30M"));
  g_assert_nonnull (strstr (first, "CN=张三"));

  fresh = new_store (f, "b.db", &zhang, &li);
  import_text (fresh, first, &report);
  g_assert_cmpuint (report.n_created, ==, 3);
  g_assert_cmpuint (report.n_updated, ==, 0);
  g_assert_cmpuint (report.n_overrides, ==, 2);

  second = export_text (fresh, QUORUM_EXPORT_FULL, NULL);
  g_assert_cmpstr (second, ==, first);
}

static void
test_reimport_updates (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = export_text (f->store, QUORUM_EXPORT_FULL, NULL);
  g_autofree char *again = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(QuorumSeries) before = NULL;
  g_autoptr(QuorumSeries) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_series (f->store);

  {
    g_auto(QuorumImportReport) report = { 0 };

    import_text (f->store, text, &report);
    g_assert_cmpuint (report.n_created, ==, 0);
    g_assert_cmpuint (report.n_updated, ==, 0);
    g_assert_cmpuint (report.n_unchanged, ==, 3);
    g_assert_cmpuint (report.n_overrides, ==, 0);
    g_assert_cmpuint (count_series (f->store), ==, n);
    again = export_text (f->store, QUORUM_EXPORT_FULL, NULL);
    g_assert_cmpstr (again, ==, text);
  }

  before = quorum_store_get_series (f->store, f->weekly, &error);
  g_assert_no_error (error);
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "SUMMARY:周例会\r\n", "SUMMARY:周工作例会\r\n", 0), >, 0);

  {
    g_auto(QuorumImportReport) report = { 0 };

    import_text (f->store, changed->str, &report);
    g_assert_cmpuint (report.n_created, ==, 0);
    g_assert_cmpuint (report.n_updated, ==, 1);
    g_assert_cmpuint (report.n_unchanged, ==, 2);
  }
  g_assert_cmpuint (count_series (f->store), ==, n);
  after = quorum_store_get_series (f->store, f->weekly, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_series_get_title (after), ==, "周工作例会");
  g_assert_cmpint (quorum_series_get_sequence (after), ==, quorum_series_get_sequence (before) + 1);
  g_assert_cmpstr (quorum_series_get_uid (after), ==, quorum_series_get_uid (before));
}

static void
test_exceptions_survive (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = export_text (f->store, QUORUM_EXPORT_FULL, NULL);
  g_autoptr(QuorumStore) fresh = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(QuorumOccurrence) moved = NULL;
  g_autoptr(QuorumOccurrence) retitled = NULL;
  g_autoptr(GDateTime) expected_start = at (f, "2026-01-20T10:00:00");
  g_autoptr(GDateTime) from = at (f, "2026-01-26T00:00:00");
  g_autoptr(GDateTime) to = at (f, "2026-01-27T00:00:00");
  g_autoptr(GListModel) cancelled_day = NULL;
  g_autoptr(GError) error = NULL;
  gint64 zhang, li, weekly = 0;

  fresh = new_store (f, "c.db", &zhang, &li);
  import_text (fresh, text, NULL);

  {
    g_autoptr(GListModel) all = quorum_store_list_series (fresh, &error);

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(QuorumSeries) s = g_list_model_get_item (all, i);

        if (g_strcmp0 (quorum_series_get_title (s), "周例会") == 0)
          weekly = quorum_series_get_id (s);
      }
  }
  g_assert_cmpint (weekly, >, 0);
  series = quorum_store_get_series (fresh, weekly, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_series_get_kind (series), ==, "meeting");
  g_assert_null (quorum_series_get_duty_id (series));

  moved = occurrence_at (f, fresh, weekly, "2026-01-20");
  g_assert_true (g_date_time_equal (quorum_occurrence_get_start (moved), expected_start));
  g_assert_true (quorum_occurrence_get_moved (moved));
  retitled = occurrence_at (f, fresh, weekly, "2026-02-02");
  g_assert_cmpstr (quorum_occurrence_get_title (retitled), ==, "周例会（扩大）");
  g_assert_cmpstr (quorum_occurrence_get_location (retitled), ==, "市政府常务会议室");

  {
    QuorumOccurrenceFilter filter = { .series_id = weekly };

    cancelled_day = quorum_store_list_occurrences (fresh, from, to, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (cancelled_day), ==, 0);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every occurrence the FULL export expands to, as "uid start" lines. */
static GPtrArray *
expand_export (const char *text,
               GDateTime  *from,
               GDateTime  *to)
{
  g_autoptr(GPtrArray) events = parse_text (text);
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);

      if (ev->recurrence_id != NULL)
        g_hash_table_insert (overrides,
                             g_strdup_printf ("%s %" G_GINT64_FORMAT, ev->uid,
                                              g_date_time_to_unix (ev->recurrence_id)),
                             ev);
    }

  for (guint i = 0; i < events->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) starts = NULL;
      g_autoptr(GError) error = NULL;

      if (ev->recurrence_id != NULL)
        continue;
      if (ev->rrule == NULL)
        {
          if (ev->status != QUORUM_ICS_STATUS_CANCELLED &&
              g_date_time_compare (ev->dtstart, from) >= 0 &&
              g_date_time_compare (ev->dtstart, to) < 0)
            g_ptr_array_add (out, g_strdup_printf ("%s %" G_GINT64_FORMAT, ev->uid,
                                                   g_date_time_to_unix (ev->dtstart)));
          continue;
        }
      starts = quorum_recurrence_expand (ev->rrule, ev->dtstart, ev->tzid, ev->exdates,
                                         ev->rdates, NULL, to, 0, &error);
      g_assert_no_error (error);
      for (guint s = 0; s < starts->len; s++)
        {
          GDateTime *start = g_ptr_array_index (starts, s);
          g_autofree char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT, ev->uid,
                                                  g_date_time_to_unix (start));
          QuorumIcsEvent *over = g_hash_table_lookup (overrides, key);

          if (over != NULL)
            {
              if (over->status == QUORUM_ICS_STATUS_CANCELLED)
                continue;
              start = over->dtstart;
            }
          if (g_date_time_compare (start, from) >= 0 && g_date_time_compare (start, to) < 0)
            g_ptr_array_add (out, g_strdup_printf ("%s %" G_GINT64_FORMAT, ev->uid,
                                                   g_date_time_to_unix (start)));
        }
    }

  g_ptr_array_sort (out, compare_strings);
  return out;
}

static void
test_expansion_matches (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) from = at (f, "2025-11-01T00:00:00");
  g_autoptr(GDateTime) to = at (f, "2026-09-01T00:00:00");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) expanded = NULL;
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(QuorumSeries) skipping = NULL;
  g_autoptr(GDateTime) holiday_start = at (f, "2026-01-01T08:30:00");

  /* A series that skips holidays gets EXDATEs for the days it skipped. */
  skipping = quorum_series_new ("防汛值班", holiday_start);
  quorum_series_set_rrule (skipping, "FREQ=DAILY;COUNT=60");
  quorum_series_set_holiday_policy (skipping, "skip");
  quorum_store_add_series (f->store, skipping, &error);
  g_assert_no_error (error);

  text = export_text (f->store, QUORUM_EXPORT_FULL, NULL);
  list = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumOccurrence) occ = g_list_model_get_item (list, i);

      if (quorum_occurrence_get_status (occ) == QUORUM_OCCURRENCE_CANCELLED)
        continue;
      g_ptr_array_add (stored, g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                                quorum_occurrence_get_uid (occ),
                                                g_date_time_to_unix (quorum_occurrence_get_start (occ))));
    }
  g_ptr_array_sort (stored, compare_strings);

  expanded = expand_export (text, from, to);
  g_assert_cmpuint (expanded->len, >, 40);
  g_assert_cmpuint (expanded->len, ==, stored->len);
  for (guint i = 0; i < stored->len; i++)
    g_assert_cmpstr (g_ptr_array_index (expanded, i), ==, g_ptr_array_index (stored, i));
}

static const QuorumIcsAttendee *
find_attendee (QuorumIcsEvent *ev,
               const char     *cn)
{
  for (guint i = 0; i < ev->attendees->len; i++)
    {
      const QuorumIcsAttendee *a = &g_array_index (ev->attendees, QuorumIcsAttendee, i);

      if (g_strcmp0 (a->cn, cn) == 0)
        return a;
    }
  return NULL;
}

static void
test_partstat (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(QuorumOccurrence) occ = occurrence_at (f, f->store, f->study, "2025-12-20");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feed = NULL;
  g_autoptr(GPtrArray) li_feed = NULL;
  g_autofree char *uid = NULL;
  QuorumExportScope scope = { .person_id = f->zhang };
  QuorumExportScope li_scope = { .person_id = f->li };
  gboolean found = FALSE;

  quorum_store_set_attendance (f->store, quorum_occurrence_get_id (occ), f->zhang,
                               QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE, FALSE, NULL,
                               &error);
  g_assert_no_error (error);
  quorum_store_set_attendance (f->store, quorum_occurrence_get_id (occ), f->li,
                               QUORUM_ATTENDANCE_EXCUSED, "外出招商", QUORUM_EXCUSE_OFFICIAL_BUSINESS,
                               FALSE, NULL, &error);
  g_assert_no_error (error);

  feed = quorum_store_export_events (f->store, &scope, QUORUM_EXPORT_FEED, &error);
  g_assert_no_error (error);
  uid = g_strdup_printf ("%s-20251220T090000", quorum_occurrence_get_uid (occ));
  for (guint i = 0; i < feed->len; i++)
    {
      QuorumIcsEvent *ev = g_ptr_array_index (feed, i);

      g_assert_null (ev->rrule);
      g_assert_nonnull (strstr (ev->uid, "@quorum-"));
      if (g_strcmp0 (ev->uid, uid) == 0)
        {
          found = TRUE;
          g_assert_cmpint (find_attendee (ev, "张三")->partstat, ==, QUORUM_ICS_PARTSTAT_ACCEPTED);
          g_assert_cmpint (find_attendee (ev, "李四")->partstat, ==, QUORUM_ICS_PARTSTAT_DECLINED);
          g_assert_nonnull (strstr (ev->description, "栖政发〔2022〕5号"));
          g_assert_nonnull (strstr (ev->description, "每月学习研讨不少于1次"));
        }
      else if (g_str_has_prefix (ev->uid, quorum_occurrence_get_uid (occ)))
        g_assert_cmpint (find_attendee (ev, "张三")->partstat, ==, QUORUM_ICS_PARTSTAT_NEEDS_ACTION);
    }
  g_assert_true (found);

  /* Li is not at the weekly meeting: his feed lacks it. */
  li_feed = quorum_store_export_events (f->store, &li_scope, QUORUM_EXPORT_FEED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_feed->len, <, feed->len);
  for (guint i = 0; i < li_feed->len; i++)
    g_assert_nonnull (find_attendee (g_ptr_array_index (li_feed, i), "李四"));

  /* The FULL export carries the attendance as an override of that day. */
  {
    g_autofree char *text = export_text (f->store, QUORUM_EXPORT_FULL, NULL);

    g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Asia/Shanghai:20251220T090000"));
    g_assert_nonnull (strstr (text, "PARTSTAT=ACCEPTED"));
    g_assert_nonnull (strstr (text, "PARTSTAT=DECLINED"));
  }
}

static void
test_sequence_bumped (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(QuorumSeries) before = NULL;
  g_autoptr(QuorumSeries) after = NULL;
  g_autoptr(QuorumSeries) cancelled = NULL;
  g_autoptr(QuorumOccurrence) occ = occurrence_at (f, f->store, f->study, "2026-03-20");
  g_autoptr(GError) error = NULL;

  before = quorum_store_get_series (f->store, f->study, &error);
  g_assert_no_error (error);
  quorum_store_update_occurrence (f->store, quorum_occurrence_get_id (occ), NULL, NULL, "大会议室",
                                  NULL, &error);
  g_assert_no_error (error);
  after = quorum_store_get_series (f->store, f->study, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_series_get_sequence (after), ==, quorum_series_get_sequence (before) + 1);

  quorum_store_cancel_occurrence (f->store, quorum_occurrence_get_id (occ), "改期", &error);
  g_assert_no_error (error);
  cancelled = quorum_store_get_series (f->store, f->study, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_series_get_sequence (cancelled), ==, quorum_series_get_sequence (after) + 1);
}

static const char broken_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:ok@example.com\r\n"
  "DTSTART:20260301T010000Z\r\n"
  "SUMMARY:Fine\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:broken@example.com\r\n"
  "DTSTART:2026-03-02\r\n"
  "SUMMARY:Broken\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static const char hourly_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:a-ok@example.com\r\n"
  "DTSTART:20260301T010000Z\r\n"
  "SUMMARY:Fine\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:b-hourly@example.com\r\n"
  "DTSTART:20260302T010000Z\r\n"
  "RRULE:FREQ=HOURLY\r\n"
  "SUMMARY:Too often\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_broken_imports_nothing (Fixture       *f,
                             gconstpointer  data)
{
  const char *files[] = { broken_ics, hourly_ics };
  guint n = count_series (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "broken.ics", NULL);
      g_auto(QuorumImportReport) report = { 0 };
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, files[i], -1, &error);
      g_assert_no_error (error);
      g_assert_false (quorum_store_import_file (f->store, path, &report, NULL, NULL, &error));
      g_assert_nonnull (error);
      if (i == 0)
        {
          g_autofree char *where = g_strdup_printf ("%s:10:", path);

          g_assert_error (error, QUORUM_ICS_ERROR, QUORUM_ICS_ERROR_INVALID_DATE);
          g_assert_nonnull (strstr (error->message, where));
        }
      else
        g_assert_nonnull (strstr (error->message, "b-hourly@example.com"));
      g_assert_cmpuint (report.n_created, ==, 0);
      g_assert_cmpuint (count_series (f->store), ==, n);
    }
}

static void
on_progress_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_import_duty_and_progress (Fixture       *f,
                               gconstpointer  data)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:duty@example.com\r\n"
    "DTSTART;TZID=Asia/Shanghai:20260305T090000\r\n"
    "DTEND;TZID=Asia/Shanghai:20260305T100000\r\n"
    "SUMMARY:经济形势分析\r\n"
    "X-QUORUM-DUTY:economic-analysis\r\n"
    "ATTENDEE;CN=李四:urn:x-quorum:person:99\r\n"
    "ATTENDEE;CN=王五:mailto:wang@example.com\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:unknown-duty@example.com\r\n"
    "DTSTART;VALUE=DATE:20260306\r\n"
    "SUMMARY:植树\r\n"
    "X-QUORUM-DUTY:no-such-duty\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) events = parse_text (text);
  g_auto(QuorumImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  guint calls = 0;

  quorum_store_import_events (f->store, events, &report, on_progress_cb, &calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (report.n_created, ==, 2);
  g_assert_cmpuint (g_strv_length (report.warnings), ==, 2);

  all = quorum_store_list_series (f->store, &error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(QuorumSeries) s = g_list_model_get_item (all, i);
      const gint64 *people;
      guint n;

      if (g_strcmp0 (quorum_series_get_uid (s), "duty@example.com") == 0)
        {
          g_assert_cmpstr (quorum_series_get_duty_id (s), ==, "economic-analysis");
          g_assert_cmpint (quorum_series_get_duration_minutes (s), ==, 60);
          people = quorum_series_get_participant_people (s, &n);
          g_assert_cmpuint (n, ==, 1);
          g_assert_cmpint (people[0], ==, f->li);
        }
      else if (g_strcmp0 (quorum_series_get_uid (s), "unknown-duty@example.com") == 0)
        {
          g_assert_null (quorum_series_get_duty_id (s));
          g_assert_true (quorum_series_get_all_day (s));
        }
    }
}

/* New series of every shape, an override, a UID twice, and a series the
 * store has already (see existing_ics). */
static const char mixed_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Quorum//test//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:single@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260305T090000\r\n"
  "DTEND;TZID=Asia/Shanghai:20260305T103000\r\n"
  "SUMMARY:经济形势分析会\r\n"
  "LOCATION:三楼会议室\r\n"
  "DESCRIPTION:议程见附件\r\n"
  "X-QUORUM-DUTY:economic-analysis\r\n"
  "CATEGORIES:Economy\r\n"
  "ATTENDEE;CN=李四:mailto:li@example.com\r\n"
  "ATTENDEE;CN=张三:mailto:zhang@example.com\r\n"
  "ATTENDEE;CN=王五:mailto:wang@example.com\r\n"
  "SEQUENCE:4\r\n"
  "CREATED:20251201T010000Z\r\n"
  "LAST-MODIFIED:20251202T020000Z\r\n"
  "BEGIN:VALARM\r\n"
  "ACTION:DISPLAY\r\n"
  "DESCRIPTION:提醒\r\n"
  "TRIGGER:-PT15M\r\n"
  "END:VALARM\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:existing@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260302T150000\r\n"
  "DTEND;TZID=Asia/Shanghai:20260302T160000\r\n"
  "SUMMARY:已有的会（改）\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:cancelled@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260310T140000\r\n"
  "DTEND;TZID=Asia/Shanghai:20260310T150000\r\n"
  "SUMMARY:取消的会\r\n"
  "STATUS:CANCELLED\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:allday@example.com\r\n"
  "DTSTART;VALUE=DATE:20260306\r\n"
  "SUMMARY:植树\r\n"
  "CATEGORIES:Law\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:far@example.com\r\n"
  "DTSTART:20300101T010000Z\r\n"
  "DTEND:20300101T020000Z\r\n"
  "SUMMARY:Past the horizon\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:excluded@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260312T090000\r\n"
  "EXDATE;TZID=Asia/Shanghai:20260312T090000\r\n"
  "SUMMARY:Excluded single\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:weekly@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260105T090000\r\n"
  "DTEND;TZID=Asia/Shanghai:20260105T100000\r\n"
  "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=20\r\n"
  "EXDATE;TZID=Asia/Shanghai:20260119T090000\r\n"
  "SUMMARY:周例会\r\n"
  "ATTENDEE;CN=张三:mailto:zhang@example.com\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:weekly@example.com\r\n"
  "RECURRENCE-ID;TZID=Asia/Shanghai:20260126T090000\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260127T090000\r\n"
  "DTEND;TZID=Asia/Shanghai:20260127T100000\r\n"
  "SUMMARY:周例会（改期）\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:weekly@example.com\r\n"
  "RECURRENCE-ID;TZID=Asia/Shanghai:20260202T090000\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260202T090000\r\n"
  "STATUS:CANCELLED\r\n"
  "SUMMARY:周例会\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:berlin@example.com\r\n"
  "DTSTART;TZID=Europe/Berlin:20260401T180000\r\n"
  "DTEND;TZID=Europe/Berlin:20260401T190000\r\n"
  "RRULE:FREQ=MONTHLY;COUNT=3\r\n"
  "SUMMARY:Berlin call\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:twice@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260320T090000\r\n"
  "SUMMARY:First version\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:twice@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260321T090000\r\n"
  "SUMMARY:Second version\r\n"
  "SEQUENCE:1\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:utc@example.com\r\n"
  "DTSTART:20260401T020000Z\r\n"
  "DURATION:PT2H\r\n"
  "SUMMARY:UTC meeting\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static const char existing_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:existing@example.com\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260302T140000\r\n"
  "DTEND;TZID=Asia/Shanghai:20260302T150000\r\n"
  "SUMMARY:已有的会\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

/* Every row of the calendar tables, one line each. Occurrences by their
 * series and recurrence id, not their own id: an import adds the series the
 * store has not seen first, so their rows may come before those of a
 * series the file changes. */
static char *
dump_calendar (QuorumStore *store)
{
  static const char *const queries[] = {
    "SELECT * FROM series ORDER BY id",
    "SELECT * FROM series_participant ORDER BY 1, 2, 3",
    "SELECT * FROM series_exdate ORDER BY 1, 2",
    "SELECT series_id, recurrence_id, start_at, end_at, start_unix, end_unix, status,"
    " status_reason, moved, holiday_shifted, minutes_text, minutes_signed_on, location, title"
    " FROM occurrence ORDER BY series_id, recurrence_id",
  };
  sqlite3 *db = _quorum_database_get_handle (quorum_store_get_database (store));
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "%s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                ? "NULL"
                                                : (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static gint64
count_rows (QuorumStore *store,
            const char  *sql)
{
  sqlite3 *db = _quorum_database_get_handle (quorum_store_get_database (store));
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* existing_ics then mixed_ics into a new store, one way or the other. */
static QuorumStore *
import_mixed (Fixture            *f,
              const char         *name,
              gboolean            one_by_one,
              QuorumImportReport *report)
{
  g_autoptr(GPtrArray) existing = parse_text (existing_ics);
  g_autoptr(GPtrArray) events = parse_text (mixed_ics);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;
  gint64 zhang, li;
  guint calls = 0;

  store = new_store (f, name, &zhang, &li);
  _quorum_store_import_events_full (store, existing, NULL, NULL, one_by_one, NULL, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  _quorum_store_import_events_full (store, events, "mixed.ics", "0123", one_by_one, report,
                                    on_progress_cb, &calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, events->len);
  return store;
}

static void
test_new_series_same_as_one_by_one (Fixture       *f,
                                    gconstpointer  data)
{
  g_auto(QuorumImportReport) slow_report = { 0 };
  g_auto(QuorumImportReport) fast_report = { 0 };
  g_autoptr(QuorumStore) slow = import_mixed (f, "slow.db", TRUE, &slow_report);
  g_autoptr(QuorumStore) fast = import_mixed (f, "fast.db", FALSE, &fast_report);
  g_autofree char *slow_dump = dump_calendar (slow);
  g_autofree char *fast_dump = dump_calendar (fast);
  g_autofree char *slow_export = export_text (slow, QUORUM_EXPORT_FULL, NULL);
  g_autofree char *fast_export = export_text (fast, QUORUM_EXPORT_FULL, NULL);

  /* What the file holds made it in. */
  g_assert_nonnull (strstr (fast_dump, "|cancelled|Cancelled in an imported calendar|"));
  g_assert_nonnull (strstr (fast_dump, "|经济形势分析会|economic-analysis|"));
  g_assert_nonnull (strstr (fast_dump, "|4|2025-12-01T01:00:00+00:00|2025-12-02T02:00:00+00:00|"));
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM occurrence o JOIN series s"
                                     " ON s.id = o.series_id WHERE s.uid IN"
                                     " ('far@example.com', 'excluded@example.com')"), ==, 0);
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM occurrence o JOIN series s"
                                     " ON s.id = o.series_id"
                                     " WHERE s.uid = 'weekly@example.com'"), ==, 19);

  /* …and it is stored exactly as one series at a time stores it. */
  g_assert_cmpstr (fast_dump, ==, slow_dump);
  g_assert_cmpstr (fast_export, ==, slow_export);
  g_assert_cmpuint (fast_report.n_created, ==, slow_report.n_created);
  g_assert_cmpuint (fast_report.n_created, ==, 9);
  g_assert_cmpuint (fast_report.n_updated, ==, slow_report.n_updated);
  g_assert_cmpuint (fast_report.n_updated, ==, 1);
  g_assert_cmpuint (fast_report.n_unchanged, ==, slow_report.n_unchanged);
  g_assert_cmpuint (fast_report.n_overrides, ==, slow_report.n_overrides);
  g_assert_cmpuint (fast_report.n_overrides, ==, 2);
  g_assert_cmpuint (g_strv_length (fast_report.warnings), ==,
                    g_strv_length (slow_report.warnings));
  g_assert_cmpuint (g_strv_length (fast_report.warnings), >, 0);
  for (guint i = 0; slow_report.warnings[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char *const *)fast_report.warnings,
                                    slow_report.warnings[i]));
}

static void
test_new_series_audit (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "mixed.ics", NULL);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, mixed_ics, -1);
  g_autofree char *first_export = NULL;
  g_autofree char *again = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *events = NULL;
  g_autoptr(GPtrArray) parsed = parse_text (mixed_ics);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) uids = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 zhang, li, broken = -1;
  guint64 n_before = 0, n_after = 0;

  store = new_store (f, "audit.db", &zhang, &li);
  g_file_set_contents (path, mixed_ics, -1, &error);
  g_assert_no_error (error);
  quorum_store_verify_audit (store, &broken, &n_before, &error);
  g_assert_no_error (error);

  {
    g_auto(QuorumImportReport) report = { 0 };

    quorum_store_import_file (store, path, &report, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report.n_created, ==, 10);
  }

  /* One row for the ten new series, not two each (import-add, materialize);
   * the two overrides change occurrences the import made, a row each. */
  quorum_store_verify_audit (store, &broken, &n_after, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpuint (n_after, ==, n_before + 3);
  g_assert_cmpint (count_rows (store, "SELECT count (*) FROM audit"
                                      " WHERE action IN ('import-add', 'materialize')"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count (*) FROM audit WHERE entity = 'occurrence'"
                                      " AND action IN ('import-update', 'import-cancel')"), ==, 2);

  db = _quorum_database_get_handle (quorum_store_get_database (store));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT after_json FROM audit"
                                           " WHERE entity = 'series' AND entity_id = 0"
                                           " AND action = 'import-add-all'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  summary = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (summary, sha256));
  g_assert_nonnull (strstr (summary, "\"series_added\":10,"));
  events = g_strdup_printf ("\"events\":%u,", parsed->len);
  g_assert_nonnull (strstr (summary, events));
  g_assert_nonnull (strstr (summary, path));

  /* The SHA-256 of the UIDs is that of the series table in id order. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uid FROM series ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_checksum_update (uids, sqlite3_column_text (stmt, 0), -1);
      g_checksum_update (uids, (const guchar *)"\n", 1);
    }
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (summary, g_checksum_get_string (uids)));

  /* The same file again changes nothing and writes no summary. */
  first_export = export_text (store, QUORUM_EXPORT_FULL, NULL);
  {
    g_auto(QuorumImportReport) report = { 0 };

    quorum_store_import_file (store, path, &report, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report.n_created, ==, 0);
  }
  again = export_text (store, QUORUM_EXPORT_FULL, NULL);
  g_assert_cmpstr (again, ==, first_export);
  g_assert_cmpint (count_rows (store, "SELECT count (*) FROM audit"
                                      " WHERE action = 'import-add-all'"), ==, 1);
  quorum_store_verify_audit (store, &broken, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

static void
test_new_series_broken_midway (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "midway.ics", NULL);
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autofree char *before = dump_calendar (f->store);
  g_autofree char *after = NULL;
  g_auto(QuorumImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n_audit = count_rows (f->store, "SELECT count (*) FROM audit");

  for (guint i = 0; i < 60; i++)
    {
      g_string_append_printf (text,
                              "BEGIN:VEVENT\r\n"
                              "UID:midway-%u@example.com\r\n"
                              "DTSTART;TZID=Asia/Shanghai:202603%02uT090000\r\n"
                              "%s"
                              "SUMMARY:Meeting %u\r\n"
                              "END:VEVENT\r\n",
                              i, i % 28 + 1, i == 40 ? "RRULE:FREQ=MINUTELY\r\n" : "", i);
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  g_assert_false (quorum_store_import_file (f->store, path, &report, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "midway-40@example.com"));
  g_assert_cmpuint (report.n_created, ==, 0);

  after = dump_calendar (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM audit"), ==, n_audit);
  /* The constraints are on again. */
  g_assert_cmpint (count_rows (f->store, "PRAGMA ignore_check_constraints"), ==, 0);
}

/* A file of @n events in UID order, as our exports are: single events, a
 * weekly series with a changed occurrence every fifty, a cancelled event
 * every 97; @version changes the titles of every tenth. At @bad (when below
 * @n) an event the parser refuses (@parse_error) or the store refuses. */
static char *
sorted_ics (guint    n,
            guint    version,
            guint    bad,
            gboolean parse_error)
{
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text,
                              "BEGIN:VEVENT\r\n"
                              "UID:stream-%05u@example.com\r\n"
                              "DTSTART;TZID=Asia/Shanghai:202603%02uT%02u0000\r\n"
                              "DTEND;TZID=Asia/Shanghai:202603%02uT%02u4500\r\n"
                              "SUMMARY:Meeting %u%s\r\n"
                              "LOCATION:Room %u\\, City Hall\r\n",
                              i, i % 20 + 1, 8 + i % 8, i % 20 + 1, 8 + i % 8, i,
                              version > 0 && i % 10 == 0 ? " (moved)" : "", i % 12);
      if (i % 50 == 7)
        g_string_append (text, "RRULE:FREQ=WEEKLY;COUNT=5\r\n"
                               "ATTENDEE;CN=张三:mailto:zhang@example.com\r\n");
      if (i % 97 == 3)
        g_string_append (text, "STATUS:CANCELLED\r\n");
      if (i == bad)
        g_string_append (text, parse_error ? "DTEND:2026-03-02\r\n" : "RRULE:FREQ=MINUTELY\r\n");
      g_string_append (text, "END:VEVENT\r\n");
      if (i % 50 == 7)
        g_string_append_printf (text,
                                "BEGIN:VEVENT\r\n"
                                "UID:stream-%05u@example.com\r\n"
                                "RECURRENCE-ID;TZID=Asia/Shanghai:202603%02uT%02u0000\r\n"
                                "DTSTART;TZID=Asia/Shanghai:202603%02uT%02u0000\r\n"
                                "SUMMARY:Meeting %u, moved\r\n"
                                "END:VEVENT\r\n",
                                i, i % 20 + 8, 8 + i % 8, i % 20 + 8, 9 + i % 8, i);
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  return g_string_free (text, FALSE);
}

/* Imports @text from a file into @fast through quorum_store_import_file()
 * and into @slow one event at a time, and checks that both store the same;
 * returns whether @fast wrote while it read. */
static gboolean
import_both_ways (Fixture     *f,
                  QuorumStore *fast,
                  QuorumStore *slow,
                  const char  *text)
{
  g_autofree char *path = g_build_filename (f->dir, "stream.ics", NULL);
  g_auto(QuorumImportReport) fast_report = { 0 };
  g_auto(QuorumImportReport) slow_report = { 0 };
  g_auto(QuorumIcsParseReport) parsed = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fast_dump = NULL;
  g_autofree char *slow_dump = NULL;
  g_autofree char *fast_export = NULL;
  g_autofree char *slow_export = NULL;
  gboolean streamed = FALSE;
  guint calls = 0;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (_quorum_store_import_file_full (fast, path, &fast_report, on_progress_cb, &calls,
                                                 &streamed, &error));
  g_assert_no_error (error);

  events = quorum_ics_parse_file (path, &parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, events->len);
  g_assert_true (_quorum_store_import_events_full (slow, events, path, NULL, TRUE, &slow_report,
                                                   NULL, NULL, &error));
  g_assert_no_error (error);

  fast_dump = dump_calendar (fast);
  slow_dump = dump_calendar (slow);
  fast_export = export_text (fast, QUORUM_EXPORT_FULL, NULL);
  slow_export = export_text (slow, QUORUM_EXPORT_FULL, NULL);
  g_assert_cmpstr (fast_dump, ==, slow_dump);
  g_assert_cmpstr (fast_export, ==, slow_export);
  g_assert_cmpuint (fast_report.n_created, ==, slow_report.n_created);
  g_assert_cmpuint (fast_report.n_updated, ==, slow_report.n_updated);
  g_assert_cmpuint (fast_report.n_unchanged, ==, slow_report.n_unchanged);
  g_assert_cmpuint (fast_report.n_overrides, ==, slow_report.n_overrides);
  /* The parser's warnings first, then the import's. */
  g_assert_cmpuint (g_strv_length (fast_report.warnings), ==,
                    g_strv_length (parsed.warnings) + g_strv_length (slow_report.warnings));
  for (guint i = 0; parsed.warnings[i] != NULL; i++)
    g_assert_cmpstr (fast_report.warnings[i], ==, parsed.warnings[i]);
  for (guint i = 0; slow_report.warnings[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char *const *)fast_report.warnings,
                                    slow_report.warnings[i]));
  return streamed;
}

/* A file in UID order is written while it is read, in batches; what is
 * stored is what one event at a time stores, new and known series alike. */
static void
test_import_file_streamed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(QuorumStore) fast = NULL;
  g_autoptr(QuorumStore) slow = NULL;
  g_autofree char *first = sorted_ics (700, 0, G_MAXUINT, FALSE);
  g_autofree char *second = sorted_ics (760, 1, G_MAXUINT, FALSE);
  gint64 zhang, li;

  fast = new_store (f, "fast.db", &zhang, &li);
  slow = new_store (f, "slow.db", &zhang, &li);
  g_assert_true (import_both_ways (f, fast, slow, first));
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM series"), ==, 700);
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM series_participant"), ==, 14);
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM occurrence"
                                     " WHERE status = 'cancelled'"), ==, 8);
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM occurrence WHERE moved"), ==, 14);
  /* The same UIDs again, some changed, and new ones after them. */
  g_assert_true (import_both_ways (f, fast, slow, second));
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM series"), ==, 760);
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM series WHERE title LIKE '%(moved)'"),
                   ==, 76);
  g_assert_cmpint (count_rows (fast, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpint (count_rows (fast, "PRAGMA cache_size"), ==,
                   count_rows (slow, "PRAGMA cache_size"));
}

/* A file out of order, or with an event twice, is imported once it is read
 * (what was written meanwhile is rolled back), with the same result. */
static void
test_import_file_unordered (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(QuorumStore) fast = NULL;
  g_autoptr(QuorumStore) slow = NULL;
  g_autofree char *text = sorted_ics (600, 0, G_MAXUINT, FALSE);
  g_autoptr(GString) unordered = g_string_new (text);
  g_autoptr(GString) twice = g_string_new (text);
  const char *event = strstr (text, "BEGIN:VEVENT\r\nUID:stream-00002@");
  gsize len = strstr (event, "END:VEVENT\r\n") + strlen ("END:VEVENT\r\n") - event;
  g_autofree char *copy = g_strndup (event, len);
  g_autoptr(GString) other = g_string_new (copy);
  gsize end = strstr (text, "END:VCALENDAR") - text;
  gint64 zhang, li;

  /* After 600 events in order, a new one that belongs after event 2, or
   * event 2 again. */
  g_string_replace (other, "stream-00002@", "stream-00002x@", 0);
  g_string_insert (unordered, end, other->str);
  g_string_insert (twice, end, copy);

  fast = new_store (f, "fast.db", &zhang, &li);
  slow = new_store (f, "slow.db", &zhang, &li);
  g_assert_false (import_both_ways (f, fast, slow, unordered->str));
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM series"), ==, 601);
  g_assert_false (import_both_ways (f, fast, slow, twice->str));
  g_assert_cmpint (count_rows (fast, "SELECT count (*) FROM series"), ==, 601);
  g_assert_false (import_both_ways (f, fast, slow, mixed_ics));
}

/* A file in order refused after some batches were written leaves nothing,
 * with the error of the parser or of the store. */
static void
test_import_file_streamed_broken (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken-late.ics", NULL);
  g_autofree char *before = dump_calendar (f->store);
  gint64 n_audit = count_rows (f->store, "SELECT count (*) FROM audit");
  gint64 cache_size = count_rows (f->store, "PRAGMA cache_size");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = sorted_ics (900, 0, 700, i == 0);
      g_auto(QuorumImportReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean streamed = TRUE;
      guint calls = 0;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_assert_false (_quorum_store_import_file_full (f->store, path, &report, on_progress_cb,
                                                      &calls, &streamed, &error));
      g_assert_false (streamed);
      if (i == 0)
        {
          g_assert_error (error, QUORUM_ICS_ERROR, QUORUM_ICS_ERROR_INVALID_DATE);
          g_assert_true (g_str_has_prefix (error->message, path));
          g_assert_cmpuint (calls, >, 0);
        }
      else
        g_assert_nonnull (strstr (error->message, "stream-00700@example.com"));
      g_assert_cmpuint (report.n_created, ==, 0);

      after = dump_calendar (f->store);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM audit"), ==, n_audit);
      g_assert_cmpint (count_rows (f->store, "PRAGMA ignore_check_constraints"), ==, 0);
      g_assert_cmpint (count_rows (f->store, "PRAGMA cache_size"), ==, cache_size);
    }
}

/* The inserter writes with SQLite's CHECK constraints off: it checks a
 * single event's values itself, and the rows of other series by queries,
 * and refuses what breaks a rule (a blank title here, which the callers'
 * own checks would have refused before). */
static void
test_inserter_checks_rules (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *before = dump_calendar (f->store);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) start = at (f, "2026-03-05T09:00:00");
      g_autoptr(QuorumSeries) series = quorum_series_new ("   ", start);
      g_autoptr(QuorumSeriesInserter) inserter = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gint64 id = 0;
      guint inserted = 0;
      gboolean ok;

      if (i == 1)
        quorum_series_set_rrule (series, "FREQ=WEEKLY;COUNT=3");
      g_assert_true (_quorum_store_begin (f->store, &error));
      g_assert_no_error (error);
      inserter = _quorum_series_inserter_new (f->store, &error);
      g_assert_no_error (error);
      ok = _quorum_series_inserter_add (inserter, series, "blank@example.com", 0, NULL, NULL, NULL,
                                        &id, &inserted, &error) &&
           _quorum_series_inserter_finish (inserter, &error);
      g_assert_false (ok);
      g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
      g_clear_pointer (&inserter, _quorum_series_inserter_free);
      _quorum_store_end (f->store, FALSE, NULL);

      after = dump_calendar (f->store);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (count_rows (f->store, "PRAGMA ignore_check_constraints"), ==, 0);
    }
}

static void
test_feed_tokens (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) tokens = NULL;
  g_autofree char *none = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *office = NULL;

  none = quorum_store_dup_feed_token (f->store, f->zhang, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (quorum_store_dup_feed_token (f->store, 999, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  quorum_store_set_feed_token (f->store, f->zhang, "zhangtoken", &error);
  g_assert_no_error (error);
  quorum_store_set_feed_token (f->store, 0, "officetoken", &error);
  g_assert_no_error (error);
  zhang = quorum_store_dup_feed_token (f->store, f->zhang, &error);
  office = quorum_store_dup_feed_token (f->store, 0, &error);
  g_assert_cmpstr (zhang, ==, "zhangtoken");
  g_assert_cmpstr (office, ==, "officetoken");

  tokens = quorum_store_list_feed_tokens (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (tokens), ==, 2);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (tokens, "zhangtoken"), ==, f->zhang);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (tokens, "officetoken"), ==, 0);

  quorum_store_set_feed_token (f->store, 0, NULL, &error);
  g_assert_no_error (error);
  quorum_store_set_feed_token (f->store, f->zhang, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&tokens, g_hash_table_unref);
  tokens = quorum_store_list_feed_tokens (f->store, &error);
  g_assert_cmpuint (g_hash_table_size (tokens), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/store-ics/round-trip", test_round_trip);
  ADD ("/core/store-ics/reimport-updates", test_reimport_updates);
  ADD ("/core/store-ics/exceptions-survive", test_exceptions_survive);
  ADD ("/core/store-ics/expansion-matches", test_expansion_matches);
  ADD ("/core/store-ics/partstat", test_partstat);
  ADD ("/core/store-ics/sequence-bumped", test_sequence_bumped);
  ADD ("/core/store-ics/broken-imports-nothing", test_broken_imports_nothing);
  ADD ("/core/store-ics/import-duty-and-progress", test_import_duty_and_progress);
  ADD ("/core/store-ics/new-series-same-as-one-by-one", test_new_series_same_as_one_by_one);
  ADD ("/core/store-ics/new-series-audit", test_new_series_audit);
  ADD ("/core/store-ics/new-series-broken-midway", test_new_series_broken_midway);
  ADD ("/core/store-ics/import-file-streamed", test_import_file_streamed);
  ADD ("/core/store-ics/import-file-unordered", test_import_file_unordered);
  ADD ("/core/store-ics/import-file-streamed-broken", test_import_file_streamed_broken);
  ADD ("/core/store-ics/inserter-checks-rules", test_inserter_checks_rules);
  ADD ("/core/store-ics/feed-tokens", test_feed_tokens);

  return g_test_run ();
}
