/* quorum-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-chart.h"

/**
 * QuorumChart:
 *
 * A small chart (lines, grouped or stacked bars) drawn with cairo by
 * quorum_chart_render(), the same code the PDF report uses. Text and axes
 * take the widget's own colour and font, so it reads in the light and the
 * dark style; the bars keep their series colours. Its accessible label says
 * in words what it shows.
 */
struct _QuorumChart
{
  GtkWidget        parent_instance;

  QuorumChartData *data;
};

G_DEFINE_FINAL_TYPE (QuorumChart, quorum_chart, GTK_TYPE_WIDGET)

static void
quorum_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  QuorumChart *self = QUORUM_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoFontDescription *desc = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_autofree char *family = NULL;
  cairo_t *cr;
  GdkRGBA fg;
  double foreground[4];

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  foreground[0] = fg.red;
  foreground[1] = fg.green;
  foreground[2] = fg.blue;
  foreground[3] = fg.alpha;
  family = g_strdup (desc != NULL && pango_font_description_get_family (desc)
                     ? pango_font_description_get_family (desc) : "Sans");

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  quorum_chart_render (self->data, cr, width, height, foreground, family, FALSE);
  cairo_destroy (cr);
}

static void
quorum_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 260;
}

static void
quorum_chart_finalize (GObject *object)
{
  QuorumChart *self = (QuorumChart *)object;

  g_clear_pointer (&self->data, quorum_chart_data_free);

  G_OBJECT_CLASS (quorum_chart_parent_class)->finalize (object);
}

static void
quorum_chart_class_init (QuorumChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_chart_finalize;
  widget_class->snapshot = quorum_chart_snapshot;
  widget_class->measure = quorum_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
quorum_chart_init (QuorumChart *self)
{
}

GtkWidget *
quorum_chart_new (void)
{
  return g_object_new (QUORUM_TYPE_CHART, NULL);
}

/**
 * quorum_chart_set_data:
 * @self: a chart
 * @data: (transfer full) (nullable): what to draw
 *
 * Shows @data and describes it in the accessible label.
 */
void
quorum_chart_set_data (QuorumChart     *self,
                       QuorumChartData *data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (QUORUM_IS_CHART (self));

  g_clear_pointer (&self->data, quorum_chart_data_free);
  self->data = data;
  description = data ? quorum_chart_data_describe (data) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const QuorumChartData *
quorum_chart_get_data (QuorumChart *self)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), NULL);
  return self->data;
}
