/* quorum-recovery-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown instead of the pages when the database cannot be opened: says what
 * happened and to which file, and offers the two ways out that lose nothing.
 * Restoring the latest backup and starting empty both move the damaged file
 * aside (never overwrite or delete it); the page then emits ::recovered and
 * the window reopens the database.
 */

#define G_LOG_DOMAIN "quorum-recovery-page"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-backup.h"
#include "quorum-database.h"
#include "quorum-recovery-page.h"

struct _QuorumRecoveryPage
{
  GtkWidget      parent_instance;

  char          *database_path;
  char          *latest_backup;
  gboolean       too_new;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkLabel      *file_label;
  GtkLabel      *detail_label;
  GtkLabel      *backup_label;
  GtkWidget     *actions_box;
};

G_DEFINE_FINAL_TYPE (QuorumRecoveryPage, quorum_recovery_page, GTK_TYPE_WIDGET)

enum {
  RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (QuorumRecoveryPage *self)
{
  gboolean can_recover = self->database_path != NULL && !self->too_new;

  gtk_widget_set_visible (self->actions_box, can_recover);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.restore-latest",
                                 can_recover && self->latest_backup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.start-empty", can_recover);
}

static void
report_failure (QuorumRecoveryPage *self,
                const GError       *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static void
restore_latest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QuorumRecoveryPage *self = QUORUM_RECOVERY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  g_return_if_fail (self->database_path != NULL && self->latest_backup != NULL);

  if (!quorum_backup_restore (self->latest_backup, self->database_path, &aside, &error))
    {
      report_failure (self, error);
      return;
    }

  g_signal_emit (self, signals[RECOVERED], 0, aside);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumRecoveryPage *self = QUORUM_RECOVERY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  g_return_if_fail (self->database_path != NULL);

  if (!quorum_backup_set_aside (self->database_path, &aside, &error))
    {
      report_failure (self, error);
      return;
    }

  g_signal_emit (self, signals[RECOVERED], 0, aside);
}

static void
quorum_recovery_page_dispose (GObject *object)
{
  QuorumRecoveryPage *self = (QuorumRecoveryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_RECOVERY_PAGE);

  G_OBJECT_CLASS (quorum_recovery_page_parent_class)->dispose (object);
}

static void
quorum_recovery_page_finalize (GObject *object)
{
  QuorumRecoveryPage *self = (QuorumRecoveryPage *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->latest_backup, g_free);

  G_OBJECT_CLASS (quorum_recovery_page_parent_class)->finalize (object);
}

static void
quorum_recovery_page_class_init (QuorumRecoveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_recovery_page_dispose;
  object_class->finalize = quorum_recovery_page_finalize;

  /**
   * QuorumRecoveryPage::recovered:
   * @self: the page
   * @moved_aside: (nullable): where the damaged file now is
   *
   * The damaged database was moved aside and a backup or nothing put in its
   * place: it is time to open the database again.
   */
  signals[RECOVERED] =
    g_signal_new ("recovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/quorum-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumRecoveryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecoveryPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecoveryPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecoveryPage, backup_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecoveryPage, actions_box);

  gtk_widget_class_install_action (widget_class, "recovery.restore-latest", NULL,
                                   restore_latest_action);
  gtk_widget_class_install_action (widget_class, "recovery.start-empty", NULL,
                                   start_empty_action);
}

static void
quorum_recovery_page_init (QuorumRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * quorum_recovery_page_set_problem:
 * @self: a #QuorumRecoveryPage
 * @database_path: the file that could not be opened
 * @error: why
 *
 * Explains @error and looks for the latest backup of @database_path.
 */
void
quorum_recovery_page_set_problem (QuorumRecoveryPage *self,
                                  const char         *database_path,
                                  const GError       *error)
{
  g_autofree char *file_text = NULL;

  g_return_if_fail (QUORUM_IS_RECOVERY_PAGE (self));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (error != NULL);

  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
  g_free (self->latest_backup);
  self->latest_backup = quorum_backup_find_latest (database_path);
  self->too_new = g_error_matches (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_TOO_NEW);

  if (self->too_new)
    {
      adw_status_page_set_title (self->status_page, _("The Database Is From a Newer Quorum"));
      adw_status_page_set_description (self->status_page,
                                       _("A newer version of Quorum has changed this database. "
                                         "Update Quorum to open it: nothing in it was changed."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("The Database Could Not Be Opened"));
      adw_status_page_set_description (self->status_page,
                                       _("The file with the calendar and the attendance records "
                                         "is damaged, or it is not a Quorum database. Quorum has "
                                         "not changed it. You can restore the latest backup or "
                                         "start with an empty database: either way the file is "
                                         "kept under a new name, so nothing in it is lost."));
    }

  /* Translators: %s is the path of the database file */
  file_text = g_strdup_printf (_("File: %s"), database_path);
  gtk_label_set_label (self->file_label, file_text);
  gtk_label_set_label (self->detail_label, error->message);

  if (self->latest_backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (self->latest_backup);
      /* Translators: %s is the file name of a backup */
      g_autofree char *text = g_strdup_printf (_("Latest backup: %s"), name);

      gtk_label_set_label (self->backup_label, text);
    }
  else
    {
      gtk_label_set_label (self->backup_label, _("There is no backup of this database yet."));
    }

  update_actions (self);
}

/**
 * quorum_recovery_page_get_database_path:
 * @self: a #QuorumRecoveryPage
 *
 * Returns: (transfer none) (nullable): the file that could not be opened
 */
const char *
quorum_recovery_page_get_database_path (QuorumRecoveryPage *self)
{
  g_return_val_if_fail (QUORUM_IS_RECOVERY_PAGE (self), NULL);

  return self->database_path;
}

/**
 * quorum_recovery_page_get_latest_backup:
 * @self: a #QuorumRecoveryPage
 *
 * Returns: (transfer none) (nullable): the backup "Restore Latest Backup" restores
 */
const char *
quorum_recovery_page_get_latest_backup (QuorumRecoveryPage *self)
{
  g_return_val_if_fail (QUORUM_IS_RECOVERY_PAGE (self), NULL);

  return self->latest_backup;
}
