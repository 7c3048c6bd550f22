/* quorum-date-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_DATE_ENTRY (quorum_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDateEntry, quorum_date_entry, QUORUM, DATE_ENTRY, GtkBox)

GtkWidget *quorum_date_entry_new       (void);
GDate     *quorum_date_entry_dup_date  (QuorumDateEntry *self);
void       quorum_date_entry_set_date  (QuorumDateEntry *self,
                                        const GDate     *date);
void       quorum_date_entry_set_today (QuorumDateEntry *self);
gboolean   quorum_date_entry_is_valid  (QuorumDateEntry *self);
gboolean   quorum_date_entry_get_optional (QuorumDateEntry *self);
void       quorum_date_entry_set_optional (QuorumDateEntry *self,
                                           gboolean         optional);
GtkEditable *quorum_date_entry_get_editable (QuorumDateEntry *self);

G_END_DECLS
