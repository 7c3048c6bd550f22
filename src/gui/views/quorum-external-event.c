/* quorum-external-event.c: the details of a subscribed calendar's event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-external-event"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "quorum-caldav-overlay.h"
#include "quorum-external-event.h"
#include "quorum-gui-utils.h"

/**
 * quorum_external_event_show:
 * @parent: a widget of the window to show it over
 * @occurrence: an event of a subscribed calendar
 *
 * Shows what is known of an event that is not Quorum's: when, where and
 * from which calendar. Nothing in it can be changed, and no roll call is
 * kept for it.
 *
 * Returns: (transfer none): the dialog, already presented
 */
GtkWindow *
quorum_external_event_show (GtkWidget        *parent,
                            QuorumOccurrence *occurrence)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *when = quorum_format_time_range (occurrence);
  g_autofree char *date = g_date_time_format (quorum_occurrence_get_start (occurrence),
                                              /* Translators: a date, strftime format */
                                              _("%A, %B %-d, %Y"));
  const char *location = quorum_occurrence_get_location (occurrence);
  const char *source = quorum_occurrence_get_source (occurrence);
  const char *title = quorum_occurrence_get_title (occurrence);
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;

  g_string_append_printf (body, "%s %s", date, when);
  if (location != NULL && *location != '\0')
    g_string_append_printf (body, "\n%s", location);
  if (quorum_occurrence_get_status (occurrence) == QUORUM_OCCURRENCE_CANCELLED)
    g_string_append_printf (body, "\n%s", _("Cancelled"));
  g_string_append (body, "\n\n");
  g_string_append_printf (body,
                          /* Translators: %s is the name of a subscribed calendar */
                          _("From the subscribed calendar “%s”. It is shown read-only: "
                            "Quorum keeps no attendance for it."),
                          source != NULL ? source : "");

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   title != NULL && *title != '\0' ? title : _("Untitled"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_add_css_class (dialog, "external-event");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
