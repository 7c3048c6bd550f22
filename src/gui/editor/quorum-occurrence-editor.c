/* quorum-occurrence-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes one dated occurrence: its time, place or title, for this one only,
 * for this and the following ones (the store splits the series) or for all.
 * The store keeps what is past or recorded as it was. It also cancels one
 * occurrence with a reason, and deletes the series with an Undo toast.
 */

#define G_LOG_DOMAIN "quorum-occurrence-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-occurrence-editor.h"
#include "quorum-recurrence.h"
#include "quorum-window.h"

/* The action group put on the parent window for the Undo of a deletion. */
#define UNDO_GROUP "quorum-editor"

struct _QuorumOccurrenceEditor
{
  AdwWindow            parent_instance;

  QuorumStore         *store;
  QuorumWorkdays      *workdays;
  gint64               occurrence_id;
  QuorumOccurrence    *occurrence;
  QuorumSeries        *series;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  AdwPreferencesGroup *event_group;
  AdwPreferencesGroup *time_group;
  AdwEntryRow         *title_row;
  AdwEntryRow         *location_row;
  QuorumDateButton    *date_button;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  GtkSpinButton       *duration_spin;
  GtkButton           *cancel_occurrence_button;
};

G_DEFINE_FINAL_TYPE (QuorumOccurrenceEditor, quorum_occurrence_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKDAYS,
  PROP_OCCURRENCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (QuorumOccurrenceEditor *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Tells the main window, which outlives this dialog. */
static void
show_toast (QuorumOccurrenceEditor *self,
            AdwToast               *toast)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(AdwToast) owned = toast;

  if (QUORUM_IS_WINDOW (parent))
    quorum_window_add_toast (QUORUM_WINDOW (parent), g_steal_pointer (&owned));
  else if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s",
                                adw_toast_get_title (toast));
}

static gboolean
destroy_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the message dialog asking has gone: it is transient for us. */
static void
destroy_later (QuorumOccurrenceEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static char *
format_when (GDateTime *start)
{
  /* Translators: an occurrence in the preview, for g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (start, _("%a, %-d %B %Y, %H:%M"));
}

static gboolean
load (QuorumOccurrenceEditor  *self,
      GError                 **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *rule = NULL;
  GString *about = g_string_new (NULL);
  GDateTime *start;

  g_clear_object (&self->occurrence);
  g_clear_object (&self->series);
  if (!(self->occurrence = quorum_store_get_occurrence (self->store, self->occurrence_id, error)) ||
      !(self->series = quorum_store_get_series (self->store,
                                                quorum_occurrence_get_series_id (self->occurrence),
                                                error)))
    {
      g_string_free (about, TRUE);
      return FALSE;
    }

  start = quorum_occurrence_get_start (self->occurrence);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), quorum_occurrence_get_title (self->occurrence));
  gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                         quorum_occurrence_get_location (self->occurrence) ?: "");
  quorum_date_button_set_date (self->date_button, start);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
  gtk_spin_button_set_value (self->duration_spin,
                             g_date_time_difference (quorum_occurrence_get_end (self->occurrence), start)
                             / (double)G_TIME_SPAN_HOUR);
  when = format_when (start);
  adw_window_title_set_subtitle (self->window_title, when);

  rule = quorum_series_get_rrule (self->series) != NULL
         ? quorum_recurrence_describe (quorum_series_get_rrule (self->series),
                                       quorum_series_get_dtstart (self->series))
         : g_strdup (_("Does not repeat"));
  g_string_append (about, rule);
  if (quorum_occurrence_get_moved (self->occurrence) ||
      quorum_occurrence_get_holiday_shifted (self->occurrence))
    {
      g_autofree char *original = format_when (quorum_occurrence_get_recurrence_id (self->occurrence));

      g_string_append (about, "\n");
      /* Translators: %s is the date and time the rule gave an occurrence */
      g_string_append_printf (about, _("Moved; the rule gave %s"), original);
    }
  if (quorum_occurrence_get_status (self->occurrence) == QUORUM_OCCURRENCE_CANCELLED)
    {
      g_string_append (about, "\n");
      g_string_append_printf (about, _("Cancelled: %s"),
                              quorum_occurrence_get_status_reason (self->occurrence) ?: "");
    }
  adw_preferences_group_set_description (self->event_group, about->str);
  g_string_free (about, TRUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-occurrence",
                                 quorum_occurrence_get_status (self->occurrence)
                                 == QUORUM_OCCURRENCE_SCHEDULED);
  return TRUE;
}

/* The start the fields give, in the occurrence's time zone. */
static GDateTime *
dup_start (QuorumOccurrenceEditor *self)
{
  GDateTime *day = quorum_date_button_get_date (self->date_button);
  GTimeZone *tz = g_date_time_get_timezone (quorum_occurrence_get_start (self->occurrence));

  return g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin), 0);
}

static int
duration_minutes (QuorumOccurrenceEditor *self)
{
  return (int)(gtk_spin_button_get_value (self->duration_spin) * 60 + 0.5);
}

static int
days_between (GDateTime *a,
              GDateTime *b)
{
  GDate da, db;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_dmy (&da, g_date_time_get_day_of_month (a), g_date_time_get_month (a),
                  g_date_time_get_year (a));
  g_date_set_dmy (&db, g_date_time_get_day_of_month (b), g_date_time_get_month (b),
                  g_date_time_get_year (b));
  return g_date_days_between (&da, &db);
}

/* @base moved by the days the occurrence moved, at the new time of day. */
static GDateTime *
shifted_start (QuorumOccurrenceEditor *self,
               GDateTime              *base,
               GDateTime              *new_start)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (base, days_between (quorum_occurrence_get_start (self->occurrence),
                                                                       new_start));

  return g_date_time_new (g_date_time_get_timezone (base), g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          g_date_time_get_hour (new_start), g_date_time_get_minute (new_start), 0);
}

/* The series with the fields' title, place, length and start. */
static QuorumSeries *
edited_series (QuorumOccurrenceEditor *self,
               GDateTime              *dtstart)
{
  QuorumSeries *series = quorum_series_copy (self->series);
  const char *location = gtk_editable_get_text (GTK_EDITABLE (self->location_row));

  quorum_series_set_title (series, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  quorum_series_set_location (series, location[0] != '\0' ? location : NULL);
  quorum_series_set_duration_minutes (series, duration_minutes (self));
  quorum_series_set_dtstart (series, dtstart);
  return series;
}

static void
on_scope_response_cb (QuorumOccurrenceEditor *self,
                      const char             *response,
                      AdwMessageDialog       *dialog)
{
  g_autoptr(GError) error = NULL;
  QuorumEditScope scope;

  if (g_str_equal (response, "this"))
    scope = QUORUM_EDIT_THIS_ONE;
  else if (g_str_equal (response, "following"))
    scope = QUORUM_EDIT_THIS_AND_FOLLOWING;
  else if (g_str_equal (response, "all"))
    scope = QUORUM_EDIT_ALL;
  else
    return;

  if (!quorum_occurrence_editor_apply (self, scope, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_toast (self, adw_toast_new (scope == QUORUM_EDIT_THIS_ONE ? _("Occurrence changed")
                                                             : _("Series changed")));
  destroy_later (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumOccurrenceEditor *self = QUORUM_OCCURRENCE_EDITOR (widget);
  GtkWidget *dialog;

  show_error (self, NULL);
  if (self->series == NULL)
    return;

  /* A single event has nothing to choose from. */
  if (quorum_series_get_rrule (self->series) == NULL)
    {
      on_scope_response_cb (self, "all", NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change Which Occurrences?"),
                                   _("Occurrences already held, and attendance already recorded, "
                                     "stay as they were."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "this", _("_Only This One"),
                                    "following", _("This and _Following"),
                                    "all", _("_All Occurrences"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "this",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "this");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_scope_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-occurrence", reason[0] != '\0');
}

static void
on_cancel_response_cb (QuorumOccurrenceEditor *self,
                       const char             *response,
                       AdwMessageDialog       *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "cancel-occurrence"))
    return;
  if (!quorum_occurrence_editor_cancel_occurrence (self, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                                   &error))
    {
      show_error (self, error->message);
      return;
    }
  show_toast (self, adw_toast_new (_("Occurrence cancelled")));
  destroy_later (self);
}

static void
cancel_occurrence_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  QuorumOccurrenceEditor *self = QUORUM_OCCURRENCE_EDITOR (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel This Occurrence?"),
                                   _("It stays in the calendar, marked cancelled, with the reason. "
                                     "The other occurrences are not changed."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. merged with the executive meeting"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It"),
                                    "cancel-occurrence", _("Cancel _Occurrence"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-occurrence",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-occurrence", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel-occurrence");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_series_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QuorumOccurrenceEditor *self = QUORUM_OCCURRENCE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!quorum_occurrence_editor_delete_series (self, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
restore_series_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  QuorumStore *store = g_object_get_data (G_OBJECT (user_data), "store");
  GtkWidget *parent = g_object_get_data (G_OBJECT (user_data), "parent");
  g_autoptr(GError) error = NULL;

  if (store != NULL && !quorum_store_restore_series (store, g_variant_get_int64 (param), &error) &&
      parent != NULL)
    gtk_widget_activate_action (parent, "win.show-toast", "s", error->message);
}

/* The Undo of a toast runs an action of the window the toast is in; the
 * dialog is gone by then. */
static void
install_undo (GtkWidget   *parent,
              QuorumStore *store)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) restore = g_simple_action_new ("restore-series", G_VARIANT_TYPE_INT64);

  g_object_set_data_full (G_OBJECT (group), "store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (group), "parent", parent);
  g_signal_connect (restore, "activate", G_CALLBACK (restore_series_cb), group);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (restore));
  gtk_widget_insert_action_group (parent, UNDO_GROUP, G_ACTION_GROUP (group));
}

static void
quorum_occurrence_editor_constructed (GObject *object)
{
  QuorumOccurrenceEditor *self = (QuorumOccurrenceEditor *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (quorum_occurrence_editor_parent_class)->constructed (object);

  if (self->store == NULL || !load (self, &error))
    {
      show_error (self, error != NULL ? error->message : _("There is no calendar to edit."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->event_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->time_group), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-occurrence", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-series", FALSE);
    }
}

static void
quorum_occurrence_editor_dispose (GObject *object)
{
  QuorumOccurrenceEditor *self = (QuorumOccurrenceEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_OCCURRENCE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->workdays);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->series);

  G_OBJECT_CLASS (quorum_occurrence_editor_parent_class)->dispose (object);
}

static void
quorum_occurrence_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumOccurrenceEditor *self = QUORUM_OCCURRENCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_WORKDAYS: g_value_set_object (value, self->workdays); break;
    case PROP_OCCURRENCE_ID: g_value_set_int64 (value, self->occurrence_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_occurrence_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumOccurrenceEditor *self = QUORUM_OCCURRENCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_set_object (&self->store, g_value_get_object (value)); break;
    case PROP_WORKDAYS: g_set_object (&self->workdays, g_value_get_object (value)); break;
    case PROP_OCCURRENCE_ID: self->occurrence_id = g_value_get_int64 (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_occurrence_editor_class_init (QuorumOccurrenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = quorum_occurrence_editor_constructed;
  object_class->dispose = quorum_occurrence_editor_dispose;
  object_class->get_property = quorum_occurrence_editor_get_property;
  object_class->set_property = quorum_occurrence_editor_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE, flags);
  properties[PROP_WORKDAYS] = g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS, flags);
  properties[PROP_OCCURRENCE_ID] =
    g_param_spec_int64 ("occurrence-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/editor/quorum-occurrence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, event_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, time_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumOccurrenceEditor, cancel_occurrence_button);
  gtk_widget_class_bind_template_callback (widget_class, quorum_spin_button_output_two_digits);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-occurrence", NULL,
                                   cancel_occurrence_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-series", NULL,
                                   delete_series_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
quorum_occurrence_editor_init (QuorumOccurrenceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_occurrence_editor_new:
 * @store: the store
 * @workdays: (nullable): the holiday calendar
 * @occurrence_id: the occurrence to edit
 *
 * Returns: (transfer floating): a new editor; when the occurrence cannot be
 *   read it says why and offers nothing to change
 */
QuorumOccurrenceEditor *
quorum_occurrence_editor_new (QuorumStore    *store,
                              QuorumWorkdays *workdays,
                              gint64          occurrence_id)
{
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  return g_object_new (QUORUM_TYPE_OCCURRENCE_EDITOR,
                       "store", store,
                       "workdays", workdays,
                       "occurrence-id", occurrence_id,
                       NULL);
}

/**
 * quorum_occurrence_editor_present:
 * @parent: (nullable): the window it belongs to; it shows the toasts
 * @store: the store
 * @workdays: (nullable): the holiday calendar
 * @occurrence_id: the occurrence to edit
 *
 * Opens the editor as a modal dialog of @parent.
 *
 * Returns: (transfer none): the editor
 */
QuorumOccurrenceEditor *
quorum_occurrence_editor_present (GtkWindow      *parent,
                                  QuorumStore    *store,
                                  QuorumWorkdays *workdays,
                                  gint64          occurrence_id)
{
  QuorumOccurrenceEditor *self = quorum_occurrence_editor_new (store, workdays, occurrence_id);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
quorum_occurrence_editor_set_start (QuorumOccurrenceEditor *self,
                                    GDateTime              *start)
{
  g_return_if_fail (QUORUM_IS_OCCURRENCE_EDITOR (self));
  g_return_if_fail (start != NULL);

  quorum_date_button_set_date (self->date_button, start);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
}

void
quorum_occurrence_editor_set_title (QuorumOccurrenceEditor *self,
                                    const char             *title)
{
  g_return_if_fail (QUORUM_IS_OCCURRENCE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

void
quorum_occurrence_editor_set_location (QuorumOccurrenceEditor *self,
                                       const char             *location)
{
  g_return_if_fail (QUORUM_IS_OCCURRENCE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->location_row), location);
}

/**
 * quorum_occurrence_editor_apply:
 * @self: a #QuorumOccurrenceEditor
 * @scope: which occurrences the change applies to
 * @error: return location for a #GError
 *
 * Stores the fields: for this occurrence only (moved, with its title and
 * place), for this and the following ones (the series is split at this
 * occurrence), or for the whole series. For the last two the series' start
 * moves by as many days as this occurrence moved, at the new time of day.
 * The store never rewrites what is past or recorded.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_occurrence_editor_apply (QuorumOccurrenceEditor  *self,
                                QuorumEditScope          scope,
                                GError                 **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) dtstart = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  const char *title;
  const char *location;

  g_return_val_if_fail (QUORUM_IS_OCCURRENCE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->occurrence != NULL, FALSE);

  start = dup_start (self);
  end = g_date_time_add_minutes (start, duration_minutes (self));
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  location = gtk_editable_get_text (GTK_EDITABLE (self->location_row));

  switch (scope)
    {
    case QUORUM_EDIT_THIS_ONE:
      return quorum_store_update_occurrence (self->store, self->occurrence_id, start, end,
                                             g_strcmp0 (location, quorum_occurrence_get_location (self->occurrence) ?: "") != 0
                                             ? location : NULL,
                                             g_strcmp0 (title, quorum_occurrence_get_title (self->occurrence)) != 0
                                             ? title : NULL,
                                             error);

    case QUORUM_EDIT_THIS_AND_FOLLOWING:
      dtstart = shifted_start (self, quorum_occurrence_get_recurrence_id (self->occurrence), start);
      series = edited_series (self, dtstart);
      return quorum_store_split_series (self->store, quorum_series_get_id (self->series),
                                        quorum_occurrence_get_recurrence_id (self->occurrence),
                                        series, error) != 0;

    case QUORUM_EDIT_ALL:
    default:
      dtstart = shifted_start (self, quorum_series_get_dtstart (self->series), start);
      series = edited_series (self, dtstart);
      return quorum_store_update_series (self->store, series, error);
    }
}

/**
 * quorum_occurrence_editor_cancel_occurrence:
 * @self: a #QuorumOccurrenceEditor
 * @reason: why (required)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the occurrence is cancelled
 */
gboolean
quorum_occurrence_editor_cancel_occurrence (QuorumOccurrenceEditor  *self,
                                            const char              *reason,
                                            GError                 **error)
{
  g_return_val_if_fail (QUORUM_IS_OCCURRENCE_EDITOR (self), FALSE);

  return quorum_store_cancel_occurrence (self->store, self->occurrence_id, reason, error);
}

/**
 * quorum_occurrence_editor_delete_series:
 * @self: a #QuorumOccurrenceEditor
 * @error: return location for a #GError
 *
 * Deletes (hides) the series of the occurrence and shows a toast on the
 * parent window whose Undo restores it through the parent's
 * `quorum-editor.restore-series` action. Nothing is erased.
 *
 * Returns: %TRUE when the series is deleted
 */
gboolean
quorum_occurrence_editor_delete_series (QuorumOccurrenceEditor  *self,
                                        GError                 **error)
{
  GtkWindow *parent;
  AdwToast *undo;
  g_autofree char *title = NULL;
  gint64 series_id;

  g_return_val_if_fail (QUORUM_IS_OCCURRENCE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->series != NULL, FALSE);

  series_id = quorum_series_get_id (self->series);
  if (!quorum_store_delete_series (self->store, series_id, error))
    return FALSE;

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    install_undo (GTK_WIDGET (parent), self->store);

  /* Translators: %s is the title of a deleted series */
  title = g_strdup_printf (_("“%s” deleted"), quorum_series_get_title (self->series));
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, UNDO_GROUP ".restore-series");
  adw_toast_set_action_target_value (undo, g_variant_new_int64 (series_id));
  show_toast (self, undo);
  return TRUE;
}
