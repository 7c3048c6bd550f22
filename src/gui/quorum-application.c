/* quorum-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "quorum-application.h"
#include "quorum-backup.h"
#include "quorum-caldav-controller.h"
#include "quorum-paths.h"
#include "quorum-preferences-window.h"
#include "quorum-window.h"

struct _QuorumApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  QuorumDatabase *database;
  QuorumStore    *store;
  QuorumWorkdays *workdays;
  QuorumRulebook *rulebook;
  char           *rulebook_data;
  QuorumCaldavController *caldav;
  GError         *database_error;
  guint           poll_source;
  guint           maintenance_source;
  char           *database_path;
  gint64          audit_broken_at;
  guint           n_maintenance;
  /* Occurrences as rows up to the horizon: made by a worker on its own
   * connection, never by the window's store (see open_database()). */
  guint           horizon_check_source;
  guint           horizon_start_source;
  gboolean        horizon_running;
  gboolean        frame_painted;
  GDateTime      *horizon_pending;
};

/* How often to look for writes by other programs (quorum-cli, another
 * instance): a PRAGMA read, so cheap. */
#define EXTERNAL_POLL_SECONDS 2

/* The daily backup and the audit check (a hash over every audit row) wait
 * this long after the database is opened: they read the whole file, and
 * must not compete with the first frames of the window for the CPU. */
#define MAINTENANCE_DELAY_SECONDS 3

/* How often a running app checks that occurrences exist as rows far
 * enough ahead of today: the horizon must move on with the clock. */
#define HORIZON_CHECK_SECONDS (60 * 60)

/* The horizon worker starts after the window's first frame, or after this
 * long when no window paints (run without one). */
#define HORIZON_FALLBACK_MS 2000

G_DEFINE_FINAL_TYPE (QuorumApplication, quorum_application, ADW_TYPE_APPLICATION)

enum {
  RULEBOOK_CHANGED,
  DATABASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STORE,
  PROP_AUDIT_BROKEN_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  QuorumApplication *self = user_data;
  static const char *developers[] = { "The Quorum developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Quorum"),
                        "developer-name", _("The Quorum developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("A calendar of required duties and a record of who attended"),
                        "website", "https://github.com/quorumapp/quorum",
                        "issue-url", "https://github.com/quorumapp/quorum/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  QuorumApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  QuorumPreferencesWindow *prefs;

  prefs = quorum_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  QuorumApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
caldav_publish_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  QuorumApplication *self = user_data;

  if (self->caldav != NULL)
    quorum_caldav_controller_publish (self->caldav);
}

static const GActionEntry app_entries[] = {
  { "about", about_action },
  { "caldav-publish", caldav_publish_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static gboolean
poll_external_changes_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;

  if (self->store != NULL)
    quorum_store_poll_external_changes (self->store);

  return G_SOURCE_CONTINUE;
}

/* The stored rulebook when the database has one, else the bundled one. */
static void
load_rulebook (QuorumApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_clear_object (&self->rulebook);
  g_clear_pointer (&self->rulebook_data, g_free);

  if (self->store != NULL && (data = quorum_store_dup_rulebook_data (self->store)) != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

      self->rulebook_data = g_steal_pointer (&data);
      self->rulebook = quorum_rulebook_new_from_bytes (bytes, _("Stored rulebook"), &error);
      if (self->rulebook == NULL)
        {
          g_warning ("The stored rulebook is not valid, using the bundled one: %s",
                     error->message);
          g_clear_error (&error);
        }
    }

  if (self->rulebook == NULL)
    self->rulebook = quorum_rulebook_new_default (&error);
  if (self->rulebook == NULL)
    g_critical ("The bundled rulebook does not load: %s", error->message);
}

typedef struct
{
  char   *path;
  guint   keep;
  gint64  broken_at;
  char   *backup;
} Maintenance;

static void
maintenance_free (Maintenance *m)
{
  g_free (m->path);
  g_free (m->backup);
  g_free (m);
}

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} LowPriorityRun;

/* Background work (backup, audit check, occurrences ahead) runs at the
 * lowest CPU priority: it is never urgent, the window is. Its own thread,
 * not the pool's, so that the priority goes with it. */
static gpointer
low_priority_thread (gpointer data)
{
  LowPriorityRun *run = data;

#ifdef __linux__
  /* On Linux this lowers the calling thread only. */
  if (setpriority (PRIO_PROCESS, 0, 19) != 0)
    g_debug ("Could not lower the priority of a background thread: %s", g_strerror (errno));
#endif
  run->func (run->task, g_task_get_source_object (run->task), g_task_get_task_data (run->task),
             NULL);
  g_object_unref (run->task);
  g_free (run);
  return NULL;
}

/* Runs @func for @task (taken) in a thread of its own named @name. */
static void
run_in_low_priority_thread (const char      *name,
                            GTask           *task,
                            GTaskThreadFunc  func)
{
  LowPriorityRun *run = g_new0 (LowPriorityRun, 1);

  run->task = task;
  run->func = func;
  g_thread_unref (g_thread_new (name, low_priority_thread, run));
}

/* While a thread writes for the application (the backup, the rows ahead),
 * the application holds itself: with its last window closed, it ends once
 * the thread is done rather than cut the write off. */
static void
background_write_started (QuorumApplication *self)
{
  if (self->n_maintenance++ == 0)
    g_application_hold (G_APPLICATION (self));
}

static void
background_write_ended (QuorumApplication *self)
{
  g_return_if_fail (self->n_maintenance > 0);

  if (--self->n_maintenance == 0)
    g_application_release (G_APPLICATION (self));
}

/* In a thread, on its own connection: the day's backup, then the audit chain. */
static void
maintenance_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Maintenance *m = task_data;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!(db = quorum_database_open (m->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  m->backup = quorum_backup_daily (db, now, m->keep, &error);
  if (error != NULL)
    {
      /* A failed backup must not hide a broken audit trail: go on. */
      g_warning ("Could not write the daily backup: %s", error->message);
      g_clear_error (&error);
    }

  store = quorum_store_new (db);
  if (!quorum_store_verify_audit (store, &m->broken_at, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
maintenance_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  QuorumApplication *self = QUORUM_APPLICATION (source);
  Maintenance *m = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  background_write_ended (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not check the database: %s", error->message);
      return;
    }

  if (m->backup != NULL)
    g_debug ("Wrote the daily backup %s", m->backup);
  if (m->broken_at != self->audit_broken_at)
    {
      self->audit_broken_at = m->broken_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_BROKEN_AT]);
    }
}

static gboolean
start_maintenance_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, NULL, maintenance_done_cb, NULL);
  Maintenance *m = g_new0 (Maintenance, 1);

  self->maintenance_source = 0;
  m->path = g_strdup (self->database_path);
  m->keep = MAX (g_settings_get_int (self->settings, "backup-keep"), 1);
  g_task_set_source_tag (task, start_maintenance_cb);
  g_task_set_task_data (task, m, (GDestroyNotify)maintenance_free);
  background_write_started (self);
  run_in_low_priority_thread ("quorum-maintenance", g_steal_pointer (&task), maintenance_worker);
  return G_SOURCE_REMOVE;
}

static void
start_maintenance (QuorumApplication *self)
{
  g_clear_handle_id (&self->maintenance_source, g_source_remove);
  self->maintenance_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, MAINTENANCE_DELAY_SECONDS,
                                                         start_maintenance_cb, self, NULL);
}

/* The horizon ----------------------------------------------------------- */

typedef struct
{
  char      *path;
  GDateTime *until;
} HorizonJob;

static void
horizon_job_free (HorizonJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->until, g_date_time_unref);
  g_free (job);
}

/* In a thread, on its own connection: the rows of every series up to the
 * horizon asked for. The window's store sees the commit through
 * quorum_store_poll_external_changes(), and its views read again. */
static void
horizon_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  HorizonJob *job = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = quorum_store_open (job->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!quorum_store_materialize (store, job->until, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void start_horizon_worker (QuorumApplication *self);

static void
horizon_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  QuorumApplication *self = QUORUM_APPLICATION (source);
  HorizonJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  background_write_ended (self);
  self->horizon_running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not create the occurrences ahead: %s", error->message);

  /* Show the new rows now rather than at the next poll. */
  if (self->store != NULL && g_strcmp0 (job->path, self->database_path) == 0)
    quorum_store_poll_external_changes (self->store);

  if (self->horizon_pending != NULL)
    start_horizon_worker (self);
}

static void
start_horizon_worker (QuorumApplication *self)
{
  g_autoptr(GTask) task = NULL;
  HorizonJob *job;

  if (self->horizon_running || self->horizon_pending == NULL || self->database_path == NULL ||
      !self->frame_painted)
    return;

  job = g_new0 (HorizonJob, 1);
  job->path = g_strdup (self->database_path);
  job->until = g_steal_pointer (&self->horizon_pending);
  task = g_task_new (self, NULL, horizon_done_cb, NULL);
  g_task_set_source_tag (task, start_horizon_worker);
  g_task_set_task_data (task, job, (GDestroyNotify)horizon_job_free);
  self->horizon_running = TRUE;
  /* close_database() waits for it as for the backup. */
  background_write_started (self);
  /* At the lowest priority too: the window's frames come first, and the
   * rows are seldom needed within the second. */
  run_in_low_priority_thread ("quorum-horizon", g_steal_pointer (&task), horizon_worker);
}

/* The window's store answered a query without rows it lacks, or found the
 * horizon behind the clock: have them made, one run at a time. */
static void
on_store_horizon_needed_cb (QuorumApplication *self,
                            GDateTime         *until,
                            QuorumStore       *store)
{
  if (self->horizon_pending == NULL || g_date_time_compare (until, self->horizon_pending) > 0)
    {
      g_clear_pointer (&self->horizon_pending, g_date_time_unref);
      self->horizon_pending = g_date_time_ref (until);
    }
  start_horizon_worker (self);
}

static gboolean
check_horizon_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;

  if (self->store != NULL && !self->horizon_running)
    quorum_store_check_horizon (self->store);
  return G_SOURCE_CONTINUE;
}

/* The first frame is the window's: the worker waits for it. */
static void
let_horizon_start (QuorumApplication *self)
{
  g_clear_handle_id (&self->horizon_start_source, g_source_remove);
  if (self->frame_painted)
    return;
  self->frame_painted = TRUE;
  start_horizon_worker (self);
}

static gboolean
horizon_fallback_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;

  self->horizon_start_source = 0;
  let_horizon_start (self);
  return G_SOURCE_REMOVE;
}

static void
on_frame_clock_after_paint_cb (QuorumApplication *self,
                               GdkFrameClock     *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint_cb, self);
  let_horizon_start (self);
}

static void
on_window_realize_cb (QuorumApplication *self,
                      GtkWidget         *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_window_realize_cb, self);
  if (clock == NULL || self->frame_painted)
    return;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_frame_clock_after_paint_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
on_window_added_cb (QuorumApplication *self,
                    GtkWindow         *window)
{
  if (!self->frame_painted)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize_cb), self,
                             G_CONNECT_SWAPPED);
}

/* A rulebook loaded into the database (here or by quorum-cli) takes force at once. */
static void
on_store_changed_cb (QuorumApplication *self,
                     const char        *entity,
                     gint64             id,
                     QuorumStore       *store)
{
  if (g_strcmp0 (entity, "rulebook") != 0 && g_strcmp0 (entity, "external") != 0)
    return;
  /* Another program's writes (an import, quorum-cli) seldom touch the
   * rulebook: a new one would make every page read everything again. */
  if (g_strcmp0 (entity, "external") == 0)
    {
      g_autofree char *data = quorum_store_dup_rulebook_data (store);

      if (self->rulebook != NULL && g_strcmp0 (data, self->rulebook_data) == 0)
        return;
    }
  load_rulebook (self);
  g_signal_emit (self, signals[RULEBOOK_CHANGED], 0);
}

/* The database to open at start: the one last switched to (the demo
 * office) while it exists, else the default. */
static char *
dup_startup_database (QuorumApplication *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "database");

  if (chosen[0] != '\0' && g_file_test (chosen, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&chosen);
  return quorum_paths_dup_default_database ();
}

/* A fetch in flight keeps the CalDAV controller alive until its callback
 * runs in the main loop: dispose of it now, so that it lets go of the
 * store (and the database) at once, as closing the database needs. */
static void
drop_caldav (QuorumApplication *self)
{
  if (self->caldav != NULL)
    g_object_run_dispose (G_OBJECT (self->caldav));
  g_clear_object (&self->caldav);
}

static void
open_database (QuorumApplication *self,
               const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_copy = g_strdup (path);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->maintenance_source, g_source_remove);
  g_clear_handle_id (&self->horizon_check_source, g_source_remove);
  g_clear_pointer (&self->horizon_pending, g_date_time_unref);
  g_free (self->database_path);
  self->database_path = g_steal_pointer (&path_copy);
  path = self->database_path;
  drop_caldav (self);
  g_clear_object (&self->store);
  g_clear_object (&self->database);
  g_clear_object (&self->workdays);
  g_clear_error (&self->database_error);

  self->workdays = quorum_workdays_new_default (&error);
  if (self->workdays == NULL)
    {
      /* A user's broken holiday file must not keep the app from starting. */
      g_warning ("Could not load the holiday calendar: %s", error->message);
      self->workdays = quorum_workdays_new ();
      g_clear_error (&error);
    }

  self->database = quorum_database_open (path, &self->database_error);
  if (self->database == NULL)
    {
      g_warning ("Could not open %s: %s", path, self->database_error->message);
      load_rulebook (self);
      return;
    }

  self->store = quorum_store_new (self->database);
  /* Materialising a year of a big office takes a good part of a second:
   * never in a frame. The worker makes the rows ahead of need. */
  quorum_store_set_materialize_on_read (self->store, FALSE);
  self->caldav = quorum_caldav_controller_new (self->store, self->settings);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "horizon-needed",
                           G_CALLBACK (on_store_horizon_needed_cb), self, G_CONNECT_SWAPPED);
  load_rulebook (self);
  quorum_store_check_horizon (self->store);
  self->horizon_check_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, HORIZON_CHECK_SECONDS,
                                                           check_horizon_cb, self, NULL);

  quorum_store_poll_external_changes (self->store);
  self->poll_source = g_timeout_add_seconds (EXTERNAL_POLL_SECONDS,
                                             poll_external_changes_cb, self);
  start_maintenance (self);
}

/* Closes the database for good before its file is moved: windows drop the
 * store first. SQLite removes "<file>-wal" by name when the last connection
 * to the old file closes, which must not happen after a new file is there. */
static gboolean
close_database (QuorumApplication  *self,
                GError            **error)
{
  QuorumDatabase *database = self->database;

  if (self->n_maintenance > 0)
    {
      g_set_error_literal (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_BUSY,
                           _("Quorum is writing a backup of the database. Try again in a moment."));
      return FALSE;
    }

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->maintenance_source, g_source_remove);
  g_clear_handle_id (&self->horizon_check_source, g_source_remove);
  g_clear_pointer (&self->horizon_pending, g_date_time_unref);
  drop_caldav (self);
  g_clear_object (&self->store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_signal_emit (self, signals[DATABASE_CHANGED], 0);

  if (database != NULL)
    g_object_add_weak_pointer (G_OBJECT (database), (gpointer *)&database);
  g_clear_object (&self->database);
  if (database != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (database), (gpointer *)&database);
      g_warning ("The database is still in use after it was closed");
      g_set_error_literal (error, QUORUM_DATABASE_ERROR, QUORUM_DATABASE_ERROR_BUSY,
                           _("The database is still in use. Restart Quorum and try again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_reopen (QuorumApplication  *self,
               GError            **error)
{
  g_autofree char *path = g_strdup (self->database_path);

  open_database (self, path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_signal_emit (self, signals[DATABASE_CHANGED], 0);

  if (self->database_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->database_error));
      return FALSE;
    }
  return TRUE;
}

static void
quorum_application_activate (GApplication *app)
{
  QuorumApplication *self = QUORUM_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (quorum_window_new (self));
  gtk_window_present (window);
}

static void
quorum_application_startup (GApplication *app)
{
  QuorumApplication *self = QUORUM_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (quorum_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);
  /* GtkApplication would set it only for a gtk/help-overlay.ui resource,
   * which the windows no longer build at start-up. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  self->horizon_start_source = g_timeout_add (HORIZON_FALLBACK_MS, horizon_fallback_cb, self);
  {
    g_autofree char *path = dup_startup_database (self);

    open_database (self, path);
  }
}

static void
quorum_application_shutdown (GApplication *app)
{
  QuorumApplication *self = QUORUM_APPLICATION (app);

  G_APPLICATION_CLASS (quorum_application_parent_class)->shutdown (app);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->maintenance_source, g_source_remove);
  g_clear_handle_id (&self->horizon_check_source, g_source_remove);
  g_clear_handle_id (&self->horizon_start_source, g_source_remove);
  g_clear_pointer (&self->horizon_pending, g_date_time_unref);
  g_clear_object (&self->caldav);
  g_clear_object (&self->store);
  g_clear_object (&self->workdays);
  g_clear_object (&self->rulebook);
  g_clear_pointer (&self->rulebook_data, g_free);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_error (&self->database_error);
  g_clear_pointer (&self->database_path, g_free);
}

static void
quorum_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumApplication *self = QUORUM_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AUDIT_BROKEN_AT:
      g_value_set_int64 (value, self->audit_broken_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_application_class_init (QuorumApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = quorum_application_get_property;

  /**
   * QuorumApplication:store:
   *
   * The store over the open database; notified when
   * quorum_application_switch_database() opens another one.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * QuorumApplication:audit-broken-at:
   *
   * The first audit entry whose hash does not follow from the entries before
   * it (someone changed the file outside Quorum), or 0. Checked in the
   * background after the database is opened.
   */
  properties[PROP_AUDIT_BROKEN_AT] =
    g_param_spec_int64 ("audit-broken-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumApplication::database-changed:
   *
   * The database was closed or opened again: windows give their pages the
   * new store (or none) and show the new state.
   */
  signals[DATABASE_CHANGED] =
    g_signal_new ("database-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  app_class->activate = quorum_application_activate;
  app_class->startup = quorum_application_startup;
  app_class->shutdown = quorum_application_shutdown;

  /**
   * QuorumApplication::rulebook-changed:
   * @self: the application
   *
   * The rulebook in force was replaced (quorum_application_get_rulebook()).
   */
  signals[RULEBOOK_CHANGED] =
    g_signal_new ("rulebook-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
quorum_application_init (QuorumApplication *self)
{
}

QuorumApplication *
quorum_application_new (void)
{
  return g_object_new (QUORUM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * quorum_application_get_database:
 * @self: a #QuorumApplication
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL when it
 *   could not be opened (see quorum_application_get_database_error())
 */
QuorumDatabase *
quorum_application_get_database (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->database;
}

const GError *
quorum_application_get_database_error (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->database_error;
}

/**
 * quorum_application_get_store:
 * @self: a #QuorumApplication
 *
 * Returns: (transfer none) (nullable): the store, or %NULL when the database
 *   could not be opened
 */
QuorumStore *
quorum_application_get_store (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * quorum_application_get_workdays:
 * @self: a #QuorumApplication
 *
 * Returns: (transfer none): the holiday calendar (bundled plus the user's files)
 */
QuorumWorkdays *
quorum_application_get_workdays (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->workdays;
}

/**
 * quorum_application_get_rulebook:
 * @self: a #QuorumApplication
 *
 * Returns: (transfer none): the rulebook in force
 */
QuorumRulebook *
quorum_application_get_rulebook (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->rulebook;
}

GSettings *
quorum_application_get_settings (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * quorum_application_dup_demo_database:
 *
 * The demo office's own database, `$XDG_DATA_HOME/quorum/demo.db`: it never
 * mixes with the real one.
 *
 * Returns: (transfer full): a path
 */
char *
quorum_application_dup_demo_database (void)
{
  g_autofree char *dir = quorum_paths_dup_data_dir ();

  return g_build_filename (dir, "demo.db", NULL);
}

/**
 * quorum_application_is_demo:
 * @self: a #QuorumApplication
 *
 * Returns: %TRUE when the open database is the demo office
 */
gboolean
quorum_application_is_demo (QuorumApplication *self)
{
  g_autofree char *demo = quorum_application_dup_demo_database ();

  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), FALSE);

  return self->database != NULL &&
         g_strcmp0 (quorum_database_get_path (self->database), demo) == 0;
}

/**
 * quorum_application_switch_database:
 * @self: a #QuorumApplication
 * @path: (nullable): the database file to open, or %NULL for the default one
 * @error: return location for a #GError
 *
 * Opens another database (the demo office, or back to the real one) and
 * makes it the app's: the rulebook is read again, #QuorumApplication:store
 * is notified so that windows hand the new store to their pages, and the
 * choice is remembered for the next start. When @path cannot be opened,
 * the open database stays.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_application_switch_database (QuorumApplication  *self,
                                    const char         *path,
                                    GError            **error)
{
  g_autofree char *target = NULL;
  g_autoptr(QuorumDatabase) probe = NULL;

  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), FALSE);

  target = path != NULL ? g_strdup (path) : quorum_paths_dup_default_database ();

  /* Open it once first, so that a failure leaves the app as it was. */
  if (!(probe = quorum_database_open (target, error)))
    return FALSE;
  g_clear_object (&probe);

  open_database (self, target);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "database", path != NULL ? path : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  return self->database != NULL;
}

/**
 * quorum_application_get_caldav_controller:
 * @self: a #QuorumApplication
 *
 * Returns: (transfer none) (nullable): the CalDAV publishing and
 *   subscriptions, or %NULL without a database
 */
QuorumCaldavController *
quorum_application_get_caldav_controller (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->caldav;
}

/**
 * quorum_application_get_database_path:
 * @self: a #QuorumApplication
 *
 * Returns: (transfer none) (nullable): the database file, opened or not
 */
const char *
quorum_application_get_database_path (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);

  return self->database_path;
}

/**
 * quorum_application_get_audit_broken_at:
 * @self: a #QuorumApplication
 *
 * Returns: the #QuorumApplication:audit-broken-at entry, or 0
 */
gint64
quorum_application_get_audit_broken_at (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), 0);

  return self->audit_broken_at;
}

/**
 * quorum_application_has_background_writes:
 * @self: a #QuorumApplication
 *
 * Returns: whether a thread is writing for the application: the daily
 *   backup, or the occurrences ahead of the clock
 */
gboolean
quorum_application_has_background_writes (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), FALSE);

  return self->n_maintenance > 0;
}

/**
 * quorum_application_reopen_database:
 * @self: a #QuorumApplication
 * @error: return location for a #GError
 *
 * Closes the database and opens it again, for example after a damaged file
 * was moved aside. Windows follow through #QuorumApplication::database-changed.
 *
 * Returns: %TRUE when the database is open
 */
gboolean
quorum_application_reopen_database (QuorumApplication  *self,
                                    GError            **error)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!close_database (self, error))
    return FALSE;
  return finish_reopen (self, error);
}

/**
 * quorum_application_restore_backup:
 * @self: a #QuorumApplication
 * @backup_path: a backup written by Quorum
 * @out_moved_aside: (out) (optional) (transfer full): where the replaced
 *   database was moved
 * @error: return location for a #GError
 *
 * Closes the database, replaces it with @backup_path (see
 * quorum_backup_restore(): the old file is moved aside, never overwritten)
 * and opens it again. When the backup is refused, the old database is
 * opened again unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_application_restore_backup (QuorumApplication  *self,
                                   const char         *backup_path,
                                   char              **out_moved_aside,
                                   GError            **error)
{
  g_autoptr(GError) restore_error = NULL;

  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!close_database (self, error))
    return FALSE;

  if (!quorum_backup_restore (backup_path, self->database_path, out_moved_aside,
                              &restore_error))
    {
      finish_reopen (self, NULL);
      g_propagate_error (error, g_steal_pointer (&restore_error));
      return FALSE;
    }

  return finish_reopen (self, error);
}
