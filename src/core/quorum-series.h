/* quorum-series.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_SERIES (quorum_series_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSeries, quorum_series, QUORUM, SERIES, GObject)

QuorumSeries  *quorum_series_new                  (const char    *title,
                                                   GDateTime     *dtstart);
QuorumSeries  *quorum_series_copy                 (QuorumSeries  *self);
gint64         quorum_series_get_id               (QuorumSeries  *self);
const char    *quorum_series_get_uid              (QuorumSeries  *self);
int            quorum_series_get_sequence         (QuorumSeries  *self);
gint64         quorum_series_get_split_from       (QuorumSeries  *self);
const char    *quorum_series_get_title            (QuorumSeries  *self);
void           quorum_series_set_title            (QuorumSeries  *self,
                                                   const char    *title);
const char    *quorum_series_get_duty_id          (QuorumSeries  *self);
void           quorum_series_set_duty_id          (QuorumSeries  *self,
                                                   const char    *duty_id);
const char    *quorum_series_get_kind             (QuorumSeries  *self);
void           quorum_series_set_kind             (QuorumSeries  *self,
                                                   const char    *kind);
const char    *quorum_series_get_rrule            (QuorumSeries  *self);
void           quorum_series_set_rrule            (QuorumSeries  *self,
                                                   const char    *rrule);
GDateTime     *quorum_series_get_dtstart          (QuorumSeries  *self);
void           quorum_series_set_dtstart          (QuorumSeries  *self,
                                                   GDateTime     *dtstart);
int            quorum_series_get_duration_minutes (QuorumSeries  *self);
void           quorum_series_set_duration_minutes (QuorumSeries  *self,
                                                   int            minutes);
gboolean       quorum_series_get_all_day          (QuorumSeries  *self);
void           quorum_series_set_all_day          (QuorumSeries  *self,
                                                   gboolean       all_day);
const char    *quorum_series_get_tzid             (QuorumSeries  *self);
void           quorum_series_set_tzid             (QuorumSeries  *self,
                                                   const char    *tzid);
const char    *quorum_series_get_location         (QuorumSeries  *self);
void           quorum_series_set_location         (QuorumSeries  *self,
                                                   const char    *location);
const char    *quorum_series_get_description      (QuorumSeries  *self);
void           quorum_series_set_description      (QuorumSeries  *self,
                                                   const char    *description);
gint64         quorum_series_get_owner_id         (QuorumSeries  *self);
void           quorum_series_set_owner_id         (QuorumSeries  *self,
                                                   gint64         owner_id);
const char    *quorum_series_get_holiday_policy   (QuorumSeries  *self);
void           quorum_series_set_holiday_policy   (QuorumSeries  *self,
                                                   const char    *policy);
int            quorum_series_get_reminder_minutes (QuorumSeries  *self);
void           quorum_series_set_reminder_minutes (QuorumSeries  *self,
                                                   int            minutes);
void           quorum_series_add_participant_unit   (QuorumSeries *self,
                                                     gint64        unit_id);
void           quorum_series_add_participant_person (QuorumSeries *self,
                                                     gint64        person_id);
void           quorum_series_clear_participants     (QuorumSeries *self);
const gint64  *quorum_series_get_participant_units  (QuorumSeries *self,
                                                     guint        *n_units);
const gint64  *quorum_series_get_participant_people (QuorumSeries *self,
                                                     guint        *n_people);
void           quorum_series_add_exdate           (QuorumSeries  *self,
                                                   GDateTime     *recurrence_id);
GPtrArray     *quorum_series_get_exdates          (QuorumSeries  *self);
gboolean       quorum_series_holiday_policy_is_valid (const char *policy);

G_END_DECLS
