/* quorum-caldav-status-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-caldav-controller.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CALDAV_STATUS_GROUP (quorum_caldav_status_group_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCaldavStatusGroup, quorum_caldav_status_group, QUORUM, CALDAV_STATUS_GROUP, AdwPreferencesGroup)

GtkWidget              *quorum_caldav_status_group_new            (void);
QuorumCaldavController *quorum_caldav_status_group_get_controller (QuorumCaldavStatusGroup *self);
void                    quorum_caldav_status_group_set_controller (QuorumCaldavStatusGroup *self,
                                                                   QuorumCaldavController  *controller);

G_END_DECLS
