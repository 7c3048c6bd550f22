/* quorum-matrix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-matrix"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-compliance-summary.h"
#include "quorum-matrix.h"
#include "quorum-obligations-utils.h"

/**
 * QuorumMatrix:
 *
 * The office dashboard's grid: duties down, subjects across, each cell in
 * the supervision colour of its status with a mark and the figures
 * (“✓ 2/4”). One widget draws every cell with #GtkSnapshot, so 50 people ×
 * 40 duties stay cheap; it scrolls as a #GtkScrollable with the duty column
 * and the subject row kept in view. A click, Enter or Space on a cell emits
 * #QuorumMatrix::cell-activated. The arrow keys move between cells.
 */

#define ROW_HEIGHT     34
#define HEADER_HEIGHT  40
#define MIN_COLUMN     76
#define MAX_COLUMN    150
#define MAX_ROW_HEADER 340

typedef struct
{
  QuorumSubjectKind  kind;
  gint64             id;
  char              *label;
} Subject;

typedef struct
{
  gboolean                present;
  QuorumComplianceStatus  status;
  char                   *figures;
  GPtrArray              *results;
} Cell;

struct _QuorumMatrix
{
  GtkWidget      parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  GPtrArray     *row_ids;
  GPtrArray     *row_labels;
  GArray        *columns;
  Cell          *cells;
  guint          n_rows;
  guint          n_columns;

  int            focus_row;
  int            focus_column;
  int            row_header_width;
  int            column_width;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumMatrix, quorum_matrix, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
subject_clear (Subject *subject)
{
  g_clear_pointer (&subject->label, g_free);
}

static void
clear_cells (QuorumMatrix *self)
{
  for (guint i = 0; self->cells != NULL && i < self->n_rows * self->n_columns; i++)
    {
      g_clear_pointer (&self->cells[i].figures, g_free);
      g_clear_pointer (&self->cells[i].results, g_ptr_array_unref);
    }
  g_clear_pointer (&self->cells, g_free);
  g_ptr_array_set_size (self->row_ids, 0);
  g_ptr_array_set_size (self->row_labels, 0);
  g_array_set_size (self->columns, 0);
  self->n_rows = self->n_columns = 0;
}

static Cell *
get_cell (QuorumMatrix *self,
          guint         row,
          guint         column)
{
  return &self->cells[row * self->n_columns + column];
}

static double
hvalue (QuorumMatrix *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (QuorumMatrix *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
measure_headers (QuorumMatrix *self)
{
  int widest = 0;

  self->column_width = MIN_COLUMN;
  for (guint c = 0; c < self->n_columns; c++)
    self->column_width = MAX (self->column_width,
                              MIN (MAX_COLUMN, text_width (GTK_WIDGET (self),
                                                           g_array_index (self->columns, Subject, c).label) + 16));

  /* Cells are as wide as the widest figures ("62%/50%"). There are only a few
   * distinct texts among thousands of cells: measure each once. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < self->n_rows * self->n_columns; i++)
      {
        const char *figures = self->cells[i].figures;
        g_autofree char *sample = NULL;

        if (!self->cells[i].present || figures == NULL || !g_hash_table_add (seen, (char *)figures))
          continue;
        sample = g_strdup_printf ("✓ %s", figures);
        self->column_width = MAX (self->column_width,
                                  MIN (MAX_COLUMN, text_width (GTK_WIDGET (self), sample) + 24));
      }
  }

  for (guint r = 0; r < self->n_rows; r++)
    widest = MAX (widest, text_width (GTK_WIDGET (self), self->row_labels->pdata[r]));
  self->row_header_width = CLAMP (widest + 24, 160, MAX_ROW_HEADER);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page)
{
  double value;

  if (adjustment == NULL)
    return;
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (content - page, 0));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, page), 24, page * 0.9, page);
}

static void
update_adjustments (QuorumMatrix *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  configure_adjustment (self->hadjustment,
                        self->row_header_width + (double)self->n_columns * self->column_width, width);
  configure_adjustment (self->vadjustment, HEADER_HEIGHT + (double)self->n_rows * ROW_HEIGHT, height);
}

static void
describe (QuorumMatrix *self)
{
  g_autofree char *label = NULL;
  guint counts[QUORUM_COMPLIANCE_N_STATUSES] = { 0 };

  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    if (self->cells[i].present)
      counts[self->cells[i].status]++;
  /* Translators: the accessible description of the dashboard's grid */
  label = g_strdup_printf (_("Duties by subject: %u duties, %u subjects; %u cells met, %u open, "
                             "%u at risk, %u missed, %u remedied"),
                           self->n_rows, self->n_columns, counts[QUORUM_COMPLIANCE_MET],
                           counts[QUORUM_COMPLIANCE_OPEN], counts[QUORUM_COMPLIANCE_AT_RISK],
                           counts[QUORUM_COMPLIANCE_MISSED], counts[QUORUM_COMPLIANCE_REMEDIED]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static char *
dup_cell_text (QuorumMatrix *self,
               guint         row,
               guint         column)
{
  Cell *cell = get_cell (self, row, column);
  Subject *subject = &g_array_index (self->columns, Subject, column);
  g_autofree char *chip = NULL;
  QuorumComplianceResult *first;

  if (!cell->present)
    /* Translators: a dashboard cell where the duty does not bind the subject */
    return g_strdup_printf (_("%1$s · %2$s: not bound"), (char *)self->row_labels->pdata[row],
                            subject->label);
  chip = quorum_compliance_status_dup_chip_text (cell->status);
  first = cell->results->pdata[0];
  return g_strdup_printf ("%s · %s: %s %s\n%s", (char *)self->row_labels->pdata[row], subject->label,
                          chip, cell->figures,
                          cell->results->len == 1 ? quorum_compliance_result_get_explanation (first) : "");
}

static void
scroll_to_focus (QuorumMatrix *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double x = self->row_header_width + (double)self->focus_column * self->column_width;
  double y = HEADER_HEIGHT + (double)self->focus_row * ROW_HEIGHT;

  if (self->hadjustment != NULL)
    {
      if (x - self->row_header_width < hvalue (self))
        gtk_adjustment_set_value (self->hadjustment, x - self->row_header_width);
      else if (x + self->column_width > hvalue (self) + width)
        gtk_adjustment_set_value (self->hadjustment, x + self->column_width - width);
    }
  if (self->vadjustment != NULL)
    {
      if (y - HEADER_HEIGHT < vvalue (self))
        gtk_adjustment_set_value (self->vadjustment, y - HEADER_HEIGHT);
      else if (y + ROW_HEIGHT > vvalue (self) + height)
        gtk_adjustment_set_value (self->vadjustment, y + ROW_HEIGHT - height);
    }
}

static void
set_focus_cell (QuorumMatrix *self,
                int           row,
                int           column)
{
  g_autofree char *text = NULL;

  if (self->n_rows == 0 || self->n_columns == 0)
    return;
  self->focus_row = CLAMP (row, 0, (int)self->n_rows - 1);
  self->focus_column = CLAMP (column, 0, (int)self->n_columns - 1);
  text = dup_cell_text (self, self->focus_row, self->focus_column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  scroll_to_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
hit_test (QuorumMatrix *self,
          double        x,
          double        y,
          int          *row,
          int          *column)
{
  if (x < self->row_header_width || y < HEADER_HEIGHT)
    return FALSE;
  *column = (int)((x - self->row_header_width + hvalue (self)) / self->column_width);
  *row = (int)((y - HEADER_HEIGHT + vvalue (self)) / ROW_HEIGHT);
  return *row >= 0 && *row < (int)self->n_rows && *column >= 0 && *column < (int)self->n_columns;
}

static void
on_click_released_cb (QuorumMatrix    *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  int row, column;

  if (!hit_test (self, x, y, &row, &column))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_cell (self, row, column);
  if (get_cell (self, row, column)->present)
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, (guint)row, (guint)column);
}

static gboolean
on_key_pressed_cb (QuorumMatrix          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_focus_cell (self, self->focus_row, self->focus_column - 1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_focus_cell (self, self->focus_row, self->focus_column + 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_focus_cell (self, self->focus_row - 1, self->focus_column);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focus_cell (self, self->focus_row + 1, self->focus_column);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->n_rows > 0 && self->n_columns > 0 &&
          get_cell (self, self->focus_row, self->focus_column)->present)
        g_signal_emit (self, signals[CELL_ACTIVATED], 0, (guint)self->focus_row,
                       (guint)self->focus_column);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip_cb (QuorumMatrix *self,
                     int           x,
                     int           y,
                     gboolean      keyboard,
                     GtkTooltip   *tooltip)
{
  g_autofree char *text = NULL;
  int row = self->focus_row, column = self->focus_column;

  if (!keyboard && !hit_test (self, x, y, &row, &column))
    return FALSE;
  if (row >= (int)self->n_rows || column >= (int)self->n_columns)
    return FALSE;
  text = dup_cell_text (self, row, column);
  g_strchomp (text);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_adjustment_value_changed_cb (QuorumMatrix  *self,
                                GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (QuorumMatrix   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed",
                             G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  update_adjustments (self);
}

static void
append_text (GtkSnapshot    *snapshot,
             PangoLayout    *layout,
             const GdkRGBA  *colour,
             double          x,
             double          y,
             double          width,
             double          height,
             PangoAlignment  alignment,
             gboolean        bold)
{
  PangoFontDescription *desc = NULL;
  int text_height;

  pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  if (bold)
    {
      desc = pango_font_description_new ();
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
    }
  pango_layout_set_font_description (layout, desc);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
  g_clear_pointer (&desc, pango_font_description_free);
}

static double
cell_alpha (QuorumComplianceStatus status)
{
  switch (status)
    {
    case QUORUM_COMPLIANCE_MET:
    case QUORUM_COMPLIANCE_REMEDIED:
      return 0.22;
    case QUORUM_COMPLIANCE_OPEN:
      return 0.08;
    case QUORUM_COMPLIANCE_AT_RISK:
      return 0.35;
    case QUORUM_COMPLIANCE_MISSED:
    default:
      return 0.30;
    }
}

static void
quorum_matrix_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  QuorumMatrix *self = QUORUM_MATRIX (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double hv = hvalue (self), vv = vvalue (self);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, bg, line, dim, accent;
  guint first_row, last_row, first_column, last_column;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = fg;
  line.alpha *= 0.12;
  dim = fg;
  dim.alpha *= 0.55;

  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->n_rows == 0 || self->n_columns == 0)
    return;

  first_row = (guint)(vv / ROW_HEIGHT);
  last_row = MIN (self->n_rows, (guint)((vv + height) / ROW_HEIGHT) + 1);
  first_column = (guint)(hv / self->column_width);
  last_column = MIN (self->n_columns, (guint)((hv + width) / self->column_width) + 1);

  /* Cells, scrolled both ways. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->row_header_width, HEADER_HEIGHT,
                                                         MAX (width - self->row_header_width, 0),
                                                         MAX (height - HEADER_HEIGHT, 0)));
  for (guint r = first_row; r < last_row; r++)
    {
      double y = HEADER_HEIGHT + (double)r * ROW_HEIGHT - vv;

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (0, y + ROW_HEIGHT - 1, width, 1));
      for (guint c = first_column; c < last_column; c++)
        {
          Cell *cell = get_cell (self, r, c);
          double x = self->row_header_width + (double)c * self->column_width - hv;
          g_autofree char *text = NULL;
          GdkRGBA tint;

          if (!cell->present)
            {
              pango_layout_set_text (layout, "–", -1);
              append_text (snapshot, layout, &dim, x, y, self->column_width, ROW_HEIGHT,
                           PANGO_ALIGN_CENTER, FALSE);
              continue;
            }
          quorum_supervision_get_rgba (quorum_compliance_status_to_colour (cell->status), &tint);
          tint.alpha = cell_alpha (cell->status);
          gtk_snapshot_append_color (snapshot, &tint,
                                     &GRAPHENE_RECT_INIT (x + 2, y + 2, self->column_width - 4,
                                                          ROW_HEIGHT - 5));
          if (cell->status != QUORUM_COMPLIANCE_MET && cell->status != QUORUM_COMPLIANCE_OPEN)
            {
              /* A bar on the left edge for what needs attention. */
              tint.alpha = 1;
              gtk_snapshot_append_color (snapshot, &tint,
                                         &GRAPHENE_RECT_INIT (x + 2, y + 2, 3, ROW_HEIGHT - 5));
            }
          text = g_strdup_printf ("%s %s", quorum_compliance_status_symbol (cell->status), cell->figures);
          pango_layout_set_text (layout, text, -1);
          append_text (snapshot, layout, &fg, x + 4, y, self->column_width - 8, ROW_HEIGHT,
                       PANGO_ALIGN_CENTER, cell->status == QUORUM_COMPLIANCE_MISSED);
        }
    }
  if (gtk_widget_has_focus (widget))
    {
      double x = self->row_header_width + (double)self->focus_column * self->column_width - hv;
      double y = HEADER_HEIGHT + (double)self->focus_row * ROW_HEIGHT - vv;
      GskRoundedRect outline;
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colours[4] = { accent, accent, accent, accent };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x + 1, y + 1, self->column_width - 2,
                                                                      ROW_HEIGHT - 3), 3);
      gtk_snapshot_append_border (snapshot, &outline, widths, colours);
    }
  gtk_snapshot_pop (snapshot);

  /* The subject row stays at the top. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->row_header_width, 0,
                                                         MAX (width - self->row_header_width, 0),
                                                         HEADER_HEIGHT));
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));
  for (guint c = first_column; c < last_column; c++)
    {
      double x = self->row_header_width + (double)c * self->column_width - hv;

      pango_layout_set_text (layout, g_array_index (self->columns, Subject, c).label, -1);
      append_text (snapshot, layout, &fg, x + 4, 0, self->column_width - 8, HEADER_HEIGHT,
                   PANGO_ALIGN_CENTER, TRUE);
    }
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));

  /* The duty column stays at the left. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, self->row_header_width,
                                                         MAX (height - HEADER_HEIGHT, 0)));
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, self->row_header_width, height));
  for (guint r = first_row; r < last_row; r++)
    {
      double y = HEADER_HEIGHT + (double)r * ROW_HEIGHT - vv;

      pango_layout_set_text (layout, self->row_labels->pdata[r], -1);
      append_text (snapshot, layout, &fg, 12, y, self->row_header_width - 20, ROW_HEIGHT,
                   PANGO_ALIGN_LEFT, FALSE);
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (0, y + ROW_HEIGHT - 1, self->row_header_width, 1));
    }
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (self->row_header_width - 1, 0, 1, height));
}

static void
quorum_matrix_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  QuorumMatrix *self = QUORUM_MATRIX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->row_header_width + MIN_COLUMN;
      *natural = MAX (*minimum, self->row_header_width + (int)self->n_columns * self->column_width);
    }
  else
    {
      *minimum = HEADER_HEIGHT + ROW_HEIGHT;
      *natural = MAX (*minimum, HEADER_HEIGHT + (int)self->n_rows * ROW_HEIGHT);
    }
}

static void
quorum_matrix_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  update_adjustments (QUORUM_MATRIX (widget));
}

static void
quorum_matrix_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumMatrix *self = QUORUM_MATRIX (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_matrix_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QuorumMatrix *self = QUORUM_MATRIX (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_matrix_dispose (GObject *object)
{
  QuorumMatrix *self = (QuorumMatrix *)object;

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (quorum_matrix_parent_class)->dispose (object);
}

static void
quorum_matrix_finalize (GObject *object)
{
  QuorumMatrix *self = (QuorumMatrix *)object;

  clear_cells (self);
  g_ptr_array_unref (self->row_ids);
  g_ptr_array_unref (self->row_labels);
  g_array_unref (self->columns);

  G_OBJECT_CLASS (quorum_matrix_parent_class)->finalize (object);
}

static void
quorum_matrix_class_init (QuorumMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_matrix_dispose;
  object_class->finalize = quorum_matrix_finalize;
  object_class->get_property = quorum_matrix_get_property;
  object_class->set_property = quorum_matrix_set_property;
  widget_class->snapshot = quorum_matrix_snapshot;
  widget_class->measure = quorum_matrix_measure;
  widget_class->size_allocate = quorum_matrix_size_allocate;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * QuorumMatrix::cell-activated:
   * @self: the matrix
   * @row: the duty's row
   * @column: the subject's column
   *
   * A cell with results was clicked or activated from the keyboard.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "compliancematrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
quorum_matrix_init (QuorumMatrix *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->row_ids = g_ptr_array_new_with_free_func (g_free);
  self->row_labels = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (Subject));
  g_array_set_clear_func (self->columns, (GDestroyNotify)subject_clear);
  self->column_width = MIN_COLUMN;
  self->row_header_width = 160;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

GtkWidget *
quorum_matrix_new (void)
{
  return g_object_new (QUORUM_TYPE_MATRIX, NULL);
}

static guint
find_column (QuorumMatrix      *self,
             QuorumSubjectKind  kind,
             gint64             id)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      Subject *subject = &g_array_index (self->columns, Subject, c);

      if (subject->kind == kind && subject->id == id)
        return c;
    }
  return G_MAXUINT;
}

static guint
find_row (QuorumMatrix *self,
          const char   *duty_id)
{
  guint index;

  return g_ptr_array_find_with_equal_func (self->row_ids, duty_id, g_str_equal, &index)
         ? index : G_MAXUINT;
}

/**
 * quorum_matrix_set_results:
 * @self: a matrix
 * @rulebook: the duties, for their titles
 * @results: (element-type QuorumComplianceResult): what to show
 *
 * Lays out one row per duty and one column per subject, in the order they
 * first appear in @results (the rulebook's order and the office's). A cell
 * with one result shows its figures; a cell with several (the months of a
 * quarter, the enterprises of a per-unit duty) shows how many are met, and
 * takes the most urgent status among them.
 */
void
quorum_matrix_set_results (QuorumMatrix   *self,
                           QuorumRulebook *rulebook,
                           GPtrArray      *results)
{
  g_return_if_fail (QUORUM_IS_MATRIX (self));

  clear_cells (self);

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      const char *duty_id = quorum_compliance_result_get_duty_id (r);

      if (find_row (self, duty_id) == G_MAXUINT)
        {
          QuorumDuty *duty = quorum_rulebook_lookup (rulebook, duty_id);

          g_ptr_array_add (self->row_ids, g_strdup (duty_id));
          if (duty != NULL && quorum_duty_get_article (duty) > 0)
            /* Translators: a duty in the dashboard: its article and title */
            g_ptr_array_add (self->row_labels, g_strdup_printf (_("Art. %1$d · %2$s"),
                                                                quorum_duty_get_article (duty),
                                                                quorum_duty_get_title (duty)));
          else
            g_ptr_array_add (self->row_labels, g_strdup (duty ? quorum_duty_get_title (duty) : duty_id));
        }
      if (find_column (self, quorum_compliance_result_get_subject_kind (r),
                       quorum_compliance_result_get_subject_id (r)) == G_MAXUINT)
        {
          Subject subject = {
            quorum_compliance_result_get_subject_kind (r),
            quorum_compliance_result_get_subject_id (r),
            g_strdup (quorum_compliance_result_get_subject_label (r)),
          };

          g_array_append_val (self->columns, subject);
        }
    }

  self->n_rows = self->row_ids->len;
  self->n_columns = self->columns->len;
  self->cells = g_new0 (Cell, MAX (self->n_rows * self->n_columns, 1));

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      QuorumComplianceResult *r = results->pdata[i];
      Cell *cell = get_cell (self, find_row (self, quorum_compliance_result_get_duty_id (r)),
                             find_column (self, quorum_compliance_result_get_subject_kind (r),
                                          quorum_compliance_result_get_subject_id (r)));

      if (!cell->present)
        {
          cell->present = TRUE;
          cell->status = quorum_compliance_result_get_status (r);
          cell->results = g_ptr_array_new_with_free_func (g_object_unref);
        }
      else
        cell->status = quorum_compliance_status_worse (cell->status, quorum_compliance_result_get_status (r));
      g_ptr_array_add (cell->results, g_object_ref (r));
    }

  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    {
      Cell *cell = &self->cells[i];
      guint met = 0;

      if (!cell->present)
        continue;
      if (cell->results->len == 1)
        {
          QuorumComplianceResult *r = cell->results->pdata[0];

          cell->figures = quorum_compliance_result_format_figures (
            r, quorum_rulebook_lookup (rulebook, quorum_compliance_result_get_duty_id (r)));
          continue;
        }
      for (guint k = 0; k < cell->results->len; k++)
        {
          QuorumComplianceStatus status = quorum_compliance_result_get_status (cell->results->pdata[k]);

          met += status == QUORUM_COMPLIANCE_MET || status == QUORUM_COMPLIANCE_REMEDIED;
        }
      cell->figures = g_strdup_printf ("%u/%u", met, cell->results->len);
    }

  self->focus_row = MIN (self->focus_row, (int)MAX (self->n_rows, 1) - 1);
  self->focus_column = MIN (self->focus_column, (int)MAX (self->n_columns, 1) - 1);
  measure_headers (self);
  describe (self);
  update_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
quorum_matrix_get_n_rows (QuorumMatrix *self)
{
  g_return_val_if_fail (QUORUM_IS_MATRIX (self), 0);
  return self->n_rows;
}

guint
quorum_matrix_get_n_columns (QuorumMatrix *self)
{
  g_return_val_if_fail (QUORUM_IS_MATRIX (self), 0);
  return self->n_columns;
}

/**
 * quorum_matrix_get_cell_status:
 * @self: a matrix
 * @duty_id: a duty
 * @kind: the subject's kind
 * @subject_id: the subject
 * @status: (out) (optional): the cell's status
 *
 * For tests and accessibility: what a cell shows.
 *
 * Returns: whether the matrix has a cell with results there
 */
gboolean
quorum_matrix_get_cell_status (QuorumMatrix           *self,
                               const char             *duty_id,
                               QuorumSubjectKind       kind,
                               gint64                  subject_id,
                               QuorumComplianceStatus *status)
{
  guint row, column;
  Cell *cell;

  g_return_val_if_fail (QUORUM_IS_MATRIX (self), FALSE);

  row = find_row (self, duty_id);
  column = find_column (self, kind, subject_id);
  if (row == G_MAXUINT || column == G_MAXUINT)
    return FALSE;
  cell = get_cell (self, row, column);
  if (cell->present && status != NULL)
    *status = cell->status;
  return cell->present;
}

/**
 * quorum_matrix_get_cell_results:
 * @self: a matrix
 * @row: a row
 * @column: a column
 *
 * Returns: (transfer none) (nullable) (element-type QuorumComplianceResult):
 *   the results of the cell, %NULL when it has none
 */
GPtrArray *
quorum_matrix_get_cell_results (QuorumMatrix *self,
                                guint         row,
                                guint         column)
{
  g_return_val_if_fail (QUORUM_IS_MATRIX (self), NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  return get_cell (self, row, column)->results;
}

void
quorum_matrix_get_cell_area (QuorumMatrix *self,
                             guint         row,
                             guint         column,
                             GdkRectangle *area)
{
  g_return_if_fail (QUORUM_IS_MATRIX (self));

  area->x = (int)(self->row_header_width + (double)column * self->column_width - hvalue (self));
  area->y = (int)(HEADER_HEIGHT + (double)row * ROW_HEIGHT - vvalue (self));
  area->width = self->column_width;
  area->height = ROW_HEIGHT;
}
