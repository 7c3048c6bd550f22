/* quorum-person-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-person-view"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-compliance-summary.h"
#include "quorum-gui-utils.h"
#include "quorum-obligations-utils.h"
#include "quorum-person-view.h"

/**
 * QuorumPersonView:
 *
 * One leader's own page: owed make-ups and leave at the top, then every
 * duty binding them for the current month, quarter, half year and year with
 * a progress bar, the status (colour and word), the time left, the engine's
 * explanation and the next scheduled event that would satisfy it, then the
 * required events of the next 14 days. The person is remembered in
 * GSettings (`obligations-person`). Evaluation runs in a worker thread.
 */

#define UPCOMING_DAYS 14

/* How many groups and rows one frame adds: a duty row with its wrapped
 * explanation takes a couple of milliseconds to measure, and a year's
 * group of them at once takes longer than a frame may. */
#define ROWS_PER_FRAME 3

typedef enum
{
  SECTION_MONTH,
  SECTION_QUARTER,
  SECTION_HALF_YEAR,
  SECTION_YEAR,
  N_SECTIONS
} Section;

struct _QuorumPersonView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwComboRow    *person_row;
  GtkStringList  *people;
  GtkSpinner     *spinner;
  AdwStatusPage  *empty_page;
  GtkBox         *sections;

  QuorumStore    *store;
  QuorumRulebook *rulebook;
  QuorumWorkdays *workdays;
  GSettings      *settings;
  GCancellable   *cancellable;
  GArray         *person_ids;
  GPtrArray      *results;
  GListModel     *upcoming;
  GListModel     *makeups;
  GPtrArray      *leaves;
  GPtrArray      *pending;
  GDate           today;           /* of the results on show */
  gint64          person_id;
  guint           n_rows;
  guint           n_upcoming;
  guint           append_tick;
  gboolean        filling;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (QuorumPersonView, quorum_person_view, GTK_TYPE_WIDGET)

static void compute (QuorumPersonView *self);

static Section
section_for (QuorumPeriodKind kind)
{
  switch (kind)
    {
    case QUORUM_PERIOD_WEEK:
    case QUORUM_PERIOD_FORTNIGHT:
    case QUORUM_PERIOD_MONTH:
      return SECTION_MONTH;
    case QUORUM_PERIOD_QUARTER:
      return SECTION_QUARTER;
    case QUORUM_PERIOD_HALF_YEAR:
      return SECTION_HALF_YEAR;
    case QUORUM_PERIOD_NONE:
    case QUORUM_PERIOD_YEAR:
    default:
      return SECTION_YEAR;
    }
}

static void
set_busy (QuorumPersonView *self,
          gboolean          busy)
{
  quorum_set_busy (&self->busy, self->spinner, busy);
}

/* What show_results() queued and is yet to be added: a group (@group
 * %NULL), or a row of @group, made already (@widget) or made from @result
 * when its turn comes. */
typedef struct
{
  GtkWidget              *widget;
  GtkWidget              *group;
  QuorumComplianceResult *result;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->widget);
  g_clear_object (&pending->group);
  g_clear_object (&pending->result);
  g_free (pending);
}

static GtkWidget *duty_row (QuorumPersonView       *self,
                            QuorumComplianceResult *result,
                            GListModel             *upcoming,
                            const GDate            *today);

/* Queues @group, then each of @rows (floating or not) to be added to it. */
static void
queue_group (QuorumPersonView *self,
             GtkWidget        *group,
             GPtrArray        *rows)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->widget = g_object_ref_sink (group);
  g_ptr_array_add (self->pending, pending);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      pending = g_new0 (Pending, 1);
      pending->widget = g_object_ref_sink (rows->pdata[i]);
      pending->group = g_object_ref (group);
      g_ptr_array_add (self->pending, pending);
    }
}

/* Queues a duty row of @group for each of @results, made when added: a
 * duty row takes about as long to make as to lay out, and making a
 * person's every row in the frame that got the results held it for long. */
static void
queue_duty_rows (QuorumPersonView *self,
                 GtkWidget        *group,
                 GPtrArray        *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      Pending *pending = g_new0 (Pending, 1);

      pending->result = g_object_ref (results->pdata[i]);
      pending->group = g_object_ref (group);
      g_ptr_array_add (self->pending, pending);
    }
}

/* The groups of a new result, and their rows, are added a few a frame:
 * laying out all the rows of a person at once takes longer than a frame
 * may. */
static void
append_pending (QuorumPersonView *self,
                guint             n)
{
  for (guint i = 0; i < n && self->pending->len > 0; i++)
    {
      Pending *pending = self->pending->pdata[0];

      if (pending->group == NULL)
        gtk_box_append (self->sections, pending->widget);
      else if (pending->widget != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (pending->group), pending->widget);
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (pending->group),
                                   duty_row (self, pending->result, self->upcoming, &self->today));
      g_ptr_array_remove_index (self->pending, 0);
    }
}

static gboolean
append_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  QuorumPersonView *self = QUORUM_PERSON_VIEW (widget);

  append_pending (self, ROWS_PER_FRAME);
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  self->append_tick = 0;
  set_busy (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void start_appending (QuorumPersonView *self);

/* Hidden halfway: the rest waits until the view is shown again, for a view
 * that is not on show is not measured (its stack is not homogeneous), and
 * all of it at once would then be measured in one frame. */
static void
quorum_person_view_unmap (GtkWidget *widget)
{
  QuorumPersonView *self = QUORUM_PERSON_VIEW (widget);

  if (self->append_tick != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->append_tick);
      self->append_tick = 0;
      set_busy (self, FALSE);
    }
  GTK_WIDGET_CLASS (quorum_person_view_parent_class)->unmap (widget);
}

static void
quorum_person_view_map (GtkWidget *widget)
{
  QuorumPersonView *self = QUORUM_PERSON_VIEW (widget);

  GTK_WIDGET_CLASS (quorum_person_view_parent_class)->map (widget);
  if (self->append_tick == 0 && self->pending->len > 0)
    start_appending (self);
}

static void
stop_appending (QuorumPersonView *self)
{
  if (self->append_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->append_tick);
  self->append_tick = 0;
  g_ptr_array_set_size (self->pending, 0);
}

/* Adds the groups of show_results() a few a frame while the view is on
 * show (busy until the last); while it is not, from when it is shown. */
static void
start_appending (QuorumPersonView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->pending->len == 0)
    return;
  set_busy (self, TRUE);
  /* Not in the frame that got the results: making their groups was its
   * share of the work. */
  self->append_tick = quorum_add_tick_callback_after_paint (GTK_WIDGET (self), append_tick_cb,
                                                            NULL, NULL);
}

static void
clear_sections (QuorumPersonView *self)
{
  GtkWidget *child;

  stop_appending (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
  self->n_rows = 0;
  self->n_upcoming = 0;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
on_duty_row_activated_cb (QuorumPersonView *self,
                          AdwActionRow     *row)
{
  QuorumComplianceResult *result = g_object_get_data (G_OBJECT (row), "result");
  g_autoptr(GPtrArray) results = g_ptr_array_new ();

  g_ptr_array_add (results, result);
  quorum_show_records_popover (GTK_WIDGET (row), NULL, self->store, self->rulebook, results);
}

/* "截止 11月30日，还剩 4 天" for what is still to do. */
static char *
dup_deadline (QuorumComplianceResult *result,
              const GDate            *today)
{
  QuorumComplianceStatus status = quorum_compliance_result_get_status (result);
  QuorumPeriod *period = quorum_compliance_result_get_period (result);
  g_autofree char *day = NULL;
  GDate last;
  int left;

  if (status != QUORUM_COMPLIANCE_OPEN && status != QUORUM_COMPLIANCE_AT_RISK)
    return NULL;
  if (quorum_period_get_kind (period) == QUORUM_PERIOD_NONE)
    return NULL;
  last = *quorum_period_get_end (period);
  g_date_subtract_days (&last, 1);
  day = quorum_period_format_date (&last);
  left = g_date_days_between (today, &last);
  if (left <= 0)
    /* Translators: the deadline of a duty that ends today */
    return g_strdup_printf (_("Due %s, today"), day);
  /* Translators: %1$s is a date, %2$d the number of days until then */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %1$s, %2$d day left",
                                       "Due %1$s, %2$d days left", left),
                          day, left);
}

/* The next scheduled event of @duty_id that falls in @period: one that would count. */
static QuorumOccurrence *
find_next_event (GListModel   *upcoming,
                 const char   *duty_id,
                 QuorumPeriod *period)
{
  for (guint i = 0; upcoming != NULL && i < g_list_model_get_n_items (upcoming); i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (upcoming, i);
      GDate day;

      quorum_occurrence_get_date (occurrence, &day);
      if (quorum_occurrence_get_status (occurrence) == QUORUM_OCCURRENCE_SCHEDULED &&
          g_strcmp0 (quorum_occurrence_get_duty_id (occurrence), duty_id) == 0 &&
          (quorum_period_get_kind (period) == QUORUM_PERIOD_NONE || quorum_period_contains (period, &day)))
        return g_steal_pointer (&occurrence);
    }
  return NULL;
}

static GtkWidget *
duty_row (QuorumPersonView       *self,
          QuorumComplianceResult *result,
          GListModel             *upcoming,
          const GDate            *today)
{
  QuorumDuty *duty = quorum_rulebook_lookup (self->rulebook, quorum_compliance_result_get_duty_id (result));
  g_autoptr(QuorumOccurrence) next = NULL;
  g_autoptr(GString) subtitle = g_string_new (quorum_compliance_result_get_explanation (result));
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *deadline = dup_deadline (result, today);
  g_autofree char *figures = quorum_compliance_result_format_figures (result, duty);
  g_autofree char *title = NULL;
  const char *unit = quorum_compliance_result_get_unit_label (result);
  double required = quorum_compliance_result_get_required (result, duty);
  double achieved = quorum_compliance_result_get_achieved (result);
  QuorumComplianceStatus status = quorum_compliance_result_get_status (result);
  GtkWidget *row, *box, *label, *bar;

  title = unit != NULL && *unit != '\0'
          ? g_strdup_printf ("%s · %s", duty ? quorum_duty_get_title (duty) : "", unit)
          : g_strdup (duty ? quorum_duty_get_title (duty) : quorum_compliance_result_get_duty_id (result));

  if (duty != NULL && quorum_duty_get_article (duty) > 0)
    /* Translators: the article of the policy text a duty comes from */
    g_string_append_printf (meta, _("Art. %d"), quorum_duty_get_article (duty));
  if (deadline != NULL)
    g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", deadline);
  if (status != QUORUM_COMPLIANCE_MET &&
      (next = find_next_event (upcoming, quorum_compliance_result_get_duty_id (result),
                               quorum_compliance_result_get_period (result))) != NULL)
    {
      GDate day;
      g_autofree char *when = NULL;

      quorum_occurrence_get_date (next, &day);
      when = quorum_period_format_date (&day);
      /* Translators: the next scheduled event that would count for a duty: its date and title */
      g_string_append_printf (meta, "%s", meta->len ? " · " : "");
      g_string_append_printf (meta, _("Next: %1$s %2$s"), when, quorum_occurrence_get_title (next));
    }
  if (meta->len > 0)
    g_string_append_printf (subtitle, "\n%s", meta->str);

  row = new_row (title, subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "result", g_object_ref (result), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_duty_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new (figures);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  bar = gtk_progress_bar_new ();
  gtk_widget_set_size_request (bar, 110, -1);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                 required > 0 ? CLAMP (achieved / required, 0, 1)
                                              : status == QUORUM_COMPLIANCE_MET ? 1 : 0);
  gtk_widget_add_css_class (bar, quorum_supervision_css_class (quorum_compliance_status_to_colour (status)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, figures, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), quorum_status_chip_new (status));

  self->n_rows++;
  return row;
}

static void
add_now_group (QuorumPersonView *self,
               GListModel       *makeups,
               GPtrArray        *leaves,
               const GDate      *today)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; makeups != NULL && i < g_list_model_get_n_items (makeups); i++)
    {
      g_autoptr(QuorumAttendance) a = g_list_model_get_item (makeups, i);
      g_autofree char *day = NULL;
      g_autofree char *subtitle = NULL;
      GDate date;
      GtkWidget *row, *icon;

      quorum_date_set_date_time (&date, quorum_attendance_get_occurrence_start (a));
      day = quorum_period_format_date (&date);
      /* Translators: an owed make-up (补学): the day of the missed session */
      subtitle = g_strdup_printf (_("Missed on %s: a make-up study is owed"), day);
      row = new_row (quorum_attendance_get_occurrence_title (a), subtitle);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "status-red");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; leaves != NULL && i < leaves->len; i++)
    {
      QuorumLeave *leave = leaves->pdata[i];
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (g_date_compare (leave->end, today) < 0)
        continue;
      start = quorum_period_format_date (leave->start);
      end = quorum_period_format_date (leave->end);
      title = g_date_compare (leave->start, today) <= 0
              /* Translators: a current leave: its last day and destination */
              ? g_strdup_printf (_("On leave until %1$s (%2$s)"), end, leave->destination)
              /* Translators: an upcoming leave: first and last day, destination */
              : g_strdup_printf (_("Leave %1$s – %2$s (%3$s)"), start, end, leave->destination);
      row = new_row (title, leave->reason);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("find-location-symbolic"));
      g_ptr_array_add (rows, row);
    }

  /* Nothing to catch up: no group. */
  if (rows->len > 0)
    queue_group (self, new_group (_("To Catch Up"), NULL), rows);
}

static void
add_upcoming_group (QuorumPersonView *self,
                    GListModel       *upcoming,
                    GDateTime        *until)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; upcoming != NULL && i < g_list_model_get_n_items (upcoming); i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (upcoming, i);
      g_autofree char *day = NULL;
      g_autofree char *time = NULL;
      g_autofree char *subtitle = NULL;
      const char *location = quorum_occurrence_get_location (occurrence);
      GtkWidget *row, *chip;
      GDate date;

      if (g_date_time_compare (quorum_occurrence_get_start (occurrence), until) >= 0)
        break;
      /* What is required: sessions that serve a duty. A busy office's
       * routine meetings would bury them (and cost a row each). */
      if (quorum_occurrence_get_status (occurrence) == QUORUM_OCCURRENCE_CANCELLED ||
          quorum_occurrence_get_duty_id (occurrence) == NULL)
        continue;
      quorum_occurrence_get_date (occurrence, &date);
      day = quorum_format_day (&date);
      time = quorum_format_time_range (occurrence);
      subtitle = location != NULL && *location != '\0'
                 ? g_strdup_printf ("%s %s · %s", day, time, location)
                 : g_strdup_printf ("%s %s", day, time);
      row = new_row (quorum_occurrence_get_title (occurrence), subtitle);
      chip = gtk_label_new (quorum_kind_label (quorum_occurrence_get_kind (occurrence)));
      gtk_widget_add_css_class (chip, "kind-chip");
      gtk_widget_add_css_class (chip, quorum_kind_css_class (quorum_occurrence_get_kind (occurrence)));
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
      g_ptr_array_add (rows, row);
    }
  self->n_upcoming = rows->len;
  if (rows->len == 0)
    g_ptr_array_add (rows, new_row (_("Nothing required in the next 14 days"), NULL));
  queue_group (self, new_group (_("Next 14 Days"), NULL), rows);
}

static void
show_results (QuorumPersonView *self)
{
  static const char *titles[] = {
    N_("This Month"), N_("This Quarter"), N_("This Half Year"), N_("This Year"),
  };
  static const QuorumPeriodKind kinds[] = {
    QUORUM_PERIOD_MONTH, QUORUM_PERIOD_QUARTER, QUORUM_PERIOD_HALF_YEAR, QUORUM_PERIOD_YEAR,
  };
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  GListModel *upcoming = self->upcoming;
  GPtrArray *results[N_SECTIONS];

  clear_sections (self);
  if (self->results == NULL || self->person_id == 0)
    return;

  quorum_store_get_today (self->store, &self->today);
  from = quorum_date_to_date_time (&self->today);
  until = g_date_time_add_days (from, UPCOMING_DAYS);

  add_now_group (self, self->makeups, self->leaves, &self->today);

  for (guint s = 0; s < N_SECTIONS; s++)
    results[s] = g_ptr_array_new ();

  for (guint i = 0; i < self->results->len; i++)
    {
      QuorumComplianceResult *r = self->results->pdata[i];

      g_ptr_array_add (results[section_for (quorum_period_get_kind (quorum_compliance_result_get_period (r)))], r);
    }

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_autoptr(QuorumPeriod) period = quorum_period_for_date (kinds[s], &self->today, NULL);
      g_autofree char *name = quorum_period_format (period);
      GtkWidget *group = new_group (_(titles[s]), name);

      /* A section with no duty says so rather than vanishing. */
      if (results[s]->len == 0)
        {
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();

          g_ptr_array_add (rows, new_row (_("No duty for this period"), NULL));
          queue_group (self, group, rows);
        }
      else
        {
          queue_group (self, group, NULL);
          queue_duty_rows (self, group, results[s]);
        }
      g_ptr_array_unref (results[s]);
    }

  add_upcoming_group (self, upcoming, until);
  start_appending (self);
}

/* What the worker is asked for, and what it reads for the view. */
typedef struct
{
  gint64      person_id;
  GDate       today;
  GPtrArray  *results;
  GListModel *upcoming;
  GListModel *makeups;
  GPtrArray  *leaves;
} PersonLoad;

static void
person_load_free (PersonLoad *load)
{
  g_clear_pointer (&load->results, g_ptr_array_unref);
  g_clear_object (&load->upcoming);
  g_clear_object (&load->makeups);
  g_clear_pointer (&load->leaves, g_ptr_array_unref);
  g_free (load);
}

/* The person's results whose period contains today (or, per event, the year's). */
static GPtrArray *
pick_results (GPtrArray   *all,
              gint64       person_id,
              const GDate *today)
{
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      QuorumComplianceResult *r = all->pdata[i];

      if (quorum_compliance_result_get_subject_kind (r) != QUORUM_SUBJECT_PERSON ||
          quorum_compliance_result_get_subject_id (r) != person_id ||
          !quorum_period_contains (quorum_compliance_result_get_period (r), today))
        continue;
      g_ptr_array_add (mine, g_object_ref (r));
    }
  return mine;
}

/* In the worker, with its own connection: everything the person's groups
 * are made of, so that the frame that gets it only makes rows. */
static gpointer
load_person_cb (QuorumStore *store,
                GPtrArray   *all,
                gpointer     data)
{
  const PersonLoad *query = data;
  PersonLoad *load = g_new0 (PersonLoad, 1);
  g_autoptr(GDateTime) from = quorum_date_to_date_time (&query->today);
  g_autoptr(GDateTime) year_end = g_date_time_add_years (from, 1);
  QuorumOccurrenceFilter filter = { 0 };

  load->person_id = query->person_id;
  load->today = query->today;
  load->results = pick_results (all, query->person_id, &query->today);
  filter.person_id = query->person_id;
  /* A year of required sessions for the next one of each duty: no roll
   * counts, no routine meetings. */
  filter.without_counts = TRUE;
  filter.duties_only = TRUE;
  load->upcoming = quorum_store_list_occurrences (store, from, year_end, &filter, NULL);
  load->makeups = quorum_store_list_owed_makeups (store, query->person_id, NULL);
  load->leaves = quorum_store_list_leaves (store, query->person_id, NULL);
  return load;
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(QuorumPersonView) self = user_data;
  PersonLoad *load;

  if (!(load = quorum_compliance_compute_then_finish_shown (result, GTK_WIDGET (self), &self->busy,
                                                            self->spinner)))
    return;
  /* Someone else was chosen meanwhile (and is evaluated when the list
   * has them): what was read for the one before is not shown for them. */
  if (load->person_id != self->person_id)
    {
      person_load_free (load);
      return;
    }
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->makeups);
  g_clear_pointer (&self->leaves, g_ptr_array_unref);
  self->results = g_steal_pointer (&load->results);
  self->upcoming = g_steal_pointer (&load->upcoming);
  self->makeups = g_steal_pointer (&load->makeups);
  self->leaves = g_steal_pointer (&load->leaves);
  person_load_free (load);
  show_results (self);
}

static void
compute (QuorumPersonView *self)
{
  g_autoptr(QuorumPeriod) year = NULL;
  PersonLoad *query;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_appending (self);
  if (self->store == NULL || self->rulebook == NULL || self->person_id == 0)
    {
      g_clear_pointer (&self->results, g_ptr_array_unref);
      clear_sections (self);
      set_busy (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  query = g_new0 (PersonLoad, 1);
  query->person_id = self->person_id;
  quorum_store_get_today (self->store, &query->today);
  year = quorum_period_for_date (QUORUM_PERIOD_YEAR, &query->today, NULL);
  set_busy (self, TRUE);
  quorum_compliance_compute_then_async (self->store, self->rulebook, self->workdays, year,
                                        &query->today, load_person_cb, query,
                                        (GDestroyNotify)person_load_free,
                                        (GDestroyNotify)person_load_free, self->cancellable,
                                        on_computed_cb, g_object_ref (self));
}

static void
fill_people (QuorumPersonView *self)
{
  g_autoptr(GListModel) people = NULL;
  gint64 wanted = self->person_id ? self->person_id : g_settings_get_int64 (self->settings, "obligations-person");
  guint selected = 0;
  guint n;

  self->filling = TRUE;
  g_array_set_size (self->person_ids, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  gtk_string_list_splice (self->people, 0, n, NULL);
  if (self->store != NULL)
    people = quorum_store_list_people (self->store, FALSE, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      gint64 id = quorum_person_get_id (person);
      const char *title = quorum_person_get_title (person);
      g_autofree char *label = title != NULL && *title != '\0'
                               ? g_strdup_printf ("%s（%s）", quorum_person_get_name (person), title)
                               : g_strdup (quorum_person_get_name (person));

      g_array_append_val (self->person_ids, id);
      gtk_string_list_append (self->people, label);
      if (id == wanted)
        selected = i;
    }
  self->person_id = self->person_ids->len ? g_array_index (self->person_ids, gint64, selected) : 0;
  adw_combo_row_set_selected (self->person_row, self->person_ids->len ? selected : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), self->person_ids->len == 0);
}

static void
on_person_row_selected_cb (QuorumPersonView *self,
                           GParamSpec       *pspec,
                           AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= self->person_ids->len)
    return;
  if (self->person_id == g_array_index (self->person_ids, gint64, selected))
    return;
  self->person_id = g_array_index (self->person_ids, gint64, selected);
  g_settings_set_int64 (self->settings, "obligations-person", self->person_id);
  /* The previous person's obligations are not shown under this one's name
   * while theirs are computed, nor laid out again: the frame that shows
   * the view with a new person (the Dashboard's "see the person" link) was
   * the longest in evaluating one. */
  g_clear_pointer (&self->results, g_ptr_array_unref);
  clear_sections (self);
  compute (self);
}

static void
quorum_person_view_dispose (GObject *object)
{
  QuorumPersonView *self = (QuorumPersonView *)object;

  g_cancellable_cancel (self->cancellable);
  stop_appending (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PERSON_VIEW);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->workdays);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->makeups);
  g_clear_pointer (&self->leaves, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_person_view_parent_class)->dispose (object);
}

static void
quorum_person_view_finalize (GObject *object)
{
  QuorumPersonView *self = (QuorumPersonView *)object;

  g_array_unref (self->person_ids);
  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (quorum_person_view_parent_class)->finalize (object);
}

static void
quorum_person_view_class_init (QuorumPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_person_view_dispose;
  object_class->finalize = quorum_person_view_finalize;
  widget_class->map = quorum_person_view_map;
  widget_class->unmap = quorum_person_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/obligations/quorum-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonView, person_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonView, people);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonView, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonView, sections);
  gtk_widget_class_bind_template_callback (widget_class, on_person_row_selected_cb);
}

static void
quorum_person_view_init (QuorumPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_free);
  self->settings = g_settings_new (APP_ID);
  set_busy (self, FALSE);
}

/**
 * quorum_person_view_set_context:
 * @self: a person view
 * @store: (nullable): the store
 * @rulebook: (nullable): the duties
 * @workdays: (nullable): the holiday calendar
 *
 * Sets what the view shows; quorum_person_view_reload() shows it.
 */
void
quorum_person_view_set_context (QuorumPersonView *self,
                                QuorumStore      *store,
                                QuorumRulebook   *rulebook,
                                QuorumWorkdays   *workdays)
{
  g_return_if_fail (QUORUM_IS_PERSON_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->rulebook, rulebook);
  g_set_object (&self->workdays, workdays);
}

/**
 * quorum_person_view_reload:
 * @self: a person view
 *
 * Reads the people again and evaluates the chosen one's duties.
 */
void
quorum_person_view_reload (QuorumPersonView *self)
{
  g_return_if_fail (QUORUM_IS_PERSON_VIEW (self));

  fill_people (self);
  compute (self);
}

gint64
quorum_person_view_get_person (QuorumPersonView *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON_VIEW (self), 0);
  return self->person_id;
}

/**
 * quorum_person_view_set_person:
 * @self: a person view
 * @person_id: a person of the store
 *
 * Shows @person_id's duties (as choosing them in the list does).
 */
void
quorum_person_view_set_person (QuorumPersonView *self,
                               gint64            person_id)
{
  g_return_if_fail (QUORUM_IS_PERSON_VIEW (self));

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      {
        adw_combo_row_set_selected (self->person_row, i);
        return;
      }
  /* Not loaded yet: the next reload picks them. */
  self->person_id = person_id;
}

gboolean
quorum_person_view_get_busy (QuorumPersonView *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON_VIEW (self), FALSE);
  return self->busy;
}

/**
 * quorum_person_view_get_results:
 * @self: a person view
 *
 * Returns: (transfer none) (nullable) (element-type QuorumComplianceResult):
 *   the results on show, one row each
 */
GPtrArray *
quorum_person_view_get_results (QuorumPersonView *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON_VIEW (self), NULL);
  return self->results;
}

guint
quorum_person_view_get_n_rows (QuorumPersonView *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON_VIEW (self), 0);
  return self->n_rows;
}

/**
 * quorum_person_view_get_n_upcoming:
 * @self: a #QuorumPersonView
 *
 * Returns: how many required sessions the "Next 14 Days" group lists
 */
guint
quorum_person_view_get_n_upcoming (QuorumPersonView *self)
{
  g_return_val_if_fail (QUORUM_IS_PERSON_VIEW (self), 0);
  return self->n_upcoming;
}
