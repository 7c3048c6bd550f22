/* quorum-feed-tokens.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The secrets of the phone feeds. The store keeps them (a person's in the
 * person row, the office's in the meta table) but cannot make them: tokens
 * come from quorum_token_generate() in this library, and the core does not
 * depend on it.
 */

#define G_LOG_DOMAIN "quorum-feed"

#include "config.h"

#include "quorum-feed-tokens.h"
#include "quorum-store-ics.h"
#include "quorum-token.h"

/**
 * quorum_feed_token_dup:
 * @store: a #QuorumStore
 * @person_id: a person, or 0 for the whole office
 * @create: make a token when there is none
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the token of the feed; %NULL without
 *   an error when there is none and @create is %FALSE
 */
char *
quorum_feed_token_dup (QuorumStore  *store,
                       gint64        person_id,
                       gboolean      create,
                       GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  char *token;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  token = quorum_store_dup_feed_token (store, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (token != NULL || !create)
    return token;

  return quorum_feed_token_rotate (store, person_id, error);
}

/**
 * quorum_feed_token_rotate:
 * @store: a #QuorumStore
 * @person_id: a person, or 0 for the whole office
 * @error: return location for a #GError
 *
 * Gives the feed a new secret: the old address stops working.
 *
 * Returns: (transfer full): the new token, or %NULL with @error set
 */
char *
quorum_feed_token_rotate (QuorumStore  *store,
                          gint64        person_id,
                          GError      **error)
{
  g_autofree char *token = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  if (!(token = quorum_token_generate (error)) ||
      !quorum_store_set_feed_token (store, person_id, token, error))
    return NULL;
  return g_steal_pointer (&token);
}

/**
 * quorum_feed_token_revoke:
 * @store: a #QuorumStore
 * @person_id: a person, or 0 for the whole office
 * @error: return location for a #GError
 *
 * Removes the feed's secret: its address stops working and the feed is not
 * served or published until a new token is made.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_feed_token_revoke (QuorumStore  *store,
                          gint64        person_id,
                          GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);

  return quorum_store_set_feed_token (store, person_id, NULL, error);
}
