/* test-chart-export.c: PNG, SVG and PDF files, written atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "readout-chart.h"
#include "chart-fixtures.h"

typedef struct
{
  char       *dir;
  GListStore *figures;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("readout-chart-XXXXXX", &error);
  g_assert_no_error (error);
  f->figures = fixture_release ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->figures);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
export (Fixture     *f,
        const char  *name,
        double       scale,
        gsize       *length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ReadoutChartStyle style;
  char *contents = NULL;

  readout_chart_style_init_default (&style, FALSE);
  g_assert_true (readout_chart_export (G_LIST_MODEL (f->figures), path, 900, 300, scale, &style, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_png_size (Fixture    *f,
                 const char *name,
                 int         width,
                 int         height)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *at1 = export (f, "chart.png", 1, &length);
  g_autofree char *at2 = NULL;

  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (at1, 8, "\x89PNG\r\n\x1a\n", 8);
  assert_png_size (f, "chart.png", 900, 300);

  /* Twice the pixels at scale 2; upper case works. */
  at2 = export (f, "chart@2x.PNG", 2, &length);
  g_assert_cmpmem (at2, 8, "\x89PNG\r\n\x1a\n", 8);
  assert_png_size (f, "chart@2x.PNG", 1800, 600);
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *svg = export (f, "chart.svg", 1, &length);

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "width=\"900"));
  g_assert_nonnull (strstr (svg, "</svg>"));
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *pdf = export (f, "chart.pdf", 2, &length);

  g_assert_cmpuint (length, >, 5);
  g_assert_cmpmem (pdf, 5, "%PDF-", 5);
  /* Complete: the trailer ends the file (streams hold NUL bytes, so look
   * at the tail only). */
  g_assert_cmpuint (length, >, 16);
  g_assert_nonnull (g_strstr_len (pdf + length - 16, 16, "%%EOF"));
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *png = NULL;
  gsize length;

  g_file_set_contents (path, "old", -1, NULL);
  png = export (f, "chart.png", 1, &length);
  g_assert_cmpmem (png, 4, "\x89PNG", 4);
  /* No temporary file left behind. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_unknown_extension (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.bmp", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (readout_chart_export (G_LIST_MODEL (f->figures), path, 900, 300, 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "chart.bmp"));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_missing_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "gone", "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (readout_chart_export (G_LIST_MODEL (f->figures), path, 900, 300, 1, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chart/export/png", test_png);
  ADD ("/chart/export/svg", test_svg);
  ADD ("/chart/export/pdf", test_pdf);
  ADD ("/chart/export/replace", test_replace);
  ADD ("/chart/export/unknown-extension", test_unknown_extension);
  ADD ("/chart/export/missing-directory", test_missing_directory);
#undef ADD

  return g_test_run ();
}
