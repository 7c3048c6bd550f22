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

/* A critical (a failed precondition somewhere in the code under test) is a
 * crash. abort() rather than GLib's breakpoint trap: libFuzzer saves the
 * input for SIGABRT. */
static inline void
quorum_fuzz_log_handler (const char     *log_domain,
                         GLogLevelFlags  log_level,
                         const char     *message,
                         gpointer        user_data)
{
  g_log_default_handler (log_domain, log_level, message, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    abort ();
}

/* Once per process: UTC as in the tests, and criticals are crashes. */
static inline void
quorum_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_setenv ("TZ", "UTC", TRUE);
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      g_log_set_default_handler (quorum_fuzz_log_handler, NULL);
      g_once_init_leave (&done, 1);
    }
}

G_END_DECLS
