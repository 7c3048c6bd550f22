/* quorum-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-export-dialog.h"
#include "quorum-feeds-tasks.h"
#include "quorum-gui-utils.h"

/**
 * QuorumExportDialog:
 *
 * Asks what to write to an .ics file (everything, or one person's, unit's
 * or duty's events), for which days, in which shape and with how much
 * detail; then for the file. The file is written in a worker thread, and
 * #QuorumExportDialog::exported tells the opener when it is done.
 */
struct _QuorumExportDialog
{
  AdwWindow         parent_instance;

  QuorumStore      *store;
  QuorumRulebook   *rulebook;
  GArray           *choice_ids;     /* gint64: people or units */
  GPtrArray        *duty_ids;
  GtkNativeDialog  *chooser;
  GCancellable     *cancellable;
  GFile            *file;           /* being written */

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwComboRow      *what_row;
  AdwComboRow      *choice_row;
  QuorumDateButton *from_button;
  QuorumDateButton *to_button;
  AdwComboRow      *shape_row;
  GtkSwitch        *public_switch;
};

G_DEFINE_FINAL_TYPE (QuorumExportDialog, quorum_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (QuorumExportDialog *self,
            const char         *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Duties have a Chinese title and, for other languages, an English one. */
static const char *
duty_label (QuorumDuty *duty)
{
  const char *const *languages = g_get_language_names ();
  const char *title_en = quorum_duty_get_title_en (duty);

  if (g_str_has_prefix (languages[0], "zh") || title_en == NULL || *title_en == '\0')
    return quorum_duty_get_title (duty);
  return title_en;
}

static void
fill_people (QuorumExportDialog *self,
             GtkStringList      *names)
{
  g_autoptr(GListModel) people = quorum_store_list_people (self->store, FALSE, NULL);

  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      gint64 id = quorum_person_get_id (person);

      gtk_string_list_append (names, quorum_person_get_name (person));
      g_array_append_val (self->choice_ids, id);
    }
}

static void
fill_units (QuorumExportDialog *self,
            GtkStringList      *names)
{
  g_autoptr(GListModel) units = quorum_store_list_units (self->store, NULL, NULL);

  for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);
      gint64 id = quorum_unit_get_id (unit);

      gtk_string_list_append (names, quorum_unit_get_name (unit));
      g_array_append_val (self->choice_ids, id);
    }
}

static void
fill_duties (QuorumExportDialog *self,
             GtkStringList      *names)
{
  GListModel *duties = self->rulebook != NULL ? quorum_rulebook_get_duties (self->rulebook) : NULL;

  for (guint i = 0; duties != NULL && i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      gtk_string_list_append (names, duty_label (duty));
      g_ptr_array_add (self->duty_ids, g_strdup (quorum_duty_get_id (duty)));
    }
}

static void
on_what_row_selected_cb (QuorumExportDialog *self,
                         GParamSpec         *pspec,
                         AdwComboRow        *row)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  QuorumExportWhat what = adw_combo_row_get_selected (row);

  g_array_set_size (self->choice_ids, 0);
  g_ptr_array_set_size (self->duty_ids, 0);

  switch (what)
    {
    case QUORUM_EXPORT_WHAT_PERSON:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row),
                                     C_("export scope", "Person"));
      fill_people (self, names);
      break;
    case QUORUM_EXPORT_WHAT_UNIT:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row),
                                     C_("export scope", "Unit"));
      fill_units (self, names);
      break;
    case QUORUM_EXPORT_WHAT_DUTY:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row),
                                     C_("export scope", "Duty"));
      fill_duties (self, names);
      break;
    case QUORUM_EXPORT_WHAT_ALL:
    default:
      break;
    }

  adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->choice_row), what != QUORUM_EXPORT_WHAT_ALL);
}

static void
on_shape_row_selected_cb (QuorumExportDialog *self,
                          GParamSpec         *pspec,
                          AdwComboRow        *row)
{
  if (adw_combo_row_get_selected (row) == 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Every session as an event of its own, for feeds and simple "
                                   "apps"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Each series once with its repeat rule and exceptions, for "
                                   "calendar apps and archives"));
}

/* Reads the rows into @scope; FALSE (with the reason on show) when they
 * do not make an export. */
static gboolean
collect_scope (QuorumExportDialog *self,
               QuorumExportScope  *scope,
               GDateTime         **out_from,
               GDateTime         **out_to)
{
  g_autoptr(GDate) first = quorum_date_button_dup_gdate (self->from_button);
  g_autoptr(GDate) last = quorum_date_button_dup_gdate (self->to_button);
  QuorumExportWhat what = adw_combo_row_get_selected (self->what_row);
  guint choice = adw_combo_row_get_selected (self->choice_row);

  if (what != QUORUM_EXPORT_WHAT_ALL &&
      (choice == GTK_INVALID_LIST_POSITION ||
       choice >= (what == QUORUM_EXPORT_WHAT_DUTY ? self->duty_ids->len : self->choice_ids->len)))
    {
      show_error (self, _("Nothing to choose from: the calendar has none of these yet"));
      return FALSE;
    }
  if (first != NULL && last != NULL && g_date_compare (first, last) > 0)
    {
      show_error (self, _("The first day comes after the last day"));
      return FALSE;
    }

  if (what == QUORUM_EXPORT_WHAT_PERSON)
    scope->person_id = g_array_index (self->choice_ids, gint64, choice);
  else if (what == QUORUM_EXPORT_WHAT_UNIT)
    scope->unit_id = g_array_index (self->choice_ids, gint64, choice);
  else if (what == QUORUM_EXPORT_WHAT_DUTY)
    scope->duty_id = g_ptr_array_index (self->duty_ids, choice);

  if (first != NULL)
    *out_from = quorum_date_to_date_time (first);
  if (last != NULL)
    {
      /* The last day counts whole. */
      g_date_add_days (last, 1);
      *out_to = quorum_date_to_date_time (last);
    }
  scope->from = *out_from;
  scope->to = *out_to;
  return TRUE;
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(QuorumExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!quorum_feeds_export_finish (result, &n, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
          show_error (self, error->message);
        }
      return;
    }

  file = g_steal_pointer (&self->file);
  g_signal_emit (self, signals[EXPORTED], 0, file, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (QuorumExportDialog *self,
                        int                 response,
                        GtkNativeDialog    *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    quorum_export_dialog_export_to (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumExportDialog *self = QUORUM_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = quorum_feeds_ics_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Calendar"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested name of an exported calendar file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("duty-calendar.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
quorum_export_dialog_dispose (GObject *object)
{
  QuorumExportDialog *self = (QuorumExportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);

  G_OBJECT_CLASS (quorum_export_dialog_parent_class)->dispose (object);
}

static void
quorum_export_dialog_finalize (GObject *object)
{
  QuorumExportDialog *self = (QuorumExportDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->choice_ids, g_array_unref);
  g_clear_pointer (&self->duty_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_export_dialog_parent_class)->finalize (object);
}

static void
quorum_export_dialog_class_init (QuorumExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_export_dialog_dispose;
  object_class->finalize = quorum_export_dialog_finalize;

  /**
   * QuorumExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   * @n_events: how many events it holds
   *
   * The file is written; the dialog closes next.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/feeds/quorum-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, choice_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, shape_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumExportDialog, public_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_what_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shape_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_export_dialog_init (QuorumExportDialog *self)
{
  self->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->duty_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  on_shape_row_selected_cb (self, NULL, self->shape_row);
}

/**
 * quorum_export_dialog_new:
 * @store: the store to export
 * @rulebook: (nullable): the rulebook, whose duties can be chosen
 *
 * Returns: (transfer full): a new dialog; make it transient and present it
 */
QuorumExportDialog *
quorum_export_dialog_new (QuorumStore    *store,
                          QuorumRulebook *rulebook)
{
  QuorumExportDialog *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_EXPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->rulebook = rulebook != NULL ? g_object_ref (rulebook) : NULL;
  on_what_row_selected_cb (self, NULL, self->what_row);
  return self;
}

/**
 * quorum_export_dialog_select:
 * @self: a #QuorumExportDialog
 * @what: what to export
 * @position: which person, unit or duty, by its place in the list
 *
 * Makes the same choice as the first two rows.
 */
void
quorum_export_dialog_select (QuorumExportDialog *self,
                             QuorumExportWhat    what,
                             guint               position)
{
  g_return_if_fail (QUORUM_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->what_row, what);
  adw_combo_row_set_selected (self->choice_row, position);
}

/**
 * quorum_export_dialog_export_to:
 * @self: a #QuorumExportDialog
 * @file: the .ics file to write
 *
 * Exports what the rows say to @file, as when the file was chosen: in a
 * worker thread, then #QuorumExportDialog::exported and the dialog closes.
 * A problem is shown in the dialog, which stays open.
 */
void
quorum_export_dialog_export_to (QuorumExportDialog *self,
                                GFile              *file)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  QuorumExportScope scope = { 0 };
  QuorumExportShape shape;

  g_return_if_fail (QUORUM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!collect_scope (self, &scope, &from, &to))
    return;
  shape = adw_combo_row_get_selected (self->shape_row) == 1 ? QUORUM_EXPORT_FEED
                                                            : QUORUM_EXPORT_FULL;

  g_set_object (&self->file, file);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  quorum_feeds_export_async (self->store, &scope, shape,
                             gtk_switch_get_active (self->public_switch), file,
                             self->cancellable, on_export_done_cb, g_object_ref (self));
}
