/* test-caldav-prefs.c: the Publishing preferences and background publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against a real Radicale on 127.0.0.1 (skipped without it). No keyring
 * daemon runs under the test's dbus-run-session: passwords go to the
 * in-memory backend, the part of the keyring code tests can reach.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "quorum-caldav-controller.h"
#include "quorum-caldav-office.h"
#include "quorum-caldav-overlay.h"
#include "quorum-caldav-status-group.h"
#include "quorum-password-store.h"
#include "quorum-publishing-page.h"
#include "quorum-test-radicale.h"
#include "quorum-test-utils.h"

/* The isolated test folders hide the system's data folders, and with them
 * the MIME database GdkPixbuf needs to load the theme's SVG icons. */
static char *system_data_dirs;

typedef struct
{
  QuorumTestRadicale    server;
  QuorumStore          *store;
  GtkWidget            *window;
  QuorumPublishingPage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (system_data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  quorum_test_radicale_setup (&f->server, data);
  if (f->server.client == NULL)
    return;

  path = g_build_filename (f->server.dir, "prefs.db", NULL);
  g_unlink (path);
  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (db);

  f->window = adw_preferences_window_new ();
  f->page = QUORUM_PUBLISHING_PAGE (quorum_publishing_page_new ());
  quorum_publishing_page_set_store (f->page, f->store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->window), ADW_PREFERENCES_PAGE (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_clear_object (&f->store);
  quorum_test_radicale_teardown (&f->server, data);
}

static void
fill (Fixture    *f,
      const char *password)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  const char *values[] = { f->server.url, QUORUM_TEST_RADICALE_USER, password };
  guint i = 0;

  /* The account rows, in their order on the page. */
  for (GtkWidget *w = root; w != NULL && i < G_N_ELEMENTS (values); )
    {
      if (ADW_IS_ENTRY_ROW (w) && gtk_widget_is_ancestor (w, root) &&
          !gtk_widget_get_ancestor (w, ADW_TYPE_EXPANDER_ROW))
        gtk_editable_set_text (GTK_EDITABLE (w), values[i++]);

      /* Depth-first walk. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == root ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (values));
}

static AdwPreferencesRow *
row_titled (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_PREFERENCES_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *row = row_titled (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
overlay_filled (gpointer data)
{
  return g_list_model_get_n_items (quorum_caldav_controller_get_overlay (data)) > 0;
}

static gboolean
overlay_empty (gpointer data)
{
  return g_list_model_get_n_items (quorum_caldav_controller_get_overlay (data)) == 0;
}

static gboolean
result_ready (gpointer data)
{
  return quorum_publishing_page_get_result (data, NULL, NULL);
}

static void
run_test (Fixture     *f,
          const char **title,
          const char **details)
{
  gtk_widget_activate_action (GTK_WIDGET (f->page), "publishing.test", NULL);
  g_assert_true (quorum_test_wait_for (result_ready, f->page, 20000));
  quorum_publishing_page_get_result (f->page, title, details);
  g_test_message ("%s: %s", *title, *details);
}

static void
test_connection (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(QuorumCaldavCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *password = NULL;
  g_autofree char *expected = NULL;
  const char *title = NULL;
  const char *details = NULL;

  if (f->server.client == NULL)
    return;

  calendar = quorum_caldav_client_ensure_calendar (f->server.client, "quorum", "栖霞区履职日历",
                                                   NULL, &error);
  g_assert_no_error (error);

  fill (f, QUORUM_TEST_RADICALE_PASSWORD);
  run_test (f, &title, &details);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Connected: %u calendar found",
                                           "Connected: %u calendars found", 1), 1);
  g_assert_cmpstr (title, ==, expected);
  g_assert_nonnull (strstr (details, "栖霞区履职日历"));
  g_assert_nonnull (strstr (details, "/" QUORUM_TEST_RADICALE_USER "/"));

  /* The account is saved: URL and user in the store, the password in the
   * keyring (here the in-memory one), never in the store. */
  url = quorum_store_dup_setting (f->store, QUORUM_CALDAV_SETTING_URL);
  g_assert_cmpstr (url, ==, f->server.url);
  quorum_test_spin (200);
  password = quorum_password_store_lookup (f->server.url, QUORUM_TEST_RADICALE_USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, QUORUM_TEST_RADICALE_PASSWORD);

  /* QUORUM_SCREENSHOT_DIR=… keeps a picture of the page for review. */
  if (g_getenv ("QUORUM_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("QUORUM_SCREENSHOT_DIR"),
                                               "publishing.png", NULL);

      gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 900);
      quorum_test_spin (300);
      quorum_test_save_png (f->window, png, &error);
      g_assert_no_error (error);
    }

  /* A wrong password is named as such. */
  fill (f, "错误的密码");
  run_test (f, &title, &details);
  g_assert_cmpstr (title, ==, _("The server refused the user name or password"));
  g_assert_null (strstr (details, "错误的密码"));
}

static void
test_not_caldav (Fixture       *f,
                 gconstpointer  data)
{
  const char *title = NULL;
  const char *details = NULL;
  GtkWidget *row;

  if (f->server.client == NULL)
    return;

  /* Nobody listens on this port. */
  g_free (f->server.url);
  f->server.url = g_strdup_printf ("http://127.0.0.1:%u/", quorum_test_radicale_find_free_port ());
  fill (f, "x");
  run_test (f, &title, &details);
  g_assert_cmpstr (title, ==, _("The server cannot be reached: check the address and the network"));
  row = quorum_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_nonnull (row);
}

static gboolean
published (gpointer data)
{
  return quorum_caldav_controller_get_last_published (data) != NULL ||
         quorum_caldav_controller_get_status (data) == QUORUM_CALDAV_STATUS_ERROR;
}

static gboolean
idle_again (gpointer data)
{
  return quorum_caldav_controller_get_status (data) != QUORUM_CALDAV_STATUS_PUBLISHING;
}

static void
test_background (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(QuorumCaldavController) controller = NULL;
  g_autoptr(QuorumPerson) person = quorum_person_new ("孙七", "副市长", 5);
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GError) error = NULL;
  QuorumCaldavStatusGroup *group;
  GtkWidget *report_row;

  if (f->server.client == NULL)
    return;

  /* The account as the page saves it. */
  fill (f, QUORUM_TEST_RADICALE_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "publishing.test", NULL);
  g_assert_true (quorum_test_wait_for (result_ready, f->page, 20000));

  controller = quorum_caldav_controller_new (f->store, settings);
  quorum_caldav_controller_set_delay (controller, 50);
  quorum_publishing_page_set_controller (f->page, controller);
  group = QUORUM_CALDAV_STATUS_GROUP (quorum_test_find_widget (GTK_WIDGET (f->page),
                                                               QUORUM_TYPE_CALDAV_STATUS_GROUP));
  g_assert_true (quorum_caldav_status_group_get_controller (group) == controller);

  /* Publish Now, from the status group's button. */
  gtk_widget_activate_action (GTK_WIDGET (group), "caldav-status.publish", NULL);
  g_assert_cmpint (quorum_caldav_controller_get_status (controller), ==,
                   QUORUM_CALDAV_STATUS_PUBLISHING);
  g_assert_true (quorum_test_wait_for (published, controller, 30000));
  g_assert_cmpstr (quorum_caldav_controller_get_last_error (controller), ==, NULL);
  g_assert_cmpint (quorum_caldav_controller_get_status (controller), ==,
                   QUORUM_CALDAV_STATUS_IDLE);
  g_assert_nonnull (strstr (quorum_caldav_controller_get_last_report (controller),
                            "1 calendar"));
  report_row = quorum_test_find_widget (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (report_row);
  first = g_date_time_ref (quorum_caldav_controller_get_last_published (controller));

  /* With auto-publish off, a change sends nothing. */
  quorum_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  quorum_test_spin (300);
  g_assert_true (quorum_caldav_controller_get_last_published (controller) == first ||
                 g_date_time_equal (quorum_caldav_controller_get_last_published (controller),
                                    first));

  /* With it on, the next change publishes by itself: the new leader's
   * calendar appears. */
  g_settings_set_boolean (settings, QUORUM_CALDAV_KEY_AUTO_PUBLISH, TRUE);
  person = quorum_person_new ("周八", "副市长", 6);
  quorum_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_test_wait_for (idle_again, controller, 1000));
  quorum_test_spin (200);
  g_assert_true (quorum_test_wait_for (idle_again, controller, 30000));
  g_assert_nonnull (strstr (quorum_caldav_controller_get_last_report (controller),
                            "3 calendars"));
  calendars = quorum_caldav_client_discover (f->server.client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calendars->len, ==, 3);
  g_settings_reset (settings, QUORUM_CALDAV_KEY_AUTO_PUBLISH);

  /* Subscribing to a calendar through the page fills the overlay; removing
   * it empties it. */
  {
    g_autofree char *home = quorum_caldav_client_dup_display_url (
      f->server.client, quorum_caldav_client_get_calendar_home (f->server.client));
    g_autofree char *url = g_strconcat (home, QUORUM_CALDAV_OFFICE_SLUG "/", NULL);
    g_autoptr(QuorumSeries) series = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) start = g_date_time_add_days (now, 3);
    g_autoptr(GVariant) list = NULL;
    g_autoptr(QuorumOccurrence) shown = NULL;

    series = quorum_series_new ("上级部署会", start);
    quorum_store_add_series (f->store, series, &error);
    g_assert_no_error (error);
    quorum_caldav_controller_publish (controller);
    g_assert_true (quorum_test_wait_for (idle_again, controller, 30000));

    gtk_editable_set_text (GTK_EDITABLE (row_titled (GTK_WIDGET (f->page), _("Name"))), "上级日程");
    gtk_editable_set_text (GTK_EDITABLE (row_titled (GTK_WIDGET (f->page),
                                                     _("Calendar Address"))), url);
    gtk_editable_set_text (GTK_EDITABLE (row_titled (GTK_WIDGET (f->page),
                                                     _("User Name (Optional)"))),
                           QUORUM_TEST_RADICALE_USER);
    gtk_editable_set_text (GTK_EDITABLE (row_titled (GTK_WIDGET (f->page),
                                                     _("Password (Optional)"))),
                           QUORUM_TEST_RADICALE_PASSWORD);
    gtk_widget_activate_action (GTK_WIDGET (f->page), "publishing.add-subscription", NULL);
    list = g_settings_get_value (settings, QUORUM_CALDAV_KEY_SUBSCRIPTIONS);
    g_assert_cmpuint (g_variant_n_children (list), ==, 1);
    g_assert_nonnull (row_titled (GTK_WIDGET (f->page), "上级日程"));

    g_assert_true (quorum_test_wait_for (overlay_filled, controller, 30000));
    shown = g_list_model_get_item (quorum_caldav_controller_get_overlay (controller), 0);
    g_assert_cmpstr (quorum_occurrence_get_title (shown), ==, "上级部署会");
    g_assert_true (quorum_occurrence_is_external (shown));
    g_assert_null (quorum_caldav_controller_get_overlay_error (controller));

    gtk_widget_activate_action (GTK_WIDGET (f->page), "publishing.remove-subscription", "u", 0);
    g_assert_null (row_titled (GTK_WIDGET (f->page), "上级日程"));
    g_assert_true (quorum_test_wait_for (overlay_empty, controller, 30000));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  if (system_data_dirs == NULL)
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  system_data_dirs = g_strdup ("/usr/local/share:/usr/share");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!quorum_test_init_display (&argc, &argv))
    return 77;
  quorum_test_radicale_install_guards ();
  quorum_password_store_use_memory ();

#define ADD(path, func) \
  g_test_add ("/ui/caldav-prefs/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("connection", test_connection);
  ADD ("unreachable", test_not_caldav);
  ADD ("background", test_background);

  return g_test_run ();
}
