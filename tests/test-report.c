/* test-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The supervision report: its CSV rows are the engine's results, its PDF
 * names the period and every missed duty, and quorum-cli writes both.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "quorum-compliance-summary.h"
#include "quorum-report.h"
#include "quorum-test-office.h"

typedef struct
{
  char             *dir;
  char             *db_path;
  QuorumStore      *store;
  QuorumRulebook   *rulebook;
  QuorumPeriod     *period;
  GDate             today;
  QuorumTestOffice  office;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumUnit) unit = NULL;

  f->dir = g_dir_make_tmp ("quorum-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "office.db", NULL);
  f->store = quorum_test_office_open (f->db_path, &f->office);
  f->rulebook = quorum_store_load_rulebook (f->store, &error);
  g_assert_no_error (error);
  f->period = quorum_period_parse ("2026-Q4", &error);
  g_assert_no_error (error);
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, 26, 11, 2026);

  /* A name that needs CSV quoting: a comma and quotes. */
  unit = quorum_store_get_unit (f->store, f->office.enterprise, &error);
  g_assert_no_error (error);
  quorum_unit_set_name (unit, "栖霞苹果集团,\"果业\"");
  quorum_store_update_unit (f->store, unit, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  g_clear_object (&f->rulebook);
  g_clear_pointer (&f->period, quorum_period_unref);
  /* QUORUM_TEST_KEEP=1 keeps the files to look at. */
  if (g_getenv ("QUORUM_TEST_KEEP") != NULL)
    {
      g_test_message ("Kept %s", f->dir);
      g_clear_pointer (&f->dir, g_free);
      g_clear_pointer (&f->db_path, g_free);
      return;
    }
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* A small RFC 4180 reader: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          continue;
        }
      if (*p == ',' || *p == '\r')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\r')
            {
              g_assert_cmpint (p[1], ==, '\n');
              g_ptr_array_add (rows, row);
              row = g_ptr_array_new_with_free_func (g_free);
              p++;
            }
          p++;
          continue;
        }
      g_assert_cmpint (*p, !=, '\n');
      g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return parse_csv (text + 3);
}

static GPtrArray *
compute (Fixture *f)
{
  g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new_default (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *results = quorum_compliance_compute (f->store, f->rulebook, f->period, &f->today, -1,
                                                  workdays, &error);

  g_assert_no_error (error);
  return results;
}

static void
test_csv_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.csv", NULL);
  g_autoptr(GPtrArray) results = compute (f);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quoted_name = FALSE;
  guint missed = 0;

  quorum_report_write_csv (f->store, f->rulebook, f->period, &f->today, path, &error);
  g_assert_no_error (error);
  rows = read_csv (path);

  g_assert_cmpuint (results->len, >, 20);
  g_assert_cmpuint (rows->len, ==, results->len + 1);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *)rows->pdata[0], 0), ==, "Duty ID");
  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      GPtrArray *row = rows->pdata[i + 1];
      QuorumDuty *duty = quorum_rulebook_lookup (f->rulebook, quorum_compliance_result_get_duty_id (r));
      g_autofree char *subject = quorum_compliance_result_dup_subject (r);
      g_autofree char *period = quorum_period_format (quorum_compliance_result_get_period (r));
      g_autofree char *achieved = g_strdup_printf ("%g", quorum_compliance_result_get_achieved (r));

      g_assert_cmpuint (row->len, ==, 11);
      g_assert_cmpstr (row->pdata[0], ==, quorum_compliance_result_get_duty_id (r));
      g_assert_cmpstr (row->pdata[1], ==, quorum_duty_get_title (duty));
      g_assert_cmpint (atoi (row->pdata[2]), ==, quorum_duty_get_article (duty));
      g_assert_cmpstr (row->pdata[3], ==, subject);
      g_assert_cmpstr (row->pdata[4], ==, period);
      g_assert_cmpstr (row->pdata[7], ==, achieved);
      g_assert_cmpstr (row->pdata[8], ==,
                       quorum_compliance_status_to_label (quorum_compliance_result_get_status (r)));
      g_assert_cmpstr (row->pdata[10], ==, quorum_compliance_result_get_explanation (r));
      if (quorum_compliance_result_get_max (r) < 0)
        g_assert_cmpstr (row->pdata[6], ==, "");
      if (quorum_compliance_result_get_status (r) == QUORUM_COMPLIANCE_MISSED)
        {
          g_assert_cmpstr (row->pdata[9], ==, "Red");
          missed++;
        }
      quoted_name |= g_str_has_suffix (subject, "栖霞苹果集团,\"果业\"");
    }
  /* The seeded office has missed duties, and a name that needed quoting. */
  g_assert_cmpuint (missed, >, 0);
  g_assert_true (quoted_name);
}

static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *n_pages = 0;
  for (const char *p = out; *p != '\0'; p++)
    if (*p == '\f')
      (*n_pages)++;
  return g_steal_pointer (&out);
}

/* pdftotext may break a long title over two lines: compare without spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GPtrArray) results = compute (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *period = quorum_period_format (f->period);
  g_autofree char *flat_period = squeeze (period);
  guint n_missed = 0;
  int n_pages = 0;

  quorum_report_write_pdf (f->store, f->rulebook, f->period, &f->today, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if ((text = pdf_text (path, &n_pages)) == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, flat_period));
  g_assert_nonnull (strstr (flat, "SupervisionReport"));
  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      QuorumDuty *duty = quorum_rulebook_lookup (f->rulebook, quorum_compliance_result_get_duty_id (r));
      g_autofree char *title = NULL;

      if (quorum_compliance_result_get_status (r) != QUORUM_COMPLIANCE_MISSED)
        continue;
      title = squeeze (quorum_duty_get_title (duty));
      g_assert_nonnull (strstr (flat, title));
      n_missed++;
    }
  g_assert_cmpuint (n_missed, >, 0);
  /* Every page has its footer. */
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpint (n_pages, <=, 20);
  {
    g_autofree char *last = g_strdup_printf ("Page%dof%d", n_pages, n_pages);

    g_assert_nonnull (strstr (flat, last));
  }
}

static int
run_cli (Fixture    *f,
         const char *format,
         const char *out)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  const char *argv[] = { cli, "--db", f->db_path, "report", "--period", "2026-Q4", "--format",
                         format, "--out", out, "--today", "2026-11-26", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "cli.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *core_csv = g_build_filename (f->dir, "core.csv", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;

  /* The CLI reads what the fixture wrote: close nothing, sqlite shares the file. */
  g_assert_cmpint (run_cli (f, "csv", csv), ==, 0);
  g_assert_cmpint (run_cli (f, "pdf", pdf), ==, 0);
  quorum_report_write_csv (f->store, f->rulebook, f->period, &f->today, core_csv, &error);
  g_assert_no_error (error);

  g_file_get_contents (csv, &a, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (core_csv, &b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, b);

  g_file_get_contents (pdf, &head, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  /* A usage error writes nothing. */
  g_assert_cmpint (run_cli (f, "xls", csv), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/csv-rows", Fixture, NULL, fixture_set_up, test_csv_rows, fixture_tear_down);
  g_test_add ("/report/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/report/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
