/* bench-month-switch.c: figure 2, switching months on the Calendar page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-month-switch OFFICE.db|empty LABEL [SWITCHES]
 *
 * Opens Quorum's main window on the office (or on a new office with nothing
 * scheduled),
 * goes 100 months back, then switches 100 times to the next month the way
 * the "next" button does (calendar.next), through ten years of history to
 * today. Each switch is timed from the action to a finished snapshot of the
 * month view: the range query and the model update the action runs, the
 * measure and allocation of the view, and its snapshot into render nodes
 * (gtk_widget_snapshot_child(), as the next frame takes it; rendering the
 * nodes to pixels is GSK's work and not counted). Between switches a frame is drawn, not
 * timed. Prints `month-switch.LABEL`, the median per switch, and its parts.
 * Fewer SWITCHES (default 100) make a run under callgrind bearable:
 * `valgrind --tool=callgrind --toggle-collect=switch_month ... big 10`.
 */

#include "config.h"

#include <stdio.h>

#include "bench-frames.h"
#include "bench-utils.h"
#include "quorum-application.h"
#include "quorum-calendar-page.h"
#include "quorum-month-view.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-window.h"

#define N_SWITCHES 100

typedef struct
{
  GArray *total;
  GArray *action;
  GArray *layout;
  GArray *snapshot;
  guint   n_events;
} Samples;

/* Not inlined, so that a profiler can be told to count only this. */
static G_GNUC_NO_INLINE void
switch_month (GtkWidget *page,
              GtkWidget *view,
              Samples   *samples)
{
  GtkAllocation allocation;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GListModel *model;
  int minimum, natural;
  double start, acted, laid_out, drawn;

  gtk_widget_get_allocation (view, &allocation);

  start = bench_now_ms ();
  gtk_widget_activate_action (page, "calendar.next", NULL);
  acted = bench_now_ms ();

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, allocation.width, &minimum, &natural,
                      NULL, NULL);
  gtk_widget_size_allocate (view, &allocation, -1);
  laid_out = bench_now_ms ();

  /* What the parent does for the view in the next frame: the parts whose
   * drawing changed are snapshot again, the others reuse their nodes. */
  snapshot = gtk_snapshot_new ();
  gtk_widget_snapshot_child (gtk_widget_get_parent (view), view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  drawn = bench_now_ms ();
  g_clear_pointer (&node, gsk_render_node_unref);

  g_array_append_vals (samples->total, &(double) { drawn - start }, 1);
  g_array_append_vals (samples->action, &(double) { acted - start }, 1);
  g_array_append_vals (samples->layout, &(double) { laid_out - acted }, 1);
  g_array_append_vals (samples->snapshot, &(double) { drawn - laid_out }, 1);
  model = quorum_calendar_page_get_model (QUORUM_CALENDAR_PAGE (page));
  /* An empty database's month may have no model at all. */
  samples->n_events += model != NULL ? g_list_model_get_n_items (model) : 0;
}

/* An office set up with the bundled rulebook and nothing scheduled, as
 * after "Set Up" on the welcome page: the window opens on the Calendar page
 * as it does for the big office. A database with nothing at all would show
 * the welcome page instead, and the hidden Calendar page would neither load
 * nor draw its months. */
static void
set_up_empty_office (const char *path)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rulebook = NULL;

  if (!(store = quorum_store_open (path, &error))
      || !(rulebook = quorum_rulebook_dup_default_data (&error))
      || !quorum_store_set_rulebook_data (store, rulebook, &error))
    bench_die ("empty office", error);
}

static void
report (const char *label,
        const char *part,
        GArray     *values)
{
  g_autofree char *metric = part != NULL ? g_strdup_printf ("month-switch.%s.%s", label, part)
                                         : g_strdup_printf ("month-switch.%s", label);

  bench_report (metric, bench_median (values), "ms");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *metric = NULL;
  Samples samples = { 0 };
  guint n_switches = N_SWITCHES;
  QuorumWindow *window;
  GtkWidget *page;
  GtkWidget *view;

  if (argc != 3 && argc != 4)
    {
      fprintf (stderr, "Usage: %s OFFICE.db|empty LABEL [SWITCHES]\n", argv[0]);
      return 2;
    }
  if (argc == 4)
    n_switches = CLAMP (g_ascii_strtoull (argv[3], NULL, 10), 1, 1000);
  back = g_date_time_add_months (now, -(int)n_switches);

  bench_init_locale ();

  if (!gtk_init_check ())
    bench_die ("no display: run under xvfb-run", NULL);
  adw_init ();

  if (g_strcmp0 (argv[1], "empty") == 0)
    {
      g_autofree char *dir = g_dir_make_tmp ("quorum-bench-XXXXXX", &error);

      if (dir == NULL)
        bench_die ("temporary folder", error);
      empty = g_build_filename (dir, "empty.db", NULL);
      set_up_empty_office (empty);
      g_setenv ("QUORUM_DB", empty, TRUE);
    }
  else
    g_setenv ("QUORUM_DB", argv[1], TRUE);

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    bench_die ("register", error);

  window = quorum_window_new (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  gtk_window_present (GTK_WINDOW (window));
  page = bench_find_widget (GTK_WIDGET (window), QUORUM_TYPE_CALENDAR_PAGE);
  view = quorum_calendar_page_get_month_view (QUORUM_CALENDAR_PAGE (page));
  bench_wait_frames (GTK_WIDGET (window), 3);
  /* Both offices draw their months, or the figures compare different work. */
  if (!gtk_widget_get_mapped (view))
    bench_die ("the month view is not on show", NULL);

  quorum_month_view_set_date (QUORUM_MONTH_VIEW (view), back);
  bench_wait_frames (GTK_WIDGET (window), 3);

  samples.total = g_array_new (FALSE, FALSE, sizeof (double));
  samples.action = g_array_new (FALSE, FALSE, sizeof (double));
  samples.layout = g_array_new (FALSE, FALSE, sizeof (double));
  samples.snapshot = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_switches; i++)
    {
      switch_month (page, view, &samples);
      bench_wait_frames (GTK_WIDGET (window), 1);
    }

  metric = g_strdup_printf ("month-switch.%s.max", argv[2]);
  bench_report (metric, bench_max (samples.total), "ms");
  report (argv[2], NULL, samples.total);
  report (argv[2], "query", samples.action);
  report (argv[2], "layout", samples.layout);
  report (argv[2], "snapshot", samples.snapshot);
  g_free (metric);
  metric = g_strdup_printf ("month-switch.%s.events", argv[2]);
  bench_report (metric, samples.n_events / (double)n_switches, "events/month");

  gtk_window_destroy (GTK_WINDOW (window));
  if (empty != NULL)
    bench_remove_copy (empty);
  g_array_unref (samples.total);
  g_array_unref (samples.action);
  g_array_unref (samples.layout);
  g_array_unref (samples.snapshot);
  return 0;
}
