/* quorum-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The supervision report (督查通报) of a period: as a PDF for the office's
 * files (a summary table per duty, the missed and at-risk items with their
 * reasons, the owed make-ups and a chart of the duties met per month), and
 * as CSV, one row per result, for spreadsheets.
 */

#define G_LOG_DOMAIN "quorum-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "quorum-chart-render.h"
#include "quorum-compliance-summary.h"
#include "quorum-print-private.h"
#include "quorum-report.h"
#include "quorum-sheet-render.h"

#define FONT_FAMILY    "Noto Sans CJK SC, Sans"
#define MARGIN_SIDE    50.0
#define MARGIN_TOP     50.0
#define MARGIN_BOTTOM  50.0
#define FOOTER_SIZE     8.5
#define TEXT_SIZE       9.5
#define HEADING_SIZE   12.0
#define TITLE_SIZE     18.0
#define CELL_PADDING    3.5
#define CHART_HEIGHT  220.0

/* The supervision colours, as in the app's style sheet. */
static const double blue[3] = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 };
static const double yellow[3] = { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0 };
static const double red[3] = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
static const double ink[4] = { 0.13, 0.13, 0.13, 1 };

typedef struct
{
  QuorumStore    *store;
  QuorumRulebook *rulebook;
  QuorumPeriod   *period;
  GDate           today;
  GPtrArray      *results;
  GPtrArray      *year_results;
  GListModel     *makeups;
  char           *office;
} Report;

typedef struct
{
  Report  *report;
  cairo_t *cr;
  double   left;
  double   width;
  double   top;
  double   bottom;
  double   page_height;
  double   y;
  int      page;
  int      n_pages;
} Pen;

typedef struct
{
  const char     *title;
  double          weight;
  PangoAlignment  align;
} Column;

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->results, g_ptr_array_unref);
  g_clear_pointer (&r->year_results, g_ptr_array_unref);
  g_clear_object (&r->makeups);
  g_clear_pointer (&r->office, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

/* The office's name: the government unit's, else a general one. */
static char *
dup_office (QuorumStore *store)
{
  g_autoptr(GListModel) units = quorum_store_list_units (store, "government", NULL);

  if (units != NULL && g_list_model_get_n_items (units) > 0)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, 0);

      return g_strdup (quorum_unit_get_name (unit));
    }
  return g_strdup (_("City government"));
}

static gboolean
report_init (Report          *r,
             QuorumStore     *store,
             QuorumRulebook  *rulebook,
             QuorumPeriod    *period,
             const GDate     *today,
             gboolean         with_extras,
             GError         **error)
{
  g_autoptr(QuorumWorkdays) workdays = NULL;

  r->store = store;
  r->rulebook = rulebook;
  r->period = period;
  r->today = *today;

  if (!(workdays = quorum_workdays_new_default (error)) ||
      !(r->results = quorum_compliance_compute (store, rulebook, period, today, -1, workdays, error)))
    return FALSE;
  if (!with_extras)
    return TRUE;

  if (quorum_period_get_kind (period) == QUORUM_PERIOD_YEAR)
    r->year_results = g_ptr_array_ref (r->results);
  else
    {
      g_autoptr(QuorumPeriod) year = quorum_period_for_date (QUORUM_PERIOD_YEAR,
                                                             quorum_period_get_start (period), NULL);

      if (!(r->year_results = quorum_compliance_compute (store, rulebook, year, today, -1,
                                                         workdays, error)))
        return FALSE;
    }
  if (!(r->makeups = quorum_store_list_owed_makeups (store, 0, error)))
    return FALSE;
  r->office = dup_office (store);
  return TRUE;
}

static QuorumDuty *
lookup_duty (Report     *r,
             const char *id)
{
  return quorum_rulebook_lookup (r->rulebook, id);
}

static const char *
colour_label (QuorumSupervisionColour colour)
{
  /* Translators: the supervision colours of “蓝黄红”三色管理, as one-word markers. */
  return colour == QUORUM_SUPERVISION_RED ? _("Red")
       : colour == QUORUM_SUPERVISION_YELLOW ? _("Yellow") : _("Blue");
}

static const double *
colour_rgb (QuorumSupervisionColour colour)
{
  return colour == QUORUM_SUPERVISION_RED ? red
       : colour == QUORUM_SUPERVISION_YELLOW ? yellow : blue;
}

static char *
dup_article (QuorumDuty *duty)
{
  if (duty == NULL || quorum_duty_get_article (duty) <= 0)
    return g_strdup ("");
  /* Translators: the article of the policy text a duty comes from */
  return g_strdup_printf (_("Art. %d"), quorum_duty_get_article (duty));
}

/* ---- CSV ---------------------------------------------------------------- */

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  if (value == NULL)
    value = "";
  /* RFC 4180: quote fields with a comma, a quote or a line break, and double the quotes. */
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * quorum_report_write_csv:
 * @store: a store
 * @rulebook: the duties to report on
 * @period: the period
 * @today: the day the report is made
 * @path: the CSV file to write
 * @error: return location for a #GError
 *
 * Writes one row per compliance result of @period: duty id, duty title,
 * article, subject, period, required minimum, maximum, achieved, status,
 * colour and explanation, after a header row. The file is UTF-8 with a byte
 * order mark (so that spreadsheets read the Chinese right), CRLF line ends
 * and RFC 4180 quoting; it is replaced atomically.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
quorum_report_write_csv (QuorumStore     *store,
                         QuorumRulebook  *rulebook,
                         QuorumPeriod    *period,
                         const GDate     *today,
                         const char      *path,
                         GError         **error)
{
  g_auto(Report) r = { 0 };
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  const char *headers[] = {
    N_("Duty ID"), N_("Duty"), N_("Article"), N_("Subject"), N_("Period"), N_("Required"),
    N_("Maximum"), N_("Achieved"), N_("Status"), N_("Colour"), N_("Explanation"),
  };

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (rulebook), FALSE);
  g_return_val_if_fail (period != NULL && today != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!report_init (&r, store, rulebook, period, today, FALSE, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_csv_field (out, _(headers[i]), i == G_N_ELEMENTS (headers) - 1);

  for (guint i = 0; i < r.results->len; i++)
    {
      QuorumComplianceResult *result = r.results->pdata[i];
      QuorumDuty *duty = lookup_duty (&r, quorum_compliance_result_get_duty_id (result));
      g_autofree char *subject = quorum_compliance_result_dup_subject (result);
      g_autofree char *when = quorum_period_format (quorum_compliance_result_get_period (result));
      g_autofree char *min = g_strdup_printf ("%g", quorum_compliance_result_get_required (result, duty));
      g_autofree char *max = quorum_compliance_result_get_max (result) >= 0
                             ? g_strdup_printf ("%d", quorum_compliance_result_get_max (result))
                             : g_strdup ("");
      g_autofree char *achieved = g_strdup_printf ("%g", quorum_compliance_result_get_achieved (result));
      g_autofree char *article = duty && quorum_duty_get_article (duty) > 0
                                 ? g_strdup_printf ("%d", quorum_duty_get_article (duty))
                                 : g_strdup ("");

      append_csv_field (out, quorum_compliance_result_get_duty_id (result), FALSE);
      append_csv_field (out, duty ? quorum_duty_get_title (duty) : "", FALSE);
      append_csv_field (out, article, FALSE);
      append_csv_field (out, subject, FALSE);
      append_csv_field (out, when, FALSE);
      append_csv_field (out, min, FALSE);
      append_csv_field (out, max, FALSE);
      append_csv_field (out, achieved, FALSE);
      append_csv_field (out, quorum_compliance_status_to_label (quorum_compliance_result_get_status (result)),
                        FALSE);
      append_csv_field (out, colour_label (quorum_compliance_result_get_colour (result)), FALSE);
      append_csv_field (out, quorum_compliance_result_get_explanation (result), TRUE);
    }

  return g_file_set_contents (path, out->str, out->len, error);
}

/* ---- PDF ---------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the counting pass and the PDF measure alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double)h / PANGO_SCALE;
}

static void
set_ink (cairo_t *cr,
         double   alpha)
{
  cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], alpha);
}

static void
show_footer (Pen *pen)
{
  g_autofree char *period = quorum_period_format (pen->report->period);
  /* Translators: the footer of a printed sheet, e.g. "Page 2 of 3" */
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), (guint)pen->page + 1,
                                           (guint)MAX (pen->n_pages, pen->page + 1));
  /* Translators: the footer of the supervision report: the office and the period */
  g_autofree char *left = g_strdup_printf (_("%1$s · Supervision report, %2$s"),
                                           pen->report->office, period);
  g_autoptr(PangoLayout) l1 = make_layout (pen->cr, left, FOOTER_SIZE, FALSE, pen->width);
  g_autoptr(PangoLayout) l2 = make_layout (pen->cr, page, FOOTER_SIZE, FALSE, pen->width);
  double y = pen->page_height - MARGIN_BOTTOM + 14;

  pango_layout_set_alignment (l2, PANGO_ALIGN_RIGHT);
  set_ink (pen->cr, 0.6);
  cairo_move_to (pen->cr, pen->left, y);
  pango_cairo_show_layout (pen->cr, l1);
  cairo_move_to (pen->cr, pen->left, y);
  pango_cairo_show_layout (pen->cr, l2);
}

static void
next_page (Pen *pen)
{
  show_footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = pen->top;
}

/* Starts a new page when @height does not fit on this one; returns whether it did. */
static gboolean
ensure_space (Pen    *pen,
              double  height)
{
  if (pen->y + height <= pen->bottom || pen->y == pen->top)
    return FALSE;
  next_page (pen);
  return TRUE;
}

static void
show_text (Pen            *pen,
           const char     *text,
           double          size,
           gboolean        bold,
           PangoAlignment  align,
           double          gap_after)
{
  g_autoptr(PangoLayout) layout = make_layout (pen->cr, text, size, bold, pen->width);
  double h;

  pango_layout_set_alignment (layout, align);
  h = layout_height (layout);
  ensure_space (pen, h);
  set_ink (pen->cr, 1);
  cairo_move_to (pen->cr, pen->left, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += h + gap_after;
}

static void
show_heading (Pen        *pen,
              const char *text)
{
  /* Keep a heading with at least a few lines of what follows. */
  ensure_space (pen, HEADING_SIZE * 2 + 4 * TEXT_SIZE * 2);
  pen->y += 6;
  show_text (pen, text, HEADING_SIZE, TRUE, PANGO_ALIGN_LEFT, 6);
}

static double
row_height (Pen           *pen,
            const Column  *columns,
            guint          n_columns,
            const char   **cells,
            gboolean       bold,
            double         total_weight)
{
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      double w = pen->width * columns[c].weight / total_weight - 2 * CELL_PADDING;
      g_autoptr(PangoLayout) layout = make_layout (pen->cr, cells[c], TEXT_SIZE, bold, w);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Pen                     *pen,
          const Column            *columns,
          guint                    n_columns,
          const char             **cells,
          gboolean                 header,
          int                      colour,
          double                   total_weight,
          double                   height)
{
  double x = pen->left;

  if (header)
    {
      set_ink (pen->cr, 0.08);
      cairo_rectangle (pen->cr, pen->left, pen->y, pen->width, height);
      cairo_fill (pen->cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      double w = pen->width * columns[c].weight / total_weight;
      g_autoptr(PangoLayout) layout = make_layout (pen->cr, cells[c], TEXT_SIZE, header,
                                                   w - 2 * CELL_PADDING);

      /* The first cell of a coloured row carries the supervision colour. */
      if (c == 0 && colour >= 0)
        {
          const double *rgb = colour_rgb (colour);

          cairo_set_source_rgba (pen->cr, rgb[0], rgb[1], rgb[2], 0.22);
          cairo_rectangle (pen->cr, x, pen->y, w, height);
          cairo_fill (pen->cr);
          cairo_set_source_rgb (pen->cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (pen->cr, x, pen->y, 3, height);
          cairo_fill (pen->cr);
        }
      pango_layout_set_alignment (layout, header ? PANGO_ALIGN_CENTER : columns[c].align);
      set_ink (pen->cr, 1);
      cairo_move_to (pen->cr, x + CELL_PADDING, pen->y + CELL_PADDING);
      pango_cairo_show_layout (pen->cr, layout);
      x += w;
    }
  set_ink (pen->cr, header ? 0.5 : 0.18);
  cairo_set_line_width (pen->cr, header ? 0.8 : 0.5);
  cairo_move_to (pen->cr, pen->left, pen->y + height);
  cairo_line_to (pen->cr, pen->left + pen->width, pen->y + height);
  cairo_stroke (pen->cr);
}

/* A table whose header row is repeated on every page it runs onto, or the
 * line @empty when there are no rows. @rows holds n_columns strings per row;
 * @colours one int per row (a #QuorumSupervisionColour, or -1). */
static void
show_table (Pen          *pen,
            const Column *columns,
            guint         n_columns,
            GPtrArray    *rows,
            GArray       *colours,
            const char   *empty)
{
  g_autofree const char **header = NULL;
  double total_weight = 0, header_height;
  guint n_rows = rows->len / n_columns;

  if (rows->len == 0)
    {
      show_text (pen, empty, TEXT_SIZE, FALSE, PANGO_ALIGN_LEFT, 8);
      return;
    }

  header = g_new0 (const char *, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      header[c] = _(columns[c].title);
      total_weight += columns[c].weight;
    }
  header_height = row_height (pen, columns, n_columns, header, TRUE, total_weight);

  for (guint i = 0; i < n_rows; i++)
    {
      const char **cells = (const char **)&rows->pdata[i * n_columns];
      double h = row_height (pen, columns, n_columns, cells, FALSE, total_weight);

      if (i == 0 || pen->y + h > pen->bottom)
        {
          if (i == 0)
            ensure_space (pen, header_height + h);
          else
            next_page (pen);
          draw_row (pen, columns, n_columns, header, TRUE, -1, total_weight, header_height);
          pen->y += header_height;
        }
      draw_row (pen, columns, n_columns, cells, FALSE,
                colours ? g_array_index (colours, int, i) : -1, total_weight, h);
      pen->y += h;
    }
  pen->y += 8;
}

static void
show_summary_table (Pen *pen)
{
  static const Column columns[] = {
    { N_("Article"), 1.0, PANGO_ALIGN_CENTER },
    { N_("Duty"), 5.0, PANGO_ALIGN_LEFT },
    { N_("Met"), 1.1, PANGO_ALIGN_CENTER },
    { N_("Open"), 1.1, PANGO_ALIGN_CENTER },
    { N_("At risk"), 1.1, PANGO_ALIGN_CENTER },
    { N_("Missed"), 1.1, PANGO_ALIGN_CENTER },
    { N_("Remedied"), 1.1, PANGO_ALIGN_CENTER },
  };
  static const QuorumComplianceStatus order[] = {
    QUORUM_COMPLIANCE_MET, QUORUM_COMPLIANCE_OPEN, QUORUM_COMPLIANCE_AT_RISK,
    QUORUM_COMPLIANCE_MISSED, QUORUM_COMPLIANCE_REMEDIED,
  };
  Report *r = pen->report;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) colours = g_array_new (FALSE, FALSE, sizeof (int));
  GListModel *duties = quorum_rulebook_get_duties (r->rulebook);

  for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, d);
      guint counts[QUORUM_COMPLIANCE_N_STATUSES];
      guint total = 0;
      int colour;

      quorum_compliance_count_statuses (r->results, quorum_duty_get_id (duty), counts);
      for (guint s = 0; s < G_N_ELEMENTS (order); s++)
        total += counts[s];
      if (total == 0)
        continue;

      g_ptr_array_add (rows, dup_article (duty));
      g_ptr_array_add (rows, g_strdup (quorum_duty_get_title (duty)));
      for (guint s = 0; s < G_N_ELEMENTS (order); s++)
        g_ptr_array_add (rows, g_strdup_printf ("%u", counts[order[s]]));
      colour = counts[QUORUM_COMPLIANCE_MISSED] ? QUORUM_SUPERVISION_RED
             : counts[QUORUM_COMPLIANCE_AT_RISK] ? QUORUM_SUPERVISION_YELLOW
             : QUORUM_SUPERVISION_BLUE;
      g_array_append_val (colours, colour);
    }

  show_table (pen, columns, G_N_ELEMENTS (columns), rows, colours,
              _("No duty binds anyone in this period."));
}

static void
show_items_table (Pen *pen)
{
  static const Column columns[] = {
    { N_("Status"), 1.6, PANGO_ALIGN_LEFT },
    { N_("Duty"), 2.6, PANGO_ALIGN_LEFT },
    { N_("Subject"), 2.0, PANGO_ALIGN_LEFT },
    { N_("Period"), 1.5, PANGO_ALIGN_LEFT },
    { N_("Explanation"), 4.2, PANGO_ALIGN_LEFT },
  };
  Report *r = pen->report;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) colours = g_array_new (FALSE, FALSE, sizeof (int));

  /* Missed first, then at risk: the order of urgency for the office. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < r->results->len; i++)
      {
        QuorumComplianceResult *result = r->results->pdata[i];
        QuorumComplianceStatus status = quorum_compliance_result_get_status (result);
        QuorumDuty *duty = lookup_duty (r, quorum_compliance_result_get_duty_id (result));
        int colour;

        if (status != (pass == 0 ? QUORUM_COMPLIANCE_MISSED : QUORUM_COMPLIANCE_AT_RISK))
          continue;
        colour = quorum_compliance_result_get_colour (result);
        /* Translators: a colour marker and a status, e.g. "Red · Missed" */
        g_ptr_array_add (rows, g_strdup_printf (_("%1$s · %2$s"), colour_label (colour),
                                                quorum_compliance_status_to_label (status)));
        g_ptr_array_add (rows, g_strdup (duty ? quorum_duty_get_title (duty)
                                              : quorum_compliance_result_get_duty_id (result)));
        g_ptr_array_add (rows, quorum_compliance_result_dup_subject (result));
        g_ptr_array_add (rows, quorum_period_format (quorum_compliance_result_get_period (result)));
        g_ptr_array_add (rows, g_strdup (quorum_compliance_result_get_explanation (result)));
        g_array_append_val (colours, colour);
      }

  show_table (pen, columns, G_N_ELEMENTS (columns), rows, colours,
              _("Nothing is missed or at risk."));
}

static void
show_makeups_table (Pen *pen)
{
  static const Column columns[] = {
    { N_("Person"), 2.0, PANGO_ALIGN_LEFT },
    { N_("Session"), 5.0, PANGO_ALIGN_LEFT },
    { N_("Date"), 2.0, PANGO_ALIGN_LEFT },
    { N_("Recorded as"), 1.5, PANGO_ALIGN_LEFT },
  };
  Report *r = pen->report;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (r->makeups); i++)
    {
      g_autoptr(QuorumAttendance) a = g_list_model_get_item (r->makeups, i);
      GDateTime *start = quorum_attendance_get_occurrence_start (a);
      GDate date;

      g_date_clear (&date, 1);
      if (start != NULL)
        g_date_set_dmy (&date, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                        g_date_time_get_year (start));
      g_ptr_array_add (rows, g_strdup (quorum_attendance_get_person_name (a)));
      g_ptr_array_add (rows, g_strdup (quorum_attendance_get_occurrence_title (a)));
      g_ptr_array_add (rows, g_date_valid (&date) ? quorum_period_format_date (&date) : g_strdup (""));
      g_ptr_array_add (rows, g_strdup (quorum_attendance_get_status (a) == QUORUM_ATTENDANCE_EXCUSED
                                       ? _("Excused") : _("Absent")));
    }

  show_table (pen, columns, G_N_ELEMENTS (columns), rows, NULL,
              _("No make-up is owed."));
}

/**
 * quorum_report_month_chart:
 * @results: (element-type QuorumComplianceResult): a year's results
 * @year: the year
 *
 * The chart of the report and of the charts page: stacked bars of the
 * monthly (and weekly) duties met, open, at risk and missed in every month
 * of @year; remedied ones count as met.
 *
 * Returns: (transfer full): the chart data
 */
QuorumChartData *
quorum_report_month_chart (GPtrArray *results,
                           int        year)
{
  static const char *months[] = {
    /* Translators: short month names on a chart's axis */
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
  };
  guint counts[12][QUORUM_COMPLIANCE_N_STATUSES];
  QuorumChartData *data = quorum_chart_data_new (QUORUM_CHART_STACKED, 12, 4);
  g_autofree char *title = NULL;

  quorum_compliance_count_by_month (results, year, counts);
  /* Translators: the title of a chart; %d is a year */
  title = g_strdup_printf (_("Duties per month in %d"), year);
  quorum_chart_data_set_title (data, title);
  quorum_chart_data_set_series (data, 0, quorum_compliance_status_to_label (QUORUM_COMPLIANCE_MET),
                                "#3584e4");
  quorum_chart_data_set_series (data, 1, quorum_compliance_status_to_label (QUORUM_COMPLIANCE_OPEN),
                                "#99c1f1");
  quorum_chart_data_set_series (data, 2, quorum_compliance_status_to_label (QUORUM_COMPLIANCE_AT_RISK),
                                "#e5a50a");
  quorum_chart_data_set_series (data, 3, quorum_compliance_status_to_label (QUORUM_COMPLIANCE_MISSED),
                                "#e01b24");
  for (guint m = 0; m < 12; m++)
    {
      quorum_chart_data_set_category (data, m, _(months[m]));
      quorum_chart_data_set_value (data, 0, m, counts[m][QUORUM_COMPLIANCE_MET] +
                                               counts[m][QUORUM_COMPLIANCE_REMEDIED]);
      quorum_chart_data_set_value (data, 1, m, counts[m][QUORUM_COMPLIANCE_OPEN]);
      quorum_chart_data_set_value (data, 2, m, counts[m][QUORUM_COMPLIANCE_AT_RISK]);
      quorum_chart_data_set_value (data, 3, m, counts[m][QUORUM_COMPLIANCE_MISSED]);
    }
  return data;
}

static void
show_chart (Pen *pen)
{
  int year = g_date_get_year (quorum_period_get_start (pen->report->period));
  g_autoptr(QuorumChartData) data = quorum_report_month_chart (pen->report->year_results, year);

  ensure_space (pen, CHART_HEIGHT);
  cairo_save (pen->cr);
  cairo_translate (pen->cr, pen->left, pen->y);
  quorum_chart_render (data, pen->cr, pen->width, CHART_HEIGHT, ink, FONT_FAMILY, TRUE);
  cairo_restore (pen->cr);
  pen->y += CHART_HEIGHT + 8;
}

/* Lays out and draws the whole report; returns the number of pages. */
static int
render (Report  *r,
        cairo_t *cr,
        int      n_pages)
{
  Pen pen = { 0 };
  g_autofree char *period = quorum_period_format (r->period);
  g_autofree char *today = quorum_period_format_date (&r->today);
  g_autofree char *info = NULL;
  g_autofree char *summary = NULL;
  guint counts[QUORUM_COMPLIANCE_N_STATUSES];

  pen.report = r;
  pen.cr = cr;
  pen.left = MARGIN_SIDE;
  pen.width = QUORUM_SHEET_A4_WIDTH - 2 * MARGIN_SIDE;
  pen.top = MARGIN_TOP;
  pen.bottom = QUORUM_SHEET_A4_HEIGHT - MARGIN_BOTTOM;
  pen.page_height = QUORUM_SHEET_A4_HEIGHT;
  pen.y = pen.top;
  pen.n_pages = n_pages;

  show_text (&pen, r->office, HEADING_SIZE, FALSE, PANGO_ALIGN_CENTER, 4);
  show_text (&pen, _("Supervision Report on the Performance of Duties"), TITLE_SIZE, TRUE,
             PANGO_ALIGN_CENTER, 6);
  /* Translators: under the report's title: the period and the day it was made */
  info = g_strdup_printf (_("Period: %1$s · As of %2$s · %3$s"), period, today,
                          quorum_rulebook_get_title (r->rulebook));
  show_text (&pen, info, TEXT_SIZE, FALSE, PANGO_ALIGN_CENTER, 12);

  quorum_compliance_count_statuses (r->results, NULL, counts);
  summary = g_strdup_printf (_("Met %u, open %u, at risk %u, missed %u, remedied %u.\n"),
                             counts[QUORUM_COMPLIANCE_MET], counts[QUORUM_COMPLIANCE_OPEN],
                             counts[QUORUM_COMPLIANCE_AT_RISK], counts[QUORUM_COMPLIANCE_MISSED],
                             counts[QUORUM_COMPLIANCE_REMEDIED]);
  g_strchomp (summary);
  show_text (&pen, summary, TEXT_SIZE + 1, TRUE, PANGO_ALIGN_LEFT, 4);

  show_heading (&pen, _("1. Duties at a glance"));
  show_summary_table (&pen);
  show_heading (&pen, _("2. Missed and at-risk items"));
  show_items_table (&pen);
  show_heading (&pen, _("3. Owed make-ups"));
  show_makeups_table (&pen);
  show_heading (&pen, _("4. Duties met per month"));
  show_chart (&pen);

  show_footer (&pen);
  cairo_show_page (cr);
  return pen.page + 1;
}

typedef struct
{
  Report *report;
  int     n_pages;
} ReportDraw;

static void
draw_report (cairo_t  *cr,
             gpointer  data)
{
  ReportDraw *draw = data;
  g_autofree char *title = quorum_period_format (draw->report->period);

  cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_TITLE, title);
  render (draw->report, cr, draw->n_pages);
}

/**
 * quorum_report_write_pdf:
 * @store: a store
 * @rulebook: the duties to report on
 * @period: the period
 * @today: the day the report is made
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the supervision report of @period to an A4 PDF in the locale's
 * language (Chinese with CJK fonts): the office and title, the period, the
 * counts per status, a table of the counts per duty, the missed and at-risk
 * results with their subjects and explanations, the owed make-ups and a
 * chart of the duties met per month of the period's year. Tables run over
 * pages with their header row repeated; every page has a footer with the
 * page number. The file is replaced only once complete.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
quorum_report_write_pdf (QuorumStore     *store,
                         QuorumRulebook  *rulebook,
                         QuorumPeriod    *period,
                         const GDate     *today,
                         const char      *path,
                         GError         **error)
{
  g_auto(Report) r = { 0 };
  ReportDraw draw = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (rulebook), FALSE);
  g_return_val_if_fail (period != NULL && today != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!report_init (&r, store, rulebook, period, today, TRUE, error))
    return FALSE;

  /* A first pass counts the pages for the footers. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  draw.n_pages = render (&r, cr, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  draw.report = &r;
  return _quorum_pdf_write (path, draw_report, &draw, error);
}
