/* quorum-dav-xml.h: a small namespace-aware reader for WebDAV replies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QUORUM_DAV_NS_DAV    "DAV:"
#define QUORUM_DAV_NS_CALDAV "urn:ietf:params:xml:ns:caldav"
#define QUORUM_DAV_NS_CS     "http://calendarserver.org/ns/"

/* One element: its namespace URI and local name (never the prefix), its
 * attributes (local name → value), the text directly inside it and its child
 * elements in document order. */
typedef struct _QuorumDavNode QuorumDavNode;

struct _QuorumDavNode
{
  char          *ns;
  char          *name;
  GHashTable    *attributes;
  GString       *text;
  GPtrArray     *children;      /* of QuorumDavNode */
};

/* One <response> of a multistatus: @href as sent, the HTTP status of the whole
 * response (0 when it only has propstats) and the properties that came with
 * a 2xx propstat status. */
typedef struct
{
  char          *href;
  guint          status;
  GPtrArray     *props;         /* of QuorumDavNode, borrowed from the tree */
} QuorumDavResponse;

typedef struct
{
  QuorumDavNode *root;
  GPtrArray     *responses;     /* of QuorumDavResponse */
  char          *sync_token;    /* the top-level one of a sync-collection reply */
} QuorumDavMultistatus;

QuorumDavNode        *quorum_dav_xml_parse             (const char                 *data,
                                                        gsize                       len,
                                                        GError                    **error);
void                  quorum_dav_node_free             (QuorumDavNode              *node);
gboolean              quorum_dav_node_is               (const QuorumDavNode        *node,
                                                        const char                 *ns,
                                                        const char                 *name);
QuorumDavNode        *quorum_dav_node_get_child        (const QuorumDavNode        *node,
                                                        const char                 *ns,
                                                        const char                 *name);
char                 *quorum_dav_node_dup_text         (const QuorumDavNode        *node);
char                 *quorum_dav_node_dup_href         (const QuorumDavNode        *node);

QuorumDavMultistatus *quorum_dav_multistatus_parse     (const char                 *data,
                                                        gsize                       len,
                                                        GError                    **error);
void                  quorum_dav_multistatus_free      (QuorumDavMultistatus       *ms);
QuorumDavNode        *quorum_dav_response_get_prop     (const QuorumDavResponse    *response,
                                                        const char                 *ns,
                                                        const char                 *name);
char                 *quorum_dav_response_dup_prop_text (const QuorumDavResponse   *response,
                                                        const char                 *ns,
                                                        const char                 *name);
guint                 quorum_dav_parse_status_line     (const char                 *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDavNode, quorum_dav_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDavMultistatus, quorum_dav_multistatus_free)

G_END_DECLS
