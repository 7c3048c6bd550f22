/* quorum-rulebook.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"

G_BEGIN_DECLS

#define QUORUM_RULEBOOK_ERROR (quorum_rulebook_error_quark ())

/**
 * QuorumRulebookError:
 * @QUORUM_RULEBOOK_ERROR_SYNTAX: the text is not a key file
 * @QUORUM_RULEBOOK_ERROR_MISSING_GROUP: there is no [Rulebook] group before the duties
 * @QUORUM_RULEBOOK_ERROR_UNKNOWN_GROUP: a group is neither [Rulebook] nor [Duty id]
 * @QUORUM_RULEBOOK_ERROR_UNKNOWN_KEY: a key is not part of the format
 * @QUORUM_RULEBOOK_ERROR_MISSING_KEY: a required key is missing
 * @QUORUM_RULEBOOK_ERROR_INVALID_VALUE: a value is malformed or not one of the allowed ones
 * @QUORUM_RULEBOOK_ERROR_INCONSISTENT: keys contradict each other (Min > Max, Anchor without fortnight …)
 * @QUORUM_RULEBOOK_ERROR_UNKNOWN_REFERENCE: RatioOf names no duty of the rulebook
 * @QUORUM_RULEBOOK_ERROR_DUPLICATE: a duty id, group or key is given twice
 *
 * Errors from loading a rulebook.
 */
typedef enum
{
  QUORUM_RULEBOOK_ERROR_SYNTAX,
  QUORUM_RULEBOOK_ERROR_MISSING_GROUP,
  QUORUM_RULEBOOK_ERROR_UNKNOWN_GROUP,
  QUORUM_RULEBOOK_ERROR_UNKNOWN_KEY,
  QUORUM_RULEBOOK_ERROR_MISSING_KEY,
  QUORUM_RULEBOOK_ERROR_INVALID_VALUE,
  QUORUM_RULEBOOK_ERROR_INCONSISTENT,
  QUORUM_RULEBOOK_ERROR_UNKNOWN_REFERENCE,
  QUORUM_RULEBOOK_ERROR_DUPLICATE,
} QuorumRulebookError;

#define QUORUM_TYPE_DUTY (quorum_duty_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDuty, quorum_duty, QUORUM, DUTY, GObject)

#define QUORUM_TYPE_RULEBOOK (quorum_rulebook_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRulebook, quorum_rulebook, QUORUM, RULEBOOK, GObject)

GQuark            quorum_rulebook_error_quark       (void);

const char       *quorum_duty_scope_to_string       (QuorumDutyScope   scope);
gboolean          quorum_duty_scope_from_string     (const char       *text,
                                                     QuorumDutyScope  *out);
const char       *quorum_period_kind_to_string      (QuorumPeriodKind  period);
gboolean          quorum_period_kind_from_string    (const char       *text,
                                                     QuorumPeriodKind *out);
const char       *quorum_measure_to_string          (QuorumMeasure     measure);
gboolean          quorum_measure_from_string        (const char       *text,
                                                     QuorumMeasure    *out);

const char       *quorum_duty_get_id                (QuorumDuty       *self);
int               quorum_duty_get_article           (QuorumDuty       *self);
const char       *quorum_duty_get_text              (QuorumDuty       *self);
const char       *quorum_duty_get_title             (QuorumDuty       *self);
const char       *quorum_duty_get_title_en          (QuorumDuty       *self);
const char       *quorum_duty_get_kind              (QuorumDuty       *self);
QuorumDutyScope   quorum_duty_get_scope             (QuorumDuty       *self);
const char       *quorum_duty_get_group             (QuorumDuty       *self);
const char       *quorum_duty_get_per_unit          (QuorumDuty       *self);
QuorumPeriodKind  quorum_duty_get_period            (QuorumDuty       *self);
const GDate      *quorum_duty_get_anchor            (QuorumDuty       *self);
int               quorum_duty_get_window_start      (QuorumDuty       *self);
int               quorum_duty_get_window_end        (QuorumDuty       *self);
QuorumMeasure     quorum_duty_get_measure           (QuorumDuty       *self);
int               quorum_duty_get_min               (QuorumDuty       *self);
int               quorum_duty_get_max               (QuorumDuty       *self);
const char       *quorum_duty_get_ratio_of          (QuorumDuty       *self);
const char       *quorum_duty_get_record            (QuorumDuty       *self);
const char       *quorum_duty_get_preferred         (QuorumDuty       *self);
gboolean          quorum_duty_get_attendance        (QuorumDuty       *self);
gboolean          quorum_duty_get_key_speaker       (QuorumDuty       *self);
gboolean          quorum_duty_get_makeup            (QuorumDuty       *self);
const char       *quorum_duty_get_note              (QuorumDuty       *self);

QuorumRulebook   *quorum_rulebook_new_from_file     (const char       *path,
                                                     GError          **error);
QuorumRulebook   *quorum_rulebook_new_from_bytes    (GBytes           *bytes,
                                                     const char       *display_name,
                                                     GError          **error);
QuorumRulebook   *quorum_rulebook_new_default       (GError          **error);
char             *quorum_rulebook_dup_default_data  (GError          **error);
const char       *quorum_rulebook_get_id            (QuorumRulebook   *self);
const char       *quorum_rulebook_get_title         (QuorumRulebook   *self);
const char       *quorum_rulebook_get_source        (QuorumRulebook   *self);
const GDate      *quorum_rulebook_get_issued        (QuorumRulebook   *self);
int               quorum_rulebook_get_version       (QuorumRulebook   *self);
GListModel       *quorum_rulebook_get_duties        (QuorumRulebook   *self);
QuorumDuty       *quorum_rulebook_lookup            (QuorumRulebook   *self,
                                                     const char       *id);
char             *quorum_rulebook_to_data           (QuorumRulebook   *self,
                                                     gsize            *len);

G_END_DECLS
