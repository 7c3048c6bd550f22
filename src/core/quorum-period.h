/* quorum-period.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "quorum-core-enums.h"
#include "quorum-enums.h"

G_BEGIN_DECLS

#define QUORUM_PERIOD_ERROR (quorum_period_error_quark ())

/**
 * QuorumPeriodError:
 * @QUORUM_PERIOD_ERROR_INVALID: the text is not a period
 *
 * Errors from quorum_period_parse().
 */
typedef enum
{
  QUORUM_PERIOD_ERROR_INVALID,
} QuorumPeriodError;

#define QUORUM_TYPE_PERIOD (quorum_period_get_type ())

typedef struct _QuorumPeriod QuorumPeriod;

GType             quorum_period_get_type      (void) G_GNUC_CONST;
GQuark            quorum_period_error_quark   (void);
QuorumPeriod     *quorum_period_ref           (QuorumPeriod        *self);
void              quorum_period_unref         (QuorumPeriod        *self);
QuorumPeriod     *quorum_period_new           (QuorumPeriodKind     kind,
                                               const GDate         *start,
                                               const GDate         *end);
QuorumPeriod     *quorum_period_parse         (const char          *text,
                                               GError             **error);
QuorumPeriod     *quorum_period_for_date      (QuorumPeriodKind     kind,
                                               const GDate         *date,
                                               const GDate         *anchor);
QuorumPeriod     *quorum_period_next          (QuorumPeriod        *self);
QuorumPeriod     *quorum_period_previous      (QuorumPeriod        *self);
GPtrArray        *quorum_period_list_in       (QuorumPeriodKind     kind,
                                               QuorumPeriod        *outer,
                                               const GDate         *anchor);
QuorumPeriod     *quorum_period_apply_window  (QuorumPeriod        *self,
                                               int                  first_month,
                                               int                  last_month);
QuorumPeriodKind  quorum_period_get_kind      (QuorumPeriod        *self);
const GDate      *quorum_period_get_start     (QuorumPeriod        *self);
const GDate      *quorum_period_get_end       (QuorumPeriod        *self);
guint             quorum_period_get_n_days    (QuorumPeriod        *self);
gboolean          quorum_period_contains      (QuorumPeriod        *self,
                                               const GDate         *date);
gboolean          quorum_period_equal         (QuorumPeriod        *a,
                                               QuorumPeriod        *b);
char             *quorum_period_to_string     (QuorumPeriod        *self);
char             *quorum_period_format        (QuorumPeriod        *self);
char             *quorum_period_format_day    (const GDate         *date);
char             *quorum_period_format_date   (const GDate         *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumPeriod, quorum_period_unref)

G_END_DECLS
