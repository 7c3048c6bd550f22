/* fuzz-rulebook.c: quorum_rulebook_new_from_bytes() on arbitrary bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-rulebook.h"
#include "quorum-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(GError) error = NULL;

  quorum_fuzz_init ();

  bytes = g_bytes_new (data, size);
  rulebook = quorum_rulebook_new_from_bytes (bytes, "fuzz.rulebook", &error);
  g_assert ((rulebook == NULL) == (error != NULL));

  /* A rulebook that loads writes out again and loads the same. */
  if (rulebook != NULL)
    {
      g_autoptr(QuorumRulebook) again = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) again_error = NULL;
      char *text;
      gsize len = 0;

      text = quorum_rulebook_to_data (rulebook, &len);
      written = g_bytes_new_take (text, len);
      again = quorum_rulebook_new_from_bytes (written, "fuzz-written.rulebook", &again_error);
      g_assert_no_error (again_error);
      g_assert_cmpuint (g_list_model_get_n_items (quorum_rulebook_get_duties (again)), ==,
                        g_list_model_get_n_items (quorum_rulebook_get_duties (rulebook)));
    }

  return 0;
}
