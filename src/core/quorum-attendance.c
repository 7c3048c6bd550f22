/* quorum-attendance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-attendance"

#include "config.h"

#include "quorum-attendance.h"

/**
 * QuorumAttendance:
 *
 * One person at one occurrence, as the roll call shows it: immutable, built by
 * the store with construct-only properties. #QuorumAttendance:recorded is
 * %FALSE when nothing was written yet; the status may then still be
 * %QUORUM_ATTENDANCE_EXCUSED, pre-set from an approved leave.
 * #QuorumAttendance:expected is %FALSE for someone recorded who is not (or no
 * longer) among the participants of the series on that date.
 */
struct _QuorumAttendance
{
  GObject                 parent_instance;

  gint64                  occurrence_id;
  gint64                  person_id;
  char                   *person_name;
  char                   *person_title;
  char                   *reason;
  char                   *occurrence_title;
  GDateTime              *occurrence_start;
  QuorumAttendanceStatus  status;
  QuorumExcuseKind        excuse_kind;
  guint                   key_speaker : 1;
  guint                   recorded : 1;
  guint                   expected : 1;
};

G_DEFINE_FINAL_TYPE (QuorumAttendance, quorum_attendance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OCCURRENCE_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_PERSON_TITLE,
  PROP_STATUS,
  PROP_REASON,
  PROP_EXCUSE_KIND,
  PROP_KEY_SPEAKER,
  PROP_RECORDED,
  PROP_EXPECTED,
  PROP_OCCURRENCE_TITLE,
  PROP_OCCURRENCE_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_attendance_finalize (GObject *object)
{
  QuorumAttendance *self = (QuorumAttendance *)object;

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->person_title, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->occurrence_title, g_free);
  g_clear_pointer (&self->occurrence_start, g_date_time_unref);

  G_OBJECT_CLASS (quorum_attendance_parent_class)->finalize (object);
}

static void
quorum_attendance_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumAttendance *self = QUORUM_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE_ID: g_value_set_int64 (value, self->occurrence_id); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_PERSON_NAME: g_value_set_string (value, self->person_name); break;
    case PROP_PERSON_TITLE: g_value_set_string (value, self->person_title); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    case PROP_EXCUSE_KIND: g_value_set_enum (value, self->excuse_kind); break;
    case PROP_KEY_SPEAKER: g_value_set_boolean (value, self->key_speaker); break;
    case PROP_RECORDED: g_value_set_boolean (value, self->recorded); break;
    case PROP_EXPECTED: g_value_set_boolean (value, self->expected); break;
    case PROP_OCCURRENCE_TITLE: g_value_set_string (value, self->occurrence_title); break;
    case PROP_OCCURRENCE_START: g_value_set_boxed (value, self->occurrence_start); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_attendance_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumAttendance *self = QUORUM_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE_ID: self->occurrence_id = g_value_get_int64 (value); break;
    case PROP_PERSON_ID: self->person_id = g_value_get_int64 (value); break;
    case PROP_PERSON_NAME: self->person_name = g_value_dup_string (value); break;
    case PROP_PERSON_TITLE: self->person_title = g_value_dup_string (value); break;
    case PROP_STATUS: self->status = g_value_get_enum (value); break;
    case PROP_REASON: self->reason = g_value_dup_string (value); break;
    case PROP_EXCUSE_KIND: self->excuse_kind = g_value_get_enum (value); break;
    case PROP_KEY_SPEAKER: self->key_speaker = g_value_get_boolean (value); break;
    case PROP_RECORDED: self->recorded = g_value_get_boolean (value); break;
    case PROP_EXPECTED: self->expected = g_value_get_boolean (value); break;
    case PROP_OCCURRENCE_TITLE: self->occurrence_title = g_value_dup_string (value); break;
    case PROP_OCCURRENCE_START: self->occurrence_start = g_value_dup_boxed (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define CONSTRUCT_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
quorum_attendance_class_init (QuorumAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_attendance_finalize;
  object_class->get_property = quorum_attendance_get_property;
  object_class->set_property = quorum_attendance_set_property;

  properties[PROP_OCCURRENCE_ID] =
    g_param_spec_int64 ("occurrence-id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_PERSON_TITLE] =
    g_param_spec_string ("person-title", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QUORUM_TYPE_ATTENDANCE_STATUS,
                       QUORUM_ATTENDANCE_UNKNOWN, CONSTRUCT_FLAGS);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_EXCUSE_KIND] =
    g_param_spec_enum ("excuse-kind", NULL, NULL, QUORUM_TYPE_EXCUSE_KIND,
                       QUORUM_EXCUSE_NONE, CONSTRUCT_FLAGS);
  properties[PROP_KEY_SPEAKER] =
    g_param_spec_boolean ("key-speaker", NULL, NULL, FALSE, CONSTRUCT_FLAGS);
  properties[PROP_RECORDED] =
    g_param_spec_boolean ("recorded", NULL, NULL, FALSE, CONSTRUCT_FLAGS);
  properties[PROP_EXPECTED] =
    g_param_spec_boolean ("expected", NULL, NULL, TRUE, CONSTRUCT_FLAGS);
  properties[PROP_OCCURRENCE_TITLE] =
    g_param_spec_string ("occurrence-title", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_OCCURRENCE_START] =
    g_param_spec_boxed ("occurrence-start", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_attendance_init (QuorumAttendance *self)
{
}

gint64
quorum_attendance_get_occurrence_id (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), 0);
  return self->occurrence_id;
}

gint64
quorum_attendance_get_person_id (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), 0);
  return self->person_id;
}

const char *
quorum_attendance_get_person_name (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), NULL);
  return self->person_name;
}

const char *
quorum_attendance_get_person_title (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), NULL);
  return self->person_title;
}

QuorumAttendanceStatus
quorum_attendance_get_status (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), QUORUM_ATTENDANCE_UNKNOWN);
  return self->status;
}

/**
 * quorum_attendance_get_reason:
 * @self: a #QuorumAttendance
 *
 * Returns: (transfer none) (nullable): why the person was excused or absent
 */
const char *
quorum_attendance_get_reason (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), NULL);
  return self->reason;
}

QuorumExcuseKind
quorum_attendance_get_excuse_kind (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), QUORUM_EXCUSE_NONE);
  return self->excuse_kind;
}

gboolean
quorum_attendance_get_key_speaker (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), FALSE);
  return self->key_speaker;
}

gboolean
quorum_attendance_get_recorded (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), FALSE);
  return self->recorded;
}

gboolean
quorum_attendance_get_expected (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), FALSE);
  return self->expected;
}

/**
 * quorum_attendance_get_occurrence_title:
 * @self: a #QuorumAttendance
 *
 * Returns: (transfer none) (nullable): the title of the occurrence, filled in
 *   lists that span occurrences (owed make-ups)
 */
const char *
quorum_attendance_get_occurrence_title (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), NULL);
  return self->occurrence_title;
}

/**
 * quorum_attendance_get_occurrence_start:
 * @self: a #QuorumAttendance
 *
 * Returns: (transfer none) (nullable): the start of the occurrence
 */
GDateTime *
quorum_attendance_get_occurrence_start (QuorumAttendance *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDANCE (self), NULL);
  return self->occurrence_start;
}
