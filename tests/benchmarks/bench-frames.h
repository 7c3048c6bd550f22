/* bench-frames.h: first frame and frame times of a window, for the GUI benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * BenchReadyFunc:
 * @window: the window
 *
 * Returns: %TRUE when what the figure is about is on show
 */
typedef gboolean (*BenchReadyFunc) (GtkWindow *window);

void       bench_init_locale      (void);
gboolean   bench_keep_ticking_cb  (GtkWidget      *widget,
                                   GdkFrameClock  *clock,
                                   gpointer        user_data);
double     bench_process_start_ms (void);
GtkWidget *bench_find_widget      (GtkWidget      *root,
                                   GType           type);
void       bench_wait_frames      (GtkWidget      *widget,
                                   guint           n_frames);
void       bench_watch_window     (GtkWindow      *window,
                                   BenchReadyFunc  ready,
                                   const char     *prefix,
                                   guint           settle_ms);

G_END_DECLS
