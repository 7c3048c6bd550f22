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
 * One event in a day of the month grid: a line of text, ellipsized, styled
 * by CSS like a label (`.chip` and the kind and status classes). Unlike a
 * #GtkLabel it does not shape its text itself: the shaped text (a
 * #PangoLayout, and the render node drawing it) is shared by every chip that
 * shows the same markup in the same font at the same width, and kept across
 * month switches. A month switch then costs a hash lookup per chip, not a
 * run of Pango, however many times the month was shown before.
 */
typedef struct
{
  PangoLayout   *layout;
  int            width;
  int            height;
  /* The text drawn in the last two colours asked for (a chip's colour
   * follows its status). */
  GskRenderNode *nodes[2];
  GdkRGBA        colors[2];
  guint          next_node;
} ShapedText;

struct _QuorumMonthChip
{
  GtkWidget   parent_instance;

  char       *markup;
  char       *text;
  char       *font_key;       /* the font's part of the keys of shaped_texts */
  ShapedText *shaped;
  int         shaped_width;
};

G_DEFINE_FINAL_TYPE (QuorumMonthChip, quorum_month_chip, GTK_TYPE_WIDGET)

/* "font resolution\nwidth\nmarkup" → ShapedText */
static GHashTable *shaped_texts;
/* "font resolution" → a PangoContext of our own: a widget's context follows
 * its CSS, which would change the layouts made with it under other chips. */
static GHashTable *contexts;

static void
shaped_text_clear (ShapedText *shaped)
{
  g_clear_object (&shaped->layout);
  for (guint i = 0; i < G_N_ELEMENTS (shaped->nodes); i++)
    g_clear_pointer (&shaped->nodes[i], gsk_render_node_unref);
}

static void
shaped_text_unref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify)shaped_text_clear);
}

/* Kept until the chip's style or the system's fonts change: a switch asks
 * for it for every chip, and writing it out was a tenth of a chip's layout. */
static const char *
get_font_key (QuorumMonthChip *self)
{
  PangoContext *context;
  g_autofree char *font = NULL;

  if (self->font_key != NULL)
    return self->font_key;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_font_description_to_string (pango_context_get_font_description (context));
  self->font_key = g_strdup_printf ("%s %g", font, pango_cairo_context_get_resolution (context));
  return self->font_key;
}

static PangoContext *
context_for_font (GtkWidget  *widget,
                  const char *font_key)
{
  PangoContext *widget_context = gtk_widget_get_pango_context (widget);
  const cairo_font_options_t *options;
  PangoContext *context;

  if (contexts == NULL)
    contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if ((context = g_hash_table_lookup (contexts, font_key)) != NULL)
    return context;

  context = pango_font_map_create_context (pango_context_get_font_map (widget_context));
  pango_context_set_font_description (context, pango_context_get_font_description (widget_context));
  pango_context_set_language (context, pango_context_get_language (widget_context));
  pango_context_set_base_dir (context, pango_context_get_base_dir (widget_context));
  pango_context_set_round_glyph_positions (context,
                                           pango_context_get_round_glyph_positions (widget_context));
  pango_cairo_context_set_resolution (context, pango_cairo_context_get_resolution (widget_context));
  if ((options = pango_cairo_context_get_font_options (widget_context)) != NULL)
    pango_cairo_context_set_font_options (context, options);
  g_hash_table_insert (contexts, g_strdup (font_key), context);

  return context;
}

/* The chip's markup shaped at @width pixels (-1: not ellipsized). */
static ShapedText *
get_shaped (QuorumMonthChip *self,
            int              width)
{
  const char *font_key;
  g_autofree char *key = NULL;
  ShapedText *shaped;

  if (self->shaped != NULL && self->shaped_width == width)
    return self->shaped;
  /* Text that fits needs no ellipsis: shaped without a width (as measured),
   * it is drawn just as it would be at @width, left-to-right. */
  if (self->shaped != NULL && self->shaped_width < 0 && width >= 0
      && self->shaped->width <= width
      && pango_layout_get_direction (self->shaped->layout, 0) == PANGO_DIRECTION_LTR)
    return self->shaped;

  font_key = get_font_key (self);
  key = g_strdup_printf ("%s\n%d\n%s", font_key, width, self->markup != NULL ? self->markup : "");
  if (shaped_texts == NULL)
    shaped_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_text_unref);

  shaped = g_hash_table_lookup (shaped_texts, key);
  if (shaped == NULL)
    {
      PangoRectangle logical;

      if (g_hash_table_size (shaped_texts) >= MAX_SHAPED)
        g_hash_table_remove_all (shaped_texts);

      shaped = g_rc_box_new0 (ShapedText);
      shaped->layout = pango_layout_new (context_for_font (GTK_WIDGET (self), font_key));
      pango_layout_set_markup (shaped->layout, self->markup != NULL ? self->markup : "", -1);
      pango_layout_set_single_paragraph_mode (shaped->layout, TRUE);
      pango_layout_set_ellipsize (shaped->layout, PANGO_ELLIPSIZE_END);
      if (width >= 0)
        pango_layout_set_width (shaped->layout, width * PANGO_SCALE);
      pango_layout_get_pixel_extents (shaped->layout, NULL, &logical);
      shaped->width = logical.width;
      shaped->height = logical.height;
      g_hash_table_insert (shaped_texts, g_steal_pointer (&key), shaped);
    }

  g_clear_pointer (&self->shaped, shaped_text_unref);
  self->shaped = g_rc_box_acquire (shaped);
  self->shaped_width = width;

  return shaped;
}

static GskRenderNode *
get_text_node (ShapedText    *shaped,
               const GdkRGBA *color)
{
  GtkSnapshot *snapshot;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (shaped->nodes); i++)
    if (shaped->nodes[i] != NULL && gdk_rgba_equal (&shaped->colors[i], color))
      return shaped->nodes[i];

  i = shaped->next_node;
  shaped->next_node = (i + 1) % G_N_ELEMENTS (shaped->nodes);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_layout (snapshot, shaped->layout, color);
  g_clear_pointer (&shaped->nodes[i], gsk_render_node_unref);
  shaped->nodes[i] = gtk_snapshot_free_to_node (snapshot);
  shaped->colors[i] = *color;

  return shaped->nodes[i];
}

static void
forget_shaped (QuorumMonthChip *self)
{
  g_clear_pointer (&self->shaped, shaped_text_unref);
}

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
    {
      /* Ellipsized: as narrow as it is given. */
      *minimum = 0;
      *natural = get_shaped (self, -1)->width;
    }
  else
    {
      /* One line: the same height at any width. */
      *minimum = *natural = get_shaped (self, self->shaped != NULL ? self->shaped_width
                                                                   : for_size)->height;
    }
}

static void
quorum_month_chip_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  QuorumMonthChip *self = QUORUM_MONTH_CHIP (widget);
  int width = gtk_widget_get_width (widget);
  ShapedText *shaped;
  GskRenderNode *node;
  GdkRGBA color;

  if (self->markup == NULL || self->markup[0] == '\0')
    return;

  shaped = get_shaped (self, width);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if ((node = get_text_node (shaped, &color)) != NULL)
    gtk_snapshot_append_node (snapshot, node);

  /* Cancelled chips are struck through here rather than with Pango: the
   * CJK fonts give Pango a strikethrough of no thickness, so Chinese titles
   * would show no line at all. Thinner lines vanish in GTK 4.8's renderers. */
  if (gtk_widget_has_css_class (widget, "cancelled"))
    {
      color.alpha *= 0.7;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (0, shaped->height / 2.0 - 1,
                                                      MIN (shaped->width, width), 1.5));
    }
}

static void
quorum_month_chip_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (quorum_month_chip_parent_class)->css_changed (widget, change);

  /* Maybe another font (.moved is italic): look the text up again. */
  forget_shaped (QUORUM_MONTH_CHIP (widget));
  g_clear_pointer (&QUORUM_MONTH_CHIP (widget)->font_key, g_free);
  gtk_widget_queue_resize (widget);
}

static void
quorum_month_chip_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (quorum_month_chip_parent_class)->system_setting_changed (widget, setting);

  /* New fonts, hinting or resolution: nothing shaped before is right. */
  if (shaped_texts != NULL)
    g_hash_table_remove_all (shaped_texts);
  if (contexts != NULL)
    g_hash_table_remove_all (contexts);
  forget_shaped (QUORUM_MONTH_CHIP (widget));
  g_clear_pointer (&QUORUM_MONTH_CHIP (widget)->font_key, g_free);
  gtk_widget_queue_resize (widget);
}

static void
quorum_month_chip_finalize (GObject *object)
{
  QuorumMonthChip *self = (QuorumMonthChip *)object;

  forget_shaped (self);
  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->font_key, g_free);

  G_OBJECT_CLASS (quorum_month_chip_parent_class)->finalize (object);
}

static void
quorum_month_chip_class_init (QuorumMonthChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_month_chip_finalize;
  widget_class->measure = quorum_month_chip_measure;
  widget_class->snapshot = quorum_month_chip_snapshot;
  widget_class->css_changed = quorum_month_chip_css_changed;
  widget_class->system_setting_changed = quorum_month_chip_system_setting_changed;

  /* Styled as the label it replaces. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
quorum_month_chip_init (QuorumMonthChip *self)
{
}

GtkWidget *
quorum_month_chip_new (void)
{
  return g_object_new (QUORUM_TYPE_MONTH_CHIP, NULL);
}

/* Shows @markup; @text is the same without markup, for assistive technologies.
 * The same markup again costs nothing. */
void
quorum_month_chip_set_markup (QuorumMonthChip *self,
                              const char      *markup,
                              const char      *text)
{
  int old_height;

  g_return_if_fail (QUORUM_IS_MONTH_CHIP (self));

  if (g_strcmp0 (self->markup, markup) == 0)
    return;

  old_height = self->shaped != NULL ? self->shaped->height : -1;
  g_free (self->markup);
  self->markup = g_strdup (markup);
  g_free (self->text);
  self->text = g_strdup (text);
  forget_shaped (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text != NULL ? self->text : "",
                                  -1);
  /* A chip is as tall as its line and as wide as it is given (its cell
   * never asks for its natural width): other text of the same height needs
   * drawing, not a new layout of the chip. Most chips of a month switch
   * are such. */
  if (old_height >= 0 && get_shaped (self, -1)->height == old_height)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Returns: (nullable): the text shown, without markup */
const char *
quorum_month_chip_get_text (QuorumMonthChip *self)
{
  g_return_val_if_fail (QUORUM_IS_MONTH_CHIP (self), NULL);

  return self->text;
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
