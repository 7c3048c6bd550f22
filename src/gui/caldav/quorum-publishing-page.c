/* quorum-publishing-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-publishing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-caldav-client.h"
#include "quorum-caldav-office.h"
#include "quorum-caldav-status-group.h"
#include "quorum-password-store.h"
#include "quorum-publishing-page.h"

/**
 * QuorumPublishingPage:
 *
 * The "Publishing" page of the preferences: the CalDAV account (server
 * address and user in the store's settings, the password in the keyring)
 * with a connection test, automatic publishing, the publishing status, and
 * the calendars subscribed to as read-only overlays.
 */
struct _QuorumPublishingPage
{
  AdwPreferencesPage      parent_instance;

  QuorumStore            *store;
  GSettings              *settings;
  GCancellable           *cancellable;
  GCancellable           *test_cancellable;
  GPtrArray              *subscription_rows;
  char                   *result_title;
  char                   *result_details;

  /* Template widgets */
  AdwEntryRow            *url_row;
  AdwEntryRow            *user_row;
  AdwPasswordEntryRow    *password_row;
  GtkSpinner             *test_spinner;
  GtkButton              *test_button;
  AdwActionRow           *result_row;
  GtkImage               *result_icon;
  GtkSwitch              *auto_switch;
  QuorumCaldavStatusGroup *status_group;
  AdwPreferencesGroup    *subscriptions_group;
  AdwExpanderRow         *add_row;
  AdwEntryRow            *sub_name_row;
  AdwEntryRow            *sub_url_row;
  AdwEntryRow            *sub_user_row;
  AdwPasswordEntryRow    *sub_password_row;
};

G_DEFINE_FINAL_TYPE (QuorumPublishingPage, quorum_publishing_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
editable_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* What went wrong, in words for people; the error's own message (which
 * names the address) goes below it. */
static const char *
describe_error (const GError *error)
{
  if (error->domain != QUORUM_CALDAV_ERROR)
    return _("The connection failed");

  switch ((QuorumCaldavError) error->code)
    {
    case QUORUM_CALDAV_ERROR_INVALID_URL:
      return _("The address is not a valid http:// or https:// address");
    case QUORUM_CALDAV_ERROR_DNS:
      return _("The server’s name cannot be found (DNS): check the address");
    case QUORUM_CALDAV_ERROR_TLS:
      return _("The secure connection failed (TLS): the server’s certificate is not trusted");
    case QUORUM_CALDAV_ERROR_NETWORK:
      return _("The server cannot be reached: check the address and the network");
    case QUORUM_CALDAV_ERROR_UNAUTHORIZED:
      return _("The server refused the user name or password");
    case QUORUM_CALDAV_ERROR_NOT_CALDAV:
    case QUORUM_CALDAV_ERROR_NOT_FOUND:
    case QUORUM_CALDAV_ERROR_NOT_CALENDAR:
      return _("The server answers, but not as a CalDAV server: check the address");
    case QUORUM_CALDAV_ERROR_CONFLICT:
    case QUORUM_CALDAV_ERROR_REJECTED:
    case QUORUM_CALDAV_ERROR_SERVER:
    case QUORUM_CALDAV_ERROR_INVALID_REPLY:
    case QUORUM_CALDAV_ERROR_INVALID_SYNC_TOKEN:
    default:
      return _("The server failed to answer as expected");
    }
}

static void
show_result (QuorumPublishingPage *self,
             gboolean              ok,
             const char           *title,
             const char           *details)
{
  g_free (self->result_title);
  self->result_title = g_strdup (title);
  g_free (self->result_details);
  self->result_details = g_strdup (details);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  adw_action_row_set_subtitle (self->result_row, details);
  gtk_image_set_from_icon_name (self->result_icon,
                                ok ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  if (ok)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "success");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), TRUE);
}

static void
set_testing (QuorumPublishingPage *self,
             gboolean              testing)
{
  gtk_spinner_set_spinning (self->test_spinner, testing);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), testing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !testing);
}

static void
save_account (QuorumPublishingPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!quorum_store_set_setting (self->store, QUORUM_CALDAV_SETTING_URL,
                                 *editable_text (self->url_row) ? editable_text (self->url_row)
                                                                : NULL, &error) ||
      !quorum_store_set_setting (self->store, QUORUM_CALDAV_SETTING_USER,
                                 *editable_text (self->user_row) ? editable_text (self->user_row)
                                                                 : NULL, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static void
on_password_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(QuorumPublishingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!quorum_password_store_save_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the keyring's explanation */
      g_autofree char *message = g_strdup_printf (_("The password could not be kept in the "
                                                    "keyring: %s"), error->message);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

static void
save_password (QuorumPublishingPage *self,
               const char           *url,
               const char           *user,
               const char           *password)
{
  if (*url == '\0')
    return;
  quorum_password_store_save_async (url, user, password, self->cancellable,
                                    on_password_saved_cb, g_object_ref (self));
}

static void
on_account_row_apply_cb (QuorumPublishingPage *self,
                         AdwEntryRow          *row)
{
  save_account (self);
  if (row == ADW_ENTRY_ROW (self->password_row))
    save_password (self, editable_text (self->url_row), editable_text (self->user_row),
                   editable_text (self->password_row));
}

static void
on_discovered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QuorumPublishingPage) self = user_data;
  QuorumCaldavClient *client = QUORUM_CALDAV_CLIENT (source);
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;

  calendars = quorum_caldav_client_discover_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_testing (self, FALSE);
  if (calendars == NULL)
    {
      show_result (self, FALSE, describe_error (error), error->message);
      return;
    }

  /* Translators: %s is the address of the user's calendars on the server */
  g_string_append_printf (details, _("Calendar home: %s"),
                          quorum_caldav_client_get_calendar_home (client));
  g_string_append_c (details, '\n');
  if (calendars->len == 0)
    g_string_append (details, _("No calendars yet: publishing will make them."));
  for (guint i = 0; i < calendars->len; i++)
    {
      QuorumCaldavCalendar *calendar = g_ptr_array_index (calendars, i);

      if (i > 0)
        /* Translators: between the names of calendars */
        g_string_append (details, _(", "));
      g_string_append (details, calendar->display_name != NULL && *calendar->display_name
                                  ? calendar->display_name : calendar->href);
    }
  /* Translators: the result of Test Connection */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Connected: %u calendar found",
                                        "Connected: %u calendars found", calendars->len),
                           calendars->len);
  show_result (self, TRUE, title, details->str);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumPublishingPage *self = QUORUM_PUBLISHING_PAGE (widget);
  g_autoptr(QuorumCaldavClient) client = NULL;
  const char *url = editable_text (self->url_row);
  const char *user = editable_text (self->user_row);
  const char *password = editable_text (self->password_row);

  if (*url == '\0')
    {
      show_result (self, FALSE, _("Enter the server’s address first"), "");
      return;
    }

  save_account (self);
  if (*password != '\0')
    save_password (self, url, user, password);

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  self->test_cancellable = g_cancellable_new ();

  set_testing (self, TRUE);
  client = quorum_caldav_client_new (url, *user ? user : NULL, *password ? password : NULL);
  quorum_caldav_client_discover_async (client, self->test_cancellable, on_discovered_cb,
                                       g_object_ref (self));
}

static void
on_password_found_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(QuorumPublishingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = quorum_password_store_lookup_finish (result, &error);

  if (password != NULL && *editable_text (self->password_row) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("No password from the keyring: %s", error->message);
}

/* Subscriptions ------------------------------------------------------------ */

static void
rebuild_subscriptions (QuorumPublishingPage *self)
{
  g_autoptr(GVariant) list = g_settings_get_value (self->settings,
                                                   QUORUM_CALDAV_KEY_SUBSCRIPTIONS);
  GVariantIter iter;
  const char *name, *url, *user;
  guint i = 0;

  for (guint j = 0; j < self->subscription_rows->len; j++)
    adw_preferences_group_remove (self->subscriptions_group,
                                  g_ptr_array_index (self->subscription_rows, j));
  g_ptr_array_set_size (self->subscription_rows, 0);

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &name, &url, &user))
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name ? name : url);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), url);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "publishing.remove-subscription");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i++);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->subscriptions_group, row);
      g_ptr_array_add (self->subscription_rows, row);
    }
}

/* Writes the list back without the entry at @skip (G_MAXUINT for none) and
 * with @added, a (sss), at the end when not %NULL. */
static void
write_subscriptions (QuorumPublishingPage *self,
                     guint                 skip,
                     GVariant             *added)
{
  g_autoptr(GVariant) list = g_settings_get_value (self->settings,
                                                   QUORUM_CALDAV_KEY_SUBSCRIPTIONS);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(sss)"));

  for (gsize i = 0; i < g_variant_n_children (list); i++)
    if (i != skip)
      g_variant_builder_add_value (&builder, g_variant_get_child_value (list, i));
  if (added != NULL)
    g_variant_builder_add_value (&builder, added);
  g_settings_set_value (self->settings, QUORUM_CALDAV_KEY_SUBSCRIPTIONS,
                        g_variant_builder_end (&builder));
}

static void
add_subscription_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  QuorumPublishingPage *self = QUORUM_PUBLISHING_PAGE (widget);
  g_autofree char *url = g_strstrip (g_strdup (editable_text (self->sub_url_row)));
  const char *name = editable_text (self->sub_name_row);
  const char *user = editable_text (self->sub_user_row);
  const char *password = editable_text (self->sub_password_row);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s",
                                  _("The calendar’s address must start with http:// or https://"));
      return;
    }

  if (*user != '\0' && *password != '\0')
    save_password (self, url, user, password);
  write_subscriptions (self, G_MAXUINT, g_variant_new ("(sss)", name, url, user));

  gtk_editable_set_text (GTK_EDITABLE (self->sub_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->sub_url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->sub_user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->sub_password_row), "");
  adw_expander_row_set_expanded (self->add_row, FALSE);
}

static void
remove_subscription_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  write_subscriptions (QUORUM_PUBLISHING_PAGE (widget), g_variant_get_uint32 (param), NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QuorumPublishingPage *self = QUORUM_PUBLISHING_PAGE (widget);
  QuorumCaldavController *controller = quorum_caldav_status_group_get_controller (self->status_group);

  if (controller != NULL)
    quorum_caldav_controller_refresh_overlay (controller);
}

/* GObject ------------------------------------------------------------------ */

static void
quorum_publishing_page_dispose (GObject *object)
{
  QuorumPublishingPage *self = (QuorumPublishingPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->test_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PUBLISHING_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->test_cancellable);
  g_clear_pointer (&self->subscription_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_publishing_page_parent_class)->dispose (object);
}

static void
quorum_publishing_page_finalize (GObject *object)
{
  QuorumPublishingPage *self = (QuorumPublishingPage *)object;

  g_free (self->result_title);
  g_free (self->result_details);

  G_OBJECT_CLASS (quorum_publishing_page_parent_class)->finalize (object);
}

static void
quorum_publishing_page_class_init (QuorumPublishingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_publishing_page_dispose;
  object_class->finalize = quorum_publishing_page_finalize;

  g_type_ensure (QUORUM_TYPE_CALDAV_STATUS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/caldav/quorum-publishing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, result_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, result_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, subscriptions_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, add_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, sub_name_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, sub_url_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, sub_user_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPublishingPage, sub_password_row);
  gtk_widget_class_bind_template_callback (widget_class, on_account_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "publishing.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "publishing.add-subscription", NULL,
                                   add_subscription_action);
  gtk_widget_class_install_action (widget_class, "publishing.remove-subscription", "u",
                                   remove_subscription_action);
  gtk_widget_class_install_action (widget_class, "publishing.refresh", NULL, refresh_action);
}

static void
quorum_publishing_page_init (QuorumPublishingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->subscription_rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, QUORUM_CALDAV_KEY_AUTO_PUBLISH, self->auto_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::" QUORUM_CALDAV_KEY_SUBSCRIPTIONS,
                           G_CALLBACK (rebuild_subscriptions), self, G_CONNECT_SWAPPED);
  rebuild_subscriptions (self);
  set_testing (self, FALSE);
}

GtkWidget *
quorum_publishing_page_new (void)
{
  return g_object_new (QUORUM_TYPE_PUBLISHING_PAGE, NULL);
}

/**
 * quorum_publishing_page_set_store:
 * @self: a #QuorumPublishingPage
 * @store: (nullable): the store whose account settings to edit
 *
 * Shows the saved account and looks its password up in the keyring.
 */
void
quorum_publishing_page_set_store (QuorumPublishingPage *self,
                                  QuorumStore          *store)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  g_return_if_fail (QUORUM_IS_PUBLISHING_PAGE (self));

  if (!g_set_object (&self->store, store) || store == NULL)
    return;

  url = quorum_store_dup_setting (store, QUORUM_CALDAV_SETTING_URL);
  user = quorum_store_dup_setting (store, QUORUM_CALDAV_SETTING_USER);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user != NULL ? user : "");
  if (url != NULL)
    quorum_password_store_lookup_async (url, user, self->cancellable, on_password_found_cb,
                                        g_object_ref (self));
}

void
quorum_publishing_page_set_controller (QuorumPublishingPage   *self,
                                       QuorumCaldavController *controller)
{
  g_return_if_fail (QUORUM_IS_PUBLISHING_PAGE (self));

  quorum_caldav_status_group_set_controller (self->status_group, controller);
}

/**
 * quorum_publishing_page_get_result:
 * @self: a #QuorumPublishingPage
 * @title: (out) (optional): what the last connection test found, in short
 * @details: (out) (optional): the calendar home and calendars, or the error
 *
 * Returns: whether a connection test has finished
 */
gboolean
quorum_publishing_page_get_result (QuorumPublishingPage  *self,
                                   const char           **title,
                                   const char           **details)
{
  g_return_val_if_fail (QUORUM_IS_PUBLISHING_PAGE (self), FALSE);

  if (title != NULL)
    *title = self->result_title;
  if (details != NULL)
    *details = self->result_details;
  return self->result_title != NULL && !gtk_spinner_get_spinning (self->test_spinner);
}
