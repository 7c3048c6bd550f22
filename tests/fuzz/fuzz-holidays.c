/* fuzz-holidays.c: quorum_workdays_load_bytes() on arbitrary bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-workdays.h"
#include "quorum-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;
  GDate out;
  gboolean uncertain;

  quorum_fuzz_init ();

  workdays = quorum_workdays_new ();
  bytes = g_bytes_new (data, size);
  if (!quorum_workdays_load_bytes (workdays, bytes, "fuzz.ini", &error))
    {
      g_assert (error != NULL);
      return 0;
    }

  /* Whatever loaded must answer questions about any day. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2022);
  for (guint i = 0; i < 800; i += 7)
    {
      g_autofree char *name = NULL;

      quorum_workdays_classify (workdays, &date, &name);
      g_date_add_days (&date, 7);
    }
  g_date_set_dmy (&date, 28, G_DATE_DECEMBER, 2023);
  quorum_workdays_add (workdays, &date, 30, &out, &uncertain);
  quorum_workdays_add (workdays, &date, 0, &out, &uncertain);
  quorum_workdays_next_workday (workdays, &date, &out, &uncertain);
  quorum_workdays_previous_workday (workdays, &date, &out, &uncertain);

  return 0;
}
