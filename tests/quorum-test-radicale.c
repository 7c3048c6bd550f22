/* quorum-test-radicale.c: a real Radicale for the CalDAV tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each server test starts its own Radicale on 127.0.0.1 with a free port, an
 * htpasswd file and storage in the test's temporary folder, and always stops
 * it: in the teardown, and from an atexit/signal guard when an assertion
 * aborts. Without Radicale those tests are skipped. Nothing but 127.0.0.1 is
 * ever contacted.
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "quorum-test-radicale.h"

#define MAX_GUARDED 8
static volatile pid_t guarded[MAX_GUARDED];

static void
kill_guarded (void)
{
  for (guint i = 0; i < MAX_GUARDED; i++)
    {
      if (guarded[i] > 0)
        kill (guarded[i], SIGKILL);
      guarded[i] = 0;
    }
}

static void
on_fatal_signal (int sig)
{
  kill_guarded ();
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
guard_pid (pid_t pid,
           gboolean add)
{
  for (guint i = 0; i < MAX_GUARDED; i++)
    {
      if (add && guarded[i] == 0)
        {
          guarded[i] = pid;
          return;
        }
      if (!add && guarded[i] == pid)
        {
          guarded[i] = 0;
          return;
        }
    }
}

/* Also dies with us if we are killed outright (SIGKILL leaves no handler). */
static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A port nobody listens on right now. */
guint
quorum_test_radicale_find_free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static gboolean
port_answers (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_timeout (client, 1);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
on_radicale_exited_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  QuorumTestRadicale *fixture = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  fixture->exited = TRUE;
}

static void
write_htpasswd (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *htpasswd = g_find_program_in_path ("htpasswd");

  if (htpasswd != NULL)
    {
      /* -p: plain text; Debian 12's Radicale has no bcrypt module. */
      const char *argv[] = { htpasswd, "-c", "-b", "-p", path, QUORUM_TEST_RADICALE_USER,
                           QUORUM_TEST_RADICALE_PASSWORD, NULL };
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_file_set_contents (path, QUORUM_TEST_RADICALE_USER ":" QUORUM_TEST_RADICALE_PASSWORD "\n",
                           -1, &error);
      g_assert_no_error (error);
    }
}

void
quorum_test_radicale_setup (QuorumTestRadicale *fixture,
                gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *radicale = g_find_program_in_path ("radicale");
  g_autofree char *users = NULL;
  g_autofree char *storage = NULL;
  g_autofree char *log = NULL;
  g_autofree char *hosts = NULL;
  gint64 deadline;

  if (radicale == NULL)
    {
      g_test_skip ("Radicale is not installed (apt-get install radicale): "
                   "the CalDAV tests need a real server");
      return;
    }

  fixture->dir = g_build_filename (g_get_user_cache_dir (), "radicale", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  users = g_build_filename (fixture->dir, "users", NULL);
  storage = g_build_filename (fixture->dir, "collections", NULL);
  log = g_build_filename (fixture->dir, "radicale.log", NULL);
  write_htpasswd (users);

  fixture->port = quorum_test_radicale_find_free_port ();
  hosts = g_strdup_printf ("127.0.0.1:%u", fixture->port);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_take_stderr_fd (launcher, -1);
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDERR_MERGE);
  fixture->process = g_subprocess_launcher_spawn (launcher, &error,
                                                  radicale, "--config", "",
                                                  "--server-hosts", hosts,
                                                  "--auth-type", "htpasswd",
                                                  "--auth-htpasswd-filename", users,
                                                  "--auth-htpasswd-encryption", "plain",
                                                  "--auth-delay", "0",
                                                  "--rights-type", "owner_only",
                                                  "--storage-filesystem-folder", storage,
                                                  "--logging-level", "warning",
                                                  NULL);
  g_assert_no_error (error);
  guard_pid (atoi (g_subprocess_get_identifier (fixture->process)), TRUE);
  g_subprocess_wait_async (fixture->process, NULL, on_radicale_exited_cb, fixture);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!port_answers (fixture->port))
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (fixture->exited || g_get_monotonic_time () > deadline)
        {
          g_autofree char *output = NULL;

          g_file_get_contents (log, &output, NULL, NULL);
          g_error ("Radicale did not start on port %u: %s", fixture->port,
                   output != NULL ? output : "(no output)");
        }
      g_usleep (50 * 1000);
    }

  fixture->url = g_strdup_printf ("http://127.0.0.1:%u/", fixture->port);
  fixture->client = quorum_caldav_client_new (fixture->url, QUORUM_TEST_RADICALE_USER,
                                              QUORUM_TEST_RADICALE_PASSWORD);
}

void
quorum_test_radicale_teardown (QuorumTestRadicale *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  if (fixture->process != NULL)
    {
      const char *identifier = g_subprocess_get_identifier (fixture->process);

      if (identifier != NULL)
        guard_pid (atoi (identifier), FALSE);
      g_subprocess_force_exit (fixture->process);
      /* The wait callback points at this fixture: let it run now. */
      while (!fixture->exited)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&fixture->process);
    }
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->url, g_free);
}

/* Kills every Radicale still running when the test process ends, however it
 * ends. Call once from main(), after g_test_init(). */
void
quorum_test_radicale_install_guards (void)
{
  /* No proxy between us and 127.0.0.1; the system's proxy settings live in
   * a GSettings schema the isolated test folders hide anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  atexit (kill_guarded);
  signal (SIGABRT, on_fatal_signal);
  signal (SIGSEGV, on_fatal_signal);
  signal (SIGTERM, on_fatal_signal);
  signal (SIGINT, on_fatal_signal);
  signal (SIGTRAP, on_fatal_signal);
}
