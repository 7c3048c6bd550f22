/* quorum-roll-row.c: one person on the roll call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows what the store holds (a QuorumAttendance) and asks for
 * changes with the `commit` signal; the occurrence window writes them and
 * hands the row the stored result. Only an excuse still waiting for its
 * reason lives in the row alone, because the store refuses it without one.
 */

#define G_LOG_DOMAIN "quorum-roll-row"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-roll-row.h"

struct _QuorumRollRow
{
  GtkListBoxRow           parent_instance;

  QuorumAttendance       *attendance;
  /* Excused is picked but has no reason yet: nothing is stored. */
  gboolean                pending_excuse;
  gboolean                updating;

  /* Template widgets */
  GtkLabel               *number_label;
  GtkLabel               *name_label;
  GtkLabel               *post_label;
  GtkToggleButton        *speaker_button;
  GtkBox                 *status_box;
  GtkToggleButton        *present_button;
  GtkToggleButton        *late_button;
  GtkToggleButton        *excused_button;
  GtkToggleButton        *absent_button;
  GtkRevealer            *excuse_revealer;
  GtkDropDown            *excuse_kind_dropdown;
  GtkEntry               *reason_entry;
  GtkLabel               *error_label;
};

G_DEFINE_FINAL_TYPE (QuorumRollRow, quorum_roll_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The drop-down's items, in order. */
static const QuorumExcuseKind excuse_kinds[] = {
  QUORUM_EXCUSE_LEAVE,
  QUORUM_EXCUSE_OFFICIAL_BUSINESS,
  QUORUM_EXCUSE_OTHER,
};

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return *g_strstrip (copy) == '\0';
}

static GtkToggleButton *
button_for_status (QuorumRollRow          *self,
                   QuorumAttendanceStatus  status)
{
  switch (status)
    {
    case QUORUM_ATTENDANCE_PRESENT:
      return self->present_button;
    case QUORUM_ATTENDANCE_LATE:
      return self->late_button;
    case QUORUM_ATTENDANCE_EXCUSED:
      return self->excused_button;
    case QUORUM_ATTENDANCE_ABSENT:
      return self->absent_button;
    case QUORUM_ATTENDANCE_UNKNOWN:
    default:
      return NULL;
    }
}

static QuorumExcuseKind
get_excuse_kind (QuorumRollRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->excuse_kind_dropdown);

  return selected < G_N_ELEMENTS (excuse_kinds) ? excuse_kinds[selected] : QUORUM_EXCUSE_OTHER;
}

static void
show_error (QuorumRollRow *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_entry), "error");
}

static void
show_status (QuorumRollRow          *self,
             QuorumAttendanceStatus  status)
{
  GtkToggleButton *active = button_for_status (self, status);
  GtkToggleButton *buttons[] = { self->present_button, self->late_button,
                                 self->excused_button, self->absent_button };

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_toggle_button_set_active (buttons[i], buttons[i] == active);
  self->updating = FALSE;

  gtk_revealer_set_reveal_child (self->excuse_revealer, status == QUORUM_ATTENDANCE_EXCUSED);
}

static void
emit_commit (QuorumRollRow          *self,
             QuorumAttendanceStatus  status)
{
  const char *reason = NULL;
  QuorumExcuseKind kind = QUORUM_EXCUSE_NONE;
  gboolean speaker = gtk_toggle_button_get_active (self->speaker_button);

  if (status == QUORUM_ATTENDANCE_EXCUSED)
    {
      reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
      kind = get_excuse_kind (self);
    }
  /* Only someone who attended gives the key speech. */
  if (status != QUORUM_ATTENDANCE_PRESENT && status != QUORUM_ATTENDANCE_LATE)
    speaker = FALSE;

  g_signal_emit (self, signals[COMMIT], 0, (guint)status, (guint)kind, reason, speaker);
}

static void
on_status_toggled_cb (QuorumRollRow   *self,
                      GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->present_button)
    quorum_roll_row_mark (self, QUORUM_ATTENDANCE_PRESENT);
  else if (button == self->late_button)
    quorum_roll_row_mark (self, QUORUM_ATTENDANCE_LATE);
  else if (button == self->excused_button)
    quorum_roll_row_mark (self, QUORUM_ATTENDANCE_EXCUSED);
  else
    quorum_roll_row_mark (self, QUORUM_ATTENDANCE_ABSENT);
}

static void
on_speaker_toggled_cb (QuorumRollRow   *self,
                       GtkToggleButton *button)
{
  QuorumAttendanceStatus status;

  gtk_button_set_icon_name (GTK_BUTTON (button), gtk_toggle_button_get_active (button)
                                                 ? "starred-symbolic" : "non-starred-symbolic");
  if (self->updating || self->attendance == NULL)
    return;

  status = quorum_attendance_get_status (self->attendance);
  if (gtk_toggle_button_get_active (button) &&
      status != QUORUM_ATTENDANCE_PRESENT && status != QUORUM_ATTENDANCE_LATE)
    status = QUORUM_ATTENDANCE_PRESENT;
  self->pending_excuse = FALSE;
  show_status (self, status);
  emit_commit (self, status);
}

static void
on_reason_activate_cb (QuorumRollRow *self,
                       GtkEntry      *entry)
{
  if (is_blank (gtk_editable_get_text (GTK_EDITABLE (entry))))
    {
      show_error (self, _("Say why this person is excused."));
      return;
    }
  self->pending_excuse = FALSE;
  emit_commit (self, QUORUM_ATTENDANCE_EXCUSED);
  /* Back to the roll, ready for the next person. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_reason_changed_cb (QuorumRollRow *self,
                      GtkEntry      *entry)
{
  if (!self->updating && !is_blank (gtk_editable_get_text (GTK_EDITABLE (entry))))
    show_error (self, NULL);
}

static void
on_excuse_kind_selected_cb (QuorumRollRow *self,
                            GParamSpec    *pspec,
                            GtkDropDown   *dropdown)
{
  if (self->updating || self->attendance == NULL)
    return;
  if (quorum_attendance_get_recorded (self->attendance) &&
      quorum_attendance_get_status (self->attendance) == QUORUM_ATTENDANCE_EXCUSED &&
      !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))))
    emit_commit (self, QUORUM_ATTENDANCE_EXCUSED);
}

static void
label_buttons (QuorumRollRow *self)
{
  const char *name = quorum_attendance_get_person_name (self->attendance);
  g_autofree char *present = NULL;
  g_autofree char *late = NULL;
  g_autofree char *excused = NULL;
  g_autofree char *absent = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *reason = NULL;

  /* Translators: accessible labels of the roll-call buttons; %s is a person */
  present = g_strdup_printf (_("%s present"), name);
  late = g_strdup_printf (_("%s late"), name);
  excused = g_strdup_printf (_("%s excused"), name);
  absent = g_strdup_printf (_("%s absent"), name);
  speaker = g_strdup_printf (_("%s is a key speaker"), name);
  reason = g_strdup_printf (_("Why %s is excused"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->present_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, present, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->late_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, late, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->excused_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, excused, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->absent_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, absent, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speaker_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, speaker, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reason, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
quorum_roll_row_dispose (GObject *object)
{
  QuorumRollRow *self = (QuorumRollRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_ROLL_ROW);
  g_clear_object (&self->attendance);

  G_OBJECT_CLASS (quorum_roll_row_parent_class)->dispose (object);
}

static void
quorum_roll_row_class_init (QuorumRollRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_roll_row_dispose;

  /**
   * QuorumRollRow::commit:
   * @status: the #QuorumAttendanceStatus to store
   * @excuse_kind: the #QuorumExcuseKind, with an excuse
   * @reason: (nullable): the reason, with an excuse
   * @key_speaker: whether the person gave the key speech
   *
   * The person's attendance was changed and should be stored.
   */
  signals[COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/attendance/quorum-roll-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, post_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, status_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, present_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, late_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, excused_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, absent_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, excuse_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, excuse_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRollRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_status_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_excuse_kind_selected_cb);
}

static void
quorum_roll_row_init (QuorumRollRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
quorum_roll_row_new (QuorumAttendance *attendance)
{
  QuorumRollRow *self = g_object_new (QUORUM_TYPE_ROLL_ROW, NULL);

  quorum_roll_row_set_attendance (self, attendance);
  return GTK_WIDGET (self);
}

/**
 * quorum_roll_row_get_attendance:
 * @self: a #QuorumRollRow
 *
 * Returns: (transfer none): what the store holds for this person
 */
QuorumAttendance *
quorum_roll_row_get_attendance (QuorumRollRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROLL_ROW (self), NULL);

  return self->attendance;
}

gint64
quorum_roll_row_get_person_id (QuorumRollRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROLL_ROW (self), 0);

  return quorum_attendance_get_person_id (self->attendance);
}

/* Shows what the store holds, except an excuse still waiting for its reason. */
void
quorum_roll_row_set_attendance (QuorumRollRow    *self,
                                QuorumAttendance *attendance)
{
  QuorumAttendanceStatus status;
  QuorumExcuseKind kind;

  g_return_if_fail (QUORUM_IS_ROLL_ROW (self));
  g_return_if_fail (QUORUM_IS_ATTENDANCE (attendance));

  g_set_object (&self->attendance, attendance);
  status = quorum_attendance_get_status (attendance);
  kind = quorum_attendance_get_excuse_kind (attendance);

  gtk_label_set_label (self->name_label, quorum_attendance_get_person_name (attendance));
  gtk_label_set_label (self->post_label, quorum_attendance_get_person_title (attendance));
  gtk_widget_set_visible (GTK_WIDGET (self->post_label),
                          quorum_attendance_get_person_title (attendance) != NULL &&
                          *quorum_attendance_get_person_title (attendance) != '\0');
  label_buttons (self);

  if (status != QUORUM_ATTENDANCE_UNKNOWN)
    self->pending_excuse = FALSE;
  if (self->pending_excuse)
    return;

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->speaker_button,
                                quorum_attendance_get_key_speaker (attendance));
  if (status == QUORUM_ATTENDANCE_EXCUSED)
    {
      for (guint i = 0; i < G_N_ELEMENTS (excuse_kinds); i++)
        if (excuse_kinds[i] == kind)
          gtk_drop_down_set_selected (self->excuse_kind_dropdown, i);
      if (!gtk_widget_has_focus (GTK_WIDGET (self->reason_entry)) &&
          !gtk_widget_is_focus (GTK_WIDGET (self->reason_entry)))
        gtk_editable_set_text (GTK_EDITABLE (self->reason_entry),
                               quorum_attendance_get_reason (attendance) != NULL
                               ? quorum_attendance_get_reason (attendance) : "");
    }
  self->updating = FALSE;

  show_status (self, status);
  show_error (self, NULL);

  /* Leave pre-sets an excuse that is not stored until the roll is taken. */
  if (!quorum_attendance_get_recorded (attendance) && status != QUORUM_ATTENDANCE_UNKNOWN)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pre-set");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pre-set");
}

void
quorum_roll_row_set_number (QuorumRollRow *self,
                            guint          number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_return_if_fail (QUORUM_IS_ROLL_ROW (self));

  gtk_label_set_label (self->number_label, text);
}

/* The status the buttons show, which may be an excuse not stored yet. */
QuorumAttendanceStatus
quorum_roll_row_get_shown_status (QuorumRollRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROLL_ROW (self), QUORUM_ATTENDANCE_UNKNOWN);

  if (gtk_toggle_button_get_active (self->present_button))
    return QUORUM_ATTENDANCE_PRESENT;
  if (gtk_toggle_button_get_active (self->late_button))
    return QUORUM_ATTENDANCE_LATE;
  if (gtk_toggle_button_get_active (self->excused_button))
    return QUORUM_ATTENDANCE_EXCUSED;
  if (gtk_toggle_button_get_active (self->absent_button))
    return QUORUM_ATTENDANCE_ABSENT;
  return QUORUM_ATTENDANCE_UNKNOWN;
}

/**
 * quorum_roll_row_mark:
 * @self: a #QuorumRollRow
 * @status: the new status
 *
 * What the buttons and the keys 1–4 do. An excuse needs a reason: with none
 * yet (and none from a leave) the reason entry takes the focus and nothing
 * is stored until it is given.
 */
void
quorum_roll_row_mark (QuorumRollRow          *self,
                      QuorumAttendanceStatus  status)
{
  g_return_if_fail (QUORUM_IS_ROLL_ROW (self));

  show_status (self, status);
  show_error (self, NULL);

  if (status == QUORUM_ATTENDANCE_EXCUSED &&
      is_blank (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))))
    {
      self->pending_excuse = TRUE;
      gtk_widget_add_css_class (GTK_WIDGET (self->reason_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }

  self->pending_excuse = FALSE;
  emit_commit (self, status);
}

void
quorum_roll_row_focus_reason (QuorumRollRow *self)
{
  g_return_if_fail (QUORUM_IS_ROLL_ROW (self));

  gtk_revealer_set_reveal_child (self->excuse_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
}

/**
 * quorum_roll_row_set_error:
 * @self: a #QuorumRollRow
 * @message: (nullable): why the store refused the change, or %NULL
 *
 * Shows the row's error state.
 */
void
quorum_roll_row_set_error (QuorumRollRow *self,
                           const char    *message)
{
  g_return_if_fail (QUORUM_IS_ROLL_ROW (self));

  if (message != NULL)
    gtk_revealer_set_reveal_child (self->excuse_revealer, TRUE);
  show_error (self, message);
}

/* Before the start only excuses can be recorded: the other buttons wait. */
void
quorum_roll_row_set_sensitive_marks (QuorumRollRow *self,
                                     gboolean       can_attend)
{
  g_return_if_fail (QUORUM_IS_ROLL_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->present_button), can_attend);
  gtk_widget_set_sensitive (GTK_WIDGET (self->late_button), can_attend);
  gtk_widget_set_sensitive (GTK_WIDGET (self->absent_button), can_attend);
  gtk_widget_set_sensitive (GTK_WIDGET (self->speaker_button), can_attend);
}
