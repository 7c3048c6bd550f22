/* quorum-makeups-window.c: every make-up still owed (补学), with a way to close it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-makeups-window"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-makeup-dialog.h"
#include "quorum-makeups-window.h"

struct _QuorumMakeupsWindow
{
  AdwWindow        parent_instance;

  QuorumStore     *store;
  GListModel      *owed;
  guint            refresh_source;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *owed_list;
};

G_DEFINE_FINAL_TYPE (QuorumMakeupsWindow, quorum_makeups_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (QuorumAttendance *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record Make-up…"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = quorum_date_format_date_time_day (
                          quorum_attendance_get_occurrence_start (item));
  g_autofree char *accessible = NULL;

  /* Translators: %1$s is a person, %2$s the session they missed */
  title = g_strdup_printf (_("%1$s — %2$s"), quorum_attendance_get_person_name (item),
                           quorum_attendance_get_occurrence_title (item));
  if (quorum_attendance_get_status (item) == QUORUM_ATTENDANCE_ABSENT)
    /* Translators: %s is the day of a missed session */
    subtitle = g_strdup_printf (_("Absent on %s"), day);
  else
    /* Translators: %1$s is the day of a missed session, %2$s why */
    subtitle = g_strdup_printf (_("Excused on %1$s: %2$s"), day,
                                quorum_attendance_get_reason (item) != NULL
                                ? quorum_attendance_get_reason (item) : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: accessible label of a button; %s is a person */
  accessible = g_strdup_printf (_("Record the make-up of %s"),
                                quorum_attendance_get_person_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "makeups.record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)",
                                    quorum_attendance_get_occurrence_id (item),
                                    quorum_attendance_get_person_id (item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
refresh (QuorumMakeupsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->owed);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->owed_list))) != NULL)
    gtk_list_box_remove (self->owed_list, child);

  if (!(self->owed = quorum_store_list_owed_makeups (self->store, 0, &error)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  n = g_list_model_get_n_items (self->owed);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (self->owed, i);

      gtk_list_box_append (self->owed_list, create_row (item));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_store_changed_cb (QuorumMakeupsWindow *self,
                     const char          *entity,
                     gint64               id,
                     QuorumStore         *store)
{
  quorum_queue_refresh (&self->refresh_source, G_CALLBACK (refresh), self);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumMakeupsWindow *self = QUORUM_MAKEUPS_WINDOW (widget);
  gint64 occurrence_id, person_id;

  g_variant_get (param, "(xx)", &occurrence_id, &person_id);
  for (guint i = 0; self->owed != NULL && i < g_list_model_get_n_items (self->owed); i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (self->owed, i);

      if (quorum_attendance_get_occurrence_id (item) == occurrence_id &&
          quorum_attendance_get_person_id (item) == person_id)
        {
          gtk_window_present (GTK_WINDOW (quorum_makeup_dialog_new (self->store, item,
                                                                    GTK_WINDOW (self))));
          return;
        }
    }
}

static void
quorum_makeups_window_dispose (GObject *object)
{
  QuorumMakeupsWindow *self = (QuorumMakeupsWindow *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_MAKEUPS_WINDOW);
  g_clear_object (&self->owed);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_makeups_window_parent_class)->dispose (object);
}

static void
quorum_makeups_window_class_init (QuorumMakeupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_makeups_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/attendance/quorum-makeups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumMakeupsWindow, owed_list);

  gtk_widget_class_install_action (widget_class, "makeups.record", "(xx)", record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_makeups_window_init (QuorumMakeupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_makeups_window_new:
 * @store: the store
 *
 * Returns: (transfer none): a new window; present it
 */
QuorumMakeupsWindow *
quorum_makeups_window_new (QuorumStore *store)
{
  QuorumMakeupsWindow *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_MAKEUPS_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
