/* quorum-gui-utils.c: presentation helpers shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-gui-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-gui-utils.h"

typedef struct
{
  const char *kind;
  const char *css_class;
  const char *label;
} KindInfo;

/* The duty kinds of the rulebooks; style.css gives each class its colour. */
static const KindInfo kinds[] = {
  { "study", "kind-study", NC_("duty kind", "Study") },
  { "meeting", "kind-meeting", NC_("duty kind", "Meeting") },
  { "economy", "kind-economy", NC_("duty kind", "Economy") },
  { "investment", "kind-investment", NC_("duty kind", "Investment") },
  { "enterprise", "kind-enterprise", NC_("duty kind", "Enterprise") },
  { "research", "kind-research", NC_("duty kind", "Research") },
  { "petition", "kind-petition", NC_("duty kind", "Petitions") },
  { "reception", "kind-reception", NC_("duty kind", "Reception") },
  { "frontline", "kind-frontline", NC_("duty kind", "Frontline") },
  { "service", "kind-service", NC_("duty kind", "Service") },
  { "law", "kind-law", NC_("duty kind", "Rule of Law") },
  { "major-matter", "kind-major-matter", NC_("duty kind", "Major Matter") },
  { "party-life", "kind-party-life", NC_("duty kind", "Party Life") },
  { "inspection", "kind-inspection", NC_("duty kind", "Inspection") },
  { "ideology", "kind-ideology", NC_("duty kind", "Ideology") },
  { "integrity", "kind-integrity", NC_("duty kind", "Integrity") },
  { "leave", "kind-leave", NC_("duty kind", "Leave") },
  { "paperwork", "kind-paperwork", NC_("duty kind", "Paperwork") },
  { "liaison", "kind-liaison", NC_("duty kind", "Liaison") },
  /* Events of subscribed calendars: not ours, read-only */
  { "external", "external", NC_("duty kind", "Subscribed") },
};

static const KindInfo *
find_kind (const char *kind)
{
  if (kind == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return &kinds[i];

  return NULL;
}

/* Returns: (transfer none): the CSS class of @kind, "kind-other" when unknown */
const char *
quorum_kind_css_class (const char *kind)
{
  const KindInfo *info = find_kind (kind);

  return info != NULL ? info->css_class : "kind-other";
}

/* Returns: where @kind comes in the list of duty kinds (for sorting); after
 * all of them when unknown */
int
quorum_kind_order (const char *kind)
{
  const KindInfo *info = find_kind (kind);

  return info != NULL ? (int)(info - kinds) : (int)G_N_ELEMENTS (kinds);
}

/* Returns: (transfer none): the translated name of @kind; @kind itself when
 * unknown, "" for %NULL */
const char *
quorum_kind_label (const char *kind)
{
  const KindInfo *info = find_kind (kind);

  if (info == NULL)
    return kind != NULL ? kind : "";

  return g_dpgettext2 (GETTEXT_PACKAGE, "duty kind", info->label);
}

const char *
quorum_occurrence_status_label (QuorumOccurrenceStatus status)
{
  switch (status)
    {
    case QUORUM_OCCURRENCE_SCHEDULED:
      return _("Scheduled");
    case QUORUM_OCCURRENCE_HELD:
      return _("Held");
    case QUORUM_OCCURRENCE_NOT_HELD:
      return _("Not held");
    case QUORUM_OCCURRENCE_CANCELLED:
      return _("Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/* Returns: (transfer none): the CSS class of a chip or row in @status */
const char *
quorum_occurrence_status_css_class (QuorumOccurrenceStatus status)
{
  switch (status)
    {
    case QUORUM_OCCURRENCE_HELD: return "held";
    case QUORUM_OCCURRENCE_NOT_HELD: return "not-held";
    case QUORUM_OCCURRENCE_CANCELLED: return "cancelled";
    case QUORUM_OCCURRENCE_SCHEDULED:
    default: return "scheduled";
    }
}

/* Our own names rather than strftime's %a/%A: LC_TIME can differ from the
 * language of the messages (LANGUAGE=zh_CN with LANG=C.UTF-8). */
const char *
quorum_weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY: return _("Monday");
    case G_DATE_TUESDAY: return _("Tuesday");
    case G_DATE_WEDNESDAY: return _("Wednesday");
    case G_DATE_THURSDAY: return _("Thursday");
    case G_DATE_FRIDAY: return _("Friday");
    case G_DATE_SATURDAY: return _("Saturday");
    case G_DATE_SUNDAY: return _("Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
quorum_weekday_short_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY: return C_("weekday", "Mon");
    case G_DATE_TUESDAY: return C_("weekday", "Tue");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wed");
    case G_DATE_THURSDAY: return C_("weekday", "Thu");
    case G_DATE_FRIDAY: return C_("weekday", "Fri");
    case G_DATE_SATURDAY: return C_("weekday", "Sat");
    case G_DATE_SUNDAY: return C_("weekday", "Sun");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached ("");
    }
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = quorum_date_to_date_time (date);

  return g_date_time_format (dt, format);
}

/* "Tuesday, 20 October 2026" */
char *
quorum_format_day (const GDate *date)
{
  /* Translators: a day without its weekday, a strftime format */
  g_autofree char *day = format_date (date, _("%-d %B %Y"));

  /* Translators: 1 is the weekday, 2 the date; swap them if your language puts the weekday last */
  return g_strdup_printf (_("%1$s, %2$s"), quorum_weekday_name (g_date_get_weekday (date)), day);
}

/* "November 2026" */
char *
quorum_format_month (const GDate *date)
{
  /* Translators: the month on show in the calendar, a strftime format */
  return format_date (date, _("%B %Y"));
}

/* "09:00–11:30", or "All day" */
char *
quorum_format_time_range (QuorumOccurrence *occurrence)
{
  GDateTime *start = quorum_occurrence_get_start (occurrence);
  GDateTime *end = quorum_occurrence_get_end (occurrence);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (quorum_occurrence_get_all_day (occurrence))
    return g_strdup (_("All day"));

  from = g_date_time_format (start, "%H:%M");
  if (g_date_time_equal (start, end))
    return g_steal_pointer (&from);

  to = g_date_time_format (end, "%H:%M");
  return g_strdup_printf ("%s–%s", from, to);
}

/* The day an occurrence starts on, in its own time zone: the zone of the
 * series is the one its people live by. */
void
quorum_occurrence_get_date (QuorumOccurrence *occurrence,
                            GDate            *date)
{
  quorum_date_set_date_time (date, quorum_occurrence_get_start (occurrence));
}

/* Sets @date to the day of @date_time in @date_time's own time zone. */
void
quorum_date_set_date_time (GDate     *date,
                           GDateTime *date_time)
{
  int y, m, d;

  g_date_time_get_ymd (date_time, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

/* Midnight of @date in the local time zone. */
GDateTime *
quorum_date_to_date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

/**
 * quorum_spin_button_output_two_digits:
 * @spin: a spin button for hours or minutes
 * @user_data: unused
 *
 * A #GtkSpinButton::output handler that shows "09" rather than "9".
 *
 * Returns: %TRUE, the text is set
 */
gboolean
quorum_spin_button_output_two_digits (GtkSpinButton *spin,
                                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/**
 * quorum_widget_unparent_children:
 * @widget: a widget being disposed
 *
 * Unparents what gtk_widget_dispose_template() left: children of a plain
 * #GtkWidget that the template does not name.
 */
void
quorum_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * quorum_widget_set_css_classes:
 * @widget: a widget
 * @classes: (array zero-terminated=1): its CSS classes
 *
 * As gtk_widget_set_css_classes(), but does nothing when @widget has those
 * classes already, in any order: setting the same ones again would still
 * restyle it and everything inside it (a month switch sets the classes of
 * 42 cells and of the chips in them).
 */
void
quorum_widget_set_css_classes (GtkWidget   *widget,
                               const char **classes)
{
  g_auto(GStrv) current = NULL;
  guint n = 0;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  current = gtk_widget_get_css_classes (widget);
  for (; classes[n] != NULL; n++)
    if (!g_strv_contains ((const char * const *)current, classes[n]))
      break;
  if (classes[n] == NULL && g_strv_length (current) == n)
    return;

  gtk_widget_set_css_classes (widget, classes);
}

typedef struct
{
  guint    *source;
  void    (*refresh) (gpointer data);
  gpointer  data;
} QueuedRefresh;

static gboolean
queued_refresh_cb (gpointer user_data)
{
  QueuedRefresh *queued = user_data;

  *queued->source = 0;
  queued->refresh (queued->data);
  return G_SOURCE_REMOVE;
}

/**
 * quorum_queue_refresh:
 * @source: where the queued refresh's source id is kept, 0 when none is
 * @refresh: (scope notified): a `void (*) (Type *data)` to call
 * @data: what to pass to @refresh
 *
 * Queues one call of @refresh (@data) unless one is queued already: a
 * window's answer to the store's #QuorumStore::changed, which may come many
 * times in a row. It runs before redraws, so a running animation cannot hold
 * it back. Remove *@source (g_clear_handle_id()) when @data goes away.
 */
void
quorum_queue_refresh (guint     *source,
                      GCallback  refresh,
                      gpointer   data)
{
  QueuedRefresh *queued;

  g_return_if_fail (source != NULL);
  g_return_if_fail (refresh != NULL);

  if (*source != 0)
    return;
  queued = g_new (QueuedRefresh, 1);
  queued->source = source;
  queued->refresh = (void (*) (gpointer))refresh;
  queued->data = data;
  *source = g_idle_add_full (G_PRIORITY_DEFAULT, queued_refresh_cb, queued, g_free);
}

static void
on_reason_entry_changed_cb (AdwMessageDialog *dialog,
                            GtkEditable      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "reason-response");

  adw_message_dialog_set_response_enabled (dialog, response, *text != '\0');
}

/**
 * quorum_reason_dialog_new:
 * @parent: the window to be modal for
 * @heading: the dialog's heading
 * @body: the dialog's body
 * @placeholder: the placeholder of the entry for the reason
 * @response: the id of the response that needs a reason
 * @label: the label of @response
 * @appearance: the appearance of @response
 *
 * A message dialog asking for a reason: an entry (its extra child), and
 * the responses "cancel" (_Cancel) and @response, the default, enabled
 * only while the entry holds more than white space. Connect to
 * #AdwMessageDialog::response, read the entry with
 * adw_message_dialog_get_extra_child() and present it.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
quorum_reason_dialog_new (GtkWindow             *parent,
                          const char            *heading,
                          const char            *body,
                          const char            *placeholder,
                          const char            *response,
                          const char            *label,
                          AdwResponseAppearance  appearance)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "reason-response", g_strdup (response), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_entry_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  return dialog;
}

typedef struct
{
  GtkTickCallback callback;
  gpointer        data;
  GDestroyNotify  notify;
  gboolean        painted;   /* the first frame went by */
} AfterPaint;

static void
after_paint_free (gpointer data)
{
  AfterPaint *after = data;

  if (after->notify != NULL)
    after->notify (after->data);
  g_free (after);
}

static gboolean
after_paint_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  AfterPaint *after = data;

  if (!after->painted)
    {
      after->painted = TRUE;
      return G_SOURCE_CONTINUE;
    }
  return after->callback (widget, clock, after->data);
}

/**
 * quorum_add_tick_callback_after_paint:
 * @widget: a widget
 * @callback: (scope notified): called once a frame, as by
 *   gtk_widget_add_tick_callback()
 * @data: what to pass to @callback
 * @notify: (nullable): frees @data when the callback is removed
 *
 * Like gtk_widget_add_tick_callback(), but @callback is first called in
 * the frame after the next one: work queued while a page comes on show
 * then waits until the page has been painted, so the two do not share
 * one long frame.
 *
 * Returns: the id to remove the callback with gtk_widget_remove_tick_callback()
 */
guint
quorum_add_tick_callback_after_paint (GtkWidget       *widget,
                                      GtkTickCallback  callback,
                                      gpointer         data,
                                      GDestroyNotify   notify)
{
  AfterPaint *after;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);
  g_return_val_if_fail (callback != NULL, 0);

  after = g_new0 (AfterPaint, 1);
  after->callback = callback;
  after->data = data;
  after->notify = notify;
  return gtk_widget_add_tick_callback (widget, after_paint_tick_cb, after, after_paint_free);
}

typedef struct
{
  GPtrArray *widgets;    /* to show, in order */
  guint      next;
} LaterFrames;

static void
later_frames_free (gpointer data)
{
  LaterFrames *later = data;

  g_ptr_array_unref (later->widgets);
  g_free (later);
}

static gboolean
later_frames_tick_cb (GtkWidget     *owner,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  LaterFrames *later = data;

  gtk_widget_set_visible (g_ptr_array_index (later->widgets, later->next++), TRUE);
  return later->next < later->widgets->len ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * quorum_show_array_in_later_frames:
 * @owner: the widget whose frames count, such as a page
 * @widgets: (array length=n_widgets): the widgets to show later, in order,
 *   descendants of @owner
 * @n_widgets: how many
 *
 * Like quorum_show_in_later_frames(), for widgets gathered at run time.
 */
void
quorum_show_array_in_later_frames (GtkWidget  *owner,
                                   GtkWidget **widgets,
                                   guint       n_widgets)
{
  LaterFrames *later;

  g_return_if_fail (GTK_IS_WIDGET (owner));

  for (guint i = 0; i < n_widgets; i++)
    g_return_if_fail (GTK_IS_WIDGET (widgets[i]));
  if (n_widgets == 0)
    return;

  later = g_new0 (LaterFrames, 1);
  later->widgets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_widgets; i++)
    {
      gtk_widget_set_visible (widgets[i], FALSE);
      g_ptr_array_add (later->widgets, g_object_ref (widgets[i]));
    }
  quorum_add_tick_callback_after_paint (owner, later_frames_tick_cb, later, later_frames_free);
}

/**
 * quorum_show_in_later_frames:
 * @owner: the widget whose frames count, such as a page
 * @first: the first widget to show later, a descendant of @owner
 * @...: more of them, then %NULL
 *
 * Hides the widgets now and shows them again one a frame, in order, from
 * the frame after the one that first paints @owner. A page full of text
 * that builds and lays out every section in the frame that shows it holds
 * that frame for long; this way the top of the page comes at once and the
 * sections below it in the next few frames. Use it for sections whose
 * visibility nothing else changes.
 */
void
quorum_show_in_later_frames (GtkWidget *owner,
                             GtkWidget *first,
                             ...)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GtkWidget *widget;
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (GTK_IS_WIDGET (first));

  va_start (args, first);
  for (widget = first; widget != NULL; widget = va_arg (args, GtkWidget *))
    g_ptr_array_add (widgets, widget);
  va_end (args);
  quorum_show_array_in_later_frames (owner, (GtkWidget **)widgets->pdata, widgets->len);
}
