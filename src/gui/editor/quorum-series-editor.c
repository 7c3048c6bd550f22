/* quorum-series-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scheduling starts from the duty: the secretary picks what the rulebook
 * asks for, Quorum proposes a series that meets it (quorum-proposal.c), and
 * every field of the proposal stays editable, with the next occurrences
 * shown as the store will create them.
 */

#define G_LOG_DOMAIN "quorum-series-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-proposal.h"
#include "quorum-recurrence.h"
#include "quorum-series-editor.h"

/* Fields settle for this long before the preview and checks run again. */
#define REFRESH_DELAY_MS 150

struct _QuorumSeriesEditor
{
  AdwWindow               parent_instance;

  QuorumStore            *store;
  QuorumRulebook         *rulebook;
  QuorumWorkdays         *workdays;
  GDate                   today;
  QuorumDuty             *duty;
  QuorumSeries           *proposal;
  GArray                 *units;
  GArray                 *people;
  GArray                 *members;
  GPtrArray              *participant_rows;
  char                   *error;
  guint                   refresh_id;
  gboolean                loading;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkButton              *back_button;
  GtkButton              *cancel_button;
  GtkButton              *save_button;
  GtkStack               *stack;
  GtkSearchEntry         *duty_search;
  GtkListBox             *duty_list;
  GtkLabel               *error_label;
  AdwActionRow           *duty_row;
  AdwEntryRow            *title_row;
  AdwEntryRow            *location_row;
  QuorumDateButton       *start_date;
  GtkSpinButton          *hour_spin;
  GtkSpinButton          *minute_spin;
  GtkSpinButton          *duration_spin;
  AdwComboRow            *holiday_row;
  AdwComboRow            *reminder_row;
  QuorumRecurrenceEditor *recurrence;
  QuorumSeriesPreview    *preview;
  AdwPreferencesGroup    *owner_group;
  AdwActionRow           *every_row;
  GtkSwitch              *every_switch;
  AdwActionRow           *stagger_row;
  GtkSwitch              *stagger_switch;
  AdwComboRow            *owner_row;
  AdwPreferencesGroup    *participants_group;
  GtkPopover             *participant_popover;
  GtkSearchEntry         *participant_search;
  GtkListBox             *candidate_list;
};

G_DEFINE_FINAL_TYPE (QuorumSeriesEditor, quorum_series_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RULEBOOK,
  PROP_WORKDAYS,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The rows of the holiday and reminder combos, in order. */
static const char * const holiday_policies[] = { "keep", "skip", "next-workday", "previous-workday" };
static const int reminders[] = { -1, 0, 15, 60, 1440 };

static const struct
{
  const char *kind;
  const char *label;
} duty_kinds[] = {
  { "study", N_("Study") },
  { "meeting", N_("Meetings") },
  { "economy", N_("Economy") },
  { "investment", N_("Investment and projects") },
  { "enterprise", N_("Enterprises") },
  { "research", N_("Research") },
  { "petition", N_("Petitions") },
  { "reception", N_("Public reception") },
  { "frontline", N_("Front-line work") },
  { "service", N_("Volunteer service") },
  { "law", N_("Rule of law") },
  { "major-matter", N_("Major matters") },
  { "party-life", N_("Party life") },
  { "inspection", N_("Inspections") },
  { "ideology", N_("Ideological work") },
  { "integrity", N_("Integrity") },
  { "leave", N_("Leave") },
  { "paperwork", N_("Paperwork") },
  { "liaison", N_("Liaison") },
};

static const char *
kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (duty_kinds); i++)
    if (g_strcmp0 (duty_kinds[i].kind, kind) == 0)
      return _(duty_kinds[i].label);
  return kind;
}

static char *
describe_requirement (QuorumDuty *duty)
{
  int n = quorum_duty_get_min (duty);

  switch (quorum_duty_get_period (duty))
    {
    /* Translators: what a duty asks for; %d is a number of sessions or days */
    case QUORUM_PERIOD_WEEK: return g_strdup_printf (_("At least %d a week"), n);
    case QUORUM_PERIOD_FORTNIGHT: return g_strdup_printf (_("At least %d every two weeks"), n);
    case QUORUM_PERIOD_MONTH: return g_strdup_printf (_("At least %d a month"), n);
    case QUORUM_PERIOD_QUARTER: return g_strdup_printf (_("At least %d a quarter"), n);
    case QUORUM_PERIOD_HALF_YEAR: return g_strdup_printf (_("At least %d every half-year"), n);
    case QUORUM_PERIOD_YEAR: return g_strdup_printf (_("At least %d a year"), n);
    case QUORUM_PERIOD_NONE:
    default: return g_strdup ("");
    }
}

static char *
describe_duty (QuorumDuty *duty)
{
  g_autofree char *requirement = describe_requirement (duty);

  /* Translators: under a duty's title: "Article 2 · At least 1 a month" */
  return g_strdup_printf (_("Article %d · %s"), quorum_duty_get_article (duty), requirement);
}

static char *
dup_person_name (QuorumStore *store,
                 gint64       person_id)
{
  g_autoptr(QuorumPerson) person = quorum_store_get_person (store, person_id, NULL);

  return g_strdup (person != NULL ? quorum_person_get_name (person) : "?");
}

static char *
dup_unit_name (QuorumStore *store,
               gint64       unit_id)
{
  g_autoptr(QuorumUnit) unit = quorum_store_get_unit (store, unit_id, NULL);

  return g_strdup (unit != NULL ? quorum_unit_get_name (unit) : "?");
}

static gboolean
array_contains (GArray *array,
                gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
is_personal (QuorumSeriesEditor *self)
{
  return self->duty != NULL && quorum_proposal_duty_is_personal (self->duty);
}

static gboolean
every_leader (QuorumSeriesEditor *self)
{
  return is_personal (self) && gtk_switch_get_active (self->every_switch);
}

/* The start the fields give, in the series' time zone. */
static GDateTime *
dup_start (QuorumSeriesEditor *self)
{
  GDateTime *day = quorum_date_button_get_date (self->start_date);
  const char *tzid = self->proposal != NULL ? quorum_series_get_tzid (self->proposal) : NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid != NULL ? tzid : QUORUM_DEFAULT_TZID);

  if (tz == NULL)
    tz = g_time_zone_new_local ();
  return g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin), 0);
}

static QuorumHolidayPolicy
selected_policy (QuorumSeriesEditor *self)
{
  guint i = adw_combo_row_get_selected (self->holiday_row);

  return i < G_N_ELEMENTS (holiday_policies) ? (QuorumHolidayPolicy)i : QUORUM_HOLIDAY_KEEP;
}

/* The series the fields describe, owner aside for "every leader". */
static QuorumSeries *
build_series (QuorumSeriesEditor *self)
{
  g_autoptr(GDateTime) start = dup_start (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));
  QuorumSeries *series = quorum_series_copy (self->proposal);
  guint reminder = adw_combo_row_get_selected (self->reminder_row);

  quorum_series_set_title (series, title);
  quorum_series_set_dtstart (series, start);
  quorum_series_set_location (series, location[0] != '\0' ? location : NULL);
  quorum_series_set_rrule (series, quorum_recurrence_editor_get_rrule (self->recurrence));
  quorum_series_set_duration_minutes (series,
                                      (int)(gtk_spin_button_get_value (self->duration_spin) * 60 + 0.5));
  quorum_series_set_holiday_policy (series, holiday_policies[selected_policy (self)]);
  quorum_series_set_reminder_minutes (series, reminders[MIN (reminder, G_N_ELEMENTS (reminders) - 1)]);

  quorum_series_clear_participants (series);
  for (guint i = 0; i < self->units->len; i++)
    quorum_series_add_participant_unit (series, g_array_index (self->units, gint64, i));
  for (guint i = 0; i < self->people->len; i++)
    quorum_series_add_participant_person (series, g_array_index (self->people, gint64, i));

  if (is_personal (self) && !every_leader (self))
    {
      guint selected = adw_combo_row_get_selected (self->owner_row);

      quorum_series_set_owner_id (series, selected < self->members->len
                                          ? g_array_index (self->members, gint64, selected) : 0);
    }

  return series;
}

static void
set_error (QuorumSeriesEditor *self,
           const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", message == NULL);
}

/* Runs the checks and the preview on what the fields say now. */
static void
refresh (QuorumSeriesEditor *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) rule_error = NULL;
  g_autofree char *title = NULL;
  const char *rrule;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->proposal == NULL)
    return;

  start = dup_start (self);
  quorum_recurrence_editor_set_dtstart (self->recurrence, start);
  rrule = quorum_recurrence_editor_get_rrule (self->recurrence);

  /* A rule that validates may still fail to expand (an UNTIL before the start). */
  if (rrule == NULL || quorum_recurrence_validate (rrule, &rule_error))
    quorum_series_preview_update (self->preview, rrule, start,
                                  quorum_series_get_tzid (self->proposal),
                                  selected_policy (self), &rule_error);
  quorum_recurrence_editor_set_error (self->recurrence,
                                      rule_error != NULL ? rule_error->message : NULL);
  if (rule_error != NULL)
    quorum_series_preview_update (self->preview, NULL, NULL, NULL, QUORUM_HOLIDAY_KEEP, NULL);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (title[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      set_error (self, _("Give the series a title."));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
      if (rule_error != NULL)
        set_error (self, rule_error->message);
      else if (is_personal (self) && self->members->len == 0)
        set_error (self, _("The group this duty binds has no members yet: add them on the People page."));
      else if (is_personal (self) && !every_leader (self) &&
               adw_combo_row_get_selected (self->owner_row) >= self->members->len)
        set_error (self, _("Choose the leader this series is for."));
      else
        set_error (self, NULL);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->stagger_row), every_leader (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), is_personal (self) && !every_leader (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  QuorumSeriesEditor *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_field_changed_cb (QuorumSeriesEditor *self)
{
  if (self->loading || self->proposal == NULL)
    return;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* Participants */

static void rebuild_participants (QuorumSeriesEditor *self);

static void
remove_participant_cb (GtkButton *button,
                       gpointer   user_data)
{
  QuorumSeriesEditor *self = user_data;
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "unit-id"));
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "person-id"));
  GArray *array = unit_id != 0 ? self->units : self->people;
  gint64 id = unit_id != 0 ? unit_id : person_id;

  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      {
        g_array_remove_index (array, i);
        break;
      }
  /* The emission holds a reference on the button while its row goes. */
  rebuild_participants (self);
}

static void
add_participant_row (QuorumSeriesEditor *self,
                     gint64              unit_id,
                     gint64              person_id)
{
  g_autofree char *name = unit_id != 0 ? dup_unit_name (self->store, unit_id)
                                       : dup_person_name (self->store, person_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (unit_id != 0 ? "system-users-symbolic"
                                                               : "avatar-default-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), unit_id != 0 ? _("Unit") : _("Person"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "unit-id", GSIZE_TO_POINTER (unit_id));
  g_object_set_data (G_OBJECT (remove), "person-id", GSIZE_TO_POINTER (person_id));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_participant_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (self->participants_group, row);
  g_ptr_array_add (self->participant_rows, row);
}

static void
rebuild_participants (QuorumSeriesEditor *self)
{
  for (guint i = 0; i < self->participant_rows->len; i++)
    adw_preferences_group_remove (self->participants_group,
                                  g_ptr_array_index (self->participant_rows, i));
  g_ptr_array_set_size (self->participant_rows, 0);

  if (self->store == NULL)
    return;

  for (guint i = 0; i < self->units->len; i++)
    add_participant_row (self, g_array_index (self->units, gint64, i), 0);
  for (guint i = 0; i < self->people->len; i++)
    add_participant_row (self, 0, g_array_index (self->people, gint64, i));

  if (self->units->len + self->people->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     is_personal (self) ? _("Only the leader") : _("Nobody yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->participant_rows, row);
    }
}

static GtkWidget *
candidate_row_new (const char *name,
                   const char *subtitle,
                   const char *icon_name,
                   gint64      unit_id,
                   gint64      person_id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER (unit_id));
  g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (person_id));
  return row;
}

static void
on_participant_popover_show_cb (QuorumSeriesEditor *self)
{
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) people = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list))) != NULL)
    gtk_list_box_remove (self->candidate_list, child);
  if (self->store == NULL)
    return;

  units = quorum_store_list_units (self->store, NULL, NULL);
  for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);

      if (!array_contains (self->units, quorum_unit_get_id (unit)))
        gtk_list_box_append (self->candidate_list,
                             candidate_row_new (quorum_unit_get_name (unit), _("Unit"),
                                                "system-users-symbolic",
                                                quorum_unit_get_id (unit), 0));
    }
  people = quorum_store_list_people (self->store, FALSE, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      if (!array_contains (self->people, quorum_person_get_id (person)))
        gtk_list_box_append (self->candidate_list,
                             candidate_row_new (quorum_person_get_name (person),
                                                quorum_person_get_title (person),
                                                "avatar-default-symbolic", 0,
                                                quorum_person_get_id (person)));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->participant_search), "");
}

static gboolean
filter_candidate (GtkListBoxRow *row,
                  gpointer       user_data)
{
  QuorumSeriesEditor *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->participant_search));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);

  return needle[0] == '\0' || strstr (title, needle) != NULL;
}

static void
on_participant_search_changed_cb (QuorumSeriesEditor *self)
{
  gtk_list_box_invalidate_filter (self->candidate_list);
}

static void
on_candidate_row_activated_cb (QuorumSeriesEditor *self,
                               GtkListBoxRow      *row)
{
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "unit-id"));
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (unit_id != 0 && !array_contains (self->units, unit_id))
    g_array_append_val (self->units, unit_id);
  else if (person_id != 0 && !array_contains (self->people, person_id))
    g_array_append_val (self->people, person_id);

  gtk_list_box_remove (self->candidate_list, GTK_WIDGET (row));
  rebuild_participants (self);
}

/* Duties */

static gboolean
filter_duty (GtkListBoxRow *row,
             gpointer       user_data)
{
  QuorumSeriesEditor *self = user_data;
  QuorumDuty *duty = g_object_get_data (G_OBJECT (row), "duty");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->duty_search));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *haystack = NULL;

  if (needle[0] == '\0')
    return TRUE;
  haystack = g_utf8_casefold (g_strdup_printf ("%s\n%s\n%s\n%s\n%d", quorum_duty_get_title (duty),
                                               quorum_duty_get_title_en (duty) ?: "",
                                               quorum_duty_get_id (duty),
                                               kind_label (quorum_duty_get_kind (duty)),
                                               quorum_duty_get_article (duty)), -1);
  return strstr (haystack, needle) != NULL;
}

static void
update_duty_header (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  QuorumDuty *duty = g_object_get_data (G_OBJECT (row), "duty");
  QuorumDuty *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "duty") : NULL;
  GtkWidget *header;

  if (previous != NULL &&
      g_strcmp0 (quorum_duty_get_kind (duty), quorum_duty_get_kind (previous)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (kind_label (quorum_duty_get_kind (duty)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static int
compare_duties (gconstpointer a,
                gconstpointer b)
{
  QuorumDuty *x = *(QuorumDuty * const *)a;
  QuorumDuty *y = *(QuorumDuty * const *)b;
  int kx = 0, ky = 0;

  for (guint i = 0; i < G_N_ELEMENTS (duty_kinds); i++)
    {
      if (g_strcmp0 (duty_kinds[i].kind, quorum_duty_get_kind (x)) == 0)
        kx = (int)i;
      if (g_strcmp0 (duty_kinds[i].kind, quorum_duty_get_kind (y)) == 0)
        ky = (int)i;
    }
  if (kx != ky)
    return kx - ky;
  return quorum_duty_get_article (x) - quorum_duty_get_article (y);
}

static void
fill_duty_list (QuorumSeriesEditor *self)
{
  g_autoptr(GPtrArray) duties = g_ptr_array_new ();
  GListModel *model;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->duty_list))) != NULL)
    gtk_list_box_remove (self->duty_list, child);
  if (self->rulebook == NULL)
    return;

  /* Grouped by kind, in the order of the policy within each. */
  model = quorum_rulebook_get_duties (self->rulebook);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (model, i);

      if (quorum_proposal_duty_is_schedulable (duty))
        g_ptr_array_add (duties, duty);
    }
  g_ptr_array_sort (duties, compare_duties);

  for (guint i = 0; i < duties->len; i++)
    {
      QuorumDuty *duty = g_ptr_array_index (duties, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_duty (duty);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_duty_get_title (duty));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      if (quorum_proposal_duty_is_personal (duty))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Each leader on their own"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      else
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("system-users-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "duty", g_object_ref (duty), g_object_unref);
      gtk_list_box_append (self->duty_list, row);
    }
}

static void
on_duty_search_changed_cb (QuorumSeriesEditor *self)
{
  gtk_list_box_invalidate_filter (self->duty_list);
  gtk_list_box_invalidate_headers (self->duty_list);
}

static void
on_duty_search_activate_cb (QuorumSeriesEditor *self)
{
  /* Enter picks the first duty that matches. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->duty_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child))
      {
        QuorumDuty *duty = g_object_get_data (G_OBJECT (child), "duty");

        quorum_series_editor_select_duty (self, quorum_duty_get_id (duty));
        return;
      }
}

static void
on_duty_row_activated_cb (QuorumSeriesEditor *self,
                          GtkListBoxRow      *row)
{
  QuorumDuty *duty = g_object_get_data (G_OBJECT (row), "duty");

  quorum_series_editor_select_duty (self, quorum_duty_get_id (duty));
}

static void
on_plain_row_activated_cb (QuorumSeriesEditor *self)
{
  quorum_series_editor_select_duty (self, NULL);
}

/* Shows @series (the proposal) in the fields. */
static void
load_proposal (QuorumSeriesEditor *self,
               QuorumSeries       *series)
{
  GDateTime *start = quorum_series_get_dtstart (series);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  const gint64 *ids;
  guint n;

  self->loading = TRUE;
  g_set_object (&self->proposal, series);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), quorum_series_get_title (series));
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), quorum_series_get_location (series) ?: "");
  quorum_date_button_set_date (self->start_date, start);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
  gtk_spin_button_set_value (self->duration_spin, quorum_series_get_duration_minutes (series) / 60.0);
  for (guint i = 0; i < G_N_ELEMENTS (holiday_policies); i++)
    if (g_strcmp0 (holiday_policies[i], quorum_series_get_holiday_policy (series)) == 0)
      adw_combo_row_set_selected (self->holiday_row, i);
  adw_combo_row_set_selected (self->reminder_row, 0);
  for (guint i = 0; i < G_N_ELEMENTS (reminders); i++)
    if (reminders[i] == quorum_series_get_reminder_minutes (series))
      adw_combo_row_set_selected (self->reminder_row, i);
  quorum_recurrence_editor_set_dtstart (self->recurrence, start);
  quorum_recurrence_editor_set_rrule (self->recurrence, quorum_series_get_rrule (series));

  g_array_set_size (self->units, 0);
  g_array_set_size (self->people, 0);
  ids = quorum_series_get_participant_units (series, &n);
  g_array_append_vals (self->units, ids, n);
  ids = quorum_series_get_participant_people (series, &n);
  g_array_append_vals (self->people, ids, n);

  /* Personal duties: every leader at once, or one of them. */
  g_array_set_size (self->members, 0);
  if (self->duty != NULL && is_personal (self) && self->store != NULL)
    {
      g_autoptr(GArray) members = quorum_proposal_list_members (self->store, self->duty,
                                                                &self->today, NULL);

      if (members != NULL)
        g_array_append_vals (self->members, members->data, members->len);
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      g_autofree char *name = dup_person_name (self->store, g_array_index (self->members, gint64, i));

      gtk_string_list_append (owners, name);
    }
  gtk_string_list_append (owners, _("Choose a leader"));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_selected (self->owner_row, self->members->len);
  gtk_switch_set_active (self->every_switch, is_personal (self) && self->members->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_group), is_personal (self));
  if (self->members->len > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "One series for the %u member, saved together",
                                                                "One series for each of the %u members, saved together",
                                                                self->members->len),
                                                   self->members->len);

      adw_action_row_set_subtitle (self->every_row, subtitle);
    }

  rebuild_participants (self);
  self->loading = FALSE;
  refresh (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumSeriesEditor *self = QUORUM_SERIES_EDITOR (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_stack_set_visible_child_name (self->stack, "duty");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  adw_window_title_set_subtitle (self->window_title, _("Choose the duty to schedule"));
  gtk_widget_action_set_enabled (widget, "editor.save", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->duty_search));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumSeriesEditor *self = QUORUM_SERIES_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!(ids = quorum_series_editor_save (self, &error)))
    {
      set_error (self, error->message);
      gtk_widget_action_set_enabled (widget, "editor.save", TRUE);
      return;
    }

  if (ids->len == 1)
    message = g_strdup (_("Series scheduled"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u series scheduled",
                                            "%u series scheduled", ids->len), ids->len);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);

  g_signal_emit (self, signals[SAVED], 0, ids->len > 0 ? g_array_index (ids, gint64, 0) : 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
quorum_series_editor_dispose (GObject *object)
{
  QuorumSeriesEditor *self = (QuorumSeriesEditor *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_SERIES_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->workdays);
  g_clear_object (&self->duty);
  g_clear_object (&self->proposal);
  g_clear_pointer (&self->participant_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_series_editor_parent_class)->dispose (object);
}

static void
quorum_series_editor_finalize (GObject *object)
{
  QuorumSeriesEditor *self = (QuorumSeriesEditor *)object;

  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (quorum_series_editor_parent_class)->finalize (object);
}

static void
quorum_series_editor_constructed (GObject *object)
{
  QuorumSeriesEditor *self = (QuorumSeriesEditor *)object;

  G_OBJECT_CLASS (quorum_series_editor_parent_class)->constructed (object);

  quorum_series_preview_set_workdays (self->preview, self->workdays);
  fill_duty_list (self);
}

static void
quorum_series_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumSeriesEditor *self = QUORUM_SERIES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_RULEBOOK: g_value_set_object (value, self->rulebook); break;
    case PROP_WORKDAYS: g_value_set_object (value, self->workdays); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_series_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumSeriesEditor *self = QUORUM_SERIES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_set_object (&self->store, g_value_get_object (value)); break;
    case PROP_RULEBOOK: g_set_object (&self->rulebook, g_value_get_object (value)); break;
    case PROP_WORKDAYS: g_set_object (&self->workdays, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_series_editor_class_init (QuorumSeriesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = quorum_series_editor_dispose;
  object_class->finalize = quorum_series_editor_finalize;
  object_class->constructed = quorum_series_editor_constructed;
  object_class->get_property = quorum_series_editor_get_property;
  object_class->set_property = quorum_series_editor_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE, flags);
  properties[PROP_RULEBOOK] = g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK, flags);
  properties[PROP_WORKDAYS] = g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumSeriesEditor::saved:
   * @self: the editor
   * @series_id: the id of the (first) series stored
   *
   * Emitted after the series were stored, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);
  g_type_ensure (QUORUM_TYPE_RECURRENCE_EDITOR);
  g_type_ensure (QUORUM_TYPE_SERIES_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/editor/quorum-series-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, duty_search);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, duty_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, duty_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, start_date);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, holiday_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, recurrence);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, owner_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, every_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, every_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, stagger_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, stagger_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, participant_popover);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, participant_search);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesEditor, candidate_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quorum_spin_button_output_two_digits);
  gtk_widget_class_bind_template_callback (widget_class, on_duty_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duty_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duty_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plain_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_participant_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_participant_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
quorum_series_editor_init (QuorumSeriesEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->members = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->participant_rows = g_ptr_array_new ();
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  gtk_list_box_set_filter_func (self->duty_list, filter_duty, self, NULL);
  gtk_list_box_set_header_func (self->duty_list, update_duty_header, self, NULL);
  gtk_list_box_set_filter_func (self->candidate_list, filter_candidate, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * quorum_series_editor_new:
 * @store: where the series go
 * @rulebook: (nullable): the duties to offer
 * @workdays: (nullable): the holiday calendar for the preview
 * @initial_date: (nullable): the first day a series may start on, e.g. the
 *   day selected in the calendar; %NULL for today
 *
 * Returns: (transfer floating): a new editor, on its first step (the duty)
 */
QuorumSeriesEditor *
quorum_series_editor_new (QuorumStore    *store,
                          QuorumRulebook *rulebook,
                          QuorumWorkdays *workdays,
                          const GDate    *initial_date)
{
  QuorumSeriesEditor *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_SERIES_EDITOR,
                       "store", store,
                       "rulebook", rulebook,
                       "workdays", workdays,
                       NULL);
  if (initial_date != NULL && g_date_valid (initial_date))
    self->today = *initial_date;
  return self;
}

/**
 * quorum_series_editor_present_new:
 * @parent: (nullable): the window it belongs to; it shows the toast
 * @store: where the series go
 * @rulebook: (nullable): the duties to offer
 * @workdays: (nullable): the holiday calendar
 * @initial_date: (nullable): the first day a series may start on
 *
 * Opens the editor as a modal dialog of @parent (`win.new-series`).
 *
 * Returns: (transfer none): the editor
 */
QuorumSeriesEditor *
quorum_series_editor_present_new (GtkWindow      *parent,
                                  QuorumStore    *store,
                                  QuorumRulebook *rulebook,
                                  QuorumWorkdays *workdays,
                                  const GDate    *initial_date)
{
  QuorumSeriesEditor *self = quorum_series_editor_new (store, rulebook, workdays, initial_date);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * quorum_series_editor_select_duty:
 * @self: a #QuorumSeriesEditor
 * @duty_id: (nullable): a duty of the rulebook, or %NULL for a plain event
 *
 * Takes the editor to its second step with a proposal for the duty.
 *
 * Returns: %FALSE when the rulebook has no such duty
 */
gboolean
quorum_series_editor_select_duty (QuorumSeriesEditor *self,
                                  const char         *duty_id)
{
  g_autoptr(QuorumSeries) proposal = NULL;
  g_autofree char *subtitle = NULL;
  QuorumDuty *duty = NULL;

  g_return_val_if_fail (QUORUM_IS_SERIES_EDITOR (self), FALSE);

  if (duty_id != NULL &&
      (self->rulebook == NULL || !(duty = quorum_rulebook_lookup (self->rulebook, duty_id))))
    return FALSE;

  g_set_object (&self->duty, duty);
  if (duty != NULL)
    {
      subtitle = describe_duty (duty);
      proposal = quorum_proposal_for_duty (duty, self->store, &self->today, 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duty_row), quorum_duty_get_title (duty));
      adw_action_row_set_subtitle (self->duty_row, quorum_duty_get_text (duty));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (QUORUM_DEFAULT_TZID);
      g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_get_year (&self->today),
                                                    g_date_get_month (&self->today),
                                                    g_date_get_day (&self->today),
                                                    QUORUM_PROPOSAL_HOUR, 0, 0);

      proposal = quorum_series_new ("", start);
      quorum_series_set_tzid (proposal, QUORUM_DEFAULT_TZID);
      quorum_series_set_duration_minutes (proposal, 60);
      quorum_series_set_reminder_minutes (proposal, 60);
      adw_window_title_set_subtitle (self->window_title, _("A plain event"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duty_row), duty != NULL);

  load_proposal (self, proposal);

  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return TRUE;
}

/**
 * quorum_series_editor_set_start:
 * @self: a #QuorumSeriesEditor
 * @start: the first day and the time of day
 *
 * Changes the start fields, as the secretary would.
 */
void
quorum_series_editor_set_start (QuorumSeriesEditor *self,
                                GDateTime          *start)
{
  g_return_if_fail (QUORUM_IS_SERIES_EDITOR (self));
  g_return_if_fail (start != NULL);

  quorum_date_button_set_date (self->start_date, start);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
}

void
quorum_series_editor_set_every_leader (QuorumSeriesEditor *self,
                                       gboolean            every_leader)
{
  g_return_if_fail (QUORUM_IS_SERIES_EDITOR (self));

  gtk_switch_set_active (self->every_switch, every_leader);
}

QuorumRecurrenceEditor *
quorum_series_editor_get_recurrence_editor (QuorumSeriesEditor *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES_EDITOR (self), NULL);

  return self->recurrence;
}

QuorumSeriesPreview *
quorum_series_editor_get_preview (QuorumSeriesEditor *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES_EDITOR (self), NULL);

  return self->preview;
}

/**
 * quorum_series_editor_get_error:
 * @self: a #QuorumSeriesEditor
 *
 * Returns: (nullable): why the series cannot be saved as it is, or %NULL
 */
const char *
quorum_series_editor_get_error (QuorumSeriesEditor *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES_EDITOR (self), NULL);

  return self->error;
}

/**
 * quorum_series_editor_save:
 * @self: a #QuorumSeriesEditor
 * @error: return location for a #GError
 *
 * Stores what the fields say: one series, or for a personal duty with
 * "Schedule for every leader" one series per leader (days staggered when
 * asked), all in one transaction.
 *
 * Returns: (transfer full) (element-type gint64): the new series' ids, or
 *   %NULL with @error set
 */
GArray *
quorum_series_editor_save (QuorumSeriesEditor  *self,
                           GError             **error)
{
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GPtrArray) batch = NULL;

  g_return_val_if_fail (QUORUM_IS_SERIES_EDITOR (self), NULL);

  refresh (self);
  if (self->proposal == NULL || self->error != NULL)
    {
      g_set_error_literal (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID,
                           self->error != NULL ? self->error : _("Choose a duty first."));
      return NULL;
    }

  series = build_series (self);
  batch = g_ptr_array_new_with_free_func (g_object_unref);
  if (every_leader (self))
    {
      gboolean stagger = gtk_switch_get_active (self->stagger_switch);

      for (guint i = 0; i < self->members->len; i++)
        {
          QuorumSeries *copy = quorum_series_copy (series);

          quorum_series_set_owner_id (copy, g_array_index (self->members, gint64, i));
          if (stagger)
            quorum_proposal_stagger (copy, i);
          g_ptr_array_add (batch, copy);
        }
    }
  else
    g_ptr_array_add (batch, g_object_ref (series));

  return quorum_store_add_series_batch (self->store, batch, error);
}
