/* quorum-day.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days as people type them and files hold them: ISO 8601, YYYY-MM-DD.
 */

#include "config.h"

#include <stdio.h>

#include "quorum-day.h"

/**
 * quorum_day_parse:
 * @text: (nullable): text such as `2026-05-01`
 *
 * Reads a day written YYYY-MM-DD, and nothing else: no time, no trailing
 * text, no 31 April.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL when @text is not one
 */
GDate *
quorum_day_parse (const char *text)
{
  int y, m, d;
  char extra;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/**
 * quorum_day_format:
 * @date: (nullable): a day
 *
 * Returns: (transfer full) (nullable): @date as YYYY-MM-DD, or %NULL when
 *   it is %NULL or not valid
 */
char *
quorum_day_format (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
