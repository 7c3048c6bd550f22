/* quorum-month-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-caldav-overlay.h"
#include "quorum-gui-utils.h"
#include "quorum-month-view-private.h"
#include "quorum-occurrence.h"

#define N_ROWS 6
#define N_CELLS (N_ROWS * 7)
/* g_date_get_julian() of 1 January 1970, the Unix epoch. */
#define JULIAN_1970_01_01 719163

/**
 * QuorumMonthView:
 *
 * A month as a grid of weeks that always start on Monday, with ISO week
 * numbers, the events of each day as chips, and 休/班 badges from a
 * #QuorumDayInfoFunc. It shows the occurrences of its #GListModel that fall
 * in the grid, and says which span that is with #QuorumMonthView::range-changed
 * so that its owner can fill the model with a range query.
 *
 * The 42 day cells are made once; a month switch only updates them.
 */
struct _QuorumMonthView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkWidget         *content;
  GtkBox            *weekday_box;
  GtkBox            *rows_box;
  GtkPopover        *popover;
  GtkWidget         *chip_styles[2];  /* QuorumMonthChipStyles: this month's days, others' */
  GtkLabel          *popover_title;
  GtkListBox        *day_list;

  GtkWidget         *weekday_labels[7];
  GtkWidget         *rows[N_ROWS];
  GtkWidget         *week_labels[N_ROWS];
  QuorumMonthCell   *cells[N_CELLS];

  GListModel        *model;

  GDate              selected;
  GDate              month;       /* the first of the month on show */
  GDate              grid_start;  /* the Monday of the first row */
  GDate              today;
  guint              n_rows;

  /* The properties as GDateTime, kept so that getters can return them borrowed */
  GDateTime         *selected_dt;
  GDateTime         *month_dt;
  GDateTime         *today_dt;
  GDateTime         *visible_start;
  GDateTime         *visible_end;

  /* Set while the owner is told of a new span: a model it sets meanwhile
   * places the events, and the old model's are not placed first. */
  gboolean           events_stale;

  QuorumDayInfoFunc  day_info_func;
  gpointer           day_info_data;
  GDestroyNotify     day_info_destroy;

  /* Events of each day of the grid the model leaves out, and who lists a
   * whole day for the popover then. */
  GArray            *hidden;
  QuorumMonthDayFunc day_func;
  gpointer           day_data;
  GDestroyNotify     day_destroy;
};

G_DEFINE_FINAL_TYPE (QuorumMonthView, quorum_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_DATE,
  PROP_MONTH,
  PROP_TODAY,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  N_PROPS
};

enum {
  RANGE_CHANGED,
  OCCURRENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_date_time (GDateTime   **field,
               const GDate  *date)
{
  g_clear_pointer (field, g_date_time_unref);
  *field = quorum_date_to_date_time (date);
}

static int
cell_index (QuorumMonthView *self,
            const GDate     *date)
{
  int i = (int)g_date_get_julian (date) - (int)g_date_get_julian (&self->grid_start);

  return i >= 0 && i < (int)(self->n_rows * 7) ? i : -1;
}

static QuorumMonthCellFlags
cell_flags (QuorumMonthView *self,
            const GDate     *date)
{
  QuorumMonthCellFlags flags = 0;

  if (g_date_get_month (date) != g_date_get_month (&self->month))
    flags |= QUORUM_MONTH_CELL_OTHER_MONTH;
  if (g_date_compare (date, &self->today) == 0)
    flags |= QUORUM_MONTH_CELL_TODAY;
  if (g_date_compare (date, &self->selected) == 0)
    flags |= QUORUM_MONTH_CELL_SELECTED;

  return flags;
}

/* The day numbers, badges and week numbers; not the events. */
static void
update_days (QuorumMonthView *self)
{
  for (guint row = 0; row < N_ROWS; row++)
    {
      GDate monday = self->grid_start;
      char week[8];

      g_date_add_days (&monday, row * 7);
      g_snprintf (week, sizeof week, "%u", g_date_get_iso8601_week_of_year (&monday));
      gtk_label_set_text (GTK_LABEL (self->week_labels[row]), week);
      gtk_widget_set_visible (self->rows[row], row < self->n_rows);
    }

  for (guint i = 0; i < self->n_rows * 7; i++)
    {
      g_autofree char *name = NULL;
      QuorumDayMark mark = QUORUM_DAY_MARK_NONE;
      GDate date = self->grid_start;

      g_date_add_days (&date, i);
      if (self->day_info_func != NULL)
        mark = self->day_info_func (&date, &name, self->day_info_data);
      quorum_month_cell_set_day (self->cells[i], &date, cell_flags (self, &date), mark, name);
    }
}

/* The Julian day (as #GDate counts) of @date_time in its own time zone, and
 * whether it is midnight there: the same as g_date_time_get_ymd() and
 * g_date_set_dmy() give, at a fraction of their cost per event. */
static int
local_julian (GDateTime *date_time,
              gboolean  *midnight)
{
  gint64 local = g_date_time_to_unix (date_time)
                 + g_date_time_get_utc_offset (date_time) / G_USEC_PER_SEC;
  gint64 days = local >= 0 ? local / 86400 : (local - 86399) / 86400;

  if (midnight != NULL)
    *midnight = local == days * 86400 && g_date_time_get_microsecond (date_time) == 0;

  return (int)(days + JULIAN_1970_01_01);
}

/* Puts each occurrence in the cells of the days it covers. */
static void
update_events (QuorumMonthView *self)
{
  guint n_cells = self->n_rows * 7;
  int grid_start = (int)g_date_get_julian (&self->grid_start);
  guint n_items;

  self->events_stale = FALSE;
  for (guint i = 0; i < N_CELLS; i++)
    g_ptr_array_set_size (quorum_month_cell_get_occurrences (self->cells[i]), 0);

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (self->model, i);
      GDateTime *start = quorum_occurrence_get_start (occurrence);
      GDateTime *end = quorum_occurrence_get_end (occurrence);
      int from, to;

      from = local_julian (start, NULL) - grid_start;
      to = from;
      if (g_date_time_compare (end, start) > 0)
        {
          gboolean midnight;

          /* The end is exclusive: an event ending at midnight ends the day
           * before (the day of its last microsecond, in its time zone). */
          to = local_julian (end, &midnight) - grid_start;
          if (midnight)
            to--;
          to = MAX (to, from);
        }
      for (int j = MAX (from, 0); j <= to && j < (int)n_cells; j++)
        g_ptr_array_add (quorum_month_cell_get_occurrences (self->cells[j]),
                         g_object_ref (occurrence));
    }

  for (guint i = 0; i < n_cells; i++)
    {
      quorum_month_cell_set_n_hidden (self->cells[i],
                                      self->hidden != NULL && i < self->hidden->len
                                        ? g_array_index (self->hidden, guint, i) : 0);
      quorum_month_cell_update_occurrences (self->cells[i]);
    }
}

/* The grid of the month of @month (its first day): the Monday it starts
 * with and its number of weeks. */
static void
get_grid (const GDate *month,
          GDate       *grid_start,
          guint       *n_rows)
{
  /* Weeks start on Monday whatever the locale (G_DATE_MONDAY is 1). */
  *grid_start = *month;
  g_date_subtract_days (grid_start, g_date_get_weekday (month) - G_DATE_MONDAY);
  *n_rows = (g_date_get_weekday (month) - G_DATE_MONDAY
             + g_date_get_days_in_month (g_date_get_month (month), g_date_get_year (month))
             + 6) / 7;
  *n_rows = CLAMP (*n_rows, 5, N_ROWS);
}

static void
show_month (QuorumMonthView *self)
{
  GDate grid_start;
  GDate grid_end;
  guint n_rows;
  gboolean range_changed;

  get_grid (&self->month, &grid_start, &n_rows);

  range_changed = !g_date_valid (&self->grid_start)
                  || g_date_compare (&grid_start, &self->grid_start) != 0
                  || n_rows != self->n_rows;
  self->grid_start = grid_start;
  self->n_rows = n_rows;

  update_days (self);

  if (!range_changed)
    {
      update_events (self);
      return;
    }

  grid_end = grid_start;
  g_date_add_days (&grid_end, n_rows * 7);
  set_date_time (&self->visible_start, &grid_start);
  set_date_time (&self->visible_end, &grid_end);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);

  /* The owner usually answers with a new model for the new span, which
   * places the events: placing the old model's first would be wasted. */
  self->events_stale = TRUE;
  g_signal_emit (self, signals[RANGE_CHANGED], 0, self->visible_start, self->visible_end);
  if (self->events_stale)
    update_events (self);
}

static void
select_date (QuorumMonthView *self,
             const GDate     *date)
{
  int old_index, new_index;

  if (!g_date_valid (date) || g_date_compare (date, &self->selected) == 0)
    return;

  gtk_popover_popdown (self->popover);

  old_index = cell_index (self, &self->selected);
  self->selected = *date;
  set_date_time (&self->selected_dt, date);

  if (g_date_get_month (date) != g_date_get_month (&self->month)
      || g_date_get_year (date) != g_date_get_year (&self->month))
    {
      g_date_set_dmy (&self->month, 1, g_date_get_month (date), g_date_get_year (date));
      set_date_time (&self->month_dt, &self->month);
      show_month (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
    }
  else
    {
      new_index = cell_index (self, date);
      if (old_index >= 0)
        quorum_month_cell_set_selected (self->cells[old_index], FALSE);
      if (new_index >= 0)
        quorum_month_cell_set_selected (self->cells[new_index], TRUE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/* Every event of @cell's day: the cell's own, or when the model left some
 * out, the day as the owner lists it, with the cell's events from other
 * calendars. */
static GPtrArray *
dup_day_occurrences (QuorumMonthView *self,
                     QuorumMonthCell *cell)
{
  GPtrArray *own = quorum_month_cell_get_occurrences (cell);
  g_autoptr(GListModel) day = NULL;
  GPtrArray *all;

  if (quorum_month_cell_get_n_hidden (cell) == 0 || self->day_func == NULL ||
      (day = self->day_func (quorum_month_cell_get_date (cell), self->day_data)) == NULL)
    return g_ptr_array_ref (own);

  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (day); i++)
    g_ptr_array_add (all, g_list_model_get_item (day, i));
  for (guint i = 0; i < own->len; i++)
    if (quorum_occurrence_is_external (g_ptr_array_index (own, i)))
      g_ptr_array_add (all, g_object_ref (g_ptr_array_index (own, i)));
  g_ptr_array_sort (all, quorum_month_cell_compare);
  return all;
}

static void
fill_day_list (QuorumMonthView *self,
               QuorumMonthCell *cell)
{
  g_autoptr(GPtrArray) occurrences = dup_day_occurrences (self, cell);
  g_autofree char *title = quorum_format_day (quorum_month_cell_get_date (cell));
  GtkWidget *child;

  gtk_label_set_text (self->popover_title, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_list))) != NULL)
    gtk_list_box_remove (self->day_list, child);

  for (guint i = 0; i < occurrences->len; i++)
    {
      QuorumOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      const char *location = quorum_occurrence_get_location (occurrence);
      const char *name = quorum_occurrence_get_title (occurrence);
      g_autofree char *times = quorum_format_time_range (occurrence);
      g_autofree char *details = NULL;
      GtkWidget *row, *box, *bar, *text, *label;

      if (location != NULL && *location != '\0')
        details = g_strdup_printf ("%s · %s · %s", times, location,
                                   quorum_occurrence_status_label (quorum_occurrence_get_status (occurrence)));
      else
        details = g_strdup_printf ("%s · %s", times,
                                   quorum_occurrence_status_label (quorum_occurrence_get_status (occurrence)));

      row = gtk_list_box_row_new ();
      g_object_set_data_full (G_OBJECT (row), "occurrence", g_object_ref (occurrence),
                              g_object_unref);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (bar, "kind-bar");
      gtk_widget_add_css_class (bar, quorum_kind_css_class (quorum_occurrence_get_kind (occurrence)));
      gtk_box_append (GTK_BOX (box), bar);

      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      label = gtk_label_new (name != NULL && *name != '\0' ? name : _("Untitled"));
      if (quorum_occurrence_get_status (occurrence) == QUORUM_OCCURRENCE_CANCELLED)
        gtk_widget_add_css_class (label, "cancelled");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (GTK_BOX (text), label);

      label = gtk_label_new (details);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);

      gtk_box_append (GTK_BOX (box), text);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->day_list, row);
    }
}

static void
open_cell (QuorumMonthView *self,
           QuorumMonthCell *cell)
{
  graphene_rect_t bounds;

  fill_day_list (self, cell);

  if (gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->popover,
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (self->popover);
}

static void
on_day_list_row_activated_cb (QuorumMonthView *self,
                              GtkListBoxRow   *row,
                              GtkListBox      *list)
{
  QuorumOccurrence *occurrence = g_object_get_data (G_OBJECT (row), "occurrence");

  g_assert (QUORUM_IS_OCCURRENCE (occurrence));

  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, occurrence);
}

static void
on_model_items_changed_cb (QuorumMonthView *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  update_events (self);
}

/* The cells keep their drawings until told: new CSS for chips alone would
 * not redraw them. */
static void
on_chip_styles_changed_cb (QuorumMonthView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    if (self->cells[i] != NULL)
      gtk_widget_queue_draw (GTK_WIDGET (self->cells[i]));
}

static void
on_click_released_cb (QuorumMonthView *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *w;
  QuorumMonthCell *cell;
  QuorumOccurrence *occurrence = NULL;
  double cell_x, cell_y;
  GDate date;

  for (w = picked; w != NULL && !QUORUM_IS_MONTH_CELL (w); w = gtk_widget_get_parent (w))
    ;
  if (w == NULL)
    return;

  cell = QUORUM_MONTH_CELL (w);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* The cell draws its chips itself: it tells which is where. */
  if (gtk_widget_translate_coordinates (GTK_WIDGET (self), w, x, y, &cell_x, &cell_y))
    occurrence = quorum_month_cell_get_occurrence_at (cell, cell_x, cell_y);
  if (occurrence != NULL)
    {
      g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, occurrence);
      return;
    }

  /* The cell may be another month's: selecting it turns the page first. */
  date = *quorum_month_cell_get_date (cell);
  select_date (self, &date);
  quorum_month_view_open_day (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);
  GDate date = self->selected;

  g_date_subtract_months (&date, 1);
  select_date (self, &date);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);
  GDate date = self->selected;

  g_date_add_months (&date, 1);
  select_date (self, &date);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);

  select_date (self, &self->today);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);
  int days = g_variant_get_int32 (param);
  GDate date = self->selected;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL && (days == 1 || days == -1))
    days = -days;

  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  select_date (self, &date);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  quorum_month_view_open_day (QUORUM_MONTH_VIEW (widget));
}

static void
quorum_month_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);

  gtk_widget_measure (self->content, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
quorum_month_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);

  gtk_widget_allocate (self->content, width, height, baseline, NULL);
  /* Never drawn: the chips' looks, each prototype at its own size. */
  for (guint i = 0; i < G_N_ELEMENTS (self->chip_styles); i++)
    gtk_widget_allocate (self->chip_styles[i], 0, 0, -1, NULL);
  gtk_popover_present (self->popover);
}

static void
quorum_month_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (widget);

  /* Not the chips' looks: they are drawn through the cells. The popover
   * draws itself. */
  gtk_widget_snapshot_child (widget, self->content, snapshot);
}

static void
quorum_month_view_dispose (GObject *object)
{
  QuorumMonthView *self = (QuorumMonthView *)object;
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);
  if (self->day_info_destroy != NULL)
    g_clear_pointer (&self->day_info_data, self->day_info_destroy);
  self->day_info_func = NULL;
  if (self->day_destroy != NULL)
    g_clear_pointer (&self->day_data, self->day_destroy);
  self->day_func = NULL;
  g_clear_pointer (&self->hidden, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_MONTH_VIEW);
  /* The cells went with the template; the chips' looks, going next, must
   * not ask them to redraw. */
  memset (self->cells, 0, sizeof self->cells);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->chip_styles, 0, sizeof self->chip_styles);

  G_OBJECT_CLASS (quorum_month_view_parent_class)->dispose (object);
}

static void
quorum_month_view_finalize (GObject *object)
{
  QuorumMonthView *self = (QuorumMonthView *)object;

  g_clear_pointer (&self->selected_dt, g_date_time_unref);
  g_clear_pointer (&self->month_dt, g_date_time_unref);
  g_clear_pointer (&self->today_dt, g_date_time_unref);
  g_clear_pointer (&self->visible_start, g_date_time_unref);
  g_clear_pointer (&self->visible_end, g_date_time_unref);

  G_OBJECT_CLASS (quorum_month_view_parent_class)->finalize (object);
}

static void
quorum_month_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->selected_dt);
      break;
    case PROP_MONTH:
      g_value_set_boxed (value, self->month_dt);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, self->today_dt);
      break;
    case PROP_VISIBLE_START:
      g_value_set_boxed (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_boxed (value, self->visible_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_month_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumMonthView *self = QUORUM_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      quorum_month_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      quorum_month_view_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_TODAY:
      quorum_month_view_set_today (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_month_view_class_init (QuorumMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_month_view_dispose;
  object_class->finalize = quorum_month_view_finalize;
  object_class->get_property = quorum_month_view_get_property;
  object_class->set_property = quorum_month_view_set_property;
  widget_class->measure = quorum_month_view_measure;
  widget_class->size_allocate = quorum_month_view_size_allocate;
  widget_class->snapshot = quorum_month_view_snapshot;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONTH] =
    g_param_spec_boxed ("month", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_START] =
    g_param_spec_boxed ("visible-start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_END] =
    g_param_spec_boxed ("visible-end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumMonthView::range-changed:
   * @self: the view
   * @start: the first day on show, at midnight
   * @end: the end of the last day on show (exclusive)
   *
   * The grid now shows other days: the owner should refill the model.
   */
  signals[RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_DATE_TIME | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_DATE_TIME | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_OCCURRENCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/views/quorum-month-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumMonthView, content);
  gtk_widget_class_bind_template_child (widget_class, QuorumMonthView, weekday_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumMonthView, rows_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumMonthView, popover);
  gtk_widget_class_bind_template_child (widget_class, QuorumMonthView, popover_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumMonthView, day_list);
  gtk_widget_class_bind_template_callback (widget_class, on_day_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "month.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "month.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "month.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "month.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "month.open", NULL, open_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "month.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "month.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "month.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "month.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "month.move", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "month.move", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "month.move", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "month.move", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "month.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "month.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "month.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "month.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "month.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "month.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "month.open", NULL);

  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
quorum_month_view_init (QuorumMonthView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (quorum_weekday_short_name (G_DATE_MONDAY + i));
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_box_append (self->weekday_box, self->weekday_labels[i]);
    }

  /* Before the cells, which draw their chips in these looks. */
  for (guint i = 0; i < G_N_ELEMENTS (self->chip_styles); i++)
    {
      self->chip_styles[i] = quorum_month_chip_styles_new (i == 1);
      gtk_widget_set_parent (self->chip_styles[i], GTK_WIDGET (self));
      g_signal_connect_object (self->chip_styles[i], "changed",
                               G_CALLBACK (on_chip_styles_changed_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint row = 0; row < N_ROWS; row++)
    {
      GtkWidget *days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      self->rows[row] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (self->rows[row], "week");
      self->week_labels[row] = gtk_label_new (NULL);
      gtk_widget_set_valign (self->week_labels[row], GTK_ALIGN_START);
      gtk_widget_add_css_class (self->week_labels[row], "week-number");
      gtk_widget_add_css_class (self->week_labels[row], "numeric");
      gtk_box_append (GTK_BOX (self->rows[row]), self->week_labels[row]);

      gtk_box_set_homogeneous (GTK_BOX (days), TRUE);
      gtk_widget_set_hexpand (days, TRUE);
      for (guint col = 0; col < 7; col++)
        {
          GtkWidget *cell = quorum_month_cell_new ();

          quorum_month_cell_set_styles (QUORUM_MONTH_CELL (cell),
                                        QUORUM_MONTH_CHIP_STYLES (self->chip_styles[0]),
                                        QUORUM_MONTH_CHIP_STYLES (self->chip_styles[1]));

          gtk_widget_set_hexpand (cell, TRUE);
          gtk_box_append (GTK_BOX (days), cell);
          self->cells[row * 7 + col] = QUORUM_MONTH_CELL (cell);
        }
      gtk_box_append (GTK_BOX (self->rows[row]), days);
      gtk_box_append (self->rows_box, self->rows[row]);
    }

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  quorum_date_set_date_time (&self->today, now);
  set_date_time (&self->today_dt, &self->today);
  self->selected = self->today;
  set_date_time (&self->selected_dt, &self->selected);
  g_date_clear (&self->month, 1);
  g_date_set_dmy (&self->month, 1, g_date_get_month (&self->today), g_date_get_year (&self->today));
  set_date_time (&self->month_dt, &self->month);
  g_date_clear (&self->grid_start, 1);
  show_month (self);
}

GtkWidget *
quorum_month_view_new (void)
{
  return g_object_new (QUORUM_TYPE_MONTH_VIEW, NULL);
}

/**
 * quorum_month_view_get_model:
 * @self: a #QuorumMonthView
 *
 * Returns: (transfer none) (nullable): the occurrences shown
 */
GListModel *
quorum_month_view_get_model (QuorumMonthView *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_VIEW (self), NULL);

  return self->model;
}

/**
 * quorum_month_view_set_model:
 * @self: a #QuorumMonthView
 * @model: (nullable): a #GListModel of #QuorumOccurrence
 *
 * Shows the occurrences of @model that fall in the grid; it may hold more.
 */
void
quorum_month_view_set_model (QuorumMonthView *self,
                             GListModel      *model)
{
  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed",
                             G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_SWAPPED);

  update_events (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * quorum_month_view_get_date:
 * @self: a #QuorumMonthView
 *
 * Returns: (transfer none): the selected day, at local midnight
 */
GDateTime *
quorum_month_view_get_date (QuorumMonthView *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_VIEW (self), NULL);

  return self->selected_dt;
}

/**
 * quorum_month_view_set_date:
 * @self: a #QuorumMonthView
 * @date: a moment of the day to select
 *
 * Selects the day of @date (in @date's own time zone) and shows its month.
 */
void
quorum_month_view_set_date (QuorumMonthView *self,
                            GDateTime       *date)
{
  GDate day;

  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL);

  quorum_date_set_date_time (&day, date);
  select_date (self, &day);
}

/**
 * quorum_month_view_get_month:
 * @self: a #QuorumMonthView
 *
 * Returns: (transfer none): the first day of the month on show
 */
GDateTime *
quorum_month_view_get_month (QuorumMonthView *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_VIEW (self), NULL);

  return self->month_dt;
}

GDateTime *
quorum_month_view_get_today (QuorumMonthView *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_VIEW (self), NULL);

  return self->today_dt;
}

/**
 * quorum_month_view_set_today:
 * @self: a #QuorumMonthView
 * @today: a moment of the day to mark as today
 *
 * The view reads the clock only once, when it is made; its owner moves the
 * marker when the day changes (and tests pin it).
 */
void
quorum_month_view_set_today (QuorumMonthView *self,
                             GDateTime       *today)
{
  GDate day;

  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));
  g_return_if_fail (today != NULL);

  quorum_date_set_date_time (&day, today);
  if (g_date_compare (&day, &self->today) == 0)
    return;

  self->today = day;
  set_date_time (&self->today_dt, &day);
  update_days (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/**
 * quorum_month_view_get_visible_start:
 * @self: a #QuorumMonthView
 *
 * Returns: (transfer none): midnight of the Monday the grid starts with
 */
GDateTime *
quorum_month_view_get_visible_start (QuorumMonthView *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_VIEW (self), NULL);

  return self->visible_start;
}

/**
 * quorum_month_view_get_visible_end:
 * @self: a #QuorumMonthView
 *
 * Returns: (transfer none): midnight after the last day of the grid
 */
GDateTime *
quorum_month_view_get_visible_end (QuorumMonthView *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_VIEW (self), NULL);

  return self->visible_end;
}

/**
 * quorum_month_view_set_day_info_func:
 * @self: a #QuorumMonthView
 * @func: (nullable): tells holidays and adjusted working days
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
quorum_month_view_set_day_info_func (QuorumMonthView   *self,
                                     QuorumDayInfoFunc  func,
                                     gpointer           user_data,
                                     GDestroyNotify     destroy)
{
  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));

  if (self->day_info_destroy != NULL)
    self->day_info_destroy (self->day_info_data);

  self->day_info_func = func;
  self->day_info_data = user_data;
  self->day_info_destroy = destroy;

  update_days (self);
}

/**
 * quorum_month_view_set_hidden:
 * @self: a #QuorumMonthView
 * @hidden: (nullable) (element-type guint): for each day of the grid from
 *   #QuorumMonthView:visible-start, how many of its events the model
 *   leaves out, or %NULL for none
 *
 * For a model that holds only the events a cell can show (see
 * quorum_store_list_day_occurrences()): the others count in "+N more".
 * Set it before the model of the same span; the popover of a day with
 * events left out lists the day with quorum_month_view_set_day_func()'s.
 */
void
quorum_month_view_set_hidden (QuorumMonthView *self,
                              GArray          *hidden)
{
  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));

  g_clear_pointer (&self->hidden, g_array_unref);
  if (hidden != NULL)
    self->hidden = g_array_ref (hidden);
}

/**
 * quorum_month_view_set_day_func:
 * @self: a #QuorumMonthView
 * @func: (nullable): lists every event of a day
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
quorum_month_view_set_day_func (QuorumMonthView    *self,
                                QuorumMonthDayFunc  func,
                                gpointer            user_data,
                                GDestroyNotify      destroy)
{
  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));

  if (self->day_destroy != NULL)
    self->day_destroy (self->day_data);
  self->day_func = func;
  self->day_data = user_data;
  self->day_destroy = destroy;
}

/**
 * quorum_month_view_open_day:
 * @self: a #QuorumMonthView
 *
 * Opens the list of all events of the selected day, when it has any.
 */
void
quorum_month_view_open_day (QuorumMonthView *self)
{
  int i;

  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));

  i = cell_index (self, &self->selected);
  if (i < 0 || (quorum_month_cell_get_occurrences (self->cells[i])->len == 0 &&
                quorum_month_cell_get_n_hidden (self->cells[i]) == 0))
    return;

  open_cell (self, self->cells[i]);
}

/**
 * quorum_month_view_get_span_of_month:
 * @self: a #QuorumMonthView
 * @offset: months from the one on show: -1 the previous, 1 the next
 * @start: (out) (transfer full): midnight of the Monday its grid starts with
 * @end: (out) (transfer full): midnight after the last day of its grid
 *
 * The span #QuorumMonthView::range-changed would give for that month, so
 * that an owner can load it before it is shown.
 */
void
quorum_month_view_get_span_of_month (QuorumMonthView  *self,
                                     int               offset,
                                     GDateTime       **start,
                                     GDateTime       **end)
{
  GDate month = self->month;
  GDate day;
  guint n_rows;

  g_return_if_fail (QUORUM_IS_MONTH_VIEW (self));
  g_return_if_fail (start != NULL && end != NULL);

  if (offset > 0)
    g_date_add_months (&month, offset);
  else if (offset < 0)
    g_date_subtract_months (&month, -offset);
  get_grid (&month, &day, &n_rows);
  *start = quorum_date_to_date_time (&day);
  g_date_add_days (&day, n_rows * 7);
  *end = quorum_date_to_date_time (&day);
}

QuorumMonthCell *
_quorum_month_view_get_cell (QuorumMonthView *self,
                             const GDate     *date,
                             guint           *column,
                             guint           *row)
{
  int i = cell_index (self, date);

  if (i < 0)
    return NULL;
  if (column != NULL)
    *column = i % 7;
  if (row != NULL)
    *row = i / 7;

  return self->cells[i];
}

guint
_quorum_month_view_get_n_rows (QuorumMonthView *self)
{
  return self->n_rows;
}

GtkPopover *
_quorum_month_view_get_popover (QuorumMonthView *self)
{
  return self->popover;
}

GtkListBox *
_quorum_month_view_get_day_list (QuorumMonthView *self)
{
  return self->day_list;
}

const char *
_quorum_month_view_get_weekday_header (QuorumMonthView *self,
                                       guint            column)
{
  g_return_val_if_fail (column < 7, NULL);

  return gtk_label_get_text (GTK_LABEL (self->weekday_labels[column]));
}
