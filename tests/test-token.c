/* test-token.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "quorum-token.h"

#define N_TOKENS 1000

static char *
dup_token (void)
{
  g_autoptr(GError) error = NULL;
  char *token = quorum_token_generate (&error);

  g_assert_no_error (error);
  g_assert_nonnull (token);
  return token;
}

static void
test_token_generate (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint counts[32] = { 0 };
  guint n_symbols = 0;
  guint expected;

  for (guint i = 0; i < N_TOKENS; i++)
    {
      char *token = dup_token ();

      g_assert_cmpuint (strlen (token), ==, QUORUM_TOKEN_LENGTH);
      g_assert_true (quorum_token_is_well_formed (token));
      /* Safe in a URL path as is. */
      for (const char *p = token; *p != '\0'; p++)
        g_assert_true ((*p >= 'a' && *p <= 'z') || (*p >= '2' && *p <= '7'));

      /* Every character but the last carries five random bits. */
      for (guint j = 0; j < QUORUM_TOKEN_LENGTH - 1; j++, n_symbols++)
        counts[token[j] >= 'a' ? token[j] - 'a' : token[j] - '2' + 26]++;

      g_assert_true (g_hash_table_add (seen, token));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_TOKENS);

  /* 51 000 symbols over 32 values: about 1594 each, σ ≈ 39. A stuck or
   * biased generator lands far outside ±300. */
  expected = n_symbols / 32;
  for (guint k = 0; k < 32; k++)
    {
      g_assert_cmpuint (counts[k], >, expected - 300);
      g_assert_cmpuint (counts[k], <, expected + 300);
    }
}

static void
test_token_equal (void)
{
  g_autofree char *a = dup_token ();
  g_autofree char *a_copy = g_strdup (a);
  g_autofree char *b = dup_token ();
  g_autofree char *a_longer = g_strconcat (a, "a", NULL);
  g_autofree char *a_shorter = g_strndup (a, QUORUM_TOKEN_LENGTH - 1);
  g_autofree char *a_last_changed = g_strdup (a);
  const struct
  {
    const char *x;
    const char *y;
    gboolean    equal;
  } cases[] = {
    { a, a, TRUE },
    { a, a_copy, TRUE },
    { a, b, FALSE },
    { a, a_longer, FALSE },
    { a_longer, a, FALSE },
    { a, a_shorter, FALSE },
    { a, a_last_changed, FALSE },
    { a, "", FALSE },
    { "", "", TRUE },
    { "abc", "abd", FALSE },
    { a, NULL, FALSE },
    { NULL, a, FALSE },
    { NULL, NULL, FALSE },
  };

  a_last_changed[QUORUM_TOKEN_LENGTH - 1] = a[QUORUM_TOKEN_LENGTH - 1] == 'a' ? 'q' : 'a';

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (quorum_token_equal (cases[i].x, cases[i].y), ==, cases[i].equal);
    }
}

static void
test_token_well_formed (void)
{
  g_autofree char *good = dup_token ();
  g_autofree char *upper = g_ascii_strup (good, -1);
  g_autofree char *longer = g_strconcat (good, "a", NULL);
  g_autofree char *shorter = g_strndup (good, QUORUM_TOKEN_LENGTH - 1);
  g_autofree char *with_one = g_strdup (good);
  g_autofree char *with_slash = g_strdup (good);
  g_autofree char *last_b = g_strdup (good);
  g_autofree char *last_q = g_strdup (good);
  g_autofree char *padded = g_strdup (good);
  const struct
  {
    const char *token;
    gboolean    well_formed;
  } cases[] = {
    { good, TRUE },
    { last_q, TRUE },
    { upper, FALSE },
    { longer, FALSE },
    { shorter, FALSE },
    { with_one, FALSE },
    { with_slash, FALSE },
    { last_b, FALSE },       /* a spare bit set: not the canonical spelling */
    { padded, FALSE },
    { "", FALSE },
    { "../../etc/passwd", FALSE },
    { NULL, FALSE },
  };

  with_one[10] = '1';
  with_slash[20] = '/';
  last_b[QUORUM_TOKEN_LENGTH - 1] = 'b';
  last_q[QUORUM_TOKEN_LENGTH - 1] = 'q';
  padded[QUORUM_TOKEN_LENGTH - 1] = '=';

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].token);
      g_assert_cmpint (quorum_token_is_well_formed (cases[i].token), ==, cases[i].well_formed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token/generate", test_token_generate);
  g_test_add_func ("/token/equal", test_token_equal);
  g_test_add_func ("/token/well-formed", test_token_well_formed);

  return g_test_run ();
}
