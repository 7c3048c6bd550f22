/* quorum-keyfile-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GKeyFile together with an index of where each group and key sits in the
 * text, so that validation errors can say "file:line: [Group] Key: …".
 * GKeyFile itself keeps no line numbers, and silently merges repeated groups
 * and keys; the index catches both. */
typedef struct _QuorumKeyfile QuorumKeyfile;

QuorumKeyfile  *quorum_keyfile_parse            (const char     *data,
                                                 gsize           len,
                                                 const char     *display_name,
                                                 GQuark          domain,
                                                 int             syntax_code,
                                                 int             duplicate_code,
                                                 GError        **error);
void            quorum_keyfile_free             (QuorumKeyfile  *self);
GKeyFile       *quorum_keyfile_get_key_file     (QuorumKeyfile  *self);
const char     *quorum_keyfile_get_display_name (QuorumKeyfile  *self);
const char    **quorum_keyfile_get_groups       (QuorumKeyfile  *self);
const char    **quorum_keyfile_get_keys         (QuorumKeyfile  *self,
                                                 const char     *group);
guint           quorum_keyfile_get_line         (QuorumKeyfile  *self,
                                                 const char     *group,
                                                 const char     *key);
void            quorum_keyfile_set_error        (QuorumKeyfile  *self,
                                                 GError        **error,
                                                 GQuark          domain,
                                                 int             code,
                                                 const char     *group,
                                                 const char     *key,
                                                 const char     *format,
                                                 ...) G_GNUC_PRINTF (7, 8);
gboolean        quorum_keyfile_is_translation   (const char     *key,
                                                 const char     *base);
gboolean        quorum_keyfile_parse_date       (const char     *text,
                                                 GDate          *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumKeyfile, quorum_keyfile_free)

G_END_DECLS
