/* quorum-people-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-people-labels.h"

const char * const quorum_unit_kinds[] = {
  "government", "leadership-group", "party-group", "executive-meeting",
  "department", "town", "branch", "enterprise", NULL
};

const char *
quorum_unit_kind_label (const char *kind)
{
  static const struct {
    const char *kind;
    const char *label;
  } labels[] = {
    { "government", N_("Government") },
    { "leadership-group", N_("Leadership Group") },
    { "party-group", N_("Party Group") },
    { "executive-meeting", N_("Executive Meeting") },
    { "department", N_("Department") },
    { "town", N_("Town") },
    { "branch", N_("Party Branch") },
    { "enterprise", N_("Enterprise") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].kind, kind) == 0)
      return _(labels[i].label);
  return kind;
}

const char *
quorum_relation_kind_heading (const char *kind)
{
  if (g_strcmp0 (kind, "in-charge") == 0)
    return _("In Charge Of");
  if (g_strcmp0 (kind, "assigned-town") == 0)
    return _("Assigned Town");
  if (g_strcmp0 (kind, "linked-enterprise") == 0)
    return _("Linked Enterprises");
  if (g_strcmp0 (kind, "head") == 0)
    return _("Head Of");
  return _("Groups");
}

/* The store's today (tests freeze it), or the clock's. */
GDate *
quorum_today (QuorumStore *store)
{
  g_autoptr(GDateTime) now = store != NULL ? quorum_store_dup_now (store)
                                           : g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}
