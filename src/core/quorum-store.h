/* quorum-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository: the only place that knows how things are stored. Nothing
 * here names the storage engine, so another backend can sit behind it.
 */

#pragma once

#include <gio/gio.h>

#include "quorum-attendance.h"
#include "quorum-database.h"
#include "quorum-enums.h"
#include "quorum-occurrence.h"
#include "quorum-person.h"
#include "quorum-series.h"
#include "quorum-store-types.h"
#include "quorum-unit.h"

G_BEGIN_DECLS

#define QUORUM_STORE_ERROR (quorum_store_error_quark ())

/**
 * QuorumStoreError:
 * @QUORUM_STORE_ERROR_NOT_FOUND: the person, unit, series or occurrence does not exist
 * @QUORUM_STORE_ERROR_INVALID: a value is missing or wrong
 * @QUORUM_STORE_ERROR_LEAVE_NOTICE: a leave request was filed with too little notice
 * @QUORUM_STORE_ERROR_CONFLICT: the change contradicts what is already recorded
 *
 * Errors of the store. Database failures keep their #QUORUM_DATABASE_ERROR.
 */
typedef enum
{
  QUORUM_STORE_ERROR_NOT_FOUND,
  QUORUM_STORE_ERROR_INVALID,
  QUORUM_STORE_ERROR_LEAVE_NOTICE,
  QUORUM_STORE_ERROR_CONFLICT,
} QuorumStoreError;

/* Days of notice a leave request needs (栖政发〔2022〕5号, article 3). */
#define QUORUM_LEAVE_NOTICE_DAYS 3

/* Occurrences exist as rows this far ahead of today. */
#define QUORUM_STORE_HORIZON_DAYS 400

/**
 * QuorumOccurrenceFilter:
 * @person_id: only occurrences this person must attend or hold, or 0: those
 *   naming them, those of a unit they are a member or head of on the day,
 *   and those of series they own; none after they retire
 * @unit_id: only series with this participant unit, or 0
 * @series_id: only this series, or 0
 * @duty_id: (nullable): only series serving this duty
 * @text: (nullable): only occurrences whose title, location or minutes
 *   contain this text (ignoring case)
 * @without_counts: leave the expected, recorded and attended counts at 0:
 *   they cost a join per occurrence, which a view that does not show them
 *   (the month grid) need not pay
 * @duties_only: only series that serve a duty (any), not routine meetings
 *
 * Narrows quorum_store_list_occurrences().
 */
typedef struct
{
  gint64      person_id;
  gint64      unit_id;
  gint64      series_id;
  const char *duty_id;
  const char *text;
  gboolean    without_counts;
  gboolean    duties_only;
} QuorumOccurrenceFilter;

#define QUORUM_TYPE_STORE (quorum_store_get_type ())

G_DECLARE_FINAL_TYPE (QuorumStore, quorum_store, QUORUM, STORE, GObject)

/**
 * QuorumStoreBatchFunc:
 * @store: the store
 * @user_data: the data given to quorum_store_run_batch()
 * @error: return location for a #GError
 *
 * Writes through @store; quorum_store_run_batch() commits them together.
 *
 * Returns: %TRUE to commit, %FALSE (with @error set) to roll everything back
 */
typedef gboolean (*QuorumStoreBatchFunc) (QuorumStore  *store,
                                          gpointer      user_data,
                                          GError      **error);

GQuark            quorum_store_error_quark         (void);
QuorumStore      *quorum_store_new                 (QuorumDatabase          *database);
QuorumStore      *quorum_store_open                (const char              *path,
                                                    GError                 **error);
QuorumDatabase   *quorum_store_get_database        (QuorumStore             *self);
gboolean          quorum_store_poll_external_changes (QuorumStore          *self);
guint64           quorum_store_get_change_stamp    (QuorumStore             *self);
gboolean          quorum_store_verify_audit        (QuorumStore             *self,
                                                    gint64                  *out_first_broken,
                                                    guint64                 *out_n_checked,
                                                    GError                 **error);
void              quorum_store_set_materialize_on_read (QuorumStore         *self,
                                                        gboolean             materialize);
gboolean          quorum_store_get_materialize_on_read (QuorumStore         *self);
void              quorum_store_set_now             (QuorumStore             *self,
                                                    GDateTime               *now);
GDateTime        *quorum_store_dup_now             (QuorumStore             *self);
const char       *quorum_store_get_actor           (QuorumStore             *self);
void              quorum_store_set_actor           (QuorumStore             *self,
                                                    const char              *actor);
gboolean          quorum_store_run_batch           (QuorumStore             *self,
                                                    QuorumStoreBatchFunc     func,
                                                    gpointer                 user_data,
                                                    GError                 **error);

/* Settings kept with the data (e.g. what was published where) */
char             *quorum_store_dup_setting         (QuorumStore             *self,
                                                    const char              *key);
gboolean          quorum_store_set_setting         (QuorumStore             *self,
                                                    const char              *key,
                                                    const char              *value,
                                                    GError                 **error);

/* Rulebook */
gboolean          quorum_store_set_rulebook_data   (QuorumStore             *self,
                                                    const char              *data,
                                                    GError                 **error);
char             *quorum_store_dup_rulebook_data   (QuorumStore             *self);
char             *quorum_store_dup_rulebook_id     (QuorumStore             *self);

/* People and units */
gint64            quorum_store_add_person          (QuorumStore             *self,
                                                    QuorumPerson            *person,
                                                    GError                 **error);
gboolean          quorum_store_update_person       (QuorumStore             *self,
                                                    QuorumPerson            *person,
                                                    GError                 **error);
gboolean          quorum_store_retire_person       (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    GDate                   *on,
                                                    GError                 **error);
gboolean          quorum_store_delete_person       (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    GError                 **error);
gboolean          quorum_store_move_person         (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    guint                    position,
                                                    GError                 **error);
QuorumPerson     *quorum_store_get_person          (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    GError                 **error);
GListModel       *quorum_store_list_people         (QuorumStore             *self,
                                                    gboolean                 include_retired,
                                                    GError                 **error);
gint64            quorum_store_add_unit            (QuorumStore             *self,
                                                    QuorumUnit              *unit,
                                                    GError                 **error);
gboolean          quorum_store_update_unit         (QuorumStore             *self,
                                                    QuorumUnit              *unit,
                                                    GError                 **error);
QuorumUnit       *quorum_store_get_unit            (QuorumStore             *self,
                                                    gint64                   unit_id,
                                                    GError                 **error);
GListModel       *quorum_store_list_units          (QuorumStore             *self,
                                                    const char              *kind,
                                                    GError                 **error);
gint64            quorum_store_add_relation        (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    gint64                   unit_id,
                                                    const char              *kind,
                                                    GDate                   *start,
                                                    GDate                   *end,
                                                    GError                 **error);
gboolean          quorum_relation_kind_is_valid    (const char              *kind);
gboolean          quorum_store_end_relation        (QuorumStore             *self,
                                                    gint64                   relation_id,
                                                    GDate                   *end,
                                                    GError                 **error);
GPtrArray        *quorum_store_list_relations_at   (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    gint64                   unit_id,
                                                    GDate                   *date,
                                                    GError                 **error);
GArray           *quorum_store_resolve_participants (QuorumStore            *self,
                                                     gint64                  series_id,
                                                     GDateTime              *at,
                                                     GError                **error);

/* Series and occurrences */
gint64            quorum_store_add_series          (QuorumStore             *self,
                                                    QuorumSeries            *series,
                                                    GError                 **error);
GArray           *quorum_store_add_series_batch    (QuorumStore             *self,
                                                    GPtrArray               *series,
                                                    GError                 **error);
gboolean          quorum_store_update_series       (QuorumStore             *self,
                                                    QuorumSeries            *series,
                                                    GError                 **error);
gint64            quorum_store_split_series        (QuorumStore             *self,
                                                    gint64                   series_id,
                                                    GDateTime               *from_recurrence_id,
                                                    QuorumSeries            *changes,
                                                    GError                 **error);
gboolean          quorum_store_delete_series       (QuorumStore             *self,
                                                    gint64                   series_id,
                                                    GError                 **error);
gboolean          quorum_store_restore_series      (QuorumStore             *self,
                                                    gint64                   series_id,
                                                    GError                 **error);
QuorumSeries     *quorum_store_get_series          (QuorumStore             *self,
                                                    gint64                   series_id,
                                                    GError                 **error);
GListModel       *quorum_store_list_series         (QuorumStore             *self,
                                                    GError                 **error);
gboolean          quorum_store_materialize         (QuorumStore             *self,
                                                    GDateTime               *until,
                                                    GError                 **error);
GDateTime        *quorum_store_dup_materialized_until (QuorumStore          *self);
gboolean          quorum_store_check_horizon       (QuorumStore             *self);
GListModel       *quorum_store_list_occurrences    (QuorumStore             *self,
                                                    GDateTime               *from,
                                                    GDateTime               *to,
                                                    const QuorumOccurrenceFilter *filter,
                                                    GError                 **error);
GListModel       *quorum_store_list_day_occurrences (QuorumStore                  *self,
                                                     GDateTime                    *from,
                                                     GDateTime                    *to,
                                                     const QuorumOccurrenceFilter *filter,
                                                     guint                         max_per_day,
                                                     GArray                       *hidden,
                                                     GError                      **error);
QuorumOccurrence *quorum_store_get_occurrence      (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    GError                 **error);
gboolean          quorum_store_update_occurrence   (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    GDateTime               *start,
                                                    GDateTime               *end,
                                                    const char              *location,
                                                    const char              *title,
                                                    GError                 **error);
gboolean          quorum_store_cancel_occurrence   (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    const char              *reason,
                                                    GError                 **error);
gboolean          quorum_store_mark_held           (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    GError                 **error);
gboolean          quorum_store_mark_not_held       (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    const char              *reason,
                                                    GError                 **error);

/* Attendance and make-ups */
gboolean          quorum_store_set_attendance      (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    gint64                   person_id,
                                                    QuorumAttendanceStatus   status,
                                                    const char              *reason,
                                                    QuorumExcuseKind         excuse_kind,
                                                    gboolean                 key_speaker,
                                                    const char              *actor,
                                                    GError                 **error);
gboolean          quorum_store_set_all_present     (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    const char              *actor,
                                                    GError                 **error);
GListModel       *quorum_store_list_attendance     (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    GError                 **error);
GListModel       *quorum_store_list_owed_makeups   (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    GError                 **error);
gboolean          quorum_store_record_makeup       (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    gint64                   person_id,
                                                    GDate                   *date,
                                                    QuorumMakeupMethod       how,
                                                    const char              *note,
                                                    GError                 **error);
gboolean          quorum_store_get_makeup          (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    gint64                   person_id,
                                                    GDate                  **out_date,
                                                    QuorumMakeupMethod      *out_how,
                                                    char                   **out_note,
                                                    GError                 **error);

/* Minutes */
gboolean          quorum_store_set_minutes         (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    const char              *text,
                                                    GDate                   *signed_on,
                                                    GError                 **error);
gboolean          quorum_store_get_minutes         (QuorumStore             *self,
                                                    gint64                   occurrence_id,
                                                    char                   **out_text,
                                                    GDate                  **out_signed_on,
                                                    GError                 **error);

/* Personal records */
gint64            quorum_store_add_record          (QuorumStore             *self,
                                                    const QuorumRecord      *record,
                                                    GError                 **error);
GPtrArray        *quorum_store_list_records        (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    const char              *kind,
                                                    GDate                   *from,
                                                    GDate                   *to,
                                                    GError                 **error);

/* Leave */
gint64            quorum_store_add_leave           (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    GDate                   *start,
                                                    GDate                   *end,
                                                    const char              *destination,
                                                    const char              *reason,
                                                    GDateTime               *filed_at,
                                                    gboolean                 emergency,
                                                    const char              *emergency_reason,
                                                    GError                 **error);
gboolean          quorum_store_report_back         (QuorumStore             *self,
                                                    gint64                   leave_id,
                                                    GDateTime               *at,
                                                    GError                 **error);
GPtrArray        *quorum_store_list_leaves         (QuorumStore             *self,
                                                    gint64                   person_id,
                                                    GError                 **error);
GListModel       *quorum_store_list_required_events_during_leave (QuorumStore  *self,
                                                                  gint64        leave_id,
                                                                  GError      **error);

G_END_DECLS
