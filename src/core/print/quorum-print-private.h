/* quorum-print-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws the whole document on @cr, a PDF surface's context (metadata can be
 * set on cairo_get_target (@cr) first), showing every page. */
typedef void (*QuorumPdfDrawFunc) (cairo_t  *cr,
                                   gpointer  data);

gboolean _quorum_pdf_write (const char         *path,
                            QuorumPdfDrawFunc   draw_func,
                            gpointer            data,
                            GError            **error);

G_END_DECLS
