/* test-compliance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "quorum-compliance-private.h"

#define BODY   90
#define ZHANG  1
#define LI     2
#define WANG   3
#define ZHAO   4
#define QIAN   5
#define DEPT   10

static GDate
ymd (const char *iso)
{
  GDate date;
  int y, m, d;

  g_date_clear (&date, 1);
  if (iso == NULL)
    return date;
  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* The duties under test, as the Qixia rulebook states them. */
static void
add_duties (QuorumComplianceInput *input)
{
  GDate anchor = ymd ("2022-05-02");
  const QuorumComplianceDutySpec specs[] = {
    { "theory-study", "Party group theory study session", QUORUM_DUTY_SCOPE_BODY, NULL,
      QUORUM_PERIOD_MONTH, NULL, 0, 0, QUORUM_MEASURE_EVENTS, 1, -1, NULL, "session", TRUE, TRUE },
    { "executive-law-study", "Collective law study", QUORUM_DUTY_SCOPE_BODY, NULL,
      QUORUM_PERIOD_YEAR, NULL, 0, 0, QUORUM_MEASURE_EVENTS, 2, -1, NULL, "session", TRUE, FALSE },
    { "reception-day", "Public reception day", QUORUM_DUTY_SCOPE_EACH_MEMBER, NULL,
      QUORUM_PERIOD_MONTH, NULL, 0, 0, QUORUM_MEASURE_DAYS, 1, -1, NULL, "reception-day", FALSE, FALSE },
    { "indicator-weekly-dispatch", "Weekly dispatch", QUORUM_DUTY_SCOPE_BODY, NULL,
      QUORUM_PERIOD_WEEK, NULL, 0, 0, QUORUM_MEASURE_EVENTS, 1, -1, NULL, "dispatch", FALSE, FALSE },
    { "frontline-office", "Front-line office", QUORUM_DUTY_SCOPE_EACH_MEMBER, NULL,
      QUORUM_PERIOD_FORTNIGHT, &anchor, 0, 0, QUORUM_MEASURE_EVENTS, 1, -1, NULL, "frontline-day", FALSE, FALSE },
    { "enterprise-link", "Link with enterprises", QUORUM_DUTY_SCOPE_EACH_MEMBER, "enterprise",
      QUORUM_PERIOD_YEAR, NULL, 0, 0, QUORUM_MEASURE_UNITS, 2, 4, NULL, NULL, FALSE, FALSE },
    { "enterprise-visit", "Visit linked enterprises", QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT,
      "enterprise", QUORUM_PERIOD_QUARTER, NULL, 0, 0, QUORUM_MEASURE_EVENTS, 1, -1, NULL,
      "enterprise-visit", FALSE, FALSE },
    { "investment-map", "Update the investment map", QUORUM_DUTY_SCOPE_BODY, NULL,
      QUORUM_PERIOD_YEAR, NULL, 1, 3, QUORUM_MEASURE_EVENTS, 1, -1, NULL, "plan", FALSE, FALSE },
    { "research-topics", "Key research topics", QUORUM_DUTY_SCOPE_EACH_MEMBER, NULL,
      QUORUM_PERIOD_YEAR, NULL, 0, 0, QUORUM_MEASURE_EVENTS, 1, 2, NULL, "research-topic", FALSE, FALSE },
    { "grassroots-research", "Grassroots research", QUORUM_DUTY_SCOPE_EACH_MEMBER, NULL,
      QUORUM_PERIOD_YEAR, NULL, 0, 0, QUORUM_MEASURE_DAYS, 60, -1, NULL, "research-day", FALSE, FALSE },
    { "unannounced-research", "Share of unannounced research", QUORUM_DUTY_SCOPE_EACH_MEMBER, NULL,
      QUORUM_PERIOD_YEAR, NULL, 0, 0, QUORUM_MEASURE_RATIO, 50, -1, "grassroots-research",
      "research-day", FALSE, FALSE },
    { "ideology-study", "Ideology session", QUORUM_DUTY_SCOPE_BODY, NULL,
      QUORUM_PERIOD_HALF_YEAR, NULL, 0, 0, QUORUM_MEASURE_EVENTS, 1, -1, NULL, "session", FALSE, FALSE },
    { "leave-notice", "Leave request", QUORUM_DUTY_SCOPE_EACH_MEMBER, NULL,
      QUORUM_PERIOD_NONE, NULL, 0, 0, QUORUM_MEASURE_NOTICE_DAYS, 3, -1, NULL, "leave-request", FALSE, FALSE },
    { "letter-reply", "Reply to a supervision letter", QUORUM_DUTY_SCOPE_EACH_DEPARTMENT, NULL,
      QUORUM_PERIOD_NONE, NULL, 0, 0, QUORUM_MEASURE_DEADLINE_WORKDAYS, 3, -1, NULL, "letter-reply", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    _quorum_compliance_input_add_duty_spec (input, &specs[i]);
}

static QuorumComplianceInput *
new_input (void)
{
  QuorumComplianceInput *input = quorum_compliance_input_new ();

  add_duties (input);
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_BODY, BODY, "市政府党组");
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_PERSON, ZHANG, "张三");
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_PERSON, LI, "李四");
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_PERSON, WANG, "王五");
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_PERSON, ZHAO, "赵六");
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_PERSON, QIAN, "钱七");
  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_UNIT, DEPT, "发改局");
  return input;
}

static void
bind (QuorumComplianceInput *input,
      const char            *duty,
      QuorumSubjectKind      kind,
      gint64                 id,
      const char            *from,
      const char            *until)
{
  g_autoptr(GError) error = NULL;
  GDate f = ymd (from), u = ymd (until);

  quorum_compliance_input_bind (input, duty, kind, id, &f, &u, &error);
  g_assert_no_error (error);
}

static void
fact (QuorumComplianceInput  *input,
      const char             *duty,
      const char             *record,
      QuorumSubjectKind       kind,
      gint64                  id,
      const char             *date,
      double                  amount,
      gboolean                unannounced,
      gint64                  unit_id,
      gint64                  record_id)
{
  g_autoptr(GError) error = NULL;
  QuorumComplianceFact f;

  quorum_compliance_fact_init (&f);
  f.duty_id = duty;
  f.record = record;
  f.subject_kind = kind;
  f.subject_id = id;
  f.date = ymd (date);
  f.amount = amount;
  f.unannounced = unannounced;
  f.unit_id = unit_id;
  f.record_id = record_id;
  quorum_compliance_input_add_fact (input, &f, &error);
  g_assert_no_error (error);
}

static void
attendance (QuorumComplianceInput  *input,
            const char             *duty,
            gint64                  person,
            gint64                  session,
            QuorumAttendanceStatus  status,
            const char             *made_up_on)
{
  g_autoptr(GError) error = NULL;
  QuorumComplianceFact f;

  quorum_compliance_fact_init (&f);
  f.duty_id = duty;
  f.subject_kind = QUORUM_SUBJECT_PERSON;
  f.subject_id = person;
  /* The date of an attendance fact does not matter; the session's does. */
  f.date = ymd ("2000-01-01");
  f.attendance = status;
  f.made_up_on = ymd (made_up_on);
  f.record_id = session;
  quorum_compliance_input_add_fact (input, &f, &error);
  g_assert_no_error (error);
}

static GPtrArray *
evaluate (QuorumComplianceInput *input,
          const char            *period_text,
          const char            *today_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeriod) period = quorum_period_parse (period_text, &error);
  GDate today = ymd (today_text);
  GPtrArray *results;

  g_assert_no_error (error);
  results = quorum_compliance_evaluate (input, period, &today, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      const char *text = quorum_compliance_result_get_explanation (r);

      g_assert_nonnull (text);
      g_assert_cmpstr (text, !=, "");
      g_test_message ("%s %s %s: %s — %s", quorum_compliance_result_get_duty_id (r),
                      quorum_compliance_result_get_subject_label (r),
                      quorum_period_to_string (quorum_compliance_result_get_period (r)),
                      quorum_compliance_status_to_nick (quorum_compliance_result_get_status (r)),
                      text);
    }
  return results;
}

/* The results of one duty and subject (and unit, 0 for any), in order. */
static GPtrArray *
select_results (GPtrArray  *results,
                const char *duty,
                gint64      subject,
                gint64      unit)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];

      if (g_strcmp0 (quorum_compliance_result_get_duty_id (r), duty) == 0 &&
          quorum_compliance_result_get_subject_id (r) == subject &&
          (unit == 0 || quorum_compliance_result_get_unit_id (r) == unit))
        g_ptr_array_add (out, r);
    }
  return out;
}

static QuorumComplianceResult *
only_result (GPtrArray  *results,
             const char *duty,
             gint64      subject,
             gint64      unit)
{
  g_autoptr(GPtrArray) found = select_results (results, duty, subject, unit);

  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static void
assert_result (GPtrArray              *results,
               const char             *duty,
               gint64                  subject,
               gint64                  unit,
               QuorumComplianceStatus  status,
               double                  achieved)
{
  QuorumComplianceResult *r = only_result (results, duty, subject, unit);

  g_assert_cmpstr (quorum_compliance_status_to_nick (quorum_compliance_result_get_status (r)), ==,
                   quorum_compliance_status_to_nick (status));
  g_assert_cmpfloat_with_epsilon (quorum_compliance_result_get_achieved (r), achieved, 0.001);
}

/* ---- Counts at period boundaries ------------------------------------------ */

static const struct
{
  const char             *duty;
  QuorumSubjectKind       kind;
  const char             *facts[3];
  const char             *period;
  const char             *today;
  QuorumComplianceStatus  status;
  double                  achieved;
} count_cases[] = {
  /* The last day of a month counts for it; the first of the next does not. */
  { "reception-day", QUORUM_SUBJECT_PERSON, { "2026-11-30" }, "2026-11", "2026-11-26", QUORUM_COMPLIANCE_MET, 1 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { "2026-12-01" }, "2026-11", "2026-11-26", QUORUM_COMPLIANCE_AT_RISK, 0 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { "2026-10-31" }, "2026-11", "2026-11-10", QUORUM_COMPLIANCE_OPEN, 0 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { NULL }, "2026-10", "2026-11-26", QUORUM_COMPLIANCE_MISSED, 0 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { NULL }, "2026-12", "2026-11-26", QUORUM_COMPLIANCE_OPEN, 0 },
  /* 7 days left (24–30 Nov) is at risk, 8 days is still open. */
  { "reception-day", QUORUM_SUBJECT_PERSON, { NULL }, "2026-11", "2026-11-24", QUORUM_COMPLIANCE_AT_RISK, 0 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { NULL }, "2026-11", "2026-11-23", QUORUM_COMPLIANCE_OPEN, 0 },
  /* Leap day. */
  { "reception-day", QUORUM_SUBJECT_PERSON, { "2024-02-29" }, "2024-02", "2024-03-05", QUORUM_COMPLIANCE_MET, 1 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { NULL }, "2024-02", "2024-02-29", QUORUM_COMPLIANCE_AT_RISK, 0 },
  { "reception-day", QUORUM_SUBJECT_PERSON, { NULL }, "2024-02", "2024-03-01", QUORUM_COMPLIANCE_MISSED, 0 },
  /* Quarter ends. */
  { "investment-map", QUORUM_SUBJECT_BODY, { "2026-03-31" }, "2026-Q1", "2026-04-01", QUORUM_COMPLIANCE_MET, 1 },
  { "ideology-study", QUORUM_SUBJECT_BODY, { "2026-06-30" }, "2026-H1", "2026-07-01", QUORUM_COMPLIANCE_MET, 1 },
  { "ideology-study", QUORUM_SUBJECT_BODY, { "2026-07-01" }, "2026-H1", "2026-07-01", QUORUM_COMPLIANCE_MISSED, 0 },
  /* ISO week 53 of 2026 ends on Sunday 3 January 2027. */
  { "indicator-weekly-dispatch", QUORUM_SUBJECT_BODY, { "2027-01-03" }, "2026-W53", "2027-01-04", QUORUM_COMPLIANCE_MET, 1 },
  { "indicator-weekly-dispatch", QUORUM_SUBJECT_BODY, { "2026-12-27" }, "2026-W53", "2027-01-04", QUORUM_COMPLIANCE_MISSED, 0 },
  /* A window: only the first quarter counts. */
  { "investment-map", QUORUM_SUBJECT_BODY, { "2026-05-10" }, "2026", "2026-11-26", QUORUM_COMPLIANCE_MISSED, 0 },
  { "investment-map", QUORUM_SUBJECT_BODY, { "2026-02-10", "2026-05-10" }, "2026", "2026-11-26", QUORUM_COMPLIANCE_MET, 1 },
  { "investment-map", QUORUM_SUBJECT_BODY, { NULL }, "2026", "2026-03-28", QUORUM_COMPLIANCE_AT_RISK, 0 },
  { "investment-map", QUORUM_SUBJECT_BODY, { NULL }, "2026", "2026-02-01", QUORUM_COMPLIANCE_OPEN, 0 },
  { "investment-map", QUORUM_SUBJECT_BODY, { NULL }, "2027", "2026-11-26", QUORUM_COMPLIANCE_OPEN, 0 },
  /* Ranges: 1–2 topics, three is over the maximum. */
  { "research-topics", QUORUM_SUBJECT_PERSON, { "2026-02-01", "2026-03-01" }, "2026", "2026-11-26", QUORUM_COMPLIANCE_MET, 2 },
  { "research-topics", QUORUM_SUBJECT_PERSON, { "2026-02-01", "2026-03-01", "2026-04-01" }, "2026", "2026-11-26", QUORUM_COMPLIANCE_AT_RISK, 3 },
  /* Fortnights from Monday 2022-05-02: 2026-11-23 starts one. */
  { "frontline-office", QUORUM_SUBJECT_PERSON, { "2026-12-06" }, "2026-11-23/P2W", "2026-11-26", QUORUM_COMPLIANCE_MET, 1 },
  { "frontline-office", QUORUM_SUBJECT_PERSON, { "2026-11-22" }, "2026-11-23/P2W", "2026-11-26", QUORUM_COMPLIANCE_OPEN, 0 },
};

static void
test_compliance_counts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      g_autoptr(QuorumComplianceInput) input = new_input ();
      g_autoptr(GPtrArray) results = NULL;
      gint64 id = count_cases[i].kind == QUORUM_SUBJECT_BODY ? BODY : ZHANG;

      g_test_message ("case %u: %s %s today %s", i, count_cases[i].duty, count_cases[i].period,
                      count_cases[i].today);
      bind (input, count_cases[i].duty, count_cases[i].kind, id, NULL, NULL);
      for (guint f = 0; f < G_N_ELEMENTS (count_cases[i].facts) && count_cases[i].facts[f]; f++)
        fact (input, count_cases[i].duty, NULL, count_cases[i].kind, id, count_cases[i].facts[f],
              1, FALSE, 0, 100 + f);

      results = evaluate (input, count_cases[i].period, count_cases[i].today);
      assert_result (results, count_cases[i].duty, id, 0, count_cases[i].status,
                     count_cases[i].achieved);
    }
}

static void
test_compliance_result_fields (void)
{
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GPtrArray) results = NULL;
  QuorumComplianceResult *r;
  GArray *ids;

  bind (input, "reception-day", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  fact (input, "reception-day", NULL, QUORUM_SUBJECT_PERSON, ZHANG, "2026-11-03", 0.5, FALSE, 0, 7);
  fact (input, "reception-day", NULL, QUORUM_SUBJECT_PERSON, ZHANG, "2026-11-17", 0.5, FALSE, 0, 8);
  fact (input, "reception-day", NULL, QUORUM_SUBJECT_PERSON, ZHANG, "2026-12-17", 1, FALSE, 0, 9);
  results = evaluate (input, "2026-11", "2026-11-26");

  r = only_result (results, "reception-day", ZHANG, 0);
  g_assert_cmpint (quorum_compliance_result_get_status (r), ==, QUORUM_COMPLIANCE_MET);
  g_assert_cmpint (quorum_compliance_result_get_colour (r), ==, QUORUM_SUPERVISION_BLUE);
  g_assert_cmpint (quorum_compliance_result_get_subject_kind (r), ==, QUORUM_SUBJECT_PERSON);
  g_assert_cmpstr (quorum_compliance_result_get_subject_label (r), ==, "张三");
  g_assert_cmpint (quorum_compliance_result_get_min (r), ==, 1);
  g_assert_cmpint (quorum_compliance_result_get_max (r), ==, -1);
  g_assert_cmpint (quorum_compliance_result_get_measure (r), ==, QUORUM_MEASURE_DAYS);
  g_assert_cmpfloat_with_epsilon (quorum_compliance_result_get_achieved (r), 1.0, 0.001);
  ids = quorum_compliance_result_get_record_ids (r);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 7);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 8);
  g_assert_nonnull (strstr (quorum_compliance_result_get_explanation (r), "November 2026"));
}

static void
test_compliance_colours (void)
{
  g_assert_cmpint (quorum_compliance_status_to_colour (QUORUM_COMPLIANCE_MET), ==, QUORUM_SUPERVISION_BLUE);
  g_assert_cmpint (quorum_compliance_status_to_colour (QUORUM_COMPLIANCE_OPEN), ==, QUORUM_SUPERVISION_BLUE);
  g_assert_cmpint (quorum_compliance_status_to_colour (QUORUM_COMPLIANCE_REMEDIED), ==, QUORUM_SUPERVISION_BLUE);
  g_assert_cmpint (quorum_compliance_status_to_colour (QUORUM_COMPLIANCE_AT_RISK), ==, QUORUM_SUPERVISION_YELLOW);
  g_assert_cmpint (quorum_compliance_status_to_colour (QUORUM_COMPLIANCE_MISSED), ==, QUORUM_SUPERVISION_RED);
  g_assert_cmpstr (quorum_compliance_status_to_nick (QUORUM_COMPLIANCE_AT_RISK), ==, "at-risk");
}

/* A quarterly visit to each linked enterprise, and the 2–4 range of links. */
static void
test_compliance_per_unit (void)
{
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  GDate from = ymd ("2026-11-20");
  QuorumComplianceResult *r;

  bind (input, "enterprise-visit", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "enterprise-link", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "enterprise-link", QUORUM_SUBJECT_PERSON, LI, NULL, NULL);
  bind (input, "enterprise-link", QUORUM_SUBJECT_PERSON, WANG, NULL, NULL);
  for (gint64 e = 100; e < 103; e++)
    {
      g_autofree char *name = g_strdup_printf ("企业%" G_GINT64_FORMAT, e);
      quorum_compliance_input_link_unit (input, QUORUM_SUBJECT_PERSON, ZHANG, "enterprise", e, name,
                                         NULL, NULL, &error);
      g_assert_no_error (error);
    }
  /* Linked late in Q4: not yet owed a visit this quarter. */
  quorum_compliance_input_link_unit (input, QUORUM_SUBJECT_PERSON, ZHANG, "enterprise", 103, "企业103",
                                     &from, NULL, &error);
  g_assert_no_error (error);
  for (gint64 e = 200; e < 205; e++)
    quorum_compliance_input_link_unit (input, QUORUM_SUBJECT_PERSON, LI, "enterprise", e, "x",
                                       NULL, NULL, &error);
  quorum_compliance_input_link_unit (input, QUORUM_SUBJECT_PERSON, WANG, "enterprise", 300, "y",
                                     NULL, NULL, &error);
  g_assert_no_error (error);

  fact (input, "enterprise-visit", NULL, QUORUM_SUBJECT_PERSON, ZHANG, "2026-10-09", 1, FALSE, 100, 1);
  fact (input, NULL, "enterprise-visit", QUORUM_SUBJECT_PERSON, ZHANG, "2026-12-31", 1, FALSE, 101, 2);
  fact (input, NULL, "enterprise-visit", QUORUM_SUBJECT_PERSON, ZHANG, "2027-01-01", 1, FALSE, 102, 3);

  results = evaluate (input, "2026-Q4", "2027-01-05");
  visits = select_results (results, "enterprise-visit", ZHANG, 0);
  g_assert_cmpuint (visits->len, ==, 3);
  assert_result (results, "enterprise-visit", ZHANG, 100, QUORUM_COMPLIANCE_MET, 1);
  assert_result (results, "enterprise-visit", ZHANG, 101, QUORUM_COMPLIANCE_MET, 1);
  assert_result (results, "enterprise-visit", ZHANG, 102, QUORUM_COMPLIANCE_MISSED, 0);
  r = only_result (results, "enterprise-visit", ZHANG, 102);
  g_assert_cmpstr (quorum_compliance_result_get_unit_label (r), ==, "企业102");
  g_assert_nonnull (strstr (quorum_compliance_result_get_explanation (r), "企业102"));

  /* Zhang has 3 enterprises for most of 2026, the fourth only from 20 Nov. */
  assert_result (results, "enterprise-link", ZHANG, 0, QUORUM_COMPLIANCE_MET, 3);
  assert_result (results, "enterprise-link", LI, 0, QUORUM_COMPLIANCE_AT_RISK, 5);
  r = only_result (results, "enterprise-link", LI, 0);
  g_assert_nonnull (strstr (quorum_compliance_result_get_explanation (r), "at most 4"));
  assert_result (results, "enterprise-link", WANG, 0, QUORUM_COMPLIANCE_MISSED, 1);
}

/* Research days add up in half days; the unannounced share is of those days. */
static void
test_compliance_days_and_ratio (void)
{
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) early = NULL;

  for (gint64 p = ZHANG; p <= WANG; p++)
    {
      bind (input, "grassroots-research", QUORUM_SUBJECT_PERSON, p, NULL, NULL);
      bind (input, "unannounced-research", QUORUM_SUBJECT_PERSON, p, NULL, NULL);
    }
  /* Zhang: 59.5 days, 30 of them unannounced (50.4%). */
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, ZHANG, "2026-03-02", 29.5, FALSE, 0, 1);
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, ZHANG, "2026-12-31", 30, TRUE, 0, 2);
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, ZHANG, "2027-01-01", 5, TRUE, 0, 3);
  /* Li: 60 days, 20 unannounced. */
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, LI, "2026-05-02", 40, FALSE, 0, 4);
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, LI, "2026-06-02", 19.5, TRUE, 0, 5);
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, LI, "2026-06-20", 0.5, TRUE, 0, 6);
  /* Wang: none. */

  results = evaluate (input, "2026", "2027-01-02");
  assert_result (results, "grassroots-research", ZHANG, 0, QUORUM_COMPLIANCE_MISSED, 59.5);
  assert_result (results, "unannounced-research", ZHANG, 0, QUORUM_COMPLIANCE_MET, 100.0 * 30 / 59.5);
  assert_result (results, "grassroots-research", LI, 0, QUORUM_COMPLIANCE_MET, 60);
  assert_result (results, "unannounced-research", LI, 0, QUORUM_COMPLIANCE_MISSED, 100.0 * 20 / 60);
  assert_result (results, "grassroots-research", WANG, 0, QUORUM_COMPLIANCE_MISSED, 0);
  assert_result (results, "unannounced-research", WANG, 0, QUORUM_COMPLIANCE_MISSED, 0);

  /* In March nobody has research in the books but Zhang: the ratio is open, not met. */
  early = evaluate (input, "2026", "2026-03-01");
  assert_result (early, "unannounced-research", WANG, 0, QUORUM_COMPLIANCE_OPEN, 0);
  assert_result (early, "unannounced-research", LI, 0, QUORUM_COMPLIANCE_OPEN, 100.0 * 20 / 60);
}

/* Monthly study with attendance; absences must be made up (补学). */
static void
test_compliance_attendance (void)
{
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) november = NULL;
  QuorumComplianceResult *r;

  bind (input, "theory-study", QUORUM_SUBJECT_BODY, BODY, NULL, NULL);
  bind (input, "theory-study", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "theory-study", QUORUM_SUBJECT_PERSON, LI, NULL, NULL);
  bind (input, "theory-study", QUORUM_SUBJECT_PERSON, WANG, NULL, NULL);
  /* Zhao joined after the October session, Qian before it. */
  bind (input, "theory-study", QUORUM_SUBJECT_PERSON, ZHAO, "2026-10-20", NULL);
  bind (input, "theory-study", QUORUM_SUBJECT_PERSON, QIAN, "2026-10-10", NULL);

  fact (input, "theory-study", NULL, QUORUM_SUBJECT_BODY, BODY, "2026-10-14", 1, FALSE, 0, 500);
  attendance (input, "theory-study", ZHANG, 500, QUORUM_ATTENDANCE_PRESENT, NULL);
  attendance (input, "theory-study", LI, 500, QUORUM_ATTENDANCE_EXCUSED, "2026-10-25");
  attendance (input, "theory-study", WANG, 500, QUORUM_ATTENDANCE_ABSENT, NULL);

  results = evaluate (input, "2026-10", "2026-11-26");
  assert_result (results, "theory-study", BODY, 0, QUORUM_COMPLIANCE_MET, 1);
  r = only_result (results, "theory-study", BODY, 0);
  g_assert_cmpint (quorum_compliance_result_get_subject_kind (r), ==, QUORUM_SUBJECT_BODY);
  assert_result (results, "theory-study", ZHANG, 0, QUORUM_COMPLIANCE_MET, 1);
  assert_result (results, "theory-study", LI, 0, QUORUM_COMPLIANCE_REMEDIED, 1);
  r = only_result (results, "theory-study", LI, 0);
  g_assert_nonnull (strstr (quorum_compliance_result_get_explanation (r), "25 Oct"));
  g_assert_cmpint (quorum_compliance_result_get_colour (r), ==, QUORUM_SUPERVISION_BLUE);
  assert_result (results, "theory-study", WANG, 0, QUORUM_COMPLIANCE_MISSED, 0);
  g_assert_cmpint (quorum_compliance_result_get_colour (only_result (results, "theory-study", WANG, 0)),
                   ==, QUORUM_SUPERVISION_RED);
  /* Joined on 20 October, after the session of the 14th: not missed. */
  assert_result (results, "theory-study", ZHAO, 0, QUORUM_COMPLIANCE_MET, 0);
  /* Joined on the 10th, before it, with nothing recorded: at risk until recorded. */
  assert_result (results, "theory-study", QIAN, 0, QUORUM_COMPLIANCE_AT_RISK, 0);

  /* November: no session yet, one scheduled for the 14th and not held. */
  {
    g_autoptr(GError) error = NULL;
    QuorumComplianceItem item;

    quorum_compliance_item_init (&item);
    item.duty_id = "theory-study";
    item.subject_kind = QUORUM_SUBJECT_BODY;
    item.subject_id = BODY;
    item.date = ymd ("2026-11-14");
    quorum_compliance_input_add_scheduled (input, &item, &error);
    g_assert_no_error (error);
  }
  november = evaluate (input, "2026-11", "2026-11-16");
  r = NULL;
  for (guint i = 0; i < november->len; i++)
    if (quorum_compliance_result_get_subject_kind (november->pdata[i]) == QUORUM_SUBJECT_BODY)
      r = november->pdata[i];
  g_assert_nonnull (r);
  g_assert_cmpint (quorum_compliance_result_get_status (r), ==, QUORUM_COMPLIANCE_AT_RISK);
  g_assert_nonnull (strstr (quorum_compliance_result_get_explanation (r), "14 Nov"));
}

/* Who is bound for November: more than half of the month. */
static void
test_compliance_binding (void)
{
  static const struct
  {
    const char *from;
    const char *until;
    gboolean    bound;
  } cases[] = {
    { NULL, NULL, TRUE },
    { "2026-11-10", NULL, TRUE },
    { "2026-11-16", NULL, FALSE },
    { "2026-11-20", NULL, FALSE },
    { NULL, "2026-11-10", FALSE },
    { NULL, "2026-11-17", TRUE },
    { "2026-12-01", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QuorumComplianceInput) input = new_input ();
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GPtrArray) found = NULL;

      bind (input, "reception-day", QUORUM_SUBJECT_PERSON, ZHANG, cases[i].from, cases[i].until);
      results = evaluate (input, "2026-11", "2026-11-26");
      found = select_results (results, "reception-day", ZHANG, 0);
      g_assert_cmpuint (found->len, ==, cases[i].bound ? 1 : 0);
    }
}

static void
test_compliance_notice (void)
{
  static const struct
  {
    const char             *start;
    const char             *filed;
    gboolean                emergency;
    const char             *reason;
    QuorumComplianceStatus  status;
  } cases[] = {
    { "2026-11-20", "2026-11-17", FALSE, NULL, QUORUM_COMPLIANCE_MET },
    { "2026-11-20", "2026-11-18", FALSE, NULL, QUORUM_COMPLIANCE_MISSED },
    { "2026-11-20", "2026-11-20", TRUE, "防汛抢险", QUORUM_COMPLIANCE_MET },
    { "2026-11-20", "2026-11-20", TRUE, NULL, QUORUM_COMPLIANCE_AT_RISK },
    { "2026-11-20", "2026-11-22", FALSE, NULL, QUORUM_COMPLIANCE_MISSED },
    { "2026-11-20", NULL, FALSE, NULL, QUORUM_COMPLIANCE_MISSED },
  };
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) none = NULL;

  bind (input, "leave-notice", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "leave-notice", QUORUM_SUBJECT_PERSON, LI, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      QuorumComplianceItem item;

      quorum_compliance_item_init (&item);
      item.duty_id = "leave-notice";
      item.subject_kind = QUORUM_SUBJECT_PERSON;
      item.subject_id = ZHANG;
      item.date = ymd (cases[i].start);
      item.done = ymd (cases[i].filed);
      item.emergency = cases[i].emergency;
      item.reason = cases[i].reason;
      item.record_id = 1000 + i;
      quorum_compliance_input_add_notice (input, &item, &error);
      g_assert_no_error (error);
    }

  results = evaluate (input, "2026-11", "2026-11-26");
  found = select_results (results, "leave-notice", ZHANG, 0);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < found->len; i++)
    {
      QuorumComplianceResult *r = found->pdata[i];
      guint c = quorum_compliance_result_get_item_id (r) - 1000;

      g_assert_cmpuint (c, <, G_N_ELEMENTS (cases));
      g_assert_cmpint (quorum_compliance_result_get_status (r), ==, cases[c].status);
    }
  /* Li took no leave: one result that says so. */
  none = select_results (results, "leave-notice", LI, 0);
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_cmpint (quorum_compliance_result_get_status (none->pdata[0]), ==, QUORUM_COMPLIANCE_MET);
}

/* 3 working days across Spring Festival 2024 and National Day 2025, where
 * adjusted Saturdays and Sundays are working days. */
static const struct
{
  const char             *trigger;
  const char             *done;
  const char             *today;
  QuorumComplianceStatus  status;
  const char             *deadline;
} deadline_cases[] = {
  /* Thu 8 Feb 2024: Fri 9 (1), 10–17 off, Sun 18 adjusted (2), Mon 19 (3). */
  { "2024-02-08", "2024-02-19", "2024-02-26", QUORUM_COMPLIANCE_MET, "19 Feb" },
  { "2024-02-08", "2024-02-20", "2024-02-26", QUORUM_COMPLIANCE_MISSED, "19 Feb" },
  { "2024-02-08", NULL, "2024-02-09", QUORUM_COMPLIANCE_OPEN, "19 Feb" },
  { "2024-02-08", NULL, "2024-02-18", QUORUM_COMPLIANCE_AT_RISK, "19 Feb" },
  { "2024-02-08", NULL, "2024-02-19", QUORUM_COMPLIANCE_AT_RISK, "19 Feb" },
  { "2024-02-08", NULL, "2024-02-20", QUORUM_COMPLIANCE_MISSED, "19 Feb" },
  /* Fri 26 Sep 2025: Sun 28 adjusted (1), Mon 29 (2), Tue 30 (3). */
  { "2025-09-26", "2025-09-30", "2025-10-15", QUORUM_COMPLIANCE_MET, "30 Sep" },
  /* Mon 29 Sep 2025: Tue 30 (1), 1–8 Oct off, Thu 9 (2), Fri 10 (3). */
  { "2025-09-29", "2025-10-10", "2025-10-15", QUORUM_COMPLIANCE_MET, "10 Oct" },
  { "2025-09-29", "2025-10-11", "2025-10-15", QUORUM_COMPLIANCE_MISSED, "10 Oct" },
  { "2025-09-29", NULL, "2025-09-30", QUORUM_COMPLIANCE_OPEN, "10 Oct" },
  /* Thu 9 Oct 2025: Fri 10 (1), Sat 11 adjusted (2), Mon 13 (3). */
  { "2025-10-09", "2025-10-13", "2025-10-15", QUORUM_COMPLIANCE_MET, "13 Oct" },
  { "2025-10-09", "2025-10-14", "2025-10-15", QUORUM_COMPLIANCE_MISSED, "13 Oct" },
};

static void
test_compliance_deadlines (void)
{
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;

  workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      g_autoptr(QuorumComplianceInput) input = new_input ();
      g_autoptr(QuorumPeriod) period = NULL;
      g_autoptr(GPtrArray) results = NULL;
      QuorumComplianceResult *r;
      QuorumComplianceItem item;
      GDate trigger = ymd (deadline_cases[i].trigger);
      GDate today = ymd (deadline_cases[i].today);

      g_test_message ("case %u: %s done %s today %s", i, deadline_cases[i].trigger,
                      deadline_cases[i].done ? deadline_cases[i].done : "-", deadline_cases[i].today);
      bind (input, "letter-reply", QUORUM_SUBJECT_UNIT, DEPT, NULL, NULL);
      quorum_compliance_item_init (&item);
      item.duty_id = "letter-reply";
      item.subject_kind = QUORUM_SUBJECT_UNIT;
      item.subject_id = DEPT;
      item.date = trigger;
      item.done = ymd (deadline_cases[i].done);
      item.record_id = 77;
      quorum_compliance_input_add_deadline (input, &item, &error);
      g_assert_no_error (error);

      period = quorum_period_for_date (QUORUM_PERIOD_MONTH, &trigger, NULL);
      results = quorum_compliance_evaluate (input, period, &today, 7, workdays, &error);
      g_assert_no_error (error);
      r = only_result (results, "letter-reply", DEPT, 0);
      g_test_message ("%s", quorum_compliance_result_get_explanation (r));
      g_assert_cmpint (quorum_compliance_result_get_status (r), ==, deadline_cases[i].status);
      g_assert_cmpint (quorum_compliance_result_get_item_id (r), ==, 77);
      g_assert_nonnull (strstr (quorum_compliance_result_get_explanation (r), deadline_cases[i].deadline));
    }

  /* Without a holiday calendar, working days cannot be counted. */
  {
    g_autoptr(QuorumComplianceInput) input = new_input ();
    g_autoptr(QuorumPeriod) period = quorum_period_parse ("2024-02", NULL);
    g_autoptr(GPtrArray) results = NULL;
    GDate today = ymd ("2024-02-26");
    QuorumComplianceItem item;

    bind (input, "letter-reply", QUORUM_SUBJECT_UNIT, DEPT, NULL, NULL);
    quorum_compliance_item_init (&item);
    item.duty_id = "letter-reply";
    item.subject_kind = QUORUM_SUBJECT_UNIT;
    item.subject_id = DEPT;
    item.date = ymd ("2024-02-08");
    quorum_compliance_input_add_deadline (input, &item, &error);
    g_assert_no_error (error);
    results = quorum_compliance_evaluate (input, period, &today, 7, NULL, &error);
    g_assert_null (results);
    g_assert_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID);
  }
}

static void
test_compliance_errors (void)
{
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GError) error = NULL;
  QuorumComplianceFact f;
  GDate from = ymd ("2026-11-20"), until = ymd ("2026-11-10");

  quorum_compliance_fact_init (&f);
  f.duty_id = "no-such-duty";
  f.subject_id = ZHANG;
  f.date = ymd ("2026-11-01");
  g_assert_false (quorum_compliance_input_add_fact (input, &f, &error));
  g_assert_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_UNKNOWN_DUTY);
  g_assert_nonnull (strstr (error->message, "no-such-duty"));
  g_clear_error (&error);

  f.duty_id = "reception-day";
  f.subject_id = 999;
  g_assert_false (quorum_compliance_input_add_fact (input, &f, &error));
  g_assert_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_UNKNOWN_SUBJECT);
  g_clear_error (&error);

  f.subject_id = ZHANG;
  g_date_clear (&f.date, 1);
  g_assert_false (quorum_compliance_input_add_fact (input, &f, &error));
  g_assert_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (quorum_compliance_input_bind (input, "reception-day", QUORUM_SUBJECT_PERSON, ZHANG,
                                                &from, &until, &error));
  g_assert_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID);
}

/* A whole office for a whole year: 50 people bound to the 46 duties of the
 * Qixia rulebook, with a fact (or a deadline or a leave) a month for each. */
static void
test_compliance_office_year (void)
{
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(QuorumComplianceInput) input = quorum_compliance_input_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(QuorumPeriod) year = quorum_period_parse ("2026", NULL);
  g_autoptr(GError) error = NULL;
  GDate today = ymd ("2026-11-26");
  GListModel *duties;
  guint n_facts = 0, n_duties;
  guint per_status[5] = { 0 };

  rulebook = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);
  quorum_compliance_input_add_rulebook (input, rulebook);
  duties = quorum_rulebook_get_duties (rulebook);
  n_duties = g_list_model_get_n_items (duties);
  g_assert_cmpuint (n_duties, ==, 46);

  quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_BODY, BODY, "市政府");
  for (guint d = 0; d < n_duties; d++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, d);
      if (quorum_duty_get_scope (duty) == QUORUM_DUTY_SCOPE_BODY)
        quorum_compliance_input_bind (input, quorum_duty_get_id (duty), QUORUM_SUBJECT_BODY, BODY,
                                      NULL, NULL, &error);
    }

  for (gint64 p = 1; p <= 50; p++)
    {
      quorum_compliance_input_add_subject (input, QUORUM_SUBJECT_PERSON, p, "someone");
      for (const char *const *kind = (const char *const[]) { "enterprise", "department", "town", NULL };
           *kind; kind++)
        for (gint64 e = 0; e < 3; e++)
          quorum_compliance_input_link_unit (input, QUORUM_SUBJECT_PERSON, p, *kind, p * 10 + e,
                                             "unit", NULL, NULL, &error);

      for (guint d = 0; d < n_duties; d++)
        {
          g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, d);
          const char *id = quorum_duty_get_id (duty);
          QuorumMeasure measure = quorum_duty_get_measure (duty);

          quorum_compliance_input_bind (input, id, QUORUM_SUBJECT_PERSON, p, NULL, NULL, &error);
          for (int m = 1; m <= 12; m++)
            {
              GDate day;

              g_date_clear (&day, 1);
              g_date_set_dmy (&day, 1 + (p + d) % 28, m, 2026);
              if (measure == QUORUM_MEASURE_DEADLINE_WORKDAYS || measure == QUORUM_MEASURE_NOTICE_DAYS)
                {
                  QuorumComplianceItem item;

                  quorum_compliance_item_init (&item);
                  item.duty_id = id;
                  item.subject_id = p;
                  item.date = day;
                  item.done = day;
                  g_date_add_days (&item.done, measure == QUORUM_MEASURE_DEADLINE_WORKDAYS ? m % 6 : 0);
                  if (measure == QUORUM_MEASURE_NOTICE_DAYS)
                    g_date_subtract_days (&item.done, m % 5);
                  item.record_id = ++n_facts;
                  if (measure == QUORUM_MEASURE_NOTICE_DAYS)
                    quorum_compliance_input_add_notice (input, &item, &error);
                  else
                    quorum_compliance_input_add_deadline (input, &item, &error);
                }
              else
                {
                  QuorumComplianceFact f;

                  quorum_compliance_fact_init (&f);
                  f.duty_id = id;
                  f.subject_id = p;
                  f.unit_id = p * 10 + m % 3;
                  f.date = day;
                  f.amount = 1 + (m % 2) * 0.5;
                  f.unannounced = (p + m) % 2;
                  f.attendance = quorum_duty_get_attendance (duty)
                               ? (m % 4 ? QUORUM_ATTENDANCE_PRESENT : QUORUM_ATTENDANCE_ABSENT)
                               : QUORUM_ATTENDANCE_UNKNOWN;
                  f.record_id = ++n_facts;
                  quorum_compliance_input_add_fact (input, &f, &error);
                }
            }
        }
    }
  g_assert_no_error (error);

  results = quorum_compliance_evaluate (input, year, &today, 7, workdays, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_facts, ==, 50 * 46 * 12);
  g_assert_cmpuint (results->len, >, 50 * 46);
  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];

      g_assert_cmpstr (quorum_compliance_result_get_explanation (r), !=, "");
      per_status[quorum_compliance_result_get_status (r)]++;
    }
  /* The synthetic office has something in every state but remedied. */
  g_assert_cmpuint (per_status[QUORUM_COMPLIANCE_MET], >, 0);
  g_assert_cmpuint (per_status[QUORUM_COMPLIANCE_OPEN], >, 0);
  g_assert_cmpuint (per_status[QUORUM_COMPLIANCE_AT_RISK], >, 0);
  g_assert_cmpuint (per_status[QUORUM_COMPLIANCE_MISSED], >, 0);
  g_test_message ("%u results from %u facts", results->len, n_facts);
}

/* Every explanation has a Chinese translation. */
static void
test_compliance_translated (void)
{
  const char *localedir = g_getenv ("QUORUM_LOCALEDIR");
  g_autoptr(QuorumComplianceInput) input = new_input ();
  g_autoptr(GPtrArray) results = NULL;

  if (localedir == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  bind (input, "reception-day", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "grassroots-research", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "unannounced-research", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "enterprise-link", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "leave-notice", QUORUM_SUBJECT_PERSON, ZHANG, NULL, NULL);
  bind (input, "theory-study", QUORUM_SUBJECT_BODY, BODY, NULL, NULL);
  bind (input, "theory-study", QUORUM_SUBJECT_PERSON, LI, NULL, NULL);
  fact (input, NULL, "research-day", QUORUM_SUBJECT_PERSON, ZHANG, "2026-10-02", 2.5, TRUE, 0, 1);
  fact (input, "theory-study", NULL, QUORUM_SUBJECT_BODY, BODY, "2026-10-14", 1, FALSE, 0, 500);
  attendance (input, "theory-study", LI, 500, QUORUM_ATTENDANCE_ABSENT, "2026-10-20");

  results = evaluate (input, "2026-Q4", "2026-11-26");
  g_assert_cmpuint (results->len, >, 8);
  for (guint i = 0; i < results->len; i++)
    {
      const char *text = quorum_compliance_result_get_explanation (results->pdata[i]);
      gboolean cjk = FALSE;

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) >= 0x4e00 && g_utf8_get_char (p) <= 0x9fff)
          cjk = TRUE;
      g_assert_true (cjk);
      /* No untranslated English words left. */
      g_assert_null (strstr (text, " of "));
      g_assert_null (strstr (text, "Met"));
    }
  g_assert_cmpstr (quorum_compliance_status_to_label (QUORUM_COMPLIANCE_AT_RISK), ==, "预警");
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/compliance/counts", test_compliance_counts);
  g_test_add_func ("/core/compliance/result-fields", test_compliance_result_fields);
  g_test_add_func ("/core/compliance/colours", test_compliance_colours);
  g_test_add_func ("/core/compliance/per-unit", test_compliance_per_unit);
  g_test_add_func ("/core/compliance/days-and-ratio", test_compliance_days_and_ratio);
  g_test_add_func ("/core/compliance/attendance", test_compliance_attendance);
  g_test_add_func ("/core/compliance/binding", test_compliance_binding);
  g_test_add_func ("/core/compliance/notice", test_compliance_notice);
  g_test_add_func ("/core/compliance/deadlines", test_compliance_deadlines);
  g_test_add_func ("/core/compliance/errors", test_compliance_errors);
  g_test_add_func ("/core/compliance/office-year", test_compliance_office_year);
  g_test_add_func ("/core/compliance/translated", test_compliance_translated);

  return g_test_run ();
}
