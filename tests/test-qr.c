/* test-qr.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "quorum-qr.h"

#define FEED_URL "webcal://192.168.1.20:8739/feeds/fxn6zyupuht23qyojq4ghz375hxecm33ucn6lq35h6z7tectkera.ics"

/* A finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre, and a
 * light separator on its inner sides. */
static void
assert_finder (QuorumQrCode *code,
               guint         left,
               guint         top)
{
  guint size = quorum_qr_code_get_size (code);

  for (guint dy = 0; dy < 7; dy++)
    for (guint dx = 0; dx < 7; dx++)
      {
        guint ring = MIN (MIN (dx, dy), MIN (6 - dx, 6 - dy));
        gboolean dark = ring != 1;

        g_assert_cmpint (quorum_qr_code_get_module (code, left + dx, top + dy), ==, dark);
      }

  for (guint i = 0; i < 8; i++)
    {
      guint sep_x = left == 0 ? 7 : left - 1;
      guint sep_y = top == 0 ? 7 : top - 1;
      guint along_x = left == 0 ? i : size - 1 - i;
      guint along_y = top == 0 ? i : size - 1 - i;

      g_assert_false (quorum_qr_code_get_module (code, sep_x, along_y));
      g_assert_false (quorum_qr_code_get_module (code, along_x, sep_y));
    }
}

static guint
count_dark (QuorumQrCode *code)
{
  guint size = quorum_qr_code_get_size (code);
  guint n = 0;

  for (guint y = 0; y < size; y++)
    for (guint x = 0; x < size; x++)
      n += quorum_qr_code_get_module (code, x, y);

  return n;
}

static void
test_qr_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumQrCode) code = quorum_qr_code_new (FEED_URL, &error);
  guint size;

  g_assert_no_error (error);
  g_assert_nonnull (code);
  size = quorum_qr_code_get_size (code);
  /* Version v has 17 + 4v modules a side. */
  g_assert_cmpuint (size, >=, 21);
  g_assert_cmpuint (size % 2, ==, 1);
  g_assert_cmpuint ((size - 17) % 4, ==, 0);

  assert_finder (code, 0, 0);
  assert_finder (code, size - 7, 0);
  assert_finder (code, 0, size - 7);

  /* Timing pattern along row 6 between the finders: alternating. */
  for (guint x = 8; x < size - 8; x++)
    g_assert_cmpint (quorum_qr_code_get_module (code, x, 6), ==, x % 2 == 0);

  /* Deterministic: the same text gives the same modules. */
  {
    g_autoptr(QuorumQrCode) again = quorum_qr_code_new (FEED_URL, &error);

    g_assert_no_error (error);
    for (guint y = 0; y < size; y++)
      for (guint x = 0; x < size; x++)
        g_assert_cmpint (quorum_qr_code_get_module (code, x, y), ==,
                         quorum_qr_code_get_module (again, x, y));
  }
}

static void
test_qr_ref (void)
{
  g_autoptr(GError) error = NULL;
  QuorumQrCode *code = quorum_qr_code_new ("https://example.org/", &error);
  QuorumQrCode *ref;

  g_assert_no_error (error);
  ref = quorum_qr_code_ref (code);
  g_assert_true (ref == code);
  quorum_qr_code_unref (code);
  g_assert_cmpuint (quorum_qr_code_get_size (ref), >=, 21);
  quorum_qr_code_unref (ref);

  g_assert_true (G_TYPE_IS_BOXED (QUORUM_TYPE_QR_CODE));
}

static void
test_qr_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (8000, 'x');

  g_assert_null (quorum_qr_code_new ("", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (quorum_qr_code_new ("\xff\xfe", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Version 40-M holds 2331 bytes. */
  g_assert_null (quorum_qr_code_new (huge, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "8000"));
  g_clear_error (&error);

  /* UTF-8 text works. */
  {
    g_autoptr(QuorumQrCode) code = quorum_qr_code_new ("履职日历", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (quorum_qr_code_get_size (code), ==, 21);
  }
}

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  GPtrArray *elements = user_data;

  g_ptr_array_add (elements, g_strdup (element));
}

/* Sums the widths of the dark runs in the path: "M x yhNv1h-Nz". */
static guint
count_path_modules (const char *svg)
{
  const char *d = strstr (svg, " d=\"");
  guint n = 0;

  g_assert_nonnull (d);
  for (const char *p = d; (p = strchr (p, 'h')) != NULL; p++)
    if (p[1] != '-' && g_ascii_isdigit (p[1]))
      n += atoi (p + 1);

  return n;
}

static void
test_qr_svg (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumQrCode) code = quorum_qr_code_new (FEED_URL, &error);
  g_autofree char *svg = NULL;
  g_autofree char *size_attr = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  guint side;

  g_assert_no_error (error);
  svg = quorum_qr_code_to_svg (code, 4, 4);
  side = (quorum_qr_code_get_size (code) + 8) * 4;
  size_attr = g_strdup_printf ("width=\"%u\" height=\"%u\"", side, side);

  g_assert_true (g_str_has_prefix (svg, "<svg"));
  g_assert_true (g_str_has_suffix (svg, "</svg>\n"));
  g_assert_nonnull (strstr (svg, size_attr));

  /* Well-formed XML with the expected elements. */
  context = g_markup_parse_context_new (&parser, 0, elements, NULL);
  g_markup_parse_context_parse (context, svg, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elements->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (elements, 0), ==, "svg");
  g_assert_cmpstr (g_ptr_array_index (elements, 1), ==, "rect");
  g_assert_cmpstr (g_ptr_array_index (elements, 2), ==, "path");

  /* The path covers exactly the dark modules. */
  g_assert_cmpuint (count_path_modules (svg), ==, count_dark (code));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qr/url", test_qr_url);
  g_test_add_func ("/qr/ref", test_qr_ref);
  g_test_add_func ("/qr/errors", test_qr_errors);
  g_test_add_func ("/qr/svg", test_qr_svg);

  return g_test_run ();
}
