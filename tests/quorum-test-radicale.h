/* quorum-test-radicale.h: a real Radicale for the CalDAV tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-caldav-client.h"

G_BEGIN_DECLS

#define QUORUM_TEST_RADICALE_USER     "zhangsan"
#define QUORUM_TEST_RADICALE_PASSWORD "Pa55-履职"

/* A Radicale on 127.0.0.1; @client is %NULL when the test was skipped
 * because Radicale is not installed. */
typedef struct
{
  GSubprocess        *process;
  char               *dir;
  guint               port;
  char               *url;
  QuorumCaldavClient *client;
  gboolean            exited;
} QuorumTestRadicale;

void  quorum_test_radicale_install_guards (void);
guint quorum_test_radicale_find_free_port  (void);
void  quorum_test_radicale_setup          (QuorumTestRadicale *fixture,
                                           gconstpointer       data);
void  quorum_test_radicale_teardown       (QuorumTestRadicale *fixture,
                                           gconstpointer       data);

#define QUORUM_TEST_ADD_RADICALE(path, func) \
  g_test_add (path, QuorumTestRadicale, NULL, quorum_test_radicale_setup, func, \
              quorum_test_radicale_teardown)

G_END_DECLS
