/* quorum-sheet.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "quorum-enums.h"

G_BEGIN_DECLS

/**
 * QuorumSheetKind:
 * @QUORUM_SHEET_SIGN_IN: a sign-in sheet (签到表) with a blank signature column
 * @QUORUM_SHEET_RECORD: an attendance record (出席情况记录) with statuses and a summary
 * @QUORUM_SHEET_SPEAKING_ORDER: the reverse speaking order (倒序发言顺序), most junior first
 *
 * What a #QuorumSheet prints.
 */
typedef enum
{
  QUORUM_SHEET_SIGN_IN,
  QUORUM_SHEET_RECORD,
  QUORUM_SHEET_SPEAKING_ORDER,
} QuorumSheetKind;

/**
 * QuorumSheetRow:
 * @name: the person's name
 * @post: the person's post (职务), or %NULL
 * @status: the attendance status, for %QUORUM_SHEET_RECORD
 * @reason: why the person was excused or absent, or %NULL
 * @key_speaker: whether the person is a key speaker (重点发言)
 * @made_up: when the person made the session up (补学), as display text, or %NULL
 *
 * One person on a sheet. The sheet owns the strings.
 */
typedef struct
{
  char                   *name;
  char                   *post;
  QuorumAttendanceStatus  status;
  char                   *reason;
  gboolean                key_speaker;
  char                   *made_up;
} QuorumSheetRow;

typedef struct _QuorumSheet QuorumSheet;

#define QUORUM_TYPE_SHEET (quorum_sheet_get_type ())

GType                 quorum_sheet_get_type              (void) G_GNUC_CONST;
QuorumSheet          *quorum_sheet_new                   (QuorumSheetKind         kind);
QuorumSheet          *quorum_sheet_ref                   (QuorumSheet            *self);
void                  quorum_sheet_unref                 (QuorumSheet            *self);

QuorumSheetKind       quorum_sheet_get_kind              (QuorumSheet            *self);
void                  quorum_sheet_set_kind              (QuorumSheet            *self,
                                                          QuorumSheetKind         kind);
const char           *quorum_sheet_get_office            (QuorumSheet            *self);
void                  quorum_sheet_set_office            (QuorumSheet            *self,
                                                          const char             *office);
const char           *quorum_sheet_get_title             (QuorumSheet            *self);
void                  quorum_sheet_set_title             (QuorumSheet            *self,
                                                          const char             *title);
const char           *quorum_sheet_get_duty              (QuorumSheet            *self);
void                  quorum_sheet_set_duty              (QuorumSheet            *self,
                                                          const char             *duty);
const char           *quorum_sheet_get_location          (QuorumSheet            *self);
void                  quorum_sheet_set_location          (QuorumSheet            *self,
                                                          const char             *location);
GDateTime            *quorum_sheet_get_start             (QuorumSheet            *self);
GDateTime            *quorum_sheet_get_end               (QuorumSheet            *self);
void                  quorum_sheet_set_times             (QuorumSheet            *self,
                                                          GDateTime              *start,
                                                          GDateTime              *end);
GDateTime            *quorum_sheet_get_minutes_signed_on (QuorumSheet            *self);
void                  quorum_sheet_set_minutes_signed_on (QuorumSheet            *self,
                                                          GDateTime              *signed_on);
const char           *quorum_sheet_get_notes             (QuorumSheet            *self);
void                  quorum_sheet_set_notes             (QuorumSheet            *self,
                                                          const char             *notes);
GDateTime            *quorum_sheet_get_printed_at        (QuorumSheet            *self);
void                  quorum_sheet_set_printed_at        (QuorumSheet            *self,
                                                          GDateTime              *printed_at);

guint                 quorum_sheet_add_row               (QuorumSheet            *self,
                                                          const char             *name,
                                                          const char             *post,
                                                          QuorumAttendanceStatus  status,
                                                          const char             *reason,
                                                          gboolean                key_speaker,
                                                          const char             *made_up);
guint                 quorum_sheet_get_n_rows            (QuorumSheet            *self);
const QuorumSheetRow *quorum_sheet_get_row               (QuorumSheet            *self,
                                                          guint                   index);
const QuorumSheetRow *quorum_sheet_get_printed_row       (QuorumSheet            *self,
                                                          guint                   position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumSheet, quorum_sheet_unref)

G_END_DECLS
