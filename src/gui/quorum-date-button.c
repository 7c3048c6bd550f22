/* quorum-date-button.c: a button that shows a day and picks it from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"

struct _QuorumDateButton
{
  GtkWidget      parent_instance;

  GDateTime     *date;
  char          *placeholder;

  /* Template widgets */
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkButton     *clear_button;
};

G_DEFINE_FINAL_TYPE (QuorumDateButton, quorum_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_PLACEHOLDER,
  PROP_CLEARABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * quorum_date_format_day:
 * @date: (nullable): a day
 *
 * Returns: (transfer full): the day as people read it ("2026年11月25日")
 */
char *
quorum_date_format_day (const GDate *date)
{
  char buffer[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  /* Translators: a strftime format for a day, as on a form */
  if (g_date_strftime (buffer, sizeof buffer, _("%B %-d, %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

/**
 * quorum_date_new_from_date_time:
 * @datetime: a date and time
 *
 * Returns: (transfer full): its day, in its own time zone
 */
GDate *
quorum_date_new_from_date_time (GDateTime *datetime)
{
  return g_date_new_dmy (g_date_time_get_day_of_month (datetime),
                         g_date_time_get_month (datetime),
                         g_date_time_get_year (datetime));
}

/**
 * quorum_date_format_date_time_day:
 * @datetime: (nullable): a date and time
 *
 * Returns: (transfer full): its day as people read it, or ""
 */
char *
quorum_date_format_date_time_day (GDateTime *datetime)
{
  g_autoptr(GDate) day = NULL;

  if (datetime == NULL)
    return g_strdup ("");
  day = quorum_date_new_from_date_time (datetime);
  return quorum_date_format_day (day);
}

static void
update_label (QuorumDateButton *self)
{
  g_autofree char *text = NULL;

  if (self->date != NULL)
    {
      g_autoptr(GDate) day = quorum_date_button_dup_gdate (self);

      text = quorum_date_format_day (day);
    }
  gtk_menu_button_set_label (self->button, text != NULL ? text
                                           : self->placeholder != NULL ? self->placeholder
                                           : _("Pick a Day"));
}

static void
on_popover_show_cb (QuorumDateButton *self,
                    GtkPopover       *popover)
{
  g_autoptr(GDateTime) today = NULL;

  if (self->date != NULL)
    gtk_calendar_select_day (self->calendar, self->date);
  else
    {
      today = g_date_time_new_now_local ();
      gtk_calendar_select_day (self->calendar, today);
    }
}

static void
on_calendar_day_selected_cb (QuorumDateButton *self,
                             GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);

  /* Showing the popover selects the current day too: no change then. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return;
  quorum_date_button_set_date (self, picked);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked_cb (QuorumDateButton *self,
                     GtkButton        *button)
{
  quorum_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
quorum_date_button_dispose (GObject *object)
{
  QuorumDateButton *self = (QuorumDateButton *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_DATE_BUTTON);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->placeholder, g_free);

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
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_CLEARABLE:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->clear_button)));
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
    case PROP_PLACEHOLDER:
      g_free (self->placeholder);
      self->placeholder = g_value_dup_string (value);
      update_label (self);
      break;
    case PROP_CLEARABLE:
      gtk_widget_set_visible (GTK_WIDGET (self->clear_button), g_value_get_boolean (value));
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
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLEARABLE] =
    g_param_spec_boolean ("clearable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/quorum-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
quorum_date_button_init (QuorumDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
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
 * Returns: (transfer none) (nullable): the day picked (its midnight), or %NULL
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

  g_return_if_fail (QUORUM_IS_DATE_BUTTON (self));

  if (date != NULL)
    day = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                                 g_date_time_get_day_of_month (date), 0, 0, 0);

  if (day == NULL && self->date == NULL)
    return;
  if (day != NULL && self->date != NULL && g_date_time_equal (day, self->date))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&day);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * quorum_date_button_dup_gdate:
 * @self: a #QuorumDateButton
 *
 * Returns: (transfer full) (nullable): the day picked, or %NULL
 */
GDate *
quorum_date_button_dup_gdate (QuorumDateButton *self)
{
  g_return_val_if_fail (QUORUM_IS_DATE_BUTTON (self), NULL);

  if (self->date == NULL)
    return NULL;
  return quorum_date_new_from_date_time (self->date);
}

void
quorum_date_button_set_gdate (QuorumDateButton *self,
                              const GDate      *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (QUORUM_IS_DATE_BUTTON (self));

  if (date != NULL && g_date_valid (date))
    day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 0, 0, 0);
  quorum_date_button_set_date (self, day);
}
