/* quorum-date-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button showing a date, with a calendar to pick another: libadwaita 1.2
 * has no date row.
 */

#define G_LOG_DOMAIN "quorum-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"

struct _QuorumDateButton
{
  GtkWidget          parent_instance;

  GDateTime      *date;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
};

G_DEFINE_FINAL_TYPE (QuorumDateButton, quorum_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_calendar_day_selected_cb (QuorumDateButton *self,
                             GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);

  quorum_date_button_set_date (self, picked);
  gtk_popover_popdown (self->popover);
}

static void
quorum_date_button_dispose (GObject *object)
{
  QuorumDateButton *self = (QuorumDateButton *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_DATE_BUTTON);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (quorum_date_button_parent_class)->dispose (object);
}

static void
quorum_date_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumDateButton *self = QUORUM_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_date_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumDateButton *self = QUORUM_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      quorum_date_button_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_date_button_class_init (QuorumDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_date_button_dispose;
  object_class->get_property = quorum_date_button_get_property;
  object_class->set_property = quorum_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/editor/quorum-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
}

static void
quorum_date_button_init (QuorumDateButton *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  quorum_date_button_set_date (self, today);
}

GtkWidget *
quorum_date_button_new (void)
{
  return g_object_new (QUORUM_TYPE_DATE_BUTTON, NULL);
}

/**
 * quorum_date_button_get_date:
 * @self: a #QuorumDateButton
 *
 * Returns: (transfer none): the date, at midnight local time; only the
 *   year, month and day count
 */
GDateTime *
quorum_date_button_get_date (QuorumDateButton *self)
{
  g_return_val_if_fail (QUORUM_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

void
quorum_date_button_set_date (QuorumDateButton *self,
                             GDateTime        *date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (QUORUM_IS_DATE_BUTTON (self));
  g_return_if_fail (date != NULL);

  day = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                               g_date_time_get_day_of_month (date), 0, 0, 0);
  if (self->date != NULL && g_date_time_equal (self->date, day))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_ref (day);

  /* Translators: a date on a button, for g_date_time_format(): "Wed, 14 January 2026" */
  /* xgettext:no-c-format */
  label = g_date_time_format (day, _("%a, %-d %B %Y"));
  gtk_menu_button_set_label (self->button, label);
  g_signal_handlers_block_by_func (self->calendar, on_calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, day);
  g_signal_handlers_unblock_by_func (self->calendar, on_calendar_day_selected_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * quorum_spin_button_output_two_digits:
 * @spin: a spin button for hours or minutes
 * @user_data: unused
 *
 * An #GtkSpinButton::output handler that shows "09" rather than "9".
 *
 * Returns: %TRUE, the text is set
 */
gboolean
quorum_spin_button_output_two_digits (GtkSpinButton *spin,
                                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/**
 * quorum_widget_unparent_children:
 * @widget: a widget being disposed
 *
 * Unparents what gtk_widget_dispose_template() left: children of a plain
 * #GtkWidget that the template does not name.
 */
void
quorum_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
