/* test-caldav-office.c: the store's office published to a real Radicale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "quorum-caldav-office.h"
#include "quorum-caldav-overlay.h"
#include "quorum-ics.h"
#include "quorum-store-ics.h"
#include "quorum-test-office.h"
#include "quorum-test-radicale.h"

/* 4 leaders and the whole office. */
#define N_CALENDARS 5

static gboolean chinese;

typedef struct
{
  QuorumTestRadicale  server;
  QuorumStore        *store;
  QuorumTestOffice    office;
  char               *db_path;
  gint64              mayor_series;
} Fixture;

static gint64
add_series (QuorumStore *store,
            const char  *title,
            int          month,
            int          day,
            const char  *rrule,
            gint64       person,
            gint64       unit)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, month, day, 15, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, start);
  g_autoptr(GError) error = NULL;
  gint64 id;

  quorum_series_set_rrule (series, rrule);
  quorum_series_set_kind (series, "meeting");
  quorum_series_set_location (series, "市政府常务会议室");
  if (person != 0)
    quorum_series_add_participant_person (series, person);
  if (unit != 0)
    quorum_series_add_participant_unit (series, unit);
  id = quorum_store_add_series (store, series, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  quorum_test_radicale_setup (&fixture->server, data);
  if (fixture->server.client == NULL)
    return;

  fixture->db_path = g_build_filename (fixture->server.dir, "office.db", NULL);
  fixture->store = quorum_test_office_open (fixture->db_path, &fixture->office);
  fixture->mayor_series = add_series (fixture->store, "市长接待日", 3, 5,
                                      "FREQ=MONTHLY;COUNT=6", fixture->office.zhang, 0);
  add_series (fixture->store, "常务会议", 4, 7, "FREQ=WEEKLY;COUNT=8", 0,
              fixture->office.leaders);
  add_series (fixture->store, "企业走访", 9, 10, NULL, fixture->office.li, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->db_path, g_free);
  quorum_test_radicale_teardown (&fixture->server, data);
}

static void
publish (Fixture                  *fixture,
         QuorumCaldavOfficeReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  quorum_caldav_office_report_clear (report);
  quorum_caldav_publish_office (fixture->server.client, fixture->store, NULL, report, NULL,
                                &error);
  g_assert_no_error (error);
  text = quorum_caldav_office_report_describe (report);
  g_test_message ("%s (%u requests)", text, report->total.n_requests);
}

/* The server's calendar for a slug, parsed: uid → master event. */
static GHashTable *
server_masters (Fixture    *fixture,
                const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autofree char *href = g_strconcat (quorum_caldav_client_get_calendar_home (fixture->server.client),
                                       slug, "/", NULL);
  GHashTable *masters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) quorum_ics_event_unref);

  resources = quorum_caldav_client_query (fixture->server.client, href, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < resources->len; i++)
    {
      QuorumCaldavResource *resource = g_ptr_array_index (resources, i);
      g_autoptr(GPtrArray) events = NULL;

      events = quorum_ics_parse (resource->data, strlen (resource->data), resource->href, NULL,
                                 &error);
      g_assert_no_error (error);
      for (guint j = 0; j < events->len; j++)
        {
          QuorumIcsEvent *ev = g_ptr_array_index (events, j);

          if (ev->recurrence_id == NULL)
            g_hash_table_insert (masters, g_strdup (ev->uid), quorum_ics_event_ref (ev));
        }
    }
  return masters;
}

/* The server holds, for @person_id (0: everyone), one series per UID of the
 * store's occurrences, with the title and first start the store has. */
static void
assert_calendar_matches (Fixture    *fixture,
                         const char *slug,
                         gint64      person_id)
{
  g_autoptr(GHashTable) masters = server_masters (fixture, slug);
  g_autoptr(GHashTable) firsts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2100, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  QuorumOccurrenceFilter filter = { .person_id = person_id };
  GHashTableIter iter;
  gpointer uid, value;

  occurrences = quorum_store_list_occurrences (fixture->store, from, to, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (occurrences, i);
      QuorumOccurrence *first = g_hash_table_lookup (firsts, quorum_occurrence_get_uid (occurrence));

      if (first == NULL || g_date_time_compare (quorum_occurrence_get_start (occurrence),
                                                quorum_occurrence_get_start (first)) < 0)
        g_hash_table_insert (firsts, (gpointer) quorum_occurrence_get_uid (occurrence),
                             occurrence);
    }

  g_assert_cmpuint (g_hash_table_size (masters), ==, g_hash_table_size (firsts));
  g_hash_table_iter_init (&iter, firsts);
  while (g_hash_table_iter_next (&iter, &uid, &value))
    {
      QuorumIcsEvent *master = g_hash_table_lookup (masters, uid);

      g_assert_nonnull (master);
      g_assert_cmpstr (master->summary, ==, quorum_occurrence_get_title (value));
      g_assert_true (g_date_time_equal (master->dtstart, quorum_occurrence_get_start (value)));
    }
}

static const char *
display_name_of (GPtrArray  *calendars,
                 const char *slug)
{
  g_autofree char *suffix = g_strconcat ("/", slug, "/", NULL);

  for (guint i = 0; i < calendars->len; i++)
    {
      QuorumCaldavCalendar *calendar = g_ptr_array_index (calendars, i);

      if (g_str_has_suffix (calendar->href, suffix))
        return calendar->display_name;
    }
  return NULL;
}

static char *
person_slug (gint64 id)
{
  return g_strdup_printf (QUORUM_CALDAV_PERSON_SLUG_PREFIX "%" G_GINT64_FORMAT, id);
}

static void
test_publish_office (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(QuorumCaldavOfficeReport) report = { 0 };
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 9, 1, 0, 0, 0);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(QuorumOccurrence) moved = NULL;
  g_autofree char *zhang = person_slug (fixture->office.zhang);
  g_autofree char *zhao = person_slug (fixture->office.zhao);
  const gint64 people[] = { fixture->office.zhang, fixture->office.li, fixture->office.wang,
                            fixture->office.zhao };
  QuorumOccurrenceFilter filter = { .series_id = fixture->mayor_series };
  guint n_resources;

  if (fixture->server.client == NULL)
    return;

  publish (fixture, &report);
  g_assert_cmpuint (report.n_calendars, ==, N_CALENDARS);
  g_assert_cmpuint (report.total.n_created, >, 0);
  g_assert_cmpuint (report.total.n_overwritten, ==, 0);
  n_resources = report.total.n_created;

  /* The calendars exist with their names. */
  calendars = quorum_caldav_client_discover (fixture->server.client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calendars->len, ==, N_CALENDARS);
  g_assert_cmpstr (display_name_of (calendars, zhang), ==,
                   chinese ? "张三的履职日历" : "张三 — Duties");
  g_assert_cmpstr (display_name_of (calendars, QUORUM_CALDAV_OFFICE_SLUG), ==,
                   chinese ? "全市政府履职日历" : "Whole Government — Duties");

  /* Each holds what the store says that leader is expected at. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *slug = person_slug (people[i]);

      assert_calendar_matches (fixture, slug, people[i]);
    }
  assert_calendar_matches (fixture, QUORUM_CALDAV_OFFICE_SLUG, 0);
  {
    g_autoptr(GHashTable) mine = server_masters (fixture, zhang);
    g_autoptr(GHashTable) theirs = server_masters (fixture, zhao);

    /* The mayor's reception day is his, not his deputy's. */
    g_assert_cmpuint (g_hash_table_size (mine), >, g_hash_table_size (theirs));
  }

  /* Nothing changed: one REPORT per calendar, nothing sent. */
  publish (fixture, &report);
  g_assert_cmpuint (report.total.n_requests, ==, N_CALENDARS);
  g_assert_cmpuint (report.total.n_unchanged, ==, n_resources);
  g_assert_cmpuint (report.total.n_created + report.total.n_updated + report.total.n_deleted, ==,
                    0);

  /* One occurrence of the mayor's series moves: its series' resource
   * changes, in his calendar and in the office's, and nothing else. */
  sessions = quorum_store_list_occurrences (fixture->store, from, to, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), >, 0);
  moved = g_list_model_get_item (sessions, 0);
  quorum_store_update_occurrence (fixture->store, quorum_occurrence_get_id (moved), NULL, NULL,
                                  "翠屏街道便民服务中心", NULL, &error);
  g_assert_no_error (error);
  publish (fixture, &report);
  g_assert_cmpuint (report.total.n_updated, ==, 2);
  g_assert_cmpuint (report.total.n_unchanged, ==, n_resources - 2);
  g_assert_cmpuint (report.total.n_created + report.total.n_deleted, ==, 0);
  /* The REPORTs, and one PUT per changed resource. */
  g_assert_cmpuint (report.total.n_requests, ==, N_CALENDARS + 2);
}

static void
test_overwritten (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(QuorumCaldavOfficeReport) report = { 0 };
  g_autoptr(GHashTable) masters = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zhang = person_slug (fixture->office.zhang);
  g_autofree char *href = NULL;
  g_autofree char *text = NULL;

  if (fixture->server.client == NULL)
    return;

  publish (fixture, &report);

  /* Somebody deletes the mayor's events in their calendar app. */
  href = g_strconcat (quorum_caldav_client_get_calendar_home (fixture->server.client), zhang,
                      "/", NULL);
  resources = quorum_caldav_client_query (fixture->server.client, href, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resources->len, >, 0);
  for (guint i = 0; i < resources->len; i++)
    {
      QuorumCaldavResource *resource = g_ptr_array_index (resources, i);

      quorum_caldav_client_delete (fixture->server.client, resource->href, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  /* Quorum is the record: they come back, and the report names them. */
  publish (fixture, &report);
  g_assert_cmpuint (report.total.n_overwritten, ==, resources->len);
  text = quorum_caldav_office_report_describe (&report);
  g_assert_nonnull (strstr (text, "市长接待日"));
  g_assert_nonnull (strstr (text, chinese ? "张三的履职日历" : "张三 — Duties"));
  assert_calendar_matches (fixture, zhang, fixture->office.zhang);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(QuorumCaldavOfficeReport) report = { 0 };
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  if (fixture->server.client == NULL)
    return;

  client = quorum_caldav_client_new (fixture->server.url, QUORUM_TEST_RADICALE_USER, "错误");
  g_assert_false (quorum_caldav_publish_office (client, fixture->store, NULL, &report, NULL,
                                                &error));
  g_assert_error (error, QUORUM_CALDAV_ERROR, QUORUM_CALDAV_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "错误"));
  g_assert_cmpuint (report.n_calendars, ==, 0);
}

static char *
run_cli (Fixture            *fixture,
         const char * const *args,
         const char         *password,
         int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  char *out = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("QUORUM_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, fixture->db_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "QUORUM_CALDAV_PASSWORD");
  if (password != NULL)
    envp = g_environ_setenv (envp, "QUORUM_CALDAV_PASSWORD", password, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  int status = -1;

  if (fixture->server.client == NULL)
    return;
  if (g_getenv ("QUORUM_CLI") == NULL)
    {
      g_test_skip ("QUORUM_CLI is not set");
      return;
    }

  password_file = g_build_filename (fixture->server.dir, "password", NULL);
  g_file_set_contents (password_file, QUORUM_TEST_RADICALE_PASSWORD "\n", -1, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "caldav", "publish", "--url", fixture->server.url,
                           "--user", QUORUM_TEST_RADICALE_USER,
                           "--password-file", password_file, NULL };

    out = run_cli (fixture, args, NULL, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "5 calendars"));
    g_assert_null (strstr (out, " 0 created"));
    g_clear_pointer (&out, g_free);
  }

  calendars = quorum_caldav_client_discover (fixture->server.client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calendars->len, ==, N_CALENDARS);

  /* With no account saved, the options are required. */
  {
    const char *args[] = { "caldav", "publish", NULL };

    out = run_cli (fixture, args, QUORUM_TEST_RADICALE_PASSWORD, &status);
    g_assert_cmpint (status, ==, 2);
    g_clear_pointer (&out, g_free);
  }

  /* The saved account and the password from the environment, as a script
   * on a server without a keyring would do; the state the first publish
   * saved in the store makes this one quiet. */
  quorum_store_set_setting (fixture->store, QUORUM_CALDAV_SETTING_URL, fixture->server.url,
                            &error);
  g_assert_no_error (error);
  quorum_store_set_setting (fixture->store, QUORUM_CALDAV_SETTING_USER,
                            QUORUM_TEST_RADICALE_USER, &error);
  g_assert_no_error (error);
  {
    const char *args[] = { "caldav", "publish", NULL };

    out = run_cli (fixture, args, QUORUM_TEST_RADICALE_PASSWORD, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "0 created, 0 updated, 0 deleted"));
    g_clear_pointer (&out, g_free);

    out = run_cli (fixture, args, "wrong", &status);
    g_assert_cmpint (status, ==, 1);
  }
}

/* A subscribed calendar comes back as external occurrences in the span. */
static void
test_overlay (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(QuorumCaldavOfficeReport) report = { 0 };
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);
  g_autofree char *url = NULL;
  guint n_meetings = 0;

  if (fixture->server.client == NULL)
    return;

  publish (fixture, &report);
  url = quorum_caldav_client_dup_display_url (fixture->server.client,
                                              quorum_caldav_client_get_calendar_home (
                                                fixture->server.client));
  url = g_strconcat (url, QUORUM_CALDAV_OFFICE_SLUG "/", NULL);

  occurrences = quorum_caldav_overlay_fetch (fixture->server.client, url, "上级日程", from, to,
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, >, 0);
  for (guint i = 0; i < occurrences->len; i++)
    {
      QuorumOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      g_assert_true (quorum_occurrence_is_external (occurrence));
      g_assert_cmpstr (quorum_occurrence_get_source (occurrence), ==, "上级日程");
      g_assert_cmpint (quorum_occurrence_get_id (occurrence), ==, 0);
      g_assert_true (quorum_occurrence_overlaps (occurrence, from, to));
      n_meetings += g_strcmp0 (quorum_occurrence_get_title (occurrence), "常务会议") == 0;
    }
  /* Weekly from 7 April, 8 times: 5, 12, 19 and 26 May. */
  g_assert_cmpuint (n_meetings, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("QUORUM_LOCALEDIR");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  chinese = localedir != NULL && setlocale (LC_ALL, "zh_CN.UTF-8") != NULL;
  if (chinese)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }
  else
    {
      setlocale (LC_ALL, "");
    }
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  quorum_test_radicale_install_guards ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/core/caldav-office/publish", test_publish_office);
  ADD ("/core/caldav-office/overwritten", test_overwritten);
  ADD ("/core/caldav-office/wrong-password", test_wrong_password);
  ADD ("/core/caldav-office/cli", test_cli);
  ADD ("/core/caldav-office/overlay", test_overlay);

  return g_test_run ();
}
