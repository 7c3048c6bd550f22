/* test-month-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-fake-calendar.h"
#include "quorum-gui-utils.h"
#include "quorum-month-chip.h"
#include "quorum-month-view-private.h"
#include "quorum-test-utils.h"

#define BUSY_DAY_EVENTS 6

typedef struct
{
  GtkWidget       *window;
  QuorumMonthView *view;
  GListStore      *store;
  GPtrArray       *ranges;     /* GDateTime starts of range-changed */
  GPtrArray       *activated;  /* QuorumOccurrence */
} Fixture;

static void
on_range_changed (QuorumMonthView *view,
                  GDateTime       *start,
                  GDateTime       *end,
                  Fixture         *f)
{
  g_ptr_array_add (f->ranges, g_date_time_ref (start));
}

static void
on_occurrence_activated (QuorumMonthView  *view,
                         QuorumOccurrence *occurrence,
                         Fixture          *f)
{
  g_ptr_array_add (f->activated, g_object_ref (occurrence));
}

static GListStore *
november_store (void)
{
  GListStore *store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);
  g_autoptr(QuorumOccurrence) a = NULL;
  g_autoptr(QuorumOccurrence) b = NULL;
  g_autoptr(QuorumOccurrence) c = NULL;
  g_autoptr(QuorumOccurrence) d = NULL;

  /* Added out of order: the cell sorts by time. */
  a = quorum_fake_occurrence (2, "一线办公", "frontline", "栖霞街道", 2026, 11, 20, 14, 30, 150,
                              QUORUM_OCCURRENCE_SCHEDULED);
  b = quorum_fake_occurrence (1, "市政府常务会议", "meeting", "三楼会议室", 2026, 11, 20, 9, 0, 120,
                              QUORUM_OCCURRENCE_SCHEDULED);
  c = quorum_fake_occurrence (3, "公文审签", "paperwork", NULL, 2026, 11, 2, 15, 0, 60,
                              QUORUM_OCCURRENCE_HELD);
  d = quorum_fake_occurrence (4, "领导接访日", "petition", NULL, 2026, 12, 1, 9, 0, 180,
                              QUORUM_OCCURRENCE_SCHEDULED);
  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  g_list_store_append (store, d);

  for (guint i = 0; i < BUSY_DAY_EVENTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("会议 %u", i);
      g_autoptr(QuorumOccurrence) o = NULL;

      o = quorum_fake_occurrence (100 + i, title, "meeting", NULL, 2026, 11, 12, 8 + i, 0, 30,
                                  QUORUM_OCCURRENCE_SCHEDULED);
      g_list_store_append (store, o);
    }

  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) today = quorum_fake_date (2026, 11, 26);
  g_autoptr(GDateTime) date = quorum_fake_date (2026, 11, 20);

  f->ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  f->activated = g_ptr_array_new_with_free_func (g_object_unref);
  f->store = november_store ();

  f->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->view = QUORUM_MONTH_VIEW (quorum_month_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));

  quorum_month_view_set_today (f->view, today);
  quorum_month_view_set_date (f->view, date);
  quorum_month_view_set_day_info_func (f->view, quorum_fake_day_info, NULL, NULL);
  quorum_month_view_set_model (f->view, G_LIST_MODEL (f->store));
  g_signal_connect (f->view, "range-changed", G_CALLBACK (on_range_changed), f);
  g_signal_connect (f->view, "occurrence-activated", G_CALLBACK (on_occurrence_activated), f);

  gtk_window_present (GTK_WINDOW (f->window));
  quorum_test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_pointer (&f->ranges, g_ptr_array_unref);
  g_clear_pointer (&f->activated, g_ptr_array_unref);
}

static GDate
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static QuorumMonthCell *
cell_for (Fixture *f,
          int      y,
          int      m,
          int      d,
          guint   *column)
{
  GDate date = day (y, m, d);
  QuorumMonthCell *cell = _quorum_month_view_get_cell (f->view, &date, column, NULL);

  g_assert_nonnull (cell);
  return cell;
}

/* The text of the cell's visible label with @css_class, or NULL. */
static const char *
cell_label_text (QuorumMonthCell *cell,
                 const char      *css_class)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (cell));

  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class) &&
        gtk_widget_get_visible (child))
      return gtk_label_get_text (GTK_LABEL (child));

  return NULL;
}

static void
assert_ymd (GDateTime *dt,
            int        y,
            int        m,
            int        d)
{
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_get_year (dt), ==, y);
  g_assert_cmpint (g_date_time_get_month (dt), ==, m);
  g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, d);
}

static void
press_key (GtkWidget  *widget,
           const char *accel)
{
  g_assert_true (quorum_test_press_key (widget, accel));
}

static void
test_monday_first (Fixture       *f,
                   gconstpointer  data)
{
  guint column;

  /* 2026-11-01 is a Sunday: it ends the first row, and the grid starts on 26 October. */
  cell_for (f, 2026, 11, 2, &column);
  g_assert_cmpuint (column, ==, 0);
  cell_for (f, 2026, 11, 1, &column);
  g_assert_cmpuint (column, ==, 6);
  assert_ymd (quorum_month_view_get_visible_start (f->view), 2026, 10, 26);
  assert_ymd (quorum_month_view_get_visible_end (f->view), 2026, 12, 7);
  g_assert_cmpuint (_quorum_month_view_get_n_rows (f->view), ==, 6);
  g_assert_cmpstr (_quorum_month_view_get_weekday_header (f->view, 0), ==, C_("weekday", "Mon"));
  g_assert_cmpstr (_quorum_month_view_get_weekday_header (f->view, 6), ==, C_("weekday", "Sun"));
  assert_ymd (quorum_month_view_get_month (f->view), 2026, 11, 1);
}

static void
test_chips (Fixture       *f,
            gconstpointer  data)
{
  QuorumMonthCell *cell = cell_for (f, 2026, 11, 20, NULL);
  GPtrArray *occurrences = quorum_month_cell_get_occurrences (cell);

  g_assert_cmpuint (occurrences->len, ==, 2);
  g_assert_cmpuint (quorum_month_cell_get_n_shown (cell), ==, 2);
  g_assert_null (quorum_month_cell_get_overflow_text (cell));
  /* In time order, whatever the model's order. */
  g_assert_cmpstr (quorum_occurrence_get_title (g_ptr_array_index (occurrences, 0)), ==,
                   "市政府常务会议");
  g_assert_cmpstr (quorum_occurrence_get_title (g_ptr_array_index (occurrences, 1)), ==,
                   "一线办公");

  /* A new event shows without a new month. */
  {
    g_autoptr(QuorumOccurrence) o = NULL;

    o = quorum_fake_occurrence (50, "廉政谈话", "integrity", NULL, 2026, 11, 20, 16, 0, 60,
                                QUORUM_OCCURRENCE_SCHEDULED);
    g_list_store_append (f->store, o);
    g_assert_cmpuint (quorum_month_cell_get_occurrences (cell)->len, ==, 3);
  }

  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 21, NULL))->len, ==, 0);
  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 12, 1, NULL))->len, ==, 1);
}

/* The chips drawn in @cell: each below the one before, all of them inside
 * the cell with room for "+N more" below them if it shows. */
static guint
count_drawn_chips (QuorumMonthCell *cell)
{
  graphene_rect_t bounds;
  float bottom = 0, height = 0;
  guint n = 0;

  for (; quorum_month_cell_get_chip_bounds (cell, n, &bounds); n++)
    {
      g_assert_cmpfloat (bounds.origin.y, >=, bottom);
      bottom = bounds.origin.y + bounds.size.height;
      height = bounds.size.height;
      g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (GTK_WIDGET (cell)));
      g_assert_nonnull (quorum_month_cell_get_chip_text (cell, n));
    }
  if (quorum_month_cell_get_overflow_text (cell) != NULL)
    g_assert_cmpfloat (bottom + height, <=, gtk_widget_get_height (GTK_WIDGET (cell)));

  return n;
}

static void
test_overflow (Fixture       *f,
               gconstpointer  data)
{
  QuorumMonthCell *cell = cell_for (f, 2026, 11, 12, NULL);
  guint shown_tall, shown_small;

  /* Tall enough for every chip. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1150);
  quorum_test_spin (200);
  shown_tall = quorum_month_cell_get_n_shown (cell);
  g_assert_cmpuint (shown_tall, ==, BUSY_DAY_EVENTS);
  g_assert_null (quorum_month_cell_get_overflow_text (cell));

  /* Small: some chips make room for "+N more", N counting exactly the hidden ones. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  quorum_test_spin (200);
  shown_small = quorum_month_cell_get_n_shown (cell);
  g_assert_cmpuint (shown_small, <, BUSY_DAY_EVENTS);
  g_assert_cmpuint (shown_small, ==, count_drawn_chips (cell));
  {
    g_autofree char *expected = g_strdup_printf ("+%u more", BUSY_DAY_EVENTS - shown_small);

    g_assert_cmpstr (quorum_month_cell_get_overflow_text (cell), ==, expected);
    /* Read after the events shown. */
    g_assert_true (g_str_has_suffix (quorum_month_cell_get_description (cell), expected));
  }

  /* Smaller still: fewer chips, a bigger N. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 480);
  quorum_test_spin (200);
  g_assert_cmpuint (quorum_month_cell_get_n_shown (cell), <, shown_small);
  {
    g_autofree char *expected = g_strdup_printf ("+%u more", BUSY_DAY_EVENTS
                                                 - quorum_month_cell_get_n_shown (cell));

    g_assert_cmpstr (quorum_month_cell_get_overflow_text (cell), ==, expected);
  }
}

static void
test_page_down (Fixture       *f,
                gconstpointer  data)
{
  press_key (GTK_WIDGET (f->view), "Page_Down");

  assert_ymd (quorum_month_view_get_month (f->view), 2026, 12, 1);
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 12, 20);
  g_assert_cmpuint (f->ranges->len, ==, 1);
  /* December 2026 starts on a Tuesday: the grid starts on Monday 30 November. */
  assert_ymd (g_ptr_array_index (f->ranges, 0), 2026, 11, 30);
  assert_ymd (quorum_month_view_get_visible_start (f->view), 2026, 11, 30);

  press_key (GTK_WIDGET (f->view), "Page_Up");
  assert_ymd (quorum_month_view_get_month (f->view), 2026, 11, 1);
  g_assert_cmpuint (f->ranges->len, ==, 2);
  assert_ymd (g_ptr_array_index (f->ranges, 1), 2026, 10, 26);

  /* The same grid again: no new range. */
  press_key (GTK_WIDGET (f->view), "Right");
  g_assert_cmpuint (f->ranges->len, ==, 2);
}

static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = quorum_fake_date (2026, 11, 27);

  g_assert_true (quorum_month_cell_get_is_today (cell_for (f, 2026, 11, 26, NULL)));
  g_assert_false (quorum_month_cell_get_is_today (cell_for (f, 2026, 11, 25, NULL)));

  quorum_month_view_set_today (f->view, tomorrow);
  g_assert_false (quorum_month_cell_get_is_today (cell_for (f, 2026, 11, 26, NULL)));
  g_assert_true (quorum_month_cell_get_is_today (cell_for (f, 2026, 11, 27, NULL)));

  /* "t" selects today, after a trip to another month. */
  press_key (GTK_WIDGET (f->view), "Page_Up");
  press_key (GTK_WIDGET (f->view), "t");
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 11, 27);
  press_key (GTK_WIDGET (f->view), "Page_Down");
  press_key (GTK_WIDGET (f->view), "Home");
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 11, 27);
}

static void
test_day_marks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) october = quorum_fake_date (2026, 10, 5);
  g_autoptr(GDateTime) september = quorum_fake_date (2026, 9, 15);

  quorum_month_view_set_date (f->view, october);
  for (int d = 1; d <= 7; d++)
    g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 10, d, NULL)), ==,
                     QUORUM_DAY_MARK_HOLIDAY);
  g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 10, 8, NULL)), ==,
                   QUORUM_DAY_MARK_NONE);
  g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 10, 10, NULL)), ==,
                   QUORUM_DAY_MARK_ADJUSTED_WORKDAY);
  g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 10, 5, NULL)), ==,
                   QUORUM_DAY_MARK_HOLIDAY);
  g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 9, 30, NULL)), ==,
                   QUORUM_DAY_MARK_NONE);

  /* The header shows the name and badge of a marked day only: the labels
   * are made for the first marked day and hidden again for plain ones. */
  g_assert_cmpstr (cell_label_text (cell_for (f, 2026, 10, 5, NULL), "day-badge"), ==,
                   C_("day badge", "Off"));
  g_assert_cmpstr (cell_label_text (cell_for (f, 2026, 10, 10, NULL), "day-badge"), ==,
                   C_("day badge", "Work"));
  g_assert_null (cell_label_text (cell_for (f, 2026, 10, 8, NULL), "day-badge"));
  g_assert_cmpstr (cell_label_text (cell_for (f, 2026, 10, 1, NULL), "day-number"), ==, "1");

  quorum_month_view_set_date (f->view, september);
  g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 9, 20, NULL)), ==,
                   QUORUM_DAY_MARK_ADJUSTED_WORKDAY);
  g_assert_cmpint (quorum_month_cell_get_mark (cell_for (f, 2026, 9, 21, NULL)), ==,
                   QUORUM_DAY_MARK_NONE);
  g_assert_cmpstr (cell_label_text (cell_for (f, 2026, 9, 20, NULL), "day-badge"), ==,
                   C_("day badge", "Work"));
  /* September 8th sits where October 6th did: a plain day again. */
  g_assert_null (cell_label_text (cell_for (f, 2026, 9, 8, NULL), "day-badge"));
  g_assert_cmpstr (cell_label_text (cell_for (f, 2026, 9, 8, NULL), "day-name"), ==, "");
}

static void
test_arrows (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) last = quorum_fake_date (2026, 11, 30);
  g_autoptr(GDateTime) third = quorum_fake_date (2026, 11, 3);

  quorum_month_view_set_date (f->view, last);
  press_key (GTK_WIDGET (f->view), "Right");
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 12, 1);
  assert_ymd (quorum_month_view_get_month (f->view), 2026, 12, 1);

  press_key (GTK_WIDGET (f->view), "Left");
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 11, 30);
  assert_ymd (quorum_month_view_get_month (f->view), 2026, 11, 1);

  quorum_month_view_set_date (f->view, third);
  press_key (GTK_WIDGET (f->view), "Up");
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 10, 27);
  assert_ymd (quorum_month_view_get_month (f->view), 2026, 10, 1);
  press_key (GTK_WIDGET (f->view), "Down");
  assert_ymd (quorum_month_view_get_date (f->view), 2026, 11, 3);
}

static void
test_popover (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) busy = quorum_fake_date (2026, 11, 12);
  GtkPopover *popover = _quorum_month_view_get_popover (f->view);
  GtkListBox *list = _quorum_month_view_get_day_list (f->view);
  QuorumOccurrence *expected;
  GtkListBoxRow *row;
  guint n = 0;

  quorum_month_view_set_date (f->view, busy);
  press_key (GTK_WIDGET (f->view), "Return");
  quorum_test_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Every event of the day, not just those with a chip. */
  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  g_assert_cmpuint (n, ==, BUSY_DAY_EVENTS);

  row = gtk_list_box_get_row_at_index (list, 3);
  expected = g_ptr_array_index (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 12, NULL)), 3);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (f->activated, 0) == expected);
  g_assert_cmpstr (quorum_occurrence_get_title (expected), ==, "会议 3");
  quorum_test_spin (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static GListModel *
list_day_cb (const GDate *date,
             gpointer     user_data)
{
  guint *calls = user_data;
  GListStore *store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);

  (*calls)++;
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(QuorumOccurrence) o = quorum_fake_occurrence (500 + i, "例会", "meeting", NULL,
                                                              g_date_get_year (date),
                                                              g_date_get_month (date),
                                                              g_date_get_day (date), 8, i, 30,
                                                              QUORUM_OCCURRENCE_SCHEDULED);

      g_list_store_append (store, o);
    }
  return G_LIST_MODEL (store);
}

/* A model that holds only the first events of a busy day: the others
 * count in "+N more" and the label, and the popover asks for the day. */
static void
test_hidden (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) hidden = g_array_new (FALSE, TRUE, sizeof (guint));
  QuorumMonthCell *cell = cell_for (f, 2026, 11, 20, NULL);
  GtkListBox *list = _quorum_month_view_get_day_list (f->view);
  guint index, calls = 0, n = 0;
  GDate first;

  /* 20 November has two events in the model, 28 more left out. */
  quorum_date_set_date_time (&first, quorum_month_view_get_visible_start (f->view));
  index = g_date_get_julian (quorum_month_cell_get_date (cell)) - g_date_get_julian (&first);
  g_array_set_size (hidden, 42);
  g_array_index (hidden, guint, index) = 28;
  quorum_month_view_set_hidden (f->view, hidden);
  quorum_month_view_set_day_func (f->view, list_day_cb, &calls, NULL);
  g_list_model_items_changed (G_LIST_MODEL (f->store), 0, 0, 0);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1150);
  quorum_test_spin (200);

  /* However tall, two chips and the rest counted. */
  g_assert_cmpuint (quorum_month_cell_get_n_hidden (cell), ==, 28);
  g_assert_cmpuint (quorum_month_cell_get_n_shown (cell), ==, 2);
  g_assert_cmpstr (quorum_month_cell_get_overflow_text (cell), ==, "+28 more");
  g_assert_cmpstr (quorum_month_cell_get_label (cell), ==, "Friday, 20 November 2026, 30 events");

  /* The popover lists the day as the owner gives it. */
  quorum_month_view_open_day (f->view);
  g_assert_cmpuint (calls, ==, 1);
  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 30);

  /* Without hidden events, the cell's own again. */
  quorum_month_view_set_hidden (f->view, NULL);
  g_list_model_items_changed (G_LIST_MODEL (f->store), 0, 0, 0);
  quorum_test_spin (100);
  g_assert_cmpuint (quorum_month_cell_get_n_hidden (cell), ==, 0);
  g_assert_null (quorum_month_cell_get_overflow_text (cell));
}

static void
test_accessible_label (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) october = quorum_fake_date (2026, 10, 5);

  g_assert_cmpstr (quorum_month_cell_get_label (cell_for (f, 2026, 11, 20, NULL)), ==,
                   "Friday, 20 November 2026, 2 events");
  g_assert_cmpstr (quorum_month_cell_get_label (cell_for (f, 2026, 11, 21, NULL)), ==,
                   "Saturday, 21 November 2026, no events");
  /* The events, in the order shown, as their chips read. */
  g_assert_cmpstr (quorum_month_cell_get_description (cell_for (f, 2026, 11, 20, NULL)), ==,
                   "09:00 市政府常务会议; 14:30 一线办公");
  g_assert_cmpstr (quorum_month_cell_get_description (cell_for (f, 2026, 11, 2, NULL)), ==,
                   "✓ 15:00 公文审签");
  g_assert_null (quorum_month_cell_get_description (cell_for (f, 2026, 11, 21, NULL)));

  quorum_month_view_set_date (f->view, october);
  g_assert_cmpstr (quorum_month_cell_get_label (cell_for (f, 2026, 10, 1, NULL)), ==,
                   "Thursday, 1 October 2026, no events, holiday (国庆节)");
  g_assert_cmpstr (quorum_month_cell_get_label (cell_for (f, 2026, 10, 10, NULL)), ==,
                   "Saturday, 10 October 2026, no events, working day");
}

/* Switching back and forth on a busy store keeps every day's events (the
 * time per switch goes to the test log; figure 2 of the benchmarks is the
 * measurement). */
static void
test_switch_busy (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListStore) busy = g_list_store_new (QUORUM_TYPE_OCCURRENCE);
  gint64 start, elapsed;
  guint n_switches = 20;
  int width, height;

  /* 12 events on every day of the grids of November and December. */
  for (guint i = 0; i < 70 * 12; i++)
    {
      g_autoptr(QuorumOccurrence) o = NULL;
      g_autoptr(GDateTime) first = quorum_fake_date (2026, 10, 26);
      g_autoptr(GDateTime) day_time = g_date_time_add_days (first, i / 12);

      o = quorum_fake_occurrence (1000 + i, "党组理论学习中心组学习", "study", "区委第一会议室",
                                  g_date_time_get_year (day_time), g_date_time_get_month (day_time),
                                  g_date_time_get_day_of_month (day_time), 8 + i % 12, 0, 45,
                                  QUORUM_OCCURRENCE_SCHEDULED);
      g_list_store_append (busy, o);
    }
  quorum_month_view_set_model (f->view, G_LIST_MODEL (busy));
  quorum_test_spin (100);

  width = gtk_widget_get_width (GTK_WIDGET (f->view));
  height = gtk_widget_get_height (GTK_WIDGET (f->view));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_switches; i++)
    {
      press_key (GTK_WIDGET (f->view), i % 2 == 0 ? "Page_Down" : "Page_Up");
      /* The layout that fills the chips, as the next frame would. */
      gtk_widget_size_allocate (GTK_WIDGET (f->view),
                                &(GtkAllocation) { 0, 0, width, height }, -1);
    }
  elapsed = (g_get_monotonic_time () - start) / n_switches;
  g_test_message ("month switch and layout, %u events in the model: %" G_GINT64_FORMAT " µs",
                  70 * 12, elapsed);
  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 12, NULL))->len, ==, 12);
}

static GListStore *
kinds_store (const char * const *kinds,
             guint               n_kinds)
{
  GListStore *store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *title = g_strdup_printf ("事项 %s", kinds[i]);
      g_autoptr(QuorumOccurrence) o = NULL;

      o = quorum_fake_occurrence (200 + i, title, kinds[i], NULL, 2026, 11, 12, 8 + i, 0, 30,
                                  QUORUM_OCCURRENCE_SCHEDULED);
      g_list_store_append (store, o);
    }

  return store;
}

/* New events of a cell are drawn in the styles the cell has for their
 * classes (no restyle, no new widget); the chips still read and show in
 * time order, each with its own event's text and classes. */
static void
test_chip_styles (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const before[] = { "meeting", "study", "paperwork" };
  static const char * const after[] = { "paperwork", "meeting", "study" };
  g_autoptr(GListStore) first = kinds_store (before, G_N_ELEMENTS (before));
  g_autoptr(GListStore) second = kinds_store (after, G_N_ELEMENTS (after));
  QuorumMonthCell *cell = cell_for (f, 2026, 11, 12, NULL);
  GtkWidget *old_styles[G_N_ELEMENTS (before)];
  guint n_children;
  float y = -1;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1150);
  quorum_month_view_set_model (f->view, G_LIST_MODEL (first));
  quorum_test_spin (200);
  g_assert_cmpuint (quorum_month_cell_get_n_shown (cell), ==, G_N_ELEMENTS (before));
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      old_styles[i] = quorum_month_cell_get_chip_style (cell, i);
      g_assert_true (gtk_widget_has_css_class (old_styles[i], quorum_kind_css_class (before[i])));
      for (guint j = 0; j < i; j++)
        g_assert_true (old_styles[i] != old_styles[j]);
    }
  n_children = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cell)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_children++;

  quorum_month_view_set_model (f->view, G_LIST_MODEL (second));
  quorum_test_spin (200);
  g_assert_cmpuint (quorum_month_cell_get_n_shown (cell), ==, G_N_ELEMENTS (after));

  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      GtkWidget *style = quorum_month_cell_get_chip_style (cell, i);
      QuorumOccurrence *occurrence;
      g_autofree char *text = g_strdup_printf ("%02u:00 事项 %s", 8 + i, after[i]);
      graphene_rect_t bounds;

      g_assert_true (quorum_month_cell_get_chip_bounds (cell, i, &bounds));
      occurrence = quorum_month_cell_get_occurrence_at (cell, bounds.origin.x + 1,
                                                        bounds.origin.y + bounds.size.height / 2);
      g_assert_nonnull (occurrence);
      g_assert_cmpstr (quorum_occurrence_get_kind (occurrence), ==, after[i]);
      g_assert_cmpstr (quorum_month_cell_get_chip_text (cell, i), ==, text);
      g_assert_true (gtk_widget_has_css_class (style, quorum_kind_css_class (after[i])));
      /* The style that had this kind before draws it again. */
      for (guint j = 0; j < G_N_ELEMENTS (before); j++)
        if (g_str_equal (before[j], after[i]))
          g_assert_true (style == old_styles[j]);
      /* Drawn top to bottom in the order read. */
      g_assert_cmpfloat (bounds.origin.y, >, y);
      y = bounds.origin.y;
    }
  /* Not a widget more. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cell)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_children--;
  g_assert_cmpuint (n_children, ==, 0);
}

/* The nodes of a drawing with the opacity each is drawn in. */
typedef struct
{
  GskRenderNodeType type;
  float             opacity;
  float             alpha;       /* of a colour node's colour */
} DrawnNode;

static void
collect_nodes (GskRenderNode *node,
               float          opacity,
               GArray        *nodes)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  DrawnNode drawn = { type, opacity, 1.0 };

  if (type == GSK_COLOR_NODE)
    drawn.alpha = gsk_color_node_get_color (node)->alpha;
  g_array_append_val (nodes, drawn);
  switch ((int)type)
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), opacity, nodes);
      break;
    case GSK_TRANSFORM_NODE:
      collect_nodes (gsk_transform_node_get_child (node), opacity, nodes);
      break;
    case GSK_OPACITY_NODE:
      collect_nodes (gsk_opacity_node_get_child (node), opacity * gsk_opacity_node_get_opacity (node),
                     nodes);
      break;
    case GSK_CLIP_NODE:
      collect_nodes (gsk_clip_node_get_child (node), opacity, nodes);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_nodes (gsk_rounded_clip_node_get_child (node), opacity, nodes);
      break;
    case GSK_DEBUG_NODE:
      collect_nodes (gsk_debug_node_get_child (node), opacity, nodes);
      break;
    default:
      break;
    }
}

/* What the cell's snapshot draws, as GTK would take it in the next frame. */
static GArray *
draw_cell (QuorumMonthCell *cell)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (DrawnNode));

  GTK_WIDGET_GET_CLASS (cell)->snapshot (GTK_WIDGET (cell), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  collect_nodes (node, 1.0, nodes);

  return nodes;
}

static guint
count_drawn (GArray            *nodes,
             GskRenderNodeType  type,
             float              opacity)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      DrawnNode *drawn = &g_array_index (nodes, DrawnNode, i);

      if (drawn->type == type && G_APPROX_VALUE (drawn->opacity, opacity, 0.01))
        n++;
    }

  return n;
}

/* The chips' backgrounds: their kind's colour at 0.18 (style.css). */
static guint
count_tints (GArray *nodes,
             float   opacity)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      DrawnNode *drawn = &g_array_index (nodes, DrawnNode, i);

      if (drawn->type == GSK_COLOR_NODE && G_APPROX_VALUE (drawn->alpha, 0.18f, 0.005)
          && G_APPROX_VALUE (drawn->opacity, opacity, 0.01))
        n++;
    }

  return n;
}

/* Chips are drawn by the cell in their style: the background and border CSS
 * gives their kind, their text, and the opacity of another month's day or
 * of a cancelled event over both. */
static void
test_chip_drawing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) day = NULL;
  g_autoptr(GArray) other_month = NULL;
  g_autoptr(GArray) empty = NULL;
  g_autoptr(GArray) cancelled = NULL;
  g_autoptr(QuorumOccurrence) o = NULL;

  /* Two chips: their text and their tinted backgrounds and borders, all
   * opaque. Drawn twice: the second time from what was kept. */
  for (guint twice = 0; twice < 2; twice++)
    {
      g_clear_pointer (&day, g_array_unref);
      day = draw_cell (cell_for (f, 2026, 11, 20, NULL));
      g_assert_cmpuint (count_tints (day, 1.0), ==, 2);
    }
  empty = draw_cell (cell_for (f, 2026, 11, 21, NULL));
  g_assert_cmpuint (count_tints (empty, 1.0), ==, 0);
  g_assert_cmpuint (count_drawn (day, GSK_TEXT_NODE, 1.0), >=, count_drawn (empty, GSK_TEXT_NODE, 1.0) + 2);
  g_assert_cmpuint (count_drawn (day, GSK_BORDER_NODE, 1.0), >=, count_drawn (empty, GSK_BORDER_NODE, 1.0) + 2);

  /* 1 December, shown in November's grid: its chip fades with its day. */
  other_month = draw_cell (cell_for (f, 2026, 12, 1, NULL));
  g_assert_cmpuint (count_drawn (other_month, GSK_TEXT_NODE, 0.45), >=, 1);
  g_assert_cmpuint (count_tints (other_month, 0.45), ==, 1);

  o = quorum_fake_occurrence (60, "取消的会议", "meeting", NULL, 2026, 11, 21, 10, 0, 60,
                              QUORUM_OCCURRENCE_CANCELLED);
  g_list_store_append (f->store, o);
  quorum_test_spin (100);
  cancelled = draw_cell (cell_for (f, 2026, 11, 21, NULL));
  g_assert_cmpuint (count_drawn (cancelled, GSK_TEXT_NODE, 0.6), >=, 1);
  g_assert_cmpuint (count_tints (cancelled, 0.6), ==, 1);
  /* Struck through in the text's colour. */
  g_assert_cmpuint (count_drawn (cancelled, GSK_COLOR_NODE, 0.6), >=, 2);
}

static gboolean
is_color (GskRenderNode *node,
          gpointer       color)
{
  return gsk_render_node_get_node_type (node) == GSK_COLOR_NODE &&
         gdk_rgba_equal (gsk_color_node_get_color (node), color);
}

static gboolean
has_color (GskRenderNode *node,
           const GdkRGBA *color)
{
  return quorum_test_find_node (node, is_color, (gpointer)color) != NULL;
}

/* What the next frame takes for @cell: its last drawing unless it was
 * queued for drawing again. */
static GskRenderNode *
next_frame_node (QuorumMonthCell *cell)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_widget_snapshot_child (gtk_widget_get_parent (GTK_WIDGET (cell)), GTK_WIDGET (cell), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* New CSS for the chips (a theme, another style sheet) shows at once, in
 * cells that changed nothing else. */
static void
test_chip_restyle (Fixture       *f,
                   gconstpointer  data)
{
  static const GdkRGBA red = { 1, 0, 0, 1 };
  QuorumMonthCell *cell = cell_for (f, 2026, 11, 20, NULL);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) after = NULL;

  before = next_frame_node (cell);
  g_assert_nonnull (before);
  g_assert_false (has_color (before, &red));

  gtk_css_provider_load_from_data (css, "monthcell .chip.kind-meeting { background-color: #ff0000; }",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  quorum_test_spin (200);
  after = next_frame_node (cell);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  g_assert_nonnull (after);
  g_assert_true (has_color (after, &red));
}

/* A click on a chip opens its event; elsewhere in the cell, the day. */
static void
test_chip_click (Fixture       *f,
                 gconstpointer  data)
{
  QuorumMonthCell *cell = cell_for (f, 2026, 11, 20, NULL);
  GPtrArray *occurrences = quorum_month_cell_get_occurrences (cell);
  GtkEventController *click = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  graphene_rect_t bounds;
  double x, y;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = controller;
    }
  g_assert_nonnull (click);

  g_assert_true (quorum_month_cell_get_chip_bounds (cell, 1, &bounds));
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (cell), GTK_WIDGET (f->view),
                                                   bounds.origin.x + bounds.size.width / 2,
                                                   bounds.origin.y + bounds.size.height / 2, &x, &y));
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (f->activated, 0) == g_ptr_array_index (occurrences, 1));

  /* Below the chips: the day's popover, no event. */
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (cell), GTK_WIDGET (f->view),
                                                   bounds.origin.x + 2,
                                                   gtk_widget_get_height (GTK_WIDGET (cell)) - 2,
                                                   &x, &y));
  g_signal_emit_by_name (click, "released", 1, x, y);
  quorum_test_spin (100);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_quorum_month_view_get_popover (f->view))));
  gtk_popover_popdown (_quorum_month_view_get_popover (f->view));
  quorum_test_spin (100);
}

/* The days an event covers, its end excluded, and its title as written. */
static void
test_spans (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);
  static const struct
  {
    int         day, hour, minutes;
    const char *title;
  } events[] = {
    { 10, 22, 120, "夜间值班" },           /* ends at midnight: the 10th only */
    { 12, 23, 180, "跨夜会商" },           /* the 12th and the 13th */
    { 16, 9, 60, "A <b>&amp; \"c\"" },   /* markup characters are text */
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(QuorumOccurrence) o = NULL;

      o = quorum_fake_occurrence (100 + i, events[i].title, "other", NULL, 2026, 11,
                                  events[i].day, events[i].hour, 0, events[i].minutes,
                                  QUORUM_OCCURRENCE_SCHEDULED);
      g_list_store_append (store, o);
    }
  quorum_month_view_set_model (f->view, G_LIST_MODEL (store));
  quorum_test_spin (100);

  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 10, NULL))->len, ==, 1);
  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 11, NULL))->len, ==, 0);
  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 12, NULL))->len, ==, 1);
  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 13, NULL))->len, ==, 1);
  g_assert_cmpuint (quorum_month_cell_get_occurrences (cell_for (f, 2026, 11, 14, NULL))->len, ==, 0);
  g_assert_cmpstr (quorum_month_cell_get_chip_text (cell_for (f, 2026, 11, 16, NULL), 0), ==,
                   "09:00 A <b>&amp; \"c\"");
  g_assert_cmpstr (quorum_month_cell_get_chip_text (cell_for (f, 2026, 11, 12, NULL), 0), ==,
                   "23:00 跨夜会商");
}

/* Text of one height gives chips of that height, text of another height
 * another; the same text again is what was shaped before. */
static void
test_chip_text (void)
{
  GtkWidget *window = gtk_window_new ();
  QuorumMonthChipStyles *styles = QUORUM_MONTH_CHIP_STYLES (quorum_month_chip_styles_new (FALSE));
  QuorumChipLook *look = NULL;
  QuorumMonthChip *prototype;
  g_autoptr(QuorumChipText) study = NULL;
  g_autoptr(QuorumChipText) frontline = NULL;
  g_autoptr(QuorumChipText) big = NULL;
  g_autoptr(QuorumChipText) again = NULL;
  int height;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (styles));
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (100);
  look = quorum_month_chip_styles_lookup (styles, &(QuorumChipKey) { "kind-study", QUORUM_OCCURRENCE_SCHEDULED, FALSE });
  prototype = quorum_chip_look_get_prototype (look);

  study = quorum_month_chip_shape (prototype, "<b>09:00</b> 学习");
  height = quorum_chip_look_get_height (look, study);
  g_assert_cmpint (height, >, quorum_chip_text_get_height (study));

  frontline = quorum_month_chip_shape (prototype, "<b>14:30</b> 一线办公日");
  g_assert_cmpint (quorum_chip_look_get_height (look, frontline), ==, height);

  big = quorum_month_chip_shape (prototype, "<span size=\"xx-large\">大</span>");
  g_assert_cmpint (quorum_chip_look_get_height (look, big), >, height);

  again = quorum_month_chip_shape (prototype, "<b>09:00</b> 学习");
  g_assert_true (again == study);
  g_assert_true (quorum_month_chip_has_font_of (prototype, again));
  g_assert_cmpint (quorum_chip_look_get_height (look, again), ==, height);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);
  /* The chips' colours, backgrounds and opacities are the application's CSS. */
  quorum_test_load_style ();

#define ADD(path, func) \
  g_test_add ("/ui/month-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("monday-first", test_monday_first);
  ADD ("chips", test_chips);
  ADD ("overflow", test_overflow);
  ADD ("page-down", test_page_down);
  ADD ("today", test_today);
  ADD ("day-marks", test_day_marks);
  ADD ("arrows", test_arrows);
  ADD ("popover", test_popover);
  ADD ("accessible", test_accessible_label);
  ADD ("hidden", test_hidden);
  ADD ("switch-busy", test_switch_busy);
  ADD ("spans", test_spans);
  ADD ("chip-styles", test_chip_styles);
  ADD ("chip-drawing", test_chip_drawing);
  ADD ("chip-click", test_chip_click);
  ADD ("chip-restyle", test_chip_restyle);
#undef ADD
  g_test_add_func ("/ui/month-view/chip-text", test_chip_text);

  return g_test_run ();
}
