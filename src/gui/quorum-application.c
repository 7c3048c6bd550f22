/* quorum-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-application.h"
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
  QuorumCaldavController *caldav;
  GError         *database_error;
  guint           poll_source;
};

/* How often to look for writes by other programs (quorum-cli, another
 * instance): a PRAGMA read, so cheap. */
#define EXTERNAL_POLL_SECONDS 2

G_DEFINE_FINAL_TYPE (QuorumApplication, quorum_application, ADW_TYPE_APPLICATION)

enum {
  RULEBOOK_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STORE,
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

  if (self->store != NULL && (data = quorum_store_dup_rulebook_data (self->store)) != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), strlen (data));

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

/* A rulebook loaded into the database (here or by quorum-cli) takes force at once. */
static void
on_store_changed_cb (QuorumApplication *self,
                     const char        *entity,
                     gint64             id,
                     QuorumStore       *store)
{
  if (g_strcmp0 (entity, "rulebook") != 0 && g_strcmp0 (entity, "external") != 0)
    return;
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

static void
open_database (QuorumApplication *self,
               const char        *path)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->caldav);
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
  self->caldav = quorum_caldav_controller_new (self->store, self->settings);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load_rulebook (self);

  quorum_store_poll_external_changes (self->store);
  if (self->poll_source == 0)
    self->poll_source = g_timeout_add_seconds (EXTERNAL_POLL_SECONDS,
                                               poll_external_changes_cb, self);
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

  G_APPLICATION_CLASS (quorum_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);

  self->settings = g_settings_new (APP_ID);
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
  g_clear_object (&self->caldav);
  g_clear_object (&self->store);
  g_clear_object (&self->workdays);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_error (&self->database_error);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
