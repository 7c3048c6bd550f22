/* test-cli-feed.c: quorum-cli feed serve|url|rotate|publish|qr, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>

#define FEED "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum//CLI test//EN\r\nEND:VCALENDAR\r\n"

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static GSubprocess *
spawn_cli (GSubprocessFlags    flags,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer)g_getenv ("QUORUM_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata, flags, &error);
  g_assert_no_error (error);
  return process;
}

/* Runs to the end; returns the exit status, stdout and stderr. */
static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GSubprocess) process = spawn_cli (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                              | G_SUBPROCESS_FLAGS_STDERR_PIPE, args);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* GET over a plain socket; the server closes after the response. */
static char *
http_get (const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autofree char *request = NULL;
  g_autoptr(GByteArray) all = g_byte_array_new ();
  GInputStream *in;
  char buf[4096];
  gssize n;

  g_assert_no_error (error);
  g_socket_client_set_timeout (client, 30);
  /* Loopback: no proxy lookup, which would need GNOME's proxy settings schema. */
  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n",
                             g_uri_get_path (uri), g_uri_get_host (uri));
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);

  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
    g_byte_array_append (all, (guint8 *)buf, n);
  g_byte_array_append (all, (guint8 *)"", 1);

  return g_strdup ((const char *)all->data);
}

static void
test_cli_feed_serve (void)
{
  g_autofree char *ics = write_temp ("office.ics", FEED);
  const char *args[] = { "feed", "serve", "--port", "0", "--file", ics, NULL };
  g_autoptr(GSubprocess) process = spawn_cli (G_SUBPROCESS_FLAGS_STDOUT_PIPE, args);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *response = NULL;
  g_auto(GStrv) fields = NULL;

  /* First line: URL, tab, file. */
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  fields = g_strsplit (line, "\t", 2);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpstr (fields[1], ==, ics);
  g_assert_true (g_str_has_prefix (fields[0], "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (fields[0], ".ics"));
  g_assert_null (strstr (fields[0], ":0/"));

  response = http_get (fields[0]);
  g_assert_true (g_str_has_prefix (response, "HTTP/1.1 200 OK\r\n"));
  g_assert_nonnull (strstr (response, "Content-Type: text/calendar; charset=utf-8\r\n"));
  g_assert_true (g_str_has_suffix (response, "\r\n\r\n" FEED));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_cli_feed_serve_errors (void)
{
  g_autofree char *ics = write_temp ("errors.ics", FEED);
  g_autofree char *not_ics = write_temp ("not.ics", "hello");
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.ics", NULL);
  const struct
  {
    const char *args[10];
    int         status;
    const char *in_stderr;
  } cases[] = {
    { { "feed", NULL }, 2, "serve" },
    { { "feed", "bake", NULL }, 2, "serve" },
    { { "feed", "serve", "--bind", "nowhere", "--port", "0", NULL }, 1, NULL },
    { { "feed", "url", NULL }, 2, NULL },
    { { "feed", "url", "nobody", NULL }, 1, NULL },
    { { "feed", "rotate", "1", "--port", "0", NULL }, 2, "65535" },
    { { "feed", "publish", NULL }, 2, NULL },
    { { "feed", "serve", "--port", "70000", "--file", ics, NULL }, 2, "65535" },
    { { "feed", "serve", "--file", ics, "extra", NULL }, 2, NULL },
    { { "feed", "serve", "--port", "0", "--file", missing, NULL }, 1, "missing.ics" },
    { { "feed", "serve", "--port", "0", "--file", not_ics, NULL }, 1, "not.ics" },
    { { "feed", "serve", "--bind", "203.0.113.254", "--port", "0", "--file", ics, NULL }, 1, "203.0.113.254" },
    { { "feed", "serve", "--bind", "nowhere", "--port", "0", "--file", ics, NULL }, 1, "nowhere" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = run_cli (cases[i].args, &out, &err);

      g_test_message ("case %u: %s", i, err);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      if (cases[i].in_stderr != NULL)
        g_assert_nonnull (strstr (err, cases[i].in_stderr));
    }
}

static void
test_cli_feed_qr (void)
{
  g_autofree char *svg_path = g_build_filename (g_get_user_data_dir (), "code.svg", NULL);
  const char *args[] = { "feed", "qr", "webcal://192.168.1.20:8739/feeds/x.ics", "--out", svg_path, NULL };
  const char *no_out[] = { "feed", "qr", "text", NULL };
  const char *no_text[] = { "feed", "qr", "--out", svg_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, svg_path));
  g_file_get_contents (svg_path, &svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "<path"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (no_out, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (no_text, &out, &err), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("QUORUM_CLI") == NULL)
    {
      g_test_skip ("QUORUM_CLI is not set");
      return 77;
    }

  g_test_add_func ("/cli/feed/serve", test_cli_feed_serve);
  g_test_add_func ("/cli/feed/serve-errors", test_cli_feed_serve_errors);
  g_test_add_func ("/cli/feed/qr", test_cli_feed_qr);

  return g_test_run ();
}
