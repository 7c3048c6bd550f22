/* quorum-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first run: a database with no people, no series and no rulebook.
 * "Set Up My Office" stores the bundled rulebook and goes to People (empty,
 * offering import or adding by hand); "Explore the Demo Office" builds the
 * demo office in a database of its own, in a thread with a progress bar,
 * and switches the app to it.
 */

#define G_LOG_DOMAIN "quorum-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-application.h"
#include "quorum-demo.h"
#include "quorum-rulebook.h"
#include "quorum-welcome-page.h"

struct _QuorumWelcomePage
{
  AdwBin          parent_instance;

  GCancellable   *cancellable;

  AdwStatusPage  *status_page;
  GtkButton      *demo_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (QuorumWelcomePage, quorum_welcome_page, ADW_TYPE_BIN)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static QuorumApplication *
get_application (QuorumWelcomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return QUORUM_IS_APPLICATION (app) ? QUORUM_APPLICATION (app) : NULL;
}

static void
show_error (QuorumWelcomePage *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumWelcomePage *self = QUORUM_WELCOME_PAGE (widget);
  QuorumApplication *app = get_application (self);
  QuorumStore *store = app != NULL ? quorum_application_get_store (app) : NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  stored = quorum_store_dup_rulebook_id (store);
  if (stored == NULL)
    {
      g_autofree char *data = quorum_rulebook_dup_default_data (&error);

      if (data == NULL || !quorum_store_set_rulebook_data (store, data, &error))
        {
          show_error (self, error->message);
          return;
        }
    }

  g_signal_emit (self, signals[FINISHED], 0);
  gtk_widget_activate_action (widget, "win.show-page", "s", "people");
}

/* Building the demo office ------------------------------------------------- */

typedef struct
{
  GWeakRef  page;
  double    fraction;
  char     *message;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_weak_ref_clear (&progress->page);
  g_free (progress->message);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(QuorumWelcomePage) self = g_weak_ref_get (&progress->page);

  if (self != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
      gtk_progress_bar_set_text (self->progress_bar, progress->message);
    }
  return G_SOURCE_REMOVE;
}

/* Runs in the worker thread: hands the numbers to the main loop. */
static void
demo_progress_cb (double      fraction,
                  const char *message,
                  gpointer    user_data)
{
  GTask *task = user_data;
  Progress *progress = g_new0 (Progress, 1);

  g_weak_ref_init (&progress->page, g_task_get_source_object (task));
  progress->fraction = fraction;
  progress->message = g_strdup (message);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              show_progress_cb, progress, progress_free);
}

static void
build_demo_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  QuorumDemoOptions options = { 0 };

  /* Its own connection: the app's store belongs to the main thread. */
  if (!(store = quorum_store_open (path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Built on an earlier visit: go straight in. */
  if (!(people = quorum_store_list_people (store, TRUE, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_list_model_get_n_items (people) > 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!quorum_demo_generate (store, &options, demo_progress_cb, task, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_demo_built_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  QuorumWelcomePage *self = QUORUM_WELCOME_PAGE (source);
  QuorumApplication *app = get_application (self);
  g_autofree char *path = quorum_application_dup_demo_database ();
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.demo", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.setup", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  if (app != NULL && !quorum_application_switch_database (app, path, &error))
    show_error (self, error->message);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumWelcomePage *self = QUORUM_WELCOME_PAGE (widget);
  g_autoptr(GTask) task = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Building the demo office…"));
  gtk_widget_action_set_enabled (widget, "welcome.demo", FALSE);
  gtk_widget_action_set_enabled (widget, "welcome.setup", FALSE);

  task = g_task_new (self, self->cancellable, on_demo_built_cb, NULL);
  g_task_set_source_tag (task, demo_action);
  g_task_set_task_data (task, quorum_application_dup_demo_database (), g_free);
  g_task_run_in_thread (task, build_demo_worker);
}

static void
quorum_welcome_page_dispose (GObject *object)
{
  QuorumWelcomePage *self = QUORUM_WELCOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_WELCOME_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (quorum_welcome_page_parent_class)->dispose (object);
}

static void
quorum_welcome_page_class_init (QuorumWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_welcome_page_dispose;

  /**
   * QuorumWelcomePage::finished:
   *
   * Emitted when the office is set up, so that the window shows its pages.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/quorum-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumWelcomePage, error_label);

  gtk_widget_class_install_action (widget_class, "welcome.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "welcome.demo", NULL, demo_action);
}

static void
quorum_welcome_page_init (QuorumWelcomePage *self)
{
  GtkIconTheme *theme;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The development build has its own icon; an uninstalled one has none. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  adw_status_page_set_icon_name (self->status_page,
                                 gtk_icon_theme_has_icon (theme, APP_ID)
                                 ? APP_ID : "x-office-calendar-symbolic");
}

/**
 * quorum_welcome_page_is_needed:
 * @store: (nullable): the app's store
 *
 * Returns: %TRUE for a database nobody has started with: no people, no
 *   series and no rulebook stored yet
 */
gboolean
quorum_welcome_page_is_needed (QuorumStore *store)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) series = NULL;
  g_autofree char *rulebook = NULL;

  if (store == NULL)
    return FALSE;

  /* Asked before the first frame: each list only when the one before was
   * empty (reading every series of a big office took 5 M instructions). */
  rulebook = quorum_store_dup_rulebook_id (store);
  if (rulebook != NULL)
    return FALSE;
  people = quorum_store_list_people (store, TRUE, NULL);
  if (people == NULL || g_list_model_get_n_items (people) > 0)
    return FALSE;
  series = quorum_store_list_series (store, NULL);
  return series != NULL && g_list_model_get_n_items (series) == 0;
}
