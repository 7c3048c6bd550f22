/* quorum-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WELCOME_PAGE (quorum_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWelcomePage, quorum_welcome_page, QUORUM, WELCOME_PAGE, AdwBin)

gboolean quorum_welcome_page_is_needed (QuorumStore *store);

G_END_DECLS
