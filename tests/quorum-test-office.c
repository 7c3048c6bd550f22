/* quorum-test-office.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "quorum-compliance-summary.h"
#include "quorum-test-office.h"

static gint64
add_person (QuorumStore *store,
            const char  *name,
            const char  *title,
            int          rank)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, title, rank);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (store, person, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_unit (QuorumStore *store,
          const char  *name,
          const char  *kind)
{
  g_autoptr(QuorumUnit) unit = quorum_unit_new (name, kind);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_unit (store, unit, &error);

  g_assert_no_error (error);
  return id;
}

static void
relate (QuorumStore *store,
        gint64       person,
        gint64       unit,
        const char  *kind,
        int          year,
        int          month,
        int          day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (day, month, year);

  quorum_store_add_relation (store, person, unit, kind, start, NULL, &error);
  g_assert_no_error (error);
}

static void
record (QuorumStore *store,
        gint64       person,
        const char  *kind,
        int          month,
        int          day,
        double       days,
        gboolean     unannounced,
        gint64       unit)
{
  g_autoptr(QuorumRecord) rec = quorum_record_new ();
  g_autoptr(GError) error = NULL;

  rec->person_id = person;
  rec->kind = g_strdup (kind);
  rec->date = g_date_new_dmy (day, month, 2026);
  rec->days = days;
  rec->unannounced = unannounced;
  rec->unit_id = unit;
  quorum_store_add_record (store, rec, &error);
  g_assert_no_error (error);
}

/**
 * quorum_test_office_open:
 * @path: a database file to create (an existing one is replaced)
 * @office: (out): the ids of what was made
 *
 * Returns: (transfer full): a store on @path with the office in it
 */
QuorumStore *
quorum_test_office_open (const char       *path,
                         QuorumTestOffice *office)
{
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 26, 12, 0, 0);
  g_autoptr(GDateTime) dtstart = g_date_time_new (tz, 2026, 1, 14, 9, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2026, 11, 1, 0, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new ("党组理论学习中心组学习", dtstart);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDate) leave_start = g_date_new_dmy (2, 12, 2026);
  g_autoptr(GDate) leave_end = g_date_new_dmy (4, 12, 2026);
  g_autoptr(GDateTime) filed = g_date_time_new (tz, 2026, 11, 25, 10, 0, 0);
  QuorumStore *store;
  QuorumTestOffice o = { 0 };

  g_unlink (path);
  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  store = quorum_store_new (db);
  quorum_store_set_now (store, now);

  rulebook = quorum_store_load_rulebook (store, &error);
  g_assert_no_error (error);
  text = quorum_rulebook_to_data (rulebook, NULL);
  quorum_store_set_rulebook_data (store, text, &error);
  g_assert_no_error (error);

  o.government = add_unit (store, "栖霞市人民政府", "government");
  o.leaders = add_unit (store, "市政府领导班子", "leadership-group");
  o.party_group = add_unit (store, "市政府党组", "party-group");
  add_unit (store, "市发展和改革局", "department");
  add_unit (store, "市财政局", "department");
  add_unit (store, "翠屏街道", "town");
  o.enterprise = add_unit (store, "栖霞苹果集团", "enterprise");

  o.zhang = add_person (store, "张三", "市长", 1);
  o.li = add_person (store, "李四", "常务副市长", 2);
  o.wang = add_person (store, "王五", "副市长", 3);
  o.zhao = add_person (store, "赵六", "副市长", 4);

  relate (store, o.zhang, o.leaders, "head", 2025, 1, 1);
  relate (store, o.li, o.leaders, "member", 2025, 1, 1);
  relate (store, o.wang, o.leaders, "member", 2025, 1, 1);
  relate (store, o.zhao, o.leaders, "member", 2026, 6, 1);
  relate (store, o.zhang, o.party_group, "head", 2025, 1, 1);
  relate (store, o.li, o.party_group, "member", 2025, 1, 1);
  relate (store, o.wang, o.party_group, "member", 2025, 1, 1);
  relate (store, o.li, o.enterprise, "linked-enterprise", 2025, 1, 1);

  for (int m = 1; m <= 11; m++)
    {
      record (store, o.zhang, "reception-day", m, 8, 1, FALSE, 0);
      if (m % 2 == 0)
        record (store, o.li, "reception-day", m, 12, 1, FALSE, 0);
      if (m != 10)
        record (store, o.wang, "reception-day", m, 20, 1, FALSE, 0);
    }
  record (store, o.zhang, "research-day", 3, 3, 20, TRUE, 0);
  record (store, o.zhang, "research-day", 9, 3, 12.5, FALSE, 0);
  record (store, o.li, "research-day", 5, 10, 8, FALSE, 0);
  record (store, o.li, "enterprise-visit", 2, 11, 1, FALSE, o.enterprise);
  record (store, o.li, "enterprise-visit", 10, 16, 1, FALSE, o.enterprise);

  quorum_series_set_duty_id (series, "theory-study");
  quorum_series_set_kind (series, "study");
  quorum_series_set_rrule (series, "FREQ=MONTHLY;COUNT=12");
  quorum_series_set_location (series, "市政府第一会议室");
  quorum_series_add_participant_unit (series, o.party_group);
  o.study_series = quorum_store_add_series (store, series, &error);
  g_assert_no_error (error);

  sessions = quorum_store_list_occurrences (store, from, to, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(QuorumOccurrence) session = g_list_model_get_item (sessions, i);
      gint64 id = quorum_occurrence_get_id (session);
      gint64 people[] = { o.zhang, o.li, o.wang };

      for (guint p = 0; p < G_N_ELEMENTS (people); p++)
        {
          /* Wang missed the September session and has not made it up. */
          gboolean absent = people[p] == o.wang && i == 8;

          quorum_store_set_attendance (store, id, people[p],
                                       absent ? QUORUM_ATTENDANCE_ABSENT : QUORUM_ATTENDANCE_PRESENT,
                                       absent ? "出差" : NULL, QUORUM_EXCUSE_NONE, FALSE, NULL,
                                       &error);
          g_assert_no_error (error);
        }
    }

  quorum_store_add_leave (store, o.li, leave_start, leave_end, "烟台", "参加会议", filed,
                          FALSE, NULL, &error);
  g_assert_no_error (error);

  if (office != NULL)
    *office = o;
  return store;
}
