/* quorum-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Duty-first scheduling: the secretary names the duty, and Quorum proposes a
 * series that meets it (title, participants, a rule with enough occurrences
 * in every period). Everything proposed stays editable.
 */

#define G_LOG_DOMAIN "quorum-proposal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "quorum-proposal.h"
#include "quorum-recurrence.h"

/* Where in the month a proposal falls when the duty prefers no day: the
 * second week keeps clear of the holidays that open a month (New Year, Labour
 * Day, National Day) and of the month-end reports. */
#define DEFAULT_WEEK_NUMBER 2
#define DEFAULT_WEEKDAY     G_DATE_WEDNESDAY
#define DEFAULT_MONTH_DAY   15

typedef struct
{
  int          day;      /* Preferred=day:N, or 0 */
  int          month;    /* Preferred=month:N (month of the period), or 0 */
  GDateWeekday weekday;  /* Preferred=weekday:XX, or G_DATE_BAD_WEEKDAY */
} Preference;

static const struct
{
  const char *group;
  const char *unit_kind;
} group_units[] = {
  { "government", "government" },
  { "leadership", "leadership-group" },
  { "party-group", "party-group" },
  { "executive-meeting", "executive-meeting" },
  { "departments", "department" },
  { "towns", "town" },
};

static const char * const weekday_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* Weekdays to add when a duty needs several sessions a week, in order. */
static const GDateWeekday spread_weekdays[] = {
  G_DATE_WEDNESDAY, G_DATE_MONDAY, G_DATE_FRIDAY, G_DATE_TUESDAY, G_DATE_THURSDAY,
};

static Preference
read_preference (QuorumDuty *duty)
{
  const char *text = quorum_duty_get_preferred (duty);
  Preference pref = { 0, 0, G_DATE_BAD_WEEKDAY };

  if (text == NULL)
    return pref;

  if (g_str_has_prefix (text, "day:"))
    pref.day = CLAMP (atoi (text + 4), 1, 28);
  else if (g_str_has_prefix (text, "month:"))
    pref.month = CLAMP (atoi (text + 6), 1, 12);
  else if (g_str_has_prefix (text, "weekday:"))
    {
      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
        if (g_ascii_strcasecmp (text + 8, weekday_codes[day]) == 0)
          pref.weekday = day;
    }

  return pref;
}

/* Moves a weekday @shift places on within Monday–Friday (staggered leaders). */
static GDateWeekday
shift_weekday (GDateWeekday day,
               guint        shift)
{
  if (day > G_DATE_FRIDAY)
    return day;
  return (GDateWeekday) ((day - 1 + shift) % 5 + 1);
}

static void
set_clamped (GDate *date,
             int    year,
             int    month,
             int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, MIN (day, g_date_get_days_in_month (month, year)), month, year);
}

/* The @nth (1–4, -1 for the last) @weekday of a month. */
static void
set_nth_weekday (GDate        *date,
                 int           year,
                 int           month,
                 int           nth,
                 GDateWeekday  weekday)
{
  if (nth > 0)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, 1, month, year);
      g_date_add_days (date, (weekday - g_date_get_weekday (date) + 7) % 7 + 7 * (nth - 1));
    }
  else
    {
      set_clamped (date, year, month, 31);
      g_date_subtract_days (date, (g_date_get_weekday (date) - weekday + 7) % 7);
    }
}

/**
 * quorum_proposal_unit_kind_for_group:
 * @group: a rulebook `Group=` value, e.g. `party-group`
 *
 * The kind of unit (see quorum_unit_kind_is_valid()) whose members form
 * @group: `leadership` is the `leadership-group` unit, `departments` every
 * `department` …
 *
 * Returns: (nullable): the unit kind, or %NULL for groups that are no unit
 *   (`party-members`, `economic-department-heads`)
 */
const char *
quorum_proposal_unit_kind_for_group (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_units); i++)
    if (g_strcmp0 (group_units[i].group, group) == 0)
      return group_units[i].unit_kind;
  return NULL;
}

/**
 * quorum_proposal_duty_is_schedulable:
 * @duty: a duty
 *
 * Whether a calendar series can meet @duty: it counts events or days within
 * a period. Deadlines, notices, ratios and numbers of linked units are met by
 * records, not by a series.
 *
 * Returns: %TRUE when a series can serve the duty
 */
gboolean
quorum_proposal_duty_is_schedulable (QuorumDuty *duty)
{
  QuorumMeasure measure;

  g_return_val_if_fail (QUORUM_IS_DUTY (duty), FALSE);

  measure = quorum_duty_get_measure (duty);
  return quorum_duty_get_period (duty) != QUORUM_PERIOD_NONE &&
         (measure == QUORUM_MEASURE_EVENTS || measure == QUORUM_MEASURE_DAYS);
}

/**
 * quorum_proposal_duty_is_personal:
 * @duty: a duty
 *
 * Whether @duty binds every member on their own (reception days, front-line
 * office): its series have an owner, one series per member.
 *
 * Returns: %TRUE for `each-member` and `each-member-per-unit` duties
 */
gboolean
quorum_proposal_duty_is_personal (QuorumDuty *duty)
{
  QuorumDutyScope scope;

  g_return_val_if_fail (QUORUM_IS_DUTY (duty), FALSE);

  scope = quorum_duty_get_scope (duty);
  return scope == QUORUM_DUTY_SCOPE_EACH_MEMBER || scope == QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT;
}

/**
 * quorum_proposal_list_members:
 * @store: a #QuorumStore
 * @duty: a duty
 * @today: the day that counts
 * @error: return location for a #GError
 *
 * The people @duty binds on @today: the members and heads of the units of
 * its group (the leadership group for `leadership` …), in the order of
 * quorum_store_list_people(), without the retired.
 *
 * Returns: (transfer full) (element-type gint64): the person ids, or %NULL
 *   with @error set
 */
GArray *
quorum_proposal_list_members (QuorumStore  *store,
                              QuorumDuty   *duty,
                              const GDate  *today,
                              GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) members = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_relation_unref);
  const char *kind;
  GDate day;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_DUTY (duty), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  kind = quorum_proposal_unit_kind_for_group (quorum_duty_get_group (duty));
  if (kind == NULL)
    return g_steal_pointer (&ids);

  day = *today;
  if (!(units = quorum_store_list_units (store, kind, error)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);
      g_autoptr(GPtrArray) relations = quorum_store_list_relations_at (store, 0,
                                                                       quorum_unit_get_id (unit),
                                                                       &day, error);

      if (relations == NULL)
        return NULL;
      for (guint j = 0; j < relations->len; j++)
        {
          QuorumRelation *relation = g_ptr_array_index (relations, j);

          if (g_strcmp0 (relation->kind, "member") == 0 || g_strcmp0 (relation->kind, "head") == 0)
            {
              g_hash_table_add (members, &relation->person_id);
              g_ptr_array_add (keep, quorum_relation_ref (relation));
            }
        }
    }

  if (!(people = quorum_store_list_people (store, FALSE, error)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      gint64 id = quorum_person_get_id (person);

      if (g_hash_table_contains (members, &id))
        g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/* A rule on a day of the month (or the @nth @weekday when @nth != 0) every
 * @interval months, in the months m with (m - 1 - @phase) % @interval == 0;
 * sets @first to its first day on or after @today. */
static char *
monthly_plan (const GDate  *today,
              guint         interval,
              int           phase,
              int           month_day,
              int           nth,
              GDateWeekday  weekday,
              GDate        *first)
{
  QuorumRecurrenceSpec spec = { 0 };
  int start = g_date_get_year (today) * 12 + g_date_get_month (today) - 1;

  for (int index = start - 12; index < start + 36; index++)
    {
      int year = index / 12, month = index % 12 + 1;

      if ((((month - 1 - phase) % (int)interval) + (int)interval) % (int)interval != 0)
        continue;
      if (nth != 0)
        set_nth_weekday (first, year, month, nth, weekday);
      else
        set_clamped (first, year, month, month_day);
      if (g_date_compare (first, today) >= 0)
        break;
    }

  spec.interval = interval;
  spec.end = QUORUM_RECURRENCE_END_NEVER;
  g_date_clear (&spec.until, 1);
  if (interval % 12 == 0)
    {
      /* A yearly rule takes its month and day from the start. */
      spec.freq = QUORUM_RECURRENCE_YEARLY;
      spec.interval = interval / 12;
      return quorum_recurrence_build (&spec);
    }

  spec.freq = QUORUM_RECURRENCE_MONTHLY;
  if (nth != 0)
    {
      spec.monthly_mode = nth < 0 ? QUORUM_MONTHLY_LAST_WEEKDAY : QUORUM_MONTHLY_BY_WEEKDAY;
      spec.week_number = nth;
      spec.weekday = weekday;
    }
  else
    {
      spec.monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY;
      spec.month_day = month_day;
    }
  return quorum_recurrence_build (&spec);
}

/* Several fixed months of every year: FREQ=YEARLY;BYMONTH=…;BYMONTHDAY=…, a
 * rule the recurrence editor shows as custom. */
static char *
months_plan (const GDate *today,
             const int   *months,
             guint        n_months,
             int          month_day,
             GDate       *first)
{
  GString *rule = g_string_new ("FREQ=YEARLY;BYMONTH=");
  gboolean found = FALSE;

  for (guint i = 0; i < n_months; i++)
    g_string_append_printf (rule, "%s%d", i > 0 ? "," : "", months[i]);
  g_string_append_printf (rule, ";BYMONTHDAY=%d", month_day);

  for (int year = g_date_get_year (today); !found && year <= g_date_get_year (today) + 1; year++)
    for (guint i = 0; !found && i < n_months; i++)
      {
        set_clamped (first, year, months[i], month_day);
        found = g_date_compare (first, today) >= 0;
      }

  return g_string_free (rule, FALSE);
}

/* Every @weeks weeks on @n_days weekdays; with @anchor, in the fortnights
 * (or longer cycles) counted from that Monday. */
static char *
weekly_plan (const GDate  *today,
             guint         weeks,
             guint         n_days,
             GDateWeekday  first_day,
             const GDate  *anchor,
             GDate        *first)
{
  QuorumRecurrenceSpec spec = { 0 };
  guint weekdays = 0;

  n_days = CLAMP (n_days, 1, 5);
  weekdays |= QUORUM_WEEKDAY_BIT (first_day);
  for (guint i = 0, count = 1; i < G_N_ELEMENTS (spread_weekdays) && count < n_days; i++)
    {
      guint bit = QUORUM_WEEKDAY_BIT (spread_weekdays[i]);

      if (!(weekdays & bit))
        count++;
      weekdays |= bit;
    }

  /* The first chosen weekday on or after @today, in a week of the cycle. */
  *first = *today;
  for (guint i = 0; i < 7 * weeks + 7; i++)
    {
      gboolean in_cycle = TRUE;

      if (anchor != NULL && weeks > 1)
        {
          gint64 days = (gint64)g_date_get_julian (first) - (gint64)g_date_get_julian (anchor);

          in_cycle = ((days % (7 * weeks)) + 7 * weeks) % (7 * weeks) < 7;
        }
      if (in_cycle && (weekdays & QUORUM_WEEKDAY_BIT (g_date_get_weekday (first))))
        break;
      g_date_add_days (first, 1);
    }

  spec.freq = QUORUM_RECURRENCE_WEEKLY;
  spec.interval = weeks;
  spec.weekdays = weekdays;
  spec.end = QUORUM_RECURRENCE_END_NEVER;
  g_date_clear (&spec.until, 1);
  return quorum_recurrence_build (&spec);
}

static guint
period_months (QuorumPeriodKind period)
{
  switch (period)
    {
    case QUORUM_PERIOD_MONTH: return 1;
    case QUORUM_PERIOD_QUARTER: return 3;
    case QUORUM_PERIOD_HALF_YEAR: return 6;
    case QUORUM_PERIOD_YEAR: return 12;
    case QUORUM_PERIOD_NONE:
    case QUORUM_PERIOD_WEEK:
    case QUORUM_PERIOD_FORTNIGHT:
    default:
      return 0;
    }
}

/* The rule and first day for @duty; NULL (a single event on @today) for
 * duties no series can meet. */
static char *
plan_rule (QuorumDuty  *duty,
           const GDate *today,
           GDate       *first)
{
  QuorumPeriodKind period = quorum_duty_get_period (duty);
  Preference pref = read_preference (duty);
  GDateWeekday weekday = g_date_valid_weekday (pref.weekday) ? pref.weekday : DEFAULT_WEEKDAY;
  guint n = (guint)MAX (1, quorum_duty_get_min (duty));
  guint months = period_months (period);
  int day = pref.day > 0 ? pref.day : DEFAULT_MONTH_DAY;
  int window_start = quorum_duty_get_window_start (duty);
  int window_end = quorum_duty_get_window_end (duty);

  *first = *today;
  if (!quorum_proposal_duty_is_schedulable (duty))
    return NULL;

  if (period == QUORUM_PERIOD_WEEK)
    return weekly_plan (today, 1, n, weekday, NULL, first);
  if (period == QUORUM_PERIOD_FORTNIGHT)
    {
      if (n >= 2)
        return weekly_plan (today, 1, (n + 1) / 2, weekday, NULL, first);
      return weekly_plan (today, 2, 1, weekday, quorum_duty_get_anchor (duty), first);
    }

  if (period == QUORUM_PERIOD_YEAR && window_start > 0)
    {
      int window_length = window_end - window_start + 1;
      int chosen[12];
      guint n_chosen = MIN (n, (guint)window_length);

      if (n_chosen == 1)
        return monthly_plan (today, 12, window_start - 1, day, 0, G_DATE_BAD_WEEKDAY, first);
      for (guint i = 0; i < n_chosen; i++)
        chosen[i] = window_start + (int)(i * window_length / n_chosen);
      return months_plan (today, chosen, n_chosen, day, first);
    }

  if (n <= months)
    {
      guint interval = months / n;
      int phase = pref.month > 0 ? pref.month - 1 : 0;

      /* Monthly without a preferred day: the second Wednesday; less often: a
       * day of the month, in the first month of each period. */
      if (interval == 1 && pref.day == 0)
        return monthly_plan (today, 1, 0, 0, DEFAULT_WEEK_NUMBER, weekday, first);
      if (interval == 12 && pref.month == 0)
        /* Once a year with no window: from the coming month on. */
        phase = (int)g_date_get_month (today) - 1 + (g_date_get_day (today) > (guint)day ? 1 : 0);
      return monthly_plan (today, interval, phase, day, 0, G_DATE_BAD_WEEKDAY, first);
    }

  /* More than one a month: weeks. */
  {
    guint per_year = n * 12 / months;

    if (per_year <= 26)
      return weekly_plan (today, 2, 1, weekday, NULL, first);
    return weekly_plan (today, 1, (per_year + 49) / 50, weekday, NULL, first);
  }
}

static gboolean
is_whole_day_duty (QuorumDuty *duty)
{
  static const char * const day_records[] = { "reception-day", "frontline-day", "research-day", NULL };

  return quorum_duty_get_measure (duty) == QUORUM_MEASURE_DAYS ||
         g_strv_contains (day_records, quorum_duty_get_record (duty) ?: "");
}

/**
 * quorum_proposal_stagger:
 * @series: a series, usually a proposal to be copied for each leader
 * @shift: how many places to move on, e.g. the leader's place in the list
 *
 * Moves a series' days on so that leaders do not all hold a personal duty on
 * the same day: weekdays move @shift places on within Monday–Friday (weekly
 * and monthly-by-weekday rules), a day of the month @shift days on (within
 * 1–28). The start moves to the first day the new rule gives, never earlier
 * than it was. Daily and custom rules are left as they are.
 */
void
quorum_proposal_stagger (QuorumSeries *series,
                         guint         shift)
{
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *rrule = NULL;
  QuorumRecurrenceSpec spec;
  GDateTime *dtstart;
  GDate old_day, day;
  int year, month;

  g_return_if_fail (QUORUM_IS_SERIES (series));

  dtstart = quorum_series_get_dtstart (series);
  if (shift == 0 || dtstart == NULL || quorum_series_get_rrule (series) == NULL ||
      !quorum_recurrence_parse (quorum_series_get_rrule (series), &spec, NULL))
    return;

  g_date_clear (&old_day, 1);
  g_date_set_dmy (&old_day, g_date_time_get_day_of_month (dtstart), g_date_time_get_month (dtstart),
                  g_date_time_get_year (dtstart));
  day = old_day;
  year = g_date_get_year (&old_day);
  month = g_date_get_month (&old_day);

  switch (spec.freq)
    {
    case QUORUM_RECURRENCE_WEEKLY:
      {
        GDateWeekday old_weekday = g_date_get_weekday (&old_day);
        guint weekdays = spec.weekdays != 0 ? spec.weekdays : QUORUM_WEEKDAY_BIT (old_weekday);
        int delta;

        spec.weekdays = 0;
        for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
          if (weekdays & QUORUM_WEEKDAY_BIT (d))
            spec.weekdays |= QUORUM_WEEKDAY_BIT (shift_weekday (d, shift));
        delta = (int)shift_weekday (old_weekday, shift) - (int)old_weekday;
        if (delta < 0)
          delta += 7 * (int)spec.interval;
        g_date_add_days (&day, delta);
      }
      break;

    case QUORUM_RECURRENCE_MONTHLY:
      for (guint i = 0; i < 2; i++)
        {
          if (spec.monthly_mode == QUORUM_MONTHLY_BY_MONTH_DAY)
            {
              int base = spec.month_day > 0 ? spec.month_day : (int)g_date_get_day (&old_day);

              if (i == 0)
                spec.month_day = (base - 1 + (int)shift) % 28 + 1;
              set_clamped (&day, year, month, spec.month_day);
            }
          else
            {
              if (i == 0)
                spec.weekday = shift_weekday (spec.weekday, shift);
              set_nth_weekday (&day, year, month,
                               spec.monthly_mode == QUORUM_MONTHLY_LAST_WEEKDAY ? -1 : spec.week_number,
                               spec.weekday);
            }
          if (g_date_compare (&day, &old_day) >= 0)
            break;
          month += (int)spec.interval;
          year += (month - 1) / 12;
          month = (month - 1) % 12 + 1;
        }
      break;

    case QUORUM_RECURRENCE_YEARLY:
      g_date_add_days (&day, shift);
      break;

    case QUORUM_RECURRENCE_DAILY:
    default:
      return;
    }

  rrule = quorum_recurrence_build (&spec);
  moved = g_date_time_add_days (dtstart, (int)g_date_days_between (&old_day, &day));
  quorum_series_set_rrule (series, rrule);
  quorum_series_set_dtstart (series, moved);
}

/**
 * quorum_proposal_for_duty_staggered:
 * @duty: the duty to serve
 * @store: the store, to find the units of the duty's group
 * @today: the first day the series may start on
 * @owner_id: the person a personal duty is for, or 0
 * @shift: 0, or the place of this leader when one series is proposed per
 *   leader: see quorum_proposal_stagger()
 *
 * Like quorum_proposal_for_duty(); a personal duty's days are staggered.
 *
 * Returns: (transfer full): the proposed series, not yet stored
 */
QuorumSeries *
quorum_proposal_for_duty_staggered (QuorumDuty  *duty,
                                    QuorumStore *store,
                                    const GDate *today,
                                    gint64       owner_id,
                                    guint        shift)
{
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (QUORUM_DEFAULT_TZID);
  g_autoptr(GDateTime) dtstart = NULL;
  g_autofree char *rrule = NULL;
  const char *unit_kind;
  gboolean whole_day;
  GDate first;

  g_return_val_if_fail (QUORUM_IS_DUTY (duty), NULL);
  g_return_val_if_fail (store == NULL || QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  rrule = plan_rule (duty, today, &first);
  whole_day = is_whole_day_duty (duty);
  dtstart = g_date_time_new (tz, g_date_get_year (&first), g_date_get_month (&first),
                             g_date_get_day (&first),
                             whole_day ? QUORUM_PROPOSAL_DAY_HOUR : QUORUM_PROPOSAL_HOUR,
                             whole_day ? QUORUM_PROPOSAL_DAY_MINUTE : 0, 0);

  series = quorum_series_new (quorum_duty_get_title (duty), dtstart);
  quorum_series_set_duty_id (series, quorum_duty_get_id (duty));
  quorum_series_set_kind (series, quorum_duty_get_kind (duty));
  quorum_series_set_tzid (series, QUORUM_DEFAULT_TZID);
  quorum_series_set_rrule (series, rrule);
  quorum_series_set_holiday_policy (series, "next-workday");
  quorum_series_set_duration_minutes (series, whole_day ? QUORUM_PROPOSAL_DAY_MINUTES
                                                        : QUORUM_PROPOSAL_MINUTES);
  quorum_series_set_reminder_minutes (series, QUORUM_PROPOSAL_REMINDER_MINUTES);

  if (quorum_proposal_duty_is_personal (duty))
    {
      /* The owner is expected at every occurrence: no other participant. */
      quorum_series_set_owner_id (series, owner_id);
      quorum_proposal_stagger (series, shift);
      return g_steal_pointer (&series);
    }

  unit_kind = quorum_proposal_unit_kind_for_group (quorum_duty_get_group (duty));
  if (store != NULL && unit_kind != NULL)
    {
      g_autoptr(GListModel) units = quorum_store_list_units (store, unit_kind, NULL);

      for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);

          quorum_series_add_participant_unit (series, quorum_unit_get_id (unit));
        }
    }

  return g_steal_pointer (&series);
}

/**
 * quorum_proposal_for_duty:
 * @duty: the duty to serve
 * @store: (nullable): the store, to find the units of the duty's group
 * @today: the first day the series may start on
 * @owner_id: the person a personal duty is for, or 0
 *
 * Proposes a series that meets @duty, to be edited and then stored:
 *
 * - the duty's title (in the locale of the rulebook as loaded), its id and kind;
 * - as participants the units of its group (`party-group` → the Party group
 *   unit …), or, for personal duties, @owner_id as owner;
 * - a rule with at least the duty's minimum in every period: monthly on
 *   `Preferred=day:N`, else on the second Wednesday; every two weeks on
 *   Wednesday in the first week of each fortnight counted from the duty's
 *   anchor; every 3 (6) months on the 15th in the first month of each quarter
 *   (half-year); yearly on the 15th of the first month of the `Window`, or of
 *   several months of it for a minimum above one; several a year spread
 *   evenly over it;
 * - the first occurrence on or after @today, at 09:00 for two hours, or
 *   08:30–17:30 for duties counted in days (reception day, front-line office:
 *   a timed working day rather than an all-day event, so that the office
 *   hours show and a reminder fires before they begin);
 * - holidays moved to the next working day, a reminder a day ahead.
 *
 * Duties no series can meet (deadlines, ratios, linked units) get a single
 * event on @today.
 *
 * Returns: (transfer full): the proposed series, not yet stored
 */
QuorumSeries *
quorum_proposal_for_duty (QuorumDuty  *duty,
                          QuorumStore *store,
                          const GDate *today,
                          gint64       owner_id)
{
  return quorum_proposal_for_duty_staggered (duty, store, today, owner_id, 0);
}
