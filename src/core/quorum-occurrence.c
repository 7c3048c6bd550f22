/* quorum-occurrence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-occurrence"

#include "config.h"

#include "quorum-occurrence.h"

/**
 * QuorumOccurrence:
 *
 * One dated instance of a series, as the views see it: immutable, built by the
 * store with g_object_new() and construct-only properties. A change makes a
 * new object (the store emits items-changed), so views never see half edits.
 */
struct _QuorumOccurrence
{
  GObject                 parent_instance;

  gint64                  id;
  gint64                  series_id;
  gint64                  owner_id;
  char                   *uid;
  char                   *title;
  char                   *location;
  char                   *duty_id;
  char                   *kind;
  char                   *status_reason;
  GDateTime              *recurrence_id;
  GDateTime              *start;
  GDateTime              *end;
  QuorumOccurrenceStatus  status;
  guint                   n_expected;
  guint                   n_recorded;
  guint                   n_attended;
  guint                   all_day : 1;
  guint                   moved : 1;
  guint                   holiday_shifted : 1;
};

G_DEFINE_FINAL_TYPE (QuorumOccurrence, quorum_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SERIES_ID,
  PROP_OWNER_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_DUTY_ID,
  PROP_KIND,
  PROP_STATUS_REASON,
  PROP_RECURRENCE_ID,
  PROP_START,
  PROP_END,
  PROP_STATUS,
  PROP_N_EXPECTED,
  PROP_N_RECORDED,
  PROP_N_ATTENDED,
  PROP_ALL_DAY,
  PROP_MOVED,
  PROP_HOLIDAY_SHIFTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_occurrence_finalize (GObject *object)
{
  QuorumOccurrence *self = (QuorumOccurrence *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->duty_id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->recurrence_id, g_date_time_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);

  G_OBJECT_CLASS (quorum_occurrence_parent_class)->finalize (object);
}

static void
quorum_occurrence_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumOccurrence *self = QUORUM_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_SERIES_ID: g_value_set_int64 (value, self->series_id); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_UID: g_value_set_string (value, self->uid); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_LOCATION: g_value_set_string (value, self->location); break;
    case PROP_DUTY_ID: g_value_set_string (value, self->duty_id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_STATUS_REASON: g_value_set_string (value, self->status_reason); break;
    case PROP_RECURRENCE_ID: g_value_set_boxed (value, self->recurrence_id); break;
    case PROP_START: g_value_set_boxed (value, self->start); break;
    case PROP_END: g_value_set_boxed (value, self->end); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_N_EXPECTED: g_value_set_uint (value, self->n_expected); break;
    case PROP_N_RECORDED: g_value_set_uint (value, self->n_recorded); break;
    case PROP_N_ATTENDED: g_value_set_uint (value, self->n_attended); break;
    case PROP_ALL_DAY: g_value_set_boolean (value, self->all_day); break;
    case PROP_MOVED: g_value_set_boolean (value, self->moved); break;
    case PROP_HOLIDAY_SHIFTED: g_value_set_boolean (value, self->holiday_shifted); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_occurrence_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumOccurrence *self = QUORUM_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_SERIES_ID: self->series_id = g_value_get_int64 (value); break;
    case PROP_OWNER_ID: self->owner_id = g_value_get_int64 (value); break;
    case PROP_UID: self->uid = g_value_dup_string (value); break;
    case PROP_TITLE: self->title = g_value_dup_string (value); break;
    case PROP_LOCATION: self->location = g_value_dup_string (value); break;
    case PROP_DUTY_ID: self->duty_id = g_value_dup_string (value); break;
    case PROP_KIND: self->kind = g_value_dup_string (value); break;
    case PROP_STATUS_REASON: self->status_reason = g_value_dup_string (value); break;
    case PROP_RECURRENCE_ID: self->recurrence_id = g_value_dup_boxed (value); break;
    case PROP_START: self->start = g_value_dup_boxed (value); break;
    case PROP_END: self->end = g_value_dup_boxed (value); break;
    case PROP_STATUS: self->status = g_value_get_enum (value); break;
    case PROP_N_EXPECTED: self->n_expected = g_value_get_uint (value); break;
    case PROP_N_RECORDED: self->n_recorded = g_value_get_uint (value); break;
    case PROP_N_ATTENDED: self->n_attended = g_value_get_uint (value); break;
    case PROP_ALL_DAY: self->all_day = g_value_get_boolean (value); break;
    case PROP_MOVED: self->moved = g_value_get_boolean (value); break;
    case PROP_HOLIDAY_SHIFTED: self->holiday_shifted = g_value_get_boolean (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_occurrence_constructed (GObject *object)
{
  QuorumOccurrence *self = (QuorumOccurrence *)object;

  G_OBJECT_CLASS (quorum_occurrence_parent_class)->constructed (object);

  /* An occurrence always has a span, so views never check for NULL. */
  if (self->start == NULL)
    self->start = g_date_time_new_from_unix_utc (0);
  if (self->end == NULL || g_date_time_compare (self->end, self->start) < 0)
    {
      g_clear_pointer (&self->end, g_date_time_unref);
      self->end = g_date_time_ref (self->start);
    }
}

#define CONSTRUCT_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
quorum_occurrence_class_init (QuorumOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_occurrence_finalize;
  object_class->get_property = quorum_occurrence_get_property;
  object_class->set_property = quorum_occurrence_set_property;
  object_class->constructed = quorum_occurrence_constructed;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_DUTY_ID] = g_param_spec_string ("duty-id", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_STATUS_REASON] =
    g_param_spec_string ("status-reason", NULL, NULL, NULL, CONSTRUCT_FLAGS);
  properties[PROP_RECURRENCE_ID] =
    g_param_spec_boxed ("recurrence-id", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);
  properties[PROP_END] = g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QUORUM_TYPE_OCCURRENCE_STATUS,
                       QUORUM_OCCURRENCE_SCHEDULED, CONSTRUCT_FLAGS);
  properties[PROP_N_EXPECTED] =
    g_param_spec_uint ("n-expected", NULL, NULL, 0, G_MAXUINT, 0, CONSTRUCT_FLAGS);
  properties[PROP_N_RECORDED] =
    g_param_spec_uint ("n-recorded", NULL, NULL, 0, G_MAXUINT, 0, CONSTRUCT_FLAGS);
  properties[PROP_N_ATTENDED] =
    g_param_spec_uint ("n-attended", NULL, NULL, 0, G_MAXUINT, 0, CONSTRUCT_FLAGS);
  properties[PROP_ALL_DAY] = g_param_spec_boolean ("all-day", NULL, NULL, FALSE, CONSTRUCT_FLAGS);
  properties[PROP_MOVED] = g_param_spec_boolean ("moved", NULL, NULL, FALSE, CONSTRUCT_FLAGS);
  properties[PROP_HOLIDAY_SHIFTED] =
    g_param_spec_boolean ("holiday-shifted", NULL, NULL, FALSE, CONSTRUCT_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_occurrence_init (QuorumOccurrence *self)
{
}

gint64
quorum_occurrence_get_id (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), 0);
  return self->id;
}

gint64
quorum_occurrence_get_series_id (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), 0);
  return self->series_id;
}

/**
 * quorum_occurrence_get_uid:
 * @self: a #QuorumOccurrence
 *
 * Returns: (transfer none) (nullable): the iCalendar UID of the series
 */
const char *
quorum_occurrence_get_uid (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->uid;
}

/**
 * quorum_occurrence_get_recurrence_id:
 * @self: a #QuorumOccurrence
 *
 * Returns: (transfer none) (nullable): the start the rule gave this occurrence,
 *   before any move (iCalendar RECURRENCE-ID); %NULL for a single event
 */
GDateTime *
quorum_occurrence_get_recurrence_id (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->recurrence_id;
}

const char *
quorum_occurrence_get_title (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->title;
}

const char *
quorum_occurrence_get_location (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->location;
}

/**
 * quorum_occurrence_get_start:
 * @self: a #QuorumOccurrence
 *
 * Returns: (transfer none): the start, in the series' time zone
 */
GDateTime *
quorum_occurrence_get_start (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->start;
}

/**
 * quorum_occurrence_get_end:
 * @self: a #QuorumOccurrence
 *
 * Returns: (transfer none): the end (exclusive), never before the start
 */
GDateTime *
quorum_occurrence_get_end (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->end;
}

gboolean
quorum_occurrence_get_all_day (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), FALSE);
  return self->all_day;
}

/**
 * quorum_occurrence_get_duty_id:
 * @self: a #QuorumOccurrence
 *
 * Returns: (transfer none) (nullable): the id of the rulebook duty it serves
 */
const char *
quorum_occurrence_get_duty_id (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->duty_id;
}

/**
 * quorum_occurrence_get_kind:
 * @self: a #QuorumOccurrence
 *
 * Returns: (transfer none) (nullable): the duty kind (study, meeting, …), which
 *   the views use for colour and the exports for CATEGORIES
 */
const char *
quorum_occurrence_get_kind (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->kind;
}

gint64
quorum_occurrence_get_owner_id (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), 0);
  return self->owner_id;
}

QuorumOccurrenceStatus
quorum_occurrence_get_status (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), QUORUM_OCCURRENCE_SCHEDULED);
  return self->status;
}

const char *
quorum_occurrence_get_status_reason (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), NULL);
  return self->status_reason;
}

gboolean
quorum_occurrence_get_moved (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), FALSE);
  return self->moved;
}

gboolean
quorum_occurrence_get_holiday_shifted (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), FALSE);
  return self->holiday_shifted;
}

guint
quorum_occurrence_get_n_expected (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), 0);
  return self->n_expected;
}

guint
quorum_occurrence_get_n_recorded (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), 0);
  return self->n_recorded;
}

guint
quorum_occurrence_get_n_attended (QuorumOccurrence *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), 0);
  return self->n_attended;
}

/**
 * quorum_occurrence_overlaps:
 * @self: a #QuorumOccurrence
 * @range_start: start of a half-open range
 * @range_end: end of the range (exclusive)
 *
 * Returns: whether the occurrence has any part inside [@range_start, @range_end);
 *   an occurrence of zero length counts when its start is inside
 */
gboolean
quorum_occurrence_overlaps (QuorumOccurrence *self,
                            GDateTime        *range_start,
                            GDateTime        *range_end)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE (self), FALSE);
  g_return_val_if_fail (range_start != NULL && range_end != NULL, FALSE);

  if (g_date_time_compare (self->start, range_end) >= 0)
    return FALSE;
  if (g_date_time_equal (self->start, self->end))
    return g_date_time_compare (self->start, range_start) >= 0;
  return g_date_time_compare (self->end, range_start) > 0;
}

/**
 * quorum_occurrence_compare:
 * @a: a #QuorumOccurrence
 * @b: a #QuorumOccurrence
 *
 * Orders by start, then end, then id: a total order for sorting.
 *
 * Returns: negative, zero or positive, as strcmp()
 */
int
quorum_occurrence_compare (gconstpointer a,
                           gconstpointer b)
{
  QuorumOccurrence *oa = (QuorumOccurrence *)a;
  QuorumOccurrence *ob = (QuorumOccurrence *)b;
  int r;

  if ((r = g_date_time_compare (oa->start, ob->start)) != 0)
    return r;
  if ((r = g_date_time_compare (oa->end, ob->end)) != 0)
    return r;
  return (oa->id > ob->id) - (oa->id < ob->id);
}
