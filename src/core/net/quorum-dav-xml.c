/* quorum-dav-xml.c: a small namespace-aware reader for WebDAV replies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMarkup reports names as written ("D:href", "href", "C:calendar"); servers
 * pick any prefixes they like and may redeclare them on any element, so the
 * names are resolved here against the xmlns declarations in scope and the
 * rest of the code only ever compares (namespace URI, local name) pairs.
 */

#define G_LOG_DOMAIN "quorum-caldav"

#include "config.h"

#include <string.h>

#include "quorum-dav-xml.h"

typedef struct
{
  char *prefix;                 /* "" for the default namespace */
  char *uri;
  guint depth;
} Binding;

typedef struct
{
  GArray        *bindings;      /* of Binding */
  GPtrArray     *stack;         /* of QuorumDavNode, borrowed */
  QuorumDavNode *root;
} ParseState;

static void
binding_clear (Binding *binding)
{
  g_free (binding->prefix);
  g_free (binding->uri);
}

static QuorumDavNode *
node_new (const char *ns,
          const char *name)
{
  QuorumDavNode *node = g_new0 (QuorumDavNode, 1);

  node->ns = g_strdup (ns);
  node->name = g_strdup (name);
  node->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dav_node_free);
  return node;
}

void
quorum_dav_node_free (QuorumDavNode *node)
{
  if (node == NULL)
    return;
  g_free (node->ns);
  g_free (node->name);
  g_hash_table_unref (node->attributes);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

/* Splits "p:name" into its prefix and local name; no colon is prefix "". */
static const char *
split_name (const char  *qname,
            char       **prefix)
{
  const char *colon = strchr (qname, ':');

  if (colon == NULL)
    {
      *prefix = g_strdup ("");
      return qname;
    }
  *prefix = g_strndup (qname, colon - qname);
  return colon + 1;
}

static const char *
lookup_namespace (ParseState *state,
                  const char *prefix)
{
  for (guint i = state->bindings->len; i > 0; i--)
    {
      const Binding *binding = &g_array_index (state->bindings, Binding, i - 1);

      if (strcmp (binding->prefix, prefix) == 0)
        return binding->uri;
    }
  if (strcmp (prefix, "xml") == 0)
    return "http://www.w3.org/XML/1998/namespace";
  if (*prefix == '\0')
    return "";
  return NULL;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  QuorumDavNode *node;
  g_autofree char *prefix = NULL;
  const char *local;
  const char *ns;
  guint depth = state->stack->len + 1;

  /* Declarations first: they apply to the element that carries them. */
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      Binding binding = { NULL, NULL, depth };

      if (strcmp (attribute_names[i], "xmlns") == 0)
        binding.prefix = g_strdup ("");
      else if (g_str_has_prefix (attribute_names[i], "xmlns:"))
        binding.prefix = g_strdup (attribute_names[i] + strlen ("xmlns:"));
      else
        continue;
      binding.uri = g_strdup (attribute_values[i]);
      g_array_append_val (state->bindings, binding);
    }

  local = split_name (element_name, &prefix);
  ns = lookup_namespace (state, prefix);
  if (ns == NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "undeclared namespace prefix “%s” on <%s>", prefix, element_name);
      return;
    }

  node = node_new (ns, local);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      g_autofree char *attr_prefix = NULL;
      const char *attr_local = split_name (attribute_names[i], &attr_prefix);

      if (strcmp (attribute_names[i], "xmlns") == 0 || strcmp (attr_prefix, "xmlns") == 0)
        continue;
      g_hash_table_replace (node->attributes, g_strdup (attr_local), g_strdup (attribute_values[i]));
    }

  if (state->stack->len == 0)
    {
      if (state->root != NULL)
        {
          quorum_dav_node_free (node);
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               "more than one root element");
          return;
        }
      state->root = node;
    }
  else
    {
      QuorumDavNode *parent = g_ptr_array_index (state->stack, state->stack->len - 1);

      g_ptr_array_add (parent->children, node);
    }
  g_ptr_array_add (state->stack, node);
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;
  guint depth = state->stack->len;

  while (state->bindings->len > 0 &&
         g_array_index (state->bindings, Binding, state->bindings->len - 1).depth >= depth)
    g_array_set_size (state->bindings, state->bindings->len - 1);
  g_ptr_array_set_size (state->stack, depth - 1);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->stack->len > 0)
    {
      QuorumDavNode *node = g_ptr_array_index (state->stack, state->stack->len - 1);

      g_string_append_len (node->text, text, text_len);
    }
}

/*
 * quorum_dav_xml_parse:
 *
 * Reads an XML document into a tree of namespace-resolved nodes. The error is
 * a G_MARKUP_ERROR in English: callers wrap it in a message of their own.
 *
 * Returns: (transfer full): the root element, or %NULL with @error set
 */
QuorumDavNode *
quorum_dav_xml_parse (const char  *data,
                      gsize        len,
                      GError     **error)
{
  static const GMarkupParser parser = {
    on_start_element, on_end_element, on_text, NULL, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { 0 };
  gboolean ok;

  state.bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
  g_array_set_clear_func (state.bindings, (GDestroyNotify) binding_clear);
  state.stack = g_ptr_array_new ();

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, len, error) &&
       g_markup_parse_context_end_parse (context, error);

  g_array_unref (state.bindings);
  g_ptr_array_unref (state.stack);

  if (ok && state.root == NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, "no root element");
      ok = FALSE;
    }
  if (!ok)
    {
      quorum_dav_node_free (state.root);
      return NULL;
    }
  return state.root;
}

gboolean
quorum_dav_node_is (const QuorumDavNode *node,
                    const char          *ns,
                    const char          *name)
{
  return node != NULL && strcmp (node->ns, ns) == 0 && strcmp (node->name, name) == 0;
}

QuorumDavNode *
quorum_dav_node_get_child (const QuorumDavNode *node,
                           const char          *ns,
                           const char          *name)
{
  if (node == NULL)
    return NULL;
  for (guint i = 0; i < node->children->len; i++)
    {
      QuorumDavNode *child = g_ptr_array_index (node->children, i);

      if (quorum_dav_node_is (child, ns, name))
        return child;
    }
  return NULL;
}

/* The text inside @node without surrounding white space; %NULL when empty. */
char *
quorum_dav_node_dup_text (const QuorumDavNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;
  text = g_strstrip (g_strdup (node->text->str));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* The first <DAV:href> inside @node (e.g. current-user-principal). */
char *
quorum_dav_node_dup_href (const QuorumDavNode *node)
{
  return quorum_dav_node_dup_text (quorum_dav_node_get_child (node, QUORUM_DAV_NS_DAV, "href"));
}

/* "HTTP/1.1 404 Not Found" → 404; 0 when unreadable. */
guint
quorum_dav_parse_status_line (const char *line)
{
  g_autofree char *digits = NULL;
  const char *space;
  guint64 code = 0;

  if (line == NULL)
    return 0;
  space = strchr (line, ' ');
  if (space == NULL)
    return 0;
  while (*space == ' ')
    space++;
  digits = g_strndup (space, 3);
  if (!g_ascii_string_to_unsigned (digits, 10, 100, 599, &code, NULL))
    return 0;
  return (guint) code;
}

static void
response_free (QuorumDavResponse *response)
{
  g_free (response->href);
  g_ptr_array_unref (response->props);
  g_free (response);
}

static QuorumDavResponse *
read_response (const QuorumDavNode *node)
{
  QuorumDavResponse *response = g_new0 (QuorumDavResponse, 1);

  response->href = quorum_dav_node_dup_href (node);
  response->props = g_ptr_array_new ();
  for (guint i = 0; i < node->children->len; i++)
    {
      const QuorumDavNode *child = g_ptr_array_index (node->children, i);
      g_autofree char *status = NULL;
      const QuorumDavNode *prop;
      guint code;

      if (quorum_dav_node_is (child, QUORUM_DAV_NS_DAV, "status"))
        {
          status = quorum_dav_node_dup_text (child);
          response->status = quorum_dav_parse_status_line (status);
          continue;
        }
      if (!quorum_dav_node_is (child, QUORUM_DAV_NS_DAV, "propstat"))
        continue;

      status = quorum_dav_node_dup_text (quorum_dav_node_get_child (child, QUORUM_DAV_NS_DAV,
                                                                    "status"));
      code = quorum_dav_parse_status_line (status);
      prop = quorum_dav_node_get_child (child, QUORUM_DAV_NS_DAV, "prop");
      /* A propstat without a status is taken as found: lenient on purpose. */
      if (prop == NULL || (code != 0 && (code < 200 || code > 299)))
        continue;
      for (guint j = 0; j < prop->children->len; j++)
        g_ptr_array_add (response->props, g_ptr_array_index (prop->children, j));
    }
  return response;
}

/*
 * quorum_dav_multistatus_parse:
 *
 * Reads a 207 Multi-Status body. Responses without an href are dropped.
 *
 * Returns: (transfer full): the replies, or %NULL with a G_MARKUP_ERROR when
 *   the body is not XML or not a DAV:multistatus
 */
QuorumDavMultistatus *
quorum_dav_multistatus_parse (const char  *data,
                              gsize        len,
                              GError     **error)
{
  g_autoptr(QuorumDavMultistatus) ms = g_new0 (QuorumDavMultistatus, 1);

  ms->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) response_free);
  ms->root = quorum_dav_xml_parse (data, len, error);
  if (ms->root == NULL)
    return NULL;
  if (!quorum_dav_node_is (ms->root, QUORUM_DAV_NS_DAV, "multistatus"))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "the root element is <%s> in “%s”, not a DAV: multistatus",
                   ms->root->name, ms->root->ns);
      return NULL;
    }

  for (guint i = 0; i < ms->root->children->len; i++)
    {
      const QuorumDavNode *child = g_ptr_array_index (ms->root->children, i);
      QuorumDavResponse *response;

      if (quorum_dav_node_is (child, QUORUM_DAV_NS_DAV, "sync-token"))
        {
          g_free (ms->sync_token);
          ms->sync_token = quorum_dav_node_dup_text (child);
          continue;
        }
      if (!quorum_dav_node_is (child, QUORUM_DAV_NS_DAV, "response"))
        continue;
      response = read_response (child);
      if (response->href == NULL)
        {
          response_free (response);
          continue;
        }
      g_ptr_array_add (ms->responses, response);
    }
  return g_steal_pointer (&ms);
}

void
quorum_dav_multistatus_free (QuorumDavMultistatus *ms)
{
  if (ms == NULL)
    return;
  g_clear_pointer (&ms->responses, g_ptr_array_unref);
  g_clear_pointer (&ms->root, quorum_dav_node_free);
  g_free (ms->sync_token);
  g_free (ms);
}

QuorumDavNode *
quorum_dav_response_get_prop (const QuorumDavResponse *response,
                              const char              *ns,
                              const char              *name)
{
  for (guint i = 0; i < response->props->len; i++)
    {
      QuorumDavNode *prop = g_ptr_array_index (response->props, i);

      if (quorum_dav_node_is (prop, ns, name))
        return prop;
    }
  return NULL;
}

char *
quorum_dav_response_dup_prop_text (const QuorumDavResponse *response,
                                   const char              *ns,
                                   const char              *name)
{
  return quorum_dav_node_dup_text (quorum_dav_response_get_prop (response, ns, name));
}
