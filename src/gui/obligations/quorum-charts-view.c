/* quorum-charts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-charts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "quorum-charts-view.h"
#include "quorum-compliance-summary.h"
#include "quorum-gui-utils.h"
#include "quorum-obligations-utils.h"
#include "quorum-report.h"

/**
 * QuorumChartsView:
 *
 * Three charts for a year: the attendance rate of each session of a
 * chosen series over the last twelve months, the attendance rate of each
 * member per quarter, and the duties met, open, at risk and missed per
 * month. People appear in the office's order, never sorted by score.
 */
struct _QuorumChartsView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *year_label;
  GtkSpinner     *spinner;
  GtkDropDown    *series_dropdown;
  GtkStringList  *series_names;
  QuorumChart    *session_chart;
  QuorumChart    *person_chart;
  QuorumChart    *month_chart;

  QuorumStore    *store;
  QuorumRulebook *rulebook;
  QuorumWorkdays *workdays;
  GCancellable   *cancellable;
  GArray         *series_ids;
  int             year;
  gboolean        busy;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (QuorumChartsView, quorum_charts_view, GTK_TYPE_WIDGET)

static const char *quarter_colours[] = { "#99c1f1", "#62a0ea", "#3584e4", "#1a5fb4" };

static void
set_busy (QuorumChartsView *self,
          gboolean          busy)
{
  quorum_set_busy (&self->busy, self->spinner, busy);
}

static void
show_session_chart (QuorumChartsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->series_dropdown);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) from = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  QuorumChartData *data;
  GDate today;

  if (self->store == NULL || selected >= self->series_ids->len)
    {
      quorum_chart_set_data (self->session_chart, NULL);
      return;
    }

  quorum_store_get_today (self->store, &today);
  g_date_add_days (&today, 1);
  to = quorum_date_to_date_time (&today);
  from = g_date_time_add_months (to, -12);
  filter.series_id = g_array_index (self->series_ids, gint64, selected);
  occurrences = quorum_store_list_occurrences (self->store, from, to, &filter, NULL);
  for (guint i = 0; occurrences != NULL && i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (occurrences, i);

      if (quorum_occurrence_get_status (o) == QUORUM_OCCURRENCE_HELD &&
          quorum_occurrence_get_n_expected (o) > 0)
        g_ptr_array_add (held, g_steal_pointer (&o));
    }

  data = quorum_chart_data_new (QUORUM_CHART_LINE, held->len, 1);
  quorum_chart_data_set_percent (data, TRUE);
  quorum_chart_data_set_title (data, gtk_string_object_get_string (gtk_drop_down_get_selected_item (self->series_dropdown)));
  quorum_chart_data_set_series (data, 0, _("Attendance rate"), "#3584e4");
  for (guint i = 0; i < held->len; i++)
    {
      QuorumOccurrence *o = held->pdata[i];
      /* Translators: a session's day on a chart axis, in g_date_time_format() syntax */
      g_autofree char *label = g_date_time_format (quorum_occurrence_get_start (o), _("%-m/%-d"));

      quorum_chart_data_set_category (data, i, label);
      quorum_chart_data_set_value (data, 0, i, 100.0 * quorum_occurrence_get_n_attended (o) /
                                               quorum_occurrence_get_n_expected (o));
    }
  quorum_chart_set_data (self->session_chart, data);
}

static QuorumChartData *
person_chart (QuorumChartsView *self,
              GPtrArray        *results)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) sums = g_array_new (FALSE, TRUE, sizeof (double));
  QuorumChartData *data;

  /* sums: per person, 4 quarters × (achieved, required) */
  for (guint i = 0; i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      QuorumDuty *duty = quorum_rulebook_lookup (self->rulebook, quorum_compliance_result_get_duty_id (r));
      gint64 id = quorum_compliance_result_get_subject_id (r);
      const GDate *start = quorum_period_get_start (quorum_compliance_result_get_period (r));
      guint p, q;

      if (duty == NULL || !quorum_duty_get_attendance (duty) ||
          quorum_compliance_result_get_subject_kind (r) != QUORUM_SUBJECT_PERSON ||
          g_date_get_year (start) != self->year)
        continue;
      for (p = 0; p < ids->len && g_array_index (ids, gint64, p) != id; p++)
        ;
      if (p == ids->len)
        {
          g_array_append_val (ids, id);
          g_ptr_array_add (names, (gpointer)quorum_compliance_result_get_subject_label (r));
          g_array_set_size (sums, ids->len * 8);
        }
      q = (g_date_get_month (start) - 1) / 3;
      g_array_index (sums, double, p * 8 + q * 2) += quorum_compliance_result_get_achieved (r);
      g_array_index (sums, double, p * 8 + q * 2 + 1) += quorum_compliance_result_get_required (r, duty);
    }

  data = quorum_chart_data_new (QUORUM_CHART_GROUPED, ids->len, 4);
  quorum_chart_data_set_percent (data, TRUE);
  for (guint q = 0; q < 4; q++)
    {
      /* Translators: a quarter in a chart's legend */
      g_autofree char *name = g_strdup_printf (_("Q%u"), q + 1);

      quorum_chart_data_set_series (data, q, name, quarter_colours[q]);
    }
  for (guint p = 0; p < ids->len; p++)
    {
      quorum_chart_data_set_category (data, p, names->pdata[p]);
      for (guint q = 0; q < 4; q++)
        {
          double required = g_array_index (sums, double, p * 8 + q * 2 + 1);

          if (required > 0)
            quorum_chart_data_set_value (data, q, p,
                                         100.0 * g_array_index (sums, double, p * 8 + q * 2) / required);
        }
    }
  return data;
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(QuorumChartsView) self = user_data;
  g_autoptr(GPtrArray) results = NULL;

  if (!(results = quorum_compliance_compute_finish_shown (result, GTK_WIDGET (self), &self->busy,
                                                     self->spinner)))
    return;
  quorum_chart_set_data (self->person_chart, person_chart (self, results));
  quorum_chart_set_data (self->month_chart, quorum_report_month_chart (results, self->year));
}

static void
fill_series (QuorumChartsView *self)
{
  g_autoptr(GListModel) series = self->store ? quorum_store_list_series (self->store, NULL) : NULL;
  gint64 previous = 0;
  guint selected = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->series_names));

  if (gtk_drop_down_get_selected (self->series_dropdown) < self->series_ids->len)
    previous = g_array_index (self->series_ids, gint64, gtk_drop_down_get_selected (self->series_dropdown));

  self->filling = TRUE;
  g_array_set_size (self->series_ids, 0);
  gtk_string_list_splice (self->series_names, 0, n, NULL);
  for (guint i = 0; series != NULL && i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(QuorumSeries) s = g_list_model_get_item (series, i);
      QuorumDuty *duty = self->rulebook ? quorum_rulebook_lookup (self->rulebook, quorum_series_get_duty_id (s)) : NULL;
      gint64 id = quorum_series_get_id (s);

      /* Only sessions whose members' attendance is recorded have a rate. */
      if (duty == NULL || !quorum_duty_get_attendance (duty))
        continue;
      if (id == previous)
        selected = self->series_ids->len;
      g_array_append_val (self->series_ids, id);
      gtk_string_list_append (self->series_names, quorum_series_get_title (s));
    }
  gtk_drop_down_set_selected (self->series_dropdown, self->series_ids->len ? selected : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->series_dropdown), self->series_ids->len > 0);
  self->filling = FALSE;
}

static void
on_series_dropdown_selected_cb (QuorumChartsView *self,
                                GParamSpec       *pspec,
                                GtkDropDown      *dropdown)
{
  if (!self->filling)
    show_session_chart (self);
}

static void
compute (QuorumChartsView *self)
{
  g_autoptr(QuorumPeriod) year = NULL;
  g_autofree char *label = NULL;
  GDate today, start;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  quorum_store_get_today (self->store, &today);
  if (self->year == 0)
    self->year = g_date_get_year (&today);
  /* Translators: the year the charts show */
  label = g_strdup_printf (_("%d"), self->year);
  gtk_label_set_text (self->year_label, label);

  fill_series (self);
  show_session_chart (self);
  if (self->store == NULL || self->rulebook == NULL)
    {
      quorum_chart_set_data (self->person_chart, NULL);
      quorum_chart_set_data (self->month_chart, NULL);
      set_busy (self, FALSE);
      return;
    }
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, self->year);
  year = quorum_period_for_date (QUORUM_PERIOD_YEAR, &start, NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  quorum_compliance_compute_async (self->store, self->rulebook, self->workdays, year, &today,
                                   self->cancellable, on_computed_cb, g_object_ref (self));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumChartsView *self = QUORUM_CHARTS_VIEW (widget);

  self->year += g_str_equal (action_name, "charts.next") ? 1 : -1;
  compute (self);
}

static void
quorum_charts_view_dispose (GObject *object)
{
  QuorumChartsView *self = (QuorumChartsView *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CHARTS_VIEW);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->workdays);

  G_OBJECT_CLASS (quorum_charts_view_parent_class)->dispose (object);
}

static void
quorum_charts_view_finalize (GObject *object)
{
  QuorumChartsView *self = (QuorumChartsView *)object;

  g_array_unref (self->series_ids);

  G_OBJECT_CLASS (quorum_charts_view_parent_class)->finalize (object);
}

static void
quorum_charts_view_class_init (QuorumChartsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_charts_view_dispose;
  object_class->finalize = quorum_charts_view_finalize;

  g_type_ensure (QUORUM_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/obligations/quorum-charts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, year_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, series_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, series_names);
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, session_chart);
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, person_chart);
  gtk_widget_class_bind_template_child (widget_class, QuorumChartsView, month_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_series_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "charts.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "charts.next", NULL, step_action);
}

static void
quorum_charts_view_init (QuorumChartsView *self)
{
  self->series_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  set_busy (self, FALSE);
}

/**
 * quorum_charts_view_set_context:
 * @self: a charts view
 * @store: (nullable): the store
 * @rulebook: (nullable): the duties
 * @workdays: (nullable): the holiday calendar
 *
 * Sets what the charts show; quorum_charts_view_reload() draws them.
 */
void
quorum_charts_view_set_context (QuorumChartsView *self,
                                QuorumStore      *store,
                                QuorumRulebook   *rulebook,
                                QuorumWorkdays   *workdays)
{
  g_return_if_fail (QUORUM_IS_CHARTS_VIEW (self));

  if (self->store != store)
    self->year = 0;
  g_set_object (&self->store, store);
  g_set_object (&self->rulebook, rulebook);
  g_set_object (&self->workdays, workdays);
}

void
quorum_charts_view_reload (QuorumChartsView *self)
{
  g_return_if_fail (QUORUM_IS_CHARTS_VIEW (self));
  compute (self);
}

gboolean
quorum_charts_view_get_busy (QuorumChartsView *self)
{
  g_return_val_if_fail (QUORUM_IS_CHARTS_VIEW (self), FALSE);
  return self->busy;
}
