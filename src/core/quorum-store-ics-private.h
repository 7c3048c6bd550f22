/* quorum-store-ics-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import with its knobs, for tests.
 */

#pragma once

#include "quorum-store-ics.h"

G_BEGIN_DECLS

gboolean _quorum_store_import_events_full (QuorumStore           *self,
                                           GPtrArray             *events,
                                           const char            *source,
                                           const char            *source_sha256,
                                           gboolean               one_by_one,
                                           QuorumImportReport    *report,
                                           QuorumImportProgress   progress,
                                           gpointer               user_data,
                                           GError               **error);
gboolean _quorum_store_import_file_full   (QuorumStore           *self,
                                           const char            *path,
                                           QuorumImportReport    *report,
                                           QuorumImportProgress   progress,
                                           gpointer               user_data,
                                           gboolean              *out_streamed,
                                           GError               **error);

G_END_DECLS
