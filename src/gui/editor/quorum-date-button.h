/* quorum-date-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_DATE_BUTTON (quorum_date_button_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDateButton, quorum_date_button, QUORUM, DATE_BUTTON, GtkWidget)

GtkWidget *quorum_date_button_new      (void);
GDateTime *quorum_date_button_get_date (QuorumDateButton *self);
void       quorum_date_button_set_date (QuorumDateButton *self,
                                        GDateTime        *date);
void       quorum_widget_unparent_children (GtkWidget *widget);
gboolean   quorum_spin_button_output_two_digits (GtkSpinButton *spin,
                                                 gpointer       user_data);

G_END_DECLS
