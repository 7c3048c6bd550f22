/* quorum-series-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-recurrence-editor.h"
#include "quorum-rulebook.h"
#include "quorum-series-preview.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_SERIES_EDITOR (quorum_series_editor_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSeriesEditor, quorum_series_editor, QUORUM, SERIES_EDITOR, AdwWindow)

QuorumSeriesEditor     *quorum_series_editor_new                 (QuorumStore        *store,
                                                                  QuorumRulebook     *rulebook,
                                                                  QuorumWorkdays     *workdays,
                                                                  const GDate        *initial_date);
QuorumSeriesEditor     *quorum_series_editor_present_new         (GtkWindow          *parent,
                                                                  QuorumStore        *store,
                                                                  QuorumRulebook     *rulebook,
                                                                  QuorumWorkdays     *workdays,
                                                                  const GDate        *initial_date);
gboolean                quorum_series_editor_select_duty         (QuorumSeriesEditor *self,
                                                                  const char         *duty_id);
void                    quorum_series_editor_set_start           (QuorumSeriesEditor *self,
                                                                  GDateTime          *start);
void                    quorum_series_editor_set_every_leader    (QuorumSeriesEditor *self,
                                                                  gboolean            every_leader);
QuorumRecurrenceEditor *quorum_series_editor_get_recurrence_editor (QuorumSeriesEditor *self);
QuorumSeriesPreview    *quorum_series_editor_get_preview         (QuorumSeriesEditor *self);
const char             *quorum_series_editor_get_error           (QuorumSeriesEditor *self);
GArray                 *quorum_series_editor_save                (QuorumSeriesEditor *self,
                                                                  GError            **error);

G_END_DECLS
