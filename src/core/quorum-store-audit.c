/* quorum-store-audit.c: the tamper-evident audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-store-private.h"

/*
 * Each audit row stores the hash of the row before it (prev_hash) and its own
 * hash: SHA-256 over the previous hash and every field of the row, each field
 * length-prefixed so that no two different rows can serialise alike. Editing,
 * inserting or deleting a row in the middle (the triggers forbid it, but the
 * file can be edited with other tools) breaks the chain from that row on,
 * which quorum_store_verify_audit() finds.
 */

static void
update_field (GChecksum  *checksum,
              const char *field)
{
  char prefix[32];
  gsize len = field != NULL ? strlen (field) : 0;

  /* NULL and "" must differ: NULL is written as length -1. */
  g_snprintf (prefix, sizeof prefix, "%" G_GSSIZE_FORMAT ":",
              field != NULL ? (gssize)len : (gssize)-1);
  g_checksum_update (checksum, (const guchar *)prefix, -1);
  if (len > 0)
    g_checksum_update (checksum, (const guchar *)field, len);
}

char *
_quorum_store_audit_hash (const char *prev_hash,
                          const char *at,
                          const char *actor,
                          const char *entity,
                          gint64      entity_id,
                          const char *action,
                          const char *before_json,
                          const char *after_json)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char id[32];

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, entity_id);
  update_field (checksum, prev_hash);
  update_field (checksum, at);
  update_field (checksum, actor);
  update_field (checksum, entity);
  update_field (checksum, id);
  update_field (checksum, action);
  update_field (checksum, before_json);
  update_field (checksum, after_json);

  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
_quorum_store_audit_last_hash (QuorumStore  *self,
                               char        **out_hash,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row = FALSE;

  *out_hash = NULL;
  if (!(stmt = _quorum_store_prepare (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1",
                                      error)) ||
      !_quorum_store_step_row (self, stmt, &row, error))
    return FALSE;

  if (row)
    *out_hash = g_strdup (_quorum_store_column_text (stmt, 0));
  return TRUE;
}

/**
 * quorum_store_verify_audit:
 * @self: a #QuorumStore
 * @out_first_broken: (out) (optional): the id of the first row where the
 *   chain breaks, or 0 when it is whole
 * @out_n_checked: (out) (optional): how many rows were checked
 * @error: return location for a #GError
 *
 * Walks the audit trail in order and recomputes every row's hash from the
 * previous one. Rows written before the chain existed (no hash at all, at
 * the start of the trail) are skipped; after the first hashed row, a row
 * without a hash breaks the chain.
 *
 * Returns: %FALSE only when the trail could not be read; a broken chain is
 *   reported through @out_first_broken
 */
gboolean
quorum_store_verify_audit (QuorumStore  *self,
                           gint64       *out_first_broken,
                           guint64      *out_n_checked,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *expected_prev = NULL;
  gboolean chained = FALSE;
  guint64 n_checked = 0;
  gint64 broken = 0;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!(stmt = _quorum_store_prepare (self,
                                      "SELECT id, at, actor, entity, entity_id, action,"
                                      " before_json, after_json, prev_hash, hash"
                                      " FROM audit ORDER BY id",
                                      error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = _quorum_store_column_text (stmt, 8);
      const char *hash = _quorum_store_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      if (hash == NULL && !chained)
        continue;

      n_checked++;
      computed = _quorum_store_audit_hash (prev_hash,
                                           _quorum_store_column_text (stmt, 1),
                                           _quorum_store_column_text (stmt, 2),
                                           _quorum_store_column_text (stmt, 3),
                                           sqlite3_column_int64 (stmt, 4),
                                           _quorum_store_column_text (stmt, 5),
                                           _quorum_store_column_text (stmt, 6),
                                           _quorum_store_column_text (stmt, 7));

      if (hash == NULL ||
          g_strcmp0 (computed, hash) != 0 ||
          (chained && g_strcmp0 (prev_hash, expected_prev) != 0))
        {
          broken = id;
          break;
        }

      chained = TRUE;
      g_free (expected_prev);
      expected_prev = g_strdup (hash);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _quorum_database_set_error (quorum_store_get_database (self), rc, error);
      return FALSE;
    }

  if (out_first_broken != NULL)
    *out_first_broken = broken;
  if (out_n_checked != NULL)
    *out_n_checked = n_checked;

  return TRUE;
}
