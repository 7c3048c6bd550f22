/* quorum-test-dirs.h: removing the folders tests and benchmarks make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean quorum_test_remove_tree (const char *dir);

G_END_DECLS
