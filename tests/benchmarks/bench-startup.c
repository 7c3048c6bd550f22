/* bench-startup.c: figures 1 and 6, cold start and memory of the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: QUORUM_DB=BIG.db bench-startup [SETTLE-MS]
 *
 * Runs Quorum as src/main.c does, on the database in $QUORUM_DB, and reports
 * the time from process start to the first frame with the Calendar page on
 * show, the longest frame in the SETTLE-MS (default 1000) that follow, and
 * the peak resident memory; then quits. Its baseline is
 * bench-minimal-window.
 */

#include "config.h"

#include <stdlib.h>

#include "bench-frames.h"
#include "quorum-application.h"
#include "quorum-calendar-page.h"
#include "quorum-window.h"

static gboolean
calendar_on_show (GtkWindow *window)
{
  GtkWidget *page;

  if (!QUORUM_IS_WINDOW (window) ||
      g_strcmp0 (quorum_window_get_visible_page (QUORUM_WINDOW (window)), "calendar") != 0)
    return FALSE;
  page = bench_find_widget (GTK_WIDGET (window), QUORUM_TYPE_CALENDAR_PAGE);
  return page != NULL && gtk_widget_get_mapped (page);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  static gboolean watching;

  if (watching)
    return;
  watching = TRUE;
  bench_watch_window (window, calendar_on_show, "app", GPOINTER_TO_UINT (user_data));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  guint settle_ms = argc > 1 ? (guint)atoi (argv[1]) : 1000;

  bench_init_locale ();

  app = quorum_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb),
                    GUINT_TO_POINTER (settle_ms));

  return g_application_run (G_APPLICATION (app), 1, argv);
}
