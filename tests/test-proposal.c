/* test-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every proposal is stored, expanded over 2026 with the holiday calendar, and
 * checked against its duty: the minimum in every period, no occurrence on a
 * day off, inside the duty's window.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "quorum-proposal.h"
#include "quorum-recurrence.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

typedef struct
{
  QuorumDatabase *db;
  QuorumStore    *store;
  QuorumRulebook *rulebook;
  QuorumWorkdays *workdays;
  GTimeZone      *tz;
  gint64          zhang;
  gint64          li;
  gint64          wang;
  gint64          party_group;
  gint64          leadership;
  gint64          government;
} Fixture;

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

static gint64
add_member (Fixture    *f,
            const char *name,
            gint64      unit,
            const char *from)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = g_date_new ();
  gint64 id = quorum_store_add_person (f->store, person, &error);

  g_assert_no_error (error);
  g_date_set_parse (start, from);
  quorum_store_add_relation (f->store, id, unit, "member", start, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "proposal.db", NULL);
  f->db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (f->db);
  f->tz = g_time_zone_new_identifier (QUORUM_DEFAULT_TZID);
  now = g_date_time_new (f->tz, 2026, 1, 1, 0, 0, 0);
  quorum_store_set_now (f->store, now);
  f->rulebook = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  f->workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  f->party_group = add_unit (f, "市政府党组", "party-group");
  f->leadership = add_unit (f, "市政府领导班子", "leadership-group");
  f->government = add_unit (f, "市政府", "government");
  add_unit (f, "市政府常务会议", "executive-meeting");
  f->zhang = add_member (f, "张三", f->leadership, "2025-01-01");
  f->wang = add_member (f, "王五", f->government, "2025-01-01");
  f->li = add_member (f, "李四", f->leadership, "2025-06-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (quorum_database_get_path (f->db));

  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_object (&f->rulebook);
  g_clear_object (&f->workdays);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_remove (path);
}

/* An index for the period of @period that @date lies in. */
static int
period_of (const GDate      *date,
           QuorumPeriodKind  period,
           const GDate      *anchor)
{
  int year = g_date_get_year (date), month = g_date_get_month (date);

  switch (period)
    {
    case QUORUM_PERIOD_WEEK:
      /* Julian day 1 (1 January 1) is a Monday. */
      return (int)((g_date_get_julian (date) - 1) / 7);
    case QUORUM_PERIOD_FORTNIGHT:
      return (int)(((gint64)g_date_get_julian (date) - g_date_get_julian (anchor) + 14 * 100000) / 14);
    case QUORUM_PERIOD_MONTH:
      return year * 12 + month - 1;
    case QUORUM_PERIOD_QUARTER:
      return year * 4 + (month - 1) / 3;
    case QUORUM_PERIOD_HALF_YEAR:
      return year * 2 + (month - 1) / 6;
    case QUORUM_PERIOD_YEAR:
    case QUORUM_PERIOD_NONE:
    default:
      return year;
    }
}

static void
to_date (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

typedef struct
{
  const char *duty;
  const char *rrule;
  const char *first;     /* the day of the first occurrence */
  guint       in_2026;   /* occurrences in 2026 */
  const char *unit_kind; /* the participant unit, or NULL for a personal duty */
  int         hour;
} Case;

static const Case cases[] = {
  { "theory-study", "FREQ=MONTHLY;BYDAY=2WE", "2026-01-14", 12, "party-group", 9 },
  { "economic-analysis", "FREQ=MONTHLY;BYMONTHDAY=20", "2026-01-20", 12, "government", 9 },
  { "frontline-office", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2026-01-07", 26, NULL, 8 },
  { "reception-day", "FREQ=MONTHLY;BYDAY=2WE", "2026-01-14", 12, NULL, 8 },
  { "indicator-weekly-dispatch", "FREQ=WEEKLY;BYDAY=WE", "2026-01-07", 52, "government", 9 },
  { "deputies-forum", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "2026-01-15", 4, "government", 9 },
  { "integrity-meeting", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "2026-01-15", 4, NULL, 9 },
  { "ideology-study", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15", "2026-01-15", 2, "party-group", 9 },
  { "executive-law-study", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15", "2026-01-15", 2,
    "executive-meeting", 9 },
  { "service-projects", "FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=15", "2026-01-15", 3, NULL, 9 },
  { "democratic-life-meeting", "FREQ=YEARLY", "2026-01-15", 1, "party-group", 9 },
  { "investment-map", "FREQ=YEARLY", "2026-01-15", 1, "government", 9 },
  { "project-preparation", "FREQ=YEARLY", "2026-11-16", 1, "government", 9 },
  { "major-matters", "FREQ=YEARLY;BYMONTH=1,2,3;BYMONTHDAY=15", "2026-01-15", 3, NULL, 9 },
  { "grassroots-research", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-01-05", 104, NULL, 8 },
};

/* Whether any day of the period of @period that holds @date is a working day. */
static gboolean
period_has_workday (Fixture          *f,
                    const GDate      *date,
                    QuorumPeriodKind  period,
                    const GDate      *anchor)
{
  int index = period_of (date, period, anchor);
  GDate day = *date;

  while (g_date_get_julian (&day) > 1 && period_of (&day, period, anchor) == index)
    g_date_subtract_days (&day, 1);
  for (g_date_add_days (&day, 1); period_of (&day, period, anchor) == index; g_date_add_days (&day, 1))
    if (quorum_workdays_is_workday (f->workdays, &day))
      return TRUE;
  return FALSE;
}

static void
check_case (Fixture    *f,
            const Case *c)
{
  QuorumDuty *duty = quorum_rulebook_lookup (f->rulebook, c->duty);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GDateTime) from = g_date_time_new (f->tz, 2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (f->tz, 2027, 1, 1, 0, 0, 0);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  QuorumPeriodKind period;
  const gint64 *units;
  guint n_units, n;
  gboolean personal;
  GDate day, last_day;

  g_test_message ("duty %s", c->duty);
  g_assert_nonnull (duty);
  period = quorum_duty_get_period (duty);
  personal = quorum_proposal_duty_is_personal (duty);

  series = quorum_proposal_for_duty (duty, f->store, today, personal ? f->zhang : 0);
  g_assert_cmpstr (quorum_series_get_rrule (series), ==, c->rrule);
  g_assert_cmpstr (quorum_series_get_title (series), ==, quorum_duty_get_title (duty));
  g_assert_cmpstr (quorum_series_get_duty_id (series), ==, c->duty);
  g_assert_cmpstr (quorum_series_get_holiday_policy (series), ==, "next-workday");
  g_assert_cmpint (g_date_time_get_hour (quorum_series_get_dtstart (series)), ==, c->hour);
  g_assert_cmpint (quorum_series_get_owner_id (series), ==, personal ? f->zhang : 0);
  g_assert_nonnull (quorum_recurrence_describe (c->rrule, NULL));

  units = quorum_series_get_participant_units (series, &n_units);
  if (c->unit_kind != NULL)
    {
      g_autoptr(QuorumUnit) unit = NULL;

      g_assert_cmpuint (n_units, ==, 1);
      unit = quorum_store_get_unit (f->store, units[0], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (quorum_unit_get_kind (unit), ==, c->unit_kind);
    }
  else
    g_assert_cmpuint (n_units, ==, 0);

  filter.series_id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  occurrences = quorum_store_list_occurrences (f->store, from, to, &filter, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (occurrences);
  g_assert_cmpuint (n, ==, c->in_2026);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (occurrences, i);
      int key;

      to_date (quorum_occurrence_get_start (o), &day);
      if (i == 0)
        {
          first = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                                   g_date_get_month (&day), g_date_get_day (&day));
          g_assert_cmpstr (first, ==, c->first);
        }
      /* None on a day off. */
      g_assert_true (quorum_workdays_is_workday (f->workdays, &day));
      if (quorum_duty_get_window_start (duty) > 0)
        {
          g_assert_cmpint (g_date_get_month (&day), >=, quorum_duty_get_window_start (duty));
          g_assert_cmpint (g_date_get_month (&day), <=, quorum_duty_get_window_end (duty));
        }
      key = period_of (&day, period, quorum_duty_get_anchor (duty));
      g_hash_table_insert (counts, GINT_TO_POINTER (key),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts,
                                                                                  GINT_TO_POINTER (key))) + 1));
    }

  /* The minimum in every period of 2026 that begins on or after the first
   * occurrence and ends within the year, unless it has no working day. */
  g_date_clear (&day, 1);
  g_date_set_parse (&day, c->first);
  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 31, G_DATE_DECEMBER, 2026);
  for (; g_date_compare (&day, &last_day) <= 0; g_date_add_days (&day, 1))
    {
      GDate next = day;
      int key = period_of (&day, period, quorum_duty_get_anchor (duty));
      int got = GPOINTER_TO_INT (g_hash_table_lookup (counts, GINT_TO_POINTER (key)));
      guint min = (guint)quorum_duty_get_min (duty);

      g_date_add_days (&next, 1);
      if (period_of (&next, period, quorum_duty_get_anchor (duty)) == key ||
          g_date_get_year (&next) > 2026)
        continue;
      /* @day ends a period of 2026 */
      if (!period_has_workday (f, &day, period, quorum_duty_get_anchor (duty)))
        continue;
      if (quorum_duty_get_measure (duty) == QUORUM_MEASURE_DAYS && period == QUORUM_PERIOD_YEAR)
        continue;  /* counted for the whole year below */
      if (got < (int)min)
        g_error ("%s: %d occurrences in the period ending %d-%d-%d, at least %u wanted",
                 c->duty, got, g_date_get_year (&day), g_date_get_month (&day),
                 g_date_get_day (&day), min);
    }
  g_assert_cmpuint (n, >=, (guint)quorum_duty_get_min (duty));
}

static void
test_proposal_duties (Fixture       *f,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (f, &cases[i]);
}

static void
test_proposal_holiday_move (Fixture       *f,
                            gconstpointer  data)
{
  QuorumDuty *duty = quorum_rulebook_lookup (f->rulebook, "economic-analysis");
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(QuorumSeries) series = quorum_proposal_for_duty (duty, f->store, today, 0);
  g_autoptr(GDateTime) from = g_date_time_new (f->tz, 2026, 9, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (f->tz, 2027, 1, 1, 0, 0, 0);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  static const struct { int month, day; gboolean shifted; } want[] = {
    { 9, 20, FALSE },  /* a Sunday made a working day (调休): kept */
    { 10, 20, FALSE },
    { 11, 20, FALSE },
    { 12, 21, TRUE },  /* Sunday 20 December: the Monday after */
  };

  filter.series_id = quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  list = quorum_store_list_occurrences (f->store, from, to, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (list, i);
      GDateTime *start = quorum_occurrence_get_start (o);

      g_assert_cmpint (g_date_time_get_month (start), ==, want[i].month);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, want[i].day);
      g_assert_cmpint (quorum_occurrence_get_holiday_shifted (o), ==, want[i].shifted);
    }
}

static void
test_proposal_members (Fixture       *f,
                       gconstpointer  data)
{
  QuorumDuty *reception = quorum_rulebook_lookup (f->rulebook, "reception-day");
  QuorumDuty *theory = quorum_rulebook_lookup (f->rulebook, "theory-study");
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) later = g_date_new_dmy (1, G_DATE_JULY, 2025);
  g_autoptr(GArray) members = NULL;
  g_autoptr(QuorumSeries) second = NULL;
  g_autoptr(QuorumSeries) third = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_proposal_duty_is_personal (reception));
  g_assert_false (quorum_proposal_duty_is_personal (theory));
  g_assert_true (quorum_proposal_duty_is_schedulable (reception));
  g_assert_false (quorum_proposal_duty_is_schedulable (quorum_rulebook_lookup (f->rulebook,
                                                                               "letter-reply")));
  g_assert_false (quorum_proposal_duty_is_schedulable (quorum_rulebook_lookup (f->rulebook,
                                                                               "enterprise-link")));
  g_assert_cmpstr (quorum_proposal_unit_kind_for_group ("leadership"), ==, "leadership-group");
  g_assert_null (quorum_proposal_unit_kind_for_group ("party-members"));

  /* The leaders on the day, not the other member of the government. */
  members = quorum_proposal_list_members (f->store, reception, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, f->zhang);
  g_assert_cmpint (g_array_index (members, gint64, 1), ==, f->li);
  g_clear_pointer (&members, g_array_unref);
  members = quorum_proposal_list_members (f->store, reception, later, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_clear_pointer (&members, g_array_unref);

  /* Staggered leaders hold their reception days on different weekdays. */
  second = quorum_proposal_for_duty_staggered (reception, f->store, today, f->li, 1);
  g_assert_cmpstr (quorum_series_get_rrule (second), ==, "FREQ=MONTHLY;BYDAY=2TH");
  /* Never before the proposal's own start (14 January): 12 February. */
  g_assert_cmpint (g_date_time_get_month (quorum_series_get_dtstart (second)), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (quorum_series_get_dtstart (second)), ==, 12);
  third = quorum_proposal_for_duty_staggered (reception, f->store, today, f->li, 3);
  g_assert_cmpstr (quorum_series_get_rrule (third), ==, "FREQ=MONTHLY;BYDAY=2MO");
  /* The second Monday of January is before the second Wednesday: February. */
  g_assert_cmpint (g_date_time_get_month (quorum_series_get_dtstart (third)), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (quorum_series_get_dtstart (third)), ==, 9);

  /* Fortnights stay in the anchor's cycle; Friday + 1 wraps to the next Monday. */
  {
    QuorumDuty *frontline = quorum_rulebook_lookup (f->rulebook, "frontline-office");
    g_autoptr(QuorumSeries) s2 = quorum_proposal_for_duty_staggered (frontline, f->store, today,
                                                                     f->li, 2);
    g_autoptr(QuorumSeries) s3 = quorum_proposal_for_duty_staggered (frontline, f->store, today,
                                                                     f->li, 3);
    g_autoptr(QuorumSeries) by_day = quorum_proposal_for_duty (quorum_rulebook_lookup (f->rulebook,
                                                                                        "deputies-forum"),
                                                               f->store, today, 0);

    g_assert_cmpstr (quorum_series_get_rrule (s2), ==, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
    g_assert_cmpint (g_date_time_get_day_of_month (quorum_series_get_dtstart (s2)), ==, 9);
    g_assert_cmpstr (quorum_series_get_rrule (s3), ==, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
    g_assert_cmpint (g_date_time_get_day_of_month (quorum_series_get_dtstart (s3)), ==, 19);

    quorum_proposal_stagger (by_day, 4);
    g_assert_cmpstr (quorum_series_get_rrule (by_day), ==, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=19");
    g_assert_cmpint (g_date_time_get_day_of_month (quorum_series_get_dtstart (by_day)), ==, 19);
  }

  /* A deadline gets a single event. */
  {
    g_autoptr(QuorumSeries) single = quorum_proposal_for_duty (quorum_rulebook_lookup (f->rulebook,
                                                                                        "minutes-signoff"),
                                                               f->store, today, 0);

    g_assert_null (quorum_series_get_rrule (single));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/proposal/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("duties", test_proposal_duties);
  ADD ("holiday-move", test_proposal_holiday_move);
  ADD ("members", test_proposal_members);

  return g_test_run ();
}
