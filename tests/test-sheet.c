/* test-sheet.c: printed sheets, checked through the text of the PDFs they make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "quorum-sheet-render.h"
#include "quorum-sheet.h"

static char *tmp_dir;

static const char * const surnames[] = {
  "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
};

static const char * const given_names[] = {
  "建国", "海燕", "志强", "丽华", "文博",
};

/* Three characters each and all different, so no name is found inside another. */
static char *
dup_name (guint i)
{
  g_assert_cmpuint (i, <, G_N_ELEMENTS (surnames) * G_N_ELEMENTS (given_names));
  return g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                      given_names[i / G_N_ELEMENTS (surnames)], NULL);
}

static GDateTime *
beijing_time (int month,
              int day,
              int hour,
              int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");

  return g_date_time_new (tz, 2026, month, day, hour, minute, 0);
}

static QuorumSheet *
build_sheet (QuorumSheetKind kind,
             guint           n_rows)
{
  QuorumSheet *sheet = quorum_sheet_new (kind);
  g_autoptr(GDateTime) start = beijing_time (11, 20, 9, 0);
  g_autoptr(GDateTime) end = beijing_time (11, 20, 11, 0);
  g_autoptr(GDateTime) printed = beijing_time (11, 19, 16, 30);

  quorum_sheet_set_office (sheet, "栖霞市人民政府");
  quorum_sheet_set_title (sheet, "党组理论学习中心组学习");
  quorum_sheet_set_duty (sheet, "第2条 党组理论学习中心组学习");
  quorum_sheet_set_location (sheet, "市政府三楼第一会议室");
  quorum_sheet_set_times (sheet, start, end);
  quorum_sheet_set_printed_at (sheet, printed);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = dup_name (i);

      quorum_sheet_add_row (sheet, name, i == 0 ? "党组书记、市长" : "副秘书长",
                            QUORUM_ATTENDANCE_PRESENT, NULL, FALSE, NULL);
    }
  return sheet;
}

static char *
write_pdf (QuorumSheet *sheet,
           const char  *basename)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, basename, NULL);

  g_assert_true (quorum_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);
  return path;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static int
count_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

/* pdftotext spaces CJK text as it likes: compare without whitespace. */
static char *
squeeze (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (str, c);
    }
  return g_string_free (str, FALSE);
}

/* The text of each page, as pdftotext lays it out. */
static GStrv
read_pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);
  g_autofree char *last = n > 0 ? squeeze (pages[n - 1]) : NULL;

  /* pdftotext ends the last page with a form feed too. */
  if (last != NULL && *last == '\0')
    g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed_haystack = squeeze (haystack);
  g_autofree char *squeezed_needle = squeeze (needle);

  if (strstr (squeezed_haystack, squeezed_needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

/* Every name of @names occurs in @text, each after the one before. */
static void
assert_in_order (const char         *text,
                 const char * const *names,
                 guint               n_names)
{
  gssize previous = -1;

  for (guint i = 0; i < n_names; i++)
    {
      const char *found = strstr (text, names[i]);
      gssize offset;

      if (found == NULL)
        g_error ("name %u, “%s”, is missing", i + 1, names[i]);
      offset = found - text;
      if (offset <= previous)
        g_error ("name %u, “%s”, comes before the name printed ahead of it", i + 1, names[i]);
      previous = offset;
    }
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are needed to read the PDFs");
      return FALSE;
    }
  return TRUE;
}

/* Writes @sheet and checks it has @n_pages pages by every count, each with
 * @heading and its "Page X of N" footer; returns the text of the pages. */
static GStrv
write_and_read_pages (QuorumSheet *sheet,
                      const char  *basename,
                      int          n_pages,
                      const char  *heading)
{
  g_autofree char *path = NULL;
  GStrv pages;

  g_assert_cmpint (quorum_sheet_get_n_pages (sheet, QUORUM_SHEET_A4_WIDTH, QUORUM_SHEET_A4_HEIGHT),
                   ==, n_pages);
  path = write_pdf (sheet, basename);
  g_assert_cmpint (count_pdf_pages (path), ==, n_pages);
  pages = read_pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("第 %d 页 共 %d 页", p + 1, n_pages);

      assert_contains (pages[p], heading);
      assert_contains (pages[p], footer);
    }
  return pages;
}

/* How many pages so many people take. */
typedef struct
{
  guint n_rows;
  int   n_pages;
} PagesCase;

static const PagesCase sign_in_cases[] = {
  { 12, 1 },
  { 40, 1 },
  { 41, 2 },
  { 95, 3 },
};

static void
test_sheet_sign_in (gconstpointer data)
{
  const PagesCase *tc = data;
  g_autoptr(QuorumSheet) sheet = build_sheet (QUORUM_SHEET_SIGN_IN, tc->n_rows);
  g_autofree char *basename = g_strdup_printf ("sign-in-%u.pdf", tc->n_rows);
  g_autofree char *all = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  pages = write_and_read_pages (sheet, basename, tc->n_pages, "党组理论学习中心组学习签到表");
  for (int p = 0; p < tc->n_pages; p++)
    {
      /* The whole heading and the table's header row are on every page. */
      assert_contains (pages[p], "栖霞市人民政府");
      assert_contains (pages[p], "时间：2026年11月20日（星期五）09:00—11:00");
      assert_contains (pages[p], "地点：市政府三楼第一会议室");
      assert_contains (pages[p], "依据：第2条 党组理论学习中心组学习");
      assert_contains (pages[p], "序号 姓名 职务 签名 备注");
      assert_contains (pages[p], "打印日期：2026年11月19日");
    }

  /* Rank order, across pages, with no one lost or repeated. */
  for (guint i = 0; i < tc->n_rows; i++)
    g_ptr_array_add (names, dup_name (i));
  all = g_strjoinv ("", pages);
  assert_in_order (all, (const char * const *)names->pdata, names->len);
  for (guint i = 0; i < tc->n_rows; i++)
    {
      const char *once = strstr (all, names->pdata[i]);

      g_assert_null (strstr (once + 1, names->pdata[i]));
    }

  /* At most 40 to a page. */
  if (tc->n_pages > 1)
    {
      g_autofree char *forty_first = dup_name (40);

      g_assert_null (strstr (pages[0], forty_first));
      g_assert_nonnull (strstr (pages[1], forty_first));
    }
}

static void
test_sheet_record (void)
{
  g_autoptr(QuorumSheet) sheet = quorum_sheet_new (QUORUM_SHEET_RECORD);
  g_autoptr(GDateTime) start = beijing_time (11, 20, 9, 0);
  g_autoptr(GDateTime) end = beijing_time (11, 20, 11, 0);
  g_autoptr(GDateTime) signed_on = beijing_time (11, 21, 0, 0);
  g_autofree char *second = NULL;
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  quorum_sheet_set_title (sheet, "党组理论学习中心组学习");
  quorum_sheet_set_times (sheet, start, end);
  quorum_sheet_set_minutes_signed_on (sheet, signed_on);
  quorum_sheet_set_notes (sheet, "传达学习上级会议精神");
  quorum_sheet_add_row (sheet, "张建国", "党组书记、市长", QUORUM_ATTENDANCE_PRESENT, NULL, TRUE, NULL);
  quorum_sheet_add_row (sheet, "王海燕", "副市长", QUORUM_ATTENDANCE_LATE, NULL, FALSE, NULL);
  quorum_sheet_add_row (sheet, "李志强", "副市长", QUORUM_ATTENDANCE_EXCUSED, "参加市委全会", FALSE,
                        "11月25日");
  quorum_sheet_add_row (sheet, "赵丽华", "秘书长", QUORUM_ATTENDANCE_ABSENT, NULL, FALSE, NULL);
  for (guint i = 4; i < 15; i++)
    {
      g_autofree char *name = dup_name (i);

      quorum_sheet_add_row (sheet, name, "副秘书长", QUORUM_ATTENDANCE_PRESENT, NULL, i == 6, NULL);
    }
  second = dup_name (6);

  pages = write_and_read_pages (sheet, "record.pdf", 1, "党组理论学习中心组学习出席情况记录");
  assert_contains (pages[0], "序号 姓名 职务 出席情况 备注");
  assert_contains (pages[0], "张建国 党组书记、市长 出席 重点发言");
  assert_contains (pages[0], "王海燕 副市长 迟到");
  assert_contains (pages[0], "李志强 副市长 请假：参加市委全会 已补学 11月25日");
  assert_contains (pages[0], "赵丽华 秘书长 缺席");
  assert_contains (pages[0], "应到 15 人，实到 13 人，其中迟到 1 人，请假 1 人，缺席 1 人");
  {
    g_autofree char *speakers = g_strdup_printf ("重点发言：张建国、%s", second);

    assert_contains (pages[0], speakers);
  }
  assert_contains (pages[0], "记录签署日期：2026年11月21日");
  assert_contains (pages[0], "备注：传达学习上级会议精神");
}

/* A record of 40 squeezes its rows to keep the summary on its one page; with
 * a full last page of a longer record, the summary gets a page of its own. */
static const PagesCase record_cases[] = {
  { 40, 1 },
  { 41, 2 },
  { 80, 3 },
};

static void
test_sheet_record_pages (gconstpointer data)
{
  const PagesCase *tc = data;
  g_autoptr(QuorumSheet) sheet = build_sheet (QUORUM_SHEET_RECORD, tc->n_rows);
  g_autofree char *basename = g_strdup_printf ("record-%u.pdf", tc->n_rows);
  g_autofree char *summary = g_strdup_printf ("应到 %u 人，实到 %u 人，请假 0 人，缺席 0 人",
                                              tc->n_rows, tc->n_rows);
  g_autofree char *last_name = dup_name (tc->n_rows - 1);
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  pages = write_and_read_pages (sheet, basename, tc->n_pages, "党组理论学习中心组学习出席情况记录");
  assert_contains (pages[tc->n_pages - 1], summary);
  {
    /* The summary comes after the last person. */
    g_autofree char *all = g_strjoinv ("", pages);
    g_autofree char *squeezed = squeeze (all);
    g_autofree char *squeezed_summary = squeeze (summary);

    g_assert_true (strstr (squeezed, last_name) < strstr (squeezed, squeezed_summary));
  }
}

static void
test_sheet_speaking_order (void)
{
  g_autoptr(QuorumSheet) sheet = build_sheet (QUORUM_SHEET_SPEAKING_ORDER, 15);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  /* The printed order is the reverse of the rank order; the data is untouched. */
  g_assert_cmpstr (quorum_sheet_get_printed_row (sheet, 0)->name, ==,
                   quorum_sheet_get_row (sheet, 14)->name);
  g_assert_cmpstr (quorum_sheet_get_row (sheet, 0)->name, ==, "张建国");

  pages = write_and_read_pages (sheet, "speaking-order.pdf", 1, "党组理论学习中心组学习倒序发言顺序");
  assert_contains (pages[0], "1 胡建国");
  assert_contains (pages[0], "15 张建国 党组书记、市长");

  for (guint i = 15; i > 0; i--)
    g_ptr_array_add (reversed, dup_name (i - 1));
  assert_in_order (pages[0], (const char * const *)reversed->pdata, reversed->len);
}

/* The sign-in table's columns on A4, as quorum-sheet-render.c shares them out
 * (8%, 16%, 25% of the 483 pt between the margins): where the name and the
 * post columns end. */
#define NAME_COLUMN_RIGHT (56.0 + 0.24 * 483.0)
#define POST_COLUMN_RIGHT (56.0 + 0.49 * 483.0)

/* The right edge of every word pdftotext finds that starts with @prefix. */
static guint
get_word_right_edges (const char *path,
                      const char *prefix,
                      double     *edges,
                      guint       max_edges)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && n < max_edges; i++)
    {
      const char *x_max = strstr (lines[i], "xMax=\"");
      const char *word = strchr (lines[i], '>');

      if (x_max == NULL || word == NULL || !g_str_has_prefix (word + 1, prefix))
        continue;
      edges[n++] = g_ascii_strtod (x_max + strlen ("xMax=\""), NULL);
    }
  return n;
}

/* Text far too long for its cell shrinks, wraps and is cut with an ellipsis:
 * it never runs into the next column. (The PDF keeps the cut text behind the
 * ellipsis for searching, so this looks at where words are, not what they say.) */
static void
test_sheet_long_text (void)
{
  g_autoptr(QuorumSheet) sheet = build_sheet (QUORUM_SHEET_SIGN_IN, 3);
  g_autoptr(GString) post = g_string_new (NULL);
  g_autofree char *path = NULL;
  double edges[8];
  guint n;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 20; i++)
    g_string_append (post, "市委常委、");
  quorum_sheet_add_row (sheet, "欧阳建国海燕志强丽华文博", post->str,
                        QUORUM_ATTENDANCE_UNKNOWN, NULL, FALSE, NULL);
  path = write_pdf (sheet, "long.pdf");

  n = get_word_right_edges (path, "欧阳", edges, G_N_ELEMENTS (edges));
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (edges[i], <=, NAME_COLUMN_RIGHT);

  n = get_word_right_edges (path, "市委常委", edges, G_N_ELEMENTS (edges));
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (edges[i], <=, POST_COLUMN_RIGHT);
      /* Shrunk and wrapped, it still fills most of its cell. */
      g_assert_cmpfloat (edges[i], >=, POST_COLUMN_RIGHT - 40);
    }
}

static void
test_sheet_write_error (void)
{
  g_autoptr(QuorumSheet) sheet = build_sheet (QUORUM_SHEET_SIGN_IN, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "sheet.pdf", NULL);

  g_assert_false (quorum_sheet_write_pdf (sheet, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "sheet.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static const char sheet_ini[] =
  "[Sheet]\n"
  "Office=栖霞市人民政府\n"
  "Title=党组理论学习中心组学习\n"
  "Start=2026-11-20T09:00:00+08:00\n"
  "End=2026-11-20T11:00:00+08:00\n"
  "PrintedAt=2026-11-19T16:30:00+08:00\n"
  "\n"
  "[Person 1]\n"
  "Name=张建国\n"
  "Post=党组书记、市长\n"
  "Status=present\n"
  "KeySpeaker=true\n"
  "\n"
  "[Person 2]\n"
  "Name=王海燕\n"
  "Status=%s\n"
  "Reason=参加市委全会\n";

static int
run_cli (const char  *ini,
         const char  *extra,
         const char  *out,
         char       **err)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("QUORUM_CLI");
  const char *argv[] = { cli, "sheet", "--from-file", ini, "--out", out, extra, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

static void
test_sheet_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ini = g_build_filename (tmp_dir, "sheet.ini", NULL);
  g_autofree char *bad_ini = g_build_filename (tmp_dir, "bad.ini", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "cli.pdf", NULL);
  g_autofree char *bad_out = g_build_filename (tmp_dir, "cli-bad.pdf", NULL);
  g_autofree char *good = g_strdup_printf (sheet_ini, "excused");
  g_autofree char *bad = g_strdup_printf (sheet_ini, "gone fishing");
  g_autofree char *err = NULL;
  g_auto(GStrv) pages = NULL;

  if (g_getenv ("QUORUM_CLI") == NULL)
    {
      g_test_skip ("QUORUM_CLI is not set");
      return;
    }
  if (!have_poppler ())
    return;

  g_file_set_contents (ini, good, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad_ini, bad, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (ini, "--record", out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  pages = read_pdf_pages (out);
  assert_contains (pages[0], "党组理论学习中心组学习出席情况记录");
  assert_contains (pages[0], "王海燕 请假：参加市委全会");
  assert_contains (pages[0], "应到 2 人，实到 1 人");

  /* A bad value says where it is, and nothing is written. */
  g_assert_cmpint (run_cli (bad_ini, "--record", bad_out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "bad.ini"));
  g_assert_nonnull (strstr (err, "Person 2"));
  g_assert_nonnull (strstr (err, "Status"));
  g_assert_nonnull (strstr (err, "gone fishing"));
  g_assert_false (g_file_test (bad_out, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (ini, "--speaking-order", bad_out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (ini, "--nonsense", bad_out, &err), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The sheets are checked in Chinese, through the built catalogue. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = g_dir_make_tmp ("quorum-sheet-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sign_in_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/sheet/sign-in/%u", sign_in_cases[i].n_rows);

      g_test_add_data_func (name, &sign_in_cases[i], test_sheet_sign_in);
    }
  g_test_add_func ("/sheet/record", test_sheet_record);
  for (guint i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/sheet/record/%u", record_cases[i].n_rows);

      g_test_add_data_func (name, &record_cases[i], test_sheet_record_pages);
    }
  g_test_add_func ("/sheet/speaking-order", test_sheet_speaking_order);
  g_test_add_func ("/sheet/long-text", test_sheet_long_text);
  g_test_add_func ("/sheet/write-error", test_sheet_write_error);
  g_test_add_func ("/sheet/cli", test_sheet_cli);

  status = g_test_run ();

  if (g_getenv ("QUORUM_KEEP_SHEETS") == NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (tmp_dir, name, NULL);

          g_unlink (child);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
