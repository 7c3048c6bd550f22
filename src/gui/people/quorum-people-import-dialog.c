/* quorum-people-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview before an import writes anything: the encoding that was
 * detected, what each column holds (a menu per column), the day it takes
 * effect, and the plan as a list of changes. Import applies it in one
 * transaction; errors stay in the dialog.
 */

#define G_LOG_DOMAIN "quorum-people-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-entry.h"
#include "quorum-people-import-dialog.h"
#include "quorum-people-labels.h"

struct _QuorumPeopleImportDialog
{
  AdwWindow             parent_instance;

  QuorumStore          *store;
  QuorumPeopleCsv      *csv;
  QuorumPeopleCsvPlan  *plan;
  GArray               *mapping;       /* QuorumPeopleCsvColumn per column */
  GPtrArray            *column_rows;
  GPtrArray            *note_rows;

  AdwActionRow         *file_row;
  AdwActionRow         *encoding_row;
  QuorumDateEntry      *date_entry;
  AdwPreferencesGroup  *columns_group;
  AdwPreferencesGroup  *notes_group;
  AdwPreferencesGroup  *changes_group;
  GtkListBox           *changes_list;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (QuorumPeopleImportDialog, quorum_people_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
change_icon (QuorumPeopleCsvAction action)
{
  switch (action)
    {
    case QUORUM_PEOPLE_CSV_UPDATE_PERSON:
      return "document-edit-symbolic";
    case QUORUM_PEOPLE_CSV_END_RELATION:
      return "list-remove-symbolic";
    case QUORUM_PEOPLE_CSV_CREATE_PERSON:
    case QUORUM_PEOPLE_CSV_CREATE_UNIT:
    case QUORUM_PEOPLE_CSV_ADD_RELATION:
    default:
      return "list-add-symbolic";
    }
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_plan (QuorumPeopleImportDialog *self)
{
  GtkListBoxRow *child;
  GPtrArray *changes;
  GPtrArray *warnings;
  g_autofree char *title = NULL;

  while ((child = gtk_list_box_get_row_at_index (self->changes_list, 0)) != NULL)
    gtk_list_box_remove (self->changes_list, GTK_WIDGET (child));
  clear_rows (self->notes_group, self->note_rows);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 self->plan != NULL &&
                                 quorum_people_csv_plan_get_changes (self->plan)->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), self->plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
  if (self->plan == NULL)
    return;

  changes = quorum_people_csv_plan_get_changes (self->plan);
  /* Translators: the heading of the list of changes an import would make */
  title = g_strdup_printf (_("Changes (%u)"), changes->len);
  adw_preferences_group_set_title (self->changes_group, title);

  for (guint i = 0; i < changes->len; i++)
    {
      const QuorumPeopleCsvChange *change = g_ptr_array_index (changes, i);
      g_autofree char *text = quorum_people_csv_change_describe (change);
      g_autofree char *line = g_strdup_printf (_("Line %u"), change->line);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (change_icon (change->action));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (change->action == QUORUM_PEOPLE_CSV_END_RELATION)
        gtk_widget_add_css_class (icon, "error");
      else if (change->action == QUORUM_PEOPLE_CSV_UPDATE_PERSON)
        gtk_widget_add_css_class (icon, "warning");
      else
        gtk_widget_add_css_class (icon, "success");
      gtk_list_box_append (self->changes_list, row);
    }

  warnings = quorum_people_csv_plan_get_warnings (self->plan);
  for (guint i = 0; i < warnings->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (warnings, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), warnings->len > 0);
}

static void
replan (QuorumPeopleImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;

  g_clear_pointer (&self->plan, quorum_people_csv_plan_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->csv == NULL || self->store == NULL)
    {
      show_plan (self);
      return;
    }

  date = quorum_date_entry_dup_date (self->date_entry);
  if (date == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the day the file takes effect as YYYY-MM-DD."));
    }
  else
    self->plan = quorum_people_csv_plan (self->store, self->csv,
                                         (const QuorumPeopleCsvColumn *)self->mapping->data,
                                         date, &error);

  if (self->plan == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  show_plan (self);
}

static void
on_date_changed_cb (QuorumPeopleImportDialog *self)
{
  replan (self);
}

static void
on_column_selected_cb (QuorumPeopleImportDialog *self,
                       GParamSpec               *pspec,
                       AdwComboRow              *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (column >= self->mapping->len || selected >= QUORUM_PEOPLE_CSV_N_COLUMNS)
    return;

  g_array_index (self->mapping, QuorumPeopleCsvColumn, column) = selected;
  replan (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumPeopleImportDialog *self = QUORUM_PEOPLE_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->plan == NULL)
    return;

  n = quorum_people_csv_plan_get_changes (self->plan)->len;
  if (!quorum_people_csv_apply (self->store, self->plan, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
quorum_people_import_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  QuorumPeopleImportDialog *self = QUORUM_PEOPLE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_people_import_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  QuorumPeopleImportDialog *self = QUORUM_PEOPLE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_people_import_dialog_constructed (GObject *object)
{
  QuorumPeopleImportDialog *self = QUORUM_PEOPLE_IMPORT_DIALOG (object);
  g_autoptr(GDate) today = NULL;

  G_OBJECT_CLASS (quorum_people_import_dialog_parent_class)->constructed (object);

  today = quorum_today (self->store);
  quorum_date_entry_set_date (self->date_entry, today);
}

static void
quorum_people_import_dialog_dispose (GObject *object)
{
  QuorumPeopleImportDialog *self = QUORUM_PEOPLE_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PEOPLE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, quorum_people_csv_plan_free);
  g_clear_pointer (&self->csv, quorum_people_csv_free);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_people_import_dialog_parent_class)->dispose (object);
}

static void
quorum_people_import_dialog_class_init (QuorumPeopleImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_people_import_dialog_constructed;
  object_class->dispose = quorum_people_import_dialog_dispose;
  object_class->get_property = quorum_people_import_dialog_get_property;
  object_class->set_property = quorum_people_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumPeopleImportDialog::imported:
   * @n_changes: how many changes were written
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (QUORUM_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/people/quorum-people-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeopleImportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_people_import_dialog_init (QuorumPeopleImportDialog *self)
{
  self->mapping = g_array_new (FALSE, TRUE, sizeof (QuorumPeopleCsvColumn));
  self->column_rows = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

/**
 * quorum_people_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store to import into
 *
 * Returns: (transfer none): a new dialog; load a file into it before showing it
 */
QuorumPeopleImportDialog *
quorum_people_import_dialog_new (GtkWindow   *parent,
                                 QuorumStore *store)
{
  return g_object_new (QUORUM_TYPE_PEOPLE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * quorum_people_import_dialog_load:
 * @self: a #QuorumPeopleImportDialog
 * @bytes: the file's contents
 * @name: the file's name, to show
 * @error: return location for a #GError
 *
 * Reads the file and makes the plan with the columns its headers name.
 *
 * Returns: %FALSE when the file cannot be read as CSV at all
 */
gboolean
quorum_people_import_dialog_load (QuorumPeopleImportDialog  *self,
                                  GBytes                    *bytes,
                                  const char                *name,
                                  GError                   **error)
{
  g_autoptr(QuorumPeopleCsv) csv = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *encoding = NULL;

  g_return_val_if_fail (QUORUM_IS_PEOPLE_IMPORT_DIALOG (self), FALSE);

  if (!(csv = quorum_people_csv_parse (bytes, NULL, error)))
    return FALSE;

  g_clear_pointer (&self->csv, quorum_people_csv_free);
  self->csv = g_steal_pointer (&csv);

  adw_action_row_set_subtitle (self->file_row, name);
  if (g_str_equal (quorum_people_csv_get_encoding (self->csv), "GB18030"))
    encoding = g_strdup (_("GB18030 (Chinese Windows), converted"));
  else
    encoding = g_strdup (_("UTF-8"));
  adw_action_row_set_subtitle (self->encoding_row, encoding);

  for (int i = 0; i < QUORUM_PEOPLE_CSV_N_COLUMNS; i++)
    gtk_string_list_append (choices, quorum_people_csv_column_to_string (i));

  clear_rows (self->columns_group, self->column_rows);
  g_array_set_size (self->mapping, quorum_people_csv_get_n_columns (self->csv));
  for (guint i = 0; i < quorum_people_csv_get_n_columns (self->csv); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *header = quorum_people_csv_get_header (self->csv, i);
      g_autofree char *fallback = g_strdup_printf (_("Column %u"), i + 1);
      g_autofree char *sample = NULL;

      for (guint r = 0; r < quorum_people_csv_get_n_rows (self->csv) && sample == NULL; r++)
        if (quorum_people_csv_get_cell (self->csv, r, i)[0] != '\0')
          /* Translators: an example value of a column of the imported file */
          sample = g_strdup_printf (_("e.g. %s"), quorum_people_csv_get_cell (self->csv, r, i));

      g_array_index (self->mapping, QuorumPeopleCsvColumn, i) = quorum_people_csv_get_guess (self->csv, i);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header[0] != '\0' ? header : fallback);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample != NULL ? sample : "");
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, g_array_index (self->mapping, QuorumPeopleCsvColumn, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  replan (self);
  return TRUE;
}

/* Sets what a column holds, as its menu does, and plans again. */
void
quorum_people_import_dialog_set_column (QuorumPeopleImportDialog *self,
                                        guint                     column,
                                        QuorumPeopleCsvColumn     what)
{
  g_return_if_fail (QUORUM_IS_PEOPLE_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), what);
}

void
quorum_people_import_dialog_set_date (QuorumPeopleImportDialog *self,
                                      const GDate              *date)
{
  g_return_if_fail (QUORUM_IS_PEOPLE_IMPORT_DIALOG (self));
  quorum_date_entry_set_date (self->date_entry, date);
}

/* Returns: (nullable): `UTF-8` or `GB18030`, once a file is loaded */
const char *
quorum_people_import_dialog_get_encoding (QuorumPeopleImportDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PEOPLE_IMPORT_DIALOG (self), NULL);
  return self->csv != NULL ? quorum_people_csv_get_encoding (self->csv) : NULL;
}

/* Returns: (transfer none) (nullable): the plan shown, or %NULL when the
 * file or the mapping is wrong (the error is shown) */
QuorumPeopleCsvPlan *
quorum_people_import_dialog_get_plan (QuorumPeopleImportDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PEOPLE_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

/* Returns: (transfer none): the list of change rows, in plan order */
GtkListBox *
quorum_people_import_dialog_get_changes_list (QuorumPeopleImportDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PEOPLE_IMPORT_DIALOG (self), NULL);
  return self->changes_list;
}
