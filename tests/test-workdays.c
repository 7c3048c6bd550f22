/* test-workdays.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "quorum-workdays.h"

static QuorumWorkdays *
default_workdays (void)
{
  g_autoptr(GError) error = NULL;
  QuorumWorkdays *workdays = quorum_workdays_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (workdays);
  return workdays;
}

static GDate
parse_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), ==, g_ascii_strtoll (iso, NULL, 10));
  return date;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
test_workdays_classify (void)
{
  static const struct {
    const char    *date;
    QuorumDayKind  kind;
    const char    *holiday;
  } cases[] = {
    { "2022-01-31", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2022-01-29", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2022-10-08", QUORUM_DAY_ADJUSTED_WORKDAY, "National Day" },
    { "2022-10-05", QUORUM_DAY_HOLIDAY, "National Day" },
    { "2022-12-31", QUORUM_DAY_HOLIDAY, "New Year's Day" },
    { "2023-01-02", QUORUM_DAY_HOLIDAY, "New Year's Day" },
    { "2023-01-28", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2023-06-25", QUORUM_DAY_ADJUSTED_WORKDAY, "Dragon Boat Festival" },
    { "2023-09-29", QUORUM_DAY_HOLIDAY, "Mid-Autumn Festival and National Day" },
    { "2023-10-07", QUORUM_DAY_ADJUSTED_WORKDAY, "Mid-Autumn Festival and National Day" },
    { "2024-02-04", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2024-02-10", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2024-02-12", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2024-02-17", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2024-02-18", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2024-09-29", QUORUM_DAY_ADJUSTED_WORKDAY, "National Day" },
    { "2024-10-01", QUORUM_DAY_HOLIDAY, "National Day" },
    { "2024-10-07", QUORUM_DAY_HOLIDAY, "National Day" },
    { "2024-10-12", QUORUM_DAY_ADJUSTED_WORKDAY, "National Day" },
    { "2025-01-26", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2025-01-28", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2025-02-04", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2025-02-08", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2025-10-08", QUORUM_DAY_HOLIDAY, "National Day and Mid-Autumn Festival" },
    { "2026-02-14", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2026-02-16", QUORUM_DAY_HOLIDAY, "Spring Festival" },
    { "2026-02-28", QUORUM_DAY_ADJUSTED_WORKDAY, "Spring Festival" },
    { "2026-10-10", QUORUM_DAY_ADJUSTED_WORKDAY, "National Day" },
    /* Ordinary days. */
    { "2024-03-02", QUORUM_DAY_WEEKEND, NULL },
    { "2024-03-03", QUORUM_DAY_WEEKEND, NULL },
    { "2024-03-04", QUORUM_DAY_WORKDAY, NULL },
    { "2024-02-09", QUORUM_DAY_WORKDAY, NULL },
    { "2024-10-13", QUORUM_DAY_WEEKEND, NULL },
    { "2025-12-31", QUORUM_DAY_WORKDAY, NULL },
    /* No data: the weekday decides. */
    { "2027-02-06", QUORUM_DAY_WEEKEND, NULL },
    { "2027-02-08", QUORUM_DAY_WORKDAY, NULL },
    { "2021-10-01", QUORUM_DAY_WORKDAY, NULL },
  };
  g_autoptr(QuorumWorkdays) workdays = default_workdays ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = parse_date (cases[i].date);
      g_autofree char *name = NULL;
      QuorumDayKind kind = quorum_workdays_classify (workdays, &date, &name);
      gboolean workday = cases[i].kind == QUORUM_DAY_WORKDAY
                         || cases[i].kind == QUORUM_DAY_ADJUSTED_WORKDAY;

      g_test_message ("%s", cases[i].date);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpstr (name, ==, cases[i].holiday);
      g_assert_cmpint (quorum_workdays_is_workday (workdays, &date), ==, workday);
    }

  for (int year = 2022; year <= 2026; year++)
    g_assert_true (quorum_workdays_has_year (workdays, year));
  g_assert_false (quorum_workdays_has_year (workdays, 2021));
  g_assert_false (quorum_workdays_has_year (workdays, 2027));
}

static void
test_workdays_translated_name (void)
{
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autofree char *name = NULL;
  GDate date = parse_date ("2024-02-12");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  workdays = default_workdays ();
  g_unsetenv ("LANGUAGE");

  g_assert_cmpint (quorum_workdays_classify (workdays, &date, &name), ==, QUORUM_DAY_HOLIDAY);
  g_assert_cmpstr (name, ==, "春节");
}

static void
test_workdays_add (void)
{
  static const struct {
    const char *from;
    int         n;
    const char *expected;
    gboolean    uncertain;
  } cases[] = {
    /* National Day 2024: Sunday 29 Sep is worked, 1–7 Oct are off. */
    { "2024-09-29", 3, "2024-10-09", FALSE },
    { "2024-09-27", 1, "2024-09-29", FALSE },
    { "2024-09-30", 1, "2024-10-08", FALSE },
    /* Spring Festival 2024: 10–17 Feb off, Sunday 18 Feb worked. */
    { "2024-02-08", 3, "2024-02-19", FALSE },
    { "2024-02-09", 1, "2024-02-18", FALSE },
    { "2025-01-27", 2, "2025-02-06", FALSE },
    { "2024-05-06", 1, "2024-05-07", FALSE },
    { "2024-05-10", 1, "2024-05-11", FALSE },
    { "2024-03-01", 5, "2024-03-08", FALSE },
    /* n = 0: the day itself when it is a working day, else the next one. */
    { "2024-02-04", 0, "2024-02-04", FALSE },
    { "2024-02-12", 0, "2024-02-18", FALSE },
    { "2024-03-02", 0, "2024-03-04", FALSE },
    { "2024-03-04", 0, "2024-03-04", FALSE },
    /* Walking into or from a year without data. */
    { "2026-12-30", 3, "2027-01-04", TRUE },
    { "2026-12-30", 1, "2026-12-31", FALSE },
    { "2021-12-30", 1, "2021-12-31", TRUE },
    { "2021-12-31", 1, "2022-01-04", TRUE },
    { "2027-03-01", 0, "2027-03-01", TRUE },
  };
  g_autoptr(QuorumWorkdays) workdays = default_workdays ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from = parse_date (cases[i].from);
      GDate out;
      gboolean uncertain = !cases[i].uncertain;
      g_autofree char *iso = NULL;

      quorum_workdays_add (workdays, &from, cases[i].n, &out, &uncertain);
      iso = format_date (&out);
      g_test_message ("%s + %d", cases[i].from, cases[i].n);
      g_assert_cmpstr (iso, ==, cases[i].expected);
      g_assert_cmpint (uncertain, ==, cases[i].uncertain);
    }
}

static void
test_workdays_neighbours (void)
{
  g_autoptr(QuorumWorkdays) workdays = default_workdays ();
  GDate date = parse_date ("2024-10-08");
  GDate out;
  g_autofree char *previous = NULL;
  g_autofree char *next = NULL;

  quorum_workdays_previous_workday (workdays, &date, &out, NULL);
  previous = format_date (&out);
  g_assert_cmpstr (previous, ==, "2024-09-30");

  date = parse_date ("2024-09-30");
  quorum_workdays_next_workday (workdays, &date, &out, NULL);
  next = format_date (&out);
  g_assert_cmpstr (next, ==, "2024-10-08");
}

static void
test_workdays_empty (void)
{
  g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new ();
  GDate date = parse_date ("2024-02-12");
  GDate out;
  gboolean uncertain = FALSE;

  g_assert_cmpint (quorum_workdays_classify (workdays, &date, NULL), ==, QUORUM_DAY_WORKDAY);
  quorum_workdays_add (workdays, &date, 5, &out, &uncertain);
  g_assert_true (uncertain);
  g_assert_cmpint (g_date_get_day (&out), ==, 19);
}

static const char valid_2030[] =
  "[Year 2030]\n"
  "Notice=国务院办公厅关于2030年部分节假日安排的通知\n"
  "\n"
  "[Holiday 2030 spring-festival]\n"
  "Name=Spring Festival\n"
  "Name[zh_CN]=春节\n"
  "Off=2030-02-02..2030-02-08\n"
  "Work=2030-02-09\n"
  "\n"
  "[Holiday 2030 national-day]\n"
  "Name=National Day\n"
  "Off=2030-10-01..2030-10-07\n"
  "Work=2030-10-12\n";

static void
test_workdays_malformed (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *where;
    const char *what;
  } cases[] = {
    { "[Year 2030]\nNotice=n\nthis is junk\n",
      QUORUM_WORKDAYS_ERROR_SYNTAX, "bad.ini:3:", "junk" },
    { "Notice=n\n[Year 2030]\n",
      QUORUM_WORKDAYS_ERROR_SYNTAX, "bad.ini:1:", "first [Group]" },
    { "[Year 2030\nNotice=n\n",
      QUORUM_WORKDAYS_ERROR_SYNTAX, "bad.ini:1:", "[Year 2030" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\nOff=2030-02-30\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:5: [Holiday 2030 new-year] Off:", "2030-02-30" },
    /* Found by fuzz-holidays: an empty value split into nothing. */
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\nOff=\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:5: [Holiday 2030 new-year] Off:", "is not a date" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\nOff=2030-01-03..2030-01-01\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:5: [Holiday 2030 new-year] Off:", "ends before" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 spring-festival]\nName=N\nOff=2030-02-04\nWork=2030-02-06\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:6: [Holiday 2030 spring-festival] Work:", "Saturday or Sunday" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 spring-festival]\nName=N\nOff=2030-02-02..2030-02-08\nWork=2030-02-03\n",
      QUORUM_WORKDAYS_ERROR_OVERLAP, "bad.ini:6: [Holiday 2030 spring-festival] Work:", "2030-02-03" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\nOff=2030-01-01..2030-01-03\n"
      "[Holiday 2030 spring-festival]\nName=S\nOff=2030-01-03..2030-01-05\n",
      QUORUM_WORKDAYS_ERROR_OVERLAP, "bad.ini:8: [Holiday 2030 spring-festival] Off:", "[Holiday 2030 new-year]" },
    { "[Year 2030]\nNotice=n\n[Year 2030]\nNotice=m\n",
      QUORUM_WORKDAYS_ERROR_DUPLICATE, "bad.ini:3:", "line 1" },
    { "[Year 2030]\nNotice=n\n[Holiday 2031 new-year]\nName=N\nOff=2031-01-01\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:3: [Holiday 2031 new-year]", "[Year 2031]" },
    { "[Year 2030]\nNotice=n\nColour=red\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:3: [Year 2030] Colour:", "unknown key" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:3: [Holiday 2030 new-year]", "Off" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 arbor-day]\nName=N\nOff=2030-03-12\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:3: [Holiday 2030 arbor-day]", "arbor-day" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\nOff=2030-01-01\nOff=2030-01-02\n",
      QUORUM_WORKDAYS_ERROR_DUPLICATE, "bad.ini:6:", "Off" },
    { "[Year 2030]\nNotice=n\n[Holiday 2030 new-year]\nName=N\nOff=2031-06-01\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:5: [Holiday 2030 new-year] Off:", "2030" },
    { "[Calendar]\nName=x\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:1: [Calendar]", "unknown group" },
    { "[Year 30]\nNotice=n\n",
      QUORUM_WORKDAYS_ERROR_INVALID, "bad.ini:1: [Year 30]", "not a year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new ();
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      GDate date = parse_date ("2030-01-01");

      g_test_message ("case %u", i);
      g_assert_false (quorum_workdays_load_bytes (workdays, bytes, "bad.ini", &error));
      g_assert_error (error, QUORUM_WORKDAYS_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].where));
      g_assert_nonnull (strstr (error->message, cases[i].what));

      /* Nothing of a bad file is kept. */
      g_assert_false (quorum_workdays_has_year (workdays, 2030));
      g_assert_cmpint (quorum_workdays_classify (workdays, &date, NULL), ==, QUORUM_DAY_WORKDAY);
    }
}

static void
test_workdays_year_twice (void)
{
  g_autoptr(QuorumWorkdays) workdays = default_workdays ();
  g_autoptr(GError) error = NULL;
  const char *text = "[Year 2024]\nNotice=n\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  g_assert_false (quorum_workdays_load_bytes (workdays, bytes, "mine.ini", &error));
  g_assert_error (error, QUORUM_WORKDAYS_ERROR, QUORUM_WORKDAYS_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "mine.ini:1: [Year 2024]"));
  g_assert_nonnull (strstr (error->message, "cn-holidays.ini"));
}

static void
test_workdays_user_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "quorum", "holidays", NULL);
  g_autofree char *path = g_build_filename (dir, "cn-holidays-2030.ini", NULL);
  g_autofree char *ignored = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GDate date = parse_date ("2030-02-09");
  GDate out;
  gboolean uncertain = TRUE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, valid_2030, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (ignored, "not a calendar", -1, &error);
  g_assert_no_error (error);

  workdays = default_workdays ();
  g_assert_true (quorum_workdays_has_year (workdays, 2030));
  g_assert_true (quorum_workdays_has_year (workdays, 2024));
  g_assert_cmpint (quorum_workdays_classify (workdays, &date, &name), ==, QUORUM_DAY_ADJUSTED_WORKDAY);
  g_assert_cmpstr (name, ==, "Spring Festival");

  date = parse_date ("2030-09-30");
  quorum_workdays_add (workdays, &date, 1, &out, &uncertain);
  g_assert_false (uncertain);
  g_assert_cmpint (g_date_get_month (&out), ==, 10);
  g_assert_cmpint (g_date_get_day (&out), ==, 8);

  /* A broken user file is reported with its path. */
  g_file_set_contents (path, "[Year 2030]\nNotice=n\nOff=2030-01-01\n", -1, &error);
  g_assert_no_error (error);
  g_clear_object (&workdays);
  workdays = quorum_workdays_new_default (&error);
  g_assert_null (workdays);
  g_assert_error (error, QUORUM_WORKDAYS_ERROR, QUORUM_WORKDAYS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cn-holidays-2030.ini:3:"));

  g_remove (path);
  g_remove (ignored);
}

static void
test_workdays_speed (void)
{
  g_autoptr(QuorumWorkdays) workdays = default_workdays ();
  gint64 begin = g_get_monotonic_time ();
  guint calls = 0, holidays = 0;
  double seconds;

  for (guint round = 0; round < 100; round++)
    {
      GDate date = parse_date ("2022-01-01");

      for (; g_date_get_year (&date) <= 2026; g_date_add_days (&date, 1), calls++)
        holidays += quorum_workdays_classify (workdays, &date, NULL) == QUORUM_DAY_HOLIDAY;
    }

  seconds = (g_get_monotonic_time () - begin) / 1e6;
  g_test_message ("%u classify calls in %.3f s", calls, seconds);
  g_assert_cmpuint (holidays, ==, 100 * 147);
  g_assert_cmpfloat (seconds, <, 10.0);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/workdays/classify", test_workdays_classify);
  g_test_add_func ("/core/workdays/translated-name", test_workdays_translated_name);
  g_test_add_func ("/core/workdays/add", test_workdays_add);
  g_test_add_func ("/core/workdays/neighbours", test_workdays_neighbours);
  g_test_add_func ("/core/workdays/empty", test_workdays_empty);
  g_test_add_func ("/core/workdays/malformed", test_workdays_malformed);
  g_test_add_func ("/core/workdays/year-twice", test_workdays_year_twice);
  g_test_add_func ("/core/workdays/user-folder", test_workdays_user_folder);
  g_test_add_func ("/core/workdays/speed", test_workdays_speed);

  return g_test_run ();
}
