/* quorum-dashboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-compliance-summary.h"
#include "quorum-dashboard.h"
#include "quorum-gui-utils.h"
#include "quorum-obligations-utils.h"
#include "quorum-report.h"

/**
 * QuorumDashboard:
 *
 * The office dashboard in the supervision colours (蓝黄红): a #QuorumMatrix
 * of duties × subjects for a month, quarter, half year or year, with the
 * period's navigation, filters by group and by kind of duty, a line of
 * counts per status, and the export of the supervision report. It ranks
 * nobody on purpose: the view is for catching up, not for scoring.
 */
struct _QuorumDashboard
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkLabel             *period_label;
  GtkSpinner           *spinner;
  GtkDropDown          *kind_dropdown;
  GtkDropDown          *duty_kind_dropdown;
  GtkStringList        *duty_kinds;
  GtkToggleButton      *leaders_button;
  GtkToggleButton      *departments_button;
  GtkToggleButton      *towns_button;
  GtkToggleButton      *body_button;
  GtkLabel             *summary_label;
  GtkStack             *content_stack;
  QuorumMatrix         *matrix;

  QuorumStore          *store;
  QuorumRulebook       *rulebook;
  QuorumWorkdays       *workdays;
  QuorumPeriod         *period;
  GCancellable         *cancellable;
  GPtrArray            *results;
  GPtrArray            *kind_ids;
  GtkNativeDialog      *chooser;
  QuorumDashboardGroup  group;
  gboolean              busy;
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (QuorumDashboard, quorum_dashboard, GTK_TYPE_WIDGET)

static const QuorumPeriodKind period_kinds[] = {
  QUORUM_PERIOD_MONTH, QUORUM_PERIOD_QUARTER, QUORUM_PERIOD_HALF_YEAR, QUORUM_PERIOD_YEAR,
};

static void compute (QuorumDashboard *self);

static void
set_busy (QuorumDashboard *self,
          gboolean         busy)
{
  quorum_set_busy (&self->busy, self->spinner, busy);
}

static gboolean
in_group (QuorumDashboard        *self,
          QuorumComplianceResult *result,
          QuorumDuty             *duty)
{
  switch (self->group)
    {
    case QUORUM_DASHBOARD_LEADERS:
      return quorum_compliance_result_get_subject_kind (result) == QUORUM_SUBJECT_PERSON;
    case QUORUM_DASHBOARD_DEPARTMENTS:
      return quorum_compliance_result_get_subject_kind (result) == QUORUM_SUBJECT_UNIT &&
             duty != NULL && quorum_duty_get_scope (duty) == QUORUM_DUTY_SCOPE_EACH_DEPARTMENT;
    case QUORUM_DASHBOARD_TOWNS:
      return quorum_compliance_result_get_subject_kind (result) == QUORUM_SUBJECT_UNIT &&
             duty != NULL && quorum_duty_get_scope (duty) == QUORUM_DUTY_SCOPE_EACH_TOWN;
    case QUORUM_DASHBOARD_BODY:
    default:
      return quorum_compliance_result_get_subject_kind (result) == QUORUM_SUBJECT_BODY;
    }
}

static const char *
selected_duty_kind (QuorumDashboard *self)
{
  guint selected = gtk_drop_down_get_selected (self->duty_kind_dropdown);

  /* The first item is "all kinds". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->kind_ids->len)
    return NULL;
  return self->kind_ids->pdata[selected - 1];
}

static void
show_results (QuorumDashboard *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  const char *kind = selected_duty_kind (self);
  guint counts[QUORUM_COMPLIANCE_N_STATUSES];

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      QuorumComplianceResult *r = self->results->pdata[i];
      QuorumDuty *duty = quorum_rulebook_lookup (self->rulebook, quorum_compliance_result_get_duty_id (r));

      if (!in_group (self, r, duty))
        continue;
      if (kind != NULL && (duty == NULL || g_strcmp0 (quorum_duty_get_kind (duty), kind) != 0))
        continue;
      g_ptr_array_add (shown, r);
    }

  quorum_matrix_set_results (self->matrix, self->rulebook, shown);
  quorum_compliance_count_statuses (shown, NULL, counts);
  summary = g_strdup_printf (_("Met %u, open %u, at risk %u, missed %u, remedied %u.\n"),
                             counts[QUORUM_COMPLIANCE_MET], counts[QUORUM_COMPLIANCE_OPEN],
                             counts[QUORUM_COMPLIANCE_AT_RISK], counts[QUORUM_COMPLIANCE_MISSED],
                             counts[QUORUM_COMPLIANCE_REMEDIED]);
  gtk_label_set_text (self->summary_label, g_strchomp (summary));
  gtk_stack_set_visible_child_name (self->content_stack, shown->len > 0 || self->busy ? "matrix" : "empty");
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(QuorumDashboard) self = user_data;
  g_autoptr(GPtrArray) results = NULL;

  if (!(results = quorum_compliance_compute_finish_shown (result, GTK_WIDGET (self), &self->busy,
                                                     self->spinner)))
    return;
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_steal_pointer (&results);
  show_results (self);
}

static void
update_period_label (QuorumDashboard *self)
{
  g_autofree char *text = quorum_period_format (self->period);

  gtk_label_set_text (self->period_label, text);
}

static void
compute (QuorumDashboard *self)
{
  GDate today;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_period_label (self);
  if (self->store == NULL || self->rulebook == NULL)
    {
      g_clear_pointer (&self->results, g_ptr_array_unref);
      set_busy (self, FALSE);
      show_results (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  quorum_store_get_today (self->store, &today);
  set_busy (self, TRUE);
  quorum_compliance_compute_async (self->store, self->rulebook, self->workdays, self->period, &today,
                                   self->cancellable, on_computed_cb, g_object_ref (self));
}

static void
fill_duty_kinds (QuorumDashboard *self)
{
  GListModel *duties = self->rulebook ? quorum_rulebook_get_duties (self->rulebook) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->duty_kinds));

  self->filling = TRUE;
  g_ptr_array_set_size (self->kind_ids, 0);
  gtk_string_list_splice (self->duty_kinds, 0, n, NULL);
  gtk_string_list_append (self->duty_kinds, _("All Kinds"));
  for (guint i = 0; duties != NULL && i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      const char *kind = quorum_duty_get_kind (duty);

      if (kind == NULL || g_ptr_array_find_with_equal_func (self->kind_ids, kind, g_str_equal, NULL))
        continue;
      g_ptr_array_add (self->kind_ids, g_strdup (kind));
      gtk_string_list_append (self->duty_kinds, quorum_kind_label (kind));
    }
  gtk_drop_down_set_selected (self->duty_kind_dropdown, 0);
  self->filling = FALSE;
}

static void
on_kind_dropdown_selected_cb (QuorumDashboard *self,
                              GParamSpec      *pspec,
                              GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(QuorumPeriod) period = NULL;
  GDate today;

  if (self->filling || selected >= G_N_ELEMENTS (period_kinds) ||
      quorum_period_get_kind (self->period) == period_kinds[selected])
    return;
  quorum_store_get_today (self->store, &today);
  /* Keep the day in view: today when the period holds it, else its first day. */
  period = quorum_period_for_date (period_kinds[selected],
                                   quorum_period_contains (self->period, &today)
                                   ? &today : quorum_period_get_start (self->period), NULL);
  quorum_dashboard_set_period (self, period);
}

static void
on_duty_kind_dropdown_selected_cb (QuorumDashboard *self,
                                   GParamSpec      *pspec,
                                   GtkDropDown     *dropdown)
{
  if (!self->filling)
    show_results (self);
}

static void
on_group_toggled_cb (QuorumDashboard *self,
                     GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->group = button == self->departments_button ? QUORUM_DASHBOARD_DEPARTMENTS
              : button == self->towns_button ? QUORUM_DASHBOARD_TOWNS
              : button == self->body_button ? QUORUM_DASHBOARD_BODY
              : QUORUM_DASHBOARD_LEADERS;
  show_results (self);
}

static void
on_matrix_cell_activated_cb (QuorumDashboard *self,
                             guint            row,
                             guint            column,
                             QuorumMatrix    *matrix)
{
  GPtrArray *results = quorum_matrix_get_cell_results (matrix, row, column);
  GdkRectangle area;

  if (results == NULL || self->store == NULL)
    return;
  quorum_matrix_get_cell_area (matrix, row, column, &area);
  quorum_show_records_popover (GTK_WIDGET (matrix), &area, self->store, self->rulebook, results);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumDashboard *self = QUORUM_DASHBOARD (widget);
  g_autoptr(QuorumPeriod) period = NULL;

  if (g_str_equal (action_name, "dashboard.previous"))
    period = quorum_period_previous (self->period);
  else if (g_str_equal (action_name, "dashboard.next"))
    period = quorum_period_next (self->period);
  else
    {
      GDate today;

      quorum_store_get_today (self->store, &today);
      period = quorum_period_for_date (quorum_period_get_kind (self->period), &today, NULL);
    }
  quorum_dashboard_set_period (self, period);
}

/* ---- Export --------------------------------------------------------------- */

typedef struct
{
  char           *db_path;
  QuorumRulebook *rulebook;
  QuorumPeriod   *period;
  GDate           today;
  char           *path;
  gboolean        csv;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->rulebook);
  g_clear_pointer (&data->period, quorum_period_unref);
  g_free (data->path);
  g_free (data);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!(store = quorum_store_open (data->db_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ok = data->csv
       ? quorum_report_write_csv (store, data->rulebook, data->period, &data->today, data->path, &error)
       : quorum_report_write_pdf (store, data->rulebook, data->period, &data->today, data->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(QuorumDashboard) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", _("Report saved"));
}

static void
on_chooser_response_cb (QuorumDashboard      *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      self->store != NULL)
    {
      data = g_new0 (ExportData, 1);
      data->db_path = g_strdup (quorum_database_get_path (quorum_store_get_database (self->store)));
      data->rulebook = g_object_ref (self->rulebook);
      data->period = quorum_period_ref (self->period);
      quorum_store_get_today (self->store, &data->today);
      data->path = g_file_get_path (file);
      data->csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "csv"));
      task = g_task_new (NULL, NULL, on_exported_cb, g_object_ref (self));
      g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
      g_task_run_in_thread (task, export_worker);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumDashboard *self = QUORUM_DASHBOARD (widget);
  gboolean csv = g_str_equal (g_variant_get_string (param, NULL), "csv");
  g_autofree char *period = quorum_period_to_string (self->period);
  /* Translators: the suggested file name of an exported report; %s is a period like 2026-Q4 */
  g_autofree char *name = g_strdup_printf (_("supervision-report-%s.%s"), period, csv ? "csv" : "pdf");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->rulebook == NULL)
    return;
  chooser = gtk_file_chooser_native_new (csv ? _("Export Table as CSV") : _("Export Report as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, csv ? _("CSV Files") : _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, csv ? "text/csv" : "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "csv", GINT_TO_POINTER (csv));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- GObject -------------------------------------------------------------- */

static void
quorum_dashboard_dispose (GObject *object)
{
  QuorumDashboard *self = (QuorumDashboard *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_DASHBOARD);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->workdays);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_dashboard_parent_class)->dispose (object);
}

static void
quorum_dashboard_finalize (GObject *object)
{
  QuorumDashboard *self = (QuorumDashboard *)object;

  g_clear_pointer (&self->period, quorum_period_unref);
  g_ptr_array_unref (self->kind_ids);

  G_OBJECT_CLASS (quorum_dashboard_parent_class)->finalize (object);
}

static void
quorum_dashboard_class_init (QuorumDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_dashboard_dispose;
  object_class->finalize = quorum_dashboard_finalize;

  g_type_ensure (QUORUM_TYPE_MATRIX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/obligations/quorum-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, period_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, duty_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, duty_kinds);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, leaders_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, departments_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, towns_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, body_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumDashboard, matrix);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duty_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_group_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matrix_cell_activated_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.current", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export", "s", export_action);
}

static void
quorum_dashboard_init (QuorumDashboard *self)
{
  GDate today;

  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  quorum_store_get_today (NULL, &today);
  self->period = quorum_period_for_date (QUORUM_PERIOD_QUARTER, &today, NULL);
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, 1);
  self->filling = FALSE;
  fill_duty_kinds (self);
  set_busy (self, FALSE);
  update_period_label (self);
}

/**
 * quorum_dashboard_set_context:
 * @self: a dashboard
 * @store: (nullable): the store
 * @rulebook: (nullable): the duties
 * @workdays: (nullable): the holiday calendar
 *
 * Sets what the dashboard shows, for the store's current period;
 * quorum_dashboard_reload() shows it.
 */
void
quorum_dashboard_set_context (QuorumDashboard *self,
                              QuorumStore     *store,
                              QuorumRulebook  *rulebook,
                              QuorumWorkdays  *workdays)
{
  gboolean new_store;

  g_return_if_fail (QUORUM_IS_DASHBOARD (self));

  new_store = self->store != store;
  g_set_object (&self->store, store);
  if (g_set_object (&self->rulebook, rulebook))
    fill_duty_kinds (self);
  g_set_object (&self->workdays, workdays);
  if (new_store && store != NULL)
    {
      GDate today;

      quorum_store_get_today (store, &today);
      g_clear_pointer (&self->period, quorum_period_unref);
      self->period = quorum_period_for_date (period_kinds[MIN (gtk_drop_down_get_selected (self->kind_dropdown), 3)],
                                             &today, NULL);
    }
  update_period_label (self);
}

void
quorum_dashboard_reload (QuorumDashboard *self)
{
  g_return_if_fail (QUORUM_IS_DASHBOARD (self));
  compute (self);
}

/**
 * quorum_dashboard_get_period:
 * @self: a dashboard
 *
 * Returns: (transfer none): the period on show
 */
QuorumPeriod *
quorum_dashboard_get_period (QuorumDashboard *self)
{
  g_return_val_if_fail (QUORUM_IS_DASHBOARD (self), NULL);
  return self->period;
}

/**
 * quorum_dashboard_set_period:
 * @self: a dashboard
 * @period: a month, quarter, half year or year
 *
 * Shows @period (and selects its length in the period menu).
 */
void
quorum_dashboard_set_period (QuorumDashboard *self,
                             QuorumPeriod    *period)
{
  g_return_if_fail (QUORUM_IS_DASHBOARD (self));
  g_return_if_fail (period != NULL);

  g_clear_pointer (&self->period, quorum_period_unref);
  self->period = quorum_period_ref (period);
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (period_kinds); i++)
    if (period_kinds[i] == quorum_period_get_kind (period))
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  self->filling = FALSE;
  compute (self);
}

void
quorum_dashboard_set_group (QuorumDashboard      *self,
                            QuorumDashboardGroup  group)
{
  GtkToggleButton *buttons[] = {
    self->leaders_button, self->departments_button, self->towns_button, self->body_button,
  };

  g_return_if_fail (QUORUM_IS_DASHBOARD (self));
  g_return_if_fail (group <= QUORUM_DASHBOARD_BODY);

  gtk_toggle_button_set_active (buttons[group], TRUE);
}

gboolean
quorum_dashboard_get_busy (QuorumDashboard *self)
{
  g_return_val_if_fail (QUORUM_IS_DASHBOARD (self), FALSE);
  return self->busy;
}

/**
 * quorum_dashboard_get_matrix:
 * @self: a dashboard
 *
 * Returns: (transfer none): the matrix
 */
QuorumMatrix *
quorum_dashboard_get_matrix (QuorumDashboard *self)
{
  g_return_val_if_fail (QUORUM_IS_DASHBOARD (self), NULL);
  return self->matrix;
}

const char *
quorum_dashboard_get_summary (QuorumDashboard *self)
{
  g_return_val_if_fail (QUORUM_IS_DASHBOARD (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
