/* quorum-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-calendar-page.h"
#include "quorum-month-view.h"
#include "quorum-series-editor.h"
#include "quorum-feeds-page.h"
#include "quorum-gui-utils.h"
#include "quorum-leave-window.h"
#include "quorum-makeups-window.h"
#include "quorum-occurrence-window.h"
#include "quorum-obligations-page.h"
#include "quorum-people-page.h"
#include "quorum-welcome-page.h"
#include "quorum-recovery-page.h"
#include "quorum-window.h"

struct _QuorumWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  QuorumCalendarPage   *calendar_page;
  AdwSqueezer          *title_squeezer;
  AdwSqueezerPage      *switcher_page;
  AdwWindowTitle       *window_title;
  GtkWidget            *content_box;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  /* Made the first time the window is narrow: most windows never are. */
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *demo_box;
  GtkInfoBar           *audit_bar;
  GtkLabel             *audit_label;

  /* The pages (bits by index in pages[]) that have been on show and so
   * hold the app's models; the others get them when first shown. */
  guint                 pages_given;
  /* A page made before it was first shown gets its models a frame late. */
  guint                 models_tick;
  guint                 models_page;
};

G_DEFINE_FINAL_TYPE (QuorumWindow, quorum_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const pages[] = { "calendar", "obligations", "people", "feeds" };

static int
page_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i], name) == 0)
      return (int)i;

  return -1;
}

static gboolean
is_known_page (const char *name)
{
  return page_index (name) >= 0;
}

/* The widget of page @index. The pages other than the calendar wait as an
 * empty AdwBin in the template and are made the first time they are
 * needed (shown, or asked for an action): start-up builds only the page
 * on show. */
static GtkWidget *
ensure_page (QuorumWindow *self,
             guint         index)
{
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->view_stack, pages[index]);
  GtkApplication *app;
  GtkWidget *page;
  GType type;

  if (G_OBJECT_TYPE (slot) != ADW_TYPE_BIN)
    return slot;
  if ((page = adw_bin_get_child (ADW_BIN (slot))) != NULL)
    return page;

  if (g_strcmp0 (pages[index], "obligations") == 0)
    type = QUORUM_TYPE_OBLIGATIONS_PAGE;
  else if (g_strcmp0 (pages[index], "people") == 0)
    type = QUORUM_TYPE_PEOPLE_PAGE;
  else
    type = QUORUM_TYPE_FEEDS_PAGE;
  page = g_object_new (type, NULL);
  adw_bin_set_child (ADW_BIN (slot), page);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (QUORUM_IS_FEEDS_PAGE (page) && QUORUM_IS_APPLICATION (app))
    quorum_feeds_page_set_caldav_controller (
      QUORUM_FEEDS_PAGE (page), quorum_application_get_caldav_controller (QUORUM_APPLICATION (app)));

  return page;
}

/* The widget of page @index when it was made, else %NULL. */
static GtkWidget *
get_page_if_made (QuorumWindow *self,
                  guint         index)
{
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->view_stack, pages[index]);

  return G_OBJECT_TYPE (slot) == ADW_TYPE_BIN ? adw_bin_get_child (ADW_BIN (slot)) : slot;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (!is_known_page (name))
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (param, NULL)));
}

/* The leave and make-up windows need the store: none without a database. */
static void
open_attendance_window_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  QuorumStore *store = QUORUM_IS_APPLICATION (app)
                       ? quorum_application_get_store (QUORUM_APPLICATION (app)) : NULL;
  GtkWindow *window;

  if (store == NULL)
    return;
  if (g_strcmp0 (action_name, "win.leave") == 0)
    window = GTK_WINDOW (quorum_leave_window_new (store));
  else
    window = GTK_WINDOW (quorum_makeups_window_new (store));
  gtk_window_set_transient_for (window, GTK_WINDOW (widget));
  gtk_window_present (window);
}

/* Opens one occurrence for the roll call, minutes and printing; any page
 * can ask with the action's id. */
static void
open_occurrence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  QuorumApplication *qapp = QUORUM_IS_APPLICATION (app) ? QUORUM_APPLICATION (app) : NULL;
  QuorumOccurrenceWindow *window;

  if (qapp == NULL || quorum_application_get_store (qapp) == NULL)
    return;

  window = quorum_occurrence_window_new (quorum_application_get_store (qapp),
                                         quorum_application_get_workdays (qapp),
                                         quorum_application_get_rulebook (qapp),
                                         g_variant_get_int64 (param));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (window));
}

/* Ctrl+N anywhere, and the calendar page's own shortcut: the duty-first
 * series editor, starting from the day selected in the calendar. */
static void
new_series_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  QuorumApplication *qapp = QUORUM_IS_APPLICATION (app) ? QUORUM_APPLICATION (app) : NULL;
  GDate initial;
  GDateTime *day = NULL;

  if (qapp == NULL || quorum_application_get_store (qapp) == NULL)
    return;

  g_date_clear (&initial, 1);
  day = quorum_month_view_get_date (QUORUM_MONTH_VIEW (
          quorum_calendar_page_get_month_view (self->calendar_page)));
  if (day != NULL)
    g_date_set_dmy (&initial, g_date_time_get_day_of_month (day),
                    g_date_time_get_month (day), g_date_time_get_year (day));
  else
    g_date_set_time_t (&initial, time (NULL));

  quorum_series_editor_present_new (GTK_WINDOW (self), quorum_application_get_store (qapp),
                                    quorum_application_get_rulebook (qapp),
                                    quorum_application_get_workdays (qapp), &initial);
}

/* The feeds page owns exporting: show it, then its dialog. */
static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "feeds");
  gtk_widget_activate_action (ensure_page (self, page_index ("feeds")), "feeds.export", NULL);
}

static void
on_calendar_page_occurrence_activated_cb (QuorumWindow     *self,
                                          QuorumOccurrence *occurrence,
                                          GtkWidget        *page)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-occurrence", "x",
                              quorum_occurrence_get_id (occurrence));
}

static void
set_if_property (GObject    *object,
                 const char *name,
                 gpointer    value)
{
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), name) != NULL)
    g_object_set (object, name, value, NULL);
}

static void
give_page_models (GtkWidget         *child,
                  QuorumApplication *app)
{
  set_if_property (G_OBJECT (child), "workdays", quorum_application_get_workdays (app));
  set_if_property (G_OBJECT (child), "rulebook", quorum_application_get_rulebook (app));
  set_if_property (G_OBJECT (child), "store", quorum_application_get_store (app));
}

static gboolean
models_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->models_tick = 0;
  if (QUORUM_IS_APPLICATION (app))
    give_page_models (ensure_page (self, self->models_page), QUORUM_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
give_models_now (QuorumWindow *self)
{
  if (self->models_tick == 0)
    return;
  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->models_tick);
  models_tick_cb (GTK_WIDGET (self), NULL, NULL);
}

static void
on_view_stack_visible_child_name_cb (QuorumWindow *self,
                                     GParamSpec   *pspec,
                                     AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  int index = page_index (name);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-page", name);

  if (index < 0)
    return;

  /* First time on show: the page is made, and gets the app's models. A
   * page that was made before (the calendar, in the template) has its
   * frame laid out already: it is painted first, and gets the models and
   * lays out their contents in the next frame, not all in one. */
  give_models_now (self);
  if (!(self->pages_given & (1u << index)) && QUORUM_IS_APPLICATION (app))
    {
      GtkWidget *made = get_page_if_made (self, index);

      self->pages_given |= 1u << index;
      if (made != NULL && gtk_widget_get_mapped (made))
        {
          self->models_page = index;
          self->models_tick = quorum_add_tick_callback_after_paint (GTK_WIDGET (self),
                                                                    models_tick_cb, NULL, NULL);
        }
      else
        {
          give_page_models (ensure_page (self, index), QUORUM_APPLICATION (app));
        }
    }
  ensure_page (self, index);
}

/* The bottom switcher stands in for the title's when the window is narrow,
 * and only over the pages: never over the welcome or recovery page. */
static void
update_switcher_bar (QuorumWindow *self)
{
  gboolean on_pages = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") == 0;
  gboolean reveal = on_pages && adw_squeezer_get_visible_child (self->title_squeezer) ==
                                GTK_WIDGET (self->window_title);

  /* Four more page buttons, each with two layouts: a tenth of the widgets
   * of the first frame, for a bar most windows never show. */
  if (reveal && self->switcher_bar == NULL)
    {
      self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      gtk_box_append (GTK_BOX (self->content_box), GTK_WIDGET (self->switcher_bar));
    }
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

static void
restore_state (QuorumWindow *self)
{
  g_autofree char *last_page = g_settings_get_string (self->settings, "last-page");

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  if (is_known_page (last_page))
    adw_view_stack_set_visible_child_name (self->view_stack, last_page);
}

static void on_welcome_finished_cb (QuorumWindow *self);
static void on_recovery_page_recovered_cb (QuorumWindow       *self,
                                           const char         *moved_aside,
                                           QuorumRecoveryPage *page);

/* The welcome page (a new database) or the recovery page (one that does
 * not open), made the first time it is shown: start-up with a database
 * that opens builds and lays out neither. */
static GtkWidget *
ensure_main_page (QuorumWindow *self,
                  const char   *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->main_stack, name);

  if (page != NULL)
    return page;

  if (g_strcmp0 (name, "welcome") == 0)
    {
      page = g_object_new (QUORUM_TYPE_WELCOME_PAGE, NULL);
      g_signal_connect_object (page, "finished", G_CALLBACK (on_welcome_finished_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      page = g_object_new (QUORUM_TYPE_RECOVERY_PAGE, NULL);
      g_signal_connect_object (page, "recovered", G_CALLBACK (on_recovery_page_recovered_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_stack_add_named (self->main_stack, page, name);
  return page;
}

static void
show_database_state (QuorumWindow      *self,
                     QuorumApplication *app)
{
  const GError *error = quorum_application_get_database_error (app);
  gboolean demo = quorum_application_is_demo (app);

  /* The demo office says so, and offers the way back. */
  adw_window_title_set_subtitle (self->window_title, demo ? _("Demo Office") : NULL);
  gtk_widget_set_visible (self->demo_box, demo);

  if (error == NULL)
    {
      gboolean welcome = quorum_welcome_page_is_needed (quorum_application_get_store (app));

      /* The welcome page stands for all the pages: no switcher over it. */
      if (welcome)
        ensure_main_page (self, "welcome");
      gtk_stack_set_visible_child_name (self->main_stack, welcome ? "welcome" : "content");
      adw_squeezer_page_set_enabled (self->switcher_page, !welcome);
      return;
    }

  quorum_recovery_page_set_problem (QUORUM_RECOVERY_PAGE (ensure_main_page (self, "error")),
                                    quorum_application_get_database_path (app), error);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  adw_squeezer_page_set_enabled (self->switcher_page, FALSE);
}

/* Until the background check says otherwise, the trail is taken as whole. */
static void
show_audit_state (QuorumWindow      *self,
                  QuorumApplication *app)
{
  gint64 broken_at = quorum_application_get_audit_broken_at (app);

  if (broken_at > 0)
    {
      /* Translators: %s is the number of an entry of the audit trail */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, broken_at);
      g_autofree char *text = g_strdup_printf (_("The audit trail was changed outside Quorum at "
                                                 "entry %s. Records from there on may have been "
                                                 "altered: check them against a backup."),
                                               number);

      gtk_label_set_label (self->audit_label, text);
    }
  gtk_info_bar_set_revealed (self->audit_bar, broken_at > 0);
}

/* Pages get the app-wide objects through their properties (`store`,
 * `workdays`, `rulebook`): only the window knows the application. A page
 * gets them when it is first shown, not before: at start-up only the page
 * on show reads the store, however big the office. */
static void
give_pages_their_models (QuorumWindow      *self,
                         QuorumApplication *app)
{
  int visible = page_index (adw_view_stack_get_visible_child_name (self->view_stack));

  if (visible >= 0)
    self->pages_given |= 1u << visible;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (self->pages_given & (1u << i))
      give_page_models (ensure_page (self, i), app);
}

static void
on_rulebook_changed_cb (QuorumWindow      *self,
                        QuorumApplication *app)
{
  give_pages_their_models (self, app);
}


static void
on_welcome_finished_cb (QuorumWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (QUORUM_IS_APPLICATION (app))
    show_database_state (self, QUORUM_APPLICATION (app));
}

static void
leave_demo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  g_autoptr(GError) error = NULL;

  if (QUORUM_IS_APPLICATION (app) &&
      !quorum_application_switch_database (QUORUM_APPLICATION (app), NULL, &error))
    gtk_widget_activate_action (widget, "win.show-toast", "s", error->message);
}

/* The store is NULL while the database is closed for a restore. */
/* The subscribed calendars come with the database's CalDAV controller. */
static void
show_overlay (QuorumWindow      *self,
              QuorumApplication *app)
{
  QuorumCaldavController *caldav = quorum_application_get_caldav_controller (app);
  GtkWidget *feeds = get_page_if_made (self, page_index ("feeds"));

  quorum_calendar_page_set_overlay_model (self->calendar_page,
                                          caldav != NULL
                                            ? quorum_caldav_controller_get_overlay (caldav)
                                            : NULL);
  if (feeds != NULL)
    quorum_feeds_page_set_caldav_controller (QUORUM_FEEDS_PAGE (feeds), caldav);
}

static void
on_database_changed_cb (QuorumWindow      *self,
                        QuorumApplication *app)
{
  give_pages_their_models (self, app);
  show_overlay (self, app);
  show_database_state (self, app);
  show_audit_state (self, app);
}

/* The app opened another database (the demo office, or back). */
static void
on_application_store_cb (QuorumWindow      *self,
                         GParamSpec        *pspec,
                         QuorumApplication *app)
{
  on_database_changed_cb (self, app);
}

static void
on_audit_broken_at_cb (QuorumWindow      *self,
                       GParamSpec        *pspec,
                       QuorumApplication *app)
{
  show_audit_state (self, app);
}

static void
on_recovery_page_recovered_cb (QuorumWindow       *self,
                               const char         *moved_aside,
                               QuorumRecoveryPage *page)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!QUORUM_IS_APPLICATION (app))
    return;

  if (!quorum_application_reopen_database (QUORUM_APPLICATION (app), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (moved_aside != NULL)
    {
      /* Translators: %s is a file path */
      g_autofree char *text = g_strdup_printf (_("The damaged file was kept as %s"), moved_aside);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* "application" is not a construct property: it arrives after constructed(). */
static void
on_notify_application_cb (QuorumWindow *self,
                          GParamSpec   *pspec,
                          gpointer      user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (QUORUM_IS_APPLICATION (app))
    {
      g_signal_connect_object (app, "rulebook-changed", G_CALLBACK (on_rulebook_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::store", G_CALLBACK (on_application_store_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "database-changed", G_CALLBACK (on_database_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::audit-broken-at",
                               G_CALLBACK (on_audit_broken_at_cb), self, G_CONNECT_SWAPPED);
      on_database_changed_cb (self, QUORUM_APPLICATION (app));
    }
}

static void
quorum_window_dispose (GObject *object)
{
  QuorumWindow *self = (QuorumWindow *)object;

  if (self->models_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->models_tick);
  self->models_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (quorum_window_parent_class)->dispose (object);
}

static void
quorum_window_class_init (QuorumWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_window_dispose;

  g_type_ensure (QUORUM_TYPE_CALENDAR_PAGE);
  g_type_ensure (QUORUM_TYPE_OBLIGATIONS_PAGE);
  g_type_ensure (QUORUM_TYPE_FEEDS_PAGE);

  g_type_ensure (QUORUM_TYPE_PEOPLE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/quorum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, calendar_page);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_page_occurrence_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, audit_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, audit_label);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.new-series", NULL, new_series_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-series", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-occurrence", "x",
                                   open_occurrence_action);
  gtk_widget_class_install_action (widget_class, "win.leave", NULL, open_attendance_window_action);
  gtk_widget_class_install_action (widget_class, "win.owed-makeups", NULL,
                                   open_attendance_window_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.leave",
                                       NULL);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, switcher_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, demo_box);

  gtk_widget_class_install_action (widget_class, "win.leave-demo", NULL, leave_demo_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-calendar", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

/* The shortcuts window is built the first time it is asked for, not with
 * every main window (GtkApplication would build it from gtk/help-overlay.ui
 * before the first frame: a fifth of what the window costs to make). */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/quorum-shortcuts-window.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal, hidden on close, transient for @window, which destroys it. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The main menu's popover is made the first time it opens (click, F10),
 * not with the window. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  QuorumWindow *self = QUORUM_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
quorum_window_init (QuorumWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-help-overlay", show_help_overlay_cb, NULL, NULL, NULL, { 0 } },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  self->settings = g_settings_new (APP_ID);
  restore_state (self);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_visible_child_name_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_notify_application_cb), NULL);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

QuorumWindow *
quorum_window_new (QuorumApplication *application)
{
  return g_object_new (QUORUM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * quorum_window_get_visible_page:
 * @self: a #QuorumWindow
 *
 * Returns: (transfer none): the name of the page on show
 */
const char *
quorum_window_get_visible_page (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
quorum_window_add_toast (QuorumWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (QUORUM_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
