/* quorum-screenshot.c: renders every page of the main window to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: quorum-screenshot DIR [WIDTH HEIGHT]
 * Uses the database named by $QUORUM_DB (else the app's own), and the locale
 * of the environment (LANGUAGE=zh_CN for Chinese).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "quorum-test-utils.h"
#include "quorum-window.h"

int
main (int   argc,
      char *argv[])
{
  static const char *pages[] = { "calendar", "obligations", "people", "feeds" };
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  const char *dir;
  int width = 1100;
  int height = 760;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s DIR [WIDTH HEIGHT]\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  if (argc >= 4)
    {
      width = atoi (argv[2]);
      height = atoi (argv[3]);
    }

  if (!gtk_init_check ())
    {
      printf ("No display: run under xvfb-run. Skipped.\n");
      return 77;
    }
  adw_init ();

  g_mkdir_with_parents (dir, 0755);

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  window = quorum_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", pages[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      /* Let layout, CSS and any idle loading settle before drawing. */
      quorum_test_spin (600);
      if (!quorum_test_screenshot_save (GTK_WIDGET (window), dir, name))
        return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
