/* quorum-obligations-screenshot.c: renders the obligations page to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: quorum-obligations-screenshot DIR TAG
 * Puts a QuorumObligationsPage over the test office (26 November 2026) in a
 * 1100×760 window and writes DIR/obligations-{person,dashboard,charts,
 * rulebook}-TAG-{light,dark}.png. The language comes from the environment
 * (LANGUAGE=zh_CN with QUORUM_LOCALEDIR for Chinese).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "quorum-compliance-summary.h"
#include "quorum-obligations-page.h"
#include "quorum-test-office.h"
#include "quorum-test-utils.h"

static QuorumObligationsPage *page;

static gboolean
idle_cb (gpointer data)
{
  return !quorum_person_view_get_busy (quorum_obligations_page_get_person_view (page)) &&
         !quorum_dashboard_get_busy (quorum_obligations_page_get_dashboard (page)) &&
         !quorum_charts_view_get_busy (quorum_obligations_page_get_charts_view (page));
}

static gboolean
save_png (GtkWidget  *window,
          const char *dir,
          const char *tab,
          const char *tag,
          const char *style)
{
  g_autofree char *name = g_strdup_printf ("obligations-%s-%s-%s.png", tab, tag, style);

  quorum_test_spin (300);
  quorum_test_wait_for (idle_cb, NULL, 10000);
  /* Let layout, CSS and transitions settle before drawing. */
  quorum_test_spin (500);
  return quorum_test_screenshot_save (window, dir, name);
}

int
main (int   argc,
      char *argv[])
{
  static const char *tabs[][2] = {
    { "mine", "person" }, { "dashboard", "dashboard" }, { "charts", "charts" }, { "rulebook", "rulebook" },
  };
  static const char *styles[] = { "light", "dark" };
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  QuorumTestOffice office;
  GtkWidget *window;
  const char *dir, *tag;
  int status;

  if ((status = quorum_test_screenshot_init (argc, argv, &dir, &tag)) != 0)
    return status;

  /* The application loads style.css. */
  app = quorum_test_application ();

  tmp = quorum_test_make_dir ("quorum-obligations");
  db = g_build_filename (tmp, "office.db", NULL);
  store = quorum_test_office_open (db, &office);
  rulebook = quorum_store_load_rulebook (store, &error);
  g_assert_no_error (error);
  workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  page = g_object_new (QUORUM_TYPE_OBLIGATIONS_PAGE, NULL);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  g_object_set (page, "workdays", workdays, "rulebook", rulebook, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (300);
  quorum_test_wait_for (idle_cb, NULL, 10000);
  quorum_person_view_set_person (quorum_obligations_page_get_person_view (page), office.li);

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                 : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
        {
          quorum_obligations_page_show (page, tabs[t][0]);
          if (!save_png (window, dir, tabs[t][1], tag, styles[s]))
            return 1;
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (db);
  g_rmdir (tmp);
  return 0;
}
