/* quorum-caldav-status-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-caldav-status-group"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-caldav-status-group.h"

/**
 * QuorumCaldavStatusGroup:
 *
 * "CalDAV Server": what the background publishing is doing, when it last
 * published, what it changed (server-side edits it put back included), and
 * a Publish Now button (`app.caldav-publish`). Give it the application's
 * #QuorumCaldavController with the `controller` property; without the
 * application, the group finds it on the default application.
 */
struct _QuorumCaldavStatusGroup
{
  AdwPreferencesGroup     parent_instance;

  QuorumCaldavController *controller;
  GSignalGroup           *signals;

  /* Template widgets */
  AdwActionRow           *status_row;
  GtkImage               *status_icon;
  GtkSpinner             *spinner;
  AdwActionRow           *report_row;
  GtkButton              *publish_button;
};

G_DEFINE_FINAL_TYPE (QuorumCaldavStatusGroup, quorum_caldav_status_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (QuorumCaldavStatusGroup *self)
{
  QuorumCaldavStatus status = QUORUM_CALDAV_STATUS_IDLE;
  GDateTime *last = NULL;
  const char *report = NULL;
  const char *error = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  if (self->controller != NULL)
    {
      status = quorum_caldav_controller_get_status (self->controller);
      last = quorum_caldav_controller_get_last_published (self->controller);
      report = quorum_caldav_controller_get_last_report (self->controller);
      error = quorum_caldav_controller_get_last_error (self->controller);
    }

  switch (status)
    {
    case QUORUM_CALDAV_STATUS_PUBLISHING:
      title = _("Publishing…");
      break;
    case QUORUM_CALDAV_STATUS_ERROR:
      title = _("Publishing Failed");
      break;
    case QUORUM_CALDAV_STATUS_IDLE:
    default:
      title = last != NULL ? _("Up to Date") : _("Not Published Yet");
      break;
    }

  if (status == QUORUM_CALDAV_STATUS_ERROR && error != NULL)
    subtitle = g_strdup (error);
  else if (last != NULL)
    {
      g_autofree char *when = g_date_time_format (last, "%Y-%m-%d %H:%M");

      /* Translators: %s is a date and time */
      subtitle = g_strdup_printf (_("Last published %s"), when);
    }
  else
    subtitle = g_strdup (_("Publishing sends each leader’s duties and the whole office’s to "
                           "the CalDAV server set up in Preferences."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_image_set_from_icon_name (self->status_icon,
                                status == QUORUM_CALDAV_STATUS_ERROR ? "dialog-warning-symbolic"
                                : last != NULL ? "emblem-ok-symbolic"
                                : "network-server-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon),
                          status != QUORUM_CALDAV_STATUS_PUBLISHING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), status == QUORUM_CALDAV_STATUS_PUBLISHING);
  gtk_spinner_set_spinning (self->spinner, status == QUORUM_CALDAV_STATUS_PUBLISHING);
  if (status == QUORUM_CALDAV_STATUS_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->report_row), report != NULL);
  adw_action_row_set_subtitle (self->report_row, report != NULL ? report : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button),
                            self->controller != NULL && status != QUORUM_CALDAV_STATUS_PUBLISHING);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QuorumCaldavStatusGroup *self = QUORUM_CALDAV_STATUS_GROUP (widget);

  if (self->controller != NULL)
    quorum_caldav_controller_publish (self->controller);
}

static void
quorum_caldav_status_group_dispose (GObject *object)
{
  QuorumCaldavStatusGroup *self = (QuorumCaldavStatusGroup *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CALDAV_STATUS_GROUP);
  g_clear_object (&self->signals);
  g_clear_object (&self->controller);

  G_OBJECT_CLASS (quorum_caldav_status_group_parent_class)->dispose (object);
}

static void
quorum_caldav_status_group_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  QuorumCaldavStatusGroup *self = QUORUM_CALDAV_STATUS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      g_value_set_object (value, self->controller);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_caldav_status_group_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  QuorumCaldavStatusGroup *self = QUORUM_CALDAV_STATUS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      quorum_caldav_status_group_set_controller (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_caldav_status_group_class_init (QuorumCaldavStatusGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_caldav_status_group_dispose;
  object_class->get_property = quorum_caldav_status_group_get_property;
  object_class->set_property = quorum_caldav_status_group_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, QUORUM_TYPE_CALDAV_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/caldav/quorum-caldav-status-group.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumCaldavStatusGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumCaldavStatusGroup, status_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumCaldavStatusGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumCaldavStatusGroup, report_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumCaldavStatusGroup, publish_button);

  gtk_widget_class_install_action (widget_class, "caldav-status.publish", NULL, publish_action);
}

static void
quorum_caldav_status_group_init (QuorumCaldavStatusGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signals = g_signal_group_new (QUORUM_TYPE_CALDAV_CONTROLLER);
  g_signal_group_connect_swapped (self->signals, "notify::status", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->signals, "notify::last-published", G_CALLBACK (update),
                                  self);
  g_signal_group_connect_swapped (self->signals, "notify::last-report", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->signals, "notify::last-error", G_CALLBACK (update), self);
  update (self);
}

GtkWidget *
quorum_caldav_status_group_new (void)
{
  return g_object_new (QUORUM_TYPE_CALDAV_STATUS_GROUP, NULL);
}

/* Returns: (transfer none) (nullable): the controller shown */
QuorumCaldavController *
quorum_caldav_status_group_get_controller (QuorumCaldavStatusGroup *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_STATUS_GROUP (self), NULL);
  return self->controller;
}

void
quorum_caldav_status_group_set_controller (QuorumCaldavStatusGroup *self,
                                           QuorumCaldavController  *controller)
{
  g_return_if_fail (QUORUM_IS_CALDAV_STATUS_GROUP (self));
  g_return_if_fail (controller == NULL || QUORUM_IS_CALDAV_CONTROLLER (controller));

  if (!g_set_object (&self->controller, controller))
    return;
  g_signal_group_set_target (self->signals, controller);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
}
