/* quorum-store-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain records the store returns: immutable, refcounted boxed structs with
 * public fields to read (never write). People, units, series, occurrences
 * and attendance are GObjects because views bind to them; these are read by
 * code (compliance, exports, the CLI).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * QuorumRelation:
 * @id: the row id
 * @person_id: the person
 * @unit_id: the unit
 * @kind: `member`, `head`, `in-charge`, `assigned-town` or `linked-enterprise`
 * @start: the first day it applies
 * @end: (nullable): the last day it applies, %NULL while it lasts
 *
 * A dated tie between a person and a unit.
 */
typedef struct
{
  gint64  id;
  gint64  person_id;
  gint64  unit_id;
  char   *kind;
  GDate  *start;
  GDate  *end;
} QuorumRelation;

/**
 * QuorumLeave:
 * @id: the row id
 * @person_id: who leaves
 * @start: first day away
 * @end: last day away
 * @destination: where to
 * @reason: why
 * @filed_at: when the request was filed
 * @emergency: filed late because of an emergency (因紧急事项临时外出)
 * @emergency_reason: (nullable): the emergency, set when @emergency
 * @approved: approved by the principal leader
 * @reported_back_at: (nullable): when the person reported back (销假)
 *
 * A leave request (请假) of a member of the government.
 */
typedef struct
{
  gint64     id;
  gint64     person_id;
  GDate     *start;
  GDate     *end;
  char      *destination;
  char      *reason;
  GDateTime *filed_at;
  gboolean   emergency;
  char      *emergency_reason;
  gboolean   approved;
  GDateTime *reported_back_at;
} QuorumLeave;

/**
 * QuorumRecord:
 * @id: the row id
 * @person_id: whose record
 * @kind: a rulebook `Record=` value: `reception-day`, `enterprise-visit`…
 * @date: the day
 * @days: how many days it counts for (research days), usually 1
 * @unannounced: an unannounced visit (四不两直)
 * @unit_id: the enterprise, department or town concerned, or 0
 * @duty_id: (nullable): the duty it is filed under, when not implied by @kind
 * @note: (nullable): free text
 * @received_on: (nullable): for records with a deadline (a letter answered,
 *   a document countersigned), the day it came in; @date is the day it was done
 *
 * A personal record that counts towards a quota without being a group
 * meeting. Records live in their own table rather than as occurrences of a
 * per-person series: they have no time of day, no participants and no
 * attendance, and several may fall on one day.
 */
typedef struct
{
  gint64    id;
  gint64    person_id;
  char     *kind;
  GDate    *date;
  double    days;
  gboolean  unannounced;
  gint64    unit_id;
  char     *duty_id;
  char     *note;
  GDate    *received_on;
} QuorumRecord;

#define QUORUM_TYPE_RELATION (quorum_relation_get_type ())
#define QUORUM_TYPE_LEAVE    (quorum_leave_get_type ())
#define QUORUM_TYPE_RECORD   (quorum_record_get_type ())

GType           quorum_relation_get_type (void) G_GNUC_CONST;
QuorumRelation *quorum_relation_new      (void);
QuorumRelation *quorum_relation_ref      (QuorumRelation *self);
void            quorum_relation_unref    (QuorumRelation *self);

GType           quorum_leave_get_type    (void) G_GNUC_CONST;
QuorumLeave    *quorum_leave_new         (void);
QuorumLeave    *quorum_leave_ref         (QuorumLeave    *self);
void            quorum_leave_unref       (QuorumLeave    *self);

GType           quorum_record_get_type   (void) G_GNUC_CONST;
QuorumRecord   *quorum_record_new        (void);
QuorumRecord   *quorum_record_ref        (QuorumRecord   *self);
void            quorum_record_unref      (QuorumRecord   *self);
gboolean        quorum_record_kind_is_valid (const char  *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumRelation, quorum_relation_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumLeave, quorum_leave_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumRecord, quorum_record_unref)

G_END_DECLS
