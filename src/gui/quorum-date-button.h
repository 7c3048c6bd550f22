/* quorum-date-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_DATE_BUTTON (quorum_date_button_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDateButton, quorum_date_button, QUORUM, DATE_BUTTON, GtkWidget)

GtkWidget *quorum_date_button_new             (void);
GDateTime *quorum_date_button_get_date        (QuorumDateButton *self);
void       quorum_date_button_set_date        (QuorumDateButton *self,
                                               GDateTime        *date);
GDate     *quorum_date_button_dup_gdate       (QuorumDateButton *self);
void       quorum_date_button_set_gdate       (QuorumDateButton *self,
                                               const GDate      *date);
char      *quorum_date_format_day             (const GDate      *date);
GDate     *quorum_date_new_from_date_time     (GDateTime        *datetime);
char      *quorum_date_format_date_time_day   (GDateTime        *datetime);

G_END_DECLS
