/* quorum-series-preview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-enums.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

/* How many coming occurrences the preview lists. */
#define QUORUM_SERIES_PREVIEW_ROWS 10

#define QUORUM_TYPE_SERIES_PREVIEW (quorum_series_preview_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSeriesPreview, quorum_series_preview, QUORUM, SERIES_PREVIEW, GtkWidget)

GtkWidget      *quorum_series_preview_new          (void);
QuorumWorkdays *quorum_series_preview_get_workdays (QuorumSeriesPreview *self);
void            quorum_series_preview_set_workdays (QuorumSeriesPreview *self,
                                                    QuorumWorkdays      *workdays);
gboolean        quorum_series_preview_update       (QuorumSeriesPreview *self,
                                                    const char          *rrule,
                                                    GDateTime           *dtstart,
                                                    const char          *tzid,
                                                    QuorumHolidayPolicy  policy,
                                                    GError             **error);
char           *quorum_series_preview_dup_text     (QuorumSeriesPreview *self);

G_END_DECLS
