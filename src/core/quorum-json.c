/* quorum-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Just enough JSON writing for the audit trail and `quorum-cli --json`:
 * json-glib is not a dependency.
 */

#define G_LOG_DOMAIN "quorum-json"

#include "config.h"

#include "quorum-json.h"

/**
 * quorum_json_append_string:
 * @out: where to append
 * @value: (nullable): UTF-8 text
 *
 * Appends @value as a JSON string literal, or `null` when it is %NULL.
 */
void
quorum_json_append_string (GString    *out,
                           const char *value)
{
  g_return_if_fail (out != NULL);

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}
