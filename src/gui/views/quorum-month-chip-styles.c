/* quorum-month-chip-styles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-month-chip-styles"

#include "config.h"

#include "quorum-gui-utils.h"
#include "quorum-month-chip-styles.h"

/* The key of the "+N more" line: no event has it. */
static const char more_kind[] = "more";

/**
 * QuorumMonthChipStyles:
 *
 * How the chips of the month grid look, for the cells that draw them. It
 * holds a #QuorumMonthChip per look, styled by CSS as a chip of that kind,
 * status and move would be in a `monthcell` (one #QuorumMonthChipStyles per
 * kind of cell: of the month shown, or of another month, whose chips are
 * faded). The prototypes are never drawn themselves; a cell draws each of
 * its events as its look's background and border, in its opacity, with the
 * event's text in its font and colour.
 *
 * Before, each cell had a chip widget per event: a month switch then
 * restyled, allocated and drew about a hundred widgets, even when they
 * looked as the month before. Here a look is styled once, when the theme
 * changes, and its background is kept for the sizes chips have.
 */
struct _QuorumChipLook
{
  QuorumChipKey  key;
  GtkWidget     *prototype;
  guint          serial;       /* the prototype's style the rest was taken from */
  GtkBorder      extents;      /* border and padding: where the text goes */
  float          opacity;
  struct
  {
    int            width;
    int            height;
    GskRenderNode *node;
  }              backgrounds[2];
  guint          next_background;
};

struct _QuorumMonthChipStyles
{
  GtkWidget   parent_instance;

  GHashTable *looks;           /* QuorumChipKey → QuorumChipLook, owned */
};

G_DEFINE_FINAL_TYPE (QuorumMonthChipStyles, quorum_month_chip_styles, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
chip_key_hash (gconstpointer data)
{
  const QuorumChipKey *key = data;

  return g_direct_hash (key->kind) ^ ((guint)key->status * 31u) ^ (key->moved ? 0x8000u : 0u);
}

static gboolean
chip_key_equal (gconstpointer a,
                gconstpointer b)
{
  const QuorumChipKey *ka = a;
  const QuorumChipKey *kb = b;

  return ka->kind == kb->kind && ka->status == kb->status && !ka->moved == !kb->moved;
}

static void
clear_backgrounds (QuorumChipLook *look)
{
  for (guint i = 0; i < G_N_ELEMENTS (look->backgrounds); i++)
    {
      g_clear_pointer (&look->backgrounds[i].node, gsk_render_node_unref);
      look->backgrounds[i].width = look->backgrounds[i].height = -1;
    }
}

static void
chip_look_free (gpointer data)
{
  QuorumChipLook *look = data;

  clear_backgrounds (look);
  g_free (look);
}

/* The prototype has no text of its own: its natural size is its padding and
 * border around an empty line. */
static void
allocate_prototype (GtkWidget *prototype)
{
  int width, height;

  gtk_widget_measure (prototype, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (prototype, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  gtk_widget_allocate (prototype, MAX (width, 1), MAX (height, 1), -1, NULL);
}

/* @node without the opacity it is drawn in, which goes to @opacity. */
static void
find_opacity (GskRenderNode *node,
              float         *opacity)
{
  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_OPACITY_NODE:
      *opacity *= gsk_opacity_node_get_opacity (node);
      break;
    case GSK_TRANSFORM_NODE:
      find_opacity (gsk_transform_node_get_child (node), opacity);
      break;
    case GSK_DEBUG_NODE:
      find_opacity (gsk_debug_node_get_child (node), opacity);
      break;
    default:
      break;
    }
}

/* Takes what CSS says of the look anew if its style changed. */
static void
ensure_current (QuorumChipLook *look)
{
  QuorumMonthChip *prototype = QUORUM_MONTH_CHIP (look->prototype);
  GtkStyleContext *context;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GtkBorder padding, border;

  if (look->serial == quorum_month_chip_get_style_serial (prototype))
    return;

  look->serial = quorum_month_chip_get_style_serial (prototype);
  clear_backgrounds (look);

  context = gtk_widget_get_style_context (look->prototype);
  gtk_style_context_get_padding (context, &padding);
  gtk_style_context_get_border (context, &border);
  look->extents.left = padding.left + border.left;
  look->extents.right = padding.right + border.right;
  look->extents.top = padding.top + border.top;
  look->extents.bottom = padding.bottom + border.bottom;

  /* CSS opacity has no getter: GTK puts it in the prototype's drawing. */
  look->opacity = 1.0;
  allocate_prototype (look->prototype);
  snapshot = gtk_snapshot_new ();
  gtk_widget_snapshot_child (gtk_widget_get_parent (look->prototype), look->prototype, snapshot);
  if ((node = gtk_snapshot_free_to_node (snapshot)) != NULL)
    {
      find_opacity (node, &look->opacity);
      gsk_render_node_unref (node);
    }
}

/* The look's background and border at @width × @height, kept for the two
 * sizes last asked for: the grid's columns differ by a pixel. */
static GskRenderNode *
get_background (QuorumChipLook *look,
                int             width,
                int             height)
{
  GtkStyleContext *context;
  GtkSnapshot *snapshot;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (look->backgrounds); i++)
    if (look->backgrounds[i].width == width && look->backgrounds[i].height == height)
      return look->backgrounds[i].node;

  i = look->next_background;
  look->next_background = (i + 1) % G_N_ELEMENTS (look->backgrounds);
  g_clear_pointer (&look->backgrounds[i].node, gsk_render_node_unref);

  context = gtk_widget_get_style_context (look->prototype);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_render_background (snapshot, context, 0, 0, width, height);
  gtk_snapshot_render_frame (snapshot, context, 0, 0, width, height);
  look->backgrounds[i].node = gtk_snapshot_free_to_node (snapshot);
  look->backgrounds[i].width = width;
  look->backgrounds[i].height = height;

  return look->backgrounds[i].node;
}

static void
on_style_changed_cb (QuorumMonthChipStyles *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
quorum_month_chip_styles_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  /* Never shown: it takes no room. */
  *minimum = *natural = 0;
}

static void
quorum_month_chip_styles_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    allocate_prototype (child);
}

static void
quorum_month_chip_styles_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  /* The prototypes are drawn through the cells' chips only. */
}

static void
quorum_month_chip_styles_dispose (GObject *object)
{
  QuorumMonthChipStyles *self = (QuorumMonthChipStyles *)object;
  GtkWidget *child;

  g_clear_pointer (&self->looks, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (quorum_month_chip_styles_parent_class)->dispose (object);
}

static void
quorum_month_chip_styles_class_init (QuorumMonthChipStylesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_month_chip_styles_dispose;
  widget_class->measure = quorum_month_chip_styles_measure;
  widget_class->size_allocate = quorum_month_chip_styles_size_allocate;
  widget_class->snapshot = quorum_month_chip_styles_snapshot;

  /**
   * QuorumMonthChipStyles::changed:
   *
   * A look changed (a theme, another style sheet, other fonts): the chips
   * drawn in it must be drawn again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The chips' CSS is written for chips in a cell. */
  gtk_widget_class_set_css_name (widget_class, "monthcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
quorum_month_chip_styles_init (QuorumMonthChipStyles *self)
{
  self->looks = g_hash_table_new_full (chip_key_hash, chip_key_equal, NULL, chip_look_free);
  /* Its own CSS (a cell's border) is not drawn either. */
  gtk_widget_set_opacity (GTK_WIDGET (self), 0.0);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
}

/**
 * quorum_month_chip_styles_new:
 * @other_month: whether the looks are those of chips in days of another
 *   month than the one shown
 *
 * Returns: a #QuorumMonthChipStyles, to be a child of the month view
 */
GtkWidget *
quorum_month_chip_styles_new (gboolean other_month)
{
  GtkWidget *self = g_object_new (QUORUM_TYPE_MONTH_CHIP_STYLES, NULL);

  if (other_month)
    gtk_widget_add_css_class (self, "other-month");

  return self;
}

/**
 * quorum_month_chip_styles_lookup:
 * @self: a #QuorumMonthChipStyles
 * @key: the classes of a chip
 *
 * Returns: (transfer none): the look of chips with @key's classes, made the
 *   first time it is asked for and kept as long as @self
 */
QuorumChipLook *
quorum_month_chip_styles_lookup (QuorumMonthChipStyles *self,
                                 const QuorumChipKey   *key)
{
  QuorumChipLook *look;
  const char *classes[5] = { NULL };
  guint n = 0;

  g_return_val_if_fail (QUORUM_IS_MONTH_CHIP_STYLES (self), NULL);

  if ((look = g_hash_table_lookup (self->looks, key)) != NULL)
    return look;

  look = g_new0 (QuorumChipLook, 1);
  look->key = *key;
  clear_backgrounds (look);
  look->prototype = quorum_month_chip_new ();
  if (key->kind == more_kind)
    {
      classes[n++] = "more";
    }
  else
    {
      classes[n++] = "chip";
      classes[n++] = key->kind;
      classes[n++] = quorum_occurrence_status_css_class (key->status);
      if (key->moved)
        classes[n++] = "moved";
    }
  quorum_month_chip_set_classes (QUORUM_MONTH_CHIP (look->prototype), classes);
  gtk_widget_set_parent (look->prototype, GTK_WIDGET (self));
  g_signal_connect_object (look->prototype, "style-changed", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->looks, &look->key, look);

  return look;
}

/* Returns: (transfer none): the look of the "+N more" line */
QuorumChipLook *
quorum_month_chip_styles_get_more (QuorumMonthChipStyles *self)
{
  return quorum_month_chip_styles_lookup (self, &(QuorumChipKey) { more_kind, -1, FALSE });
}

/* Returns: (transfer none): the chip whose font the look's text is shaped in */
QuorumMonthChip *
quorum_chip_look_get_prototype (QuorumChipLook *look)
{
  return QUORUM_MONTH_CHIP (look->prototype);
}

/**
 * quorum_chip_look_update:
 * @look: a #QuorumChipLook
 *
 * Takes what CSS says of the look now, if its style changed. Drawing does
 * it too; a cell asks in its allocation, so that prototypes are laid out
 * with the rest of the view, not while it is drawn.
 */
void
quorum_chip_look_update (QuorumChipLook *look)
{
  ensure_current (look);
}

/* Returns: the height of a chip of this look showing @text */
int
quorum_chip_look_get_height (QuorumChipLook *look,
                             QuorumChipText *text)
{
  ensure_current (look);

  return quorum_chip_text_get_height (text) + look->extents.top + look->extents.bottom;
}

/**
 * quorum_chip_look_snapshot:
 * @look: a #QuorumChipLook
 * @snapshot: where to draw, at the chip's top left corner
 * @width: the chip's width
 * @height: the chip's height
 * @text: what the chip shows, shaped in the font of the look's prototype
 *
 * Draws a chip of the look as the prototype would draw itself at that size
 * with that text: background, border and text, all in its opacity.
 */
void
quorum_chip_look_snapshot (QuorumChipLook *look,
                           GtkSnapshot    *snapshot,
                           int             width,
                           int             height,
                           QuorumChipText *text)
{
  GskRenderNode *background;

  ensure_current (look);
  background = get_background (look, width, height);

  if (look->opacity < 1.0)
    gtk_snapshot_push_opacity (snapshot, look->opacity);
  if (background != NULL)
    gtk_snapshot_append_node (snapshot, background);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (look->extents.left, look->extents.top));
  quorum_month_chip_snapshot_text (QUORUM_MONTH_CHIP (look->prototype), snapshot, text,
                                   width - look->extents.left - look->extents.right);
  gtk_snapshot_restore (snapshot);
  if (look->opacity < 1.0)
    gtk_snapshot_pop (snapshot);
}
