/* quorum-filter-choice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-filter-choice"

#include "config.h"

#include "quorum-filter-choice.h"

/**
 * QuorumFilterChoice:
 *
 * One entry of a filter drop-down: a person, a unit or a duty (by @id or
 * @key), or "all" (id 0, no key). @heading names the group it opens (a
 * kind of unit or duty), shown above it in the list; @detail is a dim
 * note after the label (a leader's post).
 */
struct _QuorumFilterChoice
{
  GObject  parent_instance;

  char    *label;
  char    *detail;
  char    *heading;
  char    *key;
  gint64   id;
};

G_DEFINE_FINAL_TYPE (QuorumFilterChoice, quorum_filter_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_filter_choice_finalize (GObject *object)
{
  QuorumFilterChoice *self = (QuorumFilterChoice *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (quorum_filter_choice_parent_class)->finalize (object);
}

static void
quorum_filter_choice_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumFilterChoice *self = QUORUM_FILTER_CHOICE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_filter_choice_class_init (QuorumFilterChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_filter_choice_finalize;
  object_class->get_property = quorum_filter_choice_get_property;

  /* What the drop-down's search matches. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_filter_choice_init (QuorumFilterChoice *self)
{
}

/**
 * quorum_filter_choice_new:
 * @label: what the entry shows
 * @detail: (nullable): a dim note after @label
 * @heading: (nullable): the name of the group this entry opens
 * @id: the person or unit, or 0
 * @key: (nullable): the duty id
 *
 * Returns: (transfer full): a new choice
 */
QuorumFilterChoice *
quorum_filter_choice_new (const char *label,
                          const char *detail,
                          const char *heading,
                          gint64      id,
                          const char *key)
{
  QuorumFilterChoice *self;

  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_FILTER_CHOICE, NULL);
  self->label = g_strdup (label);
  self->detail = detail != NULL && detail[0] != '\0' ? g_strdup (detail) : NULL;
  self->heading = g_strdup (heading);
  self->id = id;
  self->key = g_strdup (key);
  return self;
}

const char *
quorum_filter_choice_get_label (QuorumFilterChoice *self)
{
  g_return_val_if_fail (QUORUM_IS_FILTER_CHOICE (self), NULL);
  return self->label;
}

const char *
quorum_filter_choice_get_detail (QuorumFilterChoice *self)
{
  g_return_val_if_fail (QUORUM_IS_FILTER_CHOICE (self), NULL);
  return self->detail;
}

const char *
quorum_filter_choice_get_heading (QuorumFilterChoice *self)
{
  g_return_val_if_fail (QUORUM_IS_FILTER_CHOICE (self), NULL);
  return self->heading;
}

gint64
quorum_filter_choice_get_id (QuorumFilterChoice *self)
{
  g_return_val_if_fail (QUORUM_IS_FILTER_CHOICE (self), 0);
  return self->id;
}

const char *
quorum_filter_choice_get_key (QuorumFilterChoice *self)
{
  g_return_val_if_fail (QUORUM_IS_FILTER_CHOICE (self), NULL);
  return self->key;
}
