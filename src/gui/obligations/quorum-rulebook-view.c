/* quorum-rulebook-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-rulebook-view"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-gui-utils.h"
#include "quorum-rulebook-view.h"

/**
 * QuorumRulebookView:
 *
 * The rulebook in force: every duty with its article, the original
 * sentence of the policy text, whom it binds, its period and bounds, and
 * which series serve it; a warning marks duties that nothing serves.
 * “Load Rulebook…” validates a file and, when it is valid, stores it (the
 * application then reloads it); an invalid one is shown with its error,
 * which names the file, line, duty and key.
 */
struct _QuorumRulebookView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *source_label;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkListBox           *duty_list;

  QuorumStore          *store;
  QuorumRulebook       *rulebook;
  GtkFileChooserNative *chooser;
  GHashTable           *served_by;
  guint                 n_unserved;
};

G_DEFINE_FINAL_TYPE (QuorumRulebookView, quorum_rulebook_view, GTK_TYPE_WIDGET)

static const char *
group_label (const char *group)
{
  if (g_strcmp0 (group, "leadership") == 0)
    return _("the leadership");
  if (g_strcmp0 (group, "party-group") == 0)
    return _("the Party group");
  if (g_strcmp0 (group, "executive-meeting") == 0)
    return _("the executive meeting");
  if (g_strcmp0 (group, "economic-department-heads") == 0)
    return _("the heads of economic departments");
  if (g_strcmp0 (group, "departments") == 0)
    return _("the departments");
  if (g_strcmp0 (group, "towns") == 0)
    return _("the towns");
  if (g_strcmp0 (group, "party-members") == 0)
    return _("the Party members");
  return _("the government");
}

static const char *
unit_label (const char *per_unit)
{
  if (g_strcmp0 (per_unit, "enterprise") == 0)
    return _("linked enterprise");
  if (g_strcmp0 (per_unit, "department") == 0)
    return _("department in charge");
  if (g_strcmp0 (per_unit, "town") == 0)
    return _("assigned town");
  if (g_strcmp0 (per_unit, "branch") == 0)
    return _("Party branch");
  return per_unit != NULL ? per_unit : "";
}

static char *
dup_binds (QuorumDuty *duty)
{
  const char *group = group_label (quorum_duty_get_group (duty));

  switch (quorum_duty_get_scope (duty))
    {
    case QUORUM_DUTY_SCOPE_BODY:
      /* Translators: whom a duty binds; %s is a group like "the Party group" */
      return g_strdup_printf (_("%s as a whole"), group);
    case QUORUM_DUTY_SCOPE_EACH_MEMBER:
      /* Translators: whom a duty binds; %s is a group like "the leadership" */
      return g_strdup_printf (_("each member of %s"), group);
    case QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT:
      /* Translators: whom a duty binds: a group, then a kind of unit */
      return g_strdup_printf (_("each member of %1$s, for each %2$s"), group,
                              unit_label (quorum_duty_get_per_unit (duty)));
    case QUORUM_DUTY_SCOPE_EACH_DEPARTMENT:
      return g_strdup (_("each department"));
    case QUORUM_DUTY_SCOPE_EACH_TOWN:
      return g_strdup (_("each town or subdistrict"));
    case QUORUM_DUTY_SCOPE_EACH_PARTY_MEMBER:
    default:
      return g_strdup (_("each Party member"));
    }
}

static const char *
period_label (QuorumPeriodKind kind)
{
  switch (kind)
    {
    case QUORUM_PERIOD_WEEK:
      return _("every week");
    case QUORUM_PERIOD_FORTNIGHT:
      return _("every two weeks");
    case QUORUM_PERIOD_MONTH:
      return _("every month");
    case QUORUM_PERIOD_QUARTER:
      return _("every quarter");
    case QUORUM_PERIOD_HALF_YEAR:
      return _("every half year");
    case QUORUM_PERIOD_YEAR:
      return _("every year");
    case QUORUM_PERIOD_NONE:
    default:
      return _("each time");
    }
}

static char *
dup_bounds (QuorumDuty *duty)
{
  int min = quorum_duty_get_min (duty), max = quorum_duty_get_max (duty);

  switch (quorum_duty_get_measure (duty))
    {
    case QUORUM_MEASURE_DAYS:
      /* Translators: a duty's bounds, in days */
      return max >= 0 ? g_strdup_printf (_("%d to %d days"), min, max)
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at least %d day",
                                                      "at least %d days", min), min);
    case QUORUM_MEASURE_RATIO:
      return g_strdup_printf (_("at least %d%%"), min);
    case QUORUM_MEASURE_UNITS:
      return max >= 0 ? g_strdup_printf (_("%d to %d units"), min, max)
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at least %d unit",
                                                      "at least %d units", min), min);
    case QUORUM_MEASURE_DEADLINE_WORKDAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d working day",
                                           "within %d working days", min), min);
    case QUORUM_MEASURE_NOTICE_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day in advance",
                                           "%d days in advance", min), min);
    case QUORUM_MEASURE_EVENTS:
    default:
      return max >= 0 && max != min ? g_strdup_printf (_("%d to %d times"), min, max)
                                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at least %d time",
                                                                    "at least %d times", min), min);
    }
}

static GtkWidget *
detail_row (const char *title,
            const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* The titles of the series serving each duty, by duty id, in one pass over
 * the series (an import can bring tens of thousands of them). */
static GHashTable *
dup_served_by (QuorumRulebookView *self)
{
  g_autoptr(GListModel) series = self->store ? quorum_store_list_series (self->store, NULL) : NULL;
  GHashTable *served = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);

  for (guint k = 0; series != NULL && k < g_list_model_get_n_items (series); k++)
    {
      g_autoptr(QuorumSeries) s = g_list_model_get_item (series, k);
      const char *duty_id = quorum_series_get_duty_id (s);
      GString *titles;

      if (duty_id == NULL)
        continue;
      if (!(titles = g_hash_table_lookup (served, duty_id)))
        g_hash_table_insert (served, g_strdup (duty_id), (titles = g_string_new (NULL)));
      g_string_append_printf (titles, "%s%s", titles->len ? "、" : "", quorum_series_get_title (s));
    }
  return served;
}

static void
fill (QuorumRulebookView *self)
{
  GListModel *duties;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->duty_list))) != NULL)
    gtk_list_box_remove (self->duty_list, child);
  self->n_unserved = 0;
  g_clear_pointer (&self->served_by, g_hash_table_unref);

  if (self->rulebook == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->source_label, "");
      return;
    }

  gtk_label_set_text (self->title_label, quorum_rulebook_get_title (self->rulebook));
  gtk_label_set_text (self->source_label, quorum_rulebook_get_source (self->rulebook));

  self->served_by = dup_served_by (self);
  duties = quorum_rulebook_get_duties (self->rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GString) served = g_string_new (NULL);
      g_autofree char *binds = dup_binds (duty);
      g_autofree char *bounds = dup_bounds (duty);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      const char *record = quorum_duty_get_record (duty);
      QuorumMeasure measure = quorum_duty_get_measure (duty);
      GString *titles = g_hash_table_lookup (self->served_by, quorum_duty_get_id (duty));
      GtkWidget *row;

      if (titles != NULL)
        g_string_append_len (served, titles->str, titles->len);
      if (record != NULL && quorum_record_kind_is_valid (record))
        /* Translators: a duty is served by personal records of this kind */
        g_string_append_printf (served, "%s%s", served->len ? "; " : "", quorum_kind_label (record));
      else if (measure == QUORUM_MEASURE_UNITS)
        g_string_append_printf (served, "%s%s", served->len ? "; " : "", _("Relations to units"));

      /* Translators: a duty's article, whom it binds, how often, and its bounds */
      subtitle = g_strdup_printf (_("Art. %1$d · %2$s · %3$s · %4$s"), quorum_duty_get_article (duty),
                                  binds, period_label (quorum_duty_get_period (duty)), bounds);
      title = g_strdup (quorum_duty_get_title (duty));

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                detail_row (_("Original text"), quorum_duty_get_text (duty)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                detail_row (_("Served by"), served->len ? served->str
                                                                        : _("Nothing yet: add a series for it")));
      if (quorum_duty_get_note (duty) != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  detail_row (_("Note"), quorum_duty_get_note (duty)));
      if (served->len == 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("No series or record kind serves this duty"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("No series or record kind serves this duty"), -1);
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
          self->n_unserved++;
        }
      gtk_list_box_append (self->duty_list, row);
    }
}

static void
show_error (QuorumRulebookView *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/**
 * quorum_rulebook_view_load_file:
 * @self: a rulebook view
 * @file: a rulebook file
 *
 * Validates @file and, when it is a valid rulebook, stores it in place of
 * the one in force; otherwise shows why (file, line, duty and key).
 *
 * Returns: whether it was stored
 */
gboolean
quorum_rulebook_view_load_file (QuorumRulebookView *self,
                                GFile              *file)
{
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (QUORUM_IS_RULEBOOK_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || !(rulebook = quorum_rulebook_new_from_file (path, &error)) ||
      !g_file_get_contents (path, &data, NULL, &error))
    {
      show_error (self, error ? error->message : _("Only local files can be loaded"));
      return FALSE;
    }
  if (self->store == NULL || !quorum_store_set_rulebook_data (self->store, data, &error))
    {
      show_error (self, error ? error->message : _("There is no database to store the rulebook in"));
      return FALSE;
    }
  show_error (self, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", _("Rulebook loaded"));
  return TRUE;
}

static void
on_chooser_response_cb (QuorumRulebookView   *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    quorum_rulebook_view_load_file (self, file);
  g_clear_object (&self->chooser);
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumRulebookView *self = QUORUM_RULEBOOK_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Load Rulebook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rulebooks"));
  gtk_file_filter_add_pattern (filter, "*.rulebook");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  show_error (QUORUM_RULEBOOK_VIEW (widget), NULL);
}

static void
quorum_rulebook_view_dispose (GObject *object)
{
  QuorumRulebookView *self = (QuorumRulebookView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_RULEBOOK_VIEW);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_pointer (&self->served_by, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_rulebook_view_parent_class)->dispose (object);
}

static void
quorum_rulebook_view_class_init (QuorumRulebookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_rulebook_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/obligations/quorum-rulebook-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumRulebookView, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRulebookView, source_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRulebookView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumRulebookView, error_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRulebookView, duty_list);

  gtk_widget_class_install_action (widget_class, "rulebook.load", NULL, load_action);
  gtk_widget_class_install_action (widget_class, "rulebook.dismiss", NULL, dismiss_action);
}

static void
quorum_rulebook_view_init (QuorumRulebookView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_rulebook_view_set_context:
 * @self: a rulebook view
 * @store: (nullable): the store, where a loaded rulebook goes
 * @rulebook: (nullable): the rulebook in force
 *
 * Sets what the view shows; quorum_rulebook_view_reload() shows it.
 */
void
quorum_rulebook_view_set_context (QuorumRulebookView *self,
                                  QuorumStore        *store,
                                  QuorumRulebook     *rulebook)
{
  g_return_if_fail (QUORUM_IS_RULEBOOK_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->rulebook, rulebook);
}

void
quorum_rulebook_view_reload (QuorumRulebookView *self)
{
  g_return_if_fail (QUORUM_IS_RULEBOOK_VIEW (self));
  fill (self);
}

/**
 * quorum_rulebook_view_get_error_text:
 * @self: a rulebook view
 *
 * Returns: (nullable): the error on show, %NULL when none
 */
const char *
quorum_rulebook_view_get_error_text (QuorumRulebookView *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK_VIEW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

guint
quorum_rulebook_view_get_n_unserved (QuorumRulebookView *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK_VIEW (self), 0);
  return self->n_unserved;
}

/**
 * quorum_rulebook_view_get_served_by:
 * @self: a rulebook view
 * @duty_id: a duty of the rulebook
 *
 * Returns: (nullable): the titles of the series serving @duty_id, as the
 *   view shows them (、 between them), or %NULL when none does
 */
const char *
quorum_rulebook_view_get_served_by (QuorumRulebookView *self,
                                    const char         *duty_id)
{
  GString *titles;

  g_return_val_if_fail (QUORUM_IS_RULEBOOK_VIEW (self), NULL);
  g_return_val_if_fail (duty_id != NULL, NULL);

  if (self->served_by == NULL || !(titles = g_hash_table_lookup (self->served_by, duty_id)))
    return NULL;
  return titles->str;
}
