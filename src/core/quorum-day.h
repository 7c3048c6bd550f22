/* quorum-day.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDate *quorum_day_parse  (const char  *text);
char  *quorum_day_format (const GDate *date);

G_END_DECLS
