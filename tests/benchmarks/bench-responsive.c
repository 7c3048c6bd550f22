/* bench-responsive.c: figures 1b', 1c and 1d, frames while the GUI works
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-responsive OFFICE.db [N-IMPORT-EVENTS]
 *
 * Opens Quorum's main window on a copy of the office and keeps its frame
 * clock ticking (as an animation would), so that a frame is asked for all
 * the time and any stall of the main loop shows as a long gap between two
 * painted frames. Then it does, one after the other, what the issue asks to
 * stay responsive, each from between two frames until its work is over and
 * 300 ms more (for the refreshes that follow), and reports the longest gap
 * between two painted frames in that time, or the longest the main loop did
 * not turn when that is longer (a window stops painting while a dialog
 * comes up, and must not hide a stall behind it):
 *
 * - frames.load.PAGE: showing each page of the main window for the first
 *   time. The window opens on Feeds and shows Calendar, then Obligations
 *   (its person view), its Dashboard tab (until evaluated), People; a
 *   second window, opened on People, shows Feeds.
 * - frames.evaluate.year, .period, .person: the dashboard evaluating the
 *   whole current year, then going to the previous one; the person view
 *   evaluating another person.
 * - frames.import: the Feeds page importing a generated .ics of
 *   N-IMPORT-EVENTS (default 20 000) single events, forty a day from the
 *   first of last month on, as its Import button and drop target do
 *   (quorum_feeds_page_import_file(): a worker, the progress bar, the
 *   report, the refresh of every page).
 *
 * frames.load and frames.evaluate are the longest of their parts. Each
 * figure also comes as METRIC.cpu: the most CPU time the main thread spent
 * between two frames (or two turns of the main loop), which a busy machine
 * does not inflate as it does the wall clock. With $QUORUM_BENCH_VERBOSE
 * set, every measurement and long frame is written to stderr with its
 * CLOCK_MONOTONIC span, for `perf record -k CLOCK_MONOTONIC` and
 * `perf report --time`.
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "bench-frames.h"
#include "bench-utils.h"
#include "quorum-application.h"
#include "quorum-calendar-page.h"
#include "quorum-dashboard.h"
#include "quorum-feeds-page.h"
#include "quorum-obligations-page.h"
#include "quorum-people-page.h"
#include "quorum-person-view.h"
#include "quorum-window.h"

#define SETTLE_MS  300
#define TIMEOUT_MS 60000
#define DEFAULT_IMPORT_EVENTS 20000

typedef struct
{
  GtkWidget *window;
  double     last_paint;
  double     last_cpu;
  double     max_gap;
  double     max_cpu;
  double     last_turn;
  double     last_turn_cpu;
  double     max_stall;
  guint      n_frames;
} Frames;

typedef gboolean (*DoneFunc) (gpointer data);

/* Watches the busy flag of a view, which it raises as the work starts. */
typedef struct
{
  gboolean (*is_busy) (gpointer view);
  gpointer   view;
} BusyWatch;

/* What the main thread itself spent, whether or not the machine let it run. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  double now = bench_now_ms ();
  double cpu = thread_cpu_ms ();

  if (frames->last_paint > 0)
    frames->max_gap = MAX (frames->max_gap, now - frames->last_paint);
  if (frames->last_paint > 0 && now - frames->last_paint > 50 && g_getenv ("QUORUM_BENCH_VERBOSE"))
    fprintf (stderr, "long frame %.6f,%.6f\n", frames->last_paint / 1000, now / 1000);
  if (frames->last_paint > 0)
    frames->max_cpu = MAX (frames->max_cpu, cpu - frames->last_cpu);
  frames->last_paint = now;
  frames->last_cpu = cpu;
  frames->n_frames++;
}

/* The main loop's turns: a window that stops painting (a dialog came up)
 * must not hide a stall behind it. */
static gboolean
turn_cb (gpointer data)
{
  Frames *frames = data;
  double now = bench_now_ms ();
  double cpu = thread_cpu_ms ();

  frames->max_stall = MAX (frames->max_stall, now - frames->last_turn);
  frames->max_cpu = MAX (frames->max_cpu, cpu - frames->last_turn_cpu);
  frames->last_turn = now;
  frames->last_turn_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* Not MAX (): that would run the measurement twice. */
static void
keep_max (double *max,
          double  value)
{
  *max = MAX (*max, value);
}

static gboolean
always_done (gpointer data)
{
  return TRUE;
}

static gboolean
busy_done (gpointer data)
{
  BusyWatch *watch = data;

  return !watch->is_busy (watch->view);
}

/* Runs @start between two frames of @window, then the main loop until
 * @done says the work is over and SETTLE_MS more; reports and returns the
 * longest gap between two painted frames in that time (or the longest the
 * main loop did not turn, when that is longer). */
static double
measure (GtkWidget  *window,
         const char *metric,
         GCallback   start,
         gpointer    start_data,
         DoneFunc    done,
         gpointer    done_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frames frames = { window, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autofree char *cpu_metric = g_strdup_printf ("%s.cpu", metric);
  gulong handler;
  guint tick, turns;
  double began, finished = 0, longest;

  tick = gtk_widget_add_tick_callback (window, bench_keep_ticking_cb, NULL, NULL);
  bench_wait_frames (window, 2);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  /* Right after a paint, so the gap to the next one holds all of @start. */
  bench_wait_frames (window, 1);

  began = frames.last_turn = bench_now_ms ();
  frames.last_turn_cpu = thread_cpu_ms ();
  turns = g_timeout_add_full (G_PRIORITY_HIGH, 5, turn_cb, &frames, NULL);
  ((void (*) (gpointer))start) (start_data);
  for (;;)
    {
      double now = bench_now_ms ();

      if (finished == 0 && done (done_data))
        finished = now;
      if (finished > 0 && now - finished >= SETTLE_MS)
        break;
      if (now - began > TIMEOUT_MS)
        bench_die (metric, NULL);
      g_main_context_iteration (NULL, TRUE);
    }
  /* The last iteration counts too: it may have been the longest. */
  turn_cb (&frames);

  g_source_remove (turns);
  g_signal_handler_disconnect (clock, handler);
  gtk_widget_remove_tick_callback (window, tick);
  longest = MAX (frames.max_gap, frames.max_stall);
  if (g_getenv ("QUORUM_BENCH_VERBOSE"))
    fprintf (stderr, "%s %.6f,%.6f (%u frames, longest gap %.1f ms, stall %.1f ms)\n", metric,
             began / 1000, bench_now_ms () / 1000, frames.n_frames, frames.max_gap,
             frames.max_stall);
  bench_report (metric, longest, "ms");
  bench_report (cpu_metric, frames.max_cpu, "ms");
  return longest;
}

/* ---- Loading: the first showing of every page ---------------------------- */

typedef struct
{
  GtkWidget  *window;
  const char *page;
} ShowPage;

static void
show_page (ShowPage *show)
{
  gtk_widget_activate_action (show->window, "win.show-page", "s", show->page);
}

static void
show_dashboard (QuorumObligationsPage *page)
{
  quorum_obligations_page_show (page, "dashboard");
}

static gboolean
dashboard_busy (gpointer view)
{
  return quorum_dashboard_get_busy (view);
}

static gboolean
person_view_busy (gpointer view)
{
  return quorum_person_view_get_busy (view);
}

typedef struct
{
  GtkWidget *window;
  gboolean   seen_busy;
} ObligationsLoad;

/* Pages are made the first time they are shown: done once the Obligations
 * page exists and its person view has shown its results. The view starts
 * evaluating a little after the page is made (once it has picked its
 * person): not busy before that is not done (the results, and the rows
 * made from them, came after the measurement). */
static gboolean
obligations_loaded (gpointer data)
{
  ObligationsLoad *load = data;
  GtkWidget *page = bench_find_widget (load->window, QUORUM_TYPE_OBLIGATIONS_PAGE);
  QuorumPersonView *view;

  if (page == NULL)
    return FALSE;
  view = quorum_obligations_page_get_person_view (QUORUM_OBLIGATIONS_PAGE (page));
  if (quorum_person_view_get_busy (view))
    load->seen_busy = TRUE;
  return load->seen_busy && !quorum_person_view_get_busy (view);
}

static gboolean
feeds_importing (gpointer view)
{
  return quorum_feeds_page_is_importing (view);
}

static GtkWidget *
open_window (QuorumApplication *app,
             const char        *first_page)
{
  QuorumWindow *window;

  g_settings_set_string (quorum_application_get_settings (app), "last-page", first_page);
  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  if (g_strcmp0 (quorum_window_get_visible_page (window), first_page) != 0)
    bench_die ("the window did not open on its last page", NULL);
  /* Let the start-up loads and refreshes end first. */
  bench_wait_frames (GTK_WIDGET (window), 30);
  return GTK_WIDGET (window);
}

static double
load_page (GtkWidget  *window,
           const char *page,
           DoneFunc    done,
           gpointer    done_data)
{
  g_autofree char *metric = g_strdup_printf ("frames.load.%s", page);
  ShowPage show = { window, page };

  return measure (window, metric, G_CALLBACK (show_page), &show, done, done_data);
}

/* ---- Importing ----------------------------------------------------------- */

/* Single events, forty a day (eight hours of five rooms), from the first of
 * last month on: the month on show gets them too. */
static void
write_ics (const char *path,
           guint       n_events)
{
  g_autoptr(GString) out = g_string_sized_new (n_events * 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_add_months (now, -1);
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (month),
                                                       g_date_time_get_month (month), 1, 8, 0, 0);

  g_string_append (out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum//bench-responsive//EN\r\n");
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_minutes (first, (i / 40) * 24 * 60 + (i % 8) * 60);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 50);
      g_autofree char *from = g_date_time_format (start, "%Y%m%dT%H%M%S");
      g_autofree char *to = g_date_time_format (end, "%Y%m%dT%H%M%S");

      g_string_append_printf (out,
                              "BEGIN:VEVENT\r\nUID:responsive-%u@example.org\r\n"
                              "DTSTAMP:20250101T000000Z\r\nDTSTART:%s\r\nDTEND:%s\r\n"
                              "SUMMARY:Working group %u\r\nLOCATION:Room %u\r\nEND:VEVENT\r\n",
                              i, from, to, i % 97, i % 5 + 1);
    }
  g_string_append (out, "END:VCALENDAR\r\n");
  if (!g_file_set_contents (path, out->str, out->len, &error))
    bench_die ("write the import file", error);
}

typedef struct
{
  QuorumFeedsPage *page;
  GFile           *file;
} Import;

static void
start_import (Import *import)
{
  quorum_feeds_page_import_file (import->page, import->file);
}

static guint
count_series (QuorumStore *store)
{
  g_autoptr(GListModel) series = quorum_store_list_series (store, NULL);

  return series != NULL ? g_list_model_get_n_items (series) : 0;
}

/* ---- Evaluating ---------------------------------------------------------- */

static void
evaluate_year (QuorumDashboard *dashboard)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(QuorumPeriod) year = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  year = quorum_period_for_date (QUORUM_PERIOD_YEAR, &today, NULL);
  quorum_dashboard_set_period (dashboard, year);
}

static void
previous_period (QuorumDashboard *dashboard)
{
  gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.previous", NULL);
}

typedef struct
{
  QuorumObligationsPage *page;
  gint64                 person_id;
} ShowPerson;

static void
show_person (ShowPerson *show)
{
  quorum_obligations_page_show (show->page, "mine");
  quorum_person_view_set_person (quorum_obligations_page_get_person_view (show->page),
                                 show->person_id);
}

/* Someone other than the one on show. */
static gint64
other_person (QuorumStore *store,
              gint64       shown)
{
  g_autoptr(GListModel) people = quorum_store_list_people (store, FALSE, NULL);
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  for (guint i = n / 2; i < n + n / 2; i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i % n);

      if (quorum_person_get_id (person) != shown)
        return quorum_person_get_id (person);
    }
  bench_die ("the office has fewer than two people", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) ics = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *ics_path = NULL;
  g_autofree char *dir = NULL;
  guint n_import = DEFAULT_IMPORT_EVENTS;
  GtkWidget *window, *second;
  QuorumObligationsPage *obligations;
  QuorumDashboard *dashboard;
  QuorumPersonView *person_view;
  BusyWatch watch = { 0 };
  double load = 0, evaluate = 0;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s OFFICE.db [N-IMPORT-EVENTS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    n_import = (guint)g_ascii_strtoull (argv[2], NULL, 10);

  bench_init_locale ();
  if (!gtk_init_check ())
    bench_die ("no display: run under xvfb-run", NULL);
  adw_init ();

  /* The import writes: work on a copy. */
  if (!(copy = bench_copy_file (argv[1], "office.db", &error)))
    bench_die ("copy the office", error);
  g_setenv ("QUORUM_DB", copy, TRUE);
  dir = g_path_get_dirname (copy);
  ics_path = g_build_filename (dir, "import.ics", NULL);
  write_ics (ics_path, n_import);
  ics = g_file_new_for_path (ics_path);

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    bench_die ("register", error);

  /* Loading. */
  window = open_window (app, "feeds");

  keep_max (&load, load_page (window, "calendar", always_done, NULL));
  {
    ObligationsLoad obligations_load = { window, FALSE };

    keep_max (&load, load_page (window, "obligations", obligations_loaded, &obligations_load));
  }
  obligations = QUORUM_OBLIGATIONS_PAGE (bench_find_widget (window, QUORUM_TYPE_OBLIGATIONS_PAGE));
  if (obligations == NULL)
    bench_die ("no Obligations page once shown", NULL);
  dashboard = quorum_obligations_page_get_dashboard (obligations);
  person_view = quorum_obligations_page_get_person_view (obligations);
  watch = (BusyWatch) { dashboard_busy, dashboard };
  keep_max (&load, measure (window, "frames.load.dashboard", G_CALLBACK (show_dashboard),
                            obligations, busy_done, &watch));
  keep_max (&load, load_page (window, "people", always_done, NULL));
  second = open_window (app, "people");
  keep_max (&load, load_page (second, "feeds", always_done, NULL));
  bench_report ("frames.load", load, "ms");
  gtk_window_destroy (GTK_WINDOW (second));

  /* Evaluating, on the Obligations page. */
  gtk_widget_activate_action (window, "win.show-page", "s", "obligations");
  bench_wait_frames (window, 10);
  watch = (BusyWatch) { dashboard_busy, dashboard };
  keep_max (&evaluate, measure (window, "frames.evaluate.year", G_CALLBACK (evaluate_year),
                                     dashboard, busy_done, &watch));
  watch = (BusyWatch) { dashboard_busy, dashboard };
  keep_max (&evaluate, measure (window, "frames.evaluate.period", G_CALLBACK (previous_period),
                                     dashboard, busy_done, &watch));
  {
    ShowPerson show = { obligations, 0 };

    show.person_id = other_person (quorum_application_get_store (app),
                                   quorum_person_view_get_person (person_view));
    watch = (BusyWatch) { person_view_busy, person_view };
    keep_max (&evaluate, measure (window, "frames.evaluate.person", G_CALLBACK (show_person),
                                       &show, busy_done, &watch));
    if (quorum_person_view_get_person (person_view) != show.person_id)
      bench_die ("the person view did not show the person", NULL);
  }
  bench_report ("frames.evaluate", evaluate, "ms");

  /* Importing, on the Feeds page, last: it changes the office. */
  {
    QuorumFeedsPage *feeds;
    QuorumStore *store = quorum_application_get_store (app);
    Import import = { NULL, ics };
    guint before = count_series (store);

    gtk_widget_activate_action (window, "win.show-page", "s", "feeds");
    bench_wait_frames (window, 10);
    if (!(feeds = QUORUM_FEEDS_PAGE (bench_find_widget (window, QUORUM_TYPE_FEEDS_PAGE))))
      bench_die ("no Feeds page once shown", NULL);
    import.page = feeds;
    watch = (BusyWatch) { feeds_importing, feeds };
    measure (window, "frames.import", G_CALLBACK (start_import), &import, busy_done, &watch);
    if (count_series (store) != before + n_import)
      bench_die ("the import did not create every event", NULL);
    bench_report ("frames.import.events", n_import, "events");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  bench_remove_copy (copy);
  return 0;
}
