/* quorum-rulebook-stub.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY: the enums of branch `rules`, until it is merged.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_DUTY_SCOPE_BODY,
  QUORUM_DUTY_SCOPE_EACH_MEMBER,
  QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT,
  QUORUM_DUTY_SCOPE_EACH_DEPARTMENT,
  QUORUM_DUTY_SCOPE_EACH_TOWN,
  QUORUM_DUTY_SCOPE_EACH_PARTY_MEMBER,
} QuorumDutyScope;

typedef enum
{
  QUORUM_PERIOD_NONE,
  QUORUM_PERIOD_WEEK,
  QUORUM_PERIOD_FORTNIGHT,
  QUORUM_PERIOD_MONTH,
  QUORUM_PERIOD_QUARTER,
  QUORUM_PERIOD_HALF_YEAR,
  QUORUM_PERIOD_YEAR,
} QuorumPeriodKind;

typedef enum
{
  QUORUM_MEASURE_EVENTS,
  QUORUM_MEASURE_DAYS,
  QUORUM_MEASURE_RATIO,
  QUORUM_MEASURE_UNITS,
  QUORUM_MEASURE_DEADLINE_WORKDAYS,
  QUORUM_MEASURE_NOTICE_DAYS,
} QuorumMeasure;

G_END_DECLS

/* TEMPORARY stand-ins for quorum-rulebook.h / quorum-workdays.h of `rules`. */
G_BEGIN_DECLS
typedef struct _QuorumDuty QuorumDuty;
typedef struct _QuorumWorkdays QuorumWorkdays;
void quorum_workdays_add (QuorumWorkdays *self, const GDate *from, int n, GDate *out,
                          gboolean *out_uncertain);
G_END_DECLS
