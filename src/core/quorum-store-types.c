/* quorum-store-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-store-types"

#include "config.h"

#include "quorum-store-types.h"

G_DEFINE_BOXED_TYPE (QuorumRelation, quorum_relation, quorum_relation_ref, quorum_relation_unref)
G_DEFINE_BOXED_TYPE (QuorumLeave, quorum_leave, quorum_leave_ref, quorum_leave_unref)
G_DEFINE_BOXED_TYPE (QuorumRecord, quorum_record, quorum_record_ref, quorum_record_unref)

/* The `Record=` values of the rulebook format (resources/rulebooks/README.md). */
static const char * const record_kinds[] = {
  "session", "reception-day", "lecture", "enterprise-visit", "research-day", "research-topic",
  "petition-case", "inspection", "talk", "frontline-day", "service-project", "service-activity",
  "report-hearing", "dispatch", "major-matter", "investment-project", "court-appearance",
  "leave-request", "letter-reply", "minutes", "countersign", "plan", "meeting", NULL
};

/**
 * quorum_relation_new:
 *
 * Returns: (transfer full): an empty relation, for the store to fill
 */
QuorumRelation *
quorum_relation_new (void)
{
  return g_atomic_rc_box_new0 (QuorumRelation);
}

QuorumRelation *
quorum_relation_ref (QuorumRelation *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
relation_clear (QuorumRelation *self)
{
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->start, g_date_free);
  g_clear_pointer (&self->end, g_date_free);
}

void
quorum_relation_unref (QuorumRelation *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)relation_clear);
}

/**
 * quorum_leave_new:
 *
 * Returns: (transfer full): an empty leave, for the store to fill
 */
QuorumLeave *
quorum_leave_new (void)
{
  return g_atomic_rc_box_new0 (QuorumLeave);
}

QuorumLeave *
quorum_leave_ref (QuorumLeave *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
leave_clear (QuorumLeave *self)
{
  g_clear_pointer (&self->start, g_date_free);
  g_clear_pointer (&self->end, g_date_free);
  g_clear_pointer (&self->destination, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->filed_at, g_date_time_unref);
  g_clear_pointer (&self->emergency_reason, g_free);
  g_clear_pointer (&self->reported_back_at, g_date_time_unref);
}

void
quorum_leave_unref (QuorumLeave *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)leave_clear);
}

/**
 * quorum_record_new:
 *
 * Returns: (transfer full): an empty record with @days = 1
 */
QuorumRecord *
quorum_record_new (void)
{
  QuorumRecord *self = g_atomic_rc_box_new0 (QuorumRecord);

  self->days = 1.0;
  return self;
}

QuorumRecord *
quorum_record_ref (QuorumRecord *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
record_clear (QuorumRecord *self)
{
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->date, g_date_free);
  g_clear_pointer (&self->duty_id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->received_on, g_date_free);
}

void
quorum_record_unref (QuorumRecord *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)record_clear);
}

/**
 * quorum_record_kind_is_valid:
 * @kind: (nullable): a string
 *
 * Returns: whether @kind is one of the rulebook's `Record=` values
 */
gboolean
quorum_record_kind_is_valid (const char *kind)
{
  return kind != NULL && g_strv_contains ((const char * const *)record_kinds, kind);
}
