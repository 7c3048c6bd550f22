/* quorum-recovery-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_RECOVERY_PAGE (quorum_recovery_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRecoveryPage, quorum_recovery_page, QUORUM, RECOVERY_PAGE, GtkWidget)

void        quorum_recovery_page_set_problem       (QuorumRecoveryPage *self,
                                                    const char         *database_path,
                                                    const GError       *error);
const char *quorum_recovery_page_get_database_path (QuorumRecoveryPage *self);
const char *quorum_recovery_page_get_latest_backup (QuorumRecoveryPage *self);

G_END_DECLS
