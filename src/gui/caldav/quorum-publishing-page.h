/* quorum-publishing-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-caldav-controller.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PUBLISHING_PAGE (quorum_publishing_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPublishingPage, quorum_publishing_page, QUORUM, PUBLISHING_PAGE, AdwPreferencesPage)

GtkWidget *quorum_publishing_page_new        (void);
void       quorum_publishing_page_set_store  (QuorumPublishingPage   *self,
                                              QuorumStore            *store);
void       quorum_publishing_page_set_controller (QuorumPublishingPage *self,
                                                  QuorumCaldavController *controller);
gboolean   quorum_publishing_page_get_result (QuorumPublishingPage   *self,
                                              const char            **title,
                                              const char            **details);

G_END_DECLS
