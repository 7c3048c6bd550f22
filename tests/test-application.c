/* test-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-calendar-page.h"
#include "quorum-database-private.h"
#include "quorum-month-view.h"
#include "quorum-test-utils.h"
#include "quorum-window.h"

typedef struct
{
  QuorumStore *store;
  GDateTime   *until;
  QuorumCalendarPage *page;
} Wait;

static gboolean
horizon_reached (gpointer data)
{
  Wait *w = data;
  g_autoptr(GDateTime) stored = quorum_store_dup_materialized_until (w->store);

  return stored != NULL && g_date_time_compare (stored, w->until) >= 0;
}

static gboolean
model_filled (gpointer data)
{
  Wait *w = data;
  GListModel *model = quorum_calendar_page_get_model (w->page);

  return model != NULL && g_list_model_get_n_items (model) > 0;
}

static gboolean
no_background_writes (gpointer app)
{
  return !quorum_application_has_background_writes (app);
}

/* An office whose rows end where an app left them 300 days ago: @n_series
 * meetings of @rrule, materialised up to today + 200 days. */
static char *
make_old_office (guint       n_series,
                 const char *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = quorum_test_make_dir ("quorum-horizon");
  g_autofree char *path = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (today, -300);
  g_autoptr(GDateTime) start = g_date_time_add_days (then, 1);
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(GDateTime) short_of = g_date_time_add_days (today, QUORUM_STORE_HORIZON_DAYS - 1);

  g_assert_no_error (error);
  path = g_build_filename (dir, "old.db", NULL);
  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  store = quorum_store_new (db);
  quorum_store_set_now (store, then);
  for (guint i = 0; i < n_series; i++)
    {
      g_autofree char *title = g_strdup_printf ("Theory study %u", i + 1);
      g_autoptr(QuorumSeries) series = quorum_series_new (title, start);

      quorum_series_set_rrule (series, rrule);
      g_assert_cmpint (quorum_store_add_series (store, series, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (quorum_store_materialize (store, NULL, &error));
  g_assert_no_error (error);

  stored = quorum_store_dup_materialized_until (store);
  g_assert_nonnull (stored);
  g_assert_cmpint (g_date_time_compare (stored, short_of), <, 0);
  return g_steal_pointer (&path);
}

/* Opened on an office whose horizon is behind the clock, the app has the
 * rows made up to today + QUORUM_STORE_HORIZON_DAYS by its worker: its own
 * connection writes nothing. A month past even that shows empty at first
 * and fills in once the worker made its rows. */
static void
test_application_horizon (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  g_autofree char *path = make_old_office (1, "FREQ=WEEKLY");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) needed = g_date_time_add_days (today, QUORUM_STORE_HORIZON_DAYS);
  g_autoptr(GDateTime) far = g_date_time_add_days (today, 3 * 365);
  g_autoptr(GDateTime) far_day = g_date_time_new_local (g_date_time_get_year (far),
                                                        g_date_time_get_month (far), 1, 0, 0, 0);
  g_autoptr(GDateTime) far_until = g_date_time_add_months (far, 1);
  QuorumWindow *window;
  QuorumCalendarPage *page;
  QuorumStore *store;
  sqlite3 *handle;
  int changes;
  Wait w = { 0 };

  g_assert_true (quorum_application_switch_database (app, path, &error));
  g_assert_no_error (error);
  store = quorum_application_get_store (app);
  g_assert_false (quorum_store_get_materialize_on_read (store));
  handle = _quorum_database_get_handle (quorum_application_get_database (app));
  changes = sqlite3_total_changes (handle);

  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  w.store = store;
  w.until = needed;
  g_assert_true (quorum_test_wait_for (horizon_reached, &w, 30000));

  /* The calendar three years ahead, past the rows there are: the month is
   * filled in once the worker made them, nothing being made on this
   * thread; the worker's rows come in through the poll. */
  page = QUORUM_CALENDAR_PAGE (quorum_test_find_widget (GTK_WIDGET (window),
                                                        QUORUM_TYPE_CALENDAR_PAGE));
  g_assert_nonnull (page);
  w.until = far_until;
  g_assert_false (horizon_reached (&w));
  quorum_month_view_set_date (QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (page)),
                              far_day);
  w.page = page;
  g_assert_true (quorum_test_wait_for (horizon_reached, &w, 30000));
  g_assert_true (quorum_test_wait_for (model_filled, &w, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_calendar_page_get_model (page)), >=, 4);

  g_assert_cmpint (sqlite3_total_changes (handle), ==, changes);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (quorum_application_switch_database (app, NULL, &error));
  g_assert_no_error (error);

  /* The rows ahead are made for the database switched back to: the folders
   * go at exit, and a writing thread would put files back in them. */
  quorum_test_spin (100);
  g_assert_true (quorum_test_wait_for (no_background_writes, app, 30000));
}

static gboolean
close_windows_when_writing (gpointer data)
{
  QuorumApplication *app = data;

  if (!quorum_application_has_background_writes (app))
    return G_SOURCE_CONTINUE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  return G_SOURCE_REMOVE;
}

static void
on_activate_switch_cb (GApplication *app,
                       const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_application_switch_database (QUORUM_APPLICATION (app), path, &error));
  g_assert_no_error (error);
  g_timeout_add (5, close_windows_when_writing, app);
}

/* The window closed while a thread writes the rows ahead, the application
 * runs on until the thread is done, rather than cut it off. In a child
 * process: it runs the application's main loop to its end. */
static void
test_application_holds_for_writes (void)
{
  g_autoptr(QuorumApplication) app = NULL;
  g_autofree char *path = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) needed = g_date_time_add_days (today, QUORUM_STORE_HORIZON_DAYS);
  Wait w = { 0 };

  if (!g_test_subprocess ())
    {
      quorum_test_trap_subprocess (G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  app = quorum_test_application ();
  /* Thirty daily meetings: some 15 000 rows to make, not done in a blink. */
  path = make_old_office (30, "FREQ=DAILY");
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_switch_cb), path);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  g_assert_false (quorum_application_has_background_writes (app));
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  w.store = store;
  w.until = needed;
  g_assert_true (horizon_reached (&w));
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/application/horizon", test_application_horizon);
  g_test_add_func ("/ui/application/holds-for-writes", test_application_holds_for_writes);

  return g_test_run ();
}
