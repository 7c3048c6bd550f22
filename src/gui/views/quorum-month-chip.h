/* quorum-month-chip.h: chip looks and shaped text of the month grid (private to the view)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_MONTH_CHIP (quorum_month_chip_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMonthChip, quorum_month_chip, QUORUM, MONTH_CHIP, GtkWidget)

GtkWidget  *quorum_month_chip_new         (void);
void        quorum_month_chip_set_classes (QuorumMonthChip *self,
                                           const char     **classes);

typedef struct _QuorumChipText QuorumChipText;

QuorumChipText *quorum_month_chip_shape            (QuorumMonthChip *self,
                                                    const char      *markup);
gboolean        quorum_month_chip_has_font_of      (QuorumMonthChip *self,
                                                    QuorumChipText  *text);
void            quorum_month_chip_snapshot_text    (QuorumMonthChip *self,
                                                    GtkSnapshot     *snapshot,
                                                    QuorumChipText  *text,
                                                    int              width);
guint           quorum_month_chip_get_style_serial (QuorumMonthChip *self);
int             quorum_chip_text_get_height        (QuorumChipText  *text);
void            quorum_chip_text_unref             (QuorumChipText  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumChipText, quorum_chip_text_unref)

G_END_DECLS
