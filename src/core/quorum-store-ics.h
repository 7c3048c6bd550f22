/* quorum-store-ics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store as iCalendar: exports of series and occurrences, imports that
 * update by UID, and the secret tokens of the phone feeds.
 */

#pragma once

#include "quorum-ics.h"
#include "quorum-store.h"

G_BEGIN_DECLS

/**
 * QuorumExportShape:
 * @QUORUM_EXPORT_FULL: each series once, as a master with its RRULE, EXDATEs
 *   and RECURRENCE-ID overrides: for archives and moving between calendars
 * @QUORUM_EXPORT_FEED: one event per occurrence in a rolling window: for
 *   phone subscriptions, which render recurrence exceptions unevenly
 *
 * How quorum_store_export_events() writes the calendar.
 */
typedef enum
{
  QUORUM_EXPORT_FULL,
  QUORUM_EXPORT_FEED,
} QuorumExportShape;

/* The default window of a FEED export, around the store's "now". */
#define QUORUM_FEED_DAYS_BACK  90
#define QUORUM_FEED_DAYS_AHEAD 400

/**
 * QuorumExportScope:
 * @person_id: only what this person is expected at, or 0
 * @unit_id: only series with this participant unit, or 0
 * @duty_id: (nullable): only series serving this duty
 * @from: (nullable): start of the range; %NULL for the beginning (FULL) or
 *   %QUORUM_FEED_DAYS_BACK days ago (FEED)
 * @to: (nullable): end of the range (exclusive); %NULL for the horizon
 *   (FULL) or %QUORUM_FEED_DAYS_AHEAD days ahead (FEED)
 *
 * What quorum_store_export_events() writes. A FULL export takes every series
 * with an occurrence in the range, whole.
 */
typedef struct
{
  gint64      person_id;
  gint64      unit_id;
  const char *duty_id;
  GDateTime  *from;
  GDateTime  *to;
} QuorumExportScope;

/**
 * QuorumImportReport:
 * @n_created: series added
 * @n_updated: series that existed (same UID) and were changed
 * @n_unchanged: series that existed and were already the same
 * @n_overrides: occurrences changed by RECURRENCE-ID events
 * @warnings: (array zero-terminated=1): what was skipped, and why
 *
 * What quorum_store_import_events() did.
 */
typedef struct
{
  guint  n_created;
  guint  n_updated;
  guint  n_unchanged;
  guint  n_overrides;
  GStrv  warnings;
} QuorumImportReport;

/**
 * QuorumImportProgress:
 * @done: events handled so far
 * @total: events in all
 * @user_data: the data given with the callback
 *
 * Called while an import runs, in the importing thread.
 */
typedef void (*QuorumImportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

void        quorum_import_report_clear       (QuorumImportReport       *report);

GPtrArray  *quorum_store_export_events       (QuorumStore              *self,
                                              const QuorumExportScope  *scope,
                                              QuorumExportShape         shape,
                                              GError                  **error);
char       *quorum_store_export_ics          (QuorumStore              *self,
                                              const QuorumExportScope  *scope,
                                              QuorumExportShape         shape,
                                              const QuorumIcsExportOptions *options,
                                              gsize                    *out_len,
                                              GError                  **error);
gboolean    quorum_store_import_events       (QuorumStore              *self,
                                              GPtrArray                *events,
                                              QuorumImportReport       *report,
                                              QuorumImportProgress      progress,
                                              gpointer                  user_data,
                                              GError                  **error);
gboolean    quorum_store_import_file         (QuorumStore              *self,
                                              const char               *path,
                                              QuorumImportReport       *report,
                                              QuorumImportProgress      progress,
                                              gpointer                  user_data,
                                              GError                  **error);
const char *quorum_duty_kind_get_label       (const char               *kind);

/* Feed tokens: person 0 is the whole office. */
char       *quorum_store_dup_feed_token      (QuorumStore              *self,
                                              gint64                    person_id,
                                              GError                  **error);
gboolean    quorum_store_set_feed_token      (QuorumStore              *self,
                                              gint64                    person_id,
                                              const char               *token,
                                              GError                  **error);
GHashTable *quorum_store_list_feed_tokens    (QuorumStore              *self,
                                              GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuorumImportReport, quorum_import_report_clear)

G_END_DECLS
