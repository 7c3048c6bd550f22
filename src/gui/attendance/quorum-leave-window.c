/* quorum-leave-window.c: file leave requests and record the return (请销假)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a request is saved the window lists the required events it
 * overlaps, so that the office knows whose absence to arrange. A request
 * filed less than QUORUM_LEAVE_NOTICE_DAYS ahead is warned about, and then
 * asks for the emergency; the store keeps it flagged.
 */

#define G_LOG_DOMAIN "quorum-leave-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-leave-window.h"

struct _QuorumLeaveWindow
{
  AdwWindow             parent_instance;

  QuorumStore          *store;
  GArray               *person_ids;
  guint                 refresh_source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *person_row;
  QuorumDateButton     *from_button;
  QuorumDateButton     *to_button;
  AdwEntryRow          *destination_row;
  AdwEntryRow          *reason_row;
  AdwActionRow         *notice_row;
  AdwPreferencesGroup  *overlap_group;
  GtkListBox           *overlap_list;
  AdwPreferencesGroup  *history_group;
  GtkListBox           *history_list;
};

G_DEFINE_FINAL_TYPE (QuorumLeaveWindow, quorum_leave_window, ADW_TYPE_WINDOW)

static void
toast (QuorumLeaveWindow *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gint64
get_person_id (QuorumLeaveWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->person_row);

  if (self->person_ids == NULL || selected >= self->person_ids->len)
    return 0;
  return g_array_index (self->person_ids, gint64, selected);
}

static GDate *
dup_today (QuorumLeaveWindow *self)
{
  g_autoptr(GDateTime) now = quorum_store_dup_now (self->store);

  return quorum_date_new_from_date_time (now);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder_row (GtkListBox *list,
                     const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* Days of notice from today to @start; negative once it has begun. */
static int
notice_days (QuorumLeaveWindow *self,
             const GDate       *start)
{
  g_autoptr(GDate) today = dup_today (self);

  return g_date_days_between (today, start);
}

static char *
format_range (const GDate *start,
              const GDate *end)
{
  g_autofree char *from = quorum_date_format_day (start);
  g_autofree char *to = quorum_date_format_day (end);

  if (g_date_compare (start, end) == 0)
    return g_steal_pointer (&from);
  /* Translators: a span of days, from the first to the last */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}

static void
refresh_overlaps (QuorumLeaveWindow *self)
{
  g_autoptr(GDate) start = quorum_date_button_dup_gdate (self->from_button);
  g_autoptr(GDate) end = quorum_date_button_dup_gdate (self->to_button);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  QuorumOccurrenceFilter filter = { 0 };
  gint64 person_id = get_person_id (self);
  int notice;

  clear_list (self->overlap_list);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_row), FALSE);

  if (person_id == 0 || start == NULL || end == NULL || g_date_compare (end, start) < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->overlap_group), FALSE);
      return;
    }

  notice = notice_days (self, start);
  if (notice < QUORUM_LEAVE_NOTICE_DAYS)
    {
      g_autofree char *subtitle =
        /* Translators: %1$d is the notice the rules ask for, %2$d the notice given */
        g_strdup_printf (g_dngettext (NULL,
                                      "Leave must be requested %1$d days ahead; this one starts "
                                      "in %2$d day. It can only be filed as an emergency.",
                                      "Leave must be requested %1$d days ahead; this one starts "
                                      "in %2$d days. It can only be filed as an emergency.",
                                      MAX (notice, 0)),
                         QUORUM_LEAVE_NOTICE_DAYS, MAX (notice, 0));

      adw_action_row_set_subtitle (self->notice_row, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_row), TRUE);
    }

  /* The same days as quorum_store_list_required_events_during_leave(). */
  if (!(tz = g_time_zone_new_identifier ("Asia/Shanghai")))
    tz = g_time_zone_new_utc ();
  from = g_date_time_new (tz, g_date_get_year (start), g_date_get_month (start),
                          g_date_get_day (start), 0, 0, 0);
  last = g_date_time_new (tz, g_date_get_year (end), g_date_get_month (end),
                          g_date_get_day (end), 0, 0, 0);
  to = g_date_time_add_days (last, 1);
  filter.person_id = person_id;
  if (!(occurrences = quorum_store_list_occurrences (self->store, from, to, &filter, &error)))
    {
      toast (self, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->overlap_group), TRUE);
  if (g_list_model_get_n_items (occurrences) == 0)
    add_placeholder_row (self->overlap_list, _("No required events"));

  for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(QuorumOccurrence) occurrence = g_list_model_get_item (occurrences, i);
      GDateTime *when = quorum_occurrence_get_start (occurrence);
      g_autofree char *day_text = quorum_date_format_date_time_day (when);
      g_autofree char *time_text = g_date_time_format (when, "%H:%M");
      /* Translators: when an event is: %1$s a day, %2$s a time */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s, %2$s"), day_text, time_text);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     quorum_occurrence_get_title (occurrence));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->overlap_list, row);
    }
}

static void
refresh_history (QuorumLeaveWindow *self)
{
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = dup_today (self);
  gint64 person_id = get_person_id (self);
  g_autofree char *name = NULL;

  clear_list (self->history_list);
  if (person_id == 0)
    return;

  name = g_strdup (gtk_string_object_get_string (adw_combo_row_get_selected_item (self->person_row)));
  {
    /* Translators: %s is a person */
    g_autofree char *title = g_strdup_printf (_("Leave Requests of %s"), name);

    adw_preferences_group_set_title (self->history_group, title);
  }

  if (!(leaves = quorum_store_list_leaves (self->store, person_id, &error)))
    {
      toast (self, error->message);
      return;
    }
  if (leaves->len == 0)
    add_placeholder_row (self->history_list, _("No leave requested yet"));

  /* Newest first: the current one is what the office looks for. */
  for (guint i = leaves->len; i-- > 0;)
    {
      QuorumLeave *leave = g_ptr_array_index (leaves, i);
      g_autofree char *range = format_range (leave->start, leave->end);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      gboolean begun = g_date_compare (leave->start, today) <= 0;

      g_string_append_printf (subtitle, "%s · %s", leave->destination, leave->reason);
      if (leave->emergency)
        {
          /* Translators: a leave filed at short notice; %s is the emergency */
          g_autofree char *flag = g_strdup_printf (_("Emergency: %s"), leave->emergency_reason);

          g_string_append_printf (subtitle, "\n%s", flag);
        }
      if (leave->reported_back_at != NULL)
        {
          g_autofree char *back_text = quorum_date_format_date_time_day (leave->reported_back_at);
          /* Translators: %s is the day someone returned from leave (销假) */
          g_autofree char *line = g_strdup_printf (_("Reported back on %s"), back_text);

          g_string_append_printf (subtitle, "\n%s", line);
        }
      else if (g_date_compare (leave->end, today) < 0)
        g_string_append_printf (subtitle, "\n%s", _("Not reported back yet"));
      else if (begun)
        g_string_append_printf (subtitle, "\n%s", _("Away now"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), range);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (leave->emergency)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Filed at short notice as an emergency"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Emergency"), -1);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      if (leave->reported_back_at == NULL && begun)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Report Back"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "leave.report-back");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", leave->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->history_list, row);
    }
}

static void
refresh_people (QuorumLeaveWindow *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 selected_id = get_person_id (self);
  guint selected = 0;

  if (!(people = quorum_store_list_people (self->store, FALSE, NULL)))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      gint64 id = quorum_person_get_id (person);

      if (id == selected_id)
        selected = i;
      gtk_string_list_append (names, quorum_person_get_name (person));
      g_array_append_val (ids, id);
    }

  /* Same people: keep the row as it is, with its popover and selection. */
  if (self->person_ids != NULL && self->person_ids->len == ids->len &&
      memcmp (self->person_ids->data, ids->data, ids->len * sizeof (gint64)) == 0)
    return;

  g_clear_pointer (&self->person_ids, g_array_unref);
  self->person_ids = g_steal_pointer (&ids);
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->person_row, selected);
}

static void
refresh (QuorumLeaveWindow *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    return;
  refresh_people (self);
  refresh_overlaps (self);
  refresh_history (self);
}

static void
on_store_changed_cb (QuorumLeaveWindow *self,
                     const char        *entity,
                     gint64             id,
                     QuorumStore       *store)
{
  quorum_queue_refresh (&self->refresh_source, G_CALLBACK (refresh), self);
}

static void
on_input_changed_cb (QuorumLeaveWindow *self)
{
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;

  if (self->store == NULL)
    return;

  /* A one-day leave is the common case: the last day follows the first. */
  start = quorum_date_button_dup_gdate (self->from_button);
  end = quorum_date_button_dup_gdate (self->to_button);
  if (start != NULL && (end == NULL || g_date_compare (end, start) < 0))
    quorum_date_button_set_gdate (self->to_button, start);

  refresh_overlaps (self);
  refresh_history (self);
}

/* Files the request; %FALSE (with a toast) when the store refuses it. */
static gboolean
file_leave (QuorumLeaveWindow *self,
            gboolean           emergency,
            const char        *emergency_reason)
{
  g_autoptr(GDate) start = quorum_date_button_dup_gdate (self->from_button);
  g_autoptr(GDate) end = quorum_date_button_dup_gdate (self->to_button);
  g_autoptr(GError) error = NULL;

  if (get_person_id (self) == 0)
    {
      toast (self, _("Pick the person who goes on leave."));
      return FALSE;
    }
  if (quorum_store_add_leave (self->store, get_person_id (self), start, end,
                              gtk_editable_get_text (GTK_EDITABLE (self->destination_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                              NULL, emergency, emergency_reason, &error) == 0)
    {
      toast (self, error->message);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->destination_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  toast (self, _("Leave request filed"));
  refresh (self);
  return TRUE;
}

static void
on_emergency_response_cb (QuorumLeaveWindow *self,
                          const char        *response,
                          AdwMessageDialog  *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "file") == 0)
    quorum_leave_window_file_emergency (self, gtk_editable_get_text (entry));
}

static void
ask_emergency (QuorumLeaveWindow *self,
               int                notice)
{
  GtkWidget *dialog;
  g_autofree char *body =
    /* Translators: %1$d is the notice the rules ask for, %2$d the notice given */
    g_strdup_printf (g_dngettext (NULL,
                                  "Leave must be requested %1$d days ahead, and this one starts "
                                  "in %2$d day. Only an emergency allows that: say what it is. "
                                  "The request stays marked as an emergency.",
                                  "Leave must be requested %1$d days ahead, and this one starts "
                                  "in %2$d days. Only an emergency allows that: say what it is. "
                                  "The request stays marked as an emergency.",
                                  MAX (notice, 0)),
                     QUORUM_LEAVE_NOTICE_DAYS, MAX (notice, 0));

  dialog = quorum_reason_dialog_new (GTK_WINDOW (self), _("File as an Emergency?"), body,
                                     _("The emergency"), "file", _("File as _Emergency"),
                                     ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_emergency_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumLeaveWindow *self = QUORUM_LEAVE_WINDOW (widget);
  g_autoptr(GDate) start = quorum_date_button_dup_gdate (self->from_button);
  int notice;

  if (start == NULL)
    {
      toast (self, _("Pick the first day away."));
      return;
    }
  notice = notice_days (self, start);
  if (notice < QUORUM_LEAVE_NOTICE_DAYS)
    ask_emergency (self, notice);
  else
    file_leave (self, FALSE, NULL);
}

static void
report_back_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumLeaveWindow *self = QUORUM_LEAVE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!quorum_store_report_back (self->store, g_variant_get_int64 (param), NULL, &error))
    toast (self, error->message);
  else
    refresh (self);
}

static void
quorum_leave_window_dispose (GObject *object)
{
  QuorumLeaveWindow *self = (QuorumLeaveWindow *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_LEAVE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (quorum_leave_window_parent_class)->dispose (object);
}

static void
quorum_leave_window_class_init (QuorumLeaveWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_leave_window_dispose;

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/attendance/quorum-leave-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, person_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, from_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, to_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, destination_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, notice_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, overlap_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, overlap_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, history_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumLeaveWindow, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);

  gtk_widget_class_install_action (widget_class, "leave.file", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "leave.report-back", "x", report_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_leave_window_init (QuorumLeaveWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_leave_window_new:
 * @store: the store
 *
 * Returns: (transfer none): a new window; present it
 */
QuorumLeaveWindow *
quorum_leave_window_new (QuorumStore *store)
{
  QuorumLeaveWindow *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) ahead = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_LEAVE_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The earliest day that needs no emergency. */
  now = quorum_store_dup_now (store);
  ahead = g_date_time_add_days (now, QUORUM_LEAVE_NOTICE_DAYS);
  quorum_date_button_set_date (self->from_button, ahead);
  quorum_date_button_set_date (self->to_button, ahead);
  refresh (self);
  return self;
}

/**
 * quorum_leave_window_file_emergency:
 * @self: a #QuorumLeaveWindow
 * @emergency_reason: what the emergency is
 *
 * Files the request in the form as an emergency (因紧急事项临时外出), as the
 * short-notice dialog does.
 *
 * Returns: %TRUE when it was filed
 */
gboolean
quorum_leave_window_file_emergency (QuorumLeaveWindow *self,
                                    const char        *emergency_reason)
{
  g_return_val_if_fail (QUORUM_IS_LEAVE_WINDOW (self), FALSE);

  return file_leave (self, TRUE, emergency_reason);
}
