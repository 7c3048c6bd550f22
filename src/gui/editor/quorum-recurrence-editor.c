/* quorum-recurrence-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits an RRULE through the rules a secretary needs (daily, weekly on some
 * weekdays, monthly on a day or a weekday, yearly; every N; an end), mapped
 * to and from QuorumRecurrenceSpec. Any other rule is kept as it is and shown
 * read-only as a custom rule.
 */

#define G_LOG_DOMAIN "quorum-recurrence-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-recurrence-editor.h"
#include "quorum-recurrence.h"

/* Rows of the "Repeats" combo. */
enum {
  REPEAT_NONE,
  REPEAT_DAILY,
  REPEAT_WEEKLY,
  REPEAT_MONTHLY,
  REPEAT_YEARLY,
  REPEAT_CUSTOM,
};

/* Rows of the monthly combo. */
enum {
  MONTH_BY_DAY,
  MONTH_BY_WEEKDAY,
  MONTH_LAST_DAY,
};

struct _QuorumRecurrenceEditor
{
  GtkWidget            parent_instance;

  char             *rrule;
  char             *custom_rule;
  GDateTime        *dtstart;
  GtkStringList    *repeats;
  GtkToggleButton  *weekday_toggles[8];
  gboolean          updating;
  gboolean          has_error;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwComboRow      *freq_row;
  AdwActionRow     *custom_row;
  AdwActionRow     *interval_row;
  GtkSpinButton    *interval_spin;
  GtkLabel         *interval_unit;
  AdwActionRow     *weekdays_row;
  GtkBox           *weekdays_box;
  AdwComboRow      *month_mode_row;
  AdwActionRow     *month_day_row;
  GtkSpinButton    *month_day_spin;
  AdwActionRow     *month_weekday_row;
  GtkDropDown      *nth_dropdown;
  GtkDropDown      *weekday_dropdown;
  AdwComboRow      *end_row;
  AdwActionRow     *until_row;
  QuorumDateButton *until_button;
  AdwActionRow     *count_row;
  GtkSpinButton    *count_spin;
  GtkLabel         *description_label;
};

G_DEFINE_FINAL_TYPE (QuorumRecurrenceEditor, quorum_recurrence_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RRULE,
  PROP_DTSTART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
weekday_short_name (GDateWeekday day)
{
  switch (day)
    {
    /* Translators: weekday initials on the toggle buttons of a weekly rule */
    case G_DATE_MONDAY: return C_("weekday", "Mon");
    case G_DATE_TUESDAY: return C_("weekday", "Tue");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wed");
    case G_DATE_THURSDAY: return C_("weekday", "Thu");
    case G_DATE_FRIDAY: return C_("weekday", "Fri");
    case G_DATE_SATURDAY: return C_("weekday", "Sat");
    case G_DATE_SUNDAY: return C_("weekday", "Sun");
    case G_DATE_BAD_WEEKDAY:
    default: return "";
    }
}

static const char *
weekday_name (GDateWeekday day)
{
  static const char * const names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  return g_date_valid_weekday (day) ? _(names[day]) : "";
}

static guint
repeat_from_freq (QuorumRecurrenceFreq freq)
{
  switch (freq)
    {
    case QUORUM_RECURRENCE_DAILY: return REPEAT_DAILY;
    case QUORUM_RECURRENCE_WEEKLY: return REPEAT_WEEKLY;
    case QUORUM_RECURRENCE_MONTHLY: return REPEAT_MONTHLY;
    case QUORUM_RECURRENCE_YEARLY:
    default: return REPEAT_YEARLY;
    }
}

static void
ensure_custom_item (QuorumRecurrenceEditor *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->repeats)) <= REPEAT_CUSTOM)
    gtk_string_list_append (self->repeats, _("Custom rule"));
}

static void
update_rows (QuorumRecurrenceEditor *self)
{
  guint repeat = adw_combo_row_get_selected (self->freq_row);
  guint month_mode = adw_combo_row_get_selected (self->month_mode_row);
  guint end = adw_combo_row_get_selected (self->end_row);
  guint n = (guint)gtk_spin_button_get_value_as_int (self->interval_spin);
  gboolean repeats = repeat != REPEAT_NONE && repeat != REPEAT_CUSTOM;
  const char *unit = "";

  switch (repeat)
    {
    /* Translators: the unit after "Every [N]" */
    case REPEAT_DAILY: unit = g_dngettext (GETTEXT_PACKAGE, "day", "days", n); break;
    case REPEAT_WEEKLY: unit = g_dngettext (GETTEXT_PACKAGE, "week", "weeks", n); break;
    case REPEAT_MONTHLY: unit = g_dngettext (GETTEXT_PACKAGE, "month", "months", n); break;
    case REPEAT_YEARLY: unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", n); break;
    default: break;
    }
  gtk_label_set_label (self->interval_unit, unit);

  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), repeat == REPEAT_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->weekdays_row), repeat == REPEAT_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->month_mode_row), repeat == REPEAT_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->month_day_row),
                          repeat == REPEAT_MONTHLY && month_mode == MONTH_BY_DAY);
  gtk_widget_set_visible (GTK_WIDGET (self->month_weekday_row),
                          repeat == REPEAT_MONTHLY && month_mode == MONTH_BY_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), repeats && end == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), repeats && end == 2);
  if (self->custom_rule != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->custom_row), self->custom_rule);
}

static void
update_description (QuorumRecurrenceEditor *self)
{
  g_autofree char *text = quorum_recurrence_editor_dup_description (self);

  if (self->has_error)
    return;
  gtk_label_set_label (self->description_label, text);
}

/* The rule the fields give. */
static char *
build_rule (QuorumRecurrenceEditor *self)
{
  QuorumRecurrenceSpec spec = { 0 };
  guint repeat = adw_combo_row_get_selected (self->freq_row);

  switch (repeat)
    {
    case REPEAT_NONE:
      return NULL;
    case REPEAT_CUSTOM:
      return g_strdup (self->custom_rule);
    case REPEAT_DAILY: spec.freq = QUORUM_RECURRENCE_DAILY; break;
    case REPEAT_WEEKLY: spec.freq = QUORUM_RECURRENCE_WEEKLY; break;
    case REPEAT_MONTHLY: spec.freq = QUORUM_RECURRENCE_MONTHLY; break;
    case REPEAT_YEARLY:
    default: spec.freq = QUORUM_RECURRENCE_YEARLY; break;
    }

  spec.interval = (guint)gtk_spin_button_get_value_as_int (self->interval_spin);
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    if (gtk_toggle_button_get_active (self->weekday_toggles[day]))
      spec.weekdays |= QUORUM_WEEKDAY_BIT (day);

  spec.weekday = G_DATE_BAD_WEEKDAY;
  switch (adw_combo_row_get_selected (self->month_mode_row))
    {
    case MONTH_BY_WEEKDAY:
      {
        guint nth = gtk_drop_down_get_selected (self->nth_dropdown);

        spec.monthly_mode = nth >= 4 ? QUORUM_MONTHLY_LAST_WEEKDAY : QUORUM_MONTHLY_BY_WEEKDAY;
        spec.week_number = nth >= 4 ? -1 : (int)nth + 1;
        spec.weekday = (GDateWeekday) (gtk_drop_down_get_selected (self->weekday_dropdown) + 1);
      }
      break;
    case MONTH_LAST_DAY:
      spec.monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY;
      spec.month_day = -1;
      break;
    case MONTH_BY_DAY:
    default:
      spec.monthly_mode = QUORUM_MONTHLY_BY_MONTH_DAY;
      spec.month_day = gtk_spin_button_get_value_as_int (self->month_day_spin);
      break;
    }

  g_date_clear (&spec.until, 1);
  switch (adw_combo_row_get_selected (self->end_row))
    {
    case 1:
      {
        GDateTime *until = quorum_date_button_get_date (self->until_button);

        spec.end = QUORUM_RECURRENCE_END_UNTIL;
        g_date_set_dmy (&spec.until, g_date_time_get_day_of_month (until),
                        g_date_time_get_month (until), g_date_time_get_year (until));
      }
      break;
    case 2:
      spec.end = QUORUM_RECURRENCE_END_COUNT;
      spec.count = (guint)gtk_spin_button_get_value_as_int (self->count_spin);
      break;
    default:
      spec.end = QUORUM_RECURRENCE_END_NEVER;
      break;
    }

  return quorum_recurrence_build (&spec);
}

/* Fields a rule does not name follow the start: its weekday, its day. */
static void
set_defaults_from_start (QuorumRecurrenceEditor *self,
                         gboolean                force)
{
  GDateWeekday weekday;
  int day;
  gboolean any = FALSE;

  if (self->dtstart == NULL)
    return;

  weekday = (GDateWeekday)g_date_time_get_day_of_week (self->dtstart);
  day = g_date_time_get_day_of_month (self->dtstart);

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    any |= gtk_toggle_button_get_active (self->weekday_toggles[d]);
  if (!any)
    gtk_toggle_button_set_active (self->weekday_toggles[weekday], TRUE);

  if (force)
    {
      gtk_spin_button_set_value (self->month_day_spin, day);
      gtk_drop_down_set_selected (self->nth_dropdown, (guint)MIN ((day - 1) / 7, 3));
      gtk_drop_down_set_selected (self->weekday_dropdown, weekday - 1);
    }
}

static void
on_field_changed_cb (QuorumRecurrenceEditor *self)
{
  g_autofree char *rule = NULL;
  guint repeat;

  if (self->updating)
    return;

  repeat = adw_combo_row_get_selected (self->freq_row);
  self->updating = TRUE;
  if (repeat == REPEAT_WEEKLY)
    set_defaults_from_start (self, FALSE);
  self->updating = FALSE;

  update_rows (self);
  rule = build_rule (self);
  if (g_strcmp0 (rule, self->rrule) != 0)
    {
      g_free (self->rrule);
      self->rrule = g_steal_pointer (&rule);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RRULE]);
    }
  update_description (self);
}

/* Shows @rrule in the fields without reporting a change. */
static void
load_rule (QuorumRecurrenceEditor *self,
           const char             *rrule)
{
  QuorumRecurrenceSpec spec;

  self->updating = TRUE;

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    gtk_toggle_button_set_active (self->weekday_toggles[d], FALSE);
  set_defaults_from_start (self, TRUE);

  if (rrule == NULL || rrule[0] == '\0')
    adw_combo_row_set_selected (self->freq_row, REPEAT_NONE);
  else if (!quorum_recurrence_parse (rrule, &spec, NULL))
    {
      g_free (self->custom_rule);
      self->custom_rule = g_strdup (rrule);
      ensure_custom_item (self);
      adw_combo_row_set_selected (self->freq_row, REPEAT_CUSTOM);
    }
  else
    {
      adw_combo_row_set_selected (self->freq_row, repeat_from_freq (spec.freq));
      gtk_spin_button_set_value (self->interval_spin, spec.interval);

      if (spec.freq == QUORUM_RECURRENCE_WEEKLY && spec.weekdays != 0)
        for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
          gtk_toggle_button_set_active (self->weekday_toggles[d],
                                        (spec.weekdays & QUORUM_WEEKDAY_BIT (d)) != 0);

      if (spec.freq == QUORUM_RECURRENCE_MONTHLY)
        {
          if (spec.monthly_mode != QUORUM_MONTHLY_BY_MONTH_DAY)
            {
              adw_combo_row_set_selected (self->month_mode_row, MONTH_BY_WEEKDAY);
              gtk_drop_down_set_selected (self->nth_dropdown,
                                          spec.week_number < 0 ? 4 : (guint)spec.week_number - 1);
              gtk_drop_down_set_selected (self->weekday_dropdown, spec.weekday - 1);
            }
          else if (spec.month_day == -1)
            adw_combo_row_set_selected (self->month_mode_row, MONTH_LAST_DAY);
          else
            {
              adw_combo_row_set_selected (self->month_mode_row, MONTH_BY_DAY);
              if (spec.month_day > 0)
                gtk_spin_button_set_value (self->month_day_spin, spec.month_day);
            }
        }

      adw_combo_row_set_selected (self->end_row, spec.end == QUORUM_RECURRENCE_END_UNTIL ? 1
                                                 : spec.end == QUORUM_RECURRENCE_END_COUNT ? 2 : 0);
      if (spec.end == QUORUM_RECURRENCE_END_UNTIL)
        {
          g_autoptr(GDateTime) until = g_date_time_new_local (g_date_get_year (&spec.until),
                                                              g_date_get_month (&spec.until),
                                                              g_date_get_day (&spec.until),
                                                              0, 0, 0);
          quorum_date_button_set_date (self->until_button, until);
        }
      if (spec.end == QUORUM_RECURRENCE_END_COUNT)
        gtk_spin_button_set_value (self->count_spin, spec.count);
    }

  self->updating = FALSE;
  update_rows (self);
}

static void
quorum_recurrence_editor_dispose (GObject *object)
{
  QuorumRecurrenceEditor *self = (QuorumRecurrenceEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_RECURRENCE_EDITOR);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->repeats);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->custom_rule, g_free);
  g_clear_pointer (&self->dtstart, g_date_time_unref);

  G_OBJECT_CLASS (quorum_recurrence_editor_parent_class)->dispose (object);
}

static void
quorum_recurrence_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumRecurrenceEditor *self = QUORUM_RECURRENCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;
    case PROP_DTSTART:
      g_value_set_boxed (value, self->dtstart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_recurrence_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumRecurrenceEditor *self = QUORUM_RECURRENCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RRULE:
      quorum_recurrence_editor_set_rrule (self, g_value_get_string (value));
      break;
    case PROP_DTSTART:
      quorum_recurrence_editor_set_dtstart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_recurrence_editor_class_init (QuorumRecurrenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_recurrence_editor_dispose;
  object_class->get_property = quorum_recurrence_editor_get_property;
  object_class->set_property = quorum_recurrence_editor_set_property;

  properties[PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DTSTART] =
    g_param_spec_boxed ("dtstart", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_DATE_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/editor/quorum-recurrence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, group);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, freq_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, custom_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, interval_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, interval_unit);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, weekdays_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, month_mode_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, month_day_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, month_day_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, month_weekday_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, nth_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, weekday_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, until_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, count_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, count_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecurrenceEditor, description_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
quorum_recurrence_editor_init (QuorumRecurrenceEditor *self)
{
  static const char * const repeats[] = {
    /* Translators: choices of the "Repeats" row */
    N_("Does not repeat"), N_("Daily"), N_("Weekly"), N_("Monthly"), N_("Yearly"),
  };

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->repeats = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (repeats); i++)
    gtk_string_list_append (self->repeats, _(repeats[i]));
  adw_combo_row_set_model (self->freq_row, G_LIST_MODEL (self->repeats));

  /* Monday first, as in Chinese calendars. */
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (weekday_short_name (day));

      gtk_widget_set_tooltip_text (toggle, weekday_name (day));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      weekday_name (day), -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->weekdays_box, toggle);
      self->weekday_toggles[day] = GTK_TOGGLE_BUTTON (toggle);
    }

  adw_combo_row_set_selected (self->freq_row, REPEAT_NONE);
  self->updating = FALSE;
  update_rows (self);
  update_description (self);
}

GtkWidget *
quorum_recurrence_editor_new (void)
{
  return g_object_new (QUORUM_TYPE_RECURRENCE_EDITOR, NULL);
}

/**
 * quorum_recurrence_editor_get_rrule:
 * @self: a #QuorumRecurrenceEditor
 *
 * Returns: (nullable): the rule as edited, or %NULL for "Does not repeat"
 */
const char *
quorum_recurrence_editor_get_rrule (QuorumRecurrenceEditor *self)
{
  g_return_val_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self), NULL);

  return self->rrule;
}

/**
 * quorum_recurrence_editor_set_rrule:
 * @self: a #QuorumRecurrenceEditor
 * @rrule: (nullable): a rule, or %NULL for a single event
 *
 * Shows @rrule. #QuorumRecurrenceEditor:rrule then holds the same rule as
 * the editor writes it (`INTERVAL` before `BYDAY`, the start's weekday named).
 * A rule the editor cannot express is kept unchanged and shown as a custom
 * rule until another frequency is chosen.
 */
void
quorum_recurrence_editor_set_rrule (QuorumRecurrenceEditor *self,
                                    const char             *rrule)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self));

  if (rrule != NULL && rrule[0] == '\0')
    rrule = NULL;

  /* What the fields say: the same rule, written the way the editor writes it. */
  load_rule (self, rrule);
  shown = build_rule (self);
  if (g_strcmp0 (self->rrule, shown) != 0)
    {
      g_free (self->rrule);
      self->rrule = g_steal_pointer (&shown);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RRULE]);
    }
  update_description (self);
}

GDateTime *
quorum_recurrence_editor_get_dtstart (QuorumRecurrenceEditor *self)
{
  g_return_val_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self), NULL);

  return self->dtstart;
}

/**
 * quorum_recurrence_editor_set_dtstart:
 * @self: a #QuorumRecurrenceEditor
 * @dtstart: (nullable): the start of the series
 *
 * The start names the weekday or day a rule leaves open, and gives the
 * defaults when the frequency changes.
 */
void
quorum_recurrence_editor_set_dtstart (QuorumRecurrenceEditor *self,
                                      GDateTime              *dtstart)
{
  g_return_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self));

  if (self->dtstart == dtstart || (self->dtstart != NULL && dtstart != NULL &&
                                   g_date_time_equal (self->dtstart, dtstart)))
    return;

  g_clear_pointer (&self->dtstart, g_date_time_unref);
  self->dtstart = dtstart != NULL ? g_date_time_ref (dtstart) : NULL;

  /* The monthly fields follow the start until the rule uses them. */
  if (adw_combo_row_get_selected (self->freq_row) != REPEAT_MONTHLY)
    {
      self->updating = TRUE;
      set_defaults_from_start (self, TRUE);
      self->updating = FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DTSTART]);
  update_description (self);
}

/**
 * quorum_recurrence_editor_get_custom:
 * @self: a #QuorumRecurrenceEditor
 *
 * Returns: %TRUE while a rule the editor cannot express is shown
 */
gboolean
quorum_recurrence_editor_get_custom (QuorumRecurrenceEditor *self)
{
  g_return_val_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self), FALSE);

  return adw_combo_row_get_selected (self->freq_row) == REPEAT_CUSTOM;
}

/**
 * quorum_recurrence_editor_set_error:
 * @self: a #QuorumRecurrenceEditor
 * @message: (nullable): why the rule cannot be saved, or %NULL when it can
 *
 * Marks the rule as wrong: its row gets the `error` style and @message
 * replaces the description.
 */
void
quorum_recurrence_editor_set_error (QuorumRecurrenceEditor *self,
                                    const char             *message)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->freq_row), GTK_WIDGET (self->custom_row) };

  g_return_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self));

  self->has_error = message != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (self->has_error)
        gtk_widget_add_css_class (rows[i], "error");
      else
        gtk_widget_remove_css_class (rows[i], "error");
    }

  if (self->has_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->description_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "error");
      gtk_label_set_label (self->description_label, message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->description_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "dim-label");
      update_description (self);
    }
}

/**
 * quorum_recurrence_editor_dup_description:
 * @self: a #QuorumRecurrenceEditor
 *
 * Returns: (transfer full): the rule in words, e.g. "Monthly on the second
 *   Wednesday"
 */
char *
quorum_recurrence_editor_dup_description (QuorumRecurrenceEditor *self)
{
  char *text;

  g_return_val_if_fail (QUORUM_IS_RECURRENCE_EDITOR (self), NULL);

  if (self->rrule == NULL)
    return g_strdup (_("Once, on the start date"));
  text = quorum_recurrence_describe (self->rrule, self->dtstart);
  return text != NULL ? text : g_strdup (_("Not a valid rule"));
}
