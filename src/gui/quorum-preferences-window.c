/* quorum-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-application.h"
#include "quorum-paths.h"
#include "quorum-preferences-window.h"
#include "quorum-publishing-page.h"

struct _QuorumPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkSpinButton        *at_risk_spin;
  AdwActionRow         *database_row;
  QuorumPublishingPage *publishing_page;
};

G_DEFINE_FINAL_TYPE (QuorumPreferencesWindow, quorum_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
quorum_preferences_window_dispose (GObject *object)
{
  QuorumPreferencesWindow *self = (QuorumPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (quorum_preferences_window_parent_class)->dispose (object);
}

static void
quorum_preferences_window_class_init (QuorumPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_preferences_window_dispose;

  g_type_ensure (QUORUM_TYPE_PUBLISHING_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/quorum-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, at_risk_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, publishing_page);
}

static void
quorum_preferences_window_init (QuorumPreferencesWindow *self)
{
  g_autofree char *db_path = quorum_paths_dup_default_database ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "at-risk-days",
                   gtk_spin_button_get_adjustment (self->at_risk_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  adw_action_row_set_subtitle (self->database_row, db_path);

  if (QUORUM_IS_APPLICATION (g_application_get_default ()))
    {
      quorum_publishing_page_set_store (self->publishing_page,
                                        quorum_application_get_store (QUORUM_APPLICATION_DEFAULT));
      quorum_publishing_page_set_controller (self->publishing_page,
                                             quorum_application_get_caldav_controller (
                                               QUORUM_APPLICATION_DEFAULT));
    }
}

QuorumPreferencesWindow *
quorum_preferences_window_new (GtkWindow *transient_for)
{
  return g_object_new (QUORUM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       "modal", TRUE,
                       NULL);
}
