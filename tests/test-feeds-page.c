/* test-feeds-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Feeds page over a real store: lazy addresses and their QR codes, the
 * feed server fetched over HTTP, rotating and revoking, imports through the
 * page (good and broken files), publishing and exporting.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "quorum-caldav-controller.h"
#include "quorum-caldav-status-group.h"
#include "quorum-export-dialog.h"
#include "quorum-feed-tokens.h"
#include "quorum-feeds-page.h"
#include "quorum-qr-widget.h"
#include "quorum-store-ics.h"
#include "quorum-test-utils.h"
#include "quorum-window.h"

#define SERIES_TITLE "全市安全生产例会"

typedef struct
{
  char            *dir;
  QuorumStore     *store;
  GSettings       *settings;
  GtkWidget       *window;
  QuorumFeedsPage *page;
  SoupSession     *session;
  gint64           people[3];
} Fixture;

static gint64
add_person (QuorumStore *store,
            const char  *name,
            const char  *title,
            int          rank)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, title, rank);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (store, person, &error);

  g_assert_no_error (error);
  return id;
}

static guint
count_series (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) series = quorum_store_list_series (f->store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (series);
}

static gboolean
has_four_rows (gpointer data)
{
  return quorum_feeds_page_get_n_rows (data) == 4;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 1, 10, 12, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 1, 5, 9, 0, 0);
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("quorum-feeds-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "quorum.db", NULL);
  db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (db);
  quorum_store_set_now (f->store, now);

  /* Added out of rank order: the page lists them by rank. */
  f->people[1] = add_person (f->store, "李四", "副市长", 2);
  f->people[0] = add_person (f->store, "张三", "市长", 1);
  f->people[2] = add_person (f->store, "王五", "秘书长", 3);

  series = quorum_series_new (SERIES_TITLE, start);
  quorum_series_set_rrule (series, "FREQ=WEEKLY");
  for (guint i = 0; i < G_N_ELEMENTS (f->people); i++)
    quorum_series_add_participant_person (series, f->people[i]);
  quorum_store_add_series (f->store, series, &error);
  g_assert_no_error (error);

  /* Any free port on loopback, whatever an earlier test left. */
  f->settings = g_settings_new (APP_ID);
  g_settings_set_boolean (f->settings, "feed-server-enabled", FALSE);
  g_settings_set_string (f->settings, "feed-bind-address", "127.0.0.1");
  g_settings_set_int (f->settings, "feed-port", 0);
  g_settings_set_boolean (f->settings, "feed-publish-auto", FALSE);
  g_settings_set_string (f->settings, "feed-publish-folder", "");

  f->page = QUORUM_FEEDS_PAGE (quorum_feeds_page_new ());
  quorum_feeds_page_set_store (f->page, f->store);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  /* The office's row at once, the people's in the next frames. */
  g_assert_true (quorum_test_wait_for (has_four_rows, f->page, 5000));

  f->session = soup_session_new ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
close_message_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_message_dialogs ();
  g_clear_object (&f->session);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* Let an import's worker and its callbacks finish before the store goes. */
  quorum_test_spin (50);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static guint
count_tokens (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) tokens = quorum_store_list_feed_tokens (f->store, &error);

  g_assert_no_error (error);
  return g_hash_table_size (tokens);
}

static gboolean
has_five_rows (gpointer data)
{
  return quorum_feeds_page_get_n_rows (data) == 5;
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  static const char *names[] = { "张三", "李四", "王五" };
  g_autoptr(GtkWidget) empty = g_object_ref_sink (quorum_feeds_page_new ());
  GtkStack *stack;

  g_assert_cmpuint (quorum_feeds_page_get_n_rows (f->page), ==, 4);
  g_assert_cmpstr (quorum_feed_row_get_name (quorum_feeds_page_get_row (f->page, 0)), ==,
                   "Whole office");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      QuorumFeedRow *row = quorum_feeds_page_get_row (f->page, f->people[i]);
      QuorumFeedRow *previous;

      g_assert_nonnull (row);
      g_assert_cmpstr (quorum_feed_row_get_name (row), ==, names[i]);
      /* Rank order: the office, then 张三 (1), 李四 (2), 王五 (3). */
      previous = quorum_feeds_page_get_row (f->page, i == 0 ? 0 : f->people[i - 1]);
      g_assert_true (gtk_widget_get_next_sibling (GTK_WIDGET (previous)) == GTK_WIDGET (row));
      g_assert_null (quorum_feed_row_get_token (row));
      g_assert_null (quorum_feed_row_get_url (row, TRUE));
    }

  /* Opening the page makes no address. */
  g_assert_cmpuint (count_tokens (f), ==, 0);
  g_assert_false (quorum_feeds_page_is_serving (f->page));

  /* A person added later gets a row. */
  add_person (f->store, "赵六", "副秘书长", 4);
  g_assert_true (quorum_test_wait_for (has_five_rows, f->page, 2000));
  g_assert_cmpuint (quorum_feeds_page_get_n_rows (f->page), ==, 5);

  /* Without a store the page says so instead of listing nothing. */
  stack = GTK_STACK (quorum_test_find_widget (empty, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (quorum_feeds_page_get_n_rows (QUORUM_FEEDS_PAGE (empty)), ==, 0);
}

static void
assert_qr_encodes (QuorumQrWidget *widget,
                   const char     *text)
{
  g_autoptr(QuorumQrCode) expected = quorum_qr_code_new (text, NULL);
  QuorumQrCode *shown = quorum_qr_widget_get_code (widget);
  guint size;
  int natural = 0;

  g_assert_cmpstr (quorum_qr_widget_get_text (widget), ==, text);
  g_assert_nonnull (shown);
  size = quorum_qr_code_get_size (expected);
  g_assert_cmpuint (quorum_qr_code_get_size (shown), ==, size);
  for (guint y = 0; y < size; y++)
    for (guint x = 0; x < size; x++)
      g_assert_cmpint (quorum_qr_code_get_module (shown, x, y), ==,
                       quorum_qr_code_get_module (expected, x, y));

  /* Whole pixels per module, with the quiet zone on both sides. */
  gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                      NULL, NULL);
  g_assert_cmpint (natural % (size + 2 * QUORUM_QR_QUIET_ZONE), ==, 0);
}

static void
test_show_address (Fixture       *f,
                   gconstpointer  data)
{
  QuorumFeedRow *row = quorum_feeds_page_get_row (f->page, f->people[1]);
  g_autofree char *token = NULL;
  const char *url;

  /* Opening the row is asking for the address. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  token = quorum_feed_token_dup (f->store, f->people[1], FALSE, NULL);
  g_assert_nonnull (token);
  g_assert_cmpuint (count_tokens (f), ==, 1);
  g_assert_cmpstr (quorum_feed_row_get_token (row), ==, token);

  url = quorum_feed_row_get_url (row, TRUE);
  g_assert_true (g_str_has_prefix (url, "webcal://127.0.0.1:"));
  g_assert_nonnull (strstr (url, token));
  g_assert_true (g_str_has_prefix (quorum_feed_row_get_url (row, FALSE), "http://127.0.0.1:"));
  assert_qr_encodes (quorum_feed_row_get_qr_widget (row), url);

  /* Copy makes the office's address too, and puts it on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.copy", "(xb)",
                                             (gint64)0, TRUE));
  g_assert_cmpuint (count_tokens (f), ==, 2);
  g_assert_nonnull (quorum_feed_row_get_url (quorum_feeds_page_get_row (f->page, 0), TRUE));
}

typedef struct
{
  guint   status;
  char   *content_type;
  char   *body;
} Reply;

static void
reply_free (Reply *reply)
{
  g_free (reply->content_type);
  g_free (reply->body);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

/* A GET on this thread, spinning the main loop the server runs on. */
static Reply *
get (Fixture    *f,
     const char *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  Reply *reply = g_new0 (Reply, 1);

  g_assert_nonnull (msg);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);

  reply->status = soup_message_get_status (msg);
  reply->content_type = g_strdup (soup_message_headers_get_content_type (
                                    soup_message_get_response_headers (msg), NULL));
  reply->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  return reply;
}

static void
start_server (Fixture *f)
{
  GtkSwitch *sw = GTK_SWITCH (quorum_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SWITCH));

  /* The first switch is the server's. */
  gtk_switch_set_active (sw, TRUE);
  g_assert_true (g_settings_get_boolean (f->settings, "feed-server-enabled"));
  g_assert_true (quorum_feeds_page_is_serving (f->page));
}

static void
test_serve (Fixture       *f,
            gconstpointer  data)
{
  QuorumFeedRow *row = quorum_feeds_page_get_row (f->page, f->people[0]);
  g_autoptr(Reply) reply = NULL;
  g_autoptr(Reply) wrong = NULL;
  g_autofree char *wrong_url = NULL;
  const char *url;

  start_server (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.show-address", "x",
                                             f->people[0]));
  url = quorum_feed_row_get_url (row, FALSE);
  /* The address shows the port the server really got, not 0. */
  g_assert_null (strstr (url, ":0/"));

  reply = get (f, url);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (reply->content_type, ==, "text/calendar");
  g_assert_nonnull (strstr (reply->body, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (reply->body, SERIES_TITLE));

  wrong_url = g_strdup (url);
  wrong_url[strlen (wrong_url) - 5] ^= 1;
  wrong = get (f, wrong_url);
  g_assert_cmpuint (wrong->status, ==, 404);

  /* Off is off. */
  g_settings_set_boolean (f->settings, "feed-server-enabled", FALSE);
  g_assert_false (quorum_feeds_page_is_serving (f->page));
}

static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  QuorumFeedRow *row = quorum_feeds_page_get_row (f->page, f->people[2]);
  g_autofree char *old_url = NULL;
  g_autoptr(Reply) before = NULL;
  g_autoptr(Reply) old = NULL;
  g_autoptr(Reply) fresh = NULL;
  AdwMessageDialog *dialog;

  start_server (f);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  old_url = g_strdup (quorum_feed_row_get_url (row, FALSE));
  before = get (f, old_url);
  g_assert_cmpuint (before->status, ==, 200);

  /* Asked first; cancelling changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.rotate", "x",
                                             f->people[2]));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stop updating"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (quorum_feed_row_get_url (row, FALSE), ==, old_url);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.rotate", "x",
                                             f->people[2]));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "rotate");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_nonnull (quorum_feed_row_get_url (row, FALSE));
  g_assert_cmpstr (quorum_feed_row_get_url (row, FALSE), !=, old_url);
  assert_qr_encodes (quorum_feed_row_get_qr_widget (row), quorum_feed_row_get_url (row, TRUE));

  old = get (f, old_url);
  g_assert_cmpuint (old->status, ==, 404);
  fresh = get (f, quorum_feed_row_get_url (row, FALSE));
  g_assert_cmpuint (fresh->status, ==, 200);
  g_assert_nonnull (strstr (fresh->body, SERIES_TITLE));
}

static void
test_revoke_undo (Fixture       *f,
                  gconstpointer  data)
{
  QuorumFeedRow *row = quorum_feeds_page_get_row (f->page, f->people[0]);
  g_autofree char *token = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  token = g_strdup (quorum_feed_row_get_token (row));
  g_assert_nonnull (token);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.revoke", "x",
                                             f->people[0]));
  after = quorum_feed_token_dup (f->store, f->people[0], FALSE, NULL);
  g_assert_null (after);
  g_assert_null (quorum_feed_row_get_token (row));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* What the toast's Undo button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.restore-address",
                                             "(xs)", f->people[0], token));
  restored = quorum_feed_token_dup (f->store, f->people[0], FALSE, NULL);
  g_assert_cmpstr (restored, ==, token);
  g_assert_cmpstr (quorum_feed_row_get_token (row), ==, token);
}

static gboolean
import_done (gpointer data)
{
  return !quorum_feeds_page_is_importing (data) && find_message_dialog () != NULL;
}

static AdwMessageDialog *
import_fixture (Fixture    *f,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  quorum_feeds_page_import_file (f->page, file);
  g_assert_true (quorum_feeds_page_is_importing (f->page));
  g_assert_true (quorum_test_wait_for (import_done, f->page, 20000));
  return find_message_dialog ();
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) from = g_date_time_new_utc (2023, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  guint before = count_series (f);
  gboolean found = FALSE;

  dialog = import_fixture (f, "google-allday-and-weekly.ics");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Calendar Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "New series: 3"));
  g_assert_cmpuint (count_series (f), ==, before + 3);

  occurrences = quorum_store_list_occurrences (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(QuorumOccurrence) occ = g_list_model_get_item (occurrences, i);

      found |= g_strcmp0 (quorum_occurrence_get_title (occ), "周例会") == 0;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The same file again updates nothing and copies nothing. */
  dialog = import_fixture (f, "google-allday-and-weekly.ics");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Unchanged series: 3"));
  g_assert_cmpuint (count_series (f), ==, before + 3);
}

static void
test_import_broken (Fixture       *f,
                    gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint before = count_series (f);
  const char *body;

  dialog = import_fixture (f, "malformed-truncated.ics");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Was Not Imported");
  body = adw_message_dialog_get_body (dialog);
  /* Where, by file and line, and that nothing changed. */
  g_assert_nonnull (strstr (body, "malformed-truncated.ics:7:"));
  g_assert_nonnull (strstr (body, "Nothing was changed"));
  g_assert_cmpuint (count_series (f), ==, before);
  g_assert_false (quorum_feeds_page_is_importing (f->page));
}

static guint count_feed_files (const char *folder);

static gboolean
published_once (gpointer data)
{
  return quorum_feeds_page_get_n_published (data) == 1;
}

static gboolean
has_five_files (gpointer data)
{
  return count_feed_files (data) == 5;
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "published", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_settings_set_string (f->settings, "feed-publish-folder", folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feeds.publish", NULL));
  g_assert_true (quorum_test_wait_for (published_once, f->page, 20000));

  /* Every feed, the office's included, each as TOKEN.ics. */
  g_assert_cmpuint (count_tokens (f), ==, 4);
  g_assert_cmpuint (count_feed_files (folder), ==, 4);

  /* Kept up to date: a new person's feed appears after the change. */
  g_settings_set_boolean (f->settings, "feed-publish-auto", TRUE);
  add_person (f->store, "赵六", "副秘书长", 4);
  g_assert_true (quorum_test_wait_for (has_five_files, folder, 20000));
  g_assert_cmpuint (count_tokens (f), ==, 5);
}

static guint
count_feed_files (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;

      /* Not the publisher's list of what it wrote, nor a file being
       * written while the folder is kept up to date. */
      if (name[0] == '.' || !g_str_has_suffix (name, ".ics"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "BEGIN:VCALENDAR"));
      n++;
    }
  return n;
}

static void
on_exported_cb (QuorumExportDialog *dialog,
                GFile              *file,
                guint               n_events,
                gpointer            user_data)
{
  *(guint *)user_data = n_events + 1;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *)data != 0;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "export.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  QuorumExportDialog *dialog = quorum_export_dialog_new (f->store, NULL);
  guint exported = 0;

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  /* 李四's events: the series, as a full calendar. */
  quorum_export_dialog_select (dialog, QUORUM_EXPORT_WHAT_PERSON, 1);
  quorum_export_dialog_export_to (dialog, file);
  g_assert_true (quorum_test_wait_for (is_nonzero, &exported, 10000));
  g_assert_cmpuint (exported - 1, ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, SERIES_TITLE));
  g_assert_nonnull (strstr (contents, "RRULE:FREQ=WEEKLY"));
}

typedef struct
{
  QuorumFeedsPage *page;
  guint            last;       /* rows at the previous frame */
  guint            frames;     /* frames that added rows */
  guint            most;       /* most rows one frame added */
  guint            want;
} Growth;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Growth        *growth)
{
  guint n = quorum_feeds_page_get_n_rows (growth->page);

  if (n > growth->last)
    {
      growth->frames++;
      growth->most = MAX (growth->most, n - growth->last);
    }
  growth->last = n;
}

static gboolean
has_n_rows (gpointer data)
{
  Growth *growth = data;

  return quorum_feeds_page_get_n_rows (growth->page) == growth->want;
}

/* The rows follow the people in rank order, the office's first. */
static void
assert_rows_in_rank_order (QuorumFeedsPage *page,
                           QuorumStore     *store)
{
  g_autoptr(GListModel) people = quorum_store_list_people (store, FALSE, NULL);
  GtkWidget *row = GTK_WIDGET (quorum_feeds_page_get_row (page, 0));

  g_assert_cmpuint (quorum_feeds_page_get_n_rows (page), ==, g_list_model_get_n_items (people) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      row = gtk_widget_get_next_sibling (row);
      g_assert_true (QUORUM_IS_FEED_ROW (row));
      g_assert_cmpint (quorum_feed_row_get_person_id (QUORUM_FEED_ROW (row)), ==,
                       quorum_person_get_id (person));
      g_assert_cmpstr (quorum_feed_row_get_name (QUORUM_FEED_ROW (row)), ==,
                       quorum_person_get_name (person));
    }
}

/* A big office's rows come a few a frame, not all in the one that shows
 * the page, and end up one per person in order, also when people change
 * while they come. */
static void
test_rows_in_batches (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  QuorumFeedsPage *page = QUORUM_FEEDS_PAGE (quorum_feeds_page_new ());
  Growth growth = { page, 0, 0, 0, 0 };
  GdkFrameClock *clock;
  gulong handler;
  guint n;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("代表%02u", i);

      add_person (f->store, name, "委员", 10 + i);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (50);
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &growth);

  /* 43 people and the office: the office's row at once, not all. */
  quorum_feeds_page_set_store (page, f->store);
  n = quorum_feeds_page_get_n_rows (page);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, 44);
  growth.last = n;

  growth.want = 44;
  g_assert_true (quorum_test_wait_for (has_n_rows, &growth, 5000));
  assert_rows_in_rank_order (page, f->store);
  g_assert_cmpuint (growth.frames, >=, 3);
  g_assert_cmpuint (growth.most, <, 44 - n);

  /* Someone ranked first while rows come: all are made again, in order. */
  quorum_feeds_page_set_store (page, NULL);
  g_assert_cmpuint (quorum_feeds_page_get_n_rows (page), ==, 0);
  quorum_feeds_page_set_store (page, f->store);
  g_assert_cmpuint (quorum_feeds_page_get_n_rows (page), <, 44);
  add_person (f->store, "钱七", "市长", 0);
  /* …and someone last: the rows so far stay. */
  add_person (f->store, "孙八", "委员", 99);
  growth.want = 46;
  g_assert_true (quorum_test_wait_for (has_n_rows, &growth, 5000));
  quorum_test_spin (100);
  assert_rows_in_rank_order (page, f->store);

  /* Expanding a row makes its details and its address. */
  {
    QuorumFeedRow *row = quorum_feeds_page_get_row (page, f->people[0]);

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    g_assert_nonnull (quorum_feed_row_get_token (row));
    assert_qr_encodes (quorum_feed_row_get_qr_widget (row), quorum_feed_row_get_url (row, TRUE));
  }

  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The widget of @page with the builder id @name, from its template or
 * from the sections it builds later; %NULL if not built (yet). */
static GtkWidget *
find_part (GtkWidget  *widget,
           const char *name)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_part (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
page_part (QuorumFeedsPage *page,
           const char      *name)
{
  return find_part (GTK_WIDGET (page), name);
}

/* Whether the Android help is on show; the people's rows wait for it. */
static gboolean
android_help_shown (gpointer data)
{
  QuorumFeedsPage *page = data;
  GtkWidget *android = page_part (page, "android_row");
  gboolean shown = android != NULL && gtk_widget_get_visible (android);

  if (!shown)
    g_assert_cmpuint (quorum_feeds_page_get_n_rows (page), ==, 1);
  return shown;
}

/* The help and the forms are built once the top of the page is on show,
 * come a piece a frame, the people's rows once the help above them is
 * there, and in the end all of it is on show, in page order. */
static gboolean
sections_built (gpointer page)
{
  return page_part (page, "phone_group") != NULL;
}

static void
test_help_in_later_frames (Fixture       *f,
                           gconstpointer  data)
{
  static const char *later[] = {
    "phone_group", "iphone_row", "android_row", "publish_group", "export_group", "caldav_slot",
  };
  GtkWidget *window = gtk_window_new ();
  QuorumFeedsPage *page = QUORUM_FEEDS_PAGE (quorum_feeds_page_new ());
  g_autoptr(GListModel) people = quorum_store_list_people (f->store, FALSE, NULL);
  g_autoptr(QuorumCaldavController) caldav = quorum_caldav_controller_new (f->store, f->settings);
  Growth growth = { page, 0, 0, 0, g_list_model_get_n_items (people) + 1 };
  GtkWidget *caldav_group;

  quorum_feeds_page_set_store (page, f->store);
  /* Given before the group is built: the group gets it when it is. */
  quorum_feeds_page_set_caldav_controller (page, caldav);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    g_assert_null (page_part (page, later[i]));
  g_assert_nonnull (page_part (page, "server_group"));
  g_assert_cmpuint (quorum_feeds_page_get_n_rows (page), ==, 1);
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (page_part (page, "subscriptions_group"))), ==, "");
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (page_part (page, "server_group"))), ==, "");

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  /* The sections are built in a frame that shows none of them, nor the
   * feeds' description, which comes two frames later. */
  g_assert_true (quorum_test_wait_for (sections_built, page, 5000));
  g_assert_false (gtk_widget_get_visible (page_part (page, "phone_group")));
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (page_part (page, "subscriptions_group"))), ==, "");
  g_assert_true (quorum_test_wait_for (android_help_shown, page, 5000));
  g_assert_true (quorum_test_wait_for (has_n_rows, &growth, 5000));
  quorum_test_spin (100);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    g_assert_true (gtk_widget_get_visible (page_part (page, later[i])));
  {
    static const char *order[] = {
      "server_group", "phone_group", "subscriptions_group", "publish_group", "export_group",
      "caldav_slot",
    };
    GtkWidget *sections = page_part (page, "sections");
    GtkWidget *child = gtk_widget_get_first_child (sections);

    for (guint i = 0; i < G_N_ELEMENTS (order); i++, child = gtk_widget_get_next_sibling (child))
      g_assert_true (child == page_part (page, order[i]));
    g_assert_null (child);
  }
  g_assert_cmpuint (strlen (adw_preferences_group_get_description (
                      ADW_PREFERENCES_GROUP (page_part (page, "subscriptions_group")))), >, 20);
  g_assert_cmpuint (strlen (adw_preferences_group_get_description (
                      ADW_PREFERENCES_GROUP (page_part (page, "server_group")))), >, 20);
  caldav_group = page_part (page, "caldav_group");
  g_assert_true (gtk_widget_get_visible (caldav_group));
  g_assert_true (quorum_caldav_status_group_get_controller (
                   QUORUM_CALDAV_STATUS_GROUP (caldav_group)) == caldav);
  assert_rows_in_rank_order (page, f->store);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_qr_widget (void)
{
  static const char *text = "webcal://192.168.1.20:8739/feeds/abc.ics";
  g_autoptr(GtkWidget) widget = g_object_ref_sink (quorum_qr_widget_new ());
  int natural = -1;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);

  quorum_qr_widget_set_text (QUORUM_QR_WIDGET (widget), text);
  assert_qr_encodes (QUORUM_QR_WIDGET (widget), text);

  quorum_qr_widget_set_text (QUORUM_QR_WIDGET (widget), NULL);
  g_assert_null (quorum_qr_widget_get_code (QUORUM_QR_WIDGET (widget)));
}

static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name))
        return window;
    }
  return NULL;
}

/* The primary menu's “Export Calendar…” shows the page and its dialog. */
static void
test_window_export (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  QuorumWindow *window = quorum_window_new (app);
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-calendar", NULL));
  g_assert_cmpstr (quorum_window_get_visible_page (window), ==, "feeds");
  dialog = find_toplevel ("QuorumExportDialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ui/feeds-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("rows", test_rows);
  ADD ("rows-in-batches", test_rows_in_batches);
  ADD ("help-in-later-frames", test_help_in_later_frames);
  ADD ("show-address", test_show_address);
  ADD ("serve", test_serve);
  ADD ("rotate", test_rotate);
  ADD ("revoke-undo", test_revoke_undo);
  ADD ("import", test_import);
  ADD ("import-broken", test_import_broken);
  ADD ("publish", test_publish);
  ADD ("export", test_export);
  g_test_add_func ("/ui/feeds-page/qr-widget", test_qr_widget);
  g_test_add_func ("/ui/feeds-page/window-export", test_window_export);

#undef ADD

  return g_test_run ();
}
