/* quorum-feeds-tasks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-feeds"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-feed-source.h"
#include "quorum-feed-tokens.h"
#include "quorum-feeds-tasks.h"

/* What a worker needs to open the same store on its own connection; read
 * on the main thread, since the main store is not for other threads. */
typedef struct
{
  char      *db_path;
  char      *actor;
  GDateTime *now;
} Connection;

typedef struct
{
  Connection        conn;
  QuorumExportScope scope;      /* duty_id, from and to owned */
  QuorumExportShape shape;
  gboolean          public_feed;
  GFile            *file;
} ExportData;

typedef struct
{
  Connection               conn;
  char                    *path;
  GWeakRef                 target;
  QuorumFeedsProgressFunc  progress;
  int                      last_percent;
} ImportData;

typedef struct
{
  Connection  conn;
  char       *folder;
} PublishData;

typedef struct
{
  GTask *task;
  guint  done;
  guint  total;
} Progress;

static void
connection_init (Connection  *conn,
                 QuorumStore *store)
{
  conn->db_path = g_strdup (quorum_database_get_path (quorum_store_get_database (store)));
  conn->actor = g_strdup (quorum_store_get_actor (store));
  conn->now = quorum_store_dup_now (store);
}

static void
connection_clear (Connection *conn)
{
  g_clear_pointer (&conn->db_path, g_free);
  g_clear_pointer (&conn->actor, g_free);
  g_clear_pointer (&conn->now, g_date_time_unref);
}

/* The worker's own store over the same database, at the same "now" and
 * with the same actor in the audit trail. */
static QuorumStore *
connection_open (Connection  *conn,
                 GError     **error)
{
  QuorumStore *store = quorum_store_open (conn->db_path, error);

  if (store == NULL)
    return NULL;
  if (conn->now != NULL)
    quorum_store_set_now (store, conn->now);
  if (conn->actor != NULL)
    quorum_store_set_actor (store, conn->actor);
  return store;
}

static void
export_data_free (ExportData *data)
{
  connection_clear (&data->conn);
  g_free ((char *)data->scope.duty_id);
  g_clear_pointer (&data->scope.from, g_date_time_unref);
  g_clear_pointer (&data->scope.to, g_date_time_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  QuorumIcsExportOptions options = { 0 };
  gsize len = 0;

  if (!(store = connection_open (&data->conn, &error)) ||
      !(events = quorum_store_export_events (store, &data->scope, data->shape, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  options.calendar_name = _("Duty calendar");
  options.public_feed = data->public_feed;
  text = quorum_ics_export (events, &options, &len);
  if (!g_file_replace_contents (data->file, text, len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, events->len);
}

/**
 * quorum_feeds_ics_filter_new:
 *
 * Returns: (transfer full): a file chooser filter for iCalendar files
 */
GtkFileFilter *
quorum_feeds_ics_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

/**
 * quorum_feeds_export_async:
 * @store: the store to export
 * @scope: what to export
 * @shape: how
 * @public_feed: leave out everything but title, time and place
 * @file: the .ics file to write, replaced atomically
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when done
 * @user_data: data for @callback
 *
 * Writes the calendar to @file from a worker thread.
 */
void
quorum_feeds_export_async (QuorumStore             *store,
                           const QuorumExportScope *scope,
                           QuorumExportShape        shape,
                           gboolean                 public_feed,
                           GFile                   *file,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (scope != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  connection_init (&data->conn, store);
  data->scope.person_id = scope->person_id;
  data->scope.unit_id = scope->unit_id;
  data->scope.duty_id = g_strdup (scope->duty_id);
  data->scope.from = scope->from != NULL ? g_date_time_ref (scope->from) : NULL;
  data->scope.to = scope->to != NULL ? g_date_time_ref (scope->to) : NULL;
  data->shape = shape;
  data->public_feed = public_feed;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_feeds_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_worker);
}

/**
 * quorum_feeds_export_finish:
 * @result: the result given to the callback
 * @out_n_events: (out) (optional): how many events were written
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file was written
 */
gboolean
quorum_feeds_export_finish (GAsyncResult  *result,
                            guint         *out_n_events,
                            GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (out_n_events != NULL)
    *out_n_events = n;
  return TRUE;
}

static void
import_data_free (ImportData *data)
{
  connection_clear (&data->conn);
  g_free (data->path);
  g_weak_ref_clear (&data->target);
  g_free (data);
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->task);
  g_free (progress);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  ImportData *data = g_task_get_task_data (progress->task);
  g_autoptr(GObject) target = g_weak_ref_get (&data->target);

  if (target != NULL && !g_task_get_completed (progress->task))
    data->progress (target, progress->done, progress->total);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands the count to the main thread, once per percent. */
static void
on_import_progress_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  int percent = total > 0 ? (int)((guint64)done * 100 / total) : 100;
  Progress *progress;

  if (data->progress == NULL || percent == data->last_percent)
    return;
  data->last_percent = percent;

  progress = g_new0 (Progress, 1);
  progress->task = g_object_ref (task);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, report_progress_cb,
                              progress, (GDestroyNotify)progress_free);
}

static void
report_free (QuorumImportReport *report)
{
  quorum_import_report_clear (report);
  g_free (report);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(QuorumStore) store = NULL;
  QuorumImportReport *report = g_new0 (QuorumImportReport, 1);
  GError *error = NULL;

  if (!(store = connection_open (&data->conn, &error)) ||
      !quorum_store_import_file (store, data->path, report, on_import_progress_cb, task, &error))
    {
      report_free (report);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, report, (GDestroyNotify)report_free);
}

/**
 * quorum_feeds_import_async:
 * @store: the store to import into
 * @file: a local .ics file
 * @progress_target: (nullable): the object @progress reports to; reports
 *   stop when it is finalized
 * @progress: (nullable): called on this thread as the import goes on
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when done
 * @user_data: data for @callback
 *
 * Reads @file into the store from a worker thread, in one transaction: a
 * broken file changes nothing. The store learns of the new data from
 * quorum_store_poll_external_changes().
 */
void
quorum_feeds_import_async (QuorumStore             *store,
                           GFile                   *file,
                           GObject                 *progress_target,
                           QuorumFeedsProgressFunc  progress,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_feeds_import_async);

  data = g_new0 (ImportData, 1);
  connection_init (&data->conn, store);
  data->path = g_file_get_path (file);
  g_weak_ref_init (&data->target, progress_target);
  data->progress = progress;
  data->last_percent = -1;
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);

  if (data->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s is not a local file"), uri);
      return;
    }

  g_task_run_in_thread (task, import_worker);
}

/**
 * quorum_feeds_import_finish:
 * @result: the result given to the callback
 * @report: (out caller-allocates): what the import did; clear it with
 *   quorum_import_report_clear()
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file was imported
 */
gboolean
quorum_feeds_import_finish (GAsyncResult        *result,
                            QuorumImportReport  *report,
                            GError             **error)
{
  QuorumImportReport *done;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!(done = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  *report = *done;
  g_free (done);
  return TRUE;
}

static void
publish_data_free (PublishData *data)
{
  connection_clear (&data->conn);
  g_free (data->folder);
  g_free (data);
}

/* Every person gets a feed before the folder is written: the folder is for
 * the whole office, like `quorum-cli feed publish`. */
static gboolean
make_all_tokens (QuorumStore  *store,
                 GError      **error)
{
  g_autoptr(GListModel) people = quorum_store_list_people (store, FALSE, error);
  g_autofree char *office = NULL;

  if (people == NULL || !(office = quorum_feed_token_dup (store, 0, TRUE, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      g_autofree char *token = quorum_feed_token_dup (store, quorum_person_get_id (person),
                                                      TRUE, error);
      if (token == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
publish_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishData *data = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumFeedSource) source = NULL;
  GError *error = NULL;
  guint n = 0;

  if (!(store = connection_open (&data->conn, &error)) || !make_all_tokens (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  source = quorum_feed_source_new (store);
  if (!quorum_feed_source_publish (source, data->folder, &n, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, n);
}

/**
 * quorum_feeds_publish_async:
 * @store: the store whose feeds to publish
 * @folder: the folder to write them to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when done
 * @user_data: data for @callback
 *
 * Gives every person (and the office) a feed address if they have none,
 * then writes every feed into @folder as `TOKEN.ics`, from a worker thread.
 * The store learns of new addresses from
 * quorum_store_poll_external_changes().
 */
void
quorum_feeds_publish_async (QuorumStore         *store,
                            const char          *folder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PublishData *data;

  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (folder != NULL);

  data = g_new0 (PublishData, 1);
  connection_init (&data->conn, store);
  data->folder = g_strdup (folder);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_feeds_publish_async);
  g_task_set_task_data (task, data, (GDestroyNotify)publish_data_free);
  g_task_run_in_thread (task, publish_worker);
}

/**
 * quorum_feeds_publish_finish:
 * @result: the result given to the callback
 * @out_n_files: (out) (optional): how many feeds were written
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the folder was written
 */
gboolean
quorum_feeds_publish_finish (GAsyncResult  *result,
                             guint         *out_n_files,
                             GError       **error)
{
  return quorum_feeds_export_finish (result, out_n_files, error);
}
