/* quorum-caldav-private.h: shared between the CalDAV client and publisher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _quorum_caldav_href_equal (const char *a,
                                    const char *b);

G_END_DECLS
