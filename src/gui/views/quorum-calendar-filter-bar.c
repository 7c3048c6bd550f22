/* quorum-calendar-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-calendar-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-calendar-filter-bar.h"
#include "quorum-filter-choice.h"
#include "quorum-gui-utils.h"
#include "quorum-proposal.h"

/**
 * QuorumCalendarFilterBar:
 *
 * The row of filters of the calendar page: a person ("what must this
 * leader attend or hold"), a unit and a duty, each a searchable drop-down
 * with "all" first, and a button that clears them. It fills its lists from
 * the store and the rulebook, keeps the choice across refills, and says
 * #QuorumCalendarFilterBar::changed when the user (or a setter) changes it.
 */
struct _QuorumCalendarFilterBar
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkDropDown    *person_dropdown;
  GtkDropDown    *unit_dropdown;
  GtkDropDown    *duty_dropdown;

  GListStore     *people;
  GListStore     *units;
  GListStore     *duties;

  QuorumStore    *store;
  QuorumRulebook *rulebook;
  gint64          person_id;
  gint64          unit_id;
  char           *duty_id;
  guint           refill_source;
  gboolean        filling;
  /* The lists wait for the bar to be shown (see refill_when_needed ()). */
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (QuorumCalendarFilterBar, quorum_calendar_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RULEBOOK,
  PROP_PERSON_ID,
  PROP_UNIT_ID,
  PROP_DUTY_ID,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The unit kinds, in the order the unit list shows them. */
static const struct
{
  const char *kind;
  const char *label;
} unit_kinds[] = {
  { "leadership-group", NC_("unit kind", "Leadership") },
  { "party-group", NC_("unit kind", "Party Group") },
  { "government", NC_("unit kind", "Government") },
  { "executive-meeting", NC_("unit kind", "Executive Meeting") },
  { "department", NC_("unit kind", "Departments") },
  { "town", NC_("unit kind", "Towns") },
  { "branch", NC_("unit kind", "Party Branches") },
  { "enterprise", NC_("unit kind", "Enterprises") },
};

/* Where the choice for @id (people, units) or @key (duties) is, or
 * GTK_INVALID_LIST_POSITION. */
static guint
find_choice (GListStore *list,
             gboolean    by_key,
             gint64      id,
             const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFilterChoice) choice = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (by_key ? g_strcmp0 (quorum_filter_choice_get_key (choice), key) == 0
                 : quorum_filter_choice_get_id (choice) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
append_choice (GPtrArray  *choices,
               const char *label,
               const char *detail,
               const char *heading,
               gint64      id,
               const char *key)
{
  g_ptr_array_add (choices, quorum_filter_choice_new (label, detail, heading, id, key));
}

/* One items-changed for the whole list: the drop-down follows every one. */
static void
replace_choices (GListStore *list,
                 GPtrArray  *choices)
{
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       choices->pdata, choices->len);
}

static void
fill_people (QuorumCalendarFilterBar *self)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) people = NULL;

  append_choice (choices, _("Everyone"), NULL, NULL, 0, NULL);
  if (self->store != NULL)
    people = quorum_store_list_people (self->store, FALSE, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      append_choice (choices, quorum_person_get_name (person),
                     quorum_person_get_title (person), NULL, quorum_person_get_id (person), NULL);
    }
  replace_choices (self->people, choices);
}

static void
fill_units (QuorumCalendarFilterBar *self)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);

  append_choice (choices, _("All units"), NULL, NULL, 0, NULL);
  for (guint k = 0; self->store != NULL && k < G_N_ELEMENTS (unit_kinds); k++)
    {
      g_autoptr(GListModel) units = quorum_store_list_units (self->store, unit_kinds[k].kind, NULL);
      const char *heading = g_dpgettext2 (GETTEXT_PACKAGE, "unit kind", unit_kinds[k].label);

      for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);

          append_choice (choices, quorum_unit_get_name (unit), NULL, i == 0 ? heading : NULL,
                         quorum_unit_get_id (unit), NULL);
        }
    }
  replace_choices (self->units, choices);
}

static int
compare_duties (gconstpointer a,
                gconstpointer b)
{
  QuorumDuty *x = *(QuorumDuty * const *)a;
  QuorumDuty *y = *(QuorumDuty * const *)b;
  int kx = quorum_kind_order (quorum_duty_get_kind (x));
  int ky = quorum_kind_order (quorum_duty_get_kind (y));

  if (kx != ky)
    return kx - ky;
  return quorum_duty_get_article (x) - quorum_duty_get_article (y);
}

/* The duties a series can serve, grouped by kind, in the order of the
 * policy within each. */
static void
fill_duties (QuorumCalendarFilterBar *self)
{
  g_autoptr(GPtrArray) duties = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  const char *kind = NULL;

  append_choice (choices, _("All duties"), NULL, NULL, 0, NULL);
  if (self->rulebook == NULL)
    {
      replace_choices (self->duties, choices);
      return;
    }

  model = quorum_rulebook_get_duties (self->rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      QuorumDuty *duty = g_list_model_get_item (model, i);

      if (quorum_proposal_duty_is_schedulable (duty))
        g_ptr_array_add (duties, duty);
      else
        g_object_unref (duty);
    }
  g_ptr_array_sort (duties, compare_duties);

  for (guint i = 0; i < duties->len; i++)
    {
      QuorumDuty *duty = g_ptr_array_index (duties, i);
      gboolean first = i == 0 || g_strcmp0 (kind, quorum_duty_get_kind (duty)) != 0;

      kind = quorum_duty_get_kind (duty);
      append_choice (choices, quorum_duty_get_title (duty), NULL,
                     first ? quorum_kind_label (kind) : NULL, 0, quorum_duty_get_id (duty));
    }
  replace_choices (self->duties, choices);
}

static void
fill_lists (QuorumCalendarFilterBar *self)
{
  self->filling = TRUE;
  fill_people (self);
  fill_units (self);
  fill_duties (self);
  self->filling = FALSE;
  self->stale = FALSE;
}

static void
notify_choice (QuorumCalendarFilterBar *self,
               GParamSpec              *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filters.clear",
                                 quorum_calendar_filter_bar_get_active (self));
}

/* Shows the wanted choices. One that no longer exists (a person deleted
 * since) falls back to "all", once the lists are known. */
static gboolean
select_wanted (QuorumCalendarFilterBar *self)
{
  guint person, unit, duty;
  gboolean changed = FALSE;

  if (self->stale)
    fill_lists (self);
  person = find_choice (self->people, FALSE, self->person_id, NULL);
  unit = find_choice (self->units, FALSE, self->unit_id, NULL);
  duty = find_choice (self->duties, TRUE, 0, self->duty_id);

  self->filling = TRUE;
  if (person == GTK_INVALID_LIST_POSITION && self->store != NULL)
    {
      self->person_id = 0;
      notify_choice (self, properties[PROP_PERSON_ID]);
      changed = TRUE;
    }
  if (unit == GTK_INVALID_LIST_POSITION && self->store != NULL)
    {
      self->unit_id = 0;
      notify_choice (self, properties[PROP_UNIT_ID]);
      changed = TRUE;
    }
  if (duty == GTK_INVALID_LIST_POSITION && self->rulebook != NULL)
    {
      g_clear_pointer (&self->duty_id, g_free);
      notify_choice (self, properties[PROP_DUTY_ID]);
      changed = TRUE;
    }
  gtk_drop_down_set_selected (self->person_dropdown,
                              person != GTK_INVALID_LIST_POSITION ? person : 0);
  gtk_drop_down_set_selected (self->unit_dropdown, unit != GTK_INVALID_LIST_POSITION ? unit : 0);
  gtk_drop_down_set_selected (self->duty_dropdown, duty != GTK_INVALID_LIST_POSITION ? duty : 0);
  self->filling = FALSE;

  return changed;
}

static void
refill (QuorumCalendarFilterBar *self)
{
  fill_lists (self);
  if (select_wanted (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A drop-down makes a row widget for every item of its list, shown or not:
 * some 250 of them for the big office, most of the cost of a start-up's
 * calendar page. So the lists are filled when the bar is on show, or when a
 * filter is on (a remembered person is checked against the people, and
 * named in the title); while the bar is closed they wait until it opens. */
static void
refill_when_needed (QuorumCalendarFilterBar *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || quorum_calendar_filter_bar_get_active (self))
    refill (self);
  else
    self->stale = TRUE;
}

static void
quorum_calendar_filter_bar_map (GtkWidget *widget)
{
  QuorumCalendarFilterBar *self = QUORUM_CALENDAR_FILTER_BAR (widget);

  if (self->stale)
    refill (self);
  GTK_WIDGET_CLASS (quorum_calendar_filter_bar_parent_class)->map (widget);
}

static gboolean
refill_idle_cb (gpointer user_data)
{
  QuorumCalendarFilterBar *self = user_data;

  self->refill_source = 0;
  refill_when_needed (self);
  return G_SOURCE_REMOVE;
}

/* New or renamed people and units: refill once for a batch of writes. */
static void
on_store_changed_cb (QuorumCalendarFilterBar *self,
                     const char              *entity,
                     gint64                   id,
                     QuorumStore             *store)
{
  static const char * const entities[] = { "person", "unit", "bulk", "external", NULL };

  if (g_strv_contains (entities, entity) && self->refill_source == 0)
    self->refill_source = g_idle_add_full (G_PRIORITY_LOW, refill_idle_cb, self, NULL);
}

static void
on_dropdown_selected_cb (QuorumCalendarFilterBar *self,
                         GParamSpec              *pspec,
                         GtkDropDown             *dropdown)
{
  QuorumFilterChoice *choice = gtk_drop_down_get_selected_item (dropdown);

  if (self->filling || choice == NULL)
    return;

  if (dropdown == self->person_dropdown)
    quorum_calendar_filter_bar_set_person_id (self, quorum_filter_choice_get_id (choice));
  else if (dropdown == self->unit_dropdown)
    quorum_calendar_filter_bar_set_unit_id (self, quorum_filter_choice_get_id (choice));
  else
    quorum_calendar_filter_bar_set_duty_id (self, quorum_filter_choice_get_key (choice));
}

static void
setup_button_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (item, label);
}

static void
bind_button_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  QuorumFilterChoice *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      quorum_filter_choice_get_label (choice));
}

/* A list row: the group's heading above its first entry, then the label
 * and its dim detail. */
static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_top (heading, 6);
  gtk_widget_set_margin_bottom (heading, 3);
  /* The popover is as wide as its rows' minimum: give them room, and let
   * only the notes give way. */
  gtk_widget_set_size_request (box, 300, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), detail);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_item_set_child (item, box);
}

static void
bind_list_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  QuorumFilterChoice *choice = gtk_list_item_get_item (item);
  GtkWidget *heading = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *line = gtk_widget_get_next_sibling (heading);
  GtkWidget *label = gtk_widget_get_first_child (line);
  GtkWidget *detail = gtk_widget_get_next_sibling (label);
  const char *heading_text = quorum_filter_choice_get_heading (choice);
  const char *detail_text = quorum_filter_choice_get_detail (choice);

  gtk_label_set_text (GTK_LABEL (heading), heading_text != NULL ? heading_text : "");
  gtk_widget_set_visible (heading, heading_text != NULL);
  gtk_label_set_text (GTK_LABEL (label), quorum_filter_choice_get_label (choice));
  gtk_label_set_text (GTK_LABEL (detail), detail_text != NULL ? detail_text : "");
  gtk_widget_set_visible (detail, detail_text != NULL);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                GListStore  *model)
{
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_button_item_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_button_item_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_item_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_list_item_cb), NULL);

  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_expression (dropdown,
                                gtk_property_expression_new (QUORUM_TYPE_FILTER_CHOICE, NULL,
                                                             "label"));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  quorum_calendar_filter_bar_clear (QUORUM_CALENDAR_FILTER_BAR (widget));
}

static void
quorum_calendar_filter_bar_dispose (GObject *object)
{
  QuorumCalendarFilterBar *self = (QuorumCalendarFilterBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CALENDAR_FILTER_BAR);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_handle_id (&self->refill_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->people);
  g_clear_object (&self->units);
  g_clear_object (&self->duties);

  G_OBJECT_CLASS (quorum_calendar_filter_bar_parent_class)->dispose (object);
}

static void
quorum_calendar_filter_bar_finalize (GObject *object)
{
  QuorumCalendarFilterBar *self = (QuorumCalendarFilterBar *)object;

  g_clear_pointer (&self->duty_id, g_free);

  G_OBJECT_CLASS (quorum_calendar_filter_bar_parent_class)->finalize (object);
}

static void
quorum_calendar_filter_bar_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  QuorumCalendarFilterBar *self = QUORUM_CALENDAR_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RULEBOOK:
      g_value_set_object (value, self->rulebook);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_DUTY_ID:
      g_value_set_string (value, self->duty_id);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, quorum_calendar_filter_bar_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_calendar_filter_bar_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  QuorumCalendarFilterBar *self = QUORUM_CALENDAR_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      quorum_calendar_filter_bar_set_store (self, g_value_get_object (value));
      break;
    case PROP_RULEBOOK:
      quorum_calendar_filter_bar_set_rulebook (self, g_value_get_object (value));
      break;
    case PROP_PERSON_ID:
      quorum_calendar_filter_bar_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_UNIT_ID:
      quorum_calendar_filter_bar_set_unit_id (self, g_value_get_int64 (value));
      break;
    case PROP_DUTY_ID:
      quorum_calendar_filter_bar_set_duty_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_calendar_filter_bar_class_init (QuorumCalendarFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = quorum_calendar_filter_bar_dispose;
  object_class->finalize = quorum_calendar_filter_bar_finalize;
  object_class->get_property = quorum_calendar_filter_bar_get_property;
  object_class->set_property = quorum_calendar_filter_bar_set_property;
  widget_class->map = quorum_calendar_filter_bar_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE, flags);
  properties[PROP_RULEBOOK] =
    g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DUTY_ID] =
    g_param_spec_string ("duty-id", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumCalendarFilterBar::changed:
   * @self: the filter bar
   *
   * The person, unit or duty filtered on changed: query again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/views/quorum-calendar-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarFilterBar, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarFilterBar, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumCalendarFilterBar, duty_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "filters.clear", NULL, clear_action);

  gtk_widget_class_set_css_name (widget_class, "calendarfilterbar");
}

static void
quorum_calendar_filter_bar_init (QuorumCalendarFilterBar *self)
{
  self->people = g_list_store_new (QUORUM_TYPE_FILTER_CHOICE);
  self->units = g_list_store_new (QUORUM_TYPE_FILTER_CHOICE);
  self->duties = g_list_store_new (QUORUM_TYPE_FILTER_CHOICE);

  /* The models exist before the template connects notify::selected. */
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  setup_dropdown (self->person_dropdown, self->people);
  setup_dropdown (self->unit_dropdown, self->units);
  setup_dropdown (self->duty_dropdown, self->duties);
  self->filling = FALSE;
  refill_when_needed (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filters.clear", FALSE);
}

GtkWidget *
quorum_calendar_filter_bar_new (void)
{
  return g_object_new (QUORUM_TYPE_CALENDAR_FILTER_BAR, NULL);
}

/**
 * quorum_calendar_filter_bar_set_store:
 * @self: a #QuorumCalendarFilterBar
 * @store: (nullable): where the people and units come from
 */
void
quorum_calendar_filter_bar_set_store (QuorumCalendarFilterBar *self,
                                      QuorumStore             *store)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  refill_when_needed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_calendar_filter_bar_set_rulebook:
 * @self: a #QuorumCalendarFilterBar
 * @rulebook: (nullable): where the duties come from
 */
void
quorum_calendar_filter_bar_set_rulebook (QuorumCalendarFilterBar *self,
                                         QuorumRulebook          *rulebook)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));
  g_return_if_fail (rulebook == NULL || QUORUM_IS_RULEBOOK (rulebook));

  if (!g_set_object (&self->rulebook, rulebook))
    return;

  refill_when_needed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULEBOOK]);
}

/* Returns: the person filtered on, 0 for everyone */
gint64
quorum_calendar_filter_bar_get_person_id (QuorumCalendarFilterBar *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self), 0);

  return self->person_id;
}

/**
 * quorum_calendar_filter_bar_set_person_id:
 * @self: a #QuorumCalendarFilterBar
 * @person_id: a person, or 0 for everyone
 *
 * Filters on @person_id. Before the store is set any id is kept; once the
 * people are known, one not among them falls back to everyone.
 */
void
quorum_calendar_filter_bar_set_person_id (QuorumCalendarFilterBar *self,
                                          gint64                   person_id)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));

  if (self->person_id == MAX (person_id, 0))
    return;

  self->person_id = MAX (person_id, 0);
  notify_choice (self, properties[PROP_PERSON_ID]);
  select_wanted (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * quorum_calendar_filter_bar_get_person_name:
 * @self: a #QuorumCalendarFilterBar
 *
 * Returns: (nullable): the name of the person filtered on, %NULL for everyone
 */
const char *
quorum_calendar_filter_bar_get_person_name (QuorumCalendarFilterBar *self)
{
  guint position;
  g_autoptr(QuorumFilterChoice) choice = NULL;

  g_return_val_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self), NULL);

  if (self->person_id == 0)
    return NULL;
  position = find_choice (self->people, FALSE, self->person_id, NULL);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  /* The store holds its own reference: the label outlives this one. */
  choice = g_list_model_get_item (G_LIST_MODEL (self->people), position);
  return quorum_filter_choice_get_label (choice);
}

/* Returns: the unit filtered on, 0 for all */
gint64
quorum_calendar_filter_bar_get_unit_id (QuorumCalendarFilterBar *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self), 0);

  return self->unit_id;
}

void
quorum_calendar_filter_bar_set_unit_id (QuorumCalendarFilterBar *self,
                                        gint64                   unit_id)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));

  if (self->unit_id == MAX (unit_id, 0))
    return;

  self->unit_id = MAX (unit_id, 0);
  notify_choice (self, properties[PROP_UNIT_ID]);
  select_wanted (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: (nullable): the duty filtered on, %NULL for all */
const char *
quorum_calendar_filter_bar_get_duty_id (QuorumCalendarFilterBar *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self), NULL);

  return self->duty_id;
}

void
quorum_calendar_filter_bar_set_duty_id (QuorumCalendarFilterBar *self,
                                        const char              *duty_id)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));

  if (duty_id != NULL && duty_id[0] == '\0')
    duty_id = NULL;
  if (g_strcmp0 (self->duty_id, duty_id) == 0)
    return;

  g_free (self->duty_id);
  self->duty_id = g_strdup (duty_id);
  notify_choice (self, properties[PROP_DUTY_ID]);
  select_wanted (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: whether anything is filtered on */
gboolean
quorum_calendar_filter_bar_get_active (QuorumCalendarFilterBar *self)
{
  g_return_val_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self), FALSE);

  return self->person_id != 0 || self->unit_id != 0 || self->duty_id != NULL;
}

/**
 * quorum_calendar_filter_bar_get_filter:
 * @self: a #QuorumCalendarFilterBar
 * @filter: (out caller-allocates): a filter to fill
 *
 * Sets the person, unit and duty of @filter; its strings belong to @self.
 * The other fields are left alone.
 */
void
quorum_calendar_filter_bar_get_filter (QuorumCalendarFilterBar *self,
                                       QuorumOccurrenceFilter  *filter)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  filter->person_id = self->person_id;
  filter->unit_id = self->unit_id;
  filter->duty_id = self->duty_id;
}

/**
 * quorum_calendar_filter_bar_clear:
 * @self: a #QuorumCalendarFilterBar
 *
 * Filters on nothing: everyone, all units, all duties. Says
 * #QuorumCalendarFilterBar::changed once.
 */
void
quorum_calendar_filter_bar_clear (QuorumCalendarFilterBar *self)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));

  if (!quorum_calendar_filter_bar_get_active (self))
    return;

  self->person_id = 0;
  self->unit_id = 0;
  g_clear_pointer (&self->duty_id, g_free);
  notify_choice (self, properties[PROP_PERSON_ID]);
  notify_choice (self, properties[PROP_UNIT_ID]);
  notify_choice (self, properties[PROP_DUTY_ID]);
  select_wanted (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Reads the people, units and duties again, keeping the choice. */
void
quorum_calendar_filter_bar_reload (QuorumCalendarFilterBar *self)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));

  refill (self);
}

/* Puts the keyboard focus on the person drop-down. */
void
quorum_calendar_filter_bar_focus_person (QuorumCalendarFilterBar *self)
{
  g_return_if_fail (QUORUM_IS_CALENDAR_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->person_dropdown));
}
