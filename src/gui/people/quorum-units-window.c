/* quorum-units-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office's units (government, groups, departments, towns, enterprises…)
 * by kind, searchable; add one or rename one.
 */

#define G_LOG_DOMAIN "quorum-units-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-people-labels.h"
#include "quorum-units-window.h"

struct _QuorumUnitsWindow
{
  AdwWindow           parent_instance;

  QuorumStore        *store;
  GListStore         *units;
  GtkFilterListModel *shown;
  GtkCustomFilter    *filter;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkListBox         *units_list;
};

G_DEFINE_FINAL_TYPE (QuorumUnitsWindow, quorum_units_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kind chosen in the menu, or NULL for all. */
static const char *
chosen_kind (QuorumUnitsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **)quorum_unit_kinds))
    return NULL;
  return quorum_unit_kinds[selected - 1];
}

static gboolean
unit_matches (gpointer item,
              gpointer user_data)
{
  QuorumUnitsWindow *self = user_data;
  QuorumUnit *unit = QUORUM_UNIT (item);
  const char *kind = chosen_kind (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *name = g_utf8_casefold (quorum_unit_get_name (unit), -1);

  if (kind != NULL && g_strcmp0 (quorum_unit_get_kind (unit), kind) != 0)
    return FALSE;
  return needle[0] == '\0' || strstr (name, needle) != NULL;
}

static void
on_filter_changed_cb (QuorumUnitsWindow *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void report (QuorumUnitsWindow *self,
                    const GError      *error);

static void
reload (QuorumUnitsWindow *self)
{
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(units = quorum_store_list_units (self->store, NULL, &error)))
    {
      report (self, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    g_ptr_array_add (items, g_list_model_get_item (units, i));
  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       items->pdata, items->len);
}

static void
on_store_changed_cb (QuorumUnitsWindow *self,
                     const char        *entity,
                     gint64             id)
{
  if (g_str_equal (entity, "unit") || g_str_equal (entity, "external"))
    reload (self);
}

static void
report (QuorumUnitsWindow *self,
        const GError      *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                          _("Not Saved"),
                                                                          error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_name_entry_changed_cb (AdwMessageDialog *dialog,
                          GtkEditable      *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "response");

  adw_message_dialog_set_response_enabled (dialog, response, name[0] != '\0');
  if (name[0] != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

/* A message dialog that asks for a name; @extra goes below the entry. */
static AdwMessageDialog *
name_dialog_new (QuorumUnitsWindow *self,
                 const char        *heading,
                 const char        *response,
                 const char        *response_label,
                 const char        *name,
                 GtkWidget         *extra,
                 GtkEntry         **out_entry)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                          heading, NULL));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  if (extra != NULL)
    gtk_box_append (GTK_BOX (box), extra);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "response", g_strdup (response), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_entry_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  on_name_entry_changed_cb (dialog, GTK_EDITABLE (entry));

  *out_entry = GTK_ENTRY (entry);
  return dialog;
}

static void
on_add_response_cb (QuorumUnitsWindow *self,
                    const char        *response,
                    AdwMessageDialog  *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  g_autoptr(QuorumUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "add"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  unit = quorum_unit_new (name, quorum_unit_kinds[gtk_drop_down_get_selected (kind)]);
  if (quorum_store_add_unit (self->store, unit, &error) == 0)
    report (self, error);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  QuorumUnitsWindow *self = QUORUM_UNITS_WINDOW (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *kind = chosen_kind (self);
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  GtkEntry *entry;

  for (guint i = 0; quorum_unit_kinds[i] != NULL; i++)
    gtk_string_list_append (labels, quorum_unit_kind_label (quorum_unit_kinds[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of Unit"), -1);
  for (guint i = 0; kind != NULL && quorum_unit_kinds[i] != NULL; i++)
    if (g_str_equal (quorum_unit_kinds[i], kind))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);

  dialog = name_dialog_new (self, _("Add Unit"), "add", _("_Add"), NULL, dropdown, &entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "kind", dropdown);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_response_cb (QuorumUnitsWindow *self,
                       const char        *response,
                       AdwMessageDialog  *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  QuorumUnit *unit = g_object_get_data (G_OBJECT (dialog), "unit");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "rename"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  quorum_unit_set_name (unit, name);
  if (!quorum_store_update_unit (self->store, unit, &error))
    report (self, error);
}

static void
on_rename_clicked_cb (QuorumUnitsWindow *self,
                      GtkButton         *button)
{
  QuorumUnit *unit = g_object_get_data (G_OBJECT (button), "unit");
  AdwMessageDialog *dialog;
  GtkEntry *entry;

  dialog = name_dialog_new (self, _("Rename Unit"), "rename", _("_Rename"),
                            quorum_unit_get_name (unit), NULL, &entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "unit", g_object_ref (unit), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  QuorumUnitsWindow *self = user_data;
  QuorumUnit *unit = QUORUM_UNIT (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_unit_get_name (unit));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               quorum_unit_kind_label (quorum_unit_get_kind (unit)));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Rename"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rename"), -1);
  g_object_set_data_full (G_OBJECT (button), "unit", g_object_ref (unit), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_rename_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
quorum_units_window_constructed (GObject *object)
{
  QuorumUnitsWindow *self = QUORUM_UNITS_WINDOW (object);

  G_OBJECT_CLASS (quorum_units_window_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
quorum_units_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QuorumUnitsWindow *self = QUORUM_UNITS_WINDOW (object);

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
quorum_units_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QuorumUnitsWindow *self = QUORUM_UNITS_WINDOW (object);

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
quorum_units_window_dispose (GObject *object)
{
  QuorumUnitsWindow *self = QUORUM_UNITS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_UNITS_WINDOW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->units);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_units_window_parent_class)->dispose (object);
}

static void
quorum_units_window_class_init (QuorumUnitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_units_window_constructed;
  object_class->dispose = quorum_units_window_dispose;
  object_class->get_property = quorum_units_window_get_property;
  object_class->set_property = quorum_units_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/people/quorum-units-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumUnitsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumUnitsWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumUnitsWindow, units_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "units.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_units_window_init (QuorumUnitsWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; quorum_unit_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, quorum_unit_kind_label (quorum_unit_kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->units = g_list_store_new (QUORUM_TYPE_UNIT);
  self->filter = gtk_custom_filter_new (unit_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->units)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->units_list, G_LIST_MODEL (self->shown), create_row, self, NULL);
}

/**
 * quorum_units_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 *
 * Returns: (transfer none): a new window, not shown yet
 */
QuorumUnitsWindow *
quorum_units_window_new (GtkWindow   *parent,
                         QuorumStore *store)
{
  return g_object_new (QUORUM_TYPE_UNITS_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/* @kind: (nullable): show only this kind of unit, or %NULL for all */
void
quorum_units_window_set_kind (QuorumUnitsWindow *self,
                              const char        *kind)
{
  g_return_if_fail (QUORUM_IS_UNITS_WINDOW (self));

  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  for (guint i = 0; kind != NULL && quorum_unit_kinds[i] != NULL; i++)
    if (g_str_equal (quorum_unit_kinds[i], kind))
      gtk_drop_down_set_selected (self->kind_dropdown, i + 1);
}

/* Returns: (transfer none): the units shown, after the kind and the search */
GListModel *
quorum_units_window_get_shown (QuorumUnitsWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_UNITS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->shown);
}
