/* quorum-agenda-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-agenda-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "quorum-agenda-item.h"
#include "quorum-agenda-view.h"
#include "quorum-gui-utils.h"

#define DEFAULT_DAYS 28

/**
 * QuorumAgendaView:
 *
 * The coming events as a list grouped by day, from today for four weeks.
 * Like #QuorumMonthView it shows the occurrences of its model that fall in
 * its span (#QuorumAgendaView:visible-start, #QuorumAgendaView:visible-end).
 */
struct _QuorumAgendaView
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkListView  *list_view;
  AdwStatusPage *empty_page;

  GListModel   *model;
  GListStore   *rows;

  GDate         today;
  GDateTime    *today_dt;
  GDateTime    *visible_start;
  GDateTime    *visible_end;

  /* The rows wait for the view to be shown (or asked for): while the month
   * grid is on show, every month switch would build rows nobody sees. */
  gboolean      rows_stale;
};

G_DEFINE_FINAL_TYPE (QuorumAgendaView, quorum_agenda_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_TODAY,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  N_PROPS
};

enum {
  OCCURRENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  return quorum_occurrence_compare (*(QuorumOccurrence **)a, *(QuorumOccurrence **)b);
}

static void
rebuild_rows (QuorumAgendaView *self)
{
  g_autoptr(GPtrArray) coming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  GDate last;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (self->model, i);

      if (quorum_occurrence_overlaps (occurrence, self->visible_start, self->visible_end))
        g_ptr_array_add (coming, g_steal_pointer (&occurrence));
    }
  g_ptr_array_sort (coming, compare_occurrences);

  g_date_clear (&last, 1);
  for (guint i = 0; i < coming->len; i++)
    {
      QuorumOccurrence *occurrence = g_ptr_array_index (coming, i);
      GDate day;

      /* An event that began before today is listed under today. */
      quorum_occurrence_get_date (occurrence, &day);
      if (g_date_compare (&day, &self->today) < 0)
        day = self->today;

      if (!g_date_valid (&last) || g_date_compare (&day, &last) != 0)
        {
          g_ptr_array_add (items, quorum_agenda_item_new_header (&day, &self->today));
          last = day;
        }
      g_ptr_array_add (items, quorum_agenda_item_new_event (occurrence));
    }

  /* One items-changed for the whole refill. */
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  /* The large icon is looked up (an SVG, which loads librsvg) only when
   * the empty page is shown: GTK styles hidden widgets too. */
  if (items->len == 0)
    adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  self->rows_stale = FALSE;
}

/* The rows follow the model at once while the view is on show, else when
 * it is shown or its rows are asked for. */
static void
update_rows (QuorumAgendaView *self)
{
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_rows (self);
}

static void
quorum_agenda_view_map (GtkWidget *widget)
{
  QuorumAgendaView *self = QUORUM_AGENDA_VIEW (widget);

  if (self->rows_stale)
    rebuild_rows (self);

  GTK_WIDGET_CLASS (quorum_agenda_view_parent_class)->map (widget);
}

static void
update_span (QuorumAgendaView *self)
{
  g_clear_pointer (&self->today_dt, g_date_time_unref);
  g_clear_pointer (&self->visible_start, g_date_time_unref);
  g_clear_pointer (&self->visible_end, g_date_time_unref);

  self->today_dt = quorum_date_to_date_time (&self->today);
  self->visible_start = g_date_time_ref (self->today_dt);
  self->visible_end = g_date_time_add_days (self->visible_start, DEFAULT_DAYS);
}

static void
on_model_items_changed_cb (QuorumAgendaView *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *model)
{
  update_rows (self);
}

static void
on_list_view_activate_cb (QuorumAgendaView *self,
                          guint             position,
                          GtkListView      *list_view)
{
  g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  QuorumOccurrence *occurrence;

  if (item == NULL)
    return;

  occurrence = quorum_agenda_item_get_occurrence (item);
  if (occurrence != NULL)
    g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, occurrence);
}

static void
quorum_agenda_view_dispose (GObject *object)
{
  QuorumAgendaView *self = (QuorumAgendaView *)object;

  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_AGENDA_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (quorum_agenda_view_parent_class)->dispose (object);
}

static void
quorum_agenda_view_finalize (GObject *object)
{
  QuorumAgendaView *self = (QuorumAgendaView *)object;

  g_clear_pointer (&self->today_dt, g_date_time_unref);
  g_clear_pointer (&self->visible_start, g_date_time_unref);
  g_clear_pointer (&self->visible_end, g_date_time_unref);

  G_OBJECT_CLASS (quorum_agenda_view_parent_class)->finalize (object);
}

static void
quorum_agenda_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumAgendaView *self = QUORUM_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
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
quorum_agenda_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumAgendaView *self = QUORUM_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      quorum_agenda_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      quorum_agenda_view_set_today (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_agenda_view_class_init (QuorumAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_agenda_view_dispose;
  object_class->finalize = quorum_agenda_view_finalize;
  object_class->get_property = quorum_agenda_view_get_property;
  object_class->set_property = quorum_agenda_view_set_property;
  widget_class->map = quorum_agenda_view_map;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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

  signals[OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_OCCURRENCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/views/quorum-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumAgendaView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumAgendaView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "agendaview");

  /* The row template looks the item type up by name. */
  g_type_ensure (QUORUM_TYPE_AGENDA_ITEM);
}

static void
quorum_agenda_view_init (QuorumAgendaView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (QUORUM_TYPE_AGENDA_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  factory = gtk_builder_list_item_factory_new_from_resource (NULL,
                                                             RESOURCE_BASE_PATH "/ui/views/quorum-agenda-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  quorum_date_set_date_time (&self->today, now);
  update_span (self);
  update_rows (self);
}

GtkWidget *
quorum_agenda_view_new (void)
{
  return g_object_new (QUORUM_TYPE_AGENDA_VIEW, NULL);
}

/**
 * quorum_agenda_view_get_model:
 * @self: a #QuorumAgendaView
 *
 * Returns: (transfer none) (nullable): the occurrences listed
 */
GListModel *
quorum_agenda_view_get_model (QuorumAgendaView *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_VIEW (self), NULL);

  return self->model;
}

/**
 * quorum_agenda_view_set_model:
 * @self: a #QuorumAgendaView
 * @model: (nullable): a #GListModel of #QuorumOccurrence, in any order
 */
void
quorum_agenda_view_set_model (QuorumAgendaView *self,
                              GListModel       *model)
{
  g_return_if_fail (QUORUM_IS_AGENDA_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed",
                             G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->rows != NULL)
    update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GDateTime *
quorum_agenda_view_get_today (QuorumAgendaView *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_VIEW (self), NULL);

  return self->today_dt;
}

/**
 * quorum_agenda_view_set_today:
 * @self: a #QuorumAgendaView
 * @today: a moment of the day the agenda starts with
 */
void
quorum_agenda_view_set_today (QuorumAgendaView *self,
                              GDateTime        *today)
{
  int y, m, d;
  GDate day;

  g_return_if_fail (QUORUM_IS_AGENDA_VIEW (self));
  g_return_if_fail (today != NULL);

  g_date_time_get_ymd (today, &y, &m, &d);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  if (g_date_compare (&day, &self->today) == 0)
    return;

  self->today = day;
  update_span (self);
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
}

/**
 * quorum_agenda_view_get_visible_start:
 * @self: a #QuorumAgendaView
 *
 * Returns: (transfer none): midnight of today
 */
GDateTime *
quorum_agenda_view_get_visible_start (QuorumAgendaView *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_VIEW (self), NULL);

  return self->visible_start;
}

/**
 * quorum_agenda_view_get_visible_end:
 * @self: a #QuorumAgendaView
 *
 * Returns: (transfer none): the end of the span listed (exclusive)
 */
GDateTime *
quorum_agenda_view_get_visible_end (QuorumAgendaView *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_VIEW (self), NULL);

  return self->visible_end;
}

/**
 * quorum_agenda_view_get_rows:
 * @self: a #QuorumAgendaView
 *
 * Returns: (transfer none): the rows listed, #QuorumAgendaItem headers and events
 */
GListModel *
quorum_agenda_view_get_rows (QuorumAgendaView *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_VIEW (self), NULL);

  if (self->rows_stale)
    rebuild_rows (self);
  return G_LIST_MODEL (self->rows);
}
