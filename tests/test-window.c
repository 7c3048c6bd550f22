/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "quorum-calendar-page.h"
#include "quorum-compliance-summary.h"
#include "quorum-feeds-page.h"
#include "quorum-obligations-page.h"
#include "quorum-people-page.h"
#include "quorum-test-utils.h"
#include "quorum-welcome-page.h"
#include "quorum-window.h"

/* The page widget of @name under @window, or %NULL when it was not made. */
static GtkWidget *
find_page (QuorumWindow *window,
           const char   *name)
{
  GType type = g_str_equal (name, "obligations") ? QUORUM_TYPE_OBLIGATIONS_PAGE
               : g_str_equal (name, "people") ? QUORUM_TYPE_PEOPLE_PAGE
               : QUORUM_TYPE_FEEDS_PAGE;

  return quorum_test_find_widget (GTK_WIDGET (window), type);
}

static void
test_window_pages (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  static const char *pages[] = { "obligations", "people", "feeds", "calendar" };
  QuorumWindow *window;

  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (quorum_window_get_visible_page (window), ==, "calendar");

  /* Only the page on show is made at start-up. */
  for (guint i = 0; i < G_N_ELEMENTS (pages) - 1; i++)
    g_assert_null (find_page (window, pages[i]));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *last_page = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 pages[i]));
      g_assert_cmpstr (quorum_window_get_visible_page (window), ==, pages[i]);

      /* Shown, the page is made and has the app's store. */
      if (i < G_N_ELEMENTS (pages) - 1)
        {
          g_autoptr(QuorumStore) store = NULL;
          GtkWidget *page = find_page (window, pages[i]);

          g_assert_nonnull (page);
          g_object_get (page, "store", &store, NULL);
          g_assert_true (store == quorum_application_get_store (app));
        }

      /* The page is remembered for the next start. */
      last_page = g_settings_get_string (settings, "last-page");
      g_assert_cmpstr (last_page, ==, pages[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window is made when asked for (Ctrl+?), not at start-up. */
static void
test_window_shortcuts (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  QuorumWindow *window;

  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closed, it is hidden and shown again, not made twice. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The welcome page is for a database nobody has started with: any
 * rulebook, person or series stored, and it is not. */
static void
test_window_welcome_needed (void)
{
  enum { NOTHING, RULEBOOK, PERSON, SERIES };

  for (guint what = NOTHING; what <= SERIES; what++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
      g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 6, 1, 9, 0, 0);
      g_autofree char *dir = quorum_test_make_dir ("quorum-welcome");
      g_autofree char *path = g_build_filename (dir, "office.db", NULL);
      g_autoptr(QuorumDatabase) db = NULL;
      g_autoptr(QuorumStore) store = NULL;
      g_autoptr(GError) error = NULL;

      db = quorum_database_open (path, &error);
      g_assert_no_error (error);
      store = quorum_store_new (db);
      if (what == RULEBOOK)
        {
          g_autoptr(QuorumRulebook) rulebook = quorum_store_load_rulebook (store, &error);
          g_autofree char *text = NULL;

          g_assert_no_error (error);
          text = quorum_rulebook_to_data (rulebook, NULL);
          g_assert_true (quorum_store_set_rulebook_data (store, text, &error));
        }
      else if (what == PERSON)
        {
          g_autoptr(QuorumPerson) person = quorum_person_new ("孙明", "市长", 1);

          g_assert_cmpint (quorum_store_add_person (store, person, &error), >, 0);
        }
      else if (what == SERIES)
        {
          g_autoptr(QuorumSeries) series = quorum_series_new ("理论学习", start);

          g_assert_cmpint (quorum_store_add_series (store, series, &error), >, 0);
        }
      g_assert_no_error (error);

      g_assert_cmpint (quorum_welcome_page_is_needed (store), ==, what == NOTHING);

      g_clear_object (&store);
      g_clear_object (&db);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i],
                                               NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }
}

/* The main menu's popover is made when it first opens, with the menu. */
static void
test_window_primary_menu (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  QuorumWindow *window = quorum_window_new (app);
  GtkMenuButton *button;
  GMenuModel *menu;
  GtkPopover *popover;

  gtk_window_present (GTK_WINDOW (window));
  button = GTK_MENU_BUTTON (quorum_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_true (gtk_menu_button_get_primary (button));
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_nonnull (menu);
  g_assert_true (menu == gtk_menu_button_get_menu_model (button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
  gtk_menu_button_popdown (button);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_restores_page (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  QuorumWindow *window;

  g_settings_set_string (settings, "last-page", "people");

  window = quorum_window_new (app);
  g_assert_cmpstr (quorum_window_get_visible_page (window), ==, "people");
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "last-page");
}

static void
test_window_unknown_page (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(QuorumApplication) app = quorum_test_application ();
      QuorumWindow *window = quorum_window_new (app);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "nowhere");
      return;
    }

  quorum_test_trap_subprocess (G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*No page named*nowhere*");
}

static void
test_window_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(QuorumApplication) app = NULL;
      QuorumWindow *window;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        {
          g_test_skip ("The zh_CN.UTF-8 locale is not installed (build-aux/setup makes it)");
          return;
        }
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      app = quorum_test_application ();
      window = quorum_window_new (app);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "履职日历");
      g_assert_cmpstr (_("Calendar"), ==, "日历");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  quorum_test_trap_subprocess (G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

static void
test_window_open_occurrence (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  QuorumStore *store = quorum_application_get_store (app);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 11, 20, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2026, 11, 21, 0, 0, 0);
  g_autoptr(QuorumSeries) series = quorum_series_new ("全市经济运行分析研判会", start);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(QuorumOccurrence) occ = NULL;
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  gboolean found = FALSE;

  g_assert_nonnull (store);
  quorum_store_add_series (store, series, &error);
  g_assert_no_error (error);
  list = quorum_store_list_occurrences (store, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  occ = g_list_model_get_item (list, 0);

  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* What the calendar page does when an event is activated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-occurrence", "x",
                                             quorum_occurrence_get_id (occ)));

  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

        if (g_str_equal (G_OBJECT_TYPE_NAME (top), "QuorumOccurrenceWindow"))
          {
            found = TRUE;
            g_assert_true (gtk_window_get_transient_for (top) == GTK_WINDOW (window));
            gtk_window_destroy (top);
            break;
          }
      }
  }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (top), type_name))
        return top;
    }

  return NULL;
}

static void
test_window_new_series (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  QuorumWindow *window = quorum_window_new (app);
  GtkWindow *editor;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_toplevel ("QuorumSeriesEditor"));

  /* Ctrl+N and the calendar's + button both use this action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-series", NULL));
  editor = find_toplevel ("QuorumSeriesEditor");
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (window));

  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the header bar shows the window's title rather than the page
 * switcher. */
static gboolean
title_shown (QuorumWindow *window)
{
  GtkWidget *title = quorum_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  GtkWidget *squeezer = gtk_widget_get_ancestor (title, ADW_TYPE_SQUEEZER);

  g_assert_nonnull (squeezer);
  return adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == title;
}

/* On a new, empty database the welcome page stands alone: no page
 * switcher over it, at the top or at the bottom of a narrow window. */
static void
test_window_welcome_hides_switchers (void)
{
  g_autoptr(QuorumApplication) app = NULL;
  const int widths[] = { 1100, 360 };
  QuorumWindow *window;
  GtkWidget *bar;

  /* In a child process: a fresh application over a fresh, empty database. */
  if (!g_test_subprocess ())
    {
      quorum_test_trap_subprocess (G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  app = quorum_test_application ();
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      window = quorum_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 600);
      gtk_window_present (GTK_WINDOW (window));
      quorum_test_spin (200);

      /* The title stands in for the page switcher at the top, however
       * wide the window... */
      g_assert_true (title_shown (window));

      /* ...and, never needed, the bottom switcher is not even made. */
      bar = quorum_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
      g_assert_true (bar == NULL || !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* A wide window has only the title's switcher; a narrow one over the pages
 * gets the bottom one. */
static void
test_window_switcher_bar (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  const int widths[] = { 1100, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      QuorumWindow *window = quorum_window_new (app);
      GtkWidget *bar;

      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 600);
      gtk_window_present (GTK_WINDOW (window));
      quorum_test_spin (300);
      g_assert_cmpstr (quorum_window_get_visible_page (window), ==, "calendar");

      bar = quorum_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
      if (widths[i] > 600)
        {
          g_assert_null (bar);
          g_assert_false (title_shown (window));
        }
      else
        {
          g_assert_nonnull (bar);
          g_assert_true (title_shown (window));
          g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
          g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) != NULL);
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* Another program's writes make the app read the rulebook again only when
 * they changed it: a new rulebook makes every page reload all it shows. */
static void
test_window_external_rulebook (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  QuorumStore *store = quorum_application_get_store (app);
  const char *path = quorum_database_get_path (quorum_store_get_database (store));
  g_autoptr(QuorumDatabase) other_db = NULL;
  g_autoptr(QuorumStore) other = NULL;
  g_autoptr(QuorumRulebook) bundled = NULL;
  g_autoptr(QuorumUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *data = NULL;
  QuorumRulebook *before;
  guint n_changed = 0;

  g_signal_connect_swapped (app, "rulebook-changed", G_CALLBACK (count_cb), &n_changed);
  other_db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  other = quorum_store_new (other_db);
  quorum_store_poll_external_changes (store);
  before = quorum_application_get_rulebook (app);

  /* Not the rulebook: the same one stays in force. */
  unit = quorum_unit_new ("市审计局", "department");
  g_assert_cmpint (quorum_store_add_unit (other, unit, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (quorum_store_poll_external_changes (store));
  g_assert_true (quorum_application_get_rulebook (app) == before);
  g_assert_cmpuint (n_changed, ==, 0);

  /* The rulebook, edited elsewhere: read again. */
  bundled = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  data = quorum_rulebook_to_data (bundled, NULL);
  edited = g_string_new (data);
  g_string_append (edited, "\n# Edited by another program\n");
  g_assert_true (quorum_store_set_rulebook_data (other, edited->str, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_poll_external_changes (store));
  g_assert_true (quorum_application_get_rulebook (app) != before);
  g_assert_cmpuint (n_changed, ==, 1);

  g_signal_handlers_disconnect_by_func (app, count_cb, &n_changed);
}

/* ---- The frame drawn without a compositor -------------------------------- */

static gboolean
is_window_sized_inset_shadow (GskRenderNode *node,
                              gpointer       data)
{
  const graphene_size_t *window = data;
  graphene_rect_t bounds;

  if (gsk_render_node_get_node_type (node) != GSK_INSET_SHADOW_NODE)
    return FALSE;
  gsk_render_node_get_bounds (node, &bounds);
  return bounds.size.width >= window->width / 2 && bounds.size.height >= window->height / 2;
}

typedef struct
{
  int x, y;     /* the first pixel */
  int dx, dy;   /* the step to the next */
  int n;
} FrameRun;

/* The pixels of the frame of @window: its outer five pixels (the content
 * starts at the sixth) across each edge, at the middle of the left, right
 * and bottom edges and along the diagonals of the bottom corners; the top
 * edge's first four (the header bar starts at the fifth). */
static GByteArray *
frame_pixels (GtkWidget *window)
{
  g_autoptr(GdkTexture) texture = quorum_test_render_window (window);
  g_autofree guchar *pixels = NULL;
  GByteArray *frame = g_byte_array_new ();
  int width, height;
  gsize stride;
  FrameRun runs[6];

  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize)width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  runs[0] = (FrameRun) { 0, height / 2, 1, 0, 5 };           /* left */
  runs[1] = (FrameRun) { width - 1, height / 2, -1, 0, 5 };   /* right */
  runs[2] = (FrameRun) { width / 2, height - 1, 0, -1, 5 };   /* bottom */
  runs[3] = (FrameRun) { width / 2, 0, 0, 1, 4 };             /* top */
  runs[4] = (FrameRun) { 0, height - 1, 1, -1, 5 };          /* bottom left */
  runs[5] = (FrameRun) { width - 1, height - 1, -1, -1, 5 }; /* bottom right */
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    for (int i = 0; i < runs[r].n; i++)
      {
        int x = runs[r].x + i * runs[r].dx;
        int y = runs[r].y + i * runs[r].dy;

        g_byte_array_append (frame, pixels + y * stride + x * 4, 4);
      }
  return frame;
}

static void
assert_same_frame (GByteArray *ours,
                   GByteArray *theirs,
                   const char *style)
{
  g_test_message ("frame in the %s%s style", style,
                  adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
                    ? ", high-contrast" : "");
  for (guint i = 0; i + 4 <= ours->len && i + 4 <= theirs->len; i += 4)
    if (memcmp (ours->data + i, theirs->data + i, 4) != 0)
      g_test_message ("pixel %u: B G R A %u %u %u %u, libadwaita's %u %u %u %u", i / 4,
                      ours->data[i], ours->data[i + 1], ours->data[i + 2], ours->data[i + 3],
                      theirs->data[i], theirs->data[i + 1], theirs->data[i + 2], theirs->data[i + 3]);
  g_assert_cmpmem (ours->data, ours->len, theirs->data, theirs->len);
}

static void
on_parsing_error_cb (GtkCssProvider *provider,
                     GtkCssSection  *section,
                     const GError   *error,
                     gpointer        data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_error ("%s: %s: %s", (const char *)data, where, error->message);
}

/* A window as small as libadwaita makes them: a header bar and a label. */
static GtkWidget *
plain_window (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), gtk_label_new ("Plain"));
  adw_window_set_content (ADW_WINDOW (window), content);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  return window;
}

static GtkWidget *
window_content (GtkWidget *window)
{
  return ADW_IS_APPLICATION_WINDOW (window)
           ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
           : adw_window_get_content (ADW_WINDOW (window));
}

/* Where the content is: its offset, and the window's size less its own. */
typedef struct
{
  float x, y, extra_width, extra_height;
} ContentPlace;

/* Draws @window in the light and dark styles, focused or not: its frame's
 * pixels go in @frames, four of them, and where its content is in @place.
 * Fails if the frame is drawn with a window-sized inset shadow and
 * @no_shadow is set. */
static void
draw_frames (GtkWidget    *window,
             GByteArray   *frames[4],
             ContentPlace *place,
             gboolean      no_shadow)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  graphene_size_t size;
  int width, height;

  node = quorum_test_draw_window (window, &width, &height);
  g_assert_nonnull (node);
  size = GRAPHENE_SIZE_INIT (width, height);
  if (no_shadow)
    g_assert_null (quorum_test_find_node (node, is_window_sized_inset_shadow, &size));
  else
    g_assert_nonnull (quorum_test_find_node (node, is_window_sized_inset_shadow, &size));

  g_assert_true (gtk_widget_compute_bounds (window_content (window), window, &bounds));
  *place = (ContentPlace) { bounds.origin.x, bounds.origin.y, width - bounds.size.width,
                            height - bounds.size.height };

  for (guint i = 0; i < 4; i++)
    {
      gboolean dark = i >= 2, backdrop = i % 2;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      if (backdrop)
        gtk_widget_set_state_flags (window, GTK_STATE_FLAG_BACKDROP, FALSE);
      quorum_test_spin (100);
      frames[i] = frame_pixels (window);
      gtk_widget_unset_state_flags (window, GTK_STATE_FLAG_BACKDROP);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
window_frame (void)
{
  static const char *styles[] = { "light", "light, unfocused", "dark", "dark, unfocused" };
  static const char *sheets[] = { RESOURCE_BASE_PATH "/style.css",
                                  RESOURCE_BASE_PATH "/style-hc.css" };
  g_autoptr(QuorumApplication) app = NULL;
  GByteArray *theirs[4];
  ContentPlace their_place;
  GtkWidget *window;

  /* libadwaita's own frame, drawn before Quorum's style sheet is loaded. */
  window = plain_window ();
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (300);
  g_assert_true (gtk_widget_has_css_class (window, "solid-csd"));
  draw_frames (window, theirs, &their_place, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Both style sheets parse. */
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      g_signal_connect (css, "parsing-error", G_CALLBACK (on_parsing_error_cb), (gpointer)sheets[i]);
      gtk_css_provider_load_from_resource (css, sheets[i]);
    }

  /* With it (the application loads it), the main window and the others. */
  app = quorum_test_application ();
  for (guint w = 0; w < 2; w++)
    {
      GByteArray *ours[4];
      ContentPlace our_place;

      window = w == 0 ? GTK_WIDGET (quorum_window_new (app)) : plain_window ();
      gtk_window_present (GTK_WINDOW (window));
      quorum_test_spin (300);
      g_assert_true (gtk_widget_has_css_class (window, "solid-csd"));
      g_test_message ("%s", w == 0 ? "the main window" : "another window");

      draw_frames (window, ours, &our_place, TRUE);
      g_assert_cmpmem (&our_place, sizeof our_place, &their_place, sizeof their_place);
      for (guint i = 0; i < 4; i++)
        {
          assert_same_frame (ours[i], theirs[i], styles[i]);
          g_byte_array_unref (ours[i]);
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }

  for (guint i = 0; i < 4; i++)
    g_byte_array_unref (theirs[i]);
}

/* libadwaita frames a window without a compositor (Xvfb has none) with
 * three inset shadows the size of the window, which GTK's GL renderer
 * fills whole on every frame. Quorum's windows draw the same pixels with a
 * border, an outline and plain backgrounds, and lay their content out in
 * the same place. In a process of its own, to draw libadwaita's frame
 * before the application's style sheet is loaded. */
static void
test_window_frame (void)
{
  GtkWidget *window;
  gboolean framed;

  if (g_test_subprocess ())
    {
      window_frame ();
      return;
    }

  window = plain_window ();
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (100);
  framed = gtk_widget_has_css_class (window, "solid-csd");
  gtk_window_destroy (GTK_WINDOW (window));
  if (!framed)
    {
      g_test_skip ("the display has a compositor: windows are not framed without one");
      return;
    }

  quorum_test_trap_subprocess (G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

/* The page's store, held by the application too. */
static QuorumStore *
page_store (gpointer page)
{
  g_autoptr(QuorumStore) store = NULL;

  g_object_get (page, "store", &store, NULL);
  return store;
}

static gboolean
calendar_has_store (gpointer data)
{
  return page_store (quorum_test_find_widget (data, QUORUM_TYPE_CALENDAR_PAGE)) != NULL;
}

/* The calendar, made with the window, is first painted as it is and gets
 * the store (and lays out the month's events) in the next frame; going to
 * another page before then gives it the store at once. */
static void
test_window_calendar_next_frame (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  QuorumCalendarPage *page;
  QuorumWindow *window;

  /* Past the welcome page, which a new database shows over the pages. */
  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  if (quorum_welcome_page_is_needed (quorum_application_get_store (app)))
    g_assert_true (gtk_widget_activate_action (
      quorum_test_find_widget (GTK_WIDGET (window), QUORUM_TYPE_WELCOME_PAGE), "welcome.setup", NULL));
  g_assert_false (quorum_welcome_page_is_needed (quorum_application_get_store (app)));
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint round = 0; round < 2; round++)
    {
      g_settings_set_string (settings, "last-page", "people");
      window = quorum_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      quorum_test_spin (100);
      page = QUORUM_CALENDAR_PAGE (quorum_test_find_widget (GTK_WIDGET (window),
                                                            QUORUM_TYPE_CALENDAR_PAGE));
      g_assert_nonnull (page);
      g_assert_null (page_store (page));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 "calendar"));
      g_assert_null (page_store (page));
      if (round == 0)
        {
          g_assert_true (quorum_test_wait_for (calendar_has_store, window, 5000));
        }
      else
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                     "people"));
          g_assert_true (calendar_has_store (window));
        }
      g_assert_true (page_store (page) == quorum_application_get_store (app));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window/pages", test_window_pages);
  g_test_add_func ("/ui/window/restores-page", test_window_restores_page);
  g_test_add_func ("/ui/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/ui/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/ui/window/welcome-needed", test_window_welcome_needed);
  g_test_add_func ("/ui/window/unknown-page", test_window_unknown_page);
  g_test_add_func ("/ui/window/chinese", test_window_chinese);
  g_test_add_func ("/ui/window/open-occurrence", test_window_open_occurrence);
  g_test_add_func ("/ui/window/new-series", test_window_new_series);
  g_test_add_func ("/ui/window/welcome-hides-switchers", test_window_welcome_hides_switchers);
  g_test_add_func ("/ui/window/switcher-bar", test_window_switcher_bar);
  g_test_add_func ("/ui/window/external-rulebook", test_window_external_rulebook);
  g_test_add_func ("/ui/window/frame", test_window_frame);
  /* Last: it sets the database up, past the welcome page. */
  g_test_add_func ("/ui/window/calendar-next-frame", test_window_calendar_next_frame);

  return g_test_run ();
}
