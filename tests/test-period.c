/* test-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "quorum-period.h"

static GDate
ymd (const char *iso)
{
  GDate date;
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
assert_span (QuorumPeriod *period,
             const char   *start,
             const char   *end)
{
  g_autofree char *s = iso (quorum_period_get_start (period));
  g_autofree char *e = iso (quorum_period_get_end (period));

  g_assert_cmpstr (s, ==, start);
  g_assert_cmpstr (e, ==, end);
}

static const struct
{
  const char       *text;
  QuorumPeriodKind  kind;
  const char       *start;
  const char       *end;
  const char       *round_trip;
} parse_cases[] = {
  { "2026", QUORUM_PERIOD_YEAR, "2026-01-01", "2027-01-01", "2026" },
  { "2026-H1", QUORUM_PERIOD_HALF_YEAR, "2026-01-01", "2026-07-01", "2026-H1" },
  { "2026-H2", QUORUM_PERIOD_HALF_YEAR, "2026-07-01", "2027-01-01", "2026-H2" },
  { "2026-Q1", QUORUM_PERIOD_QUARTER, "2026-01-01", "2026-04-01", "2026-Q1" },
  { "2026-q4", QUORUM_PERIOD_QUARTER, "2026-10-01", "2027-01-01", "2026-Q4" },
  { "2026-11", QUORUM_PERIOD_MONTH, "2026-11-01", "2026-12-01", "2026-11" },
  { "2026-12", QUORUM_PERIOD_MONTH, "2026-12-01", "2027-01-01", "2026-12" },
  { "2024-02", QUORUM_PERIOD_MONTH, "2024-02-01", "2024-03-01", "2024-02" },
  { "2026-W47", QUORUM_PERIOD_WEEK, "2026-11-16", "2026-11-23", "2026-W47" },
  { "2026-W01", QUORUM_PERIOD_WEEK, "2025-12-29", "2026-01-05", "2026-W01" },
  /* 2026 starts on a Thursday: it has an ISO week 53, which ends in 2027. */
  { "2026-W53", QUORUM_PERIOD_WEEK, "2026-12-28", "2027-01-04", "2026-W53" },
  { "2020-W53", QUORUM_PERIOD_WEEK, "2020-12-28", "2021-01-04", "2020-W53" },
  { "2026-11-16/P2W", QUORUM_PERIOD_FORTNIGHT, "2026-11-16", "2026-11-30", "2026-11-16/P2W" },
};

static void
test_period_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumPeriod) period = quorum_period_parse (parse_cases[i].text, &error);
      g_autofree char *text = NULL;

      g_test_message ("%s", parse_cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpint (quorum_period_get_kind (period), ==, parse_cases[i].kind);
      assert_span (period, parse_cases[i].start, parse_cases[i].end);
      text = quorum_period_to_string (period);
      g_assert_cmpstr (text, ==, parse_cases[i].round_trip);
    }
}

static void
test_period_parse_errors (void)
{
  const char *bad[] = {
    "", "26", "2026-", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "2025-W53",
    "2026-W54", "2026-W0", "2026-1", "2026-11-31/P2W", "abcd", "2026-11x", "2026 ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumPeriod) period = quorum_period_parse (bad[i], &error);

      g_test_message ("“%s”", bad[i]);
      g_assert_null (period);
      g_assert_error (error, QUORUM_PERIOD_ERROR, QUORUM_PERIOD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static const struct
{
  QuorumPeriodKind  kind;
  const char       *date;
  const char       *start;
  const char       *end;
} for_date_cases[] = {
  { QUORUM_PERIOD_MONTH, "2024-02-29", "2024-02-01", "2024-03-01" },
  { QUORUM_PERIOD_MONTH, "2026-11-30", "2026-11-01", "2026-12-01" },
  { QUORUM_PERIOD_QUARTER, "2026-03-31", "2026-01-01", "2026-04-01" },
  { QUORUM_PERIOD_QUARTER, "2026-04-01", "2026-04-01", "2026-07-01" },
  { QUORUM_PERIOD_QUARTER, "2026-12-31", "2026-10-01", "2027-01-01" },
  { QUORUM_PERIOD_HALF_YEAR, "2026-06-30", "2026-01-01", "2026-07-01" },
  { QUORUM_PERIOD_YEAR, "2024-02-29", "2024-01-01", "2025-01-01" },
  { QUORUM_PERIOD_WEEK, "2026-11-22", "2026-11-16", "2026-11-23" },
  { QUORUM_PERIOD_WEEK, "2027-01-03", "2026-12-28", "2027-01-04" },
  /* Fortnights from the rulebook's anchor, Monday 2022-05-02. */
  { QUORUM_PERIOD_FORTNIGHT, "2022-05-02", "2022-05-02", "2022-05-16" },
  { QUORUM_PERIOD_FORTNIGHT, "2022-05-15", "2022-05-02", "2022-05-16" },
  { QUORUM_PERIOD_FORTNIGHT, "2022-05-16", "2022-05-16", "2022-05-30" },
  { QUORUM_PERIOD_FORTNIGHT, "2022-05-01", "2022-04-18", "2022-05-02" },
  { QUORUM_PERIOD_FORTNIGHT, "2026-11-26", "2026-11-23", "2026-12-07" },
};

static void
test_period_for_date (void)
{
  GDate anchor = ymd ("2022-05-02");

  for (guint i = 0; i < G_N_ELEMENTS (for_date_cases); i++)
    {
      GDate date = ymd (for_date_cases[i].date);
      g_autoptr(QuorumPeriod) period = quorum_period_for_date (for_date_cases[i].kind, &date, &anchor);

      g_test_message ("%s", for_date_cases[i].date);
      assert_span (period, for_date_cases[i].start, for_date_cases[i].end);
      g_assert_true (quorum_period_contains (period, &date));
    }
}

static void
test_period_contains (void)
{
  g_autoptr(QuorumPeriod) q4 = quorum_period_parse ("2026-Q4", NULL);
  GDate last = ymd ("2026-12-31");
  GDate after = ymd ("2027-01-01");
  GDate before = ymd ("2026-09-30");
  GDate first = ymd ("2026-10-01");

  g_assert_true (quorum_period_contains (q4, &first));
  g_assert_true (quorum_period_contains (q4, &last));
  g_assert_false (quorum_period_contains (q4, &after));
  g_assert_false (quorum_period_contains (q4, &before));
  g_assert_cmpuint (quorum_period_get_n_days (q4), ==, 92);
}

static void
test_period_next_previous (void)
{
  const char *chain[] = { "2026-W52", "2026-W53", "2027-W01" };
  g_autoptr(QuorumPeriod) month = quorum_period_parse ("2026-12", NULL);
  g_autoptr(QuorumPeriod) next = quorum_period_next (month);
  g_autoptr(QuorumPeriod) prev = quorum_period_previous (next);
  g_autoptr(QuorumPeriod) week = quorum_period_parse (chain[0], NULL);
  g_autofree char *text = quorum_period_to_string (next);

  g_assert_cmpstr (text, ==, "2027-01");
  g_assert_true (quorum_period_equal (prev, month));

  for (guint i = 1; i < G_N_ELEMENTS (chain); i++)
    {
      QuorumPeriod *n = quorum_period_next (week);
      g_autofree char *t = quorum_period_to_string (n);

      g_assert_cmpstr (t, ==, chain[i]);
      quorum_period_unref (week);
      week = n;
    }
  {
    g_autoptr(QuorumPeriod) back = quorum_period_previous (week);
    g_autofree char *t = quorum_period_to_string (back);
    g_assert_cmpstr (t, ==, "2026-W53");
  }
}

static void
test_period_list_in (void)
{
  g_autoptr(QuorumPeriod) q4 = quorum_period_parse ("2026-Q4", NULL);
  g_autoptr(QuorumPeriod) year = quorum_period_parse ("2026", NULL);
  g_autoptr(QuorumPeriod) month = quorum_period_parse ("2026-11", NULL);
  g_autoptr(GPtrArray) months = quorum_period_list_in (QUORUM_PERIOD_MONTH, q4, NULL);
  g_autoptr(GPtrArray) fortnights = quorum_period_list_in (QUORUM_PERIOD_FORTNIGHT, year, NULL);
  g_autoptr(GPtrArray) weeks = quorum_period_list_in (QUORUM_PERIOD_WEEK, year, NULL);
  g_autoptr(GPtrArray) years = quorum_period_list_in (QUORUM_PERIOD_YEAR, month, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpuint (months->len, ==, 3);
  first = quorum_period_to_string (months->pdata[0]);
  last = quorum_period_to_string (months->pdata[2]);
  g_assert_cmpstr (first, ==, "2026-10");
  g_assert_cmpstr (last, ==, "2026-12");

  /* Fortnights overlapping 2026: the first starts in 2025, the last ends in 2027. */
  g_assert_cmpuint (fortnights->len, ==, 27);
  assert_span (fortnights->pdata[0], "2025-12-22", "2026-01-05");
  assert_span (fortnights->pdata[26], "2026-12-21", "2027-01-04");

  /* ISO weeks touching 2026: week 1 starts on 2025-12-29, week 53 ends in 2027. */
  g_assert_cmpuint (weeks->len, ==, 53);

  g_assert_cmpuint (years->len, ==, 1);
  assert_span (years->pdata[0], "2026-01-01", "2027-01-01");
}

static void
test_period_window (void)
{
  g_autoptr(QuorumPeriod) year = quorum_period_parse ("2026", NULL);
  g_autoptr(QuorumPeriod) q1 = quorum_period_apply_window (year, 1, 3);
  g_autoptr(QuorumPeriod) q2 = quorum_period_parse ("2026-Q2", NULL);
  g_autoptr(QuorumPeriod) none = quorum_period_apply_window (q2, 1, 3);
  g_autoptr(QuorumPeriod) nov_dec = quorum_period_apply_window (year, 11, 12);

  assert_span (q1, "2026-01-01", "2026-04-01");
  g_assert_cmpint (quorum_period_get_kind (q1), ==, QUORUM_PERIOD_YEAR);
  g_assert_null (none);
  assert_span (nov_dec, "2026-11-01", "2027-01-01");
}

static const struct
{
  const char *text;
  const char *en;
  const char *zh;
} format_cases[] = {
  { "2026", "the year 2026", "2026年" },
  { "2026-H2", "second half of 2026", "2026年下半年" },
  { "2026-Q4", "Q4 2026", "2026年第四季度" },
  { "2026-11", "November 2026", "2026年11月" },
  { "2026-W47", "week 47 of 2026", "2026年第47周" },
  { "2026-11-16/P2W", "the fortnight from 2026-11-16", "2026年11月16日起的两周" },
};

static void
test_period_format (void)
{
  const char *localedir = g_getenv ("QUORUM_LOCALEDIR");
  gboolean zh;

  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autoptr(QuorumPeriod) period = quorum_period_parse (format_cases[i].text, NULL);
      g_autofree char *text = quorum_period_format (period);

      g_assert_cmpstr (text, ==, format_cases[i].en);
    }

  /* The Chinese catalogue, when the build has it and the system has the locale. */
  if (localedir == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  zh = TRUE;
  for (guint i = 0; zh && i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autoptr(QuorumPeriod) period = quorum_period_parse (format_cases[i].text, NULL);
      g_autofree char *text = quorum_period_format (period);

      g_assert_cmpstr (text, ==, format_cases[i].zh);
    }
  {
    GDate day = ymd ("2026-11-25");
    g_autofree char *text = quorum_period_format_day (&day);
    g_assert_cmpstr (text, ==, "11月25日");
  }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/period/parse", test_period_parse);
  g_test_add_func ("/core/period/parse-errors", test_period_parse_errors);
  g_test_add_func ("/core/period/for-date", test_period_for_date);
  g_test_add_func ("/core/period/contains", test_period_contains);
  g_test_add_func ("/core/period/next-previous", test_period_next_previous);
  g_test_add_func ("/core/period/list-in", test_period_list_in);
  g_test_add_func ("/core/period/window", test_period_window);
  g_test_add_func ("/core/period/format", test_period_format);

  return g_test_run ();
}
