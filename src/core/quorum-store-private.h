/* quorum-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QuorumStore is one class over several files (quorum-store.c: plumbing,
 * people, units, relations; quorum-store-calendar.c: series and occurrences;
 * quorum-store-attendance.c: attendance, make-ups, records, leave). This
 * header is for those files only.
 */

#pragma once

#include "quorum-database-private.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

struct _QuorumStore
{
  GObject         parent_instance;

  QuorumDatabase *database;
  GDateTime      *now;
  char           *actor;
  QuorumWorkdays *workdays;
  GHashTable     *makeup_duties;
  GHashTable     *duty_kinds;
  int             data_version;
  /* Inside quorum_store_run_batch(): ::changed waits for the commit. */
  guint           batch_depth;
  GPtrArray      *batch_changes;
  /* Set between quorum_store_begin_bulk() and quorum_store_end_bulk(). */
  struct _QuorumStoreBulk *bulk;
  /* quorum_store_get_change_stamp(): the stamp, and the counters of
   * writes (ours, everyone else's) it was last given for. */
  guint64         change_stamp;
  sqlite3_int64   stamp_changes;
  gint64          stamp_version;
  /* The longest occurrence in seconds, as of that change stamp: it bounds
   * range queries from below. */
  gint64          longest_span;
  guint64         longest_span_stamp;
  /* Off quorum_store_set_materialize_on_read(): queries do not write, and
   * ask for rows up to requested_until (unix time, 0: never) once. */
  gboolean        defer_materialize;
  gint64          requested_until;
};

/* The people an occurrence expects, as a CTE over a CTE `occ (id, series_id,
 * day)`: the series' named participants, the members and heads of its
 * participant units on `day`, and its owner; without anyone retired by then.
 * Yields `expected (oid, pid)`. */
#define QUORUM_STORE_EXPECTED_CTE \
  "exp (oid, pid) AS (" \
  "  SELECT occ.id, sp.person_id FROM occ" \
  "    JOIN series_participant sp ON sp.series_id = occ.series_id AND sp.person_id IS NOT NULL" \
  "  UNION" \
  "  SELECT occ.id, r.person_id FROM occ" \
  "    JOIN series_participant sp ON sp.series_id = occ.series_id" \
  "    JOIN relation r ON r.unit_id = sp.unit_id AND r.kind IN ('member', 'head')" \
  "     AND r.start_date <= occ.day AND (r.end_date IS NULL OR r.end_date >= occ.day)" \
  "  UNION" \
  "  SELECT occ.id, s.owner_id FROM occ JOIN series s ON s.id = occ.series_id" \
  "   WHERE s.owner_id IS NOT NULL" \
  ")," \
  "expected (oid, pid) AS (" \
  "  SELECT exp.oid, exp.pid FROM exp" \
  "    JOIN occ ON occ.id = exp.oid" \
  "    JOIN person p ON p.id = exp.pid" \
  "   WHERE p.retired_on IS NULL OR p.retired_on > occ.day" \
  ")"

GDateTime *_quorum_store_now              (QuorumStore   *self);
/* Room for _quorum_store_print_instant() and _quorum_store_print_local(). */
#define QUORUM_STORE_INSTANT_SIZE 32

gsize      _quorum_store_print_instant    (char          *buf,
                                           GDateTime     *datetime);
gsize      _quorum_store_print_local      (char          *buf,
                                           GDateTime     *datetime);
char      *_quorum_store_format_instant   (GDateTime     *datetime);
char      *_quorum_store_format_local     (GDateTime     *datetime);
char      *_quorum_store_format_date      (const GDate   *date);
GDate     *_quorum_store_parse_date       (const char    *text);
GDateTime *_quorum_store_parse_instant    (const char    *text);
void       _quorum_store_bind_text        (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
void       _quorum_store_bind_text_static (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
void       _quorum_store_bind_id          (sqlite3_stmt  *stmt,
                                           int            index,
                                           gint64         id);
void       _quorum_store_bind_date        (sqlite3_stmt  *stmt,
                                           int            index,
                                           const GDate   *date);
const char *_quorum_store_column_text     (sqlite3_stmt  *stmt,
                                           int            column);
sqlite3_stmt *_quorum_store_prepare       (QuorumStore   *self,
                                           const char    *sql,
                                           GError       **error);
gboolean   _quorum_store_step_done        (QuorumStore   *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
gboolean   _quorum_store_step_row         (QuorumStore   *self,
                                           sqlite3_stmt  *stmt,
                                           gboolean      *out_row,
                                           GError       **error);
gint64     _quorum_store_last_insert_id   (QuorumStore   *self);
gboolean   _quorum_store_begin            (QuorumStore   *self,
                                           GError       **error);
gboolean   _quorum_store_end              (QuorumStore   *self,
                                           gboolean       ok,
                                           GError       **error);
char      *_quorum_store_grow_cache       (QuorumStore   *self,
                                           GError       **error);
void       _quorum_store_restore_cache    (QuorumStore   *self,
                                           const char    *saved);
char      *_quorum_store_row_json         (QuorumStore   *self,
                                           const char    *table,
                                           const char    *where,
                                           gint64         key1,
                                           gint64         key2);
gboolean   _quorum_store_audit            (QuorumStore   *self,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *action,
                                           const char    *before_json,
                                           const char    *after_json,
                                           const char    *actor,
                                           GError       **error);
char      *_quorum_store_audit_hash       (const char    *prev_hash,
                                           const char    *at,
                                           const char    *actor,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *action,
                                           const char    *before_json,
                                           const char    *after_json);
gboolean   _quorum_store_audit_last_hash  (QuorumStore   *self,
                                           char         **out_hash,
                                           GError       **error);
const char *_quorum_store_get_duty_kind    (QuorumStore   *self,
                                           const char    *duty_id);
GListModel *_quorum_store_list_model      (GType          item_type,
                                           GPtrArray     *items);
gboolean   _quorum_store_check_exists     (QuorumStore   *self,
                                           const char    *table,
                                           gint64         id,
                                           GError       **error);
gboolean   _quorum_store_update_row       (QuorumStore   *self,
                                           const char    *table,
                                           gint64         id,
                                           const char    *action,
                                           const char    *sql,
                                           const char    *text,
                                           GError       **error);
void       _quorum_store_emit_horizon_needed (QuorumStore *self,
                                              GDateTime   *until);
void       _quorum_store_emit_changed     (QuorumStore   *self,
                                           const char    *entity,
                                           gint64         id);
gboolean   _quorum_store_audit_row        (QuorumStore   *self,
                                           const char    *table,
                                           gint64         id,
                                           const char    *action,
                                           const char    *before_json,
                                           GError       **error);
gboolean   _quorum_store_end_changed      (QuorumStore   *self,
                                           gboolean       ok,
                                           const char    *entity,
                                           gint64         id,
                                           GError       **error);
gint64     _quorum_store_end_add          (QuorumStore   *self,
                                           const char    *table,
                                           gboolean       ok,
                                           GError       **error);
gboolean   _quorum_store_invalid          (GError       **error,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (2, 3);
const char *_quorum_store_enum_nick       (GType          type,
                                           int            value);
int        _quorum_store_enum_value       (GType          type,
                                           const char    *nick,
                                           int            fallback);
char      *_quorum_store_dup_meta         (QuorumStore   *self,
                                           const char    *key);
gboolean   _quorum_store_set_meta         (QuorumStore   *self,
                                           const char    *key,
                                           const char    *value,
                                           GError       **error);
GHashTable *_quorum_store_get_makeup_duties (QuorumStore *self);
QuorumWorkdays *_quorum_store_get_workdays  (QuorumStore *self,
                                             GError     **error);

/* quorum-store-calendar.c, for quorum-store-ics.c */
gboolean   _quorum_store_check_series     (QuorumStore   *self,
                                           QuorumSeries  *series,
                                           GError       **error);
gboolean   _quorum_store_write_series     (QuorumStore   *self,
                                           QuorumSeries  *series,
                                           gint64        *inout_id,
                                           const char    *expand_from,
                                           GError       **error);
gboolean   _quorum_store_regenerate_series (QuorumStore  *self,
                                            gint64        series_id,
                                            gboolean      drop_future,
                                            GError      **error);
GDateTime *_quorum_store_dup_horizon      (QuorumStore   *self);
gboolean   _quorum_store_ensure_range     (QuorumStore   *self,
                                           GDateTime     *to,
                                           gint64        *out_span,
                                           GError       **error);
gboolean   _quorum_store_touch_series     (QuorumStore   *self,
                                           gint64         occurrence_id,
                                           GError       **error);

typedef struct _QuorumSeriesInserter QuorumSeriesInserter;

QuorumSeriesInserter *_quorum_series_inserter_new (QuorumStore          *store,
                                                   GError              **error);
gboolean   _quorum_series_inserter_add    (QuorumSeriesInserter  *self,
                                           QuorumSeries          *series,
                                           const char            *uid,
                                           int                    sequence,
                                           const char            *created_at,
                                           const char            *last_modified,
                                           const char            *cancel_reason,
                                           gint64                *out_id,
                                           guint                 *out_inserted,
                                           GError               **error);
gboolean   _quorum_series_inserter_finish (QuorumSeriesInserter  *self,
                                           GError               **error);
void       _quorum_series_inserter_free   (QuorumSeriesInserter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumSeriesInserter, _quorum_series_inserter_free)

/* quorum-store-bulk.c */
gboolean   _quorum_store_bulk_begin_call  (QuorumStore   *self,
                                           GError       **error);
gboolean   _quorum_store_bulk_end_call    (QuorumStore   *self,
                                           gboolean       ok,
                                           GError       **error);
void       _quorum_store_bulk_count_audit (QuorumStore   *self);
void       _quorum_store_bulk_free        (QuorumStore   *self);
char      *_quorum_store_bulk_dup_uid     (QuorumStore   *self);

G_END_DECLS
