/* quorum-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-series"

#include "config.h"

#include "quorum-series.h"

/**
 * QuorumSeries:
 *
 * A meeting or duty series: a title, a start in its own time zone and an
 * optional iCalendar RRULE, plus who takes part (units, resolved through
 * dated relations at each occurrence, and single people). It is the template
 * passed to quorum_store_add_series() and quorum_store_update_series(); the
 * store fills the construct-only #QuorumSeries:id, #QuorumSeries:uid,
 * #QuorumSeries:sequence and #QuorumSeries:split-from when it reads one back.
 *
 * #QuorumSeries:holiday-policy is `keep`, `skip`, `next-workday` or
 * `previous-workday`; #QuorumSeries:reminder-minutes is -1 for no reminder.
 */
struct _QuorumSeries
{
  GObject    parent_instance;

  gint64     id;
  gint64     owner_id;
  gint64     split_from;
  char      *uid;
  char      *title;
  char      *duty_id;
  char      *kind;
  char      *rrule;
  char      *tzid;
  char      *location;
  char      *description;
  char      *holiday_policy;
  GDateTime *dtstart;
  GArray    *units;
  GArray    *people;
  GPtrArray *exdates;
  int        sequence;
  int        duration_minutes;
  int        reminder_minutes;
  guint      all_day : 1;
};

G_DEFINE_FINAL_TYPE (QuorumSeries, quorum_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_SEQUENCE,
  PROP_SPLIT_FROM,
  PROP_TITLE,
  PROP_DUTY_ID,
  PROP_KIND,
  PROP_RRULE,
  PROP_DTSTART,
  PROP_DURATION_MINUTES,
  PROP_ALL_DAY,
  PROP_TZID,
  PROP_LOCATION,
  PROP_DESCRIPTION,
  PROP_OWNER_ID,
  PROP_HOLIDAY_POLICY,
  PROP_REMINDER_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const holiday_policies[] = {
  "keep", "skip", "next-workday", "previous-workday", NULL
};

static void
set_string (QuorumSeries  *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int (QuorumSeries *self,
         int          *field,
         int           value,
         guint         prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
quorum_series_finalize (GObject *object)
{
  QuorumSeries *self = (QuorumSeries *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->duty_id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->holiday_policy, g_free);
  g_clear_pointer (&self->dtstart, g_date_time_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->exdates, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_series_parent_class)->finalize (object);
}

static void
quorum_series_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumSeries *self = QUORUM_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UID: g_value_set_string (value, self->uid); break;
    case PROP_SEQUENCE: g_value_set_int (value, self->sequence); break;
    case PROP_SPLIT_FROM: g_value_set_int64 (value, self->split_from); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DUTY_ID: g_value_set_string (value, self->duty_id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_RRULE: g_value_set_string (value, self->rrule); break;
    case PROP_DTSTART: g_value_set_boxed (value, self->dtstart); break;
    case PROP_DURATION_MINUTES: g_value_set_int (value, self->duration_minutes); break;
    case PROP_ALL_DAY: g_value_set_boolean (value, self->all_day); break;
    case PROP_TZID: g_value_set_string (value, self->tzid); break;
    case PROP_LOCATION: g_value_set_string (value, self->location); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_HOLIDAY_POLICY: g_value_set_string (value, self->holiday_policy); break;
    case PROP_REMINDER_MINUTES: g_value_set_int (value, self->reminder_minutes); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_series_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QuorumSeries *self = QUORUM_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_UID: self->uid = g_value_dup_string (value); break;
    case PROP_SEQUENCE: self->sequence = g_value_get_int (value); break;
    case PROP_SPLIT_FROM: self->split_from = g_value_get_int64 (value); break;
    case PROP_TITLE: quorum_series_set_title (self, g_value_get_string (value)); break;
    case PROP_DUTY_ID: quorum_series_set_duty_id (self, g_value_get_string (value)); break;
    case PROP_KIND: quorum_series_set_kind (self, g_value_get_string (value)); break;
    case PROP_RRULE: quorum_series_set_rrule (self, g_value_get_string (value)); break;
    case PROP_DTSTART: quorum_series_set_dtstart (self, g_value_get_boxed (value)); break;
    case PROP_DURATION_MINUTES:
      quorum_series_set_duration_minutes (self, g_value_get_int (value));
      break;
    case PROP_ALL_DAY: quorum_series_set_all_day (self, g_value_get_boolean (value)); break;
    case PROP_TZID: quorum_series_set_tzid (self, g_value_get_string (value)); break;
    case PROP_LOCATION: quorum_series_set_location (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION:
      quorum_series_set_description (self, g_value_get_string (value));
      break;
    case PROP_OWNER_ID: quorum_series_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_HOLIDAY_POLICY:
      quorum_series_set_holiday_policy (self, g_value_get_string (value));
      break;
    case PROP_REMINDER_MINUTES:
      quorum_series_set_reminder_minutes (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_series_class_init (QuorumSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct_flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_series_finalize;
  object_class->get_property = quorum_series_get_property;
  object_class->set_property = quorum_series_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, construct_flags);
  properties[PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL, 0, G_MAXINT, 0, construct_flags);
  properties[PROP_SPLIT_FROM] =
    g_param_spec_int64 ("split-from", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DUTY_ID] = g_param_spec_string ("duty-id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_RRULE] = g_param_spec_string ("rrule", NULL, NULL, NULL, flags);
  properties[PROP_DTSTART] =
    g_param_spec_boxed ("dtstart", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, NULL, 0, G_MAXINT, 60, flags);
  properties[PROP_ALL_DAY] = g_param_spec_boolean ("all-day", NULL, NULL, FALSE, flags);
  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL, "Asia/Shanghai", flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HOLIDAY_POLICY] =
    g_param_spec_string ("holiday-policy", NULL, NULL, "keep", flags);
  properties[PROP_REMINDER_MINUTES] =
    g_param_spec_int ("reminder-minutes", NULL, NULL, -1, G_MAXINT, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_series_init (QuorumSeries *self)
{
  self->tzid = g_strdup ("Asia/Shanghai");
  self->holiday_policy = g_strdup ("keep");
  self->duration_minutes = 60;
  self->reminder_minutes = -1;
  self->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exdates = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
}

/**
 * quorum_series_new:
 * @title: the title
 * @dtstart: (nullable): the first start; its time zone is ignored in favour
 *   of #QuorumSeries:tzid, only the wall-clock time counts
 *
 * Returns: (transfer full): a series template not yet in any store
 */
QuorumSeries *
quorum_series_new (const char *title,
                   GDateTime  *dtstart)
{
  return g_object_new (QUORUM_TYPE_SERIES, "title", title, "dtstart", dtstart, NULL);
}

/**
 * quorum_series_copy:
 * @self: a #QuorumSeries
 *
 * Copies everything but the identity (id, uid, sequence, split-from): the
 * starting point for the changes of quorum_store_split_series().
 *
 * Returns: (transfer full): a new template
 */
QuorumSeries *
quorum_series_copy (QuorumSeries *self)
{
  QuorumSeries *copy;

  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);

  copy = g_object_new (QUORUM_TYPE_SERIES,
                       "title", self->title,
                       "duty-id", self->duty_id,
                       "kind", self->kind,
                       "rrule", self->rrule,
                       "dtstart", self->dtstart,
                       "duration-minutes", self->duration_minutes,
                       "all-day", (gboolean)self->all_day,
                       "tzid", self->tzid,
                       "location", self->location,
                       "description", self->description,
                       "owner-id", self->owner_id,
                       "holiday-policy", self->holiday_policy,
                       "reminder-minutes", self->reminder_minutes,
                       NULL);
  g_array_append_vals (copy->units, self->units->data, self->units->len);
  g_array_append_vals (copy->people, self->people->data, self->people->len);
  for (guint i = 0; i < self->exdates->len; i++)
    g_ptr_array_add (copy->exdates, g_date_time_ref (g_ptr_array_index (self->exdates, i)));

  return copy;
}

gint64
quorum_series_get_id (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), 0);
  return self->id;
}

/**
 * quorum_series_get_uid:
 * @self: a #QuorumSeries
 *
 * Returns: (transfer none) (nullable): the iCalendar UID, set by the store
 */
const char *
quorum_series_get_uid (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->uid;
}

/**
 * quorum_series_get_sequence:
 * @self: a #QuorumSeries
 *
 * Returns: the iCalendar SEQUENCE: how many times the series was revised
 */
int
quorum_series_get_sequence (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), 0);
  return self->sequence;
}

/**
 * quorum_series_get_split_from:
 * @self: a #QuorumSeries
 *
 * Returns: the id of the series this one continues after a "this and
 *   following" edit, or 0
 */
gint64
quorum_series_get_split_from (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), 0);
  return self->split_from;
}

const char *
quorum_series_get_title (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->title;
}

void
quorum_series_set_title (QuorumSeries *self,
                         const char   *title)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * quorum_series_get_duty_id:
 * @self: a #QuorumSeries
 *
 * Returns: (transfer none) (nullable): the rulebook duty the series fulfils
 */
const char *
quorum_series_get_duty_id (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->duty_id;
}

void
quorum_series_set_duty_id (QuorumSeries *self,
                           const char   *duty_id)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->duty_id, duty_id, PROP_DUTY_ID);
}

/**
 * quorum_series_get_kind:
 * @self: a #QuorumSeries
 *
 * Returns: (transfer none) (nullable): the duty kind (`study`, `meeting`…)
 */
const char *
quorum_series_get_kind (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->kind;
}

void
quorum_series_set_kind (QuorumSeries *self,
                        const char   *kind)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->kind, kind, PROP_KIND);
}

/**
 * quorum_series_get_rrule:
 * @self: a #QuorumSeries
 *
 * Returns: (transfer none) (nullable): the iCalendar RRULE value
 *   (`FREQ=MONTHLY;BYMONTHDAY=20`), or %NULL for a single event
 */
const char *
quorum_series_get_rrule (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->rrule;
}

void
quorum_series_set_rrule (QuorumSeries *self,
                         const char   *rrule)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->rrule, rrule != NULL && rrule[0] != '\0' ? rrule : NULL, PROP_RRULE);
}

/**
 * quorum_series_get_dtstart:
 * @self: a #QuorumSeries
 *
 * Returns: (transfer none) (nullable): the first start
 */
GDateTime *
quorum_series_get_dtstart (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->dtstart;
}

void
quorum_series_set_dtstart (QuorumSeries *self,
                           GDateTime    *dtstart)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));

  if (self->dtstart == dtstart ||
      (self->dtstart != NULL && dtstart != NULL && g_date_time_equal (self->dtstart, dtstart)))
    return;

  g_clear_pointer (&self->dtstart, g_date_time_unref);
  self->dtstart = dtstart != NULL ? g_date_time_ref (dtstart) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DTSTART]);
}

int
quorum_series_get_duration_minutes (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), 0);
  return self->duration_minutes;
}

void
quorum_series_set_duration_minutes (QuorumSeries *self,
                                    int           minutes)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  g_return_if_fail (minutes >= 0);
  set_int (self, &self->duration_minutes, minutes, PROP_DURATION_MINUTES);
}

gboolean
quorum_series_get_all_day (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), FALSE);
  return self->all_day;
}

void
quorum_series_set_all_day (QuorumSeries *self,
                           gboolean      all_day)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));

  all_day = !!all_day;
  if (self->all_day == (guint)all_day)
    return;

  self->all_day = all_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DAY]);
}

const char *
quorum_series_get_tzid (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->tzid;
}

void
quorum_series_set_tzid (QuorumSeries *self,
                        const char   *tzid)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->tzid, tzid != NULL ? tzid : "Asia/Shanghai", PROP_TZID);
}

const char *
quorum_series_get_location (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->location;
}

void
quorum_series_set_location (QuorumSeries *self,
                            const char   *location)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->location, location, PROP_LOCATION);
}

const char *
quorum_series_get_description (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->description;
}

void
quorum_series_set_description (QuorumSeries *self,
                               const char   *description)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

/**
 * quorum_series_get_owner_id:
 * @self: a #QuorumSeries
 *
 * Returns: the person a personal duty belongs to (a leader's reception day),
 *   or 0 for a group series
 */
gint64
quorum_series_get_owner_id (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), 0);
  return self->owner_id;
}

void
quorum_series_set_owner_id (QuorumSeries *self,
                            gint64        owner_id)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

const char *
quorum_series_get_holiday_policy (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->holiday_policy;
}

void
quorum_series_set_holiday_policy (QuorumSeries *self,
                                  const char   *policy)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_string (self, &self->holiday_policy, policy != NULL ? policy : "keep", PROP_HOLIDAY_POLICY);
}

int
quorum_series_get_reminder_minutes (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), -1);
  return self->reminder_minutes;
}

void
quorum_series_set_reminder_minutes (QuorumSeries *self,
                                    int           minutes)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  set_int (self, &self->reminder_minutes, MAX (minutes, -1), PROP_REMINDER_MINUTES);
}

static void
add_unique (GArray *array,
            gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;
  g_array_append_val (array, id);
}

void
quorum_series_add_participant_unit (QuorumSeries *self,
                                    gint64        unit_id)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  g_return_if_fail (unit_id > 0);
  add_unique (self->units, unit_id);
}

void
quorum_series_add_participant_person (QuorumSeries *self,
                                      gint64        person_id)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  g_return_if_fail (person_id > 0);
  add_unique (self->people, person_id);
}

void
quorum_series_clear_participants (QuorumSeries *self)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  g_array_set_size (self->units, 0);
  g_array_set_size (self->people, 0);
}

/**
 * quorum_series_get_participant_units:
 * @self: a #QuorumSeries
 * @n_units: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_units): the units whose members
 *   (and heads) are expected, as they stand on each occurrence's date
 */
const gint64 *
quorum_series_get_participant_units (QuorumSeries *self,
                                     guint        *n_units)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  *n_units = self->units->len;
  return (const gint64 *)(gpointer)self->units->data;
}

/**
 * quorum_series_get_participant_people:
 * @self: a #QuorumSeries
 * @n_people: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_people): people expected by name
 */
const gint64 *
quorum_series_get_participant_people (QuorumSeries *self,
                                      guint        *n_people)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  *n_people = self->people->len;
  return (const gint64 *)(gpointer)self->people->data;
}

/**
 * quorum_series_add_exdate:
 * @self: a #QuorumSeries
 * @recurrence_id: the start the rule gives an instance that must not exist
 *
 * Adds an iCalendar EXDATE.
 */
void
quorum_series_add_exdate (QuorumSeries *self,
                          GDateTime    *recurrence_id)
{
  g_return_if_fail (QUORUM_IS_SERIES (self));
  g_return_if_fail (recurrence_id != NULL);
  g_ptr_array_add (self->exdates, g_date_time_ref (recurrence_id));
}

/**
 * quorum_series_get_exdates:
 * @self: a #QuorumSeries
 *
 * Returns: (transfer none) (element-type GDateTime): the EXDATEs
 */
GPtrArray *
quorum_series_get_exdates (QuorumSeries *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES (self), NULL);
  return self->exdates;
}

/**
 * quorum_series_holiday_policy_is_valid:
 * @policy: (nullable): a string
 *
 * Returns: whether @policy is `keep`, `skip`, `next-workday` or `previous-workday`
 */
gboolean
quorum_series_holiday_policy_is_valid (const char *policy)
{
  return policy != NULL && g_strv_contains ((const char * const *)holiday_policies, policy);
}
