/* quorum-calendar-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-agenda-view.h"
#include "quorum-calendar-filter-bar.h"
#include "quorum-caldav-overlay.h"
#include "quorum-calendar-page.h"
#include "quorum-external-event.h"
#include "quorum-gui-utils.h"
#include "quorum-month-cell.h"
#include "quorum-month-view.h"
#include "quorum-occurrence.h"
#include "quorum-store.h"
#include "quorum-workdays.h"

/**
 * QuorumCalendarPage:
 *
 * The calendar page of the main window: a month grid and an agenda over one
 * model of occurrences, with month navigation and a search that filters by
 * title and place. It asks for data with #QuorumCalendarPage::range-changed;
 * when given a #QuorumStore (the `store` property) it answers that itself,
 * and refreshes when the store changes. With a #QuorumWorkdays it marks
 * holidays (休) and adjusted working days (班).
 *
 * With a store, a filter bar narrows the query to one person (what they
 * must attend or hold; remembered in `calendar-person`), a unit or a duty
 * (from the `rulebook`), and the search goes to the store too, where it
 * also finds the minutes.
 */
struct _QuorumCalendarPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkWidget          *filter_button;
  GtkRevealer        *filter_revealer;
  QuorumCalendarFilterBar *filter_bar;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *view_stack;
  QuorumMonthView    *month_view;
  QuorumAgendaView   *agenda_view;

  GListModel         *model;
  GtkFilterListModel *filtered;
  GtkStringFilter    *filter;

  /* The store's occurrences and the subscribed calendars' in the span, one
   * list for the views. */
  GListStore         *sources;
  GtkFilterListModel *overlay;

  QuorumStore        *store;
  QuorumWorkdays     *workdays;
  QuorumRulebook     *rulebook;
  GSettings          *settings;
  guint               reload_source;
  /* Loading ahead waits for this page's first frame after it is shown. */
  guint               prefetch_tick;
  gboolean            stale;
  /* The search the model was last asked for, stripped. */
  char               *searched;

  /* The grids of the last months shown and of the months beside the one on
   * show, most recent first (MonthData). The latter are loaded by a worker
   * thread over a connection of its own (`reader`, handed to each task in
   * turn), one month at a time. */
  GQueue              month_cache;
  /* Months pushed out of the cache, freed after the switch (they hold a
   * month of occurrences). */
  GPtrArray          *evicted;
  GTask              *prefetch;
  QuorumStore        *reader;
  /* Months the worker gave nothing for (an error, or rows not made yet),
   * by unloadable_key(): not asked again until the store changes. */
  GPtrArray          *unloadable;
};

/* Months kept: the one on show, the two beside it, two more seen last. */
#define MONTH_CACHE_SIZE 5

/* A month grid's query and its answer, right while the store's change
 * stamp stays @stamp. */
typedef struct
{
  gint64      from;
  gint64      to;
  char       *filter_key;
  guint64     stamp;
  GListModel *model;
  GArray     *hidden;
} MonthData;

static void
month_data_free (gpointer data)
{
  MonthData *month = data;

  g_free (month->filter_key);
  g_clear_object (&month->model);
  g_clear_pointer (&month->hidden, g_array_unref);
  g_free (month);
}

G_DEFINE_FINAL_TYPE (QuorumCalendarPage, quorum_calendar_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_VIEW_NAME,
  PROP_STORE,
  PROP_WORKDAYS,
  PROP_RULEBOOK,
  N_PROPS
};

enum {
  RANGE_CHANGED,
  OCCURRENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the search matches: title and place together. */
static char *
occurrence_search_text (QuorumOccurrence *occurrence)
{
  const char *location;

  if (occurrence == NULL)
    return NULL;

  location = quorum_occurrence_get_location (occurrence);
  return g_strjoin ("\n", quorum_occurrence_get_title (occurrence) ?: "",
                    location != NULL ? location : "", NULL);
}

static gboolean
month_is_visible (QuorumCalendarPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "month") == 0;
}

static void
update_title (QuorumCalendarPage *self)
{
  g_autofree char *title = NULL;

  if (month_is_visible (self))
    {
      GDateTime *month = quorum_month_view_get_month (self->month_view);
      GDate date;

      quorum_date_set_date_time (&date, month);
      title = quorum_format_month (&date);
    }
  else
    {
      title = g_strdup (_("Coming Up"));
    }

  if (self->store != NULL && quorum_calendar_filter_bar_get_person_name (self->filter_bar) != NULL)
    {
      g_autofree char *month = g_steal_pointer (&title);

      /* Translators: the calendar's title when it shows one person's events:
       * "October 2026 — 隋磊海" */
      title = g_strdup_printf (_("%s — %s"), month,
                               quorum_calendar_filter_bar_get_person_name (self->filter_bar));
    }

  gtk_label_set_text (self->title_label, title);
}

static void
emit_range (QuorumCalendarPage *self)
{
  g_signal_emit (self, signals[RANGE_CHANGED], 0,
                 quorum_calendar_page_get_visible_start (self),
                 quorum_calendar_page_get_visible_end (self));
}

static void reload_from_store (QuorumCalendarPage *self);
static void forget_months (QuorumCalendarPage *self);

static void preload_month_on_show (QuorumCalendarPage *self);

/* Reloads now when on show, else once the page is shown again. */
static void
reload_when_shown (QuorumCalendarPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_from_store (self);
  else
    {
      self->stale = TRUE;
      preload_month_on_show (self);
    }
}

/* The entry waits 250 ms after the last key. With a store the search is
 * part of the query, which also looks in the minutes; without one only
 * the titles and places of the model on show can be searched. */
static void
on_search_entry_search_changed_cb (QuorumCalendarPage *self,
                                   GtkSearchEntry     *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gboolean same = g_strcmp0 (text, self->searched) == 0;

  g_free (self->searched);
  self->searched = g_steal_pointer (&text);

  if (self->store != NULL)
    {
      /* The search bar empties the entry as it starts, and a space more
       * asks for nothing new: the month is not queried again for that. */
      if (same)
        return;
      gtk_string_filter_set_search (self->filter, NULL);
      forget_months (self);
      reload_when_shown (self);
    }
  else
    {
      gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
    }
}

static void
on_filter_bar_changed_cb (QuorumCalendarPage      *self,
                          QuorumCalendarFilterBar *bar)
{
  /* A filter that is on never hides: a remembered person shows at start-up. */
  if (quorum_calendar_filter_bar_get_active (bar) && self->store != NULL)
    gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);
  update_title (self);
  /* The bar follows the store's people and units, hidden or not. */
  forget_months (self);
  reload_when_shown (self);
}

/* Closing the bar drops its filters, as closing the search bar drops the search. */
static void
on_filter_revealer_reveal_child_cb (QuorumCalendarPage *self,
                                    GParamSpec         *pspec,
                                    GtkRevealer        *revealer)
{
  if (gtk_revealer_get_reveal_child (revealer))
    return;

  if (gtk_widget_get_focus_child (GTK_WIDGET (revealer)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->month_view));
  quorum_calendar_filter_bar_clear (self->filter_bar);
}

static void
on_view_range_changed_cb (QuorumCalendarPage *self,
                          GDateTime          *start,
                          GDateTime          *end,
                          GtkWidget          *view)
{
  if (month_is_visible (self))
    emit_range (self);
}

static void
on_agenda_view_span_cb (QuorumCalendarPage *self,
                        GParamSpec         *pspec,
                        QuorumAgendaView   *view)
{
  if (!month_is_visible (self))
    emit_range (self);
}

static void
on_month_view_month_cb (QuorumCalendarPage *self,
                        GParamSpec         *pspec,
                        QuorumMonthView    *view)
{
  update_title (self);
}

static void
on_view_stack_visible_child_cb (QuorumCalendarPage *self,
                                GParamSpec         *pspec,
                                GtkStack           *stack)
{
  gboolean month = month_is_visible (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.previous", month);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.next", month);
  update_title (self);
  emit_range (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_NAME]);
}

/* Somebody else's event: its details, never a roll call. */
static void
on_occurrence_activated_cb (QuorumCalendarPage *self,
                            QuorumOccurrence   *occurrence,
                            GtkWidget          *view)
{
  if (quorum_occurrence_is_external (occurrence))
    {
      quorum_external_event_show (GTK_WIDGET (self), occurrence);
      return;
    }
  g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, occurrence);
}

static void
month_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (widget);
  g_autofree char *name = NULL;

  /* "calendar.next" → "month.next": the buttons are not inside the month view. */
  g_assert (g_str_has_prefix (action_name, "calendar."));
  name = g_strconcat ("month.", action_name + strlen ("calendar."), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->month_view), name, NULL);
}

static gboolean
new_series_shortcut (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  /* The window provides the action; without it Ctrl+N does nothing. */
  return gtk_widget_activate_action (widget, "win.new-series", NULL);
}

static gboolean
filter_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (widget);
  gboolean reveal = !gtk_revealer_get_reveal_child (self->filter_revealer);

  if (self->store == NULL)
    return FALSE;

  gtk_revealer_set_reveal_child (self->filter_revealer, reveal);
  if (reveal)
    quorum_calendar_filter_bar_focus_person (self->filter_bar);
  return TRUE;
}

static gboolean
search_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* The store's filter for what the bars ask; @text is the search, owned. */
static void
get_filter (QuorumCalendarPage     *self,
            QuorumOccurrenceFilter *filter,
            char                  **text)
{
  *filter = (QuorumOccurrenceFilter) { 0 };
  quorum_calendar_filter_bar_get_filter (self->filter_bar, filter);
  *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  filter->text = *text;
}

/* What get_filter() asks, as text: months kept for another filter or
 * search are not this one's. */
static char *
dup_filter_key (const QuorumOccurrenceFilter *filter)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s\n%s",
                          filter->person_id, filter->unit_id, filter->series_id,
                          filter->duties_only ? 1 : 0,
                          filter->duty_id != NULL ? filter->duty_id : "",
                          filter->text != NULL ? filter->text : "");
}

/* The month grid's filter (get_filter() without the counts), and its key. */
static char *
get_month_filter (QuorumCalendarPage     *self,
                  QuorumOccurrenceFilter *filter,
                  char                  **text)
{
  get_filter (self, filter, text);
  filter->without_counts = TRUE;
  return dup_filter_key (filter);
}

static void cancel_prefetch (QuorumCalendarPage *self);

/* Forgets every month kept, and the one being loaded. */
static void
forget_months (QuorumCalendarPage *self)
{
  cancel_prefetch (self);
  g_queue_clear_full (&self->month_cache, month_data_free);
  if (self->evicted != NULL)
    g_ptr_array_set_size (self->evicted, 0);
  if (self->unloadable != NULL)
    g_ptr_array_set_size (self->unloadable, 0);
}

static char *
unloadable_key (guint64     stamp,
                GDateTime  *start,
                GDateTime  *end,
                const char *filter_key)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                          stamp, g_date_time_to_unix (start), g_date_time_to_unix (end),
                          filter_key);
}

/* The month of [@start, @end) for @filter_key as kept, if the store has not
 * changed since; it becomes the most recent. */
static MonthData *
find_month (QuorumCalendarPage *self,
            GDateTime          *start,
            GDateTime          *end,
            const char         *filter_key)
{
  guint64 stamp = quorum_store_get_change_stamp (self->store);
  gint64 from = g_date_time_to_unix (start);
  gint64 to = g_date_time_to_unix (end);

  for (GList *l = self->month_cache.head; l != NULL; l = l->next)
    {
      MonthData *month = l->data;

      if (month->from != from || month->to != to || g_strcmp0 (month->filter_key, filter_key) != 0)
        continue;
      if (month->stamp != stamp)
        {
          g_queue_delete_link (&self->month_cache, l);
          month_data_free (month);
          return NULL;
        }
      g_queue_unlink (&self->month_cache, l);
      g_queue_push_head_link (&self->month_cache, l);
      return month;
    }
  return NULL;
}

/* Keeps @month as the most recent, forgetting the oldest past the size. */
static MonthData *
keep_month (QuorumCalendarPage *self,
            MonthData          *month)
{
  g_queue_push_head (&self->month_cache, month);
  while (g_queue_get_length (&self->month_cache) > MONTH_CACHE_SIZE)
    g_ptr_array_add (self->evicted, g_queue_pop_tail (&self->month_cache));
  return month;
}

/* The month grid's query: at most what a cell shows of each day, the others
 * counted. On @store, which may be the worker's. */
static MonthData *
query_month (QuorumStore                   *store,
             GDateTime                     *start,
             GDateTime                     *end,
             const QuorumOccurrenceFilter  *filter,
             GError                       **error)
{
  g_autoptr(GArray) hidden = g_array_new (FALSE, TRUE, sizeof (guint));
  GListModel *model;
  MonthData *month;

  model = quorum_store_list_day_occurrences (store, start, end, filter,
                                             QUORUM_MONTH_CELL_MAX_CHIPS, hidden, error);
  if (model == NULL)
    return NULL;

  month = g_new0 (MonthData, 1);
  month->from = g_date_time_to_unix (start);
  month->to = g_date_time_to_unix (end);
  month->filter_key = dup_filter_key (filter);
  month->model = model;
  month->hidden = g_steal_pointer (&hidden);
  return month;
}

static MonthData *take_prefetched (QuorumCalendarPage *self,
                                   GDateTime          *start,
                                   GDateTime          *end,
                                   const char         *filter_key);

/* The month of [@start, @end) for the filter on show: kept from before when
 * nothing changed since, else queried and kept. */
static MonthData *
load_month (QuorumCalendarPage  *self,
            GDateTime           *start,
            GDateTime           *end,
            GError             **error)
{
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  QuorumOccurrenceFilter filter;
  MonthData *month;

  key = get_month_filter (self, &filter, &text);
  if ((month = find_month (self, start, end, key)) != NULL)
    return month;
  if ((month = take_prefetched (self, start, end, key)) != NULL)
    return keep_month (self, month);

  if (!(month = query_month (self->store, start, end, &filter, error)))
    return NULL;
  /* Read after the query, which may have made rows up to @end. */
  month->stamp = quorum_store_get_change_stamp (self->store);
  return keep_month (self, month);
}

static gboolean
can_prefetch (QuorumCalendarPage *self)
{
  return self->store != NULL && month_is_visible (self) &&
         gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* A month loaded ahead: what to ask, and the answer, handed over under
 * @lock when @finished. The worker uses @reader only from @started to
 * @finished; it does not start once @dropped. */
typedef struct
{
  QuorumStore            *reader;
  char                   *db_path;
  GDateTime              *now;
  GDateTime              *start;
  GDateTime              *end;
  QuorumOccurrenceFilter  filter;
  char                   *duty_id;
  char                   *text;
  char                   *filter_key;
  guint64                 stamp;
  /* As the page's store: off, the reader writes nothing either. */
  gboolean                materialize;

  GMutex                  lock;
  GCond                   cond;
  gboolean                started;
  gboolean                finished;
  gboolean                dropped;
  MonthData              *month;
  /* Ran, and gave no month. */
  gboolean                gave_nothing;
} Prefetch;

static void
prefetch_free (gpointer data)
{
  Prefetch *prefetch = data;

  g_clear_object (&prefetch->reader);
  g_free (prefetch->db_path);
  g_clear_pointer (&prefetch->now, g_date_time_unref);
  g_clear_pointer (&prefetch->start, g_date_time_unref);
  g_clear_pointer (&prefetch->end, g_date_time_unref);
  g_free (prefetch->duty_id);
  g_free (prefetch->text);
  g_free (prefetch->filter_key);
  g_clear_pointer (&prefetch->month, month_data_free);
  g_mutex_clear (&prefetch->lock);
  g_cond_clear (&prefetch->cond);
  g_free (prefetch);
}

/* In the worker: the query on the worker's own connection (opened the
 * first time), which only reads while the month lies within the
 * occurrences made so far. */
static void
prefetch_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Prefetch *prefetch = task_data;
  g_autoptr(GError) error = NULL;
  MonthData *month = NULL;

  g_mutex_lock (&prefetch->lock);
  prefetch->started = !prefetch->dropped;
  g_mutex_unlock (&prefetch->lock);
  if (!prefetch->started)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (prefetch->reader == NULL &&
      (prefetch->reader = quorum_store_open (prefetch->db_path, &error)) != NULL)
    {
      quorum_store_set_materialize_on_read (prefetch->reader, prefetch->materialize);
      if (prefetch->now != NULL)
        quorum_store_set_now (prefetch->reader, prefetch->now);
    }
  if (prefetch->reader != NULL)
    month = query_month (prefetch->reader, prefetch->start, prefetch->end, &prefetch->filter,
                         &error);
  /* Past the occurrences made so far the month may lack some: the page's
   * own query then asks its store for them when the month is shown. */
  if (month != NULL && !prefetch->materialize)
    {
      g_autoptr(GDateTime) until = quorum_store_dup_materialized_until (prefetch->reader);

      if (until == NULL || g_date_time_compare (until, prefetch->end) < 0)
        g_clear_pointer (&month, month_data_free);
    }

  g_mutex_lock (&prefetch->lock);
  prefetch->month = month;
  prefetch->gave_nothing = month == NULL;
  prefetch->finished = TRUE;
  g_cond_broadcast (&prefetch->cond);
  g_mutex_unlock (&prefetch->lock);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Waits for the worker to be done with @prefetch, unless it has not
 * started yet: then it never will if @drop. Returns whether it ran. */
static gboolean
prefetch_wait (Prefetch *prefetch,
               gboolean  drop)
{
  gboolean ran;

  g_mutex_lock (&prefetch->lock);
  if (drop)
    prefetch->dropped = TRUE;
  while (prefetch->started && !prefetch->finished)
    g_cond_wait (&prefetch->cond, &prefetch->lock);
  ran = prefetch->finished;
  g_mutex_unlock (&prefetch->lock);
  return ran;
}

/* The month the worker loaded for @start and @end, waiting for it if
 * needed (it had a head start), as long as the store did not change since
 * the worker started: any write, ours or another connection's, moves the
 * stamp on, so then the worker may have read something else. */
static MonthData *
take_prefetched (QuorumCalendarPage *self,
                 GDateTime          *start,
                 GDateTime          *end,
                 const char         *filter_key)
{
  Prefetch *prefetch;
  MonthData *month;

  if (self->prefetch == NULL)
    return NULL;
  prefetch = g_task_get_task_data (self->prefetch);
  if (!g_date_time_equal (prefetch->start, start) || !g_date_time_equal (prefetch->end, end) ||
      g_strcmp0 (prefetch->filter_key, filter_key) != 0)
    return NULL;

  /* Not started (the pool is busy): querying here is quicker. */
  if (!prefetch_wait (prefetch, TRUE))
    return NULL;
  month = g_steal_pointer (&prefetch->month);

  if (month != NULL && quorum_store_get_change_stamp (self->store) != prefetch->stamp)
    g_clear_pointer (&month, month_data_free);
  if (month != NULL)
    month->stamp = prefetch->stamp;
  return month;
}

static void schedule_prefetch (QuorumCalendarPage *self);

/* Back on the main thread: the worker's month is kept, unless it was
 * taken already, and the other month beside is loaded next. */
static void
prefetch_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (object);
  GTask *task = G_TASK (result);
  Prefetch *prefetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  MonthData *month;

  if (task != self->prefetch)
    return;
  if (!g_task_propagate_boolean (task, &error))
    /* Shown when that month is, by its own query. */
    g_debug ("Could not load a month ahead: %s", error->message);

  if ((month = take_prefetched (self, prefetch->start, prefetch->end, prefetch->filter_key)) != NULL)
    {
      if (find_month (self, prefetch->start, prefetch->end, prefetch->filter_key) == NULL)
        keep_month (self, month);
      else
        month_data_free (month);
    }
  else if (prefetch->gave_nothing && prefetch->stamp == quorum_store_get_change_stamp (self->store))
    {
      /* Else the next turn would ask for it again, and again. */
      if (self->unloadable->len >= 8)
        g_ptr_array_set_size (self->unloadable, 0);
      g_ptr_array_add (self->unloadable, unloadable_key (prefetch->stamp, prefetch->start,
                                                         prefetch->end, prefetch->filter_key));
    }
  if (self->reader == NULL)
    self->reader = g_steal_pointer (&prefetch->reader);
  g_clear_object (&self->prefetch);
  g_ptr_array_set_size (self->evicted, 0);
  schedule_prefetch (self);
}

/* Starts the worker on [@start, @end) for @filter, whose strings are
 * @text's and the page's; takes @start, @end, @text and @key. */
static void
start_prefetch (QuorumCalendarPage           *self,
                GDateTime                    *start,
                GDateTime                    *end,
                const QuorumOccurrenceFilter *filter,
                char                         *text,
                char                         *key)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Prefetch *prefetch = g_new0 (Prefetch, 1);

  g_mutex_init (&prefetch->lock);
  g_cond_init (&prefetch->cond);
  prefetch->reader = g_steal_pointer (&self->reader);
  prefetch->db_path = g_strdup (quorum_database_get_path (quorum_store_get_database (self->store)));
  prefetch->now = quorum_store_dup_now (self->store);
  prefetch->materialize = quorum_store_get_materialize_on_read (self->store);
  prefetch->start = start;
  prefetch->end = end;
  prefetch->filter = *filter;
  prefetch->filter.duty_id = prefetch->duty_id = g_strdup (filter->duty_id);
  prefetch->filter.text = prefetch->text = text;
  prefetch->filter_key = key;
  prefetch->stamp = quorum_store_get_change_stamp (self->store);

  self->prefetch = g_task_new (self, cancellable, prefetch_done_cb, NULL);
  g_task_set_source_tag (self->prefetch, start_prefetch);
  g_task_set_task_data (self->prefetch, prefetch, prefetch_free);
  g_task_run_in_thread (self->prefetch, prefetch_worker);
}

/* Loads the next month, then the previous one, unless kept already, so
 * that "next" and "previous" (buttons, Page Up/Down) find them ready.
 * Never while the page is hidden. */
static void
schedule_prefetch (QuorumCalendarPage *self)
{
  static const int offsets[] = { 1, -1 };
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  QuorumOccurrenceFilter filter;

  /* The months pushed out are freed once the worker is done, between
   * frames, rather than in the switch that pushed them out. */
  if (self->prefetch != NULL || self->prefetch_tick != 0)
    return;
  if (!can_prefetch (self))
    {
      g_ptr_array_set_size (self->evicted, 0);
      return;
    }

  key = get_month_filter (self, &filter, &text);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      g_autofree char *unloadable = NULL;

      quorum_month_view_get_span_of_month (self->month_view, offsets[i], &start, &end);
      if (find_month (self, start, end, key) != NULL)
        continue;
      unloadable = unloadable_key (quorum_store_get_change_stamp (self->store), start, end, key);
      if (g_ptr_array_find_with_equal_func (self->unloadable, unloadable, g_str_equal, NULL))
        continue;

      start_prefetch (self, g_steal_pointer (&start), g_steal_pointer (&end), &filter,
                      g_steal_pointer (&text), g_steal_pointer (&key));
      return;
    }
  g_ptr_array_set_size (self->evicted, 0);
}

/* Whether the page will be on show once its window is: at start-up, the
 * month on show can then be loaded while the window is still being made. */
static gboolean
will_be_shown (GtkWidget *widget)
{
  for (; widget != NULL && !GTK_IS_ROOT (widget); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
      return FALSE;
  return widget != NULL;
}

/* Given a store before it is shown (at start-up, before the window's first
 * frame): the worker loads the month on show, on its own connection, while
 * the main thread builds and realizes the window; the page takes it when
 * mapped (see take_prefetched()), or queries itself if the worker gave
 * nothing. */
static void
preload_month_on_show (QuorumCalendarPage *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  QuorumOccurrenceFilter filter;

  if (self->prefetch != NULL || self->store == NULL || !month_is_visible (self) ||
      gtk_widget_get_mapped (GTK_WIDGET (self)) || !will_be_shown (GTK_WIDGET (self)))
    return;

  key = get_month_filter (self, &filter, &text);
  quorum_month_view_get_span_of_month (self->month_view, 0, &start, &end);
  if (find_month (self, start, end, key) != NULL)
    return;
  start_prefetch (self, g_steal_pointer (&start), g_steal_pointer (&end), &filter,
                  g_steal_pointer (&text), g_steal_pointer (&key));
}

/* The month being loaded is not wanted any more (the store or the filter
 * changed, the page hides). Its query is short: this waits for it, so that
 * the worker's connection is closed by the time the store is replaced (a
 * restore moves the database file). */
static void
cancel_prefetch (QuorumCalendarPage *self)
{
  Prefetch *prefetch;

  if (self->prefetch == NULL)
    return;

  prefetch = g_task_get_task_data (self->prefetch);
  g_cancellable_cancel (g_task_get_cancellable (self->prefetch));
  prefetch_wait (prefetch, TRUE);
  if (self->reader == NULL)
    self->reader = g_steal_pointer (&prefetch->reader);
  g_clear_object (&self->prefetch);
}

/* Fills the model for the span on show, straight from the store: a range
 * query in one statement, a few milliseconds for a month. Only the agenda
 * shows the attendance counts: the month grid goes without them, and gets
 * only the events its cells can show, with a count of the others, however
 * busy the month; the months beside it are loaded ahead, when idle. */
static void
reload_from_store (QuorumCalendarPage *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GArray) hidden = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *start;
  GDateTime *end;

  if (self->store == NULL)
    return;

  start = quorum_calendar_page_get_visible_start (self);
  end = quorum_calendar_page_get_visible_end (self);
  if (start == NULL || end == NULL)
    return;

  if (month_is_visible (self))
    {
      MonthData *month = load_month (self, start, end, &error);

      if (month != NULL)
        {
          model = g_object_ref (month->model);
          hidden = g_array_ref (month->hidden);
        }
      schedule_prefetch (self);
    }
  else
    {
      g_autofree char *text = NULL;
      QuorumOccurrenceFilter filter;

      get_filter (self, &filter, &text);
      model = quorum_store_list_occurrences (self->store, start, end, &filter, &error);
    }
  if (model == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  quorum_month_view_set_hidden (self->month_view, hidden);
  quorum_calendar_page_set_model (self, model);
}

/* The month view's popover of a day whose events were not all loaded. */
static GListModel *
list_day (const GDate *date,
          gpointer     user_data)
{
  QuorumCalendarPage *self = user_data;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumOccurrenceFilter filter;
  GListModel *model;

  if (self->store == NULL)
    return NULL;

  from = quorum_date_to_date_time (date);
  to = g_date_time_add_days (from, 1);
  get_filter (self, &filter, &text);
  filter.without_counts = TRUE;
  if (!(model = quorum_store_list_occurrences (self->store, from, to, &filter, &error)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
  return model;
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  QuorumCalendarPage *self = user_data;

  self->reload_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_from_store (self);
  else
    self->stale = TRUE;
  return G_SOURCE_REMOVE;
}

/* Several writes in a row (a roll call) refresh once; while the page is
 * not on show (an import on the Feeds page), once it is shown again. */
static void
on_store_changed_cb (QuorumCalendarPage *self,
                     const char         *entity,
                     gint64              id,
                     QuorumStore        *store)
{
  forget_months (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static gboolean
overlay_in_span (gpointer item,
                 gpointer user_data)
{
  QuorumCalendarPage *self = user_data;
  GDateTime *start = quorum_calendar_page_get_visible_start (self);
  GDateTime *end = quorum_calendar_page_get_visible_end (self);

  return start != NULL && end != NULL && quorum_occurrence_overlaps (item, start, end);
}

static void
on_self_range_changed_cb (QuorumCalendarPage *self,
                          GDateTime          *start,
                          GDateTime          *end,
                          gpointer            user_data)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->overlay);

  if (filter != NULL)
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  reload_when_shown (self);
}

static QuorumDayMark
workdays_day_info (const GDate  *date,
                   char        **out_name,
                   gpointer      user_data)
{
  QuorumWorkdays *workdays = user_data;

  switch (quorum_workdays_classify (workdays, date, out_name))
    {
    case QUORUM_DAY_HOLIDAY:
      return QUORUM_DAY_MARK_HOLIDAY;
    case QUORUM_DAY_ADJUSTED_WORKDAY:
      return QUORUM_DAY_MARK_ADJUSTED_WORKDAY;
    case QUORUM_DAY_WORKDAY:
    case QUORUM_DAY_WEEKEND:
    default:
      if (out_name != NULL)
        g_clear_pointer (out_name, g_free);
      return QUORUM_DAY_MARK_NONE;
    }
}

static gboolean
prefetch_after_paint_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       data)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (widget);

  self->prefetch_tick = 0;
  schedule_prefetch (self);
  return G_SOURCE_REMOVE;
}

/* Shown (at start-up, or back from another page): the keys of the grid
 * (arrows, Page Up/Down, t, Enter) and of the page (Ctrl+F, Ctrl+N) work
 * at once, with no click first. */
static void
quorum_calendar_page_map (GtkWidget *widget)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (widget);
  GtkRoot *root;
  GtkWidget *focus;

  GTK_WIDGET_CLASS (quorum_calendar_page_parent_class)->map (widget);
  /* The worker's query would share the cores with the first frame (at
   * start-up, with the rendering threads of a software renderer): the
   * months beside wait until the page has been painted. */
  if (self->prefetch_tick == 0)
    self->prefetch_tick = quorum_add_tick_callback_after_paint (widget, prefetch_after_paint_cb,
                                                                NULL, NULL);
  if (self->stale)
    {
      self->stale = FALSE;
      reload_from_store (self);
    }

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    return;
  if (month_is_visible (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->month_view));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->agenda_view), GTK_DIR_TAB_FORWARD);
}

/* Hidden: nothing is loaded ahead until shown again. */
static void
quorum_calendar_page_unmap (GtkWidget *widget)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (widget);

  cancel_prefetch (self);
  if (self->prefetch_tick != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->prefetch_tick);
      self->prefetch_tick = 0;
    }
  GTK_WIDGET_CLASS (quorum_calendar_page_parent_class)->unmap (widget);
}

static void
quorum_calendar_page_dispose (GObject *object)
{
  QuorumCalendarPage *self = (QuorumCalendarPage *)object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CALENDAR_PAGE);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  forget_months (self);
  g_clear_pointer (&self->evicted, g_ptr_array_unref);
  g_clear_pointer (&self->unloadable, g_ptr_array_unref);
  g_clear_object (&self->reader);
  g_clear_object (&self->store);
  g_clear_object (&self->workdays);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->settings);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->model);
  g_clear_object (&self->sources);
  g_clear_object (&self->overlay);
  g_clear_pointer (&self->searched, g_free);
  self->filter = NULL;

  G_OBJECT_CLASS (quorum_calendar_page_parent_class)->dispose (object);
}

static void
quorum_calendar_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_VIEW_NAME:
      g_value_set_string (value, quorum_calendar_page_get_view_name (self));
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WORKDAYS:
      g_value_set_object (value, self->workdays);
      break;
    case PROP_RULEBOOK:
      g_value_set_object (value, self->rulebook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_calendar_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumCalendarPage *self = QUORUM_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      quorum_calendar_page_set_model (self, g_value_get_object (value));
      break;
    case PROP_VIEW_NAME:
      quorum_calendar_page_set_view_name (self, g_value_get_string (value));
      break;
    case PROP_STORE:
      quorum_calendar_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_WORKDAYS:
      quorum_calendar_page_set_workdays (self, g_value_get_object (value));
      break;
    case PROP_RULEBOOK:
      quorum_calendar_page_set_rulebook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_calendar_page_class_init (QuorumCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_calendar_page_dispose;
  object_class->get_property = quorum_calendar_page_get_property;
  object_class->set_property = quorum_calendar_page_set_property;
  widget_class->map = quorum_calendar_page_map;
  widget_class->unmap = quorum_calendar_page_unmap;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_NAME] =
    g_param_spec_string ("view-name", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKDAYS] =
    g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULEBOOK] =
    g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumCalendarPage::range-changed:
   * @self: the page
   * @start: the first moment on show
   * @end: the end of the span on show (exclusive)
   *
   * The view on show now covers another span: fill the model for it.
   */
  signals[RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_DATE_TIME | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_DATE_TIME | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_OCCURRENCE);

  g_type_ensure (QUORUM_TYPE_MONTH_VIEW);
  g_type_ensure (QUORUM_TYPE_AGENDA_VIEW);
  g_type_ensure (QUORUM_TYPE_CALENDAR_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/views/quorum-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarPage, agenda_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_bar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_revealer_reveal_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_view_span_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_view_month_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_occurrence_activated_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, month_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, new_series_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                filter_shortcut, NULL);

  gtk_widget_class_set_css_name (widget_class, "calendarpage");
}

static void
quorum_calendar_page_init (QuorumCalendarPage *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->searched = g_strdup ("");

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (occurrence_search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->sources = g_list_store_new (G_TYPE_LIST_MODEL);
  self->evicted = g_ptr_array_new_with_free_func (month_data_free);
  self->unloadable = g_ptr_array_new_with_free_func (g_free);
  self->overlay = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (
                                               overlay_in_span, self, NULL)));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (
                                                g_object_ref (G_LIST_MODEL (self->sources)))),
                                              GTK_FILTER (self->filter));

  quorum_month_view_set_model (self->month_view, G_LIST_MODEL (self->filtered));
  quorum_month_view_set_day_func (self->month_view, list_day, self, NULL);
  quorum_agenda_view_set_model (self->agenda_view, G_LIST_MODEL (self->filtered));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (self, "range-changed", G_CALLBACK (on_self_range_changed_cb), NULL);

  /* A leader who opens Quorum sees their own calendar. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "calendar-person", self->filter_bar, "person-id",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_visible (self->filter_button, FALSE);

  update_title (self);
}

static void
update_sources (QuorumCalendarPage *self)
{
  GListModel *items[2];
  guint n = 0;

  if (self->model != NULL)
    items[n++] = self->model;
  if (gtk_filter_list_model_get_model (self->overlay) != NULL)
    items[n++] = G_LIST_MODEL (self->overlay);
  g_list_store_splice (self->sources, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sources)),
                       (gpointer *) items, n);
}

GtkWidget *
quorum_calendar_page_new (void)
{
  return g_object_new (QUORUM_TYPE_CALENDAR_PAGE, NULL);
}

/**
 * quorum_calendar_page_get_model:
 * @self: a #QuorumCalendarPage
 *
 * Returns: (transfer none) (nullable): the occurrences shown, unfiltered
 */
GListModel *
quorum_calendar_page_get_model (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  return self->model;
}

/**
 * quorum_calendar_page_set_model:
 * @self: a #QuorumCalendarPage
 * @model: (nullable): a #GListModel of #QuorumOccurrence for the visible span
 */
void
quorum_calendar_page_set_model (QuorumCalendarPage *self,
                                GListModel         *model)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  update_sources (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * quorum_calendar_page_set_overlay_model:
 * @self: a #QuorumCalendarPage
 * @model: (nullable): a #GListModel of #QuorumOccurrence from subscribed
 *   calendars, any span
 *
 * Shows @model's occurrences in the span on show over the page's own, as
 * read-only events (the `external` style; activating one shows its details).
 */
void
quorum_calendar_page_set_overlay_model (QuorumCalendarPage *self,
                                        GListModel         *model)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  gtk_filter_list_model_set_model (self->overlay, model);
  update_sources (self);
}

/**
 * quorum_calendar_page_set_today:
 * @self: a #QuorumCalendarPage
 * @today: a moment of the current day
 *
 * Moves the today marker and the start of the agenda (call it when the day changes).
 */
void
quorum_calendar_page_set_today (QuorumCalendarPage *self,
                                GDateTime          *today)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));

  quorum_month_view_set_today (self->month_view, today);
  quorum_agenda_view_set_today (self->agenda_view, today);
}

/**
 * quorum_calendar_page_set_day_info_func:
 * @self: a #QuorumCalendarPage
 * @func: (nullable): tells holidays and adjusted working days
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
quorum_calendar_page_set_day_info_func (QuorumCalendarPage *self,
                                        QuorumDayInfoFunc   func,
                                        gpointer            user_data,
                                        GDestroyNotify      destroy)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));

  quorum_month_view_set_day_info_func (self->month_view, func, user_data, destroy);
}

/**
 * quorum_calendar_page_get_visible_start:
 * @self: a #QuorumCalendarPage
 *
 * Returns: (transfer none): the start of the span the view on show covers
 */
GDateTime *
quorum_calendar_page_get_visible_start (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  if (month_is_visible (self))
    return quorum_month_view_get_visible_start (self->month_view);
  return quorum_agenda_view_get_visible_start (self->agenda_view);
}

/**
 * quorum_calendar_page_get_visible_end:
 * @self: a #QuorumCalendarPage
 *
 * Returns: (transfer none): the end (exclusive) of the span the view on show covers
 */
GDateTime *
quorum_calendar_page_get_visible_end (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  if (month_is_visible (self))
    return quorum_month_view_get_visible_end (self->month_view);
  return quorum_agenda_view_get_visible_end (self->agenda_view);
}

/* Returns: "month" or "agenda" */
const char *
quorum_calendar_page_get_view_name (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

void
quorum_calendar_page_set_view_name (QuorumCalendarPage *self,
                                    const char         *name)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));
  g_return_if_fail (g_strcmp0 (name, "month") == 0 || g_strcmp0 (name, "agenda") == 0);

  gtk_stack_set_visible_child_name (self->view_stack, name);
}

/* Returns: (transfer none): the #QuorumMonthView */
GtkWidget *
quorum_calendar_page_get_month_view (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  return GTK_WIDGET (self->month_view);
}

/* Returns: (transfer none): the #QuorumAgendaView */
GtkWidget *
quorum_calendar_page_get_agenda_view (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  return GTK_WIDGET (self->agenda_view);
}

/**
 * quorum_calendar_page_set_store:
 * @self: a #QuorumCalendarPage
 * @store: (nullable): the store to show
 *
 * From now on the page fills its own model from @store for the span on
 * show, and refreshes it when the store changes.
 */
void
quorum_calendar_page_set_store (QuorumCalendarPage *self,
                                QuorumStore        *store)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  forget_months (self);
  g_clear_object (&self->reader);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* Filters need the store's query: without a store there is nothing to pick. */
  gtk_widget_set_visible (self->filter_button, store != NULL);
  if (store == NULL)
    {
      gtk_revealer_set_reveal_child (self->filter_revealer, FALSE);
      quorum_month_view_set_hidden (self->month_view, NULL);
    }
  gtk_string_filter_set_search (self->filter, store == NULL
                                ? gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) : NULL);
  quorum_calendar_filter_bar_set_store (self->filter_bar, store);
  if (store != NULL && quorum_calendar_filter_bar_get_active (self->filter_bar))
    gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);
  update_title (self);

  /* A hidden page loads its month when it is shown. */
  reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_calendar_page_set_workdays:
 * @self: a #QuorumCalendarPage
 * @workdays: (nullable): the holiday calendar that marks days 休 and 班
 */
void
quorum_calendar_page_set_workdays (QuorumCalendarPage *self,
                                   QuorumWorkdays     *workdays)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));

  if (!g_set_object (&self->workdays, workdays))
    return;

  if (workdays != NULL)
    quorum_calendar_page_set_day_info_func (self, workdays_day_info, g_object_ref (workdays),
                                            g_object_unref);
  else
    quorum_calendar_page_set_day_info_func (self, NULL, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKDAYS]);
}

/**
 * quorum_calendar_page_set_rulebook:
 * @self: a #QuorumCalendarPage
 * @rulebook: (nullable): the rulebook whose duties the duty filter offers
 */
void
quorum_calendar_page_set_rulebook (QuorumCalendarPage *self,
                                   QuorumRulebook     *rulebook)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_PAGE (self));
  g_return_if_fail (rulebook == NULL || QUORUM_IS_RULEBOOK (rulebook));

  if (!g_set_object (&self->rulebook, rulebook))
    return;

  quorum_calendar_filter_bar_set_rulebook (self->filter_bar, rulebook);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULEBOOK]);
}

/* Returns: (transfer none): the filter bar (person, unit, duty) */
GtkWidget *
quorum_calendar_page_get_filter_bar (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), NULL);

  return GTK_WIDGET (self->filter_bar);
}

/**
 * quorum_calendar_page_has_month:
 * @self: a #QuorumCalendarPage
 * @offset: months from the one on show: 0 that one, 1 the next, -1 the
 *   previous
 *
 * Whether that month's grid is loaded, for the filter on show, and still
 * right (the store has not changed since): showing it then costs no query.
 *
 * Returns: %TRUE when it is
 */
gboolean
quorum_calendar_page_has_month (QuorumCalendarPage *self,
                                int                 offset)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  QuorumOccurrenceFilter filter;

  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  quorum_month_view_get_span_of_month (self->month_view, offset, &start, &end);
  key = get_month_filter (self, &filter, &text);
  return find_month (self, start, end, key) != NULL;
}

/**
 * quorum_calendar_page_is_loading_ahead:
 * @self: a #QuorumCalendarPage
 *
 * Whether a worker is loading a month beside the one on show.
 *
 * Returns: %TRUE while it is
 */
gboolean
quorum_calendar_page_is_loading_ahead (QuorumCalendarPage *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_PAGE (self), FALSE);

  return self->prefetch != NULL;
}
