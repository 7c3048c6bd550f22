/* quorum-caldav-controller.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-store.h"

G_BEGIN_DECLS

/**
 * QuorumCaldavStatus:
 * @QUORUM_CALDAV_STATUS_IDLE: nothing running; the last publish (if any) worked
 * @QUORUM_CALDAV_STATUS_PUBLISHING: a publish is running
 * @QUORUM_CALDAV_STATUS_ERROR: the last publish failed (see `last-error`)
 */
typedef enum
{
  QUORUM_CALDAV_STATUS_IDLE,
  QUORUM_CALDAV_STATUS_PUBLISHING,
  QUORUM_CALDAV_STATUS_ERROR,
} QuorumCaldavStatus;

#define QUORUM_TYPE_CALDAV_STATUS (quorum_caldav_status_get_type ())
GType quorum_caldav_status_get_type (void) G_GNUC_CONST;

/* GSettings keys */
#define QUORUM_CALDAV_KEY_AUTO_PUBLISH  "caldav-auto-publish"
#define QUORUM_CALDAV_KEY_SUBSCRIPTIONS "caldav-subscriptions"

#define QUORUM_TYPE_CALDAV_CONTROLLER (quorum_caldav_controller_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCaldavController, quorum_caldav_controller, QUORUM, CALDAV_CONTROLLER, GObject)

QuorumCaldavController *quorum_caldav_controller_new              (QuorumStore            *store,
                                                                   GSettings              *settings);
QuorumCaldavStatus      quorum_caldav_controller_get_status       (QuorumCaldavController *self);
GDateTime              *quorum_caldav_controller_get_last_published (QuorumCaldavController *self);
const char             *quorum_caldav_controller_get_last_report  (QuorumCaldavController *self);
const char             *quorum_caldav_controller_get_last_error   (QuorumCaldavController *self);
GListModel             *quorum_caldav_controller_get_overlay      (QuorumCaldavController *self);
const char             *quorum_caldav_controller_get_overlay_error (QuorumCaldavController *self);
void                    quorum_caldav_controller_set_delay        (QuorumCaldavController *self,
                                                                   guint                   ms);
void                    quorum_caldav_controller_publish          (QuorumCaldavController *self);
void                    quorum_caldav_controller_refresh_overlay  (QuorumCaldavController *self);

G_END_DECLS
