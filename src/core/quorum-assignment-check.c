/* quorum-assignment-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-assignment-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quorum-assignment-check.h"

/* The unit kind whose members make up a rulebook group. Groups that are not
 * one unit (departments, towns, economic department heads) are not checked. */
static const struct {
  const char *group;
  const char *unit_kind;
} group_units[] = {
  { "leadership", "leadership-group" },
  { "party-group", "party-group" },
  { "government", "government" },
  { "executive-meeting", "executive-meeting" },
};

/* The relation kind a duty's PerUnit counts. */
static const struct {
  const char *per_unit;
  const char *relation_kind;
} per_units[] = {
  { "enterprise", "linked-enterprise" },
  { "town", "assigned-town" },
  { "department", "in-charge" },
};

static const char *
lookup (const char *key,
        gboolean    group)
{
  if (group)
    {
      for (guint i = 0; i < G_N_ELEMENTS (group_units); i++)
        if (g_strcmp0 (group_units[i].group, key) == 0)
          return group_units[i].unit_kind;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (per_units); i++)
        if (g_strcmp0 (per_units[i].per_unit, key) == 0)
          return per_units[i].relation_kind;
    }
  return NULL;
}

static char *
describe (const char *name,
          const char *relation_kind,
          guint       count,
          QuorumDuty *duty,
          gboolean    too_many)
{
  int limit = too_many ? quorum_duty_get_max (duty) : quorum_duty_get_min (duty);
  const char *title = quorum_duty_get_title (duty);

  if (g_str_equal (relation_kind, "linked-enterprise"))
    return too_many
      ? g_strdup_printf (_("%s links with %u enterprises; “%s” allows at most %d."),
                         name, count, title, limit)
      : g_strdup_printf (_("%s links with %u enterprises; “%s” asks for at least %d."),
                         name, count, title, limit);
  if (g_str_equal (relation_kind, "assigned-town"))
    return too_many
      ? g_strdup_printf (_("%s is assigned to %u towns; “%s” allows at most %d."),
                         name, count, title, limit)
      : g_strdup_printf (_("%s is assigned to %u towns; “%s” asks for at least %d."),
                         name, count, title, limit);
  return too_many
    ? g_strdup_printf (_("%s is in charge of %u units; “%s” allows at most %d."),
                       name, count, title, limit)
    : g_strdup_printf (_("%s is in charge of %u units; “%s” asks for at least %d."),
                       name, count, title, limit);
}

/* Whether @person_id belongs to the units of @unit_kind on the day of
 * @relations. An office that has not entered such a unit at all is taken
 * to consist of it, so that ranges are checked before groups are set up. */
static gboolean
in_group (GListModel *units,
          GPtrArray  *relations,
          const char *unit_kind)
{
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);

      if (!g_str_equal (quorum_unit_get_kind (unit), unit_kind))
        continue;
      any = TRUE;
      for (guint j = 0; j < relations->len; j++)
        {
          QuorumRelation *relation = g_ptr_array_index (relations, j);

          if (relation->unit_id == quorum_unit_get_id (unit) &&
              (g_str_equal (relation->kind, "member") || g_str_equal (relation->kind, "head")))
            return TRUE;
        }
    }

  return !any && g_str_equal (unit_kind, "leadership-group");
}

/**
 * quorum_assignment_check:
 * @store: a #QuorumStore
 * @rulebook: the rulebook in force
 * @person_id: a person
 * @date: the day to check
 * @error: return location for a #GError
 *
 * Checks a person's assignments on @date against the rulebook's ranges of
 * related units (`Measure=units`): 2–4 linked enterprises, exactly one
 * assigned town… for the groups the person sits in. These are warnings, not
 * refusals: an office may be between two assignments.
 *
 * Returns: (transfer full) (element-type utf8): one translated sentence per
 *   range broken, empty when none is
 */
GPtrArray *
quorum_assignment_check (QuorumStore     *store,
                         QuorumRulebook  *rulebook,
                         gint64           person_id,
                         GDate           *date,
                         GError         **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(QuorumPerson) person = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GListModel) units = NULL;
  GListModel *duties;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (rulebook), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!(person = quorum_store_get_person (store, person_id, error)) ||
      !(relations = quorum_store_list_relations_at (store, person_id, 0, date, error)) ||
      !(units = quorum_store_list_units (store, NULL, error)))
    return NULL;

  duties = quorum_rulebook_get_duties (rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      const char *unit_kind = lookup (quorum_duty_get_group (duty), TRUE);
      const char *relation_kind = lookup (quorum_duty_get_per_unit (duty), FALSE);
      guint count = 0;

      if (quorum_duty_get_measure (duty) != QUORUM_MEASURE_UNITS ||
          quorum_duty_get_scope (duty) != QUORUM_DUTY_SCOPE_EACH_MEMBER ||
          unit_kind == NULL || relation_kind == NULL ||
          !in_group (units, relations, unit_kind))
        continue;

      for (guint j = 0; j < relations->len; j++)
        if (g_str_equal (((QuorumRelation *)g_ptr_array_index (relations, j))->kind, relation_kind))
          count++;

      if (quorum_duty_get_max (duty) >= 0 && count > (guint)quorum_duty_get_max (duty))
        g_ptr_array_add (warnings, describe (quorum_person_get_name (person), relation_kind,
                                             count, duty, TRUE));
      else if (count < (guint)MAX (quorum_duty_get_min (duty), 0))
        g_ptr_array_add (warnings, describe (quorum_person_get_name (person), relation_kind,
                                             count, duty, FALSE));
    }

  return g_steal_pointer (&warnings);
}
