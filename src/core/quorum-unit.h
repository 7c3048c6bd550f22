/* quorum-unit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_UNIT (quorum_unit_get_type ())

G_DECLARE_FINAL_TYPE (QuorumUnit, quorum_unit, QUORUM, UNIT, GObject)

QuorumUnit *quorum_unit_new           (const char *name,
                                       const char *kind);
gint64      quorum_unit_get_id        (QuorumUnit *self);
const char *quorum_unit_get_name      (QuorumUnit *self);
void        quorum_unit_set_name      (QuorumUnit *self,
                                       const char *name);
const char *quorum_unit_get_kind      (QuorumUnit *self);
void        quorum_unit_set_kind      (QuorumUnit *self,
                                       const char *kind);
gint64      quorum_unit_get_parent_id (QuorumUnit *self);
void        quorum_unit_set_parent_id (QuorumUnit *self,
                                       gint64      parent_id);
int         quorum_unit_get_rank      (QuorumUnit *self);
void        quorum_unit_set_rank      (QuorumUnit *self,
                                       int         rank);
gboolean    quorum_unit_kind_is_valid (const char *kind);

G_END_DECLS
