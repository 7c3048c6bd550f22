/* quorum-agenda-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-agenda-item"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-agenda-item.h"
#include "quorum-gui-utils.h"

/**
 * QuorumAgendaItem:
 *
 * What a row of the agenda shows, as ready-made strings for the row's
 * template to bind: GTK 4.8 has no section headers, so the agenda is a flat
 * list where day headers and events alternate.
 */
struct _QuorumAgendaItem
{
  GObject           parent_instance;

  QuorumOccurrence *occurrence;
  char             *header;
  char             *time;
  char             *title;
  char             *details;
  char             *kind;
  char             *status;
  char            **kind_classes;
  char            **bar_classes;
  char            **title_classes;
  char            **status_classes;
};

G_DEFINE_FINAL_TYPE (QuorumAgendaItem, quorum_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IS_HEADER,
  PROP_IS_EVENT,
  PROP_HEADER,
  PROP_OCCURRENCE,
  PROP_TIME,
  PROP_TITLE,
  PROP_DETAILS,
  PROP_KIND,
  PROP_KIND_CLASSES,
  PROP_BAR_CLASSES,
  PROP_TITLE_CLASSES,
  PROP_STATUS,
  PROP_STATUS_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_agenda_item_finalize (GObject *object)
{
  QuorumAgendaItem *self = (QuorumAgendaItem *)object;

  g_clear_object (&self->occurrence);
  g_clear_pointer (&self->header, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->kind_classes, g_strfreev);
  g_clear_pointer (&self->bar_classes, g_strfreev);
  g_clear_pointer (&self->title_classes, g_strfreev);
  g_clear_pointer (&self->status_classes, g_strfreev);

  G_OBJECT_CLASS (quorum_agenda_item_parent_class)->finalize (object);
}

static void
quorum_agenda_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumAgendaItem *self = QUORUM_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_IS_HEADER: g_value_set_boolean (value, self->header != NULL); break;
    case PROP_IS_EVENT: g_value_set_boolean (value, self->occurrence != NULL); break;
    case PROP_HEADER: g_value_set_string (value, self->header); break;
    case PROP_OCCURRENCE: g_value_set_object (value, self->occurrence); break;
    case PROP_TIME: g_value_set_string (value, self->time); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DETAILS: g_value_set_string (value, self->details); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_KIND_CLASSES: g_value_set_boxed (value, self->kind_classes); break;
    case PROP_BAR_CLASSES: g_value_set_boxed (value, self->bar_classes); break;
    case PROP_TITLE_CLASSES: g_value_set_boxed (value, self->title_classes); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_STATUS_CLASSES: g_value_set_boxed (value, self->status_classes); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_agenda_item_class_init (QuorumAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_agenda_item_finalize;
  object_class->get_property = quorum_agenda_item_get_property;

  properties[PROP_IS_HEADER] = g_param_spec_boolean ("is-header", NULL, NULL, FALSE, flags);
  properties[PROP_IS_EVENT] = g_param_spec_boolean ("is-event", NULL, NULL, FALSE, flags);
  properties[PROP_HEADER] = g_param_spec_string ("header", NULL, NULL, NULL, flags);
  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, QUORUM_TYPE_OCCURRENCE, flags);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAILS] = g_param_spec_string ("details", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_KIND_CLASSES] =
    g_param_spec_boxed ("kind-classes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_BAR_CLASSES] =
    g_param_spec_boxed ("bar-classes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TITLE_CLASSES] =
    g_param_spec_boxed ("title-classes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_CLASSES] =
    g_param_spec_boxed ("status-classes", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_agenda_item_init (QuorumAgendaItem *self)
{
}

QuorumAgendaItem *
quorum_agenda_item_new_header (const GDate *date,
                               const GDate *today)
{
  QuorumAgendaItem *self = g_object_new (QUORUM_TYPE_AGENDA_ITEM, NULL);
  g_autofree char *day = quorum_format_day (date);
  int delta = (int)g_date_get_julian (date) - (int)g_date_get_julian (today);

  if (delta == 0)
    /* Translators: an agenda heading, %s is the date */
    self->header = g_strdup_printf (_("Today · %s"), day);
  else if (delta == 1)
    /* Translators: an agenda heading, %s is the date */
    self->header = g_strdup_printf (_("Tomorrow · %s"), day);
  else
    self->header = g_steal_pointer (&day);

  return self;
}

QuorumAgendaItem *
quorum_agenda_item_new_event (QuorumOccurrence *occurrence)
{
  QuorumAgendaItem *self;
  QuorumOccurrenceStatus status;
  const char *kind_class;
  const char *status_class;
  const char *location;
  const char *title;
  guint n_expected;
  GPtrArray *details;

  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (occurrence), NULL);

  self = g_object_new (QUORUM_TYPE_AGENDA_ITEM, NULL);
  self->occurrence = g_object_ref (occurrence);
  status = quorum_occurrence_get_status (occurrence);
  title = quorum_occurrence_get_title (occurrence);
  location = quorum_occurrence_get_location (occurrence);
  n_expected = quorum_occurrence_get_n_expected (occurrence);

  self->time = quorum_format_time_range (occurrence);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));
  self->kind = g_strdup (quorum_kind_label (quorum_occurrence_get_kind (occurrence)));
  kind_class = quorum_kind_css_class (quorum_occurrence_get_kind (occurrence));
  self->kind_classes = g_strdupv ((char *[]) { "kind-chip", (char *)kind_class, NULL });
  self->bar_classes = g_strdupv ((char *[]) { "kind-bar", (char *)kind_class, NULL });
  self->status = g_strdup (quorum_occurrence_status_label (status));
  status_class = quorum_occurrence_status_css_class (status);
  self->status_classes = g_strdupv ((char *[]) { "status", (char *)status_class, NULL });
  self->title_classes = g_strdupv ((char *[]) { "agenda-title", (char *)status_class, NULL });

  details = g_ptr_array_new_with_free_func (g_free);
  if (location != NULL && *location != '\0')
    g_ptr_array_add (details, g_strdup (location));
  if (n_expected > 0 && status == QUORUM_OCCURRENCE_SCHEDULED
      && quorum_occurrence_get_n_recorded (occurrence) == 0)
    /* Translators: how many people are expected at a session to come */
    g_ptr_array_add (details,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expected", "%u expected",
                                                   n_expected),
                                      n_expected));
  else if (n_expected > 0)
    /* Translators: attendance progress, e.g. "12 of 15 recorded" */
    g_ptr_array_add (details,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u recorded",
                                                   "%u of %u recorded", n_expected),
                                      quorum_occurrence_get_n_recorded (occurrence), n_expected));
  g_ptr_array_add (details, NULL);
  self->details = g_strjoinv (" · ", (char **)details->pdata);
  g_ptr_array_unref (details);

  return self;
}

gboolean
quorum_agenda_item_get_is_header (QuorumAgendaItem *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), FALSE);

  return self->header != NULL;
}

const char *
quorum_agenda_item_get_header (QuorumAgendaItem *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), NULL);

  return self->header;
}

/* Returns: (transfer none) (nullable): the event, %NULL for a header */
QuorumOccurrence *
quorum_agenda_item_get_occurrence (QuorumAgendaItem *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), NULL);

  return self->occurrence;
}

const char *
quorum_agenda_item_get_details (QuorumAgendaItem *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), NULL);

  return self->details;
}
