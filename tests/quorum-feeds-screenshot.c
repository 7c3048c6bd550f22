/* quorum-feeds-screenshot.c: renders the Feeds page to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: quorum-feeds-screenshot DIR TAG
 * Puts a QuorumFeedsPage over a small office in a 1100×760 window, serves
 * the feeds on loopback, opens one person's row and writes
 * DIR/feeds-TAG-light.png (the top of the page), feeds-TAG-qr-light.png and
 * feeds-TAG-qr-dark.png (the open row with its QR code), feeds-TAG-bottom-light.png
 * (publishing, export and import) and
 * export-TAG-light.png (the export dialog). The language comes from the
 * environment (LANGUAGE=zh_CN with QUORUM_LOCALEDIR for Chinese).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "quorum-feeds-page.h"
#include "quorum-test-utils.h"

static const struct
{
  const char *name;
  const char *title;
} people[] = {
  { "张伟", "市长" },
  { "王芳", "常务副市长" },
  { "李强", "副市长" },
  { "刘洋", "副市长" },
  { "陈静", "秘书长" },
  { "杨磊", "副秘书长" },
};

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
save_png (GtkWidget  *window,
          const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  /* A loaded machine (or a sanitizer build) can take a while to map the
   * window; then let layout, CSS and transitions settle before drawing. */
  quorum_test_wait_for (is_drawn, window, 20000);
  quorum_test_spin (700);

  if (!quorum_test_save_png (window, path, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  printf ("%s\n", path);
  return TRUE;
}

static QuorumStore *
make_store (const char *dir,
            const char *tag)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *name = g_strdup_printf ("feeds-%s.db", tag);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 1, 5, 9, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new ("市政府常务会议", start);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  if (!(db = quorum_database_open (path, &error)))
    g_error ("%s", error->message);
  store = quorum_store_new (db);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(QuorumPerson) person = quorum_person_new (people[i].name, people[i].title, i + 1);

      quorum_store_add_person (store, person, &error);
    }
  quorum_series_set_rrule (series, "FREQ=WEEKLY");
  quorum_store_add_series (store, series, &error);
  g_assert_no_error (error);
  return store;
}

/* Scrolls the page so that @widget sits near the top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkScrolledWindow *scroller =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (scroller);
  double x = 0, y = 0;

  quorum_test_spin (300);
  gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y);
  gtk_adjustment_set_value (adjustment, y - 60);
}

static void
scroll_to_end (GtkWidget *widget)
{
  GtkScrolledWindow *scroller =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumPerson) second = NULL;
  g_autofree char *name = NULL;
  GListModel *toplevels;
  GtkWidget *window, *box, *header, *page;
  QuorumFeedRow *row;
  const char *dir, *tag;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 3)
    {
      fprintf (stderr, "Usage: %s DIR TAG\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  tag = argv[2];

  if (!gtk_init_check ())
    {
      printf ("No display: run under xvfb-run. Skipped.\n");
      return 77;
    }
  adw_init ();
  g_mkdir_with_parents (dir, 0755);

  /* The application loads style.css. */
  app = quorum_test_application ();
  store = make_store (dir, tag);

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "feed-bind-address", "127.0.0.1");
  /* The languages are drawn in parallel: one port each. */
  g_settings_set_int (settings, "feed-port", g_str_equal (tag, "zh_CN") ? 8739 : 8740);
  g_settings_set_boolean (settings, "feed-server-enabled", TRUE);

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Quorum"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  page = quorum_feeds_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  quorum_feeds_page_set_store (QUORUM_FEEDS_PAGE (page), store);
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  g_free (name);
  name = g_strdup_printf ("feeds-%s-light.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  list = quorum_store_list_people (store, FALSE, NULL);
  second = g_list_model_get_item (list, 1);
  row = quorum_feeds_page_get_row (QUORUM_FEEDS_PAGE (page), quorum_person_get_id (second));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  scroll_to (GTK_WIDGET (row));
  g_free (name);
  name = g_strdup_printf ("feeds-%s-qr-light.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (name);
  name = g_strdup_printf ("feeds-%s-qr-dark.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  scroll_to_end (GTK_WIDGET (row));
  g_free (name);
  name = g_strdup_printf ("feeds-%s-bottom-light.png", tag);
  if (!save_png (window, dir, name))
    return 1;

  gtk_widget_activate_action (page, "feeds.export", NULL);
  quorum_test_spin (300);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (top), "QuorumExportDialog"))
        {
          g_free (name);
          name = g_strdup_printf ("export-%s-light.png", tag);
          if (!save_png (top, dir, name))
            return 1;
          gtk_window_destroy (GTK_WINDOW (top));
          break;
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_boolean (settings, "feed-server-enabled", FALSE);

  return 0;
}
