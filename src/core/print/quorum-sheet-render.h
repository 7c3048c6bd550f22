/* quorum-sheet-render.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "quorum-sheet.h"

G_BEGIN_DECLS

/* ISO A4 portrait, in PostScript points (1/72 inch). */
#define QUORUM_SHEET_A4_WIDTH  595.0
#define QUORUM_SHEET_A4_HEIGHT 842.0

int      quorum_sheet_get_n_pages (QuorumSheet  *self,
                                   double        page_width,
                                   double        page_height);
void     quorum_sheet_draw_page   (QuorumSheet  *self,
                                   cairo_t      *cr,
                                   int           page,
                                   double        page_width,
                                   double        page_height);
gboolean quorum_sheet_write_pdf   (QuorumSheet  *self,
                                   const char   *path,
                                   GError      **error);

G_END_DECLS
