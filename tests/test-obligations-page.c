/* test-obligations-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The obligations page shows what `quorum-cli status` computes: a person's
 * duties, the dashboard's cells; its period navigation; the rulebook
 * browser reports a broken rulebook with its line number.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "quorum-compliance-summary.h"
#include "quorum-obligations-page.h"
#include "quorum-obligations-utils.h"
#include "quorum-test-office.h"
#include "quorum-test-utils.h"

static char *tmp_dir;
static char *db_path;
static QuorumStore *store;
static QuorumTestOffice office;
static QuorumObligationsPage *page;
static GtkWidget *window;

typedef struct
{
  char  *duty;
  char  *period;
  char  *status;
  char  *kind;
  gint64 subject;
} CliResult;

static void
cli_result_free (CliResult *r)
{
  g_free (r->duty);
  g_free (r->period);
  g_free (r->status);
  g_free (r->kind);
  g_free (r);
}

static char *
field (const char *object,
       const char *name)
{
  g_autofree char *key = g_strdup_printf ("\"%s\":", name);
  const char *p = strstr (object, key), *end;

  g_assert_nonnull (p);
  p += strlen (key);
  if (*p == '"')
    {
      end = strchr (++p, '"');
      return g_strndup (p, end - p);
    }
  end = p + strcspn (p, ",}");
  return g_strndup (p, end - p);
}

/* Runs `quorum-cli status --json` on the test database. */
static GPtrArray *
run_status (const char *period,
            gint64      person)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  g_autofree char *person_text = g_strdup_printf ("%" G_GINT64_FORMAT, person);
  const char *argv[] = { cli, "--db", db_path, "status", "--json", "--today", "2026-11-26",
                         "--period", period, person ? "--person" : NULL, person_text, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify)cli_result_free);
  const char *p;
  int status;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "["));

  for (p = strstr (out, "{\"duty\":"); p != NULL; p = strstr (p + 1, "{\"duty\":"))
    {
      const char *next = strstr (p + 1, "{\"duty\":");
      g_autofree char *object = next ? g_strndup (p, next - p) : g_strdup (p);
      CliResult *r = g_new0 (CliResult, 1);
      g_autofree char *id = field (object, "subject_id");

      r->duty = field (object, "duty");
      r->period = field (object, "period");
      r->status = field (object, "status");
      r->kind = field (object, "subject_kind");
      r->subject = g_ascii_strtoll (id, NULL, 10);
      g_ptr_array_add (results, r);
    }
  return results;
}

static gboolean
page_idle (gpointer data)
{
  return !quorum_person_view_get_busy (quorum_obligations_page_get_person_view (page)) &&
         !quorum_dashboard_get_busy (quorum_obligations_page_get_dashboard (page)) &&
         !quorum_charts_view_get_busy (quorum_obligations_page_get_charts_view (page));
}

static void
settle (void)
{
  quorum_test_spin (100);
  g_assert_true (quorum_test_wait_for (page_idle, NULL, 20000));
  quorum_test_spin (50);
}

static void
test_person (void)
{
  QuorumPersonView *view = quorum_obligations_page_get_person_view (page);
  gint64 people[] = { office.li, office.wang };
  GDate today;

  quorum_obligations_page_show (page, "mine");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, 11, 2026);

  for (guint k = 0; k < G_N_ELEMENTS (people); k++)
    {
      g_autoptr(GPtrArray) cli = run_status ("2026", people[k]);
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GPtrArray *shown;

      quorum_person_view_set_person (view, people[k]);
      settle ();
      g_assert_cmpint (quorum_person_view_get_person (view), ==, people[k]);
      shown = quorum_person_view_get_results (view);
      g_assert_nonnull (shown);

      /* The CLI's results of the periods that hold today. */
      for (guint i = 0; i < cli->len; i++)
        {
          CliResult *r = cli->pdata[i];
          g_autoptr(QuorumPeriod) period = quorum_period_parse (r->period, NULL);

          g_assert_nonnull (period);
          if (quorum_period_contains (period, &today))
            g_hash_table_insert (expected, g_strdup_printf ("%s|%s", r->duty, r->period), g_strdup (r->status));
        }
      g_assert_cmpuint (g_hash_table_size (expected), >, 5);

      /* Per-unit duties give one row per unit: compare the most urgent per duty. */
      for (guint i = 0; i < shown->len; i++)
        {
          QuorumComplianceResult *r = shown->pdata[i];
          g_autofree char *period = quorum_period_to_string (quorum_compliance_result_get_period (r));
          g_autofree char *key = g_strdup_printf ("%s|%s", quorum_compliance_result_get_duty_id (r), period);
          const char *status = g_hash_table_lookup (expected, key);

          g_assert_nonnull (status);
          if (quorum_compliance_result_get_unit_id (r) == 0)
            g_assert_cmpstr (status, ==, quorum_compliance_status_to_nick (quorum_compliance_result_get_status (r)));
        }
      {
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

        for (guint i = 0; i < shown->len; i++)
          {
            QuorumComplianceResult *r = shown->pdata[i];
            g_autofree char *period = quorum_period_to_string (quorum_compliance_result_get_period (r));

            g_hash_table_add (seen, g_strdup_printf ("%s|%s", quorum_compliance_result_get_duty_id (r), period));
          }
        g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (expected));
      }
      g_assert_cmpuint (quorum_person_view_get_n_rows (view), ==, shown->len);
    }
}

static QuorumSubjectKind
kind_from_nick (const char *nick)
{
  return g_str_equal (nick, "person") ? QUORUM_SUBJECT_PERSON
       : g_str_equal (nick, "unit") ? QUORUM_SUBJECT_UNIT : QUORUM_SUBJECT_BODY;
}

static void
check_matrix (GPtrArray         *cli,
              QuorumSubjectKind  kind,
              QuorumMatrix      *matrix)
{
  g_autoptr(GHashTable) worst = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) duties = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint n_cells = 0;

  for (guint i = 0; i < cli->len; i++)
    {
      CliResult *r = cli->pdata[i];
      g_autofree char *cell = NULL;
      QuorumComplianceStatus status = QUORUM_COMPLIANCE_MET;
      gpointer old;

      if (kind_from_nick (r->kind) != kind)
        continue;
      for (int s = QUORUM_COMPLIANCE_MET; s <= QUORUM_COMPLIANCE_REMEDIED; s++)
        if (g_str_equal (r->status, quorum_compliance_status_to_nick (s)))
          status = s;
      cell = g_strdup_printf ("%s|%" G_GINT64_FORMAT, r->duty, r->subject);
      if (g_hash_table_lookup_extended (worst, cell, NULL, &old))
        status = quorum_compliance_status_worse (GPOINTER_TO_INT (old), status);
      g_hash_table_insert (worst, g_steal_pointer (&cell), GINT_TO_POINTER (status));
      g_hash_table_add (duties, r->duty);
    }
  g_assert_cmpuint (g_hash_table_size (worst), >, 0);

  g_hash_table_iter_init (&iter, worst);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "|", 2);
      QuorumComplianceStatus shown;

      g_assert_true (quorum_matrix_get_cell_status (matrix, parts[0], kind,
                                                   g_ascii_strtoll (parts[1], NULL, 10), &shown));
      g_assert_cmpstr (quorum_compliance_status_to_nick (shown), ==,
                       quorum_compliance_status_to_nick (GPOINTER_TO_INT (value)));
      n_cells++;
    }
  g_assert_cmpuint (quorum_matrix_get_n_rows (matrix), ==, g_hash_table_size (duties));
  g_assert_cmpuint (n_cells, <=, quorum_matrix_get_n_rows (matrix) * quorum_matrix_get_n_columns (matrix));
}

static void
test_dashboard (void)
{
  QuorumDashboard *dashboard = quorum_obligations_page_get_dashboard (page);
  g_autoptr(QuorumPeriod) q4 = quorum_period_parse ("2026-Q4", NULL);
  g_autoptr(GPtrArray) cli = run_status ("2026-Q4", 0);

  quorum_obligations_page_show (page, "dashboard");
  quorum_dashboard_set_period (dashboard, q4);
  quorum_dashboard_set_group (dashboard, QUORUM_DASHBOARD_LEADERS);
  settle ();
  check_matrix (cli, QUORUM_SUBJECT_PERSON, quorum_dashboard_get_matrix (dashboard));
  g_assert_nonnull (strstr (quorum_dashboard_get_summary (dashboard), "missed"));

  quorum_dashboard_set_group (dashboard, QUORUM_DASHBOARD_BODY);
  settle ();
  check_matrix (cli, QUORUM_SUBJECT_BODY, quorum_dashboard_get_matrix (dashboard));
  quorum_dashboard_set_group (dashboard, QUORUM_DASHBOARD_LEADERS);
}

static void
assert_period (QuorumDashboard *dashboard,
               const char      *expected)
{
  g_autofree char *text = NULL;

  settle ();
  text = quorum_period_to_string (quorum_dashboard_get_period (dashboard));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_navigation (void)
{
  QuorumDashboard *dashboard = quorum_obligations_page_get_dashboard (page);
  g_autoptr(QuorumPeriod) q4 = quorum_period_parse ("2026-Q4", NULL);

  quorum_obligations_page_show (page, "dashboard");
  quorum_dashboard_set_period (dashboard, q4);
  assert_period (dashboard, "2026-Q4");
  gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.previous", NULL);
  assert_period (dashboard, "2026-Q3");
  gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.next", NULL);
  assert_period (dashboard, "2027-Q1");
  /* A future quarter: nothing is missed yet. */
  g_assert_null (strstr (quorum_dashboard_get_summary (dashboard), "missed 1"));
  gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.current", NULL);
  assert_period (dashboard, "2026-Q4");
}

static void
test_rulebook (void)
{
  QuorumRulebookView *view = quorum_obligations_page_get_rulebook_view (page);
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_default (NULL);
  g_autofree char *data = quorum_rulebook_to_data (rulebook, NULL);
  g_autofree char *broken_path = g_build_filename (tmp_dir, "broken.rulebook", NULL);
  g_autofree char *good_path = g_build_filename (tmp_dir, "good.rulebook", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GString) text = g_string_new (data);
  g_autofree char *before = NULL;
  g_autofree char *expected_line = NULL;
  g_autoptr(GError) error = NULL;
  const char *where;
  guint line = 1;

  quorum_obligations_page_show (page, "rulebook");
  settle ();
  g_assert_cmpuint (quorum_rulebook_view_get_n_unserved (view), <, 40);

  /* Break the first "Period=" key: the error must name its line. */
  where = strstr (text->str, "\nPeriod=");
  g_assert_nonnull (where);
  for (const char *p = text->str; p <= where; p++)
    line += *p == '\n';
  g_string_insert (text, where - text->str + strlen ("\nPeriod="), "sometimes-");
  g_file_set_contents (broken_path, text->str, -1, &error);
  g_assert_no_error (error);
  before = quorum_store_dup_rulebook_data (store);

  g_assert_false (quorum_rulebook_view_load_file (view, broken));
  g_assert_nonnull (quorum_rulebook_view_get_error_text (view));
  expected_line = g_strdup_printf ("broken.rulebook:%u:", line);
  g_assert_nonnull (strstr (quorum_rulebook_view_get_error_text (view), expected_line));
  {
    g_autofree char *after = quorum_store_dup_rulebook_data (store);

    g_assert_cmpstr (after, ==, before);
  }

  g_file_set_contents (good_path, data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_rulebook_view_load_file (view, good));
  g_assert_null (quorum_rulebook_view_get_error_text (view));
}

static guint
count_groups (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_PREFERENCES_GROUP (child) + count_groups (child);
  return n;
}

static gboolean
new_results (gpointer before)
{
  GPtrArray *results = quorum_person_view_get_results (quorum_obligations_page_get_person_view (page));

  return results != NULL && results != before;
}

static gboolean
view_idle (gpointer view)
{
  return !quorum_person_view_get_busy (view);
}

/* While the page is not on show a change to the store evaluates nothing;
 * shown again, the tab on show is busy, then shows the new results. */
static void
test_hidden_waits (void)
{
  QuorumPersonView *view = quorum_obligations_page_get_person_view (page);
  g_autoptr(QuorumUnit) unit = quorum_unit_new ("市统计局", "department");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;

  quorum_obligations_page_show (page, "mine");
  settle ();
  /* Held, so that new results cannot come at the same address. */
  before = g_ptr_array_ref (quorum_person_view_get_results (view));

  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpint (quorum_store_add_unit (store, unit, &error), >, 0);
  g_assert_no_error (error);
  quorum_test_spin (200);
  g_assert_false (quorum_person_view_get_busy (view));
  g_assert_true (quorum_person_view_get_results (view) == before);

  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (quorum_person_view_get_busy (view));

  /* The results come in a group a frame, busy until the last. */
  g_assert_true (quorum_test_wait_for (new_results, before, 20000));
  if (quorum_person_view_get_busy (view))
    {
      guint first = count_groups (GTK_WIDGET (view));

      g_assert_true (quorum_test_wait_for (view_idle, view, 20000));
      g_assert_cmpuint (first, <, count_groups (GTK_WIDGET (view)));
    }
  settle ();
  g_assert_false (quorum_person_view_get_busy (view));
  g_assert_cmpuint (count_groups (GTK_WIDGET (view)), >=, 5);
  g_assert_cmpuint (quorum_person_view_get_n_rows (view), ==,
                    quorum_person_view_get_results (view)->len);
}

/* A person chosen while another tab is on show has their groups made but
 * not added (a hidden tab is not measured, and all of them at once would
 * be when it is shown): shown, they come a frame apart, and the view ends
 * as it would have been had it been on show throughout. */
static void
test_person_behind_tab (void)
{
  QuorumPersonView *view = quorum_obligations_page_get_person_view (page);
  g_autoptr(GPtrArray) before = NULL;
  guint groups, rows, first;

  quorum_obligations_page_show (page, "mine");
  quorum_person_view_set_person (view, office.wang);
  settle ();
  groups = count_groups (GTK_WIDGET (view));
  rows = quorum_person_view_get_n_rows (view);
  g_assert_cmpuint (groups, >=, 5);
  quorum_person_view_set_person (view, office.li);
  settle ();

  quorum_obligations_page_show (page, "dashboard");
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  before = g_ptr_array_ref (quorum_person_view_get_results (view));
  quorum_person_view_set_person (view, office.wang);
  g_assert_true (quorum_test_wait_for (new_results, before, 20000));
  quorum_test_spin (200);
  g_assert_false (quorum_person_view_get_busy (view));
  /* Only the group that chooses the person. */
  g_assert_cmpuint (count_groups (GTK_WIDGET (view)), ==, 1);

  quorum_obligations_page_show (page, "mine");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (quorum_person_view_get_busy (view));
  first = count_groups (GTK_WIDGET (view));
  g_assert_true (quorum_test_wait_for (view_idle, view, 20000));
  g_assert_cmpuint (first, <, groups);
  settle ();
  g_assert_cmpuint (count_groups (GTK_WIDGET (view)), ==, groups);
  g_assert_cmpuint (quorum_person_view_get_n_rows (view), ==, rows);
}

/* What the view's one pass over the series must give: for every duty, the
 * titles of its series in the store's order, as the view once found them
 * by walking all series for each duty. */
static void
assert_served_by (QuorumRulebookView *view,
                  QuorumRulebook     *rulebook)
{
  g_autoptr(GListModel) series = quorum_store_list_series (store, NULL);
  GListModel *duties = quorum_rulebook_get_duties (rulebook);
  guint n_served = 0;

  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GString) expected = g_string_new (NULL);

      for (guint k = 0; k < g_list_model_get_n_items (series); k++)
        {
          g_autoptr(QuorumSeries) s = g_list_model_get_item (series, k);

          if (g_strcmp0 (quorum_series_get_duty_id (s), quorum_duty_get_id (duty)) == 0)
            g_string_append_printf (expected, "%s%s", expected->len ? "、" : "",
                                    quorum_series_get_title (s));
        }
      n_served += expected->len > 0;
      g_assert_cmpstr (quorum_rulebook_view_get_served_by (view, quorum_duty_get_id (duty)), ==,
                       expected->len > 0 ? expected->str : NULL);
    }
  g_assert_cmpuint (n_served, >, 0);
}

/* The rulebook tab lists the series serving each duty, read when the tab
 * is shown, not while another tab is: an import can bring thousands. */
static void
test_rulebook_served_by (void)
{
  QuorumRulebookView *view = quorum_obligations_page_get_rulebook_view (page);
  g_autoptr(QuorumRulebook) rulebook = quorum_store_load_rulebook (store, NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 12, 3, 15, 0, 0);
  g_autoptr(QuorumSeries) second = quorum_series_new ("第二个理论学习", start);
  g_autoptr(QuorumSeries) other = quorum_series_new ("不属于任何职责的会议", start);
  g_autoptr(GError) error = NULL;

  quorum_obligations_page_show (page, "rulebook");
  settle ();
  assert_served_by (view, rulebook);
  g_assert_cmpstr (quorum_rulebook_view_get_served_by (view, "theory-study"), ==,
                   "党组理论学习中心组学习");

  /* Two more series while another tab is on show: the view waits. */
  quorum_obligations_page_show (page, "dashboard");
  settle ();
  quorum_series_set_duty_id (second, "theory-study");
  g_assert_cmpint (quorum_store_add_series (store, second, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_add_series (store, other, &error), >, 0);
  g_assert_no_error (error);
  g_object_set (page, "rulebook", rulebook, NULL);
  settle ();
  g_assert_cmpstr (quorum_rulebook_view_get_served_by (view, "theory-study"), ==,
                   "党组理论学习中心组学习");

  quorum_obligations_page_show (page, "rulebook");
  settle ();
  assert_served_by (view, rulebook);
  g_assert_nonnull (strstr (quorum_rulebook_view_get_served_by (view, "theory-study"), "第二个理论学习"));
  g_assert_nonnull (strstr (quorum_rulebook_view_get_served_by (view, "theory-study"), "、"));
}

/* The widgets of @type under @widget (not those inside them), in order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      else
        collect (child, type, found);
    }
}

/* "title: row title|row title|…", a line per group: what the view shows. */
static char *
describe_view (QuorumPersonView *view)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  collect (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      const char *title = adw_preferences_group_get_title (groups->pdata[i]);

      collect (groups->pdata[i], ADW_TYPE_ACTION_ROW, rows);
      g_string_append_printf (out, "%s:", title != NULL ? title : "");
      for (guint j = 0; j < rows->len; j++)
        g_string_append_printf (out, "%s|%s", j ? "" : " ",
                                adw_preferences_row_get_title (rows->pdata[j]));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* How many rows the group titled @title holds on show, or -1 when none is. */
static int
count_group_rows (QuorumPersonView *view,
                  const char       *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), title) == 0)
      {
        g_autoptr(GPtrArray) rows = g_ptr_array_new ();

        collect (groups->pdata[i], ADW_TYPE_ACTION_ROW, rows);
        return (int)rows->len;
      }
  return -1;
}

/* A person's rows come a few a frame, into groups already on show, and the
 * view ends as it did when it was made at once: every duty row in the
 * group of its period, the same groups and rows as the first time. */
static void
test_person_rows_over_frames (void)
{
  QuorumPersonView *view = quorum_obligations_page_get_person_view (page);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  gboolean seen_partial = FALSE;
  int year_rows;
  guint n_duty_rows = 0;

  quorum_obligations_page_show (page, "mine");
  quorum_person_view_set_person (view, office.wang);
  settle ();
  first = describe_view (view);
  year_rows = count_group_rows (view, "This Year");
  g_assert_cmpint (year_rows, >, 3);

  quorum_person_view_set_person (view, office.li);
  settle ();
  before = g_ptr_array_ref (quorum_person_view_get_results (view));
  quorum_person_view_set_person (view, office.wang);
  /* Another person: the previous one's rows go at once, not when the new
   * results come. */
  g_assert_null (quorum_person_view_get_results (view));
  g_assert_cmpuint (quorum_person_view_get_n_rows (view), ==, 0);
  g_assert_cmpint (count_group_rows (view, "This Year"), <, 0);
  g_assert_true (quorum_person_view_get_busy (view));
  g_assert_true (quorum_test_wait_for (new_results, before, 20000));
  /* A duty row is made when it is added, not with the results. */
  g_assert_cmpuint (quorum_person_view_get_n_rows (view), <,
                    quorum_person_view_get_results (view)->len);
  while (quorum_person_view_get_busy (view))
    {
      int n = count_group_rows (view, "This Year");

      if (n >= 0 && n < year_rows)
        seen_partial = TRUE;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (seen_partial);
  settle ();
  again = describe_view (view);
  g_assert_cmpstr (again, ==, first);

  /* Each duty row sits in the group of its period. */
  collect (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      QuorumComplianceResult *r = g_object_get_data (rows->pdata[i], "result");
      GtkWidget *group;
      QuorumPeriodKind kind;
      const char *expected;

      if (r == NULL)
        continue;
      n_duty_rows++;
      group = gtk_widget_get_ancestor (rows->pdata[i], ADW_TYPE_PREFERENCES_GROUP);
      kind = quorum_period_get_kind (quorum_compliance_result_get_period (r));
      expected = kind == QUORUM_PERIOD_QUARTER ? "This Quarter"
               : kind == QUORUM_PERIOD_HALF_YEAR ? "This Half Year"
               : kind == QUORUM_PERIOD_YEAR || kind == QUORUM_PERIOD_NONE ? "This Year"
               : "This Month";
      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, expected);
    }
  g_assert_cmpuint (n_duty_rows, ==, quorum_person_view_get_results (view)->len);
  g_assert_cmpuint (n_duty_rows, ==, quorum_person_view_get_n_rows (view));
}

/* What the worker read for a person no longer chosen when it is done is
 * dropped, not shown under the one chosen since; nor are the results of
 * the person chosen before. */
static void
test_person_stale_dropped (void)
{
  QuorumPersonView *view = quorum_obligations_page_get_person_view (page);
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;

  quorum_obligations_page_show (page, "mine");
  quorum_person_view_set_person (view, office.wang);
  settle ();
  before = g_ptr_array_ref (quorum_person_view_get_results (view));
  shown = describe_view (view);

  /* Li's evaluation starts; then someone not in the list yet is chosen,
   * who waits for the next reload. */
  quorum_person_view_set_person (view, office.li);
  g_assert_true (quorum_person_view_get_busy (view));
  quorum_person_view_set_person (view, G_MAXINT64);
  g_assert_cmpint (quorum_person_view_get_person (view), ==, G_MAXINT64);
  g_assert_true (quorum_test_wait_for (view_idle, view, 20000));
  quorum_test_spin (200);
  /* Neither Li's results nor Wang's, which went when Li was chosen. */
  g_assert_null (quorum_person_view_get_results (view));
  g_assert_cmpuint (quorum_person_view_get_n_rows (view), ==, 0);
  after = describe_view (view);
  g_assert_cmpstr (after, !=, shown);
  g_assert_nonnull (before);

  /* The next reload picks someone in the list again. */
  quorum_person_view_reload (view);
  settle ();
  g_assert_cmpint (quorum_person_view_get_person (view), !=, G_MAXINT64);
}

/* The "Next 14 Days" group lists the sessions that serve a duty, not the
 * routine meetings around them. */
static void
test_person_upcoming (void)
{
  QuorumPersonView *view = quorum_obligations_page_get_person_view (page);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 11, 27, 8, 30, 0);
  g_autoptr(GDateTime) reception = g_date_time_new (tz, 2026, 12, 2, 9, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 26, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_add_days (now, 14);
  g_autoptr(QuorumSeries) routine = quorum_series_new ("日常工作调度会", start);
  g_autoptr(QuorumSeries) duty = quorum_series_new ("接访日", reception);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  guint required = 0, routine_listed = 0;

  quorum_series_set_rrule (routine, "FREQ=DAILY;COUNT=10");
  quorum_series_add_participant_person (routine, office.li);
  g_assert_cmpint (quorum_store_add_series (store, routine, &error), >, 0);
  g_assert_no_error (error);
  quorum_series_set_duty_id (duty, "reception-day");
  quorum_series_set_owner_id (duty, office.li);
  g_assert_cmpint (quorum_store_add_series (store, duty, &error), >, 0);
  g_assert_no_error (error);

  filter.person_id = office.li;
  listed = quorum_store_list_occurrences (store, now, until, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (listed, i);

      if (quorum_occurrence_get_status (o) == QUORUM_OCCURRENCE_CANCELLED)
        continue;
      if (quorum_occurrence_get_duty_id (o) != NULL)
        required++;
      else
        routine_listed++;
    }
  g_assert_cmpuint (routine_listed, ==, 10);
  g_assert_cmpuint (required, >=, 1);

  quorum_obligations_page_show (page, "mine");
  quorum_person_view_set_person (view, office.zhang);
  settle ();
  quorum_person_view_set_person (view, office.li);
  settle ();
  g_assert_cmpuint (quorum_person_view_get_n_upcoming (view), ==, required);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!quorum_test_init_display (&argc, &argv))
    return 77;

  app = quorum_test_application ();
  tmp_dir = quorum_test_make_dir ("quorum-obligations");
  db_path = g_build_filename (tmp_dir, "office.db", NULL);
  store = quorum_test_office_open (db_path, &office);
  rulebook = quorum_store_load_rulebook (store, &error);
  g_assert_no_error (error);
  workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  page = g_object_new (QUORUM_TYPE_OBLIGATIONS_PAGE, NULL);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  g_object_set (page, "workdays", workdays, "rulebook", rulebook, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  g_test_add_func ("/obligations/person", test_person);
  g_test_add_func ("/obligations/dashboard", test_dashboard);
  g_test_add_func ("/obligations/navigation", test_navigation);
  g_test_add_func ("/obligations/rulebook", test_rulebook);
  g_test_add_func ("/obligations/rulebook-served-by", test_rulebook_served_by);
  g_test_add_func ("/obligations/hidden-waits", test_hidden_waits);
  g_test_add_func ("/obligations/person-behind-tab", test_person_behind_tab);
  g_test_add_func ("/obligations/person-upcoming", test_person_upcoming);
  g_test_add_func ("/obligations/person-rows-over-frames", test_person_rows_over_frames);
  g_test_add_func ("/obligations/person-stale-dropped", test_person_stale_dropped);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_spin (100);
  g_clear_object (&store);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
