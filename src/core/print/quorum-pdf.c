/* quorum-pdf.c
 *
 * Writes an A4 PDF to a temporary file next to its destination and renames it
 * over the destination once complete: shared by the sheets and the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "quorum-print-private.h"
#include "quorum-sheet-render.h"

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          code,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %1$s is a file name, %2$s why it could not be written */
  g_set_error (error, G_IO_ERROR, code, _("Could not write “%1$s”: %2$s"), display, reason);
}

/* Creates an A4 PDF surface on a temporary file next to @path, lets
 * @draw_func draw on it and renames the file over @path once complete, so a
 * failure leaves any earlier file at @path untouched. */
gboolean
_quorum_pdf_write (const char         *path,
                   QuorumPdfDrawFunc   draw_func,
                   gpointer            data,
                   GError            **error)
{
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp_path, QUORUM_SHEET_A4_WIDTH, QUORUM_SHEET_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Quorum " PACKAGE_VERSION);
  cr = cairo_create (surface);
  draw_func (cr, data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      set_write_error (error, path, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_write_error (error, path, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
