/* test-recurrence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "quorum-recurrence.h"
#include "quorum-recurrence-private.h"

static GDateTime *
parse_time (const char *iso,
            const char *tzid)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid != NULL ? tzid : "Asia/Shanghai");
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (dt);
  return dt;
}

static GPtrArray *
parse_times (const char *list,
             const char *tzid)
{
  g_auto(GStrv) items = NULL;
  GPtrArray *times;

  if (list == NULL)
    return NULL;

  times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (times, parse_time (items[i], tzid));
  return times;
}

static char *
join_times (GPtrArray  *times,
            const char *format)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < times->len; i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (times, i), format);

      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append (str, text);
    }
  return g_string_free (str, FALSE);
}

static void
test_recurrence_expand (void)
{
  static const struct {
    const char *rrule;
    const char *dtstart;
    const char *tzid;
    const char *exdates;
    const char *rdates;
    const char *range_start;
    const char *range_end;
    guint       max_count;
    const char *expected;
  } cases[] = {
    /* Month ends: day 31 skips short months, -1 is every last day. */
    { "FREQ=MONTHLY;BYMONTHDAY=31", "2024-01-31T09:00:00", NULL, NULL, NULL,
      "2024-01-01T00:00:00", "2024-09-01T00:00:00", 0,
      "2024-01-31 09:00,2024-03-31 09:00,2024-05-31 09:00,2024-07-31 09:00,2024-08-31 09:00" },
    { "FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-31T09:00:00", NULL, NULL, NULL,
      NULL, "2024-05-01T00:00:00", 0,
      "2024-01-31 09:00,2024-02-29 09:00,2024-03-31 09:00,2024-04-30 09:00" },
    /* Leap day: only leap years. */
    { "FREQ=YEARLY", "2024-02-29T10:00:00", NULL, NULL, NULL,
      NULL, "2033-01-01T00:00:00", 0,
      "2024-02-29 10:00,2028-02-29 10:00,2032-02-29 10:00" },
    /* Every two weeks from the frontline-office anchor. */
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2022-05-02T09:00:00", NULL, NULL, NULL,
      "2022-05-01T00:00:00", "2022-06-15T00:00:00", 0,
      "2022-05-02 09:00,2022-05-16 09:00,2022-05-30 09:00,2022-06-13 09:00" },
    /* Quarterly. */
    { "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", "2024-01-01T14:30:00", NULL, NULL, NULL,
      NULL, "2025-01-01T00:00:00", 0,
      "2024-01-01 14:30,2024-04-01 14:30,2024-07-01 14:30,2024-10-01 14:30" },
    { "FREQ=YEARLY", "2024-03-15T09:00:00", NULL, NULL, NULL,
      NULL, "2027-01-01T00:00:00", 0,
      "2024-03-15 09:00,2025-03-15 09:00,2026-03-15 09:00" },
    { "FREQ=MONTHLY;BYDAY=-1FR", "2024-01-26T15:00:00", NULL, NULL, NULL,
      NULL, "2024-05-01T00:00:00", 0,
      "2024-01-26 15:00,2024-02-23 15:00,2024-03-29 15:00,2024-04-26 15:00" },
    /* COUNT and UNTIL (a date includes its day; a UTC time is converted). */
    { "FREQ=WEEKLY;BYDAY=WE;COUNT=3", "2024-01-03T09:00:00", NULL, NULL, NULL,
      NULL, NULL, 0,
      "2024-01-03 09:00,2024-01-10 09:00,2024-01-17 09:00" },
    { "FREQ=WEEKLY;BYDAY=WE;UNTIL=20240117", "2024-01-03T09:00:00", NULL, NULL, NULL,
      NULL, NULL, 0,
      "2024-01-03 09:00,2024-01-10 09:00,2024-01-17 09:00" },
    { "FREQ=WEEKLY;UNTIL=20240117T010000Z", "2024-01-03T09:00:00", NULL, NULL, NULL,
      NULL, NULL, 0,
      "2024-01-03 09:00,2024-01-10 09:00,2024-01-17 09:00" },
    { "FREQ=WEEKLY;UNTIL=20240117T005959Z", "2024-01-03T09:00:00", NULL, NULL, NULL,
      NULL, NULL, 0,
      "2024-01-03 09:00,2024-01-10 09:00" },
    /* UNTIL before DTSTART: nothing, and no endless loop. */
    { "FREQ=DAILY;UNTIL=20231201", "2024-01-03T09:00:00", NULL, NULL, NULL,
      NULL, NULL, 0, "" },
    /* Range clipping is [start, end). */
    { "FREQ=DAILY", "2024-01-01T09:00:00", NULL, NULL, NULL,
      "2024-03-01T09:00:00", "2024-03-04T09:00:00", 0,
      "2024-03-01 09:00,2024-03-02 09:00,2024-03-03 09:00" },
    { "FREQ=DAILY", "2024-01-01T09:00:00", NULL, NULL, NULL,
      NULL, NULL, 2, "2024-01-01 09:00,2024-01-02 09:00" },
    { "FREQ=DAILY", "2024-01-01T09:00:00", NULL, NULL, NULL,
      "2024-06-01T00:00:00", NULL, 2, "2024-06-01 09:00,2024-06-02 09:00" },
    /* EXDATE matched by local time, whatever zone it is given in; RDATE added in order. */
    { "FREQ=WEEKLY;COUNT=4", "2024-01-03T09:00:00", NULL, "2024-01-10T01:00:00Z", "2024-01-12T09:00:00",
      NULL, NULL, 0,
      "2024-01-03 09:00,2024-01-12 09:00,2024-01-17 09:00,2024-01-24 09:00" },
    { "FREQ=WEEKLY;COUNT=2", "2024-01-03T09:00:00", NULL, NULL, "2024-01-10T09:00:00,2024-01-01T08:00:00",
      NULL, NULL, 0,
      "2024-01-01 08:00,2024-01-03 09:00,2024-01-10 09:00" },
    /* A single event with extra dates; an EXDATE removes an RDATE too. */
    { NULL, "2024-01-03T09:00:00", NULL, "2024-01-06T09:00:00", "2024-01-05T09:00:00,2024-01-06T09:00:00",
      NULL, NULL, 0, "2024-01-03 09:00,2024-01-05 09:00" },
    { NULL, "2024-01-03T09:00:00", NULL, NULL, NULL,
      "2024-01-04T00:00:00", NULL, 0, "" },
    /* A start in another zone is placed in the series' zone. */
    { "FREQ=DAILY;COUNT=2", "2024-01-03T01:00:00Z", NULL, NULL, NULL,
      NULL, NULL, 0, "2024-01-03 09:00,2024-01-04 09:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dtstart = parse_time (cases[i].dtstart, cases[i].tzid);
      g_autoptr(GDateTime) range_start = cases[i].range_start ? parse_time (cases[i].range_start, cases[i].tzid) : NULL;
      g_autoptr(GDateTime) range_end = cases[i].range_end ? parse_time (cases[i].range_end, cases[i].tzid) : NULL;
      g_autoptr(GPtrArray) exdates = parse_times (cases[i].exdates, cases[i].tzid);
      g_autoptr(GPtrArray) rdates = parse_times (cases[i].rdates, cases[i].tzid);
      g_autoptr(GPtrArray) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *joined = NULL;

      g_test_message ("case %u: %s", i, cases[i].rrule);
      result = quorum_recurrence_expand (cases[i].rrule, dtstart, cases[i].tzid, exdates, rdates,
                                         range_start, range_end, cases[i].max_count, &error);
      g_assert_no_error (error);
      joined = join_times (result, "%F %R");
      g_assert_cmpstr (joined, ==, cases[i].expected);

      for (guint j = 0; j < result->len; j++)
        g_assert_cmpstr (g_date_time_get_timezone_abbreviation (g_ptr_array_index (result, j)), ==, "CST");
    }
}

static void
test_recurrence_dst (void)
{
  g_autoptr(GDateTime) dtstart = parse_time ("2024-03-18T09:00:00", "Europe/Berlin");
  g_autoptr(GDateTime) range_end = parse_time ("2024-11-05T00:00:00", "Europe/Berlin");
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  result = quorum_recurrence_expand ("FREQ=WEEKLY;BYDAY=MO", dtstart, "Europe/Berlin", NULL, NULL,
                                     NULL, range_end, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, 34);

  /* Summer time starts on 31 March and ends on 27 October: still 09:00. */
  first = join_times (result, "%F %R %z");
  g_assert_true (g_str_has_prefix (first, "2024-03-18 09:00 +0100,2024-03-25 09:00 +0100,"
                                          "2024-04-01 09:00 +0200,"));
  last = g_date_time_format (g_ptr_array_index (result, result->len - 1), "%F %R %z");
  g_assert_cmpstr (last, ==, "2024-11-04 09:00 +0100");
  for (guint i = 0; i < result->len; i++)
    g_assert_cmpint (g_date_time_get_hour (g_ptr_array_index (result, i)), ==, 9);
}

static void
test_recurrence_refused (void)
{
  static const struct {
    const char *rrule;
    int         code;
  } cases[] = {
    { "FREQ=SECONDLY", QUORUM_RECURRENCE_ERROR_TOO_MANY },
    { "FREQ=MINUTELY;INTERVAL=15", QUORUM_RECURRENCE_ERROR_TOO_MANY },
    { "FREQ=HOURLY;COUNT=3", QUORUM_RECURRENCE_ERROR_TOO_MANY },
    { "FREQ=DAILY;COUNT=1000000", QUORUM_RECURRENCE_ERROR_TOO_MANY },
    { "FREQ=DAILY;COUNT=5001", QUORUM_RECURRENCE_ERROR_TOO_MANY },
    { "FREQ=DAILY;INTERVAL=5000", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;INTERVAL=99999999999999999999", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;INTERVAL=0", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;COUNT=-1", QUORUM_RECURRENCE_ERROR_INVALID },
    { "garbage", QUORUM_RECURRENCE_ERROR_INVALID },
    { "", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=FORTNIGHTLY", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=WEEKLY;BYDAY=XX", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=WEEKLY;COLOUR=RED", QUORUM_RECURRENCE_ERROR_INVALID },
    { "BYDAY=MO", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=WEEKLY;;BYDAY=MO", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;COUNT=3;UNTIL=20240101", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;UNTIL=tomorrow", QUORUM_RECURRENCE_ERROR_INVALID },
    /* Found by fuzz-rrule: libical read these, and parse then hit an invalid GDate. */
    { "FREQ=MONTHLY;BYDAY=4TU;UNTIL=2024\n630T000000Z", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;UNTIL=20240230", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;UNTIL=20241301T000000Z", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;UNTIL=20240101T250000", QUORUM_RECURRENCE_ERROR_INVALID },
    { "FREQ=DAILY;UNTIL=2024010", QUORUM_RECURRENCE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].rrule);
      g_assert_false (quorum_recurrence_validate (cases[i].rrule, &error));
      g_assert_error (error, QUORUM_RECURRENCE_ERROR, cases[i].code);
      if (cases[i].rrule[0] != '\0')
        g_assert_nonnull (strstr (error->message, cases[i].rrule));
    }

  for (guint i = 0; i < 3; i++)
    {
      static const char * const good[] = {
        "FREQ=DAILY;COUNT=5000", "RRULE:FREQ=WEEKLY;INTERVAL=1000", "freq=monthly;byday=-1fr",
      };
      g_autoptr(GError) error = NULL;

      g_assert_true (quorum_recurrence_validate (good[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_recurrence_expand_errors (void)
{
  g_autoptr(GDateTime) dtstart = parse_time ("2024-01-03T09:00:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) result = NULL;

  result = quorum_recurrence_expand ("FREQ=DAILY", dtstart, NULL, NULL, NULL, NULL, NULL, 0, &error);
  g_assert_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNBOUNDED);
  g_assert_null (result);
  g_clear_error (&error);

  result = quorum_recurrence_expand ("FREQ=DAILY;COUNT=2", dtstart, "Mars/Olympus_Mons", NULL, NULL,
                                     NULL, NULL, 0, &error);
  g_assert_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNKNOWN_TIMEZONE);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_assert_null (result);
  g_clear_error (&error);

  result = quorum_recurrence_expand ("FREQ=HOURLY", dtstart, NULL, NULL, NULL, NULL, NULL, 10, &error);
  g_assert_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_TOO_MANY);
  g_assert_null (result);
}

static void
test_recurrence_holiday_policy (void)
{
  static const struct {
    const char          *start;
    QuorumHolidayPolicy  policy;
    const char          *expected;
    gboolean             shifted;
  } cases[] = {
    { "2024-02-12T09:30:00", QUORUM_HOLIDAY_KEEP, "2024-02-12 09:30", FALSE },
    { "2024-02-12T09:30:00", QUORUM_HOLIDAY_SKIP, NULL, FALSE },
    { "2024-02-12T09:30:00", QUORUM_HOLIDAY_NEXT_WORKDAY, "2024-02-18 09:30", TRUE },
    { "2024-02-12T09:30:00", QUORUM_HOLIDAY_PREVIOUS_WORKDAY, "2024-02-09 09:30", TRUE },
    { "2024-02-18T09:30:00", QUORUM_HOLIDAY_NEXT_WORKDAY, "2024-02-18 09:30", FALSE },
    { "2024-02-19T09:30:00", QUORUM_HOLIDAY_SKIP, "2024-02-19 09:30", FALSE },
    { "2024-10-05T15:00:00", QUORUM_HOLIDAY_NEXT_WORKDAY, "2024-10-08 15:00", TRUE },
    { "2024-03-02T15:00:00", QUORUM_HOLIDAY_PREVIOUS_WORKDAY, "2024-03-01 15:00", TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new_default (&error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) start = parse_time (cases[i].start, NULL);
      g_autoptr(GDateTime) result = NULL;
      g_autofree char *text = NULL;
      gboolean shifted = !cases[i].shifted;

      result = quorum_recurrence_apply_holiday_policy (workdays, start, cases[i].policy, &shifted);
      text = result != NULL ? g_date_time_format (result, "%F %R") : NULL;
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpint (shifted, ==, cases[i].shifted);
    }
}

/* A monthly meeting on the 12th, moved off the Spring Festival 2024. */
static void
test_recurrence_holiday_series (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new_default (&error);
  g_autoptr(GDateTime) dtstart = parse_time ("2024-01-12T09:00:00", NULL);
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  starts = quorum_recurrence_expand ("FREQ=MONTHLY;BYMONTHDAY=12;COUNT=4", dtstart, NULL, NULL, NULL,
                                     NULL, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = quorum_recurrence_apply_holiday_policy (workdays, g_ptr_array_index (starts, i),
                                                                 QUORUM_HOLIDAY_NEXT_WORKDAY, NULL);
      g_ptr_array_add (moved, start);
    }
  joined = join_times (moved, "%F");
  /* 12 Feb is in the holiday; 12 Apr 2024 is a Friday, 12 Mar a Tuesday. */
  g_assert_cmpstr (joined, ==, "2024-01-12,2024-02-18,2024-03-12,2024-04-12");
}

static void
test_recurrence_describe (void)
{
  static const struct {
    const char *rrule;
    const char *dtstart;
    const char *expected;
  } cases[] = {
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", NULL, "Every 2 weeks on Wednesday" },
    { "FREQ=MONTHLY;BYMONTHDAY=20", NULL, "Monthly on day 20" },
    { "FREQ=MONTHLY;BYDAY=-1FR", NULL, "Monthly on the last Friday" },
    { "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", NULL, "Every 3 months on day 1" },
    { "FREQ=YEARLY", NULL, "Yearly" },
    { "FREQ=WEEKLY;BYDAY=MO;COUNT=12", NULL, "Weekly on Monday, 12 times" },
    { "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231", NULL, "Monthly on the second Tuesday, until 31 Dec 2026" },
    { "FREQ=DAILY;INTERVAL=3", NULL, "Every 3 days" },
    { "FREQ=DAILY;COUNT=1", NULL, "Daily, 1 time" },
    { "FREQ=WEEKLY", "2024-01-03T09:00:00", "Weekly on Wednesday" },
    { "FREQ=MONTHLY", "2024-01-20T09:00:00", "Monthly on day 20" },
    { "FREQ=MONTHLY;BYMONTHDAY=-1", NULL, "Monthly on the last day" },
    { "FREQ=WEEKLY;BYDAY=MO,WE,FR", NULL, "Weekly on Monday, Wednesday, Friday" },
    { "FREQ=YEARLY;INTERVAL=2", NULL, "Every 2 years" },
    { "FREQ=YEARLY;BYMONTH=3", NULL, "Custom rule (FREQ=YEARLY;BYMONTH=3)" },
    { "garbage", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dtstart = cases[i].dtstart ? parse_time (cases[i].dtstart, NULL) : NULL;
      g_autofree char *text = quorum_recurrence_describe (cases[i].rrule, dtstart);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_recurrence_describe_chinese (void)
{
  static const struct {
    const char *rrule;
    const char *expected;
  } cases[] = {
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "每2周的星期三" },
    { "FREQ=MONTHLY;BYMONTHDAY=20", "每月20日" },
    { "FREQ=MONTHLY;BYDAY=-1FR", "每月的最后一个星期五" },
    { "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12", "每周的星期一、星期四，共12次" },
    { "FREQ=YEARLY;UNTIL=20261231", "每年，直到2026年12月31日" },
  };

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("The zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quorum_recurrence_describe (cases[i].rrule, NULL);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

static void
test_recurrence_build_parse (void)
{
  static const struct {
    QuorumRecurrenceSpec spec;
    const char          *rrule;
  } cases[] = {
    { { QUORUM_RECURRENCE_DAILY, 1 }, "FREQ=DAILY" },
    { { QUORUM_RECURRENCE_DAILY, 3, .end = QUORUM_RECURRENCE_END_COUNT, .count = 10 },
      "FREQ=DAILY;INTERVAL=3;COUNT=10" },
    { { QUORUM_RECURRENCE_WEEKLY, 1, QUORUM_WEEKDAY_BIT (G_DATE_MONDAY) }, "FREQ=WEEKLY;BYDAY=MO" },
    { { QUORUM_RECURRENCE_WEEKLY, 2, QUORUM_WEEKDAY_BIT (G_DATE_WEDNESDAY) },
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE" },
    { { QUORUM_RECURRENCE_WEEKLY, 1, QUORUM_WEEKDAY_BIT (G_DATE_MONDAY) | QUORUM_WEEKDAY_BIT (G_DATE_FRIDAY)
        | QUORUM_WEEKDAY_BIT (G_DATE_SUNDAY) },
      "FREQ=WEEKLY;BYDAY=MO,FR,SU" },
    { { QUORUM_RECURRENCE_WEEKLY, 1 }, "FREQ=WEEKLY" },
    { { QUORUM_RECURRENCE_MONTHLY, 1, .monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY, .month_day = 20 },
      "FREQ=MONTHLY;BYMONTHDAY=20" },
    { { QUORUM_RECURRENCE_MONTHLY, 1, .monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY, .month_day = -1 },
      "FREQ=MONTHLY;BYMONTHDAY=-1" },
    { { QUORUM_RECURRENCE_MONTHLY, 3, .monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY, .month_day = 1,
        .end = QUORUM_RECURRENCE_END_COUNT, .count = 8 },
      "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1;COUNT=8" },
    { { QUORUM_RECURRENCE_MONTHLY, 1, .monthly_mode = QUORUM_MONTHLY_BY_WEEKDAY, .week_number = 2,
        .weekday = G_DATE_TUESDAY },
      "FREQ=MONTHLY;BYDAY=2TU" },
    { { QUORUM_RECURRENCE_MONTHLY, 1, .monthly_mode = QUORUM_MONTHLY_LAST_WEEKDAY, .week_number = -1,
        .weekday = G_DATE_FRIDAY, .end = QUORUM_RECURRENCE_END_UNTIL },
      "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231" },
    { { QUORUM_RECURRENCE_MONTHLY, 1, .monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY },
      "FREQ=MONTHLY" },
    { { QUORUM_RECURRENCE_YEARLY, 1 }, "FREQ=YEARLY" },
    { { QUORUM_RECURRENCE_YEARLY, 5, .end = QUORUM_RECURRENCE_END_COUNT, .count = 3 },
      "FREQ=YEARLY;INTERVAL=5;COUNT=3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QuorumRecurrenceSpec spec = cases[i].spec;
      QuorumRecurrenceSpec back;
      g_autoptr(GError) error = NULL;
      g_autofree char *built = NULL;
      g_autofree char *again = NULL;

      if (spec.end == QUORUM_RECURRENCE_END_UNTIL)
        g_date_set_dmy (&spec.until, 31, 12, 2026);
      if (spec.freq != QUORUM_RECURRENCE_MONTHLY || spec.monthly_mode == QUORUM_MONTHLY_BY_MONTH_DAY)
        spec.weekday = G_DATE_BAD_WEEKDAY;

      built = quorum_recurrence_build (&spec);
      g_assert_cmpstr (built, ==, cases[i].rrule);
      g_assert_true (quorum_recurrence_validate (built, NULL));

      g_assert_true (quorum_recurrence_parse (built, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back.freq, ==, spec.freq);
      g_assert_cmpuint (back.interval, ==, spec.interval);
      g_assert_cmpuint (back.weekdays, ==, spec.weekdays);
      g_assert_cmpint (back.end, ==, spec.end);
      g_assert_cmpuint (back.end == QUORUM_RECURRENCE_END_COUNT ? back.count : 0, ==,
                        spec.end == QUORUM_RECURRENCE_END_COUNT ? spec.count : 0);
      if (spec.end == QUORUM_RECURRENCE_END_UNTIL)
        g_assert_cmpint (g_date_compare (&back.until, &spec.until), ==, 0);
      if (spec.freq == QUORUM_RECURRENCE_MONTHLY)
        {
          g_assert_cmpint (back.monthly_mode, ==, spec.monthly_mode);
          if (spec.monthly_mode == QUORUM_MONTHLY_BY_MONTH_DAY)
            g_assert_cmpint (back.month_day, ==, spec.month_day);
          else
            {
              g_assert_cmpint (back.week_number, ==, spec.week_number);
              g_assert_cmpint (back.weekday, ==, spec.weekday);
            }
        }

      again = quorum_recurrence_build (&back);
      g_assert_cmpstr (again, ==, built);
    }
}

static void
test_recurrence_parse_unsupported (void)
{
  static const char * const rules[] = {
    "FREQ=YEARLY;BYMONTH=3",
    "FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO,TU",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=MONTHLY;BYDAY=5MO",
    "FREQ=WEEKLY;BYDAY=1MO",
    "FREQ=DAILY;BYHOUR=9,14",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GError) error = NULL;
      QuorumRecurrenceSpec spec;

      g_assert_true (quorum_recurrence_validate (rules[i], NULL));
      g_assert_false (quorum_recurrence_parse (rules[i], &spec, &error));
      g_assert_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNSUPPORTED);
    }
}

/* Weekly rules are expanded without libical's iterator: every rule, start,
 * zone, range, limit and exclusion gives the same starts (or the same
 * error) both ways, including rules the direct way leaves to libical. */
static void
test_recurrence_weekly_matches_libical (void)
{
  static const char * const rules[] = {
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,MO,SA",
    "FREQ=WEEKLY;BYDAY=WE,TH,FR,SA,SU,MO,TU",
    "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250714",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,SA;UNTIL=20250301T100000",
    "FREQ=WEEKLY;BYDAY=FR,MO;UNTIL=20250613T065959Z",
    "FREQ=WEEKLY;BYDAY=MO,FR,SU;COUNT=7",
    "RRULE:FREQ=WEEKLY;COUNT=20;INTERVAL=2;BYDAY=SA,SU,TH",
    "FREQ=WEEKLY;INTERVAL=5;BYDAY=TU,FR;COUNT=400",
    "FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=SU,TU,SA",
    "FREQ=WEEKLY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;BYDAY=MO;BYMONTH=3",
  };
  static const struct
  {
    const char *start;
    const char *tzid;
  } starts[] = {
    { "2024-01-01T09:00:00", "Asia/Shanghai" },      /* a Monday */
    { "2024-02-29T14:30:00", "Asia/Shanghai" },      /* Thursday, leap day */
    { "2023-12-31T08:00:00", "UTC" },                /* Sunday, year's end */
    { "2024-03-09T02:30:00", "America/New_York" },   /* Saturday before DST */
    { "2024-03-03T02:30:00", "America/New_York" },   /* Sunday: 03-10 02:30 does not exist */
    { "2024-10-29T23:59:59", "Europe/Berlin" },      /* Tuesday */
  };
  guint n_compared = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
      for (guint v = 0; v < 4; v++)
        {
          g_autoptr(GDateTime) dtstart = parse_time (starts[s].start, starts[s].tzid);
          g_autoptr(GDateTime) range_start = v >= 2 ? g_date_time_add_days (dtstart, 100) : NULL;
          g_autoptr(GDateTime) range_end = g_date_time_add_years (dtstart, v == 3 ? 1 : 2);
          g_autoptr(GPtrArray) exdates = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
          g_autoptr(GPtrArray) direct = NULL;
          g_autoptr(GPtrArray) libical = NULL;
          g_autoptr(GError) direct_error = NULL;
          g_autoptr(GError) libical_error = NULL;
          guint max_count = v == 1 ? 10 : 0;

          g_ptr_array_add (exdates, g_date_time_add_days (dtstart, 14));
          g_ptr_array_add (exdates, g_date_time_add_days (dtstart, 120));
          direct = _quorum_recurrence_expand_full (rules[r], dtstart, starts[s].tzid, exdates, NULL,
                                                   range_start, range_end, max_count, FALSE,
                                                   &direct_error);
          libical = _quorum_recurrence_expand_full (rules[r], dtstart, starts[s].tzid, exdates,
                                                    NULL, range_start, range_end, max_count, TRUE,
                                                    &libical_error);
          g_test_message ("%s from %s %s, variant %u", rules[r], starts[s].start, starts[s].tzid, v);
          if (libical_error != NULL)
            {
              g_assert_error (direct_error, libical_error->domain, libical_error->code);
              continue;
            }
          g_assert_no_error (direct_error);
          g_assert_cmpuint (direct->len, ==, libical->len);
          for (guint i = 0; i < direct->len; i++)
            {
              g_autofree char *a = g_date_time_format_iso8601 (g_ptr_array_index (direct, i));
              g_autofree char *b = g_date_time_format_iso8601 (g_ptr_array_index (libical, i));

              g_assert_cmpstr (a, ==, b);
            }
          n_compared += direct->len;
        }

  g_assert_cmpuint (n_compared, >, 10000);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("QUORUM_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/recurrence/expand", test_recurrence_expand);
  g_test_add_func ("/core/recurrence/dst", test_recurrence_dst);
  g_test_add_func ("/core/recurrence/refused", test_recurrence_refused);
  g_test_add_func ("/core/recurrence/expand-errors", test_recurrence_expand_errors);
  g_test_add_func ("/core/recurrence/holiday-policy", test_recurrence_holiday_policy);
  g_test_add_func ("/core/recurrence/holiday-series", test_recurrence_holiday_series);
  g_test_add_func ("/core/recurrence/describe", test_recurrence_describe);
  g_test_add_func ("/core/recurrence/describe-chinese", test_recurrence_describe_chinese);
  g_test_add_func ("/core/recurrence/build-parse", test_recurrence_build_parse);
  g_test_add_func ("/core/recurrence/parse-unsupported", test_recurrence_parse_unsupported);
  g_test_add_func ("/core/recurrence/weekly-matches-libical",
                   test_recurrence_weekly_matches_libical);

  return g_test_run ();
}
