/* quorum-feed-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feed-details"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-feed-details.h"

/**
 * QuorumFeedDetails:
 *
 * What an expanded #QuorumFeedRow shows: the feed's two addresses, the QR
 * code of the webcal:// one and the buttons that copy, replace or revoke
 * the address (the page's `feeds.*` actions, with the person id as
 * target). A row makes its details the first time it is expanded: a page
 * of fifty feeds does not build fifty QR codes and forms nobody opened.
 */
struct _QuorumFeedDetails
{
  GtkBox          parent_instance;

  /* Template widgets */
  QuorumQrWidget *qr_widget;
  GtkLabel       *webcal_label;
  GtkLabel       *http_label;
  GtkButton      *copy_webcal_button;
  GtkButton      *copy_http_button;
  GtkButton      *rotate_button;
  GtkButton      *revoke_button;
};

G_DEFINE_FINAL_TYPE (QuorumFeedDetails, quorum_feed_details, GTK_TYPE_BOX)

static void
quorum_feed_details_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QUORUM_TYPE_FEED_DETAILS);

  G_OBJECT_CLASS (quorum_feed_details_parent_class)->dispose (object);
}

static void
quorum_feed_details_class_init (QuorumFeedDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_feed_details_dispose;

  g_type_ensure (QUORUM_TYPE_QR_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/feeds/quorum-feed-details.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, qr_widget);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, webcal_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, http_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, copy_webcal_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, copy_http_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, rotate_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedDetails, revoke_button);
}

static void
quorum_feed_details_init (QuorumFeedDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_feed_details_new:
 * @person_id: the person, or 0 for the whole office
 *
 * Returns: (transfer floating): the details of @person_id's feed, without
 *   an address
 */
GtkWidget *
quorum_feed_details_new (gint64 person_id)
{
  QuorumFeedDetails *self = g_object_new (QUORUM_TYPE_FEED_DETAILS, NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_webcal_button), "(xb)",
                                    person_id, TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_http_button), "(xb)",
                                    person_id, FALSE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->rotate_button), "x", person_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->revoke_button), "x", person_id);
  quorum_feed_details_set_urls (self, NULL, NULL);
  return GTK_WIDGET (self);
}

/**
 * quorum_feed_details_set_name:
 * @self: a #QuorumFeedDetails
 * @name: whose feed it is
 *
 * Names the QR code for screen readers after the feed's owner.
 */
void
quorum_feed_details_set_name (QuorumFeedDetails *self,
                              const char        *name)
{
  g_autofree char *calendar = NULL;

  g_return_if_fail (QUORUM_IS_FEED_DETAILS (self));

  /* Translators: what a QR code opens; it is read as “QR code for %s”. */
  calendar = g_strdup_printf (_("%s’s calendar"), name ?: "");
  quorum_qr_widget_set_description (self->qr_widget, calendar);
}

/**
 * quorum_feed_details_set_urls:
 * @self: a #QuorumFeedDetails
 * @webcal_url: (nullable): the webcal:// address, or %NULL when the feed
 *   has none
 * @http_url: (nullable): the http:// address
 *
 * Shows the addresses and the QR code; without one, the buttons that change
 * the address are off.
 */
void
quorum_feed_details_set_urls (QuorumFeedDetails *self,
                              const char        *webcal_url,
                              const char        *http_url)
{
  g_return_if_fail (QUORUM_IS_FEED_DETAILS (self));

  gtk_label_set_text (self->webcal_label, webcal_url ?: "");
  gtk_label_set_text (self->http_label, http_url ?: "");
  quorum_qr_widget_set_text (self->qr_widget, webcal_url);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rotate_button), webcal_url != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revoke_button), webcal_url != NULL);
}

/**
 * quorum_feed_details_get_qr_widget:
 * @self: a #QuorumFeedDetails
 *
 * Returns: (transfer none): the QR code of the webcal:// address
 */
QuorumQrWidget *
quorum_feed_details_get_qr_widget (QuorumFeedDetails *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_DETAILS (self), NULL);

  return self->qr_widget;
}
