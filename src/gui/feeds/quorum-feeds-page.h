/* quorum-feeds-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-caldav-controller.h"

#include "quorum-feed-row.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_FEEDS_PAGE (quorum_feeds_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFeedsPage, quorum_feeds_page, QUORUM, FEEDS_PAGE, GtkWidget)

GtkWidget     *quorum_feeds_page_new          (void);
QuorumStore   *quorum_feeds_page_get_store    (QuorumFeedsPage *self);
void           quorum_feeds_page_set_store    (QuorumFeedsPage *self,
                                               QuorumStore     *store);
QuorumRulebook *quorum_feeds_page_get_rulebook (QuorumFeedsPage *self);
void           quorum_feeds_page_set_rulebook (QuorumFeedsPage *self,
                                               QuorumRulebook  *rulebook);
QuorumFeedRow *quorum_feeds_page_get_row      (QuorumFeedsPage *self,
                                               gint64           person_id);
guint          quorum_feeds_page_get_n_rows   (QuorumFeedsPage *self);
gboolean       quorum_feeds_page_is_serving   (QuorumFeedsPage *self);
gboolean       quorum_feeds_page_is_importing (QuorumFeedsPage *self);
guint          quorum_feeds_page_get_n_published (QuorumFeedsPage *self);
void           quorum_feeds_page_import_file  (QuorumFeedsPage *self,
                                               GFile           *file);

void quorum_feeds_page_set_caldav_controller (QuorumFeedsPage        *self,
                                              QuorumCaldavController *controller);

G_END_DECLS
