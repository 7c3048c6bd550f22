/* quorum-recurrence-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-recurrence.h"

G_BEGIN_DECLS

GPtrArray *_quorum_recurrence_expand_full (const char  *rrule,
                                           GDateTime   *dtstart,
                                           const char  *tzid,
                                           GPtrArray   *exdates,
                                           GPtrArray   *rdates,
                                           GDateTime   *range_start,
                                           GDateTime   *range_end,
                                           guint        max_count,
                                           gboolean     use_libical,
                                           GError     **error);

G_END_DECLS
