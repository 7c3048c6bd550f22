/* quorum-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-unit"

#include "config.h"

#include "quorum-unit.h"

/**
 * QuorumUnit:
 *
 * A body people belong to or answer for: the government, the leadership
 * group, the Party group, a department, a town, a Party branch, an enterprise
 * or the executive meeting. #QuorumUnit:kind is one of the strings
 * quorum_unit_kind_is_valid() accepts.
 */
struct _QuorumUnit
{
  GObject  parent_instance;

  gint64   id;
  gint64   parent_id;
  char    *name;
  char    *kind;
  int      rank;
};

G_DEFINE_FINAL_TYPE (QuorumUnit, quorum_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const unit_kinds[] = {
  "government", "leadership-group", "party-group", "department",
  "town", "branch", "enterprise", "executive-meeting", NULL
};

static void
quorum_unit_finalize (GObject *object)
{
  QuorumUnit *self = (QuorumUnit *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (quorum_unit_parent_class)->finalize (object);
}

static void
quorum_unit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QuorumUnit *self = QUORUM_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_PARENT_ID: g_value_set_int64 (value, self->parent_id); break;
    case PROP_RANK: g_value_set_int (value, self->rank); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_unit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  QuorumUnit *self = QUORUM_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_NAME: quorum_unit_set_name (self, g_value_get_string (value)); break;
    case PROP_KIND: quorum_unit_set_kind (self, g_value_get_string (value)); break;
    case PROP_PARENT_ID: quorum_unit_set_parent_id (self, g_value_get_int64 (value)); break;
    case PROP_RANK: quorum_unit_set_rank (self, g_value_get_int (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_unit_class_init (QuorumUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_unit_finalize;
  object_class->get_property = quorum_unit_get_property;
  object_class->set_property = quorum_unit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RANK] = g_param_spec_int ("rank", NULL, NULL, G_MININT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_unit_init (QuorumUnit *self)
{
}

/**
 * quorum_unit_new:
 * @name: the name, e.g. 市政府党组
 * @kind: a unit kind, see quorum_unit_kind_is_valid()
 *
 * Returns: (transfer full): a unit not yet in any store
 */
QuorumUnit *
quorum_unit_new (const char *name,
                 const char *kind)
{
  return g_object_new (QUORUM_TYPE_UNIT, "name", name, "kind", kind, NULL);
}

gint64
quorum_unit_get_id (QuorumUnit *self)
{
  g_return_val_if_fail (QUORUM_IS_UNIT (self), 0);
  return self->id;
}

const char *
quorum_unit_get_name (QuorumUnit *self)
{
  g_return_val_if_fail (QUORUM_IS_UNIT (self), NULL);
  return self->name;
}

void
quorum_unit_set_name (QuorumUnit *self,
                      const char *name)
{
  g_return_if_fail (QUORUM_IS_UNIT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
quorum_unit_get_kind (QuorumUnit *self)
{
  g_return_val_if_fail (QUORUM_IS_UNIT (self), NULL);
  return self->kind;
}

void
quorum_unit_set_kind (QuorumUnit *self,
                      const char *kind)
{
  g_return_if_fail (QUORUM_IS_UNIT (self));

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
quorum_unit_get_parent_id (QuorumUnit *self)
{
  g_return_val_if_fail (QUORUM_IS_UNIT (self), 0);
  return self->parent_id;
}

void
quorum_unit_set_parent_id (QuorumUnit *self,
                           gint64      parent_id)
{
  g_return_if_fail (QUORUM_IS_UNIT (self));

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

int
quorum_unit_get_rank (QuorumUnit *self)
{
  g_return_val_if_fail (QUORUM_IS_UNIT (self), 0);
  return self->rank;
}

void
quorum_unit_set_rank (QuorumUnit *self,
                      int         rank)
{
  g_return_if_fail (QUORUM_IS_UNIT (self));

  if (self->rank == rank)
    return;

  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}

/**
 * quorum_unit_kind_is_valid:
 * @kind: (nullable): a string
 *
 * Returns: whether @kind is one of `government`, `leadership-group`,
 *   `party-group`, `department`, `town`, `branch`, `enterprise`,
 *   `executive-meeting`
 */
gboolean
quorum_unit_kind_is_valid (const char *kind)
{
  return kind != NULL && g_strv_contains ((const char * const *)unit_kinds, kind);
}
