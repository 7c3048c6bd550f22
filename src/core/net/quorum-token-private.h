/* quorum-token-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QUORUM_TOKEN_DIGEST_SIZE 32

void     _quorum_token_digest       (const char   *token,
                                     guint8        digest[QUORUM_TOKEN_DIGEST_SIZE]);
gboolean _quorum_token_digest_equal (const guint8  a[QUORUM_TOKEN_DIGEST_SIZE],
                                     const guint8  b[QUORUM_TOKEN_DIGEST_SIZE]);

G_END_DECLS
