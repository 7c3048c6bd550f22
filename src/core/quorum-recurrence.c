/* quorum-recurrence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-recurrence"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical-glib/libical-glib.h>

#include "quorum-recurrence.h"
#include "quorum-recurrence-private.h"

#define MAX_COUNT    5000
#define MAX_INTERVAL 1000
/* Iterations of libical per expansion: a daily rule from 1900 to 2100 is ~73 000. */
#define MAX_STEPS    2000000

G_DEFINE_QUARK (quorum-recurrence-error-quark, quorum_recurrence_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalRecurrence, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalRecurIterator, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

static const char * const rule_parts[] = {
  "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
  "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
};

/* Two-letter iCalendar day codes, indexed by GDateWeekday. */
static const char * const day_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static gboolean
parse_small_number (const char *text,
                    guint64    *out)
{
  char *end = NULL;

  if (text[0] == '\0' || !g_ascii_isdigit (text[0]))
    return FALSE;
  *out = g_ascii_strtoull (text, &end, 10);
  return *end == '\0';
}

/* UNTIL as RFC 5545 writes it: a date (20261231) or a date-time
 * (20261231T235959, with Z for UTC), and a real day. libical reads
 * "2024\n630" as some date it cannot give back. */
static gboolean
is_valid_until (const char *value)
{
  gsize len = strlen (value);
  int year, month, day, hour = 0, minute = 0, second = 0;

  if (len != 8 && len != 15 && len != 16)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean digit = g_ascii_isdigit (value[i]);

      if ((i == 8 && value[i] != 'T') || (i == 15 && value[i] != 'Z') ||
          (i != 8 && i != 15 && !digit))
        return FALSE;
    }

  if (sscanf (value, "%4d%2d%2d", &year, &month, &day) != 3 ||
      (len > 8 && sscanf (value + 9, "%2d%2d%2d", &hour, &minute, &second) != 3))
    return FALSE;

  return g_date_valid_dmy (day, month, year) && hour <= 23 && minute <= 59 && second <= 60;
}

/* Checks the rule part by part before libical sees it: libical ignores some
 * mistakes and overflows on large numbers (INTERVAL is a short). */
static gboolean
check_parts (const char  *rrule,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);
  gboolean has_freq = FALSE, has_count = FALSE, has_until = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *name = NULL;
      const char *value;
      gboolean known = FALSE;
      guint64 number;

      if (eq == NULL || eq == parts[i] || eq[1] == '\0')
        {
          g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                       _("“%s” is not a valid recurrence rule: “%s” is not NAME=VALUE"),
                       rrule, parts[i]);
          return FALSE;
        }
      name = g_ascii_strup (parts[i], eq - parts[i]);
      value = eq + 1;
      for (guint j = 0; j < G_N_ELEMENTS (rule_parts); j++)
        known |= strcmp (name, rule_parts[j]) == 0;
      if (!known)
        {
          g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                       _("“%s” is not a valid recurrence rule: unknown part “%s”"), rrule, name);
          return FALSE;
        }

      if (strcmp (name, "FREQ") == 0)
        {
          if (g_ascii_strcasecmp (value, "SECONDLY") == 0
              || g_ascii_strcasecmp (value, "MINUTELY") == 0
              || g_ascii_strcasecmp (value, "HOURLY") == 0)
            {
              g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_TOO_MANY,
                           _("The rule “%s” repeats within a day: it would create more events than a calendar of duties can hold"),
                           rrule);
              return FALSE;
            }
          has_freq = TRUE;
        }
      else if (strcmp (name, "COUNT") == 0)
        {
          if (!parse_small_number (value, &number) || number == 0)
            {
              g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                           _("“%s” is not a valid recurrence rule: COUNT must be a positive number"),
                           rrule);
              return FALSE;
            }
          if (number > MAX_COUNT)
            {
              g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_TOO_MANY,
                           _("The rule “%s” asks for %s occurrences; at most %d are allowed"),
                           rrule, value, MAX_COUNT);
              return FALSE;
            }
          has_count = TRUE;
        }
      else if (strcmp (name, "INTERVAL") == 0)
        {
          if (!parse_small_number (value, &number) || number == 0 || number > MAX_INTERVAL)
            {
              g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                           _("“%s” is not a valid recurrence rule: INTERVAL must be a number from 1 to %d"),
                           rrule, MAX_INTERVAL);
              return FALSE;
            }
        }
      else if (strcmp (name, "UNTIL") == 0)
        {
          if (!is_valid_until (value))
            {
              g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                           _("“%s” is not a valid recurrence rule: UNTIL must be a date such as 20261231 or 20261231T235959Z"),
                           rrule);
              return FALSE;
            }
          has_until = TRUE;
        }
    }

  if (!has_freq)
    {
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                   _("“%s” is not a valid recurrence rule: FREQ is missing"), rrule);
      return FALSE;
    }
  if (has_count && has_until)
    {
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                   _("“%s” is not a valid recurrence rule: it may give COUNT or UNTIL, not both"),
                   rrule);
      return FALSE;
    }

  return TRUE;
}

static ICalRecurrence *
parse_rule (const char  *rrule,
            GError     **error)
{
  g_autoptr(ICalRecurrence) recur = NULL;
  g_autofree char *text = g_strstrip (g_strdup (rrule != NULL ? rrule : ""));
  const char *body = text;

  if (g_ascii_strncasecmp (body, "RRULE:", 6) == 0)
    body += 6;

  if (body[0] == '\0')
    {
      g_set_error_literal (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                           _("The recurrence rule is empty"));
      return NULL;
    }
  if (!check_parts (body, error))
    return NULL;

  /* libical reports most mistakes only through its global error state. */
  i_cal_error_clear_errno ();
  recur = i_cal_recurrence_new_from_string (body);
  if (recur == NULL || i_cal_errno_return () != I_CAL_NO_ERROR
      || i_cal_recurrence_get_freq (recur) == I_CAL_NO_RECURRENCE)
    {
      i_cal_error_clear_errno ();
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                   _("“%s” is not a valid recurrence rule"), body);
      return NULL;
    }

  return g_steal_pointer (&recur);
}

/**
 * quorum_recurrence_validate:
 * @rrule: an iCalendar RRULE value, e.g. `FREQ=WEEKLY;BYDAY=WE`
 * @error: return location for a #GError
 *
 * Checks that @rrule is a valid rule that Quorum accepts: no repetition
 * within a day (SECONDLY, MINUTELY, HOURLY), at most 5000 occurrences by
 * COUNT and an INTERVAL of at most 1000.
 *
 * Returns: %TRUE when the rule is acceptable
 */
gboolean
quorum_recurrence_validate (const char  *rrule,
                            GError     **error)
{
  g_autoptr(ICalRecurrence) recur = parse_rule (rrule, error);

  return recur != NULL;
}

/* Orders local wall-clock times; equal keys are equal local times. */
static gint64
wall_key (int year, int month, int day, int hour, int minute, int second)
{
  return (((((gint64)year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute) * 60 + second;
}

static gint64
date_time_wall_key (GDateTime *dt)
{
  return wall_key (g_date_time_get_year (dt), g_date_time_get_month (dt),
                   g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                   g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

static gint64
ical_wall_key (ICalTime *t)
{
  return wall_key (i_cal_time_get_year (t), i_cal_time_get_month (t), i_cal_time_get_day (t),
                   i_cal_time_get_hour (t), i_cal_time_get_minute (t), i_cal_time_get_second (t));
}

static GHashTable *
wall_key_set (GPtrArray *times,
              GTimeZone *tz)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (g_ptr_array_index (times, i), tz);
      gint64 *key = g_new (gint64, 1);

      *key = date_time_wall_key (local);
      g_hash_table_add (set, key);
    }

  return set;
}

static gboolean
in_range (GDateTime *dt,
          GDateTime *range_start,
          GDateTime *range_end)
{
  return (range_start == NULL || g_date_time_compare (dt, range_start) >= 0)
         && (range_end == NULL || g_date_time_compare (dt, range_end) < 0);
}

/* UNTIL, as a floating wall-clock time in @tz that compares with the
 * floating times we iterate: a UTC UNTIL is converted, and a date UNTIL
 * includes its whole day. */
static void
localize_until (ICalRecurrence *recur,
                GTimeZone      *tz)
{
  g_autoptr(ICalTime) until = i_cal_recurrence_get_until (recur);
  g_autoptr(ICalTime) local = NULL;

  if (until == NULL || i_cal_time_is_null_time (until))
    return;

  local = i_cal_time_new_null_time ();
  if (i_cal_time_is_date (until))
    {
      i_cal_time_set_date (local, i_cal_time_get_year (until), i_cal_time_get_month (until),
                           i_cal_time_get_day (until));
      i_cal_time_set_time (local, 23, 59, 59);
    }
  else if (i_cal_time_is_utc (until))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (i_cal_time_get_year (until),
                                                      i_cal_time_get_month (until),
                                                      i_cal_time_get_day (until),
                                                      i_cal_time_get_hour (until),
                                                      i_cal_time_get_minute (until),
                                                      i_cal_time_get_second (until));
      g_autoptr(GDateTime) there = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

      if (there == NULL)
        return;
      i_cal_time_set_date (local, g_date_time_get_year (there), g_date_time_get_month (there),
                           g_date_time_get_day_of_month (there));
      i_cal_time_set_time (local, g_date_time_get_hour (there), g_date_time_get_minute (there),
                           g_date_time_get_second (there));
    }
  else
    return;

  i_cal_time_set_is_date (local, FALSE);
  i_cal_recurrence_set_until (recur, local);
}

static int
compare_date_times (gconstpointer a,
                    gconstpointer b)
{
  return g_date_time_compare (*(GDateTime * const *)a, *(GDateTime * const *)b);
}

/* The state of one expansion: where its starts go and what it leaves out. */
typedef struct
{
  const char *rrule;
  GTimeZone  *tz;
  GHashTable *excluded;
  GHashTable *seen;          /* NULL: no RDATEs to keep apart */
  GPtrArray  *result;
  GDateTime  *range_start;
  GDateTime  *range_end;
  guint       max_count;
  guint       steps;
  gint64      previous;
} Expansion;

typedef enum
{
  TAKE_NEXT,
  TAKE_STOP,
  TAKE_ERROR,
} TakeResult;

/* Takes the rule's next start, a wall-clock time in the series' zone. */
static TakeResult
take_start (Expansion  *x,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute,
            int         second,
            GError    **error)
{
  gint64 key = wall_key (year, month, day, hour, minute, second);
  g_autoptr(GDateTime) dt = NULL;

  /* Guard against an iterator that stalls or runs backwards. */
  if (key <= x->previous)
    return TAKE_STOP;
  x->previous = key;

  if (x->steps++ >= MAX_STEPS)
    {
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_TOO_MANY,
                   _("The rule “%s” creates too many events before the requested range"),
                   x->rrule);
      return TAKE_ERROR;
    }

  dt = g_date_time_new (x->tz, year, month, day, hour, minute, second);
  if (dt == NULL)
    return TAKE_STOP;
  if (x->range_end != NULL && g_date_time_compare (dt, x->range_end) >= 0)
    return TAKE_STOP;
  if (!in_range (dt, x->range_start, NULL) || g_hash_table_contains (x->excluded, &key))
    return TAKE_NEXT;

  if (x->seen != NULL)
    g_hash_table_add (x->seen, g_memdup2 (&key, sizeof key));
  g_ptr_array_add (x->result, g_steal_pointer (&dt));
  if (x->max_count > 0 && x->result->len >= x->max_count)
    return TAKE_STOP;
  return TAKE_NEXT;
}

/* The days of a rule of the form FREQ=WEEKLY;BYDAY=…, with at most
 * INTERVAL, COUNT and UNTIL besides and plain day codes, as bits
 * 1 << GDateWeekday; 0 for a rule of any other form. */
static guint
simple_weekly_days (const char *body)
{
  g_auto(GStrv) parts = g_strsplit (body, ";", -1);
  guint seen = 0;
  guint days = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      static const char * const allowed[] = { "FREQ=", "BYDAY=", "INTERVAL=", "COUNT=", "UNTIL=" };
      const char *part = parts[i];
      guint which = G_N_ELEMENTS (allowed);

      for (guint a = 0; a < G_N_ELEMENTS (allowed); a++)
        if (g_str_has_prefix (part, allowed[a]))
          which = a;
      if (which == G_N_ELEMENTS (allowed) || (seen & (1u << which)) != 0)
        return 0;
      seen |= 1u << which;

      if (which == 0 && strcmp (part, "FREQ=WEEKLY") != 0)
        return 0;
      if (which == 1)
        {
          g_auto(GStrv) codes = g_strsplit (part + strlen ("BYDAY="), ",", -1);

          for (guint c = 0; codes[c] != NULL; c++)
            {
              guint day = 0;

              for (guint d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
                if (strcmp (codes[c], day_codes[d]) == 0)
                  day = d;
              if (day == 0)
                return 0;
              days |= 1u << day;
            }
        }
    }

  return (seen & 0x3) == 0x3 ? days : 0;
}

/* The rule's starts for a simple weekly rule, computed directly: the days
 * it names in every INTERVAL-th week (weeks from Monday, as libical counts
 * them without WKST) from the week of the first start, which is one of
 * them. Gives what libical's iterator gives for these rules (tests compare
 * the two), which for a series of daily meetings spends far longer in ICU's
 * calendar than the rest of writing the occurrences. */
static gboolean
expand_weekly (Expansion       *x,
               ICalRecurrence  *recur,
               guint            days,
               GDateTime       *local_start,
               GError         **error)
{
  g_autoptr(ICalTime) until = i_cal_recurrence_get_until (recur);
  gint64 until_key = G_MAXINT64;
  int interval = MAX (i_cal_recurrence_get_interval (recur), 1);
  int count = i_cal_recurrence_get_count (recur);
  int hour = g_date_time_get_hour (local_start);
  int minute = g_date_time_get_minute (local_start);
  int second = g_date_time_get_second (local_start);
  int year, month, day;
  guint32 first, week;
  int taken = 0;
  GDate date;

  if (until != NULL && !i_cal_time_is_null_time (until))
    until_key = ical_wall_key (until);

  g_date_time_get_ymd (local_start, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  first = g_date_get_julian (&date);
  week = first - (g_date_get_weekday (&date) - G_DATE_MONDAY);

  for (;; week += 7 * (guint32)interval)
    for (guint d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
      {
        guint32 julian = week + (d - G_DATE_MONDAY);
        TakeResult taking;

        if ((days & (1u << d)) == 0 || julian < first)
          continue;
        if (!g_date_valid_julian (julian))
          return TRUE;
        g_date_set_julian (&date, julian);
        year = g_date_get_year (&date);
        month = g_date_get_month (&date);
        day = g_date_get_day (&date);
        if (wall_key (year, month, day, hour, minute, second) > until_key ||
            (count > 0 && taken >= count))
          return TRUE;
        taken++;

        taking = take_start (x, year, month, day, hour, minute, second, error);
        if (taking != TAKE_NEXT)
          return taking == TAKE_STOP;
      }
}

/* Whether the simple weekly expansion applies to @recur from @local_start:
 * the first start is one of the rule's days, and UNTIL (after
 * localize_until()) is a floating time or absent. */
static guint
weekly_days_for (const char     *rrule,
                 ICalRecurrence *recur,
                 GDateTime      *local_start)
{
  g_autofree char *text = g_strstrip (g_strdup (rrule));
  g_autoptr(ICalTime) until = i_cal_recurrence_get_until (recur);
  const char *body = text;
  guint days;

  if (g_ascii_strncasecmp (body, "RRULE:", 6) == 0)
    body += 6;
  days = simple_weekly_days (body);
  if ((days & (1u << g_date_time_get_day_of_week (local_start))) == 0)
    return 0;
  if (until != NULL && !i_cal_time_is_null_time (until) &&
      (i_cal_time_is_date (until) || i_cal_time_is_utc (until)))
    return 0;
  return days;
}

static gboolean
expand_rule (const char  *rrule,
             GDateTime   *local_start,
             Expansion   *x,
             gboolean     use_libical,
             GError     **error)
{
  g_autoptr(ICalRecurrence) recur = parse_rule (rrule, error);
  g_autoptr(ICalRecurIterator) iter = NULL;
  g_autoptr(ICalTime) start = NULL;
  g_autoptr(ICalTime) until = NULL;
  guint days;

  if (recur == NULL)
    return FALSE;

  until = i_cal_recurrence_get_until (recur);
  if (x->range_end == NULL && x->max_count == 0 && i_cal_recurrence_get_count (recur) == 0
      && (until == NULL || i_cal_time_is_null_time (until)))
    {
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNBOUNDED,
                   _("The rule “%s” never ends: give an end of the range or a limit"), rrule);
      return FALSE;
    }
  localize_until (recur, x->tz);

  if (!use_libical && (days = weekly_days_for (rrule, recur, local_start)) != 0)
    return expand_weekly (x, recur, days, local_start, error);

  /* Expand in floating local time, then place each result in @tz: a 09:00
   * meeting stays at 09:00 on both sides of a daylight saving change. */
  start = i_cal_time_new_null_time ();
  i_cal_time_set_date (start, g_date_time_get_year (local_start), g_date_time_get_month (local_start),
                       g_date_time_get_day_of_month (local_start));
  i_cal_time_set_time (start, g_date_time_get_hour (local_start), g_date_time_get_minute (local_start),
                       g_date_time_get_second (local_start));
  i_cal_time_set_is_date (start, FALSE);

  i_cal_error_clear_errno ();
  iter = i_cal_recur_iterator_new (recur, start);
  if (iter == NULL)
    {
      i_cal_error_clear_errno ();
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                   _("“%s” is not a valid recurrence rule"), rrule);
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(ICalTime) next = i_cal_recur_iterator_next (iter);
      int year, month, day, hour, minute, second;
      TakeResult taking;

      if (next == NULL || i_cal_time_is_null_time (next))
        break;

      i_cal_time_get_date (next, &year, &month, &day);
      i_cal_time_get_time (next, &hour, &minute, &second);
      taking = take_start (x, year, month, day, hour, minute, second, error);
      if (taking == TAKE_ERROR)
        return FALSE;
      if (taking == TAKE_STOP)
        break;
    }

  return TRUE;
}

/**
 * quorum_recurrence_expand:
 * @rrule: (nullable): an RRULE value, or %NULL for a single event
 * @dtstart: the start of the first occurrence
 * @tzid: (nullable): the series' time zone; %NULL for Asia/Shanghai
 * @exdates: (nullable) (element-type GDateTime): starts to leave out, matched
 *   by their local date and time in @tzid
 * @rdates: (nullable) (element-type GDateTime): extra starts
 * @range_start: (nullable): the earliest start to return; %NULL for no limit
 * @range_end: (nullable): starts must lie before it; %NULL for no limit
 * @max_count: the most starts to return (the earliest ones); 0 for no limit
 * @error: return location for a #GError
 *
 * The starts of a series' occurrences in [@range_start, @range_end). The rule
 * is expanded in the local wall-clock time of @tzid, so an occurrence keeps
 * its time of day across daylight saving changes. Without a range end, a
 * limit or a rule end the expansion fails with
 * %QUORUM_RECURRENCE_ERROR_UNBOUNDED.
 *
 * Returns: (transfer full) (element-type GDateTime): the starts in @tzid,
 *   sorted, or %NULL with @error set
 */
GPtrArray *
quorum_recurrence_expand (const char  *rrule,
                          GDateTime   *dtstart,
                          const char  *tzid,
                          GPtrArray   *exdates,
                          GPtrArray   *rdates,
                          GDateTime   *range_start,
                          GDateTime   *range_end,
                          guint        max_count,
                          GError     **error)
{
  return _quorum_recurrence_expand_full (rrule, dtstart, tzid, exdates, rdates, range_start,
                                         range_end, max_count, FALSE, error);
}

/* quorum_recurrence_expand(), through libical's iterator for every rule
 * when @use_libical is set (tests compare the two ways). */
GPtrArray *
_quorum_recurrence_expand_full (const char  *rrule,
                                GDateTime   *dtstart,
                                const char  *tzid,
                                GPtrArray   *exdates,
                                GPtrArray   *rdates,
                                GDateTime   *range_start,
                                GDateTime   *range_end,
                                guint        max_count,
                                gboolean     use_libical,
                                GError     **error)
{
  Expansion x = { 0 };
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GHashTable) excluded = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (dtstart != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (tzid == NULL || tzid[0] == '\0')
    tzid = QUORUM_DEFAULT_TZID;
  if ((tz = g_time_zone_new_identifier (tzid)) == NULL)
    {
      g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNKNOWN_TIMEZONE,
                   _("Unknown time zone “%s”"), tzid);
      return NULL;
    }

  local_start = g_date_time_to_timezone (dtstart, tz);
  excluded = wall_key_set (exdates, tz);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  if (rrule != NULL)
    {
      x.rrule = rrule;
      x.tz = tz;
      x.excluded = excluded;
      /* Only RDATEs need to know which starts the rule gave. */
      x.seen = rdates != NULL && rdates->len > 0 ? seen : NULL;
      x.result = result;
      x.range_start = range_start;
      x.range_end = range_end;
      x.max_count = max_count;
      x.previous = G_MININT64;
      if (!expand_rule (rrule, local_start, &x, use_libical, error))
        return NULL;
    }
  else
    {
      gint64 key = date_time_wall_key (local_start);

      if (in_range (local_start, range_start, range_end) && !g_hash_table_contains (excluded, &key))
        {
          g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
          g_ptr_array_add (result, g_date_time_ref (local_start));
        }
    }

  for (guint i = 0; rdates != NULL && i < rdates->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (g_ptr_array_index (rdates, i), tz);
      gint64 key = date_time_wall_key (local);

      if (!in_range (local, range_start, range_end) || g_hash_table_contains (excluded, &key)
          || g_hash_table_contains (seen, &key))
        continue;
      g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
      g_ptr_array_add (result, g_steal_pointer (&local));
    }

  g_ptr_array_sort (result, compare_date_times);
  if (max_count > 0 && result->len > max_count)
    g_ptr_array_set_size (result, max_count);

  return g_steal_pointer (&result);
}

/**
 * quorum_recurrence_apply_holiday_policy:
 * @workdays: the working-day calendar
 * @start: the start of an occurrence
 * @policy: what to do when it falls on a day off
 * @out_shifted: (out) (optional): set to %TRUE when the result lies on another day
 *
 * Applies a series' holiday policy to one occurrence. A day off is any day
 * that is not a working day: holidays and ordinary weekends, but not adjusted
 * working days (调休). The date is the one of @start in its own time zone.
 *
 * Returns: (transfer full) (nullable): the start to use, at the same time of
 *   day; %NULL when @policy is %QUORUM_HOLIDAY_SKIP and the day is off
 */
GDateTime *
quorum_recurrence_apply_holiday_policy (QuorumWorkdays      *workdays,
                                        GDateTime           *start,
                                        QuorumHolidayPolicy  policy,
                                        gboolean            *out_shifted)
{
  GDate date, moved;

  g_return_val_if_fail (QUORUM_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  if (out_shifted != NULL)
    *out_shifted = FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));

  if (policy == QUORUM_HOLIDAY_KEEP || quorum_workdays_is_workday (workdays, &date))
    return g_date_time_ref (start);

  switch (policy)
    {
    case QUORUM_HOLIDAY_SKIP:
      return NULL;

    case QUORUM_HOLIDAY_NEXT_WORKDAY:
      quorum_workdays_next_workday (workdays, &date, &moved, NULL);
      break;

    case QUORUM_HOLIDAY_PREVIOUS_WORKDAY:
      quorum_workdays_previous_workday (workdays, &date, &moved, NULL);
      break;

    case QUORUM_HOLIDAY_KEEP:
    default:
      g_return_val_if_reached (g_date_time_ref (start));
    }

  if (out_shifted != NULL)
    *out_shifted = TRUE;
  return g_date_time_add_days (start, g_date_days_between (&date, &moved));
}

/* Reads the BY… list @name of @recur (libical ends it with ARRAY_MAX). */
static GArray *
rule_array (ICalRecurrence *recur,
            GArray       *(*getter) (ICalRecurrence *))
{
  GArray *array = getter (recur);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gshort));

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      gshort v = g_array_index (array, gshort, i);

      if (v == I_CAL_RECURRENCE_ARRAY_MAX)
        break;
      g_array_append_val (values, v);
    }
  g_clear_pointer (&array, g_array_unref);
  return values;
}

static GDateWeekday
weekday_from_ical (ICalRecurrenceWeekday weekday)
{
  /* libical counts from Sunday = 1, GLib from Monday = 1. */
  return weekday == I_CAL_SUNDAY_WEEKDAY ? G_DATE_SUNDAY : (GDateWeekday) (weekday - 1);
}

static gboolean
unsupported (const char  *rrule,
             GError     **error)
{
  g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNSUPPORTED,
               _("The rule “%s” is valid but cannot be edited here"), rrule);
  return FALSE;
}

/**
 * quorum_recurrence_parse:
 * @rrule: an RRULE value
 * @out: (out caller-allocates): the rule as the recurrence editor shows it
 * @error: return location for a #GError
 *
 * Reads a rule into a #QuorumRecurrenceSpec. Rules the editor cannot express
 * (BYMONTH, BYSETPOS, several month days …) fail with
 * %QUORUM_RECURRENCE_ERROR_UNSUPPORTED; quorum_recurrence_build() of the
 * result gives back an equivalent rule.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_recurrence_parse (const char            *rrule,
                         QuorumRecurrenceSpec  *out,
                         GError               **error)
{
  g_autoptr(ICalRecurrence) recur = NULL;
  g_autoptr(ICalTime) until = NULL;
  g_autoptr(GArray) by_day = NULL;
  g_autoptr(GArray) by_month_day = NULL;
  GArray *(*others[]) (ICalRecurrence *) = {
    i_cal_recurrence_get_by_second_array, i_cal_recurrence_get_by_minute_array,
    i_cal_recurrence_get_by_hour_array, i_cal_recurrence_get_by_year_day_array,
    i_cal_recurrence_get_by_week_no_array, i_cal_recurrence_get_by_month_array,
    i_cal_recurrence_get_by_set_pos_array,
  };
  QuorumRecurrenceSpec spec = { 0 };

  g_return_val_if_fail (out != NULL, FALSE);

  if ((recur = parse_rule (rrule, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GArray) values = rule_array (recur, others[i]);

      if (values->len > 0)
        return unsupported (rrule, error);
    }

  spec.interval = MAX (1, i_cal_recurrence_get_interval (recur));
  spec.month_day = 0;
  spec.week_number = 0;
  spec.weekday = G_DATE_BAD_WEEKDAY;
  g_date_clear (&spec.until, 1);

  by_day = rule_array (recur, i_cal_recurrence_get_by_day_array);
  by_month_day = rule_array (recur, i_cal_recurrence_get_by_month_day_array);

  switch (i_cal_recurrence_get_freq (recur))
    {
    case I_CAL_DAILY_RECURRENCE:
    case I_CAL_YEARLY_RECURRENCE:
      spec.freq = i_cal_recurrence_get_freq (recur) == I_CAL_DAILY_RECURRENCE
                  ? QUORUM_RECURRENCE_DAILY : QUORUM_RECURRENCE_YEARLY;
      if (by_day->len > 0 || by_month_day->len > 0)
        return unsupported (rrule, error);
      break;

    case I_CAL_WEEKLY_RECURRENCE:
      spec.freq = QUORUM_RECURRENCE_WEEKLY;
      if (by_month_day->len > 0)
        return unsupported (rrule, error);
      for (guint i = 0; i < by_day->len; i++)
        {
          gshort v = g_array_index (by_day, gshort, i);

          if (i_cal_recurrence_day_position (v) != 0)
            return unsupported (rrule, error);
          spec.weekdays |= QUORUM_WEEKDAY_BIT (weekday_from_ical (i_cal_recurrence_day_day_of_week (v)));
        }
      break;

    case I_CAL_MONTHLY_RECURRENCE:
      spec.freq = QUORUM_RECURRENCE_MONTHLY;
      if (by_day->len + by_month_day->len > 1)
        return unsupported (rrule, error);
      if (by_month_day->len == 1)
        {
          spec.monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY;
          spec.month_day = g_array_index (by_month_day, gshort, 0);
          if (spec.month_day < -1)
            return unsupported (rrule, error);
        }
      else if (by_day->len == 1)
        {
          gshort v = g_array_index (by_day, gshort, 0);
          int position = i_cal_recurrence_day_position (v);

          if (position == 0 || position < -1 || position > 4)
            return unsupported (rrule, error);
          spec.monthly_mode = position == -1 ? QUORUM_MONTHLY_LAST_WEEKDAY : QUORUM_MONTHLY_BY_WEEKDAY;
          spec.week_number = position;
          spec.weekday = weekday_from_ical (i_cal_recurrence_day_day_of_week (v));
        }
      else
        spec.monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY;
      break;

    case I_CAL_SECONDLY_RECURRENCE:
    case I_CAL_MINUTELY_RECURRENCE:
    case I_CAL_HOURLY_RECURRENCE:
    case I_CAL_NO_RECURRENCE:
    default:
      return unsupported (rrule, error);
    }

  until = i_cal_recurrence_get_until (recur);
  if (i_cal_recurrence_get_count (recur) > 0)
    {
      spec.end = QUORUM_RECURRENCE_END_COUNT;
      spec.count = i_cal_recurrence_get_count (recur);
    }
  else if (until != NULL && !i_cal_time_is_null_time (until))
    {
      if (!g_date_valid_dmy (i_cal_time_get_day (until), i_cal_time_get_month (until),
                             i_cal_time_get_year (until)))
        {
          g_set_error (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_INVALID,
                       _("“%s” is not a valid recurrence rule"), rrule);
          return FALSE;
        }
      spec.end = QUORUM_RECURRENCE_END_UNTIL;
      g_date_set_dmy (&spec.until, i_cal_time_get_day (until), i_cal_time_get_month (until),
                      i_cal_time_get_year (until));
    }
  else
    spec.end = QUORUM_RECURRENCE_END_NEVER;

  *out = spec;
  return TRUE;
}

/**
 * quorum_recurrence_build:
 * @spec: a rule as the recurrence editor shows it
 *
 * Writes @spec as an RRULE value, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=12`.
 * An end date is written as a date (`UNTIL=20261231`): the series may have
 * occurrences on that day.
 *
 * Returns: (transfer full): the rule
 */
char *
quorum_recurrence_build (const QuorumRecurrenceSpec *spec)
{
  static const char * const freqs[] = { "DAILY", "WEEKLY", "MONTHLY", "YEARLY" };
  GString *rule;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->freq <= QUORUM_RECURRENCE_YEARLY, NULL);

  rule = g_string_new ("FREQ=");
  g_string_append (rule, freqs[spec->freq]);
  if (spec->interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%u", MIN (spec->interval, MAX_INTERVAL));

  if (spec->freq == QUORUM_RECURRENCE_WEEKLY && spec->weekdays != 0)
    {
      const char *separator = ";BYDAY=";

      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
        if (spec->weekdays & QUORUM_WEEKDAY_BIT (day))
          {
            g_string_append_printf (rule, "%s%s", separator, day_codes[day]);
            separator = ",";
          }
    }
  else if (spec->freq == QUORUM_RECURRENCE_MONTHLY)
    {
      int nth = spec->monthly_mode == QUORUM_MONTHLY_LAST_WEEKDAY ? -1 : spec->week_number;

      if (nth == 0 || nth < -1 || nth > 4)
        nth = 1;

      if (spec->monthly_mode != QUORUM_MONTHLY_BY_MONTH_DAY && g_date_valid_weekday (spec->weekday))
        g_string_append_printf (rule, ";BYDAY=%d%s", nth, day_codes[spec->weekday]);
      else if (spec->month_day != 0)
        g_string_append_printf (rule, ";BYMONTHDAY=%d", CLAMP (spec->month_day, -1, 31));
    }

  if (spec->end == QUORUM_RECURRENCE_END_COUNT && spec->count > 0)
    g_string_append_printf (rule, ";COUNT=%u", MIN (spec->count, MAX_COUNT));
  else if (spec->end == QUORUM_RECURRENCE_END_UNTIL && g_date_valid (&spec->until))
    g_string_append_printf (rule, ";UNTIL=%04u%02u%02u", g_date_get_year (&spec->until),
                            g_date_get_month (&spec->until), g_date_get_day (&spec->until));

  return g_string_free (rule, FALSE);
}

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  return g_date_valid_weekday (weekday) ? _(names[weekday]) : "";
}

static char *
describe_weekdays (guint weekdays)
{
  GString *str = g_string_new (NULL);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    if (weekdays & QUORUM_WEEKDAY_BIT (day))
      {
        if (str->len > 0)
          /* Translators: between the names of weekdays in a list */
          g_string_append (str, C_("list", ", "));
        g_string_append (str, weekday_name (day));
      }

  return g_string_free (str, FALSE);
}

static char *
describe_nth_weekday (int          week_number,
                      GDateWeekday weekday)
{
  const char *name = weekday_name (weekday);

  switch (week_number)
    {
    /* Translators: %s is a weekday: "the first Monday" of a month */
    case 1: return g_strdup_printf (C_("nth weekday", "first %s"), name);
    case 2: return g_strdup_printf (C_("nth weekday", "second %s"), name);
    case 3: return g_strdup_printf (C_("nth weekday", "third %s"), name);
    case 4: return g_strdup_printf (C_("nth weekday", "fourth %s"), name);
    default: return g_strdup_printf (C_("nth weekday", "last %s"), name);
    }
}

static char *
describe_spec (const QuorumRecurrenceSpec *spec,
               GDateTime                  *dtstart)
{
  guint n = spec->interval;

  switch (spec->freq)
    {
    case QUORUM_RECURRENCE_DAILY:
      if (n == 1)
        return g_strdup (_("Daily"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days", n), n);

    case QUORUM_RECURRENCE_WEEKLY:
      {
        guint weekdays = spec->weekdays;
        g_autofree char *days = NULL;

        if (weekdays == 0 && dtstart != NULL)
          weekdays = QUORUM_WEEKDAY_BIT (g_date_time_get_day_of_week (dtstart));
        if (weekdays == 0)
          return n == 1 ? g_strdup (_("Weekly"))
                        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u week",
                                                        "Every %u weeks", n), n);
        days = describe_weekdays (weekdays);
        if (n == 1)
          return g_strdup_printf (_("Weekly on %s"), days);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u week on %s",
                                             "Every %u weeks on %s", n), n, days);
      }

    case QUORUM_RECURRENCE_MONTHLY:
      if (spec->monthly_mode != QUORUM_MONTHLY_BY_MONTH_DAY)
        {
          g_autofree char *nth = describe_nth_weekday (spec->monthly_mode == QUORUM_MONTHLY_LAST_WEEKDAY
                                                       ? -1 : spec->week_number, spec->weekday);

          if (n == 1)
            return g_strdup_printf (_("Monthly on the %s"), nth);
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month on the %s",
                                               "Every %u months on the %s", n), n, nth);
        }
      else
        {
          int day = spec->month_day;

          if (day == 0 && dtstart != NULL)
            day = g_date_time_get_day_of_month (dtstart);
          if (day == 0)
            return n == 1 ? g_strdup (_("Monthly"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month",
                                                          "Every %u months", n), n);
          if (day == -1)
            return n == 1 ? g_strdup (_("Monthly on the last day"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Every %u month on the last day",
                                                          "Every %u months on the last day", n), n);
          if (n == 1)
            return g_strdup_printf (_("Monthly on day %d"), day);
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month on day %d",
                                               "Every %u months on day %d", n), n, day);
        }

    case QUORUM_RECURRENCE_YEARLY:
    default:
      if (n == 1)
        return g_strdup (_("Yearly"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u year", "Every %u years", n), n);
    }
}

/**
 * quorum_recurrence_describe:
 * @rrule: an RRULE value
 * @dtstart: (nullable): the start of the series, to name its weekday or day
 *   when the rule does not
 *
 * A translated sentence for the rule, e.g. "Every 2 weeks on Wednesday" or
 * "Monthly on the last Friday, until 31 Dec 2026".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when @rrule is
 *   not valid
 */
char *
quorum_recurrence_describe (const char *rrule,
                            GDateTime  *dtstart)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  QuorumRecurrenceSpec spec;

  if (!quorum_recurrence_parse (rrule, &spec, &error))
    {
      if (g_error_matches (error, QUORUM_RECURRENCE_ERROR, QUORUM_RECURRENCE_ERROR_UNSUPPORTED))
        return g_strdup_printf (_("Custom rule (%s)"), rrule);
      return NULL;
    }

  base = describe_spec (&spec, dtstart);
  if (spec.end == QUORUM_RECURRENCE_END_COUNT)
    /* Translators: the first %s is a rule such as "Weekly on Monday" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u time", "%s, %u times",
                                         spec.count), base, spec.count);
  if (spec.end == QUORUM_RECURRENCE_END_UNTIL)
    {
      g_autoptr(GDateTime) until = g_date_time_new_local (g_date_get_year (&spec.until),
                                                          g_date_get_month (&spec.until),
                                                          g_date_get_day (&spec.until), 12, 0, 0);
      /* Translators: the end date of a series, for g_date_time_format() */
      /* xgettext:no-c-format */
      g_autofree char *date = g_date_time_format (until, _("%-d %b %Y"));

      /* Translators: the first %s is a rule such as "Weekly on Monday", the second a date */
      return g_strdup_printf (_("%s, until %s"), base, date);
    }

  return g_steal_pointer (&base);
}
