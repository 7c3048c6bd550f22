/* quorum-gui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-occurrence.h"

G_BEGIN_DECLS

const char *quorum_kind_css_class         (const char             *kind);
const char *quorum_kind_label             (const char             *kind);
int         quorum_kind_order             (const char             *kind);
const char *quorum_occurrence_status_label (QuorumOccurrenceStatus  status);
const char *quorum_occurrence_status_css_class (QuorumOccurrenceStatus status);
const char *quorum_weekday_name           (GDateWeekday            weekday);
const char *quorum_weekday_short_name     (GDateWeekday            weekday);
char       *quorum_format_day             (const GDate            *date);
char       *quorum_format_month           (const GDate            *date);
char       *quorum_format_time_range      (QuorumOccurrence       *occurrence);
void        quorum_occurrence_get_date    (QuorumOccurrence       *occurrence,
                                           GDate                  *date);
GDateTime  *quorum_date_to_date_time      (const GDate            *date);
void        quorum_date_set_date_time     (GDate                  *date,
                                           GDateTime              *date_time);

gboolean    quorum_spin_button_output_two_digits (GtkSpinButton *spin,
                                                  gpointer       user_data);
void        quorum_widget_unparent_children      (GtkWidget     *widget);
void        quorum_widget_set_css_classes        (GtkWidget     *widget,
                                                  const char   **classes);
void        quorum_queue_refresh                 (guint         *source,
                                                  GCallback      refresh,
                                                  gpointer       data);
GtkWidget  *quorum_reason_dialog_new             (GtkWindow     *parent,
                                                  const char    *heading,
                                                  const char    *body,
                                                  const char    *placeholder,
                                                  const char    *response,
                                                  const char    *label,
                                                  AdwResponseAppearance appearance);
guint       quorum_add_tick_callback_after_paint (GtkWidget     *widget,
                                                  GtkTickCallback callback,
                                                  gpointer       data,
                                                  GDestroyNotify notify);
void        quorum_show_in_later_frames          (GtkWidget     *owner,
                                                  GtkWidget     *first,
                                                  ...) G_GNUC_NULL_TERMINATED;
void        quorum_show_array_in_later_frames    (GtkWidget     *owner,
                                                  GtkWidget    **widgets,
                                                  guint          n_widgets);

G_END_DECLS
