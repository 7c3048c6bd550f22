/* quorum-feeds-tasks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports, imports and publishing that run in a worker thread with their
 * own database connection, so a large calendar never freezes the window;
 * and the file filter the choosers offer.
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-store-ics.h"

G_BEGIN_DECLS

/**
 * QuorumFeedsProgressFunc:
 * @target: the object given to quorum_feeds_import_async(), alive
 * @done: events handled so far
 * @total: events in all
 *
 * Reports how far an import has come, on the thread that started it.
 */
typedef void (*QuorumFeedsProgressFunc) (GObject *target,
                                         guint    done,
                                         guint    total);

GtkFileFilter *quorum_feeds_ics_filter_new (void);

void     quorum_feeds_export_async  (QuorumStore              *store,
                                     const QuorumExportScope  *scope,
                                     QuorumExportShape         shape,
                                     gboolean                  public_feed,
                                     GFile                    *file,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
gboolean quorum_feeds_export_finish (GAsyncResult             *result,
                                     guint                    *out_n_events,
                                     GError                  **error);
void     quorum_feeds_import_async  (QuorumStore              *store,
                                     GFile                    *file,
                                     GObject                  *progress_target,
                                     QuorumFeedsProgressFunc   progress,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
gboolean quorum_feeds_import_finish (GAsyncResult             *result,
                                     QuorumImportReport       *report,
                                     GError                  **error);

void     quorum_feeds_publish_async  (QuorumStore              *store,
                                      const char               *folder,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
gboolean quorum_feeds_publish_finish (GAsyncResult             *result,
                                      guint                    *out_n_files,
                                      GError                  **error);

G_END_DECLS
