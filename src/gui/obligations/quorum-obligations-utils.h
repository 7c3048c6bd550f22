/* quorum-obligations-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "quorum-compliance.h"
#include "quorum-rulebook.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

const char *quorum_supervision_css_class      (QuorumSupervisionColour  colour);
const char *quorum_supervision_colour_label   (QuorumSupervisionColour  colour);
void        quorum_supervision_get_rgba       (QuorumSupervisionColour  colour,
                                               GdkRGBA                 *rgba);
const char *quorum_compliance_status_symbol   (QuorumComplianceStatus   status);
char       *quorum_compliance_status_dup_chip_text (QuorumComplianceStatus status);
GtkWidget  *quorum_status_chip_new            (QuorumComplianceStatus   status);
QuorumComplianceStatus quorum_compliance_status_worse (QuorumComplianceStatus a,
                                                       QuorumComplianceStatus b);

void        quorum_store_get_today            (QuorumStore             *store,
                                               GDate                   *today);

/* Runs in the worker on its results and store; returns what the task
 * gives the callback. */
typedef gpointer (*QuorumComputeThenFunc)     (QuorumStore             *store,
                                               GPtrArray               *results,
                                               gpointer                 data);

void        quorum_compliance_compute_async   (QuorumStore             *store,
                                               QuorumRulebook          *rulebook,
                                               QuorumWorkdays          *workdays,
                                               QuorumPeriod            *period,
                                               const GDate             *today,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
void        quorum_compliance_compute_then_async (QuorumStore          *store,
                                                  QuorumRulebook       *rulebook,
                                                  QuorumWorkdays       *workdays,
                                                  QuorumPeriod         *period,
                                                  const GDate          *today,
                                                  QuorumComputeThenFunc then,
                                                  gpointer              then_data,
                                                  GDestroyNotify        then_data_free,
                                                  GDestroyNotify        then_result_free,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *quorum_compliance_compute_finish  (GAsyncResult            *result,
                                               GError                 **error);
void        quorum_set_busy                   (gboolean                *busy,
                                               GtkSpinner              *spinner,
                                               gboolean                 value);
GPtrArray  *quorum_compliance_compute_finish_shown (GAsyncResult       *result,
                                                    GtkWidget          *widget,
                                                    gboolean           *busy,
                                                    GtkSpinner         *spinner);
gpointer    quorum_compliance_compute_then_finish_shown (GAsyncResult  *result,
                                                         GtkWidget     *widget,
                                                         gboolean      *busy,
                                                         GtkSpinner    *spinner);

GtkWidget  *quorum_records_popover_new        (QuorumStore             *store,
                                               QuorumRulebook          *rulebook,
                                               GPtrArray               *results);
GtkWidget  *quorum_show_records_popover       (GtkWidget               *parent,
                                               const GdkRectangle      *area,
                                               QuorumStore             *store,
                                               QuorumRulebook          *rulebook,
                                               GPtrArray               *results);

G_END_DECLS
