/* quorum-qr-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-qr-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-qr-widget.h"

/* Pixels per module at the natural size, and the least a phone still reads. */
#define NATURAL_MODULE_PX 5
#define MINIMUM_MODULE_PX 3

/**
 * QuorumQrWidget:
 *
 * Shows a text, such as a feed address, as a QR code: whole-pixel squares
 * with a quiet zone, black on white in dark style too, since camera apps
 * look for dark modules on a light ground.
 */
struct _QuorumQrWidget
{
  GtkWidget     parent_instance;

  char         *text;
  char         *description;
  QuorumQrCode *code;
};

G_DEFINE_FINAL_TYPE (QuorumQrWidget, quorum_qr_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_modules (QuorumQrWidget *self)
{
  if (self->code == NULL)
    return 0;
  return quorum_qr_code_get_size (self->code) + 2 * QUORUM_QR_QUIET_ZONE;
}

static void
update_accessible_label (QuorumQrWidget *self)
{
  const char *what = self->description != NULL ? self->description : self->text;
  g_autofree char *label = NULL;

  /* Translators: the spoken name of a QR code image; %s is what it opens,
   * such as “Zhang San’s calendar”. */
  label = g_strdup_printf (_("QR code for %s"), what != NULL ? what : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
quorum_qr_widget_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  guint n = count_modules (QUORUM_QR_WIDGET (widget));

  *minimum = n * MINIMUM_MODULE_PX;
  *natural = n * NATURAL_MODULE_PX;
}

static void
quorum_qr_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  QuorumQrWidget *self = QUORUM_QR_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = count_modules (self);
  guint size;
  int px, x0, y0;

  if (n == 0)
    return;

  /* Whole pixels per module keep the edges sharp. */
  px = MAX (1, MIN (width, height) / (int)n);
  x0 = (width - px * (int)n) / 2;
  y0 = (height - px * (int)n) / 2;
  size = quorum_qr_code_get_size (self->code);

  gtk_snapshot_append_color (snapshot, &white,
                             &GRAPHENE_RECT_INIT (x0, y0, px * n, px * n));

  x0 += px * QUORUM_QR_QUIET_ZONE;
  y0 += px * QUORUM_QR_QUIET_ZONE;
  for (guint y = 0; y < size; y++)
    {
      guint x = 0;

      /* One rectangle per run of dark modules: fewer nodes, no seams. */
      while (x < size)
        {
          guint start;

          if (!quorum_qr_code_get_module (self->code, x, y))
            {
              x++;
              continue;
            }
          start = x;
          while (x < size && quorum_qr_code_get_module (self->code, x, y))
            x++;
          gtk_snapshot_append_color (snapshot, &black,
                                     &GRAPHENE_RECT_INIT (x0 + px * start, y0 + px * y,
                                                          px * (x - start), px));
        }
    }
}

static void
quorum_qr_widget_finalize (GObject *object)
{
  QuorumQrWidget *self = (QuorumQrWidget *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->code, quorum_qr_code_unref);

  G_OBJECT_CLASS (quorum_qr_widget_parent_class)->finalize (object);
}

static void
quorum_qr_widget_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumQrWidget *self = QUORUM_QR_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_qr_widget_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QuorumQrWidget *self = QUORUM_QR_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      quorum_qr_widget_set_text (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      quorum_qr_widget_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_qr_widget_class_init (QuorumQrWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_qr_widget_finalize;
  object_class->get_property = quorum_qr_widget_get_property;
  object_class->set_property = quorum_qr_widget_set_property;

  widget_class->measure = quorum_qr_widget_measure;
  widget_class->snapshot = quorum_qr_widget_snapshot;

  /**
   * QuorumQrWidget:text:
   *
   * The text the code encodes, or %NULL for an empty widget.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * QuorumQrWidget:description:
   *
   * What the code opens, for its accessible label “QR code for …”; the
   * text itself when %NULL.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
quorum_qr_widget_init (QuorumQrWidget *self)
{
  update_accessible_label (self);
}

GtkWidget *
quorum_qr_widget_new (void)
{
  return g_object_new (QUORUM_TYPE_QR_WIDGET, NULL);
}

const char *
quorum_qr_widget_get_text (QuorumQrWidget *self)
{
  g_return_val_if_fail (QUORUM_IS_QR_WIDGET (self), NULL);

  return self->text;
}

void
quorum_qr_widget_set_text (QuorumQrWidget *self,
                           const char     *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (QUORUM_IS_QR_WIDGET (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->code, quorum_qr_code_unref);
  if (text != NULL && !(self->code = quorum_qr_code_new (text, &error)))
    g_warning ("No QR code for “%s”: %s", text, error->message);

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * quorum_qr_widget_get_code:
 * @self: a #QuorumQrWidget
 *
 * Returns: (transfer none) (nullable): the code on show
 */
QuorumQrCode *
quorum_qr_widget_get_code (QuorumQrWidget *self)
{
  g_return_val_if_fail (QUORUM_IS_QR_WIDGET (self), NULL);

  return self->code;
}

const char *
quorum_qr_widget_get_description (QuorumQrWidget *self)
{
  g_return_val_if_fail (QUORUM_IS_QR_WIDGET (self), NULL);

  return self->description;
}

void
quorum_qr_widget_set_description (QuorumQrWidget *self,
                                  const char     *description)
{
  g_return_if_fail (QUORUM_IS_QR_WIDGET (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
