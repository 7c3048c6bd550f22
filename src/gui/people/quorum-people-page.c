/* quorum-people-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office as it really is: people in rank order (drag, or Alt+Up and
 * Alt+Down, to reorder), and for the one selected their title, rank and
 * dated assignments (分工) by kind, with the ended ones kept as history.
 * Assignments that break a rulebook range (2–4 linked enterprises, one
 * assigned town…) are pointed out, never refused.
 */

#define G_LOG_DOMAIN "quorum-people-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-assignment-check.h"
#include "quorum-assignment-dialog.h"
#include "quorum-date-entry.h"
#include "quorum-gui-utils.h"
#include "quorum-people-labels.h"
#include "quorum-people-page.h"
#include "quorum-person-dialog.h"
#include "quorum-rulebook.h"
#include "quorum-units-window.h"
#include "quorum-window.h"
#include "quorum-workdays.h"

/* The first showing of the page lists this many people in the frame that
 * shows it (what the default window's height shows), and the rest this many
 * a frame: GTK 4.8's list view makes a row for each of a big office's fifty
 * people at once, and laying them all out took longer than a frame may.
 * With software rendering a page's first frame has some 20 ms for itself. */
#define FIRST_ROWS      10
#define ROWS_PER_FRAME  8

struct _QuorumPeoplePage
{
  AdwBin               parent_instance;

  QuorumStore         *store;
  QuorumRulebook      *rulebook;
  QuorumWorkdays      *workdays;
  gboolean             show_retired;

  GListStore          *people;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GHashTable          *groups;       /* person id → names of their groups */
  GHashTable          *unit_names;   /* unit id → name */
  GHashTable          *unit_kinds;   /* unit id → kind */
  gint64               selected_id;
  guint                refresh_id;
  gboolean             refreshing;
  guint                detail_tick;    /* the first detail, after the page's first frame */
  GPtrArray           *pending;        /* people still to list on the first showing */
  guint                fill_tick;      /* lists them, a few a frame */

  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkListView         *people_list;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  GtkLabel            *name_label;
  GtkLabel            *title_label;
  AdwActionRow        *rank_row;
  AdwActionRow        *party_row;
  AdwActionRow        *retired_row;
  GtkBox              *assignments_box;
};

G_DEFINE_FINAL_TYPE (QuorumPeoplePage, quorum_people_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RULEBOOK,
  PROP_WORKDAYS,
  PROP_SHOW_RETIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds of assignment in the order the detail shows them. */
static const char * const relation_order[] = {
  "in-charge", "assigned-town", "linked-enterprise", "member", "head"
};

static void update_detail (QuorumPeoplePage *self);
static void update_detail_full (QuorumPeoplePage *self,
                                gboolean          later);
static void update_actions (QuorumPeoplePage *self);

static void
toast (QuorumPeoplePage *self,
       const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static GtkWindow *
parent_window (QuorumPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static QuorumPerson *
selected_person (QuorumPeoplePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Refreshing -------------------------------------------------------------- */

static gboolean
person_matches (gpointer item,
                gpointer user_data)
{
  QuorumPeoplePage *self = user_data;
  QuorumPerson *person = QUORUM_PERSON (item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 id = quorum_person_get_id (person);
  g_autofree char *needle = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;

  if (text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  joined = g_strjoin ("\n", quorum_person_get_name (person),
                      quorum_person_get_title (person) ?: "",
                      (const char *)g_hash_table_lookup (self->groups, &id) ?: "", NULL);
  haystack = g_utf8_casefold (joined, -1);
  return strstr (haystack, needle) != NULL;
}

static void
on_search_changed_cb (QuorumPeoplePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
select_id (QuorumPeoplePage *self,
           gint64            id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (model, i);

      if (quorum_person_get_id (person) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static gboolean
detail_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);

  self->detail_tick = 0;
  gtk_widget_set_opacity (GTK_WIDGET (self->detail_stack), 1);
  update_detail_full (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The first showing of the page lays out the top of the list in one frame
 * and the selected person's details in the next, their groups of
 * assignments and warnings one a frame after that: all in one frame took
 * longer than a frame may. Until then the detail pane is blank rather than
 * saying that nobody is selected. */
static void
update_detail_after_paint (QuorumPeoplePage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      update_detail (self);
      return;
    }
  update_actions (self);
  if (self->detail_tick != 0)
    return;
  gtk_widget_set_opacity (GTK_WIDGET (self->detail_stack), 0);
  self->detail_tick = quorum_add_tick_callback_after_paint (GTK_WIDGET (self), detail_tick_cb, NULL,
                                                            NULL);
}

static void
stop_filling (QuorumPeoplePage *self)
{
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

/* Lists the next few people still pending, in rank order after those
 * listed. */
static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  guint n = MIN (ROWS_PER_FRAME, self->pending->len);

  self->refreshing = TRUE;
  g_list_store_splice (self->people, g_list_model_get_n_items (G_LIST_MODEL (self->people)), 0,
                       self->pending->pdata, n);
  self->refreshing = FALSE;
  g_ptr_array_remove_range (self->pending, 0, n);
  update_actions (self);
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  self->fill_tick = 0;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

static void
refresh_full (QuorumPeoplePage *self,
              gboolean          first)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *count = NULL;
  gint64 keep = self->selected_id;
  guint n, n_now;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_filling (self);

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->people);
      gtk_stack_set_visible_child_name (self->stack, "no-store");
      return;
    }

  today = quorum_today (self->store);
  if (!(people = quorum_store_list_people (self->store, self->show_retired, &error)) ||
      !(everyone = quorum_store_list_people (self->store, TRUE, &error)) ||
      !(units = quorum_store_list_units (self->store, NULL, &error)) ||
      !(relations = quorum_store_list_relations_at (self->store, 0, 0, today, &error)))
    {
      toast (self, error->message);
      return;
    }

  g_hash_table_remove_all (self->unit_names);
  g_hash_table_remove_all (self->unit_kinds);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);

      g_hash_table_insert (self->unit_names, id_key (quorum_unit_get_id (unit)),
                           g_strdup (quorum_unit_get_name (unit)));
      g_hash_table_insert (self->unit_kinds, id_key (quorum_unit_get_id (unit)),
                           g_strdup (quorum_unit_get_kind (unit)));
    }

  /* The groups each person sits in today, for the list and the search. */
  g_hash_table_remove_all (self->groups);
  for (guint i = 0; i < relations->len; i++)
    {
      QuorumRelation *relation = g_ptr_array_index (relations, i);
      const char *name = g_hash_table_lookup (self->unit_names, &relation->unit_id);
      const char *before;

      if (name == NULL ||
          (!g_str_equal (relation->kind, "member") && !g_str_equal (relation->kind, "head")))
        continue;

      before = g_hash_table_lookup (self->groups, &relation->person_id);
      g_hash_table_insert (self->groups, id_key (relation->person_id),
                           before != NULL ? g_strconcat (before, _(", "), name, NULL)
                                          : g_strdup (name));
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    g_ptr_array_add (items, g_list_model_get_item (people, i));

  /* On the first showing, the rest of the list comes from the frame after
   * next, a few a frame. */
  n_now = items->len;
  if (first && gtk_widget_get_mapped (GTK_WIDGET (self)) && items->len > FIRST_ROWS)
    {
      n_now = FIRST_ROWS;
      self->pending = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = n_now; i < items->len; i++)
        g_ptr_array_add (self->pending, g_object_ref (g_ptr_array_index (items, i)));
      self->fill_tick = quorum_add_tick_callback_after_paint (GTK_WIDGET (self), fill_tick_cb,
                                                              NULL, NULL);
    }

  self->refreshing = TRUE;
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       items->pdata, n_now);
  self->refreshing = FALSE;

  n = g_list_model_get_n_items (everyone);
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "people");

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", items->len),
                           items->len);
  gtk_label_set_text (self->count_label, count);

  self->selected_id = 0;
  if (keep != 0)
    select_id (self, keep);
  if (selected_person (self) == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  self->selected_id = selected_person (self) != NULL
                      ? quorum_person_get_id (selected_person (self)) : 0;
  if (first)
    update_detail_after_paint (self);
  else
    update_detail (self);
}

static void
refresh (QuorumPeoplePage *self)
{
  refresh_full (self, FALSE);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  QuorumPeoplePage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (QuorumPeoplePage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
on_store_changed_cb (QuorumPeoplePage *self,
                     const char       *entity,
                     gint64            id)
{
  if (g_str_equal (entity, "person") || g_str_equal (entity, "unit") ||
      g_str_equal (entity, "relation") || g_str_equal (entity, "external") ||
      g_str_equal (entity, "rulebook"))
    queue_refresh (self);
}

static void
update_actions (QuorumPeoplePage *self)
{
  QuorumPerson *person = selected_person (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean have = person != NULL && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.export", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.units", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add-assignment", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.retire",
                                 have && quorum_person_get_retired_on (person) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.unretire",
                                 have && quorum_person_get_retired_on (person) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.delete", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.move-up", have && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.move-down",
                                 have && position + 1 < n);
}

/* The detail ---------------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
describe_span (const QuorumRelation *relation,
               const GDate          *today)
{
  g_autofree char *start = quorum_day_format (relation->start);
  g_autofree char *end = quorum_day_format (relation->end);

  if (relation->end != NULL)
    /* Translators: the days an assignment applies, first – last */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (g_date_compare (relation->start, today) > 0)
    return g_strdup_printf (_("From %s (upcoming)"), start);
  return g_strdup_printf (_("Since %s"), start);
}

static GtkWidget *
relation_row (QuorumPeoplePage     *self,
              const QuorumRelation *relation,
              const GDate          *today,
              gboolean              ended)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *span = describe_span (relation, today);
  const char *name = g_hash_table_lookup (self->unit_names, &relation->unit_id);
  const char *kind = g_hash_table_lookup (self->unit_kinds, &relation->unit_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "?");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (ended)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   quorum_relation_kind_heading (relation->kind),
                                                   span);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "dim-label");
    }
  else
    {
      GtkWidget *end = gtk_button_new_with_mnemonic (_("_End…"));
      g_autofree char *subtitle = NULL;

      if (g_str_equal (relation->kind, "member") || g_str_equal (relation->kind, "head") ||
          g_str_equal (relation->kind, "in-charge"))
        subtitle = g_strdup_printf ("%s · %s", quorum_unit_kind_label (kind), span);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : span);

      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (end, "flat");
      gtk_widget_set_tooltip_text (end, _("End this assignment on a given day"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "people.end-assignment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "x", relation->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
    }

  return row;
}

static void
add_warnings (QuorumPeoplePage *self,
              gint64            person_id,
              GDate            *today)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;

  if (self->rulebook == NULL)
    return;

  if (!(warnings = quorum_assignment_check (self->store, self->rulebook, person_id, today, &error)))
    {
      g_warning ("Could not check the assignments: %s", error->message);
      return;
    }
  if (warnings->len == 0)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rulebook"));
  for (guint i = 0; i < warnings->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (warnings, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->assignments_box, group);
}

/* With @later, the groups of assignments and warnings come one a frame,
 * from the frame after next. */
static void
update_detail_full (QuorumPeoplePage *self,
                    gboolean          later)
{
  QuorumPerson *person = selected_person (self);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ended = g_ptr_array_new ();
  g_autofree char *rank = NULL;
  GDate *retired;
  gint64 id;
  guint n_current = 0;

  if (self->detail_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->detail_tick);
      self->detail_tick = 0;
      gtk_widget_set_opacity (GTK_WIDGET (self->detail_stack), 1);
    }
  update_actions (self);
  clear_box (self->assignments_box);

  if (person == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  id = quorum_person_get_id (person);
  today = quorum_today (self->store);
  gtk_stack_set_visible_child_name (self->detail_stack, "person");

  gtk_label_set_text (self->name_label, quorum_person_get_name (person));
  gtk_label_set_text (self->title_label, quorum_person_get_title (person) ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label),
                          (quorum_person_get_title (person) ?: "")[0] != '\0');
  rank = g_strdup_printf ("%d", quorum_person_get_rank (person));
  adw_action_row_set_subtitle (self->rank_row, rank);
  adw_action_row_set_subtitle (self->party_row,
                               quorum_person_get_party_member (person) ? _("Yes") : _("No"));
  retired = quorum_person_get_retired_on (person);
  gtk_widget_set_visible (GTK_WIDGET (self->retired_row), retired != NULL);
  if (retired != NULL)
    {
      g_autofree char *day = quorum_day_format (retired);
      g_autofree char *text = g_strdup_printf (_("From %s"), day);

      adw_action_row_set_subtitle (self->retired_row, text);
    }

  if (!(relations = quorum_store_list_relations_at (self->store, id, 0, NULL, &error)))
    {
      toast (self, error->message);
      return;
    }

  add_warnings (self, id, today);

  /* One group per kind of assignment. */
  for (guint k = 0; k < G_N_ELEMENTS (relation_order); k++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < relations->len; i++)
        {
          QuorumRelation *relation = g_ptr_array_index (relations, i);

          if (!g_str_equal (relation->kind, relation_order[k]))
            continue;
          if (relation->end != NULL && g_date_compare (relation->end, today) < 0)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               quorum_relation_kind_heading (relation_order[k]));
              gtk_box_append (self->assignments_box, group);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     relation_row (self, relation, today, FALSE));
          n_current++;
        }
    }

  /* Ended assignments of every kind, oldest first, dimmed in an expander. */
  for (guint i = 0; i < relations->len; i++)
    {
      QuorumRelation *relation = g_ptr_array_index (relations, i);

      if (relation->end != NULL && g_date_compare (relation->end, today) < 0)
        g_ptr_array_add (ended, relation);
    }

  if (n_current == 0)
    {
      GtkWidget *none = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (none), _("Assignments"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (none),
                                             _("No current assignments: add the departments, town "
                                               "and enterprises this person looks after."));
      gtk_box_append (self->assignments_box, none);
    }

  if (ended->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (_("History (%u)"), ended->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Assignments that have ended"));
      for (guint i = 0; i < ended->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  relation_row (self, g_ptr_array_index (ended, i), today, TRUE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      gtk_box_append (self->assignments_box, group);
    }

  if (later)
    {
      g_autoptr(GPtrArray) groups = g_ptr_array_new ();

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->assignments_box));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (groups, child);
      quorum_show_array_in_later_frames (GTK_WIDGET (self), (GtkWidget **)groups->pdata,
                                         groups->len);
    }
}

static void
update_detail (QuorumPeoplePage *self)
{
  update_detail_full (self, FALSE);
}

static void
on_selection_changed_cb (QuorumPeoplePage *self)
{
  QuorumPerson *person = selected_person (self);

  if (self->refreshing)
    return;

  self->selected_id = person != NULL ? quorum_person_get_id (person) : 0;
  update_detail (self);
}

static void
on_list_activate_cb (QuorumPeoplePage *self,
                     guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Reordering ---------------------------------------------------------------- */

/* Moves @id to where @target_id stands in the full order (retired people
 * included): before it when coming from below, after it from above. */
static gboolean
move_to (QuorumPeoplePage *self,
         gint64            id,
         gint64            target_id)
{
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GError) error = NULL;

  if (id == target_id)
    return FALSE;

  if (!(everyone = quorum_store_list_people (self->store, TRUE, &error)))
    {
      toast (self, error->message);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (everyone); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (everyone, i);

      if (quorum_person_get_id (person) != target_id)
        continue;
      if (!quorum_store_move_person (self->store, id, i, &error))
        {
          toast (self, error->message);
          return FALSE;
        }
      self->selected_id = id;
      refresh (self);
      return TRUE;
    }

  return FALSE;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  QuorumPerson *person = selected_person (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  gboolean up = g_str_equal (action_name, "people.move-up");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autoptr(QuorumPerson) neighbour = NULL;

  if (person == NULL || (up && position == 0) || (!up && position + 1 >= n))
    return;

  neighbour = g_list_model_get_item (G_LIST_MODEL (self->filtered), up ? position - 1 : position + 1);
  move_to (self, quorum_person_get_id (person), quorum_person_get_id (neighbour));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListItem   *item)
{
  QuorumPerson *person = gtk_list_item_get_item (item);

  if (person == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, quorum_person_get_id (person));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkListItem   *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (gtk_widget_get_ancestor (widget,
                                                                        QUORUM_TYPE_PEOPLE_PAGE));
  QuorumPerson *person = gtk_list_item_get_item (item);

  if (self == NULL || person == NULL || !G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  return move_to (self, g_value_get_int64 (value), quorum_person_get_id (person));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              QuorumPeoplePage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));

  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             QuorumPeoplePage         *self)
{
  QuorumPerson *person = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (name);
  gint64 id = quorum_person_get_id (person);
  const char *title = quorum_person_get_title (person) ?: "";
  const char *groups = g_hash_table_lookup (self->groups, &id);
  g_autofree char *text = NULL;

  if (quorum_person_get_retired_on (person) != NULL)
    {
      g_autofree char *day = quorum_day_format (quorum_person_get_retired_on (person));

      text = g_strdup_printf (_("Retired %s"), day);
      gtk_widget_add_css_class (box, "dim-label");
    }
  else
    {
      if (title[0] != '\0' && groups != NULL)
        text = g_strdup_printf ("%s · %s", title, groups);
      else
        text = g_strdup (title[0] != '\0' ? title : groups != NULL ? groups : "");
      gtk_widget_remove_css_class (box, "dim-label");
    }

  gtk_label_set_text (GTK_LABEL (name), quorum_person_get_name (person));
  gtk_label_set_text (GTK_LABEL (subtitle), text);
  gtk_widget_set_visible (subtitle, text[0] != '\0');
}

/* Actions --------------------------------------------------------------------- */

static void
on_person_saved_cb (QuorumPeoplePage *self,
                    gint64            id)
{
  self->selected_id = id;
  refresh (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  QuorumPersonDialog *dialog;

  dialog = quorum_person_dialog_new (parent_window (self), self->store,
                                     g_str_equal (action_name, "people.edit")
                                     ? selected_person (self) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_assignment_added_cb (QuorumPeoplePage *self,
                        gint64            relation_id)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GDate) today = NULL;

  /* The list is read again: borrowed people are gone after this. */
  refresh (self);
  if (self->selected_id == 0 || self->rulebook == NULL)
    return;

  /* Said once, as a toast; the detail keeps showing it. */
  today = quorum_today (self->store);
  warnings = quorum_assignment_check (self->store, self->rulebook, self->selected_id, today, NULL);
  if (warnings != NULL && warnings->len > 0)
    toast (self, g_ptr_array_index (warnings, 0));
}

static void
add_assignment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  QuorumPerson *person = selected_person (self);
  QuorumAssignmentDialog *dialog;

  if (person == NULL)
    return;

  dialog = quorum_assignment_dialog_new (parent_window (self), self->store,
                                         quorum_person_get_id (person));
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_assignment_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_date_valid_cb (AdwMessageDialog *dialog,
                  GParamSpec       *pspec,
                  QuorumDateEntry  *entry)
{
  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (dialog), "response"),
                                           quorum_date_entry_is_valid (entry));
}

/* A question with a day to pick; @response gets the day. */
static AdwMessageDialog *
date_dialog_new (QuorumPeoplePage *self,
                 const char       *heading,
                 const char       *body,
                 const char       *response,
                 const char       *response_label,
                 gboolean          destructive)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                                          heading, body));
  GtkWidget *entry = quorum_date_entry_new ();
  g_autoptr(GDate) today = quorum_today (self->store);

  gtk_widget_set_halign (entry, GTK_ALIGN_CENTER);
  quorum_date_entry_set_date (QUORUM_DATE_ENTRY (entry), today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (quorum_date_entry_get_editable (QUORUM_DATE_ENTRY (entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, response);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "response", g_strdup (response), g_free);
  g_signal_connect_object (entry, "notify::valid", G_CALLBACK (on_date_valid_cb), dialog,
                           G_CONNECT_SWAPPED);
  return dialog;
}

static GDate *
dialog_date (AdwMessageDialog *dialog)
{
  return quorum_date_entry_dup_date (g_object_get_data (G_OBJECT (dialog), "entry"));
}

static void
on_end_response_cb (QuorumPeoplePage *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  g_autoptr(GDate) end = NULL;
  g_autoptr(GError) error = NULL;
  gint64 relation_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "relation");

  if (!g_str_equal (response, "end"))
    return;

  if (!(end = dialog_date (dialog)))
    toast (self, _("Not ended: the day is not a date (YYYY-MM-DD)."));
  else if (!quorum_store_end_relation (self->store, relation_id, end, &error))
    toast (self, error->message);
}

static void
end_assignment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  AdwMessageDialog *dialog;

  dialog = date_dialog_new (self, _("End Assignment?"),
                            _("The last day it applies. Days before keep it, so past meetings "
                              "and records stay as they were."),
                            "end", _("_End"), FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "relation",
                          id_key (g_variant_get_int64 (param)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_retire_response_cb (QuorumPeoplePage *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "person");
  g_autoptr(GDate) on = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "retire"))
    return;

  if (!(on = dialog_date (dialog)))
    toast (self, _("Not retired: the day is not a date (YYYY-MM-DD)."));
  else if (!quorum_store_retire_person (self->store, id, on, &error))
    toast (self, error->message);
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  QuorumPerson *person = selected_person (self);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (person == NULL)
    return;

  heading = g_strdup_printf (_("Retire %s?"), quorum_person_get_name (person));
  dialog = date_dialog_new (self, heading,
                            _("The first day they no longer serve. Their attendance, records and "
                              "assignments stay in the history."),
                            "retire", _("_Retire"), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "person", id_key (quorum_person_get_id (person)),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_retire_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unretire_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  QuorumPerson *person = selected_person (self);
  g_autoptr(GError) error = NULL;

  if (person != NULL &&
      !quorum_store_retire_person (self->store, quorum_person_get_id (person), NULL, &error))
    toast (self, error->message);
}

typedef struct
{
  QuorumPeoplePage *self;
  QuorumPerson     *person;
} UndoDelete;

static void
undo_delete_free (gpointer data)
{
  UndoDelete *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_clear_object (&undo->person);
  g_free (undo);
}

static void
on_undo_delete_cb (AdwToast   *toast_,
                   UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (undo->self == NULL || undo->self->store == NULL)
    return;

  /* Nothing referred to the person, so a copy is as good as the original. */
  id = quorum_store_add_person (undo->self->store, undo->person, &error);
  if (id == 0)
    {
      toast (undo->self, error->message);
      return;
    }
  undo->self->selected_id = id;
  refresh (undo->self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  QuorumPerson *person = selected_person (self);
  g_autoptr(QuorumPerson) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  UndoDelete *undo;
  AdwToast *done;

  if (person == NULL)
    return;

  copy = quorum_person_new (quorum_person_get_name (person), quorum_person_get_title (person),
                            quorum_person_get_rank (person));
  quorum_person_set_party_member (copy, quorum_person_get_party_member (person));

  if (!quorum_store_delete_person (self->store, quorum_person_get_id (person), &error))
    {
      toast (self, error->message);
      return;
    }

  title = g_strdup_printf (_("%s deleted"), quorum_person_get_name (copy));
  done = adw_toast_new (title);
  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoDelete, 1);
  g_set_weak_pointer (&undo->self, self);
  undo->person = g_steal_pointer (&copy);
  g_signal_connect_data (done, "button-clicked", G_CALLBACK (on_undo_delete_cb), undo,
                         (GClosureNotify)(void (*) (void))undo_delete_free, 0);

  if (QUORUM_IS_WINDOW (root))
    quorum_window_add_toast (QUORUM_WINDOW (root), done);
  else
    g_object_unref (done);
}

static void
on_import_file_cb (GtkNativeDialog *native,
                   int              response,
                   QuorumPeoplePage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  QuorumPeopleImportDialog *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      name = g_file_get_basename (file);
      if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
          !(dialog = quorum_people_page_import_bytes (self, bytes, name, &error)))
        {
          g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"),
                                                      name, error->message);
          toast (self, message);
        }
      else
        gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (native);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import People"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv_filter ());
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_file_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_file_cb (GtkNativeDialog  *native,
                   int               response,
                   QuorumPeoplePage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      today = quorum_today (self->store);
      if (!(bytes = quorum_people_csv_export (self->store, today, &error)) ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        toast (self, error->message);
      else
        toast (self, _("People exported"));
    }

  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export People"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the file name export suggests; keep the .csv */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("people.csv"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv_filter ());
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_file_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
units_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);

  gtk_window_present (GTK_WINDOW (quorum_units_window_new (parent_window (self), self->store)));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GObject ------------------------------------------------------------------- */

static void
set_store (QuorumPeoplePage *self,
           QuorumStore      *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  self->selected_id = 0;
  refresh_full (self, store != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
quorum_people_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RULEBOOK:
      g_value_set_object (value, self->rulebook);
      break;

    case PROP_WORKDAYS:
      g_value_set_object (value, self->workdays);
      break;

    case PROP_SHOW_RETIRED:
      g_value_set_boolean (value, self->show_retired);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_people_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_RULEBOOK:
      if (g_set_object (&self->rulebook, g_value_get_object (value)))
        {
          update_detail (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_WORKDAYS:
      if (g_set_object (&self->workdays, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_SHOW_RETIRED:
      if (self->show_retired != g_value_get_boolean (value))
        {
          self->show_retired = g_value_get_boolean (value);
          refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_people_page_dispose (GObject *object)
{
  QuorumPeoplePage *self = QUORUM_PEOPLE_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->detail_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->detail_tick);
  self->detail_tick = 0;
  stop_filling (self);
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PEOPLE_PAGE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->workdays);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->people);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->unit_kinds, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_people_page_parent_class)->dispose (object);
}

static void
quorum_people_page_class_init (QuorumPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_people_page_dispose;
  object_class->get_property = quorum_people_page_get_property;
  object_class->set_property = quorum_people_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULEBOOK] =
    g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKDAYS] =
    g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RETIRED] =
    g_param_spec_boolean ("show-retired", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/people/quorum-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, people_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, rank_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, party_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, retired_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPeoplePage, assignments_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.edit", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.add-assignment", NULL,
                                   add_assignment_action);
  gtk_widget_class_install_action (widget_class, "people.end-assignment", "x",
                                   end_assignment_action);
  gtk_widget_class_install_action (widget_class, "people.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "people.unretire", NULL, unretire_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "people.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "people.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "people.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "people.units", NULL, units_action);
  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_action);
  gtk_widget_class_install_property_action (widget_class, "people.show-retired", "show-retired");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "people.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "people.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "people.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "people.move-down", NULL);

  g_type_ensure (QUORUM_TYPE_DATE_ENTRY);
}

static void
quorum_people_page_init (QuorumPeoplePage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->unit_kinds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->people = g_list_store_new (QUORUM_TYPE_PERSON);
  self->filter = gtk_custom_filter_new (person_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->people)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->people_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->people_list, "activate", G_CALLBACK (on_list_activate_cb), self,
                           G_CONNECT_SWAPPED);

  refresh (self);
}

/**
 * quorum_people_page_select:
 * @self: a #QuorumPeoplePage
 * @person_id: a person in the list
 *
 * Returns: %TRUE when the person is listed and now selected
 */
gboolean
quorum_people_page_select (QuorumPeoplePage *self,
                           gint64            person_id)
{
  g_return_val_if_fail (QUORUM_IS_PEOPLE_PAGE (self), FALSE);

  select_id (self, person_id);
  return quorum_people_page_get_selected (self) == person_id;
}

gint64
quorum_people_page_get_selected (QuorumPeoplePage *self)
{
  QuorumPerson *person;

  g_return_val_if_fail (QUORUM_IS_PEOPLE_PAGE (self), 0);

  person = selected_person (self);
  return person != NULL ? quorum_person_get_id (person) : 0;
}

/* Returns: (transfer none): the people listed, after the search, in rank order */
GListModel *
quorum_people_page_get_shown (QuorumPeoplePage *self)
{
  g_return_val_if_fail (QUORUM_IS_PEOPLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * quorum_people_page_import_bytes:
 * @self: a #QuorumPeoplePage
 * @bytes: a CSV file's contents
 * @name: its name
 * @error: return location for a #GError
 *
 * What Import… does once a file is chosen: the preview dialog, not shown.
 *
 * Returns: (transfer none): the dialog, or %NULL when the file is no CSV
 */
QuorumPeopleImportDialog *
quorum_people_page_import_bytes (QuorumPeoplePage  *self,
                                 GBytes            *bytes,
                                 const char        *name,
                                 GError           **error)
{
  QuorumPeopleImportDialog *dialog;

  g_return_val_if_fail (QUORUM_IS_PEOPLE_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = quorum_people_import_dialog_new (parent_window (self), self->store);
  if (!quorum_people_import_dialog_load (dialog, bytes, name, error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return NULL;
    }
  return dialog;
}
