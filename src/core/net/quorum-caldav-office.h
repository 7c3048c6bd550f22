/* quorum-caldav-office.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's office on a CalDAV server: one calendar per leader and one for
 * the whole office, kept equal to the store.
 */

#pragma once

#include <gio/gio.h>

#include "quorum-caldav-client.h"
#include "quorum-caldav-publisher.h"
#include "quorum-store.h"

G_BEGIN_DECLS

/* Settings in the store (quorum_store_dup_setting()) for the saved account.
 * The password is never kept there. */
#define QUORUM_CALDAV_SETTING_URL  "caldav-url"
#define QUORUM_CALDAV_SETTING_USER "caldav-user"

/* The slugs of the calendars made in the calendar home. */
#define QUORUM_CALDAV_OFFICE_SLUG        "quorum-office"
#define QUORUM_CALDAV_PERSON_SLUG_PREFIX "quorum-person-"

/**
 * QuorumCaldavOfficeReport:
 * @n_calendars: calendars published
 * @total: the sum of every calendar's report; its @overwritten lists
 *   "calendar: event" for each event put back over a server-side edit
 *
 * What quorum_caldav_publish_office() did.
 */
typedef struct
{
  guint                     n_calendars;
  QuorumCaldavPublishReport total;
} QuorumCaldavOfficeReport;

void      quorum_caldav_office_report_clear    (QuorumCaldavOfficeReport  *report);
char     *quorum_caldav_office_report_describe (QuorumCaldavOfficeReport  *report);

char     *quorum_caldav_person_calendar_name   (const char                *person_name);
char     *quorum_caldav_state_key              (QuorumCaldavClient        *client,
                                                const char                *calendar_href);

gboolean  quorum_caldav_publish_office         (QuorumCaldavClient        *client,
                                                QuorumStore               *store,
                                                const char                *home_href,
                                                QuorumCaldavOfficeReport  *report,
                                                GCancellable              *cancellable,
                                                GError                   **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuorumCaldavOfficeReport, quorum_caldav_office_report_clear)

G_END_DECLS
