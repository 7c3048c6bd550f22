/* test-sheet-store.c: sheets built from the store, and `quorum-cli sheet N`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "quorum-sheet-render.h"
#include "quorum-sheet-store.h"
#include "quorum-store.h"

/* Twelve members of the party group, added out of rank order. */
static const struct
{
  const char *name;
  const char *post;
  int         rank;
} members[] = {
  { "周杰", "副秘书长", 90 },
  { "张伟", "党组书记、市长", 10 },
  { "李娜", "党组成员、副市长", 30 },
  { "王芳", "党组副书记、常务副市长", 20 },
  { "刘洋", "党组成员、副市长", 40 },
  { "孙丽", "副秘书长", 120 },
  { "陈静", "市政府秘书长", 50 },
  { "赵敏", "副秘书长", 70 },
  { "杨磊", "市政府办公室主任", 60 },
  { "黄强", "副秘书长", 80 },
  { "吴霞", "副秘书长", 100 },
  { "徐明", "副秘书长", 110 },
};

/* The names in rank order, most senior first. */
static const char * const by_rank[] = {
  "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞", "徐明", "孙丽",
};

typedef struct
{
  char           *dir;
  char           *path;
  QuorumDatabase *db;
  QuorumStore    *store;
  QuorumRulebook *rulebook;
  GTimeZone      *tz;
  gint64          people[G_N_ELEMENTS (members)];
  gint64          outsider;
  gint64          occurrence;
} Fixture;

static GDateTime *
at (Fixture    *f,
    const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, f->tz);

  g_assert_nonnull (dt);
  return dt;
}

static GDate *
day (const char *iso)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, iso);
  g_assert_true (g_date_valid (date));
  return date;
}

static gint64
person_id (Fixture    *f,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (g_strcmp0 (members[i].name, name) == 0)
      return f->people[i];
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumUnit) government = quorum_unit_new ("栖霞市人民政府", "government");
  g_autoptr(QuorumUnit) group = quorum_unit_new ("市政府党组", "party-group");
  g_autoptr(QuorumPerson) outsider = quorum_person_new ("钱进", "列席", 5);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autoptr(GDate) since = day ("2025-01-01");
  g_autofree char *rulebook_data = NULL;
  gint64 group_id;

  f->dir = g_dir_make_tmp ("quorum-sheet-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "quorum.db", NULL);
  f->db = quorum_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (f->db);
  f->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  now = at (f, "2026-02-01T12:00:00");
  quorum_store_set_now (f->store, now);

  f->rulebook = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  rulebook_data = quorum_rulebook_to_data (f->rulebook, NULL);
  g_assert_true (quorum_store_set_rulebook_data (f->store, rulebook_data, &error));
  g_assert_no_error (error);

  quorum_store_add_unit (f->store, government, &error);
  g_assert_no_error (error);
  group_id = quorum_store_add_unit (f->store, group, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(QuorumPerson) person = quorum_person_new (members[i].name, members[i].post,
                                                          members[i].rank);

      f->people[i] = quorum_store_add_person (f->store, person, &error);
      g_assert_no_error (error);
      quorum_store_add_relation (f->store, f->people[i], group_id, "member", since, NULL, &error);
      g_assert_no_error (error);
    }
  /* Senior to everyone, but not a member: no line on the sign-in sheet. */
  f->outsider = quorum_store_add_person (f->store, outsider, &error);
  g_assert_no_error (error);

  start = at (f, "2026-01-12T09:00:00");
  series = quorum_series_new ("党组理论学习中心组学习", start);
  quorum_series_set_rrule (series, "FREQ=WEEKLY");
  quorum_series_set_duty_id (series, "theory-study");
  quorum_series_set_location (series, "市政府三楼第一会议室");
  quorum_series_set_duration_minutes (series, 120);
  quorum_series_add_participant_unit (series, group_id);
  quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);

  from = at (f, "2026-01-12T00:00:00");
  to = at (f, "2026-01-13T00:00:00");
  list = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  occurrence = g_list_model_get_item (list, 0);
  f->occurrence = quorum_occurrence_get_id (occurrence);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_object (&f->rulebook);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

static QuorumSheet *
sheet_of (Fixture         *f,
          QuorumSheetKind  kind)
{
  g_autoptr(GError) error = NULL;
  QuorumSheet *sheet = quorum_sheet_new_for_occurrence (f->store, f->rulebook, f->occurrence,
                                                        kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
record (Fixture                *f,
        const char             *name,
        QuorumAttendanceStatus  status,
        const char             *reason,
        QuorumExcuseKind        kind,
        gboolean                speaker)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_set_attendance (f->store, f->occurrence, person_id (f, name),
                                              status, reason, kind, speaker, NULL, &error));
  g_assert_no_error (error);
}

static void
test_sheet_store_sign_in (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(QuorumSheet) sheet = NULL;

  /* Someone who came without being expected is on the record only. */
  g_assert_true (quorum_store_set_attendance (f->store, f->occurrence, f->outsider,
                                              QUORUM_ATTENDANCE_PRESENT, NULL,
                                              QUORUM_EXCUSE_NONE, FALSE, NULL, NULL));

  sheet = sheet_of (f, QUORUM_SHEET_SIGN_IN);
  g_assert_cmpint (quorum_sheet_get_kind (sheet), ==, QUORUM_SHEET_SIGN_IN);
  g_assert_cmpstr (quorum_sheet_get_title (sheet), ==, "党组理论学习中心组学习");
  g_assert_cmpstr (quorum_sheet_get_office (sheet), ==, "栖霞市人民政府");
  g_assert_cmpstr (quorum_sheet_get_location (sheet), ==, "市政府三楼第一会议室");
  g_assert_nonnull (strstr (quorum_sheet_get_duty (sheet), "2"));
  g_assert_cmpint (g_date_time_get_hour (quorum_sheet_get_start (sheet)), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (quorum_sheet_get_end (sheet)), ==, 11);

  g_assert_cmpuint (quorum_sheet_get_n_rows (sheet), ==, G_N_ELEMENTS (by_rank));
  for (guint i = 0; i < G_N_ELEMENTS (by_rank); i++)
    {
      const QuorumSheetRow *row = quorum_sheet_get_row (sheet, i);

      g_assert_cmpstr (row->name, ==, by_rank[i]);
    }
  g_assert_cmpstr (quorum_sheet_get_row (sheet, 0)->post, ==, "党组书记、市长");
}

static void
test_sheet_store_record (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(QuorumSheet) sheet = NULL;
  g_autoptr(QuorumSheet) order = NULL;
  g_autoptr(GDate) made_up = day ("2026-01-20");
  g_autoptr(GDate) signed_on = day ("2026-01-14");
  g_autoptr(GError) error = NULL;
  const QuorumSheetRow *row;

  g_assert_true (quorum_store_set_all_present (f->store, f->occurrence, NULL, &error));
  g_assert_no_error (error);
  record (f, "张伟", QUORUM_ATTENDANCE_PRESENT, NULL, QUORUM_EXCUSE_NONE, TRUE);
  record (f, "李娜", QUORUM_ATTENDANCE_EXCUSED, "参加省政府会议", QUORUM_EXCUSE_OFFICIAL_BUSINESS,
          FALSE);
  record (f, "陈静", QUORUM_ATTENDANCE_ABSENT, NULL, QUORUM_EXCUSE_NONE, FALSE);
  record (f, "赵敏", QUORUM_ATTENDANCE_LATE, NULL, QUORUM_EXCUSE_NONE, FALSE);
  g_assert_true (quorum_store_record_makeup (f->store, f->occurrence, person_id (f, "陈静"),
                                             made_up, QUORUM_MAKEUP_SELF_STUDY, NULL, &error));
  g_assert_true (quorum_store_set_minutes (f->store, f->occurrence, "学习了……", signed_on,
                                           &error));
  g_assert_no_error (error);

  sheet = sheet_of (f, QUORUM_SHEET_RECORD);
  g_assert_cmpuint (quorum_sheet_get_n_rows (sheet), ==, 12);
  row = quorum_sheet_get_row (sheet, 0);
  g_assert_cmpstr (row->name, ==, "张伟");
  g_assert_true (row->key_speaker);
  g_assert_cmpint (row->status, ==, QUORUM_ATTENDANCE_PRESENT);
  row = quorum_sheet_get_row (sheet, 2);
  g_assert_cmpstr (row->name, ==, "李娜");
  g_assert_cmpint (row->status, ==, QUORUM_ATTENDANCE_EXCUSED);
  g_assert_cmpstr (row->reason, ==, "参加省政府会议");
  g_assert_null (row->made_up);
  row = quorum_sheet_get_row (sheet, 4);
  g_assert_cmpstr (row->name, ==, "陈静");
  g_assert_cmpint (row->status, ==, QUORUM_ATTENDANCE_ABSENT);
  g_assert_nonnull (row->made_up);
  g_assert_nonnull (strstr (row->made_up, "20"));
  row = quorum_sheet_get_row (sheet, 6);
  g_assert_cmpstr (row->name, ==, "赵敏");
  g_assert_cmpint (row->status, ==, QUORUM_ATTENDANCE_LATE);
  g_assert_false (row->key_speaker);
  g_assert_nonnull (quorum_sheet_get_minutes_signed_on (sheet));
  g_assert_cmpint (g_date_time_get_day_of_month (quorum_sheet_get_minutes_signed_on (sheet)), ==,
                   14);

  /* The speaking order: the same people, printed most junior first. */
  order = sheet_of (f, QUORUM_SHEET_SPEAKING_ORDER);
  g_assert_cmpuint (quorum_sheet_get_n_rows (order), ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (by_rank); i++)
    {
      const QuorumSheetRow *printed = quorum_sheet_get_printed_row (order, i);

      g_assert_cmpstr (printed->name, ==, by_rank[G_N_ELEMENTS (by_rank) - 1 - i]);
    }
}

static void
test_sheet_store_minutes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) early = day ("2026-01-11");
  g_autoptr(GDate) on_time = day ("2026-01-15");
  g_autofree char *text = NULL;
  GDate *signed_on = NULL;

  /* Nothing yet. */
  g_assert_true (quorum_store_get_minutes (f->store, f->occurrence, &text, &signed_on, &error));
  g_assert_no_error (error);
  g_assert_null (text);
  g_assert_null (signed_on);

  g_assert_false (quorum_store_set_minutes (f->store, f->occurrence, "纪要", early, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (quorum_store_set_minutes (f->store, f->occurrence, "会议学习了文件。", on_time,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_get_minutes (f->store, f->occurrence, &text, &signed_on, &error));
  g_assert_cmpstr (text, ==, "会议学习了文件。");
  g_assert_nonnull (signed_on);
  g_assert_cmpint (g_date_compare (signed_on, on_time), ==, 0);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&signed_on, g_date_free);

  /* Blank text and no date clear both. */
  g_assert_true (quorum_store_set_minutes (f->store, f->occurrence, "  ", NULL, &error));
  g_assert_true (quorum_store_get_minutes (f->store, f->occurrence, &text, &signed_on, &error));
  g_assert_null (text);
  g_assert_null (signed_on);

  g_assert_false (quorum_store_get_minutes (f->store, 999999, &text, &signed_on, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (quorum_sheet_new_for_occurrence (f->store, f->rulebook, 999999,
                                                  QUORUM_SHEET_SIGN_IN, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
}

static void
test_sheet_store_speaking_order_applies (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumUnit) executive = quorum_unit_new ("市政府常务会议", "executive-meeting");
  g_autoptr(GDateTime) start = at (f, "2026-01-13T15:00:00");
  g_autoptr(GDateTime) from = at (f, "2026-01-13T00:00:00");
  g_autoptr(GDateTime) to = at (f, "2026-01-14T00:00:00");
  g_autoptr(QuorumSeries) series = quorum_series_new ("市政府常务会议", start);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumOccurrence) meeting = NULL;
  gint64 unit;

  g_assert_false (quorum_sheet_occurrence_has_speaking_order (f->store, f->rulebook,
                                                              f->occurrence));

  unit = quorum_store_add_unit (f->store, executive, &error);
  g_assert_no_error (error);
  quorum_series_add_participant_unit (series, unit);
  quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);
  list = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  meeting = g_list_model_get_item (list, 0);
  g_assert_true (quorum_sheet_occurrence_has_speaking_order (f->store, f->rulebook,
                                                             quorum_occurrence_get_id (meeting)));
}

static char *
run (const char * const *argv,
     int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  *exit_status = g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
  if (*exit_status != 0)
    g_test_message ("%s: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* Every name appears in the text, in this order. */
static void
assert_in_order (const char         *text,
                 const char * const *names,
                 guint               n_names,
                 gboolean            reversed)
{
  const char *last = text;

  for (guint i = 0; i < n_names; i++)
    {
      const char *name = names[reversed ? n_names - 1 - i : i];
      const char *found = strstr (last, name);

      if (found == NULL)
        g_error ("“%s” is missing, or out of order, in:\n%s", name, text);
      last = found + strlen (name);
    }
}

static void
test_sheet_store_cli (Fixture       *f,
                      gconstpointer  data)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, f->occurrence);
  g_autofree char *pdf = g_build_filename (f->dir, "x.pdf", NULL);
  g_autofree char *order_pdf = g_build_filename (f->dir, "order.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *stdout_text = NULL;
  int status = -1;

  if (cli == NULL || pdftotext == NULL)
    {
      g_test_skip ("needs QUORUM_CLI and pdftotext");
      return;
    }

  {
    const char *argv[] = { cli, "--db", f->path, "sheet", number, "--out", pdf, NULL };

    stdout_text = run (argv, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

    text = run (argv, &status);
    g_assert_cmpint (status, ==, 0);
    assert_in_order (text, by_rank, G_N_ELEMENTS (by_rank), FALSE);
    g_assert_null (strstr (text, "钱进"));
    g_assert_nonnull (strstr (text, "党组理论学习中心组学习"));
    g_assert_nonnull (strstr (text, "栖霞市人民政府"));
    g_clear_pointer (&text, g_free);
  }
  {
    const char *argv[] = { cli, "--db", f->path, "sheet", number, "--speaking-order",
                           "--out", order_pdf, NULL };
    const char *read_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", order_pdf, "-", NULL };

    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    text = run (read_argv, &status);
    assert_in_order (text, by_rank, G_N_ELEMENTS (by_rank), TRUE);
    g_clear_pointer (&text, g_free);
  }
  {
    /* No such occurrence: status 1, no file. */
    g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
    const char *argv[] = { cli, "--db", f->path, "sheet", "999999", "--out", missing, NULL };
    const char *bad_argv[] = { cli, "--db", f->path, "sheet", "many", "--out", missing, NULL };

    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_free (run (bad_argv, &status));
    g_assert_cmpint (status, ==, 2);
  }
  g_remove (pdf);
  g_remove (order_pdf);
}

int
main (int   argc,
      char *argv[])
{
  /* The sheets are checked in Chinese, through the built catalogue. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sheet-store/sign-in", Fixture, NULL, fixture_set_up, test_sheet_store_sign_in,
              fixture_tear_down);
  g_test_add ("/sheet-store/record", Fixture, NULL, fixture_set_up, test_sheet_store_record,
              fixture_tear_down);
  g_test_add ("/sheet-store/minutes", Fixture, NULL, fixture_set_up, test_sheet_store_minutes,
              fixture_tear_down);
  g_test_add ("/sheet-store/speaking-order-applies", Fixture, NULL, fixture_set_up,
              test_sheet_store_speaking_order_applies, fixture_tear_down);
  g_test_add ("/sheet-store/cli", Fixture, NULL, fixture_set_up, test_sheet_store_cli,
              fixture_tear_down);

  return g_test_run ();
}
