/* quorum-sheet-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-sheet"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "quorum-print-private.h"
#include "quorum-sheet-render.h"

/* Noto Sans CJK SC comes with fonts-noto-cjk; "Sans" lets fontconfig pick another
 * font with the glyphs when it is missing. */
#define FONT_FAMILY "Noto Sans CJK SC, Sans"

/* Geometry, in points. */
#define MARGIN_SIDE        56.0
#define MARGIN_TOP         50.0
#define MARGIN_BOTTOM      40.0
#define FOOTER_HEIGHT      14.0
#define FOOTER_GAP         10.0
#define HEADING_GAP        10.0
#define HEADER_ROW_HEIGHT  24.0
#define MIN_ROW_HEIGHT     14.0
#define MIN_SQUEEZED_ROW   12.0
#define MAX_ROWS_PER_PAGE  40
#define CELL_PADDING        4.0
#define TRAILER_GAP        12.0
#define LINE_GAP            3.0

/* Type sizes, in points. */
#define OFFICE_SIZE        12.0
#define TITLE_SIZE         18.0
#define INFO_SIZE          10.5
#define TEXT_SIZE          10.5
#define FOOTER_SIZE         9.0

/* Text too wide for its cell shrinks down to this share of its size, then wraps or ellipsizes. */
#define MIN_SHRINK          0.8

typedef enum
{
  CELL_NUMBER,
  CELL_NAME,
  CELL_POST,
  CELL_SIGNATURE,
  CELL_ATTENDANCE,
  CELL_REMARKS,
} CellKind;

typedef struct
{
  const char *title;
  CellKind    kind;
  double      share;
} Column;

/* The signature column is the widest: people sign by hand in it. */
static const Column sign_in_columns[] = {
  { N_("No."),        CELL_NUMBER,     0.08 },
  { N_("Name"),       CELL_NAME,       0.16 },
  { N_("Post"),       CELL_POST,       0.25 },
  { N_("Signature"),  CELL_SIGNATURE,  0.33 },
  { N_("Remarks"),    CELL_REMARKS,    0.18 },
};

static const Column record_columns[] = {
  { N_("No."),        CELL_NUMBER,     0.08 },
  { N_("Name"),       CELL_NAME,       0.15 },
  { N_("Post"),       CELL_POST,       0.26 },
  { N_("Attendance"), CELL_ATTENDANCE, 0.24 },
  { N_("Remarks"),    CELL_REMARKS,    0.27 },
};

static const Column speaking_columns[] = {
  { N_("Order"),      CELL_NUMBER,     0.10 },
  { N_("Name"),       CELL_NAME,       0.20 },
  { N_("Post"),       CELL_POST,       0.40 },
  { N_("Remarks"),    CELL_REMARKS,    0.30 },
};

static const char * const weekdays[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

/* Where everything goes on a page, worked out once for all pages of a sheet. */
typedef struct
{
  double   width;
  double   height;
  double   left;
  double   top;
  double   content_width;
  double   table_top;
  double   footer_top;
  double   row_height;
  double   trailer_height;
  guint    rows_per_page;
  guint    n_row_pages;
  guint    n_pages;
  gboolean trailer_on_own_page;
} Plan;

static const Column *
get_columns (QuorumSheetKind  kind,
             guint           *n_columns)
{
  switch (kind)
    {
    case QUORUM_SHEET_RECORD:
      *n_columns = G_N_ELEMENTS (record_columns);
      return record_columns;
    case QUORUM_SHEET_SPEAKING_ORDER:
      *n_columns = G_N_ELEMENTS (speaking_columns);
      return speaking_columns;
    case QUORUM_SHEET_SIGN_IN:
    default:
      *n_columns = G_N_ELEMENTS (sign_in_columns);
      return sign_in_columns;
    }
}

/* Few names get tall rows; signatures need the most room. */
static double
get_max_row_height (QuorumSheetKind kind)
{
  return kind == QUORUM_SHEET_SIGN_IN ? 30.0 : 22.0;
}

static void
set_layout_font (PangoLayout *layout,
                 double       size,
                 gboolean     bold)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
}

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *text,
               double      size,
               gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics measure the same on every target (the page count's
   * recording surface, a PDF, a printer), so pagination never depends on it. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  set_layout_font (layout, size, bold);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
paint_layout (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
get_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static double
get_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* Wraps @text to @width and paints it when @paint; returns the height it takes. */
static double
show_paragraph (cairo_t        *cr,
                const char     *text,
                double          x,
                double          y,
                double          width,
                double          size,
                gboolean        bold,
                PangoAlignment  alignment,
                gboolean        paint)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, text, size, bold);

  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  if (paint)
    paint_layout (cr, layout, x, y);
  return get_layout_height (layout);
}

/* Fits @text into a cell: it shrinks a little, then takes two lines when the
 * row is tall enough, and is cut with an ellipsis as a last resort. It never
 * paints outside the cell. */
static void
show_cell (cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          height,
           double          size,
           gboolean        bold,
           PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = NULL;
  double inner_width = width - 2 * CELL_PADDING;
  double natural;

  if (text == NULL || *text == '\0' || inner_width <= 0)
    return;

  layout = create_layout (cr, text, size, bold);
  natural = get_layout_width (layout);
  if (natural > inner_width)
    {
      size = MAX (size * MIN_SHRINK, size * inner_width / natural);
      set_layout_font (layout, size, bold);
      if (get_layout_width (layout) > inner_width && height >= 2.1 * get_layout_height (layout))
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -2);
        }
    }
  pango_layout_set_width (layout, (int)(inner_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  paint_layout (cr, layout, x + CELL_PADDING, y + (height - get_layout_height (layout)) / 2);
  cairo_restore (cr);
}

static char *
format_date (GDateTime *date)
{
  /* Translators: a date on a printed sheet, in g_date_time_format() syntax
   * ("%-d" is the day without padding); Chinese uses "%Y年%-m月%-d日" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

static const char *
get_weekday (GDateTime *date)
{
  return _(weekdays[g_date_time_get_day_of_week (date) - 1]);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "2026年11月20日（星期五）09:00—11:00", each date in its own time zone. */
static char *
format_time_span (GDateTime *start,
                  GDateTime *end)
{
  g_autofree char *start_date = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *end_time = NULL;

  if (start == NULL)
    return NULL;

  start_date = format_date (start);
  start_time = g_date_time_format (start, "%H:%M");
  if (end == NULL)
    /* Translators: a session's date, weekday and start time */
    return g_strdup_printf (_("%1$s (%2$s) %3$s"), start_date, get_weekday (start), start_time);

  end_time = g_date_time_format (end, "%H:%M");
  if (same_day (start, end))
    /* Translators: a session's date, weekday, start and end time */
    return g_strdup_printf (_("%1$s (%2$s) %3$s–%4$s"),
                            start_date, get_weekday (start), start_time, end_time);

  end_date = format_date (end);
  /* Translators: a session over several days: start date, weekday and time, then the end's */
  return g_strdup_printf (_("%1$s (%2$s) %3$s – %4$s (%5$s) %6$s"),
                          start_date, get_weekday (start), start_time,
                          end_date, get_weekday (end), end_time);
}

static char *
dup_heading (QuorumSheet *self)
{
  const char *title = quorum_sheet_get_title (self);

  if (title == NULL)
    title = "";

  switch (quorum_sheet_get_kind (self))
    {
    case QUORUM_SHEET_RECORD:
      /* Translators: the heading of an attendance record; %s is the session title */
      return g_strdup_printf (_("%s — Attendance Record"), title);
    case QUORUM_SHEET_SPEAKING_ORDER:
      /* Translators: the heading of a reverse speaking order (倒序发言); %s is the session title */
      return g_strdup_printf (_("%s — Speaking Order"), title);
    case QUORUM_SHEET_SIGN_IN:
    default:
      /* Translators: the heading of a sign-in sheet; %s is the session title */
      return g_strdup_printf (_("%s — Sign-in Sheet"), title);
    }
}

/* Time and place share a line when both fit, as on most office forms. */
static double
show_time_and_place (QuorumSheet *self,
                     cairo_t     *cr,
                     double       x,
                     double       y,
                     double       width,
                     gboolean     paint)
{
  g_autofree char *span = format_time_span (quorum_sheet_get_start (self), quorum_sheet_get_end (self));
  g_autofree char *time_text = NULL;
  g_autofree char *place_text = NULL;
  g_autoptr(PangoLayout) time_layout = NULL;
  g_autoptr(PangoLayout) place_layout = NULL;
  double time_width = 0;
  double place_width = 0;
  double h = 0;

  if (span != NULL)
    {
      /* Translators: a line of a printed sheet's heading */
      time_text = g_strdup_printf (_("Time: %s"), span);
      time_layout = create_layout (cr, time_text, INFO_SIZE, FALSE);
      time_width = get_layout_width (time_layout);
    }
  if (quorum_sheet_get_location (self) != NULL)
    {
      /* Translators: a line of a printed sheet's heading */
      place_text = g_strdup_printf (_("Place: %s"), quorum_sheet_get_location (self));
      place_layout = create_layout (cr, place_text, INFO_SIZE, FALSE);
      place_width = get_layout_width (place_layout);
    }

  if (time_layout != NULL && place_layout != NULL &&
      time_width <= width * 0.6 && place_width <= width * 0.38)
    {
      if (paint)
        {
          paint_layout (cr, time_layout, x, y);
          paint_layout (cr, place_layout, x + width * 0.62, y);
        }
      return MAX (get_layout_height (time_layout), get_layout_height (place_layout)) + LINE_GAP;
    }

  if (time_text != NULL)
    h += show_paragraph (cr, time_text, x, y + h, width, INFO_SIZE, FALSE, PANGO_ALIGN_LEFT, paint)
         + LINE_GAP;
  if (place_text != NULL)
    h += show_paragraph (cr, place_text, x, y + h, width, INFO_SIZE, FALSE, PANGO_ALIGN_LEFT, paint)
         + LINE_GAP;
  return h;
}

/* The heading above the table, repeated on every page so that a page filed
 * alone still says what it is. Returns its height. */
static double
show_heading (QuorumSheet *self,
              cairo_t     *cr,
              const Plan  *plan,
              gboolean     paint)
{
  g_autofree char *heading = dup_heading (self);
  double x = plan->left;
  double y = plan->top;
  double width = plan->content_width;

  if (quorum_sheet_get_office (self) != NULL)
    y += show_paragraph (cr, quorum_sheet_get_office (self), x, y, width,
                         OFFICE_SIZE, FALSE, PANGO_ALIGN_CENTER, paint) + 2;
  y += show_paragraph (cr, heading, x, y, width, TITLE_SIZE, TRUE, PANGO_ALIGN_CENTER, paint);
  y += HEADING_GAP;

  y += show_time_and_place (self, cr, x, y, width, paint);
  if (quorum_sheet_get_duty (self) != NULL)
    {
      /* Translators: a line of a printed sheet's heading: the duty and the article requiring it */
      g_autofree char *duty = g_strdup_printf (_("Duty: %s"), quorum_sheet_get_duty (self));

      y += show_paragraph (cr, duty, x, y, width, INFO_SIZE, FALSE, PANGO_ALIGN_LEFT, paint) + LINE_GAP;
    }
  if (quorum_sheet_get_kind (self) == QUORUM_SHEET_SPEAKING_ORDER)
    y += show_paragraph (cr, _("The most junior speaks first and the most senior last."),
                         x, y, width, INFO_SIZE, FALSE, PANGO_ALIGN_LEFT, paint) + LINE_GAP;

  return y + HEADING_GAP - plan->top;
}

static char *
dup_attendance_text (const QuorumSheetRow *row)
{
  switch (row->status)
    {
    case QUORUM_ATTENDANCE_PRESENT:
      return g_strdup (_("Present"));
    case QUORUM_ATTENDANCE_LATE:
      return g_strdup (_("Late"));
    case QUORUM_ATTENDANCE_EXCUSED:
      if (row->reason != NULL)
        /* Translators: attendance on a record; %s is the reason for the leave */
        return g_strdup_printf (_("Excused: %s"), row->reason);
      return g_strdup (_("Excused"));
    case QUORUM_ATTENDANCE_ABSENT:
      if (row->reason != NULL)
        /* Translators: attendance on a record; %s is why the person was absent */
        return g_strdup_printf (_("Absent: %s"), row->reason);
      return g_strdup (_("Absent"));
    case QUORUM_ATTENDANCE_UNKNOWN:
    default:
      return g_strdup (_("Not recorded"));
    }
}

static char *
dup_remarks_text (QuorumSheet          *self,
                  const QuorumSheetRow *row)
{
  GString *str = g_string_new (NULL);

  /* A sign-in sheet notes leave granted beforehand, so nobody waits for that person. */
  if (quorum_sheet_get_kind (self) == QUORUM_SHEET_SIGN_IN &&
      row->status == QUORUM_ATTENDANCE_EXCUSED)
    {
      g_autofree char *excused = dup_attendance_text (row);
      g_string_append (str, excused);
    }
  if (row->key_speaker)
    {
      if (str->len > 0)
        /* Translators: separates remarks in a table cell */
        g_string_append (str, _("; "));
      g_string_append (str, _("Key speaker"));
    }
  if (row->made_up != NULL && quorum_sheet_get_kind (self) == QUORUM_SHEET_RECORD)
    {
      if (str->len > 0)
        g_string_append (str, _("; "));
      /* Translators: a remark on a record; %s says when the session was made up (补学) */
      g_string_append_printf (str, _("Made up %s"), row->made_up);
    }
  return g_string_free (str, str->len == 0);
}

static void
show_row_cell (QuorumSheet          *self,
               cairo_t              *cr,
               const Column         *column,
               guint                 position,
               const QuorumSheetRow *row,
               double                x,
               double                y,
               double                width,
               double                height,
               double                size)
{
  g_autofree char *text = NULL;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;

  switch (column->kind)
    {
    case CELL_NUMBER:
      text = g_strdup_printf ("%u", position + 1);
      alignment = PANGO_ALIGN_CENTER;
      break;
    case CELL_NAME:
      text = g_strdup (row->name);
      alignment = PANGO_ALIGN_CENTER;
      break;
    case CELL_POST:
      text = g_strdup (row->post);
      break;
    case CELL_ATTENDANCE:
      text = dup_attendance_text (row);
      break;
    case CELL_REMARKS:
      text = dup_remarks_text (self, row);
      break;
    case CELL_SIGNATURE:
    default:
      return;
    }
  show_cell (cr, text, x, y, width, height, size, FALSE, alignment);
}

static void
stroke_line (cairo_t *cr,
             double   x0,
             double   y0,
             double   x1,
             double   y1,
             double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* The ruled table: a header row, then rows [first, first + n) in print order. */
static void
show_table (QuorumSheet *self,
            cairo_t     *cr,
            const Plan  *plan,
            guint        first,
            guint        n)
{
  const Column *columns;
  guint n_columns;
  double x = plan->left;
  double y = plan->table_top;
  double width = plan->content_width;
  double bottom = y + HEADER_ROW_HEIGHT + n * plan->row_height;
  double size = MIN (TEXT_SIZE, plan->row_height * 0.68);
  double column_x;

  columns = get_columns (quorum_sheet_get_kind (self), &n_columns);

  column_x = x;
  for (guint c = 0; c < n_columns; c++)
    {
      double column_width = columns[c].share * width;

      show_cell (cr, _(columns[c].title), column_x, y, column_width, HEADER_ROW_HEIGHT,
                 TEXT_SIZE, TRUE, PANGO_ALIGN_CENTER);
      for (guint i = 0; i < n; i++)
        show_row_cell (self, cr, &columns[c], first + i,
                       quorum_sheet_get_printed_row (self, first + i),
                       column_x, y + HEADER_ROW_HEIGHT + i * plan->row_height,
                       column_width, plan->row_height, size);
      if (c > 0)
        stroke_line (cr, column_x, y, column_x, bottom, 0.5);
      column_x += column_width;
    }

  stroke_line (cr, x, y + HEADER_ROW_HEIGHT, x + width, y + HEADER_ROW_HEIGHT, 0.8);
  for (guint i = 1; i < n; i++)
    {
      double row_y = y + HEADER_ROW_HEIGHT + i * plan->row_height;

      stroke_line (cr, x, row_y, x + width, row_y, 0.5);
    }

  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, x, y, width, bottom - y);
  cairo_stroke (cr);
}

static char *
dup_summary (QuorumSheet *self)
{
  guint n_rows = quorum_sheet_get_n_rows (self);
  guint counts[QUORUM_ATTENDANCE_ABSENT + 1] = { 0 };
  guint attended;
  GString *str = g_string_new (NULL);
  /* Translators: separates the counts of an attendance summary */
  const char *separator = C_("summary", ", ");

  for (guint i = 0; i < n_rows; i++)
    counts[quorum_sheet_get_row (self, i)->status]++;
  attended = counts[QUORUM_ATTENDANCE_PRESENT] + counts[QUORUM_ATTENDANCE_LATE];

  /* Translators: part of an attendance summary (应到) */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u person expected",
                                            "%u people expected", n_rows), n_rows);
  g_string_append (str, separator);
  /* Translators: part of an attendance summary (实到); it includes those who came late */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u attended",
                                            "%u attended", attended), attended);
  if (counts[QUORUM_ATTENDANCE_LATE] > 0)
    {
      g_string_append (str, separator);
      /* Translators: part of an attendance summary, after the number who attended */
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u of them late",
                                                "%u of them late",
                                                counts[QUORUM_ATTENDANCE_LATE]),
                              counts[QUORUM_ATTENDANCE_LATE]);
    }
  g_string_append (str, separator);
  /* Translators: part of an attendance summary (请假) */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u excused", "%u excused",
                                            counts[QUORUM_ATTENDANCE_EXCUSED]),
                          counts[QUORUM_ATTENDANCE_EXCUSED]);
  g_string_append (str, separator);
  /* Translators: part of an attendance summary (缺席) */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u absent", "%u absent",
                                            counts[QUORUM_ATTENDANCE_ABSENT]),
                          counts[QUORUM_ATTENDANCE_ABSENT]);
  if (counts[QUORUM_ATTENDANCE_UNKNOWN] > 0)
    {
      g_string_append (str, separator);
      /* Translators: part of an attendance summary: people with nothing recorded */
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u not recorded",
                                                "%u not recorded",
                                                counts[QUORUM_ATTENDANCE_UNKNOWN]),
                              counts[QUORUM_ATTENDANCE_UNKNOWN]);
    }
  return g_string_free (str, FALSE);
}

static char *
dup_key_speakers (QuorumSheet *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < quorum_sheet_get_n_rows (self); i++)
    {
      const QuorumSheetRow *row = quorum_sheet_get_row (self, i);

      if (!row->key_speaker)
        continue;
      if (names->len > 0)
        /* Translators: separates names in a list */
        g_string_append (names, C_("names", ", "));
      g_string_append (names, row->name);
    }

  /* Translators: a line under an attendance record; %s lists names */
  return g_strdup_printf (_("Key speakers: %s"), names->len > 0 ? names->str : _("none"));
}

/* What a record prints under its table: the counts, the key speakers, the
 * minutes' signing date (a blank to fill in by hand when not signed yet) and
 * notes. Returns its height. */
static double
show_trailer (QuorumSheet *self,
              cairo_t     *cr,
              double       x,
              double       y,
              double       width,
              gboolean     paint)
{
  g_autofree char *summary = dup_summary (self);
  g_autofree char *speakers = dup_key_speakers (self);
  g_autofree char *signed_on = NULL;
  g_autofree char *signed_line = NULL;
  double h = 0;

  if (quorum_sheet_get_minutes_signed_on (self) != NULL)
    signed_on = format_date (quorum_sheet_get_minutes_signed_on (self));
  /* Translators: a line under an attendance record; %s is a date, or a blank to fill in */
  signed_line = g_strdup_printf (_("Minutes signed on: %s"),
                                 signed_on != NULL ? signed_on : "____________");

  h += show_paragraph (cr, summary, x, y + h, width, TEXT_SIZE, TRUE, PANGO_ALIGN_LEFT, paint) + LINE_GAP;
  h += show_paragraph (cr, speakers, x, y + h, width, TEXT_SIZE, FALSE, PANGO_ALIGN_LEFT, paint) + LINE_GAP;
  h += show_paragraph (cr, signed_line, x, y + h, width, TEXT_SIZE, FALSE, PANGO_ALIGN_LEFT, paint) + LINE_GAP;
  if (quorum_sheet_get_notes (self) != NULL)
    {
      /* Translators: a line under an attendance record; %s is free text */
      g_autofree char *notes = g_strdup_printf (_("Notes: %s"), quorum_sheet_get_notes (self));

      h += show_paragraph (cr, notes, x, y + h, width, TEXT_SIZE, FALSE, PANGO_ALIGN_LEFT, paint) + LINE_GAP;
    }
  return h;
}

static void
show_footer (QuorumSheet *self,
             cairo_t     *cr,
             const Plan  *plan,
             guint        page)
{
  /* Translators: the footer of a printed sheet, e.g. "Page 2 of 3" */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, plan->n_pages);
  GDateTime *printed_at = quorum_sheet_get_printed_at (self);

  show_paragraph (cr, page_text, plan->left, plan->footer_top, plan->content_width,
                  FOOTER_SIZE, FALSE, PANGO_ALIGN_CENTER, TRUE);
  if (printed_at != NULL)
    {
      g_autofree char *date = format_date (printed_at);
      /* Translators: the footer of a printed sheet; %s is a date */
      g_autofree char *printed = g_strdup_printf (_("Printed on %s"), date);

      show_paragraph (cr, printed, plan->left, plan->footer_top, plan->content_width,
                      FOOTER_SIZE, FALSE, PANGO_ALIGN_RIGHT, TRUE);
    }
}

/* Works out the pagination. Every page repeats the heading and the table's
 * header row; at most 40 rows go on a page, and the row height is chosen so
 * that the fullest page fills the space (with a cap, so that a few names do
 * not get absurdly tall rows). A record's summary follows the last row, or
 * goes on a page of its own when it does not fit under it. */
static void
compute_plan (QuorumSheet *self,
              cairo_t     *cr,
              double       width,
              double       height,
              Plan        *plan)
{
  QuorumSheetKind kind = quorum_sheet_get_kind (self);
  guint n_rows = quorum_sheet_get_n_rows (self);
  guint fullest;
  guint last_rows;
  double available;

  *plan = (Plan) { 0 };
  plan->width = width;
  plan->height = height;
  plan->left = MARGIN_SIDE;
  plan->top = MARGIN_TOP;
  plan->content_width = MAX (width - 2 * MARGIN_SIDE, 1);
  plan->footer_top = height - MARGIN_BOTTOM - FOOTER_HEIGHT;
  plan->table_top = plan->top + show_heading (self, cr, plan, FALSE);

  available = plan->footer_top - FOOTER_GAP - plan->table_top - HEADER_ROW_HEIGHT;
  plan->rows_per_page = CLAMP ((guint)MAX (floor (available / MIN_ROW_HEIGHT), 1),
                               1, MAX_ROWS_PER_PAGE);
  plan->n_row_pages = MAX (1, (n_rows + plan->rows_per_page - 1) / plan->rows_per_page);
  fullest = CLAMP (n_rows, 1, plan->rows_per_page);
  plan->row_height = MIN (get_max_row_height (kind), available / fullest);
  plan->n_pages = plan->n_row_pages;

  if (kind != QUORUM_SHEET_RECORD)
    return;

  plan->trailer_height = show_trailer (self, cr, plan->left, 0, plan->content_width, FALSE)
                         + TRAILER_GAP;
  last_rows = n_rows - (plan->n_row_pages - 1) * plan->rows_per_page;
  if (last_rows * plan->row_height + plan->trailer_height <= available)
    return;

  /* A record on one page may squeeze its rows a little to keep the summary
   * with them: nobody signs in these rows, and one sheet files better than two. */
  if (plan->n_row_pages == 1 && last_rows > 0 &&
      (available - plan->trailer_height) / last_rows >= MIN_SQUEEZED_ROW)
    {
      plan->row_height = (available - plan->trailer_height) / last_rows;
      return;
    }

  plan->trailer_on_own_page = TRUE;
  plan->n_pages++;
}

static cairo_t *
create_measuring_context (cairo_surface_t **surface)
{
  *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  return cairo_create (*surface);
}

/**
 * quorum_sheet_get_n_pages:
 * @self: a sheet
 * @page_width: the page's width, in points
 * @page_height: the page's height, in points
 *
 * Counts the pages the sheet takes on paper of the given size: at most 40
 * people to a page, and for a record the summary under the last row. Every
 * page repeats the heading and the table's header row.
 *
 * Returns: the number of pages, at least 1
 */
int
quorum_sheet_get_n_pages (QuorumSheet *self,
                          double       page_width,
                          double       page_height)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  Plan plan;

  g_return_val_if_fail (self != NULL, 1);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 1);

  cr = create_measuring_context (&surface);
  compute_plan (self, cr, page_width, page_height, &plan);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return (int)plan.n_pages;
}

/**
 * quorum_sheet_draw_page:
 * @self: a sheet
 * @cr: where to draw, with user units in points and the origin at the page's top left
 * @page: the page, counting from 0, below quorum_sheet_get_n_pages()
 * @page_width: the page's width, in points
 * @page_height: the page's height, in points
 *
 * Draws one page of the sheet in black on white (the page itself is not
 * filled). The PDF writer and a GtkPrintOperation's draw-page handler share
 * this code: there, set the operation's unit to points and either use the full
 * page or pass the printable area's size (the sheet keeps margins of its own).
 */
void
quorum_sheet_draw_page (QuorumSheet *self,
                        cairo_t     *cr,
                        int          page,
                        double       page_width,
                        double       page_height)
{
  cairo_surface_t *surface = NULL;
  cairo_t *measuring;
  Plan plan;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_width > 0 && page_height > 0);

  /* Pagination comes from the same context as quorum_sheet_get_n_pages() does,
   * so the two can never disagree. */
  measuring = create_measuring_context (&surface);
  compute_plan (self, measuring, page_width, page_height, &plan);
  cairo_destroy (measuring);
  cairo_surface_destroy (surface);

  g_return_if_fail (page >= 0 && (guint)page < plan.n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_heading (self, cr, &plan, TRUE);

  if ((guint)page < plan.n_row_pages)
    {
      guint first = page * plan.rows_per_page;
      guint n = MIN (plan.rows_per_page, quorum_sheet_get_n_rows (self) - first);

      show_table (self, cr, &plan, first, n);
      if (quorum_sheet_get_kind (self) == QUORUM_SHEET_RECORD &&
          (guint)page == plan.n_row_pages - 1 && !plan.trailer_on_own_page)
        show_trailer (self, cr, plan.left,
                      plan.table_top + HEADER_ROW_HEIGHT + n * plan.row_height + TRAILER_GAP,
                      plan.content_width, TRUE);
    }
  else
    {
      show_trailer (self, cr, plan.left, plan.table_top, plan.content_width, TRUE);
    }

  show_footer (self, cr, &plan, page);
  cairo_restore (cr);
}

static void
set_pdf_metadata (QuorumSheet     *self,
                  cairo_surface_t *surface)
{
  g_autofree char *heading = dup_heading (self);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, heading);
  if (quorum_sheet_get_office (self) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    quorum_sheet_get_office (self));
  /* The injected date, not the clock: the same sheet makes the same PDF. */
  if (quorum_sheet_get_printed_at (self) != NULL)
    {
      g_autofree char *date = g_date_time_format (quorum_sheet_get_printed_at (self),
                                                  "%Y-%m-%dT%H:%M:%S%:z");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
}

/**
 * quorum_sheet_write_pdf:
 * @self: a sheet
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes every page of the sheet to an A4 portrait PDF with real, searchable
 * text. The PDF goes to a temporary file next to @path that is renamed over
 * it once complete, so a failure leaves any earlier file at @path untouched.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
static void
draw_all_pages (cairo_t  *cr,
                gpointer  data)
{
  QuorumSheet *self = data;
  int n_pages = quorum_sheet_get_n_pages (self, QUORUM_SHEET_A4_WIDTH, QUORUM_SHEET_A4_HEIGHT);

  set_pdf_metadata (self, cairo_get_target (cr));
  for (int page = 0; page < n_pages; page++)
    {
      quorum_sheet_draw_page (self, cr, page, QUORUM_SHEET_A4_WIDTH, QUORUM_SHEET_A4_HEIGHT);
      cairo_show_page (cr);
    }
}

gboolean
quorum_sheet_write_pdf (QuorumSheet  *self,
                        const char   *path,
                        GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _quorum_pdf_write (path, draw_all_pages, self, error);
}
