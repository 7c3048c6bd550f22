/* quorum-obligations-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the obligations views share: the supervision colours as CSS classes
 * and chips, the evaluation in a worker thread, and the popover that lists
 * the records behind a result.
 */

#define G_LOG_DOMAIN "quorum-obligations"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-application.h"
#include "quorum-compliance-summary.h"
#include "quorum-gui-utils.h"
#include "quorum-obligations-utils.h"

const char *
quorum_supervision_css_class (QuorumSupervisionColour colour)
{
  return colour == QUORUM_SUPERVISION_RED ? "status-red"
       : colour == QUORUM_SUPERVISION_YELLOW ? "status-yellow" : "status-blue";
}

const char *
quorum_supervision_colour_label (QuorumSupervisionColour colour)
{
  /* Translators: the supervision colours of “蓝黄红”三色管理, as one-word markers. */
  return colour == QUORUM_SUPERVISION_RED ? _("Red")
       : colour == QUORUM_SUPERVISION_YELLOW ? _("Yellow") : _("Blue");
}

/* The same colours as style.css (@quorum_blue, @quorum_yellow, @quorum_red). */
void
quorum_supervision_get_rgba (QuorumSupervisionColour  colour,
                             GdkRGBA                 *rgba)
{
  const char *spec = colour == QUORUM_SUPERVISION_RED ? "#e01b24"
                   : colour == QUORUM_SUPERVISION_YELLOW ? "#e5a50a" : "#3584e4";

  gdk_rgba_parse (rgba, spec);
}

/* A mark that tells the statuses apart without colour. */
const char *
quorum_compliance_status_symbol (QuorumComplianceStatus status)
{
  switch (status)
    {
    case QUORUM_COMPLIANCE_MET:
      return "✓";
    case QUORUM_COMPLIANCE_OPEN:
      return "○";
    case QUORUM_COMPLIANCE_AT_RISK:
      return "!";
    case QUORUM_COMPLIANCE_MISSED:
      return "✗";
    case QUORUM_COMPLIANCE_REMEDIED:
      return "↺";
    default:
      return "";
    }
}

/* "蓝 · 已达标": the colour and the status word, never the colour alone. */
char *
quorum_compliance_status_dup_chip_text (QuorumComplianceStatus status)
{
  QuorumSupervisionColour colour = quorum_compliance_status_to_colour (status);

  /* Translators: a colour marker and a status, e.g. "Red · Missed" */
  return g_strdup_printf (_("%1$s · %2$s"), quorum_supervision_colour_label (colour),
                          quorum_compliance_status_to_label (status));
}

GtkWidget *
quorum_status_chip_new (QuorumComplianceStatus status)
{
  g_autofree char *text = quorum_compliance_status_dup_chip_text (status);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "status-chip");
  gtk_widget_add_css_class (label, quorum_supervision_css_class (quorum_compliance_status_to_colour (status)));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* Missed is worst, then at risk, open, remedied and met. */
QuorumComplianceStatus
quorum_compliance_status_worse (QuorumComplianceStatus a,
                                QuorumComplianceStatus b)
{
  static const int rank[] = {
    [QUORUM_COMPLIANCE_MET] = 0,
    [QUORUM_COMPLIANCE_REMEDIED] = 1,
    [QUORUM_COMPLIANCE_OPEN] = 2,
    [QUORUM_COMPLIANCE_AT_RISK] = 3,
    [QUORUM_COMPLIANCE_MISSED] = 4,
  };

  return rank[a] >= rank[b] ? a : b;
}

/* The store's "today" (its clock can be frozen for tests and screenshots). */
void
quorum_store_get_today (QuorumStore *store,
                        GDate       *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_date_clear (today, 1);
  if (store != NULL)
    now = quorum_store_dup_now (store);
  else
    now = g_date_time_new_now_local ();
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* ---- Evaluation in a worker thread --------------------------------------- */

typedef struct
{
  char           *db_path;
  QuorumRulebook *rulebook;
  QuorumWorkdays *workdays;
  QuorumPeriod   *period;
  GDate           today;
  int             at_risk_days;
  GDateTime      *now;
  QuorumComputeThenFunc then;
  gpointer        then_data;
  GDestroyNotify  then_data_free;
  GDestroyNotify  then_result_free;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->rulebook);
  g_clear_object (&data->workdays);
  g_clear_pointer (&data->period, quorum_period_unref);
  g_clear_pointer (&data->now, g_date_time_unref);
  if (data->then_data_free != NULL)
    data->then_data_free (data->then_data);
  g_free (data);
}

/* sqlite connections belong to one thread here: the worker opens its own on
 * the same file. The rulebook and holiday calendar are only read. */
static void
compute_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  if (!(store = quorum_store_open (data->db_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The caller's clock, which tests and screenshots freeze. */
  quorum_store_set_now (store, data->now);
  results = quorum_compliance_compute (store, data->rulebook, data->period, &data->today,
                                       data->at_risk_days, data->workdays, &error);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (data->then == NULL)
    g_task_return_pointer (task, results, (GDestroyNotify)g_ptr_array_unref);
  else
    {
      gpointer made = data->then (store, results, data->then_data);

      g_ptr_array_unref (results);
      g_task_return_pointer (task, made, data->then_result_free);
    }
}

static int
get_at_risk_days (void)
{
  GApplication *app = g_application_get_default ();

  if (QUORUM_IS_APPLICATION (app) && quorum_application_get_settings (QUORUM_APPLICATION (app)))
    return g_settings_get_int (quorum_application_get_settings (QUORUM_APPLICATION (app)),
                               "at-risk-days");
  return -1;
}

/**
 * quorum_compliance_compute_async:
 * @store: the store whose database to read
 * @rulebook: the duties
 * @workdays: (nullable): the holiday calendar
 * @period: the period to evaluate
 * @today: the day to judge as of
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the calling thread when done
 * @user_data: for @callback
 *
 * Runs quorum_compliance_compute() in a worker thread with its own
 * connection to the store's database, with the warning period of the
 * application's settings.
 */
void
quorum_compliance_compute_async (QuorumStore         *store,
                                 QuorumRulebook      *rulebook,
                                 QuorumWorkdays      *workdays,
                                 QuorumPeriod        *period,
                                 const GDate         *today,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  quorum_compliance_compute_then_async (store, rulebook, workdays, period, today, NULL, NULL,
                                        NULL, NULL, cancellable, callback, user_data);
}

/**
 * quorum_compliance_compute_then_async:
 * @store: the store whose database to read
 * @rulebook: the duties
 * @workdays: (nullable): the holiday calendar
 * @period: the period to evaluate
 * @today: the day to judge as of
 * @then: (nullable): run in the worker on its results
 * @then_data: (nullable): for @then, owned by the task
 * @then_data_free: (nullable): frees @then_data
 * @then_result_free: (nullable): frees what @then returns
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the calling thread when done
 * @user_data: for @callback
 *
 * As quorum_compliance_compute_async(), and then, still in the worker and
 * with its connection (whose clock is @store's), @then makes what the
 * caller needs of the results (reads the store, picks the results): the
 * task returns that instead of the results, so that the calling thread
 * reads nothing from the database itself.
 */
void
quorum_compliance_compute_then_async (QuorumStore           *store,
                                      QuorumRulebook        *rulebook,
                                      QuorumWorkdays        *workdays,
                                      QuorumPeriod          *period,
                                      const GDate           *today,
                                      QuorumComputeThenFunc  then,
                                      gpointer               then_data,
                                      GDestroyNotify         then_data_free,
                                      GDestroyNotify         then_result_free,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeData *data = g_new0 (ComputeData, 1);

  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (QUORUM_IS_RULEBOOK (rulebook));

  data->now = quorum_store_dup_now (store);
  data->then = then;
  data->then_data = then_data;
  data->then_data_free = then_data_free;
  data->then_result_free = then_result_free;

  data->db_path = g_strdup (quorum_database_get_path (quorum_store_get_database (store)));
  data->rulebook = g_object_ref (rulebook);
  data->workdays = workdays ? g_object_ref (workdays) : NULL;
  data->period = quorum_period_ref (period);
  data->today = *today;
  data->at_risk_days = get_at_risk_days ();
  g_task_set_source_tag (task, quorum_compliance_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify)compute_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, compute_worker);
}

GPtrArray *
quorum_compliance_compute_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the views' set_busy() does: keeps @busy and shows @spinner spinning
 * while a computation runs. */
void
quorum_set_busy (gboolean   *busy,
                 GtkSpinner *spinner,
                 gboolean    value)
{
  *busy = value;
  gtk_spinner_set_spinning (spinner, value);
  gtk_widget_set_visible (GTK_WIDGET (spinner), value);
}

/* Finishes a computation a view started with
 * quorum_compliance_compute_async(): the results, or %NULL after it was
 * cancelled (the view is left as it is, a newer computation is on its way)
 * or failed (the view is no longer busy and @widget shows the error as a
 * toast). */
GPtrArray *
quorum_compliance_compute_finish_shown (GAsyncResult *result,
                                        GtkWidget    *widget,
                                        gboolean     *busy,
                                        GtkSpinner   *spinner)
{
  return quorum_compliance_compute_then_finish_shown (result, widget, busy, spinner);
}

/* The same for quorum_compliance_compute_then_async(): what its @then made. */
gpointer
quorum_compliance_compute_then_finish_shown (GAsyncResult *result,
                                             GtkWidget    *widget,
                                             gboolean     *busy,
                                             GtkSpinner   *spinner)
{
  g_autoptr(GError) error = NULL;
  gpointer results = g_task_propagate_pointer (G_TASK (result), &error);

  if (results == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  quorum_set_busy (busy, spinner, FALSE);
  if (results == NULL)
    gtk_widget_activate_action (widget, "win.show-toast", "s", error->message);
  return results;
}

/* ---- The records behind a result ----------------------------------------- */

static char *
format_date_time_day (GDateTime *dt)
{
  GDate date;

  quorum_date_set_date_time (&date, dt);
  return quorum_period_format_date (&date);
}

static GtkWidget *
record_row (const char *title,
            const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL && *subtitle != '\0')
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* Finds what a result's id names: a personal record, an occurrence or a
 * leave request (the engine's ids are those of the facts it counted). */
static GtkWidget *
describe_record (QuorumStore            *store,
                 QuorumDuty             *duty,
                 QuorumComplianceResult *result,
                 GPtrArray              *records,
                 GPtrArray              *leaves,
                 gint64                  id)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;

  if (duty != NULL && quorum_duty_get_measure (duty) == QUORUM_MEASURE_NOTICE_DAYS)
    for (guint i = 0; leaves != NULL && i < leaves->len; i++)
      {
        QuorumLeave *leave = leaves->pdata[i];

        if (leave->id == id)
          {
            g_autofree char *start = quorum_period_format_date (leave->start);
            g_autofree char *end = quorum_period_format_date (leave->end);
            /* Translators: a leave request: from, to, destination */
            g_autofree char *title = g_strdup_printf (_("Leave %1$s – %2$s, %3$s"), start, end,
                                                      leave->destination ? leave->destination : "");

            return record_row (title, leave->reason);
          }
      }

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      QuorumRecord *record = records->pdata[i];

      if (record->id == id)
        {
          g_autofree char *date = quorum_period_format_date (record->date);
          g_autofree char *title = NULL;

          /* Translators: a personal record: its date, kind and days counted */
          title = g_strdup_printf (_("%1$s · %2$s · %3$g d"), date,
                                   quorum_kind_label (record->kind), record->days);
          return record_row (title, record->unannounced
                                    ? (record->note ? record->note : _("Unannounced"))
                                    : record->note);
        }
    }

  if ((occurrence = quorum_store_get_occurrence (store, id, NULL)) != NULL)
    {
      g_autofree char *date = format_date_time_day (quorum_occurrence_get_start (occurrence));
      g_autofree char *title = g_strdup_printf ("%s · %s", date, quorum_occurrence_get_title (occurrence));
      g_autofree char *sub = g_strdup_printf ("%s%s%s",
                                              quorum_occurrence_status_label (quorum_occurrence_get_status (occurrence)),
                                              quorum_occurrence_get_location (occurrence) ? " · " : "",
                                              quorum_occurrence_get_location (occurrence) ? quorum_occurrence_get_location (occurrence) : "");

      return record_row (title, sub);
    }

  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    /* Translators: a record that could not be found any more; %s is its number */
    g_autofree char *title = g_strdup_printf (_("Record no. %s"), number);

    return record_row (title, NULL);
  }
}

/**
 * quorum_records_popover_new:
 * @store: the store
 * @rulebook: the duties
 * @results: (element-type QuorumComplianceResult): the results of one cell
 *
 * Returns: (transfer floating): a popover listing, for every result, its
 *   status, explanation and the records that counted
 */
GtkWidget *
quorum_records_popover_new (QuorumStore    *store,
                            QuorumRulebook *rulebook,
                            GPtrArray      *results)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 340, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (popover, "records-popover");

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      QuorumComplianceResult *result = results->pdata[i];
      QuorumDuty *duty = quorum_rulebook_lookup (rulebook, quorum_compliance_result_get_duty_id (result));
      GArray *ids = quorum_compliance_result_get_record_ids (result);
      QuorumPeriod *period = quorum_compliance_result_get_period (result);
      g_autofree char *subject = quorum_compliance_result_dup_subject (result);
      g_autofree char *when = quorum_period_format (period);
      g_autofree char *heading = g_strdup_printf ("%s · %s · %s",
                                                  duty ? quorum_duty_get_title (duty)
                                                       : quorum_compliance_result_get_duty_id (result),
                                                  subject, when);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GPtrArray) leaves = NULL;
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (heading);
      GtkWidget *explanation = gtk_label_new (quorum_compliance_result_get_explanation (result));
      GtkWidget *list = gtk_list_box_new ();

      if (i > 0)
        gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), quorum_status_chip_new (quorum_compliance_result_get_status (result)));
      gtk_box_append (GTK_BOX (box), header);

      gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
      gtk_label_set_xalign (GTK_LABEL (explanation), 0);
      gtk_box_append (GTK_BOX (box), explanation);

      if (ids->len == 0)
        {
          GtkWidget *none = gtk_label_new (_("Nothing recorded for this yet."));

          gtk_label_set_xalign (GTK_LABEL (none), 0);
          gtk_widget_add_css_class (none, "dim-label");
          gtk_box_append (GTK_BOX (box), none);
          continue;
        }

      if (quorum_compliance_result_get_subject_kind (result) == QUORUM_SUBJECT_PERSON)
        {
          g_autoptr(GDate) last = g_date_copy (quorum_period_get_end (period));

          g_date_subtract_days (last, 1);
          records = quorum_store_list_records (store, quorum_compliance_result_get_subject_id (result),
                                              NULL, (GDate *)quorum_period_get_start (period), last,
                                              NULL);
          leaves = quorum_store_list_leaves (store, quorum_compliance_result_get_subject_id (result),
                                             NULL);
        }

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint k = 0; k < ids->len; k++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             describe_record (store, duty, result, records, leaves,
                                              g_array_index (ids, gint64, k)));
      gtk_box_append (GTK_BOX (box), list);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  return popover;
}

static gboolean
unparent_popover_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_records_popover_closed_cb (GtkPopover *popover)
{
  /* Not while it is still emitting its own signal. */
  g_idle_add (unparent_popover_cb, g_object_ref (popover));
}

/**
 * quorum_show_records_popover:
 * @parent: the widget to point from
 * @area: (nullable): where in @parent, or %NULL for all of it
 * @store: the store
 * @rulebook: the duties
 * @results: (element-type QuorumComplianceResult): the results to explain
 *
 * Pops up quorum_records_popover_new() on @parent; it goes away when closed.
 *
 * Returns: (transfer none): the popover
 */
GtkWidget *
quorum_show_records_popover (GtkWidget          *parent,
                             const GdkRectangle *area,
                             QuorumStore        *store,
                             QuorumRulebook     *rulebook,
                             GPtrArray          *results)
{
  GtkWidget *popover = quorum_records_popover_new (store, rulebook, results);

  gtk_widget_set_parent (popover, parent);
  if (area != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), area);
  g_signal_connect (popover, "closed", G_CALLBACK (on_records_popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  return popover;
}
