/* fuzz-ics.c: quorum_ics_parse() on arbitrary bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-ics.h"
#include "quorum-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_auto(QuorumIcsParseReport) report = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  quorum_fuzz_init ();

  events = quorum_ics_parse ((const char *)data, size, "fuzz.ics", &report, &error);
  g_assert ((events == NULL) == (error != NULL));

  /* What was read must also export. */
  if (events != NULL)
    {
      g_autofree char *text = NULL;
      gsize len = 0;

      text = quorum_ics_export (events, NULL, &len);
      g_assert (text != NULL);
    }

  return 0;
}
