/* quorum-occurrence-window.c: one occurrence, its roll call, minutes and sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll call is made for the keyboard: Up and Down move between people,
 * 1–4 mark the focused person present, late, excused or absent, typing goes
 * to the name filter, and Enter on an excused person opens the reason. Each
 * mark is written at once; the store's `changed` signal brings the stored
 * state back into the rows (coalesced in an idle).
 */

#define G_LOG_DOMAIN "quorum-occurrence-window"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-occurrence-editor.h"
#include "quorum-makeup-dialog.h"
#include "quorum-occurrence-window.h"
#include "quorum-roll-row.h"
#include "quorum-sheet-print.h"
#include "quorum-sheet-render.h"
#include "quorum-sheet-store.h"

#define MINUTES_SAVE_DELAY_MS 800

struct _QuorumOccurrenceWindow
{
  AdwWindow             parent_instance;

  QuorumStore          *store;
  QuorumWorkdays       *workdays;
  QuorumRulebook       *rulebook;
  gint64                occurrence_id;
  QuorumOccurrence     *occurrence;
  GListModel           *owed;
  guint                 refresh_source;
  guint                 minutes_source;
  gboolean              minutes_dirty;
  gboolean              updating;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkLabel             *title_label;
  GtkLabel             *duty_label;
  AdwActionRow         *when_row;
  AdwActionRow         *place_row;
  AdwActionRow         *status_row;
  AdwPreferencesGroup  *roll_group;
  GtkSearchEntry       *search_entry;
  GtkListBox           *roll_list;
  AdwPreferencesGroup  *makeups_group;
  GtkListBox           *makeups_list;
  GtkTextView          *minutes_view;
  AdwActionRow         *signed_row;
  QuorumDateButton     *signed_button;
};

G_DEFINE_FINAL_TYPE (QuorumOccurrenceWindow, quorum_occurrence_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKDAYS,
  PROP_RULEBOOK,
  PROP_OCCURRENCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char      *nick;
  QuorumSheetKind  kind;
} sheet_kinds[] = {
  { "sign-in", QUORUM_SHEET_SIGN_IN },
  { "record", QUORUM_SHEET_RECORD },
  { "speaking-order", QUORUM_SHEET_SPEAKING_ORDER },
};

static void refresh (QuorumOccurrenceWindow *self);

static void
show_error (QuorumOccurrenceWindow *self,
            const GError           *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static gboolean
has_started (QuorumOccurrenceWindow *self)
{
  g_autoptr(GDateTime) now = quorum_store_dup_now (self->store);

  return g_date_time_compare (quorum_occurrence_get_start (self->occurrence), now) <= 0;
}

static char *
format_span (QuorumOccurrence *occurrence)
{
  GDateTime *start = quorum_occurrence_get_start (occurrence);
  GDateTime *end = quorum_occurrence_get_end (occurrence);
  g_autoptr(GDate) day = quorum_date_new_from_date_time (start);
  g_autofree char *date = quorum_date_format_day (day);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (quorum_occurrence_get_all_day (occurrence))
    return g_steal_pointer (&date);
  from = g_date_time_format (start, "%H:%M");
  to = g_date_time_format (end, "%H:%M");
  /* Translators: the time of an event: %1$s is its day, %2$s and %3$s hours */
  return g_strdup_printf (_("%1$s, %2$s–%3$s"), date, from, to);
}

static char *
dup_status_text (QuorumOccurrence *occurrence)
{
  const char *reason = quorum_occurrence_get_status_reason (occurrence);

  switch (quorum_occurrence_get_status (occurrence))
    {
    case QUORUM_OCCURRENCE_HELD:
      return g_strdup (_("Held"));
    case QUORUM_OCCURRENCE_NOT_HELD:
      /* Translators: the status of an event; %s is why */
      return g_strdup_printf (_("Not held: %s"), reason != NULL ? reason : "");
    case QUORUM_OCCURRENCE_CANCELLED:
      /* Translators: the status of an event; %s is why */
      return g_strdup_printf (_("Cancelled: %s"), reason != NULL ? reason : "");
    case QUORUM_OCCURRENCE_SCHEDULED:
    default:
      return g_strdup (_("Scheduled"));
    }
}

/* How many working days the minutes may take: the rulebook's minutes duty
 * (article 16), else 3. */
static int
minutes_deadline_days (QuorumOccurrenceWindow *self)
{
  GListModel *duties;

  if (self->rulebook == NULL)
    return 3;
  duties = quorum_rulebook_get_duties (self->rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      if (g_strcmp0 (quorum_duty_get_record (duty), "minutes") == 0 &&
          quorum_duty_get_measure (duty) == QUORUM_MEASURE_DEADLINE_WORKDAYS)
        return quorum_duty_get_min (duty);
    }
  return 3;
}

static char *
format_short_day (const GDate *date)
{
  char buffer[64];

  /* Translators: a short strftime day, as in "Sign by 25 Nov" */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %b"), date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

static void
update_deadline (QuorumOccurrenceWindow *self)
{
  g_autoptr(GDate) meeting = quorum_date_new_from_date_time (quorum_occurrence_get_start (self->occurrence));
  g_autoptr(GDate) signed_on = quorum_date_button_dup_gdate (self->signed_button);
  g_autoptr(GDateTime) now = quorum_store_dup_now (self->store);
  g_autoptr(GDate) today = quorum_date_new_from_date_time (now);
  g_autofree char *text = NULL;
  g_autofree char *due_text = NULL;
  QuorumOccurrenceStatus status = quorum_occurrence_get_status (self->occurrence);
  int days = minutes_deadline_days (self);
  gboolean late = FALSE;
  GDate due;

  g_date_clear (&due, 1);
  if (self->workdays != NULL)
    quorum_workdays_add (self->workdays, meeting, days, &due, NULL);
  else
    {
      due = *meeting;
      g_date_add_days (&due, days);
    }
  due_text = format_short_day (&due);

  if (status == QUORUM_OCCURRENCE_NOT_HELD || status == QUORUM_OCCURRENCE_CANCELLED)
    text = NULL;
  else if (signed_on != NULL && g_date_compare (signed_on, &due) <= 0)
    /* Translators: %d is a number of working days */
    text = g_strdup_printf (g_dngettext (NULL, "Signed within %d working day",
                                         "Signed within %d working days", days), days);
  else if (signed_on != NULL)
    {
      /* Translators: %s is the day the minutes were due */
      text = g_strdup_printf (_("Signed late: due by %s"), due_text);
      late = TRUE;
    }
  else if (g_date_compare (today, &due) > 0)
    {
      /* Translators: %1$s is the day the minutes were due, %2$d a number of working days */
      text = g_strdup_printf (g_dngettext (NULL, "Overdue: sign by %1$s (%2$d working day)",
                                           "Overdue: sign by %1$s (%2$d working days)", days),
                              due_text, days);
      late = TRUE;
    }
  else
    /* Translators: %1$s is the day the minutes are due, %2$d a number of working days */
    text = g_strdup_printf (g_dngettext (NULL, "Sign by %1$s (%2$d working day)",
                                         "Sign by %1$s (%2$d working days)", days),
                            due_text, days);

  adw_action_row_set_subtitle (self->signed_row, text != NULL ? text : "");
  if (late)
    gtk_widget_add_css_class (GTK_WIDGET (self->signed_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->signed_row), "error");
}

static void
save_minutes (QuorumOccurrenceWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) signed_on = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->minutes_view);
  GtkTextIter start, end;

  g_clear_handle_id (&self->minutes_source, g_source_remove);
  if (self->store == NULL || self->occurrence == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  signed_on = quorum_date_button_dup_gdate (self->signed_button);
  self->minutes_dirty = FALSE;
  if (!quorum_store_set_minutes (self->store, self->occurrence_id, text, signed_on, &error))
    show_error (self, error);
}

static gboolean
save_minutes_cb (gpointer user_data)
{
  QuorumOccurrenceWindow *self = user_data;

  self->minutes_source = 0;
  save_minutes (self);
  return G_SOURCE_REMOVE;
}

static void
on_minutes_changed_cb (QuorumOccurrenceWindow *self,
                       GtkTextBuffer          *buffer)
{
  if (self->updating)
    return;
  self->minutes_dirty = TRUE;
  g_clear_handle_id (&self->minutes_source, g_source_remove);
  self->minutes_source = g_timeout_add (MINUTES_SAVE_DELAY_MS, save_minutes_cb, self);
}

static void
on_signed_date_cb (QuorumOccurrenceWindow *self,
                   GParamSpec             *pspec,
                   QuorumDateButton       *button)
{
  if (self->updating)
    return;
  save_minutes (self);
  /* A refused day goes back to the stored one. */
  refresh (self);
}

static void
load_minutes (QuorumOccurrenceWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) signed_on = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->minutes_view);

  if (!quorum_store_get_minutes (self->store, self->occurrence_id, &text, &signed_on, &error))
    {
      show_error (self, error);
      return;
    }

  self->updating = TRUE;
  if (!self->minutes_dirty)
    {
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
        gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
    }
  quorum_date_button_set_gdate (self->signed_button, signed_on);
  self->updating = FALSE;
}

static void
on_row_commit_cb (QuorumOccurrenceWindow *self,
                  guint                   status,
                  guint                   excuse_kind,
                  const char             *reason,
                  gboolean                key_speaker,
                  QuorumRollRow          *row)
{
  g_autoptr(GError) error = NULL;

  if (!quorum_store_set_attendance (self->store, self->occurrence_id,
                                    quorum_roll_row_get_person_id (row), status, reason,
                                    excuse_kind, key_speaker, NULL, &error))
    {
      quorum_roll_row_set_error (row, error->message);
      show_error (self, error);
    }
}

static QuorumRollRow *
find_row (QuorumOccurrenceWindow *self,
          gint64                  person_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->roll_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (QUORUM_IS_ROLL_ROW (child) &&
          quorum_roll_row_get_person_id (QUORUM_ROLL_ROW (child)) == person_id)
        return QUORUM_ROLL_ROW (child);
    }
  return NULL;
}

static gboolean
same_people (QuorumOccurrenceWindow *self,
             GListModel             *roll)
{
  guint n = g_list_model_get_n_items (roll);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->roll_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(QuorumAttendance) item = NULL;

      if (!QUORUM_IS_ROLL_ROW (child))
        continue;
      if (i >= n)
        return FALSE;
      item = g_list_model_get_item (roll, i++);
      if (quorum_attendance_get_person_id (item) !=
          quorum_roll_row_get_person_id (QUORUM_ROLL_ROW (child)))
        return FALSE;
    }
  return i == n;
}

static void
refresh_roll (QuorumOccurrenceWindow *self)
{
  g_autoptr(GListModel) roll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  gboolean can_attend;
  guint expected = 0;
  guint recorded = 0;
  guint n;

  if (!(roll = quorum_store_list_attendance (self->store, self->occurrence_id, &error)))
    {
      show_error (self, error);
      return;
    }

  can_attend = has_started (self) &&
               quorum_occurrence_get_status (self->occurrence) != QUORUM_OCCURRENCE_CANCELLED;
  n = g_list_model_get_n_items (roll);

  if (!same_people (self, roll))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roll_list))) != NULL)
        gtk_list_box_remove (self->roll_list, child);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QuorumAttendance) item = g_list_model_get_item (roll, i);
          GtkWidget *row = quorum_roll_row_new (item);

          g_signal_connect_object (row, "commit", G_CALLBACK (on_row_commit_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_list_box_append (self->roll_list, row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (roll, i);
      QuorumRollRow *row = find_row (self, quorum_attendance_get_person_id (item));

      quorum_roll_row_set_attendance (row, item);
      quorum_roll_row_set_number (row, i + 1);
      quorum_roll_row_set_sensitive_marks (row, can_attend);
      if (quorum_attendance_get_expected (item))
        {
          expected++;
          if (quorum_attendance_get_recorded (item))
            recorded++;
        }
    }

  /* Translators: roll-call progress; %1$u people of %2$u expected are recorded */
  progress = g_strdup_printf (g_dngettext (NULL, "%1$u of %2$u recorded",
                                           "%1$u of %2$u recorded", expected),
                              recorded, expected);
  adw_preferences_group_set_description (self->roll_group, progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.all-present",
                                 can_attend && recorded < expected);
}

static void
refresh_makeups (QuorumOccurrenceWindow *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListStore) mine = g_list_store_new (QUORUM_TYPE_ATTENDANCE);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (!(all = quorum_store_list_owed_makeups (self->store, 0, &error)))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (all, i);

      if (quorum_attendance_get_occurrence_id (item) == self->occurrence_id)
        g_list_store_append (mine, item);
    }
  g_set_object (&self->owed, G_LIST_MODEL (mine));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->makeups_list))) != NULL)
    gtk_list_box_remove (self->makeups_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (self->owed); i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (self->owed, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record Make-up…"));
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     quorum_attendance_get_person_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   quorum_attendance_get_status (item) == QUORUM_ATTENDANCE_ABSENT
                                   ? _("Absent") : _("Excused"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "occurrence.record-makeup");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        quorum_attendance_get_person_id (item));
      /* Translators: accessible label of a button; %s is a person */
      accessible = g_strdup_printf (_("Record the make-up of %s"),
                                    quorum_attendance_get_person_name (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->makeups_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->makeups_group),
                          g_list_model_get_n_items (self->owed) > 0);
}

static void
refresh (QuorumOccurrenceWindow *self)
{
  g_autoptr(QuorumOccurrence) occurrence = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *span = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *day_text = NULL;
  g_autoptr(GDate) day = NULL;
  QuorumOccurrenceStatus status;
  gboolean started;
  gboolean speaking_order;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->store != NULL && self->occurrence_id > 0)
    occurrence = quorum_store_get_occurrence (self->store, self->occurrence_id, NULL);
  g_set_object (&self->occurrence, occurrence);
  if (occurrence == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "missing");
      adw_window_title_set_title (self->window_title, _("No Such Event"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->toast_overlay), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.export", FALSE);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "content");

  day = quorum_date_new_from_date_time (quorum_occurrence_get_start (occurrence));
  day_text = quorum_date_format_day (day);
  adw_window_title_set_title (self->window_title, quorum_occurrence_get_title (occurrence));
  adw_window_title_set_subtitle (self->window_title, day_text);
  gtk_window_set_title (GTK_WINDOW (self), quorum_occurrence_get_title (occurrence));
  gtk_label_set_label (self->title_label, quorum_occurrence_get_title (occurrence));

  duty = quorum_sheet_dup_duty_label (self->rulebook, quorum_occurrence_get_duty_id (occurrence));
  gtk_label_set_label (self->duty_label, duty != NULL ? duty : "");
  gtk_widget_set_visible (GTK_WIDGET (self->duty_label), duty != NULL);

  span = format_span (occurrence);
  adw_action_row_set_subtitle (self->when_row, span);
  adw_action_row_set_subtitle (self->place_row, quorum_occurrence_get_location (occurrence) != NULL
                                                ? quorum_occurrence_get_location (occurrence)
                                                : "");
  gtk_widget_set_visible (GTK_WIDGET (self->place_row),
                          quorum_occurrence_get_location (occurrence) != NULL);

  status = quorum_occurrence_get_status (occurrence);
  status_text = dup_status_text (occurrence);
  adw_action_row_set_subtitle (self->status_row, status_text);
  started = has_started (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.mark-held",
                                 started && status != QUORUM_OCCURRENCE_HELD &&
                                 status != QUORUM_OCCURRENCE_CANCELLED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.not-held",
                                 started && status != QUORUM_OCCURRENCE_NOT_HELD &&
                                 status != QUORUM_OCCURRENCE_CANCELLED &&
                                 quorum_occurrence_get_n_attended (occurrence) == 0);

  speaking_order = quorum_sheet_occurrence_has_speaking_order (self->store, self->rulebook,
                                                               self->occurrence_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.print-speaking-order",
                                 speaking_order);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "occurrence.export-speaking-order",
                                 speaking_order);

  refresh_roll (self);
  refresh_makeups (self);
  load_minutes (self);
  update_deadline (self);
}

static void
on_store_changed_cb (QuorumOccurrenceWindow *self,
                     const char             *entity,
                     gint64                  id,
                     QuorumStore            *store)
{
  quorum_queue_refresh (&self->refresh_source, G_CALLBACK (refresh), self);
}

/* Keyboard ---------------------------------------------------------------- */

static QuorumRollRow *
get_focused_row (QuorumOccurrenceWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;

  if (focus != NULL && (row = gtk_widget_get_ancestor (focus, QUORUM_TYPE_ROLL_ROW)) != NULL)
    return QUORUM_ROLL_ROW (row);
  return NULL;
}

static GtkListBoxRow *
first_visible_row (QuorumOccurrenceWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->roll_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
focus_first_row (QuorumOccurrenceWindow *self)
{
  GtkListBoxRow *row = first_visible_row (self);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);
  QuorumRollRow *row = get_focused_row (self);
  int status = g_variant_get_int32 (param);

  if (row == NULL || status <= QUORUM_ATTENDANCE_UNKNOWN || status > QUORUM_ATTENDANCE_ABSENT)
    return;
  quorum_roll_row_mark (row, status);
}

static void
on_roll_row_activated_cb (QuorumOccurrenceWindow *self,
                          GtkListBoxRow          *row,
                          GtkListBox             *list)
{
  if (QUORUM_IS_ROLL_ROW (row) &&
      quorum_roll_row_get_shown_status (QUORUM_ROLL_ROW (row)) == QUORUM_ATTENDANCE_EXCUSED)
    quorum_roll_row_focus_reason (QUORUM_ROLL_ROW (row));
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  QuorumOccurrenceWindow *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (text == NULL || *text == '\0' || !QUORUM_IS_ROLL_ROW (row))
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (quorum_attendance_get_person_name (
                            quorum_roll_row_get_attendance (QUORUM_ROLL_ROW (row))), -1);
  return strstr (name, needle) != NULL;
}

static void
on_search_changed_cb (QuorumOccurrenceWindow *self,
                      GtkSearchEntry         *entry)
{
  gtk_list_box_invalidate_filter (self->roll_list);
}

static void
on_search_activate_cb (QuorumOccurrenceWindow *self,
                       GtkSearchEntry         *entry)
{
  focus_first_row (self);
}

static void
on_search_stop_cb (QuorumOccurrenceWindow *self,
                   GtkSearchEntry         *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  focus_first_row (self);
}

static gboolean
on_search_key_pressed_cb (QuorumOccurrenceWindow *self,
                          guint                   keyval,
                          guint                   keycode,
                          GdkModifierType         state,
                          GtkEventControllerKey  *controller)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      focus_first_row (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
add_mark_shortcuts (QuorumOccurrenceWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint key, keypad; QuorumAttendanceStatus status; } keys[] = {
    { GDK_KEY_1, GDK_KEY_KP_1, QUORUM_ATTENDANCE_PRESENT },
    { GDK_KEY_2, GDK_KEY_KP_2, QUORUM_ATTENDANCE_LATE },
    { GDK_KEY_3, GDK_KEY_KP_3, QUORUM_ATTENDANCE_EXCUSED },
    { GDK_KEY_4, GDK_KEY_KP_4, QUORUM_ATTENDANCE_ABSENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger =
        gtk_alternative_trigger_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                     gtk_keyval_trigger_new (keys[i].keypad, 0));
      GtkShortcut *shortcut = gtk_shortcut_new (trigger,
                                                gtk_named_action_new ("roll.mark"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].status));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->roll_list), controller);
}

/* Actions ----------------------------------------------------------------- */

static void
all_present_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!quorum_store_set_all_present (self->store, self->occurrence_id, NULL, &error))
    show_error (self, error);
  else
    refresh (self);
}

/* Change the time, place or title: this one, this and following, or all. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);

  quorum_occurrence_editor_present (GTK_WINDOW (self), self->store, self->workdays,
                                    self->occurrence_id);
}

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!quorum_store_mark_held (self->store, self->occurrence_id, &error))
    show_error (self, error);
}

static void
on_not_held_response_cb (QuorumOccurrenceWindow *self,
                         const char             *response,
                         AdwMessageDialog       *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "not-held") != 0)
    return;
  if (!quorum_store_mark_not_held (self->store, self->occurrence_id,
                                   gtk_editable_get_text (entry), &error))
    show_error (self, error);
}

static void
not_held_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);
  GtkWidget *dialog;

  dialog = quorum_reason_dialog_new (GTK_WINDOW (self), _("Mark as Not Held?"),
                                     _("Say why the session did not take place. The reason is "
                                       "kept with the record."),
                                     _("Reason"), "not-held", _("Mark _Not Held"),
                                     ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_not_held_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
kind_from_nick (const char      *nick,
                QuorumSheetKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (sheet_kinds); i++)
    if (g_strcmp0 (sheet_kinds[i].nick, nick) == 0)
      {
        *out = sheet_kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static QuorumSheet *
build_sheet (QuorumOccurrenceWindow  *self,
             QuorumSheetKind          kind,
             GError                 **error)
{
  /* Unsaved minutes must not be missing from the record. */
  if (self->minutes_dirty)
    save_minutes (self);
  return quorum_sheet_new_for_occurrence (self->store, self->rulebook, self->occurrence_id,
                                          kind, error);
}

static void
print_sheet (QuorumOccurrenceWindow *self,
             QuorumSheetKind         kind)
{
  g_autoptr(QuorumSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  if (!(sheet = build_sheet (self, kind, &error)))
    {
      show_error (self, error);
      return;
    }
  quorum_sheet_print (sheet, GTK_WINDOW (self));
}

static char *
dup_file_name (QuorumOccurrenceWindow *self,
               QuorumSheetKind         kind)
{
  g_autofree char *day = g_date_time_format (quorum_occurrence_get_start (self->occurrence),
                                             "%Y-%m-%d");
  g_autofree char *name = NULL;
  const char *what;

  switch (kind)
    {
    case QUORUM_SHEET_RECORD:
      what = _("Attendance Record");
      break;
    case QUORUM_SHEET_SPEAKING_ORDER:
      what = _("Speaking Order");
      break;
    case QUORUM_SHEET_SIGN_IN:
    default:
      what = _("Sign-in Sheet");
      break;
    }
  /* Translators: a PDF file name: %1$s a day, %2$s an event, %3$s the kind of sheet */
  name = g_strdup_printf (_("%1$s %2$s %3$s.pdf"), day,
                          quorum_occurrence_get_title (self->occurrence), what);
  g_strdelimit (name, "/\\", '-');
  return g_steal_pointer (&name);
}

static void
export_sheet (QuorumOccurrenceWindow *self,
              QuorumSheetKind         kind)
{
  g_autoptr(QuorumSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!(sheet = build_sheet (self, kind, &error)))
    {
      show_error (self, error);
      return;
    }
  name = dup_file_name (self, kind);
  quorum_sheet_export_pdf (sheet, GTK_WINDOW (self), name);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);
  QuorumSheetKind kind = QUORUM_SHEET_SIGN_IN;

  if (param != NULL && !kind_from_nick (g_variant_get_string (param, NULL), &kind))
    return;
  if (g_str_has_suffix (action_name, "speaking-order"))
    kind = QUORUM_SHEET_SPEAKING_ORDER;

  if (g_str_has_prefix (action_name, "occurrence.export"))
    export_sheet (self, kind);
  else
    print_sheet (self, kind);
}

static void
record_makeup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);
  gint64 person_id = g_variant_get_int64 (param);

  for (guint i = 0; self->owed != NULL && i < g_list_model_get_n_items (self->owed); i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (self->owed, i);

      if (quorum_attendance_get_person_id (item) == person_id)
        {
          gtk_window_present (GTK_WINDOW (quorum_makeup_dialog_new (self->store, item,
                                                                    GTK_WINDOW (self))));
          return;
        }
    }
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (param, NULL)));
}

/* GObject ----------------------------------------------------------------- */

static gboolean
quorum_occurrence_window_close_request (GtkWindow *window)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (window);

  if (self->minutes_dirty)
    save_minutes (self);

  return GTK_WINDOW_CLASS (quorum_occurrence_window_parent_class)->close_request (window);
}

static void
quorum_occurrence_window_constructed (GObject *object)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (object);

  G_OBJECT_CLASS (quorum_occurrence_window_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
  focus_first_row (self);
}

static void
quorum_occurrence_window_dispose (GObject *object)
{
  QuorumOccurrenceWindow *self = (QuorumOccurrenceWindow *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->minutes_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_OCCURRENCE_WINDOW);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->owed);
  g_clear_object (&self->store);
  g_clear_object (&self->workdays);
  g_clear_object (&self->rulebook);

  G_OBJECT_CLASS (quorum_occurrence_window_parent_class)->dispose (object);
}

static void
quorum_occurrence_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WORKDAYS:
      g_value_set_object (value, self->workdays);
      break;
    case PROP_RULEBOOK:
      g_value_set_object (value, self->rulebook);
      break;
    case PROP_OCCURRENCE_ID:
      g_value_set_int64 (value, self->occurrence_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_occurrence_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumOccurrenceWindow *self = QUORUM_OCCURRENCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_WORKDAYS:
      self->workdays = g_value_dup_object (value);
      break;
    case PROP_RULEBOOK:
      self->rulebook = g_value_dup_object (value);
      break;
    case PROP_OCCURRENCE_ID:
      self->occurrence_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_occurrence_window_class_init (QuorumOccurrenceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = quorum_occurrence_window_constructed;
  object_class->dispose = quorum_occurrence_window_dispose;
  object_class->get_property = quorum_occurrence_window_get_property;
  object_class->set_property = quorum_occurrence_window_set_property;
  window_class->close_request = quorum_occurrence_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE, flags);
  properties[PROP_WORKDAYS] = g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS,
                                                   flags);
  properties[PROP_RULEBOOK] = g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK,
                                                   flags);
  properties[PROP_OCCURRENCE_ID] = g_param_spec_int64 ("occurrence-id", NULL, NULL,
                                                       0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/attendance/quorum-occurrence-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, duty_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, when_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, roll_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, roll_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, makeups_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, makeups_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, signed_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceWindow, signed_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_roll_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "roll.mark", "i", mark_action);
  gtk_widget_class_install_action (widget_class, "occurrence.all-present", NULL,
                                   all_present_action);
  gtk_widget_class_install_action (widget_class, "occurrence.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "occurrence.mark-held", NULL, mark_held_action);
  gtk_widget_class_install_action (widget_class, "occurrence.not-held", NULL, not_held_action);
  gtk_widget_class_install_action (widget_class, "occurrence.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "occurrence.export", "s", print_action);
  gtk_widget_class_install_action (widget_class, "occurrence.print-speaking-order", NULL,
                                   print_action);
  gtk_widget_class_install_action (widget_class, "occurrence.export-speaking-order", NULL,
                                   print_action);
  gtk_widget_class_install_action (widget_class, "occurrence.record-makeup", "x",
                                   record_makeup_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "occurrence.all-present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "occurrence.print", "s", "sign-in");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
quorum_occurrence_window_init (QuorumOccurrenceWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->roll_list, filter_row, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  add_mark_shortcuts (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->minutes_view), "changed",
                           G_CALLBACK (on_minutes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signed_button, "notify::date", G_CALLBACK (on_signed_date_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * quorum_occurrence_window_new:
 * @store: the store
 * @workdays: (nullable): the holiday calendar, for the minutes' deadline
 * @rulebook: (nullable): the rulebook in force
 * @occurrence_id: the occurrence to show
 *
 * Returns: (transfer none): a new window; present it
 */
QuorumOccurrenceWindow *
quorum_occurrence_window_new (QuorumStore    *store,
                              QuorumWorkdays *workdays,
                              QuorumRulebook *rulebook,
                              gint64          occurrence_id)
{
  return g_object_new (QUORUM_TYPE_OCCURRENCE_WINDOW,
                       "store", store,
                       "workdays", workdays,
                       "rulebook", rulebook,
                       "occurrence-id", occurrence_id,
                       NULL);
}

gint64
quorum_occurrence_window_get_occurrence_id (QuorumOccurrenceWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE_WINDOW (self), 0);

  return self->occurrence_id;
}

/**
 * quorum_occurrence_window_export_pdf:
 * @self: a #QuorumOccurrenceWindow
 * @kind: which sheet
 * @path: where to write the PDF
 * @error: return location for a #GError
 *
 * Writes a sheet of the occurrence as "Export PDF…" does, without asking.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_occurrence_window_export_pdf (QuorumOccurrenceWindow  *self,
                                     QuorumSheetKind          kind,
                                     const char              *path,
                                     GError                 **error)
{
  g_autoptr(QuorumSheet) sheet = NULL;

  g_return_val_if_fail (QUORUM_IS_OCCURRENCE_WINDOW (self), FALSE);

  if (!(sheet = build_sheet (self, kind, error)))
    return FALSE;
  return quorum_sheet_write_pdf (sheet, path, error);
}
