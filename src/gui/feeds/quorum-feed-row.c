/* quorum-feed-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feed-row"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-feed-details.h"
#include "quorum-feed-row.h"
#include "quorum-feed-source.h"

/**
 * QuorumFeedRow:
 *
 * One feed on the Feeds page: a person's, or the whole office's (person 0).
 * Collapsed it shows the name and a Copy button; expanded, the secret
 * addresses, their QR code and the buttons that change the address. It
 * only shows: the page's `feeds.*` actions, with the person id as target,
 * do the work. Expanding asks the page for an address with
 * `feeds.show-address`, so addresses are made when someone wants one; the
 * details (#QuorumFeedDetails) are made then too, so that a long list of
 * folded rows is cheap to build.
 */
struct _QuorumFeedRow
{
  AdwExpanderRow  parent_instance;

  gint64          person_id;
  char           *name;
  char           *token;
  char           *webcal_url;
  char           *http_url;

  QuorumFeedDetails *details;   /* made when first expanded */

  /* Template widgets */
  GtkLabel       *none_label;
  GtkButton      *copy_button;
};

G_DEFINE_FINAL_TYPE (QuorumFeedRow, quorum_feed_row, ADW_TYPE_EXPANDER_ROW)

static void
update_accessible_names (QuorumFeedRow *self)
{
  g_autofree char *copy = NULL;

  /* Translators: the spoken name of the Copy button in a person's row. */
  copy = g_strdup_printf (_("Copy the address of %s’s calendar"), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy, -1);
  if (self->details != NULL)
    quorum_feed_details_set_name (self->details, self->name);
}

/* The details, made the first time they are needed. */
static QuorumFeedDetails *
ensure_details (QuorumFeedRow *self)
{
  GtkWidget *parent;

  if (self->details != NULL)
    return self->details;

  self->details = QUORUM_FEED_DETAILS (quorum_feed_details_new (self->person_id));
  quorum_feed_details_set_name (self->details, self->name);
  quorum_feed_details_set_urls (self->details, self->webcal_url, self->http_url);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->details));

  /* The details are not a choice to activate: only their buttons are. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self->details));
  if (GTK_IS_LIST_BOX_ROW (parent))
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (parent), FALSE);
  return self->details;
}

static void
on_expanded_cb (QuorumFeedRow *self,
                GParamSpec    *pspec,
                gpointer       user_data)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;
  ensure_details (self);
  if (self->token == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "feeds.show-address", "x", self->person_id);
}

static void
quorum_feed_row_dispose (GObject *object)
{
  QuorumFeedRow *self = (QuorumFeedRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_FEED_ROW);
  self->details = NULL;

  G_OBJECT_CLASS (quorum_feed_row_parent_class)->dispose (object);
}

static void
quorum_feed_row_finalize (GObject *object)
{
  QuorumFeedRow *self = (QuorumFeedRow *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->webcal_url, g_free);
  g_clear_pointer (&self->http_url, g_free);

  G_OBJECT_CLASS (quorum_feed_row_parent_class)->finalize (object);
}

static void
quorum_feed_row_class_init (QuorumFeedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_feed_row_dispose;
  object_class->finalize = quorum_feed_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/feeds/quorum-feed-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedRow, none_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedRow, copy_button);
}

static void
quorum_feed_row_init (QuorumFeedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_cb), NULL);
}

/**
 * quorum_feed_row_new:
 * @person_id: the person, or 0 for the whole office
 * @name: the name to show
 * @subtitle: (nullable): a line under the name, such as the person's post
 *
 * Returns: (transfer floating): a new row without an address
 */
QuorumFeedRow *
quorum_feed_row_new (gint64      person_id,
                     const char *name,
                     const char *subtitle)
{
  QuorumFeedRow *self = g_object_new (QUORUM_TYPE_FEED_ROW, NULL);

  self->person_id = person_id;
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "(xb)", person_id, TRUE);
  quorum_feed_row_set_name (self, name, subtitle);
  return self;
}

gint64
quorum_feed_row_get_person_id (QuorumFeedRow *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_ROW (self), 0);

  return self->person_id;
}

const char *
quorum_feed_row_get_name (QuorumFeedRow *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_ROW (self), NULL);

  return self->name;
}

void
quorum_feed_row_set_name (QuorumFeedRow *self,
                          const char    *name,
                          const char    *subtitle)
{
  g_return_if_fail (QUORUM_IS_FEED_ROW (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
      update_accessible_names (self);
    }
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)), subtitle ?: "") != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle ?: "");
}

/**
 * quorum_feed_row_get_token:
 * @self: a #QuorumFeedRow
 *
 * Returns: (nullable): the secret of the feed, or %NULL while it has none
 */
const char *
quorum_feed_row_get_token (QuorumFeedRow *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_ROW (self), NULL);

  return self->token;
}

/**
 * quorum_feed_row_set_address:
 * @self: a #QuorumFeedRow
 * @token: (nullable): the feed's secret, or %NULL when it has none
 * @host: the address the feed server is reached at
 * @port: its port
 *
 * Shows the addresses of the feed, or that it has none.
 */
void
quorum_feed_row_set_address (QuorumFeedRow *self,
                             const char    *token,
                             const char    *host,
                             guint          port)
{
  g_autofree char *webcal = NULL;
  g_autofree char *http = NULL;

  g_return_if_fail (QUORUM_IS_FEED_ROW (self));
  g_return_if_fail (host != NULL);

  if (token != NULL)
    {
      webcal = quorum_feed_format_url (host, port, token, TRUE);
      http = quorum_feed_format_url (host, port, token, FALSE);
    }
  if (g_strcmp0 (self->token, token) == 0 && g_strcmp0 (self->webcal_url, webcal) == 0)
    return;

  g_free (self->token);
  self->token = g_strdup (token);
  g_free (self->webcal_url);
  self->webcal_url = g_steal_pointer (&webcal);
  g_free (self->http_url);
  self->http_url = g_steal_pointer (&http);

  if (self->details != NULL)
    quorum_feed_details_set_urls (self->details, self->webcal_url, self->http_url);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), token == NULL);

  /* A revoked feed folds away; opening it again makes a new address. */
  if (token == NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), FALSE);
}

/**
 * quorum_feed_row_get_url:
 * @self: a #QuorumFeedRow
 * @webcal: the webcal:// address rather than the http:// one
 *
 * Returns: (nullable): the address on show, or %NULL while there is none
 */
const char *
quorum_feed_row_get_url (QuorumFeedRow *self,
                         gboolean       webcal)
{
  g_return_val_if_fail (QUORUM_IS_FEED_ROW (self), NULL);

  return webcal ? self->webcal_url : self->http_url;
}

/**
 * quorum_feed_row_get_qr_widget:
 * @self: a #QuorumFeedRow
 *
 * The row's details are made if they were not yet.
 *
 * Returns: (transfer none): the QR code of the webcal:// address
 */
QuorumQrWidget *
quorum_feed_row_get_qr_widget (QuorumFeedRow *self)
{
  g_return_val_if_fail (QUORUM_IS_FEED_ROW (self), NULL);

  return quorum_feed_details_get_qr_widget (ensure_details (self));
}
