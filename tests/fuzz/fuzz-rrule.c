/* fuzz-rrule.c: RRULE validation, expansion, description and parsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "quorum-recurrence.h"
#include "quorum-fuzz.h"

#define MAX_RULE_LENGTH 1024
#define MAX_COUNT       400

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *rule = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) dtstart = NULL;
  g_autoptr(GDateTime) range_start = NULL;
  g_autoptr(GDateTime) range_end = NULL;
  g_autoptr(GPtrArray) expanded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  QuorumRecurrenceSpec spec;
  guint offset_days = 0;

  quorum_fuzz_init ();

  /* The first byte moves the start, so rules meet month ends and DST-free
   * zones on many days; the rest is the rule text. */
  if (size > 0)
    {
      offset_days = data[0];
      data++;
      size--;
    }
  if (size > MAX_RULE_LENGTH || memchr (data, '\0', size) != NULL)
    return 0;
  rule = g_strndup ((const char *)data, size);

  zone = g_time_zone_new_identifier (QUORUM_DEFAULT_TZID);
  g_assert (zone != NULL);
  dtstart = g_date_time_new (zone, 2023, 1 + offset_days / 28 % 12, 1 + offset_days % 28,
                             9, 30, 0);
  range_start = g_date_time_new (zone, 2022, 12, 1, 0, 0, 0);
  range_end = g_date_time_new (zone, 2025, 1, 1, 0, 0, 0);

  if (!quorum_recurrence_validate (rule, &error))
    {
      g_assert (error != NULL);
      return 0;
    }

  expanded = quorum_recurrence_expand (rule, dtstart, QUORUM_DEFAULT_TZID, NULL, NULL,
                                       range_start, range_end, MAX_COUNT, &error);
  if (expanded != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (expanded->len, <=, MAX_COUNT);
    }
  g_clear_error (&error);

  description = quorum_recurrence_describe (rule, dtstart);

  /* A rule the editor can show builds back into a valid rule. */
  memset (&spec, 0, sizeof spec);
  if (quorum_recurrence_parse (rule, &spec, &error))
    {
      g_autofree char *built = quorum_recurrence_build (&spec);
      g_autoptr(GError) built_error = NULL;

      g_assert (built != NULL);
      g_assert_true (quorum_recurrence_validate (built, &built_error));
    }

  return 0;
}
