/* quorum-feeds-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feeds-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-export-dialog.h"
#include "quorum-feed-row.h"
#include "quorum-feed-server.h"
#include "quorum-feed-source.h"
#include "quorum-feed-tokens.h"
#include "quorum-caldav-status-group.h"
#include "quorum-feeds-page.h"
#include "quorum-feeds-tasks.h"
#include "quorum-gui-utils.h"
#include "quorum-store-ics.h"

/* Edits in a row (a roll call) publish the folder once. */
#define PUBLISH_DELAY_MS 2000
/* Warnings listed in an import report; the rest are counted. */
#define MAX_WARNINGS_SHOWN 8
/* Feed rows added per frame: a big office's fifty rows, made in one go,
 * held the first showing of the page for a fifth of a second; eight a
 * frame, with the help section that comes in the same frame, still took
 * some 30 ms of the main thread. */
#define ROWS_PER_FRAME 4

/**
 * QuorumFeedsPage:
 *
 * The Feeds page of the main window: the server that phones subscribe to,
 * each person's secret feed address with its QR code, publishing the feeds
 * to a folder, and exporting and importing .ics files (also by dropping a
 * file on the page).
 *
 * The server and its #QuorumFeedSource live as long as the page; the
 * server runs while the `feed-server-enabled` setting is on. Addresses are
 * made when someone opens or copies one, not when the page is shown.
 */
struct _QuorumFeedsPage
{
  GtkWidget            parent_instance;

  QuorumStore         *store;
  QuorumRulebook      *rulebook;
  GSettings           *settings;
  QuorumFeedSource    *source;
  QuorumFeedServer    *server;
  QuorumCaldavController *caldav_controller;
  char                *listen_address;   /* what the server was asked for */
  int                  listen_port;
  GError              *server_error;
  GStrv                addresses;        /* in the address row, in order */
  GPtrArray           *rows;             /* QuorumFeedRow, owned by the group */
  GListModel          *people;           /* whom rows->len - 1 rows stand for so far */
  guint                fill_tick;        /* adds the rest of the rows, a few a frame */
  guint                fill_wait;        /* frames it lets go by first */
  guint                refresh_source;
  guint                publish_source;
  GtkNativeDialog     *chooser;
  GCancellable        *cancellable;
  gboolean             importing;
  gboolean             publishing;
  gboolean             publish_again;
  guint                n_published;
  guint                sections_shown;   /* of those below the server's */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSwitch           *server_switch;
  AdwComboRow         *address_row;
  GtkSpinButton       *port_spin;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  GtkBox              *sections;
  AdwPreferencesGroup *server_group;
  AdwPreferencesGroup *subscriptions_group;

  /* From quorum-feeds-page-sections.ui, once built (ensure_sections ()) */
  AdwPreferencesGroup *phone_group;
  AdwActionRow        *iphone_row;
  AdwActionRow        *android_row;
  AdwPreferencesGroup *publish_group;
  AdwPreferencesGroup *export_group;
  AdwActionRow        *progress_row;
  GtkProgressBar      *progress_bar;
  AdwActionRow        *folder_row;
  GtkSwitch           *auto_switch;
  AdwActionRow        *publish_row;
  AdwBin              *caldav_slot;
  QuorumCaldavStatusGroup *caldav_group;
};

G_DEFINE_FINAL_TYPE (QuorumFeedsPage, quorum_feeds_page, GTK_TYPE_WIDGET)

/* The phone help's pieces, the first of the sections shown later. */
#define N_HELP_PIECES 3

enum {
  PROP_0,
  PROP_STORE,
  PROP_RULEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (QuorumFeedsPage *self,
            const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
is_loopback (const char *address)
{
  return g_strcmp0 (address, "127.0.0.1") == 0 || g_strcmp0 (address, "::1") == 0;
}

/* The host phones reach the server at: the chosen address, or for
 * "every interface" the first that is not loopback. */
static const char *
get_url_host (QuorumFeedsPage *self)
{
  const char *address = self->listen_address;

  if (address != NULL && !g_str_equal (address, "0.0.0.0"))
    return address;
  for (guint i = 0; self->addresses != NULL && self->addresses[i] != NULL; i++)
    if (!is_loopback (self->addresses[i]) && !g_str_equal (self->addresses[i], "0.0.0.0"))
      return self->addresses[i];
  return "127.0.0.1";
}

static guint
get_url_port (QuorumFeedsPage *self)
{
  if (quorum_feed_server_is_listening (self->server))
    return quorum_feed_server_get_port (self->server);
  return self->listen_port;
}

static void
update_row_address (QuorumFeedsPage *self,
                    QuorumFeedRow   *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = quorum_feed_token_dup (self->store, quorum_feed_row_get_person_id (row), FALSE, &error);
  if (error != NULL)
    {
      show_toast (self, error->message);
      return;
    }
  quorum_feed_row_set_address (row, token, get_url_host (self), get_url_port (self));
}

static void
stop_filling (QuorumFeedsPage *self)
{
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;
}

static void
clear_rows (QuorumFeedsPage *self)
{
  stop_filling (self);
  g_clear_object (&self->people);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->subscriptions_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (QuorumFeedsPage *self,
         gint64           person_id,
         const char      *name,
         const char      *subtitle)
{
  QuorumFeedRow *row = quorum_feed_row_new (person_id, name, subtitle);

  adw_preferences_group_add (self->subscriptions_group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  update_row_address (self, row);
}

/* Adds up to @limit of the people who have no row yet; returns whether
 * some are still left. */
static gboolean
add_rows (QuorumFeedsPage *self,
          guint            limit)
{
  guint n = self->people != NULL ? g_list_model_get_n_items (self->people) : 0;

  for (guint added = 0; self->rows->len - 1 < n && added < limit; added++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (self->people, self->rows->len - 1);

      add_row (self, quorum_person_get_id (person), quorum_person_get_name (person),
               quorum_person_get_title (person));
    }
  return self->rows->len - 1 < n;
}

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);

  if (self->fill_wait > 0)
    {
      self->fill_wait--;
      return G_SOURCE_CONTINUE;
    }
  if (add_rows (self, ROWS_PER_FRAME))
    return G_SOURCE_CONTINUE;
  self->fill_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Whether the rows made so far are, in order, the first of @people. */
static gboolean
rows_lead_people (QuorumFeedsPage *self,
                  GListModel      *people)
{
  guint n = g_list_model_get_n_items (people);

  if (self->rows->len == 0 || self->rows->len - 1 > n)
    return FALSE;
  for (guint i = 0; i + 1 < self->rows->len; i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      if (quorum_feed_row_get_person_id (g_ptr_array_index (self->rows, i + 1)) !=
          quorum_person_get_id (person))
        return FALSE;
    }
  return TRUE;
}

/* "Whole office" and one row per person in rank order. Rows that are still
 * the same person stay (and stay open); only their text and address are
 * brought up to date. Missing rows come a few a frame from the next but
 * one: the page shows at once and stays responsive however big the
 * office. */
static void
refresh_rows (QuorumFeedsPage *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    {
      clear_rows (self);
      return;
    }

  if (!(people = quorum_store_list_people (self->store, FALSE, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  if (!rows_lead_people (self, people))
    {
      clear_rows (self);
      add_row (self, 0, _("Whole office"), _("Every session of the office"));
    }
  else
    {
      update_row_address (self, g_ptr_array_index (self->rows, 0));
      for (guint i = 1; i < self->rows->len; i++)
        {
          g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i - 1);
          QuorumFeedRow *row = g_ptr_array_index (self->rows, i);

          quorum_feed_row_set_name (row, quorum_person_get_name (person),
                                    quorum_person_get_title (person));
          update_row_address (self, row);
        }
    }

  g_set_object (&self->people, people);
  /* Not in the frame that shows the page, which has enough to lay out,
   * nor in the next ones, which show the help above the rows a piece a
   * frame (see quorum_feeds_page_init ()) when the page is new. */
  if (self->rows->len - 1 < g_list_model_get_n_items (people) && self->fill_tick == 0)
    {
      /* And the frame that builds the sections, if still to come. */
      guint help_to_come = N_HELP_PIECES - MIN (self->sections_shown, N_HELP_PIECES) +
                           (self->phone_group == NULL ? 1 : 0);

      self->fill_wait = self->rows->len == 1 ? help_to_come : 0;
      self->fill_tick = quorum_add_tick_callback_after_paint (GTK_WIDGET (self), fill_tick_cb, NULL,
                                                              NULL);
    }
}

static void
update_status (QuorumFeedsPage *self)
{
  GtkWidget *icon = GTK_WIDGET (self->status_icon);
  g_autofree char *title = NULL;
  const char *subtitle;

  gtk_widget_remove_css_class (icon, "success");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "dim-label");

  if (quorum_feed_server_is_listening (self->server))
    {
      const char *host = get_url_host (self);
      gboolean v6 = strchr (host, ':') != NULL;
      g_autofree char *url = g_strdup_printf ("http://%s%s%s:%u", v6 ? "[" : "", host,
                                              v6 ? "]" : "", get_url_port (self));

      /* Translators: %s is the address of the feed server, http://192.168.1.20:8739 */
      title = g_strdup_printf (_("Serving at %s"), url);
      if (is_loopback (self->listen_address))
        {
          subtitle = _("Only this computer can reach this address. Choose the office network’s "
                       "address above so phones can subscribe.");
          gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, "warning");
        }
      else
        {
          subtitle = _("Subscribed phones fetch changes about once an hour while Quorum is open.");
          gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
          gtk_widget_add_css_class (icon, "success");
        }
    }
  else if (self->server_error != NULL)
    {
      title = g_strdup (_("Feeds Are Not Served"));
      subtitle = self->server_error->message;
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  else
    {
      title = g_strdup (_("Not Serving"));
      subtitle = _("Subscribed phones keep the events they have but get no changes.");
      gtk_image_set_from_icon_name (self->status_icon, "network-offline-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);
}

static void
update_address_note (QuorumFeedsPage *self)
{
  const char *note;

  if (is_loopback (self->listen_address))
    note = _("This computer only");
  else if (g_strcmp0 (self->listen_address, "0.0.0.0") == 0)
    note = _("Every network this computer is on");
  else
    note = _("Phones on this network can reach it");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->address_row), note);
}

/* Starts, stops or moves the server to match the settings. */
static void
sync_server (QuorumFeedsPage *self)
{
  gboolean wanted = self->store != NULL &&
                    g_settings_get_boolean (self->settings, "feed-server-enabled");
  g_autofree char *address = g_settings_get_string (self->settings, "feed-bind-address");
  int port = g_settings_get_int (self->settings, "feed-port");

  if (quorum_feed_server_is_listening (self->server) &&
      (!wanted || g_strcmp0 (address, self->listen_address) != 0 || port != self->listen_port))
    quorum_feed_server_stop (self->server);

  g_free (self->listen_address);
  self->listen_address = g_steal_pointer (&address);
  self->listen_port = port;
  g_clear_error (&self->server_error);

  if (wanted && !quorum_feed_server_is_listening (self->server))
    quorum_feed_server_listen (self->server, self->listen_address, self->listen_port,
                               &self->server_error);

  update_status (self);
  update_address_note (self);
  for (guint i = 0; i < self->rows->len; i++)
    update_row_address (self, g_ptr_array_index (self->rows, i));
}

/* This machine's addresses, and the chosen one if it is not among them
 * (the computer moved to another network, or 0.0.0.0 was set). */
static void
fill_addresses (QuorumFeedsPage *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "feed-bind-address");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_auto(GStrv) local = quorum_feed_list_local_addresses ();
  guint selected = 0;

  g_strv_builder_addv (builder, (const char **)local);
  if (!g_strv_contains ((const char * const *)local, chosen))
    g_strv_builder_add (builder, chosen);
  g_strfreev (self->addresses);
  self->addresses = g_strv_builder_end (builder);

  for (guint i = 0; self->addresses[i] != NULL; i++)
    {
      gtk_string_list_append (list, self->addresses[i]);
      if (g_str_equal (self->addresses[i], chosen))
        selected = i;
    }

  adw_combo_row_set_model (self->address_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->address_row, selected);
}

static void
on_address_row_selected_cb (QuorumFeedsPage *self,
                            GParamSpec      *pspec,
                            AdwComboRow     *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;

  if (self->addresses == NULL || selected >= g_strv_length (self->addresses))
    return;
  current = g_settings_get_string (self->settings, "feed-bind-address");
  if (!g_str_equal (current, self->addresses[selected]))
    g_settings_set_string (self->settings, "feed-bind-address", self->addresses[selected]);
}

static void
on_port_spin_value_changed_cb (QuorumFeedsPage *self,
                               GtkSpinButton   *spin)
{
  int port = gtk_spin_button_get_value_as_int (spin);

  if (port != g_settings_get_int (self->settings, "feed-port"))
    g_settings_set_int (self->settings, "feed-port", port);
}

static void publish_now (QuorumFeedsPage *self);

static void
update_publish_rows (QuorumFeedsPage *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "feed-publish-folder");
  gboolean chosen = folder[0] != '\0';

  if (self->publish_group != NULL)
    {
      adw_action_row_set_subtitle (self->folder_row, chosen ? folder : _("None chosen yet"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->publish_row), chosen);
      gtk_widget_set_sensitive (GTK_WIDGET (self->auto_switch), chosen);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.publish", chosen && self->store != NULL);
}

/* Builds the sections below the server's, hidden, the first time they are
 * due or needed. */
static void
ensure_sections (QuorumFeedsPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *tops[4];

  if (self->phone_group != NULL || self->settings == NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH
                                           "/ui/feeds/quorum-feeds-page-sections.ui");
#define TAKE(name) self->name = (gpointer)gtk_builder_get_object (builder, #name)
  TAKE (phone_group);
  TAKE (iphone_row);
  TAKE (android_row);
  TAKE (publish_group);
  TAKE (export_group);
  TAKE (progress_row);
  TAKE (progress_bar);
  TAKE (folder_row);
  TAKE (auto_switch);
  TAKE (publish_row);
  TAKE (caldav_slot);
  TAKE (caldav_group);
#undef TAKE

  gtk_widget_set_visible (GTK_WIDGET (self->iphone_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->android_row), FALSE);
  tops[0] = GTK_WIDGET (self->phone_group);
  tops[1] = GTK_WIDGET (self->publish_group);
  tops[2] = GTK_WIDGET (self->export_group);
  tops[3] = GTK_WIDGET (self->caldav_slot);
  for (guint i = 0; i < G_N_ELEMENTS (tops); i++)
    gtk_widget_set_visible (tops[i], FALSE);
  gtk_box_insert_child_after (self->sections, tops[0], GTK_WIDGET (self->server_group));
  for (guint i = 1; i < G_N_ELEMENTS (tops); i++)
    gtk_box_append (self->sections, tops[i]);

  g_settings_bind (self->settings, "feed-publish-auto", self->auto_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  update_publish_rows (self);
  quorum_caldav_status_group_set_controller (self->caldav_group, self->caldav_controller);
  gtk_widget_set_visible (GTK_WIDGET (self->caldav_group), self->caldav_controller != NULL);
}

static void
on_publish_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(QuorumFeedsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *status = NULL;
  guint n = 0;

  self->publishing = FALSE;
  if (self->store == NULL)
    return;

  /* New addresses were written on the worker's connection. */
  quorum_store_poll_external_changes (self->store);

  ensure_sections (self);
  if (!quorum_feeds_publish_finish (result, &n, &error))
    {
      /* Translators: %s says why, e.g. “Permission denied” */
      status = g_strdup_printf (_("Not published: %s"), error->message);
      adw_action_row_set_subtitle (self->publish_row, status);
      show_toast (self, status);
    }
  else
    {
      now = g_date_time_new_now_local ();
      time = g_date_time_format (now, "%H:%M");
      /* Translators: %u is a number of files, %s a time of day */
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Published %u file at %s",
                                             "Published %u files at %s", n),
                                n, time);
      adw_action_row_set_subtitle (self->publish_row, status);
      self->n_published++;
    }

  if (self->publish_again)
    {
      self->publish_again = FALSE;
      publish_now (self);
    }
}

/* Publishes in a worker thread: for a large office writing every feed
 * takes a second or two. A request while one runs is done right after. */
static void
publish_now (QuorumFeedsPage *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "feed-publish-folder");

  g_clear_handle_id (&self->publish_source, g_source_remove);
  if (self->store == NULL || folder[0] == '\0')
    return;
  if (self->publishing)
    {
      self->publish_again = TRUE;
      return;
    }

  self->publishing = TRUE;
  ensure_sections (self);
  adw_action_row_set_subtitle (self->publish_row, _("Publishing…"));
  quorum_feeds_publish_async (self->store, folder, self->cancellable, on_publish_done_cb,
                              g_object_ref (self));
}

static gboolean
publish_timeout_cb (gpointer user_data)
{
  QuorumFeedsPage *self = user_data;

  self->publish_source = 0;
  publish_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_publish (QuorumFeedsPage *self)
{
  if (self->publish_source != 0 || !g_settings_get_boolean (self->settings, "feed-publish-auto"))
    return;
  self->publish_source = g_timeout_add (PUBLISH_DELAY_MS, publish_timeout_cb, self);
}

static void
on_settings_changed_cb (QuorumFeedsPage *self,
                        const char      *key,
                        GSettings       *settings)
{
  if (g_str_equal (key, "feed-port"))
    {
      int port = g_settings_get_int (settings, key);

      if (gtk_spin_button_get_value_as_int (self->port_spin) != port)
        gtk_spin_button_set_value (self->port_spin, port);
      sync_server (self);
    }
  else if (g_str_equal (key, "feed-bind-address"))
    {
      g_autofree char *address = g_settings_get_string (settings, key);
      guint selected = adw_combo_row_get_selected (self->address_row);

      if (self->addresses == NULL || selected >= g_strv_length (self->addresses) ||
          !g_str_equal (self->addresses[selected], address))
        fill_addresses (self);
      sync_server (self);
    }
  else if (g_str_equal (key, "feed-server-enabled"))
    {
      sync_server (self);
    }
  else if (g_str_equal (key, "feed-publish-folder"))
    {
      update_publish_rows (self);
    }
  else if (g_str_equal (key, "feed-publish-auto"))
    {
      if (g_settings_get_boolean (settings, key))
        publish_now (self);
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  QuorumFeedsPage *self = user_data;

  self->refresh_source = 0;
  refresh_rows (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (QuorumFeedsPage *self,
                     const char      *entity,
                     gint64           id,
                     QuorumStore     *store)
{
  if (self->refresh_source == 0 &&
      (g_strcmp0 (entity, "person") == 0 || g_strcmp0 (entity, "feed-token") == 0 ||
       g_strcmp0 (entity, "external") == 0))
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
  schedule_publish (self);
}

/* The row of @person_id with an address, making the address if needed. */
static QuorumFeedRow *
ensure_address (QuorumFeedsPage *self,
                gint64           person_id)
{
  QuorumFeedRow *row = quorum_feeds_page_get_row (self, person_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (row == NULL || self->store == NULL)
    return NULL;
  if (quorum_feed_row_get_token (row) != NULL)
    return row;

  if (!(token = quorum_feed_token_dup (self->store, person_id, TRUE, &error)))
    {
      show_toast (self, error->message);
      return NULL;
    }
  quorum_feed_row_set_address (row, token, get_url_host (self), get_url_port (self));
  return row;
}

static void
show_address_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ensure_address (QUORUM_FEEDS_PAGE (widget), g_variant_get_int64 (param));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  QuorumFeedRow *row;
  gint64 person_id;
  gboolean webcal;

  g_variant_get (param, "(xb)", &person_id, &webcal);
  if (!(row = ensure_address (self, person_id)))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), quorum_feed_row_get_url (row, webcal));
  show_toast (self, _("Copied"));
}

static void
on_rotate_response_cb (QuorumFeedsPage  *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  QuorumFeedRow *row;

  if (!g_str_equal (response, "rotate") || self->store == NULL)
    return;

  if (!(token = quorum_feed_token_rotate (self->store, person_id, &error)))
    {
      show_toast (self, error->message);
      return;
    }
  if ((row = quorum_feeds_page_get_row (self, person_id)) != NULL)
    {
      quorum_feed_row_set_address (row, token, get_url_host (self), get_url_port (self));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  show_toast (self, _("The new address is ready"));
}

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  gint64 person_id = g_variant_get_int64 (param);
  QuorumFeedRow *row = quorum_feeds_page_get_row (self, person_id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (row == NULL)
    return;

  /* Translators: %s is a person's name, or “Whole office” */
  heading = g_strdup_printf (_("New Address for %s?"), quorum_feed_row_get_name (row));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       heading, NULL));
  adw_message_dialog_set_body (dialog,
                               _("Phones subscribed with the old address stop updating. Give "
                                 "them the new address or QR code to subscribe again."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rotate", _("_Make New Address"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rotate", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Person ids are small: SQLite rowids of one office. */
  g_object_set_data (G_OBJECT (dialog), "person-id", GSIZE_TO_POINTER ((gsize)person_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rotate_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
revoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  gint64 person_id = g_variant_get_int64 (param);
  QuorumFeedRow *row = quorum_feeds_page_get_row (self, person_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (row == NULL || self->store == NULL || quorum_feed_row_get_token (row) == NULL)
    return;

  token = g_strdup (quorum_feed_row_get_token (row));
  if (!quorum_feed_token_revoke (self->store, person_id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  quorum_feed_row_set_address (row, NULL, get_url_host (self), get_url_port (self));

  /* Translators: %s is a person's name, or “Whole office” */
  title = g_strdup_printf (_("The address of %s no longer works"), quorum_feed_row_get_name (row));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "feeds.restore-address");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xs)", person_id, token));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_address_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  QuorumFeedRow *row;
  const char *token;
  gint64 person_id;

  g_variant_get (param, "(x&s)", &person_id, &token);
  if (self->store == NULL)
    return;
  if (!quorum_store_set_feed_token (self->store, person_id, token, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if ((row = quorum_feeds_page_get_row (self, person_id)) != NULL)
    quorum_feed_row_set_address (row, token, get_url_host (self), get_url_port (self));
}

static void
on_exported_cb (QuorumFeedsPage    *self,
                GFile              *file,
                guint               n_events,
                QuorumExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  /* Translators: %u is a number of events, %s a file name */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u event to %s",
                                          "Exported %u events to %s", n_events),
                             n_events, name);
  show_toast (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  QuorumExportDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = quorum_export_dialog_new (self->store, self->rulebook);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_progress_cb (GObject *target,
                       guint    done,
                       guint    total)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (target);
  g_autofree char *text = NULL;

  if (!self->importing)
    return;
  /* Translators: progress of an import: events done of all events */
  text = g_strdup_printf (_("%u of %u events"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static char *
format_report (const QuorumImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_warnings = report->warnings != NULL ? g_strv_length (report->warnings) : 0;

  g_string_append_printf (text, _("New series: %u"), report->n_created);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Updated series: %u"), report->n_updated);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Unchanged series: %u"), report->n_unchanged);
  if (report->n_overrides > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Changed sessions: %u"), report->n_overrides);
    }

  if (n_warnings > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append (text, _("Skipped:"));
      for (guint i = 0; i < n_warnings && i < MAX_WARNINGS_SHOWN; i++)
        g_string_append_printf (text, "\n• %s", report->warnings[i]);
      if (n_warnings > MAX_WARNINGS_SHOWN)
        {
          guint more = n_warnings - MAX_WARNINGS_SHOWN;

          g_string_append_c (text, '\n');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more",
                                                     "…and %u more", more), more);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_import_result (QuorumFeedsPage *self,
                    const char      *heading,
                    const char      *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(QuorumFeedsPage) self = user_data;
  g_auto(QuorumImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  self->importing = FALSE;
  if (self->store == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.import", TRUE);

  if (!quorum_feeds_import_finish (result, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was changed."));
      show_import_result (self, _("The File Was Not Imported"), body);
      return;
    }

  /* The worker wrote on its own connection: tell everyone now. */
  quorum_store_poll_external_changes (self->store);
  body = format_report (&report);
  show_import_result (self, _("Calendar Imported"), body);
}

static gboolean
is_ics_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".ics");
}

static void
on_import_chooser_response_cb (QuorumFeedsPage *self,
                               int              response,
                               GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    quorum_feeds_page_import_file (self, file);
}

static void
on_folder_chooser_response_cb (QuorumFeedsPage *self,
                               int              response,
                               GtkNativeDialog *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder == NULL)
    return;

  if (!(path = g_file_get_path (folder)))
    {
      show_toast (self, _("Choose a folder on this computer or a mounted network drive"));
      return;
    }
  g_settings_set_string (self->settings, "feed-publish-folder", path);
  if (g_settings_get_boolean (self->settings, "feed-publish-auto"))
    publish_now (self);
}

static GtkNativeDialog *
new_chooser (QuorumFeedsPage      *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GCallback             response_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  return GTK_NATIVE_DIALOG (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = quorum_feeds_ics_filter_new ();

  if (self->chooser != NULL || self->store == NULL)
    return;

  self->chooser = new_chooser (self, _("Import Calendar"), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("_Import"), G_CALLBACK (on_import_chooser_response_cb));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_show (self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  g_autofree char *current = g_settings_get_string (self->settings, "feed-publish-folder");

  if (self->chooser != NULL)
    return;

  self->chooser = new_chooser (self, _("Publish to Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                               _("_Select"), G_CALLBACK (on_folder_chooser_response_cb));
  if (current[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_native_dialog_show (self->chooser);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  publish_now (QUORUM_FEEDS_PAGE (widget));
}

static gboolean
on_drop_cb (QuorumFeedsPage *self,
            const GValue    *value,
            double           x,
            double           y,
            GtkDropTarget   *target)
{
  g_autoptr(GSList) files = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_slist_copy (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (is_ics_file (l->data))
        {
          if (l->next != NULL)
            show_toast (self, _("One file at a time: only the first is imported"));
          quorum_feeds_page_import_file (self, l->data);
          return TRUE;
        }
    }

  show_toast (self, _("Only iCalendar (.ics) files can be imported"));
  return FALSE;
}

static void
quorum_feeds_page_dispose (GObject *object)
{
  QuorumFeedsPage *self = (QuorumFeedsPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->publish_source, g_source_remove);
  stop_filling (self);
  g_clear_object (&self->people);
  if (self->server != NULL)
    quorum_feed_server_stop (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->source);
  g_clear_object (&self->caldav_controller);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_FEEDS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* The sections went with the template's widgets. */
  self->phone_group = self->publish_group = self->export_group = NULL;
  self->iphone_row = self->android_row = self->progress_row = NULL;
  self->folder_row = self->publish_row = NULL;
  self->progress_bar = NULL;
  self->auto_switch = NULL;
  self->caldav_slot = NULL;
  self->caldav_group = NULL;
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);

  G_OBJECT_CLASS (quorum_feeds_page_parent_class)->dispose (object);
}

static void
quorum_feeds_page_finalize (GObject *object)
{
  QuorumFeedsPage *self = (QuorumFeedsPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->addresses, g_strfreev);
  g_clear_pointer (&self->listen_address, g_free);
  g_clear_error (&self->server_error);

  G_OBJECT_CLASS (quorum_feeds_page_parent_class)->finalize (object);
}

static void
quorum_feeds_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RULEBOOK:
      g_value_set_object (value, self->rulebook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_feeds_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      quorum_feeds_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_RULEBOOK:
      quorum_feeds_page_set_rulebook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_feeds_page_class_init (QuorumFeedsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_feeds_page_dispose;
  object_class->finalize = quorum_feeds_page_finalize;
  object_class->get_property = quorum_feeds_page_get_property;
  object_class->set_property = quorum_feeds_page_set_property;

  /**
   * QuorumFeedsPage:store:
   *
   * The store whose feeds are served, or %NULL for an empty page.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * QuorumFeedsPage:rulebook:
   *
   * The rulebook in force, whose duties the export dialog offers.
   */
  properties[PROP_RULEBOOK] =
    g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_FEED_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/feeds/quorum-feeds-page.ui");
  g_type_ensure (QUORUM_TYPE_CALDAV_STATUS_GROUP);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, server_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, port_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, sections);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, server_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumFeedsPage, subscriptions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_address_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_port_spin_value_changed_cb);

  gtk_widget_class_install_action (widget_class, "feeds.show-address", "x", show_address_action);
  gtk_widget_class_install_action (widget_class, "feeds.copy", "(xb)", copy_action);
  gtk_widget_class_install_action (widget_class, "feeds.rotate", "x", rotate_action);
  gtk_widget_class_install_action (widget_class, "feeds.revoke", "x", revoke_action);
  gtk_widget_class_install_action (widget_class, "feeds.restore-address", "(xs)",
                                   restore_address_action);
  gtk_widget_class_install_action (widget_class, "feeds.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "feeds.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "feeds.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "feeds.publish", NULL, publish_action);
}

/* Builds the sections below the server's, then shows a piece a frame in
 * page order. */
static gboolean
show_sections_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  QuorumFeedsPage *self = QUORUM_FEEDS_PAGE (widget);
  GtkWidget *pieces[] = { NULL, NULL, NULL, NULL, NULL, NULL };

  /* Built in a frame of their own: with the help's group and its wrapped
   * description it was the page's longest. */
  if (self->phone_group == NULL)
    {
      ensure_sections (self);
      return G_SOURCE_CONTINUE;
    }
  pieces[0] = GTK_WIDGET (self->phone_group);
  pieces[1] = GTK_WIDGET (self->iphone_row);
  pieces[2] = GTK_WIDGET (self->android_row);
  pieces[3] = GTK_WIDGET (self->publish_group);
  pieces[4] = GTK_WIDGET (self->export_group);
  pieces[5] = GTK_WIDGET (self->caldav_slot);
  gtk_widget_set_visible (pieces[self->sections_shown++], TRUE);
  return self->sections_shown < G_N_ELEMENTS (pieces) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

typedef struct
{
  AdwPreferencesGroup *group;
  char                *description;
  guint                wait;       /* frames to let go by first */
} Description;

static void
description_free (gpointer data)
{
  Description *description = data;

  g_free (description->description);
  g_free (description);
}

static gboolean
describe_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Description *description = data;

  if (description->wait > 0)
    {
      description->wait--;
      return G_SOURCE_CONTINUE;
    }
  adw_preferences_group_set_description (description->group, description->description);
  return G_SOURCE_REMOVE;
}

/* Takes @group's wrapped description away until @wait frames after the
 * frame after the next paint: each is measured at several widths, and
 * shaped again each time. */
static void
describe_later (QuorumFeedsPage     *self,
                AdwPreferencesGroup *group,
                guint                wait)
{
  Description *description = g_new0 (Description, 1);

  description->group = group;
  description->wait = wait;
  description->description = g_strdup (adw_preferences_group_get_description (group));
  quorum_add_tick_callback_after_paint (GTK_WIDGET (self), describe_cb, description,
                                        description_free);
  adw_preferences_group_set_description (group, NULL);
}

static void
quorum_feeds_page_init (QuorumFeedsPage *self)
{
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->server = quorum_feed_server_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The help and the forms below the feeds, built and shown a piece a
   * frame after the top: their wrapped text is measured at several widths,
   * each time shaped again (the phone help alone took 15 ms of a frame),
   * and building them took 2-3 ms of the first. */
  quorum_add_tick_callback_after_paint (GTK_WIDGET (self), show_sections_cb, NULL, NULL);
  /* The wrapped descriptions of the server and of the feeds too: the
   * first with the frame that builds the sections, the second with the
   * iPhone help, two frames later. */
  describe_later (self, self->server_group, 0);
  describe_later (self, self->subscriptions_group, 2);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "feed-server-enabled", self->server_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_spin_button_set_value (self->port_spin, g_settings_get_int (self->settings, "feed-port"));
  fill_addresses (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  sync_server (self);
  update_publish_rows (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.import", FALSE);
}

GtkWidget *
quorum_feeds_page_new (void)
{
  return g_object_new (QUORUM_TYPE_FEEDS_PAGE, NULL);
}

/**
 * quorum_feeds_page_get_store:
 * @self: a #QuorumFeedsPage
 *
 * Returns: (transfer none) (nullable): the store
 */
QuorumStore *
quorum_feeds_page_get_store (QuorumFeedsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), NULL);

  return self->store;
}

void
quorum_feeds_page_set_store (QuorumFeedsPage *self,
                             QuorumStore     *store)
{
  g_return_if_fail (QUORUM_IS_FEEDS_PAGE (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  /* The server holds the source (and through it the store) as its provider:
   * let go of both, or a restore could not close the database. */
  if (self->source != NULL && self->server != NULL)
    quorum_feed_server_set_provider (self->server, NULL, NULL, NULL);
  g_clear_object (&self->source);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* Remember where the data stands, so the page notices what an import
       * on another connection wrote. */
      quorum_store_poll_external_changes (store);
      self->source = quorum_feed_source_new (store);
      quorum_feed_source_attach (self->source, self->server);
    }

  gtk_stack_set_visible_child_name (self->stack, store != NULL ? "content" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.export", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.import", store != NULL);
  refresh_rows (self);
  sync_server (self);
  update_publish_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_feeds_page_get_rulebook:
 * @self: a #QuorumFeedsPage
 *
 * Returns: (transfer none) (nullable): the rulebook
 */
QuorumRulebook *
quorum_feeds_page_get_rulebook (QuorumFeedsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), NULL);

  return self->rulebook;
}

void
quorum_feeds_page_set_rulebook (QuorumFeedsPage *self,
                                QuorumRulebook  *rulebook)
{
  g_return_if_fail (QUORUM_IS_FEEDS_PAGE (self));

  if (g_set_object (&self->rulebook, rulebook))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULEBOOK]);
}

/**
 * quorum_feeds_page_get_row:
 * @self: a #QuorumFeedsPage
 * @person_id: a person, or 0 for the whole office
 *
 * Returns: (transfer none) (nullable): the row of that feed
 */
QuorumFeedRow *
quorum_feeds_page_get_row (QuorumFeedsPage *self,
                           gint64           person_id)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (quorum_feed_row_get_person_id (g_ptr_array_index (self->rows, i)) == person_id)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

/**
 * quorum_feeds_page_get_n_rows:
 * @self: a #QuorumFeedsPage
 *
 * Rows of a big office come a few a frame after the page gets its store.
 *
 * Returns: how many feeds are listed so far, the whole office’s included
 */
guint
quorum_feeds_page_get_n_rows (QuorumFeedsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), 0);

  return self->rows->len;
}

/**
 * quorum_feeds_page_is_serving:
 * @self: a #QuorumFeedsPage
 *
 * Returns: whether the feed server listens
 */
gboolean
quorum_feeds_page_is_serving (QuorumFeedsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), FALSE);

  return quorum_feed_server_is_listening (self->server);
}

/**
 * quorum_feeds_page_is_importing:
 * @self: a #QuorumFeedsPage
 *
 * Returns: whether an import is running
 */
gboolean
quorum_feeds_page_is_importing (QuorumFeedsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), FALSE);

  return self->importing;
}

/**
 * quorum_feeds_page_get_n_published:
 * @self: a #QuorumFeedsPage
 *
 * Returns: how many times the folder was published since the page was made
 */
guint
quorum_feeds_page_get_n_published (QuorumFeedsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_FEEDS_PAGE (self), 0);

  return self->n_published;
}

/**
 * quorum_feeds_page_import_file:
 * @self: a #QuorumFeedsPage
 * @file: an .ics file
 *
 * Imports @file as when it was chosen or dropped: in a worker thread, with
 * a progress bar, then a dialog with the report or with the problem and
 * its line (a broken file changes nothing).
 */
void
quorum_feeds_page_import_file (QuorumFeedsPage *self,
                               GFile           *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (QUORUM_IS_FEEDS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;
  if (self->importing)
    {
      show_toast (self, _("Another file is being imported"));
      return;
    }

  self->importing = TRUE;
  ensure_sections (self);
  name = g_file_get_basename (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), name);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Reading…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.import", FALSE);

  quorum_store_poll_external_changes (self->store);
  quorum_feeds_import_async (self->store, file, G_OBJECT (self), on_import_progress_cb,
                             self->cancellable, on_import_done_cb, g_object_ref (self));
}

/**
 * quorum_feeds_page_set_caldav_controller:
 * @self: a #QuorumFeedsPage
 * @controller: (nullable): the application's CalDAV publishing
 *
 * Shows the state of publishing to the office's CalDAV server.
 */
void
quorum_feeds_page_set_caldav_controller (QuorumFeedsPage        *self,
                                         QuorumCaldavController *controller)
{
  g_return_if_fail (QUORUM_IS_FEEDS_PAGE (self));

  g_set_object (&self->caldav_controller, controller);
  if (self->caldav_group != NULL)
    {
      quorum_caldav_status_group_set_controller (self->caldav_group, controller);
      gtk_widget_set_visible (GTK_WIDGET (self->caldav_group), controller != NULL);
    }
}
