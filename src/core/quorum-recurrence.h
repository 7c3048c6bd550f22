/* quorum-recurrence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_RECURRENCE_ERROR (quorum_recurrence_error_quark ())

/**
 * QuorumRecurrenceError:
 * @QUORUM_RECURRENCE_ERROR_INVALID: the rule is not a valid RRULE
 * @QUORUM_RECURRENCE_ERROR_UNBOUNDED: the rule never ends and no range end or limit was given
 * @QUORUM_RECURRENCE_ERROR_TOO_MANY: the rule would create more events than Quorum handles
 * @QUORUM_RECURRENCE_ERROR_UNKNOWN_TIMEZONE: the time zone is not known
 * @QUORUM_RECURRENCE_ERROR_UNSUPPORTED: valid, but the recurrence editor cannot express it
 *
 * Errors of the recurrence functions.
 */
typedef enum
{
  QUORUM_RECURRENCE_ERROR_INVALID,
  QUORUM_RECURRENCE_ERROR_UNBOUNDED,
  QUORUM_RECURRENCE_ERROR_TOO_MANY,
  QUORUM_RECURRENCE_ERROR_UNKNOWN_TIMEZONE,
  QUORUM_RECURRENCE_ERROR_UNSUPPORTED,
} QuorumRecurrenceError;

/* The time zone of a series that names none. */
#define QUORUM_DEFAULT_TZID "Asia/Shanghai"

/* Bit of a #GDateWeekday in QuorumRecurrenceSpec.weekdays: Monday is bit 0. */
#define QUORUM_WEEKDAY_BIT(weekday) (1u << ((weekday) - 1))

/**
 * QuorumRecurrenceSpec:
 * @freq: how often
 * @interval: every @interval days, weeks, months or years (1 or more)
 * @weekdays: weekly: days of the week, QUORUM_WEEKDAY_BIT() of each; 0 for the start's weekday
 * @monthly_mode: monthly: how the day is picked
 * @month_day: monthly by month day: 1–31, -1 for the last day, 0 for the start's day
 * @week_number: monthly by weekday: 1–4, or -1 for the last
 * @weekday: monthly by weekday: the weekday
 * @end: how the series ends
 * @until: with %QUORUM_RECURRENCE_END_UNTIL: the last possible date (inclusive)
 * @count: with %QUORUM_RECURRENCE_END_COUNT: the number of occurrences
 *
 * The rules the recurrence editor can express, as plain data.
 */
typedef struct
{
  QuorumRecurrenceFreq freq;
  guint                interval;
  guint                weekdays;
  QuorumMonthlyMode    monthly_mode;
  int                  month_day;
  int                  week_number;
  GDateWeekday         weekday;
  QuorumRecurrenceEnd  end;
  GDate                until;
  guint                count;
} QuorumRecurrenceSpec;

GQuark     quorum_recurrence_error_quark          (void);
gboolean   quorum_recurrence_validate             (const char                  *rrule,
                                                   GError                     **error);
GPtrArray *quorum_recurrence_expand               (const char                  *rrule,
                                                   GDateTime                   *dtstart,
                                                   const char                  *tzid,
                                                   GPtrArray                   *exdates,
                                                   GPtrArray                   *rdates,
                                                   GDateTime                   *range_start,
                                                   GDateTime                   *range_end,
                                                   guint                        max_count,
                                                   GError                     **error);
GDateTime *quorum_recurrence_apply_holiday_policy (QuorumWorkdays              *workdays,
                                                   GDateTime                   *start,
                                                   QuorumHolidayPolicy          policy,
                                                   gboolean                    *out_shifted);
char      *quorum_recurrence_describe             (const char                  *rrule,
                                                   GDateTime                   *dtstart);
char      *quorum_recurrence_build                (const QuorumRecurrenceSpec  *spec);
gboolean   quorum_recurrence_parse                (const char                  *rrule,
                                                   QuorumRecurrenceSpec        *out,
                                                   GError                     **error);

G_END_DECLS
