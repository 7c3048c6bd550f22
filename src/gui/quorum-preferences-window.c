/* quorum-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-application.h"
#include "quorum-backup.h"
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
  GtkSpinButton        *keep_spin;
  AdwActionRow         *backup_now_row;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (QuorumPreferencesWindow, quorum_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (QuorumPreferencesWindow *self,
       const char              *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (widget);
  QuorumDatabase *db = quorum_application_get_database (QUORUM_APPLICATION_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (db == NULL)
    {
      toast (self, _("The database is not open: there is nothing to back up."));
      return;
    }

  path = quorum_backup_rotate (db, "manual", g_settings_get_int (self->settings, "backup-keep"),
                               &error);
  if (path == NULL)
    {
      toast (self, error->message);
      return;
    }

  /* Translators: %s is the path of the new backup file */
  text = g_strdup_printf (_("Backed up to %s"), path);
  toast (self, text);
}

static void
on_confirm_response_cb (QuorumPreferencesWindow *self,
                        const char              *response,
                        AdwMessageDialog        *dialog)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!quorum_application_restore_backup (QUORUM_APPLICATION_DEFAULT, backup, &aside, &error))
    {
      toast (self, error->message);
      return;
    }

  /* Translators: %s is the path the replaced database was moved to */
  text = aside != NULL ? g_strdup_printf (_("Backup restored. The replaced database was kept as %s"),
                                          aside)
                       : g_strdup (_("Backup restored."));
  toast (self, text);
}

static void
on_chooser_response_cb (QuorumPreferencesWindow *self,
                        int                      response,
                        GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  name = g_path_get_basename (path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Backup?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The database will be replaced by the backup “%s”. The "
                                    "current database is kept under a new name next to it, "
                                    "so nothing is lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (widget);
  const char *db_path = quorum_application_get_database_path (QUORUM_APPLICATION_DEFAULT);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;

  if (db_path == NULL)
    return;

  dir = quorum_backup_dup_dir (db_path);
  folder = g_file_new_for_path (dir);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Quorum backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
quorum_preferences_window_dispose (GObject *object)
{
  QuorumPreferencesWindow *self = (QuorumPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);

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
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, backup_now_row);

  gtk_widget_class_install_action (widget_class, "prefs.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, restore_action);
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
  g_settings_bind (self->settings, "backup-keep",
                   gtk_spin_button_get_adjustment (self->keep_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *backup_dir = quorum_backup_dup_dir (db_path);
    /* Translators: %s is the backup folder */
    g_autofree char *subtitle = g_strdup_printf (_("Into %s"), backup_dir);

    adw_action_row_set_subtitle (self->backup_now_row, subtitle);
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
