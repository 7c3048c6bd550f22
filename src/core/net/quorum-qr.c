/* quorum-qr.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-qr"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <string.h>

#include "quorum-qr.h"

/**
 * QuorumQrCode:
 *
 * An immutable QR code (error correction level M) as a square of dark and
 * light modules. The GUI draws the modules itself; quorum_qr_code_to_svg()
 * serves files and tests.
 */
struct _QuorumQrCode
{
  guint   size;
  guint8 *modules;   /* size × size, row by row; 1 = dark */
};

G_DEFINE_BOXED_TYPE (QuorumQrCode, quorum_qr_code, quorum_qr_code_ref, quorum_qr_code_unref)

static void
qr_code_clear (QuorumQrCode *self)
{
  g_clear_pointer (&self->modules, g_free);
}

/**
 * quorum_qr_code_new:
 * @text: the UTF-8 text to encode, typically a feed URL
 * @error: return location for a #GError
 *
 * Encodes @text as the smallest QR code that holds it at error correction
 * level M (15 % of the code can be damaged and still read).
 *
 * Returns: (transfer full): the code, or %NULL with @error set when @text
 *   is empty, not UTF-8, or too long for any QR code
 */
QuorumQrCode *
quorum_qr_code_new (const char  *text,
                    GError     **error)
{
  QuorumQrCode *self;
  QRcode *code;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A QR code needs a non-empty UTF-8 text"));
      return NULL;
    }

  /* 8-bit mode with case kept: libqrencode still switches to the denser
   * numeric and alphanumeric modes for the stretches where they fit. */
  errno = 0;
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int errsv = errno;

      if (errsv == ERANGE)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("The text is too long for a QR code (%zu bytes)"), strlen (text));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Could not make the QR code: %s"), g_strerror (errsv));
      return NULL;
    }

  self = g_atomic_rc_box_new0 (QuorumQrCode);
  self->size = code->width;
  self->modules = g_malloc ((gsize)self->size * self->size);
  for (gsize i = 0; i < (gsize)self->size * self->size; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return self;
}

/**
 * quorum_qr_code_ref:
 * @self: a #QuorumQrCode
 *
 * Returns: (transfer full): @self with one more reference
 */
QuorumQrCode *
quorum_qr_code_ref (QuorumQrCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * quorum_qr_code_unref:
 * @self: (transfer full): a #QuorumQrCode
 *
 * Drops a reference, freeing the code with the last one.
 */
void
quorum_qr_code_unref (QuorumQrCode *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)qr_code_clear);
}

/**
 * quorum_qr_code_get_size:
 * @self: a #QuorumQrCode
 *
 * Returns: the number of modules along one side (21 for version 1, then 4
 *   more per version), without the quiet zone
 */
guint
quorum_qr_code_get_size (QuorumQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/**
 * quorum_qr_code_get_module:
 * @self: a #QuorumQrCode
 * @x: the column, from 0 at the left
 * @y: the row, from 0 at the top
 *
 * Returns: %TRUE if the module at (@x, @y) is dark
 */
gboolean
quorum_qr_code_get_module (QuorumQrCode *self,
                           guint         x,
                           guint         y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x < self->size && y < self->size, FALSE);

  return self->modules[(gsize)y * self->size + x] != 0;
}

/**
 * quorum_qr_code_to_svg:
 * @self: a #QuorumQrCode
 * @module_px: the width of one module in pixels, at least 1
 * @margin_modules: the quiet zone around the code, in modules (the standard
 *   asks for 4)
 *
 * Draws the code as a standalone SVG document: a white square and one path
 * holding every dark module, with each horizontal run of dark modules merged.
 *
 * Returns: (transfer full): the SVG text
 */
char *
quorum_qr_code_to_svg (QuorumQrCode *self,
                       guint         module_px,
                       guint         margin_modules)
{
  GString *svg;
  guint side;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (module_px > 0, NULL);
  g_return_val_if_fail (margin_modules <= 64, NULL);

  side = self->size + 2 * margin_modules;
  svg = g_string_new (NULL);
  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%u\" height=\"%u\" viewBox=\"0 0 %u %u\" "
                          "shape-rendering=\"crispEdges\">\n"
                          "<rect width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n"
                          "<path fill=\"#000000\" d=\"",
                          side * module_px, side * module_px, side, side, side, side);

  for (guint y = 0; y < self->size; y++)
    {
      guint x = 0;

      while (x < self->size)
        {
          guint run = 0;

          while (x + run < self->size && quorum_qr_code_get_module (self, x + run, y))
            run++;
          if (run > 0)
            {
              g_string_append_printf (svg, "M%u %uh%uv1h-%uz",
                                      x + margin_modules, y + margin_modules, run, run);
              x += run;
            }
          else
            x++;
        }
    }

  g_string_append (svg, "\"/>\n</svg>\n");
  return g_string_free (svg, FALSE);
}
