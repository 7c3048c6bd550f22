/* quorum-month-chip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-month-chip"

#include "config.h"

#include <pango/pangocairo.h>

#include "quorum-gui-utils.h"
#include "quorum-month-chip.h"

/* Shaped chips kept for later months; past this the cache starts again. */
#define MAX_SHAPED 2048

/**
 * QuorumMonthChip:
 *
 * The prototype of a look of the month grid's chips (see
 * #QuorumMonthChipStyles): styled by CSS like a label (`.chip` and the kind
 * and status classes), it shows no text of its own and is never drawn.
 * #QuorumMonthCell draws each event as a chip of its look, with the event's
 * text in the prototype's font and colour: quorum_month_chip_shape() and
 * quorum_month_chip_snapshot_text(). The shaped text (a #QuorumChipText: a
 * #PangoLayout, and the render node drawing it) is shared by every chip that
 * shows the same markup in the same font, and kept across month switches. A
 * month switch then costs a hash lookup per chip, not a run of Pango,
 * however many times the month was shown before.
 */

/* A font, with the texts shaped in it. Chips hold a reference to the font
 * they are in; the table of fonts holds one too until the system's fonts
 * change. */
typedef struct
{
  guint         serial;
  PangoContext *context;       /* our own: a widget's follows its CSS */
  GHashTable   *texts;         /* markup → QuorumChipText, not ellipsized */
} ChipFont;

struct _QuorumChipText
{
  char           *markup;
  PangoLayout    *layout;
  guint           font_serial;
  int             box_width;   /* ellipsized to this; -1: not */
  int             width;
  int             height;
  /* The text drawn in the last two colours asked for (a chip's colour
   * follows its status). */
  GskRenderNode  *nodes[2];
  GdkRGBA         colors[2];
  guint           next_node;
  /* The same text ellipsized at the last two widths drawn: columns of the
   * grid differ by a pixel. */
  QuorumChipText *ellipsized[2];
  guint           next_ellipsized;
};

struct _QuorumMonthChip
{
  GtkWidget       parent_instance;

  ChipFont       *font;        /* until the chip's style or the system's fonts change */
  guint           style_serial;
};

G_DEFINE_FINAL_TYPE (QuorumMonthChip, quorum_month_chip, GTK_TYPE_WIDGET)

enum
{
  STYLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "font resolution" → ChipFont */
static GHashTable *fonts;
static guint next_font_serial = 1;

static void
chip_text_clear (QuorumChipText *text)
{
  g_clear_pointer (&text->markup, g_free);
  g_clear_object (&text->layout);
  for (guint i = 0; i < G_N_ELEMENTS (text->nodes); i++)
    g_clear_pointer (&text->nodes[i], gsk_render_node_unref);
  for (guint i = 0; i < G_N_ELEMENTS (text->ellipsized); i++)
    g_clear_pointer (&text->ellipsized[i], quorum_chip_text_unref);
}

void
quorum_chip_text_unref (QuorumChipText *text)
{
  g_rc_box_release_full (text, (GDestroyNotify)chip_text_clear);
}

static QuorumChipText *
chip_text_new (PangoLayout *layout,
               guint        font_serial,
               int          box_width)
{
  QuorumChipText *text = g_rc_box_new0 (QuorumChipText);
  PangoRectangle logical;

  text->layout = layout;
  text->font_serial = font_serial;
  text->box_width = box_width;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  text->width = logical.width;
  text->height = logical.height;

  return text;
}

static void
chip_font_clear (ChipFont *font)
{
  g_clear_object (&font->context);
  g_clear_pointer (&font->texts, g_hash_table_unref);
}

static void
chip_font_unref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify)chip_font_clear);
}

static ChipFont *
chip_font_new (GtkWidget *widget)
{
  PangoContext *widget_context = gtk_widget_get_pango_context (widget);
  const cairo_font_options_t *options;
  ChipFont *font = g_rc_box_new0 (ChipFont);

  font->serial = next_font_serial++;
  font->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)quorum_chip_text_unref);
  font->context = pango_font_map_create_context (pango_context_get_font_map (widget_context));
  pango_context_set_font_description (font->context,
                                      pango_context_get_font_description (widget_context));
  pango_context_set_language (font->context, pango_context_get_language (widget_context));
  pango_context_set_base_dir (font->context, pango_context_get_base_dir (widget_context));
  pango_context_set_round_glyph_positions (font->context,
                                           pango_context_get_round_glyph_positions (widget_context));
  pango_cairo_context_set_resolution (font->context,
                                      pango_cairo_context_get_resolution (widget_context));
  if ((options = pango_cairo_context_get_font_options (widget_context)) != NULL)
    pango_cairo_context_set_font_options (font->context, options);

  return font;
}

/* Kept until the chip's style or the system's fonts change: a switch asks
 * for it for every chip, and writing out its key was a tenth of a chip's
 * layout. */
static ChipFont *
get_font (QuorumMonthChip *self)
{
  PangoContext *context;
  g_autofree char *description = NULL;
  g_autofree char *key = NULL;
  ChipFont *font;

  if (self->font != NULL)
    return self->font;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  description = pango_font_description_to_string (pango_context_get_font_description (context));
  key = g_strdup_printf ("%s %g", description, pango_cairo_context_get_resolution (context));
  if (fonts == NULL)
    fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, chip_font_unref);
  if ((font = g_hash_table_lookup (fonts, key)) == NULL)
    {
      font = chip_font_new (GTK_WIDGET (self));
      g_hash_table_insert (fonts, g_steal_pointer (&key), font);
    }

  self->font = g_rc_box_acquire (font);
  return font;
}

/* Returns: (transfer none): @markup shaped in @font, not ellipsized */
static QuorumChipText *
lookup_text (ChipFont   *font,
             const char *markup)
{
  QuorumChipText *text;
  PangoLayout *layout;

  if (markup == NULL)
    markup = "";
  if ((text = g_hash_table_lookup (font->texts, markup)) != NULL)
    return text;

  if (g_hash_table_size (font->texts) >= MAX_SHAPED)
    g_hash_table_remove_all (font->texts);

  layout = pango_layout_new (font->context);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  text = chip_text_new (layout, font->serial, -1);
  text->markup = g_strdup (markup);
  g_hash_table_insert (font->texts, text->markup, text);

  return text;
}

/* Returns: (transfer none): @text as drawn @width pixels wide */
static QuorumChipText *
text_for_width (QuorumChipText *text,
                int             width)
{
  QuorumChipText *ellipsized;
  PangoLayout *layout;
  guint i;

  /* Text that fits needs no ellipsis: shaped without a width (as measured),
   * it is drawn just as it would be at @width, left-to-right. */
  if (width < 0 || (text->width <= width
                    && pango_layout_get_direction (text->layout, 0) == PANGO_DIRECTION_LTR))
    return text;

  for (i = 0; i < G_N_ELEMENTS (text->ellipsized); i++)
    if (text->ellipsized[i] != NULL && text->ellipsized[i]->box_width == width)
      return text->ellipsized[i];

  /* A copy of the shaped text, not the markup parsed again. */
  layout = pango_layout_copy (text->layout);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  ellipsized = chip_text_new (layout, text->font_serial, width);

  i = text->next_ellipsized;
  text->next_ellipsized = (i + 1) % G_N_ELEMENTS (text->ellipsized);
  g_clear_pointer (&text->ellipsized[i], quorum_chip_text_unref);
  text->ellipsized[i] = ellipsized;

  return ellipsized;
}

static GskRenderNode *
get_text_node (QuorumChipText *text,
               const GdkRGBA  *color)
{
  GtkSnapshot *snapshot;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (text->nodes); i++)
    if (text->nodes[i] != NULL && gdk_rgba_equal (&text->colors[i], color))
      return text->nodes[i];

  i = text->next_node;
  text->next_node = (i + 1) % G_N_ELEMENTS (text->nodes);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_layout (snapshot, text->layout, color);
  g_clear_pointer (&text->nodes[i], gsk_render_node_unref);
  text->nodes[i] = gtk_snapshot_free_to_node (snapshot);
  text->colors[i] = *color;

  return text->nodes[i];
}

/* Forgets the chip's font, for another style or other fonts. */
static void
forget_font (QuorumMonthChip *self)
{
  g_clear_pointer (&self->font, chip_font_unref);
}

/* No text of its own: as wide as its padding and border, as tall as an
 * empty line in its font with them. */
static void
quorum_month_chip_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumMonthChip *self = QUORUM_MONTH_CHIP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = lookup_text (get_font (self), "")->height;
}

/* Draws @text in the chip's colour at the origin, @width wide. */
static void
snapshot_text (QuorumMonthChip *self,
               GtkSnapshot     *snapshot,
               QuorumChipText  *text,
               int              width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GskRenderNode *node;
  GdkRGBA color;

  text = text_for_width (text, width);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if ((node = get_text_node (text, &color)) != NULL)
    gtk_snapshot_append_node (snapshot, node);

  /* Cancelled chips are struck through here rather than with Pango: the
   * CJK fonts give Pango a strikethrough of no thickness, so Chinese titles
   * would show no line at all. Thinner lines vanish in GTK 4.8's renderers. */
  if (gtk_widget_has_css_class (widget, "cancelled"))
    {
      color.alpha *= 0.7;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (0, text->height / 2.0 - 1,
                                                      MIN (text->width, width), 1.5));
    }
}

static void
quorum_month_chip_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (quorum_month_chip_parent_class)->css_changed (widget, change);

  /* Maybe another font (.moved is italic): look the text up again. */
  forget_font (QUORUM_MONTH_CHIP (widget));
  QUORUM_MONTH_CHIP (widget)->style_serial++;
  gtk_widget_queue_resize (widget);
  g_signal_emit (widget, signals[STYLE_CHANGED], 0);
}

static void
quorum_month_chip_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (quorum_month_chip_parent_class)->system_setting_changed (widget, setting);

  /* New fonts, hinting or resolution: nothing shaped before is right.
   * Chips still holding a font from before let go of it here too. */
  if (fonts != NULL)
    g_hash_table_remove_all (fonts);
  forget_font (QUORUM_MONTH_CHIP (widget));
  QUORUM_MONTH_CHIP (widget)->style_serial++;
  gtk_widget_queue_resize (widget);
  g_signal_emit (widget, signals[STYLE_CHANGED], 0);
}

static void
quorum_month_chip_finalize (GObject *object)
{
  QuorumMonthChip *self = (QuorumMonthChip *)object;

  forget_font (self);

  G_OBJECT_CLASS (quorum_month_chip_parent_class)->finalize (object);
}

static void
quorum_month_chip_class_init (QuorumMonthChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_month_chip_finalize;
  widget_class->measure = quorum_month_chip_measure;
  widget_class->css_changed = quorum_month_chip_css_changed;
  widget_class->system_setting_changed = quorum_month_chip_system_setting_changed;

  /**
   * QuorumMonthChip::style-changed:
   *
   * The chip's style or fonts changed: what was drawn in its style is out
   * of date. Cells drawing chips in the style of this one draw again.
   */
  signals[STYLE_CHANGED] = g_signal_new ("style-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  /* Styled as the label it replaces. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
quorum_month_chip_init (QuorumMonthChip *self)
{
  self->style_serial = 1;
}

GtkWidget *
quorum_month_chip_new (void)
{
  return g_object_new (QUORUM_TYPE_MONTH_CHIP, NULL);
}

/* Sets the CSS classes unless they are those already set, in any order:
 * setting the same ones again would still restyle the chip. */
void
quorum_month_chip_set_classes (QuorumMonthChip  *self,
                               const char      **classes)
{
  g_return_if_fail (QUORUM_IS_MONTH_CHIP (self));

  quorum_widget_set_css_classes (GTK_WIDGET (self), classes);
}

/**
 * quorum_month_chip_shape:
 * @self: a #QuorumMonthChip, for its font
 * @markup: Pango markup, one line
 *
 * Returns: (transfer full): @markup shaped in the chip's font, shared with
 *   every chip that shows it in that font
 */
QuorumChipText *
quorum_month_chip_shape (QuorumMonthChip *self,
                         const char      *markup)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CHIP (self), NULL);

  return g_rc_box_acquire (lookup_text (get_font (self), markup));
}

/**
 * quorum_month_chip_has_font_of:
 * @self: a #QuorumMonthChip
 * @text: text from quorum_month_chip_shape()
 *
 * Returns: whether @text is shaped in the chip's font as it is now
 */
gboolean
quorum_month_chip_has_font_of (QuorumMonthChip *self,
                               QuorumChipText  *text)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CHIP (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return get_font (self)->serial == text->font_serial;
}

int
quorum_chip_text_get_height (QuorumChipText *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return text->height;
}

/**
 * quorum_month_chip_snapshot_text:
 * @self: a #QuorumMonthChip, for its colour and classes
 * @snapshot: where to draw
 * @text: text from quorum_month_chip_shape() on @self
 * @width: the width to ellipsize @text to
 *
 * Draws @text as the chip would draw it as its own, at the origin of
 * @snapshot, without the chip's background and border.
 */
void
quorum_month_chip_snapshot_text (QuorumMonthChip *self,
                                 GtkSnapshot     *snapshot,
                                 QuorumChipText  *text,
                                 int              width)
{
  g_return_if_fail (QUORUM_IS_MONTH_CHIP (self));
  g_return_if_fail (text != NULL);

  if (text->markup[0] == '\0')
    return;

  snapshot_text (self, snapshot, text, width);
}

/* Returns: a number that changes whenever the chip's style or fonts do */
guint
quorum_month_chip_get_style_serial (QuorumMonthChip *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CHIP (self), 0);

  return self->style_serial;
}
