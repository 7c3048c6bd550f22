/* quorum-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-period"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "quorum-period.h"

/**
 * QuorumPeriod:
 *
 * An immutable span of whole days, [start, end), of a given kind: a week
 * (ISO 8601, Monday to Sunday), a fortnight counted from an anchor Monday,
 * a calendar month, quarter, half-year or year. A period narrowed by a
 * duty's window (quorum_period_apply_window()) keeps its kind but covers
 * only the window's months.
 */
struct _QuorumPeriod
{
  QuorumPeriodKind kind;
  GDate            start;
  GDate            end;
};

G_DEFINE_BOXED_TYPE (QuorumPeriod, quorum_period, quorum_period_ref, quorum_period_unref)
G_DEFINE_QUARK (quorum-period-error-quark, quorum_period_error)

/* Used when a fortnight has no anchor of its own: the rulebook's Monday. */
#define DEFAULT_ANCHOR_YEAR  2022
#define DEFAULT_ANCHOR_MONTH 5
#define DEFAULT_ANCHOR_DAY   2

static QuorumPeriod *
period_new_julian (QuorumPeriodKind kind,
                   guint32          start,
                   guint32          end)
{
  QuorumPeriod *self = g_atomic_rc_box_new0 (QuorumPeriod);

  self->kind = kind;
  g_date_set_julian (&self->start, start);
  g_date_set_julian (&self->end, end);
  return self;
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The first day of the month @months months after January of @year (may overflow the year). */
static guint32
julian_of_month (int year,
                 int months)
{
  return julian_of (year + months / 12, months % 12 + 1, 1);
}

/* Monday of ISO week 1 of @year: the week with the year's first Thursday. */
static guint32
iso_week_one (int year)
{
  GDate jan4;

  g_date_clear (&jan4, 1);
  g_date_set_dmy (&jan4, 4, G_DATE_JANUARY, year);
  return g_date_get_julian (&jan4) - (g_date_get_weekday (&jan4) - G_DATE_MONDAY);
}

static guint
iso_weeks_in_year (int year)
{
  return (iso_week_one (year + 1) - iso_week_one (year)) / 7;
}

QuorumPeriod *
quorum_period_ref (QuorumPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
quorum_period_unref (QuorumPeriod *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release (self);
}

/**
 * quorum_period_new:
 * @kind: the kind the span stands for
 * @start: the first day
 * @end: the day after the last one (exclusive), after @start
 *
 * Makes a period from an explicit span; quorum_period_for_date() is the
 * usual way to get a calendar period.
 *
 * Returns: (transfer full): a new period
 */
QuorumPeriod *
quorum_period_new (QuorumPeriodKind  kind,
                   const GDate      *start,
                   const GDate      *end)
{
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);
  g_return_val_if_fail (end != NULL && g_date_valid (end), NULL);
  g_return_val_if_fail (g_date_compare (start, end) < 0, NULL);

  return period_new_julian (kind, g_date_get_julian (start), g_date_get_julian (end));
}

/**
 * quorum_period_for_date:
 * @kind: any kind but %QUORUM_PERIOD_NONE
 * @date: a day
 * @anchor: (nullable): for fortnights, a Monday that starts one; %NULL for
 *   the rulebook's 2022-05-02
 *
 * Returns: (transfer full): the period of @kind that contains @date
 */
QuorumPeriod *
quorum_period_for_date (QuorumPeriodKind  kind,
                        const GDate      *date,
                        const GDate      *anchor)
{
  int year, month;
  guint32 julian, a;
  gint64 diff;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (kind != QUORUM_PERIOD_NONE, NULL);

  year = g_date_get_year (date);
  month = g_date_get_month (date) - 1;
  julian = g_date_get_julian (date);

  switch (kind)
    {
    case QUORUM_PERIOD_WEEK:
      julian -= g_date_get_weekday (date) - G_DATE_MONDAY;
      return period_new_julian (kind, julian, julian + 7);

    case QUORUM_PERIOD_FORTNIGHT:
      a = anchor != NULL && g_date_valid (anchor)
        ? g_date_get_julian (anchor)
        : julian_of (DEFAULT_ANCHOR_YEAR, DEFAULT_ANCHOR_MONTH, DEFAULT_ANCHOR_DAY);
      diff = (gint64)julian - a;
      /* Floor division, so days before the anchor fall in earlier fortnights. */
      diff = diff >= 0 ? diff / 14 : -((-diff + 13) / 14);
      return period_new_julian (kind, a + diff * 14, a + diff * 14 + 14);

    case QUORUM_PERIOD_MONTH:
      return period_new_julian (kind, julian_of_month (year, month),
                                julian_of_month (year, month + 1));

    case QUORUM_PERIOD_QUARTER:
      return period_new_julian (kind, julian_of_month (year, month / 3 * 3),
                                julian_of_month (year, month / 3 * 3 + 3));

    case QUORUM_PERIOD_HALF_YEAR:
      return period_new_julian (kind, julian_of_month (year, month / 6 * 6),
                                julian_of_month (year, month / 6 * 6 + 6));

    case QUORUM_PERIOD_YEAR:
      return period_new_julian (kind, julian_of (year, 1, 1), julian_of (year + 1, 1, 1));

    case QUORUM_PERIOD_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_int (const char *text,
           gsize       len,
           int         min,
           int         max,
           int        *out)
{
  int value = 0;

  if (len == 0 || len > 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  if (value < min || value > max)
    return FALSE;
  *out = value;
  return TRUE;
}

static QuorumPeriod *
parse_period (const char *text)
{
  gsize len = strlen (text);
  const char *rest;
  int year, n;

  if (len < 4 || !parse_int (text, 4, 1, 9999, &year))
    return NULL;
  if (len == 4)
    return period_new_julian (QUORUM_PERIOD_YEAR, julian_of (year, 1, 1), julian_of (year + 1, 1, 1));
  if (text[4] != '-' || len < 6)
    return NULL;

  rest = text + 5;
  len -= 5;

  if ((rest[0] == 'H' || rest[0] == 'h') && parse_int (rest + 1, len - 1, 1, 2, &n))
    return period_new_julian (QUORUM_PERIOD_HALF_YEAR, julian_of_month (year, (n - 1) * 6),
                              julian_of_month (year, n * 6));
  if ((rest[0] == 'Q' || rest[0] == 'q') && parse_int (rest + 1, len - 1, 1, 4, &n))
    return period_new_julian (QUORUM_PERIOD_QUARTER, julian_of_month (year, (n - 1) * 3),
                              julian_of_month (year, n * 3));
  if ((rest[0] == 'W' || rest[0] == 'w') && len <= 3 &&
      parse_int (rest + 1, len - 1, 1, iso_weeks_in_year (year), &n))
    {
      guint32 monday = iso_week_one (year) + (n - 1) * 7;
      return period_new_julian (QUORUM_PERIOD_WEEK, monday, monday + 7);
    }
  if (len == 2 && parse_int (rest, 2, 1, 12, &n))
    return period_new_julian (QUORUM_PERIOD_MONTH, julian_of_month (year, n - 1),
                              julian_of_month (year, n));

  /* A fortnight, as quorum_period_to_string() writes it: 2026-11-16/P2W. */
  if (len == 9 && rest[2] == '-' && g_str_has_suffix (rest, "/P2W"))
    {
      int day;

      if (parse_int (rest, 2, 1, 12, &n) && parse_int (rest + 3, 2, 1, 31, &day) &&
          g_date_valid_dmy (day, n, year))
        {
          guint32 start = julian_of (year, n, day);
          return period_new_julian (QUORUM_PERIOD_FORTNIGHT, start, start + 14);
        }
    }

  return NULL;
}

/**
 * quorum_period_parse:
 * @text: `2026` (a year), `2026-H2` (a half-year), `2026-Q4` (a quarter),
 *   `2026-11` (a month), `2026-W47` (an ISO week) or `2026-11-16/P2W` (the
 *   fortnight starting on that day)
 * @error: return location for a #QUORUM_PERIOD_ERROR
 *
 * Returns: (transfer full): the period, or %NULL with @error set
 */
QuorumPeriod *
quorum_period_parse (const char  *text,
                     GError     **error)
{
  QuorumPeriod *period;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((period = parse_period (text)) == NULL)
    g_set_error (error, QUORUM_PERIOD_ERROR, QUORUM_PERIOD_ERROR_INVALID,
                 _("“%s” is not a period: write a year (2026), a half-year (2026-H2), "
                   "a quarter (2026-Q4), a month (2026-11) or an ISO week (2026-W47)"),
                 text);
  return period;
}

/**
 * quorum_period_next:
 * @self: a period
 *
 * Returns: (transfer full): the period of the same kind that follows @self
 */
QuorumPeriod *
quorum_period_next (QuorumPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == QUORUM_PERIOD_FORTNIGHT || self->kind == QUORUM_PERIOD_NONE)
    {
      guint32 len = g_date_get_julian (&self->end) - g_date_get_julian (&self->start);
      return period_new_julian (self->kind, g_date_get_julian (&self->end),
                                g_date_get_julian (&self->end) + len);
    }
  return quorum_period_for_date (self->kind, &self->end, NULL);
}

/**
 * quorum_period_previous:
 * @self: a period
 *
 * Returns: (transfer full): the period of the same kind that precedes @self
 */
QuorumPeriod *
quorum_period_previous (QuorumPeriod *self)
{
  GDate day;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == QUORUM_PERIOD_FORTNIGHT || self->kind == QUORUM_PERIOD_NONE)
    {
      guint32 len = g_date_get_julian (&self->end) - g_date_get_julian (&self->start);
      return period_new_julian (self->kind, g_date_get_julian (&self->start) - len,
                                g_date_get_julian (&self->start));
    }
  day = self->start;
  g_date_subtract_days (&day, 1);
  return quorum_period_for_date (self->kind, &day, NULL);
}

/**
 * quorum_period_list_in:
 * @kind: any kind but %QUORUM_PERIOD_NONE
 * @outer: the span to cover
 * @anchor: (nullable): for fortnights, see quorum_period_for_date()
 *
 * Lists the periods of @kind that overlap @outer, in order: the months of a
 * quarter, the fortnights that touch a year, or the one year that contains a
 * month.
 *
 * Returns: (transfer full) (element-type QuorumPeriod): the periods
 */
GPtrArray *
quorum_period_list_in (QuorumPeriodKind  kind,
                       QuorumPeriod     *outer,
                       const GDate      *anchor)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_period_unref);
  QuorumPeriod *p;

  g_return_val_if_fail (outer != NULL, NULL);
  g_return_val_if_fail (kind != QUORUM_PERIOD_NONE, NULL);

  p = quorum_period_for_date (kind, &outer->start, anchor);
  while (g_date_compare (&p->start, &outer->end) < 0)
    {
      g_ptr_array_add (periods, p);
      p = quorum_period_next (p);
    }
  quorum_period_unref (p);

  return g_steal_pointer (&periods);
}

/**
 * quorum_period_apply_window:
 * @self: a period
 * @first_month: the first month of the window, 1–12
 * @last_month: the last month of the window, @first_month–12
 *
 * Narrows @self to the months @first_month to @last_month of the year it
 * starts in: the year 2026 with the window 1–3 becomes January to March 2026.
 *
 * Returns: (transfer full) (nullable): the narrowed period, or %NULL when
 *   @self and the window do not overlap
 */
QuorumPeriod *
quorum_period_apply_window (QuorumPeriod *self,
                            int           first_month,
                            int           last_month)
{
  int year;
  guint32 start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (first_month >= 1 && first_month <= last_month && last_month <= 12, NULL);

  year = g_date_get_year (&self->start);
  start = MAX (g_date_get_julian (&self->start), julian_of_month (year, first_month - 1));
  end = MIN (g_date_get_julian (&self->end), julian_of_month (year, last_month));
  if (start >= end)
    return NULL;
  return period_new_julian (self->kind, start, end);
}

QuorumPeriodKind
quorum_period_get_kind (QuorumPeriod *self)
{
  g_return_val_if_fail (self != NULL, QUORUM_PERIOD_NONE);
  return self->kind;
}

/**
 * quorum_period_get_start:
 * @self: a period
 *
 * Returns: (transfer none): the first day
 */
const GDate *
quorum_period_get_start (QuorumPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->start;
}

/**
 * quorum_period_get_end:
 * @self: a period
 *
 * Returns: (transfer none): the day after the last one (exclusive)
 */
const GDate *
quorum_period_get_end (QuorumPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->end;
}

guint
quorum_period_get_n_days (QuorumPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_date_get_julian (&self->end) - g_date_get_julian (&self->start);
}

/**
 * quorum_period_contains:
 * @self: a period
 * @date: a day
 *
 * Returns: whether @date is on or after the start and before the end
 */
gboolean
quorum_period_contains (QuorumPeriod *self,
                        const GDate  *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_compare (&self->start, date) <= 0 && g_date_compare (date, &self->end) < 0;
}

gboolean
quorum_period_equal (QuorumPeriod *a,
                     QuorumPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind &&
         g_date_compare (&a->start, &b->start) == 0 &&
         g_date_compare (&a->end, &b->end) == 0;
}

static int
iso_week_year (const GDate *monday)
{
  GDate thursday = *monday;

  g_date_add_days (&thursday, 3);
  return g_date_get_year (&thursday);
}

/**
 * quorum_period_to_string:
 * @self: a period
 *
 * Writes the period in the syntax quorum_period_parse() reads. A period
 * that is not a whole calendar period (narrowed by a window) is written as
 * the calendar period it starts in.
 *
 * Returns: (transfer full): e.g. `2026-Q4`
 */
char *
quorum_period_to_string (QuorumPeriod *self)
{
  int year, month;

  g_return_val_if_fail (self != NULL, NULL);

  year = g_date_get_year (&self->start);
  month = g_date_get_month (&self->start);

  switch (self->kind)
    {
    case QUORUM_PERIOD_WEEK:
      return g_strdup_printf ("%04d-W%02u", iso_week_year (&self->start),
                              g_date_get_iso8601_week_of_year (&self->start));
    case QUORUM_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", year, month);
    case QUORUM_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", year, (month - 1) / 3 + 1);
    case QUORUM_PERIOD_HALF_YEAR:
      return g_strdup_printf ("%04d-H%d", year, (month - 1) / 6 + 1);
    case QUORUM_PERIOD_YEAR:
      return g_strdup_printf ("%04d", year);
    case QUORUM_PERIOD_FORTNIGHT:
    case QUORUM_PERIOD_NONE:
    default:
      return g_strdup_printf ("%04d-%02d-%02d/P2W", year, month, g_date_get_day (&self->start));
    }
}

/**
 * quorum_period_format_date:
 * @date: a day
 *
 * Returns: (transfer full): the full date for people, e.g. “2026年11月25日”
 */
char *
quorum_period_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a full date: year, month number, day. */
  return g_strdup_printf (_("%1$d-%2$02d-%3$02d"), g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * quorum_period_format_day:
 * @date: a day
 *
 * Returns: (transfer full): the day and month for people, e.g. “25 Nov” or
 *   “11月25日”
 */
char *
quorum_period_format_day (const GDate *date)
{
  static const char *months[] = {
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
  };

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a day of the month (%1$d) and an abbreviated month (%2$s), e.g. “25 Nov”. */
  return g_strdup_printf (_("%1$d %2$s"), g_date_get_day (date),
                          _(months[g_date_get_month (date) - 1]));
}

/* The tables below hold literal formats with one %d each; gettext keeps them so. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
format_year (const char *format,
             int         year)
{
  return g_strdup_printf (format, year);
}
#pragma GCC diagnostic pop

/**
 * quorum_period_format:
 * @self: a period
 *
 * Returns: (transfer full): the period for people, e.g. “2026年第四季度”,
 *   “2026年11月”, “2026年下半年” or “2026年第47周”
 */
char *
quorum_period_format (QuorumPeriod *self)
{
  static const char *months[] = {
    N_("January %d"), N_("February %d"), N_("March %d"), N_("April %d"),
    N_("May %d"), N_("June %d"), N_("July %d"), N_("August %d"),
    N_("September %d"), N_("October %d"), N_("November %d"), N_("December %d"),
  };
  static const char *quarters[] = {
    N_("Q1 %d"), N_("Q2 %d"), N_("Q3 %d"), N_("Q4 %d"),
  };
  int year, month;

  g_return_val_if_fail (self != NULL, NULL);

  year = g_date_get_year (&self->start);
  month = g_date_get_month (&self->start);

  switch (self->kind)
    {
    case QUORUM_PERIOD_WEEK:
      /* Translators: an ISO week: the week-numbering year, then the week number. */
      return g_strdup_printf (_("week %2$u of %1$d"), iso_week_year (&self->start),
                              g_date_get_iso8601_week_of_year (&self->start));
    case QUORUM_PERIOD_MONTH:
      return format_year (_(months[month - 1]), year);
    case QUORUM_PERIOD_QUARTER:
      return format_year (_(quarters[(month - 1) / 3]), year);
    case QUORUM_PERIOD_HALF_YEAR:
      return month <= 6 ? g_strdup_printf (_("first half of %d"), year)
                        : g_strdup_printf (_("second half of %d"), year);
    case QUORUM_PERIOD_YEAR:
      /* Translators: a calendar year. */
      return g_strdup_printf (_("the year %d"), year);
    case QUORUM_PERIOD_FORTNIGHT:
    case QUORUM_PERIOD_NONE:
    default:
      {
        g_autofree char *start = quorum_period_format_date (&self->start);
        /* Translators: a two-week period and its first day. */
        return g_strdup_printf (_("the fortnight from %s"), start);
      }
    }
}
