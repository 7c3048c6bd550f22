/* quorum-compliance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-compliance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "quorum-compliance-private.h"

/* All dates are Julian day numbers inside the engine: comparing and
 * subtracting them is all it does with dates. */
#define FOREVER G_MAXUINT32

typedef struct
{
  guint32 from;
  guint32 until;
} Interval;

typedef struct
{
  guint32                date;
  guint32                made_up_on;
  double                 amount;
  gint64                 unit_id;
  gint64                 record_id;
  QuorumAttendanceStatus attendance;
  gboolean               unannounced;
} Fact;

typedef struct
{
  guint32     date;
  guint32     done;
  gint64      unit_id;
  gint64      record_id;
  const char *reason;
  gboolean    emergency;
} Item;

typedef struct
{
  gint64      unit_id;
  const char *label;
  guint32     from;
  guint32     until;
} UnitLink;

typedef struct
{
  gint64             key;
  QuorumSubjectKind  kind;
  gint64             id;
  const char        *label;
  /* per_unit kind → GArray of UnitLink */
  GHashTable        *links;
} Subject;

/* What one duty asks of one subject, and what was recorded for it. */
typedef struct
{
  gint64   key;
  Subject *subject;
  GArray  *intervals;
  GArray  *facts;
  GArray  *scheduled;
  GArray  *deadlines;
  GArray  *notices;
} Cell;

typedef struct
{
  char             *id;
  char             *title;
  char             *per_unit;
  char             *ratio_of;
  char             *record;
  QuorumDutyScope   scope;
  QuorumPeriodKind  period;
  QuorumMeasure     measure;
  GDate             anchor;
  int               window_first;
  int               window_last;
  int               min;
  int               max;
  gboolean          attendance;
  gboolean          makeup;

  guint             index;
  /* subject key → Cell, and the cells in the order subjects were bound */
  GHashTable       *cells;
  GPtrArray        *bound;
  /* held sessions of an attendance duty: the facts of its body subjects */
  GArray           *sessions;
} Duty;

struct _QuorumComplianceInput
{
  GStringChunk *strings;
  GPtrArray    *duties;
  GHashTable   *duties_by_id;
  /* record kind → GPtrArray of Duty */
  GHashTable   *duties_by_record;
  GHashTable   *subjects;
  gboolean      sorted;
};

struct _QuorumComplianceResult
{
  GObject                 parent_instance;

  char                   *duty_id;
  char                   *subject_label;
  char                   *unit_label;
  char                   *explanation;
  QuorumPeriod           *period;
  GArray                 *record_ids;
  gint64                  subject_id;
  gint64                  unit_id;
  gint64                  item_id;
  double                  achieved;
  int                     min;
  int                     max;
  QuorumSubjectKind       subject_kind;
  QuorumMeasure           measure;
  QuorumComplianceStatus  status;
};

G_DEFINE_QUARK (quorum-compliance-error-quark, quorum_compliance_error)
G_DEFINE_BOXED_TYPE (QuorumComplianceInput, quorum_compliance_input,
                     quorum_compliance_input_ref, quorum_compliance_input_unref)
G_DEFINE_FINAL_TYPE (QuorumComplianceResult, quorum_compliance_result, G_TYPE_OBJECT)

/* ---- Small helpers ------------------------------------------------------ */

static inline gint64
subject_key (QuorumSubjectKind kind,
             gint64            id)
{
  return id * 4 + kind;
}

static inline guint32
julian_or (const GDate *date,
           guint32      fallback)
{
  return date != NULL && g_date_valid (date) ? g_date_get_julian (date) : fallback;
}

static char *
format_julian_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return quorum_period_format_day (&date);
}

/* Whole numbers without decimals, half days with one. */
static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 0.001)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static char *
format_amount (QuorumMeasure measure,
               double        value)
{
  g_autofree char *number = format_number (value);

  if (measure == QUORUM_MEASURE_DAYS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days",
                                         (gulong)ceil (value)),
                            number);
  return g_steal_pointer (&number);
}

static char *
format_required (const Duty *duty)
{
  g_autofree char *min = format_amount (QUORUM_MEASURE_EVENTS, duty->min);
  g_autofree char *max = NULL;

  if (duty->max > duty->min)
    {
      max = format_amount (duty->measure, duty->max);
      /* Translators: a range of counts, e.g. “2–4” or “1–2 days”. */
      return g_strdup_printf (_("%1$s–%2$s"), min, max);
    }
  return format_amount (duty->measure, duty->min);
}

static guint
covered_days (GArray  *intervals,
              guint32  start,
              guint32  end)
{
  guint days = 0;

  if (intervals == NULL)
    return 0;
  for (guint i = 0; i < intervals->len; i++)
    {
      const Interval *iv = &g_array_index (intervals, Interval, i);
      guint32 from = MAX (iv->from, start);
      guint32 until = MIN (iv->until, end);

      if (from < until)
        days += until - from;
    }
  return days;
}

static gboolean
is_bound_on (GArray  *intervals,
             guint32  day)
{
  return covered_days (intervals, day, day + 1) > 0;
}

/* The binding rule of the header: more than half of the span's days. */
static gboolean
is_bound_for (GArray  *intervals,
              guint32  start,
              guint32  end)
{
  return covered_days (intervals, start, end) * 2 > end - start;
}

static gboolean
link_is_bound_for (const UnitLink *link,
                   guint32         start,
                   guint32         end)
{
  guint32 from = MAX (link->from, start);
  guint32 until = MIN (link->until, end);

  return from < until && (until - from) * 2 > end - start;
}

static int
compare_fact (gconstpointer a,
              gconstpointer b)
{
  const Fact *fa = a, *fb = b;

  return fa->date < fb->date ? -1 : fa->date > fb->date;
}

static int
compare_item (gconstpointer a,
              gconstpointer b)
{
  const Item *ia = a, *ib = b;

  return ia->date < ib->date ? -1 : ia->date > ib->date;
}

/* Index of the first fact on or after @day in a sorted array. */
static guint
lower_bound (GArray  *facts,
             guint32  day)
{
  guint lo = 0, hi = facts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (facts, Fact, mid).date < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- Colours and labels ------------------------------------------------- */

/**
 * quorum_compliance_status_to_colour:
 * @status: a status
 *
 * The one mapping of statuses to the supervision colours: met, open and
 * remedied are blue, at risk is yellow, missed is red.
 *
 * Returns: the colour
 */
QuorumSupervisionColour
quorum_compliance_status_to_colour (QuorumComplianceStatus status)
{
  switch (status)
    {
    case QUORUM_COMPLIANCE_AT_RISK:
      return QUORUM_SUPERVISION_YELLOW;
    case QUORUM_COMPLIANCE_MISSED:
      return QUORUM_SUPERVISION_RED;
    case QUORUM_COMPLIANCE_MET:
    case QUORUM_COMPLIANCE_OPEN:
    case QUORUM_COMPLIANCE_REMEDIED:
    default:
      return QUORUM_SUPERVISION_BLUE;
    }
}

/**
 * quorum_compliance_status_to_nick:
 * @status: a status
 *
 * Returns: (transfer none): the stable name used in JSON: `met`, `open`,
 *   `at-risk`, `missed` or `remedied`
 */
const char *
quorum_compliance_status_to_nick (QuorumComplianceStatus status)
{
  static const char *nicks[] = { "met", "open", "at-risk", "missed", "remedied" };

  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (nicks), NULL);
  return nicks[status];
}

/**
 * quorum_compliance_status_to_label:
 * @status: a status
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
quorum_compliance_status_to_label (QuorumComplianceStatus status)
{
  switch (status)
    {
    case QUORUM_COMPLIANCE_MET:
      return _("Met");
    case QUORUM_COMPLIANCE_OPEN:
      return _("Open");
    case QUORUM_COMPLIANCE_AT_RISK:
      return _("At risk");
    case QUORUM_COMPLIANCE_MISSED:
      return _("Missed");
    case QUORUM_COMPLIANCE_REMEDIED:
      return _("Remedied");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Input -------------------------------------------------------------- */

/**
 * quorum_compliance_fact_init:
 * @fact: a fact to fill in
 *
 * Zeroes @fact, clears its dates and sets the amount to 1.
 */
void
quorum_compliance_fact_init (QuorumComplianceFact *fact)
{
  g_return_if_fail (fact != NULL);

  memset (fact, 0, sizeof *fact);
  g_date_clear (&fact->date, 1);
  g_date_clear (&fact->made_up_on, 1);
  fact->amount = 1;
}

/**
 * quorum_compliance_item_init:
 * @item: an item to fill in
 *
 * Zeroes @item and clears its dates.
 */
void
quorum_compliance_item_init (QuorumComplianceItem *item)
{
  g_return_if_fail (item != NULL);

  memset (item, 0, sizeof *item);
  g_date_clear (&item->date, 1);
  g_date_clear (&item->done, 1);
}

static void
subject_free (Subject *subject)
{
  g_clear_pointer (&subject->links, g_hash_table_unref);
  g_free (subject);
}

static void
cell_free (Cell *cell)
{
  g_clear_pointer (&cell->intervals, g_array_unref);
  g_clear_pointer (&cell->facts, g_array_unref);
  g_clear_pointer (&cell->scheduled, g_array_unref);
  g_clear_pointer (&cell->deadlines, g_array_unref);
  g_clear_pointer (&cell->notices, g_array_unref);
  g_free (cell);
}

static void
duty_free (Duty *duty)
{
  g_clear_pointer (&duty->cells, g_hash_table_unref);
  g_clear_pointer (&duty->bound, g_ptr_array_unref);
  g_clear_pointer (&duty->sessions, g_array_unref);
  g_free (duty->id);
  g_free (duty->title);
  g_free (duty->per_unit);
  g_free (duty->ratio_of);
  g_free (duty->record);
  g_free (duty);
}

static void
input_free (QuorumComplianceInput *self)
{
  g_clear_pointer (&self->duties_by_id, g_hash_table_unref);
  g_clear_pointer (&self->duties_by_record, g_hash_table_unref);
  g_clear_pointer (&self->duties, g_ptr_array_unref);
  g_clear_pointer (&self->subjects, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
}

/**
 * quorum_compliance_input_new:
 *
 * Makes an empty input. Add the duties first, then the subjects, their
 * bindings and links, then the facts and items, in any order.
 *
 * Returns: (transfer full): a new input
 */
QuorumComplianceInput *
quorum_compliance_input_new (void)
{
  QuorumComplianceInput *self = g_atomic_rc_box_new0 (QuorumComplianceInput);

  self->strings = g_string_chunk_new (4096);
  self->duties = g_ptr_array_new_with_free_func ((GDestroyNotify)duty_free);
  self->duties_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->duties_by_record = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify)g_ptr_array_unref);
  self->subjects = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify)subject_free);
  return self;
}

QuorumComplianceInput *
quorum_compliance_input_ref (QuorumComplianceInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
quorum_compliance_input_unref (QuorumComplianceInput *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify)input_free);
}

static void
input_add_duty (QuorumComplianceInput *self,
                Duty                  *duty)
{
  GPtrArray *by_record;

  duty->index = self->duties->len;
  duty->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)cell_free);
  duty->bound = g_ptr_array_new ();
  duty->sessions = g_array_new (FALSE, FALSE, sizeof (Fact));
  g_ptr_array_add (self->duties, duty);
  g_hash_table_insert (self->duties_by_id, duty->id, duty);

  if (duty->record != NULL)
    {
      if (!(by_record = g_hash_table_lookup (self->duties_by_record, duty->record)))
        {
          by_record = g_ptr_array_new ();
          g_hash_table_insert (self->duties_by_record, duty->record, by_record);
        }
      g_ptr_array_add (by_record, duty);
    }
}

/**
 * _quorum_compliance_input_add_duty_spec:
 * @self: an input
 * @spec: the duty's rule, copied
 *
 * Adds a duty from its parts: the engine's own view of a #QuorumDuty.
 */
void
_quorum_compliance_input_add_duty_spec (QuorumComplianceInput          *self,
                                        const QuorumComplianceDutySpec *spec)
{
  Duty *d;

  g_return_if_fail (self != NULL);
  g_return_if_fail (spec != NULL && spec->id != NULL);

  d = g_new0 (Duty, 1);
  d->id = g_strdup (spec->id);
  d->title = g_strdup (spec->title ? spec->title : spec->id);
  d->per_unit = g_strdup (spec->per_unit);
  d->ratio_of = g_strdup (spec->ratio_of);
  d->record = g_strdup (spec->record);
  d->scope = spec->scope;
  d->period = spec->period;
  d->measure = spec->measure;
  d->window_first = spec->window_first;
  d->window_last = spec->window_last;
  d->min = spec->min;
  d->max = spec->max;
  d->attendance = spec->attendance;
  d->makeup = spec->makeup;
  g_date_clear (&d->anchor, 1);
  if (spec->anchor != NULL && g_date_valid (spec->anchor))
    d->anchor = *spec->anchor;

  input_add_duty (self, d);
}

/**
 * quorum_compliance_input_add_duty:
 * @self: an input
 * @duty: a duty of a rulebook
 *
 * Adds a duty to evaluate; duties are reported in the order they are added.
 */
void
quorum_compliance_input_add_duty (QuorumComplianceInput *self,
                                  QuorumDuty            *duty)
{
  QuorumComplianceDutySpec spec = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (QUORUM_IS_DUTY (duty));

  spec.id = quorum_duty_get_id (duty);
  spec.title = quorum_duty_get_title (duty);
  spec.scope = quorum_duty_get_scope (duty);
  spec.per_unit = quorum_duty_get_per_unit (duty);
  spec.period = quorum_duty_get_period (duty);
  spec.anchor = quorum_duty_get_anchor (duty);
  spec.window_first = quorum_duty_get_window_start (duty);
  spec.window_last = quorum_duty_get_window_end (duty);
  spec.measure = quorum_duty_get_measure (duty);
  spec.min = quorum_duty_get_min (duty);
  spec.max = quorum_duty_get_max (duty);
  spec.ratio_of = quorum_duty_get_ratio_of (duty);
  spec.record = quorum_duty_get_record (duty);
  spec.attendance = quorum_duty_get_attendance (duty);
  spec.makeup = quorum_duty_get_makeup (duty);
  _quorum_compliance_input_add_duty_spec (self, &spec);
}

/**
 * quorum_compliance_input_add_rulebook:
 * @self: an input
 * @rulebook: a rulebook
 *
 * Adds every duty of @rulebook, in file order.
 */
void
quorum_compliance_input_add_rulebook (QuorumComplianceInput *self,
                                      QuorumRulebook        *rulebook)
{
  GListModel *duties;

  g_return_if_fail (self != NULL);
  g_return_if_fail (QUORUM_IS_RULEBOOK (rulebook));

  duties = quorum_rulebook_get_duties (rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      quorum_compliance_input_add_duty (self, duty);
    }
}

/**
 * quorum_compliance_input_add_subject:
 * @self: an input
 * @kind: what the subject is
 * @id: its id, unique within @kind
 * @label: (nullable): its name, for the results
 *
 * Adds a subject, or renames one already added.
 */
void
quorum_compliance_input_add_subject (QuorumComplianceInput *self,
                                     QuorumSubjectKind      kind,
                                     gint64                 id,
                                     const char            *label)
{
  gint64 key = subject_key (kind, id);
  Subject *subject;

  g_return_if_fail (self != NULL);

  if (!(subject = g_hash_table_lookup (self->subjects, &key)))
    {
      subject = g_new0 (Subject, 1);
      subject->key = key;
      subject->kind = kind;
      subject->id = id;
      g_hash_table_insert (self->subjects, &subject->key, subject);
    }
  subject->label = label != NULL ? g_string_chunk_insert_const (self->strings, label) : "";
}

static Duty *
lookup_duty (QuorumComplianceInput  *self,
             const char             *duty_id,
             GError                **error)
{
  Duty *duty;

  if (duty_id == NULL || !(duty = g_hash_table_lookup (self->duties_by_id, duty_id)))
    {
      g_set_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_UNKNOWN_DUTY,
                   _("There is no duty “%s” in the rulebook"), duty_id ? duty_id : "");
      return NULL;
    }
  return duty;
}

static Subject *
lookup_subject (QuorumComplianceInput  *self,
                QuorumSubjectKind       kind,
                gint64                  id,
                GError                **error)
{
  gint64 key = subject_key (kind, id);
  Subject *subject;

  if (!(subject = g_hash_table_lookup (self->subjects, &key)))
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_UNKNOWN_SUBJECT,
                   _("Subject %s was not added before its records"), text);
      return NULL;
    }
  return subject;
}

static Cell *
ensure_cell (Duty    *duty,
             Subject *subject)
{
  Cell *cell;

  if ((cell = g_hash_table_lookup (duty->cells, &subject->key)))
    return cell;

  cell = g_new0 (Cell, 1);
  cell->key = subject->key;
  cell->subject = subject;
  g_hash_table_insert (duty->cells, &cell->key, cell);
  return cell;
}

static gboolean
check_span (const GDate  *from,
            const GDate  *until,
            GError      **error)
{
  if (from != NULL && until != NULL && g_date_valid (from) && g_date_valid (until) &&
      g_date_compare (from, until) >= 0)
    {
      g_set_error_literal (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID,
                           _("A relation must end after it starts"));
      return FALSE;
    }
  return TRUE;
}

/**
 * quorum_compliance_input_bind:
 * @self: an input
 * @duty_id: a duty added before
 * @kind: the subject's kind
 * @id: a subject added before
 * @from: (nullable): the first day it is bound; %NULL or invalid for always
 * @until: (nullable): the day it stops being bound (exclusive); %NULL or
 *   invalid for still bound
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * Binds a subject to a duty during one interval; call again for more
 * intervals (a member who left and came back).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
quorum_compliance_input_bind (QuorumComplianceInput  *self,
                              const char             *duty_id,
                              QuorumSubjectKind       kind,
                              gint64                  id,
                              const GDate            *from,
                              const GDate            *until,
                              GError                **error)
{
  Interval interval;
  Subject *subject;
  Duty *duty;
  Cell *cell;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(duty = lookup_duty (self, duty_id, error)) ||
      !(subject = lookup_subject (self, kind, id, error)) ||
      !check_span (from, until, error))
    return FALSE;

  cell = ensure_cell (duty, subject);
  if (cell->intervals == NULL)
    {
      cell->intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
      g_ptr_array_add (duty->bound, cell);
    }
  interval.from = julian_or (from, 0);
  interval.until = julian_or (until, FOREVER);
  g_array_append_val (cell->intervals, interval);
  return TRUE;
}

/**
 * quorum_compliance_input_link_unit:
 * @self: an input
 * @kind: the subject's kind
 * @id: a subject added before
 * @per_unit: the relation, as the rulebook's `PerUnit` spells it
 *   (`enterprise`, `department`, `town`, `branch`)
 * @unit_id: the related unit
 * @unit_label: (nullable): its name
 * @from: (nullable): the first day of the relation
 * @until: (nullable): the day it ended (exclusive)
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * Records a dated relation between a subject and a unit: a linked
 * enterprise, a department in charge, an assigned town.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
quorum_compliance_input_link_unit (QuorumComplianceInput  *self,
                                   QuorumSubjectKind       kind,
                                   gint64                  id,
                                   const char             *per_unit,
                                   gint64                  unit_id,
                                   const char             *unit_label,
                                   const GDate            *from,
                                   const GDate            *until,
                                   GError                **error)
{
  Subject *subject;
  GArray *links;
  UnitLink link;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (per_unit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(subject = lookup_subject (self, kind, id, error)) || !check_span (from, until, error))
    return FALSE;

  if (subject->links == NULL)
    subject->links = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify)g_array_unref);
  if (!(links = g_hash_table_lookup (subject->links, per_unit)))
    {
      links = g_array_new (FALSE, FALSE, sizeof (UnitLink));
      g_hash_table_insert (subject->links,
                           g_string_chunk_insert_const (self->strings, per_unit), links);
    }
  link.unit_id = unit_id;
  link.label = g_string_chunk_insert_const (self->strings, unit_label ? unit_label : "");
  link.from = julian_or (from, 0);
  link.until = julian_or (until, FOREVER);
  g_array_append_val (links, link);
  return TRUE;
}

static void
cell_add_fact (Duty       *duty,
               Cell       *cell,
               const Fact *fact)
{
  if (cell->facts == NULL)
    cell->facts = g_array_new (FALSE, FALSE, sizeof (Fact));
  g_array_append_vals (cell->facts, fact, 1);

  if (duty->attendance && cell->subject->kind == QUORUM_SUBJECT_BODY)
    g_array_append_vals (duty->sessions, fact, 1);
}

/**
 * quorum_compliance_input_add_fact:
 * @self: an input
 * @fact: a counted item; copied
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * Adds a record that counts: to its duty, or when @fact has no duty, to
 * every duty that counts its record kind.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
quorum_compliance_input_add_fact (QuorumComplianceInput       *self,
                                  const QuorumComplianceFact  *fact,
                                  GError                     **error)
{
  Subject *subject;
  Fact f;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_date_valid (&fact->date) || fact->amount < 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, fact->record_id);
      g_set_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID,
                   _("Record %s has no date or a negative amount"), text);
      return FALSE;
    }
  if (!(subject = lookup_subject (self, fact->subject_kind, fact->subject_id, error)))
    return FALSE;

  f.date = g_date_get_julian (&fact->date);
  f.made_up_on = julian_or (&fact->made_up_on, 0);
  f.amount = fact->amount;
  f.unit_id = fact->unit_id;
  f.record_id = fact->record_id;
  f.attendance = fact->attendance;
  f.unannounced = fact->unannounced;
  self->sorted = FALSE;

  if (fact->duty_id != NULL)
    {
      Duty *duty = lookup_duty (self, fact->duty_id, error);

      if (duty == NULL)
        return FALSE;
      cell_add_fact (duty, ensure_cell (duty, subject), &f);
    }
  else if (fact->record != NULL)
    {
      GPtrArray *duties = g_hash_table_lookup (self->duties_by_record, fact->record);

      /* A record no duty counts is not an error: it is simply not counted. */
      for (guint i = 0; duties != NULL && i < duties->len; i++)
        cell_add_fact (duties->pdata[i], ensure_cell (duties->pdata[i], subject), &f);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, fact->record_id);
      g_set_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID,
                   _("Record %s names neither a duty nor a record kind"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_item (QuorumComplianceInput       *self,
          const QuorumComplianceItem  *item,
          gsize                        offset,
          GError                     **error)
{
  Subject *subject;
  GArray **items;
  Duty *duty;
  Cell *cell;
  Item it;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_date_valid (&item->date))
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, item->record_id);
      g_set_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID,
                   _("Record %s has no date"), text);
      return FALSE;
    }
  if (!(duty = lookup_duty (self, item->duty_id, error)) ||
      !(subject = lookup_subject (self, item->subject_kind, item->subject_id, error)))
    return FALSE;

  it.date = g_date_get_julian (&item->date);
  it.done = julian_or (&item->done, 0);
  it.unit_id = item->unit_id;
  it.record_id = item->record_id;
  it.emergency = item->emergency;
  it.reason = item->reason != NULL && *item->reason != '\0'
            ? g_string_chunk_insert_const (self->strings, item->reason) : NULL;

  cell = ensure_cell (duty, subject);
  items = G_STRUCT_MEMBER_P (cell, offset);
  if (*items == NULL)
    *items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_append_val (*items, it);
  self->sorted = FALSE;
  return TRUE;
}

/**
 * quorum_compliance_input_add_scheduled:
 * @self: an input
 * @item: a session on the calendar that is not (yet) held; copied
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * A scheduled session whose day has passed without being recorded as held
 * puts its period at risk; one still ahead is mentioned as planned.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
quorum_compliance_input_add_scheduled (QuorumComplianceInput       *self,
                                       const QuorumComplianceItem  *item,
                                       GError                     **error)
{
  return add_item (self, item, G_STRUCT_OFFSET (Cell, scheduled), error);
}

/**
 * quorum_compliance_input_add_deadline:
 * @self: an input
 * @item: a trigger (@date) and its completion (@done, invalid while
 *   pending) for a `deadline-workdays` duty; copied
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
quorum_compliance_input_add_deadline (QuorumComplianceInput       *self,
                                      const QuorumComplianceItem  *item,
                                      GError                     **error)
{
  return add_item (self, item, G_STRUCT_OFFSET (Cell, deadlines), error);
}

/**
 * quorum_compliance_input_add_notice:
 * @self: an input
 * @item: a leave: first day away (@date), day filed (@done), @emergency and
 *   its @reason, for a `notice-days` duty; copied
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
quorum_compliance_input_add_notice (QuorumComplianceInput       *self,
                                    const QuorumComplianceItem  *item,
                                    GError                     **error)
{
  return add_item (self, item, G_STRUCT_OFFSET (Cell, notices), error);
}

static void
sort_input (QuorumComplianceInput *self)
{
  if (self->sorted)
    return;

  for (guint i = 0; i < self->duties->len; i++)
    {
      Duty *duty = self->duties->pdata[i];
      GHashTableIter iter;
      Cell *cell;

      g_array_sort (duty->sessions, compare_fact);
      g_hash_table_iter_init (&iter, duty->cells);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&cell))
        {
          if (cell->facts != NULL)
            g_array_sort (cell->facts, compare_fact);
          if (cell->scheduled != NULL)
            g_array_sort (cell->scheduled, compare_item);
          if (cell->deadlines != NULL)
            g_array_sort (cell->deadlines, compare_item);
          if (cell->notices != NULL)
            g_array_sort (cell->notices, compare_item);
        }
    }
  self->sorted = TRUE;
}

/* ---- Results ------------------------------------------------------------ */

static void
quorum_compliance_result_finalize (GObject *object)
{
  QuorumComplianceResult *self = (QuorumComplianceResult *)object;

  g_clear_pointer (&self->duty_id, g_free);
  g_clear_pointer (&self->subject_label, g_free);
  g_clear_pointer (&self->unit_label, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->period, quorum_period_unref);
  g_clear_pointer (&self->record_ids, g_array_unref);

  G_OBJECT_CLASS (quorum_compliance_result_parent_class)->finalize (object);
}

static void
quorum_compliance_result_class_init (QuorumComplianceResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_compliance_result_finalize;
}

static void
quorum_compliance_result_init (QuorumComplianceResult *self)
{
}

/* What one evaluation of one cell (or unit, or item) found. */
typedef struct
{
  const Duty             *duty;
  const Subject          *subject;
  const UnitLink         *unit;
  QuorumPeriod           *period;
  gint64                  item_id;
  double                  achieved;
  QuorumComplianceStatus  status;
  char                   *explanation;
  GArray                 *record_ids;
} Outcome;

static void
emit (GPtrArray *results,
      Outcome   *o)
{
  QuorumComplianceResult *self = g_object_new (QUORUM_TYPE_COMPLIANCE_RESULT, NULL);

  self->duty_id = g_strdup (o->duty->id);
  self->subject_kind = o->subject->kind;
  self->subject_id = o->subject->id;
  self->subject_label = g_strdup (o->subject->label);
  if (o->unit != NULL)
    {
      self->unit_id = o->unit->unit_id;
      self->unit_label = g_strdup (o->unit->label);
      /* The unit first, so a per-unit sentence says which one. */
      {
        g_autofree char *plain = g_steal_pointer (&o->explanation);
        /* Translators: a related unit (an enterprise…) and what is said about it. */
        o->explanation = g_strdup_printf (_("%1$s: %2$s"), o->unit->label, plain);
      }
    }
  self->item_id = o->item_id;
  self->period = quorum_period_ref (o->period);
  self->measure = o->duty->measure;
  self->min = o->duty->min;
  self->max = o->duty->max;
  self->achieved = o->achieved;
  self->status = o->status;
  self->explanation = g_steal_pointer (&o->explanation);
  self->record_ids = o->record_ids ? g_steal_pointer (&o->record_ids)
                                   : g_array_new (FALSE, FALSE, sizeof (gint64));
  g_assert (self->explanation != NULL && *self->explanation != '\0');
  g_ptr_array_add (results, self);
}

/* ---- Evaluation --------------------------------------------------------- */

typedef struct
{
  QuorumComplianceInput *input;
  guint32                today;
  int                    at_risk_days;
  QuorumWorkdays        *workdays;
  GPtrArray             *results;
} Context;

/* The span a duty counts in: the period, narrowed by the duty's window. */
typedef struct
{
  QuorumPeriod *period;
  guint32       start;
  guint32       end;
  char         *name;
} Span;

static void
record_ids_add (GArray **ids,
                gint64   id)
{
  if (id == 0)
    return;
  if (*ids == NULL)
    *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (*ids, id);
}

/* Met or not, decided; the rest depends only on time and the calendar. */
static QuorumComplianceStatus
status_for_time (const Context *ctx,
                 const Span    *span,
                 gboolean       overdue_scheduled)
{
  if (ctx->today >= span->end)
    return QUORUM_COMPLIANCE_MISSED;
  if (ctx->today < span->start)
    return QUORUM_COMPLIANCE_OPEN;
  if ((gint64)span->end - ctx->today <= ctx->at_risk_days || overdue_scheduled)
    return QUORUM_COMPLIANCE_AT_RISK;
  return QUORUM_COMPLIANCE_OPEN;
}

static void
evaluate_count (Context        *ctx,
                const Duty     *duty,
                Cell           *cell,
                Cell           *base,
                const UnitLink *unit,
                const Span     *span)
{
  Outcome o = { duty, cell->subject, unit, span->period, 0, 0, QUORUM_COMPLIANCE_OPEN, NULL, NULL };
  g_autofree char *required = format_required (duty);
  g_autofree char *achieved = NULL;
  guint32 overdue = 0;
  double numerator = 0, denominator = 0;
  gboolean met, exceeded;

  if (duty->measure == QUORUM_MEASURE_UNITS)
    {
      GArray *links = cell->subject->links && duty->per_unit
                    ? g_hash_table_lookup (cell->subject->links, duty->per_unit) : NULL;

      for (guint i = 0; links != NULL && i < links->len; i++)
        {
          const UnitLink *link = &g_array_index (links, UnitLink, i);

          if (link_is_bound_for (link, span->start, span->end))
            {
              o.achieved += 1;
              record_ids_add (&o.record_ids, link->unit_id);
            }
        }
    }
  else
    {
      /* For a ratio, the facts of the base duty are counted. */
      GArray *facts = duty->measure == QUORUM_MEASURE_RATIO && base != NULL ? base->facts
                    : duty->measure == QUORUM_MEASURE_RATIO && duty->ratio_of != NULL ? NULL
                    : cell->facts;

      for (guint i = facts ? lower_bound (facts, span->start) : 0;
           facts != NULL && i < facts->len; i++)
        {
          const Fact *f = &g_array_index (facts, Fact, i);

          if (f->date >= span->end)
            break;
          if (unit != NULL && f->unit_id != unit->unit_id)
            continue;
          denominator += f->amount;
          if (f->unannounced)
            numerator += f->amount;
          record_ids_add (&o.record_ids, f->record_id);
        }
      o.achieved = duty->measure == QUORUM_MEASURE_RATIO
                 ? (denominator > 0 ? 100.0 * numerator / denominator : 0)
                 : denominator;
    }

  /* A session on the calendar whose day has passed without being held. */
  for (guint i = 0; cell->scheduled != NULL && i < cell->scheduled->len; i++)
    {
      const Item *it = &g_array_index (cell->scheduled, Item, i);

      if (it->date >= span->start && it->date < span->end && it->date < ctx->today &&
          (unit == NULL || it->unit_id == unit->unit_id))
        {
          overdue = it->date;
          break;
        }
    }

  met = o.achieved + 1e-9 >= duty->min &&
        (duty->measure != QUORUM_MEASURE_RATIO || denominator > 0);
  exceeded = duty->max >= 0 && o.achieved > duty->max + 1e-9;

  if (exceeded)
    o.status = QUORUM_COMPLIANCE_AT_RISK;
  else if (met)
    o.status = QUORUM_COMPLIANCE_MET;
  else
    o.status = status_for_time (ctx, span, overdue != 0);

  if (duty->measure == QUORUM_MEASURE_RATIO)
    {
      g_autofree char *pct = format_number (o.achieved);
      g_autofree char *num = format_number (numerator);
      g_autofree char *den = format_number (denominator);

      if (denominator <= 0)
        o.explanation = o.status == QUORUM_COMPLIANCE_MISSED
          ? g_strdup_printf (_("Missed: nothing was recorded in %1$s to compute the share; "
                               "at least %2$d%% required."), span->name, duty->min)
          : g_strdup_printf (_("Nothing recorded yet in %1$s to compute the share; "
                               "at least %2$d%% required."), span->name, duty->min);
      else if (o.status == QUORUM_COMPLIANCE_MET)
        o.explanation = g_strdup_printf (_("Met: %1$s%% (%2$s of %3$s) in %5$s, "
                                           "at least %4$d%% required."),
                                         pct, num, den, duty->min, span->name);
      else if (o.status == QUORUM_COMPLIANCE_MISSED)
        o.explanation = g_strdup_printf (_("Missed: %1$s%% (%2$s of %3$s) in %5$s, "
                                           "at least %4$d%% required."),
                                         pct, num, den, duty->min, span->name);
      else if (o.status == QUORUM_COMPLIANCE_AT_RISK)
        o.explanation = g_strdup_printf (_("Only %1$s%% (%2$s of %3$s) in %5$s, at least %4$d%% "
                                           "required, and the period ends soon."),
                                         pct, num, den, duty->min, span->name);
      else
        o.explanation = g_strdup_printf (_("%1$s%% so far (%2$s of %3$s) in %5$s, "
                                           "at least %4$d%% required."),
                                         pct, num, den, duty->min, span->name);
      emit (ctx->results, &o);
      return;
    }

  achieved = format_amount (duty->measure, o.achieved);
  if (exceeded)
    {
      g_autofree char *max = format_amount (duty->measure, duty->max);
      o.explanation = g_strdup_printf (_("%1$s in %2$s; the rules allow at most %3$s."),
                                       achieved, span->name, max);
    }
  else if (o.status == QUORUM_COMPLIANCE_MET)
    o.explanation = g_strdup_printf (_("Met: %1$s of %2$s required in %3$s."),
                                     achieved, required, span->name);
  else if (o.status == QUORUM_COMPLIANCE_MISSED && o.achieved <= 0)
    o.explanation = g_strdup_printf (_("Missed: no “%1$s” in %2$s."), duty->title, span->name);
  else if (o.status == QUORUM_COMPLIANCE_MISSED)
    o.explanation = g_strdup_printf (_("Missed: only %1$s of %2$s in %3$s."),
                                     achieved, required, span->name);
  else if (ctx->today < span->start)
    {
      g_autofree char *first = format_julian_day (span->start);
      g_autofree char *last = format_julian_day (span->end - 1);
      o.explanation = g_strdup_printf (_("Not due yet: %1$s required between %2$s and %3$s."),
                                       required, first, last);
    }
  else if (overdue != 0)
    {
      g_autofree char *day = format_julian_day (overdue);
      o.explanation = g_strdup_printf (_("%1$s of %2$s in %3$s; the one scheduled for %4$s "
                                         "is not recorded as held."),
                                       achieved, required, span->name, day);
    }
  else
    {
      guint left = span->end - ctx->today;

      if (o.status == QUORUM_COMPLIANCE_AT_RISK)
        o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "Only %1$s of %2$s in %3$s, which ends in %4$u day.",
                                                      "Only %1$s of %2$s in %3$s, which ends in %4$u days.",
                                                      left),
                                         achieved, required, span->name, left);
      else
        o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%1$s of %2$s so far in %3$s; %4$u day left.",
                                                      "%1$s of %2$s so far in %3$s; %4$u days left.",
                                                      left),
                                         achieved, required, span->name, left);
    }
  emit (ctx->results, &o);
}

static const Fact *
find_attendance (Cell   *cell,
                 gint64  record_id)
{
  for (guint i = 0; cell->facts != NULL && i < cell->facts->len; i++)
    {
      const Fact *f = &g_array_index (cell->facts, Fact, i);

      if (f->record_id == record_id)
        return f;
    }
  return NULL;
}

static void
evaluate_attendance (Context    *ctx,
                     const Duty *duty,
                     Cell       *cell,
                     const Span *span)
{
  Outcome o = { duty, cell->subject, NULL, span->period, 0, 0, QUORUM_COMPLIANCE_MET, NULL, NULL };
  guint required = 0, attended = 0, excused = 0, made_up = 0;
  guint32 missed_on = 0, unrecorded_on = 0, made_up_day = 0, made_up_on = 0;

  for (guint i = lower_bound (duty->sessions, span->start); i < duty->sessions->len; i++)
    {
      const Fact *session = &g_array_index (duty->sessions, Fact, i);
      const Fact *f;

      if (session->date >= span->end)
        break;
      /* Only the sessions held while the person was a member. */
      if (!is_bound_on (cell->intervals, session->date))
        continue;

      required++;
      record_ids_add (&o.record_ids, session->record_id);
      f = find_attendance (cell, session->record_id);

      switch (f ? f->attendance : QUORUM_ATTENDANCE_UNKNOWN)
        {
        case QUORUM_ATTENDANCE_PRESENT:
        case QUORUM_ATTENDANCE_LATE:
          attended++;
          break;
        case QUORUM_ATTENDANCE_EXCUSED:
        case QUORUM_ATTENDANCE_ABSENT:
          if (duty->makeup && f->made_up_on != 0)
            {
              made_up++;
              made_up_day = session->date;
              made_up_on = f->made_up_on;
            }
          else if (!duty->makeup && f->attendance == QUORUM_ATTENDANCE_EXCUSED)
            excused++;
          else if (missed_on == 0)
            missed_on = session->date;
          break;
        case QUORUM_ATTENDANCE_UNKNOWN:
        default:
          if (unrecorded_on == 0)
            unrecorded_on = session->date;
          break;
        }
    }

  o.achieved = attended + made_up;

  if (missed_on != 0)
    {
      g_autofree char *day = format_julian_day (missed_on);

      o.status = QUORUM_COMPLIANCE_MISSED;
      o.explanation = duty->makeup
        ? g_strdup_printf (_("Absent on %1$s and not made up yet."), day)
        : g_strdup_printf (_("Absent on %1$s."), day);
    }
  else if (unrecorded_on != 0)
    {
      g_autofree char *day = format_julian_day (unrecorded_on);

      o.status = QUORUM_COMPLIANCE_AT_RISK;
      o.explanation = g_strdup_printf (_("No attendance recorded for the session on %1$s."), day);
    }
  else if (made_up > 0)
    {
      g_autofree char *day = format_julian_day (made_up_day);
      g_autofree char *on = format_julian_day (made_up_on);

      o.status = QUORUM_COMPLIANCE_REMEDIED;
      o.explanation = g_strdup_printf (_("Absent on %1$s; made up on %2$s."), day, on);
    }
  else if (required == 0)
    {
      o.status = ctx->today < span->end ? QUORUM_COMPLIANCE_OPEN : QUORUM_COMPLIANCE_MET;
      o.explanation = ctx->today < span->end
        ? g_strdup_printf (_("No session held yet in %1$s while a member."), span->name)
        : g_strdup_printf (_("No session was held in %1$s while a member."), span->name);
    }
  else if (excused > 0)
    o.explanation = g_strdup_printf (_("Attended %1$u of %2$u sessions in %3$s, "
                                       "excused from the others."),
                                     attended, required, span->name);
  else
    o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Attended the %1$u session held in %2$s.",
                                                  "Attended all %1$u sessions held in %2$s.",
                                                  required),
                                     attended, span->name);
  emit (ctx->results, &o);
}

static void
emit_nothing (Context    *ctx,
              const Duty *duty,
              Cell       *cell,
              const Span *span)
{
  Outcome o = { duty, cell->subject, NULL, span->period, 0, 0, QUORUM_COMPLIANCE_MET, NULL, NULL };

  o.explanation = g_strdup_printf (_("Nothing to do in %s."), span->name);
  emit (ctx->results, &o);
}

static gboolean
evaluate_deadlines (Context     *ctx,
                    const Duty  *duty,
                    Cell        *cell,
                    const Span  *span,
                    GError     **error)
{
  gboolean any = FALSE;

  for (guint i = 0; cell->deadlines != NULL && i < cell->deadlines->len; i++)
    {
      const Item *it = &g_array_index (cell->deadlines, Item, i);
      Outcome o = { duty, cell->subject, NULL, span->period, it->record_id, 0,
                    QUORUM_COMPLIANCE_OPEN, NULL, NULL };
      g_autofree char *deadline_text = NULL;
      g_autofree char *trigger_text = NULL;
      g_autofree char *done_text = NULL;
      GDate trigger, deadline;
      gboolean uncertain = FALSE;
      guint32 due;
      int n = duty->min;

      if (it->date < span->start || it->date >= span->end)
        continue;
      if (ctx->workdays == NULL)
        {
          g_set_error (error, QUORUM_COMPLIANCE_ERROR, QUORUM_COMPLIANCE_ERROR_INVALID,
                       _("The duty “%s” counts working days, but no holiday calendar was given"),
                       duty->id);
          return FALSE;
        }

      any = TRUE;
      g_date_clear (&trigger, 1);
      g_date_clear (&deadline, 1);
      g_date_set_julian (&trigger, it->date);
      quorum_workdays_add (ctx->workdays, &trigger, n, &deadline, &uncertain);
      due = g_date_get_julian (&deadline);
      deadline_text = quorum_period_format_day (&deadline);
      trigger_text = format_julian_day (it->date);
      record_ids_add (&o.record_ids, it->record_id);

      if (it->done != 0)
        {
          done_text = format_julian_day (it->done);
          o.achieved = 1;
          if (it->done <= due)
            {
              o.status = QUORUM_COMPLIANCE_MET;
              o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Done on %1$s, within %2$d working day (deadline %3$s).",
                                                            "Done on %1$s, within %2$d working days (deadline %3$s).",
                                                            n),
                                               done_text, n, deadline_text);
            }
          else
            {
              o.status = QUORUM_COMPLIANCE_MISSED;
              o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Done on %1$s, after the deadline of %3$s (%2$d working day).",
                                                            "Done on %1$s, after the deadline of %3$s (%2$d working days).",
                                                            n),
                                               done_text, n, deadline_text);
            }
        }
      else if (ctx->today > due)
        {
          o.status = QUORUM_COMPLIANCE_MISSED;
          o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Not done, and the deadline of %2$s (%1$d working day) has passed.",
                                                        "Not done, and the deadline of %2$s (%1$d working days) has passed.",
                                                        n),
                                           n, deadline_text);
        }
      else if (ctx->today == due)
        {
          o.status = QUORUM_COMPLIANCE_AT_RISK;
          o.explanation = g_strdup_printf (_("Not done yet; due today (%s)."), deadline_text);
        }
      else if (ctx->today + 1 == due)
        {
          o.status = QUORUM_COMPLIANCE_AT_RISK;
          o.explanation = g_strdup_printf (_("Not done yet; due tomorrow (%s)."), deadline_text);
        }
      else
        o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "Not done yet; due by %1$s, %2$d working day after %3$s.",
                                                      "Not done yet; due by %1$s, %2$d working days after %3$s.",
                                                      n),
                                         deadline_text, n, trigger_text);

      if (uncertain)
        {
          g_autofree char *plain = g_steal_pointer (&o.explanation);
          o.explanation = g_strconcat (plain, " ",
                                       _("The holiday calendar does not cover these dates, "
                                         "so only weekends were skipped."),
                                       NULL);
        }
      emit (ctx->results, &o);
    }

  if (!any)
    emit_nothing (ctx, duty, cell, span);
  return TRUE;
}

static void
evaluate_notices (Context    *ctx,
                  const Duty *duty,
                  Cell       *cell,
                  const Span *span)
{
  gboolean any = FALSE;

  for (guint i = 0; cell->notices != NULL && i < cell->notices->len; i++)
    {
      const Item *it = &g_array_index (cell->notices, Item, i);
      Outcome o = { duty, cell->subject, NULL, span->period, it->record_id, 0,
                    QUORUM_COMPLIANCE_MET, NULL, NULL };
      g_autofree char *start = NULL;
      gint64 ahead;

      if (it->date < span->start || it->date >= span->end)
        continue;

      any = TRUE;
      start = format_julian_day (it->date);
      record_ids_add (&o.record_ids, it->record_id);
      ahead = it->done != 0 ? (gint64)it->date - it->done : G_MININT32;
      o.achieved = ahead > 0 ? ahead : 0;

      if (it->emergency && it->reason != NULL)
        o.explanation = g_strdup_printf (_("Emergency trip on %1$s (%2$s): reported on leaving."),
                                         start, it->reason);
      else if (it->emergency)
        {
          o.status = QUORUM_COMPLIANCE_AT_RISK;
          o.explanation = g_strdup_printf (_("Emergency trip on %s with no reason given."), start);
        }
      else if (it->done == 0)
        {
          o.status = QUORUM_COMPLIANCE_MISSED;
          o.explanation = g_strdup_printf (_("No written request for the trip on %s."), start);
        }
      else if (ahead >= duty->min)
        o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "Filed %1$d day before leaving on %2$s; at least %3$d required.",
                                                      "Filed %1$d days before leaving on %2$s; at least %3$d required.",
                                                      (gulong)ahead),
                                         (int)ahead, start, duty->min);
      else if (ahead > 0)
        {
          o.status = QUORUM_COMPLIANCE_MISSED;
          o.explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Filed only %1$d day before leaving on %2$s; at least %3$d required.",
                                                        "Filed only %1$d days before leaving on %2$s; at least %3$d required.",
                                                        (gulong)ahead),
                                           (int)ahead, start, duty->min);
        }
      else
        {
          g_autofree char *filed = format_julian_day (it->done);

          o.status = QUORUM_COMPLIANCE_MISSED;
          o.explanation = g_strdup_printf (_("Filed on %1$s, not before leaving on %2$s."),
                                           filed, start);
        }
      emit (ctx->results, &o);
    }

  if (!any)
    emit_nothing (ctx, duty, cell, span);
}

static gboolean
span_init (Span          *span,
           const Duty    *duty,
           QuorumPeriod  *period,
           QuorumPeriod  *requested)
{
  g_autoptr(QuorumPeriod) narrowed = NULL;
  QuorumPeriod *counted = period;

  if (duty->window_first > 0 && duty->window_last >= duty->window_first)
    {
      if (!(narrowed = quorum_period_apply_window (period, duty->window_first, duty->window_last)))
        return FALSE;
      counted = narrowed;
      /* Report a window duty only where its window meets the requested period. */
      if (g_date_compare (quorum_period_get_start (counted), quorum_period_get_end (requested)) >= 0 ||
          g_date_compare (quorum_period_get_start (requested), quorum_period_get_end (counted)) >= 0)
        return FALSE;
    }

  span->period = period;
  span->start = g_date_get_julian (quorum_period_get_start (counted));
  span->end = g_date_get_julian (quorum_period_get_end (counted));
  span->name = quorum_period_format (period);
  return TRUE;
}

static gboolean
evaluate_duty (Context       *ctx,
               const Duty    *duty,
               QuorumPeriod  *requested,
               GError       **error)
{
  g_autoptr(GPtrArray) periods = NULL;

  if (duty->period == QUORUM_PERIOD_NONE)
    {
      periods = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_period_unref);
      g_ptr_array_add (periods, quorum_period_ref (requested));
    }
  else
    periods = quorum_period_list_in (duty->period, requested,
                                     g_date_valid (&duty->anchor) ? &duty->anchor : NULL);

  for (guint p = 0; p < periods->len; p++)
    {
      Span span = { 0 };

      if (!span_init (&span, duty, periods->pdata[p], requested))
        continue;

      for (guint s = 0; s < duty->bound->len; s++)
        {
          Cell *cell = duty->bound->pdata[s];

          if (duty->attendance && cell->subject->kind != QUORUM_SUBJECT_BODY)
            {
              if (covered_days (cell->intervals, span.start, span.end) > 0)
                evaluate_attendance (ctx, duty, cell, &span);
              continue;
            }
          if (!is_bound_for (cell->intervals, span.start, span.end))
            continue;

          switch (duty->measure)
            {
            case QUORUM_MEASURE_DEADLINE_WORKDAYS:
              if (!evaluate_deadlines (ctx, duty, cell, &span, error))
                {
                  g_free (span.name);
                  return FALSE;
                }
              break;

            case QUORUM_MEASURE_NOTICE_DAYS:
              evaluate_notices (ctx, duty, cell, &span);
              break;

            case QUORUM_MEASURE_RATIO:
              {
                Duty *base_duty = duty->ratio_of
                                ? g_hash_table_lookup (ctx->input->duties_by_id, duty->ratio_of) : NULL;
                Cell *base = base_duty ? g_hash_table_lookup (base_duty->cells, &cell->key) : NULL;

                evaluate_count (ctx, duty, cell, base, NULL, &span);
              }
              break;

            case QUORUM_MEASURE_EVENTS:
            case QUORUM_MEASURE_DAYS:
            case QUORUM_MEASURE_UNITS:
            default:
              if (duty->scope == QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT)
                {
                  GArray *links = cell->subject->links && duty->per_unit
                                ? g_hash_table_lookup (cell->subject->links, duty->per_unit)
                                : NULL;

                  for (guint u = 0; links != NULL && u < links->len; u++)
                    {
                      const UnitLink *link = &g_array_index (links, UnitLink, u);

                      if (link_is_bound_for (link, span.start, span.end))
                        evaluate_count (ctx, duty, cell, NULL, link, &span);
                    }
                }
              else
                evaluate_count (ctx, duty, cell, NULL, NULL, &span);
              break;
            }
        }
      g_free (span.name);
    }
  return TRUE;
}

/**
 * quorum_compliance_evaluate:
 * @input: the duties, subjects and facts
 * @period: the period to report on; each duty is evaluated in its own
 *   periods that overlap it (the months of a quarter, the year of a month)
 * @today: the day the report is made
 * @at_risk_days: how many days before its end an unmet period turns at risk
 *   (7 by default; negative for the default)
 * @workdays: (nullable): the holiday calendar, needed for
 *   `deadline-workdays` duties that have items in @period
 * @error: return location for a #QUORUM_COMPLIANCE_ERROR
 *
 * Evaluates every duty for every bound subject (and related unit, or item)
 * in every period of the duty that overlaps @period. See the header for the
 * rules. Facts are sorted once; each cell is then read with a binary search,
 * so the cost grows with the number of facts and results, not their product.
 *
 * Returns: (transfer full) (element-type QuorumComplianceResult): the
 *   results, by duty in input order, then period, then subject; or %NULL
 *   with @error set
 */
GPtrArray *
quorum_compliance_evaluate (QuorumComplianceInput  *input,
                            QuorumPeriod           *period,
                            const GDate            *today,
                            int                     at_risk_days,
                            QuorumWorkdays         *workdays,
                            GError                **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  Context ctx;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sort_input (input);

  ctx.today = g_date_get_julian (today);
  ctx.at_risk_days = at_risk_days < 0 ? 7 : at_risk_days;
  ctx.workdays = workdays;
  ctx.results = results;
  ctx.input = input;

  for (guint i = 0; i < input->duties->len; i++)
    if (!evaluate_duty (&ctx, input->duties->pdata[i], period, error))
      return NULL;

  return g_steal_pointer (&results);
}

/* ---- Result getters ----------------------------------------------------- */

const char *
quorum_compliance_result_get_duty_id (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), NULL);
  return self->duty_id;
}

QuorumSubjectKind
quorum_compliance_result_get_subject_kind (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), QUORUM_SUBJECT_PERSON);
  return self->subject_kind;
}

gint64
quorum_compliance_result_get_subject_id (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), 0);
  return self->subject_id;
}

const char *
quorum_compliance_result_get_subject_label (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), NULL);
  return self->subject_label;
}

/**
 * quorum_compliance_result_get_unit_id:
 * @self: a result
 *
 * Returns: the related unit of a per-unit result, 0 otherwise
 */
gint64
quorum_compliance_result_get_unit_id (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), 0);
  return self->unit_id;
}

/**
 * quorum_compliance_result_get_unit_label:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): the related unit's name
 */
const char *
quorum_compliance_result_get_unit_label (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), NULL);
  return self->unit_label;
}

/**
 * quorum_compliance_result_get_item_id:
 * @self: a result
 *
 * Returns: the record of a per-item result (a letter, a leave), 0 otherwise
 */
gint64
quorum_compliance_result_get_item_id (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), 0);
  return self->item_id;
}

/**
 * quorum_compliance_result_get_period:
 * @self: a result
 *
 * Returns: (transfer none): the duty's period the result is for (the whole
 *   calendar period, even when a window narrows it)
 */
QuorumPeriod *
quorum_compliance_result_get_period (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), NULL);
  return self->period;
}

QuorumMeasure
quorum_compliance_result_get_measure (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), QUORUM_MEASURE_EVENTS);
  return self->measure;
}

int
quorum_compliance_result_get_min (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), 0);
  return self->min;
}

/**
 * quorum_compliance_result_get_max:
 * @self: a result
 *
 * Returns: the duty's maximum, -1 for none
 */
int
quorum_compliance_result_get_max (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), -1);
  return self->max;
}

/**
 * quorum_compliance_result_get_achieved:
 * @self: a result
 *
 * Returns: the count, days, units or percentage reached; for attendance the
 *   sessions attended or made up; for a deadline 1 once done; for a notice the
 *   days filed in advance
 */
double
quorum_compliance_result_get_achieved (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), 0);
  return self->achieved;
}

QuorumComplianceStatus
quorum_compliance_result_get_status (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), QUORUM_COMPLIANCE_OPEN);
  return self->status;
}

QuorumSupervisionColour
quorum_compliance_result_get_colour (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), QUORUM_SUPERVISION_BLUE);
  return quorum_compliance_status_to_colour (self->status);
}

/**
 * quorum_compliance_result_get_explanation:
 * @self: a result
 *
 * Returns: (transfer none): one translated sentence saying why
 */
const char *
quorum_compliance_result_get_explanation (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), NULL);
  return self->explanation;
}

/**
 * quorum_compliance_result_get_record_ids:
 * @self: a result
 *
 * Returns: (transfer none) (element-type gint64): the records that were
 *   counted (for a `units` duty: the linked units), for click-through
 */
GArray *
quorum_compliance_result_get_record_ids (QuorumComplianceResult *self)
{
  g_return_val_if_fail (QUORUM_IS_COMPLIANCE_RESULT (self), NULL);
  return self->record_ids;
}
