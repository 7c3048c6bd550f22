/* quorum-compliance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compliance engine: given the duties of a rulebook, who they bind and
 * what was recorded, says for every duty × subject × period whether the duty
 * is met, open, at risk, missed or remedied, and why.
 *
 * # Who is bound for a period
 *
 * A subject (a person, a unit, or the body as a whole) is bound to a duty
 * during the date intervals given with quorum_compliance_input_bind(). It is
 * bound *for a period* when those intervals cover **more than half of the
 * period's days** (for a window duty: of the window's days). So a vice mayor
 * who took office on 10 November owes November's reception day, one who
 * took office on 20 November does not; one who left on 10 November owes
 * nothing for November. Related units (linked enterprises, departments in
 * charge…) follow the same rule with their own intervals. Records count for
 * the whole period once the subject is bound; requirements are not pro-rated.
 *
 * Attendance is the exception: a member is evaluated for every period in
 * which they were bound on at least one day, and owes exactly the sessions
 * held while they were bound. A person who joined on 20 November after the
 * November study session of 14 November owes nothing for November.
 *
 * # Measures
 *
 * - `events`: facts are counted (each has an amount, 1 for an event).
 * - `days`: the amounts of the facts add up; an amount may be a half day
 *   (0.5) and a multi-day trip counts its calendar days. A fact counts in the
 *   period that contains its date (the first day of a trip).
 * - `units`: the number of related units of the duty's `PerUnit` kind that
 *   are linked for the period. Fewer than `Min` is open or missed, more than
 *   `Max` is %QUORUM_COMPLIANCE_AT_RISK with an explanation.
 * - `ratio`: 100 × (amount of the facts flagged `unannounced`) / (amount of
 *   all facts), over the facts of the `RatioOf` duty (the research days for
 *   四不两直), or of the duty itself when it has no `RatioOf` (court cases, with
 *   `unannounced` meaning the agency head appeared). With no facts at all the
 *   result stays open, never met; missed once the period is over.
 * - `deadline-workdays`: one result for each item whose trigger falls in the
 *   period. The deadline is the trigger plus N working days
 *   (quorum_workdays_add(), across holidays and adjusted working days). Done on
 *   or before the deadline is met, done later is missed; pending is open, at
 *   risk when the deadline is today or tomorrow, missed when it has passed.
 * - `notice-days`: one result for each leave whose start falls in the
 *   period: filed at least N calendar days before the start is met, an
 *   emergency with a reason is met with a note, anything else is missed.
 *
 * For the per-event measures a subject with no item in the period gets one
 * met result saying there was nothing to do.
 *
 * # Per-unit duties
 *
 * A `each-member-per-unit` duty gives **one result per subject × unit** (for
 * the enterprise visit: one per linked enterprise and quarter), so a report
 * can say which enterprise is missing a visit. The `units` duty of the same
 * sentence gives the count of linked enterprises.
 *
 * # Windows
 *
 * A duty with a window (Window=1-3) counts only facts inside the window, and
 * its status runs against the window's end: before the window opens it is
 * open, after it closes it is met or missed. A window duty is reported for a
 * requested period only when the window overlaps it.
 *
 * # Status
 *
 * met: the minimum is reached (and the maximum not exceeded); open: not yet,
 * with time left; at risk: not met and the period (or window) ends within
 * `at_risk_days` days (today included), or a session scheduled in the period
 * is past its date and still not recorded as held, or the maximum is
 * exceeded; missed: the period is over and the minimum was not reached;
 * remedied: a member's absence from a session that must be made up (补学) was
 * made up.
 *
 * # Colours (蓝黄红三色管理)
 *
 * Mapped in one place, quorum_compliance_status_to_colour(): met, open and
 * remedied are blue (on track; a remedied result still says so in its status
 * and explanation), at risk is yellow, missed is red.
 */

#pragma once

#include <glib-object.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"
#include "quorum-period.h"
#include "quorum-rulebook.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

#define QUORUM_COMPLIANCE_ERROR (quorum_compliance_error_quark ())

/**
 * QuorumComplianceError:
 * @QUORUM_COMPLIANCE_ERROR_UNKNOWN_DUTY: a fact names a duty the input does not have
 * @QUORUM_COMPLIANCE_ERROR_UNKNOWN_SUBJECT: a fact names a subject the input does not have
 * @QUORUM_COMPLIANCE_ERROR_INVALID: a fact or an argument is malformed
 *
 * Errors from building a #QuorumComplianceInput and from evaluating it.
 */
typedef enum
{
  QUORUM_COMPLIANCE_ERROR_UNKNOWN_DUTY,
  QUORUM_COMPLIANCE_ERROR_UNKNOWN_SUBJECT,
  QUORUM_COMPLIANCE_ERROR_INVALID,
} QuorumComplianceError;

/**
 * QuorumSubjectKind:
 * @QUORUM_SUBJECT_PERSON: a person (leader, department head, Party member)
 * @QUORUM_SUBJECT_UNIT: a unit (department, town)
 * @QUORUM_SUBJECT_BODY: a body as a whole (the city government, the Party group)
 *
 * What a compliance subject is. Ids are unique within a kind.
 */
typedef enum
{
  QUORUM_SUBJECT_PERSON,
  QUORUM_SUBJECT_UNIT,
  QUORUM_SUBJECT_BODY,
} QuorumSubjectKind;

/**
 * QuorumComplianceFact:
 * @duty_id: (nullable): the duty the record serves; when %NULL, @record is used
 * @record: (nullable): the record kind (`research-day`, …): the fact then
 *   counts for every duty whose `Record` is that kind
 * @subject_kind: who it belongs to
 * @subject_id: who it belongs to
 * @unit_id: the related unit (the enterprise visited), 0 if none
 * @date: the day (of the start, for a trip)
 * @amount: 1 for an event, the number of days for days (0.5 steps allowed)
 * @unannounced: counts in the numerator of a ratio duty (四不两直; the agency
 *   head appeared in court)
 * @attendance: for an attendance duty, the member's outcome at the session
 *   @record_id; %QUORUM_ATTENDANCE_UNKNOWN for any other fact
 * @made_up_on: for an absence, the day it was made up (补学); invalid if not
 * @record_id: the record (or occurrence) id, for click-through
 *
 * One counted item. Initialise with quorum_compliance_fact_init(). Held
 * sessions of an attendance duty are facts of the body subject; each
 * member's outcome is a fact of the person with the same @record_id.
 */
typedef struct
{
  const char             *duty_id;
  const char             *record;
  QuorumSubjectKind       subject_kind;
  gint64                  subject_id;
  gint64                  unit_id;
  GDate                   date;
  double                  amount;
  gboolean                unannounced;
  QuorumAttendanceStatus  attendance;
  GDate                   made_up_on;
  gint64                  record_id;
} QuorumComplianceFact;

/**
 * QuorumComplianceItem:
 * @duty_id: the duty
 * @subject_kind: who it belongs to
 * @subject_id: who it belongs to
 * @unit_id: the related unit, 0 if none
 * @date: a scheduled session's day; a deadline's trigger (receipt of the
 *   letter, day of the meeting); a leave's first day away
 * @done: a deadline's completion day, a leave's filing day; invalid if none
 * @emergency: a leave for an emergency (因紧急事项临时外出)
 * @reason: (nullable): the stated reason of an emergency leave
 * @record_id: the record (or occurrence) id, for click-through
 *
 * A scheduled session not yet held, a deadline or a notice. Initialise with
 * quorum_compliance_item_init().
 */
typedef struct
{
  const char        *duty_id;
  QuorumSubjectKind  subject_kind;
  gint64             subject_id;
  gint64             unit_id;
  GDate              date;
  GDate              done;
  gboolean           emergency;
  const char        *reason;
  gint64             record_id;
} QuorumComplianceItem;

#define QUORUM_TYPE_COMPLIANCE_INPUT (quorum_compliance_input_get_type ())

typedef struct _QuorumComplianceInput QuorumComplianceInput;

#define QUORUM_TYPE_COMPLIANCE_RESULT (quorum_compliance_result_get_type ())

G_DECLARE_FINAL_TYPE (QuorumComplianceResult, quorum_compliance_result, QUORUM, COMPLIANCE_RESULT, GObject)

GQuark                  quorum_compliance_error_quark            (void);
QuorumSupervisionColour quorum_compliance_status_to_colour       (QuorumComplianceStatus   status);
const char             *quorum_compliance_status_to_nick         (QuorumComplianceStatus   status);
const char             *quorum_compliance_status_to_label        (QuorumComplianceStatus   status);

void                    quorum_compliance_fact_init              (QuorumComplianceFact    *fact);
void                    quorum_compliance_item_init              (QuorumComplianceItem    *item);

GType                   quorum_compliance_input_get_type         (void) G_GNUC_CONST;
QuorumComplianceInput  *quorum_compliance_input_new              (void);
QuorumComplianceInput  *quorum_compliance_input_ref              (QuorumComplianceInput   *self);
void                    quorum_compliance_input_unref            (QuorumComplianceInput   *self);
void                    quorum_compliance_input_add_duty         (QuorumComplianceInput   *self,
                                                                  QuorumDuty              *duty);
void                    quorum_compliance_input_add_rulebook     (QuorumComplianceInput   *self,
                                                                  QuorumRulebook          *rulebook);
void                    quorum_compliance_input_add_subject      (QuorumComplianceInput   *self,
                                                                  QuorumSubjectKind        kind,
                                                                  gint64                   id,
                                                                  const char              *label);
gboolean                quorum_compliance_input_bind             (QuorumComplianceInput   *self,
                                                                  const char              *duty_id,
                                                                  QuorumSubjectKind        kind,
                                                                  gint64                   id,
                                                                  const GDate             *from,
                                                                  const GDate             *until,
                                                                  GError                 **error);
gboolean                quorum_compliance_input_link_unit        (QuorumComplianceInput   *self,
                                                                  QuorumSubjectKind        kind,
                                                                  gint64                   id,
                                                                  const char              *per_unit,
                                                                  gint64                   unit_id,
                                                                  const char              *unit_label,
                                                                  const GDate             *from,
                                                                  const GDate             *until,
                                                                  GError                 **error);
gboolean                quorum_compliance_input_add_fact         (QuorumComplianceInput   *self,
                                                                  const QuorumComplianceFact *fact,
                                                                  GError                 **error);
gboolean                quorum_compliance_input_add_scheduled    (QuorumComplianceInput   *self,
                                                                  const QuorumComplianceItem *item,
                                                                  GError                 **error);
gboolean                quorum_compliance_input_add_deadline     (QuorumComplianceInput   *self,
                                                                  const QuorumComplianceItem *item,
                                                                  GError                 **error);
gboolean                quorum_compliance_input_add_notice       (QuorumComplianceInput   *self,
                                                                  const QuorumComplianceItem *item,
                                                                  GError                 **error);

GPtrArray              *quorum_compliance_evaluate               (QuorumComplianceInput   *input,
                                                                  QuorumPeriod            *period,
                                                                  const GDate             *today,
                                                                  int                      at_risk_days,
                                                                  QuorumWorkdays          *workdays,
                                                                  GError                 **error);

const char             *quorum_compliance_result_get_duty_id     (QuorumComplianceResult  *self);
QuorumSubjectKind       quorum_compliance_result_get_subject_kind (QuorumComplianceResult *self);
gint64                  quorum_compliance_result_get_subject_id  (QuorumComplianceResult  *self);
const char             *quorum_compliance_result_get_subject_label (QuorumComplianceResult *self);
gint64                  quorum_compliance_result_get_unit_id     (QuorumComplianceResult  *self);
const char             *quorum_compliance_result_get_unit_label  (QuorumComplianceResult  *self);
gint64                  quorum_compliance_result_get_item_id     (QuorumComplianceResult  *self);
QuorumPeriod           *quorum_compliance_result_get_period      (QuorumComplianceResult  *self);
QuorumMeasure           quorum_compliance_result_get_measure     (QuorumComplianceResult  *self);
int                     quorum_compliance_result_get_min         (QuorumComplianceResult  *self);
int                     quorum_compliance_result_get_max         (QuorumComplianceResult  *self);
double                  quorum_compliance_result_get_achieved    (QuorumComplianceResult  *self);
QuorumComplianceStatus  quorum_compliance_result_get_status      (QuorumComplianceResult  *self);
QuorumSupervisionColour quorum_compliance_result_get_colour      (QuorumComplianceResult  *self);
const char             *quorum_compliance_result_get_explanation (QuorumComplianceResult  *self);
GArray                 *quorum_compliance_result_get_record_ids  (QuorumComplianceResult  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumComplianceInput, quorum_compliance_input_unref)

G_END_DECLS
