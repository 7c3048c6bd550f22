/* quorum-people-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-people-import-dialog.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PEOPLE_PAGE (quorum_people_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPeoplePage, quorum_people_page, QUORUM, PEOPLE_PAGE, AdwBin)

gboolean                  quorum_people_page_select        (QuorumPeoplePage  *self,
                                                            gint64             person_id);
gint64                    quorum_people_page_get_selected  (QuorumPeoplePage  *self);
GListModel               *quorum_people_page_get_shown     (QuorumPeoplePage  *self);
QuorumPeopleImportDialog *quorum_people_page_import_bytes  (QuorumPeoplePage  *self,
                                                            GBytes            *bytes,
                                                            const char        *name,
                                                            GError           **error);

G_END_DECLS
