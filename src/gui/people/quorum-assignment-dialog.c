/* quorum-assignment-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Relates a person to a unit from a day: in charge of a department, the
 * assigned town, a linked enterprise, or member or head of a group. Only
 * units of the fitting kinds are offered, searchable by name.
 */

#define G_LOG_DOMAIN "quorum-assignment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-assignment-dialog.h"
#include "quorum-date-entry.h"
#include "quorum-people-labels.h"

struct _QuorumAssignmentDialog
{
  AdwWindow           parent_instance;

  QuorumStore        *store;
  gint64              person_id;
  GtkFilterListModel *units;
  GtkCustomFilter    *filter;

  AdwComboRow        *kind_row;
  AdwActionRow       *unit_row;
  GtkDropDown        *unit_dropdown;
  QuorumDateEntry    *start_entry;
  QuorumDateEntry    *end_entry;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (QuorumAssignmentDialog, quorum_assignment_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  N_PROPS
};

enum {
  ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* In the order of the kind row's items; the unit kinds each may point to. */
static const struct {
  const char        *kind;
  const char * const unit_kinds[7];
} kinds[] = {
  { "in-charge", { "department", "branch", NULL } },
  { "assigned-town", { "town", NULL } },
  { "linked-enterprise", { "enterprise", NULL } },
  { "member", { "government", "leadership-group", "party-group", "executive-meeting", "branch",
                "department", NULL } },
  { "head", { "government", "leadership-group", "party-group", "executive-meeting", "branch",
              "department", NULL } },
};

static guint
selected_kind (QuorumAssignmentDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1);
}

static gboolean
unit_matches (gpointer item,
              gpointer user_data)
{
  QuorumAssignmentDialog *self = user_data;
  const char *kind = quorum_unit_get_kind (QUORUM_UNIT (item));

  return g_strv_contains ((const char * const *)kinds[selected_kind (self)].unit_kinds, kind);
}

static void
on_kind_selected_cb (QuorumAssignmentDialog *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  adw_action_row_set_subtitle (self->unit_row,
                               g_list_model_get_n_items (G_LIST_MODEL (self->units)) == 0
                               ? _("None of this kind yet: add them under Units")
                               : "");
}

static void
show_error (QuorumAssignmentDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  QuorumAssignmentDialog *self = QUORUM_ASSIGNMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = quorum_date_entry_dup_date (self->start_entry);
  g_autoptr(GDate) end = quorum_date_entry_dup_date (self->end_entry);
  QuorumUnit *unit = gtk_drop_down_get_selected_item (self->unit_dropdown);
  gint64 id;

  if (unit == NULL)
    {
      show_error (self, _("Choose a unit."));
      return;
    }
  if (start == NULL)
    {
      show_error (self, _("Enter the first day as YYYY-MM-DD."));
      return;
    }
  if (!quorum_date_entry_is_valid (self->end_entry))
    {
      show_error (self, _("Enter the last day as YYYY-MM-DD, or leave it empty."));
      return;
    }

  id = quorum_store_add_relation (self->store, self->person_id, quorum_unit_get_id (unit),
                                  kinds[selected_kind (self)].kind, start, end, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[ADDED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
quorum_assignment_dialog_constructed (GObject *object)
{
  QuorumAssignmentDialog *self = QUORUM_ASSIGNMENT_DIALOG (object);
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;

  G_OBJECT_CLASS (quorum_assignment_dialog_parent_class)->constructed (object);

  units = quorum_store_list_units (self->store, NULL, &error);
  if (units == NULL)
    {
      show_error (self, error->message);
      units = G_LIST_MODEL (g_list_store_new (QUORUM_TYPE_UNIT));
    }

  self->filter = gtk_custom_filter_new (unit_matches, self, NULL);
  self->units = gtk_filter_list_model_new (g_steal_pointer (&units),
                                           GTK_FILTER (g_object_ref (self->filter)));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->units));
  on_kind_selected_cb (self);

  today = quorum_today (self->store);
  quorum_date_entry_set_date (self->start_entry, today);
  quorum_date_entry_set_date (self->end_entry, NULL);
}

static void
quorum_assignment_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumAssignmentDialog *self = QUORUM_ASSIGNMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_assignment_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumAssignmentDialog *self = QUORUM_ASSIGNMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_assignment_dialog_dispose (GObject *object)
{
  QuorumAssignmentDialog *self = QUORUM_ASSIGNMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_ASSIGNMENT_DIALOG);
  g_clear_object (&self->units);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_assignment_dialog_parent_class)->dispose (object);
}

static void
quorum_assignment_dialog_class_init (QuorumAssignmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_assignment_dialog_constructed;
  object_class->dispose = quorum_assignment_dialog_dispose;
  object_class->get_property = quorum_assignment_dialog_get_property;
  object_class->set_property = quorum_assignment_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumAssignmentDialog::added:
   * @id: the new relation's id
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (QUORUM_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/people/quorum-assignment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumAssignmentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumAssignmentDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumAssignmentDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumAssignmentDialog, start_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumAssignmentDialog, end_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumAssignmentDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "assignment.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_assignment_dialog_init (QuorumAssignmentDialog *self)
{
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  name = gtk_property_expression_new (QUORUM_TYPE_UNIT, NULL, "name");
  gtk_drop_down_set_expression (self->unit_dropdown, name);
}

/**
 * quorum_assignment_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store to write to
 * @person_id: the person to assign
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
QuorumAssignmentDialog *
quorum_assignment_dialog_new (GtkWindow   *parent,
                              QuorumStore *store,
                              gint64       person_id)
{
  return g_object_new (QUORUM_TYPE_ASSIGNMENT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "person-id", person_id,
                       NULL);
}

void
quorum_assignment_dialog_set_kind (QuorumAssignmentDialog *self,
                                   const char             *kind)
{
  g_return_if_fail (QUORUM_IS_ASSIGNMENT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

const char *
quorum_assignment_dialog_get_kind (QuorumAssignmentDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_ASSIGNMENT_DIALOG (self), NULL);
  return kinds[selected_kind (self)].kind;
}

/* Returns: %FALSE when the unit is not offered for the kind chosen */
gboolean
quorum_assignment_dialog_select_unit (QuorumAssignmentDialog *self,
                                      gint64                  unit_id)
{
  GListModel *model;

  g_return_val_if_fail (QUORUM_IS_ASSIGNMENT_DIALOG (self), FALSE);

  model = G_LIST_MODEL (self->units);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (model, i);

      if (quorum_unit_get_id (unit) == unit_id)
        {
          gtk_drop_down_set_selected (self->unit_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
quorum_assignment_dialog_set_start (QuorumAssignmentDialog *self,
                                    const GDate            *start)
{
  g_return_if_fail (QUORUM_IS_ASSIGNMENT_DIALOG (self));
  quorum_date_entry_set_date (self->start_entry, start);
}
