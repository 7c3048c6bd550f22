/* quorum-makeup-dialog.c: record how a missed session was made up (补学)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-makeup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-makeup-dialog.h"

struct _QuorumMakeupDialog
{
  AdwWindow             parent_instance;

  QuorumStore          *store;
  QuorumAttendance     *owed;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *group;
  QuorumDateButton     *date_button;
  AdwComboRow          *how_row;
  AdwEntryRow          *note_row;
};

G_DEFINE_FINAL_TYPE (QuorumMakeupDialog, quorum_makeup_dialog, ADW_TYPE_WINDOW)

static const QuorumMakeupMethod methods[] = {
  QUORUM_MAKEUP_SELF_STUDY,
  QUORUM_MAKEUP_ANOTHER_SESSION,
  QUORUM_MAKEUP_OTHER,
};

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumMakeupDialog *self = QUORUM_MAKEUP_DIALOG (widget);
  g_autoptr(GDate) date = quorum_date_button_dup_gdate (self->date_button);
  g_autoptr(GError) error = NULL;
  guint how = adw_combo_row_get_selected (self->how_row);

  if (!quorum_store_record_makeup (self->store, quorum_attendance_get_occurrence_id (self->owed),
                                   quorum_attendance_get_person_id (self->owed), date,
                                   methods[MIN (how, G_N_ELEMENTS (methods) - 1)],
                                   gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                   &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
quorum_makeup_dialog_dispose (GObject *object)
{
  QuorumMakeupDialog *self = (QuorumMakeupDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_MAKEUP_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->owed);

  G_OBJECT_CLASS (quorum_makeup_dialog_parent_class)->dispose (object);
}

static void
quorum_makeup_dialog_class_init (QuorumMakeupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_makeup_dialog_dispose;

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/attendance/quorum-makeup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupDialog, group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupDialog, how_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupDialog, note_row);

  gtk_widget_class_install_action (widget_class, "makeup.record", NULL, record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "makeup.record", NULL);
}

static void
quorum_makeup_dialog_init (QuorumMakeupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_makeup_dialog_new:
 * @store: the store
 * @owed: an owed make-up, from quorum_store_list_owed_makeups()
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new dialog; present it
 */
QuorumMakeupDialog *
quorum_makeup_dialog_new (QuorumStore      *store,
                          QuorumAttendance *owed,
                          GtkWindow        *parent)
{
  QuorumMakeupDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *description = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (owed), NULL);

  self = g_object_new (QUORUM_TYPE_MAKEUP_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->owed = g_object_ref (owed);

  now = quorum_store_dup_now (store);
  quorum_date_button_set_date (self->date_button, now);

  day = quorum_date_format_date_time_day (quorum_attendance_get_occurrence_start (owed));
  /* Translators: %1$s is a person, %2$s a session, %3$s its day */
  description = g_strdup_printf (_("%1$s missed “%2$s” on %3$s."),
                                 quorum_attendance_get_person_name (owed),
                                 quorum_attendance_get_occurrence_title (owed) != NULL
                                 ? quorum_attendance_get_occurrence_title (owed) : "",
                                 day);
  adw_preferences_group_set_description (self->group, description);

  return self;
}
