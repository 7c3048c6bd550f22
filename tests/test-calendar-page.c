/* test-calendar-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-agenda-view.h"
#include "quorum-calendar-page.h"
#include "quorum-fake-calendar.h"
#include "quorum-month-view.h"
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

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (quorum_test_find_widget (GTK_WIDGET (f->page),
                                                              GTK_TYPE_SEARCH_ENTRY));
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
  g_autofree char *dir = g_dir_make_tmp ("quorum-page-XXXXXX", &error);
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

  quorum_calendar_page_set_store (f->page, NULL);
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
#undef ADD

  return g_test_run ();
}
