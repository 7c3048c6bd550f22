/* quorum-calendar-screenshot.c: renders the calendar page to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: quorum-calendar-screenshot DIR TAG
 * Puts a QuorumCalendarPage with about forty sessions of October 2026 in a
 * 1100×760 window and writes DIR/month-TAG-light.png, month-TAG-dark.png and
 * agenda-TAG-light.png; then the demo office's October with the filter bar
 * open on one vice mayor, DIR/filtered-TAG-light.png and -dark.png. The
 * language comes from the environment (LANGUAGE=zh_CN with QUORUM_LOCALEDIR
 * for Chinese).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "quorum-calendar-filter-bar.h"
#include "quorum-calendar-page.h"
#include "quorum-demo.h"
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

/* The demo office in a page of its own, filtered on its second leader. */
static gboolean
save_filtered (GtkWidget  *window,
               GtkWidget  *box,
               GtkWidget  *old_page,
               GDateTime  *today,
               const char *dir,
               const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = quorum_test_make_dir ("quorum-shot");
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(QuorumPerson) person = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (21, 10, 2026);
  QuorumDemoOptions options = { .seed = 7, .years = 1, .today = day };
  GtkWidget *page;

  path = g_build_filename (tmp, "demo.db", NULL);
  if (tmp == NULL ||
      !(db = quorum_database_open (path, &error)) ||
      !(store = quorum_store_new (db)) ||
      !quorum_demo_generate (store, &options, NULL, NULL, &error) ||
      !(workdays = quorum_workdays_new_default (&error)) ||
      !(rulebook = quorum_rulebook_new_default (&error)) ||
      !(people = quorum_store_list_people (store, FALSE, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  quorum_store_set_now (store, today);
  person = g_list_model_get_item (people, 1);

  gtk_box_remove (GTK_BOX (box), old_page);
  page = quorum_calendar_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  quorum_calendar_page_set_today (QUORUM_CALENDAR_PAGE (page), today);
  gtk_widget_activate_action (page, "calendar.today", NULL);
  quorum_calendar_page_set_workdays (QUORUM_CALENDAR_PAGE (page), workdays);
  quorum_calendar_page_set_rulebook (QUORUM_CALENDAR_PAGE (page), rulebook);
  quorum_calendar_page_set_store (QUORUM_CALENDAR_PAGE (page), store);
  quorum_calendar_filter_bar_set_person_id (
    QUORUM_CALENDAR_FILTER_BAR (quorum_calendar_page_get_filter_bar (QUORUM_CALENDAR_PAGE (page))),
    quorum_person_get_id (person));
  gtk_box_append (GTK_BOX (box), page);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  name = g_strdup_printf ("filtered-%s-light.png", tag);
  if (!save_png (window, dir, name))
    return FALSE;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (name);
  name = g_strdup_printf ("filtered-%s-dark.png", tag);
  if (!save_png (window, dir, name))
    return FALSE;

  quorum_calendar_page_set_store (QUORUM_CALENDAR_PAGE (page), NULL);
  return TRUE;
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

  if (!save_filtered (window, box, page, today, dir, tag))
    return 1;

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
