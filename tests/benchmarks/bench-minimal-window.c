/* bench-minimal-window.c: the baseline of figures 1 and 6
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-minimal-window [SETTLE-MS]
 *
 * The least a GTK 4 + libadwaita app does: an AdwApplication that presents
 * an AdwApplicationWindow of Quorum's default size with a header bar and a
 * label. Measured exactly like bench-startup (see bench-frames.c).
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-frames.h"

static gboolean
always_ready (GtkWindow *window)
{
  return TRUE;
}

static void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Quorum");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  bench_watch_window (GTK_WINDOW (window), always_ready, "minimal", GPOINTER_TO_UINT (user_data));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  guint settle_ms = argc > 1 ? (guint)atoi (argv[1]) : 1000;

  setlocale (LC_ALL, "");
  app = adw_application_new ("io.github.quorumapp.BenchMinimal", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), GUINT_TO_POINTER (settle_ms));

  return g_application_run (G_APPLICATION (app), 1, argv);
}
