/* quorum-people-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office as a spreadsheet: one row per person with title, rank and the
 * departments, town and enterprises they are assigned to. Import reads it
 * into a plan (what would be created, changed or ended) that is applied in
 * one transaction; export writes the same format.
 */

#pragma once

#include <gio/gio.h>

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_PEOPLE_CSV_ERROR (quorum_people_csv_error_quark ())

/**
 * QuorumPeopleCsvError:
 * @QUORUM_PEOPLE_CSV_ERROR_ENCODING: the text is neither UTF-8 nor GB18030
 * @QUORUM_PEOPLE_CSV_ERROR_BINARY: the file is not text
 * @QUORUM_PEOPLE_CSV_ERROR_SYNTAX: a quote is not closed, or text follows one
 * @QUORUM_PEOPLE_CSV_ERROR_EMPTY: there is no header row
 * @QUORUM_PEOPLE_CSV_ERROR_MAPPING: no column holds the names, or two columns hold the same thing
 * @QUORUM_PEOPLE_CSV_ERROR_INVALID: a value is wrong (a rank that is no number, a name twice)
 *
 * Errors of reading and planning a people CSV file.
 */
typedef enum
{
  QUORUM_PEOPLE_CSV_ERROR_ENCODING,
  QUORUM_PEOPLE_CSV_ERROR_BINARY,
  QUORUM_PEOPLE_CSV_ERROR_SYNTAX,
  QUORUM_PEOPLE_CSV_ERROR_EMPTY,
  QUORUM_PEOPLE_CSV_ERROR_MAPPING,
  QUORUM_PEOPLE_CSV_ERROR_INVALID,
} QuorumPeopleCsvError;

/**
 * QuorumPeopleCsvColumn:
 * @QUORUM_PEOPLE_CSV_COLUMN_IGNORE: not imported
 * @QUORUM_PEOPLE_CSV_COLUMN_NAME: the person's name (姓名), required
 * @QUORUM_PEOPLE_CSV_COLUMN_TITLE: the title (职务)
 * @QUORUM_PEOPLE_CSV_COLUMN_RANK: the rank (排序), lower is more senior
 * @QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE: the units in charge (分管)
 * @QUORUM_PEOPLE_CSV_COLUMN_TOWN: the assigned town (包保)
 * @QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES: the linked enterprises (联系企业)
 *
 * What a column holds. The last three hold several values separated by
 * “、”, “;” or “；”.
 */
typedef enum
{
  QUORUM_PEOPLE_CSV_COLUMN_IGNORE,
  QUORUM_PEOPLE_CSV_COLUMN_NAME,
  QUORUM_PEOPLE_CSV_COLUMN_TITLE,
  QUORUM_PEOPLE_CSV_COLUMN_RANK,
  QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE,
  QUORUM_PEOPLE_CSV_COLUMN_TOWN,
  QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES,
  QUORUM_PEOPLE_CSV_N_COLUMNS,
} QuorumPeopleCsvColumn;

/**
 * QuorumPeopleCsvAction:
 * @QUORUM_PEOPLE_CSV_CREATE_PERSON: a new person
 * @QUORUM_PEOPLE_CSV_UPDATE_PERSON: a new title or rank for someone known
 * @QUORUM_PEOPLE_CSV_CREATE_UNIT: a new department, town or enterprise
 * @QUORUM_PEOPLE_CSV_ADD_RELATION: an assignment from the effective date
 * @QUORUM_PEOPLE_CSV_END_RELATION: an assignment that ends the day before it
 *
 * The kinds of change of a plan.
 */
typedef enum
{
  QUORUM_PEOPLE_CSV_CREATE_PERSON,
  QUORUM_PEOPLE_CSV_UPDATE_PERSON,
  QUORUM_PEOPLE_CSV_CREATE_UNIT,
  QUORUM_PEOPLE_CSV_ADD_RELATION,
  QUORUM_PEOPLE_CSV_END_RELATION,
} QuorumPeopleCsvAction;

/**
 * QuorumPeopleCsvChange:
 * @action: what is done
 * @line: the line of the file it comes from, or 0
 * @person: the person's name
 * @person_id: the person when known, else 0 (created by the plan)
 * @title: (nullable): the title to create or set
 * @old_title: (nullable): the title before, for updates
 * @rank: the rank to create or set
 * @old_rank: the rank before, for updates
 * @unit: (nullable): the unit's name, for units and relations
 * @unit_kind: (nullable): the unit's kind
 * @unit_id: the unit when known, else 0 (created by the plan)
 * @relation_kind: (nullable): `in-charge`, `assigned-town` or `linked-enterprise`
 * @relation_id: the relation to end, for %QUORUM_PEOPLE_CSV_END_RELATION
 * @date: (nullable): the day an added relation starts, or the last day of an ended one
 *
 * One change of a plan. Read-only.
 */
typedef struct
{
  QuorumPeopleCsvAction  action;
  guint                  line;
  char                  *person;
  gint64                 person_id;
  char                  *title;
  char                  *old_title;
  int                    rank;
  int                    old_rank;
  char                  *unit;
  char                  *unit_kind;
  gint64                 unit_id;
  char                  *relation_kind;
  gint64                 relation_id;
  GDate                 *date;
} QuorumPeopleCsvChange;

typedef struct _QuorumPeopleCsv     QuorumPeopleCsv;
typedef struct _QuorumPeopleCsvPlan QuorumPeopleCsvPlan;

GQuark                 quorum_people_csv_error_quark      (void);

QuorumPeopleCsv       *quorum_people_csv_parse            (GBytes                       *bytes,
                                                           const char                   *encoding,
                                                           GError                      **error);
void                   quorum_people_csv_free             (QuorumPeopleCsv              *self);
const char            *quorum_people_csv_get_encoding     (QuorumPeopleCsv              *self);
guint                  quorum_people_csv_get_n_columns    (QuorumPeopleCsv              *self);
const char            *quorum_people_csv_get_header       (QuorumPeopleCsv              *self,
                                                           guint                         column);
QuorumPeopleCsvColumn  quorum_people_csv_get_guess        (QuorumPeopleCsv              *self,
                                                           guint                         column);
guint                  quorum_people_csv_get_n_rows       (QuorumPeopleCsv              *self);
const char            *quorum_people_csv_get_cell         (QuorumPeopleCsv              *self,
                                                           guint                         row,
                                                           guint                         column);
guint                  quorum_people_csv_get_line         (QuorumPeopleCsv              *self,
                                                           guint                         row);
char                 **quorum_people_csv_dup_unknown_headers (QuorumPeopleCsv           *self);

QuorumPeopleCsvColumn  quorum_people_csv_column_from_header (const char                 *header);
const char            *quorum_people_csv_column_to_string (QuorumPeopleCsvColumn         column);
char                 **quorum_people_csv_split_values     (const char                   *cell);

QuorumPeopleCsvPlan   *quorum_people_csv_plan             (QuorumStore                  *store,
                                                           QuorumPeopleCsv              *parsed,
                                                           const QuorumPeopleCsvColumn  *mapping,
                                                           GDate                        *effective_date,
                                                           GError                      **error);
void                   quorum_people_csv_plan_free        (QuorumPeopleCsvPlan          *plan);
GPtrArray             *quorum_people_csv_plan_get_changes (QuorumPeopleCsvPlan          *plan);
GPtrArray             *quorum_people_csv_plan_get_warnings (QuorumPeopleCsvPlan         *plan);
char                  *quorum_people_csv_change_describe  (const QuorumPeopleCsvChange  *change);
gboolean               quorum_people_csv_apply            (QuorumStore                  *store,
                                                           QuorumPeopleCsvPlan          *plan,
                                                           GError                      **error);

GBytes                *quorum_people_csv_export          (QuorumStore                  *store,
                                                           GDate                        *date,
                                                           GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumPeopleCsv, quorum_people_csv_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumPeopleCsvPlan, quorum_people_csv_plan_free)

G_END_DECLS
