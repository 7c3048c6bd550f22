/* quorum-cli-feed.c: quorum-cli feed serve|url|rotate|publish|qr
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>

#include "quorum-cli.h"
#include "quorum-feed-server.h"
#include "quorum-feed-source.h"
#include "quorum-feed-tokens.h"
#include "quorum-qr.h"
#include "quorum-store-ics.h"
#include "quorum-token.h"

typedef struct
{
  char      *token;
  char      *label;      /* shown next to the URL */
  GBytes    *bytes;
  GDateTime *modified;
} ServedFeed;

static void
served_feed_free (ServedFeed *feed)
{
  g_free (feed->token);
  g_free (feed->label);
  g_clear_pointer (&feed->bytes, g_bytes_unref);
  g_clear_pointer (&feed->modified, g_date_time_unref);
  g_free (feed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ServedFeed, served_feed_free)

static ServedFeed *
load_file_feed (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(ServedFeed) feed = g_new0 (ServedFeed, 1);
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, error))
    return NULL;
  if (!g_utf8_validate_len (contents, len, NULL) || g_strstr_len (contents, len, "BEGIN:VCALENDAR") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not an iCalendar file in UTF-8"), path);
      return NULL;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    feed->modified = g_file_info_get_modification_date_time (info);
  if (!(feed->token = quorum_token_generate (error)))
    return NULL;
  feed->label = g_strdup (path);
  feed->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);

  return g_steal_pointer (&feed);
}

/* The content source of `feed serve --file`: each file once, under a fresh
 * token. Without --file the store's feeds are served (serve_store()). */
static GPtrArray *
collect_feeds (char    **files,
               GError  **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify)served_feed_free);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      ServedFeed *feed = load_file_feed (files[i], error);

      if (feed == NULL)
        return NULL;
      g_ptr_array_add (feeds, feed);
    }

  return g_steal_pointer (&feeds);
}

/* The server only passes tokens it has matched in constant time, so a plain
 * comparison is fine here. */
static GBytes *
provide_feed (const char  *token,
              char       **out_etag,
              GDateTime  **out_last_modified,
              gpointer     user_data)
{
  GPtrArray *feeds = user_data;

  for (guint i = 0; i < feeds->len; i++)
    {
      ServedFeed *feed = g_ptr_array_index (feeds, i);

      if (g_str_equal (feed->token, token))
        {
          if (feed->modified != NULL)
            *out_last_modified = g_date_time_ref (feed->modified);
          return g_bytes_ref (feed->bytes);
        }
    }

  return NULL;
}

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
run_until_signal (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint sigint_id, sigterm_id;

  /* A script reads the URLs from a pipe while we keep running. */
  fflush (stdout);

  sigint_id = g_unix_signal_add (SIGINT, on_quit_signal_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
}

static void
write_serving (guint n)
{
  g_autofree char *serving = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Serving %u feed. Press Ctrl+C to stop.\n",
                                                           "Serving %u feeds. Press Ctrl+C to stop.\n",
                                                           n),
                                              n);
  quorum_cli_write (serving);
}

/* The name a feed goes by: the person's, or the office's. */
static char *
dup_feed_label (QuorumStore *store,
                gint64       person_id)
{
  g_autoptr(QuorumPerson) person = NULL;

  if (person_id != 0 && (person = quorum_store_get_person (store, person_id, NULL)))
    return g_strdup (quorum_person_get_name (person));
  return g_strdup (_("Whole office"));
}

/* Serves every feed of the store that has a token, kept up to date. */
static int
serve_store (QuorumCliContext *ctx,
             const char       *bind,
             int               port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumFeedSource) source = NULL;
  g_autoptr(QuorumFeedServer) server = NULL;
  g_autoptr(GHashTable) tokens = NULL;
  GHashTableIter iter;
  gpointer token, person_id;
  guint poll_id;

  if (!(store = quorum_cli_open_store (ctx, &error)) ||
      !(tokens = quorum_store_list_feed_tokens (store, &error)))
    return quorum_cli_fail (error);

  source = quorum_feed_source_new (store);
  server = quorum_feed_server_new ();
  quorum_feed_source_attach (source, server);
  if (!quorum_feed_server_listen (server, bind, port, &error))
    return quorum_cli_fail (error);

  g_hash_table_iter_init (&iter, tokens);
  while (g_hash_table_iter_next (&iter, &token, &person_id))
    {
      g_autofree char *url = quorum_feed_server_dup_url (server, token, FALSE);
      g_autofree char *label = dup_feed_label (store, *(gint64 *)person_id);
      g_autofree char *line = g_strdup_printf ("%s\t%s\n", url, label);

      quorum_cli_write (line);
    }
  write_serving (g_hash_table_size (tokens));
  if (g_hash_table_size (tokens) == 0)
    quorum_cli_write (_("No feed has an address yet: make one with “quorum-cli feed url PERSON”.\n"));

  /* Edits made by the app or another quorum-cli reach the feeds. */
  poll_id = g_timeout_add_seconds (2, (GSourceFunc)quorum_store_poll_external_changes, store);
  run_until_signal ();
  g_source_remove (poll_id);

  quorum_feed_server_stop (server);
  return 0;
}

static int
feed_serve (QuorumCliContext  *ctx,
            int                argc,
            char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(QuorumFeedServer) server = NULL;
  g_autofree char *bind = NULL;
  g_auto(GStrv) files = NULL;
  int port = QUORUM_FEED_SERVER_DEFAULT_PORT;
  const GOptionEntry entries[] = {
    { "bind", 0, 0, G_OPTION_ARG_STRING, &bind,
      N_("Listen on this address (default 127.0.0.1; 0.0.0.0 for the whole network)"), N_("ADDRESS") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port,
      N_("Listen on this port (default 8739; 0 for any free port)"), N_("PORT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files,
      N_("Serve this .ics file under a new secret address (repeatable)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Serve calendar feeds over HTTP until interrupted: every person’s "
                                  "and the office’s feed that has an address, or the given files. "
                                  "Each feed’s address is printed on standard output."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (port < 0 || port > G_MAXUINT16)
    return quorum_cli_usage_error (context, _("The port must be between 0 and 65535"));
  if (files == NULL || files[0] == NULL)
    return serve_store (ctx, bind, port);

  if (!(feeds = collect_feeds (files, &error)))
    return quorum_cli_fail (error);

  server = quorum_feed_server_new ();
  for (guint i = 0; i < feeds->len; i++)
    quorum_feed_server_add_token (server, ((ServedFeed *)g_ptr_array_index (feeds, i))->token);
  quorum_feed_server_set_provider (server, provide_feed, g_ptr_array_ref (feeds),
                                   (GDestroyNotify)g_ptr_array_unref);

  if (!quorum_feed_server_listen (server, bind, port, &error))
    return quorum_cli_fail (error);

  for (guint i = 0; i < feeds->len; i++)
    {
      ServedFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *url = quorum_feed_server_dup_url (server, feed->token, FALSE);
      g_autofree char *line = g_strdup_printf ("%s\t%s\n", url, feed->label);

      quorum_cli_write (line);
    }
  write_serving (feeds->len);
  run_until_signal ();

  quorum_feed_server_stop (server);
  return 0;
}

/* PERSON: an id, an exact name, or “office” for the whole office. */
static gboolean
find_feed_owner (QuorumStore  *store,
                 const char   *arg,
                 gint64       *out_id,
                 GError      **error)
{
  if (g_str_equal (arg, "office"))
    {
      *out_id = 0;
      return TRUE;
    }
  *out_id = quorum_cli_find_person (store, arg, error);
  return *out_id != 0;
}

/* The host in URLs for an address the server would listen on. */
static char *
dup_url_host (const char *bind)
{
  g_auto(GStrv) addresses = NULL;

  if (bind == NULL)
    return g_strdup (QUORUM_FEED_SERVER_DEFAULT_ADDRESS);
  if (!g_str_equal (bind, "0.0.0.0"))
    return g_strdup (bind);
  addresses = quorum_feed_list_local_addresses ();
  return g_strdup (addresses[1] != NULL ? addresses[1] : addresses[0]);
}

static int
feed_token_command (QuorumCliContext  *ctx,
                    int                argc,
                    char             **argv,
                    gboolean           rotate)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON"));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *bind = NULL;
  g_autofree char *host = NULL;
  g_autofree char *token = NULL;
  g_autofree char *url = NULL;
  gboolean webcal = FALSE;
  int port = QUORUM_FEED_SERVER_DEFAULT_PORT;
  gint64 person_id = 0;
  const GOptionEntry entries[] = {
    { "webcal", 0, 0, G_OPTION_ARG_NONE, &webcal,
      N_("Print the webcal:// address that calendar apps subscribe to"), NULL },
    { "bind", 0, 0, G_OPTION_ARG_STRING, &bind,
      N_("The address the server listens on (default 127.0.0.1)"), N_("ADDRESS") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("The port the server listens on (default 8739)"),
      N_("PORT") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                rotate ? _("Give PERSON’s feed a new secret address and print it. "
                                           "The old address stops working. PERSON is an id, a "
                                           "name, or “office” for the whole office.")
                                       : _("Print the secret address of PERSON’s feed, making one "
                                           "if needed. PERSON is an id, a name, or “office” for "
                                           "the whole office."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc < 2)
    return quorum_cli_usage_error (context, _("No person given"));
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (port < 1 || port > G_MAXUINT16)
    return quorum_cli_usage_error (context, _("The port must be between 1 and 65535"));

  if (!(store = quorum_cli_open_store (ctx, &error)) ||
      !find_feed_owner (store, argv[1], &person_id, &error))
    return quorum_cli_fail (error);

  token = rotate ? quorum_feed_token_rotate (store, person_id, &error)
                 : quorum_feed_token_dup (store, person_id, TRUE, &error);
  if (token == NULL)
    return quorum_cli_fail (error);

  host = dup_url_host (bind);
  url = quorum_feed_format_url (host, port, token, webcal);
  quorum_cli_write (url);
  quorum_cli_write ("\n");
  return 0;
}

static int
feed_publish (QuorumCliContext  *ctx,
              int                argc,
              char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FOLDER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumFeedSource) source = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *line = NULL;
  guint n = 0;

  g_option_context_set_summary (context,
                                _("Write every person’s feed and the office’s into FOLDER as "
                                  "TOKEN.ics, each replaced atomically, for a web server to "
                                  "publish. Feeds without an address get one."));
  g_option_context_add_main_entries (context, (const GOptionEntry[]) { { NULL } }, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc < 2)
    return quorum_cli_usage_error (context, _("No folder given"));
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  if (!(store = quorum_cli_open_store (ctx, &error)) ||
      !(list = quorum_store_list_people (store, FALSE, &error)))
    return quorum_cli_fail (error);

  for (guint i = 0; i <= g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumPerson) person = i < g_list_model_get_n_items (list)
                                       ? g_list_model_get_item (list, i) : NULL;
      g_autofree char *token = quorum_feed_token_dup (store,
                                                      person != NULL ? quorum_person_get_id (person) : 0,
                                                      TRUE, &error);
      if (token == NULL)
        return quorum_cli_fail (error);
    }

  source = quorum_feed_source_new (store);
  if (!quorum_feed_source_publish (source, argv[1], &n, &error))
    return quorum_cli_fail (error);

  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Published %u feed to %s.\n",
                                       "Published %u feeds to %s.\n", n),
                          n, argv[1]);
  quorum_cli_write (line);
  return 0;
}

static int
feed_qr (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("TEXT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumQrCode) code = NULL;
  g_autofree char *out = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *line = NULL;
  int module_px = 8;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the SVG image to this file"), N_("FILE") },
    { "module-size", 0, 0, G_OPTION_ARG_INT, &module_px,
      N_("Pixels per module (default 8)"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write TEXT, such as a feed address, as a QR code in SVG."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc < 2)
    return quorum_cli_usage_error (context, _("No text given"));
  if (argc > 2)
    return quorum_cli_usage_error (context, _("Too many arguments"));
  if (out == NULL)
    return quorum_cli_usage_error (context, _("No output file: give --out FILE.svg"));
  if (module_px < 1 || module_px > 100)
    return quorum_cli_usage_error (context, _("The module size must be between 1 and 100"));

  if (!(code = quorum_qr_code_new (argv[1], &error)))
    return quorum_cli_fail (error);

  svg = quorum_qr_code_to_svg (code, module_px, 4);
  if (!g_file_set_contents (out, svg, -1, &error))
    return quorum_cli_fail (error);

  line = g_strdup_printf (_("Wrote %s (%u × %u modules).\n"), out,
                          quorum_qr_code_get_size (code), quorum_qr_code_get_size (code));
  quorum_cli_write (line);
  return 0;
}

int
quorum_cli_command_feed (QuorumCliContext  *ctx,
                         int                argc,
                         char             **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "serve"))
    return feed_serve (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "url"))
    return feed_token_command (ctx, argc - 1, argv + 1, FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "rotate"))
    return feed_token_command (ctx, argc - 1, argv + 1, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "publish"))
    return feed_publish (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "qr"))
    return feed_qr (argc - 1, argv + 1);

  return quorum_cli_usage_error (NULL, _("Usage: quorum-cli feed serve|url|rotate|publish|qr [OPTION…]"));
}
