/* quorum-person-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds a person, or edits one: name (required), title, rank and Party
 * membership. Writes to the store on Save and emits ::saved.
 */

#define G_LOG_DOMAIN "quorum-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-person-dialog.h"

struct _QuorumPersonDialog
{
  AdwWindow      parent_instance;

  QuorumStore   *store;
  QuorumPerson  *person;

  AdwEntryRow   *name_row;
  AdwEntryRow   *title_row;
  GtkSpinButton *rank_spin;
  GtkSwitch     *party_switch;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (QuorumPersonDialog, quorum_person_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
name_is_blank (QuorumPersonDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return name[0] == '\0';
}

static void
on_name_changed_cb (QuorumPersonDialog *self)
{
  if (!name_is_blank (self))
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
show_error (QuorumPersonDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumPersonDialog *self = QUORUM_PERSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPerson) person = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (name_is_blank (self))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      show_error (self, _("Enter the person’s name."));
      return;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (self->person != NULL)
    person = g_object_ref (self->person);
  else
    person = quorum_person_new (name, title, 0);
  quorum_person_set_name (person, name);
  quorum_person_set_title (person, title);
  quorum_person_set_rank (person, gtk_spin_button_get_value_as_int (self->rank_spin));
  quorum_person_set_party_member (person, gtk_switch_get_active (self->party_switch));

  if (self->person != NULL)
    id = quorum_store_update_person (self->store, person, &error) ? quorum_person_get_id (person) : 0;
  else
    id = quorum_store_add_person (self->store, person, &error);

  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A new person goes last: ten after the highest rank. */
static int
next_rank (QuorumStore *store)
{
  g_autoptr(GListModel) people = quorum_store_list_people (store, TRUE, NULL);
  int rank = 0;

  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      rank = MAX (rank, quorum_person_get_rank (person));
    }
  return rank + 10;
}

static void
quorum_person_dialog_constructed (GObject *object)
{
  QuorumPersonDialog *self = QUORUM_PERSON_DIALOG (object);

  G_OBJECT_CLASS (quorum_person_dialog_parent_class)->constructed (object);

  if (self->person != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), quorum_person_get_name (self->person));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             quorum_person_get_title (self->person) ?: "");
      gtk_spin_button_set_value (self->rank_spin, quorum_person_get_rank (self->person));
      gtk_switch_set_active (self->party_switch, quorum_person_get_party_member (self->person));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Person"));
      gtk_spin_button_set_value (self->rank_spin, next_rank (self->store));
    }
}

static void
quorum_person_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumPersonDialog *self = QUORUM_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_person_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumPersonDialog *self = QUORUM_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_person_dialog_dispose (GObject *object)
{
  QuorumPersonDialog *self = QUORUM_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PERSON_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (quorum_person_dialog_parent_class)->dispose (object);
}

static void
quorum_person_dialog_class_init (QuorumPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_person_dialog_constructed;
  object_class->dispose = quorum_person_dialog_dispose;
  object_class->get_property = quorum_person_dialog_get_property;
  object_class->set_property = quorum_person_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, QUORUM_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumPersonDialog::saved:
   * @id: the person's id
   *
   * Emitted when the person was written to the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/people/quorum-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonDialog, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonDialog, party_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumPersonDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
quorum_person_dialog_init (QuorumPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_person_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store to write to
 * @person: (nullable): the person to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
QuorumPersonDialog *
quorum_person_dialog_new (GtkWindow    *parent,
                          QuorumStore  *store,
                          QuorumPerson *person)
{
  return g_object_new (QUORUM_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "person", person,
                       NULL);
}
