/* quorum-compliance-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-compliance.h"

G_BEGIN_DECLS

/* The parts of a duty the engine reads; max is -1 for none, window months 0 for none. */
typedef struct
{
  const char       *id;
  const char       *title;
  QuorumDutyScope   scope;
  const char       *per_unit;
  QuorumPeriodKind  period;
  const GDate      *anchor;
  int               window_first;
  int               window_last;
  QuorumMeasure     measure;
  int               min;
  int               max;
  const char       *ratio_of;
  const char       *record;
  gboolean          attendance;
  gboolean          makeup;
} QuorumComplianceDutySpec;

void _quorum_compliance_input_add_duty_spec (QuorumComplianceInput          *self,
                                             const QuorumComplianceDutySpec *spec);

G_END_DECLS
