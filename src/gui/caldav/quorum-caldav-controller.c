/* quorum-caldav-controller.c: publishing in the background, and overlays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns one controller. With auto-publish on, every change
 * to the store (coalesced: a roll call is many writes) starts a publish of
 * the office after a short delay; "Publish Now" starts one at once. The
 * publish runs in a GTask thread with its own database connection, so the
 * window never waits for the network. The account's URL and user are the
 * store's settings (quorum-cli reads them too); the password comes from the
 * keyring.
 *
 * The controller also keeps the events of the subscribed calendars in
 * memory (refreshed every 15 minutes and on demand) as one list model for
 * the Calendar page to lay over its own.
 */

#define G_LOG_DOMAIN "quorum-caldav-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-caldav-controller.h"
#include "quorum-caldav-office.h"
#include "quorum-caldav-overlay.h"
#include "quorum-password-store.h"

/* A burst of writes publishes once, this long after the last one. */
#define PUBLISH_DELAY_MS        (10 * 1000)
/* Our own publish writes the state to the database: the application then
 * sees an "external" change, which must not start another publish. */
#define OWN_WRITE_QUIET_SECONDS 6
#define OVERLAY_REFRESH_SECONDS (15 * 60)
#define OVERLAY_DAYS_BACK       100
#define OVERLAY_DAYS_AHEAD      400

struct _QuorumCaldavController
{
  GObject             parent_instance;

  QuorumStore        *store;
  GSettings          *settings;
  GCancellable       *cancellable;

  QuorumCaldavStatus  status;
  GDateTime          *last_published;
  char               *last_report;
  char               *last_error;
  guint               delay_ms;
  guint               publish_source;
  gboolean            pending;
  gint64              quiet_until;

  GListStore         *overlay;
  char               *overlay_error;
  guint               overlay_source;
  gboolean            refreshing;
  gboolean            refresh_again;
};

G_DEFINE_FINAL_TYPE (QuorumCaldavController, quorum_caldav_controller, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (QuorumCaldavStatus, quorum_caldav_status,
                    G_DEFINE_ENUM_VALUE (QUORUM_CALDAV_STATUS_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (QUORUM_CALDAV_STATUS_PUBLISHING, "publishing"),
                    G_DEFINE_ENUM_VALUE (QUORUM_CALDAV_STATUS_ERROR, "error"))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_STATUS,
  PROP_LAST_PUBLISHED,
  PROP_LAST_REPORT,
  PROP_LAST_ERROR,
  PROP_OVERLAY,
  PROP_OVERLAY_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *db_path;
  char *url;
  char *user;
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_free (job->db_path);
  g_free (job->url);
  g_free (job->user);
  g_free (job);
}

static void
set_status (QuorumCaldavController *self,
            QuorumCaldavStatus      status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_string (QuorumCaldavController  *self,
            char                   **field,
            const char              *value,
            GParamSpec              *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
publish_worker (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishJob *job = task_data;
  g_auto(QuorumCaldavOfficeReport) report = { 0 };
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumCaldavClient) client = NULL;
  g_autofree char *password = NULL;
  GError *error = NULL;

  password = quorum_password_store_lookup (job->url, job->user, cancellable, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!(store = quorum_store_open (job->db_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  client = quorum_caldav_client_new (job->url, job->user, password);
  if (!quorum_caldav_publish_office (client, store, NULL, &report, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, quorum_caldav_office_report_describe (&report), g_free);
}

static void schedule_publish (QuorumCaldavController *self,
                              guint                   delay_ms);

static void
on_publish_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(QuorumCaldavController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->quiet_until = g_get_monotonic_time () + OWN_WRITE_QUIET_SECONDS * G_USEC_PER_SEC;
  if (error != NULL)
    {
      set_string (self, &self->last_error, error->message, properties[PROP_LAST_ERROR]);
      set_status (self, QUORUM_CALDAV_STATUS_ERROR);
    }
  else
    {
      g_clear_pointer (&self->last_published, g_date_time_unref);
      self->last_published = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_PUBLISHED]);
      set_string (self, &self->last_report, report, properties[PROP_LAST_REPORT]);
      set_string (self, &self->last_error, NULL, properties[PROP_LAST_ERROR]);
      set_status (self, QUORUM_CALDAV_STATUS_IDLE);
    }

  if (self->pending)
    {
      self->pending = FALSE;
      schedule_publish (self, self->delay_ms);
    }
}

static gboolean
publish_timeout_cb (gpointer user_data)
{
  QuorumCaldavController *self = user_data;

  self->publish_source = 0;
  quorum_caldav_controller_publish (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_publish (QuorumCaldavController *self,
                  guint                   delay_ms)
{
  g_clear_handle_id (&self->publish_source, g_source_remove);
  self->publish_source = g_timeout_add (delay_ms, publish_timeout_cb, self);
}

static void
on_store_changed_cb (QuorumCaldavController *self,
                     const char             *entity,
                     gint64                  id,
                     QuorumStore            *store)
{
  if (!g_settings_get_boolean (self->settings, QUORUM_CALDAV_KEY_AUTO_PUBLISH))
    return;
  if (g_strcmp0 (entity, "external") == 0 && g_get_monotonic_time () < self->quiet_until)
    return;

  if (self->status == QUORUM_CALDAV_STATUS_PUBLISHING)
    self->pending = TRUE;
  else
    schedule_publish (self, self->delay_ms);
}

/* Overlays ---------------------------------------------------------------- */

typedef struct
{
  GVariant  *subscriptions;     /* a(sss): name, url, user */
  GDateTime *from;
  GDateTime *to;
  GPtrArray *occurrences;
  char      *error;
} OverlayJob;

static void
overlay_job_free (OverlayJob *job)
{
  g_clear_pointer (&job->subscriptions, g_variant_unref);
  g_clear_pointer (&job->from, g_date_time_unref);
  g_clear_pointer (&job->to, g_date_time_unref);
  g_clear_pointer (&job->occurrences, g_ptr_array_unref);
  g_free (job->error);
  g_free (job);
}

/* A calendar that fails does not hide the others: its error is kept. */
static void
overlay_worker (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OverlayJob *job = task_data;
  g_autoptr(GString) errors = g_string_new (NULL);
  GVariantIter iter;
  const char *name, *url, *user;

  job->occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_variant_iter_init (&iter, job->subscriptions);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &name, &url, &user))
    {
      g_autoptr(QuorumCaldavClient) client = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *password = NULL;

      if (*user != '\0')
        password = quorum_password_store_lookup (url, user, cancellable, &error);
      if (error == NULL)
        {
          client = quorum_caldav_client_new (url, *user != '\0' ? user : NULL, password);
          found = quorum_caldav_overlay_fetch (client, url, *name != '\0' ? name : url,
                                              job->from, job->to, cancellable, &error);
        }
      if (found != NULL)
        g_ptr_array_extend_and_steal (job->occurrences, g_steal_pointer (&found));
      else
        g_string_append_printf (errors, "%s%s", errors->len > 0 ? "\n" : "", error->message);
    }
  if (errors->len > 0)
    job->error = g_strdup (errors->str);
  g_task_return_boolean (task, TRUE);
}

static void
on_overlay_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(QuorumCaldavController) self = user_data;
  OverlayJob *job = g_task_get_task_data (G_TASK (result));

  self->refreshing = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  g_list_store_splice (self->overlay, 0, g_list_model_get_n_items (G_LIST_MODEL (self->overlay)),
                       job->occurrences->pdata, job->occurrences->len);
  set_string (self, &self->overlay_error, job->error, properties[PROP_OVERLAY_ERROR]);

  if (self->refresh_again)
    {
      self->refresh_again = FALSE;
      quorum_caldav_controller_refresh_overlay (self);
    }
}

static gboolean
overlay_timeout_cb (gpointer user_data)
{
  quorum_caldav_controller_refresh_overlay (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_subscriptions_changed_cb (QuorumCaldavController *self,
                             const char             *key,
                             GSettings              *settings)
{
  quorum_caldav_controller_refresh_overlay (self);
}

/* GObject ----------------------------------------------------------------- */

static void
quorum_caldav_controller_constructed (GObject *object)
{
  QuorumCaldavController *self = (QuorumCaldavController *)object;

  G_OBJECT_CLASS (quorum_caldav_controller_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" QUORUM_CALDAV_KEY_SUBSCRIPTIONS,
                           G_CALLBACK (on_subscriptions_changed_cb), self, G_CONNECT_SWAPPED);
  self->overlay_source = g_timeout_add_seconds (OVERLAY_REFRESH_SECONDS, overlay_timeout_cb, self);
  quorum_caldav_controller_refresh_overlay (self);
}

static void
quorum_caldav_controller_dispose (GObject *object)
{
  QuorumCaldavController *self = (QuorumCaldavController *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->publish_source, g_source_remove);
  g_clear_handle_id (&self->overlay_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (quorum_caldav_controller_parent_class)->dispose (object);
}

static void
quorum_caldav_controller_finalize (GObject *object)
{
  QuorumCaldavController *self = (QuorumCaldavController *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->overlay);
  g_clear_pointer (&self->last_published, g_date_time_unref);
  g_clear_pointer (&self->last_report, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->overlay_error, g_free);

  G_OBJECT_CLASS (quorum_caldav_controller_parent_class)->finalize (object);
}

static void
quorum_caldav_controller_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumCaldavController *self = QUORUM_CALDAV_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_LAST_PUBLISHED:
      g_value_set_boxed (value, self->last_published);
      break;
    case PROP_LAST_REPORT:
      g_value_set_string (value, self->last_report);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_OVERLAY:
      g_value_set_object (value, self->overlay);
      break;
    case PROP_OVERLAY_ERROR:
      g_value_set_string (value, self->overlay_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_caldav_controller_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumCaldavController *self = QUORUM_CALDAV_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_caldav_controller_class_init (QuorumCaldavControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = quorum_caldav_controller_constructed;
  object_class->dispose = quorum_caldav_controller_dispose;
  object_class->finalize = quorum_caldav_controller_finalize;
  object_class->get_property = quorum_caldav_controller_get_property;
  object_class->set_property = quorum_caldav_controller_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE, co);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, co);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QUORUM_TYPE_CALDAV_STATUS,
                       QUORUM_CALDAV_STATUS_IDLE, ro);
  properties[PROP_LAST_PUBLISHED] =
    g_param_spec_boxed ("last-published", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_LAST_REPORT] = g_param_spec_string ("last-report", NULL, NULL, NULL, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  properties[PROP_OVERLAY] =
    g_param_spec_object ("overlay", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_OVERLAY_ERROR] = g_param_spec_string ("overlay-error", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_caldav_controller_init (QuorumCaldavController *self)
{
  self->cancellable = g_cancellable_new ();
  self->overlay = g_list_store_new (QUORUM_TYPE_OCCURRENCE);
  self->delay_ms = PUBLISH_DELAY_MS;
}

/**
 * quorum_caldav_controller_new:
 * @store: (nullable): the store to publish
 * @settings: (nullable): the application's settings; %NULL for its own
 *
 * Returns: (transfer full): a new controller
 */
QuorumCaldavController *
quorum_caldav_controller_new (QuorumStore *store,
                              GSettings   *settings)
{
  return g_object_new (QUORUM_TYPE_CALDAV_CONTROLLER,
                       "store", store,
                       "settings", settings,
                       NULL);
}

QuorumCaldavStatus
quorum_caldav_controller_get_status (QuorumCaldavController *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self), QUORUM_CALDAV_STATUS_IDLE);
  return self->status;
}

/* Returns: (transfer none) (nullable): when the last publish succeeded */
GDateTime *
quorum_caldav_controller_get_last_published (QuorumCaldavController *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self), NULL);
  return self->last_published;
}

/* Returns: (nullable): what the last successful publish did, for people */
const char *
quorum_caldav_controller_get_last_report (QuorumCaldavController *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self), NULL);
  return self->last_report;
}

/* Returns: (nullable): why the last publish failed */
const char *
quorum_caldav_controller_get_last_error (QuorumCaldavController *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self), NULL);
  return self->last_error;
}

/* Returns: (transfer none): the events of the subscribed calendars, a
 * #GListModel of #QuorumOccurrence */
GListModel *
quorum_caldav_controller_get_overlay (QuorumCaldavController *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self), NULL);
  return G_LIST_MODEL (self->overlay);
}

/* Returns: (nullable): why subscribed calendars could not be read */
const char *
quorum_caldav_controller_get_overlay_error (QuorumCaldavController *self)
{
  g_return_val_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self), NULL);
  return self->overlay_error;
}

/* How long after a change an automatic publish starts (tests shorten it). */
void
quorum_caldav_controller_set_delay (QuorumCaldavController *self,
                                    guint                   ms)
{
  g_return_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self));
  self->delay_ms = ms;
}

/**
 * quorum_caldav_controller_publish:
 * @self: a controller
 *
 * Publishes the office now, in the background, to the account saved in
 * the store; one already running is followed by another.
 */
void
quorum_caldav_controller_publish (QuorumCaldavController *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  PublishJob *job;

  g_return_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self));

  g_clear_handle_id (&self->publish_source, g_source_remove);
  if (self->status == QUORUM_CALDAV_STATUS_PUBLISHING)
    {
      self->pending = TRUE;
      return;
    }

  if (self->store == NULL ||
      (url = quorum_store_dup_setting (self->store, QUORUM_CALDAV_SETTING_URL)) == NULL ||
      *url == '\0')
    {
      set_string (self, &self->last_error,
                  _("No CalDAV server is set up: add one in Preferences, under Publishing."),
                  properties[PROP_LAST_ERROR]);
      set_status (self, QUORUM_CALDAV_STATUS_ERROR);
      return;
    }

  job = g_new0 (PublishJob, 1);
  job->db_path = g_strdup (quorum_database_get_path (quorum_store_get_database (self->store)));
  job->url = g_steal_pointer (&url);
  job->user = quorum_store_dup_setting (self->store, QUORUM_CALDAV_SETTING_USER);
  if (job->user == NULL)
    job->user = g_strdup ("");

  set_status (self, QUORUM_CALDAV_STATUS_PUBLISHING);
  task = g_task_new (NULL, self->cancellable, on_publish_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, quorum_caldav_controller_publish);
  g_task_set_task_data (task, job, (GDestroyNotify) publish_job_free);
  g_task_run_in_thread (task, publish_worker);
}

/**
 * quorum_caldav_controller_refresh_overlay:
 * @self: a controller
 *
 * Reads the subscribed calendars again, in the background.
 */
void
quorum_caldav_controller_refresh_overlay (QuorumCaldavController *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  OverlayJob *job;

  g_return_if_fail (QUORUM_IS_CALDAV_CONTROLLER (self));

  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return;
    }

  job = g_new0 (OverlayJob, 1);
  job->subscriptions = g_settings_get_value (self->settings, QUORUM_CALDAV_KEY_SUBSCRIPTIONS);
  job->from = g_date_time_add_days (now, -OVERLAY_DAYS_BACK);
  job->to = g_date_time_add_days (now, OVERLAY_DAYS_AHEAD);

  self->refreshing = TRUE;
  task = g_task_new (NULL, self->cancellable, on_overlay_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, quorum_caldav_controller_refresh_overlay);
  g_task_set_task_data (task, job, (GDestroyNotify) overlay_job_free);
  g_task_run_in_thread (task, overlay_worker);
}
