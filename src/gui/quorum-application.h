/* quorum-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-caldav-controller.h"
#include "quorum-database.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_APPLICATION    (quorum_application_get_type ())
#define QUORUM_APPLICATION_DEFAULT (QUORUM_APPLICATION (g_application_get_default ()))

G_DECLARE_FINAL_TYPE (QuorumApplication, quorum_application, QUORUM, APPLICATION, AdwApplication)

QuorumApplication *quorum_application_new          (void);
QuorumDatabase    *quorum_application_get_database (QuorumApplication  *self);
const GError      *quorum_application_get_database_error (QuorumApplication *self);
GSettings         *quorum_application_get_settings (QuorumApplication  *self);
QuorumStore       *quorum_application_get_store    (QuorumApplication  *self);
QuorumWorkdays    *quorum_application_get_workdays (QuorumApplication  *self);
QuorumRulebook    *quorum_application_get_rulebook (QuorumApplication  *self);
gboolean           quorum_application_switch_database (QuorumApplication  *self,
                                                       const char         *path,
                                                       GError            **error);
gboolean           quorum_application_is_demo      (QuorumApplication  *self);
char              *quorum_application_dup_demo_database (void);
QuorumCaldavController *quorum_application_get_caldav_controller (QuorumApplication *self);
const char        *quorum_application_get_database_path (QuorumApplication *self);
gint64             quorum_application_get_audit_broken_at (QuorumApplication *self);
gboolean           quorum_application_has_background_writes (QuorumApplication *self);
gboolean           quorum_application_reopen_database (QuorumApplication  *self,
                                                       GError            **error);
gboolean           quorum_application_restore_backup (QuorumApplication  *self,
                                                      const char         *backup_path,
                                                      char              **out_moved_aside,
                                                      GError            **error);

G_END_DECLS
