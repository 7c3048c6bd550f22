/* quorum-series-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The next occurrences of a rule as the store will create them: expanded,
 * then moved or skipped on days off by the holiday policy, with a note saying
 * so, and a warning for years the holiday calendar does not know yet.
 */

#define G_LOG_DOMAIN "quorum-series-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-date-button.h"
#include "quorum-gui-utils.h"
#include "quorum-recurrence.h"
#include "quorum-series-preview.h"

struct _QuorumSeriesPreview
{
  GtkWidget               parent_instance;

  QuorumWorkdays      *workdays;
  GPtrArray           *rows;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (QuorumSeriesPreview, quorum_series_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKDAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
to_date (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static char *
format_when (GDateTime *start)
{
  /* Translators: an occurrence in the preview, for g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (start, _("%a, %-d %B %Y, %H:%M"));
}

/* "National Day", or "weekend" for an ordinary Saturday or Sunday. */
static char *
dup_day_off_name (QuorumWorkdays *workdays,
                  const GDate    *date)
{
  char *name = NULL;

  quorum_workdays_classify (workdays, date, &name);
  return name != NULL ? name : g_strdup (_("weekend"));
}

static void
add_row (QuorumSeriesPreview *self,
         const char          *icon_name,
         const char          *title,
         const char          *subtitle,
         const char          *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (css_class != NULL)
    gtk_widget_add_css_class (row, css_class);
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_occurrence (QuorumSeriesPreview *self,
                GDateTime           *start,
                QuorumHolidayPolicy  policy)
{
  g_autofree char *when = format_when (start);
  g_autofree char *day_off = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GDateTime) moved = NULL;
  const char *icon = "x-office-calendar-symbolic";
  const char *css_class = NULL;
  GDate date;

  to_date (start, &date);

  if (self->workdays == NULL)
    {
      add_row (self, icon, when, NULL, NULL);
      return;
    }

  if (!quorum_workdays_is_workday (self->workdays, &date))
    {
      /* Translators: a short date in "Moved from 1 Oct (National Day)" */
      /* xgettext:no-c-format */
      g_autofree char *original = g_date_time_format (start, _("%-d %b"));

      day_off = dup_day_off_name (self->workdays, &date);
      moved = quorum_recurrence_apply_holiday_policy (self->workdays, start, policy, NULL);
      if (policy == QUORUM_HOLIDAY_KEEP)
        /* Translators: %s is a holiday, or "weekend" */
        note = g_strdup_printf (_("On a day off (%s)"), day_off);
      else if (moved == NULL)
        {
          /* Translators: %s is a holiday, or "weekend" */
          note = g_strdup_printf (_("Skipped: %s"), day_off);
          icon = "action-unavailable-symbolic";
          css_class = "dim-label";
        }
      else
        {
          g_free (when);
          when = format_when (moved);
          /* Translators: "Moved from 1 Oct (National Day)" */
          note = g_strdup_printf (_("Moved from %s (%s)"), original, day_off);
          icon = "mail-forward-symbolic";
        }
    }

  /* Weekends are known in any year; the holidays only once they are published. */
  if (!quorum_workdays_has_year (self->workdays, g_date_get_year (&date)))
    {
      g_autofree char *warning =
        g_strdup_printf (_("No holiday calendar for %d yet: days off are not known"),
                         g_date_get_year (&date));
      char *both = note != NULL ? g_strdup_printf ("%s. %s", note, warning) : g_strdup (warning);

      g_free (note);
      note = both;
      icon = "dialog-warning-symbolic";
      css_class = "warning";
    }

  add_row (self, icon, when, note, css_class);
}

static void
clear_rows (QuorumSeriesPreview *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
quorum_series_preview_dispose (GObject *object)
{
  QuorumSeriesPreview *self = (QuorumSeriesPreview *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_SERIES_PREVIEW);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->workdays);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_series_preview_parent_class)->dispose (object);
}

static void
quorum_series_preview_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  QuorumSeriesPreview *self = QUORUM_SERIES_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_WORKDAYS:
      g_value_set_object (value, self->workdays);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_series_preview_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  QuorumSeriesPreview *self = QUORUM_SERIES_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_WORKDAYS:
      quorum_series_preview_set_workdays (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_series_preview_class_init (QuorumSeriesPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_series_preview_dispose;
  object_class->get_property = quorum_series_preview_get_property;
  object_class->set_property = quorum_series_preview_set_property;

  properties[PROP_WORKDAYS] =
    g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/editor/quorum-series-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesPreview, group);
  gtk_widget_class_bind_template_child (widget_class, QuorumSeriesPreview, list);
}

static void
quorum_series_preview_init (QuorumSeriesPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
quorum_series_preview_new (void)
{
  return g_object_new (QUORUM_TYPE_SERIES_PREVIEW, NULL);
}

QuorumWorkdays *
quorum_series_preview_get_workdays (QuorumSeriesPreview *self)
{
  g_return_val_if_fail (QUORUM_IS_SERIES_PREVIEW (self), NULL);

  return self->workdays;
}

void
quorum_series_preview_set_workdays (QuorumSeriesPreview *self,
                                    QuorumWorkdays      *workdays)
{
  g_return_if_fail (QUORUM_IS_SERIES_PREVIEW (self));
  g_return_if_fail (workdays == NULL || QUORUM_IS_WORKDAYS (workdays));

  if (g_set_object (&self->workdays, workdays))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKDAYS]);
}

/**
 * quorum_series_preview_update:
 * @self: a #QuorumSeriesPreview
 * @rrule: (nullable): the rule, or %NULL for a single event
 * @dtstart: (nullable): the start of the series; %NULL empties the list
 * @tzid: (nullable): the series' time zone
 * @policy: what happens on days off
 * @error: return location for a #GError
 *
 * Lists the first %QUORUM_SERIES_PREVIEW_ROWS occurrences from @dtstart on.
 * The expansion is bounded by that count, so this is cheap enough to run as
 * fields change.
 *
 * Returns: %FALSE with @error set (and the list empty) when @rrule cannot
 *   be expanded
 */
gboolean
quorum_series_preview_update (QuorumSeriesPreview  *self,
                              const char           *rrule,
                              GDateTime            *dtstart,
                              const char           *tzid,
                              QuorumHolidayPolicy   policy,
                              GError              **error)
{
  g_autoptr(GPtrArray) starts = NULL;

  g_return_val_if_fail (QUORUM_IS_SERIES_PREVIEW (self), FALSE);

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  if (dtstart == NULL)
    return TRUE;

  if (rrule != NULL)
    {
      starts = quorum_recurrence_expand (rrule, dtstart, tzid, NULL, NULL, dtstart, NULL,
                                         QUORUM_SERIES_PREVIEW_ROWS, error);
      if (starts == NULL)
        return FALSE;
    }
  else
    {
      starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
      g_ptr_array_add (starts, g_date_time_ref (dtstart));
    }

  for (guint i = 0; i < starts->len; i++)
    add_occurrence (self, g_ptr_array_index (starts, i), policy);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows->len > 0);

  return TRUE;
}

/**
 * quorum_series_preview_dup_text:
 * @self: a #QuorumSeriesPreview
 *
 * Returns: (transfer full): the rows as text, one a line: the date, then
 *   " — " and the note when there is one
 */
char *
quorum_series_preview_dup_text (QuorumSeriesPreview *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (QUORUM_IS_SERIES_PREVIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      const char *subtitle = adw_action_row_get_subtitle (row);

      g_string_append (text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (subtitle != NULL && subtitle[0] != '\0')
        g_string_append_printf (text, " — %s", subtitle);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}
