/* quorum-fake-calendar.h: occurrences and a holiday calendar for the view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-day-info.h"
#include "quorum-occurrence.h"

G_BEGIN_DECLS

QuorumOccurrence *quorum_fake_occurrence (gint64                  id,
                                          const char             *title,
                                          const char             *kind,
                                          const char             *location,
                                          int                     year,
                                          int                     month,
                                          int                     day,
                                          int                     hour,
                                          int                     minute,
                                          int                     minutes,
                                          QuorumOccurrenceStatus  status);
GListStore       *quorum_fake_october    (void);
QuorumDayMark     quorum_fake_day_info   (const GDate            *date,
                                          char                  **out_name,
                                          gpointer                user_data);
GDateTime        *quorum_fake_date       (int                     year,
                                          int                     month,
                                          int                     day);

G_END_DECLS
