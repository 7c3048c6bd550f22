/* quorum-occurrence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_OCCURRENCE (quorum_occurrence_get_type ())

G_DECLARE_FINAL_TYPE (QuorumOccurrence, quorum_occurrence, QUORUM, OCCURRENCE, GObject)

gint64                  quorum_occurrence_get_id            (QuorumOccurrence *self);
gint64                  quorum_occurrence_get_series_id     (QuorumOccurrence *self);
const char             *quorum_occurrence_get_uid           (QuorumOccurrence *self);
GDateTime              *quorum_occurrence_get_recurrence_id (QuorumOccurrence *self);
const char             *quorum_occurrence_get_title         (QuorumOccurrence *self);
const char             *quorum_occurrence_get_location      (QuorumOccurrence *self);
GDateTime              *quorum_occurrence_get_start         (QuorumOccurrence *self);
GDateTime              *quorum_occurrence_get_end           (QuorumOccurrence *self);
gboolean                quorum_occurrence_get_all_day       (QuorumOccurrence *self);
const char             *quorum_occurrence_get_duty_id       (QuorumOccurrence *self);
const char             *quorum_occurrence_get_kind          (QuorumOccurrence *self);
gint64                  quorum_occurrence_get_owner_id      (QuorumOccurrence *self);
QuorumOccurrenceStatus  quorum_occurrence_get_status        (QuorumOccurrence *self);
const char             *quorum_occurrence_get_status_reason (QuorumOccurrence *self);
gboolean                quorum_occurrence_get_moved         (QuorumOccurrence *self);
gboolean                quorum_occurrence_get_holiday_shifted (QuorumOccurrence *self);
guint                   quorum_occurrence_get_n_expected    (QuorumOccurrence *self);
guint                   quorum_occurrence_get_n_recorded    (QuorumOccurrence *self);
guint                   quorum_occurrence_get_n_attended    (QuorumOccurrence *self);
gboolean                quorum_occurrence_overlaps          (QuorumOccurrence *self,
                                                             GDateTime        *range_start,
                                                             GDateTime        *range_end);
int                     quorum_occurrence_compare           (gconstpointer     a,
                                                             gconstpointer     b);

G_END_DECLS
