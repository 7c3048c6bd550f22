/* quorum-token.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 256 random bits in lowercase base32 without padding: ceil (256 / 5) characters. */
#define QUORUM_TOKEN_BITS   256
#define QUORUM_TOKEN_LENGTH 52

char     *quorum_token_generate       (GError     **error);
gboolean  quorum_token_equal          (const char  *a,
                                       const char  *b);
gboolean  quorum_token_is_well_formed (const char  *token);

G_END_DECLS
