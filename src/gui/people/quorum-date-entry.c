/* quorum-date-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day typed as YYYY-MM-DD or picked in a calendar popover. Invalid text
 * gets the `error` style class; an optional entry may be left empty.
 */

#define G_LOG_DOMAIN "quorum-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-entry.h"
#include "quorum-day.h"

struct _QuorumDateEntry
{
  GtkBox          parent_instance;

  GtkEntry       *entry;
  GtkMenuButton  *button;
  GtkCalendar    *calendar;

  gboolean        optional;
  gboolean        valid;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (QuorumDateEntry, quorum_date_entry, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_VALID,
  PROP_OPTIONAL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_entry_changed_cb (QuorumDateEntry *self,
                     GtkEntry        *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GDate) date = quorum_day_parse (stripped);
  gboolean valid = date != NULL || (self->optional && stripped[0] == '\0');

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  if (date != NULL && !self->syncing)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                       g_date_get_month (date),
                                                       g_date_get_day (date), 12, 0, 0);

      self->syncing = TRUE;
      gtk_calendar_select_day (self->calendar, dt);
      self->syncing = FALSE;
    }

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_calendar_day_selected_cb (QuorumDateEntry *self,
                             GtkCalendar     *calendar)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  dt = gtk_calendar_get_date (calendar);
  text = g_date_time_format (dt, "%Y-%m-%d");
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->syncing = FALSE;
  gtk_menu_button_popdown (self->button);
}

static void
quorum_date_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumDateEntry *self = QUORUM_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_date_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumDateEntry *self = QUORUM_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_OPTIONAL:
      quorum_date_entry_set_optional (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_date_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QUORUM_TYPE_DATE_ENTRY);

  G_OBJECT_CLASS (quorum_date_entry_parent_class)->dispose (object);
}

static void
quorum_date_entry_class_init (QuorumDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_date_entry_dispose;
  object_class->get_property = quorum_date_entry_get_property;
  object_class->set_property = quorum_date_entry_set_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumDateEntry::changed:
   *
   * Emitted when the text changes, valid or not.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/people/quorum-date-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumDateEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateEntry, button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDateEntry, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
}

static void
quorum_date_entry_init (QuorumDateEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  quorum_date_entry_set_today (self);
}

GtkWidget *
quorum_date_entry_new (void)
{
  return g_object_new (QUORUM_TYPE_DATE_ENTRY, NULL);
}

/* Returns: (transfer full) (nullable): the day, or %NULL when the text is
 * empty or not a date */
GDate *
quorum_date_entry_dup_date (QuorumDateEntry *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (QUORUM_IS_DATE_ENTRY (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  return quorum_day_parse (text);
}

/* @date: (nullable): the day, or %NULL to leave the entry empty */
void
quorum_date_entry_set_date (QuorumDateEntry *self,
                            const GDate     *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (QUORUM_IS_DATE_ENTRY (self));

  text = quorum_day_format (date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

void
quorum_date_entry_set_today (QuorumDateEntry *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%d");

  g_return_if_fail (QUORUM_IS_DATE_ENTRY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

gboolean
quorum_date_entry_is_valid (QuorumDateEntry *self)
{
  g_return_val_if_fail (QUORUM_IS_DATE_ENTRY (self), FALSE);
  return self->valid;
}

gboolean
quorum_date_entry_get_optional (QuorumDateEntry *self)
{
  g_return_val_if_fail (QUORUM_IS_DATE_ENTRY (self), FALSE);
  return self->optional;
}

void
quorum_date_entry_set_optional (QuorumDateEntry *self,
                                gboolean         optional)
{
  g_return_if_fail (QUORUM_IS_DATE_ENTRY (self));

  optional = !!optional;
  if (self->optional == optional)
    return;

  self->optional = optional;
  on_entry_changed_cb (self, self->entry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

/* Returns: (transfer none): the text entry, for tests and accessibility labels */
GtkEditable *
quorum_date_entry_get_editable (QuorumDateEntry *self)
{
  g_return_val_if_fail (QUORUM_IS_DATE_ENTRY (self), NULL);
  return GTK_EDITABLE (self->entry);
}
