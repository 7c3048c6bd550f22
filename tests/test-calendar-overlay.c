/* test-calendar-overlay.c: subscribed calendars laid over the Calendar page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "quorum-caldav-overlay.h"
#include "quorum-calendar-page.h"
#include "quorum-fake-calendar.h"
#include "quorum-ics.h"
#include "quorum-month-cell.h"
#include "quorum-month-view-private.h"
#include "quorum-test-utils.h"

typedef struct
{
  GtkWidget          *window;
  QuorumCalendarPage *page;
  GListStore         *store;
  GListStore         *overlay;
  guint               n_activated;
} Fixture;

static QuorumIcsEvent *
event (const char *uid,
       const char *summary,
       int         year,
       int         month,
       int         day,
       const char *rrule)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  QuorumIcsEvent *ev = quorum_ics_event_new ();

  ev->uid = g_strdup (uid);
  ev->summary = g_strdup (summary);
  ev->location = g_strdup ("烟台市政府");
  ev->tzid = g_strdup ("Asia/Shanghai");
  ev->dtstart = g_date_time_new (tz, year, month, day, 10, 0, 0);
  ev->dtend = g_date_time_add_hours (ev->dtstart, 2);
  ev->rrule = g_strdup (rrule);
  return ev;
}

/* The higher-level government's schedule: a meeting on 22 October, a weekly
 * one on Mondays through October with one moved, and one next year. */
static GListStore *
overlay_model (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_ics_event_unref);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GDateTime) from = quorum_fake_date (2026, 1, 1);
  g_autoptr(GDateTime) to = quorum_fake_date (2028, 1, 1);
  QuorumIcsEvent *moved;
  GListStore *store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);

  g_ptr_array_add (events, event ("a@yantai", "烟台市政府常务会议", 2026, 10, 22, NULL));
  g_ptr_array_add (events, event ("b@yantai", "市级调度会", 2026, 10, 5, "FREQ=WEEKLY;COUNT=4"));
  moved = event ("b@yantai", "市级调度会（改期）", 2026, 10, 13, NULL);
  moved->recurrence_id = g_date_time_ref (((QuorumIcsEvent *) events->pdata[1])->dtstart);
  {
    GDateTime *second = g_date_time_add_weeks (moved->recurrence_id, 1);

    g_date_time_unref (moved->recurrence_id);
    moved->recurrence_id = second;
  }
  g_ptr_array_add (events, moved);
  g_ptr_array_add (events, event ("c@yantai", "明年的会", 2027, 3, 1, NULL));

  occurrences = quorum_caldav_overlay_expand (events, "烟台市政府日程", from, to);
  g_list_store_splice (store, 0, 0, occurrences->pdata, occurrences->len);
  return store;
}

static void
on_activated (QuorumCalendarPage *page,
              QuorumOccurrence   *occurrence,
              Fixture            *f)
{
  f->n_activated++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) today = quorum_fake_date (2026, 10, 21);

  f->store = quorum_fake_october ();
  f->overlay = overlay_model ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  f->page = QUORUM_CALENDAR_PAGE (quorum_calendar_page_new ());
  quorum_calendar_page_set_today (f->page, today);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.today", NULL);
  quorum_calendar_page_set_model (f->page, G_LIST_MODEL (f->store));
  quorum_calendar_page_set_overlay_model (f->page, G_LIST_MODEL (f->overlay));
  g_signal_connect (f->page, "occurrence-activated", G_CALLBACK (on_activated), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_object (&f->overlay);
}

static QuorumMonthCell *
cell_for (Fixture *f,
          int      d)
{
  QuorumMonthView *view = QUORUM_MONTH_VIEW (quorum_calendar_page_get_month_view (f->page));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, 10, 2026);
  return _quorum_month_view_get_cell (view, &date, NULL, NULL);
}

static QuorumOccurrence *
find (QuorumMonthCell *cell,
      const char      *title)
{
  GPtrArray *occurrences = quorum_month_cell_get_occurrences (cell);

  for (guint i = 0; i < occurrences->len; i++)
    if (g_strcmp0 (quorum_occurrence_get_title (occurrences->pdata[i]), title) == 0)
      return occurrences->pdata[i];
  return NULL;
}

static guint
n_chips_with_class (QuorumMonthCell *cell,
                    const char      *css_class)
{
  guint n = 0;

  /* The cell draws each chip in the style of a prototype chip. */
  for (guint i = 0; i < quorum_month_cell_get_n_shown (cell); i++)
    if (gtk_widget_has_css_class (quorum_month_cell_get_chip_style (cell, i), css_class))
      n++;
  return n;
}

static void
test_shown (Fixture       *f,
            gconstpointer  data)
{
  QuorumMonthCell *cell = cell_for (f, 22);
  QuorumOccurrence *external = find (cell, "烟台市政府常务会议");
  guint n_store = g_list_model_get_n_items (G_LIST_MODEL (f->store));
  guint n_model = 0;

  quorum_test_spin (100);
  if (g_getenv ("QUORUM_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("QUORUM_SCREENSHOT_DIR"),
                                               "calendar-overlay.png", NULL);
      g_autoptr(GError) error = NULL;

      quorum_test_save_png (f->window, png, &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (external);
  g_assert_true (quorum_occurrence_is_external (external));
  g_assert_cmpuint (n_chips_with_class (cell, "external"), ==, 1);
  /* The store's own events keep their duty colours. */
  g_assert_cmpuint (n_chips_with_class (cell_for (f, 21), "external"), ==, 0);

  /* The moved instance stands in for the one it replaces. */
  g_assert_nonnull (find (cell_for (f, 5), "市级调度会"));
  g_assert_null (find (cell_for (f, 12), "市级调度会"));
  g_assert_nonnull (find (cell_for (f, 13), "市级调度会（改期）"));
  g_assert_nonnull (find (cell_for (f, 19), "市级调度会"));

  /* Only the span on show: next year's meeting is left out. */
  for (int d = 1; d <= 31; d++)
    n_model += quorum_month_cell_get_occurrences (cell_for (f, d))->len;
  g_assert_cmpuint (n_model, >, n_store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->overlay)), ==, 6);

  /* Taking the overlay away leaves the store's events. */
  quorum_calendar_page_set_overlay_model (f->page, NULL);
  g_assert_null (find (cell_for (f, 22), "烟台市政府常务会议"));
}

static gboolean
dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_has_css_class (window, "external-event") && gtk_widget_get_visible (window))
        return TRUE;
    }
  return FALSE;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *month = quorum_calendar_page_get_month_view (f->page);
  QuorumOccurrence *external = find (cell_for (f, 22), "烟台市政府常务会议");
  QuorumOccurrence *own = quorum_month_cell_get_occurrences (cell_for (f, 21))->pdata[0];

  g_assert_false (dialog_shown (NULL));

  /* Not ours: its details, no roll call. */
  g_signal_emit_by_name (month, "occurrence-activated", external);
  g_assert_cmpuint (f->n_activated, ==, 0);
  g_assert_true (quorum_test_wait_for (dialog_shown, NULL, 2000));

  /* Ours: the window opens its roll call. */
  g_signal_emit_by_name (month, "occurrence-activated", own);
  g_assert_cmpuint (f->n_activated, ==, 1);
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
  g_test_init (&argc, &argv, NULL);
  if (!quorum_test_init_display (&argc, &argv))
    return 77;

  /* The application's style, as AdwApplication would load it. */
  quorum_test_load_style ();

#define ADD(path, func) \
  g_test_add ("/ui/calendar-overlay/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shown", test_shown);
  ADD ("activate", test_activate);

  return g_test_run ();
}
