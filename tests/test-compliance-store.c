/* test-compliance-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compliance input gathered from a real store: relations bind people to
 * duties from their dates, records, held sessions, attendance, make-ups and
 * leave become facts.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "quorum-compliance-store.h"

typedef struct
{
  QuorumDatabase *db;
  QuorumStore    *store;
  GTimeZone      *tz;
  gint64          zhang;
  gint64          li;
  gint64          wang;
  gint64          leaders;
  gint64          party_group;
  gint64          enterprise;
} Fixture;

static GDate *
day (const char *iso)
{
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  return g_date_new_dmy (d, m, y);
}

static gint64
add_person (Fixture    *f,
            const char *name)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", 0);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (f->store, person, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_unit (Fixture    *f,
          const char *name,
          const char *kind)
{
  g_autoptr(QuorumUnit) unit = quorum_unit_new (name, kind);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_unit (f->store, unit, &error);

  g_assert_no_error (error);
  return id;
}

static void
relate (Fixture    *f,
        gint64      person,
        gint64      unit,
        const char *kind,
        const char *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = day (from);

  quorum_store_add_relation (f->store, person, unit, kind, start, NULL, &error);
  g_assert_no_error (error);
}

static void
record (Fixture    *f,
        gint64      person,
        const char *kind,
        const char *date,
        gint64      unit)
{
  g_autoptr(QuorumRecord) rec = quorum_record_new ();
  g_autoptr(GError) error = NULL;

  rec->person_id = person;
  rec->kind = g_strdup (kind);
  rec->date = day (date);
  rec->days = 1;
  rec->unit_id = unit;
  quorum_store_add_record (f->store, rec, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "compliance.db", NULL);
  g_unlink (path);
  f->db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (f->db);
  f->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  now = g_date_time_new (f->tz, 2026, 11, 26, 12, 0, 0);
  quorum_store_set_now (f->store, now);

  f->zhang = add_person (f, "张三");
  f->li = add_person (f, "李四");
  f->wang = add_person (f, "王五");
  f->leaders = add_unit (f, "市政府领导班子", "leadership-group");
  f->party_group = add_unit (f, "市政府党组", "party-group");
  f->enterprise = add_unit (f, "万华化学", "enterprise");

  relate (f, f->zhang, f->leaders, "member", "2025-01-01");
  relate (f, f->zhang, f->party_group, "member", "2025-01-01");
  relate (f, f->zhang, f->enterprise, "linked-enterprise", "2025-01-01");
  relate (f, f->li, f->party_group, "member", "2025-01-01");
  /* Wang took office on 20 November: not bound for November. */
  relate (f, f->wang, f->leaders, "member", "2026-11-20");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

static QuorumComplianceResult *
find (GPtrArray         *results,
      const char        *duty,
      QuorumSubjectKind  kind,
      gint64             subject,
      const char        *period)
{
  QuorumComplianceResult *found = NULL;

  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      g_autofree char *p = quorum_period_to_string (quorum_compliance_result_get_period (r));

      if (g_str_equal (quorum_compliance_result_get_duty_id (r), duty) &&
          quorum_compliance_result_get_subject_kind (r) == kind &&
          quorum_compliance_result_get_subject_id (r) == subject && g_str_equal (p, period))
        {
          g_assert_null (found);
          found = r;
        }
    }
  return found;
}

static void
assert_status (GPtrArray              *results,
               const char             *duty,
               QuorumSubjectKind       kind,
               gint64                  subject,
               const char             *period,
               QuorumComplianceStatus  status)
{
  QuorumComplianceResult *r = find (results, duty, kind, subject, period);

  g_assert_nonnull (r);
  g_test_message ("%s %s: %s", duty, period, quorum_compliance_result_get_explanation (r));
  g_assert_cmpstr (quorum_compliance_status_to_nick (quorum_compliance_result_get_status (r)), ==,
                   quorum_compliance_status_to_nick (status));
}

static void
test_gather (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(QuorumComplianceInput) input = NULL;
  g_autoptr(QuorumPeriod) q4 = quorum_period_parse ("2026-Q4", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GDateTime) dtstart = g_date_time_new (f->tz, 2026, 9, 14, 9, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new ("理论学习", dtstart);
  g_autoptr(GDateTime) from = g_date_time_new (f->tz, 2026, 10, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (f->tz, 2026, 11, 1, 0, 0, 0);
  g_autoptr(GListModel) october = NULL;
  g_autoptr(QuorumOccurrence) session = NULL;
  g_autoptr(GDate) made_up = day ("2026-10-25");
  g_autoptr(GDate) leave_start = day ("2026-11-20");
  g_autoptr(GDate) leave_end = day ("2026-11-21");
  g_autoptr(GDateTime) filed = g_date_time_new (f->tz, 2026, 11, 16, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 id;

  rulebook = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  {
    /* The store learns from its rulebook which sessions need a make-up. */
    g_autofree char *text = quorum_rulebook_to_data (rulebook, NULL);
    quorum_store_set_rulebook_data (f->store, text, &error);
    g_assert_no_error (error);
  }
  workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  record (f, f->zhang, "reception-day", "2026-11-05", 0);
  record (f, f->zhang, "enterprise-visit", "2026-10-12", f->enterprise);

  quorum_series_set_duty_id (series, "theory-study");
  quorum_series_set_rrule (series, "FREQ=MONTHLY;COUNT=4");
  quorum_series_add_participant_unit (series, f->party_group);
  id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  october = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (october), ==, 1);
  session = g_list_model_get_item (october, 0);
  id = quorum_occurrence_get_id (session);
  quorum_store_set_attendance (f->store, id, f->zhang, QUORUM_ATTENDANCE_PRESENT, NULL,
                               QUORUM_EXCUSE_NONE, TRUE, NULL, &error);
  g_assert_no_error (error);
  quorum_store_set_attendance (f->store, id, f->li, QUORUM_ATTENDANCE_ABSENT, "出差",
                               QUORUM_EXCUSE_NONE, FALSE, NULL, &error);
  g_assert_no_error (error);
  quorum_store_record_makeup (f->store, id, f->li, made_up, QUORUM_MAKEUP_SELF_STUDY, NULL, &error);
  g_assert_no_error (error);

  quorum_store_add_leave (f->store, f->zhang, leave_start, leave_end, "烟台", "开会", filed,
                          FALSE, NULL, &error);
  g_assert_no_error (error);

  input = quorum_store_gather_compliance_input (f->store, rulebook, q4, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, 11, 2026);
  results = quorum_compliance_evaluate (input, q4, &today, 7, workdays, &error);
  g_assert_no_error (error);

  assert_status (results, "reception-day", QUORUM_SUBJECT_PERSON, f->zhang, "2026-11", QUORUM_COMPLIANCE_MET);
  assert_status (results, "reception-day", QUORUM_SUBJECT_PERSON, f->zhang, "2026-10", QUORUM_COMPLIANCE_MISSED);
  g_assert_null (find (results, "reception-day", QUORUM_SUBJECT_PERSON, f->wang, "2026-11"));
  assert_status (results, "reception-day", QUORUM_SUBJECT_PERSON, f->wang, "2026-12", QUORUM_COMPLIANCE_OPEN);
  assert_status (results, "enterprise-visit", QUORUM_SUBJECT_PERSON, f->zhang, "2026-Q4", QUORUM_COMPLIANCE_MET);
  assert_status (results, "enterprise-link", QUORUM_SUBJECT_PERSON, f->zhang, "2026", QUORUM_COMPLIANCE_OPEN);
  assert_status (results, "theory-study", QUORUM_SUBJECT_BODY, f->party_group, "2026-10", QUORUM_COMPLIANCE_MET);
  assert_status (results, "theory-study", QUORUM_SUBJECT_PERSON, f->zhang, "2026-10", QUORUM_COMPLIANCE_MET);
  assert_status (results, "theory-study", QUORUM_SUBJECT_PERSON, f->li, "2026-10", QUORUM_COMPLIANCE_REMEDIED);
  /* The November session is on the calendar for the 14th and was not recorded as held. */
  assert_status (results, "theory-study", QUORUM_SUBJECT_BODY, f->party_group, "2026-11", QUORUM_COMPLIANCE_AT_RISK);
  assert_status (results, "leave-notice", QUORUM_SUBJECT_PERSON, f->zhang, "2026-Q4", QUORUM_COMPLIANCE_MET);
  g_assert_cmpint (quorum_compliance_result_get_item_id (find (results, "leave-notice", QUORUM_SUBJECT_PERSON,
                                                               f->zhang, "2026-Q4")), >, 0);
}

static void
letter (Fixture    *f,
        gint64      person,
        gint64      department,
        const char *received,
        const char *answered)
{
  g_autoptr(QuorumRecord) rec = quorum_record_new ();
  g_autoptr(GError) error = NULL;

  rec->person_id = person;
  rec->kind = g_strdup ("letter-reply");
  rec->date = day (answered);
  rec->received_on = day (received);
  rec->days = 1;
  rec->unit_id = department;
  quorum_store_add_record (f->store, rec, &error);
  g_assert_no_error (error);
}

/* Letters must be answered within 3 working days of their arrival
 * (article 9), counted over the holiday calendar. */
static void
test_letter_deadlines (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(QuorumComplianceInput) input = NULL;
  g_autoptr(QuorumPeriod) q4 = quorum_period_parse ("2026-Q4", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 finance = add_unit (f, "市财政局", "department");
  gint64 audit = add_unit (f, "市审计局", "department");
  GDate today;

  rulebook = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  /* In on Friday 9 October: Saturday the 10th is an adjusted working day,
   * so the third working day is Tuesday the 13th — answered then: met. */
  letter (f, f->zhang, finance, "2026-10-09", "2026-10-13");
  /* In on Monday 16 November, due Thursday the 19th, answered Friday. */
  letter (f, f->li, audit, "2026-11-16", "2026-11-20");

  input = quorum_store_gather_compliance_input (f->store, rulebook, q4, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, 11, 2026);
  results = quorum_compliance_evaluate (input, q4, &today, 7, workdays, &error);
  g_assert_no_error (error);

  assert_status (results, "letter-reply", QUORUM_SUBJECT_UNIT, finance, "2026-Q4",
                 QUORUM_COMPLIANCE_MET);
  assert_status (results, "letter-reply", QUORUM_SUBJECT_UNIT, audit, "2026-Q4",
                 QUORUM_COMPLIANCE_MISSED);
}

/* A held session counts in the month of its own local day, even where that
 * day begins or ends far from midnight UTC (UTC+14 and UTC-11). */
static void
held_once (Fixture    *f,
           const char *tzid,
           int         month,
           int         day_of_month,
           int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) dtstart = g_date_time_new (tz, 2026, month, day_of_month, hour, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new ("理论学习", dtstart);
  g_autoptr(GDateTime) from = g_date_time_add_days (dtstart, -1);
  g_autoptr(GDateTime) to = g_date_time_add_days (dtstart, 1);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumOccurrence) session = NULL;
  g_autoptr(GError) error = NULL;
  QuorumOccurrenceFilter filter = { 0 };

  quorum_series_set_duty_id (series, "theory-study");
  quorum_series_set_tzid (series, tzid);
  quorum_series_set_rrule (series, "FREQ=DAILY;COUNT=1");
  quorum_series_add_participant_unit (series, f->party_group);
  filter.series_id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  g_assert_cmpint (filter.series_id, >, 0);
  list = quorum_store_list_occurrences (f->store, from, to, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  session = g_list_model_get_item (list, 0);
  quorum_store_set_attendance (f->store, quorum_occurrence_get_id (session), f->zhang,
                               QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE, FALSE, NULL,
                               &error);
  g_assert_no_error (error);
}

static QuorumComplianceStatus
body_status_in (Fixture        *f,
                QuorumRulebook *rulebook,
                QuorumWorkdays *workdays,
                const char     *month)
{
  g_autoptr(QuorumPeriod) period = quorum_period_parse (month, NULL);
  g_autoptr(QuorumComplianceInput) input = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  QuorumComplianceResult *result;
  GDate today;

  input = quorum_store_gather_compliance_input (f->store, rulebook, period, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, 11, 2026);
  results = quorum_compliance_evaluate (input, period, &today, 7, workdays, &error);
  g_assert_no_error (error);
  result = find (results, "theory-study", QUORUM_SUBJECT_BODY, f->party_group, month);
  g_assert_nonnull (result);
  return quorum_compliance_result_get_status (result);
}

static void
test_local_days (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_default (NULL);
  g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new_default (NULL);

  g_assert_nonnull (rulebook);
  g_assert_cmpint (body_status_in (f, rulebook, workdays, "2026-10"), ==,
                   QUORUM_COMPLIANCE_MISSED);
  /* 1 October 07:00 at UTC+14 is still 30 September in UTC... */
  held_once (f, "Pacific/Kiritimati", 10, 1, 7);
  /* ... and 30 September 20:00 at UTC-11 already 1 October. */
  held_once (f, "Pacific/Pago_Pago", 9, 30, 20);

  g_assert_cmpint (body_status_in (f, rulebook, workdays, "2026-10"), ==, QUORUM_COMPLIANCE_MET);
  g_assert_cmpint (body_status_in (f, rulebook, workdays, "2026-09"), ==, QUORUM_COMPLIANCE_MET);
  g_assert_cmpint (body_status_in (f, rulebook, workdays, "2026-08"), ==,
                   QUORUM_COMPLIANCE_MISSED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/compliance-store/gather", Fixture, NULL,
              fixture_set_up, test_gather, fixture_tear_down);
  g_test_add ("/core/compliance-store/letter-deadlines", Fixture, NULL,
              fixture_set_up, test_letter_deadlines, fixture_tear_down);
  g_test_add ("/core/compliance-store/local-days", Fixture, NULL,
              fixture_set_up, test_local_days, fixture_tear_down);

  return g_test_run ();
}
