/* quorum-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_PERSON (quorum_person_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPerson, quorum_person, QUORUM, PERSON, GObject)

QuorumPerson *quorum_person_new              (const char   *name,
                                              const char   *title,
                                              int           rank);
gint64        quorum_person_get_id           (QuorumPerson *self);
const char   *quorum_person_get_name         (QuorumPerson *self);
void          quorum_person_set_name         (QuorumPerson *self,
                                              const char   *name);
const char   *quorum_person_get_title        (QuorumPerson *self);
void          quorum_person_set_title        (QuorumPerson *self,
                                              const char   *title);
int           quorum_person_get_rank         (QuorumPerson *self);
void          quorum_person_set_rank         (QuorumPerson *self,
                                              int           rank);
gboolean      quorum_person_get_party_member (QuorumPerson *self);
void          quorum_person_set_party_member (QuorumPerson *self,
                                              gboolean      party_member);
GDate        *quorum_person_get_retired_on   (QuorumPerson *self);

G_END_DECLS
