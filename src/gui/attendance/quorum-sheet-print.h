/* quorum-sheet-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-sheet.h"

G_BEGIN_DECLS

GtkPrintOperation *quorum_sheet_print_operation_new (QuorumSheet *sheet);
void               quorum_sheet_print               (QuorumSheet *sheet,
                                                     GtkWindow   *parent);
void               quorum_sheet_export_pdf          (QuorumSheet *sheet,
                                                     GtkWindow   *parent,
                                                     const char  *suggested_name);

G_END_DECLS
