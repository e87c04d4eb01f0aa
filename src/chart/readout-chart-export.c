/* readout-chart-export.c: the chart as a PNG, SVG or PDF file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "readout-chart.h"

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static gboolean
format_from_path (const char *path,
                  Format     *format)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
readout_chart_export (GListModel               *figures,
                      const char               *path,
                      int                       width,
                      int                       height,
                      double                    scale,
                      const ReadoutChartStyle  *style,
                      GError                  **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *display_name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Format format;

  g_return_val_if_fail (figures == NULL || G_IS_LIST_MODEL (figures), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);
  if (!format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export the chart to “%s”: the name must end in .png, .svg or .pdf"),
                   display_name);
      return FALSE;
    }

  /* Render to memory first: the file on disk is replaced in one step. */
  bytes = g_byte_array_new ();
  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      /* Pixels, so the SVG shows at the size of the PNG. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      scale = 1;
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);
      scale = 1;
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  readout_chart_draw (cr, width, height, scale, figures, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot export the chart to “%s”: %s"),
                   display_name, cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
