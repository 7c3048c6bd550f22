/* test-day.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-day.h"

static void
test_day_parse (void)
{
  static const struct {
    const char *text;
    const char *formatted;
  } cases[] = {
    { "2026-05-01", "2026-05-01" },
    { "2024-02-29", "2024-02-29" },
    { "2026-5-1", "2026-05-01" },
    { "2025-02-29", NULL },
    { "2026-04-31", NULL },
    { "2026-05-01T09:00", NULL },
    { "2026-05-01 ", NULL },
    { "May 1", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = quorum_day_parse (cases[i].text);
      g_autofree char *formatted = quorum_day_format (date);

      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_day_format_invalid (void)
{
  GDate invalid;

  g_date_clear (&invalid, 1);
  g_assert_null (quorum_day_format (NULL));
  g_assert_null (quorum_day_format (&invalid));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/day/parse", test_day_parse);
  g_test_add_func ("/core/day/format-invalid", test_day_format_invalid);

  return g_test_run ();
}
