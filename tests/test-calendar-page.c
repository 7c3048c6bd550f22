/* test-calendar-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "quorum-agenda-view.h"
#include "quorum-calendar-filter-bar.h"
#include "quorum-calendar-page.h"
#include "quorum-filter-choice.h"
#include "quorum-gui-utils.h"
#include "quorum-fake-calendar.h"
#include "quorum-month-cell.h"
#include "quorum-month-view.h"
#include "quorum-month-view-private.h"
#include "quorum-test-utils.h"

typedef struct
{
  GtkWidget          *window;
  QuorumCalendarPage *page;
  GListStore         *store;
  GPtrArray          *ranges;
  guint               n_new_series;
} Fixture;

static void
on_range_changed (QuorumCalendarPage *page,
                  GDateTime          *start,
                  GDateTime          *end,
                  Fixture            *f)
{
  g_ptr_array_add (f->ranges, g_date_time_ref (start));
}

static void
new_series_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  Fixture *f = data;

  f->n_new_series++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) today = quorum_fake_date (2026, 10, 21);
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) new_series = g_simple_action_new ("new-series", NULL);

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Every test starts with no remembered person. */
  g_settings_reset (settings, "calendar-person");
  f->ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  f->store = quorum_fake_october ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);

  /* The window's action, as QuorumWindow will have it. */
  g_signal_connect (new_series, "activate", G_CALLBACK (new_series_cb), f);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (new_series));
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (win));

  f->page = QUORUM_CALENDAR_PAGE (quorum_calendar_page_new ());
  quorum_calendar_page_set_today (f->page, today);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.today", NULL);
  quorum_calendar_page_set_model (f->page, G_LIST_MODEL (f->store));
  g_signal_connect (f->page, "range-changed", G_CALLBACK (on_range_changed), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_pointer (&f->ranges, g_ptr_array_unref);
}

static guint
n_shown (Fixture *f)
{
  QuorumMonthView *month = QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (f->page));

  return g_list_model_get_n_items (quorum_month_view_get_model (month));
}

/* The page's own search entry (the drop-downs of the filter bar have theirs). */
static GtkEditable *
find_search_entry (QuorumCalendarPage *page)
{
  GtkWidget *bar = quorum_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_BAR);

  return GTK_EDITABLE (quorum_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = find_search_entry (f->page);
  guint all = g_list_model_get_n_items (G_LIST_MODEL (f->store));

  g_assert_cmpuint (n_shown (f), ==, all);

  /* By title… */
  gtk_editable_set_text (entry, "领导接访日");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 5);

  /* …and by place. */
  gtk_editable_set_text (entry, "区委常委会议室");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 3);

  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, all);
}

static void
test_ranges (Fixture       *f,
             gconstpointer  data)
{
  GDateTime *start;

  start = quorum_calendar_page_get_visible_start (f->page);
  g_assert_cmpint (g_date_time_get_month (start), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 28);

  /* The agenda asks for its own span: from today. */
  quorum_calendar_page_set_view_name (f->page, "agenda");
  g_assert_cmpuint (f->ranges->len, ==, 1);
  start = g_ptr_array_index (f->ranges, 0);
  g_assert_cmpint (g_date_time_get_month (start), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 21);
  /* Month navigation is off while the agenda shows. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  g_assert_cmpuint (f->ranges->len, ==, 1);

  quorum_calendar_page_set_view_name (f->page, "month");
  g_assert_cmpuint (f->ranges->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL));
  g_assert_cmpuint (f->ranges->len, ==, 3);
  start = g_ptr_array_index (f->ranges, 2);
  g_assert_cmpint (g_date_time_get_month (start), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 26);
}

static void
test_new_series (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (quorum_test_press_key (GTK_WIDGET (f->page), "<Control>n"));
  g_assert_cmpuint (f->n_new_series, ==, 1);
}

typedef struct
{
  QuorumCalendarPage *page;
  guint               old;
} PageCount;

static gboolean
page_has_more (gpointer data)
{
  PageCount *count = data;

  return g_list_model_get_n_items (quorum_calendar_page_get_model (count->page)) > count->old;
}

/* With a store, the page fills itself for the month on show, follows month
 * switches and store changes, and marks holidays from the workdays. */
static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = quorum_test_make_dir ("quorum-page");
  g_autofree char *path = g_build_filename (dir, "page.db", NULL);
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumWorkdays) workdays = quorum_workdays_new_default (&error);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 1, 1, 9, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new ("经济形势分析研判", start);
  g_autoptr(GListModel) before = NULL;
  GListModel *model;
  QuorumOccurrence *occ;
  gboolean seen_october = FALSE;
  guint n;

  g_assert_no_error (error);
  store = quorum_store_new (db);
  quorum_series_set_rrule (series, "FREQ=MONTHLY;BYMONTHDAY=1");
  quorum_series_set_holiday_policy (series, "next-workday");
  quorum_store_add_series (store, series, &error);
  g_assert_no_error (error);

  quorum_calendar_page_set_workdays (f->page, workdays);
  quorum_calendar_page_set_store (f->page, store);

  /* October 2026 on show: 1 Oct is National Day (off 1–7 Oct), so the
   * session moves to Thursday the 8th, the next working day. */
  model = quorum_calendar_page_get_model (f->page);
  before = g_object_ref (model);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumOccurrence) item = g_list_model_get_item (model, i);

      if (g_date_time_get_month (quorum_occurrence_get_start (item)) == 10)
        {
          seen_october = TRUE;
          g_assert_cmpint (g_date_time_get_day_of_month (quorum_occurrence_get_start (item)),
                           ==, 8);
          g_assert_true (quorum_occurrence_get_holiday_shifted (item));
        }
    }
  g_assert_true (seen_october);

  /* Next month: a new query for the new span. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  model = quorum_calendar_page_get_model (f->page);
  g_assert_true (model != before);
  occ = g_list_model_get_item (model, 0);
  g_assert_cmpint (g_date_time_get_month (quorum_occurrence_get_start (occ)), ==, 11);
  g_object_unref (occ);

  /* A change in the store refreshes the page (in an idle). */
  {
    g_autoptr(QuorumSeries) other = quorum_series_new ("市政府常务会议", start);
    guint old = g_list_model_get_n_items (model);

    quorum_series_set_rrule (other, "FREQ=WEEKLY;BYDAY=TU");
    quorum_store_add_series (store, other, &error);
    g_assert_no_error (error);
    g_assert_true (quorum_test_wait_for (page_has_more, &(PageCount) { f->page, old }, 20000));
  }

  /* Not on show (another page is), it waits to be shown again. */
  {
    g_autoptr(QuorumSeries) hidden = quorum_series_new ("政府党组会议", start);
    GListModel *shown = quorum_calendar_page_get_model (f->page);
    guint old = g_list_model_get_n_items (shown);

    g_assert_true (quorum_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, f->page,
                                         20000));
    quorum_test_spin (100);
    shown = quorum_calendar_page_get_model (f->page);
    old = g_list_model_get_n_items (shown);
    gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
    quorum_series_set_rrule (hidden, "FREQ=WEEKLY;BYDAY=WE");
    quorum_store_add_series (store, hidden, &error);
    g_assert_no_error (error);
    quorum_test_spin (200);
    g_assert_true (quorum_calendar_page_get_model (f->page) == shown);

    gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
    g_assert_true (quorum_test_wait_for (page_has_more, &(PageCount) { f->page, old }, 20000));
  }

  quorum_calendar_page_set_store (f->page, NULL);
}

/* A busy store for the months loaded ahead: fourteen sessions every day,
 * from 9:00 to 22:00 in Beijing, more than a cell shows, so that the
 * grid's query leaves some out. */
typedef struct
{
  char        *dir;
  char        *path;
  QuorumStore *store;
} BusyStore;

static void
busy_store_open (BusyStore *busy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  busy->dir = quorum_test_make_dir ("quorum-page");
  busy->path = g_build_filename (busy->dir, "busy.db", NULL);
  db = quorum_database_open (busy->path, &error);
  g_assert_no_error (error);
  busy->store = quorum_store_new (db);

  for (guint i = 0; i < 14; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 6, 1, 9 + i, 0, 0);
      g_autofree char *title = g_strdup_printf ("例会 %u", i);
      g_autoptr(QuorumSeries) series = quorum_series_new (title, start);

      quorum_series_set_rrule (series, "FREQ=DAILY");
      quorum_store_add_series (busy->store, series, &error);
      g_assert_no_error (error);
    }
}

static void
busy_store_close (BusyStore *busy)
{
  g_autofree char *wal = g_strconcat (busy->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (busy->path, "-shm", NULL);

  g_clear_object (&busy->store);
  g_remove (busy->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (busy->dir);
  g_free (busy->path);
  g_free (busy->dir);
}

typedef struct
{
  QuorumCalendarPage *page;
  int                 offset;
} MonthLoaded;

typedef struct
{
  QuorumCalendarPage *page;
  GListModel         *old;
} ModelSwap;

static gboolean
model_swapped (gpointer data)
{
  ModelSwap *swap = data;

  return quorum_calendar_page_get_model (swap->page) != swap->old;
}

static gboolean
month_loaded (gpointer data)
{
  MonthLoaded *loaded = data;

  return quorum_calendar_page_has_month (loaded->page, loaded->offset);
}

/* The grid on show is what the store gives for its span: the same events
 * in the same order, and the same counts of those left out. */
static void
assert_shows_store (QuorumCalendarPage *page,
                    QuorumStore        *store)
{
  QuorumMonthView *view = QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (page));
  GDateTime *start = quorum_calendar_page_get_visible_start (page);
  GDateTime *end = quorum_calendar_page_get_visible_end (page);
  QuorumOccurrenceFilter filter = { .without_counts = TRUE };
  g_autoptr(GArray) hidden = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = NULL;
  GListModel *shown = quorum_calendar_page_get_model (page);
  GDate day;
  guint n_hidden = 0;

  filter.text = gtk_editable_get_text (find_search_entry (page));
  fresh = quorum_store_list_day_occurrences (store, start, end, &filter,
                                             QUORUM_MONTH_CELL_MAX_CHIPS, hidden, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (fresh));
  for (guint i = 0; i < g_list_model_get_n_items (fresh); i++)
    {
      g_autoptr(QuorumOccurrence) a = g_list_model_get_item (shown, i);
      g_autoptr(QuorumOccurrence) b = g_list_model_get_item (fresh, i);

      g_assert_cmpint (quorum_occurrence_get_id (a), ==, quorum_occurrence_get_id (b));
      g_assert_cmpstr (quorum_occurrence_get_title (a), ==, quorum_occurrence_get_title (b));
      g_assert_true (g_date_time_equal (quorum_occurrence_get_start (a),
                                        quorum_occurrence_get_start (b)));
      g_assert_cmpint (quorum_occurrence_get_status (a), ==, quorum_occurrence_get_status (b));
    }

  quorum_date_set_date_time (&day, start);
  for (guint i = 0; i < hidden->len; i++, g_date_add_days (&day, 1))
    {
      QuorumMonthCell *cell = _quorum_month_view_get_cell (view, &day, NULL, NULL);

      g_assert_nonnull (cell);
      g_assert_cmpuint (quorum_month_cell_get_n_hidden (cell), ==, g_array_index (hidden, guint, i));
      n_hidden += g_array_index (hidden, guint, i);
    }
  /* Only a busy month proves the caps were kept. */
  if (g_list_model_get_n_items (fresh) > 0 && filter.text[0] == '\0')
    g_assert_cmpuint (n_hidden, >, 0);
}

/* The months beside the one on show are loaded ahead on a worker thread:
 * "next" and "previous" then show what a query would, at once. */
static void
test_prefetch (Fixture       *f,
               gconstpointer  data)
{
  BusyStore busy = { 0 };

  busy_store_open (&busy);
  quorum_calendar_page_set_store (f->page, busy.store);
  g_assert_true (quorum_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, f->page,
                                       20000));
  assert_shows_store (f->page, busy.store);

  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, 1 }, 20000));
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, -1 }, 20000));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  assert_shows_store (f->page, busy.store);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.previous", NULL);
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, -1 }, 20000));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.previous", NULL);
  assert_shows_store (f->page, busy.store);

  quorum_calendar_page_set_store (f->page, NULL);
  busy_store_close (&busy);
}

/* A month loaded ahead is not shown once the store changed, even by
 * another program, nor for another search. */
static void
test_prefetch_invalidated (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 6, 1, 8, 30, 0);
  g_autoptr(QuorumSeries) early = quorum_series_new ("早班会", start);
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) other = NULL;
  g_autoptr(GError) error = NULL;
  BusyStore busy = { 0 };

  busy_store_open (&busy);
  quorum_calendar_page_set_store (f->page, busy.store);
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, 1 }, 20000));

  /* Another connection, as quorum-cli would be: a session before all the
   * others every day (the days of the grid are UTC's here, and these
   * sessions fall on the same day in UTC and in Beijing), so that it shows
   * in every cell. */
  db = quorum_database_open (busy.path, &error);
  g_assert_no_error (error);
  other = quorum_store_new (db);
  quorum_series_set_rrule (early, "FREQ=DAILY");
  quorum_store_add_series (other, early, &error);
  g_assert_no_error (error);
  g_assert_false (quorum_calendar_page_has_month (f->page, 1));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  assert_shows_store (f->page, busy.store);
  {
    GListModel *shown = quorum_calendar_page_get_model (f->page);
    guint n_early = 0;

    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (shown, i);

        n_early += g_strcmp0 (quorum_occurrence_get_title (occurrence), "早班会") == 0;
      }
    g_assert_cmpuint (n_early, >=, 35);
  }

  /* A search: the months loaded for no search are not this one's. */
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, 1 }, 20000));
  gtk_editable_set_text (find_search_entry (f->page), "例会 3");
  g_assert_true (quorum_test_wait_for (model_swapped,
                                       &(ModelSwap) { f->page, quorum_calendar_page_get_model (f->page) },
                                       5000));
  g_assert_false (quorum_calendar_page_has_month (f->page, 1));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  assert_shows_store (f->page, busy.store);

  quorum_calendar_page_set_store (f->page, NULL);
  busy_store_close (&busy);
}

/* Hidden (another page on show), the page loads nothing ahead; shown, it
 * loads ahead once painted. */
static void
test_prefetch_hidden (Fixture       *f,
                      gconstpointer  data)
{
  BusyStore busy = { 0 };

  busy_store_open (&busy);
  g_assert_true (quorum_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, f->page,
                                       20000));
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  quorum_calendar_page_set_store (f->page, busy.store);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  quorum_test_spin (500);
  g_assert_false (quorum_calendar_page_has_month (f->page, 1));
  g_assert_false (quorum_calendar_page_has_month (f->page, -1));

  /* Shown again: the months beside wait until it has been painted. */
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_false (quorum_calendar_page_is_loading_ahead (f->page));
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, 1 }, 20000));
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { f->page, -1 }, 20000));

  quorum_calendar_page_set_store (f->page, NULL);
  busy_store_close (&busy);
}

/* Given its store before its window is shown (start-up), the page loads the
 * month on show on the worker while the window is being made, and shows it
 * when mapped; a page that will not be shown loads nothing. */
static void
test_preload_on_show (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  QuorumCalendarPage *page = QUORUM_CALENDAR_PAGE (quorum_calendar_page_new ());
  QuorumCalendarPage *hidden = QUORUM_CALENDAR_PAGE (quorum_calendar_page_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GError) error = NULL;
  BusyStore busy = { 0 };

  /* As the app's store: occurrences made ahead, none on a read. */
  busy_store_open (&busy);
  g_assert_true (quorum_store_materialize (busy.store, NULL, &error));
  g_assert_no_error (error);
  quorum_store_set_materialize_on_read (busy.store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (hidden));
  gtk_widget_set_visible (GTK_WIDGET (hidden), FALSE);

  quorum_calendar_page_set_store (hidden, busy.store);
  g_assert_false (quorum_calendar_page_is_loading_ahead (hidden));

  quorum_calendar_page_set_store (page, busy.store);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (quorum_calendar_page_is_loading_ahead (page));
  g_assert_true (quorum_test_wait_for (month_loaded, &(MonthLoaded) { page, 0 }, 20000));
  g_assert_false (quorum_calendar_page_has_month (hidden, 0));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (quorum_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, page,
                                       20000));
  assert_shows_store (page, busy.store);

  quorum_calendar_page_set_store (page, NULL);
  quorum_calendar_page_set_store (hidden, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  busy_store_close (&busy);
}

/* Months past the occurrences made so far, on a store that does not make
 * them on a read (the app's): the worker gives nothing for them, and does
 * not ask again and again. */
static void
test_prefetch_past_horizon (Fixture       *f,
                            gconstpointer  data)
{
  BusyStore busy = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) later = NULL;

  busy_store_open (&busy);
  g_assert_true (quorum_store_materialize (busy.store, NULL, &error));
  g_assert_no_error (error);
  quorum_store_set_materialize_on_read (busy.store, FALSE);
  until = quorum_store_dup_materialized_until (busy.store);
  g_assert_nonnull (until);
  g_assert_true (quorum_test_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, f->page,
                                       20000));
  quorum_calendar_page_set_store (f->page, busy.store);
  later = g_date_time_add_months (until, 3);
  quorum_month_view_set_date (QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (f->page)),
                              later);
  quorum_test_spin (1000);

  g_assert_false (quorum_calendar_page_has_month (f->page, 1));
  g_assert_false (quorum_calendar_page_has_month (f->page, -1));
  g_assert_false (quorum_calendar_page_is_loading_ahead (f->page));

  quorum_calendar_page_set_store (f->page, NULL);
  busy_store_close (&busy);
}

/* The office of the filter tests: three leaders in three units, and a
 * series for each unit plus reception days one of them holds. */
typedef struct
{
  QuorumStore *store;
  gint64       sui;
  gint64       li;
  gint64       wang;
  gint64       party_group;
  gint64       department;
  gint64       town;
  gint64       study;
  gint64       analysis;
  gint64       visit;
  gint64       reception;
} Office;

static gint64
office_person (QuorumStore *store,
               const char  *name,
               int          rank,
               gint64       unit)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", rank);
  g_autoptr(GDate) start = g_date_new_dmy (1, 1, 2025);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (store, person, &error);

  g_assert_no_error (error);
  quorum_store_add_relation (store, id, unit, "member", start, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
office_unit (QuorumStore *store,
             const char  *name,
             const char  *kind)
{
  g_autoptr(QuorumUnit) unit = quorum_unit_new (name, kind);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_unit (store, unit, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
office_series (QuorumStore *store,
               const char  *title,
               const char  *rrule,
               const char  *duty_id,
               gint64       unit,
               gint64       owner)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 1, 1, 9, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, start);
  g_autoptr(GError) error = NULL;
  gint64 id;

  quorum_series_set_rrule (series, rrule);
  quorum_series_set_duty_id (series, duty_id);
  quorum_series_set_holiday_policy (series, "keep");
  if (unit != 0)
    quorum_series_add_participant_unit (series, unit);
  if (owner != 0)
    quorum_series_set_owner_id (series, owner);
  id = quorum_store_add_series (store, series, &error);
  g_assert_no_error (error);
  return id;
}

static void
office_open (Office *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = quorum_test_make_dir ("quorum-filters");
  g_autofree char *path = g_build_filename (dir, "filters.db", NULL);
  g_autoptr(QuorumDatabase) db = quorum_database_open (path, &error);

  g_assert_no_error (error);
  o->store = quorum_store_new (db);
  o->party_group = office_unit (o->store, "市政府党组", "party-group");
  o->department = office_unit (o->store, "市发展和改革局", "department");
  o->town = office_unit (o->store, "庄园街道", "town");
  o->sui = office_person (o->store, "隋磊海", 1, o->party_group);
  o->li = office_person (o->store, "李晓东", 2, o->department);
  o->wang = office_person (o->store, "王建华", 3, o->town);
  o->study = office_series (o->store, "党组理论学习中心组学习", "FREQ=WEEKLY;BYDAY=MO",
                            "theory-study", o->party_group, 0);
  o->analysis = office_series (o->store, "经济运行分析会", "FREQ=MONTHLY;BYMONTHDAY=15",
                               "economic-analysis", o->department, 0);
  o->visit = office_series (o->store, "走访联系企业", "FREQ=WEEKLY;BYDAY=TH",
                            "enterprise-visit", o->town, 0);
  o->reception = office_series (o->store, "领导接访日", "FREQ=MONTHLY;BYMONTHDAY=20",
                                "reception-day", 0, o->li);
}

/* How many occurrences the month view shows, and of how many series in @ids. */
static guint
count_shown (Fixture      *f,
             const gint64 *ids,
             guint         n_ids,
             guint        *out_others)
{
  QuorumMonthView *month = QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (f->page));
  GListModel *model = quorum_month_view_get_model (month);
  guint n = g_list_model_get_n_items (model);
  guint others = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (model, i);
      gboolean wanted = FALSE;

      for (guint j = 0; j < n_ids; j++)
        wanted |= quorum_occurrence_get_series_id (o) == ids[j];
      others += !wanted;
    }
  *out_others = others;
  return n;
}

/* Picks the entry for @id (or @key) in @dropdown, as a click would. */
static void
choose (GtkDropDown *dropdown,
        gint64       id,
        const char  *key)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumFilterChoice) choice = g_list_model_get_item (model, i);

      if (key != NULL ? g_strcmp0 (quorum_filter_choice_get_key (choice), key) == 0
                      : quorum_filter_choice_get_id (choice) == id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
collect_dropdowns (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      g_ptr_array_add (found, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_dropdowns (child, found);
}

/* The three drop-downs of the bar, in order: person, unit, duty. */
static void
find_dropdowns (QuorumCalendarPage *page,
                GtkDropDown        *out[3])
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_dropdowns (quorum_calendar_page_get_filter_bar (page), found);
  g_assert_cmpuint (found->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    out[i] = g_ptr_array_index (found, i);
}

static const char *
title_text (QuorumCalendarPage *page)
{
  GtkWidget *toolbar = quorum_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BOX);

  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (toolbar)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "title-3"))
      return gtk_label_get_text (GTK_LABEL (w));
  g_assert_not_reached ();
}

/* The bar fills its lists once on show. */
static gboolean
dropdown_filled (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (data)) > 1;
}

static gboolean
filter_revealed (QuorumCalendarPage *page)
{
  GtkWidget *revealer = gtk_widget_get_parent (quorum_calendar_page_get_filter_bar (page));

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* Choosing a person, a unit or a duty narrows the month to their events;
 * clearing brings all back; the person is remembered. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_default (&error);
  GtkWidget *bar = quorum_calendar_page_get_filter_bar (f->page);
  GtkDropDown *dropdowns[3];
  Office o;
  guint all, n, others;

  g_assert_no_error (error);
  office_open (&o);
  quorum_calendar_page_set_rulebook (f->page, rulebook);
  quorum_calendar_page_set_store (f->page, o.store);
  find_dropdowns (f->page, dropdowns);

  all = count_shown (f, NULL, 0, &others);
  /* October 2026 on show (28 Sep – 1 Nov): five Mondays, five Thursdays,
   * an analysis and a reception day. */
  g_assert_cmpuint (all, ==, 12);
  g_assert_false (filter_revealed (f->page));
  g_assert_false (g_str_has_suffix (title_text (f->page), "隋磊海"));

  /* The closed bar has not read the people yet: it does when it opens. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdowns[0])), ==, 0);
  gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_parent (bar)), TRUE);
  g_assert_true (quorum_test_wait_for (dropdown_filled, dropdowns[0], 5000));

  /* "Everyone" first, then the people in rank order. */
  {
    g_autoptr(QuorumFilterChoice) first = g_list_model_get_item (gtk_drop_down_get_model (dropdowns[0]), 0);
    g_autoptr(QuorumFilterChoice) second = g_list_model_get_item (gtk_drop_down_get_model (dropdowns[0]), 1);

    g_assert_cmpint (quorum_filter_choice_get_id (first), ==, 0);
    g_assert_cmpint (quorum_filter_choice_get_id (second), ==, o.sui);
  }

  /* 隋磊海: the Party group's Mondays only. */
  choose (dropdowns[0], o.sui, NULL);
  n = count_shown (f, (gint64[]) { o.study }, 1, &others);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (others, ==, 0);
  g_assert_true (g_str_has_suffix (title_text (f->page), " — 隋磊海"));
  g_assert_true (filter_revealed (f->page));
  g_assert_cmpint (g_settings_get_int64 (settings, "calendar-person"), ==, o.sui);

  /* 李晓东: his department's analyses and the reception days he holds. */
  choose (dropdowns[0], o.li, NULL);
  n = count_shown (f, (gint64[]) { o.analysis, o.reception }, 2, &others);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (others, ==, 0);
  g_assert_true (g_str_has_suffix (title_text (f->page), " — 李晓东"));

  /* Clearing brings everything back and forgets the person. */
  g_assert_true (gtk_widget_activate_action (bar, "filters.clear", NULL));
  g_assert_cmpuint (count_shown (f, NULL, 0, &others), ==, all);
  g_assert_cmpint (g_settings_get_int64 (settings, "calendar-person"), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdowns[0]), ==, 0);
  g_assert_false (g_str_has_suffix (title_text (f->page), "李晓东"));

  /* By unit, and by duty. */
  choose (dropdowns[1], o.town, NULL);
  n = count_shown (f, (gint64[]) { o.visit }, 1, &others);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (others, ==, 0);
  g_assert_true (gtk_widget_activate_action (bar, "filters.clear", NULL));
  choose (dropdowns[2], 0, "reception-day");
  n = count_shown (f, (gint64[]) { o.reception }, 1, &others);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (others, ==, 0);

  /* Closing the bar drops the filters. */
  gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_parent (bar)), FALSE);
  g_assert_cmpuint (count_shown (f, NULL, 0, &others), ==, all);
  g_assert_null (quorum_calendar_filter_bar_get_duty_id (QUORUM_CALENDAR_FILTER_BAR (bar)));

  quorum_calendar_page_set_store (f->page, NULL);
  g_clear_object (&o.store);
}

typedef struct
{
  QuorumCalendarPage *page;
  guint               n;
} ShownCount;

static gboolean
model_has (gpointer data)
{
  ShownCount *count = data;
  QuorumMonthView *month = QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (count->page));

  return g_list_model_get_n_items (quorum_month_view_get_model (month)) == count->n;
}

/* The search asks the store, which also looks in the minutes. */
static void
test_search_minutes (Fixture       *f,
                     gconstpointer  data)
{
  GtkEditable *entry = find_search_entry (f->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOccurrence) found = NULL;
  QuorumMonthView *month = QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (f->page));
  GListModel *shown;
  gint64 with_minutes = 0;
  Office o;

  office_open (&o);
  quorum_calendar_page_set_store (f->page, o.store);
  shown = quorum_month_view_get_model (month);
  for (guint i = 0; i < g_list_model_get_n_items (shown) && with_minutes == 0; i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (shown, i);

      if (quorum_occurrence_get_series_id (occurrence) == o.analysis)
        with_minutes = quorum_occurrence_get_id (occurrence);
    }
  g_assert_cmpint (with_minutes, !=, 0);
  g_assert_true (quorum_store_set_minutes (o.store, with_minutes,
                                           "会议研究了秸秆禁烧和冬季供暖保障工作。", NULL, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (entry, "秸秆禁烧");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (quorum_test_wait_for (model_has, &(ShownCount) { f->page, 1 }, 5000));
  found = g_list_model_get_item (quorum_month_view_get_model (month), 0);
  g_assert_cmpint (quorum_occurrence_get_id (found), ==, with_minutes);

  /* Titles still match, and the filters narrow the search further. */
  gtk_editable_set_text (entry, "接访");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (quorum_test_wait_for (model_has, &(ShownCount) { f->page, 1 }, 5000));
  quorum_calendar_filter_bar_set_person_id (
    QUORUM_CALENDAR_FILTER_BAR (quorum_calendar_page_get_filter_bar (f->page)), o.sui);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_month_view_get_model (month)), ==, 0);

  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_month_view_get_model (month)), ==, 5);

  quorum_calendar_page_set_store (f->page, NULL);
  g_clear_object (&o.store);
}

/* The same search again (the search bar empties the entry as it starts)
 * does not query the month again: the model stays. */
static void
test_search_same (Fixture       *f,
                  gconstpointer  data)
{
  GtkEditable *entry = find_search_entry (f->page);
  GListModel *model;
  Office o;

  office_open (&o);
  quorum_calendar_page_set_store (f->page, o.store);
  model = quorum_calendar_page_get_model (f->page);
  g_assert_nonnull (model);

  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (quorum_calendar_page_get_model (f->page) == model);

  gtk_editable_set_text (entry, "接访");
  g_signal_emit_by_name (entry, "search-changed");
  model = quorum_calendar_page_get_model (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (quorum_calendar_page_get_model (f->page) == model);

  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (quorum_calendar_page_get_model (f->page) != model);

  quorum_calendar_page_set_store (f->page, NULL);
  g_clear_object (&o.store);
}

/* A person chosen once is the calendar a new page (the next start) opens on. */
static void
test_remembers_person (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkDropDown *dropdowns[3];
  QuorumCalendarPage *page;
  GtkWidget *window;
  Office o;
  guint others;

  office_open (&o);
  quorum_calendar_page_set_store (f->page, o.store);
  gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_parent (
    quorum_calendar_page_get_filter_bar (f->page))), TRUE);
  find_dropdowns (f->page, dropdowns);
  g_assert_true (quorum_test_wait_for (dropdown_filled, dropdowns[0], 5000));
  choose (dropdowns[0], o.wang, NULL);
  g_assert_cmpint (g_settings_get_int64 (settings, "calendar-person"), ==, o.wang);

  window = gtk_window_new ();
  page = QUORUM_CALENDAR_PAGE (quorum_calendar_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  quorum_calendar_page_set_today (page, quorum_month_view_get_today (
    QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (f->page))));
  gtk_widget_activate_action (GTK_WIDGET (page), "calendar.today", NULL);
  quorum_calendar_page_set_store (page, o.store);
  gtk_window_present (GTK_WINDOW (window));

  find_dropdowns (page, dropdowns);
  g_assert_cmpint (quorum_filter_choice_get_id (gtk_drop_down_get_selected_item (dropdowns[0])),
                   ==, o.wang);
  g_assert_true (filter_revealed (page));
  g_assert_true (g_str_has_suffix (title_text (page), " — 王建华"));
  {
    Fixture other = { .page = page };

    g_assert_cmpuint (count_shown (&other, (gint64[]) { o.visit }, 1, &others), ==, 5);
    g_assert_cmpuint (others, ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));

  /* A person who is gone since falls back to everyone, and is forgotten. */
  g_settings_set_int64 (settings, "calendar-person", 9999);
  page = QUORUM_CALENDAR_PAGE (g_object_ref_sink (quorum_calendar_page_new ()));
  g_assert_cmpint (quorum_calendar_filter_bar_get_person_id (
                     QUORUM_CALENDAR_FILTER_BAR (quorum_calendar_page_get_filter_bar (page))), ==, 9999);
  quorum_calendar_page_set_store (page, o.store);
  g_assert_cmpint (quorum_calendar_filter_bar_get_person_id (
                     QUORUM_CALENDAR_FILTER_BAR (quorum_calendar_page_get_filter_bar (page))), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (settings, "calendar-person"), ==, 0);
  g_assert_false (filter_revealed (page));
  quorum_calendar_page_set_store (page, NULL);
  g_object_unref (page);
  quorum_calendar_page_set_store (f->page, NULL);
  g_clear_object (&o.store);
}

static gboolean
month_has_focus (gpointer data)
{
  QuorumCalendarPage *page = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  return gtk_root_get_focus (root) == quorum_calendar_page_get_month_view (page);
}

/* Once shown, the page's keys work with no click: the grid has the focus,
 * and Ctrl+Shift+F opens the filters with the focus on the person. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *bar = quorum_calendar_page_get_filter_bar (f->page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (f->page));
  Office o;

  g_assert_true (quorum_test_wait_for (month_has_focus, f->page, 5000));

  /* No store, no filters. */
  g_assert_false (quorum_test_press_key (GTK_WIDGET (f->page), "<Shift><Control>f"));

  office_open (&o);
  quorum_calendar_page_set_store (f->page, o.store);
  g_assert_true (quorum_test_press_key (GTK_WIDGET (f->page), "<Shift><Control>f"));
  g_assert_true (filter_revealed (f->page));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), bar));

  /* Again: closed, and the focus back on the grid. */
  g_assert_true (quorum_test_press_key (GTK_WIDGET (f->page), "<Shift><Control>f"));
  g_assert_false (filter_revealed (f->page));
  g_assert_true (month_has_focus (f->page));

  quorum_calendar_page_set_store (f->page, NULL);
  g_clear_object (&o.store);
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ui/calendar-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("search", test_search);
  ADD ("ranges", test_ranges);
  ADD ("new-series", test_new_series);
  ADD ("store", test_store);
  ADD ("filters", test_filters);
  ADD ("search-minutes", test_search_minutes);
  ADD ("search-same", test_search_same);
  ADD ("remembers-person", test_remembers_person);
  ADD ("keyboard", test_keyboard);
  ADD ("prefetch", test_prefetch);
  ADD ("prefetch-invalidated", test_prefetch_invalidated);
  ADD ("prefetch-hidden", test_prefetch_hidden);
  ADD ("preload-on-show", test_preload_on_show);
  ADD ("prefetch-past-horizon", test_prefetch_past_horizon);
#undef ADD

  return g_test_run ();
}
