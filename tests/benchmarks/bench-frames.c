/* bench-frames.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cold start is measured from the start of the process to the end of the
 * first frame painted with the page on show ("after-paint" of the window's
 * GdkFrameClock). The start is the CLOCK_MONOTONIC stamp the runner took
 * just before it spawned the program ($QUORUM_BENCH_T0_US), else the
 * process start time of /proc/self/stat.
 *
 * After the first frame a tick callback keeps the frame clock running for
 * a while, so that any stall of the main loop (loading that was left for
 * later, an idle refresh) shows as a long gap between two frames; the
 * longest gap is the "max frame". Then the peak resident memory is read
 * and the application quits.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench-frames.h"
#include "bench-utils.h"

typedef struct
{
  GtkWindow      *window;
  BenchReadyFunc  ready;
  char           *prefix;
  guint           settle_ms;
  double          first_frame;
  double          last_paint;
  double          max_gap;
  guint           n_frames;
  guint           tick_id;
} Watch;

double
bench_process_start_ms (void)
{
  const char *t0 = g_getenv ("QUORUM_BENCH_T0_US");
  g_autofree char *stat = NULL;
  const char *p;
  struct timespec boot, mono;
  unsigned long long start_ticks = 0;

  if (t0 != NULL)
    return g_ascii_strtoull (t0, NULL, 10) / 1000.0;

  /* Field 22 of /proc/self/stat, after the command in parentheses. */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return bench_now_ms ();
  for (guint field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return bench_now_ms ();
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);

  /* The start is in ticks since boot: move it onto the monotonic clock. */
  clock_gettime (CLOCK_BOOTTIME, &boot);
  clock_gettime (CLOCK_MONOTONIC, &mono);
  return start_ticks * 1000.0 / sysconf (_SC_CLK_TCK)
         - (boot.tv_sec - mono.tv_sec) * 1000.0 - (boot.tv_nsec - mono.tv_nsec) / 1e6;
}

static void
report (Watch *watch)
{
  g_autofree char *metric = NULL;

  metric = g_strdup_printf ("%s.startup", watch->prefix);
  bench_report (metric, watch->first_frame - bench_process_start_ms (), "ms");
  g_free (metric);
  metric = g_strdup_printf ("%s.max-frame", watch->prefix);
  bench_report (metric, watch->max_gap, "ms");
  g_free (metric);
  metric = g_strdup_printf ("%s.frames", watch->prefix);
  bench_report (metric, watch->n_frames, "frames");
  g_free (metric);
  metric = g_strdup_printf ("%s.peak-rss", watch->prefix);
  bench_report (metric, bench_peak_rss_kib () / 1024.0, "MiB");
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Watch         *watch)
{
  double now = bench_now_ms ();

  if (watch->first_frame == 0)
    {
      if (!watch->ready (watch->window))
        return;
      watch->first_frame = now;
      watch->last_paint = now;
      /* Keep painting, so that a stall shows as a gap between frames. */
      watch->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (watch->window),
                                                     bench_keep_ticking_cb, NULL, NULL);
      return;
    }

  watch->max_gap = MAX (watch->max_gap, now - watch->last_paint);
  watch->last_paint = now;
  watch->n_frames++;

  if (now - watch->first_frame >= watch->settle_ms)
    {
      GApplication *app = G_APPLICATION (gtk_window_get_application (watch->window));

      g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, watch);
      gtk_widget_remove_tick_callback (GTK_WIDGET (watch->window), watch->tick_id);
      report (watch);
      if (app != NULL)
        g_application_quit (app);
      else
        exit (0);
    }
}

static void
on_realize_cb (GtkWidget *widget,
               Watch     *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), watch);
}

/* Reports `PREFIX.startup`, `PREFIX.max-frame` and `PREFIX.peak-rss`, then
 * quits the window's application @settle_ms after the first frame. */
void
bench_watch_window (GtkWindow      *window,
                    BenchReadyFunc  ready,
                    const char     *prefix,
                    guint           settle_ms)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->window = window;
  watch->ready = ready;
  watch->prefix = g_strdup (prefix);
  watch->settle_ms = settle_ms;
  /* Lives as long as the process: the figures are read at its end. */
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), watch);
}

/* The first widget of @type under @root, depth first. */
GtkWidget *
bench_find_widget (GtkWidget *root,
                   GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = bench_find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *n_painted)
{
  (*n_painted)++;
}

/* A tick callback that keeps @widget's frame clock painting, as an
 * animation does. */
gboolean
bench_keep_ticking_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget's frame clock has painted @n_frames more
 * frames, so that whatever was queued is laid out and drawn. */
void
bench_wait_frames (GtkWidget *widget,
                   guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_painted = 0;
  gulong handler;
  guint tick;

  g_return_if_fail (clock != NULL);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &n_painted);
  tick = gtk_widget_add_tick_callback (widget, bench_keep_ticking_cb, NULL, NULL);
  while (n_painted < n_frames)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, tick);
  g_signal_handler_disconnect (clock, handler);
}

/* As src/main.c does: the locale of the environment, our catalogue. */
void
bench_init_locale (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
