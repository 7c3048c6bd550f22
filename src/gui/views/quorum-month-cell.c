/* quorum-month-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-month-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-gui-utils.h"
#include "quorum-month-cell.h"
#include "quorum-month-chip-styles.h"

/* No cell shows more chips than this, however tall; the rest go to "+N more". */
#define MAX_CHIPS QUORUM_MONTH_CELL_MAX_CHIPS
#define CHIP_SPACING 2

/* An event of the day as its chip shows it, made when the chip first shows. */
typedef struct
{
  char           *text;        /* without markup: read by screen readers */
  QuorumChipText *shaped;      /* its markup in its look's font */
  QuorumChipLook *look;
} Chip;

/**
 * QuorumMonthCell:
 *
 * One day of the month grid. The view makes 42 of them once and only updates
 * their contents when the month changes. The events are drawn by the cell,
 * without a widget each: a chip widget costs its style, its allocation and
 * its drawing on every month switch even when it shows what another showed
 * before. Chips look as CSS says through the view's #QuorumMonthChipStyles,
 * and their text is shaped once for the whole grid and every month (see
 * #QuorumMonthChip). How many chips show is decided in size_allocate() from
 * the height the cell got; tooltips, clicks and the accessible description
 * come from the same geometry. It has no template on purpose: it is built 42
 * times and is very small.
 */
struct _QuorumMonthCell
{
  GtkWidget              parent_instance;

  GtkWidget             *header;
  GtkWidget             *day_label;
  GtkWidget             *name_label;
  GtkWidget             *badge;
  QuorumMonthChipStyles *styles[2];    /* of this month's days, of others'; unowned */
  GArray                *chips;        /* Chip, one for each of occurrences */
  GPtrArray             *occurrences;  /* QuorumOccurrence, in the order shown */
  char                  *more;         /* "+N more", when shown */
  QuorumChipText        *more_shaped;

  GDate                  date;
  QuorumDayMark          mark;
  char                  *mark_name;
  char                  *label;
  char                  *description;
  guint                  n_hidden;     /* events of the day the view was not given */
  guint                  n_shown;
  int                    chips_top;    /* where the first chip is */
  int                    chip_width;
  int                    chip_height;
  guint                  is_today : 1;
  guint                  other_month : 1;
};

G_DEFINE_FINAL_TYPE (QuorumMonthCell, quorum_month_cell, GTK_TYPE_WIDGET)

/**
 * quorum_month_cell_compare:
 * @a: a `QuorumOccurrence **`
 * @b: another
 *
 * The order a day lists its events in: all-day entries first, as every
 * calendar does, then by start, end and id. For g_ptr_array_sort().
 *
 * Returns: negative, 0 or positive
 */
int
quorum_month_cell_compare (gconstpointer a,
                           gconstpointer b)
{
  QuorumOccurrence *oa = *(QuorumOccurrence **)a;
  QuorumOccurrence *ob = *(QuorumOccurrence **)b;
  gboolean all_day_a = quorum_occurrence_get_all_day (oa);
  gboolean all_day_b = quorum_occurrence_get_all_day (ob);

  /* All-day entries first, as every calendar does. */
  if (all_day_a != all_day_b)
    return all_day_a ? -1 : 1;

  return quorum_occurrence_compare (oa, ob);
}

static QuorumChipKey
chip_key_for (QuorumOccurrence *occurrence)
{
  return (QuorumChipKey) {
    quorum_kind_css_class (quorum_occurrence_get_kind (occurrence)),
    quorum_occurrence_get_status (occurrence),
    quorum_occurrence_get_moved (occurrence) || quorum_occurrence_get_holiday_shifted (occurrence),
  };
}

/* Returns: (nullable): the view's looks for this cell's chips */
static QuorumMonthChipStyles *
get_styles (QuorumMonthCell *self)
{
  return self->styles[self->other_month ? 1 : 0];
}

static const char *
status_mark (QuorumOccurrence *occurrence)
{
  switch (quorum_occurrence_get_status (occurrence))
    {
    case QUORUM_OCCURRENCE_HELD: return "✓ ";
    case QUORUM_OCCURRENCE_NOT_HELD: return "✗ ";
    case QUORUM_OCCURRENCE_CANCELLED:
    case QUORUM_OCCURRENCE_SCHEDULED:
    default: return "";
    }
}

static void
chip_clear (gpointer data)
{
  Chip *chip = data;

  g_clear_pointer (&chip->text, g_free);
  g_clear_pointer (&chip->shaped, quorum_chip_text_unref);
}

/* "09:00", without a GDateTime format: a month switch asks for hundreds. */
static void
format_start (QuorumOccurrence *occurrence,
              char              time[6])
{
  GDateTime *start = quorum_occurrence_get_start (occurrence);
  int hour = g_date_time_get_hour (start);
  int minute = g_date_time_get_minute (start);

  time[0] = '0' + hour / 10;
  time[1] = '0' + hour % 10;
  time[2] = ':';
  time[3] = '0' + minute / 10;
  time[4] = '0' + minute % 10;
  time[5] = '\0';
}

static const char *
chip_title (QuorumOccurrence *occurrence)
{
  const char *title = quorum_occurrence_get_title (occurrence);

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

static char *
chip_text_for (QuorumOccurrence *occurrence)
{
  char time[6];

  if (quorum_occurrence_get_all_day (occurrence))
    return g_strconcat (status_mark (occurrence), chip_title (occurrence), NULL);

  format_start (occurrence, time);
  return g_strconcat (status_mark (occurrence), time, " ", chip_title (occurrence), NULL);
}

/* Built by hand: g_markup_printf_escaped() was a third of a chip's update. */
static char *
chip_markup_for (QuorumOccurrence *occurrence)
{
  g_autofree char *escaped = g_markup_escape_text (chip_title (occurrence), -1);
  char time[6];

  if (quorum_occurrence_get_all_day (occurrence))
    return g_strconcat (status_mark (occurrence), escaped, NULL);

  format_start (occurrence, time);
  return g_strconcat (status_mark (occurrence), "<span font_features=\"tnum\" weight=\"bold\">",
                      time, "</span> ", escaped, NULL);
}

/* Returns: (transfer none): chip @i's look, which get_styles() has */
static QuorumChipLook *
get_chip_look (QuorumMonthCell *self,
               guint            i)
{
  Chip *chip = &g_array_index (self->chips, Chip, i);

  if (chip->look == NULL)
    {
      QuorumChipKey key = chip_key_for (g_ptr_array_index (self->occurrences, i));

      chip->look = quorum_month_chip_styles_lookup (get_styles (self), &key);
    }

  return chip->look;
}

/* Returns: (transfer none): chip @i's text shaped in its look's font */
static QuorumChipText *
get_chip_shaped (QuorumMonthCell *self,
                 guint            i)
{
  Chip *chip = &g_array_index (self->chips, Chip, i);
  QuorumMonthChip *prototype = quorum_chip_look_get_prototype (get_chip_look (self, i));

  if (chip->shaped == NULL || !quorum_month_chip_has_font_of (prototype, chip->shaped))
    {
      g_autofree char *markup = chip_markup_for (g_ptr_array_index (self->occurrences, i));

      g_clear_pointer (&chip->shaped, quorum_chip_text_unref);
      chip->shaped = quorum_month_chip_shape (prototype, markup);
    }

  return chip->shaped;
}

static const char *
get_chip_text (QuorumMonthCell *self,
               guint            i)
{
  Chip *chip = &g_array_index (self->chips, Chip, i);

  if (chip->text == NULL)
    chip->text = chip_text_for (g_ptr_array_index (self->occurrences, i));

  return chip->text;
}

/* The chip at (@x, @y) of the cell, or -1. */
static int
chip_at (QuorumMonthCell *self,
         double           x,
         double           y)
{
  int step = self->chip_height + CHIP_SPACING;
  int i;

  if (self->n_shown == 0 || x < 0 || x >= self->chip_width || y < self->chips_top)
    return -1;

  i = ((int)y - self->chips_top) / step;
  /* Events placed since the last allocation may be fewer than the chips shown. */
  if (i >= (int)self->n_shown || i >= (int)self->occurrences->len
      || (int)y - self->chips_top - i * step >= self->chip_height)
    return -1;

  return i;
}

/* Every chip is one line of the same font: the first tells the height of
 * all, its text's line in its look's padding and border. */
static int
measure_chip_height (QuorumMonthCell *self)
{
  if (self->occurrences->len == 0 || get_styles (self) == NULL)
    return 1;

  return MAX (quorum_chip_look_get_height (get_chip_look (self, 0), get_chip_shaped (self, 0)), 1);
}

/* Chips get their tooltip on demand rather than one string each per month. */
static gboolean
quorum_month_cell_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  QuorumMonthCell *self = QUORUM_MONTH_CELL (widget);
  int i = chip_at (self, x, y);

  if (i >= 0)
    {
      QuorumOccurrence *occurrence = g_ptr_array_index (self->occurrences, i);
      const char *location = quorum_occurrence_get_location (occurrence);
      const char *status = quorum_occurrence_status_label (quorum_occurrence_get_status (occurrence));
      g_autofree char *times = quorum_format_time_range (occurrence);
      g_autofree char *text = NULL;

      if (location != NULL && *location != '\0')
        text = g_strdup_printf ("%s %s\n%s\n%s", times, chip_title (occurrence), location, status);
      else
        text = g_strdup_printf ("%s %s\n%s", times, chip_title (occurrence), status);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  /* The holiday's name, anywhere else in the cell. */
  if (self->mark_name != NULL)
    {
      gtk_tooltip_set_text (tooltip, self->mark_name);
      return TRUE;
    }

  return FALSE;
}

/* The cell reads as its day and how many events it has. */
static void
update_accessible_label (QuorumMonthCell *self)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *day = quorum_format_day (&self->date);
  guint n = self->occurrences->len + self->n_hidden;

  g_string_append (label, day);
  g_string_append (label, ", ");
  if (n == 0)
    g_string_append (label, _("no events"));
  else
    g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);

  if (self->mark == QUORUM_DAY_MARK_HOLIDAY)
    g_string_append_printf (label, ", %s", _("holiday"));
  else if (self->mark == QUORUM_DAY_MARK_ADJUSTED_WORKDAY)
    g_string_append_printf (label, ", %s", _("working day"));
  if (self->mark_name != NULL)
    g_string_append_printf (label, " (%s)", self->mark_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
  g_free (self->label);
  self->label = g_string_free (g_steal_pointer (&label), FALSE);
}

/* Its description is what it shows, as the chips read when they were
 * widgets: the events with a chip, in order, then "+N more". */
static void
update_accessible_description (QuorumMonthCell *self,
                               const char      *more)
{
  static const char *separator;
  g_autoptr(GString) description = g_string_new (NULL);

  if (separator == NULL)
    /* Translators: between the events of a day, as a screen reader reads them */
    separator = _("; ");

  for (guint i = 0; i < self->n_shown; i++)
    {
      if (i > 0)
        g_string_append (description, separator);
      g_string_append (description, get_chip_text (self, i));
    }
  if (more != NULL)
    {
      if (self->n_shown > 0)
        g_string_append (description, separator);
      g_string_append (description, more);
    }

  if (g_strcmp0 (self->description != NULL ? self->description : "", description->str) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                      -1);
      g_free (self->description);
      self->description = g_string_free (g_steal_pointer (&description), FALSE);
    }
}

static void
quorum_month_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumMonthCell *self = QUORUM_MONTH_CELL (widget);
  int header_min, header_nat;

  gtk_widget_measure (self->header, orientation, -1, &header_min, &header_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Chips ellipsize: the cell can be as narrow as its header. */
      *minimum = header_min;
      *natural = MAX (header_nat, 80);
      return;
    }

  *minimum = header_min;
  *natural = header_nat
             + MIN (self->occurrences->len, MAX_CHIPS) * (measure_chip_height (self) + CHIP_SPACING);
}

static void
quorum_month_cell_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  QuorumMonthCell *self = QUORUM_MONTH_CELL (widget);
  guint total = self->occurrences->len + self->n_hidden;
  guint n_chips = MIN (self->occurrences->len, MAX_CHIPS);
  guint fit, shown;
  int header_height;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_height,
                      NULL, NULL);
  gtk_widget_allocate (self->header, width, header_height, -1, NULL);

  self->chips_top = header_height + CHIP_SPACING;
  self->chip_width = width;
  self->chip_height = measure_chip_height (self);

  fit = MAX (height - self->chips_top, 0) / (self->chip_height + CHIP_SPACING);
  if (total <= fit && self->n_hidden == 0)
    shown = total;
  else
    shown = MIN (fit > 0 ? fit - 1 : 0, n_chips);
  if (get_styles (self) == NULL)
    shown = 0;
  self->n_shown = shown;

  /* The looks of the chips shown, made now rather than while drawing: a new
   * look adds a prototype to the view, to be laid out with the rest. */
  for (guint i = 0; i < shown; i++)
    quorum_chip_look_update (get_chip_look (self, i));
  if (shown < total && get_styles (self) != NULL)
    quorum_chip_look_update (quorum_month_chip_styles_get_more (get_styles (self)));

  if (shown < total)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", total - shown),
                                               total - shown);

      /* Its text is shaped once for every cell and month that shows it. */
      if (g_strcmp0 (more, self->more) != 0)
        {
          g_clear_pointer (&self->more_shaped, quorum_chip_text_unref);
          g_free (self->more);
          self->more = g_steal_pointer (&more);
        }
    }
  else
    {
      g_clear_pointer (&self->more, g_free);
      g_clear_pointer (&self->more_shaped, quorum_chip_text_unref);
    }

  update_accessible_description (self, self->more);
}

static void
quorum_month_cell_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  QuorumMonthCell *self = QUORUM_MONTH_CELL (widget);
  int step = self->chip_height + CHIP_SPACING;

  gtk_widget_snapshot_child (widget, self->header, snapshot);

  for (guint i = 0; i < self->n_shown && i < self->occurrences->len; i++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->chips_top + i * step));
      quorum_chip_look_snapshot (get_chip_look (self, i), snapshot, self->chip_width,
                                 self->chip_height, get_chip_shaped (self, i));
      gtk_snapshot_restore (snapshot);
    }

  if (self->more != NULL && get_styles (self) != NULL)
    {
      QuorumChipLook *look = quorum_month_chip_styles_get_more (get_styles (self));
      QuorumMonthChip *prototype = quorum_chip_look_get_prototype (look);
      int y = self->chips_top + self->n_shown * step;
      int height;

      if (self->more_shaped == NULL || !quorum_month_chip_has_font_of (prototype, self->more_shaped))
        {
          g_autofree char *escaped = g_markup_escape_text (self->more, -1);

          g_clear_pointer (&self->more_shaped, quorum_chip_text_unref);
          self->more_shaped = quorum_month_chip_shape (prototype, escaped);
        }
      height = MIN (quorum_chip_look_get_height (look, self->more_shaped),
                    gtk_widget_get_height (widget) - y);
      if (height > 0)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
          quorum_chip_look_snapshot (look, snapshot, self->chip_width, height, self->more_shaped);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
quorum_month_cell_dispose (GObject *object)
{
  QuorumMonthCell *self = (QuorumMonthCell *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->header = self->day_label = self->name_label = self->badge = NULL;
  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->more_shaped, quorum_chip_text_unref);

  G_OBJECT_CLASS (quorum_month_cell_parent_class)->dispose (object);
}

static void
quorum_month_cell_finalize (GObject *object)
{
  QuorumMonthCell *self = (QuorumMonthCell *)object;

  g_clear_pointer (&self->mark_name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->more, g_free);

  G_OBJECT_CLASS (quorum_month_cell_parent_class)->finalize (object);
}

static void
quorum_month_cell_class_init (QuorumMonthCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_month_cell_dispose;
  object_class->finalize = quorum_month_cell_finalize;
  widget_class->measure = quorum_month_cell_measure;
  widget_class->size_allocate = quorum_month_cell_size_allocate;
  widget_class->snapshot = quorum_month_cell_snapshot;
  widget_class->query_tooltip = quorum_month_cell_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "monthcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
quorum_month_cell_init (QuorumMonthCell *self)
{
  g_date_clear (&self->date, 1);
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (self->chips, chip_clear);
  self->occurrences = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->header, "header");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->day_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->day_label, "day-number");
  gtk_widget_add_css_class (self->day_label, "numeric");
  gtk_box_append (GTK_BOX (self->header), self->day_label);
  /* The holiday's name and badge come with the first marked day: see
   * ensure_mark_labels(). */
}

/* Most days are not holidays: their cells make do with the day number, and
 * the window's first frame builds, styles and measures 84 labels fewer (an
 * empty label still loads its font for its height). */
static void
ensure_mark_labels (QuorumMonthCell *self)
{
  if (self->name_label != NULL)
    return;

  self->name_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0.0);
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_widget_add_css_class (self->name_label, "day-name");
  gtk_box_append (GTK_BOX (self->header), self->name_label);

  self->badge = gtk_label_new (NULL);
  gtk_widget_set_valign (self->badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->badge, "day-badge");
  gtk_widget_set_visible (self->badge, FALSE);
  gtk_box_append (GTK_BOX (self->header), self->badge);
}

GtkWidget *
quorum_month_cell_new (void)
{
  return g_object_new (QUORUM_TYPE_MONTH_CELL, NULL);
}

/**
 * quorum_month_cell_set_styles:
 * @self: a #QuorumMonthCell
 * @styles: the looks of chips in days of the month shown
 * @other_styles: the looks of chips in days of other months
 *
 * Where the cell takes its chips' looks from: the view's. Both must outlive
 * the cell. Without them the cell shows no chips.
 */
void
quorum_month_cell_set_styles (QuorumMonthCell       *self,
                              QuorumMonthChipStyles *styles,
                              QuorumMonthChipStyles *other_styles)
{
  g_return_if_fail (QUORUM_IS_MONTH_CELL (self));

  self->styles[0] = styles;
  self->styles[1] = other_styles;
  for (guint i = 0; i < self->chips->len; i++)
    g_array_index (self->chips, Chip, i).look = NULL;
  g_clear_pointer (&self->more_shaped, quorum_chip_text_unref);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
quorum_month_cell_set_day (QuorumMonthCell      *self,
                           const GDate          *date,
                           QuorumMonthCellFlags  flags,
                           QuorumDayMark         mark,
                           const char           *mark_name)
{
  const char *classes[6] = { NULL };
  char number[8];
  guint n = 0;
  GDateWeekday weekday;

  g_return_if_fail (QUORUM_IS_MONTH_CELL (self));
  g_return_if_fail (g_date_valid (date));

  self->date = *date;
  self->mark = mark;
  self->is_today = (flags & QUORUM_MONTH_CELL_TODAY) != 0;
  if (self->other_month != ((flags & QUORUM_MONTH_CELL_OTHER_MONTH) != 0))
    {
      /* Its chips look faded or not: their looks are the other styles'. */
      self->other_month = (flags & QUORUM_MONTH_CELL_OTHER_MONTH) != 0;
      for (guint i = 0; i < self->chips->len; i++)
        g_array_index (self->chips, Chip, i).look = NULL;
      g_clear_pointer (&self->more_shaped, quorum_chip_text_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_free (self->mark_name);
  self->mark_name = g_strdup (mark_name);

  g_snprintf (number, sizeof number, "%u", g_date_get_day (date));
  gtk_label_set_text (GTK_LABEL (self->day_label), number);
  if (self->is_today)
    gtk_widget_add_css_class (self->day_label, "today");
  else
    gtk_widget_remove_css_class (self->day_label, "today");

  weekday = g_date_get_weekday (date);
  if (flags & QUORUM_MONTH_CELL_OTHER_MONTH)
    classes[n++] = "other-month";
  if (flags & QUORUM_MONTH_CELL_SELECTED)
    classes[n++] = "selected";
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    classes[n++] = "weekend";
  if (mark == QUORUM_DAY_MARK_HOLIDAY)
    classes[n++] = "holiday";
  else if (mark == QUORUM_DAY_MARK_ADJUSTED_WORKDAY)
    classes[n++] = "workday";
  /* The same classes again would restyle the cell and its chips. */
  quorum_widget_set_css_classes (GTK_WIDGET (self), classes);

  if (mark == QUORUM_DAY_MARK_NONE && mark_name == NULL && self->name_label == NULL)
    return;
  ensure_mark_labels (self);

  switch (mark)
    {
    case QUORUM_DAY_MARK_HOLIDAY:
      /* Translators: the badge of a day off in the month grid (休); keep it one or two letters */
      gtk_label_set_text (GTK_LABEL (self->badge), C_("day badge", "Off"));
      break;
    case QUORUM_DAY_MARK_ADJUSTED_WORKDAY:
      /* Translators: the badge of a weekend day that is a working day (班) */
      gtk_label_set_text (GTK_LABEL (self->badge), C_("day badge", "Work"));
      break;
    case QUORUM_DAY_MARK_NONE:
    default:
      break;
    }
  gtk_widget_set_visible (self->badge, mark != QUORUM_DAY_MARK_NONE);
  gtk_label_set_text (GTK_LABEL (self->name_label), mark_name != NULL ? mark_name : "");
}

void
quorum_month_cell_set_selected (QuorumMonthCell *self,
                                gboolean         selected)
{
  g_return_if_fail (QUORUM_IS_MONTH_CELL (self));

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
}

const GDate *
quorum_month_cell_get_date (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  return &self->date;
}

/* Returns: (transfer none): the cell's own array, for the view to refill before
 * quorum_month_cell_update_occurrences() */
GPtrArray *
quorum_month_cell_get_occurrences (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  return self->occurrences;
}

void
quorum_month_cell_update_occurrences (QuorumMonthCell *self)
{
  g_return_if_fail (QUORUM_IS_MONTH_CELL (self));

  g_ptr_array_sort (self->occurrences, quorum_month_cell_compare);
  g_array_set_size (self->chips, 0);
  g_array_set_size (self->chips, self->occurrences->len);

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * quorum_month_cell_set_n_hidden:
 * @self: a #QuorumMonthCell
 * @n_hidden: how many events of the day are not among its occurrences
 *
 * The day has that many events more than the cell was given (the store
 * made only those a cell can show): they count in "+N more" and in the
 * label. Takes effect with quorum_month_cell_update_occurrences().
 */
void
quorum_month_cell_set_n_hidden (QuorumMonthCell *self,
                                guint            n_hidden)
{
  g_return_if_fail (QUORUM_IS_MONTH_CELL (self));

  self->n_hidden = n_hidden;
}

guint
quorum_month_cell_get_n_hidden (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), 0);

  return self->n_hidden;
}

/* Returns: (transfer none) (nullable): the occurrence whose chip is at
 * (@x, @y) of the cell */
QuorumOccurrence *
quorum_month_cell_get_occurrence_at (QuorumMonthCell *self,
                                     double           x,
                                     double           y)
{
  int i;

  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  i = chip_at (self, x, y);
  return i >= 0 ? g_ptr_array_index (self->occurrences, i) : NULL;
}

/* Returns: (nullable): the text of shown chip @i, without markup */
const char *
quorum_month_cell_get_chip_text (QuorumMonthCell *self,
                                 guint            i)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  if (i >= self->n_shown || i >= self->chips->len)
    return NULL;

  return get_chip_text (self, i);
}

/* Where shown chip @i is drawn, in the cell's coordinates; %FALSE if it is not. */
gboolean
quorum_month_cell_get_chip_bounds (QuorumMonthCell *self,
                                   guint            i,
                                   graphene_rect_t *bounds)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), FALSE);

  if (i >= self->n_shown || i >= self->chips->len)
    return FALSE;

  graphene_rect_init (bounds, 0, self->chips_top + i * (self->chip_height + CHIP_SPACING),
                      self->chip_width, self->chip_height);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the prototype chip whose style shown
 * chip @i is drawn in */
GtkWidget *
quorum_month_cell_get_chip_style (QuorumMonthCell *self,
                                  guint            i)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  if (i >= self->n_shown || i >= self->chips->len)
    return NULL;

  return GTK_WIDGET (quorum_chip_look_get_prototype (get_chip_look (self, i)));
}

/* Returns: (nullable): what assistive technologies read as the cell's description */
const char *
quorum_month_cell_get_description (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  return self->description;
}

guint
quorum_month_cell_get_n_shown (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), 0);

  return self->n_shown;
}

/* Returns: (nullable): "+N more", or %NULL when every event shows */
const char *
quorum_month_cell_get_overflow_text (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  return self->more;
}

QuorumDayMark
quorum_month_cell_get_mark (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), QUORUM_DAY_MARK_NONE);

  return self->mark;
}

gboolean
quorum_month_cell_get_is_today (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), FALSE);

  return self->is_today;
}

/* Returns: (nullable): what assistive technologies read for the cell */
const char *
quorum_month_cell_get_label (QuorumMonthCell *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  return self->label;
}
