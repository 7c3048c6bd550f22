/* quorum-chart-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small charts drawn with cairo and Pango: the same code paints them into a
 * widget (the GUI gives its foreground colour and font) and into a PDF
 * report. Values may be NAN for “no data”: a line skips them, a bar is not
 * drawn.
 */

#define G_LOG_DOMAIN "quorum-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "quorum-chart-render.h"

#define DEFAULT_FONT "Noto Sans CJK SC, Sans"
#define FONT_SIZE    9.0
#define GAP          6.0
#define SWATCH       9.0

struct _QuorumChartData
{
  QuorumChartKind   kind;
  guint             n_categories;
  guint             n_series;
  char            **categories;
  char            **series_names;
  double           *series_rgb;
  double           *values;
  char             *title;
  gboolean          percent;
};

/**
 * quorum_chart_data_new:
 * @kind: how to draw
 * @n_categories: the number of categories (x axis)
 * @n_series: the number of series
 *
 * Returns: (transfer full): empty chart data, all values NAN
 */
QuorumChartData *
quorum_chart_data_new (QuorumChartKind kind,
                       guint           n_categories,
                       guint           n_series)
{
  QuorumChartData *self = g_new0 (QuorumChartData, 1);

  self->kind = kind;
  self->n_categories = n_categories;
  self->n_series = n_series;
  self->categories = g_new0 (char *, n_categories + 1);
  self->series_names = g_new0 (char *, n_series + 1);
  self->series_rgb = g_new0 (double, 3 * MAX (n_series, 1));
  self->values = g_new (double, MAX (n_categories * n_series, 1));
  for (guint i = 0; i < n_categories * n_series; i++)
    self->values[i] = NAN;
  return self;
}

void
quorum_chart_data_free (QuorumChartData *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->categories);
  g_strfreev (self->series_names);
  g_free (self->series_rgb);
  g_free (self->values);
  g_free (self->title);
  g_free (self);
}

QuorumChartKind
quorum_chart_data_get_kind (const QuorumChartData *self)
{
  return self->kind;
}

guint
quorum_chart_data_get_n_categories (const QuorumChartData *self)
{
  return self->n_categories;
}

guint
quorum_chart_data_get_n_series (const QuorumChartData *self)
{
  return self->n_series;
}

void
quorum_chart_data_set_category (QuorumChartData *self,
                                guint            index,
                                const char      *label)
{
  g_return_if_fail (index < self->n_categories);
  g_free (self->categories[index]);
  self->categories[index] = g_strdup (label);
}

const char *
quorum_chart_data_get_category (const QuorumChartData *self,
                                guint                  index)
{
  g_return_val_if_fail (index < self->n_categories, NULL);
  return self->categories[index];
}

/**
 * quorum_chart_data_set_series:
 * @self: chart data
 * @index: the series
 * @name: its name, for the legend
 * @colour: its colour, `#rrggbb`
 *
 * Names a series and gives it a colour.
 */
void
quorum_chart_data_set_series (QuorumChartData *self,
                              guint            index,
                              const char      *name,
                              const char      *colour)
{
  unsigned int r = 0x77, g = 0x76, b = 0x7b;

  g_return_if_fail (index < self->n_series);
  g_free (self->series_names[index]);
  self->series_names[index] = g_strdup (name);
  if (colour != NULL && sscanf (colour, "#%02x%02x%02x", &r, &g, &b) != 3)
    r = 0x77, g = 0x76, b = 0x7b;
  self->series_rgb[3 * index] = r / 255.0;
  self->series_rgb[3 * index + 1] = g / 255.0;
  self->series_rgb[3 * index + 2] = b / 255.0;
}

const char *
quorum_chart_data_get_series_name (const QuorumChartData *self,
                                   guint                  index)
{
  g_return_val_if_fail (index < self->n_series, NULL);
  return self->series_names[index];
}

void
quorum_chart_data_set_value (QuorumChartData *self,
                             guint            series,
                             guint            category,
                             double           value)
{
  g_return_if_fail (series < self->n_series && category < self->n_categories);
  self->values[series * self->n_categories + category] = value;
}

double
quorum_chart_data_get_value (const QuorumChartData *self,
                             guint                  series,
                             guint                  category)
{
  g_return_val_if_fail (series < self->n_series && category < self->n_categories, NAN);
  return self->values[series * self->n_categories + category];
}

/**
 * quorum_chart_data_set_percent:
 * @self: chart data
 * @percent: whether the values are percentages
 *
 * Percentages get a fixed 0–100 % axis.
 */
void
quorum_chart_data_set_percent (QuorumChartData *self,
                               gboolean         percent)
{
  self->percent = percent;
}

void
quorum_chart_data_set_title (QuorumChartData *self,
                             const char      *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
quorum_chart_data_get_title (const QuorumChartData *self)
{
  return self->title;
}

static void
append_number (GString *out,
               double   value,
               gboolean percent)
{
  if (isnan (value))
    /* Translators: a chart value where there is no data */
    g_string_append (out, _("no data"));
  else if (percent)
    g_string_append_printf (out, "%.0f%%", value);
  else
    g_string_append_printf (out, "%g", value);
}

/**
 * quorum_chart_data_describe:
 * @self: chart data
 *
 * Says in words what the chart shows, for screen readers: the title, then
 * for every series its value in every category.
 *
 * Returns: (transfer full): the description
 */
char *
quorum_chart_data_describe (const QuorumChartData *self)
{
  GString *out = g_string_new (self->title);

  for (guint s = 0; s < self->n_series; s++)
    {
      if (out->len > 0)
        g_string_append (out, out->str[out->len - 1] == '.' ? " " : ". ");
      /* Translators: a chart series' name, then its values */
      g_string_append_printf (out, _("%s:"), self->series_names[s] ? self->series_names[s] : "");
      for (guint c = 0; c < self->n_categories; c++)
        {
          g_string_append_printf (out, c == 0 ? " %s " : ", %s ",
                                  self->categories[c] ? self->categories[c] : "");
          append_number (out, quorum_chart_data_get_value (self, s, c), self->percent);
        }
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double)w / PANGO_SCALE;
  if (height != NULL)
    *height = (double)h / PANGO_SCALE;
}

static void
set_colour (cairo_t      *cr,
            const double  rgb[3],
            double        alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

/* A round step (1, 2 or 5 × 10^k) that cuts 0–@max into at most five parts. */
static double
nice_step (double max)
{
  double raw = max / 5, magnitude, step;

  if (raw <= 0)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  step = magnitude;
  if (raw > step)
    step = 2 * magnitude;
  if (raw > step)
    step = 5 * magnitude;
  if (raw > step)
    step = 10 * magnitude;
  /* Counts are whole numbers. */
  return MAX (step, 1);
}

static double
data_max (const QuorumChartData *self)
{
  double max = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      double sum = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double v = quorum_chart_data_get_value (self, s, c);

          if (isnan (v))
            continue;
          if (self->kind == QUORUM_CHART_STACKED)
            sum += v;
          else
            max = MAX (max, v);
        }
      max = MAX (max, sum);
    }
  return max;
}

static double
draw_legend (const QuorumChartData *self,
             cairo_t               *cr,
             const char            *font,
             const double           fg[4],
             double                 x,
             double                 y,
             double                 width)
{
  double cx = x, line_height = FONT_SIZE * 1.5;

  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, font, self->series_names[s], FONT_SIZE, FALSE);
      double w, h;

      layout_size (layout, &w, &h);
      if (cx > x && cx + SWATCH + 4 + w > x + width)
        {
          cx = x;
          y += line_height;
        }
      set_colour (cr, &self->series_rgb[3 * s], 1);
      cairo_rectangle (cr, cx, y + (h - SWATCH) / 2, SWATCH, SWATCH);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * 0.85);
      cairo_move_to (cr, cx + SWATCH + 4, y);
      pango_cairo_show_layout (cr, layout);
      cx += SWATCH + 4 + w + 2 * GAP;
    }
  return y + line_height;
}

/**
 * quorum_chart_render:
 * @data: what to draw
 * @cr: where
 * @width: the width to fill
 * @height: the height to fill
 * @foreground: the text and axis colour (RGBA): the widget's, or black on paper
 * @font: (nullable): a Pango font family list, %NULL for the CJK default
 * @with_title: whether to draw the data's title above the chart
 *
 * Draws a title, a legend, a y axis with round ticks and a grid, the
 * category labels (thinned out when they do not fit) and the values.
 */
void
quorum_chart_render (const QuorumChartData *data,
                     cairo_t               *cr,
                     double                 width,
                     double                 height,
                     const double           foreground[4],
                     const char            *font,
                     gboolean               with_title)
{
  double y = 0, max, step, axis_width = 0, label_height, plot_x, plot_y, plot_w, plot_h, slot;
  guint every = 1;

  g_return_if_fail (data != NULL && cr != NULL);

  if (font == NULL)
    font = DEFAULT_FONT;

  cairo_save (cr);

  if (with_title && data->title != NULL && *data->title != '\0')
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, font, data->title, FONT_SIZE * 1.15, TRUE);
      double h;

      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      layout_size (layout, NULL, &h);
      cairo_set_source_rgba (cr, foreground[0], foreground[1], foreground[2], foreground[3]);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);
      y = h + GAP;
    }
  y = draw_legend (data, cr, font, foreground, 0, y, width) + GAP / 2;

  max = data->percent ? 100 : data_max (data);
  step = data->percent ? 25 : nice_step (max);
  max = MAX (step, ceil (max / step) * step);

  for (double v = 0; v <= max + step / 2; v += step)
    {
      g_autofree char *text = data->percent ? g_strdup_printf ("%.0f%%", v) : g_strdup_printf ("%g", v);
      g_autoptr(PangoLayout) layout = make_layout (cr, font, text, FONT_SIZE, FALSE);
      double w;

      layout_size (layout, &w, &label_height);
      axis_width = MAX (axis_width, w);
    }
  {
    g_autoptr(PangoLayout) probe = make_layout (cr, font, "0", FONT_SIZE, FALSE);

    layout_size (probe, NULL, &label_height);
  }

  plot_x = axis_width + GAP;
  plot_y = y + label_height / 2;
  plot_w = MAX (width - plot_x - 2, 1);
  plot_h = MAX (height - plot_y - label_height - GAP, 1);
  slot = data->n_categories > 0 ? plot_w / data->n_categories : plot_w;

  /* Grid and y labels. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= max + step / 2; v += step)
    {
      g_autofree char *text = data->percent ? g_strdup_printf ("%.0f%%", v) : g_strdup_printf ("%g", v);
      g_autoptr(PangoLayout) layout = make_layout (cr, font, text, FONT_SIZE, FALSE);
      double gy = round (plot_y + plot_h - v / max * plot_h) + 0.5, w;

      cairo_set_source_rgba (cr, foreground[0], foreground[1], foreground[2],
                             foreground[3] * (v == 0 ? 0.5 : 0.15));
      cairo_move_to (cr, plot_x, gy);
      cairo_line_to (cr, plot_x + plot_w, gy);
      cairo_stroke (cr);
      layout_size (layout, &w, NULL);
      cairo_set_source_rgba (cr, foreground[0], foreground[1], foreground[2], foreground[3] * 0.7);
      cairo_move_to (cr, axis_width - w, gy - label_height / 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* Category labels, thinned out until they fit. */
  for (guint c = 0; c < data->n_categories; c++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, font, data->categories[c], FONT_SIZE, FALSE);
      double w;

      layout_size (layout, &w, NULL);
      while (w + GAP > slot * every && every < data->n_categories)
        every++;
    }
  for (guint c = 0; c < data->n_categories; c += every)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, font, data->categories[c], FONT_SIZE, FALSE);
      double w;

      layout_size (layout, &w, NULL);
      cairo_set_source_rgba (cr, foreground[0], foreground[1], foreground[2], foreground[3] * 0.7);
      cairo_move_to (cr, plot_x + slot * (c + 0.5) - w / 2, plot_y + plot_h + GAP / 2);
      pango_cairo_show_layout (cr, layout);
    }

  if (data->kind == QUORUM_CHART_LINE)
    {
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint s = 0; s < data->n_series; s++)
        {
          gboolean pen_down = FALSE;

          set_colour (cr, &data->series_rgb[3 * s], 1);
          for (guint c = 0; c < data->n_categories; c++)
            {
              double v = quorum_chart_data_get_value (data, s, c);
              double px = plot_x + slot * (c + 0.5), py = plot_y + plot_h - v / max * plot_h;

              if (isnan (v))
                {
                  pen_down = FALSE;
                  continue;
                }
              if (pen_down)
                cairo_line_to (cr, px, py);
              else
                cairo_move_to (cr, px, py);
              pen_down = TRUE;
            }
          cairo_stroke (cr);
          for (guint c = 0; c < data->n_categories; c++)
            {
              double v = quorum_chart_data_get_value (data, s, c);

              if (isnan (v))
                continue;
              cairo_arc (cr, plot_x + slot * (c + 0.5), plot_y + plot_h - v / max * plot_h,
                         3, 0, 2 * G_PI);
              cairo_fill (cr);
            }
        }
    }
  else
    {
      double group = slot * 0.7;
      double bar = data->kind == QUORUM_CHART_GROUPED && data->n_series > 0
                   ? group / data->n_series : group;

      for (guint c = 0; c < data->n_categories; c++)
        {
          double x0 = plot_x + slot * c + (slot - group) / 2, base = 0;

          for (guint s = 0; s < data->n_series; s++)
            {
              double v = quorum_chart_data_get_value (data, s, c);
              double bx = data->kind == QUORUM_CHART_GROUPED ? x0 + bar * s : x0;
              double top, bottom;

              if (isnan (v) || v <= 0)
                continue;
              bottom = plot_y + plot_h - base / max * plot_h;
              top = plot_y + plot_h - (base + v) / max * plot_h;
              set_colour (cr, &data->series_rgb[3 * s], 1);
              cairo_rectangle (cr, bx + (data->kind == QUORUM_CHART_GROUPED ? 0.5 : 0), top,
                               MAX (bar - 1, 1), bottom - top);
              cairo_fill (cr);
              if (data->kind == QUORUM_CHART_STACKED)
                base += v;
            }
        }
    }

  cairo_restore (cr);
}
