/* quorum-month-cell.h: one day of QuorumMonthView (private to the view)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-day-info.h"
#include "quorum-month-chip-styles.h"
#include "quorum-occurrence.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MONTH_CELL (quorum_month_cell_get_type ())

/* No cell shows more event chips than this, however tall. */
#define QUORUM_MONTH_CELL_MAX_CHIPS 12

G_DECLARE_FINAL_TYPE (QuorumMonthCell, quorum_month_cell, QUORUM, MONTH_CELL, GtkWidget)

typedef enum
{
  QUORUM_MONTH_CELL_OTHER_MONTH = 1 << 0,
  QUORUM_MONTH_CELL_TODAY       = 1 << 1,
  QUORUM_MONTH_CELL_SELECTED    = 1 << 2,
} QuorumMonthCellFlags;

GtkWidget         *quorum_month_cell_new                (void);
void               quorum_month_cell_set_styles         (QuorumMonthCell       *self,
                                                         QuorumMonthChipStyles *styles,
                                                         QuorumMonthChipStyles *other_styles);
void               quorum_month_cell_set_day            (QuorumMonthCell      *self,
                                                         const GDate          *date,
                                                         QuorumMonthCellFlags  flags,
                                                         QuorumDayMark         mark,
                                                         const char           *mark_name);
void               quorum_month_cell_set_selected       (QuorumMonthCell      *self,
                                                         gboolean              selected);
const GDate       *quorum_month_cell_get_date           (QuorumMonthCell      *self);
GPtrArray         *quorum_month_cell_get_occurrences    (QuorumMonthCell      *self);
void               quorum_month_cell_update_occurrences (QuorumMonthCell      *self);
int                quorum_month_cell_compare            (gconstpointer         a,
                                                         gconstpointer         b);
void               quorum_month_cell_set_n_hidden       (QuorumMonthCell      *self,
                                                         guint                 n_hidden);
guint              quorum_month_cell_get_n_hidden       (QuorumMonthCell      *self);
QuorumOccurrence  *quorum_month_cell_get_occurrence_at  (QuorumMonthCell      *self,
                                                         double                x,
                                                         double                y);
const char        *quorum_month_cell_get_chip_text      (QuorumMonthCell      *self,
                                                         guint                 i);
gboolean           quorum_month_cell_get_chip_bounds    (QuorumMonthCell      *self,
                                                         guint                 i,
                                                         graphene_rect_t      *bounds);
GtkWidget         *quorum_month_cell_get_chip_style     (QuorumMonthCell      *self,
                                                         guint                 i);
guint              quorum_month_cell_get_n_shown        (QuorumMonthCell      *self);
const char        *quorum_month_cell_get_overflow_text  (QuorumMonthCell      *self);
QuorumDayMark      quorum_month_cell_get_mark           (QuorumMonthCell      *self);
gboolean           quorum_month_cell_get_is_today       (QuorumMonthCell      *self);
const char        *quorum_month_cell_get_label          (QuorumMonthCell      *self);
const char        *quorum_month_cell_get_description    (QuorumMonthCell      *self);

G_END_DECLS
