/* quorum-ics-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_quorum_ics_find_iana_name (const char *tzid);

G_END_DECLS
