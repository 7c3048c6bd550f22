/* quorum-calendar-screenshot.c: renders the calendar page to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: quorum-calendar-screenshot DIR TAG
 * Puts a QuorumCalendarPage with about forty sessions of October 2026 in a
 * 1100×760 window and writes DIR/month-TAG-light.png, month-TAG-dark.png and
 * agenda-TAG-light.png. The language comes from the environment
 * (LANGUAGE=zh_CN with QUORUM_LOCALEDIR for Chinese).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "quorum-calendar-page.h"
#include "quorum-fake-calendar.h"
#include "quorum-test-utils.h"

static gboolean
save_png (GtkWidget  *window,
          const char *dir,
          const char *name)
{
  /* Let layout, CSS and transitions settle before drawing. */
  quorum_test_spin (600);
  return quorum_test_screenshot_save (window, dir, name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *name = NULL;
  GtkWidget *window, *box, *header, *page;
  const char *dir, *tag;
  int status;

  if ((status = quorum_test_screenshot_init (argc, argv, &dir, &tag)) != 0)
    return status;

  /* The application loads style.css. */
  app = quorum_test_application ();

  store = quorum_fake_october ();
  today = quorum_fake_date (2026, 10, 21);

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Quorum"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  page = quorum_calendar_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  quorum_calendar_page_set_today (QUORUM_CALENDAR_PAGE (page), today);
  gtk_widget_activate_action (page, "calendar.today", NULL);
  quorum_calendar_page_set_day_info_func (QUORUM_CALENDAR_PAGE (page), quorum_fake_day_info,
                                          NULL, NULL);
  quorum_calendar_page_set_model (QUORUM_CALENDAR_PAGE (page), G_LIST_MODEL (store));
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  g_free (name);
  name = g_strdup_printf ("month-%s-light.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  quorum_calendar_page_set_view_name (QUORUM_CALENDAR_PAGE (page), "agenda");
  g_free (name);
  name = g_strdup_printf ("agenda-%s-light.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  quorum_calendar_page_set_view_name (QUORUM_CALENDAR_PAGE (page), "month");
  g_free (name);
  name = g_strdup_printf ("month-%s-dark.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  quorum_calendar_page_set_view_name (QUORUM_CALENDAR_PAGE (page), "agenda");
  g_free (name);
  name = g_strdup_printf ("agenda-%s-dark.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
