/* quorum-month-chip-styles.h: how the chips of a month grid look (private to the view)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-month-chip.h"

G_BEGIN_DECLS

/* The CSS classes of a chip, as a value: chips with equal keys look alike. */
typedef struct
{
  const char *kind;            /* a static CSS class */
  int         status;          /* a QuorumOccurrenceStatus */
  gboolean    moved;
} QuorumChipKey;

typedef struct _QuorumChipLook QuorumChipLook;

#define QUORUM_TYPE_MONTH_CHIP_STYLES (quorum_month_chip_styles_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMonthChipStyles, quorum_month_chip_styles, QUORUM, MONTH_CHIP_STYLES, GtkWidget)

GtkWidget       *quorum_month_chip_styles_new      (gboolean               other_month);
QuorumChipLook  *quorum_month_chip_styles_lookup   (QuorumMonthChipStyles *self,
                                                    const QuorumChipKey   *key);
QuorumChipLook  *quorum_month_chip_styles_get_more (QuorumMonthChipStyles *self);

QuorumMonthChip *quorum_chip_look_get_prototype    (QuorumChipLook        *look);
void             quorum_chip_look_update           (QuorumChipLook        *look);
int              quorum_chip_look_get_height       (QuorumChipLook        *look,
                                                    QuorumChipText        *text);
void             quorum_chip_look_snapshot         (QuorumChipLook        *look,
                                                    GtkSnapshot           *snapshot,
                                                    int                    width,
                                                    int                    height,
                                                    QuorumChipText        *text);

G_END_DECLS
