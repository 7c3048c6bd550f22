/* quorum-fuzz.h: shared by the fuzz harnesses and the corpus replayer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Once per process: UTC as in the tests, and a critical (a failed precondition
 * somewhere in the code under test) is a crash, as under G_DEBUG=fatal-criticals. */
static inline void
quorum_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_setenv ("TZ", "UTC", TRUE);
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      g_once_init_leave (&done, 1);
    }
}

G_END_DECLS
