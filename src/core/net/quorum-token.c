/* quorum-token.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-token"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "quorum-token.h"
#include "quorum-token-private.h"

#define TOKEN_BYTES (QUORUM_TOKEN_BITS / 8)

/* RFC 4648 base32, lowercased: no 0/1/8/9, so nothing to mistake for o/l/b/g. */
static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

static gboolean
read_urandom (guint8  *buf,
              gsize    len,
              GError **error)
{
  int fd;
  gsize done = 0;

  fd = g_open ("/dev/urandom", O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read the system’s random source: %s"), g_strerror (errsv));
      return FALSE;
    }

  while (done < len)
    {
      gssize n = read (fd, buf + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int errsv = n < 0 ? errno : EIO;

          g_close (fd, NULL);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not read the system’s random source: %s"), g_strerror (errsv));
          return FALSE;
        }
      done += n;
    }

  g_close (fd, NULL);
  return TRUE;
}

/* The kernel CSPRNG: getrandom(2), or /dev/urandom on kernels without it.
 * Never g_random_*(), which is a Mersenne Twister and predictable. */
static gboolean
fill_random (guint8  *buf,
             gsize    len,
             GError **error)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = getrandom (buf + done, len - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == ENOSYS)
        return read_urandom (buf + done, len - done, error);
      if (n < 0)
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not read the system’s random source: %s"), g_strerror (errsv));
          return FALSE;
        }
      done += n;
    }

  return TRUE;
}

/**
 * quorum_token_generate:
 * @error: return location for a #GError
 *
 * Makes a new secret for a feed address: %QUORUM_TOKEN_BITS bits from the
 * operating system's cryptographic random source, written as
 * %QUORUM_TOKEN_LENGTH lowercase base32 characters so that it can sit in a
 * URL path as is.
 *
 * Returns: (transfer full): the token, or %NULL with @error set when the
 *   system has no random source
 */
char *
quorum_token_generate (GError **error)
{
  guint8 raw[TOKEN_BYTES];
  char *token;
  guint bits = 0;
  guint32 acc = 0;
  gsize out = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fill_random (raw, sizeof raw, error))
    return NULL;

  token = g_malloc (QUORUM_TOKEN_LENGTH + 1);
  for (gsize i = 0; i < sizeof raw; i++)
    {
      acc = (acc << 8) | raw[i];
      bits += 8;
      while (bits >= 5)
        {
          bits -= 5;
          token[out++] = alphabet[(acc >> bits) & 0x1f];
        }
    }
  if (bits > 0)
    token[out++] = alphabet[(acc << (5 - bits)) & 0x1f];
  token[out] = '\0';

  g_assert (out == QUORUM_TOKEN_LENGTH);
  explicit_bzero (raw, sizeof raw);

  return token;
}

void
_quorum_token_digest (const char *token,
                      guint8      digest[QUORUM_TOKEN_DIGEST_SIZE])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = QUORUM_TOKEN_DIGEST_SIZE;

  g_checksum_update (checksum, (const guchar *)token, strlen (token));
  g_checksum_get_digest (checksum, digest, &len);
  g_assert (len == QUORUM_TOKEN_DIGEST_SIZE);
}

gboolean
_quorum_token_digest_equal (const guint8 a[QUORUM_TOKEN_DIGEST_SIZE],
                            const guint8 b[QUORUM_TOKEN_DIGEST_SIZE])
{
  volatile guint8 diff = 0;

  /* No early exit: the loop takes as long whatever the bytes are. */
  for (gsize i = 0; i < QUORUM_TOKEN_DIGEST_SIZE; i++)
    diff |= a[i] ^ b[i];

  return diff == 0;
}

/**
 * quorum_token_equal:
 * @a: (nullable): a token
 * @b: (nullable): another token
 *
 * Compares two tokens in time that does not depend on their contents.
 *
 * A plain strcmp() returns at the first differing byte, so an attacker who
 * times many guesses can find a secret one character at a time. Here both
 * strings are first hashed with SHA-256, whose running time depends only on
 * their lengths, and the two fixed-size digests are then compared with an
 * XOR-accumulate loop that has no early exit. Hashing also makes tokens of
 * different lengths comparable without a length check that would return
 * early; equal digests mean equal strings (SHA-256 has no known collisions).
 *
 * A %NULL token is never equal to anything, not even to another %NULL.
 *
 * Returns: %TRUE if @a and @b are the same non-%NULL string
 */
gboolean
quorum_token_equal (const char *a,
                    const char *b)
{
  guint8 da[QUORUM_TOKEN_DIGEST_SIZE];
  guint8 db[QUORUM_TOKEN_DIGEST_SIZE];

  if (a == NULL || b == NULL)
    return FALSE;

  _quorum_token_digest (a, da);
  _quorum_token_digest (b, db);
  return _quorum_token_digest_equal (da, db);
}

/**
 * quorum_token_is_well_formed:
 * @token: (nullable): a string
 *
 * Tells whether @token could have come from quorum_token_generate(): exactly
 * %QUORUM_TOKEN_LENGTH characters of lowercase base32, the last of which
 * carries only the one remaining bit (so every token has one spelling).
 *
 * Returns: %TRUE if @token is well formed
 */
gboolean
quorum_token_is_well_formed (const char *token)
{
  gsize len;

  if (token == NULL)
    return FALSE;

  len = strnlen (token, QUORUM_TOKEN_LENGTH + 1);
  if (len != QUORUM_TOKEN_LENGTH)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      const char *p = strchr (alphabet, token[i]);

      if (p == NULL)
        return FALSE;
      /* 256 = 51 × 5 + 1: the last character holds one bit, the rest zero. */
      if (i == len - 1 && ((p - alphabet) & 0x0f) != 0)
        return FALSE;
    }

  return TRUE;
}
