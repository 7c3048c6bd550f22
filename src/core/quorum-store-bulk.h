/* quorum-store-bulk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk loading: many store calls in one transaction, without a change
 * signal and an audit row per call, plus fast paths for the rows a bulk
 * load writes by the hundred thousand (attendance, occurrence states).
 */

#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/**
 * QuorumSeat:
 * @occurrence_id: the occurrence
 * @series_id: its series
 * @person_id: a person expected at it
 * @start_unix: when it starts
 *
 * One expected participant of one occurrence.
 */
typedef struct
{
  gint64 occurrence_id;
  gint64 series_id;
  gint64 person_id;
  gint64 start_unix;
} QuorumSeat;

/**
 * QuorumStoreCounts:
 * @people: people, retired ones included
 * @units: units
 * @relations: dated relations
 * @series: series that are not deleted
 * @occurrences: occurrences of those series
 * @attendance: attendance rows
 * @makeups: make-ups
 * @records: personal records
 * @leaves: leave requests
 *
 * How many rows the store holds.
 */
typedef struct
{
  guint people;
  guint units;
  guint relations;
  guint series;
  guint occurrences;
  guint attendance;
  guint makeups;
  guint records;
  guint leaves;
} QuorumStoreCounts;

gboolean  quorum_store_get_counts           (QuorumStore             *self,
                                             QuorumStoreCounts       *out_counts,
                                             GError                 **error);
gboolean  quorum_store_is_empty             (QuorumStore             *self,
                                             gboolean                *out_empty,
                                             GError                 **error);
gboolean  quorum_store_begin_bulk           (QuorumStore             *self,
                                             GDateTime               *now,
                                             const char              *uid_namespace,
                                             GError                 **error);
gboolean  quorum_store_end_bulk             (QuorumStore             *self,
                                             gboolean                 commit,
                                             const char              *action,
                                             const char              *summary_json,
                                             GError                 **error);
gboolean  quorum_store_in_bulk              (QuorumStore             *self);
GArray   *quorum_store_bulk_list_seats      (QuorumStore             *self,
                                             GDateTime               *before,
                                             GError                 **error);
gboolean  quorum_store_bulk_set_attendance  (QuorumStore             *self,
                                             gint64                   occurrence_id,
                                             gint64                   person_id,
                                             QuorumAttendanceStatus   status,
                                             const char              *reason,
                                             QuorumExcuseKind         excuse_kind,
                                             gboolean                 key_speaker,
                                             GError                 **error);
gboolean  quorum_store_bulk_set_status      (QuorumStore             *self,
                                             gint64                   occurrence_id,
                                             QuorumOccurrenceStatus   status,
                                             const char              *reason,
                                             GError                 **error);
gboolean  quorum_store_bulk_mark_attended_held (QuorumStore          *self,
                                                GError              **error);
gboolean  quorum_store_bulk_add_makeup      (QuorumStore             *self,
                                             gint64                   occurrence_id,
                                             gint64                   person_id,
                                             const GDate             *date,
                                             QuorumMakeupMethod       how,
                                             const char              *note,
                                             GError                 **error);
gboolean  quorum_store_bulk_set_minutes     (QuorumStore             *self,
                                             gint64                   occurrence_id,
                                             const char              *text,
                                             const GDate             *signed_on,
                                             GError                 **error);

G_END_DECLS
