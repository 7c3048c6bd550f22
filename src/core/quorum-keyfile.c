/* quorum-keyfile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-keyfile"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "quorum-keyfile-private.h"

typedef struct
{
  char       *name;
  guint       line;
  GPtrArray  *keys;        /* char*, file order */
  GHashTable *key_lines;   /* key → line */
} Group;

struct _QuorumKeyfile
{
  GKeyFile   *key_file;
  char       *display_name;
  GPtrArray  *groups;      /* Group*, file order */
  GHashTable *by_name;     /* name → Group* */
  GPtrArray  *group_names; /* NULL-terminated view for get_groups */
};

static void
group_free (Group *group)
{
  g_free (group->name);
  g_ptr_array_unref (group->keys);
  g_hash_table_unref (group->key_lines);
  g_free (group);
}

void
quorum_keyfile_free (QuorumKeyfile *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->group_names, g_ptr_array_unref);
  g_free (self);
}

static void
set_line_error (GError     **error,
                GQuark       domain,
                int          code,
                const char  *display_name,
                guint        line,
                const char  *message)
{
  g_set_error (error, domain, code, "%s:%u: %s", display_name, line, message);
}

/* Key or Key[locale], as GKeyFile accepts it. */
static gboolean
is_key_name (const char *key)
{
  const char *open = strchr (key, '[');
  gsize len = strlen (key);

  if (len == 0 || strchr (key, ']') != (open != NULL ? key + len - 1 : NULL))
    return FALSE;
  if (open != NULL && (open == key || open + 1 == key + len - 1 || strchr (open + 1, '[') != NULL))
    return FALSE;
  return TRUE;
}

/* Walks the text line by line the way GKeyFile reads it (leading blanks are
 * ignored, "#" starts a comment) and records each group and key with its line. */
static gboolean
index_text (QuorumKeyfile  *self,
            const char     *data,
            gsize           len,
            GQuark          domain,
            int             syntax_code,
            int             duplicate_code,
            GError        **error)
{
  Group *current = NULL;
  const char *p = data;
  const char *end = data + len;
  guint line = 0;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *text = NULL;
      char *s;

      if (eol == NULL)
        eol = end;
      line++;
      text = g_strndup (p, eol - p);
      p = eol + 1;

      g_strchomp (text);
      s = text;
      while (*s == ' ' || *s == '\t')
        s++;

      if (*s == '\0' || *s == '#')
        continue;

      if (*s == '[')
        {
          char *close = strrchr (s, ']');
          g_autofree char *name = NULL;
          Group *group;

          if (close == NULL || close[1] != '\0' || close == s + 1)
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a valid group header"), s);
              set_line_error (error, domain, syntax_code, self->display_name, line, message);
              return FALSE;
            }

          name = g_strndup (s + 1, close - s - 1);
          if ((group = g_hash_table_lookup (self->by_name, name)) != NULL)
            {
              g_autofree char *message =
                g_strdup_printf (_("[%s] appears a second time (first on line %u)"),
                                 name, group->line);
              set_line_error (error, domain, duplicate_code, self->display_name, line, message);
              return FALSE;
            }

          group = g_new0 (Group, 1);
          group->name = g_steal_pointer (&name);
          group->line = line;
          group->keys = g_ptr_array_new_with_free_func (g_free);
          group->key_lines = g_hash_table_new (g_str_hash, g_str_equal);
          g_ptr_array_add (self->groups, group);
          g_hash_table_insert (self->by_name, group->name, group);
          g_ptr_array_add (self->group_names, group->name);
          current = group;
        }
      else
        {
          char *eq = strchr (s, '=');
          g_autofree char *key = NULL;

          if (eq == NULL || eq == s)
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a Key=Value line, a [Group] or a # comment"), s);
              set_line_error (error, domain, syntax_code, self->display_name, line, message);
              return FALSE;
            }
          if (current == NULL)
            {
              set_line_error (error, domain, syntax_code, self->display_name, line,
                              _("a key comes before the first [Group]"));
              return FALSE;
            }

          key = g_strndup (s, eq - s);
          g_strchomp (key);
          if (!is_key_name (key))
            {
              g_autofree char *message =
                g_strdup_printf (_("[%s] “%s” is not a valid key name"), current->name, key);
              set_line_error (error, domain, syntax_code, self->display_name, line, message);
              return FALSE;
            }
          if (g_hash_table_contains (current->key_lines, key))
            {
              g_autofree char *message =
                g_strdup_printf (_("[%s] %s: the key is given twice (first on line %u)"),
                                 current->name, key,
                                 GPOINTER_TO_UINT (g_hash_table_lookup (current->key_lines, key)));
              set_line_error (error, domain, duplicate_code, self->display_name, line, message);
              return FALSE;
            }
          g_ptr_array_add (current->keys, g_strdup (key));
          g_hash_table_insert (current->key_lines,
                               g_ptr_array_index (current->keys, current->keys->len - 1),
                               GUINT_TO_POINTER (line));
        }
    }

  return TRUE;
}

/**
 * quorum_keyfile_parse:
 * @data: UTF-8 key file text
 * @len: length of @data
 * @display_name: file name used in messages
 * @domain: error domain for failures
 * @syntax_code: error code for lines that are not key file syntax
 * @duplicate_code: error code for a repeated group or key
 * @error: return location for a #GError
 *
 * Parses @data as a key file with translations kept, and indexes its lines.
 *
 * Returns: (transfer full) (nullable): the parsed file, or %NULL with @error set
 */
QuorumKeyfile *
quorum_keyfile_parse (const char  *data,
                      gsize        len,
                      const char  *display_name,
                      GQuark       domain,
                      int          syntax_code,
                      int          duplicate_code,
                      GError     **error)
{
  g_autoptr(QuorumKeyfile) self = g_new0 (QuorumKeyfile, 1);
  g_autoptr(GError) local_error = NULL;
  const char *bad_utf8 = NULL;

  self->display_name = g_strdup (display_name);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->group_names = g_ptr_array_new ();
  self->key_file = g_key_file_new ();

  if (!g_utf8_validate (data, len, &bad_utf8))
    {
      guint line = 1;

      for (const char *q = data; q < bad_utf8; q++)
        if (*q == '\n')
          line++;
      set_line_error (error, domain, syntax_code, display_name, line,
                      _("the text is not valid UTF-8"));
      return NULL;
    }

  if (!index_text (self, data, len, domain, syntax_code, duplicate_code, error))
    return NULL;
  g_ptr_array_add (self->group_names, NULL);

  if (!g_key_file_load_from_data (self->key_file, data, len,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, domain, syntax_code, "%s: %s", display_name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

GKeyFile *
quorum_keyfile_get_key_file (QuorumKeyfile *self)
{
  return self->key_file;
}

const char *
quorum_keyfile_get_display_name (QuorumKeyfile *self)
{
  return self->display_name;
}

/* Returns: (transfer none): the group names in file order, NULL-terminated */
const char **
quorum_keyfile_get_groups (QuorumKeyfile *self)
{
  return (const char **)self->group_names->pdata;
}

/* Returns: (transfer container): the keys of @group in file order,
 * NULL-terminated; free with g_free() */
const char **
quorum_keyfile_get_keys (QuorumKeyfile *self,
                         const char    *group)
{
  Group *g = g_hash_table_lookup (self->by_name, group);
  const char **keys;

  if (g == NULL)
    return g_new0 (const char *, 1);

  keys = g_new0 (const char *, g->keys->len + 1);
  for (guint i = 0; i < g->keys->len; i++)
    keys[i] = g_ptr_array_index (g->keys, i);
  return keys;
}

/* The line of @key in @group, or of the group header when @key is NULL or
 * absent; 0 when the group is unknown. */
guint
quorum_keyfile_get_line (QuorumKeyfile *self,
                         const char    *group,
                         const char    *key)
{
  Group *g = group != NULL ? g_hash_table_lookup (self->by_name, group) : NULL;
  gpointer line;

  if (g == NULL)
    return 0;
  if (key != NULL && (line = g_hash_table_lookup (g->key_lines, key)) != NULL)
    return GPOINTER_TO_UINT (line);
  return g->line;
}

/* Sets "file:line: [group] key: message". */
void
quorum_keyfile_set_error (QuorumKeyfile  *self,
                          GError        **error,
                          GQuark          domain,
                          int             code,
                          const char     *group,
                          const char     *key,
                          const char     *format,
                          ...)
{
  g_autofree char *message = NULL;
  guint line = quorum_keyfile_get_line (self, group, key);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (group == NULL)
    g_set_error (error, domain, code, "%s: %s", self->display_name, message);
  else if (key == NULL)
    g_set_error (error, domain, code, "%s:%u: [%s] %s", self->display_name, line, group, message);
  else
    g_set_error (error, domain, code, "%s:%u: [%s] %s: %s",
                 self->display_name, line, group, key, message);
}

/* TRUE when @key is @base or a translation of it ("Title[zh_CN]"). */
gboolean
quorum_keyfile_is_translation (const char *key,
                               const char *base)
{
  gsize n = strlen (base);
  gsize len = strlen (key);

  if (strcmp (key, base) == 0)
    return TRUE;
  return strncmp (key, base, n) == 0 && key[n] == '[' && len > n + 2 && key[len - 1] == ']';
}

/* Parses a strict ISO date, YYYY-MM-DD. */
gboolean
quorum_keyfile_parse_date (const char *text,
                           GDate      *out)
{
  guint y, m, d;
  int consumed = 0;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}
