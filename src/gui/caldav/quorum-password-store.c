/* quorum-password-store.c: CalDAV passwords in the GNOME keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords go to the Secret Service (the GNOME keyring) under the schema
 * io.github.quorumapp.Quorum.CalDAV, with the server URL and the user name
 * as attributes; never to GSettings or the database. The calls run in a
 * thread (libsecret's sync API there), so the backend can be swapped for an
 * in-memory one where no keyring daemon runs, as in the tests.
 */

#define G_LOG_DOMAIN "quorum-password-store"

#include "config.h"

#include <libsecret/secret.h>

#include "quorum-password-store.h"

static const SecretSchema *
caldav_schema (void)
{
  static const SecretSchema schema = {
    "io.github.quorumapp.Quorum.CalDAV", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static char *
secret_lookup (const char    *url,
               const char    *user,
               GCancellable  *cancellable,
               GError       **error)
{
  char *password = secret_password_lookup_sync (caldav_schema (), cancellable, error,
                                                "url", url, "user", user, NULL);
  char *copy = g_strdup (password);

  secret_password_free (password);
  return copy;
}

static gboolean
secret_store (const char    *url,
              const char    *user,
              const char    *password,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *label = NULL;

  if (password == NULL || *password == '\0')
    {
      g_autoptr(GError) local_error = NULL;

      secret_password_clear_sync (caldav_schema (), cancellable, &local_error,
                                  "url", url, "user", user, NULL);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  /* The keyring's own label, shown in Passwords and Keys. */
  label = g_strdup_printf ("Quorum CalDAV: %s@%s", user, url);
  return secret_password_store_sync (caldav_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     password, cancellable, error,
                                     "url", url, "user", user, NULL);
}

static const QuorumPasswordBackend secret_backend = { secret_lookup, secret_store };
static const QuorumPasswordBackend *backend = &secret_backend;

/* The in-memory backend: for tests, and lost when the process ends. */
static GHashTable *memory;
G_LOCK_DEFINE_STATIC (memory);

static char *
memory_key (const char *url,
            const char *user)
{
  return g_strconcat (url, "\n", user != NULL ? user : "", NULL);
}

static char *
memory_lookup (const char    *url,
               const char    *user,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *key = memory_key (url, user);
  char *password;

  G_LOCK (memory);
  password = g_strdup (memory != NULL ? g_hash_table_lookup (memory, key) : NULL);
  G_UNLOCK (memory);
  return password;
}

static gboolean
memory_store (const char    *url,
              const char    *user,
              const char    *password,
              GCancellable  *cancellable,
              GError       **error)
{
  G_LOCK (memory);
  if (memory == NULL)
    memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password == NULL || *password == '\0')
    g_hash_table_remove (memory, memory_key (url, user));
  else
    g_hash_table_insert (memory, memory_key (url, user), g_strdup (password));
  G_UNLOCK (memory);
  return TRUE;
}

static const QuorumPasswordBackend memory_backend = { memory_lookup, memory_store };

/**
 * quorum_password_store_set_backend:
 * @backend: (nullable): where passwords go; %NULL for the GNOME keyring
 */
void
quorum_password_store_set_backend (const QuorumPasswordBackend *new_backend)
{
  backend = new_backend != NULL ? new_backend : &secret_backend;
}

/* Keeps passwords in memory only: for tests, where no keyring runs. */
void
quorum_password_store_use_memory (void)
{
  quorum_password_store_set_backend (&memory_backend);
}

/**
 * quorum_password_store_lookup:
 * @url: the server's address
 * @user: (nullable): the user name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks the password up, blocking: only for worker threads.
 *
 * Returns: (transfer full) (nullable): the password; %NULL with no @error
 *   when none is kept
 */
char *
quorum_password_store_lookup (const char    *url,
                              const char    *user,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return backend->lookup (url, user != NULL ? user : "", cancellable, error);
}

typedef struct
{
  const QuorumPasswordBackend *backend;
  char                        *url;
  char                        *user;
  char                        *password;
} Request;

static void
request_free (Request *request)
{
  g_free (request->url);
  g_free (request->user);
  g_free (request->password);
  g_free (request);
}

static GTask *
new_task (const char          *url,
          const char          *user,
          const char          *password,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->backend = backend;
  request->url = g_strdup (url);
  request->user = g_strdup (user != NULL ? user : "");
  request->password = g_strdup (password);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  return task;
}

static void
lookup_worker (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  char *password = request->backend->lookup (request->url, request->user, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, g_free);
}

/**
 * quorum_password_store_lookup_async:
 * @url: the server's address
 * @user: the user name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Looks the password up in the keyring, in a thread.
 */
void
quorum_password_store_lookup_async (const char          *url,
                                    const char          *user,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (url, user, NULL, cancellable, callback, user_data,
                                    quorum_password_store_lookup_async);

  g_task_run_in_thread (task, lookup_worker);
}

/**
 * quorum_password_store_lookup_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the password; %NULL with no @error
 *   when none is kept
 */
char *
quorum_password_store_lookup_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_worker (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (request->backend->store (request->url, request->user, request->password, cancellable,
                               &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * quorum_password_store_save_async:
 * @url: the server's address
 * @user: the user name
 * @password: (nullable): the password; %NULL or "" removes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 */
void
quorum_password_store_save_async (const char          *url,
                                  const char          *user,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (url, user, password, cancellable, callback, user_data,
                                    quorum_password_store_save_async);

  g_task_run_in_thread (task, save_worker);
}

gboolean
quorum_password_store_save_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
