/* quorum-sheet-print.c: print a sheet, or save it as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-sheet-print"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-sheet-print.h"
#include "quorum-sheet-render.h"

static void
drop_sheet (gpointer  data,
            GClosure *closure)
{
  quorum_sheet_unref (data);
}

static void
page_size_in_points (GtkPrintContext *context,
                     double          *width,
                     double          *height)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  /* The sheet has its own margins: it is drawn on the whole paper. */
  *width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   QuorumSheet       *sheet)
{
  double width, height;

  page_size_in_points (context, &width, &height);
  gtk_print_operation_set_n_pages (operation, quorum_sheet_get_n_pages (sheet, width, height));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 QuorumSheet       *sheet)
{
  double width, height;

  page_size_in_points (context, &width, &height);
  quorum_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context), page,
                          width, height);
}

/**
 * quorum_sheet_print_operation_new:
 * @sheet: a sheet
 *
 * A print operation that prints @sheet on A4 (or the paper the user picks),
 * drawing on the whole page in points.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
quorum_sheet_print_operation_new (QuorumSheet *sheet)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, quorum_sheet_get_title (sheet));

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print_cb),
                         quorum_sheet_ref (sheet), drop_sheet, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb),
                         quorum_sheet_ref (sheet), drop_sheet, 0);
  return operation;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", error->message);
}

/**
 * quorum_sheet_print:
 * @sheet: a sheet
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog for @sheet. Failures are shown as a toast.
 */
void
quorum_sheet_print (QuorumSheet *sheet,
                    GtkWindow   *parent)
{
  g_autoptr(GtkPrintOperation) operation = quorum_sheet_print_operation_new (sheet);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), parent, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", error->message);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       QuorumSheet     *sheet)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL && parent != NULL)
    {
      if (quorum_sheet_write_pdf (sheet, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast; %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

          gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
        }
      else
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", error->message);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * quorum_sheet_export_pdf:
 * @sheet: a sheet
 * @parent: the window the file chooser belongs to
 * @suggested_name: the file name to offer
 *
 * Asks where to save @sheet and writes it there as an A4 PDF.
 */
void
quorum_sheet_export_pdf (QuorumSheet *sheet,
                         GtkWindow   *parent,
                         const char  *suggested_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_response_cb),
                         quorum_sheet_ref (sheet), drop_sheet, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
