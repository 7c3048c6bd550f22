/* quorum-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-person"

#include "config.h"

#include "quorum-person.h"

/**
 * QuorumPerson:
 *
 * A member of the government, as the store keeps them. The store fills
 * #QuorumPerson:id and #QuorumPerson:retired-on; callers edit the rest and
 * hand the object back to quorum_store_update_person().
 */
struct _QuorumPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *title;
  int      rank;
  GDate   *retired_on;
  guint    party_member : 1;
};

G_DEFINE_FINAL_TYPE (QuorumPerson, quorum_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_RANK,
  PROP_PARTY_MEMBER,
  PROP_RETIRED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_person_finalize (GObject *object)
{
  QuorumPerson *self = (QuorumPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->retired_on, g_date_free);

  G_OBJECT_CLASS (quorum_person_parent_class)->finalize (object);
}

static void
quorum_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumPerson *self = QUORUM_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_RANK: g_value_set_int (value, self->rank); break;
    case PROP_PARTY_MEMBER: g_value_set_boolean (value, self->party_member); break;
    case PROP_RETIRED_ON: g_value_set_boxed (value, self->retired_on); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QuorumPerson *self = QUORUM_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_NAME: quorum_person_set_name (self, g_value_get_string (value)); break;
    case PROP_TITLE: quorum_person_set_title (self, g_value_get_string (value)); break;
    case PROP_RANK: quorum_person_set_rank (self, g_value_get_int (value)); break;
    case PROP_PARTY_MEMBER: quorum_person_set_party_member (self, g_value_get_boolean (value)); break;
    case PROP_RETIRED_ON:
      g_clear_pointer (&self->retired_on, g_date_free);
      self->retired_on = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_person_class_init (QuorumPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct_flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_person_finalize;
  object_class->get_property = quorum_person_get_property;
  object_class->set_property = quorum_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_RANK] = g_param_spec_int ("rank", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_PARTY_MEMBER] =
    g_param_spec_boolean ("party-member", NULL, NULL, FALSE, flags);
  properties[PROP_RETIRED_ON] =
    g_param_spec_boxed ("retired-on", NULL, NULL, G_TYPE_DATE, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_person_init (QuorumPerson *self)
{
}

/**
 * quorum_person_new:
 * @name: the full name
 * @title: (nullable): the post, e.g. 副市长
 * @rank: the order in lists: lower is more senior
 *
 * Returns: (transfer full): a person not yet in any store
 */
QuorumPerson *
quorum_person_new (const char *name,
                   const char *title,
                   int         rank)
{
  return g_object_new (QUORUM_TYPE_PERSON,
                       "name", name,
                       "title", title,
                       "rank", rank,
                       NULL);
}

gint64
quorum_person_get_id (QuorumPerson *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON (self), 0);
  return self->id;
}

const char *
quorum_person_get_name (QuorumPerson *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON (self), NULL);
  return self->name;
}

void
quorum_person_set_name (QuorumPerson *self,
                        const char   *name)
{
  g_return_if_fail (QUORUM_IS_PERSON (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
quorum_person_get_title (QuorumPerson *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON (self), NULL);
  return self->title;
}

void
quorum_person_set_title (QuorumPerson *self,
                         const char   *title)
{
  g_return_if_fail (QUORUM_IS_PERSON (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
quorum_person_get_rank (QuorumPerson *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON (self), 0);
  return self->rank;
}

void
quorum_person_set_rank (QuorumPerson *self,
                        int           rank)
{
  g_return_if_fail (QUORUM_IS_PERSON (self));

  if (self->rank == rank)
    return;

  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}

gboolean
quorum_person_get_party_member (QuorumPerson *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON (self), FALSE);
  return self->party_member;
}

void
quorum_person_set_party_member (QuorumPerson *self,
                                gboolean      party_member)
{
  g_return_if_fail (QUORUM_IS_PERSON (self));

  party_member = !!party_member;
  if (self->party_member == (guint)party_member)
    return;

  self->party_member = party_member;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY_MEMBER]);
}

/**
 * quorum_person_get_retired_on:
 * @self: a #QuorumPerson
 *
 * Returns: (transfer none) (nullable): the first day the person no longer
 *   serves, or %NULL while in office
 */
GDate *
quorum_person_get_retired_on (QuorumPerson *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON (self), NULL);
  return self->retired_on;
}
