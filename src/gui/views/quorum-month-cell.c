/* quorum-month-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-month-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-gui-utils.h"
#include "quorum-month-cell.h"
#include "quorum-month-chip.h"

/* No cell shows more chips than this, however tall; the rest go to "+N more". */
#define MAX_CHIPS QUORUM_MONTH_CELL_MAX_CHIPS
#define CHIP_SPACING 2

/**
 * QuorumMonthCell:
 *
 * One day of the month grid. The view makes 42 of them once and only updates
 * their contents when the month changes; chips (#QuorumMonthChip) are kept in
 * a pool and reused, so a month switch creates no widgets once the pool is
 * warm, and shapes no text that was shown before. How
 * many chips show is decided in size_allocate() from the height the cell got.
 * It has no template on purpose: it is built 42 times and is very small.
 */
struct _QuorumMonthCell
{
  GtkWidget      parent_instance;

  GtkWidget     *header;
  GtkWidget     *day_label;
  GtkWidget     *name_label;
  GtkWidget     *badge;
  GtkWidget     *more_label;
  GPtrArray     *chips;        /* QuorumMonthChip, at most MAX_CHIPS, in the order shown */
  GArray        *chip_keys;    /* ChipKey, the classes each chip has */
  GPtrArray     *chip_shows;   /* the QuorumOccurrence each chip was last filled with, unowned */
  GPtrArray     *occurrences;  /* QuorumOccurrence, in the order shown */

  GDate          date;
  QuorumDayMark  mark;
  char          *mark_name;
  char          *label;
  guint          n_hidden;     /* events of the day the view was not given */
  guint          n_shown;
  guint          is_today : 1;
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

/* The CSS classes of a chip, as a value: chips with equal keys are styled
 * alike, so one may take another's place without a restyle. */
typedef struct
{
  const char *kind;            /* a static CSS class; %NULL: not set yet */
  int         status;
  gboolean    moved;
} ChipKey;

static ChipKey
chip_key_for (QuorumOccurrence *occurrence)
{
  return (ChipKey) {
    quorum_kind_css_class (quorum_occurrence_get_kind (occurrence)),
    quorum_occurrence_get_status (occurrence),
    quorum_occurrence_get_moved (occurrence) || quorum_occurrence_get_holiday_shifted (occurrence),
  };
}

static gboolean
chip_key_equal (const ChipKey *a,
                const ChipKey *b)
{
  return a->kind != NULL && a->kind == b->kind && a->status == b->status && a->moved == b->moved;
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
update_chip (GtkWidget        *chip,
             QuorumOccurrence *occurrence,
             const ChipKey    *key)
{
  const char *classes[6] = { "chip", NULL, NULL, NULL, NULL, NULL };
  const char *title = quorum_occurrence_get_title (occurrence);
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  guint n = 1;

  if (title == NULL || *title == '\0')
    title = _("Untitled");

  /* Built by hand: g_markup_printf_escaped() was a third of a chip's update. */
  escaped = g_markup_escape_text (title, -1);
  if (quorum_occurrence_get_all_day (occurrence))
    {
      markup = g_strconcat (status_mark (occurrence), escaped, NULL);
      text = g_strconcat (status_mark (occurrence), title, NULL);
    }
  else
    {
      GDateTime *start = quorum_occurrence_get_start (occurrence);
      int hour = g_date_time_get_hour (start);
      int minute = g_date_time_get_minute (start);
      char time[6] = { '0' + hour / 10, '0' + hour % 10, ':', '0' + minute / 10, '0' + minute % 10, '\0' };

      markup = g_strconcat (status_mark (occurrence), "<span font_features=\"tnum\" weight=\"bold\">",
                            time, "</span> ", escaped, NULL);
      text = g_strconcat (status_mark (occurrence), time, " ", title, NULL);
    }
  quorum_month_chip_set_markup (QUORUM_MONTH_CHIP (chip), markup, text);

  classes[n++] = key->kind;
  classes[n++] = quorum_occurrence_status_css_class (key->status);
  if (key->moved)
    classes[n++] = "moved";
  quorum_month_chip_set_classes (QUORUM_MONTH_CHIP (chip), classes);
}

static GtkWidget *
ensure_chip (QuorumMonthCell *self,
             guint            i)
{
  GtkWidget *chip;

  if (i < self->chips->len)
    return g_ptr_array_index (self->chips, i);

  chip = quorum_month_chip_new ();
  gtk_widget_insert_before (chip, GTK_WIDGET (self), self->more_label);
  g_ptr_array_add (self->chips, chip);
  g_ptr_array_add (self->chip_shows, NULL);
  g_array_set_size (self->chip_keys, self->chips->len);

  return chip;
}

/* Fills chip @i with its occurrence unless it shows it already. Chips are
 * filled only when they are about to show: a month switch costs the chips
 * that fit, not all the events of the grid. */
static GtkWidget *
fill_chip (QuorumMonthCell *self,
           guint            i)
{
  GtkWidget *chip = ensure_chip (self, i);
  QuorumOccurrence *occurrence = g_ptr_array_index (self->occurrences, i);

  if (g_ptr_array_index (self->chip_shows, i) != occurrence)
    {
      ChipKey *key = &g_array_index (self->chip_keys, ChipKey, i);

      *key = chip_key_for (occurrence);
      update_chip (chip, occurrence, key);
      g_ptr_array_index (self->chip_shows, i) = occurrence;
    }

  return chip;
}

/* Gives each event the chip of the cell that already has its CSS classes,
 * where there is one: a chip whose classes change is restyled, which was
 * about a third of a month switch. The chips are then reordered, as widgets
 * too, so that assistive technologies read them in the order shown. */
static void
match_chips (QuorumMonthCell *self)
{
  guint n_chips = self->chips->len;
  guint n = MIN (self->occurrences->len, n_chips);
  GtkWidget *order[MAX_CHIPS];
  ChipKey keys[MAX_CHIPS];
  ChipKey wanted[MAX_CHIPS];
  gboolean taken[MAX_CHIPS] = { FALSE };
  gboolean placed[MAX_CHIPS] = { FALSE };
  gboolean moved = FALSE;
  GtkWidget *sibling;
  guint next = 0;

  g_assert (n_chips <= MAX_CHIPS);

  /* Chips that have their event's classes where they are stay. */
  for (guint i = 0; i < n; i++)
    {
      wanted[i] = chip_key_for (g_ptr_array_index (self->occurrences, i));
      if (chip_key_equal (&g_array_index (self->chip_keys, ChipKey, i), &wanted[i]))
        taken[i] = placed[i] = TRUE;
      order[i] = g_ptr_array_index (self->chips, i);
      keys[i] = g_array_index (self->chip_keys, ChipKey, i);
    }

  /* Then each event takes a free chip with its classes. */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n_chips && !placed[i]; j++)
      if (!taken[j] && chip_key_equal (&g_array_index (self->chip_keys, ChipKey, j), &wanted[i]))
        {
          order[i] = g_ptr_array_index (self->chips, j);
          keys[i] = g_array_index (self->chip_keys, ChipKey, j);
          taken[j] = placed[i] = TRUE;
          moved = TRUE;
        }

  if (!moved)
    return;

  /* The other chips fill the other places, in the order they had. */
  for (guint i = 0; i < n_chips; i++)
    {
      if (placed[i])
        continue;
      while (taken[next])
        next++;
      order[i] = g_ptr_array_index (self->chips, next);
      keys[i] = g_array_index (self->chip_keys, ChipKey, next);
      taken[next] = TRUE;
    }

  sibling = self->more_label;
  for (guint i = n_chips; i-- > 0;)
    {
      g_ptr_array_index (self->chips, i) = order[i];
      g_array_index (self->chip_keys, ChipKey, i) = keys[i];
      if (gtk_widget_get_next_sibling (order[i]) != sibling)
        gtk_widget_insert_before (order[i], GTK_WIDGET (self), sibling);
      sibling = order[i];
    }
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

  /* Events placed since the last allocation may be fewer than the chips shown. */
  for (guint i = 0; i < self->n_shown && i < self->chips->len && i < self->occurrences->len; i++)
    {
      GtkWidget *chip = g_ptr_array_index (self->chips, i);
      QuorumOccurrence *occurrence = g_ptr_array_index (self->occurrences, i);
      const char *location = quorum_occurrence_get_location (occurrence);
      const char *status = quorum_occurrence_status_label (quorum_occurrence_get_status (occurrence));
      g_autofree char *times = NULL;
      g_autofree char *text = NULL;
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (chip, widget, &bounds)
          || !graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
        continue;

      times = quorum_format_time_range (occurrence);
      if (location != NULL && *location != '\0')
        text = g_strdup_printf ("%s %s\n%s\n%s", times, quorum_occurrence_get_title (occurrence),
                                location, status);
      else
        text = g_strdup_printf ("%s %s\n%s", times, quorum_occurrence_get_title (occurrence),
                                status);
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
  *natural = header_nat;
  for (guint i = 0; i < self->occurrences->len && i < self->chips->len; i++)
    {
      int chip_nat;

      gtk_widget_measure (g_ptr_array_index (self->chips, i), orientation, -1, NULL, &chip_nat,
                          NULL, NULL);
      *natural += chip_nat + CHIP_SPACING;
    }
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
  int header_height, chip_height = 1, more_height = 0;
  int y;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_height,
                      NULL, NULL);
  gtk_widget_allocate (self->header, width, header_height, -1, NULL);
  y = header_height + CHIP_SPACING;

  /* Every chip is one line of the same font: the first tells the height. */
  if (n_chips > 0)
    gtk_widget_measure (fill_chip (self, 0), GTK_ORIENTATION_VERTICAL, width, NULL, &chip_height,
                        NULL, NULL);
  chip_height = MAX (chip_height, 1);

  fit = MAX (height - y, 0) / (chip_height + CHIP_SPACING);
  if (total <= fit && self->n_hidden == 0)
    shown = total;
  else
    shown = MIN (fit > 0 ? fit - 1 : 0, n_chips);

  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkWidget *chip = g_ptr_array_index (self->chips, i);

      gtk_widget_set_child_visible (chip, i < shown);
      if (i < shown)
        {
          fill_chip (self, i);
          gtk_widget_allocate (chip, width, chip_height, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
          y += chip_height + CHIP_SPACING;
        }
    }
  /* Chips made by fill_chip() in this pass. */
  for (guint i = self->chips->len; i < shown; i++)
    {
      GtkWidget *chip = fill_chip (self, i);

      gtk_widget_set_child_visible (chip, TRUE);
      gtk_widget_allocate (chip, width, chip_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += chip_height + CHIP_SPACING;
    }

  if (shown < total)
    {
      g_autofree char *more = NULL;

      g_autofree char *escaped = NULL;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", total - shown),
                              total - shown);
      /* A chip, not a label: its text is shaped once for every cell and
       * month that shows it; the same text again costs nothing. */
      escaped = g_markup_escape_text (more, -1);
      quorum_month_chip_set_markup (QUORUM_MONTH_CHIP (self->more_label), escaped, more);
      gtk_widget_measure (self->more_label, GTK_ORIENTATION_VERTICAL, width, NULL, &more_height,
                          NULL, NULL);
      gtk_widget_set_child_visible (self->more_label, TRUE);
      gtk_widget_allocate (self->more_label, width, MIN (more_height, MAX (height - y, 0)), -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
    }
  else
    {
      gtk_widget_set_child_visible (self->more_label, FALSE);
    }

  self->n_shown = shown;
}

static void
quorum_month_cell_dispose (GObject *object)
{
  QuorumMonthCell *self = (QuorumMonthCell *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->header = self->day_label = self->name_label = self->badge = self->more_label = NULL;
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_pointer (&self->chip_shows, g_ptr_array_unref);
  g_clear_pointer (&self->chip_keys, g_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_month_cell_parent_class)->dispose (object);
}

static void
quorum_month_cell_finalize (GObject *object)
{
  QuorumMonthCell *self = (QuorumMonthCell *)object;

  g_clear_pointer (&self->mark_name, g_free);
  g_clear_pointer (&self->label, g_free);

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
  widget_class->query_tooltip = quorum_month_cell_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "monthcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
quorum_month_cell_init (QuorumMonthCell *self)
{
  g_date_clear (&self->date, 1);
  self->chips = g_ptr_array_new ();
  self->chip_shows = g_ptr_array_new ();
  self->chip_keys = g_array_new (FALSE, TRUE, sizeof (ChipKey));
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

  self->more_label = quorum_month_chip_new ();
  gtk_widget_add_css_class (self->more_label, "more");
  gtk_widget_set_parent (self->more_label, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->more_label, FALSE);
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
  match_chips (self);
  /* The array may hold new objects at old addresses: refill every chip. */
  for (guint i = 0; i < self->chip_shows->len; i++)
    g_ptr_array_index (self->chip_shows, i) = NULL;

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

/* Returns: (transfer none) (nullable): the occurrence @chip shows */
QuorumOccurrence *
quorum_month_cell_get_chip_occurrence (QuorumMonthCell *self,
                                       GtkWidget       *chip)
{
  guint i;

  g_return_val_if_fail (QUORUM_IS_MONTH_CELL (self), NULL);

  if (!g_ptr_array_find (self->chips, chip, &i) || i >= self->occurrences->len)
    return NULL;

  return g_ptr_array_index (self->occurrences, i);
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

  if (!gtk_widget_get_child_visible (self->more_label))
    return NULL;

  return quorum_month_chip_get_text (QUORUM_MONTH_CHIP (self->more_label));
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
