/* quorum-test-office.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/* A small office on 26 November 2026 (the store's "now"): a government with
 * its leadership and Party group, two departments, a town, an enterprise, four
 * leaders, their records of 2026, a monthly theory study with one unexcused
 * absence, and a leave request. */
typedef struct
{
  gint64 zhang;
  gint64 li;
  gint64 wang;
  gint64 zhao;
  gint64 government;
  gint64 leaders;
  gint64 party_group;
  gint64 enterprise;
  gint64 study_series;
} QuorumTestOffice;

QuorumStore *quorum_test_office_open (const char       *path,
                                      QuorumTestOffice *office);

G_END_DECLS
