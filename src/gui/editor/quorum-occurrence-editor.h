/* quorum-occurrence-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

/**
 * QuorumEditScope:
 * @QUORUM_EDIT_THIS_ONE: only this occurrence (it is marked moved)
 * @QUORUM_EDIT_THIS_AND_FOLLOWING: this one and the later ones (the series is split)
 * @QUORUM_EDIT_ALL: the whole series
 *
 * Which occurrences a change to one of them applies to.
 */
typedef enum
{
  QUORUM_EDIT_THIS_ONE,
  QUORUM_EDIT_THIS_AND_FOLLOWING,
  QUORUM_EDIT_ALL,
} QuorumEditScope;

#define QUORUM_TYPE_OCCURRENCE_EDITOR (quorum_occurrence_editor_get_type ())

G_DECLARE_FINAL_TYPE (QuorumOccurrenceEditor, quorum_occurrence_editor, QUORUM, OCCURRENCE_EDITOR, AdwWindow)

QuorumOccurrenceEditor *quorum_occurrence_editor_new          (QuorumStore            *store,
                                                               QuorumWorkdays         *workdays,
                                                               gint64                  occurrence_id);
QuorumOccurrenceEditor *quorum_occurrence_editor_present      (GtkWindow              *parent,
                                                               QuorumStore            *store,
                                                               QuorumWorkdays         *workdays,
                                                               gint64                  occurrence_id);
void                    quorum_occurrence_editor_set_start    (QuorumOccurrenceEditor *self,
                                                               GDateTime              *start);
void                    quorum_occurrence_editor_set_title    (QuorumOccurrenceEditor *self,
                                                               const char             *title);
void                    quorum_occurrence_editor_set_location (QuorumOccurrenceEditor *self,
                                                               const char             *location);
gboolean                quorum_occurrence_editor_apply        (QuorumOccurrenceEditor *self,
                                                               QuorumEditScope         scope,
                                                               GError                **error);
gboolean                quorum_occurrence_editor_cancel_occurrence (QuorumOccurrenceEditor *self,
                                                                    const char             *reason,
                                                                    GError                **error);
gboolean                quorum_occurrence_editor_delete_series (QuorumOccurrenceEditor *self,
                                                                GError                **error);

G_END_DECLS
