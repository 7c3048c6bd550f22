/* quorum-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-sheet"

#include "config.h"

#include "quorum-sheet.h"

/**
 * QuorumSheet:
 *
 * The plain data of one printed sheet: the heading of a session and the people
 * expected at it, in rank order (most senior first). It knows nothing of the
 * store; whoever prints fills it in, and quorum_sheet_draw_page() draws it.
 *
 * A sheet is a reference-counted boxed type. It is not thread-safe to modify,
 * but a finished sheet may be drawn from any thread.
 */
struct _QuorumSheet
{
  QuorumSheetKind  kind;
  char            *office;
  char            *title;
  char            *duty;
  char            *location;
  char            *notes;
  GDateTime       *start;
  GDateTime       *end;
  GDateTime       *minutes_signed_on;
  GDateTime       *printed_at;
  GArray          *rows;
};

G_DEFINE_BOXED_TYPE (QuorumSheet, quorum_sheet, quorum_sheet_ref, quorum_sheet_unref)

static void
clear_row (gpointer data)
{
  QuorumSheetRow *row = data;

  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->post, g_free);
  g_clear_pointer (&row->reason, g_free);
  g_clear_pointer (&row->made_up, g_free);
}

static void
quorum_sheet_clear (gpointer data)
{
  QuorumSheet *self = data;

  g_clear_pointer (&self->office, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->duty, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->minutes_signed_on, g_date_time_unref);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_pointer (&self->rows, g_array_unref);
}

/* Replaces a string field, treating "" like NULL so that empty lines print as nothing. */
static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

static void
set_date_time (GDateTime **field,
               GDateTime  *value)
{
  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
}

/**
 * quorum_sheet_new:
 * @kind: what the sheet prints
 *
 * Creates an empty sheet with no heading, no rows and no printing date.
 *
 * Returns: (transfer full): a new sheet
 */
QuorumSheet *
quorum_sheet_new (QuorumSheetKind kind)
{
  QuorumSheet *self = g_atomic_rc_box_new0 (QuorumSheet);

  self->kind = kind;
  self->rows = g_array_new (FALSE, TRUE, sizeof (QuorumSheetRow));
  g_array_set_clear_func (self->rows, clear_row);
  return self;
}

/**
 * quorum_sheet_ref:
 * @self: a sheet
 *
 * Returns: (transfer full): @self, with one more reference
 */
QuorumSheet *
quorum_sheet_ref (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * quorum_sheet_unref:
 * @self: (transfer full): a sheet
 *
 * Drops one reference; the last one frees the sheet.
 */
void
quorum_sheet_unref (QuorumSheet *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, quorum_sheet_clear);
}

/**
 * quorum_sheet_get_kind:
 * @self: a sheet
 *
 * Returns: what the sheet prints
 */
QuorumSheetKind
quorum_sheet_get_kind (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, QUORUM_SHEET_SIGN_IN);

  return self->kind;
}

/**
 * quorum_sheet_set_kind:
 * @self: a sheet
 * @kind: what the sheet prints
 *
 * Changes what the sheet prints: the same people can be printed as a sign-in
 * sheet before a session and as a record after it.
 */
void
quorum_sheet_set_kind (QuorumSheet     *self,
                       QuorumSheetKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind <= QUORUM_SHEET_SPEAKING_ORDER);

  self->kind = kind;
}

/**
 * quorum_sheet_get_office:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): the office printed above the title,
 *   e.g. "栖霞市人民政府"
 */
const char *
quorum_sheet_get_office (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->office;
}

/**
 * quorum_sheet_set_office:
 * @self: a sheet
 * @office: (nullable): the office name
 *
 * Sets the office printed above the title.
 */
void
quorum_sheet_set_office (QuorumSheet *self,
                         const char  *office)
{
  g_return_if_fail (self != NULL);

  set_string (&self->office, office);
}

/**
 * quorum_sheet_get_title:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): the session title
 */
const char *
quorum_sheet_get_title (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * quorum_sheet_set_title:
 * @self: a sheet
 * @title: (nullable): the session title, e.g. "党组理论学习中心组学习"
 *
 * Sets the session title; the heading adds the kind of sheet to it.
 */
void
quorum_sheet_set_title (QuorumSheet *self,
                        const char  *title)
{
  g_return_if_fail (self != NULL);

  set_string (&self->title, title);
}

/**
 * quorum_sheet_get_duty:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): the duty and the article requiring it
 */
const char *
quorum_sheet_get_duty (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->duty;
}

/**
 * quorum_sheet_set_duty:
 * @self: a sheet
 * @duty: (nullable): the duty, e.g. "第2条 党组理论学习中心组学习"
 *
 * Sets the duty and article the session fulfils.
 */
void
quorum_sheet_set_duty (QuorumSheet *self,
                       const char  *duty)
{
  g_return_if_fail (self != NULL);

  set_string (&self->duty, duty);
}

/**
 * quorum_sheet_get_location:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): where the session is held
 */
const char *
quorum_sheet_get_location (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->location;
}

/**
 * quorum_sheet_set_location:
 * @self: a sheet
 * @location: (nullable): the place
 *
 * Sets where the session is held.
 */
void
quorum_sheet_set_location (QuorumSheet *self,
                           const char  *location)
{
  g_return_if_fail (self != NULL);

  set_string (&self->location, location);
}

/**
 * quorum_sheet_get_start:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): when the session starts
 */
GDateTime *
quorum_sheet_get_start (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->start;
}

/**
 * quorum_sheet_get_end:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): when the session ends
 */
GDateTime *
quorum_sheet_get_end (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->end;
}

/**
 * quorum_sheet_set_times:
 * @self: a sheet
 * @start: (nullable): when the session starts
 * @end: (nullable): when it ends, not before @start
 *
 * Sets the session's time; dates print in the time zone they carry.
 */
void
quorum_sheet_set_times (QuorumSheet *self,
                        GDateTime   *start,
                        GDateTime   *end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start == NULL || end == NULL || g_date_time_compare (start, end) <= 0);

  set_date_time (&self->start, start);
  set_date_time (&self->end, end);
}

/**
 * quorum_sheet_get_minutes_signed_on:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): when the minutes were signed
 */
GDateTime *
quorum_sheet_get_minutes_signed_on (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->minutes_signed_on;
}

/**
 * quorum_sheet_set_minutes_signed_on:
 * @self: a sheet
 * @signed_on: (nullable): when the minutes were signed, or %NULL to leave a blank
 *
 * Sets the date the record prints for the signed minutes.
 */
void
quorum_sheet_set_minutes_signed_on (QuorumSheet *self,
                                    GDateTime   *signed_on)
{
  g_return_if_fail (self != NULL);

  set_date_time (&self->minutes_signed_on, signed_on);
}

/**
 * quorum_sheet_get_notes:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): notes printed under the record
 */
const char *
quorum_sheet_get_notes (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->notes;
}

/**
 * quorum_sheet_set_notes:
 * @self: a sheet
 * @notes: (nullable): free text
 *
 * Sets the notes printed under the attendance record.
 */
void
quorum_sheet_set_notes (QuorumSheet *self,
                        const char  *notes)
{
  g_return_if_fail (self != NULL);

  set_string (&self->notes, notes);
}

/**
 * quorum_sheet_get_printed_at:
 * @self: a sheet
 *
 * Returns: (transfer none) (nullable): the printing date shown in the footer
 */
GDateTime *
quorum_sheet_get_printed_at (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->printed_at;
}

/**
 * quorum_sheet_set_printed_at:
 * @self: a sheet
 * @printed_at: (nullable): the printing date
 *
 * Sets the date printed in the footer. The sheet never reads the clock: the
 * caller passes "now", so the same sheet always prints the same.
 */
void
quorum_sheet_set_printed_at (QuorumSheet *self,
                             GDateTime   *printed_at)
{
  g_return_if_fail (self != NULL);

  set_date_time (&self->printed_at, printed_at);
}

/**
 * quorum_sheet_add_row:
 * @self: a sheet
 * @name: the person's name
 * @post: (nullable): the person's post
 * @status: the attendance status (only the record prints it)
 * @reason: (nullable): why the person was excused or absent
 * @key_speaker: whether the person is a key speaker
 * @made_up: (nullable): when the person made the session up, as display text
 *
 * Appends a person. Add people in rank order, most senior first: the
 * speaking order reverses them itself (see quorum_sheet_get_printed_row()).
 *
 * Returns: the index of the new row
 */
guint
quorum_sheet_add_row (QuorumSheet            *self,
                      const char             *name,
                      const char             *post,
                      QuorumAttendanceStatus  status,
                      const char             *reason,
                      gboolean                key_speaker,
                      const char             *made_up)
{
  QuorumSheetRow row = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (status <= QUORUM_ATTENDANCE_ABSENT, 0);

  row.name = g_strdup (name);
  set_string (&row.post, post);
  row.status = status;
  set_string (&row.reason, reason);
  row.key_speaker = !!key_speaker;
  set_string (&row.made_up, made_up);
  g_array_append_val (self->rows, row);
  return self->rows->len - 1;
}

/**
 * quorum_sheet_get_n_rows:
 * @self: a sheet
 *
 * Returns: how many people the sheet lists
 */
guint
quorum_sheet_get_n_rows (QuorumSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * quorum_sheet_get_row:
 * @self: a sheet
 * @index: a row index, in the order rows were added
 *
 * Returns: (transfer none): the row
 */
const QuorumSheetRow *
quorum_sheet_get_row (QuorumSheet *self,
                      guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &g_array_index (self->rows, QuorumSheetRow, index);
}

/**
 * quorum_sheet_get_printed_row:
 * @self: a sheet
 * @position: a position on paper, 0 for the first line printed
 *
 * Returns the row printed at @position. Sign-in sheets and records print rows
 * in rank order, as added. The speaking order prints them reversed, because
 * in a 倒序发言 the most junior speaks first and the most senior last.
 *
 * Returns: (transfer none): the row
 */
const QuorumSheetRow *
quorum_sheet_get_printed_row (QuorumSheet *self,
                              guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  if (self->kind == QUORUM_SHEET_SPEAKING_ORDER)
    position = self->rows->len - 1 - position;
  return &g_array_index (self->rows, QuorumSheetRow, position);
}
