/* quorum-workdays.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"

G_BEGIN_DECLS

#define QUORUM_WORKDAYS_ERROR (quorum_workdays_error_quark ())

/**
 * QuorumWorkdaysError:
 * @QUORUM_WORKDAYS_ERROR_SYNTAX: the file is not a key file
 * @QUORUM_WORKDAYS_ERROR_INVALID: a group, key or value is wrong
 * @QUORUM_WORKDAYS_ERROR_OVERLAP: two holidays overlap, or a working day lies in a holiday
 * @QUORUM_WORKDAYS_ERROR_DUPLICATE: a group, key or year is defined twice
 *
 * Errors from loading a holiday calendar.
 */
typedef enum
{
  QUORUM_WORKDAYS_ERROR_SYNTAX,
  QUORUM_WORKDAYS_ERROR_INVALID,
  QUORUM_WORKDAYS_ERROR_OVERLAP,
  QUORUM_WORKDAYS_ERROR_DUPLICATE,
} QuorumWorkdaysError;

#define QUORUM_TYPE_WORKDAYS (quorum_workdays_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWorkdays, quorum_workdays, QUORUM, WORKDAYS, GObject)

GQuark          quorum_workdays_error_quark      (void);
QuorumWorkdays *quorum_workdays_new              (void);
QuorumWorkdays *quorum_workdays_new_default      (GError         **error);
gboolean        quorum_workdays_load_file        (QuorumWorkdays  *self,
                                                  const char      *path,
                                                  GError         **error);
gboolean        quorum_workdays_load_bytes       (QuorumWorkdays  *self,
                                                  GBytes          *bytes,
                                                  const char      *display_name,
                                                  GError         **error);
QuorumDayKind   quorum_workdays_classify         (QuorumWorkdays  *self,
                                                  const GDate     *date,
                                                  char           **holiday_name);
gboolean        quorum_workdays_is_workday       (QuorumWorkdays  *self,
                                                  const GDate     *date);
gboolean        quorum_workdays_has_year         (QuorumWorkdays  *self,
                                                  int              year);
void            quorum_workdays_add              (QuorumWorkdays  *self,
                                                  const GDate     *from,
                                                  int              n,
                                                  GDate           *out,
                                                  gboolean        *out_uncertain);
void            quorum_workdays_next_workday     (QuorumWorkdays  *self,
                                                  const GDate     *date,
                                                  GDate           *out,
                                                  gboolean        *out_uncertain);
void            quorum_workdays_previous_workday (QuorumWorkdays  *self,
                                                  const GDate     *date,
                                                  GDate           *out,
                                                  gboolean        *out_uncertain);

G_END_DECLS
